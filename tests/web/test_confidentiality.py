"""Contracts are confidential: no request leaves a file behind or puts document text in the log."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import tempfile
import threading
import zipfile

import pytest

from .conftest import DOCX_TYPE

SECRET = "Quillfeather Orbital agrees to pay seventeen marmosets per fortnight."


def with_sentence(docx: bytes, sentence: str) -> bytes:
    """``docx`` with one more paragraph holding ``sentence``, before the body's w:sectPr."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                paragraph = f"<w:p><w:r><w:t>{sentence}</w:t></w:r></w:p>".encode()
                at = data.rindex(b"<w:sectPr")
                data = data[:at] + paragraph + data[at:]
            target.writestr(item, data)
    return out.getvalue()


@pytest.fixture
def secret_docx(example_docx) -> bytes:
    return with_sentence(example_docx, SECRET)


def listing(folder: str) -> set[str]:
    return {os.path.join(root, name) for root, dirs, files in os.walk(folder) for name in dirs + files}


def requests_of(client, docx: bytes):
    yield client.post("/api/v1/audit", data=docx, content_type=DOCX_TYPE)
    yield client.post("/api/v1/plan", data={"file": (io.BytesIO(docx), "secret.docx")})
    yield client.post("/api/v1/redline", data={"file": (io.BytesIO(docx), "secret.docx")})
    yield client.post("/api/v1/redline?author=x", data=docx, content_type="application/octet-stream")


def test_the_secret_sentence_is_in_the_document_the_tests_post(client, secret_docx):
    audit = client.post("/api/v1/audit", data=secret_docx, content_type=DOCX_TYPE).get_json()
    assert any(SECRET in p.get("text", "") for p in audit["paragraphs"])


@pytest.fixture
def busy_system_temp():
    """Another program writing files into the machine's temporary folder all along."""
    stop, folder = threading.Event(), tempfile.gettempdir()

    def write():
        for i in range(100_000):  # bounded
            if stop.wait(0.005):
                return
            path = os.path.join(folder, f"noai-test-neighbour-{os.getpid()}-{i % 5}")
            with open(path, "wb") as f:
                f.write(b"x")
            if i % 2:
                os.unlink(path)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    yield
    stop.set()
    writer.join()
    for i in range(5):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(folder, f"noai-test-neighbour-{os.getpid()}-{i}"))


def test_no_request_writes_a_file(client, secret_docx, monkeypatch, tmp_path, busy_system_temp):
    # the server's own temporary folder and working folder, private to this test: other
    # processes writing into the machine's temp folder (busy_system_temp) cannot disturb it
    private_tmp, work = tmp_path / "tmp", tmp_path / "work"
    private_tmp.mkdir()
    work.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    monkeypatch.chdir(work)
    assert tempfile.gettempdir() == str(private_tmp)
    before_tmp, before_cwd = listing(str(private_tmp)), listing(".")

    def refuse(*args, **kwargs):
        raise AssertionError("a temporary file was asked for")

    for name in ("TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "mkstemp", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, refuse)
    # a form over 500 KB: Werkzeug would spool its files to a temporary file
    padding = {"padding": (io.BytesIO(b"x" * 600_000), "padding.bin")}
    upload = {"file": (io.BytesIO(secret_docx), "s.docx"), **padding}
    assert client.post("/api/v1/audit", data=upload).status_code == 200
    for response in requests_of(client, secret_docx):
        assert response.status_code == 200
    assert listing(".") == before_cwd
    assert listing(str(private_tmp)) == before_tmp


def test_no_log_record_holds_document_text(client, secret_docx, caplog):
    with caplog.at_level(logging.DEBUG):
        for response in requests_of(client, secret_docx):
            assert response.status_code == 200
        client.post("/api/v1/audit", data=secret_docx[:-200], content_type=DOCX_TYPE)  # a damaged one
    assert caplog.records, "the requests were logged"
    for record in caplog.records:
        text = record.getMessage() + str(record.args) + (record.exc_text or "")
        assert "Quillfeather" not in text and "marmosets" not in text


def test_each_request_is_logged_once_with_its_request_id_and_no_query_string(client, example_docx, caplog):
    with caplog.at_level(logging.INFO, logger="noai.web"):
        client.post(
            "/api/v1/plan?variant=strict",
            data=example_docx,
            content_type=DOCX_TYPE,
            headers={"X-Request-ID": "trace-7"},
        )
    lines = [r for r in caplog.records if r.name == "noai.web"]
    assert len(lines) == 1
    assert lines[0].request_id == "trace-7"
    assert lines[0].getMessage().startswith("POST /api/v1/plan 200 ")
    assert "strict" not in lines[0].getMessage()
