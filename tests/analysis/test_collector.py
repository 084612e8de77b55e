"""The cycle collector is paused while a document is read and audited (noai.analysis.collector): the
stages run with it off, it is on again after (after an error too, and only if it was on before), two
overlapping audits in two threads never turn it on under each other, and what the paused stages do
makes no reference cycle (so pausing the collector keeps no memory), on contracts of several shapes,
a round-two reply audited against the document we sent and a document read as accept-all leaves it."""

from __future__ import annotations

import gc
import threading
from datetime import datetime

import pytest
from support.synthetic_contracts import CONTRACTS

from noai import engine
from noai.analysis import audit as audit_module
from noai.analysis import collector
from noai.analysis.collector import paused
from noai.errors import DocumentError

SHAPES = ("uk-precedent", "agency-msa-sow", "photo-licence", "ca-platform-licence", "us-purchase-order")


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _spy(monkeypatch, module, name, seen):
    real = getattr(module, name)

    def spy(*args, **kwargs):
        seen.append((name, gc.isenabled()))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)


def test_the_read_and_every_audit_stage_run_with_the_collector_off_and_it_is_on_after(monkeypatch, collector_on):
    seen: list[tuple[str, bool]] = []
    _spy(monkeypatch, engine, "read_document", seen)
    for stage in ("classify", "analyse", "detect_work_kind", "negotiate"):
        _spy(monkeypatch, audit_module, stage, seen)
    monkeypatch.setattr(audit_module.learned, "review_findings", _recording(audit_module.learned.review_findings, seen))
    data = CONTRACTS["us-work-for-hire"][0]()
    result = engine.audit(data)
    assert result.findings
    assert {name for name, _ in seen} >= {"read_document", "classify", "analyse", "detect_work_kind", "learned"}
    assert [name for name, on in seen if on] == []
    assert gc.isenabled()


def _recording(real, seen):
    def spy(*args, **kwargs):
        seen.append(("learned", gc.isenabled()))
        return real(*args, **kwargs)

    return spy


def test_the_redlines_read_and_audit_run_with_the_collector_off_and_it_is_on_after(monkeypatch, collector_on):
    seen: list[tuple[str, bool]] = []
    _spy(monkeypatch, engine, "read_document", seen)
    _spy(monkeypatch, audit_module, "classify", seen)
    _spy(monkeypatch, engine, "make_plan", seen)
    out = engine.redline(CONTRACTS["photo-licence"][0](), author="Test", date=datetime(2026, 1, 1))
    assert out.docx
    assert ("read_document", False) in seen and ("classify", False) in seen
    assert ("make_plan", True) in seen  # the plan and the writer are not paused (they may make cycles)
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_document_the_reader_refuses(collector_on):
    with pytest.raises(DocumentError):
        engine.audit(b"PK\x03\x04 not a zip at all")
    assert gc.isenabled()


def test_an_audit_leaves_the_collector_off_when_it_was_off():
    was = gc.isenabled()
    gc.disable()
    try:
        engine.audit(CONTRACTS["photo-licence"][0]())
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_two_overlapping_blocks_in_two_threads_turn_the_collector_on_only_when_the_last_ends(collector_on):
    inside, leave_first, first_left = threading.Event(), threading.Event(), threading.Event()
    states: list[bool] = []

    def first():
        with paused():
            inside.set()
            leave_first.wait(5)
        first_left.set()

    thread = threading.Thread(target=first)
    thread.start()
    assert inside.wait(5)
    with paused():
        states.append(gc.isenabled())
        leave_first.set()
        assert first_left.wait(5)
        states.append(gc.isenabled())  # the first block has ended: still off, this one runs
    thread.join(5)
    states.append(gc.isenabled())
    assert states == [False, False, True]


def test_blocks_that_keep_overlapping_collect_once_the_collector_has_been_off_too_long(monkeypatch, collector_on):
    # a busy service: a block always running somewhere never turns the collector on, so a block that ends
    # once it has been off for LONGEST seconds collects itself; before that, nothing is collected
    clock = [1000.0]
    monkeypatch.setattr(collector.time, "monotonic", lambda: clock[0])
    collected: list[bool] = []
    monkeypatch.setattr(collector.gc, "collect", lambda *a: collected.append(gc.isenabled()) or 0)
    with paused():  # the long-running block (another thread in the service)
        with paused():
            clock[0] += collector.LONGEST / 2
        assert collected == []  # not overdue yet
        with paused():
            clock[0] += collector.LONGEST
        assert collected == [False]  # overdue: one collection, the collector still off
        with paused():
            clock[0] += collector.LONGEST / 2
        assert collected == [False]  # the count started again
        assert not gc.isenabled()
    assert gc.isenabled() and collected == [False]  # the last block turns it on, no extra collection


def test_a_block_that_raises_turns_the_collector_back_on(collector_on):
    with pytest.raises(ValueError), paused():
        assert not gc.isenabled()
        raise ValueError("stop")
    assert gc.isenabled()


def _no_cycles(job) -> int:
    job()  # the first run loads what stays for the process (the model, compiled patterns)
    gc.collect()
    gc.disable()
    try:
        result = job()
        del result
        return gc.collect()
    finally:
        gc.enable()


@pytest.mark.parametrize("name", SHAPES)
def test_reading_and_auditing_make_no_reference_cycle(name):
    data = CONTRACTS[name][0]()
    assert _no_cycles(lambda: engine.audit(data)) == 0
    assert _no_cycles(lambda: engine.audit(data, accepted=True)) == 0


@pytest.mark.parametrize("name", SHAPES[:3])
def test_auditing_a_reply_against_the_document_we_sent_makes_no_reference_cycle(name):
    ours = CONTRACTS[name][0]()
    sent = engine.redline(ours, author="Us", date=datetime(2026, 1, 1)).docx
    result = engine.audit(sent, previous=ours)
    assert result.negotiation is not None  # the round-two reading ran
    assert _no_cycles(lambda: engine.audit(sent, previous=ours)) == 0


def test_the_check_can_fail_a_stage_that_makes_a_cycle(monkeypatch):
    real = audit_module.classify

    def cyclic(*args, **kwargs):
        loop: list[object] = []
        loop.append(loop)
        return real(*args, **kwargs)

    monkeypatch.setattr(audit_module, "classify", cyclic)
    data = CONTRACTS["photo-licence"][0]()
    assert _no_cycles(lambda: engine.audit(data)) == 1
