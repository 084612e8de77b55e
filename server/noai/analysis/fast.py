"""The classifier's speed code: cheap substring tests before the costly regular-expression
searches, on the data of :mod:`noai.analysis.patterns` (:data:`~noai.analysis.patterns.GATES`, the
words that open each rule family, and :data:`~noai.analysis.patterns.NEEDS`, the literals a
pattern's match must hold). A rule whose gate stays closed, or a pattern none of whose literals is
in the text, cannot match, so skipping it changes nothing: ``tests/analysis/test_prefilter.py``
proves it on every corpus contract (the classification with the prefilter == without it).
"""

from __future__ import annotations

import re
import re._compiler as compiler  # type: ignore[import-not-found]  # the standard library's (no stubs)
import re._constants as C  # type: ignore[import-not-found]
import re._parser as parser  # type: ignore[import-not-found]
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

from noai.analysis.joined import Joined
from noai.analysis.patterns import GATES


def _keyed_gates() -> dict[str, tuple[frozenset[str], tuple[tuple[str, frozenset[str]], ...]]]:
    """The gate words by their longest space-free piece (their key): the kinds the key opens by
    itself (it is the whole word) and the longer words, each with the kinds it opens."""
    kinds: dict[str, set[str]] = {}
    for kind, words in GATES.items():
        for word in words:
            kinds.setdefault(word, set()).add(kind)
    sure: dict[str, set[str]] = {}
    longer: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for word, opened in kinds.items():
        key = max(word.split(), key=len)
        if key == word:
            sure.setdefault(key, set()).update(opened)
        else:
            longer.setdefault(key, []).append((word, frozenset(opened)))
    return {key: (frozenset(sure.get(key, ())), tuple(longer.get(key, ()))) for key in sure.keys() | longer.keys()}


_GATE_KEYS = _keyed_gates()
_AI_GATE = ("AI", "A.I")  # case-sensitive, in the text as written
_NONE: frozenset[str] = frozenset()
# The only characters that IGNORECASE matches to an ASCII letter other than its own lower case;
# without them a text's lower-cased copy has its length and answers ASCII literal tests exactly.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_FOLDS = re.compile(f"[{FOLDS_TO_ASCII}]")


