"""The next round: answer the other side's reply to our redline, per playbook.

:func:`next_round` takes the audit of the returned document (with its ``negotiation`` section, see
:mod:`noai.analysis.negotiation`) and the plan :func:`noai.plan.make_plan` makes of it, and gives
the plan of our next round and what to say in the comment threads (:class:`noai.writer.Answer`):

- a protection of ours the other side struck, removed or weakened is answered by the playbook's
  variant: ``strict`` reinstates it as it was; ``standard`` falls back one rung (the clause's
  ``minimal`` variant); ``minimal`` accepts their change (nothing is proposed again); below strict, a clause
  they rejected is never put back as it was (the plan is made without it where the lower rung has no other
  version of it, so the approach never names it either); strict that puts a rejected term back puts back the words
  they rejected (never wider ones), and says so in its thread and approach and warns the user;
- paragraphs of a clause of ours they deleted without a tracked change, the rest of it standing (the sentence
  using the "Permitted Purpose" our definition above it defines): strict puts them back there as they were, a
  fall-back puts the lower rung's version there (less the definitions the document has), each continuing the clause
  with no number of its own; never a second copy of the clause nor a second definition;
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
  clauses after it, and the references to them, take the numbers back: "4.9" -> "4.8", "(h)" -> "(g)"); our
  sentence citing our clauses cites them as the round leaves them, in one tracked change ("Sections 5(d) and 5(e)
  apply" once (g) is gone and (d) withdrawn; "Clauses 1A to 1D apply … and survive" where strict adds 1B to 1D
  after a clause that said "This clause applies … and survives"; "Section 5(d) applies" once (e) is gone); a term
  our accepted clauses use is defined by our definitions clause of this round where nothing defines it;
- words they typed into a clause of ours (its outcome ``modified``: ", except for internal tools", "train or
  fine-tune for a commercial product", '"Prohibited AI Use" (other than use in internal tools) means') are answered
  in the text and in words, each change once: strict strikes them; standard confines an exception typed into the
  clause to a use that keeps no copy and trains no AI (and strikes other words, and an exception in a defined term);
  minimal keeps them, says on them how it reads them, and warns the user; our reply in the clause's thread says the
  same. The clause they modified (its term read as they qualified it) is never inserted or defined again;
- a definition of ours that nothing uses any more (they rejected or deleted the only words using it) is taken out,
  as a tracked deletion commented as a change of this round, and the list closes behind it;
- a round in a softer variant than the last (minimal after standard) asks nothing the last round did not ask of
  words they left alone ("for any purpose, subject to …" that standard never asked): a note says so; their training
  words restored beside our terms ("solely for the Permitted Purpose, including to train …") are theirs, answered;
- a need or question our covenant already answers (an exception naming what the tool makes: "captions or alternative
  text"; minimal's restriction of training alone) is answered from it, and nothing is drafted;
- a need the other side states in a thread ("We need to use machine translation for a first draft") is answered
  on the need, and drafted: an AI tool that trains nothing is added to our covenant's exceptions (a tracked
  insertion, on the condition the others are made on: it keeps no copy and trains no AI system on the work);
  training on the work, for that purpose alone with the creator's consent, which standard and minimal add is not
  withheld unreasonably (strict: no standing permission, and how to ask); new material in the creator's voice or
  likeness is no tool use. The answer and what the round supersedes are separate replies; a thread of ours they
  answered whose change the round withdraws is resolved.

Their revisions are never touched: the writer only adds. Pure: no XML, no I/O.

The package, by concern (each module imports only those above it in this list):

- :mod:`.said`: the round's record of what it proposes (``_Said``) and the proposals named as the other side reads
  them;
- :mod:`.answers`: how a variant answers what they took out (put back, fall back one rung, accept), the softer
  change of a rejected fix, the words they took out of our clauses put back, the words they typed into them answered;
- :mod:`.needs`: a need the other side states, answered on the need;
- :mod:`.numbers`: numbers kept whole (a clause put back at its own number, gaps closed, cited ranges extended or
  ended, each clause of ours citing itself by the number it takes: "In this clause 2.1A"), a new clause on AI use
  placed with ours;
- :mod:`.definitions`: our definitions as this round's clauses use them (none twice, not even an entry of a
  glossary, none unused);
- :mod:`.approach`: the one current "Our approach" comment;
- :mod:`.put_back`: what they took out put back: strict's in the words they took out, a paragraph they deleted from a
  clause of ours put back (or one rung down) where it stood;
- :mod:`.replies`: our replies in the threads, the comments superseded, what this round asks beyond the last.

This module keeps the public API: :func:`next_round`, :func:`escalations`, :func:`answer_for` and the answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..analysis.audit import REMOVED, STRUCK, WEAKENED, AuditResult
from ..analysis.facts import glossary_terms
from ..analysis.negotiation import ACCEPTED, PENDING, REJECTED, Outcome
from ..library import Library, Playbook
from ..library.render import left_unchanged
from ..ooxml.renumber import TextChange
from ..ooxml.threads import Comment
from ..plan import Edit, Plan, make_plan, numbered
from ..planning.comments import _shifted
from ..writer import Answer
from .answers import (
    ACCEPT,
    ANSWERS,
    FALL_BACK,
    LOWER,
    REINSTATE,
    _answer_confined,
    _answer_restruck,
    _fall_back_fix,
    _not_put_back,
    _rest,
    _restorations,
    _restruck,
    _typed_in,
    _typed_into_struck,
    _what_it_allows,
    answer_for,
)
from .approach import APPROACH, _approach, _approach_without, _without_approach
from .definitions import (
    _anchored_off,
    _defined_as_used,
    _defined_before,
    _defining_only_what_rested,
    _gone_definitions,
    _not_yet_defined,
    _resting_on_gone,
    _unused_definitions,
    _whole,
)
from .needs import _needs_drafted, _offers_fee
from .numbers import (
    _changed,
    _cited_as_placed,
    _citing_own_numbers,
    _numbered_after_moves,
    _numbers_closed,
    _overlaps,
    _own_place,
    _ranges_extended,
    _with_ours,
)
from .put_back import _as_made, _gone_put_back, _made_in_place, _ours, _partly_gone
from .replies import (
    _again,
    _asked,
    _asks_more_softly,
    _escalation,
    _in_the_thread,
    _left_standing,
    _narrower,
    _put_back,
    _quoted,
    _standing_alone,
    _thread_answer,
)
from .said import _capital, _change, _firsts, _known, _listed, _our_roots, _plain_name, _quoting, _root, _Said, _words

__all__ = [  # the public API (the answers, the approach's opening words, the warning: from the package's modules)
    "ACCEPT",
    "ANSWERS",
    "APPROACH",
    "ESCALATES",
    "FALL_BACK",
    "LOWER",
    "REINSTATE",
    "answer_for",
    "escalations",
    "next_round",
]

_LOST = (STRUCK, REMOVED, WEAKENED)
# the plan's note (and the CLI's warning, the API's X-Noai-Escalates header) when a round asks for more than the last
ESCALATES = "This round asks for more than the last one"


def _wording(o: Outcome) -> str:
    """Their wording a change of ours qualified, as our comment on it quoted it ("for any purpose related to our
    business", where the change's words were "business"), else as the change found it."""
    find = _words(o.proposal.texts[0])
    quoted = [q for q in _quoted(o.proposal.comment or "") if find in q]
    return quoted[0] if quoted else find


def escalations(plan: Plan) -> list[str]:
    """The plan's notes saying this round asks for more than the last (a rejected term proposed again, or an ask
    the last round did not make): what the user is warned of before the document goes out."""
    return [n for n in plan.notes if n.startswith(ESCALATES)]


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
    rejected_clauses = {clause for clause, _ in rejected_fixes}
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
    typed_struck = _typed_into_struck(result, talks.outcomes)  # words they typed into words of theirs we struck
    for e in plan_edits:  # our strike of those words again, theirs with them, is the strike they rejected
        if _restruck(e, typed_struck) is not None:
            rejected_as_made.add((e.clause, e.find or "", e.replacement or ""))
    refused: dict[str, Edit] = {}  # clause -> the first of its fixes they rejected, which we do not insist on
    made_as = {  # (clause, words) -> the change of ours they rejected there, as made
        (o.proposal.clause, o.proposal.texts[0]): o.proposal
        for o in reversed(talks.outcomes)
        if o.proposal.op == "replace" and o.state == REJECTED and len(o.proposal.texts) == 2
    }
    deleted: list[tuple[Outcome, str]] = []  # our clauses whose paragraphs they deleted, put back; as they read them
    narrower: dict[str, tuple[str, str]] = {}  # a clause of ours offered one rung down: (its comment, the note)
    edits: list[Edit] = []
    notes = list(plan.notes) + [
        f"Accepted the other side's change to {_plain_name(last[c], library)}: not proposed again." for c in dropped
    ]
    weakened = {p.name for p in result.protections if p.status == WEAKENED}
    restored = _restorations(result, talks.outcomes) if how != ACCEPT else []
    typed, typed_notes, typed_said = _typed_in(result, talks.outcomes, how, plan.terms, library)
    notes += typed_notes
    answered = {e.clause for e in typed} | {e.clause for e in restored}  # our clauses standing, as they modified them
    changed = {c.index for c in talks.changes}  # paragraphs where a change of theirs stands
    softly = [e for e in plan_edits if _asks_more_softly(e, talks.outcomes, plan.variant, changed)]
    if softly:  # a softer round never asks more than the last of words they left alone
        plan_edits = [e for e in plan_edits if e not in softly]
        asked = _listed(_asked(softly, library))
        notes.append(
            f"Did not ask for {asked}: the last round, in a stronger variant, did not, and this one asks less."
        )
    in_place = _made_in_place(talks.outcomes, plan_edits, result) if how == REINSTATE else {}
    for k, edit in enumerate(plan_edits):
        if k in in_place and in_place[k].op == "drop":
            continue  # strict's other change of the words whose change they rejected: that change goes back instead
        edit = in_place.get(k, edit)
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
        if edit.op == "insert_after" and edit.clause in answered and not _partly_gone(last.get(edit.clause)):
            continue  # our clause stands as they modified it, and their change is answered (below): never a second
        if edit.op == "insert_after" and how != ACCEPT and _partly_gone(last.get(edit.clause)):
            o = last[edit.clause]  # where the paragraphs they deleted stood: put back, or one rung down
            rung = [
                e for e in (fallback.edits if fallback else ()) if e.op == "insert_after" and e.clause == edit.clause
            ]
            back = _gone_put_back(o, how, rung[0] if rung else None, result, library)
            if back is None:
                notes.append(f"Accepted the other side's deletion from {_plain_name(o, library)}: not proposed again.")
                continue
            edits.append(back if comments else replace(back, comment=None))
            deleted += [(o, _ours(o, result, library))] if how == REINSTATE else []
            continue
        if edit.op == "replace" and how == REINSTATE and (edit.clause, edit.find or "") in made_as:
            was = made_as[edit.clause, edit.find or ""]  # put back as they rejected it: never in wider words
            if bool(was.texts[1]) == bool(edit.replacement) and was.texts[1] != edit.replacement:
                comment = was.comment if edit.comment else None
                edit = replace(edit, replacement=was.texts[1], comment=comment, variant=was.variant)
        if edit.op == "insert_after" and protection in lost and ours_before:
            if how == ACCEPT:
                notes.append(f"Accepted the other side's change to {edit.title or edit.clause}: not proposed again.")
                continue
            if fallback is not None:
                lower = next((e for e in fallback.edits if e.op == "insert_after" and e.clause == edit.clause), None)
                if lower is not None:  # less what the document defines already, as the plan's own clause was
                    edit = replace(lower, paragraphs=_not_yet_defined(lower, result))
                    narrower[edit.clause] = _narrower(edit, last[edit.clause], library)
        elif edit.op == "comment" and (edit.clause, "comment") in commented:
            continue  # a comment of ours is never written twice
        elif edit.op == "comment" and left_unchanged(edit.comment or "") and edit.index in standing:
            continue  # our comment leaving this wording unchanged stands already: never a second one saying so
        elif edit.op == "replace" and edit.clause in rejected_clauses and how != REINSTATE:
            # a change of the words they rejected, or a new change to the clause (minimal's proviso where standard
            # struck): answered as the change that takes its place, never made in silence
            refused.setdefault(edit.clause, edit)
            if (edit.clause, edit.find or "", edit.replacement or "") in rejected_as_made:
                continue  # what they rejected, as they rejected it: never made again below strict
            # else this variant's own change of those words asks less than the one they rejected: made, and answered
        if edit.comment and (edit.clause, edit.op) in commented:
            put_back = refused_before.get((edit.clause, edit.op)) if how == REINSTATE else None
            # our reasons were given in the last round's thread; a rejected clause put back whose thread went with it
            # says so in words
            edit = replace(edit, comment=_put_back(edit, put_back, library) if put_back else None)
            if edit.clause in narrower and edit.op == "insert_after":  # offered in place of the one they rejected
                edit = replace(edit, comment=narrower[edit.clause][0] if comments else None)
                notes.append(narrower[edit.clause][1])
        if edit.op == "insert_after" and ours_before and last[edit.clause].state == REJECTED:
            if how == REINSTATE:  # as they rejected it: never in wider words
                edit = _as_made(edit, last[edit.clause].proposal, result)
            edit = _own_place(edit, last[edit.clause], talks.outcomes, result)
        edits.append(edit)
    resting = _resting_on_gone(result, talks.outcomes, edits, library)  # an exception to our restriction, now gone
    edits = _defined_as_used(edits, result, talks.outcomes, library, resting)
    edits = _anchored_off(_defining_only_what_rested(edits, result, resting), result, resting)
    placed = _with_ours(edits, talks.outcomes, result, library)
    if approach is not None and placed != edits:  # what the insertions renumber, said again of where they now go
        shifted = _shifted(result, [e for e in plan_edits if e.op == "insert_after"])
        now = _shifted(result, [e for e in placed if e.op == "insert_after"])
        approach = approach.replace(shifted, now) if shifted else approach
    edits = _defined_before(placed)  # our covenant put back before a paragraph defining its terms: defined once
    edits += restored + typed
    put, put_notes, undefined = _gone_definitions(result, talks.outcomes, edits, how, library)
    edits += put
    notes += put_notes
    running_on: dict[str, str] = {}  # a number our citation of our clauses runs on from -> to
    if how == REINSTATE:
        extended, running_on = _ranges_extended(result, edits, plan.variant)
        edits += extended
    for first in refused.values():
        fall, note = _fall_back_fix(first, edits, fallback, rejected_as_made, plan.terms, _offers_fee(result, edits))
        if (typed_in := _restruck(first, typed_struck)) is not None:  # their words answered first
            fall = [
                replace(f, comment=_answer_confined(f.comment, typed_in[1], plan.terms)) if f.comment else f
                for f in fall
            ]
        edits += fall
        notes.append(note)
    if how == REINSTATE:  # struck again, their words with it: said, and answered
        for k, e in enumerate(edits):
            if (typed_in := _restruck(e, typed_struck)) is not None:
                edits[k] = replace(e, comment=_answer_restruck(e, typed_in[1], plan.terms) if comments else None)
                notes.append(
                    f"Struck again the words whose deletion the other side rejected, with the words they added to "
                    f"them: “{typed_in[1]}”."
                )
    proposed: dict[str, tuple[str, str]] = {}
    for e in edits:
        if e.op in ("insert_after", "replace") and e.clause not in proposed:
            proposed[e.clause] = (e.variant, _what_it_allows(e) if e.op == "replace" else "")
    flagged = {e.clause for e in edits if e.op == "comment" and e.clause in refused}
    names = {o.proposal.id: _plain_name(o, library) for o in talks.outcomes}
    again = _again(talks.outcomes, edits) if how == REINSTATE else set()
    if how == REINSTATE:  # a strike made again with the words they typed into what it strikes
        again |= {r[0].proposal.id for e in edits if (r := _restruck(e, typed_struck)) is not None}
    edits = _in_the_thread(edits, talks.outcomes, refused, alive)
    unused, moves = _unused_definitions(result, talks.outcomes, edits, library, plan.terms, resting)
    words = [e for e in resting if not _whole(e)]  # our words in a sentence of theirs: it stands as they wrote it
    retracted = [
        o
        for o in talks.outcomes
        if o.proposal.op == "replace" and o.state == ACCEPTED and any(e.clause == o.proposal.clause for e in words)
    ]
    threaded = {o.proposal.clause for o in retracted if o.proposal.id in alive}  # our reply there says it
    unused = [replace(e, comment=None) if not _whole(e) and e.clause in threaded else e for e in unused]
    if words:
        theirs = _quoting([_wording(o) for o in retracted])
        notes.append(
            f"Withdrew our words qualifying {'their wordings' if len(words) > 1 else 'their wording'} by the AI "
            f"restriction the other side did not accept: {theirs} now {'stand' if len(words) > 1 else 'stands'} "
            "unqualified. Next step, to keep a limit on AI use there: redline this reply "
            "in the standard variant, which proposes our AI restriction again in other words and keeps our words."
        )
    if whole := [e for e in resting if _whole(e)]:
        many = len({e.clause for e in whole}) > 1
        notes.append(
            f"Withdrew our clause{'s' if many else ''} resting on the AI restriction the other side did not accept (an "
            f"exception to it, a duty to be bound by it, a widening of it): without that restriction "
            f"{'they have' if many else 'it has'} nothing to qualify."
        )
    if len(unused) > len(resting):
        many = len(unused) - len(resting) > 1
        notes.append(f"Withdrew our definition{'s' if many else ''} that nothing uses any more.")
    renumbering = _numbered_after_moves(result, edits, [c for _, c in moves]) if moves else None
    closing = [_changed(result, c, e.clause, e.variant) for e, c in moves]  # the list closing behind it
    edits += unused + closing
    edits = _citing_own_numbers(result, edits, renumbering)
    edits = _cited_as_placed(result, edits, talks.outcomes, renumbering)
    more = _escalation(talks.outcomes, edits, again, library, deleted, talks.changes)
    notes += [f"{ESCALATES}: {note}" for _, note in more]
    said_more = " ".join(_capital(said) for said, _ in more)
    gone = {n for e in unused for n in glossary_terms(e.find or "")} | undefined
    approach = _approach_without(approach, gone) if approach is not None and gone else approach
    withdrawn = _firsts(talks.outcomes, {o.proposal.id for o in talks.outcomes if o.state == REJECTED} - again)
    unmarked = [_plain_name(o, library) for o in withdrawn if o.untracked]
    notes += [
        f"The other side deleted {name} without tracking the deletion: it shows as no change in the document. "
        "Our comment asks them to mark every change."
        for name in unmarked
    ]
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
        unmarked,
    )
    if undefined and not superseded:  # the last approach ties rights to a term whose use this round withdraws
        for c in roots.values():
            now = _approach_without(c.text, undefined) if c.text.startswith(APPROACH) and not c.done else c.text
            if now != c.text:
                folded = c.text.casefold()
                called = [c.text[k : k + len(n)] for n in sorted(undefined) if (k := folded.find(n)) >= 0]
                superseded[c.id] = (
                    f"Superseded in part: we no longer tie rights to the {' or '.join(f'“{n}”' for n in called)}, "
                    "whose definition you did not accept (see our new comment on the words we took out). Our approach "
                    "now: " + now.removeprefix(APPROACH).partition(" Why this clause:")[0].strip()
                )
    edits, drafted, covered = _needs_drafted(
        result, talks.outcomes, edits, plan.variant, dict(plan.terms), how, _offers_fee(result, edits)
    )
    closed, cited = _numbers_closed(
        result, talks.outcomes, last, edits, [e.index for e in unused if _whole(e)], [c for _, c in moves], running_on
    )
    edits = [e for e in edits if not (any(e is c for c in closing) and _overlaps(e, closed))]  # closed with a gap
    if closed and any(e.op == "insert_after" for e in edits):  # our new clauses numbered as the gaps leave the list
        made = [c for _, c in moves if not any(_overlaps(e, closed) for e in closing if e.index == c.index)]
        made += [TextChange(e.index, e.start or 0, e.end or 0, e.find or "", e.replacement or "") for e in closed]
        renumbering = _numbered_after_moves(result, edits, made, {e.index for e in unused if _whole(e)})
    edits = _standing_alone(edits, talks.outcomes)
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
        frozenset(e.clause for e in unused if _whole(e)),
        drafted,
        typed_said,
        covered,
        frozenset(o.proposal.id for o in retracted),
    )
    return (
        Plan(
            plan.variant,
            plan.terms,
            numbered([*(e for e in edits if not _overlaps(e, cited)), *closed, *cited]),
            plan.offered,
            tuple(notes),
            renumbered=renumbering,
        ),
        _thread_answer(talks.outcomes, said, how, our_comments, talks.ours, edits, result.paragraphs)
        if comments
        else Answer(),
    )
