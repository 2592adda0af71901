// The "My log" page: a form made from the protocol's measures, the verdict and each exit criterion as the
// athlete types, the charts, and the log kept on this device, exported and imported as the CLI's CSV or JSON.

import { element, saveFile } from "./dom.js";
import { painChart, minutesChart } from "./chart.js";
import { currentPhase, evaluatePhase } from "./evaluate.js";
import {
  ACTIVITIES, LogError, MAX_LOG_BYTES, readCsv, readJson, redFlags, withEntry, writeCsv, writeJson,
} from "./log.js";
import { clearField, fieldValue, measureField, shown } from "./measure-fields.js";
import { localToday, siteAddress } from "./plan.js";
import { forgetAll, keys, load, save } from "./store.js";
import { ACTIONS, STATES, because, entries as counted, toRecord, verdictText } from "./verdict-words.js";

const SHOWN_ENTRIES = 14;
const WEEKS_BEFORE = 7;
const ACTIVITY_NAMES = {
  walk: "Walk", "walk-run": "Walk-run", run: "Easy run", "tempo-run": "Tempo run", "downhill-run": "Downhill run",
  strength: "Strength", "cross-training": "Bike, pool or other cross-training", mobility: "Mobility",
  test: "Test or clinic check", rest: "Rest day or morning check",
};


/** Starts the page in `root` (data-protocol: the protocol's id, whose data the site publishes). */
export async function start(root) {
  const data = await (await fetch(siteAddress(`data/${root.dataset.protocol}.json`))).json();
  const page = new LogPage(root, data.protocol);
  page.show();
}

class LogPage {
  constructor(root, protocol) {
    this.root = root;
    this.protocol = protocol;
    this.measures = Object.fromEntries(protocol.measures.map((measure) => [measure.id, measure]));
    this.key = keys.log(protocol.id);
    this.entries = load(this.key, { entries: [] }).entries;
    this.form = root.querySelector(".hb-log__form");
    this.status = root.querySelector(".hb-log__status");
    this.dataStatus = root.querySelector(".hb-log__data-status");
    this.build();
    this.form.addEventListener("input", () => this.evaluate());
    this.form.addEventListener("submit", (event) => { event.preventDefault(); this.add(); });
    root.querySelector("[data-export=csv]").addEventListener("click", () => this.download("csv"));
    root.querySelector("[data-export=json]").addEventListener("click", () => this.download("json"));
    root.querySelector(".hb-log__import").addEventListener("change", (event) => this.import(event.target));
    root.querySelector(".hb-log__delete").addEventListener("click", () => this.forget());
    root.querySelector(".hb-log__no-flags").addEventListener("click", () => this.noFlags());
    root.hidden = false;
  }

  phase(id) {
    return this.protocol.phases.find((phase) => phase.id === id);
  }

  /** The phase the athlete is in: the one chosen in Today (home page) for this protocol, else the latest the
   * log names, else the first. */
  currentPhase() {
    const plan = load(keys.plan, null);
    if (plan && plan.protocol === this.protocol.id && this.phase(plan.phase)) return plan.phase;
    return currentPhase(this.protocol, this.entries);
  }

  /** The form: date, phase, session, the measures (the phase's own first), a note. */
  build() {
    const phaseId = this.currentPhase();
    const fields = this.form.querySelector(".hb-log__fields");
    const today = localToday();
    const phases = element("select", { name: "phase" },
      ...this.protocol.phases.map((phase, index) =>
        element("option", { value: phase.id, selected: phase.id === phaseId }, `Phase ${index + 1}: ${phase.title}`)));
    fields.replaceChildren(
      element("div", { class: "hb-log__when" },
        element("label", {}, "Date ", element("input", { type: "date", name: "date", value: today, max: today, required: true })),
        element("label", {}, "Time (optional) ", element("input", { type: "time", name: "time" }))),
      element("label", {}, "Phase ", phases),
      element("label", {}, "What you did ", element("select", { name: "activity" },
        element("option", { value: "" }, "choose (optional)"),
        ...ACTIVITIES.map((id) => element("option", { value: id }, ACTIVITY_NAMES[id])))),
      element("label", {}, "Session (optional) ", element("input", { type: "text", name: "session", maxlength: 120 })),
    );
    phases.addEventListener("change", () => this.placeMeasures());
    this.inputs = Object.fromEntries(this.protocol.measures.map((measure) => [measure.id, measureField(measure)]));
    this.flags = redFlags(this.protocol);
    this.form.querySelector(".hb-log__flag-fields").replaceChildren(...this.flags.map((id) => this.inputs[id]));
    this.placeMeasures();
  }

  /** One tap for a check with no red flag: every red-flag question answered no. */
  noFlags() {
    for (const id of this.flags) this.inputs[id].querySelector("input[value=no]").checked = true;
    this.evaluate();
  }

