// The timing of a drill in the session player, as plain data and pure functions: the steps a dose makes (each
// set, each side, the rest between sets), a countdown kept as the moment it ends (so a phone that sleeps or a
// tab in the background still shows the right time when it wakes) and where a tempo is within a set.
// Nothing here touches the page; session-player.js and session.js use it.

/** The lowest whole number of an amount: 3 -> 3, "10-15" -> 10, "20-30" -> 20; null when there is none. */
export function least(amount) {
  if (amount === undefined || amount === null) return null;
  const number = Number.parseInt(String(amount), 10);
  return Number.isFinite(number) ? number : null;
}

/** A tempo such as "3-1-1" as its beats: seconds lowering, pausing and lifting (a part of 0 s is left out). */
export function tempoBeats(tempo) {
  if (!tempo || !/^\d+-\d+-\d+$/.test(tempo)) return [];
  const parts = ["Lower", "Pause", "Lift"];
  return tempo.split("-").map(Number).map((seconds, index) => ({ part: parts[index], seconds }))
    .filter((beat) => beat.seconds > 0);
}

/** Where `elapsed` seconds into a set fall in its tempo: the repetition (1 for the first), the part, the whole
 * seconds left in that part; null without beats. */
export function tempoAt(beats, elapsed) {
  const cycle = beats.reduce((sum, beat) => sum + beat.seconds, 0);
  if (!cycle) return null;
  const time = Math.max(0, elapsed);
  const rep = Math.floor(time / cycle) + 1;
  let within = time % cycle;
  for (const beat of beats) {
    if (within < beat.seconds) return { rep, part: beat.part, left: Math.ceil(beat.seconds - within) };
    within -= beat.seconds;
  }
  return { rep, part: beats[beats.length - 1].part, left: 1 };
}

/** The steps of a dose in order. Each set is one work step (two, one per side, when the dose is for each side):
 * timed for a hold or a duration, counted for repetitions (with the tempo's beats when there is one), then a rest
 * step between sets when the dose has a rest. */
export function drillSteps(dose = {}) {
  const sets = least(dose.sets) || 1;
  const sides = dose.side === "each" ? ["first side", "second side"] : [null];
  const hold = least(dose.hold_seconds);
  const minutes = least(dose.duration_minutes);
  const reps = least(dose.reps);
  const beats = tempoBeats(dose.tempo);
  const steps = [];
  for (let set = 1; set <= sets; set++) {
    for (const side of sides) {
      const step = { kind: "work", set, sets, side };
      if (hold) Object.assign(step, { timed: "hold", seconds: hold });
      else if (minutes) Object.assign(step, { timed: "time", seconds: minutes * 60 });
      else if (reps) Object.assign(step, { reps, amount: String(dose.reps), beats });
      steps.push(step);
    }
    if (set < sets && dose.rest_seconds) steps.push({ kind: "rest", seconds: dose.rest_seconds, set, sets });
  }
  return steps;
}

/** A countdown of `seconds` started at `now` (milliseconds). */
export const countdown = (seconds, now) => ({ seconds, endsAt: now + seconds * 1000, pausedLeft: null });

/** The milliseconds left of a countdown at `now` (never below 0). */
export const left = (timer, now) => Math.max(0, timer.pausedLeft ?? timer.endsAt - now);

/** The countdown paused at `now`. */
export const paused = (timer, now) => ({ ...timer, pausedLeft: left(timer, now) });

/** A paused countdown running again from `now`. */
export const resumed = (timer, now) =>
  (timer.pausedLeft === null ? timer : { ...timer, endsAt: now + timer.pausedLeft, pausedLeft: null });

/** Whether the countdown has run out at `now`. */
export const over = (timer, now) => timer.pausedLeft === null && left(timer, now) === 0;

/** Seconds as a clock reads them: 75 -> "1:15". */
export function clock(seconds) {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** Seconds in words for a screen reader: 75 -> "1 minute 15 seconds". */
export function spoken(seconds) {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const words = [minutes && `${minutes} minute${minutes === 1 ? "" : "s"}`, (rest || !minutes) && `${rest} second${rest === 1 ? "" : "s"}`];
  return words.filter(Boolean).join(" ");
}
