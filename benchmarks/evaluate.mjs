// Time the browser's evaluator on the data benchmarks/evaluate.py writes: node benchmarks/evaluate.mjs DATA.json REPEAT
// Prints the milliseconds of each repeat (every phase evaluated on the whole log) as a JSON list.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { evaluatePhase } from "../site_src/assets/js/evaluate.js";

const { protocol, entries } = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const times = [];
for (let i = 0; i < Number(process.argv[3] || 20); i++) {
  const begin = performance.now();
  for (const phase of protocol.phases) evaluatePhase(protocol, entries, phase.id);
  times.push(performance.now() - begin);
}
console.log(JSON.stringify(times));
