"""How long an audit takes against the floor: unzipping the .docx and parsing ``word/document.xml``.

For a ~100-page contract (``make_large(1500)``: about 1,500 paragraphs) and ten times that
(``make_large(15000)``) it prints, per size: the floor, ``read_document``, the whole audit
(``engine.audit``: read + terms + classify + audit), each as the median of several runs after one
warm-up, the ratios to the floor, the growth from 1x to 10x (linear = ~10), the time of each
stage, and the peak memory of each measurement in a fresh process (tracemalloc peak and
peak resident memory). Then the same timings for ~100-page contracts as Word writes them (the
bodies of three Word-made corpus contracts repeated, ``make_large.word_made``) and for every
.docx of tests/data/corpus. Prints tables; writes nothing unless ``--save DIR`` is given (the
generated contracts go there).

    python benchmarks/audit.py [--paragraphs 1500] [--repeat 5] [--no-memory] [--no-corpus] [--save DIR]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

from lxml import etree

from noai import engine
from noai.analysis.audit import audit_document
from noai.analysis.classify import classify
from noai.analysis.terms import extract_terms
from noai.ooxml.document import read_document
from noai.ooxml.package import read_package
from noai.ooxml.xml import parse_xml

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "data" / "corpus"
sys.path.insert(0, str(HERE))

from make_large import make_large, word_made  # noqa: E402

# Word-made contracts of the corpus whose bodies, repeated, make the ~100-page contracts as Word
# writes them (make_large's XML is python-docx's, three to six times lighter for its text).
WORD_MADE = (
    "cp-professional-services-agreement",
    "publicneuro-scc-controller-processor",
    "ccs-ict-services-terms-tracked",
)


def floor(data: bytes):
    """The least any reader does: unzip ``word/document.xml`` and parse it with lxml."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


MEASURES = {
    "floor": floor,
    "read": read_document,
    "audit": engine.audit,
}


def median_times(fns: dict, repeat: int, pick=statistics.median) -> dict[str, float]:
    """Median (or ``pick``) wall time in seconds of each ``fns[name]()`` over ``repeat`` runs,
    after one warm-up run each. The functions take turns, so a change of load on the machine hits
    them all alike and their ratios hold better than their absolute times."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: pick(values) for name, values in times.items()}


def measure_times(data: bytes, repeat: int) -> dict[str, float]:
    """Median times of the floor, ``read_document`` and ``engine.audit`` on ``data``."""
    return median_times({kind: (lambda fn=fn: fn(data)) for kind, fn in MEASURES.items()}, repeat)


def stage_times(data: bytes, repeat: int) -> dict[str, float]:
    """The audit's stages, each timed alone on the outputs of the stage before. ``read_package``
    includes the parse of ``word/document.xml`` (it checks the root element), timed alone as
    ``parse``; ``paragraphs`` (styles, numbering, the paragraphs and the section tree) and ``rest``
    (language, protections, insertion points, score) are the differences."""
    package = read_package(data)
    doc = read_document(data)
    terms = extract_terms(doc.paragraphs)
    times = median_times(
        {
            "package": lambda: read_package(data),
            "parse": lambda: parse_xml(package.part(package.main_part), package.main_part),
            "read": lambda: read_document(data),
            "terms": lambda: extract_terms(doc.paragraphs),
            "classify": lambda: classify(doc.paragraphs, terms),
            "analysis": lambda: audit_document(doc),
        },
        repeat,
    )
    times["paragraphs"] = times["read"] - times["package"]
    times["rest"] = times["analysis"] - times["terms"] - times["classify"]
    return times


# -- memory: one fresh process per measurement ---------------------------------------------------------


def child(kind: str, traced: bool) -> dict:
    """Run measurement ``kind`` once on the bytes of stdin (``none``: only hold them)."""
    data = sys.stdin.buffer.read()
    if traced:
        tracemalloc.start()
    if kind != "none":
        MEASURES[kind](data)
    peak = tracemalloc.get_traced_memory()[1] if traced else None
    return {"peak": peak, "maxrss": peak_rss()}


def peak_rss() -> int:
    """This process's peak resident memory in bytes: ``VmHWM`` on Linux (``ru_maxrss`` would also
    count the parent's memory at fork time), ``ru_maxrss`` elsewhere."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        scale = 1 if sys.platform == "darwin" else 1024
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    return int(status.split("VmHWM:")[1].split()[0]) * 1024


def memory(data: bytes, kind: str) -> dict:
    """``{"peak": bytes, "maxrss": bytes}`` of ``kind`` in fresh processes (maxrss untraced)."""
    out = {}
    for traced in (True, False):
        args = [sys.executable, __file__, "--child", kind] + (["--traced"] if traced else [])
        done = subprocess.run(args, input=data, capture_output=True, check=True)
        result = json.loads(done.stdout)
        out["peak" if traced else "maxrss"] = result["peak" if traced else "maxrss"]
    return out


# -- the tables ------------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}" if seconds >= 0.1 else f"{seconds * 1000:.1f}"


