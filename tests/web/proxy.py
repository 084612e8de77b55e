"""nginx configured exactly as docs/deploy.md says, in front of a ``noai serve --http``, on loopback.

The server block is read from the ``nginx`` fence of docs/deploy.md; only what must differ on a
test machine is replaced (each replacement must match exactly once, so a change to the documented
configuration shows here): the listen address (127.0.0.1 and a free port), the certificate files
(a throw-away CA's) and the backend's port. Everything else (buffering, body size, deadlines) is the
documented text. Self-contained (no relative imports): benchmarks/service.py uses it too."""

from __future__ import annotations

import os
import re
import shutil
import socket
import ssl
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


def nginx() -> str | None:
    """The nginx binary (Debian puts it in /usr/sbin, which a user's PATH may lack)."""
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def documented_server_block() -> str:
    blocks = re.findall(r"```nginx\n(.*?)```", DEPLOY.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "docs/deploy.md should give exactly one nginx configuration"
    return blocks[0]


def _replace(text: str, pattern: str, new: str) -> str:
    text, count = re.subn(pattern, new, text, flags=re.M)
    assert count == 1, f"docs/deploy.md's nginx configuration: {pattern!r} matched {count} times, not once"
    return text


def nginx_config(folder: Path, port: int, backend_port: int, cert: Path, key: Path) -> Path:
    """Write ``folder/nginx.conf``: the documented server block inside a minimal main block whose
    pid file, logs and temporary folders all live in ``folder``."""
    server = documented_server_block()
    server = _replace(server, r"^(\s*listen\s+)443(\s)", rf"\g<1>127.0.0.1:{port}\2")
    server = _replace(server, r"^(\s*ssl_certificate\s+)\S+;", rf"\g<1>{cert};")
    server = _replace(server, r"^(\s*ssl_certificate_key\s+)\S+;", rf"\g<1>{key};")
    server = _replace(server, r"(proxy_pass\s+http://127\.0\.0\.1:)8000;", rf"\g<1>{backend_port};")
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach the private temp folder
    conf = folder / "nginx.conf"
    conf.write_text(
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
        f"events {{ worker_connections 512; }}\n"
        f"http {{\n    access_log off;\n{temp}\n{server}}}\n",
        encoding="utf-8",
    )
    return conf


@contextmanager
def nginx_proxy(folder: Path, backend_port: int, certs):
    """Yields ``(base_url, ssl_context)`` of nginx on 127.0.0.1 proxying to ``backend_port``;
    stops it afterwards. ``certs``: noai.web.certs.make_certificates's result."""
    binary = nginx()
    assert binary, "nginx is not installed"
    folder.mkdir(parents=True, exist_ok=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    conf = nginx_config(folder, port, backend_port, certs.cert, certs.key)
    check = subprocess.run(
        [binary, "-t", "-p", f"{folder}/", "-e", str(folder / "error.log"), "-c", str(conf)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert check.returncode == 0, check.stderr + conf.read_text()
    process = subprocess.Popen(
        [binary, "-p", f"{folder}/", "-e", str(folder / "error.log"), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    context = ssl.create_default_context(cafile=str(certs.ca_cert))
    base = f"https://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (folder / "error.log").read_text(errors="replace")
            try:
                urllib.request.urlopen(f"{base}/api/v1/healthz", context=context, timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.2)
        yield base, context
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown, its workers with it
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
