"""The client's right to sublicense is one the creator gives: it is fixed too (issue 15, NOTE "seen", b).

The music commission ("The Producer may assign or sub-license the licence in clause 3.2 to any distributor of the
Film") and a US footage licence written for these tests ("Licensee may sublicense its rights under Section 2 to its
distributors"): a sublicence to an AI vendor, or one without the AI restriction, is still the creator's risk, so
the permission gets a tracked sentence keeping AI vendors out (minimal: the AI restriction only), with a comment
saying so. The creator's own right to subcontract is still never rewritten.
"""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p
from test_review_synthetic import DATE, redline

from noai import engine

VARIANTS = ("strict", "standard", "minimal")


def footage(creator_right: str = "") -> bytes:
    texts = (
        "FOOTAGE LICENSE AGREEMENT",
        'This Agreement is made between Marigold Pictures LLC ("Licensee") and Northwind Aerial Media, Inc. '
        '("Licensor").',
        '1. Licensor shall film aerial footage of the Oregon coast and deliver it to Licensee (the "Footage").',
        "2. Licensor grants Licensee a non-exclusive license to reproduce and display the Footage in the documentary "
        '"Tidelines".',
        "3. Licensee may sublicense its rights under Section 2 to its distributors.",
        *([creator_right] if creator_right else []),
        "4. This Agreement is governed by the laws of the State of Oregon.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def sublicence_edits(plan) -> list:
    return [e for e in plan.edits if e.op == "replace" and "sub" in (e.replacement or "").lower()]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", ("music-commission", "footage"))
def test_a_permission_for_the_client_to_sublicense_keeps_ai_vendors_out(name, variant):
    red = (
        redline(name, variant)
        if name != "footage"
        else engine.redline(footage(), author="noai", date=DATE, options=engine.Options(variant=variant))
    )
    edits = sublicence_edits(red.plan)
    assert edits, "the client's sublicence gets a tracked change"
    for e in edits:
        assert "must prohibit any Prohibited AI Use" in e.replacement  # a sentence after the permission (fixh)
        assert ("AI Vendor" in e.replacement) == (variant != "minimal")
        assert e.comment and "Prohibited AI Use" in e.comment
    accepted = "\n".join(q.text for q in engine.read(red.docx).paragraphs)  # the written .docx, accepted
    assert "must prohibit any Prohibited AI Use" in accepted


def test_the_creators_own_right_to_subcontract_is_still_left_alone():
    red = engine.redline(
        footage("3A. Licensor may subcontract the filming to any person."),
        author="noai",
        date=DATE,
        options=engine.Options(variant="strict"),
    )
    assert not [e for e in red.plan.edits if e.op == "replace" and "subcontract" in (e.replacement or "")]
