"""Permissions to train AI in the forms the earlier readings missed, and passive ones over the client's own material.

(ii) The AI words come before the training verb, as where the work is put, and the verb trains them: "The Client may
input the Designs into generative AI tools to train them", "may feed the Designs to machine-learning models for
training", "may load … into any neural network for the purpose of training it", "may upload … to its AI systems and
use them to train those systems". Each is the client's permission to train AI on the work: struck whole, as "may use
the Designs to train its AI models" is (tests/test_ai_training_permission_struck.py). Not struck: AI tools used to
train something else ("to train its staff", "to train the Client's designers"), AI tools that improve the work
(kept on the covenant's terms), and a permission that waits for the creator's word.

(iii) A passive permission is read by what it names: its agent ("may be used by the Designer"), else whose own
material its subject is ("Client Data", "the Client's product photographs"): nobody needs leave to use their own, so
the permission is the other side's. Over the client's material that is the creator's own right, which the redline
never strikes; over the creator's ("the Designer's sketches") or the work ("the Designs may be used to train") it is
the client's, struck as before.
"""

from __future__ import annotations

import functools

import pytest
from support.docx_builder import make_docx, p
from test_ai_section_placement import RECORD, TOOLS, design_agreement
from test_document_wording import redline_of
from test_writer import accepted, rejected

from noai import engine
from noai.analysis.facts import training_permission

VARIANTS = ("strict", "standard", "minimal")


def struck(red: engine.Redline) -> list[engine.Edit]:
    return [e for e in red.plan.edits if e.clause == "fix-existing-ai-restriction" and e.op == "replace"]


def texts(docx: bytes) -> list[str]:
    return [q.text for q in engine.read(docx).paragraphs]


@functools.cache
def design_redline(clause: str, variant: str) -> tuple[bytes, engine.Redline]:
    original = design_agreement([TOOLS, clause, RECORD])
    return original, redline_of(original, variant)


# -- (ii) the AI words first --------------------------------------------------------------------------------------

