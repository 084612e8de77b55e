"""Audit or redline one .docx N times in this process: the job to run under callgrind, for instruction counts that
the machine's load does not move (benchmarks/README-redline.md, "a fresh look by instruction counts").

    PYTHONPATH=TREE/server valgrind --tool=callgrind --callgrind-out-file=OUT \\
        /root/.pyenv/versions/3.11.7/bin/python benchmarks/callgrind_job.py DOC.docx redline N

Run it with N = 1 and N = 3 and halve the difference of the two totals (``callgrind_annotate OUT``): the imports,
the model's load and the first run fall out. Give valgrind the interpreter itself, not pyenv's shim (a shell
script, whose own instructions valgrind would count). ``TREE`` may be an older checkout: the creator is passed as
``we`` where it has the option.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from noai import engine


def main(argv: list[str]) -> None:
    path, job, runs = argv[0], argv[1], int(argv[2])
    data = Path(path).read_bytes()
    try:
        options = engine.Options(we="creator")
    except TypeError:  # a checkout from before the user's party was an option
        options = engine.Options()
    for _ in range(runs):
        if job == "audit":
            engine.audit(data)
        else:
            engine.redline(data, author="Bench", date=datetime(2026, 1, 1), options=options)


if __name__ == "__main__":
    main(sys.argv[1:])
