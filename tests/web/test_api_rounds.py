"""The previous document (the redline we sent) as the second multipart field ``previous``."""

from __future__ import annotations

import io
from datetime import datetime

from noai import engine, schemas
from tests.support.replies import COUNSEL, Reply

TRAINING_LIMB = "to train, pre-train, fine-tune or otherwise improve"


def _sent(docx: bytes) -> bytes:
    return engine.redline(docx, author="Studio Counsel", date=datetime(2026, 1, 10)).docx


def test_audit_compares_a_reply_with_the_previous_field(client, example_docx):
    sent = _sent(example_docx)
    returned = Reply(sent).accept().strike(TRAINING_LIMB).remove_record().bytes()
    alone = client.post("/api/v1/audit", data={"file": (io.BytesIO(returned), "r.docx")}).get_json()
    assert "negotiation" not in alone
    form = {"file": (io.BytesIO(returned), "r.docx"), "previous": (io.BytesIO(sent), "s.docx")}
    answer = client.post("/api/v1/audit", data=form)
    assert answer.status_code == 200
    data = answer.get_json()
    assert schemas.problems("audit", data) == []
    assert data["negotiation"]["source"] == "previous"
    assert any(c["author"] == COUNSEL for c in data["negotiation"]["changes"])
    assert data["protections"]["no_ai_restriction"]["status"] == "weakened"


def test_a_previous_field_that_is_not_a_word_document_is_a_problem(client, example_docx):
    form = {"file": (io.BytesIO(example_docx), "r.docx"), "previous": (io.BytesIO(b"not a docx"), "s.docx")}
    answer = client.post("/api/v1/audit", data=form)
    assert answer.status_code in (400, 415, 422)
    assert answer.mimetype == "application/problem+json"


def test_the_openapi_document_names_the_previous_field(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for path in ("/audit", "/redline"):
        form = spec["paths"][path]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
        assert "previous" in form["properties"] and form["required"] == ["file"]
    plan_form = spec["paths"]["/plan"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert "previous" not in plan_form["properties"]


def test_redline_says_in_a_header_how_many_ways_round_two_asks_for_more_than_the_last(client):
    from test_round_two_fall_back import GAME, returned

    reply = returned(GAME, "standard")  # the training strike rejected; the rest accepted
    counts = {}
    for variant in ("strict", "standard"):
        form = {"file": (io.BytesIO(reply), "r.docx"), "variant": variant, "we": "Contractor"}
        answer = client.post("/api/v1/redline", data=form)
        assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
        counts[variant] = answer.headers["X-Noai-Escalates"]
    assert counts == {"strict": "2", "standard": "0"}, counts
    from noai.web.security import CORS_EXPOSED

    assert "X-Noai-Escalates" in CORS_EXPOSED  # the task pane may read it
