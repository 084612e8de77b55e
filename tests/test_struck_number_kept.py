"""A numbered clause struck whole keeps its number (issue 15, session 10's "seen, not fixed").

Striking all of "4.3 The Client may use the Work to train …" with its number left "4.2", "4.4" once accepted, and
in Word's numbering it let 4.4 show as 4.3, so that a typed "Section 4.4", and the numbers our survival sentence
cites, named another clause. A drafter strikes the words and keeps the number: "4.3 [Intentionally deleted]". That
is done where a gap or a move would follow: typed siblings after it, a typed reference to a Word number after it,
or our clauses numbering on from it or from a later sibling. Elsewhere, a Word-numbered paragraph is struck whole
as before: Word numbers the rest on without a gap, and nothing refers to the numbers that move.

Shapes: typed decimal numbers (tests/test_ai_training_permission_struck.py's software agreement), Word's
numbering with and without a typed reference (a packaging design agreement, here), us-game-art
(tests/test_review_session13.py).
"""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p
from test_document_wording import redline_of
from test_titled_subclause_placement import NUMBERING, n
from test_writer import rejected

from noai import engine
from noai.ooxml.renumber import struck_moves_numbers
from noai.plan import DELETED

VARIANTS = ("strict", "standard", "minimal")
TRAINS = "The Client may use the Designs to train its own machine learning models that check label layouts."
CREDIT = "The Client shall credit the Designer on its website as the designer of the labels."


def test_a_struck_number_moves_numbers_where_siblings_references_or_our_clauses_follow_it():
    typed = ["4. Rights", "4.1 Grant.", "4.2 Training.", "4.3 Credit.", "5. General"]
    assert struck_moves_numbers(typed, 2)  # 4.3 would follow 4.1
    assert not struck_moves_numbers(typed, 3)  # the last of its list: no gap
    assert struck_moves_numbers(typed, 3, ours={3})  # our 4.4 numbered on from it
    assert not struck_moves_numbers(typed, 4, ours={1})  # "5." moves nothing of list 4
    words = ["Rights", "Grant.", "Training.", "Credit.", "General"]
    shown = ["1.", "1.1", "1.2", "1.3", "2."]
    assert not struck_moves_numbers(words, 2, shown)  # Word shows 1.3 as 1.2: no typed number names it
    assert struck_moves_numbers([*words[:4], "Section 1.3 survives."], 2, shown)
    assert struck_moves_numbers(words, 2, shown, ours={3})  # ours after 1.3 would move with it


def design_agreement(reference: bool) -> bytes:
    """Word-numbered; the permission is 1.2 of "Use of the Designs", our clauses go to 2 ("Ownership")."""
    retains = "The Designer retains the copyright in the Designs."
    body = [
        p("PACKAGING DESIGN AGREEMENT"),
        p(
            'This agreement is made between Harrow Lane Studio Ltd (the "Designer") and Copperfield Foods Ltd (the '
            '"Client").'
        ),
        n("Use of the Designs", 0),
        n('The Designer shall design the labels for the Client\'s new range of sauces (the "Designs").', 1),
        n(TRAINS, 1),
        n(CREDIT, 1),
        n("Ownership", 0),
        n("The Designer grants the Client a non-exclusive, perpetual licence to use the Designs for any purpose.", 1),
        n(f"{retains} The credit under Section 1.3 is not a licence." if reference else retains, 1),
        n("General", 0),
        n("This agreement is governed by the laws of England.", 1),
        p("Signed for the Designer: ____________"),
    ]
    return make_docx("".join(body) + "<w:sectPr/>", numbering=NUMBERING)


def struck(red: engine.Redline) -> engine.Edit:
    (edit,) = [e for e in red.plan.edits if e.clause == "fix-existing-ai-restriction"]
    return edit


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_word_numbered_clause_a_typed_reference_follows_keeps_its_number(variant):
    red = redline_of(design_agreement(reference=True), variant)
    edit = struck(red)
    assert (edit.find, edit.replacement) == (TRAINS, DELETED)
    shown = {q.text: q.label for q in engine.read(red.docx).paragraphs}  # accepted, as Word numbers it
    assert shown[DELETED] == "1.2" and shown[CREDIT] == "1.3"  # "Section 1.3" still names the credit
    assert any("The credit under Section 1.3 is not a licence." in t for t in shown)
    assert rejected(red.docx) == [q.text for q in engine.read(design_agreement(reference=True)).paragraphs]


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_word_numbered_clause_nothing_refers_past_is_struck_whole_and_word_numbers_on(variant):
    red = redline_of(design_agreement(reference=False), variant)
    edit = struck(red)
    assert (edit.find, edit.replacement, edit.start) == (TRAINS, "", 0)
    accepted = engine.read(red.docx, accepted=True).paragraphs  # as Word's accept-all leaves it
    shown = {q.text: q.label for q in accepted}
    assert TRAINS not in shown and DELETED not in shown and shown[CREDIT] == "1.2"  # no gap: 1.1, 1.2
    assert "" not in shown  # the paragraph is gone, mark and all


@pytest.mark.libreoffice
def test_libreoffice_accepts_the_kept_number_and_the_whole_strike_and_rejects_both_to_the_contract(libreoffice):
    docs = [design_agreement(reference=True), design_agreement(reference=False)]
    reds = [redline_of(d, "standard").docx for d in docs]
    kept, whole, *originals = libreoffice([*reds, *docs])
    assert kept["rejected_paragraphs"] == originals[0]["paragraphs"]
    assert whole["rejected_paragraphs"] == originals[1]["paragraphs"]
    accepted = kept["accepted_paragraphs"]
    assert accepted.index(DELETED) + 1 == accepted.index(CREDIT) and TRAINS not in accepted
    accepted = whole["accepted_paragraphs"]
    assert DELETED not in accepted and TRAINS not in accepted and "" not in accepted
