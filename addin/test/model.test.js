import assert from "node:assert/strict";
import { test } from "node:test";

import { STATUS_WORDS, describeEdit, groupBySeverity, highlights, needsParty, readAudit, readProtections, readRenderedClause, readScan } from "../src/model.js";
import { selectAnchor } from "../src/anchor.js";
import { FakeContext } from "./fake-word.js";

const ANSWER = {
  audit: {
    score: { risk: 72, grade: "D", summary: "Grade D: mainly because x.", legend: "L", reasons: [{ points: 45, why: "x" }] },
    protections: {
      reservation_of_rights: { status: "present", title: "Reservation of rights", explanation: "Keeps what is not granted.", detail: "", evidence: { index: 2, text: "t" } },
      no_ai_restriction: { status: "missing", title: "No-AI-training restriction", explanation: "Stops AI training.", detail: "Nothing stops it.", evidence: null },
      choice_of_law: { status: "unknown", title: "Creator-friendly choice of law", detail: "" },
    },
    findings: [
      { kind: "work_made_for_hire", title: "Work made for hire", severity: "high", start: 3, end: 3, paragraph_text: "All work is work made for hire.", phrase: { text: "work made for hire", start: 12, end: 30 }, explanation: "x", section_label: "4.1" },
      { kind: "survival", title: "Survival", severity: "info", start: 9, paragraph_text: "S", phrase: { text: "survive" } },
      { kind: "odd", severity: "weird" },
    ],
    terms: { client: { name: "Acme", surface: "Acme" } },
  },
  plan: {
    terms: { provider: "Studio" },
    edits: [
      { id: "e1", op: "comment", anchor: { index: 3, text: "All work is work made for hire." }, find: "work made for hire", finding: "work_made_for_hire" },
      { id: "e2", op: "insert_after", anchor: { index: 3, text: "All work is work made for hire." }, clause: "no-ai-training", title: "No AI Training" },
    ],
  },
};

test("a scan answer is read into score, protections, findings, edits and terms", () => {
  const scan = readScan(ANSWER);
  assert.deepEqual(scan.score, { value: 72, max: 100, grade: "D", summary: "Grade D: mainly because x.", legend: "L", reasons: ["x"] });
  assert.deepEqual(scan.protections.map((p) => [p.kind, p.status]), [["no_ai_restriction", "missing"], ["choice_of_law", "unknown"], ["reservation_of_rights", "present"]]);
  assert.deepEqual(scan.protections[0], { kind: "no_ai_restriction", status: "missing", title: "No-AI-training restriction", explanation: "Stops AI training.", detail: "Nothing stops it.", evidence: null });
  assert.deepEqual(scan.findings[0].anchor, { index: 3, text: "All work is work made for hire." });
  assert.deepEqual([scan.findings[0].title, scan.findings[0].phrase, scan.findings[0].section], ["Work made for hire", "work made for hire", "4.1"]);
  assert.equal(scan.findings[2].severity, "info");
  assert.deepEqual(scan.terms, { client: "Acme", provider: "Studio" });
  assert.equal(scan.edits[0].summary, 'Comment on "work made for hire"');
  assert.equal(scan.edits[1].summary, 'Add the clause "No AI Training" after "All work is work made for hire."');
});

test("a finding is linked to the change that answers it (same kind, same paragraph) and back", () => {
  const scan = readScan(ANSWER);
  assert.equal(scan.findings[0].edit, "e1");
  assert.deepEqual(scan.edits[0].findings, [scan.findings[0].id]);
  assert.deepEqual([scan.findings[1].edit, scan.edits[1].findings], ["", []]);
});

test("findings are grouped most severe first without empty groups, with display titles", () => {
  const groups = groupBySeverity(readScan(ANSWER).findings);
  assert.deepEqual(groups.map((g) => [g.title, g.findings.length]), [["High risk", 1], ["For information", 2]]);
});

test("the highlights name the worst findings and the missing protections, at most three lines", () => {
  const lines = highlights(readScan(ANSWER));
  assert.deepEqual(lines, ["High risk: Work made for hire", "2 of 3 protections missing or unclear"]);
  assert.deepEqual(highlights({ findings: [], protections: [{ status: "present" }] }), ["No risky clause found and every protection is there."]);
});

test("the party question is asked only when the audit says it is unsure and names parties", () => {
  const parties = [{ id: "p1", name: "Acme" }, { id: "p2", terms: ["Studio"] }];
  assert.equal(needsParty(readAudit({ we: { sure: false }, parties })), true);
  assert.deepEqual(readAudit({ parties }).parties.map((p) => p.name), ["Acme", "Studio"]);
  assert.equal(needsParty(readAudit({ we: { sure: true }, parties })), false);
  assert.equal(needsParty(readAudit({ parties })), false);
});

test("a rendered clause is read as GET /clauses/{id} sends it", () => {
  const answer = { id: "no-ai-training", variant: "minimal", title: "No AI training", paragraphs: ["One.", "Two."], comment: "Why" };
  assert.deepEqual(readRenderedClause(answer), answer);
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


test("a negotiation's statuses are read as such: what the other side took out first, our pending ones before the present", () => {
  const protections = readProtections({
    a: { status: "present", title: "A" }, b: { status: "proposed", title: "B" }, c: { status: "removed", title: "C" },
    d: { status: "weakened", title: "D" }, e: { status: "struck", title: "E" }, f: { status: "bogus", title: "F" },
  });
  assert.deepEqual(protections.map((p) => [p.kind, p.status]),
    [["c", "removed"], ["e", "struck"], ["d", "weakened"], ["f", "unknown"], ["b", "proposed"], ["a", "present"]]);
  assert.equal(STATUS_WORDS.struck, "struck out");
});

test("a replacement with nothing in its place is described as the words struck", () => {
  assert.equal(describeEdit({ op: "replace", find: " on their creation", replacement: "" }), 'Strike "on their creation"');
  assert.equal(describeEdit({ op: "replace", find: "assigns", replacement: "shall assign" }), 'Replace "assigns" with "shall assign"');
});
