"""The kind of work a contract is about (software, creative, data, general), on synthetic contracts of each
kind and of each confusable one: a services contract with a data-protection clause is not "data" work, a
software licence with a data-processing annex stays software, a dataset of images is data, a
photography contract is creative; a generic work product ("Deliverables") is read from its definition,
and a short letter from its few words. The user's choice (``work_kind``) overrides the detection.
"""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p

from noai import engine
from noai.analysis import fast, work_kind


def contract(title: str, parties: str, *body: str) -> bytes:
    return make_docx("".join(p(t) for t in (title, parties, *body, "Signed: ____________")) + "<w:sectPr/>")


def parties(creator: str, client: str = "Client") -> str:
    return f'This agreement is made between Inkwell Ltd (the "{creator}") and Northwind plc (the "{client}").'


DATA_PROTECTION = (
    "8. Data Protection",
    "8.1 Each party shall comply with the GDPR and all other data protection laws in processing personal data "
    "under this agreement.",
    "8.2 Where the Consultant processes personal data on behalf of the Client, the Client is the controller and "
    "the Consultant is the processor of that personal data.",
    "8.3 The Consultant shall process the personal data only on the Client's documented instructions, keep it "
    "secure and notify the Client without undue delay of any personal data breach.",
    "8.4 The Consultant shall assist the Client in responding to requests from data subjects and shall delete or "
    "return all personal data at the end of the services.",
    "8.5 The Consultant shall not transfer personal data outside the United Kingdom without the Client's consent, "
    "and shall keep records of its processing of personal data.",
    "8.6 Customer data, usage data and account data remain the Client's; the Consultant may use usage data only "
    "to provide the services.",
)

SERVICES_WITH_GDPR = contract(
    "CONSULTANCY AGREEMENT",
    parties("Consultant"),
    "1. Services",
    "1.1 The Consultant shall advise the Client on its marketing strategy and deliver a written report of its "
    'recommendations (the "Report").',
    "2. Intellectual Property",
    "2.1 The Consultant grants the Client a non-exclusive licence to use the Report for its internal business.",
    *DATA_PROTECTION,
    "9. General",
    "9.1 This agreement is governed by the laws of England.",
)

SOFTWARE_WITH_DPA = contract(
    "SOFTWARE LICENCE AGREEMENT",
    parties("Licensor", "Licensee"),
    "1. Licence",
    "1.1 The Licensor grants the Licensee a non-exclusive licence to install and use the scheduling software (the "
    '"Software") and its documentation.',
    "1.2 The Licensee shall not decompile the Software or use its source code except as this agreement allows.",
    "2. Support",
    "2.1 The Licensor shall provide updates of the Software and fix errors in the Software.",
    "Annex 1: Data Processing",
    *(line.replace("Consultant", "Licensor").replace("Client", "Licensee") for line in DATA_PROTECTION[1:]),
)

DATASET_LICENCE = contract(
    "DATASET LICENCE",
    parties("Licensor", "Licensee"),
    "1. Licence",
    "1.1 The Licensor grants the Licensee a licence to use the collection of annotated street images and their "
    'labels (the "Dataset") for research.',
    "1.2 The Licensee shall not redistribute the Dataset or any data derived from it.",
    "2. Delivery",
    "2.1 The Licensor shall deliver the Dataset and its annotations as a database export.",
)

PHOTOGRAPHY = contract(
    "PHOTOGRAPHY AGREEMENT",
    parties("Photographer"),
    "1. Commission",
    '1.1 The Photographer shall take photographs of the Client\'s products for its catalogue (the "Photographs").',
    "1.2 The Photographer shall deliver the edited images in high resolution, and the Client shall keep records of "
    "the usage data of its website.",
    "2. Licence",
    "2.1 The Photographer grants the Client a licence to reproduce the Photographs in its catalogue and on its "
    "website.",
)

