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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..errors import MalformedXmlError
from .fast import new_paragraph, simple_runs
from .model import Paragraph, Section
from .ns import RT_NUMBERING, RT_STYLES, W
from .numbering import Counter, Numbering
from .package import Package, read_package
from .structure import TYPED_NUMBER, Sections, freeze
from .styles import VAL, RunFormat, Style, Styles, run_properties
from .text import (
    DEL,
    DELETED,
    IN_CURRENT,
    IN_ORIGINAL,
    INS,
    INSERTED,
    MOVE_FROM,
    MOVE_TO,
    NORMAL,
    PPR,
    RPR,
    pieces,
)

if TYPE_CHECKING:
    from lxml.etree import _Element

    from .structure import _Node

_W = "{%s}" % W
P = _W + "p"
TC = _W + "tc"
BODY = _W + "body"
PSTYLE, NUMPR, OUTLINE, SECTPR = _W + "pStyle", _W + "numPr", _W + "outlineLvl", _W + "sectPr"
NUM_ID, ILVL = _W + "numId", _W + "ilvl"
# Block-level elements that hold no paragraphs of the main story (or none Word lists).
_NOT_BLOCKS = {
    PPR,
    _W + "sectPr",
    _W + "tblPr",
    _W + "tblGrid",
    _W + "trPr",
    _W + "tcPr",
    _W + "sdtPr",
    _W + "sdtEndPr",
    _W + "customXmlPr",
    _W + "txbxContent",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}
# Per paragraph style: the Style, its run format over the document defaults, the run formats
# over that, by run_properties(), and the format of a run's w:rPr (cached there).
_RunKey = tuple[bool | None, bool | None, bool | None, str | None]
_Formats = dict[_RunKey, RunFormat]
_StyleFormats = tuple[Style | None, RunFormat, _Formats, Callable[["_Element"], RunFormat]]
_RUN_IN_END = re.compile(r"^\s*[.:]")
_MAX_TITLE_WORDS = 12


@dataclass
class Document:
    """A read document: ``paragraphs[i]`` is Word's ``body.paragraphs[i]``, ``elements[i]`` its
    ``w:p``; ``sections`` the section tree (built on first use: the audit reads the paragraphs'
    section fields, not the tree)."""

    paragraphs: list[Paragraph]
    elements: list[_Element]
    root: _Element
    package: Package
    styles: Styles
    numbering: Numbering
    _section_roots: list[_Node] = field(repr=False, compare=False)

    @cached_property
    def sections(self) -> list[Section]:
        """The top-level sections."""
        return freeze(self._section_roots)


def iter_paragraphs(body: _Element) -> Iterator[tuple[_Element, bool]]:
    """``(w:p, in_table)`` of every paragraph of the main story, in document order."""
    stack: list[tuple[Iterator[_Element], bool]] = [(iter(body), False)]
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


def _part_root(package: Package, rel_type: str) -> _Element | None:
    name = package.related(package.main_part, rel_type)
    return package.xml(name) if name and package.part(name) else None


def read_document(data: bytes) -> Document:
    """Read a .docx (bytes) into a :class:`Document`."""
    return _read(data, fast=True)


def _read(data: bytes, *, fast: bool) -> Document:
    """:func:`read_document`, with the speed code of :mod:`noai.ooxml.fast` or (``fast=False``,
    for the equivalence test) without it."""
    package = read_package(data)
    root = package.xml(package.main_part)  # parsed once, when the package was checked
    body = root.find(BODY)
    if body is None:
        raise MalformedXmlError("The document has no body (w:body): it holds no text to read.")
    styles = Styles(_part_root(package, RT_STYLES))
    numbering = Numbering(_part_root(package, RT_NUMBERING), styles)
    reader = _ParagraphReader(styles, numbering, fast)
    paragraphs: list[Paragraph] = []
    elements: list[_Element] = []
    for p, in_table in iter_paragraphs(body):
        paragraphs.append(reader.read(p, len(elements), in_table))
        elements.append(p)
    sections = reader.sections.finish(len(paragraphs) - 1)
    return Document(paragraphs, elements, root, package, styles, numbering, sections)


