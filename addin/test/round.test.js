import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { readRound } from "../src/model.js";
import { COMMENT_SET, NO_COMMENTS, NO_REVIEW, REVIEW_SET, acceptChange, counter, gated, reinstate } from "../src/round.js";
import { FakeContext } from "./fake-word.js";

const COUNSEL = "Client Counsel";
const LIMB = "to train or fine-tune";
const DEFINITION = "\u201cProhibited AI Use\u201d means using the Materials to train or fine-tune an AI System.";
const STRUCK = "\u201cProhibited AI Use\u201d means using the Materials an AI System.";
const deletion = { action: "deleted", author: COUNSEL, text: LIMB, tracked: true, anchor: { index: 1, text: STRUCK } };

function reply({ tracked = [], comments = [] } = {}) {
  return new FakeContext(["4. Intellectual Property", STRUCK, "5. Fees"], { tracked, comments });
}

const office = (...sets) => ({ context: { requirements: { isSetSupported: (name, version) => name === "WordApi" && sets.includes(version) } } });

test("accepting their change accepts their tracked deletion and no other tracked change", async () => {
  const word = reply({ tracked: [
    { type: "Deleted", text: LIMB, author: COUNSEL },
    { type: "Added", text: LIMB, author: COUNSEL },
    { type: "Deleted", text: LIMB, author: "Studio Counsel" },
  ] });
  const outcome = await acceptChange(word, deletion);
  assert.deepEqual(outcome, { ok: true, reason: "" });
  assert.deepEqual(word.tracked.map((t) => t.accepted), [true, false, false]);
});

test("accepting a change that is no longer pending says so and accepts nothing", async () => {
  const word = reply({ tracked: [{ type: "Deleted", text: "something else", author: COUNSEL }] });
  const outcome = await acceptChange(word, deletion);
  assert.equal(outcome.ok, false);
  assert.match(outcome.reason, /no longer pending/);
  assert.equal(word.log.some((e) => e.op === "acceptTrackedChange"), false);
});

test("an untracked edit of theirs cannot be accepted: it is already in the text", async () => {
  const word = reply({ tracked: [{ type: "Deleted", text: LIMB, author: COUNSEL }] });
  const outcome = await acceptChange(word, { ...deletion, tracked: false });
  assert.equal(outcome.ok, false);
  assert.match(outcome.reason, /without tracking/);
  assert.equal(word.tracked[0].accepted, false);
});

test("countering replies in the thread that holds their reply, and nowhere else", async () => {
  const word = reply({ comments: [
    { content: "Our note on the grant.", replies: [] },
    { content: "Why this clause", replies: ["We cannot accept a restriction on model improvement."] },
  ] });
  const target = { thread: ["We cannot  accept a restriction on model improvement."], anchor: { index: 1, text: STRUCK } };
  const outcome = await counter(word, target, "The restriction stays: training is the use we exclude.");
  assert.equal(outcome.ok, true);
  assert.deepEqual(word.comments.map((c) => c.replies.length), [0, 2]);
  assert.equal(word.comments[1].replies[1], "The restriction stays: training is the use we exclude.");
  assert.equal(word.log.some((e) => e.op === "insertComment"), false);
});

test("countering a change with no thread starts one on its paragraph", async () => {
  const word = reply({ comments: [{ content: "Unrelated", replies: [] }] });
  const outcome = await counter(word, { thread: [], anchor: deletion.anchor }, "Please keep the training limb.");
  assert.equal(outcome.ok, true);
  const comment = word.log.find((e) => e.op === "insertComment");
  assert.deepEqual([comment.text, comment.paragraph], ["Please keep the training limb.", 1]);
  assert.deepEqual(word.comments[0].replies, []);
});

test("an empty counter writes nothing", async () => {
  const word = reply();
  const outcome = await counter(word, { thread: [], anchor: deletion.anchor }, "   ");
  assert.equal(outcome.ok, false);
  assert.equal(word.edits.length, 0);
});

