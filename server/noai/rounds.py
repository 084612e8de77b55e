"""The next round: answer the other side's reply to our redline, per playbook.

:func:`next_round` takes the audit of the returned document (with its ``negotiation`` section, see
:mod:`noai.analysis.negotiation`) and the plan :func:`noai.plan.make_plan` makes of it, and gives
the plan of our next round and what to say in the comment threads (:class:`noai.writer.Answer`):

- a protection of ours the other side struck, removed or weakened is answered by the playbook's
  variant: ``strict`` reinstates it as it was; ``standard`` falls back one rung (the clause's
  ``minimal`` variant); ``minimal`` accepts their change (nothing is proposed again);
- nothing accepted, and nothing still pending, is proposed again: a comment of ours is never
  written twice, whether they kept, resolved or deleted it;
- a fix of ours (a replacement) they rejected is put back when reinstating; otherwise it falls back
  one rung: its softer version where there is one (the lower variant's), with a comment answering
  the rejection, else a comment on their restored words flagging the conflict with our AI
  restriction and asking for consent (never a silent acceptance);
- where they replied in one of our threads we reply in that thread saying which answer we give;
  the threads of our accepted proposals are resolved.

Their revisions are never touched: the writer only adds. Pure: no XML, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .analysis.audit import REMOVED, STRUCK, WEAKENED, AuditResult
from .analysis.facts import cited_range_ends, clause_number, defined_names, glossary_terms, including_tail
from .analysis.negotiation import ACCEPTED, MODIFIED, PENDING, REJECTED, Outcome, word_diff
from .library import VARIANTS, Library, Playbook
from .ooxml.replies import ReplyTo
from .ooxml.threads import Comment
from .plan import Edit, Plan, make_plan, numbered
from .writer import Answer

REINSTATE, FALL_BACK, ACCEPT = "reinstate", "fall_back", "accept"
ANSWERS = {"strict": REINSTATE, "standard": FALL_BACK, "minimal": ACCEPT}
LOWER = {"strict": "standard", "standard": "minimal"}
_LOST = (STRUCK, REMOVED, WEAKENED)


def answer_for(variant: str) -> str:
    """How the playbook's ``variant`` answers a protection the other side took out."""
    return ANSWERS.get(variant, FALL_BACK)


def next_round(
    result: AuditResult,
    plan: Plan,
    library: Library,
    playbook: Playbook,
    *,
    comments: bool = True,
    our_comments: Sequence[Comment] = (),
) -> tuple[Plan, Answer]:
    """Our next round's plan and thread answers (see the module). ``our_comments`` are the
    document's comments (to find the threads to reply in); without a negotiation the plan is
    returned as it is."""
    talks = result.negotiation
    if talks is None:
        return plan, Answer()
    how = answer_for(plan.variant)
    lost = {p.name for p in result.protections if p.status in _LOST}
    last = {o.proposal.clause: o for o in talks.outcomes if o.proposal.op == "insert_after"}
    commented = {(o.proposal.clause, o.proposal.op) for o in talks.outcomes if o.proposal.comment}
    rejected_fixes = {
        (o.proposal.clause, o.proposal.texts[0] if o.proposal.texts else "")
        for o in talks.outcomes
        if o.proposal.op == "replace" and o.state == REJECTED
    }
    fallback = None
    if how == FALL_BACK and plan.variant in LOWER:
        fallback = make_plan(result, library, playbook, variant=LOWER[plan.variant], comments=comments)
    refused: dict[str, Edit] = {}  # clause -> the first of its fixes they rejected, which we do not insist on
    edits: list[Edit] = []
    notes = list(plan.notes)
    weakened = {p.name for p in result.protections if p.status == WEAKENED}
    restored = _restorations(result, talks.outcomes) if how != ACCEPT else []
    for edit in plan.edits:
        protection = (
            library.get(edit.clause).kind if edit.op == "insert_after" and _known(library, edit.clause) else None
        )
        ours_before = edit.clause in last
        if edit.op == "insert_after" and ours_before and last[edit.clause].state in (ACCEPTED, PENDING):
            continue  # the document has it already (accepted, or still before them), whatever rung it was
        if edit.op == "insert_after":
            kept = _not_yet_defined(edit, result)
            if not kept:
                continue  # every term is defined already (by a clause of ours they accepted): no second definition
            edit = replace(edit, paragraphs=kept)
        if edit.op == "insert_after" and protection in weakened and restored:
            continue  # the words they took out are put back (below): a second clause would duplicate it
        if edit.op == "insert_after" and protection in lost and ours_before:
            if how == ACCEPT:
                notes.append(f"Accepted the other side's change to {edit.title or edit.clause}: not proposed again.")
                continue
            if fallback is not None:
                lower = next((e for e in fallback.edits if e.op == "insert_after" and e.clause == edit.clause), None)
                if lower is not None:
                    edit = lower
        elif edit.op == "comment" and (edit.clause, "comment") in commented:
            continue  # a comment of ours is never written twice
        elif edit.op == "replace" and (edit.clause, edit.find or "") in rejected_fixes and how != REINSTATE:
            refused.setdefault(edit.clause, edit)
            continue
        if edit.comment and (edit.clause, edit.op) in commented:
            edit = replace(edit, comment=None)  # our reasons were given in the last round's thread
        edits.append(edit)
    edits += restored
    if how == REINSTATE:
        edits += _ranges_extended(result, edits, plan.variant)
    for first in refused.values():
        fall, note = _fall_back_fix(first, edits, fallback, rejected_fixes, plan.terms)
        edits += fall
        notes.append(note)
    proposed: dict[str, tuple[str, str]] = {}
    for e in edits:
        if e.op in ("insert_after", "replace") and e.clause not in proposed:
            proposed[e.clause] = (e.variant, _what_it_does(e) if e.op == "replace" else "")
    flagged = {e.clause for e in edits if e.op == "comment" and e.clause in refused}
    names = {o.proposal.id: _plain_name(o, library) for o in talks.outcomes}
    return (
        Plan(plan.variant, plan.terms, numbered(edits), plan.offered, tuple(notes)),
        _thread_answer(
            talks.outcomes,
            _Said(proposed, names, flagged, plan.terms, frozenset(refused)),
            how,
            our_comments,
            talks.ours,
        )
        if comments
        else Answer(),
    )


