"""benchmarks/bounds.py records an audit's regex calls faithfully and adds up its lower bound.

Not a timed test: the figures themselves are in benchmarks/README-audit.md. The script refuses to
print when the audit it recorded differs from a plain audit of the same contract.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bounds_replays_the_audits_regex_calls_and_sums_the_lower_bound():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bounds.py"), "--paragraphs", "60",
                           "--repeat", "1"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    head = re.search(r"(\d+) paragraphs; ([\d,]+) regex calls over ([\d,]+) characters", done.stdout)
    assert head and int(head[1]) > 60
    calls, chars = (int(head[i].replace(",", "")) for i in (2, 3))
    assert calls > 100 and chars > calls
    ms = {what: float(value) for what, value, _ in re.findall(r"^\| ([^|]+?) \| ([\d.]+) \| ([\d.]+) \|$",
                                                                 done.stdout, re.M)}
    bare = ms["bare text: + styles.xml, numbering.xml, each paragraph's text"]
    regex = ms["regex calls of one audit, replayed"]
    assert regex > 0 and bare > ms["floor: unzip + parse document.xml"]
    assert abs(ms["lower bound: bare text + regex calls"] - (bare + regex)) <= 0.15
    assert abs(ms["lower bound: bare text + regex calls + write only"]
               - (bare + regex + ms["write only (apply_plan of a plan made beforehand)"])) <= 0.15