  /** The measures the chosen phase's criteria and warning signs use first, the others under "More measures". */
  placeMeasures() {
    const phase = this.phase(this.form.elements.phase.value);
    const used = phaseMeasures(this.protocol, phase);
    const own = this.form.querySelector(".hb-log__measures");
    const more = this.form.querySelector(".hb-log__more-measures");
    const rest = this.protocol.measures.filter((m) => !this.flags.includes(m.id));
    own.replaceChildren(...rest.filter((m) => used.has(m.id)).map((m) => this.inputs[m.id]));
    more.replaceChildren(...rest.filter((m) => !used.has(m.id)).map((m) => this.inputs[m.id]));
    this.evaluate();
  }

  /** The entry the form holds, or null when it records nothing. */
  draft() {
    const form = this.form.elements;
    const values = {};
    for (const measure of this.protocol.measures) {
      const value = fieldValue(this.inputs[measure.id], measure);
      if (value !== null) values[measure.id] = value;
    }
    const note = form.note.value.trim();
    if (!Object.keys(values).length && !note && !form.session.value.trim()) return null;
    const entry = { date: form.date.value || localToday() };
    if (form.time.value) entry.time = form.time.value;
    entry.phase = form.phase.value;
    if (form.activity.value) entry.activity = form.activity.value;
    if (form.session.value.trim()) entry.session = form.session.value.trim();
    entry.values = values;
    if (note) entry.note = note;
    return entry;
  }

  add() {
    const entry = this.draft();
    if (!entry) {
      this.say("Fill in at least one measure before saving.");
      return;
    }
    if (!this.keep(withEntry(this.entries, entry))) {
      this.say(`The entry of ${entry.date} could not be saved: this browser's storage for the handbook is full. `
        + "It is still in the form. Export your log, then delete some old entries, and save again.");
      return;
    }
    this.form.reset();
    this.form.elements.date.value = localToday();
    this.form.elements.phase.value = entry.phase;
    for (const field of Object.values(this.inputs)) clearField(field);
    this.say(`Entry of ${entry.date} saved on this device.`);
    this.show();
  }

  /** Keep `entries` (default: the log as it is) on this device; false, and the log unchanged, if it cannot. */
  keep(entries = this.entries) {
    if (entries.length && !save(this.key, { entries })) return false;
    if (!entries.length) localStorage.removeItem(this.key);
    this.entries = entries;
    return true;
  }

  /** Says `text` under the form, or (`nearData`) under the export and import buttons, where it was asked for. */
  say(text, nearData = false) {
    (nearData ? this.dataStatus : this.status).textContent = text;
    (nearData ? this.status : this.dataStatus).textContent = "";
  }

  show() {
    this.evaluate();
    this.listEntries();
  }

  /** The verdict and the criteria on the log plus the entry being typed, and the charts. */
  evaluate() {
    const draft = this.draft();
    const entries = draft ? withEntry(this.entries, draft) : this.entries;
    const phase = this.phase(this.form.elements.phase.value);
    const result = evaluatePhase(this.protocol, entries, phase.id, localToday());
    const verdict = this.root.querySelector(".hb-log__verdict");
    verdict.className = `hb-log__verdict hb-log__verdict--${result.verdict}`;
    const missing = result.verdict === "keep-going" ? toRecord(phase, result, this.measures) : [];
    verdict.replaceChildren(element("strong", {}, verdictText(this.protocol, result)),
      draft ? " (with the entry you are typing, not saved yet)" : "",
      missing.length ? element("span", { class: "hb-log__record" }, ` To record next: ${missing.join(", ")}.`) : "");
    this.root.querySelector(".hb-log__criteria").replaceChildren(...result.criteria.map((criterion) =>
      element("li", { class: `hb-log__criterion hb-log__criterion--${criterion.result.state}` },
        element("span", { class: "hb-log__state" }, STATES[criterion.result.state]), " ",
        criterion.text.replace(/\*\*|\*/g, ""), " ",
        element("span", { class: "hb-log__why" }, because(criterion.result, this.measures)))));
    const signs = Object.fromEntries(this.protocol.warning_signs.map((sign) => [sign.id, sign]));
    const also = result.also.map((id) => signs[id].name);
    this.root.querySelector(".hb-log__signs").replaceChildren(...result.signs.map((sign) =>
      element("li", { class: `hb-log__sign hb-log__sign--${sign.severity}` },
        element("strong", {}, `${sign.severity === "red" ? "Red" : sign.severity === "amber" ? "Amber" : "Green"}: ${sign.name}`),
        ` — ${signs[sign.id].advice || `${ACTIONS[sign.action] || sign.action}.`} `,
        element("span", { class: "hb-log__why" }, because(sign.result, this.measures)))),
      ...(result.early ? [element("li", { class: "hb-log__sign hb-log__sign--amber" },
        element("strong", {}, "Amber: moved on too early"),
        ` — on ${result.early.date} your log moved on from ${this.phase(result.early.phase).title} while it showed `
        + `these exit criteria not met: ${result.early.criteria.map((text) => text.replace(/\*\*|\*/g, "")).join(" ")} `
        + "Go back to that phase until they are.")] : []),
      ...(also.length ? [element("li", { class: "hb-log__also" }, `Also in your log: ${also.join("; ")}. Tell your clinician.`)] : []));
    const charts = this.root.querySelector(".hb-log__charts");
    const pain = painChart(this.protocol, phase, entries);
    const minutes = minutesChart(this.protocol, entries);
    charts.innerHTML = (pain && `<h3>Pain over time</h3>${pain}`)
      + (minutes && `<h3>Minutes per week: this week and the ${WEEKS_BEFORE} before</h3>${minutes}`);
    charts.hidden = !pain && !minutes;
  }