SOFTWARE_DEVELOPMENT = contract(
    "DEVELOPMENT AGREEMENT",
    parties("Developer"),
    "1. Services",
    "1.1 The Developer shall write a mobile application for the Client and deliver its source code and object code "
    '(the "Application").',
    "2. Licence",
    "2.1 The Developer grants the Client a licence to use, copy and modify the Application.",
)

DESIGN = contract(
    "DESIGN AGREEMENT",
    parties("Designer"),
    "1. Services",
    '1.1 The Designer shall create a logo and brand illustrations for the Client (the "Designs").',
    "2. Licence",
    "2.1 The Designer grants the Client a licence to use the Designs on its packaging.",
)

DATA_COLLECTION = contract(
    "DATA SERVICES AGREEMENT",
    parties("Contractor"),
    "1. Services",
    '1.1 The Contractor shall collect, clean and annotate survey responses into a dataset for the Client (the "Data").',
    "1.2 The Contractor shall deliver the Data as a database with its annotations.",
    "2. Licence",
    "2.1 The Contractor grants the Client a licence to use the Data.",
)

CONSULTING = contract(
    "ADVISORY AGREEMENT",
    parties("Adviser"),
    "1. Services",
    '1.1 The Adviser shall advise the Client on its pricing and deliver a written memorandum (the "Advice").',
    "2. Licence",
    "2.1 The Adviser grants the Client a licence to use the Advice in its business.",
)


DEFINED_DELIVERABLES = contract(
    "STUDIO SERVICES AGREEMENT",
    parties("Studio"),
    "1. Definitions",
    "1.1 “Deliverables” means all designs, illustrations, sketches and layouts the Studio makes for the Client.",
    "1.2 “Fees” means the fees set out in the schedule.",
    "2. Intellectual Property",
    "2.1 The Studio grants the Client a licence to use the Deliverables in its stores.",
)

GENERIC_DELIVERABLES = contract(
    "MASTER SERVICES AGREEMENT",
    parties("Supplier"),
    "1. Definitions",
    "1.1 “Deliverables” means the deliverables identified in a statement of work.",
    "2. Intellectual Property",
    "2.1 The Supplier grants the Client a licence to use the Deliverables, and retains its software tools.",
)

APP_LETTER = contract(
    "Dear Sam,",
    "Thanks for choosing me to build the booking app for your café.",
    "I'll build the app for iPhone and Android, and a web page for it.",
    "I'll own the code and everything else I make for the app; you get a licence to use the app for the café.",
    "If you want to sell the app to other cafés, we will agree that separately.",
)


@pytest.mark.parametrize(
    "docx, kind",
    [
        (SOFTWARE_DEVELOPMENT, "software"),
        (DESIGN, "creative"),
        (DATA_COLLECTION, "data"),
        (CONSULTING, "general"),
        (SERVICES_WITH_GDPR, "general"),
        (SOFTWARE_WITH_DPA, "software"),
        (DATASET_LICENCE, "data"),
        (PHOTOGRAPHY, "creative"),
        (DEFINED_DELIVERABLES, "creative"),
        (GENERIC_DELIVERABLES, "general"),
        (APP_LETTER, "software"),
    ],
    ids=[
        "software-development",
        "design",
        "data-collection",
        "consulting",
        "services-with-gdpr-clause",
        "software-licence-with-data-processing-annex",
        "dataset-of-images",
        "photography",
        "deliverables-defined-as-designs",
        "deliverables-defined-by-the-statement-of-work",
        "short-letter-about-an-app",
    ],
)
def test_the_kind_of_work_is_read_from_the_contract(docx, kind):
    detected = engine.audit(docx).work_kind
    assert detected is not None and detected.source == "detected"
    assert detected.kind == kind, detected.reason


def test_personal_data_and_usage_data_do_not_make_a_services_contract_data_work():
    # the data-protection clause alone, with no work product named: still not data work
    docx = contract("DATA PROTECTION TERMS", parties("Consultant"), *DATA_PROTECTION)
    assert engine.audit(docx).work_kind.kind == "general"


