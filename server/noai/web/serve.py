"""``noai serve``: the app under gunicorn, over HTTPS with a local certificate or, with
``--http``, in plain HTTP behind a TLS-terminating reverse proxy.

Requests are CPU-bound (XML parsing and writing), so there is one worker process a CPU with
two threads each (one request computes while the other reads or writes its socket), a 60 s
timeout, and workers recycled after ``max_requests`` (with jitter) to bound their memory.
Gunicorn's access log stays off: the app logs each request itself, without query strings.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from gunicorn.app.base import BaseApplication

from noai.errors import MissingCertificateError

from . import create_app
from .certs import cert_paths
from .requests import RequestIdFilter

DEFAULT_CERT_DIR = Path(os.environ.get("NOAI_CERT_DIR", "certs"))
LOG_FORMAT = "%(asctime)s %(levelname)s [%(process)d] [%(request_id)s] %(name)s: %(message)s"


class NoaiApplication(BaseApplication):
    """gunicorn in-process, serving ``create_app()`` with the given settings."""

    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # settings of newer gunicorns are skipped by older ones
                self.cfg.set(key, value)

    def load(self):
        return create_app()


def gunicorn_options(args) -> dict:
    """gunicorn settings for ``noai serve`` arguments (host, port, workers, cert, key, http)."""
    options = {
        "bind": f"[{args.host}]:{args.port}" if ":" in args.host else f"{args.host}:{args.port}",
        "workers": args.workers or os.cpu_count() or 1,
        "threads": int(os.environ.get("NOAI_THREADS", "2")),
        "timeout": int(os.environ.get("NOAI_TIMEOUT", "60")),
        "graceful_timeout": 30,
        "max_requests": int(os.environ.get("NOAI_MAX_REQUESTS", "1000")),
        "max_requests_jitter": 100,
        "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,
        "accesslog": None,
        "errorlog": "-",
        "proc_name": "noai",
        "control_socket_disable": True,  # no socket file in the home folder
    }
    if not args.http:
        options.update(_tls(args))
    return options


def _tls(args) -> dict:
    default = cert_paths(DEFAULT_CERT_DIR)
    cert, key = Path(args.cert or default.cert), Path(args.key or default.key)
    for path in (cert, key):
        if not path.is_file():
            raise MissingCertificateError(
                f"{path}: no such file. Run `noai certs` to make a local certificate (and trust it), "
                f"give --cert and --key, or use --http behind a reverse proxy that does TLS.")
    return {"certfile": str(cert), "keyfile": str(key)}


def _configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("noai")
    logger.handlers[:] = [handler]
    logger.setLevel(os.environ.get("NOAI_LOG_LEVEL", "INFO").upper())
    logger.propagate = False


def serve(args) -> int:
    """Run the server until it is stopped; the exit code for the CLI."""
    options = {k: v for k, v in gunicorn_options(args).items() if v is not None}
    _configure_logging()
    scheme = "http" if args.http else "https"
    print(f"noai: serving on {scheme}://{args.host}:{args.port}/ (task pane at /addin/, API at /api/v1/)",
          file=sys.stderr)
    NoaiApplication(options).run()
    return 0
