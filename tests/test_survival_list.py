"""The document's survival list takes in the clauses our redline inserts (issue 15, review 12 defects 1 and 2):
"Section 3 survives termination" becomes "Sections 3 and 4.3 to 4.7 survive termination" as a tracked change,
so that the indemnity, deletion and transparency duties we add do not end with the agreement."""

from __future__ import annotations

import pytest
from test_review_synthetic import redline, source

from noai import engine
from noai.analysis.facts import survival_list, survival_with


def survival_edits(name: str, variant: str) -> list:
    return [e for e in redline(name, variant).plan.edits if e.clause == "survival"]


def test_a_survival_sentence_listing_clauses_by_number_is_read_with_its_numbers():
    found = survival_list(["Payment is due in 30 days.", "Clauses 5, 7 and 9 shall survive any expiry of this deed."])
    assert found is not None and found.index == 1
    assert found.numbers == ("5", "7", "9") and found.phrase == "Clauses 5, 7 and 9 shall survive"
    assert survival_with(found, ["7.2", "10.1", "10.2", "10.3"]) == (
        "Clauses 5, 7, 9 and 10.1 to 10.3 shall survive",
        "10.1 to 10.3",
    )


def test_a_survival_sentence_with_no_numbers_or_no_termination_is_not_a_survival_list():
    assert survival_list(["The confidentiality obligations survive termination of this Agreement."]) is None
    assert survival_list(["Section 3 survives the Closing."]) is None


def test_the_clauses_already_inside_a_listed_section_leave_the_survival_list_as_it_is():
    found = survival_list(["Section 3 survives termination."])
    assert found is not None and survival_with(found, ["3.3"]) is None


def test_the_us_msa_survival_sentence_takes_in_the_ai_clauses_of_its_section_4():
    (edit,) = survival_edits("us-translation-msa", "strict")
    assert edit.op == "replace" and edit.find == "Section 3 survives"
    assert edit.replacement == "Sections 3 and 4.3 to 4.7 survive"
    assert edit.comment == "Our clauses 4.3 to 4.7 must survive termination as Section 3 does."
    written = [p.text for p in engine.read(redline("us-translation-msa", "strict").docx).paragraphs]  # accepted
    assert any("Sections 3 and 4.3 to 4.7 survive termination." in t for t in written), written


@pytest.mark.parametrize(("variant", "ours"), [("strict", "2.3 to 2.8"), ("standard", "2.3 to 2.5")])
def test_the_platform_licence_survival_list_puts_the_new_clauses_before_sections_3_and_4(variant, ours):
    (edit,) = survival_edits("ca-platform-licence", variant)
    assert edit.find == "Sections 3 and 4 survive"
    assert edit.replacement == f"Sections {ours}, 3 and 4 survive"
    assert edit.comment == f"Our clauses {ours} must survive termination as Sections 3 and 4 do."


def test_a_contract_without_a_numbered_survival_list_gets_no_survival_edit():
    assert survival_edits("uk-picture-book", "strict") == []


@pytest.mark.libreoffice
def test_libreoffice_accepts_the_widened_survival_list_and_rejects_it_to_the_contract(libreoffice):
    red = redline("ca-platform-licence", "strict")
    result, original = libreoffice([red.docx, source("ca-platform-licence")])
    assert result["rejected_paragraphs"] == original["paragraphs"]
    assert any("Sections 2.3 to 2.8, 3 and 4 survive its termination" in t for t in result["accepted_paragraphs"])
