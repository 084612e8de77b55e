"""Marshmallow schemas of the HTTP API: the options requests carry and the answers it gives.

They validate requests (field messages become the ``errors`` of a 400 problem) and are, with
the JSON Schemas of the wire formats (audit, plan, problem: :mod:`noai.schemas`, embedded as
they are), the source of the OpenAPI document (:mod:`noai.web.openapi`).
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from marshmallow import EXCLUDE, RAISE, Schema, fields, validate

from noai.analysis.work_kind import WORK_KINDS
from noai.library import VARIANTS

PLAYBOOKS = ("default",)  # shipped playbooks a client may name; never a server path
_TERM: dict[str, Any] = {"validate": validate.Length(min=1, max=200)}


_WE: dict[str, Any] = {
    "validate": validate.Length(min=1, max=200),
    "metadata": {
        "description": "Which party you are: a party's name or word as the document writes it "
        '("Acme", "the Customer"), or a role (creator, client). A value that names '
        "no party of the document is a 422 problem listing the parties found."
    },
}


class AuditOptionsSchema(Schema):
    """``POST /audit`` options: which party the user is, and whether to audit the document with its tracked
    changes accepted (other keys are ignored, as before)."""

    class Meta:
        unknown = EXCLUDE

    we = fields.String(**_WE)
    accepted = fields.Boolean(
        load_default=False,
        metadata={
            "description": "Audit the document as accept-all leaves it (tracked insertions in, deletions out, "
            "struck paragraphs gone): the score once its changes are accepted. Finding anchors then count the "
            "paragraphs left, not Word's body.paragraphs of the document as sent."
        },
    )


class OptionsSchema(Schema):
    """``POST /plan`` options (query parameters, or form fields with multipart)."""

    class Meta:
        unknown = RAISE

    we = fields.String(**_WE)

    work_kind = fields.String(
        validate=validate.OneOf(WORK_KINDS),
        metadata={
            "description": "The kind of work (software, creative, data, general); "
            "default: detected from the document. Picks the clause "
            "a lawyer adds for that kind."
        },
    )
    variant = fields.String(
        validate=validate.OneOf(VARIANTS), metadata={"description": "The variant to propose (default: the playbook's)."}
    )
    comments = fields.Boolean(load_default=True, metadata={"description": "Word comments with the rationale."})
    playbook = fields.String(
        load_default="default",
        validate=validate.OneOf(PLAYBOOKS),
        metadata={"description": "A shipped playbook, by name."},
    )


class RedlineOptionsSchema(OptionsSchema):
    """``POST /redline`` options: the plan's, and who and when the tracked changes are by."""

    author = fields.String(
        load_default="noai",
        validate=[
            validate.Length(min=1, max=100),
            validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="The author may not contain control characters."),
        ],
        metadata={"description": "Author of the tracked changes."},
    )
    date = fields.AwareDateTime(
        default_timezone=UTC, metadata={"description": "ISO 8601 date of the changes (default: now)."}
    )


class ClauseQuerySchema(Schema):
    """``GET /clauses/{id}``: the variant, and the document's terms to fill in. Other library
    placeholders (``agreement``, ``territory``, ...) are accepted too; unknown names are ignored."""

    class Meta:
        unknown = EXCLUDE

    variant = fields.String(validate=validate.OneOf(VARIANTS))
    client = fields.String(**_TERM, metadata={"description": "The client as the contract names it."})
    provider = fields.String(**_TERM, metadata={"description": "The provider as the contract names it."})
    deliverables = fields.String(**_TERM, metadata={"description": "The contract's term for the work."})
    project = fields.String(**_TERM)
    jurisdiction = fields.String(**_TERM)


# -- answers ------------------------------------------------------------------------------


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})
    version = fields.String(required=True)


class ClauseSummarySchema(Schema):
    id = fields.String(required=True)
    kind = fields.String(required=True)
    title = fields.String(required=True)
    summary = fields.String(required=True)
    rationale = fields.String(required=True)
    variants = fields.List(fields.String(), required=True)
    placement = fields.String(required=True)


class ClauseListSchema(Schema):
    clauses = fields.List(fields.Nested(ClauseSummarySchema), required=True)


class RenderedClauseSchema(Schema):
    id = fields.String(required=True, attribute="clause")
    variant = fields.String(required=True)
    title = fields.String(required=True)
    paragraphs = fields.List(fields.String(), required=True)
    comment = fields.String(required=True)
