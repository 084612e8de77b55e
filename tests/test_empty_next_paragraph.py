"""Issue 15, reject-all exact in LibreOffice: clauses inserted at the end of a clause whose next paragraph
is empty and formatted otherwise (a blank line in another style before an annex). LibreOffice's
reject-all joins the last rejected paragraph into an empty next one and keeps the rejected paragraph's
formatting, so the blank line came back in our clause's style. The insertion is written as Word writes
a new paragraph whose formatting was then changed: the anchor's text ends on an inserted mark formatted
as before, and the last new paragraph on the anchor's original mark, in its own formatting, the anchor's
recorded in a ``w:pPrChange``. Where the next paragraph has text, the usual arrangement stays.

A synthetic services contract in the shape of a public-sector one: numbered clauses in their own
styles, items under the last sub-clause, a blank line and a page break before the annex."""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p, r
from test_strategy import DATE
from test_writer import accepted, rejected

from noai.ooxml.document import read_document
from noai.ooxml.revisions import RevisionStamp
from noai.plan import Edit, Plan
from noai.writer import apply_plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STYLES = (
    "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
        f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        for sid, name, lvl in (("Clause1", "Clause 1", 0), ("Clause2", "Clause 2", 1), ("Clause3", "Clause 3", 2))
    )
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
)
NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    + "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Clause{k + 1}"/>'
        f'<w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="{720 * (k + 1)}" w:hanging="720"/></w:pPr></w:lvl>'
        for k, text in enumerate(("%1.", "%1.%2.", "%1.%2.%3."))
    )
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
UNNUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
COSTS = "Any cost arising from a virus found in the Software shall be borne:"
BY_SUPPLIER = "by the Supplier, where the virus came from the Supplier's software; and"
BY_BUYER = "by the Buyer, where the virus came from the Buyer's own systems."


def contract(after: str) -> bytes:
    """Clause 7 ends with items (7.2.1, 7.2.2); then ``after`` (the paragraph after the last item), a page
    break, and the annex."""
    body = [
        p("SERVICES CONTRACT"),
        p("Software and Viruses", style="Clause1"),
        p("The Supplier shall check the Software for viruses before delivery.", style="Clause2"),
        p(COSTS, style="Clause2"),
        p(BY_SUPPLIER, style="Clause3"),
        p(BY_BUYER, style="Clause3"),
        after,
        p(r("", b=False), '<w:r><w:br w:type="page"/></w:r>'),
        p("Annex: Software", style="Clause3", ppr=UNNUMBERED + '<w:jc w:val="center"/>'),
    ]
    return make_docx("".join(body) + "<w:sectPr/>", styles=STYLES, numbering=NUMBERING)


BLANK = p(style="Clause3", ppr=UNNUMBERED)  # empty, another style than the clause's own
TEXT_AFTER = p("The Parties shall co-operate to remove any virus found.", style="Clause3", ppr=UNNUMBERED)
CLAUSE = ("No AI Training. The Buyer shall not use the Deliverables to train any AI system.", "This clause survives.")


def redline(docx: bytes) -> bytes:
    """Our two-paragraph clause after the last item, as a sub-clause of the clause's level (7.3)."""
    doc = read_document(docx)
    anchor = next(q.index for q in doc.paragraphs if q.text == BY_BUYER)
    like = next(q.index for q in doc.paragraphs if q.text == COSTS)
    edit = Edit.from_dict(
        {
            "id": "e1",
            "op": "insert_after",
            "anchor": {"index": anchor, "text": BY_BUYER},
            "paragraphs": [{"text": CLAUSE[0], "like": like}, {"text": CLAUSE[1], "like": like, "continued": True}],
            "comment": "Why this clause: a synthetic reason.",
        }
    )
    return apply_plan(doc, Plan("standard", {}, (edit,)), stamp=RevisionStamp("noai", DATE)).docx


def element(docx: bytes, text: str):
    doc = read_document(docx)
    return doc.elements[next(q.index for q in doc.paragraphs if q.text == text)]


def test_before_an_empty_paragraph_formatted_otherwise_the_last_new_paragraph_takes_the_anchors_mark():
    docx = contract(BLANK)
    out = redline(docx)
    anchor, last = element(out, BY_BUYER), element(out, CLAUSE[1])
    # the anchor's text ends on an inserted mark, formatted as before
    assert anchor.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert anchor.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Clause3"
    # the last new paragraph ends on the anchor's original mark: its own formatting, the anchor's recorded
    assert last.find(f"{W}pPr/{W}rPr/{W}ins") is None
    assert last.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Clause2"
    change = last.find(f"{W}pPr/{W}pPrChange")
    assert change is not None and change.get(f"{W}author") == "noai"
    assert change.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Clause3"
    texts = [q.text for q in read_document(docx).paragraphs]
    assert rejected(out) == texts
    at = texts.index(BY_BUYER) + 1
    assert accepted(out) == [*texts[:at], *CLAUSE, *texts[at:]]


def test_before_a_paragraph_with_text_the_usual_arrangement_stays():
    docx = contract(TEXT_AFTER)
    out = redline(docx)
    anchor, last = element(out, BY_BUYER), element(out, CLAUSE[1])
    assert anchor.find(f"{W}pPr/{W}rPr/{W}ins") is None  # the anchor keeps its own mark
    assert last.find(f"{W}pPr/{W}rPr/{W}ins") is not None and last.find(f"{W}pPr/{W}pPrChange") is None
    assert rejected(out) == [q.text for q in read_document(docx).paragraphs]


@pytest.mark.libreoffice
@pytest.mark.parametrize("after", [BLANK, TEXT_AFTER], ids=["blank-line", "text"])
def test_libreoffices_reject_all_gives_the_next_paragraph_its_own_formatting_back(libreoffice, after):
    docx = contract(after)
    before, redlined = libreoffice([docx, redline(docx)])
    assert redlined["rejected_formats"] == before["rejected_formats"]
    assert redlined["rejected_paragraphs"] == before["paragraphs"]
    at = before["paragraphs"].index(BY_BUYER) + 1
    assert redlined["accepted_paragraphs"] == [*before["paragraphs"][:at], *CLAUSE, *before["paragraphs"][at:]]
    formats = redlined["accepted_formats"]
    costs = before["paragraphs"].index(COSTS)
    assert formats[at][1] == formats[at + 1][1] == formats[costs][1]  # the style of the sub-clause it joins
    assert formats[at + 2] == before["rejected_formats"][at]  # the paragraph after it as it was
