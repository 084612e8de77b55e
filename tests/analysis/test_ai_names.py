"""AI language is a clause about AI use, not every sentence that names a document or a product with "AI"
in its name: "Nothing in this AI Addendum limits …" or "submit Input to the AI Services" is no AI term,
while a restriction, a permission or a duty to disclose about the same named thing is, and so is the
definition of an AI term. Definitions are entries of their own: two AI definitions with an unrelated
one between them are two findings, not one clause over the three."""

from __future__ import annotations

import pytest

from noai.analysis.classify import classify
from noai.analysis.terms import DefinedTerms, Term
from noai.ooxml.model import Paragraph

TERMS = DefinedTerms(
    client=Term("Client", "the Client", defined_at=None),
    provider=Term("Studio", "the Studio", defined_at=None),
    creator="provider",
)
PATH = ("9 Use of the Platform",)


def ai(*texts: str) -> list[tuple[int, int, str | None]]:
    paragraphs = [
        Paragraph(index=i, text=t, original_text=t, section_path=PATH, section_label="9", heading="Use of the Platform")
        for i, t in enumerate(texts)
    ]
    return [
        (f.start, f.end, f.attributes.get("polarity"))
        for f in classify(paragraphs, TERMS)
        if f.kind == "existing_ai_restriction"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nothing in this AI Addendum limits the Studio's duties under data protection law.",
        "The Client shall comply with the AI Acceptable Use Policy when it logs in.",
        "The Client represents that it holds every right needed to submit Input to the AI Services.",
        "Output is produced by the AI Services in response to Input.",
    ],
)
def test_a_sentence_that_only_names_an_ai_document_or_product_is_no_ai_clause(text):
    assert ai(text) == []


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("The Client shall not use the AI Services to train any model on the Deliverables.", "restriction"),
        ("The Client may use the Deliverables with its AI Tools for any internal purpose.", "permission"),
        ("The Studio uses artificial intelligence tools to draft the first sketches.", "mention"),
    ],
)
def test_a_restriction_permission_or_plain_ai_wording_about_the_same_things_is_still_found(text, polarity):
    assert [p for *_, p in ai(text)] == [polarity]


def test_a_duty_to_disclose_the_use_of_named_ai_tools_is_still_found():
    found = ai("The Studio will disclose to the Client each use of AI Tools in preparing the Deliverables.")
    assert len(found) == 1


def test_the_definition_of_an_ai_term_is_found_and_a_definition_only_using_one_is_not():
    assert ai('"AI Services" means the artificial intelligence features of the Platform.') != []
    assert ai("“AI Vendor” means any person that builds or hosts models for others.") != []
    assert ai('"Output" means the material the AI Services return to the Client.') == []


def test_two_ai_definitions_with_another_definition_between_them_are_two_findings():
    found = ai(
        '"AI System" means any machine learning model the Studio operates.',
        '"Fees" means the amounts set out in the Order.',
        '"Model" means a machine learning or artificial intelligence model.',
    )
    assert [(s, e) for s, e, _ in found] == [(0, 0), (2, 2)]


def test_adjacent_ai_definitions_remain_one_clause():
    found = ai(
        '"AI System" means any machine learning model the Studio operates.',
        '"Model" means a machine learning or artificial intelligence model.',
    )
    assert [(s, e) for s, e, _ in found] == [(0, 1)]


def test_a_list_of_things_the_client_will_not_do_with_named_ai_services_is_still_found():
    found = ai(
        "The Client will not (and will not allow anyone else to): (a) use the AI Services for decisions about "
        "employment; (b) resell access to the AI Services."
    )
    assert len(found) == 1


MODEL = '"Model" means a machine learning or artificial intelligence model.'
TRAIN = '"Train" or "Training" means the use of data to create or improve a Model.'


def test_words_the_contract_defines_as_ai_are_ai_language_where_it_uses_them():
    found = ai(MODEL, TRAIN, "The Client shall not use the Deliverables for Training.")
    assert (2, 2, "restriction") in found


def test_the_same_words_undefined_or_defined_otherwise_are_no_ai_language():
    assert ai("The Client shall not use the Deliverables for Training.") == []
    fees = '"Model" means the product model number printed on the invoice.'
    assert ai(fees, "The Client shall not change the Model without notice.") == []


def test_a_cover_page_row_label_naming_ai_restrictions_is_a_mention_not_a_restriction():
    rows = [MODEL, TRAIN, "Training Restrictions", "{training_restrictions}"]
    paragraphs = [Paragraph(index=i, text=t, original_text=t, in_table=i >= 2) for i, t in enumerate(rows)]
    covering = [
        f.attributes.get("polarity")
        for f in classify(paragraphs, TERMS)
        if f.kind == "existing_ai_restriction" and f.start <= 2 <= f.end
    ]
    assert covering == ["mention"]


def test_section_titles_cited_in_a_list_of_references_are_no_ai_language():
    text = (
        "Except for the limited rights in Section 1.5 (Customer Content) and 1.6 (Machine Learning), the Client "
        "retains all right, title and interest in the Client Content."
    )
    assert ai(text) == []
    assert ai("The Studio shall not use the Client Content for machine learning.") != []
