"""The redline plan: audit + clause library + playbook -> a list of edits. Pure, no XML.

The plan is what both the .docx writer (:mod:`noai.writer`) and the add-in apply: the writer takes
the typed :class:`Plan`; the add-in its JSON (``Plan.to_dict()``, ``noai.plan/1``, whose schema is
``noai/schemas/plan.json``; ``Plan.from_dict`` reads it back, checked). Every edit is
anchored by a paragraph index *and* that paragraph's current text.

Idempotence: a protection the audit finds present (our own pending insertions included, since
the audit reads the current text) is not inserted again, nor is a clause whose text is already in
the document; a red flag whose replacement is already in place is not replaced again; a comment
already attached to a paragraph is not added twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import schemas
from .analysis.audit import AuditResult
from .analysis.classify import Finding
from .errors import PlanError, UnknownVariantError
from .kinds import Placement
from .library import VARIANTS, Clause, Fix, Library, Playbook, RenderedFix, render_fix, render_many

SCHEMA = "noai.plan/1"


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit. ``op`` is ``insert_after``, ``replace`` or ``comment``."""

    id: str
    op: str
    index: int
    anchor_text: str
    clause: str
    variant: str
    comment: str | None
    title: str | None = None
    paragraphs: tuple[dict[str, Any], ...] = ()  # insert_after: [{"text", "title"?}]
    find: str | None = None  # replace / comment: the phrase, occurrence k, offsets
    occurrence: int = 0
    start: int | None = None
    end: int | None = None
    replacement: str | None = None
    finding: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Edit:
        """The edit of an edit object of the plan JSON (no checks: see :meth:`Plan.from_dict`)."""
        return cls(id=d["id"], op=d["op"], index=d["anchor"]["index"], anchor_text=d["anchor"]["text"],
                   clause=d.get("clause", ""), variant=d.get("variant", ""), comment=d.get("comment"),
                   title=d.get("title"), paragraphs=tuple(dict(p) for p in d.get("paragraphs", ())),
                   find=d.get("find"), occurrence=d.get("occurrence", 0), start=d.get("start"), end=d.get("end"),
                   replacement=d.get("replacement"), finding=d.get("finding"))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "op": self.op, "anchor": {"index": self.index, "text": self.anchor_text},
             "clause": self.clause, "variant": self.variant, "title": self.title, "comment": self.comment}
        if self.op == "insert_after":
            d["paragraphs"] = [dict(p) for p in self.paragraphs]
        else:
            d.update(find=self.find, occurrence=self.occurrence, start=self.start, end=self.end)
            if self.op == "replace":
                d["replacement"] = self.replacement
            d["finding"] = self.finding
        return d


@dataclass(frozen=True, slots=True)
class Plan:
    variant: str
    terms: Mapping[str, str]
    edits: tuple[Edit, ...]
    offered: tuple[str, ...] = ()  # optional protections the playbook offers but did not insert
    notes: tuple[str, ...] = field(default=())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        """The plan of a plan JSON (``noai.plan/1``), checked against its schema.

        :raise PlanError: the JSON is not a valid plan (the message names what is wrong)."""
        problems = schemas.problems("plan", data)
        if problems:
            raise PlanError(f"The redline plan is not a valid {SCHEMA} plan: {'; '.join(problems)}.")
        return cls(variant=data["variant"], terms=dict(data["terms"]),
                   edits=tuple(Edit.from_dict(e) for e in data["edits"]), offered=tuple(data["offered"]),
                   notes=tuple(data["notes"]))

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "variant": self.variant, "terms": dict(self.terms),
                "edits": [e.to_dict() for e in self.edits], "offered": list(self.offered),
                "notes": list(self.notes)}


def _occurrence(text: str, phrase: str, start: int) -> int:
    """Which occurrence (0-based) of ``phrase`` in ``text`` begins at ``start``."""
    k, pos = 0, text.find(phrase)
    while 0 <= pos < start:
        k += 1
        pos = text.find(phrase, pos + 1)
    return k


def _already_replaced(f: Finding, replacement: str) -> bool:
    """The text at the finding already reads as the replacement (e.g. "... devised, excluding any
    Prohibited AI Use" after an earlier redline)."""
    return f.paragraph_text[f.phrase_start:f.phrase_start + len(replacement)] == replacement


_FIRST = ("any_and_all_purposes",)  # the purpose limit is the fix the other replacements lean on


