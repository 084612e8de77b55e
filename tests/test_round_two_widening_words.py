"""Words the other side types into our clause that only WIDEN it are accepted with thanks (fix20c (b)).

Strict and standard struck any words typed into our clause, even "or any other service provider" after "AI Vendor"
or "and any other statistical model" in our definition of AI System: a lawyer would take those gladly. Now an
alternative added to what our restriction reaches ("and …" / "or …", nothing limiting in it, nothing excepting
before it in the paragraph) is kept, and our comment on it thanks them and says it widens the restriction; the
plan's note says so too. The same alternative typed into an exception of ours ("captions or alternative text or
machine translation") narrows the restriction and is still answered as before. Two shapes: a US work-for-hire
contract (Sections, lettered) and a UK picture-book agreement (paragraphs)."""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.replies import Reply
from test_review_session20 import insert_words
from test_review_synthetic import facts, redline

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.threads import read_comments

NEXT = datetime(2027, 2, 10, 9, 0, tzinfo=UTC)
NAMES = ("us-work-for-hire", "uk-picture-book")
# (after, words, within): words that widen what our clauses restrict, by variant
WIDER = {
    "strict": ("to an AI Vendor", " or any other service provider", "Protected Materials to an AI Vendor"),
    "standard": ("to an AI Vendor", " or any other service provider", "Protected Materials to an AI Vendor"),
    "minimal": ("any third party", " or any affiliate", "otherwise autho"),
}
MODEL = ("large language model", " and any other statistical model", "means")
# an alternative typed into our exception for accessibility tools: it widens the exception
EXCEPTION = {"strict": "may process", "standard": "not Prohibited AI Use"}


@functools.cache
def _round_two(name: str, variant: str, after: str, words: str, within: str) -> engine.Redline:
    first = redline(name, variant)
    back = insert_words(Reply(first.docx), after, words, within).accept(author="noai").bytes()
    options = engine.Options(variant=variant, we=facts(name).extra.get("we"))
    return engine.redline(back, author="noai", date=NEXT, options=options)


def _accepted(red: engine.Redline) -> str:
    return "\n".join(p.text for p in engine.read(red.docx, accepted=True).paragraphs)


def _new_comments(red: engine.Redline) -> list[str]:
    return [c.text for c in read_comments(read_package(red.docx)) if c.date.startswith("2027-02-10")]


def _struck(red: engine.Redline, words: str) -> bool:
    return any(e.op == "replace" and not e.replacement and words.strip() in (e.find or "") for e in red.plan.edits)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
@pytest.mark.parametrize("which", ("party", "model"))
def test_words_that_widen_our_restriction_are_kept_with_thanks(name, variant, which):
    after, words, within = WIDER[variant] if which == "party" else MODEL
    red = _round_two(name, variant, after, words, within)
    assert not _struck(red, words)
    assert words.strip() in _accepted(red)
    thanked = [c for c in _new_comments(red) if words.strip() in c]
    assert thanked and all("Thank you" in c and "widens the restriction" in c for c in thanked)
    assert not [c for c in _new_comments(red) if "We cannot accept" in c or "narrows the restriction" in c]
    assert any("widen our restriction" in n and words.strip() in n for n in red.plan.notes)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_an_alternative_added_to_our_exception_narrows_the_restriction_and_is_still_answered(name, variant):
    words = " or machine translation"
    red = _round_two(name, variant, "alternative text", words, EXCEPTION[variant])
    assert not [c for c in _new_comments(red) if "Thank you" in c]
    assert _struck(red, words) or any("only for a use that" in c for c in _new_comments(red))


@pytest.mark.parametrize("name", NAMES)
def test_an_alternative_added_to_the_consent_our_restriction_waits_for_is_not_taken_for_a_widening(name):
    words = " or the approval of its board"
    red = _round_two(name, "standard", "prior written consent", words, "without")
    assert not [c for c in _new_comments(red) if "Thank you" in c]
    assert _struck(red, words)
