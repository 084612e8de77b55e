"""Findings built by hand for tests of what consumes them (the learned model's context, its review findings)."""

from __future__ import annotations

from noai.analysis.classify import HIGH, Finding


def blank_finding(kind: str, start: int, end: int | None = None) -> Finding:
    """A rule finding of ``kind`` over paragraphs ``start..end`` (``end`` defaults to ``start``) and nothing else:
    high, no text, no section, a one-letter phrase."""
    return Finding(
        kind=kind,
        severity=HIGH,
        start=start,
        end=start if end is None else end,
        paragraph_text="",
        section_label=None,
        section_path=(),
        heading=None,
        phrase="x",
        phrase_start=0,
        phrase_end=1,
        explanation="",
    )
