"""Issue 15, "only the document's words": a term the inserted clauses need and the document lacks is
defined where a lawyer would put it: appended to the document's definitions clause (in its style) when
it has one, else in an opening "In this clause, …" sentence of the inserted clause."""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p, r
from test_strategy import ASSIGNMENT, DATE, PARTIES, planned
from test_writer import accepted

from noai import engine
from noai.ooxml.document import read_document

WITH_DEFINITIONS = make_docx(
    "".join(
        [
            p("SERVICES AGREEMENT"),
            p(PARTIES),
            p("1. Definitions"),
            p('"Fees" shall mean the fees set out in the schedule.', style="ListParagraph"),
            p('"Work" shall mean the cover artwork the Studio designs for the Client.', style="ListParagraph"),
            p("2. Intellectual Property"),
            p("2.1 The Studio hereby assigns to the Client all right, title and interest in the Work."),
            p("2.2 The Studio waives its moral rights in the Work to the extent permitted by law."),
            p("3. General"),
            p("3.1 This agreement is governed by the laws of England."),
            p("Signed for the Studio: ____________"),
        ]
    )
    + "<w:sectPr/>"
)


def insertions(plan):
    return [e for e in plan.edits if e.op == "insert_after"]


def test_new_terms_are_appended_to_the_documents_definitions_clause_in_its_style():
    plan = planned(WITH_DEFINITIONS)
    first = insertions(plan)[0]
    assert first.clause == "definitions" and [e.clause for e in insertions(plan)].count("no-ai-training") == 1
    assert first.anchor_text.startswith('"Work" shall mean')
    texts = [q["text"] for q in first.paragraphs]
    assert any(t.startswith('"Prohibited AI Use" shall mean') for t in texts)
    assert all(t.startswith('"') and " shall mean " in t for t in texts)
    assert not any("title" in q for q in first.paragraphs)
    rest = " ".join(q["text"] for e in insertions(plan)[1:] for q in e.paragraphs)
    assert " means " not in rest and "In this clause" not in rest


def test_the_definitions_written_into_the_docx_take_the_definitions_clause_style_and_place():
    out = engine.redline(WITH_DEFINITIONS, author="noai", date=DATE, options=engine.Options(variant="standard")).docx
    texts = accepted(out)
    doc = read_document(out)  # the current text: the pending insertions included
    assert [q.text for q in doc.paragraphs] == texts
    at = next(i for i, t in enumerate(texts) if t.startswith('"Prohibited AI Use" shall mean'))
    assert (
        texts.index("2. Intellectual Property")
        > at
        > texts.index('"Work" shall mean the cover artwork the Studio designs for the Client.')
    )
    assert doc.paragraphs[at].style_id == "ListParagraph"


def test_without_a_definitions_clause_the_terms_open_the_inserted_clause_in_one_sentence():
    plan = planned(ASSIGNMENT)
    covenant = next(e for e in insertions(plan) if e.clause == "no-ai-training")
    first = covenant.paragraphs[0]["text"]
    # in straight quotes, as the contract quotes its own terms ('(the "Work")')
    assert first.startswith(('In this clause, "', 'In this agreement, "'))
    assert '; and "Prohibited AI Use" means' in first
    assert sum(q["text"].startswith(('"', "“")) for q in covenant.paragraphs) == 0
    # one sub-clause, one number (2.3): its numbered first paragraph carries the run-in title, the rest continue it
    assert covenant.paragraphs[0].get("title") and all(q.get("continued") for q in covenant.paragraphs[1:])


def test_terms_only_the_clause_itself_uses_are_defined_for_this_clause():
    docx = make_docx(
        "".join(
            p(t)
            for t in (
                "DESIGN CONTRACT",
                PARTIES,
                '1. The Studio shall design the illustrations for the Client (the "Artwork").',
                "2. The Studio grants the Client a non-exclusive licence to reproduce the Artwork in the book.",
                "3. This agreement is governed by the laws of England.",
            )
        )
        + "<w:sectPr/>"
    )
    plan = planned(docx)
    openings = [e.paragraphs[0]["text"] for e in insertions(plan) if e.paragraphs[0]["text"].startswith("In ")]
    # typed 1, 2, 3 paragraphs of an English-law contract that never names its unit: "this paragraph" (fixn)
    assert openings and all(o.startswith(("In this paragraph, ", "In this agreement, ")) for o in openings)


def test_the_definitions_run_ends_at_the_next_clause_so_a_later_means_sentence_is_not_taken_for_it():
    from noai.analysis.facts import definitions_run
    from noai.ooxml.document import read_document as read

    docx = make_docx(
        "".join(
            p(t)
            for t in (
                "1. Definitions",
                '"Fees" means the fees set out in the schedule, payable in accordance with clause 4.',
                '"Work" means the cover artwork the Studio designs for the Client under this agreement.',
                "2. Services. The Studio shall design the Work with reasonable skill and care, to the brief.",
                '"Brief" means the Client\'s written description of the Work, as updated from time to time.',
            )
        )
        + "<w:sectPr/>"
    )
    assert definitions_run(read(docx).paragraphs) == (2, True, False, False, False)
    assert definitions_run(read(ASSIGNMENT).paragraphs) is None


