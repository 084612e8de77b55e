"""The renumbering renames the typed references to moved numbers ("Section 13.4" -> "13.5") reading only the texts
that hold a literal of a moved number (``noai.ooxml.renumber._moved_literals``) instead of every text holding a
keyword: the changes are those the keywords' texts give, with leading zeros, labels, lists of references, digits
other than 0-9 and more moved numbers than it looks for; on synthetic texts and on every corpus contract."""

from __future__ import annotations

import pytest
from support.corpus import contracts

from noai.ooxml import renumber
from noai.ooxml.document import read_document


def every_keyword_text(monkeypatch, texts, decimals, labels):
    """What ``_references`` finds reading every text that holds a keyword (the moved literals switched off)."""
    with monkeypatch.context() as m:
        m.setattr(renumber, "_moved_literals", lambda decimals, labels: [])
        return renumber._references(texts, decimals, labels)


TEXTS = [
    "1. Definitions",
    "Subject to Section 13.4 and clauses 13.5(b) to 13.7, the Supplier shall deliver.",
    "As set out in Clause 013.04 (leading zeros), and SECTION 13.4.2.",
    "Paragraph 7.3(c) applies; Paragraph 7.3(d) does not move; Section 7.3 is not moved.",
    "Section 14.4 stays; 13.4 without a keyword stays; Sections 3 to 5 of the Copyright Act stay.",
    "Clause ١٣.٤ (Arabic-Indic digits) is read by \\d as 13.4.",
    "Nothing here.",
]


@pytest.mark.parametrize(
    ("decimals", "labels"),
    [
        ({(13, 4): (13, 5), (13, 5): (13, 6), (13, 6): (13, 7), (13, 7): (13, 8)}, {}),
        ({}, {"7.3(c)": "(d)"}),
        ({(13,): (14,)}, {}),
        ({(n,): (n + 1,) for n in range(1, 20)}, {}),  # more than it looks for: the keywords' texts
    ],
)
def test_the_moved_literals_rename_what_the_keywords_texts_do(monkeypatch, decimals, labels):
    got = renumber._references(TEXTS, decimals, labels)
    assert got == every_keyword_text(monkeypatch, TEXTS, decimals, labels)
    assert got  # each case renames something


def test_a_text_in_other_digits_is_read_as_before(monkeypatch):
    decimals = {(13, 4): (13, 5)}
    got = renumber._references(TEXTS, decimals, {})
    assert any(c.index == 5 for c in got)  # "١٣.٤" holds no "13.", and is renamed all the same
    assert got == every_keyword_text(monkeypatch, TEXTS, decimals, {})
    assert renumber._other_digits("Clause ١٣") and renumber._other_digits("Ｎｏ．７")
    assert not renumber._other_digits("“Clause 13” – ½ ² ⅔ é")  # no decimal digit: ½, ² and ⅔ are not Nd


def test_the_literals_are_the_first_components_and_the_labels():
    assert renumber._moved_literals({(13, 4): (13, 5), (13, 4, 2): (13, 5, 2), (7,): (8,)}, {"7.3(c)": "(d)"}) == [
        "13.",
        "7",
        "7.3(c)",
    ]


@pytest.mark.parametrize("path", contracts())
def test_the_corpus_references_are_renamed_as_the_keywords_texts_give(monkeypatch, path):
    """After an insertion at each typed decimal number of the contract (up to 30 of them)."""
    doc = read_document(path.read_bytes())
    texts = [p.text for p in doc.paragraphs]
    shown = [p.label for p in doc.paragraphs]
    anchors = [i for i, t in enumerate(texts) if renumber._number(t) is not None][:30]
    for i in anchors:
        for lettered in (True, False):
            got = renumber.renumber(texts, {i: 1}, shown, lettered=lettered)
            with monkeypatch.context() as m:
                m.setattr(renumber, "_moved_literals", lambda decimals, labels: [])
                assert got == renumber.renumber(texts, {i: 1}, shown, lettered=lettered)
