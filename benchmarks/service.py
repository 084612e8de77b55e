"""The service under slow clients, fresh browsers, big documents and many requests (not a test).

Starts the default ``noai serve`` over HTTPS (a throw-away local CA and certificate in a
temporary folder; the default worker model and deadlines; ``NOAI_MAX_MEMORY`` as given) on
loopback, then measures, in turn:

1. ``slow``: 8 slow clients (3 sending their headers, 3 their body, 2 their TLS hello, a byte a
   second) while ``healthz`` and a small audit are timed: every answer must take < 1 s;
   ``proxy``: the same through nginx configured as docs/deploy.md says (tests/web/proxy.py) in
   front of a second, plain-HTTP ``noai serve`` (4 slow headers, 4 slow bodies);
2. ``browsers``: ``--browsers`` fresh headless Chromium sessions (a new browser and profile each)
   that start the task pane with the stub Office and Scan the example (POST /api/v1/audit,
   addin/test/browser/sessions.mjs); a stall is a session whose scan is not done within 10 s;
3. ``memory``: peak and retained resident memory of the server (master + workers) for the
   big-XML upload (a ~15 MiB .docx whose XML parts are ~60 MiB each), sequential and 4 at once,
   and for 8 concurrent ~1,700-page contracts (a Word-made corpus contract's body repeated to
   ~500 words a page; a 503 while the memory budget is full is sent again after Retry-After);
4. ``mixed``: ``--requests`` mixed requests (healthz, clauses, a rendered clause, audit, plan,
   redline of a small contract) from 4 clients: errors must be 0.

    python3 benchmarks/service.py [--only slow,proxy,browsers,memory,mixed] [--browsers 50]
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
    def __init__(self, folder: Path, max_memory: int, http: bool = False):
        from noai.web.certs import make_certificates

        self.certs = make_certificates(folder / "certs", hosts=[])
        self.port = free_port()
        self.base = f"{'http' if http else 'https'}://127.0.0.1:{self.port}"
        self.context = None if http else ssl.create_default_context(cafile=str(self.certs.ca_cert))
        tls = ["--http"] if http else ["--cert", str(self.certs.cert), "--key", str(self.certs.key)]
        env = {k: v for k, v in os.environ.items() if not k.startswith("NOAI_")}
        env.update(PYTHONPATH=str(REPO / "server"), NOAI_MAX_MEMORY=str(max_memory), NOAI_LOG_LEVEL="WARNING")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "noai.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port), *tls],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(300):
            try:
                self.get("/api/v1/healthz")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def get(self, path: str, timeout: float = 30) -> tuple[int, bytes]:
        return self.request("GET", path, None, timeout)

    def request(
        self, method: str, path: str, body: bytes | None, timeout: float = 300, content_type: str = DOCX_TYPE
    ) -> tuple[int, bytes]:
        req = urllib.request.Request(
            self.base + path,
            data=body,
            method=method,
            headers={"Content-Type": content_type} if body is not None else {},
        )
        try:
            with urllib.request.urlopen(req, context=self.context, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def request_admitted(self, method: str, path: str, body: bytes, deadline: float) -> tuple[int, int]:
        """``(status, 503s)``: the request again after each 503 ``server-busy``, waiting its
        ``Retry-After``, as a client should, until ``deadline`` (``time.monotonic()``)."""
        busy = 0
        while True:
            status, _ = self.request(method, path, body)
            if status != 503 or time.monotonic() > deadline:
                return status, busy
            busy += 1
            time.sleep(5)  # the server's Retry-After

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


HEAD = b"GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\n"
BODY = (
    b"POST /api/v1/audit HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
    b"Content-Length: 100000\r\n\r\n"
)
HELLO = b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"


def slow(server: Server, specs: list | None = None) -> dict:
    specs = specs or (
        [(HEAD, b"X" * 120, True)] * 3 + [(BODY, b"PK" * 60, True)] * 3 + [(HELLO, b"\x00" * 120, False)] * 2
    )
    stop = threading.Event()
    threads = [threading.Thread(target=trickle, args=(server, p, d, tls, stop), daemon=True) for p, d, tls in specs]
    for t in threads:
        t.start()
    time.sleep(2)
    times: dict[str, list[float]] = {"healthz": [], "audit": []}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # bounded: 30 s of probes while the trickles go on
        for name, call in (
            ("healthz", lambda: server.get("/api/v1/healthz")),
            ("audit", lambda: server.request("POST", "/api/v1/audit", EXAMPLE)),
        ):
            started = time.monotonic()
            status, _ = call()
            assert status == 200, status
            times[name].append(time.monotonic() - started)
        time.sleep(0.5)
    stop.set()
    return {
        name: {"n": len(v), "max_s": round(max(v), 3), "median_s": round(sorted(v)[len(v) // 2], 3)}
        for name, v in times.items()
    }


# -- 2. fresh browsers -----------------------------------------------------------------------


def browsers(server: Server, sessions: int, folder: Path) -> dict:
    """Each session a new Chromium with a new profile: the pane starts with the stub Office
    (addin/test/browser/stub-office.js), Scan sends the example contract (POST /api/v1/audit)."""
    from noai.ooxml.document import read_document

    runner = REPO / "addin" / "test" / "browser" / "sessions.mjs"
    if not Path("/usr/bin/chromium").exists() or shutil.which("node") is None:
        return {"skipped": "needs Debian's chromium and Node.js"}
    if not (REPO / "addin" / "node_modules" / "playwright-core").is_dir():
        return {"skipped": "playwright-core is not installed: run `npm ci` in addin/"}
    document = REPO / "examples" / "agency-services-agreement.docx"
    paragraphs = folder / "paragraphs.json"
    paragraphs.write_text(json.dumps([p.text for p in read_document(EXAMPLE).paragraphs]), encoding="utf-8")
    run = subprocess.run(
        ["node", str(runner), server.base, str(document), str(paragraphs), str(folder), str(sessions)],
        cwd=REPO / "addin",
        capture_output=True,
        text=True,
        timeout=sessions * 70 + 60,
        check=False,
    )
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode != 0 or not lines or "stalls" not in lines[-1]:
        return {"failed": run.returncode, "stderr": run.stderr[-2000:]}
    summary = lines[-1]
    summary["problems"] = [r for r in lines[:-1] if r.get("stall") or r.get("errors")][:5]
    return summary


# -- 1b. behind the documented proxy ---------------------------------------------------------


def behind_proxy(folder: Path, max_memory: int) -> dict:
    """``slow`` again, against nginx configured as docs/deploy.md says (TLS at nginx) in front of
    ``noai serve --http``: 4 clients trickling their headers, 4 their body; and how many
    connections the backend held meanwhile (nginx passes a request on only once it is whole)."""
    sys.path.insert(0, str(REPO / "tests" / "web"))
    from proxy import nginx, nginx_proxy

    if nginx() is None:
        return {"skipped": "nginx is not installed (apt-get install nginx-light)"}
    backend = Server(folder / "backend", max_memory, http=True)
    try:
        with nginx_proxy(folder / "nginx", backend.port, backend.certs) as (base, context):
            front = Server.__new__(Server)
            front.base, front.context = base, context
            front.port = int(base.rsplit(":", 1)[1])
            held: list[int] = []
            sampler = threading.Thread(
                target=lambda: [held.append(established(backend.port)) or time.sleep(1) for _ in range(40)], daemon=True
            )
            sampler.start()
            result = slow(front, [(HEAD, b"X" * 120, True)] * 4 + [(BODY, b"PK" * 60, True)] * 4)
            sampler.join(timeout=15)
            result["backend_connections_max"] = max(held)
            return result
    finally:
        backend.stop()


def established(port: int) -> int:
    """Open TCP connections whose local end is 127.0.0.1:``port``."""
    lines = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return sum(line.split()[1] == f"0100007F:{port:04X}" and line.split()[3] == "01" for line in lines)


# -- 3. memory -------------------------------------------------------------------------------


def big_xml_upload() -> bytes:
    """A ~15 MiB .docx whose XML parts are ~60 MiB each (document, footnotes, headers), each
    within the zip limits: varied text, so it compresses ~4x."""
    rng = random.Random(17)
    words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(1200)]
    source = zipfile.ZipFile(io.BytesIO(EXAMPLE))
    para = b"".join(
        b"<w:p><w:r><w:t>" + b" ".join(rng.choice(words) for _ in range(12)) + b"</w:t></w:r></w:p>"
        for _ in range(3000)
    )
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
    """Send ``bodies`` at once; a 503 (the memory budget full) is sent again after its
    Retry-After, for up to 15 minutes."""
    before = server.rss_mib()
    deadline = time.monotonic() + 900
    with Sampler(server) as sampler, ThreadPoolExecutor(len(bodies)) as pool:
        started = time.monotonic()
        answers = list(pool.map(lambda b: server.request_admitted("POST", path, b, deadline), bodies))
        elapsed = time.monotonic() - started
    time.sleep(2)
    return {
        "case": label,
        "statuses": [s for s, _ in answers],
        "busy_503": sum(b for _, b in answers),
        "seconds": round(elapsed, 1),
        "before_mib": round(before),
        "peak_mib": round(sampler.peak),
        "retained_mib": round(server.rss_mib()),
    }


# A page of a single-spaced contract: ~500 words. The contract whose body is repeated is Word-made
# with 56 bytes of XML a word (the corpus's Word-made contracts hold 45-80) and ~47 words a paragraph.
WORDS_PER_PAGE = 500
LONG_SOURCE = "cp-software-license-agreement.docx"


def long_contract(pages: int) -> tuple[bytes, dict]:
    """A Word-made ~``pages``-page contract (benchmarks/make_large.py's ``word_made``)."""
    import re

    from make_large import word_made

    source = CORPUS / LONG_SOURCE
    xml = zipfile.ZipFile(source).read("word/document.xml")
    words = len(b" ".join(re.findall(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)).split())
    once = xml.count(b"</w:p>")
    long = word_made(source, paragraphs=round(pages * WORDS_PER_PAGE / words * once))
    parts = zipfile.ZipFile(io.BytesIO(long)).infolist()
    return long, {
        "contract": LONG_SOURCE,
        "contract_pages": pages,
        "contract_mib": round(len(long) / 2**20, 2),
        "contract_xml_mib": round(sum(i.file_size for i in parts if i.filename.endswith(".xml")) / 2**20, 1),
        "contract_xml_bytes_a_word": round(len(xml) / words),
    }


def memory(server: Server, pages: int) -> list[dict]:
    big = big_xml_upload()
    long, about = long_contract(pages)
    results = [
        {"big_xml_upload_mib": round(len(big) / 2**20, 1), **about},
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
    return {
        "requests": total,
        "errors": len(errors),
        "statuses": statuses,
        "seconds": round(elapsed, 1),
        "per_second": round(total / elapsed, 1),
        "first_errors": errors[:5],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="slow,proxy,browsers,memory,mixed")
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
            if "proxy" in wanted:
                report["proxy"] = behind_proxy(Path(tmp) / "proxy", args.max_memory_mib * 2**20)
                print(json.dumps({"proxy": report["proxy"]}), flush=True)
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
