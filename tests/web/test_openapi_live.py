"""The OpenAPI document matches the real server (gunicorn + noai's worker, over loopback): a
property-based run with schemathesis's checks on: no 5xx, every status, header, content type and
body as documented, documented options accepted and invalid ones refused.

Document bodies are real Word documents (the example contract, raw and as Flat OPC): a .docx is
not something a JSON schema can describe, so random bytes would only test the 415. A multipart
form's file is still random bytes, so there a 415 is not counted as a valid request refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

from .conftest import DOCX_TYPE
from .live import live_server

REPO = Path(__file__).resolve().parents[2]
DOCX = (REPO / "examples" / "agency-services-agreement.docx").read_bytes()
FLAT = (REPO / "tests" / "data" / "web" / "oa-confidentiality-invention-assignment-flat.xml").read_bytes()

schemathesis.openapi.media_type(DOCX_TYPE, st.just(DOCX))
schemathesis.openapi.media_type("application/octet-stream", st.just(DOCX))
schemathesis.openapi.media_type("application/xml", st.just(FLAT))


@pytest.fixture(scope="module")
def live_schema(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("openapi")) as (base, _, _):
        yield schemathesis.openapi.from_url(f"{base}/api/v1/openapi.json")


schema = schemathesis.pytest.from_fixture("live_schema")


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@pytest.mark.timeout(300)
def test_the_server_answers_as_its_openapi_document_says(case):
    response = case.call()
    excluded = []
    if case.media_type == "multipart/form-data":  # the form's file is random bytes, not a .docx
        excluded.append(positive_data_acceptance)
    if response.status_code == 414:  # gunicorn refusing an over-long URL is a refusal too
        excluded.append(negative_data_rejection)
    if response.status_code == 422 and response.json().get("code") == "unknown-party":
        excluded.append(positive_data_acceptance)  # `we` must name a party of that very document
    case.validate_response(response, excluded_checks=excluded)


def test_the_document_lists_the_414_and_the_404s_clause_and_asks_a_token_only_when_there_is_one(make_app):
    spec = make_app().test_client().get("/api/v1/openapi.json").get_json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert "414" in operation["responses"], (method, path)
    problem = spec["components"]["schemas"]["Problem"]  # the 404's clause: an RFC 9457 extension member
    assert "clause" in problem["properties"] or problem.get("additionalProperties") is True
    assert "security" not in spec
    guarded = make_app(API_TOKEN="s3cret").test_client()
    spec = guarded.get("/api/v1/openapi.json", headers={"Authorization": "Bearer s3cret"}).get_json()
    assert spec["security"] == [{"bearer": []}]
