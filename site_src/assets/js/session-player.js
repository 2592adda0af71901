// The session player's state, as plain data changed by pure functions: today's sessions as one list of drills,
// the drill and step the athlete is on, the drills ticked (with Today's tick keys, so both pages show the same
// ticks), those skipped and the pain recorded for a drill. The page (session.js) shows a state and keeps its ticks
// and entries; nothing here reads a clock or the storage.

import { drillSteps } from "./session-timer.js";
import { tickKey } from "./plan.js";

/** What an entry of My log records a session of this kind as (the log's activities). */
const ACTIVITY = { mobility: "mobility", strength: "strength", run: "run", "cross-training": "cross-training", recovery: "mobility" };

/** The drills of `sessions` (plan.js phaseSessions, those of one day) in order, each with its session, tick key
 * and steps. */
export function playlist(sessions) {
  return sessions.flatMap((session) => session.drills.map((drill) => ({
    ...drill, key: tickKey(session, drill), session: { id: session.id, title: session.title, kind: session.kind },
    steps: drillSteps(drill.dosage),
  })));
}

/** A player at the first drill not yet ticked (`ticked`: the day's tick keys, as Today keeps them). */
export function startPlayer(drills, ticked = []) {
  const done = [...new Set(ticked)];
  const first = drills.findIndex((drill) => !done.includes(drill.key));
  return { drills, at: first < 0 ? 0 : first, step: 0, ticked: done, skipped: [], hurt: [], finished: drills.length === 0 };
}

/** The drill the player is on, or null once finished. */
export const current = (state) => (state.finished ? null : state.drills[state.at]);

/** The step of the current drill the player is on, or null (a drill whose dose gives no steps, or finished). */
export const currentStep = (state) => current(state)?.steps[state.step] ?? null;

/** The player on the drill after the current one, or finished after the last. */
function nextDrill(state) {
  const at = state.at + 1;
  return at >= state.drills.length ? { ...state, step: 0, finished: true } : { ...state, at, step: 0 };
}

/** The current drill ticked (done), and the player on the next one. */
export function tick(state) {
  const drill = current(state);
  if (!drill) return state;
  return nextDrill({
    ...state, ticked: state.ticked.includes(drill.key) ? state.ticked : [...state.ticked, drill.key],
    skipped: state.skipped.filter((key) => key !== drill.key),
  });
}

/** The current step over (a set done, a hold or rest run out): the next step, or the drill ticked after its last. */
export function advance(state) {
  const drill = current(state);
  if (!drill) return state;
  return state.step + 1 < drill.steps.length ? { ...state, step: state.step + 1 } : tick(state);
}

/** The current drill left out (not ticked) and the player on the next one. */
export function skip(state) {
  const drill = current(state);
  if (!drill) return state;
  return nextDrill({ ...state, skipped: state.skipped.includes(drill.key) || state.ticked.includes(drill.key)
    ? state.skipped : [...state.skipped, drill.key] });
}

/** The player back on the drill before the current one (or the last one, once finished), at its first step. */
export function back(state) {
  if (state.finished) return { ...state, finished: false, at: Math.max(0, state.drills.length - 1), step: 0 };
  return { ...state, at: Math.max(0, state.at - 1), step: 0 };
}

/** Pain (0-10) recorded for the current drill. */
export function hurt(state, pain) {
  const drill = current(state);
  if (!drill) return state;
  return { ...state, hurt: [...state.hurt.filter((one) => one.key !== drill.key), { key: drill.key, pain }] };
}

/** The entry My log keeps for pain felt during `drill`: the day, the time, the phase, what kind of session it
 * was, the drill, the pain on the protocol's measure `measure`, and a note naming the drill. */
export function hurtEntry(drill, pain, { date, time, phase, measure }) {
  const entry = { date, time, phase };
  if (ACTIVITY[drill.session.kind]) entry.activity = ACTIVITY[drill.session.kind];
  return { ...entry, session: drill.session.title, drills: [drill.id], values: { [measure]: pain },
           note: `Hurt during ${drill.name}.` };
}

/** The end of a session in numbers and names: drills done of those planned, skipped, and the pain recorded. */
export function summary(state) {
  const name = (key) => state.drills.find((drill) => drill.key === key)?.name ?? key;
  return {
    done: state.drills.filter((drill) => state.ticked.includes(drill.key)).length,
    planned: state.drills.length,
    skipped: state.drills.filter((drill) => !state.ticked.includes(drill.key)).map((drill) => drill.name),
    hurt: state.hurt.map((one) => ({ name: name(one.key), pain: one.pain })),
  };
}
