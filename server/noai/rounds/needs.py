"""A need the other side states in a thread of ours ("We need to use machine translation for a first draft"),
answered on the need (:func:`_on_need`), and whether our restriction offers the creator a fee for consent. Pure: no
XML, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..analysis.audit import AuditResult
from ..analysis.facts import glossary_terms, restricts_only_training
from ..analysis.negotiation import ACCEPTED, MODIFIED, Need, Outcome, need_as_request, need_as_use, stated_need
from ..library.render import (
    excepting_item,
    possessive,
    tool_exception,
    tool_exception_spans,
    with_tool_exception,
)
from ..plan import Edit
from ..planning.strategy import COVENANT
from .answers import REINSTATE
from .said import _capital, _Said

REPLICA_CLAUSE = "fix-digital-replica"  # our change to a permission to make new material in the creator's voice
NEED_EXCEPTION = "need-exception"  # the clause id of our change excepting a use the other side says it needs

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
    if need.said in said.covered and not need.trains:  # our covenant as it stands allows it already: said so
        return f"{heard} {said.covered[need.said]}"
    if need.said in said.drafted and not need.trains:  # this round's change excepts it: said of it, never offered
        return (
            f"{heard} {_capital(who)} can agree to that use for that task alone, provided the tool used keeps no copy "
            f"of {work} after the task and trains no AI system on what it processes. We have added it to the "
            "exceptions to the restriction on AI use, on that condition: see our change there."
        )
    if need.replica:  # new material in the creator's voice or likeness: no tool use, and never excepted as one
        offered = f" ({need.pays}, as you offer, may be that fee)" if need.pays else ""
        replica = REPLICA_CLAUSE in said.proposed  # this round changes the clause permitting the replica
        if how == REINSTATE:
            where = " in the clause permitting the digital replica" if replica else ""
            return (
                f"{heard} That use makes new material in {possessive(who)} voice or likeness, which no exception to "
                f"the restriction on AI use allows, and we cannot agree to a standing permission for it{where}: each "
                f"use is new material {who} has not performed. "
                f"{_capital(who)} will consider each such use when you ask, with {possessive(who)} prior written "
                f"approval of the material and a further fee agreed in advance{offered}."
            )
        changed = " Our change to the clause permitting the digital replica says so: see it there." if replica else ""
        return (
            f"{heard} That use makes new material in {possessive(who)} voice or likeness: {who} can agree to it for "
            f"that use alone, one use at a time, with {possessive(who)} prior written approval of each piece of "
            f"material and a further fee agreed in advance{offered}.{changed} Because each such use makes new "
            "material, we offer that consent, use by use, rather than an exception to the restriction on AI use."
        )
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
    if need.said in said.drafted:  # what this round's change says, and no more
        return (
            f"{heard} {_capital(who)} can agree to that use for that purpose alone, with {who}'s prior written "
            f"consent{fee}. We have added to the restriction on AI use that {who} will not withhold that consent "
            f"unreasonably where {work} is used for that purpose alone, trains no other AI system and is not kept "
            "beyond that training: see our change there. Every other AI use stays within the restriction."
        )
    return (
        f"{heard} {_capital(who)} can agree to that use for that purpose alone, with {who}'s prior written "
        f"consent{fee}: not to train any other system or to generate content, and with no copy of {work} kept "
        "beyond that training. Every other AI use stays within the restriction."
    )


# what standard and minimal draft for a need to train on the work: the creator's consent, not withheld unreasonably
_CONSENT = (
    "{Provider} shall not unreasonably withhold consent to {request}, provided that the Protected Materials are used "
    "for that purpose alone, train no other AI System and are not kept beyond that training{fee}."
)
_CONSENT_FEE = "; {provider} may make that consent subject to a fee agreed at the time"


def _needs_drafted(
    result: AuditResult,
    outcomes: Sequence[Outcome],
    edits: list[Edit],
    variant: str,
    terms: dict[str, str] | None,
    how: str = "",
    fee: bool = False,
) -> tuple[list[Edit], frozenset[str], dict[str, str]]:
    """The changes this round drafts to our restriction on AI use for each AI use the other side says it needs in a
    thread of ours. A use of an AI tool that trains nothing (:func:`~noai.analysis.negotiation.need_as_use`; never a
    digital replica) is excepted on the condition our exceptions are made on (the tool keeps no copy and trains no AI
    system on the work): in our covenant's list or sentence of exceptions where the document has it as they accepted
    it (a tracked insertion; the "and" before the old last item struck), in its text where this round puts the
    covenant back, else a sentence of its own after the covenant's first operative paragraph. Training on the work
    (:func:`~noai.analysis.negotiation.need_as_request`) is never excepted: below strict (``how``), a sentence after
    that paragraph has the creator not withhold consent unreasonably, for that purpose alone (with the fee our
    restriction offers, ``fee``); strict drafts none. One change per paragraph, in none this round changes or
    comments on already (the first operative paragraph free of them). The edits (``edits`` with the
    covenant put back rewritten, then the new changes), the needs drafted (as
    :class:`~noai.analysis.negotiation.Need` says them), and the needs an item of the covenant's exceptions as they
    accepted it already excepts (:func:`~noai.library.render.excepting_item`: the need -> the item's label), drafted
    never again."""
    terms = terms or {}
    client, provider = terms.get("client", "the client"), terms.get("provider", "the creator")
    uses: dict[str, str] = {}  # the need as said -> the use excepted
    requests: dict[str, str] = {}  # the need as said -> the request to train consented to
    for o in outcomes:
        for c in o.replies:
            need = stated_need(c.text)
            use = need_as_use(c.text, client, possessive(client))
            request = need_as_request(c.text, client, possessive(client)) if how != REINSTATE else None
            if need is not None and use is not None:
                uses.setdefault(need.said, use)
            elif need is not None and request is not None:
                requests.setdefault(need.said, request)
    if not uses and not requests:
        return edits, frozenset(), {}
    covenant = next((o for o in outcomes if o.proposal.op == "insert_after" and o.proposal.clause == COVENANT), None)
    drafted: set[str] = set()
    out = list(edits)
    put_back = next((k for k, e in enumerate(out) if e.op == "insert_after" and e.clause == COVENANT), None)
    if put_back is not None:  # the covenant goes in again this round: its exceptions take the use
        for said, use in uses.items():
            e = out[put_back]
            texts = tuple({**q, "text": with_tool_exception(q["text"], use)} for q in e.paragraphs)
            if texts != e.paragraphs:
                out[put_back], drafted = replace(e, paragraphs=texts), drafted | {said}
        return out, frozenset(drafted), {}
    if covenant is None or covenant.state not in (ACCEPTED, MODIFIED) or covenant.tracked:
        return edits, frozenset(), {}  # no covenant of ours as they agreed it: our answer offers the exception instead
    paragraphs = result.paragraphs
    standing = [i for i in covenant.matched if i is not None and i < len(paragraphs)]
    touched = {e.index for e in out if e.op in ("replace", "comment")}  # a change or comment of this round is there
    operative = next((i for i in standing if not glossary_terms(paragraphs[i].text) and i not in touched), None)
    work = terms.get("deliverables") or "the work"
    covered: dict[str, str] = {}  # the need -> our answer that the covenant as it stands allows it
    only_training = restricts_only_training(p.text for p in paragraphs)
    for said, use in uses.items():
        if any(use in paragraphs[i].text for i in standing):
            continue  # excepted already
        item = next((x for i in standing if (x := excepting_item(paragraphs[i].text, use))), None)
        if item is not None:  # an exception of round one's names that tool ("(e) … as clause 3(b) permits") or task
            covered[said] = (
                f"{_capital(provider)} can agree to that use for that task alone, provided the tool used keeps no copy "
                f"of {work} after the task and trains no AI system on what it processes. {item} already allows it on "
                "that condition, so no change is needed."
            )
            continue
        if only_training:  # minimal's restriction: a tool that trains nothing is outside it
            covered[said] = (
                f"Our restriction on AI use forbids only training an AI system on {work}, or compiling a dataset "
                "for that: a tool that trains no AI system on what it processes is outside it, so that use needs no "
                "exception and no change is needed."
            )
            continue
        comment = (
            f"Why this change: you told us that {said}. That use is excepted from the restriction on AI use on the "
            f"condition the other exceptions are made on: the tool keeps no copy of {work} after the task and trains "
            "no AI system on it."
        )
        at = next((i for i in standing if tool_exception_spans(paragraphs[i].text, use)), None)
        if at is not None and at not in touched:
            text = paragraphs[at].text
            for start, end, new in tool_exception_spans(text, use):
                out.append(_change_at(at, text, start, end, new, variant, comment if new else None))
        elif at is None and operative is not None and operative not in touched:  # no exceptions to join (minimal's)
            text = paragraphs[operative].text.rstrip()
            out.append(_change_at(operative, text, len(text), len(text), " " + tool_exception(use), variant, comment))
            at = operative
        else:
            continue
        touched.add(at)
        drafted.add(said)
    for said, request in requests.items():
        if operative is None or operative in touched:
            continue
        text = paragraphs[operative].text.rstrip()
        consent = _CONSENT.format(
            Provider=_capital(provider),
            request=request,
            fee=_CONSENT_FEE.format(provider=provider) if fee else "",
        )
        comment = (
            f"Why this change: you told us that {said}. Training an AI system on {work} stays within the restriction "
            f"on AI use; this change has {provider} not withhold consent to that use unreasonably, for that purpose "
            "alone."
        )
        out.append(_change_at(operative, text, len(text), len(text), " " + consent, variant, comment))
        touched.add(operative)
        drafted.add(said)
    return out, frozenset(drafted), covered


def _change_at(
    at: int,
    text: str,
    start: int,
    end: int,
    new: str,
    variant: str,
    comment: str | None,
    clause: str = NEED_EXCEPTION,
) -> Edit:
    """Our tracked change of ``text[start:end]`` (paragraph ``at``) to ``new``; an insertion (``start == end``) made
    as a change of the word before it, kept ("review" -> "review; and (e) …"), so the change has words to find."""
    if start == end:
        start = text.rfind(" ", 0, max(start - 1, 0)) + 1
        new = text[start:end] + new
    edit = Edit.replacing(at, text, start, end, new, clause=clause, variant=variant, comment=comment)
    return edit
