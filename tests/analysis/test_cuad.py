"""The CUAD sample benchmark holds its floor (measured figures: benchmarks/README-cuad.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("cuad_benchmark", ROOT / "benchmarks" / "cuad.py")
cuad = sys.modules.setdefault("cuad_benchmark", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(cuad)

SAMPLE = ROOT / "tests" / "data" / "cuad-sample.jsonl"
# (precision, recall) floors, a little under what was measured on the 10 sample contracts
FLOORS = {
    "License Grant": (0.65, 0.80),
    "Ip Ownership Assignment": (0.65, 0.65),
    "Irrevocable Or Perpetual License": (0.65, 0.90),
    "Governing Law": (0.90, 0.90),
}


@pytest.fixture(scope="module")
def scores():
    return cuad.score_contracts(cuad.load_contracts(SAMPLE))


def test_a_contract_becomes_one_paragraph_per_line():
    from noai.ooxml.document import read_document

    doc = read_document(cuad.contract_docx(["First line", "", "Third\x0cline"]))
    assert [p.text for p in doc.paragraphs] == ["First line", "", "Third line"]


def test_a_paragraph_is_gold_when_a_labelled_span_overlaps_it():
    text = "Title\nThe Licensor grants a licence.\nGoverning law: Delaware."
    contract = {
        "labels": [
            {"category": "License Grant", "start": 10, "end": 20, "match": "exact"},
            {"category": "Governing Law", "start": 0, "end": 3, "match": "none"},
        ]
    }
    spans = cuad._line_spans(text)
    assert cuad._gold(contract, spans, "License Grant") == {1}
    assert cuad._gold(contract, spans, "Governing Law") == set()


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_precision_and_recall_hold_the_measured_floor(scores, category):
    precision, recall = FLOORS[category]
    s = scores[category]
    assert s.tp + s.fn > 0, "the sample has gold paragraphs for every category"
    assert s.precision >= precision, f"precision {s.precision:.2f} fell under {precision}"
    assert s.recall >= recall, f"recall {s.recall:.2f} fell under {recall}"
