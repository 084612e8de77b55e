"""The prevailing part's keeping is found by its patterns after two quick tests (``facts.prevailing_retention``:
the paragraph holds the creator's name, the sentence a keeping verb, each in any case): the quick tests never
drop a keeping the patterns find, in capitals, in mixed case, or beside non-ASCII text (which skips them)."""

from __future__ import annotations

import io

import pytest

from noai import engine


def _docx(texts: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    for text in texts:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _photography_contract(kept: str) -> bytes:
    return _docx(
        [
            "PHOTOGRAPHY SERVICES AGREEMENT",
            'This Agreement is made between Harbour Foods Ltd ("Customer") and Ines Okafor ("Photographer").',
            '1. Services. Photographer shall take the photographs (the "Images") listed in the Shoot Brief.',
            "2. Precedence. If this Agreement and the Shoot Brief conflict, the Shoot Brief shall prevail.",
            "3. Rights. Photographer hereby assigns to Customer all right, title and interest in the Images.",
            "4. Law. This Agreement is governed by the laws of England and Wales.",
            "SCHEDULE 1 - SHOOT BRIEF",
            "Shoot: forty product photographs in the Leeds studio, two days.",
            kept,
        ]
    )


@pytest.mark.parametrize(
    "kept",
    (
        "Rights: Photographer retains copyright in the Images.",
        "RIGHTS: PHOTOGRAPHER RETAINS COPYRIGHT IN THE IMAGES.",
        "Rights: the Images remain the sole property of PHOTOGRAPHER.",
        "Rights (café shots included): Photographer Retains copyright in the Images.",
    ),
)
def test_a_keeping_in_the_prevailing_part_is_found_whatever_its_case(kept):
    notes = engine.audit(_photography_contract(kept)).notes
    assert any("Shoot Brief prevails" in n and "does not reach" in n for n in notes), notes


def test_a_prevailing_part_that_never_names_the_creator_keeps_nothing():
    notes = engine.audit(_photography_contract("Rights: copyright in the Images remains with the studio.")).notes
    assert not any("Shoot Brief prevails" in n for n in notes), notes
