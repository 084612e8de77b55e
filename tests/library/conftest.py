from pathlib import Path

import pytest

from noai.library import load_library

DATA = Path(__file__).parents[1] / "data" / "library"


@pytest.fixture(scope="session")
def library():
    return load_library()


@pytest.fixture
def data_dir() -> Path:
    return DATA
