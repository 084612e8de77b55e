"""The vocabulary of the audit: finding kinds, protections, placements, severities.

The one home of these names. Each :class:`FindingKind` has one :class:`KindSpec` row in
:data:`KINDS` (display title, explanation templates, score weight, gate words, default severity by
side) and each :class:`Protection` one :class:`ProtectionSpec` row in :data:`PROTECTIONS` (title,
explanation, default placement, score points). The enums are :class:`~enum.StrEnum`: a member *is*
its string value, so the JSON, the TOML files and code comparing plain strings stay as they are.

Everything else reads its vocabulary from here: the classifier's tables, the gates of
:mod:`noai.analysis.patterns`, the audit's score and insertion points, the report, the clause
library's validation, and the titles the audit JSON carries for the CLI, the API and the pane.
``tests/test_kinds.py`` fails when a kind lacks any part of its row. Imports nothing of noai.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class Severity(StrEnum):
    """How much a finding matters to the creator, worst first."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


class FindingKind(StrEnum):
    """The clause kinds the audit reports as findings (in the order the score lists their reasons)."""

    WORK_MADE_FOR_HIRE = "work_made_for_hire"
    IP_ASSIGNMENT = "ip_assignment"
    LICENSE_GRANT = "license_grant"
    ANY_AND_ALL_PURPOSES = "any_and_all_purposes"
    PERPETUAL_IRREVOCABLE = "perpetual_irrevocable"
    FUTURE_TECHNOLOGIES = "future_technologies"
    DERIVATIVE_WORKS = "derivative_works"
    SUBLICENSABLE = "sublicensable"
    MORAL_RIGHTS_WAIVER = "moral_rights_waiver"
    FEEDBACK_USAGE_DATA = "feedback_usage_data"
    EXISTING_AI_RESTRICTION = "existing_ai_restriction"
    DIGITAL_REPLICA = "digital_replica"
    INDEMNIFICATION = "indemnification"
    GOVERNING_LAW = "governing_law"
    LIMITATION_OF_LIABILITY = "limitation_of_liability"
    CONFIDENTIALITY = "confidentiality"
    RESERVATION_OF_RIGHTS = "reservation_of_rights"
    SURVIVAL = "survival"
    DANGLING_DEFINED_TERM = "dangling_defined_term"


class Protection(StrEnum):
    """The protections the audit looks for and the playbook may require (in report order)."""

    NO_AI_RESTRICTION = "no_ai_restriction"
    SCOPE_LIMITATION = "scope_limitation"
    RESERVATION_OF_RIGHTS = "reservation_of_rights"
    AI_INDEMNITY = "ai_indemnity"
    AI_REMEDIES = "ai_remedies"
    AI_TRANSPARENCY = "ai_transparency"
    CHOICE_OF_LAW = "choice_of_law"


class ProtectionStatus(StrEnum):
    """A protection's status in the audit; the last four only in a negotiation (noai.analysis.negotiation)."""

    PRESENT = "present"
    MISSING = "missing"
    UNKNOWN = "unknown"
    PROPOSED = "proposed"  # our pending insertion, not yet accepted
    STRUCK = "struck"  # the other side's pending tracked deletion of our clause
    REMOVED = "removed"  # our clause is gone since our round
    WEAKENED = "weakened"  # present, but a core limb or bound party of ours is gone


class Placement(StrEnum):
    """Where a clause goes (a clause file's ``placement``); the audit finds a paragraph for each."""

    AFTER_GRANT = "after_grant"
    END_OF_IP_SECTION = "end_of_ip_section"
    AFTER_INDEMNITY = "after_indemnity"
    AFTER_LIABILITY_CAP = "after_liability_cap"
    AFTER_GOVERNING_LAW = "after_governing_law"
    AFTER_AI_RESTRICTION = "after_ai_restriction"
    END_OF_DOCUMENT = "end_of_document"
    APPENDIX = "appendix"
    SEPARATE_DOCUMENT = "separate_document"


