"""Fixtures of the web tests: the app (no NOAI_* variables of the environment leak in), its
test client, the documents posted, and :func:`assert_problem`, the one check of the error shape."""

from __future__ import annotations

import pytest

from noai import schemas
from noai.web import create_app

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "code", "request_id"}


def assert_problem(response, status: int, code: str | None = None) -> dict:
    """``response`` is RFC 9457 problem JSON with ``status`` (and ``code``); returns the body."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert set(body) >= PROBLEM_KEYS, body
    assert body["status"] == status
    assert body["type"] == f"/problems/{body['code']}"
    assert body["request_id"] == response.headers["X-Request-ID"]
    assert body["title"] and body["detail"]
    assert "Traceback" not in response.get_data(as_text=True)
    assert schemas.problems("problem", body) == []
    if code is not None:
        assert body["code"] == code
    return body


@pytest.fixture(autouse=True)
def no_noai_environment(monkeypatch):
    import os

    for name in [n for n in os.environ if n.startswith("NOAI_")]:
        monkeypatch.delenv(name)


@pytest.fixture
def make_app():
    """``make_app(**config)``: a testing app with ``config`` over the defaults."""
    return lambda **config: create_app({"TESTING": True, **config})


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def flat_opc(data_dir) -> bytes:
    """A Flat OPC package (what Word's ``body.getOoxml()`` gives) of a corpus contract."""
    return (data_dir / "web" / "oa-confidentiality-invention-assignment-flat.xml").read_bytes()


@pytest.fixture
def post_docx(client, example_docx):
    """``post_docx(path, data=example, query=...)``: the document as a raw .docx body."""

    def post(path: str, data: bytes | None = None, **query):
        return client.post(
            path, data=example_docx if data is None else data, content_type=DOCX_TYPE, query_string=query
        )

    return post
