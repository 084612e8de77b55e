"""A developer that licenses its software and assigns what it builds on it (review11's ca-platform-licence classes).

Each class is tested on sentences of our own and on a contract of another shape than review11's Ontario one:
``saas_services()`` below is a US subscription and professional-services agreement, typed numbers ("1.1",
"(a)"), that licenses the "Licensed Software" (reached through "Brightline's Platform") for the Subscription
Term, assigns the "Deliverables" it creates on payment, keeps the "Brightline Technology", takes the customer's
data only to provide the services, and is governed by the law of the developer's own state (Texas).
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.synthetic_contracts import _document, _para, _save

from noai import engine
from noai.analysis.parties import CLIENT, CREATOR, find_parties, resolve_we
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
