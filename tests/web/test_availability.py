"""Slow and idle clients cannot starve ``noai serve``; gunicorn's own errors, chunked bodies and the
request deadline answer problem JSON; nothing a client sends can forge a log line.

Against a real server (gunicorn + noai's gevent worker) over loopback, one worker: the hardest case."""

from __future__ import annotations

import io
import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
import zipfile
from contextlib import contextmanager

import pytest

from noai.web.certs import make_certificates

from .conftest import DOCX_TYPE, assert_problem
from .live import live_server, raw_request

pytestmark = pytest.mark.timeout(180)
FAST = {
    "NOAI_HEADER_TIMEOUT": "3",
    "NOAI_BODY_TIMEOUT": "3",
    "NOAI_HANDSHAKE_TIMEOUT": "3",
    "NOAI_MAX_CONTENT_LENGTH": str(1024 * 1024),
}


@pytest.fixture(scope="module")
def http_server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("http"), env=FAST) as server:
        yield server


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("certs"), hosts=[])


def status_and_body(answer: bytes) -> tuple[int, dict, dict]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, json.loads(body)


def assert_raw_problem(answer: bytes, status: int) -> dict:
    got, headers, body = status_and_body(answer)
    assert got == status, answer[:300]
    assert headers["content-type"] == "application/problem+json"
    assert body["status"] == status and body["type"] == f"/problems/{body['code']}"
    assert body["request_id"] == headers["x-request-id"]
    assert body["title"] and body["detail"]
    return body


class SlowClient(threading.Thread):
    """Sends ``prefix`` then one byte of ``drip`` every ``every`` s, as long as the server listens."""

    def __init__(self, base, prefix: bytes, drip: bytes, every: float = 1.0, context=None, stop=None):
        super().__init__(daemon=True)
        self.base, self.prefix, self.drip, self.every, self.context = base, prefix, drip, every, context
        self.stop, self.closed_after = stop, None

    def run(self):
        host, port = self.base.split("//")[1].split(":")
        started = time.monotonic()
        try:
            with socket.create_connection((host, int(port)), timeout=30) as sock:
                sock.sendall(self.prefix)
                for byte in self.drip:
                    if self.stop.is_set():
                        return
                    sock.sendall(bytes([byte]))
                    time.sleep(self.every)
        except OSError:
            self.closed_after = time.monotonic() - started


@contextmanager
def slow_clients(base, specs, context=None):
    stop = threading.Event()
    clients = [SlowClient(base, prefix, drip, stop=stop) for prefix, drip in specs]
    for c in clients:
        c.start()
    time.sleep(1.5)  # every one of them is connected and trickling
    try:
        yield clients
    finally:
        stop.set()
        for c in clients:
            c.join(timeout=10)


def timed_get(url: str, context=None) -> float:
    started = time.monotonic()
    with urllib.request.urlopen(url, context=context, timeout=10) as response:
        assert response.status == 200
        response.read()
    return time.monotonic() - started


HEADER_DRIP = (b"GET /api/v1/healthz HTTP/1.1\r\n", b"X-Slow: " + b"a" * 60)
BODY_DRIP = (
    b"POST /api/v1/audit HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 5000\r\n\r\n",
    b"PK" * 60,
)


def test_eight_slow_clients_leave_healthz_and_an_audit_answering_at_once(http_server, example_docx):
    base, _, _ = http_server
    with slow_clients(base, [HEADER_DRIP] * 4 + [BODY_DRIP] * 4):
        times = [timed_get(f"{base}/api/v1/healthz") for _ in range(5)]
        request = urllib.request.Request(
            f"{base}/api/v1/audit", data=example_docx, method="POST", headers={"Content-Type": DOCX_TYPE}
        )
        started = time.monotonic()
        with urllib.request.urlopen(request, timeout=30) as response:
            assert json.load(response)["schema"].startswith("noai.audit/")
        audit_time = time.monotonic() - started
    assert max(times) < 1.0, times
    assert audit_time < 5.0, audit_time


