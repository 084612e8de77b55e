// Getting the open document out of Word for the backend.
// First choice: the whole .docx through Office.context.document.getFileAsync(Compressed) in
// slices (Common API, CompressedFile). Where that API is missing or fails (some Word on the web
// builds), the main body as Flat OPC through Word's body.getOoxml() (WordApi 1.1).

import { DOCX_TYPE, FLAT_OPC_TYPE } from "./api.js";

export const SLICE_SIZE = 65536;

/** The file API failed; `message` says how. */
export class FileReadError extends Error {}

/**
 * Call an Office callback-style method and resolve with its AsyncResult value.
 * @param {any} target an Office.Document or Office.File
 * @param {string} method
 * @param {...any} args
 * @returns {Promise<any>}
 */
function officeCall(target, method, ...args) {
  return new Promise((resolve, reject) => {
    target[method](...args, (result) => {
      if (result.status === "succeeded") resolve(result.value);
      else reject(new FileReadError(`${method} failed: ${result.error?.message ?? "unknown error"}`));
    });
  });
}

/**
 * Read the document as .docx bytes with getFileAsync: ask for every slice, put each at the
 * place its own `index` says (not in arrival order), check the total against File.size, and
 * close the file whatever happens (Word keeps at most two open). Returns a Uint8Array.
 */
/**
 * @param {Office.Document} officeDocument
 * @param {Office.FileType | "compressed"} [fileType]
 * @param {number} [sliceSize]
 * @returns {Promise<Uint8Array>}
 */
export async function readCompressedFile(officeDocument, fileType = "compressed", sliceSize = SLICE_SIZE) {
  /** @type {Office.File} */
  const file = await officeCall(officeDocument, "getFileAsync", fileType, { sliceSize });
  try {
    const slices = new Array(file.sliceCount);
    for (let request = 0; request < file.sliceCount; request += 1) {
      /** @type {Office.Slice} */
      const slice = await officeCall(file, "getSliceAsync", request);
      const index = slice.index ?? request;
      if (slices[index]) throw new FileReadError(`Word returned slice ${index} twice.`);
      slices[index] = Uint8Array.from(slice.data);
    }
    const total = slices.reduce((sum, data) => sum + data.length, 0);
    if (total !== file.size) throw new FileReadError(`Word returned ${total} of ${file.size} bytes.`);
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const data of slices) {
      bytes.set(data, offset);
      offset += data.length;
    }
    return bytes;
  } finally {
    await /** @type {Promise<void>} */ (new Promise((resolve) => file.closeAsync(() => resolve())));
  }
}

/**
 * Return the main body as a Flat OPC package string (Body.getOoxml, WordApi 1.1).
 * @param {Word.RequestContext} context
 * @returns {Promise<string>}
 */
export async function readBodyOoxml(context) {
  const ooxml = context.document.body.getOoxml();
  await context.sync();
  return ooxml.value;
}

/**
 * Return {body, contentType, source} for the backend: the .docx when the file API works,
 * else Flat OPC XML. `office` is the Office namespace; `runWord` is Word.run.
 */
/**
 * @param {typeof Office} office
 * @param {(batch: (context: Word.RequestContext) => Promise<string>) => Promise<string>} runWord
 * @returns {Promise<{body: Uint8Array|string, contentType: string, source: string}>}
 */
export async function readDocument(office, runWord) {
  const officeDocument = office?.context?.document;
  if (typeof officeDocument?.getFileAsync === "function") {
    try {
      const bytes = await readCompressedFile(officeDocument, office.FileType?.Compressed ?? "compressed");
      return { body: bytes, contentType: DOCX_TYPE, source: "file" };
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
    }
  }
  const xml = await runWord((context) => readBodyOoxml(context));
  return { body: xml, contentType: FLAT_OPC_TYPE, source: "ooxml" };
}
