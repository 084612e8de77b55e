"""The task pane's files at ``/addin/`` and the add-in manifest at ``/manifest.xml``.

Only what the pane loads is served (HTML, JavaScript modules, CSS, images), never the add-in's
tests, tools, ``node_modules``, ``package.json`` or a hidden (dot) file, whatever ``..`` or
``.`` the path holds. The manifest's URLs come from configuration, never from a client's Host
header: ``PUBLIC_URL`` (``noai serve`` sets it to the address it listens on), else the
forwarded host behind a trusted proxy (``TRUST_PROXY``), else ``https://localhost:8443``.
``/addin/config.json`` tells the pane which backend it is served by and which others its
Content-Security-Policy lets it reach (``PANE_CONNECT_SRC``).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from flask import Blueprint, Response, current_app, jsonify, request, send_from_directory
from werkzeug.exceptions import NotFound

from noai import manifest

SERVED_SUFFIXES = {".html", ".js", ".css", ".png", ".svg", ".ico"}
HIDDEN_DIRS = {"node_modules", "test", "tools"}
INDEX = "taskpane.html"

bp = Blueprint("addin", __name__)


@bp.get("/addin/")
@bp.get("/addin/<path:filename>")
def addin_file(filename: str = INDEX) -> Response:
    path = PurePosixPath(filename)
    hidden = any(part in HIDDEN_DIRS or part.startswith(".") for part in filename.split("/"))
    if path.suffix not in SERVED_SUFFIXES or hidden or "\\" in filename:
        raise NotFound()
    return send_from_directory(current_app.config["ADDIN_DIR"], filename)


def public_url() -> str:
    """The server's public base URL, from configuration (see the module's docstring)."""
    if current_app.config["PUBLIC_URL"]:
        return str(current_app.config["PUBLIC_URL"])
    if current_app.config["TRUST_PROXY"]:
        return request.host_url.rstrip("/")
    return manifest.DEFAULT_BASE_URL


@bp.get("/addin/config.json")
def pane_config() -> Response:
    """What the pane needs to reach its backend: the API's URL, the origins its CSP allows, and
    whether a token is required."""
    from .security import connect_sources

    return jsonify(
        {
            "api": f"{public_url()}/api/v1",
            "connect_src": list(connect_sources()),
            "token_required": bool(current_app.config["API_TOKEN"]),
        }
    )


@bp.get("/manifest.xml")
def manifest_xml() -> Response:
    render_manifest = getattr(manifest, "render_manifest", None)
    if render_manifest is None:
        raise NotFound("This server cannot render the add-in manifest.")
    xml = render_manifest(public_url())
    return Response(xml, mimetype="application/xml")
