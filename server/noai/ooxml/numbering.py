"""Numbering (``word/numbering.xml``): the label a reader sees in front of a paragraph.

A paragraph's ``w:numPr`` names a numbering instance (``w:num``, by ``w:numId``) and a level
(``w:ilvl``). The instance points at an abstract definition (``w:abstractNum``) whose levels
(``w:lvl``) give the format (``w:numFmt``), the text (``w:lvlText``, "%1.%2"), the start value
(``w:start``), when the level restarts (``w:lvlRestart``) and whether shallower numbers are shown
as Arabic numerals (``w:isLgl``). An instance may override levels (``w:lvlOverride``: a whole
``w:lvl`` or just ``w:startOverride``). An abstract definition with ``w:numStyleLink`` takes its
levels from the numbering style of that name (whose own ``w:abstractNum`` has ``w:styleLink``).

Counting, as Word does it: the counters belong to the abstract definition, so every instance
of the same ``w:abstractNum`` continues the same sequence; the first paragraph of an instance
that has a ``w:startOverride`` restarts the overridden levels. A level restarts when a
shallower level is used (or only the levels ``w:lvlRestart`` names; ``0`` = never).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from .ns import W
from .styles import VAL, Styles, on_off

if TYPE_CHECKING:
    from lxml.etree import _Element

_W = "{%s}" % W
LEVELS = 9
BULLET = "bullet"
_MAX_LINKS = 8
_D = TypeVar("_D", int, None)
# A piece of a label template: literal text, or (0-based level, format, value when unset).
Part = str | tuple[int, Callable[[int], str], int]


@dataclass(frozen=True, slots=True)
class Level:
    """One ``w:lvl``: format, text, start value, restart level, legal numbering, linked style."""

    fmt: str = "decimal"
    text: str | None = None  # None: no w:lvlText, Word shows nothing
    start: int = 1
    restart: int | None = None  # w:lvlRestart (1-based level; 0 = never); None = default
    is_lgl: bool = False
    style: str | None = None  # w:pStyle: the paragraph style that uses this level
    left: int | None = None  # w:pPr/w:ind's left (or start) indent, in twips: where the numbered text starts

    @classmethod
    def of(cls, lvl: _Element) -> Level:
        def val(name: str) -> str | None:
            el = lvl.find(_W + name)
            return None if el is None else el.get(VAL)

        ind = lvl.find(f"{_W}pPr/{_W}ind")
        left = None if ind is None else ind.get(_W + "left", ind.get(_W + "start"))
        return cls(
            fmt=val("numFmt") or "decimal",
            text=val("lvlText"),
            start=_int(val("start"), 1),
            restart=_int(val("lvlRestart"), None),
            is_lgl=bool(on_off(lvl.find(_W + "isLgl"))),
            style=val("pStyle"),
            left=_int(left, None),
        )


@dataclass(frozen=True, slots=True)
class Instance:
    """A ``w:num`` with its levels resolved: ``counter`` names the shared sequence.

    Worked out once per instance: ``resets[i]``, the deeper levels that restart when level ``i``
    is used, and ``parts[i]``, the label template of level ``i`` (None: no label).
    """

    counter: str
    levels: tuple[Level | None, ...]
    starts: dict[int, int]  # ilvl -> w:startOverride
    resets: tuple[tuple[int, ...], ...]
    parts: tuple[tuple[Part, ...] | None, ...]

    @classmethod
    def of(cls, counter: str, levels: tuple[Level | None, ...], starts: dict[int, int]) -> Instance:
        resets = tuple(
            tuple(deeper for deeper in range(ilvl + 1, LEVELS) if ilvl < _restart(deeper, levels[deeper]))
            for ilvl in range(LEVELS)
        )
        return cls(counter, levels, starts, resets, tuple(_parts(i, levels) for i in range(LEVELS)))


def _restart(ilvl: int, level: Level | None) -> int:
    """The level below which level ``ilvl`` restarts when used (0 = never): by default the
    level right above it."""
    return ilvl if level is None or level.restart is None else level.restart


def _parts(ilvl: int, levels: tuple[Level | None, ...]) -> tuple[Part, ...] | None:
    """``w:lvlText`` of level ``ilvl`` as literal text and ``(level, format, value when
    unset)`` triples; with ``w:isLgl`` the shallower levels show as Arabic numerals ("Section
    4.01" under "Article IV"). None when the level shows no label (bullets and levels without
    text)."""
    level = levels[ilvl]
    if level is None or level.fmt == BULLET or level.fmt == "none" or not level.text:
        return None
    parts: list[Part] = []
    for part in _template(level.text):
        if isinstance(part, str):
            parts.append(part)
        else:
            lvl = levels[part] or Level()
            fmt = "decimal" if level.is_lgl and part != ilvl else lvl.fmt
            parts.append((part, _FORMATS.get(fmt, str), lvl.start - 1))
    return tuple(parts)


def _int(value: str | None, default: _D) -> int | _D:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _levels(abstract: _Element) -> list[Level | None]:
    levels: list[Level | None] = [None] * LEVELS
    for lvl in abstract.iterchildren(_W + "lvl"):
        i = _int(lvl.get(_W + "ilvl"), -1)
        if 0 <= i < LEVELS:
            levels[i] = Level.of(lvl)
    return levels


class Numbering:
    """The numbering definitions of a document; ``instance(num_id)`` is cached."""

    def __init__(self, root: _Element | None = None, styles: Styles | None = None) -> None:
        self._styles = styles or Styles()
        self._abstract: dict[str | None, _Element] = {}
        self._num: dict[int, _Element] = {}
        self._cache: dict[int, Instance | None] = {}
        if root is None:
            return
        for el in root.iterchildren(_W + "abstractNum"):
            self._abstract.setdefault(el.get(_W + "abstractNumId"), el)
        for el in root.iterchildren(_W + "num"):
            num_id = _int(el.get(_W + "numId"), None)
            if num_id is not None:
                self._num.setdefault(num_id, el)

    def instance(self, num_id: int) -> Instance | None:
        """The levels of ``w:num`` ``num_id`` with overrides applied (None if undefined)."""
        if num_id not in self._cache:
            self._cache[num_id] = self._instance(num_id, 0)
        return self._cache[num_id]

    def _abstract_of(self, num_id: int, depth: int) -> tuple[str | None, _Element | None]:
        """``(abstractNumId, w:abstractNum)`` of an instance, following ``w:numStyleLink``."""
        num = self._num.get(num_id)
        if num is None:
            return None, None
        ref = num.find(_W + "abstractNumId")
        abstract_id = None if ref is None else ref.get(VAL)
        abstract = self._abstract.get(abstract_id)
        link = None if abstract is None else abstract.find(_W + "numStyleLink")
        if link is not None and depth < _MAX_LINKS:
            style = self._styles.resolve(link.get(VAL))
            if style is not None and style.num_id and style.num_id != num_id:
                linked_id, linked = self._abstract_of(style.num_id, depth + 1)
                if linked is not None:
                    return linked_id, linked
        return abstract_id, abstract

    def _instance(self, num_id: int, depth: int) -> Instance | None:
        abstract_id, abstract = self._abstract_of(num_id, depth)
        if abstract is None:
            return None
        levels = _levels(abstract)
        starts: dict[int, int] = {}
        for override in self._num[num_id].iterchildren(_W + "lvlOverride"):
            i = _int(override.get(_W + "ilvl"), -1)
            if not 0 <= i < LEVELS:
                continue
            lvl = override.find(_W + "lvl")
            if lvl is not None:
                level = levels[i] = Level.of(lvl)
                starts[i] = level.start
            start = override.find(_W + "startOverride")
            if start is not None:
                starts[i] = _int(start.get(VAL), 1)
        return Instance.of(str(abstract_id), tuple(levels), starts)

    def left(self, num_id: int, ilvl: int) -> int | None:
        """The left indent (twips) level ``ilvl`` of ``num_id`` gives its text, if it says."""
        inst = self.instance(num_id)
        level = inst.levels[ilvl] if inst is not None and 0 <= ilvl < len(inst.levels) else None
        return None if level is None else level.left

    def style_level(self, num_id: int, style_id: str | None) -> int:
        """The level of ``num_id`` whose ``w:pStyle`` is ``style_id`` (0 if none is)."""
        inst = self.instance(num_id)
        if inst is not None and style_id is not None:
            for i, level in enumerate(inst.levels):
                if level is not None and level.style == style_id:
                    return i
        return 0


class Counter:
    """Counts numbered paragraphs in document order and formats their labels.

    One ``Counter`` per reading of a document; ``label(num_id, ilvl)`` must be called for every
    numbered paragraph in order. Each call is O(levels).
    """

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._counts: dict[str, list[int | None]] = {}
        self._seen: set[int] = set()

    def label(self, num_id: int, ilvl: int) -> tuple[bool, str | None]:
        """``(is_list_item, label)`` of the next paragraph numbered ``num_id``/``ilvl``.

        A bullet, or a level without text, is a list item without a label.
        """
        inst = self._numbering.instance(num_id) if num_id else None
        ilvl = min(max(ilvl, 0), LEVELS - 1)
        level = None if inst is None else inst.levels[ilvl]
        if inst is None or level is None:
            return False, None
        counts = self._counts.get(inst.counter)
        if counts is None:
            counts = self._counts[inst.counter] = [None] * LEVELS
        if num_id not in self._seen:
            self._seen.add(num_id)
            for i, start in inst.starts.items():
                counts[i] = start - 1
        count = counts[ilvl]
        counts[ilvl] = level.start if count is None else count + 1
        for deeper in inst.resets[ilvl]:
            counts[deeper] = None
        parts = inst.parts[ilvl]
        return True, None if parts is None else _render(parts, counts) or None


def _render(parts: tuple[Part, ...], counts: list[int | None]) -> str:
    """A label: the ``Instance.parts`` of a level with the counters filled in."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            ilvl, fmt, unset = part
            value = counts[ilvl]
            out.append(fmt(unset if value is None else value))
    return "".join(out).strip()


