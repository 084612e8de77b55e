"""Issue 15, placement: a clause the document's structure cannot take as one more sub-clause becomes a
new clause after the IP clause, with a heading styled like the document's own headings; a clause that
joins numbered sub-clauses is one sub-clause with one number (its later paragraphs continue it), so its
closing sentence covers the whole clause.

A new clause with a heading is inserted when the place for the clause (the end of the IP clause) is
unnumbered body text ending the clause of a heading that is a title alone: that clause is not divided
into numbered sub-clauses the new one could join. The purpose limit, placed right after the grant it
qualifies, never gets a heading of its own.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from lxml import etree
from support.docx_builder import make_docx, p, r
from test_strategy import PARTIES
from test_writer import accepted, rejected, xml

from noai import engine
from noai.ooxml.document import read_document

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

# Heading 1 numbers the clauses (1. 2. 3.) through its style; body text is unnumbered.
STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>'
    "<w:rPr><w:b/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:ind w:left="720"/></w:pPr></w:style>'
)
NUMBERING = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr>'
    '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
SERVICES = 'The Studio shall design the cover artwork and the illustrations for the Client\'s book (the "Work").'
GRANT = (
    "The Studio grants the Client a non-exclusive licence to reproduce the Work in the book and in its "
    "marketing, in print and electronic editions, throughout the world."
)
KEEPS = "The Studio keeps ownership of the Work, of its drafts and sketches, and of every other material it creates."
LAW = "This agreement is governed by the laws of England and Wales, and the courts of England have jurisdiction."


def numbered_headings() -> bytes:
    """Clauses under "heading 1" headings numbered by their style, unnumbered body text."""
    body = [
        p("DESIGN AGREEMENT"),
        p(PARTIES),
        p("Services", style="Heading1"),
        p(SERVICES, style="BodyText"),
        p("Intellectual Property", style="Heading1"),
        p(GRANT, style="BodyText"),
        p(KEEPS, style="BodyText"),
        p("General", style="Heading1"),
        p(LAW, style="BodyText"),
        p("Signed for the Studio: ____________"),
    ]
    return make_docx("".join(body) + "<w:sectPr/>", styles=STYLES, numbering=NUMBERING)


def bold_titles() -> bytes:
    """Unnumbered clauses under bold title lines."""
    body = [
        p(r("DESIGN AGREEMENT", b=True)),
        p(PARTIES),
        p(r("Services", b=True)),
        p(SERVICES),
        p(r("Intellectual Property", b=True)),
        p(GRANT),
        p(KEEPS),
        p(r("General", b=True)),
        p(LAW),
        p("Signed for the Studio: ____________"),
    ]
    return make_docx("".join(body) + "<w:sectPr/>")


def typed_headings() -> bytes:
    """Typed clause numbers on capitalised bold headings, and a typed cross-reference to a later clause."""
    body = [
        p(r("DESIGN AGREEMENT", b=True)),
        p(PARTIES),
        p(r("1.\tSERVICES", b=True)),
        p(SERVICES),
        p(r("2.\tINTELLECTUAL PROPERTY", b=True)),
        p(GRANT),
        p(KEEPS + " Clause 3 applies to any dispute about it."),
        p(r("3.\tGENERAL", b=True)),
        p(LAW),
        p("Signed for the Studio: ____________"),
    ]
    return make_docx("".join(body) + "<w:sectPr/>")


def redlined(docx: bytes) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant="standard"))


def new_clauses(redline: engine.Redline) -> list:
    return [e for e in redline.plan.edits if e.op == "insert_after" and e.clause != "definitions"]


def body_paragraphs(docx: bytes) -> list[etree._Element]:
    return xml(docx, "word/document.xml").findall("w:body/w:p", NS)


def text_of(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{{{W}}}t"))


@pytest.mark.parametrize("build", [numbered_headings, bold_titles, typed_headings])
def test_the_covenant_after_an_undivided_ip_clause_is_a_new_clause_with_a_heading_of_its_own(build):
    docx = build()
    redline = redlined(docx)
    doc = read_document(docx)
    heading = next(q.index for q in doc.paragraphs if "INTELLECTUAL PROPERTY" in q.text.upper())
    keeps = next(q.index for q in doc.paragraphs if q.text.startswith(KEEPS))
    covenant = next(e for e in new_clauses(redline) if e.clause == "no-ai-training")
    assert covenant.index == keeps  # after the IP clause's last paragraph
    first, *rest = covenant.paragraphs
    assert first["like"] == heading and first["text"].upper() == "NO AI TRAINING"
    assert rest and not any("like" in q or "title" in q or q.get("continued") for q in rest)
    assert rejected(redline.docx) == [q.text for q in doc.paragraphs]  # reject-all gives the input back


def test_the_new_heading_takes_the_numbered_heading_style_and_the_next_number():
    docx = numbered_headings()
    redline = redlined(docx)
    out = read_document(redline.docx)
    heading = next(q for q in out.paragraphs if q.text == "No AI Training")
    assert heading.style_id == "Heading1" and heading.label == "3."
    headed = sum("like" in e.paragraphs[0] for e in new_clauses(redline))  # each new clause after clause 2
    assert next(q for q in out.paragraphs if q.text == "General").label == f"{3 + headed}."  # Word moves it on
    after = out.paragraphs[heading.index + 1 : heading.index + len(new_clauses(redline)[0].paragraphs)]
    assert after and all(q.style_id == "BodyText" and q.label is None and not q.is_heading for q in after)
    el = body_paragraphs(redline.docx)[heading.index]
    assert el.find("w:pPr/w:rPr/w:ins", NS) is not None and el.find("w:ins/w:r", NS) is not None  # tracked
    comment = next(e.comment for e in redline.plan.edits if e.comment and e.comment.startswith("Our approach"))
    assert "Word's automatic numbering renumbers the clauses after the insertion (3." in comment


def test_the_new_heading_copies_a_bold_title_line_and_the_body_stays_plain():
    redline = redlined(bold_titles())
    out = read_document(redline.docx)
    heading = next(q for q in out.paragraphs if q.text == "No AI Training")
    assert heading.bold and heading.label is None
    body = out.paragraphs[heading.index + 1 : heading.index + len(new_clauses(redline)[0].paragraphs)]
    assert body and not any(q.bold for q in body)
    runs = body_paragraphs(redline.docx)[heading.index].findall("w:ins/w:r", NS)
    assert [r.find("w:rPr/w:b", NS) is not None for r in runs] == [True]


def test_a_typed_heading_gets_a_lettered_number_in_capitals_and_the_later_clause_and_its_references_stay():
    docx = typed_headings()
    redline = redlined(docx)
    texts = accepted(redline.docx)
    headings = [t for t in texts if re.match(r"\d+[A-Z]?\.\t", t)]
    assert headings[:3] == ["1.\tSERVICES", "2.\tINTELLECTUAL PROPERTY", "2A.\tNO AI TRAINING"]
    assert headings[-1] == "3.\tGENERAL" and len(set(headings)) == len(headings)
    assert any(t.endswith("Clause 3 applies to any dispute about it.") for t in texts)
    assert redline.write.renumbered == []
    assert rejected(redline.docx) == [q.text for q in read_document(docx).paragraphs]


def test_the_purpose_limit_after_the_grant_joins_the_grants_clause_without_a_heading():
    redline = redlined(bold_titles())
    limit = next((e for e in new_clauses(redline) if e.clause == "scope-limitation"), None)
    assert limit is not None and not any("like" in q for q in limit.paragraphs)


def test_a_clause_ending_in_numbered_sub_clauses_gets_no_heading():
    from test_strategy import ASSIGNMENT, planned

    plan = planned(ASSIGNMENT)
    covenant = next(e for e in plan.edits if e.clause == "no-ai-training")
    assert not any("like" in q for q in covenant.paragraphs)


# -- one clause, one number ---------------------------------------------------------------------------


def test_a_covenant_added_to_typed_sub_clauses_is_one_sub_clause_and_its_closing_sentence_covers_it():
    from test_strategy import ASSIGNMENT

    redline = redlined(ASSIGNMENT)
    texts = accepted(redline.docx)
    covenant = next(e for e in redline.plan.edits if e.clause == "no-ai-training")
    start = texts.index("2.2 The Studio waives its moral rights in the Work to the extent permitted by law.") + 1
    clause = texts[start : start + len(covenant.paragraphs)]
    assert clause[0].startswith("2.3 ")
    assert not any(re.match(r"\d+(\.\d+)+\s", t) for t in clause[1:]), clause  # not 2.4, 2.5, ... of their own
    assert texts[start + len(covenant.paragraphs)].startswith("2.4 ")  # the next clause takes the next number
    last = max(t.split()[0] for t in texts if re.match(r"2\.\d ", t))  # 2.4, 2.5: our other clauses
    assert clause[-1].startswith(f"Clauses 2.3 to {last} apply"), (last, clause[-1])  # all of them, not 2.3 alone
    assert rejected(redline.docx) == [q.text for q in read_document(ASSIGNMENT).paragraphs]


def test_an_auto_numbered_sub_clause_continues_without_a_number_at_its_text_indent():
    level = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
        '<w:pPr><w:ind w:left="1440" w:hanging="720"/></w:pPr></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = [
        p("DESIGN AGREEMENT"),
        p(PARTIES),
        p("Services", numbering=(1, 0)),
        p(SERVICES, numbering=(1, 1)),
        p("Intellectual Property", numbering=(1, 0)),
        p("The Studio hereby assigns to the Client all right, title and interest in the Work.", numbering=(1, 1)),
        p("The Studio waives its moral rights in the Work, to the extent the law permits.", numbering=(1, 1)),
        p("General", numbering=(1, 0)),
        p(LAW, numbering=(1, 1)),
        p("Signed for the Studio: ____________"),
    ]
    docx = make_docx("".join(body) + "<w:sectPr/>", numbering=level)
    redline = redlined(docx)
    out = read_document(redline.docx)
    covenant = next(e for e in redline.plan.edits if e.clause == "no-ai-training")
    first = next(q for q in out.paragraphs if q.text.endswith(covenant.paragraphs[0]["text"]))
    assert first.label == "2.3"
    rest = out.paragraphs[first.index + 1 : first.index + len(covenant.paragraphs)]
    assert rest and all(q.label is None for q in rest)
    for el in body_paragraphs(redline.docx)[first.index + 1 : first.index + len(covenant.paragraphs)]:
        assert el.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val") == "0"
        assert el.find("w:pPr/w:ind", NS).get(f"{{{W}}}left") == "1440"
    assert rejected(redline.docx) == [q.text for q in read_document(docx).paragraphs]


# -- LibreOffice ---------------------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_libreoffice_rejects_and_accepts_the_new_clauses_as_planned_and_shows_the_headings_number(libreoffice):
    docs = [numbered_headings(), bold_titles(), typed_headings()]
    redlines = [redlined(d) for d in docs]
    results = libreoffice([r.docx for r in redlines], pdf_text=True)
    for docx, redline, result in zip(docs, redlines, results, strict=True):
        assert result["ok"], result["load_error"]
        norm = [" ".join(t.split()) for t in result["rejected_paragraphs"]]
        assert norm == [" ".join(q.text.split()) for q in read_document(docx).paragraphs]
        assert [" ".join(t.split()) for t in result["accepted_paragraphs"]] == [
            " ".join(t.split()) for t in accepted(redline.docx)
        ]
    # LibreOffice shows a number the tracked insertion moved with the old one after it: "5.[3.] General"
    lines = [" ".join(re.sub(r"\[[^\]]*\]", "", line).split()) for line in results[0]["pdf_text"].splitlines()]
    headed = sum("like" in e.paragraphs[0] for e in new_clauses(redlines[0]))
    assert "3. No AI Training" in lines and f"{3 + headed}. General" in lines  # headings numbered by their style


# -- cross-references an insertion would shift ----------------------------------------------------------


def test_typed_references_to_automatic_numbers_an_insertion_moves_follow_them_and_the_comment_says_so():
    body = [
        p("DESIGN AGREEMENT"),
        p(PARTIES),
        p("Services", style="Heading1"),
        p(SERVICES + " Section 3 says which law governs it.", style="BodyText"),
        p("Intellectual Property", style="Heading1"),
        p(GRANT, style="BodyText"),
        p(KEEPS, style="BodyText"),
        p("General", style="Heading1"),
        p(LAW, style="BodyText"),
        p("Sections 1 and 3 survive the end of this agreement.", style="BodyText"),
        p("Signed for the Studio: ____________"),
    ]
    docx = make_docx("".join(body) + "<w:sectPr/>", styles=STYLES, numbering=NUMBERING)
    redline = redlined(docx)
    texts = accepted(redline.docx)
    headings = [e for e in new_clauses(redline) if "like" in e.paragraphs[0]]
    assert headings  # new clauses after clause 2: "General" becomes clause 3 + len(headings)
    moved = f"Section {3 + len(headings)}"
    assert any(t.endswith(f"{moved} says which law governs it.") for t in texts)
    assert f"Sections 1 and {3 + len(headings)} survive the end of this agreement." in texts
    assert all(c["reference"] and c["from"] == "3" for c in redline.write.renumbered)  # Word moves the numbers
    comment = next(e.comment for e in redline.plan.edits if e.comment and e.comment.startswith("Our approach"))
    assert "renumbers the clauses after the insertion (3." in comment and "2 cross-references" in comment
    assert rejected(redline.docx) == [q.text for q in read_document(docx).paragraphs]