class Gates:
    """The kinds worth searching for in each of a document's texts, by plain substring tests (no
    regex). A key holds no white space, so it occurs in a text only within one of its
    ``split()`` chunks: the keys are looked for once in the document's vocabulary of chunks,
    and each text is tested only for the longer words of the keys its own chunks hold."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.lows = [t.lower() for t in texts]
        whole = Joined(texts)
        self.exact = not any(c in whole.text for c in FOLDS_TO_ASCII)
        found = {i: {"existing_ai_restriction"} for i in whole.holding(_AI_GATE)}
        chunks = [low.split() for low in self.lows]
        vocabulary = list(set().union(*chunks))
        sure: dict[str, set[str]] = {}
        longer: dict[str, list[tuple[str, frozenset[str]]]] = {}
        joined = Joined(vocabulary)
        for key, (opened, words) in _GATE_KEYS.items():
            for i in joined.holders(key):
                sure.setdefault(vocabulary[i], set()).update(opened)
                longer.setdefault(vocabulary[i], []).extend(words)
        hot = set(sure)
        for i, low in enumerate(self.lows):
            hits = hot.intersection(chunks[i])
            if hits:
                kinds = found.setdefault(i, set())
                for chunk in hits:
                    kinds |= sure[chunk]
                    kinds.update(*(opened for word, opened in longer[chunk] if word in low))
        self._kinds = {i: frozenset(k) for i, k in found.items() if k}

    def open(self, i: int) -> frozenset[str]:
        """The kinds gated open for text ``i``."""
        return self._kinds.get(i, _NONE)


# -- the audit's section search (noai.analysis.audit) ------------------------------------------------

# Lower-case literals one of which every match of :data:`noai.analysis.sections.IP_TITLE` holds
# (tests/analysis/test_patterns.py proves it from the parsed pattern): most section titles hold none.
IP_TITLE_NEEDS = (
    "intellectual",
    "ownership",
    "proprietary",
    "product",
    "hire",
    "copyright",
    "assignment",
    "invention",
    "patent",
    "right",
    "ip",
    "grant",
    "licen",
    "title",
)


def may_hold(text: str, needs: Sequence[str]) -> bool:
    """False only if a case-insensitive pattern every match of which holds one of ``needs`` cannot
    match ``text`` (its lower-cased copy holds none of them, and no character of it folds to another
    ASCII letter)."""
    if _FOLDS.search(text):
        return True
    return any(map(text.lower().__contains__, needs))


# -- counting a pattern's matches in a whole document (noai.analysis.work_kind) ----------------------


class _Unknown(Exception):
    """The pattern has a part :func:`_openers` does not bound (a look-around, an anchor, a flag)."""


def _space_item(item: tuple[Any, Any]) -> bool:
    """Whether an item of a (not negated) character set can match white space."""
    op, av = item
    if op is C.LITERAL:
        return chr(av).isspace()
    if op is C.RANGE:
        return any(chr(c).isspace() for c in range(av[0], min(av[1], 0x3000) + 1))
    if op is C.CATEGORY:
        return av not in (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD, C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT)
    return True


def _can_space(seq: Sequence[Any]) -> bool:
    """Whether a part of a parsed pattern can match white space."""
    for op, av in seq:
        if op is C.LITERAL:
            if chr(av).isspace():
                return True
        elif op is C.IN:
            if any(item[0] is C.NEGATE for item in av) or any(map(_space_item, av)):
                return True
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if _can_space(av[2]):
                return True
        elif op is C.SUBPATTERN:
            if _can_space(av[3]):
                return True
        elif op is C.BRANCH:
            if any(map(_can_space, av[1])):
                return True
        elif op in (C.ASSERT, C.ASSERT_NOT):
            raise _Unknown
        elif op is not C.AT:
            return True  # any character, a negated literal, a back-reference...
    return False


def _openers(seq: list[Any], folded: bool, run: str = "") -> set[str]:
    """Literals one of which every match of ``seq`` that holds white space holds: the run of
    literals just before the first part that can match white space (lower-cased when ``folded``).
    ``run`` is the run of literals before ``seq``."""
    for k, (op, av) in enumerate(seq):
        if op is C.LITERAL and not chr(av).isspace() and chr(av).isascii():
            run += chr(av).lower() if folded else chr(av)
        elif op is C.AT:
            if av not in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY, C.AT_UNI_BOUNDARY, C.AT_UNI_NON_BOUNDARY):
                raise _Unknown  # an anchor sees past a chunk's edge (a word boundary sees the same)
        elif op is C.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unknown  # (?i:...) and the like
            return _openers([*av[3], *seq[k + 1 :]], folded, run)
        elif op is C.BRANCH:
            return set().union(*(_openers([*alt, *seq[k + 1 :]], folded, run) for alt in av[1]))
        elif _can_space([(op, av)]):
            if not run:
                raise _Unknown
            return {run}
        else:
            run = ""
    return set()


@lru_cache(maxsize=64)
def span_openers(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which every match of ``pattern`` that holds white space holds (lower-case
    for a case-insensitive pattern; none when no match can), or None when a part of the pattern
    cannot be bounded so."""
    try:
        return tuple(sorted(_openers(list(parser.parse(pattern.pattern, pattern.flags)), _folded(pattern))))
    except _Unknown:
        return None


def _folded(pattern: re.Pattern[str]) -> bool:
    return bool(pattern.flags & re.IGNORECASE)


def count_matches(patterns: Sequence[re.Pattern[str]], texts: Sequence[str]) -> list[int]:
    """``[sum(len(p.findall(t)) for t in texts) for p in patterns]``, counted on the texts'
    distinct white-space-free chunks: a match that holds no white space lies within one chunk,
    where the pattern finds what it finds in the whole text (at a chunk's edges a word boundary
    sees what it sees beside white space). Only the texts that hold one of a pattern's
    :func:`span_openers` (all, when it has none that bound it) are searched whole."""
    chunks = [t.split() for t in texts]
    vocabulary = Counter(chain.from_iterable(chunks))
    whole = Joined(texts)
    folds = any(c in whole.text for c in FOLDS_TO_ASCII)
    lowered = None if folds else Joined([t.lower() for t in texts])
    out = []
    for pattern in patterns:
        findall = pattern.findall
        openers = span_openers(pattern)
        if openers is None or (lowered is None and _folded(pattern)):
            out.append(sum(len(findall(t)) for t in texts))
            continue
        hits = {c: len(findall(c)) for c in vocabulary}
        count = sum(n * hits[c] for c, n in vocabulary.items())
        joined = lowered if _folded(pattern) and lowered is not None else whole
        for i in joined.holding(openers):
            count += len(findall(texts[i])) - sum(map(hits.__getitem__, chunks[i]))
        out.append(count)
    return out


