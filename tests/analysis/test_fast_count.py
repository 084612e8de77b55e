"""Counting a pattern's matches in a document's texts joined (noai.analysis.fast.count_joined, the work-kind
detector's counts) gives the count of searching every paragraph on its own."""

import re

import pytest
from support.corpus import contracts

from noai.analysis import fast, work_kind
from noai.analysis.joined import Joined
from noai.ooxml.document import read_document

PATTERNS = [*work_kind._WORDS.values(), *work_kind._NOT_WORK.values()]  # the words and the words naming no work


def _plain(patterns, texts):
    return [sum(len(p.findall(t)) for t in texts) for p in patterns]


@pytest.mark.parametrize("path", contracts())
def test_the_joined_count_is_the_paragraph_count_on_every_corpus_contract(path):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs]
    assert fast.count_joined(PATTERNS, texts) == _plain(PATTERNS, texts)
    lows = Joined([t.lower() for t in texts])  # as the work-kind detector passes them
    assert fast.count_joined(PATTERNS, texts, lows) == _plain(PATTERNS, texts)


def test_a_phrase_split_by_any_white_space_is_counted_once():
    texts = [
        "The Brand  Elements and brand\u00a0elements, but not xbrand elements.",
        "Source\ncode, object\tcode and sample code; data sets, Data Set, datasets and data-sets.",
        "BRAND\u2003ELEMENTS in the last paragraph, then brand",
        "elements opening the next paragraph (two paragraphs, no phrase).",
    ]
    counts = fast.count_joined(PATTERNS, texts)
    assert counts == _plain(PATTERNS, texts)
    assert counts[1] == 3  # the three brand elements phrases, not the two halves across paragraphs


def test_a_character_that_folds_to_ascii_leaves_the_count_exact():
    texts = ["the \u017foftware and its ſource code", "BRAND ELEMENTS, and the Data\u017fet"]
    assert fast.count_joined(PATTERNS, texts) == _plain(PATTERNS, texts)
    assert fast.count_joined(PATTERNS, texts, Joined([t.lower() for t in texts])) == _plain(PATTERNS, texts)


def test_a_phrase_never_spans_two_texts_whatever_separates_them():
    texts = ["the brand", "elements\x00 brand", "\x00elements", "data", "sets and data sets"]  # NUL in a text
    lows = Joined([t.lower() for t in texts])
    assert lows.text[0] != "\x00"  # the joined texts use another separator
    counts = fast.count_joined(PATTERNS, texts, lows)
    assert counts == _plain(PATTERNS, texts)
    assert counts[2] == 2  # "data" and "data sets": the "data" / "sets" across two texts is no phrase


def test_a_pattern_without_an_exact_twin_or_with_case_is_searched_as_written():
    cased = re.compile(r"\bData\s+Sets?\b")
    mixed = re.compile(r"\b(?-i:API)s?\b|\bcode\b", re.IGNORECASE)
    texts = ["Data Sets and data sets", "APIs, apis and code", "", "Data\nSet"]
    assert fast.count_joined([cased, mixed], texts) == _plain([cased, mixed], texts) == [2, 2]


@pytest.mark.parametrize("path", contracts())
def test_counting_one_text_by_the_twin_gives_the_patterns_count_on_every_corpus_paragraph(path):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs]
    for rx in (*PATTERNS, work_kind._PRIVACY):
        assert [fast.count(rx, t) for t in texts] == [len(rx.findall(t)) for t in texts], rx.pattern


def test_the_literals_a_pattern_needs_are_those_of_each_of_its_alternatives():
    assert fast.needed(re.compile(r"\b(?:data\s*sets?|corpus|annotations?)\b", re.IGNORECASE)) == (
        "annotation",
        "corpus",
        "data",
    )
    assert fast.needed(re.compile(r"\b(?:data|x\d)\b", re.IGNORECASE)) is None  # "x\d" needs no literal


# -- the document's vocabulary (fast.Gates.vocabulary): the alternatives no chunk of it holds are not searched --


@pytest.mark.parametrize("path", contracts())
def test_the_count_by_the_vocabulary_is_the_paragraph_count_on_every_corpus_contract(path):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs]
    lows = Joined([t.lower() for t in texts])
    vocabulary = fast.Gates(texts).vocabulary
    assert fast.count_joined(PATTERNS, texts, lows, vocabulary) == _plain(PATTERNS, texts)


def test_the_vocabulary_leaves_out_the_alternatives_the_document_never_uses():
    texts = ["The Studio delivers the artwork as PSD files and JPG images.", "Source code, data sets and the corpus."]
    lows = Joined([t.lower() for t in texts])
    vocabulary = fast.Gates(texts).vocabulary
    assert "psd" in vocabulary and "storyboard" not in vocabulary and "\x00" in vocabulary
    counts = fast.count_joined(PATTERNS, texts, lows, vocabulary)
    assert counts == _plain(PATTERNS, texts)
    assert counts[:3] == [1, 4, 2]  # source code; artwork, PSD files, JPG, images; data sets, corpus
    # the pruning is at work: a vocabulary that lacks the document's words finds nothing where every
    # alternative needs a literal (so the count above was made by the pruned patterns)
    assert fast.count_joined(PATTERNS[:3], texts, lows, "\x00")[0] == 0


def test_a_literal_with_white_space_never_prunes_its_alternative():
    # "prior art" is a literal of one alternative: no chunk holds it, yet the text does
    rx = re.compile(r"\b(?:prior art|state of the art|designs?)\b", re.IGNORECASE)
    texts = ["Prior art and the state of the art", "no design here", "DESIGNS"]
    lows = Joined([t.lower() for t in texts])
    vocabulary = fast.Gates(texts).vocabulary
    assert fast.count_joined([rx], texts, lows, vocabulary) == _plain([rx], texts) == [4]


def test_a_text_that_folds_is_counted_as_written_whatever_the_vocabulary():
    texts = ["the \u017foftware and its ſource code", "BRAND ELEMENTS, and the Data\u017fet"]
    vocabulary = fast.Gates(texts).vocabulary
    lows = Joined([t.lower() for t in texts])
    assert fast.count_joined(PATTERNS, texts, lows, vocabulary) == _plain(PATTERNS, texts)
