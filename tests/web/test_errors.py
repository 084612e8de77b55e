"""Every error status answers the same RFC 9457 problem JSON (checked by ``assert_problem``)."""

from __future__ import annotations

import io
import logging

import pytest

from noai import engine

from .conftest import DOCX_TYPE, assert_problem


def test_an_unknown_path_is_a_404_problem(client):
    assert_problem(client.get("/api/v1/nothing-here"), 404, "not-found")


def test_a_wrong_method_is_a_405_problem_with_allow(client):
    response = client.get("/api/v1/audit")
    assert_problem(response, 405, "method-not-allowed")
    assert "POST" in response.headers["Allow"]


def test_a_body_over_max_content_length_is_a_413_problem(make_app, example_docx):
    client = make_app(MAX_CONTENT_LENGTH=len(example_docx) - 1).test_client()
    assert_problem(
        client.post("/api/v1/audit", data=example_docx, content_type=DOCX_TYPE), 413, "request-entity-too-large"
    )


def test_a_multipart_upload_over_max_content_length_is_a_413_problem(make_app, example_docx):
    client = make_app(MAX_CONTENT_LENGTH=len(example_docx) // 2).test_client()
    response = client.post("/api/v1/audit", data={"file": (io.BytesIO(example_docx), "a.docx")})
    assert_problem(response, 413, "request-entity-too-large")


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", "application/pdf", ""])
def test_an_unsupported_content_type_is_a_415_problem_naming_the_accepted_ones(client, example_docx, content_type):
    body = assert_problem(
        client.post("/api/v1/audit", data=example_docx, content_type=content_type), 415, "unsupported-media-type"
    )
    assert "multipart/form-data" in body["detail"]


def test_a_multipart_form_without_the_file_field_is_a_400_with_the_field_message(client, example_docx):
    response = client.post("/api/v1/audit", data={"document": (io.BytesIO(example_docx), "a.docx")})
    body = assert_problem(response, 400, "invalid-request")
    assert list(body["errors"]) == ["file"]


@pytest.mark.parametrize(
    "query, field",
    [
        ({"variant": "strongest"}, "variant"),
        ({"comments": "perhaps"}, "comments"),
        ({"playbook": "/etc/passwd"}, "playbook"),
        ({"date": "yesterday"}, "date"),
        ({"author": "x" * 101}, "author"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_invalid_options_are_a_400_problem_with_field_messages(post_docx, query, field):
    body = assert_problem(post_docx("/api/v1/redline", **query), 400, "invalid-request")
    assert set(body["errors"]) == {field}
    assert all(isinstance(m, str) for m in body["errors"][field])


def test_an_unknown_variant_of_a_clause_is_a_400_problem(client):
    body = assert_problem(client.get("/api/v1/clauses/no-ai-training?variant=gold"), 400, "invalid-request")
    assert "variant" in body["errors"]


@pytest.mark.parametrize(
    "data, status, code",
    [
        (b"", 422, "empty-document"),
        (b"just some text, not a document", 415, "not-ooxml"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, 415, None),
        (b"PK\x03\x04 broken zip", 422, None),
    ],
)
def test_an_unreadable_document_is_the_engines_typed_problem(post_docx, data, status, code):
    body = assert_problem(post_docx("/api/v1/audit", data=data), status, code)
    assert body["detail"] != body["title"]


def test_an_unexpected_failure_is_a_500_problem_without_a_traceback(client, monkeypatch, example_docx, caplog):
    def explode(data, **kwargs):
        raise RuntimeError(data[:0].decode() + "secret clause text from the document")

    monkeypatch.setattr(engine, "audit", explode)
    with caplog.at_level(logging.INFO, logger="noai.web"):
        response = client.post("/api/v1/audit", data=example_docx, content_type=DOCX_TYPE)
    body = assert_problem(response, 500, "internal-error")
    assert "secret clause text" not in response.get_data(as_text=True)
    assert "RuntimeError" not in body["detail"]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "explode" in logged
    assert "secret clause text" not in logged


def test_the_engines_500_errors_keep_their_detail(client, monkeypatch):
    from noai.errors import LibraryError

    def broken(options=None):
        raise LibraryError("The clause library is broken.", problems=[{"file": "x.toml", "message": "bad"}])

    monkeypatch.setattr(engine, "library_for", broken)
    body = assert_problem(client.get("/api/v1/clauses"), 500, "invalid-library")
    assert body["problems"] == [{"file": "x.toml", "message": "bad"}]


def test_a_missing_token_is_a_401_problem_with_www_authenticate(make_app):
    response = make_app(API_TOKEN="s3cret").test_client().get("/api/v1/clauses")
    assert_problem(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_errors_outside_the_api_are_problems_too(client):
    assert_problem(client.get("/addin/node_modules/x.js"), 404, "not-found")
    assert_problem(client.post("/addin/"), 405, "method-not-allowed")
