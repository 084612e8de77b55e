import assert from "node:assert/strict";
import { test } from "node:test";

import { filterClauses, insertClause, listClauses, previewClause } from "../src/library.js";
import { FakeContext } from "./fake-word.js";

const CLAUSES = {
  clauses: [
    { id: "no-ai-training", kind: "ai_training", title: "No AI training", summary: "Forbids training models.", variants: ["standard", "strict"] },
    { id: "reservation-of-rights", kind: "reservation", title: "Reservation of rights", summary: "Keeps all rights not granted.", variants: ["standard"] },
  ],
};

test("clauses are listed with their variant names", async () => {
  const clauses = await listClauses({ clauses: async () => CLAUSES });
  assert.deepEqual(clauses.map((c) => [c.id, c.variants]), [["no-ai-training", ["standard", "strict"]], ["reservation-of-rights", ["standard"]]]);
});

test("the search keeps clauses that contain every word of the query", async () => {
  const clauses = await listClauses({ clauses: async () => CLAUSES });
  assert.deepEqual(filterClauses(clauses, "rights KEEPS").map((c) => c.id), ["reservation-of-rights"]);
  assert.deepEqual(filterClauses(clauses, "").length, 2);
  assert.deepEqual(filterClauses(clauses, "training reservation"), []);
});

test("the preview asks for the variant with the document's terms", async () => {
  const asked = [];
  const client = { clause: async (id, params) => (asked.push([id, params]), { id, variant: "strict", title: "No AI training", paragraphs: ["Acme shall not train."], comment: "Why" }) };
  const rendered = await previewClause(client, "no-ai-training", "strict", { client: "Acme", provider: "Studio", count: 3 });
  assert.deepEqual(asked, [["no-ai-training", { variant: "strict", client: "Acme", provider: "Studio" }]]);
  assert.deepEqual([rendered.id, rendered.paragraphs], ["no-ai-training", ["Acme shall not train."]]);
});

test("a clause is inserted after the cursor as tracked changes with its comment", async () => {
  const word = new FakeContext(["Intro", "Clause 7", "Clause 8"], { cursor: 1 });
  const count = await insertClause(word, { title: "No AI training", paragraphs: ["Acme shall not train.", "Nor let others."], comment: "Why" });
  assert.equal(count, 3);
  assert.deepEqual(word.texts, ["Intro", "Clause 7", "No AI training", "Acme shall not train.", "Nor let others.", "Clause 8"]);
  assert.ok(word.edits.every((e) => e.mode === "TrackAll"));
  assert.deepEqual(word.edits.filter((e) => e.op === "insertComment").map((e) => [e.on, e.text]), [["No AI training", "Why"]]);
});