class _ParagraphReader:
    """Reads one ``w:p`` after the other (numbering counters and sections run in document
    order)."""

    def __init__(self, styles: Styles, numbering: Numbering, fast: bool = True) -> None:
        self.fast = fast
        self.styles = styles
        self.numbering = numbering
        self.counter = Counter(numbering)
        self.sections = Sections()
        # paragraph style id -> (Style, its run format, {run_properties: run format over it})
        self._styles: dict[str | None, _StyleFormats] = {}

    def read(self, p: _Element, index: int, in_table: bool) -> Paragraph:
        style_id, num_id, ilvl, outline, mark, breaks = _paragraph_properties(p)
        style_id = style_id or self.styles.default_paragraph
        known = self._styles.get(style_id)
        if known is None:
            known = self._styles[style_id] = self._style(style_id)
        style, base, formats, format_of = known
        texts: list[str] = []
        fmts: list[RunFormat] = []
        if self.fast and simple_runs(p, base, format_of, texts, fmts):
            current = original = "".join(texts)
        else:
            current, original = self._general(p, base, formats, texts, fmts)
        if num_id is None and style is not None and style.num_id is not None:
            num_id, ilvl = self._style_numbering(ilvl, style_id, style)
        label = None
        if num_id:
            ilvl = ilvl or 0
            # A paragraph whose mark is deleted merges into the next one, and an empty
            # paragraph that only carries a section break shows no number: neither takes one.
            if mark != DELETED and not (breaks and not current):
                is_item, label = self.counter.label(num_id, ilvl)
                if not is_item:
                    num_id = ilvl = None
        else:
            num_id = ilvl = None
        if style is None:
            style_name = heading_level = None
        else:
            style_name, heading_level = style.name, style.heading_level
            if outline is None:
                outline = style.outline_level
        bold, caps, emphasized = _looks(texts, fmts)
        run_in = run_in_title(texts, fmts, current) if emphasized else None
        sections = self.sections
        found = sections.candidate(current, mark, label, ilvl, heading_level, outline, bold, caps, run_in, in_table)
        if found is not None:
            sections.open(index, *found)
        node = sections.current
        return (new_paragraph if self.fast else Paragraph)(
            index,
            current,
            original,
            style_id,
            style_name,
            heading_level,
            outline,
            num_id,
            ilvl,
            label,
            run_in,
            in_table,
            bold,
            caps,
            mark,
            node.section_label,
            node.path,
            node.title,
            found is not None,
        )

    def _style(self, style_id: str | None) -> _StyleFormats:
        """The paragraph style, the run format of it over the document defaults, and an empty
        cache of run formats over that."""
        style = self.styles.resolve(style_id)
        base = (style.run if style is not None else RunFormat()).over(self.styles.defaults)
        formats: _Formats = {}
        styles = self.styles  # not self: the reader would hold itself (a cycle, freed only by the collector)

        def format_of(rpr: _Element) -> RunFormat:
            key = run_properties(rpr)
            fmt = formats.get(key)
            return _run_format(styles, key, base, formats) if fmt is None else fmt

        return style, base, formats, format_of

    def _general(
        self, p: _Element, base: RunFormat, formats: _Formats, texts: list[str], fmts: list[RunFormat]
    ) -> tuple[str, str]:
        """Fill ``texts``/``fmts`` with the visible pieces of ``p`` and their formats, with the
        exact walk of :func:`pieces` (the plain path of :func:`noai.ooxml.fast.simple_runs`); the
        current and the original text."""
        texts.clear()
        fmts.clear()
        original: list[str] = []
        last_run: _Element | None = None
        fmt = base
        for text, _element, run, state, _revision in pieces(p):
            if state in IN_CURRENT:
                if run is not last_run:
                    last_run = run
                    rpr = _first(run, RPR)
                    fmt = base if rpr is None else self._format(rpr, base, formats)
                texts.append(text)
                fmts.append(fmt)
            if state in IN_ORIGINAL:
                original.append(text)
        return "".join(texts), "".join(original)

    def _style_numbering(self, ilvl: int | None, style_id: str | None, style: Style) -> tuple[int | None, int | None]:
        """``(numId, ilvl)`` of a paragraph without direct ``w:numId`` whose style chain has
        one (``ilvl``: the paragraph's own, if any)."""
        num_id = style.num_id
        if ilvl is None:
            ilvl = style.ilvl
        if ilvl is None and num_id:
            ilvl = self.numbering.style_level(num_id, style_id)
        return num_id, ilvl

    def _format(self, rpr: _Element, base: RunFormat, formats: _Formats) -> RunFormat:
        """The effective format of a run with ``w:rPr`` ``rpr``: its direct properties, then
        the character style (``w:rStyle``), then ``base`` (paragraph style and document
        defaults); ``formats`` caches them for ``base``."""
        key = run_properties(rpr)
        fmt = formats.get(key)
        return _run_format(self.styles, key, base, formats) if fmt is None else fmt


