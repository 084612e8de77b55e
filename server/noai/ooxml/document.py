"""``read_document(bytes) -> Document``: the paragraphs of the main story, with their styles,
numbering labels, formatting and place in the section tree.

The body (``w:body``) is walked once, block by block: paragraphs (``w:p``), tables (``w:tbl``,
``w:tr``, ``w:tc``, nested tables too), block content controls (``w:sdt/w:sdtContent``) and custom
XML blocks. A paragraph is never descended into, so the paragraphs of text boxes
(``w:txbxContent``, inside runs) are left out, and so is the VML fallback of
``mc:AlternateContent``: Word leaves both out of ``body.paragraphs``.
"""

from __future__ import annotations

import re
from collections import namedtuple
from dataclasses import dataclass

from ..errors import MalformedXmlError
from .model import Paragraph, Section
from .ns import RT_NUMBERING, RT_STYLES, W
from .numbering import Counter, Numbering
from .package import Package, read_package
from .structure import READ_FIELDS, TYPED_NUMBER, build_sections
from .styles import VAL, RunFormat, Styles
from .text import DELETED, IN_CURRENT, IN_ORIGINAL, NORMAL, PPR, RPR, paragraph_mark_state, pieces

_W = "{%s}" % W
P = _W + "p"
TC = _W + "tc"
BODY = _W + "body"
PSTYLE, NUMPR, OUTLINE, SECTPR = _W + "pStyle", _W + "numPr", _W + "outlineLvl", _W + "sectPr"
NUM_ID, ILVL = _W + "numId", _W + "ilvl"
# Block-level elements that hold no paragraphs of the main story (or none Word lists).
_NOT_BLOCKS = {PPR, _W + "sectPr", _W + "tblPr", _W + "tblGrid", _W + "trPr", _W + "tcPr",
               _W + "sdtPr", _W + "sdtEndPr", _W + "customXmlPr", _W + "txbxContent",
               "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}

# A paragraph as read, before the section pass (which builds the Paragraph).
_Read = namedtuple("_Read", READ_FIELDS)
_RUN_IN_END = re.compile(r"^\s*[.:]")
_MAX_TITLE_WORDS = 12


@dataclass
class Document:
    """A read document: ``paragraphs[i]`` is Word's ``body.paragraphs[i]``, ``elements[i]`` its
    ``w:p``."""

    paragraphs: list[Paragraph]
    elements: list
    root: object
    package: Package
    styles: Styles
    numbering: Numbering
    sections: list[Section]


def iter_paragraphs(body):
    """``(w:p, in_table)`` of every paragraph of the main story, in document order."""
    stack = [(iter(body), False)]
    while stack:
        children, in_table = stack[-1]
        for el in children:
            tag = el.tag
            if tag == P:
                yield el, in_table
            elif isinstance(tag, str) and tag not in _NOT_BLOCKS:
                stack.append((iter(el), in_table or tag == TC))
                break
        else:
            stack.pop()


def _part_root(package: Package, rel_type: str):
    name = package.related(package.main_part, rel_type)
    return package.xml(name) if name and package.part(name) else None


def read_document(data: bytes) -> Document:
    """Read a .docx (bytes) into a :class:`Document`."""
    package = read_package(data)
    root = package.xml(package.main_part)  # parsed once, when the package was checked
    body = root.find(BODY)
    if body is None:
        raise MalformedXmlError("The document has no body (w:body): it holds no text to read.")
    styles = Styles(_part_root(package, RT_STYLES))
    numbering = Numbering(_part_root(package, RT_NUMBERING), styles)
    reader = _ParagraphReader(styles, numbering)
    paragraphs, elements = [], []
    for p, in_table in iter_paragraphs(body):
        paragraphs.append(reader.read(p, len(elements), in_table))
        elements.append(p)
    paragraphs, sections = build_sections(paragraphs)
    return Document(paragraphs, elements, root, package, styles, numbering, sections)


class _ParagraphReader:
    """Reads one ``w:p`` after the other (numbering counters run in document order)."""

    def __init__(self, styles: Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.counter = Counter(numbering)
        self._bases: dict[str | None, RunFormat] = {}
        self._combined: dict[tuple, RunFormat] = {}

    def read(self, p, index: int, in_table: bool) -> _Read:
        style_id, direct_num, outline, mark, breaks = _paragraph_properties(p)
        style_id = style_id or self.styles.default_paragraph
        style = self.styles.resolve(style_id)
        base = self._base(style_id, style)
        current, original, visible = [], [], []
        last_run = None
        fmt = base
        for text, _element, run, state, _revision in pieces(p):
            if state in IN_CURRENT:
                if run is not last_run:
                    last_run = run
                    fmt = self._format(run, base)
                current.append(text)
                visible.append((text, fmt))
            if state in IN_ORIGINAL:
                original.append(text)
        current = "".join(current)
        num_id, ilvl = self._num_pr(direct_num, style_id, style)
        label = None
        # A paragraph whose mark is deleted merges into the next one, and an empty paragraph
        # that only carries a section break shows no number: neither takes a number.
        if num_id and mark != DELETED and not (breaks and not current):
            is_item, label = self.counter.label(num_id, ilvl)
            if not is_item:
                num_id = ilvl = None
        elif not num_id:
            num_id = ilvl = None
        if outline is None and style is not None:
            outline = style.outline_level
        return _Read(
            index=index,
            text=current,
            original_text="".join(original),
            style_id=style_id,
            style_name=style.name if style is not None else None,
            heading_level=style.heading_level if style is not None else None,
            outline_level=outline,
            num_id=num_id,
            ilvl=ilvl,
            label=label,
            run_in_title=run_in_title(visible, current),
            in_table=in_table,
            bold=_all_bold(visible),
            all_caps=_all_caps(visible),
            mark=mark,
        )

    def _num_pr(self, direct, style_id, style) -> tuple[int | None, int | None]:
        """Effective ``(numId, ilvl)``: direct ``w:numPr``, else the style chain's."""
        num_id, ilvl = direct
        if num_id is None and style is not None and style.num_id is not None:
            num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl
            if ilvl is None and num_id:
                ilvl = self.numbering.style_level(num_id, style_id)
        return num_id, (ilvl or 0) if num_id else None

    def _base(self, style_id: str | None, style) -> RunFormat:
        """The run format of the paragraph style over the document defaults (cached)."""
        base = self._bases.get(style_id)
        if base is None:
            base = self._bases[style_id] = (style.run if style is not None else RunFormat()).over(
                self.styles.defaults)
        return base

    def _format(self, run, base: RunFormat) -> RunFormat:
        """The effective format of ``w:r`` ``run``: direct ``w:rPr``, then the character style
        (``w:rStyle``), then ``base`` (paragraph style and document defaults)."""
        rpr = _first(run, RPR)
        if rpr is None:
            return base
        key = (*RunFormat.read(rpr), base)
        fmt = self._combined.get(key)
        if fmt is None:
            char = self.styles.resolve(key[1])
            char_run = char.run if char is not None else RunFormat()
            fmt = self._combined[key] = key[0].over(char_run).over(base)
        return fmt


def _first(el, tag):
    """The first child of ``el`` if it is ``tag`` (property elements always come first)."""
    if el is None or not len(el):
        return None
    child = el[0]
    return child if child.tag == tag else None


def _num_pr(num_pr) -> tuple[int | None, int | None]:
    """``(w:numId, w:ilvl)`` values of a ``w:numPr``."""
    num_id = ilvl = None  # the first of each, as Word reads them
    for child in num_pr:
        tag = child.tag
        if tag == NUM_ID and num_id is None:
            num_id = child
        elif tag == ILVL and ilvl is None:
            ilvl = child
    return (None if num_id is None else _int(num_id.get(VAL)),
            None if ilvl is None else _int(ilvl.get(VAL)))


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _paragraph_properties(p):
    """``(pStyle, (numId, ilvl), outlineLvl, mark state, has w:sectPr)`` from ``w:pPr``, in one
    pass."""
    ppr = _first(p, PPR)
    style_id = outline = num_id = ilvl = None
    mark = NORMAL
    breaks = False
    if ppr is None:
        return style_id, (num_id, ilvl), outline, mark, breaks
    for child in ppr:
        tag = child.tag
        if tag == PSTYLE:
            style_id = child.get(VAL)
        elif tag == NUMPR:
            num_id, ilvl = _num_pr(child)
        elif tag == OUTLINE:
            outline = _int(child.get(VAL))
            if outline is not None and not 0 <= outline <= 8:
                outline = None
        elif tag == RPR:
            mark = paragraph_mark_state(p)
        elif tag == SECTPR:
            breaks = True
    return style_id, (num_id, ilvl), outline, mark, breaks


def _all_bold(visible) -> bool:
    """True when every visible non-blank piece of text is bold."""
    seen = False
    for text, fmt in visible:
        if text.strip():
            if not fmt.bold:
                return False
            seen = True
    return seen


def _all_caps(visible) -> bool:
    letters = False
    for text, fmt in visible:
        if fmt.caps:
            letters = letters or any(c.isalpha() for c in text)
            continue
        for c in text:
            if c.isalpha():
                if not c.isupper():
                    return False
                letters = True
    return letters


def _emphasized(fmt: RunFormat) -> bool:
    return bool(fmt.bold or fmt.underline)


def run_in_title(visible: list[tuple[str, RunFormat]], text: str | None = None) -> str | None:
    """The bold or underlined phrase that opens a paragraph and ends in "." or ":" before the
    body text: "**Ownership.** The Client ..." -> "Ownership". A typed number in front
    ("7.2\\t**Licence.**") is skipped. ``text`` is the visible text joined, when known."""
    if not any(_emphasized(f) for _, f in visible):
        return None
    if text is None:
        text = "".join(t for t, _ in visible)
    m = TYPED_NUMBER.match(text)
    start = m.end() if m else 0
    while start < len(text) and text[start].isspace():
        start += 1
    end = start  # extended over the emphasized pieces from start on
    pos = 0
    for piece, fmt in visible:
        after = pos + len(piece)
        if after > end:
            if not _emphasized(fmt):
                break
            end = after
        pos = after
    phrase = text[start:end].rstrip()
    rest = text[end:]
    if not phrase or not rest.strip():
        return None
    if phrase[-1] in ".:":
        title = phrase[:-1]
    elif _RUN_IN_END.match(rest):
        title = phrase
        rest = rest.lstrip()[1:]
    else:
        return None
    title = title.strip().rstrip(".:").strip()
    if not title or not any(c.isalpha() for c in rest) or len(title.split()) > _MAX_TITLE_WORDS:
        return None
    return title
