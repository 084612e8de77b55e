"""A licence tied to a defined event or project already has a purpose: no second limit (issue 15, NOTE "seen").

A gallery's licence of photographs "for the Exhibition" (English law, an individual photographer) and a US
festival's licence of recordings "for the Festival" (a company creator), both written for these tests: no
Permitted Purpose is added to them, in any variant, in the plan or the written .docx. The same licences "for any
purpose" still get one (both directions).
"""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p
from test_review_synthetic import DATE, words_written

from noai import engine
from noai.analysis.facts import named_purpose

VARIANTS = ("strict", "standard", "minimal")


def exhibition(purpose: str = "for the Exhibition") -> bytes:
    texts = (
        "LOAN AND LICENCE AGREEMENT",
        'This agreement is made between Harbour Gallery Trust (the "Gallery") and Ottoline Reyes, an individual '
        '(the "Photographer").',
        "1. Definitions",
        '1.1 "Exhibition" means the exhibition "Salt and Light" to be held at the Gallery from 1 May to 30 August '
        "2027.",
        '1.2 "Photographs" means the twenty photographs listed in the Schedule.',
        "2. Licence",
        "2.1 The Photographer grants the Gallery a non-exclusive, perpetual licence to reproduce the Photographs in "
        f"the catalogue, on posters and on its website {purpose}.",
        "2.2 The Gallery shall pay the Photographer a fee of GBP 2,000.",
        "3. Law",
        "3.1 This agreement is governed by the law of England and Wales.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def festival(purpose: str = "for the Spring Festival") -> bytes:
    texts = (
        "RECORDING LICENSE",
        'This License is made between Tallgrass Music Festival, Inc. (the "Festival Company") and Quarry Lane '
        'Sound LLC (the "Artist").',
        "Section 1. The Artist shall record ten songs at its studio and deliver the recordings (the "
        '"Recordings") by March 1, 2028.',
        "Section 2. The Artist grants the Festival Company an exclusive license to stream, broadcast and "
        f"distribute the Recordings {purpose}, in exchange for a fee of $12,000.",
        "Section 3. This License is governed by the laws of the State of Texas.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def red(docx: bytes, variant: str) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))


@pytest.mark.parametrize("text", ("for the Exhibition", "for the Spring Festival", "for the Film", "for the Tour"))
def test_a_defined_event_or_project_named_after_for_the_is_a_purpose(text):
    assert named_purpose(f"a licence to reproduce the Photographs {text}.") == text


@pytest.mark.parametrize("text", ("for the Photographer", "for the Term", "for any purpose"))
def test_a_party_a_term_or_any_purpose_is_no_purpose(text):
    assert named_purpose(f"a licence to reproduce the Photographs {text}.") is None


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("docx", (exhibition, festival), ids=("exhibition", "festival"))
def test_a_licence_for_a_defined_event_gets_no_second_purpose_limit(docx, variant):
    r = red(docx(), variant)
    assert "Permitted Purpose" not in words_written(r)
    accepted = "\n".join(q.text for q in engine.read(r.docx).paragraphs)  # the written .docx, changes accepted
    assert "Prohibited AI Use" in accepted and "Permitted Purpose" not in accepted


@pytest.mark.parametrize("docx", (exhibition, festival), ids=("exhibition", "festival"))
def test_the_same_licence_for_any_purpose_is_still_limited_to_a_permitted_purpose(docx):
    assert "Permitted Purpose" in words_written(red(docx("for any purpose"), "strict"))
