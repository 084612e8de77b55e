"""Error classes of the licence / ownership rules found on the CUAD dev folds, each with our own sentences in
both directions: where a lead-in's list ends (plain-text contracts whose items the reader takes for headings),
which finding of a lead-in reaches over its items, short lead-ins and items the reader takes for titles;
transfer wordings ("shall, and hereby does, assign", "transfer and assign", "under an obligation to assign");
personnel assigning to their own employer; title to goods; an irrevocable waiver or option that is no licence;
a Work Order that is no work. Documents are built one paragraph a line, as a text-only contract reads."""

from __future__ import annotations

import pytest

from noai.analysis.audit import audit_document
from noai.ooxml.document import read_document
from tests.support.docx_builder import make_docx, p, r

PARTIES = 'This Agreement is made between Harbour Games Ltd (the "Publisher") and Pixel Moth Studio LLC (the "Studio").'


WE_AND_YOU = 'This Agreement is made between Harbour Games Ltd ("we" or "us") and the developer named below ("you").'


def audit(*lines: str, we_and_you: bool = False) -> list[dict]:
    parties = WE_AND_YOU if we_and_you else PARTIES
    body = "".join(p(r(line)) if line else p() for line in ("GAME LICENCE AGREEMENT", parties, *lines))
    return audit_document(read_document(make_docx(body))).to_dict()["findings"]


def spans(findings: list[dict], kind: str) -> list[tuple[int, int]]:
    return [(f["start"], f["end"]) for f in findings if f["kind"] == kind]


# -- where a lead-in's list ends ----------------------------------------------------------------------

LIST = (
    "2. Grant.",
    "2.1 Exclusive Rights: The Studio hereby grants the Publisher a perpetual, irrevocable, exclusive licence to, "
    "during the Term in the Territory:",
    "",
    "     (a)  store the Artwork on its servers;",
    "",
    "     (b)  adapt, translate or modify the Artwork; and",
    "",
    "     (c)  publish and distribute the Artwork in any manner in",
    "",
    "                    -2-",
    "",
    "          media now or hereafter known.",
    "",
)


def test_a_lead_in_list_ends_at_the_sentence_after_its_last_item_not_at_the_next_section():
    found = audit(
        *LIST,
        "     The Studio shall not appoint any other licensee of the Artwork in the Territory.",
        "",
        "     The Publisher shall pay the Fees within thirty days of invoice.",
        "2.2 The Publisher shall display the Studio's notices.",
    )
    assert spans(found, "license_grant") == [(3, 13)]
    assert spans(found, "perpetual_irrevocable") == [(3, 13)]


def test_an_items_continuation_after_a_page_number_stays_in_the_list_and_a_lower_case_line_continues_it():
    found = audit(*LIST[:-2], "          media now or hereafter known; and", "", "          (d) sublicense the same.")
    assert spans(found, "perpetual_irrevocable") == [(3, 15)]


def test_only_the_lead_in_sentence_reaches_over_the_items_not_an_ownership_said_before_it():
    found = audit(
        "5. Materials.",
        "b. Type I Materials are those created during the Services, in which the Publisher will have all right, "
        "title, and interest. The Publisher grants to the Studio:",
        "",
        "      1.    an irrevocable, non-exclusive licence to use the Type I Materials; and",
        "",
        "      2.    the right to authorise others to do the same.",
        "",
        "c. The Studio will deliver one copy of the Materials.",
    )
    assert spans(found, "ip_assignment") == [(3, 3)]
    assert spans(found, "license_grant") == [(3, 7)]  # the first item after the colon, whatever its marker


def test_the_next_sections_title_after_a_lead_in_is_no_item():
    found = audit(
        "2.1 If the Studio does not port the Game, then the Studio hereby grants to the Publisher a non-exclusive, "
        "perpetual licence under the Studio's patents, in each case:",
        "",
        "2.2 Sublicences",
        "The Publisher may sublicense the foregoing to its Affiliates.",
    )
    assert spans(found, "perpetual_irrevocable") == [(2, 2)]


def test_a_short_lead_in_the_reader_takes_for_a_title_is_a_grant_over_its_items():
    found = audit(
        "2. Licence.",
        "2.1 The Studio hereby grants to the Publisher:",
        "",
        "(a) a non-exclusive licence to use the Artwork during the Term;",
        "",
        "(b) a perpetual licence to use the Manual;",
        "",
        "2.2 The Publisher shall pay the Fees.",
    )
    (grant,) = [f for f in found if f["kind"] == "license_grant"]
    assert (grant["start"], grant["end"]) == (3, 7) and grant["severity"] == "medium" and grant["operative"]
    assert spans(found, "perpetual_irrevocable") == [(7, 7)]  # an item ending with ";" is no title


