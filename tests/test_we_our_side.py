"""With ``--we`` naming the side that brings materials to the deal, everything we write is from OUR side (issue 15,
NOTE-s13 "Still missing" items 2 and 4).

Two client-side shapes written for these tests: a SaaS agreement read for the Customer (Provider's Service, Customer
Content, Usage Data, "Provider may use Customer Content and Usage Data to train and improve its machine learning
models. However, (a) … before any such use, and (b) Provider shall not disclose …"), and a brand commissioning an
agency, read for the Brand, which supplies "Brand Materials" while the Agency makes the Deliverables. The plan reads
our materials, the bound party and the beneficiary from who supplies which defined material: the covenant binds the
other side and protects our materials, the strike's comment names the other side as the one trained, the other
side's ownership of its own things is no transfer of ours, and the words of the next sentence that hang on a struck
permission go with it. Read for the other party, the same documents are planned as before.

Item 4: a passive permission that names no user ("The Images may be used to train …") is read by whose material its
subject is: the work's maker's (a photography licence read for the Client keeps it; read for the Photographer strikes
it), a material its definition gives to a party ("the photographs the Client provides"), or, where the document
says of no one, struck with a comment that names no party.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p, r
from support.read import plan_comments as comments
from support.replies import Reply

from noai import engine

DATE = datetime(2027, 1, 5, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")

PERMISSION = "Provider may use Customer Content and Usage Data to train and improve its machine learning models."
HANGING = "However, (a) Usage Data and Customer Content must be aggregated before any such use, and (b) "
KEPT = "Provider shall not disclose Customer Content to any third party."
SAAS = (
    "SOFTWARE AS A SERVICE AGREEMENT",
    'This Software as a Service Agreement (the "Agreement") is between Cobalt Cloud Inc. ("Provider") and Marlow '
    'Design Studio LLC ("Customer").',
    "1. Definitions.",
    '"Service" means the hosted design platform Provider makes available to Customer under this Agreement.',
    '"Customer Content" means all images, designs, files and other data Customer uploads to or submits through the '
    "Service.",
    '"Usage Data" means data about Customer\'s use of the Service, including logs and metrics.',
    "2. The Service. Provider shall provide the Service to Customer during the Term. Customer shall pay the Fees "
    "within thirty days of invoice.",
    "3. Customer Content. As between the parties, Customer owns all right, title and interest in the Customer "
    "Content. Customer grants Provider a non-exclusive licence to host, copy and process Customer Content solely to "
    "provide the Service.",
    f"{PERMISSION} {HANGING}{KEPT}",
    "4. Provider owns all right, title and interest in the Service and Usage Data.",
    "5. Term. This Agreement continues for twelve months from the date of signature.",
    "6. Governing law. This Agreement is governed by the laws of the State of New York.",
)

BRAND_PERMISSION = (
    "The Agency may use the Brand Materials and the Deliverables to train and improve its generative AI tools."
)
BRAND = (
    "CREATIVE SERVICES AGREEMENT",
    "This Creative Services Agreement is made on 3 February 2027 between Halcyon Beverages Limited, a company "
    'registered in England (the "Brand"), and Tallis & Moss Creative Ltd (the "Agency").',
    "1. Definitions",
    '1.1 "Brand Materials" means the logos, trade marks, product photographs, brand guidelines and other materials '
    "the Brand provides to the Agency for the Campaign.",
    '1.2 "Campaign" means the spring advertising campaign described in Schedule 1.',
    '1.3 "Deliverables" means the artwork, copy and video the Agency creates for the Campaign.',
    "2. Services",
    "2.1 The Agency shall create the Deliverables for the Campaign using the Brand Materials.",
    "2.2 The Brand shall pay the Agency a fee of £18,000 in three instalments.",
    "3. Intellectual property",
    "3.1 The Brand Materials remain the property of the Brand. The Brand grants the Agency a non-exclusive licence "
    "to use the Brand Materials solely to perform the Services.",
    "3.2 The Agency assigns to the Brand all intellectual property rights in the Deliverables on payment of the fee.",
    f"3.3 {BRAND_PERMISSION}",
    "4. General",
    "4.1 This agreement is governed by the laws of England and Wales.",
)

SHAPES = {"saas": SAAS, "brand": BRAND}


def build(texts: tuple[str, ...]) -> bytes:
    return make_docx("".join(p(r(t)) for t in texts))


@functools.cache
def redline(shape: str, variant: str, we: str | None) -> engine.Redline:
    return engine.redline(
        build(SHAPES[shape]), author="noai", date=DATE, options=engine.Options(variant=variant, we=we)
    )


def texts(red: engine.Redline, accepted: bool) -> list[str]:
    data = red.docx if accepted else Reply(red.docx).reject().bytes()
    return [q.text for q in engine.read(data, accepted=accepted).paragraphs]


def inserted(red: engine.Redline) -> str:
    return "\n".join(q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs)


# -- the SaaS customer ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_read_for_the_customer_the_plan_protects_customer_content_and_binds_the_provider(variant):
    red = redline("saas", variant, "Customer")
    terms = red.plan.terms
    assert (terms["provider"], terms["client"], terms["deliverables"]) == ("Customer", "Provider", "Customer Content")
    clauses = inserted(red).splitlines()
    assert any(c.startswith("Provider shall not") and "Prohibited AI Use" in c for c in clauses)
    assert not any(c.startswith("Customer shall") for c in clauses)
    assert "Customer Content" in next(t for t in texts(red, True) if t.startswith('"Protected Materials" means'))
    said = "\n".join(comments(red))
    assert "the Service" not in said.replace("to provide the Service", "")  # the Provider's product is not ours
    assert "ownership of Customer Content passes" not in said and "transfers ownership" not in said


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_providers_training_permission_and_the_words_hanging_on_it_are_struck(variant):
    red = redline("saas", variant, "Customer")
    struck = [e for e in red.plan.edits if e.op == "replace" and e.find and e.find.startswith(PERMISSION)]
    assert len(struck) == 1 and struck[0].find == f"{PERMISSION} {HANGING}" and not struck[0].replacement
    assert "would permit Provider to train AI on Customer Content" in struck[0].comment
    assert "permit Customer to train" not in "\n".join(comments(red))
    assert "“However, (a) Usage Data and Customer Content must be aggregated before any such use, and (b)”" in (
        struck[0].comment
    )
    accepted = texts(red, accepted=True)
    assert KEPT in accepted and not any("such use" in t or PERMISSION in t for t in accepted)
    assert f"{PERMISSION} {HANGING}{KEPT}" in texts(red, accepted=False)


def test_libreoffice_reads_the_strike_as_made():
    from support.lo import lo_read, require_libreoffice

    require_libreoffice()
    saas, brand = lo_read([redline("saas", "standard", "Customer").docx, redline("brand", "strict", "Brand").docx])
    assert saas["ok"] and brand["ok"]
    assert KEPT in saas["accepted_paragraphs"] and not any(PERMISSION in t for t in saas["accepted_paragraphs"])
    assert f"{PERMISSION} {HANGING}{KEPT}" in saas["rejected_paragraphs"]
    assert not any(BRAND_PERMISSION in t for t in brand["accepted_paragraphs"])
    assert f"3.3 {BRAND_PERMISSION}" in brand["rejected_paragraphs"]


def test_read_for_the_provider_nothing_changes_sides():
    red = redline("saas", "strict", "Provider")
    assert red.plan.terms["provider"] == "Provider" and red.plan.terms["client"] == "Customer"
    assert not [e for e in red.plan.edits if e.find and PERMISSION in e.find]  # its own permission: kept


# -- the brand commissioning an agency ----------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_read_for_the_brand_the_work_at_stake_is_the_brand_materials(variant):
    red = redline("brand", variant, "Brand")
    terms = red.plan.terms
    assert (terms["provider"], terms["client"], terms["deliverables"]) == (
        "the Brand",
        "the Agency",
        "the Brand Materials",
    )
    clauses = inserted(red).splitlines()
    assert any("The Agency shall not" in c and "Prohibited AI Use" in c for c in clauses)
    assert not any("The Brand shall not" in c for c in clauses)
    struck = [e for e in red.plan.edits if e.op == "replace" and e.find and BRAND_PERMISSION in e.find]
    assert struck and "would permit the Agency to train AI on the Brand Materials" in struck[0].comment
    accepted = texts(red, accepted=True)
    assert not any(BRAND_PERMISSION in t for t in accepted)
    assert any(re.match(r'1\.\d "Protected Materials" means the Brand Materials', t) for t in accepted)
    assert any(BRAND_PERMISSION in t for t in texts(red, accepted=False))


def test_the_approach_says_the_brand_licenses_its_materials_not_the_deliverables():
    said = "\n".join(comments(redline("brand", "strict", "Brand")))
    assert "licenses the Brand Materials to the Agency" in said
    assert "licenses the Deliverables to the Agency" not in said


def test_read_for_the_agency_the_deliverables_stay_the_work():
    red = redline("brand", "strict", "Agency")
    assert red.plan.terms["deliverables"] != "the Brand Materials"


# -- item 4: a passive permission whose user is not named ----------------------------------------------------------

PASSIVE = "The Images may be used to train machine learning models."
PHOTO = (
    "PHOTOGRAPHY LICENCE",
    'This licence is made between Ines Duarte Photography Ltd (the "Photographer") and Larkspur Interiors Ltd (the '
    '"Client").',
    '1. The Photographer shall photograph the Client\'s showroom and deliver forty edited images (the "Images").',
    "2. The Photographer grants the Client a non-exclusive licence to use the Images on its website and in its "
    "catalogue.",
    f"3. {PASSIVE}",
    "4. The Client shall pay the Photographer £2,000.",
    "5. This licence is governed by the law of England and Wales.",
)


def design(permission: str) -> bytes:
    return build(
        (
            "DESIGN AGREEMENT",
            'This agreement is made between Orla Quinn Design Ltd (the "Designer") and Brightwater Hotels Ltd (the '
            '"Client").',
            '"Reference Images" means the photographs of its hotels the Client provides to the Designer.',
            '"Materials" means all drafts, notes and files relating to the project.',
            '1. The Designer shall design a new logo for the Client (the "Logo") using the Reference Images.',
            "2. The Designer grants the Client an exclusive licence to use the Logo.",
            f"3. {permission}",
            "4. The Client shall pay the Designer £3,000.",
            "5. This agreement is governed by the law of England and Wales.",
        )
    )


def run(data: bytes, variant: str, we: str | None) -> engine.Redline:
    return engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


def strikes(red: engine.Redline, words: str) -> list[engine.Edit]:
    return [e for e in red.plan.edits if e.op == "replace" and e.find and words.rstrip(".") in e.find]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_photographers_images_may_be_trained_on_by_the_client_read_for_the_client(variant):
    red = run(build(PHOTO), variant, "Client")
    found = [f for f in red.audit.findings if f.kind == "existing_ai_restriction" and PASSIVE in f.paragraph_text]
    assert found and all(f.severity == "info" and f.beneficiary == "creator" for f in found)
    assert not strikes(red, PASSIVE)
    assert any(PASSIVE in t for t in texts(red, accepted=True))


@pytest.mark.parametrize("we", (None, "Photographer"))
def test_read_for_the_photographer_the_same_permission_is_struck(we):
    red = run(build(PHOTO), "standard", we)
    struck = strikes(red, PASSIVE)
    assert struck and "would permit the Client to train AI on the Images" in struck[0].comment
    assert not any(PASSIVE in t for t in texts(red, accepted=True))


def test_a_material_its_definition_gives_to_the_client_is_the_clients():
    permission = "The Reference Images may be used to train machine learning models."
    ours = run(design(permission), "strict", None)  # read for the Designer: the Client's images, its permission
    assert not strikes(ours, permission)
    theirs = run(design(permission), "strict", "Client")  # read for the Client: the Designer may train on them
    struck = strikes(theirs, permission)
    assert struck and "would permit the Designer to train AI on the Reference Images" in struck[0].comment
    assert theirs.plan.terms["deliverables"] == "the Reference Images"


@pytest.mark.parametrize("we", (None, "Client"))
def test_a_material_of_no_one_is_struck_with_a_comment_that_names_no_party(we):
    permission = "The Materials may be used to train machine learning models."
    red = run(design(permission), "strict", we)
    struck = strikes(red, permission)
    assert struck
    said = struck[0].comment
    assert "without saying whose material that is or who may train on it" in said
    assert "would permit the Client" not in said and "would permit the Designer" not in said


# -- an exception citing the clause a strike removes --------------------------------------------------------------

CITED = "4.2 The Licensee may use the Photographs to train its machine learning models."


def archive(citing: str) -> bytes:
    return build(
        (
            "PHOTOGRAPH ARCHIVE LICENCE",
            'This licence is made between Tamsin Hale (the "Licensor") and Orrery Media Ltd (the "Licensee").',
            '1.1 The Licensor shall deliver 300 digitised photographs from her archive (the "Photographs").',
            "4.1 The Licensor grants the Licensee a non-exclusive licence to publish the Photographs in its magazine.",
            CITED,
            f"6.1 On expiry of this licence the Licensee shall delete all copies of the Photographs, {citing}.",
            "6.2 The Licensee shall keep the Photographs confidential, except as permitted by clause 4.1.",
            "7.1 This licence is governed by the law of England and Wales.",
        )
    )


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("citing", ("except as clause 4.2 permits", "save as permitted under Clause 4.2"))
def test_an_exception_citing_the_struck_clause_goes_with_it(variant, citing):
    red = run(archive(citing), variant, None)
    cut = [e for e in red.plan.edits if e.op == "replace" and e.find == f", {citing}"]
    assert cut and not cut[0].replacement and "strikes the clause it cites" in (cut[0].comment or "")
    accepted = texts(red, accepted=True)
    assert "6.1 On expiry of this licence the Licensee shall delete all copies of the Photographs." in accepted
    assert CITED not in accepted
    # an exception citing a clause that stays is left alone
    assert "6.2 The Licensee shall keep the Photographs confidential, except as permitted by clause 4.1." in accepted
    rejected = texts(red, accepted=False)
    assert f"6.1 On expiry of this licence the Licensee shall delete all copies of the Photographs, {citing}." in (
        rejected
    )
    assert CITED in rejected


# -- round two, read for the customer ------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_round_two_after_they_reject_our_covenant_still_binds_the_provider(variant):
    from support.replies import record_ids
    from test_review_session20 import ids_of

    sent = redline("saas", variant, "Customer").docx
    back = Reply(sent).reject(ids=record_ids(sent, *ids_of(sent, "no-ai-training"))).accept().bytes()
    red = engine.redline(
        back,
        author="noai",
        date=datetime(2027, 2, 1, tzinfo=UTC),
        options=engine.Options(variant=variant, we="Customer"),
    )
    terms = red.plan.terms
    assert (terms["provider"], terms["client"], terms["deliverables"]) == ("Customer", "Provider", "Customer Content")
    clauses = inserted(red).splitlines()
    assert not any(c.startswith("Customer shall") for c in clauses)
    said = "\n".join(comments(red))
    assert "of Protected Materials" not in said and "licenses Protected Materials" not in said
    assert not any(t.startswith("Customer shall not") for t in texts(red, accepted=True))
