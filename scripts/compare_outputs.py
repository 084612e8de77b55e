#!/usr/bin/env python3
"""Compare the engine's outputs at a git revision with the working tree's.

For every corpus contract (``../shared/corpus/docx`` when present, ``tests/data/corpus``) and the
bundled example: the audit JSON, the plan JSON of each variant and the redlined .docx of each
variant (fixed author and date, so the bytes are comparable). The revision's ``server/`` and
``clauses/`` are exported to a temporary folder and run there in a child process; the working
tree runs the same way, so neither sees the other's modules.

    python scripts/compare_outputs.py ee7fbdf            # the revision vs the working tree
    python scripts/compare_outputs.py ee7fbdf --only-changed-values
    python scripts/compare_outputs.py ee7fbdf --to HEAD  # two revisions

Prints one block per document with a difference: keys only one side has (grouped by path, list
indexes as ``*``), values that differ (path, before, after) and the .docx parts whose bytes
differ (with the paragraphs of ``word/document.xml`` that differ). Exit status 0 when nothing
differs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import base64
import difflib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("strict", "standard", "minimal")

# Run inside the child process with the tree's server/ first on sys.path.
_COLLECT = r"""
import base64, json, sys
from datetime import datetime, timezone
from pathlib import Path
from noai import engine

variants = ("strict", "standard", "minimal")
stamp = datetime(2026, 1, 1, tzinfo=timezone.utc)
for line in sys.stdin:
    path = Path(line.strip())
    data = path.read_bytes()
    out = {"file": str(path)}
    try:
        out["audit"] = engine.audit(data, filename=path.name).to_dict()
        out["plans"] = {}
        out["redlines"] = {}
        for v in variants:
            opts = engine.Options(variant=v)
            out["plans"][v] = engine.plan(data, opts, filename=path.name)[1].to_dict()
            out["redlines"][v] = base64.b64encode(
                engine.redline(data, author="compare", date=stamp, options=opts, filename=path.name).docx).decode()
    except Exception as exc:  # a failure is an output too
        out["error"] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(out), flush=True)
