// The log page's charts (site_src/assets/js/chart.js): pain with the phase's thresholds, minutes per week.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { minutesChart, painChart, thresholds, weeklyMinutes } from "../../site_src/assets/js/chart.js";

const { protocol } = JSON.parse(readFileSync(new URL("../vectors/rules.json", import.meta.url), "utf-8"));
const entries = Array.from({ length: 10 }, (_, i) => ({
  date: `2026-10-${String(i + 1).padStart(2, "0")}`, values: Object.fromEntries(
    protocol.measures.filter((m) => m.kind === "scale" || m.kind === "minutes").map((m) => [m.id, i % 3])),
}));

test("the pain chart draws every pain value and the phase's thresholds", () => {
  const phase = protocol.phases.find((one) => (one.exit_criteria || []).length) || protocol.phases[0];
  const svg = painChart(protocol, phase, entries);
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.ok((svg.match(/<circle/g) || []).length >= 10);
  assert.equal((svg.match(/class="hb-chart__limit /g) || []).length, thresholds(protocol, phase,
    protocol.measures.filter((m) => m.kind === "scale" && /pain/i.test(m.name))).length);
  assert.equal(painChart(protocol, phase, []), "");
});

test("minutes add up per 7-day week, counted back from the latest entry", () => {
  const { weeks, measures } = weeklyMinutes(protocol, entries, 2);
  assert.equal(weeks.length, 2);
  assert.equal(weeks[1].end, "2026-10-10");
  assert.equal(weeks[1].start, "2026-10-04");
  for (const measure of measures) {
    assert.equal(weeks[1].totals[measure.id], [3, 4, 5, 6, 7, 8, 9].reduce((sum, i) => sum + (i % 3), 0));
  }
  if (measures.length) assert.match(minutesChart(protocol, entries), /<rect/);
});

test("texts from the content are escaped", () => {
  const odd = { ...protocol, measures: protocol.measures.map((m) => ({ ...m, name: m.kind === "scale" ? "Pain <b>&" : m.name })) };
  assert.doesNotMatch(painChart(odd, odd.phases[0], entries), /<b>/);
});
