"""The task pane's files at ``/addin/`` and the add-in manifest at ``/manifest.xml``.

Only what the pane loads is served (HTML, JavaScript modules, CSS, images), never the add-in's
tests, tools, ``node_modules`` or ``package.json``. The manifest is rendered for the address the
request came to, so a server reached as ``https://noai.example.org`` hands out a manifest
pointing at itself (behind a proxy that needs ``TRUST_PROXY``).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from flask import Blueprint, Response, current_app, request, send_from_directory
from werkzeug.exceptions import NotFound

from noai import manifest

SERVED_SUFFIXES = {".html", ".js", ".css", ".png", ".svg", ".ico"}
HIDDEN_DIRS = {"node_modules", "test", "tools"}
INDEX = "taskpane.html"

bp = Blueprint("addin", __name__)


@bp.get("/addin/")
@bp.get("/addin/<path:filename>")
def addin_file(filename: str = INDEX):
    path = PurePosixPath(filename)
    if path.suffix not in SERVED_SUFFIXES or (path.parts and path.parts[0] in HIDDEN_DIRS):
        raise NotFound()
    return send_from_directory(current_app.config["ADDIN_DIR"], filename)


@bp.get("/manifest.xml")
def manifest_xml():
    render_manifest = getattr(manifest, "render_manifest", None)
    if render_manifest is None:
        raise NotFound("This server cannot render the add-in manifest.")
    xml = render_manifest(request.host_url.rstrip("/"))
    return Response(xml, mimetype="application/xml")
