"""The API side of issue 15: the kind of work as an option, and a plan refused with a problem that
asks which party the user is, rather than clauses with invented names."""

from __future__ import annotations

from support.docx_builder import make_docx, p

from .conftest import assert_problem

ANONYMOUS = make_docx(
    "".join(
        p(t)
        for t in (
            "TERMS",
            "1. Rights",
            "1.1 All right, title and interest in the Work is hereby assigned.",
            "1.2 These terms are governed by the laws of England.",
        )
    )
    + "<w:sectPr/>"
)


def test_a_plan_for_a_contract_whose_parties_cannot_be_mapped_is_a_422_problem_asking_which_party(post_docx):
    body = assert_problem(post_docx("/api/v1/plan", data=ANONYMOUS), 422, "party-unmapped")
    assert body["title"] == "Which party are you?"


def test_the_kind_of_work_can_be_chosen_and_picks_its_clause(post_docx):
    answer = post_docx("/api/v1/plan", work_kind="software").get_json()
    assert answer["audit"]["work_kind"] == {"kind": "software", "reason": "chosen by the user", "source": "user"}
    assert "ai-software-use" in {e["clause"] for e in answer["plan"]["edits"]}
    assert_problem(post_docx("/api/v1/plan", work_kind="poetry"), 400)
