"""A real ``noai serve`` (gunicorn + the noai worker) in a subprocess, for the tests that need
sockets: slow clients, gunicorn's own errors, chunked bodies, schemathesis over HTTP."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

SERVER = Path(__file__).resolve().parents[2] / "server"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(cwd: Path, *, certs=None, workers: int = 1, env: dict | None = None):
    """Yields ``(base_url, ssl_context_or_None, process)``; stops the server afterwards.

    The server's log (stderr) is collected into ``process.log`` once it has stopped."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NOAI_")}
    environ["PYTHONPATH"] = os.pathsep.join([str(SERVER), environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    environ.update(env or {})
    args = [
        sys.executable,
        "-c",
        "import sys; from noai.cli import main; sys.exit(main())",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    args += ["--cert", str(certs.cert), "--key", str(certs.key)] if certs else ["--http"]
    log = cwd / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(args, cwd=cwd, env=environ, stdout=subprocess.DEVNULL, stderr=sink)
    process.log_so_far = lambda: log.read_text(errors="replace")  # type: ignore[attr-defined]
    context = ssl.create_default_context(cafile=str(certs.ca_cert)) if certs else None
    base = f"{'https' if certs else 'http'}://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                urllib.request.urlopen(f"{base}/api/v1/healthz", context=context, timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        yield base, context, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        process.log = log.read_text(errors="replace")
        log.unlink()


def raw_request(base: str, data: bytes, context=None, timeout: float = 10) -> bytes:
    """Send ``data`` as it is on a fresh connection and return everything the server answers."""
    host, port = base.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        conn = context.wrap_socket(sock, server_hostname=host) if context else sock
        conn.sendall(data)
        chunks = []
        while True:
            try:
                chunk = conn.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
