"""The clause classifier on realistic sentences: every kind, every trap, direction and polarity."""

from __future__ import annotations

import pytest

from noai.analysis.classify import classify
from noai.analysis.terms import DefinedTerms, Term
from noai.ooxml.model import Paragraph

TERMS = DefinedTerms(
    client=Term("Client", "the Client", defined_at=0),
    provider=Term("Contractor", "the Contractor", defined_at=0),
    deliverables=Term("Deliverables", "the Deliverables"),
    creator="provider",
)
IP = ("7 Intellectual Property",)
GENERAL = ("12 General",)


def para(text: str, index: int = 0, path: tuple[str, ...] = IP, **kw) -> Paragraph:
    label, _, title = path[-1].partition(" ") if path else (None, "", None)
    return Paragraph(
        index=index, text=text, original_text=text, section_path=path, section_label=label, heading=title, **kw
    )


def findings(text: str, path: tuple[str, ...] = IP, terms: DefinedTerms = TERMS):
    return classify([para(text, path=path)], terms)


def kinds(text: str, path: tuple[str, ...] = IP) -> set[str]:
    return {f.kind for f in findings(text, path)}


def one(text: str, kind: str, path: tuple[str, ...] = IP):
    found = [f for f in findings(text, path) if f.kind == kind]
    assert len(found) == 1, f"expected one {kind} in {text!r}, got {found}"
    return found[0]


# -- ownership ------------------------------------------------------------------------------------


def test_a_work_made_for_hire_clause_is_high_risk_and_vests_the_work_in_the_client():
    f = one(
        "All Deliverables shall be deemed works made for hire for the Client as defined in the Copyright Act.",
        "work_made_for_hire",
    )
    assert f.severity == "high"
    assert f.attributes["direction"] == "provider->client"
    assert f.paragraph_text[f.phrase_start : f.phrase_end] == f.phrase == "works made for hire"


def test_a_statement_that_the_work_is_not_made_for_hire_is_not_a_risk():
    f = one(
        "The parties agree that the Deliverables shall not be considered a work made for hire.", "work_made_for_hire"
    )
    assert f.severity == "info" and f.attributes["negated"] is True


def test_a_present_assignment_to_the_client_is_high_risk():
    f = one(
        "The Contractor hereby irrevocably assigns to the Client all right, title and interest in and to "
        "the Deliverables.",
        "ip_assignment",
    )
    assert f.severity == "high"
    assert f.attributes["direction"] == "provider->client"
    assert "assigns" in f.phrase


def test_may_not_assign_this_agreement_is_no_ip_assignment():
    assert "ip_assignment" not in kinds(
        "Neither party may assign this Agreement without the prior written consent of the other party.", GENERAL
    )
    assert "ip_assignment" not in kinds(
        "The Contractor may assign any of its rights and obligations under this Agreement to an affiliate.", GENERAL
    )


def test_assigning_personnel_is_no_ip_assignment():
    assert "ip_assignment" not in kinds(
        "The Contractor shall assign qualified personnel to perform the Services.", ("3 Services",)
    )


@pytest.mark.parametrize(
    "text",
    (
        "The Contractor shall assign a dedicated account manager to the Client for the term of this Agreement.",
        "The Contractor will assign only experienced developers to the project and remains responsible for their work.",
        "The Contractor may assign suitably qualified subcontractors, translators or editors to perform the Services.",
        "The Contractor agrees to assign a senior project lead and two designers, who will own the delivery plan.",
    ),
)
def test_assigning_people_to_the_work_is_staffing_not_an_ip_assignment(text):
    assert "ip_assignment" not in kinds(text)  # even under the IP heading, and with "work" in the sentence


@pytest.mark.parametrize(
    "text",
    (
        "The Contractor shall assign all rights in the Deliverables to the Client.",
        "The Contractor will assign to the Client the copyright in the Deliverables created by its employees.",
        "The Contractor will assign qualified staff to the project and hereby assigns to the Client all right, "
        "title and interest in the Deliverables.",
        "The Contractor shall assign the copyrights of its personnel in the Deliverables to the Client.",
    ),
)
def test_an_assignment_of_rights_stays_one_whoever_made_the_work(text):
    f = one(text, "ip_assignment")
    assert f.severity == "high" and f.attributes["direction"] == "provider->client", f


