"""The audit of one document: findings, protections, risk score and insertion points.

:func:`audit_document` takes a read :class:`~noai.ooxml.document.Document`; :func:`audit_paragraphs`
does the same from paragraphs and defined terms (what the tests and the add-in's Flat OPC path
use). The result serialises to the versioned JSON of ``docs/audit-schema.md`` (``noai.audit/2``).

Risk is scored from the creator's side, 0 (safe) to 100 (worst), after the seeds' table: an
assignment or work made for hire is high risk, a limited licence moderate, an explicit AI
restriction low.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import TYPE_CHECKING, Any

from noai.analysis import fast, learned
from noai.analysis import patterns as P
from noai.analysis.classify import (
    HIGH,
    INFO,
    MEDIUM,
    Finding,
    bare_title,
    classify,
    party_words,
    sentence_heading,
)
from noai.analysis.classify import Parties as Mentions
from noai.analysis.collector import paused
from noai.analysis.facts import (
    Retention,
    clause_word,
    listed_uses,
    named_purpose,
    prevailing_retention,
    retention_note,
    sentence_at,
)
from noai.analysis.language import detect_language
from noai.analysis.negotiation import (
    Negotiation,
    dangling_findings,
    negotiate,
    protection_statuses,
    without_our_words,
)
from noai.analysis.parties import CLIENT as CLIENT_ROLE
from noai.analysis.parties import Parties, We, analyse, find_parties, made_by, materials_of, resolve_we
from noai.analysis.sections import block_end, changes_row, is_ip_heading, licence_title
from noai.analysis.semantics import drafting_note
from noai.analysis.terms import DefinedTerms, Term, analyse_terms
from noai.analysis.work_kind import WorkKind, detect_work_kind, given_work_kind, material_kind
from noai.kinds import (
    GRANT_KINDS,
    KINDS,
    PROTECTIONS,
    SEVERITY_ORDER,
    FindingKind,
    KindSpec,
    Placement,
    ProtectionStatus,
    Weight,
    protection_spec,
)
from noai.kinds import Protection as Prot
from noai.ooxml.model import Paragraph
from noai.ooxml.revisions import typed_number

if TYPE_CHECKING:
    from noai.ooxml.document import Document

SCHEMA = "noai.audit/2"
PRESENT, MISSING, UNKNOWN = ProtectionStatus.PRESENT, ProtectionStatus.MISSING, ProtectionStatus.UNKNOWN
# Statuses a negotiation gives a protection (noai.analysis.negotiation): our pending insertion, the
# other side's pending deletion of it, gone since our round, present without a core limb.
PROPOSED, STRUCK, REMOVED, WEAKENED = (
    ProtectionStatus.PROPOSED,
    ProtectionStatus.STRUCK,
    ProtectionStatus.REMOVED,
    ProtectionStatus.WEAKENED,
)
STATUSES = tuple(ProtectionStatus)
GRADES = ((20, "A"), (40, "B"), (60, "C"), (80, "D"), (101, "F"))
# The best grade a contract can have while a finding of this severity stands, and the risk that grade starts
# at: no A or B while a high-risk finding stands.
GRADE_BOUND = {HIGH: ("C", 40)}
SCORE_LEGEND = "Risk 0 (safe) to 100 (worst); grade A (low risk) to F (high risk)."
NO_IP_TERMS = (15, "the contract says nothing about rights in the work, leaving AI use to the general law")
_BY_REFERENCE = re.compile(
    r"incorporated\s+(?:herein\s+)?by\s+reference|"
    r"\bincorporates\s+the\b[^.]{0,80}?\b(?:Agreement|"
    r"Terms)\b|\b(?:Standard\s+Terms|Terms\s+and\s+"
    r"Conditions)\b[^.]{0,120}\b(?:available|posted|located|published|found)\s+at\b|"
    r"\b(?:subject\s+to|governed\s+by)\s+the\s+(?:Standard\s+Terms|\w+\s+Standard\s+Terms)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Protection:
    name: str
    status: str  # one of STATUSES
    evidence: int | None = None  # index of the paragraph that shows it
    detail: str = ""


@dataclass(frozen=True, slots=True)
class InsertionPoint:
    """Where a missing protection belongs: insert after paragraph ``index`` (its text as anchor)."""

    protection: str
    index: int
    text: str
    section_label: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Place:
    """Where a clause of one :class:`~noai.kinds.Placement` goes: after paragraph ``index``."""

    placement: Placement
    index: int
    text: str
    section_label: str | None
    reason: str
    like: int | None = None  # the paragraph whose level the clause takes (a lead-in whose list it follows)


@dataclass(frozen=True, slots=True)
class IpSection:
    title: str  # the section as its path shows it: "7 Intellectual Property"
    section_label: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Score:
    risk: int | None  # 0 safest .. 100 worst; None when the language is not supported
    grade: str | None  # A (low risk) .. F
    reasons: tuple[tuple[int, str], ...] = ()
    summary: str = ""  # the grade explained in one line


@dataclass(slots=True)
class AuditResult:
    filename: str | None
    language: str
    paragraphs: Sequence[Paragraph]
    terms: DefinedTerms
    findings: list[Finding]
    protections: list[Protection]
    insertion_points: list[InsertionPoint]
    score: Score
    ip_section: IpSection | None
    notes: list[str] = field(default_factory=list)
    places: dict[Placement, Place] = field(default_factory=dict)  # where each placement puts a clause
    ai_section: Place | None = None  # where clauses on AI use go in the document's own section on AI (_ai_section)
    parties: Parties = field(default_factory=Parties)
    we: We | None = None
    work_kind: WorkKind | None = None  # software | creative | data | general, detected or given
    negotiation: Negotiation | None = None  # what became of our last round (audit_document with a round)
    # a part that prevails (the face of an order, a statement of work) and keeps the creator's rights in what the rest
    # transfers (facts.prevailing_retention): read once, for the audit's note and the plan
    prevailing: Retention | None = None
    # every white-space-free chunk of the paragraphs' texts lower-cased (fast.Gates.vocabulary): a word it lacks is
    # in no paragraph (joined.Joined); None where the audit did not make it
    vocabulary: str | None = field(default=None, repr=False, compare=False)

    def protection(self, name: str) -> Protection | None:
        return next((p for p in self.protections if p.name == name), None)

    def score_summary(self) -> str:
        """ "62/100 (D)", or "not scored" for an unsupported language."""
        if self.score.risk is None:
            return "not scored"
        return f"{self.score.risk}/100 ({self.score.grade})"

    def to_dict(self) -> dict[str, Any]:
        texts = {i: self.paragraphs[i].text for i in _evidence_indexes(self.protections)}
        return {
            "schema": SCHEMA,
            "document": {"filename": self.filename, "paragraph_count": len(self.paragraphs), "language": self.language},
            "paragraphs": [_paragraph_dict(p) for p in self.paragraphs],
            "terms": self.terms.to_dict(),
            **self.parties.to_dict(self.paragraphs),
            "we": None if self.we is None else self.we.to_dict(),
            "work_kind": None if self.work_kind is None else self.work_kind.to_dict(),
            "ip_section": None
            if self.ip_section is None
            else {
                "title": self.ip_section.title,
                "section_label": self.ip_section.section_label,
                "start": self.ip_section.start,
                "end": self.ip_section.end,
            },
            "findings": [f.to_dict() for f in self.findings],
            "protections": {
                p.name: {
                    "title": (spec := protection_spec(p.name)).title,
                    "explanation": spec.explanation,
                    "status": p.status,
                    "detail": p.detail,
                    "evidence": None if p.evidence is None else {"index": p.evidence, "text": texts[p.evidence]},
                }
                for p in self.protections
            },
            "insertion_points": [
                {
                    "protection": ip.protection,
                    "index": ip.index,
                    "text": ip.text,
                    "section_label": ip.section_label,
                    "reason": ip.reason,
                }
                for ip in self.insertion_points
            ],
            "score": {
                "risk": self.score.risk,
                "grade": self.score.grade,
                "reasons": [{"points": pts, "why": why} for pts, why in self.score.reasons],
                "summary": self.score.summary,
                "legend": SCORE_LEGEND,
            },
            "notes": list(self.notes),
            **({} if self.negotiation is None else {"negotiation": self.negotiation.to_dict()}),
        }


def _evidence_indexes(protections: Sequence[Protection]) -> set[int]:
    return {p.evidence for p in protections if p.evidence is not None}


def _paragraph_dict(p: Paragraph) -> dict[str, Any]:
    return {
        "index": p.index,
        "text": p.text,
        "style": p.style_name or p.style_id,
        "label": p.label,
        "section_label": p.section_label,
        "heading": p.heading,
    }


# -- protections -----------------------------------------------------------------------------


def _first(findings: Sequence[Finding], kind: str, test: Callable[[Finding], bool] = lambda f: True) -> Finding | None:
    return next((f for f in findings if f.kind == kind and test(f)), None)


def _ai_restriction(findings: Sequence[Finding], creator: str) -> Finding | None:
    """The first operative restriction of AI use that binds the other side (not the creator's own AI
    tools; not a drafting note that describes the form's choices)."""
    return _first(
        findings,
        "existing_ai_restriction",
        lambda f: (
            f.attributes.get("polarity") == "restriction"
            and f.operative
            and f.attributes.get("restricted_party") != creator
            and f.attributes.get("covers") != "own"
        ),
    )


_COVENANT = re.compile(
    r"\b(?:shall|will|must|may|can)\s*not\b|\bagrees?\s+not\s+to\b|"
    r"\b(?:is|are)\s+(?:not\s+permitted|prohibited|forbidden|not\s+allowed)\b|\bprohibited\s+from\b|\bno\s+(?:\w+\s+){0,3}(?:shall|may|will)\b|"
    r"\brefrain\s+from\b|\bnot\s+to\s+(?:use|permit|allow)\b|\bcovenants?\s+not\b",
    re.IGNORECASE,
)
_TRAINING = re.compile(
    r"\b(?:pre-?)?train|\bfine-?tun|\bmachine[- ]learning\b|\bdevelop\w*\s+(?:or\s+improv\w+\s+)?"
    r"(?:an?\s+|any\s+)?(?:AI|artificial)|\b(?:improve|build)\s+(?:an?\s+|any\s+)?(?:AI|artificial)",
    re.IGNORECASE,
)
# a term defined, also as the other side qualified it ("“X, except …” means", "“X” (other than …) means"): X
_DEFINES = re.compile(
    r"[\"“]([^\"”,]{1,60})(?:,[^\"”]{0,80})?[\"”]\s+(?:\([^()]{1,120}\)\s+)?(?:means|shall\s+mean|has\s+the\s+meaning)"
)


def _covenant(paragraphs: Sequence[Paragraph], findings: Sequence[Finding], creator: str) -> Finding | None:
    """The first operative covenant that binds the other side and covers AI training, by its own words or
    through the definitions it uses ("shall not make any Prohibited AI Use", "Prohibited AI Use" defined
    as training ...): a definition, or an exclusion from a grant ("excluding any Prohibited AI Use"),
    alone restricts nothing."""
    definitions: dict[str, str] | None = None
    for f in findings:
        if (
            f.kind != "existing_ai_restriction"
            or f.attributes.get("polarity") != "restriction"
            or f.attributes.get("restricted_party") == creator
            or f.attributes.get("covers") == "own"
            or not f.operative
        ):
            continue
        for i in range(f.start, f.end + 1):
            if drafting_note(paragraphs[i].text):  # the form's note about its choices is no covenant
                continue
            for sentence in P.SENTENCE_BREAK.split(paragraphs[i].text):
                if not _COVENANT.search(sentence) or _DEFINES.search(sentence):
                    continue  # a definition restricts nothing, whatever words it holds
                if definitions is None:
                    definitions = {m.group(1): p.text for p in paragraphs for m in _DEFINES.finditer(p.text)}
                used = [text for term, text in definitions.items() if term in sentence]
                reach = " ".join(
                    [sentence, *used, *(text for term, text in definitions.items() if any(term in u for u in used))]
                )
                if (P.AI_TERM.search(sentence) or any(P.AI_TERM.search(u) for u in used)) and _TRAINING.search(reach):
                    return f
    return None


def _owed_by_other_side(text: str, mentions: Mentions, creator: str) -> bool:
    """A sentence of ``text`` has a duty to disclose that the creator does not owe: its subject (the last party
    named before the verb) is the client, both parties or no one named ("AI use must be disclosed"), not the
    creator disclosing its own tools ("Vendor will disclose … any AI tool Vendor intends to use")."""
    breaks = list(P.SENTENCE_BREAK.finditer(text))
    starts, ends = [0, *(b.end() for b in breaks)], [*(b.start() for b in breaks), len(text)]
    for start, end in zip(starts, ends, strict=True):
        verb = P.AI_TRANSPARENCY.search(text, start, end)
        if verb is not None and mentions.before(text, start, verb.start()) != creator:
            return True
    return False


def _ai_paragraphs(paragraphs: Sequence[Paragraph], findings: Sequence[Finding], creator: str) -> list[Paragraph]:
    """The paragraphs about AI (those the classifier found AI language in), leaving out the rules for
    the creator's own AI tools."""
    spans = [f for f in findings if f.kind == "existing_ai_restriction"]
    own = {i for f in spans if f.attributes.get("restricted_party") == creator for i in range(f.start, f.end + 1)}
    about_ai = sorted({i for f in spans for i in range(f.start, f.end + 1)} - own)
    return [p for i in about_ai if P.AI_TERM.search((p := paragraphs[i]).text) and not P.AI_TRAP.search(p.text)]


def _protections(
    paragraphs: Sequence[Paragraph],
    findings: Sequence[Finding],
    terms: DefinedTerms,
    creator: str,
    mentions: Mentions | None = None,
) -> list[Protection]:
    out = []
    ai = _covenant(paragraphs, findings, creator)
    if ai is not None:
        out.append(Protection("no_ai_restriction", PRESENT, ai.start, "The contract restricts AI use of the work."))
    elif _ai_restriction(findings, creator) is not None:
        out.append(
            Protection(
                "no_ai_restriction",
                MISSING,
                detail="The contract mentions AI use only in a definition, "
                "an exclusion or a clause that does not cover "
                "training; no covenant stops the other side "
                "training AI on the work.",
            )
        )
    else:
        out.append(
            Protection(
                "no_ai_restriction", MISSING, detail="No clause found that stops the work being used to train AI."
            )
        )
    out.append(_scope(paragraphs, findings, terms))
    reserved = _first(
        findings,
        "reservation_of_rights",
        lambda f: f.attributes.get("owner") in (creator, "unknown") and not f.attributes.get("kept"),
    )
    out.append(
        Protection("reservation_of_rights", PRESENT, reserved.start, "Rights not granted are reserved.")
        if reserved
        else Protection(
            "reservation_of_rights", MISSING, detail="No clause found that keeps the rights not expressly granted."
        )
    )
    indemnity = next(
        (
            f
            for f in findings
            if f.kind == "indemnification"
            and f.attributes.get("indemnitor") != creator
            and any(P.AI_TERM.search(paragraphs[i].text) for i in range(f.start, f.end + 1))
        ),
        None,
    )
    out.append(
        Protection("ai_indemnity", PRESENT, indemnity.start, "An indemnity covers AI misuse.")
        if indemnity
        else Protection("ai_indemnity", MISSING, detail="No indemnity found that covers misuse of the work for AI.")
    )
    about_ai = _ai_paragraphs(paragraphs, findings, creator)
    remedy = next((p for p in about_ai if P.AI_REMEDY.search(p.text)), None)
    out.append(
        Protection(
            "ai_remedies",
            PRESENT,
            remedy.index,
            "The contract gives remedies for AI misuse, such as "
            "an injunction or deletion of what was built from "
            "the work.",
        )
        if remedy
        else Protection(
            "ai_remedies",
            MISSING,
            detail="No injunction, certification or deletion remedy found for AI misuse of the work.",
        )
    )
    # A duty to disclose AI use protects the creator only when the other side owes it.
    own_duty = {
        i
        for f in findings
        if f.kind == "existing_ai_restriction" and f.attributes.get("discloser") == creator
        for i in range(f.start, f.end + 1)
    }
    disclosed = next(
        (
            p
            for p in about_ai
            if p.index not in own_duty
            and P.AI_TRANSPARENCY.search(p.text)
            and (mentions is None or _owed_by_other_side(p.text, mentions, creator))
        ),
        None,
    )
    out.append(
        Protection("ai_transparency", PRESENT, disclosed.index, "The contract requires disclosure of AI use.")
        if disclosed
        else Protection(
            "ai_transparency", MISSING, detail="No duty found to disclose whether the work goes into AI systems."
        )
    )
    out.append(_choice_of_law(about_ai, findings, creator))
    return out


def _scope(paragraphs: Sequence[Paragraph], findings: Sequence[Finding], terms: DefinedTerms) -> Protection:
    """Limited when every grant is tied to a purpose the document defines ("are granted solely for the
    Permitted Purpose"), or when the licence itself is scoped and no grant allows any purpose."""
    for p in paragraphs:
        if "granted" in p.text and (m := P.PURPOSE_CLAUSE.search(p.text)) and m.group(1) in terms.all:
            return Protection(
                "scope_limitation",
                PRESENT,
                p.index,
                f"Every licence is limited to the {m.group(1)}, which the contract defines.",
            )
    broad = _first(findings, "any_and_all_purposes", lambda f: f.severity in (HIGH, MEDIUM))
    scoped = next(
        (f for f in findings if f.kind == "license_grant" and f.severity != INFO and f.attributes.get("scope")), None
    )
    if scoped and not broad:
        return Protection(
            "scope_limitation", PRESENT, scoped.start, f'The licence is limited: "{scoped.attributes["scope"]}".'
        )
    limited = None if broad else next(filter(None, (_limited_grant(f, paragraphs) for f in findings)), None)
    if limited is not None:  # limited by its period, territory, media or named purpose
        return Protection("scope_limitation", PRESENT, limited[0], f'The licence is limited: "{limited[1]}".')
    why = "A grant allows use for any purpose." if broad else "No grant found that limits use to a stated purpose."
    return Protection("scope_limitation", MISSING, detail=why)


def _limited_grant(f: Finding, paragraphs: Sequence[Paragraph]) -> tuple[int, str] | None:
    """The paragraph and the words of a licence to the other side limited by its own period, territory,
    media or named purpose (in the grant's sentence, with the uses it lists under its lead-in), else ``None``."""
    if f.kind != "license_grant" or f.severity == INFO or f.negated:
        return None
    text = f.paragraph_text
    end = text.find(". ", f.phrase_end)
    m = P.LIMITED_GRANT.search(text, f.phrase_start, len(text) if end < 0 else end)
    if m is None:  # or a purpose it names: "for the Purpose", "for running X's business", "(a) in the Film; …"
        named = named_purpose(text, f.phrase_start, len(text) if end < 0 else end)
        if named is None and (items := listed_uses(f, paragraphs)):
            named = named_purpose(text[f.phrase_start :] + " " + items)
        return (f.start, named) if named else None
    return (f.start, m.group(0))


def _choice_of_law(about_ai: Sequence[Paragraph], findings: Sequence[Finding], creator: str) -> Protection:
    """The creator's home law (for the whole contract or for its AI terms), or an injunction in any court
    against AI misuse whatever law governs (looked for in the paragraphs ``about_ai``)."""
    laws = [f for f in findings if f.kind == "governing_law"]
    home = next((f for f in laws if f.attributes.get("favours") == creator), None)
    if home is not None:
        law = home.attributes.get("law") or "The law the contract names"
        are = "are" if re.match(r"(?:the\s+)?laws\b", law, re.IGNORECASE) else "is"  # "The laws of Ontario are"
        return Protection(
            "choice_of_law", PRESENT, home.start, f"{law[:1].upper()}{law[1:]} {are} the creator's home law."
        )
    carve_out = next(
        (p for p in about_ai if P.INJUNCTION_ANYWHERE.search(p.text) and P.LAW_CONTEXT.search(p.text)), None
    )
    if carve_out is not None:
        return Protection(
            "choice_of_law",
            PRESENT,
            carve_out.index,
            "Whatever law governs, the creator may seek an injunction against AI misuse in any court.",
        )
    if not laws:
        return Protection("choice_of_law", MISSING, detail="The contract names no governing law.")
    law = laws[0]
    place = law.attributes.get("law") or "a law it does not name"
    if law.attributes.get("favours", "unknown") == "unknown":
        return Protection(
            "choice_of_law",
            UNKNOWN,
            law.start,
            f"Governed by {place}; whether that is the creator's home law is not known.",
        )
    return Protection("choice_of_law", MISSING, law.start, f"Governed by {place}, the other side's home law.")


# -- sections and insertion points ---------------------------------------------------------------


class _SectionRuns:
    """The run of paragraphs around an index that share its section path to a depth: each depth's
    runs are found in one pass over the document, then looked up (linear, not one walk a call)."""

    def __init__(self, paragraphs: Sequence[Paragraph]):
        self.paragraphs = paragraphs
        self._by_depth: dict[int, list[tuple[int, int]]] = {}

    def __call__(self, index: int, depth: int) -> tuple[int, int]:
        runs = self._by_depth.get(depth)
        if runs is None:
            runs = self._by_depth[depth] = self._runs(depth)
        return runs[index]

    def _runs(self, depth: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for _, run in groupby(p.section_path[:depth] for p in self.paragraphs):
            start, n = len(out), len(list(run))
            out += [(start, start + n - 1)] * n
        return out


def _titled_end(paragraphs: Sequence[Paragraph], start: int, end: int) -> tuple[int, int]:
    """A section that is only its title: a bold unnumbered heading ("Copyright and licence") over clauses
    whose typed numbers ("3.", "4.") the numbering does not nest under it. Its clauses run on to the next
    such title ("Fee", "General"), so the clauses of later titles (governing law) never end it."""
    if any(p.text.strip() and not bare_title(p) for p in paragraphs[start : end + 1]):
        return start, end
    for k in range(end + 1, len(paragraphs)):
        q = paragraphs[k]
        if q.text.strip():
            if bare_title(q) or q.in_table != paragraphs[start].in_table or P.SIGNATURE.match(q.text):
                break
            end = k
    return start, end


def _group_end(paragraphs: Sequence[Paragraph], start: int) -> int:
    """The last clause of the group ``paragraphs[start]`` is in when a bare title heads a group of typed
    clauses the numbering does not nest under it ("Rights and Payment" over "5. … grants …", "6. … fee …",
    "7. Copyright … remains …", then "Credit"): the group runs to the next such title. Else ``start``."""
    if bare_title(paragraphs[start]):
        return start
    for k in range(start - 1, -1, -1):
        q = paragraphs[k]
        if not q.text.strip():
            continue
        if bare_title(q):
            nested = any(
                paragraphs[j].section_path[: len(q.section_path)] == q.section_path for j in range(k + 1, start + 1)
            )
            return start if nested or q.in_table else _titled_end(paragraphs, k, k)[1]
        if not q.is_heading or q.in_table:  # a preamble or body text: no group of typed clauses
            return start
    return start


def _ip_section(
    paragraphs: Sequence[Paragraph], findings: Sequence[Finding], body_end: int | None, runs: _SectionRuns
) -> IpSection | None:
    """The section a reader calls the IP section.

    A section of the main terms comes before one of a part appended after them (an addendum whose
    numbering starts again at 1). Then, first, a heading titled like an IP section over a body about
    rights in the work (:func:`~noai.analysis.sections.is_ip_heading`: Intellectual Property,
    Ownership, Proprietary Rights, Rights in Data, Title of the work …; never a feature bullet or a
    goods-title clause); then a top-level licence title (Rights Granted to …, Licence Grant); else
    the numbered section holding most grants of the creator's rights (top level, or one deeper when
    the top level is a document-wide title); then a nested licence title; last, a "Reservation of
    Rights" heading. A titled section runs on over the IP sections that follow it (its block). Among
    equals, the one whose block holds most grant findings, then one in the operative terms rather
    than in a schedule, then the first.
    """
    grants = sorted(f.start for f in findings if f.kind in GRANT_KINDS and not paragraphs[f.start].in_table)
    creators = [
        f.start for f in findings if f.kind in GRANT_KINDS and f.severity != INFO and not paragraphs[f.start].in_table
    ]
    appended = _appended_part(paragraphs)
    headings = [p for p in paragraphs if p.is_heading and p.section_path and not p.in_table]
    # "Ownership", "Intellectual Property"; then "Rights Granted", "Licence Grant" at the top level (one
    # nested in a section that holds the grants is part of that section)
    titled: list[tuple[int, int]] = []
    licensing: list[tuple[int, int]] = []
    nested: list[tuple[int, int]] = []
    titles = [p.section_path[-1] for p in headings]
    # a title that cannot be an IP title is skipped before its section is copied
    for p in map(headings.__getitem__, fast.may_holding(titles, fast.IP_TITLE_NEEDS)):
        depth = len(p.section_path)
        if (
            not sentence_heading(p)  # "2.1 The Artist keeps the copyright in the Artwork." is no title
            and is_ip_heading(p, paragraphs[slice(*_through(runs(p.index, depth)))])
        ):
            top = depth <= (_vote_depth(runs, p.index) or 1)
            (titled if not licence_title(p.section_path[-1]) else licensing if top else nested).append((p.index, depth))
    reserving = [
        (p.index, len(p.section_path))
        for p in map(headings.__getitem__, fast.may_holding(titles, fast.RESERVATION_NEEDS))
        if fast.holds(P.HEADINGS["reservation"], p.section_path[-1])
    ]
    by_path = {paragraphs[f].section_path: f for f in reversed(creators)}  # one grant per section suffices
    by_vote = [(f, d) for f in by_path.values() if (d := _vote_depth(runs, f))]
    # a section and the IP sections after it are one block (Ownership, Licence to Company, Moral Rights ...):
    # the block's votes count, and its start is the IP section
    rights = {i for f in findings if f.kind in _BLOCK_KINDS for i in range(f.start, f.end + 1)}
    ranked = []
    for rank, candidates in enumerate((titled, licensing, by_vote, nested, reserving)):
        for index, depth in candidates:
            start, end = _titled_end(paragraphs, *runs(index, depth))
            if rank == 2:  # a clause found by its grants, in a group of typed clauses under a bold title
                end = max(end, _group_end(paragraphs, start))
            end = block_end(paragraphs, runs, start, end, depth, rights, set(creators))
            while end > start and bare_title(paragraphs[end]):  # the next group's title, nested by the reader
                end -= 1
            votes = bisect_right(grants, end) - bisect_left(grants, start)
            in_body = body_end is None or start <= body_end
            ranked.append(
                (
                    appended is None or start < appended,
                    -rank,
                    votes,
                    in_body,
                    paragraphs[start].section_label is not None,
                    -start,
                    start,
                    end,
                    depth,
                )
            )
    if not ranked:
        return None
    *_, start, end, depth = max(ranked)
    head = paragraphs[start]
    title = head.section_path[depth - 1]
    # a clause whose "title" is its sentence: "5 In return for the payments below, …", "2.1 All copyright and …"
    if depth == len(head.section_path) and (sentence_heading(head) or title.endswith("…")):
        title = _sentence_section_title(paragraphs, start) or title
    return IpSection(title=title, section_label=head.section_label, start=start, end=end)


def _sentence_section_title(paragraphs: Sequence[Paragraph], start: int) -> str | None:
    """The title a reader knows an IP section by whose first clause is a sentence ("5. In return for the payments
    below, the Illustrator grants …", "2.1 All copyright … shall be vested …"), not that sentence's first words:
    the bare title over its group of typed clauses where it opens that group ("Rights and Payment"), else the
    clause by its number as the document refers to it ("paragraph 5", "clause 2.1"); ``None`` for a clause with no
    number."""
    for k in range(start - 1, -1, -1):
        q = paragraphs[k]
        if not q.text.strip():
            continue
        nested = paragraphs[start].section_path[: len(q.section_path)] == q.section_path  # numbered under it
        if bare_title(q) and not q.in_table and not nested:
            return " ".join(q.text.split())
        break
    head = paragraphs[start]
    if not head.section_label:
        return None
    texts = [p.text for p in paragraphs]
    word = clause_word(texts, paragraphs=paragraphs) or "clause"
    return f"{word.lower() if word != 'Section' else word} {head.section_label}"


_NUMBER = re.compile(r"\d+")


_BLOCK_KINDS = frozenset(
    {
        *GRANT_KINDS,
        "reservation_of_rights",
        "feedback_usage_data",
        "moral_rights_waiver",
        "derivative_works",
        "perpetual_irrevocable",
    }
)


def _through(run: tuple[int, int]) -> tuple[int, int]:
    """A run's ``start, end`` (inclusive) as slice bounds."""
    return run[0], run[1] + 1


def _appended_part(paragraphs: Sequence[Paragraph]) -> int | None:
    """Where a second numbered part starts: the first top-level heading numbered 1 after one numbered 2 or more."""
    highest = 0
    for p in paragraphs:
        if p.is_heading and len(p.section_path) == 1 and p.section_label and (n := _NUMBER.search(p.section_label)):
            if int(n.group()) == 1 and highest >= 2:
                return p.index
            highest = max(highest, int(n.group()))
    return None


def _vote_depth(runs: _SectionRuns, index: int) -> int | None:
    """The shallowest level of the paragraph's path that is not a document-wide title."""
    paragraphs = runs.paragraphs
    for depth in range(1, len(paragraphs[index].section_path) + 1):
        start, end = runs(index, depth)
        if end - start + 1 <= len(paragraphs) * 0.6:
            return depth
    return None


def _last_body(paragraphs: Sequence[Paragraph], start: int, end: int, tables: bool = False) -> int | None:
    """The last paragraph of body text in ``start..end``: not empty, not a bare heading, not a signature
    line, and outside tables (a cover-page table is no place for a clause) unless ``tables``."""
    for i in range(end, start - 1, -1):
        p = paragraphs[i]
        if p.text.strip() and (tables or not p.in_table) and not P.SIGNATURE.match(p.text) and not bare_title(p):
            return i
    return None


# A letter's or an email's closing on a line of its own ("Cheers,", "Kind regards, Ana", "Yours sincerely"):
# what follows is its signature, no place for a clause.
_SIGN_OFF = re.compile(
    r"\s*(?:(?:best|kind|warm|warmest|many|with\s+best)?\s*(?:regards|wishes|thanks)|best|cheers|thanks|"
    r"thank\s+you|sincerely|yours(?:\s+(?:sincerely|faithfully|truly|ever))?|all\s+the\s+best|"
    r"(?:very\s+)?(?:sincerely|truly|faithfully)\s+yours|speak\s+soon|talk\s+soon|take\s+care)"
    r"\s*[,.!]?(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}\s*",
    re.IGNORECASE,
)


def _signed_off(p: Paragraph) -> bool:
    return len(p.text) <= 40 and _SIGN_OFF.fullmatch(p.text) is not None


def _operative_end(paragraphs: Sequence[Paragraph], findings: Sequence[Finding]) -> int | None:
    """The last paragraph of the operative terms: before the signature block, a letter's closing or the
    schedules."""
    body_from = min((f.start for f in findings), default=len(paragraphs) // 3)
    cut = next(
        (
            p.index
            for p in paragraphs[body_from + 1 :]
            if P.SIGNATURE.match(p.text) or (P.BACK_MATTER.match(p.text) and (p.is_heading or p.bold)) or _signed_off(p)
        ),
        len(paragraphs),
    )
    # A document that is all cover-page tables (Bonterms, Common Paper SOW) takes its last cell.
    return _last_body(paragraphs, 0, cut - 1) or _last_body(paragraphs, 0, cut - 1, tables=True)


def _places(
    paragraphs: Sequence[Paragraph],
    findings: Sequence[Finding],
    ip: IpSection | None,
    creator: str,
    fallback: int | None,
    runs: _SectionRuns,
) -> dict[Placement, Place]:
    """The paragraph each placement puts a clause after; ``fallback`` is the end of the operative terms.
    A placement with no paragraph of its own falls back to the end of the operative terms; a
    separate document has no place in this one."""
    risky = [f for f in findings if f.kind in GRANT_KINDS and f.severity != INFO]
    anchors: dict[Placement, tuple[int | None, str]] = {}
    # a grant in the body text, else a cover page's row for changes to the standard terms (where a change
    # is legally effective), else a grant that is itself a cover-page row
    last_grant = _last_body(paragraphs, risky[-1].start, risky[-1].end) if risky else None
    if ip is not None and (end := _last_body(paragraphs, ip.start, ip.end)) is not None:
        # "end of the Rights and Payment section"; a clause named by its number: "end of paragraph 5"
        said = f"end of {ip.title}" if ip.title[:1].islower() else f"end of the {ip.title} section"
        ip_anchor: tuple[int | None, str] = (end, said)
    elif last_grant is not None:  # an IP section with no body of its own ends at its grant, not the operative end
        ip_anchor = (last_grant, "right after the last grant of rights")
    elif (row := changes_row(paragraphs)) is not None:
        ip_anchor = (row, "no IP section: in the cover page's row for changes to the standard terms")
    elif risky:
        ip_anchor = (
            _last_body(paragraphs, risky[-1].start, risky[-1].end, tables=True),
            "right after the last grant of rights",
        )
    else:
        ip_anchor = (fallback, "no IP section: at the end of the operative terms, before the signatures")
    floor = ip.start if ip is not None else 0
    ip_anchor = _appended(paragraphs, ip_anchor, floor)
    anchors[Placement.END_OF_IP_SECTION] = ip_anchor
    grant = next((f for f in risky if f.kind == FindingKind.LICENSE_GRANT), None)
    after_grant = (  # right after the grant (and its lead-in's list); Word's numbers: at its clause's end
        _appended(
            paragraphs,
            (_last_body(paragraphs, grant.start, grant.end), "right after the licence grant"),
            grant.start,
            typed=False,
        )
        if grant
        else (None, "")
    )
    anchors[Placement.AFTER_GRANT] = after_grant if after_grant[0] is not None else ip_anchor
    anchors[Placement.AFTER_INDEMNITY] = (
        _clause_end(paragraphs, findings, FindingKind.INDEMNIFICATION, runs, "end of the indemnification clause")
        or ip_anchor
    )
    anchors[Placement.AFTER_LIABILITY_CAP] = (
        _clause_end(
            paragraphs, findings, FindingKind.LIMITATION_OF_LIABILITY, runs, "end of the limitation of liability"
        )
        or ip_anchor
    )
    law = _first(findings, FindingKind.GOVERNING_LAW)
    anchors[Placement.AFTER_GOVERNING_LAW] = (
        (_last_body(paragraphs, law.start, law.end), "right after the governing-law clause")
        if law
        else (fallback, "no governing-law clause: at the end of the operative terms")
    )
    restriction = _ai_restriction(findings, creator)
    anchors[Placement.AFTER_AI_RESTRICTION] = (
        (_last_body(paragraphs, restriction.start, restriction.end), "right after the AI restriction")
        if restriction
        else ip_anchor
    )
    anchors[Placement.END_OF_DOCUMENT] = (fallback, "at the end of the operative terms, before the signatures")
    anchors[Placement.APPENDIX] = (
        _last_body(paragraphs, 0, len(paragraphs) - 1, tables=True),
        "at the end of the document, as an appendix",
    )
    out = {}
    for placement, (index, reason) in anchors.items():
        if index is None:
            index, reason = fallback, "at the end of the operative terms"
        if index is not None:
            out[placement] = _place(paragraphs, placement, index, reason)
    return out


def _place(paragraphs: Sequence[Paragraph], placement: Placement, index: int, reason: str) -> Place:
    """The :class:`Place` after paragraph ``index``, at the level of the lead-in or typed sub-clause it ends."""
    p = paragraphs[index]
    lead = _lead_in(paragraphs, index, 0)
    like = lead if lead is not None and _ends_list(paragraphs, index, lead) else _typed_sub_clause(paragraphs, index)
    return Place(placement, index, p.text, p.section_label, reason, like)


# A heading about the use of AI: "Use of Artificial Intelligence", "Artificial Intelligence Tools", "AI",
# "Machine Learning", "Generative AI"
_AI_HEADING = re.compile(
    r"\b(?:artificial\s+intelligence|machine[\s-]+learning|(?-i:AI|A\.I\.))(?![\w.])", re.IGNORECASE
)


# A clause that rules on training a model ("Provider may not use Customer's Inputs or Outputs to Train any Model",
# "Customer Content may be used to develop, train, or enhance ... models")
_TRAINS = re.compile(r"\b(?:pre-?)?train(?:s|ed|ing)?\b|\bfine-?tun", re.IGNORECASE)
# The creator is the other side's employee ("Employee", "the Executive")
_EMPLOYEE = re.compile(r"\b(?:employee|executive|staff\s+member)s?\b", re.IGNORECASE)


def _training_clause(
    paragraphs: Sequence[Paragraph], findings: Sequence[Finding], start: int, end: int
) -> tuple[int, str] | None:
    """The last paragraph of the first sub-clause of ``start..end`` that restricts or permits training a model
    (whichever side it binds: the covenant answers it either way), and its number and title; ``None`` where the
    section has none."""
    for f in findings:
        if not (start < f.start <= end) or f.kind != "existing_ai_restriction" or not f.operative:
            continue
        p = paragraphs[f.start]
        if f.attributes.get("polarity") not in ("restriction", "permission") or drafting_note(p.text):
            continue
        if not _TRAINS.search(p.text):
            continue
        depth, last = len(p.section_path), f.start
        for q in paragraphs[f.start + 1 : end + 1]:
            if q.section_path[:depth] != p.section_path or (q.is_heading and len(q.section_path) <= depth):
                break
            last = q.index
        body = _last_body(paragraphs, f.start, last)
        if body is not None:
            name = " ".join(x for x in (p.section_label, p.run_in_title) if x) or f"paragraph {f.start}"
            return body, name
    return None


def _binds_other_side(findings: Sequence[Finding], start: int, end: int, creator: str) -> bool:
    """A clause of ``start..end`` restricts or permits AI use by the side that receives the work."""
    return any(
        start < f.start <= end
        and f.kind == "existing_ai_restriction"
        and f.attributes.get("restricted_party", f.attributes.get("permitted_party")) not in (None, creator, "unknown")
        for f in findings
    )


def _ai_section(
    paragraphs: Sequence[Paragraph],
    ip: IpSection | None,
    findings: Sequence[Finding] = (),
    terms: DefinedTerms | None = None,
) -> Place | None:
    """Where the clauses on AI use go in the document's own section on artificial intelligence (a heading that
    is a title alone about AI or machine learning, with body text under it) rather than at the IP section's
    end (:func:`noai.planning.placement.place_clauses`): right after its clause on training a model, which the
    covenant then answers; else at the section's end. ``None`` where there is no such section, where it is (or
    lies within) the IP section, or where the creator is the other side's employee and the section only rules
    on the employee's own AI tools: a workplace duty like confidentiality, no place for what binds the
    employer (the covenant stays with the licence or assignment it limits)."""
    creator = (terms.creator if terms is not None else None) or "provider"
    side = getattr(terms, creator, None) if terms is not None else None
    employee = side is not None and _EMPLOYEE.search(side.name) is not None
    for p in paragraphs:
        if not p.is_heading or p.in_table or not bare_title(p) or not _AI_HEADING.search(p.text):
            continue
        if ip is not None and ip.start <= p.index <= ip.end:
            return None
        depth, end = len(p.section_path), p.index
        for q in paragraphs[p.index + 1 :]:
            if q.section_path[:depth] != p.section_path:
                break
            end = q.index
        last = _last_body(paragraphs, p.index + 1, end) if end > p.index else None
        if last is None:
            continue
        title = " ".join(p.section_path[-1].split())
        training = _training_clause(paragraphs, findings, p.index, end)
        if training is not None:
            index, reason = _settled(
                paragraphs,
                (training[0], f"right after the clause on training a model ({training[1]}) in the {title} section"),
                p.index,
            )
        elif employee and not _binds_other_side(findings, p.index, end, creator):
            return None
        else:
            index, reason = _appended(paragraphs, (last, f"end of the {title} section"), p.index)
        return None if index is None else _place(paragraphs, Placement.END_OF_IP_SECTION, index, reason)
    return None


def _typed_sub_clause(paragraphs: Sequence[Paragraph], index: int) -> int | None:
    """The typed sub-clause ("4.3<TAB>The Supplier ...") whose unnumbered closing paragraphs ("[End of
    Option 2]", a last sentence) paragraph ``index`` ends: a clause inserted after it takes that
    sub-clause's level and the next typed number ("4.4"), like the clauses before it. ``None`` when
    the paragraph is numbered itself, or more of that sub-clause follows it."""
    p = paragraphs[index]
    if p.is_heading or p.in_table or p.label is not None or typed_number(p.text) or len(p.section_path) < 2:
        return None
    head = next((j for j in range(index - 1, max(-1, index - _MAX_LIST), -1) if paragraphs[j].is_heading), None)
    if head is None or paragraphs[head].section_path != p.section_path or paragraphs[head].in_table:
        return None
    typed = typed_number(paragraphs[head].text)
    if typed is None or not re.fullmatch(r"\d+(\.\d+)+\.?", typed[0]):
        return None  # a sub-clause "4.3", not a clause of the agreement "4." nor a list item "(c)"
    title = paragraphs[head].text.strip()[len(typed[0]) :]
    if len(title.strip()) < 80 and not re.search(r"[.;:,]\s+\S", title):
        return None  # "6.10 Rights in Data" over its body: a new clause there is a titled clause of its own
    after = next((q for q in paragraphs[index + 1 :] if q.text.strip()), None)
    return head if after is None or after.section_path != p.section_path else None


def _list_end(paragraphs: Sequence[Paragraph], index: int, lead: int) -> int:
    """The last item of the list the lead-in ``lead`` governs, from its item ``index`` on."""
    depth, end = _depth(paragraphs[lead]), index
    for k in range(index + 1, min(len(paragraphs), index + _MAX_LIST)):
        if paragraphs[k].text.strip():
            if _depth(paragraphs[k]) <= depth:
                break
            end = k
    return end


def _ends_list(paragraphs: Sequence[Paragraph], index: int, lead: int) -> bool:
    """Whether paragraph ``index`` is the last item of the list the lead-in ``lead`` governs: a clause
    inserted after it at the lead-in's level follows the whole list and renumbers nothing."""
    after = next((q for q in paragraphs[index + 1 :] if q.text.strip()), None)
    return after is None or _depth(after) <= _depth(paragraphs[lead])


_LEAD_IN = re.compile(r"[:\u2014]\s*$")  # "... shall constitute any warranty that:"
# The operative words of the agreement itself, before its clauses: "NOW IT IS HEREBY AGREED as follows:", "The
# parties agree as follows:", "NOW, THEREFORE, in consideration of …, the parties hereto agree as follows:", "NOW
# THIS DEED WITNESSES as follows:". They introduce the whole agreement, not a list: every clause after them is not
# an item of theirs (an insertion at the end of clause 4 is not moved to the end of the agreement).
# "WHEREBY IT IS MUTUALLY AGREED as follows concerning the work … (hereinafter called "the Work"):" too: an adverb
# before "agreed", and after "as follows" what the agreement concerns, up to its colon.
_OPERATIVE = re.compile(
    r"\b(?:it\s+is\s+(?:hereby\s+|\w+ly\s+)*agreed|(?:the\s+)?parties(?:\s+(?:hereto|hereby|each|\w+ly))*\s+agree|"
    r"(?:agreement|deed)\s+witnesse(?:s|th))\b(?:[^:;.]{0,40}|\s+as\s+follows\b[^:;]{0,200})[:\u2014]\s*$",
    re.IGNORECASE,
)
_ITEM = re.compile(
    r"^\s*(?:\(\s*[a-z0-9]{0,4}\s*\)|[a-z0-9]{1,4}[.)]|[\u2022\u00b7\u25aa\u25e6\u2013*-])\s", re.IGNORECASE
)
_OPTION = re.compile(r"\s*\[\s*(?:option|alternative|alt\.?|either|variant)\b", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|bullet", re.IGNORECASE)
_MAX_LIST = 40  # items a lead-in may govern


def _depth(p: Paragraph) -> int:
    """How deep a paragraph sits: its numbering level, else its section depth, one deeper for a typed
    list marker ("(b) ", "- ", "(   ) ") or a list style."""
    if p.num_id is not None and p.ilvl is not None:
        return p.ilvl
    typed = bool(_ITEM.match(p.text)) or bool(p.style_name and _LIST_STYLE.search(p.style_name))
    return len(p.section_path) + typed


def _lead_in(paragraphs: Sequence[Paragraph], index: int, floor: int) -> int | None:
    """The lead-in ("... that:") whose list paragraph ``index`` is an item of: the nearest paragraph
    before it that sits higher, when it ends with a colon."""
    depth = _depth(paragraphs[index])
    for j in range(index - 1, max(floor, index - _MAX_LIST) - 1, -1):
        p = paragraphs[j]
        if p.text.strip() and _depth(p) < depth:
            return j if _LEAD_IN.search(p.text) and not _operative(p) else None
    return None


def _operative(p: Paragraph) -> bool:
    """``p`` is the agreement's operative lead-in ("IT IS AGREED as follows:"), a paragraph of no clause
    (unnumbered) that governs no list: a numbered "7.3 The parties agree as follows:" still introduces its items."""
    return p.label is None and typed_number(p.text) is None and bool(_OPERATIVE.search(p.text))


def _appended(
    paragraphs: Sequence[Paragraph], anchor: tuple[int | None, str], floor: int, typed: bool = True
) -> tuple[int | None, str]:
    """The end of the IP section :func:`_settled` (out of lead-in lists and bracketed options), then, where the numbered
    sub-clause it ends ("2.2", or the lead-in "2.2 ... that:" whose list it ends) is followed by sub-clauses
    of the same clause ("2.3 ..."), moved to the end of that clause: appended there, a clause renumbers none
    of them, nor any reference to them. Not ``typed``: only a sub-clause Word numbers moves so (after a typed
    "2.2" the clause is numbered "2.2A" by the writer, which moves nothing either, right where it is)."""
    index, reason = _settled(paragraphs, anchor, floor)
    if index is None:
        return index, reason
    lead = _lead_in(paragraphs, index, 0)
    clause = lead if lead is not None and _ends_list(paragraphs, index, lead) else index
    p = paragraphs[clause]
    written = typed_number(p.text)
    number = p.label or (written[0] if written else None)
    if len(p.section_path) < 2 or number is None or (not typed and p.label is None):
        return index, reason  # body text under a sub-clause's own heading: a headed clause is appended to
    if re.fullmatch(r"\s*\d+\.?\s*", number):
        return index, reason  # a clause of the agreement itself ("7."): the clauses after it are not its own
    parent = p.section_path[:-1]
    end = index
    for k in range(index + 1, len(paragraphs)):
        q = paragraphs[k]
        if q.text.strip():
            if q.section_path[: len(parent)] != parent or q.in_table != p.in_table:
                break
            end = k
    last = _last_body(paragraphs, index + 1, end) if end > index else None
    if last is None:
        return index, reason
    return _settled(paragraphs, (last, f"{reason}, at the end of its clause (no sub-clause renumbers)"), floor)


def _governs(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """Paragraph ``index`` is a lead-in ("... the following rights:") and the paragraph after it an item of its list."""
    if not _LEAD_IN.search(paragraphs[index].text) or _operative(paragraphs[index]):
        return False
    after = next((q for q in paragraphs[index + 1 : index + _MAX_LIST] if q.text.strip()), None)
    return after is not None and _depth(after) > _depth(paragraphs[index])


def _open_bracket(paragraphs: Sequence[Paragraph], index: int, floor: int) -> int | None:
    """The paragraph opening the bracketed block ("[Option 1 ...") that paragraph ``index`` is in or
    closes: an insertion right after an alternative would read as part of it."""
    depth, opener = 0, None
    for k in range(floor, index + 1):
        text = paragraphs[k].text
        before = depth
        if text.lstrip().startswith("["):
            opener = k
        depth = max(0, depth + text.count("[") - text.count("]"))
        if before == 0 and depth > 0 and opener != k:
            opener = k
    if depth > 0:
        return opener
    closes = paragraphs[index].text.rstrip().endswith("]")
    # a closed one-paragraph bracket is a fill-in ("[  ]", "[insert date]") unless it names an alternative
    return opener if closes and opener is not None and _OPTION.match(paragraphs[opener].text) else None


def _settled(paragraphs: Sequence[Paragraph], anchor: tuple[int | None, str], floor: int) -> tuple[int | None, str]:
    """The anchor moved out of what an insertion must not join: a list governed by a lead-in (the new
    clause would read as one more item of "... any warranty that:") or a bracketed alternative
    ("[Option 1 ...]", gone if the parties pick the other). It goes before the lead-in or the block, or
    stays after a lead-in list's last item (the plan gives the clause the lead-in's level)."""
    index, reason = anchor
    for _ in range(6):  # a lead-in inside an option block, or the reverse; several alternatives in a row
        if index is None:
            break
        # the anchor is a lead-in itself (a grant "... the following rights:"), or an item of one's list
        # (found above the floor too: a grant that is item (b) starts below its lead-in)
        lead = index if _governs(paragraphs, index) else _lead_in(paragraphs, index, 0)
        opener = _open_bracket(paragraphs, index, floor)
        end = _list_end(paragraphs, index, lead) if lead is not None and opener is None else None
        if end is not None and paragraphs[end].section_path[:1] == paragraphs[index].section_path[:1]:
            return end, f"{reason}, after the list the lead-in (paragraph {lead}) governs, at its level"
        start = lead if lead is not None else opener
        if start is None:
            break
        moved = _last_body(paragraphs, floor, start - 1) if start > floor else None
        what = "a list governed by a lead-in" if lead is not None else "a bracketed alternative"
        index, reason = moved, f"{reason}, before {what} (paragraph {start})"
    return index, reason


def _clause_end(
    paragraphs: Sequence[Paragraph], findings: Sequence[Finding], kind: FindingKind, runs: _SectionRuns, reason: str
) -> tuple[int | None, str] | None:
    """The end of the longest clause of ``kind`` (its enclosing section, when one level up holds it)."""
    clause = max((f for f in findings if f.kind == kind), key=lambda f: (f.end - f.start, -f.start), default=None)
    if clause is None:
        return None
    s, e = runs(clause.start, max(1, len(paragraphs[clause.start].section_path) - 1))
    return _last_body(paragraphs, max(s, clause.start), max(e, clause.end)), reason


_ON_AI = frozenset({Prot.NO_AI_RESTRICTION, Prot.AI_INDEMNITY, Prot.AI_REMEDIES, Prot.AI_TRANSPARENCY})


def _insertion_points(
    protections: Sequence[Protection], places: dict[Placement, Place], ai_section: Place | None = None
) -> list[InsertionPoint]:
    """Where each protection that is not present belongs: the place of its spec row's placement; for one on AI
    use that would end the IP section, the end of the document's own section on AI where it has one."""
    out = []
    ip_end = places.get(Placement.END_OF_IP_SECTION)
    for prot in protections:
        place = places.get(protection_spec(prot.name).placement)
        if ai_section is not None and prot.name in _ON_AI and place and ip_end and place.index == ip_end.index:
            place = ai_section
        if prot.status not in (PRESENT, PROPOSED) and place is not None:
            out.append(InsertionPoint(prot.name, place.index, place.text, place.section_label, place.reason))
    return out


# -- score --------------------------------------------------------------------------------------------


def _weight(row: KindSpec, severity: str) -> Weight | None:
    """The row's weight at ``severity`` (a finding's severity is the str of a Severity)."""
    weight: Weight | None = row.weights.get(severity)  # type: ignore[call-overload]  # Severity is a StrEnum
    return weight


# each kind's spec row and its rank in the spec (ties of grant weights), by the finding's kind string
_KIND_ROWS: dict[str, tuple[int, KindSpec]] = {str(kind): (rank, row) for rank, (kind, row) in enumerate(KINDS.items())}


def _score(findings: Sequence[Finding], protections: Sequence[Protection]) -> Score:
    """The weights of the spec rows (:mod:`noai.kinds`): the heaviest grant of the work (else a
    fixed weight when the contract grants nothing), then each other kind once at the first
    severity it has a weight for, then the protections' points by status."""
    by_kind: dict[str, list[Finding]] = {}
    for f in findings:
        by_kind.setdefault(f.kind, []).append(f)
    grants = [
        (w.points, -rank, w.why)
        for f in findings
        for rank, row in (_KIND_ROWS.get(f.kind, (0, None)),)
        if row is not None and row.grant and (w := _weight(row, f.severity))
    ]
    reasons: list[tuple[int, str]] = []
    if grants:
        points, _, why = max(grants)
        reasons.append((points, why))
    elif not any(f.kind in GRANT_KINDS for f in findings):
        reasons.append(NO_IP_TERMS)
    for kind, row in KINDS.items():
        weight = (
            None if row.grant else next((w for f in by_kind.get(kind, ()) if (w := _weight(row, f.severity))), None)
        )
        if weight is not None:
            reasons.append((weight.points, weight.why))
    status = {p.name: p.status for p in protections}
    for name, spec in PROTECTIONS.items():
        weight = spec.present if status.get(name) in (PRESENT, PROPOSED) else spec.absent
        if weight is not None:
            reasons.append((weight.points, weight.why))
    bound = _bound(findings, sum(points for points, _ in reasons))
    if bound is not None:
        reasons.append(bound)
    risk = max(0, min(100, sum(points for points, _ in reasons)))
    grade = next(g for limit, g in GRADES if risk < limit)
    return Score(risk, grade, tuple(reasons), _summary(grade, reasons, findings, bound is not None))


def _bound(findings: Sequence[Finding], risk: int) -> tuple[int, str] | None:
    """The points that lift ``risk`` (the sum of the reasons) to the floor of the best grade the worst
    finding allows, when it is below it."""
    for severity, (grade, floor) in GRADE_BOUND.items():
        if any(f.severity == severity for f in findings):
            if risk >= floor:
                return None
            return floor - risk, f"a {severity}-risk finding stands, so the grade is {grade} at best"
    return None


def _summary(grade: str, reasons: Sequence[tuple[int, str]], findings: Sequence[Finding], bounded: bool) -> str:
    """One line: the grade, its biggest cause and the worst findings that stand (and bound it, if they do).
    The best grade's cause is its biggest protection, when it has one: an A is not "mainly because" of
    the risk its protections outweigh."""
    counted = reasons[:-1] if bounded else reasons
    top = max(counted, key=lambda r: r[0])
    if grade == GRADES[0][1] and (protections := [r for r in counted if r[0] < 0]):
        top = min(protections, key=lambda r: r[0])
    line = f"Grade {grade}: mainly because {top[1]}"
    worst = next((sev for sev in GRADE_BOUND if any(f.severity == sev for f in findings)), None)
    if worst is not None:
        n = sum(f.severity == worst for f in findings)
        line += f"; {n} {worst}-risk finding{' stands' if n == 1 else 's stand'}"
        if bounded:
            them = "it is" if n == 1 else "they are"
            line += f", so the grade cannot be better than {GRADE_BOUND[worst][0]} until {them} fixed"
    return line + "."


# -- notes and the whole audit -----------------------------------------------------------------------------


_TRANSFERS = ("ip_assignment", "work_made_for_hire")


def _prevailing(
    paragraphs: Sequence[Paragraph], findings: Sequence[Finding], terms: DefinedTerms, vocabulary: str | None = None
) -> Retention | None:
    """The creator's keeping in a part that prevails over the part transferring the work, if any."""
    transfers = sorted(
        {f.start for f in findings if f.kind in _TRANSFERS and f.beneficiary != "creator" and not f.negated}
    )
    if not transfers:
        return None
    work = terms.deliverables.name if terms.deliverables else None
    named = terms.placeholders()
    return prevailing_retention(
        paragraphs, named.get(terms.creator or "provider"), work, transfers, named.get("agreement"), vocabulary
    )


def _notes(
    paragraphs: Sequence[Paragraph], findings: Sequence[Finding], terms: DefinedTerms, kept: Retention | None = None
) -> list[str]:
    notes = []
    if not any(f.kind in GRANT_KINDS for f in findings):
        if any(fast.holds(_BY_REFERENCE, p.text) for p in paragraphs):
            notes.append(
                "IP terms incorporated by reference: the ownership and licence clauses are in another "
                "document, which was not checked."
            )
        notes.append("No IP clauses found: no assignment, work-made-for-hire or licence clause in this document.")
    if terms.client is None or terms.provider is None:
        notes.append("The parties could not both be identified; directions assume the provider creates the work.")
    creator = terms.placeholders().get(terms.creator or "provider")
    if kept is not None and creator:  # a part that prevails (the face of an order) keeps the creator's rights
        notes.append(retention_note(kept, paragraphs, creator))
    return notes


def _other_side_named(terms: DefinedTerms, parties: Parties, we: We) -> tuple[DefinedTerms, Parties]:
    """``terms`` and ``parties`` with both sides named where the user said which party they are and the document's
    reading left one side without a party (both parties read as clients: "Scribewell" and "the Customer" of a
    subscription): our party on the side of the role it resolved to, the other party on the other side and in the
    other role, and the other side the one that makes the work (what we are the client of is theirs). Any other
    ``terms`` and ``parties`` as they are."""
    if we.source != "user" or we.role not in (CLIENT_ROLE, "creator") or (terms.client and terms.provider):
        return terms, parties
    mine = next((p for p in parties.parties if p.id == we.party), None)
    other = next((p for p in parties.parties if p.id != we.party and p.terms), None)
    if mine is None or other is None or not mine.terms:
        return terms, parties
    ours, theirs = terms.all.get(mine.terms[0]), terms.all.get(other.terms[0])
    if ours is None or theirs is None or set(mine.terms) & set(other.terms):
        return terms, parties
    role = "creator" if we.role == CLIENT_ROLE else CLIENT_ROLE
    parties = replace(parties, parties=tuple(replace(p, role=role) if p is other else p for p in parties.parties))
    if we.role == CLIENT_ROLE:
        return replace(terms, client=ours, provider=theirs, creator="provider"), parties
    return replace(terms, client=theirs, provider=ours, creator="provider"), parties


def from_our_side(result: AuditResult) -> AuditResult:
    """``result`` read from the side of the party the user said they are (``--we``), where what is at stake for
    that party is what it brings to the deal ("Customer Content", "Brand Materials"), not the other side's product
    ("the Service", the Agency's "Deliverables"): the work is our materials, the creator's term names our party (who
    keeps them and whom the clauses protect) and the client's term the other side (the party they bind). The
    findings already read the creator as our party (:func:`audit_paragraphs`). Any other result is returned as it
    is: an inferred party, or one that brings no materials the document names."""
    terms, we, parties = result.terms, result.we, result.parties
    if we is None or we.source != "user" or terms.client is None or terms.provider is None:
        return result
    materials = materials_of(parties, terms, result.paragraphs, we.party)
    ours = materials[0] if materials else None
    if ours is None:
        return result
    receiving = we.role == CLIENT_ROLE and terms.creator == "client"  # the audit made our party the creator
    other = next((p for p in parties.parties if p.id != we.party and p.role != we.role and p.role != "unknown"), None)
    if not receiving and (other is None or not made_by(other, terms.deliverables, result.paragraphs)):
        return result  # we make the work: it stays what is at stake
    swapped = (
        replace(terms, client=terms.provider, provider=terms.client, creator="provider", deliverables=ours)
        if receiving
        else replace(terms, deliverables=ours)
    )
    # the other side owning its own things ("Provider owns all right … in the Service and Usage Data") moves nothing
    # of ours: only a transfer whose sentence names our materials is one
    words = re.compile("|".join(rf"\b{re.escape(w)}\b" for t in materials for w in {t.name, *t.aliases}))
    findings = [
        f
        for f in result.findings
        if f.kind != "ip_assignment"
        or f.beneficiary != "client"
        or words.search(sentence_at(f.paragraph_text, f.phrase_start))
    ]
    # what kind of work is at stake is what kind our material is, not what the contract around it speaks of
    kind = result.work_kind
    if kind is None or kind.source != "user":
        kind = material_kind(result.paragraphs, ours.name)
    service = _their_ai_service(result, we.party, ours)
    return replace(result, terms=replace(swapped, licensed=None, service=service), findings=findings, work_kind=kind)


def _their_ai_service(result: AuditResult, us: str | None, ours: Term) -> Term | None:
    """The other side's own product that is itself an AI system and processes our materials for us: a term its
    definition gives to the other party ("“Platform” means Scribewell's automated speech-recognition … service,
    including its machine learning models"; "the hosted generative design platform Canvasly makes available") and
    speaks of AI, the work the audit first took for the deal's first; None where the other side's product is no AI
    system (a design platform, an agency's deliverables)."""
    others = [p for p in result.parties.parties if p.id != us and p.terms]
    first = result.terms.deliverables
    candidates = [t for t in (first, *result.terms.all.values()) if t is not None and t.defined_at is not None]
    for term in dict.fromkeys(candidates):
        if term.name == ours.name or not any(made_by(o, term, result.paragraphs) for o in others):
            continue
        meaning = result.paragraphs[term.defined_at].text  # type: ignore[index]
        after = meaning.find(term.name) + len(term.name)
        if _AI_PRODUCT.search(meaning, after) or any(
            not _AI_NAMED.match(meaning, m.start()) for m in P.AI_TERM.finditer(meaning, after)
        ):
            return term
    return None


# an AI word that only names a thing ("the AI Services"): no AI system said
_AI_NAMED = re.compile(r"AI\s+(?:Services?|Features?|Products?)\b")
# a product that generates ("hosted generative design platform") or is built on learned models
_AI_PRODUCT = re.compile(
    r"\bgenerative\b|\b(?:machine|deep)[- ]learning\b|\bneural\b|\b(?:AI|ML|language|learning|foundation)\s+models?\b",
    re.IGNORECASE,
)


def binds_user(result: AuditResult) -> bool:
    """Read from the user's side (``result`` as :func:`from_our_side` gives it), the party a creator's clauses would
    bind is the one the user said they are: ``--we client`` on a commission, or on a licence of the maker's work,
    where the user brings no material of its own the contract defines. Nothing is then drafted for them."""
    we, bound = result.we, result.terms.client
    if we is None or we.source != "user" or bound is None:
        return False
    party = next((p for p in result.parties.parties if p.id == we.party), None)
    return party is not None and bound.name in party.terms


def audit_paragraphs(
    paragraphs: Sequence[Paragraph],
    terms: DefinedTerms | None = None,
    *,
    filename: str | None = None,
    we: str | None = None,
    work_kind: str | None = None,
    ours: Mapping[int, str] | None = None,
) -> AuditResult:
    """Audit paragraphs already read (``terms`` are extracted when not given). ``we`` is the user's
    party (a party's name or word, or a role); the audit reads the contract from that party's side.
    ``ours``: the paragraphs holding words of a round of ours, as they read without them
    (:func:`~noai.analysis.negotiation.without_our_words`): the parties, their roles and the work are
    read from the document without our words; the defined terms keep ours.
    Raises :class:`~noai.errors.UnknownPartyError` when ``we`` names no party of the document."""
    language = detect_language(p.text for p in paragraphs)
    # made once, shared: the classifier's gates; their vocabulary of the paragraphs for the terms, the work kind
    # and the prevailing part (a word it lacks is in no paragraph)
    gates = fast.Gates([p.text for p in paragraphs])
    theirs = paragraphs
    if ours:
        theirs = [replace(p, text=ours[i]) if i in ours else p for i, p in enumerate(paragraphs)]
        terms, parties = analyse(theirs)
        terms = replace(terms, all=analyse_terms(paragraphs, gates.vocabulary).terms.all)  # ours are defined terms
    elif terms is None:
        terms, parties = analyse(paragraphs, gates.vocabulary)
    else:
        parties = find_parties(paragraphs)
    resolved = resolve_we(parties, we)
    terms, parties = _other_side_named(terms, parties, resolved)
    words = party_words(parties, terms.creator or "provider")  # the model's creator is the contract's
    maker = terms.creator or "provider"  # who makes the work, whoever the user is
    if resolved.role == CLIENT_ROLE and resolved.source == "user":  # the user is the receiving side
        terms = replace(terms, creator="client" if maker == "provider" else "provider")
    if language not in ("en", "unknown"):
        return AuditResult(
            filename,
            language,
            paragraphs,
            terms,
            [],
            [],
            [],
            Score(None, None),
            None,
            [
                f"Language not supported: the document appears to be in '{language}'; only English "
                f"contracts are analysed, so no findings are reported."
            ],
            parties=parties,
            we=resolved,
        )
    creator = terms.creator or "provider"
    findings = classify(paragraphs, terms, words, maker=maker, made=gates)
    protections = _protections(paragraphs, findings, terms, creator, Mentions(terms, paragraphs, words))
    body_end = _operative_end(paragraphs, findings)
    runs = _SectionRuns(paragraphs)
    ip = _ip_section(paragraphs, findings, body_end, runs)
    places = _places(paragraphs, findings, ip, creator, body_end, runs)
    ai_section = _ai_section(paragraphs, ip, findings, terms)
    # what only the learned model finds: reported for review, not scored (noai.analysis.learned)
    review = learned.review_findings(paragraphs, findings)
    kept = _prevailing(paragraphs, findings, terms, gates.vocabulary)
    return AuditResult(
        filename=filename,
        language=language,
        paragraphs=paragraphs,
        terms=terms,
        findings=sorted(findings + review, key=lambda f: (f.start, SEVERITY_ORDER.index(f.severity))),
        protections=protections,
        insertion_points=_insertion_points(protections, places, ai_section),
        score=_score(findings, protections),
        ip_section=ip,
        notes=_notes(paragraphs, findings + review, terms, kept),
        prevailing=kept,
        vocabulary=gates.vocabulary,
        places=places,
        ai_section=ai_section,
        parties=parties,
        we=resolved,
        work_kind=given_work_kind(work_kind)
        if work_kind
        else detect_work_kind(
            theirs,
            parties.work_product.text if parties.work_product else None,
            list(terms.all),
            gates.vocabulary if theirs is paragraphs else None,
        ),
    )


def audit_document(
    doc: Document,
    *,
    filename: str | None = None,
    we: str | None = None,
    previous: Document | None = None,
    work_kind: str | None = None,
) -> AuditResult:
    """Audit a read :class:`~noai.ooxml.document.Document` (``we``: the user's party, see
    :func:`audit_paragraphs`; ``work_kind``: the kind of work, detected when None). When the
    document records a round of ours, or ``previous`` (the document we sent) is given, the result
    has a ``negotiation`` section and the protections the statuses it gives them
    (:func:`noai.analysis.negotiation.protection_statuses`). The cycle collector is paused meanwhile
    (:mod:`noai.analysis.collector`: an audit makes no reference cycles)."""
    with paused():
        return _audited(doc, filename, we, previous, work_kind)


def _audited(
    doc: Document, filename: str | None, we: str | None, previous: Document | None, work_kind: str | None
) -> AuditResult:
    ours = without_our_words(doc, previous)
    result = audit_paragraphs(doc.paragraphs, filename=filename, we=we, work_kind=work_kind, ours=ours)
    if result.score.risk is None:
        return result
    result.negotiation = talks = negotiate(doc, result.findings, previous)
    protections = protection_statuses(result.protections, result.paragraphs, talks, ours)
    dangling = dangling_findings(result.paragraphs, talks)
    if dangling:
        result.findings = sorted(
            [*result.findings, *dangling], key=lambda f: (f.start, SEVERITY_ORDER.index(f.severity))
        )
    if protections != result.protections or dangling:
        result.protections = protections
        result.insertion_points = _insertion_points(protections, result.places, result.ai_section)
        result.score = _negotiated_score(result.findings, protections)
    return result


def _negotiated_score(findings: Sequence[Finding], protections: Sequence[Protection]) -> Score:
    """The score, no better than B while a protection of ours is struck or removed."""
    score = _score(findings, protections)
    lost = [p.name for p in protections if p.status in (STRUCK, REMOVED)]
    if not lost or score.risk is None or score.risk >= GRADES[0][0]:
        return score
    lift = (
        GRADES[0][0] - score.risk,
        f"the other side struck or removed our {', '.join(lost)}, so the grade is B at best",
    )
    risk = GRADES[0][0]
    reasons = (*score.reasons, lift)
    return Score(risk, "B", reasons, f"Grade B: {lift[1]}.")
