"""Reading what a redline wrote, shared by the review tests: the paragraphs of the written .docx as accept-all leaves
them (our reader, not LibreOffice: support/lo.py's ``lo_read`` is that)."""

from __future__ import annotations

from noai import engine


def accepted(written: engine.Redline | bytes) -> list[str]:
    """The paragraphs' texts of a redline's .docx (or of a .docx's bytes) with every tracked change accepted."""
    data = written if isinstance(written, bytes) else written.docx
    return [p.text for p in engine.read(data, accepted=True).paragraphs]


def plan_comments(red: engine.Redline) -> list[str]:
    """The comments the redline's plan gives its edits (the words we write in the margin), in the plan's order."""
    return [e.comment for e in red.plan.edits if e.comment]