@lru_cache(maxsize=256)
def _template(text: str) -> tuple[str | int, ...]:
    """``w:lvlText`` split into literal text and 0-based level numbers: "%1.%2)" -> (0, ".", 1, ")")."""
    parts: list[str | int] = []
    literal = 0
    i = 0
    while i < len(text):
        if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            if literal < i:
                parts.append(text[literal:i])
            parts.append(int(text[i + 1]) - 1)
            i += 2
            literal = i
        else:
            i += 1
    if literal < len(text):
        parts.append(text[literal:])
    return tuple(parts)


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(n: int) -> str:
    """Lower-case Roman numeral of ``n`` (1-3999; other values as Arabic numerals)."""
    if not 0 < n < 4000:
        return str(n)
    out: list[str] = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    """Word's letters: a..z, then aa..zz, then aaa..."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _decimal_zero(n: int) -> str:
    return f"{n:02d}" if 0 <= n < 10 else str(n)


def _nothing(n: int) -> str:
    return ""


# w:numFmt -> how a number shows; formats we do not spell out fall back to decimal (str).
_FORMATS: dict[str, Callable[[int], str]] = {
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
    "decimalZero": _decimal_zero,
    "ordinal": _ordinal,
    "decimalEnclosedParen": "({})".format,
    "bullet": _nothing,
    "none": _nothing,
}


def format_number(n: int, fmt: str) -> str:
    """``n`` in ``w:numFmt`` ``fmt``; formats we do not spell out fall back to decimal."""
    return _FORMATS.get(fmt, str)(n)
