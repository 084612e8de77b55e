"""Precision classes of the licence, ownership and governing-law rules found on the CUAD dev folds (session 8),
each with our own sentences in both directions: a grant that may happen (a condition), a right granted that is no
licence (to examine the books), a party's capacity to license (a warranty of title), the body of a definition (also
a dash definition, and a run-on paragraph's next clause that does grant), the law of an arbitration's procedure, the
right to enforce (standing: neither a licence nor ownership), "Product Patents" (IP, not goods), another owner's
ownership acknowledged or who has the rights now, and two transfers: "fully vested in" and ideas that "shall become
the property of" a party. Documents are built one paragraph a line, as a text-only contract reads."""

from __future__ import annotations

from noai.analysis.audit import audit_document
from noai.ooxml.document import read_document
from tests.analysis.test_cuad_error_classes import PARTIES, audit, spans
from tests.support.docx_builder import make_docx, p, r


def audit_services(*lines: str) -> list[dict]:
    """As :func:`audit`, under a title that names no licence or IP (so no paragraph sits under an IP heading)."""
    body = "".join(p(r(line)) if line else p() for line in ("SERVICES AGREEMENT", PARTIES, *lines))
    return audit_document(read_document(make_docx(body))).to_dict()["findings"]


# -- a grant that may happen is no grant -----------------------------------------------------------------


def test_a_grant_in_a_condition_is_no_licence():
    found = audit(
        "In the event that a Player grants rights to the Publisher for use of his profile, the Publisher shall keep "
        "the profile confidential.",
        "If the Studio grant the Publisher the right to run a tournament, the Publisher shall comply with all laws.",
    )
    assert spans(found, "license_grant") == []


def test_a_grant_after_a_condition_on_something_else_is_a_licence():
    found = audit(
        "If the Publisher approves the Game, the Studio grants to the Publisher a non-exclusive licence to use the "
        "Artwork."
    )
    assert spans(found, "license_grant") == [(2, 2)]


# -- a right granted that is no licence ------------------------------------------------------------------


def test_a_right_to_examine_the_books_is_no_licence():
    found = audit(
        "The Studio grants to the Publisher and its independent accountants the right to examine the books and "
        "records of the Studio during normal business hours to verify the royalty statements."
    )
    assert spans(found, "license_grant") == []


def test_a_right_granted_to_the_same_people_to_use_the_work_is_a_licence():
    found = audit(
        "The Studio grants to the Publisher and its independent accountants the right to use and reproduce the "
        "Artwork in their audit reports."
    )
    assert spans(found, "license_grant") == [(2, 2)]


# -- a party's capacity to license is a warranty, not a licence ------------------------------------------


def test_having_the_right_to_use_and_license_free_of_liens_is_no_licence():
    found = audit(
        "(j) Right to License. The Studio has the right to use and license the Licensed Marks free and clear of "
        "any liens, security interests or encumbrances."
    )
    assert spans(found, "license_grant") == []


def test_the_grantee_having_the_right_to_use_the_marks_is_a_licence():
    found = audit("The Publisher has the right to use the Licensed Marks in its advertising during the Term.")
    assert spans(found, "license_grant") == [(2, 2)]


# -- a definition grants nothing -------------------------------------------------------------------------


def test_the_body_of_a_definition_grants_nothing():
    found = audit(
        "1.62 Regulatory Approval means the approvals necessary for the sale of a game in a country. For the "
        "avoidance of doubt, Regulatory Approval shall include a provisional approval as long as it grants the "
        "right to sell a game in such country.",
        '"Area Agreement" - an agreement under which a developer is granted the right to develop one or more Units.',
        '"Publishing Agreement": an agreement under which a publisher is granted the right to publish a game.',
    )
    assert spans(found, "license_grant") == []


def test_a_grant_in_the_next_clause_of_a_run_on_definitions_paragraph_is_a_licence():
    found = audit(
        '1.5 "Territory" means the United Kingdom. 2. GRANT OF RIGHTS The Studio grants to the Publisher a '
        "non-exclusive licence to use the Artwork in the Territory."
    )
    assert spans(found, "license_grant") == [(2, 2)]


# -- governing law: the contract's, not the arbitration's procedure ---------------------------------------


def test_the_law_of_the_arbitration_is_no_governing_law_of_the_contract():
    found = audit(
        "Disputes shall be resolved by arbitration in Ontario. The laws of Ontario, Canada shall govern the conduct "
        "of the arbitration and any appeal from the award."
    )
    assert spans(found, "governing_law") == []


def test_the_law_that_governs_the_agreement_and_the_arbitration_is_governing_law():
    found = audit(
        "The laws of Ontario, Canada shall govern this Agreement and the conduct of the arbitration.",
        "The Publisher shall pay the Fees within thirty days of invoice.",
        "Disputes shall be resolved by arbitration in Ontario. The laws of Ontario shall govern the arbitration. "
        "This Agreement shall be governed by the laws of the State of New York.",
    )
    covered = {i for a, b in spans(found, "governing_law") for i in range(a, b + 1)}
    assert {2, 4} <= covered


# -- "fully vested in" ----------------------------------------------------------------------------------


def test_rights_fully_vested_in_the_publisher_are_a_transfer():
    found = audit(
        "The Studio shall execute any documents necessary to confirm that all intellectual property rights in any "
        "improvement to the Game are fully vested in the Publisher."
    )
    assert spans(found, "ip_assignment") == [(2, 2)]


def test_shares_fully_vested_on_issue_are_no_transfer_of_ip():
    found = audit("All Compensation Shares will be fully vested upon issuance to the Studio.")
    assert spans(found, "ip_assignment") == []


