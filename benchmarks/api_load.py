"""Load on the HTTP API: concurrent clients on loopback posting a ~20-page contract (not a test).

Starts ``noai serve --http`` (gunicorn, worker recycling off so memory growth shows), then
``--clients`` threads post the contract to /api/v1/audit and /api/v1/redline in turn until
``--requests`` answers or ``--seconds`` have passed. Reports requests/s, p50/p95 latency per
endpoint, errors (must be 0) and each worker's resident memory (VmRSS) before and after.

    python3 benchmarks/api_load.py [--requests 1000] [--clients 4] [--workers N] [--paragraphs 300]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ENDPOINTS = ("/api/v1/audit", "/api/v1/redline")


def contract(paragraphs: int) -> bytes:
    """A ~20-page contract (about 15 paragraphs a page), built in memory."""
    from make_large import make_large

    return make_large(paragraphs=paragraphs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    """The worker processes of the gunicorn master ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_server(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "NOAI_MAX_REQUESTS": "0", "NOAI_LOG_LEVEL": "WARNING"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "noai.cli",
            "serve",
            "--http",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/healthz", timeout=2).close()
            if len(children(process.pid)) >= workers:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("the server did not start")


def warm_up(base: str, body: bytes, workers: int) -> None:
    """A few requests so each worker has loaded the engine before memory is first read."""
    for _ in range(workers * 4):
        for endpoint in ENDPOINTS:
            post(base + endpoint, body)


def post(url: str, body: bytes) -> int:
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": DOCX_TYPE})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def run_load(base: str, body: bytes, clients: int, total: int, seconds: float) -> tuple[dict, int, float]:
    latencies: dict[str, list[float]] = {e: [] for e in ENDPOINTS}
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        for i in counter:
            if time.monotonic() > deadline:
                return
            endpoint = ENDPOINTS[i % len(ENDPOINTS)]
            started = time.perf_counter()
            status = post(base + endpoint, body)
            elapsed = time.perf_counter() - started
            with lock:
                latencies[endpoint].append(elapsed)
                errors += status != 200

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else (values or [0])[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--paragraphs", type=int, default=300, help="contract size (300 = about 20 pages)")
    parser.add_argument("--seconds", type=float, default=900, help="stop after this long whatever the count")
    args = parser.parse_args(argv)

    body = contract(args.paragraphs)
    port = free_port()
    server = start_server(port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        warm_up(base, body, args.workers)
        workers = children(server.pid)
        before = {pid: rss_mib(pid) for pid in workers}
        latencies, errors, elapsed = run_load(base, body, args.clients, args.requests, args.seconds)
        after = {pid: rss_mib(pid) for pid in workers}
    finally:
        server.terminate()
        server.wait(timeout=30)

    done = sum(len(v) for v in latencies.values())
    print(
        f"contract: {len(body) / 1024:.0f} KiB, {args.paragraphs} paragraphs; "
        f"{args.workers} workers x 2 threads, {args.clients} clients, Python {sys.version.split()[0]}"
    )
    print(f"requests: {done} in {elapsed:.1f} s = {done / elapsed:.1f} requests/s; errors: {errors}")
    for endpoint, values in latencies.items():
        print(
            f"  {endpoint:18} n={len(values):4}  p50 {percentile(values, 50) * 1000:6.0f} ms"
            f"  p95 {percentile(values, 95) * 1000:6.0f} ms"
        )
    for pid in workers:
        print(f"  worker {pid}: VmRSS {before[pid]:.0f} MiB before, {after.get(pid, 0):.0f} MiB after")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
