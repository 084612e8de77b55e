"""The writer renumbers with the plan's renumbering when it is for the same insertions into the same
paragraphs (the typed numbers are then read once per redline, not twice), and renumbers afresh for
any other: the document written is the same either way."""

from __future__ import annotations

import pytest
from test_inserted_paragraphs import CASES, NEW, NEW_2, insert_after, typed

from noai import writer as writer_module
from noai.ooxml.document import read_document
from noai.ooxml.renumber import renumber, renumbered
from noai.ooxml.revisions import RevisionStamp
from noai.plan import Edit, Plan
from noai.writer import apply_plan

TEXTS = ["7.1 Licence.", "7.2 Fees:", "(a) monthly;", "(b) yearly.", "7.3 Term.", "See Section 7.3 and 7.2(b)."]


def test_an_answer_is_reused_for_the_same_inputs_only():
    shown = [None] * len(TEXTS)
    memo = renumbered(TEXTS, {2: 1}, shown)
    assert memo.found == renumber(TEXTS, {2: 1}, shown)
    assert memo.reuse(list(TEXTS), {2: 1}, list(shown)) is memo.found
    for texts, inserted in [(TEXTS, {1: 1}), (TEXTS, {2: 2}), ([*TEXTS[:5], "Under Section 7.2(b)."], {2: 1})]:
        again = memo.reuse(texts, inserted, shown)
        assert again is not memo.found
        assert again == renumber(texts, inserted, shown)
        assert again != memo.found


@pytest.fixture
def stamp(revision_date) -> RevisionStamp:
    return RevisionStamp("Noai Reviewer", revision_date)


def _plan(name: str) -> tuple[bytes, Plan, dict[int, int]]:
    texts, where, _ = CASES[name]
    edits = [insert_after(at, texts[at], *[NEW, NEW_2][:count], id=f"e{n}") for n, (at, count) in enumerate(where)]
    return typed(texts), Plan("standard", {}, tuple(Edit.from_dict(e) for e in edits)), dict(where)


@pytest.mark.parametrize("name", ["nested, middle and items", "letters, after the letter i", "flat, twice"])
def test_a_plan_with_its_renumbering_a_stale_one_or_none_writes_the_same_document(name, stamp, monkeypatch):
    docx, plan, inserted = _plan(name)
    doc = read_document(docx)
    texts, shown = [p.text for p in doc.paragraphs], [p.label for p in doc.paragraphs]
    plain = apply_plan(doc, plan, stamp=stamp)
    stale = Plan(plan.variant, plan.terms, plan.edits, renumbered=renumbered(texts, {0: 3}, shown))
    assert apply_plan(doc, stale, stamp=stamp).docx == plain.docx
    own = Plan(plan.variant, plan.terms, plan.edits, renumbered=renumbered(texts, inserted, shown))

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("renumbered again although the plan's renumbering is for these insertions")

    monkeypatch.setattr(writer_module, "renumber", refuse)
    reused = apply_plan(doc, own, stamp=stamp)
    assert reused.docx == plain.docx
    assert reused.renumbered == plain.renumbered
    assert apply_plan(doc, own, stamp=stamp).docx == plain.docx  # the plan's numbers are not used up
