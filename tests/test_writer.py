"""Applying a noai.plan/1 plan to a .docx: noai.writer.apply_plan."""

from __future__ import annotations

import copy
import io
import zipfile

import pytest
from lxml import etree
from support.docx_builder import NAMESPACES, make_docx, p, r
from support.validate_docx import validate_docx

from noai.errors import PlanError
from noai.ooxml.document import read_document
from noai.ooxml.revisions import RevisionStamp
from noai.ooxml.text import current_text
from noai.plan import Edit, Plan
from noai.writer import _clones_suffice, apply_plan

W = NAMESPACES["w"]
NS = {"w": W}

CONTRACT = [
    "1. Definitions",
    "7.3 Customer may use the Deliverables for any and all purposes, in perpetuity.",
    "7.4 Provider grants a perpetual and irrevocable licence.",
    "8. Term",
]
STYLES = (
    '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
    '</w:style><w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
    "</w:style>"
)


@pytest.fixture
def stamp(revision_date) -> RevisionStamp:
    return RevisionStamp('Noai "Review" & Co', revision_date, "NR")


@pytest.fixture
def contract() -> bytes:
    return make_docx("".join(p(text) for text in CONTRACT), styles=STYLES)


def plan(*edits: dict) -> Plan:
    """A typed plan of edits written as in the plan JSON (keys a test does not need left out)."""
    return Plan("standard", {}, tuple(Edit.from_dict(e) for e in edits))


def anchor(index: int) -> dict:
    return {"index": index, "text": CONTRACT[index]}


NO_AI = {
    "id": "e1",
    "op": "insert_after",
    "anchor": anchor(1),
    "paragraphs": [
        {"text": "No AI training. Customer shall not train models on the Deliverables.", "title": "No AI training"}
    ],
    "clause": "no-ai-training",
    "comment": "Why this clause: AI training.",
}
ANY_PURPOSE = {
    "id": "e2",
    "op": "replace",
    "anchor": anchor(1),
    "find": "for any and all purposes",
    "occurrence": 0,
    "start": 31,
    "end": 55,
    "replacement": "solely for the Permitted Purpose",
    "comment": "Too broad.",
}
PERPETUAL = {
    "id": "e3",
    "op": "replace",
    "anchor": anchor(2),
    "find": "perpetual and irrevocable",
    "occurrence": 0,
    "replacement": "non-exclusive",
}
WMFH = {
    "id": "e4",
    "op": "comment",
    "anchor": anchor(2),
    "find": "licence",
    "occurrence": 0,
    "comment": "Check the licence scope.",
}


def _resolved(docx: bytes, drop: str, keep: str, mark: str) -> list[str]:
    """Each paragraph's text once every ``drop`` revision (with what it holds, a ``keep`` nested
    in it too) is removed and every ``keep`` revision unwrapped; a paragraph whose mark is
    ``mark`` (removed too) runs on into the next one, if a ``w:p`` follows it as LibreOffice
    requires (not a table, not the end of its cell or body). A test oracle independent of
    noai.ooxml.text's reading of nesting."""
    doc = read_document(docx)
    out, run_on = [], ""
    for para, el in zip(doc.paragraphs, doc.elements, strict=True):
        joins = para.mark == mark and el.getnext() is not None and el.getnext().tag == f"{{{W}}}p"
        el = copy.deepcopy(el)
        for rev in el.xpath(f".//w:{drop}[not(parent::w:rPr)]", namespaces=NS):
            rev.getparent().remove(rev)
        for text in el.xpath(".//w:delText", namespaces=NS):
            text.tag = f"{{{W}}}t"
        etree.strip_tags(el, f"{{{W}}}{keep}")
        if joins:
            run_on += current_text(el)
        else:
            out.append(run_on + current_text(el))
            run_on = ""
    return out


def accepted(docx: bytes) -> list[str]:
    return _resolved(docx, "del", "ins", "deleted")


