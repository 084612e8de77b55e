"""The classifier's prefilter (noai.analysis.fast: gates, needed literals) skips only searches that
cannot match: on every corpus contract the findings with it are the findings without it."""

import pytest
from support.corpus import contracts

from noai.analysis import fast
from noai.analysis.classify import classify
from noai.analysis.patterns import GATES
from noai.analysis.terms import extract_terms
from noai.ooxml.document import read_document


class _AllOpen:
    """No prefilter: every rule runs on every paragraph, every pattern is searched."""

    exact = False  # no lower-cased copies: the needed-literal test always says "may match"

    def __init__(self, texts):
        self.lows = [None] * len(texts)
        self.kinds = frozenset(GATES) | {"existing_ai_restriction"}

    def open(self, i):
        return self.kinds


@pytest.mark.parametrize("path", contracts())
def test_the_findings_with_the_prefilter_are_the_findings_without_it(path, monkeypatch):
    paragraphs = read_document(path.read_bytes()).paragraphs
    terms = extract_terms(paragraphs)
    filtered = classify(paragraphs, terms)
    monkeypatch.setattr(fast, "Gates", _AllOpen)
    assert classify(paragraphs, terms) == filtered


def test_without_the_prefilter_more_rules_run_so_the_comparison_tests_something():
    texts = ["The Client shall pay the fees within thirty days.", "The Provider hereby assigns all rights."]
    gates = fast.Gates(texts)
    assert gates.open(0) != _AllOpen(texts).open(0)
    assert "ownership" in gates.open(1)
