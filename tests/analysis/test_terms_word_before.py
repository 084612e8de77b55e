"""The word before a name, read backwards (noai.analysis.terms._word_before, which tells whether an
undefined name ends a longer capitalised name), is what the pattern it replaced finds: on synthetic
texts at every offset, and at every offset of every corpus paragraph."""

import random

import pytest
from support.corpus import contracts

from noai.analysis import terms
from noai.ooxml.document import read_document


def _by_pattern(text, start):
    m = terms._WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1) if m else None


def test_the_word_before_is_the_patterns_on_random_texts_of_letters_marks_and_white_space():
    rnd = random.Random(14)
    alphabet = 'aZq_-9 \n\t\u00e9\u00c9.,"\u2019\u00a0\u2028('
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 45)))
        for start in range(len(text) + 1):
            assert terms._word_before(text, start) == _by_pattern(text, start), (text, start)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the AI Vendor", "AI"),
        ("a non-Exclusive  Vendor", "non-Exclusive"),
        ("(3rd-Party\u00a0Vendor", "rd-Party"),
        ("Vendor", None),
        ("under section 4.2 Vendor", None),
        ("the_x  \n Vendor", "the_x"),
    ],
)
def test_the_word_before_a_name_is_the_run_of_word_characters_before_its_white_space(text, word):
    start = text.rindex("Vendor")
    assert terms._word_before(text, start) == word == _by_pattern(text, start)


@pytest.mark.parametrize("path", contracts())
def test_the_word_before_is_the_patterns_at_every_offset_of_every_corpus_paragraph(path):
    for p in read_document(path.read_bytes()).paragraphs:
        for start in range(len(p.text) + 1):
            assert terms._word_before(p.text, start) == _by_pattern(p.text, start)
