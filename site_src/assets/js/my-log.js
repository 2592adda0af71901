// The "My log" page: a form made from the protocol's measures, the verdict and each exit criterion as the
// athlete types, the charts, and the log kept on this device, exported and imported as the CLI's CSV or JSON.

import { element, saveFile } from "./dom.js";
import { painChart, minutesChart } from "./chart.js";
import { currentPhase, evaluatePhase } from "./evaluate.js";
import {
  ACTIVITIES, LogError, MAX_LOG_BYTES, NUMERIC_KINDS, readCsv, readJson, redFlags, withEntry, writeCsv, writeJson,
} from "./log.js";
import { localToday, siteAddress } from "./plan.js";
import { forgetAll, keys, load, save } from "./store.js";

const STATES = { met: "Met", "not-met": "Not yet", "no-data": "No data" };
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

  /** The form: date, phase, session, the measures (the phase's own first), a note. */
  build() {
    const phaseId = currentPhase(this.protocol, this.entries);
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

  say(text) {
    this.status.textContent = text;
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
    const missing = result.verdict === "keep-going" ? toRecord(this.protocol, phase, result, this.measures) : [];
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
        ` — ${signs[sign.id].advice || sign.action.replaceAll("-", " ")} `,
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
      ? `${this.entries.length} ${this.entries.length === 1 ? "entry" : "entries"} on this device${
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
        + `${MAX_LOG_BYTES / 2 ** 20} MB a log may hold (about ten years of daily entries); split it into one file a year.`);
      return;
    }
    const text = await file.text();
    try {
      const read = /\.csv$/i.test(file.name) ? readCsv : readJson;
      const entries = read(text, this.protocol, localToday());
      if (this.entries.length && !confirm(`Replace the ${this.entries.length} entries on this device with the ${entries.length} in ${file.name}?`)) return;
      if (!this.keep(entries)) {
        this.say(`${file.name} was not imported: this browser's storage for the handbook is full. `
          + "The log on this device is as it was.");
        return;
      }
      this.say(`${entries.length} entries imported from ${file.name}.`);
      this.build();
      this.show();
    } catch (error) {
      if (!(error instanceof LogError)) throw error;
      this.say(`${file.name} was not imported: ${error.problems.slice(0, 5).join("; ")}`);
    }
  }

  forget() {
    if (!confirm("Delete your log, your plan and your ticks from this device? This cannot be undone.")) return;
    forgetAll();
    this.entries = [];
    this.say("Everything the handbook kept on this device is deleted.");
    this.build();
    this.show();
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

/** The input for one measure: a 0-10 slider, yes/no, a choice of its values, or a number. */
function measureField(measure) {
  const id = `hb-measure-${measure.id}`;
  const hint = element("span", { class: "hb-log__unit" }, measure.unit ? ` (${measure.unit.trim()})` : "");
  if (measure.kind === "boolean") {
    const choice = (value, text) => element("label", {}, element("input", { type: "radio", name: `m:${measure.id}`, value }), ` ${text}`);
    return element("fieldset", { class: "hb-log__field", "data-measure": measure.id },
      element("legend", {}, measure.name), choice("yes", "Yes"), choice("no", "No"), clearButton(measure));
  }
  if (measure.kind === "categorical") {
    return element("div", { class: "hb-log__field", "data-measure": measure.id },
      element("label", { for: id }, measure.name),
      element("select", { id, name: `m:${measure.id}` }, element("option", { value: "" }, "not recorded"),
        ...measure.values.map((value) => element("option", { value }, value))));
  }
  if (measure.kind === "scale") {
    const [low, high] = [measure.min ?? 0, measure.max ?? 10];
    const output = element("output", { for: id, class: "hb-log__output" }, "not recorded");
    const slider = element("input", { type: "range", id, name: `m:${measure.id}`, min: low, max: high, step: 1, value: low,
                                      "aria-valuetext": "not recorded" });
    slider.addEventListener("input", () => {
      slider.dataset.set = "yes";
      output.textContent = `${slider.value}/${high}`;
      slider.setAttribute("aria-valuetext", `${slider.value} out of ${high}`);
    });
    return element("div", { class: "hb-log__field hb-log__field--scale", "data-measure": measure.id },
      element("label", { for: id }, measure.name, hint), element("div", { class: "hb-log__slider" }, slider, output),
      clearButton(measure));
  }
  return element("div", { class: "hb-log__field", "data-measure": measure.id },
    element("label", { for: id }, measure.name, hint),
    element("input", { type: "number", id, name: `m:${measure.id}`, inputmode: "decimal", min: measure.min ?? 0,
                       max: measure.max, step: measure.kind === "count" ? 1 : "any" }));
}

function clearButton(measure) {
  const button = element("button", { type: "button", class: "hb-log__clear", "aria-label": `Clear ${measure.name}` }, "Clear");
  button.addEventListener("click", () => {
    clearField(button.parentElement);
    button.form.dispatchEvent(new Event("input"));
  });
  return button;
}

function clearField(field) {
  for (const input of field.querySelectorAll("input, select")) {
    if (input.type === "radio") input.checked = false;
    else if (input.type === "range") {
      delete input.dataset.set;
      input.value = input.min;
      input.setAttribute("aria-valuetext", "not recorded");
      field.querySelector("output").textContent = "not recorded";
    } else input.value = "";
  }
}

/** The value a measure's field holds, or null when it is not recorded. */
function fieldValue(field, measure) {
  if (measure.kind === "boolean") {
    const checked = field.querySelector("input:checked");
    return checked ? checked.value === "yes" : null;
  }
  const input = field.querySelector("input, select");
  if (measure.kind === "scale") return input.dataset.set ? Number(input.value) : null;
  if (input.value === "") return null;
  return NUMERIC_KINDS.has(measure.kind) ? Number(input.value) : input.value;
}

const shown = (value, measure) => (typeof value === "boolean" ? (value ? "yes" : "no")
  : `${value}${measure && measure.unit ? (measure.unit.startsWith("/") ? "" : " ") + measure.unit.trim() : ""}`);

function verdictText(protocol, result) {
  const phases = protocol.phases;
  const named = (id) => {
    const index = phases.findIndex((phase) => phase.id === id);
    return `Phase ${index + 1}: ${phases[index].title}`;
  };
  return {
    "move-on": `Ready to move on to ${named(result.target)}`,
    "keep-going": `Keep going with ${named(result.target)}: not every exit criterion is met yet`,
    hold: "Hold: stay at your current level until the warning sign settles",
    "step-back": `Step back${result.target !== result.phase ? ` to ${named(result.target)}` : " to an easier level"}`,
    stop: "Stop and contact your clinician",
  }[result.verdict];
}

/** The measures an exit criterion has no recent value of, by name: what to log next. */
function toRecord(protocol, phase, result, measures) {
  const names = new Set();
  (phase.exit_criteria || []).forEach((criterion, index) => {
    const found = result.criteria[index].result;
    const pairs = criterion.all || criterion.any ? (criterion.all || criterion.any).map((rule, at) => [rule, found.parts[at]])
      : [[criterion, found]];
    for (const [rule, part] of pairs) {
      if (part.state === "no-data" && rule.measure) names.add(measures[rule.measure].name.toLowerCase());
    }
  });
  return [...names];
}

/** Why a rule has no data: nothing logged, or only values older than its look-back. */
function nothing(result) {
  if (result.stale) return `(the latest value, ${result.stale}, is older than ${result.within} days: record it again)`;
  return result.within ? `(nothing logged in the last ${result.within} days)` : "(nothing logged yet)";
}

/** The values that decide a rule, in words: "2 of the last 3 sessions held; needs 3", "6/10 on 2026-03-04". */
function because(result, measures) {
  if (result.parts) {
    if (result.state === "no-data") return "(no recent value for part of it)";
    const met = result.parts.filter((part) => part.state === "met");
    if (result.combine === "any" && met.length) return because(met[0], measures);
    return `(${met.length} of ${result.parts.length} conditions met)`;
  }
  const measure = measures[result.measure];
  if (result.increase) {
    const week = result.weeks[result.weeks.length - 1];
    if (!week || week.percent === null) return "(the log does not reach back far enough to compare weeks)";
    return `(last 7 days: ${shown(Math.round(week.total * 10) / 10, measure)}; weekly average before: ${
      shown(Math.round(week.baseline * 10) / 10, measure)})`;
  }
  if (result.state === "no-data") return nothing(result);
  const aside = result.set_aside.map((one) => `${shown(one.value, measure)} on ${one.date} not counted: logged with ${
    measures[one.measure].name.toLowerCase()} at ${shown(one.found, measures[one.measure])}`);
  const tail = aside.length ? `; ${aside.join("; ")}` : "";
  if (result.change) {
    return `(change from the previous ${result.change.replace(/s$/, "")}: ${Math.round(result.difference * 10) / 10}${tail})`;
  }
  if (result.needed === 1) {
    const found = result.periods[result.periods.length - 1];
    return `(${shown(found.values[found.values.length - 1], measure)} on ${found.end}${tail})`;
  }
  return `(${result.held} of the last ${result.needed} ${result.period} held; needs ${result.needed}${tail})`;
}