def test_the_creator_retaining_title_is_a_reservation_not_an_assignment():
    f = one(
        "The Contractor retains all right, title and interest in its pre-existing tools and know-how.",
        "reservation_of_rights",
    )
    assert f.attributes["owner"] == "provider"
    assert "ip_assignment" not in kinds(
        "The Contractor retains all right, title and interest in its pre-existing tools and know-how."
    )


def test_the_client_owning_its_own_materials_is_no_risk_to_the_creator():
    # Kept ownership is no assignment (issue 14): it is read as the owner keeping what is its own.
    text = "The Client owns all right, title and interest in the Client Materials."
    assert "ip_assignment" not in kinds(text)
    f = one(text, "reservation_of_rights")
    assert f.severity == "info" and f.attributes["kept"] is True and f.beneficiary == "client"


# -- licences: direction ------------------------------------------------------------------------------


def test_a_licence_from_the_creator_to_the_client_runs_provider_to_client():
    f = one(
        "The Contractor hereby grants to the Client a non-exclusive licence to use the Deliverables.", "license_grant"
    )
    assert f.attributes["direction"] == "provider->client"
    assert f.severity == "medium"


def test_a_licence_back_from_the_client_to_the_creator_is_not_a_risk():
    f = one(
        "The Client grants the Contractor a limited licence to use the Client Materials solely to perform "
        "the Services.",
        "license_grant",
    )
    assert f.attributes["direction"] == "client->provider"
    assert f.severity == "info"


def test_a_mutual_grant_is_marked_mutual():
    f = one("Each party grants the other a licence to use its logo in the agreed announcement.", "license_grant")
    assert f.attributes["direction"] == "mutual"


def test_a_licence_limited_to_a_purpose_records_its_scope():
    f = one(
        "The Contractor grants the Client a licence to use the Deliverables solely for the Project.", "license_grant"
    )
    assert f.attributes["scope"].startswith("solely for")


def test_a_licensed_professional_is_no_licence_grant():
    assert "license_grant" not in kinds(
        "The Contractor shall engage a licensed professional engineer and grant access rights to the site.",
        ("3 Services",),
    )


# -- modifiers ------------------------------------------------------------------------------------------

BROAD = (
    "The Contractor grants the Client a perpetual, irrevocable, worldwide, sublicensable licence to use, "
    "modify and create derivative works of the Deliverables for any and all purposes in all media now "
    "known or hereafter devised."
)


@pytest.mark.parametrize(
    "kind, phrase",
    [
        ("perpetual_irrevocable", "perpetual"),
        ("sublicensable", "sublicensable"),
        ("derivative_works", "derivative works"),
        ("any_and_all_purposes", "for any and all purposes"),
        ("future_technologies", "now known or hereafter devised"),
    ],
)
def test_each_broad_word_of_a_grant_to_the_client_is_found_with_its_phrase(kind, phrase):
    f = one(BROAD, kind)
    assert f.phrase == phrase
    assert BROAD[f.phrase_start : f.phrase_end] == phrase
    assert f.severity in ("high", "medium")
    assert f.attributes["direction"] == "provider->client"


def test_broad_words_in_a_licence_to_the_creator_are_only_informational():
    text = "The Client grants the Contractor a perpetual, irrevocable licence to use the Client logo for any purpose."
    kinds = ("perpetual_irrevocable", "any_and_all_purposes")
    assert {f.severity for f in findings(text) if f.kind in kinds} == {"info"}


def test_any_and_all_claims_in_an_indemnity_is_no_any_purpose_grant():
    text = (
        "The Contractor shall indemnify, defend and hold harmless the Client from any and all claims, losses "
        "and damages arising out of the Services."
    )
    assert "any_and_all_purposes" not in kinds(text, ("9 Indemnification",))


def test_including_without_limitation_is_no_unrestricted_use():
    text = (
        "The Contractor grants the Client a licence to use the Deliverables for the Project, including "
        "without limitation the website and brochure."
    )
    assert "any_and_all_purposes" not in kinds(text)


def test_for_purposes_of_this_section_is_no_any_purpose_grant():
    assert "any_and_all_purposes" not in kinds("For purposes of this Section, the Deliverables include drafts.")


def test_use_for_any_purpose_other_than_the_agreement_is_a_restriction_not_a_grant():
    text = "The Client shall not use the Deliverables for any purpose other than the Project."
    assert "any_and_all_purposes" not in kinds(text)