def test_the_users_kind_of_work_overrides_the_detection_and_picks_its_clause():
    result, plan = engine.plan(SERVICES_WITH_GDPR, engine.Options(work_kind="data"))
    assert (result.work_kind.kind, result.work_kind.source) == ("data", "user")
    assert "ai-data-use" in {e.clause for e in plan.edits}
    _, detected = engine.plan(SERVICES_WITH_GDPR)
    assert "ai-data-use" not in {e.clause for e in detected.edits}


def sow_contract(project: str, *deliverables: str) -> bytes:
    return contract(
        "MASTER SERVICES AGREEMENT",
        parties("Supplier"),
        "1. “Deliverables” means the deliverables identified in a statement of work.",
        "2. The Supplier grants the Client a licence to use the Deliverables, and retains its software tools and "
        "code libraries.",
        "Statement of Work No. 1",
        f"1. Project: {project}",
        "2. Deliverables:",
        *deliverables,
        "3. Timeline: ten weeks.",
    )


def test_a_statement_of_work_listing_app_features_makes_the_work_software():
    docx = sow_contract(
        "a ticketing app for the Client's theatre.",
        "Seat selection screens and a checkout flow",
        "Push notifications for show reminders",
        "Back-end endpoints synced with the box-office system",
    )
    detected = engine.audit(docx).work_kind
    assert detected.kind == "software", detected.reason


@pytest.mark.parametrize(
    "project, deliverables, kind",
    [
        ("a brand refresh for the Client's theatre.", ("New logo and poster designs", "Illustrations"), "creative"),
        ("a review of the Client's box-office process.", ("A written report", "Two workshops"), "general"),
    ],
)
def test_a_statement_of_work_for_other_services_is_not_software_for_the_tools_it_mentions(project, deliverables, kind):
    assert engine.audit(sow_contract(project, *deliverables)).work_kind.kind == kind


# A British "programme" is a broadcast programme; a computer programme is software, and a programme of work or
# a training programme is no work of either kind.
TV_SERIES = contract(
    "PRODUCTION AND LICENCE AGREEMENT",
    parties("Producer", "Broadcaster"),
    "1. Production",
    "1.1 The Producer shall produce four half-hour documentary programmes about river wildlife (the "
    '"Programmes") and deliver them ready for transmission.',
    "2. Licence",
    "2.1 The Producer grants the Broadcaster the exclusive right to broadcast the Programmes in the United Kingdom.",
    "2.2 The Broadcaster shall pay the licence fee for each of the Programmes within 30 days of its delivery.",
)
COMPUTER_PROGRAMMES = contract(
    "DEVELOPMENT AGREEMENT",
    parties("Developer"),
    "1. Development",
    '1.1 "Programmes" means the computer programmes the Developer writes for the Client under this agreement, '
    "in source code and object code.",
    "1.2 The Developer shall deliver the Programmes with their source code and installation scripts.",
    "2. Ownership",
    "2.1 The Developer assigns to the Client all copyright in the Programmes.",
)
CONSULTANCY_PROGRAMME = contract(
    "CONSULTANCY AGREEMENT",
    parties("Consultant"),
    "1. Services",
    "1.1 The Consultant shall run a training programme for the Client's managers and agree a programme of work "
    'with the Client, and shall deliver a written report of its findings (the "Report").',
    "1.2 The training programme is held at the Client's offices; the programme of work may change by agreement.",
    "2. Ownership",
    "2.1 The Consultant grants the Client a licence to use the Report for its internal business.",
)


@pytest.mark.parametrize(
    ("docx", "kind"),
    [(TV_SERIES, "creative"), (COMPUTER_PROGRAMMES, "software"), (CONSULTANCY_PROGRAMME, "general")],
    ids=["tv-series", "computer-programmes", "training-programme"],
)
def test_a_programme_is_a_broadcast_unless_the_contract_makes_it_a_computer_programme(docx, kind):
    detected = engine.audit(docx).work_kind
    assert detected.kind == kind, detected.reason


