"""Learned recall: a paragraph classifier as a backstop for the wording the rules miss.

One logistic regression per clause kind over hashed features of a paragraph: its words and word
pairs, the words of its heading and section path, its run-in title, whether it defines or quotes a
term, its numbering, and where it sits in the document (see :func:`features`). The weights were
trained offline (``scripts/train_classifier.py``; data, features and cross-validated figures in
``docs/model-card.md``) and ship as a small gzip JSON beside this module. Inference is pure Python:
deterministic, no network, no numpy.

:func:`review_findings` turns every paragraph the model scores at or above a kind's review
threshold, and that no rule finding covers, into a ``review``-tier finding: a
confidence (the model's probability), severity low (never above medium), and an explanation saying a model
flagged it for a human look and which words weighed most.
"""

from __future__ import annotations

import contextlib
import gc
import gzip
import heapq
import json
import math
import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import add, and_, mul, rshift, sub
from pathlib import Path
from typing import Any

from noai.analysis import fast
from noai.analysis.classify import INFO, LOW, Finding
from noai.ooxml.model import Paragraph

MODEL_PATH = Path(__file__).with_name("learned_model.bin.gz")
Row = tuple[float, ...]  # a feature's weight for each kind of the model
TitleCache = dict[Any, int]  # title features' packed sums by (section path, heading, run-in title)
FORMAT = "noai.learned/2"
FORMAT_JSON = "noai.learned/1"  # the first format: gzip JSON (fold models written before the change)
# The severity of a review finding: low (info for governing law, confidentiality and reservation of
# rights). The model says *what* a paragraph may be, not which way it runs, so only a rule may call
# a clause a medium or high risk, and the redline plan (which edits medium and high findings with a
# phrase) leaves review findings alone.
REVIEW_SEVERITY = {"governing_law": INFO, "confidentiality": INFO, "reservation_of_rights": INFO}
REVIEW_TEXT = (
    "A statistical model flagged this paragraph for review as {kind} (confidence {confidence:.0%}); "
    "no wording rule matched it, so check it by hand. Words that weighed most: {why}."
)
KIND_NAMES = {
    "license_grant": "a licence grant",
    "ip_assignment": "an IP assignment or ownership clause",
    "perpetual_irrevocable": "a perpetual or irrevocable grant",
    "governing_law": "a governing-law clause",
    "existing_ai_restriction": "a clause about AI use",
    "derivative_works": "a derivative-works right",
    "any_and_all_purposes": "an any-purpose grant",
    "confidentiality": "a confidentiality clause",
    "reservation_of_rights": "a reservation of rights",
}

_WORD = fast.opening(re.compile(r"[a-z][a-z'-]*|\d+"))  # searched by its openings: a letter, a digit
_QUOTED_TERM = re.compile(r"[\"“(]\s*(?:the\s+)?[\"“]?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*[\"”]")
_DEFINES = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?[\"“][^\"”]{1,60}[\"”]\s+(?:means|shall\s+mean|has\s+the\s+"
    r"meaning|includes|refers)",
    re.IGNORECASE,
)
_TYPED_NUMBER = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,4}[.)]|\d+(?:\.\d+)+\.?|section\s+\d|article\s+[ivx\d])", re.IGNORECASE
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def features(p: Paragraph, position: float, context: Sequence[str] = ()) -> list[str]:
    """The named features of paragraph ``p`` at relative ``position`` (0 = first paragraph, 1 = last):
    ``w:`` words, ``b:`` word pairs, ``s:`` stems (the first letters of its longer words), ``h:`` words of
    the last two levels of its section path, ``t:`` of its heading, ``r:`` of its run-in title, then its
    length, position and shape, then ``context`` (:meth:`Neighbours.context`: what the paragraphs around
    it say)."""
    words = _words(p.text)
    out = [f"w:{w}" for w in words]
    out += [f"b:{a}_{b}" for a, b in pairwise(words)]
    out += [f"s:{s}" for s in _stems(words)]
    return out + _titles(p) + _shape(p, position, len(words)) + list(context)


STEM = 6  # a longer word's first letters are a feature too (``s:``): licensed, licensee, licensing -> "licens"


def _stems(words: Iterable[str]) -> set[str]:
    return {w[:STEM] for w in words if len(w) > STEM}


LEAD_IN_REACH = 12  # a list item's lead-in ("… grants to the Reseller:") is at most this many paragraphs up
LEAD_IN_WORDS = 12  # the lead-in's last words are features of its items


