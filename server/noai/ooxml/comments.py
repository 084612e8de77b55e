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
    out: dict[int, list[str]] = {}
    for i, p in enumerate(doc.elements):
        ids = {el.get(_W + "id") for tag in ("commentRangeStart", "commentReference") for el in p.iter(_W + tag)}
        found = [texts[c] for c in ids if c in texts]
        if found:
            out[i] = found
    return out