def test_a_computer_programme_defined_without_a_work_product_is_software_and_a_tv_programme_creative():
    from noai.analysis.work_kind import detect_work_kind
    from noai.ooxml.model import Paragraph

    def kind(*texts: str) -> str:
        ps = [Paragraph(index=i, text=t, original_text=t, in_table=False) for i, t in enumerate(texts)]
        return detect_work_kind(ps, None, ("Programmes",)).kind

    assert kind('"Programmes" means the computer programmes written for the Customer, in source and object code.') == (
        "software"
    )
    assert kind('"Programmes" means the six television programmes of the series, each of thirty minutes.') == "creative"


# The US spelling (session 12): a bare "program" is software, except in a contract about broadcasting (television,
# radio, a network's telecasts, episodes) that never speaks of computer programs or code, where it is a broadcast
# program, as a "television program" always is.
US_DOCUMENTARY = contract(
    "PRODUCTION AGREEMENT",
    parties("Producer", "Network"),
    "1. Production",
    "1.1 The Producer shall produce one sixty-minute documentary program about lighthouse keepers (the "
    '"Program") and deliver it to the Network ready for broadcast.',
    "2. Rights",
    "2.1 The Producer grants the Network the exclusive right to telecast the Program on its television stations "
    "in the United States for five years.",
    "2.2 The Network shall pay the license fee for the Program within 30 days of its delivery.",
)
US_HOST = contract(
    "HOST SERVICES AGREEMENT",
    'This agreement is made between Redwood Media Inc. (the "Company") and Lena Marsh (the "Host").',
    "1. Services",
    "1.1 The Host shall host twelve weekly episodes of the Company's cooking series and appear in any promotion "
    "of the programs the Company reasonably requests.",
    "1.2 The Company may edit the programs and exhibit them on television, radio and online platforms.",
    "2. Results and Proceeds",
    "2.1 All results and proceeds of the Host's services, including each of the programs, belong to the Company.",
    "2.2 The Company shall pay the Host a fee of USD 1,500 for each episode.",
)
US_SMART_TV_APP = contract(
    "SOFTWARE LICENSE AGREEMENT",
    parties("Licensor", "Licensee"),
    "1. License",
    '1.1 The Licensor grants the Licensee a license to install the program (the "Program") on the smart television '
    "sets the Licensee sells, in object code only.",
    "1.2 The Licensee shall not modify the Program or seek its source code.",
    "1.3 The Licensee may show the Program's menus in television advertising and on its broadcast channels.",
)


@pytest.mark.parametrize(
    ("docx", "kind"),
    [(US_DOCUMENTARY, "creative"), (US_HOST, "creative"), (US_SMART_TV_APP, "software")],
    ids=["documentary-the-program", "host-bare-programs", "smart-tv-app"],
)
def test_a_us_program_is_a_broadcast_in_a_contract_about_television_that_speaks_of_no_code(docx, kind):
    detected = engine.audit(docx).work_kind
    assert detected.kind == kind, detected.reason


def test_a_us_program_defined_without_a_work_product_follows_the_contracts_broadcasting_or_code():
    from noai.analysis.work_kind import detect_work_kind
    from noai.ooxml.model import Paragraph

    def kind(*texts: str) -> str:
        ps = [Paragraph(index=i, text=t, original_text=t, in_table=False) for i, t in enumerate(texts)]
        return detect_work_kind(ps, None, ("Programs",)).kind

    broadcast = "The Network may broadcast the Programs on television and radio."
    assert kind('"Programs" means the six half-hour programs of the series.', broadcast) == "creative"
    assert kind('"Programs" means the programs written for the Customer, in source code.', broadcast) == "software"


def test_every_match_of_softwares_words_naming_no_work_holds_one_of_its_hints():
    # the detector counts these in the whole document at once: a match without a hint would be counted there,
    # and not where only the paragraphs holding a hint are read
    needed = fast.needed(work_kind._NOT_WORK[work_kind.SOFTWARE])  # one of them is in every match (lower-cased)
    assert needed is not None
    assert all(any(hint in literal for hint in work_kind._HINTS[work_kind.SOFTWARE]) for literal in needed)
