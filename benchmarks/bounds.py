"""What any audit built like ours must spend, against the floors of the speed goals.

The audit goal of issue 2 is 3x the floor (unzip + lxml parse of ``word/document.xml``); the
redline goal of issue 4 is 2x its floor (unzip + parse + serialize + rezip). This script measures
two costs that no rewrite of our Python could remove, on ``make_large(1500)`` (python-docx's lean
XML) and on three ~100-page contracts as Word writes them (``make_large.word_made``):

- **bare text**: unzip and parse the three parts an audit has to read (``document.xml``,
  ``styles.xml`` for headings, ``numbering.xml`` for list labels) and join the ``w:t`` texts of
  every paragraph: no revisions, styles, labels, sections or run-in titles, only the text;
- **regex calls**: every call one ``engine.audit`` makes to Python's ``re`` on this contract,
  recorded in a child process (``re.compile`` and the module functions are wrapped before
  ``noai`` is imported) and replayed there against the real patterns, with the same arguments
  and as many ``finditer`` matches as the audit took. The child checks that the recorded audit
  gives the same JSON as a plain one.

Their sum is a lower bound for an audit that reads the paragraphs and tests these patterns,
however its Python is written. Each figure is the least of ``--repeat`` runs taken in turns with
the floor (a lower bound wants the run the machine disturbed least). Prints a table; writes
nothing.

    python benchmarks/bounds.py [--paragraphs 1500] [--repeat 15] [--only-synthetic]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import json
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
FLAGS_AT = {"search": 1, "match": 1, "fullmatch": 1, "finditer": 1, "findall": 1, "sub": 3, "subn": 3, "split": 2}


# -- the child: record and replay the audit's regex calls -------------------------------------------------


class _Recorder:
    """Wraps ``re`` so that every compiled pattern notes the calls it answers in ``log``."""

    def __init__(self, re_module) -> None:
        self.re = re_module
        self.real_compile = re_module.compile
        self.log: list = []
        self.on = False

    def install(self) -> None:
        re, recorder = self.re, self

        class Recording:
            __slots__ = ("real",)

            def __init__(self, real) -> None:
                self.real = real

            def __getattr__(self, name):
                attr = getattr(self.real, name)
                if name not in METHODS:
                    return attr
                return lambda *args, **kwargs: recorder.call(attr, name, args, kwargs)

        def compile_(pattern, flags=0):
            real = pattern.real if isinstance(pattern, Recording) else pattern
            return Recording(self.real_compile(real, flags))

        def module_function(name):
            at = FLAGS_AT[name]  # where ``re.<name>`` takes ``flags`` among the arguments after the pattern

            def call(pattern, *args, **kwargs):
                flags = args[at] if len(args) > at else kwargs.pop("flags", 0)
                args = args[:at]
                real = pattern.real if isinstance(pattern, Recording) else self.real_compile(pattern, flags)
                return recorder.call(getattr(real, name), name, args, kwargs)

            return call

        re.compile = compile_
        for name in METHODS:
            setattr(re, name, module_function(name))

    def call(self, method, name, args, kwargs):
        result = method(*args, **kwargs)
        if not self.on:
            return result
        entry = [method, name, args, kwargs, None]
        self.log.append(entry)
        if name != "finditer":
            return result

        def counted():
            taken = 0
            for m in result:
                taken += 1
                entry[4] = (taken, False)
                yield m
            entry[4] = (taken, True)

        entry[4] = (0, False)
        return counted()


def _searched(name: str, args: tuple, kwargs: dict) -> int:
    """How many characters a call gives the pattern to look at (its string, or ``pos:endpos`` of it)."""
    if name in ("sub", "subn"):
        return len(args[1] if len(args) > 1 else kwargs["string"])
    string = args[0] if args else kwargs["string"]
    if name == "split":
        return len(string)
    pos = args[1] if len(args) > 1 else kwargs.get("pos", 0)
    endpos = args[2] if len(args) > 2 else kwargs.get("endpos", len(string))
    return max(0, min(endpos, len(string)) - pos)


def replay(log: list) -> None:
    for method, name, args, kwargs, taken in log:
        if name == "finditer":
            count, exhausted = taken
            found = method(*args, **kwargs)
            for _ in found if exhausted else itertools.islice(found, count):
                pass
        else:
            method(*args, **kwargs)


def child(repeat: int) -> dict:
    import re

    recorder = _Recorder(re)
    recorder.install()
    from noai import engine  # compiled through the recorder from here on

    data = sys.stdin.buffer.read()
    engine.audit(data)  # warm-up: patterns built lazily and caches filled outside the log
    recorder.on = True
    result = engine.audit(data)
    recorder.on = False
    log = recorder.log
    import audit as audit_bench

    times = audit_bench.median_times(
        {"floor": lambda: audit_bench.floor(data), "replay": lambda: replay(log)}, repeat, pick=min
    )
    return {
        "calls": len(log),
        "chars": sum(_searched(name, args, kwargs) for _, name, args, kwargs, _ in log),
        "floor": times["floor"],
        "replay": times["replay"],
        "digest": _digest(result),
    }


def _digest(result) -> str:
    return hashlib.sha256(json.dumps(result.to_dict(), sort_keys=True).encode()).hexdigest()


# -- the parent -------------------------------------------------------------------------------------------


def bare_text(data: bytes) -> list[str]:
    """Unzip and parse document, styles and numbering; join each paragraph's ``w:t`` texts."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
        for name in ("word/styles.xml", "word/numbering.xml"):
            if name in archive.NameToInfo:
                etree.fromstring(archive.read(name))
    texts: list[str] = []
    parts: list[str] | None = None
    for element in root.iter(W + "p", W + "t"):  # one pass in document order: faster than p.iter() per p
        if element.tag == W + "t":
            parts.append(element.text or "")
        else:
            if parts is not None:
                texts.append("".join(parts))
            parts = []
    if parts is not None:
        texts.append("".join(parts))
    return texts


