"""Every Office.js call of the task pane checked against Office's own type definitions.

``tsc --noEmit -p addin/tsconfig.json`` (TypeScript and @types/office-js from addin/package.json,
test-only) checks the pane's JavaScript through its JSDoc types: each Word batch takes a
``Word.RequestContext`` and works on ``Word.Paragraph`` / ``Word.Range``, so a misspelt or missing
API is a type error here rather than a failure inside Word.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDIN = ROOT / "addin"
TSC = ADDIN / "node_modules" / "typescript" / "bin" / "tsc"

pytestmark = [
    pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed"),
    pytest.mark.skipif(
        not TSC.exists() or not (ADDIN / "node_modules" / "@types" / "office-js").is_dir(),
        reason="typescript and @types/office-js are not installed: run `npm ci` in addin/",
    ),
]


def tsc(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["node", str(TSC), "-p", str(project)], capture_output=True, text=True, timeout=300, check=False
    )


def test_the_pane_type_checks_against_office_js_with_no_errors():
    run = tsc(ADDIN / "tsconfig.json")
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


@pytest.mark.parametrize(
    "module, real, right, wrong",
    [
        ("redline.js", "context.document.changeTrackingMode = TRACK_ALL", "changeTrackingMode", "changeTrackingModes"),
        ("anchor.js", "paragraph.search(searchable(phrase), options)", "search", "find"),
        ("library.js", "getRange().insertComment(rendered.comment)", "insertComment", "addComment"),
        ("document.js", "context.document.body.getOoxml()", "getOoxml", "getOoXml"),
    ],
)
def test_an_office_js_call_that_does_not_exist_fails_the_type_check(tmp_path, module, real, right, wrong):
    src = tmp_path / "src"
    shutil.copytree(ADDIN / "src", src)
    text = (src / module).read_text(encoding="utf-8")
    assert real in text  # the call is really there to break
    (src / module).write_text(text.replace(real, real.replace(right, wrong, 1), 1), encoding="utf-8")
    config = json.loads((ADDIN / "tsconfig.json").read_text(encoding="utf-8"))
    config["compilerOptions"]["typeRoots"] = [str(ADDIN / "node_modules" / "@types")]
    config["include"] = ["src/**/*.js"]
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    run = tsc(tmp_path / "tsconfig.json")
    assert run.returncode != 0
    assert f"src/{module}" in run.stdout and f"'{wrong}' does not exist" in run.stdout, run.stdout[-2000:]
