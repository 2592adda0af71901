// The athlete's plan for a day: the sessions of a phase's week (protocol.phases[].sessions in the published
// data), or the phase's drills when it has no sessions, and where a day falls from the phase's start date.

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
export const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const PARTS = [["warm_up", "Warm-up"], ["drills", "Main"], ["optional", "Optional"], ["cool_down", "Cool-down"]];
const AMOUNTS = ["reps", "hold_seconds", "duration_minutes"];
const DAY_MS = 86400000;

/** The address of a path of the site (this file is assets/js/plan.js). */
export const siteAddress = (path) => new URL(`../../${path}`, import.meta.url).href;
const day = (text) => Date.parse(`${text}T00:00:00Z`) / DAY_MS;
export const isoDay = (number) => new Date(number * DAY_MS).toISOString().slice(0, 10);
/** 'mon' … 'sun' of a YYYY-MM-DD date. */
export const weekday = (text) => WEEKDAYS[(new Date(`${text}T00:00:00Z`).getUTCDay() + 6) % 7];
/** Today on this device, YYYY-MM-DD. */
export function localToday(now = new Date()) {
  return isoDay(Math.floor((now.getTime() - now.getTimezoneOffset() * 60000) / DAY_MS));
}

/** A drill's dose as data: its default with the phase's override on top (an override's amount replaces the
 * default's reps, hold or duration). */
export function doseOf(defaults = {}, override = {}) {
  const base = AMOUNTS.some((key) => key in override)
    ? Object.fromEntries(Object.entries(defaults).filter(([key]) => !AMOUNTS.includes(key))) : defaults;
  return { ...base, ...override };
}

/** A drill's dose in words, its default with the phase's override on top (as generator/model/drills.py Dosage.text). */
export function doseText(defaults = {}, override = {}) {
  const dose = doseOf(defaults, override);
  const each = dose.reps != null ? `${dose.reps} reps` : dose.hold_seconds != null ? `${dose.hold_seconds}\u00a0s hold`
    : dose.duration_minutes != null ? `${dose.duration_minutes}\u00a0min` : "";
  const sets = dose.sets == null ? each : each ? `${dose.sets} × ${each}` : `${dose.sets} set${dose.sets === 1 ? "" : "s"}`;
  const side = dose.side && (dose.side === "each" ? "each side" : "both sides together");
  return [sets, side, dose.tempo && `tempo ${dose.tempo}`, dose.rest_seconds != null && `rest ${dose.rest_seconds}\u00a0s`]
    .filter(Boolean).join(", ");
}

/** The sessions of a phase as the athlete follows them: each with its weekdays and its drills (name, dose,
 * part, and the small figure's file and text when the drill has one); a phase without sessions gives one list of
 * its drills for every day. */
export function phaseSessions(data, phaseId) {
  const phase = data.protocol.phases.find((one) => one.id === phaseId);
  const drills = Object.fromEntries(data.drills.map((drill) => [drill.id, drill]));
  const prescribed = Object.fromEntries(phase.drills.map((p) => [p.drill, p]));
  const item = (id, part) => ({
    id, part, name: drills[id] ? drills[id].name : id,
    dose: doseText(drills[id] && drills[id].dosage, prescribed[id] && prescribed[id].dosage),
    dosage: doseOf(drills[id] && drills[id].dosage, prescribed[id] && prescribed[id].dosage),
    figure: (data.figures && data.figures[id]) || null,
  });
  if (phase.sessions && phase.sessions.length) {
    return phase.sessions.map((session) => ({
      id: session.id, title: session.title, kind: session.kind, minutes: session.minutes, days: session.days,
      drills: PARTS.flatMap(([key, part]) => (session[key] || []).map((id) => item(id, part))),
    }));
  }
  return [{ id: "drills", title: "Your drills", kind: null, minutes: null, days: WEEKDAYS,
            drills: phase.drills.map((p) => item(p.drill, "Main")) }];
}

/** The sessions that fall on `date`. */
export const sessionsOn = (sessions, date) => sessions.filter((session) => session.days.includes(weekday(date)));

/** Week number (1 for the first 7 days) of `date` in a phase started on `start`; 0 before the start. */
export function weekOfPhase(start, date) {
  const days = day(date) - day(start);
  return days < 0 ? 0 : Math.floor(days / 7) + 1;
}

/** The days of `date`'s week of the phase up to `date`, each with its name and sessions. A phase's week starts
 * on the weekday of its start date, as the printed checklist of that week (week 2 begins 7 days after the start). */
export function weekSoFar(sessions, start, date) {
  const today = day(date);
  const first = day(start) + 7 * Math.max(0, weekOfPhase(start, date) - 1);
  const days = [];
  for (let number = first; number <= today; number++) {
    const iso = isoDay(number);
    days.push({ date: iso, name: DAY_NAMES[WEEKDAYS.indexOf(weekday(iso))], sessions: sessionsOn(sessions, iso) });
  }
  return days;
}

/** The tick key of a drill in a session. */
export const tickKey = (session, drill) => `${session.id}/${drill.id}`;
