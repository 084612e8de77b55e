"""Security headers, CORS for the configured origins only, and the optional bearer token.

* Every response: ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``,
  ``Strict-Transport-Security`` over HTTPS, and a Content-Security-Policy. The API and the docs
  page may not be framed; the task pane (``/addin/``) may be framed by Word on the web, which
  hosts it in an iframe, so it gets ``frame-ancestors`` with Office's origins instead of
  ``X-Frame-Options``, and may load scripts from Microsoft's Office CDN and nothing else outside.
* API answers are ``Cache-Control: no-store``: they describe confidential documents.
* CORS: a browser origin listed in ``CORS_ORIGINS`` gets ``Access-Control-Allow-Origin``;
  preflights are answered here, before the token check (browsers send no credentials on them).
* ``API_TOKEN``: when set, all of ``/api/v1`` (healthz aside, the OpenAPI document and its page
  included) needs ``Authorization: Bearer <token>``,
  compared in constant time; otherwise a 401 problem with ``WWW-Authenticate: Bearer``.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized

OFFICE_CDN = "https://appsforoffice.microsoft.com"
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
CORS_METHODS = "GET, POST, OPTIONS"
CORS_HEADERS = "Authorization, Content-Type, X-Request-ID"
CORS_EXPOSED = (
    "Content-Disposition, X-Request-ID, X-Noai-Applied, X-Noai-Skipped, X-Noai-Escalates, X-Noai-Score-Before, "
    "X-Noai-Score-After"
)


def connect_sources() -> tuple[str, ...]:
    """Where the task pane may connect: itself, the Office CDN, the configured public URL's
    origin and the backends of ``PANE_CONNECT_SRC`` (origins only: no path, no wildcard host)."""
    config = current_app.config
    extra = [_origin(u) for u in (config["PUBLIC_URL"], *config["PANE_CONNECT_SRC"]) if u]
    return tuple(dict.fromkeys(["'self'", OFFICE_CDN, *(o for o in extra if o)]))


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or "*" in parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def addin_csp(frame_ancestors: Iterable[str], connect: Iterable[str] = ("'self'", OFFICE_CDN)) -> str:
    """The task pane's policy: itself, the Office CDN for office.js, the backends it may call,
    framed by Office only."""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {OFFICE_CDN}",
            "connect-src " + " ".join(connect),
            f"frame-src 'self' {OFFICE_CDN}",
            "img-src 'self' data:",
            "style-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors " + " ".join(("'self'", *frame_ancestors)),
        ]
    )


def _is_preflight() -> bool:
    return request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers


def _preflight() -> Response | None:
    """Answer CORS preflights at once (headers follow in :func:`_headers`)."""
    return Response(status=204) if _is_preflight() else None


def require_token() -> None:
    """``before_request`` of the API blueprint: the bearer token when one is configured."""
    token = current_app.config["API_TOKEN"]
    if not token or not request.path.startswith("/api/v1/") or request.endpoint == "api.healthz" or _is_preflight():
        return
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise Unauthorized(
            'This server needs an access token: send it as "Authorization: Bearer <token>" (the add-in\'s Settings).',
            www_authenticate=WWWAuthenticate("Bearer", {"realm": "noai"}),
        )


def _cors(response: Response) -> None:
    origin = request.headers.get("Origin", "")
    if not origin or origin.rstrip("/") not in current_app.config["CORS_ORIGINS"]:
        return
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Expose-Headers"] = CORS_EXPOSED
    if _is_preflight():
        response.headers["Access-Control-Allow-Methods"] = CORS_METHODS
        response.headers["Access-Control-Allow-Headers"] = CORS_HEADERS
        response.headers["Access-Control-Max-Age"] = "600"
    response.vary.add("Origin")


def _headers(response: Response) -> Response:
    headers = response.headers
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    if request.is_secure:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    if request.path.startswith("/addin/"):
        headers["Content-Security-Policy"] = addin_csp(current_app.config["FRAME_ANCESTORS"], connect_sources())
    else:
        headers.setdefault("Content-Security-Policy", API_CSP)
        headers["X-Frame-Options"] = "DENY"
    if request.path.startswith("/api/"):
        headers["Cache-Control"] = "no-store"
    _cors(response)
    return response


def install_security(app: Flask) -> None:
    app.before_request(_preflight)
    app.before_request(require_token)  # all of /api/v1 (openapi.json and docs too) but healthz
    app.after_request(_headers)
