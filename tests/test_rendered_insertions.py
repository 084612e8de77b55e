"""Rendered check (issue 15): the redlined documents converted to PDF by LibreOffice, and the number
each inserted clause shows read back. No inserted clause may be numbered as an item of a list
governed by a lead-in ("... any warranty that:" (a) (b) (c) -> never "(d)").
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_redline_corpus import DOCUMENTS, source

from noai import engine

pytestmark = pytest.mark.libreoffice

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
LEVELS = (("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"))
NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    + "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="720"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(LEVELS)
    )
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
ITEM_LABEL = re.compile(r"^(?:\(?[a-z]{1,4}\)|[a-z]{1,4}\.|[\u2022\u25aa\u25e6\u2013-])$")


def lead_in_contract() -> bytes:
    def n(text: str, level: int) -> str:
        return p(text, numbering=(1, level))

    return make_docx(
        "".join(
            [
                p("SERVICES AGREEMENT"),
                p(
                    'This agreement is made between Inkwell Studio Ltd (the "Studio") and '
                    'Northwind Books plc (the "Client").'
                ),
                n("Services", 0),
                n('The Studio shall design the cover artwork for the Client\'s book (the "Work").', 1),
                n("Intellectual Property", 0),
                n("The Studio hereby assigns to the Client all right, title and interest in the Work.", 1),
                n("Nothing in this agreement shall constitute any representation or warranty that:", 1),
                n("the Work will be fit for any particular purpose;", 2),
                n("the Work will be free of errors; or", 2),
                n("the Work will achieve any result.", 2),
                n("General", 0),
                n("This agreement is governed by the laws of England.", 1),
                p("Signed for the Studio: ____________"),
            ]
        )
        + "<w:sectPr/>",
        numbering=NUMBERING,
    )


def labels(redline: engine.Redline, pdf_text: str) -> list[tuple[str, str]]:
    """(the first words of each inserted clause, the number LibreOffice shows before them on their line)."""
    text = "\n".join(" ".join(line.split()) for line in pdf_text.splitlines())
    flat = text.replace("\n", " ")  # a narrow table cell wraps even the first words
    out = []
    for edit in redline.plan.edits:
        if edit.op != "insert_after":
            continue
        start = " ".join(edit.paragraphs[0]["text"].split())[:15]
        at = flat.find(start)
        assert at >= 0, start
        out.append((start, text[text.rfind("\n", 0, at) + 1 : at].strip()))
    return out


def test_a_clause_added_after_a_lead_in_list_is_numbered_as_a_clause_not_as_its_next_item(libreoffice):
    redline = engine.redline(lead_in_contract(), author="noai", date=DATE, options=engine.Options())
    [result] = libreoffice([redline.docx], pdf_text=True)
    assert result["ok"], result["load_error"]
    found = labels(redline, result["pdf_text"])
    assert found
    for start, label in found:
        assert re.fullmatch(r"2\.\d+", label), (start, label)  # a sub-clause of 2, never "(d)"


def test_no_inserted_clause_of_a_corpus_contract_is_numbered_as_a_lead_in_lists_item(libreoffice):
    redlines = {
        name: engine.redline(source(name), author="noai", date=DATE, options=engine.Options(we="creator"))
        for name in DOCUMENTS
    }
    results = libreoffice([r.docx for r in redlines.values()], pdf_text=True)
    checked = 0
    for (name, redline), result in zip(redlines.items(), results, strict=True):
        assert result["ok"], (name, result["load_error"])
        paragraphs = redline.audit.paragraphs
        for edit, (start, label) in zip(
            (e for e in redline.plan.edits if e.op == "insert_after"), labels(redline, result["pdf_text"]), strict=True
        ):
            anchor = paragraphs[edit.index]
            led = anchor.text.rstrip().endswith(":")
            assert not led, (name, start)  # never right after a lead-in
            if ITEM_LABEL.match(label):  # an item marker only where the anchor itself is such an item
                assert anchor.label and ITEM_LABEL.match(anchor.label), (name, start, label, anchor.label)
            checked += 1
    assert checked