# -- a case-insensitive pattern's lower-case twin (noai.analysis.classify) ---------------------------


class _NoTwin(Exception):
    """The pattern has a part whose match depends on case beyond ASCII letters (or is not a plain part)."""


class _Lowering:
    """One pattern's parse tree rewritten for a lower-cased text. A case-sensitive part
    ("(?-i:[A-Z])") cannot be told on that text: it is matched without case, which matches at
    least where it did (``exact`` becomes False: a match of the twin is a place to confirm), except
    under a negation, where that would match less: a negative look-around that cannot be told is
    left out (the twin matches more), a negated set gives no twin."""

    def __init__(self, state: Any) -> None:
        self.state = state
        self.exact = True

    def literal(self, op: Any, av: int, sensitive: bool, negative: bool) -> tuple[Any, int]:
        ch = chr(av)
        if not ch.isascii():
            if ch.lower() != ch or ch.upper() != ch:
                raise _NoTwin
            return op, av
        if sensitive and ch.lower() != ch.upper():
            if negative or op is C.NOT_LITERAL:
                raise _NoTwin
            self.exact = False
        return op, ord(ch.lower())

    def items(self, items: Sequence[tuple[Any, Any]], sensitive: bool, negative: bool) -> list[tuple[Any, Any]]:
        negative = negative or any(op is C.NEGATE for op, _ in items)
        out: list[tuple[Any, Any]] = []
        for op, av in items:
            if op is C.LITERAL:
                out.append(self.literal(op, av, sensitive, negative))
            elif op is C.RANGE:
                lo, hi = av
                if any(chr(c).lower() != chr(c) or chr(c).upper() != chr(c) for c in range(max(lo, 128), hi + 1)):
                    raise _NoTwin
                out.append((op, av))
                letters = (max(lo, 65), min(hi, 90)), (max(lo, 97), min(hi, 122))
                if sensitive and any(x <= y for x, y in letters):
                    if negative:
                        raise _NoTwin
                    self.exact = False
                if letters[0][0] <= letters[0][1]:  # A-Z: the lower-case letters too
                    out.append((C.RANGE, (letters[0][0] + 32, letters[0][1] + 32)))
            elif op in (C.CATEGORY, C.NEGATE):
                out.append((op, av))
            else:
                raise _NoTwin
        return out

    def seq(self, seq: Sequence[tuple[Any, Any]], sensitive: bool = False, negative: bool = False) -> Any:
        out: list[tuple[Any, Any]] = []
        for op, av in seq:
            if op in (C.LITERAL, C.NOT_LITERAL):
                out.append(self.literal(op, av, sensitive, negative))
            elif op is C.IN:
                out.append((op, self.items(av, sensitive, negative)))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                out.append((op, (av[0], av[1], self.seq(av[2], sensitive, negative))))
            elif op is C.SUBPATTERN:
                group, add, remove, sub = av
                if add & ~re.IGNORECASE or remove & ~re.IGNORECASE:
                    raise _NoTwin
                inner = bool(remove & re.IGNORECASE) or (sensitive and not add & re.IGNORECASE)
                out.append((op, (group, 0, 0, self.seq(sub, inner, negative))))
            elif op is C.BRANCH:
                out.append((op, (av[0], [self.seq(alt, sensitive, negative) for alt in av[1]])))
            elif op is C.ASSERT:
                out.append((op, (av[0], self.seq(av[1], sensitive, negative))))
            elif op is C.ASSERT_NOT:
                try:
                    out.append((op, (av[0], self.seq(av[1], sensitive, True))))
                except _NoTwin:  # "(?-i:(?!to\b))": left out, the twin matches at least where rx does
                    self.exact = False
            elif op is C.AT or op is C.ANY:
                out.append((op, av))
            else:
                raise _NoTwin
        return parser.SubPattern(self.state, out)


def _opens_with_boundary(seq: Sequence[tuple[Any, Any]]) -> bool:
    if not len(seq):
        return False
    op, av = seq[0]
    if op is C.AT:
        return bool(av is C.AT_BOUNDARY)
    if op is C.BRANCH:
        return all(_opens_with_boundary(alt) for alt in av[1])
    if op is C.SUBPATTERN:
        return _opens_with_boundary(av[3])
    return False


