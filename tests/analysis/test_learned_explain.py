"""The audit's explanation of a review finding (noai.analysis.learned.review_findings, by the packed keys of a
paragraph) names the same features, in the same order, as the named features' own explanation
(``Model.why`` of ``features``): on a long synthetic document with many review findings and on every corpus
contract."""

from __future__ import annotations

import dataclasses

import pytest
from support.corpus import contracts

from noai.analysis import learned
from noai.analysis.audit import audit_paragraphs
from noai.analysis.classify import HIGH, Finding
from noai.ooxml.document import read_document
from noai.ooxml.model import Paragraph

TEXTS = (
    "Every design the Studio makes under this engagement vests in the Publisher and becomes its property.",
    "The Studio shall deliver the designs by the dates in the schedule.",
    "The Licensor hereby grants to the Reseller:",
    "(a) a perpetual, irrevocable licence to use, copy and modify the Software;",
    "This Agreement is governed by the laws of England and Wales.",
    "licence " * 40 + "and nothing else.",
    "All rights not expressly granted are reserved. The Customer owns the Deliverables.",
    "The Supplier shall not use the Client's data to train any machine learning model.",
    "Each party shall keep the other's Confidential Information secret and use it only for this Agreement.",
)


def _said(finding: Finding) -> str:
    return finding.explanation.split("Words that weighed most: ", 1)[1].removesuffix(".")


def _expected(model: learned.Model, paragraphs: list[Paragraph], rules: list[Finding], f: Finding) -> str:
    covers = {(i, r.kind) for r in rules for i in range(r.start, r.end + 1)}
    context = learned.Neighbours(paragraphs, covers).context(f.start)
    position = f.start / max(1, len(paragraphs) - 1)
    named = model.why(f.kind, learned.features(paragraphs[f.start], position, context))
    return ", ".join(named) or "the paragraph as a whole"


def test_each_review_finding_of_a_long_document_is_explained_as_its_named_features_explain_it():
    shipped = learned.load_model()
    model = dataclasses.replace(shipped, thresholds=(0.05,) * len(shipped.kinds))  # many findings, several kinds
    paragraphs = [
        Paragraph(
            index=i,
            text=TEXTS[i % len(TEXTS)],
            original_text=TEXTS[i % len(TEXTS)],
            section_path=(f"{i // 30} Rights and Ownership", f"{i // 30}.{i % 5} Licence") if i % 3 else (),
            heading="Licence" if i % 3 else None,
            run_in_title="Ownership" if i % 4 == 0 else None,
            label=f"{i}." if i % 2 else None,
        )
        for i in range(240)
    ]
    rule = Finding(
        kind="license_grant",
        severity=HIGH,
        start=2,
        end=2,
        paragraph_text="",
        section_label=None,
        section_path=(),
        heading=None,
        phrase="x",
        phrase_start=0,
        phrase_end=1,
        explanation="",
    )
    found = learned.review_findings(paragraphs, [rule], model)
    assert len(found) > 60 and len({f.kind for f in found}) >= 3
    for f in found:
        assert _said(f) == _expected(model, paragraphs, [rule], f), (f.start, f.kind)


@pytest.mark.parametrize("path", contracts())
def test_each_review_finding_of_a_corpus_contract_is_explained_as_its_named_features_explain_it(path):
    paragraphs = list(read_document(path.read_bytes()).paragraphs)
    result = audit_paragraphs(paragraphs)
    rules = [f for f in result.findings if f.tier != "review"]
    model = learned.current_model()
    assert model is not None
    for f in (f for f in result.findings if f.tier == "review"):
        assert _said(f) == _expected(model, paragraphs, rules, f), (f.start, f.kind)
