"""The learned paragraph classifier: features, review findings, the audit's use of them, the shipped model."""

from __future__ import annotations

import dataclasses
import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from support.findings import blank_finding

from noai.analysis import learned
from noai.analysis.audit import audit_paragraphs
from noai.analysis.classify import SEVERITY_ORDER
from noai.ooxml.model import Paragraph

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "cuad-sample.jsonl"

# A made-up hand-weighted model: "vests" and "property" make an ownership clause, "governed" a law clause.
TOY = learned.Model(
    kinds=("ip_assignment", "governing_law"),
    bias=(-4.0, -4.0),
    thresholds=(0.6, 0.6),
    weights={"w:vests": (3.0, 0.0), "b:the_property": (2.0, 0.0), "w:governed": (0.0, 5.0), "h:ownership": (1.0, 0.0)},
    meta={},
)

VESTING = "Every design the Studio makes under this engagement vests in the Publisher and becomes the property of it."
PLAIN = "The Studio shall deliver the designs by the dates in the schedule."


def para(index: int, text: str, **kw) -> Paragraph:
    return Paragraph(index=index, text=text, original_text=text, **kw)


def test_features_hold_words_word_pairs_heading_words_and_structure():
    p = para(3, '"Work Product" means all designs.', section_path=("7 Ownership",), heading="Ownership", label="7.1")
    feats = learned.features(p, 0.5)
    assert {"w:product", "b:work_product", "h:ownership", "t:ownership", "defines", "numbered", "pos:5"} <= set(feats)
    assert "in_table" not in feats


def test_longer_words_share_their_first_letters_as_a_stem_feature():
    feats = learned.features(para(0, "The Studio licenses it; the licensed designs and their licensing."), 0.0)
    assert "s:licens" in feats and feats.count("s:licens") == 1
    assert not any(f.startswith("s:") and len(f) < 8 for f in feats)  # short words have no stem


def test_a_list_item_gets_its_lead_in_s_last_words_and_the_kinds_of_the_rule_findings_around_it():
    paragraphs = [
        para(0, "Licence", section_path=("4 Licence",)),
        para(1, "Subject to payment, the Licensor hereby grants to the Reseller:", section_path=("4 Licence",)),
        para(2, "(a) the right to market the Product;", section_path=("4 Licence",)),
        para(3, ""),
        para(4, "(b) the right to support its customers.", section_path=("4 Licence",)),
        *(para(i, f"Schedule line {i}.") for i in range(5, 20)),
    ]
    neighbours = learned.Neighbours(paragraphs, {(1, "license_grant"), (0, "license_grant")})
    first, second = neighbours.context(2), neighbours.context(4)
    assert {"pk:license_grant", "lk:license_grant", "l:grants", "l:reseller", "sk:license_grant"} <= set(first)
    assert "pk:license_grant" not in second  # its previous non-empty paragraph is item (a), which no rule read
    assert {"lk:license_grant", "l:reseller"} <= set(second)
    assert "nk:license_grant" in neighbours.context(0) and neighbours.context(0).count("l:grants") == 0
    assert not any(f.startswith(("l:", "lk:")) for f in neighbours.context(1 + learned.LEAD_IN_REACH + 1))
    assert neighbours.context(19) == []  # no section, no rule finding near, no lead-in within reach


def test_a_paragraph_only_the_model_finds_becomes_a_review_finding_with_confidence_and_an_explanation():
    paragraphs = [para(0, PLAIN), para(1, VESTING)]
    found = learned.review_findings(paragraphs, [], TOY)
    assert [(f.kind, f.start) for f in found] == [("ip_assignment", 1)]
    f = found[0]
    assert f.tier == "review" and 0.6 <= f.confidence <= 1
    assert SEVERITY_ORDER.index(f.severity) > SEVERITY_ORDER.index("medium")
    assert "model flagged" in f.explanation and '"vests"' in f.explanation


