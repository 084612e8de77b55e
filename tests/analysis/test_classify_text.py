"""The per-paragraph helper of the classifier: sentence bounds found once answer like a fresh search."""

from __future__ import annotations

import random

from noai.analysis import patterns as P
from noai.analysis.classify import _Text


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The definition: from the end of the last break that ends at or before ``pos`` (a word at ``pos`` that
    opens its sentence is in that sentence) to the next break from ``pos``."""
    start = 0
    for m in P.SENTENCE_BREAK.finditer(text, 0, pos + 1):  # the break's look-ahead may read the character at pos
        start = m.end()
    m = P.SENTENCE_BREAK.search(text, pos)
    return start, m.start() if m else len(text)


def test_sentence_bounds_match_the_definition_at_every_position():
    rnd = random.Random(3)
    pieces = ["The Client", ". ", "; ", ":  ", "!\t", "? ", " (a) ", "“Work”", " x", "\n", ".", " ", "A", "e.g. Z"]
    for _ in range(300):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(12)))
        t = _Text(text, None)
        for pos in range(len(text) + 1):
            assert t.sentence(pos) == _sentence(text, pos), (text, pos)


def test_a_search_is_skipped_only_when_no_needed_literal_is_in_range():
    text = "The Client retains all rights. It shall not assign."
    t = _Text(text, text.lower())
    assert t.search(P.RETAINS) and t.search(P.RETAINS, 0, 17)
    assert t.search(P.RETAINS, 12) is None and t.search(P.RETAINS, 0, 16) is None
    assert t.negated(31, 45) and not t.negated(0, 30)
    assert _Text(text, None).search(P.RETAINS, 0, 17)