def _fall_back_fix(
    first: Edit,
    edits: list[Edit],
    lower: Plan | None,
    rejected: set[tuple[str, str]],
    terms: Mapping[str, str],
) -> tuple[list[Edit], str]:
    """A fix of ours (``replace``) the other side rejected, answered one rung down rather than
    accepted in silence: the fix's softer version (the lower variant's, or this variant's own where
    it differs from what they rejected), with a comment answering the rejection; where there is no
    softer version, a comment on their restored words saying they conflict with our AI
    restriction and asking for consent. ``edits`` are those already proposed (the softer version
    already there gets the answer as its comment); the added edits and the plan's note."""
    mine = [e for e in edits if e.clause == first.clause and e.op == "replace"]
    if mine:
        i = edits.index(mine[0])
        edits[i] = replace(mine[0], comment=_narrower(mine[0]))
        return [], f'Proposed a narrower change in place of the rejected change to "{first.find}".'
    softer = [
        e
        for e in (lower.edits if lower is not None else ())
        if e.clause == first.clause and e.op == "replace" and (e.clause, e.find or "") not in rejected
    ]
    if softer:
        softer = [replace(e, comment=_narrower(e) if k == 0 else None) for k, e in enumerate(softer)]
        return softer, f'Proposed a narrower change in place of the rejected change to "{first.find}".'
    added = (first.replacement or "").removeprefix(first.find or "")
    if first.finding is None and first.find and added != first.replacement:  # our words added to a clause of
        # theirs with no red flag (the AI sentence joining their reservation): none of their words to flag
        return [], f'Accepted the rejection of the words we added ("{added.lstrip(". ")}"): not proposed again.'
    who = terms.get("provider") or "the creator"
    consent = _with_consent(first, who) if lower is not None else None
    if consent is not None:
        return [
            consent
        ], f'Proposed that the use in "{first.find}" wait for consent, in place of its rejected deletion.'
    said = (
        f"We note that you want to keep these words. As they stand, they conflict with the restriction on AI use "
        f"in {terms.get('agreement') or 'this Agreement'}, and would be read as {who}'s consent to what that "
        f"restriction forbids: we cannot accept both. We ask that this use be made only with {who}'s prior "
        "written consent, given case by case."
    )
    flag = replace(first, op="comment", replacement=None, comment=said)
    return [
        flag
    ], f'Flagged, in a comment, the conflict of the rejected change to "{first.find}" with our AI restriction.'