class Neighbours:
    """What the paragraphs around each paragraph say, from the rule findings (``covers``: (paragraph,
    kind) for each paragraph a rule finding covers): ``pk:``/``nk:`` the kinds of the rule findings over the
    previous / next non-empty paragraph, ``lk:`` over its lead-in (the nearest paragraph at most
    ``LEAD_IN_REACH`` before it that ends with a colon, as "… hereby grants to the Reseller:" before its
    list of rights), ``sk:`` over any paragraph of its top-level section, and ``l:`` the lead-in's last
    ``LEAD_IN_WORDS`` words. A list item the rules did not read gets its lead-in's words and kinds."""

    def __init__(self, paragraphs: Sequence[Paragraph], covers: Iterable[tuple[int, str]]) -> None:
        self.paragraphs = paragraphs
        self.kinds: dict[int, set[str]] = {}
        self.sections: dict[tuple[str, ...], set[str]] = {}
        for i, kind in covers:
            self.kinds.setdefault(i, set()).add(kind)
            if 0 <= i < len(paragraphs) and (top := paragraphs[i].section_path[:1]):
                self.sections.setdefault(top, set()).add(kind)
        texts = [p.text.rstrip() for p in paragraphs]
        self.nonempty = [i for i, text in enumerate(texts) if text]  # in order
        self.colons = [i for i in self.nonempty if texts[i].endswith(":")]  # the lead-ins, in order
        self._lead_words: dict[int, list[str]] = {}
        self._names: dict[tuple[str, int | tuple[str, ...]], list[str]] = {}

    def around(self, i: int) -> tuple[int | None, int | None, int | None]:
        """Paragraph ``i``'s previous and next non-empty paragraph and its lead-in (``None``: none)."""
        nonempty, colons = self.nonempty, self.colons
        j = bisect_left(nonempty, i)
        after = j + 1 if j < len(nonempty) and nonempty[j] == i else j
        c = bisect_left(colons, i)
        return (
            nonempty[j - 1] if j else None,
            nonempty[after] if after < len(nonempty) else None,
            colons[c - 1] if c and i - colons[c - 1] <= LEAD_IN_REACH else None,
        )

    def context(self, i: int) -> list[str]:
        """The context features of paragraph ``i``."""
        out: list[str] = []
        kinds = self.kinds
        previous, following, lead = self.around(i)
        if previous in kinds:
            out += self._named("pk:", previous)
        if following in kinds:
            out += self._named("nk:", following)
        if lead is not None:
            if lead in kinds:
                out += self._named("lk:", lead)
            out += self.lead_words(lead)
        if self.sections and (top := self.paragraphs[i].section_path[:1]) in self.sections:
            out += self._named("sk:", top)
        return out

    def lead_words(self, j: int) -> list[str]:
        """The ``l:`` features of lead-in ``j``: its last ``LEAD_IN_WORDS`` words."""
        if (words := self._lead_words.get(j)) is None:
            words = self._lead_words[j] = [
                f"l:{w}" for w in sorted(set(_words(self.paragraphs[j].text)[-LEAD_IN_WORDS:]))
            ]
        return words

    def _named(self, prefix: str, key: int | tuple[str, ...]) -> list[str]:
        if (names := self._names.get((prefix, key))) is None:
            kinds = self.kinds[key] if isinstance(key, int) else self.sections[key]
            names = self._names[(prefix, key)] = [prefix + k for k in sorted(kinds)]
        return names


def _titles(p: Paragraph) -> list[str]:
    """The heading features: the same for every paragraph of a section (the audit keeps their sum by
    section path, heading and run-in title)."""
    titles = [f"h:{w}" for w in set(_words(" ".join(p.section_path[-2:])))]
    if p.heading:
        titles += [f"t:{w}" for w in set(_words(p.heading))]
    if p.run_in_title:
        titles += [f"r:{w}" for w in set(_words(p.run_in_title))]
    return titles


_LENGTHS = tuple(f"len:{b}" for b in range(9))
_POSITIONS = tuple(f"pos:{d}" for d in range(10))


def _shape(p: Paragraph, position: float, n: int) -> list[str]:
    """Length bucket (log2 of the ``n`` words), position decile and the paragraph's shape."""
    out = [_LENGTHS[min(8, n.bit_length())], _POSITIONS[max(0, min(9, int(position * 10)))]]
    text = p.text
    if _DEFINES.search(text):
        out.append("defines")
    if _QUOTED_TERM.search(text):
        out.append("quotes_term")
    if p.is_heading or (n <= 8 and (p.bold or p.all_caps)):
        out.append("heading_like")
    if p.label or _TYPED_NUMBER.match(text):
        out.append("numbered")
    if p.in_table:
        out.append("in_table")
    return out


class _Rows(Mapping[str, Row]):
    """The weights of a model read from its file, kept compact: the feature names as one UTF-8 block
    (one a line) and the weights as an ``array('h')`` of thousandths, ``kinds`` per feature. The names'
    index is built only when a weight is looked up by name (training, the tests); the audit's path
    (:class:`_Packed`) reads the rows in order."""

    def __init__(self, names: bytes, weights: array[int], kinds: int) -> None:
        self.names, self.weights, self.width = names, weights, kinds

    def features(self) -> list[str]:
        return self.names.decode("utf-8").split("\n") if self.names else []

    def millionths(self) -> Iterator[tuple[str, list[int]]]:
        """(feature, its weight for each kind in millionths), in the file's order."""
        weights, width = self.weights, self.width
        for j, name in enumerate(self.features()):
            yield name, [q * 1000 for q in weights[j * width : (j + 1) * width]]

    @cached_property
    def _index(self) -> dict[str, int]:
        return {name: j for j, name in enumerate(self.features())}

    def __getitem__(self, feature: str) -> Row:
        j = self._index[feature]
        return tuple(q / 1000 for q in self.weights[j * self.width : (j + 1) * self.width])

    def __iter__(self) -> Iterator[str]:
        return iter(self.features())

    def __len__(self) -> int:
        return len(self.weights) // self.width if self.width else 0


