"""A question the other side asks in our thread about a use of the work is answered on that use (REVIEW20 class 8).

"Would this stop us using an AI tool to write alt text and captions …?", "Does the restriction prevent our editors
from running an AI grammar checker on …?": negotiation._ASKS reads the use the question asks about as a stated need
(rounds/needs.py answers it and drafts the exception, as for "We need to …", unless our covenant's exceptions allow
it already: then the answer points to them and nothing is drafted); a question about training on the work
is answered as a request to train (no standing permission drafted); a question that names no AI use gets no such
answer. Shapes: uk-translation-rights (standard) and ie-narration (strict), other than review20's three.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.replies import Reply
from test_review_session16 import thread_replies
from test_review_synthetic import facts, redline

from noai import engine
from noai.analysis.negotiation import need_as_request, need_as_use, stated_need

NEXT_ROUND = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("question", "use"),
    [
        (
            "Would this stop us using an AI tool to write alt text and captions for the Book?",
            "the use of an AI tool to write alt text and captions for the Book",
        ),
        (
            "Does the restriction prevent our editors from running an AI grammar checker on the Book?",
            "running an AI grammar checker on the Book",
        ),
        (
            "Could this clause bar us from using machine translation for a first draft?",
            "the use of machine translation for a first draft",
        ),
    ],
)
def test_a_question_about_a_tool_use_is_read_as_that_use(question, use):
    need = stated_need(question)
    assert need is not None and need.ai and not need.trains
    assert need_as_use(question, "the Publisher", "the Publisher's") == use


def test_a_question_about_training_is_a_training_need_and_no_tool_use():
    question = "Would this stop us using the Book to train our recommendation model?"
    need = stated_need(question)
    assert need is not None and need.trains
    assert need_as_use(question, "the Publisher", "the Publisher's") is None
    assert need_as_request(question, "the Publisher", "the Publisher's") is None  # asked, not requested


def test_a_question_with_no_ai_use_is_no_ai_need():
    need = stated_need("Would this stop us from printing the Book in paperback?")
    assert need is None or not need.ai


SHAPES = [("uk-translation-rights", "standard"), ("ie-narration", "strict")]


@functools.cache
def round_two(name: str, variant: str, question: str) -> engine.Redline:
    back = Reply(redline(name, variant).docx).accept().reply_to("Our approach", question)
    options = engine.Options(variant=variant, we=facts(name).extra.get("we"))
    return engine.redline(back.bytes(), author="noai", date=NEXT_ROUND, options=options)


def asked(name: str, variant: str, question: str) -> tuple[engine.Redline, list[str]]:
    """Our round two after they ask ``question`` (``{work}``: the contract's work) in our thread, and our replies."""
    red = round_two(name, variant, question.format(work=facts(name).work_product))
    return red, thread_replies(red.docx)


@pytest.mark.parametrize(("name", "variant"), SHAPES)
def test_a_question_on_a_tool_use_is_answered_and_the_use_excepted_on_the_covenants_terms(name, variant):
    red, replies = asked(
        name, variant, "Would this stop us using an AI tool to tag {work} with keywords for our catalogue?"
    )
    assert any(re.search(r"tag .* with keywords", r) and "keeps no copy" in r for r in replies), replies
    excepted = [t for t in (p.text for p in engine.read(red.docx, accepted=True).paragraphs) if "with keywords" in t]
    assert excepted and all(re.search(r"neither keeps|keeps no copy|trains no", t) for t in excepted), excepted
    assert any(e.clause == "need-exception" for e in red.plan.edits)


@pytest.mark.parametrize(("name", "variant"), SHAPES)
def test_a_question_our_exceptions_answer_already_is_answered_from_them_with_nothing_drafted(name, variant):
    # the covenant's exceptions name "accessibility features such as screen reading, captions or alternative text"
    # (issue 15 item 6): the answer points to that exception, and no second exception is drafted
    red, replies = asked(
        name, variant, "Would this stop us using an AI tool to write alt text and captions for {work}?"
    )
    assert any("“captions or alternative text”" in r and "no change is needed" in r for r in replies), replies
    assert not [e for e in red.plan.edits if e.clause == "need-exception"], red.plan.edits
    assert not [p.text for p in engine.read(red.docx, accepted=True).paragraphs if "alt text" in p.text]


@pytest.mark.parametrize(("name", "variant"), SHAPES)
def test_a_question_on_training_is_answered_without_a_standing_permission(name, variant):
    red, replies = asked(name, variant, "Would this stop us using {work} to train our own AI model?")
    assert any("train" in r and "consent" in r for r in replies), replies
    assert not [e for e in red.plan.edits if e.clause == "need-exception"]  # asked, not requested: nothing drafted
    accepted = [p.text for p in engine.read(red.docx, accepted=True).paragraphs]
    assert not any("train" in t and "own AI model" in t for t in accepted), accepted
