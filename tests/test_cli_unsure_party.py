"""Where the user names no party and the audit cannot be sure which side they are (the other side
brings work of its own: a SaaS customer's content, a research institution's data), the text report
says whose side it read the contract for, that this is a guess, and its next step asks for ``--we``
with a command per party that runs as printed; a contract where the audit is sure says nothing of it."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from support.docx_builder import make_docx, p, r

SAAS = (
    'This Cloud Services Agreement is between Northwind Systems Inc. ("Provider") and Bellweather Studio LLC '
    '("Customer").',
    '"Customer Content" means the images, files and data Customer uploads to the Service.',
    "Provider shall provide the Service to Customer. Customer shall pay the Fees.",
    "Provider may copy, modify and use Customer Content to provide and improve the Service.",
    "Customer Content may be used to develop, train or enhance machine learning models.",
    "This Agreement is governed by the laws of the State of Delaware.",
)
RESEARCH = (
    'This Data Analysis Agreement is made between Halden University (the "Institution") and Quarry Analytics '
    'Ltd (the "Contractor").',
    '"Institution Data" means the survey records and recordings the Institution supplies to the Contractor.',
    'The Contractor shall analyse the Institution Data and deliver a written report (the "Report").',
    "The Contractor may retain and use the Institution Data for any purpose, including to train its models.",
    "This agreement is governed by the law of England and Wales.",
)
SURE = (
    'This Design Agreement is between Acme Inc. (the "Client") and Jo Lee (the "Designer").',
    '"Designs" means the logos the Designer creates for the Client.',
    "The Designer shall deliver the Designs. The Designer assigns to the Client all copyright in the Designs.",
    "This agreement is governed by the law of England and Wales.",
)


def noai(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "noai.cli", *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def contract(folder: Path, texts: tuple[str, ...]) -> Path:
    path = folder / "contract.docx"
    path.write_bytes(make_docx("".join(p(r(t)) for t in texts)))
    return path


@pytest.mark.parametrize(
    ("texts", "parties", "theirs"),
    [
        (SAAS, {"Provider", "Customer"}, "Customer Content"),
        (RESEARCH, {"Institution", "Contractor"}, "Institution Data"),
    ],
    ids=["saas", "research"],
)
def test_an_unsure_reading_is_said_and_the_next_step_asks_which_party_you_are(tmp_path, texts, parties, theirs):
    path = contract(tmp_path, texts)
    run = noai("audit", path)
    assert run.returncode == 0, run.stderr
    guess = re.search(r"^Read for (\w+), as the party whose work is at stake: a guess(.*)$", run.stdout, re.M)
    assert guess, run.stdout
    assert guess.group(1) in parties and theirs in guess.group(2) and "--we" in guess.group(2)
    commands = re.findall(r"`(noai redline [^`]+)`", re.search(r"^Next step: .*$", run.stdout, re.M).group(0))
    assert {shlex.split(c)[-1] for c in commands} == parties  # one command per party, each ending --we PARTY
    for command in commands:  # each runs as printed: the redline no longer asks who we are
        argv = shlex.split(command)
        done = noai(*argv[1:], "-o", tmp_path / f"{argv[-1]}.docx")
        assert done.returncode == 0, done.stderr
    asked = noai("redline", path, "-o", tmp_path / "none.docx")  # without --we the redline still asks
    assert asked.returncode != 0 and "--we" in asked.stderr and not (tmp_path / "none.docx").exists()


@pytest.mark.parametrize("given", ["Customer", "Provider"])
def test_a_party_given_with_we_is_no_guess(tmp_path, given):
    run = noai("audit", contract(tmp_path, SAAS), "--we", given)
    assert run.returncode == 0, run.stderr
    assert "a guess" not in run.stdout
    assert re.search(rf"^Next step: `noai redline \S+ --we {given}`", run.stdout, re.M), run.stdout


def test_a_reading_the_audit_is_sure_of_says_nothing_of_a_guess(tmp_path):
    run = noai("audit", contract(tmp_path, SURE))
    assert run.returncode == 0, run.stderr
    assert "a guess" not in run.stdout and "say which party you are" not in run.stdout
    assert re.search(r"^Next step: `noai redline \S+`", run.stdout, re.M), run.stdout
