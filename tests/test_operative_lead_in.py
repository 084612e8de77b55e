"""The agreement's operative words governs no list (review13, class 1).

"NOW IT IS HEREBY AGREED as follows:", "The parties agree as follows:" or "NOW, THEREFORE, … the parties agree as
follows:" opens the clauses of the agreement; they are not items of its list. Read as a lead-in, the list ran to the
signature line, and the clauses a redline adds went after it, unnumbered, outside the rights clause and outside
its survival clause. They go at the end of the rights clause, typed as the clauses around it, before the next
clause. A numbered sub-clause "3.2 The parties agree as follows:" still governs its items "(a)", "(b)".

Shapes: ie-narration and the consultancy of tests/test_review_session13.py; here a US services agreement of typed
numbers whose recitals end "NOW, THEREFORE, … the parties agree as follows:", and the same agreement whose grant
is an item of a numbered "The parties agree as follows:".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p

from noai import engine

VARIANTS = ("strict", "standard", "minimal")
DATE = datetime(2027, 3, 1, tzinfo=UTC)
RECITALS = (
    "SERVICES AGREEMENT",
    'This Services Agreement is made between Larkspur Media Inc. ("Client") and Dana Whitfield ("Designer").',
    "WHEREAS Client wishes to engage Designer to design the packaging artwork for its podcast merchandise;",
)
GENERAL = (
    "5. Term",
    "5.1 Sections 4 and 6 survive any termination of this Agreement.",
    "6. General",
    "6.1 This Agreement is governed by the laws of the State of Oregon.",
    "IN WITNESS WHEREOF the parties have signed this Agreement.",
    "CLIENT: ____________      DESIGNER: ____________",
    "EXHIBIT A",
    "1. Deliverables: three packaging designs in layered source files.",
    "2. Fee: USD 4,500.",
)


def agreement(operative: str, ownership: tuple[str, ...]) -> bytes:
    lines = (
        *RECITALS,
        operative,
        "1. Services",
        '1.1 Designer shall design the packaging artwork described in Exhibit A (the "Designs").',
        "2. Fees",
        "2.1 Client shall pay Designer the fee in Exhibit A within 30 days after each invoice.",
        "3. Approvals",
        "3.1 Client shall approve or reject each Design within ten business days.",
        "4. Ownership",
        *ownership,
        *GENERAL,
    )
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


OWNERSHIP = (
    "4.1 Designer grants Client a non-exclusive, perpetual license to use the Designs for any purpose.",
    "4.2 Designer retains ownership of the Designs and of Designer's working files.",
)
NOW_THEREFORE = "NOW, THEREFORE, in consideration of the mutual promises below, the parties agree as follows:"


def accepted(data: bytes, variant: str) -> list[str]:
    red = engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant))
    return [q.text for q in engine.read(red.docx, accepted=True).paragraphs]


def first(paragraphs: list[str], pattern: str) -> int:
    return next(i for i, t in enumerate(paragraphs) if re.match(pattern, t))


@pytest.mark.parametrize(
    "operative",
    [NOW_THEREFORE, "The parties agree as follows:", "NOW IT IS HEREBY AGREED as follows:"],
    ids=["now-therefore", "parties-agree", "it-is-agreed"],
)
def test_the_insertion_point_after_an_operative_lead_in_is_the_end_of_the_rights_clause(operative):
    found = engine.audit(agreement(operative, OWNERSHIP)).to_dict()
    points = {p["protection"]: p for p in found["insertion_points"]}
    assert points["no_ai_restriction"]["text"] == OWNERSHIP[-1], points["no_ai_restriction"]
    assert "lead-in" not in points["no_ai_restriction"]["reason"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_us_agreements_new_clauses_are_typed_sub_clauses_of_its_ownership_section(variant):
    paragraphs = accepted(agreement(NOW_THEREFORE, OWNERSHIP), variant)
    covenant = first(paragraphs, r"(?:4\.\d+\s+)?Client shall not\b.*Prohibited AI Use")
    assert first(paragraphs, r"4\.2 ") < first(paragraphs, r"4\.3 ") <= covenant < paragraphs.index("5. Term")
    signed = paragraphs.index("IN WITNESS WHEREOF the parties have signed this Agreement.")
    assert not any("Prohibited AI Use" in t for t in paragraphs[signed:]), paragraphs[signed:]


LISTED = (
    "4.1 The parties agree as follows:",
    "(a) Designer retains ownership of the Designs and of Designer's working files; and",
    "(b) Designer grants Client a non-exclusive, perpetual license to use the Designs for any purpose.",
    "4.2 Client shall credit Designer on the packaging.",
)


def test_a_numbered_the_parties_agree_as_follows_still_governs_its_items():
    found = engine.audit(agreement(NOW_THEREFORE, LISTED)).to_dict()
    lead = next(q["index"] for q in found["paragraphs"] if q["text"] == LISTED[0])
    after_grant = next(p for p in found["insertion_points"] if p["protection"] == "scope_limitation")
    assert after_grant["text"] == LISTED[2] and f"the lead-in (paragraph {lead}) governs" in after_grant["reason"]
