"""A part of the contract that prevails over its general terms and keeps the creator's rights (review16 classes 2, 6
and 7, on shapes of our own besides review16's purchase order).

``sow_msa()`` is a US master services agreement whose general terms make the "Deliverables" works made for hire and
assign them, and whose Statement of Work (attached as Schedule 1, which "shall control" in a conflict) says the
designer "retains all intellectual property rights in the Deliverables" and grants a licence: the whole work stays
with the creator. ``order_form()`` is a UK commission whose Order Form (at the top, and which "takes precedence") keeps
the illustrator's copyright in one kind of the work ("the character designs created for this Commission") while the
Standard Terms vest and assign all "Materials", and let the publisher use them "for any purpose".
``general_terms_prevail()`` is ``sow_msa()`` with the precedence turned round: the agreement prevails, so the
transfer stands; ``order_over_quotation()`` a purchase order that prevails as a whole over the seller's quotation (no
part of it over another); ``order_form(", except the character designs")`` an assignment that leaves the kept thing
out already.
"""

from __future__ import annotations

import functools
import io
import re
from datetime import UTC, datetime

import pytest
from support.read import accepted as written

from noai import engine

DATE = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def _docx(texts: tuple[str, ...]) -> bytes:
    from docx import Document

    doc = Document()
    for text in texts:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


_MSA = (
    "MASTER SERVICES AGREEMENT",
    'This Master Services Agreement (this "Agreement") is made between Lumen Analytics, Inc. ("Client") and Mara '
    'Voss, an individual doing business as Voss Illustration ("Designer").',
    '1. Services. Designer shall perform the services and deliver the illustrations (the "Deliverables") described in '
    "each statement of work attached to this Agreement.",
    "2. Fees. Client shall pay the fees set out in the statement of work within thirty days of invoice.",
    "3. Order of Precedence. In the event of any inconsistency between this Agreement and a Statement of Work, {}",
    "4. Ownership. All Deliverables are works made for hire for Client, and Designer hereby assigns to Client all "
    "right, title and interest in the Deliverables.",
    "5. Confidentiality. Designer shall keep Client's business information confidential.",
    "6. Governing Law. This Agreement is governed by the laws of the State of California.",
    "IN WITNESS WHEREOF the parties have signed this Agreement.",
    "Client: ____________      Designer: ____________",
    "SCHEDULE 1 - STATEMENT OF WORK",
    "Project: twelve editorial illustrations for the Lumen annual report.",
    "Fee: USD 9,600, payable on delivery.",
    "Ownership and use: Designer retains all intellectual property rights in the Deliverables. Client receives a "
    "perpetual, non-exclusive license to reproduce the Deliverables in its annual report and on its website.",
)


@functools.cache
def sow_msa() -> bytes:
    return _docx(tuple(t.format("the Statement of Work shall control.") for t in _MSA))


@functools.cache
def sow_property() -> bytes:
    """``sow_msa()`` whose Statement of Work says the work "shall remain the sole property of" the designer."""
    kept = "Designer retains all intellectual property rights in the Deliverables."
    return _docx(
        tuple(
            t.format("the Statement of Work shall control.").replace(
                kept, "All Deliverables shall remain the sole property of Designer."
            )
            for t in _MSA
        )
    )


@functools.cache
def general_terms_prevail() -> bytes:
    return _docx(tuple(t.format("this Agreement shall prevail.") for t in _MSA))


@functools.cache
def order_form(excepting: str = "") -> bytes:
    """``excepting``: words the Standard Terms' assignment ends with ("except the character designs")."""
    texts = _order_form_texts()
    return _docx(
        tuple(
            t.replace("all copyright in the Materials.", f"all copyright in the Materials{excepting}.") for t in texts
        )
    )


