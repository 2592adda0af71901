// Evaluate exit criteria and warning-sign rules against an athlete's log, in the browser.
//
// The same semantics as generator/evaluate/engine.py (written once for clinicians in the guide's page
// "How rules are evaluated"), the same input (rules, measures and log entries as plain data, as in
// the published site/data/<protocol>.json) and the same result shape; both run tests/vectors/rules.json
// and the clinician-judged logs in tests/vectors/scenarios.json. A rule is read as of a day (`today`):
// an exit criterion on the latest values in its look-back, an amber or red sign at its worst moment there.

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
// how many values a period needs before its average is compared with the one before (one value is not a week).
const AVERAGED_FROM = { weeks: 2 };
const DAY_MS = 86400000;
// how a rule is read: "now" (an exit criterion, a green sign) or "worst" (an amber or red sign).
export const NOW = "now";
export const WORST = "worst";

const day = (text) => Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / DAY_MS;
const iso = (number) => new Date(number * DAY_MS).toISOString().slice(0, 10);
const mean = (values) => values.reduce((total, value) => total + value, 0) / values.length;
const sum = (values) => values.reduce((total, value) => total + value, 0);
/** The index of the first observation on or after `first` (observations are in day order). */
const firstFrom = (seen, first) => {
  let low = 0;
  let high = seen.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (seen[middle][0] < first) low = middle + 1;
    else high = middle;
  }
  return low;
};

function compares(rule, measure, value) {
  if (rule.between) return rule.between[0] <= value && value <= rule.between[1];
  let threshold = rule.value;
  if (measure.kind === "categorical" && !rule.change) {
    value = measure.values.indexOf(value);
    threshold = measure.values.indexOf(threshold);
  }
  return OPERATORS[rule.operator](value, threshold);
}

/** One log read as of a day: the entries, the day they are read on and the day the log begins. */
class Reading {
  constructor(entries, measures, today = null) {
    this.entries = entries;
    this.measures = measures;
    this.today = today ? day(today) : entries.length ? day(entries[entries.length - 1].date) : null;
    this.first = entries.length ? day(entries[0].date) : null;
  }

  /** [day, value] of every value the rule can use, oldest first, and the values set aside. */
  observations(rule) {
    const condition = this.measures[rule.measure].counts_when;
    const seen = [];
    const aside = [];
    for (const entry of this.entries) {
      const values = entry.values || {};
      const value = values[rule.measure];
      if (value === undefined || value === null || (rule.activity && !rule.activity.includes(entry.activity ?? null))) continue;
      const other = condition ? values[condition.measure] : undefined;
      if (other !== undefined && other !== null && !compares(condition, this.measures[condition.measure], other)) {
        aside.push({ date: entry.date, value, measure: condition.measure, found: other });
        continue;
      }
      seen.push([day(entry.date), value]);
    }
    return [seen, aside];
  }

  /** The observations inside the look-back, the date of the latest one left out as too old, the values set aside. */
  window(rule, within) {
    const [seen, aside] = this.observations(rule);
    if (!within || this.today === null) return [seen, null, aside];
    const start = this.today - within.days + 1;
    const cut = firstFrom(seen, start);
    const stale = cut && cut === seen.length ? iso(seen[cut - 1][0]) : null;
    return [seen.slice(cut), stale, aside.filter((one) => day(one.date) >= start)];
  }
}

/** The last `count` periods (oldest first) ending at the latest observation, each with its values. */
export function periods(seen, period, count, first = null) {
  if (period === "sessions") {
    return seen.slice(-count).map(([number, value]) => ({ start: iso(number), end: iso(number), values: [value] }));
  }
  const length = PERIOD_DAYS[period];
  const last = seen[seen.length - 1][0];
  const found = [];
  for (let k = count - 1; k >= 0; k--) {
    const start = last - length * k - length + 1;
    const end = last - length * k;
    found.push({ start: iso(start), end: iso(end), values: [], before_log: first !== null && 2 * (end - first + 1) < length });
  }
  const begin = last - length * count + 1;
  for (const [number, value] of seen.slice(firstFrom(seen, begin))) {
    found[Math.floor((number - begin) / length)].values.push(value);
  }
  return found;
}

