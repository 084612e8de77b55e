"""Comments already in a document (``word/comments.xml``), by the paragraph they are anchored in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .ns import RT_COMMENTS, W
from .text import current_text
from .xml import parse_xml

if TYPE_CHECKING:
    from .document import Document
    from .package import Package

_W = "{%s}" % W
_P, _ID, _START, _REFERENCE = _W + "p", _W + "id", _W + "commentRangeStart", _W + "commentReference"


def comment_texts(package: Package, main_part: str) -> dict[str, str]:
    """``w:id`` -> the text of each ``w:comment`` (its paragraphs joined by newlines)."""
    name = package.related(main_part, RT_COMMENTS)
    data = package.part(name) if name else None
    if name is None or data is None:
        return {}
    root = parse_xml(data, name)
    # w:id is required on w:comment (ECMA-376 CT_Comment): one without it names nothing.
    return {
        cid: "\n".join(current_text(p) for p in c.iter(_W + "p"))
        for c in root.iter(_W + "comment")
        if (cid := c.get(_W + "id")) is not None
    }


def comments_by_paragraph(doc: Document) -> dict[int, list[str]]:
    """Paragraph index -> texts of the comments whose range starts (or whose reference sits) in it."""
    texts = comment_texts(doc.package, doc.package.main_part)
    if not texts:
        return {}
    # One pass over the marks, each to the paragraph of doc.elements it is in (one of them at most, as
    # doc.elements never holds a paragraph inside another: a text box's paragraph counts as its holder's).
    index = {p: i for i, p in enumerate(doc.elements)}
    marks: dict[int, tuple[list[str | None], list[str | None]]] = {}
    for el in doc.root.iter(_START, _REFERENCE):
        i = next((index[p] for p in el.iterancestors(_P) if p in index), None)
        if i is not None:
            marks.setdefault(i, ([], []))[el.tag == _REFERENCE].append(el.get(_ID))
    out: dict[int, list[str]] = {}
    for i in sorted(marks):
        starts, references = marks[i]
        ids = set(starts + references)  # the range starts, then the references, as each paragraph was read before
        found = [texts[c] for c in ids if c in texts]
        if found:
            out[i] = found
    return out
