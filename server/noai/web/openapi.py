"""The OpenAPI 3.1 document of ``/api/v1``, built with apispec from the marshmallow schemas of the
requests and the JSON Schemas of the wire formats (:mod:`noai.schemas`: audit, plan, problem, each
embedded as it is, its ``$defs`` as components), and a self-contained HTML page that shows it (no
script, one inline style allowed by its hash)."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Blueprint, Response, current_app, jsonify, render_template_string

from noai import __version__
from noai import schemas as wire

from . import schemas
from .api import DOCX_TYPE, MULTIPART, RAW_TYPES
from .errors import PROBLEM_TYPE

PREFIX = "/api/v1"
bp = Blueprint("openapi", __name__)


def _problems(*statuses: int) -> dict[str, Any]:
    return {
        str(s): {"description": "Problem details (RFC 9457).", "content": {PROBLEM_TYPE: {"schema": "Problem"}}}
        for s in statuses
    }


def _ok(schema: str, description: str) -> dict[str, Any]:
    return {"200": {"description": description, "content": {"application/json": {"schema": schema}}}}


_PREVIOUS = (
    "The document we sent (our earlier redline), when `file` is the other side's reply: the audit's "
    "`negotiation` section compares with it, and the redline answers it. Optional: a redline of ours "
    "records its round inside the document."
)


def _document_body(options: type | None, previous: bool = False) -> dict[str, Any]:
    binary = {"type": "string", "format": "binary"}
    properties: dict[str, Any] = {"file": binary}
    if previous:
        properties["previous"] = {**binary, "description": _PREVIOUS}
    form: dict[str, Any] = {"type": "object", "required": ["file"], "properties": properties}
    if options is not None:
        properties.update(_form_properties(options))
    content = {t: {"schema": binary} for t in RAW_TYPES if t not in ("text/xml",)}
    content[MULTIPART] = {"schema": form}
    return {"required": True, "description": "The Word document (.docx) or Word's Flat OPC XML.", "content": content}


def _form_properties(options: type) -> dict[str, Any]:
    """The options as multipart form fields (the same names as the query parameters)."""
    plugin = MarshmallowPlugin()
    APISpec("x", "1", "3.0.3", plugins=[plugin])
    assert plugin.converter is not None  # set when the plugin joins the APISpec
    properties: dict[str, Any] = plugin.converter.schema2jsonschema(options())["properties"]  # type: ignore[no-untyped-call]  # apispec leaves it untyped
    return properties


def _document_operation(
    summary: str, options: type | None, answer: dict[str, Any], previous: bool = False
) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": summary,
        "requestBody": _document_body(options, previous),
        "responses": {**answer, **_problems(400, 401, 408, 413, 414, 415, 422, 500, 503)},
    }
    if options is not None:
        operation["parameters"] = [{"in": "query", "schema": options}]
    return {"post": operation}


def _wire_components(name: str, title: str) -> dict[str, Any]:
    """The JSON Schema ``name`` as OpenAPI components: itself as ``title``, each of its ``$defs``
    as ``title`` + the def's name in CamelCase, the references rewritten to them."""
    schema = wire.schema(name)
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    names = {d: title + "".join(w.capitalize() for w in d.split("_")) for d in defs}

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: (f"#/components/schemas/{names[v.rsplit('/', 1)[1]]}" if k == "$ref" else rewrite(v))
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [rewrite(v) for v in node]
        return node

    return {title: rewrite(schema), **{names[d]: rewrite(body) for d, body in defs.items()}}


PLAN_ANSWER = {
    "type": "object",
    "required": ["audit", "plan"],
    "additionalProperties": False,
    "properties": {"audit": {"$ref": "#/components/schemas/Audit"}, "plan": {"$ref": "#/components/schemas/Plan"}},
    "description": "The answer of POST /plan: the audit and the plan made from it.",
}


