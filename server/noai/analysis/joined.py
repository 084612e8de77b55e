"""A document's paragraph texts joined into one string, so that one scan (``str.find`` or a regex)
covers the document and each hit maps back to its paragraph."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate


class Joined:
    """The texts in one string, each after a separator: NUL, or when a text holds NUL itself (no
    text read from XML does) a private-use character no text holds.

    The separator is no word, space, quote or punctuation character, so a pattern that cannot match
    it finds in the joined text exactly what it finds in each text on its own (at a text's edges it
    sees the separator where it saw the start or end of the string).
    """

    __slots__ = ("starts", "text", "vocabulary")

    def __init__(self, texts: Sequence[str], vocabulary: str | None = None):
        """``vocabulary``: a text that holds every white-space-free chunk of the texts lower-cased
        (:attr:`~noai.analysis.fast.Gates.vocabulary`), where the caller has one: a word it lacks is in no
        text, found so without a scan of them all."""
        self.vocabulary = vocabulary
        sep = "\0"
        text = sep.join(("", *texts))
        if text.count(sep) > len(texts):
            sep = next(c for c in map(chr, range(0xE000, 0xF900)) if c not in text)
            text = sep.join(("", *texts))
        self.text = text
        self.starts = list(accumulate((len(t) + 1 for t in texts), initial=1))  # and one past the end

    def index(self, pos: int) -> int:
        """The index of the text that holds position ``pos``."""
        return bisect_right(self.starts, pos) - 1

    def holders(self, word: str) -> Iterator[int]:
        """The indexes of the texts that hold ``word``, in order, each once (``str.find``: faster
        than a regex, which tests every character)."""
        if self.vocabulary is not None and _absent(word, self.vocabulary):
            return
        text, starts = self.text, self.starts
        pos = text.find(word)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            yield i
            pos = text.find(word, starts[i + 1])

    def holding(self, words: Sequence[str]) -> list[int]:
        """The indexes of the texts that hold one of ``words``, in order."""
        return sorted({i for word in words for i in self.holders(word)})


def _absent(word: str, vocabulary: str) -> bool:
    """Whether ``vocabulary`` shows that no text holds ``word``: an ASCII word without white space is in a text
    only within one of its chunks, lower-cased within the chunk lower-cased (each ASCII letter lower-cases alone)."""
    return word.isascii() and not any(c.isspace() for c in word) and word.lower() not in vocabulary
