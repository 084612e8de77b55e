"""Where each comment's range starts and ends (``noai.ooxml.replies.comment_anchors``): walked from the document's
root (only its marks, each to the paragraph holding it) it is what a walk of every paragraph finds, in tables,
text boxes, content controls and across paragraphs; and the redline looks none up where no comment needs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from support.docx_builder import make_docx, p, r

from noai import engine
from noai.ooxml.document import read_document
from noai.ooxml.replies import comment_anchors

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def start(cid: int) -> str:
    return f'<w:commentRangeStart w:id="{cid}"/>'


def end(cid: int) -> str:
    return f'<w:commentRangeEnd w:id="{cid}"/>'


def comment(cid: int, text: str) -> str:
    return f'<w:comment w:id="{cid}" w:author="A"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>'


TEXT_BOX = (
    "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
    + p(r("boxed"))[:-6]
    + start(5)
    + end(5)
    + "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)


def marked_body() -> str:
    return (
        p(r("Plain."))
        + "<w:p>" + start(1) + r("Licence.") + end(1) + start(2) + "</w:p>"
        + start(7)  # between paragraphs: no paragraph holds it
        + "<w:tbl><w:tr><w:tc><w:p>" + r("Cell.") + end(2) + start(3) + "</w:p></w:tc></w:tr></w:tbl>"
        + "<w:sdt><w:sdtContent><w:p>" + r("In a control.") + end(3) + start(4) + "</w:p></w:sdtContent></w:sdt>"
        + "<w:p>" + r("Holder of a text box.") + TEXT_BOX + end(4) + "</w:p>"
        + "<w:p>" + r("Start only.") + start(6) + end(7) + "</w:p>"
        + "<w:sectPr/>"
    )  # fmt: skip


def test_the_marks_walked_from_the_root_are_those_of_each_paragraph():
    doc = read_document(make_docx(marked_body(), comments="".join(comment(n, f"C{n}") for n in range(1, 8))))
    walked = comment_anchors(doc.elements)
    assert walked == {"1": (1, 1), "2": (1, 2), "3": (2, 3), "4": (3, 4), "5": (4, 4)}
    assert comment_anchors(doc.elements, doc.root) == walked


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.docx")), ids=lambda path: path.stem)
def test_the_corpus_anchors_from_the_root_are_those_of_each_paragraph(path):
    doc = read_document(path.read_bytes())
    assert comment_anchors(doc.elements, doc.root) == comment_anchors(doc.elements)


def test_the_shown_comments_look_up_no_anchor_where_none_is_needed(monkeypatch):
    calls: list[int] = []

    def counted(elements, root=None):
        calls.append(1)
        return comment_anchors(elements, root)

    monkeypatch.setattr(engine, "comment_anchors", counted)
    plain = read_document(make_docx(p(r("No comments at all.")) + "<w:sectPr/>"))
    assert engine._shown_comments(plain) == [] and not calls
    # A comment whose range went is left out; one whose range is there is shown.
    body = "<w:p>" + start(1) + r("Kept.") + end(1) + "</w:p>" + p(r("Other.")) + "<w:sectPr/>"
    doc = read_document(make_docx(body, comments=comment(1, "Shown") + comment(2, "Its range went")))
    assert [c.text for c in engine._shown_comments(doc)] == ["Shown"] and calls == [1]


def test_the_marks_of_detached_paragraphs_are_found_without_a_root():
    doc = read_document(make_docx(marked_body()))
    detached = [etree.fromstring(etree.tostring(el)) for el in doc.elements]
    assert comment_anchors(detached) == comment_anchors(doc.elements, doc.root)
