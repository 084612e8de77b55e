"""review16 classes 1 and 3 (fix16a) on a second shape: a Canadian podcast host agreement of our own.

Class 1: an express permission to use the work for AI is struck, whatever its wording: a verb list before the
training verb ("including to analyse, train and fine-tune …") with a list of models after it, or one item of a list
of channels a grant names ("to streaming platforms, broadcasters and machine-learning dataset providers").
Class 3: a reservation of the rights not granted, in words other than review16's ("Any right in the Episodes not
expressly granted … remains with the Host", a non-exclusive licence), is found; no second one is added, the AI
sentence joins it, and round two does not put a reservation back when the other side rejects that sentence.
(tests/test_review_session16.py has review16's own contracts.)
"""

from __future__ import annotations

import functools
import io
import re
from datetime import UTC, datetime

import pytest
from support.read import accepted
from support.replies import Reply, record_ids

from noai import engine
from noai.analysis.facts import ai_list_item, ai_tools, training_permission, training_words
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds

DATE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")

PARTIES = (
    'This Host Agreement is made between Maple Current Media Inc., an Ontario corporation (the "Network"), and '
    'Priya Lalonde, an individual (the "Host").'
)
USE = (
    "The Network may use the Episodes, their transcripts and the show notes for any lawful purpose, including to "
    "analyse, train and fine-tune the Network's machine-learning, speech-recognition and recommendation models."
)
CHANNELS = (
    "The Network may sublicense the Episodes to streaming platforms, broadcasters and machine-learning dataset "
    "providers, and shall account to the Host for half of the sums it receives."
)
RESERVED = "Any right in the Episodes not expressly granted to the Network by this Agreement remains with the Host."

TOOLS = "The Network may use generative AI tools and other software to transcribe and caption the Episodes."


