"""With ``--we`` naming the customer of a product the other side defines as its own ("“Platform” means Scribewell's
automated speech-recognition … service, including its machine learning models"), our materials are the defined
material our party uploads or supplies, never that product (REVIEW23 defect 0).

Two shapes written for these tests: a UK speech-to-text subscription read for the Subscriber (Scribewell's Platform;
"Subscriber Materials" the Subscriber uploads, defined through the Platform), and the same deal renamed and reworded
as a translation service read for the Client ("Service" means Vellum's hosted translation engine; "Client Data" the
Client submits; both parties first read as clients, so the document names no creator). In both: the Protected
Materials are our material, the covenant binds the other side, its permission to train on our material is struck,
and the user who said who they are is never asked to say it again.

Where the other side's product is itself an AI system that processes our materials for us (the Platform transcribes
the recordings), our covenant (strict and standard) excepts that service to us, on the condition that nothing is kept
for or used in training (REVIEW23 defect 1). The kind of work is our material's, not the contract's: "Client Data"
under a contract that speaks of source code is data, with no coding-assistant clause (REVIEW23 defect 8).
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p, r
from support.replies import Reply

from noai import engine

DATE = datetime(2027, 1, 5, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")

TRANSCRIBE_TRAINS = "Scribewell may also use the Subscriber Materials to train and improve its machine learning models."
TRANSCRIBE = (
    "SCRIBEWELL SUBSCRIPTION AGREEMENT",
    'This Subscription Agreement (the "Agreement") is made on 3 March 2027 between Scribewell Ltd, of 9 Mill Lane, '
    'Leeds ("Scribewell"), and Northlight Audio Productions Ltd, of 4 Quay Street, Bristol (the "Subscriber").',
    "1. Definitions",
    '1.1 "Platform" means Scribewell\'s automated speech-recognition and transcription service, including its machine '
    "learning models.",
    '1.2 "Subscriber Materials" means the audio recordings the Subscriber uploads to the Platform and the transcripts, '
    "summaries and captions the Platform produces from them.",
    "2. The Service",
    "2.1 Scribewell shall make the Platform available to the Subscriber for the Subscription Period in return for the "
    "fees in the Order Form.",
    "3. Subscriber Materials",
    "3.1 The Subscriber retains ownership of the Subscriber Materials.",
    "3.2 The Subscriber grants Scribewell a non-exclusive licence to store and process the Subscriber Materials only "
    "to provide the Platform to the Subscriber.",
    f"3.3 {TRANSCRIBE_TRAINS}",
    "4. General",
    "4.1 This Agreement is governed by the law of England and Wales.",
)

TRANSLATE_TRAINS = "Vellum may further use Client Data for the training of its neural machine translation models."
TRANSLATE = (
    "TRANSLATION SERVICES TERMS",
    'These terms (the "Agreement") are made between Vellum GmbH ("Vellum") and Ostrander Publishing Inc. ("Client").',
    "1. Definitions",
    '"Service" means Vellum\'s hosted translation engine, including the machine learning models behind it.',
    '"Client Data" means the manuscripts, documents and glossaries Client submits to the Service, and the '
    "translations the Service returns for them.",
    "2. Use of the Service",
    "Vellum shall provide the Service to Client for the term of the Order.",
    "3. Client Data",
    "Client owns all Client Data. Client grants Vellum a licence to host and process Client Data only to provide the "
    "Service to Client.",
    TRANSLATE_TRAINS,
    "4. Law",
    "This Agreement is governed by the laws of the State of New York.",
)
SHAPES = {"transcribe": (TRANSCRIBE, "Subscriber"), "translate": (TRANSLATE, "Client")}
# per shape: our material, the other side, its product, the permission
READ = {
    "transcribe": ("Subscriber Materials", "Scribewell", "Platform", TRANSCRIBE_TRAINS),
    "translate": ("Client Data", "Vellum", "Service", TRANSLATE_TRAINS),
}


def build(texts: tuple[str, ...]) -> bytes:
    return make_docx("".join(p(r(t)) for t in texts))


@functools.cache
def redline(shape: str, variant: str) -> engine.Redline:
    texts, we = SHAPES[shape]
    return engine.redline(build(texts), author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


def texts(red: engine.Redline, accepted: bool) -> list[str]:
    data = red.docx if accepted else Reply(red.docx).reject().bytes()
    return [q.text for q in engine.read(data, accepted=accepted).paragraphs]


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("variant", VARIANTS)
def test_our_materials_are_what_we_upload_not_their_product(shape, variant):
    material, other, product, _ = READ[shape]
    red = redline(shape, variant)  # no PartyRoleError: --we was given
    we = SHAPES[shape][1]
    said = red.plan.terms
    assert tuple(said[k].removeprefix("the ") for k in ("deliverables", "client", "provider")) == (
        material,
        other,
        we,
    )
    accepted = texts(red, accepted=True)
    protected = next(t for t in accepted if '"Protected Materials" means' in t)
    assert material in protected and product not in protected
    assert not any(f"to use the {product} granted to" in t for t in accepted)
    assert any(re.match(rf"(?:[\d.]+[A-Z]?\s+)?{other} shall not", t) and "Prohibited AI Use" in t for t in accepted)
    assert not any(re.match(rf"(?:[\d.]+[A-Z]?\s+)?(?:the\s+)?{we} shall not", t) for t in accepted)


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("variant", VARIANTS)
def test_their_permission_to_train_on_our_material_is_struck(shape, variant):
    material, other, _, permission = READ[shape]
    red = redline(shape, variant)
    struck = [e for e in red.plan.edits if e.op == "replace" and e.find and permission in e.find]
    assert len(struck) == 1 and f"permit {other} to train AI on {material}" in struck[0].comment.replace(" the ", " ")
    assert not any(permission in t for t in texts(red, accepted=True))
    assert any(permission in t for t in texts(red, accepted=False))


def test_read_for_the_other_side_no_materials_of_ours_are_made_up():
    """Read for Scribewell, the subscriber's materials are not Scribewell's to protect."""
    red = engine.redline(
        build(TRANSCRIBE), author="noai", date=DATE, options=engine.Options(variant="strict", we="Scribewell")
    )
    assert "Subscriber Materials" not in red.plan.terms.get("deliverables", "")


# -- the kind of work is our material's (REVIEW23 defect 8) --------------------------------------------------------

CODEHOST = tuple(
    t.replace(
        "hosted translation engine, including the machine learning models behind it",
        "hosted source code analysis software, its code libraries, APIs and the machine learning models behind them",
    )
    .replace(
        "the manuscripts, documents and glossaries Client submits to the Service, and the translations the "
        "Service returns for them",
        "the survey datasets, records and metadata Client submits to the Service",
    )
    .replace("Client grants Vellum", "Vellum's software and source code remain Vellum's. Client grants Vellum")
    for t in TRANSLATE
)
CODING = "writing, reviewing, testing or maintaining code"


def said(red: engine.Redline) -> str:
    inserted = (q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs)
    return "\n".join([*(e.comment or "" for e in red.plan.edits), *inserted])


@pytest.mark.parametrize("variant", VARIANTS)
def test_our_data_is_data_where_the_contract_speaks_of_code(variant):
    red = engine.redline(
        build(CODEHOST), author="noai", date=DATE, options=engine.Options(variant=variant, we="Client")
    )
    assert red.plan.terms["deliverables"].removeprefix("the ") == "Client Data"
    words = said(red)
    assert CODING not in words and "is code" not in words and "object code" not in words
    assert "Client Data is data" in words
    accepted = texts(red, accepted=True)
    assert not any(CODING in t for t in accepted)


@pytest.mark.parametrize("variant", VARIANTS)
def test_ca_platform_licence_customer_data_is_no_code(variant):
    from support.synthetic_contracts import CONTRACTS

    data = CONTRACTS["ca-platform-licence"][0]()
    red = engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant, we="Customer"))
    words = said(red)
    assert CODING not in words and "is code" not in words and "object code" not in words
    assert not any(CODING in t for t in texts(red, accepted=True))


# -- their AI service to us is no Prohibited AI Use (REVIEW23 defect 1) --------------------------------------------

SERVICE_USE = (
    "Processing Protected Materials solely to provide {service} to {us} (including generating outputs for {us}), "
    "without keeping them for, or using them in, the training, fine-tuning or evaluation of any AI System, is not a "
    "Prohibited AI Use."
)
SERVED = {
    "transcribe": SERVICE_USE.format(service="the Platform", us="the Subscriber"),
    "translate": SERVICE_USE.format(service="the Service", us="Client"),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_the_covenant_excepts_the_ai_service_we_buy(shape, variant):
    red = redline(shape, variant)
    accepted = texts(red, accepted=True)
    excepted = [t for t in accepted if SERVED[shape] in t]
    assert len(excepted) == 1 and "Prohibited AI Use" in excepted[0].replace(SERVED[shape], "")
    if variant == "strict":  # among the exceptions, before the closing words
        assert excepted[0].index(SERVED[shape]) < excepted[0].index("Any other exception must be stated expressly")
    assert not any(SERVED[shape] in t for t in texts(red, accepted=False))
    other = READ[shape][1]
    assert f"It does not stop {other} processing the Protected Materials to provide" in said(red)  # the comment says


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_minimal_forbids_training_alone_and_adds_no_exception(shape):
    assert not any(
        "Processing Protected Materials solely to provide" in t for t in texts(redline(shape, "minimal"), True)
    )


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_the_ai_platform_customer_may_still_use_the_platform(variant):
    from support.synthetic_contracts import CONTRACTS

    data = CONTRACTS["us-ai-platform-customer"][0]()
    red = engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant, we="Customer"))
    assert any(SERVICE_USE.format(service="the Service", us="Customer") in t for t in texts(red, accepted=True))


def test_a_product_that_is_no_ai_system_gets_no_service_exception():
    """A design platform the provider makes available (no AI in its definition): nothing to except."""
    plain = tuple(t.replace(", including the machine learning models behind it", "") for t in TRANSLATE)
    red = engine.redline(build(plain), author="noai", date=DATE, options=engine.Options(variant="strict", we="Client"))
    assert red.plan.terms["deliverables"].removeprefix("the ") == "Client Data"
    assert not any("Processing Protected Materials solely to provide" in t for t in texts(red, accepted=True))


def test_libreoffice_reads_the_strike_and_the_exception_as_made():
    from support.lo import lo_read, require_libreoffice

    require_libreoffice()
    (read,) = lo_read([redline("transcribe", "strict").docx])
    assert read["ok"]
    assert not any(TRANSCRIBE_TRAINS in t for t in read["accepted_paragraphs"])
    assert f"3.3 {TRANSCRIBE_TRAINS}" in read["rejected_paragraphs"]
    assert any(SERVED["transcribe"] in t for t in read["accepted_paragraphs"])
    assert not any(SERVED["transcribe"] in t for t in read["rejected_paragraphs"])


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_strict_puts_the_covenant_back_with_the_service_exception(shape):
    """Round two: they reject our covenant; strict puts it back, the exception for their service to us with it."""
    from support.replies import record_ids
    from test_review_session20 import ids_of

    sent = redline(shape, "strict").docx
    back = Reply(sent).reject(ids=record_ids(sent, *ids_of(sent, "no-ai-training"))).accept().bytes()
    assert not any(SERVED[shape] in t for t in (q.text for q in engine.read(back).paragraphs))
    options = engine.Options(variant="strict", we=SHAPES[shape][1])
    again = engine.redline(back, author="noai", date=datetime(2027, 2, 10, tzinfo=UTC), options=options)
    accepted = texts(again, accepted=True)
    assert any(SERVED[shape] in t for t in accepted)
    _, other, _, _ = READ[shape]
    assert any(re.match(rf"(?:[\d.]+[A-Z]?\s+)?{other} shall not", t) and "Prohibited AI Use" in t for t in accepted)


TASK_NAMED = "Scribewell may also use the Subscriber Materials to train and improve its speech-recognition models."


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_permission_naming_its_models_by_their_task_is_struck_too(variant):
    """The review's own wording: the models named by their task, our material (defined through the Platform) the
    first AI word of the sentence."""
    shape = tuple(t.replace(TRANSCRIBE_TRAINS, TASK_NAMED) for t in TRANSCRIBE)
    red = engine.redline(
        build(shape), author="noai", date=DATE, options=engine.Options(variant=variant, we="Subscriber")
    )
    assert not any(TASK_NAMED in t for t in texts(red, accepted=True))
    assert f"3.3 {TASK_NAMED}" in texts(red, accepted=False)


@pytest.mark.parametrize(
    "sentence",
    [
        "Scribewell may use the Subscriber Materials to train its support staff.",
        "Scribewell may use the Subscriber Materials to improve its products and business models.",
    ],
)
def test_a_use_that_trains_no_model_stands(sentence):
    shape = tuple(t.replace(TRANSCRIBE_TRAINS, sentence) for t in TRANSCRIBE)
    red = engine.redline(
        build(shape), author="noai", date=DATE, options=engine.Options(variant="strict", we="Subscriber")
    )
    assert any(sentence in t for t in texts(red, accepted=True))


def test_a_user_who_said_who_they_are_is_not_asked_again():
    """A licence naming one party only: with --we given, the error says what the document lacks, not "--we"."""
    from noai.errors import PartyRoleError

    one = (
        "IMAGE LICENCE",
        'This licence is granted by Harbour Photo Ltd (the "Photographer").',
        '"Images" means the photographs listed in the Schedule.',
        "1. The Photographer grants a non-exclusive licence to reproduce the Images in print.",
        "2. The Images may be used to train machine learning models.",
    )
    options = engine.Options(variant="strict", we="Photographer")
    with pytest.raises(PartyRoleError) as raised:
        engine.redline(build(one), author="noai", date=DATE, options=options)
    said = str(raised.value)
    assert said.startswith("You said you are Photographer") and "--we" not in said and "Which party" not in said
    assert raised.value.detail["missing"] == ["client"]
