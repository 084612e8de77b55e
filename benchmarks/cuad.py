"""CUAD sample as a paragraph-level benchmark of the classifier.

Each contract's plain text becomes a .docx in memory (one paragraph a line, python-docx), is
read and audited like any upload, and every paragraph is compared with CUAD's expert labels: a
paragraph is a gold positive for a category when a labelled span overlaps it, and a predicted
positive when a finding of the mapped kinds covers it. Prints a table; writes nothing.

    python benchmarks/cuad.py [tests/data/cuad-sample.jsonl]
"""

from __future__ import annotations

import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import docx

from noai.analysis.audit import audit_document
from noai.ooxml.document import read_document

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "cuad-sample.jsonl"
CATEGORIES = {
    "License Grant": {"license_grant"},
    "Ip Ownership Assignment": {"ip_assignment", "work_made_for_hire"},
    "Irrevocable Or Perpetual License": {"perpetual_irrevocable"},
    "Governing Law": {"governing_law"},
}
_NOT_XML = re.compile(r"[^\t\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def load_contracts(path: Path = SAMPLE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def contract_docx(lines: list[str]) -> bytes:
    """A .docx with one ``w:p`` per line (characters XML cannot hold become spaces)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(_NOT_XML.sub(" ", line))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _gold(contract: dict, spans: list[tuple[int, int]], category: str) -> set[int]:
    labelled = [
        tuple(part)
        for label in contract["labels"]
        if label["category"] == category and label["match"] != "none"
        for part in label.get("parts") or [(label["start"], label["end"])]
    ]
    return {i for i, (s, e) in enumerate(spans) if e > s and any(a < e and s < b for a, b in labelled)}


def _predicted(findings: list[dict], kinds: set[str]) -> set[int]:
    return {i for f in findings if f["kind"] in kinds for i in range(f["start"], f["end"] + 1)}


def score_contracts(contracts: list[dict]) -> dict[str, Score]:
    """Paragraph-level true/false positives and false negatives per CUAD category."""
    scores = {category: Score() for category in CATEGORIES}
    for contract in contracts:
        text = contract["text"]
        # the python-docx template starts with no paragraphs, so paragraph i is line i
        doc = read_document(contract_docx(text.split("\n")))
        findings = audit_document(doc).to_dict()["findings"]
        spans = _line_spans(text)
        for category, kinds in CATEGORIES.items():
            gold, predicted = _gold(contract, spans, category), _predicted(findings, kinds)
            score = scores[category]
            score.tp += len(gold & predicted)
            score.fp += len(predicted - gold)
            score.fn += len(gold - predicted)
    return scores


def main(argv: list[str]) -> int:
    contracts = load_contracts(Path(argv[0]) if argv else SAMPLE)
    scores = score_contracts(contracts)
    print(f"CUAD sample: {len(contracts)} contracts, paragraph level")
    print(f"{'category':34} {'gold':>5} {'found':>6} {'precision':>10} {'recall':>7}")
    for category, s in scores.items():
        print(f"{category:34} {s.tp + s.fn:5d} {s.tp + s.fp:6d} {s.precision:10.2f} {s.recall:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
