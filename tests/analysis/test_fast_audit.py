"""The audit's speed code (noai.analysis.fast: the literal tests before the IP-title search) skips
only what cannot match: on every corpus contract the audit with it is the audit without it."""

import pytest
from support.corpus import contracts

from noai.analysis import fast
from noai.analysis.audit import audit_document
from noai.ooxml.document import read_document


@pytest.mark.parametrize("path", contracts())
def test_the_audit_with_the_title_prefilter_is_the_audit_without_it(path, monkeypatch):
    doc = read_document(path.read_bytes())
    filtered = audit_document(doc).to_dict()
    monkeypatch.setattr(fast, "may_hold", lambda text, needs: True)
    monkeypatch.setattr(fast, "may_holding", lambda texts, needs: list(range(len(texts))))
    assert audit_document(doc).to_dict() == filtered


def test_the_title_prefilter_turns_away_titles_so_the_comparison_tests_something():
    titles = ["12 Term and Termination", "Fees and Payment", "7 Intellectual Property", "Title"]
    assert [fast.may_hold(t, fast.IP_TITLE_NEEDS) for t in titles] == [False, False, True, True]


def test_the_titles_that_may_hold_a_literal_are_found_in_one_scan_as_one_by_one():
    titles = ["12 Term and Termination", "7 Intellectual Property", "Owner\u017fhip", "", "Fees", "TITLE", "Ip"]
    for needs in (fast.IP_TITLE_NEEDS, fast.RESERVATION_NEEDS, ("fee", "term")):
        expected = [i for i, t in enumerate(titles) if fast.may_hold(t, needs)]
        assert fast.may_holding(titles, needs) == expected
    assert fast.may_holding(titles, fast.IP_TITLE_NEEDS) == [1, 2, 5, 6]
