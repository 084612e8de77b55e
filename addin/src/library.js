// The clause library tab: list and search clauses (GET /api/v1/clauses), preview one rendered
// with the scanned document's terms (GET /api/v1/clauses/{id}), insert it at the cursor as a
// tracked change (Document.getSelection, Range.insertParagraph; tracking needs WordApi 1.4).

import { readClauseList, readRenderedClause } from "./model.js";
import { trackChanges } from "./redline.js";

/** Return the library's clauses. */
export async function listClauses(client) {
  return readClauseList(await client.clauses());
}

/** Return the clauses whose title, id, kind or summary contain every word of `query`. */
export function filterClauses(clauses, query) {
  const words = String(query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return clauses.filter((c) => {
    const haystack = `${c.title} ${c.id} ${c.kind} ${c.summary}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Return clause `id` in `variant`, rendered with the document's `terms` (client, provider, deliverables...). */
export async function previewClause(client, id, variant, terms = {}) {
  const params = { variant };
  for (const [name, value] of Object.entries(terms)) {
    if (typeof value === "string") params[name] = value;
  }
  return readRenderedClause(await client.clause(id, params));
}

/**
 * Insert the rendered clause's title and paragraphs after the cursor's paragraph as tracked
 * changes, with its comment on the title; return the number of paragraphs inserted.
 */
/**
 * @param {Word.RequestContext} context
 * @param {{title: string, paragraphs: string[], comment: string}} rendered
 * @returns {Promise<number>}
 */
export async function insertClause(context, rendered) {
  await trackChanges(context);
  const texts = [rendered.title, ...rendered.paragraphs].filter(Boolean);
  /** @type {Word.Range | Word.Paragraph} */
  let previous = context.document.getSelection();
  const inserted = texts.map((t) => (previous = previous.insertParagraph(t, "After")));
  if (rendered.comment && inserted.length) inserted[0].getRange().insertComment(rendered.comment);
  await context.sync();
  return inserted.length;
}