def test_irrevocably_appointing_an_attorney_in_fact_is_no_irrevocable_licence():
    text = (
        "The Contractor irrevocably appoints the Client as its attorney-in-fact to execute documents "
        "perfecting the Client's rights in the Deliverables."
    )
    assert "perpetual_irrevocable" not in kinds(text)


def test_irrevocably_submitting_to_a_court_is_no_irrevocable_licence():
    text = "Each party irrevocably submits to the exclusive jurisdiction of the courts of England."
    assert "perpetual_irrevocable" not in kinds(text, GENERAL)


def test_hereafter_referred_to_is_no_future_technology():
    text = "Acme Corp, hereafter referred to as the Client, may use the Deliverables on its website."
    assert "future_technologies" not in kinds(text)


def test_financial_derivatives_are_no_derivative_works():
    text = "The Client may use the Deliverables to market interest rate derivatives and other financial products."
    assert "derivative_works" not in kinds(text)


def test_a_ban_on_derivative_works_is_no_derivative_works_right():
    text = "The Client shall not modify, adapt or create derivative works of the Deliverables."
    assert "derivative_works" not in kinds(text)


def test_a_non_sublicensable_licence_is_not_sublicensable():
    text = (
        "The Contractor grants the Client a non-exclusive, non-transferable, non-sublicensable licence to use "
        "the Deliverables."
    )
    assert "sublicensable" not in kinds(text)


def test_a_modifier_in_a_sub_item_inherits_the_grant_of_its_lead_in():
    paragraphs = [
        para("The Contractor grants the Client the right to:", 0, IP),
        para("(a) reproduce the Deliverables in perpetuity; and", 1, (*IP, "(a)"), label="(a)"),
    ]
    found = classify(paragraphs, TERMS)
    grant = next(f for f in found if f.kind == "license_grant")
    perpetual = next(f for f in found if f.kind == "perpetual_irrevocable")
    assert (grant.start, grant.end) == (0, 1)
    assert perpetual.start == 1 and perpetual.attributes["direction"] == "provider->client"


# -- other kinds ---------------------------------------------------------------------------------------------


def test_a_moral_rights_waiver_by_the_creator_is_medium_risk():
    f = one(
        "The Contractor waives all moral rights in the Deliverables and agrees never to assert them.",
        "moral_rights_waiver",
    )
    assert f.severity == "medium" and f.phrase == "moral rights"


@pytest.mark.parametrize(
    "text",
    (
        "The Contractor consents to the Client, its licensees and successors doing any act or making any omission "
        "in relation to the Deliverables that would otherwise infringe the Contractor's moral rights.",
        "The Contractor irrevocably consents to the Client altering, adapting or publishing the Deliverables without "
        "attribution, whether or not that would otherwise infringe the Contractor's moral rights.",
        "To the extent permitted by law, the Contractor consents to any acts or omissions of the Client that would "
        "infringe its moral rights in the Deliverables.",
    ),
)
def test_a_consent_to_acts_that_would_infringe_moral_rights_is_a_waiver_by_the_creator(text):
    f = one(text, "moral_rights_waiver")
    assert f.severity == "medium" and f.attributes["waived_by"] == "provider", f


@pytest.mark.parametrize(
    "text",
    (
        "The Contractor consents to the Client naming the Contractor as the author of the Deliverables in a way "
        "that does not infringe the Contractor's moral rights.",
        "The Contractor warrants that the Deliverables will not infringe any person's moral rights.",
        "The Contractor consents to the Client publishing the Deliverables on its website, with the credit the "
        "Contractor's moral rights require.",
    ),
)
def test_a_consent_that_gives_up_no_moral_right_is_no_waiver_by_the_creator(text):
    assert not [f for f in findings(text) if f.kind == "moral_rights_waiver" and f.severity != "info"], text


@pytest.mark.parametrize(
    "text",
    (
        "The Contractor grants the Client a perpetual licence to use the Deliverables for any purpose, including to "
        "train or improve the Client's products and services.",
        "The Contractor grants the Client a non-exclusive licence to use the Deliverables in its business, including "
        "for training and improving its own platforms.",
    ),
)
def test_a_grant_that_names_training_the_clients_products_is_a_high_ai_permission(text):
    f = one(text, "existing_ai_restriction")
    assert f.severity == "high" and f.attributes["polarity"] == "permission", f
    assert "train" in f.phrase and f.beneficiary == "client"


