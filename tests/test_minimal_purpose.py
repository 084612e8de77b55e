"""Minimal keeps a licence's wide purpose, so it says nothing of a Permitted Purpose beside it (issue 15,
class 1: contradictions with what stays). Where the minimal change keeps "for any lawful purpose" and
makes it subject to the AI restriction, a clause granting the licences "for the Permitted Purpose" would
contradict it, and so would comments asking for a narrower purpose. A licence without a wide purpose keeps
minimal's purpose limit; standard ties the grant itself to the Permitted Purpose. Contracts written for
these tests (a font licence).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted

from noai import engine

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
PARTIES = 'This Font Licence is made between Kestrel Type Foundry Ltd ("Foundry") and Ardent Books Ltd ("Licensee").'
TYPEFACE = '1. "Typeface" means the Halcyon font family in all its weights, as supplied by Foundry.'
FEE = "3. Licensee will pay Foundry a licence fee of GBP 4,000."


def contract(grant: str) -> bytes:
    return make_docx("".join(p(t) for t in ("FONT LICENCE", PARTIES, TYPEFACE, grant, FEE)) + "<w:sectPr/>")


WIDE = contract(
    "2. Foundry grants Licensee a non-exclusive, perpetual licence to install, use and create derivative works "
    "of the Typeface for any lawful purpose."
)
NARROW = contract(
    "2. Foundry grants Licensee a non-exclusive licence to install and use the Typeface on ten computers."
)


def redline(doc: bytes, variant: str) -> engine.Redline:
    return engine.redline(doc, author="noai", date=DATE, options=engine.Options(variant=variant), filename="font.docx")


def words(red: engine.Redline) -> str:
    out = []
    for e in red.plan.edits:
        out += [q["text"] for q in e.paragraphs] + [e.replacement or "", e.comment or ""]
    return "\n".join(out)


def test_minimal_keeping_a_wide_purpose_adds_no_permitted_purpose_anywhere() -> None:
    red = redline(WIDE, "minimal")
    assert "scope-limitation" not in [e.clause for e in red.plan.edits]
    assert "Permitted Purpose" not in words(red)
    assert "no-ai-training" in [e.clause for e in red.plan.edits]  # the covenant the change is subject to
    text = "\n".join(accepted(red.docx))
    assert "for any lawful purpose, subject to the restrictions on Prohibited AI Use" in text
    assert "Permitted Purpose" not in text


def test_minimal_keeping_a_wide_purpose_asks_in_no_comment_for_a_narrower_one() -> None:
    red = redline(WIDE, "minimal")
    said = [e.comment or "" for e in red.plan.edits if e.finding in ("derivative_works", "perpetual_irrevocable")]
    assert said
    assert not any("own business" in c or "project" in c or "as long as" in c for c in said)
    assert not any("describes no project" in n for n in red.plan.notes)


def test_minimal_no_longer_excludes_from_the_grant_what_its_covenant_leaves_free() -> None:
    red = redline(WIDE, "minimal")
    covenant = " ".join(q["text"] for e in red.plan.edits if e.clause == "no-ai-training" for q in e.paragraphs)
    assert "does not restrict Licensee's own internal use" in covenant
    assert not any("other than any Prohibited AI Use" in (e.replacement or "") for e in red.plan.edits)


def test_minimal_keeps_its_purpose_limit_on_a_licence_with_no_wide_purpose() -> None:
    red = redline(NARROW, "minimal")
    scope = [e for e in red.plan.edits if e.clause == "scope-limitation"]
    assert scope
    assert "granted for the Permitted Purpose" in " ".join(q["text"] for q in scope[0].paragraphs)
    assert "granted for the Permitted Purpose" in "\n".join(accepted(red.docx))


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_the_other_variants_tie_the_wide_grant_itself_to_the_permitted_purpose(variant: str) -> None:
    red = redline(WIDE, variant)
    text = "\n".join(accepted(red.docx))
    assert "solely for the Permitted Purpose" in text
    assert "for any lawful purpose" not in text
    assert '"Permitted Purpose" means' in text