def _without_boundary(seq: Sequence[tuple[Any, Any]], state: Any) -> Any:
    op, av = seq[0]
    rest = list(seq[1:])
    if op is C.BRANCH:
        first = (op, (av[0], [_without_boundary(alt, state) for alt in av[1]]))
    elif op is C.SUBPATTERN:
        first = (op, (*av[:3], _without_boundary(av[3], state)))
    else:
        return parser.SubPattern(state, rest)
    return parser.SubPattern(state, [first, *rest])


_Twin = tuple[re.Pattern[str], "re.Pattern[str] | None", bool, bool]  # rx, its twin, folded, exact


def _twin(rx: re.Pattern[str], anywhere: bool) -> _Twin:
    """The entry of :func:`twin` (``anywhere``: of :func:`holds`, whose alternatives may be reordered)."""
    folded = bool(rx.flags & re.IGNORECASE)
    none = (rx, None, folded, True)
    tree = parser.parse(rx.pattern, rx.flags)
    if tree.getwidth()[0] == 0:
        return none  # an empty match moves finditer on by one: keep to patterns that cannot match empty
    lowering = _Lowering(tree.state)
    try:
        low = lowering.seq(tree) if folded else tree
    except _NoTwin:
        return none
    if anywhere and len(low) == 1 and low[0][0] is C.BRANCH:
        # whether it matches at a place does not depend on the order of the alternatives: those that
        # open with a word boundary go first, behind one test of it
        alternatives = low[0][1][1]
        bounded = [alt for alt in alternatives if _opens_with_boundary(alt)]
        if len(bounded) < 2 and not folded:
            return none  # nothing gained
        if len(bounded) > 1:
            first = (C.AT, C.AT_BOUNDARY), (C.BRANCH, (None, [_without_boundary(alt, tree.state) for alt in bounded]))
            rest = [alt for alt in alternatives if not _opens_with_boundary(alt)]
            low = parser.SubPattern(
                tree.state, [(C.BRANCH, (None, [parser.SubPattern(tree.state, list(first)), *rest]))]
            )
    elif _opens_with_boundary(low):  # "\bgrants|\bhereby": one test of the boundary, then the branch
        low = parser.SubPattern(tree.state, [(C.AT, C.AT_BOUNDARY), *_without_boundary(low, tree.state)])
    elif not folded:
        return none  # nothing gained
    tree.state.flags &= ~re.IGNORECASE
    return rx, compiler.compile(low, rx.flags & ~re.IGNORECASE), folded, lowering.exact


_TWINS: dict[tuple[int, bool], _Twin] = {}


def _entry(rx: re.Pattern[str], anywhere: bool) -> _Twin:
    entry = _TWINS.get((id(rx), anywhere))
    if entry is None or entry[0] is not rx:
        entry = _TWINS[(id(rx), anywhere)] = _twin(rx, anywhere)
    return entry


def twin(rx: re.Pattern[str], anywhere: bool = False) -> tuple[re.Pattern[str], bool] | None:
    """``rx`` (case-insensitive) as a case-sensitive pattern for a lower-cased text, and whether it is
    exact; or None. On a text none of whose characters is in :data:`FOLDS_TO_ASCII`, an exact twin
    matches ``text.lower()`` exactly where ``rx`` matches ``text`` (only ASCII letters change case
    there, and the twin has every literal in lower case); an inexact one (``rx`` has a case-sensitive
    part) at least there. A cased non-ASCII literal, or a case-sensitive part under a negation, gets
    no twin. A leading word boundary shared by every alternative is tested once (a branch of
    literals is faster than one of boundaries). ``anywhere``: a twin that matches at the places
    where ``rx`` matches (each with any of its alternatives, not necessarily the one ``rx`` takes),
    also for a case-sensitive ``rx``. A case-sensitive ``rx`` whose alternatives all open with a word
    boundary gets a twin for its own text that tests it once."""
    _, lower, _, exact = _entry(rx, anywhere)
    return None if lower is None else (lower, exact)


def _confirmed(
    rx: re.Pattern[str], lower: re.Pattern[str], exact: bool, text: str, low: str, pos: int, endpos: int
) -> re.Match[str] | None:
    """``rx``'s first match from ``pos``, at the first place the twin matches ``low`` where ``rx``
    matches ``text`` too."""
    start = pos
    while (m := lower.search(low, pos, endpos)) is not None:
        found = rx.match(text, m.start(), endpos)
        if found is not None and (not exact or found.end() == m.end()):
            return found
        if exact:  # never (an exact twin matches where rx does): rx's own way
            return rx.search(text, start, endpos)
        pos = m.start() + 1
    return None