@pytest.mark.parametrize(
    "text",
    (
        "The Contractor shall train the Client's staff to use the new products and services.",
        "The Contractor will provide training services for the Client's products.",
        "The Contractor shall deliver training on the Client's products and services.",
    ),
)
def test_training_people_on_products_is_no_ai_language(text):
    assert "existing_ai_restriction" not in kinds(text)


def test_feedback_the_client_may_use_freely_is_a_usage_data_risk():
    f = one(
        "The Client may use any Feedback to improve its products and services without obligation to the Contractor.",
        "feedback_usage_data",
    )
    assert f.attributes["beneficiary"] == "client" and f.severity == "medium"


def test_feedback_the_creator_may_use_is_low_risk():
    f = one("The Contractor may freely use Feedback from the Client.", "feedback_usage_data")
    assert f.severity == "low"


def test_an_ai_training_ban_on_the_client_is_a_restriction():
    f = one(
        "The Client shall not use the Deliverables to train any artificial intelligence or machine learning model.",
        "existing_ai_restriction",
        ("8 Use of AI",),
    )
    assert f.attributes["polarity"] == "restriction"
    assert f.attributes["restricted_party"] == "client"
    assert f.severity == "info"


def test_a_licence_that_includes_training_models_is_a_permission_and_high_risk():
    f = one(
        "The Client may use the Deliverables for any purpose, including to train machine learning models.",
        "existing_ai_restriction",
    )
    assert f.attributes["polarity"] == "permission" and f.severity == "high"


def test_a_ban_on_the_creator_using_ai_tools_does_not_protect_the_work():
    f = one(
        "The Contractor shall not use generative AI tools to produce the Deliverables.",
        "existing_ai_restriction",
        ("3 Services",),
    )
    assert f.attributes["restricted_party"] == "provider" and f.severity == "low"


@pytest.mark.parametrize(
    "text",
    [
        "The Contractor shall train Client personnel in the use of the website.",
        "The Contractor shall provide training materials and training sessions for the Client's staff.",
        "The Deliverables describe the Client's business model and pricing model.",
        "The photographer shall obtain a model release from each person shown.",
        "The files shall be delivered in a machine-readable format.",
        "The MAIN AIMS of the Project are set out in Schedule 1.",
    ],
)
def test_ordinary_words_about_training_and_models_are_not_ai(text):
    assert "existing_ai_restriction" not in kinds(text, ("3 Services",))


def test_governing_law_names_its_jurisdiction_and_whose_home_it_is():
    paragraphs = [
        para('Acme Inc., a Delaware corporation (the "Client"), and Jane Roe of Oregon (the "Contractor").', 0, ()),
        para(
            "This Agreement is governed by the laws of the State of Delaware, without regard to its conflict of "
            "laws principles.",
            1,
            GENERAL,
        ),
    ]
    f = next(f for f in classify(paragraphs, TERMS) if f.kind == "governing_law")
    assert f.attributes["jurisdiction"] == "State of Delaware"
    assert f.attributes["favours"] == "client"


def test_complying_with_applicable_law_is_no_governing_law_clause():
    assert "governing_law" not in kinds(
        "The Contractor shall comply with all applicable laws and regulations.", ("3 Services",)
    )


def test_a_one_way_indemnity_by_the_creator_is_medium_and_a_mutual_one_low():
    one_way = one(
        "The Contractor shall indemnify, defend and hold harmless the Client against third-party claims.",
        "indemnification",
        ("9 Indemnification",),
    )
    mutual = one(
        "Each party shall indemnify the other against claims caused by its breach.",
        "indemnification",
        ("9 Indemnification",),
    )
    assert (one_way.attributes["indemnitor"], one_way.severity) == ("provider", "medium")
    assert (mutual.attributes["indemnitor"], mutual.severity) == ("mutual", "low")


def test_an_indemnity_split_over_paragraphs_is_one_mutual_finding():
    path = ("9 Indemnification",)
    paragraphs = [
        para("The Contractor shall indemnify the Client against claims that the Deliverables infringe.", 0, path),
        para("The Client shall indemnify the Contractor against claims arising from the Client Materials.", 1, path),
    ]
    found = [f for f in classify(paragraphs, TERMS) if f.kind == "indemnification"]
    assert len(found) == 1
    assert (found[0].start, found[0].end, found[0].attributes["indemnitor"]) == (0, 1, "mutual")


