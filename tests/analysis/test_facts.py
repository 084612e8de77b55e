"""The facts of a document's wording the redline plan decides on (noai.analysis.facts): read in the
analysis, so the plan holds decisions only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support.docx_builder import make_docx, p

from noai.analysis.audit import audit_document
from noai.analysis.facts import has_fees, read_facts
from noai.ooxml.document import read_document

NOAI = Path(__file__).resolve().parents[2] / "server" / "noai"
PLAN_MODULES = [  # the plan, its parts, the next round
    NOAI / "plan.py",
    *sorted((NOAI / "planning").glob("*.py")),
    *sorted((NOAI / "rounds").glob("*.py")),
]


def facts_of(*texts: str):
    return read_facts(audit_document(read_document(make_docx("".join(p(t) for t in texts) + "<w:sectPr/>"))))


PARTIES = 'This agreement is made between Tern Analytics Ltd (the "Developer") and Moss Bank plc (the "Customer").'


@pytest.mark.parametrize(
    ("text", "paid"),
    [
        ("The Customer shall pay the fees set out in the Schedule.", True),
        ("The Customer shall pay the Developer £2,000 for each release.", True),
        ("The Customer shall pay the Developer 900 euros per module delivered.", True),
        ("The Customer shall pay the Developer USD 900 per module delivered.", True),
        ("The Client shall pay CHF 1,200 for each report.", True),
        ("The Developer is paid a salary of £40,000 a year as an employee.", False),
        ("The Developer shall deliver the Software by 1 May.", False),
    ],
)
def test_a_paragraph_asks_for_fees_or_a_sum_for_the_work_but_not_a_wage(text, paid):
    assert has_fees(text) is paid


def test_the_facts_say_the_client_pays_and_name_the_creators_background_materials_as_the_document_does():
    facts = facts_of(
        "SOFTWARE DEVELOPMENT AGREEMENT",
        PARTIES,
        '1. "Developer Tools" means the libraries and templates the Developer owned before the date of this agreement.',
        '2. The Developer shall build the reporting module (the "Software").',
        "3. The Customer shall pay the Developer £2,000 for each release.",
        "4. The Software shall be the property of the Customer. The Developer Tools remain owned by the Developer.",
    )
    assert facts.paid
    assert facts.background.term == "the Developer Tools"
    assert facts.background.kept == 5  # the paragraph keeping them with the Developer
    assert not facts.confidential_work


def test_the_facts_say_no_sum_is_paid_where_the_document_asks_for_none():
    facts = facts_of(
        "SOFTWARE DEVELOPMENT AGREEMENT",
        PARTIES,
        '1. The Developer shall build the reporting module (the "Software").',
        "2. The Software shall be the property of the Customer.",
    )
    assert not facts.paid and facts.background.term is None and facts.background.kept is None


@pytest.mark.parametrize("module", PLAN_MODULES, ids=lambda path: str(path.relative_to(NOAI)))
def test_the_plan_module_compiles_no_pattern_over_the_documents_words(module):
    # the plan reads the document only through noai.analysis (facts, findings, places): its regular
    # expressions are its own (our terms, our comments, the library's definitions it restyles)
    tree = ast.parse(module.read_text(encoding="utf-8"))
    compiled = [
        node.targets[0].id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and node.value.func.attr == "compile"
        and isinstance(node.targets[0], ast.Name)
    ]
    assert compiled == [], compiled


@pytest.mark.parametrize(
    ("law", "british_law", "clause_word"),
    [
        ("Vermont law will govern this agreement.", False, "Section"),
        ("This agreement is governed by and construed under Irish law.", True, None),
        ("The laws of New South Wales govern this agreement.", True, None),
        ("This agreement is subject to the laws of the state of Idaho.", False, "Section"),
        ("The Developer shall comply with the laws of Texas and of England.", False, None),
    ],
)
def test_the_wording_facts_take_the_law_the_audit_reads_as_chosen(law, british_law, clause_word):
    facts = facts_of(PARTIES, "1. The Developer shall deliver the Software to the Customer.", law)
    assert (facts.british_law, facts.clause_word) == (british_law, clause_word)
