"""read_document: which paragraphs Word lists, in which order, and what each one carries."""

import pytest

from noai.errors import MalformedXmlError
from noai.ooxml.document import read_document
from tests.support.docx_builder import make_docx, p, r

INS = '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">{}</w:ins>'
DEL = '<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">{}</w:del>'


def texts(body, **parts):
    return [x.text for x in read_document(make_docx(body, **parts)).paragraphs]


def table(*rows):
    return (
        "<w:tbl><w:tblPr/>"
        + "".join("<w:tr>" + "".join(f"<w:tc><w:tcPr/>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
        + "</w:tbl>"
    )


def test_paragraphs_of_tables_nested_tables_and_content_controls_come_in_document_order():
    nested = table([p("inner")])
    body = (
        p("before")
        + table([p("a1"), p("b1") + nested + p("b1 after")], [p("a2"), p("b2")])
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + p("in control")
        + "</w:sdtContent></w:sdt>"
        + p("after")
        + "<w:sectPr/>"
    )
    doc = read_document(make_docx(body))
    assert [x.text for x in doc.paragraphs] == [
        "before",
        "a1",
        "b1",
        "inner",
        "b1 after",
        "a2",
        "b2",
        "in control",
        "after",
    ]
    assert [x.in_table for x in doc.paragraphs] == [False] + [True] * 6 + [False, False]
    assert [x.index for x in doc.paragraphs] == list(range(9))
    assert all(el.tag.endswith("}p") for el in doc.elements) and len(doc.elements) == 9


def test_text_box_paragraphs_and_fallbacks_are_left_out():
    textbox = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
        + p("in box")
        + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        + p("in fallback")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    body = f"<w:p>{r('Anchor ')}{textbox}{r('text')}</w:p>" + p("next")
    assert texts(body) == ["Anchor text", "next"]


def test_tracked_insertions_count_in_the_current_text_and_deletions_in_the_original():
    body = (
        "<w:p>"
        + r("The Client ")
        + DEL.format("<w:r><w:delText>owns</w:delText></w:r>")
        + INS.format(r("licenses"))
        + r(" it.")
        + "</w:p>"
    )
    para = read_document(make_docx(body)).paragraphs[0]
    assert (para.text, para.original_text) == ("The Client licenses it.", "The Client owns it.")


def test_the_state_of_a_tracked_paragraph_mark_is_reported():
    mark = "<w:rPr>{}</w:rPr>"
    body = p("inserted", ppr=mark.format(INS.format(""))) + p("deleted", ppr=mark.format(DEL.format(""))) + p("plain")
    doc = read_document(make_docx(body))
    assert [x.mark for x in doc.paragraphs] == ["inserted", "deleted", "normal"]


STYLES = (
    "<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ClauseHeading"><w:name w:val="Clause Heading"/>'
    '<w:basedOn w:val="berschrift2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:caps/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>'
)


def test_style_names_heading_levels_and_outline_levels_follow_based_on():
    body = (
        p("Localized", style="berschrift2")
        + p("Derived", style="ClauseHeading")
        + p("Body")
        + p("Outlined", ppr='<w:outlineLvl w:val="3"/>')
        + p("Unknown", style="Nope")
    )
    doc = read_document(make_docx(body, styles=STYLES))
    assert [(x.style_id, x.style_name, x.heading_level, x.outline_level) for x in doc.paragraphs] == [
        ("berschrift2", "heading 2", 2, 1),
        ("ClauseHeading", "Clause Heading", 2, 1),
        ("Normal", "Normal", None, None),
        ("Normal", "Normal", None, 3),
        ("Nope", None, None, None),
    ]


def test_bold_comes_from_runs_character_styles_and_paragraph_styles():
    body = (
        p(r("All ", b=True), r("bold", style="Strong"))
        + p("Styled", style="berschrift2")
        + p(r("Half ", b=True), r("bold"))
        + p(r("Not", b=True), ppr="", style="ClauseHeading").replace("<w:b/>", '<w:b w:val="0"/>')
    )
    doc = read_document(make_docx(body, styles=STYLES))
    assert [x.bold for x in doc.paragraphs] == [True, True, False, False]


def test_all_caps_is_typed_capitals_or_the_caps_property():
    body = p("ARTICLE 7 - LICENCE") + p("Shouted", style="Title") + p(r("word", caps=True)) + p("Mixed CASE")
    doc = read_document(make_docx(body, styles=STYLES))
    assert [x.all_caps for x in doc.paragraphs] == [True, True, True, False]


@pytest.mark.parametrize(
    "runs, title",
    [
        ((r("Ownership.", b=True), r(" The Client owns the Deliverables.")), "Ownership"),
        ((r("Ownership", b=True), r(". The Client owns the Deliverables.")), "Ownership"),
        ((r("Licence:", b=True), r(" Customer may use it.")), "Licence"),
        ((r("Intellectual Property.", u=True), r(" Each party keeps its own.")), "Intellectual Property"),
        ((r("7.2\t"), r("Licence.", b=True), r(" Customer may use it.")), "Licence"),
        ((r("The Client owns the Deliverables.", b=True),), None),
        ((r("Ownership", b=True), r(" of the Deliverables stays with the Client.")), None),
        ((r("Ownership. The Client owns the Deliverables."),), None),
    ],
)
def test_run_in_titles_are_leading_emphasized_phrases_ending_in_a_period_or_colon(runs, title):
    assert read_document(make_docx(p(*runs))).paragraphs[0].run_in_title == title


def test_a_document_without_a_body_is_refused():
    data = make_docx(
        "",
        extra_parts={
            "word/document.xml": (
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
            )
        },
    )
    with pytest.raises(MalformedXmlError):
        read_document(data)
