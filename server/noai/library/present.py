"""Plain-text views of the library for the CLI (strings only; the CLI prints them)."""

from __future__ import annotations

import textwrap

from .loader import Library
from .model import Clause, Rendered


def format_clause_list(library: Library) -> str:
    """One line a clause: id, kind, title; then its summary, indented."""
    width = max((len(c.id) for c in library.clauses), default=0)
    lines = []
    for clause in library.clauses:
        lines.append(f"{clause.id:<{width}}  {clause.kind:<22} {clause.title}")
        lines.append(
            textwrap.fill(clause.summary, 96, initial_indent=" " * (width + 2), subsequent_indent=" " * (width + 2))
        )
    lines.append(f"{len(library.clauses)} clauses, {len(library.fixes)} red-flag fixes.")
    return "\n".join(lines)


def format_clause(rendered: Rendered, clause: Clause | None = None) -> str:
    """The rendered clause as it would be inserted, then the comment that explains it."""
    head = [f"{rendered.clause} ({rendered.variant})"]
    if clause is not None:
        head.append(
            f"kind: {clause.kind}; placement: {clause.placement}; version {clause.version}; "
            f"answers: {', '.join(clause.answers)}"
        )
    if rendered.defined:
        head.append(f"defines: {', '.join(rendered.defined)}")
    body = [rendered.title, *(textwrap.fill(p, 96) for p in rendered.paragraphs)]
    comment = textwrap.fill(f"Comment: {rendered.comment}", 96)
    return "\n\n".join(["\n".join(head), *body, comment])
