"""A client's document that calls the parties "we" and "you" gives them names the comments use (session 9 note).

"Wattle & Finch Pty Ltd ABN … ("we", "us" or "our")" names the client; "the content creator named in Schedule 1
("you")" names no one there (its schedule does: "Creator: Mia Tran"). The comments, which speak for the creator to
the client, call the parties by those names instead of "the client" / "the creator", and never by a pronoun that
would read as the other side ("you" is the client reading them; "we" is the creator's side writing them). The
inserted clauses keep the document's own "we" and "you". Checked on the Australian influencer agreement
(synthetic) and on US agency letters of another shape written here: "Acme Creative LLC (… "we" or "Agency") and
Jordan Lee of Austin, Texas ("you")", and "Acme LLC ("we", "us")" with "Jordan Lee ("you")".
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from test_company_creator import written
from test_review_synthetic import DATE, comments, inserted_texts, redline, source

from noai import engine

VARIANTS = ("strict", "standard", "minimal")
PRONOUNS = re.compile(r"\b(?:you|your|yours|us|our|ours)\b|\bwe (?:keep|own|license|grant|assign)\b")


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_influencer_agreements_comments_name_the_brand_and_the_creator(variant):
    r = redline("au-influencer", variant)
    said = comments(r)
    approach = next(c for c in said if c.startswith("Our approach"))
    assert "licenses the Content to Wattle & Finch Pty Ltd" in approach and "Mia Tran keeps ownership" in approach
    for c in said:
        assert "the client" not in c and "the creator" not in c, c
        assert not PRONOUNS.search(re.sub(r"“[^”]*”", "", c)), c  # the document's words quoted aside
    assert any(t.startswith("We shall not") for t in inserted_texts(r)) or variant == "minimal"
    _text, in_docx = written(r.docx)
    assert "Wattle & Finch Pty Ltd" in in_docx and "Mia Tran" in in_docx


def test_the_party_reader_names_a_we_party_from_the_name_before_its_definition_and_no_one_else():
    parties = {p.terms[0]: p for p in engine.audit(source("au-influencer"), filename="au.docx").parties.parties}
    assert parties["we"].name == "Wattle & Finch Pty Ltd" and parties["we"].role == "client"
    assert parties["you"].name is None  # "the content creator named in Schedule 1": named only in the schedule


def letter(parties: str) -> bytes:
    texts = (
        "FREELANCE DESIGN AGREEMENT",
        f"This agreement is between {parties}.",
        '1. You will design twelve product illustrations for our spring campaign (the "Illustrations") by May 1, 2027.',
        "2. We will pay you USD 6,000 within 30 days after you deliver the Illustrations.",
        "3. You grant us a non-exclusive, perpetual, worldwide license to use, copy and modify the Illustrations for "
        "any purpose.",
        "4. You keep the copyright in the Illustrations.",
        "5. This agreement is governed by the laws of the State of Texas.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


AGENCY = (
    'Acme Creative LLC, a Texas limited liability company ("we" or "Agency"), and Jordan Lee of Austin, Texas (“you”)'
)
WE_US = 'Acme LLC ("we", "us" or "our") and Jordan Lee (“you”)'


def red(docx: bytes, variant: str) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("parties", "client"), [(AGENCY, "Agency"), (WE_US, "Acme LLC")], ids=("agency", "we-us"))
def test_an_agency_letters_comments_name_the_creator_it_calls_you(parties, client, variant):
    r = red(letter(parties), variant)
    said = comments(r)
    approach = next(c for c in said if c.startswith("Our approach"))
    assert f"licenses the Illustrations to {client}" in approach and "Jordan Lee keeps ownership" in approach
    for c in said:
        assert not PRONOUNS.search(re.sub(r"“[^”]*”", "", c)), c
        assert "Austin" not in c  # the place after a person's name is no part of it
    _text, in_docx = written(r.docx)
    assert "Jordan Lee keeps ownership" in in_docx


def test_an_agency_letters_clauses_keep_its_own_you():
    r = red(letter(WE_US), "standard")
    assert any(t.startswith("We shall not") for t in inserted_texts(r))
    text, _said = written(r.docx)
    assert "Jordan Lee" not in text.split("This agreement is between", 1)[1].split("\n", 1)[1]  # clauses say "you"