def test_the_explanation_names_stems_lead_ins_and_the_rule_findings_around_in_words():
    model = learned.Model(
        ("license_grant",),
        (-3.0,),
        (0.5,),
        {"s:licens": (1.0,), "l:reseller": (1.5,), "lk:license_grant": (2.0,), "w:market": (0.5,)},
        {},
    )
    paragraphs = [para(0, "The Owner grants to the Reseller:"), para(1, "(a) to market the licensed goods;")]
    rule = blank_finding("license_grant", 0)
    (found,) = learned.review_findings(paragraphs, [rule], model)
    assert found.start == 1
    assert 'weighed most: a licence grant found by a rule in its lead-in, lead-in "reseller", ' in found.explanation
    assert '"licens…", "market".' in found.explanation


def test_a_paragraph_a_rule_already_found_gets_no_review_finding():
    paragraphs = [para(0, PLAIN), para(1, VESTING)]
    assert learned.review_findings(paragraphs, [blank_finding("work_made_for_hire", 0, 1)], TOY) == []
    assert learned.review_findings(paragraphs, [blank_finding("governing_law", 1)], TOY) == []
    assert [f.start for f in learned.review_findings(paragraphs, [blank_finding("governing_law", 0)], TOY)] == [1]


def test_a_paragraph_under_the_review_threshold_is_not_reported():
    weak = "The designs vest in nobody in particular."  # "vest" is not the word the toy model knows
    assert learned.review_findings([para(0, weak), para(1, PLAIN)], [], TOY) == []


def test_the_audit_s_fast_path_scores_exactly_as_the_named_features_do():
    model = learned.load_model()
    paragraphs = [
        para(0, VESTING, section_path=("9 Ownership",), heading="Ownership", label="9.1"),
        para(1, "Governing Law", is_heading=True, bold=True),
        para(2, 'This Agreement is governed by the laws of Ontario; "Courts" means its courts.', in_table=True),
        para(
            3,
            "The Licensor grants the Licensee a perpetual licence, and the licence is perpetual.",
            run_in_title="Licence",
        ),
    ]
    contexts = ([], ["pk:license_grant", "l:grants", "l:licensee"], ["lk:governing_law", "sk:confidentiality"], [])
    for position, p, context in zip((0.0, 0.3, 0.71, 1.0), paragraphs, contexts, strict=True):
        fast = model.paragraph_probabilities(p, position, context)
        named = model.probabilities(learned.features(p, position, context))
        assert fast == pytest.approx(named, abs=1e-12)
    assert max(model.paragraph_probabilities(paragraphs[2], 0.9)) > 0.5


def test_the_review_tier_holds_exactly_the_kinds_the_named_features_put_at_or_over_their_thresholds():
    # negative weights next to positive ones, a kind just at its threshold and one just under it: the
    # audit's packed sums must neither borrow between kinds nor round a threshold the wrong way
    model = learned.Model(
        kinds=("license_grant", "ip_assignment", "governing_law", "confidentiality"),
        bias=(-2.0, 1.5, -4.0, -1.0),
        thresholds=(0.5, 0.5, 0.6, 0.5),
        weights={
            "w:vests": (2.0, -9.5, 4.406, 0.999),
            "b:the_property": (-0.5, 3.25, -0.001, 0.001),
            "w:the": (0.5, -0.25, 0.0, 0.0),
            "h:ownership": (0.0, 0.0, -0.0, -3.0),
            "numbered": (-1.0, 1.0, 0.0, 0.0),
            "s:proper": (0.25, 0.0, 0.0, -0.5),
            "l:publisher": (0.0, 0.0, 0.0, 1.75),
        },
        meta={},
    )
    texts = (
        VESTING,
        "All rights pass to the Publisher:",
        "It vests.",
        "The property of the Publisher.",
        "vests the property",
    )
    paragraphs = [
        para(i, text, section_path=("3 Ownership",) if i % 2 else (), label="3.1" if i % 3 else None)
        for i, text in enumerate(texts)
    ]
    expected = []
    for i, p in enumerate(paragraphs):
        context = learned.Neighbours(paragraphs, set()).context(i)
        named = model.probabilities(learned.features(p, i / (len(paragraphs) - 1), context))
        expected += [(k, i) for k, pr, t in zip(model.kinds, named, model.thresholds, strict=True) if pr >= t - 1e-12]
    found = [(f.kind, f.start) for f in learned.review_findings(paragraphs, [], model)]
    assert sorted(found) == sorted(expected)
    assert {k for k, _ in found} == {"license_grant", "ip_assignment", "governing_law", "confidentiality"}


