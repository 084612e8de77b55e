"""A module-level name is bound once. A second ``_PATTERN = re.compile(…)`` further down a long module silently
replaces the first for every function that reads it at run time (while code run at import time, above it, still saw
the first): a pattern added for one reading changed another's (session 12: a second ``_OBJECT_TAIL`` in
analysis/facts.py stopped ``training_words`` finding the tail it strikes)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "server" / "noai"


def rebound(source: str) -> list[tuple[str, int, int]]:
    """``(name, first line, later line)`` of every module-level name assigned more than once (plain or annotated
    assignment; a name first annotated without a value and assigned later is one binding)."""
    seen: dict[str, int] = {}
    twice = []
    for node in ast.parse(source).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                if target.id in seen:
                    twice.append((target.id, seen[target.id], node.lineno))
                seen.setdefault(target.id, node.lineno)
    return twice


def test_a_name_bound_twice_at_module_level_is_found():
    source = "import re\n_TAIL = re.compile('a')\n\ndef f():\n    return _TAIL\n\n_OTHER = 1\n_TAIL = re.compile('b')\n"
    assert rebound(source) == [("_TAIL", 2, 8)]
    assert rebound("X: int\nX = 1\nY = 2\n") == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_of_the_package_binds_a_name_twice(path: Path):
    assert rebound(path.read_text(encoding="utf-8")) == [], path
