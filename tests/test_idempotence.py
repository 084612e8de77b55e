"""Redlining our own output adds nothing, on every corpus document and the example; a document
that already has a No-AI clause gets no second one.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from test_redline_corpus import AUTHOR, DOCUMENTS, REVISION_DATE, redlined

from noai import engine

VARIANTS = ("standard", "strict", "minimal")
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
# Common Paper forms whose AI terms are a drafting note and a limit on the provider's own training: no
# protection of the creator, so the first round adds the No-AI clause, and the second adds no other.
WITH_AI_TERMS = ("cp-csa-with-ai", "cp-ai-addendum")

CASES = [pytest.param(name, variant, id=f"{name}-{variant}") for name in DOCUMENTS for variant in VARIANTS]


def revision_counts(docx: bytes) -> tuple[int, int, int]:
    """(w:ins, w:del, w:comment) in the main document and the comments part."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        document = etree.fromstring(zf.read("word/document.xml"))
        comments = etree.fromstring(zf.read("word/comments.xml")) if "word/comments.xml" in zf.namelist() else None
    return (
        int(document.xpath("count(//w:ins)", namespaces=NS)),
        int(document.xpath("count(//w:del)", namespaces=NS)),
        0 if comments is None else int(comments.xpath("count(w:comment)", namespaces=NS)),
    )


@pytest.mark.parametrize("name, variant", CASES)
def test_redlining_our_own_output_plans_and_adds_nothing(name, variant):
    once = redlined(name, variant)
    if not once.plan.edits:  # a document no work is delivered under: nothing proposed, and the plan says so
        assert any("no AI clause is proposed" in note for note in once.plan.notes)
    twice = engine.redline(
        once.docx, author=AUTHOR, date=REVISION_DATE, options=engine.Options(variant=variant, we="creator")
    )
    assert [(e.op, e.clause, e.find) for e in twice.plan.edits] == []
    assert twice.docx == once.docx or revision_counts(twice.docx) == revision_counts(once.docx)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", WITH_AI_TERMS)
def test_a_document_with_a_no_ai_clause_gets_no_second_one(name, variant):
    once = redlined(name, variant)
    assert once.audit.protection("no_ai_restriction").status == "missing"  # a drafting note protects nothing
    inserted = [edit.clause for edit in once.plan.edits if edit.op == "insert_after"]
    assert inserted.count("no-ai-training") == 1
    twice = engine.redline(
        once.docx, author=AUTHOR, date=REVISION_DATE, options=engine.Options(variant=variant, we="creator")
    )
    assert twice.audit.protection("no_ai_restriction").status in ("present", "proposed")  # our tracked clause
    assert "no-ai-training" not in {edit.clause for edit in twice.plan.edits if edit.op == "insert_after"}
