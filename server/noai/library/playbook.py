"""The playbook: which protections to require, which variant to propose first, what to do with
each red flag. The shipped ``clauses/playbook.toml`` is the default; a user's own playbook is
merged over it table by table, so it only needs the keys it changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .loader import PLAYBOOK_FILE, Library, shipped_dir
from .problems import Problems
from .schema import PlaybookSchema


@dataclass(frozen=True, slots=True)
class Protection:
    """``mode`` require / offer / off; ``require_in`` variants that require it even when offered."""

    kind: str
    mode: str
    clause: str
    require_in: tuple[str, ...] = ()

    def required(self, variant: str) -> bool:
        return self.mode == "require" or (self.mode == "offer" and variant in self.require_in)


@dataclass(frozen=True, slots=True)
class Playbook:
    variant: str
    comments: bool
    protections: Mapping[str, Protection]
    red_flags: Mapping[str, str]
    sources: tuple[Path, ...] = ()

    def required(self, variant: str | None = None) -> tuple[Protection, ...]:
        """Protections to insert when the document lacks them, for ``variant`` (default: ours)."""
        variant = variant or self.variant
        return tuple(p for p in self.protections.values() if p.required(variant))

    def offered(self, variant: str | None = None) -> tuple[Protection, ...]:
        """Protections to propose as optional (not inserted unless the user asks)."""
        variant = variant or self.variant
        return tuple(p for p in self.protections.values() if p.mode == "offer" and not p.required(variant))

    def action_for(self, finding: str) -> str:
        """``replace``, ``comment`` or ``ignore`` for a red flag of kind ``finding``."""
        return self.red_flags.get(finding, "ignore")


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` over ``base``, recursing into tables."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_playbook(path: Path | None = None, library: Library | None = None) -> Playbook:
    """The default playbook, with the playbook at ``path`` merged over it.

    With ``library``, checks that every protection's clause exists and every red flag to fix
    has a fix. Raises :class:`~noai.errors.LibraryError` listing every problem."""
    problems = Problems()
    default_path = shipped_dir() / PLAYBOOK_FILE
    data = problems.read_toml(default_path) or {}
    problems.load(PlaybookSchema(), default_path, data)
    sources = [default_path]
    if path is not None:
        own = problems.read_toml(Path(path))
        if own is not None:
            data = _merge(data, own)
            sources.append(Path(path))
    checked_path = sources[-1]
    loaded = None if problems.items else problems.load(PlaybookSchema(), checked_path, data)
    if loaded is not None and library is not None:
        _check_against(loaded, library, checked_path, problems)
    problems.raise_if_any("playbook")
    assert loaded is not None  # else a problem was recorded and raise_if_any raised
    return Playbook(
        variant=loaded["variant"],
        comments=loaded["comments"],
        protections=MappingProxyType(
            {
                kind: Protection(kind=kind, mode=p["mode"], clause=p["clause"], require_in=tuple(p["require_in"]))
                for kind, p in loaded["protections"].items()
            }
        ),
        red_flags=MappingProxyType(dict(loaded["red_flags"])),
        sources=tuple(sources),
    )


def _check_against(data: dict[str, Any], library: Library, path: Path, problems: Problems) -> None:
    known = {c.id for c in library.clauses}
    for kind, protection in data["protections"].items():
        if protection["clause"] not in known:
            problems.add(path, f"protections.{kind}.clause", f"No clause {protection['clause']!r} in the library.")
    for finding, action in data["red_flags"].items():
        fix = library.fix_for(finding)
        if action != "ignore" and fix is None:
            problems.add(path, f"red_flags.{finding}", f'The library has no fix for {finding!r}; use "ignore".')
        elif action == "replace" and fix is not None and not any("replace" in r.actions.values() for r in fix.rules):
            problems.add(path, f"red_flags.{finding}", f'{fix.id} only comments; use "comment" or "ignore".')
