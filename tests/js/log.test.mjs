// The browser's log format (site_src/assets/js/log.js) on the shared CSV vectors that pytest runs against
// generator/evaluate/log.py, a round trip through each form, and problems reported at their row.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import {
  ACTIVITIES, LogError, nearestMeasures, readCsv, readJson, redFlags, withEntry, writeCsv, writeJson,
} from "../../site_src/assets/js/log.js";

const VECTORS = JSON.parse(readFileSync(new URL("../vectors/logs.json", import.meta.url), "utf-8"));
const { protocol, today } = VECTORS;

for (const vector of VECTORS.read) {
  test(`read: ${vector.name}`, () => assert.deepEqual(readCsv(vector.csv, protocol, today), vector.entries));
}

for (const vector of VECTORS.write) {
  test(`write: ${vector.name}`, () => assert.equal(writeCsv(vector.entries, protocol), vector.csv));
}

test("every read vector comes back the same through CSV and through JSON", () => {
  for (const vector of VECTORS.read) {
    assert.deepEqual(readCsv(writeCsv(vector.entries, protocol), protocol, today), vector.entries);
    assert.deepEqual(readJson(writeJson(vector.entries), protocol, today), vector.entries);
  }
});

test("JSON is written as the CLI writes it", () => {
  const entries = [{ date: "2026-10-01", values: { pain: 2 } }];
  assert.equal(writeJson(entries), '{\n  "entries": [\n    {\n      "date": "2026-10-01",\n      "values": {\n        "pain": 2\n      }\n    }\n  ]\n}\n');
});

const problems = (text) => {
  try {
    readCsv(text, protocol, today);
  } catch (error) {
    assert.ok(error instanceof LogError);
    return error.problems;
  }
  return [];
};

test("bad logs give problems at the row, never an exception of another kind", () => {
  assert.match(problems("pain\n2\n")[0], /^1:1: the first row must name the columns/);
  assert.match(problems("date,pian\n2026-10-01,2\n")[0], /^1:2: 'pian' is not a measure of p/);
  assert.match(problems("date,pain\n2026-10-01,11\n")[0], /^2:1: 'Pain' runs from 0 to 10/);
  assert.match(problems("date,pain\n2026-10-01,two\n")[0], /^2:1: 'Pain' is measured as a number/);
  assert.match(problems("date,settled\n2026-10-01,maybe\n")[0], /yes\/no measure/);
  assert.match(problems("date,swelling\n2026-10-01,huge\n")[0], /takes one of none, mild, marked/);
  assert.match(problems("date,pain\n2026-12-01,1\n")[0], /after today \(2026-11-01\)/);
  assert.match(problems("date,pain\n2026-10-02,1\n2026-10-01,1\n")[0], /^3:1: .*keep the entries in date order/);
  assert.match(problems("date,phase\n2026-10-01,three\n")[0], /'three' is not a phase of p/);
  assert.match(problems("date,hops\n2026-10-01,2.5\n")[0], /whole number/);
  assert.throws(() => readJson("{", protocol, today), LogError);
  assert.throws(() => readJson('{"entries": [{"date": "2026-10-01"}]}', protocol, today), LogError);
});

test("a new entry goes in date order, after the entries of its day", () => {
  const log = [{ date: "2026-10-01", values: {} }, { date: "2026-10-03", values: {} }];
  assert.deepEqual(withEntry(log, { date: "2026-10-02", values: {} }).map((e) => e.date), ["2026-10-01", "2026-10-02", "2026-10-03"]);
  assert.deepEqual(withEntry(log, { date: "2026-10-03", note: "x", values: {} })[2].note, "x");
  assert.equal(withEntry([], { date: "2026-10-03", values: {} }).length, 1);
});

test("the activities are the log schema's", () => {
  const common = JSON.parse(readFileSync(new URL("../../schemas/common.schema.json", import.meta.url), "utf-8"));
  assert.deepEqual(ACTIVITIES, common.$defs.activity.enum);
});

