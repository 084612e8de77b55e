"""The document as accept-all leaves it, as Word and LibreOffice do.

:func:`~noai.ooxml.document.read_document` keeps every ``w:p`` (``paragraphs[i]`` is Word's
``body.paragraphs[i]`` with the tracked changes shown, which the anchors of a plan and the reading of a
reply need), each with its *current* text. Accepting every change does one thing more: a paragraph whose
mark is deleted (``w:pPr/w:rPr/w:del``) is joined with the paragraph after it. A paragraph struck whole,
mark and all, is gone; what is left of a paragraph whose mark alone is struck runs on into the next one.
Only where a ``w:p`` follows it in the same story or cell (bookmarks and comment ranges between): the mark
of the last paragraph of a cell or of the body, or of one before a table, cannot go.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .document import Document
from .model import Paragraph, Section
from .ns import qn
from .text import DELETED

if TYPE_CHECKING:
    from lxml.etree import _Element

P = qn("w:p")
# Markers that may stand between two paragraphs without keeping them apart.
_BETWEEN = frozenset(
    qn(f"w:{name}") for name in ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd")
)


def accept_all(doc: Document) -> Document:
    """``doc`` as it reads with every tracked change accepted: the paragraphs whose marks are deleted
    joined with the next ones (their indexes then count the paragraphs left, and the paragraph they join
    starts with their current text, its original text with theirs). The same ``doc`` when nothing joins."""
    pairs = zip(doc.paragraphs, doc.elements, strict=True)
    joined = [p.mark == DELETED and _followed_by_paragraph(el) for p, el in pairs]
    if not any(joined):
        return doc
    kept: list[Paragraph] = []
    elements: list[_Element] = []
    moved: list[int] = []  # old index -> new index (a joined paragraph's: the one it runs on into)
    text = original = ""
    for p, el, joins in zip(doc.paragraphs, doc.elements, joined, strict=True):
        moved.append(len(kept))
        if joins:
            text, original = text + p.text, original + p.original_text
            continue
        kept.append(replace(p, index=len(kept), text=text + p.text, original_text=original + p.original_text))
        elements.append(el)
        text = original = ""
    accepted = Document(kept, elements, doc.root, doc.package, doc.styles, doc.numbering, [])
    # the section tree is built on first use from the reader's nodes (Document.sections): this view has only the
    # frozen sections, moved to its indexes, so its cached tree is set here
    accepted.__dict__["sections"] = [_section(s, moved, joined) for s in doc.sections]
    return accepted


def _followed_by_paragraph(el: _Element) -> bool:
    after = el.getnext()
    while after is not None and (not isinstance(after.tag, str) or after.tag in _BETWEEN):
        after = after.getnext()
    return after is not None and after.tag == P


def _section(section: Section, moved: list[int], joined: list[bool]) -> Section:
    """``section`` with the indexes of the accepted document. A heading never has its mark deleted (the
    reader opens no section there), so ``start`` is kept; an ``end`` that joined the next paragraph (of
    the next section) ends the section at the paragraph before that one."""
    end = moved[section.end] - 1 if joined[section.end] else moved[section.end]
    children = tuple(_section(c, moved, joined) for c in section.children)
    return replace(section, start=moved[section.start], end=max(end, moved[section.start]), children=children)