class ClauseKind(StrEnum):
    """What a library clause is: one of the protections, or a document of its own."""

    NO_AI_RESTRICTION = "no_ai_restriction"
    SCOPE_LIMITATION = "scope_limitation"
    RESERVATION_OF_RIGHTS = "reservation_of_rights"
    AI_INDEMNITY = "ai_indemnity"
    AI_REMEDIES = "ai_remedies"
    AI_TRANSPARENCY = "ai_transparency"
    CHOICE_OF_LAW = "choice_of_law"
    ADDENDUM = "addendum"
    # a clause that adapts the No-AI covenant to a kind of work (coding assistants, likeness, datasets):
    # inserted after the covenant, never a protection of its own
    COVENANT_SUPPLEMENT = "covenant_supplement"
    SIDE_LETTER = "side_letter"


# Gates: a rule family of the classifier runs on a paragraph only when a gate word of one of its
# kinds is in the paragraph's lower-cased text. Two families find more than one kind.
OWNERSHIP_GATE = "ownership"  # ip_assignment and work_made_for_hire (one rule reads both)
GRANT_GATE = "grant"  # license_grant


@dataclass(frozen=True, slots=True)
class BySide:
    """A kind's default severity by which side it works against: ``against`` the creator (the work
    or a right leaves the creator, the creator is bound), ``unclear`` (mutual, or the sides cannot be
    told) and ``for_creator`` (a licence back, a right the creator keeps). The classifier decides
    each finding's severity from its sentence, starting from these."""

    against: Severity
    unclear: Severity
    for_creator: Severity


@dataclass(frozen=True, slots=True)
class Weight:
    """Score points a finding of the kind adds at a severity, and the reason the score gives."""

    points: int
    why: str


@dataclass(frozen=True, slots=True)
class KindSpec:
    """Everything the code knows about a finding kind besides its rule (in analysis/classify.py).

    ``explanation`` is the template of the finding's one-line explanation (``{owner}``,
    ``{grantor}`` … are filled with the parties' names); ``explanations`` the templates of its
    situations (``"kept"``, ``"back"`` …), keyed ``"<kind>/<situation>"`` in the classifier.
    ``weights`` maps a severity to the score points a finding at that severity adds (no entry: the
    kind does not move the score by itself). ``gate`` names the classifier's rule family and
    ``gate_words`` are the lower-case words that open it. ``spanning`` kinds reach over the rest
    of their clause; ``grant`` kinds pass rights in the work."""

    kind: FindingKind
    title: str
    explanation: str
    severity: BySide
    gate_words: tuple[str, ...]
    weights: Mapping[Severity, Weight] = field(default_factory=dict)
    explanations: Mapping[str, str] = field(default_factory=dict)
    gate: str = ""
    spanning: bool = False
    grant: bool = False

    @property
    def gate_name(self) -> str:
        return self.gate or self.kind.value


@dataclass(frozen=True, slots=True)
class ProtectionSpec:
    """Everything the code knows about a protection besides its test (in analysis/audit.py).

    ``placement`` is where the audit says the protection belongs (the placement of the shipped
    clause that provides it; the plan follows the clause's own ``placement``). ``present`` and
    ``absent`` (missing or unknown) are the score points its status adds, if any."""

    protection: Protection
    title: str
    explanation: str
    placement: Placement
    present: Weight | None = None
    absent: Weight | None = None


HI, MD, LO, INF = Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO
K = FindingKind


def _severe(points: int, why: str) -> Mapping[Severity, Weight]:
    """The same weight at high and medium severity."""
    return {HI: Weight(points, why), MD: Weight(points, why)}


