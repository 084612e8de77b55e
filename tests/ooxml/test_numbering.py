"""Numbering labels: what a reader sees in front of each numbered paragraph."""

from noai.ooxml.document import read_document
from tests.support.docx_builder import make_docx, p


def lvl(ilvl, fmt="decimal", text="%1.", start=1, extra=""):
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{extra}<w:lvlText w:val="{text}"/></w:lvl>'
    )


LEGAL = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, text="%1.")
    + lvl(1, text="%1.%2")
    + lvl(2, "lowerLetter", "(%3)")
    + lvl(3, "lowerRoman", "(%4)")
    + "</w:abstractNum>"
)


def labels(body, numbering, styles=None):
    doc = read_document(make_docx(body, numbering=numbering, styles=styles))
    return [para.label for para in doc.paragraphs]


def test_multi_level_labels_follow_lvl_text_and_formats():
    numbering = LEGAL + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    body = "".join(p(f"x{i}", numbering=(1, level)) for i, level in enumerate([0, 1, 1, 2, 2, 3, 3, 0, 1]))
    assert labels(body, numbering) == ["1.", "1.1", "1.2", "(a)", "(b)", "(i)", "(ii)", "2.", "2.1"]


def test_deeper_levels_restart_when_a_shallower_level_is_used():
    numbering = LEGAL + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    body = "".join(p("x", numbering=(1, level)) for level in [0, 1, 2, 2, 1, 2, 0, 2])
    assert labels(body, numbering) == ["1.", "1.1", "(a)", "(b)", "1.2", "(a)", "2.", "(a)"]


def test_lvl_restart_zero_keeps_counting_across_shallower_levels():
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0)
        + lvl(1, "upperLetter", "%2)", extra='<w:lvlRestart w:val="0"/>')
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = "".join(p("x", numbering=(1, level)) for level in [0, 1, 0, 1])
    assert labels(body, numbering) == ["1.", "A)", "2.", "B)"]


def test_start_values_upper_roman_and_text_around_the_number():
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "upperRoman", "Article %1", start=4)
        + lvl(1, "decimalZero", "Section %1.%2.", start=1, extra="<w:isLgl/>")
        + '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = "".join(p("x", numbering=(7, level)) for level in [0, 1, 0])
    assert labels(body, numbering) == ["Article IV", "Section 4.01.", "Article V"]


def test_letters_double_after_z_and_ordinals():
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "lowerLetter", "%1.", start=26)
        + lvl(1, "ordinal", "%2")
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = "".join(p("x", numbering=(1, level)) for level in [0, 0, 1, 1, 1])
    assert labels(body, numbering) == ["z.", "aa.", "1st", "2nd", "3rd"]


def test_instances_of_one_abstract_continue_and_start_override_restarts():
    numbering = (
        LEGAL + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    body = "".join(p("x", numbering=(num, 0)) for num in [1, 1, 2, 3, 3, 1])
    assert labels(body, numbering) == ["1.", "2.", "3.", "1.", "2.", "3."]


def test_a_whole_level_override_replaces_the_abstract_level():
    numbering = (
        LEGAL
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        + lvl(0, "upperLetter", "Part %1", start=3)
        + "</w:lvlOverride></w:num>"
    )
    assert labels(p("x", numbering=(1, 0)) + p("y", numbering=(1, 0)), numbering) == ["Part C", "Part D"]


def test_bullets_are_list_items_without_a_label_and_num_id_zero_removes_numbering():
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "bullet", "\u2022")
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = (
        p("item", numbering=(1, 0))
        + p("styled", style="ListBullet")
        + p("removed", style="ListBullet", numbering=(0, 0))
    )
    doc = read_document(make_docx(body, numbering=numbering, styles=styles))
    assert [(x.num_id, x.label) for x in doc.paragraphs] == [(1, None), (1, None), (None, None)]


def test_heading_styles_carry_numbering_through_the_levels_linked_to_them():
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, extra='<w:pStyle w:val="Heading1"/>')
        + lvl(1, text="%1.%2", extra='<w:pStyle w:val="Heading2"/>')
        + '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
    )
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
        f'<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr>'
        f'<w:outlineLvl w:val="{n - 1}"/></w:pPr></w:style>'
        for n in (1, 2)
    )
    body = (
        p("Scope", style="Heading1")
        + p("Licence", style="Heading2")
        + p("Fees", style="Heading2")
        + p("Term", style="Heading1")
    )
    doc = read_document(make_docx(body, numbering=numbering, styles=styles))
    assert [(x.label, x.ilvl, x.heading_level) for x in doc.paragraphs] == [
        ("1.", 0, 1),
        ("1.1", 1, 2),
        ("1.2", 1, 2),
        ("2.", 0, 1),
    ]


def test_num_style_link_takes_the_levels_of_the_numbering_style():
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="LegalList"/>'
        + lvl(0, "decimal", "Clause %1")
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="LegalList"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    )
    styles = (
        '<w:style w:type="numbering" w:styleId="LegalList"><w:name w:val="Legal List"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = p("a", numbering=(2, 0)) + p("b", numbering=(2, 0))
    assert labels(body, numbering, styles) == ["Clause 1", "Clause 2"]


def test_a_paragraph_whose_mark_is_deleted_takes_no_number():
    numbering = LEGAL + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    deleted_mark = '<w:rPr><w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:rPr>'
    body = p("one", numbering=(1, 0)) + p("merged", numbering=(1, 0), ppr=deleted_mark) + p("two", numbering=(1, 0))
    assert labels(body, numbering) == ["1.", None, "2."]


def test_an_empty_paragraph_holding_a_section_break_takes_no_number():
    numbering = LEGAL + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    body = p(numbering=(1, 0), ppr="<w:sectPr/>") + p("Services", numbering=(1, 0))
    assert labels(body, numbering) == [None, "1."]
