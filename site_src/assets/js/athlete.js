// The athlete's tools on the pages that have them: "My log", "Today" on the home page, and the exit-criteria
// boxes of the phase pages kept on this device.

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