_KIND_ROWS = (
    KindSpec(
        K.WORK_MADE_FOR_HIRE,
        "Work made for hire",
        "The contract makes the work a work made for hire for {owner}: {owner} is to own it, with the rights the "
        "creator would need to limit AI training.",
        BySide(HI, HI, INF),
        ("for hire", "commissioned", "section 101"),
        weights=_severe(45, "the work is a work made for hire: the other side owns it outright"),
        explanations={
            "negated": "The contract says the work is not a work made for hire, so the creator remains its author."
        },
        gate=OWNERSHIP_GATE,
        grant=True,
    ),
    KindSpec(
        K.IP_ASSIGNMENT,
        "IP assignment",
        "Ownership of the work passes to {owner}, and with it the rights the creator would need to limit AI training.",
        BySide(HI, MD, INF),
        (
            "assign",
            "transfer",
            "convey",
            "title",
            "property of",
            "property in",  # "property in the copyright passes to X"
            "s property",  # "are the Client's property"
            "s’ property",
            "’s property",
            "our property",  # "shall become our / your property"
            "its property",
            "their property",
            "vest",
            "own",
            "belong",
            "retain",
            "keep",
            "public domain",
            "yours",  # "the finished video is yours"
        ),
        weights={
            HI: Weight(45, "the creator assigns ownership of the work to the other side"),
            MD: Weight(35, "ownership of the work may pass to the other side"),
        },
        explanations={
            "kept": "This sentence keeps ownership with {owner}; it does not take the creator's work away.",
            "assurance": "This sentence backs up a transfer of ownership (signing papers to perfect it); "
            "the risk lies in the main assignment.",
            "back": "This transfer or ownership runs to {owner}, the creator's side, so it takes nothing "
            "from the creator.",
            "public_domain": "This dedicates the work to the public domain: it then belongs to no one, and "
            "anyone may use it, also to train AI.",
        },
        gate=OWNERSHIP_GATE,
        grant=True,
    ),
    KindSpec(
        K.LICENSE_GRANT,
        "Licence grant",
        "{grantor} lets {grantee} use the work; the wording of this licence decides whether AI training is allowed.",
        BySide(MD, LO, INF),
        ("grant", "give", "licen", "authori", "permit", "hold", "may ", "permitted to", "right to", "entitled to"),
        weights=_severe(25, "the creator licenses the work to the other side"),
        explanations={
            "back": "This licence runs to the creator ({grantee}), so it is no risk to the creator's work.",
            "ai-excluded": "{grantor} licenses the work to {grantee}, but the licence itself leaves out AI use.",
        },
        gate=GRANT_GATE,
        grant=True,
    ),
    KindSpec(
        K.ANY_AND_ALL_PURPOSES,
        "Use for any purpose",
        "This wording sets no limit on the use it allows, so it does not exclude AI training.",
        BySide(HI, HI, INF),
        (
            "any purpose",
            "any and all purpose",
            "any other purpose",
            "any lawful purpose",
            "without restriction",
            "without any restriction",
            "without limitation",
            "unrestricted",
            "any manner",
            " fit",
            "without obligation or restriction",
            "without any obligation or restriction",
        ),
        weights=_severe(10, "use is allowed for any purpose or without restriction"),
    ),
    KindSpec(
        K.PERPETUAL_IRREVOCABLE,
        "Perpetual or irrevocable rights",
        "The right granted here is permanent or irrevocable, so it cannot be withdrawn later, even if the work is "
        "used to train AI.",
        BySide(MD, MD, INF),
        ("perpetu", "irrevoc", "term of copyright", "universe", "indefinitely"),
        weights=_severe(8, "the rights granted are perpetual or irrevocable"),
    ),
    KindSpec(
        K.FUTURE_TECHNOLOGIES,
        "Future technologies",
        "The rights reach media or technology not yet known, and this wording does not exclude AI systems.",
        BySide(MD, MD, INF),
        (
            "known or",
            "existing or",
            "future technolog",
            "technology now",
            "technology whether",
            "any technolog",
            "any software",
            "hereafter",
            " media",
            " medium",
            " format",
        ),
        weights=_severe(8, "the rights reach media and technologies not yet invented"),
    ),
    KindSpec(
        K.DERIVATIVE_WORKS,
        "Derivative works",
        "The other side may make derivative works or adaptations of the work, and this wording does not exclude "
        "AI models or datasets built from it.",
        BySide(MD, MD, INF),
        ("derivativ", "modify", "adapt", "translate,", "alter,", "translate or", "alter or"),
        weights=_severe(6, "the other side may make derivative works or adaptations"),
    ),
    KindSpec(
        K.SUBLICENSABLE,
        "Sublicensable rights",
        "The other side may pass these rights on to others, for example to an AI vendor.",
        BySide(MD, MD, INF),
        ("sublicens", "sub-licens", "tiers"),
        weights=_severe(6, "the other side may pass the rights on (sublicense)"),
    ),
    KindSpec(
        K.MORAL_RIGHTS_WAIVER,
        "Moral rights waiver",
        "The creator waives moral rights here (credit and objection to changes), AI-generated uses included.",
        BySide(MD, MD, INF),
        ("moral", "droit", "attribution", "integrity", "paternity"),
        weights=_severe(4, "the creator waives moral rights"),
    ),
    KindSpec(
        K.FEEDBACK_USAGE_DATA,
        "Feedback and usage data",
        "{beneficiary} may freely use feedback or usage data, and this wording does not exclude AI training.",
        BySide(MD, MD, LO),
        ("feedback", "usage data", "suggestion", "aggregat", "to improve", "to develop", "to enhance"),
        weights=_severe(5, "feedback or usage data may be used freely"),
    ),
    KindSpec(
        K.EXISTING_AI_RESTRICTION,
        "AI terms",
        "The contract mentions AI or machine learning here; check what it allows.",
        BySide(HI, LO, INF),
        (
            "artificial",
            "machine",
            "neural",
            "language model",
            "foundation model",
            "generative",
            "data mining",
            "deep learning",
            "train",
            "tun",
            "llm",
        ),
        weights={HI: Weight(20, "the contract allows the work to be used for AI")},
        explanations={
            "restriction": "The contract already limits the use of material for AI or machine learning.",
            "permission": "The contract allows material to be used for AI or machine learning.",
            "creator": "This limits the creator's own use of AI tools; it does not protect the creator's work.",
            "mention": "The contract mentions AI or machine learning here; check what it allows.",
        },
        spanning=True,
    ),
    KindSpec(
        K.DIGITAL_REPLICA,
        "Digital replica of voice or likeness",
        "{beneficiary} may make new material in the creator's voice or likeness by digital means: a digital "
        "replica, which AI makes easy, made without asking the creator.",
        BySide(HI, MD, INF),
        ("voice", "likeness"),
        weights=_severe(20, "the other side may make new material in the creator's voice or likeness"),
        explanations={
            "creator": "The creator may make new material in its own voice or likeness: no risk to the creator.",
            "consented": "{beneficiary} may make new material in the creator's voice or likeness by digital means, "
            "but only with the creator's consent.",
        },
    ),
    KindSpec(
        K.INDEMNIFICATION,
        "Indemnity",
        "{indemnitor} must pay for certain claims and losses of the other.",
        BySide(MD, LO, INF),
        ("indemn", "harmless", "cover me", "cover us", "cover you"),  # a letter's "you will cover me for any claims"
        weights={MD: Weight(3, "the creator gives a one-way indemnity")},
        explanations={"unknown": "One party must pay for certain claims and losses of the other."},
        spanning=True,
    ),
    KindSpec(
        K.GOVERNING_LAW,
        "Governing law",
        "Disputes under the contract are decided under {law}.",
        BySide(LO, LO, LO),
        ("law", "govern"),
        spanning=True,
    ),
    KindSpec(
        K.LIMITATION_OF_LIABILITY,
        "Limitation of liability",
        "Liability is limited or capped here, and the limit may also apply to claims for misuse of the work.",
        BySide(LO, LO, LO),
        ("liab", "damages"),
        spanning=True,
    ),
    KindSpec(
        K.CONFIDENTIALITY,
        "Confidentiality",
        "Confidential information must be kept secret and used only for the agreement.",
        BySide(INF, INF, INF),
        ("confiden", "disclos"),
        spanning=True,
    ),
    KindSpec(
        K.RESERVATION_OF_RIGHTS,
        "Reservation of rights",
        "Rights not expressly granted stay with {owner}.",
        BySide(INF, INF, INF),
        ("reserv", "implied", "implication", "granted", "retain", "neither party", "no rights"),
    ),
    KindSpec(
        K.SURVIVAL,
        "Survival",
        "Some obligations continue after the contract ends.",
        BySide(INF, INF, INF),
        ("surviv",),
        spanning=True,
    ),
    # Found by the negotiation (noai.analysis.negotiation): a term our round defined that the document still
    # uses but no longer defines, after the other side deleted its definition.
    KindSpec(
        K.DANGLING_DEFINED_TERM,
        "Dangling defined term",
        "The contract still uses a term whose definition was deleted, so the clauses that rely on it may no "
        "longer mean what they said.",
        BySide(MD, MD, MD),
        ("means",),
        weights={MD: Weight(5, "a term the contract relies on is no longer defined")},
    ),
)

