// The athlete's tools on the pages that have them: "My log", the session player, the progress report, "Today"
// on the home page, the exit-criteria boxes of the phase pages kept on this device, and on a drill page the dose
// of the phase chosen in Today first.

const log = document.querySelector(".hb-log[data-protocol]");
if (log) {
  import("./my-log.js").then((page) => page.start(log)).catch(() => { log.hidden = true; });
}
const session = document.querySelector(".hb-player[data-protocol]");
if (session) {
  import("./session.js").then((page) => page.start(session)).catch(() => { session.hidden = true; });
}
const report = document.querySelector(".hb-report[data-protocol]");
if (report) {
  import("./report.js").then((page) => page.start(report)).catch(() => { report.hidden = true; });
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
