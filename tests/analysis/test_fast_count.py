"""Counting a pattern's matches on a document's distinct chunks (noai.analysis.fast.count_matches,
the work-kind detector's counts) gives the count of searching every paragraph whole."""

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
def test_the_chunk_count_is_the_paragraph_count_on_every_corpus_contract(path):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs]
    assert fast.count_matches(PATTERNS, texts) == _plain(PATTERNS, texts)
    lows = Joined([t.lower() for t in texts])  # as the work-kind detector passes them
    assert fast.count_matches(PATTERNS, texts, lows) == _plain(PATTERNS, texts)


def test_a_phrase_split_by_any_white_space_is_counted_once():
    texts = [
        "The Brand  Elements and brand\u00a0elements, but not xbrand elements.",
        "Source\ncode, object\tcode and sample code; data sets, Data Set, datasets and data-sets.",
        "BRAND\u2003ELEMENTS in the last paragraph, then brand",
        "elements opening the next paragraph (two paragraphs, no phrase).",
    ]
    counts = fast.count_matches(PATTERNS, texts)
    assert counts == _plain(PATTERNS, texts)
    assert counts[1] == 3  # the three brand elements phrases, not the two halves across paragraphs


def test_a_character_that_folds_to_ascii_leaves_the_count_exact():
    texts = ["the \u017foftware and its ſource code", "BRAND ELEMENTS, and the Data\u017fet"]
    assert fast.count_matches(PATTERNS, texts) == _plain(PATTERNS, texts)
    assert fast.count_matches(PATTERNS, texts, Joined([t.lower() for t in texts])) == _plain(PATTERNS, texts)


def test_the_openers_bound_phrases_and_refuse_what_they_cannot_bound():
    assert fast.span_openers(work_kind._WORDS["creative"]) == ("brand",)
    assert fast.span_openers(re.compile(r"\bno(?:t|\s+longer)\b", re.I)) == ("no",)
    assert fast.span_openers(re.compile(r"\bfees?\b", re.I)) == ()
    assert fast.span_openers(re.compile(r"\bfoo(?=\s)")) is None  # a lookahead sees past a chunk
    assert fast.span_openers(re.compile(r"\s+x")) is None  # white space with no literal before it
    texts = ["foo bar", "foo", "a foo\nb"]
    lookahead = re.compile(r"\bfoo(?=\s)")
    assert fast.count_matches([lookahead], texts) == _plain([lookahead], texts) == [2]


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
