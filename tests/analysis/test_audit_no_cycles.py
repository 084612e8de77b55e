"""An audit makes no reference cycle that holds the document: once the caller drops the result, the
paragraphs are freed at once, not kept until the cycle collector runs (the server keeps no document)."""

from __future__ import annotations

import gc

import pytest
from support.corpus import contracts

from noai import engine


@pytest.mark.parametrize("path", contracts()[:6])
def test_a_dropped_audit_leaves_nothing_for_the_cycle_collector(path):
    data = path.read_bytes()
    engine.audit(data)  # the first audit loads what stays for the process (the model, compiled patterns)
    gc.collect()
    gc.disable()
    try:
        result = engine.audit(data)
        assert result.paragraphs
        del result
        assert gc.collect() == 0
    finally:
        gc.enable()
