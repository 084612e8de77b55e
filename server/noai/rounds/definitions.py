"""Our definitions in the next round: never a second definition of a term the document defines; a term
our accepted clauses use and nothing defines, defined by our definitions clause of this round; a definition of ours
that nothing uses any more withdrawn as a tracked deletion, the list closing behind it. Pure: no XML, no I/O.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..analysis.audit import AuditResult
from ..analysis.facts import (
    as_referred,
    clause_name,
    clause_number,
    defined_names,
    entry_terms,
    glossary_terms,
    glossary_within,
    glossary_without,
    listed_citations,
    read_facts,
    restrictions_rested_on,
    uses_term,
)
from ..analysis.negotiation import ACCEPTED, MODIFIED, PENDING, REJECTED, Outcome
from ..library import Library
from ..ooxml.renumber import TextChange, closing_struck
from ..plan import Edit
from ..planning.edit import DEFINITIONS
from .answers import REINSTATE
from .needs import _change_at
from .said import _change, _firsts, _known, _listed, _plain_name, _quoting, _words


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


def _defined_as_used(
    edits: list[Edit],
    result: AuditResult,
    outcomes: Sequence[Outcome],
    library: Library,
    resting: Sequence[Edit] = (),
) -> list[Edit]:
    """Our definitions clause of this round also defines each term of ours the document (our clauses it has
    accepted) or this round uses and nothing defines: a lower rung's definitions may lack a term ("AI Vendor")
    that the accepted clauses of a higher one use. The entry is our last round's, put before the last entry (which
    ends the list). Without a definitions clause this round, such a term is defined where it is used
    (:func:`_defined_where_used`). ``resting``: what this round withdraws of ours (a paragraph, or our words in a
    sentence of theirs), using nothing any more."""
    at = next((k for k, e in enumerate(edits) if e.op == "insert_after" and e.clause == DEFINITIONS), None)
    if at is None or not edits[at].paragraphs:
        return _defined_where_used(edits, result, outcomes, library, resting)
    ours = edits[at]
    have = defined_names(result) | {t for q in ours.paragraphs for t in glossary_terms(q.get("text", ""))}
    entries: dict[str, str] = {}  # term -> our last entry defining it
    for o in outcomes:
        if o.proposal.clause == DEFINITIONS and o.proposal.op == "insert_after":
            for text in o.proposal.texts:
                for term in glossary_terms(text):
                    entries.setdefault(term, text)
    texts = [t for t in _after(result, resting) if t]
    texts += [q.get("text", "") for e in edits for q in e.paragraphs]
    used = [text for term, text in entries.items() if term not in have and any(uses_term(t, term) for t in texts)]
    if used:
        last = ours.paragraphs[-1]
        like = {"like": last["like"]} if "like" in last else {}
        added = tuple({"text": _entry_ending(text, ";"), **like} for text in dict.fromkeys(used))
        edits[at] = replace(ours, paragraphs=(*ours.paragraphs[:-1], *added, last))
    return _defined_where_used(edits, result, outcomes, library, resting)


def _defined_before(edits: list[Edit]) -> list[Edit]:
    """Less our definitions added into a paragraph (a sentence defining terms where they are first used) whose every
    term a clause of ours this round inserts before that paragraph defines already (our covenant put back at its
    own place, its definitions with it): a term is never defined twice."""

    def defined(text: str) -> set[str]:  # a glossary, or one after a run-in title or the sentence it joins
        return glossary_terms(text) or glossary_terms(glossary_within(text))

    out = []
    for e in edits:
        if e.op == "replace" and e.clause == DEFINITIONS:
            added = defined(e.replacement or "") - defined(e.find or "")
            before = {
                t
                for q in edits
                if q.op == "insert_after" and q.index < e.index
                for item in q.paragraphs
                for t in defined(item.get("text", ""))
            }
            if added and added <= before:
                continue
        out.append(e)
    return out


_RESTRICTION = "no_ai_restriction"  # the library kind of our clause that restricts AI use (the covenant)


def _resting_on_gone(
    result: AuditResult, outcomes: Sequence[Outcome], edits: Sequence[Edit], library: Library
) -> list[Edit]:
    """The paragraphs of our clauses they accepted that rest, by name, on a restriction of ours that is gone ("The
    restriction on Prohibited AI Use does not prevent …", "… bound by the restriction on Prohibited AI Use"): they
    rejected our clause restricting that term, no such clause of ours stands, and this round proposes none again.
    An exception to nothing, a duty to be bound by nothing: each is withdrawn as a tracked deletion, commented (once a
    clause) as a change of this round."""
    ours = {o.proposal.clause for o in outcomes if _known(library, o.proposal.clause)}
    restricting = {c for c in ours if library.get(c).kind == _RESTRICTION}
    if not restricting or any(e.op == "insert_after" and e.clause in restricting for e in edits):
        return []
    if any(o.proposal.clause in restricting and o.state in (ACCEPTED, MODIFIED, PENDING) for o in outcomes):
        return []
    rejected = [o for o in outcomes if o.proposal.clause in restricting and o.state == REJECTED]
    texts = [p.text for p in result.paragraphs]
    out: list[Edit] = []
    for o in outcomes:
        if o.proposal.op != "insert_after" or o.state not in (ACCEPTED, MODIFIED) or o.proposal.clause in restricting:
            continue
        for i in sorted({i for i in o.matched if i is not None and 0 <= i < len(texts)}):
            text = texts[i]
            rests = restrictions_rested_on(text)
            if glossary_terms(text) or not any(
                uses_term(t, term) for term in rests for r in rejected for t in r.proposal.texts
            ):
                continue
            gone = next(r for r in rejected if any(uses_term(t, term) for term in rests for t in r.proposal.texts))
            comment = (
                f"We have taken out {_plain_name(o, library)}: it rested on {_plain_name(gone, library)}, which you "
                "did not accept and we do not propose again, and without that restriction it has nothing to "
                "qualify. This deletion is a change of this round: you accepted the clause in the last one."
            )
            first = not out or out[-1].clause != o.proposal.clause
            out.append(
                Edit.replacing(
                    i,
                    text,
                    0,
                    len(text),
                    "",
                    clause=o.proposal.clause,
                    variant=o.proposal.variant,
                    comment=comment if first else None,
                )
            )
    for o in outcomes:  # our words accepted inside their sentence ("…, subject to the restrictions on …")
        if o.proposal.op == "replace" and o.state == ACCEPTED:
            out += _words_withdrawn(o, texts, rejected, library)
    return out


def _words_withdrawn(o: Outcome, texts: Sequence[str], rejected: Sequence[Outcome], library: Library) -> list[Edit]:
    """Our words ``o`` (a change of ours they accepted) put into their sentence, where they rest by name on a
    restriction of ours that is gone (``rejected``: ", subject to the restrictions on Prohibited AI Use" after their
    "for any purpose"): withdrawn as a tracked change leaving their sentence as they wrote it (our words out, theirs
    back), commented as a change of this round."""
    find, new = _change(o.proposal)
    head = _common(find, new)
    tail = _common(find[head:][::-1], new[head:][::-1])
    ours, theirs = new[head : len(new) - tail], find[head : len(find) - tail]
    rests = restrictions_rested_on(ours)
    gone = next((r for r in rejected if any(uses_term(t, term) for term in rests for t in r.proposal.texts)), None)
    if not ours.strip() or gone is None:
        return []
    for i in sorted({i for i in o.indexes if 0 <= i < len(texts)}):
        text = texts[i]
        at = [k for k in range(len(text)) if text.startswith(new, k)]
        if not at:
            continue
        k = min(at, key=lambda k: abs(k - (o.proposal.anchor_at or 0))) + head
        comment = (
            f"We have taken out {_plain_name(o, library)}: it rested on {_plain_name(gone, library)}, "
            f"which you did not accept and we do not propose again, and without that restriction it qualifies "
            f"nothing. Your wording stands as you wrote it. This deletion is a change of this round: you accepted "
            "our words in the last one."
        )
        edit = Edit.replacing(
            i, text, k, k + len(ours), theirs, clause=o.proposal.clause, variant=o.proposal.variant, comment=comment
        )
        return [edit]
    return []


def _common(a: str, b: str) -> int:
    """The length of the text ``a`` and ``b`` begin with alike."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _whole(e: Edit) -> bool:
    """``e`` withdraws its whole paragraph (a clause of ours), not words of ours inside a sentence of theirs."""
    return not e.replacement and (e.start or 0) == 0 and e.end == len(e.anchor_text)


def _after(result: AuditResult, resting: Sequence[Edit]) -> list[str]:
    """Each paragraph's text once the withdrawals ``resting`` are made ("" for a paragraph withdrawn whole)."""
    texts = [p.text for p in result.paragraphs]
    for e in sorted(resting, key=lambda e: (e.index, -(e.start or 0))):
        t = texts[e.index]
        texts[e.index] = "" if _whole(e) else t[: e.start or 0] + (e.replacement or "") + t[e.end or 0 :]
    return texts


def _defined_where_used(
    edits: list[Edit],
    result: AuditResult,
    outcomes: Sequence[Outcome],
    library: Library,
    resting: Sequence[Edit] = (),
) -> list[Edit]:
    """A term our words they accepted use (a clause of ours: "shall not create with an AI System …"; a change of
    ours in their clause: "excluding any Prohibited AI Use") whose definition went with a clause of ours they
    rejected (the covenant's opening "In the Contract, “AI System” means …"), nothing defining it now: defined again
    as we wrote it last round. Our glossary sentence this round ("In this agreement, “AI System” means …") defines it
    with its own terms; else it is added at the end of the first paragraph of ours using it that ends a sentence, as a
    tracked insertion commented as a change of this round. A term the definitions added use is defined with them."""
    texts = _after(result, resting)  # as this round's withdrawals leave them
    gone = {e.index for e in resting if _whole(e)}
    standing = sorted(  # the paragraphs holding our words they accepted (our glossaries among them)
        {
            i
            for o in outcomes
            if o.state in (ACCEPTED, MODIFIED) and o.proposal.op in ("insert_after", "replace")
            for i in (o.matched if o.proposal.op == "insert_after" else o.indexes)
            if i is not None and 0 <= i < len(texts) and i not in gone
        }
    )
    users = [i for i in standing if not glossary_terms(texts[i])]
    glossaries = {  # our last glossaries, with the rejected clause holding each
        g: o
        for o in outcomes
        if o.proposal.op == "insert_after" and o.state == REJECTED
        for t in o.proposal.texts
        if (g := glossary_within(t))
    }
    have = defined_names(result) | {
        t
        for e in edits
        for q in e.paragraphs
        for t in glossary_terms(q.get("text", "")) | glossary_terms(glossary_within(q.get("text", "")))
    }
    entries = {term: t for t in glossaries for term in glossary_terms(t) if term not in have}
    plain = [texts[i] for i in users] + [
        q.get("text", "") for e in edits for q in e.paragraphs if not glossary_terms(q.get("text", ""))
    ]
    plain += [e.replacement or "" for e in edits if e.op == "replace"]
    ours = [q.get("text", "") for e in edits for q in e.paragraphs if glossary_terms(q.get("text", ""))]
    if not any(uses_term(t, term) for term in entries for t in [*plain, *ours, *(texts[i] for i in standing)]):
        return edits
    used = _needed([*plain, *ours, *glossaries, *(texts[i] for i in standing if i not in users)]) & set(entries)
    first = next(  # a paragraph ending a sentence: never a lead-in ("… the Licensed Works:") its items continue
        (i for i in users if texts[i].rstrip().endswith(".") and any(uses_term(texts[i], term) for term in used)),
        None,
    )
    if not used:
        return edits
    merged = _glossary_merged(edits, used, glossaries)
    if merged is not None:
        return merged
    if first is None:
        return edits
    sentences = [glossary_without(t, glossary_terms(t) - used) for t in dict.fromkeys(entries[u] for u in used)]
    sentences = [s if s.endswith(".") else s.rstrip(";") + "." for s in sentences if s]
    o = glossaries[entries[next(iter(used))]]
    said = " ".join(sentences)
    names = sorted(used, key=said.casefold().find)
    shown = [said[(k := said.casefold().find(n)) : k + len(n)] for n in names]
    comment = (
        f"We have added our definition{'s' if len(names) > 1 else ''} of {_quoting(shown)}, which this clause "
        f"uses: {'they' if len(names) > 1 else 'it'} stood in {_plain_name(o, library)}, which you did not accept. "
        "This addition is a change of this round."
    )
    text = result.paragraphs[first].text
    added = _change_at(first, text, len(text), len(text), " " + said, o.proposal.variant, comment, clause=DEFINITIONS)
    return [*edits, added]


def _glossary_merged(edits: list[Edit], used: set[str], glossaries: Mapping[str, Outcome]) -> list[Edit] | None:
    """``edits`` with our glossary sentence of this round (one "In this agreement, “A” means …" paragraph of our
    definitions clause) defining the terms ``used`` too, as our last glossary holding them all worded them; None
    where this round has no such sentence, or no last glossary defines both its terms and ``used``."""
    for k, e in enumerate(edits):
        if e.op != "insert_after" or e.clause != DEFINITIONS or len(e.paragraphs) != 1:
            continue
        own = glossary_terms(e.paragraphs[0].get("text", ""))
        whole = next((g for g in glossaries if own and own | used <= glossary_terms(g)), None)
        if whole is None:
            continue
        text = glossary_without(whole, glossary_terms(whole) - own - used)
        return [*edits[:k], replace(e, paragraphs=({**e.paragraphs[0], "text": text},)), *edits[k + 1 :]]
    return None


def _glossary_of(text: str) -> str:
    """The glossary ``text`` is ("“X” means …", "In this Agreement, “X” means …") or holds after a run-in title
    ("Definitions. In the Contract, “X” means …"); "" where it has none."""
    return text if glossary_terms(text) else glossary_within(text)


def _glossary_less(text: str, keys: Collection[str]) -> str:
    """``text`` without its glossary's entries for the terms ``keys`` (:func:`glossary_without`); "" where its
    glossary defines nothing else (a run-in title left alone is nothing)."""
    glossary = _glossary_of(text)
    if not glossary:
        return text
    kept = glossary_without(glossary, keys)
    return kept if glossary == text or not kept else text.replace(glossary, kept)


def _needed(texts: Sequence[str]) -> set[str]:
    """The terms (by :func:`glossary_terms`' keys) that ``texts`` use, outside the glossaries among them, and those
    the definitions of a term they use use in turn."""
    entries: dict[str, list[str]] = {}
    for t in texts:
        glossary = _glossary_of(t)
        for term in glossary_terms(glossary):
            entries.setdefault(term, []).append(glossary)
    plain = [t for t in texts if not _glossary_of(t)]
    needed = {term for term in entries if any(uses_term(t, term) for t in plain)}
    while more := {
        term
        for term in entries
        if term not in needed
        and any(uses_term(glossary_without(t, set(glossary_terms(t)) - {n}), term) for n in needed for t in entries[n])
    }:
        needed |= more
    return needed


def _defining_only_what_rested(edits: list[Edit], result: AuditResult, resting: Sequence[Edit]) -> list[Edit]:
    """This round's glossaries (our definitions clause, an "In this Agreement, …" sentence) less the terms only the
    paragraphs ``resting`` on a gone restriction used (:func:`_resting_on_gone`): they go, so nothing needs those
    terms; a glossary left defining nothing is not inserted."""
    if not resting:
        return edits
    ours = [q.get("text", "") for e in edits for q in e.paragraphs] + [e.replacement or "" for e in edits]
    doc = [p.text for p in result.paragraphs]
    before = _needed([*doc, *ours])
    after = _needed([*(t for t in _after(result, resting) if t), *ours])
    dropped = before - after
    if not dropped:
        return edits
    out: list[Edit] = []
    for e in edits:
        if e.op != "insert_after" or not any(
            glossary_terms(_glossary_of(q.get("text", ""))) & dropped for q in e.paragraphs
        ):
            out.append(e)
            continue
        kept = tuple(
            {**q, "text": _glossary_less(q.get("text", ""), dropped)}
            for q in e.paragraphs
            if _glossary_less(q.get("text", ""), dropped)
        )
        if kept:
            out.append(replace(e, paragraphs=kept))
    return out


def _anchored_off(edits: list[Edit], result: AuditResult, resting: Sequence[Edit]) -> list[Edit]:
    """Our insertions this round anchored after a paragraph it withdraws (:func:`_resting_on_gone`) go after the
    paragraph before it instead: the withdrawn paragraph takes its mark with it, and leaves no empty paragraph."""
    gone = {e.index for e in resting if _whole(e)}
    out = []
    for e in edits:
        if e.op == "insert_after" and e.index in gone:
            at = next((j for j in range(e.index - 1, -1, -1) if j not in gone), None)
            if at is not None:
                e = replace(e, index=at, anchor_text=result.paragraphs[at].text)
        out.append(e)
    return out


def _unused_definitions(
    result: AuditResult,
    outcomes: Sequence[Outcome],
    edits: Sequence[Edit],
    library: Library,
    terms: Mapping[str, str],
    resting: Sequence[Edit] = (),
) -> tuple[list[Edit], list[tuple[Edit, TextChange]]]:
    """Our definitions in the document (a clause of ours they accepted) whose terms nothing uses any more: they
    rejected the change that used them, and neither the document nor this round uses them. Each is withdrawn
    as a tracked deletion of its paragraph, with a comment saying why and that the deletion is a change of this
    round (a definition used only by a definition withdrawn goes too); the clauses after it in its list, and the
    references to them, take the numbers back. ``resting``: the paragraphs of ours this round withdraws already
    (:func:`_resting_on_gone`), using nothing any more, and closed behind as the definitions are. The deletions
    (``resting`` first) and the renumbering."""
    paragraphs = result.paragraphs
    texts = [p.text for p in paragraphs]
    now = _after(result, resting)  # as this round's withdrawals leave them (our words out of their sentence)
    withdrawn = {e.index for e in resting if _whole(e)}
    ours_now = [q.get("text", "") for e in edits for q in e.paragraphs] + [
        e.replacement or "" for e in edits if e.op == "replace"
    ]
    candidates: dict[int, tuple[Outcome, set[str]]] = {}
    for o in outcomes:
        if o.proposal.op != "insert_after" or o.state not in (ACCEPTED, MODIFIED):
            continue
        for i in o.matched:
            if i is not None and 0 <= i < len(texts) and (defined := entry_terms(texts[i])):
                candidates.setdefault(i, (o, defined))  # our entry, quoted or bare ("AI System means …")
    gone: set[int] = set(withdrawn)
    while True:  # a definition used only by one withdrawn goes with it
        more = {
            i
            for i, (_, defined) in candidates.items()
            if i not in gone
            and not any(
                uses_term(t, term)
                for term in defined
                for t in [*(t for j, t in enumerate(now) if j != i and j not in gone), *ours_now]
            )
        }
        if not more:
            break
        gone |= more
    out: list[Edit] = list(resting)
    order = sorted(gone - withdrawn)
    for at, i in enumerate(order):
        o, _ = candidates[i]
        run = [order[at]]  # the withdrawals after it of the same clause of ours: one comment names them all
        while len(run) < len(order) - at and candidates[order[at + len(run)]][0].proposal.clause == o.proposal.clause:
            run.append(order[at + len(run)])
        text = texts[i]
        names = [n for j in run for n in sorted(candidates[j][1], key=texts[j].casefold().find)]
        shown = [
            texts[j][(k := texts[j].casefold().find(n)) : k + len(n)]
            for j in run
            for n in sorted(candidates[j][1], key=texts[j].casefold().find)
        ]
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
            f"This deletion is a change of this round: you accepted the definition{'s' if len(names) > 1 else ''} in "
            "the last one."
        )
        comment = said if not out or out[-1].clause != o.proposal.clause else None
        out.append(
            Edit.replacing(
                i, text, 0, len(text), "", clause=o.proposal.clause, variant=o.proposal.variant, comment=comment
            )
        )
    labels = [p.label for p in paragraphs]
    whole = [e for e in out if _whole(e)]  # our words withdrawn from their sentence close no list
    moved = [(e, c) for e in whole for c in closing_struck(texts, labels, e.index) if c.index not in gone]
    for e in whole:  # a list citing it ("Clauses 2.1A, 2.4 and 2.5") no longer does
        own = texts[e.index].split("\t", 1)[0] if "\t" in texts[e.index] else clause_number(paragraphs[e.index])
        if own and own[:1].isdigit():
            cited = listed_citations(texts, own)
            moved += [(e, TextChange(i, a, b, texts[i][a:b], "", reference=True)) for i, a, b in cited]
    return out, moved


