"""The document model the analysis works on: plain, immutable data, no XML.

:class:`Paragraph` ``i`` is the ``i``-th item of Word's ``body.paragraphs``: every ``w:p`` of
the main story (``word/document.xml``) in document order, including paragraphs inside table
cells and block content controls (``w:sdt``). Left out, as Word leaves them out of
``body.paragraphs``: paragraphs of text boxes (``w:txbxContent``) and of the VML fallback of
``mc:AlternateContent``, headers, footers, footnotes, endnotes and comments.

The reader builds them with the fast constructors of :mod:`noai.ooxml.fast`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
