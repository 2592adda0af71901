// The session player's pure parts: the steps and countdowns of site_src/assets/js/session-timer.js and the state
// of site_src/assets/js/session-player.js, on the shared calendar vectors' protocol.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { phaseSessions, sessionsOn } from "../../site_src/assets/js/plan.js";
import { logProblems, withEntry } from "../../site_src/assets/js/log.js";
import {
  advance, back, current, currentStep, hurt, hurtEntry, playlist, skip, startPlayer, summary, tick,
} from "../../site_src/assets/js/session-player.js";
import {
  clock, countdown, drillSteps, least, left, over, paused, resumed, spoken, tempoAt, tempoBeats,
} from "../../site_src/assets/js/session-timer.js";

const { data } = JSON.parse(readFileSync(new URL("../vectors/calendar.json", import.meta.url), "utf-8"));
const MONDAY = "2026-03-16";

test("an amount's lowest whole number: a range gives its start", () => {
  assert.equal(least(3), 3);
  assert.equal(least("10-15"), 10);
  assert.equal(least(undefined), null);
  assert.equal(least("many"), null);
});

test("a dose for each side with a rest gives each set on each side, then a rest between sets (not after the last)", () => {
  const steps = drillSteps({ sets: 2, reps: "10-15", side: "each", rest_seconds: 60, tempo: "2-1-2" });
  assert.deepEqual(steps.map((step) => [step.kind, step.set, step.side]), [
    ["work", 1, "first side"], ["work", 1, "second side"], ["rest", 1, undefined],
    ["work", 2, "first side"], ["work", 2, "second side"]]);
  assert.equal(steps[0].reps, 10);
  assert.equal(steps[0].amount, "10-15");
  assert.equal(steps[2].seconds, 60);
  assert.deepEqual(steps[0].beats.map((beat) => beat.part), ["Lower", "Pause", "Lift"]);
});

test("a hold and a duration are timed; a dose without sets is one set", () => {
  assert.deepEqual(drillSteps({ sets: 3, hold_seconds: "20-30", side: "both" }).map((s) => [s.timed, s.seconds, s.side]),
    [["hold", 20, null], ["hold", 20, null], ["hold", 20, null]]);
  assert.deepEqual(drillSteps({ duration_minutes: "3-5" }).map((s) => [s.timed, s.seconds, s.set, s.sets]), [["time", 180, 1, 1]]);
  assert.equal(drillSteps({}).length, 1);
});

test("a tempo's beats, and where a moment of a set falls in them", () => {
  const beats = tempoBeats("3-0-1");
  assert.deepEqual(beats, [{ part: "Lower", seconds: 3 }, { part: "Lift", seconds: 1 }]);
  assert.deepEqual(tempoAt(beats, 0), { rep: 1, part: "Lower", left: 3 });
  assert.deepEqual(tempoAt(beats, 2.5), { rep: 1, part: "Lower", left: 1 });
  assert.deepEqual(tempoAt(beats, 3.2), { rep: 1, part: "Lift", left: 1 });
  assert.deepEqual(tempoAt(beats, 8), { rep: 3, part: "Lower", left: 3 });
  assert.equal(tempoAt([], 5), null);
  assert.deepEqual(tempoBeats("fast"), []);
});

test("a countdown is the moment it ends: it pauses, resumes and runs out on the clock's time, never below 0", () => {
  let timer = countdown(30, 1000);
  assert.equal(left(timer, 11000), 20000);
  timer = paused(timer, 11000);
  assert.equal(left(timer, 50000), 20000, "a paused countdown keeps its time");
  assert.ok(!over(timer, 99999));
  timer = resumed(timer, 50000);
  assert.equal(left(timer, 60000), 10000);
  assert.ok(over(timer, 70000));
  assert.equal(left(timer, 80000), 0);
  assert.equal(clock(75), "1:15");
  assert.equal(clock(0.2), "0:01");
  assert.equal(spoken(75), "1 minute 15 seconds");
  assert.equal(spoken(60), "1 minute");
  assert.equal(spoken(1), "1 second");
});

const monday = () => playlist(sessionsOn(phaseSessions(data, "load"), MONDAY));

test("a day's sessions play as one list of drills with Today's tick keys", () => {
  const drills = monday();
  assert.deepEqual(drills.map((drill) => drill.key), ["strength/foam-roll", "strength/clamshell", "strength/side-plank",
    "strength/bridge", "strength/foam-roll", "mobility/foam-roll"]);
  assert.equal(drills[1].dose, "3 × 10-15 reps, each side, tempo 2-1-2, rest 60\u00a0s");
  assert.equal(drills[1].steps.length, 3 * 2 + 2);
});

test("the player goes step by step, ticks a drill after its last step and finishes after the last drill", () => {
  let state = startPlayer(monday());
  assert.equal(current(state).id, "foam-roll");
  assert.equal(currentStep(state).timed, "time");
  state = advance(state);
  assert.equal(current(state).id, "clamshell");
  assert.deepEqual(state.ticked, ["strength/foam-roll"]);
  for (let step = 0; step < 8; step++) state = advance(state);
  assert.equal(current(state).id, "side-plank");
  assert.deepEqual(state.ticked, ["strength/foam-roll", "strength/clamshell"]);
  state = skip(state);
  state = tick(state);
  state = hurt(state, 4);
  state = hurt(state, 5);
  state = tick(state);
  assert.ok(!state.finished);
  state = tick(state);
  assert.ok(state.finished);
  assert.equal(current(state), null);
  assert.deepEqual(summary(state), { done: 5, planned: 6, skipped: ["Side plank"], hurt: [{ name: "Foam roll", pain: 5 }] });
  state = back(state);
  assert.equal(current(state).key, "mobility/foam-roll");
  state = back(state);
  assert.equal(current(state).key, "strength/foam-roll");
});

test("the player starts at the first drill not ticked yet, and a day with nothing to do is finished at once", () => {
  assert.equal(current(startPlayer(monday(), ["strength/foam-roll", "strength/clamshell"])).id, "side-plank");
  assert.ok(startPlayer([]).finished);
});

test("'this hurt' makes an entry My log can keep: the drill, the pain on the protocol's measure, the session", () => {
  const protocol = structuredClone(data.protocol);
  protocol.measures = [{ id: "pain-during-activity", name: "Pain during activity", kind: "scale" }];
  const [, clamshell] = monday();
  const entry = hurtEntry(clamshell, 3, { date: MONDAY, time: "07:05", phase: "load", measure: "pain-during-activity" });
  assert.deepEqual(entry, { date: MONDAY, time: "07:05", phase: "load", activity: "strength", session: "Strength: hips",
    drills: ["clamshell"], values: { "pain-during-activity": 3 }, note: "Hurt during Clamshell." });
  assert.deepEqual(logProblems(withEntry([], entry), protocol, MONDAY), []);
});
