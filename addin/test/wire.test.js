import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import { SEVERITIES, readScan } from "../src/model.js";

// The backend's real POST /plan answers (scripts/wire_fixtures.py writes them; the Python tests
// check them against server/noai/schemas) and the schemas themselves.
const WIRE = new URL("../../tests/data/wire/", import.meta.url);
const ANSWERS = readdirSync(WIRE)
  .filter((name) => name.endsWith(".answer.json"))
  .map((name) => [name, JSON.parse(readFileSync(new URL(name, WIRE), "utf8"))]);
const SCHEMA = (name) => JSON.parse(readFileSync(new URL(`../../server/noai/schemas/${name}.json`, import.meta.url), "utf8"));

test("the backend's answers are there to read", () => {
  assert.ok(ANSWERS.length >= 4);
});

for (const [name, answer] of ANSWERS) {
  test(`the pane reads the backend's answer as sent: ${name}`, () => {
    const { audit, plan } = answer;
    const scan = readScan(answer);
    assert.deepEqual(
      scan.findings.map((f) => [f.kind, f.title, f.severity, f.phrase, f.explanation, f.anchor.index, f.anchor.text]),
      audit.findings.map((f) => [f.kind, f.title, f.severity, f.phrase.text, f.explanation, f.start, f.paragraph_text]),
    );
    assert.ok(scan.findings.every((f) => f.title && SEVERITIES.includes(f.severity)));
    const byKind = Object.fromEntries(scan.protections.map((p) => [p.kind, p]));
    assert.deepEqual(Object.keys(byKind).sort(), Object.keys(audit.protections).sort());
    for (const [kind, p] of Object.entries(audit.protections)) {
      assert.deepEqual(
        [byKind[kind].title, byKind[kind].explanation, byKind[kind].status, byKind[kind].detail],
        [p.title, p.explanation, p.status, p.detail],
      );
    }
    assert.deepEqual([scan.score.value, scan.score.grade, scan.score.reasons], [audit.score.risk, audit.score.grade ?? "", audit.score.reasons.map((r) => r.why)]);
    assert.deepEqual(scan.edits.map((e) => [e.id, e.op, e.anchor.index]), plan.edits.map((e) => [e.id, e.op, e.anchor.index]));
    assert.ok(scan.edits.every((e) => e.summary));
    const roles = Object.entries(audit.terms).filter(([role, t]) => role !== "all" && t && typeof t === "object");
    assert.deepEqual(scan.terms, { ...Object.fromEntries(roles.map(([role, t]) => [role, t.name])), ...plan.terms });
  });
}

test("every key the pane reads of a finding, a protection or an edit is one the schemas define", () => {
  const audit = SCHEMA("audit");
  const finding = Object.keys(audit.$defs.finding.properties);
  for (const key of ["kind", "title", "severity", "phrase", "explanation", "section_label", "heading", "start", "paragraph_text"]) {
    assert.ok(finding.includes(key), key);
  }
  const protection = Object.keys(audit.$defs.protection.properties);
  for (const key of ["status", "title", "explanation", "detail", "evidence"]) assert.ok(protection.includes(key), key);
  const score = Object.keys(audit.properties.score.properties);
  for (const key of ["risk", "grade", "reasons", "summary", "legend"]) assert.ok(score.includes(key), key);
  const plan = SCHEMA("plan");
  const read = { insert_after: ["id", "op", "anchor", "title"], replace: ["id", "op", "anchor", "finding", "find", "replacement"], comment: ["id", "op", "anchor", "finding", "find"] };
  for (const [op, keys] of Object.entries(read)) {
    for (const key of keys) assert.ok(key in plan.$defs[op].properties, `${op}.${key}`);
  }
  assert.deepEqual(audit.$defs.finding.properties.severity.enum, SEVERITIES);
});