def test_slow_headers_and_slow_bodies_are_cut_off_at_their_deadlines(http_server):
    base, _, _ = http_server
    with slow_clients(base, [HEADER_DRIP, BODY_DRIP]) as clients:
        for c in clients:
            c.join(timeout=15)
    assert all(c.closed_after is not None and c.closed_after < 10 for c in clients), [c.closed_after for c in clients]


def test_a_body_sent_too_slowly_is_a_408_problem(http_server):
    base, _, _ = http_server
    host, port = base.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        sock.sendall(BODY_DRIP[0] + b"PK")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert_raw_problem(answer, 408)


def test_gunicorns_own_400_414_and_431_are_problem_json(http_server):
    base, _, _ = http_server
    assert_raw_problem(raw_request(base, b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"), 414)
    assert_raw_problem(raw_request(base, b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-A: b\r\n" * 200 + b"\r\n"), 431)
    assert_raw_problem(raw_request(base, b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"), 400)
    assert_raw_problem(raw_request(base, b"\x16\x03\x01 nonsense\r\n\r\n"), 400)


CHUNKED = (
    b"POST /api/v1/audit HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n"
)


def test_a_malformed_chunked_body_is_a_400_problem_and_no_error_in_the_log(tmp_path):
    with live_server(tmp_path, env=FAST) as (base, _, process):
        for body in (b"zz\r\nabc\r\n0\r\n\r\n", b"3\r\nabcXY0\r\n\r\n", b"3;\x01=\x02\r\nabc\r\n0\r\n\r\n"):
            assert_raw_problem(raw_request(base, CHUNKED + body), 400)
    assert " ERROR " not in process.log and "Traceback" not in process.log, process.log


def test_a_chunked_upload_over_the_limit_is_a_413_not_a_truncated_document(http_server):
    base, _, _ = http_server
    part = b"x" * (256 * 1024)
    body = b"".join(b"%x\r\n" % len(part) + part + b"\r\n" for _ in range(5)) + b"0\r\n\r\n"
    assert_raw_problem(raw_request(base, CHUNKED + body), 413)


def test_a_chunked_upload_within_the_limit_is_audited(http_server, example_docx):
    base, _, _ = http_server
    body = (
        b"".join(
            b"%x\r\n" % len(example_docx[i : i + 4096]) + example_docx[i : i + 4096] + b"\r\n"
            for i in range(0, len(example_docx), 4096)
        )
        + b"0\r\n\r\n"
    )
    answer = raw_request(base, CHUNKED.replace(b"Host: x", b"Host: x\r\nConnection: close") + body)
    status, _, audit = status_and_body(answer)
    assert status == 200 and audit["schema"].startswith("noai.audit/")


def test_a_line_break_in_the_path_cannot_forge_a_log_line(tmp_path):
    with live_server(tmp_path, env=FAST) as (base, _, process):
        raw_request(
            base, b"GET /api/v1/x%0A2026-01-01%20INFO%20forged%0D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        raw_request(base, b"GET /a\nb\x1b[31m HTTP/1.1\r\nHost: x\r\n\r\n")
    forged = [line for line in process.log.splitlines() if "forged" in line]
    assert len(forged) == 1 and "\\n2026-01-01 INFO forged\\r" in forged[0], process.log
    assert "\x1b" not in process.log


def test_the_log_filter_escapes_control_characters_in_logged_paths(client, caplog):
    with caplog.at_level(logging.INFO, logger="noai.web"):
        client.get("/api/v1/x%0AINFO%20forged%E2%80%A8y")
    (line,) = [r.getMessage() for r in caplog.records if r.name == "noai.web"]
    assert "\n" not in line and "\u2028" not in line and "\\nINFO forged\\u2028y" in line


def slow_hello() -> tuple[bytes, bytes]:
    """The first bytes of a TLS ClientHello, then the rest a byte a second."""
    return b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", b"\x00" * 60


def test_slow_tls_hellos_leave_https_answering_and_are_cut_off(tmp_path, certs):
    with (
        live_server(tmp_path, certs=certs, env=FAST) as (base, context, _),
        slow_clients(base, [slow_hello()] * 8) as clients,
    ):
        times = [timed_get(f"{base}/api/v1/healthz", context) for _ in range(5)]
        for c in clients:
            c.join(timeout=15)
    assert max(times) < 1.0, times
    assert all(c.closed_after is not None and c.closed_after < 10 for c in clients)


def test_idle_preopened_connections_do_not_stall_https_requests(tmp_path, certs):
    """Browsers (and WebView2) open connections before they need them and leave them idle."""
    with live_server(tmp_path, certs=certs, env=FAST) as (base, context, _):
        host, port = base.split("//")[1].split(":")
        idle = [
            context.wrap_socket(socket.create_connection((host, int(port))), server_hostname=host) for _ in range(12)
        ]
        try:
            times = [timed_get(f"{base}/addin/taskpane.html", context) for _ in range(5)]
        finally:
            for s in idle:
                s.close()
    assert max(times) < 1.0, times


def test_a_request_past_the_deadline_is_stopped_between_stages_with_a_503(make_app, example_docx):
    client = make_app(TIMEOUT=0).test_client()
    for path in ("audit", "plan", "redline"):
        response = client.post(f"/api/v1/{path}", data=example_docx, content_type=DOCX_TYPE)
        assert "NOAI_TIMEOUT" in assert_problem(response, 503, "deadline-exceeded")["detail"]


def test_the_engine_checks_the_deadline_between_each_stage(example_docx, revision_date):
    from noai import engine

    calls = []
    options = engine.Options(check=lambda: calls.append(1))
    engine.audit(example_docx, check=options.check)
    assert len(calls) == 1
    engine.redline(example_docx, author="t", date=revision_date, options=options)
    assert len(calls) == 1 + 3

    def stop():
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError, match="stopped"):
        engine.plan(example_docx, engine.Options(check=stop))


def test_a_request_within_the_deadline_is_answered(make_app, example_docx):
    response = make_app(TIMEOUT=60).test_client().post("/api/v1/audit", data=example_docx, content_type=DOCX_TYPE)
    assert response.status_code == 200


def repeated_body(docx: bytes, times: int) -> bytes:
    """``docx`` with its body repeated ``times`` times: a long contract (big XML, small zip)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                start, end = data.index(b"<w:body>") + len(b"<w:body>"), data.rindex(b"<w:sectPr")
                data = data[:start] + data[start:end] * times + data[end:]
            target.writestr(item, data)
    return out.getvalue()


def test_a_stage_still_running_at_the_hard_limit_is_stopped_by_restarting_its_worker(tmp_path, example_docx):
    long = repeated_body(example_docx, 1500)  # ~30 MiB of XML: reading it alone takes seconds
    with live_server(tmp_path, env={**FAST, "NOAI_TIMEOUT": "0.5"}) as (base, _, process):
        request = urllib.request.Request(
            f"{base}/api/v1/audit", data=long, method="POST", headers={"Content-Type": DOCX_TYPE}
        )
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(request, timeout=60)
        took = time.monotonic() - started
        assert answer.value.code == 503
        assert json.load(answer.value)["code"] == "deadline-exceeded"
        deadline = time.monotonic() + 30
        while "Booting worker" not in process.log_so_far() or process.log_so_far().count("Booting worker") < 2:
            assert time.monotonic() < deadline, "no new worker"
            time.sleep(0.2)
        # answered again at once by the new worker (a stuck one would not answer within timed_get's 10 s); the
        # bound leaves room for a busy machine, where a fresh worker's first answer took 1.1 s at load 10
        assert timed_get(f"{base}/api/v1/healthz") < 5.0
    assert took < 10, took  # the engine would have gone on for much longer
    assert "Worker exiting" in process.log
