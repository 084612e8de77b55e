"""An alphabetical definitions list written as one sentence, without "(a) (b)" letters, takes the new terms each at
its alphabetical place and keeps its punctuation: every entry ends with ";", the next-to-last with "; and", the
last with "." (issue 15). The document's own entries whose end must change get it as a tracked change: the "and"
of an entry no longer next-to-last struck, a full stop that no longer ends the list made ";" (or "; and"). A list
without the "and" ("…;" / "… .") gets none.

Two shapes of our own: a services agreement's quoted terms ("“Brief” means …;") whose new terms all sort before
its last entry, and a typed-numbered licence's colon terms ("Charges: …;") whose new terms sort after its last
entry too; a list whose entries are sentences of their own keeps its full stops.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from test_review_synthetic import DATE
from test_writer import accepted, rejected

from noai import engine
from noai.planning.definitions import join_definitions_list
from noai.planning.edit import DEFINITIONS, Edit

VARIANTS = ["strict", "standard", "minimal"]

QUOTED = (
    "DESIGN SERVICES AGREEMENT",
    'This agreement is made between Lumen Studio Ltd ("Studio") and Orrery Foods Ltd ("Client").',
    "1. Definitions",
    "In this agreement:",
    "“Brief” means the Client's written description of the designs it wants;",
    "“Deliverables” means the designs Studio creates in performing the Services;",
    "“Fees” means the fees in the Schedule; and",
    "“Services” means the design services in the Schedule.",
    "2. Licence",
    "Studio grants Client a perpetual licence to use the Deliverables for any purpose.",
    "3. General",
    "This agreement is governed by the laws of England and Wales.",
)

COLON = (
    "CONTENT LICENCE",
    "This licence is made between Harrow Lane Photography Ltd (the Photographer) and Penfold Travel plc (the "
    "Publisher).",
    "1. Interpretation",
    "1.1 In this licence:",
    "Brief: the Publisher's written description of the photographs it wants;",
    "Charges: the sums set out in the Schedule;",
    "Commencement Date: the date of this licence; and",
    "Images: the photographs the Photographer takes under the Brief.",
    "2. Licence",
    "2.1 The Photographer grants the Publisher a perpetual licence to use the Images for any purpose.",
    "3. Law",
    "3.1 This licence is governed by the law of England and Wales.",
)


def docx(lines: tuple[str, ...]) -> bytes:
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def the_list(texts: list[str], lead_in: str, after: str) -> list[str]:
    """The entries between the list's lead-in and the heading after it."""
    return texts[texts.index(lead_in) + 1 : texts.index(after)]


def term(entry: str) -> str:
    return re.match(r"^“?([^”:]+)”?(?::| means)", entry).group(1)


def punctuated_as_one_sentence(entries: list[str]) -> bool:
    ends = [";"] * (len(entries) - 2) + ["; and", "."]
    return all(
        e.endswith(end) and (end != ";" or not e.endswith("; and")) for e, end in zip(entries, ends, strict=True)
    )


