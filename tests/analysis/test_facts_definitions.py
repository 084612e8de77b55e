"""The terms a paragraph defines (noai.analysis.facts._definitions_of), told without searching a
paragraph that holds no quotation mark and no colon (each of its three patterns needs one), are what
the three patterns find: on synthetic paragraphs and on every corpus paragraph."""

import pytest
from support.corpus import contracts

from noai.analysis import facts
from noai.ooxml.document import read_document


def _by_patterns(text):
    found = [(m.group(1), m.group(2)) for m in facts._QUOTED_MEANS.finditer(text)]
    colon = facts._COLON_MEANS.match(text)
    if colon:
        found.append((colon.group(1), colon.group(2)))
    for m in facts._PARENTHESIS.finditer(text):
        found.append((m.group(1), facts.sentence_at(text, m.start())[: m.start()]))
    return found


@pytest.mark.parametrize(
    ("text", "defined"),
    [
        ('"Studio Tools" means the software the Studio owned before this agreement.', ["Studio Tools"]),
        ("“Background IP” shall mean any material the Designer keeps.", ["Background IP"]),
        ("Prior Works: the sketches the Artist made before the Start Date.", ["Prior Works"]),
        ("The Maker keeps its jigs and know-how (the “Maker Kit”).", ["Maker Kit"]),
        ("Prior Works means the sketches the Artist made before the Start Date.", []),  # no quotation mark
        ("The Maker keeps its jigs and know-how (the Maker Kit).", []),
        ("", []),
    ],
)
def test_a_paragraph_defines_what_the_patterns_find(text, defined):
    assert [name for name, _ in facts._definitions_of(text)] == defined
    assert facts._definitions_of(text) == _by_patterns(text)


@pytest.mark.parametrize("path", contracts())
def test_the_definitions_of_every_corpus_paragraph_are_the_patterns_answer(path):
    for p in read_document(path.read_bytes()).paragraphs:
        assert facts._definitions_of(p.original_text) == _by_patterns(p.original_text), p.index
