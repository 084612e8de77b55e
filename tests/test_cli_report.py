"""The CLI's report: before -> after on redline, exit codes as the README documents, a clean progress line."""

from __future__ import annotations

import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

from noai import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "agency-services-agreement.docx"
SCORE = r"risk (\d+)/100, grade ([A-F])"


def noai(*args):
    return subprocess.run(
        [sys.executable, "-m", "noai.cli", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def test_redline_shows_the_score_before_and_after_as_an_audit_of_the_written_file_finds_it(tmp_path):
    out = tmp_path / "out.docx"
    run = noai("redline", EXAMPLE, "-o", out, "--date", "2026-01-15T10:00:00Z")
    assert run.returncode == 0, run.stderr
    before_after = re.search(f"{SCORE} -> {SCORE}", run.stdout)
    assert before_after, run.stdout
    audited = noai("audit", out)
    first = re.search(SCORE, audited.stdout)
    assert (first.group(1), first.group(2)) == before_after.groups()[2:]
    assert int(before_after.group(3)) < int(before_after.group(1))


def test_the_report_names_places_as_word_shows_them_and_hides_info_items_unless_asked():
    plain, full = noai("audit", EXAMPLE), noai("audit", "--all", "--verbose", EXAMPLE)
    assert plain.returncode == full.returncode == 0
    assert "¶" not in plain.stdout and "¶" in full.stdout
    assert "INFO (" not in plain.stdout and "INFO (" in full.stdout
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", plain.stdout)  # no internal snake_case ids
    assert plain.stdout.rstrip().splitlines()[-1].startswith("Next step: ")
    assert len(plain.stdout.splitlines()) < len(full.stdout.splitlines())


def test_showing_an_unknown_clause_is_bad_usage_exit_2():
    run = noai("clauses", "show", "nope")
    assert run.returncode == 2
    assert "no clause 'nope'" in run.stderr and "no-ai-training" in run.stderr


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_an_error_starts_on_a_cleared_line_not_on_the_progress_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.docx").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "b.docx").write_bytes(b"not a word document")
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["audit", str(tmp_path)]) == 3
    text = err.getvalue()
    error_at = text.index("noai: ")
    assert text[:error_at].endswith("\r\033[K")  # the progress line "[2/2] b.docx" wiped first
    assert "[2/2] b.docx" in text[:error_at]
    assert text.endswith("\n")  # the terminal is left on a fresh line


def test_the_next_step_is_a_command_that_runs_as_printed_from_where_the_audit_ran(tmp_path):
    folder = tmp_path / "client contracts"
    folder.mkdir()
    contract = folder / "msa.docx"
    contract.write_bytes(EXAMPLE.read_bytes())
    run = noai("audit", contract, "--we", "the Studio")
    assert run.returncode == 0, run.stderr
    command = re.search(r"^Next step: `([^`]+)`", run.stdout, re.M).group(1)
    argv = shlex.split(command)
    assert argv[:2] == ["noai", "redline"] and Path(argv[2]) == contract and argv[3:] == ["--we", "the Studio"]
    redline = noai(*argv[1:], "-o", tmp_path / "out.docx")
    assert redline.returncode == 0, redline.stderr
    assert (tmp_path / "out.docx").exists()


def test_an_output_that_cannot_be_written_is_named_as_given_with_exit_3_and_leaves_no_file(tmp_path):
    out = tmp_path / "no such folder" / "out.docx"
    run = noai("redline", EXAMPLE, "-o", out)
    assert run.returncode == 3
    assert str(out) in run.stderr and "noai-partial" not in run.stderr and "Traceback" not in run.stderr
    assert not out.parent.exists()


def test_an_unreadable_document_we_sent_is_named_as_that_one_not_as_the_reply(tmp_path):
    sent = tmp_path / "sent.docx"
    sent.write_bytes(b"not a word document")
    for command in (("audit", EXAMPLE), ("redline", EXAMPLE, "-o", tmp_path / "out.docx")):
        run = noai(*command, "--previous", sent)
        assert run.returncode == 3, run.stderr
        assert "The document we sent: The file is not a Word document" in run.stderr, run.stderr
    assert not (tmp_path / "out.docx").exists()


def test_a_redline_error_names_the_file_as_the_audit_does(tmp_path):
    bad = tmp_path / "reply.docx"
    bad.write_bytes(b"not a word document")
    audit, redline = noai("audit", bad), noai("redline", bad, "-o", tmp_path / "out.docx")
    assert audit.returncode == redline.returncode == 3
    assert audit.stderr == redline.stderr
    assert redline.stderr.startswith(f"noai: {bad}: The file is not a Word document")


def test_counts_of_one_read_in_the_singular():
    assert cli._count(1, "tracked change") == "1 tracked change"
    assert cli._count(13, "tracked change") == "13 tracked changes"
    assert cli._count(1, "reply", "replies") == "1 reply"
    assert cli._count(0, "reply", "replies") == "0 replies"


def test_a_missing_file_named_by_an_option_is_bad_usage_exit_2_like_a_missing_input(tmp_path):
    missing = tmp_path / "gone.docx"
    runs = [
        noai("audit", missing),
        noai("audit", EXAMPLE, "--previous", missing),
        noai("clauses", "show", "no-ai-training", "--for", missing),
    ]
    assert [run.returncode for run in runs] == [2, 2, 2]
    assert all(str(missing) in run.stderr and "Traceback" not in run.stderr for run in runs)
