"""The memory budget: refused before parsing above the per-request budget (413), 503 with
Retry-After while the server-wide budget is taken, reservations of dead workers not counted."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from noai import engine
from noai.ooxml.package import MEMORY_PER_XML_BYTE, xml_bytes_to_parse
from noai.web import budget

from .conftest import DOCX_TYPE, assert_problem

MIB = 1024 * 1024


def with_parts(docx: bytes, extra: dict[str, bytes]) -> bytes:
    """``docx`` with more (or replaced) parts."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename not in extra:
                target.writestr(item, source.read(item.filename))
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


def test_the_estimate_counts_the_xml_the_job_parses_and_not_the_rest(example_docx):
    base = xml_bytes_to_parse(example_docx, stories=False)
    bigger = with_parts(
        example_docx,
        {
            "word/footer9.xml": b"<w:ftr/>" + b" " * 100_000,
            "word/media/big.xml": b" " * 100_000,
            "word/extra.xml": b" " * 100_000,
        },
    )
    assert xml_bytes_to_parse(bigger, stories=False) == base + 100_000  # the footer: the writer's only
    assert xml_bytes_to_parse(bigger, stories=True) == base + 100_000 + 100_008
    assert engine.memory_estimate(bigger) == len(bigger) + MEMORY_PER_XML_BYTE * (base + 100_000)
    assert xml_bytes_to_parse(b"<xml/>" * 10, stories=False) == 60  # Flat OPC: parsed whole


def test_a_document_over_the_per_request_budget_is_refused_before_parsing(make_app, example_docx, monkeypatch):
    # 60 MiB of XML in a few hundred KiB: within the zip limits, over a 1 GiB budget at 20x
    bloated = with_parts(
        example_docx,
        {
            "word/document.xml": zipfile.ZipFile(io.BytesIO(example_docx))
            .read("word/document.xml")
            .replace(b"<w:body>", b"<w:body>" + b" " * 60 * MIB)
        },
    )
    assert len(bloated) < 2 * MIB

    def parsed(*args, **kwargs):
        raise AssertionError("the document was parsed")

    monkeypatch.setattr(engine, "read_document", parsed)
    client = make_app(REQUEST_MEMORY=1024 * MIB).test_client()
    for path in ("audit", "plan", "redline"):
        body = assert_problem(
            client.post(f"/api/v1/{path}", data=bloated, content_type=DOCX_TYPE), 413, "document-too-large"
        )
        assert "NOAI_REQUEST_MEMORY" in body["detail"]


def test_the_per_request_budget_is_never_above_the_servers(make_app):
    assert make_app(MAX_MEMORY=256 * MIB, REQUEST_MEMORY=1024 * MIB).config["REQUEST_MEMORY"] == 256 * MIB


def test_while_the_server_budget_is_taken_a_request_gets_503_with_retry_after(make_app, example_docx):
    total = 512 * MIB + 7  # a budget of its own, not shared with the other tests
    client = make_app(MAX_MEMORY=total).test_client()
    with budget.shared(total).reserve(total - MIB):
        response = client.post("/api/v1/audit", data=example_docx, content_type=DOCX_TYPE)
        assert_problem(response, 503, "server-busy")
        assert response.headers["Retry-After"] == str(budget.RETRY_AFTER)
    assert client.post("/api/v1/audit", data=example_docx, content_type=DOCX_TYPE).status_code == 200
    assert budget.shared(total).used() == 0


def test_a_request_holds_its_estimate_only_while_it_runs(make_app, example_docx, monkeypatch):
    total = 512 * MIB + 11
    seen = []
    original = engine.audit

    def audit(*args, **kwargs):
        seen.append(budget.shared(total).used())
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "audit", audit)
    client = make_app(MAX_MEMORY=total).test_client()
    assert client.post("/api/v1/audit", data=example_docx, content_type=DOCX_TYPE).status_code == 200
    assert seen == [engine.memory_estimate(example_docx)]
    assert budget.shared(total).used() == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_the_budget_is_shared_by_forked_workers_and_a_dead_ones_reservation_is_freed():
    account = budget.MemoryBudget(100 * MIB)
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # a worker that reserves, then dies without releasing (killed at its timeout)
        try:
            with account.reserve(60 * MIB):
                os.write(ready_w, b"x")
                os.read(go_r, 1)
                os._exit(0)
        finally:
            os._exit(1)
    try:
        os.read(ready_r, 1)
        assert account.used() == 60 * MIB
        with pytest.raises(Exception, match="busy"), account.reserve(50 * MIB):
            pass
    finally:
        os.write(go_w, b"x")
        os.waitpid(pid, 0)
    assert account.used() == 0
    with account.reserve(90 * MIB):
        assert account.used() == 90 * MIB
