"""The approach comment lists its changes so no item runs into the one before (issue 15, REVIEW10 2).

Its items have commas and "and"s of their own ("cover imitation of the style, voice and likeness of the creator
and of the people who made the Photographs"), so a bare "and" before the next item ("… who made the Photographs
and reserve to the creator …") reads as part of it. Checked on two letters written for these tests (a retailer's
photography licence, a software company's work-made-for-hire letter) and on two synthetic contracts of other shapes.
"""

from __future__ import annotations

import re

import pytest
from test_client_voice_comments import photography, red, writing
from test_review_synthetic import comments, redline

VERBS = r"(?:tie|add|cover|reserve|keep|have|allow|limit|bar)"


def items(approach: str) -> list[str]:
    """The changes the approach comment lists: a sentence of their own, "We …" (or "I …"), where they take semicolons
    (one list style, never joined to the situation by ", and we"); else after "and we …"."""
    listed = re.search(r"(?:, and (?:we|I)|\. (?:We|I)) (.*?)\.(?: Why|$)", approach)
    assert listed, approach
    return re.split(r"; (?:and )?", listed.group(1))


def check(approach: str) -> None:
    found = items(approach)
    assert len(found) >= 3, approach  # a real list: the run-on needs three or more changes
    for item in found:
        assert re.match(VERBS + r"\b", item), (item, approach)  # every item is a change of its own
        assert not re.search(r" and " + VERBS + r" (?:to|a|the|anyone|AI|imitation)\b", item), (item, approach)


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("docx", (photography, writing), ids=("photography", "writing"))
def test_the_approach_comment_of_a_letter_separates_each_change_with_a_semicolon(docx, variant):
    approach = next(c for c in comments(red(docx(), variant)) if "approach:" in c)
    check(approach)


@pytest.mark.parametrize("name", ("photo-licence", "us-work-for-hire", "uk-brand-design"))
def test_the_approach_comment_of_a_contract_separates_each_change_with_a_semicolon(name):
    approach = next(c for c in comments(redline(name, "strict")) if "approach:" in c)
    check(approach)
