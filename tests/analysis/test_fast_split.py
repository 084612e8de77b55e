"""A case-insensitive pattern some of whose alternatives open with a case-sensitive part is searched as two
patterns (noai.analysis.fast._split): the others by their lower-case twin, those in the text as written;
the matches are the pattern's own."""

from __future__ import annotations

import re

from noai.analysis import fast
from noai.analysis import patterns as P

# my own sentences: a law named by its adjective, by "the laws of", in a cover-page row, and none
SENTENCES = [
    "This Agreement is governed by the laws of the Province of Manitoba, without regard to conflict rules.",
    "Scots law shall govern this Agreement and any dispute about it.",
    "New Zealand law applies to these terms; the parties submit to its courts.",
    "The laws of Quebec will govern this licence. Each party waives any objection.",
    "Governing law: this Order is construed in accordance with the internal laws of Vermont.",
    "The Photographer keeps copyright. Payment is due in 30 days. Late fees apply to invoices.",
    "The law shall govern nothing here, and Applicable Law means any statute in force.",
    "Terms and Conditions of Sale and Purchase Law Shall Govern",
    "the governing law is that of Ireland",
    "It is subject to the exclusive laws of Ontario and the parties so agree.",
    "",
    "Fees. Taxes. Interest. None of these is a law.",
]


def test_the_governing_law_patterns_split_off_their_alternatives_that_open_with_a_capitalised_word():
    for rx in (P.GOVERNING_LAW, P.LAW_ALONE):
        split = fast._split(rx)
        assert split is not None, rx.pattern
        rest, cased = split
        assert cased.pattern.startswith("(?-i:")
        assert sorted(fast._top_alternatives(rest.pattern) + fast._top_alternatives(cased.pattern)) == sorted(
            fast._top_alternatives(rx.pattern)
        )


def test_a_split_pattern_finds_what_the_pattern_finds_at_every_start_and_end():
    for rx in (P.GOVERNING_LAW, P.LAW_ALONE):
        for text in [*SENTENCES, " ".join(SENTENCES)]:
            low = fast.lowered(text)
            assert [m.span() for m in fast.finditer(rx, text, low)] == [m.span() for m in rx.finditer(text)]
            for pos in range(0, len(text) + 1, 7):
                for endpos in (len(text), max(pos, len(text) - 5)):
                    m, n = fast.search(rx, text, low, pos, endpos), rx.search(text, pos, endpos)
                    assert (m and (m.span(), m.group(0))) == (n and (n.span(), n.group(0))), (text, pos, endpos)
                    assert fast.holds(rx, text, pos, endpos) == (n is not None)


def test_the_match_at_the_leftmost_place_is_the_one_the_first_alternative_that_matches_there_gives():
    rx = re.compile(r"(?-i:[A-Z]\w+)\s+law|\bscots\s+law\s+shall", re.IGNORECASE)
    split = fast._split(rx)
    assert split is not None
    text = "Scots law shall govern; so does Irish law."
    low = text.lower()
    assert fast.search(rx, text, low, 0, len(text)).group(0) == "Scots law"  # the first alternative's
    assert [m.group(0) for m in fast.finditer(rx, text, low)] == ["Scots law", "Irish law"]


def test_a_pattern_with_no_case_sensitive_opening_or_with_a_back_reference_is_not_split():
    assert fast._split(re.compile(r"\bgoverned\s+by|\blaws?\s+of", re.IGNORECASE)) is None  # an exact twin
    assert fast._split(re.compile(r"\b(\w+)\s+(?-i:[A-Z])\1|(?-i:[A-Z])\w+\s+law", re.IGNORECASE)) is None
    assert fast._split(re.compile(r"(?-i:[A-Z])\w+\s+law|\blaw", 0)) is None  # case-sensitive as a whole


def test_the_outermost_alternatives_skip_bars_in_groups_sets_and_escapes():
    pattern = r"a(?:b|c)|[|\]x]\||\\|d[^]|]e"
    parts = fast._top_alternatives(pattern)
    assert parts == ["a(?:b|c)", r"[|\]x]\|", "\\\\", "d[^]|]e"]
    assert "|".join(parts) == pattern
    for part in parts:
        re.compile(part)
    assert fast._top_alternatives("abc") == ["abc"]
