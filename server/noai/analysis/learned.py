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
import gzip
import heapq
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise, repeat
from operator import add, mul
from pathlib import Path
from typing import Any

from noai.analysis.classify import INFO, LOW, Finding
from noai.ooxml.model import Paragraph

MODEL_PATH = Path(__file__).with_name("learned_model.json.gz")
Row = tuple[float, ...]  # a feature's weight for each kind of the model
TitleCache = dict[Any, Any]  # the audit's per-document memo of title features
FORMAT = "noai.learned/1"
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

_WORD = re.compile(r"[a-z][a-z'-]*|\d+")
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
        n = len(paragraphs)
        self.previous: list[int | None] = [None] * n
        self.next: list[int | None] = [None] * n
        self.lead: list[int | None] = [None] * n
        seen = colon = None
        for i, p in enumerate(paragraphs):
            self.previous[i] = seen
            if colon is not None and i - colon <= LEAD_IN_REACH:
                self.lead[i] = colon
            text = p.text.rstrip()
            if text:
                seen = i
                if text.endswith(":"):
                    colon = i
        seen = None
        for i in range(n - 1, -1, -1):
            self.next[i] = seen
            if paragraphs[i].text.strip():
                seen = i
        self._lead_words: dict[int, list[str]] = {}
        self._names: dict[tuple[str, int | tuple[str, ...]], list[str]] = {}

    def context(self, i: int) -> list[str]:
        """The context features of paragraph ``i``."""
        out: list[str] = []
        kinds = self.kinds
        if (j := self.previous[i]) in kinds:
            out += self._named("pk:", j)
        if (j := self.next[i]) in kinds:
            out += self._named("nk:", j)
        if (j := self.lead[i]) is not None:
            if j in kinds:
                out += self._named("lk:", j)
            if (words := self._lead_words.get(j)) is None:
                words = self._lead_words[j] = [
                    f"l:{w}" for w in sorted(set(_words(self.paragraphs[j].text)[-LEAD_IN_WORDS:]))
                ]
            out += words
        if self.sections and (top := self.paragraphs[i].section_path[:1]) in self.sections:
            out += self._named("sk:", top)
        return out

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
        if d.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model")
        kinds = tuple(d["kinds"])
        weights = {}
        for feature, sparse in d["weights"].items():
            row = [0.0] * len(kinds)
            for k, w in zip(sparse[::2], sparse[1::2], strict=True):
                row[k] = float(w)
            weights[feature] = tuple(row)
        return cls(kinds, tuple(map(float, d["bias"])), tuple(map(float, d["thresholds"])), weights, d.get("meta", {}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "kinds": list(self.kinds),
            "bias": [round(b, 4) for b in self.bias],
            "thresholds": [round(t, 4) for t in self.thresholds],
            "meta": dict(self.meta),
            "weights": {
                f: [x for k, w in enumerate(row) if w for x in (k, round(w, 3))]
                for f, row in sorted(self.weights.items())
            },
        }

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
        return self._why(self._known(feats), self.kinds.index(kind), top)

    def _known(self, feats: Iterable[str]) -> list[tuple[str, Row]]:
        get = self.weights.get
        return [(f, row) for f in set(feats) if (row := get(f)) is not None]

    @cached_property
    def _names(self) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
        """The word and word-pair features' names by word and by pair."""
        words, pairs = {}, {}
        for f in self.weights:
            prefix, _, rest = f.partition(":")
            if prefix == "w":
                words[rest] = f
            elif prefix == "b":
                first, _, second = rest.partition("_")
                pairs[(first, second)] = f
        return words, pairs

    def _known_in(self, p: Paragraph, position: float, context: Sequence[str]) -> list[tuple[str, Row]]:
        """``_known(features(p, position, context))`` without naming the features the model does not know."""
        words, pairs = self._names
        found = _words(p.text)
        names = list(map(words.__getitem__, words.keys() & set(found)))
        names += map(pairs.__getitem__, pairs.keys() & set(pairwise(found)))
        names += [f"s:{s}" for s in _stems(found)]
        return self._known([*names, *_titles(p), *_shape(p, position, len(found)), *context])

    @staticmethod
    def _why(known: list[tuple[str, Row]], k: int, top: int = 4) -> list[str]:
        best = heapq.nlargest(top, ((row[k], f) for f, row in known if row[k] > 0))
        return [_readable(f) for _, f in best]


# The audit's fast path (:class:`_Packed`) adds all kinds' weights of a feature in one integer addition:
# a feature's row is the int sum of ``q[k] << (64 * k)``, ``q[k]`` its weight for kind k in millionths
# (the file keeps 3 decimals, so exactly). Adding rows adds each kind's 64-bit lane; with 2**63 minus
# the kind's threshold added to each lane, a lane's top bit says whether the kind reached its threshold
# and no lane borrows from the next while a lane's sum stays within +-2**62 (``_Packed`` checks that
# the model's weights cannot go beyond it).
_SCALE = 1_000_000
_LANE = 64
_HALF = 1 << (_LANE - 1)
_MASK = (1 << _LANE) - 1


def _lanes(values: Sequence[int]) -> int:
    return sum(v << (_LANE * k) for k, v in enumerate(values))


class _Packed:
    """The model's weights for the audit's path. Words become integer ids, a word pair the key
    ``id(a) * n + id(b)`` (unknown words are 0, so a pair with one never matches a pair feature, and the
    pair key ``id(b)`` of an unknown first word is the word ``b`` itself, already among the keys), and each
    feature's row one int (see ``_SCALE``): a paragraph's scores are one ``sum`` of ints, and which kinds
    reach their thresholds the top bits of its lanes."""

    def __init__(self, model: Model) -> None:
        self.bias = model.bias
        if sum(abs(w) for row in model.weights.values() for w in row) * _SCALE >= 1 << (_LANE - 3):
            raise ValueError("the model's weights are too large for the packed rows")
        words: dict[str, int] = {}
        for f in model.weights:
            prefix, _, rest = f.partition(":")
            for w in rest.split("_") if prefix == "b" else (rest,) if prefix == "w" else ():
                words.setdefault(w, len(words) + 1)
        self.ids = words
        self.n = n = len(words) + 1
        self.table: dict[int, int] = {}
        self.other: dict[str, int] = {}
        self.keyed: dict[str, dict[str, int]] = {"h": {}, "t": {}, "r": {}, "s": {}}  # by word or stem
        for f, row in model.weights.items():
            packed = _lanes([round(w * _SCALE) for w in row])
            prefix, _, rest = f.partition(":")
            if prefix == "w":
                self.table[words[rest]] = packed
            elif prefix == "b":
                first, _, second = rest.partition("_")
                self.table[words[first] * n + words[second]] = packed
            elif prefix in self.keyed:
                self.keyed[prefix][rest] = packed
            else:
                self.other[f] = packed
        # a kind reaches its threshold t when bias + sum / _SCALE >= logit(t), i.e. when sum >= need
        limit = 1 << (_LANE - 3)
        self.needs = [
            max(-limit, min(limit, math.ceil(_SCALE * (math.log(t / (1 - t)) - b))))
            for t, b in zip(model.thresholds, model.bias, strict=True)
        ]
        self.start = _lanes([_HALF - need for need in self.needs])
        self.top = _lanes([_HALF] * len(model.kinds))

    def score(self, p: Paragraph, position: float, context: Sequence[str], cache: TitleCache) -> int:
        """The packed sum of the rows of ``p``'s features, each lane started at 2**63 minus its threshold."""
        words = _WORD.findall(p.text.lower())
        ids = list(map(self.ids.get, words, repeat(0)))
        keys = set(ids)
        keys.update(map(add, map(mul, ids, repeat(self.n)), ids[1:]))
        key = (p.section_path, p.heading, p.run_in_title)
        if (titles := cache.get(key)) is None:
            titles = cache[key] = self._titles(p, cache)
        other = self.other.get
        if stems := self.keyed["s"]:
            titles += sum(map(stems.get, _stems(words), repeat(0)))
        return (
            sum(map(self.table.get, keys, repeat(0)), self.start + titles)
            + sum(map(other, _shape(p, position, len(words)), repeat(0)))
            + (sum(map(other, set(context), repeat(0))) if context else 0)
        )

    def _titles(self, p: Paragraph, cache: TitleCache) -> int:
        """:func:`_titles`' rows: per title, its words and their ``h:`` rows' sum are kept in ``cache``."""
        path = p.section_path[-2:]
        if len(path) == 2:
            (first, h1), (second, h2) = self._title(path[0], cache), self._title(path[1], cache)
            total = h1 + h2
            if both := first & second:  # a word of both levels counts once
                total -= sum(map(self.keyed["h"].get, both, repeat(0)))
        else:
            total = self._title(path[0], cache)[1] if path else 0
        if p.heading:
            total += sum(map(self.keyed["t"].get, self._title(p.heading, cache)[0], repeat(0)))
        if p.run_in_title:
            total += sum(map(self.keyed["r"].get, self._title(p.run_in_title, cache)[0], repeat(0)))
        return total

    def _title(self, title: str, cache: TitleCache) -> tuple[frozenset[str], int]:
        if (known := cache.get(title)) is None:
            words = frozenset(_words(title))
            known = cache[title] = (words, sum(map(self.keyed["h"].get, words, repeat(0))))
        return known

    def reached(self, total: int) -> int:
        """The lanes' top bits: set where a kind reaches its review threshold (0: none does)."""
        return total & self.top

    def logits(self, total: int) -> list[float]:
        return [
            b + (((total >> (_LANE * k)) & _MASK) - _HALF + need) / _SCALE
            for k, (b, need) in enumerate(zip(self.bias, self.needs, strict=True))
        ]


def _readable(feature: str) -> str:
    prefix, _, rest = feature.partition(":")
    if prefix == "w":
        return f'"{rest}"'
    if prefix == "b":
        return '"' + rest.replace("_", " ") + '"'
    if prefix in ("h", "t", "r"):
        return f'heading "{rest}"'
    return feature.replace("_", " ")


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def load_model(path: Path = MODEL_PATH) -> Model:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return Model.from_dict(json.load(f))


@lru_cache(maxsize=1)
def _shipped() -> Model | None:
    try:
        return load_model(MODEL_PATH)
    except (OSError, ValueError):
        return None


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
    covered = {i for i, _ in covers}
    neighbours = Neighbours(paragraphs, covers)
    last = max(1, len(paragraphs) - 1)
    out: list[Finding] = []
    cache: TitleCache = {}
    packed = model._packed
    for i, p in enumerate(paragraphs):
        if i in covered or not p.text.strip():
            continue
        context = neighbours.context(i)
        total = packed.score(p, i / last, context, cache)
        if not (reached := packed.reached(total)):
            continue
        known: list[tuple[str, Row]] | None = None
        for k, (kind, z) in enumerate(zip(model.kinds, packed.logits(total), strict=True)):
            if not (reached >> (_LANE * k + _LANE - 1)) & 1:
                continue
            probability = _sigmoid(z)
            known = model._known_in(p, i / last, context) if known is None else known
            why = ", ".join(model._why(known, k)) or "the paragraph as a whole"
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
