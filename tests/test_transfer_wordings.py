"""Transfer clauses worded as lawyers draft them (issue 14: the audit missed transfers worded unlike the corpus):
"Title to the Deliverables shall pass to Client upon creation", "Ownership of the Work Product transfers to …",
"… is hereby conveyed to …", "shall be deemed the property of …", "shall procure the assignment to X of …",
"owned exclusively by …"; and the look-alikes that transfer nothing (goods, an account, a party keeping its own).

The wordings are our own (tests/analysis/transfer_wordings.py), split into a development half and a check half
before the classifier was changed; each is put as clause 3.1 of a small services agreement in two shapes (a US
design contract, Client/Contractor; a UK consultancy, Company/Consultant) and read by the whole audit and plan: a
transfer to the client is an ownership finding whose beneficiary is the client and the plan answers it at that
clause; the client's material passing to the creator is one whose beneficiary is the creator; a look-alike is
none. Check-half wordings still missed are strict xfails (classes found, not fixed)."""

from __future__ import annotations

import pytest
from analysis.transfer_wordings import CHECK, CHECK_2, DEVELOPMENT
from support.docx_builder import make_docx, p
from test_document_wording import redline_of
from test_writer import accepted, rejected

from noai import engine

TRANSFERS = ("ip_assignment", "work_made_for_hire")
SHAPES = {
    "us-design": (
        "Client",
        "Contractor",
        "DESIGN SERVICES AGREEMENT",
        'This agreement is made between Acme Holdings Inc. (the "Client") and Jo Rivera, an individual (the '
        '"Contractor").',
        "the brand illustrations described in Schedule 1",
        "$5,000",
        "the laws of the State of New York",
    ),
    "uk-consultancy": (
        "Company",
        "Consultant",
        "CONSULTANCY AGREEMENT",
        'This agreement is dated 1 March 2026 and made between Brightwater Ltd (the "Company") and Sam Okafor (the '
        '"Consultant").',
        "the market report and data models described in the Schedule",
        "£8,000",
        "the laws of England and Wales",
    ),
}
CLAUSE = 7  # the paragraph of "3.1 …"


def contract(sentence: str, shape: str) -> bytes:
    c, pr, title, parties, work, fee, law = SHAPES[shape]
    text = sentence.format(C=f"the {c}", P=f"the {pr}")
    lines = [
        title,
        parties,
        "1. Services",
        f'1.1 The {pr} shall prepare {work} (the "Deliverables").',
        "2. Fees",
        f"2.1 The {c} shall pay the {pr} {fee} within thirty days after delivery of the Deliverables.",
        "3. Intellectual Property",
        "3.1 " + text[0].upper() + text[1:],
        "4. General",
        f"4.1 This agreement is governed by {law}.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def direction(docx: bytes) -> str:
    found = [f for f in engine.audit(docx).findings if f.kind in TRANSFERS and f.start == CLAUSE]
    if not found:
        return "none"
    sides = {f.beneficiary for f in found}
    return "client" if "client" in sides else "creator" if "creator" in sides else "other"


# Wordings of the second held-out half still missed after the second round (measured once, at the end): classes
# found and not fixed
MISSED: frozenset[str] = frozenset(
    CHECK_2[i][0]
    for i in (
        5,  # "All rights in the Deliverables pass to X on payment …": rights as the subject of a bare "pass to"
        7,  # "will be X's exclusive property": the possessive with a qualifier before "property"
        8,  # "P conveys to X all copyright …": a bare "conveys" with no "hereby"
        13,  # "… becomes the property of X once created": "intellectual property" as the subject
    )
)


def _cases(rows: list[tuple[str, str]], half: str) -> list:
    return [
        pytest.param(
            sentence,
            expected,
            id=f"{half}-{i}",
            marks=pytest.mark.xfail(strict=True, reason="held-out wording not read yet") if sentence in MISSED else (),
        )
        for i, (sentence, expected) in enumerate(rows)
    ]


@pytest.mark.parametrize(
    "sentence, expected", _cases(CHECK_2, "check2") + _cases(CHECK, "check") + _cases(DEVELOPMENT, "dev")
)
def test_a_transfer_is_found_with_its_direction_and_answered_by_the_plan(sentence, expected):
    for shape in SHAPES:
        assert direction(contract(sentence, shape)) == expected, shape
    plan = redline_of(contract(sentence, "us-design"), "standard").plan
    answered = [e for e in plan.edits if e.index == CLAUSE and e.finding in TRANSFERS]
    assert bool(answered) == (expected == "client")


# -- the redline on a new wording: strict's payment condition and standard's kept materials land ------------------

NOMINAL = {  # (shape, the wording, what strict's sentence reads once accepted)
    "us-design": (
        "Title to the Deliverables shall pass to {C} upon creation.",
        "3.1 Title to the Deliverables shall, upon payment in full of all fees due under this agreement, pass to the "
        "Client.",
    ),
    "uk-consultancy": (
        "Legal and beneficial ownership of the Deliverables passes to {C} when they are created.",
        "3.1 Legal and beneficial ownership of the Deliverables will, upon payment in full of all fees due under this "
        "agreement, pass to the Company.",
    ),
}


@pytest.mark.parametrize("shape", NOMINAL)
def test_strict_makes_ownership_named_as_a_noun_wait_for_payment_and_standard_keeps_the_creators_materials(shape):
    wording, waits = NOMINAL[shape]
    original = contract(wording, shape)
    as_sent = "3.1 " + wording.format(C=f"the {SHAPES[shape][0]}")
    strict = redline_of(original, "strict")
    assert [e.find for e in strict.plan.edits if e.index == CLAUSE and e.op == "replace"] == [
        e.find for e in strict.plan.edits if e.index == CLAUSE and e.finding == "ip_assignment"
    ]
    clause = next(t for t in accepted(strict.docx) if t.startswith("3.1 "))
    assert clause == waits
    assert as_sent in rejected(strict.docx)
    said = "\n".join(e.comment or "" for e in strict.plan.edits if e.index == CLAUSE)
    assert "only on payment in full" in said and "We leave" not in said
    for variant in ("standard", "minimal"):
        red = redline_of(original, variant)
        assert as_sent in accepted(red.docx)  # the transfer kept as drafted
        if variant == "standard":  # the creator keeps its own materials, and later owners are bound
            kept = [t for t in accepted(red.docx) if "retains all rights in them" in t]
            assert kept and "assigns that right back" in kept[0], accepted(red.docx)


@pytest.mark.libreoffice
def test_libreoffice_accepts_and_rejects_the_payment_condition_on_a_nominal_transfer(libreoffice):
    wording, waits = NOMINAL["uk-consultancy"]
    red = redline_of(contract(wording, "uk-consultancy"), "strict")
    (seen,) = libreoffice([red.docx])
    assert waits in seen["accepted_text"] and not seen["redlines_left_after_accept"]
    assert "3.1 " + wording.format(C="the Company") in seen["rejected_text"]
