"""The reader's speed code, kept apart from what it speeds up (together about 1.3x on a large
contract): each piece has a plain equivalent, and ``tests/ooxml/test_reader_fast.py`` proves the
two give the same on every corpus contract.

- :func:`simple_runs`: the text and run formats of a *plain* paragraph (runs of text and tabs, no
  revisions or symbols; complex fields are read) in one loop, instead of the exact walk of
  :func:`noai.ooxml.text.pieces` that every other paragraph takes.
- :func:`new_paragraph` and :func:`new_section`: a frozen :class:`~noai.ooxml.model.Paragraph` /
  :class:`~noai.ooxml.model.Section` filled by plain assignment, then given its class, instead of
  the dataclass constructor (which sets each field through ``object.__setattr__``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from .model import Paragraph, Section
from .styles import RunFormat
from .text import DEL_TEXT, FIXED, FLD_CHAR, NO_TEXT, RPR, RUN, SYM, T, field_char

if TYPE_CHECKING:
    from lxml.etree import _Element

# Run children that change the text although they hold no element (see text._walk; w:fldChar is
# read in the run).
_HAS_EFFECT = frozenset({FLD_CHAR, SYM, DEL_TEXT})


def simple_runs(
    p: _Element, base: RunFormat, format_of: Callable[[_Element], RunFormat], texts: list[str], fmts: list[RunFormat]
) -> bool:
    """Fill ``texts``/``fmts`` with the text of each run of ``p`` and its format (``base``, or
    ``format_of(rPr)`` for a run with properties), when ``p`` is a plain paragraph: runs of text and
    tabs without revisions or symbols, complex fields (``w:fldChar``) read as
    :func:`~noai.ooxml.text.pieces` reads them (the code left out, the result in), a run at a time.
    False, with the lists partly filled, for any other paragraph."""
    fields: list[bool] = []  # one per open field: True while in its code (begin to separate)
    code = False  # fields and fields[-1]
    for child in p:
        tag = child.tag
        if tag == RUN:
            run_text = rpr = None
            first = True
            for el in child:
                tag = el.tag
                if tag == T:
                    text = el.text
                    if text and not code:
                        run_text = text if run_text is None else run_text + text
                elif tag == RPR:
                    if first:  # the run's first child (its properties)
                        rpr = el
                elif tag in FIXED:
                    text = FIXED[tag]
                    if text and not code:
                        run_text = text if run_text is None else run_text + text
                elif tag == FLD_CHAR:
                    field_char(el, fields)
                    code = bool(fields) and fields[-1]
                elif not (tag in NO_TEXT or (not len(el) and tag not in _HAS_EFFECT)):
                    return False
                first = False
            if run_text is not None:
                texts.append(run_text)
                fmts.append(base if rpr is None else format_of(rpr))
        elif not (tag in NO_TEXT or (not len(child) and tag != FLD_CHAR)):
            return False
    return True


def _filling(cls: type[Any]) -> type:
    """A class with the slots of frozen dataclass ``cls`` and plain assignment, turned into the
    ``cls`` it is once filled (same slots, same layout)."""
    return type(f"_{cls.__name__}Filling", (), {"__slots__": cls.__slots__})


_ParagraphFilling = _filling(Paragraph)
_SectionFilling = _filling(Section)


def new_paragraph(
    index: int,
    text: str,
    original_text: str,
    style_id: str | None,
    style_name: str | None,
    heading_level: int | None,
    outline_level: int | None,
    num_id: int | None,
    ilvl: int | None,
    label: str | None,
    run_in_title: str | None,
    in_table: bool,
    bold: bool,
    all_caps: bool,
    mark: str,
    section_label: str | None,
    section_path: tuple[str, ...],
    heading: str | None,
    is_heading: bool,
) -> Paragraph:
    """``Paragraph(...)`` of all its fields in order, built the fast way."""
    p = _ParagraphFilling()
    p.index = index
    p.text = text
    p.original_text = original_text
    p.style_id = style_id
    p.style_name = style_name
    p.heading_level = heading_level
    p.outline_level = outline_level
    p.num_id = num_id
    p.ilvl = ilvl
    p.label = label
    p.run_in_title = run_in_title
    p.in_table = in_table
    p.bold = bold
    p.all_caps = all_caps
    p.mark = mark
    p.section_label = section_label
    p.section_path = section_path
    p.heading = heading
    p.is_heading = is_heading
    p.__class__ = Paragraph
    return cast(Paragraph, p)


def new_section(
    label: str | None, title: str, level: int, start: int, end: int, children: tuple[Section, ...]
) -> Section:
    """``Section(...)`` of all its fields in order, built the fast way."""
    s = _SectionFilling()
    s.label = label
    s.title = title
    s.level = level
    s.start = start
    s.end = end
    s.children = children
    s.__class__ = Section
    return cast(Section, s)
