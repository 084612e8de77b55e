"""benchmarks/bounds.py records an audit's regex calls faithfully and adds up its lower bounds.

Not a timed test: the figures themselves are in benchmarks/README-audit.md. The script refuses to
print when the audit it recorded differs from a plain audit of the same contract.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bounds_replays_the_audits_regex_calls_and_sums_the_lower_bounds():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bounds.py"), "--paragraphs", "60", "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    heads = re.findall(
        r"^- (\S+): ([\d,]+) paragraphs; ([\d,]+) regex calls over ([\d,]+) characters", done.stdout, re.M
    )
    assert [name for name, *_ in heads] == [
        "make_large(60)",
        "cp-professional-services-agreement",
        "publicneuro-scc-controller-processor",
        "ccs-ict-services-terms-tracked",
    ]
    for _, paragraphs, calls, chars in heads:
        paragraphs, calls, chars = (int(x.replace(",", "")) for x in (paragraphs, calls, chars))
        assert paragraphs >= 60 and calls > 100 and chars > calls
    rows = {
        label: [float(ms) for ms in re.findall(r"([\d.]+) \([\d.]+\)", cells)]
        for label, cells in re.findall(r"^\| ([^|]+?) \| (.+) \|$", done.stdout, re.M)
    }
    bare = rows["bare text: + styles.xml, numbering.xml, each paragraph's text"]
    regex = rows["regex calls of one audit, replayed"]
    write = rows["write only (apply_plan of a plan made beforehand)"]
    assert len(bare) == len(regex) == len(write) == 4
    for i in range(4):  # sums of figures printed to 0.1 ms: each rounding may be off by 0.05
        assert regex[i] > 0 and bare[i] > 0
        assert abs(rows["**lower bound**: bare text + regex calls"][i] - (bare[i] + regex[i])) <= 0.15 + 1e-9
        assert (
            abs(
                rows["**redline lower bound**: bare text + regex calls + write only"][i]
                - (bare[i] + regex[i] + write[i])
            )
            <= 0.2 + 1e-9
        )