AI_FIRST = {
    "input-into-tools": "The Client may input the Designs into generative AI tools to train them.",
    "feed-to-models": "The Client may feed the Designs to machine-learning models for training.",
    "load-into-network": "The Client may load the Designs into any neural network for the purpose of training it.",
    "upload-then-use": "The Client may upload the Designs to its AI systems and use them to train those systems.",
    "submit-to-fine-tune": "The Client may submit the Designs to one or more large language models to fine-tune them.",
    "with-models-two-verbs": "The Client may use the Designs with machine learning models to train or fine-tune them.",
    "provide-to-vendors": "The Client may provide the Designs to third-party AI vendors to train their models.",
    "into-tools-own-models": "The Client may input the Designs into AI tools to train its own machine learning models.",
    "models-trained-on": "The Client may develop AI models trained on the Designs.",
    "tools-that-are-trained-on": "The Client may use generative AI tools that are trained on the Designs.",
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("clause", list(AI_FIRST.values()), ids=list(AI_FIRST))
def test_a_permission_to_put_the_work_into_ai_and_train_it_is_struck(clause, variant):
    original, red = design_redline(clause, variant)
    (edit,) = [e for e in struck(red) if clause in (e.find or "") or e.find == clause]
    assert "would permit the Client to train AI on the Designs" in (edit.comment or "")
    written = accepted(red.docx)
    assert clause not in written and "" not in written
    assert rejected(red.docx) == texts(original)


AI_FIRST_KEPT = {
    "trains-staff": "The Client may use the Designs with AI tools to train its staff.",
    "trains-people": "The Client may input the Designs into AI tools to train the Client's designers.",
    "with-leave": "The Client may input the Designs into AI tools to train them, unless the Designer objects.",
    "with-consent": "The Client may feed the Designs to AI models for training with the Designer's prior consent.",
    "supply-to-train-staff": "The Client may supply the Designs to AI developers to train the Client's staff.",
    "trained-on-own-data": "The Client may develop AI models trained on its own sales data.",
    "trained-on-public-data": "The Client may develop AI models trained on publicly available images.",
    "trained-on-client-material": "The Client may develop AI models trained on Client Photographs.",
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("clause", list(AI_FIRST_KEPT.values()), ids=list(AI_FIRST_KEPT))
def test_ai_words_before_a_verb_that_trains_something_else_or_waits_for_consent_strike_nothing(clause, variant):
    _original, red = design_redline(clause, variant)
    assert not any(clause in (e.find or "") for e in struck(red))
    assert clause in accepted(red.docx)


@pytest.mark.parametrize(
    ("text", "ai", "whole"),
    [
        ("The Client may input the Artwork into generative AI tools to train them.", "AI", True),
        ("Licensee may feed the Work to machine-learning models for training.", "machine-learning", True),
        ("Licensee may load the Work into any neural network for the purpose of training it.", "neural network", True),
        ("The Client may input the Artwork into AI tools to train its staff.", "AI", False),
        ("The Client may use generative AI tools to improve the Artwork.", "AI", False),
        ("The Client may not input the Artwork into AI tools to train them.", "AI", False),
        ("Licensee may create machine learning models fine-tuned on the Work.", "machine learning", True),
        ("Licensee may develop AI models trained on its own data.", "AI", False),
    ],
)
def test_the_facts_read_ai_words_before_the_training_verb(text, ai, whole):
    at = text.index(ai)
    strike = training_permission(text, at, at + len(ai))
    assert (strike is not None and strike.words == text) if whole else strike is None


# a second shape: a US software agreement of typed numbers ("Customer", "Developer")


def software_agreement(clause: str) -> bytes:
    lines = [
        "SOFTWARE DEVELOPMENT AGREEMENT",
        'This agreement is made between Tamarack Systems LLC ("Developer") and Oakhurst Logistics Inc. ("Customer").',
        '1.1 Customer shall provide Developer with its shipment records and product data ("Customer Data").',
        "1.2 Developer grants Customer a non-exclusive, perpetual license to use the software Developer provides "
        'under this agreement (the "Software") for Customer\'s internal business.',
        clause,
        "2.1 This agreement is governed by the laws of the State of Delaware.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


@functools.cache
def software_redline(clause: str, variant: str) -> tuple[bytes, engine.Redline]:
    original = software_agreement(clause)
    return original, redline_of(original, variant, we="Developer")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "sentence",
    [
        "Customer may input the Software into Customer's AI coding tools to fine-tune them.",
        "Customer may feed the Software to large language models for training.",
    ],
)
def test_a_software_customers_permission_to_feed_the_code_to_ai_and_train_it_is_struck(sentence, variant):
    original, red = software_redline(f"1.3 {sentence}", variant)
    assert struck(red), [e.find for e in red.plan.edits]
    written = accepted(red.docx)
    assert not any(sentence in t for t in written)
    assert rejected(red.docx) == texts(original)


# -- (iii) a passive permission over the client's own material ------------------------------------------------------

OWN_MATERIAL = {
    "client-data": "Customer Data may be used to train Developer's AI models.",
    "possessive": "Customer's shipment records may be used to train machine learning models.",
    "by-the-developer": "Customer Data may also be used by Developer for training AI models.",
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("sentence", list(OWN_MATERIAL.values()), ids=list(OWN_MATERIAL))
def test_a_passive_permission_to_train_on_the_clients_own_material_is_not_struck(sentence, variant):
    _original, red = software_redline(f"1.3 {sentence}", variant)
    assert not struck(red), [e.find for e in struck(red)]
    assert f"1.3 {sentence}" in accepted(red.docx)
    finding = next(
        f for f in red.audit.findings if f.paragraph_text == f"1.3 {sentence}" and f.kind == "existing_ai_restriction"
    )
    assert finding.attributes.get("permitted_party") == "provider"  # Developer, the creator: its own right


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "sentence",
    [
        "The Software may be used to train Customer's AI models.",
        "Developer's source files may be used to train AI models.",
        "The Software may be used by Customer to train AI models.",
    ],
    ids=["the-work", "the-creators-material", "by-the-client"],
)
def test_a_passive_permission_over_the_creators_work_or_material_is_still_struck(sentence, variant):
    original, red = software_redline(f"1.3 {sentence}", variant)
    assert struck(red)
    assert not any(sentence in t for t in accepted(red.docx))
    assert rejected(red.docx) == texts(original)


# the design agreement (British, numbered by Word): the Client's photographs


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "clause",
    [
        "The Client's product photographs may be used to train the Designer's AI models.",
        "Client Materials may be used by the Designer for training machine learning models.",
    ],
)
def test_the_designer_may_train_on_the_clients_photographs_and_that_is_not_struck(clause, variant):
    _original, red = design_redline(clause, variant)
    assert not any(clause in (e.find or "") for e in struck(red))
    assert clause in accepted(red.docx)


@pytest.mark.libreoffice
def test_libreoffice_reads_the_struck_ai_first_permission_and_the_kept_own_material_permission(libreoffice):
    struck_clause, kept_sentence = AI_FIRST["input-into-tools"], OWN_MATERIAL["client-data"]
    (original, red), (kept_original, kept) = (
        design_redline(struck_clause, "standard"),
        software_redline(f"1.3 {kept_sentence}", "standard"),
    )
    out, source, kept_out, kept_source = libreoffice([red.docx, original, kept.docx, kept_original])
    assert out["rejected_paragraphs"] == source["paragraphs"]
    assert struck_clause not in out["accepted_paragraphs"] and "" not in out["accepted_paragraphs"]
    assert kept_out["rejected_paragraphs"] == kept_source["paragraphs"]
    assert f"1.3 {kept_sentence}" in kept_out["accepted_paragraphs"]
