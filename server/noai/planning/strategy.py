"""The plan's strategy: what the document does with the creator's work (licensed, assigned, or no work
delivered), read from the findings, and the playbook's clauses fitted to it.

Imports :mod:`noai.analysis` and :mod:`noai.library` (no other part of the plan).
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass

from ..analysis.audit import AuditResult
from ..analysis.classify import Finding
from ..analysis.facts import DocumentFacts
from ..library import RenderedFix

LICENSED, ASSIGNED, NOT_DELIVERY = "licensed", "assigned", "not_delivery"
_TRANSFER_KINDS = ("ip_assignment", "work_made_for_hire")
_ON_PAYMENT = "upon payment in full of"  # the strict fix-ip-assignment replacement ("… of all charges due under")
_WORK_OBJECTS = (None, "deliverables", "ip", "pre_existing", "data")  # not "outputs": an AI service's
# The clause a lawyer adds after the covenant for each kind of work (audit ``work_kind``).
KIND_CLAUSES = {"software": "ai-software-use", "creative": "ai-creative-likeness", "data": "ai-data-use"}
TEXT_CLAUSE = "ai-text-use"  # text work (translations, copy) of a general or creative contract
COVENANT = "no-ai-training"


@dataclass(frozen=True, slots=True)
class Strategy:
    """What the document does with the creator's work, and the findings that show it: ``licensed``
    (the creator keeps ownership), ``assigned`` (assigned, vested or made for hire), or
    ``not_delivery`` (no work passes under it: an NDA, a charter, a data-use undertaking)."""

    situation: str
    evidence: tuple[Finding, ...] = ()


def _gives_work(f: Finding) -> bool:
    """The creator gives the client the work (not a right the creator keeps or receives)."""
    return (
        f.actor in ("creator", "both")
        and f.beneficiary != "creator"
        and not f.negated
        and f.operative
        and f.object in _WORK_OBJECTS
    )


def _may_transfer(result: AuditResult) -> bool:
    """The audit finds words by which the creator may give the client the work (whatever their rating):
    where it finds none, the creator keeps ownership and no clause speaks of a transfer."""
    return any(
        f.kind in _TRANSFER_KINDS and f.actor in ("creator", "both") and f.beneficiary != "creator" and not f.negated
        for f in result.findings
    )


def choose_strategy(result: AuditResult, facts: DocumentFacts) -> Strategy:
    """The situation, read from the findings' clause semantics (act / actor / beneficiary / object)."""
    transfers = [
        f
        for f in result.findings  # medium: "shall, upon payment ..., assign" (our strict redline)
        if f.kind in _TRANSFER_KINDS and f.severity in ("high", "medium") and _gives_work(f)
    ]
    if transfers or any(_ON_PAYMENT in p.text for p in result.paragraphs):  # or our strict redline's wording
        return Strategy(ASSIGNED, tuple(transfers))
    licences = [f for f in result.findings if f.kind == "license_grant" and _gives_work(f)]
    if licences:
        return Strategy(LICENSED, tuple(licences))
    if result.parties.work_product is None or facts.confidential_work:
        return Strategy(NOT_DELIVERY)
    return Strategy(LICENSED)  # a work product and no transfer: the creator keeps ownership


def adapt_clauses(
    wanted: Sequence[str],
    strategy: Strategy,
    variant: str,
    work_kind: str | None,
    keep: Set[str] = frozenset(),
    text: bool = False,
) -> list[str]:
    """The playbook's clauses fitted to the situation. Assigned work: no purpose limit and no
    reservation in what the creator no longer owns; *strict* and *standard* keep the creator's
    pre-existing materials and bind later transferees (``retained-materials``), *minimal* adds the
    covenant only. Then the clause for the kind of work, right after the covenant. ``keep``: clauses
    defining a term a fix uses (a licence's "for any purpose" -> "for the Permitted Purpose")."""
    out = list(wanted)
    if strategy.situation == ASSIGNED:
        out = [c for c in out if c in keep or c not in ("scope-limitation", "reservation-of-rights")]
        if variant != "minimal":
            out.insert(out.index(COVENANT) + 1 if COVENANT in out else len(out), "retained-materials")
    extra = KIND_CLAUSES.get(work_kind or "")
    if extra and COVENANT in out:
        out.insert(out.index(COVENANT) + 1, extra)
    if text and work_kind in (None, "general", "creative") and COVENANT in out:  # text work: AI editing tools
        out.insert(out.index(extra) + 1 if extra in out else out.index(COVENANT) + 1, TEXT_CLAUSE)
    return out


RETAINED = "retained-materials"


def _tied(strategy: Strategy, fixes: Sequence[tuple[Finding, RenderedFix, str]]) -> bool:
    """Every licence the creator grants is tied to the Permitted Purpose by a change in its own words
    ("for any purpose" -> "solely for the Permitted Purpose"): the purpose limit's sentence would say it
    again, so its definition alone is inserted."""
    tied = {f.start for f, rf, op in fixes if op == "replace" and "Permitted Purpose" in (rf.replacement or "")}
    return (
        strategy.situation == LICENSED and bool(strategy.evidence) and all(f.start in tied for f in strategy.evidence)
    )
