"""The JSON Schemas (draft 2020-12) of the wire formats: ``audit.json`` (``noai.audit/1``, with the
optional keys of ``noai.audit/2``), ``plan.json`` (``noai.plan/1``) and ``problem.json`` (RFC 9457
problem details). They are the one description of these formats: the OpenAPI document embeds
them, the docs are checked against them, and the tests validate real outputs and the fixtures of
``tests/data/wire`` (which the add-in's tests read too) with them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

NAMES = ("audit", "plan", "problem")


@cache
def _text(name: str) -> str:
    if name not in NAMES:
        raise KeyError(name)
    return files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")


def schema(name: str) -> dict[str, Any]:
    """The schema ``name`` (one of :data:`NAMES`), a fresh copy the caller may change."""
    loaded: dict[str, Any] = json.loads(_text(name))
    return loaded


@cache
def _validator(name: str) -> Any:
    # Imported only where JSON comes in, not on the engine's path; jsonschema ships no type stubs.
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

    return Draft202012Validator(schema(name))


def problems(name: str, data: object, limit: int = 5) -> list[str]:
    """What makes ``data`` invalid against schema ``name`` ("edits/0/op: 'delete' is not …"),
    at most ``limit`` messages; empty when valid."""
    errors = sorted(_validator(name).iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors[:limit]]
