"""Which typed numbers and references move when clauses are inserted: noai.ooxml.renumber."""

from __future__ import annotations

import pytest

from noai.ooxml.renumber import renumber, renumbering


def moved(texts: list[str], inserted: dict[int, int], lettered: bool = False) -> list[tuple[int, str, str]]:
    """The typed numbers that move, numbering the inserted clauses on (``lettered=False``, as Word's
    automatic numbering does) unless ``lettered``."""
    return [(c.index, c.old, c.new) for c in renumbering(texts, inserted, lettered=lettered)]


def test_the_anchors_own_sub_numbers_stay_and_the_siblings_after_them_move():
    texts = ["7.3 Licence.", "7.3.1 Scope.", "7.3.2 Term.", "7.4 Fees.", "7.4.1 Rates.", "8. Term."]
    assert moved(texts, {2: 1}) == []  # after the last sub-number: "7.3.3" is free
    assert moved(texts, {0: 2}) == [(3, "7.4", "7.6"), (4, "7.4.1", "7.6.1")]


def test_a_list_of_items_ends_at_the_next_clause_and_passes_over_deeper_items():
    texts = [
        "7.2 Licence:",
        "(a) internal use;",
        "(i) by staff;",
        "(ii) by agents;",
        "(b) client use.",
        "7.3 Fees.",
        "(a) monthly;",
        "(b) yearly.",
    ]
    assert moved(texts, {1: 1}) == [(4, "(b)", "(c)")]


def test_a_letter_list_continues_past_h_with_the_letter_i():
    texts = ["1. Uses:"] + [f"({c}) use {c};" for c in "ghij"]
    assert moved(texts, {1: 1}) == [(2, "(h)", "(i)"), (3, "(i)", "(j)"), (4, "(j)", "(k)")]


def test_a_list_numbered_again_from_one_is_another_list():
    texts = ["1. Services.", "2. Fees.", "Schedule", "1. Scope.", "2. Prices."]
    assert moved(texts, {0: 1}) == [(1, "2.", "3.")]


@pytest.mark.parametrize(
    "reference, expected",
    [
        ("See Section 7.4.", "See Section 7.5."),
        ("under clauses 7.4 and 7.5(b)", "under clauses 7.5 and 7.6(b)"),
        ("Sections 7.3 to 7.5 apply", "Sections 7.3 to 7.6 apply"),
        ("gemäß Ziffer 7.4.2", "gemäß Ziffer 7.5.2"),
        ("§ 7.4 gilt", "§ 7.5 gilt"),
        ("see 7.4 above", "see 7.4 above"),  # no "Section", "Clause" ...: a number, not a reference
        ("Section 7.3 and 7.2", "Section 7.3 and 7.2"),  # numbers that do not move
        ("under Article 7.4 GDPR", "under Article 7.4 GDPR"),  # another instrument's numbers
        ("Section 7.4 of the Copyright Act", "Section 7.4 of the Copyright Act"),
        ("Section 7.4 of this Agreement", "Section 7.5 of this Agreement"),
    ],
)
def test_typed_references_to_moved_numbers_move_with_them(reference, expected):
    texts = ["7.3 Licence.", "7.4 Fees.", "7.5 Term.", reference]
    changes = renumbering(texts, {0: 1}, lettered=False)
    text = reference
    for c in sorted((c for c in changes if c.index == 3), key=lambda c: c.start, reverse=True):
        assert c.reference and text[c.start : c.end] == c.old
        text = text[: c.start] + c.new + text[c.end :]
    assert text == expected


def test_an_anchor_without_a_typed_number_moves_nothing():
    assert moved(["Licence.", "7.4 Fees."], {0: 1}) == []


def test_clauses_inserted_between_typed_clauses_take_letters_and_nothing_moves():
    texts = ["5. Credit.", "6. Fees.", "7. Law.", "See clause 6."]
    found = renumber(texts, {0: 2})
    assert found.changes == []
    assert found.numbers == {0: ["5A.", "5B."]}


@pytest.mark.parametrize(
    "anchor, expected",
    [
        ("7.3 Licence.", ["7.3A", "7.3B"]),  # a sub-clause: the letter after its number
        ("5\tCredit.", ["5A", "5B"]),  # written as the document writes it: no full stop there
        ("5A. Credit.", ["5B.", "5C."]),  # after a lettered clause: the next letters
    ],
)
def test_lettered_numbers_follow_the_anchors_own_form(anchor, expected):
    following = {"7.3 Licence.": "7.4 Fees.", "5\tCredit.": "6\tFees.", "5A. Credit.": "6. Fees."}[anchor]
    found = renumber([anchor, following], {0: 2})
    assert found.numbers == {0: expected} and found.changes == []


