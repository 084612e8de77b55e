"""The plan's facts read only the paragraphs that hold a word every match needs (noai.analysis.facts): the
clause word (clause_word) only texts holding "clause", "section" or "article"; what the creator keeps
(kept_materials) only texts holding its verbs, keep or retain and remain, stay or continue. Every match of the
patterns holds such a word, so the facts are what the patterns alone say: on synthetic paragraphs (characters
that fold to an ASCII letter included) and on every corpus paragraph."""

import pytest
from support.corpus import contracts

from noai.analysis import facts, fast
from noai.ooxml.document import read_document
from noai.ooxml.model import Paragraph


def _keeps(low):
    return "keep" in low or "retain" in low


def _remains(low):
    return "remain" in low or "stay" in low or "continue" in low


def _may_match(text, words):
    return fast.folds(text) or any(w in text.lower() for w in words)


SENTENCES = [
    "See Section 7(b) and Clause 3.",
    "ARTICLES 4 and 5 apply.",
    "Under \u017fection 2 the Buyer pays.",  # a long s is an s to a case-insensitive search
    "Sections of the Copyright Act do not apply.",
    "The Designer keeps the rights in the sketches and the storyboards.",
    "The Consultant retains all right, title and interest in the Consultant Tools.",
    "The characters remain the property of the Designer.",
    "The storyboards stay with us.",
    "The source files shall continue to be ours.",
    "The Designer \u212aEEPS the rights in the sketches.",  # a Kelvin sign is a k to it
    "Nothing here is kept by anyone.",
]


def _reference_words(text):
    return [m.group(1) for m in facts._REFERENCE.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_every_clause_reference_is_in_a_text_holding_its_word(text):
    if _reference_words(text):
        assert _may_match(text, facts._REFERENCE_WORDS)


def test_the_clause_word_is_counted_as_the_pattern_alone_counts():
    texts = ["See Section 7(b).", "Under \u017fection 2 the Buyer pays.", "SECTION 9 applies.", "No reference."]
    assert facts.clause_word(texts) == "Section"
    assert facts.clause_word(["See clause 3.", "Section 4 applies."]) is None
    assert facts.clause_word(["No reference."], american=True) == "Section"
    assert facts.clause_word(["ARTICLE 5 applies.", "Article 6 too."]) == "Article"


@pytest.mark.parametrize("creator", ["Designer", "Consultant", "we"])
@pytest.mark.parametrize("text", SENTENCES)
def test_every_keeping_is_in_a_text_holding_its_verb(creator, text):
    after, before = facts._keeping(creator)
    if after.search(text):
        assert fast.folds(text) or _keeps(text.lower())
    if before.search(text):
        assert fast.folds(text) or _remains(text.lower())


def test_what_the_creator_keeps_is_found_in_the_texts_holding_a_verb():
    paragraphs = [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(SENTENCES)]
    assert facts.kept_materials(paragraphs, "the Designer") == "the sketches and the storyboards"
    assert (
        facts.kept_materials(paragraphs[4:], "the Designer", {"the sketches and the storyboards"}) == "the characters"
    )
    assert facts.kept_materials(paragraphs[9:], "the Designer") == "the sketches"
    assert facts.kept_materials(paragraphs[10:], "the Designer") is None


@pytest.mark.parametrize("path", contracts())
def test_the_patterns_match_only_texts_holding_their_words_on_every_corpus_paragraph(path):
    patterns = [p for creator in ("Supplier", "Provider", "Consultant", "we") for p in facts._keeping(creator)]
    for p in read_document(path.read_bytes()).paragraphs:
        text = p.original_text
        if _reference_words(text):
            assert _may_match(text, facts._REFERENCE_WORDS)
        for sentence in facts.sentences(text):
            for k, rx in enumerate(patterns):
                if rx.search(sentence):
                    assert fast.folds(text) or (_keeps if k % 2 == 0 else _remains)(text.lower())
