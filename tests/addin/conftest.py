"""Shared paths and the manifest checker (tests/support/check_manifest.py) for the add-in tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_manifest", ROOT / "tests" / "support" / "check_manifest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def check_manifest():
    """The module with ``manifest_errors(xml) -> list[str]``."""
    return _load_checker()
