import assert from "node:assert/strict";
import { test } from "node:test";

import { DOCX_TYPE, FLAT_OPC_TYPE } from "../src/api.js";
import { readCompressedFile, readDocument } from "../src/document.js";
import { FakeContext } from "./fake-word.js";

const ok = (value) => ({ status: "succeeded", value });
const failed = (message) => ({ status: "failed", error: { message } });
const later = (callback, result, ms) => setTimeout(() => callback(result), ms);

/** A fake Office.context.document whose file answers slice request i with slice order[i]. */
function fakeOfficeDocument(bytes, { sliceSize = 4, order, failAt = -1 } = {}) {
  const chunks = [];
  for (let at = 0; at < bytes.length; at += sliceSize) chunks.push(bytes.slice(at, at + sliceSize));
  const calls = { closed: 0, options: null, requested: [] };
  const file = {
    size: bytes.length,
    sliceCount: chunks.length,
    getSliceAsync(request, callback) {
      calls.requested.push(request);
      const index = order ? order[request] : request;
      const result = request === failAt ? failed("slice lost") : ok({ index, data: Array.from(chunks[index]), size: chunks[index].length });
      later(callback, result, (chunks.length - request) * 2);
    },
    closeAsync(callback) {
      calls.closed += 1;
      later(callback, ok(), 1);
    },
  };
  return {
    calls,
    getFileAsync(type, options, callback) {
      calls.options = { type, ...options };
      later(callback, ok(file), 1);
    },
  };
}

const BYTES = Uint8Array.from({ length: 18 }, (_, i) => i * 7);

test("slices are assembled in index order and the file is closed", async () => {
  const doc = fakeOfficeDocument(BYTES);
  const bytes = await readCompressedFile(doc, "compressed", 65536);
  assert.deepEqual(bytes, BYTES);
  assert.deepEqual(doc.calls.requested, [0, 1, 2, 3, 4]);
  assert.deepEqual(doc.calls.options, { type: "compressed", sliceSize: 65536 });
  assert.equal(doc.calls.closed, 1);
});

test("slices delivered out of order are put back at their own index", async () => {
  const doc = fakeOfficeDocument(BYTES, { order: [3, 0, 4, 1, 2] });
  assert.deepEqual(await readCompressedFile(doc), BYTES);
  assert.equal(doc.calls.closed, 1);
});

test("an error on a slice rejects and still closes the file", async () => {
  const doc = fakeOfficeDocument(BYTES, { failAt: 2 });
  await assert.rejects(readCompressedFile(doc), /getSliceAsync failed: slice lost/);
  assert.equal(doc.calls.closed, 1);
});

test("a slice delivered twice is refused rather than assembled into a broken file", async () => {
  const doc = fakeOfficeDocument(BYTES, { order: [0, 1, 1, 3, 4] });
  await assert.rejects(readCompressedFile(doc), /slice 1 twice/);
  assert.equal(doc.calls.closed, 1);
});

test("the document is sent as .docx when the file API works", async () => {
  const office = { context: { document: fakeOfficeDocument(BYTES) }, FileType: { Compressed: "compressed" } };
  const result = await readDocument(office, () => assert.fail("Word.run must not be needed"));
  assert.deepEqual([result.contentType, result.source, result.body], [DOCX_TYPE, "file", BYTES]);
});

test("the body's Flat OPC is sent when the file API is missing", async () => {
  const word = new FakeContext(["One"], { ooxml: "<pkg:package>body</pkg:package>" });
  const result = await readDocument({ context: { document: {} } }, (batch) => batch(word));
  assert.deepEqual([result.contentType, result.source, result.body], [FLAT_OPC_TYPE, "ooxml", "<pkg:package>body</pkg:package>"]);
});

test("the body's Flat OPC is sent when the file API fails", async () => {
  const office = { context: { document: fakeOfficeDocument(BYTES, { failAt: 0 }) } };
  const word = new FakeContext(["One"], { ooxml: "<pkg:package/>" });
  const result = await readDocument(office, (batch) => batch(word));
  assert.equal(result.source, "ooxml");
  assert.equal(office.context.document.calls.closed, 1);
});
