"""Typed clause numbers kept unique around inserted clauses. Pure text, no XML.

A clause inserted after a paragraph with a typed number ("7.3<TAB>Licence ...") takes the next
number ("7.4", see :func:`noai.ooxml.revisions.insert_paragraphs_after`). Where the anchor is not
the last of its list, typed siblings follow ("7.4", "7.5") and would then appear twice. A typed
decimal anchor then gives its clauses lettered numbers, as a drafter does ("7.3A", "7.3B"; "5A."
after "5."): nothing else changes. Otherwise (a list label "(c)", Word's automatic numbers, no free
letter) :func:`renumbering` says what changes so that they do not: every following sibling of the same
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
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, NamedTuple

from .numbering import format_number
from .revisions import _TYPED_NUMBER, _label_value, typed_number_span


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
    automatic: bool = False  # a number Word shows by itself (automatic numbering): it moves without an edit


class _Number(NamedTuple):
    """A typed number: a decimal one ("7.4." -> ``parts`` (7, 4)) or a list label ("(c)" ->
    ``opening`` "(", ``fmt`` lowerLetter, ``value`` 3, ``closing`` ")"; ``parts`` empty). A named tuple: a
    document's numbers are read by the thousand, and a tuple is made several times faster than a frozen
    dataclass."""

    start: int
    end: int
    raw: str
    parts: tuple[int, ...] = ()
    opening: str = ""
    fmt: str = "decimal"
    closing: str = ""
    value: int = 0
    suffix: str = ""  # a decimal number's letter: "5A." (a clause inserted after "5.") -> "A"

    def label(self, value: int) -> str:
        """The label ``value`` of this list, written as this one is."""
        return self.opening + format_number(value, self.fmt) + self.closing

    def same_brackets(self, other: _Number) -> bool:
        return (self.opening, self.closing) == (other.opening, other.closing)


_DECIMAL = re.compile(r"(\d+(?:\.\d+)*)([A-Z]?)\.?")
_LABEL = re.compile(r"(\(?)(\d+|[A-Za-z]+)(\.?\)?)")
# Lists nest in this order, below every decimal level: (1), (a), (i), (A), (I).
_RANKS = {"decimal": 100, "lowerLetter": 101, "lowerRoman": 102, "upperLetter": 103, "upperRoman": 104}


_UNREAD: Any = object()


def _number(text: str) -> _Number | None:
    span = typed_number_span(text)
    if span is None:
        return None
    raw = text[span[0] : span[1]]
    if m := _DECIMAL.fullmatch(raw):
        return _Number(*span, raw, tuple(int(x) for x in m[1].split(".")), suffix=m[2])
    m = _LABEL.fullmatch(raw)
    found = _label_value(m[2]) if m else None
    if m is None or found is None:
        return None
    return _Number(*span, raw, (), m[1], found[1], m[3], found[0])


_NEW_NUMBER = tuple.__new__
_DECIMAL_REST = ("", "decimal", "", 0, "")  # _Number's defaults after ``parts``
_SHOWN_DECIMAL = re.compile(r"(\d+(?:\.\d+)+)\.?|(\d+)\.")  # "1.7", "1.7.", "7.": what _number reads as decimals


def _shown_number(label: str) -> _Number | None:
    """The number of an automatic label Word shows ("1.7", "(c)"), at offset 0: ``_number(label + " x")``
    with ``start`` and ``end`` 0; a decimal one read directly (a list's labels are read by the thousand)."""
    label = label.strip()
    if m := _SHOWN_DECIMAL.fullmatch(label):  # made by tuple.__new__ (in C), with the fields' defaults
        return _NEW_NUMBER(_Number, (0, 0, label, tuple(map(int, (m[1] or m[2]).split("."))), *_DECIMAL_REST))
    found = _number(label + " x")
    return (
        None
        if found is None
        else _Number(0, 0, found.raw, found.parts, found.opening, found.fmt, found.closing, found.value)
    )


def shown_back(label: str) -> str | None:
    """The automatic label Word shows one place back in its list ("(d)" -> "(c)", "2.4" -> "2.3"), as a paragraph
    before it in its list goes; None for a label that is first or not read."""
    n = _shown_number(label)
    if n is None:
        return None
    if n.parts:
        return _written(n.raw, (*n.parts[:-1], n.parts[-1] - 1)) if n.parts[-1] > 1 and not n.suffix else None
    return n.label(n.value - 1) if n.value > 1 else None


def _rank(n: _Number) -> int:
    return len(n.parts) if n.parts else _RANKS.get(n.fmt, 100)


def _follows(previous: _Number, n: _Number) -> bool:
    """``n`` is the number after ``previous`` in the same list ("6." or "5A." after "5.", "6." after "5A.")."""
    if previous.parts or n.parts:
        if n.parts == previous.parts and n.suffix:  # "5A." after "5.", "5B." after "5A."
            return n.suffix == (chr(ord(previous.suffix) + 1) if previous.suffix else "A")
        return (
            len(n.parts) == len(previous.parts) > 0
            and n.parts[:-1] == previous.parts[:-1]
            and n.parts[-1] == previous.parts[-1] + 1
            and not n.suffix
        )
    return previous.label(previous.value + 1) == n.raw


def _under(n: _Number, parent: _Number) -> bool:
    """``n`` is a decimal number below ``parent`` ("7.4.1" under "7.4")."""
    return len(n.parts) > len(parent.parts) > 0 and n.parts[: len(parent.parts)] == parent.parts


def _first(numbers: Sequence[_Number | None], anchor: int, first: _Number) -> _Number:
    """The anchor's number, "(i)" read as a letter when the item before it is "(h)"."""
    if not first.parts and first.raw.strip("().").lower() == "i":
        letter = first._replace(fmt=first.fmt.replace("Roman", "Letter"), value=9)
        before = next(
            (n for n in reversed(numbers[:anchor]) if n is not None and not n.parts and n.same_brackets(first)), None
        )
        if before is not None and "Letter" in before.fmt and _follows(before, letter):
            return letter
    return first


def _written(raw: str, parts: Sequence[int]) -> str:
    """The decimal number ``raw`` with its components replaced: "7.4." and (7, 5) -> "7.5."."""
    digits = re.split(r"(\d+)", raw)  # "7.4." -> ["", "7", ".", "4", "."]
    digits[1::2] = map(str, parts)
    return "".join(digits)


def _following(
    numbers: Sequence[_Number | None], anchor: int, first: _Number
) -> tuple[list[tuple[int, _Number]], list[int]]:
    """The siblings after ``anchor`` (number ``first``, as :func:`_first` reads it) in its list:
    their paragraphs, and their numbers read as numbers of that list ("(i)" after "(h)" is the
    letter i); and the paragraphs of the decimal numbers under those siblings."""
    previous = first
    siblings: list[tuple[int, _Number]] = []
    below: list[int] = []
    for j in range(anchor + 1, len(numbers)):
        n = numbers[j]
        if n is None:
            continue
        if _follows(previous, n):
            if not n.parts:  # read in the list's format
                n = n._replace(fmt=previous.fmt, value=previous.value + 1)
            siblings.append((j, n))
            previous = n
        elif _under(n, previous):
            if siblings:
                below.append(j)
        elif (
            (n.parts and first.parts)
            or _rank(n) <= _rank(first)
            or (not n.parts and n.same_brackets(first) and n.fmt == first.fmt)
        ):
            break
    return siblings, below


def _gap(numbers: Sequence[_Number | None], anchor: int) -> bool:
    """The next number after ``anchor``'s is a later letter of the same number, with letters free between them
    ("7B." after "7.", "7E." after "7C."): a clause going back in there takes a free letter, nothing moves."""
    first = numbers[anchor]
    n = next((n for n in numbers[anchor + 1 :] if n is not None), None)
    return (
        first is not None
        and n is not None
        and n.parts == first.parts
        and bool(n.suffix)
        and ord(n.suffix) > (ord(first.suffix) + 1 if first.suffix else ord("A"))
    )


def _lettered(first: _Number, count: int, taken: Set[tuple[tuple[int, ...], str]]) -> list[str] | None:
    """The ``count`` numbers of clauses inserted after the typed decimal ``first`` without moving the
    clauses after it, as a drafter numbers them: a capital letter after its number ("5." -> "5A.",
    "5B."; "7.3" -> "7.3A"; "5A." -> "5B."), written as ``first`` is ("5\t" -> "5A\t"). ``None`` when
    the letters run out or a number they give is already in the document."""
    start = ord(first.suffix) + 1 if first.suffix else ord("A")
    if start + count - 1 > ord("Z"):
        return None
    letters = [chr(start + k) for k in range(count)]
    if any((first.parts, c) in taken for c in letters):
        return None
    m = _DECIMAL.fullmatch(first.raw)
    assert m is not None  # a decimal number is read by _DECIMAL
    closing = first.raw[m.end(2) :]
    return [m[1] + c + closing for c in letters]


@dataclass(frozen=True, slots=True)
class Renumbering:
    """What :func:`renumber` finds: the ``changes`` (sorted by paragraph and offset), and the
    typed ``numbers`` the inserted clauses take, in order, by anchor paragraph ("7.5", "7.6"
    after "7.4", when an earlier insertion moved "7.3" to "7.4")."""

    changes: list[TextChange]
    numbers: dict[int, list[str]]


@dataclass(frozen=True, slots=True)
class Renumbered:
    """The inputs and answer of one :func:`renumber` call (the plan's), so that a later call with the
    same inputs (the writer's, for the same insertions into the same paragraphs) takes the answer
    instead of reading every paragraph's number again."""

    texts: list[str]
    inserted: dict[int, int]
    shown: list[str | None] | None
    found: Renumbering

    def reuse(self, texts: Sequence[str], inserted: Mapping[int, int], shown: Sequence[str | None]) -> Renumbering:
        """``renumber(texts, inserted, shown)``: this answer when the inputs are the same."""
        if inserted == self.inserted and texts == self.texts and shown == self.shown:
            return self.found
        return renumber(texts, inserted, shown)


def renumbered(texts: Sequence[str], inserted: Mapping[int, int], shown: Sequence[str | None]) -> Renumbered:
    """:func:`renumber`'s answer with its inputs, for a later call to reuse."""
    texts, shown = list(texts), list(shown)
    return Renumbered(texts, dict(inserted), shown, renumber(texts, inserted, shown))


def renumbering(texts: Sequence[str], inserted: Mapping[int, int], *, lettered: bool = True) -> list[TextChange]:
    """The changes of :func:`renumber`."""
    return renumber(texts, inserted, lettered=lettered).changes


def renumber(
    texts: Sequence[str],
    inserted: Mapping[int, int],
    shown: Sequence[str | None] | None = None,
    *,
    lettered: bool = True,
) -> Renumbering:
    """What keeps typed numbers unique when ``inserted[i]`` clauses, numbered on from paragraph
    ``i``'s typed number, are inserted right after paragraph ``i`` (``texts`` are the current
    texts of the document's paragraphs). Anchors without a typed number are left out.

    ``shown`` (one a paragraph, or None) are the automatic numbers Word shows: a paragraph with
    one and no typed number is numbered by it. Such a number moves by itself (its change says
    ``automatic``), but the typed references to it do not: they are changed like any other.

    Clauses inserted after a typed decimal number that typed siblings follow take lettered numbers
    (:func:`_lettered`: "5A.", "5B." between "5." and "6."), so nothing moves, as a drafter numbers
    them; ``lettered=False`` (or no free letter) numbers them on and moves the siblings instead, as
    Word's automatic numbering does."""
    opens = _TYPED_NUMBER.match  # most texts open with no typed number: no call of _number for them
    numbers = [_number(text) if opens(text) else None for text in texts]
    automatic: set[int] = set()
    read_label: dict[str, _Number | None] = {}  # a list's labels repeat: "(a)", "(b)" in every list
    for j, label in enumerate(shown or ()):
        if label and numbers[j] is None:
            if (read := read_label.get(label, _UNREAD)) is _UNREAD:
                read = read_label[label] = _shown_number(label)
            if read is not None:
                numbers[j] = read
                automatic.add(j)
    new_numbers: dict[int, list[str]] = {}
    taken = {(n.parts, n.suffix) for n in numbers if n is not None and n.parts}
    by_part: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))  # paragraph -> component -> shift
    by_value: dict[int, int] = defaultdict(int)  # paragraph -> shift of a list label
    in_list: dict[int, _Number] = {}  # paragraph -> its number, read in its list's format
    letter_parents: dict[int, str] = {}  # paragraph of a "(c)" item -> the decimal number it is under
    for anchor, count in sorted(inserted.items()):
        read = numbers[anchor] if 0 <= anchor < len(numbers) else None
        if read is None or count <= 0:
            continue
        first = in_list.get(anchor) or _first(numbers, anchor, read)  # moved by an insertion before it?
        siblings, below = _following(numbers, anchor, first)
        if lettered and first.parts and anchor not in automatic and (siblings or first.suffix or _gap(numbers, anchor)):
            letters = _lettered(first, count, taken)
            if letters is not None:  # "5A.", "5B." between "5." and "6.": nothing after them moves
                new_numbers[anchor] = letters
                continue
        if first.parts:
            parts = list(first.parts)
            for position, shift in by_part.get(anchor, {}).items():
                parts[position] += shift
            new_numbers[anchor] = [_written(first.raw, [*parts[:-1], parts[-1] + k]) for k in range(1, count + 1)]
        else:
            value = first.value + by_value.get(anchor, 0)
            new_numbers[anchor] = [first.label(value + k) for k in range(1, count + 1)]
        for j, n in siblings:
            in_list[j] = n
        if first.parts:
            for j in [j for j, _ in siblings] + below:
                by_part[j][len(first.parts) - 1] += count
            continue
        parent = next((n for n in reversed(numbers[:anchor]) if n is not None and n.parts), None)
        for j, _ in siblings:
            by_value[j] += count
            if parent is not None and first.opening == "(":
                letter_parents[j] = ".".join(map(str, parent.parts))
    changes: list[TextChange] = []
    decimals: dict[tuple[int, ...], tuple[int, ...]] = {}
    labels: dict[str, str] = {}  # "7.3(c)" -> "(d)"
    for j in sorted(set(by_part) | set(by_value)):
        number = in_list.get(j) or numbers[j]
        assert number is not None  # only numbered paragraphs are siblings or under them
        n = number
        if n.parts:
            parts = list(n.parts)
            for position, shift in by_part[j].items():
                parts[position] += shift
            new = _written(n.raw, parts)
            decimals[n.parts] = tuple(parts)
        else:
            new = n.label(n.value + by_value[j])
            if j in letter_parents:
                labels[letter_parents[j] + n.raw] = new
        changes.append(TextChange(j, n.start, n.end, n.raw, new, automatic=j in automatic))
    used = Counter(n.parts for n in numbers if n is not None and n.parts)
    decimals = {old: new for old, new in decimals.items() if used[old] == 1}
    if decimals or labels:
        changes += _references(texts, decimals, labels)
    return Renumbering(sorted(changes, key=lambda c: (c.index, c.start)), new_numbers)


