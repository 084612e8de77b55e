"""New inline definitions quote their terms as the document quotes its own (review13, class 12).

A document without a definitions clause gets its new terms defined in an opening sentence ("In this Agreement,
"Protected Materials" means …"). Where the document writes its terms in straight quotes ('(the "Videos")') so does
that sentence; where it writes curly ones (“Videos”), or quotes nothing, the sentence keeps the library's curly
ones. A definitions clause of the document already sets its own style (tests of definitions lists).

Shapes: us-game-art and us-work-for-hire (tests/test_review_session13.py); here the Irish consultancy of that file
(typed clauses, straight quotes) and a US licence built below in curly quotes, in the plan and in the written .docx.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_review_session13 import consultancy
from test_review_synthetic import inserted_texts

from noai import engine
from noai.planning.definitions import quotes_straight

VARIANTS = ("strict", "standard", "minimal")
DATE = datetime(2027, 3, 1, tzinfo=UTC)


def curly_licence() -> bytes:
    lines = (
        "ILLUSTRATION LICENSE",
        "This License is made between Fernhill Press LLC (“Publisher”) and Tomas Reyes (“Illustrator”).",
        "1. Work",
        "1.1 Illustrator shall deliver twelve illustrations for the children's book “The Lantern Fox” (the "
        "“Illustrations”).",
        "2. License",
        "2.1 Illustrator grants Publisher a non-exclusive, perpetual license to use the Illustrations for any purpose.",
        "3. General",
        "3.1 This License is governed by the laws of the State of New York.",
    )
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def written(data: bytes, variant: str) -> tuple[list[str], list[str]]:
    """The plan's inserted paragraphs that define a term, and the written .docx's."""
    red = engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant))
    planned = [
        q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs if " means " in q["text"]
    ]
    return planned, [t for t in inserted_texts(red) if " means " in t]


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_straight_quoted_consultancy_gets_its_new_terms_in_straight_quotes(variant):
    planned, docx = written(consultancy(), variant)
    assert planned and docx, (planned, docx)
    for text in (*planned, *docx):
        assert re.search(r'"[A-Z][\w ]+" means', text) and "“" not in text and "”" not in text, text


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_curly_quoted_licence_keeps_its_new_terms_in_curly_quotes(variant):
    planned, docx = written(curly_licence(), variant)
    assert planned and docx, (planned, docx)
    for text in (*planned, *docx):
        assert re.search(r"“[A-Z][\w ]+” means", text) and '"' not in text, text


@pytest.mark.parametrize(
    ("texts", "straight"),
    [
        (['Acme Ltd (the "Company") and Jo Bloggs (the "Consultant").'], True),
        (["Acme Ltd (the “Company”) and Jo Bloggs (the “Consultant”)."], False),
        (["The Company shall pay the fees.", "No quotes anywhere."], False),  # nothing quoted: the library's
        # a stray straight quote beside a curly-quoted document: the terms decide, two to one
        (['(the “Company”), (the “Consultant”) and the 12" vinyl sleeve "Blue"'], False),
    ],
    ids=["straight", "curly", "none", "mostly-curly"],
)
def test_the_documents_quote_style_is_the_one_most_of_its_quoted_names_use(texts, straight):
    assert quotes_straight(texts) is straight
