"""Whether a paragraph asks for fees (noai.analysis.facts.has_fees), told with the currency words
first, is what the three patterns alone say: on synthetic paragraphs of each kind and on every
corpus paragraph."""

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
