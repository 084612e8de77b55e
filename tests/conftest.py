"""Pytest fixtures that are available in all test modules.

Test helpers live in ``tests/support`` and are imported as ``support.*``:
``from support.validate_docx import validate_docx`` (schema + package checks) and
``from support.lo import lo_read`` (LibreOffice as a real client; take the ``libreoffice``
fixture, or mark the test ``@pytest.mark.libreoffice``, so it skips where soffice is missing).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS_DIR))  # makes ``support`` importable whatever the import mode

from support.lo import lo_read, require_libreoffice  # noqa: E402

REPO_DIR = TESTS_DIR.parent
EXAMPLE_DOCX = REPO_DIR / "examples" / "agency-services-agreement.docx"
REVISION_DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


def pytest_runtest_setup(item):
    if item.get_closest_marker("libreoffice"):
        require_libreoffice()


@pytest.fixture(scope="session")
def libreoffice():
    """``lo_read``, once LibreOffice is known to be there (else skip, or fail on CI)."""
    require_libreoffice()
    return lo_read


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return TESTS_DIR / "data"


@pytest.fixture(scope="session")
def corpus_dir(data_dir) -> Path:
    return data_dir / "corpus"


@pytest.fixture(scope="session")
def example_docx() -> bytes:
    """The bundled example contract, ``examples/agency-services-agreement.docx``."""
    return EXAMPLE_DOCX.read_bytes()


@pytest.fixture
def revision_date() -> datetime:
    """A fixed revision date: the engine never reads the clock, and neither do tests."""
    return REVISION_DATE
