// Re-finding plan anchors and phrases in Word's body.paragraphs (WordApi 1.1-1.3).
// An anchor is {index, text}: the index of the paragraph in body.paragraphs and its current
// text when the backend read the file. Indexes drift (the user typed, an insert happened), so
// the text decides; a paragraph is never chosen by guesswork. The rule is the backend's
// (server/noai/anchor.py): texts compared whitespace-normalised; both are tested on the same
// cases, tests/data/wire/anchor-cases.json.

/** Word's search text limit ("Can be a maximum of 255 characters"). */
export const SEARCH_LIMIT = 255;

// The white space of the rule, spelled out as in anchor.py (Python's and JavaScript's \s differ).
const SPACE_RUNS = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** Make each run of white space (tabs, line breaks, non-breaking spaces ...) one space, and trim. */
export function normalise(text) {
  return String(text ?? "").replace(SPACE_RUNS, " ").replace(/^ | $/g, "");
}

/**
 * Return {index} of the paragraph matching `anchor` among `texts` (Word's paragraph texts), or
 * {reason} when the text at anchor.index differs and no single other paragraph has that text.
 */
export function locateAnchor(texts, anchor) {
  const wanted = normalise(anchor.text);
  if (anchor.index >= 0 && anchor.index < texts.length && normalise(texts[anchor.index]) === wanted) {
    return { index: anchor.index };
  }
  const matches = [];
  texts.forEach((text, index) => {
    if (normalise(text) === wanted) matches.push(index);
  });
  if (matches.length === 1) return { index: matches[0] };
  if (matches.length > 1) {
    return { reason: `The paragraph "${excerpt(wanted)}" occurs ${matches.length} times and has moved; apply this change by hand.` };
  }
  return { reason: `The paragraph "${excerpt(wanted)}" is no longer in the document (it was edited or removed).` };
}

/** Return the first 60 characters of `text`, with an ellipsis when cut. */
export function excerpt(text, length = 60) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Return the start offsets of the non-overlapping occurrences of `phrase` in `text`, as Word's search finds them. */
export function occurrences(text, phrase) {
  const starts = [];
  if (!phrase) return starts;
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
    starts.push(at);
  }
  return starts;
}

/** Escape Word's search metacharacter "^" (it starts codes such as ^p) so the text matches literally. */
function searchable(text) {
  return text.replace(/\^/g, "^^");
}

/** Return the longest prefix (or suffix, when fromEnd) of `phrase` whose escaped search text fits the limit. */
function part(phrase, fromEnd) {
  let length = Math.min(phrase.length, SEARCH_LIMIT);
  const cut = (n) => (fromEnd ? phrase.slice(phrase.length - n) : phrase.slice(0, n));
  while (searchable(cut(length)).length > SEARCH_LIMIT) length -= 1;
  return cut(length);
}

/**
 * Queue a search of occurrence `occurrence` of `phrase` in `paragraph` and return a function
 * that, after context.sync(), gives the Word.Range or null. Phrases over 255 characters are
 * found by their first and last 255 characters and the range between them (Range.expandTo).
 * `paragraphText` is the paragraph's text as Word reports it.
 */
/**
 * @param {Word.Paragraph} paragraph
 * @param {string} paragraphText
 * @param {string} phrase
 * @param {number} occurrence
 * @returns {() => Word.Range | null}
 */
export function queuePhraseSearch(paragraph, paragraphText, phrase, occurrence) {
  const starts = occurrences(paragraphText, phrase);
  if (occurrence >= starts.length) return () => null;
  const options = { matchCase: true };
  if (searchable(phrase).length <= SEARCH_LIMIT) {
    const hits = paragraph.search(searchable(phrase), options);
    hits.load("items");
    return () => hits.items[occurrence] ?? null;
  }
  const head = part(phrase, false);
  const tail = part(phrase, true);
  const start = starts[occurrence];
  // Which occurrence of the head starts this phrase, and which occurrence of the tail ends it.
  const headIndex = occurrences(paragraphText, head).indexOf(start);
  const tailIndex = occurrences(paragraphText, tail).indexOf(start + phrase.length - tail.length);
  const heads = paragraph.search(searchable(head), options);
  const tails = paragraph.search(searchable(tail), options);
  heads.load("items");
  tails.load("items");
  return () => {
    const first = heads.items[headIndex];
    const last = tails.items[tailIndex];
    return first && last ? first.expandTo(last) : null;
  };
}

/**
 * Load body.paragraphs with `properties` ("text" is always loaded) and return the collection.
 * Call context.sync() before reading it.
 */
/**
 * @param {Word.RequestContext} context
 * @param {string[]} [properties]
 * @returns {Word.ParagraphCollection}
 */
export function loadParagraphs(context, properties = []) {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load(["text", ...properties].map((name) => `items/${name}`).join(","));
  return paragraphs;
}

/**
 * Select (and so scroll to) `phrase` inside the paragraph anchored by `anchor`, or the whole
 * paragraph when the phrase is not there. Return {ok, reason}.
 */
/**
 * @param {Word.RequestContext} context
 * @param {{index: number, text: string}} anchor
 * @param {string} [phrase]
 * @param {number} [occurrence]
 * @returns {Promise<{ok: boolean, reason: string}>}
 */
export async function selectAnchor(context, anchor, phrase = "", occurrence = 0) {
  const paragraphs = loadParagraphs(context);
  await context.sync();
  const found = locateAnchor(paragraphs.items.map((p) => p.text), anchor);
  if (found.reason) return { ok: false, reason: found.reason };
  const paragraph = paragraphs.items[found.index];
  const range = queuePhraseSearch(paragraph, paragraph.text, phrase, occurrence);
  await context.sync();
  (range() ?? paragraph).select();
  await context.sync();
  return { ok: true, reason: "" };
}