# "Section 7.4", "clauses 7.4 and 7.5(b)", "Sections 3 to 5", "§ 12", "Ziffer 4.2"
_KEYWORD = (
    r"(?:(?:[Ss]ub-?)?(?:[Ss]ections?|[Cc]lauses?|[Pp]aragraphs?|[Aa]rticles?)|SUB-?CLAUSES?|SECTIONS?|"
    r"CLAUSES?|PARAGRAPHS?|ARTICLES?|§§?|Ziffern?|Abschnitte?|Artikel|[Aa]rticles?)"
)
_REF_NUMBER = r"\d+(?:\.\d+)*(?:\([A-Za-z0-9]{1,5}\))*"
# The first characters of _KEYWORD's words, tested before the look-behind: a search drops most places on them.
_KEYWORD_FIRST = "(?=[SsCcPpAa§Z])"
_REFERENCE = re.compile(
    rf"{_KEYWORD_FIRST}(?<!\w){_KEYWORD}\s*{_REF_NUMBER}"
    rf"(?:\s*(?:,|;|and/or|and|or|to|through|-|–|—|und|bis)\s*{_REF_NUMBER})*"
)
# What follows a reference to another instrument's article ("Article 28(3) GDPR", "Section 107
# of the Copyright Act", "§ 69a UrhG"): not this document's numbers.
_ELSEWHERE = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+|\(EU\)\s+|\d{2,4}/\d+\s+){0,6}"
    r"(?:Act|Regulation|Directive|Code|Law|Convention|Treaty|Rules|Statute|GDPR|U\.S\.C)\b"
    r"|(?:U\.S\.C|USC|GDPR|DSGVO|BGB|HGB|UrhG|CDPA)\b|(?:EU|UK)\s+GDPR)"
)
_DIGIT = re.compile(r"\d")
# One of which every match of _KEYWORD holds (the pattern is case-sensitive): the texts holding none are passed over
# after one search of them all joined for each, instead of a scan of every text for a digit
# (tests/ooxml/test_renumber.py proves each keyword's spellings hold one).
_KEYWORD_LITERALS = (
    "ection",
    "ECTION",
    "lause",
    "LAUSE",
    "aragraph",
    "ARAGRAPH",
    "rticle",
    "RTICLE",
    "§",
    "Ziffer",
    "Abschnitt",
    "Artikel",
)
_REF_PARTS = re.compile(r"(\d+(?:\.\d+)*)((?:\([A-Za-z0-9]{1,5}\))*)")