def mb(size: int) -> str:
    return f"{size / 2**20:,.1f}"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(["---"] + ["---:"] * (len(header) - 1)) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def measure_size(data: bytes, repeat: int, with_memory: bool) -> dict:
    result = {
        "times": measure_times(data, repeat),
        "stages": stage_times(data, repeat),
        "paragraphs": len(read_document(data).paragraphs),
    }
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        result["xml"] = archive.getinfo("word/document.xml").file_size
    if with_memory:
        result["memory"] = {kind: memory(data, kind) for kind in ("none", *MEASURES)}
    return result


def report_sizes(results: dict[int, dict], with_memory: bool) -> str:
    header = ["size", "paragraphs", "document.xml MB", "floor ms", "read ms", "audit ms", "read/floor", "audit/floor"]
    rows = []
    for n, r in results.items():
        t = r["times"]
        rows.append(
            [
                f"make_large({n})",
                f"{r['paragraphs']:,}",
                mb(r["xml"]),
                ms(t["floor"]),
                ms(t["read"]),
                ms(t["audit"]),
                f"{t['read'] / t['floor']:.1f}",
                f"{t['audit'] / t['floor']:.1f}",
            ]
        )
    sizes = list(results)
    if len(sizes) == 2:
        small, big = (results[n]["times"] for n in sizes)
        para = results[sizes[1]]["paragraphs"] / results[sizes[0]]["paragraphs"]
        rows.append(
            [
                f"growth {sizes[0]} -> {sizes[1]}",
                f"{para:.1f}",
                "",
                f"{big['floor'] / small['floor']:.1f}",
                f"{big['read'] / small['read']:.1f}",
                f"{big['audit'] / small['audit']:.1f}",
                "",
                "",
            ]
        )
    out = [table(header, rows)]
    stage_rows = []
    for n, r in results.items():
        s = r["stages"]
        stage_rows.append(
            [f"make_large({n})"]
            + [ms(s[k]) for k in ("package", "parse", "paragraphs", "read", "terms", "classify", "rest", "analysis")]
        )
    out.append(
        table(
            [
                "size",
                "read_package",
                "of which lxml parse",
                "styles, paragraphs, sections",
                "read total",
                "extract_terms",
                "classify",
                "language, protections, score",
                "analysis total",
            ],
            stage_rows,
        )
    )
    if with_memory:
        mem_rows = []
        for n, r in results.items():
            m = r["memory"]
            mem_rows.append(
                [f"make_large({n})"]
                + [mb(m[k]["peak"]) for k in MEASURES]
                + [mb(m[k]["maxrss"]) for k in ("none", *MEASURES)]
            )
        out.append(
            table(
                [
                    "size",
                    "floor peak MB",
                    "read peak MB",
                    "audit peak MB",
                    "peak RSS idle MB",
                    "peak RSS floor MB",
                    "peak RSS read MB",
                    "peak RSS audit MB",
                ],
                mem_rows,
            )
        )
    return "\n\n".join(out)


def report_word_made(paragraphs: int, repeat: int) -> str:
    rows = []
    for name in WORD_MADE:
        data = word_made(CORPUS / f"{name}.docx", paragraphs)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.getinfo("word/document.xml").file_size
        t = measure_times(data, repeat)
        rows.append(
            [
                f"{name} repeated",
                f"{len(read_document(data).paragraphs):,}",
                mb(xml),
                ms(t["floor"]),
                ms(t["read"]),
                ms(t["audit"]),
                f"{t['read'] / t['floor']:.1f}",
                f"{t['audit'] / t['floor']:.1f}",
            ]
        )
    return table(
        [
            "Word-made contract",
            "paragraphs",
            "document.xml MB",
            "floor ms",
            "read ms",
            "audit ms",
            "read/floor",
            "audit/floor",
        ],
        rows,
    )


def report_corpus(folder: Path, repeat: int) -> str:
    rows = []
    for path in sorted(folder.glob("*.docx")):
        data = path.read_bytes()
        t = measure_times(data, repeat)
        rows.append(
            [
                path.name,
                f"{len(read_document(data).paragraphs):,}",
                ms(t["floor"]),
                ms(t["read"]),
                ms(t["audit"]),
                f"{t['read'] / t['floor']:.1f}",
                f"{t['audit'] / t['floor']:.1f}",
            ]
        )
    return table(["document", "paragraphs", "floor ms", "read ms", "audit ms", "read/floor", "audit/floor"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=1500, help="the 1x size (the 10x size is ten times it)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure (median; one warm-up first)")
    parser.add_argument("--no-memory", dest="memory", action="store_false", help="skip the memory processes")
    parser.add_argument("--no-corpus", dest="corpus", action="store_false", help="skip tests/data/corpus")
    parser.add_argument("--save", type=Path, metavar="DIR", help="also write the generated contracts to DIR")
    parser.add_argument("--child", choices=["none", *MEASURES], help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.traced)))
        return 0
    results = {}
    for n in (args.paragraphs, args.paragraphs * 10):
        data = make_large(n)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"large-{n}.docx").write_bytes(data)
        results[n] = measure_size(data, args.repeat, args.memory)
    print(report_sizes(results, args.memory))
    print()
    print(report_word_made(args.paragraphs, args.repeat))
    if args.corpus:
        print()
        print(report_corpus(CORPUS, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