def holds(rx: re.Pattern[str], text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
    """``rx.search(text, pos, endpos) is not None``, by the pattern's :func:`twin` for anywhere."""
    _, lower, folded, exact = _entry(rx, True)
    if lower is None:
        return rx.search(text, pos, endpos) is not None
    low = lowered(text) if folded else text
    if low is None:
        return rx.search(text, pos, endpos) is not None
    if exact:
        return lower.search(low, pos, endpos) is not None
    while (m := lower.search(low, pos, endpos)) is not None:
        if rx.match(text, m.start(), endpos) is not None:
            return True
        pos = m.start() + 1
    return False


def search(rx: re.Pattern[str], text: str, low: str | None, pos: int, endpos: int) -> re.Match[str] | None:
    """``rx.search(text, pos, endpos)``, found by :func:`twin` in ``low`` (``text.lower()``, or None when
    ``text`` holds a character of :data:`FOLDS_TO_ASCII`) when ``rx`` has one."""
    _, lower, folded, exact = _entry(rx, False)
    hay = low if folded else text  # a case-sensitive pattern's twin only shares its word boundary
    if lower is None or hay is None:
        return rx.search(text, pos, endpos)
    return _confirmed(rx, lower, exact, text, hay, pos, endpos)


def finditer(
    rx: re.Pattern[str], text: str, low: str | None, pos: int = 0, endpos: int = sys.maxsize
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, pos, endpos)``, found as :func:`search` finds (no pattern with a twin matches
    empty)."""
    _, lower, folded, exact = _entry(rx, False)
    hay = low if folded else text
    if lower is None or hay is None:
        yield from rx.finditer(text, pos, endpos)
        return
    while (found := _confirmed(rx, lower, exact, text, hay, pos, endpos)) is not None:
        yield found
        pos = found.end()


def _after_mark(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""For ``(?<=[.;:])\s+(?=...)``: ``[.;:](\s+)(?=...)``, whose group 1 is each match of ``rx``. A
    pattern that opens with a look-behind of one character leaves the search no way to skip ahead; a
    set of characters first lets it skip to the next of them. The same matches when the rest is white
    space (then zero-width tests) and the set holds none: a match never ends with a character of
    the set, so the next one never needs the last character of the one before."""
    tree = parser.parse(rx.pattern, rx.flags)
    if len(tree) < 2 or tree[0][0] is not C.ASSERT or tree[0][1][0] != -1 or len(tree[0][1][1]) != 1:
        return None
    (op, items) = tree[0][1][1][0]
    if op is not C.IN or any(i[0] is not C.LITERAL or chr(i[1]).isspace() for i in items):
        return None
    run, *tests = list(tree)[1:]
    spaces = [(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])]
    if run[0] is not C.MAX_REPEAT or run[1][0] < 1 or list(run[1][2]) != spaces:
        return None
    if any(t[0] not in (C.ASSERT, C.ASSERT_NOT, C.AT) or (t[0] is not C.AT and t[1][0] != 1) for t in tests):
        return None
    group = tree.state.opengroup()
    tree.state.closegroup(group, parser.SubPattern(tree.state, [run, *tests]))
    body = [(C.IN, items), (C.SUBPATTERN, (group, 0, 0, parser.SubPattern(tree.state, [run, *tests])))]
    return compiler.compile(parser.SubPattern(tree.state, body), rx.flags)  # type: ignore[no-any-return]


_MARKED: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in rx.finditer(text)]`` (by :func:`_after_mark`'s pattern when ``rx`` has one)."""
    entry = _MARKED.get(id(rx))
    if entry is None or entry[0] is not rx:
        entry = _MARKED[id(rx)] = (rx, _after_mark(rx))
    marked = entry[1]
    if marked is None:
        return [m.span() for m in rx.finditer(text)]
    return [m.span(1) for m in marked.finditer(text)]


_LAST: tuple[str | None, str | None] = (None, None)


def lowered(text: str) -> str | None:
    """``text.lower()``, or None when ``text`` holds a character of :data:`FOLDS_TO_ASCII` (the low
    copy for :func:`search`); the last text's is kept (a paragraph's sentences are read one after
    another)."""
    global _LAST
    entry = _LAST
    if entry[0] is not text:
        entry = _LAST = (text, None if any(c in text for c in FOLDS_TO_ASCII) else text.lower())
    return entry[1]
