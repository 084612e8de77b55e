"""Every comment that states a transfer made in one of a precedent's bracketed options says so (issue 15, item 11).

The uk-precedent ("[Option 1: assignment of Deliverables]" … "[End of Option 1]", "assigns") and a US
precedent written for these tests ("[Alternative A: work made for hire]", "works made for hire" and "hereby
assigns"): the fix comments on the transfer ("This wording (“assigns”) passes ownership of …", "gives … ownership
of …", "makes ownership … pass … only on payment") say "if the parties choose Option 1", as the clause rationales
already did; a transfer outside any option keeps its plain words.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from test_company_creator import written
from test_review_synthetic import DATE, comments, redline

from noai import engine

VARIANTS = ("strict", "standard", "minimal")
# a comment stating that the work passes, in any of the library's words
STATES_TRANSFER = re.compile(
    r"passes ownership of|ownership of [^;.]+? pass(?:es)? to|gives [^;.]+? ownership of|passes to the \w+ under"
)


def us_precedent() -> bytes:
    texts = (
        "CONSULTING AGREEMENT (PRECEDENT)",
        'This Consulting Agreement is made between Halvard Systems, Inc. (the "Company") and Brightline Analytics '
        'LLC (the "Consultant").',
        "1. Services.",
        '1.1 The Consultant shall prepare the market reports described in Exhibit A (the "Reports").',
        "1.2 The Company shall pay the Consultant the fees set out in Exhibit A.",
        "2. Ownership.",
        "[Alternative A: work made for hire]",
        "2.1 The Reports are works made for hire for the Company, and the Consultant hereby assigns to the Company "
        "all right, title and interest in the Reports.",
        "[End of Alternative A]",
        "[Alternative B: license]",
        "2.1 The Consultant owns the Reports and grants the Company a non-exclusive license to use the Reports for "
        "its internal business.",
        "[End of Alternative B]",
        "3. General.",
        "3.1 This Agreement is governed by the laws of the State of New York.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def transfer_comments(said: list[str]) -> list[str]:
    return [c for c in said if STATES_TRANSFER.search(c) and not c.startswith("Our approach")]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_uk_precedents_transfer_comments_say_if_the_parties_choose_option_1(variant):
    stated = transfer_comments(comments(redline("uk-precedent", variant)))
    assert stated
    assert all("if the parties choose Option 1" in c for c in stated), stated


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_us_precedents_transfer_comments_say_if_the_parties_choose_alternative_a(variant):
    red = engine.redline(us_precedent(), author="noai", date=DATE, options=engine.Options(variant=variant))
    stated = transfer_comments(comments(red))
    assert stated
    assert all("if the parties choose Alternative A" in c for c in stated), stated
    assert not any(c.count("if the parties choose") > 1 for c in stated)


@pytest.mark.parametrize("name", ("us-work-for-hire", "software-development"))
def test_a_transfer_outside_any_option_keeps_its_plain_words(name):
    stated = transfer_comments(comments(redline(name, "standard")))
    assert stated and not any("if the parties choose" in c for c in stated)


def test_the_written_uk_precedent_says_assigns_passes_ownership_only_if_option_1_is_chosen():
    _text, said = written(redline("uk-precedent", "standard").docx)
    assert "(“assigns”) passes ownership of the Deliverables to the Customer if the parties choose Option 1" in said
