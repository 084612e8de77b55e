"""The guards of scripts/lint (ruff, ruff format, mypy, import-linter, eslint) fail on a violation.

Each guard runs with the project's own configuration on a small bad input and on a good one: a
guard that passes everything would pass the good input too, so both answers are asserted.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LINT = ROOT / "scripts" / "lint"
ESLINT = ROOT / "addin" / "node_modules" / ".bin" / "eslint"


def _needs_module(name: str) -> None:
    if subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True).returncode != 0:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")


def _run(
    args: list[str], *, cwd: Path = ROOT, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})}
    )


# -- ruff ------------------------------------------------------------------------------------


def _ruff_check(source: str, filename: str) -> subprocess.CompletedProcess[str]:
    _needs_module("ruff")
    return _run([sys.executable, "-m", "ruff", "check", "--no-cache", "--stdin-filename", filename, "-"], stdin=source)


def test_ruff_fails_on_an_unused_import_and_passes_the_same_module_without_it():
    bad = _ruff_check('"""A module."""\n\nimport os\n\nVALUE = 1\n', "server/noai/ooxml/new_module.py")
    good = _ruff_check('"""A module."""\n\nVALUE = 1\n', "server/noai/ooxml/new_module.py")
    assert bad.returncode == 1 and "F401" in bad.stdout
    assert good.returncode == 0, good.stdout


def test_only_the_cli_may_print():
    source = "def report(text: str) -> None:\n    print(text)\n"
    engine = _ruff_check(source, "server/noai/engine.py")
    analysis = _ruff_check(source, "server/noai/analysis/new_module.py")
    cli = _ruff_check(source, "server/noai/cli.py")
    assert engine.returncode == 1 and "T201" in engine.stdout
    assert analysis.returncode == 1 and "T201" in analysis.stdout
    assert cli.returncode == 0, cli.stdout


@pytest.mark.parametrize(
    "source",
    [
        'import sys\n\nsys.stderr.write("done")\n',
        "from datetime import datetime\n\nSTAMP = datetime.now()\n",
        "import time\n\nSTARTED = time.time()\n",
        'import logging\n\nlogging.getLogger("noai").info("read")\n',
    ],
)
def test_the_engine_may_not_write_to_the_terminal_read_the_clock_or_log_but_the_web_layer_may(source):
    engine = _ruff_check(source, "server/noai/writer.py")
    web = _ruff_check(source, "server/noai/web/api.py")
    assert engine.returncode == 1 and "TID251" in engine.stdout
    assert web.returncode == 0, web.stdout


def test_ruff_format_check_fails_on_unformatted_code_and_passes_formatted_code():
    _needs_module("ruff")

    def check(source: str) -> subprocess.CompletedProcess[str]:
        return _run(
            [
                sys.executable,
                "-m",
                "ruff",
                "format",
                "--check",
                "--no-cache",
                "--stdin-filename",
                "server/noai/new_module.py",
                "-",
            ],
            stdin=source,
        )

    assert check("TABLE = {  'a':1 }\n").returncode == 1
    assert check('TABLE = {"a": 1}\n').returncode == 0


# -- mypy --------------------------------------------------------------------------------------


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    _needs_module("mypy")
    module = tmp_path / "checked.py"
    module.write_text(source, encoding="utf-8")
    return _run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(PYPROJECT),
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(module),
        ]
    )


def test_mypy_with_the_project_settings_fails_on_an_untyped_function(tmp_path):
    result = _mypy(tmp_path, "def twice(x):\n    return 2 * x\n")
    assert result.returncode == 1
    assert "no-untyped-def" in result.stdout


def test_mypy_with_the_project_settings_passes_a_typed_function(tmp_path):
    result = _mypy(tmp_path, "def twice(x: int) -> int:\n    return 2 * x\n")
    assert result.returncode == 0, result.stdout


# -- import-linter -----------------------------------------------------------------------------


def _lint_imports(tmp_path: Path, edit: tuple[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """lint-imports with the project's contracts on a copy of the package, one module edited."""
    _needs_module("importlinter")
    server = tmp_path / "server"
    shutil.copytree(ROOT / "server" / "noai", server / "noai", ignore=shutil.ignore_patterns("__pycache__"))
    if edit is not None:
        path, line = edit
        module = server / "noai" / path
        module.write_text(module.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")
    code = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return _run(
        [sys.executable, "-c", code, "--config", str(PYPROJECT), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(server)},
    )


def test_the_import_contracts_hold_on_the_package_as_it_is(tmp_path):
    result = _lint_imports(tmp_path)
    assert result.returncode == 0, result.stdout
    assert re.search(r"Contracts: \d+ kept, 0 broken", result.stdout)


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("ooxml/ns.py", "from noai import plan"),
        ("ooxml/text.py", "import noai.analysis.classify"),
        ("analysis/joined.py", "from noai.library import loader"),
        ("library/render.py", "from noai import analysis"),
        ("plan.py", "from noai import writer"),
        ("writer.py", "from noai import engine"),
        ("engine.py", "from noai import cli"),
        ("engine.py", "from noai.web import api"),
        ("kinds.py", "from noai.ooxml import ns"),
        ("errors.py", "from noai import kinds"),
    ],
)
def test_an_import_that_points_up_the_layers_breaks_the_contract(tmp_path, module, line):
    result = _lint_imports(tmp_path, (module, line))
    assert result.returncode == 1
    assert "Layers: imports point down only" in result.stdout and "BROKEN" in result.stdout


