"""The clause library's data model: frozen dataclasses, no TOML and no validation.

A :class:`Clause` is one file of ``clauses/``; a :class:`Fix` is one file of ``clauses/fixes/``;
a :class:`Definition` is a term a clause introduces ("Prohibited AI Use"); a
:class:`Placeholder` is a slot filled from the document's own terms (``{client}``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from noai.kinds import ClauseKind, FindingKind, Placement, Protection

VARIANTS = ("strict", "standard", "minimal")
"""The negotiation ladder of DOMAIN.md §3.1, strongest first."""

FINDING_KINDS = frozenset(FindingKind)
"""The clause kinds the audit reports as findings (:class:`noai.kinds.FindingKind`)."""

PROTECTIONS = frozenset(Protection)
"""The protections the audit looks for and the playbook may require (:class:`noai.kinds.Protection`)."""

CLAUSE_KINDS = frozenset(ClauseKind)

PLACEMENTS = frozenset(Placement)
"""Where a clause goes (:class:`noai.kinds.Placement`); the plan maps each to an insertion point of the audit."""

ACTIONS = ("replace", "comment", "ignore")
"""What a fix or the playbook does with a red flag."""

TARGETS = ("phrase", "sentence")
"""What a fix's rule matches: the red flag's ``phrase`` (the words it lists, or any for the catch-all), or the whole
``sentence`` the red flag stands in, where the plan reads that sentence for the finding (:data:`SENTENCE_FINDINGS`)."""

SENTENCE_FINDINGS = {
    "existing_ai_restriction": "a sentence whose act is the client's permission to train AI on the work "
    "(noai.analysis.facts.training_permission)",
}
"""The finding kinds whose fix may have a rule for the whole sentence, with the sentence the plan reads for each."""

CASES = {
    "assigned": "the document assigns, vests or makes for hire the work in the client",
    "exclusive": "the creator licenses the work to the client exclusively",
    "owned": "the client owns the work, or will on payment (assigned, vested or made for hire): it needs the "
    "creator's consent, not a licence",
    "individual": "the creator is a natural person (no officers, no company)",
    "subcontracts": "the creator is a natural person whom the document lets subcontract: her subcontractors are "
    "protected with her",
    "kept_use": "the document lets the client use materials the creator keeps (for a purpose it names): strict's "
    "licence-back keeps that use",
    "company": "the creator is a company or other body: moral rights, voice and likeness are its people's",
    "uncertain_transfer": "the plan reads a licence, yet the audit finds words that may transfer the work to the "
    "client (an unsure, conditional or low-rated assignment)",
    "british": "the document's law is British or one that follows it (England, Scotland, Ireland, Australia …)",
    "trains": "the document's grant named training AI among the client's uses (the plan strikes those words): the "
    "client's own use is no longer free to train",
    "performer": "the work records the creator's own performance, voice or likeness (a narration, a presenter's "
    "videos): the client's own use is not free to train on it either",
}
"""Situations of a document in which a variant says something else (``[variants.standard.cases.exclusive]``):
the plan names the ones that hold (:func:`noai.library.render.for_cases`)."""


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A slot such as ``{client}``: filled from the document's terms, else from ``fallback``."""

    name: str
    description: str
    fallback: str | None = None


@dataclass(frozen=True, slots=True)
class Definition:
    """A term a clause introduces; ``texts`` maps each variant to its definition sentence."""

    term: str
    owner: str
    texts: Mapping[str, str]
    needs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # variant -> other terms its text uses


@dataclass(frozen=True, slots=True)
class Variant:
    """One rung of the ladder: a title and paragraphs with placeholders."""

    name: str
    title: str
    paragraphs: tuple[str, ...]
    rationale: str | None = None
    uses: tuple[str, ...] = ()  # library terms the paragraphs use, in order of first use
    definitions_at: int = 0  # paragraphs before the definitions (an addendum's opening line)
    cases: Mapping[str, Variant] = field(default_factory=dict)  # CASES name -> this rung's text in that case


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of the library. ``glossary`` holds the definitions of every term it needs
    (its own and other clauses'), ``placeholders`` the library's slots, so a clause renders alone."""

    id: str
    kind: str
    title: str
    summary: str
    rationale: str
    answers: tuple[str, ...]
    placement: Placement
    version: int
    variants: Mapping[str, Variant]
    defines: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    source: str = ""
    glossary: Mapping[str, Definition] = field(default_factory=dict)
    placeholders: Mapping[str, Placeholder] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FixRule:
    """How to treat the matched phrases of one red flag; per-variant overrides already applied.

    ``phrases`` empty = the rule for any other phrase of the finding. ``replacement`` may hold
    ``{match}``: the phrase exactly as the document has it. ``target`` ``"sentence"``: the rule for the whole
    sentence the finding stands in (:data:`SENTENCE_FINDINGS`), which lists no phrases; its ``replace`` strikes
    the sentence (no replacement) and ``{match}`` in its comment is that sentence."""

    phrases: tuple[str, ...]
    actions: Mapping[str, str]
    replacements: Mapping[str, str | None]
    comments: Mapping[str, str]
    target: str = "phrase"


@dataclass(frozen=True, slots=True)
class Fix:
    """Replacement phrasing for one finding kind (DOMAIN.md §3)."""

    id: str
    finding: str
    title: str
    version: int
    rules: tuple[FixRule, ...]
    source: str = ""
    glossary: Mapping[str, Definition] = field(default_factory=dict)
    placeholders: Mapping[str, Placeholder] = field(default_factory=dict)

    def rule_for(self, phrase: str) -> FixRule | None:
        """The rule listing ``phrase`` (case and spacing ignored), else the catch-all rule."""
        key = normalise_phrase(phrase)
        for rule in self.rules:
            if any(normalise_phrase(p) == key for p in rule.phrases):
                return rule
        return next((r for r in self.rules if not r.phrases and r.target == "phrase"), None)

    @property
    def sentence_rule(self) -> FixRule | None:
        """The rule for the whole sentence the finding stands in (``target = "sentence"``), if the fix has one."""
        return next((r for r in self.rules if r.target == "sentence"), None)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A clause filled with a document's terms: what the plan inserts."""

    clause: str
    variant: str
    title: str
    paragraphs: tuple[str, ...]
    comment: str
    defined: tuple[str, ...] = ()  # the terms whose definitions these paragraphs carry


@dataclass(frozen=True, slots=True)
class RenderedFix:
    """A red-flag fix filled in: replace ``find`` with ``replacement`` (or only comment)."""

    fix: str
    finding: str
    variant: str
    action: str
    find: str
    replacement: str | None
    comment: str
    uses: tuple[str, ...] = ()  # library terms the replacement needs defined


def normalise_phrase(text: str) -> str:
    """Lower case, curly quotes straightened, runs of white space collapsed."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())
