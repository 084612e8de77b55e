"""A training permission is struck by whose permission it is against whoever we are, not by party key (fix20c (c)).

With ``--we Customer`` on a SaaS contract the creator is the customer ("Customer Content" is the work) and the
audit reads "Customer Content may be used to develop, train or enhance machine learning models" as the Provider's
permission (high). The plan struck a training permission's sentence only where the permitted party was literally
the "client" key, so here it struck nothing. Now it strikes where the permitted party is the other side, in every
variant; read for the Provider, the same sentence lets the Provider use its customer's content and is ours to keep
(not struck). Two shapes: a SaaS agreement and a research data agreement, each with a passive permission."""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p, r
from support.replies import Reply

from noai import engine

DATE = datetime(2027, 1, 5, tzinfo=UTC)
SAAS_PERMISSION = "Customer Content may be used to develop, train or enhance machine learning models."
SAAS = (
    'This Cloud Services Agreement is between Northwind Systems Inc. ("Provider") and Bellweather Studio LLC '
    '("Customer").',
    '"Customer Content" means the images, files and data Customer uploads to the Service.',
    "Provider shall provide the Service to Customer. Customer shall pay the Fees.",
    "Provider may copy, modify and use Customer Content to provide and improve the Service.",
    SAAS_PERMISSION,
    "This Agreement is governed by the laws of the State of Delaware.",
)
DATA_PERMISSION = "The Institution Data may also be used to train or fine-tune artificial intelligence models."
DATA = (
    'This Data Services Agreement is made between Halden University (the "Institution") and Quarry Analytics Ltd '
    '(the "Contractor").',
    '"Institution Data" means the survey records and recordings the Institution supplies to the Contractor.',
    'The Contractor shall clean and label the Institution Data and deliver a written report (the "Report").',
    DATA_PERMISSION,
    "This agreement is governed by the law of England and Wales.",
)
SHAPES = {
    "saas": (SAAS, SAAS_PERMISSION, "Customer", "Provider"),
    "data": (DATA, DATA_PERMISSION, "Institution", "Contractor"),
}


@functools.cache
def _redline(shape: str, variant: str, we: str) -> engine.Redline:
    texts = SHAPES[shape][0]
    data = make_docx("".join(p(r(t)) for t in texts))
    return engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


def _texts(red: engine.Redline, accepted: bool) -> list[str]:
    data = red.docx if accepted else Reply(red.docx).reject().bytes()
    return [q.text for q in engine.read(data, accepted=accepted).paragraphs]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
def test_the_other_sides_training_permission_over_our_material_is_struck(shape, variant):
    permission, we = SHAPES[shape][1:3]
    red = _redline(shape, variant, we)
    found = [f for f in red.audit.findings if f.kind == "existing_ai_restriction" and permission in f.paragraph_text]
    assert found and all(f.severity == "high" and f.beneficiary == "client" for f in found)
    struck = [e for e in red.plan.edits if e.op == "replace" and not e.replacement and e.find and "train" in e.find]
    assert struck and permission.rstrip(".") in struck[0].find
    assert permission not in _texts(red, accepted=True)
    assert permission in _texts(red, accepted=False)


@pytest.mark.parametrize("shape", SHAPES)
def test_read_for_the_other_party_the_same_permission_is_ours_and_stays(shape):
    permission, they = SHAPES[shape][1], SHAPES[shape][3]
    red = _redline(shape, "strict", they)
    assert not [e for e in red.plan.edits if e.find and permission.rstrip(".") in e.find]
    assert permission in _texts(red, accepted=True)
