"""A clause of ours the other side deletes WITHOUT tracking is named as such (REVIEW20 class 7).

The other side accepts our redline and then simply deletes one of our clauses, tracking off: no tracked change shows
it. Our comment on the clause is left behind (a rejection of our tracked insertion takes the comment anchored in it
with it), which is how the negotiation tells the two apart (``Outcome.untracked``). Round two warns the user (a plan
note) and tells the other side in our thread ("… was deleted without being tracked; please mark every change"); a
tracked rejection of the same clause is never called untracked. Shapes: agency-msa-sow (standard), photo-licence
(minimal) and us-game-art (strict), other than review20's three.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.replies import Reply, _drop_paragraph, _q, _text, record_ids
from test_review_synthetic import facts, redline

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.threads import read_comments

NEXT_ROUND = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)
SHAPES = [("agency-msa-sow", "standard"), ("photo-licence", "minimal"), ("us-game-art", "strict")]
SAID = re.compile(r"deleted without being tracked; please mark every change")


def _ours(name: str, variant: str):
    """A clause of ours other than the covenant, inserted whole (the one the reply deletes)."""
    first = redline(name, variant)
    return next(
        e for e in first.plan.edits if e.op == "insert_after" and e.clause not in ("no-ai-training", "definitions")
    )


@functools.cache
def round_two(name: str, variant: str, tracked: bool) -> engine.Redline:
    first = redline(name, variant)
    ours = _ours(name, variant)
    back = Reply(first.docx)
    if tracked:  # their tracked answer: rejected in Word
        ids = [p.id for p in read_rounds(read_package(first.docx))[0].proposals if p.clause == ours.clause]
        back.reject(ids=record_ids(first.docx, *ids)).accept()
    else:  # accepted, then deleted with tracking off
        back.accept()
        words = ours.paragraphs[0]["text"][15:60]
        _drop_paragraph(next(p for p in back.doc.iter(_q("w:p")) if words in _text(p)))
    options = engine.Options(variant=variant, we=facts(name).extra.get("we"))
    return engine.redline(back.bytes(), author="noai", date=NEXT_ROUND, options=options)


def _new_comments(red: engine.Redline) -> list[str]:
    day = NEXT_ROUND.strftime("%Y-%m-%d")
    return [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai" and c.date.startswith(day)]


@pytest.mark.parametrize(("name", "variant"), SHAPES)
def test_a_clause_deleted_without_tracking_is_named_to_the_user_and_the_other_side(name, variant):
    red = round_two(name, variant, tracked=False)
    gone = [o for o in red.audit.negotiation.outcomes if o.untracked]
    assert [o.proposal.clause for o in gone] == [_ours(name, variant).clause]
    assert any("without tracking" in n for n in red.plan.notes), red.plan.notes
    assert any(SAID.search(c) for c in _new_comments(red)), _new_comments(red)
    assert not any(re.search(r"Superseded in part: Our ", c) for c in _new_comments(red))


@pytest.mark.parametrize(("name", "variant"), SHAPES)
def test_a_tracked_rejection_of_the_same_clause_is_not_called_untracked(name, variant):
    red = round_two(name, variant, tracked=True)
    assert not [o for o in red.audit.negotiation.outcomes if o.untracked]
    assert not any("without tracking" in n for n in red.plan.notes), red.plan.notes
    assert not any(SAID.search(c) for c in _new_comments(red)), _new_comments(red)
