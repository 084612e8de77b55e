"""A sentence whose act is a permission for the client to train AI on the creator's work is struck whole.

Beside the covenant the redline adds, "The Client may use the Designs to train its own machine learning models
…" is a specific permission that would prevail over the general restriction. Every variant strikes it as a
tracked deletion (the whole paragraph, mark and all, where it is all of the paragraph), with a comment saying
why; where that paragraph is a numbered clause whose striking would leave a gap or move numbers (here our
clauses number on from it), its number stays as "3.2 [Intentionally deleted]" (tests/test_struck_number_kept.py).
A clause binding the creator, a restriction on the client, a permission for the creator and a permission that
waits for the creator's consent stay as they are.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from test_ai_section_placement import RECORD, TOOLS, design_agreement
from test_document_wording import redline_of
from test_writer import accepted, rejected

from noai import engine
from noai.analysis.facts import training_permission
from noai.plan import DELETED

VARIANTS = ["strict", "standard", "minimal"]
WHY = "would permit the Client to train AI on the Designs"

# the design agreement's section 3 (a paragraph of its own each)
CLIENT_TRAINS = "The Client may use the Designs to fine-tune its own AI models that check label layouts."
KEPT = {
    "binds-the-designer": "The Designer may not use the Client's photographs to train any machine learning model.",
    "restricts-the-client": "The Client may not use the Designs to train any machine learning model.",
    "permits-the-designer": "The Designer may use the Designs to train its own machine learning models.",
    "with-consent": (
        "The Client may use the Designs to train its own machine learning models with the Designer's prior "
        "written consent."
    ),
}


def struck(red: engine.Redline) -> list[engine.Edit]:
    return [e for e in red.plan.edits if e.clause == "fix-existing-ai-restriction"]


def texts(docx: bytes) -> list[str]:
    return [q.text for q in engine.read(docx).paragraphs]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_clients_permission_to_train_on_the_designs_is_struck_in_every_variant_and_its_number_kept(variant):
    """It is Word's 3.2, and our clauses follow it as 3.3, 3.4 (cited so in our survival sentence): struck with its
    number, Word would show them as 3.2, 3.3. A drafter keeps "3.2 [Intentionally deleted]"."""
    original = design_agreement([TOOLS, CLIENT_TRAINS, RECORD])
    red = redline_of(original, variant)
    (edit,) = struck(red)
    assert (edit.op, edit.find, edit.replacement) == ("replace", CLIENT_TRAINS, DELETED)
    assert WHY in (edit.comment or "")
    assert f"This change strikes the sentence “{CLIENT_TRAINS.rstrip('.')}”: it " in (edit.comment or "")
    assert f"Its number stays, marked “{DELETED}”" in (edit.comment or "")
    written = accepted(red.docx)
    assert CLIENT_TRAINS not in written and "" not in written  # the words go, no empty paragraph is left
    assert written.index(TOOLS) + 1 == written.index(DELETED) < written.index(RECORD)  # the covenant stands after it
    shown = {q.text: q.label for q in engine.read(red.docx).paragraphs}
    assert (shown[TOOLS], shown[DELETED]) == ("3.1", "3.2")
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("kept", list(KEPT.values()), ids=list(KEPT))
def test_a_clause_on_training_that_does_not_permit_the_client_to_train_is_kept(variant, kept):
    red = redline_of(design_agreement([TOOLS, kept, RECORD]), variant)
    assert not any(e.op == "replace" and e.find == kept for e in struck(red))
    assert kept in texts(red.docx)


# -- a second shape: a US software agreement of typed numbers, the permission a paragraph or a sentence of one --

PERMISSION = "Customer may use the Software and Deliverables to train Customer's internal AI models."
PAYS = "Customer shall pay Developer the fees stated in each Order."


def software_agreement(clause: str) -> bytes:
    lines = [
        "SOFTWARE DEVELOPMENT AGREEMENT",
        'This agreement is made between Tamarack Systems LLC ("Developer") and Oakhurst Logistics Inc. ("Customer").',
        "1. License",
        "1.1 Developer grants Customer a non-exclusive, perpetual license to use the software and other "
        'deliverables Developer provides under this agreement (the "Software and Deliverables") for any purpose.',
        clause,
        "2. General",
        "2.1 This agreement is governed by the laws of the State of Delaware.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("clause", "left"),
    [
        (f"1.2 {PERMISSION}", f"1.2 {DELETED}"),  # the paragraph's text; its typed number stays (ours are 1.3 …)
        (f"1.2 {PERMISSION} {PAYS}", f"1.2 {PAYS}"),  # the sentence, the typed number kept
        (f"1.2 {PAYS} {PERMISSION}", f"1.2 {PAYS}"),  # the last sentence, the space before it
    ],
    ids=["paragraph", "first-sentence", "last-sentence"],
)
def test_a_software_customers_permission_to_train_its_ai_models_is_struck(variant, clause, left):
    original = software_agreement(clause)
    red = redline_of(original, variant)
    (edit,) = struck(red)
    assert "would permit Customer to train AI" in (edit.comment or "")
    written = accepted(red.docx)
    assert not any("train Customer's internal" in t for t in written)
    assert left in written and "" not in written
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "clause",
    [
        "1.2 Customer may not use the Software and Deliverables to train any AI model.",
        "1.2 Developer may use the Software and Deliverables to train Developer's internal AI models.",
        "1.2 Customer may use the Software and Deliverables to train Customer's internal AI models if Developer "
        "approves in writing.",
    ],
    ids=["restricts-the-customer", "permits-the-developer", "with-approval"],
)
def test_a_software_agreements_clause_on_training_that_permits_the_customer_nothing_is_kept(variant, clause):
    red = redline_of(software_agreement(clause), variant)
    assert not struck(red)
    assert clause in accepted(red.docx)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The Client may use the Designs to train its AI models.",
            "The Client may use the Designs to train its AI models.",
        ),
        ("The Licensee is entitled to use the Images for training AI systems.", None),
        ("No party may use the Designs to train any AI model.", None),
        ("The Client may use the Designs, subject to clause 4, to train its AI models.", None),
        ("The Client may use AI tools, and may train the Designer's staff.", None),
    ],
)
def test_the_facts_read_a_sentence_whose_act_is_a_permission_to_train(text, words):
    at = text.find("AI")
    strike = training_permission(text, at, at + 2)
    if text.startswith("The Licensee"):
        assert strike is not None and strike.words == text  # "is entitled to use … for training"
    else:
        assert (strike.words if strike else None) == words


def test_libreoffice_reject_all_gives_back_the_original_and_accept_all_keeps_only_the_number(libreoffice):
    original = design_agreement([TOOLS, CLIENT_TRAINS, RECORD])
    reds = [redline_of(original, v).docx for v in VARIANTS]
    source, *outputs = libreoffice([original, *reds])
    for out in outputs:
        assert out["rejected_paragraphs"] == source["paragraphs"]
        assert CLIENT_TRAINS not in out["accepted_paragraphs"] and "" not in out["accepted_paragraphs"]
        assert out["accepted_paragraphs"].index(DELETED) == out["accepted_paragraphs"].index(TOOLS) + 1
        assert any(WHY in c["text"] for c in out["comments"])


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_struck_permission_to_train_on_code_is_not_offered_back_beside_the_coding_assistants_clause(variant):
    """The narrower use a lawyer would leave the customer (AI tools on the code, no training) is the coding
    assistants clause the redline adds for code; the struck sentence gets no replacement of its own."""
    red = redline_of(software_agreement(f"1.2 {PERMISSION}"), variant)
    (edit,) = struck(red)
    assert edit.replacement == DELETED  # its number kept (tests/test_struck_number_kept.py), no narrower permission
    (assistants,) = [q["text"] for e in red.plan.edits if e.clause == "ai-software-use" for q in e.paragraphs]
    assert "maintain" in assistants and re.search(r"\btrain\b", assistants), assistants


# -- issue 15 item 5: a sentence that permits more than training loses only its training limb ---------------------
#
# "Provider may use Customer Content to train and improve its machine learning models and to operate the Service"
# permits two things: striking the whole sentence takes away a use the redline has no quarrel with (and left the
# customer's own platform without the right to run on its content), and cutting a noun item ("for the training of its
# ML models and ") left "for the to improve the Service". The training limb goes with the join that ties it to the rest.

CONTENT = '"Customer Content" means the designs, images and other content Customer uploads to the Service.'


def saas_terms(clause: str) -> bytes:
    """A SaaS agreement read for the customer (``--we Customer``): the provider's use of Customer Content."""
    lines = [
        "SOFTWARE AS A SERVICE AGREEMENT",
        'This agreement is made between Cloudline Analytics Inc. ("Provider") and Harbour Design Studio LLC '
        '("Customer").',
        "1. Definitions",
        f"1.1 {CONTENT}",
        '1.2 "Service" means the Provider design platform.',
        "2. Service",
        "2.1 Provider shall provide the Service to Customer. Customer shall pay the fees stated in each Order.",
        "3. Customer Content",
        clause,
        "3.2 Customer retains all rights in Customer Content.",
        "4. General",
        "4.1 This agreement is governed by the laws of the State of New York.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


LIMBS = {
    "train-and-improve-first": (
        "3.1 Provider may use Customer Content to train and improve its machine learning models and to operate the "
        "Service.",
        "to train and improve its machine learning models",
        "3.1 Provider may use Customer Content to operate the Service.",
    ),
    "a-noun-limb-first": (
        "3.1 Provider may use Customer Content for the training of its ML models and to improve the Service.",
        "for the training of its ML models",
        "3.1 Provider may use Customer Content to improve the Service.",
    ),
    "bare-after-another": (
        "3.1 Provider may use Customer Content to provide the Service and train its AI models.",
        "train its AI models",
        "3.1 Provider may use Customer Content to provide the Service.",
    ),
    "bare-before-another": (
        "3.1 Provider may use Customer Content to train its AI models and improve the Service.",
        "train its AI models",
        "3.1 Provider may use Customer Content to improve the Service.",
    ),
    "in-the-middle": (
        "3.1 Provider may use Customer Content to host the Service, to train its machine learning models and to "
        "provide support.",
        "to train its machine learning models",
        "3.1 Provider may use Customer Content to host the Service and to provide support.",
    ),
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", sorted(LIMBS))
def test_a_permission_of_several_purposes_loses_only_its_training_limb(variant, shape):
    clause, limb, left = LIMBS[shape]
    original = saas_terms(clause)
    red = redline_of(original, variant, we="Customer")
    (edit,) = struck(red)
    assert edit.replacement == "" and limb in edit.find and "Customer Content" not in edit.find, edit.find
    assert f"This change strikes “{limb}”" in (edit.comment or ""), edit.comment
    written = accepted(red.docx)
    assert left in written, [t for t in written if t.startswith("3.1")]
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_permission_whose_only_purpose_is_training_still_goes_whole(variant):
    clause = "3.1 Provider may use Customer Content to train and improve its machine learning models."
    red = redline_of(saas_terms(clause), variant, we="Customer")
    (edit,) = struck(red)
    assert edit.find == clause.removeprefix("3.1 ") and edit.replacement == DELETED


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_designers_client_keeps_its_catalogue_use_and_loses_its_fine_tuning(variant):
    """The other side: we are the designer, the client's permission does two things."""
    both = "The Client may use the Designs to fine-tune its own AI models and to prepare its product catalogues."
    original = design_agreement([TOOLS, both, RECORD])
    red = redline_of(original, variant)
    (edit,) = struck(red)
    assert edit.find == "to fine-tune its own AI models and " and edit.replacement == ""
    assert WHY in (edit.comment or "")
    written = accepted(red.docx)
    assert "The Client may use the Designs to prepare its product catalogues." in written
    assert DELETED not in written
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize(
    ("text", "words", "left"),
    [
        (
            "Provider may use Customer Content to host the Service and to train its machine learning models.",
            "to train its machine learning models",
            "Provider may use Customer Content to host the Service.",
        ),
        (
            "The Client may use the Designs to label its stock, to train its AI models, and to print its catalogues.",
            "to train its AI models",
            "The Client may use the Designs to label its stock, and to print its catalogues.",
        ),
        # another limb trains AI too, or refers back to what the limb names: the sentence goes whole
        (
            "Provider may use Customer Content to train its AI models and to test its machine learning tools.",
            None,
            None,
        ),
        ("Provider may use Customer Content to train its AI models and to improve them.", None, None),
        # training is the one purpose
        ("Provider may use Customer Content to train its AI models.", None, None),
        # a clause of its own after it, not a limb of the purposes
        (
            "The Images may be used to train AI models, and the Photographer consents to the Agency copying them.",
            None,
            None,
        ),
        # more after the training limb than its object, which cannot be told from it
        ("Provider may use Customer Content to host the Service, train its AI models and provide support.", None, None),
        # no permission
        ("Provider may not use Customer Content to train its AI models or to sell them.", None, None),
    ],
)
def test_the_facts_read_the_training_limb_of_a_permission(text, words, left):
    from noai.analysis.facts import training_limb

    at = text.find("AI") if "AI" in text else text.find("machine")
    strike = training_limb(text, at, at + 2)
    assert (strike.words if strike else None) == words
    if strike is not None:
        assert text[: strike.start] + strike.replacement + text[strike.end :] == left


def test_libreoffice_accepts_the_permission_without_its_training_limb(libreoffice):
    clause, _, left = LIMBS["train-and-improve-first"]
    original = saas_terms(clause)
    red = redline_of(original, "strict", we="Customer")
    source, out = libreoffice([original, red.docx])
    assert out["rejected_paragraphs"] == source["paragraphs"]
    assert left in out["accepted_paragraphs"]


def test_a_bare_training_limb_that_cannot_be_told_from_the_rest_takes_the_sentence_whole():
    """Not left standing: "to host the Service, train its AI models and provide support" is still a permission to
    train (before, no strike at all was made of it)."""
    from noai.analysis.facts import training_permission

    text = "Provider may use Customer Content to host the Service, train its AI models and provide support."
    at = text.index("train its")
    strike = training_permission(text, at, at + len("train its AI models"))
    assert strike is not None and strike.words == text
    denied = "Provider may not use Customer Content to host the Service and train its AI models."
    at = denied.index("train its")
    assert training_permission(denied, at, at + len("train its AI models")) is None


# -- a typed-number paragraph struck whole with the sentence that hangs on its permission keeps its number ---------
#
# "3.3 Customer agrees that Canvasly … may use Inputs and Outputs to develop, fine-tune and enhance the generative
# models … . Any such use will be subject to …": the permission and its follow-up are all of the paragraph after its
# typed number. Struck from the permission's first word, the paragraph was left as a bare "3.3 " once accepted.

FOLLOWED = f"{PERMISSION} Such training shall be carried out only on Customer's own servers."


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_permission_struck_with_its_follow_up_leaves_its_number_marked_not_bare(variant):
    original = software_agreement(f"1.2 {FOLLOWED}")
    red = redline_of(original, variant)
    (edit,) = struck(red)
    assert (edit.find, edit.replacement) == (FOLLOWED, DELETED)
    assert "Such training shall be carried out" in (edit.comment or "") and "Its number stays" in (edit.comment or "")
    written = accepted(red.docx)
    assert f"1.2 {DELETED}" in written and not any(t.strip() == "1.2" for t in written)
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_platforms_training_permission_and_its_follow_up_leave_section_3_3_marked(variant):
    from test_review_synthetic import redline as redline_synthetic

    red = redline_synthetic("us-ai-platform-customer", variant)
    written = accepted(red.docx)
    assert f"3.3 {DELETED}" in written, [t for t in written if t.startswith("3.3")]
    assert not any(t.strip() == "3.3" for t in written)
    assert not any("Any such use" in t for t in written)
