"""The score after a redline is the audit of the document as accept-all leaves it (issue 15 leftover, session 12):
``Redline.after`` (the CLI's summary, the API's ``X-Noai-Score-After``) and the add-in's re-audit
(``POST /audit?accepted=true``) read the accepted view, where a paragraph struck whole is gone, not the
document with its deletions shown as empty paragraphs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p

from noai import engine

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def podcast_licence() -> bytes:
    """A typed-number licence whose unnumbered training permission our redline strikes whole (mark and all),
    with clauses after it that the audit finds (governing law, a credit)."""
    lines = [
        "SHOW LICENCE",
        'This licence is made between Larkspur Audio Inc. ("Network") and Dev Okafor ("Host").',
        "1. Licence",
        '1.1 Host grants Network a licence to distribute the episodes Host records (the "Episodes").',
        "Network may use the Episodes to train Network's machine learning models.",
        "1.2 Network shall credit Host in each episode description.",
        "2. General",
        "2.1 This licence is governed by the laws of the State of New York.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def game_art_terms() -> bytes:
    """A second shape: headings and a numbered list written out, the permission in the middle of clause 3."""
    lines = [
        "ART COMMISSION TERMS",
        'These terms are agreed between Pinecrest Games LLC (the "Studio") and Ana Ruiz (the "Artist").',
        "3. Use of the Artwork",
        '3.1 The Artist licenses the Studio to use the sprites the Artist delivers (the "Artwork") in its games.',
        "The Studio may use the Artwork to train artificial intelligence models.",
        "3.2 The Studio shall pay the Artist a fee of USD 2,000 for the Artwork.",
        "4. Law",
        "4.1 These terms are governed by the laws of England and Wales.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def _redline(data: bytes) -> engine.Redline:
    date = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    return engine.redline(data, author="noai", date=date, options=engine.Options(variant="standard"))


def _without_work_kind(audit: dict) -> dict:
    return {k: v for k, v in audit.items() if k != "work_kind"}


@pytest.mark.parametrize("build", [podcast_licence, game_art_terms])
def test_the_score_after_is_the_audit_of_the_accepted_view_where_the_struck_paragraph_is_gone(build):
    red = _redline(build())
    shown = engine.read(red.docx).paragraphs
    accepted = engine.read(red.docx, accepted=True).paragraphs
    assert len(accepted) < len(shown)  # the redline struck a whole paragraph, mark and all
    after = _without_work_kind(red.after.to_dict())  # the kind: the input's, passed on as the user's
    assert after == _without_work_kind(engine.audit(red.docx, accepted=True).to_dict())
    assert after != _without_work_kind(engine.audit(red.docx).to_dict())  # the shown view anchors differently
    later = [f for f in red.after.findings if f.start > 4]  # findings after the struck paragraph
    assert later
    for finding in red.after.findings:  # every anchor counts the paragraphs accept-all leaves
        assert accepted[finding.start].text == finding.paragraph_text
