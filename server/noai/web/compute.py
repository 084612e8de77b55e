"""CPU-bound work off the event loop.

Under ``noai serve`` (the gevent worker of :mod:`noai.web.worker`) a document's audit, plan or
redline runs in a thread of a small pool, ``NOAI_THREADS`` a worker (default 1: one document
computed at a time a worker, which bounds its memory), so the worker's event loop goes on
reading other requests, answering ``healthz`` and keeping every client's deadlines while a long
document is computed. Elsewhere (tests, another WSGI server) the job runs in the calling thread.

The engine stops itself between stages past ``NOAI_TIMEOUT``; a stage still running at the hard
limit (:func:`hard_limit`) cannot be interrupted in its thread, so the request is answered 503
and the worker is told to stop (SIGTERM): gunicorn replaces it and the work really stops.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any, TypeVar

from noai.errors import DeadlineExceededError

T = TypeVar("T")
_pools: dict[int, Any] = {}  # pid -> the process's pool (a forked worker makes its own)


def _pool() -> Any:
    try:
        from gevent import monkey
        from gevent.threadpool import ThreadPool
    except ImportError:  # pragma: no cover - gevent is a dependency
        return None
    if not monkey.is_module_patched("socket"):
        return None
    pid = os.getpid()
    if pid not in _pools:
        _pools[pid] = ThreadPool(max(1, int(os.environ.get("NOAI_THREADS") or 1)))
    return _pools[pid]


def hard_limit(timeout: float) -> float:
    """Seconds after which a computation is stopped by restarting its worker (``timeout`` is
    NOAI_TIMEOUT, checked by the engine between stages): half as long again, at least 1 s more."""
    return timeout + max(1.0, timeout / 2)


def run(job: Callable[[], T], limit: float) -> T:
    """``job()``, in the worker's compute pool when there is one; its exception is raised here.

    :raise DeadlineExceededError: the job still ran after ``limit`` seconds (its worker stops)."""
    pool = _pool()
    if pool is None:
        return job()
    from gevent import Timeout

    def captured() -> tuple[bool, Any]:  # gevent's hub would print the traceback of a raised error
        try:
            return True, job()
        except Exception as exc:
            return False, exc

    pending = pool.spawn(captured)
    try:
        done, value = pending.get(timeout=limit)
    except Timeout:
        os.kill(os.getpid(), signal.SIGTERM)  # gunicorn's graceful stop; the arbiter starts a new worker
        raise DeadlineExceededError(
            f"The request was stopped after {limit:g} s, past this server's limit (NOAI_TIMEOUT); "
            "try a smaller document, or ask the administrator to raise the limit."
        ) from None
    if not done:
        raise value
    result: T = value
    return result
