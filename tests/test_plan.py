"""The plan: audit + library + playbook -> JSON edits anchored by paragraph index and text."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from noai import engine
from noai.errors import UnknownVariantError
from noai.ooxml.document import read_document

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def example(request):
    from pathlib import Path

    return (Path(__file__).parents[1] / "examples" / "agency-services-agreement.docx").read_bytes()


@pytest.fixture(scope="module")
def example_plan(example):
    return engine.plan(example)


def test_the_plan_is_json_and_every_edit_is_anchored_by_index_and_that_paragraphs_text(example, example_plan):
    _, plan = example_plan
    data = json.loads(json.dumps(plan.to_dict()))
    assert data["schema"] == "noai.plan/1" and data["edits"]
    paragraphs = read_document(example).paragraphs
    for edit in data["edits"]:
        assert edit["anchor"]["text"] == paragraphs[edit["anchor"]["index"]].text
        if edit["op"] != "insert_after":
            text = edit["anchor"]["text"]
            assert text[edit["start"] : edit["end"]] == edit["find"]
            positions = [i for i in range(len(text)) if text.startswith(edit["find"], i)]
            assert positions[edit["occurrence"]] == edit["start"]


def test_the_missing_core_protections_are_inserted_with_the_documents_own_terms(example_plan):
    _, plan = example_plan
    inserted = {e.clause for e in plan.edits if e.op == "insert_after"}
    # the example assigns the Deliverables: covenant + pre-existing materials kept and later transferees
    # bound; no reservation of rights in what the Studio no longer owns and no purpose limit (the only
    # licence is of the Studio's Pre-Existing Materials inside the Deliverables the Client owns: it is
    # limited to their use as part of the Deliverables, not to a Permitted Purpose)
    assert {"no-ai-training", "retained-materials"} <= inserted
    assert "reservation-of-rights" not in inserted and "scope-limitation" not in inserted
    text = "\n".join(p["text"] for e in plan.edits for p in e.paragraphs)
    assert "the Studio" in text and "the Client" in text and "{" not in text
    assert text.count("“Prohibited AI Use” means") == 1 and "Permitted Purpose" not in text
    assert "Nothing in this Agreement transfers to the Client any Pre-Existing Materials" in text  # its own term


def test_a_term_is_defined_before_any_inserted_clause_uses_it(example_plan):
    _, plan = example_plan
    seen_definition = False
    for edit in sorted((e for e in plan.edits if e.op == "insert_after"), key=lambda e: e.index):
        for p in edit.paragraphs:
            seen_definition |= p["text"].startswith("“Prohibited AI Use” means")
            if "Prohibited AI Use" in p["text"] and not p["text"].startswith("“Prohibited AI Use”"):
                assert seen_definition, p["text"]


def test_red_flags_are_replaced_once_and_redundant_replacements_are_dropped(example_plan):
    _, plan = example_plan
    replaced = {(e.index, e.find): e.replacement for e in plan.edits if e.op == "replace"}
    assert any(
        find == "for any and all purposes" and r == "solely as part of the Deliverables"
        for (_, find), r in replaced.items()
    )
    assert not any("Permitted Purpose" in r for r in replaced.values())  # the licence next to the assignment
    ranges = [(e.index, e.start, e.end) for e in plan.edits if e.op != "insert_after"]
    for i, (p, s, e) in enumerate(ranges):
        assert not any(p == p2 and s < e2 and s2 < e for p2, s2, e2 in ranges[i + 1 :]), "overlapping edits"


def test_one_explanatory_comment_per_kind_of_red_flag(example_plan):
    _, plan = example_plan
    kinds = [e.finding for e in plan.edits if e.op == "comment"]
    assert kinds and len(kinds) == len(set(kinds))


def test_without_comments_no_edit_carries_one_and_comment_only_edits_disappear(example):
    _, plan = engine.plan(example, engine.Options(comments=False))
    assert plan.edits and all(e.comment is None for e in plan.edits)
    assert not any(e.op == "comment" for e in plan.edits)


def test_strict_requires_more_protections_than_standard(example):
    _, standard = engine.plan(example, engine.Options(variant="standard"))
    _, strict = engine.plan(example, engine.Options(variant="strict"))
    clauses = lambda plan: {e.clause for e in plan.edits if e.op == "insert_after"}  # noqa: E731
    assert clauses(standard) < clauses(strict)
    assert "ai-indemnity" in clauses(strict) and "ai-indemnity" in standard.offered


def test_an_unknown_variant_is_a_typed_error(example):
    with pytest.raises(UnknownVariantError):
        engine.plan(example, engine.Options(variant="aggressive"))


@pytest.mark.parametrize("variant", ["standard", "strict", "minimal"])
def test_planning_our_own_redline_proposes_nothing(example, variant):
    options = engine.Options(variant=variant)
    first = engine.redline(example, author="noai", date=DATE, options=options)
    _, again = engine.plan(first.docx, options)
    assert [e.to_dict() for e in again.edits] == []


def test_an_inserted_clause_goes_where_its_files_placement_says(example):
    import dataclasses

    from noai.analysis.audit import audit_document
    from noai.kinds import Placement
    from noai.plan import make_plan

    library, playbook = engine.library_for()
    result = audit_document(read_document(example))
    for placement in (Placement.AFTER_GOVERNING_LAW, Placement.AFTER_GRANT):
        moved = dataclasses.replace(library.get("no-ai-training"), placement=placement)
        clauses = tuple(moved if c.id == moved.id else c for c in library.clauses)
        plan = make_plan(result, dataclasses.replace(library, clauses=clauses), playbook)
        edit = next(e for e in plan.edits if e.clause == "no-ai-training")
        assert edit.index == result.places[placement].index


def test_a_clause_meant_as_a_separate_document_is_not_inserted_and_a_note_says_so(example):
    import dataclasses

    from noai.analysis.audit import audit_document
    from noai.kinds import Placement
    from noai.plan import make_plan

    library, playbook = engine.library_for()
    moved = dataclasses.replace(library.get("no-ai-training"), placement=Placement.SEPARATE_DOCUMENT)
    clauses = tuple(moved if c.id == moved.id else c for c in library.clauses)
    plan = make_plan(audit_document(read_document(example)), dataclasses.replace(library, clauses=clauses), playbook)
    assert "no-ai-training" not in {e.clause for e in plan.edits}
    assert any("no-ai-training" in note and "separate document" in note for note in plan.notes)
