"""``--we`` on ``noai audit`` and ``noai redline``: the user's party, or a usage error listing the parties."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support.docx_builder import make_docx, p, r

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "agency-services-agreement.docx"


def noai(*args):
    return subprocess.run(
        [sys.executable, "-m", "noai.cli", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def test_audit_we_puts_the_users_party_in_the_json():
    run = noai("audit", "--json", "--we", "the Studio", EXAMPLE)
    assert run.returncode == 0, run.stderr
    we = json.loads(run.stdout)["we"]
    assert (we["given"], we["role"], we["source"], we["sure"]) == ("the Studio", "creator", "user", True)


def test_a_we_that_names_no_party_exits_2_and_lists_the_parties(tmp_path):
    redline = ("redline", "--we", "Globex", EXAMPLE, "-o", tmp_path / "o.docx")
    for args in (("audit", "--we", "Globex", EXAMPLE), redline):
        run = noai(*args)
        assert run.returncode == 2
        assert "Globex" in run.stderr and "Client" in run.stderr and "Studio" in run.stderr
        assert "Traceback" not in run.stderr
    assert not (tmp_path / "o.docx").exists()


def test_redline_we_as_the_client_still_writes_a_redline(tmp_path):
    out = tmp_path / "client.docx"
    run = noai("redline", "--we", "client", EXAMPLE, "-o", out, "--date", "2026-01-01T00:00:00Z")
    assert run.returncode == 0, run.stderr
    assert out.stat().st_size > 0


NDA = (
    "MUTUAL CONFIDENTIALITY AGREEMENT",
    'This agreement is made between Quarry Hill Partners LLP ("Quarry Hill") and Lumen Robotics Ltd ("Lumen"), '
    'each a "Discloser" of its Confidential Information and a "Recipient" of the other\'s.',
    '"Confidential Information" means information of a confidential nature one party discloses to the other for '
    "the purpose of discussing a joint venture.",
    "The Recipient shall keep the Confidential Information confidential and use it only for that purpose.",
    "This agreement is governed by the law of Scotland.",
)


def test_an_nda_is_answered_with_no_clause_and_a_note_without_asking_which_party_we_are(tmp_path):
    nda = tmp_path / "nda.docx"
    nda.write_bytes(make_docx("".join(p(r(text)) for text in NDA)))
    out = tmp_path / "out.docx"
    run = noai("redline", nda, "-o", out)
    assert run.returncode == 0, run.stderr
    assert "(0 tracked changes)" in run.stdout
    assert "Note: This agreement is not a document under which work is delivered" in run.stdout
