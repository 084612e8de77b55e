"""The section tree of a document and each paragraph's place in it.

A paragraph opens a section when it is a heading (a ``heading N`` style or a ``w:outlineLvl``),
an auto-numbered paragraph whose label looks like a section number ("7.2", "(a)", "Article V"),
a paragraph that starts with a typed number ("7.", "7.1.2", "(iv)", "ARTICLE VII", "Section 7"),
or a short bold or all-caps line without a final period (a title line).

Nesting is decided by *families* of numbers, the way a reader does it: each family (a heading
level, one list's levels, typed decimals, "(a)" letters, "(i)" numerals ...) nests below the
families already open the first time it appears, and a number of an open family closes every
section opened after it. Decimal depth ("7" < "7.1"), heading levels and list levels order their
own family. The pass is linear: one stack, one walk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Sequence

from .model import Paragraph, Section

_ROMAN = r"[ivxlcdm]{1,7}|[IVXLCDM]{1,7}"
TYPED_NUMBER = re.compile(
    r"^\s*(?:"
    r"(?P<kw>(?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause|PART|Part)\s+"
    r"(?P<kwnum>\d{1,3}(?:\.\d{1,3})*|" + _ROMAN + r"|[A-Z]))\b\.?"
    r"|(?P<dec>\d{1,3}(?:\.\d{1,3})*\.(?=\s|$)|\d{1,3}(?:\.\d{1,3})+(?=\s|$)|\d{1,3}(?=\t))"
    r"|(?P<paren>\((?:\d{1,3}|[a-zA-Z]{1,2}|" + _ROMAN + r")\))"
    r"|(?P<half>(?:\d{1,3}|[a-zA-Z]{1,2}|" + _ROMAN + r")\))(?=\s)"
    r"|(?P<dot>(?:[A-Z]|[IVXLC]{1,6})\.)(?=\s)"
    r")"
)
_SCHEDULE = re.compile(
    r"^\s*(?:SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|"
    r"Attachment|ADDENDUM|Addendum)\b"
)
_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})\s+(?=[A-Z])")
_TYPED_TITLE = re.compile(r"^([A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|or|the|to|for|in)){0,5})[.:](?:\s|$)")
_ROMAN_ONLY = re.compile(r"^(?:" + _ROMAN + r")$")
_TITLE_WORDS = 12
_SHORT_TITLE_WORDS = 8


@dataclass
class _Node:
    family: tuple
    level: int
    label: str | None
    title: str
    start: int
    end: int = -1
    children: list = field(default_factory=list)
    strong: bool = True  # numbered or heading-styled (title lines are weak)

    def display(self) -> str:
        return f"{self.label} {self.title}".strip() if self.label else self.title

    def freeze(self, depth: int) -> Section:
        kids = tuple(child.freeze(depth + 1) for child in self.children)
        return Section(self.label, self.title, depth, self.start, self.end, kids)


def _words(text: str, limit: int) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def _title(text: str, run_in: str | None) -> str:
    """The title of a section whose heading paragraph reads ``text`` (number removed)."""
    if run_in:
        return run_in
    text = text.strip()
    m = _TYPED_TITLE.match(text)
    if m:
        return m.group(1)
    first_line = text.split("\n", 1)[0].strip()
    if len(first_line.split()) <= _TITLE_WORDS:
        return first_line.rstrip(".:").strip()
    return _words(first_line, _SHORT_TITLE_WORDS)


def _clean_label(label: str) -> str:
    label = " ".join(label.split())
    return label[:-1] if label.endswith(".") and len(label) > 1 else label


def _letter_kind(token: str, previous: dict) -> str:
    """"alpha" or "roman" for "i", "v", "x" ... (a letter when it follows the letter before)."""
    lower = token.lower()
    if not _ROMAN_ONLY.match(token):
        return "alpha"
    if len(lower) == 1:
        prev = previous.get("alpha" + ("U" if token.isupper() else ""))
        if lower not in "ivx" or (prev and ord(prev.lower()) == ord(lower) - 1):
            return "alpha"
    return "roman"


class _Builder:
    def __init__(self):
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.last_letter: dict[str, str] = {}  # last letter of each letter family

    # -- classification ------------------------------------------------------------------

    def candidate(self, p: Paragraph) -> tuple[tuple, int, str | None, str, bool] | None:
        """``(family, level, label, title, strong)`` when ``p`` opens a section."""
        text = p.text.strip()
        if not text or p.mark == "deleted":
            return None
        typed = TYPED_NUMBER.match(text)
        rest = text[typed.end():] if typed else text
        label = p.label or (typed.group(0).strip() if typed else None)
        if label is None and (p.heading_level or p.bold):
            bare = _BARE_NUMBER.match(text)
            if bare and len(text.split()) <= _TITLE_WORDS:
                label, rest = bare.group(1), text[bare.end():]
        title = _title(rest if typed or not p.label else text, p.run_in_title)
        if label:
            family, level = self.family(label, p.ilvl if p.label else None)
            return family, level, _clean_label(label), title, True
        heading = p.heading_level or (p.outline_level + 1 if p.outline_level is not None else None)
        if heading:
            return ("H",), heading, None, title, True
        if p.in_table:
            return None  # cover-page and signature tables: their short lines are not headings
        if _SCHEDULE.match(text) and len(text.split()) <= _TITLE_WORDS:
            return ("schedule",), 0, None, _title(text, None), True
        if (p.bold or p.all_caps) and _is_title_line(text):
            return ("title",), 0, None, _title(text, None), False
        return None

    def family(self, label: str, ilvl: int | None) -> tuple[tuple, int]:
        """The family and level of a number, by its shape: "7.1" is a decimal of depth 2,
        "(iv)" a parenthesised Roman numeral. ``ilvl`` (auto-numbers only) deepens decimals
        whose text hides the levels above ("%2.")."""
        m = TYPED_NUMBER.match(label + "\t")
        deeper = 0 if ilvl is None else ilvl + 1
        if m is None:
            return ("label",), deeper
        if m.group("kw"):
            number = m.group("kwnum")
            depth = number.count(".") + 1 if number[0].isdigit() else 1
            return ("kw", m.group("kw").split()[0].lower()), depth
        if m.group("dec"):
            return ("dec",), max(m.group("dec").rstrip(".").count(".") + 1, deeper)
        token = (m.group("paren") or m.group("half") or m.group("dot")).strip()
        inner = token.strip("().").strip()
        shape = "(x)" if token.startswith("(") else token[-1]
        if inner.isdigit():
            return ("typed", shape, "digit"), 0
        kind = _letter_kind(inner, self.last_letter) + ("U" if inner.isupper() else "")
        if kind.startswith("alpha"):
            self.last_letter[kind] = inner[-1]
        return ("typed", shape, kind), 0

    # -- nesting ---------------------------------------------------------------------------

    def open(self, index: int, family: tuple, level: int, label, title: str, strong: bool):
        stack = self.stack
        cut = self._cut(family, level, strong)
        for node in stack[cut:]:
            node.end = index - 1
        del stack[cut:]
        node = _Node(family, level, label, title, index, strong=strong)
        (stack[-1].children if stack else self.roots).append(node)
        stack.append(node)
        return node

    def _cut(self, family: tuple, level: int, strong: bool) -> int:
        """How many open sections stay open above a new one of ``family``/``level``."""
        stack = self.stack
        if family == ("schedule",):
            return 0
        same = [i for i, node in enumerate(stack) if node.family == family]
        if same:
            shallower = [i for i in same if stack[i].level < level]
            if shallower:
                return shallower[-1] + 1
            return same[0]
        if family == ("H",) and level == 1:
            return 0
        cut = len(stack)
        if strong:
            while cut and not stack[cut - 1].strong:
                cut -= 1  # a numbered section closes the title lines open above it
        return cut

    def finish(self, last: int) -> list[Section]:
        for node in self.stack:
            node.end = last
        return [node.freeze(1) for node in self.roots]


def _is_title_line(text: str) -> bool:
    words = text.split()
    return (len(words) <= _TITLE_WORDS and not text.endswith((".", ";", ","))
            and any(c.isalpha() for c in text))


def _section_label(path: list[_Node]) -> str | None:
    """The innermost label; "(a)" under "7.2" reads "7.2(a)"."""
    labels = [node.label for node in path if node.label]
    if not labels:
        return None
    label = labels[-1]
    if label.startswith("(") and len(labels) > 1:
        return labels[-2] + label
    return label


SECTION_FIELDS = ("section_label", "section_path", "heading", "is_heading")
#: The other fields of a Paragraph, in order (the section fields come last).
READ_FIELDS = tuple(f.name for f in fields(Paragraph) if f.name not in SECTION_FIELDS)
_KEPT = attrgetter(*READ_FIELDS)


def build_sections(paragraphs: Sequence) -> tuple[list[Paragraph], list[Section]]:
    """The paragraphs with their section fields filled in, and the top-level sections.

    ``paragraphs`` are :class:`Paragraph` objects, or anything with their ``READ_FIELDS`` (the
    reader passes named tuples, so that each paragraph is built only once)."""
    builder = _Builder()
    out: list[Paragraph] = []
    label, path, heading = None, (), None  # of the open sections: change only when one opens
    for p in paragraphs:
        found = builder.candidate(p)
        if found is not None:
            builder.open(p.index, *found)
            stack = builder.stack
            label = _section_label(stack)
            path = tuple(node.display() for node in stack)
            heading = stack[-1].title
        out.append(Paragraph(*_KEPT(p), section_label=label, section_path=path, heading=heading,
                             is_heading=found is not None))
    return out, builder.finish(len(paragraphs) - 1)
