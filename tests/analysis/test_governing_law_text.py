"""The governing law is named as the document writes it (issue 15): with its article and its own "law" or
"laws", in the finding's explanation and the choice-of-law protection's detail, never "the law of State
of New York" or "the law of English"."""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p

from noai import engine

PARTIES = 'This agreement is made between Inkwell Studio Ltd (the "Studio") and Northwind Books plc (the "Client").'


def audited(law_sentence: str):
    docx = make_docx(
        "".join(
            p(t)
            for t in (
                "SERVICES AGREEMENT",
                PARTIES,
                "1. Licence",
                '1.1 The Studio grants the Client a licence to use the illustrations (the "Work") in its book.',
                "2. General",
                f"2.1 {law_sentence}",
            )
        )
        + "<w:sectPr/>"
    )
    return engine.audit(docx)


@pytest.mark.parametrize(
    "sentence, law",
    [
        ("This agreement is governed by the laws of the State of New York.", "the laws of the State of New York"),
        ("This agreement is governed by the law of England and Wales.", "the law of England and Wales"),
        ("This agreement is construed in accordance with the laws of Ontario.", "the laws of Ontario"),
        ("This agreement is governed by English law.", "English law"),
        (
            "This agreement is governed by the internal laws of the Commonwealth of Massachusetts.",
            "the internal laws of the Commonwealth of Massachusetts",
        ),
        ("This agreement is governed by laws of Germany.", "the laws of Germany"),
    ],
    ids=["state-of", "england-and-wales", "laws-of-ontario", "english-law", "internal-laws", "no-article"],
)
def test_the_governing_law_is_named_as_the_document_writes_it_with_its_article(sentence, law):
    result = audited(sentence)
    finding = next(f for f in result.findings if f.kind == "governing_law")
    assert finding.attributes["law"] == law
    assert finding.explanation == f"Disputes under the contract are decided under {law}."
    detail = result.protection("choice_of_law").detail
    assert law in detail and "law of State" not in detail and "law of English" not in detail, detail