KINDS: Mapping[FindingKind, KindSpec] = MappingProxyType({row.kind: row for row in _KIND_ROWS})
"""One spec row per finding kind, in :class:`FindingKind` order."""

P = Protection
_PROTECTION_ROWS = (
    ProtectionSpec(
        P.NO_AI_RESTRICTION,
        "No-AI-training restriction",
        "A clause that forbids using the work to train, fine-tune or build AI systems.",
        Placement.END_OF_IP_SECTION,
        present=Weight(-30, "an explicit AI restriction protects the work"),
        absent=Weight(10, "no clause restricts AI training on the work"),
    ),
    ProtectionSpec(
        P.SCOPE_LIMITATION,
        "Scope (purpose) limitation",
        "Every licence of the work is limited to a stated purpose, so use beyond it needs consent.",
        Placement.AFTER_GRANT,
        present=Weight(-5, "the licence is limited to a purpose"),
    ),
    ProtectionSpec(
        P.RESERVATION_OF_RIGHTS,
        "Reservation of rights",
        "Rights not expressly granted stay with the creator.",
        Placement.END_OF_IP_SECTION,
        present=Weight(-5, "rights not granted are reserved"),
    ),
    ProtectionSpec(
        P.AI_INDEMNITY,
        "Indemnity for AI misuse",
        "The other side pays for the creator's losses if the work is misused for AI.",
        Placement.AFTER_INDEMNITY,
    ),
    ProtectionSpec(
        P.AI_REMEDIES,
        "Remedies for AI misuse",
        "An injunction, a certificate or deletion of what was built from the work answers AI misuse.",
        Placement.AFTER_AI_RESTRICTION,
    ),
    ProtectionSpec(
        P.AI_TRANSPARENCY,
        "AI transparency",
        "The other side must say whether the work goes into AI systems.",
        Placement.END_OF_IP_SECTION,
    ),
    ProtectionSpec(
        P.CHOICE_OF_LAW,
        "Creator-friendly choice of law",
        "The creator's home law governs, or the creator may stop AI misuse in any court.",
        Placement.AFTER_GOVERNING_LAW,
    ),
)

