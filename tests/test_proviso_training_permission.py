"""A permission to train AI on the work that carries a proviso is still a permission (REVIEW20 class 3).

"Company may use the Contributions to train and improve its internal artificial intelligence tools, provided that
such tools are not made available to the public": the proviso's "not" limits the condition, not the grant. The audit
reads the sentence's polarity on its main clause (patterns.PROVISO ends it before the proviso), and the plan strikes
the permission (strict, standard) or answers it (minimal) like the same permission without the proviso. A proviso
that only conditions a grant on the creator's consent keeps the permission waiting for it (not struck), and a proviso
that holds the AI words itself ("may use the Work …, provided that it shall not use the Work to train …") is still
a restriction. Two shapes: a UK commissioning agreement (assignment, typed numbers) and a US artwork licence.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted, rejected

from noai import engine

DATE = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def docx(paragraphs: list[str]) -> bytes:
    return make_docx("".join(p(t) for t in paragraphs) + "<w:sectPr/>")


def screenplay(clause: str) -> bytes:
    return docx(
        [
            "COMMISSIONING AGREEMENT",
            'This Agreement is made between NORTHWIND PICTURES LIMITED ("the Producer") and JANE DOE ("the Author").',
            '1. The Author shall write a screenplay (the "Screenplay") for the Producer.',
            "2. The Author hereby assigns to the Producer all copyright in the Screenplay for the full term of "
            "copyright.",
            f"3. {clause}",
            "4. The Producer shall pay the Author GBP 20,000.",
            "5. This Agreement is governed by the laws of England.",
        ]
    )


def artwork(clause: str) -> bytes:
    return docx(
        [
            "ARTWORK LICENSE AGREEMENT",
            'This Agreement is made between ATLAS GAMES INC. ("Licensee") and ORCHARD STUDIO LLC ("Artist").',
            "1. Artist grants to Licensee a non-exclusive license to use the illustrations delivered under this "
            'Agreement (the "Artwork") in the game.',
            f"2. {clause}",
            "3. Licensee shall pay Artist USD 5,000.",
            "4. This Agreement is governed by the laws of New York.",
        ]
    )


SHAPES = {"screenplay": (screenplay, "The Producer", "the Screenplay"), "artwork": (artwork, "Licensee", "the Artwork")}
PERMISSIONS = (  # a family of provisos after a training permission, their "not" no restriction of it
    "{who} may use {work} to train and improve its internal artificial intelligence tools, provided that such tools "
    "are not made available to the public.",
    "{who} may use {work} to train its machine learning models, provided, however, that no such model is sold to "
    "any third party.",
    "{who} may use {work} to fine-tune generative AI models so long as those models are not offered to the public.",
)


@functools.cache
def run(shape: str, k: int, variant: str) -> engine.Redline:
    build, who, work = SHAPES[shape]
    data = build(PERMISSIONS[k].format(who=who, work=work))
    return engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant))


def the_clause(shape: str, k: int) -> str:
    _build, who, work = SHAPES[shape]
    return PERMISSIONS[k].format(who=who, work=work)


@pytest.mark.parametrize("k", range(len(PERMISSIONS)))
@pytest.mark.parametrize("shape", SHAPES)
def test_a_training_permission_with_a_proviso_is_read_as_a_permission(shape, k):
    red = run(shape, k, "standard")
    ai = [f for f in red.audit.findings if f.kind == "existing_ai_restriction" and "may use" in f.paragraph_text]
    assert ai and all(f.attributes.get("polarity") == "permission" for f in ai), [f.attributes for f in ai]
    assert all(f.attributes.get("permitted_party") == "client" for f in ai), [f.attributes for f in ai]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("k", range(len(PERMISSIONS)))
@pytest.mark.parametrize("shape", SHAPES)
def test_a_training_permission_with_a_proviso_is_answered_in_round_one(shape, k, variant):
    red = run(shape, k, variant)
    clause = the_clause(shape, k)
    words = clause.split(",")[0].split(" so long")[0]
    answers = [e for e in red.plan.edits if words in (e.anchor_text or "")]
    assert answers, [(e.op, e.clause, e.anchor_text) for e in red.plan.edits]
    assert any(words in t for t in rejected(red.docx))  # the other side's text as it was
    standing = [t for t in accepted(red.docx) if words in t]
    if variant == "minimal":
        assert not standing or any(e.comment for e in answers)
    else:
        assert not standing, standing


@pytest.mark.parametrize("shape", SHAPES)
def test_a_proviso_waiting_for_the_creators_consent_leaves_the_permission_to_the_covenant(shape):
    build, who, work = SHAPES[shape]
    clause = f"{who} may use {work} to train its machine learning models, provided that it first obtains written "
    clause += "consent."
    red = engine.redline(build(clause), author="noai", date=DATE, options=engine.Options(variant="strict"))
    assert any(clause in t for t in accepted(red.docx)), accepted(red.docx)


@pytest.mark.parametrize("shape", SHAPES)
def test_an_ai_restriction_inside_a_proviso_stays_a_restriction(shape):
    build, who, work = SHAPES[shape]
    clause = (
        f"{who} may use {work} for any purpose, provided that it shall not use {work} to train any artificial "
        "intelligence system."
    )
    red = engine.redline(build(clause), author="noai", date=DATE, options=engine.Options(variant="standard"))
    ai = [f for f in red.audit.findings if f.kind == "existing_ai_restriction" and "may use" in f.paragraph_text]
    assert ai and all(f.attributes.get("polarity") == "restriction" for f in ai), [f.attributes for f in ai]
    assert any("shall not use" in t for t in accepted(red.docx))
