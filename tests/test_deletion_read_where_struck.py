"""Round two reads a deletion of ours where we struck it, not anywhere in the paragraph (fix20c (a)).

After an accept-all, words we struck that also stand elsewhere in the paragraph (the "s" of "gives" beside
"assigns"; " on its creation" twice in one vesting clause) were read as REJECTED and round two wrote "Superseded in
part: you did not accept our deletion of “s”". The record now keeps where each change began; the words are looked
for there (the paragraph as sent aligned with it as it stands). A letter struck from a word is named by the word.
Two shapes: an Irish narration agreement (a letter struck, strict's payment condition) and an Australian software
agreement (a phrase struck that the clause holds twice)."""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.replies import Reply, record_ids
from test_review_synthetic import facts, redline

from noai import engine
from noai.analysis.negotiation import ACCEPTED, REJECTED
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.threads import read_comments

NEXT = datetime(2027, 1, 10, tzinfo=UTC)
CASES = (("ie-narration", "s"), ("au-software-escrow", " on its creation"))


def _struck(name: str, find: str) -> list[str]:
    first = redline(name, "strict")
    props = read_rounds(read_package(first.docx))[0].proposals
    return [p.id for p in props if p.op == "replace" and p.texts == (find, "")]


@functools.cache
def _round_two(name: str, reply: str, find: str) -> engine.Redline:
    first = redline(name, "strict")
    back = Reply(first.docx)
    if reply == "reject-one":
        back.reject(ids=record_ids(first.docx, *_struck(name, find)))
    data = back.accept().bytes()
    return engine.redline(
        data, author="noai", date=NEXT, options=engine.Options(variant="strict", we=facts(name).extra.get("we"))
    )


def _new_comments(red: engine.Redline) -> list[str]:
    return [c.text for c in read_comments(read_package(red.docx)) if c.date.startswith("2027-01-10")]


@pytest.mark.parametrize(("name", "find"), CASES)
def test_the_record_keeps_where_each_change_of_words_began(name, find):
    props = read_rounds(read_package(redline(name, "strict").docx))[0].proposals
    mine = [p for p in props if p.op == "replace" and p.texts == (find, "")]
    assert mine and all(p.anchor_at is not None for p in mine)
    assert all(p.anchor_text[p.anchor_at : p.anchor_at + len(find)] == find for p in mine)


@pytest.mark.parametrize(("name", "find"), CASES)
def test_after_accept_all_a_deletion_whose_words_stand_elsewhere_in_the_paragraph_is_accepted(name, find):
    red = _round_two(name, "accept", find)
    ids = set(_struck(name, find))
    assert red.audit.negotiation is not None
    states = [o.state for o in red.audit.negotiation.outcomes if o.proposal.id in ids]
    assert states and set(states) == {ACCEPTED}
    assert not [c for c in _new_comments(red) if "did not accept" in c]


@pytest.mark.parametrize(("name", "find"), CASES)
def test_the_same_deletion_rejected_is_read_as_rejected_and_named_by_its_word(name, find):
    red = _round_two(name, "reject-one", find)
    ids = set(_struck(name, find))
    assert red.audit.negotiation is not None
    assert {o.state for o in red.audit.negotiation.outcomes if o.proposal.id in ids} == {REJECTED}
    said = [c for c in _new_comments(red) if "did not accept" in c]
    assert said
    assert "“s”" not in " ".join(said)  # a letter is never quoted alone
    if find == "s":
        assert "our change of “gives” to “give”" in said[0]
    else:
        assert "our deletion of “on its creation”" in said[0]
