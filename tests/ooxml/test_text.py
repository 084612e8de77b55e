"""Revision-aware paragraph text: what each view (current, original) holds."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from noai.ooxml.document import read_document
from noai.ooxml.ns import W
from noai.ooxml.revisions import RevisionStamp
from noai.ooxml.text import texts
from noai.plan import SCHEMA, Plan
from noai.writer import apply_plan

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


def paragraph(inner: str):
    return etree.fromstring(f'<w:p xmlns:w="{W}">{inner}</w:p>')


def run(text: str, tag: str = "w:t") -> str:
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def revision(kind: str, rid: int, body: str) -> str:
    return f'<w:{kind} w:id="{rid}" w:author="A" w:date="2026-01-15T10:00:00Z">{body}</w:{kind}>'


def test_an_insertion_is_current_text_only_and_a_deletion_original_text_only():
    p = paragraph(
        run("keep ") + revision("ins", 1, run("new ")) + revision("del", 2, run("old ", "w:delText")) + run("end")
    )
    assert texts(p) == ("keep new end", "keep old end")


def test_text_deleted_inside_a_pending_insertion_is_in_neither_view():
    # Another author inserted "Cluster Members"; a later deletion took "Members" out again.
    inner = revision("ins", 1, run("Cluster ") + revision("del", 2, run("Members", "w:delText")) + run("Buyers"))
    p = paragraph(run("[") + inner + run("]"))
    assert texts(p) == ("[Cluster Buyers]", "[]")


def test_replacing_text_inside_another_authors_insertion_keeps_the_original_text(corpus_dir):
    data = (corpus_dir / "ccs-call-off-order-form-tracked.docx").read_bytes()
    doc = read_document(data)
    index = next(p.index for p in doc.paragraphs if "[Cluster Members]" in p.text)
    before = doc.paragraphs[index]
    start = before.text.index("Members")
    plan = Plan.from_dict(
        {
            "schema": SCHEMA,
            "variant": "standard",
            "terms": {},
            "offered": [],
            "notes": [],
            "edits": [
                {
                    "id": "e1",
                    "op": "replace",
                    "anchor": {"index": index, "text": before.text},
                    "find": "Members",
                    "occurrence": 0,
                    "start": start,
                    "end": start + len("Members"),
                    "replacement": "Participants",
                    "clause": "test",
                    "variant": "standard",
                    "title": None,
                    "comment": None,
                    "finding": "confidentiality",
                }
            ],
        }
    )
    out = read_document(apply_plan(doc, plan, stamp=RevisionStamp("noai", DATE), comments=False).docx)
    after = out.paragraphs[index]
    assert after.text == before.text.replace("Members", "Participants")
    assert after.original_text == before.original_text == before.original_text.replace("Members", "Buyers")
