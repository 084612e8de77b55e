"""Make small .docx packages for tests from WordprocessingML snippets.

``make_docx(body_xml)`` wraps ``body_xml`` (the children of ``w:body``) in a ``w:document`` and
zips it with the content types and relationships Word needs. ``styles``, ``numbering`` and
``comments`` are the *children* of ``w:styles`` / ``w:numbering`` / ``w:comments``; each part is
written (and related from the document) only when given. Every snippet may use the prefixes
``w``, ``r``, ``mc``, ``w14``, ``wp``, ``a``, ``wps`` and ``v`` without declaring them.

``extra_parts`` adds parts verbatim, ``{"word/header1.xml": b"..."}``: content types and
relationships for them are the caller's business (they are not needed to read the body).

The small helpers ``p()``, ``r()`` and ``num_pr()`` write the common elements so that tests stay
readable: ``p(r("Ownership.", b=True), r(" The Client ..."), style="Heading1")``; ``multilevel_numbering()``
writes a one-list ``numbering`` part (numId 1) whose levels are given as (format, text) pairs.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
_XMLNS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# part name -> (root element, content type, relationship type)
_OPTIONAL_PARTS = {
    "styles": ("word/styles.xml", "w:styles", f"{_CT_MAIN}.styles+xml", _REL + "styles"),
    "numbering": ("word/numbering.xml", "w:numbering", f"{_CT_MAIN}.numbering+xml", _REL + "numbering"),
    "comments": ("word/comments.xml", "w:comments", f"{_CT_MAIN}.comments+xml", _REL + "comments"),
}


def _part(root: str, children: str) -> bytes:
    return f"{_DECL}<{root} {_XMLNS}>{children}</{root}>".encode()


def make_docx(
    body_xml: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    comments: str | None = None,
    extra_parts: dict[str, bytes] | None = None,
) -> bytes:
    """A .docx whose ``w:body`` holds ``body_xml``, with the optional parts given."""
    given = {"styles": styles, "numbering": numbering, "comments": comments}
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{_CT_MAIN}.document.main+xml"/>']
    rels = []
    parts = {"word/document.xml": _part("w:document", f"<w:body>{body_xml}</w:body>")}
    for n, (key, children) in enumerate(given.items(), start=1):
        if children is None:
            continue
        name, root, content_type, rel_type = _OPTIONAL_PARTS[key]
        parts[name] = _part(root, children)
        overrides.append(f'<Override PartName="/{name}" ContentType="{content_type}"/>')
        rels.append(f'<Relationship Id="rId{n}" Type="{rel_type}" Target="{name[5:]}"/>')
    rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts["[Content_Types].xml"] = (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{''.join(overrides)}</Types>"
    ).encode()
    parts["_rels/.rels"] = (
        f'{_DECL}<Relationships xmlns="{rels_ns}"><Relationship Id="rId1" '
        f'Type="{_REL}officeDocument" Target="word/document.xml"/></Relationships>'
    ).encode()
    parts["word/_rels/document.xml.rels"] = (
        f'{_DECL}<Relationships xmlns="{rels_ns}">{"".join(rels)}</Relationships>'
    ).encode()
    parts.update(extra_parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def r(text: str, *, b: bool = False, u: bool = False, caps: bool = False, style: str | None = None) -> str:
    """A ``w:r`` with one ``w:t`` (``\\t`` becomes ``w:tab``) and optional bold/underline/caps."""
    props = (
        (f'<w:rStyle w:val="{style}"/>' if style else "")
        + ("<w:b/>" if b else "")
        + ("<w:caps/>" if caps else "")
        + ('<w:u w:val="single"/>' if u else "")
    )
    pieces = [f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if piece else "" for piece in text.split("\t")]
    content = "<w:tab/>".join(pieces)
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{content}</w:r>"


def num_pr(num_id: int, ilvl: int | None = 0) -> str:
    """A ``w:numPr`` (``ilvl=None`` leaves the level out)."""
    level = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
    return f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>'


def p(*content: str, style: str | None = None, numbering: tuple[int, int] | None = None, ppr: str = "") -> str:
    """A ``w:p``: plain strings become runs, markup (``<...``) goes in as it is."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (num_pr(*numbering) if numbering else "") + ppr
    body = "".join(c if c.startswith("<") else r(c) for c in content)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def multilevel_numbering(levels: tuple[tuple[str, str], ...]) -> str:
    """The children of ``w:numbering`` for one list (``w:numId`` 1 over ``w:abstractNum`` 0): level ``i`` counts
    from 1 in ``levels[i]`` = (``w:numFmt``, ``w:lvlText``), e.g. ("decimal", "%1.%2"), indented 720 twips a
    level with a hanging number."""
    return (
        '<w:abstractNum w:abstractNumId="0">'
        + "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="720"/></w:pPr></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
