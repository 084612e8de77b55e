"""The reader tells a paragraph mark's own revision in its one pass over w:pPr: what
noai.ooxml.text.paragraph_mark_state says of a paragraph whose w:pPr (first, as the schema puts it)
holds a w:rPr, on synthetic marks and on every corpus paragraph."""

from __future__ import annotations

import pytest
from lxml import etree
from support.corpus import contracts
from support.docx_builder import NAMESPACES

from noai.ooxml import document as D
from noai.ooxml.text import NORMAL, PPR, RPR, paragraph_mark_state


def told(p) -> str:
    """The mark state as the reader told it before: the text module's answer when w:pPr comes first
    and holds a w:rPr, else normal."""
    first = D._first(p, PPR)
    return paragraph_mark_state(p) if first is not None and first.find(RPR) is not None else NORMAL


def paragraph(ppr: str) -> etree._Element:
    xmlns = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())
    return etree.fromstring(f"<w:p {xmlns}>{ppr}<w:r><w:t>x</w:t></w:r></w:p>")


INS = '<w:ins w:id="1" w:author="A"/>'
DEL = '<w:del w:id="2" w:author="A"/>'


@pytest.mark.parametrize(
    ("ppr", "state"),
    [
        ("", "normal"),
        ("<w:pPr><w:jc w:val='left'/></w:pPr>", "normal"),
        (f"<w:pPr><w:rPr><w:b/>{INS}</w:rPr></w:pPr>", "inserted"),
        (f"<w:pPr><w:rPr>{DEL}{INS}</w:rPr></w:pPr>", "deleted"),
        (f"<w:pPr><w:rPr>{INS}{DEL}</w:rPr></w:pPr>", "deleted"),  # theirs, deleted by us: gone from the current text
        (f"<w:pPr><w:rPr><w:b/></w:rPr><w:rPr>{INS}</w:rPr></w:pPr>", "inserted"),  # a second w:rPr
        (f"<w:pPr><w:rPr><w:moveFrom w:id='3' w:author='A'/></w:rPr><w:rPr>{INS}</w:rPr></w:pPr>", "deleted"),
        ("<w:pPr><w:rPr><w:moveTo w:id='3' w:author='A'/></w:rPr></w:pPr>", "inserted"),
        (
            f"<w:pPr><w:rPr><w:rPrChange w:id='4' w:author='A'><w:rPr>{DEL}</w:rPr></w:rPrChange></w:rPr></w:pPr>",
            "normal",
        ),
    ],
)
def test_the_mark_state_is_the_text_modules(ppr, state):
    p = paragraph(ppr)
    assert D._paragraph_properties(p)[4] == state == told(p)


@pytest.mark.parametrize("path", contracts())
def test_every_corpus_paragraphs_mark_state_is_the_text_modules(path):
    for p in D.read_document(path.read_bytes()).elements:
        assert D._paragraph_properties(p)[4] == told(p)
