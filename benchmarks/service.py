"""The service under slow clients, fresh browsers, big documents and many requests (not a test).

Starts the default ``noai serve`` over HTTPS (a throw-away local CA and certificate in a
temporary folder; the default worker model and deadlines; ``NOAI_MAX_MEMORY`` as given) on
loopback, then measures, in turn:

1. ``slow``: 8 slow clients (3 sending their headers, 3 their body, 2 their TLS hello, a byte a
   second) while ``healthz`` and a small audit are timed: every answer must take < 1 s;
2. ``browsers``: ``--browsers`` fresh headless Chromium sessions (a new profile each) loading the
   task pane; a stall is a session that takes more than 10 s;
3. ``memory``: peak and retained resident memory of the server (master + workers) for the
   big-XML upload (a ~15 MiB .docx whose XML parts are ~60 MiB each), sequential and 4 at once,
   and for 8 concurrent ~1,700-page contracts (a Word-made corpus contract's body repeated);
4. ``mixed``: ``--requests`` mixed requests (healthz, clauses, a rendered clause, audit, plan,
   redline of a small contract) from 4 clients: errors must be 0.

    python3 benchmarks/service.py [--only slow,browsers,memory,mixed] [--browsers 50]
                                  [--requests 1000] [--pages 1700] [--max-memory-mib 3072]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "server"))

from api_load import children, free_port, rss_mib  # noqa: E402

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXAMPLE = (REPO / "examples" / "agency-services-agreement.docx").read_bytes()
CORPUS = REPO / "tests" / "data" / "corpus"


# -- the server ------------------------------------------------------------------------------


class Server:
    def __init__(self, folder: Path, max_memory: int):
        from noai.web.certs import make_certificates

        self.certs = make_certificates(folder / "certs", hosts=[])
        self.port = free_port()
        self.base = f"https://127.0.0.1:{self.port}"
        self.context = ssl.create_default_context(cafile=str(self.certs.ca_cert))
        env = {k: v for k, v in os.environ.items() if not k.startswith("NOAI_")}
        env.update(PYTHONPATH=str(REPO / "server"), NOAI_MAX_MEMORY=str(max_memory), NOAI_LOG_LEVEL="WARNING")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "noai.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--cert", str(self.certs.cert), "--key", str(self.certs.key)],
            cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            try:
                self.get("/api/v1/healthz")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def get(self, path: str, timeout: float = 30) -> tuple[int, bytes]:
        return self.request("GET", path, None, timeout)

    def request(self, method: str, path: str, body: bytes | None, timeout: float = 300,
                content_type: str = DOCX_TYPE) -> tuple[int, bytes]:
        req = urllib.request.Request(self.base + path, data=body, method=method,
                                     headers={"Content-Type": content_type} if body is not None else {})
        try:
            with urllib.request.urlopen(req, context=self.context, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def rss_mib(self) -> float:
        """Resident memory of the master and its workers."""
        total = 0.0
        for pid in [self.process.pid, *children(self.process.pid)]:
            with contextlib.suppress(OSError):  # a worker that just exited
                total += rss_mib(pid)
        return total

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


class Sampler(threading.Thread):
    """The server's peak resident memory while a block runs (sampled every 50 ms)."""

    def __init__(self, server: Server):
        super().__init__(daemon=True)
        self.server, self.peak, self.done = server, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, self.server.rss_mib())
            time.sleep(0.05)

    def __enter__(self) -> Sampler:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.join()


# -- 1. slow clients -------------------------------------------------------------------------


def trickle(server: Server, prefix: bytes, drip: bytes, tls: bool, stop: threading.Event) -> None:
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as raw:
            sock = server.context.wrap_socket(raw, server_hostname="127.0.0.1") if tls else raw
            sock.sendall(prefix)
            for byte in drip:
                if stop.is_set():
                    return
                sock.sendall(bytes([byte]))
                time.sleep(1.0)
    except OSError:
        pass  # cut off by the server's deadline: what it should do