def test_a_long_document_gets_the_review_findings_each_paragraph_s_named_features_give():
    # more paragraphs than one chunk of the audit's bounds, long and short ones, a word repeated many times
    # (its positive weight counts each time in the bound, once in the score), a text holding the separator
    # the audit joins texts with, empty paragraphs, titles, lead-ins and rule findings around; the shipped
    # weights at thresholds of one half, so that many paragraphs are near one
    shipped = learned.load_model()
    model = dataclasses.replace(shipped, thresholds=(0.5,) * len(shipped.kinds))
    texts = (
        VESTING,
        PLAIN,
        "The Licensor hereby grants to the Reseller:",
        "(a) a perpetual, irrevocable licence to use, copy and modify the Software;",
        "This Agreement is governed by the laws of England and Wales.",
        "licence " * 60 + "and nothing else.",
        "All rights not expressly granted are reserved.\x00 The Customer owns the Deliverables.",
        "",
        "The Supplier shall not use the Client's data to train any machine learning model.",
    )
    paragraphs = [
        para(
            i,
            texts[i % len(texts)],
            section_path=(f"{i // 40} Rights", f"{i // 40}.{i % 7} Licence") if i % 3 else (),
            heading="Licence" if i % 3 else None,
            run_in_title="Ownership" if i % 5 == 0 else None,
            label=f"{i}." if i % 4 == 0 else None,
            in_table=i % 11 == 0,
        )
        for i in range(530)
    ]
    rules = [
        blank_finding("license_grant", 2),
        blank_finding("confidentiality", 100, 102),
        blank_finding("governing_law", 300),
    ]
    covered = {i for f in rules for i in range(f.start, f.end + 1)}
    neighbours = learned.Neighbours(paragraphs, {(i, f.kind) for f in rules for i in range(f.start, f.end + 1)})
    expected = []
    for i, p in enumerate(paragraphs):
        if i in covered or not p.text.strip():
            continue
        named = model.probabilities(learned.features(p, i / (len(paragraphs) - 1), neighbours.context(i)))
        expected += [(i, k) for k, pr, t in zip(model.kinds, named, model.thresholds, strict=True) if pr >= t]
    found = learned.review_findings(paragraphs, rules, model)
    assert sorted((f.start, f.kind) for f in found) == sorted(expected)
    assert len(expected) > 50 and {k for _, k in expected} >= {"license_grant", "governing_law"}
    assert len(expected) < 4 * len(paragraphs)  # and many are not


def test_weights_finer_than_thousandths_still_decide_a_threshold_exactly():
    # the audit packs whole thousandths in narrow lanes; a model with finer weights (a first-format file) must
    # keep them: here only the two ten-thousandths together reach the threshold of exactly one half
    model = learned.Model(
        kinds=("ip_assignment", "governing_law"),
        bias=(-0.0008, -1.0),
        thresholds=(0.5, 0.5),
        weights={"w:vests": (0.0004, 0.0), "w:wholly": (0.0004, 0.0), "w:governed": (0.0, 1.0004)},
        meta={},
    )
    texts = ("It vests wholly.", "It vests.", "It is governed.", "It is wholly governed.")
    paragraphs = [para(i, text) for i, text in enumerate(texts)]
    found = [(f.kind, f.start) for f in learned.review_findings(paragraphs, [], model)]
    assert sorted(found) == [("governing_law", 2), ("governing_law", 3), ("ip_assignment", 0)]
    named = model.probabilities(learned.features(paragraphs[1], 1 / 3, ()))
    assert model.paragraph_probabilities(paragraphs[1], 1 / 3) == pytest.approx(named, abs=1e-15)


def test_a_paragraph_too_long_for_its_bound_is_scored_exactly():
    # the bound adds a word's positive weights each time it occurs: a hundred thousand times a heavy word is
    # more than a narrow lane of the packed sums holds, so the bound would wrap its lane and carry into the
    # next kind's; the exact score (each feature once) must still decide
    model = learned.Model(
        kinds=("license_grant", "governing_law"),
        bias=(-4.0, -4.0),
        thresholds=(0.5, 0.5),
        weights={"w:licence": (30.0, 0.0), "w:governed": (0.0, 5.0)},
        meta={},
    )
    texts = ("licence " * 100_000, PLAIN, "This Agreement is governed by the laws of Ohio.", "licence")
    paragraphs = [para(i, text) for i, text in enumerate(texts)]
    found = learned.review_findings(paragraphs, [], model)
    assert [(f.start, f.kind) for f in found] == [(0, "license_grant"), (2, "governing_law"), (3, "license_grant")]


