"""A paragraph struck whole as the last of its story leaves no empty paragraph once accepted (issue 15
leftover b, session 12). Word cannot delete the last paragraph mark of the body or of a table cell, so the writer
deletes the mark of the paragraph before it, as Word does when a selection runs from the end of the previous
paragraph to the end of the document: accept-all joins that paragraph with the empty last one, reject-all
restores both. Only where the two paragraphs look the same (the paragraph left keeps its look whichever mark
survives). LibreOffice agrees.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, multilevel_numbering, p
from test_writer import accepted as oracle
from test_writer import rejected

from noai import engine
from noai.ooxml.document import read_document
from noai.ooxml.revisions import RevisionStamp
from noai.plan import Edit, Plan
from noai.writer import apply_plan

TRAINS = "The Studio may use the Artwork to train artificial intelligence models."
NUMBERED = multilevel_numbering((("decimal", "%1."), ("decimal", "%1.%2")))
LICENCE = [
    "ART LICENCE",
    'This licence is made between Pinecrest Games LLC (the "Studio") and Ana Ruiz (the "Artist").',
    '1.1 The Artist licenses the Studio to use the sprites the Artist delivers (the "Artwork") in its games.',
    "1.2 The Studio shall pay the Artist a fee of USD 2,000 for the Artwork.",
]


def plain() -> bytes:
    """Plain paragraphs, no paragraph properties: the training permission ends the body."""
    return make_docx("".join(p(t) for t in [*LICENCE, TRAINS]) + "<w:sectPr/>")


def word_numbered() -> bytes:
    """Word-numbered sub-clauses (numPr), the last the training permission."""
    items = [p(t) for t in LICENCE[:2]] + [p(t[4:], numbering=(1, 1)) for t in LICENCE[2:]]
    return make_docx("".join([*items, p(TRAINS, numbering=(1, 1))]) + "<w:sectPr/>", numbering=NUMBERED)


def in_a_cell() -> bytes:
    """A schedule table: the permission is the last paragraph of its cell, a signature line after the table."""
    cell = "<w:tbl><w:tr><w:tc>" + p("Artwork: twelve sprites.") + p(TRAINS) + "</w:tc></w:tr></w:tbl>"
    return make_docx("".join(p(t) for t in LICENCE) + cell + p("Signed for the Studio") + "<w:sectPr/>")


def strike(data: bytes, text: str = TRAINS) -> bytes:
    """``data`` with the paragraph reading ``text`` struck whole by the writer."""
    doc = read_document(data)
    index = next(q.index for q in doc.paragraphs if q.text == text)
    edit = {"id": "e1", "op": "replace", "anchor": {"index": index, "text": text}, "find": text}
    edit |= {"occurrence": 0, "start": 0, "end": len(text), "replacement": ""}
    stamp = RevisionStamp("noai", datetime(2026, 12, 7, 9, 0, tzinfo=UTC))
    written = apply_plan(doc, Plan("standard", {}, (Edit.from_dict(edit),)), stamp=stamp)
    assert written.applied == ["e1"]
    return written.docx


def texts(docx: bytes, accepted: bool = False) -> list[str]:
    return [q.text for q in engine.read(docx, accepted=accepted).paragraphs]


SHAPES = {"plain": plain, "word-numbered": word_numbered, "in-a-cell": in_a_cell}


@pytest.mark.parametrize("build", SHAPES.values(), ids=SHAPES.keys())
def test_a_last_paragraph_struck_whole_leaves_no_empty_paragraph_once_accepted(build):
    source = build()
    red = strike(source)
    assert texts(red)[texts(source).index(TRAINS)] == ""  # Word's body.paragraphs: the struck one is still there
    accepted = texts(red, accepted=True)
    assert accepted == oracle(red)  # the model's accepted view is the XML's own
    assert "" not in accepted and TRAINS not in accepted
    assert accepted == [t for t in texts(source) if t != TRAINS]
    assert rejected(red) == texts(source)


def test_the_paragraph_before_keeps_its_mark_when_it_looks_different():
    # a heading before the struck paragraph: joining would restyle one of them, so its mark stays
    heading = p("2. Training", style="Heading2")
    red = strike(make_docx("".join(p(t) for t in LICENCE) + heading + p(TRAINS) + "<w:sectPr/>"))
    assert texts(red, accepted=True) == oracle(red) == [*LICENCE, "2. Training", ""]


def test_a_typed_heading_before_the_struck_paragraph_ends_the_document_once_accepted():
    # "2. Training" with no paragraph properties looks like the paragraph after it: it is left as the last
    source = make_docx("".join(p(t) for t in [*LICENCE, "2. Training", TRAINS]) + "<w:sectPr/>")
    red = strike(source)
    assert engine.read(source).paragraphs[-2].is_heading
    assert texts(red, accepted=True) == oracle(red) == [*LICENCE, "2. Training"]
    assert rejected(red) == texts(source)


def test_two_struck_paragraphs_at_the_end_join_the_one_before_them_in_either_order():
    other = "The Studio may sublicense the Artwork to AI vendors."
    source = make_docx("".join(p(t) for t in [*LICENCE, other, TRAINS]) + "<w:sectPr/>")
    for first, second in ((TRAINS, other), (other, TRAINS)):
        red = strike(strike(source, first), second)
        assert texts(red, accepted=True) == oracle(red) == LICENCE
        assert rejected(red) == texts(source)


@pytest.mark.libreoffice
def test_libreoffice_accepts_the_last_strike_to_no_empty_paragraph_and_rejects_it_to_the_source(libreoffice):
    sources = [build() for build in SHAPES.values()]
    read = libreoffice([*(strike(s) for s in sources), *sources])
    for red, source in zip(read[: len(sources)], read[len(sources) :], strict=True):
        assert red["rejected_paragraphs"] == source["paragraphs"]
        assert red["accepted_paragraphs"] == [t for t in source["paragraphs"] if t != TRAINS]