@dataclass(frozen=True)
class Model:
    """Per kind a bias, a review threshold and a weight for each known feature (``weights[f][k]`` for
    ``kinds[k]``); features the model does not know weigh nothing. Each feature counts once."""

    kinds: tuple[str, ...]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    meta: Mapping[str, Any]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Model:
        """A model of the first file format (gzip JSON, sparse weights): fold models written before it changed."""
        if d.get("format") != FORMAT_JSON:
            raise ValueError(f"not a {FORMAT_JSON} model")
        kinds = tuple(d["kinds"])
        weights = {}
        for feature, sparse in d["weights"].items():
            row = [0.0] * len(kinds)
            for k, w in zip(sparse[::2], sparse[1::2], strict=True):
                row[k] = float(w)
            weights[feature] = tuple(row)
        return cls(kinds, tuple(map(float, d["bias"])), tuple(map(float, d["thresholds"])), weights, d.get("meta", {}))

    def to_bytes(self) -> bytes:
        """The file's content (before gzip): a JSON header line, the feature names (sorted, one a line), then
        each feature's weight per kind in thousandths as little-endian 16-bit integers."""
        names = sorted(self.weights)
        weights = array("h")
        for f in names:
            for w in self.weights[f]:
                q = round(w * 1000)
                if not -(1 << 15) <= q < 1 << 15:
                    raise ValueError(f"weight {w} of {f!r} does not fit the model file")
                weights.append(q)
        if sys.byteorder == "big":
            weights.byteswap()
        block = "\n".join(names).encode("utf-8")
        header = {
            "format": FORMAT,
            "kinds": list(self.kinds),
            "bias": [round(b, 4) for b in self.bias],
            "thresholds": [round(t, 4) for t in self.thresholds],
            "meta": dict(self.meta),
            "features": len(names),
            "names_bytes": len(block),
            "weights": "int16 little-endian thousandths, features x kinds",
        }
        return (
            json.dumps(header, separators=(",", ":"), sort_keys=True).encode("utf-8")
            + b"\n"
            + block
            + weights.tobytes()
        )

    @classmethod
    def from_bytes(cls, raw: bytes) -> Model:
        """The model in ``raw`` (:meth:`to_bytes`; a first-format JSON model too)."""
        end = raw.find(b"\n")
        try:
            header = json.loads(raw[: end if end >= 0 else len(raw)])
        except ValueError:
            header = None
        if isinstance(header, dict) and header.get("format") == FORMAT_JSON and end < 0:
            return cls.from_dict(header)
        if not isinstance(header, dict) or header.get("format") != FORMAT or end < 0:
            raise ValueError(f"not a {FORMAT} model")
        kinds = tuple(header["kinds"])
        names = raw[end + 1 : end + 1 + header["names_bytes"]]
        weights = array("h")
        weights.frombytes(raw[end + 1 + len(names) :])
        if sys.byteorder == "big":
            weights.byteswap()
        if len(weights) != header["features"] * len(kinds) or len(names) != header["names_bytes"]:
            raise ValueError("the model file is truncated")
        return cls(
            kinds,
            tuple(map(float, header["bias"])),
            tuple(map(float, header["thresholds"])),
            _Rows(names, weights, len(kinds)),
            header.get("meta", {}),
        )

    @cached_property
    def _packed(self) -> _Packed:
        return _Packed(self)

    def _probabilities(self, hits: list[Row]) -> list[float]:
        if not hits:
            return [_sigmoid(b) for b in self.bias]
        return [_sigmoid(b + sum(col)) for b, col in zip(self.bias, zip(*hits, strict=True), strict=True)]

    def probabilities(self, feats: Sequence[str]) -> list[float]:
        """The probability of each of ``kinds`` given named features (training's path)."""
        get = self.weights.get
        return self._probabilities([row for f in set(feats) if (row := get(f)) is not None])

    def paragraph_probabilities(
        self, p: Paragraph, position: float, context: Sequence[str] = (), cache: TitleCache | None = None
    ) -> list[float]:
        """``probabilities(features(p, position, context))`` without building the feature names (the
        audit's path)."""
        return [_sigmoid(z) for z in self.paragraph_logits(p, position, context, cache)]

    def paragraph_logits(
        self, p: Paragraph, position: float, context: Sequence[str] = (), cache: TitleCache | None = None
    ) -> list[float]:
        packed = self._packed
        return packed.logits(packed.score(p, position, context, {} if cache is None else cache))

    def why(self, kind: str, feats: Sequence[str], top: int = 4) -> list[str]:
        """The features that pushed ``kind`` up most, as words ('"governed by"', 'heading "law"')."""
        return self._packed.why(feats, self.kinds.index(kind), top)


