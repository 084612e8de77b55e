"""Our definitions in the next round: never a second definition of a term the document defines; a term
our accepted clauses use and nothing defines, defined by our definitions clause of this round; a definition of ours
that nothing uses any more withdrawn as a tracked deletion, the list closing behind it. Pure: no XML, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..analysis.audit import AuditResult
from ..analysis.facts import (
    clause_number,
    defined_names,
    glossary_terms,
    glossary_without,
    listed_citations,
    uses_term,
)
from ..analysis.negotiation import ACCEPTED, MODIFIED, REJECTED, Outcome
from ..library import Library
from ..ooxml.renumber import TextChange, closing_struck
from ..plan import Edit
from ..planning.edit import DEFINITIONS
from .said import _firsts, _listed, _plain_name, _quoting


def _not_yet_defined(edit: Edit, result: AuditResult) -> tuple[dict[str, Any], ...]:
    """The paragraphs of our clause, less those that only define terms the document defines already (a
    definitions entry or an "In this Section, …" glossary whose every term the document has, by name: a
    leading "the", quotes and case aside), and a glossary's entries for such terms: a second definition of a term
    is never proposed."""
    have = defined_names(result)
    return tuple(
        {**p, "text": glossary_without(p.get("text", ""), have)}
        for p in edit.paragraphs
        if not _redundant(p.get("text", ""), have)
    )


def _redundant(text: str, have: set[str]) -> bool:
    """``text`` only defines terms (a definitions entry, an "In this Section, …" glossary) that ``have`` names."""
    terms = glossary_terms(text)
    return bool(terms) and terms <= have


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


def _entry_ending(text: str, end: str) -> str:
    """A definitions entry ending as an entry in the middle of the list does (";")."""
    return text.rstrip().rstrip(";.") + end
