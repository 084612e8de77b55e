"""Round two withdraws a definition of ours that nothing uses any more (REVIEW16 class 10).

Once the other side takes out the only words of ours using a term we defined, and accepts the definition, the
definition is left with no use. Round two takes it out as a tracked deletion of our own accepted text. Its comment
says why, and says that the deletion is a change of this round. The clauses after it in its list, and the
references to them, take their numbers back. A round that uses the term again keeps the definition.

Two shapes:
- us-purchase-order: a US purchase order with lettered sub-clauses "(d)". The other side rejects our change of
  5(b) ("solely for the Permitted Purpose").
- A UK photography licence of our own: typed decimal numbers, our definition numbered "2.1A". The other side
  deletes, without tracking, the sentence of our clause that used the term.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from support.replies import COUNSEL, Reply
from test_review_session16 import ORDER, round_two, written
from test_review_synthetic import redline

from noai import engine
from noai.ooxml.renumber import closing_struck

DEFINED = re.compile(r"[\"“]Permitted Purpose[\"”] means")


def withdrawals(red: engine.Redline) -> list:
    return [e for e in red.plan.edits if e.op == "replace" and not e.replacement and DEFINED.search(e.find or "")]


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_a_definition_whose_only_use_was_rejected_is_withdrawn_and_the_comment_says_it_is_a_new_change(variant):
    second = round_two(ORDER, variant)
    (gone,) = withdrawals(second)
    said = gone.comment or ""
    assert said.startswith("We have taken out our definition of “Permitted Purpose”"), said
    assert "you did not accept our change to “for any purpose”" in said and "a change of this round" in said, said
    assert not any(DEFINED.search(t) for t in written(second))


def test_strict_round_two_that_uses_the_term_again_keeps_its_definition():
    second = round_two(ORDER, "strict")
    assert not withdrawals(second)
    text = "\n".join(written(second))
    assert DEFINED.search(text) and "solely for the Permitted Purpose" in text


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_the_lettered_clauses_after_a_withdrawn_definition_take_its_letter_back(variant):
    paragraphs = written(round_two(ORDER, variant))
    five = paragraphs.index("5. INTELLECTUAL PROPERTY.")
    end = next(i for i, t in enumerate(paragraphs) if t.startswith("6. "))
    letters = [m.group(1) for t in paragraphs[five:end] if (m := re.match(r"\(([a-z])\) ", t))]
    assert letters == [chr(ord("a") + k) for k in range(len(letters))], letters


def test_closing_a_struck_lettered_item_moves_the_items_after_it_and_the_references_to_them():
    texts = [
        "7. Rights",
        "(a) The Artist grants a licence.",
        "(b) In this clause, “Brand Use” means use on packaging.",
        "(c) The Company shall credit the Artist.",
        "(i) in print;",
        "(d) The Company shall not sub-license.",
        "Clauses 7(c) and 7(d) survive termination.",
        "8. General",
        "(a) English law applies.",
    ]
    moved = {(c.index, c.old, c.new) for c in closing_struck(texts, None, 2)}
    assert moved == {(3, "(c)", "(b)"), (5, "(d)", "(c)"), (6, "7(c)", "7(b)"), (6, "7(d)", "7(c)")}, moved


def test_closing_a_struck_decimal_clause_under_word_numbering_moves_only_the_references():
    texts = ["Rights", "A licence.", "A definition.", "A credit.", "Clauses 3.2 to 3.4 survive."]
    shown = [None, "3.1", "3.2", "3.3", None]
    moved = [(c.index, c.old, c.new, c.reference) for c in closing_struck(texts, shown, 2)]
    assert moved == [], moved  # "3.4" names no clause: nothing follows the struck one but 3.3, which Word renumbers
    texts[4] = "Clauses 3.2 to 3.3 survive."
    moved = [(c.index, c.old, c.new, c.reference) for c in closing_struck(texts, shown, 2)]
    assert moved == [(4, "3.3", "3.2", True)], moved


PHOTOS = (
    "PHOTOGRAPHY LICENCE",
    'This licence is made between Fenwick Outdoor Ltd (the "Licensee") and Ada Brennan (the "Photographer").',
    "1.\tThe Photographs",
    '1.1\tThe Photographer shall supply thirty photographs of the Licensee\'s walking routes (the "Photographs").',
    "1.2\tThe Licensee shall pay the Photographer £2,400 within 30 days of delivery.",
    "2.\tLicence",
    "2.1\tThe Photographer grants the Licensee a non-exclusive licence to reproduce the Photographs in its "
    "guidebooks and on its website.",
    "2.2\tThe Licensee may use, copy and adapt the Photographs for any and all purposes.",
    "2.3\tThe Photographer keeps the copyright in the Photographs.",
    "3.\tGeneral",
    "3.1\tThis licence is governed by the laws of England and Wales.",
)


@functools.cache
def photo_round_two(variant: str) -> engine.Redline:
    """Standard round one of the licence; the Licensee deletes the sentence of our clause that limits the licence
    to the Permitted Purpose, keeps the definition, and accepts the rest."""
    doc = make_docx("".join(p(t) for t in PHOTOS) + "<w:sectPr/>")
    options = engine.Options(variant="standard", we="Photographer")
    sent = engine.redline(doc, author="noai", date=datetime(2026, 1, 5, tzinfo=UTC), options=options).docx
    back = Reply(sent).accept().delete_paragraph("The licences and rights to use the Photographs").bytes()
    options = engine.Options(variant=variant, we="Photographer")
    return engine.redline(back, author="noai", date=datetime(2026, 2, 5, tzinfo=UTC), options=options)


def test_a_definition_whose_using_sentence_they_deleted_is_withdrawn_where_round_two_accepts_their_change():
    second = photo_round_two("minimal")
    (gone,) = withdrawals(second)
    assert (gone.find or "").startswith("2.1A\t"), gone.find
    assert "nothing in this licence uses it any more" in (gone.comment or ""), gone.comment
    text = [t.text for t in engine.read(second.docx, accepted=True).paragraphs]
    assert not any(DEFINED.search(t) for t in text), text
    assert [t.split("\t")[0] for t in text if re.match(r"2\.\d", t)][:3] == ["2.1", "2.2", "2.3"], text


# ------------------------------------------------------------------------------------------------
# REVIEW16 class 9: a need the other side states in one of our threads gets an answer on the need


@functools.cache
def photo_need(need: str, variant: str) -> list[str]:
    """Standard round one of the licence; the Licensee accepts it all and states ``need`` in our approach thread;
    our replies in that thread in round two (``variant``)."""
    from noai.ooxml.package import read_package
    from noai.ooxml.threads import read_comments

    doc = make_docx("".join(p(t) for t in PHOTOS) + "<w:sectPr/>")
    options = engine.Options(variant="standard", we="Photographer")
    sent = engine.redline(doc, author="noai", date=datetime(2026, 1, 5, tzinfo=UTC), options=options).docx
    back = Reply(sent).reply_to("Our approach", need).accept().bytes()
    options = engine.Options(variant=variant, we="Photographer")
    second = engine.redline(back, author="noai", date=datetime(2026, 2, 5, tzinfo=UTC), options=options)
    comments = read_comments(read_package(second.docx))
    theirs = {c.parent for c in comments if c.author == COUNSEL}
    (root,) = [c for c in comments if c.parent is None and c.text.startswith("Our approach") and c.id in theirs]
    return [c.text for c in comments if c.parent == root.id and c.author == "noai"]


TOOL = "We need to run the photographs through automated captioning software for our screen-reader users."
TRAIN = "We must be able to fine-tune our route-recommendation model on the photographs."


@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
def test_a_stated_need_for_an_ai_tool_that_trains_nothing_is_allowed_for_that_task_on_no_retention(variant):
    said, *apart = photo_need(TOOL, variant)  # what this round supersedes, in a reply of its own (fixneed)
    assert all(s.startswith("Superseded") for s in apart) and "Superseded" not in said, apart
    assert not said.startswith("Thank you"), said
    assert "you need to run the photographs through automated captioning software for your screen-reader" in said
    assert "for that task alone" in said and "keeps no copy" in said and "trains no AI system" in said, said
    # no condition our text does not hold: the exception is drafted as a change of this round (fixneed), which the
    # answer points to, in every variant
    assert "approved in writing" not in said and "to say so." not in said, said
    assert "We have added it to the exceptions to the restriction on AI use" in said, said


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_a_stated_need_to_train_on_the_work_is_answered_with_consent_for_that_purpose_alone(variant):
    (said,) = photo_need(TRAIN, variant)
    assert "you must be able to fine-tune your route-recommendation model" in said, said
    assert "for that purpose alone, with the Photographer's prior written consent" in said, said
    assert "fee agreed at the time" in said  # our restriction offers the fee, so the answer does


def test_strict_answers_a_stated_need_to_train_on_the_work_with_why_not_and_how_to_ask():
    said, *apart = photo_need(TRAIN, "strict")  # what this round supersedes, in a reply of its own (fixneed)
    assert all(s.startswith("Superseded") for s in apart) and "Superseded" not in said, apart
    assert "We cannot agree to a standing permission for that" in said, said
    assert "prior written consent" in said and "for the purpose stated alone" in said, said


def test_a_stated_need_that_is_no_ai_use_is_noted_not_thanked_for():
    (said,) = photo_need("We need to print the photographs on our shop's postcards.", "standard")
    assert said.startswith("We note that you need to print the photographs on your shop's postcards."), said


@pytest.mark.parametrize(
    ("reply", "said", "ai", "trains"),
    [
        ("We need to use our AI model for a first cut. Fine?", "you need to use your AI model for a first cut", 1, 0),
        ("Clause 4 must stay: we require voice cloning for pick-ups.", "you require voice cloning for pick-ups", 1, 0),
        ("We have to train our classifier on them.", "you have to train your classifier on them", 1, 1),
        ("We need this as drafted.", "you need this as drafted", 0, 0),
    ],
)
def test_the_need_a_reply_states_is_read_in_our_voice(reply, said, ai, trains):
    from noai.analysis.negotiation import stated_need

    need = stated_need(reply)
    assert need is not None and (need.said, need.ai, need.trains) == (said, bool(ai), bool(trains)), need


def test_a_reply_that_states_no_need_has_none():
    from noai.analysis.negotiation import stated_need

    assert stated_need("We have no further comments.") is None and stated_need("Agreed.") is None


# ------------------------------------------------------------------------------------------------
# rounds2's leftover: every gap of a block closes, not only the first


def voice_without(clauses: tuple[str, ...]) -> list[str]:
    """ie-narration strict round one (our clauses 4.5 to 4.10, "Clauses 4.5 to 4.10 apply …"); counsel rejects
    ``clauses`` and accepts the rest; minimal round two (which puts none back): its accepted text."""
    return [p.text for p in without("ie-narration", clauses)]


@functools.cache
def without(name: str, clauses: tuple[str, ...]) -> list:
    """Strict round one of ``name``; counsel rejects ``clauses`` and accepts the rest; minimal round two (which puts
    none back): its accepted paragraphs."""
    from support.replies import record_ids
    from test_review_synthetic import facts, redline

    from noai.ooxml.package import read_package
    from noai.ooxml.record import read_rounds

    sent = redline(name, "strict").docx
    ids = [q.id for q in read_rounds(read_package(sent))[0].proposals if q.clause in clauses]
    back = Reply(sent).reject(ids=record_ids(sent, *ids)).accept().bytes()
    options = engine.Options(variant="minimal", we=facts(name).creator[0])
    second = engine.redline(back, author="noai", date=datetime(2026, 2, 5, tzinfo=UTC), options=options)
    return engine.read(second.docx, accepted=True).paragraphs


@pytest.mark.parametrize(
    "clauses",
    [
        ("ai-creative-likeness", "ai-indemnity"),
        ("retained-materials", "ai-indemnity"),
        ("ai-creative-likeness",),
        ("ai-transparency",),
        ("ai-remedies", "ai-transparency"),
        ("ai-creative-likeness", "ai-transparency"),
    ],
    ids=["apart", "side-by-side", "one", "last", "last-two", "first-and-last"],
)
def test_every_rejected_clause_of_a_block_leaves_no_gap_and_the_cited_range_ends_at_the_last(clauses):
    text = voice_without(clauses)
    numbers = [t.split("\t")[0] for t in text if re.match(r"4\.\d+\t", t)]
    last = 10 - len(clauses)
    assert numbers == [f"4.{n}" for n in range(1, last + 1)], numbers
    assert any(t.startswith(f"Clauses 4.5 to 4.{last} apply") for t in text), [t[:30] for t in text]


@pytest.mark.parametrize("clauses", [("ai-transparency",), ("ai-creative-likeness", "ai-transparency")])
def test_where_word_numbers_the_block_a_range_ends_at_its_last_clause_still_there(clauses):
    paragraphs = without("us-game-art", clauses)
    labels = [p.label for p in paragraphs if (p.label or "").startswith("3.") and p.label != "3."]
    last = 10 - len(clauses)
    assert labels == [f"3.{n}" for n in range(1, last + 1)], labels
    assert any(p.text.startswith(f"Sections 3.5 to 3.{last} apply") for p in paragraphs)


def test_closing_two_gaps_of_a_lettered_list_at_once():
    from noai.ooxml.renumber import closing_gap

    texts = ["9. Licence", "(a) one", "(c) three", "(e) five", "(f) six", "See Clauses 9(c) to 9(f).", "10. Law"]
    moved = {(c.index, c.old, c.new) for c in closing_gap(texts, None, 1, 1, {2: 1})}
    assert moved == {(2, "(c)", "(b)"), (3, "(e)", "(c)"), (4, "(f)", "(d)"), (5, "9(c)", "9(b)"), (5, "9(f)", "9(d)")}


# ------------------------------------------------------------------------------------------------
# rounds2's leftover: a rejected clause first in its block goes back to its own place when put back


@functools.cache
def covenant_put_back(name: str) -> list:
    """Strict round one of ``name``; counsel rejects our covenant (the first clause of our block) and accepts the
    rest; strict round two puts it back: the accepted paragraphs."""
    from support.replies import record_ids
    from test_review_synthetic import facts, redline

    from noai.ooxml.package import read_package
    from noai.ooxml.record import read_rounds

    sent = redline(name, "strict").docx
    ids = [q.id for q in read_rounds(read_package(sent))[0].proposals if q.clause == "no-ai-training"]
    back = Reply(sent).reject(ids=record_ids(sent, *ids)).accept().bytes()
    options = engine.Options(variant="strict", we=facts(name).creator[0])
    second = engine.redline(back, author="noai", date=datetime(2026, 2, 5, tzinfo=UTC), options=options)
    return engine.read(second.docx, accepted=True).paragraphs


def test_a_rejected_first_clause_of_a_typed_block_goes_back_at_its_own_number_citing_it():
    text = [p.text for p in covenant_put_back("ie-narration")]
    numbers = [t.split("\t")[0] for t in text if re.match(r"4\.\d+\t", t)]
    assert numbers == [f"4.{n}" for n in range(1, 11)], numbers
    assert next(t for t in text if t.startswith("4.5\t")).startswith("4.5\tThe Producer shall not engage in any")
    # put back in the words they rejected (never wider ones), which cite the block from its own number
    assert any(t.startswith("Clauses 4.5 to 4.10 apply") for t in text) and not any("4.11" in t for t in text)


def test_a_rejected_first_clause_of_a_word_numbered_block_goes_back_after_the_clause_it_followed():
    paragraphs = covenant_put_back("us-game-art")
    labels = [p.label for p in paragraphs if (p.label or "").startswith("3.") and p.label != "3."]
    assert labels == [f"3.{n}" for n in range(1, 11)], labels
    at = next(i for i, p in enumerate(paragraphs) if p.label == "3.5")
    clause = [p.text for p in paragraphs[at : at + 5]]
    assert any(t.startswith("Company shall not engage in any Prohibited AI Use") for t in clause), clause


@pytest.mark.parametrize(
    "reply", ["We need to protect our business model.", "We need the licence to renew automatically each year."]
)
def test_a_need_that_only_sounds_technical_is_no_ai_use(reply):
    from noai.analysis.negotiation import stated_need

    need = stated_need(reply)
    assert need is not None and not need.ai, need


def test_a_withdrawn_numbered_definition_leaves_the_list_of_clauses_citing_it():
    text = [t.text for t in engine.read(photo_round_two("minimal").docx, accepted=True).paragraphs]
    assert any(t.startswith("Clauses 2.4 and 2.5 apply") for t in text), [t[:40] for t in text]
    assert not any("2.1A" in t for t in text)


# ------------------------------------------------------------------------------------------------
# REVIEW18 defect 1: the approach comment never describes a change this round drops or a definition it withdraws


def approaches(red: engine.Redline) -> list[str]:
    return [e.comment or "" for e in red.plan.edits if (e.comment or "").startswith("Our approach:")]


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_an_approach_comment_never_ties_rights_to_a_definition_the_round_withdraws(variant):
    second = round_two(ORDER, variant)
    assert withdrawals(second)
    said = approaches(second)
    assert said, [e.comment for e in second.plan.edits]
    assert not any("Permitted Purpose" in s or "Why this definition" in s for s in said), said


def test_an_approach_listing_several_changes_loses_only_the_item_tying_rights_to_a_withdrawn_definition():
    from noai.rounds.approach import _approach_without

    approach = (
        "Our approach: this Deed assigns the Scripts to the Studio (clause 4). We tie the rights granted in clause 4.2 "
        "to the Permitted Purpose; add a covenant against AI use of the Scripts; and keep the Writer's notes with "
        "the Writer."
    )
    assert _approach_without(approach, {"permitted purpose"}) == (
        "Our approach: this Deed assigns the Scripts to the Studio (clause 4). We add a covenant against AI use of "
        "the Scripts and keep the Writer's notes with the Writer."
    )
    assert _approach_without(approach, {"approved purpose"}) == approach


def test_round_one_ties_rights_in_the_words_round_two_finds_the_item_by():
    # the item is found by the words both rounds share (planning.comments.TIE_THE_RIGHTS), not by a copy of them
    from noai.planning.comments import TIE_THE_RIGHTS
    from noai.rounds.approach import _approach_without

    (said,) = approaches(redline(ORDER, "standard"))
    first = said.partition(" Why this")[0]  # the approach, without the reason of the clause it is on
    assert f"{TIE_THE_RIGHTS} granted in" in first, first
    assert "Permitted Purpose" in first, first
    without = _approach_without(first, {"permitted purpose"})
    assert TIE_THE_RIGHTS not in without and "Permitted Purpose" not in without, without
    assert without.startswith(first.partition(". We ")[0].partition(", and we ")[0]), without