def slow(server: Server) -> dict:
    head = b"GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\n"
    body = (b"POST /api/v1/audit HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Length: 100000\r\n\r\n")
    hello = b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"
    specs = [(head, b"X" * 120, True)] * 3 + [(body, b"PK" * 60, True)] * 3 + [(hello, b"\x00" * 120, False)] * 2
    stop = threading.Event()
    threads = [threading.Thread(target=trickle, args=(server, p, d, tls, stop), daemon=True) for p, d, tls in specs]
    for t in threads:
        t.start()
    time.sleep(2)
    times: dict[str, list[float]] = {"healthz": [], "audit": []}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # bounded: 30 s of probes while the trickles go on
        for name, call in (("healthz", lambda: server.get("/api/v1/healthz")),
                           ("audit", lambda: server.request("POST", "/api/v1/audit", EXAMPLE))):
            started = time.monotonic()
            status, _ = call()
            assert status == 200, status
            times[name].append(time.monotonic() - started)
        time.sleep(0.5)
    stop.set()
    return {name: {"n": len(v), "max_s": round(max(v), 3), "median_s": round(sorted(v)[len(v) // 2], 3)}
            for name, v in times.items()}


# -- 2. fresh browsers -----------------------------------------------------------------------


def browsers(server: Server, sessions: int, folder: Path) -> dict:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return {"skipped": "no chromium"}
    durations, stalls = [], 0
    for i in range(sessions):
        profile = folder / f"profile-{i}"
        started = time.monotonic()
        try:
            subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                 f"--ignore-certificate-errors-spki-list={spki(server)}", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                 "--dump-dom", f"{server.base}/addin/taskpane.html"],
                capture_output=True, timeout=60, check=False)
            took = time.monotonic() - started
        except subprocess.TimeoutExpired:
            took = 60.0
        durations.append(took)
        stalls += took > 10
        shutil.rmtree(profile, ignore_errors=True)
    durations.sort()
    return {"sessions": sessions, "stalls_over_10s": stalls, "median_s": round(durations[len(durations) // 2], 2),
            "max_s": round(durations[-1], 2)}


def spki(server: Server) -> str:
    """The base64 SHA-256 of the server certificate's public key (Chromium's pinning flag)."""
    import base64
    import hashlib

    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    cert = x509.load_pem_x509_certificate(server.certs.cert.read_bytes())
    der = cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


# -- 3. memory -------------------------------------------------------------------------------


def big_xml_upload() -> bytes:
    """A ~15 MiB .docx whose XML parts are ~60 MiB each (document, footnotes, headers), each
    within the zip limits: varied text, so it compresses ~4x."""
    rng = random.Random(17)
    words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(1200)]
    source = zipfile.ZipFile(io.BytesIO(EXAMPLE))
    para = b"".join(b"<w:p><w:r><w:t>" + b" ".join(rng.choice(words) for _ in range(12)) + b"</w:t></w:r></w:p>"
                    for _ in range(3000))
    filler = para * max(1, (60 * 2**20) // len(para))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + filler, 1)
            target.writestr(item, data)
    return out.getvalue()


def measure(server: Server, label: str, bodies: list[bytes], path: str = "/api/v1/audit") -> dict:
    before = server.rss_mib()
    with Sampler(server) as sampler, ThreadPoolExecutor(len(bodies)) as pool:
        started = time.monotonic()
        statuses = list(pool.map(lambda b: server.request("POST", path, b)[0], bodies))
        elapsed = time.monotonic() - started
    time.sleep(2)
    return {"case": label, "statuses": statuses, "seconds": round(elapsed, 1), "before_mib": round(before),
            "peak_mib": round(sampler.peak), "retained_mib": round(server.rss_mib())}


def memory(server: Server, pages: int) -> list[dict]:
    from make_large import word_made

    big = big_xml_upload()
    contract_path = sorted(CORPUS.glob("*.docx"))[2]
    long = word_made(contract_path, paragraphs=pages * 15)
    results = [
        {"big_xml_upload_mib": round(len(big) / 2**20, 1), "contract": contract_path.name,
         "contract_mib": round(len(long) / 2**20, 1), "contract_pages": pages},
        measure(server, "big XML, sequential 1", [big]),
        measure(server, "big XML, sequential 2", [big]),
        measure(server, "big XML, 4 at once", [big] * 4),
        measure(server, f"{pages}-page contracts, 8 at once", [long] * 8),
    ]
    return results


# -- 4. mixed requests -----------------------------------------------------------------------


def mixed(server: Server, total: int) -> dict:
    calls = [
        ("GET", "/api/v1/healthz", None),
        ("GET", "/api/v1/clauses", None),
        ("GET", "/api/v1/clauses/no-ai-training?variant=strict&client=Acme", None),
        ("POST", "/api/v1/audit", EXAMPLE),
        ("POST", "/api/v1/plan?variant=minimal", EXAMPLE),
        ("POST", "/api/v1/redline?author=bench", EXAMPLE),
        ("GET", "/addin/taskpane.html", None),
    ]
    errors, statuses = [], {}

    def one(i: int) -> None:
        method, path, body = calls[i % len(calls)]
        try:
            status, _ = server.request(method, path, body, timeout=120)
        except OSError as e:
            errors.append(f"{path}: {e}")
            return
        statuses[status] = statuses.get(status, 0) + 1
        if status != 200:
            errors.append(f"{path}: {status}")

    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(one, range(total)))
    elapsed = time.monotonic() - started
    return {"requests": total, "errors": len(errors), "statuses": statuses, "seconds": round(elapsed, 1),
            "per_second": round(total / elapsed, 1), "first_errors": errors[:5]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="slow,browsers,memory,mixed")
    parser.add_argument("--browsers", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=1700)
    parser.add_argument("--max-memory-mib", type=int, default=3072)
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="noai-service-") as tmp:
        server = Server(Path(tmp), args.max_memory_mib * 2**20)
        report: dict = {"max_memory_mib": args.max_memory_mib}
        try:
            if "slow" in wanted:
                report["slow"] = slow(server)
                print(json.dumps({"slow": report["slow"]}), flush=True)
            if "browsers" in wanted:
                report["browsers"] = browsers(server, args.browsers, Path(tmp))
                print(json.dumps({"browsers": report["browsers"]}), flush=True)
            if "memory" in wanted:
                report["memory"] = memory(server, args.pages)
                print(json.dumps({"memory": report["memory"]}), flush=True)
            if "mixed" in wanted:
                report["mixed"] = mixed(server, args.requests)
                print(json.dumps({"mixed": report["mixed"]}), flush=True)
        finally:
            server.stop()
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
