// The text helpers of dom.js against the shared vectors (the site's Python markup gives the same).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { together } from "../../site_src/assets/js/dom.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/together.json", import.meta.url), "utf8"));

for (const { text, shown } of vectors.cases) {
  test(`numbers kept together: ${text}`, () => assert.equal(together(text), shown));
}