def test_an_indented_dash_definition_grants_nothing():
    found = audit(
        '        "Competitive  Business"  - A business that (1) offers games; or (2) Grants or has granted franchises '
        "or licenses for the operation of a business."
    )
    assert spans(found, "license_grant") == []


# -- "Product" naming the product's IP is no goods -------------------------------------------------------


def test_an_assignment_of_product_patents_and_improvements_is_ip():
    found = audit(
        "The Studio shall, and hereby does, assign to the Publisher all right, title and interest in and to all "
        "(i) Game Product Improvements made by the Studio and (ii) Game Product Patents."
    )
    assert spans(found, "ip_assignment") == [(2, 2)]


def test_a_transfer_of_the_products_themselves_is_goods():
    found = audit(
        "The Studio hereby transfers to the Publisher all right, title and interest in and to the Products and "
        "their packaging."
    )
    assert spans(found, "ip_assignment") == []


def test_acknowledging_other_owners_exclusive_ownership_transfers_nothing():
    found = audit(
        "The Studio acknowledges the Game Product Trademarks owners' exclusive ownership of all right, title and "
        "interest in and to the Game Product Trademarks."
    )
    assert spans(found, "ip_assignment") == []


# -- know-how that becomes a party's property ------------------------------------------------------------


def test_ideas_and_methods_that_become_a_partys_property_pass_to_it():
    found = audit_services(
        "If incorporated into the Publisher's catalogue, such ideas, recipes, formulas, concepts and methods shall "
        "become the sole and exclusive property of the Publisher.",
        "",
        "The Studio acknowledges that any such concept, process or improvement shall become the property of the "
        "Publisher.",
    )
    assert spans(found, "ip_assignment") == [(2, 2), (4, 4)]


def test_fixtures_that_become_the_landlords_property_are_no_ip():
    found = audit_services("All fixtures and improvements to the premises shall become the property of the Publisher.")
    assert spans(found, "ip_assignment") == []


# -- who has the rights now is no transfer --------------------------------------------------------------


def test_materials_in_which_a_party_has_all_rights_stay_with_it():
    found = audit_services(
        "c. Type II Materials are those, created before the Services or otherwise, in which the Studio or third "
        "parties have all right, title, and interest (including ownership of copyright). The Studio will deliver "
        "one copy of the Type II Materials to the Publisher."
    )
    assert spans(found, "ip_assignment") == []
    assert spans(found, "reservation_of_rights") == [(2, 2)]


def test_materials_in_which_a_party_shall_have_all_rights_are_allocated_to_it():
    found = audit_services(
        "b. Type I Materials are those, created during the Services, in which the Publisher will have all right, "
        "title, and interest (including ownership of copyright).",
        "",
        "The Publisher shall have all right, title and interest in the Deliverables.",
    )
    assert spans(found, "ip_assignment") == [(2, 2), (4, 4)]


# -- standing to enforce is no ownership nor licence ----------------------------------------------------


def test_assigning_the_right_to_enforce_the_copyright_moves_no_ownership_and_licenses_nothing():
    found = audit_services(
        "The Studio on behalf of the Artist further grants and assigns to the Publisher the right to enforce "
        "applicable copyright laws against third party infringers on the Artist's behalf."
    )
    assert spans(found, "ip_assignment") == []
    assert spans(found, "license_grant") == []


def test_assigning_the_copyright_with_the_right_to_sue_is_a_transfer():
    found = audit_services(
        "The Studio hereby assigns to the Publisher the copyright in the Artwork and the right to sue for its "
        "infringement.",
        "",
        "The Studio grants to the Publisher the right to enforce and sublicense the Licensed Patents in the Territory.",
    )
    assert spans(found, "ip_assignment") == [(2, 2)]
    assert spans(found, "license_grant") == [(4, 4)]


# -- session 9: "irrevocable", "perpetual", "own" said of what is no licence and no IP ---------------------------


def test_irrevocable_and_perpetual_said_of_no_licence_are_no_perpetual_licence():
    found = audit_services(
        "The Publisher shall deliver to the Studio an irrevocable standby letter of credit for the first milestone.",
        "Each party hereby irrevocably waives any right to trial by jury in any action under this Agreement.",
        "Each Shareholder grants to the Publisher an irrevocable proxy to vote its Shares at any general meeting.",
        "The Studio irrevocably authorizes the Publisher to debit its account for the hosting fees.",
        "A notice of termination given under this Section is irrevocable.",
        "The Studio is a company with perpetual existence and shall keep a perpetual inventory of the consoles.",
        "The duty of confidence under this Section shall survive in perpetuity.",
    )
    assert spans(found, "perpetual_irrevocable") == []


def test_a_licence_made_perpetual_or_irrevocable_in_other_words_is_one():
    found = audit_services(
        "The Studio hereby grants the Publisher an irrevocable licence to reproduce the Artwork.",
        "The Studio grants to the Publisher a licence, in perpetuity, to publish the Game Art worldwide.",
    )
    assert spans(found, "perpetual_irrevocable") == [(2, 2), (3, 3)]


def test_owning_a_permit_records_or_a_reference_to_a_perpetual_licence_is_no_transfer_of_the_work():
    found = audit_services(
        "The Publisher will own all import licenses and permits required by law to sell the Game in the Territory.",
        "All books and records of the sales of the Game shall be the property of the Publisher.",
        "Upon termination, the Studio shall assign to the Publisher all telephone numbers used for support.",
        "Termination has no effect on Artwork that is licensed under a perpetual license.",
    )
    assert spans(found, "ip_assignment") == [] and spans(found, "perpetual_irrevocable") == []


def test_owning_what_the_other_side_develops_is_a_transfer_of_the_work():
    found = audit_services("The Publisher shall own all software the Studio develops for it under this Agreement.")
    assert spans(found, "ip_assignment") == [(2, 2)]
