"""A new clause goes after the IP clause's last titled sub-clause at its own level, never into it (issue
15, placement): where the IP clause is divided into titled sub-clauses ("2.1 Ownership of the Software",
"2.2 Security Testing", each over numbered paragraphs "2.2.1", "2.2.2"), the covenant is "2.3 No AI
Training" over "2.3.1 …", not "2.2.3", a paragraph of a sub-clause on another subject. An IP clause of
plain numbered paragraphs keeps one more of them. Contracts written for these tests.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, multilevel_numbering, p
from test_rendered_insertions import each_label
from test_writer import accepted, rejected

from noai import engine

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
LEVELS = (("decimal", "%1."), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3"))
NUMBERING = multilevel_numbering(LEVELS)
ASSIGNS = "The Developer hereby assigns to the Customer all right, title and interest in the Software."
LAST = "The Customer shall report any vulnerability it finds to the Developer within five days."


def n(text: str, level: int) -> str:
    return p(text, numbering=(1, level))


def agreement(titled: bool) -> bytes:
    if titled:
        ip = [
            n("Ownership of the Software", 1),
            n(ASSIGNS, 2),
            n("The Developer shall sign any document the Customer reasonably requests to perfect that assignment.", 2),
            n("Security Testing", 1),
            n("The Developer shall scan the Software for viruses before each delivery.", 2),
            n(LAST, 2),
        ]
    else:
        ip = [n(ASSIGNS, 1), n(LAST, 1)]
    body = [
        p("SOFTWARE DEVELOPMENT AGREEMENT"),
        p('This agreement is made between Larch Code Ltd (the "Developer") and Tamsin Foods plc (the "Customer").'),
        n("Services", 0),
        n('The Developer shall develop a stock-control application for the Customer (the "Software").', 1),
        n("Intellectual Property", 0),
        *ip,
        n("General", 0),
        n("This agreement is governed by the laws of England.", 1),
        p("Signed for the Developer: ____________"),
    ]
    return make_docx("".join(body) + "<w:sectPr/>", numbering=NUMBERING)


def redline(titled: bool) -> engine.Redline:
    return engine.redline(agreement(titled), author="noai", date=DATE, options=engine.Options(variant="standard"))


def covenant(red: engine.Redline):
    return next(e for e in red.plan.edits if e.clause == "no-ai-training")


def test_a_clause_after_titled_sub_clauses_is_a_titled_sub_clause_of_its_own() -> None:
    red = redline(titled=True)
    paragraphs = red.audit.paragraphs
    edit = covenant(red)
    assert paragraphs[edit.index].text == LAST  # still at the end of the IP clause
    heading, *body = edit.paragraphs
    assert heading["text"] == "No AI Training"
    assert paragraphs[heading["like"]].text == "Security Testing"  # a sibling of the last titled sub-clause
    assert body and all(paragraphs[q["like"]].text.startswith("The Developer shall scan") for q in body)
    assert not any(q.get("title") for q in body)  # the title is the heading, not a run-in title too
    text = accepted(red.docx)
    assert text.index("No AI Training") == text.index(LAST) + 1
    assert rejected(red.docx) == accepted(agreement(titled=True))


def test_a_clause_after_plain_numbered_paragraphs_stays_one_more_of_them() -> None:
    red = redline(titled=False)
    heading = covenant(red).paragraphs[0]
    assert heading.get("title") == "No AI Training"  # a run-in title, no heading of its own
    assert "No AI Training" not in accepted(red.docx)


@pytest.mark.libreoffice
def test_libreoffice_numbers_the_new_sub_clause_after_the_last_titled_one(libreoffice) -> None:
    red = redline(titled=True)
    [result] = libreoffice([red.docx], pdf_text=True)
    assert result["ok"], result["load_error"]
    labels = {item["text"][:20]: label for _, item, label, _ in each_label(red, result["pdf_text"])}
    assert labels["No AI Training"] == "2.3"
    assert labels["AI Coding Assistants"] == "2.4"
    assert labels[covenant(red).paragraphs[1]["text"][:20]] == "2.3.1"


def test_a_lead_in_over_lettered_items_is_no_titled_sub_clause_to_copy() -> None:
    from test_rendered_insertions import lead_in_contract

    red = engine.redline(lead_in_contract(), author="noai", date=DATE, options=engine.Options(variant="standard"))
    first = covenant(red).paragraphs[0]
    assert first.get("title") == "No AI Training"  # one more sub-clause, at the lead-in's level
    assert not first["text"].startswith("No AI Training")
