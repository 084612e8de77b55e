"""The ``noai`` command, run for real (``python -m noai.cli``) on the bundled example."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "agency-services-agreement.docx"


def noai(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "noai.cli", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_audit_prints_a_readable_report_with_the_score():
    run = noai("audit", EXAMPLE)
    assert run.returncode == 0, run.stderr
    assert "work made for hire" in run.stdout.lower()
    assert "/100" in run.stdout


def test_audit_json_follows_the_versioned_schema():
    run = noai("audit", "--json", EXAMPLE)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["schema"] == "noai.audit/2"
    assert {"paragraphs", "terms", "findings", "protections", "insertion_points", "score"} <= set(data)
    assert any(f["kind"] == "work_made_for_hire" for f in data["findings"])


def test_a_folder_audit_goes_on_past_a_bad_file_and_exits_with_the_read_error(tmp_path):
    (tmp_path / "a.docx").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "b.docx").write_bytes(b"this is not a word document")
    run = noai("audit", tmp_path)
    assert run.returncode == 3
    assert "b.docx" in run.stderr and "Traceback" not in run.stderr
    assert "a.docx" in run.stdout  # the summary table lists the good file


def test_markdown_report_has_a_heading():
    run = noai("audit", "--markdown", EXAMPLE)
    assert run.returncode == 0, run.stderr
    assert run.stdout.lstrip().startswith("#")


def test_redline_writes_tracked_changes_and_never_overwrites_the_input(tmp_path):
    src = tmp_path / "in.docx"
    src.write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out.docx"
    run = noai("redline", src, "-o", out, "--author", "Jo Freelancer", "--date", "2026-01-15T10:00:00Z")
    assert run.returncode == 0, run.stderr
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert 'w:author="Jo Freelancer"' in body and "<w:ins " in body
    assert src.read_bytes() == EXAMPLE.read_bytes()
    again = noai("redline", src, "-o", src)
    assert again.returncode == 2 and "overwrite" in again.stderr
    assert src.read_bytes() == EXAMPLE.read_bytes()


def test_redline_dry_run_prints_the_plan_and_writes_nothing(tmp_path):
    src = tmp_path / "in.docx"
    src.write_bytes(EXAMPLE.read_bytes())
    run = noai("redline", src, "--dry-run")
    assert run.returncode == 0, run.stderr
    plan = json.loads(run.stdout)
    assert plan["schema"] == "noai.plan/1" and plan["edits"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.docx"]


def test_redline_of_a_folder_writes_each_document_and_reports_bad_ones(tmp_path):
    src, dst = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.docx").write_bytes(EXAMPLE.read_bytes())
    (src / "broken.docx").write_bytes(EXAMPLE.read_bytes()[:2000])
    run = noai("redline", src, "-o", dst, "--date", "2026-01-15T10:00:00Z")
    assert run.returncode == 3
    assert (dst / "a.docx").exists() and not (dst / "broken.docx").exists()
    assert not list(dst.glob(".*partial"))


def test_bad_input_gets_a_message_and_an_exit_code_not_a_traceback(tmp_path):
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    run = noai("audit", doc)
    assert run.returncode == 3
    assert "Traceback" not in run.stderr and run.stderr.startswith("noai:")
    missing = noai("audit", tmp_path / "nope.docx")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_clauses_list_and_show_for_a_document_use_its_own_terms():
    listing = noai("clauses", "list")
    assert listing.returncode == 0 and "no-ai-training" in listing.stdout
    shown = noai("clauses", "show", "no-ai-training", "--variant", "strict", "--for", EXAMPLE)
    assert shown.returncode == 0, shown.stderr
    assert "Studio" in shown.stdout and "{" not in shown.stdout
    unknown = noai("clauses", "show", "no-such-clause")
    assert unknown.returncode == 2 and "no-ai-training" in unknown.stderr


@pytest.mark.parametrize("url", ["https://contracts.example.com"])
def test_manifest_for_another_host(url, tmp_path):
    out = tmp_path / "manifest.xml"
    run = noai("manifest", "--url", url, "-o", out)
    assert run.returncode == 0, run.stderr
    text = out.read_text()
    assert url in text and "localhost" not in text