def _run_format(styles: Styles, key: _RunKey, base: RunFormat, formats: _Formats) -> RunFormat:
    """The format of a run whose direct properties are ``key`` (:func:`run_properties`): them,
    then the character style's, then ``base``; kept in ``formats``."""
    bold, caps, underline, char_id = key
    char = styles.resolve(char_id)
    char_run = char.run if char is not None else RunFormat()
    fmt = formats[key] = RunFormat(bold, caps, underline).over(char_run).over(base)
    return fmt


def _first(el: _Element | None, tag: str) -> _Element | None:
    """The first child of ``el`` if it is ``tag`` (property elements always come first)."""
    if el is None or not len(el):
        return None
    child = el[0]
    return child if child.tag == tag else None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _paragraph_properties(p: _Element) -> tuple[str | None, int | None, int | None, int | None, str, bool]:
    """``(pStyle, numId, ilvl, outlineLvl, mark state, has w:sectPr)`` from ``w:pPr``, in one
    pass."""
    ppr = _first(p, PPR)
    style_id: str | None = None
    outline = num_id = ilvl = None
    mark = NORMAL
    breaks = marked = False
    if ppr is None:
        return style_id, num_id, ilvl, outline, mark, breaks
    for child in ppr:
        tag = child.tag
        if tag == NUMPR:
            num_el = ilvl_el = None  # the first of each, as Word reads them
            for el in child:
                tag = el.tag
                if tag == NUM_ID:
                    if num_el is None:
                        num_el = el
                elif tag == ILVL and ilvl_el is None:
                    ilvl_el = el
            num_id = None if num_el is None else _int(num_el.get(VAL))
            ilvl = None if ilvl_el is None else _int(ilvl_el.get(VAL))
        elif tag == PSTYLE:
            style_id = child.get(VAL)
        elif tag == OUTLINE:
            outline = _int(child.get(VAL))
            if outline is not None and not 0 <= outline <= 8:
                outline = None
        elif tag == RPR:
            # The paragraph mark's own revision in a w:rPr here: deleted where a w:del (or move) is, an insertion
            # deleted again too, else inserted where a w:ins is (noai.ooxml.text.paragraph_mark_state, without
            # finding w:pPr again).
            if not marked:
                for el in child:
                    tag = el.tag
                    if tag in (DEL, MOVE_FROM):
                        mark, marked = DELETED, True
                        break
                    if tag in (INS, MOVE_TO):
                        mark = INSERTED
        elif tag == SECTPR:
            breaks = True
    return style_id, num_id, ilvl, outline, mark, breaks


def _looks(texts: list[str], fmts: list[RunFormat]) -> tuple[bool, bool, bool]:
    """``(bold, all_caps, emphasized)`` of the visible pieces of a paragraph: every non-blank
    piece bold; every letter upper case (typed or w:caps); some piece bold or underlined."""
    bold = caps = True
    bold_seen = letters = emphasized = False
    for text, fmt in zip(texts, fmts, strict=True):
        if fmt.bold or fmt.underline:
            emphasized = True
        if bold and not text.isspace():  # pieces are never empty
            if fmt.bold:
                bold_seen = True
            else:
                bold = False
        if not caps:
            continue
        if fmt.caps:
            letters = letters or any(c.isalpha() for c in text)
            continue
        for c in text:
            if c.isalpha():
                if not c.isupper():
                    caps = False
                    break
                letters = True
    return bold and bold_seen, caps and letters, emphasized


def run_in_title(texts: list[str], fmts: list[RunFormat], text: str) -> str | None:
    """The bold or underlined phrase that opens a paragraph and ends in "." or ":" before the
    body text: "**Ownership.** The Client ..." -> "Ownership". A typed number in front
    ("7.2\\t**Licence.**") is skipped. ``texts``/``fmts`` are the visible pieces and their
    formats, ``text`` the pieces joined."""
    m = TYPED_NUMBER.match(text)
    start = m.end() if m else 0
    while start < len(text) and text[start].isspace():
        start += 1
    end = start  # extended over the emphasized pieces from start on
    pos = 0
    for piece, fmt in zip(texts, fmts, strict=True):
        after = pos + len(piece)
        if after > end:
            if not (fmt.bold or fmt.underline):  # not emphasized
                break
            end = after
        pos = after
    phrase = text[start:end].rstrip()
    rest = text[end:]
    if not phrase or not rest or rest.isspace():
        return None
    if phrase[-1] in ".:":
        title = phrase[:-1]
    elif _RUN_IN_END.match(rest):
        title = phrase
        rest = rest.lstrip()[1:]
    else:
        return None
    title = title.strip().rstrip(".:").strip()
    if not title or not any(c.isalpha() for c in rest) or len(title.split(None, _MAX_TITLE_WORDS)) > _MAX_TITLE_WORDS:
        return None
    return title
