"""Styles of a document (``word/styles.xml``), resolved through ``w:basedOn``.

A paragraph style gives a paragraph its heading level (the built-in ``heading 1`` ..
``heading 9`` styles, whatever their localized style id, and the styles based on them), an
outline level (``w:pPr/w:outlineLvl``), numbering (``w:pPr/w:numPr``) and run formatting
(``w:rPr``). Each style is resolved once and cached: reading a long contract looks up the same
few styles thousands of times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .ns import W

if TYPE_CHECKING:
    from lxml.etree import _Element

_W = "{%s}" % W
VAL = _W + "val"
B, CAPS, U, RSTYLE = _W + "b", _W + "caps", _W + "u", _W + "rStyle"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_OFF = {"0", "false", "off", "none"}
_MAX_CHAIN = 32  # basedOn chains longer than this are cyclic or hostile


def on_off(el: _Element | None) -> bool | None:
    """The value of a toggle property such as ``w:b`` or ``w:caps`` (None when absent)."""
    if el is None:
        return None
    return el.get(VAL, "true").lower() not in _OFF


@dataclass(frozen=True, slots=True)
class RunFormat:
    """The run properties the reader cares about; None means "not set here"."""

    bold: bool | None = None
    caps: bool | None = None
    underline: bool | None = None

    @classmethod
    def of(cls, rpr: _Element | None) -> RunFormat:
        """The properties set directly by ``w:rPr`` element ``rpr`` (which may be None)."""
        if rpr is None:
            return _UNSET
        bold, caps, underline, _style = run_properties(rpr)
        return cls(bold, caps, underline)

    def over(self, base: RunFormat) -> RunFormat:
        """These properties where set, ``base`` elsewhere."""
        return RunFormat(
            base.bold if self.bold is None else self.bold,
            base.caps if self.caps is None else self.caps,
            base.underline if self.underline is None else self.underline,
        )


_UNSET = RunFormat()


def run_properties(rpr: _Element) -> tuple[bool | None, bool | None, bool | None, str | None]:
    """``(bold, caps, underline, rStyle)`` set directly by ``w:rPr`` element ``rpr``, in one
    pass over its children (None: not set)."""
    bold = caps = underline = style = None
    for child in rpr:
        tag = child.tag
        if tag == B:
            bold = on_off(child)
        elif tag == CAPS:
            caps = on_off(child)
        elif tag == U:
            underline = child.get(VAL, "single").lower() != "none"
        elif tag == RSTYLE:
            style = child.get(VAL)
    return bold, caps, underline, style


@dataclass(frozen=True, slots=True)
class Style:
    """A style with everything inherited through ``w:basedOn`` already applied."""

    style_id: str
    name: str | None
    heading_level: int | None  # 1-9
    outline_level: int | None  # 0-8
    num_id: int | None  # w:numPr/w:numId of the style chain (0 = numbering removed)
    ilvl: int | None  # w:numPr/w:ilvl of the style chain, if given
    run: RunFormat  # w:rPr of the style chain (docDefaults not included)


def _int(el: _Element | None, default: int | None = None) -> int | None:
    if el is None:
        return default
    try:
        return int(el.get(VAL, ""))
    except ValueError:
        return default


class Styles:
    """The styles of a document: ``resolve(style_id)`` gives a cached :class:`Style`."""

    def __init__(self, root: _Element | None = None) -> None:
        self._raw: dict[str, _Element] = {}
        self._cache: dict[str, Style | None] = {}
        self.default_paragraph: str | None = None
        self.defaults = RunFormat()
        if root is None:
            return
        for el in root.iterchildren(_W + "style"):
            sid = el.get(_W + "styleId")
            if sid is None:
                continue
            self._raw.setdefault(sid, el)
            if el.get(_W + "type") == "paragraph" and on_off_attr(el.get(_W + "default")):
                self.default_paragraph = sid
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self.defaults = RunFormat.of(defaults)

    def resolve(self, style_id: str | None) -> Style | None:
        """The style ``style_id`` with its ``w:basedOn`` chain applied (None if unknown)."""
        if style_id is None:
            return None
        if style_id not in self._cache:
            self._cache[style_id] = self._resolve(style_id, 0)
        return self._cache[style_id]

    def _resolve(self, style_id: str, depth: int) -> Style | None:
        el = self._raw.get(style_id)
        if el is None or depth > _MAX_CHAIN:
            return None
        based = el.find(_W + "basedOn")
        base = None
        base_id = based.get(VAL) if based is not None else None
        if base_id is not None and base_id != style_id:
            base = self._cache.get(base_id) if base_id in self._cache else self._resolve(base_id, depth + 1)
        name_el = el.find(_W + "name")
        name = name_el.get(VAL) if name_el is not None else None
        ppr = el.find(_W + "pPr")
        outline = num_id = ilvl = None
        if ppr is not None:
            outline = _int(ppr.find(_W + "outlineLvl"))
            num_pr = ppr.find(_W + "numPr")
            if num_pr is not None:
                num_id = _int(num_pr.find(_W + "numId"))
                ilvl = _int(num_pr.find(_W + "ilvl"))
        heading = _heading_level(style_id, name)
        if base is not None:
            heading = heading or base.heading_level
            outline = base.outline_level if outline is None else outline
            if num_id is None:
                num_id, ilvl = base.num_id, base.ilvl if ilvl is None else ilvl
        if outline is not None and not 0 <= outline <= 8:
            outline = None  # 9 = body text
        run = RunFormat.of(el.find(_W + "rPr"))
        if base is not None:
            run = run.over(base.run)
        return Style(style_id, name, heading, outline, num_id, ilvl, run)


def on_off_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _OFF


def _heading_level(style_id: str, name: str | None) -> int | None:
    """1-9 for the built-in heading styles: the name is ``heading N`` in every language,
    the id is ``HeadingN`` in English Word (localized ids such as ``berschrift1`` are matched
    through the name)."""
    for candidate in (name, style_id):
        if candidate:
            m = _HEADING_NAME.match(candidate.strip())
            if m:
                return int(m.group(1))
    return None
