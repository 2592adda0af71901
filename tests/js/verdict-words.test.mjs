// My log's words: a sign's action as the site's pages word it, and counts of entries.
import assert from "node:assert/strict";
import test from "node:test";

import { ACTIONS, entries } from "../../site_src/assets/js/verdict-words.js";

test("a sign's action reads as the phase pages say it", () => {
  assert.equal(ACTIONS["regress-one-phase"], "Go back one phase");
  assert.ok(Object.values(ACTIONS).every((text) => !text.includes("-")));
});

test("one entry, two entries", () => {
  assert.equal(entries(1), "1 entry");
  assert.equal(entries(0), "0 entries");
  assert.equal(entries(2), "2 entries");
});
