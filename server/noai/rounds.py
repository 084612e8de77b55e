"""The next round: answer the other side's reply to our redline, per playbook.

:func:`next_round` takes the audit of the returned document (with its ``negotiation`` section, see
:mod:`noai.analysis.negotiation`) and the plan :func:`noai.plan.make_plan` makes of it, and gives
the plan of our next round and what to say in the comment threads (:class:`noai.writer.Answer`):

- a protection of ours the other side struck, removed or weakened is answered by the playbook's
  variant: ``strict`` reinstates it as it was; ``standard`` falls back one rung (the clause's
  ``minimal`` variant); ``minimal`` accepts their change (nothing is proposed again); below strict, a clause
  they rejected is never put back as it was (the plan is made without it where the lower rung has no other
  version of it, so the approach never names it either); strict that puts a rejected term back, in their words or
  stronger ones, says so in its thread and approach and warns the user;
- a clause on AI use strict adds for the first time goes where round one puts it: with our clauses on AI use
  that stand, numbered on from the last of them (never into a list of theirs, nor before the definitions it
  needs), and the range our survival sentence cites takes it in;
- nothing accepted, and nothing still pending, is proposed again: a comment of ours is never
  written twice, whether they kept, resolved or deleted it;
- a fix of ours (a replacement) they rejected is put back when reinstating; otherwise it falls back
  one rung: its softer version where there is one (the lower variant's, or the variant's own change of the
  same words where it differs from the one they rejected), with a comment answering the rejection, else, for
  words permitting AI use, a comment on their restored words flagging the conflict with our AI restriction and
  asking for consent (words that permit no AI use, "for any purpose", are left to the covenant: a note says so);
- where they replied in one of our threads we reply in that thread saying which answer we give;
  the threads of our accepted proposals are resolved;
- numbers stay whole: a clause of ours put back goes back to its own place and number, after the clause of
  ours that came before it; a numbered clause they rejected and we do not put back leaves no gap (the
  clauses after it, and the references to them, take the numbers back); a term our accepted clauses use
  is defined by our definitions clause of this round where nothing defines it;
- a definition of ours that nothing uses any more (they rejected or deleted the only words using it) is taken out,
  as a tracked deletion commented as a change of this round, and the list closes behind it;
- a need the other side states in a thread ("We need to use machine translation for a first draft") is answered
  on the need: an AI tool that trains nothing, allowed for that task where it keeps no copy; training on the work,
  for that purpose alone with the creator's consent (strict: no standing permission, and how to ask).

Their revisions are never touched: the writer only adds. Pure: no XML, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .analysis.audit import REMOVED, STRUCK, WEAKENED, AuditResult
from .analysis.facts import (
    cited_range_ends,
    cites_itself,
    citing_itself_as,
    clause_number,
    consent_point,
    defined_names,
    glossary_terms,
    listed_citations,
    typed_clause_number,
    uses_term,
)
from .analysis.negotiation import ACCEPTED, MODIFIED, PENDING, REJECTED, Need, Outcome, stated_need, word_diff
from .kinds import ClauseKind, FindingKind
from .library import VARIANTS, Library, Playbook
from .library.render import left_unchanged
from .ooxml.model import Paragraph
from .ooxml.record import Proposal
from .ooxml.renumber import Renumbered, TextChange, closing_gap, closing_struck, renumber
from .ooxml.replies import ReplyTo
from .ooxml.revisions import next_numbers
from .ooxml.threads import Comment
from .plan import Edit, Plan, make_plan, numbered
from .planning.comments import _shifted
from .planning.edit import DEFINITIONS
from .planning.placement import _renumbered, clause_paragraphs
from .writer import Answer

REINSTATE, FALL_BACK, ACCEPT = "reinstate", "fall_back", "accept"
ANSWERS = {"strict": REINSTATE, "standard": FALL_BACK, "minimal": ACCEPT}
LOWER = {"strict": "standard", "standard": "minimal"}
_LOST = (STRUCK, REMOVED, WEAKENED)
APPROACH = "Our approach:"
# the plan's note (and the CLI's warning, the API's X-Noai-Escalates header) when a round asks for more than the last
ESCALATES = "This round asks for more than the last one"


def escalations(plan: Plan) -> list[str]:
    """The plan's notes saying this round asks for more than the last (a rejected term proposed again, or an ask
    the last round did not make): what the user is warned of before the document goes out."""
    return [n for n in plan.notes if n.startswith(ESCALATES)]


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
    rejected_as_made = {  # (clause, words, our words for them) of each fix of ours they rejected
        (o.proposal.clause, *_change(o.proposal))
        for o in talks.outcomes
        if o.proposal.op == "replace" and o.state == REJECTED
    }
    rejected_fixes = {(clause, find) for clause, find, _ in rejected_as_made}
    roots = _our_roots(our_comments, talks.ours)
    alive = {o.proposal.id for o in talks.outcomes if _root(o, roots) is not None}
    threads = {(o.proposal.clause, o.proposal.op) for o in talks.outcomes if o.proposal.id in alive}
    refused_before = {  # (clause, op) -> the first proposal of it they rejected whose thread went with it
        (o.proposal.clause, o.proposal.op): o
        for o in reversed(talks.outcomes)
        if o.state == REJECTED and (o.proposal.clause, o.proposal.op) not in threads
    }
    standing = _left_standing(talks.outcomes, roots, result.paragraphs)
    fallback = None
    if how == FALL_BACK and plan.variant in LOWER:
        fallback = make_plan(result, library, playbook, variant=LOWER[plan.variant], comments=comments)
    dropped = _not_put_back(last, plan, fallback, how)
    if dropped:  # below strict, what they rejected is never proposed again as it was, nor said to be
        plan = make_plan(result, library, playbook, variant=plan.variant, comments=comments, without=dropped)
    approach, plan_edits = _without_approach(plan.edits)
    refused: dict[str, Edit] = {}  # clause -> the first of its fixes they rejected, which we do not insist on
    edits: list[Edit] = []
    notes = list(plan.notes) + [
        f"Accepted the other side's change to {_plain_name(last[c], library)}: not proposed again." for c in dropped
    ]
    weakened = {p.name for p in result.protections if p.status == WEAKENED}
    restored = _restorations(result, talks.outcomes) if how != ACCEPT else []
    for edit in plan_edits:
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
        elif edit.op == "comment" and left_unchanged(edit.comment or "") and edit.index in standing:
            continue  # our comment leaving this wording unchanged stands already: never a second one saying so
        elif edit.op == "replace" and (edit.clause, edit.find or "") in rejected_fixes and how != REINSTATE:
            refused.setdefault(edit.clause, edit)
            if (edit.clause, edit.find or "", edit.replacement or "") in rejected_as_made:
                continue  # what they rejected, as they rejected it: never made again below strict
            # else this variant's own change of those words asks less than the one they rejected: made, and answered
        if edit.comment and (edit.clause, edit.op) in commented:
            put_back = refused_before.get((edit.clause, edit.op)) if how == REINSTATE else None
            # our reasons were given in the last round's thread; a rejected clause put back whose thread went with it
            # says so in words
            edit = replace(edit, comment=_put_back(edit, put_back, library) if put_back else None)
        if edit.op == "insert_after" and ours_before and last[edit.clause].state == REJECTED:
            edit = _own_place(edit, last[edit.clause], talks.outcomes, result)
        edits.append(edit)
    edits = _defined_as_used(edits, result, talks.outcomes)
    placed = _with_ours(edits, talks.outcomes, result, library)
    if approach is not None and placed != edits:  # what the insertions renumber, said again of where they now go
        shifted = _shifted(result, [e for e in plan_edits if e.op == "insert_after"])
        now = _shifted(result, [e for e in placed if e.op == "insert_after"])
        approach = approach.replace(shifted, now) if shifted else approach
    edits = placed
    edits += restored
    if how == REINSTATE:
        edits += _ranges_extended(result, edits, plan.variant)
    for first in refused.values():
        fall, note = _fall_back_fix(first, edits, fallback, rejected_as_made, plan.terms, _offers_fee(result, edits))
        edits += fall
        notes.append(note)
    proposed: dict[str, tuple[str, str]] = {}
    for e in edits:
        if e.op in ("insert_after", "replace") and e.clause not in proposed:
            proposed[e.clause] = (e.variant, _what_it_allows(e) if e.op == "replace" else "")
    flagged = {e.clause for e in edits if e.op == "comment" and e.clause in refused}
    names = {o.proposal.id: _plain_name(o, library) for o in talks.outcomes}
    again = _again(talks.outcomes, edits) if how == REINSTATE else set()
    edits = _in_the_thread(edits, talks.outcomes, refused, alive)
    unused, moves = _unused_definitions(result, talks.outcomes, edits, library, plan.terms)
    if unused:
        notes.append(f"Withdrew our definition{'s' if len(unused) > 1 else ''} that nothing uses any more.")
    renumbering = _numbered_after_moves(result, edits, [c for _, c in moves]) if moves else None
    edits += unused + [_changed(result, c, e.clause, e.variant) for e, c in moves]  # the list closing behind it
    more = _escalation(talks.outcomes, edits, again, library)
    notes += [f"{ESCALATES}: {note}" for _, note in more]
    said_more = " ".join(_capital(said) for said, _ in more)
    gone = {n for e in unused for n in glossary_terms(e.find or "")}
    approach = _approach_without(approach, gone) if approach is not None and gone else approach
    withdrawn = _firsts(talks.outcomes, {o.proposal.id for o in talks.outcomes if o.state == REJECTED} - again)
    edits, superseded = _approach(
        approach,
        plan.variant,
        edits,
        roots,
        talks.outcomes,
        said_more,
        result.paragraphs,
        [_plain_name(o, library) for o in withdrawn if o.proposal.op in ("insert_after", "replace")],
        any(e.clause == o.proposal.clause for o in withdrawn for e in edits),
    )
    closed = _gaps_closed(result, [o for o in last.values() if o.state == REJECTED], talks.outcomes, edits)
    closed = [c for c in closed if not _overlaps(c, edits)]  # a range this round extends past the gap: extended
    fee = _offers_fee(result, edits)
    said = _Said(
        proposed,
        names,
        flagged,
        plan.terms,
        frozenset(c for c in refused if any(e.clause == c and e.op in ("replace", "comment") for e in edits)),
        frozenset(again),
        superseded,
        _rest(edits),
        fee,
        frozenset(e.clause for e in unused),
    )
    return (
        Plan(plan.variant, plan.terms, numbered([*edits, *closed]), plan.offered, tuple(notes), renumbered=renumbering),
        _thread_answer(talks.outcomes, said, how, our_comments, talks.ours, edits, result.paragraphs)
        if comments
        else Answer(),
    )


def _not_put_back(last: Mapping[str, Outcome], plan: Plan, lower: Plan | None, how: str) -> frozenset[str]:
    """The clauses of ours the other side rejected (``last``: the latest proposal of each clause) that this round
    plans again and, below strict, does not put back: every one when accepting their changes; when falling back,
    those the lower rung has no other version of (its own words, not those they rejected)."""
    if how == REINSTATE:
        return frozenset()
    planned = {e.clause for e in plan.edits if e.op == "insert_after"}
    out = set()
    for clause, o in last.items():
        if o.state != REJECTED or clause == DEFINITIONS or clause not in planned:
            continue
        softer = next((e for e in (lower.edits if lower else ()) if e.op == o.proposal.op and e.clause == clause), None)
        if how == ACCEPT or softer is None or _same_words(softer, o.proposal):
            out.add(clause)
    return frozenset(out)


def _same_words(edit: Edit, p: Proposal) -> bool:
    """Our clause ``edit`` says what proposal ``p`` said (its numbers aside: "(g) Nothing …" is "Nothing …")."""
    ours = [_norm(q.get("text", "")) for q in edit.paragraphs]
    return len(ours) == len(p.texts) and all(_norm(t).endswith(o) for t, o in zip(p.texts, ours, strict=True))


def _fall_back_fix(
    first: Edit,
    edits: list[Edit],
    lower: Plan | None,
    rejected: set[tuple[str, str, str]],
    terms: Mapping[str, str],
    fee: bool = False,
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
        if e.clause == first.clause
        and e.op == "replace"
        and (e.clause, e.find or "", e.replacement or "") not in rejected
    ]
    if softer:
        softer = [replace(e, comment=_narrower(e) if k == 0 else None) for k, e in enumerate(softer)]
        return softer, f'Proposed a narrower change in place of the rejected change to "{first.find}".'
    added = (first.replacement or "").removeprefix(first.find or "")
    if first.finding is None and first.find and added != first.replacement:  # our words added to a clause of
        # theirs with no red flag (the AI sentence joining their reservation): none of their words to flag
        return [], f'Accepted the rejection of the words we added ("{added.lstrip(". ")}"): not proposed again.'
    if first.finding not in _AI_WORDS:  # words that permit no AI use ("for any purpose"): no consent asked for
        # every use of the work; the covenant they accepted governs AI use whatever those words allow
        return [], f'Accepted the rejection of the change to "{first.find}": not proposed again.'
    who = terms.get("provider") or "the creator"
    consent = _with_consent(first, who, fee) if lower is not None else None
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


# the findings whose words permit AI use of the work: where the other side keeps them, a fall-back asks for consent
_AI_WORDS = frozenset({FindingKind.EXISTING_AI_RESTRICTION, FindingKind.DIGITAL_REPLICA})


def _not_yet_defined(edit: Edit, result: AuditResult) -> tuple[dict[str, Any], ...]:
    """The paragraphs of our clause, less those that only define terms the document defines already (a
    definitions entry or an "In this Section, …" glossary whose every term the document has, by name: a
    leading "the", quotes and case aside): a second definition of a term is never proposed."""
    have = defined_names(result)

    def redundant(text: str) -> bool:
        terms = glossary_terms(text)
        return bool(terms) and terms <= have

    return tuple(p for p in edit.paragraphs if not redundant(p.get("text", "")))


def _offers_fee(result: AuditResult, edits: Sequence[Edit]) -> bool:
    """Our restriction on AI use, in the document or proposed this round, lets the creator make consent subject to
    a fee ("which Contractor may make subject to a fee agreed at the time")."""
    texts = [*(p.text for p in result.paragraphs), *(q.get("text", "") for e in edits for q in e.paragraphs)]
    return any(_FEE in t for t in texts)


def _with_consent(first: Edit, who: str, fee: bool = False) -> Edit | None:
    """The standard rung below the deletion of words letting the client train AI on the work, once they rejected
    it: the use is kept but waits for the creator's consent, written after the tail's lead-in ("including, only
    with Contractor's prior written consent, to train …") or the permission's modal ("may, only with …, use the
    Designs to train …"); None for any other change (:func:`~noai.analysis.facts.consent_point`)."""
    at = consent_point(first.find or "")
    if not _struck(first) or at is None or first.start is None:
        return None
    word = (first.find or "")[at[0] : at[1]]
    start = first.start + at[0]
    consent = f"only with {who}'s prior written consent" + (
        f", which {who} may make subject to a fee agreed at the time" if fee else ""
    )  # as our restriction offers it
    qualified = f"{word}, {consent},"
    said = (
        f"You did not accept our deletion of these words. As they stand, they would be read as {who}'s consent "
        "to a use our AI restriction forbids. We propose instead that this use be made only with "
        f"{who}'s prior written consent: this change adds “{consent}”."
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


def _struck(edit: Edit) -> bool:
    """The change strikes its words: deleted, or put in the place of a bracketed note ("[Intentionally deleted]")."""
    new = (edit.replacement or "").strip()
    return not new or (new.startswith("[") and new.endswith("]"))


def _narrower(edit: Edit) -> str:
    """Our answer, on the softer change we propose, to their rejection of the first: what it does."""
    return f"You did not accept our change here. We propose this narrower change in its place: {_what_it_does(edit)}."


def _rest(edits: Sequence[Edit]) -> dict[str, str]:
    """For each change of ours in several parts, what its parts after the first that put words in do ("it puts
    “by editing the Recordings or in further recording sessions …” in place of “and additional words …”"): a reply
    naming the change by its first part says the rest, which is what the clause still allows."""
    parts: dict[str, list[Edit]] = {}
    for e in edits:
        if e.op == "replace":
            parts.setdefault(e.clause, []).append(e)
    return {
        clause: "; ".join(_what_it_does(e) for e in more)
        for clause, (_, *rest) in ((c, ps) for c, ps in parts.items() if len(ps) > 1)
        if (more := [e for e in rest if e.replacement])
    }


def _what_it_allows(edit: Edit) -> str:
    """What our change lets the other side do, in plain words, where it keeps their words and adds a condition
    (the softer change after a rejection): "your wording stays, and any material … is made … only with … approval
    and for a further fee agreed in advance"; else what it does (:func:`_what_it_does`)."""
    find, new = edit.find or "", edit.replacement or ""
    added = new[len(find) :].strip(" ,") if find and new.startswith(find) else ""
    if added.lower().startswith("provided that "):
        return f"your wording stays, and {added[len('provided that ') :]}"
    if added.lower().startswith(("only with ", "only on ", "subject to ")):
        return f"your wording stays, and the use it allows is made {added}"
    return _what_it_does(edit)


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


# the clauses on AI use: the covenant, what adapts it to a kind of work, its remedies, indemnity and transparency
_ON_AI = frozenset(
    {
        ClauseKind.NO_AI_RESTRICTION,
        ClauseKind.COVENANT_SUPPLEMENT,
        ClauseKind.AI_REMEDIES,
        ClauseKind.AI_INDEMNITY,
        ClauseKind.AI_TRANSPARENCY,
    }
)


def _with_ours(edits: list[Edit], outcomes: Sequence[Outcome], result: AuditResult, library: Library) -> list[Edit]:
    """A clause on AI use this round adds for the first time goes where round one puts it: with our clauses on AI
    use that stand (the covenant, the definitions it needs, what adapts it), after the last of them and numbered
    on from it, never before them (where its terms are not yet defined) nor into a list of theirs that the audit
    reads as an AI restriction (our condition on their machine-translation permission, "3. The Publishers shall:"
    … "(b)"). A clause of ours put back there goes first, at its own number; the new ones follow in the plan's
    order."""
    paragraphs = result.paragraphs
    standing = {  # paragraph -> (the numbered paragraph of the clause of ours standing there)
        i: next((j for j in at if j is not None and clause_number(paragraphs[j])), at[0])
        for o in outcomes
        if o.proposal.op == "insert_after" and o.state in (ACCEPTED, PENDING, MODIFIED)
        for at in [[j for j in o.matched if j is not None and 0 <= j < len(paragraphs)]]
        if at
        for i in at
    }
    covenant = [
        i
        for o in outcomes
        if o.proposal.op == "insert_after"
        and o.state in (ACCEPTED, PENDING, MODIFIED)
        and _known(library, o.proposal.clause)
        and library.get(o.proposal.clause).kind == ClauseKind.NO_AI_RESTRICTION
        for i in o.matched
        if i is not None and i in standing
    ]
    if not covenant:
        return edits
    end = max(covenant)
    while end + 1 in standing:  # what adapts it, inserted right after it
        end += 1
    before = {o.proposal.clause for o in outcomes}
    fresh = [
        k
        for k, e in enumerate(edits)
        if e.op == "insert_after"
        and e.clause not in before
        and _known(library, e.clause)
        and library.get(e.clause).kind in _ON_AI
        and e.paragraphs
        and e.title
    ]
    if all(edits[k].index == end for k in fresh):
        return edits  # with ours already (or none): where the plan puts it
    like = standing[end]
    out = list(edits)
    for k in fresh:
        e = edits[k]
        headed = "title" not in e.paragraphs[0] and len(e.paragraphs) > 1  # a heading of its own, then the body
        body = [item["text"] for item in e.paragraphs[1 if headed else 0 :]]
        items = clause_paragraphs(paragraphs, end, like, body, e.title or "", 0)
        out[k] = replace(e, index=end, anchor_text=paragraphs[end].text, paragraphs=items)
    moved = set(fresh)
    back = [e for k, e in enumerate(out) if k not in moved and e.op == "insert_after" and e.index == end]
    rest = [e for k, e in enumerate(out) if k not in moved and not (e.op == "insert_after" and e.index == end)]
    at = next((k for k, e in enumerate(rest) if e.op != "insert_after"), len(rest))
    return [*rest[:at], *back, *(out[k] for k in fresh), *rest[at:]]


def _ranges_extended(result: AuditResult, edits: Sequence[Edit], variant: str) -> list[Edit]:
    """A clause put back after the last of a block whose range is cited ("Clauses 4.5 to 4.10
    apply … and bind …", "Sections 5(d) to 5(g) apply …") takes the next number (4.11, 5(h)): the cited range is
    extended to it, as a tracked replacement of the range's end, so the clause is not left outside what binds; so is
    a range ending at a number of ours no clause now has (a clause of ours they rejected that this round puts back
    among the new ones)."""
    paragraphs = result.paragraphs
    after: dict[str, int] = {}  # the number a new clause follows -> how many new clauses follow it
    for e in edits:
        if e.op != "insert_after" or not 0 <= e.index < len(paragraphs):
            continue
        last = next((n for i in range(e.index, -1, -1) if (n := _number_of(paragraphs[i]))), None)
        if last is not None:
            after[last] = after.get(last, 0) + sum(1 for q in e.paragraphs if not q.get("continued"))
    had = {n for p in paragraphs if (n := _number_of(p))}
    texts = [p.text for p in paragraphs]
    out: list[Edit] = []
    for last, count in after.items():
        more = _numbers_after(last, count) if count else None
        if not more:
            continue
        ends, new_end = [last, *more], more[-1]
        cited = [found for end in ends[:-1] if end == last or end not in had for found in cited_range_ends(texts, end)]
        ours = next((e.clause for e in edits if e.op == "insert_after"), "")
        for i, start, stop in cited:
            out.append(Edit.replacing(i, paragraphs[i].text, start, stop, new_end, clause=ours, variant=variant))
    return out


def _overlaps(change: Edit, edits: Sequence[Edit]) -> bool:
    """``change`` replaces words that one of ``edits`` replaces too."""
    return any(
        e.op == "replace"
        and e.index == change.index
        and None not in (e.start, e.end, change.start, change.end)
        and (e.start or 0) < (change.end or 0)
        and (change.start or 0) < (e.end or 0)
        for e in edits
    )


def _number_of(p: Paragraph) -> str | None:
    """A clause's number as the document cites it: "4.10" (typed or Word's), a lettered sub-clause's "5(f)"."""
    label = p.section_label or ""
    parent, bracket, letter = label.partition("(")
    lettered = bracket and parent[:1].isdigit() and letter[:-1].isalpha() and letter.endswith(")")
    return clause_number(p) or (label if lettered else None)


def _numbers_after(number: str, count: int) -> list[str] | None:
    """The ``count`` numbers after ``number``: "4.10" -> "4.11" …, "5(f)" -> "5(g)" …"""
    parent, bracket, letter = number.partition("(")
    if bracket and parent:
        letters = next_numbers(f"({letter}", count)
        return [parent + n for n in letters] if letters else None
    head, _, _ = number.rpartition(".")
    return next_numbers(number, count) if head else None


def _standing_before(
    o: Outcome, outcomes: Sequence[Outcome], paragraphs: Sequence[Paragraph]
) -> tuple[int, int] | None:
    """Where the clause of ours inserted right before ``o``'s (in its round, at its anchor) stands now: its last
    paragraph and its numbered one (``None`` where no clause of ours before it stands, or it has no number)."""
    same = [
        q
        for q in outcomes
        if q.round == o.round and q.proposal.op == "insert_after" and q.proposal.anchor_index == o.proposal.anchor_index
    ]
    k = next((k for k, q in enumerate(same) if q is o), 0)
    for q in reversed(same[:k]):
        at = [i for i in q.matched if i is not None and 0 <= i < len(paragraphs)]
        if at:
            numbered = next((i for i in at if clause_number(paragraphs[i])), None)
            return None if numbered is None else (max(at), numbered)
    return None


def _anchor_standing(
    o: Outcome, outcomes: Sequence[Outcome], paragraphs: Sequence[Paragraph]
) -> tuple[int, int] | None:
    """Where the numbered paragraph ``o``'s clause was inserted after stands now, where ``o``'s was the first
    clause of ours there in its round (or none before it stands): (that paragraph, that paragraph), the one
    nearest its old place with its text; None where it is gone or has no number."""
    same = [
        q
        for q in outcomes
        if q.round == o.round and q.proposal.op == "insert_after" and q.proposal.anchor_index == o.proposal.anchor_index
    ]
    if any(i is not None for q in same[: next((k for k, q in enumerate(same) if q is o), 0)] for i in q.matched):
        return None  # a clause of ours before it stands (:func:`_standing_before` reads where)
    anchor = _norm(o.proposal.anchor_text)
    found = [i for i, p in enumerate(paragraphs) if anchor and _norm(p.text) == anchor]
    at = min(found, key=lambda i: abs(i - o.proposal.anchor_index), default=None)
    return None if at is None or clause_number(paragraphs[at]) is None else (at, at)


def _own_place(edit: Edit, o: Outcome, outcomes: Sequence[Outcome], result: AuditResult) -> Edit:
    """A clause of ours put back after its rejection goes back to its own place, after the clause of ours that
    came before it, so it takes its own number again ("4.8" between "4.7" and "4.9", not "4.11" after the
    last: no gap is left, and the ranges the block cites stay exact); a clause Word numbers takes its number
    from that clause's list; the first clause of its block goes back after the clause it followed. Our text
    citing its own number cites the number of its place ("This clause 4.5 applies"). Left where the plan puts it
    when neither stands, or the plan gives it no run-in title (a heading of its own)."""
    found = _standing_before(o, outcomes, result.paragraphs) or _anchor_standing(o, outcomes, result.paragraphs)
    titled = next((k for k, item in enumerate(edit.paragraphs) if item.get("title")), None)
    if found is None or titled is None:
        return edit
    index, like = found
    body = [item["text"] for item in edit.paragraphs]
    if any(cites_itself(text) for text in body):  # "This clause 4.11 applies": the number of its own place
        head, _, tail = (clause_number(result.paragraphs[like]) or "").rpartition(".")
        if not head or not tail.isdigit():
            return edit  # no number of its own place to cite: left where the plan puts it
        body = [citing_itself_as(text, f"{head}.{int(tail) + 1}") for text in body]
    items = clause_paragraphs(result.paragraphs, index, like, body, edit.paragraphs[titled]["title"], titled)
    return replace(edit, index=index, anchor_text=result.paragraphs[index].text, paragraphs=items)


def _defined_as_used(edits: list[Edit], result: AuditResult, outcomes: Sequence[Outcome]) -> list[Edit]:
    """Our definitions clause of this round also defines each term of ours the document (our clauses it has
    accepted) or this round uses and nothing defines: a lower rung's definitions may lack a term ("AI Vendor")
    that the accepted clauses of a higher one use. The entry is our last round's, put before the last entry (which
    ends the list)."""
    at = next((k for k, e in enumerate(edits) if e.op == "insert_after" and e.clause == DEFINITIONS), None)
    if at is None or not edits[at].paragraphs:
        return edits
    ours = edits[at]
    have = defined_names(result) | {t for q in ours.paragraphs for t in glossary_terms(q.get("text", ""))}
    entries: dict[str, str] = {}  # term -> our last entry defining it
    for o in outcomes:
        if o.proposal.clause == DEFINITIONS and o.proposal.op == "insert_after":
            for text in o.proposal.texts:
                for term in glossary_terms(text):
                    entries.setdefault(term, text)
    texts = [p.text for p in result.paragraphs] + [q.get("text", "") for e in edits for q in e.paragraphs]
    used = [text for term, text in entries.items() if term not in have and any(uses_term(t, term) for t in texts)]
    if not used:
        return edits
    last = ours.paragraphs[-1]
    like = {"like": last["like"]} if "like" in last else {}
    added = tuple({"text": _entry_ending(text, ";"), **like} for text in dict.fromkeys(used))
    edits[at] = replace(ours, paragraphs=(*ours.paragraphs[:-1], *added, last))
    return edits


def _unused_definitions(
    result: AuditResult,
    outcomes: Sequence[Outcome],
    edits: Sequence[Edit],
    library: Library,
    terms: Mapping[str, str],
) -> tuple[list[Edit], list[tuple[Edit, TextChange]]]:
    """Our definitions in the document (a clause of ours they accepted) whose terms nothing uses any more: they
    rejected the change that used them, and neither the document nor this round uses them. Each is withdrawn
    as a tracked deletion of its paragraph, with a comment saying why and that the deletion is a change of this
    round (a definition used only by a definition withdrawn goes too); the clauses after it in its list, and the
    references to them, take the numbers back. The deletions and the renumbering."""
    paragraphs = result.paragraphs
    texts = [p.text for p in paragraphs]
    ours_now = [q.get("text", "") for e in edits for q in e.paragraphs] + [
        e.replacement or "" for e in edits if e.op == "replace"
    ]
    candidates: dict[int, tuple[Outcome, set[str]]] = {}
    for o in outcomes:
        if o.proposal.op != "insert_after" or o.state not in (ACCEPTED, MODIFIED):
            continue
        for i in o.matched:
            if i is not None and 0 <= i < len(texts) and (defined := glossary_terms(texts[i])):
                candidates.setdefault(i, (o, defined))
    gone: set[int] = set()
    while True:  # a definition used only by one withdrawn goes with it
        more = {
            i
            for i, (_, defined) in candidates.items()
            if i not in gone
            and not any(
                uses_term(t, term)
                for term in defined
                for t in [*(t for j, t in enumerate(texts) if j != i and j not in gone), *ours_now]
            )
        }
        if not more:
            break
        gone |= more
    out: list[Edit] = []
    for i in sorted(gone):
        o, defined = candidates[i]
        text = texts[i]
        names = sorted(defined, key=text.casefold().find)
        shown = [text[(k := text.casefold().find(n)) : k + len(n)] for n in names]
        users = [
            _plain_name(q, library)
            for q in _firsts(outcomes, {q.proposal.id for q in outcomes if q.state == REJECTED})
            if any(uses_term(t, n) for n in names for t in q.proposal.texts[1:] or q.proposal.texts)
        ]
        why = (
            f"you did not accept {_listed(users)}, which used {'them' if len(names) > 1 else 'it'}, and nothing "
            f"else in {terms.get('agreement') or 'this Agreement'} does"
            if users
            else f"nothing in {terms.get('agreement') or 'this Agreement'} uses {'them' if len(names) > 1 else 'it'} "
            "any more"
        )
        said = (
            f"We have taken out our definition{'s' if len(names) > 1 else ''} of {_quoting(shown)}: {why}. "
            "This deletion is a change of this round: you accepted the definition in the last one."
        )
        comment = said if not out or out[-1].clause != o.proposal.clause else None
        out.append(
            Edit.replacing(
                i, text, 0, len(text), "", clause=o.proposal.clause, variant=o.proposal.variant, comment=comment
            )
        )
    labels = [p.label for p in paragraphs]
    moved = [(e, c) for e in out for c in closing_struck(texts, labels, e.index) if c.index not in gone]
    for e in out:  # a list citing it ("Clauses 2.1A, 2.4 and 2.5") no longer does
        own = texts[e.index].split("\t", 1)[0] if "\t" in texts[e.index] else clause_number(paragraphs[e.index])
        if own and own[:1].isdigit():
            cited = listed_citations(texts, own)
            moved += [(e, TextChange(i, a, b, texts[i][a:b], "", reference=True)) for i, a, b in cited]
    return out, moved


def _numbered_after_moves(result: AuditResult, edits: Sequence[Edit], moves: Sequence[TextChange]) -> Renumbered:
    """The numbers our inserted clauses take once this round's renumbering (``moves``: "(f)" -> "(e)" after a
    withdrawn "(d)") is made: a clause inserted after "(f)" is "(f)", not "(g)". For the writer, as the
    renumbering of the document as it is."""
    base = _renumbered(result, [e for e in edits if e.op == "insert_after"])
    texts = list(base.texts)
    for c in sorted(moves, key=lambda c: (c.index, -c.start)):
        if not c.reference:
            texts[c.index] = texts[c.index][: c.start] + c.new + texts[c.index][c.end :]
    return Renumbered(base.texts, base.inserted, base.shown, renumber(texts, base.inserted, base.shown))


def _entry_ending(text: str, end: str) -> str:
    """A definitions entry ending as an entry in the middle of the list does (";")."""
    return text.rstrip().rstrip(";.") + end


def _gaps_closed(
    result: AuditResult, rejected: Sequence[Outcome], outcomes: Sequence[Outcome], edits: Sequence[Edit]
) -> list[Edit]:
    """A numbered clause of ours they rejected, and we do not put back, leaves no gap in the numbers of the
    block it was in ("4.7", "4.9", "4.10"): the clauses after it take the numbers back ("4.9" -> "4.8"), as
    tracked replacements, and so do the document's typed references to them ("Clauses 4.5 to 4.10" -> "4.5 to
    4.9"; where Word numbers the clauses, only the references change). Every gap of a block at once, however
    many clauses each leaves out ("4.5", "4.7", "4.9" once "4.6" and "4.8" are gone -> "4.5", "4.6", "4.7")."""
    again = {e.clause for e in edits if e.op == "insert_after"}
    paragraphs = result.paragraphs
    texts, shown = [p.text for p in paragraphs], [p.label for p in paragraphs]
    gaps: dict[int, tuple[int, Outcome]] = {}  # the numbered paragraph before a gap -> (clauses gone, the first)
    for o in rejected:
        if o.proposal.op != "insert_after" or o.proposal.clause in again | {DEFINITIONS} or not o.proposal.texts:
            continue
        found = _standing_before(o, outcomes, paragraphs)
        if found is None:
            continue
        numbered = found[1]
        typed = typed_clause_number(o.proposal.texts[0])
        if typed is None and (paragraphs[numbered].label is None or clause_number(paragraphs[numbered]) is None):
            continue  # a clause with no number of its own
        count, first = gaps.get(numbered, (0, o))
        gaps[numbered] = (count + 1, first)
    out: list[Edit] = []
    done: set[int] = set()
    before = 0  # the clauses gone in the gaps before this one
    for numbered in sorted(gaps):
        count, o = gaps[numbered]
        out += _range_ended_before(result, numbered, count, before, o)
        before += count
        if numbered in done:
            continue  # its gap was closed with an earlier one of its block
        later = {k: n for k, (n, _) in gaps.items() if k > numbered}
        changes = closing_gap(texts, shown, numbered, count, later)
        reached = max((c.index for c in changes if not c.reference), default=-1)
        done |= {k for k in later if k <= reached}
        out += [_changed(result, c, o.proposal.clause, o.proposal.variant) for c in changes]
    return out


def _range_ended_before(result: AuditResult, numbered: int, count: int, before: int, o: Outcome) -> list[Edit]:
    """Where the ``count`` clauses gone after the numbered paragraph ``numbered`` ended their block (no clause of
    its list follows; ``before`` clauses went in gaps before it), a cited range that ended at the last of them ends
    at ``numbered``'s number once the gaps close instead ("Clauses 4.5 to 4.10 apply" -> "4.5 to 4.9" once 4.10
    is gone). A number Word shows has closed the gaps already; a typed one has not."""
    paragraphs = result.paragraphs
    head, _, tail = (clause_number(paragraphs[numbered]) or "").rpartition(".")
    if not head or not tail.isdigit():
        return []
    n = int(tail)
    after = {f"{head}.{n + 1}", f"{head}.{n + count + 1}"}
    if any(clause_number(p) in after for p in paragraphs[numbered + 1 :]):
        return []  # clauses follow the gap: closing_gap moves them and the references to them
    typed = typed_clause_number(paragraphs[numbered].text) is not None
    gone = f"{head}.{n + count if typed else n + before + count}"
    own = f"{head}.{n - before if typed else n}"
    out = []
    for i, start, stop in cited_range_ends([p.text for p in paragraphs], gone):
        change = TextChange(i, start, stop, gone, own, reference=True)
        out.append(_changed(result, change, o.proposal.clause, o.proposal.variant))
    return out


def _changed(result: AuditResult, c: TextChange, clause: str, variant: str) -> Edit:
    """A renumbering's change of a paragraph's text, as our tracked replacement."""
    return Edit.replacing(
        c.index, result.paragraphs[c.index].text, c.start, c.end, c.new, clause=clause, variant=variant
    )


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
                new = f"{words} {text[start:end]}"
                out.append(
                    Edit.replacing(i, text, start, end, new, clause=o.proposal.clause, variant=o.proposal.variant)
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
    answered: frozenset[str] = frozenset()  # the fixes they rejected that a change or comment of this round answers
    again: frozenset[str] = frozenset()  # the proposals they rejected that this round puts back as they were
    superseded: Mapping[str, str] = field(default_factory=dict)  # our comment id -> the reply superseding it
    rest: Mapping[str, str] = field(default_factory=dict)  # clause -> what the other parts of its change do
    fee: bool = False  # our restriction lets the creator make consent subject to a fee
    withdrawn: frozenset[str] = frozenset()  # the clauses of ours whose definitions this round takes out


def _plain_name(o: Outcome, library: Library) -> str:
    """A proposal named as the other side reads it: our clause by its title, our change by the
    words it changed (never a library id)."""
    p = o.proposal
    if p.op == "insert_after":
        title = library.get(p.clause).title if _known(library, p.clause) else ""
        return f"our “{title}” clause" if title else "our clause"
    words = (p.texts[0] if p.texts else "").strip(" ,;.")
    if _added(p):  # our words joined to theirs (the AI sentence added to their reservation): named by what we added
        added = _added(p).split()
        return f"our addition “{' '.join(added[:_NAMED_WORDS])}{' …' if len(added) > _NAMED_WORDS else ''}”"
    if not words:
        return "our change"
    return f"our deletion of “{words}”" if p.op == "replace" and p.texts[1:2] == ("",) else f"our change to “{words}”"


_NAMED_WORDS = 12  # the words of an addition of ours that name it


def _change(p: Proposal) -> tuple[str, str]:
    """The words a change of ours replaced, and ours for them ("" where it has none)."""
    return (p.texts[0] if p.texts else "", p.texts[1] if len(p.texts) > 1 else "")


def _added(p: Proposal) -> str:
    """The words a change of ours adds after theirs, kept whole ("Proprietor" -> "Proprietor. No licence …"), else
    ""."""
    find, new = _change(p)
    return new[len(find) :].strip(" ,;.") if p.op == "replace" and find and new.startswith(find) else ""


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
        more = said.rest.get(o.proposal.clause)
        tail = f", with the rest of that change: {more}" if more else ""  # what it still allows: our new words
        kept = f"We need to keep {what}, and have proposed it again{tail}."  # no claim of what a clause does
        need = next((n for c in o.replies if (n := stated_need(c.text)) is not None), None)
        return f"{kept} {_on_need(need, said, how)}" if need is not None and need.ai else kept
    if o.proposal.clause in said.flagged:
        who = said.terms.get("provider") or "the creator"
        return (
            f"We understand. As they stand, these words conflict with the restriction on AI use and would be read "
            f"as {who}'s consent to it: see our comment. We ask that this use be made only with {who}'s prior "
            "written consent."
        )
    need = next((n for c in o.replies if (n := stated_need(c.text)) is not None), None)
    if need is not None and need.ai:
        return _on_need(need, said, how)
    if o.proposal.clause in said.withdrawn:
        return "We have taken out our definition that nothing now uses: see our comment on it."
    noted = f"We note that {need.said}. " if need is not None else ""
    if how == ACCEPT and o.state != ACCEPTED:
        return f"{noted or 'Understood: '}{'W' if noted else 'w'}e accept your change to {what}."
    return f"{noted or 'Thank you. '}We keep {what} as it now stands in the document."


_FEE = "fee agreed"  # our restriction's "which the creator may make subject to a fee agreed at the time"


def _on_need(need: Need, said: _Said, how: str) -> str:
    """Our answer to an AI use the other side says it needs (in a thread of ours): what we can allow and on what
    terms, or why not. A use of an AI tool that trains nothing: allowed for that task, where the tool keeps no copy
    and trains no AI system on the work (an exception offered, never claimed: strict names the tool). Training an
    AI system on the work: standard and minimal allow it for that purpose alone, with the creator's consent (and a
    fee, where our restriction offers one); strict gives no standing permission and says how the creator may
    consent."""
    who = said.terms.get("provider") or "the creator"
    work = said.terms.get("works") or said.terms.get("deliverables") or "the work"
    fee = f", which {who} may make subject to a fee agreed at the time" if said.fee else ""
    heard = f"We understand that {need.said}."
    if not need.trains:  # an offer, never a claim that our text already says so (this round adds no exception)
        offer = (
            f"{_capital(who)} will consider an exception to the restriction on AI use that says so and names the tool"
            if how == REINSTATE
            else "We will accept an exception to the restriction on AI use that says so, if you propose one"
        )
        return (
            f"{heard} {_capital(who)} can agree to that use for that task alone, provided the tool used "
            f"keeps no copy of {work} after the task and trains no AI system on what it processes. {offer}."
        )
    if how == REINSTATE:
        return (
            f"{heard} We cannot agree to a standing permission for that: training an AI system on {work} is the use "
            f"our restriction forbids. {_capital(who)} will consider each such use when you ask: the restriction "
            f"allows it with {who}'s prior written consent{fee}, for the purpose stated alone."
        )
    return (
        f"{heard} {_capital(who)} can agree to that use for that purpose alone, with {who}'s prior written "
        f"consent{fee}: not to train any other system or to generate content, and with no copy of {work} kept "
        "beyond that training. Every other AI use stays within the restriction."
    )


def _thread_answer(
    outcomes: Sequence[Outcome],
    said: _Said,
    how: str,
    comments: Sequence[Comment],
    ours: Sequence[str],
    edits: Sequence[Edit] = (),
    paragraphs: Sequence[Paragraph] = (),
) -> Answer:
    """Our replies and the threads resolved: a reply where they replied; the threads of our accepted proposals
    resolved; a proposal they rejected that we put back as it was, a reply saying so; every comment of ours this
    round withdraws or changes (a rejected proposal not put back as it was, an approach changed, wording we left
    unchanged and now change) a reply "Superseded: …" and its thread resolved, so that no comment of ours left
    standing says what this round no longer does."""
    replies: list[ReplyTo] = []
    resolve: list[str] = []
    roots = _our_roots(comments, ours)
    talked = {c.id for o in outcomes if o.replies and (c := _root(o, roots)) is not None}
    for cid, text in said.superseded.items():  # our approach, changed (where they replied to it: below)
        done = next((c.done for c in roots.values() if c.id == cid), True)
        replies += [] if cid in talked else [ReplyTo(cid, text)]
        resolve += [] if done or cid in talked else [cid]
    for o in outcomes:
        mine = _root(o, roots)
        if mine is None or (mine.id in said.superseded and mine.id not in talked):
            continue
        if o.replies:  # one reply of ours in their thread: the answer, and what it supersedes
            also = f" {said.superseded[mine.id]}" if mine.id in said.superseded else ""
            replies.append(ReplyTo(mine.id, _reply_text(o, said, how) + also))
        elif o.state == ACCEPTED and not mine.done:
            resolve.append(mine.id)
        elif o.proposal.id in said.again:
            replies.append(ReplyTo(mine.id, _insist(o, said, edits)))
        elif o.state == REJECTED and not mine.done:
            replies.append(ReplyTo(mine.id, _withdrawn(o, said, how)))
            resolve.append(mine.id)
        elif o.proposal.op == "comment" and not mine.done and _changed_now(o, edits, paragraphs):
            replies.append(
                ReplyTo(mine.id, "Superseded: we now propose a change to this wording; see our new comment.")
            )
            resolve.append(mine.id)
    return Answer(tuple(replies), tuple(resolve))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _our_roots(comments: Sequence[Comment], ours: Sequence[str]) -> dict[str, Comment]:
    """Our comments that start a thread, by their text (whitespace normalised)."""
    return {_norm(c.text): c for c in comments if c.parent is None and c.author in ours}


def _root(o: Outcome, roots: Mapping[str, Comment]) -> Comment | None:
    """Our comment on proposal ``o``, where it still stands in the document."""
    return roots.get(_norm(o.proposal.comment)) if o.proposal.comment else None


def _paragraph_of(o: Outcome, paragraphs: Sequence[Paragraph]) -> int | None:
    """The paragraph a proposal of ours stands in now: where its text was matched, else the paragraph whose text
    is still its anchor's (a comment's)."""
    found = [i for i in (*o.matched, *o.indexes) if i is not None]
    if found:
        return found[0]
    anchor = _norm(o.proposal.anchor_text)
    return next((i for i, p in enumerate(paragraphs) if _norm(p.text) == anchor), None)


def _quoted(text: str) -> list[str]:
    """The phrases a comment of ours quotes (“…”)."""
    return [part.split("”", 1)[0] for part in text.split("“")[1:] if "”" in part]


def _changed_now(o: Outcome, edits: Sequence[Edit], paragraphs: Sequence[Paragraph]) -> bool:
    """Our comment ``o`` left wording unchanged, and this round changes that wording."""
    if not left_unchanged(o.proposal.comment or ""):
        return False
    at = _paragraph_of(o, paragraphs)
    phrases = _quoted(o.proposal.comment or "")
    return at is not None and any(
        e.op == "replace" and e.index == at and any(q in (e.find or "") or (e.find or "") in q for q in phrases)
        for e in edits
    )


def _left_standing(
    outcomes: Sequence[Outcome], roots: Mapping[str, Comment], paragraphs: Sequence[Paragraph]
) -> set[int]:
    """The paragraphs where a comment of ours leaving the wording unchanged still stands (not resolved)."""
    out: set[int] = set()
    for o in outcomes:
        mine = _root(o, roots)
        if o.proposal.op == "comment" and mine is not None and not mine.done and left_unchanged(mine.text):
            at = _paragraph_of(o, paragraphs)
            out |= set() if at is None else {at}
    return out


def _put_back(edit: Edit, o: Outcome, library: Library) -> str:
    """The comment on a clause or change of ours they rejected, put back as it was, whose thread went with the
    rejection: that we put it back, and why (the reason its first comment gave)."""
    why = (edit.comment or "").removeprefix("Why this clause: ").strip()
    what = _plain_name(o, library)
    if edit.op == "insert_after":
        return f"We have put back {what}{_NOT_ACCEPTED}{why}" if why else f"We have put back {what}."
    return f"We cannot agree to the wording as it stood, and have made {what} again. {edit.comment}"


def _again(outcomes: Sequence[Outcome], edits: Sequence[Edit]) -> set[str]:
    """The proposals they rejected that ``edits`` make again as they were."""

    def made(p: Proposal) -> bool:
        if p.op == "insert_after":
            return any(e.op == p.op and e.clause == p.clause for e in edits)
        return p.op == "replace" and any(  # the same words changed again (a higher rung's wording is no retreat)
            e.op == "replace"
            and e.clause == p.clause
            and e.find == p.texts[0]
            and bool(e.replacement) == bool(p.texts[1])
            for e in edits
        )

    return {o.proposal.id for o in outcomes if o.state == REJECTED and made(o.proposal)}


def _wider(p: Proposal, edits: Sequence[Edit]) -> str:
    """The words this round adds after theirs where it makes addition ``p`` of ours again in other words (a wider
    sentence than the one they rejected), else ""."""
    made = next(
        (e for e in edits if e.op == "replace" and e.clause == p.clause and e.find == p.texts[0] and e.replacement),
        None,
    )
    if made is None or not _added(p) or not (made.replacement or "").startswith(made.find or ""):
        return ""
    now = (made.replacement or "")[len(made.find or "") :].strip(" ,;.")
    return now if now != _added(p) else ""


def _insist(o: Outcome, said: _Said, edits: Sequence[Edit] = ()) -> str:
    """Our reply in the thread of a proposal they rejected and we put back as it was (or, for an addition of
    ours, in wider words: quoted, never passed off as the words they rejected)."""
    p = o.proposal
    if p.op == "replace" and p.texts[1:2] == ("",):
        return (
            f"We cannot agree to “{p.texts[0].strip(' ,;.')}”, and have struck the words again: our reasons are above."
        )
    what = said.names.get(p.id) or "our proposal"
    if p.op == "replace" and not _added(p):
        return f"We cannot agree to the wording as it stood, and have made {what} again: our reasons are above."
    if wider := _wider(p, edits):
        return f"We need {what}, and have put it back in wider words: “{wider}”. Our reasons are above."
    return f"We need {what}, and have put it back: our reasons are above."


def _withdrawn(o: Outcome, said: _Said, how: str) -> str:
    """Our reply on a comment of ours whose proposal they rejected and this round does not put back as it was."""
    if o.proposal.clause in said.answered:
        return (
            "Superseded: you did not accept this change; our new comment on these words says what we propose instead."
        )
    if how == ACCEPT:
        return "Superseded: you did not accept this change, and we accept that."
    return "Superseded: you did not accept this change, and we do not propose it again."


def _in_the_thread(
    edits: list[Edit], outcomes: Sequence[Outcome], refused: Mapping[str, Edit], alive: set[str]
) -> list[Edit]:
    """The softer version of a fix they rejected loses its own comment where they replied in that fix's thread:
    our reply there says what it does (one comment, never two saying the same beside each other)."""
    talked = {o.proposal.clause for o in outcomes if o.replies and o.proposal.id in alive and o.state == REJECTED}
    return [
        replace(e, comment=None) if e.op == "replace" and e.clause in refused and e.clause in talked else e
        for e in edits
    ]


def _words(text: str) -> str:
    """Words of the document as a comment quotes them: no edge punctuation or quotes of their own."""
    return text.strip(' ,;."“”')


def _quoting(words: Sequence[str]) -> str:
    """ "“a”", "“a” and “b”", "“a”, “b” and “c”"."""
    quoted = [f"“{w}”" for w in dict.fromkeys(words)]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _escalation(
    outcomes: Sequence[Outcome], edits: Sequence[Edit], again: set[str], library: Library
) -> list[tuple[str, str]]:
    """What this round asks beyond the last: the proposals they rejected that it makes again as they were (words
    they kept that it strikes again; clauses and changes it puts back), and those the last round did not make
    (clauses, changes of their words). Each as (what we say to the other side, the note to the user)."""
    firsts = _firsts(outcomes, again)
    struck = [
        _words(o.proposal.texts[0]) for o in firsts if o.proposal.op == "replace" and o.proposal.texts[1:2] == ("",)
    ]
    put_back = [
        _plain_name(o, library) + (f" in wider words (“{w}”)" if (w := _wider(o.proposal, edits)) else "")
        for o in firsts
        if _words(o.proposal.texts[0]) not in struck
    ]
    fresh = [
        e
        for e in edits
        if (e.clause, e.op) not in {(o.proposal.clause, o.proposal.op) for o in outcomes}
        and e.clause != DEFINITIONS
        and (e.op == "insert_after" or (e.op == "replace" and e.finding is not None))
    ]
    clauses = [
        f"our “{library.get(e.clause).title}” clause" if _known(library, e.clause) else "a new clause"
        for e in fresh
        if e.op == "insert_after"
    ]
    changes = [_words(e.find or "") for e in fresh if e.op == "replace"]
    new = list(dict.fromkeys(clauses)) + ([f"changes to {_quoting(changes)}"] if changes else [])
    out = []
    if struck:
        words = _quoting(struck)
        out.append(
            (
                f"we cannot agree to {words}, and have struck {'them' if len(struck) > 1 else 'the words'} again.",
                f"it strikes again {words}, which the other side kept.",
            )
        )
    if put_back:
        listed = _listed(list(dict.fromkeys(put_back)))
        out.append(
            (
                f"we have put back {listed}, which you did not accept.",
                f"it puts back {listed}, which the other side did not accept.",
            )
        )
    if new:
        listed = _listed(new)
        out.append(
            (
                f"we also ask for what our last round did not: {listed}.",
                f"it asks for what the last round did not: {listed}.",
            )
        )
    return out


def _firsts(outcomes: Sequence[Outcome], ids: set[str]) -> list[Outcome]:
    """The first of the proposals ``ids`` of each clause (a fix made in several parts is named by its first)."""
    firsts: dict[str, Outcome] = {}
    for o in outcomes:
        if o.proposal.id in ids:
            firsts.setdefault(o.proposal.clause, o)
    return list(firsts.values())


def _listed(items: Sequence[str]) -> str:
    """``items`` as one list: "a", "a and b", "a; b; and c" (its items may have commas of their own)."""
    if len(items) < 3:
        return " and ".join(items)
    return "; ".join(items[:-1]) + "; and " + items[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_WHY = " Why this clause:"
_WHY_DEFINED = " Why this definition:"
_TIE = "tie the rights "  # the approach's item tying rights to the Permitted Purpose (planning.comments._purpose)
_NOT_ACCEPTED = ", which you did not accept: "


def _without_approach(edits: Sequence[Edit]) -> tuple[str | None, list[Edit]]:
    """The plan's approach comment ("Our approach: …", which the plan puts before the first inserted clause's own
    "Why this clause: …"), and the edits without it: :func:`_approach` decides where this round writes it."""
    out, approach = list(edits), None
    for k, e in enumerate(out):
        if e.comment and e.comment.startswith(APPROACH):
            # the clause's own reason ("Why this clause: …", a definition's "Why this definition: …") stays with it
            why = _WHY if _WHY in e.comment or _WHY_DEFINED not in e.comment else _WHY_DEFINED
            approach, why, rest = e.comment.partition(why)
            out[k] = replace(e, comment=(why + rest).strip() or None)
            break
    return approach, out


def _approach_without(approach: str, names: Collection[str]) -> str:
    """The approach without its item tying rights to a defined term this round withdraws ("we tie the rights
    granted in Section 5(b) to the Permitted Purpose", where the change doing so was rejected and the definition
    goes): it never describes a change this round drops."""
    text = approach.rstrip().removesuffix(".")
    folded = text.casefold()  # the names as the glossary gives them: case folded
    s = folded.find(_TIE)
    end = next((folded.find(n, s) + len(n) for n in names if s >= 0 and folded.find(f"to the {n}", s) >= 0), -1)
    if s < 0 or end < 0:
        return approach
    for before in (". We ", ", and we "):
        if text.startswith(before, s - len(before)) and text[end:].strip() == "":  # the only item
            return text[: s - len(before)] + "."
        if text.startswith(before, s - len(before)):  # the first of several
            rest = text[end:]
            for sep in ("; and ", "; ", ", ", " and "):
                if rest.startswith(sep):
                    rest = rest[len(sep) :]
                    break
            if rest.count("; ") == 1 and "; and " in rest:  # two items left: "a and b"
                rest = rest.replace("; and ", " and ")
            return text[:s] + rest + "."
    return approach


def _stance(approach: str) -> str:
    """What an approach comment says of the situation and the transfer ("this Agreement makes the Assets works
    made for hire …; we leave that transfer unchanged"), without the list of clauses added, which changes as
    rounds insert fewer."""
    said = _norm(approach.partition(_WHY)[0])
    for end in (". We ", ", and we "):
        said = said.split(end, 1)[0]
    return said.rstrip(".")


def _approach(
    approach: str | None,
    variant: str,
    edits: list[Edit],
    roots: Mapping[str, Comment],
    outcomes: Sequence[Outcome],
    more: str,
    paragraphs: Sequence[Paragraph],
    withdrawn: Sequence[str] = (),
    softened: bool = True,
) -> tuple[list[Edit], dict[str, str]]:
    """Exactly one current "Our approach" comment: where this round's approach differs from the last round's (or
    it asks for more, ``more``), the new one is written (before the first clause this round inserts, else on the
    paragraph of the last one) and the last one superseded (comment id -> our reply in its thread). Where this
    round has no approach of its own (it inserts nothing) but withdraws proposals they rejected (``withdrawn``, as
    the other side reads them), the last one is superseded in part, naming them ("as it was" only where ``softened``:
    something of theirs is proposed again in another form)."""
    olds = [c for c in roots.values() if c.text.startswith(APPROACH)]
    if approach is None and not withdrawn:
        return edits, {}
    if approach is None:
        them = "it again" if len(withdrawn) == 1 else "them again"
        if softened:  # something of theirs is proposed in another form this round
            them += " as it was" if len(withdrawn) == 1 else " as they were"
        said = f"Superseded in part: you did not accept {_listed(withdrawn)}. We do not propose {them}."
        return edits, {c.id: said for c in olds}
    text = f"{approach.strip()} {more}".strip()
    if not more and any(_stance(c.text) == _stance(text) for c in olds):
        return edits, {}  # the last round's stands: what it says of the transfer is still so
    first = next((k for k, e in enumerate(edits) if e.op == "insert_after"), None)
    if first is not None:
        why = edits[first].comment or ""
        if more and _NOT_ACCEPTED in why:  # the approach says what is put back: the clause says only why
            why = "Why this clause: " + why.split(_NOT_ACCEPTED, 1)[1]
        edits[first] = replace(edits[first], comment=f"{text} {why}".strip())
    else:
        old = next(((o, c) for o in outcomes for c in olds if _root(o, roots) == c), None)
        busy = {e.index for e in edits}
        at = (
            next((i for i in (*old[0].matched, *old[0].indexes) if i is not None and i not in busy), None)
            if old
            else None
        )
        if at is None and old is not None:  # its paragraph is changed this round: on another clause of ours
            at = next(
                (
                    i
                    for o in outcomes
                    if o.proposal.op == "insert_after" and o.state in (ACCEPTED, MODIFIED)
                    for i in o.matched
                    if i is not None and i not in busy and i < len(paragraphs) and paragraphs[i].text.strip()
                ),
                None,
            )
        if at is None or old is None or at >= len(paragraphs) or not paragraphs[at].text.strip():
            return edits, {}
        anchor = paragraphs[at].text
        edits.append(
            Edit(
                id="",
                op="comment",
                index=at,
                anchor_text=anchor,
                clause=old[0].proposal.clause,
                variant=variant,
                comment=text,
                find=anchor,
                occurrence=0,
                start=0,
                end=len(anchor),
            )
        )
    said = "Superseded: our new “Our approach” comment says what we now propose."
    return edits, {c.id: said for c in olds}
