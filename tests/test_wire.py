"""The wire formats: real audits and plans, the fixtures the add-in's tests read and the docs agree
with the JSON Schemas of noai/schemas; the anchor rule holds on the cases the add-in shares."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from noai import schemas
from noai.anchor import locate, normalise
from noai.kinds import FindingKind, Protection, Severity

ROOT = Path(__file__).resolve().parents[1]
WIRE = ROOT / "tests" / "data" / "wire"
FIXTURES = sorted(WIRE.glob("*.answer.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_each_wire_fixture_is_a_valid_audit_and_plan(path):
    answer = _load(path)
    assert schemas.problems("audit", answer["audit"]) == []
    assert schemas.problems("plan", answer["plan"]) == []


def test_the_fixtures_cover_findings_edits_of_every_op_and_an_unsupported_language():
    answers = [_load(p) for p in FIXTURES]
    assert len(answers) >= 4
    assert {e["op"] for a in answers for e in a["plan"]["edits"]} == {"insert_after", "replace", "comment"}
    assert any(a["audit"]["score"]["risk"] is None and not a["audit"]["protections"] for a in answers)
    assert any(f["severity"] == "high" for a in answers for f in a["audit"]["findings"])


def _check(script: str) -> None:
    """``scripts/<script> --check`` passes (the files it writes are current), else say how to update them."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "server")},
    )
    assert run.returncode == 0, f"{run.stdout}{run.stderr}\nupdate them: PYTHONPATH=server python scripts/{script}"


def test_the_wire_fixtures_are_the_engines_current_answers():
    _check("wire_fixtures.py")


def _documents() -> list[Path]:
    corpus = sorted((ROOT / "tests" / "data" / "corpus").glob("*.docx"))
    return [*corpus, ROOT / "examples" / "agency-services-agreement.docx"]


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_the_audit_and_the_plans_of_every_corpus_contract_are_valid_against_their_schemas(path):
    from noai import engine
    from noai.library import VARIANTS
    from noai.plan import Plan, make_plan

    result = engine.audit(path.read_bytes(), filename=path.name, we="creator")  # said, as the pane asks
    assert schemas.problems("audit", json.loads(json.dumps(result.to_dict()))) == []
    library, playbook = engine.library_for()
    for variant in VARIANTS:
        data = json.loads(json.dumps(make_plan(result, library, playbook, variant=variant).to_dict()))
        assert schemas.problems("plan", data) == []
        assert Plan.from_dict(data).to_dict() == data  # the JSON edge reads back what it wrote


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda a: a["findings"][0].update(colour="red"), "findings/0"),
        (lambda a: a["findings"][0].pop("title"), "findings/0"),
        (lambda a: a["findings"][0].update(kind="no_such_kind"), "findings/0/kind"),
        (
            lambda a: a["protections"]["no_ai_restriction"].update(status="absent"),
            "protections/no_ai_restriction/status",
        ),
        (lambda a: a["score"].update(risk=101), "score/risk"),
        (lambda a: a.update(extra=[]), "(top)"),
    ],
)
def test_the_audit_schema_refuses_a_key_or_value_the_backend_does_not_send(change, where):
    audit = copy.deepcopy(_load(WIRE / "agency-services-agreement.answer.json")["audit"])
    change(audit)
    assert any(p.startswith(where) for p in schemas.problems("audit", audit)), schemas.problems("audit", audit)


def _enum(node: dict) -> list:
    return node["enum"]


def test_the_schemas_name_exactly_the_kinds_protections_and_severities_of_noai_kinds():
    audit, plan = schemas.schema("audit"), schemas.schema("plan")
    finding = audit["$defs"]["finding"]["properties"]
    assert _enum(finding["kind"]) == [k.value for k in FindingKind]
    assert _enum(finding["severity"]) == [s.value for s in Severity]
    assert list(audit["properties"]["protections"]["properties"]) == [p.value for p in Protection]
    assert _enum(audit["$defs"]["insertion_point"]["properties"]["protection"]) == [p.value for p in Protection]
    for op in ("replace", "comment"):  # or null: an edit that answers no finding (a next round's reinstatement)
        assert _enum(plan["$defs"][op]["properties"]["finding"]) == [k.value for k in FindingKind] + [None]


def test_the_schemas_and_docs_are_in_step_with_noai_kinds():
    _check("wire_schemas.py")


def _property_names(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        out.update(node.get("properties", {}))
        for value in node.values():
            _property_names(value, out)
    elif isinstance(node, list):
        for value in node:
            _property_names(value, out)
    return out


def test_docs_audit_schema_names_every_key_kind_and_protection_of_the_audit_schema():
    doc = (ROOT / "docs" / "audit-schema.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z_0-9]+)`", doc))
    audit = schemas.schema("audit")
    keys = _property_names(audit, set()) - {p.value for p in Protection}  # protections: listed below
    assert sorted(keys - named) == []
    assert sorted({k.value for k in FindingKind} - named) == []
    assert sorted({p.value for p in Protection} - named) == []


def test_the_plan_example_of_developers_md_is_a_valid_plan():
    guide = (ROOT / "DEVELOPERS.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Plan JSON") :]
    example = json.loads(re.search(r"```json\n(.*?)\n```", section, re.DOTALL).group(1))
    assert schemas.problems("plan", example) == []
    assert set(schemas.schema("plan")["properties"]) == set(example)


ANCHOR_CASES = _load(WIRE / "anchor-cases.json")["cases"]


@pytest.mark.parametrize("case", ANCHOR_CASES, ids=lambda c: c["name"])
def test_an_anchor_is_found_by_the_one_rule_the_add_in_shares(case):
    assert locate(case["texts"], case["anchor"]["index"], case["anchor"]["text"]) == case["expect"]


def test_normalising_makes_each_run_of_white_space_one_space_and_trims():
    assert normalise("\u00a0 7.3\t\tCustomer\u000bmay\n") == "7.3 Customer may"
    assert normalise("a\u200bb") == "a\u200bb"
