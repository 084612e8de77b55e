"""The grade is bounded by the worst finding that stands, and explained in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_audit import LIMITED, NO_AI, RESERVED, WORK_FOR_HIRE, audit

from noai.analysis.audit import GRADE_BOUND, audit_document
from noai.ooxml.document import read_document

CORPUS = sorted((Path(__file__).parent.parent / "data" / "corpus").glob("*.docx"))


def test_a_work_made_for_hire_with_an_ai_ban_is_no_better_than_c_while_the_assignment_stands():
    result = audit(("Intellectual Property", WORK_FOR_HIRE), ("Use of AI", NO_AI), ("Rights", RESERVED))
    assert any(f.severity == "high" for f in result.findings)
    assert result.score.grade == "C" and result.score.risk == 40
    assert result.score.reasons[-1][1] == "a high-risk finding stands, so the grade is C at best"
    assert result.score.risk == sum(points for points, _ in result.score.reasons)


def test_without_a_high_finding_the_grade_is_not_lifted():
    result = audit(("Intellectual Property", LIMITED), ("Use of AI", NO_AI), ("Rights", RESERVED))
    assert not any(f.severity == "high" for f in result.findings)
    assert not any("at best" in why for _, why in result.score.reasons)


def test_the_one_line_summary_names_the_grade_its_main_cause_and_what_bounds_it():
    result = audit(("Intellectual Property", WORK_FOR_HIRE), ("Use of AI", NO_AI))
    summary = result.score.summary
    assert summary.startswith(f"Grade {result.score.grade}: mainly because ")
    assert "made for hire" in summary and "cannot be better than C" in summary
    assert "\n" not in summary
    assert result.to_dict()["score"]["summary"] == summary
    assert "100 (worst)" in result.to_dict()["score"]["legend"]


def test_an_a_grade_is_explained_by_its_biggest_protection_not_by_a_risk_it_outweighs():
    waiver = "The Designer waives all moral rights in the Deliverables."
    result = audit(
        ("Intellectual Property", LIMITED), ("Moral Rights", waiver), ("Use of AI", NO_AI), ("Rights", RESERVED)
    )
    assert result.score.grade == "A"
    assert any(points > 0 and "moral" in why for points, why in result.score.reasons)
    assert result.score.summary.startswith("Grade A: mainly because an explicit AI restriction protects the work")


def test_a_poor_grade_is_still_explained_by_its_biggest_risk():
    result = audit(("Intellectual Property", WORK_FOR_HIRE), ("Use of AI", NO_AI))
    assert result.score.grade != "A" and any(points < 0 for points, _ in result.score.reasons)
    assert "made for hire" in result.score.summary.split(";")[0]


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_no_corpus_contract_shows_a_or_b_while_a_high_finding_stands(path):
    result = audit_document(read_document(path.read_bytes()), filename=path.name)
    worst = next((sev for sev in GRADE_BOUND if any(f.severity == sev for f in result.findings)), None)
    if worst == "high":
        assert result.score.grade not in ("A", "B"), result.score.summary
    if worst is not None:
        assert result.score.grade >= GRADE_BOUND[worst][0]  # "A" < "B" < "C" ...
