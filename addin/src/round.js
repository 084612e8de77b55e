// The Round view's Word actions on the other side's reply to our redline:
// - accept one of their tracked changes (Body.getTrackedChanges, TrackedChange.accept: WordApi 1.6);
// - counter: reply in their comment thread (Body.getComments, Comment.reply: WordApi 1.4), or start
//   a thread on the changed paragraph when there is none (Range.insertComment: WordApi 1.4);
// - reinstate: our clause put back as our tracked change (redline.js applyEdits, WordApi 1.4).
// Each returns {ok, reason}; a Word error becomes a reason, never an exception.

import { loadParagraphs, locateAnchor, normalise } from "./anchor.js";
import { applyEdits } from "./redline.js";

/** The requirement sets: tracked-change review (accept) and comments (counter, reinstate). */
export const REVIEW_SET = "1.6";
export const COMMENT_SET = "1.4";

/**
 * True when Word supports WordApi `version` (Office.context.requirements.isSetSupported).
 * @param {any} office the Office namespace
 * @param {string} version
 */
export function supports(office, version) {
  return Boolean(office?.context?.requirements?.isSetSupported?.("WordApi", version));
}

/** What the pane says when this Word cannot review tracked changes from an add-in. */
export const NO_REVIEW = "This version of Word cannot accept tracked changes from an add-in (it needs Word API 1.6): accept it in Word's Review tab.";
/** What the pane says when this Word cannot write tracked changes or comments from an add-in. */
export const NO_COMMENTS = "This version of Word cannot write tracked changes or comments from an add-in (it needs Word API 1.4): download the redlined document instead.";

/** Word's TrackedChange.type for a change's action (an untracked edit has none). */
const TRACKED_TYPE = { inserted: "Added", deleted: "Deleted" };

/**
 * @typedef {{action: string, author: string, text: string, tracked: boolean, anchor: {index: number, text: string}}} Change
 * @typedef {{ok: boolean, reason: string}} Outcome
 */

/**
 * Accept the other side's pending tracked change `change` (their insertion or deletion, by author and text).
 * @param {Word.RequestContext} context
 * @param {Change} change
 * @returns {Promise<Outcome>}
 */
export async function acceptChange(context, change) {
  const type = TRACKED_TYPE[change.action];
  if (!change.tracked || !type) return { ok: false, reason: "This change was made without tracking: it is already in the text." };
  try {
    const tracked = context.document.body.getTrackedChanges();
    tracked.load("items/type,items/text,items/author");
    await context.sync();
    const wanted = normalise(change.text);
    const theirs = tracked.items.filter((t) => t.type === type && (!change.author || t.author === change.author) && normalise(t.text) === wanted);
    if (!theirs.length) return { ok: false, reason: "Their change is no longer pending (it was accepted or rejected already)." };
    if (theirs.length > 1) return { ok: false, reason: `The same change occurs ${theirs.length} times: accept the one you mean in Word's Review tab.` };
    theirs[0].accept();
    await context.sync();
    return { ok: true, reason: "" };
  } catch (error) {
    return { ok: false, reason: `Word refused to accept it: ${error.message}` };
  }
}

/**
 * Counter: reply `text` in the comment thread that holds one of `thread` (their comment or reply
 * texts); without such a thread, start one on the paragraph of `anchor`.
 * @param {Word.RequestContext} context
 * @param {{thread: string[], anchor: {index: number, text: string}}} target
 * @param {string} text
 * @returns {Promise<Outcome>}
 */
export async function counter(context, target, text) {
  if (!text.trim()) return { ok: false, reason: "Write the answer first." };
  try {
    const comment = await findThread(context, target.thread);
    if (comment) {
      comment.reply(text);
      await context.sync();
      return { ok: true, reason: "" };
    }
    const paragraphs = loadParagraphs(context);
    await context.sync();
    const found = locateAnchor(paragraphs.items.map((p) => p.text), target.anchor);
    if (found.reason) return { ok: false, reason: found.reason };
    paragraphs.items[found.index].getRange().insertComment(text);
    await context.sync();
    return { ok: true, reason: "" };
  } catch (error) {
    return { ok: false, reason: `Word refused the comment: ${error.message}` };
  }
}

/**
 * The comment whose text, or one of whose replies' text, is one of `texts`; null when none is.
 * @param {Word.RequestContext} context
 * @param {string[]} texts
 * @returns {Promise<Word.Comment|null>}
 */
async function findThread(context, texts) {
  const wanted = new Set(texts.map(normalise).filter(Boolean));
  if (!wanted.size) return null;
  const comments = context.document.body.getComments();
  comments.load("items/content,items/replies/items/content");
  await context.sync();
  return comments.items.find((c) => wanted.has(normalise(c.content)) || c.replies.items.some((r) => wanted.has(normalise(r.content)))) ?? null;
}

/**
 * Reinstate: apply the next round's plan edits (our clause text back as our tracked changes).
 * @param {Word.RequestContext} context
 * @param {import("./redline.js").Edit[]} edits
 * @returns {Promise<Outcome>}
 */
export async function reinstate(context, edits) {
  if (!edits.length) return { ok: false, reason: "The playbook proposes nothing more here." };
  const results = await applyEdits(context, edits);
  const failed = results.filter((r) => !r.ok);
  return { ok: !failed.length, reason: failed.map((r) => r.reason).join(" ") };
}

/**
 * Run `action` when Word supports WordApi `version`, else say what to do instead (without calling Word).
 * @param {any} office the Office namespace
 * @param {string} version REVIEW_SET or COMMENT_SET
 * @param {() => Promise<Outcome>} action
 * @returns {Promise<Outcome>}
 */
export async function gated(office, version, action) {
  if (!supports(office, version)) return { ok: false, reason: version === REVIEW_SET ? NO_REVIEW : NO_COMMENTS };
  return action();
}
