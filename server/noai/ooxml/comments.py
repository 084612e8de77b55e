"""Comments already in a document (``word/comments.xml``), by the paragraph they are anchored in."""

from __future__ import annotations

from .ns import RT_COMMENTS, W
from .text import current_text
from .xml import parse_xml

_W = "{%s}" % W


def comment_texts(package, main_part: str) -> dict[str, str]:
    """``w:id`` -> the text of each ``w:comment`` (its paragraphs joined by newlines)."""
    name = package.related(main_part, RT_COMMENTS)
    data = package.part(name) if name else None
    if data is None:
        return {}
    root = parse_xml(data, name)
    return {c.get(_W + "id"): "\n".join(current_text(p) for p in c.iter(_W + "p"))
            for c in root.iter(_W + "comment")}


def comments_by_paragraph(doc) -> dict[int, list[str]]:
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
