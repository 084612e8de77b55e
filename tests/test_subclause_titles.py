"""Issue 15, placement: a clause inserted as a lettered sub-clause ("(c)") of a clause that opens with a
bold run-in title ("3. **Ownership.** …") carries its own run-in title in that form ("(c) **No AI
Training.** …"), as the document's clauses do, rather than going in as an untitled item of the list.
Where the clause above has no run-in title, no title is invented.

A synthetic Word-numbered photography agreement written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

from support.docx_builder import make_docx, p, r
from test_writer import accepted, rejected

from noai import engine
from noai.ooxml.document import read_document

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
LEVELS = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>'
    '<w:pPr><w:ind w:left="1440" w:hanging="720"/></w:pPr></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
PARTIES = 'This agreement is made between Saltmarsh Pictures LLC ("Photographer") and Oriel Travel, Inc. ("Client").'
SHOOT = 'Photographer will photograph the Client\'s three hotels for its brochure (the "Photographs").'
GRANT = "Photographer grants Client a non-exclusive licence to use the Photographs in its brochures and website."
CREDIT = "Client shall credit Photographer beside each Photograph it publishes online."
KEEPS = "Photographer keeps all copyright and other intellectual property rights in the Photographs."
LAW = "This agreement is governed by the laws of the State of Maine."


def clause(title: str | None, text: str) -> str:
    """A level-0 clause, its run-in title in bold ("Licence. Photographer grants …") when it has one."""
    content = (r(f"{title}.", b=True), r(f" {text}")) if title else (text,)
    return p(*content, numbering=(1, 0))


def agreement(titled: bool = True) -> bytes:
    body = [
        p("PHOTOGRAPHY AGREEMENT"),
        p(PARTIES),
        clause("Shoot" if titled else None, SHOOT),
        clause("Copyright" if titled else None, KEEPS),
        p(GRANT, numbering=(1, 1)),
        p(CREDIT, numbering=(1, 1)),
        clause("Law" if titled else None, LAW),
    ]
    return make_docx("".join(body) + "<w:sectPr/>", numbering=LEVELS)


def redlined(docx: bytes) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant="standard"))


def bold_runs(docx: bytes, text_start: str) -> list[str]:
    """The bold runs' texts of the paragraph that starts with ``text_start``."""
    doc = read_document(docx)
    at = next(q.index for q in doc.paragraphs if q.text.startswith(text_start))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    return [
        "".join(run.itertext())
        for run in doc.elements[at].iterfind(".//w:r", ns)
        if run.find("w:rPr/w:b", ns) is not None
    ]


def test_a_clause_inserted_as_a_lettered_sub_clause_of_a_titled_clause_carries_a_bold_run_in_title():
    docx = agreement()
    red = redlined(docx)
    covenant = next(e for e in red.plan.edits if e.clause == "no-ai-training")
    assert covenant.paragraphs[0]["title"] == "No AI Training"
    assert red.audit.paragraphs[covenant.index].label == "(b)"  # after the last lettered sub-clause
    texts = accepted(red.docx)
    first = next(t for t in texts if '"AI System" means' in t)
    assert first.startswith("No AI Training. ")
    out = read_document(red.docx)
    assert next(q for q in out.paragraphs if q.text == first).label == "(c)"
    assert bold_runs(red.docx, "No AI Training. ") == ["No AI Training."]
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]


def test_under_a_clause_without_a_run_in_title_the_sub_clause_gets_no_title():
    red = redlined(agreement(titled=False))
    texts = accepted(red.docx)
    first = next(t for t in texts if '"AI System" means' in t)
    assert not first.startswith("No AI Training")
    assert bold_runs(red.docx, first[:30]) == []