def _renamed(number: str, decimals: Mapping[tuple[int, ...], tuple[int, ...]], labels: Mapping[str, str]) -> str:
    """A referenced number as it reads after the renumbering ("7.4(b)" -> "7.5(b)")."""
    m = _REF_PARTS.fullmatch(number)
    if m is None:
        return number
    old = tuple(int(x) for x in m[1].split("."))
    new = old
    for length in range(len(old), 0, -1):  # "7.4.2" moves with "7.4"
        if old[:length] in decimals:
            new = decimals[old[:length]] + old[length:]
            break
    suffix = m[2]
    first = re.match(r"\([^)]*\)", suffix)
    if first and (label := labels.get(m[1] + first[0])):
        suffix = label + suffix[first.end() :]
    return ".".join(map(str, new)) + suffix


# More moved numbers than this are not looked for (a search of the texts each): the keywords are, as before.
_MOST_MOVED_LITERALS = 6
_ASCII_BYTES = bytes(range(128))


def _moved_literals(decimals: Mapping[tuple[int, ...], tuple[int, ...]], labels: Mapping[str, str]) -> list[str]:
    """A literal that every reference :func:`_renamed` changes holds where its digits are 0-9, one for each moved
    number: a decimal's first component, with its dot where it has more ("7." for 7.4 and 7.4.2, which "07.04"
    holds too), and a label's whole key ("7.3(c)", matched as written); [] where there are more than a few."""
    found = {str(old[0]) + ("." if len(old) > 1 else "") for old in decimals} | set(labels)
    return sorted(found) if len(found) <= _MOST_MOVED_LITERALS else []


