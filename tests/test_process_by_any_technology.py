"""A right to process the work "using any technology, including automated … tools" is closed to AI (REVIEW22 class 11).

A specific permission reads against our general covenant: "Licensee may store, index and otherwise process the
Licensed Works using any technology, including automated and machine-assisted tools" reaches AI systems. Every variant
keeps the right and excludes AI where it opens, tracked: strict and standard "using any technology (but never for any
Prohibited AI Use)", minimal "(but never to train artificial intelligence systems)". Not touched: the creator's own
right, a sentence that forbids it. Shapes: a UK photograph-archive licence of typed "1." paragraphs, and a US software
licence whose right names "any software, including computer-assisted tools".
"""

from __future__ import annotations

import functools

import pytest
from support.docx_builder import make_docx, p
from test_document_wording import redline_of
from test_writer import accepted, rejected

from noai import engine

VARIANTS = ("strict", "standard", "minimal")
EXCLUDED = {
    "strict": "(but never for any Prohibited AI Use)",
    "standard": "(but never for any Prohibited AI Use)",
    "minimal": "(but never to train artificial intelligence systems)",
}


def archive(right: str) -> bytes:
    lines = [
        "PHOTOGRAPH ARCHIVE LICENCE",
        'This licence is made between Iona Fell ("Licensor") and Saltmarsh Heritage Trust ("Licensee").',
        '1. "Archive Photographs" means the 300 photographs of the Fens that Licensor took between 1990 and 2010.',
        "2. Licensor grants Licensee a non-exclusive licence to reproduce the Archive Photographs in its exhibitions.",
        right,
        "4. Licensor keeps the copyright in the Archive Photographs.",
        "5. This licence is governed by the law of England and Wales.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def software(right: str) -> bytes:
    lines = [
        "SOFTWARE LICENSE",
        'This license is made between Quarry Labs LLC ("Developer") and Bellweather Freight Inc. ("Customer").',
        'Section 1. Developer licenses Customer to use the route planning software Developer wrote (the "Software") '
        "for Customer's internal business.",
        right,
        "Section 3. This license is governed by the laws of the State of Ohio.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def texts(docx: bytes) -> list[str]:
    return [q.text for q in engine.read(docx).paragraphs]


@functools.cache
def archive_redline(right: str, variant: str) -> tuple[bytes, engine.Redline]:
    original = archive(right)
    return original, redline_of(original, variant)


@functools.cache
def software_redline(right: str, variant: str) -> tuple[bytes, engine.Redline]:
    original = software(right)
    return original, redline_of(original, variant, we="Developer")


ARCHIVE_RIGHT = (
    "3. Licensee may copy, store and analyse the Archive Photographs using any technology, including automated "
    "tools, for cataloguing the archive."
)
SOFTWARE_RIGHT = (
    "Section 2. Customer may store and process the Software using any software, including computer-assisted tools, "
    "to run its business."
)


def exclusion(red: engine.Redline, words: str) -> engine.Edit:
    (edit,) = [e for e in red.plan.edits if e.op == "replace" and e.find == words]
    return edit


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_archive_right_to_process_by_any_technology_excludes_ai(variant):
    original, red = archive_redline(ARCHIVE_RIGHT, variant)
    edit = exclusion(red, "using any technology")
    assert edit.replacement == f"using any technology {EXCLUDED[variant]}"
    assert "reaches any tool, automated tools included" in (edit.comment or "")
    written = accepted(red.docx)
    assert (
        f"3. Licensee may copy, store and analyse the Archive Photographs using any technology {EXCLUDED[variant]}, "
        "including automated tools, for cataloguing the archive." in written
    ), written
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_software_right_to_process_by_any_software_excludes_ai(variant):
    original, red = software_redline(SOFTWARE_RIGHT, variant)
    exclusion(red, "using any software")
    assert any(
        f"using any software {EXCLUDED[variant]}, including computer-assisted tools" in t for t in accepted(red.docx)
    )
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "right",
    [
        "3. Licensor may copy, store and analyse the Archive Photographs using any technology, including automated "
        "tools, for its own catalogue.",
        "3. Licensee shall not copy or analyse the Archive Photographs using any technology, including automated "
        "tools.",
    ],
    ids=["the-creators-own-right", "forbidden"],
)
def test_the_creators_own_right_or_a_prohibition_is_left_alone(right, variant):
    _original, red = archive_redline(right, variant)
    assert not [e for e in red.plan.edits if e.find == "using any technology"]
    assert right in accepted(red.docx)
