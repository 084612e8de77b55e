"""Strict on ownership declared in the present beside a present assignment (session 9 review, defect 3; review15
defect 7).

"All Work Product is the sole property of X upon creation. Y hereby assigns to X all right, title and interest …":
each sentence passes ownership at once. Where strict makes a transfer wait for payment, the clause must pass
ownership one way: where the assignment moves all the rights, the statement of ownership is struck and the
assignment waits for the payment itself; where it moves only some ("all copyright"), it takes the others ("all
copyright and all other intellectual property rights") and the statement goes too, as it does where the assignment
refers back to it ("… in them" -> "… in the Deliverables"). Standard and minimal keep both. Another party's own
materials declared to be its property stay as they are.
"""

from __future__ import annotations

import pytest
from test_strategy_creation_timing import approach, contract, redline, transfer_paragraph
from test_writer import accepted, rejected

from noai.analysis.facts import assigns_everything, ownership_clause, present_transfers, that_piece
from noai.ooxml.document import read_document

DECLARED = (
    "The Deliverables are the exclusive property of the Client on their creation. The Designer hereby assigns to "
    "the Client all intellectual property rights in the Deliverables."
)
REVERSED = (
    "The Designer hereby irrevocably assigns to the Client all copyright in the Deliverables. All intellectual "
    "property rights in the Deliverables are owned by the Client upon creation."
)


def test_strict_strikes_a_declared_ownership_and_makes_the_assignment_beside_it_wait_for_payment():
    docx = contract(DECLARED)
    red = redline(docx)
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 The Designer shall, upon payment in full of all fees due under this agreement, assign to the Client all "
        "intellectual property rights in the Deliverables."
    )
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]
    said = next(e.comment for e in red.plan.edits if e.finding == "ip_assignment" and e.comment)
    assert "“hereby assigns” does not wait for payment" in said, said
    assert "take out “The Deliverables are the exclusive property of the Client on their creation”" in said, said
    assert "we propose that ownership pass only on payment in full" in approach(red.plan)


# a second shape: the assignment first, the ownership statement after it, ending the paragraph
WHOLE_FIRST = (
    "The Designer hereby assigns to the Client all right, title and interest in the Deliverables. The Client will "
    "own the Deliverables from the moment they are created."
)


PRONOUN = (
    "The Deliverables are the exclusive property of the Client on their creation. The Designer hereby assigns to the "
    "Client all intellectual property rights in them."
)


def test_strict_strikes_a_statement_the_assignment_refers_back_to_and_names_the_work_in_the_assignment():
    # "… in them" would name nothing once the statement before it goes: the assignment names the Deliverables
    # (fixmin, issue 15 item 5 (iv): one mechanism, not both waiting)
    one_way = (
        "2.1 The Designer shall, upon payment in full of all fees due under this agreement, assign to the Client all "
        "intellectual property rights in the Deliverables."
    )
    docx = contract(PRONOUN)
    red = redline(docx)
    assert transfer_paragraph(accepted(red.docx)) == one_way
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]
    said = next(e.comment for e in red.plan.edits if e.finding == "ip_assignment" and e.comment)
    assert "We also change “them” to “the Deliverables”: the words taken out named the Deliverables." in said, said
    joined = PRONOUN.replace(" on their creation. The Designer", " on their creation, and the Designer")
    assert transfer_paragraph(accepted(redline(contract(joined)).docx)) == one_way


# a third shape: one sentence, the statement and then the assignment as its next conjunct
JOINED = (
    "All Deliverables are the sole property of the Client upon creation, and the Designer hereby assigns to the "
    "Client all intellectual property rights in the Deliverables."
)


def test_strict_strikes_a_statement_joined_to_the_assignment_and_the_assignment_takes_the_capital():
    docx = contract(JOINED)
    red = redline(docx)
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 The Designer shall, upon payment in full of all fees due under this agreement, assign to the Client all "
        "intellectual property rights in the Deliverables."
    )
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]


def test_strict_strikes_a_declaration_after_an_assignment_of_all_the_rights_and_the_space_before_it():
    docx = contract(WHOLE_FIRST)
    red = redline(docx)
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 The Designer shall, upon payment in full of all fees due under this agreement, assign to the Client all "
        "right, title and interest in the Deliverables."
    )
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]


def test_strict_strikes_a_declaration_after_an_assignment_of_copyright_only_and_widens_the_assignment_to_it():
    # the declaration passes the other rights, which the copyright assignment does not: the assignment takes them
    # ("all copyright and all other intellectual property rights"), waits for payment and stays irrevocable, and the
    # declaration goes (fixmin, issue 15 item 5 (iv): one mechanism; review14 defect 7: "irrevocably" kept)
    docx = contract(REVERSED)
    red = redline(docx)
    assert transfer_paragraph(accepted(red.docx)) == (
        "2.1 The Designer shall, upon payment in full of all fees due under this agreement, irrevocably assign to the "
        "Client all copyright and all other intellectual property rights in the Deliverables."
    )
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]
    said = next(e.comment for e in red.plan.edits if e.finding == "ip_assignment" and e.comment)
    assert "We also change “all copyright” to “all copyright and all other intellectual property rights”" in said


@pytest.mark.parametrize("variant", ["standard", "minimal"])
@pytest.mark.parametrize("transfer", [DECLARED, REVERSED], ids=["declared-first", "assigned-first"])
def test_standard_and_minimal_keep_both_transfers_as_written(variant, transfer):
    red = redline(contract(transfer), variant)
    assert transfer_paragraph(accepted(red.docx)) == f"2.1 {transfer}"