  listEntries() {
    const rows = this.entries.slice(-SHOWN_ENTRIES).reverse().map((entry) => {
      const index = this.entries.indexOf(entry);
      const remove = element("button", { type: "button", class: "md-button hb-log__remove",
                                         "aria-label": `Delete the entry of ${entry.date}` }, "Delete");
      remove.addEventListener("click", () => {
        this.keep(this.entries.filter((_, at) => at !== index));
        this.show();
      });
      const values = Object.entries(entry.values).map(([id, value]) =>
        `${this.measures[id] ? this.measures[id].name : id}: ${shown(value, this.measures[id])}`).join("; ");
      return element("tr", {}, element("td", {}, [entry.date, entry.time].filter(Boolean).join(" ")),
        element("td", {}, values || entry.note || ""), element("td", {}, remove));
    });
    const table = this.root.querySelector(".hb-log__entries");
    table.querySelector("tbody").replaceChildren(...rows);
    table.hidden = !rows.length;
    this.root.querySelector(".hb-log__count").textContent = this.entries.length
      ? `${counted(this.entries.length)} on this device${
        this.entries.length > SHOWN_ENTRIES ? `, the latest ${SHOWN_ENTRIES} shown` : ""}.`
      : "No entries on this device yet.";
  }

  download(format) {
    const text = format === "csv" ? writeCsv(this.entries, this.protocol) : writeJson(this.entries);
    saveFile(text, `${this.protocol.id}-log.${format}`, format === "csv" ? "text/csv" : "application/json");
  }

  async import(input) {
    const file = input.files[0];
    input.value = "";
    if (!file) return;
    if (file.size > MAX_LOG_BYTES) {
      this.say(`${file.name} was not imported: it is ${(file.size / 2 ** 20).toFixed(1)} MB, more than the `
        + `${MAX_LOG_BYTES / 2 ** 20} MB a log may hold (about ten years of daily entries); split it into one file a year.`, true);
      return;
    }
    const text = await file.text();
    try {
      const read = /\.csv$/i.test(file.name) ? readCsv : readJson;
      const entries = read(text, this.protocol, localToday());
      if (this.entries.length && !confirm(`Replace the ${counted(this.entries.length)} on this device with the ${counted(entries.length)} in ${file.name}?`)) return;
      if (!this.keep(entries)) {
        this.say(`${file.name} was not imported: this browser's storage for the handbook is full. `
          + "The log on this device is as it was.", true);
        return;
      }
      this.build();
      this.show();
      this.say(`${counted(entries.length)} imported from ${file.name}.`, true);
    } catch (error) {
      if (!(error instanceof LogError)) throw error;
      const more = error.problems.length > 5 ? `; and ${error.problems.length - 5} more` : "";
      this.say(`${file.name} was not imported: ${error.problems.slice(0, 5).join("; ")}${more}`, true);
    }
  }

  forget() {
    if (!confirm("Delete your log, your plan and your ticks from this device? This cannot be undone.")) return;
    forgetAll();
    this.entries = [];
    this.build();
    this.show();
    this.say("Everything the handbook kept on this device is deleted.", true);
  }
}

/** Ids of the measures the phase's exit criteria and warning-sign rules use. */
function phaseMeasures(protocol, phase) {
  const signs = Object.fromEntries(protocol.warning_signs.map((sign) => [sign.id, sign]));
  const ids = new Set();
  const visit = (rule) => {
    if (!rule) return;
    if (rule.all || rule.any) (rule.all || rule.any).forEach(visit);
    else ids.add(rule.measure);
  };
  (phase.exit_criteria || []).forEach(visit);
  phase.warning_signs.forEach((id) => visit(signs[id].rule));
  return ids;
}