def test_a_title_naming_a_grant_is_still_no_grant():
    found = audit("3. Grant of Patent License:", "")
    assert [f for f in found if f["kind"] == "license_grant" and f["operative"]] == []


# -- transfer wordings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Studio shall, and hereby does, assign to the Publisher all right, title and interest in the Game Code.",
        "On termination the Studio shall, within thirty days, transfer and assign to the Publisher all of its right, "
        "title and interest in the Regulatory Filings for the Game.",
        "The Studio shall cause each of its employees who makes an improvement to the Engine to be under an "
        "obligation to assign to the Publisher their rights in that improvement.",
        "The Studio shall assign to the Publisher all regulatory filings and approvals for the Products.",
    ],
)
def test_a_transfer_of_the_creators_rights_in_these_wordings_is_an_assignment(sentence):
    (found,) = [f for f in audit(sentence) if f["kind"] == "ip_assignment"]
    assert found["severity"] == "high" and found["beneficiary"] == "client"


@pytest.mark.parametrize(
    "sentence",
    [
        "Each party's employees who work under this Agreement shall be bound to a written agreement to "
        "automatically assign all right, title and interest in their inventions to such Party as the sole owner.",
        "The Studio shall deliver the Deliverables in May. Title to the serviceable spare parts shall pass to the "
        "Publisher upon full payment of the invoice.",
        "The Studio shall transfer the Equipment and the Artwork files stored on it to the Publisher.",
        "An Invention may be made by individuals having an obligation to assign rights in it to the Publisher.",
    ],
)
def test_personnel_assigning_to_their_employer_or_title_to_goods_is_no_assignment(sentence):
    assert [f for f in audit(sentence) if f["kind"] in ("ip_assignment", "work_made_for_hire")] == []


def test_title_to_the_work_passing_is_still_an_assignment():
    (found,) = [
        f
        for f in audit("Title to the Deliverables shall pass to the Publisher on payment.")
        if f["kind"] == "ip_assignment"
    ]
    assert found["beneficiary"] == "client"


# -- irrevocable: a licence, not a waiver or an option -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Studio irrevocably waives all moral rights in the Artwork.",
        "The Studio irrevocably and expressly waives as against any person all moral rights in the Game.",
        "The Studio hereby grants to the Publisher the exclusive and irrevocable right and option to purchase all of "
        "the Studio's assets.",
    ],
)
def test_an_irrevocable_waiver_or_option_is_no_irrevocable_licence(sentence):
    assert spans(audit(sentence), "perpetual_irrevocable") == []


def test_an_irrevocable_licence_is_still_one():
    found = audit("The Studio hereby grants to the Publisher an irrevocable licence to use the Artwork.")
    assert spans(found, "perpetual_irrevocable") == [(2, 2)]


# -- a Work Order is no work ------------------------------------------------------------------------------


def test_modifying_a_purchase_order_under_a_work_order_is_no_licence():
    assert (
        spans(audit("The Publisher may modify or cancel purchase orders issued under a Work Order."), "license_grant")
        == []
    )


def test_modifying_the_works_is_a_licence():
    assert spans(audit("The Publisher may modify the Works for the console edition."), "license_grant") == [(2, 2)]


def test_items_of_one_marker_style_continue_the_list_and_another_style_ends_it():
    found = audit(
        "(b) The Studio hereby grants to the Publisher a perpetual licence to:",
        "(i) use the Artwork; and",
        "(ii) copy the Artwork.",
        "(c) The Publisher shall credit the Studio in the Game.",
    )
    assert spans(found, "perpetual_irrevocable") == [(2, 4)]


def test_the_next_numbered_section_after_a_lead_in_is_no_item():
    found = audit(
        "5. Ownership. The Publisher shall own all right, title and interest in the following Deliverables:",
        "6. Term. This Agreement runs for two years from the Effective Date.",
        "7. Fees. The Publisher shall pay the Fees within thirty days.",
    )
    assert spans(found, "ip_assignment") == [(2, 2)]