def _order_form_texts() -> tuple[str, ...]:
    return (
        "ORDER FORM",
        "Commission: cover and twelve interior illustrations for the picture book Moth and the Lantern.",
        "Fee: GBP 4,500, half on signature and half on delivery.",
        "Special terms: The Illustrator keeps the copyright in the character designs created for this "
        "Commission. The Publisher receives an exclusive licence to reproduce them in the book and its promotion.",
        "Signed for the Publisher: ________   Signed by the Illustrator: ________",
        "STANDARD TERMS AND CONDITIONS",
        'These terms and the Order Form together form the agreement (this "Agreement") between Foxglove Books Ltd '
        '("the Publisher") and Ines Harrow ("the Illustrator").',
        "1. Precedence. In case of conflict between the Order Form and these Standard Terms, the Order Form "
        "takes precedence.",
        "2. Delivery. The Illustrator shall deliver the artwork by the dates agreed in writing.",
        "3. Rights.",
        "(a) All artwork, character designs and other materials produced by the Illustrator for the "
        'Publisher (the "Materials") shall vest in the Publisher, and the Illustrator hereby assigns to the '
        "Publisher all copyright in the Materials.",
        "(b) The Publisher and its affiliates may use any information, data and content the Illustrator provides "
        "under this Agreement for any purpose.",
        "4. Law. This Agreement is governed by the laws of England and Wales.",
    )


@functools.cache
def order_over_quotation() -> bytes:
    """A purchase order of our own whose precedence clause sets the whole order over the seller's quotation: its face
    and its terms are one document, and neither prevails over the other."""
    return _docx(
        (
            "PURCHASE ORDER",
            "Vendor: Tallis Studio LLC. Item: eight product videos, 30 seconds each. Total: USD 6,400.",
            "Notes: Seller keeps ownership of all videos delivered under this Order.",
            "STANDARD TERMS AND CONDITIONS",
            '1. Order. This purchase order, with these terms (this "Order"), is issued by Brightwell Foods, Inc. '
            '("Buyer") to the vendor named on its face ("Seller").',
            "2. Precedence. If Seller's quotation conflicts with this Order, this Order prevails.",
            '3. Work Product. All videos and other materials Seller prepares for Buyer ("Work Product") are works '
            "made for hire, and Seller hereby assigns to Buyer all right, title and interest in the Work Product.",
            "4. Law. This Order is governed by the laws of the State of New York.",
        )
    )


CONTRACTS = {
    "sow": sow_msa,
    "order": order_form,
    "agreement": general_terms_prevail,
    "quotation": order_over_quotation,
    "property": sow_property,
    "excepting": lambda: order_form(", except the character designs"),
}


@functools.cache
def redline(name: str, variant: str) -> engine.Redline:
    return engine.redline(CONTRACTS[name](), author="noai", date=DATE, options=engine.Options(variant=variant))


def said(red: engine.Redline) -> str:
    return " ".join(e.comment for e in red.plan.edits if e.comment)


def paragraph(paragraphs: list[str], start: str) -> str:
    return next(t for t in paragraphs if t.startswith(start))


# ------------------------------------------------------------------------------------------------
# Class 2: the audit reads the order of precedence and what the prevailing part keeps


@pytest.mark.parametrize(
    ("name", "part", "thing"),
    (("sow", "Statement of Work prevails", "the Deliverables"), ("order", "Order Form prevails", "designs")),
)
def test_the_audit_notes_a_prevailing_part_that_keeps_the_creators_rights(name, part, thing):
    notes = engine.audit(CONTRACTS[name]()).notes
    assert any(part in n and thing in n and "does not reach" in n for n in notes), notes


def test_a_part_the_general_terms_prevail_over_keeps_nothing_from_the_transfer():
    assert not any("prevails" in n for n in engine.audit(general_terms_prevail()).notes)
    red = redline("agreement", "standard")
    assert not any("except" in (e.replacement or "") for e in red.plan.edits)
    assert "we leave that transfer unchanged" in said(red)