def _entry_ending(text: str, end: str) -> str:
    """A definitions entry ending as an entry in the middle of the list does (";")."""
    return text.rstrip().rstrip(";.") + end


def _gone_definitions(
    result: AuditResult, outcomes: Sequence[Outcome], edits: Sequence[Edit], how: str, library: Library
) -> tuple[list[Edit], list[str], set[str]]:
    """A definition of ours they deleted from our definitions (a clause of ours standing in part: the entry for
    "Permitted Purpose" gone, the rest accepted) while a term it defines is still used (our change "perpetual (solely
    for the Permitted Purpose)" they accepted, or a clause of this round) and nothing else defines it: never a term
    used and undefined, and never in silence. Strict (``how`` reinstating) puts the entry back where it stood, saying
    why; below strict the words of ours in their clause that use the term go instead (a tracked deletion: the use
    withdrawn, our covenant still governing AI use), or, where a clause of ours needs the term, the entry goes back.
    Only where this round does not plan the clause again (the put-back of a clause it plans is the loop's). The
    edits, the plan's notes and the terms whose use is withdrawn."""
    paragraphs = result.paragraphs
    texts = [p.text for p in paragraphs]
    planned = {e.clause for e in edits if e.op == "insert_after"}
    have = defined_names(result) | {t for e in edits for q in e.paragraphs for t in glossary_terms(q.get("text", ""))}
    ours_now = [q.get("text", "") for e in edits for q in e.paragraphs] + [
        e.replacement or "" for e in edits if e.op == "replace"
    ]
    out: list[Edit] = []
    notes: list[str] = []
    withdrawn: set[str] = set()
    for o in outcomes:
        p = o.proposal
        if p.op != "insert_after" or o.state != MODIFIED or p.clause in planned or None not in o.matched:
            continue
        for k, (text, i) in enumerate(zip(p.texts, o.matched, strict=False)):
            terms = glossary_terms(text) - have if i is None else set()
            users = sorted({j for j, t in enumerate(texts) for term in terms if uses_term(t, term)})
            if not terms or not (users or any(uses_term(t, term) for term in terms for t in ours_now)):
                continue
            have |= terms
            shown = _shown(text, terms)
            where = _cited(result, users)
            uses = [u for u in outcomes if _withdrawable(u, terms, texts)] if how != REINSTATE else []
            if uses and len({u.indexes[0] for u in uses}) == len(users):  # every use is words of ours: withdrawn
                for u in uses:
                    at = u.indexes[0]
                    find, new = u.proposal.texts[0], u.proposal.texts[1]
                    start = texts[at].find(new) + len(find)
                    end = start + len(new) - len(find)
                    said = (
                        f"You did not accept our definition of {shown}. Our words “{_words(new[len(find) :])}” "
                        "here use it, and without it they would rest on a term defined nowhere, so we have taken "
                        "them out. This deletion is a change of this round: you accepted the words in the last one."
                    )
                    out.append(
                        Edit.replacing(at, texts[at], start, end, "", clause=p.clause, variant=p.variant, comment=said)
                    )
                withdrawn |= terms
                notes.append(
                    f"The other side deleted our definition of {shown}: we withdrew our words using it{where}, so "
                    "no term is left used and undefined."
                )
                continue
            before = next((j for j in reversed(o.matched[:k]) if j is not None), None)
            if before is None or before >= len(paragraphs):
                continue
            said = (
                f"We have put back our definition of {shown}, which you did not accept: "
                f"{where.removeprefix(' in ') or 'our clauses'}, which you accepted, "
                f"use{'s' if len(users) == 1 else ''} {'it' if len(terms) == 1 else 'them'}, and without the "
                "definition the words using it would mean nothing."
            )
            out.append(
                Edit(
                    id="",
                    op="insert_after",
                    index=before,
                    anchor_text=texts[before],
                    clause=p.clause,
                    variant=p.variant,
                    comment=said,
                    paragraphs=({"text": text, "continued": True},),
                )
            )
            notes.append(
                f"Put back our definition of {shown}, which the other side deleted: {where.removeprefix(' in ')} "
                "still uses it."
                if where
                else f"Put back our definition of {shown}, which the other side deleted: our clauses still use it."
            )
    return out, notes, withdrawn


