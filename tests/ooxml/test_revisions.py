"""Tracked insertions, replacements and comments built by noai.ooxml.revisions."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone

import pytest
from lxml import etree
from support.docx_builder import NAMESPACES, p, r

from noai.errors import PlanError
from noai.ooxml.ns import qn
from noai.ooxml.revisions import (
    IdAllocator,
    NewParagraph,
    RevisionStamp,
    add_comment,
    add_comment_around,
    comment_style_ids,
    insert_paragraphs_after,
    new_comments_root,
    replace_text,
    typed_number,
)
from noai.ooxml.text import paragraph_mark_state, texts

W = NAMESPACES["w"]
NS = {"w": W}
XMLNS = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())


def body(*paragraphs: str) -> etree._Element:
    """A parsed ``w:body`` holding the given paragraph markup."""
    doc = etree.fromstring(f"<w:document {XMLNS}><w:body>{''.join(paragraphs)}</w:body></w:document>")
    return doc[0]


def xp(el, path: str) -> list:
    return el.xpath(path, namespaces=NS)


def run_formats(container) -> list[tuple[str, tuple[str, ...]]]:
    """``(text, run property names)`` of each run under ``container``."""
    out = []
    for run in xp(container, ".//w:r"):
        text = "".join(t.text or "" for t in xp(run, "w:t|w:delText"))
        props = tuple(etree.QName(c).localname for c in xp(run, "w:rPr/*"))
        out.append((text, props))
    return out


@pytest.fixture
def stamp(revision_date) -> RevisionStamp:
    return RevisionStamp("Reviewer", revision_date, "RV")


@pytest.fixture
def ids() -> IdAllocator:
    return IdAllocator()


# -- stamp and ids ---------------------------------------------------------------------------


def test_stamp_writes_date_as_utc_st_datetime():
    local = datetime(2026, 1, 15, 11, 30, 5, tzinfo=timezone(timedelta(hours=1)))
    assert RevisionStamp("A", local).w_date == "2026-01-15T10:30:05Z"
    assert RevisionStamp("A", datetime(2026, 1, 15, 9, 0)).w_date == "2026-01-15T09:00:00Z"


def test_stamp_refuses_an_author_with_control_characters(revision_date):
    with pytest.raises(PlanError):
        RevisionStamp("Bad\x01Name", revision_date)


def test_author_with_quotes_and_ampersand_is_escaped_in_the_xml(revision_date, ids):
    author = 'O\'Brien & "Partners" <Legal>'
    paragraph = body(p("The licence."))[0]
    _deletions, _insertion = replace_text(paragraph, 4, 11, "grant", RevisionStamp(author, revision_date), ids)
    xml = etree.tostring(paragraph)
    assert b"&amp;" in xml and b"&lt;Legal&gt;" in xml
    reparsed = etree.fromstring(xml)
    assert {el.get(qn("w:author")) for el in xp(reparsed, "//w:ins|//w:del")} == {author}


def test_id_allocator_hands_out_ids_above_every_revision_and_comment_id_in_all_parts():
    document = body(
        p(
            '<w:ins w:id="7" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:t>x</w:t></w:r></w:ins>',
            '<w:commentRangeStart w:id="3"/>',
            r("y"),
            '<w:commentRangeEnd w:id="3"/>',
        ),
        p(ppr='<w:pPrChange w:id="12" w:author="A"><w:pPr/></w:pPrChange>'),
    )
    footer = body(
        p(
            '<w:del w:id="40" w:author="A"><w:r><w:delText>z</w:delText></w:r></w:del>',
            '<w:bookmarkStart w:id="900" w:name="b"/>',
        )
    )
    comments = etree.fromstring(f'<w:comments {XMLNS}><w:comment w:id="5" w:author="A"/></w:comments>')
    ids = IdAllocator.from_parts(
        {"word/document.xml": document, "word/footer1.xml": footer, "word/comments.xml": comments}
    )
    assert [ids.revision(), ids.revision()] == [41, 42]
    assert [ids.comment(), ids.comment()] == [6, 7]


def test_id_allocator_starts_at_zero_in_a_document_without_revisions():
    ids = IdAllocator.from_parts({"word/document.xml": body(p("plain"))})
    assert (ids.revision(), ids.comment()) == (0, 0)


# -- typed numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7.3 Licence", ("7.3", " ")),
        ("7.3\tLicence", ("7.3", "\t")),
        ("(c) the Client", ("(c)", " ")),
        ("12. Term", ("12.", " ")),
        ("(iv) records", ("(iv)", " ")),
        ("B. Fees", ("B.", " ")),
    ],
)
def test_typed_number_is_found_at_the_start_of_a_paragraph(text, expected):
    assert typed_number(text) == expected


@pytest.mark.parametrize(
    "text", ["No. 5 of the schedule", "2024 was a good year", "Mr. Smith agrees", "The Client", "e.g. software"]
)
def test_words_and_years_are_not_typed_numbers(text):
    assert typed_number(text) is None


# -- inserted paragraphs ---------------------------------------------------------------------


def test_inserted_paragraph_is_a_tracked_insertion_including_its_mark(stamp, ids):
    doc = body(p("First."), p("Last."))
    [new] = insert_paragraphs_after(doc[0], ["No AI training."], stamp, ids)
    assert doc.index(new) == 1
    assert paragraph_mark_state(new) == "inserted"
    assert texts(new) == ("No AI training.", "")
    mark = xp(new, "w:pPr/w:rPr/*")[0]
    assert mark.tag == qn("w:ins") and mark.get(qn("w:author")) == "Reviewer"
    assert mark.get(qn("w:date")) == "2026-01-15T10:00:00Z"
    ids_used = [el.get(qn("w:id")) for el in xp(new, ".//w:ins")]
    assert len(set(ids_used)) == 2


def test_several_inserted_paragraphs_keep_their_order_after_the_anchor(stamp, ids):
    doc = body(p("Anchor."), p("Next."))
    insert_paragraphs_after(doc[0], ["One.", "Two.", "Three."], stamp, ids)
    assert [texts(el)[0] for el in doc] == ["Anchor.", "One.", "Two.", "Three.", "Next."]


def test_inserted_paragraph_copies_style_and_auto_numbering_but_not_section_break(stamp, ids):
    anchor = p(
        "The Client may use the Deliverables.",
        style="ListNumber",
        numbering=(4, 1),
        ppr='<w:spacing w:after="120"/><w:ind w:left="720"/><w:jc w:val="both"/>'
        '<w:rPr><w:sz w:val="20"/></w:rPr>'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
    )
    doc = body(anchor, p("Next section."))
    [new] = insert_paragraphs_after(doc[0], ["No AI training."], stamp, ids)
    names = [etree.QName(c).localname for c in xp(new, "w:pPr/*")]
    assert names == ["pStyle", "numPr", "spacing", "ind", "jc", "rPr"]
    assert xp(new, "w:pPr/w:numPr/w:numId/@w:val") == ["4"]
    assert xp(new, "w:pPr/w:numPr/w:ilvl/@w:val") == ["1"]
    assert [etree.QName(c).localname for c in xp(new, "w:pPr/w:rPr/*")] == ["ins", "sz"]


def test_inserted_paragraph_takes_the_anchors_run_formatting_without_its_revision_marks(stamp, ids):
    anchor = p(
        '<w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:i/>'
        '<w:rPrChange w:id="3" w:author="X"><w:rPr/></w:rPrChange></w:rPr><w:t>Body text.</w:t></w:r>'
    )
    doc = body(anchor)
    [new] = insert_paragraphs_after(doc[0], ["New clause."], stamp, ids)
    assert run_formats(new) == [("New clause.", ("rFonts", "i"))]


def test_inserted_paragraph_does_not_copy_the_anchors_own_paragraph_mark_revision(stamp, ids):
    anchor = p("Inserted by someone.", ppr='<w:rPr><w:ins w:id="1" w:author="X"/><w:b/></w:rPr>')
    [new] = insert_paragraphs_after(body(anchor, p("Next."))[0], ["Ours."], stamp, ids)
    marks = xp(new, "w:pPr/w:rPr/w:ins")
    assert len(marks) == 1 and marks[0].get(qn("w:author")) == "Reviewer"


@pytest.mark.parametrize(
    ("anchor_text", "expected"),
    [
        ("7.3 Customer may use the Deliverables.", ["7.4 First.", "7.5 Second."]),
        ("(c)\tthe Client may copy.", ["(d)\tFirst.", "(e)\tSecond."]),
        ("12. Term of the agreement.", ["13. First.", "14. Second."]),
        ("(iv) records.", ["(v) First.", "(vi) Second."]),
        ("(z) last letter.", ["(aa) First.", "(bb) Second."]),
        ("IV. Term.", ["V. First.", "VI. Second."]),
        ("B) Fees.", ["C) First.", "D) Second."]),
    ],
)
def test_typed_numbers_continue_in_inserted_paragraphs(stamp, ids, anchor_text, expected):
    doc = body(p(anchor_text))
    new = insert_paragraphs_after(doc[0], ["First.", "Second."], stamp, ids)
    assert [texts(el)[0] for el in new] == expected


def test_typed_number_keeps_the_formatting_of_the_anchors_number_run(stamp, ids):
    doc = body(p(r("7.3", b=True), r(" Customer may use the Deliverables.")))
    [new] = insert_paragraphs_after(doc[0], ["More."], stamp, ids)
    assert run_formats(new) == [("7.4 ", ("b",)), ("More.", ())]


def test_run_in_title_is_bold_like_the_anchors_title(stamp, ids):
    doc = body(p(r("Licence.", b=True), r(" Customer may use the Deliverables.")))
    item = NewParagraph("No AI training. Customer shall not train models.", title="No AI training")
    [new] = insert_paragraphs_after(doc[0], [item], stamp, ids)
    assert run_formats(new) == [("No AI training.", ("b",)), (" Customer shall not train models.", ())]


def test_run_in_title_without_full_stop_in_the_bold_run(stamp, ids):
    doc = body(p(r("7.3 ", b=False), r("Licence", b=True), r(". Customer may use it.")))
    item = NewParagraph("No AI training. Customer shall not.", title="No AI training")
    [new] = insert_paragraphs_after(doc[0], [item], stamp, ids)
    assert texts(new)[0] == "7.4 No AI training. Customer shall not."
    assert run_formats(new)[1] == ("No AI training", ("b",))


def test_title_stays_plain_when_the_anchor_has_no_run_in_title(stamp, ids):
    doc = body(p("Customer may use the Deliverables."))
    item = NewParagraph("No AI training. Customer shall not.", title="No AI training")
    [new] = insert_paragraphs_after(doc[0], [item], stamp, ids)
    assert run_formats(new) == [("No AI training. Customer shall not.", ())]


def test_style_source_gives_the_formatting_when_the_anchor_is_a_heading(stamp, ids):
    doc = body(p("7.\tIntellectual Property", style="Heading1"), p("7.1 Ownership of work.", style="BodyText"))
    [new] = insert_paragraphs_after(doc[0], ["No AI training."], stamp, ids, style_source=doc[1])
    assert doc.index(new) == 1
    assert xp(new, "w:pPr/w:pStyle/@w:val") == ["BodyText"]
    assert texts(new)[0] == "No AI training."


def test_inserted_paragraph_in_a_table_cell_stays_in_the_cell(stamp, ids):
    doc = body(f"<w:tbl><w:tr><w:tc>{p('In the cell.')}</w:tc></w:tr></w:tbl>")
    cell_p = xp(doc, ".//w:tc/w:p")[0]
    [new] = insert_paragraphs_after(cell_p, ["Added."], stamp, ids)
    assert new.getparent().tag == qn("w:tc")


def rejected_xml(container) -> bytes:
    """``container`` after reject-all, done the way LibreOffice does it: inserted runs removed,
    a paragraph whose mark is inserted joined with the next ``w:p`` (kept, emptied, when a table
    or the end of its cell or body follows). A test oracle independent of the writer."""
    el = copy.deepcopy(container)
    for ins in xp(el, ".//w:ins[not(parent::w:rPr)]"):
        ins.getparent().remove(ins)
    for para in xp(el, ".//w:p[w:pPr/w:rPr/w:ins]"):
        following = para.getnext()
        if following is not None and following.tag == qn("w:p"):
            at = 1 if following.find(qn("w:pPr")) is not None else 0
            following[at:at] = [child for child in para if child.tag != qn("w:pPr")]
            para.getparent().remove(para)
    return canonical(el)


def canonical(el) -> bytes:
    """``el`` as exclusive C14N: only the namespaces it uses, whatever its ancestors declare."""
    return etree.tostring(el, method="c14n", exclusive=True)


TABLE = f"<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc>{p('Signature:')}</w:tc></w:tr></w:tbl>"
NUMBERED = p(
    "7.3 Customer may use the Deliverables.",
    style="ListNumber",
    numbering=(4, 1),
    ppr='<w:rPr><w:sz w:val="20"/></w:rPr>',
)
# Where the anchor ends its run of paragraphs: the body (anchor, the rest) and the anchor's path.
LAST_PARAGRAPHS = {
    "before a table": (body(NUMBERED, TABLE, p("End.")), "w:p[1]"),
    "at the end of a cell": (
        body(p("Intro."), f"<w:tbl><w:tr><w:tc>{NUMBERED}</w:tc></w:tr></w:tbl>"),
        "w:tbl/w:tr/w:tc/w:p",
    ),
    "at the end of the body": (body(p("Intro."), NUMBERED + "<w:sectPr/>"), "w:p[2]"),
}


@pytest.mark.parametrize("where", LAST_PARAGRAPHS)
def test_after_the_last_paragraph_of_a_run_the_anchors_mark_becomes_the_inserted_one(stamp, ids, where):
    doc = copy.deepcopy(LAST_PARAGRAPHS[where][0])
    [anchor] = xp(doc, LAST_PARAGRAPHS[where][1])
    original_ppr = etree.tostring(anchor.find(qn("w:pPr")))
    new = insert_paragraphs_after(anchor, ["First.", "Second."], stamp, ids)
    assert [texts(el)[0] for el in [anchor, *new]] == [
        "7.3 Customer may use the Deliverables.",
        "7.4 First.",
        "7.5 Second.",
    ]
    assert [paragraph_mark_state(el) for el in [anchor, *new]] == ["inserted", "inserted", "normal"]
    assert xp(anchor, "w:pPr/w:rPr/w:ins/@w:author") == ["Reviewer"]
    assert etree.tostring(new[-1].find(qn("w:pPr"))) == original_ppr
    for el in [anchor, *new]:  # accept-all shows every paragraph in the anchor's list and style
        assert xp(el, "w:pPr/w:pStyle/@w:val") == ["ListNumber"]
        assert xp(el, "w:pPr/w:numPr/w:numId/@w:val") == ["4"]
        assert xp(el, "w:pPr/w:rPr/w:sz/@w:val") == ["20"]


@pytest.mark.parametrize("where", LAST_PARAGRAPHS)
def test_reject_all_of_an_insertion_after_the_last_paragraph_of_a_run_gives_the_input_back(stamp, ids, where):
    doc = copy.deepcopy(LAST_PARAGRAPHS[where][0])
    insert_paragraphs_after(xp(doc, LAST_PARAGRAPHS[where][1])[0], ["First.", "Second."], stamp, ids)
    assert rejected_xml(doc) == canonical(LAST_PARAGRAPHS[where][0])


def test_the_last_paragraph_of_the_body_hands_its_section_break_and_revisions_to_the_last_new_one(stamp, ids):
    anchor = p(
        "Last words.",
        ppr='<w:jc w:val="both"/><w:rPr><w:ins w:id="1" w:author="X"/></w:rPr>'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
        '<w:pPrChange w:id="2" w:author="X"><w:pPr/></w:pPrChange>',
    )
    doc = body(p("Intro."), anchor)
    original = canonical(doc)
    [new] = insert_paragraphs_after(doc[1], ["Ours."], stamp, ids)
    assert [etree.QName(c).localname for c in xp(doc[1], "w:pPr/*")] == ["jc", "rPr"]
    assert xp(doc[1], "w:pPr/w:rPr/w:ins/@w:author") == ["Reviewer"]
    assert xp(new, "w:pPr/w:rPr/w:ins/@w:author") == ["X"] and xp(new, "w:pPr/w:sectPr|w:pPr/w:pPrChange")
    assert rejected_xml(doc) == original


NEXT_ALIKE = p("7.4 Next.", style="ListNumber", numbering=(4, 1))


def test_before_a_paragraph_formatted_alike_the_anchor_keeps_its_own_mark(stamp, ids):
    doc = body(NUMBERED, NEXT_ALIKE)
    new = insert_paragraphs_after(doc[0], ["First.", "Second."], stamp, ids)
    assert [paragraph_mark_state(el) for el in [doc[0], *new]] == ["normal", "inserted", "inserted"]
    assert rejected_xml(doc) == canonical(body(NUMBERED, NEXT_ALIKE))


@pytest.mark.parametrize(
    "following",
    [
        p("8. Term", style="Heading1", numbering=(4, 0)),  # another style and list level: a heading
        p("Closing words."),  # no numbering
    ],
)
def test_before_a_paragraph_formatted_otherwise_the_anchor_hands_its_mark_to_the_last_new_paragraph(
    stamp, ids, following
):
    # LibreOffice's reject-all would give the next paragraph the formatting of a rejected one before it
    # (where a comment is anchored in it): the rejected text joins the anchor instead, as Word writes it
    doc = body(NUMBERED, following)
    new = insert_paragraphs_after(doc[0], ["First.", "Second."], stamp, ids)
    assert [paragraph_mark_state(el) for el in [doc[0], *new]] == ["inserted", "inserted", "normal"]
    assert xp(new[-1], "w:pPr/w:numPr/w:ilvl/@w:val") == ["1"] and xp(new[-1], "w:pPr/w:pStyle/@w:val") == [
        "ListNumber"
    ]
    assert rejected_xml(doc) == canonical(body(NUMBERED, following))


def test_a_new_paragraph_formatted_otherwise_than_the_anchor_leaves_the_anchor_its_mark(stamp, ids):
    heading = body(p("8. Term", style="Heading1", numbering=(4, 0)))[0]
    doc = body(NUMBERED, p("Closing words."))
    new = insert_paragraphs_after(doc[0], [NewParagraph("New clause", source=heading)], stamp, ids)
    assert [paragraph_mark_state(el) for el in [doc[0], *new]] == ["normal", "inserted"]


@pytest.mark.parametrize("ppr", ["<w:pageBreakBefore/>", '<w:framePr w:wrap="around"/>'])
def test_an_anchor_with_a_page_break_or_frame_keeps_its_own_mark_even_before_a_table(stamp, ids, ppr):
    doc = body(p("Boxed.", ppr=ppr), TABLE)
    [new] = insert_paragraphs_after(doc[0], ["Ours."], stamp, ids)
    assert paragraph_mark_state(doc[0]) == "normal" and paragraph_mark_state(new) == "inserted"
    assert not xp(new, "w:pPr/w:pageBreakBefore|w:pPr/w:framePr")


def test_a_style_source_keeps_the_anchors_own_mark_even_before_a_table(stamp, ids):
    doc = body(p("7.\tIntellectual Property", style="Heading1"), TABLE, p("7.1 Ownership.", style="BodyText"))
    [new] = insert_paragraphs_after(doc[0], ["No AI training."], stamp, ids, style_source=doc[2])
    assert xp(doc[0], "w:pPr/w:pStyle/@w:val") == ["Heading1"] and paragraph_mark_state(doc[0]) == "normal"
    assert xp(new, "w:pPr/w:pStyle/@w:val") == ["BodyText"] and paragraph_mark_state(new) == "inserted"


# -- replacements ----------------------------------------------------------------------------


def test_replacement_across_three_formatted_runs_keeps_each_pieces_formatting(stamp, ids):
    paragraph = body(
        p(r("for any ", b=True), "<w:r><w:rPr><w:i/></w:rPr><w:t>and all</w:t></w:r>", r(" purposes here"))
    )[0]
    deletions, insertion = replace_text(paragraph, 4, 24, "the Permitted Purpose", stamp, ids)
    [deletion] = deletions
    assert run_formats(deletion) == [("any ", ("b",)), ("and all", ("i",)), (" purposes", ())]
    assert run_formats(insertion) == [("the Permitted Purpose", ("b",))]
    assert texts(paragraph) == ("for the Permitted Purpose here", "for any and all purposes here")
    assert run_formats(paragraph)[0] == ("for ", ("b",))


def test_deleted_text_is_written_as_del_text(stamp, ids):
    paragraph = body(p("perpetual and irrevocable licence"))[0]
    replace_text(paragraph, 0, 25, "non-exclusive", stamp, ids)
    assert xp(paragraph, "w:del//w:t") == []
    assert [t.text for t in xp(paragraph, "w:del//w:delText")] == ["perpetual and irrevocable"]


def test_replacement_inside_a_hyperlink_stays_inside_it(stamp, ids):
    paragraph = body(
        p(r("See "), '<w:hyperlink r:id="rId9">' + r("the AI policy", style="Hyperlink") + "</w:hyperlink>", r(" now."))
    )[0]
    deletions, insertion = replace_text(paragraph, 8, 10, "ML", stamp, ids)
    link = xp(paragraph, "w:hyperlink")[0]
    assert [d.getparent() for d in deletions] == [link] and insertion.getparent() is link
    assert texts(paragraph) == ("See the ML policy now.", "See the AI policy now.")
    assert run_formats(insertion) == [("ML", ("rStyle",))]


def test_replacement_across_a_hyperlink_boundary_deletes_on_both_sides(stamp, ids):
    paragraph = body(p(r("See the "), '<w:hyperlink r:id="rId9">' + r("AI policy") + "</w:hyperlink>", r(" now.")))[0]
    deletions, insertion = replace_text(paragraph, 4, 10, "our", stamp, ids)
    assert [etree.QName(d.getparent()).localname for d in deletions] == ["p", "hyperlink"]
    assert insertion.getparent() is paragraph
    assert texts(paragraph) == ("See our policy now.", "See the AI policy now.")


def test_deleting_inside_another_authors_insertion_nests_our_deletion_in_it(stamp, ids):
    theirs = (
        '<w:ins w:id="1" w:author="Other" w:date="2025-01-01T00:00:00Z">' + r("for any and all purposes") + "</w:ins>"
    )
    paragraph = body(p(r("Use "), theirs, r(" only.")))[0]
    deletions, insertion = replace_text(paragraph, 4, 28, "for the Purpose", stamp, ids)
    assert deletions[0].getparent().get(qn("w:author")) == "Other"
    assert insertion.getparent() is paragraph
    assert xp(paragraph, "//w:ins//w:ins") == [] and xp(paragraph, "//w:del//w:del") == []
    assert texts(paragraph)[0] == "Use for the Purpose only."


def test_insertion_splits_another_authors_insertion_when_the_range_ends_inside_it(stamp, ids):
    theirs = '<w:ins w:id="1" w:author="Other" w:date="2025-01-01T00:00:00Z">' + r("any and all purposes") + "</w:ins>"
    paragraph = body(p(r("for "), theirs))[0]
    ids = IdAllocator([1])
    _, insertion = replace_text(paragraph, 4, 15, "the Permitted", stamp, ids)
    assert insertion.getparent() is paragraph
    halves = xp(paragraph, "w:ins[@w:author='Other']")
    assert len(halves) == 2 and halves[0].get(qn("w:id")) != halves[1].get(qn("w:id"))
    assert insertion.getprevious() is halves[0] and insertion.getnext() is halves[1]
    assert texts(paragraph)[0] == "for the Permitted purposes"


def test_text_already_deleted_inside_the_range_stays_untouched(stamp, ids):
    theirs = (
        '<w:del w:id="1" w:author="Other" w:date="2025-01-01T00:00:00Z">'
        "<w:r><w:delText>fully </w:delText></w:r></w:del>"
    )
    paragraph = body(p(r("a perpetual "), theirs, r("irrevocable licence")))[0]
    before = etree.tostring(xp(paragraph, "w:del")[0])
    deletions, _ = replace_text(paragraph, 2, 23, "limited", stamp, ids)
    assert len(deletions) == 2
    assert etree.tostring(xp(paragraph, "w:del[@w:author='Other']")[0]) == before
    assert texts(paragraph) == ("a limited licence", "a perpetual fully irrevocable licence")


def test_proofing_marks_between_runs_join_one_deletion(stamp, ids):
    paragraph = body(
        p(r("now "), '<w:proofErr w:type="spellStart"/>', r("knwn"), '<w:proofErr w:type="spellEnd"/>', r(" or later"))
    )[0]
    deletions, _ = replace_text(paragraph, 0, 13, "later", stamp, ids)
    assert len(deletions) == 1 and len(xp(deletions[0], "w:proofErr")) == 2


REF_FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF c7 </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("7.3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)


def test_a_field_half_inside_the_range_keeps_its_field_characters(stamp, ids):
    paragraph = body(p(r("see clause "), REF_FIELD, r(" below")))[0]
    replace_text(paragraph, 13, 20, "", stamp, ids)
    assert len(xp(paragraph, "w:r/w:fldChar")) == 3  # none deleted
    assert texts(paragraph) == ("see clause 7.", "see clause 7.3 below")


def test_a_whole_field_inside_the_range_is_deleted_with_its_code(stamp, ids):
    paragraph = body(p(r("see clause "), REF_FIELD, r(" below")))[0]
    replace_text(paragraph, 4, 20, "it", stamp, ids)
    assert len(xp(paragraph, "w:del/w:r/w:fldChar")) == 3
    assert xp(paragraph, ".//w:instrText") == [] and len(xp(paragraph, ".//w:delInstrText")) == 1
    assert texts(paragraph) == ("see it", "see clause 7.3 below")


def test_two_replacements_in_one_paragraph_compose_from_the_end(stamp, ids):
    paragraph = body(p("perpetual and irrevocable for any and all purposes"))[0]
    replace_text(paragraph, 30, 50, "the Purpose", stamp, ids)
    replace_text(paragraph, 0, 25, "limited", stamp, ids)
    assert texts(paragraph) == ("limited for the Purpose", "perpetual and irrevocable for any and all purposes")


def test_replacement_outside_the_paragraph_is_refused(stamp, ids):
    paragraph = body(p("short"))[0]
    with pytest.raises(PlanError):
        replace_text(paragraph, 2, 9, "x", stamp, ids)


# -- comments --------------------------------------------------------------------------------


def test_comment_on_a_range_has_start_end_and_reference_run(stamp, ids):
    paragraph = body(p("grant a perpetual licence"))[0]
    comments = new_comments_root()
    cid = add_comment(
        paragraph, 8, 17, "Why: perpetual.\nSecond paragraph.", stamp, ids, comments, reference_style="CommentReference"
    )
    names = [etree.QName(c).localname for c in paragraph]
    assert names == ["r", "commentRangeStart", "r", "commentRangeEnd", "r", "r"]
    assert xp(paragraph, "w:commentRangeStart/following-sibling::w:r[1]//w:t/text()") == ["perpetual"]
    assert xp(paragraph, "w:r/w:commentReference/@w:id") == [str(cid)]
    assert xp(paragraph, "w:r[w:commentReference]/w:rPr/w:rStyle/@w:val") == ["CommentReference"]
    [comment] = comments
    assert (comment.get(qn("w:author")), comment.get(qn("w:initials"))) == ("Reviewer", "RV")
    assert ["".join(xp(cp, ".//w:t/text()")) for cp in comment] == ["Why: perpetual.", "Second paragraph."]
    assert xp(comment, "w:p[1]/w:r[1]/w:annotationRef") != []
    assert texts(paragraph)[0] == "grant a perpetual licence"


def test_comment_reference_stays_out_of_another_authors_insertion(stamp, ids):
    theirs = '<w:ins w:id="1" w:author="Other" w:date="2025-01-01T00:00:00Z">' + r("perpetual rights") + "</w:ins>"
    paragraph = body(p(r("a "), theirs))[0]
    add_comment(paragraph, 2, 11, "Why.", stamp, IdAllocator([1]), new_comments_root())
    reference = xp(paragraph, ".//w:commentReference")[0].getparent()
    assert reference.getparent() is paragraph
    assert texts(paragraph) == ("a perpetual rights", "a ")


def test_comment_around_inserted_paragraphs_spans_them(stamp, ids):
    doc = body(p("Anchor."))
    new = insert_paragraphs_after(doc[0], ["One.", "Two."], stamp, ids)
    first, last = xp(new[0], "w:ins/w:r")[0], xp(new[1], "w:ins/w:r")[-1]
    add_comment_around(first, last, "Why.", stamp, ids, new_comments_root())
    assert xp(new[0], "w:ins/w:commentRangeStart") and xp(new[1], "w:ins/w:commentRangeEnd")
    assert xp(new[1], "w:ins/w:r/w:commentReference")


def test_comment_style_ids_are_found_by_built_in_name():
    styles = etree.fromstring(
        f'<w:styles {XMLNS}><w:style w:styleId="Kommentarzeichen"><w:name w:val="annotation reference"/>'
        '</w:style><w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>'
    )
    assert comment_style_ids(styles) == ("Kommentarzeichen", None)
    assert comment_style_ids(None) == (None, None)


def test_comment_style_ids_take_the_first_style_so_named_by_its_first_name():
    styles = etree.fromstring(
        f'<w:styles {XMLNS}><w:style w:styleId="Other"><w:name w:val="Other"/>'
        '<w:name w:val="annotation text"/></w:style>'
        '<w:style w:styleId="First"><w:name w:val="Annotation Text"/></w:style>'
        '<w:style w:styleId="Second"><w:name w:val="annotation text"/></w:style></w:styles>'
    )
    assert comment_style_ids(styles) == (None, "First")


def rejected_ids(container, ids: set[str]):
    """``container`` after rejecting the revisions ``ids`` alone, as Word does: their runs go, and a
    paragraph whose mark they inserted joins the next paragraph (which keeps its own mark)."""
    el = copy.deepcopy(container)
    for ins in xp(el, ".//w:ins[not(parent::w:rPr)]"):
        if ins.get(qn("w:id")) in ids:
            ins.getparent().remove(ins)
    for para in xp(el, ".//w:p[w:pPr/w:rPr/w:ins]"):
        if para.find("w:pPr/w:rPr/w:ins", NAMESPACES).get(qn("w:id")) in ids:
            following = para.getnext()
            at = 1 if following.find(qn("w:pPr")) is not None else 0
            following[at:at] = [child for child in para if child.tag != qn("w:pPr")]
            para.getparent().remove(para)
    return el


def revision_ids(paragraphs) -> set[str]:
    return {i for el in paragraphs for i in xp(el, ".//w:ins/@w:id")}


def test_two_clauses_after_one_anchor_each_reject_alone_to_the_anchor_formatted_as_it_was(stamp, ids):
    heading = p("8. Term", style="Heading1", numbering=(4, 0))
    doc = body(NUMBERED, heading)
    anchor = doc[0]
    start = ids.peek()[0]
    first = insert_paragraphs_after(anchor, ["First one.", "First two."], stamp, ids)
    middle = ids.peek()[0]
    second = insert_paragraphs_after(
        first[-1], [NewParagraph("Second.", source=anchor)], stamp, ids, holder=first[-1], anchor=anchor
    )
    end = ids.peek()[0]
    assert paragraph_mark_state(second[-1]) == "normal"  # handed on: the anchor's own mark ends the last clause
    taken = {"first": {str(i) for i in range(start, middle)}, "second": {str(i) for i in range(middle, end)}}
    for rejected, left in (("first", ["Second."]), ("second", ["7.4 First one.", "7.5 First two."])):
        kept = rejected_ids(doc, taken[rejected])
        shown = [texts(el)[0] for el in kept]
        assert shown == ["7.3 Customer may use the Deliverables.", *left, "8. Term"], rejected
        assert xp(kept[0], "w:pPr/w:pStyle/@w:val") == ["ListNumber"]  # formatted as the anchor
        assert xp(kept[0], "w:pPr/w:numPr/w:ilvl/@w:val") == ["1"]
        assert xp(kept[-1], "w:pPr/w:pStyle/@w:val") == ["Heading1"]  # the next paragraph as it was


def test_a_clause_after_another_that_kept_its_own_mark_leaves_the_anchor_its_mark(stamp, ids):
    doc = body(NUMBERED, p("8. Term", style="Heading1", numbering=(4, 0)))
    anchor = doc[0]
    heading = body(p("9. Other", style="Heading1", numbering=(4, 0)))[0]
    first = insert_paragraphs_after(anchor, [NewParagraph("A heading.", source=heading)], stamp, ids)
    assert paragraph_mark_state(anchor) == "normal"  # it copies no anchor: the anchor keeps its mark
    second = insert_paragraphs_after(
        first[-1], [NewParagraph("Ours.", source=anchor)], stamp, ids, holder=anchor, anchor=anchor
    )
    # the anchor's mark is not next to it: handing it over would join the anchor with the clause between
    assert [paragraph_mark_state(el) for el in [anchor, *first, *second]] == ["normal", "inserted", "inserted"]
