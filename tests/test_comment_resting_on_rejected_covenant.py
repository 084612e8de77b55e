"""A comment of ours that rests on our covenant is superseded once they reject the covenant and we do not propose it
again (REVIEW20 class 6, the comment part).

"This wording (“will own”) passes ownership … We leave this wording unchanged and rely on the AI restriction in this
Agreement" stands only while the restriction does: minimal accepts the covenant's rejection, so round two replies in
that comment's thread ("Superseded: this comment relied on our restriction on AI use, which you did not accept …")
and resolves it. Where the covenant comes back (strict puts it back, standard falls back), the comment stands.
Shapes: us-work-for-hire (review20's) and uk-precedent, vested-disclaimer (assignments of other shapes).
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.replies import Reply, record_ids
from test_review_synthetic import facts, redline

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.threads import read_comments

NEXT_ROUND = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)
RELY = "rely on the AI restriction"


@functools.cache
def covenant_rejected(name: str, variant: str) -> engine.Redline:
    sent = redline(name, variant).docx
    ids = [p.id for p in read_rounds(read_package(sent))[0].proposals if p.clause == "no-ai-training"]
    back = Reply(sent).reject(ids=record_ids(sent, *ids)).accept()
    options = engine.Options(variant=variant, we=facts(name).extra.get("we"))
    return engine.redline(back.bytes(), author="noai", date=NEXT_ROUND, options=options)


def _open(red: engine.Redline) -> list[str]:
    return [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai" and not c.done]


def _relying_sent(name: str, variant: str) -> bool:
    return any(RELY in (e.comment or "") for e in redline(name, variant).plan.edits)


@pytest.mark.parametrize("name", ["us-work-for-hire", "uk-precedent", "vested-disclaimer"])
def test_minimal_supersedes_our_comment_resting_on_the_covenant_they_rejected(name):
    assert _relying_sent(name, "minimal")  # round one rested a comment on the covenant
    red = covenant_rejected(name, "minimal")
    assert not [c for c in _open(red) if RELY in c], _open(red)
    day = NEXT_ROUND.strftime("%Y-%m-%d")
    said = [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai" and c.date.startswith(day)]
    assert any("relied on our restriction on AI use" in c for c in said), said


@pytest.mark.parametrize("variant", ["standard"])
@pytest.mark.parametrize("name", ["us-work-for-hire", "uk-precedent"])
def test_where_the_covenant_comes_back_our_comment_resting_on_it_stands(name, variant):
    if not _relying_sent(name, variant):
        pytest.skip("no comment rests on the covenant in this variant")
    red = covenant_rejected(name, variant)
    assert [c for c in _open(red) if RELY in c], _open(red)
