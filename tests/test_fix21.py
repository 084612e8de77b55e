"""fix21 (a): a work named by an unquoted parenthesis ("25 photographs (the Photographs)", "twelve images of the
studio (hereinafter the Images)") is the work: a licence with a high training permission over it gets the full plan
(strike, covenant over the named work, reservation), as it does with the name quoted.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.synthetic_contracts import _document, _para, _save
from test_writer import rejected

from noai import engine
from noai.analysis.terms import extract_terms

DATE = datetime(2027, 1, 15, 10, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def _contract(lines: list[str]) -> bytes:
    doc = _document()
    for line in lines:
        _para(doc, line)
    return _save(doc)


def stock(name: str) -> bytes:
    """A US stock-photo licence: typed numbers, defined parties, the work named in a parenthesis."""
    return _contract(
        [
            "STOCK PHOTO LICENCE",
            'This licence is between Lumen Stock Ltd ("Licensor") and Parcel Co ("Licensee").',
            f"1. Licensor licenses to Licensee 25 photographs {name} for use on Licensee's website.",
            "2. Licensee may use the Photographs to train artificial intelligence models.",
            "3. Licensee shall pay Licensor USD 500.",
            "4. This licence is governed by the laws of New York.",
        ]
    )


def studio(name: str) -> bytes:
    """An Irish image licence between a photographer and a company, both named in bare parentheses."""
    return _contract(
        [
            "IMAGE LICENCE",
            "Between Mara Ode, photographer (the Photographer), and Kiln Ltd (the Company).",
            "1. The Photographer grants the Company a licence of 12 images of the Kiln studio listed in Schedule 1 "
            f"{name}.",
            "2. The Company may use the Images as training data for its machine learning models.",
            "3. The Company shall pay the Photographer EUR 800.",
            "4. This licence is governed by Irish law.",
        ]
    )


SHAPES = {
    "stock": (stock, "(the Photographs)", '(the "Photographs")', "Photographs", "2. "),
    "studio": (studio, "(hereinafter the Images)", '(hereinafter the "Images")', "Images", "2. "),
}


@functools.cache
def run(shape: str, quoted: bool, variant: str) -> engine.Redline:
    build, bare, quotes, _, _ = SHAPES[shape]
    return engine.redline(
        build(quotes if quoted else bare), author="noai", date=DATE, options=engine.Options(variant=variant)
    )


def accepted(docx: bytes) -> list[str]:
    return [p.text for p in engine.read(docx, accepted=True).paragraphs]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_work_named_in_a_bare_parenthesis_gets_the_plan_a_quoted_name_gets(shape, variant):
    build, bare, _, work, permission = SHAPES[shape]
    red, quoted = run(shape, False, variant), run(shape, True, variant)
    clauses = [e.clause for e in red.plan.edits]
    assert "no-ai-training" in clauses and "reservation-of-rights" in clauses
    assert clauses == [e.clause for e in quoted.plan.edits]
    text = accepted(red.docx)
    # the training permission is gone; our covenant speaks of the named work
    assert not any(t.startswith(permission) and "train" in t for t in text)
    assert any(re.search(rf"Protected Materials[\"”] means the {work}\b", t) for t in text)
    assert any("are reserved to" in t and "train" in t for t in text)  # the reservation
    assert rejected(red.docx) == [p.text for p in engine.read(build(bare)).paragraphs]


@pytest.mark.parametrize(
    ("sentence", "defined"),
    [
        ("The Supplier shall supply 40 photographs of the hotels (the Photographs).", "Photographs"),
        ("The Producer shall make a 52-minute documentary (hereinafter the Program).", "Program"),
        ("The Author shall deliver the three stories listed in Schedule 2 (the Stories).", "Stories"),
        ("The Producer shall comply with the Copyright Act 1968 (Cth).", None),  # no "the": a jurisdiction
        ("Acme Studio Ltd (the Studio) shall supply the drawings.", None),  # a name, not a thing
        ("The Client may use the Photographs (the main ones) on its site.", None),  # lower case: no name
    ],
)
def test_only_a_thing_named_in_a_bare_parenthesis_is_a_defined_term(sentence, defined):
    doc = engine.read(_contract(["AGREEMENT", sentence, "The Client shall pay the Supplier USD 100."]))
    names = {t.name for t in extract_terms(doc.paragraphs).all.values() if t.defined_at == 1}
    assert names == ({defined} if defined else set())
