"""The plan's strategy: what the document does with the creator's work (licensed, assigned, or no work
delivered), read from the findings, and the playbook's clauses fitted to it.

Imports :mod:`noai.analysis` and :mod:`noai.library` (no other part of the plan).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, replace

from ..analysis.audit import AuditResult
from ..analysis.classify import Finding
from ..analysis.facts import DocumentFacts, Retention, clause_name, last_word
from ..library import RenderedFix
from ..library.render import possessive

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
    kept = facts.prevailing
    if kept is not None and kept.whole:  # a part that prevails keeps the whole work with the creator: licensed
        transfers = []
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


CARVED = "carved_out"  # the attribute of a transfer's finding whose change takes out what a prevailing part keeps


def kept_words(kept: Retention, provider: str) -> tuple[str, str]:
    """What a prevailing part keeps, as the change says it (", except photographs, in which Seller retains copyright
    under the face of this Order"; the whole work: ", except that Consultant retains all intellectual property
    rights in the Deliverables under the Statement of Work") and as a comment says it ("keeps Seller's copyright in
    photographs")."""
    retains = "retain" if provider in ("we", "I", "you") else "retains"
    if kept.whole:
        of = "of" if kept.right.endswith("ownership") else "in"  # "ownership of", "all rights in"
        change = f", except that {provider} {retains} {kept.right} {of} {kept.thing} under {kept.part}"
    else:
        change = f", except {kept.thing}, in which {provider} {retains} {kept.right} under {kept.part}"
    right = kept.right.removeprefix("all ").removeprefix("the ")
    return change, f"keeps {possessive(provider)} {right} {'of' if right.endswith('ownership') else 'in'} {kept.thing}"


def carve_out(
    fixes: Sequence[tuple[Finding, RenderedFix, str]],
    kept: Retention,
    result: AuditResult,
    fix_ids: Mapping[str, str],
    variant: str,
    terms: Mapping[str, str],
) -> list[tuple[Finding, RenderedFix, str]]:
    """The fixes of the transfers a prevailing part limits. The face of a purchase order keeps "copyright in all
    photographs delivered under this Order" and its terms make the "Work Product" (photographs included) works made
    for hire: each transfer's paragraph gets one change at the end of its sentence taking the kept thing out
    (:func:`kept_words`), with a comment quoting the part, in place of the comments saying the transfer stands ("gives
    Buyer ownership … We leave this wording unchanged"). Strict's payment condition stays for the rest of the work
    where one kind of it is kept, and goes where the whole work is: nothing is offered that the part withholds.
    ``fix_ids``: the fix of each transfer kind."""
    provider = terms.get("provider", "the creator")
    change, keeps = kept_words(kept, provider)
    paragraphs = result.paragraphs
    precedence = paragraphs[kept.precedence].section_label
    prevails = f"{kept.part}, which prevails" + (f" ({clause_name(precedence)})" if precedence else "")
    out = [
        (f, rf, op)
        for f, rf, op in fixes
        if not (f.kind in _TRANSFER_KINDS and f.start in kept.covers and (op == "comment" or kept.whole))
    ]
    for at in kept.covers:
        transfers = [f for f in result.findings if f.start == at and f.kind in _TRANSFER_KINDS]
        if not transfers:
            continue
        last = max(transfers, key=lambda f: f.phrase_end)
        if at in kept.excepted:  # taken out already (in its own words, or by a round of ours it accepted)
            continue
        span = last_word(last.paragraph_text, last.phrase_end - 1)
        if span is None:
            continue
        a, b = span
        label = paragraphs[at].section_label
        quoted = [f"“{phrase}”" for phrase in dict.fromkeys(f.phrase for f in transfers)]
        phrases = " and ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
        said = (
            f"{prevails[0].upper()}{prevails[1:]}, {keeps}: “{kept.sentence}” This change says so"
            + (f" in {clause_name(label)}" if label else " here")
            + f", so that {phrases} {'do' if len(quoted) > 1 else 'does'} not reach {'it' if kept.whole else 'them'}."
        )
        joined = next(
            (
                k
                for k, (f, _, op) in enumerate(out)
                if op == "replace" and f.start == at and f.phrase_start < b and a < f.phrase_end
            ),
            None,
        )
        if joined is not None:  # strict's change of the last words: the carve-out follows its replacement
            f, rf, op = out[joined]
            out[joined] = (f, replace(rf, replacement=(rf.replacement or "") + change), op)
            continue
        word = last.paragraph_text[a:b]
        finding = replace(last, phrase=word, phrase_start=a, phrase_end=b, attributes={**last.attributes, CARVED: True})
        fix = fix_ids.get(last.kind, last.kind)
        out.append((finding, RenderedFix(fix, last.kind, variant, "replace", word, word + change, said), "replace"))
    return sorted(out, key=lambda x: x[0].start)  # in document order, as the findings are
