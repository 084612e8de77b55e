"""Request handling that keeps documents in memory and every log line traceable.

* :class:`InMemoryRequest`: Werkzeug spools multipart files above 500 KB to temporary files;
  here every upload stays a :class:`io.BytesIO`, so no document ever touches the disk
  (``MAX_CONTENT_LENGTH`` bounds the memory).
* A request id (the client's ``X-Request-ID`` when it is sane, else a new one) on ``g``, in the
  ``X-Request-ID`` response header and, through :class:`RequestIdFilter`, on every log record.
* One access log line a request: method, path (no query string: it may carry a client's
  name), status, sizes, duration and request id. Never a header or a body.
"""

from __future__ import annotations

import io
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import IO

from flask import Flask, Request, Response, current_app, g, has_request_context, request

from noai.errors import DeadlineExceededError

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
log = logging.getLogger("noai.web")


class InMemoryRequest(Request):
    """A Flask request whose uploaded files are kept in memory, never in a temporary file."""

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return io.BytesIO()


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_control(text: str) -> str:
    """``text`` with control characters (line breaks included) escaped: one log record, one line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class EscapeFilter(logging.Filter):
    """Escapes control characters in the string arguments of a record (paths, client input),
    so nothing a client sends can start a forged log line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(escape_control(a) if isinstance(a, str) else a for a in record.args)
        return True


class RequestIdFilter(logging.Filter):
    """Sets ``record.request_id`` ("-" outside a request) so formats can show it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


def _start() -> None:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _SANE_ID.match(given) else uuid.uuid4().hex
    g.started = time.perf_counter()


def _finish(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
    elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
    log.info(
        "%s %s %s in=%s out=%s %.0fms",
        request.method,
        request.path,
        response.status_code,
        request.content_length or 0,
        response.content_length or 0,
        elapsed,
    )
    return response


def deadline_check() -> Callable[[], None]:
    """A check for the engine (called between its stages): past ``TIMEOUT`` seconds since the
    request started it raises :class:`DeadlineExceededError`, a 503 problem."""
    limit, started = current_app.config["TIMEOUT"], g.get("started", time.perf_counter())

    def check() -> None:
        if time.perf_counter() - started > limit:
            raise DeadlineExceededError(
                f"The request was stopped after {limit:g} s, this server's limit (NOAI_TIMEOUT); "
                f"try a smaller document, or ask the administrator to raise the limit."
            )

    return check


def install_request_tracking(app: Flask) -> None:
    app.request_class = InMemoryRequest
    if not any(isinstance(f, RequestIdFilter) for f in log.filters):
        log.addFilter(RequestIdFilter())
    if not any(isinstance(f, EscapeFilter) for f in log.filters):
        log.addFilter(EscapeFilter())
    app.before_request(_start)
    app.after_request(_finish)