def test_strict_leaves_both_as_written_where_no_fee_is_paid():
    red = redline(contract(DECLARED, "1.2 The Designer is employed at a salary."))
    assert transfer_paragraph(accepted(red.docx)) == f"2.1 {DECLARED}"


@pytest.mark.parametrize(
    "other",
    [
        "The Client's brand guidelines are the sole property of the Client.",  # the client's own materials
        "The Designer's templates are the sole property of the Designer.",  # the creator's own
        "The Client hereby assigns to the Designer the right to display the Deliverables.",  # from the client
        "Nothing in this agreement hereby assigns any right in the Designer's tools.",  # a denial
        "All rights in the Deliverables are the sole property of the Client upon payment of the fees.",  # waits
    ],
)
def test_another_sentence_that_passes_nothing_of_the_work_to_the_client_at_once_is_left_alone(other):
    text = f"All rights in the Deliverables shall vest in the Client. {other}"
    at = text.index("shall vest")
    assert present_transfers(text, at, at + len("shall vest"), "Designer", "Client", "Deliverables") == []


def test_a_fallback_assignment_of_what_does_not_vest_waits_for_the_payment_too():
    text = (
        "All rights in the Deliverables vest in the Client. To the extent any right does not vest in the Client, "
        "the Designer hereby assigns it to the Client."
    )
    at = text.index("vest in")
    [strike] = present_transfers(text, at, at + len("vest in"), "Designer", "Client", "Deliverables")
    assert (strike.words, strike.replacement) == ("hereby assigns", "shall, upon that payment, assign")


@pytest.mark.libreoffice
def test_libreoffice_accepts_the_one_way_or_both_waits_as_planned_and_rejects_them_to_the_input(libreoffice):
    sources = [contract(DECLARED), contract(REVERSED), contract(JOINED)]
    results = libreoffice([redline(docx).docx for docx in sources] + sources)
    for result, original, waits in zip(results[:3], results[3:], (1, 1, 1), strict=True):
        assert result["rejected_paragraphs"] == original["paragraphs"]
        ownership = transfer_paragraph(result["accepted_paragraphs"])
        assert ownership.count("payment") == waits and "creation" not in ownership, ownership
        assert "hereby" not in ownership and " is " not in ownership and " are " not in ownership, ownership
        assert result["redlines_left_after_accept"] == 0 and result["redlines_left_after_reject"] == 0


# -- the pieces: which statement can go, and whether the assignment moves everything it said -----------------------


@pytest.mark.parametrize(
    ("text", "phrase", "struck"),
    [
        (  # the last conjunct of a sentence that says something else first: the conjunct, the full stop kept
            "The Films are not works made for hire, and the Broadcaster will own all rights in them on delivery. "
            "The Producer hereby assigns to the Broadcaster all right, title and interest in the Films.",
            "will own",
            ", and the Broadcaster will own all rights in them on delivery",
        ),
        (  # a sentence of its own before the assignment: with the space after it
            "All Designs are the sole property of the Retailer upon creation. The Studio hereby assigns to the "
            "Retailer all rights in the Designs.",
            "are the sole property of",
            "All Designs are the sole property of the Retailer upon creation. ",
        ),
    ],
)
def test_an_ownership_statement_beside_an_assignment_is_struck_as_a_clause_of_its_own(text, phrase, struck):
    at = text.index(phrase)
    strike = ownership_clause(text, at, at + len(phrase))
    assert strike is not None and text[strike.start : strike.end] == struck
    assert text[: strike.start] + text[strike.end :] != text


@pytest.mark.parametrize(
    "text",
    [
        "The Broadcaster will own the Films.",  # the paragraph's only sentence
        "To the extent permitted, the Broadcaster will own the Films. The Producer hereby assigns all rights.",
        "The Broadcaster will own the Films, and the Producer shall deliver them. The Producer hereby assigns all.",
    ],
    ids=["only-sentence", "condition-before", "another-clause-after"],
)
def test_an_ownership_statement_that_is_not_plainly_a_clause_of_its_own_stays(text):
    at = text.index("will own")
    assert ownership_clause(text, at, at + len("will own")) is None


@pytest.mark.parametrize(
    ("text", "everything"),
    [
        ("The Producer hereby assigns to the Broadcaster all right, title and interest in the Films.", True),
        ("The Studio hereby assigns to the Retailer all intellectual property rights in the Designs.", True),
        ("The Studio hereby assigns to the Retailer all of its rights in the Designs.", True),
        ("The Studio hereby assigns to the Retailer all copyright in the Designs.", False),
        ("The Studio hereby assigns to the Retailer the design right in the Designs.", False),
    ],
)
def test_an_assignment_moves_everything_only_where_it_names_all_the_rights(text, everything):
    assert assigns_everything(text, text.index("assigns") + len("assigns")) is everything


def test_a_condition_on_all_the_pieces_is_said_of_the_one_piece_the_sentence_names():
    text = "For each Design, the Studio hereby assigns to the Retailer all rights in that Design."
    at = text.index("hereby")
    those = "upon payment in full of the fees for those Designs under the applicable Order"
    assert that_piece(text, at, those) == "upon payment in full of the fees for that Design under the applicable Order"
    each = "for each Design, upon payment in full of the fee for it under this agreement"
    assert that_piece(text, at, each) == "upon payment in full of the fee for that Design under this agreement"
    assert that_piece("The Studio hereby assigns all rights.", 11, those) == those  # no piece named: as it is
