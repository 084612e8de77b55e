"""The vocabulary (noai.kinds): one complete spec row per finding kind and protection, used everywhere."""

from __future__ import annotations

import dataclasses
import string

import pytest

from noai import kinds
from noai.kinds import KINDS, PROTECTIONS, BySide, FindingKind, KindSpec, Placement, Protection, Severity

# The fields an explanation may name: the party labels the classifier fills in, the place of a
# governing-law clause and its law as written. Any other name would raise KeyError on the first finding of its kind.
_FILLED = {"owner", "grantor", "grantee", "beneficiary", "indemnitor", "jurisdiction", "law"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def kind_row_problems(row: KindSpec) -> list[str]:
    """What a kind's spec row lacks (empty when complete)."""
    problems = []
    if not row.title.strip() or row.title == row.kind.value:
        problems.append("title")
    if not row.explanation.strip():
        problems.append("explanation")
    for text in (row.explanation, *row.explanations.values()):
        if _fields(text) - _FILLED:
            problems.append(f"explanation fields {sorted(_fields(text) - _FILLED)}")
    if not isinstance(row.severity, BySide) or not all(
        isinstance(s, Severity) for s in dataclasses.astuple(row.severity)
    ):
        problems.append("severity by side")
    if not row.gate_words or any(not w or w != w.lower() for w in row.gate_words):
        problems.append("gate words")
    if any(not isinstance(s, Severity) or not w.why.strip() or w.points == 0 for s, w in row.weights.items()):
        problems.append("weights")
    return problems


def test_every_finding_kind_has_a_complete_spec_row():
    assert list(KINDS) == list(FindingKind)
    assert {kind: kind_row_problems(row) for kind, row in KINDS.items() if kind_row_problems(row)} == {}


@pytest.mark.parametrize(
    "broken",
    [
        {"title": ""},
        {"explanation": " "},
        {"gate_words": ()},
        {"gate_words": ("Grant",)},
        {"explanation": "{licensee} may use it"},
        {"severity": BySide("high", "low", "info")},
        {"weights": {Severity.HIGH: kinds.Weight(0, "nothing")}},
    ],
)
def test_the_completeness_check_fails_on_a_row_lacking_a_part(broken):
    row = dataclasses.replace(KINDS[FindingKind.SURVIVAL], **broken)
    assert kind_row_problems(row)


def test_every_protection_has_a_title_an_explanation_and_a_placement():
    assert list(PROTECTIONS) == list(Protection)
    for name, row in PROTECTIONS.items():
        assert row.title.strip() and row.explanation.strip(), name
        assert isinstance(row.placement, Placement), name


def test_every_kind_opens_a_gate_of_the_patterns_table_and_no_gate_is_left_without_a_kind():
    from noai.analysis import patterns as P

    assert {row.gate_name for row in KINDS.values()} == set(P.GATES)
    for row in KINDS.values():
        assert set(row.gate_words) <= set(P.GATES[row.gate_name]), row.kind


def test_every_explanation_template_the_classifier_uses_comes_from_the_spec_rows():
    from noai.analysis.classify import EXPLANATIONS

    assert kinds.explanation_templates() == EXPLANATIONS
    assert {key.split("/")[0] for key in EXPLANATIONS} == set(FindingKind)


def test_the_library_validates_against_the_same_vocabulary():
    from noai.library import FINDING_KINDS, PLACEMENTS
    from noai.library import PROTECTIONS as LIBRARY_PROTECTIONS

    assert set(FindingKind) == FINDING_KINDS and set(Protection) == LIBRARY_PROTECTIONS
    assert set(Placement) == PLACEMENTS


def test_each_protections_default_placement_is_the_placement_of_the_shipped_clause_providing_it():
    from noai.library import load_library, load_playbook

    library = load_library()
    playbook = load_playbook(library=library)
    for name, row in PROTECTIONS.items():
        assert library.get(playbook.protections[name].clause).placement == row.placement, name


def test_the_audit_json_carries_the_display_titles_of_its_findings_and_protections():
    from noai.analysis.audit import audit_paragraphs
    from noai.ooxml.model import Paragraph

    texts = [
        "The Contractor hereby assigns to the Client all right, title and interest in the Deliverables.",
        "The Client may use the Deliverables for any purpose.",
    ]
    data = audit_paragraphs([Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)]).to_dict()
    assert data["findings"]
    for f in data["findings"]:
        assert f["title"] == KINDS[FindingKind(f["kind"])].title
    for name, p in data["protections"].items():
        assert (p["title"], p["explanation"]) == (PROTECTIONS[name].title, PROTECTIONS[name].explanation)
    assert data["protections"]["no_ai_restriction"]["status"] == "missing"


def test_string_values_compare_equal_to_the_enum_members_so_plain_strings_keep_working():
    assert FindingKind("ip_assignment") is FindingKind.IP_ASSIGNMENT and FindingKind.IP_ASSIGNMENT == "ip_assignment"
    assert {Severity.HIGH: 1}.get("high") == 1 and "end_of_ip_section" in set(Placement)