def _not_yet_defined(edit: Edit, result: AuditResult) -> tuple[dict[str, Any], ...]:
    """The paragraphs of our clause, less those that only define terms the document defines already (a
    definitions entry or an "In this Section, …" glossary whose every term the document has, by name: a
    leading "the", quotes and case aside): a second definition of a term is never proposed."""
    have = defined_names(result)

    def redundant(text: str) -> bool:
        terms = glossary_terms(text)
        return bool(terms) and terms <= have

    return tuple(p for p in edit.paragraphs if not redundant(p.get("text", "")))


def _with_consent(first: Edit, who: str) -> Edit | None:
    """The standard rung below the deletion of a permission's "…, including to train …" tail they
    rejected: the use is kept but waits for the creator's consent ("including, only with
    Contractor's prior written consent, to train …"); None for any other change."""
    at = including_tail(first.find or "")
    if first.replacement or at is None or first.start is None:
        return None
    word = (first.find or "")[at[0] : at[1]]
    start = first.start + at[0]
    qualified = f"{word}, only with {who}'s prior written consent,"
    said = (
        f"You did not accept our deletion of these words. As they stand, they would be read as {who}'s consent "
        "to a use our AI restriction forbids. We propose instead that this use be made only with "
        f"{who}'s prior written consent: this change adds “only with {who}'s prior written consent”."
    )
    text = first.anchor_text
    return replace(
        first,
        comment=said,
        find=word,
        occurrence=text[:start].count(word),
        start=start,
        end=start + len(word),
        replacement=qualified,
    )


def _narrower(edit: Edit) -> str:
    """Our answer, on the softer change we propose, to their rejection of the first: what it does."""
    return f"You did not accept our change here. We propose this narrower change in its place: {_what_it_does(edit)}."


def _what_it_does(edit: Edit) -> str:
    """What our replacement does, in plain words ("it adds …", "it strikes only …")."""
    find, new = edit.find or "", edit.replacement or ""
    if new.startswith(find) and len(new) > len(find):
        does = f"it adds “{new[len(find) :].strip(' ,')}”"
    elif not new:
        does = f"it strikes only “{find.strip(' ,')}”"
    else:
        does = f"it puts “{new.strip(' ,')}” in place of “{find.strip(' ,')}”"
    return does


def _ranges_extended(result: AuditResult, edits: Sequence[Edit], variant: str) -> list[Edit]:
    """A clause put back after the last of a block whose range is cited ("Clauses 4.5 to 4.10
    apply … and bind …") takes the next number (4.11): the cited range is extended to it, as a
    tracked replacement of the range's end, so the clause is not left outside what binds."""
    paragraphs = result.paragraphs
    after: dict[str, int] = {}  # the number a new clause follows -> how many new clauses follow it
    for e in edits:
        if e.op != "insert_after" or not 0 <= e.index < len(paragraphs):
            continue
        last = next((n for i in range(e.index, -1, -1) if (n := clause_number(paragraphs[i]))), None)
        if last is not None:
            after[last] = after.get(last, 0) + sum(1 for q in e.paragraphs if not q.get("continued"))
    out: list[Edit] = []
    for end, count in after.items():
        head, _, tail = end.rpartition(".")
        if not head or not tail.isdigit() or not count:
            continue
        new_end = f"{head}.{int(tail) + count}"
        for i, start, stop in cited_range_ends([p.text for p in paragraphs], end):
            text = paragraphs[i].text
            out.append(
                Edit(
                    id="",
                    op="replace",
                    index=i,
                    anchor_text=text,
                    clause=next(e.clause for e in edits if e.op == "insert_after"),
                    variant=variant,
                    comment=None,
                    find=end,
                    occurrence=text[:start].count(end),
                    start=start,
                    end=stop,
                    replacement=new_end,
                    finding=None,
                )
            )
    return out


