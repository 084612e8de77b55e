"""What our comments quote to the other side is quoted whole, never cut off with "…" (issue 15 item 5 (v)).

Round two named an addition of ours by its first twelve words and "…" ("We need our addition “The licence granted to
the Publishers does not extend to using the …”, and have put it back"): a lawyer quotes the words whole, or the
first sentence whole and says what follows it ("our addition “…”, with the sentence after it"). Round one's comments
on every synthetic contract, in every variant, quote no words cut off either (a guard: each quoted phrase is whole).
"""

from __future__ import annotations

import re

import pytest
from support.synthetic_contracts import CONTRACTS
from test_review_synthetic import redline
from test_round_two_rejected_terms import MUSIC, RIGHTS, STRONGER, ours

from noai.rounds import escalations
from noai.rounds.said import _addition_named

VARIANTS = ("strict", "standard", "minimal")
CUT = re.compile(r"“[^”]*…[^”]*”")


@pytest.mark.parametrize(
    ("added", "named"),
    [
        (
            "The licence granted to the Publishers does not extend to using the Work to train or fine-tune any AI "
            "System",
            "our addition “The licence granted to the Publishers does not extend to using the Work to train or "
            "fine-tune any AI System”",
        ),
        (
            "No licence under clause 4.2 extends to AI training, e.g. fine-tuning. All other rights are reserved",
            "our addition “No licence under clause 4.2 extends to AI training, e.g. fine-tuning”, with the sentence "
            "after it",
        ),
        (
            "No licence extends to AI training. All other rights are reserved. No licence is implied.",
            "our addition “No licence extends to AI training”, with the 2 sentences after it",
        ),
    ],
    ids=["one-sentence", "two-sentences", "three-sentences"],
)
def test_an_addition_of_ours_is_named_by_its_words_whole(added, named):
    assert _addition_named(added) == named


@pytest.mark.parametrize("name", (RIGHTS, MUSIC))
def test_round_two_quotes_the_addition_it_puts_back_whole_in_the_thread_the_approach_and_the_note(name):
    red = STRONGER[name]()
    said = ours(red) + list(escalations(red.plan))
    assert not [c for c in said if CUT.search(c)], said
    named = [c for c in said if "our addition “" in c]
    assert named, said
    for c in named:  # the quoted words are a whole sentence of what we added: they end where a sentence ends
        quoted = re.search(r"our addition “([^”]*)”", c).group(1)
        assert not quoted.endswith((" the", " a", " to", " of", " using")), quoted
    # uk-translation-rights: our one-sentence addition to clause 2, whole
    if name == RIGHTS:
        assert any(
            "our addition “The licence granted to the Publishers does not extend to using the Work to train or "
            "fine-tune any AI System”" in c
            for c in named
        ), named


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_round_one_comments_quote_no_words_cut_off(name, variant):
    said = [e.comment for e in redline(name, variant).plan.edits if e.comment]
    assert not [c for c in said if CUT.search(c)], said