PROTECTIONS: Mapping[Protection, ProtectionSpec] = MappingProxyType({row.protection: row for row in _PROTECTION_ROWS})
"""One spec row per protection, in :class:`Protection` order."""

SEVERITY_ORDER: tuple[Severity, ...] = tuple(Severity)
GRANT_KINDS: frozenset[FindingKind] = frozenset(k for k, row in KINDS.items() if row.grant)
SPANNING_KINDS: frozenset[FindingKind] = frozenset(k for k, row in KINDS.items() if row.spanning)


def kind_spec(kind: str) -> KindSpec:
    """The spec row of a finding kind given as a member or its string value."""
    return KINDS[FindingKind(kind)]


def protection_spec(name: str) -> ProtectionSpec:
    """The spec row of a protection given as a member or its string value."""
    return PROTECTIONS[Protection(name)]


def explanation_templates() -> dict[str, str]:
    """Every explanation template by the key the classifier uses: ``"<kind>"`` for the row's
    ``explanation``, ``"<kind>/<situation>"`` for its situations."""
    out: dict[str, str] = {}
    for row in _KIND_ROWS:
        out[row.kind.value] = row.explanation
        out.update({f"{row.kind.value}/{name}": text for name, text in row.explanations.items()})
    return out


def gate_words() -> dict[str, tuple[str, ...]]:
    """The gates table: each gate name with the words of the kinds it opens, in row order."""
    out: dict[str, tuple[str, ...]] = {}
    for row in _KIND_ROWS:
        words = out.get(row.gate_name, ())
        out[row.gate_name] = words + tuple(w for w in row.gate_words if w not in words)
    return out
