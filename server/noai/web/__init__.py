"""The web app: the JSON API under ``/api/v1`` and the Word add-in's task pane under ``/addin/``.

The only package of noai that imports Flask. ``create_app`` is the application factory used by
``noai serve`` (gunicorn), the tests and any WSGI server::

    gunicorn 'noai.web:create_app()'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import addin, api, openapi
from .body import install_body_buffer
from .config import configure
from .errors import register_error_handlers
from .requests import install_request_tracking
from .security import install_security

API_PREFIX = "/api/v1"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The app, configured by defaults, ``NOAI_*`` environment variables and then ``config``."""
    app = Flask(__name__, static_folder=None)
    configure(app, config)
    install_request_tracking(app)
    install_body_buffer(app)
    install_security(app)
    register_error_handlers(app)
    app.register_blueprint(api.bp, url_prefix=API_PREFIX)
    app.register_blueprint(openapi.bp, url_prefix=API_PREFIX)
    app.register_blueprint(addin.bp)
    if app.config["TRUST_PROXY"]:
        proxied = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1)
        app.wsgi_app = proxied  # type: ignore[method-assign]  # the wrapping Flask documents
    return app
