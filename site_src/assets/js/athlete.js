// The athlete's tools on the pages that have them: "My log", "Today" on the home page, the exit-criteria
// boxes of the phase pages kept on this device, and on a drill page the dose of the phase chosen in Today first.

const log = document.querySelector(".hb-log[data-protocol]");
if (log) {
  import("./my-log.js").then((page) => page.start(log)).catch(() => { log.hidden = true; });
}
const today = document.querySelector(".hb-today");
if (today) {
  import("./today.js").then((page) => page.start(today)).catch(() => { today.hidden = true; });
}
if (document.querySelector(".hb-checklist input[type=checkbox]")) {
  import("./today.js").then((page) => page.keepCriteria(document));
}
if (document.querySelector(".hb-doses")) {
  import("./today.js").then((page) => page.markPhase(document));
}
