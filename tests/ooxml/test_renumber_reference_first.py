"""The references pattern of the renumbering (noai.ooxml.renumber._REFERENCE) tests the first
character of its keywords before its look-behind: it finds what the pattern without that test finds,
on synthetic references of every keyword and on every corpus paragraph."""

import re

import pytest
from support.corpus import contracts

from noai.ooxml import renumber
from noai.ooxml.document import read_document

WITHOUT = re.compile(renumber._REFERENCE.pattern.removeprefix(renumber._KEYWORD_FIRST), renumber._REFERENCE.flags)


def _spans(rx, text):
    return [m.span() for m in rx.finditer(text)]


def test_the_first_character_test_is_the_patterns_opening():
    assert renumber._REFERENCE.pattern.startswith(renumber._KEYWORD_FIRST + "(?<!")


@pytest.mark.parametrize(
    "text",
    [
        "See Section 7.4 and clauses 7.4 and 7.5(b); Sections 3 to 5; § 12; §§ 3-4; Ziffer 4.2, Ziffern 1 und 2.",
        "under SUB-CLAUSE 2.1, SUBCLAUSES 3, Sub-section 4, subsection 5, Paragraph 6, PARAGRAPHS 7 or 8.",
        "Article 28(3) GDPR, articles 5 through 9, ARTICLE 10, Abschnitt 3 bis 4, Artikel 5, Abschnitte 6.",
        "xSection 7 is no reference, nor 7Clause 3; (Clause 9) is; Clause\t10 is; sectioning 4 is not.",
    ],
)
def test_every_keyword_is_found_as_without_the_first_character_test(text):
    assert _spans(renumber._REFERENCE, text) == _spans(WITHOUT, text)
    assert _spans(WITHOUT, text)


@pytest.mark.parametrize("path", contracts())
def test_the_references_are_the_patterns_without_the_test_on_every_corpus_paragraph(path):
    for p in read_document(path.read_bytes()).paragraphs:
        assert _spans(renumber._REFERENCE, p.text) == _spans(WITHOUT, p.text)
