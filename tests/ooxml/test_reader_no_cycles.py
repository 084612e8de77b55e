"""Reading a document makes no reference cycle: once the caller drops the Document, all of it is freed
at once, not left for the cycle collector (whose passes cost time in proportion to what is left)."""

from __future__ import annotations

import gc

import pytest
from support.corpus import contracts

from noai.ooxml.document import read_document


@pytest.mark.parametrize("path", contracts()[:4])
def test_a_dropped_document_leaves_nothing_for_the_cycle_collector(path):
    data = path.read_bytes()
    read_document(data)  # first reads load what stays for the process (compiled patterns, caches)
    gc.collect()
    gc.disable()
    try:
        doc = read_document(data)
        assert doc.paragraphs
        del doc
        assert gc.collect() == 0
    finally:
        gc.enable()
