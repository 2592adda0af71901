// The site's scripts are ES modules in .js files. Node reads a .js file as an ES module when the nearest
// package.json says "type": "module"; Node 20.19 and later also guess it from the syntax, Debian 12's Node 18
// does not, and every test importing a script failed there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const folder = new URL("site_src/assets/js/", root);
const read = (url) => readFileSync(url, "utf8");

test("package.json declares the site's scripts ES modules, for a Node that does not guess", () => {
  const modules = readdirSync(folder).filter((name) => name.endsWith(".js")
    && /^(import|export) /m.test(read(new URL(name, folder))));
  assert.ok(modules.length > 0, "no script in site_src/assets/js/ uses import or export");
  assert.equal(JSON.parse(read(new URL("package.json", root))).type, "module",
               `${modules.join(", ")} use import and export: package.json needs "type": "module"`);
});
