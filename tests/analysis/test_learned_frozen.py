"""What the process keeps once the shipped model is loaded (the modules, their compiled tables, the
model) is frozen out of the cycle collector's passes (``gc.freeze``): a full collection during an
audit walks only what the audit made, not the ~25,000 containers that live as long as the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import noai

SERVER = Path(noai.__file__).resolve().parents[1]

CHILD = """
import gc
from noai.analysis import learned
before = gc.get_freeze_count()
model = learned.current_model()
print(before, model is not None, gc.get_freeze_count(), len(gc.get_objects()))
"""


def test_loading_the_shipped_model_freezes_what_the_process_keeps_out_of_the_collectors_passes():
    # a fresh process: this one's collector state is the test runner's
    env = {**os.environ, "PYTHONPATH": str(SERVER)}
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, check=True, capture_output=True, text=True)
    before, loaded, frozen, tracked = out.stdout.split()
    assert (before, loaded) == ("0", "True")
    assert int(frozen) > 10_000  # the modules and the model: in the permanent generation
    assert int(tracked) < 1_000  # left for the collector: only what was made after the load
