// The progress report's values (site_src/assets/js/progress.js): adherence from Today's ticks, red flags answered
// yes, notes, the latest values and a measure's chart with its texts escaped.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { phaseSessions } from "../../site_src/assets/js/plan.js";
import {
  adherence, chartedMeasures, latestValues, measureChart, notes, redFlagAnswers,
} from "../../site_src/assets/js/progress.js";

const { data } = JSON.parse(readFileSync(new URL("../vectors/calendar.json", import.meta.url), "utf-8"));

test("adherence counts the drills ticked against those the sessions planned, day by day from the start", () => {
  const sessions = phaseSessions(data, "load");
  // Mon 16 (strength: foam-roll, clamshell, side-plank, bridge; mobility: foam-roll) and Tue 17 (mobility only)
  const ticks = { "2026-03-16": ["strength/foam-roll", "strength/clamshell", "mobility/foam-roll", "other/drill"],
                  "2026-03-17": ["mobility/foam-roll"] };
  assert.deepEqual(adherence(sessions, "2026-03-16", "2026-03-17", ticks), {
    days: 2, planned: 5 + 1, done: 3 + 1, sessionDays: 2, fullDays: 1, from: "2026-03-16", to: "2026-03-17", percent: 67 });
  assert.equal(adherence(sessions, "2026-03-16", "2026-03-16").done, 0);
});

const protocol = {
  measures: [
    { id: "pain", name: "Pain", kind: "scale" },
    { id: "swelling", name: "Swelling", kind: "boolean" },
    { id: "hold", name: "Side-plank <hold>", kind: "seconds", unit: "s" },
  ],
  warning_signs: [{ id: "swollen", severity: "red", rule: { measure: "swelling", operator: "==", value: true } }],
};
const entries = [
  { date: "2026-03-10", values: { pain: 3, hold: 20 }, note: "  " },
  { date: "2026-03-12", values: { swelling: true }, note: "<b>sore</b>", drills: ["clamshell"] },
  { date: "2026-03-14", values: { pain: 1, hold: 30, swelling: false } },
];

test("red flags answered yes, the notes and the latest values, newest first", () => {
  assert.deepEqual(redFlagAnswers(protocol, entries), [{ date: "2026-03-12", name: "Swelling" }]);
  assert.deepEqual(notes(entries), [{ date: "2026-03-12", note: "<b>sore</b>", drills: ["clamshell"] }]);
  assert.deepEqual(latestValues(protocol, entries).map((one) => [one.measure.id, one.value, one.date]),
    [["pain", 1, "2026-03-14"], ["swelling", false, "2026-03-14"], ["hold", 30, "2026-03-14"]]);
  assert.deepEqual(chartedMeasures(protocol, entries).map((measure) => measure.id), ["hold"]);
});

test("a measure's chart has a point per value and escapes its name", () => {
  const svg = measureChart(protocol.measures[2], entries, "hb-measure-0");
  assert.equal(svg.match(/<circle /g).length, 2);
  assert.ok(svg.includes("Side-plank &#60;hold&#62; over time"));
  assert.ok(!svg.includes("<hold>"));
  assert.match(svg, /latest 30 s on 2026-03-14/);
  assert.equal(measureChart(protocol.measures[0], [], "x"), "");
});
