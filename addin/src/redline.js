// Apply a noai.plan/1 plan to the open document as the user's own tracked changes.
// Needs WordApi 1.4 (Document.changeTrackingMode, Range.insertComment); the edit calls
// themselves (Paragraph.insertParagraph, Range.insertText, Paragraph.search) are WordApi 1.1-1.3.

import { SEARCH_LIMIT, loadParagraphs, locateAnchor, queuePhraseSearch } from "./anchor.js";

/** Word.ChangeTrackingMode.trackAll: every later edit becomes a tracked change. */
export const TRACK_ALL = "TrackAll";

/**
 * Switch tracking on for everything that follows (Document.changeTrackingMode, WordApi 1.4).
 * @param {Word.RequestContext} context
 */
export async function trackChanges(context) {
  context.document.changeTrackingMode = TRACK_ALL;
  await context.sync();
}

/**
 * Apply `edits` (plan.edits) and return one {id, ok, reason} per edit, in the order given.
 * Every anchor is located before anything changes; edits then run from the end of the
 * document backwards (and right to left inside a paragraph) so earlier places stay put.
 */
/**
 * @typedef {{id: string, op: string, anchor?: {index: number, text: string}, paragraphs?: {text: string, title?: string, like?: number, continued?: boolean, lead?: string}[],
 *   find?: string, occurrence?: number, start?: number, replacement?: string, comment?: string}} Edit
 * @typedef {{id: string, ok: boolean, reason: string}} EditResult
 * @param {Word.RequestContext} context
 * @param {Edit[]} edits
 * @returns {Promise<EditResult[]>}
 */
export async function applyEdits(context, edits) {
  await trackChanges(context);
  const paragraphs = loadParagraphs(context, ["style", "styleBuiltIn", "isListItem"]);
  await context.sync();
  const texts = paragraphs.items.map((p) => p.text);
  const results = new Map();
  const located = [];
  for (const edit of edits) {
    const found = locateAnchor(texts, edit.anchor ?? {});
    if (found.reason) results.set(edit, { id: edit.id, ok: false, reason: found.reason });
    else located.push({ edit, index: found.index });
  }
  located.sort((a, b) => b.index - a.index || (b.edit.start ?? 0) - (a.edit.start ?? 0));
  for (const { edit, index } of located) {
    // the paragraph whose style and list level each inserted paragraph takes: the anchor, or its `like`
    // (a lead-in whose list the anchor ends, the heading a new clause's heading copies)
    const shift = index - (edit.anchor?.index ?? index);
    const sources = (edit.paragraphs ?? []).map(({ like }) =>
      typeof like === "number" ? paragraphs.items[like + shift] : undefined,
    );
    results.set(edit, await applyOne(context, paragraphs.items[index], texts[index], edit, sources));
  }
  return edits.map((edit) => results.get(edit));
}

/**
 * Apply one located edit; a Word error becomes a failed result rather than an exception.
 * @param {Word.RequestContext} context
 * @param {Word.Paragraph} paragraph
 * @param {string} text
 * @param {Edit} edit
 * @param {(Word.Paragraph|undefined)[]} [sources]
 * @returns {Promise<EditResult>}
 */
async function applyOne(context, paragraph, text, edit, sources) {
  const apply = OPERATIONS[edit.op];
  if (!apply) return { id: edit.id, ok: false, reason: `Unknown change type "${edit.op}".` };
  try {
    const reason = await apply(context, paragraph, text, edit, sources);
    return { id: edit.id, ok: !reason, reason: reason ?? "" };
  } catch (error) {
    return { id: edit.id, ok: false, reason: `Word refused the change: ${error.message}` };
  }
}

/** @type {Record<string, (context: Word.RequestContext, paragraph: Word.Paragraph, text: string, edit: Edit, sources?: (Word.Paragraph|undefined)[]) => Promise<string|null>>} */
const OPERATIONS = {
  insert_after: insertAfter,
  replace: replacePhrase,
  comment: commentPhrase,
};

/**
 * Insert plan paragraphs after `anchor`, each styled like it or like its own source (its `like`: a
 * lead-in whose list the anchor ends, the heading a new clause's heading copies) and joined to that
 * paragraph's list, except a `continued` paragraph (no number of its own); comment the first.
 * @param {Word.RequestContext} context
 * @param {Word.Paragraph} anchor
 * @param {string} _text
 * @param {Edit} edit
 * @param {(Word.Paragraph|undefined)[]} [sources]
 * @returns {Promise<string|null>}
 */
