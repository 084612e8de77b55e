"""A grant that names AI training among its uses (session 9 review, defect 1).

"… a licence to use the Deliverables for its business, including for training and improving the Client's products
and services": beside the covenant the redline adds, those words are a specific permission the client could rely on.
The audit flags them (a high AI permission) and every variant strikes them with their lead-in as a tracked deletion
(minimal too: its covenant leaves the client's own use free, and the words would let the client train on the work
itself), the comment saying why. A permission that is the grant itself, or AI language that permits nothing, is
not struck.
"""

from __future__ import annotations

import pytest
from test_strategy_creation_timing import contract, redline, transfer_paragraph
from test_writer import accepted, rejected

from noai.ooxml.document import read_document

NAMED = (
    "The Designer grants the Client a non-exclusive, perpetual licence to use the Deliverables in its business, "
    "including for training and improving the Client's products and services."
)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_every_variant_strikes_the_words_that_name_training_and_says_why(variant):
    docx = contract(NAMED)
    red = redline(docx, variant)
    grant = transfer_paragraph(accepted(red.docx))
    assert "train" not in grant and grant.endswith("to use the Deliverables in its business."), grant
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]
    [edit] = [e for e in red.plan.edits if e.finding == "existing_ai_restriction"]
    assert edit.op == "replace" and edit.replacement == "" and edit.find.startswith(", including for training")
    assert (
        edit.comment
        and "“including for training and improving" in edit.comment
        and "Prohibited AI Use" in (edit.comment)
    )


def test_the_audit_flags_the_words_as_a_high_ai_permission():
    red = redline(contract(NAMED))
    flagged = [f for f in red.audit.findings if f.kind == "existing_ai_restriction" and f.severity == "high"]
    assert [f.phrase for f in flagged] == ["training and improving the Client's products and services"]


@pytest.mark.parametrize(
    "grant",
    [
        # training is the grant itself: more than a deletion is needed, the covenant answers it
        "The Client may use the Deliverables to train its products.",
        # the words do not end the grant's clause
        "The Designer grants the Client a licence to use the Deliverables, including to train its products in "
        "every market it enters.",
        # the creator's own use of AI tools
        "The Designer may use artificial intelligence tools to prepare drafts of the Deliverables.",
    ],
)
def test_no_strike_where_no_grant_ends_by_naming_training(grant):
    red = redline(contract(grant), "standard")
    assert not [e for e in red.plan.edits if e.finding == "existing_ai_restriction"]
    assert transfer_paragraph(accepted(red.docx)) == f"2.1 {grant}"
