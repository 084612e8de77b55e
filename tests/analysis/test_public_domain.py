"""A dedication of the work to the public domain is an IP clause (GOLD.md counts it with assignments):
the work leaves every owner, so anyone may train AI on it. A confidentiality exception for what "is or
becomes part of the public domain", material already in the public domain, or a promise not to release
the work into it, is none."""

from __future__ import annotations

import pytest

from noai.analysis.classify import classify
from noai.analysis.terms import DefinedTerms, Term
from noai.ooxml.model import Paragraph

TERMS = DefinedTerms(
    client=Term("Agency", "the Agency", defined_at=None),
    provider=Term("Contractor", "the Contractor", defined_at=None),
    creator="provider",
)


def assignments(text: str):
    p = Paragraph(index=0, text=text, original_text=text, section_path=("7 Data Rights",), heading="Data Rights")
    return [f for f in classify([p], TERMS) if f.kind == "ip_assignment"]


@pytest.mark.parametrize(
    "text",
    [
        "The Agency intends that all source code written under this order be committed to the public domain.",
        "All Deliverables shall be dedicated to the public domain upon delivery.",
        "The Agency will release the reports and datasets created by the Contractor into the public domain.",
    ],
)
def test_a_dedication_of_the_work_to_the_public_domain_is_a_high_risk_transfer_to_no_one(text):
    (f,) = assignments(text)
    assert f.severity == "high" and f.attributes["owner"] == "public" and "public domain" in f.phrase
    assert "public domain" in f.explanation and f.actor == "creator"


@pytest.mark.parametrize(
    "text",
    [
        "Confidential Information does not include information that is or becomes part of the public domain.",
        "The Contractor may use materials already in the public domain without attribution.",
        "The Contractor shall not release any Deliverable into the public domain without the Agency's consent.",
    ],
)
def test_the_public_domain_named_without_dedicating_the_work_is_no_transfer(text):
    assert assignments(text) == []
