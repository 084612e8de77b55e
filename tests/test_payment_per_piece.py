"""Strict's payment condition waits for the fees of the piece of work it transfers (session 10 re-grade, defect 1).

A master agreement billed per statement of work, order or work order, or a contract paying per item ("£150 for each
Illustration"), must not make ownership of one piece wait for every fee due under the whole agreement: it waits for
that piece's fees, in the document's words ("the fees for that Work Product under the applicable Statement of
Work"). A single commission keeps the whole agreement's price ("all fees due under this agreement").
"""

from __future__ import annotations

import pytest
from test_document_wording import build, redline_of, written
from test_review_synthetic import redline
from test_writer import accepted

from noai.analysis.facts import payment_due

MSA_CONDITION = "upon payment in full of the fees for that Work Product under the applicable Statement of Work"


def transfer_fixes(red):
    return [e for e in red.plan.edits if e.op == "replace" and e.finding == "ip_assignment" and e.replacement]


def test_strict_makes_the_translation_msas_work_product_wait_only_for_its_statement_of_works_fees():
    red = redline("us-translation-msa", "strict")
    fix = transfer_fixes(red)[0]
    assert MSA_CONDITION in (fix.replacement or "")
    assert f"only on {MSA_CONDITION.removeprefix('upon ')}" in " ".join((fix.comment or "").split())
    # the assignment alone passes ownership (the statement "All Work Product is the sole property …" is struck)
    ownership = next(t for t in accepted(red.docx) if t.startswith("Vendor shall"))
    assert ownership.startswith(f"Vendor shall, {MSA_CONDITION}, assign to Northgate all right, title and interest")
    assert "all fees due under this Agreement" not in ownership


# A master agreement of another shape: work orders, "Deliverables", a supplier and a client, an assignment.
WORK_ORDERS = (
    "MASTER SERVICES AGREEMENT",
    'This agreement is made between Harbour Lane Design Ltd (the "Supplier") and Copperleaf Foods plc (the "Client").',
    "1. The Supplier shall provide the services described in each Work Order the parties sign.",
    '2. "Deliverables" means the designs and files the Supplier delivers to the Client under a Work Order.',
    "3. The Client shall pay the fees set out in the applicable Work Order within 30 days of invoice.",
    "4. The Supplier hereby assigns to the Client all intellectual property rights in the Deliverables.",
    "5. This agreement is governed by the laws of England.",
)
ONE_COMMISSION = (
    "DESIGN AGREEMENT",
    'This agreement is made between Harbour Lane Design Ltd (the "Supplier") and Copperleaf Foods plc (the "Client").',
    '1. The Supplier shall design the packaging of the Client\'s spring range (the "Deliverables").',
    "2. The Client shall pay the Supplier fees of £6,000 for the Deliverables.",
    "3. The Supplier hereby assigns to the Client all intellectual property rights in the Deliverables.",
    "4. This agreement is governed by the laws of England.",
)


def test_strict_makes_deliverables_under_work_orders_wait_only_for_their_work_orders_fees():
    red = redline_of(build(*WORK_ORDERS))
    condition = "upon payment in full of the fees for those Deliverables under the applicable Work Order"
    assert condition in (transfer_fixes(red)[0].replacement or "")
    assert f"4. The Supplier shall, {condition}, assign to the Client" in written(red)
    assert "fees due under this agreement" not in written(red)


def test_a_single_commission_keeps_the_whole_agreements_fees_as_the_condition():
    red = redline_of(build(*ONE_COMMISSION))
    assert (
        "3. The Supplier shall, upon payment in full of all fees due under this agreement, assign to the Client"
        in written(red)
    )
    assert "applicable" not in written(red) and "for that" not in written(red)


def test_a_contract_paying_per_item_makes_each_item_wait_for_its_own_sum():
    red = redline("vested-disclaimer", "strict")  # "£150 for each Illustration accepted"
    vesting = next(t for t in accepted(red.docx) if "be vested in the Institute" in t)
    assert (  # said piece by piece (session 10 cosmetic: "…, as to that Illustration, be vested" read badly)
        "shall, for each Illustration, upon payment in full of the sum due for it under this agreement, be vested in "
        "the Institute" in vesting
    )
    assert "as to that" not in vesting


def test_a_transfer_that_already_names_the_piece_waits_for_that_pieces_fees():
    red = redline("us-work-for-hire", "strict")  # fees on "accepting each Contribution"
    fix = transfer_fixes(red)[0]
    assert fix.replacement == "shall, upon payment in full of the fees for that Contribution under the Contract, assign"
    assert "as to that Contribution" not in written(red)


@pytest.mark.parametrize(
    ("texts", "price", "work", "expected"),
    [
        (
            ["Services under each SOW.", "The fees are set out in each SOW."],
            "all fees due",
            "Work Product",
            "the fees for that Work Product under the applicable SOW",
        ),
        (
            ["Each Purchase Order states its Charges."],
            "all Charges due",
            "Materials",
            "the Charges for those Materials under the applicable Purchase Order",
        ),
        (
            ["The Studio is paid a fee per Episode delivered."],
            "all fees due",
            "Episodes",
            "the fees for each Episode under this agreement, as to that Episode",
        ),
        (["The Client shall pay the Fee of £2,000 for the Designs."], "the Fee due", "Designs", None),
        (["This Statement of Work sets out the fees."], "all fees due", "Deliverables", None),
        (["The terms of any Purchase Order do not apply.", "The fee is £900."], "all fees due", "Designs", None),
    ],
)
def test_the_payment_a_piece_waits_for_is_read_from_the_documents_orders_and_fees(texts, price, work, expected):
    assert payment_due(texts, price, work, "this agreement") == expected