@pytest.mark.parametrize(
    "kind, text, path",
    [
        (
            "limitation_of_liability",
            "In no event shall either party be liable for any indirect or consequential damages.",
            ("10 Limitation of Liability",),
        ),
        (
            "confidentiality",
            "Each party shall hold the other's Confidential Information in strict confidence and use "
            "the same degree of care it uses for its own.",
            ("11 Confidentiality",),
        ),
        (
            "reservation_of_rights",
            "All rights not expressly granted in this Agreement are reserved by the Contractor.",
            IP,
        ),
        ("survival", "Sections 7, 9 and 11 shall survive any termination or expiration of this Agreement.", GENERAL),
    ],
)
def test_boilerplate_kinds_are_found(kind, text, path):
    f = one(text, kind, path)
    assert text[f.phrase_start : f.phrase_end] == f.phrase
    assert f.explanation and f.explanation[0].isupper()


def test_data_protection_duties_are_not_confidentiality_clauses():
    text = "The processor shall ensure that persons authorised to process the personal data keep it confidential."
    assert "confidentiality" not in kinds(text, ("Clause 8 Data protection safeguards",))


def test_findings_carry_the_section_of_their_paragraph():
    f = one(
        "All Deliverables are works made for hire.", "work_made_for_hire", ("7 Intellectual Property", "7.2 Ownership")
    )
    assert f.section_label == "7.2"
    assert f.section_path == ("7 Intellectual Property", "7.2 Ownership")
    assert f.to_dict()["phrase"] == {"text": f.phrase, "start": f.phrase_start, "end": f.phrase_end}


# -- our own clause wording is no red flag -----------------------------------------------------------


def test_a_quoted_broad_phrase_is_talked_about_not_granted():
    text = (
        "Wherever this Agreement permits the Client to use the Deliverables \u201cfor any and all purposes\u201d, "
        "that permission does not extend to training any model."
    )
    assert "any_and_all_purposes" not in kinds(text)


def test_wide_words_that_exclude_ai_use_are_no_red_flag():
    text = (
        "The Contractor grants the Client a licence to use the Deliverables in any media now known or hereafter "
        "devised, excluding any Prohibited AI Use."
    )
    assert not kinds(text) & {"future_technologies"}
    assert "future_technologies" in kinds(text.replace(", excluding any Prohibited AI Use", ""))


@pytest.mark.parametrize(
    "exclusion",
    [", but not for any Prohibited AI Use", ", and not for training artificial intelligence models"],
)
def test_a_licence_to_the_client_that_itself_leaves_out_ai_use_is_low_and_not_perpetual_risk(exclusion):
    text = (
        "The Designer grants the Client a non-exclusive, perpetual, royalty-free licence to use the Designer's "
        f"pre-existing materials as part of the Deliverables{exclusion}."
    )
    grant = one(text, "license_grant")
    assert (grant.severity, grant.attributes["direction"]) == ("low", "provider->client")
    assert "perpetual_irrevocable" not in kinds(text)
    plain = one(text.replace(exclusion, ""), "license_grant")
    assert plain.severity == "medium"
    assert "perpetual_irrevocable" in kinds(text.replace(exclusion, ""))


def test_naming_a_sublicence_the_client_may_grant_is_no_right_to_sublicense():
    text = (
        "The Client shall use commercially reasonable efforts to include this restriction in any sublicense of "
        "the Deliverables. Every sublicense granted by the Client shall prohibit it."
    )
    assert "sublicensable" not in kinds(text)


def test_a_condition_on_an_assignment_made_elsewhere_is_no_assignment():
    text = (
        "If this Agreement assigns or transfers rights in the Deliverables to the Client, the Client shall not "
        "use them for training, and this binds the Client's successors and assigns."
    )
    assert "ip_assignment" not in kinds(text)


def test_rights_reserved_to_the_creator_are_the_creators_even_after_naming_the_grantee():
    f = one(
        "All rights not expressly granted to the Client in this Agreement are reserved to the Contractor.",
        "reservation_of_rights",
    )
    assert f.attributes["owner"] == "provider"


def test_a_governing_law_placeholder_naming_the_creator_favours_the_creator():
    f = one(
        "The restrictions on AI use are governed by the laws of [the Contractor's home jurisdiction].",
        "governing_law",
        GENERAL,
    )
    assert f.attributes["favours"] == "provider"
