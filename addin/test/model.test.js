import assert from "node:assert/strict";
import { test } from "node:test";

import { groupBySeverity, readRenderedClause, readScan } from "../src/model.js";
import { selectAnchor } from "../src/anchor.js";
import { FakeContext } from "./fake-word.js";

const ANSWER = {
  audit: {
    score: { value: 72, grade: "D" },
    protections: [{ kind: "no_ai_training", present: false }, { kind: "reservation_of_rights", present: true, title: "Reservation" }],
    findings: [
      { kind: "work_made_for_hire", severity: "high", paragraph: 3, paragraph_text: "All work is work made for hire.", phrase: "work made for hire", explanation: "x" },
      { kind: "no_ai_clause", severity: "critical", paragraph_text: "", phrase: "" },
      { kind: "odd", severity: "weird" },
    ],
    terms: { client: "Acme" },
  },
  plan: { terms: { provider: "Studio" }, edits: [{ id: "e1", op: "replace", find: "a", replacement: "b" }] },
};

test("a scan answer is read into score, protections, findings, edits and terms", () => {
  const scan = readScan(ANSWER);
  assert.deepEqual(scan.score, { value: 72, max: 100, grade: "D", label: "", reasons: [] });
  assert.deepEqual(scan.protections.present, [{ kind: "reservation_of_rights", title: "Reservation", detail: "" }]);
  assert.deepEqual(scan.protections.missing, [{ kind: "no_ai_training", title: "No ai training", detail: "" }]);
  assert.deepEqual(scan.findings[0].anchor, { index: 3, text: "All work is work made for hire." });
  assert.equal(scan.findings[2].severity, "info");
  assert.deepEqual(scan.terms, { client: "Acme", provider: "Studio" });
  assert.equal(scan.edits[0].summary, 'Replace "a" with "b"');
});

test("findings are grouped most severe first without empty groups", () => {
  const groups = groupBySeverity(readScan(ANSWER).findings);
  assert.deepEqual(groups.map((g) => [g.severity, g.findings.length]), [["critical", 1], ["high", 1], ["info", 1]]);
});

test("protections given as present and missing lists are read too", () => {
  const scan = readScan({ audit: { protections: { present: ["a_b"], missing: [{ kind: "c" }] }, score: 10 } });
  assert.deepEqual([scan.protections.present[0].title, scan.protections.missing[0].kind, scan.score.value], ["A b", "c", 10]);
});

test("a rendered clause given as one text is split into paragraphs", () => {
  assert.deepEqual(readRenderedClause({ text: "One.\n\nTwo." }).paragraphs, ["One.", "Two."]);
});

test("clicking a finding selects its phrase in the paragraph found by text", async () => {
  const word = new FakeContext(["Title", "Inserted by the user", "All work is work made for hire."]);
  const result = await selectAnchor(word, { index: 1, text: "All work is work made for hire." }, "work made for hire");
  assert.equal(result.ok, true);
  assert.deepEqual(word.log.filter((e) => e.op === "select").map((e) => [e.paragraph, e.text]), [[2, "work made for hire"]]);
});

test("a finding whose paragraph is gone is reported and nothing is selected", async () => {
  const word = new FakeContext(["Title"]);
  const result = await selectAnchor(word, { index: 0, text: "Gone." }, "Gone");
  assert.equal(result.ok, false);
  assert.equal(word.log.some((e) => e.op === "select"), false);
});

test("the noai.audit/1 shapes are read: protection map, phrase object, paragraph start, term objects, risk", () => {
  const scan = readScan({
    audit: {
      score: { risk: 100, grade: "F", reasons: [{ points: 45, why: "work made for hire" }] },
      protections: { no_ai_restriction: { status: "missing", detail: "Nothing stops it." }, choice_of_law: { status: "unknown" }, scope: { status: "present" } },
      findings: [{ kind: "ip_assignment", severity: "high", start: 7, end: 7, paragraph_text: "P", phrase: { text: "hereby assigns", start: 3, end: 17 } }],
      terms: { client: { name: "Client", surface: "the Client" }, provider: { name: "Studio" } },
    },
    plan: { terms: { client: "Customer" } },
  });
  assert.deepEqual([scan.score.value, scan.score.grade, scan.score.reasons], [100, "F", ["work made for hire"]]);
  assert.deepEqual(scan.protections.missing, [{ kind: "no_ai_restriction", title: "No ai restriction", detail: "Nothing stops it." }]);
  assert.deepEqual([scan.protections.present[0].kind, scan.protections.unknown[0].kind], ["scope", "choice_of_law"]);
  assert.deepEqual([scan.findings[0].phrase, scan.findings[0].anchor.index], ["hereby assigns", 7]);
  assert.deepEqual(scan.terms, { client: "Customer", provider: "Studio" });
});
