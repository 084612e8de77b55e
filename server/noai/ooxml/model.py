"""The document model the analysis works on: plain, immutable data, no XML.

:class:`Paragraph` ``i`` is the ``i``-th item of Word's ``body.paragraphs``: every ``w:p`` of
the main story (``word/document.xml``) in document order, including paragraphs inside table
cells and block content controls (``w:sdt``). Left out, as Word leaves them out of
``body.paragraphs``: paragraphs of text boxes (``w:txbxContent``) and of the VML fallback of
``mc:AlternateContent``, headers, footers, footnotes, endnotes and comments.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, cast


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    text: str  # current text: tracked insertions in, tracked deletions out
    original_text: str  # text before the tracked changes: insertions out, deletions in
    style_id: str | None = None
    style_name: str | None = None
    heading_level: int | None = None  # 1-9 for "Heading N" styles (built-in or based on them)
    outline_level: int | None = None  # 0-8 from w:outlineLvl (paragraph or style), None = body
    num_id: int | None = None  # effective numbering (direct w:numPr or style-linked)
    ilvl: int | None = None
    label: str | None = None  # the auto-number a reader sees: "7.2", "(a)", "Article V", "iii."
    run_in_title: str | None = None  # "Ownership" of "**Ownership.** The Client ..."
    in_table: bool = False
    bold: bool = False  # all visible text bold
    all_caps: bool = False  # all letters upper case (typed or w:caps)
    mark: str = "normal"  # paragraph mark: "normal" | "inserted" | "deleted"
    # Filled in by the structure pass (noai.ooxml.structure):
    section_label: str | None = None  # "7.2"
    section_path: tuple[str, ...] = ()  # ("7 Intellectual Property", "7.2 Licence")
    heading: str | None = None  # the title of the innermost section that holds the paragraph
    is_heading: bool = False  # the paragraph is itself a section heading

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["section_path"] = list(self.section_path)
        return d


def _filling(cls: type[Any]) -> type:
    """A class with the slots of frozen dataclass ``cls`` and plain assignment. ``cls(...)`` sets
    each field through ``object.__setattr__``, which costs the reader microseconds per object;
    it fills one of these instead and turns it into the ``cls`` it is (same slots, same layout)."""
    return type(f"_{cls.__name__}Filling", (), {"__slots__": cls.__slots__})


_ParagraphFilling = _filling(Paragraph)


def new_paragraph(index: int, text: str, original_text: str, style_id: str | None, style_name: str | None,
                  heading_level: int | None, outline_level: int | None, num_id: int | None, ilvl: int | None,
                  label: str | None, run_in_title: str | None, in_table: bool, bold: bool, all_caps: bool,
                  mark: str, section_label: str | None, section_path: tuple[str, ...], heading: str | None,
                  is_heading: bool) -> Paragraph:
    """``Paragraph(...)`` of all its fields in order, built the fast way (see ``_filling``)."""
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


@dataclass(frozen=True, slots=True)
class Section:
    """A node of the section tree: a heading and the paragraphs up to the next one of its level."""

    label: str | None  # "7", "7.2", "(a)", "ARTICLE VII" or None for untitled runs
    title: str  # "Intellectual Property"
    level: int  # 1 = top
    start: int  # index of the heading paragraph
    end: int  # index of the last paragraph of the section (inclusive)
    children: tuple[Section, ...] = field(default=())

    @property
    def display(self) -> str:
        return f"{self.label} {self.title}".strip() if self.label else self.title


_SectionFilling = _filling(Section)


def new_section(label: str | None, title: str, level: int, start: int, end: int,
                children: tuple[Section, ...]) -> Section:
    """``Section(...)`` of all its fields in order, built the fast way (see ``_filling``)."""
    s = _SectionFilling()
    s.label = label
    s.title = title
    s.level = level
    s.start = start
    s.end = end
    s.children = children
    s.__class__ = Section
    return cast(Section, s)
