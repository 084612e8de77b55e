"""Typed clause numbers kept unique around inserted clauses. Pure text, no XML.

A clause inserted after a paragraph with a typed number ("7.3<TAB>Licence ...") takes the next
number ("7.4", see :func:`noai.ooxml.revisions.insert_paragraphs_after`). Where the anchor is not
the last of its list, typed siblings follow ("7.4", "7.5") and would then appear twice.
:func:`renumbering` says what changes so that they do not: every following sibling of the same
list moves up by the number of clauses inserted before it ("7.4" -> "7.5"), so do the typed
numbers under them ("7.4.1" -> "7.5.1"), and so do the document's typed cross-references to any
of them ("Section 7.4", "clauses 7.4 and 7.5(b)", "7.3(c)" when the "(c)" item moves). The writer
makes these changes as tracked replacements.

A list is followed the way a reader follows it: from the anchor, each next sibling is the next
number of the same list ("7.4" after "7.3", "(d)" after "(c)"); numbers of deeper lists in
between ("(a)" items under "7.4", "7.4.1") are passed over; a number of the same or a higher
level that does not continue the list ("8.", "8.1" under "7.3", a list starting again at "1.")
ends it. References are renumbered only where the number they name is the typed number of
exactly one paragraph (a number used twice, in a schedule and in the terms, is left alone).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .revisions import _label_value, next_numbers, typed_number_span


@dataclass(frozen=True, slots=True)
class TextChange:
    """Replace ``old`` at ``[start, end)`` of the current text of paragraph ``index`` by ``new``;
    ``reference`` tells a cross-reference from a paragraph's own number."""

    index: int
    start: int
    end: int
    old: str
    new: str
    reference: bool = False


@dataclass(frozen=True, slots=True)
class _Number:
    start: int
    end: int
    raw: str
    parts: tuple[int, ...] | None  # a decimal number's components: "7.4." -> (7, 4)
    kind: tuple[str, str, str] | None  # any other: (opening, w:numFmt, closing): "(c)" -> ("(", "lowerLetter", ")")


_DECIMAL = re.compile(r"(\d+(?:\.\d+)*)\.?")
_LABEL = re.compile(r"(\(?)(\d+|[A-Za-z]+)(\.?\)?)")
# Lists nest in this order, below every decimal level: (1), (a), (i), (A), (I).
_RANKS = {"decimal": 100, "lowerLetter": 101, "lowerRoman": 102, "upperLetter": 103, "upperRoman": 104}


def _number(text: str) -> _Number | None:
    span = typed_number_span(text)
    if span is None:
        return None
    raw = text[span[0]:span[1]]
    if m := _DECIMAL.fullmatch(raw):
        return _Number(*span, raw, tuple(int(x) for x in m[1].split(".")), None)
    m = _LABEL.fullmatch(raw)
    found = _label_value(m[2]) if m else None
    if found is None:
        return None
    return _Number(*span, raw, None, (m[1], found[1], m[3]))


def _rank(n: _Number) -> int:
    return len(n.parts) if n.parts is not None else _RANKS.get(n.kind[1], 100)


def _follows(previous: _Number, n: _Number) -> bool:
    """``n`` is the number after ``previous`` in the same list."""
    if previous.parts is not None or n.parts is not None:
        return (previous.parts is not None and n.parts is not None and len(n.parts) == len(previous.parts)
                and n.parts[:-1] == previous.parts[:-1] and n.parts[-1] == previous.parts[-1] + 1)
    following = next_numbers(previous.raw, 1)
    return following is not None and following[0] == n.raw


def _under(n: _Number, parent: _Number) -> bool:
    """``n`` is a decimal number below ``parent`` ("7.4.1" under "7.4")."""
    return (n.parts is not None and parent.parts is not None and len(n.parts) > len(parent.parts)
            and n.parts[:len(parent.parts)] == parent.parts)


def _following(numbers: Sequence[_Number | None], anchor: int) -> tuple[list[int], list[int]]:
    """The paragraphs of the siblings after ``anchor`` in its list, and of the decimal numbers
    under those siblings."""
    first = previous = numbers[anchor]
    siblings: list[int] = []
    below: list[int] = []
    for j in range(anchor + 1, len(numbers)):
        n = numbers[j]
        if n is None:
            continue
        if _follows(previous, n):
            siblings.append(j)
            previous = n
        elif _under(n, previous):
            if siblings:
                below.append(j)
        elif (n.parts is not None and first.parts is not None) or _rank(n) <= _rank(first) \
                or n.kind == first.kind:
            break
    return siblings, below


