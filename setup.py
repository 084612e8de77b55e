"""Build step: the clause library (``clauses/``) and the task pane (``addin/``) go into the wheel as
package data under ``noai/_shipped/`` (the source tree keeps them at the top level, where
``noai.resources`` finds them too). Only the files the pane loads are copied, never its tests,
tools or ``node_modules``. Everything else is in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PANE_SUFFIXES = {".html", ".js", ".css", ".png", ".svg", ".ico"}
PANE_HIDDEN = {"node_modules", "test", "tools"}


def shipped_files() -> list[tuple[Path, str]]:
    """(source, path under noai/_shipped/) of every data file the wheel carries."""
    files = [
        (p, f"clauses/{p.relative_to(ROOT / 'clauses').as_posix()}") for p in sorted((ROOT / "clauses").rglob("*.toml"))
    ]
    for p in sorted((ROOT / "addin").rglob("*")):
        parts = p.relative_to(ROOT / "addin").parts
        if (
            p.is_file()
            and p.suffix in PANE_SUFFIXES
            and parts[0] not in PANE_HIDDEN
            and not any(part.startswith(".") for part in parts)
        ):
            files.append((p, f"addin/{'/'.join(parts)}"))
    return files


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "noai" / "_shipped"
        for source, relative in shipped_files():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / relative)


setup(cmdclass={"build_py": BuildWithData})
