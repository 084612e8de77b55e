"""The learned model's one-pass tokenizer (``learned._tokenized``) gives each text's words where the text's own
tokenization (``learned._words``) gives them, whatever the texts hold: empty texts, texts of no word, digits
beside letters, and texts that hold the separator character themselves."""

from __future__ import annotations

import random
import re
from itertools import pairwise

from noai.analysis import learned

ALPHABET = "ab Zé1-'\x00.,“”\n\t"


def _each(tokens: list[str], starts: list[int]) -> list[list[str]]:
    return [tokens[a : b - 1] for a, b in pairwise(starts)]


def test_each_texts_words_start_where_its_own_tokenization_puts_them() -> None:
    texts = ["", "The Licensor grants a licence.", "12 don't-care x1y", "", "...", "Section 3.2(a)", ""]
    tokens, starts = learned._tokenized(texts)
    assert len(starts) == len(texts) + 1
    assert _each(tokens, starts) == [learned._words(t) for t in texts]


def test_random_texts_with_separators_inside_split_as_with_spaces() -> None:
    rng = random.Random(7)
    for _ in range(300):
        texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(12))) for _ in range(rng.randrange(1, 8))]
        tokens, starts = learned._tokenized(texts)
        expected = [learned._words(t.replace("\x00", " ")) for t in texts]
        assert _each(tokens, starts) == expected, texts


def test_no_texts_give_no_words() -> None:
    assert learned._tokenized([]) == ([], [0])


def test_the_words_searched_by_their_openings_are_the_plain_patterns_words() -> None:
    # learned._WORD and _TOKEN are compiled with the characters a word opens with (fast.opening): the same program,
    # the same words as the plain patterns, on any text (letters outside ASCII, digits of other scripts, Kelvin sign)
    word = re.compile(r"[a-z][a-z'-]*|\d+")
    token = re.compile(word.pattern + "|" + learned._SEPARATOR)
    assert learned._WORD.pattern is None  # so it is the compiled one, not re.compile's
    rnd = random.Random(14)
    alphabet = ALPHABET + "z09\u0663\u212a\u0130_"
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        assert learned._WORD.findall(text) == word.findall(text), text
        assert learned._TOKEN.findall(text) == token.findall(text), text
