"""The section tree: headings, numbers (auto and typed), title lines, and each paragraph's path."""

from noai.ooxml.document import read_document
from tests.support.docx_builder import make_docx, p, r

NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
STYLES = "".join(
    f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/></w:style>' for n in (1, 2)
)


def read(body, **parts):
    return read_document(make_docx(body, **parts))


def test_auto_numbered_paragraphs_with_run_in_titles_form_a_tree():
    body = (
        p(r("Intellectual Property", b=True), numbering=(1, 0))
        + p(r("Licence.", b=True), r(" Customer may use the Deliverables."), numbering=(1, 1))
        + p("for internal purposes;", numbering=(1, 2))
        + p("Unnumbered body text.")
        + p(r("Fees.", b=True), r(" Customer pays."), numbering=(1, 0))
    )
    doc = read(body, numbering=NUMBERING)
    assert [x.section_label for x in doc.paragraphs] == ["1", "1.1", "1.1(a)", "1.1(a)", "2"]
    assert doc.paragraphs[1].section_path == ("1 Intellectual Property", "1.1 Licence")
    assert doc.paragraphs[2].section_path[-1] == "(a) for internal purposes;"
    assert [x.is_heading for x in doc.paragraphs] == [True, True, True, False, True]
    assert doc.paragraphs[3].heading == "for internal purposes;"
    top = doc.sections
    assert [(s.label, s.title, s.start, s.end) for s in top] == [
        ("1", "Intellectual Property", 0, 3),
        ("2", "Fees", 4, 4),
    ]
    assert [(s.label, s.level) for s in top[0].children] == [("1.1", 2)]


def test_typed_numbers_nest_by_depth_and_by_family():
    body = "".join(
        p(t)
        for t in [
            "ARTICLE VII INTELLECTUAL PROPERTY",
            "7.1 Ownership. The Client owns it.",
            "(a) first case;",
            "(i) a sub-case;",
            "(ii) another;",
            "(b) second case.",
            "7.2\tLicence. Customer may use it.",
            "ARTICLE VIII TERM",
        ]
    )
    doc = read(body)
    assert [x.section_label for x in doc.paragraphs] == [
        "ARTICLE VII",
        "7.1",
        "7.1(a)",
        "(a)(i)",
        "(a)(ii)",
        "7.1(b)",
        "7.2",
        "ARTICLE VIII",
    ]
    assert doc.paragraphs[6].section_path == ("ARTICLE VII INTELLECTUAL PROPERTY", "7.2 Licence")
    assert doc.paragraphs[5].section_path == ("ARTICLE VII INTELLECTUAL PROPERTY", "7.1 Ownership", "(b) second case")


def test_a_letter_i_after_h_is_a_letter_not_a_roman_numeral():
    body = "".join(p(f"({c}) item") for c in "ghi") + p("(ii) numeral")
    doc = read(body)
    assert [len(x.section_path) for x in doc.paragraphs] == [1, 1, 1, 2]


def test_heading_styles_open_sections_and_short_bold_lines_are_titles():
    body = (
        p(r("MASTER SERVICES AGREEMENT", b=True))
        + p("Preamble text.")
        + p("Definitions", style="Heading1")
        + p("Scope", style="Heading2")
        + p("Body.")
        + p("Fees", style="Heading1")
        + p(r("Schedule 1", b=True))
    )
    doc = read(body, styles=STYLES)
    assert [x.section_path for x in doc.paragraphs] == [
        ("MASTER SERVICES AGREEMENT",),
        ("MASTER SERVICES AGREEMENT",),
        ("Definitions",),
        ("Definitions", "Scope"),
        ("Definitions", "Scope"),
        ("Fees",),
        ("Schedule 1",),
    ]


def test_a_numbered_section_closes_the_document_title_above_it():
    body = p(r("LICENCE AGREEMENT", b=True)) + p("1. Grant. Licensor grants a licence.")
    doc = read(body)
    assert doc.paragraphs[1].section_path == ("1 Grant",)
    assert [s.title for s in doc.sections] == ["LICENCE AGREEMENT", "Grant"]


def test_cover_page_tables_and_long_sentences_open_no_sections():
    cell = "<w:tc><w:tcPr/>" + p(r("Schedule", b=True)) + "</w:tc>"
    body = (
        f"<w:tbl><w:tblPr/><w:tr>{cell}</w:tr></w:tbl>"
        + p(r("This bold sentence is body text that runs on for a while.", b=True))
        + p("30 days after delivery the fee is due.")
    )
    doc = read(body)
    assert [x.is_heading for x in doc.paragraphs] == [False, False, False]
    assert doc.sections == []


def test_a_long_numbered_clause_is_titled_by_its_first_eight_words_and_twelve_words_still_make_a_title():
    thirteen = "Payment terms for the services and the expenses of the consultant agreed here"
    twelve = " ".join(thirteen.split()[:12])
    body = (
        p(r(twelve, b=True))  # a bold line of twelve words: a title line
        + p(r(thirteen, b=True))  # thirteen: body text
        + p(
            "The Client shall pay  every invoice\tin full within thirty days of receiving it, without set-off.",
            numbering=(1, 0),
        )
        + p("Schedule 2 Pricing and the rates for the services of the consultant")
        + p("Schedule 3 Pricing and the rates for the services of the consultant here")
        + p("Article 4\nThe rates for the services and the expenses of the consultant agreed here")
    )
    doc = read(body, numbering=NUMBERING)
    assert [x.is_heading for x in doc.paragraphs] == [True, False, True, True, False, True]
    assert doc.paragraphs[0].heading == twelve
    assert doc.paragraphs[2].section_path[-1] == "1 The Client shall pay every invoice in full…"
    assert doc.paragraphs[3].heading == "Schedule 2 Pricing and the rates for the services of the consultant"
    assert doc.paragraphs[5].section_path[-1] == "Article 4 The rates for the services and the expenses…"