@pytest.mark.parametrize("module", ["engine.py", "ooxml/package.py", "cli.py"])
def test_flask_imported_outside_web_breaks_the_contract(tmp_path, module):
    result = _lint_imports(tmp_path, (module, "import flask"))
    assert result.returncode == 1
    assert "Only web imports Flask" in result.stdout and "BROKEN" in result.stdout


# -- eslint ------------------------------------------------------------------------------------


def _eslint(source: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("node") is None or not ESLINT.exists():
        pytest.skip("eslint is not installed: run 'npm ci' in addin/")
    return _run([str(ESLINT), "--stdin", "--stdin-filename", "src/new-module.js"], cwd=ROOT / "addin", stdin=source)


def test_eslint_fails_on_an_undefined_name_in_the_pane_source():
    result = _eslint("export function shout(text) {\n  return textt.toUpperCase();\n}\n")
    assert result.returncode == 1
    assert "no-undef" in result.stdout


def test_eslint_passes_clean_pane_source_that_uses_the_office_globals():
    result = _eslint("export function ready() {\n  return Office.onReady().then(() => Word.run(() => 1));\n}\n")
    assert result.returncode == 0, result.stdout


# -- scripts/lint and pre-commit ---------------------------------------------------------------


def _lint_tree(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    """scripts/lint's ruff guard in a copy of the project's configuration with one module."""
    _needs_module("ruff")
    (tmp_path / "scripts").mkdir()
    shutil.copy(LINT, tmp_path / "scripts" / "lint")
    shutil.copy(PYPROJECT, tmp_path / "pyproject.toml")
    package = tmp_path / "server" / "noai"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(source, encoding="utf-8")
    return _run(["bash", str(tmp_path / "scripts" / "lint"), "ruff"], cwd=tmp_path)


def test_scripts_lint_names_the_guard_that_failed_and_exits_non_zero(tmp_path):
    result = _lint_tree(tmp_path, "import os\n")
    assert result.returncode == 1
    assert "FAILED: ruff" in result.stderr


def test_scripts_lint_exits_zero_when_its_guards_pass(tmp_path):
    result = _lint_tree(tmp_path, '"""The package."""\n')
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all 1 guards passed" in result.stdout


def test_every_guard_of_scripts_lint_has_a_pre_commit_hook():
    lint = LINT.read_text(encoding="utf-8")
    guards = set(re.search(r"set -- ([a-z ]+)\n", lint).group(1).split())
    hooks = set(re.findall(r"entry: scripts/lint (\w+)", (ROOT / ".pre-commit-config.yaml").read_text()))
    assert guards == {"ruff", "format", "mypy", "imports", "eslint"}
    assert hooks == guards
