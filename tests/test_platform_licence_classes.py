"""A developer that licenses its software and assigns what it builds on it (review11's ca-platform-licence classes).

Each class is tested on sentences of our own and on a contract of another shape than review11's Ontario one:
``saas_services()`` below is a US subscription and professional-services agreement, typed numbers ("1.1",
"(a)"), that licenses the "Licensed Software" (reached through "Brightline's Platform") for the Subscription
Term, assigns the "Deliverables" it creates on payment, keeps the "Brightline Technology", takes the customer's
data only to provide the services, and is governed by the law of the developer's own state (Texas).
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.synthetic_contracts import _document, _para, _save

from noai import engine
from noai.analysis.audit import audit_paragraphs
from noai.analysis.parties import CLIENT, CREATOR, find_parties, resolve_we
from noai.analysis.terms import extract_terms
from noai.analysis.work_kind import GENERAL, SOFTWARE, detect_work_kind
from noai.ooxml.model import Paragraph

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)]


def saas_services() -> bytes:
    doc = _document()
    _para(doc, "SUBSCRIPTION AND PROFESSIONAL SERVICES AGREEMENT", bold=True)
    _para(
        doc,
        'This Subscription and Professional Services Agreement (the "Agreement") is entered into as of May 1, 2027 '
        'by Brightline Analytics, Inc., a Texas corporation ("Brightline"), and Harbor Health Partners LLC, a '
        'Delaware limited liability company ("Customer").',
    )
    _para(doc, "1. Definitions", bold=True)
    _para(doc, "1.1 In this Agreement:")
    _para(
        doc,
        '(a) "Licensed Software" means the Brightline Insight analytics software in object code, its user '
        "documentation and the updates Brightline makes generally available;",
    )
    _para(
        doc,
        '(b) "Deliverables" means the dashboards, data connectors and scripts that Brightline creates for Customer '
        "under a Statement of Work;",
    )
    _para(doc, '(c) "Customer Data" means the data Customer submits to the Licensed Software; and')
    _para(
        doc,
        '(d) "Brightline Technology" means the Licensed Software and the tools, libraries and methods Brightline '
        "uses to provide its services.",
    )
    _para(doc, "2. Subscription", bold=True)
    _para(
        doc,
        "2.1 Brightline grants Customer a non-exclusive, non-transferable license during the Subscription Term to "
        "use the Licensed Software, hosted on Brightline's Platform, for Customer's internal business purposes.",
    )
    _para(
        doc,
        "2.2 Customer shall not decompile, resell or sublicense the Licensed Software or give any third party "
        "access to Brightline's Platform. Brightline's Platform may change from time to time, and Brightline will "
        "announce changes to Brightline's Platform in advance.",
    )
    _para(doc, "3. Professional Services", bold=True)
    _para(
        doc,
        "3.1 Brightline will provide the configuration and training services and create the Deliverables "
        'described in each Statement of Work (the "Professional Services").',
    )
    _para(
        doc,
        "3.2 Effective upon payment in full of the fees for a Deliverable, Brightline hereby assigns to Customer "
        "all right, title and interest in that Deliverable.",
    )
    _para(
        doc,
        "3.3 Brightline retains all right, title and interest in the Brightline Technology. To the extent a "
        "Deliverable includes Brightline Technology, Customer may use it only with that Deliverable.",
    )
    _para(doc, "4. Customer Data", bold=True)
    _para(doc, "4.1 Brightline may use Customer Data only to provide the Professional Services and the support.")
    _para(doc, "5. Fees", bold=True)
    _para(doc, "5.1 Customer shall pay the subscription fees annually in advance and the other fees monthly.")
    _para(doc, "6. General", bold=True)
    _para(doc, "6.1 This Agreement is governed by the laws of the State of Texas.")
    _para(doc, "BRIGHTLINE ANALYTICS, INC.  By: __________      HARBOR HEALTH PARTNERS LLC  By: __________")
    return _save(doc)


SAAS = "saas-services.docx"


@functools.cache
def saas_audit() -> dict:
    return engine.audit(saas_services(), filename=SAAS).to_dict()


@functools.cache
def saas_redline(variant: str) -> engine.Redline:
    return engine.redline(
        saas_services(), author="noai", date=DATE, options=engine.Options(variant=variant), filename=SAAS
    )


# ------------------------------------------------------------------------------------------------
# 1. A thing a party owns is no party


@pytest.mark.parametrize(
    "definition",
    [
        '"Platform" means Acme\'s online booking software and its documentation.',
        '"Platform" means the mobile application and website through which Acme sells tickets.',
        '"Platform" means its hosted marketplace, as updated from time to time.',
    ],
)
def test_a_role_word_defined_as_software_or_materials_is_not_a_party(definition):
    parties = find_parties(
        paragraphs(
            'This Licence Agreement is between Acme Ltd ("Acme") and Bolt Events Ltd ("Customer").',
            definition,
            "Acme grants Customer a licence to use the Platform. Customer shall pay Acme the fees.",
            "Customer shall not copy the Platform. Acme shall maintain the Platform.",
        )
    )
    assert {p.terms[0]: p.role for p in parties.parties} == {"Acme": CREATOR, "Customer": CLIENT}


def test_a_role_word_defined_as_a_company_stays_a_party():
    parties = find_parties(
        paragraphs(
            'This Creator Agreement is between Ivy Lane ("Creator") and the Platform.',
            '"Platform" means Streamly Inc., the company that operates the Streamly service.',
            "Creator grants the Platform a licence to stream the Videos. The Platform shall pay Creator monthly.",
        )
    )
    assert parties.party_of("Platform") is not None and parties.party_of("Platform").role == CLIENT


def test_an_undefined_role_word_written_as_what_a_party_has_is_not_a_party():
    text = (
        'This agreement is between Nova Studio Ltd ("Nova") and Reed Books Ltd ("Reed").',
        "Nova shall design the covers and Nova grants Reed a licence to print them. Reed shall pay Nova.",
        "Reed may preview the covers on Nova's Platform. Nova's Platform keeps every draft.",
        "Reed shall not share its login to Nova's Platform.",
    )
    parties = find_parties(paragraphs(*text))
    assert {p.terms[0] for p in parties.parties} == {"Nova", "Reed"}, parties.parties


def test_a_role_word_that_pays_stays_a_party_even_where_another_party_is_said_to_have_it():
    parties = find_parties(
        paragraphs(
            'This Agency Agreement is between Kite Media Ltd ("Agency") and Jun Park ("Designer").',
            "The Designer shall design the campaign for the Agency's Client. The Client shall pay the Agency.",
            "The Agency's Client may use the campaign. The Designer grants the Client a licence to use it.",
        )
    )
    assert parties.party_of("Client") is not None


def test_a_developer_that_assigns_what_it_builds_is_the_user_even_where_the_customer_brings_data():
    assigned = find_parties(
        paragraphs(
            'This Agreement is between Acme Inc. ("Provider") and Beta LLC ("Customer").',
            '"Customer Data" means the data Customer uploads to the Service.',
            "Provider shall develop the reports. Customer shall pay Provider.",
            "Upon payment, Provider assigns to Customer all right, title and interest in the reports.",
        )
    )
    hosted = find_parties(
        paragraphs(
            'This Agreement is between Acme Inc. ("Provider") and Beta LLC ("Customer").',
            '"Customer Data" means the data Customer uploads to the Service.',
            "Provider shall provide the Service. Customer shall pay Provider.",
        )
    )
    output = find_parties(
        paragraphs(
            'This Agreement is between Acme Inc. ("Provider") and Beta LLC ("Customer").',
            '"Customer Data" means the data Customer uploads to the Service.',
            "Provider shall provide the Service. Customer shall pay Provider.",
            "Provider hereby assigns to Customer all right, title and interest, if any, in the Output of the AI "
            "features.",
        )
    )
    assert assigned.client_materials == hosted.client_materials == output.client_materials == ("Customer Data",)
    assert resolve_we(assigned, None).sure is True
    assert resolve_we(hosted, None).sure is False
    assert resolve_we(output, None).sure is False  # an AI feature's output is not work the creator makes


def test_the_saas_and_services_agreement_needs_no_we_to_name_its_parties():
    parties = saas_audit()["parties"]
    assert sorted((p["terms"][0], p["role"]) for p in parties) == [("Brightline", CREATOR), ("Customer", CLIENT)]
    assert saas_audit()["we"]["sure"] is True
    assert saas_redline("strict").plan.terms["provider"] == "Brightline"


# ------------------------------------------------------------------------------------------------
# 2-3. The work is what the developer makes and assigns; what it licenses beside it is protected too and stays


def test_the_work_product_is_what_the_developer_makes_and_assigns_not_the_software_it_licenses():
    terms = extract_terms(
        paragraphs(
            'This Agreement is between Orbit Labs Ltd ("Orbit") and Fern Bank plc ("Customer").',
            '"Platform" means Orbit\'s payments software and its documentation.',
            '"Extensions" means the plug-ins and reports that Orbit builds for Customer under an Order.',
            "Orbit grants Customer a non-exclusive licence to use the Platform during the Term.",
            "On payment of its fee, Orbit assigns to Customer all right, title and interest in each Extension.",
            "Orbit retains all rights in the Platform.",
        )
    )
    assert terms.deliverables.name == "Extensions" and terms.licensed.name == "Platform"


def test_a_licensed_work_the_creator_makes_stays_the_work_where_nothing_it_makes_is_assigned():
    terms = extract_terms(
        paragraphs(
            'This Agreement is between Reel Pictures Ltd ("Reel") and Ada Moss (the "Composer").',
            '"Film" means the documentary "Tide Lines" that Reel owns.',
            '"Work" means the score that the Composer writes for Reel under this Agreement.',
            "The Composer grants Reel a licence to use the Work in the Film. Reel shall pay the Composer.",
            "Reel may assign the licence to any distributor of the Film.",
        )
    )
    assert terms.deliverables.name == "Work" and terms.licensed is None


def test_a_heading_that_names_a_term_does_not_take_its_article_away():
    p = paragraphs(
        'This Agreement is between Orbit Labs Ltd ("Orbit") and Fern Bank plc ("Customer").',
        'Orbit will set up the software for Customer (the "Services").',
        "Services and Fees",
        "Customer shall pay for the Services monthly.",
    )
    p[2] = Paragraph(index=2, text=p[2].text, original_text=p[2].text, is_heading=True)
    assert extract_terms(p).all["Services"].surface == "the Services"


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_saas_protected_materials_name_the_deliverables_and_the_licensed_software(variant):
    defined = next(
        p["text"]
        for e in saas_redline(variant).plan.edits
        for p in e.paragraphs
        if p["text"].startswith(('"Protected Materials" means', '(e) "Protected', "“Protected Materials” means"))
        or '"Protected Materials" means' in p["text"]
    )
    assert "the Deliverables" in defined and "the Licensed Software" in defined, defined


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_saas_comments_pass_the_deliverables_and_never_the_licensed_software(variant):
    said = "\n".join(e.comment for e in saas_redline(variant).plan.edits if e.comment)
    assert re.search(r"ownership of the Deliverables (?:passes )?to Customer", said), said
    assert not re.search(r"ownership of the Licensed Software|assigns or licenses the Licensed Software", said), said


# ------------------------------------------------------------------------------------------------
# 4. Integrations and configurations built on licensed software are software work


def test_a_work_defined_as_integrations_and_configurations_is_software_work():
    texts = [
        'This Agreement is between Orbit Labs Ltd ("Orbit") and Fern Bank plc ("Customer").',
        '"Extensions" means the integrations, connectors and configurations that Orbit builds for Customer.',
        "Orbit assigns to Customer all right in each Extension on payment. Customer shall pay Orbit.",
    ]
    assert detect_work_kind(paragraphs(*texts), "Extensions").kind == SOFTWARE


def test_a_work_defined_as_reports_and_presentations_is_not_software_work():
    texts = [
        'This Agreement is between Orbit Labs Ltd ("Orbit") and Fern Bank plc ("Customer").',
        '"Findings" means the reports, presentations and recommendations that Orbit prepares for Customer.',
        "Orbit assigns to Customer all right in the Findings on payment. Customer shall pay Orbit.",
    ]
    assert detect_work_kind(paragraphs(*texts), "Findings").kind == GENERAL


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_saas_customer_may_run_coding_assistants_on_the_deliverables_not_on_the_licensed_software(variant):
    texts = [p["text"] for e in saas_redline(variant).plan.edits for p in e.paragraphs]
    allowed = next(t for t in texts if "coding assistant" in t or "maintaining code on" in t)
    assert "on the Deliverables" in allowed and "Licensed Software" not in allowed, allowed


# ------------------------------------------------------------------------------------------------
# 6. Whose home law: read from each party's whole introduction


def law_of(preamble: str, law: str):
    return audit_paragraphs(
        paragraphs(
            preamble,
            "The Studio shall design the website. The Studio grants the Client a licence to use it.",
            "The Client shall pay the Studio the fees.",
            law,
        )
    ).protection("choice_of_law")


def test_a_law_where_both_parties_are_is_the_creators_home_law_too():
    law = law_of(
        'This Agreement is between Harbour Foods Inc., of 2 Bay Street, Halifax, Nova Scotia (the "Client"), and '
        'Kelp Studio Inc., a corporation incorporated under the laws of Nova Scotia (the "Studio").',
        "This Agreement is governed by the laws of the Province of Nova Scotia.",
    )
    assert law.status == "present" and "the other side's home law" not in law.detail, law


def test_a_party_whose_name_holds_its_defined_word_is_introduced_by_its_whole_description():
    law = law_of(
        'This Agreement is between Harbour Foods Inc., a Delaware corporation (the "Client"), and Kelp Studio LLC, '
        'a Vermont limited liability company (the "Studio").',
        "This Agreement is governed by the laws of the State of Vermont.",
    )
    assert law.status == "present" and law.detail == "The laws of the State of Vermont are the creator's home law."


def test_the_clients_own_state_is_still_the_other_sides_home_law():
    law = law_of(
        'This Agreement is between Harbour Foods Inc., a Delaware corporation (the "Client"), and Kelp Studio LLC, '
        'a Vermont limited liability company (the "Studio").',
        "This Agreement is governed by the laws of the State of Delaware.",
    )
    assert law.status == "missing" and "the other side's home law" in law.detail, law


def test_the_saas_agreement_governed_by_the_developers_own_state_is_its_home_law():
    law = saas_audit()["protections"]["choice_of_law"]
    assert law["detail"] == "The laws of the State of Texas are the creator's home law.", law


# ------------------------------------------------------------------------------------------------
# 5. New definitions join a definitions list written as one sentence


def saas_definitions(paragraphs: list[str]) -> list[str]:
    start = paragraphs.index("1.1 In this Agreement:") + 1
    return [t for t in paragraphs[start:] if re.match(r"\([a-z]\) ", t)]


@pytest.mark.parametrize("variant", VARIANTS)
def test_new_definitions_join_the_typed_semicolon_list_and_its_and_moves_to_the_new_last_but_one(variant):
    red = saas_redline(variant)
    defs = saas_definitions([p.text for p in engine.read(red.docx).paragraphs])
    assert len(defs) > 4 and any("Protected Materials" in d for d in defs), defs
    assert all(d.endswith(";") for d in defs[:-2]) and defs[-2].endswith("; and") and defs[-1].endswith("."), defs
    changed = {
        (e.index, e.find, e.replacement) for e in red.plan.edits if e.op == "replace" and e.clause == "definitions"
    }
    assert changed == {(6, " and", ""), (7, ".", ";")}, changed


def test_definitions_that_are_sentences_of_their_own_take_no_joining_change():
    texts = [
        'This Agreement is between Orbit Labs Ltd ("Orbit") and Fern Bank plc ("Customer").',
        "1. Definitions",
        '"Deliverables" means the reports that Orbit prepares for Customer.',
        '"Fees" means the fees in the Order.',
        "2. Licence",
        "Orbit grants Customer a licence to use the Deliverables for any purpose. Customer shall pay the Fees.",
    ]
    from support.docx_builder import make_docx, p

    red = engine.redline(
        make_docx("".join(p(t) for t in texts) + "<w:sectPr/>"), author="noai", date=DATE, filename="own.docx"
    )
    assert not [e for e in red.plan.edits if e.op == "replace" and e.clause == "definitions"]
    added = [q["text"] for e in red.plan.edits if e.clause == "definitions" for q in e.paragraphs]
    assert added and all(t.endswith(".") for t in added), added


@pytest.mark.libreoffice
def test_libreoffice_accepts_the_joined_list_and_rejects_back_to_the_original_exactly():
    from support.lo import lo_read, require_libreoffice
    from support.synthetic_contracts import ca_platform_licence

    require_libreoffice()
    ontario = ca_platform_licence()
    strict = engine.redline(ontario, author="noai", date=DATE, options=engine.Options(variant="strict"))
    read = lo_read([saas_services(), saas_redline("standard").docx, ontario, strict.docx])
    pairs = ((read[0], read[1], "1.1 In this Agreement:"), (read[2], read[3], "In this Agreement:"))
    for original, redlined, first in pairs:
        assert redlined["ok"] and not redlined["redlines_left_after_reject"], redlined.get("load_error")
        assert redlined["rejected_paragraphs"] == original["paragraphs"]
        accepted = redlined["accepted_paragraphs"]
        defs = [t for t in accepted[accepted.index(first) + 1 :][:9] if re.match(r'(?:\([a-z]\) )?"', t)]
        assert len(defs) > 4, defs
        assert all(d.endswith(";") for d in defs[:-2]) and defs[-2].endswith("; and") and defs[-1].endswith("."), defs
