"""The references the clause word is counted from (``noai.analysis.facts._references``) are matched only where a
keyword ("clause", "section", "article", "paragraph") starts in the lower-cased text: they are the pattern's own
matches (``_REFERENCE.finditer``), as finditer finds them one after another, on synthetic texts (capitals, a
keyword inside a word, after a hyphen, characters that fold to an ASCII letter) and on every corpus paragraph."""

from __future__ import annotations

import pytest
from support.corpus import contracts

from noai.analysis import facts, fast
from noai.ooxml.document import read_document


def spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in facts._references(text, fast.lowered(text))]


def own(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in facts._REFERENCE.finditer(text)]


TEXTS = [
    "See Section 7(b), clauses 3 and 4, ARTICLE 5 and paragraph 6 of this Agreement.",
    "Subsection 4, subclause 5 and sub-paragraph 6 are no references of their own; Sections 2 to 3 are.",
    "Section 107 of the Copyright Act and paragraph 3 of Schedule 2 are another instrument's.",
    "Clause\t9 and CLAUSES 10 to 12; section (4) applies; sections without a number do not.",
    "Under \u017fection 2 the Buyer pays.",  # a long s: an s to the pattern, so its own search reads the text
    "\u212aeep Clause 3.",  # a Kelvin sign folds too
    "No reference here at all.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_anchored_references_are_the_patterns_own(text):
    assert spans(text) == own(text)


def test_the_references_are_found_at_all():
    assert [s[2] for s in spans(TEXTS[0])] == ["Section", "clause", "ARTICLE", "paragraph"]
    assert [s[2] for s in spans(TEXTS[4])] == ["\u017fection"]


def test_the_clause_word_is_counted_from_them():
    assert facts.clause_word(["See Section 7(b).", "SECTION 9 applies.", "Article 4 too."]) == "Section"
    assert facts.clause_word(["See Section 7(b).", "Under clause 3."]) is None


@pytest.mark.parametrize("path", contracts())
def test_the_anchored_references_are_the_patterns_own_on_every_corpus_paragraph(path):
    for p in read_document(path.read_bytes()).paragraphs:
        for text in (p.original_text, p.text):
            assert spans(text) == own(text)