function held(rule, measure, seen, reading) {
  const sustained = rule.sustained || ONCE;
  const needed = sustained.count;
  const window = seen.length ? periods(seen, sustained.period, needed, reading.first) : [];
  for (const part of window) {
    part.holds = part.values.length && !part.before_log
      ? part.values.every((value) => compares(rule, measure, value)) : null;
  }
  const count = window.filter((part) => part.holds === true).length;
  let streak = 0;
  while (streak < window.length && window[window.length - 1 - streak].holds === true) streak++;
  const state = !seen.length ? "no-data" : count === needed ? "met" : "not-met";
  return { state, period: sustained.period, needed, held: count, streak, periods: window };
}

/** One value a day, the highest: two entries on one day are one day of the week, not two. */
function worstOfEachDay(seen) {
  const days = new Map();
  for (const [number, value] of seen) days.set(number, days.has(number) ? Math.max(days.get(number), value) : value);
  return [...days.entries()];
}

/** The change of the mean from the period before. Days and weeks average their days, each at its worst,
 * and a week needs two such days to have a mean. */
function changed(rule, measure, seen) {
  if (rule.change !== "sessions") seen = worstOfEachDay(seen);
  const window = seen.length ? periods(seen, rule.change, 2) : [];
  const fewest = AVERAGED_FROM[rule.change] || 1;
  for (const part of window) part.mean = part.values.length >= fewest ? mean(part.values) : null;
  const current = window.length ? window[window.length - 1] : null;
  const previous = window.length === 2 && window[0].mean !== null ? window[0] : null;
  const difference = previous && current.mean !== null ? current.mean - previous.mean : null;
  const state = difference === null ? "no-data" : compares(rule, measure, difference) ? "met" : "not-met";
  return { state, current, previous, difference };
}

/** The rule read now on each activity's own values: the latest activity on which it holds, else the latest
 * activity logged (no data when none is in the look-back). */
function perActivity(rule, reading, within) {
  const kinds = [...new Set(reading.entries.filter((entry) => (entry.values || {})[rule.measure] !== undefined
    && (entry.values || {})[rule.measure] !== null && (!rule.activity || rule.activity.includes(entry.activity ?? null)))
    .map((entry) => entry.activity ?? null))];
  let best = null;
  for (const kind of kinds) {
    const [seen] = reading.window({ ...rule, activity: [kind] }, within);
    if (!seen.length) continue;
    const result = held(rule, reading.measures[rule.measure], seen, reading);
    const rank = [result.state === "met" ? 1 : 0, seen[seen.length - 1][0]];
    if (!best || rank[0] > best.rank[0] || (rank[0] === best.rank[0] && rank[1] > best.rank[1])) {
      best = { rank, result: { ...result, activity: kind } };
    }
  }
  return best ? best.result : held(rule, reading.measures[rule.measure], [], reading);
}

function leaf(rule, reading, how, inherited, byActivity = false) {
  const within = rule.within || inherited;
  const measure = reading.measures[rule.measure];
  const [seen, stale, aside] = reading.window(rule, within);
  const judge = rule.change ? changed : held;
  const byEach = how === WORST && (rule.by_activity ?? byActivity) && !rule.change;
  let found = byEach ? perActivity(rule, reading, within) : judge(rule, measure, seen, reading);
  if (how === WORST && !byEach && found.state !== "met") {
    // the worst moment: the latest point in the look-back at which the sign held
    for (let end = seen.length - 1; end > 0; end--) {
      const earlier = judge(rule, measure, seen.slice(0, end), reading);
      if (earlier.state === "met") {
        found = earlier;
        break;
      }
    }
  }
  Object.assign(found, { measure: rule.measure, within: within ? within.days : null, stale, set_aside: aside });
  if (rule.change) found.change = rule.change;
  return found;
}

