"""Strict on a transfer timed at the work's creation (issue 15): where strict makes a vesting or an
assignment wait for payment, the words that pass ownership on creation ("on their creation", "as and
when created", …) would contradict the payment condition, so a lawyer strikes them as a second tracked
change in the same sentence; the transfer's comment and the approach comment say so. A timing phrase
that belongs to another obligation of the sentence stays, and standard / minimal strike nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted, rejected

from noai import engine
from noai.analysis.facts import creation_timing
from noai.ooxml.document import read_document

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
PAID = "1.2 The Client shall pay the Designer a fee of £400 for the Deliverables."  # one commission: the whole fee
TIMING_WORDS = re.compile(r"\bcreat(?:ion|ed)\b|\bconception\b|\bwritten\b", re.IGNORECASE)


def contract(transfer: str, payment: str = PAID, *more: str) -> bytes:
    texts = (
        "DESIGN SERVICES AGREEMENT",
        'This agreement is made between Harrow Lane Design Ltd (the "Designer") and Fenwick Cycles Ltd (the "Client").',
        "1. Services",
        '1.1 The Designer shall design the packaging artwork for the Client\'s new range (the "Deliverables").',
        payment,
        "2. Intellectual Property",
        f"2.1 {transfer}",
        *more,
        "3. General",
        "3.1 This agreement is governed by the laws of England.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def redline(docx: bytes, variant: str = "strict") -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))


def transfer_paragraph(texts: list[str]) -> str:
    return next(t for t in texts if t.startswith("2.1 "))


def approach(plan) -> str:
    return next(e.comment for e in plan.edits if e.comment and e.comment.startswith("Our approach"))


VESTING = "All intellectual property rights in the Deliverables shall be vested in the Client {timing}."
ASSIGNING = "The Designer hereby assigns to the Client all intellectual property rights in the Deliverables {timing}."
TIMINGS = (
    "on their creation",
    "upon creation",
    "as and when created",
    "immediately upon creation",
    "from the moment of creation",
    "automatically on creation",
    "as they are created",
    "on conception",
    "effective upon creation",
    "with effect from their creation",
)


@pytest.mark.parametrize("timing", TIMINGS)
@pytest.mark.parametrize("form", [VESTING, ASSIGNING], ids=["vesting", "assignment"])
def test_strict_strikes_the_creation_timing_of_a_transfer_it_makes_wait_for_payment(form, timing):
    docx = contract(form.format(timing=timing))
    red = redline(docx)
    transfer = [e for e in red.plan.edits if e.finding == "ip_assignment"]
    assert [e.op for e in transfer] == ["replace", "replace"], [(e.op, e.find) for e in transfer]
    pay, strike = transfer
    assert "upon payment in full" in (pay.replacement or "")
    assert strike.find == f" {timing}" and strike.replacement == "" and strike.comment is None
    assert f"We also strike “{timing}”" in (pay.comment or "")
    after = transfer_paragraph(accepted(red.docx))
    assert not TIMING_WORDS.search(after), after
    assert "upon payment in full of all fees due under this agreement" in after
    assert after.endswith(("the Deliverables.", "the Client.")), after
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]
    assert f"we strike “{timing}”" in approach(red.plan)


def test_the_accepted_vesting_reads_as_one_payment_condition_with_no_timing_left():
    red = redline(contract(VESTING.format(timing="on their creation")))
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 All intellectual property rights in the Deliverables shall, upon payment in full of all fees due under "
        "this agreement, be vested in the Client."
    )


def test_the_accepted_assignment_reads_as_one_payment_condition_with_no_timing_left():
    red = redline(contract(ASSIGNING.format(timing="as and when created")))
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 The Designer shall, upon payment in full of all fees due under this agreement, assign to the Client "
        "all intellectual property rights in the Deliverables."
    )


@pytest.mark.parametrize("variant", ["standard", "minimal"])
def test_standard_and_minimal_keep_the_transfer_and_its_timing_as_written(variant):
    docx = contract(VESTING.format(timing="on their creation"))
    red = redline(docx, variant)
    assert not [e for e in red.plan.edits if e.op == "replace" and e.finding == "ip_assignment"]
    assert "on their creation" in transfer_paragraph(accepted(red.docx))
    assert "strike" not in approach(red.plan)


def test_strict_strikes_no_timing_where_the_transfer_does_not_wait_for_payment():
    docx = contract(VESTING.format(timing="on their creation"), "1.2 The Designer is employed at a salary.")
    red = redline(docx)
    assert not [e for e in red.plan.edits if e.op == "replace" and e.finding == "ip_assignment"]
    assert "on their creation" in transfer_paragraph(accepted(red.docx))


def test_a_creation_timing_of_another_obligation_in_the_sentence_stays():
    docx = contract(
        "All intellectual property rights in the Deliverables shall be vested in the Client, and the Designer "
        "shall send the Client a copy of each Deliverable upon its creation.",
    )
    red = redline(docx)
    transfer = [e for e in red.plan.edits if e.finding == "ip_assignment"]
    assert [e.op for e in transfer] == ["replace"]  # the payment condition, no strike
    assert "a copy of each Deliverable upon its creation" in transfer_paragraph(accepted(red.docx))
    assert "strike" not in approach(red.plan)


def test_a_creation_timing_in_another_sentence_of_the_paragraph_stays():
    docx = contract(
        "All intellectual property rights in the Deliverables shall be vested in the Client. The Designer shall "
        "keep a dated record of each Deliverable from the moment of its creation.",
    )
    red = redline(docx)
    assert [e.op for e in red.plan.edits if e.finding == "ip_assignment"] == ["replace"]
    assert "from the moment of its creation" in transfer_paragraph(accepted(red.docx))


def test_a_timing_that_opens_the_sentence_is_struck_and_the_next_word_takes_the_capital():
    docx = contract("Upon creation, all intellectual property rights in the Deliverables shall vest in the Client.")
    red = redline(docx)
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 All intellectual property rights in the Deliverables shall, upon payment in full of all fees due "
        "under this agreement, vest in the Client."
    )
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]


def test_a_timing_between_commas_goes_with_both_commas():
    docx = contract(
        "All intellectual property rights in the Deliverables, immediately upon creation, shall vest in the Client."
    )
    red = redline(docx)
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 All intellectual property rights in the Deliverables shall, upon payment in full of all fees due "
        "under this agreement, vest in the Client."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "All rights shall vest in the Client on delivery.",
        "All rights shall vest in the Client upon the development of the Product.",
        "All rights shall vest in the Client at the time of production of the Goods.",
        "All rights shall vest in the Client when made available to it.",
        "All rights shall vest in the Client; the Designer shall deliver each file on creation.",
    ],
)
def test_no_creation_timing_is_read_where_the_transfer_is_not_timed_at_creation(sentence):
    at = sentence.index("shall vest")
    assert creation_timing(sentence, at, at + len("shall vest")) is None


def test_a_second_run_on_the_redlined_strict_contract_adds_no_edit_to_the_transfer():
    red = redline(contract(VESTING.format(timing="on their creation")))
    again = redline(red.docx)
    assert not [e for e in again.plan.edits if e.finding == "ip_assignment" and e.op == "replace"]


def test_the_struck_timing_is_pending_then_accepted_or_rejected_in_the_next_round():
    from tests.support.replies import Reply

    sent = redline(contract(VESTING.format(timing="on their creation"))).docx
    strike = next(
        e
        for e in redline(contract(VESTING.format(timing="on their creation"))).plan.edits
        if e.find == " on their creation"
    )

    def state(docx: bytes) -> str:
        outcomes = engine.audit(docx).negotiation.outcomes  # type: ignore[union-attr]
        return next(o.status for o in outcomes if o.proposal.id == strike.id)

    assert state(sent) == "pending"
    assert state(Reply(sent).accept().bytes()) == "accepted"
    assert state(Reply(sent).reject().bytes()) == "rejected"


@pytest.mark.libreoffice
def test_libreoffice_accepts_the_payment_condition_and_the_strike_as_planned_and_rejects_them_to_the_input(
    libreoffice,
):
    cases = [
        (
            VESTING.format(timing="from the moment of creation"),
            "shall, upon payment in full of all fees due under this agreement, be vested in the Client.",
        ),
        (
            ASSIGNING.format(timing="as they are created"),
            "The Designer shall, upon payment in full of all fees due "
            "under this agreement, assign to the Client all intellectual property rights in the Deliverables.",
        ),
        (
            "Upon creation, all intellectual property rights in the Deliverables shall vest in the Client.",
            "All "
            "intellectual property rights in the Deliverables shall, upon payment in full of all fees due under this "
            "agreement, vest in the Client.",
        ),
    ]
    sources = [contract(transfer) for transfer, _ in cases]
    results = libreoffice([redline(docx).docx for docx in sources] + sources)
    for (_, expected), result, original in zip(cases, results[: len(cases)], results[len(cases) :], strict=True):
        assert result["rejected_paragraphs"] == original["paragraphs"]
        assert transfer_paragraph(result["accepted_paragraphs"]).endswith(expected)
        assert result["redlines_left_after_accept"] == 0 and result["redlines_left_after_reject"] == 0


def test_two_transfers_sharing_one_timing_strike_it_once():
    from noai.library import RenderedFix
    from noai.plan import strike_creation_timing

    red = redline(contract(VESTING.format(timing="on their creation")))
    vesting = next(f for f in red.audit.findings if f.kind == "ip_assignment")
    pay = RenderedFix("fix-ip-assignment", "ip_assignment", "strict", "replace", vesting.phrase, "x", "Why.")
    pay = replace(pay, replacement="upon payment in full of all fees due under this agreement " + vesting.phrase)
    fixes, struck = strike_creation_timing([(vesting, pay, "replace"), (replace(vesting), pay, "replace")])
    assert struck == ["on their creation"]
    assert [f.phrase for f, _, _ in fixes] == [vesting.phrase, " on their creation", vesting.phrase]
