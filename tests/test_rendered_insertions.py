"""Rendered check (issue 15): the redlined documents converted to PDF by LibreOffice, and the number
each inserted clause shows read back. No inserted clause may be numbered as an item of a list
governed by a lead-in ("... any warranty that:" (a) (b) (c) -> never "(d)").
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, multilevel_numbering, p
from test_redline_corpus import DOCUMENTS, source

from noai import engine
from noai.analysis.audit import _lead_in
from noai.ooxml.revisions import typed_number
from noai.plan import Edit

pytestmark = pytest.mark.libreoffice

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
LEVELS = (("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"))
NUMBERING = multilevel_numbering(LEVELS)
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
    return [
        (" ".join(item["text"].split())[:15], label)
        for edit, item, label, _ in each_label(redline, pdf_text)
        if item is edit.paragraphs[0]
    ]


def each_label(redline: engine.Redline, pdf_text: str) -> list[tuple[Edit, dict, str, int]]:
    """(edit, paragraph item, the number LibreOffice shows before it) for every inserted paragraph, in
    plan order, and where in the PDF's text it is; LibreOffice's "[old]" display of a number a tracked
    change moved is left out."""
    text = "\n".join(" ".join(line.split()) for line in pdf_text.splitlines())
    out = []
    for edit in redline.plan.edits:
        if edit.op != "insert_after":
            continue
        at = 0
        for item in edit.paragraphs:
            label, found = label_at(text, item["text"], at)
            assert label is not None, item["text"][:30]
            if item.get("title") and item["title"] in label:  # the run-in title written before the text
                label = label[: label.index(item["title"])].strip()
            at = found + 1
            out.append((edit, item, label, found))
    return out


def label_at(text: str, paragraph: str, at: int = 0, before: int | None = None) -> tuple[str | None, int]:
    """The number LibreOffice shows before the first words of ``paragraph`` in the PDF's ``text`` (their
    first place from offset ``at`` on, or their last before offset ``before``), without its "[old]"
    display of a number a tracked change moved, and that place; ``None`` when the words are not there
    (their first 30 characters, or where a page break comes between them, their first 15)."""
    flat = text.replace("\n", " ")  # a narrow table cell wraps even the first words
    found = -1
    for length in (30, 15):  # a page's footer may come between the first words of a paragraph in a narrow cell
        start = " ".join(paragraph.split())[:length]
        found = flat.find(start, at) if before is None else flat.rfind(start, 0, before)
        if found >= 0:
            break
    if found < 0:
        return None, at
    label = text[text.rfind("\n", 0, found) + 1 : found].strip()
    return re.sub(r"\[[^\]]*\]", "", label), found


def shape(label: str) -> str:
    """A number's form, whatever its value: "4.7" and "2.3" -> "1.1", "(c)" -> "(a)", "12." -> "1"."""
    label = label.strip().rstrip(".")
    return re.sub(r"[a-z]+", "a", re.sub(r"[A-Z]+", "A", re.sub(r"\d+", "1", label)))


def value(label: str) -> int:
    last = re.findall(r"\d+|[A-Za-z]+", label)[-1]
    return int(last) if last.isdigit() else sum((ord(c.lower()) - 96) * 26**i for i, c in enumerate(reversed(last)))


def shown_number(paragraph) -> str | None:
    """The number a reader sees at the paragraph: its automatic label, else its typed number."""
    typed = typed_number(paragraph.text)
    return paragraph.label or (typed[0] if typed else None)