def measure(data: bytes, repeat: int) -> dict[str, float]:
    """The figures of one contract, in seconds: floors, bare text, replayed regex calls, our audit
    and redline. Refuses when the recorded audit differs from a plain one."""
    import audit as audit_bench
    import redline as redline_bench

    from noai import engine

    done = subprocess.run(
        [sys.executable, __file__, "--child", "--repeat", str(repeat)], input=data, capture_output=True, check=True
    )
    regex = json.loads(done.stdout)
    if regex["digest"] != _digest(engine.audit(data)):
        raise SystemExit("the recorded audit differs from a plain one: the recording is not faithful")
    t = audit_bench.median_times(
        {
            "floor": lambda: audit_bench.floor(data),
            "bare": lambda: bare_text(data),
            "audit": lambda: engine.audit(data),
            "redline floor": lambda: redline_bench.floor(data),
            "write": lambda: redline_bench.write_only(data),
            "redline": lambda: redline_bench.redline(data),
        },
        repeat,
        pick=min,
    )
    # The regex replay ran in the child, timed in turns with the floor there: it is scaled to this
    # process's floor by that ratio, so that machine load between the two processes cancels out.
    t["regex"] = regex["replay"] / regex["floor"] * t["floor"]
    t["bound"] = t["bare"] + t["regex"]
    t["redline bound"] = t["bound"] + t["write"]
    t["calls"], t["chars"] = regex["calls"], regex["chars"]
    t["paragraphs"] = len(engine.read(data).paragraphs)
    return t


ROWS = (  # (label, figure, floor it is a multiple of)
    ("floor: unzip + parse document.xml", "floor", "floor"),
    ("bare text: + styles.xml, numbering.xml, each paragraph's text", "bare", "floor"),
    ("regex calls of one audit, replayed", "regex", "floor"),
    ("**lower bound**: bare text + regex calls", "bound", "floor"),
    ("`engine.audit`", "audit", "floor"),
    ("redline floor: unzip + parse + serialize + rezip", "redline floor", "redline floor"),
    ("write only (apply_plan of a plan made beforehand)", "write", "redline floor"),
    ("**redline lower bound**: bare text + regex calls + write only", "redline bound", "redline floor"),
    ("redline (read + audit + plan + write)", "redline", "redline floor"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=1500, help="size of the contracts")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per figure (the least; one warm-up first)")
    parser.add_argument("--only-synthetic", action="store_true", help="measure make_large alone")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.repeat)))
        return 0

    from audit import CORPUS, WORD_MADE
    from make_large import make_large, word_made

    contracts = {f"make_large({args.paragraphs})": make_large(args.paragraphs)}
    if not args.only_synthetic:
        contracts.update({name: word_made(CORPUS / f"{name}.docx", args.paragraphs) for name in WORD_MADE})
    figures = {name: measure(data, args.repeat) for name, data in contracts.items()}
    lines = [
        f"- {name}: {t['paragraphs']:,} paragraphs; {t['calls']:,} regex calls over {t['chars']:,} characters in all"
        for name, t in figures.items()
    ]
    lines += ["", "| ms (x floor) | " + " | ".join(figures) + " |", "| --- |" + " ---: |" * len(figures)]
    for label, key, floor in ROWS:
        cells = [f"{t[key] * 1000:.1f} ({t[key] / t[floor]:.1f})" for t in figures.values()]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
