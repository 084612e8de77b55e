"""The audit's (or, with ``--redline``, the redline's) CPU time against another checkout of the code
(the speed guard: within 1.5x of a session's starting commit), on the ~100-page contracts of
``benchmarks/audit.py`` and ten times the synthetic one (the growth: linear = ~10).

Each figure is the least CPU time (``time.process_time``: what the machine's other load moves
least) of ``--repeat`` runs of ``engine.audit`` (read + audit) after one warm-up, in a fresh
process per checkout and contract; the two checkouts take turns ``--rounds`` times and each keeps
its least. Make the other checkout with ``git worktree add /tmp/base REV``.

    python benchmarks/audit_vs.py /tmp/base/server [--repeat 7] [--rounds 2] [--no-10x] [--memory] [--redline]

``--redline`` times ``engine.redline`` (read, audit, plan, write) for the creator (``we="creator"``
where the checkout has the option; older ones read the creator from the contract).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERVER = HERE.parent / "server"
CORPUS = HERE.parent / "tests" / "data" / "corpus"
sys.path.insert(0, str(HERE))

from audit import WORD_MADE  # noqa: E402
from make_large import make_large, word_made  # noqa: E402

CHILD = """
import sys, time
from datetime import datetime
from noai import engine
data = open(sys.argv[1], "rb").read()
if sys.argv[3] == "redline":
    try:
        options = engine.Options(we="creator")
    except TypeError:  # a checkout from before the user's party was an option
        options = engine.Options()
    def job():
        engine.redline(data, author="Bench", date=datetime(2026, 1, 1), options=options)
else:
    def job():
        engine.audit(data)
job()
best = float("inf")
for _ in range(int(sys.argv[2])):
    t = time.process_time()
    job()
    best = min(best, time.process_time() - t)
print(best)
"""
# One audit in a fresh process: tracemalloc's peak (the model's first load included), then the
# peak resident size (VmHWM) of an untraced audit.
MEMORY = """
import sys, tracemalloc
from noai import engine
data = open(sys.argv[1], "rb").read()
if sys.argv[2] == "traced":
    tracemalloc.start()
    engine.audit(data)
    print(tracemalloc.get_traced_memory()[1])
else:
    engine.audit(data)
    print(int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) * 1024)
"""


def cpu_ms(server: Path, path: Path, repeat: int, job: str = "audit") -> float:
    """The least CPU time of ``repeat`` runs of ``job`` ("audit" or "redline") on ``path`` by the code
    under ``server``, in ms."""
    env = {**os.environ, "PYTHONPATH": str(server)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(repeat), job],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out) * 1000


def memory_mb(server: Path, path: Path) -> tuple[float, float]:
    """(tracemalloc peak, peak RSS) in MB of one audit of ``path`` by the code under ``server``."""
    env = {**os.environ, "PYTHONPATH": str(server)}
    return tuple(  # type: ignore[return-value]
        int(
            subprocess.run(
                [sys.executable, "-c", MEMORY, str(path), how], env=env, check=True, capture_output=True, text=True
            ).stdout
        )
        / 2**20
        for how in ("traced", "rss")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the other checkout's server/ folder (its noai package)")
    parser.add_argument("--repeat", type=int, default=7, help="timed audits per process (the least counts)")
    parser.add_argument("--rounds", type=int, default=2, help="turns each checkout takes (the least counts)")
    parser.add_argument("--no-10x", dest="tenfold", action="store_false", help="skip make_large(15000)")
    parser.add_argument("--memory", action="store_true", help="also the peak memory of one audit (Linux)")
    parser.add_argument("--redline", action="store_true", help="time the redline (read, audit, plan, write)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cases = {"make_large(1500)": make_large(1500)}
        cases.update({f"{name} repeated": word_made(CORPUS / f"{name}.docx", 1500) for name in WORD_MADE})
        if args.tenfold:
            cases["make_large(15000)"] = make_large(15000)
        rows = []
        mem: list[tuple[str, tuple[float, float], tuple[float, float]]] = []
        for label, data in cases.items():
            path = Path(tmp) / "contract.docx"
            path.write_bytes(data)
            repeat = max(2, args.repeat // 3) if "15000" in label else args.repeat
            base = now = float("inf")
            for _ in range(args.rounds):
                job = "redline" if args.redline else "audit"
                base = min(base, cpu_ms(args.base, path, repeat, job))
                now = min(now, cpu_ms(SERVER, path, repeat, job))
            rows.append((label, base, now))
            if args.memory:
                mem.append((label, memory_mb(args.base, path), memory_mb(SERVER, path)))
    print("| contract | base CPU ms | this CPU ms | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for label, base, now in rows:
        print(f"| {label} | {base:.1f} | {now:.1f} | {now / base:.2f} |")
    times = {label: (base, now) for label, base, now in rows}
    if "make_large(15000)" in times:
        (b1, n1), (b10, n10) = times["make_large(1500)"], times["make_large(15000)"]
        print(f"\ngrowth make_large(1500) -> make_large(15000): base {b10 / b1:.1f}x, this {n10 / n1:.1f}x")
    if mem:
        print(
            "\n| contract | base tracemalloc peak MB | this tracemalloc peak MB | base peak RSS MB | this peak RSS MB |"
        )
        print("| --- | ---: | ---: | ---: | ---: |")
        for label, (bt, br), (nt, nr) in mem:
            print(f"| {label} | {bt:.1f} | {nt:.1f} | {br:.1f} | {nr:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
