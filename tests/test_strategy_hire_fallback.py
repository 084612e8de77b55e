"""Strict on work made for hire with a fallback assignment (issue 15): strict turns "are works made for
hire" into "are not works made for hire", so ownership passes only by the assignment beside it, made to
wait for payment. That assignment's condition, "To the extent any Deliverable is not a work made for
hire", then always holds and reads as if some work were still made for hire: a lawyer changes it in the
same tracked redline ("For each Deliverable, …", or strikes it), and the transfer's comment says so.
Standard and minimal keep the work-made-for-hire wording, so the condition stays.

A synthetic US consulting agreement written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted, rejected

from noai import engine
from noai.analysis.facts import hire_fallback
from noai.ooxml.document import read_document

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
HIRE = "The Deliverables are works made for hire for the Company as defined in the U.S. Copyright Act. "
PARTIES = 'This agreement is made between Tallgrass Analytics LLC (the "Company") and Morgan Lee (the "Consultant").'
ANY = (
    "To the extent any Deliverable is not a work made for hire, the Consultant hereby assigns to the Company all "
    "right, title and interest in and to that Deliverable."
)
DEFINITE = (
    "To the extent that the Deliverables do not qualify as works made for hire under applicable law, the Consultant "
    "hereby assigns to the Company all right, title and interest in the Deliverables."
)
AFTER = (
    "The Consultant hereby assigns to the Company all right, title and interest in the Deliverables, to the extent "
    "they are not works made for hire."
)


def agreement(fallback: str, hire: str = HIRE) -> bytes:
    texts = (
        "CONSULTING AGREEMENT",
        PARTIES,
        "1. Services",
        '1.1 The Consultant shall write the training manuals described in Exhibit A (the "Deliverables").',
        "1.2 The Company shall pay the Consultant the fees set out in Exhibit A within 30 days of each invoice.",
        "4. Ownership",
        f"4.1 {hire}{fallback}",
        "5. General",
        "5.1 This agreement is governed by the laws of the State of Illinois.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def redline(docx: bytes, variant: str = "strict") -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))


def ownership(texts: list[str]) -> str:
    return next(t for t in texts if t.startswith("4.1 "))


@pytest.mark.parametrize(
    ("fallback", "after"),
    [
        (ANY, "For each Deliverable, the Consultant shall, upon payment in full"),
        (DEFINITE, "The Consultant shall, upon payment in full"),
        (AFTER, "The Consultant shall, upon payment in full"),
    ],
    ids=["any-deliverable", "the-deliverables", "after-the-transfer"],
)
def test_strict_changes_the_not_made_for_hire_condition_of_the_assignment_it_makes_the_only_transfer(fallback, after):
    docx = agreement(fallback)
    red = redline(docx)
    edits = [e for e in red.plan.edits if e.op == "replace"]
    assert {e.finding for e in edits} == {"work_made_for_hire", "ip_assignment"}
    changed = [
        e
        for e in edits
        if e.find and "work" in e.find and "made for hire" in e.find and e.finding != "work_made_for_hire"
    ]
    assert len(changed) == 1 and changed[0].comment is None  # said in the transfer's comment
    transfer = next(e for e in edits if e.finding == "ip_assignment" and e.comment)
    assert "We also change “" in transfer.comment and "that condition always holds" in transfer.comment
    text = ownership(accepted(red.docx))
    assert "are not works made for hire" in text
    assert text.count("made for hire") == 1, text
    assert after in text
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]


@pytest.mark.parametrize("variant", ["standard", "minimal"])
def test_standard_and_minimal_keep_the_fallback_condition_with_the_work_made_for_hire_wording(variant):
    docx = agreement(ANY)
    red = redline(docx, variant)
    assert not [e for e in red.plan.edits if e.op == "replace" and e.find and e.find.startswith("To the extent")]
    text = ownership(accepted(red.docx))
    assert "are works made for hire" in text and "To the extent any Deliverable is not a work made for hire" in text


def test_an_assignment_without_a_work_made_for_hire_designation_keeps_its_own_condition():
    # no "are works made for hire" to take out: the condition still says something, so strict leaves it
    plain = agreement(ANY, hire="")
    red = redline(plain)
    assert [e.find for e in red.plan.edits if e.finding == "ip_assignment" and e.op == "replace"] == ["hereby assigns"]
    assert "To the extent any Deliverable is not a work made for hire" in ownership(accepted(red.docx))


@pytest.mark.parametrize(
    ("sentence", "words", "replacement"),
    [
        (ANY, "To the extent any Deliverable is not a work made for hire", "For each Deliverable, "),
        (
            "If any of the Articles is found not to be a work made for hire, the Writer hereby assigns it to the "
            "Publisher.",
            "If any of the Articles is found not to be a work made for hire",
            "For each of the Articles, ",
        ),
        (
            DEFINITE,
            "To the extent that the Deliverables do not qualify as works made for hire under applicable law",
            "T",
        ),
        (AFTER, "to the extent they are not works made for hire", ""),
        (
            "The Consultant hereby assigns to the Company all rights in any Deliverable that is not deemed a work "
            "made for hire.",
            "that is not deemed a work made for hire",
            "",
        ),
    ],
)
def test_the_fallback_condition_is_read_in_the_sentence_of_the_transfer(sentence, words, replacement):
    at = sentence.index("hereby assigns")
    found = hire_fallback(sentence, at, at + len("hereby assigns"))
    assert found is not None and found.words == words and found.replacement == replacement


@pytest.mark.parametrize(
    "sentence",
    [
        "The Consultant hereby assigns to the Company all rights in the Deliverables.",
        # the condition belongs to another obligation of the sentence
        "The Consultant hereby assigns to the Company all rights in the Deliverables, and the Company shall pay "
        "the fee if the Services are not works made for hire.",
        # another sentence's condition
        "To the extent any Deliverable is not a work made for hire, the parties shall agree. The Consultant hereby "
        "assigns to the Company all rights in the Deliverables.",
    ],
)
def test_a_transfer_without_its_own_fallback_condition_has_none(sentence):
    at = sentence.index("hereby assigns")
    assert hire_fallback(sentence, at, at + len("hereby assigns")) is None
