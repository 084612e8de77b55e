#!/usr/bin/env python3
"""Keep the vocabulary in the wire schemas and the docs in step with ``noai/kinds.py``: the finding
kinds, severities and protections listed in ``server/noai/schemas/{audit,plan}.json`` and the list
of kinds in ``docs/audit-schema.md`` are written from the enums. Run it after adding a kind or a
protection (``tests/test_wire.py`` fails until you do).

    PYTHONPATH=server python scripts/wire_schemas.py          # rewrite what is out of step
    PYTHONPATH=server python scripts/wire_schemas.py --check  # exit 1 if something is
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from noai.kinds import FindingKind, Protection, Severity

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "server" / "noai" / "schemas"
DOC = ROOT / "docs" / "audit-schema.md"
_KIND_ROW = re.compile(r"^\| `kind` \| one of .*\|$", re.MULTILINE)


def _audit(schema: dict) -> dict:
    finding = schema["$defs"]["finding"]["properties"]
    finding["kind"]["enum"] = [k.value for k in FindingKind]
    finding["severity"]["enum"] = [s.value for s in Severity]
    protections = schema["properties"]["protections"]
    protections["properties"] = {p.value: {"$ref": "#/$defs/protection"} for p in Protection}
    schema["$defs"]["insertion_point"]["properties"]["protection"]["enum"] = [p.value for p in Protection]
    return schema


def _plan(schema: dict) -> dict:
    for op in ("replace", "comment"):
        # null: an edit that answers no finding (a next round putting back words taken out of our clause)
        schema["$defs"][op]["properties"]["finding"]["enum"] = [k.value for k in FindingKind] + [None]
    return schema


def _doc(text: str) -> str:
    kinds = ", ".join(f"`{k.value}`" for k in FindingKind)
    return _KIND_ROW.sub(lambda _: f"| `kind` | one of {kinds} |", text, count=1)


def wanted() -> dict[Path, str]:
    """Each generated file with the text it should have."""
    out = {}
    for name, update in (("audit", _audit), ("plan", _plan)):
        path = SCHEMAS / f"{name}.json"
        out[path] = (
            json.dumps(update(json.loads(path.read_text(encoding="utf-8"))), indent=2, ensure_ascii=False) + "\n"
        )
    out[DOC] = _doc(DOC.read_text(encoding="utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report what is out of step")
    args = parser.parse_args(argv)
    stale = [(path, text) for path, text in wanted().items() if path.read_text(encoding="utf-8") != text]
    for path, text in stale:
        if args.check:
            print(f"out of step with noai/kinds.py: {path.relative_to(ROOT)}")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if not stale:
        print("the schemas and docs name the vocabulary of noai/kinds.py")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
