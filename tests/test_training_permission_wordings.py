"""An express permission for the client to train AI on the work is struck whatever its wording (issue 15).

"The Studio may also use the Artwork to train generative AI models." was left standing beside our covenant, while
the same sentence without "also" was struck. A lawyer reads the act, not the phrasing: an adverb between the modal
and the verb ("also", "further", "additionally", ", in addition,"), another form of permission ("is hereby
permitted to", "shall have the right to", "is entitled to"), another form of the use ("for the purpose of training",
"as training data", "in training", "to develop and train", "train, retrain or fine-tune", "ingest … into"), the
passive ("may be used by the Studio to train") or an acknowledgment around it ("The Artist agrees that the Studio
may …", "Notwithstanding …, the Studio may …") all give the client the same right, and every variant strikes the
sentence (as tests/test_ai_training_permission_struck.py does for the plain wording). A prohibition ("may not",
"shall not … except with consent"), the creator's own permission and a permission that waits for the creator's
consent stay as they are.

Two small contracts of our own, of different shapes: a UK illustration licence whose clauses are typed "3." with a
"Studio" and an "Artist", and a US data-services agreement of typed "1.2" sub-clauses with a bare "Customer" and
"Vendor".
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted, rejected

from noai import engine
from noai.analysis.facts import training_permission
from noai.analysis.patterns import AI_TERM

DATE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")

# each wording in the illustration licence's words; the data-services agreement's are made from it (_in_software)
PERMISSIONS = {
    "also": "The Studio may also use the Artwork to train generative AI models.",
    "further": "The Studio may further use the Artwork to train generative AI models.",
    "additionally": "The Studio may additionally use the Artwork to train its machine learning models.",
    "in-addition": "The Studio may, in addition, use the Artwork to train its AI models.",
    "hereby-permitted": "The Studio is hereby permitted to use the Artwork to train its AI models.",
    "right-for-the-purpose": (
        "The Studio shall have the right to use the Artwork for the purpose of training artificial intelligence models."
    ),
    "right-for-training": "The Studio shall have the right to use the Artwork for training machine learning models.",
    "training-data": "The Studio may use the Artwork as training data for its AI models.",
    "develop-and-train": "The Studio may use the Artwork to develop and train its AI systems.",
    "retrain-fine-tune": "The Studio has the right to copy the Artwork to train, retrain or fine-tune its AI models.",
    "passive-by": "The Artwork may be used by the Studio to train AI models.",
    "passive-possessive": "The Artwork may be used to train the Studio's AI models.",
    "passive-no-one": "The Artwork may be used to train AI models.",
    "passive-also-for": "The Artwork may also be used for training machine learning models.",
    "ingest-into": "The Studio may ingest the Artwork into its AI models.",
    "ingest-for": "The Studio may ingest the Artwork for the training of machine learning models.",
    "entitled-fine-tune": "The Studio is entitled to use the Artwork to fine-tune large language models.",
    "in-training": "The Studio may use the Artwork in training its generative AI models.",
    "agrees-that": "The Artist agrees that the Studio may use the Artwork to train its AI models.",
    "notwithstanding": "Notwithstanding clause 2, the Studio may also use the Artwork to train its AI models.",
}
KEPT = {
    "may-not": "The Studio may not use the Artwork to train any AI model.",
    "shall-not-except": (
        "The Studio shall not use the Artwork to train AI models except with the Artist's written consent."
    ),
    "creators-own": "The Artist may also use the Artwork to train her own AI models.",
    "creators-own-passive": "The Artwork may be used by the Artist to train her own AI models.",
    "with-consent": (
        "The Studio may also use the Artwork to train its AI models with the Artist's prior written consent."
    ),
    "no-one": "Neither party may use the Artwork to train any AI model.",
}


def _in_software(sentence: str) -> str:
    for old, new in (
        ("the Studio's", "Customer's"),
        ("The Studio", "Customer"),
        ("the Studio", "Customer"),
        ("The Artwork", "The Deliverables"),
        ("the Artwork", "the Deliverables"),
        ("the Artist's", "Vendor's"),
        ("The Artist", "Vendor"),
        ("her own", "its own"),
        ("clause 2", "Section 1.1"),
    ):
        sentence = sentence.replace(old, new)
    return sentence


def illustration_licence(sentence: str) -> bytes:
    lines = [
        "ILLUSTRATION LICENCE",
        'This licence is made between Fenwick Row Studio Ltd (the "Studio") and Mara Quell (the "Artist").',
        '1. The Artist shall deliver twelve illustrations for the Studio\'s board game (the "Artwork").',
        "2. The Artist grants the Studio a non-exclusive licence to reproduce the Artwork in the game and its "
        "packaging.",
        f"3. {sentence}",
        "4. This licence is governed by the laws of England and Wales.",
        "Signed for the Studio: ____________",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def data_services(sentence: str) -> bytes:
    lines = [
        "DATA SERVICES AGREEMENT",
        'This agreement is made between Larchmont Analytics LLC ("Vendor") and Pinecrest Health Inc. ("Customer").',
        "1. License",
        "1.1 Vendor grants Customer a non-exclusive, perpetual license to use the reports and datasets Vendor "
        'delivers under this agreement (the "Deliverables") for its internal business.',
        f"1.2 {_in_software(sentence)} Customer shall pay the fees stated in each Order.",
        "2. General",
        "2.1 This agreement is governed by the laws of the State of New York.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


SHAPES = {"illustration": (illustration_licence, lambda s: s), "data-services": (data_services, _in_software)}


def redline(docx: bytes, variant: str) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))


def texts(docx: bytes) -> list[str]:
    return [q.text for q in engine.read(docx).paragraphs]


def struck(red: engine.Redline) -> list[engine.Edit]:
    return [e for e in red.plan.edits if e.clause == "fix-existing-ai-restriction"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("wording", list(PERMISSIONS))
def test_the_clients_permission_to_train_ai_on_the_work_is_struck_whatever_its_wording(wording, shape, variant):
    build, words = SHAPES[shape]
    sentence = words(PERMISSIONS[wording])
    original = build(PERMISSIONS[wording])
    red = redline(original, variant)
    (edit,) = [e for e in struck(red) if sentence.rstrip(".") in (e.find or "")]
    assert edit.op == "replace" and "to train AI on" in (edit.comment or ""), edit
    written = accepted(red.docx)
    assert not any(sentence.rstrip(".") in t for t in written), written
    assert "" not in written
    if shape == "data-services":  # the other sentence of the clause stays, with its number
        assert "1.2 Customer shall pay the fees stated in each Order." in written
    assert rejected(red.docx) == texts(original)  # the deletion is tracked: rejecting it gives the original back


@pytest.mark.parametrize("variant", ["strict", "minimal"])
@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("wording", list(KEPT))
def test_a_prohibition_the_creators_own_permission_or_a_consented_one_is_not_struck(wording, shape, variant):
    build, words = SHAPES[shape]
    sentence = words(KEPT[wording])
    red = redline(build(KEPT[wording]), variant)
    assert not [e for e in struck(red) if sentence.rstrip(".") in (e.find or "")]
    assert any(sentence in t for t in accepted(red.docx))


def _ai_words(sentence: str) -> tuple[int, int]:
    m = AI_TERM.search(sentence)
    assert m is not None, sentence
    return m.start(), m.end()


@pytest.mark.parametrize("wording", list(PERMISSIONS))
def test_the_facts_read_each_wording_as_a_permission_to_train(wording):
    sentence = PERMISSIONS[wording]
    strike = training_permission(sentence, *_ai_words(sentence))
    assert strike is not None and strike.words == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        KEPT["may-not"],
        KEPT["shall-not-except"],
        KEPT["with-consent"],
        KEPT["no-one"],
        # training is not what the sentence allows the AI words for
        "The Studio may use AI tools to colour the Artwork, and the Artist shall train the Studio's staff.",
        "The Studio may use the Artwork in the game, and shall not train any AI model on it.",
        "The Studio may use the Artwork to improve the game's packaging, and no AI model may be trained on it.",
    ],
)
def test_the_facts_read_no_permission_to_train_in_a_prohibition_a_condition_or_another_act(sentence):
    assert training_permission(sentence, *_ai_words(sentence)) is None