def _restorations(result: AuditResult, outcomes: Sequence[Outcome]) -> list[Edit]:
    """The words the other side took out of our accepted or pending clauses, put back as our
    tracked replacements: each run of our words missing from their text, with the words that
    follow it there (what the replacement finds), e.g. "an AI System" ->
    "to train, pre-train, fine-tune or otherwise improve an AI System"."""
    out: list[Edit] = []
    for o in outcomes:
        if o.proposal.op != "insert_after" or o.state not in (MODIFIED,):
            continue
        for ours, i in zip(o.proposal.texts, o.matched, strict=False):
            if i is None or i >= len(result.paragraphs):
                continue
            text = result.paragraphs[i].text
            ops = word_diff(ours, text)
            for k, (op, words) in enumerate(ops):
                following = ops[k + 1] if k + 1 < len(ops) else None
                if op != "delete" or following is None or following[0] != "equal":
                    continue  # a run replaced by their words, or at the end: left to them
                anchor = " ".join(following[1].split()[:4])
                at = _find_words(text, anchor)
                if at is None:
                    continue
                start, end = at
                out.append(
                    Edit(
                        id="",
                        op="replace",
                        index=i,
                        anchor_text=text,
                        clause=o.proposal.clause,
                        variant=o.proposal.variant,
                        comment=None,
                        find=text[start:end],
                        occurrence=text[:start].count(text[start:end]),
                        start=start,
                        end=end,
                        replacement=f"{words} {text[start:end]}",
                        finding=None,
                    )
                )
    return out


def _find_words(text: str, words: str) -> tuple[int, int] | None:
    """Where the words (single-spaced) are in ``text``, whatever whitespace separates them there."""
    m = re.search(r"\s+".join(re.escape(w) for w in words.split()), text)
    return None if m is None else (m.start(), m.end())


def _known(library: Library, clause: str) -> bool:
    return any(c.id == clause for c in library.clauses)


@dataclass(frozen=True)
class _Said:
    """What our thread replies may say: the clauses proposed again (clause -> (variant, what a
    replacement of ours does)), each proposal's plain name, the fixes flagged by a comment, the terms."""

    proposed: dict[str, tuple[str, str]]
    names: dict[str, str]
    flagged: set[str]
    terms: Mapping[str, str]
    answered: frozenset[str] = frozenset()  # the fixes they rejected that this round answers by falling back


def _plain_name(o: Outcome, library: Library) -> str:
    """A proposal named as the other side reads it: our clause by its title, our change by the
    words it changed (never a library id)."""
    p = o.proposal
    if p.op == "insert_after":
        title = library.get(p.clause).title if _known(library, p.clause) else ""
        return f"our “{title}” clause" if title else "our clause"
    words = (p.texts[0] if p.texts else "").strip(" ,;.")
    if not words:
        return "our change"
    return f"our deletion of “{words}”" if p.op == "replace" and p.texts[1:2] == ("",) else f"our change to “{words}”"


def _reply_text(o: Outcome, said: _Said, how: str) -> str:
    """Our reply in the thread of proposal ``o``: what this round does about it, in plain words."""
    what = said.names.get(o.proposal.id) or "our proposal"
    again, does = said.proposed.get(o.proposal.clause, (None, ""))
    lower = o.proposal.clause in said.answered or (
        again in VARIANTS
        and o.proposal.variant in VARIANTS
        and VARIANTS.index(again) > VARIANTS.index(o.proposal.variant)
    )
    if again is not None and lower:
        how_so = f": {does}" if does else ""
        return f"We understand. In place of {what}, we have proposed a version that asks less of you{how_so}."
    if again is not None:
        return f"We need to keep {what}, and have proposed it again."  # no claim of what it does: any clause of ours
    if o.proposal.clause in said.flagged:
        who = said.terms.get("provider") or "the creator"
        return (
            f"We understand. As they stand, these words conflict with the restriction on AI use and would be read "
            f"as {who}'s consent to it: see our comment. We ask that this use be made only with {who}'s prior "
            "written consent."
        )
    if how == ACCEPT and o.state != ACCEPTED:
        return f"Understood: we accept your change to {what}."
    return f"Thank you. We keep {what} as it now stands in the document."


def _thread_answer(
    outcomes: Sequence[Outcome],
    said: _Said,
    how: str,
    comments: Sequence[Comment],
    ours: Sequence[str],
) -> Answer:
    replies: list[ReplyTo] = []
    resolve: list[str] = []
    roots = [c for c in comments if c.parent is None]
    for o in outcomes:
        mine = next(
            (
                c
                for c in roots
                if c.author in ours
                and o.proposal.comment
                and " ".join(c.text.split()) == " ".join(o.proposal.comment.split())
            ),
            None,
        )
        if mine is None:
            continue
        if o.replies:
            replies.append(ReplyTo(mine.id, _reply_text(o, said, how)))
        elif o.state == ACCEPTED and not mine.done:
            resolve.append(mine.id)
        elif o.state == REJECTED and o.proposal.clause in said.answered and not mine.done:
            resolve.append(mine.id)  # our reasons for the change they rejected: answered this round, on the spot
    return Answer(tuple(replies), tuple(resolve))