test("reinstating puts our words back as our tracked change", async () => {
  const word = reply();
  const edit = { id: "e1", op: "replace", anchor: { index: 1, text: STRUCK }, find: "an AI System", occurrence: 0, replacement: `${LIMB} an AI System` };
  const outcome = await reinstate(word, [edit]);
  assert.deepEqual(outcome, { ok: true, reason: "" });
  assert.equal(word.texts[1], DEFINITION);
  assert.ok(word.edits.length > 0 && word.edits.every((e) => e.mode === "TrackAll"));
});

test("reinstating with nothing to propose says so and changes nothing", async () => {
  const word = reply();
  const outcome = await reinstate(word, []);
  assert.equal(outcome.ok, false);
  assert.equal(word.edits.length, 0);
});

test("without Word API 1.6 accepting explains the Review tab and never calls Word", async () => {
  let called = false;
  const run = async () => { called = true; return { ok: true, reason: "" }; };
  assert.deepEqual(await gated(office("1.4"), REVIEW_SET, run), { ok: false, reason: NO_REVIEW });
  assert.equal(called, false);
  assert.deepEqual(await gated(office("1.4", "1.6"), REVIEW_SET, run), { ok: true, reason: "" });
  assert.equal(called, true);
});

test("without Word API 1.4 countering and reinstating explain the download instead", async () => {
  let called = false;
  const outcome = await gated(office(), COMMENT_SET, async () => { called = true; return { ok: true, reason: "" }; });
  assert.deepEqual(outcome, { ok: false, reason: NO_COMMENTS });
  assert.equal(called, false);
  assert.deepEqual(await gated(undefined, COMMENT_SET, async () => ({ ok: true, reason: "" })), { ok: false, reason: NO_COMMENTS });
});

test("a round is read from the backend's answer, grouped by the protection each change touches", () => {
  const answer = JSON.parse(readFileSync(new URL("../../tests/data/wire/agency-round-2.answer.json", import.meta.url), "utf8"));
  const round = readRound(answer);
  const { negotiation, protections } = answer.audit;
  assert.equal(round.round, negotiation.round);
  const items = round.groups.flatMap((g) => g.items);
  for (const change of negotiation.changes) {
    const item = items.find((i) => i.summary === change.summary);
    assert.ok(item, change.summary);
    assert.equal(item.author, change.author);
    assert.equal(item.date, change.date.slice(0, 10));
    const group = round.groups.find((g) => g.items.includes(item));
    const proposal = negotiation.proposals.find((p) => p.indexes.includes(change.index) && p.protection);
    const evidenced = Object.values(protections).find((p) => p.evidence?.index === change.index);
    assert.equal(group.title, proposal ? protections[proposal.protection].title : evidenced?.title ?? "Other changes to the IP and licence clauses");
  }
  const replies = negotiation.proposals.flatMap((p) => p.replies);
  assert.ok(replies.length > 0);
  for (const r of replies) assert.ok(items.some((i) => i.thread.includes(r.text) && i.author === r.author));
  const lost = Object.entries(protections).filter(([, p]) => ["struck", "removed", "weakened"].includes(p.status));
  assert.ok(lost.length > 0);
  for (const [, p] of lost) assert.ok(round.groups.some((g) => g.title === p.title && g.detail === p.detail));
  for (const p of negotiation.proposals.filter((x) => x.protection && ["rejected", "modified"].includes(x.state))) {
    assert.ok(round.groups.find((g) => g.title === protections[p.protection].title).items.some((i) => i.summary.includes(protections[p.protection].title)));
  }
  const titles = round.groups.map((g) => g.title);
  assert.ok(titles.every((t) => t && !/_/.test(t)));
  assert.deepEqual(round.groups.flatMap((g) => g.edits).map((e) => e.id).sort(), answer.plan.edits.filter((e) => negotiation.proposals.some((p) => p.protection && p.clause === e.clause)).map((e) => e.id).sort());
});

test("an answer without a negotiation has no round", () => {
  assert.equal(readRound({ audit: { protections: {} }, plan: { edits: [] } }), null);
  assert.equal(readRound(undefined), null);
});
