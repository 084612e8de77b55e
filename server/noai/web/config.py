"""Settings of the web app: defaults, then ``NOAI_*`` environment variables, then the mapping
given to :func:`noai.web.create_app` (tests, embedding). docs/deploy.md lists them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from noai.resources import shipped

from .budget import default_max_memory

MIB = 1024 * 1024

#: Origins of Word on the web and Microsoft 365 that host the task pane in an iframe.
OFFICE_FRAME_ANCESTORS = (
    "https://*.officeapps.live.com",
    "https://*.office.com",
    "https://*.office365.com",
    "https://*.microsoft365.com",
    "https://*.cloud.microsoft",
    "https://*.sharepoint.com",
    "https://onedrive.live.com",
)

DEFAULTS = {
    "MAX_CONTENT_LENGTH": 25 * MIB,  # Flask's own limit: larger bodies are a 413
    "API_TOKEN": "",  # when set, /api/v1 needs "Authorization: Bearer <token>"
    "CORS_ORIGINS": (),  # origins allowed to call the API from a browser besides the pane's own
    "TRUST_PROXY": False,  # honour X-Forwarded-For/-Proto/-Host/-Port (behind a reverse proxy only)
    "FRAME_ANCESTORS": OFFICE_FRAME_ANCESTORS,  # who may frame /addin/ besides 'self'
    "ADDIN_DIR": shipped("addin"),
    "BODY_TIMEOUT": 30,  # seconds to receive a whole request body (then 408)
    "TIMEOUT": 60,  # seconds a request may compute: the engine stops between stages after it (503)
    "MAX_MEMORY": None,  # bytes the requests being computed may take together (default: half the RAM)
    "REQUEST_MEMORY": 1024 * MIB,  # bytes one request may take (estimated before parsing), at most MAX_MEMORY
    "PUBLIC_URL": "",  # https://host[:port] clients reach this server at (the manifest's URLs)
    "PANE_CONNECT_SRC": (),  # other backends the task pane may call (its CSP connect-src)
    "USER_CLAUSES": (),  # clause folders over the shipped library (server side, never from a client)
}

# name -> separator
_LISTS = {"CORS_ORIGINS": None, "PANE_CONNECT_SRC": None, "FRAME_ANCESTORS": None, "USER_CLAUSES": os.pathsep}


def configure(app: Flask, config: Mapping[str, Any] | None) -> None:
    """Fill ``app.config``: defaults, ``NOAI_*`` environment variables, ``config``; normalised."""
    app.config.update(DEFAULTS)
    app.config.from_prefixed_env("NOAI")
    app.config.update(config or {})
    for key, sep in _LISTS.items():
        app.config[key] = _as_list(app.config[key], sep)
    app.config["API_TOKEN"] = str(app.config["API_TOKEN"] or "")
    app.config["TRUST_PROXY"] = str(app.config["TRUST_PROXY"]).lower() in ("1", "true", "yes")
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_CONTENT_LENGTH"])
    app.config["BODY_TIMEOUT"] = float(app.config["BODY_TIMEOUT"])
    app.config["MAX_MEMORY"] = int(app.config["MAX_MEMORY"] or default_max_memory())
    app.config["REQUEST_MEMORY"] = min(int(app.config["REQUEST_MEMORY"]), app.config["MAX_MEMORY"])
    app.config["TIMEOUT"] = float(app.config["TIMEOUT"])
    app.config["ADDIN_DIR"] = Path(app.config["ADDIN_DIR"])
    app.config["PUBLIC_URL"] = str(app.config["PUBLIC_URL"] or "").rstrip("/")


def _as_list(value: str | Iterable[object] | None, sep: str | None) -> tuple[str, ...]:
    """ "a, b c" (or "a:b" with ``sep``) or ["a", "b"] -> ("a", "b")."""
    if isinstance(value, str):
        value = value.split(sep) if sep else value.replace(",", " ").split()
    return tuple(str(v).rstrip("/") for v in value or () if str(v).strip())
