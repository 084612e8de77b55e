"""A transfer's one explanatory comment goes on a transfer of its own, not beside the work-made-for-hire comment.

Where the paragraph that makes the work "made for hire" also says the client owns it ("… are works made for hire
and are owned exclusively by the Client") and a later paragraph assigns what is not made for hire ("the Studio
hereby assigns …"), the work-made-for-hire comment goes on the first and the transfer's comment on the assignment.
Two comments on the first paragraph saying the same thing, and none on the assignment, is what a lawyer would not
send. Shapes: the bundled example (US agency agreement, Word-numbered) and two of our own (a UK photography
commission with typed numbers, "shall belong to"; a US software agreement, "shall be the sole property of").
Controls: where the made-for-hire paragraph holds the only transfer, the transfer's comment stays there.

And strict's "Our approach" comment says the transfer waits for payment where strict changes it at its verb ("All
right, title and interest in the Deliverables vest in the Client on creation" -> "… will, upon payment in full …, vest
in"), never "we leave that transfer unchanged" beside its own change (a US design agreement; a UK photography
commission as a second shape); standard, which leaves it, still says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.docx_builder import make_docx, p
from test_document_wording import redline_of

from noai import engine
from noai.ooxml.comments import comments_by_paragraph

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("standard", "minimal")


def agreement(*lines: str) -> bytes:
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


PHOTO = (
    "PHOTOGRAPHY COMMISSION",
    'This agreement is made between Harbour Lens Ltd (the "Photographer") and Kestrel Foods plc (the "Client").',
    "1. Services",
    '1.1 The Photographer shall take and deliver the photographs described in the brief (the "Photographs").',
    "2. Fees",
    "2.1 The Client shall pay the fees in the brief within 30 days of invoice.",
    "3. Rights",
    "3.1 The Photographs are works made for hire and shall belong to the Client from the moment of their creation.",
    "3.2 To the extent that any Photograph is not a work made for hire, the Photographer hereby assigns to the "
    "Client all right, title and interest in that Photograph.",
    "4. Law",
    "4.1 This agreement is governed by the laws of England and Wales.",
)

SOFTWARE = (
    "SOFTWARE DEVELOPMENT AGREEMENT",
    'This agreement is made between Quarry Code LLC (the "Developer") and Birchwood Foods Inc. (the "Customer").',
    "1. Work",
    '1.1 The Developer shall develop the software described in Schedule A (the "Software").',
    "2. Payment",
    "2.1 The Customer shall pay the fees in Schedule A.",
    "3. Ownership",
    "3.1 The Software is a work made for hire and shall be the sole property of the Customer.",
    "3.2 If the Software is not a work made for hire, the Developer hereby irrevocably assigns to the Customer all "
    "right, title and interest in the Software.",
    "4. Governing Law",
    "4.1 This agreement is governed by the laws of the State of New York.",
)

ALONE = (
    "SOFTWARE DEVELOPMENT AGREEMENT",
    'This agreement is made between Quarry Code LLC (the "Developer") and Birchwood Foods Inc. (the "Customer").',
    "1. Work",
    '1.1 The Developer shall develop the software described in Schedule A (the "Software").',
    "2. Ownership",
    "2.1 The Software is a work made for hire and shall be the sole property of the Customer.",
    "3. Governing Law",
    "3.1 This agreement is governed by the laws of the State of New York.",
)


def commented(red: engine.Redline) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for e in red.plan.edits:
        if e.op == "comment" and e.comment:
            out.setdefault(e.index, []).append(e.comment)
    return out


def index_of(docx: bytes, start: str) -> int:
    return next(i for i, q in enumerate(engine.read(docx).paragraphs) if q.text.startswith(start))


CASES = {
    "example": ((ROOT / "examples" / "agency-services-agreement.docx").read_bytes(), "Ownership.", "Assignment."),
    "photo": (agreement(*PHOTO), "3.1 ", "3.2 "),
    "software": (agreement(*SOFTWARE), "3.1 ", "3.2 "),
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", CASES)
def test_the_transfer_comment_goes_on_the_assignment_not_beside_the_made_for_hire_comment(name, variant):
    docx, hire, assignment = CASES[name]
    red = redline_of(docx, variant)
    at = commented(red)
    on_hire, on_assignment = at.get(index_of(docx, hire), []), at.get(index_of(docx, assignment), [])
    assert len(on_hire) == 1 and "made for hire" in on_hire[0], on_hire
    assert len(on_assignment) == 1 and "assigns" in on_assignment[0], on_assignment
    # the written .docx carries them where the plan put them
    written = engine.read(red.docx)
    shown = comments_by_paragraph(written)
    assert shown.get(index_of(red.docx, hire)) == on_hire
    assert shown.get(index_of(red.docx, assignment)) == on_assignment


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_made_for_hire_paragraph_with_the_only_transfer_keeps_its_comments(variant):
    docx = agreement(*ALONE)
    red = redline_of(docx, variant)
    on_hire = commented(red).get(index_of(docx, "2.1 "), [])
    assert any("made for hire" in c for c in on_hire), on_hire


# -- the approach says what strict does to a transfer it changes at its verb -----------------------------------------

VESTING = {
    "us-design": (
        "DESIGN AGREEMENT",
        'This agreement is made between Pine Studio LLC (the "Designer") and Orbit Foods Inc. (the "Client").',
        "1. Services",
        '1.1 The Designer shall design the packaging described in the brief (the "Deliverables").',
        "2. Fees",
        "2.1 The Client shall pay the fees in the brief.",
        "3. Ownership",
        "3.1 All right, title and interest in the Deliverables vest in the Client on creation.",
        "4. Law",
        "4.1 This agreement is governed by the laws of the State of New York.",
    ),
    "uk-photography": (
        "PHOTOGRAPHY COMMISSION",
        'This agreement is made between Harbour Lens Ltd (the "Photographer") and Kestrel Foods plc (the "Client").',
        "1. Services",
        '1.1 The Photographer shall take and deliver the photographs described in the brief (the "Photographs").',
        "2. Fees",
        "2.1 The Client shall pay the fees in the brief within 30 days of invoice.",
        "3. Rights",
        "3.1 All copyright and other rights in the Photographs shall vest in the Client upon creation.",
        "4. Law",
        "4.1 This agreement is governed by the laws of England and Wales.",
    ),
}


def approach(red: engine.Redline) -> str:
    said = [e.comment for e in red.plan.edits if e.comment and e.comment.startswith("Our approach")]
    assert len(said) == 1, said
    return said[0]


@pytest.mark.parametrize("name", VESTING)
def test_strict_approach_says_the_transfer_changed_at_its_verb_waits_for_payment(name):
    docx = agreement(*VESTING[name])
    red = redline_of(docx, "strict")
    assert any(e.op == "replace" and "upon payment in full" in (e.replacement or "") for e in red.plan.edits)
    said = approach(red)
    assert "pass only on payment in full" in said and "leave that transfer unchanged" not in said, said
    shown = [t for texts in comments_by_paragraph(engine.read(red.docx)).values() for t in texts]
    assert said in shown  # the written comment says the same


@pytest.mark.parametrize("name", VESTING)
def test_standard_approach_leaves_the_transfer_as_it_does(name):
    red = redline_of(agreement(*VESTING[name]), "standard")
    assert not any("upon payment in full" in (e.replacement or "") for e in red.plan.edits)
    assert "leave that transfer unchanged" in approach(red)
