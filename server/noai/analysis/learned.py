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
import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from noai.analysis.classify import INFO, LOW, Finding
from noai.ooxml.model import Paragraph

MODEL_PATH = Path(__file__).with_name("learned_model.json.gz")
Row = tuple[float, ...]  # a feature's weight for each kind of the model
TitleCache = dict[tuple[tuple[str, ...], str | None, str | None], list[str]]
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


def features(p: Paragraph, position: float) -> list[str]:
    """The named features of paragraph ``p`` at relative ``position`` (0 = first paragraph, 1 = last):
    ``w:`` words, ``b:`` word pairs, ``h:`` words of the last two levels of its section path, ``t:`` of
    its heading, ``r:`` of its run-in title, then its length, position and shape."""
    words = _words(p.text)
    out = [f"w:{w}" for w in words]
    out += [f"b:{a}_{b}" for a, b in pairwise(words)]
    return out + _structure(p, position, len(words))


def _structure(p: Paragraph, position: float, n: int, cache: TitleCache | None = None) -> list[str]:
    # the heading features are the same for every paragraph of a section: ``cache`` keeps them
    key = (p.section_path[-2:], p.heading, p.run_in_title)
    if cache is None or (titles := cache.get(key)) is None:
        titles = [f"h:{w}" for w in set(_words(" ".join(p.section_path[-2:])))]
        if p.heading:
            titles += [f"t:{w}" for w in set(_words(p.heading))]
        if p.run_in_title:
            titles += [f"r:{w}" for w in set(_words(p.run_in_title))]
        if cache is not None:
            cache[key] = titles
    out = list(titles)
    out.append(f"len:{min(8, n.bit_length())}")
    out.append(f"pos:{min(9, int(position * 10))}")
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
    def _tables(self) -> tuple[dict[str, Row], dict[tuple[str, str], Row], dict[str, Row]]:
        """The weights split for the fast path: by word, by (word, next word), the rest by name."""
        words: dict[str, tuple[float, ...]] = {}
        pairs: dict[tuple[str, str], tuple[float, ...]] = {}
        other: dict[str, tuple[float, ...]] = {}
        for f, row in self.weights.items():
            prefix, _, rest = f.partition(":")
            if prefix == "w":
                words[rest] = row
            elif prefix == "b":
                a, _, b = rest.partition("_")
                pairs[(a, b)] = row
            else:
                other[f] = row
        return words, pairs, other

    def _probabilities(self, hits: list[Row]) -> list[float]:
        return [_sigmoid(z) for z in self._logits(hits)]

    def _logits(self, hits: list[Row]) -> list[float]:
        if not hits:
            return list(self.bias)
        return [b + sum(col) for b, col in zip(self.bias, zip(*hits, strict=True), strict=True)]

    @cached_property
    def _logit_thresholds(self) -> tuple[float, ...]:
        return tuple(math.log(t / (1 - t)) for t in self.thresholds)

    def probabilities(self, feats: Sequence[str]) -> list[float]:
        """The probability of each of ``kinds`` given named features (training's path)."""
        get = self.weights.get
        return self._probabilities([row for f in set(feats) if (row := get(f)) is not None])

    def paragraph_probabilities(self, p: Paragraph, position: float, cache: TitleCache | None = None) -> list[float]:
        """``probabilities(features(p, position))`` without building the feature names (the audit's path)."""
        return [_sigmoid(z) for z in self.paragraph_logits(p, position, cache)]

    def paragraph_logits(self, p: Paragraph, position: float, cache: TitleCache | None = None) -> list[float]:
        words_t, pairs_t, other = self._tables
        words = _words(p.text)
        hits = list(map(words_t.__getitem__, words_t.keys() & set(words)))
        hits += map(pairs_t.__getitem__, pairs_t.keys() & set(pairwise(words)))
        hits += [row for f in _structure(p, position, len(words), cache) if (row := other.get(f)) is not None]
        return self._logits(hits)

    def why(self, kind: str, feats: Sequence[str], top: int = 4) -> list[str]:
        """The features that pushed ``kind`` up most, as words ('"governed by"', 'heading "law"')."""
        k = self.kinds.index(kind)
        best = sorted(((row[k], f) for f in set(feats) if (row := self.weights.get(f)) and row[k] > 0), reverse=True)
        return [_readable(f) for _, f in best[:top]]


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
    covered = {i for f in rule_findings for i in range(f.start, f.end + 1)}
    last = max(1, len(paragraphs) - 1)
    out: list[Finding] = []
    cache: TitleCache = {}
    for i, p in enumerate(paragraphs):
        if i in covered or not p.text.strip():
            continue
        feats: list[str] | None = None
        for kind, z, threshold in zip(
            model.kinds,
            model.paragraph_logits(p, i / last, cache),
            model._logit_thresholds,
            strict=True,
        ):
            if z < threshold:
                continue
            probability = _sigmoid(z)
            feats = features(p, i / last) if feats is None else feats
            why = ", ".join(model.why(kind, feats)) or "the paragraph as a whole"
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
