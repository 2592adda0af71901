// Athlete logs judged by a sports physiotherapist, run against the JavaScript engine on the published protocol data
// (pytest runs the same file against the Python engine: tests/evaluate/test_scenarios.py).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import test from "node:test";

import { evaluatePhase } from "../../site_src/assets/js/evaluate.js";

const { scenarios } = JSON.parse(readFileSync(new URL("../vectors/scenarios.json", import.meta.url), "utf-8"));
const python = process.env.HANDBOOK_PYTHON || new URL("../../.venv/bin/python", import.meta.url).pathname;
// the protocol as the site publishes it (site/data/<protocol>.json), made by the generator from the YAML
const protocol = JSON.parse(execFileSync(python, ["-c",
  "import json, sys; from pathlib import Path; from generator.model import load_handbook; "
  + "json.dump(load_handbook(Path('.')).protocols[0].data, sys.stdout)"], { cwd: new URL("../..", import.meta.url) }));

test("there are enough scenarios", () => assert.ok(scenarios.length >= 25));

for (const scenario of scenarios) {
  test(`scenario: ${scenario.name}`, () => {
    const result = evaluatePhase(protocol, scenario.log, scenario.phase, scenario.today);
    const found = { verdict: result.verdict, target: result.target };
    const wanted = Object.fromEntries(Object.keys(scenario.expected).map((key) => [key, found[key]]));
    assert.deepEqual(wanted, scenario.expected, scenario.why);
  });
}
