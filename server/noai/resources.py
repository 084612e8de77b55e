"""Where the shipped data folders are: ``clauses/`` (the clause library) and ``addin/`` (the task pane).

An installed wheel carries them as package data under ``noai/_shipped/`` (setup.py copies them
there); the source tree and an editable install keep them at the repository's top level.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """The shipped folder ``name`` ("clauses" or "addin"): the package's copy, else the source tree's."""
    packaged = _PACKAGE / "_shipped" / name
    return packaged if packaged.is_dir() else _PACKAGE.parents[1] / name
