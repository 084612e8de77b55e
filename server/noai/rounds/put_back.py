"""What the other side took out of ours, put back: strict in the words they took out, never wider ones; a fall-back
one rung down, in the place of what they deleted.

- a clause or change of ours they rejected, put back by strict, reads as they rejected it (:func:`_as_made`), also
  where strict's own rung would change other words of that clause there (:func:`_made_in_place`: "excluding any
  Prohibited AI Use" added again, not " or hereafter devised" struck and "we do not propose it again" said);
- paragraphs of a clause of ours they deleted without a tracked change, the rest of the clause standing (the
  sentence using the "Permitted Purpose" our definition above it defines): strict puts them back there as they
  were; a fall-back puts the lower rung's version of the clause there, less what the document has already (a
  definition of a term it defines); each continues the clause, with no number of its own, as ours did
  (:func:`_gone_put_back`). Never a second copy of the clause, nor a second definition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..analysis.audit import AuditResult
from ..analysis.facts import (
    as_referred,
    cited_as_itself,
    citing_itself_as,
    clause_name,
    defined_names,
    glossary_terms,
    read_facts,
    uses_term,
)
from ..analysis.negotiation import MODIFIED, REJECTED, Outcome, made_at
from ..kinds import FindingKind
from ..library import Library
from ..ooxml.record import Proposal
from ..ooxml.revisions import typed_number_span
from ..plan import Edit
from .answers import REINSTATE
from .approach import _DELETED, _WHY
from .definitions import _redundant
from .said import _norm, _plain_name, _words


def _partly_gone(o: Outcome | None) -> bool:
    """Our clause ``o`` stands in part: its first paragraph stands, and one or more of those continuing it are gone
    (the other side deleted them, without a tracked change, and accepted the rest)."""
    return (
        o is not None
        and o.proposal.op == "insert_after"
        and o.state == MODIFIED
        and bool(o.matched)
        and o.matched[0] is not None
        and None in o.matched
    )


def _gone_put_back(o: Outcome, how: str, lower: Edit | None, result: AuditResult, library: Library) -> Edit | None:
    """What this round puts where the paragraphs of our clause ``o`` they deleted stood (:func:`_partly_gone`), after
    the paragraph of the clause before them: strict, those paragraphs as they were; a fall-back, the lower rung's
    version of the clause (``lower``), less the definitions of terms the document defines and the paragraphs that
    stand, and never the words they deleted again. None where there is nothing to put back (their deletion is
    accepted)."""
    paragraphs = result.paragraphs
    first = o.matched.index(None)
    at = o.matched[first - 1]
    gone = [t for t, i in zip(o.proposal.texts, o.matched, strict=False) if i is None]
    if how == REINSTATE:
        texts = gone
    else:
        have = defined_names(result)
        standing = {_norm(paragraphs[i].text) for i in o.matched if i is not None and i < len(paragraphs)}
        texts = [
            t
            for q in (lower.paragraphs if lower is not None else ())
            if not _redundant(t := q.get("text", ""), have) and _norm(t) not in standing
        ]
        if [_norm(t) for t in texts] == [_norm(t) for t in gone]:
            texts = []  # what they deleted, as they deleted it: never made again below strict
    if not texts or at is None or at >= len(paragraphs):
        return None
    ours = _ours(o, result, library)
    if how == REINSTATE:
        it = "these paragraphs" if len(texts) > 1 else "this paragraph"
        why = (o.proposal.comment or "").partition(_WHY.strip())[2].strip()  # the reason round one gave
        said = f"We have put back {it} of {ours}{_DELETED}{why}" if why else f"We have put back {it} of {ours}."
    else:
        said = (
            f"You deleted {' '.join(f'“{_words(t)}”' for t in gone)} from {ours}. We propose this narrower "
            f"{'text' if len(texts) > 1 else 'sentence'} in its place."
        )
    return Edit(
        id="",
        op="insert_after",
        index=at,
        anchor_text=paragraphs[at].text,
        clause=o.proposal.clause,
        variant=o.proposal.variant if how == REINSTATE or lower is None else lower.variant,
        comment=said,
        paragraphs=tuple({"text": t, "continued": True} for t in texts),
    )


def _ours(o: Outcome, result: AuditResult, library: Library) -> str:
    """Our clause ``o`` as the other side reads it: by the number of a paragraph of it that stands, with the word the
    document calls its clauses by ("our clause 2.1A", "our Section 2.3"), else by its title."""
    paragraphs = result.paragraphs
    label = next(
        (
            paragraphs[i].section_label
            for i in o.matched
            if i is not None and i < len(paragraphs) and paragraphs[i].section_label
        ),
        None,
    )
    if not label:
        return _plain_name(o, library)
    facts = read_facts(result)
    return as_referred(f"our {clause_name(label)}", facts.clause_word, facts.names_sections)


def _as_made(edit: Edit, p: Proposal, result: AuditResult) -> Edit:
    """Our clause ``edit``, put back by strict after they rejected it as ``p``, in the words of ``p`` (paragraph by
    paragraph, each without the number or run-in title its place gives it; less the definitions of terms the
    document now defines), never in wider ones, with the reason ``p``'s comment gave; ``edit`` as it is where the
    paragraphs do not pair up."""
    have = defined_names(result)
    texts = [t for t in p.texts if not _redundant(t, have)]
    if len(texts) != len(edit.paragraphs):
        return edit
    out = []
    for t, item in zip(texts, edit.paragraphs, strict=True):
        span = typed_number_span(t)
        body = t[span[1] :].lstrip() if span else t
        title = (item.get("title") or "").strip()
        if title and body.startswith(title):
            body = body[len(title) :].lstrip(".: ")
        number = cited_as_itself(item.get("text", ""))  # where the plan puts it, its own number there
        out.append({**item, "text": citing_itself_as(body, number) if number else body})
    why = (p.comment or "").partition(_WHY.strip())[2].strip()
    comment = f"{_WHY.strip()} {why}" if why and edit.comment else edit.comment
    return replace(edit, paragraphs=tuple(out), variant=p.variant, comment=comment)


# the changes of the transfer (a licence in its place, ownership passing only on payment): strict's own strategy, which
# its approach states, never narrowed to a change of other words they rejected
_TRANSFER = frozenset({FindingKind.IP_ASSIGNMENT, FindingKind.WORK_MADE_FOR_HIRE})


def _made_in_place(outcomes: Sequence[Outcome], edits: Sequence[Edit], result: AuditResult) -> dict[int, Edit]:
    """Strict's changes to put back as made where its own rung changes other words of the same clause in the same
    paragraph (a change of theirs we made, "promotion" -> "promotion, excluding any Prohibited AI Use", rejected;
    strict's rung now strikes " or hereafter devised"): edit position in ``edits`` -> the rejected change there, as
    made, in its place; the other changes of the clause there go. Not where strict also makes the rejected words'
    change, changes the transfer, or uses a term this round defines; nor where the words do not stand, or stand
    more than once and the record does not say which (:func:`~noai.analysis.negotiation.made_at`)."""
    paragraphs = result.paragraphs
    defined = {
        t for e in edits if e.op == "insert_after" for q in e.paragraphs for t in glossary_terms(q.get("text", ""))
    }
    out: dict[int, Edit] = {}
    for o in outcomes:
        p = o.proposal
        if p.op != "replace" or o.state != REJECTED or len(p.texts) != 2 or not o.indexes:
            continue
        at = o.indexes[0]
        there = [k for k, e in enumerate(edits) if e.op == "replace" and e.clause == p.clause and e.index == at]
        text = paragraphs[at].text if 0 <= at < len(paragraphs) else ""
        if (
            not there
            or any(k in out for k in there)
            or any(edits[k].find == p.texts[0] for k in there)
            or any(edits[k].finding in _TRANSFER for k in there)
            or any(uses_term(edits[k].replacement or "", term) for k in there for term in defined)
            or not p.texts[0]
            or (start := made_at(p, text)) is None
        ):
            continue
        first = edits[there[0]]
        made = Edit.replacing(
            at, text, start, start + len(p.texts[0]), p.texts[1], clause=p.clause, variant=p.variant, comment=None
        )
        out[there[0]] = replace(made, comment=p.comment if first.comment else None, finding=first.finding)
        out.update({k: replace(edits[k], op="drop") for k in there[1:]})
    return out
