"""Every endpoint of /api/v1 answering as DEVELOPERS.md ("HTTP API") promises."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from lxml import etree

from noai import __version__

from .conftest import DOCX_TYPE, assert_problem

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def tracked_changes(docx: bytes) -> list[etree._Element]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    return root.findall(f".//{{{W}}}ins")


def test_healthz_says_ok_with_the_version(client):
    response = client.get("/api/v1/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "version": __version__}


def test_audit_of_a_raw_docx_body_is_the_audit_json(post_docx):
    response = post_docx("/api/v1/audit")
    assert response.status_code == 200
    body = response.get_json()
    assert body["schema"] == "noai.audit/2"
    assert body["document"]["paragraph_count"] == 69
    assert {f["kind"] for f in body["findings"]} >= {"work_made_for_hire", "any_and_all_purposes"}


def test_audit_accepts_octet_stream_and_multipart_alike(client, example_docx, post_docx):
    raw = client.post("/api/v1/audit", data=example_docx, content_type="application/octet-stream").get_json()
    form = client.post("/api/v1/audit", data={"file": (io.BytesIO(example_docx), "agency.docx")}).get_json()
    assert raw["findings"] == form["findings"] == post_docx("/api/v1/audit").get_json()["findings"]
    assert form["document"]["filename"] == "agency.docx"


def test_audit_reads_flat_opc_xml_sent_as_application_xml(client, flat_opc):
    for content_type in ("application/xml", "text/xml"):
        response = client.post("/api/v1/audit", data=flat_opc, content_type=content_type)
        assert response.status_code == 200
        assert response.get_json()["findings"]


def test_plan_answers_the_audit_and_the_plan_for_the_variant_asked(post_docx):
    body = post_docx("/api/v1/plan", variant="strict").get_json()
    assert body["audit"]["schema"] == "noai.audit/2"
    assert body["plan"]["schema"] == "noai.plan/1"
    assert body["plan"]["variant"] == "strict"
    assert any(e["op"] == "insert_after" for e in body["plan"]["edits"])


def test_plan_without_comments_plans_no_comment_edits(post_docx):
    with_comments = post_docx("/api/v1/plan").get_json()["plan"]["edits"]
    without = post_docx("/api/v1/plan", comments="false").get_json()["plan"]["edits"]
    assert any(e.get("comment") for e in with_comments)
    assert not any(e.get("comment") for e in without)


def test_plan_takes_its_options_from_form_fields_with_multipart(client, example_docx):
    response = client.post("/api/v1/plan", data={"file": (io.BytesIO(example_docx), "a.docx"), "variant": "minimal"})
    assert response.get_json()["plan"]["variant"] == "minimal"


def test_redline_answers_a_docx_attachment_with_tracked_changes_by_the_author(post_docx):
    response = post_docx("/api/v1/redline", author="Jane Counsel", date="2026-02-01T09:30:00Z")
    assert response.status_code == 200
    assert response.mimetype == DOCX_TYPE
    assert response.headers["Content-Disposition"].startswith("attachment")
    insertions = tracked_changes(response.data)
    assert insertions and int(response.headers["X-Noai-Applied"]) > 0
    assert {i.get(f"{{{W}}}author") for i in insertions} == {"Jane Counsel"}
    assert {i.get(f"{{{W}}}date") for i in insertions} == {"2026-02-01T09:30:00Z"}


def test_redline_dates_the_changes_now_when_no_date_is_given(post_docx):
    before = datetime.now().astimezone().replace(microsecond=0)
    response = post_docx("/api/v1/redline")
    dates = {i.get(f"{{{W}}}date") for i in tracked_changes(response.data)}
    assert len(dates) == 1
    stamped = datetime.fromisoformat(dates.pop().replace("Z", "+00:00"))
    assert (stamped - before).total_seconds() >= 0
    assert (stamped - before).total_seconds() < 120


def test_redline_names_the_attachment_after_the_uploaded_file(client, example_docx):
    response = client.post("/api/v1/redline", data={"file": (io.BytesIO(example_docx), "My Deal.docx")})
    assert 'filename="My Deal.noai.docx"' in response.headers["Content-Disposition"]


def test_clauses_lists_each_clause_with_its_variants(client):
    clauses = client.get("/api/v1/clauses").get_json()["clauses"]
    by_id = {c["id"]: c for c in clauses}
    assert "no-ai-training" in by_id
    assert set(by_id["no-ai-training"]) == {"id", "kind", "title", "summary", "rationale", "variants", "placement"}
    assert by_id["no-ai-training"]["variants"] == ["strict", "standard", "minimal"]


def test_a_clause_is_rendered_with_the_terms_given(client):
    response = client.get(
        "/api/v1/clauses/no-ai-training",
        query_string={"variant": "strict", "client": "Globex", "provider": "Studio Nine"},
    )
    body = response.get_json()
    assert body["id"] == "no-ai-training" and body["variant"] == "strict"
    text = " ".join(body["paragraphs"])
    assert "Globex" in text
    assert "{client}" not in text and "{provider}" not in text


def test_a_clause_takes_other_library_placeholders_and_ignores_unknown_names(client):
    response = client.get(
        "/api/v1/clauses/choice-of-law", query_string={"courts": "the courts of Toronto", "favourite_colour": "blue"}
    )
    assert response.status_code == 200
    assert "the courts of Toronto" in " ".join(response.get_json()["paragraphs"])


def test_an_unknown_clause_is_a_404_problem_naming_it(client):
    body = assert_problem(client.get("/api/v1/clauses/no-such-clause"), 404, "unknown-clause")
    assert body["clause"] == "no-such-clause"
