"""The OpenAPI document describes the API, and a property-based run against it finds no 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate as validate_spec

from noai import schemas
from noai.web import create_app

from .conftest import DOCX_TYPE


def test_the_openapi_document_is_valid_openapi_3(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    validate_spec(spec)


def test_the_openapi_document_describes_every_endpoint_and_schema(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert set(spec["paths"]) == {"/audit", "/plan", "/redline", "/clauses", "/clauses/{clause_id}", "/healthz"}
    plan_params = {p["name"] for p in spec["paths"]["/plan"]["post"]["parameters"]}
    assert plan_params == {"variant", "comments", "playbook", "we", "work_kind"}
    assert {p["name"] for p in spec["paths"]["/audit"]["post"]["parameters"]} == {"we", "accepted"}
    variant = next(p for p in spec["paths"]["/redline"]["post"]["parameters"] if p["name"] == "variant")
    assert variant["schema"]["enum"] == ["strict", "standard", "minimal"]
    assert set(spec["components"]["schemas"]["Problem"]["required"]) >= {"type", "title", "status", "code"}


def test_the_openapi_document_embeds_the_wire_schemas_so_real_answers_validate_against_it(client):
    import json
    from pathlib import Path

    from jsonschema import Draft202012Validator

    spec = client.get("/api/v1/openapi.json").get_json()
    components = spec["components"]["schemas"]
    assert components["Audit"]["properties"]["schema"] == schemas.schema("audit")["properties"]["schema"]
    finding = schemas.schema("audit")["$defs"]["finding"]
    assert components["AuditFinding"]["properties"]["kind"] == finding["properties"]["kind"]
    wire = Path(__file__).parents[1] / "data" / "wire"
    answer = json.loads((wire / "agency-services-agreement.answer.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator({"$ref": "#/components/schemas/PlanAnswer", "components": spec["components"]})
    assert list(validator.iter_errors(answer)) == []
    answer["audit"]["findings"][0]["kind"] = "no_such_kind"
    assert list(validator.iter_errors(answer))


def test_the_docs_page_shows_the_paths_and_schemas_without_any_script(client):
    response = client.get("/api/v1/docs")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "/api/v1/clauses/{clause_id}" in html and "RenderedClause" in html
    assert "<script" not in html
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


@schemathesis.serializer(DOCX_TYPE)
def docx_body(ctx, value) -> bytes:
    """Generated "binary" bodies of the .docx media type, sent as they are."""
    return value if isinstance(value, bytes) else str(value).encode()


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", create_app({"TESTING": True}))


@schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@pytest.mark.timeout(120)
def test_no_generated_request_makes_the_server_fail(case):
    response = case.call()
    assert response.status_code < 500, response.text[:300]
    if response.status_code >= 400:
        content_type = {k.lower(): v for k, v in response.headers.items()}["content-type"]
        assert content_type[0].startswith("application/problem+json")
