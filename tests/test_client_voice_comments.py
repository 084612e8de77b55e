"""Comments speak for the creator even where the document is the client's "we" (issue 15, NOTE "seen", e).

An English photography letter from a retailer ("Larchmont Outfitters Ltd ("we") engage you, Jonah Whitby
("you")") and a US work-for-hire letter from a software company to a freelance writer ("we" / "you"), both written
for these tests: the inserted clauses keep the document's words ("We must not … engage in any Prohibited AI
Use"), but the comments, written by the creator's side to the client, call the creator "we" and the client "you"
("this letter licenses the Photographs to you and we keep ownership"), never the reverse.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from test_company_creator import written
from test_review_synthetic import DATE, comments, inserted_texts

from noai import engine

VARIANTS = ("strict", "standard", "minimal")


def photography() -> bytes:
    texts = (
        "Dear Jonah,",
        "Thank you for agreeing to photograph our spring catalogue. This letter sets out the terms on which "
        'Larchmont Outfitters Ltd ("we") engage you, Jonah Whitby ("you").',
        "You will photograph the twenty products in our spring range and deliver the edited images (the "
        '"Photographs") by 1 March 2027.',
        "We will pay you £2,400 within 30 days of delivery.",
        "You grant us a non-exclusive, perpetual licence to use the Photographs for any purpose.",
        "This letter is governed by the law of England and Wales.",
        "Yours sincerely, Larchmont Outfitters Ltd",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def writing() -> bytes:
    texts = (
        "Dear Ms. Alvarez,",
        'This letter agreement is between Copperline Software, Inc. ("we" or "us") and you, Rosa Alvarez ("you").',
        'You will write the user guide for our billing product (the "Guide") and deliver it by June 1, 2027.',
        "We will pay you $6,000 within 30 days of delivery.",
        "The Guide is a work made for hire for us, and you hereby assign to us all right, title and interest in "
        "the Guide.",
        "This letter is governed by the laws of the State of Washington.",
        "Sincerely, Copperline Software, Inc.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def red(docx: bytes, variant: str) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant, we="you"))


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("docx", (photography, writing), ids=("photography", "writing"))
def test_the_comments_call_the_creator_we_and_the_client_you(docx, variant):
    r = red(docx(), variant)
    assert (r.plan.terms["client"], r.plan.terms["provider"]) == ("we", "you")
    said = comments(r)
    approach = next(c for c in said if c.startswith("Our approach"))
    assert re.search(r"(?:licenses|transfers|made for hire for) (?:[\w ]+ to )?you\b", approach), approach
    assert not re.search(r"(?:licenses|transfers|made for hire for) (?:[\w ]+ to )?us\b", approach), approach
    for c in said:  # the creator's own things are "ours", the client's "yours"
        assert "your style" not in c and "reserve to you" not in c and "keeps with you" not in c, c
        assert "indemnify you" not in c and "has us name" not in c, c


@pytest.mark.parametrize("docx", (photography, writing), ids=("photography", "writing"))
def test_the_inserted_clauses_keep_the_documents_own_we(docx):
    r = red(docx(), "standard")
    assert any(t.startswith(("We shall not", "We must not")) for t in inserted_texts(r))  # a letter: "must"
    _text, said = written(r.docx)  # the written .docx's comments
    assert ("to you" in said and "we keep ownership" in said) or "gives you ownership" in said or "passes" in said


def test_the_fix_comment_on_a_work_made_for_hire_tells_the_client_it_gets_ownership():
    said = comments(red(writing(), "standard"))
    assert any("gives you ownership of the Guide" in c for c in said), said
