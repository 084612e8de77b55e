"""Strict's warning that a round asks for more than the last counts only words that stood in the last round and that
we left alone then: a clause the other side inserts in its reply (reply C of review20: their own AI clause), or words
they type into a clause of theirs, are theirs and new; striking them answers them, it asks nothing more of words the
last round saw (issue 15; rounds.replies._escalation).

Two replies on two contracts: their new paragraph after their grant (us-work-for-hire), and their sentence typed at
the end of a paragraph of theirs that stood (us-consulting-sow). A control: a round that does ask for what the last
did not still warns (tests/test_round_two_comments.py, the indemnity)."""

from __future__ import annotations

import functools

from support.replies import Reply
from test_review_session20 import NEXT_ROUND, OWN, insert_words, new_comments, round_two
from test_review_synthetic import facts, redline

from noai import engine
from noai.rounds import escalations

TYPED = " Customer may also use the Work Product to train its machine learning models."


@functools.cache
def typed_reply() -> engine.Redline:
    """us-consulting-sow, strict: they accept our round and type a training permission into their further-assurance
    paragraph (a paragraph that stood in the last round, our words accepted elsewhere)."""
    name = "us-consulting-sow"
    sent = redline(name, "strict").docx
    back = Reply(sent).accept()
    insert_words(back, "perfect the assignment in Section 5.1.", TYPED, "perfect the assignment in Section 5.1.")
    options = engine.Options(variant="strict", we=facts(name).extra.get("we"))
    return engine.redline(back.bytes(), author="noai", date=NEXT_ROUND, options=options)


def accepted(red: engine.Redline) -> list[str]:
    return [p.text for p in engine.read(red.docx, accepted=True).paragraphs]


def test_their_new_clause_struck_is_not_more_asked_of_words_the_last_round_saw():
    red = round_two("us-work-for-hire", "strict", "own-clause")
    theirs = OWN.format(client="Company", work=facts("us-work-for-hire").work_product)
    struck = [e for e in red.plan.edits if e.op == "replace" and e.replacement == "" and "train" in (e.find or "")]
    assert struck and theirs.startswith((struck[0].find or "").strip()[:40]), red.plan.edits  # answered: struck
    assert not any(theirs[:40] in t for t in accepted(red))
    warned = escalations(red.plan)
    assert not any("Company may use" in n or "what the last round did not" in n for n in warned), warned
    assert any("puts back" in n for n in warned), warned  # what it does ask again is still said
    assert not any("what our last round did not" in c for c in new_comments(red)), new_comments(red)


def test_their_sentence_typed_into_their_clause_struck_is_not_more_asked():
    red = typed_reply()
    struck = [e for e in red.plan.edits if e.op == "replace" and e.replacement == "" and "train" in (e.find or "")]
    assert struck and (struck[0].find or "").strip() == TYPED.strip(), red.plan.edits
    assert not any(TYPED.strip() in t for t in accepted(red))
    assert any("perfect the assignment in Section 5.1." in t for t in accepted(red))  # their paragraph stands
    assert not escalations(red.plan), red.plan.notes
    assert not any("what our last round did not" in c for c in new_comments(red)), new_comments(red)
