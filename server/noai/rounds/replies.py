"""Our replies in the other side's threads: what this round does about each proposal (put back, a softer
version, accepted, withdrawn), the comments of ours it supersedes and resolves, the softer change's comment said in
the thread instead, and what this round asks beyond the last (the user's warning). Pure: no XML, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..analysis.negotiation import ACCEPTED, REJECTED, Change, Outcome, stated_need
from ..library import VARIANTS, Library
from ..library.render import left_unchanged, relies_on_restriction, without_restriction
from ..ooxml.model import Paragraph
from ..ooxml.record import Proposal, normalise
from ..ooxml.replies import ReplyTo
from ..ooxml.threads import Comment
from ..plan import Edit
from ..planning.edit import DEFINITIONS
from ..planning.strategy import COVENANT
from ..writer import Answer
from .answers import ACCEPT
from .approach import _NOT_ACCEPTED
from .needs import _on_need
from .said import _added, _firsts, _known, _listed, _norm, _our_roots, _plain_name, _quoting, _root, _Said, _words


def _reply_text(o: Outcome, said: _Said, how: str) -> str:
    """Our reply in the thread of proposal ``o``: what this round does about it, in plain words."""
    if o.proposal.id in said.retracted:
        return _RETRACTED
    what = said.names.get(o.proposal.id) or "our proposal"
    need = next((n for c in o.replies if (n := stated_need(c.text)) is not None), None)
    if o.proposal.clause in said.typed:  # words they typed into our clause: what this round does with them
        typed = said.typed[o.proposal.clause]
        return f"{typed} {_on_need(need, said, how)}" if need is not None and need.ai else typed
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
        return f"{kept} {_on_need(need, said, how)}" if need is not None and need.ai else kept
    if o.proposal.clause in said.flagged:
        who = said.terms.get("provider") or "the creator"
        return (
            f"We understand. As they stand, these words conflict with the restriction on AI use and would be read "
            f"as {who}'s consent to it: see our comment. We ask that this use be made only with {who}'s prior "
            "written consent."
        )
    if need is not None and need.ai:
        return _on_need(need, said, how)
    if o.proposal.clause in said.withdrawn:
        return "We have taken out our definition that nothing now uses: see our comment on it."
    noted = f"We note that {need.said}. " if need is not None else ""
    if how == ACCEPT and o.state != ACCEPTED:
        return f"{noted or 'Understood: '}{'W' if noted else 'w'}e accept your change to {what}."
    return f"{noted or 'Thank you. '}We keep {what} as it now stands in the document."


def _restriction_gone(outcomes: Sequence[Outcome], edits: Sequence[Edit]) -> bool:
    """Our covenant rejected and not proposed again this round: nothing we say may rest on it."""
    return any(
        o.proposal.op == "insert_after" and o.proposal.clause == COVENANT and o.state == REJECTED for o in outcomes
    ) and not any(e.clause == COVENANT and e.op == "insert_after" for e in edits)


def _standing_alone(edits: Sequence[Edit], outcomes: Sequence[Outcome]) -> list[Edit]:
    """In a round where our restriction goes (:func:`_restriction_gone`), the comments of this round's changes give
    reasons of their own, never the restriction ("… against the restriction on Prohibited AI Use …")."""
    if not _restriction_gone(outcomes, edits):
        return list(edits)
    return [replace(e, comment=without_restriction(e.comment)) if e.comment else e for e in edits]


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
    restriction_gone = _restriction_gone(outcomes, edits)  # a comment resting on it no longer stands
    for cid, text in said.superseded.items():  # our approach, changed (where they replied to it: below)
        done = next((c.done for c in roots.values() if c.id == cid), True)
        replies += [] if cid in talked else [ReplyTo(cid, text)]
        resolve += [] if done or cid in talked else [cid]
    for o in outcomes:
        mine = _root(o, roots)
        if mine is None or (mine.id in said.superseded and mine.id not in talked):
            continue
        if o.replies:  # our answer in their thread, and apart from it what it supersedes
            replies.append(ReplyTo(mine.id, _reply_text(o, said, how)))
            replies += [ReplyTo(mine.id, said.superseded[mine.id])] if mine.id in said.superseded else []
            # a comment of ours this round no longer stands by (superseded, or its rejected change not made again as
            # it was) is resolved once answered, as where they did not reply
            stands_no_more = mine.id in said.superseded or (o.state == REJECTED and o.proposal.id not in said.again)
            stands_no_more = stands_no_more or o.proposal.id in said.retracted
            resolve += [mine.id] if stands_no_more and not mine.done else []
        elif o.proposal.id in said.retracted and not mine.done:  # our words in their sentence, withdrawn
            replies.append(ReplyTo(mine.id, _RETRACTED))
            resolve.append(mine.id)
        elif o.state == ACCEPTED and not mine.done:
            resolve.append(mine.id)
        elif o.proposal.id in said.again:
            replies.append(ReplyTo(mine.id, _insist(o, said)))
        elif o.state == REJECTED and not mine.done:
            replies.append(ReplyTo(mine.id, _withdrawn(o, said, how)))
            resolve.append(mine.id)
        elif o.proposal.op == "comment" and not mine.done and _changed_now(o, edits, paragraphs):
            replies.append(
                ReplyTo(mine.id, "Superseded: we now propose a change to this wording; see our new comment.")
            )
            resolve.append(mine.id)
        elif o.proposal.op == "comment" and not mine.done and restriction_gone and relies_on_restriction(mine.text):
            replies.append(ReplyTo(mine.id, _RESTRICTION_GONE))
            resolve.append(mine.id)
    return Answer(tuple(replies), tuple(resolve))


# our reply in the thread of a change of ours they accepted whose words this round withdraws: they rested on the
# restriction they did not accept
_RETRACTED = (
    "We have taken out these words of ours: they rested on our restriction on AI use, which you did not accept and "
    "we do not propose again. Your wording stands as you wrote it."
)

# our reply to a comment of ours that relied on the covenant they rejected (and we do not propose again)
_RESTRICTION_GONE = (
    "Superseded: this comment relied on our restriction on AI use, which you did not accept and we do not propose "
    "again; we make no other change to this wording."
)


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


def _narrower(edit: Edit, o: Outcome, library: Library) -> tuple[str, str]:
    """The comment on a clause of ours offered one rung down in place of the one they rejected (``o``), and the note
    telling the user: that it is narrower and offered in its place, and why (the rung's own reason)."""
    what = _plain_name(o, library)
    title = f"“{edit.title}”" if edit.title else "narrower"
    reason = edit.comment or ""  # the rung's own reason, without the approach its plan put before it
    why = reason[reason.find(_WHY) :].strip() if _WHY in reason else ""
    said = f"You did not accept {what}. In its place we propose a narrower clause ({title})."
    note = (
        f"Offered a narrower clause ({title}, the {edit.variant} variant's) in place of {what}, which the other side "
        "rejected."
    )
    return f"{said} {why}".strip(), note


_WHY = "Why this clause: "


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


def _insist(o: Outcome, said: _Said) -> str:
    """Our reply in the thread of a proposal they rejected and we put back as it was (in the words they
    rejected)."""
    p = o.proposal
    if p.op == "replace" and p.texts[1:2] == ("",):
        return (
            f"We cannot agree to “{p.texts[0].strip(' ,;.')}”, and have struck the words again: our reasons are above."
        )
    what = said.names.get(p.id) or "our proposal"
    if p.op == "replace" and not _added(p):
        return f"We cannot agree to the wording as it stood, and have made {what} again: our reasons are above."
    return f"We need {what}, and have put it back: our reasons are above."


def _withdrawn(o: Outcome, said: _Said, how: str) -> str:
    """Our reply on a comment of ours whose proposal they rejected and this round does not put back as it was."""
    if o.proposal.clause in said.answered:
        return (
            "Superseded: you did not accept this change; our new comment on these words says what we propose instead."
        )
    what = said.names.get(o.proposal.id) or "this change"  # which change: a reply read on its own names it
    if how == ACCEPT:
        return f"Superseded: you did not accept {what}, and we accept that."
    return f"Superseded: you did not accept {what}, and we do not propose it again."


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


def _fresh(e: Edit, outcomes: Sequence[Outcome]) -> bool:
    """Whether ``e`` asks what the last round did not: a clause of ours, or a change of their words on a finding,
    that no proposal of the last round made (our definitions, which the clauses need, aside)."""
    return (
        (e.clause, e.op) not in {(o.proposal.clause, o.proposal.op) for o in outcomes}
        and e.clause != DEFINITIONS
        and (e.op == "insert_after" or (e.op == "replace" and e.finding is not None))
    )


def _asked(edits: Sequence[Edit], library: Library) -> list[str]:
    """Clauses and changes ``edits`` ask for, as the other side reads them: "our “…” clause", "changes to “…”"."""
    clauses = [
        f"our “{library.get(e.clause).title}” clause" if _known(library, e.clause) else "a new clause"
        for e in edits
        if e.op == "insert_after"
    ]
    changes = [_words(e.find or "") for e in edits if e.op == "replace"]
    return list(dict.fromkeys(clauses)) + ([f"changes to {_quoting(changes)}"] if changes else [])


def _softer(variant: str, outcomes: Sequence[Outcome]) -> bool:
    """Whether a round in ``variant`` asks less than the last round did (minimal after standard or strict; standard
    after strict): read from the strongest variant of the last round's proposals."""
    last = max((o.round for o in outcomes), default=None)
    ranks = [VARIANTS.index(o.proposal.variant) for o in outcomes if o.round == last and o.proposal.variant in VARIANTS]
    return variant in VARIANTS and bool(ranks) and VARIANTS.index(variant) > min(ranks)


def _asks_more_softly(e: Edit, outcomes: Sequence[Outcome], variant: str, changed: set[int]) -> bool:
    """Whether ``e`` is an ask the last round did not make (:func:`_fresh`) on words the other side did not change
    (none of their changes is in its paragraph, ``changed``), in a round whose variant asks less than the last
    (:func:`_softer`): a softer round never asks more ("for any purpose, subject to …" in minimal after a standard
    round that left those words alone). A change answering words they changed is no new ask."""
    return _fresh(e, outcomes) and _softer(variant, outcomes) and (e.op == "insert_after" or e.index not in changed)


def _typed_by_them(e: Edit, changes: Sequence[Change]) -> bool:
    """Whether the words ``e`` changes are words the other side inserted in this reply (their new clause, words they
    typed into a paragraph): they did not stand in the last round, so answering them asks nothing more of words
    the last round left alone."""
    find = normalise(e.find or "")
    return (
        e.op == "replace"
        and bool(find)
        and any(c.action == "inserted" and c.index == e.index and find in normalise(c.text) for c in changes)
    )


def _escalation(
    outcomes: Sequence[Outcome],
    edits: Sequence[Edit],
    again: set[str],
    library: Library,
    deleted: Sequence[tuple[Outcome, str]] = (),
    changes: Sequence[Change] = (),
) -> list[tuple[str, str]]:
    """What this round asks beyond the last: the proposals they rejected that it makes again as they were (words
    they kept that it strikes again; clauses and changes it puts back), the paragraphs of a clause of ours they
    deleted that it puts back (``deleted``: the clause, and its name as the other side reads it), and those the last
    round did not make (clauses, changes of their words that stood in the last round: never words they inserted in
    this reply, ``changes``). Each as (what we say to the other side, the note to the user)."""
    firsts = _firsts(outcomes, again)
    struck = [
        _words(o.proposal.texts[0]) for o in firsts if o.proposal.op == "replace" and o.proposal.texts[1:2] == ("",)
    ]
    put_back = [_plain_name(o, library) for o in firsts if _words(o.proposal.texts[0]) not in struck]
    new = _asked([e for e in edits if _fresh(e, outcomes) and not _typed_by_them(e, changes)], library)
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
    for o, ours in deleted:
        gone = [t for t, i in zip(o.proposal.texts, o.matched, strict=False) if i is None]
        them = "paragraphs" if len(gone) > 1 else "paragraph"
        out.append(
            (
                f"we have put back the {them} you deleted from {ours}.",
                f"it puts back the {them} the other side deleted from {ours} ({_quoting(gone)}).",
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