# The audit's fast path (:class:`_Packed`) adds all kinds' weights of a feature in one integer addition:
# a feature's row is the int sum of ``q[k] << (lane * k)``, ``q[k]`` its weight for kind k in its unit:
# thousandths where every weight is a whole number of them (the file keeps 3 decimals), millionths
# otherwise, so exactly. Adding rows adds each kind's lane; with 2**(lane - 1) minus the kind's threshold
# added to each lane, a lane's top bit says whether the kind reached its threshold and no lane borrows
# from the next while a lane's sum stays within +-2**(lane - 2). ``_Packed`` takes 32-bit lanes where the
# sum of the model's weights' absolute values stays under 2**29 units, 64-bit lanes otherwise (half the
# bits; measured about 1 % faster in the audit: Python's cost here is per element, not per bit).
_SCALE = 1_000_000
_LANES = (32, 64)
_SEPARATOR = "\x00"  # between paragraphs in the text the audit's path splits into words at once (never in XML text)
_TOKEN = fast.opening(re.compile(r"[a-z][a-z'-]*|\d+" + "|" + _SEPARATOR))
_CHUNK = 200  # paragraphs bounded at a time (the passes' lists stay short)
_FLAGS = ("defines", "quotes_term", "heading_like", "numbered", "in_table")  # the shape features but length, position


def _lanes(values: Sequence[int], lane: int) -> int:
    return sum(v << (lane * k) for k, v in enumerate(values))


def _unlanes(packed: int, kinds: int, lane: int) -> list[int]:
    """The values of ``_lanes``: each kind's weight of a packed row."""
    out = []
    mask, half = (1 << lane) - 1, 1 << (lane - 1)
    for _ in range(kinds):
        v = packed & mask
        if v >= half:
            v -= 1 << lane
        out.append(v)
        packed = (packed - v) >> lane
    return out


def _positive(packed: int, kinds: int, lane: int) -> int:
    """A packed row with its negative weights as 0."""
    return _lanes([max(0, v) for v in _unlanes(packed, kinds, lane)], lane)