/** The increase of the 7 days up to `end` over the mean weekly total of the weeks before them. */
function weekly(rule, reading, seen, end) {
  const before = rule.increase.weeks;
  const totals = [];
  for (let w = 0; w <= before; w++) {
    totals.push(sum(seen.filter(([number]) => end - 7 * w - 6 <= number && number <= end - 7 * w).map(([, v]) => v)));
  }
  const covered = reading.first !== null && reading.first <= end - 7 * before - 6;
  const baseline = mean(totals.slice(1));
  const percent = covered && baseline > 0 ? (totals[0] / baseline - 1) * 100 : null;
  return {
    start: iso(end - 6), end: iso(end), total: totals[0], baseline: covered ? baseline : null, percent,
    holds: percent === null ? null : compares(rule, reading.measures[rule.measure], percent),
  };
}

/** The latest `sustained` weeks up to `end`, each compared with the weeks before it. */
function increaseAt(rule, reading, seen, end) {
  const needed = (rule.sustained || ONCE).count;
  const weeks = [];
  for (let k = needed - 1; k >= 0; k--) weeks.push(weekly(rule, reading, seen, end - 7 * k));
  const count = weeks.filter((week) => week.holds === true).length;
  const state = weeks.every((week) => week.percent === null) ? "no-data" : count === needed ? "met" : "not-met";
  return { state, needed, held: count, weeks };
}

/** A load rule: weekly totals counted back from today (for a sign, from any day of its look-back). */
function increase(rule, reading, how, within) {
  const [seen] = reading.observations(rule);
  let found = { state: "no-data", needed: (rule.sustained || ONCE).count, held: 0, weeks: [] };
  if (reading.today !== null) {
    const results = [];
    for (let back = 0; back < (within && how === WORST ? within.days : 1); back++) {
      results.push(increaseAt(rule, reading, seen, reading.today - back));
    }
    found = results.find((result) => result.state === "met") || results[0];
  }
  return {
    ...found, measure: rule.measure, increase: rule.increase.weeks,
    within: within ? within.days : null, stale: null, set_aside: [],
  };
}

function group(rule, reading, how, within, byActivity = false) {
  const combine = rule.all ? "all" : "any";
  const parts = rule[combine].map((part) =>
    evaluate(part, reading, how, rule.within || within, rule.by_activity ?? byActivity));
  const states = new Set(parts.map((part) => part.state));
  const [decisive, other] = combine === "all" ? ["not-met", "met"] : ["met", "not-met"];
  const state = states.has(decisive) ? decisive : states.has("no-data") ? "no-data" : other;
  return { state, combine, parts };
}

function evaluate(rule, reading, how, within = null, byActivity = false) {
  if (rule.all || rule.any) return group(rule, reading, how, within, byActivity);
  if (rule.increase) return increase(rule, reading, how, rule.within || within);
  return leaf(rule, reading, how, within, byActivity);
}

/** The result of one rule on log entries in date order, read as of `today` (default: the latest entry's day):
 * `how` NOW for an exit criterion, WORST for an amber or red warning sign. */
export function evaluateRule(rule, measures, entries, today = null, how = NOW) {
  return evaluate(rule, new Reading(entries, measures, today), how);
}

/** The phase the latest entry that names one is in; the first phase when none does. */
export function currentPhase(protocol, entries) {
  const named = entries.filter((entry) => entry.phase).map((entry) => entry.phase);
  return named.length ? named[named.length - 1] : protocol.phases[0].id;
}

/** Whether a criterion's result shows a value that fails it (not merely too few values, or none). */
function against(result) {
  if (result.parts) {
    const parts = result.parts.map(against);
    return result.combine === "all" ? parts.some(Boolean) : parts.every(Boolean);
  }
  if (result.periods) return result.periods.some((part) => part.holds === false);
  return result.state === "not-met";
}