def test_a_model_survives_its_file_form():
    again = learned.Model.from_bytes(TOY.to_bytes())
    assert again == TOY
    assert again.weights["b:the_property"] == (2.0, 0.0) and "w:nothing" not in again.weights
    with pytest.raises(ValueError):
        learned.Model.from_bytes(b'{"format": "something else"}\n')
    with pytest.raises(ValueError):
        learned.Model.from_bytes(TOY.to_bytes()[:-3])  # truncated


def test_the_audit_reports_a_model_only_clause_for_review_instead_of_no_ip_clauses():
    grant = "Everything the Studio makes vests in the Publisher, and the property of it stays with the Publisher."
    paragraphs = [para(0, PLAIN), para(1, grant)]
    toy = learned.Model(("license_grant",), (-4.0,), (0.6,), {"w:vests": (5.0,)}, {})
    with learned.using(None):
        silent = audit_paragraphs(paragraphs).to_dict()
    with learned.using(toy):
        reviewed = audit_paragraphs(paragraphs).to_dict()
    assert any("No IP clauses found" in n for n in silent["notes"])
    assert not any("No IP clauses found" in n for n in reviewed["notes"])
    review = [f for f in reviewed["findings"] if f["tier"] == "review"]
    assert [(f["kind"], f["start"]) for f in review] == [("license_grant", 1)]
    assert review[0]["confidence"] >= 0.6
    assert all(f["tier"] == "rule" for f in silent["findings"])


def test_review_findings_leave_the_risk_score_to_the_rules():
    paragraphs = [para(0, PLAIN), para(1, VESTING)]
    with learned.using(None):
        before = audit_paragraphs(paragraphs).to_dict()["score"]
    with learned.using(TOY):
        after = audit_paragraphs(paragraphs).to_dict()["score"]
    assert before == after


def test_the_shipped_model_is_small_and_knows_the_kinds_the_audit_reports():
    assert learned.MODEL_PATH.stat().st_size < 400_000
    model = learned.load_model()
    assert {"license_grant", "ip_assignment", "perpetual_irrevocable", "governing_law"} <= set(model.kinds)
    assert all(0 < t < 1 for t in model.thresholds)
    with gzip.open(learned.MODEL_PATH, "rb") as f:
        assert json.loads(f.readline())["format"] == learned.FORMAT


# -- figures: the shipped model with the rules, on CUAD contracts it was not trained on ----------------------

_spec = importlib.util.spec_from_file_location("cuad_benchmark", ROOT / "benchmarks" / "cuad.py")
cuad = sys.modules.setdefault("cuad_benchmark", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(cuad)

# (precision, recall) floors of rules + shipped model on the 10 sample contracts (none in its training data),
# a little under what was measured (benchmarks/README-understanding.md)
FLOORS = {
    "License Grant": (0.70, 0.85),
    "Ip Ownership Assignment": (0.60, 0.70),
    "Irrevocable Or Perpetual License": (0.60, 0.90),
    "Governing Law": (0.85, 0.95),
}


@pytest.fixture(scope="module")
def sample_scores():
    contracts = cuad.load_contracts(SAMPLE)
    return cuad.score_contracts(contracts)


def test_the_model_was_not_trained_on_the_sample_it_is_measured_on():
    trained_on = learned.load_model().meta.get("training_documents_sha256", [])
    sample = {json.loads(line)["text_sha256"][:16] for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line}
    assert trained_on and not sample & set(trained_on)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_rules_and_model_hold_the_measured_floor_on_unseen_cuad_contracts(sample_scores, category):
    precision, recall = FLOORS[category]
    s = sample_scores[category]
    assert s.tp + s.fn > 0
    assert s.precision >= precision, f"precision {s.precision:.2f} fell under {precision}"
    assert s.recall >= recall, f"recall {s.recall:.2f} fell under {recall}"
