// What My log says about a log, in words: the verdict, a warning sign's action, the values that decide a rule,
// and what to record next. Actions are worded as the site's pages word them (generator/model.py ACTIONS).

import { shown } from "./measure-fields.js";

export const STATES = { met: "Met", "not-met": "Not yet", "no-data": "No data" };
export const ACTIONS = {
  continue: "Carry on with the plan",
  hold: "Hold: stay at the current level until it settles",
  "step-back": "Step back to the last level that felt fine",
  "regress-one-phase": "Go back one phase",
  "stop-and-contact-clinician": "Stop and contact your clinician",
};

export function verdictText(protocol, result) {
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
export function toRecord(phase, result, measures) {
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
export function because(result, measures) {
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

/** "1 entry", "3 entries". */
export const entries = (count) => `${count} ${count === 1 ? "entry" : "entries"}`;
