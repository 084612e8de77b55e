"""The audit's explanation of a review finding (noai.analysis.learned.review_findings, by the packed keys of a
paragraph) names the same features, in the same order, as the named features' own explanation
(``Model.why`` of ``features``): on a long synthetic document with many review findings and on every corpus
contract."""

from __future__ import annotations

import dataclasses

import pytest
from support.corpus import contracts
from support.findings import blank_finding

from noai.analysis import learned
from noai.analysis.audit import audit_paragraphs
from noai.analysis.classify import Finding
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
    rule = blank_finding("license_grant", 2)
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


def test_words_the_model_knows_only_by_their_stem_score_alike_in_every_chunk_of_a_long_document():
    # made-up longer forms of known words ("licensingwise" has the stem "licens"): the audit's bound learns
    # a word's stem once a document and its exact score finds each word's stem key once; the findings must
    # be those the named features give, in the first chunk and in the later ones
    shipped = learned.load_model()
    model = dataclasses.replace(shipped, thresholds=(0.02,) * len(shipped.kinds))
    made_up = ["licensingwise", "perpetualness", "irrevocableish", "assignmentlike", "governingly"]
    packed = model._packed
    assert all(w not in packed.ids and w[: learned.STEM] in packed.stems for w in made_up)
    texts = [
        f"The Studio {made_up[i % 5]} grants the designs {made_up[(i + 2) % 5]} to Acme {made_up[(i + 1) % 5]}."
        if i % 3
        else f"Nothing here but {made_up[i % 5]} words and dates."
        for i in range(470)
    ]
    paragraphs = [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)]
    expected = []
    context = learned.Neighbours(paragraphs, set())
    for i, p in enumerate(paragraphs):
        named = model.probabilities(learned.features(p, i / (len(paragraphs) - 1), context.context(i)))
        expected += [(i, k) for k, pr, t in zip(model.kinds, named, model.thresholds, strict=True) if pr >= t]
    found = sorted((f.start, f.kind) for f in learned.review_findings(paragraphs, [], model))
    assert found == sorted(expected)
    assert len({i // 200 for i, _ in found}) == 3  # findings in every chunk of the bound


def test_a_paragraph_that_reaches_its_threshold_only_by_an_unknown_words_stem_is_found_in_any_chunk():
    toy = learned.Model(
        kinds=("license_grant",),
        bias=(-4.0,),
        thresholds=(0.5,),
        weights={"s:licens": (5.0,), "w:the": (-0.5,), "w:licensed": (1.0,)},
        meta={},
    )
    texts = ["the licensingwise terms" if i % 7 == 0 else "the other terms" for i in range(450)]
    paragraphs = [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)]
    found = [f.start for f in learned.review_findings(paragraphs, [], toy)]
    assert found == [i for i in range(450) if i % 7 == 0]
