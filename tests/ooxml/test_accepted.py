"""The accepted view joins a paragraph whose mark is deleted with the next one, as Word's and LibreOffice's
accept-all do, while the reader keeps every ``w:p`` of Word's ``body.paragraphs`` (review13, class 6).

A paragraph struck whole with its mark is gone, a mark struck alone runs what is left of its paragraph on into
the next one, and a mark that cannot go (the last of a cell, one before a table) stays. The independent oracle
is tests/test_writer.py's ``accepted`` (its own walk of the XML) and, on the writer's own whole-paragraph
strikes, LibreOffice.
"""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, multilevel_numbering, p
from test_writer import accepted as oracle

from noai import engine
from noai.ooxml.accepted import accept_all
from noai.ooxml.document import read_document

DEL = '<w:del w:id="{}" w:author="Other side" w:date="2027-01-04T00:00:00Z">'
STRUCK_MARK = '<w:rPr><w:del w:id="90" w:author="Other side" w:date="2027-01-04T00:00:00Z"/></w:rPr>'


def struck(text: str, n: int = 1) -> str:
    """A run of ``text`` as a tracked deletion."""
    return f'{DEL.format(n)}<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def whole(text: str, numbering: tuple[int, int] | None = None) -> str:
    """A paragraph struck whole: its text and its mark."""
    return p(struck(text), numbering=numbering, ppr=STRUCK_MARK)


def texts(docx: bytes, accepted: bool) -> list[str]:
    return [q.text for q in engine.read(docx, accepted=accepted).paragraphs]


NUMBERED = multilevel_numbering((("decimal", "%1."), ("decimal", "%1.%2")))


def rights_clause(*middle: str) -> bytes:
    """A Word-numbered licence clause "1. Rights" whose 1.2 is ``middle``, then "2. General"."""
    return make_docx(
        p("Rights", numbering=(1, 0))
        + p("The Licensor grants the Studio a licence to use the Artwork in its games.", numbering=(1, 1))
        + "".join(middle)
        + p("The Studio shall credit the Licensor in each game.", numbering=(1, 1))
        + p("General", numbering=(1, 0))
        + p("This agreement is governed by the laws of Ontario.", numbering=(1, 1))
        + "<w:sectPr/>",
        numbering=NUMBERED,
    )


TRAIN = "The Studio may use the Artwork to train its machine learning models."


def test_a_paragraph_struck_with_its_mark_is_gone_and_the_numbers_after_it_close_up():
    docx = rights_clause(whole(TRAIN, numbering=(1, 1)))
    marked = read_document(docx)
    accepted = accept_all(marked)
    assert [q.text for q in marked.paragraphs].count("") == 1  # the reader keeps Word's body.paragraphs
    assert [q.text for q in accepted.paragraphs] == oracle(docx) and "" not in oracle(docx)
    assert [q.index for q in accepted.paragraphs] == list(range(len(accepted.paragraphs)))
    assert [q.label for q in accepted.paragraphs] == ["1.", "1.1", "1.2", "2.", "2.1"]
    assert len(accepted.elements) == len(accepted.paragraphs)
    assert accepted.elements[2] is marked.elements[3]  # the credit clause, its own w:p
    rights, general = accepted.sections
    assert (rights.start, rights.end, general.start, general.end) == (0, 2, 3, 4)
    assert [(c.label, c.start, c.end) for c in rights.children] == [("1.1", 1, 1), ("1.2", 2, 2)]


def test_what_is_left_of_a_paragraph_whose_mark_alone_is_struck_runs_on_into_the_next():
    joined = p("The Studio may use the Artwork", struck(" in its games.", 2), ppr=STRUCK_MARK)
    docx = rights_clause(joined)
    assert texts(docx, accepted=True) == oracle(docx)
    assert "The Studio may use the ArtworkThe Studio shall credit the Licensor in each game." in oracle(docx)


def test_two_struck_paragraphs_in_a_row_both_go():
    docx = rights_clause(whole(TRAIN), whole("The Studio may sublicense the Artwork."))
    assert texts(docx, accepted=True) == oracle(docx)
    assert len(texts(docx, accepted=False)) - len(texts(docx, accepted=True)) == 2


@pytest.mark.parametrize(
    "body",
    [
        # the last paragraph of a table cell, and a paragraph before a table: their marks cannot go
        "<w:tbl><w:tr><w:tc>" + p("Asset") + whole("Fee") + "</w:tc></w:tr></w:tbl>" + p("Signed"),
        p("Schedule") + whole("Asset list:") + "<w:tbl><w:tr><w:tc>" + p("Asset") + "</w:tc></w:tr></w:tbl>",
    ],
    ids=["end-of-cell", "before-a-table"],
)
def test_a_struck_mark_that_cannot_join_the_next_paragraph_stays(body):
    docx = make_docx(body + p("Signed for the Studio") + "<w:sectPr/>")
    assert texts(docx, accepted=True) == texts(docx, accepted=False) == oracle(docx)
    assert "" in texts(docx, accepted=True)


def test_a_bookmark_between_two_paragraphs_does_not_keep_them_apart():
    mark = '<w:bookmarkStart w:id="5" w:name="b"/><w:bookmarkEnd w:id="5"/>'
    docx = make_docx(p("Rights") + whole(TRAIN) + mark + p("Credit") + "<w:sectPr/>")
    assert texts(docx, accepted=True) == ["Rights", "Credit"]


def test_a_document_with_no_struck_mark_is_its_own_accepted_view():
    doc = read_document(rights_clause(p("The Studio may not use the Artwork to train any model.")))
    assert accept_all(doc) is doc


# -- the writer's own whole-paragraph strikes, a second shape: a typed-number agreement (python-docx) --


def typed_agreement() -> bytes:
    lines = [
        "LICENCE AGREEMENT",
        'This agreement is made between Brightwater Games Ltd ("Studio") and Mara Quill ("Artist").',
        "1. Licence",
        '1.1 Artist grants Studio a licence to use the illustrations Artist delivers (the "Artwork") '
        "in Studio's games.",
        # unnumbered, under 1.1: struck whole with its mark (a numbered clause would keep its number,
        # "1.2 [Intentionally deleted]", tests/test_struck_number_kept.py)
        "Studio may use the Artwork to train Studio's machine learning models.",
        "1.2 Studio shall credit Artist in each game.",
        "2. General",
        "2.1 This agreement is governed by the laws of Scotland.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_the_writers_whole_paragraph_strike_reads_as_accept_all_leaves_it(variant):
    red = engine.redline(typed_agreement(), author="noai", date=_date(), options=engine.Options(variant=variant))
    assert any(e.op == "replace" and e.replacement == "" for e in red.plan.edits), [e.op for e in red.plan.edits]
    assert texts(red.docx, accepted=True) == oracle(red.docx)
    assert "" not in texts(red.docx, accepted=True) and "" in texts(red.docx, accepted=False)


def _date():
    from datetime import UTC, datetime

    return datetime(2027, 1, 4, tzinfo=UTC)
