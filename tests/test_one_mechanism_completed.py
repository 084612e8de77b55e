"""Strict passes ownership one way also where the assignment beside a statement of ownership is incomplete alone
(issue 15 item 5 (iv); tests/test_strategy_declared_ownership.py has the British design agreement).

Where strict makes the transfer wait for payment, a statement of who owns the work ("Company will own the Work
Product …") is struck and the assignment beside it waits for the payment itself. Two kinds of assignment used to
leave both waiting: one that refers back to the statement ("… all copyright therein", "… in them"), which would name
nothing once the statement goes, and one that moves only some rights ("the copyright in the Work Product") beside a
statement that moves them all. The first now names the work ("therein" -> "in the Work Product"), the second takes
the other rights ("the copyright and all other intellectual property rights"); either way the statement goes and the
comment says each change. Standard and minimal keep both as written; an assignment of "it" that is a fallback ("To
the extent any right does not vest …, hereby assigns it") is no such assignment and is not widened.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted, rejected

from noai import engine
from noai.analysis.facts import back_reference, widened_rights

DATE = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@functools.cache
def consulting(transfer: str) -> bytes:
    """A US consulting agreement of typed numbers: "Company", "Contractor", "Work Product"."""
    lines = [
        "CONSULTING AGREEMENT",
        'This Agreement is between Northgate Inc. ("Company") and Sam Lee ("Contractor").',
        '1. Contractor shall design the Company website and deliver the designs, code and copy (the "Work Product").',
        "2. Company shall pay Contractor USD 10,000 within 30 days of each invoice.",
        f"3. {transfer}",
        "4. This Agreement is governed by the laws of the State of New York.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


@functools.cache
def redline(transfer: str, variant: str = "strict") -> engine.Redline:
    return engine.redline(
        consulting(transfer), author="noai", date=DATE, options=engine.Options(variant=variant, we="Contractor")
    )


def clause(red: engine.Redline) -> str:
    return next(t for t in accepted(red.docx) if t.startswith("3. "))


def said(red: engine.Redline) -> str:
    return " ".join(e.comment or "" for e in red.plan.edits if e.finding == "ip_assignment")


WAITS = "Contractor shall, upon payment in full of all sums due under this Agreement, assign to Company"

CASES = {
    "refers-back-therein": (
        "Company will own the Work Product from creation, and Contractor hereby assigns to Company all right, title "
        "and interest therein.",
        f"3. {WAITS} all right, title and interest in the Work Product.",
        "We also change “therein” to “in the Work Product”",
    ),
    "refers-back-in-it": (
        "Company will own the Work Product upon creation. Contractor hereby assigns to Company all intellectual "
        "property rights in it.",
        f"3. {WAITS} all intellectual property rights in the Work Product.",
        "We also change “it” to “the Work Product”",
    ),
    "some-rights-after": (
        "Contractor hereby assigns to Company the copyright in the Work Product. Company will own all intellectual "
        "property rights in the Work Product upon creation.",
        f"3. {WAITS} the copyright and all other intellectual property rights in the Work Product.",
        "We also change “the copyright” to “the copyright and all other intellectual property rights”",
    ),
    "some-rights-and-back": (
        "Company will own the Work Product from creation, and Contractor hereby assigns to Company all copyright "
        "therein.",
        f"3. {WAITS} all copyright and all other right, title and interest in the Work Product.",
        "We also change “all copyright” to “all copyright and all other right, title and interest”",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_strict_passes_ownership_one_way_by_the_assignment_completed(case):
    transfer, one_way, change = CASES[case]
    red = redline(transfer)
    assert clause(red) == one_way
    assert "will own" not in clause(red) and clause(red).count("payment") == 1
    assert change in said(red), said(red)
    assert "the assignment, on that payment, is then the one way ownership passes" in said(red)
    assert rejected(red.docx) == [q.text for q in engine.read(consulting(transfer)).paragraphs]


@pytest.mark.parametrize("variant", ["standard", "minimal"])
@pytest.mark.parametrize("case", list(CASES))
def test_standard_and_minimal_keep_both_as_written(case, variant):
    transfer = CASES[case][0]
    assert clause(redline(transfer, variant)) == f"3. {transfer}"


FALLBACK = (
    "All rights in the Work Product vest in Company. To the extent any right does not vest in Company, Contractor "
    "hereby assigns it to Company."
)


def test_a_fallback_assignment_of_it_is_not_taken_for_the_one_mechanism():
    written = clause(redline(FALLBACK))
    assert "all other" not in written and " it to Company." in written, written  # nothing added, "it" kept


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Y hereby assigns to X all copyright in the Deliverables.", "all copyright"),
        ("Y hereby assigns to X its worldwide copyright in the Designs.", "its worldwide copyright"),
        ("Y hereby assigns to X the copyright and design rights in them.", "the copyright and design rights"),
        ("Y hereby assigns to the Client all copyright therein.", "all copyright"),
        ("Y hereby assigns it to X.", None),
    ],
)
def test_the_facts_read_the_rights_an_assignment_names(sentence, words):
    at = sentence.index("assigns") + len("assigns")
    wider = widened_rights(sentence, at, "X will own all intellectual property rights in them")
    assert (wider.words if wider else None) == words
    if wider is not None:
        assert wider.replacement == f"{words} and all other intellectual property rights"


@pytest.mark.parametrize(
    ("sentence", "words", "replacement"),
    [
        ("Y hereby assigns to X all rights in them.", "them", "the Designs"),
        ("Y hereby assigns to X all rights in and to it.", "it", "the Designs"),
        ("Y hereby assigns to X all copyright therein.", "therein", "in the Designs"),
        ("Y hereby assigns to them all rights in the Designs.", None, None),
    ],
)
def test_the_facts_read_a_back_reference_in_an_assignment(sentence, words, replacement):
    at = sentence.index("assigns") + len("assigns")
    back = back_reference(sentence, at, "the Designs")
    assert ((back.words, back.replacement) if back else (None, None)) == (words, replacement)


@pytest.mark.libreoffice
def test_libreoffice_accepts_the_completed_assignment_and_rejects_to_the_input(libreoffice):
    transfers = [CASES[c][0] for c in CASES]
    results = libreoffice([redline(t).docx for t in transfers] + [consulting(t) for t in transfers])
    for case, result, original in zip(CASES, results[: len(CASES)], results[len(CASES) :], strict=True):
        assert result["rejected_paragraphs"] == original["paragraphs"]
        assert CASES[case][1] in result["accepted_paragraphs"]
        assert result["redlines_left_after_accept"] == 0 and result["redlines_left_after_reject"] == 0
