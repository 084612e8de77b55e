"""The whole request body, read before the app sees it, within a size limit and a deadline.

:class:`BufferedBody` wraps the WSGI app: it reads the body (``Content-Length`` or chunked)
into memory, at most ``MAX_CONTENT_LENGTH`` bytes and within ``BODY_TIMEOUT`` seconds from its
first read, then hands the app a ``BytesIO`` with the exact ``Content-Length``. So

* a chunked upload over the limit is refused whole (413), never silently truncated;
* a malformed chunked body (bad chunk size, missing terminator, the client gone) is a 400;
* a client that sends its body too slowly (or stops) is answered 408 once the deadline has
  passed; the server's socket timeout bounds a single silent read;

each as problem JSON through the app's own error handlers (``environ["noai.body_error"]``
carries the failure to :func:`refuse_failed_body`).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from flask import Flask, request
from werkzeug.exceptions import BadRequest, HTTPException, RequestEntityTooLarge, RequestTimeout

BODY_ERROR = "noai.body_error"
CHUNK = 64 * 1024


class BufferedBody:
    """WSGI middleware: the body read whole (bounded in size and time) before the app runs."""

    def __init__(
        self,
        app: Callable[..., Iterable[bytes]],
        limit: int,
        timeout: float,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.app, self.limit, self.timeout, self.clock = app, limit, timeout, clock

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        length = environ.get("CONTENT_LENGTH") or ""
        if chunked or (length.isdigit() and int(length) > 0):
            stream = environ["wsgi.input"]
            try:
                with _io_deadline(self.timeout):
                    body = self._read(stream, None if chunked else int(length))
            except HTTPException as exc:
                environ[BODY_ERROR], body = exc, b""
                owner = getattr(stream, "noai_request", None)  # set by noai.web.worker
                if owner is not None:  # the rest of the body is not read: close the connection
                    owner.must_close = True
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            environ.pop("HTTP_TRANSFER_ENCODING", None)
            environ["wsgi.input_terminated"] = False
        return self.app(environ, start_response)

    def _read(self, stream: Any, length: int | None) -> bytes:
        if length is not None and length > self.limit:
            raise _too_large(self.limit)
        deadline = self.clock() + self.timeout
        parts, size = [], 0
        want = self.limit + 1 if length is None else length
        while size < want:
            try:
                part = stream.read(min(CHUNK, want - size))
            except HTTPException:  # the deadline (under gevent)
                raise
            except TimeoutError:
                raise _too_slow(self.timeout) from None
            except OSError:  # the client went away (or a chunk broke off) mid-body
                raise BadRequest("The request body ended before it was complete.") from None
            except Exception:  # the server's HTTP parser: a malformed chunked body
                raise BadRequest("The request body's chunked encoding is malformed.") from None
            if not part:
                if length is not None:
                    raise BadRequest("The request body is shorter than its Content-Length.")
                break
            parts.append(part)
            size += len(part)
            if size > self.limit:
                raise _too_large(self.limit)
            if self.clock() > deadline:
                raise _too_slow(self.timeout)
        return b"".join(parts)


def _io_deadline(seconds: float) -> AbstractContextManager[object]:
    """Under gevent (``noai serve``), a timeout that interrupts a read blocked on a slow client:
    gunicorn's reader waits for all the bytes asked for. Elsewhere, the clock checks suffice."""
    try:
        from gevent import Timeout, monkey
    except ImportError:  # pragma: no cover - gevent is a dependency
        return nullcontext()
    return Timeout(seconds, _too_slow(seconds)) if monkey.is_module_patched("socket") else nullcontext()


def _too_large(limit: int) -> RequestEntityTooLarge:
    return RequestEntityTooLarge(
        f"The request body is larger than this server's limit of {limit // (1024 * 1024)} MiB."
    )


def _too_slow(timeout: float) -> RequestTimeout:
    return RequestTimeout(f"The request body did not arrive within {timeout:g} s.")


def refuse_failed_body() -> None:
    """``before_request``: the body's failure, answered as problem JSON by the error handlers."""
    failure = request.environ.get(BODY_ERROR)
    if failure is not None:
        raise failure


def install_body_buffer(app: Flask) -> None:
    buffered = BufferedBody(app.wsgi_app, app.config["MAX_CONTENT_LENGTH"], app.config["BODY_TIMEOUT"])
    app.wsgi_app = buffered  # type: ignore[method-assign]
    app.before_request(refuse_failed_body)