def _other_digits(text: str) -> bool:
    """``text`` holds a decimal digit other than 0-9 ("٧", "７"), which ``\\d`` matches and ``int`` reads: its
    characters outside ASCII, found by dropping the ASCII bytes of its UTF-8 (one pass in C), tested each."""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    return any(c.isdecimal() for c in rest)


def _references(
    texts: Sequence[str], decimals: Mapping[tuple[int, ...], tuple[int, ...]], labels: Mapping[str, str]
) -> list[TextChange]:
    out = []
    moved = _moved_literals(decimals, labels)
    # A text that holds no moved number's literal has no reference to rename, unless it writes digits other than
    # 0-9, which ``\d`` reads and no literal holds: then every text holding a keyword is read.
    candidates = moved if moved and not _other_digits("".join(texts)) else _KEYWORD_LITERALS
    for index in _holding(texts, candidates):
        text = texts[index]
        if not _DIGIT.search(text):  # every reference holds a \d: one scan in C, no Python step a character
            continue
        for ref in _REFERENCE.finditer(text):
            if _ELSEWHERE.match(text, ref.end()):
                continue
            for m in re.finditer(_REF_NUMBER, ref[0]):
                new = _renamed(m[0], decimals, labels)
                if new != m[0]:
                    start = ref.start() + m.start()
                    out.append(TextChange(index, start, start + len(m[0]), m[0], new, reference=True))
    return out


