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


TOKEN = "browser-test-token"
SCREENSHOTS = (
    "pane-first-run.png",
    "pane-scan.png",
    "pane-finding.png",
    "pane-applied.png",
    "pane-library.png",
    "pane-settings-wrong-token.png",
    "pane-round.png",
)


@pytest.fixture(scope="module")
def backend_url():
    """The backend, with an access token, on a free 127.0.0.1 port for this module's tests."""
    from noai.web import create_app  # the backend missing is a failure, not a skip

    server = make_server("127.0.0.1", 0, create_app({"TESTING": True, "API_TOKEN": TOKEN}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def report(backend_url, tmp_path_factory):
    """What the pane did, driven through every screen at 350 px (addin/test/browser/run.mjs)."""
    paragraphs = tmp_path_factory.mktemp("pane") / "paragraphs.json"
    document = read_document(CONTRACT.read_bytes())
    paragraphs.write_text(json.dumps([p.text for p in document.paragraphs]), encoding="utf-8")
    run = subprocess.run(
        ["node", str(RUNNER), backend_url, str(CONTRACT), str(paragraphs), str(ARTIFACTS), TOKEN],
        cwd=ROOT / "addin",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_pane_runs_without_errors_or_requests_off_its_server_and_saves_its_screenshots(report):
    assert report["console"] == []
    assert report["blocked"] == []
    for name in SCREENSHOTS:
        assert (ARTIFACTS / name).stat().st_size > 1000


def test_the_first_run_card_names_the_server_says_nothing_is_kept_and_links_the_help(report, backend_url):
    first = report["firstRun"]
    assert backend_url in first["privacy"] and "Nothing is kept" in first["privacy"]
    assert first["help"] == 1
    assert first["scanBottom"] <= 600


def test_after_scan_the_summary_and_its_primary_action_sit_in_the_first_600_px(report):
    assert report["findings"] > 0 and report["severities"][0].startswith("High risk")
    assert report["applyBottom"] <= 600 and report["applyText"].startswith("Apply all")
    assert report["fits320"] and report["fits450"]  # no sideways scrolling from 320 to 450 px
    assert report["applyBottom320"] <= 600 and report["applyBottom450"] <= 600
    assert report["gradeBefore"] == "F" and report["summary"].startswith("Grade F: ")
    assert 1 <= len(report["highlights"]) <= 3
    assert report["infoOpen"] == [False]  # info items collapsed
    assert report["progress"].startswith("Scan done")  # announced in the live region
    assert report["fileClosed"] is True


def test_a_protection_explains_itself_from_the_keyboard_and_a_finding_leads_to_its_change_and_back(report):
    assert report["protectionOpen"] is True
    assert report["proposal"].startswith("Proposed change")
    assert report["selected"] == 1
    assert report["highlighted"]["focused"] and report["highlighted"]["inView"]
    assert "Answers: " in report["highlighted"]["text"]
    assert report["backToFinding"] is True


def test_apply_all_tracks_every_change_and_updates_the_summary_from_a_re_audit(report):
    assert report["edits"] > 0
    assert report["applied"] == report["edits"], report["notApplied"]
    assert report["wordEdits"] and all(edit["mode"] == "TrackAll" for edit in report["wordEdits"])
    assert report["scoreAfter"] < report["scoreBefore"]
    assert report["scoreChange"].startswith(f"Risk {report['scoreBefore']} (F) → {report['scoreAfter']} (")
    assert report["missingAfter"] < 7
    assert report["reaudits"] == ["true"]  # the score after is of the accepted view (POST /audit?accepted=true)


def test_the_library_previews_next_to_the_chosen_clause_in_the_standard_wording_and_says_when_nothing_matches(report):
    assert report["clauses"] > 0 and report["preview"].strip()
    assert report["variant"] == "standard"
    assert report["previewInChosen"] == 1
    assert "zzzz" in report["emptySearch"] and "No clause matches" in report["emptySearch"]


def test_settings_check_the_token_and_say_what_to_do_when_it_is_wrong(report):
    assert report["connected"].startswith("Connected to ")
    assert TOKEN not in (report["tokenStored"]["local"] or "")  # not kept in local storage by default
    assert TOKEN in report["tokenStored"]["session"]
    assert "may not connect to http://localhost:" in report["elsewhere"]  # refused by the page's policy
    assert "did not accept the access token" in report["wrongToken"]
    assert "Bearer" not in report["wrongToken"] and "request" not in report["wrongToken"]


def test_the_tabs_are_one_tab_stop_and_arrow_keys_home_and_end_move_between_them(report):
    moves = [
        ["tab-library"] * 2,
        ["tab-settings"] * 2,
        ["tab-scan"] * 2,
        ["tab-settings"] * 2,
        ["tab-scan"] * 2,
        ["tab-settings"] * 2,
    ]
    assert report["tabs"] == moves
    assert report["tabStops"] == 1


def test_no_screen_has_a_serious_accessibility_violation_or_a_snake_case_word(report):
    assert set(report["axe"]) == {"first-run", "scan", "library", "settings", "round"}
    assert report["axe"] == {screen: [] for screen in report["axe"]}
    assert report["snake"] == {screen: [] for screen in report["snake"]}


def test_an_unsure_audit_asks_once_which_party_the_user_is_and_sends_the_answer(report):
    assert report["partyQuestion"] == "Which party are you?"
    assert report["partyPlans"] == [None, "Studio"]


def test_a_reply_to_our_redline_opens_the_round_tab_grouped_by_protection_and_explains_an_unsupported_accept(report):
    answer = json.loads((ROOT / "tests" / "data" / "wire" / "agency-round-2.answer.json").read_text(encoding="utf-8"))
    titles = {p["title"] for p in answer["audit"]["protections"].values()}
    known = (*titles, "Other changes")
    assert report["roundGroups"]
    assert all(heading.startswith(known) for heading in report["roundGroups"])
    assert report["roundItems"] >= len(answer["audit"]["negotiation"]["changes"])
    assert "Word API 1.6" in report["roundAccept"] and "Review tab" in report["roundAccept"]
