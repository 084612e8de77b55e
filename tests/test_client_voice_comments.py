"""Comments name the parties in the third person where the document is the client's "we" (issue 15, REVIEW10 1).

An English photography letter from a retailer ("Larchmont Outfitters Ltd ("we") engage you, Jonah Whitby
("you")") and a US work-for-hire letter from a software company to a freelance writer ("we" / "you"), both written
for these tests: the inserted clauses keep the document's words ("We must not … engage in any Prohibited AI
Use"), but the comments, read beside clauses whose "we" is the client, can use neither the document's pronouns
(the creator would be "you") nor swapped ones ("we keep ownership" would read as the client keeping it): they
name the parties by the names the letters give them ("this letter licenses the Photographs to Larchmont Outfitters
Ltd and Jonah Whitby keeps ownership"; session 10: before, "the client" and "the creator").
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
def test_the_comments_name_the_creator_and_the_client_in_the_third_person(docx, variant):
    r = red(docx(), variant)
    assert (r.plan.terms["client"], r.plan.terms["provider"]) == ("we", "you")
    said = comments(r)
    approach = next(c for c in said if c.startswith("Our approach"))
    client = "Larchmont Outfitters Ltd" if docx is photography else "Copperline Software, Inc."
    passes = rf"(?:licenses|transfers|made for hire for) (?:[\w ]+ to )?{re.escape(client)}"
    assert re.search(passes, approach), approach
    for c in said:  # no pronoun of the document's (or its reverse) stands for a party
        assert not re.search(r"\b(?:you|your|yours|us|our|ours)\b", c), c
        assert not re.search(r"\bwe (?:keep|own|license|grant|assign)\b", c), c


@pytest.mark.parametrize("docx", (photography, writing), ids=("photography", "writing"))
def test_the_inserted_clauses_keep_the_documents_own_we(docx):
    r = red(docx(), "standard")
    assert any(t.startswith(("We shall not", "We must not")) for t in inserted_texts(r))  # a letter: "must"
    _text, said = written(r.docx)  # the written .docx's comments
    assert "Jonah Whitby keeps ownership" in said or "gives Copperline Software, Inc. ownership" in said, said


def test_the_fix_comment_on_a_work_made_for_hire_tells_the_client_it_gets_ownership():
    said = comments(red(writing(), "standard"))
    assert any("gives Copperline Software, Inc. ownership of the Guide" in c for c in said), said
