"""The real task pane in headless Chromium, served by the real backend, with a stub Office/Word.

The backend (``noai.web.create_app``) serves /addin/ and /api/v1/ on 127.0.0.1; the node
script addin/test/browser/run.mjs loads the pane with addin/test/browser/stub-office.js in place
of Microsoft's office.js, scans the example contract, applies every proposed change, opens the
library and saves screenshots to artifacts/. Needs Debian's chromium and ``npm ci`` in addin/.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from noai.ooxml.document import read_document

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
RUNNER = ROOT / "addin" / "test" / "browser" / "run.mjs"
CONTRACT = ROOT / "examples" / "agency-services-agreement.docx"
ARTIFACTS = ROOT / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium (/usr/bin/chromium) is not installed"),
    pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed"),
    pytest.mark.skipif(
        not (ROOT / "addin" / "node_modules" / "playwright-core").is_dir(),
        reason="playwright-core is not installed: run `npm ci` in addin/",
    ),
]


@pytest.fixture
def backend_url():
    """The backend on a free 127.0.0.1 port, for the length of one test."""
    from noai.web import create_app  # the backend missing is a failure, not a skip

    server = make_server("127.0.0.1", 0, create_app({"TESTING": True}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def test_the_pane_scans_the_example_contract_applies_all_and_shows_the_library(backend_url, tmp_path):
    paragraphs = tmp_path / "paragraphs.json"
    document = read_document(CONTRACT.read_bytes())
    paragraphs.write_text(json.dumps([p.text for p in document.paragraphs]), encoding="utf-8")

    run = subprocess.run(
        ["node", str(RUNNER), backend_url, str(CONTRACT), str(paragraphs), str(ARTIFACTS)],
        cwd=ROOT / "addin", capture_output=True, text=True, timeout=180, check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])

    assert report["console"] == []
    assert report["blocked"] == []
    assert report["findings"] > 0 and report["severities"]
    assert report["fileClosed"] is True
    assert report["selected"] == 1
    assert report["edits"] > 0
    assert report["applied"] == report["edits"], report["notApplied"]
    assert report["wordEdits"] and all(edit["mode"] == "TrackAll" for edit in report["wordEdits"])
    assert report["clauses"] > 0 and report["preview"].strip()
    for name in ("addin-findings.png", "addin-applied.png", "addin-library.png"):
        assert (ARTIFACTS / name).stat().st_size > 1000
