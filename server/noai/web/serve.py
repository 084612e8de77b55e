"""``noai serve``: the app under gunicorn, over HTTPS with a local certificate or, with
``--http``, in plain HTTP behind a TLS-terminating reverse proxy.

One worker process a CPU (requests are CPU-bound: XML parsing and writing), each a gevent
worker (:mod:`noai.web.worker`): a connection costs a greenlet, so slow or idle clients cannot
take the workers away, and every phase a client controls has a deadline (TLS handshake,
headers, each read, the body). ``NOAI_TIMEOUT`` (60 s) stops a computation between the engine's
stages, in a thread of the worker's compute pool (:mod:`noai.web.compute`), so the event loop
keeps serving the other connections meanwhile; a stage still running at half as long again
restarts its worker. Workers are recycled after
``max_requests`` (with jitter) to give memory back.
Gunicorn's access log stays off: the app logs each request itself, without query strings.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication

from noai import engine
from noai.errors import MissingCertificateError

from . import budget, create_app
from .certs import cert_paths
from .requests import EscapeFilter, RequestIdFilter

if TYPE_CHECKING:
    from flask import Flask

DEFAULT_CERT_DIR = Path(os.environ.get("NOAI_CERT_DIR", "certs"))
BACKSTOP = 30  # seconds past NOAI_TIMEOUT before gunicorn kills a worker whose event loop hangs
LOG_FORMAT = "%(asctime)s %(levelname)s [%(process)d] [%(request_id)s] %(name)s: %(message)s"


class NoaiApplication(BaseApplication):  # type: ignore[misc]  # gunicorn is untyped
    """gunicorn in-process, serving ``create_app()`` with the given settings."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # settings of newer gunicorns are skipped by older ones
                self.cfg.set(key, value)

    def load(self) -> Flask:
        return create_app()


def gunicorn_options(args: argparse.Namespace) -> dict[str, Any]:
    """gunicorn settings for ``noai serve`` arguments (host, port, workers, cert, key, http)."""
    options: dict[str, Any] = {
        "bind": f"[{args.host}]:{args.port}" if ":" in args.host else f"{args.host}:{args.port}",
        "workers": args.workers or os.cpu_count() or 1,
        "worker_class": "noai.web.worker.NoaiWorker",
        "worker_connections": int(os.environ.get("NOAI_WORKER_CONNECTIONS", "500")),
        "keepalive": int(os.environ.get("NOAI_HEADER_TIMEOUT", "10")),  # headers (and idle) deadline
        "timeout": int(float(os.environ.get("NOAI_TIMEOUT", "60"))) + BACKSTOP,  # a hung event loop
        "graceful_timeout": 30,
        "max_requests": int(os.environ.get("NOAI_MAX_REQUESTS", "1000")),
        "max_requests_jitter": 100,
        "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,
        "accesslog": None,
        "errorlog": "-",
        "proc_name": "noai",
        "control_socket_disable": True,  # no socket file in the home folder
        "on_starting": _escape_gunicorn_logs,
    }
    if not args.http:
        options.update(_tls(args))
    return options


def _tls(args: argparse.Namespace) -> dict[str, str]:
    default = cert_paths(DEFAULT_CERT_DIR)
    cert, key = Path(args.cert or default.cert), Path(args.key or default.key)
    for path in (cert, key):
        if not path.is_file():
            raise MissingCertificateError(
                f"{path}: no such file. Run `noai certs` to make a local certificate (and trust it), "
                f"give --cert and --key, or use --http behind a reverse proxy that does TLS."
            )
    return {"certfile": str(cert), "keyfile": str(key)}


def _escape_gunicorn_logs(server: object) -> None:
    """gunicorn's own log lines escape control characters too (before the workers fork)."""
    for name in ("gunicorn.error", "gunicorn.access"):
        logging.getLogger(name).addFilter(EscapeFilter())


def _configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RequestIdFilter())
    handler.addFilter(EscapeFilter())
    logger = logging.getLogger("noai")
    logger.handlers[:] = [handler]
    logger.setLevel(os.environ.get("NOAI_LOG_LEVEL", "INFO").upper())
    logger.propagate = False


def check_library() -> None:
    """The shipped clause library and ``NOAI_USER_CLAUSES`` loaded once before serving: every
    problem of every file is listed at start (LibraryError), not on the first request."""
    folders = [Path(d) for d in os.environ.get("NOAI_USER_CLAUSES", "").split(os.pathsep) if d]
    engine.library_for(engine.Options(clause_dirs=tuple(folders)))


LOOPBACK = {"127.0.0.1", "::1", "0.0.0.0", "::", "", "localhost"}


def public_url(args: argparse.Namespace) -> str:
    """``NOAI_PUBLIC_URL``, else the HTTPS address this server listens on (the manifest's URLs);
    with ``--http`` (behind a proxy) nothing: the proxy's forwarded host, when trusted, or the default."""
    if os.environ.get("NOAI_PUBLIC_URL"):
        return os.environ["NOAI_PUBLIC_URL"]
    if args.http:
        return ""
    host = "localhost" if args.host in LOOPBACK else args.host
    host = f"[{host}]" if ":" in host else host
    return f"https://{host}" + ("" if args.port == 443 else f":{args.port}")


def serve(args: argparse.Namespace) -> int:
    """Run the server until it is stopped; the exit code for the CLI."""
    options = {k: v for k, v in gunicorn_options(args).items() if v is not None}
    check_library()
    if public_url(args):
        os.environ["NOAI_PUBLIC_URL"] = public_url(args)  # read by create_app() in the workers
    _configure_logging()
    scheme = "http" if args.http else "https"
    print(
        f"noai: serving on {scheme}://{args.host}:{args.port}/ (task pane at /addin/, API at /api/v1/)", file=sys.stderr
    )
    # the server-wide memory account, made before gunicorn forks so that every worker shares it
    budget.shared(int(os.environ.get("NOAI_MAX_MEMORY") or budget.default_max_memory()))
    NoaiApplication(options).run()
    return 0
