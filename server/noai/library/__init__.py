"""The clause library: ``clauses/`` loaded and validated, the playbook, rendering with a
document's own terms. See docs/clauses.md for the file format."""

from .loader import Library, load_library, shipped_dir
from .model import (
    ACTIONS,
    FINDING_KINDS,
    PLACEMENTS,
    PROTECTIONS,
    VARIANTS,
    Clause,
    Definition,
    Fix,
    FixRule,
    Placeholder,
    Rendered,
    RenderedFix,
    Variant,
)
from .playbook import Playbook, Protection, load_playbook
from .present import format_clause, format_clause_list
from .render import for_cases, render, render_fix, render_many, render_sentence_fix

__all__ = [
    "ACTIONS",
    "FINDING_KINDS",
    "PLACEMENTS",
    "PROTECTIONS",
    "VARIANTS",
    "Clause",
    "Definition",
    "Fix",
    "FixRule",
    "Library",
    "Placeholder",
    "Playbook",
    "Protection",
    "Rendered",
    "RenderedFix",
    "Variant",
    "for_cases",
    "format_clause",
    "format_clause_list",
    "load_library",
    "load_playbook",
    "render",
    "render_fix",
    "render_many",
    "render_sentence_fix",
    "shipped_dir",
]