def _holding(texts: Sequence[str], words: Sequence[str]) -> list[int]:
    """The indexes of the texts that hold one of ``words``, in order: each word found by ``str.find`` in the texts
    joined by a character none of them holds (no word holds it either), so no find spans two texts."""
    sep = "\0"
    joined = sep.join(texts)
    if joined.count(sep) != max(len(texts) - 1, 0):  # a text holds NUL itself (none read from XML does)
        return [i for i, text in enumerate(texts) if any(w in text for w in words)]
    starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))  # each text's start in ``joined``
    found: set[int] = set()
    for word in words:
        at = joined.find(word)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            found.add(i)
            at = joined.find(word, starts[i + 1])  # the next text on
    return sorted(found)


def struck_moves_numbers(
    texts: Sequence[str], index: int, shown: Sequence[str | None] | None = None, ours: Set[int] = frozenset()
) -> bool:
    """Striking paragraph ``index`` whole would change what a number stands for once accepted: its typed number
    has typed siblings after it, which would keep their numbers around a gap ("4.2", "4.4"); or Word numbers it
    and a typed reference names a number after it, which Word would then show on another clause ("Section 4.4"
    once 4.4 shows as 4.3); or clauses inserted from it or from a sibling after it (``ours``: the paragraphs
    inserted clauses number on from) take numbers that the strike would leave a gap before or move. The
    siblings and references are those an insertion after it would move."""
    if not 0 <= index < len(texts):
        return False
    changes = renumber(texts, {index: 1}, shown, lettered=False).changes
    moved = {index, *(c.index for c in changes if not c.reference)}
    return bool(ours & moved) or any(c.reference or not c.automatic for c in changes)


