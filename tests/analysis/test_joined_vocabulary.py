"""A document's texts joined (noai.analysis.joined.Joined) with the document's vocabulary (the white-space-free
chunks of its texts lower-cased, fast.Gates.vocabulary): a word the vocabulary lacks is in no text, so the
texts are not scanned for it, and every word finds the texts it found without the vocabulary."""

import pytest
from support.corpus import contracts

from noai.analysis import fast, terms, work_kind
from noai.analysis.facts import _CONFLICT_WORDS
from noai.analysis.joined import Joined
from noai.ooxml.document import read_document

# the words the audit looks for in whole documents, and some no contract holds
WORDS = (
    *terms._OPEN,
    "hereinafter",
    "Hereinafter",
    *terms._BARE_PAREN_LITERALS,
    "law",
    "Law",
    "LAW",
    *terms._CREATE_WORDS,
    *terms._GRANTING,
    *_CONFLICT_WORDS,
    *(w for hints in work_kind._HINTS.values() for w in hints),
    "zebra-crossing",
    "Qwertyuiop",
    "",
)


@pytest.mark.parametrize("path", contracts())
def test_the_vocabulary_finds_the_texts_a_scan_finds_on_every_corpus_contract(path):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs]
    vocabulary = fast.Gates(texts).vocabulary
    for made in (texts, [t.lower() for t in texts]):
        plain, known = Joined(made), Joined(made, vocabulary)
        for word in WORDS:
            assert list(known.holders(word)) == list(plain.holders(word)), word
        assert known.holding(WORDS) == plain.holding(WORDS)


def test_a_word_the_vocabulary_lacks_is_not_looked_for():
    texts = ["The Supplier shall provide the Services.", "Governing LAW: England"]
    vocabulary = fast.Gates(texts).vocabulary
    joined = Joined(texts, vocabulary)
    assert list(joined.holders("LAW")) == [1] and list(joined.holders("Supplier")) == [0]
    assert list(joined.holders("Hereinafter")) == []
    # the vocabulary decides: one that lacks a word the texts hold hides it (so the test above used it)
    assert list(Joined(texts, "\x00the\x00").holders("Supplier")) == []
    # a word with white space or outside ASCII is always looked for in the texts
    assert list(Joined(texts, "\x00").holders("the Services")) == [0]
    assert list(Joined(["Café Law"], "\x00").holders("Café")) == [0]


def test_characters_that_lower_case_to_ascii_or_to_two_characters_leave_the_finds_exact():
    texts = ["\u212aELVIN and \u0130STANBUL", "\u0130nfo", "ſoftware"]  # Kelvin sign, dotted capital I, long s
    vocabulary = fast.Gates(texts).vocabulary
    for word in ("kelvin", "KELVIN", "ELVIN", "STANBUL", "istanbul", "nfo", "info", "oftware", "software"):
        assert list(Joined(texts, vocabulary).holders(word)) == list(Joined(texts).holders(word)), word