def rejected(docx: bytes) -> list[str]:
    return _resolved(docx, "ins", "del", "inserted")


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def xml(docx: bytes, name: str) -> etree._Element:
    return etree.fromstring(parts(docx)[name])


def test_plan_is_written_as_valid_tracked_changes(contract, stamp):
    result = apply_plan(read_document(contract), plan(NO_AI, ANY_PURPOSE, PERPETUAL, WMFH), stamp=stamp)
    assert result.applied == ["e1", "e2", "e3", "e4"] and result.skipped == []
    report = validate_docx(result.docx)
    assert report.valid, report.errors


def test_reject_all_gives_back_the_original_and_accept_all_the_planned_text(contract, stamp):
    result = apply_plan(read_document(contract), plan(NO_AI, ANY_PURPOSE, PERPETUAL, WMFH), stamp=stamp)
    assert rejected(result.docx) == CONTRACT
    assert accepted(result.docx) == [
        CONTRACT[0],
        "7.3 Customer may use the Deliverables solely for the Permitted Purpose, in perpetuity.",
        "7.3A No AI training. Customer shall not train models on the Deliverables.",  # lettered: "7.4" stays
        "7.4 Provider grants a non-exclusive licence.",
        CONTRACT[3],
    ]


def test_comments_part_is_created_with_relationship_content_type_and_author(contract, stamp):
    result = apply_plan(read_document(contract), plan(NO_AI, ANY_PURPOSE, WMFH), stamp=stamp)
    out = parts(result.docx)
    assert "word/comments.xml" in out and "word/comments.xml" not in parts(contract)
    assert b'Target="comments.xml"' in out["word/_rels/document.xml.rels"]
    assert b'PartName="/word/comments.xml"' in out["[Content_Types].xml"]
    comments = etree.fromstring(out["word/comments.xml"]).findall(f"{{{W}}}comment")
    assert len(comments) == 3
    assert {c.get(f"{{{W}}}author") for c in comments} == {'Noai "Review" & Co'}
    document = xml(result.docx, "word/document.xml")
    assert document.xpath("//w:r[w:commentReference]/w:rPr/w:rStyle/@w:val", namespaces=NS) == ["CommentReference"] * 3


def test_every_part_not_edited_is_copied_byte_for_byte(contract, stamp):
    # record=False: the round's record adds its own parts (tests/test_rounds.py checks them)
    result = apply_plan(read_document(contract), plan(PERPETUAL), stamp=stamp, record=False)
    before, after = parts(contract), parts(result.docx)
    assert set(after) == set(before)
    assert [name for name in before if before[name] != after[name]] == ["word/document.xml"]


def test_no_comments_writes_no_comments_part_and_skips_comment_edits(contract, stamp):
    result = apply_plan(read_document(contract), plan(NO_AI, WMFH), stamp=stamp, comments=False)
    assert result.applied == ["e1"]
    assert [s["reason"] for s in result.skipped] == ["comments-off"]
    assert "word/comments.xml" not in parts(result.docx)
    assert validate_docx(result.docx).valid


def test_the_callers_document_is_not_changed_and_can_be_written_twice(contract, stamp):
    doc = read_document(contract)
    before = etree.tostring(doc.root)
    first = apply_plan(doc, plan(NO_AI, ANY_PURPOSE), stamp=stamp)
    second = apply_plan(doc, plan(NO_AI, ANY_PURPOSE), stamp=stamp)
    assert etree.tostring(doc.root) == before
    assert first.docx == second.docx


def test_the_callers_document_is_given_back_unchanged_when_an_edit_fails(contract, stamp):
    doc = read_document(contract)
    before = etree.tostring(doc.root)
    broken = dict(PERPETUAL, replacement="non-exclusive\x01")
    with pytest.raises(PlanError):
        apply_plan(doc, plan(NO_AI, ANY_PURPOSE, broken), stamp=stamp)
    assert etree.tostring(doc.root) == before
    assert (
        apply_plan(doc, plan(NO_AI, ANY_PURPOSE), stamp=stamp).docx
        == apply_plan(read_document(contract), plan(NO_AI, ANY_PURPOSE), stamp=stamp).docx
    )