def closing_gap(
    texts: Sequence[str],
    shown: Sequence[str | None] | None,
    after: int,
    missing: int = 1,
    also: Mapping[int, int] | None = None,
) -> list[TextChange]:
    """What closes the gap a clause taken out leaves after paragraph ``after``'s number ("4.7", then "4.9" and
    "4.10" once "4.8" is gone, ``missing`` numbers wide; "(c)", then "(e)"): each typed sibling after the gap
    moves back ("4.9" -> "4.8", "(e)" -> "(d)"), and the document's typed references to any of them ("Clauses
    4.5 to 4.10" -> "4.5 to 4.9", "Sections 5(e) to 5(g)" -> "5(d) to 5(f)"). A number Word shows (``shown``)
    has closed the gap by itself: only the references to its old number (one ``missing`` higher) change. None
    where no sibling follows the gap. ``also``: the siblings after which more clauses are gone (how many: a second
    gap further on in the same list, "4.5", "4.7", "4.9" once "4.6" and "4.8" are gone -> "4.5", "4.6", "4.7")."""
    also = also or {}
    numbers = [_number(text) for text in texts]
    automatic: set[int] = set()
    for j, label in enumerate(shown or ()):
        if label and numbers[j] is None and (read := _shown_number(label)) is not None:
            numbers[j] = read
            automatic.add(j)
    first = numbers[after] if 0 <= after < len(numbers) else None
    if first is None or missing < 1:
        return []
    if not first.parts:
        return _closing_label_gap(texts, numbers, automatic, after, _first(numbers, after, first), missing, also)
    following = next((n for n in numbers[after + 1 :] if n is not None), None)
    if first.suffix or (following is not None and following.parts == first.parts and following.suffix):
        return _closing_letter_gap(numbers, automatic, after, first, missing, also)
    parent, value = first.parts[:-1], first.parts[-1]
    changes: list[TextChange] = []
    decimals: dict[tuple[int, ...], tuple[int, ...]] = {}
    for j in range(after + 1, len(numbers)):
        n = numbers[j]
        if n is None or (n.parts and len(n.parts) > len(first.parts)):
            continue  # unnumbered, or a number under a sibling (left as it is)
        if not n.parts or n.parts[:-1] != parent or n.suffix:
            break
        # Word's number: shown with the gap closed already (a clause gone), or not yet (a paragraph still struck)
        old = n.parts[-1] + missing if j in automatic and n.parts[-1] == value + 1 else n.parts[-1]
        if old != value + 1 + missing:
            break
        value += 1
        decimals[(*parent, old)] = (*parent, value)
        if j not in automatic:
            changes.append(TextChange(j, n.start, n.end, n.raw, _written(n.raw, (*parent, value))))
        missing += also.get(j, 0)
    used = Counter(n.parts for n in numbers if n is not None and n.parts)
    decimals = {old: new for old, new in decimals.items() if used[old] <= 1}
    return sorted(changes + _references(texts, decimals, {}), key=lambda c: (c.index, c.start))