def check_numbers(name: str, redline: engine.Redline, pdf_text: str) -> int:
    """Every inserted paragraph of ``redline``: no number when it continues a clause; else never an
    item of the lead-in list its anchor belongs to, and, where its source (its ``like``, else the
    anchor) shows a number, a number of the same form further along that sequence. The count checked."""
    paragraphs = redline.audit.paragraphs
    text = "\n".join(" ".join(line.split()) for line in pdf_text.splitlines())
    checked = 0
    for edit, item, label, found in each_label(redline, pdf_text):
        _LABELS[id(item)] = label
        where = (name, edit.id, item["text"][:30], label)
        anchor = paragraphs[edit.index]
        assert not anchor.text.rstrip().endswith(":"), where  # never right after a lead-in
        if item.get("continued"):
            assert label == "", where  # one clause, one number
            checked += 1
            continue
        if _lead_in(paragraphs, edit.index, 0) is not None and label and shown_number(anchor):
            assert shape(label) != shape(shown_number(anchor)), where  # not the list's next item
        source = paragraphs[item.get("like", edit.index)]
        number = shown_number(source)
        if number is not None and edit.clause != "definitions" and re.search(r"\w", number):
            # the source as LibreOffice numbers it in the same rendering (its numbers of tracked lists may
            # differ from the reader's), else as the reader does
            shown = label_at(text, source.text, before=found)[0] if not typed_number(source.text) else None
            # (a number, not the words before the source's text found inside another paragraph: "Malicious
            # Software", a heading, is also in "by the Buyer, if the Malicious Software …")
            number = shown if shown and re.search(r"\w", shown) and " " not in shown.strip() else number
            # "5A." after "5.": a lettered clause between two typed ones; else further along the sequence
            lettered = re.fullmatch(re.escape(number.strip().rstrip(".")) + r"[A-Z]\.?", label.strip())
            opened = _opened(edit, item)  # under a heading this edit inserted ("10.8.1" under a new "10.8")
            further = opened is not None and label.startswith(opened.rstrip(".") + ".")
            assert lettered or (shape(label) == shape(number) and (further or value(label) > value(number))), (
                *where,
                number,
            )
        checked += 1
    return checked


_LABELS: dict[int, str] = {}  # id of an inserted heading item -> the number LibreOffice showed at it


def _opened(edit: Edit, item: dict) -> str | None:
    """The number shown at the edit's first item when ``item`` copies a paragraph after that item's own
    source: it is in the list the new heading opens."""
    first = edit.paragraphs[0]
    if item is first or "like" not in first or item.get("like", edit.index) <= first["like"]:
        return None
    return _LABELS.get(id(first))


def test_a_clause_added_after_a_lead_in_list_is_numbered_as_a_clause_not_as_its_next_item(libreoffice):
    redline = engine.redline(lead_in_contract(), author="noai", date=DATE, options=engine.Options())
    [result] = libreoffice([redline.docx], pdf_text=True)
    assert result["ok"], result["load_error"]
    found = labels(redline, result["pdf_text"])
    assert found
    for start, label in found:
        assert re.fullmatch(r"2\.\d+", label), (start, label)  # a sub-clause of 2, never "(d)"
    assert check_numbers("lead-in", redline, result["pdf_text"]) > len(found)


def test_new_clauses_and_continued_sub_clauses_show_the_numbers_of_their_sequence(libreoffice):
    from test_lead_in_placement import CASES
    from test_new_clause_heading import bold_titles, numbered_headings, typed_headings
    from test_strategy import ASSIGNMENT

    docs = {
        "numbered headings": numbered_headings(),
        "bold titles": bold_titles(),
        "typed headings": typed_headings(),
        "typed sub-clauses": ASSIGNMENT,
        **CASES,
    }
    redlines = {name: engine.redline(d, author="noai", date=DATE, options=engine.Options()) for name, d in docs.items()}
    results = libreoffice([r.docx for r in redlines.values()], pdf_text=True)
    for (name, redline), result in zip(redlines.items(), results, strict=True):
        assert result["ok"], (name, result["load_error"])
        assert check_numbers(name, redline, result["pdf_text"]), name
        labelled = {item["text"]: label for _, item, label, _ in each_label(redline, result["pdf_text"])}
        if name == "numbered headings":
            assert labelled["No AI Training"] == "3."
        if name == "typed sub-clauses":
            closing = next(t for t in labelled if t.startswith("Clauses 2.3 to 2.5 apply"))
            assert labelled[closing] == ""  # the closing sentence is no sub-clause of its own


def test_no_inserted_clause_of_a_corpus_contract_is_numbered_as_a_lead_in_lists_item(libreoffice):
    redlines = {
        name: engine.redline(source(name), author="noai", date=DATE, options=engine.Options(we="creator"))
        for name in DOCUMENTS
    }
    results = libreoffice([r.docx for r in redlines.values()], pdf_text=True)
    checked = 0
    for (name, redline), result in zip(redlines.items(), results, strict=True):
        assert result["ok"], (name, result["load_error"])
        for edit, (start, label) in zip(
            (e for e in redline.plan.edits if e.op == "insert_after"), labels(redline, result["pdf_text"]), strict=True
        ):
            if ITEM_LABEL.match(label):  # an item marker only where the anchor itself is such an item
                anchor = redline.audit.paragraphs[edit.index]
                assert anchor.label and ITEM_LABEL.match(anchor.label), (name, start, label, anchor.label)
        checked += check_numbers(name, redline, result["pdf_text"])
    assert checked
