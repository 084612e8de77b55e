"""The comments already in a document, by the paragraph their range starts or their reference sits in
(``noai.ooxml.comments.comments_by_paragraph``): found by one pass over the marks, they are what a
search of each paragraph finds, in tables, text boxes and nested content controls too."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.docx_builder import make_docx, p, r

from noai.ooxml.comments import comment_texts, comments_by_paragraph
from noai.ooxml.document import read_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def searched(doc) -> dict[int, set[str]]:
    """What a search of each paragraph (all its descendants) finds, as sets of comment texts."""
    texts = comment_texts(doc.package, doc.package.main_part)
    out = {}
    for i, el in enumerate(doc.elements):
        ids = {m.get(W + "id") for tag in ("commentRangeStart", "commentReference") for m in el.iter(W + tag)}
        if found := {texts[c] for c in ids if c in texts}:
            out[i] = found
    return out


def found(doc) -> dict[int, set[str]]:
    return {i: set(texts) for i, texts in comments_by_paragraph(doc).items()}


def comment(cid: int, text: str) -> str:
    return f'<w:comment w:id="{cid}" w:author="A"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>'


def start(cid: int) -> str:
    return f'<w:commentRangeStart w:id="{cid}"/>'


def reference(cid: int) -> str:
    return f'<w:r><w:commentReference w:id="{cid}"/></w:r>'


TEXT_BOX = (
    "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
    + p(r("boxed"))[:-6]
    + start(4)
    + "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)


def test_every_mark_is_found_in_the_paragraph_that_holds_it():
    body = (
        p(r("Plain."))
        + "<w:p>" + start(1) + r("Licence.") + reference(1) + start(2) + "</w:p>"
        + "<w:tbl><w:tr><w:tc><w:p>" + r("Cell.") + reference(2) + "</w:p></w:tc></w:tr></w:tbl>"
        + "<w:sdt><w:sdtContent><w:p>" + start(3) + r("In a control.") + reference(3) + "</w:p></w:sdtContent></w:sdt>"
        + "<w:p>" + r("Holder of a text box.") + TEXT_BOX + reference(4) + reference(9) + "</w:p>"
        + "<w:sectPr/>"
    )  # fmt: skip
    comments = "".join(comment(n, f"Comment {n}") for n in (1, 2, 3, 4))
    doc = read_document(make_docx(body, comments=comments))
    assert found(doc) == {
        1: {"Comment 1", "Comment 2"},
        2: {"Comment 2"},
        3: {"Comment 3"},
        4: {"Comment 4"},  # the text box's mark counts for the paragraph holding it; no comment 9
    }
    assert found(doc) == searched(doc)


def test_a_document_without_comments_has_none_by_paragraph():
    doc = read_document(make_docx(p(r("Text.")) + "<w:p>" + start(1) + r("x") + "</w:p><w:sectPr/>"))
    assert comments_by_paragraph(doc) == {}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.docx")), ids=lambda path: path.stem)
def test_the_corpus_comments_are_those_a_search_of_each_paragraph_finds(path):
    doc = read_document(path.read_bytes())
    assert found(doc) == searched(doc)
