// Evaluate exit criteria and warning-sign rules against an athlete's log, in the browser.
//
// The same semantics as generator/evaluate.py (written once for clinicians in the guide's page
// "How rules are evaluated"), the same input (rules, measures and log entries as plain data, as in
// the published site/data/<protocol>.json) and the same result shape; both run tests/vectors/rules.json.

const OPERATORS = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  "==": (a, b) => a === b,
  ">=": (a, b) => a >= b,
  ">": (a, b) => a > b,
};
const PERIOD_DAYS = { days: 1, weeks: 7 };
const SEVERITIES = ["red", "amber", "green"];
// actions from the most to the least urgent, and the verdict each one gives.
const VERDICTS = {
  "stop-and-contact-clinician": "stop",
  "regress-one-phase": "step-back",
  "step-back": "step-back",
  hold: "hold",
  continue: "keep-going",
};
const ONCE = { count: 1, period: "sessions" };
const DAY_MS = 86400000;

const day = (text) => Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / DAY_MS;
const iso = (number) => new Date(number * DAY_MS).toISOString().slice(0, 10);
const mean = (values) => values.reduce((total, value) => total + value, 0) / values.length;

/** [day number, value] of every recorded value of a measure, oldest first. */
export function observations(entries, measureId) {
  const seen = [];
  for (const entry of entries) {
    const value = (entry.values || {})[measureId];
    if (value !== undefined && value !== null) seen.push([day(entry.date), value]);
  }
  return seen;
}

/** The last `count` periods (oldest first) ending at the latest observation, each with its values. */
export function periods(seen, period, count) {
  if (period === "sessions") {
    return seen.slice(-count).map(([number, value]) => ({ start: iso(number), end: iso(number), values: [value] }));
  }
  const length = PERIOD_DAYS[period];
  const last = seen[seen.length - 1][0];
  const found = [];
  for (let k = count - 1; k >= 0; k--) {
    found.push({ start: iso(last - length * k - length + 1), end: iso(last - length * k), values: [] });
  }
  const first = last - length * count + 1;
  for (const [number, value] of seen) {
    if (number >= first) found[Math.floor((number - first) / length)].values.push(value);
  }
  return found;
}

function compares(rule, measure, value) {
  if (rule.between) return rule.between[0] <= value && value <= rule.between[1];
  let threshold = rule.value;
  if (measure.kind === "categorical" && !rule.change) {
    value = measure.values.indexOf(value);
    threshold = measure.values.indexOf(threshold);
  }
  return OPERATORS[rule.operator](value, threshold);
}

function comparison(rule, measures, entries) {
  const measure = measures[rule.measure];
  const sustained = rule.sustained || ONCE;
  const needed = sustained.count;
  const seen = observations(entries, rule.measure);
  const window = seen.length ? periods(seen, sustained.period, needed) : [];
  for (const part of window) {
    part.holds = part.values.length ? part.values.every((value) => compares(rule, measure, value)) : null;
  }
  const held = window.filter((part) => part.holds === true).length;
  let streak = 0;
  while (streak < window.length && window[window.length - 1 - streak].holds === true) streak++;
  const state = !seen.length ? "no-data" : held === needed ? "met" : "not-met";
  return { state, measure: rule.measure, period: sustained.period, needed, held, streak, periods: window };
}

function change(rule, measures, entries) {
  const seen = observations(entries, rule.measure);
  const window = seen.length ? periods(seen, rule.change, 2) : [];
  for (const part of window) part.mean = part.values.length ? mean(part.values) : null;
  const current = window.length ? window[window.length - 1] : null;
  const previous = window.length === 2 && window[0].values.length ? window[0] : null;
  const difference = previous ? current.mean - previous.mean : null;
  const state = difference === null ? "no-data"
    : compares(rule, measures[rule.measure], difference) ? "met" : "not-met";
  return { state, measure: rule.measure, change: rule.change, current, previous, difference };
}

function group(rule, measures, entries) {
  const combine = rule.all ? "all" : "any";
  const parts = rule[combine].map((part) => evaluateRule(part, measures, entries));
  const states = new Set(parts.map((part) => part.state));
  const [decisive, other] = combine === "all" ? ["not-met", "met"] : ["met", "not-met"];
  const state = states.has(decisive) ? decisive : states.has("no-data") ? "no-data" : other;
  return { state, combine, parts };
}

/** The result of one rule (an exit criterion or a warning-sign rule) on log entries in date order. */
export function evaluateRule(rule, measures, entries) {
  if (rule.all || rule.any) return group(rule, measures, entries);
  if (rule.change) return change(rule, measures, entries);
  return comparison(rule, measures, entries);
}

/** The phase the latest entry that names one is in; the first phase when none does. */
export function currentPhase(protocol, entries) {
  const named = entries.filter((entry) => entry.phase).map((entry) => entry.phase);
  return named.length ? named[named.length - 1] : protocol.phases[0].id;
}

function verdict(phases, index, criteria, signs) {
  const action = Object.keys(VERDICTS).find((name) => signs.some((sign) => sign.action === name)) || "continue";
  if (action === "regress-one-phase") {
    return { verdict: "step-back", action, target: phases[Math.max(index - 1, 0)].id };
  }
  if (action !== "continue") return { verdict: VERDICTS[action], action, target: phases[index].id };
  const ready = index + 1 < phases.length && criteria.every((criterion) => criterion.result.state === "met");
  if (ready) return { verdict: "move-on", action, target: phases[index + 1].id };
  return { verdict: "keep-going", action, target: phases[index].id };
}

/** Each exit criterion of the phase, the warning signs present (most severe first) and the verdict. */
export function evaluatePhase(protocol, entries, phaseId = null) {
  phaseId = phaseId || currentPhase(protocol, entries);
  const phases = protocol.phases;
  const index = phases.findIndex((phase) => phase.id === phaseId);
  const measures = Object.fromEntries(protocol.measures.map((measure) => [measure.id, measure]));
  const criteria = (phases[index].exit_criteria || []).map((criterion) => ({
    text: criterion.text,
    result: evaluateRule(criterion, measures, entries),
  }));
  const listed = Object.fromEntries(protocol.warning_signs.map((sign) => [sign.id, sign]));
  const signs = [];
  for (const signId of phases[index].warning_signs) {
    const sign = listed[signId];
    const result = sign.rule ? evaluateRule(sign.rule, measures, entries) : null;
    if (result && result.state === "met") {
      signs.push({ id: signId, name: sign.name, severity: sign.severity, action: sign.action, result });
    }
  }
  signs.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const latest = entries.length ? entries[entries.length - 1].date : null;
  return {
    protocol: protocol.id, phase: phaseId, latest, criteria, signs,
    ...verdict(phases, index, criteria, signs),
  };
}
