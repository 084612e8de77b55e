"""Real contracts against expectations written by hand from their LibreOffice rendering.

Each ``tests/data/expected/<name>.json`` says what a careful reader finds in
``tests/data/corpus/<name>.docx``: the IP section (label and title as Word shows them), the
grants, assignments and other clauses with their section labels (a ``text`` snippet names the
paragraph), the kinds that must not be found anywhere, and the parties. Where the program does
not agree yet, the case is listed in ``DISAGREEMENTS`` and marked ``xfail(strict=True)``, so a fix
turns it into a failure that asks for the mark to go.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from noai.analysis.audit import audit_document
from noai.analysis.terms import extract_terms
from noai.ooxml.document import read_document

DATA = Path(__file__).parent.parent / "data"
EXPECTED = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((DATA / "expected").glob("*.json"))}
IP_KINDS = {"ip_assignment", "work_made_for_hire", "license_grant"}

# case id -> why the program disagrees with the hand-checked expectation (reported to the
# classifier's owner; remove the entry when fixed).
DISAGREEMENTS: dict[str, str] = {}


def _cases(make):
    cases = []
    for name, expected in EXPECTED.items():
        for case_id, value in make(name, expected):
            marks = [pytest.mark.xfail(strict=True, reason=DISAGREEMENTS[case_id])] if case_id in DISAGREEMENTS else []
            cases.append(pytest.param(name, value, id=case_id, marks=marks))
    return cases


@cache
def _document(name: str):
    return read_document((DATA / "corpus" / EXPECTED[name]["document"]).read_bytes())


@cache
def _audit(name: str) -> dict:
    return audit_document(_document(name), filename=EXPECTED[name]["document"]).to_dict()


def _label(label: str | None) -> str:
    """ "10.5.1." / "[10.5.1.]" / "a." as a reader names them: "10.5.1", "a"."""
    return (label or "").strip().strip("[]").rstrip(".").strip()


def _title(title: str | None) -> str:
    return " ".join((title or "").split()).rstrip(".:").casefold()


def _paragraph_of(name: str, snippet: str) -> int:
    hits = [p.index for p in _document(name).paragraphs if snippet in p.text]
    assert len(hits) == 1, f"the snippet names one paragraph of {name}: {snippet!r} -> {hits}"
    return hits[0]


def test_every_expectation_file_has_its_contract_in_the_test_data():
    assert len(EXPECTED) >= 12
    for expected in EXPECTED.values():
        assert (DATA / "corpus" / expected["document"]).is_file()


@pytest.mark.parametrize("name, ip_section", _cases(lambda n, e: [(f"{n}-ip-section", e["ip_section"])]))
def test_the_ip_section_is_the_one_a_reader_finds(name, ip_section):
    found = _audit(name)["ip_section"]
    if ip_section is None:
        assert found is None
        return
    assert found is not None, f"no IP section found in {name}"
    label = _label(found["section_label"])
    title = _title(found["title"]).removeprefix(f"{label.casefold()} ")  # the title may be the display
    expected = (_label(ip_section["label"]), _title(ip_section["title"]))
    assert (label, title[: len(expected[1])]) == expected


def _finding_cases(name, expected):
    for i, finding in enumerate(expected["findings"]):
        yield f"{name}-{i}-{finding['kind']}", finding


@pytest.mark.parametrize("name, expected", _cases(_finding_cases))
def test_each_clause_a_reader_finds_is_found_with_its_section_label(name, expected):
    index = _paragraph_of(name, expected["text"])
    matches = [f for f in _audit(name)["findings"] if f["kind"] == expected["kind"] and f["start"] <= index <= f["end"]]
    assert matches, f"no {expected['kind']} finding covers paragraph {index} of {name}"
    if "section_label" in expected:
        assert _label(expected["section_label"]) in {_label(f["section_label"]) for f in matches}
    if "direction" in expected:
        directions = {tuple((f["attributes"].get("direction") or "").split("->")) for f in matches}
        want = (expected["direction"]["grantor"], expected["direction"].get("grantee"))
        assert any(d[0] == want[0] and (want[1] is None or d[-1] == want[1]) for d in directions), directions
    if "polarity" in expected:
        assert expected["polarity"] in {f["attributes"].get("polarity") for f in matches}


def _absent_cases(name, expected):
    for kind in expected["absent"]:
        yield f"{name}-no-{kind}", kind


@pytest.mark.parametrize("name, kind", _cases(_absent_cases))
def test_no_clause_of_a_kind_the_contract_does_not_hold_is_reported(name, kind):
    wrong = [(f["start"], f["phrase"]["text"]) for f in _audit(name)["findings"] if f["kind"] == kind]
    assert wrong == []


def test_the_negative_control_holds_no_ip_finding_at_all():
    kinds = {f["kind"] for f in _audit("publicneuro-scc-controller-processor")["findings"]}
    assert not kinds & IP_KINDS


def _term_cases(name, expected):
    for role, names in expected.get("terms", {}).items():
        yield f"{name}-{role}", (role, names)


@pytest.mark.parametrize("name, role_names", _cases(_term_cases))
def test_the_defined_terms_name_the_parties_and_the_work(name, role_names):
    role, names = role_names
    term = getattr(extract_terms(_document(name).paragraphs), role)
    assert term is not None, f"no {role} found in {name}"
    assert {term.name, *term.aliases} & set(names), (term.name, term.aliases)
