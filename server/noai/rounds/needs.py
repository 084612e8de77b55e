"""A need the other side states in a thread of ours ("We need to use machine translation for a first draft"),
answered on the need (:func:`_on_need`), and whether our restriction offers the creator a fee for consent. Pure: no
XML, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.audit import AuditResult
from ..analysis.negotiation import Need
from ..plan import Edit
from .answers import REINSTATE
from .said import _capital, _Said

_FEE = "fee agreed"  # our restriction's "which the creator may make subject to a fee agreed at the time"


def _offers_fee(result: AuditResult, edits: Sequence[Edit]) -> bool:
    """Our restriction on AI use, in the document or proposed this round, lets the creator make consent subject to
    a fee ("which Contractor may make subject to a fee agreed at the time")."""
    texts = [*(p.text for p in result.paragraphs), *(q.get("text", "") for e in edits for q in e.paragraphs)]
    return any(_FEE in t for t in texts)


def _on_need(need: Need, said: _Said, how: str) -> str:
    """Our answer to an AI use the other side says it needs (in a thread of ours): what we can allow and on what
    terms, or why not. A use of an AI tool that trains nothing: allowed for that task, where the tool keeps no copy
    and trains no AI system on the work (an exception offered, never claimed: strict names the tool). Training an
    AI system on the work: standard and minimal allow it for that purpose alone, with the creator's consent (and a
    fee, where our restriction offers one); strict gives no standing permission and says how the creator may
    consent."""
    who = said.terms.get("provider") or "the creator"
    work = said.terms.get("works") or said.terms.get("deliverables") or "the work"
    fee = f", which {who} may make subject to a fee agreed at the time" if said.fee else ""
    heard = f"We understand that {need.said}."
    if not need.trains:  # an offer, never a claim that our text already says so (this round adds no exception)
        offer = (
            f"{_capital(who)} will consider an exception to the restriction on AI use that says so and names the tool"
            if how == REINSTATE
            else "We will accept an exception to the restriction on AI use that says so, if you propose one"
        )
        return (
            f"{heard} {_capital(who)} can agree to that use for that task alone, provided the tool used "
            f"keeps no copy of {work} after the task and trains no AI system on what it processes. {offer}."
        )
    if how == REINSTATE:
        return (
            f"{heard} We cannot agree to a standing permission for that: training an AI system on {work} is the use "
            f"our restriction forbids. {_capital(who)} will consider each such use when you ask: the restriction "
            f"allows it with {who}'s prior written consent{fee}, for the purpose stated alone."
        )
    return (
        f"{heard} {_capital(who)} can agree to that use for that purpose alone, with {who}'s prior written "
        f"consent{fee}: not to train any other system or to generate content, and with no copy of {work} kept "
        "beyond that training. Every other AI use stays within the restriction."
    )
