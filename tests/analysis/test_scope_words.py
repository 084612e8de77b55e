"""Scope words of a grant in the wordings of open-source style licences: "without any restrictions." at
the end of a sentence, and a scope word after a closed aside "(except as stated in this Section)", which
excepts nothing after its closing parenthesis. An exception still open before the scope word keeps it
out of the grant."""

from __future__ import annotations

import pytest

from noai.analysis.classify import classify
from noai.analysis.terms import DefinedTerms, Term
from noai.ooxml.model import Paragraph

TERMS = DefinedTerms(
    client=Term("Foundation", "the Foundation", defined_at=None),
    provider=Term("Contributor", "the Contributor", defined_at=None),
    creator="provider",
)


def kinds(text: str) -> set[str]:
    p = Paragraph(index=0, text=text, original_text=text, section_path=("2 Licence",), heading="Licence")
    return {f.kind for f in classify([p], TERMS)}


@pytest.mark.parametrize(
    "text",
    [
        "The Contributor hereby grants the Foundation a licence to distribute the Contribution under any "
        "licence and without any restrictions.",
        "The Contributor hereby grants the Foundation an irrevocable (except as stated in this Section) licence "
        "to use the Contribution without any restrictions.",
        "The Contributor hereby grants the Foundation a licence (subject to Section 4) to use the Contribution "
        "for any purpose.",
    ],
)
def test_unrestricted_use_in_a_grant_is_found_after_a_closed_aside_and_at_a_sentence_end(text):
    assert "any_and_all_purposes" in kinds(text)


def test_a_scope_word_inside_an_open_exception_is_not_the_grant_s():
    text = (
        "The Contributor hereby grants the Foundation a licence to use the Contribution, except to the extent "
        "the Foundation uses it for any purpose the law forbids."
    )
    assert "license_grant" in kinds(text) and "any_and_all_purposes" not in kinds(text)
