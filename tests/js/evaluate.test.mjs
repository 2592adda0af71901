// The shared rule vectors, run against the JavaScript evaluator (pytest runs the same file against the Python one).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { evaluatePhase, evaluateRule } from "../../site_src/assets/js/evaluate.js";

const VECTORS = JSON.parse(readFileSync(new URL("../vectors/rules.json", import.meta.url), "utf-8"));
const MEASURES = Object.fromEntries(VECTORS.measures.map((measure) => [measure.id, measure]));

/** Every field of `expected` is in `found` with the same value (numbers to within 1e-9), recursively. */
function matches(expected, found, where = "result") {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(found) && found.length === expected.length,
      `${where}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`);
    expected.forEach((one, i) => matches(one, found[i], `${where}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    assert.ok(found !== null && typeof found === "object", `${where}: expected fields, found ${JSON.stringify(found)}`);
    for (const [key, value] of Object.entries(expected)) {
      assert.ok(key in found, `${where}: no '${key}'`);
      matches(value, found[key], `${where}.${key}`);
    }
  } else if (typeof expected === "number") {
    assert.ok(typeof found === "number" && Math.abs(found - expected) <= 1e-9,
      `${where}: expected ${expected}, found ${JSON.stringify(found)}`);
  } else {
    assert.equal(found, expected, `${where}`);
  }
}

/** What a phase vector checks: the verdict, the phase evaluated and pointed to, signs present, criteria states. */
const summary = (result) => ({
  verdict: result.verdict, action: result.action, target: result.target, evaluated: result.phase,
  signs: result.signs.map((sign) => sign.id),
  also: result.also,
  early: result.early && result.early.phase,
  criteria: result.criteria.map((criterion) => criterion.result.state),
});

test("there are enough vectors", () => {
  assert.ok(VECTORS.rules.length + VECTORS.phases.length >= 80);
});

for (const vector of VECTORS.rules) {
  test(`rule: ${vector.name}`, () => matches(vector.expected, evaluateRule(vector.rule, MEASURES, vector.log, vector.today ?? null, vector.how ?? "now")));
}

for (const vector of VECTORS.phases) {
  test(`phase: ${vector.name}`, () => {
    matches(vector.expected, summary(evaluatePhase(VECTORS.protocol, vector.log, vector.phase, vector.today ?? null)));
  });
}
