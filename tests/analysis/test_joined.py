"""Joined texts: one scan of the document, each hit mapped back to its paragraph."""

from noai.analysis.joined import Joined


def test_each_position_maps_back_to_the_text_that_holds_it():
    joined = Joined(["alpha", "", "beta gamma"])
    for i, text in enumerate(["alpha", "", "beta gamma"]):
        for offset in range(len(text)):
            assert joined.text[joined.starts[i] + offset] == text[offset]
            assert joined.index(joined.starts[i] + offset) == i


def test_holders_name_each_text_once_and_never_a_word_across_two_texts():
    joined = Joined(["grant grant", "no", "grantee", "gra", "nt"])
    assert list(joined.holders("grant")) == [0, 2]
    assert joined.holding(["nt", "no"]) == [0, 1, 2, 4]


def test_a_text_holding_nul_gets_another_separator():
    joined = Joined(["a\0b", "c"])
    assert joined.text.count("\0") == 1 and joined.index(joined.text.index("c")) == 1