"""


def documents(root: Path, shared: Path) -> list[Path]:
    """The documents compared: the shared corpus (if present), the test corpus, the example."""
    corpus = shared / "corpus" / "docx"
    found = sorted(corpus.glob("*.docx")) if corpus.is_dir() else []
    if not found:
        print(f"note: no shared corpus at {corpus}; comparing the repository's documents only", file=sys.stderr)
    found += sorted((root / "tests" / "data" / "corpus").glob("*.docx"))
    found += sorted((root / "examples").glob("*.docx"))
    return found


def export(rev: str, into: Path) -> Path:
    """``server/`` and ``clauses/`` of ``rev`` written under ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "server", "clauses"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def collect(tree: Path, files: list[Path]) -> dict[str, dict]:
    """The outputs of the engine of ``tree`` for each file, by file name."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOAI_")}
    env["PYTHONPATH"] = str(tree / "server")
    run = subprocess.run(
        [sys.executable, "-c", _COLLECT],
        input="\n".join(map(str, files)) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
    )
    if run.returncode:
        raise SystemExit(f"collecting in {tree} failed:\n{run.stderr}")
    return {Path(o["file"]).name: o for o in map(json.loads, run.stdout.splitlines())}


def _walk(before, after, path: str, added: Counter, removed: Counter, changed: list) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in before.keys() | after.keys():
            sub = f"{path}.{key}"
            if key not in after:
                removed[re.sub(r"\[\d+\]", "[*]", sub)] += 1
            elif key not in before:
                added[re.sub(r"\[\d+\]", "[*]", sub)] += 1
            else:
                _walk(before[key], after[key], sub, added, removed, changed)
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (b, a) in enumerate(zip(before, after, strict=False)):
            _walk(b, a, f"{path}[{i}]", added, removed, changed)
    elif before != after:
        changed.append((path, before, after))


def json_differences(before: dict, after: dict) -> tuple[Counter, Counter, list]:
    added: Counter = Counter()
    removed: Counter = Counter()
    changed: list = []
    _walk(before, after, "", added, removed, changed)
    return added, removed, changed


_TEXT = re.compile(r"<w:(t|delText)(?:\s[^>]*)?>([^<]*)</w:\1>|<w:(ins|del) [^>]*?w:id=\"[^\"]*\"")


def _paragraphs(xml: bytes) -> list[str]:
    """The text of each paragraph, deleted text as [-…-], and where a tracked change starts as {ins}/{del}."""
    out = []
    for p in re.split(r"(?=<w:p[ >])", xml.decode("utf-8", "replace")):
        out.append(
            "".join(f"[-{m[2]}-]" if m[1] == "delText" else m[2] if m[1] else f"{{{m[3]}}}" for m in _TEXT.finditer(p))
        )
    return out


def docx_differences(before: bytes, after: bytes) -> list[str]:
    """The parts whose bytes differ, with a short diff of the paragraphs of the main document."""
    a, b = zipfile.ZipFile(io.BytesIO(before)), zipfile.ZipFile(io.BytesIO(after))
    names_a, names_b = set(a.namelist()), set(b.namelist())
    out = [f"part only before: {n}" for n in sorted(names_a - names_b)]
    out += [f"part only after: {n}" for n in sorted(names_b - names_a)]
    for name in sorted(names_a & names_b):
        x, y = a.read(name), b.read(name)
        if x == y:
            continue
        out.append(f"part differs: {name}")
        if name in ("word/document.xml", "word/comments.xml"):
            diff = difflib.unified_diff(_paragraphs(x), _paragraphs(y), lineterm="", n=0)
            lines = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
            if not lines:
                out.append("    (the same text; the XML differs)")
            out += [f"    {line[:300]}" for line in lines[:12]]
            if len(lines) > 12:
                out.append(f"    … {len(lines) - 12} more changed paragraphs")
    return out


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:159] + "…"


def compare(before: dict[str, dict], after: dict[str, dict], only_values: bool) -> int:
    differing = 0
    added_all: Counter = Counter()
    for name in sorted(before.keys() | after.keys()):
        b, a = before.get(name, {}), after.get(name, {})
        lines: list[str] = []
        if b.get("error") != a.get("error"):
            lines.append(f"error: {b.get('error')!r} -> {a.get('error')!r}")
        pairs = [("audit", b.get("audit"), a.get("audit"))]
        pairs += [(f"plan[{v}]", (b.get("plans") or {}).get(v), (a.get("plans") or {}).get(v)) for v in VARIANTS]
        for label, x, y in pairs:
            if x is None or y is None:
                continue
            added, removed, changed = json_differences(x, y)
            added_all.update(added)
            if added and not only_values:
                lines += [f"{label}: key added {k} ({n}x)" for k, n in sorted(added.items())]
            lines += [f"{label}: key removed {k} ({n}x)" for k, n in sorted(removed.items())]
            lines += [f"{label}: {p}: {_short(old)} -> {_short(new)}" for p, old, new in changed]
        for v in VARIANTS:
            x, y = (b.get("redlines") or {}).get(v), (a.get("redlines") or {}).get(v)
            if x is not None and y is not None and x != y:
                lines += [f"redline[{v}]: {d}" for d in docx_differences(base64.b64decode(x), base64.b64decode(y))]
        if lines:
            differing += 1
            print(f"== {name}")
            print("\n".join(f"  {line}" for line in lines))
    if only_values and added_all:
        print("keys added (all documents): " + ", ".join(f"{k} ({n}x)" for k, n in sorted(added_all.items())))
    print(f"{len(before)} documents compared; {differing} with differences")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the git revision to compare the working tree with")
    parser.add_argument(
        "--only-changed-values", action="store_true", help="list added keys once for all documents, not per document"
    )
    parser.add_argument("--to", metavar="REV2", help="compare with this revision instead of the working tree")
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared domain folder (default ../shared)"
    )
    args = parser.parse_args(argv)
    files = documents(ROOT, args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        before = collect(export(args.rev, Path(tmp)), files)
    if args.to:
        with tempfile.TemporaryDirectory() as tmp:
            after = collect(export(args.to, Path(tmp)), files)
    else:
        after = collect(ROOT, files)
    return compare(before, after, args.only_changed_values)


if __name__ == "__main__":
    sys.exit(main())