@functools.cache
def podcast(*, reservation: bool = True) -> bytes:
    """A short typed-number host agreement: the Host licenses the Episodes; 4 and 5 name AI uses, 6 may reserve the
    rights not granted, the next allows AI tools."""
    from docx import Document

    clauses = [
        'The Host shall record and deliver twenty-four weekly episodes of the podcast "Night Shift Kitchen" (the '
        '"Episodes").',
        "The Network shall pay the Host CAD 1,500 for each Episode within thirty days after delivery.",
        "The Host grants to the Network a non-exclusive licence to reproduce, distribute and stream the Episodes in "
        "every medium for five years.",
        USE,
        CHANNELS,
        *([RESERVED] if reservation else []),
        TOOLS,
        "This Agreement is governed by the laws of the Province of Ontario.",
    ]
    doc = Document()
    doc.add_paragraph("HOST AGREEMENT")
    doc.add_paragraph(PARTIES)
    for n, text in enumerate(clauses, 1):
        doc.add_paragraph(f"{n}.\t{text}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@functools.cache
def redline(docx: bytes, variant: str) -> engine.Redline:
    options = engine.Options(variant=variant)
    return engine.redline(docx, author="noai", date=DATE, options=options, filename="host.docx")


def clause(red: engine.Redline, start: str) -> str:
    return next(t for t in accepted(red) if t.startswith(start))


# -- class 1 --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_use_permission_naming_training_after_a_list_of_verbs_loses_the_training_words(variant):
    kept = clause(redline(podcast(), variant), "4.\tThe Network may use")
    assert not re.search(r"train|machine-learning|models", kept), kept
    assert kept.startswith("4.\tThe Network may use the Episodes, their transcripts and the show notes"), kept


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_ai_item_of_a_grants_list_of_channels_is_struck_and_the_list_still_reads(variant):
    red = redline(podcast(), variant)
    kept = clause(red, "5.\tThe Network may sublicense")
    assert kept == (
        "5.\tThe Network may sublicense the Episodes to streaming platforms and broadcasters, and shall account to "
        "the Host for half of the sums it receives."
    ), kept
    [edit] = [e for e in red.plan.edits if e.op == "replace" and "dataset" in (e.find or "")]
    assert "“machine-learning dataset providers”" in (edit.comment or ""), edit.comment


@pytest.mark.parametrize(
    ("sentence", "ai", "reads"),
    [
        (  # the last of two items
            "The Publisher may license the Book to libraries and text and data mining services.",
            "text and data mining",
            "The Publisher may license the Book to libraries.",
        ),
        (  # the first of three items
            "The Agency may offer the Images through training-data marketplaces, stock libraries and its website.",
            "training-data",
            "The Agency may offer the Images through stock libraries and its website.",
        ),
        (  # an item in the middle
            "The Label may license the Masters to broadcasters, AI dataset vendors and streaming services.",
            "AI",
            "The Label may license the Masters to broadcasters and streaming services.",
        ),
        (  # the last of three, with a comma before "and"
            "The Studio may distribute the Film in cinemas, on television, and in machine learning training corpora.",
            "machine learning",
            "The Studio may distribute the Film in cinemas and on television.",
        ),
    ],
)
def test_an_ai_use_named_as_one_item_of_a_list_is_cut_out_of_the_list(sentence, ai, reads):
    at = sentence.index(ai)
    strike = ai_list_item(sentence, at, at + len(ai))
    assert strike is not None
    assert sentence[: strike.start] + strike.replacement + sentence[strike.end :] == reads


@pytest.mark.parametrize(
    ("sentence", "ai"),
    [
        # AI tools the work is used with, not a use of the work as data
        ("The Studio may edit the Photographs with artificial intelligence tools and other software.", "artificial"),
        # the grant's own object, no list
        ("The Publisher may license the Book to text and data mining services.", "text and data mining"),
        # a clause after the item, not another item
        ("The Publisher may license the Book to text and data mining services, and shall pay the Author half.", "text"),
    ],
)
def test_ai_words_that_are_no_item_of_a_list_are_not_cut_out(sentence, ai):
    at = sentence.index(ai)
    assert ai_list_item(sentence, at, at + len(ai)) is None


def test_training_words_after_a_list_of_verbs_reach_the_end_of_a_list_of_models_only():
    text = USE
    at = text.index("machine-learning")
    strike = training_words(text, at, at + len("machine-learning"))
    assert strike is not None and text[: strike.start] + text[strike.end :] == (
        "The Network may use the Episodes, their transcripts and the show notes for any lawful purpose."
    )
    # another clause after the models: more than a deletion is needed (tests/test_review13_fixw.py)
    longer = text.removesuffix(".") + ", and may sublicense them."
    assert training_words(longer, at, at + len("machine-learning")) is None


def test_a_sentence_permitting_training_after_a_list_of_verbs_is_a_training_permission():
    text = "5. The Network may use the transcripts to collect, train and evaluate its machine learning models."
    at = text.index("machine learning")
    strike = training_permission(text, at, at + len("machine learning"))
    assert strike is not None and (strike.start, strike.end) == (0, len(text))
    refused = text.removesuffix(".") + " if the Host agrees."
    assert training_permission(refused, at, at + len("machine learning")) is None


# a permission to use AI tools on the work (uk-translation-rights 3(b): "machine translation or other automated
# tools"): kept on the covenant's terms, not left beside it


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_permission_to_use_ai_tools_on_the_work_is_kept_on_the_covenants_terms(variant):
    red = redline(podcast(), variant)
    kept = clause(red, "7.\tThe Network may use generative AI tools")
    assert kept == (
        "7.\tThe Network may use generative AI tools and other software (if the tool neither keeps the Episodes after "
        "the task nor is trained on them) to transcribe and caption the Episodes."
    ), kept


def test_minimal_asks_in_a_comment_that_ai_tools_keep_and_train_on_nothing():
    red = redline(podcast(), "minimal")
    [edit] = [e for e in red.plan.edits if e.index == 8 and e.finding == "existing_ai_restriction"]
    assert edit.op == "comment" and "neither keeps the Episodes after the task" in (edit.comment or "")


@pytest.mark.parametrize(
    ("sentence", "tools"),
    [
        ("(b) be entitled to use machine translation in preparing the Translation;", "machine translation"),
        ("The Agency may use AI tools or similar software to resize the Images.", "AI tools or similar software"),
        ("The Studio may employ artificial intelligence services to colour the Drawings.", "artificial intelligence"),
    ],
)
def test_the_ai_tools_a_sentence_allows_on_the_work_are_read(sentence, tools):
    at = sentence.index(tools.split()[0])
    found = ai_tools(sentence, at, at + len(tools.split()[0]))
    assert found is not None and found.words.startswith(tools), found


@pytest.mark.parametrize(
    "sentence",
    [
        "The Publishers shall not use machine translation in preparing the Translation.",
        "The Publishers may use machine translation if the Proprietor agrees in writing.",
        "The Publishers may publish a study of machine translation of literary works.",
    ],
)
def test_no_ai_tools_are_read_where_their_use_is_denied_conditioned_or_not_allowed(sentence):
    at = sentence.index("machine")
    assert ai_tools(sentence, at, at + len("machine translation")) is None


# -- class 3 --------------------------------------------------------------------------------------------------------


def reservations(paragraphs: list[str]) -> list[str]:
    return [t for t in paragraphs if re.search(r"not expressly granted\b.*\b(?:are reserved to|remains with)\b", t)]


def test_the_audit_finds_a_reservation_of_the_rights_not_granted_in_other_words():
    def status(docx: bytes) -> str:
        audit = engine.audit(docx, filename="host.docx")
        return next(p.status for p in audit.protections if p.name == "reservation_of_rights")

    assert status(podcast()) == "present"
    assert status(podcast(reservation=False)) == "missing"


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_ai_words_of_our_reservation_join_the_documents_own(variant):
    red = redline(podcast(), variant)
    [kept] = reservations(accepted(red))
    assert kept.startswith("6.\tAny right in the Episodes not expressly granted to the Network by this Agreement "), (
        kept
    )
    assert re.search(r"remains with the Host\. The rights reserved to the Host include the [^.]*\bAI\b", kept), kept
    said = " ".join(e.comment or "" for e in red.plan.edits)
    assert "we found no reservation" not in said and "rather than add a second reservation" in said, said


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_contract_without_a_reservation_still_gets_ours(variant):
    paragraphs = accepted(redline(podcast(reservation=False), variant))
    assert len(reservations(paragraphs)) == 1, reservations(paragraphs)
    assert not any(t.startswith("6.\tAny right") for t in paragraphs)


@functools.cache
def returned() -> bytes:
    """The Network rejects the sentence we added to its reservation, and accepts the rest."""
    sent = redline(podcast(), "standard").docx
    ids = [p.id for p in read_rounds(read_package(sent))[0].proposals if p.clause == "reservation-of-rights"]
    assert ids
    return Reply(sent).reject(ids=record_ids(sent, *ids)).accept().bytes()


@pytest.mark.parametrize("variant", VARIANTS)
def test_round_two_adds_no_reservation_where_the_other_side_rejected_our_words_in_theirs(variant):
    red = engine.redline(returned(), author="noai", date=DATE, options=engine.Options(variant=variant))
    assert len(reservations(accepted(red))) == 1, reservations(accepted(red))