/** When the log moved into phase `index` from the phase before it: that phase's exit criteria that the log showed
 * failing on the day of the move (not those merely unrecorded), or null. */
function earlyMove(protocol, entries, index) {
  if (index === 0) return null;
  const current = protocol.phases[index].id;
  const before = protocol.phases[index - 1];
  const named = entries.map((entry, i) => [i, entry.phase]).filter(([, phase]) => phase);
  let lastBefore = -1;
  named.forEach(([, phase], n) => { if (phase === before.id) lastBefore = n; });
  if (lastBefore < 0 || lastBefore + 1 === named.length
      || !named.slice(lastBefore + 1).every(([, phase]) => phase === current)) return null;
  const moved = named[lastBefore + 1][0];
  const reading = new Reading(entries.slice(0, moved),
    Object.fromEntries(protocol.measures.map((m) => [m.id, m])), entries[moved].date);
  const failing = (before.exit_criteria || []).filter((criterion) => against(evaluate(criterion, reading, NOW)))
    .map((criterion) => criterion.text);
  return failing.length ? { phase: before.id, date: entries[moved].date, criteria: failing } : null;
}

function verdict(phases, index, criteria, signs, early) {
  const action = Object.keys(VERDICTS).find((name) => signs.some((sign) => sign.action === name)
    || (early && name === "regress-one-phase")) || "continue";
  if (action === "regress-one-phase") {
    return { verdict: "step-back", action, target: phases[Math.max(index - 1, 0)].id };
  }
  if (action !== "continue") return { verdict: VERDICTS[action], action, target: phases[index].id };
  const ready = index + 1 < phases.length && criteria.every((criterion) => criterion.result.state === "met");
  if (ready) return { verdict: "move-on", action, target: phases[index + 1].id };
  return { verdict: "keep-going", action, target: phases[index].id };
}

/** Each exit criterion of the phase, the warning signs present and the one verdict, read as of `today`.
 * The signs returned are those that decide the verdict, so each gives the same instruction; any other amber or red
 * sign present is named in `also` (a green "carry on" beside an amber one is left out). `early` names the phase
 * the log moved on from while showing its gate unmet, with those criteria. */
export function evaluatePhase(protocol, entries, phaseId = null, today = null) {
  phaseId = phaseId || currentPhase(protocol, entries);
  const phases = protocol.phases;
  const index = phases.findIndex((phase) => phase.id === phaseId);
  const reading = new Reading(entries, Object.fromEntries(protocol.measures.map((m) => [m.id, m])), today);
  const criteria = (phases[index].exit_criteria || []).map((criterion) => ({
    text: criterion.text,
    result: evaluate(criterion, reading, NOW),
  }));
  const listed = Object.fromEntries(protocol.warning_signs.map((sign) => [sign.id, sign]));
  const signs = [];
  for (const signId of phases[index].warning_signs) {
    const sign = listed[signId];
    if (!sign.rule) continue;
    const result = evaluate(sign.rule, reading, sign.severity === "green" ? NOW : WORST);
    if (result.state === "met") {
      signs.push({ id: signId, name: sign.name, severity: sign.severity, action: sign.action, result });
    }
  }
  const early = phaseId === currentPhase(protocol, entries) ? earlyMove(protocol, entries, index) : null;
  const decided = verdict(phases, index, criteria, signs, early);
  const shown = signs.filter((sign) => sign.action === decided.action);
  const also = signs.filter((sign) => !shown.includes(sign) && sign.action !== "continue").map((sign) => sign.id);
  shown.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const latest = entries.length ? entries[entries.length - 1].date : null;
  return {
    protocol: protocol.id, phase: phaseId, latest, today: reading.today === null ? null : iso(reading.today),
    criteria, signs: shown, also, early, ...decided,
  };
}
