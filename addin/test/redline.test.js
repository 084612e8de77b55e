import assert from "node:assert/strict";
import { test } from "node:test";

import { applyEdits } from "../src/redline.js";
import { FakeContext } from "./fake-word.js";

const GRANT = "7.2 Provider grants Customer a perpetual and irrevocable licence for any and all purposes.";
const USE = "7.3 Customer may use the Deliverables for any and all purposes and for any and all purposes.";

function contract() {
  return new FakeContext([
    { text: "7. Intellectual Property", styleBuiltIn: "Heading1" },
    { text: "7.1 Provider owns its tools.", style: "Clause", styleBuiltIn: "Other", list: { id: 4, level: 1 } },
    { text: GRANT, style: "Clause", styleBuiltIn: "Other", list: { id: 4, level: 1 } },
    { text: USE, style: "Body Text", styleBuiltIn: "BodyText" },
    { text: "8. Confidentiality", styleBuiltIn: "Heading1" },
  ]);
}

const insertAfterUse = {
  id: "e1",
  op: "insert_after",
  anchor: { index: 3, text: USE },
  paragraphs: [{ text: "No AI training. Customer shall not use the Deliverables to train AI.", title: "No AI training" }],
  comment: "Why this clause",
};

test("tracking is switched on before any edit is made", async () => {
  const word = contract();
  const results = await applyEdits(word, [insertAfterUse]);
  assert.equal(results[0].ok, true);
  assert.equal(word.log[0].op, "changeTrackingMode");
  assert.equal(word.log[0].value, "TrackAll");
  assert.ok(word.edits.length > 0);
  assert.ok(word.edits.every((entry) => entry.mode === "TrackAll"));
});

test("a paragraph is inserted after its anchor with the anchor's style and a comment", async () => {
  const word = contract();
  await applyEdits(word, [insertAfterUse]);
  assert.equal(word.texts[4], insertAfterUse.paragraphs[0].text);
  assert.equal(word.texts[5], "8. Confidentiality");
  assert.equal(word.paragraphs[4].styleBuiltIn, "BodyText");
  const comment = word.log.find((entry) => entry.op === "insertComment");
  assert.deepEqual([comment.text, comment.paragraph], ["Why this clause", 4]);
  const bold = word.log.find((entry) => entry.op === "bold");
  assert.equal(bold.text, "No AI training");
});

test("a paragraph inserted after a list item joins the anchor's list at its level", async () => {
  const word = contract();
  const edit = { ...insertAfterUse, anchor: { index: 2, text: GRANT }, comment: "" };
  await applyEdits(word, [edit]);
  assert.deepEqual(word.paragraphs[3].list, { id: 4, level: 1 });
  assert.equal(word.paragraphs[3].style, "Clause");
  assert.equal(word.log.some((entry) => entry.op === "insertComment"), false);
});

test("a new clause's heading takes the style and list of the heading it copies, its body the anchor's", async () => {
  const word = new FakeContext([
    { text: "7. Intellectual Property", styleBuiltIn: "Heading1", list: { id: 2, level: 0 } },
    { text: USE, style: "Body Text", styleBuiltIn: "BodyText" },
    { text: "8. Confidentiality", styleBuiltIn: "Heading1", list: { id: 2, level: 0 } },
  ]);
  const edit = {
    ...insertAfterUse,
    anchor: { index: 1, text: USE },
    paragraphs: [{ text: "No AI Training", like: 0 }, { text: "Customer shall not train AI." }],
  };
  await applyEdits(word, [edit]);
  assert.deepEqual(word.texts.slice(2, 4), ["No AI Training", "Customer shall not train AI."]);
  assert.equal(word.paragraphs[2].styleBuiltIn, "Heading1");
  assert.deepEqual(word.paragraphs[2].list, { id: 2, level: 0 });
  assert.equal(word.paragraphs[3].styleBuiltIn, "BodyText");
  assert.equal(word.paragraphs[3].list, null);
});

test("a paragraph continuing an inserted sub-clause is no item of the anchor's list", async () => {
  const word = contract();
  const edit = {
    ...insertAfterUse,
    anchor: { index: 2, text: GRANT },
    paragraphs: [{ text: "No AI training. Customer shall not.", title: "No AI training" }, { text: "This survives.", continued: true }],
  };
  await applyEdits(word, [edit]);
  assert.deepEqual(word.paragraphs[3].list, { id: 4, level: 1 });
  assert.equal(word.paragraphs[4].text, "This survives.");
  assert.equal(word.paragraphs[4].list, null);
  assert.equal(word.paragraphs[4].style, "Clause");
});

test("replacing occurrence 1 of a phrase that occurs twice changes only the second", async () => {
  const word = contract();
  const edit = {
    id: "e2", op: "replace", anchor: { index: 3, text: USE },
    find: "for any and all purposes", occurrence: 1, replacement: "solely for the Permitted Purpose",
  };
  const [result] = await applyEdits(word, [edit]);
  assert.equal(result.ok, true);
  assert.equal(
    word.texts[3],
    "7.3 Customer may use the Deliverables for any and all purposes and solely for the Permitted Purpose.",
  );
  const search = word.log.find((entry) => entry.op === "search");
  assert.deepEqual(search.options, { matchCase: true });
});