@pytest.mark.parametrize("declaration", [f'xmlns:w="{W}"', f'xmlns:w2="{W}"'])
def test_namespace_declarations_below_the_root_are_written_as_they_were(stamp, declaration):
    # A paragraph that declares the main namespace again, or a second prefix for it: copying
    # only the edited paragraph would lose that declaration, so the whole tree is copied.
    text = "Provider grants a perpetual and irrevocable licence."
    docx = make_docx(f"<w:p {declaration}>{r(text)}</w:p>" + p("Other."))
    edit = dict(PERPETUAL, anchor={"index": 0, "text": text})
    doc = read_document(docx)
    before = etree.tostring(doc.root)
    result = apply_plan(doc, plan(edit), stamp=stamp)
    assert result.applied == ["e3"]
    assert f"<w:p {declaration}>".encode() in parts(result.docx)["word/document.xml"]
    assert etree.tostring(doc.root) == before


@pytest.mark.parametrize(
    ("drawings", "per_paragraph"),
    [
        ("", True),
        ('<w:r><x:pic xmlns:x="urn:x"/></w:r><w:r><x:pic xmlns:x="urn:x"/></w:r>', True),  # side by side
        ('<w:r><x:pic xmlns:x="urn:x"><y:in xmlns:y="urn:x"/></x:pic></w:r>', False),  # one in the other
        ('<w:r><x:pic xmlns:x="urn:x"><x:in xmlns:x="urn:x"/></x:pic></w:r>', False),
    ],
)
def test_namespaces_declared_more_than_once_are_written_as_a_copy_of_the_whole_tree_would(
    stamp, drawings, per_paragraph, monkeypatch
):
    text = "Provider grants a perpetual and irrevocable licence."
    docx = make_docx(p(text, drawings) + p("Other."))
    assert _clones_suffice(read_document(docx)) is per_paragraph
    the_plan = plan(dict(PERPETUAL, anchor={"index": 0, "text": text}, comment="Why."))
    fast = apply_plan(read_document(docx), the_plan, stamp=stamp)
    monkeypatch.setattr("noai.writer._clones_suffice", lambda doc: False)
    assert fast.docx == apply_plan(read_document(docx), the_plan, stamp=stamp).docx
    assert parts(fast.docx)["word/document.xml"].count(b'="urn:x"') == drawings.count('="urn:x"')


def test_an_anchor_whose_index_drifted_is_found_by_its_text(contract, stamp):
    drifted = dict(PERPETUAL, anchor={"index": 0, "text": CONTRACT[2]})
    result = apply_plan(read_document(contract), plan(drifted), stamp=stamp)
    assert result.applied == ["e3"]
    assert accepted(result.docx)[2] == "7.4 Provider grants a non-exclusive licence."


def test_an_edit_whose_anchor_text_is_gone_is_skipped_not_guessed(contract, stamp):
    gone = dict(PERPETUAL, anchor={"index": 2, "text": "7.4 Provider grants a licence."})
    missing = dict(WMFH, find="work made for hire")
    result = apply_plan(read_document(contract), plan(gone, missing), stamp=stamp)
    assert result.applied == []
    assert [s["reason"] for s in result.skipped] == ["anchor-not-found", "phrase-not-found"]
    assert accepted(result.docx) == CONTRACT


def test_overlapping_edits_in_one_paragraph_keep_the_first_and_skip_the_other(contract, stamp):
    overlapping = dict(WMFH, id="e5", anchor=anchor(2), find="irrevocable licence")
    result = apply_plan(read_document(contract), plan(PERPETUAL, overlapping), stamp=stamp)
    assert result.applied == ["e3"] and result.skipped[0]["reason"] == "overlap"


def test_occurrence_picks_the_kth_match(stamp):
    text = "the Deliverables and the Deliverables"
    docx = make_docx(p(text))
    edit = {
        "id": "e",
        "op": "replace",
        "anchor": {"index": 0, "text": text},
        "find": "Deliverables",
        "occurrence": 1,
        "replacement": "Work Product",
    }
    result = apply_plan(read_document(docx), plan(edit), stamp=stamp)
    assert accepted(result.docx) == ["the Deliverables and the Work Product"]


