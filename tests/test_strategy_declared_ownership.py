"""Strict on ownership declared in the present beside a present assignment (session 9 review, defect 3).

"All Work Product is the sole property of X upon creation. Y hereby assigns to X all right, title and interest …":
each sentence passes ownership at once. Where strict makes a transfer wait for payment, it must make both wait
(the declaration in its verb's place, the assignment "upon that payment") and strike the creation timing; standard
and minimal keep both. Another party's own materials declared to be its property stay as they are.
"""

from __future__ import annotations

import pytest
from test_strategy_creation_timing import contract, redline, transfer_paragraph
from test_writer import accepted, rejected

from noai.analysis.facts import present_transfers
from noai.ooxml.document import read_document

DECLARED = (
    "The Deliverables are the exclusive property of the Client on their creation. The Designer hereby assigns to "
    "the Client all intellectual property rights in the Deliverables."
)
REVERSED = (
    "The Designer hereby irrevocably assigns to the Client all copyright in the Deliverables. All intellectual "
    "property rights in the Deliverables are owned by the Client upon creation."
)


def test_strict_makes_a_declared_ownership_and_the_assignment_beside_it_both_wait_for_payment():
    docx = contract(DECLARED)
    red = redline(docx)
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 The Deliverables will, upon payment in full of all fees due under this agreement, be the exclusive "
        "property of the Client. The Designer shall, upon that payment, assign to the Client all intellectual "
        "property rights in the Deliverables."
    )
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]
    said = next(e.comment for e in red.plan.edits if e.finding == "ip_assignment" and e.comment)
    assert "“hereby assigns”" in said and "“on their creation”" in said, said


def test_strict_makes_a_declaration_after_the_assignment_wait_too_and_strikes_its_timing():
    red = redline(contract(REVERSED))
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 The Designer shall, upon payment in full of all fees due under this agreement, assign to the Client "
        "all copyright in the Deliverables. All intellectual property rights in the Deliverables will, upon that "
        "payment, be owned by the Client."
    )


@pytest.mark.parametrize("variant", ["standard", "minimal"])
@pytest.mark.parametrize("transfer", [DECLARED, REVERSED], ids=["declared-first", "assigned-first"])
def test_standard_and_minimal_keep_both_transfers_as_written(variant, transfer):
    red = redline(contract(transfer), variant)
    assert transfer_paragraph(accepted(red.docx)) == f"2.1 {transfer}"


def test_strict_leaves_both_as_written_where_no_fee_is_paid():
    red = redline(contract(DECLARED, "1.2 The Designer is employed at a salary."))
    assert transfer_paragraph(accepted(red.docx)) == f"2.1 {DECLARED}"


@pytest.mark.parametrize(
    "other",
    [
        "The Client's brand guidelines are the sole property of the Client.",  # the client's own materials
        "The Designer's templates are the sole property of the Designer.",  # the creator's own
        "The Client hereby assigns to the Designer the right to display the Deliverables.",  # from the client
        "Nothing in this agreement hereby assigns any right in the Designer's tools.",  # a denial
        "All rights in the Deliverables are the sole property of the Client upon payment of the fees.",  # waits
    ],
)
def test_another_sentence_that_passes_nothing_of_the_work_to_the_client_at_once_is_left_alone(other):
    text = f"All rights in the Deliverables shall vest in the Client. {other}"
    at = text.index("shall vest")
    assert present_transfers(text, at, at + len("shall vest"), "Designer", "Client", "Deliverables") == []


def test_a_fallback_assignment_of_what_does_not_vest_waits_for_the_payment_too():
    text = (
        "All rights in the Deliverables vest in the Client. To the extent any right does not vest in the Client, "
        "the Designer hereby assigns it to the Client."
    )
    at = text.index("vest in")
    [strike] = present_transfers(text, at, at + len("vest in"), "Designer", "Client", "Deliverables")
    assert (strike.words, strike.replacement) == ("hereby assigns", "shall, upon that payment, assign")


@pytest.mark.libreoffice
def test_libreoffice_accepts_both_waits_as_planned_and_rejects_them_to_the_input(libreoffice):
    sources = [contract(DECLARED), contract(REVERSED)]
    results = libreoffice([redline(docx).docx for docx in sources] + sources)
    for result, original in zip(results[:2], results[2:], strict=True):
        assert result["rejected_paragraphs"] == original["paragraphs"]
        ownership = transfer_paragraph(result["accepted_paragraphs"])
        assert ownership.count("payment") == 2 and "creation" not in ownership, ownership
        assert "hereby" not in ownership and " is " not in ownership and " are " not in ownership, ownership
        assert result["redlines_left_after_accept"] == 0 and result["redlines_left_after_reject"] == 0