def renumbering(texts: Sequence[str], inserted: Mapping[int, int]) -> list[TextChange]:
    """The changes that keep typed numbers unique when ``inserted[i]`` clauses, numbered on from
    paragraph ``i``'s typed number, are inserted right after paragraph ``i`` (``texts`` are the
    current texts of the document's paragraphs). Anchors without a typed number are left out.
    Sorted by paragraph and offset."""
    numbers = [_number(text) for text in texts]
    by_part: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))  # paragraph -> component -> shift
    by_value: dict[int, int] = defaultdict(int)  # paragraph -> shift of a non-decimal label
    letter_parents: dict[int, str] = {}  # paragraph of a "(c)" item -> the decimal number it is under
    for anchor, count in sorted(inserted.items()):
        first = numbers[anchor] if 0 <= anchor < len(numbers) else None
        if first is None or count <= 0:
            continue
        siblings, below = _following(numbers, anchor)
        if first.parts is not None:
            for j in siblings + below:
                by_part[j][len(first.parts) - 1] += count
        else:
            parent = next((n for n in reversed(numbers[:anchor]) if n is not None and n.parts is not None), None)
            for j in siblings:
                by_value[j] += count
                if parent is not None and first.kind[0] == "(":
                    letter_parents[j] = ".".join(map(str, parent.parts))
    changes: list[TextChange] = []
    decimals: dict[tuple[int, ...], tuple[int, ...]] = {}
    labels: dict[str, str] = {}  # "7.3(c)" -> "(d)"
    for j in sorted(set(by_part) | set(by_value)):
        n = numbers[j]
        if n.parts is not None:
            parts = list(n.parts)
            for position, shift in by_part[j].items():
                parts[position] += shift
            values = iter(parts)
            new = re.sub(r"\d+", lambda _: str(next(values)), n.raw)
            decimals[n.parts] = tuple(parts)
        else:
            new = next_numbers(n.raw, by_value[j])[-1]
            if j in letter_parents:
                labels[letter_parents[j] + n.raw] = new
        changes.append(TextChange(j, n.start, n.end, n.raw, new))
    used = Counter(n.parts for n in numbers if n is not None and n.parts is not None)
    decimals = {old: new for old, new in decimals.items() if used[old] == 1}
    if decimals or labels:
        changes += _references(texts, decimals, labels)
    return sorted(changes, key=lambda c: (c.index, c.start))


# "Section 7.4", "clauses 7.4 and 7.5(b)", "Sections 3 to 5", "§ 12", "Ziffer 4.2"
_KEYWORD = (r"(?:(?:[Ss]ub-?)?(?:[Ss]ections?|[Cc]lauses?|[Pp]aragraphs?|[Aa]rticles?)|SUB-?CLAUSES?|SECTIONS?|"
            r"CLAUSES?|PARAGRAPHS?|ARTICLES?|§§?|Ziffern?|Abschnitte?|Artikel|[Aa]rticles?)")
_REF_NUMBER = r"\d+(?:\.\d+)*(?:\([A-Za-z0-9]{1,5}\))*"
_REFERENCE = re.compile(rf"(?<!\w){_KEYWORD}\s*{_REF_NUMBER}"
                        rf"(?:\s*(?:,|;|and/or|and|or|to|through|-|–|—|und|bis)\s*{_REF_NUMBER})*")
_REF_PARTS = re.compile(r"(\d+(?:\.\d+)*)((?:\([A-Za-z0-9]{1,5}\))*)")


def _renamed(number: str, decimals: Mapping[tuple[int, ...], tuple[int, ...]], labels: Mapping[str, str]) -> str:
    """A referenced number as it reads after the renumbering ("7.4(b)" -> "7.5(b)")."""
    m = _REF_PARTS.fullmatch(number)
    old = tuple(int(x) for x in m[1].split("."))
    new = old
    for length in range(len(old), 0, -1):  # "7.4.2" moves with "7.4"
        if old[:length] in decimals:
            new = decimals[old[:length]] + old[length:]
            break
    suffix = m[2]
    first = re.match(r"\([^)]*\)", suffix)
    if first and (label := labels.get(m[1] + first[0])):
        suffix = label + suffix[first.end():]
    return ".".join(map(str, new)) + suffix


def _references(texts: Sequence[str], decimals, labels) -> list[TextChange]:
    out = []
    for index, text in enumerate(texts):
        if not any(ch.isdigit() for ch in text):
            continue
        for ref in _REFERENCE.finditer(text):
            for m in re.finditer(_REF_NUMBER, ref[0]):
                new = _renamed(m[0], decimals, labels)
                if new != m[0]:
                    start = ref.start() + m.start()
                    out.append(TextChange(index, start, start + len(m[0]), m[0], new, reference=True))
    return out
