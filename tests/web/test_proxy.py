"""Behind nginx configured exactly as docs/deploy.md says, slow clients tie up only the proxy: the
backend sees complete requests only, and healthz and an audit through the proxy keep answering.

A real ``noai serve --http`` (one worker: the hardest case) behind a real nginx, both on loopback.
Skips when nginx is not installed (scripts/test installs Debian's nginx-light where it can)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from noai.web.certs import make_certificates

from .conftest import DOCX_TYPE
from .live import live_server
from .proxy import nginx, nginx_config, nginx_proxy

pytestmark = pytest.mark.timeout(240)
needs_nginx = pytest.mark.skipif(nginx() is None, reason="nginx is not installed (apt-get install nginx-light)")

SLOW_HEADERS = b"GET /api/v1/clauses HTTP/1.1\r\nHost: x\r\n", b"X-Slow: " + b"a" * 60
SLOW_BODY = (
    b"POST /api/v1/plan HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 5000\r\n\r\n",
    b"PK" * 30,
)


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    """``(nginx_base, ssl_context, backend_process)``."""
    if nginx() is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    folder = tmp_path_factory.mktemp("proxy")
    certs = make_certificates(folder / "certs", hosts=[])
    with ExitStack() as stack:
        backend, _, process = stack.enter_context(live_server(folder, env={"NOAI_LOG_LEVEL": "INFO"}))
        process.port = int(backend.rsplit(":", 1)[1])
        base, context = stack.enter_context(nginx_proxy(folder / "nginx", process.port, certs))
        yield base, context, process


@contextmanager
def trickling(base: str, context, specs):
    """Clients that send a request's start at once, then a byte a second over TLS, until stopped."""
    stop = threading.Event()

    def trickle(prefix: bytes, drip: bytes) -> None:
        host, port = base.split("//")[1].split(":")
        try:
            with socket.create_connection((host, int(port)), timeout=30) as raw:
                sock = context.wrap_socket(raw, server_hostname=host)
                sock.sendall(prefix)
                for byte in drip:
                    if stop.wait(1.0):
                        return
                    sock.sendall(bytes([byte]))
        except OSError:
            pass  # cut off by the proxy's deadline

    threads = [threading.Thread(target=trickle, args=spec, daemon=True) for spec in specs]
    for t in threads:
        t.start()
    time.sleep(1.5)  # all connected and trickling
    try:
        yield
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=15)


def established(port: int) -> int:
    """Open TCP connections whose local end is 127.0.0.1:``port`` (what the backend holds)."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        count += local == f"0100007F:{port:04X}" and state == "01"
    return count


def timed(request: urllib.request.Request, context) -> tuple[float, bytes]:
    started = time.monotonic()
    with urllib.request.urlopen(request, context=context, timeout=30) as response:
        assert response.status == 200
        body = response.read()
    return time.monotonic() - started, body


@needs_nginx
def test_the_documented_nginx_configuration_buffers_bodies_in_memory_with_deadlines(tmp_path):
    conf = nginx_config(tmp_path, 1, 2, tmp_path / "c.pem", tmp_path / "k.pem").read_text()
    assert "proxy_request_buffering on;" in conf and "proxy_request_buffering off" not in conf
    lines = (line.split()[:2] for line in conf.splitlines() if line.strip()[:1].isalpha())
    limits = {name: value.rstrip(";") for name, value in lines}
    assert limits["client_max_body_size"] == "25m"  # = NOAI_MAX_CONTENT_LENGTH's default
    assert limits["client_body_buffer_size"] == limits["client_max_body_size"]  # bodies never in a temporary file
    for deadline in ("client_header_timeout", "client_body_timeout", "send_timeout", "proxy_read_timeout"):
        assert deadline in limits, deadline
    assert limits["proxy_max_temp_file_size"] == "0"  # nor answers


@needs_nginx
def test_eight_slow_clients_at_the_proxy_leave_healthz_and_an_audit_through_it_answering(proxied, example_docx):
    base, context, backend = proxied
    backend_port = backend.port
    with trickling(base, context, [SLOW_HEADERS] * 4 + [SLOW_BODY] * 4):
        health = [timed(urllib.request.Request(f"{base}/api/v1/healthz"), context)[0] for _ in range(5)]
        audit = urllib.request.Request(
            f"{base}/api/v1/audit", data=example_docx, method="POST", headers={"Content-Type": DOCX_TYPE}
        )
        audit_time, body = timed(audit, context)
        assert json.loads(body)["schema"].startswith("noai.audit/")
        seen = backend.log_so_far()
        held = established(backend_port)
    assert max(health) < 1.0, health
    assert audit_time < 5.0, audit_time  # generous: a busy machine; the benchmark measures < 1 s
    # the backend saw the complete requests, and not one of the trickling ones
    assert "/api/v1/audit" in seen and "/api/v1/healthz" in seen, seen
    assert "/api/v1/plan" not in seen and "/api/v1/clauses" not in seen, seen
    assert held == 0, f"{held} connections to the backend open while only the slow clients are"