def test_a_document_that_prevails_over_another_as_a_whole_takes_nothing_out_of_its_own_transfer():
    # "this Order prevails" over the seller's quotation: the face's keeping is not made to prevail by it
    assert not any("prevails" in n for n in engine.audit(order_over_quotation()).notes)
    red = redline("quotation", "standard")
    assert not any("except" in (e.replacement or "") for e in red.plan.edits), red.plan.edits


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_statement_of_work_that_keeps_the_whole_work_takes_it_out_of_the_general_assignment(variant):
    red = redline("sow", variant)
    ownership = paragraph(written(red), "4. Ownership.")
    assert re.search(
        r"except that Designer retains all intellectual property rights in the Deliverables under the "
        r"Statement of Work\.$",
        ownership,
    ), ownership
    # nothing offered that the statement of work withholds: no payment condition on an assignment of the work
    assert "upon payment" not in ownership and "not works made for hire" not in ownership, ownership
    comments = said(red)
    assert "Designer keeps ownership" in comments and "the Statement of Work, which prevails (Section 3)" in comments
    assert "gives Client ownership" not in comments and "we leave that transfer unchanged" not in comments
    # licensed work: no clause about what passes on a transfer of ownership
    assert not any("owned before this Agreement" in p.get("text", "") for e in red.plan.edits for p in e.paragraphs)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_statement_of_work_saying_the_work_remains_the_creators_property_takes_it_out_of_the_assignment(variant):
    red = redline("property", variant)
    ownership = paragraph(written(red), "4. Ownership.")
    assert ownership.endswith(
        "except that Designer retains ownership of the Deliverables under the Statement of Work."
    ), ownership
    assert "keeps Designer's ownership of the Deliverables" in said(red), said(red)


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_order_form_that_keeps_one_kind_of_the_work_carves_it_out_of_the_general_assignment(variant):
    red = redline("order", variant)
    rights = paragraph(written(red), "(a) All artwork")
    assert rights.endswith(
        "in the Materials, except character designs, in which the Illustrator retains the copyright under the Order "
        "Form."
    ), rights
    comments = said(red)
    assert "the Order Form, which prevails (clause 1), keeps the Illustrator's copyright in character designs" in (
        comments
    ), comments
    assert "gives the Publisher ownership" not in comments and "we leave that transfer unchanged" not in comments
    if variant == "strict":  # the rest of the Materials passes on payment; the character designs never
        assert "upon payment in full" in rights and "ownership of the rest pass only on payment" in comments


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_transfer_that_already_leaves_the_kept_thing_out_gets_no_second_exception(variant):
    red = redline("excepting", variant)
    rights = paragraph(written(red), "(a) All artwork")
    assert rights.endswith("in the Materials, except the character designs."), rights
    comments = said(red)
    assert "keeps the Illustrator's copyright in character designs, which stays out of that transfer" in comments
    assert "we leave that transfer unchanged" not in comments and "gives the Publisher ownership" not in comments


# ------------------------------------------------------------------------------------------------
# Class 6: what the contract keeps with the creator is never named as pre-existing material when it is the work made
# under it


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_the_pre_existing_materials_clause_names_no_work_made_under_the_contract(variant):
    clause = [
        p["text"]
        for e in redline("order", variant).plan.edits
        for p in e.paragraphs
        if "owned before this Agreement" in p["text"]
    ]
    assert clause, "no pre-existing-materials clause"
    assert not any("character designs" in t or "created for" in t for t in clause), clause


def test_a_duty_to_keep_information_confidential_is_not_material_the_creator_keeps():
    clause = [
        p["text"]
        for e in redline("agreement", "standard").plan.edits
        for p in e.paragraphs
        if "owned before this Agreement" in p["text"]
    ]
    assert clause and not any("business information" in t for t in clause), clause


# ------------------------------------------------------------------------------------------------
# Class 7: a definition inserted alone goes in the clause that uses it, not in the prevailing part above its signature


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_the_purpose_definition_goes_in_the_clause_whose_licence_uses_it(variant):
    paragraphs = written(redline("order", variant))
    defined = next(i for i, t in enumerate(paragraphs) if '"Permitted Purpose" means' in t)
    used = next(i for i, t in enumerate(paragraphs) if t.startswith("(b) The Publisher and its affiliates"))
    assert "solely for the Permitted Purpose" in paragraphs[used], paragraphs[used]
    assert used < defined < next(i for i, t in enumerate(paragraphs) if t.startswith("4. Law")), paragraphs[defined]


@pytest.mark.parametrize("name", ("sow", "order"))
def test_round_two_after_the_exception_was_accepted_adds_no_second_one(name):
    from support.replies import Reply

    back = Reply(redline(name, "standard").docx).accept().bytes()
    again = engine.redline(back, author="noai", date=DATE, options=engine.Options(variant="standard"))
    assert not any("except" in (e.replacement or "") for e in again.plan.edits), again.plan.edits
    assert sum(t.count(", except") for t in written(again)) == 1, [t for t in written(again) if "except" in t]
