"""The classifier's speed code: cheap substring tests before the costly regular-expression
searches, on the data of :mod:`noai.analysis.patterns` (:data:`~noai.analysis.patterns.GATES`, the
words that open each rule family, and :data:`~noai.analysis.patterns.NEEDS`, the literals a
pattern's match must hold). A rule whose gate stays closed, or a pattern none of whose literals is
in the text, cannot match, so skipping it changes nothing: ``tests/analysis/test_prefilter.py``
proves it on every corpus contract (the classification with the prefilter == without it).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the regular-expression engine (no stubs)
import re
import re._compiler as compiler  # type: ignore[import-not-found]  # the standard library's (no stubs)
import re._constants as C  # type: ignore[import-not-found]
import re._parser as parser  # type: ignore[import-not-found]
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache
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


def folds(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`FOLDS_TO_ASCII` (an ASCII text, told at once, holds none)."""
    return not text.isascii() and (  # four substring tests: faster than one search for the set
        "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text
    )


class Gates:
    """The kinds worth searching for in each of a document's texts, by plain substring tests (no
    regex). A key holds no white space, so it occurs in a text only within one of its
    ``split()`` chunks: the keys are looked for once in the document's vocabulary of chunks,
    and each text is tested only for the longer words of the keys its own chunks hold."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.lows = [t.lower() for t in texts]
        whole = Joined(texts)
        self.exact = not folds(whole.text)
        found = {i: {"existing_ai_restriction"} for i in whole.holding(_AI_GATE)}
        chunks = [low.split() for low in self.lows]
        vocabulary = list(set().union(*chunks))
        sure: dict[str, set[str]] = {}
        longer: dict[str, list[tuple[str, frozenset[str]]]] = {}
        joined = Joined(vocabulary)
        self.vocabulary = joined.text  # every white-space-free chunk of the texts lower-cased (see count_joined)
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

# ... and every match of the reservation heading signal (patterns.HEADINGS["reservation"])
RESERVATION_NEEDS = ("reserv",)


def may_hold(text: str, needs: Sequence[str]) -> bool:
    """False only if a case-insensitive pattern every match of which holds one of ``needs`` cannot
    match ``text`` (its lower-cased copy holds none of them, and no character of it folds to another
    ASCII letter)."""
    low = lowered(text)  # the last text's lower-cased copy is kept: a paragraph is often tested again
    return low is None or any(map(low.__contains__, needs))


def may_holding(texts: Sequence[str], needs: Sequence[str]) -> list[int]:
    """``[i for i, text in enumerate(texts) if may_hold(text, needs)]``, by one ``str.find`` scan of the
    texts lower-cased and joined for each of ``needs`` (no call a text: a document's heading titles)."""
    low = Joined([text.lower() for text in texts])
    found = {i for need in needs for i in low.holders(need)}
    found.update(i for i, text in enumerate(texts) if folds(text))  # (may_hold lets these through)
    return sorted(found)


# -- counting a pattern's matches in a whole document (noai.analysis.work_kind) ----------------------


class _Unknown(Exception):
    """The pattern has a part :func:`_openings` does not bound."""


def _folded(pattern: re.Pattern[str]) -> bool:
    return bool(pattern.flags & re.IGNORECASE)


def count_joined(
    patterns: Sequence[re.Pattern[str]],
    texts: Sequence[str],
    lows: Joined | None = None,
    vocabulary: str | None = None,
) -> list[int]:
    """``[sum(len(p.findall(t)) for t in texts) for p in patterns]`` for patterns no
    match of which can hold the separator of :class:`~noai.analysis.joined.Joined` (NUL or a private-use
    character: the work-kind patterns match words, white space and hyphens), in one search of the texts
    joined: a match lies within one text, where the pattern finds what it finds in the text alone (at a
    text's edge a word boundary sees the separator as it saw the string's end). A case-insensitive pattern
    is searched by its exact :func:`twin` in ``lows`` (the texts lower-cased and joined), unless a text
    holds a character of :data:`FOLDS_TO_ASCII` or the pattern has none. ``vocabulary``: a text that holds
    every white-space-free chunk of the texts lower-cased (:attr:`Gates.vocabulary`, a few per cent of the
    document's length): the twin is searched without the alternatives whose literals no chunk holds."""
    whole: Joined | None = None
    exact_low: bool | None = None
    out = []
    for pattern in patterns:
        made = twin(pattern) if _folded(pattern) else None
        if made is not None and made[1]:
            if exact_low is None:
                whole = whole or Joined(texts)
                exact_low = not folds(whole.text)
            if exact_low:
                lows = lows or Joined([t.lower() for t in texts])
                found = made[0] if vocabulary is None else _in_document(pattern, made[0], vocabulary)
                out.append(0 if found is None else len(found.findall(lows.text)))
                continue
        whole = whole or Joined(texts)
        out.append(len(pattern.findall(whole.text)))
    return out


_WHOLE: dict[int, tuple[re.Pattern[str], _Pruning | None]] = {}  # count_joined's prunings, by the pattern's id


def _in_document(rx: re.Pattern[str], full: re.Pattern[str], vocabulary: str) -> re.Pattern[str] | None:
    """``rx``'s exact twin ``full`` without the alternatives none of whose literals the document's
    ``vocabulary`` holds (None: no alternative can match). A literal holds no white space (else no pruning),
    so it is in a text only within one of its chunks: in the vocabulary exactly when in the document."""
    entry = _WHOLE.get(id(rx))
    if entry is None or entry[0] is not rx:
        made = _twin_tree(rx, False)
        needs = [_document_need(leaf) for leaf in _leaves(made[0])] if made is not None else []
        whole = _Pruning(rx, False, rx.flags & ~re.I, needs) if len(needs) > 1 and any(needs) else None
        entry = _WHOLE[id(rx)] = (rx, whole)
    return full if entry[1] is None else entry[1].pattern(full, vocabulary)


def _document_need(seq: Sequence[tuple[Any, Any]]) -> frozenset[str]:
    """Literals one of which every match of ``seq`` holds, each without white space (short ones too: they are
    looked for once, in a document's vocabulary); empty when there are none (the alternative is always searched)."""
    clauses = [c for c in _clauses(seq) if not any(ch.isspace() for w in c for ch in w)]
    return min(clauses, key=_quality) if clauses else frozenset()


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


_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_BOUNDARY = (C.AT, C.AT_BOUNDARY)


def _boundary_first(seq: Sequence[tuple[Any, Any]], state: Any) -> Any:
    """``seq`` with a word boundary among the zero-width tests it opens with moved first (in each
    alternative it opens with too): they all test the same place, in any order, and one that opens
    with the boundary can share it ("(?<!\\bto\\s)\\bwill" is "\\b(?<!\\bto\\s)will"); the literals that
    follow the tests peeked at right after it ("\\b(?=will)(?<!\\bto\\s)will"): the search drops most
    places on a literal, before any look-behind runs."""
    items = list(seq)
    k = 0
    while k < len(items) and items[k][0] in _ZERO_WIDTH:
        k += 1
    lead, rest = items[:k], items[k:]
    if _BOUNDARY in lead:
        lead.remove(_BOUNDARY)
        lead.insert(0, _BOUNDARY)
    if any(op is not C.AT for op, _ in lead) and (opening := _opening(rest, state)) is not None:
        lead.insert(1 if lead[0] == _BOUNDARY else 0, (C.ASSERT, (1, opening)))
    if rest and rest[0][0] is C.BRANCH:
        av = rest[0][1]
        rest[0] = (C.BRANCH, (av[0], [_boundary_first(alt, state) for alt in av[1]]))
    elif rest and rest[0][0] is C.SUBPATTERN:
        av = rest[0][1]
        rest[0] = (C.SUBPATTERN, (*av[:3], _boundary_first(av[3], state)))
    return parser.SubPattern(state, lead + rest)


def _opening(seq: Sequence[tuple[Any, Any]], state: Any) -> Any:
    """The literals every match of ``seq`` opens with: its run of literals, or a branch of each
    alternative's run (in a group of no flags too); None if an alternative opens otherwise."""
    n = next((j for j, (op, _) in enumerate(seq) if op is not C.LITERAL), len(seq))
    if n:
        return parser.SubPattern(state, list(seq[:n]))
    if not len(seq):
        return None
    op, av = seq[0]
    if op is C.SUBPATTERN and not (av[1] or av[2]):
        return _opening(av[3], state)
    if op is C.BRANCH:
        runs = [_opening(alt, state) for alt in av[1]]
        if all(run is not None for run in runs):
            return parser.SubPattern(state, [(C.BRANCH, (None, runs))])
    return None


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


# -- a search that skips to the characters a match can open with ---------------------------------------


def _openings(seq: Sequence[tuple[Any, Any]]) -> tuple[list[tuple[Any, Any]], bool]:
    """The set items (literals, ranges, categories) of the characters a match of ``seq`` can open with,
    and whether ``seq`` can match empty (then the characters of what follows it too); raises
    :class:`_Unknown` for a part it cannot bound (any character, a negated set or literal, a group
    that changes the flags, a back-reference)."""
    items: list[tuple[Any, Any]] = []
    for op, av in seq:
        if op in _ZERO_WIDTH:  # a test of the place, not a character of the match
            continue
        if op is C.LITERAL:
            items.append((op, av))
            return items, False
        if op is C.IN:
            if any(item[0] is C.NEGATE for item in av):
                raise _Unknown
            items += av
            return items, False
        if op is C.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unknown
            inner, empty = _openings(av[3])
        elif op is C.ATOMIC_GROUP:
            inner, empty = _openings(av)
        elif op is C.BRANCH:
            inner, empty = [], False
            for alternative in av[1]:
                found, can = _openings(alternative)
                inner += found
                empty = empty or can
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            inner, empty = _openings(av[2])
            empty = empty or av[0] == 0
        else:
            raise _Unknown
        items += inner
        if not empty:
            return items, False
    return items, True


def compiled(tree: Any, flags: int) -> re.Pattern[str]:
    """``compiler.compile(tree, flags)`` (a parsed, case-sensitive pattern), with the set of characters
    its matches can open with (:func:`_openings`) in its info block when the compiler puts neither a
    literal prefix nor a set there (a pattern that opens with a word boundary or a group): the search
    then skips in C to the next such character instead of trying the pattern at every place. The
    program itself is the compiler's, so the matches are the same. Where the engine's private
    functions are not as this code knows them (Python 3.11), the compiler's own program is used."""
    try:
        return _with_openings(tree, flags)
    except (AttributeError, TypeError, ValueError, IndexError):  # the engine's internals moved
        return compiler.compile(tree, flags)  # type: ignore[no-any-return]


def opening(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` compiled by :func:`compiled`: the same program, with the set of characters its matches open with
    for the search to skip to ("[a-z][a-z'-]*|\\d+": a branch of sets, where the compiler puts none)."""
    return compiled(parser.parse(rx.pattern, rx.flags), rx.flags)


def _with_openings(tree: Any, flags: int) -> re.Pattern[str]:
    flags |= tree.state.flags
    code = compiler._code(tree, flags)
    try:
        if code[0] != C.INFO or code[2] or code[3] == 0 or flags & (re.IGNORECASE | re.LOCALE):
            raise _Unknown  # the compiler found a prefix or set; or a match may be empty; or case folds
        items, empty = _openings(tree)
        if empty or not items:
            raise _Unknown
        charset, _ = compiler._optimize_charset(items)
        info = [C.INFO, 0, C.SRE_INFO_CHARSET, code[3], code[4]]
        compiler._compile_charset(charset, flags, info)
        info[1] = len(info) - 1
        code = info + code[code[1] + 1 :]
    except _Unknown:
        pass
    groups = tree.state.groupdict
    names: list[str | None] = [None] * tree.state.groups
    for name, index in groups.items():
        names[index] = name
    return _sre.compile(None, flags, code, tree.state.groups - 1, groups, tuple(names))  # type: ignore[no-any-return]


# -- a twin's alternatives, pruned by the literals they need -------------------------------------------

_Clauses = list[frozenset[str]]  # a match holds one literal of each clause


def _quality(clause: frozenset[str]) -> tuple[int, int]:
    return len(clause), -min(map(len, clause))


def _clauses(seq: Sequence[tuple[Any, Any]]) -> _Clauses:
    """Clauses of literals every match of ``seq`` holds, as the pattern spells them (a run of
    literals, a branch all of whose alternatives hold one of a set, a part that must match at least
    once, a lookahead, which cannot see past ``endpos`` either); none from a part whose case
    the flags change, a look-behind or a negation."""
    out: _Clauses = []
    run = ""
    for op, av in seq:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if op is C.AT:  # zero width: the literals around it are next to each other in the text
            continue
        if run:
            out.append(frozenset((run,)))
            run = ""
        if op is C.SUBPATTERN:
            if not (av[1] or av[2]):
                out += _clauses(av[3])
        elif op is C.ATOMIC_GROUP:
            out += _clauses(av)
        elif op is C.BRANCH:
            alternatives = [_clauses(alt) for alt in av[1]]
            if all(alternatives):
                out.append(frozenset().union(*(min(alt, key=_quality) for alt in alternatives)))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                out += _clauses(av[2])
        elif op is C.ASSERT and av[0] == 1:
            out += _clauses(av[1])
    if run:
        out.append(frozenset((run,)))
    return out


def _alternatives(seq: Sequence[tuple[Any, Any]]) -> tuple[int, list[Any]] | None:
    """``seq`` as one branch between zero-width parts (word boundaries): the branch's index and
    its alternatives; or None."""
    branches = [k for k, (op, _) in enumerate(seq) if op is not C.AT]
    if len(branches) != 1 or seq[branches[0]][0] is not C.BRANCH:
        return None
    return branches[0], seq[branches[0]][1][1]


def _leaves(seq: Sequence[tuple[Any, Any]]) -> list[Any]:
    """The alternatives of ``seq``'s branch, those that are themselves a branch (behind word
    boundaries) flattened, in order; ``[seq]`` when it is no such branch."""
    split = _alternatives(seq)
    if split is None:
        return [seq]
    return [leaf for alt in split[1] for leaf in _leaves(alt)]


def _rebuild(seq: Sequence[tuple[Any, Any]], alive: Iterator[bool], state: Any) -> list[Any] | None:
    """``seq`` with only the alternatives ``alive`` keeps (one flag for each of :func:`_leaves`, in
    order), or None when it keeps none."""
    split = _alternatives(seq)
    if split is None:
        return list(seq) if next(alive) else None
    k, alternatives = split
    kept = [r for r in [_rebuild(alt, alive, state) for alt in alternatives] if r is not None]
    if not kept:
        return None
    if len(kept) == 1:
        return [*seq[:k], *kept[0], *seq[k + 1 :]]
    return [*seq[:k], (C.BRANCH, (None, [parser.SubPattern(state, alt) for alt in kept])), *seq[k + 1 :]]


def _needed(seq: Sequence[tuple[Any, Any]]) -> frozenset[str]:
    """The most telling clause of :func:`_clauses` (fewest literals, then the longest), the
    literals that hold a shorter one of it left out; empty when there is none with literals of
    three characters or more."""
    clauses = [c for c in _clauses(seq) if min(map(len, c)) >= 3]
    if not clauses:
        return frozenset()
    best = min(clauses, key=_quality)
    return frozenset(w for w in best if not any(v != w and v in w for v in best))


_PRUNE_FROM = 200  # characters: a shorter range is searched faster than its literals are looked up
_MIN_LEAVES = 6  # alternatives at least for a pruning (leaving out one of a few saves less than it costs)
_MAX_LITERALS = 32  # looked up for a pruning at most (more cost more than they save)
_MAX_PRUNED = 32  # compiled prunings kept for one pattern (beyond them, the whole twin)
_PRESENT: tuple[str | None, dict[str, bool]] = (None, {})


class _Pruning:
    """A twin's alternatives (those of a branch behind word boundaries, nested ones flattened), each
    with a set of literals one of which its every match holds (:func:`_needed`). A search of a
    text that holds none of an alternative's literals runs the twin without that alternative: it
    cannot match there, so the twin finds what it found, at the same places with the same ends
    (where several alternatives match at one place, the first that does is the same one)."""

    __slots__ = ("always", "anywhere", "flags", "last", "leaves", "masks", "pruned", "rx")

    def __init__(self, rx: re.Pattern[str], anywhere: bool, flags: int, needs: list[frozenset[str]]) -> None:
        # the twin's tree is made again for each new pruning (rare): kept, its thousands of small
        # objects would lengthen every full garbage collection
        self.rx, self.anywhere, self.flags = rx, anywhere, flags
        self.leaves = len(needs)
        self.always = sum(1 << k for k, need in enumerate(needs) if not need)  # alternatives with no literal
        masks: dict[str, int] = {}
        for k, need in enumerate(needs):
            for w in need:
                masks[w] = masks.get(w, 0) | 1 << k
        self.masks = tuple(masks.items())
        self.pruned: dict[int, re.Pattern[str]] = {}
        self.last: tuple[str | None, re.Pattern[str] | None] = (None, None)  # the last text's twin

    @staticmethod
    def of(rx: re.Pattern[str], anywhere: bool, needs: list[frozenset[str]], flags: int) -> _Pruning | None:
        """The pruning of ``rx``'s twin whose alternatives need ``needs``, or None when it has no
        alternative to leave out."""
        if len(needs) < _MIN_LEAVES or not all(needs) or len(set().union(*needs)) > _MAX_LITERALS:
            return None  # an alternative that needs no literal is always searched: little to gain
        return _Pruning(rx, anywhere, flags, needs)

    def pattern(self, full: re.Pattern[str], hay: str) -> re.Pattern[str] | None:
        """The twin for a search in ``hay`` (``full`` when every alternative may match in it), or None
        when none can. Whether ``hay`` holds a literal is kept for the next patterns on it, the twin
        for the next search in it (a paragraph's sentences are searched one after another)."""
        last = self.last
        if last[0] is hay:
            return last[1]
        found = self._pattern(full, hay)
        self.last = (hay, found)
        return found

    def _pattern(self, full: re.Pattern[str], hay: str) -> re.Pattern[str] | None:
        global _PRESENT
        memo = _PRESENT
        if memo[0] is not hay:
            memo = _PRESENT = (hay, {})
        present = memo[1]
        alive = self.always
        for w, mask in self.masks:
            held = present.get(w)
            if held is None:
                held = present[w] = w in hay
            if held:
                alive |= mask
        everything = (1 << self.leaves) - 1
        if alive == everything:
            return full
        if not alive:
            return None
        found = self.pruned.get(alive)
        if found is None:
            if len(self.pruned) >= _MAX_PRUNED:
                return full
            full_tree, _ = _twin_tree(self.rx, self.anywhere)  # type: ignore[misc]  # it has one
            kept = _rebuild(full_tree, iter([bool(alive >> k & 1) for k in range(self.leaves)]), full_tree.state)
            found = self.pruned[alive] = compiled(parser.SubPattern(full_tree.state, kept), self.flags)
        return found


@lru_cache(maxsize=64)
def needed(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which every match of ``rx``'s :func:`twin` holds (lower-case for a
    case-insensitive ``rx``), or None when it has no twin or an alternative needs none."""
    made = _twin_tree(rx, False)
    if made is None:
        return None
    needs = [_needed(leaf) for leaf in _leaves(made[0])]
    if not all(needs):
        return None
    every = frozenset().union(*needs)
    return tuple(sorted(w for w in every if not any(v != w and v in w for v in every)))


_QUICK = 12  # literals at most tested before any search
_Twin = tuple[re.Pattern[str], "re.Pattern[str] | None", bool, bool, "_Pruning | None", "tuple[str, ...] | None"]
# rx, its twin, folded, exact, the twin's pruning, literals one of which every match of the twin holds


def _twin_tree(rx: re.Pattern[str], anywhere: bool) -> tuple[Any, bool] | None:
    """The parse tree of ``rx``'s twin (``anywhere``: of :func:`holds`, whose alternatives may be
    reordered) and whether it is exact; None if it has none."""
    folded = bool(rx.flags & re.IGNORECASE)
    tree = parser.parse(rx.pattern, rx.flags)
    if tree.getwidth()[0] == 0:
        return None  # an empty match moves finditer on by one: keep to patterns that cannot match empty
    lowering = _Lowering(tree.state)
    try:
        low = lowering.seq(tree) if folded else tree
    except _NoTwin:
        return None
    low = _boundary_first(low, tree.state)
    if anywhere and len(low) == 1 and low[0][0] is C.BRANCH:
        # whether it matches at a place does not depend on the order of the alternatives: those that
        # open with a word boundary go first, behind one test of it
        alternatives = low[0][1][1]
        bounded = [alt for alt in alternatives if _opens_with_boundary(alt)]
        if len(bounded) < 2 and not folded:
            return None  # nothing gained
        if len(bounded) > 1:
            first = (C.AT, C.AT_BOUNDARY), (C.BRANCH, (None, [_without_boundary(alt, tree.state) for alt in bounded]))
            rest = [alt for alt in alternatives if not _opens_with_boundary(alt)]
            low = parser.SubPattern(
                tree.state, [(C.BRANCH, (None, [parser.SubPattern(tree.state, list(first)), *rest]))]
            )
    elif _opens_with_boundary(low):  # "\bgrants|\bhereby": one test of the boundary, then the branch
        low = parser.SubPattern(tree.state, [(C.AT, C.AT_BOUNDARY), *_without_boundary(low, tree.state)])
    elif not folded:
        return None  # nothing gained
    tree.state.flags &= ~re.IGNORECASE
    return low, lowering.exact


def _twin(rx: re.Pattern[str], anywhere: bool) -> _Twin:
    """The entry of :func:`twin`."""
    folded = bool(rx.flags & re.IGNORECASE)
    made = _twin_tree(rx, anywhere)
    if made is None:
        return rx, None, folded, True, None, None
    low, exact = made
    flags = rx.flags & ~re.IGNORECASE
    needs = [_needed(leaf) for leaf in _leaves(low)]
    every = frozenset().union(*needs)
    every = frozenset(w for w in every if not any(v != w and v in w for v in every))
    quick = tuple(sorted(every)) if all(needs) and len(every) <= _QUICK else None
    return rx, compiled(low, flags), folded, exact, _Pruning.of(rx, anywhere, needs, flags), quick


_TWINS: dict[int, _Twin] = {}  # by the pattern's id (its own hash reads its whole program)
_ANYWHERE: dict[int, _Twin] = {}  # the twins of holds


def _entry(rx: re.Pattern[str], anywhere: bool) -> _Twin:
    twins = _ANYWHERE if anywhere else _TWINS
    entry = twins.get(id(rx))
    if entry is None or entry[0] is not rx:
        entry = twins[id(rx)] = _twin(rx, anywhere)
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
    _, lower, _, exact, _, _ = _entry(rx, anywhere)
    return None if lower is None else (lower, exact)


def _leads_with_boundary(seq: Sequence[tuple[Any, Any]]) -> bool:
    """Whether ``seq`` opens with a word boundary, or is a branch whose first alternative does (the
    alternatives :func:`_twin_tree` put behind one test of it for :func:`holds`)."""
    if _opens_with_boundary(seq):
        return True
    return len(seq) == 1 and seq[0][0] is C.BRANCH and _opens_with_boundary(seq[0][1][1][0])


def _top_alternatives(pattern: str) -> list[str]:
    """The alternatives of ``pattern``'s outermost ``|`` (``[pattern]`` when it has none): the ``|`` outside
    every group and character set, not escaped."""
    parts, depth, start, i, n = [], 0, 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a set: "]" right after its "[" or "[^" is a character of it
            i += 2 if pattern.startswith("^", i + 1) else 1
            i += 1 if pattern.startswith("]", i) else 0
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and not depth:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


# an alternative that opens (after word boundaries and look-behinds) with a case-sensitive group: "(?-i:\b[A-Z]…"
_OPENS_CASED = re.compile(r"(?:\\b|\(\?<[!=](?:[^()\\]|\\.)*\))*\(\?-i:")
_REFERS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # a back-reference or a conditional group: no split


def _split(rx: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    r"""For a case-insensitive ``rx`` whose twin is inexact because some of its alternatives open with a
    case-sensitive part ("(?-i:\b[A-Z][\w'-]*…)\s+law …"): those alternatives as one pattern searched in
    the text as written, and the others as one pattern (found by its twin); None for any other ``rx``.
    On the lower-cased text the twin of such an alternative is tried at every word (its "[A-Z]" becomes
    "[a-z]"); in the text as written only at capitalised ones. The leftmost place where ``rx`` matches
    is the leftmost where either of the two does, and ``rx.match`` there gives ``rx``'s own match."""
    if not rx.flags & re.IGNORECASE or rx.flags & re.VERBOSE or _REFERS.search(rx.pattern):
        return None
    made = _twin_tree(rx, False)
    if made is None or made[1]:
        return None
    cased: list[str] = []
    rest: list[str] = []
    for part in _top_alternatives(rx.pattern):
        (cased if _OPENS_CASED.match(part) else rest).append(part)
    if not cased or not rest:
        return None
    try:
        return re.compile("|".join(rest), rx.flags), re.compile("|".join(cased), rx.flags)
    except re.error:  # an alternative that does not stand alone
        return None


def _split_search(
    rx: re.Pattern[str],
    split: tuple[re.Pattern[str], re.Pattern[str]],
    text: str,
    low: str | None,
    pos: int,
    endpos: int,
) -> re.Match[str] | None:
    """``rx.search(text, pos, endpos)`` by the two patterns of :func:`_split`."""
    rest, cased = split
    found = search(rest, text, low, pos, endpos)
    other = cased.search(text, pos, endpos)
    if found is None and other is None:
        return None
    start = min(m.start() for m in (found, other) if m is not None)
    return rx.match(text, start, endpos)


_SEARCHING: dict[int, tuple[re.Pattern[str], _Twin, bool, tuple[re.Pattern[str], re.Pattern[str]] | None]] = {}


def _searching(rx: re.Pattern[str]) -> tuple[_Twin, bool]:
    """The entry :func:`search` and :func:`finditer` find places by, and whether it is the reordered one
    of :func:`holds`. The leftmost place where any alternative matches is the same in any order of the
    alternatives, and at that place ``rx.match`` gives ``rx``'s own match: a pattern some of whose
    alternatives open with a word boundary, but not all, is searched for by the twin that tests the
    boundary once for those (only the end of the twin's match may differ, and it is not used)."""
    found = _SEARCHING.get(id(rx))
    if found is None or found[0] is not rx:
        entry, reordered = _entry(rx, False), False
        made = _twin_tree(rx, False) if entry[1] is not None else None
        if made is not None and not _opens_with_boundary(made[0]):
            other = _twin_tree(rx, True)
            if other is not None and _leads_with_boundary(other[0]):
                entry, reordered = _entry(rx, True), True
        found = _SEARCHING[id(rx)] = (rx, entry, reordered, _split(rx))
    return found[1], found[2]


def _searched(rx: re.Pattern[str]) -> tuple[_Twin, bool, tuple[re.Pattern[str], re.Pattern[str]] | None]:
    """:func:`_searching`'s entry, whether it is reordered, and ``rx``'s :func:`_split`."""
    found = _SEARCHING.get(id(rx))
    if found is None or found[0] is not rx:
        _searching(rx)
        found = _SEARCHING[id(rx)]
    return found[1], found[2], found[3]


def _narrowed(entry: _Twin, hay: str, pos: int, endpos: int) -> re.Pattern[str] | None:
    """The twin of ``entry`` to search ``hay[pos:endpos]`` with: None when no match can be there (the
    text holds none of the literals one of which every match holds, or none that an alternative
    needs), else the twin without the alternatives whose literals the text lacks (a range longer than
    ``_PRUNE_FROM``)."""
    _, lower, _, _, pruning, quick = entry
    assert lower is not None  # only entries with a twin get here
    if quick is not None:
        for literal in quick:  # a loop: faster than any(map(...)) for the few literals
            if literal in hay:
                break
        else:
            return None
    if pruning is not None and min(endpos, len(hay)) - pos > _PRUNE_FROM:
        return pruning.pattern(lower, hay)
    return lower


def _confirmed(
    rx: re.Pattern[str],
    lower: re.Pattern[str],
    exact: bool,
    text: str,
    low: str,
    pos: int,
    endpos: int,
    reordered: bool = False,
) -> re.Match[str] | None:
    """``rx``'s first match from ``pos``, at the first place the twin matches ``low`` where ``rx``
    matches ``text`` too (``reordered``: the twin's alternatives are in another order, so the ends
    of the two matches may differ)."""
    start = pos
    while (m := lower.search(low, pos, endpos)) is not None:
        found = rx.match(text, m.start(), endpos)
        if found is not None and (not exact or reordered or found.end() == m.end()):
            return found
        if exact:  # never (an exact twin matches where rx does): rx's own way
            return rx.search(text, start, endpos)
        pos = m.start() + 1
    return None


def holds(rx: re.Pattern[str], text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
    """``rx.search(text, pos, endpos) is not None``, by the pattern's :func:`twin` for anywhere."""
    entry = _ANYWHERE.get(id(rx))
    if entry is None or entry[0] is not rx:
        entry = _entry(rx, True)
    _, lower, folded, exact, _, _ = entry
    hay = lowered(text) if folded else text
    if lower is None or hay is None:
        return rx.search(text, pos, endpos) is not None
    if (lower := _narrowed(entry, hay, pos, endpos)) is None:
        return False
    if exact:
        return lower.search(hay, pos, endpos) is not None
    if (split := _searched(rx)[2]) is not None:
        return _split_search(rx, split, text, hay, pos, endpos) is not None
    return _confirmed(rx, lower, False, text, hay, pos, endpos) is not None


def search(rx: re.Pattern[str], text: str, low: str | None, pos: int, endpos: int) -> re.Match[str] | None:
    """``rx.search(text, pos, endpos)``, found by :func:`twin` in ``low`` (``text.lower()``, or None when
    ``text`` holds a character of :data:`FOLDS_TO_ASCII`) when ``rx`` has one."""
    entry, reordered, split = _searched(rx)
    if split is not None:
        return _split_search(rx, split, text, low, pos, endpos)
    _, lower, folded, exact, _, _ = entry
    hay = low if folded else text  # a case-sensitive pattern's twin only shares its word boundary
    if lower is None or hay is None:
        return rx.search(text, pos, endpos)
    if (lower := _narrowed(entry, hay, pos, endpos)) is None:
        return None
    return _confirmed(rx, lower, exact, text, hay, pos, endpos, reordered)


def count(rx: re.Pattern[str], text: str) -> int:
    """``len(rx.findall(text))``, counted by an exact :func:`twin` in the lower-cased text when ``rx``
    has one (it matches there exactly where ``rx`` matches the text)."""
    entry = _entry(rx, False)
    _, lower, folded, exact, _, _ = entry
    hay = lowered(text) if folded else text
    if lower is None or hay is None or not exact:
        return len(rx.findall(text))
    if (lower := _narrowed(entry, hay, 0, len(hay))) is None:
        return 0
    return len(lower.findall(hay))


def finditer(
    rx: re.Pattern[str], text: str, low: str | None, pos: int = 0, endpos: int = sys.maxsize
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, pos, endpos)``, found as :func:`search` finds (no pattern with a twin matches
    empty)."""
    entry, reordered, split = _searched(rx)
    if split is not None:
        while (found := _split_search(rx, split, text, low, pos, endpos)) is not None:
            yield found
            pos = found.end()
        return
    _, lower, folded, exact, _, _ = entry
    hay = low if folded else text
    if lower is None or hay is None:
        yield from rx.finditer(text, pos, endpos)
        return
    if (lower := _narrowed(entry, hay, pos, endpos)) is None:
        return
    while (found := _confirmed(rx, lower, exact, text, hay, pos, endpos, reordered)) is not None:
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
        entry = _LAST = (text, text.lower() if text.isascii() or not folds(text) else None)
    return entry[1]
