"""Every error as RFC 9457 problem details (``application/problem+json``), mapped here only.

The body is ``{type, title, status, detail, instance, code, request_id}``, plus ``errors``
(field -> messages) for invalid options and the engine's own ``detail`` keys (``problems``,
``clause``, ...). ``type`` is ``/problems/<code>``, stable for clients to branch on.
Unexpected failures answer 500 with no traceback; the log gets the exception's type and
frames, never its message (which may quote the document).
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from flask import Flask, Response, g, json, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from noai.errors import NoaiError

PROBLEM_TYPE = "application/problem+json"
log = logging.getLogger("noai.web")
_KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")


def problem(status: int, code: str, title: str, detail: str, **extra: Any) -> Response:
    """The problem details response; ``extra`` keys join the body."""
    body = {
        "type": f"/problems/{code}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.path,
        "code": code,
        "request_id": g.get("request_id", ""),
        **extra,
    }
    return Response(json.dumps(body), status=status, mimetype=PROBLEM_TYPE)


def _slug(name: str) -> str:
    """ "Request Entity Too Large" -> "request-entity-too-large"."""
    return "-".join(name.lower().replace("'", "").split())


def _engine_error(exc: NoaiError) -> Response:
    reserved = {"type", "title", "status", "detail", "instance", "code", "request_id"}
    extra = {k: v for k, v in exc.detail.items() if k not in reserved}
    if exc.status == 503:  # deadline or memory budget: the server protecting itself
        log.warning("refused %s", exc.code)
    elif exc.status >= 500:
        log.error("engine error %s", exc.code)
    response = problem(exc.status, exc.code, exc.title, exc.message, **extra)
    retry_after = getattr(exc, "retry_after", None)
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


def _validation_error(exc: ValidationError) -> Response:
    fields = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
    return problem(
        400,
        "invalid-request",
        "The request's options are invalid",
        "Some options of the request are invalid; see errors for each one.",
        errors=fields,
    )


def _http_error(exc: HTTPException) -> Response:
    response = problem(exc.code or 500, _slug(exc.name), exc.name, exc.description or exc.name)
    for name, value in exc.get_headers():  # 405's Allow, 401's WWW-Authenticate
        if name in _KEPT_HEADERS:
            response.headers[name] = value
    return response


def _unexpected(exc: Exception) -> Response:
    frames = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(exc.__traceback__))
    log.error("unexpected %s\n%s", type(exc).__name__, frames)
    return problem(
        500,
        "internal-error",
        "Internal server error",
        "The server failed unexpectedly. Quote the request id when you report it.",
    )


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(NoaiError, _engine_error)
    app.register_error_handler(ValidationError, _validation_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