async function insertAfter(context, anchor, _text, edit, sources = []) {
  const specs = edit.paragraphs ?? [];
  if (!specs.length) return "The change has no text to insert.";
  /** @type {Word.Paragraph[]} */
  const inserted = [];
  /** @type {Word.RangeCollection[]} */
  const titles = [];
  let previous = anchor;
  specs.forEach(({ text, title }, k) => {
    previous = previous.insertParagraph(text, "After");
    copyParagraphFormat(sources[k] ?? anchor, previous);
    previous.load("isListItem");
    inserted.push(previous);
    if (title && title.length <= SEARCH_LIMIT && text.startsWith(title)) {
      const hits = previous.search(title, { matchCase: true });
      hits.load("items");
      titles.push(hits);
    }
  });
  await context.sync();
  // A run-in title ("No AI training. Customer shall ...") is bold, as in the library's clauses.
  for (const hits of titles) if (hits.items.length) hits.items[0].font.bold = true;
  for (const like of new Set(specs.map((_, k) => sources[k] ?? anchor))) {
    const own = inserted.filter((_, k) => (sources[k] ?? anchor) === like && !specs[k].continued);
    if (like.isListItem) await joinList(context, like, own);
    else if (like !== anchor) for (const p of own) if (p.isListItem) p.detachFromList(); // not one more item of the list
  }
  // one clause, one number: a paragraph continuing the clause before it is no item of a list
  inserted.forEach((p, k) => {
    if (specs[k].continued && p.isListItem) p.detachFromList();
  });
  if (edit.comment) inserted[0].getRange().insertComment(edit.comment);
  await context.sync();
  return null;
}

/**
 * Give `target` the paragraph style of `source` (built-in name when it has one, as it survives UI languages).
 * @param {Word.Paragraph} source
 * @param {Word.Paragraph} target
 */
function copyParagraphFormat(source, target) {
  if (source.styleBuiltIn && source.styleBuiltIn !== "Other") target.styleBuiltIn = source.styleBuiltIn;
  else if (source.style) target.style = source.style;
}

/**
 * Attach the inserted paragraphs that Word did not put in the anchor's list to it, at the anchor's level.
 * @param {Word.RequestContext} context
 * @param {Word.Paragraph} anchor
 * @param {Word.Paragraph[]} paragraphs
 */
async function joinList(context, anchor, paragraphs) {
  const list = anchor.listOrNullObject;
  const item = anchor.listItemOrNullObject;
  list.load("id");
  item.load("level");
  await context.sync();
  if (list.isNullObject || item.isNullObject) return;
  for (const p of paragraphs) {
    if (!p.isListItem) p.attachToList(list.id, item.level);
  }
}

/**
 * Replace occurrence `occurrence` of `find` in the anchor paragraph with `replacement`.
 * @param {Word.RequestContext} context
 * @param {Word.Paragraph} paragraph
 * @param {string} text
 * @param {Edit} edit
 * @returns {Promise<string|null>}
 */
async function replacePhrase(context, paragraph, text, edit) {
  const range = await findPhrase(context, paragraph, text, edit);
  if (!range) return missingPhrase(edit);
  const replaced = range.insertText(edit.replacement ?? "", "Replace");
  if (edit.comment) replaced.insertComment(edit.comment);
  await context.sync();
  return null;
}

/**
 * Attach `comment` to occurrence `occurrence` of `find` in the anchor paragraph.
 * @param {Word.RequestContext} context
 * @param {Word.Paragraph} paragraph
 * @param {string} text
 * @param {Edit} edit
 * @returns {Promise<string|null>}
 */
async function commentPhrase(context, paragraph, text, edit) {
  const range = await findPhrase(context, paragraph, text, edit);
  if (!range) return missingPhrase(edit);
  range.insertComment(edit.comment ?? "");
  await context.sync();
  return null;
}

/**
 * @param {Word.RequestContext} context
 * @param {Word.Paragraph} paragraph
 * @param {string} text
 * @param {Edit} edit
 * @returns {Promise<Word.Range|null>}
 */
async function findPhrase(context, paragraph, text, edit) {
  const result = queuePhraseSearch(paragraph, text, edit.find ?? "", edit.occurrence ?? 0);
  await context.sync();
  return result();
}

function missingPhrase(edit) {
  return `The words "${edit.find}" are no longer in that paragraph.`;
}
