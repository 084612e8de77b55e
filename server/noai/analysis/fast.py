"""The classifier's speed code: cheap substring tests before the costly regular-expression
searches, on the data of :mod:`noai.analysis.patterns` (:data:`~noai.analysis.patterns.GATES`, the
words that open each rule family, and :data:`~noai.analysis.patterns.NEEDS`, the literals a
pattern's match must hold). A rule whose gate stays closed, or a pattern none of whose literals is
in the text, cannot match, so skipping it changes nothing: ``tests/analysis/test_prefilter.py``
proves it on every corpus contract (the classification with the prefilter == without it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
