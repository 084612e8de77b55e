"""LibreOffice Writer as a real client: how it reads our .docx output.

``lo_read`` runs ``lo_revisions.py`` (beside this module) with Debian's ``/usr/bin/python3``,
the interpreter python3-uno belongs to, once for many documents: one soffice start for all.
Each result is the JSON object that script prints: ``ok``, ``load_error``, ``redlines``,
``paragraphs``, ``accepted_paragraphs``, ``rejected_paragraphs``, ``comments`` (``author``,
``text``, ``anchor``), ... (see its docstring); with ``pdf_text=True`` also ``pdf_text``, the
text of the PDF LibreOffice makes of the document as loaded (list labels included, which the
paragraph strings leave out), via pdftotext.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest

LO_PYTHON = "/usr/bin/python3"
LO_REVISIONS = Path(__file__).with_name("lo_revisions.py")
SECONDS_PER_FILE = 120
START_SECONDS = 60
NOT_INSTALLED = "LibreOffice Writer with python3-uno is not installed; scripts/test installs it"


@functools.cache
def soffice_available() -> bool:
    """soffice is on PATH and Debian's python3 imports ``uno`` (python3-uno)."""
    if shutil.which("soffice") is None or not Path(LO_PYTHON).is_file():
        return False
    probe = subprocess.run([LO_PYTHON, "-c", "import uno"], capture_output=True, timeout=60)
    return probe.returncode == 0


def require_libreoffice() -> None:
    """Skip the calling test where LibreOffice is missing; fail instead on CI, which must have it."""
    if soffice_available():
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{NOT_INSTALLED} (CI must have it)", pytrace=False)
    pytest.skip(NOT_INSTALLED)


def lo_read(documents: Iterable[bytes | str | Path], *, pdf_text: bool = False) -> list[dict]:
    """What LibreOffice reads in each document (bytes of a .docx, or a path), in order."""
    with tempfile.TemporaryDirectory(prefix="noai_lo_") as tmp:
        files = [_as_file(doc, Path(tmp), n) for n, doc in enumerate(documents)]
        pdf_dir = Path(tmp) / "pdf"
        cmd = [LO_PYTHON, str(LO_REVISIONS), "--timeout", str(SECONDS_PER_FILE)]
        if pdf_text:
            pdf_dir.mkdir()
            cmd += ["--pdf", str(pdf_dir if len(files) > 1 else pdf_dir / "0.pdf")]
        run = subprocess.run(
            cmd + [str(f) for f in files],
            capture_output=True,
            text=True,
            timeout=START_SECONDS + SECONDS_PER_FILE * 2 * len(files),
        )
        if run.returncode == 2:
            raise RuntimeError(f"LibreOffice could not start: {run.stderr.strip()}")
        results = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
        if len(results) != len(files):
            raise RuntimeError(f"lo_revisions.py reported {len(results)} of {len(files)} files: {run.stderr.strip()}")
        if pdf_text:
            for res in results:
                res["pdf_text"] = _pdftotext(res["pdf"]) if res.get("pdf") else None
    return results


def _as_file(doc: bytes | str | Path, tmp: Path, n: int) -> Path:
    if isinstance(doc, bytes):
        path = tmp / f"{n}.docx"
        path.write_bytes(doc)
        return path
    # copied under a numbered name, so that PDFs of same-named inputs cannot collide
    path = tmp / f"{n}{Path(doc).suffix or '.docx'}"
    shutil.copyfile(doc, path)
    return path


def _pdftotext(pdf: str) -> str:
    run = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, timeout=60, check=True)
    return run.stdout


# The mark of a test that reads our .docx with LibreOffice: skipped where soffice or lo_revisions.py is absent.
needs_lo = pytest.mark.skipif(
    not (LO_REVISIONS.exists() and shutil.which("soffice")), reason="LibreOffice or lo_revisions.py absent"
)