def _shown(text: str, terms: Collection[str]) -> str:
    """The ``terms`` (keys) as ``text`` writes them, quoted ("“Permitted Purpose”")."""
    names = sorted(terms, key=text.casefold().find)
    return _quoting([text[(k := text.casefold().find(n)) : k + len(n)] for n in names])


def _cited(result: AuditResult, users: Sequence[int]) -> str:
    """ " in Article 4.1", " in clauses 2.1 and 3": the clauses of paragraphs ``users`` as the document cites its
    clauses; "" where none has a number."""
    facts = read_facts(result)
    labels = [lab for i in users if (lab := result.paragraphs[i].section_label)]
    if not labels:
        return ""
    named = [as_referred(clause_name(lab), facts.clause_word, facts.names_sections) for lab in dict.fromkeys(labels)]
    return " in " + _listed(named)


def _withdrawable(o: Outcome, terms: Collection[str], texts: Sequence[str]) -> bool:
    """``o`` is a change of ours they accepted that adds words using one of ``terms`` to words of theirs ("perpetual"
    -> "perpetual (solely for the Permitted Purpose)"), and its words stand: taking the added words out withdraws the
    use and leaves their words as they were."""
    p = o.proposal
    if p.op != "replace" or o.state != ACCEPTED or len(p.texts) != 2 or not o.indexes:
        return False
    find, new = p.texts
    return (
        bool(find)
        and new.startswith(find)
        and any(uses_term(new[len(find) :], t) for t in terms)
        and 0 <= o.indexes[0] < len(texts)
        and new in texts[o.indexes[0]]
    )
