"""A permission to train a model named by what the model does, not by AI words (REVIEW22 class 3).

"may use the Images to train the image-recognition models behind its product search" names no "AI" nor "machine
learning": the model is called by its task. It is read by its structure: a training verb whose object is a model,
algorithm, classifier, network or system, however its words qualify it ("fine-tune its fraud-scoring algorithms"). It
is struck as "to train its machine learning models" is. Not training AI: a training verb whose object is people ("train
its staff on the models of the product"), "training materials", a business's models ("the pricing models"), a model
"of" a thing.
"""

from __future__ import annotations

import functools

import pytest
from test_ai_section_placement import RECORD, TOOLS, design_agreement
from test_document_wording import redline_of
from test_training_permission_forms import software_agreement, struck, texts
from test_writer import accepted, rejected

from noai import engine
from noai.analysis import patterns as P

VARIANTS = ("strict", "standard", "minimal")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("may use the Images to train the image-recognition models behind its product search", "train the "),
        ("Customer may use the Software to fine-tune its fraud-scoring algorithms.", "fine-tune its "),
        ("to retrain the shelf-recognition classifiers in its warehouse app", "retrain the "),
        ("may train its route optimisation neural networks on the Work", "train its "),
    ],
)
def test_a_training_verb_whose_object_is_a_model_is_ai_language(text, words):
    found = [m.group(0) for m in P.AI_TERM.finditer(text)]
    assert any(f.startswith(words) for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Supplier will train its staff on the models of the product range.",
        "Supplier shall train its sales staff and Customer's users of the systems.",
        "Supplier will provide training materials for the new product models.",
        "Distributor may use the models of the Product to train its personnel.",
        "Supplier will train the pricing models and the delivery models of the business.",
        "Supplier will train staff using the display models.",
        "The Consultant shall train Client personnel to operate the systems.",
    ],
)
def test_training_people_or_a_businesss_models_is_not_ai_language(text):
    found = [
        m.group(0)
        for m in P.AI_TERM.finditer(text)
        if not any(t.start() <= m.start() and t.end() >= m.end() for t in P.AI_TRAP.finditer(text))
    ]
    assert not found, found


# the design agreement (British, numbered by Word), and a US software agreement of typed numbers ("Customer")


@functools.cache
def design(clause: str, variant: str) -> tuple[bytes, engine.Redline]:
    original = design_agreement([TOOLS, clause, RECORD])
    return original, redline_of(original, variant)


@functools.cache
def software(clause: str, variant: str) -> tuple[bytes, engine.Redline]:
    original = software_agreement(clause)
    return original, redline_of(original, variant, we="Developer")


BY_TASK = "The Client may use the Designs to train the shelf-recognition models in its warehouse app."


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_permission_to_train_models_named_by_their_task_is_struck_in_the_design_agreement(variant):
    original, red = design(BY_TASK, variant)
    (edit,) = [e for e in struck(red) if BY_TASK in (e.find or "")]
    assert "train AI on the Designs" in (edit.comment or ""), edit.comment
    written = accepted(red.docx)
    assert BY_TASK not in written and "" not in written
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "sentence",
    [
        "Customer may use the Software to fine-tune its fraud-scoring algorithms.",
        "Customer may also use the Software to train the route-planning models behind its dispatch service.",
    ],
    ids=["algorithms", "models-behind"],
)
def test_a_permission_to_train_models_named_by_their_task_is_struck_in_the_software_agreement(sentence, variant):
    original, red = software(f"1.3 {sentence}", variant)
    assert struck(red), [e.find for e in red.plan.edits]
    assert not any(sentence in t for t in accepted(red.docx))
    assert rejected(red.docx) == texts(original)


KEPT = {
    "staff-on-models": "The Client may use the Designs to train its staff on the models of the product range.",
    "training-materials": "The Client may use the Designs as training materials for its sales team.",
    "pricing-models": "The Client may use the Designs to train the pricing models of its business.",
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("clause", list(KEPT.values()), ids=list(KEPT))
def test_training_people_or_a_businesss_models_strikes_nothing(clause, variant):
    _original, red = design(clause, variant)
    assert not any(clause in (e.find or "") or clause == e.anchor_text for e in struck(red))
    assert clause in accepted(red.docx)
