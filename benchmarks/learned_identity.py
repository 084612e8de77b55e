"""The learned model's audit path, recorded to be compared across a change that must not change it.

For every document (the 4 speed-guard contracts, ``tests/data/corpus``, the shared corpus's .docx, the
synthetic contracts and, with ``--cuad``, the 250 CUAD dev contracts) the paragraphs and rule findings the
audit hands to ``learned.review_findings`` are taken once; then for each, what ``_Packed.reaching`` yields
(paragraph, packed total, keys, shape: so each kind's logit, not a rounded probability) and each review
finding (kind, severity, paragraph, confidence, explanation). ``record`` writes them; ``check`` compares
the code under ``PYTHONPATH`` with a record (exit 1 on any difference).

    PYTHONPATH=/tmp/before/server python benchmarks/learned_identity.py record /tmp/learned.pkl [--cuad]
    PYTHONPATH=$PWD/server python benchmarks/learned_identity.py check /tmp/learned.pkl [--cuad]

The inputs are taken by the code under ``PYTHONPATH`` each time: compare trees whose rules agree.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

from audit import WORD_MADE  # noqa: E402
from make_large import make_large, word_made  # noqa: E402

from noai import engine  # noqa: E402
from noai.analysis import learned  # noqa: E402


def documents(cuad: bool) -> Iterator[tuple[str, bytes]]:
    yield "make_large(1500)", make_large(1500)
    corpus = ROOT / "tests" / "data" / "corpus"
    for name in WORD_MADE:
        yield f"{name} repeated", word_made(corpus / f"{name}.docx", 1500)
    for path in sorted(corpus.glob("*.docx")):
        yield f"corpus/{path.name}", path.read_bytes()
    for path in sorted((SHARED / "corpus" / "docx").glob("*.docx")):
        yield f"shared/{path.name}", path.read_bytes()
    from support.synthetic_contracts import CONTRACTS

    for name, (builder, _facts) in CONTRACTS.items():
        yield f"synthetic/{name}", builder()
    if cuad:
        from cuad import contract_docx

        with gzip.open(SHARED / "corpus" / "cuad-dev.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    c = json.loads(line)
                    yield f"cuad/{c['contract_id']}", contract_docx(c["text"].split("\n"))


def outcome(paragraphs: Any, findings: Any) -> tuple[Any, Any]:
    packed = learned.current_model()._packed  # type: ignore[union-attr]
    covers = {(i, f.kind) for f in findings for i in range(f.start, f.end + 1)}
    neighbours = learned.Neighbours(paragraphs, covers)
    reach = [
        (i, total, tuple(sorted(keys)), tuple(shape))
        for i, total, keys, shape in packed.reaching(paragraphs, neighbours, {i for i, _ in covers})
    ]
    review = [
        (f.kind, f.severity, f.start, f.confidence, f.explanation)
        for f in learned.review_findings(paragraphs, findings)
    ]
    return reach, review


def outcomes(cuad: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    taken: list[tuple[Any, Any]] = []
    original = learned.review_findings

    def spy(paragraphs: Any, findings: Any, *args: Any, **kwargs: Any) -> Any:
        taken.append((list(paragraphs), list(findings)))
        return original(paragraphs, findings, *args, **kwargs)

    for name, data in documents(cuad):
        taken.clear()
        learned.review_findings = spy  # type: ignore[assignment]
        try:
            engine.audit(data)
        except Exception as e:  # a document the engine refuses is reported, not compared
            print(f"{name}: not audited ({type(e).__name__})")
            continue
        finally:
            learned.review_findings = original  # type: ignore[assignment]
        for k, (paragraphs, findings) in enumerate(taken):
            out[f"{name}#{k}"] = outcome(paragraphs, findings)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("record", "check"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--cuad", action="store_true", help="also the 250 CUAD dev contracts (a few minutes)")
    args = parser.parse_args(argv)
    now = outcomes(args.cuad)
    reaching = sum(len(reach) for reach, _ in now.values())
    review = sum(len(found) for _, found in now.values())
    print(f"{len(now)} documents, {reaching} paragraphs reaching a threshold, {review} review findings")
    if args.action == "record":
        args.path.write_bytes(pickle.dumps(now))
        return 0
    before = pickle.loads(args.path.read_bytes())
    differ = sorted(name for name in before.keys() | now.keys() if before.get(name) != now.get(name))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(differ)} of {len(before.keys() | now.keys())} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