# -- ownership statements, and what a party already owns ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Publisher is, and shall be, the sole owner of all inventions and enhancements relating to the Game.",
        "The Studio shall sell and transfer to the Publisher the sole ownership of the Artwork files.",
    ],
)
def test_an_allocation_of_ownership_or_a_sale_of_the_rights_is_an_assignment(sentence):
    assert [f["kind"] for f in audit(sentence) if f["kind"] == "ip_assignment"] == ["ip_assignment"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Studio represents that it is the owner of all intellectual property in the Artwork.",
        "Any Intellectual Property owned by the Publisher shall be the absolute property of the Publisher "
        "during and after the Term.",
    ],
)
def test_a_warranty_of_ownership_or_a_party_keeping_what_it_owns_is_no_assignment(sentence):
    assert [f for f in audit(sentence) if f["kind"] == "ip_assignment"] == []


def test_what_becomes_our_property_belongs_to_the_party_called_we():
    found = audit(
        "You acknowledge that any software improvement you develop for the Game shall become our property.",
        we_and_you=True,
    )
    (assignment,) = [f for f in found if f["kind"] == "ip_assignment"]
    assert assignment["attributes"]["owner"] == "client"


def test_a_clause_number_after_a_full_stop_opens_a_new_sentence():
    found = audit(
        "2.4 The Studio will assign all right, title and interest in the Foreign Trademarks to the Publisher. "
        "2.5 The Publisher will have the right to retain ownership of the US Trademarks."
    )
    (assignment,) = [f for f in found if f["kind"] == "ip_assignment"]
    assert assignment["severity"] == "high" and assignment["beneficiary"] == "client"


# -- governing law: the law that governs the contract, not any law named ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Studio, a corporation subject to the laws of the State of Delaware, must comply with export rules.",
        "The invalid provision shall be enforced to the fullest extent possible under the laws of that jurisdiction.",
        "The prevailing party (as determined by the court) shall (to the extent permitted by English law) recover "
        "its costs.",
    ],
)
def test_a_law_named_for_another_purpose_is_no_governing_law(sentence):
    assert spans(audit(sentence), "governing_law") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "This Agreement is subject to the laws of the State of Delaware.",
        "This Agreement shall be governed by English law.",
        "This Agreement shall be construed under the laws of the State of New York.",
    ],
)
def test_the_law_governing_the_contract_is_still_found(sentence):
    assert spans(audit(sentence), "governing_law") == [(2, 2)]


# -- a sentence that runs on over a line break ----------------------------------------------------------------


def test_a_grant_whose_sentence_runs_on_into_the_next_lines_covers_them():
    found = audit(
        "The Studio hereby grants to the Publisher a non-exclusive, royalty-free licence, with the right to",
        "",
        "                    -3-",
        "",
        "grant sublicences, during the Term to use the Artwork",
        "in the Territory.",
        "The Publisher shall pay the Fees.",
    )
    assert spans(found, "license_grant") == [(2, 7)]


def test_a_grant_whose_sentence_ends_covers_no_further_line():
    found = audit(
        "The Studio hereby grants to the Publisher a non-exclusive licence to use the Artwork",
        "The Publisher shall pay the Fees.",
        "The Studio grants the Publisher a licence to use the Manual.",
        "the Manual is delivered in print.",
    )
    assert spans(found, "license_grant") == [(2, 2), (4, 4)]


def test_a_dot_inside_a_name_does_not_end_the_grant_sentence():
    found = audit(
        "The Studio hereby represents that it has the power to grant, and does hereby grant to example.com Ltd "
        "a non-exclusive licence to display the Studio's logos."
    )
    assert len(spans(found, "license_grant")) == 1


# -- ownership under an ownership heading: of IP, not of anything -----------------------------------------------


def test_owning_things_that_are_no_ip_under_an_ownership_heading_is_no_assignment():
    found = audit("4. Ownership of Segments", "4.1 The following Parties shall own, provide and operate the Segments.")
    assert [f for f in found if f["kind"] == "ip_assignment"] == []


def test_owning_the_results_under_an_ownership_heading_is_an_assignment():
    found = audit("4. Ownership", "4.1 The Publisher shall own all results of the Services.")
    assert [f["start"] for f in found if f["kind"] == "ip_assignment"] == [3]


def test_an_acknowledgement_that_marks_are_the_licensors_is_kept_ownership_not_an_assignment():
    found = audit(
        "5. Ownership of Marks",
        "The Studio agrees that the Publisher's Marks are the exclusive property of the Publisher.",
    )
    assert [f for f in found if f["kind"] == "ip_assignment"] == []
    assert [f["attributes"].get("kept") for f in found if f["kind"] == "reservation_of_rights"] == [True]