def test_redlining_its_own_output_adds_nothing(contract, stamp):
    the_plan = plan(NO_AI, PERPETUAL)
    once = apply_plan(read_document(contract), the_plan, stamp=stamp)
    twice = apply_plan(read_document(once.docx), the_plan, stamp=stamp)
    assert twice.applied == []
    assert {s["reason"] for s in twice.skipped} == {"already-present", "anchor-not-found"}
    count = "count(//w:ins) + count(//w:del)"
    assert xml(twice.docx, "word/document.xml").xpath(count, namespaces=NS) == xml(
        once.docx, "word/document.xml"
    ).xpath(count, namespaces=NS)


def test_ids_never_collide_with_the_documents_own_revisions_and_comments(stamp):
    theirs = (
        '<w:ins w:id="0" w:author="Client" w:date="2025-01-01T00:00:00Z">' + r("for any and all purposes") + "</w:ins>"
    )
    body = p(
        r("Use "),
        '<w:commentRangeStart w:id="0"/>',
        theirs,
        '<w:commentRangeEnd w:id="0"/>',
        '<w:r><w:commentReference w:id="0"/></w:r>',
        r(" only."),
    )
    comments = '<w:comment w:id="0" w:author="Client"><w:p><w:r><w:t>Theirs.</w:t></w:r></w:p></w:comment>'
    docx = make_docx(body, comments=comments)
    text = "Use for any and all purposes only."
    edit = {
        "id": "e",
        "op": "replace",
        "anchor": {"index": 0, "text": text},
        "find": "any and all purposes",
        "occurrence": 0,
        "replacement": "the Purpose",
        "comment": "Ours.",
    }
    result = apply_plan(read_document(docx), plan(edit), stamp=stamp)
    report = validate_docx(result.docx)
    assert report.valid, report.errors
    comments_out = xml(result.docx, "word/comments.xml").findall(f"{{{W}}}comment")
    assert [c.get(f"{{{W}}}id") for c in comments_out] == ["0", "1"]
    assert accepted(result.docx) == ["Use for the Purpose only."]
    assert rejected(result.docx) == rejected(docx) == ["Use  only."]


def test_a_document_with_tracked_changes_from_the_corpus_stays_valid(corpus_dir, stamp):
    data = (corpus_dir / "ccs-call-off-order-form-tracked.docx").read_bytes()
    doc = read_document(data)
    # A paragraph whose current text mixes the client's tracked insertions with plain text.
    index = next(
        i
        for i, (para, el) in enumerate(zip(doc.paragraphs, doc.elements, strict=True))
        if len(para.text) > 40
        and para.text != para.original_text
        and el.find(f"{{{W}}}ins") is not None
        and el.find(f"{{{W}}}r") is not None
    )
    text = doc.paragraphs[index].text
    edit = {
        "id": "e",
        "op": "replace",
        "anchor": {"index": index, "text": text},
        "find": text[2:-2],
        "occurrence": 0,
        "replacement": "REPLACED",
        "comment": "Why.",
    }
    result = apply_plan(doc, plan(edit), stamp=stamp)
    assert result.applied == ["e"]
    before, after = validate_docx(data), validate_docx(result.docx)
    assert not after.kinds - before.kinds, after.errors
    assert rejected(result.docx) == rejected(data)
    assert read_document(result.docx).paragraphs[index].text == text[:2] + "REPLACED" + text[-2:]