test("an anchor whose text changed is reported and the document is left alone", async () => {
  const word = contract();
  const edit = { ...insertAfterUse, anchor: { index: 3, text: "7.3 Customer may use the Deliverables internally." } };
  const [result] = await applyEdits(word, [edit]);
  assert.equal(result.ok, false);
  assert.match(result.reason, /no longer in the document/);
  assert.equal(word.edits.length, 0);
  assert.equal(word.texts.length, 5);
});

test("an anchor is found by its text when the index drifted", async () => {
  const word = contract();
  const edit = { id: "e3", op: "comment", anchor: { index: 1, text: `  ${GRANT.replace(" a ", "\ta ")} ` }, find: "perpetual and irrevocable", occurrence: 0, comment: "Too broad" };
  const [result] = await applyEdits(word, [edit]);
  assert.equal(result.ok, true);
  const comment = word.log.find((entry) => entry.op === "insertComment");
  assert.deepEqual([comment.on, comment.paragraph, comment.text], ["perpetual and irrevocable", 2, "Too broad"]);
});

test("an anchor whose text occurs twice elsewhere is reported, not guessed", async () => {
  const word = new FakeContext(["Heading", "Same text.", "Other", "Same text."]);
  const edit = { id: "e4", op: "comment", anchor: { index: 2, text: "Same text." }, find: "Same", occurrence: 0, comment: "c" };
  const [result] = await applyEdits(word, [edit]);
  assert.equal(result.ok, false);
  assert.match(result.reason, /occurs 2 times/);
  assert.equal(word.edits.length, 0);
});

test("a comment is attached to the phrase it is about", async () => {
  const word = contract();
  const edit = { id: "e5", op: "comment", anchor: { index: 2, text: GRANT }, find: "licence", occurrence: 0, comment: "Say who may sublicense." };
  const [result] = await applyEdits(word, [edit]);
  assert.deepEqual(result, { id: "e5", ok: true, reason: "" });
  assert.deepEqual(word.edits.map((e) => [e.op, e.on, e.text]), [["insertComment", "licence", "Say who may sublicense."]]);
});

test("a phrase missing from its paragraph is reported", async () => {
  const word = contract();
  const edit = { id: "e6", op: "replace", anchor: { index: 2, text: GRANT }, find: "work made for hire", occurrence: 0, replacement: "x" };
  const [result] = await applyEdits(word, [edit]);
  assert.equal(result.ok, false);
  assert.match(result.reason, /work made for hire/);
});

test("a phrase longer than 255 characters is found by its head and tail and replaced whole", async () => {
  const long = `Customer may ${"use, copy, modify and distribute the Deliverables ".repeat(7)}without limit`;
  assert.ok(long.length > 300);
  const paragraph = `Intro. ${long}. Then ${long}.`;
  const word = new FakeContext(["Title", paragraph]);
  const edit = { id: "e7", op: "replace", anchor: { index: 1, text: paragraph }, find: long, occurrence: 1, replacement: "Customer may use the Deliverables internally" };
  const [result] = await applyEdits(word, [edit]);
  assert.equal(result.ok, true, result.reason);
  assert.equal(word.texts[1], `Intro. ${long}. Then Customer may use the Deliverables internally.`);
  const searches = word.log.filter((entry) => entry.op === "search");
  assert.equal(searches.length, 2);
  assert.ok(searches.every((entry) => entry.text.length <= 255));
});

test("edits are applied back to front and results come back in plan order", async () => {
  const word = contract();
  const edits = [
    { id: "a", op: "replace", anchor: { index: 3, text: USE }, find: "for any and all purposes", occurrence: 0, start: 39, replacement: "internally" },
    insertAfterUse,
    { id: "b", op: "replace", anchor: { index: 3, text: USE }, find: "for any and all purposes", occurrence: 1, start: 68, replacement: "for testing" },
    { id: "c", op: "comment", anchor: { index: 2, text: GRANT }, find: "perpetual", occurrence: 0, comment: "why" },
  ];
  const results = await applyEdits(word, edits);
  assert.deepEqual(results.map((r) => [r.id, r.ok]), [["a", true], ["e1", true], ["b", true], ["c", true]]);
  assert.equal(word.texts[3], "7.3 Customer may use the Deliverables internally and for testing.");
  assert.equal(word.texts[4], insertAfterUse.paragraphs[0].text);
});

test("an unknown operation is reported", async () => {
  const word = contract();
  const [result] = await applyEdits(word, [{ id: "z", op: "delete", anchor: { index: 0, text: "7. Intellectual Property" } }]);
  assert.equal(result.ok, false);
  assert.match(result.reason, /Unknown change type/);
});

test("a payment condition and the strike of the creation timing land in the same paragraph", async () => {
  const vesting = "2.1 All rights in the Deliverables shall be vested in the Client on their creation, and the Designer shall sign.";
  const word = new FakeContext([{ text: vesting, style: "Clause", styleBuiltIn: "Other" }]);
  const edits = [
    { id: "e1", op: "replace", anchor: { index: 0, text: vesting }, find: "be vested in", occurrence: 0, start: 41, replacement: "upon payment in full be vested in" },
    { id: "e2", op: "replace", anchor: { index: 0, text: vesting }, find: " on their creation", occurrence: 0, start: 64, replacement: "" },
  ];
  const results = await applyEdits(word, edits);
  assert.deepEqual(results.map((r) => [r.id, r.ok]), [["e1", true], ["e2", true]]);
  assert.equal(word.texts[0], "2.1 All rights in the Deliverables shall upon payment in full be vested in the Client, and the Designer shall sign.");
});