def definition_edits(red: engine.Redline) -> list[engine.Edit]:
    return [e for e in red.plan.edits if e.clause == "definitions"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_new_terms_join_an_unlettered_alphabetical_list_with_its_punctuation(variant):
    original = docx(QUOTED)
    red = engine.redline(original, author="noai", date=DATE, options=engine.Options(variant=variant))
    edits = definition_edits(red)
    # the plan: our entries end ";" (none is last), the one before "Services" "; and", and the document's "and"
    # before its last entry is struck
    ours = [q["text"] for e in edits if e.op == "insert_after" for q in e.paragraphs]
    assert ours[-1].startswith("“Protected Materials”") and ours[-1].endswith("; and"), ours
    assert all(t.endswith(";") for t in ours[:-1]), ours
    (struck,) = [e for e in edits if e.op == "replace"]
    assert (struck.anchor_text, struck.find, struck.replacement) == (QUOTED[6], " and", "")
    # the written .docx, changes accepted: one sentence, in alphabetical order, the document's entries kept
    entries = the_list(accepted(red.docx), "In this agreement:", "2. Licence")
    assert [term(e) for e in entries] == sorted((term(e) for e in entries), key=str.lower), entries
    assert {"Brief", "Deliverables", "Fees", "Services", "AI System"} <= {term(e) for e in entries}
    assert punctuated_as_one_sentence(entries), entries
    assert entries[-1] == QUOTED[7] and "“Fees” means the fees in the Schedule;" in entries
    assert rejected(red.docx) == list(QUOTED)


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_term_sorting_after_the_last_entry_ends_the_list_and_the_old_last_entry_takes_a_semicolon(variant):
    original = docx(COLON)
    red = engine.redline(original, author="noai", date=DATE, options=engine.Options(variant=variant))
    entries = the_list(accepted(red.docx), "1.1 In this licence:", "2. Licence")
    terms = [term(e) for e in entries]
    assert terms == sorted(terms, key=str.lower) and terms.index("Images") < len(terms) - 1, terms
    assert punctuated_as_one_sentence(entries), entries
    assert "Commencement Date: the date of this licence;" in entries  # its "and" struck
    assert "Images: the photographs the Photographer takes under the Brief;" in entries  # its full stop a ";"
    changes = {(e.find, e.replacement) for e in definition_edits(red) if e.op == "replace"}
    assert changes == {(" and", ""), (".", ";")}
    assert rejected(red.docx) == list(COLON)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_list_of_semicolons_without_an_and_takes_no_and(variant):
    lines = tuple(t.replace("; and", ";") for t in COLON)
    red = engine.redline(docx(lines), author="noai", date=DATE, options=engine.Options(variant=variant))
    entries = the_list(accepted(red.docx), "1.1 In this licence:", "2. Licence")
    assert len(entries) > 4 and all(e.endswith(";") and " and" not in e[-5:] for e in entries[:-1]), entries
    assert entries[-1].endswith(".") and "Images: the photographs the Photographer takes under the Brief;" in entries
    changes = [(e.find, e.replacement) for e in definition_edits(red) if e.op == "replace"]
    assert changes == [(".", ";")]
    assert rejected(red.docx) == list(lines)


def test_a_list_of_sentences_keeps_its_full_stops():
    lines = tuple(re.sub(r"(; and|;)$", ".", t) if t.startswith("“") else t for t in QUOTED)
    red = engine.redline(docx(lines), author="noai", date=DATE)
    assert not [e for e in definition_edits(red) if e.op == "replace"]
    entries = the_list(accepted(red.docx), "In this agreement:", "2. Licence")
    assert len(entries) > 4 and all(e.endswith(".") for e in entries), entries


@pytest.mark.libreoffice
def test_libreoffice_rejects_the_joined_lists_to_the_contracts_and_accepts_them_punctuated(libreoffice):
    no_and = tuple(t.replace("; and", ";") for t in COLON)
    shapes = [
        (QUOTED, "In this agreement:", "; and"),
        (COLON, "1.1 In this licence:", "; and"),
        (no_and, "1.1 In this licence:", ";"),
    ]
    results = libreoffice([engine.redline(docx(lines), author="noai", date=DATE).docx for lines, _, _ in shapes])
    for result, (lines, lead_in, closing) in zip(results, shapes, strict=True):
        assert result["rejected_paragraphs"] == list(lines)
        entries = the_list(result["accepted_paragraphs"], lead_in, lines[lines.index(lead_in) + 5])
        assert len(entries) > 4 and entries[-1].endswith(".") and entries[-2].endswith(closing), entries
        assert all(e.endswith(";") and not e.endswith("and") for e in entries[:-2]), entries


def test_one_entry_after_a_lettered_list_makes_the_last_entry_next_to_last_with_its_and():
    lines = (
        "LICENCE",
        "1. Definitions",
        "(a) “Brief” means the Client's written description of the work;",
        "(b) “Services” means the design services in the Schedule; and",
        "(c) “Work” means the designs made under the Brief.",
        "2. Licence",
    )
    result = engine.audit(docx(lines))
    ours = Edit("", "insert_after", 4, lines[4], DEFINITIONS, "standard", None, paragraphs=({"text": "“X” means y."},))
    (joined,), changes = join_definitions_list(result, [ours])
    assert [q["text"] for q in joined.paragraphs] == ["“X” means y."]
    assert [(c.index, c.find, c.replacement) for c in changes] == [(3, " and", ""), (4, ".", "; and")]
