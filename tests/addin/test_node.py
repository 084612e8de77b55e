"""The task pane's JavaScript unit tests (node --test addin/test/*.test.js) run as part of pytest.

The files are named one by one: given the folder, Node 20 would also run the helpers under
addin/test/ (the fake Word, the browser runner) as test files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MIN_TESTS = 35


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_node_unit_tests_of_the_task_pane_pass():
    files = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "addin" / "test").glob("*.test.js"))
    run = subprocess.run(["node", "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    passed = re.search(r"^# pass (\d+)$", run.stdout, re.MULTILINE)
    assert passed and int(passed.group(1)) >= MIN_TESTS, run.stdout[-2000:]
