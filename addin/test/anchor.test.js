import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { locateAnchor, normalise } from "../src/anchor.js";

// The cases the backend's rule (server/noai/anchor.py) is tested on too (tests/test_wire.py).
const CASES = JSON.parse(readFileSync(new URL("../../tests/data/wire/anchor-cases.json", import.meta.url), "utf8")).cases;

test("the shared anchor cases are there to test", () => {
  assert.ok(CASES.length >= 10);
});

for (const c of CASES) {
  test(`anchor rule shared with the backend: ${c.name}`, () => {
    const found = locateAnchor(c.texts, c.anchor);
    assert.equal(found.index ?? null, c.expect, JSON.stringify(found));
    if (c.expect === null) assert.ok(found.reason);
  });
}

test("normalising makes each run of white space one space and trims, as the backend does", () => {
  assert.equal(normalise("\u00a0 7.3\t\tCustomer\u000bmay\n"), "7.3 Customer may");
  assert.equal(normalise("a\u200bb"), "a\u200bb");
});