test("an unknown activity is one problem at its row, naming the activities", () => {
  const [problem] = problems("date,activity,pain\n2026-10-01,jog,1\n");
  assert.match(problem, /^2:1: 'jog' is not an activity; write one of walk, walk-run, run/);
});

test("an unknown measure names the nearest ones, not the spelling", () => {
  const [problem] = problems("date,pain-durng\n2026-10-01,1\n");
  assert.match(problem, /^1:2: 'pain-durng' is not a measure of p; the nearest measures are 'pain' \(Pain\)/);
  assert.deepEqual(nearestMeasures("knee-pain-at-night", [{ id: "night-or-rest-pain" }, { id: "knee-swelling" },
    { id: "pain-during-activity" }]).map((m) => m.id), ["night-or-rest-pain", "knee-swelling", "pain-during-activity"]);
});

test("the red flags are the yes/no measures a red sign stops on when yes", () => {
  const flags = redFlags({
    measures: [{ id: "night", kind: "boolean" }, { id: "settled", kind: "boolean" }, { id: "swelling", kind: "categorical" },
      { id: "fever", kind: "boolean" }, { id: "tingling", kind: "boolean" }],
    warning_signs: [
      { id: "a", severity: "red", rule: { within: { days: 14 }, any: [{ measure: "night", operator: "==", value: true },
        { measure: "swelling", operator: "==", value: "marked" }] } },
      { id: "b", severity: "amber", rule: { measure: "settled", operator: "==", value: false } },
      { id: "c", severity: "red", rule: { measure: "fever", operator: "==", value: true } },
      { id: "d", severity: "amber", rule: { measure: "tingling", operator: "==", value: true } },
    ],
  });
  assert.deepEqual(flags, ["night", "fever"]);
});

test("text a spreadsheet would run is written inert and read back as written (OWASP CSV injection)", () => {
  const entries = [
    { date: "2026-10-01", session: '=HYPERLINK("http://x")', values: {}, note: "+cmd|' /C calc'!A0" },
    { date: "2026-10-02", values: { pain: -0 }, note: "-2 degrees, @home" },
  ].map((entry) => ({ ...entry, values: {} }));
  const text = writeCsv(entries, protocol);
  assert.ok(text.includes("'=HYPERLINK") && text.includes("'+cmd") && text.includes("'-2 degrees"));
  assert.deepEqual(readCsv(text, protocol, today), entries);
});

test("ids a JavaScript object inherits are not measures", () => {
  for (const id of ["__proto__", "constructor", "toString"]) {
    const [problem] = problems(`date,${id}\n2026-10-01,5\n`);
    assert.match(problem, new RegExp(`'${id}' is not a measure of p`));
    assert.throws(() => readJson(`{"entries": [{"date": "2026-10-01", "values": {"${id}": 5}}]}`, protocol, today),
      (error) => error instanceof LogError && /is not a measure/.test(error.problems.join()));
  }
});

test("a number no measure can take is refused with its range", () => {
  assert.throws(() => readJson('{"entries": [{"date": "2026-10-01", "values": {"walk": 1e309}}]}', protocol, today),
    (error) => error instanceof LogError && /is not a value it can take/.test(error.problems.join()));
  assert.match(problems("date,walk\n2026-10-01,99999\n")[0], /runs from 0 to 1440/);
});

for (const vector of VECTORS.refuse) {
  test(`refuse: ${vector.name}`, () => {
    const read = vector.file.endsWith(".csv") ? readCsv : readJson;
    assert.throws(() => read(vector.text, protocol, today), (error) => {
      assert.ok(error instanceof LogError);
      const [first] = error.problems;
      if (vector.file.endsWith(".csv")) assert.ok(first.startsWith(`${vector.line}:`), first);
      for (const words of vector.says) assert.ok(first.includes(words), first);
      return true;
    });
  });
}

test("a CSV whose columns are separated by semicolons is told so, as the CLI tells it", () => {
  assert.throws(() => readCsv("date;pain-during-activity\n2026-01-01;3\n", protocol, today),
    (error) => error instanceof LogError && /separated by semicolons/.test(error.problems[0])
      && /commas/.test(error.problems[0]));
});