# Anchors that end their run of paragraphs: before a table, at the end of a cell, of the body.
TABLED = [
    "1. Services",
    "7.3 Customer may use the Deliverables for any and all purposes.",
    "Signature:",
    "8. Term of this agreement, in perpetuity.",
]
TABLED_INSERTS = [
    {
        "id": "i1",
        "op": "insert_after",
        "anchor": {"index": 1, "text": TABLED[1]},
        "paragraphs": [{"text": "No AI training. Customer shall not train models.", "title": "No AI training"}],
        "comment": "Why: AI training.",
    },
    {
        "id": "i2",
        "op": "insert_after",
        "anchor": {"index": 1, "text": TABLED[1]},
        "paragraphs": [{"text": "Provider reserves all other rights."}],
    },
    {
        "id": "i3",
        "op": "insert_after",
        "anchor": {"index": 2, "text": TABLED[2]},
        "paragraphs": [{"text": "Name:"}],
        "comment": "Who signs.",
    },
    {
        "id": "i4",
        "op": "insert_after",
        "anchor": {"index": 3, "text": TABLED[3]},
        "paragraphs": [{"text": "Survival of this clause."}, {"text": "Notices in writing."}],
    },
    {
        "id": "r1",
        "op": "replace",
        "anchor": {"index": 1, "text": TABLED[1]},
        "find": "for any and all purposes",
        "occurrence": 0,
        "replacement": "solely for the Permitted Purpose",
        "comment": "Too broad.",
    },
    {
        "id": "r2",
        "op": "replace",
        "anchor": {"index": 3, "text": TABLED[3]},
        "find": "in perpetuity",
        "occurrence": 0,
        "replacement": "for five years",
    },
    {
        "id": "c1",
        "op": "comment",
        "anchor": {"index": 3, "text": TABLED[3]},
        "find": "Term",
        "occurrence": 0,
        "comment": "Check the term.",
    },
]
TABLED_ACCEPTED = [
    TABLED[0],
    "7.3 Customer may use the Deliverables solely for the Permitted Purpose.",
    "7.4 No AI training. Customer shall not train models.",
    "7.5 Provider reserves all other rights.",
    "Signature:",
    "Name:",
    "8. Term of this agreement, for five years.",
    "9. Survival of this clause.",
    "10. Notices in writing.",
]


@pytest.fixture
def tabled() -> bytes:
    """TABLED with its third paragraph in a table right after the second, and a section break."""
    table = (
        f'<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>'
        f"<w:tr><w:tc>{p(TABLED[2])}</w:tc></w:tr></w:tbl>"
    )
    return make_docx(p(TABLED[0]) + p(TABLED[1]) + table + p(TABLED[3]) + "<w:sectPr/>", styles=STYLES)


def test_insertions_before_a_table_and_at_the_end_of_a_cell_or_the_body_resolve_exactly(tabled, stamp):
    result = apply_plan(read_document(tabled), plan(*TABLED_INSERTS), stamp=stamp)
    assert result.applied == [edit["id"] for edit in TABLED_INSERTS] and result.skipped == []
    report = validate_docx(result.docx)
    assert report.valid, report.errors
    assert rejected(result.docx) == TABLED
    assert accepted(result.docx) == TABLED_ACCEPTED
    out = read_document(result.docx)
    assert [para.text for para in out.paragraphs] == TABLED_ACCEPTED  # the anchors' current text stays theirs
    assert [para.original_text for para in out.paragraphs] == [*TABLED[:2], "", "", TABLED[2], "", TABLED[3], "", ""]
    assert len(xml(result.docx, "word/comments.xml")) == 4


def _wire(*edits: dict) -> dict:
    """A plan JSON with every key the schema requires."""
    full = [{"clause": "test", "variant": "standard", "title": None, "comment": None, **e} for e in edits]
    for e in full:
        if e["op"] != "insert_after":
            e.setdefault("finding", "perpetual_irrevocable")
            e.setdefault("start", CONTRACT[e["anchor"]["index"]].find(e["find"]))
            e.setdefault("end", e["start"] + len(e["find"]))
    return {"schema": "noai.plan/1", "variant": "standard", "terms": {}, "edits": full, "offered": [], "notes": []}