def _closing_letter_gap(
    numbers: Sequence[_Number | None],
    automatic: Set[int],
    after: int,
    first: _Number,
    missing: int,
    also: Mapping[int, int],
) -> list[TextChange]:
    """:func:`closing_gap` for the lettered clauses inserted after a typed number ("7." or "7A.", then "7C." once
    "7B." is gone, or "7B." once "7A." is): the letters of that number after the gap move back ("7C." -> "7B.")."""
    letter = ord(first.suffix) if first.suffix else ord("A") - 1
    changes: list[TextChange] = []
    for j in range(after + 1, len(numbers)):
        n = numbers[j]
        if n is None or (len(n.parts) > len(first.parts) and n.parts[: len(first.parts)] == first.parts):
            continue  # unnumbered, or a number under a sibling (left as it is)
        if n.parts != first.parts or not n.suffix or ord(n.suffix) != letter + 1 + missing or j in automatic:
            break
        letter += 1
        m = _DECIMAL.fullmatch(n.raw)
        assert m is not None  # a decimal number is read by _DECIMAL
        changes.append(TextChange(j, n.start, n.end, n.raw, m[1] + chr(letter) + n.raw[m.end(2) :]))
        missing += also.get(j, 0)
    return changes


def _closing_label_gap(
    texts: Sequence[str],
    numbers: Sequence[_Number | None],
    automatic: Set[int],
    after: int,
    first: _Number,
    missing: int,
    also: Mapping[int, int],
) -> list[TextChange]:
    """:func:`closing_gap` for a list label ("(c)", then "(e)" once "(d)" is gone): the labels of the same
    list after the gap move back, and so do the references to them under the decimal number the list is in
    ("5(e)" -> "5(d)")."""
    value = first.value
    changes: list[TextChange] = []
    moved: list[tuple[_Number, str]] = []
    for j in range(after + 1, len(numbers)):
        n = numbers[j]
        if n is None:
            continue
        old = first.label(value + 1 + missing)
        if n.raw != old and not (j in automatic and n.raw == first.label(value + 1)):
            if not n.parts and _rank(n) > _rank(first):
                continue  # an item of a deeper list ("(i)" under "(c)")
            break
        value += 1
        moved.append((n._replace(raw=old), first.label(value)))
        if j not in automatic:
            changes.append(TextChange(j, n.start, n.end, n.raw, first.label(value)))
        missing += also.get(j, 0)
    parent = next((n for n in reversed(numbers[:after]) if n is not None and n.parts), None)
    if parent is None or first.opening != "(" or not moved:
        return changes
    under = ".".join(map(str, parent.parts))
    labels = {under + n.raw: new for n, new in moved}
    return sorted(changes + _references(texts, {}, labels), key=lambda c: (c.index, c.start))


def closing_struck(texts: Sequence[str], shown: Sequence[str | None] | None, index: int) -> list[TextChange]:
    """What closes the gap that striking paragraph ``index`` whole leaves in its list (:func:`closing_gap`, from
    the sibling before it: "(d)" struck between "(c)" and "(e)"); none where it has no number or is first."""
    numbers = [_number(text) for text in texts]
    for j, label in enumerate(shown or ()):
        if label and numbers[j] is None:
            numbers[j] = _shown_number(label)
    own = numbers[index] if 0 <= index < len(numbers) else None
    if own is None:
        return []
    before = None
    for j in range(index - 1, -1, -1):
        n = numbers[j]
        if n is None:
            continue
        if n.parts and own.parts:
            if len(n.parts) == len(own.parts) and _follows(n, own):
                before = j
            if len(n.parts) <= len(own.parts):
                break
        elif not n.parts and not own.parts and n.same_brackets(own) and n.fmt == own.fmt:
            before = j if _follows(n, own) else None
            break
        elif n.parts and not own.parts:
            break
    if before is None:
        return []
    gone = [*texts[:index], "", *texts[index + 1 :]]
    hidden = None if shown is None else [*shown[:index], None, *shown[index + 1 :]]
    return closing_gap(gone, hidden, before)
