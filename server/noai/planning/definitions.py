"""The definitions step: an ``insert_after`` edit for each placed clause, with the library terms it uses
defined once unless the document defines them: appended to the document's own definitions clause (in its
style), else in a "Definitions" clause of our own for the terms several changes share, else in an opening
"In this clause, …" sentence; each term defined in the clause that owns it.

Imports :mod:`noai.analysis`, :mod:`noai.library`, :mod:`noai.ooxml` and :mod:`noai.planning.edit` /
:mod:`noai.planning.placement`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace
from typing import Any

from ..analysis.audit import AuditResult
from ..analysis.facts import (
    DefinitionsRun,
    alphabetical_definitions,
    closing_conjunction,
    defined_by_itself,
    definitions_run,
    ends_with_conjunction,
    glossary_without,
    opens_definitions,
    quotes_straight,
)
from ..kinds import Placement
from ..library import Clause, Library, Rendered, render_many
from ..library.render import INFORMAL
from ..ooxml.revisions import typed_number_span
from .edit import DEFINITIONS, Edit
from .placement import _sibling_paragraphs, _titled_sibling, clause_paragraphs, ip_clause

_DEFINITIONS_COMMENT = "The terms the new clauses use, defined with the other definitions of {agreement}."
_DEFINITIONS_TITLE = "Definitions"
_SHARED_DEFINITIONS_COMMENT = "Why this clause: it defines, once, the terms that more than one of our changes uses."


def _in_house_style(text: str, straight: bool, shall: bool, colon: bool = False, bare: bool = False) -> str:
    """A library definition (“X” means …) in the style of the document's definitions (``bare``: its terms without
    quotes, "X: …" or "X means …")."""
    if colon:
        text = re.sub(r"^(“([^”]+)”) means\s+", r"\2: " if bare else r"\1: ", text)
    else:
        if shall:
            text = re.sub(r"^(“[^”]+”) means\b", r"\1 shall mean", text)
        if bare:
            text = re.sub(r"^“([^”]+)” ", r"\1 ", text)
    return text.replace("“", '"').replace("”", '"') if straight else text


def _opening_definitions(definitions: Sequence[str], scope: str, straight: bool = False) -> str:
    """The definitions as one opening sentence: "In this clause, “A” means …; and “B” means …" (``straight``:
    '"A" means', as the document quotes its own terms)."""
    items = [_in_house_style(d, straight, shall=False).rstrip(".") for d in definitions]
    if len(items) > 1:  # one "; and" in the sentence, before its last definition: an inner list of "any of the
        # following" ends "; or (i) …", never "; and (i) …; and “AI Vendor” means …"
        items = [re.sub(r"; and (\([a-z]{1,4}\) )", r"; or \1", i) for i in items]
    joined = items[0] if len(items) == 1 else "; ".join(items[:-1]) + "; and " + items[-1]
    return f"In {scope}, {joined}."


_UNREAD: Any = object()  # a definitions run the caller did not read: read here


def beside_the_work(result: AuditResult, terms: Mapping[str, str], background: str | None) -> dict[str, str]:
    """The placeholders naming what the creator licenses and keeps beside the work it makes here (the audit's
    ``terms.licensed``: the "Platform" of a licence whose "Customizations" are assigned), none where the work
    is all there is: ``works`` ("Customizations and the Platform"), ``protected`` ("Customizations, the
    Platform, the other Tessellate Materials") and ``delivered`` (minimal's "Customizations as finally delivered
    under this Agreement, the Platform and the other Tessellate Materials"), and ``coded`` (the code the client
    may run coding assistants on: "the Customizations"). The creator's pre-existing
    materials (``background``) are "the other" ones where their definition names the licensed thing."""
    licensed = result.terms.licensed
    if licensed is None:
        return {}
    work, agreement = terms.get("deliverables", "the work"), terms.get("agreement", "this agreement")
    rest = None
    name = (background or "").removeprefix("the ")
    if name and name != licensed.name:
        defines = re.compile(rf"^\W*(?:\S+\s+)?[\"“]{re.escape(name)}[\"”]\s+(?:shall\s+)?means?\b")
        inside = any(licensed.name in p.text and defines.match(p.text) for p in result.paragraphs)
        rest = f"the other {name}" if inside else background
    listed = [licensed.surface, *([rest] if rest else [])]
    return {
        "works": f"{work} and {licensed.surface}",
        "coded": work,  # coding assistants on the code made for the client, not on the creator's own software
        "protected": ", ".join([work, *listed]),
        "delivered": f"{work} as finally delivered under {agreement}{', ' if len(listed) > 1 else ' and '}"
        + " and ".join(listed),
    }


def render_insertions(
    result: AuditResult,
    library: Library,
    placed: Sequence[tuple[int, Clause]],
    variant: str,
    terms: Mapping[str, str],
    with_comments: bool,
    only_defining: Set[str] = frozenset(),
    trimmed: Mapping[str, tuple[int, str, str]] | None = None,
    elsewhere: str = "",
    run: DefinitionsRun | None = _UNREAD,
) -> list[Edit]:
    """An ``insert_after`` edit for each placed clause not already in the document (of a clause in
    ``only_defining``, its definitions alone), its terms
    defined once unless the document defines them: appended to the document's definitions clause
    when it has one (in that clause's style, as one more edit), else in an opening "In this
    clause, …" sentence of the first clause that uses them ("In this agreement" when a later
    inserted clause uses them too)."""
    paragraphs = result.paragraphs
    document_text = "\n".join(p.text for p in paragraphs)
    already = {t for t in library.glossary if t in result.terms.all}
    order = _owners_first([clause for _, clause in placed], variant)
    by_order = render_many([(placed[n][1], variant) for n in order], terms, already_defined=already)
    rank = {n: k for k, n in enumerate(order)}  # a clause's place in the rendering order
    rendered = [r for _, r in sorted(zip(order, by_order, strict=True), key=lambda pair: pair[0])]
    run = definitions_run(paragraphs) if run is _UNREAD else run  # ``run``: the document's, read by the caller
    places = [*result.places.values(), *([result.ai_section] if result.ai_section else [])]
    likes = {place.index: place.like for place in places if place.like is not None}
    bodies = []
    for k, ((index, clause), r) in enumerate(zip(placed, rendered, strict=True)):
        body = [p for p in r.paragraphs if p]
        if body and body[-1] in document_text:
            continue  # the clause is already in the document (e.g. our own pending insertion)
        definitions = [t for t in body if t.startswith("“") and any(t.startswith(f"“{d}”") for d in r.defined)]
        operative = [] if clause.id in only_defining else [t for t in body if t not in definitions]
        if trimmed and clause.id in trimmed:  # its first paragraphs say what the document already says
            drop, title, comment = trimmed[clause.id]
            operative, r = operative[drop:], replace(r, title=title, comment=comment)
        if not operative and not definitions:
            continue
        bodies.append((index, clause, r, operative, definitions, rank[k]))
    agreement = terms.get("agreement", "this agreement")
    straight = run is None and quotes_straight([p.text for p in paragraphs])  # a definitions clause has its own
    moved = _foreign_shared(bodies, elsewhere) if run is None else [[] for _ in bodies]
    pooled = [d for defs in moved for d in defs]
    edits = []
    siblings: dict[int, int] = {}  # the last titled sub-clause's heading -> new titled sub-clauses after it
    collected: list[tuple[int, list[str]]] = []  # the definitions for the document's definitions clause
    for n, (index, clause, r, body, definitions, ranked) in enumerate(bodies):
        if definitions and run is not None:
            collected.append((ranked, definitions))  # in the order they were defined
            if not body:
                continue  # a clause kept for its definitions alone: they go to the definitions clause
        own = clause.placement != Placement.AFTER_GRANT  # a purpose limit qualifies the grant it follows
        if definitions and run is None:
            if moved[n] and pooled:  # the terms several changes use, of clauses not inserted: a clause of their own
                sentence = [_opening_definitions(pooled, agreement, straight)]
                items = clause_paragraphs(paragraphs, index, likes.get(index), sentence, _DEFINITIONS_TITLE, 0, own)
                shared_comment = _SHARED_DEFINITIONS_COMMENT if with_comments else None
                edits.append(
                    Edit(
                        "",
                        "insert_after",
                        index,
                        paragraphs[index].text,
                        DEFINITIONS,
                        variant,
                        shared_comment,
                        title=_DEFINITIONS_TITLE,
                        paragraphs=items,
                    )
                )
                pooled = []
            definitions = [d for d in definitions if d not in moved[n]]
            if definitions:
                shared = any(_used(d, _other_texts(bodies, n, elsewhere)) for d in definitions)
                whole = shared or not body or INFORMAL in terms  # a letter has no clauses: "In this letter, …"
                body = [_opening_definitions(definitions, agreement if whole else "this clause", straight), *body]
        # the run-in title goes on the operative paragraph, not on the definitions before it
        titled = next((i for i, text in enumerate(body) if not text.startswith(("“", "In this clause, "))), 0)
        if definitions and run is None and body[0].startswith("In ") and titled == 0 and len(body) > 1:
            titled = 1
        sibling = _titled_sibling(paragraphs, index, ip_clause(result)) if own else None
        if sibling is not None:  # a titled sub-clause of the IP clause of its own, after its last one
            heading, first = sibling
            siblings[heading] = siblings.get(heading, 0) + 1
            paras = _sibling_paragraphs(paragraphs, heading, first, r.title, body, siblings[heading])
        else:
            paras = clause_paragraphs(paragraphs, index, likes.get(index), body, r.title, titled, own)
        edits.append(
            Edit(
                "",
                "insert_after",
                index,
                paragraphs[index].text,
                clause.id,
                variant,
                r.comment if with_comments else None,
                title=r.title,
                paragraphs=paras,
            )
        )
    if collected and run is not None:
        at, straight, shall, colon, bare = run
        # after "1. Definitions. "X" means …" the new entries continue that clause, unnumbered
        continued = {"continued": True} if opens_definitions(paragraphs[at].text) else {}
        comment = _DEFINITIONS_COMMENT.format(agreement=terms.get("agreement", "this agreement"))
        entries = None if continued else alphabetical_definitions(paragraphs, at)
        if entries:  # an alphabetical list: each new term at its place ("AI System" before "Deliverables")
            groups: dict[int, list[str]] = {}
            for d in _flat(collected):
                after = max((i for i, t in entries if t.lower() < _term(d).lower()), default=entries[0][0] - 1)
                groups.setdefault(after, []).append(d)
            for k, (after, group) in enumerate(sorted(groups.items())):
                texts = sorted(group, key=lambda d: _term(d).lower())
                edits.append(
                    Edit(
                        "",
                        "insert_after",
                        after,
                        paragraphs[after].text,
                        DEFINITIONS,
                        variant,
                        comment if with_comments and k == 0 else None,
                        paragraphs=tuple(
                            {"text": (entry := _in_house_style(d, straight, shall, colon, bare)), "like": entries[0][0]}
                            | _lead(entry)
                            for d in texts
                        ),
                    )
                )
            edits.sort(key=lambda e: e.index)
            return edits
        definitions_edit = Edit(
            "",
            "insert_after",
            at,
            paragraphs[at].text,
            DEFINITIONS,
            variant,
            comment if with_comments else None,
            paragraphs=tuple(
                {"text": (entry := _in_house_style(d, straight, shall, colon, bare)), **continued} | _lead(entry)
                for d in _flat(collected)
            ),
        )
        edits.append(definitions_edit)
        edits.sort(key=lambda e: e.index)  # stable: the definitions before a clause anchored at the same place
    return edits


def join_definitions_list(
    result: AuditResult, edits: Sequence[Edit], run: DefinitionsRun | None = _UNREAD
) -> tuple[list[Edit], list[Edit]]:
    """The edits with the new definitions joining a definitions list written as one sentence ("(a) …; (b) …;
    and (c) … ." or, unlettered, "“Brief” means …;" … "“Services” means … ."), and the changes that make room
    for them: with the new entries where they go (after its last entry, or each at its alphabetical place),
    every entry ends with ";", the next-to-last with "; and" (where the list closes so; ";" where it has no
    "and"), the last with "."; a document's entry whose end must change gets it as a tracked change of
    punctuation (its "and" struck, its full stop made ";" or "; and"). Unchanged where the list is no such
    sentence."""
    paragraphs = result.paragraphs
    run = definitions_run(paragraphs) if run is _UNREAD else run  # ``run``: as for render_insertions
    conjunction = closing_conjunction(paragraphs, run.last) if run is not None else None
    if conjunction is None or run is None:
        return list(edits), []
    alphabetical = alphabetical_definitions(paragraphs, run.last)
    entries = [i for i, _ in alphabetical] if alphabetical else [run.last - 1, run.last]
    anchors = {*entries, *([entries[0] - 1] if alphabetical else [])}  # before the first: a term sorting first
    joining = {
        e.index: k
        for k, e in enumerate(edits)
        if e.clause == DEFINITIONS
        and e.op == "insert_after"
        and e.index in anchors
        and e.paragraphs
        and not e.paragraphs[0].get("continued")
    }
    if not joining:
        return list(edits), []
    # the list as it will read: the document's entries (paragraph, -1) and ours (edit, item), in order
    order: list[tuple[int, int]] = []
    for i in [entries[0] - 1, *entries]:
        if i >= entries[0]:
            order.append((i, -1))
        if i in joining:
            order.extend((joining[i], j) for j in range(len(edits[joining[i]].paragraphs)))
    ends = [";"] * (len(order) - 2) + [f"; {conjunction}" if conjunction else ";", "."]
    texts: dict[int, list[str]] = {k: [] for k in joining.values()}
    variant = edits[next(iter(texts))].variant
    changes = []
    for (at, j), end in zip(order, ends, strict=True):
        if j >= 0:
            texts[at].append(edits[at].paragraphs[j]["text"].rstrip().removesuffix(".") + end)
        elif (change := _entry_end(paragraphs[at].text, at, end, conjunction, variant)) is not None:
            changes.append(change)
    joined = {
        k: replace(edits[k], paragraphs=tuple({**q, "text": t} for q, t in zip(edits[k].paragraphs, said, strict=True)))
        for k, said in texts.items()
    }
    return [joined.get(k, x) for k, x in enumerate(edits)], changes


def _entry_end(text: str, index: int, end: str, conjunction: str, variant: str) -> Edit | None:
    """The tracked change of punctuation that makes the document's entry ``text`` end with ``end`` (";", "; and"
    or "."), ``None`` where it does: "…; and" -> "…;" strikes " and"; "… ." -> "…;" or "…; and" replaces the full
    stop."""
    said = text.rstrip()
    if said.endswith(end) and (end != ";" or not ends_with_conjunction(said)):
        return None
    if conjunction and ends_with_conjunction(said):
        struck = said.rfind(f" {conjunction}")
        find, start, replacement = f" {conjunction}", struck, ""
    else:
        find, start, replacement = said[-1], len(said) - 1, end
    return Edit(
        "",
        "replace",
        index,
        text,
        DEFINITIONS,
        variant,
        None,
        find=find,
        occurrence=text.count(find, 0, start),
        start=start,
        end=start + len(find),
        replacement=replacement,
    )


_Body = tuple[int, Clause, Rendered, list[str], list[str], int]


def _other_texts(bodies: Sequence[_Body], n: int, elsewhere: str) -> str:
    """The words of every inserted clause but the ``n``-th, and of the fixes (``elsewhere``)."""
    return " ".join([elsewhere, *(t for m, b in enumerate(bodies) if m != n for t in (*b[3], *b[4]))])


def _used(definition: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_term(definition))}", text) is not None


def _foreign_shared(bodies: Sequence[_Body], elsewhere: str) -> list[list[str]]:
    """For each clause body, the definitions to move out of it into a Definitions clause: terms another
    change uses too, owned by a clause not inserted (the covenant's "Prohibited AI Use" where the
    document has its own AI clause), when the clause is about something else (it has a sentence or a
    term of its own)."""
    moved = []
    for n, (_, clause, _, body, definitions, _) in enumerate(bodies):
        others = _other_texts(bodies, n, elsewhere)
        foreign = [d for d in definitions if _term(d) not in clause.defines and _used(d, others)]
        moved.append(foreign if foreign and (body or len(foreign) < len(definitions)) else [])
    return moved


def _lead(entry: str) -> dict[str, str]:
    """The term a new entry of the document's definitions clause opens with, as written ("Developer IP" of "Developer
    IP means …", “AI System” of "“AI System” means …"), which the writer sets as the document's entries set theirs
    (in bold where they are: "**Developer IP** means …"); none for a colon-style entry ("X: …")."""
    m = re.match(r"(?:[“\"][^”\"]+[”\"]|[^“\":]+?)(?=\s+(?:shall\s+)?means\b)", entry)
    return {"lead": m.group()} if m else {}


def _term(definition: str) -> str:
    """The term a library definition defines: “X” means … -> X."""
    return definition[1 : definition.index("”")]


def _flat(ranked: Sequence[tuple[int, list[str]]]) -> list[str]:
    return [d for _, texts in sorted(ranked, key=lambda pair: pair[0]) for d in texts]


def _owners_first(clauses: Sequence[Clause], variant: str) -> list[int]:
    """The order to render ``clauses`` (in document order) in, so that each term is defined in the
    clause that owns it where that clause is inserted ("AI System" in the covenant, not in a purpose
    limit placed before it whose definition uses it): each owner before the clauses that use its terms,
    in their paragraphs or through a definition; else document order."""
    owner: dict[str, int] = {}
    for n, clause in enumerate(clauses):
        for term in clause.defines:
            owner.setdefault(term, n)
    order: list[int] = []
    seen: set[int] = set()

    def visit(n: int) -> None:
        if n in seen:
            return
        seen.add(n)
        glossary = clauses[n].glossary
        needed, stack = set(), list(clauses[n].variants[variant].uses)
        while stack:
            term = stack.pop()
            if term not in needed and term in glossary:
                needed.add(term)
                stack.extend(glossary[term].needs[variant])
        for term in sorted(needed, key=lambda t: owner.get(t, n)):
            if owner.get(term, n) != n:
                visit(owner[term])
        order.append(n)

    for n in range(len(clauses)):
        visit(n)
    return order


def not_defined_by_itself(e: Edit, have: Set[str]) -> Edit:
    """``e`` without its glossary entries that define a term by itself ("“Permitted Purpose” means use of the
    Photographs for the Permitted Purpose": the document's own name for its purpose, which the document defines,
    put in our template; ``have``: the terms the document defines, by term key): the document's definition stands.
    A paragraph left defining nothing goes, and the one continuing it takes its place (its number, its run-in title);
    one whose number is typed in its text stays."""
    out: list[dict[str, Any]] = []
    opening: dict[str, Any] | None = None  # what a paragraph that went gave its clause: its number, its title
    for item in e.paragraphs:
        text = item.get("text", "")
        circular = defined_by_itself(text) & have  # not "… is not Prohibited AI Use" in a definition of ours
        if circular and typed_number_span(text) is None:
            text = glossary_without(text, circular)
        if not text:
            opening = None if item.get("continued") else {k: v for k, v in item.items() if k != "text"}
            continue
        out.append(
            {**opening, "text": text} if opening is not None and item.get("continued") else {**item, "text": text}
        )
        opening = None
    return e if tuple(out) == e.paragraphs else replace(e, paragraphs=tuple(out))
