"""The understanding benchmark's scoring and document folds (benchmarks/understanding.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("understanding_benchmark", ROOT / "benchmarks" / "understanding.py")
understanding = sys.modules.setdefault("understanding_benchmark", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(understanding)


def _contract(labels: dict, doc_id: str = "docx/x.docx") -> understanding.Contract:
    return understanding.Contract(doc_id, "gold", lambda: None, labels)


def _finding(kind: str, start: int, end: int | None = None) -> dict:
    return {"kind": kind, "start": start, "end": start if end is None else end}


def test_folds_are_stable_spread_and_split_into_dev_and_check():
    ids = [f"cuad:{n}" for n in range(500)]
    folds = [understanding.fold(i) for i in ids]
    assert folds == [understanding.fold(i) for i in ids]
    counts = [folds.count(k) for k in range(understanding.K)]
    assert min(counts) > 500 / understanding.K * 0.7, counts
    parts = {understanding.part(i) for i in ids}
    assert parts == {"dev", "check"}
    assert all((understanding.part(i) == "dev") == (understanding.fold(i) in understanding.DEV_FOLDS) for i in ids)


def test_a_likely_paragraph_found_is_no_error_and_a_likely_one_missed_is_no_miss():
    score = understanding.Score()
    score.add({1, 2}, {2, 3, 4}, acceptable={3})
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)


def test_a_finding_covers_every_paragraph_from_its_start_to_its_end():
    result = {"findings": [_finding("governing_law", 4, 6), _finding("license_grant", 9)]}
    assert understanding.predicted_pairs(result, ["governing_law"]) == {
        (4, "governing_law"),
        (5, "governing_law"),
        (6, "governing_law"),
    }


def test_the_audit_s_ip_section_predicts_its_first_paragraph_as_the_ip_section_heading():
    result = {"findings": [], "ip_section": {"title": "7 Ownership", "start": 40, "end": 52}}
    assert understanding.predicted_pairs(result, understanding.GOLD_KINDS) == {(40, "ip_section_heading")}
    assert understanding.predicted_pairs(result, ["license_grant"]) == set()


def test_gold_scoring_counts_paragraphs_kinds_insertion_point_and_party_terms():
    labels = {
        "clauses": [
            {
                "index": 3,
                "kinds": ["license_grant"],
                "kind_confidence": {"license_grant": "sure"},
                "confidence": "sure",
            },
            {
                "index": 5,
                "kinds": ["governing_law"],
                "kind_confidence": {"governing_law": "likely"},
                "confidence": "likely",
            },
            {
                "index": 8,
                "kinds": ["ip_assignment"],
                "kind_confidence": {"ip_assignment": "sure"},
                "confidence": "sure",
            },
        ],
        "insertion_point": {"after": {"index": 9}, "alternatives": [{"index": 4}]},
        "party_terms": {"client": ["Customer"], "provider": ["Provider"], "work_product": []},
    }
    result = {
        "findings": [
            _finding("license_grant", 3),
            _finding("license_grant", 5),
            _finding("governing_law", 5),
            _finding("indemnification", 12),
        ],
        "insertion_points": [{"protection": "no_ai_restriction", "index": 4}],
        "terms": {
            "client": {"name": "Customer", "surface": "the Customer", "aliases": []},
            "provider": {"name": "Vendor", "surface": "Vendor", "aliases": []},
            "deliverables": None,
        },
    }
    g = understanding.score_gold([_contract(labels)], lambda c: result)
    # paragraphs: 3 found (sure), 5 acceptable (likely), 12 a false positive, 8 missed
    assert (g.paragraphs.tp, g.paragraphs.fp, g.paragraphs.fn) == (1, 1, 1)
    # (5, license_grant) is not in the gold at all: a false positive of that kind
    assert (g.kinds["license_grant"].tp, g.kinds["license_grant"].fp) == (1, 1)
    assert g.kinds["governing_law"].fp == 0 and g.kinds["ip_assignment"].fn == 1
    assert (g.insertion_right, g.insertion_total) == (1, 1)
    assert g.terms_right == {"client": 1, "provider": 0, "work_product": 1}


def test_no_insertion_point_proposed_counts_as_wrong():
    labels = {"clauses": [], "insertion_point": {"after": {"index": 2}, "alternatives": []}, "party_terms": {}}
    g = understanding.score_gold([_contract(labels)], lambda c: {"findings": [], "insertion_points": []})
    assert (g.insertion_right, g.insertion_total) == (0, 1)


def test_v2_parties_and_work_product_are_read_when_the_audit_has_them():
    result = {
        "terms": {"client": {"name": "Client", "surface": "Client", "aliases": []}},
        "parties": [
            {"name": "Acme Corp.", "terms": ["Recipient"], "role": "client"},
            {"name": None, "terms": ["Discloser"], "role": "creator"},
        ],
        "work_product": None,
    }
    terms = understanding.predicted_terms(result)
    assert terms == {"client": {"acme corp.", "recipient"}, "provider": {"discloser"}, "work_product": set()}


def test_cuad_scoring_pools_the_four_categories():
    contract = understanding.Contract(
        "cuad:1",
        "cuad",
        lambda: None,
        {
            "categories": {
                "License Grant": {1},
                "Ip Ownership Assignment": set(),
                "Irrevocable Or Perpetual License": {1},
                "Governing Law": {7},
            },
            "lines": ["x"] * 8,
        },
    )
    result = {"findings": [_finding("license_grant", 1), _finding("governing_law", 6, 7), _finding("ip_assignment", 3)]}
    s = understanding.score_cuad([contract], lambda c: result)
    assert (s["Governing Law"].tp, s["Governing Law"].fp) == (1, 1)
    assert s["Irrevocable Or Perpetual License"].fn == 1
    assert (s[understanding.FOUR].tp, s[understanding.FOUR].fp, s[understanding.FOUR].fn) == (2, 2, 1)


@pytest.mark.skipif(
    not understanding.GOLD.is_file(), reason="../shared/corpus (gold.json) is not beside the repository"
)
def test_the_gold_contracts_read_with_the_paragraph_count_gold_was_labelled_with():
    for c in understanding.gold_contracts(limit=5):
        assert len(c.doc.paragraphs) == c.labels["paragraphs"]["total"], c.id


def test_the_ip_section_heading_is_scored_from_the_audits_ip_section_not_from_a_finding():
    result = {"findings": [_finding("ip_assignment", 5)], "ip_section": {"start": 4, "end": 6}}
    assert understanding.predicted_pairs(result) == {(5, "ip_assignment"), (4, "ip_section_heading")}
    assert understanding.predicted_pairs(result, ["ip_assignment"]) == {(5, "ip_assignment")}
    assert understanding.predicted_pairs({"findings": [], "ip_section": None}) == set()


def test_an_empty_paragraph_a_gold_finding_reaches_over_is_neither_right_nor_wrong():
    from types import SimpleNamespace

    texts = ["Terms", "AI Services", "", "Training Restrictions", "General"]
    doc = SimpleNamespace(paragraphs=[SimpleNamespace(text=t) for t in texts])
    labels = {
        "clauses": [
            {
                "index": i,
                "kinds": ["existing_ai_restriction"],
                "confidence": "sure",
                "kind_confidence": {"existing_ai_restriction": "sure"},
            }
            for i in (1, 3)
        ],
        "party_terms": {},
    }
    contract = understanding.Contract("docx/x.docx", "gold", lambda: doc, labels)
    g = understanding.score_gold([contract], lambda c: {"findings": [_finding("existing_ai_restriction", 1, 4)]})
    assert (g.paragraphs.tp, g.paragraphs.fp, g.paragraphs.fn) == (2, 1, 0)  # 4 is wrong, 2 (empty) is not


def test_a_clause_s_title_counts_for_gold_but_not_for_cuad_which_labels_no_headings():
    result = {"findings": [{**_finding("governing_law", 5), "attributes": {"titles": [4]}}]}
    assert understanding.title_pairs(result, ["governing_law"]) == {(4, "governing_law")}
    assert understanding.title_pairs(result, ["license_grant"]) == set()
    labels = {
        "clauses": [
            {"index": i, "kinds": ["governing_law"], "confidence": "sure", "kind_confidence": {"governing_law": "sure"}}
            for i in (4, 5)
        ],
        "party_terms": {},
    }
    g = understanding.score_gold([_contract(labels)], lambda c: result)
    assert (g.paragraphs.tp, g.paragraphs.fn) == (2, 0)
    cuad = understanding.Contract(
        "cuad:2",
        "cuad",
        lambda: None,
        {
            "categories": {c: set() for c in understanding.CUAD_CATEGORIES} | {"Governing Law": {5}},
            "lines": ["x"] * 6,
        },
    )
    s = understanding.score_cuad([cuad], lambda c: result)
    assert (s["Governing Law"].tp, s["Governing Law"].fp) == (1, 0)