def test_logos_made_under_the_agreement_becoming_the_clients_are_an_assignment():
    found = audit(
        "5. Ownership of Marks",
        "All logos and artwork created by the Studio under this Agreement shall be the property of the Publisher.",
    )
    assert [f["severity"] for f in found if f["kind"] == "ip_assignment"] == ["high"]


def test_a_short_numbered_clause_with_a_verb_is_no_title():
    found = audit("4.2 All software made by the Studio shall be the property of the Publisher.")
    assert [f["severity"] for f in found if f["kind"] == "ip_assignment"] == ["high"]
    assert [f for f in audit("4.2 Ownership of Software.") if f["kind"] == "ip_assignment"] == []


# -- perpetual: the licence, not the agreement's term or a duty ----------------------------------------------


@pytest.mark.parametrize(
    "other",
    [
        "This Agreement shall continue in perpetuity unless terminated under Section 9.",
        "The Publisher's duty of confidence towards the Studio shall survive in perpetuity.",
        "The Publisher irrevocably undertakes to pay the Fees.",
    ],
)
def test_a_perpetual_term_or_duty_beside_a_grant_is_no_perpetual_licence(other):
    found = audit(f"The Studio hereby grants the Publisher a non-exclusive licence to use the Artwork. {other}")
    assert spans(found, "perpetual_irrevocable") == []


def test_a_licence_that_continues_in_perpetuity_is_perpetual():
    found = audit(
        "The Studio hereby grants the Publisher a non-exclusive licence to use the Artwork. The licence shall "
        "continue in perpetuity unless terminated under Section 9."
    )
    assert spans(found, "perpetual_irrevocable") == [(2, 2)]


# -- a grant sentence broken by a page, a lead-in list by a running header --------------------------------


def test_a_parenthesis_in_lower_case_continues_a_grant_sentence():
    found = audit(
        "3.1 The Studio hereby grants to the Publisher a licence to operate one shop at the place agreed",
        '(hereinafter the "Site").',
        "3.2 The Publisher shall pay the Fees within thirty days of invoice.",
    )
    assert spans(found, "license_grant") == [(2, 3)]


def test_a_new_capitalised_sentence_a_clause_number_or_a_page_footer_ends_an_unfinished_grant_sentence():
    found = audit(
        "3.1 The Studio hereby grants to the Publisher a non-exclusive licence to use the Artwork to market",
        "The Publisher shall pay the Fees within thirty days of invoice.",
    )
    assert spans(found, "license_grant") == [(2, 2)]
    found = audit(
        "3.1 The Studio hereby grants to the Publisher a non-exclusive licence during the",
        "4. Fees. The Publisher shall pay the Fees within thirty days of invoice.",
    )
    assert spans(found, "license_grant") == [(2, 2)]
    found = audit(
        "3.1 The Studio hereby grants to the Publisher a non-exclusive licence to use the Artwork and",
        "(b) The Publisher shall pay the Fees within thirty days of invoice.",
    )
    assert spans(found, "license_grant") == [(2, 2)]
    # a running footer holds no clause: a span reaching over it would mark it as the grant's
    found = audit(
        "3.1 The Studio hereby grants to the Publisher a non-exclusive licence to use the Artwork to market",
        "Page 4 of 12",
        "and sell the Game.",
    )
    assert spans(found, "license_grant") == [(2, 2)]
    found = audit(
        "3.1 The Studio hereby grants to the Publisher a non-exclusive licence during the",
        "Confidential Treatment Requested.",
        "Term to reproduce and display the Artwork.",
    )
    assert spans(found, "license_grant") == [(2, 2)]


def test_a_page_header_between_a_lead_in_and_its_items_does_not_end_the_list():
    found = audit(
        "2.1 The Studio hereby grants the Publisher an exclusive licence to, during the Term:",
        "Confidential Treatment Requested",
        "(a) store the Artwork on its servers; and",
        "(b) publish the Artwork in any media.",
        "2.2 The Publisher shall pay the Fees within thirty days of invoice.",
    )
    assert spans(found, "license_grant") == [(2, 5)]


def test_a_sentence_after_a_lead_in_ends_its_list_even_past_a_page_footer():
    found = audit(
        "2.1 The Studio hereby grants the Publisher an exclusive licence to, during the Term:",
        "Page 2 of 9",
        "The Publisher shall pay the Fees within thirty days of invoice.",
        "(a) by bank transfer; or",
    )
    assert spans(found, "license_grant") == [(2, 2)]
