"""Exactly one current "Our approach" comment: the plan's approach taken off its first clause, written again
where this round's differs from the last round's (or asks for more), the last one superseded, and never an item for a
change this round drops. Pure: no XML, no I/O.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from ..analysis.negotiation import ACCEPTED, MODIFIED, Outcome
from ..ooxml.model import Paragraph
from ..ooxml.threads import Comment
from ..plan import Edit
from ..planning.comments import TIE_THE_RIGHTS
from .said import _capital, _listed, _norm, _root

APPROACH = "Our approach:"
_WHY = " Why this clause:"
_WHY_DEFINED = " Why this definition:"
_TIE = TIE_THE_RIGHTS.casefold() + " "  # the approach's item tying rights to the Permitted Purpose
_NOT_ACCEPTED = ", which you did not accept: "
_DELETED = ", which you deleted: "  # a paragraph of a clause of ours put back (rounds.put_back._gone_put_back)


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
    unmarked: Sequence[str] = (),
) -> tuple[list[Edit], dict[str, str]]:
    """Exactly one current "Our approach" comment: where this round's approach differs from the last round's (or
    it asks for more, ``more``), the new one is written (before the first clause this round inserts, else on the
    paragraph of the last one) and the last one superseded (comment id -> our reply in its thread). Where this
    round has no approach of its own (it inserts nothing) but withdraws proposals they rejected (``withdrawn``, as
    the other side reads them), the last one is superseded in part, naming them ("as it was" only where ``softened``:
    something of theirs is proposed again in another form). Those of them deleted without tracking (``unmarked``)
    are named as such, with a request to mark every change."""
    olds = [c for c in roots.values() if c.text.startswith(APPROACH)]
    if approach is None and not withdrawn:
        return edits, {}
    if approach is None:
        them = "it again" if len(withdrawn) == 1 else "them again"
        if softened:  # something of theirs is proposed in another form this round
            them += " as it was" if len(withdrawn) == 1 else " as they were"
        marked = [w for w in withdrawn if w not in unmarked]
        said = f"you did not accept {_listed(marked)}." if marked else ""
        said = f"{said} {_unmarked(unmarked)}" if marked and unmarked else said or _unmarked(unmarked)
        return edits, {c.id: f"Superseded in part: {said} We do not propose {them}." for c in olds}
    text = f"{approach.strip()} {more}".strip()
    if not more and any(_stance(c.text) == _stance(text) for c in olds):
        return edits, {}  # the last round's stands: what it says of the transfer is still so
    first = next((k for k, e in enumerate(edits) if e.op == "insert_after"), None)
    if first is not None:
        why = edits[first].comment or ""
        put_back = next((m for m in (_NOT_ACCEPTED, _DELETED) if m in why), None)
        if more and put_back:  # the approach says what is put back: the clause says only why
            why = "Why this clause: " + why.split(put_back, 1)[1]
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
    said += f" {_capital(_unmarked(unmarked))}" if unmarked else ""
    return edits, {c.id: said for c in olds}


def _unmarked(names: Sequence[str]) -> str:
    """What we say of clauses of ours deleted without tracking: "our “X” clause was deleted without being tracked;
    please mark every change." ("" where none was)."""
    if not names:
        return ""
    was = "were" if len(names) > 1 else "was"
    return f"{_listed(list(names))} {was} deleted without being tracked; please mark every change."