COLON_DEFINITIONS = make_docx(
    "".join(
        p(t)
        for t in (
            "ILLUSTRATION AGREEMENT",
            PARTIES,
            "1.\tDEFINITIONS",
            "1.1\tIn this agreement these words have the meanings below.",
            "Artwork: the cover illustration and the chapter vignettes the Studio draws for the Client.",
            "Launch Date: the date the Client first offers the book for sale.",
            "2.\tRIGHTS",
            "2.1\tThe Studio grants the Client a licence to print the Artwork in the book and its reprints.",
            "3.\tLAW",
            "3.1\tThis agreement, and any dispute arising from it, is governed by the law of England and Wales.",
        )
    )
    + "<w:sectPr/>"
)


def test_new_terms_follow_a_term_colon_meaning_definitions_clause_in_that_form():
    plan = planned(COLON_DEFINITIONS)
    definitions = [e for e in insertions(plan) if e.clause == "definitions"]
    texts = [q.text for q in read_document(COLON_DEFINITIONS).paragraphs]
    assert [e.index for e in definitions] == [
        texts.index("Launch Date: the date the Client first offers the book for sale.")
    ]
    written = [item["text"] for item in definitions[0].paragraphs]
    assert written and all(re.match(r"[A-Z][\w -]+: \S", t) and "means" not in t.split(":")[0] for t in written)
    # the clauses themselves no longer open with a definition
    assert not [e for e in insertions(plan) if e.clause != "definitions" and e.paragraphs[0]["text"].startswith("In ")]


TWO_LEVELS = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
ARTWORK = "the cover illustration and the chapter vignettes the Studio draws for the Client;"
LAUNCH = "the date the Client first offers the book for sale."


def colon_definitions(first: str, second: str, *, word_numbered: bool = False, bold: bool = False) -> bytes:
    """An illustration agreement whose clause 1 lists its terms as ``first`` / ``second`` (``{term}``
    and ``{meaning}`` filled in), typed-numbered or Word-numbered, the term bold or not."""

    def entry(form: str, term: str, meaning: str) -> str:
        head, tail = form.split("{meaning}")
        head = head.format(term=term)
        runs = (r(head, b=True), tail.format(meaning=meaning) or meaning) if bold else (head + meaning,)
        return p(*runs, numbering=(1, 1) if word_numbered else None)

    heading = p("Definitions", numbering=(1, 0)) if word_numbered else p("1.\tDEFINITIONS")
    body = [
        p("ILLUSTRATION AGREEMENT"),
        p(PARTIES),
        heading,
        entry(first, "Artwork", ARTWORK),
        entry(second, "Launch Date", LAUNCH),
        p("Rights", numbering=(1, 0)) if word_numbered else p("2.\tRIGHTS"),
        p(
            ("" if word_numbered else "2.1\t")
            + "The Studio grants the Client a licence to print the Artwork in the book and its reprints."
        ),
        p("Law", numbering=(1, 0)) if word_numbered else p("3.\tLAW"),
        p(
            ("" if word_numbered else "3.1\t")
            + "This agreement, and any dispute arising from it, is governed by the law of England and Wales."
        ),
    ]
    return make_docx("".join(body) + "<w:sectPr/>", numbering=TWO_LEVELS if word_numbered else None)


COLON_FORMS = {
    # name: (the two entries' forms, how a new entry must read, Word-numbered, bold terms)
    "curly quotes, typed (a) (b)": (("(a)\t“{term}”: {meaning}", "(b)\t“{term}”: {meaning}"), r"“[^”]+”: \S", False),
    "straight quotes, typed 1.1 1.2": (('1.1\t"{term}": {meaning}', '1.2\t"{term}": {meaning}'), r'"[^"]+": \S', False),
    "bare terms, Word-numbered": (("{term}: {meaning}", "{term}: {meaning}"), r"[A-Z][\w ]+: \S", True),
    "curly quotes, Word-numbered": (("“{term}”: {meaning}", "“{term}”: {meaning}"), r"“[^”]+”: \S", True),
}


@pytest.mark.parametrize("bold", [False, True], ids=["plain", "bold terms"])
@pytest.mark.parametrize("form", list(COLON_FORMS))
def test_new_terms_join_a_colon_style_definitions_list_in_its_quotes_and_numbering(form, bold):
    forms, written_as, word_numbered = COLON_FORMS[form]
    docx = colon_definitions(*forms, word_numbered=word_numbered, bold=bold)
    plan = planned(docx)
    texts = [q.text for q in read_document(docx).paragraphs]
    definitions = [e for e in insertions(plan) if e.clause == "definitions"]
    assert [e.index for e in definitions] == [next(i for i, t in enumerate(texts) if LAUNCH in t)]
    entries = [item["text"] for item in definitions[0].paragraphs]
    assert entries and all(re.match(written_as, t) and " means " not in t.split(":")[0] for t in entries), entries
    assert not [e for e in insertions(plan) if e.clause != "definitions" and e.paragraphs[0]["text"].startswith("In ")]
    if word_numbered:  # the new entries are numbered as the entries they join
        red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant="standard"))
        new = [q for q in engine.read(red.docx).paragraphs if not q.original_text and re.match(written_as, q.text)]
        assert new and all((q.label or "").startswith("1.") for q in new), [(q.label, q.text[:20]) for q in new]
