// The athlete's day (site_src/assets/js/plan.js): sessions from the published data, or the phase's drills.
import assert from "node:assert/strict";
import test from "node:test";

import { doseText, phaseSessions, sessionsOn, weekOfPhase, weekSoFar, weekday } from "../../site_src/assets/js/plan.js";

const drills = [
  { id: "clamshell", name: "Clamshell", dosage: { sets: 3, reps: "10-15", per_week: 3, side: "each" } },
  { id: "side-plank", name: "Side plank", dosage: { sets: 3, hold_seconds: 30 } },
  { id: "foam-roll", name: "Foam roll", dosage: { duration_minutes: 5 } },
];
const phase = { id: "load", drills: [{ drill: "clamshell" }, { drill: "side-plank", dosage: { reps: 8 } }, { drill: "foam-roll" }] };
const data = (extra = {}) => ({ protocol: { phases: [{ ...phase, ...extra }] }, drills });

test("a dose reads as on the phase pages, the phase's amount replacing the drill's", () => {
  assert.equal(doseText(drills[0].dosage), "3 × 10-15 reps, each side");
  assert.equal(doseText(drills[1].dosage, { reps: 8 }), "3 × 8 reps");
  assert.equal(doseText({ sets: 1 }), "1 set");
  assert.equal(doseText({ duration_minutes: 5, rest_seconds: 30 }), "5\u00a0min, rest 30\u00a0s");
});

test("without sessions, the phase's drills make one list for every day", () => {
  const [only] = phaseSessions(data(), "load");
  assert.equal(only.days.length, 7);
  assert.deepEqual(only.drills.map((drill) => drill.name), ["Clamshell", "Side plank", "Foam roll"]);
  assert.equal(only.drills[1].dose, "3 × 8 reps");
});

test("sessions come from the published data, their parts in order", () => {
  const sessions = phaseSessions(data({ sessions: [
    { id: "strength-a", title: "Strength A", kind: "strength", minutes: 30, days: ["mon", "thu"],
      warm_up: ["foam-roll"], drills: ["clamshell"], optional: ["side-plank"] },
    { id: "mobility", title: "Mobility", kind: "mobility", minutes: 10, days: ["tue"], drills: ["foam-roll"] }] }), "load");
  assert.deepEqual(sessions[0].drills.map((drill) => [drill.id, drill.part]),
    [["foam-roll", "Warm-up"], ["clamshell", "Main"], ["side-plank", "Optional"]]);
  assert.equal(weekday("2026-03-09"), "mon");
  assert.deepEqual(sessionsOn(sessions, "2026-03-12").map((s) => s.id), ["strength-a"]);
  assert.deepEqual(sessionsOn(sessions, "2026-03-14"), []);
});

test("weeks count from the start date, the week so far from Monday", () => {
  assert.equal(weekOfPhase("2026-03-10", "2026-03-09"), 0);
  assert.equal(weekOfPhase("2026-03-10", "2026-03-10"), 1);
  assert.equal(weekOfPhase("2026-03-10", "2026-03-17"), 2);
  const [only] = phaseSessions(data(), "load");
  // started on a Sunday: week 2 runs from Sunday 8 March, so the week so far is Sunday to Thursday, not Monday on
  assert.deepEqual(weekSoFar([only], "2026-03-01", "2026-03-12").map((day) => day.name),
    ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday"]);
  assert.equal(weekSoFar([only], "2026-03-01", "2026-03-12")[0].date, "2026-03-08");
  // the first day of a week of the phase is that week's only day so far
  assert.deepEqual(weekSoFar([only], "2026-03-01", "2026-03-15").map((day) => day.date), ["2026-03-15"]);
  assert.deepEqual(weekSoFar([only], "2026-03-11", "2026-03-12").map((day) => day.date), ["2026-03-11", "2026-03-12"]);
});

test("each drill carries its small figure from the published data, and none when it has no figure", () => {
  const figures = { clamshell: { src: "figures/clamshell.svg", alt: "Clamshell: lying on the left side, with a mat." } };
  const [only] = phaseSessions({ ...data(), figures }, "load");
  assert.deepEqual(only.drills.map((drill) => drill.figure), [figures.clamshell, null, null]);
  assert.deepEqual(phaseSessions(data(), "load")[0].drills.map((drill) => drill.figure), [null, null, null]);
});
