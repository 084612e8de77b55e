"""The ``/api/v1`` blueprint: audit, plan, redline, the clause library, health.

A document comes as the raw request body (.docx, or Word's Flat OPC XML) with its options in
the query string, or as the ``file`` field of a multipart form with its options as form fields.
It is read into memory, handed to :mod:`noai.engine` and forgotten.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any, TypeVar

from flask import Blueprint, Response, current_app, jsonify, request, send_file
from marshmallow import ValidationError
from werkzeug.exceptions import UnsupportedMediaType

from noai import __version__, engine
from noai.errors import DocumentBudgetError
from noai.library import render

from . import budget, compute
from .config import MIB
from .requests import deadline_check
from .schemas import (
    AuditOptionsSchema,
    ClauseListSchema,
    ClauseQuerySchema,
    HealthSchema,
    OptionsSchema,
    RedlineOptionsSchema,
    RenderedClauseSchema,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RAW_TYPES = (DOCX_TYPE, "application/octet-stream", "application/xml", "text/xml")
MULTIPART = "multipart/form-data"

T = TypeVar("T")
bp = Blueprint("api", __name__)  # the token is checked app-wide (security.install_security)


def _document() -> tuple[bytes, str | None, dict[str, Any]]:
    """The document's bytes, its file name (multipart only) and the raw options."""
    if request.mimetype == MULTIPART:
        upload = request.files.get("file")
        if upload is None:
            raise ValidationError({"file": ["Send the Word document in the form field 'file'."]})
        return upload.read(), PurePath(upload.filename or "").name or None, request.form.to_dict()
    if request.mimetype in RAW_TYPES:
        return request.get_data(cache=False), None, request.args.to_dict()
    raise UnsupportedMediaType(
        f"Send a Word document (.docx) as {DOCX_TYPE} or application/octet-stream, Word XML as "
        f"application/xml, or a multipart/form-data form with the field 'file'; "
        f"not {request.mimetype or 'a body without Content-Type'}."
    )


def _previous() -> bytes | None:
    """The document we sent (multipart field ``previous``), when the request answers a reply to it."""
    upload = request.files.get("previous") if request.mimetype == MULTIPART else None
    return None if upload is None else upload.read()


def _options(loaded: dict[str, Any] | None = None) -> engine.Options:
    """Engine options from validated request options; the clause folders are the server's."""
    loaded = loaded or {}
    return engine.Options(
        variant=loaded.get("variant"),
        comments=loaded.get("comments", True),
        we=loaded.get("we"),
        work_kind=loaded.get("work_kind"),
        playbook=None,  # "default", the only shipped playbook, is the engine's own
        clause_dirs=tuple(Path(d) for d in current_app.config["USER_CLAUSES"]),
        check=deadline_check(),
    )


def _compute(data: bytes, job: Callable[[], T], *, rewrite: bool = False, previous: bytes | None = None) -> T:
    """``job()`` on ``data`` (and the ``previous`` document, read too), within the memory budget and
    off the event loop (:mod:`.compute`): refused before parsing when it would take more than one
    request may (413), its estimate reserved against the server's budget while it runs (else 503)."""
    estimate = engine.memory_estimate(data, rewrite=rewrite) + (engine.memory_estimate(previous) if previous else 0)
    limit = current_app.config["REQUEST_MEMORY"]
    if estimate > limit:
        raise DocumentBudgetError(
            f"This document would need about {estimate // MIB:,} MiB of memory to read, more than "
            f"the {limit // MIB:,} MiB this server allows one request (NOAI_REQUEST_MEMORY). Its XML "
            f"is unusually large for its content: save it again in Word, or split it."
        )
    account = budget.shared(current_app.config["MAX_MEMORY"])

    def reserved() -> T:
        with account.reserve(estimate):
            return job()

    return compute.run(reserved, compute.hard_limit(current_app.config["TIMEOUT"]))


@bp.post("/audit")
def audit() -> Response:
    data, filename, raw = _document()
    loaded = AuditOptionsSchema().load(raw)
    we, accepted = loaded.get("we"), loaded["accepted"]
    check = deadline_check()
    previous = _previous()
    return jsonify(
        _compute(
            data,
            lambda: engine.audit(
                data, filename=filename, we=we, check=check, previous=previous, accepted=accepted
            ).to_dict(),
            previous=previous,
        )
    )


@bp.post("/plan")
def plan() -> Response:
    data, filename, raw = _document()
    options = _options(OptionsSchema().load(raw))

    def job() -> dict[str, Any]:
        result, the_plan = engine.plan(data, options, filename=filename)
        return {"audit": result.to_dict(), "plan": the_plan.to_dict()}

    return jsonify(_compute(data, job))


@bp.post("/redline")
def redline() -> Response:
    data, filename, raw = _document()
    loaded = RedlineOptionsSchema().load(raw)
    date = loaded.get("date") or datetime.now(UTC).replace(microsecond=0)
    options = _options(loaded)
    previous = _previous()
    result = _compute(
        data,
        lambda: engine.redline(
            data, author=loaded["author"], date=date, options=options, filename=filename, previous=previous
        ),
        rewrite=True,
        previous=previous,
    )
    stem = PurePath(filename).stem if filename else "document"
    response = send_file(
        io.BytesIO(result.docx), mimetype=DOCX_TYPE, as_attachment=True, download_name=f"{stem}.noai.docx"
    )
    response.headers["X-Noai-Applied"] = str(len(result.write.applied))
    response.headers["X-Noai-Skipped"] = str(len(result.write.skipped))
    response.headers["X-Noai-Escalates"] = str(len(engine.escalations(result.plan)))  # the plan's notes say what
    for name, scored in (("Before", result.audit), ("After", result.after)):  # after: the output audited
        response.headers[f"X-Noai-Score-{name}"] = f"{scored.score.risk} {scored.score.grade}"
    return response


@bp.get("/clauses")
def clauses() -> Response:
    library, _ = engine.library_for(_options())
    items = [
        {
            "id": c.id,
            "kind": c.kind,
            "title": c.title,
            "summary": c.summary,
            "rationale": c.rationale,
            "variants": list(c.variants),
            "placement": c.placement,
        }
        for c in library.clauses
    ]
    return jsonify(ClauseListSchema().dump({"clauses": items}))


@bp.get("/clauses/<clause_id>")
def clause(clause_id: str) -> Response:
    query = ClauseQuerySchema().load(request.args.to_dict())
    library, playbook = engine.library_for(_options())
    found = library.get(clause_id)
    variant = query.pop("variant", None) or playbook.variant
    extra = {k: v[:200] for k, v in request.args.items() if k in library.placeholders and k not in query}
    rendered = render(found, variant, {**extra, **query})
    return jsonify(RenderedClauseSchema().dump(rendered))


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify(HealthSchema().dump({"status": "ok", "version": __version__}))