def _without_redundant(fixes: list[tuple[Finding, RenderedFix, str]]) -> list[tuple[Finding, RenderedFix, str]]:
    """Drop a replacement whose added words are already said in its paragraph, by the text or by
    a replacement kept before it: "perpetual" -> "perpetual (solely for the Permitted Purpose)" is
    redundant next to "for any and all purposes" -> "solely for the Permitted Purpose", and after
    that replacement has been made."""
    said: dict[int, list[str]] = {}
    dropped: set[int] = set()
    order = sorted(range(len(fixes)), key=lambda i: (fixes[i][0].kind not in _FIRST, i))
    for i in order:
        f, rf, op = fixes[i]
        if op != "replace":
            continue
        texts = said.setdefault(f.start, [f.paragraph_text])
        replacement = rf.replacement or ""  # set: choose_fixes replaces only with a replacement
        added = replacement.replace(f.phrase, "", 1).strip(" ,;()")
        if added and any(added in t for t in texts):
            dropped.add(i)
        else:
            texts.append(replacement)
    return [fix for i, fix in enumerate(fixes) if i not in dropped]


def _speaks_our_terms(library: Library) -> Callable[[str], bool]:
    """A test for paragraphs that use a term the library defines ("Prohibited AI Use",
    "Permitted Purpose", ...): our own inserted clauses, or text already fixed on our terms."""
    terms = sorted(library.glossary, key=len, reverse=True)
    if not terms:
        return lambda text: False
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    return lambda text: pattern.search(text) is not None


def make_plan(
    result: AuditResult,
    library: Library,
    playbook: Playbook,
    *,
    variant: str | None = None,
    comments: bool | None = None,
    existing_comments: Mapping[int, Sequence[str]] | None = None,
) -> Plan:
    """The edits the playbook asks for on this audited document: choose (red flags to fix,
    clauses to insert), render (with the document's terms), order (clauses in document order,
    then the fixes; edits numbered e1, e2, ...).

    ``existing_comments`` maps a paragraph index to the texts of the comments already anchored
    there, so a second run adds no duplicate comment.
    """
    variant = variant or playbook.variant
    if variant not in VARIANTS:
        raise UnknownVariantError(f"There is no variant {variant!r}; choose one of {', '.join(VARIANTS)}.")
    with_comments = playbook.comments if comments is None else comments
    terms = result.terms.placeholders()
    if result.score.risk is None:  # language not supported: propose nothing rather than nonsense
        return Plan(variant, terms, (), notes=tuple(result.notes))
    fixes, needed_terms = choose_fixes(result, library, playbook, variant, terms, with_comments,
                                       existing_comments or {})
    placed, notes = place_clauses(result, [library.get(c) for c in
                                           choose_clauses(result, library, playbook, variant, needed_terms)])
    edits = [*render_insertions(result, library, placed, variant, terms, with_comments),
             *(fix_edit(f, rf, op, variant, with_comments) for f, rf, op in fixes)]
    offered = tuple(p.clause for p in playbook.offered(variant) if not _present(result, p.kind))
    return Plan(variant, terms, numbered(edits), offered=offered, notes=tuple(notes + list(result.notes)))


def _present(result: AuditResult, protection: str) -> bool:
    audited = result.protection(protection)
    return audited is not None and audited.status in ("present", "proposed")  # proposed: our pending insertion


# -- choosing ---------------------------------------------------------------------------------------


def _fix_wanted(f: Finding, library: Library, playbook: Playbook, ours: Callable[[str], bool]
                ) -> tuple[str, Fix] | None:
    """The playbook's action and the library's fix for a red flag worth an edit, else None."""
    if f.severity not in ("high", "medium"):
        return None  # a licence back to the creator, a mutual clause: nothing to negotiate
    if ours(f.paragraph_text):
        return None  # our own clause, or a phrase already fixed on our terms
    action = playbook.action_for(f.kind)
    fix = library.fix_for(f.kind)
    if action == "ignore" or fix is None or not f.phrase:
        return None
    return action, fix


def choose_fixes(result: AuditResult, library: Library, playbook: Playbook, variant: str,
                 terms: Mapping[str, str], with_comments: bool, existing_comments: Mapping[int, Sequence[str]]
                 ) -> tuple[list[tuple[Finding, RenderedFix, str]], list[str]]:
    """The red flags to replace or comment on, each with its rendered fix and op, and the library
    terms the replacements use (in order of first use). One edit per piece of text, one
    explanatory comment per kind, no comment already in place, no replacement already made."""
    fixes: list[tuple[Finding, RenderedFix, str]] = []
    taken: dict[int, list[tuple[int, int]]] = {}  # paragraph -> phrase ranges already edited
    needed_terms: list[str] = []
    commented: set[str] = set()  # one explanatory comment per kind of red flag is enough
    ours = _speaks_our_terms(library)
    for f in result.findings:
        wanted = _fix_wanted(f, library, playbook, ours)
        if wanted is None:
            continue
        action, fix = wanted
        ranges = taken.setdefault(f.start, [])
        if any(s < f.phrase_end and f.phrase_start < e for s, e in ranges):
            continue  # one edit per piece of text: "perpetual and irrevocable" once, not twice
        if action != "replace" and (f.kind in commented or not with_comments):
            continue  # a comment already written for this kind, or none wanted: nothing to render
        rf = render_fix(fix, variant, f.phrase, terms)
        if rf is None or rf.action == "ignore":
            continue
        op = "replace" if action == "replace" and rf.action == "replace" and rf.replacement else "comment"
        if op == "comment":
            seen = f.kind in commented or _commented(fix, variant, f.phrase, existing_comments.get(f.start, ()))
            commented.add(f.kind)
            if seen or not with_comments:
                continue
        elif _already_replaced(f, rf.replacement or ""):  # op "replace" only with a replacement
            continue
        ranges.append((f.phrase_start, f.phrase_end))
        fixes.append((f, rf, op))
        if op == "replace":
            needed_terms.extend(t for t in rf.uses if t not in needed_terms)
    return _without_redundant(fixes), needed_terms