def test_a_plan_read_from_json_is_checked_against_its_schema_on_the_way_in(contract, stamp):
    the_plan = Plan.from_dict(_wire(NO_AI, PERPETUAL))
    assert apply_plan(read_document(contract), the_plan, stamp=stamp).applied == ["e1", "e3"]
    for broken, where in [
        ({**_wire(), "schema": "noai.plan/0"}, "schema"),
        (_wire(dict(PERPETUAL, op="delete")), "edits/0"),
        (_wire(dict(NO_AI, paragraphs=[])), "edits/0"),
        (_wire(dict(PERPETUAL, anchor={"index": -1, "text": CONTRACT[2]})), "edits/0"),
    ]:
        with pytest.raises(PlanError, match=where):
            Plan.from_dict(broken)


@pytest.mark.libreoffice
def test_libreoffice_reads_the_revisions_and_comments_as_planned(contract, stamp):
    from support.lo import lo_read

    result = apply_plan(read_document(contract), plan(NO_AI, ANY_PURPOSE, PERPETUAL, WMFH), stamp=stamp)
    [seen] = lo_read([result.docx])
    assert seen["ok"], seen.get("load_error")
    assert seen["rejected_paragraphs"] == CONTRACT
    assert seen["accepted_paragraphs"] == accepted(result.docx)
    assert {c["author"] for c in seen["comments"]} == {'Noai "Review" & Co'}
    assert len(seen["comments"]) == 3


@pytest.mark.libreoffice
def test_libreoffice_rejects_insertions_before_a_table_and_at_the_end_of_a_cell_or_the_body_exactly(tabled, stamp):
    from support.lo import lo_read

    result = apply_plan(read_document(tabled), plan(*TABLED_INSERTS), stamp=stamp)
    before, after = lo_read([tabled, result.docx])
    assert after["ok"], after.get("load_error")
    assert after["rejected_paragraphs"] == before["paragraphs"] == TABLED
    assert after["accepted_paragraphs"] == TABLED_ACCEPTED
    assert after["redlines_left_after_accept"] == after["redlines_left_after_reject"] == 0
    assert len(after["comments"]) == 4


@pytest.mark.parametrize("next_style", ["Heading1", None], ids=["formatted otherwise", "formatted alike"])
def test_the_comment_on_an_inserted_clause_ends_where_rejecting_it_leaves_the_next_paragraphs_format(stamp, next_style):
    # LibreOffice leaves a comment's annotation character, at its range end, out of the insertion: the
    # rejected paragraph holding it would give its format to the next one; so the range takes in the last
    # inserted paragraph's mark and ends, with its (inserted) reference, where the next paragraph starts
    texts = ["1. Definitions", "7.3 Customer may use the Deliverables for any and all purposes.", "8. Term"]
    docx = make_docx(
        p(texts[0], style="Heading1") + p(texts[1]) + p(texts[2], style=next_style) + "<w:sectPr/>", styles=STYLES
    )
    clause = [
        {"text": "Customer shall not train any AI system on the Deliverables."},
        {"text": "This clause survives the end of this agreement.", "continued": True},
    ]
    edit = {"id": "e1", "op": "insert_after", "anchor": {"index": 1, "text": texts[1]}, "paragraphs": clause}
    out = apply_plan(read_document(docx), plan(dict(edit, comment="Why.")), stamp=stamp).docx
    body = xml(out, "word/document.xml").find(f"{{{W}}}body")
    reference = next(body.iter(f"{{{W}}}commentReference")).getparent()
    in_paragraph = reference.xpath("ancestor::w:p[1]", namespaces=NS)[0]
    assert reference.getparent().tag == f"{{{W}}}ins"  # removed, with the comment, by Word's reject
    assert current_text(in_paragraph) == (texts[2] if next_style else clause[1]["text"])
    end = next(body.iter(f"{{{W}}}commentRangeEnd"))
    assert end.xpath("ancestor::w:p[1]", namespaces=NS)[0] is in_paragraph
    assert rejected(out) == texts
    assert accepted(out) == [texts[0], texts[1], "7.4 " + clause[0]["text"], clause[1]["text"], texts[2]]
    validate_docx(out)
