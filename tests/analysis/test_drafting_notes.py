"""Drafting notes and guidance are not the contract's terms; an AI restriction protects the creator only
when it is operative, binds the client side and is a restriction (not a reference to one)."""

from __future__ import annotations

import pytest

from noai.analysis.audit import audit_paragraphs
from noai.analysis.semantics import drafting_note, operative
from noai.analysis.terms import DefinedTerms, Term
from noai.ooxml.model import Paragraph

# The creator is the Vendor (it writes the software), the Purchaser is the client.
TERMS = DefinedTerms(
    client=Term("Purchaser", "the Purchaser", defined_at=0),
    provider=Term("Vendor", "the Vendor", defined_at=0),
    creator="provider",
)
PARTIES = 'Northwind Ltd (the "Purchaser") and Blue Fern Software LLC (the "Vendor").'
GRANT = "The Vendor grants the Purchaser a non-exclusive licence to use the Software for its internal business."


def audit(*bodies: str):
    paragraphs = [Paragraph(index=0, text=PARTIES, original_text=PARTIES)]
    for n, body in enumerate(bodies, 1):
        paragraphs.append(
            Paragraph(index=n, text=body, original_text=body, section_path=(f"{n} Licence",), section_label=str(n))
        )
    return audit_paragraphs(paragraphs, TERMS)


@pytest.mark.parametrize(
    "text",
    [
        "[Drafting note: by default the purchaser may not use the software to train machine learning models.]",
        "Note to drafter: the Purchaser shall not use the Software to train any AI model unless agreed.",
        "[NTD: confirm whether the vendor may process data using artificial intelligence.]",
        "Guidance: if the Purchaser is not permitted to train AI on the Software, tick the box below.",
        "Instructions for use: delete the AI clause if the Purchaser may train models on the Software.",
        "[Option 2 is for deals where the Purchaser shall not use the Software for machine learning.]",
        "[Select the categories of data the vendor may use to train models.]",
    ],
)
def test_a_drafting_note_or_guidance_paragraph_is_not_operative(text):
    assert drafting_note(text)
    assert not operative(text, 0)
    assert not operative(text, len(text) // 2)  # nor any later sentence of it


@pytest.mark.parametrize(
    "text",
    [
        "The Purchaser shall not use the Software to train any artificial intelligence model.",
        "Instructions. The Purchaser shall follow the Vendor's reasonable instructions.",
        "Notes. Each note issued under this Agreement is payable on demand.",
        "[    ]\tThe Purchaser may not use the Software to train models.",  # a checkbox row is a choice, not a note
    ],
)
def test_a_clause_that_merely_starts_like_a_note_is_still_operative(text):
    assert not drafting_note(text)
    assert operative(text, 0)


def test_a_restriction_stated_only_in_a_drafting_note_is_no_ai_protection_so_a_clause_is_proposed():
    result = audit(
        GRANT,
        "[Drafting note: by default, the purchaser cannot train any models using the software "
        "unless authorised below. Tick the permitted categories.]",
    )
    assert result.protection("no_ai_restriction").status == "missing"
    assert any(ip.protection == "no_ai_restriction" for ip in result.insertion_points)
    note = next(f for f in result.findings if f.kind == "existing_ai_restriction")
    assert not note.operative
    # the lower-case role word is still resolved to its party
    assert note.attributes.get("restricted_party") == "client"


def test_the_same_restriction_as_a_term_of_the_contract_is_the_protection():
    result = audit(GRANT, "The Purchaser shall not use the Software to train any machine learning models.")
    assert result.protection("no_ai_restriction").status == "present"


def test_lower_case_role_words_name_the_restricted_party():
    result = audit(
        GRANT,
        "Unless agreed in writing, the vendor cannot use the purchaser's files to train any "
        "artificial intelligence model.",
    )
    f = next(f for f in result.findings if f.kind == "existing_ai_restriction")
    assert f.attributes.get("restricted_party") == "provider"  # the creator bound: no protection of the creator
    assert result.protection("no_ai_restriction").status == "missing"


def test_an_indemnity_row_that_refers_to_restrictions_is_no_ai_restriction():
    result = audit(
        GRANT,
        "Purchaser Covered Claims include any claim that results from the Purchaser's use of the "
        "machine learning features in violation of the applicable restrictions in this Agreement.",
    )
    assert result.protection("no_ai_restriction").status == "missing"
    assert not any(
        f.kind == "existing_ai_restriction" and f.attributes.get("polarity") == "restriction" for f in result.findings
    )


def test_a_drafting_note_that_only_talks_about_ai_is_no_finding_but_the_same_words_in_a_term_are():
    note = audit(
        GRANT,
        "[Drafting note: Many AI products have an acceptable use policy of their own. Use this row to refer to it.]",
    )
    assert not any(f.kind == "existing_ai_restriction" for f in note.findings)
    term = audit(GRANT, "Use of the AI features of the Software is subject to the Vendor's acceptable use policy.")
    assert any(f.kind == "existing_ai_restriction" for f in term.findings)