def _commented(fix: Fix, variant: str, phrase: str, existing: Sequence[str]) -> bool:
    """One of the ``existing`` comments is this fix's comment, whatever terms filled it then (a term can
    change between rounds, e.g. once our inserted clause defines "Protected Materials")."""
    rule = fix.rule_for(phrase)
    template = rule.comments[variant] if rule is not None else None
    if not template or not existing:
        return False
    pieces = re.split(r"\{[^{}]*\}", " ".join(template.split()))
    pattern = re.compile(".+?".join(re.escape(piece) for piece in pieces), re.DOTALL)
    return any(pattern.fullmatch(" ".join(text.split())) for text in existing)


def choose_clauses(result: AuditResult, library: Library, playbook: Playbook, variant: str,
                   needed_terms: Sequence[str]) -> list[str]:
    """The ids of the clauses to insert: the protections the playbook requires and the document
    lacks, then the clauses defining the terms the fixes use."""
    wanted = [p.clause for p in playbook.required(variant) if not _present(result, p.kind)]
    for term in needed_terms:
        owner = library.clause_defining(term).id
        if owner not in wanted:
            wanted.append(owner)
    return wanted


# -- ordering ---------------------------------------------------------------------------------------


def place_clauses(result: AuditResult, clauses: Sequence[Clause]) -> tuple[list[tuple[int, Clause]], list[str]]:
    """Each clause with the paragraph its ``placement`` puts it after, in document order (so each
    new term is defined at its first use), and a note for each clause that has no place."""
    placed, notes = [], []
    for clause in clauses:
        place = result.places.get(clause.placement)  # where the clause file says it goes
        if place is None:
            notes.append(f"The {clause.id} clause is a separate document: it is not inserted."
                         if clause.placement == Placement.SEPARATE_DOCUMENT
                         else f"No place found to insert the {clause.id} clause.")
            continue
        placed.append((place.index, clause))
    placed.sort(key=lambda s: s[0])
    return placed, notes


def numbered(edits: Sequence[Edit]) -> tuple[Edit, ...]:
    """The edits with their ids e1, e2, ... in order."""
    return tuple(replace(e, id=f"e{i}") for i, e in enumerate(edits, 1))


# -- rendering --------------------------------------------------------------------------------------


def render_insertions(result: AuditResult, library: Library, placed: Sequence[tuple[int, Clause]], variant: str,
                      terms: Mapping[str, str], with_comments: bool) -> list[Edit]:
    """An ``insert_after`` edit for each placed clause not already in the document, its terms
    defined once (at their first use) unless the document defines them."""
    paragraphs = result.paragraphs
    document_text = "\n".join(p.text for p in paragraphs)
    already = {t for t in library.glossary if t in result.terms.all}
    rendered = render_many([(clause, variant) for _, clause in placed], terms, already_defined=already)
    edits = []
    for (index, clause), r in zip(placed, rendered, strict=True):
        body = [p for p in r.paragraphs if p]
        if body and body[-1] in document_text:
            continue  # the clause is already in the document (e.g. our own pending insertion)
        paras = tuple({"text": text, **({"title": r.title} if i == 0 else {})} for i, text in enumerate(body))
        edits.append(Edit("", "insert_after", index, paragraphs[index].text, clause.id, variant,
                          r.comment if with_comments else None, title=r.title, paragraphs=paras))
    return edits


def fix_edit(f: Finding, rf: RenderedFix, op: str, variant: str, with_comments: bool) -> Edit:
    """The ``replace`` or ``comment`` edit of a red flag."""
    return Edit("", op, f.start, f.paragraph_text, rf.fix, variant, rf.comment if with_comments else None,
                find=f.phrase, occurrence=_occurrence(f.paragraph_text, f.phrase, f.phrase_start),
                start=f.phrase_start, end=f.phrase_end, replacement=rf.replacement if op == "replace" else None,
                finding=f.kind)