@lru_cache(maxsize=1)
def build_spec() -> dict[str, Any]:
    """The OpenAPI document as a dict (the same for every request)."""
    spec = APISpec(
        title="noai API",
        version=__version__,
        openapi_version="3.1.0",
        plugins=[MarshmallowPlugin()],
        info={"description": "Audit Word contracts for AI-training risks and redline them."},
        servers=[{"url": PREFIX}],
    )
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    for name in ("Health", "ClauseList", "RenderedClause"):
        spec.components.schema(name, schema=getattr(schemas, f"{name}Schema"))
    for name, title in (("problem", "Problem"), ("audit", "Audit"), ("plan", "Plan")):
        for component, body in _wire_components(name, title).items():
            spec.components.schema(component, component=body)
    spec.components.schema("PlanAnswer", component=PLAN_ANSWER)
    redlined = {
        "200": {
            "description": "The redlined document, as an attachment.",
            "content": {DOCX_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        }
    }
    spec.path(
        "/audit",
        operations=_document_operation(
            "Audit a document", schemas.AuditOptionsSchema, _ok("Audit", "The audit (noai.audit/2)."), previous=True
        ),
    )
    spec.path(
        "/plan",
        operations=_document_operation(
            "Plan the redline of a document", schemas.OptionsSchema, _ok("PlanAnswer", "The audit and the plan.")
        ),
    )
    spec.path(
        "/redline",
        operations=_document_operation(
            "Redline a document as tracked changes", schemas.RedlineOptionsSchema, redlined, previous=True
        ),
    )
    spec.path(
        "/clauses",
        operations={
            "get": {
                "summary": "List the clause library",
                "responses": {**_ok("ClauseList", "The clauses."), **_problems(401, 414)},
            }
        },
    )
    spec.path(
        "/clauses/{clause_id}",
        operations={
            "get": {
                "summary": "One clause, rendered with the given terms",
                "parameters": [
                    {"in": "path", "name": "clause_id", "required": True, "schema": {"type": "string"}},
                    {"in": "query", "schema": schemas.ClauseQuerySchema},
                ],
                "responses": {**_ok("RenderedClause", "The rendered clause."), **_problems(400, 401, 404, 414, 422)},
            }
        },
    )
    spec.path(
        "/healthz",
        operations={
            "get": {
                "summary": "Liveness",
                "security": [],
                "responses": {**_ok("Health", "The server is up."), **_problems(414)},
            }
        },
    )
    document = spec.to_dict()
    document["security"] = [{"bearer": []}]
    return document


_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{margin-top:2rem;border-bottom:1px solid #ddd}code,pre{background:#f4f4f4;padding:.1rem .3rem}
pre{padding:.6rem;overflow:auto}.m{font-weight:bold;text-transform:uppercase;margin-right:.5rem}
"""
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
DOCS_CSP = f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; frame-ancestors 'none'"

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ spec.info.title }}</title>
<style>{{ style|safe }}</style></head><body>
<h1>{{ spec.info.title }} {{ spec.info.version }}</h1>
<p>{{ spec.info.description }} Base path <code>{{ prefix }}</code>;
the machine-readable document is <a href="openapi.json">openapi.json</a>.</p>
<h2>Endpoints</h2>
{% for path, operations in spec.paths.items() %}{% for method, op in operations.items() %}
<h3><span class="m">{{ method }}</span><code>{{ prefix }}{{ path }}</code></h3>
<p>{{ op.summary }}</p>
{% if op.parameters %}<ul>{% for p in op.parameters %}
<li><code>{{ p.name }}</code> ({{ p["in"] }}{% if p.required %}, required{% endif %}){% if p.description %}: {{ p.description }}{% endif %}</li>
{% endfor %}</ul>{% endif %}
{% if op.requestBody %}<p>Body: {% for t in op.requestBody.content %}<code>{{ t }}</code> {% endfor %}</p>{% endif %}
<p>Answers: {% for status, r in op.responses.items() %}<code>{{ status }}</code> {{ r.description }} {% endfor %}</p>
{% endfor %}{% endfor %}
<h2>Schemas</h2>
{% for name, schema in spec.components.schemas.items() %}
<h3 id="{{ name }}">{{ name }}</h3><pre>{{ schema | tojson(indent=2) }}</pre>
{% endfor %}
</body></html>"""  # noqa: E501 (an HTML template: a line of it is one list item)


def served_spec() -> dict[str, Any]:
    """The document as this server answers: without a security requirement when it has no token."""
    spec = build_spec()
    return spec if current_app.config["API_TOKEN"] else {k: v for k, v in spec.items() if k != "security"}


@bp.get("/openapi.json")
def openapi_json() -> Response:
    return jsonify(served_spec())


@bp.get("/docs")
def docs() -> Response:
    html = render_template_string(_PAGE, spec=served_spec(), prefix=PREFIX, style=_STYLE)
    return Response(html, mimetype="text/html", headers={"Content-Security-Policy": DOCS_CSP})
