"""The gunicorn worker of ``noai serve``: gevent, with deadlines on every phase a client controls.

A connection costs a greenlet, not a thread, so idle and slow clients (browsers' pre-opened
connections, a slowloris) cannot take the workers away from the others. Each phase has a
deadline:

* the TLS handshake: ``NOAI_HANDSHAKE_TIMEOUT`` seconds (default 10), then the connection is closed;
* the request line and headers (and the idle wait before them on a kept-alive connection):
  gunicorn's ``keepalive`` seconds (``NOAI_HEADER_TIMEOUT``, default 10), then closed;
* any single read or write that makes no progress: ``NOAI_IO_TIMEOUT`` seconds (default 20);
* the body: ``NOAI_BODY_TIMEOUT`` seconds in all (the app's :mod:`noai.web.body`, a 408 problem);
* the computation: ``NOAI_TIMEOUT`` (the engine stops between stages, a 503 problem), run in a
  thread of the worker's compute pool (:mod:`noai.web.compute`) so the event loop goes on
  serving the other connections; a stage still running at half as long again restarts the worker.

gunicorn's own answers to requests it cannot parse (400, 414 URI too long, 431 headers too
large, chunked errors) are problem JSON like the app's, and their log lines escape control
characters.
"""

from __future__ import annotations

import json
import os
import ssl
import uuid
from typing import Any

import gevent
from gunicorn import sock as gunicorn_sock
from gunicorn import util
from gunicorn.http import errors as http_errors
from gunicorn.workers import ggevent
from gunicorn.workers.base_async import AsyncWorker
from gunicorn.workers.ggevent import GeventWorker

from .requests import escape_control

PROBLEM_TYPE = "application/problem+json"


def _seconds(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


#: gunicorn's parser errors -> (status, title); everything else it raises is a 400 or a 500
_PARSER_ERRORS = (
    (http_errors.LimitRequestLine, 414, "URI Too Long"),
    (http_errors.LimitRequestHeaders, 431, "Request Header Fields Too Large"),
    (http_errors.ExpectationFailed, 417, "Expectation Failed"),
    (http_errors.UnsupportedTransferCoding, 501, "Not Implemented"),
    (http_errors.ForbiddenProxyRequest, 403, "Forbidden"),
    (http_errors.ParseException, 400, "Bad Request"),
)
_DETAILS = {
    414: "The request line (method and URL) is longer than this server accepts.",
    431: "The request's headers are larger or more numerous than this server accepts.",
    417: "This server does not support the Expect header sent.",
    501: "This server does not support the Transfer-Encoding sent.",
    403: "This server does not accept requests from that proxy.",
    400: "The request could not be parsed as HTTP/1.1.",
    500: "The server failed unexpectedly. Quote the request id when you report it.",
}


def classify(exc: BaseException) -> tuple[int, str]:
    """(status, title) of the answer to an error raised while gunicorn read a request."""
    if isinstance(exc, (http_errors.InvalidResponseHeader, http_errors.InvalidResponseHeaderName)):
        return 500, "Internal Server Error"
    for kind, status, title in _PARSER_ERRORS:
        if isinstance(exc, kind):
            return status, title
    return 500, "Internal Server Error"


def problem_response(status: int, title: str, detail: str) -> bytes:
    """A complete HTTP/1.1 response with a problem JSON body (the connection then closes)."""
    request_id = uuid.uuid4().hex
    code = "-".join(title.lower().split())
    body = json.dumps(
        {
            "type": f"/problems/{code}",
            "title": title,
            "status": status,
            "detail": detail,
            "code": code,
            "request_id": request_id,
        }
    ).encode()
    head = (
        f"HTTP/1.1 {status} {title}\r\nConnection: close\r\nContent-Type: {PROBLEM_TYPE}\r\n"
        f"Content-Length: {len(body)}\r\nX-Request-ID: {request_id}\r\n"
        f"X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n"
        f"Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n"
    )
    return head.encode("latin-1") + body


class _HandshakeLater:
    """The server's TLS context, wrapping accepted sockets without their handshake: gevent's
    server would otherwise shake hands before :meth:`NoaiWorker.handle`, with no deadline."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self.context = context

    def wrap_socket(self, sock: Any, **kwargs: Any) -> Any:
        kwargs.update(server_side=True, do_handshake_on_connect=False)
        return self.context.wrap_socket(sock, **kwargs)


def _context_without_handshake(cfg: Any) -> _HandshakeLater:
    return _HandshakeLater(gunicorn_sock.ssl_context(cfg))


class NoaiWorker(GeventWorker):  # type: ignore[misc]
    """gunicorn's gevent worker with a handshake deadline, an I/O timeout and problem JSON errors."""

    handshake_timeout = _seconds("NOAI_HANDSHAKE_TIMEOUT", 10)
    io_timeout = _seconds("NOAI_IO_TIMEOUT", 20)

    def run(self) -> None:
        ggevent.ssl_context = _context_without_handshake  # this worker process's servers only
        super().run()

    def handle(self, listener: Any, client: Any, addr: Any) -> None:
        client.settimeout(self.io_timeout)
        if isinstance(client, ssl.SSLSocket):
            try:
                with gevent.Timeout(self.handshake_timeout):
                    client.do_handshake()
            except (gevent.Timeout, ssl.SSLError, OSError) as exc:
                self.log.debug("TLS handshake not completed: %s", type(exc).__name__)
                util.close(client)
                return
        AsyncWorker.handle(self, listener, client, addr)

    def handle_request(self, listener_name: Any, req: Any, sock: Any, addr: Any) -> Any:
        if req.body is not None:  # lets noai.web.body close the connection after a failed body
            req.body.noai_request = req
        try:
            return super().handle_request(listener_name, req, sock, addr)
        except TimeoutError:  # the client stopped reading the answer (NOAI_IO_TIMEOUT): no traceback
            self.log.info("closed a connection whose client stopped reading")
            raise StopIteration() from None

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        status, title = classify(exc)
        if status >= 500:
            self.log.error("unexpected %s while reading a request", type(exc).__name__)
        else:
            self.log.warning("refused a request: %s %s", status, escape_control(str(exc))[:300])
        try:
            util.write_nonblock(client, problem_response(status, title, _DETAILS.get(status, title)))
        except Exception:  # the client is gone
            self.log.debug("could not send the error answer")
