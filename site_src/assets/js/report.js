// The progress report page: one printable page for the athlete's clinician, made in this browser from the log,
// the phase chosen in Today and Today's ticks (this browser's storage): the phase, the verdict and the values that
// decide it (the engine My log uses), charts of pain and the measures, adherence, red flags and the notes. It is
// shown in full on the page first; printing is the athlete's choice, and nothing is sent anywhere. Every text from
// the log is set as text, never as HTML; the charts escape theirs.

import { element } from "./dom.js";
import { minutesChart, painChart } from "./chart.js";
import { currentPhase, evaluatePhase } from "./evaluate.js";
import { shown } from "./measure-fields.js";
import { localToday, phaseSessions, siteAddress } from "./plan.js";
import { adherence, chartedMeasures, latestValues, measureChart, notes, redFlagAnswers } from "./progress.js";
import { keys, load, save } from "./store.js";
import { ACTIONS, STATES, because, entries as counted, verdictText } from "./verdict-words.js";

const PAPER = { A4: "@page { size: A4 portrait; margin: 12mm; }", letter: "@page { size: letter portrait; margin: 0.5in; }" };
const plain = (text) => text.replace(/\*\*|\*/g, "");
const escape = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Starts the report in `root` (data-protocol: the protocol's id). */
export async function start(root) {
  const data = await (await fetch(siteAddress(`data/${root.dataset.protocol}.json`))).json();
  const form = root.querySelector(".hb-report__controls");
  const paper = element("style", { media: "print" });
  document.head.append(paper);
  form.elements.athlete.value = load(keys.athlete, "");
  form.elements.paper.value = load(keys.paper, "A4") === "letter" ? "letter" : "A4";
  const draw = () => {
    paper.textContent = PAPER[form.elements.paper.value];
    report(root, data, form.elements.athlete.value.trim());
  };
  form.addEventListener("input", () => {
    save(keys.athlete, form.elements.athlete.value.trim());
    save(keys.paper, form.elements.paper.value);
    draw();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  root.querySelector(".hb-report__print").addEventListener("click", () => window.print());
  draw();
  root.hidden = false;
}

function report(root, data, athlete) {
  const { protocol } = data;
  const $ = (name) => root.querySelector(`.hb-report__${name}`);
  const entries = load(keys.log(protocol.id), { entries: [] }).entries;
  const plan = load(keys.plan, null);
  const planned = plan && plan.protocol === protocol.id && protocol.phases.some((phase) => phase.id === plan.phase);
  const phaseId = planned ? plan.phase : currentPhase(protocol, entries);
  const number = protocol.phases.findIndex((phase) => phase.id === phaseId);
  const phase = protocol.phases[number];
  const today = localToday();
  const measures = Object.fromEntries(protocol.measures.map((measure) => [measure.id, measure]));
  const result = evaluatePhase(protocol, entries, phaseId, today);

  const facts = [
    ["Athlete", athlete || "—"],
    ["Protocol", `${protocol.title}, version ${protocol.version}`],
    ["Phase", `Phase ${number + 1}: ${phase.title}${planned ? `, started ${plan.start}` : ""}`],
    ["Log", entries.length ? `${counted(entries.length)}, ${entries[0].date} to ${entries[entries.length - 1].date}` : "no entries yet"],
    ["Made on", today],
  ];
  $("facts").replaceChildren(...facts.flatMap(([name, value]) => [element("dt", {}, name), element("dd", {}, value)]));
  $("verdict").className = `hb-report__verdict hb-log__verdict hb-log__verdict--${result.verdict}`;
  $("verdict").replaceChildren(element("strong", {}, "Verdict: "), verdictText(protocol, result), ".");
  $("criteria").replaceChildren(...result.criteria.map((criterion) => element("li", {},
    element("strong", {}, `${STATES[criterion.result.state]}: `), plain(criterion.text), " ",
    element("span", { class: "hb-report__why" }, because(criterion.result, measures)))));
  if (!result.criteria.length) $("criteria").replaceChildren(element("li", {}, "This phase has no exit criteria."));

  const signs = Object.fromEntries(protocol.warning_signs.map((sign) => [sign.id, sign]));
  const flagged = redFlagAnswers(protocol, entries);
  $("signs").replaceChildren(
    ...result.signs.map((sign) => element("li", {},
      element("strong", {}, `${sign.severity === "red" ? "Red" : sign.severity === "amber" ? "Amber" : "Green"}: ${sign.name}`),
      ` — ${ACTIONS[sign.action] || sign.action}. `, element("span", { class: "hb-report__why" }, because(sign.result, measures)))),
    ...result.also.map((id) => element("li", {}, `Also in the log: ${signs[id].name}.`)),
    ...flagged.map((flag) => element("li", {}, element("strong", {}, "Red flag answered yes: "), `${flag.name}, ${flag.date}.`)),
  );
  if (!$("signs").children.length) $("signs").replaceChildren(element("li", {}, "None in the log: no warning sign decides and no red flag was answered yes."));

  const ticks = planned ? load(keys.ticks(protocol.id, phaseId), {}) : {};
  const done = planned && plan.start <= today ? adherence(phaseSessions(data, phaseId), plan.start, today, ticks) : null;
  $("adherence").textContent = !done ? "No phase and start date chosen in Today, so there are no planned sessions to count."
    : done.planned ? `${done.done} of ${done.planned} drills planned were ticked done (${done.percent} %), from ${done.from} to `
      + `${done.to}; every drill ticked on ${done.fullDays} of the ${done.sessionDays} days with a session.`
      : `No sessions were planned from ${done.from} to ${done.to}.`;

  const charts = [];
  const pain = painChart(protocol, phase, entries);
  if (pain) charts.push(`<figure class="hb-report__chart">${pain}<figcaption>Pain, 0 to 10, with this phase's limits</figcaption></figure>`);
  const minutes = minutesChart(protocol, entries);
  if (minutes) charts.push(`<figure class="hb-report__chart">${minutes}<figcaption>Minutes per week</figcaption></figure>`);
  chartedMeasures(protocol, entries).forEach((measure, index) => {
    charts.push(`<figure class="hb-report__chart">${measureChart(measure, entries, `hb-measure-${index}`)}`
      + `<figcaption>${escape(measure.name)}${measure.unit ? ` (${escape(measure.unit)})` : ""}</figcaption></figure>`);
  });
  // the chart functions build the SVG and escape every text in it (chart.js, progress.js)
  $("charts").innerHTML = charts.join("") || "<p>No values to chart yet.</p>";

  const latest = latestValues(protocol, entries);
  $("latest").querySelector("tbody").replaceChildren(...latest.map((one) => element("tr", {},
    element("td", {}, one.measure.name), element("td", {}, shown(one.value, one.measure)), element("td", {}, one.date))));
  $("table").hidden = !latest.length;
  const written = notes(entries);
  $("notes").replaceChildren(...written.map((one) => element("li", {}, element("strong", {}, `${one.date}: `), one.note)));
  if (!written.length) $("notes").replaceChildren(element("li", {}, "No notes in the log."));
}
