"""The memory budget: a document is refused before it is parsed when it would need more memory than
one request may take, and admitted only while the whole server stays within its own budget.

* ``REQUEST_MEMORY`` (``NOAI_REQUEST_MEMORY``, default 1 GiB, at most ``MAX_MEMORY``): what
  :func:`noai.engine.memory_estimate` says a document needs (the input, and the XML the job
  parses times the measured bytes-to-memory factor) above it is a 413 problem
  ``document-too-large``, before anything is parsed.
* ``MAX_MEMORY`` (``NOAI_MAX_MEMORY``, default half the machine's memory): the estimates of the
  requests being computed, over every worker process, stay within it; a request that would go
  over waits for no one: it gets a 503 problem ``server-busy`` with ``Retry-After``.
* After a big request the worker hands freed memory back to the system (``malloc_trim``), and
  workers are recycled after ``max_requests``.

The server-wide account lives in anonymous shared memory created before gunicorn forks its
workers (:func:`shared`): one slot a worker process (pid, bytes reserved), so the reservations
of a worker that died (killed at its timeout) stop counting with it.
"""

from __future__ import annotations

import ctypes
import gc
import mmap
import multiprocessing
import os
import struct
from collections.abc import Iterator
from contextlib import contextmanager

from noai.errors import ServerBusyError

GIB = 1024**3
SLOTS = 256
_SLOT = struct.Struct("<qq")  # pid, bytes reserved
RETRY_AFTER = 5  # seconds
TRIM_ABOVE = 64 * 1024 * 1024  # estimates above this give memory back after the request


def machine_memory() -> int:
    """Physical memory of the machine, in bytes (4 GiB where it cannot be told)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 4 * GIB


def default_max_memory() -> int:
    return machine_memory() // 2


class MemoryBudget:
    """Reservations against ``total`` bytes, shared by the processes forked after it was made."""

    def __init__(self, total: int):
        self.total = total
        self._map = mmap.mmap(-1, SLOTS * _SLOT.size)  # MAP_SHARED | MAP_ANONYMOUS
        self._lock = multiprocessing.Lock()

    def _slots(self) -> Iterator[tuple[int, int, int]]:
        for i in range(SLOTS):
            pid, reserved = _SLOT.unpack_from(self._map, i * _SLOT.size)
            yield i, pid, reserved

    def _mine(self) -> tuple[int, int]:
        """(slot index, bytes) of this process: its own slot, else a free or dead one."""
        me, spare = os.getpid(), None
        for i, pid, reserved in self._slots():
            if pid == me:
                return i, reserved
            if spare is None and (pid == 0 or not _alive(pid)):
                spare = i
        if spare is None:  # more live processes than slots: share the last one
            spare = SLOTS - 1
        _SLOT.pack_into(self._map, spare * _SLOT.size, me, 0)
        return spare, 0

    def used(self) -> int:
        """Bytes reserved by the live processes."""
        return sum(reserved for _, pid, reserved in self._slots() if pid and reserved and _alive(pid))

    @contextmanager
    def reserve(self, amount: int) -> Iterator[None]:
        """Hold ``amount`` bytes while the block runs; :class:`ServerBusyError` if they are not free."""
        with self._lock:
            if self.used() + amount > self.total:
                raise ServerBusyError(
                    "The server is busy with other documents and has no memory free for this one "
                    f"now; try again in {RETRY_AFTER} seconds.",
                    retry_after=RETRY_AFTER,
                )
            slot, reserved = self._mine()
            _SLOT.pack_into(self._map, slot * _SLOT.size, os.getpid(), reserved + amount)
        try:
            yield
        finally:
            with self._lock:
                slot, reserved = self._mine()
                _SLOT.pack_into(self._map, slot * _SLOT.size, os.getpid(), max(0, reserved - amount))
            if amount > TRIM_ABOVE:
                give_memory_back()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_budgets: dict[int, MemoryBudget] = {}


def shared(total: int) -> MemoryBudget:
    """The process's budget of ``total`` bytes (``noai serve`` makes it before forking, so its
    workers share it)."""
    if total not in _budgets:
        _budgets[total] = MemoryBudget(total)
    return _budgets[total]


def give_memory_back() -> None:
    """Collect garbage and return the freed heap to the system (glibc's ``malloc_trim``)."""
    gc.collect()
    trim = getattr(_C_LIBRARY, "malloc_trim", None)  # glibc only
    if trim is not None:
        trim(0)


_C_LIBRARY = ctypes.CDLL(None)  # the process's own symbols, libc's among them (no lookup, no subprocess)
