"""Installs that work any way: the wheel carries the clause library and the task pane, and a fresh
virtual environment with only the wheel installed runs audit, redline, clauses and serve.

Offline: the wheel is built without build isolation (setuptools and wheel of this Python) and
installed with ``--no-index``; its dependencies come from this Python's site-packages
(``--system-site-packages``)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "server", "clauses", "addin")
IGNORED = shutil.ignore_patterns("node_modules", "__pycache__", "*.egg-info", "build", ".*")


def _buildable() -> str | None:
    for module in ("setuptools", "wheel"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed (pip install '.[test]')"
    return None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the source (the work tree itself stays untouched)."""
    if reason := _buildable():
        pytest.skip(reason)
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("dist")
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=IGNORED)
        else:
            shutil.copy2(path, source / name)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
        env=_clean_env(),
    )
    (built,) = out.glob("*.whl")
    return built


def _clean_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NOAI_", "PYTHON", "PIP_"))}
    return {**env, **extra}


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The ``bin`` folder of a fresh venv with the wheel installed."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(home)
    python = home / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-index",
            "--no-deps",
            "--ignore-installed",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=240,
        env=_clean_env(),
    )
    return home / "bin"


def test_the_wheel_carries_the_clause_library_and_the_pane_but_not_the_panes_tests(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "noai/_shipped/clauses/playbook.toml" in names
    assert "noai/_shipped/clauses/no-ai-training.toml" in names
    assert any(n.startswith("noai/_shipped/clauses/fixes/") for n in names)
    assert {"noai/_shipped/addin/taskpane.html", "noai/_shipped/addin/src/api.js"} <= names
    assert not [
        n
        for n in names
        if n.startswith("noai/_shipped/addin/")
        and ("/test/" in n or "/tools/" in n or "node_modules" in n or n.endswith(".json"))
    ]


def run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bin_dir / "noai"), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=_clean_env()
    )


def test_the_installed_package_is_the_wheel_not_the_source_tree(installed, tmp_path):
    found = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "import noai, noai.resources as r; "
            "print(noai.__file__); print(r.shipped('clauses')); print(r.shipped('addin'))",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_clean_env(),
        check=True,
    )
    module, clauses, addin = found.stdout.split("\n")[:3]
    home = str(installed.parent)
    assert module.startswith(home) and clauses.startswith(home) and addin.startswith(home)


def test_audit_redline_and_clauses_run_from_the_installed_wheel(installed, tmp_path, example_docx):
    (tmp_path / "contract.docx").write_bytes(example_docx)
    audit = run(installed, "audit", "contract.docx", "--json", cwd=tmp_path)
    assert audit.returncode == 0, audit.stderr
    assert json.loads(audit.stdout)["schema"].startswith("noai.audit/")
    redline = run(installed, "redline", "contract.docx", "-o", "out.docx", cwd=tmp_path)
    assert redline.returncode == 0, redline.stderr
    assert zipfile.ZipFile(tmp_path / "out.docx").read("word/document.xml").count(b"<w:ins ") > 0
    listed = run(installed, "clauses", "list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "no-ai-training" in listed.stdout


def test_a_users_broken_clause_folder_lists_each_problem_with_file_and_field(installed, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "my-clause.toml").write_text('id = "my-clause"\nkind = 3\n', encoding="utf-8")
    listed = run(installed, "clauses", "list", "--clauses", str(mine), cwd=tmp_path)
    assert listed.returncode == 4
    lines = [line for line in listed.stderr.splitlines() if "my-clause.toml" in line]
    assert any("my-clause.toml: kind:" in line for line in lines), listed.stderr
    assert any("my-clause.toml: title:" in line for line in lines), listed.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.timeout(120)
def test_serve_from_the_installed_wheel_answers_the_api_and_the_task_pane(installed, tmp_path):
    port = _free_port()
    process = subprocess.Popen(
        [str(installed / "noai"), "serve", "--http", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
        cwd=tmp_path,
        env=_clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stderr.read().decode()
            try:
                urllib.request.urlopen(f"{base}/api/v1/healthz", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        with urllib.request.urlopen(f"{base}/addin/taskpane.html", timeout=10) as response:
            assert b"<html" in response.read().lower()
        with urllib.request.urlopen(f"{base}/api/v1/clauses", timeout=10) as response:
            assert any(c["id"] == "no-ai-training" for c in json.load(response)["clauses"])
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert list(tmp_path.iterdir()) == []
