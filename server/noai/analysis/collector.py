"""The cycle collector paused while a document is read and audited.

Reading and auditing a document make no reference cycles (``tests/analysis/test_collector.py``
checks it on synthetic contracts of five shapes, as read and as accept-all leaves them, and on replies
audited against the document we sent; ``tests/analysis/test_audit_no_cycles.py`` on corpus contracts:
with the collector off, ``gc.collect()`` finds nothing after an audit), so every object they free,
reference counting frees at once. The collector still runs about twenty times an audit of a 100-page
contract (each time 700 more containers are alive than before), and each run walks the young objects
again: the document's paragraphs, the tokens of its words, the findings. On ``make_large(1500)`` those
runs took 3.6 ms of CPU an audit (ccs-ict repeated 5.1 ms) and found nothing; paused, the one pass after
the audit takes 0.5 ms (benchmarks/README-audit.md, speed16). :func:`paused` turns the collector off for the block
and back on after it (when it was on before); the objects the block leaves alive are looked at by
the next collection as usual, and a cycle made in the block all the same is collected then.

Threads: the collector is one per process. The first block to start turns it off, the last to end
turns it back on, so an audit in one thread never turns it on under another thread's audit. Blocks
that keep overlapping (a busy service with several compute threads) could keep it off for good while
the rest of the process (the web server's request objects) makes cycles; so a block that ends while
others still run, once the collector has been off for :data:`LONGEST` seconds, runs one full
collection itself (``gc.collect`` works while the collector is off) and the count starts again."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_open = 0  # blocks running now
_owed = False  # whether the first of them turned the collector off (it was on)
_since = 0.0  # time.monotonic() when it was turned off, or last collected while off
LONGEST = 2.0  # seconds the collector stays off under overlapping blocks before one collection


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cycle collector off (see the module's text)."""
    global _open, _owed, _since
    with _lock:
        if _open == 0:
            _owed = gc.isenabled()
            if _owed:
                gc.disable()
                _since = time.monotonic()
        _open += 1
    try:
        yield
    finally:
        overdue = False
        with _lock:
            _open -= 1
            if _open == 0 and _owed:
                _owed = False
                gc.enable()
            elif _owed and time.monotonic() - _since > LONGEST:
                _since = time.monotonic()
                overdue = True
        if overdue:
            gc.collect()