def _tokenized(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """The words of all ``texts`` (:func:`_words`) in one pass, separated by ``_SEPARATOR``, and where each
    text's words start (one more: text n's words are ``tokens[starts[n] : starts[n + 1] - 1]``)."""
    if not texts:
        return [], [0]
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # a separator in a text splits words as a space does
        joined = _SEPARATOR.join(t.replace(_SEPARATOR, " ") for t in texts)
    tokens = _TOKEN.findall(joined.lower())
    # each separator is a token of its own: the next text starts after it. ``list.index`` finds each in C (one
    # call a text, the separator tokens being the one cached one-character string, told by identity)
    starts, at, find = [0], -1, tokens.index
    for _ in range(len(texts) - 1):
        at = find(_SEPARATOR, at + 1)
        starts.append(at + 1)
    starts.append(len(tokens) + 1)
    return tokens, starts


def _millionths(weights: Mapping[str, Row]) -> Iterator[tuple[str, list[int]]]:
    if isinstance(weights, _Rows):
        return weights.millionths()
    return ((f, [round(w * _SCALE) for w in row]) for f, row in weights.items())


def _magnitude(weights: Mapping[str, Row]) -> int:
    """The sum of the weights' absolute values, in millionths."""
    if isinstance(weights, _Rows):
        return sum(map(abs, weights.weights)) * 1000
    return sum(abs(round(w * _SCALE)) for row in weights.values() for w in row)


class _Packed:
    """The model's weights for the audit's path. Words become integer ids, a word pair the key
    ``id(a) * n + id(b)`` (unknown words are 0, so a pair with one never matches a pair feature, and the
    pair key ``id(b)`` of an unknown first word is the word ``b`` itself, already among the keys), a stem
    the key ``n * n + its number``, and each feature's row one int (see ``_LANES``): a paragraph's scores
    are one ``sum`` of ints, and which kinds reach their thresholds the top bits of its lanes."""

    def __init__(self, model: Model) -> None:
        self.bias = model.bias
        self.width = width = len(model.kinds)
        rows = list(_millionths(model.weights))
        # the unit: thousandths where every weight is a whole number of them (always so in the file)
        whole = isinstance(model.weights, _Rows) or all(v % 1000 == 0 for _, row in rows for v in row)
        self.unit = unit = 1000 if whole else 1
        self.scale = _SCALE // unit
        magnitude = _magnitude(model.weights) // unit
        fits = [lane for lane in _LANES if magnitude < 1 << (lane - 3)]
        if not fits:
            raise ValueError("the model's weights are too large for the packed rows")
        self.lane = lane = fits[0]
        half = self.half = 1 << (lane - 1)
        self.mask = (1 << lane) - 1
        words: dict[str, int] = {}
        for f in model.weights:
            prefix, _, rest = f.partition(":")
            for w in rest.split("_") if prefix == "b" else (rest,) if prefix == "w" else ():
                words.setdefault(w, len(words) + 1)
        self.ids = words
        self.words = ["", *words]  # by id
        self.n = n = len(words) + 1
        self.stems: dict[str, int] = {}  # stem -> its key in table
        self.table: dict[int, int] = {}  # word, word pair and stem keys -> row
        self.other: dict[str, int] = {}
        self.keyed: dict[str, dict[str, int]] = {"h": {}, "t": {}, "r": {}}  # by word
        for f, row in rows:
            packed = _lanes([v // unit for v in row], lane)
            prefix, _, rest = f.partition(":")
            if prefix == "w":
                self.table[words[rest]] = packed
            elif prefix == "b":
                first, _, second = rest.partition("_")
                self.table[words[first] * n + words[second]] = packed
            elif prefix == "s":
                key = self.stems[rest] = n * n + len(self.stems) + 1
                self.table[key] = packed
            elif prefix in self.keyed:
                self.keyed[prefix][rest] = packed
            else:
                self.other[f] = packed
        self.stem_names = list(self.stems)  # by key - n * n - 1
        # a kind reaches its threshold t when bias + sum / _SCALE >= logit(t), i.e. when sum >= need (in
        # millionths); a sum in units of 1000 millionths reaches it when it is at least need / 1000, rounded up
        limit = 1 << (lane - 3)
        self.needs = [
            max(-limit, min(limit, -(-math.ceil(_SCALE * (math.log(t / (1 - t)) - b)) // unit)))
            for t, b in zip(model.thresholds, model.bias, strict=True)
        ]
        self.start = _lanes([half - need for need in self.needs], lane)
        # the bound of :meth:`reaching`: the positive weights of each word (with its stem's), word pair and title word
        most = {key: upper for key, row in self.table.items() if (upper := _positive(row, width, lane))}
        self.pair_most = {key: upper for key, upper in most.items() if n <= key < n * n}
        self.word_most = {
            w: upper
            for w, i in words.items()
            if (upper := most.get(i, 0) + (most.get(self.stems.get(w[:STEM], 0), 0) if len(w) > STEM else 0))
        }
        self.stem_most = {stem: most[key] for stem, key in self.stems.items() if key in most}
        self.words_most = {(self.words[key // n], self.words[key % n]): upper for key, upper in self.pair_most.items()}
        self.top = _lanes([half] * width, lane)
        # the most one token adds to a lane of the bound (its word or stem, and the pair it opens): a chunk's
        # bound is taken only while its tokens cannot carry a lane into the next (``room``)
        self.token_most = max(
            (max(_unlanes(v, width, lane)) for v in [*self.word_most.values(), *self.stem_most.values()]), default=0
        ) + max((max(_unlanes(v, width, lane)) for v in self.pair_most.values()), default=0)
        self.room = 1 << (lane - 2)
        get = self.other.get
        self.lengths = [get(name, 0) for name in _LENGTHS]
        self.positions = [get(name, 0) for name in _POSITIONS]
        # the most the flags of a paragraph's shape can add to each kind (their positive weights)
        self.flags = sum(_positive(get(f, 0), width, lane) for f in _FLAGS)
        self._weighings = {}  # by kind (:meth:`_weighing`)

    _weighings: dict[int, dict[Any, int]]

    def score(self, p: Paragraph, position: float, context: Sequence[str], cache: TitleCache) -> int:
        """The packed sum of the rows of ``p``'s features, each lane started at half its range (``half``)
        minus its threshold."""
        words = _WORD.findall(p.text.lower())
        ids = list(map(self.ids.get, words, repeat(0)))
        keys = set(ids)
        keys.update(map(add, map(mul, ids, repeat(self.n)), ids[1:]))
        keys.update(map(self.stems.get, _stems(words), repeat(0)))
        key = (p.section_path, p.heading, p.run_in_title)
        if (titles := cache.get(key)) is None:
            titles = cache[key] = _Titles(self, [key]).sums[key]
        other = self.other.get
        return (
            sum(map(self.table.get, keys, repeat(0)), self.start + titles)
            + sum(map(other, _shape(p, position, len(words)), repeat(0)))
            + (sum(map(other, set(context), repeat(0))) if context else 0)
        )

    def reaching(
        self, paragraphs: Sequence[Paragraph], neighbours: Neighbours, skip: set[int]
    ) -> Iterator[tuple[int, int, set[int], list[str]]]:
        """(i, :meth:`score` of paragraph ``i`` with its context, the keys of its words, word pairs and
        stems, its shape features (:func:`_shape`)) for each non-empty paragraph not in ``skip``
        that reaches a kind's threshold, in order. First an upper bound of the scores of ``_CHUNK``
        paragraphs at a time, in passes over all of them at once: each word (with its stem) and word pair
        adds its positive weights each time it occurs, every flag of the shape what it can add, the titles
        and the context what they add; only a paragraph whose bound reaches a threshold is scored exactly."""
        nonempty = neighbours.nonempty
        todo = [j for j, i in enumerate(nonempty) if i not in skip]
        if not todo:
            return
        chosen = [paragraphs[nonempty[j]] for j in todo]
        titled = [(p.section_path, p.heading, p.run_in_title) for p in chosen]
        titles = _Titles(self, titled).sums
        fixed = list(map(add, map(titles.__getitem__, titled), self._context(neighbours, todo, chosen)))
        last = max(1, len(paragraphs) - 1)
        top, table, other, stems, word_id = self.top, self.table.get, self.other.get, self.stems.get, self.ids.get
        lengths, positions, flags = self.lengths, self.positions, self.flags
        for c in range(0, len(todo), _CHUNK):
            part = range(c, min(c + _CHUNK, len(todo)))
            tokens, starts = _tokenized([chosen[n].text for n in part])
            ends = list(map(sub, starts[1:], repeat(1)))
            word_most = self.word_most
            unknown = {
                t: most
                for t in set(tokens).difference(word_most)
                if len(t) > STEM and (most := self.stem_most.get(t[:STEM]))
            }
            if unknown:  # words the model does not know, with a stem it knows
                word_most = {**word_most, **unknown}
            # a word pair's bound by the pair of words itself (no word ids: the words of the paragraphs passing are
            # made ids below); the last word and a separator make no pair the model knows. ``zip`` over the slice, not
            # ``pairwise``: 1.8 against 2.1 ms on 32,000 words
            pairs = chain(map(self.words_most.get, zip(tokens, tokens[1:]), repeat(0)), (0,))  # noqa: B905, RUF007
            upper = list(accumulate(map(add, map(word_most.get, tokens, repeat(0)), pairs), initial=0))
            shapes = [  # the flags' most, the length and position exactly
                flags
                + lengths[min(8, (b - a).bit_length())]
                + positions[max(0, min(9, int(nonempty[todo[n]] / last * 10)))]
                for n, a, b in zip(part, starts, ends)  # noqa: B905 (starts holds one more)
            ]
            bounds: Iterable[int] = map(
                add,
                map(add, map(sub, map(upper.__getitem__, ends), map(upper.__getitem__, starts)), shapes),
                fixed[c : c + _CHUNK],
            )
            if len(tokens) * self.token_most >= self.room:  # a bound that might carry: every paragraph exactly
                bounds = repeat(top, len(part))
            for m in [m for m, bound in enumerate(bounds) if bound & top]:
                a, b, n = starts[m], ends[m], c + m
                ids = list(map(word_id, tokens[a:b], repeat(0)))
                keys = set(ids)
                keys.update(
                    map(add, map(mul, ids, repeat(self.n)), ids[1:]),
                    [stems(t[:STEM], 0) for t in tokens[a:b] if len(t) > STEM],
                )
                total = sum(filter(None, map(table, keys)), fixed[n])  # the keys it knows: no addition of 0
                if (total + shapes[m]) & top:  # the flags' regular expressions only now
                    i = nonempty[todo[n]]
                    shape = _shape(chosen[n], i / last, b - a)
                    total += sum(map(other, shape, repeat(0)))
                    if total & top:
                        yield i, total, keys, shape

    def _context(self, neighbours: Neighbours, todo: list[int], chosen: list[Paragraph]) -> list[int]:
        """The packed sum of the context features (:meth:`Neighbours.context`; they are distinct) of each
        paragraph ``nonempty[j]`` for ``j`` in ``todo``."""
        out = [self.start] * len(todo)  # and each lane's start (``half`` minus its threshold)
        nonempty, kinds, colons = neighbours.nonempty, neighbours.kinds, neighbours.colons
        other = self.other.get

        def named(prefix: str, found: set[str]) -> int:
            return sum(map(other, [prefix + k for k in found], repeat(0)))

        if kinds:
            where = {j: n for n, j in enumerate(todo)}  # position in nonempty -> in todo
            for j, i in [(j, i) for j, i in enumerate(nonempty) if i in kinds]:
                if (n := where.get(j + 1)) is not None:
                    out[n] += named("pk:", kinds[i])
                if (n := where.get(j - 1)) is not None:
                    out[n] += named("nk:", kinds[i])
        if colons:
            position = {i: n for n, i in ((n, nonempty[j]) for n, j in enumerate(todo))}
            for c, colon in enumerate(colons):
                reach = min(colon + LEAD_IN_REACH, colons[c + 1] if c + 1 < len(colons) else colon + LEAD_IN_REACH)
                words = sum(map(other, neighbours.lead_words(colon), repeat(0)))
                if colon in kinds:
                    words += named("lk:", kinds[colon])
                for i in range(colon + 1, reach + 1):
                    if (n := position.get(i)) is not None:
                        out[n] += words
        if sections := neighbours.sections:
            tops = {key: named("sk:", found) for key, found in sections.items()}
            out = [x + tops.get(p.section_path[:1], 0) for x, p in zip(out, chosen, strict=True)]
        return out

    def row(self, feature: str) -> int | None:
        """The packed row of a named feature (``None``: the model does not know it)."""
        prefix, _, rest = feature.partition(":")
        if prefix == "w":
            return self.table.get(self.ids.get(rest, 0))
        if prefix == "b":
            first, _, second = rest.partition("_")
            a, b = self.ids.get(first), self.ids.get(second)
            return self.table.get(a * self.n + b) if a and b else None
        if prefix == "s":
            return self.table.get(self.stems.get(rest, 0))
        if prefix in self.keyed:
            return self.keyed[prefix].get(rest)
        return self.other.get(feature)

    def why(self, feats: Iterable[str], k: int, top: int = 4) -> list[str]:
        """The ``top`` features of ``feats`` that pushed kind ``k`` up most, as words."""
        return self.explain(list(self.known(feats)), k, top)

    def known(self, feats: Iterable[str]) -> list[tuple[str, int]]:
        """The features of ``feats`` the model knows, with their rows."""
        return [(f, row) for f in set(feats) if (row := self.row(f)) is not None]

    def known_titles(self, p: Paragraph, cache: dict[Any, list[tuple[str, str]]]) -> list[tuple[str, str]]:
        """(prefix, word) for each title word of ``p`` (:func:`_titles`) the model knows, kept in ``cache`` by
        the section path's last two levels, the heading and the run-in title."""
        key = (p.section_path[-2:], p.heading, p.run_in_title)
        if (known := cache.get(key)) is None:
            known = cache[key] = []
            titles = (set(_words(" ".join(key[0]))), _words(p.heading or ""), _words(p.run_in_title or ""))
            for prefix, words in zip("htr", titles, strict=True):
                keyed = self.keyed[prefix]
                known += [(prefix, w) for w in set(words) if w in keyed]
        return known

    def weighing_in(
        self,
        keys: Iterable[int],
        p: Paragraph,
        shape: Sequence[str],
        context: Sequence[str],
        cache: dict[Any, list[tuple[str, str]]],
    ) -> list[Any]:
        """What :meth:`explain_in` reads: the features of ``p``, each once: the keys of its words, word pairs
        and stems (:meth:`reaching`), (prefix, word) for each of its title words the model knows
        (:meth:`known_titles`), its shape features (``shape``: :func:`_shape`) and ``context`` features."""
        return [*keys, *self.known_titles(p, cache), *{*shape, *context}]

    def explain_in(self, weighing: list[Any], k: int, top: int = 4) -> list[str]:
        """:meth:`explain` of the features of :meth:`weighing_in`: their kind ``k`` weights read from the
        kind's table of the features that weigh (:meth:`_weighing`) in one map, only those named."""
        weights = list(map(self._weighing(k).get, weighing, repeat(0)))
        weighed: list[tuple[int, Any]] = list(compress(zip(weights, weighing, strict=True), weights))
        if not weighed:
            return []
        # only the top weights can be among the top: name them (the order of a tie is the names')
        least = min(heapq.nlargest(top, [w for w, _ in weighed]))
        named = [
            (w, f if isinstance(f, str) else f"{f[0]}:{f[1]}" if isinstance(f, tuple) else self._name(f))
            for w, f in weighed
            if w >= least
        ]
        return [_readable(f) for _, f in heapq.nlargest(top, named)]

    def _weighing(self, k: int) -> dict[Any, int]:
        """Kind ``k``'s weight (more than nothing) of each feature that has one, by the feature as
        :meth:`weighing_in` gives it: a word, word pair or stem by its key, a title word by (prefix, word),
        any other by its name. Made once a kind (a few thousand entries)."""
        if (weights := self._weighings.get(k)) is None:
            half, mask, shift = self.half, self.mask, self.lane * k
            lanes = _lanes([half] * (k + 1), self.lane)

            def weighing(rows: Mapping[Any, int]) -> Iterator[tuple[Any, int]]:
                for f, row in rows.items():
                    if (w := ((row + lanes) >> shift & mask) - half) > 0:
                        yield f, w

            weights = dict(weighing(self.table))
            for prefix, rows in self.keyed.items():
                weights.update(((prefix, f), w) for f, w in weighing(rows))
            weights.update(weighing(self.other))
            self._weighings[k] = weights
        return weights

    def _name(self, key: int) -> str:
        """The feature of a word, word pair or stem key."""
        n = self.n
        if key < n:
            return "w:" + self.words[key]
        if key < n * n:
            first, second = divmod(key, n)
            return f"b:{self.words[first]}_{self.words[second]}"
        return "s:" + self.stem_names[key - n * n - 1]

    def explain(self, known: list[tuple[Any, int]], k: int, top: int = 4) -> list[str]:
        """The ``top`` features of ``known`` (features or keys, with their rows) that pushed kind ``k`` up
        most, as words."""
        if not known:
            return []
        features, rows = zip(*known, strict=True)
        # kind k's weight of each row: adding ``half`` to every lane keeps the lanes below from borrowing
        half = self.half
        lane = map(
            and_,
            map(rshift, map(add, rows, repeat(_lanes([half] * (k + 1), self.lane))), repeat(self.lane * k)),
            repeat(self.mask),
        )
        weights = list(map(sub, lane, repeat(half)))
        least = min(heapq.nlargest(top, weights), default=0)  # only these can be among the top: name them
        weighing = [
            (w, f if isinstance(f, str) else f"{f[0]}:{f[1]}" if isinstance(f, tuple) else self._name(f))
            for w, f in zip(weights, features, strict=True)
            if w > 0 and w >= least
        ]
        return [_readable(f) for _, f in heapq.nlargest(top, weighing)]

    def reached(self, total: int) -> int:
        """The lanes' top bits: set where a kind reaches its review threshold (0: none does)."""
        return total & self.top

    def reaches(self, reached: int, k: int) -> bool:
        """Whether kind ``k``'s lane bit is set in ``reached`` (:meth:`reached`)."""
        return bool((reached >> (self.lane * k + self.lane - 1)) & 1)

    def logits(self, total: int) -> list[float]:
        """Each kind's logit (a sum of S units is S / ``scale``: the same float as its millionths / 10**6)."""
        lane, mask, half, scale = self.lane, self.mask, self.half, self.scale
        return [
            b + (((total >> (lane * k)) & mask) - half + need) / scale
            for k, (b, need) in enumerate(zip(self.bias, self.needs, strict=True))
        ]


class _Titles:
    """The packed sums of the title features (:func:`_titles`) of a document's paragraphs, by (section path,
    heading, run-in title); the words of all titles are found in one pass."""

    def __init__(self, packed: _Packed, titled: Iterable[tuple[tuple[str, ...], str | None, str | None]]) -> None:
        keys = set(titled)
        tails = {key[0][-2:] for key in keys}  # the section path's last two levels (the h: words)
        headings = {key[1] for key in keys if key[1]}
        run_ins = {key[2] for key in keys if key[2]}
        levels = {t for tail in tails for t in tail if t}
        strings = list(levels | headings | run_ins)
        tokens, starts = _tokenized(strings)
        # each string's words as a slice of the tokens: a title's distinct words are one set of its slices (a
        # word of both levels of a tail counts once)
        words = dict(zip(strings, map(slice, starts, map(sub, starts[1:], repeat(1))), strict=True))
        nothing = slice(0, 0)
        path_word, heading_word, run_in_word = (packed.keyed[prefix].get for prefix in "htr")
        by_tail = {}
        for tail in tails:
            if len(tail) == 2:
                found = set(tokens[words.get(tail[0], nothing)])
                found.update(tokens[words.get(tail[1], nothing)])
            else:
                found = set(tokens[words.get(tail[0], nothing)]) if tail else set()
            by_tail[tail] = sum(map(path_word, found, repeat(0)))
        by_heading = {t: sum(map(heading_word, set(tokens[words[t]]), repeat(0))) for t in headings}
        by_run_in = {t: sum(map(run_in_word, set(tokens[words[t]]), repeat(0))) for t in run_ins}
        self.sums = {
            key: by_tail[key[0][-2:]] + by_heading.get(key[1], 0) + by_run_in.get(key[2], 0)  # type: ignore[arg-type]
            for key in keys
        }


_NEAR = {"pk": "before it", "nk": "after it", "lk": "in its lead-in", "sk": "in its section"}


def _readable(feature: str) -> str:
    prefix, _, rest = feature.partition(":")
    if prefix == "w":
        return f'"{rest}"'
    if prefix == "b":
        return '"' + rest.replace("_", " ") + '"'
    if prefix == "s":
        return f'"{rest}…"'
    if prefix in ("h", "t", "r"):
        return f'heading "{rest}"'
    if prefix == "l":
        return f'lead-in "{rest}"'
    if prefix in _NEAR:
        return f"{KIND_NAMES.get(rest, rest.replace('_', ' '))} found by a rule {_NEAR[prefix]}"
    return feature.replace("_", " ")


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def load_model(path: Path = MODEL_PATH) -> Model:
    return Model.from_bytes(gzip.decompress(path.read_bytes()))


@lru_cache(maxsize=1)
def _shipped() -> Model | None:
    """The shipped model, loaded once a process. The objects alive then (the modules, their compiled
    tables, the model) live as long as the process: ``gc.freeze`` takes them out of the cycle
    collector's full collections, which otherwise walk them all again a few times an audit (an audit
    makes no reference cycles: nothing frozen is left for the collector to find)."""
    try:
        model = load_model(MODEL_PATH)
    except (OSError, ValueError):
        return None
    gc.freeze()
    return model


_override: list[Model | None] = []


@contextlib.contextmanager
def using(model: Model | None) -> Iterator[None]:
    """Audit with ``model`` instead of the shipped one inside the block (``None`` = no model): for
    cross-validation, where a document must be scored by a model not trained on it."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def current_model() -> Model | None:
    return _override[-1] if _override else _shipped()


def review_findings(
    paragraphs: Sequence[Paragraph], rule_findings: Sequence[Finding], model: Model | None = None
) -> list[Finding]:
    """A ``review`` finding for each (paragraph, kind) the model scores at or above the kind's review
    threshold, in the paragraphs no rule finding covers: where a rule has read a paragraph (its act,
    direction and exceptions), the model does not second-guess it."""
    model = model or current_model()
    if model is None:
        return []
    covers = {(i, f.kind) for f in rule_findings for i in range(f.start, f.end + 1)}
    neighbours = Neighbours(paragraphs, covers)
    out: list[Finding] = []
    packed = model._packed
    titles: dict[Any, list[tuple[str, str]]] = {}
    for i, total, keys, shape in packed.reaching(paragraphs, neighbours, {i for i, _ in covers}):
        p = paragraphs[i]
        reached = packed.reached(total)
        weighing: list[Any] | None = None
        for k, (kind, z) in enumerate(zip(model.kinds, packed.logits(total), strict=True)):
            if not packed.reaches(reached, k):
                continue
            probability = _sigmoid(z)
            if weighing is None:
                weighing = packed.weighing_in(keys, p, shape, neighbours.context(i), titles)
            why = ", ".join(packed.explain_in(weighing, k)) or "the paragraph as a whole"
            out.append(
                Finding(
                    kind=kind,
                    severity=REVIEW_SEVERITY.get(kind, LOW),
                    start=i,
                    end=i,
                    paragraph_text=p.text,
                    section_label=p.section_label,
                    section_path=p.section_path,
                    heading=p.heading,
                    phrase="",
                    phrase_start=0,
                    phrase_end=0,
                    explanation=REVIEW_TEXT.format(
                        kind=KIND_NAMES.get(kind, kind.replace("_", " ")), confidence=probability, why=why
                    ),
                    tier="review",
                    confidence=round(probability, 3),
                )
            )
    return out
