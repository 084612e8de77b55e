"""The redline on real contracts: every corpus document and the bundled example, through
``noai.engine.redline``, checked as a package (schema, untouched parts, ids) and against its plan.

The outputs are computed once per process (``redlined``) and shared with
``test_redline_libreoffice.py`` and ``test_idempotence.py``, which import them from here.
"""

from __future__ import annotations

import functools
import io
import json
import re
import zipfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree
from support.validate_docx import validate_docx

from noai import engine
from noai.ooxml.document import read_document

TESTS_DIR = Path(__file__).resolve().parent
CORPUS = TESTS_DIR / "data" / "corpus"
EXAMPLE = TESTS_DIR.parent / "examples" / "agency-services-agreement.docx"
DOCUMENTS = {path.stem: path for path in [*sorted(CORPUS.glob("*.docx")), EXAMPLE]}
AUTHOR = "Noai Reviewer"
# The dates are fixed: the engine never reads the clock, and neither do the tests.
REVISION_DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
# Variants other than the default (standard) are checked on a few documents of each kind:
# other authors' tracked changes, schema errors of their own, the example.
OTHER_VARIANTS = (
    "ccs-ict-services-terms-tracked",
    "cp-csa-with-ai",
    "oa-confidentiality-invention-assignment",
    "agency-services-agreement",
)
CASES = [pytest.param(name, "standard", id=f"{name}-standard") for name in DOCUMENTS] + [
    pytest.param(name, variant, id=f"{name}-{variant}") for name in OTHER_VARIANTS for variant in ("strict", "minimal")
]
# Parts the writer may change; every other part must come back byte for byte.
EDITABLE_PARTS = {"word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
W_ID, W_AUTHOR = f"{{{W}}}id", f"{{{W}}}author"
REVISION_XPATH = (
    "//w:ins | //w:del | //w:moveFrom | //w:moveTo | //w:rPrChange | //w:pPrChange"
    " | //w:sectPrChange | //w:tblPrChange | //w:trPrChange | //w:tcPrChange | //w:numberingChange"
)
# A typed number the writer may put before an inserted paragraph: "7.4 ", "(c)\t", "12. "
TYPED_LABEL = re.compile(r"[\[(]?[0-9A-Za-z]{1,4}(?:\.[0-9A-Za-z]{1,4})*[.)\]]?\s")


@functools.cache
def source(name: str) -> bytes:
    return DOCUMENTS[name].read_bytes()


@functools.cache
def redlined(name: str, variant: str = "standard") -> engine.Redline:
    """The document ``name`` redlined by :data:`AUTHOR` with ``variant``, comments on, for the creator
    (said, as the pane asks it where the audit is unsure which party the user is)."""
    return engine.redline(
        source(name),
        author=AUTHOR,
        date=REVISION_DATE,
        options=engine.Options(variant=variant, we="creator"),
        filename=DOCUMENTS[name].name,
    )


@functools.cache
def schema_errors(name: str, variant: str | None = None) -> frozenset[str]:
    """The validator's error messages for the input (``variant=None``) or an output, without the
    line numbers and XPaths, which insertions shift: ``"/word/document.xml: Element ..."``."""
    data = source(name) if variant is None else redlined(name, variant).docx
    report = validate_docx(data)
    assert not report.fatal, report.errors
    return frozenset(re.sub(r"^(\S*?)(?::\d+)?(?: \[/\S*\])?: ", r"\1: ", e, count=1) for e in report.errors)


def zip_parts(docx: bytes) -> dict[str, bytes]:
    """The package's parts by zip name; folder entries ("word/"), which are no parts, left out."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def comments_of(docx: bytes) -> dict[str, tuple[str, str]]:
    """Comment ``w:id`` -> (author, text) from ``word/comments.xml``."""
    data = zip_parts(docx).get("word/comments.xml")
    if data is None:
        return {}
    root = etree.fromstring(data)
    return {
        c.get(W_ID): (
            c.get(W_AUTHOR),
            "\n".join("".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in c.iter(f"{{{W}}}p")),
        )
        for c in root.iter(f"{{{W}}}comment")
    }


def is_ours(element) -> bool:
    """A ``w:p`` whose text is all a tracked insertion by :data:`AUTHOR` (its paragraph mark may be
    the anchor's own: after the last paragraph before a table, the anchor's mark is the inserted one)."""
    return bool(
        element.xpath(
            "w:ins[@w:author = $a]/w:r and not(.//w:r[not(ancestor::w:ins/@w:author = $a)])", namespaces=NS, a=AUTHOR
        )
    )


def with_replacements(text: str, edits) -> str:
    """``text`` with the planned replacements of one paragraph made, from the end backwards."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        assert text[edit.start : edit.end] == edit.find, (edit.id, text)
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def replacements(result, texts: list[str]) -> dict[int, list]:
    """Paragraph index -> the replacements made in it, shaped like a plan's replace edits
    (``start``, ``end``, ``find``, ``occurrence``, ``replacement``): the planned ones and the
    writer's renumbering of typed numbers and references (``texts``: the input's current texts)."""
    out: dict[int, list] = {}
    for edit in result.plan.edits:
        if edit.op == "replace":
            out.setdefault(edit.index, []).append(edit)
    for change in result.write.renumbered:
        text, start = texts[change["index"]], change["start"]
        out.setdefault(change["index"], []).append(
            SimpleNamespace(
                index=change["index"],
                start=start,
                end=change["end"],
                find=change["from"],
                replacement=change["to"],
                occurrence=text[:start].count(change["from"]),
            )
        )
    return out


def inserted_after(plan) -> dict[int, list[dict]]:
    """Anchor paragraph index -> the planned paragraphs (``{"text", "title"?}``) to follow it, in
    plan order."""
    out: dict[int, list[dict]] = {}
    for edit in plan.edits:
        if edit.op == "insert_after":
            out.setdefault(edit.index, []).extend(edit.paragraphs)
    return out


def assert_inserted_text(actual: str, planned: dict) -> None:
    """An inserted paragraph reads as planned, after the typed number the writer may continue
    ("7.4 ") and the run-in title it writes where the anchor has one ("No AI Training. ")."""
    text = " ".join(actual.split())
    title = planned.get("title")
    if title and not planned["text"].startswith(title):
        text = re.sub(rf"^(\S+\s)?{re.escape(title)}[.:]? ", r"\1", text)
    prefix = text[: len(text) - len(planned["text"])]
    assert text.endswith(planned["text"]) and (not prefix or TYPED_LABEL.fullmatch(prefix)), (actual, planned)


def test_the_corpus_holds_tracked_documents_and_a_document_with_an_ai_clause():
    assert {
        "ccs-call-off-order-form-tracked",
        "ccs-ict-services-terms-tracked",
        "cp-csa-with-ai",
        "cp-ai-addendum",
        "agency-services-agreement",
    } <= set(DOCUMENTS)
    assert len(DOCUMENTS) >= 15


@pytest.mark.parametrize("name, variant", CASES)
def test_the_output_validates_and_adds_no_schema_error_the_input_did_not_have(name, variant):
    plan = redlined(name, variant).plan
    assert plan.edits or any("no AI clause is proposed" in n for n in plan.notes), (
        "the playbook proposes something for every document no work is delivered under, or says why not"
    )
    new = schema_errors(name, variant) - schema_errors(name)
    assert not new, sorted(new)


@pytest.mark.parametrize("name, variant", CASES)
def test_every_part_but_the_edited_ones_comes_back_byte_for_byte(name, variant):
    before, after = zip_parts(source(name)), zip_parts(redlined(name, variant).docx)
    if not redlined(name, variant).plan.edits:  # nothing proposed (no work delivered under it): nothing written
        assert set(after) == set(before)
        return
    assert set(before) <= set(after)
    added = set(after) - set(before)
    # the comments part, and the round's record: customXml/itemN.xml, its properties and their relationships
    record = {name for name in added if re.fullmatch(r"customXml/(_rels/)?item(Props)?\d+\.xml(\.rels)?", name)}
    assert added - record <= {"word/comments.xml"}
    assert len(record) == 3
    changed = {part for part in before if before[part] != after[part]}
    assert changed <= EDITABLE_PARTS, sorted(changed - EDITABLE_PARTS)
    assert "word/document.xml" in changed


@pytest.mark.parametrize("name, variant", CASES)
def test_revision_and_comment_ids_are_unique_and_ours_collide_with_none(name, variant):
    result = redlined(name, variant)
    parts = zip_parts(result.docx)
    stories = [
        etree.fromstring(data)
        for part, data in parts.items()
        if re.fullmatch(r"word/(document|comments|header\d*|footer\d*|footnotes|endnotes)\.xml", part)
    ]
    revisions = [el for root in stories for el in root.xpath(REVISION_XPATH, namespaces=NS)]
    used = Counter(el.get(W_ID) for el in revisions)
    ours = [el.get(W_ID) for el in revisions if el.get(W_AUTHOR) == AUTHOR]
    assert ours or all(e.op == "comment" for e in result.plan.edits), "the output has tracked changes by us"
    assert all(used[i] == 1 for i in ours), sorted(i for i in ours if used[i] > 1)
    if not result.plan.edits:  # nothing proposed (no work is delivered under it): no comments part needed
        return
    comment_ids = [c.get(W_ID) for c in etree.fromstring(parts["word/comments.xml"]).iter(f"{{{W}}}comment")]
    assert len(comment_ids) == len(set(comment_ids))


@pytest.mark.parametrize("name, variant", CASES)
def test_the_plan_is_json_and_every_edit_is_applied_where_it_was_planned(name, variant):
    result = redlined(name, variant)
    plan = json.loads(json.dumps(result.plan.to_dict()))
    assert plan["schema"] == "noai.plan/1" and len(plan["edits"]) == len(result.plan.edits)
    assert result.write.skipped == []
    assert result.write.applied == [edit.id for edit in result.plan.edits]

    before, after = read_document(source(name)), read_document(result.docx)
    theirs = [n for n, element in enumerate(after.elements) if not is_ours(element)]
    # Leaving out our inserted paragraphs gives the input's paragraphs, their original text unchanged.
    assert [after.paragraphs[n].original_text for n in theirs] == [p.original_text for p in before.paragraphs]
    replaces = replacements(result, [p.text for p in before.paragraphs])
    planned_inserts = inserted_after(result.plan)
    for i, n in enumerate(theirs):
        assert after.paragraphs[n].text == with_replacements(before.paragraphs[i].text, replaces.get(i, ()))
        following = theirs[i + 1] if i + 1 < len(theirs) else len(after.paragraphs)
        inserted = [after.paragraphs[k].text for k in range(n + 1, following)]
        assert len(inserted) == len(planned_inserts.get(i, ())), (i, inserted)
        for actual, planned in zip(inserted, planned_inserts.get(i, ()), strict=True):
            assert_inserted_text(actual, planned)


@pytest.mark.parametrize("name, variant", CASES)
def test_the_planned_comments_are_added_and_the_documents_own_are_kept(name, variant):
    result = redlined(name, variant)
    before, after = comments_of(source(name)), comments_of(result.docx)
    assert all(after.get(cid) == comment for cid, comment in before.items())
    added = Counter(after[cid] for cid in set(after) - set(before))
    assert added == Counter((AUTHOR, edit.comment) for edit in result.plan.edits if edit.comment)
