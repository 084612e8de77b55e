"""Redline of a ~100-page contract against the floor and against python-docx's open + save.

    python benchmarks/redline.py [--paragraphs 1500] [--repeat 7] [--profile]

The contract is ``make_large(paragraphs)`` (benchmarks/make_large.py), built in memory.

- ``redline``: ``noai.engine.redline(data, author=..., date=...)``, the whole pipeline: safe
  package read, document model, audit, plan (library and playbook loaded), writing the tracked
  changes and comments, re-zipping.
- ``floor``: what any tool that rewrites the parts we touch must do: read every member of the zip
  (decompress), parse with lxml the parts the redline rewrites (``word/document.xml``,
  ``word/comments.xml`` if there is one, ``[Content_Types].xml``, ``word/_rels/document.xml.rels``),
  serialize them, and write the whole package again (every member deflated anew).
- ``write only``: the writer alone (``noai.writer.apply_plan`` of the plan, on the document read
  beforehand): copy of the main part, the edits, serializing and re-zipping.
- ``python-docx``: ``docx.Document(BytesIO(data))`` then ``.save(BytesIO())``.

Times are medians of ``--repeat`` runs in this process, after one warm-up run. Peak memory is
measured in a fresh subprocess per measurement (one run each): tracemalloc's peak (Python
allocations, lxml's C heap left out) and ``ru_maxrss`` (the whole process, interpreter and imports
included). ``--profile`` prints the top of a cProfile of one redline.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import json
import pstats
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_large import make_large

TOUCHED = ("word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels")
DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


def floor(data: bytes) -> bytes:
    """Unzip everything, parse + serialize the parts the redline touches, rezip everything."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        members = [(info, zin.read(info)) for info in zin.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, blob in members:
            if info.filename in TOUCHED:
                blob = etree.tostring(etree.fromstring(blob), xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info.filename, blob)
    return out.getvalue()


def redline(data: bytes) -> bytes:
    from noai import engine

    return engine.redline(data, author="Benchmark", date=DATE, options=engine.Options(we="creator")).docx


@functools.cache
def _planned(data: bytes):
    from noai import engine

    doc = engine.read(data)
    return doc, engine._plan(doc, engine.Options(we="creator"), None)[1]


def write_only(data: bytes) -> bytes:
    """The writer alone: ``apply_plan`` of the plan, on the document read beforehand."""
    from noai.ooxml.revisions import RevisionStamp
    from noai.writer import apply_plan

    doc, plan = _planned(data)
    return apply_plan(doc, plan, stamp=RevisionStamp("Benchmark", DATE)).docx


def python_docx(data: bytes) -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(out)
    return out.getvalue()


TASKS = {"floor": floor, "redline": redline, "write only": write_only, "python-docx": python_docx}


def median_seconds(task, data: bytes, repeat: int) -> float:
    task(data)  # warm-up: imports, the clause library, compiled regular expressions
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        task(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure_memory(name: str, paragraphs: int) -> dict:
    """Run in a fresh process: one run of task ``name`` with tracemalloc on."""
    data = make_large(paragraphs)
    task = TASKS[name]
    if name != "floor":  # import outside the measurement, as a server process would have
        task(make_large(50))
    if name == "write only":
        _planned(data)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    task(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "tracemalloc_peak": peak,
        "maxrss_before_kib": before,
        "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def memory_in_subprocess(name: str, paragraphs: int) -> dict:
    run = subprocess.run(
        [sys.executable, __file__, "--memory", name, "--paragraphs", str(paragraphs)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--memory", choices=TASKS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory:
        print(json.dumps(measure_memory(args.memory, args.paragraphs)))
        return 0
    data = make_large(args.paragraphs)
    print(f"contract: make_large({args.paragraphs}), {len(data):,} bytes zipped")
    seconds = {name: median_seconds(task, data, args.repeat) for name, task in TASKS.items()}
    memory = {name: memory_in_subprocess(name, args.paragraphs) for name in TASKS}
    print("| task | median s | x floor | tracemalloc peak MiB | maxrss MiB (before the run) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in TASKS:
        mem = memory[name]
        print(
            f"| {name} | {seconds[name]:.3f} | {seconds[name] / seconds['floor']:.1f} | "
            f"{mem['tracemalloc_peak'] / 2**20:.1f} | {mem['maxrss_kib'] / 1024:.1f} "
            f"({mem['maxrss_before_kib'] / 1024:.1f}) |"
        )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(redline, data)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    return 0


if __name__ == "__main__":
    sys.exit(main())
