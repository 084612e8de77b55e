"""Whether a paragraph asks for fees (noai.analysis.facts.has_fees), told with the currency words
first, is what the three patterns alone say; the price the document names (price_due) is read only
from the texts that hold a price word, and every text the price patterns match holds one: on
synthetic paragraphs and on every corpus paragraph."""

import pytest
from support.corpus import contracts

from noai.analysis import facts
from noai.ooxml.document import read_document


def _by_patterns(text):
    return facts._FEES.search(text) is not None or (
        facts._SUM_PAID.search(text) is not None and not facts._WAGE.search(text)
    )


@pytest.mark.parametrize(
    ("text", "paid"),
    [
        ("The Client shall pay the Illustrator £150 for each Illustration.", True),
        ("Payable: 2,000 EUROS per month.", True),
        ("The Buyer pays USD 900 a year for support.", True),
        ("The Buyer pays \u017fD 900 a year.", False),  # a long s: the patterns themselves decide
        ("The Buyer pays u\u017fd 900 a year.", True),  # "u\u017fd" is "usd" to a case-insensitive search
        ("The employee is paid 3,000 dollars a month in salary.", False),
        ("Invoices are due in 30 days.", True),
        ("Section 4.2 applies for 12 months after delivery.", False),
        ("", False),
    ],
)
def test_a_paragraph_asks_for_fees_as_the_patterns_say(text, paid):
    assert facts.has_fees(text) is paid
    assert _by_patterns(text) is paid


@pytest.mark.parametrize("path", contracts())
def test_has_fees_is_the_patterns_answer_on_every_corpus_paragraph(path):
    for p in read_document(path.read_bytes()).paragraphs:
        assert facts.has_fees(p.original_text) == _by_patterns(p.original_text)


def _price_words_hold(text):
    return any(w in text.lower() for w in facts._PRICE_WORDS)


@pytest.mark.parametrize(
    "text",
    ["The Fees are due.", "ROYALTIES", "the Charges apply", "a remuneration of 5", "the Price", "its fee"],
)
def test_every_price_word_the_patterns_find_is_in_a_text_the_price_words_let_through(text):
    assert facts._PRICE.search(text) or facts._THE_TERM.search(text)
    assert _price_words_hold(text)


def test_the_price_due_is_read_only_from_texts_holding_a_price_word_and_found_there():
    texts = ["Scope of work.", "The Buyer pays the Charges monthly.", "No charges apply to \u017fupport.", "Fees: none"]
    assert facts.price_due(texts) == "all Charges due"
    assert facts.price_due(["Scope of work.", "Delivery within 10 days."]) is None


@pytest.mark.parametrize("path", contracts())
def test_the_price_patterns_match_only_texts_holding_a_price_word_on_every_corpus_paragraph(path):
    for p in read_document(path.read_bytes()).paragraphs:
        if facts._PRICE.search(p.original_text) or facts._THE_TERM.search(p.original_text):
            assert _price_words_hold(p.original_text)
