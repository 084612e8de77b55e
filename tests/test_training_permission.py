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


def covenant(red) -> str:
    """The covenant's first operative paragraph (its definitions may go first, or into the definitions clause)."""
    texts = (q["text"] for e in red.plan.edits if e.clause == "no-ai-training" for q in e.paragraphs)
    return next(t for t in texts if t.startswith("The Client shall"))


def test_minimal_bars_the_clients_own_training_where_the_grant_named_it():
    named = redline(contract(NAMED), "minimal")
    assert covenant(named).startswith("The Client shall not engage in any Prohibited AI Use, nor license"), covenant(
        named
    )
    assert "does not otherwise restrict the Client's own internal use" in covenant(named)
    why = " ".join(e.comment or "" for e in named.plan.edits if e.clause == "no-ai-training")
    assert "stops the Client training AI" in why and "own internal use stays free" not in why, why


def test_minimal_leaves_the_clients_own_use_free_where_no_grant_named_training():
    plain = redline(contract("The Designer grants the Client a licence to use the Deliverables in its business."))
    minimal = redline(
        contract("The Designer grants the Client a licence to use the Deliverables in its business."), "minimal"
    )
    assert "engage in any Prohibited AI Use" in covenant(plain)  # strict bars it in any case
    assert covenant(minimal).startswith("The Client shall not license, sell or otherwise authori"), covenant(minimal)
