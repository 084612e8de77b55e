"""The corpus contracts a test runs on: the repository's copies (tests/data/corpus), the bundled
example, and the shared domain folder's corpus (``../shared/corpus/docx`` from the repository, as
CI has it), which skips with its reason where the folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "corpus" / "docx"


def contracts() -> list:
    """``pytest.param`` of each contract's path, for ``@pytest.mark.parametrize("path", contracts())``."""
    own = sorted((REPO / "tests" / "data" / "corpus").glob("*.docx"))
    own.append(REPO / "examples" / "agency-services-agreement.docx")
    params = [pytest.param(p, id=p.name) for p in own]
    shared = sorted(SHARED.glob("*.docx")) if SHARED.is_dir() else []
    params += [pytest.param(p, id=f"shared/{p.name}") for p in shared]
    if not shared:
        params.append(
            pytest.param(
                None,
                id="shared",
                marks=pytest.mark.skip(
                    reason=f"the shared corpus is not at {SHARED} (../shared/corpus/docx from the repository)"
                ),
            )
        )
    return params