def test_a_letter_the_document_already_uses_is_not_given_twice():
    texts = ["5. Credit.", "5A. Moral rights.", "6. Fees."]
    assert renumber(texts, {1: 1}).numbers == {1: ["5B."]}
    # after "5." the letter A is taken: the clause is numbered on ("6.") and the ones after it move
    assert moved(texts, {0: 1}, lettered=True) == [(1, "5A.", "6A."), (2, "6.", "7.")]


def test_a_lettered_clause_continues_the_list_it_was_inserted_in():
    texts = ["5. Credit.", "5A. No AI training.", "6. Fees.", "7. Law."]
    # numbered on: "5A." follows the new "6." as "6A.", and the list goes on past it
    assert moved(texts, {0: 1}) == [(1, "5A.", "6A."), (2, "6.", "7."), (3, "7.", "8.")]


def test_automatic_numbers_move_by_themselves_and_lettered_numbers_are_for_typed_ones():
    texts = ["Credit.", "Fees.", "See clause 6."]
    found = renumber(texts, {0: 1}, ["5.", "6.", None])
    assert [(c.old, c.new, c.automatic, c.reference) for c in found.changes] == [
        ("6.", "7.", True, False),
        ("6", "7", False, True),
    ]


@pytest.mark.parametrize(
    "label",
    ["1.7", "1.7.", "7.", "7", "(a)", "a)", "(iv)", " 12.3.4 ", "1.7.)", "\u0663.\u0664", "1..2", "(10)", "A.", "1.a"],
)
def test_a_shown_label_is_read_as_the_typed_number_it_would_be(label):
    from noai.ooxml.renumber import _number, _shown_number

    typed = _number(label.strip() + " x")
    assert _shown_number(label) == (None if typed is None else typed._replace(start=0, end=0))


def _spellings(items) -> list[str]:
    """Every string a finite pattern (literals, sets of literals, alternatives, groups, optional parts) matches."""
    import re._constants as c

    out = [""]
    for op, arg in items:
        if op is c.LITERAL:
            options = [chr(arg)]
        elif op is c.IN:
            assert all(o is c.LITERAL for o, _ in arg), "a set of literals only"
            options = [chr(v) for _, v in arg]
        elif op is c.BRANCH:
            options = [s for branch in arg[1] for s in _spellings(branch)]
        elif op is c.SUBPATTERN:
            options = _spellings(arg[3])
        elif op is c.MAX_REPEAT and arg[1] == 1:
            options = ["" for _ in range(1 - arg[0])] + _spellings(arg[2])
        else:
            raise AssertionError(f"not a finite pattern: {op}")
        out = [s + o for s in out for o in options]
    return out


def test_every_spelling_of_a_reference_keyword_holds_a_literal_the_texts_are_first_searched_for():
    import re._parser

    from noai.ooxml.renumber import _KEYWORD, _KEYWORD_LITERALS, _REFERENCE

    spellings = _spellings(re._parser.parse(_KEYWORD))
    assert {"Section", "SUB-CLAUSES", "§§", "Ziffern", "Abschnitte", "Artikel", "sub-paragraph"} <= set(spellings)
    for keyword in spellings:
        assert _REFERENCE.fullmatch(f"{keyword} 7.4")  # the pattern's own keywords, nothing else
        assert any(w in keyword for w in _KEYWORD_LITERALS), keyword


@pytest.mark.parametrize("keyword", ["Sub-Clause", "SECTIONS", "§§", "Abschnitt", "Artikel", "article"])
def test_a_reference_moves_whatever_keyword_names_it(keyword):
    texts = ["7.3 Licence.", "7.4 Fees.", "no keyword here, 7.4", f"under {keyword} 7.4 and", "Clause 7.4", ""]
    changes = [(c.index, c.old, c.new) for c in renumbering(texts, {0: 1}, lettered=False) if c.reference]
    assert changes == [(3, "7.4", "7.5"), (4, "7.4", "7.5")]


def test_a_reference_moves_in_a_text_holding_the_character_that_joins_the_texts():
    texts = ["7.3 Licence.", "7.4 Fees.", "odd\0text, see clause 7.4", "Clause 7.4"]
    changes = [(c.index, c.old, c.new) for c in renumbering(texts, {0: 1}, lettered=False) if c.reference]
    assert changes == [(2, "7.4", "7.5"), (3, "7.4", "7.5")]
