// What the progress report shows, worked out from the athlete's own data as plain values: adherence (drills ticked
// in Today against those the phase's sessions planned), the red flags answered yes, the notes, each measure's
// latest value, and a small SVG chart of one numeric measure over time. Nothing here touches the page or the
// storage; every text that reaches an SVG is escaped here.

import { sessionsOn, tickKey, isoDay } from "./plan.js";
import { measureRange, redFlags } from "./log.js";

const DAY_MS = 86400000;
const WIDTH = 360;
const HEIGHT = 150;
const PAD = { left: 34, right: 8, top: 10, bottom: 22 };
const day = (text) => Date.parse(`${text}T00:00:00Z`) / DAY_MS;
const escape = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Drills ticked against drills planned, from the phase's `start` up to `today` (both YYYY-MM-DD), with the
 * ticks Today keeps (`ticks`: date -> tick keys): in all, and the days whose every drill was ticked. */
export function adherence(sessions, start, today, ticks = {}) {
  const result = { days: 0, planned: 0, done: 0, sessionDays: 0, fullDays: 0, from: start, to: today };
  for (let number = day(start); number <= day(today); number++) {
    const date = isoDay(number);
    const planned = sessionsOn(sessions, date).flatMap((session) => session.drills.map((drill) => tickKey(session, drill)));
    const keysPlanned = [...new Set(planned)];
    result.days += 1;
    if (!keysPlanned.length) continue;
    const done = keysPlanned.filter((key) => (ticks[date] || []).includes(key)).length;
    result.sessionDays += 1;
    result.planned += keysPlanned.length;
    result.done += done;
    if (done === keysPlanned.length) result.fullDays += 1;
  }
  result.percent = result.planned ? Math.round((100 * result.done) / result.planned) : null;
  return result;
}

/** Each "yes" to a red-flag question in the log: the date and the measure's name, newest first. */
export function redFlagAnswers(protocol, entries) {
  const names = Object.fromEntries(protocol.measures.map((measure) => [measure.id, measure.name]));
  const flags = redFlags(protocol);
  return entries.flatMap((entry) => flags.filter((id) => entry.values[id] === true)
    .map((id) => ({ date: entry.date, name: names[id] }))).reverse();
}

/** The notes of the log, newest first, each with its date (and the drills it names). */
export const notes = (entries) => entries.filter((entry) => typeof entry.note === "string" && entry.note.trim())
  .map((entry) => ({ date: entry.date, note: entry.note.trim(), drills: entry.drills || [] })).reverse();

/** Each measure's latest value in the log and its date, in the protocol's order (those never logged left out). */
export function latestValues(protocol, entries) {
  return protocol.measures.flatMap((measure) => {
    const last = [...entries].reverse().find((entry) => measure.id in entry.values);
    return last ? [{ measure, value: last.values[measure.id], date: last.date }] : [];
  });
}

/** The numeric measures other than the 0-10 scales that the log has values of (the pain chart shows the scales). */
export const chartedMeasures = (protocol, entries) => protocol.measures.filter((measure) =>
  ["seconds", "percent", "count", "distance"].includes(measure.kind)
  && entries.some((entry) => typeof entry.values[measure.id] === "number"));

/** One numeric measure over time as SVG text (`id` names its title and description); empty without values. */
export function measureChart(measure, entries, id) {
  const points = entries.filter((entry) => typeof entry.values[measure.id] === "number")
    .map((entry) => [day(entry.date), entry.values[measure.id]]);
  if (!points.length) return "";
  const first = Math.min(...points.map(([number]) => number));
  const last = Math.max(first + 6, ...points.map(([number]) => number));
  const [low, high] = measureRange(measure);
  const top = Math.max(...points.map(([, value]) => value), Math.min(high ?? 0, 100), 1);
  const x = (number) => PAD.left + ((number - first) / (last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (value) => PAD.top + (1 - (value - low) / (top - low || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const unit = measure.unit ? ` ${measure.unit}` : "";
  const grid = [low, (low + top) / 2, top].map((value) =>
    `<line class="hb-chart__grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}"/>`
    + `<text class="hb-chart__tick" x="${PAD.left - 4}" y="${(y(value) + 3).toFixed(1)}" text-anchor="end">${escape(Math.round(value))}</text>`).join("");
  const path = points.map(([number, value]) => `${x(number).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
  const dots = points.map(([number, value]) => `<circle cx="${x(number).toFixed(1)}" cy="${y(value).toFixed(1)}" r="2.5"/>`).join("");
  const axis = `<text class="hb-chart__tick" x="${PAD.left}" y="${HEIGHT - 6}">${isoDay(first)}</text>`
    + `<text class="hb-chart__tick" x="${WIDTH - PAD.right}" y="${HEIGHT - 6}" text-anchor="end">${isoDay(last)}</text>`;
  const latest = points[points.length - 1];
  return `<svg class="hb-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc">`
    + `<title id="${id}-title">${escape(measure.name)} over time</title>`
    + `<desc id="${id}-desc">${points.length} value${points.length === 1 ? "" : "s"} from ${isoDay(first)}; latest `
    + `${escape(latest[1])}${escape(unit)} on ${isoDay(latest[0])}.</desc>`
    + `${grid}<g class="hb-chart__series hb-chart__series--0"><polyline points="${path}"/>${dots}</g>${axis}</svg>`;
}
