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
from types import SimpleNamespace

from .fast import new_section
from .model import Section

_ROMAN = r"[ivxlcdm]{1,7}|[IVXLCDM]{1,7}"
TYPED_NUMBER = re.compile(
    r"^\s*(?:"
    r"(?P<kw>(?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause|PART|Part)\s+"
    r"(?P<kwnum>\d{1,3}(?:\.\d{1,3})*|" + _ROMAN + r"|[A-Z]))\b\.?"
    r"|(?P<dec>\d{1,3}(?:\.\d{1,3})*[A-Z]?\.(?=\s|$)|\d{1,3}(?:\.\d{1,3})+[A-Z]?(?=\s|$)|\d{1,3}[A-Z]?(?=\t))"
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
Family = tuple[str, ...]  # ("dec",), ("typed", "(x)", "alpha"), ("H",) ...
_SHORT_TITLE_WORDS = 8


class _Node:
    """An open or closed section while the tree is built; ``path`` and ``section_label`` are
    what its paragraphs carry."""

    __slots__ = (
        "children",
        "end",
        "family",
        "inner",
        "label",
        "level",
        "path",
        "section_label",
        "start",
        "strong",
        "title",
    )

    path: tuple[str, ...]

    def __init__(
        self, family: Family, level: int, label: str | None, title: str, start: int, strong: bool, parent: _Node | None
    ) -> None:
        self.family, self.level, self.label, self.title = family, level, label, title
        self.start, self.end, self.strong = start, -1, strong
        self.children: list[_Node] = []
        display = f"{label} {title}".strip() if label else title
        if parent is None:
            self.inner, self.section_label, self.path = label, label, (display,)
        else:
            # The innermost label; "(a)" under "7.2" reads "7.2(a)".
            self.inner = label or parent.inner
            self.section_label = (
                parent.section_label
                if label is None
                else (parent.inner + label if label.startswith("(") and parent.inner else label)
            )
            self.path = (*parent.path, display)

    def freeze(self, depth: int) -> Section:
        kids = tuple([child.freeze(depth + 1) for child in self.children])
        return new_section(self.label, self.title, depth, self.start, self.end, kids)


def freeze(roots: list[_Node]) -> list[Section]:
    """The top-level sections of :meth:`Sections.finish` as :class:`Section` trees."""
    return [node.freeze(1) for node in roots]


# The place of the paragraphs before the first section.
OUTSIDE = SimpleNamespace(section_label=None, path=(), title=None)


def _at_most(text: str, count: int) -> bool:
    """``len(text.split()) <= count``, without splitting a long paragraph into all its words."""
    return len(text.split(None, count)) <= count


def _words(text: str, limit: int) -> str:
    words = text.split(None, limit)  # the first ``limit`` words, and the rest in one piece if any
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def _title(text: str) -> str:
    """The title of a section whose heading paragraph reads ``text`` (number removed) and has
    no run-in title."""
    text = text.strip()
    m = _TYPED_TITLE.match(text)
    if m:
        return m.group(1)
    first_line = text.split("\n", 1)[0].strip()
    if _at_most(first_line, _TITLE_WORDS):
        return first_line.rstrip(".:").strip()
    return _words(first_line, _SHORT_TITLE_WORDS)


def _clean_label(label: str) -> str:
    label = " ".join(label.split())
    return label[:-1] if label.endswith(".") and len(label) > 1 else label


def _letter_kind(token: str, previous: dict[str, str]) -> str:
    """ "alpha" or "roman" for "i", "v", "x" ... (a letter when it follows the letter before)."""
    lower = token.lower()
    if not _ROMAN_ONLY.match(token):
        return "alpha"
    if len(lower) == 1:
        prev = previous.get("alpha" + ("U" if token.isupper() else ""))
        if lower not in "ivx" or (prev and ord(prev.lower()) == ord(lower) - 1):
            return "alpha"
    return "roman"


class Sections:
    """Builds the section tree while the paragraphs are read, in document order: for each
    paragraph, ``candidate`` tells whether it opens a section and ``open`` opens it.

    ``current`` is the section opened last (``OUTSIDE`` before the first one): its
    ``section_label``, ``path`` and ``title`` are the section fields of the paragraphs read since.
    """

    def __init__(self) -> None:
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.current: _Node | SimpleNamespace = OUTSIDE
        self.last_letter: dict[str, str] = {}  # last letter of each letter family

    def finish(self, last: int) -> list[_Node]:
        """The top-level sections, once ``last`` (the index of the last paragraph) is added, as
        built (:func:`freeze` gives them as :class:`Section`)."""
        for node in self.stack:
            node.end = last
        return self.roots

    # -- classification ------------------------------------------------------------------

    def candidate(
        self,
        text: str,
        mark: str,
        auto: str | None,
        ilvl: int | None,
        heading_level: int | None,
        outline_level: int | None,
        bold: bool,
        all_caps: bool,
        run_in_title: str | None,
        in_table: bool,
    ) -> tuple[Family, int, str | None, str, bool] | None:
        """``(family, level, label, title, strong)`` when the paragraph opens a section
        (``auto`` is its auto-number label)."""
        text = text.strip()
        if not text or mark == "deleted":
            return None
        if auto:  # the auto-number is the label; a typed number in the text only shortens the title
            if not run_in_title:
                typed = TYPED_NUMBER.match(text)
                run_in_title = _title(text[typed.end() :] if typed else text)
            family, level = self.family(auto, ilvl)
            return family, level, _clean_label(auto), run_in_title, True
        typed = TYPED_NUMBER.match(text)
        rest = text[typed.end() :] if typed else text
        label = auto or (typed.group(0).strip() if typed else None)
        if label is None and (heading_level or bold):
            bare = _BARE_NUMBER.match(text)
            if bare and _at_most(text, _TITLE_WORDS):
                label, rest = bare.group(1), text[bare.end() :]
        heading = None if label else heading_level or (outline_level + 1 if outline_level is not None else None)
        if label or heading:
            title = run_in_title or _title(rest if typed or not auto else text)
            if label:
                family, level = self.family(label, ilvl if auto else None)
                return family, level, _clean_label(label), title, True
            return ("H",), heading or 0, None, title, True  # heading is set: label is not
        if in_table:
            return None  # cover-page and signature tables: their short lines are not headings
        if _SCHEDULE.match(text) and _at_most(text, _TITLE_WORDS):
            return ("schedule",), 0, None, _title(text), True
        if (bold or all_caps) and _is_title_line(text):
            return ("title",), 0, None, _title(text), False
        return None

    def family(self, label: str, ilvl: int | None) -> tuple[Family, int]:
        """The family and level of a number, by its shape: "7.1" is a decimal of depth 2,
        "(iv)" a parenthesised Roman numeral. ``ilvl`` (auto-numbers only) deepens decimals
        whose text hides the levels above ("%2.")."""
        m = TYPED_NUMBER.match(label + "\t")
        deeper = 0 if ilvl is None else ilvl + 1
        if m is None:
            return ("label",), deeper
        shape = m.lastgroup  # the alternative that matched
        assert shape is not None  # every alternative of TYPED_NUMBER is a named group
        if shape == "kw":
            number = m.group("kwnum")
            depth = number.count(".") + 1 if number[0].isdigit() else 1
            return ("kw", m.group("kw").split()[0].lower()), depth
        if shape == "dec":
            return ("dec",), max(m.group("dec").rstrip(".").count(".") + 1, deeper)
        token = m.group(shape).strip()
        inner = token.strip("().").strip()
        shape = "(x)" if token.startswith("(") else token[-1]
        if inner.isdigit():
            return ("typed", shape, "digit"), 0
        kind = _letter_kind(inner, self.last_letter) + ("U" if inner.isupper() else "")
        if kind.startswith("alpha"):
            self.last_letter[kind] = inner[-1]
        return ("typed", shape, kind), 0

    # -- nesting ---------------------------------------------------------------------------

    def open(self, index: int, family: Family, level: int, label: str | None, title: str, strong: bool) -> _Node:
        """Open the section headed by paragraph ``index`` (a ``candidate``'s answer)."""
        stack = self.stack
        cut = self._cut(family, level, strong)
        while len(stack) > cut:
            stack.pop().end = index - 1
        parent = stack[-1] if stack else None
        node = _Node(family, level, label, title, index, strong, parent)
        (parent.children if parent else self.roots).append(node)
        stack.append(node)
        self.current = node
        return node

    def _cut(self, family: Family, level: int, strong: bool) -> int:
        """How many open sections stay open above a new one of ``family``/``level``: below the
        deepest shallower section of the same family, else in place of its first section."""
        stack = self.stack
        if family == ("schedule",):
            return 0
        same = shallower = None
        for i, node in enumerate(stack):
            if node.family == family:
                if same is None:
                    same = i
                if node.level < level:
                    shallower = i
        if shallower is not None:
            return shallower + 1
        if same is not None:
            return same
        if family == ("H",) and level == 1:
            return 0
        cut = len(stack)
        if strong:
            while cut and not stack[cut - 1].strong:
                cut -= 1  # a numbered section closes the title lines open above it
        return cut


def _is_title_line(text: str) -> bool:
    return _at_most(text, _TITLE_WORDS) and not text.endswith((".", ";", ",")) and any(c.isalpha() for c in text)
