"""Our clauses cite themselves by number (issue 15, review12's "still missing" 1 and 2).

The covenant closes with "This clause applies to the fullest extent permitted by law, survives the termination …".
Where we insert several clauses (the covenant, the reservation, the indemnity …), that sentence reached only the
first of them: in the picture book, paragraph 7A said it and 7B-7F did not. It now cites them all, as a drafter
does ("Paragraphs 7A to 7F apply … and survive …"). And where our clause is a sub-clause ("4.3" in "4. Use of
Artificial Intelligence"), "this Section" may read as all of Section 4, the other party's own duties included: it
says "this Section 4.3". A top-level clause ("7A") keeps "this paragraph", which cannot be misread.

Checked on the picture book (typed paragraphs under unnumbered headings) and on the agency MSA (a second shape:
decimal sub-clauses, Sections), in the plan, the written .docx and LibreOffice's reading.
"""

from __future__ import annotations

import re

import pytest
from test_review_synthetic import DATE, redline, source

from noai import engine
from noai.analysis.facts import parts_cited, survival_list, survival_with

VARIANTS = ("strict", "standard", "minimal")
APPLIES = re.compile(r"\b(?:Paragraphs|Sections|Clauses) (\S+) (?:to|and) (\S+) apply to the (?:fullest )?extent")


def test_the_survival_sentence_of_the_first_of_several_clauses_names_them_all():
    assert parts_cited(
        "This Section applies to the extent permitted by law and survives any termination.", "", ["9.2", "9.3", "9.4"]
    ) == ("Sections 9.2 to 9.4 apply to the extent permitted by law and survive any termination.")
    assert parts_cited(
        "Other terms. This clause applies and survives termination, and binds heirs.", "", ["6A", "6B"]
    ) == ("Other terms. Clauses 6A and 6B apply and survive termination, and bind heirs.")
    assert parts_cited("This paragraph applies and survives.", "", ["7B", "3A", "7A"]) == (
        "Paragraphs 3A, 7A and 7B apply and survive."  # in the document's order, whatever the order inserted
    )
    # a covenant numbered paragraph by paragraph cited its number already ("This clause 2.3 applies")
    assert parts_cited("This clause 2.3 applies and survives.", "2.3", ["2.3", "2.4", "2.5"]) == (
        "Clauses 2.3 to 2.5 apply and survive."
    )


def test_a_sub_clause_calls_itself_by_its_number_and_a_top_level_clause_by_its_word():
    text = "This Section does not restrict the Client's own use, as protective as this Section. This Section applies."
    assert parts_cited(text, "4.3", ["4.3"]) == (
        "This Section 4.3 does not restrict the Client's own use, as protective as this Section 4.3. "
        "This Section 4.3 applies."
    )
    assert parts_cited(text, "7A", ["7A"]) == text  # "this paragraph 7A" would add nothing
    assert parts_cited("This clause 2.3 applies.", "2.3", ["2.3"]) == "This clause 2.3 applies."
    assert parts_cited("This Agreement applies.", "4.3", ["4.3", "4.4"]) == "This Agreement applies."


def test_a_survival_list_cites_two_neighbours_as_two_numbers_not_a_range():
    found = survival_list(["Section 3 survives termination."])
    assert found is not None and survival_with(found, ["4.3", "4.4"]) == (
        "Sections 3, 4.3 and 4.4 survive",
        "4.3 and 4.4",
    )


def inserted_numbers(name: str, red: engine.Redline, pattern: str) -> list[str]:
    """The typed or Word numbers of the paragraphs our redline of contract ``name`` inserted, as the written
    .docx shows them."""
    before = {q.text for q in engine.read(source(name)).paragraphs}
    return [
        n
        for q in engine.read(red.docx).paragraphs
        if q.text not in before and (n := (q.label or typed(q.text)).rstrip(".")) and re.fullmatch(pattern, n)
    ]


def typed(text: str) -> str:
    m = re.match(r"(\d+[A-Z]?(?:\.\d+)*)\.?\s", text)
    return m[1] if m else ""


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("name", "word", "numbers"),
    [("uk-picture-book", "Paragraphs", r"7[A-Z]"), ("agency-msa-sow", "Sections", r"2\.\d+")],
)
def test_our_survival_sentence_cites_every_clause_we_insert_in_the_plan_and_the_written_docx(
    name, word, numbers, variant
):
    red = redline(name, variant)
    ours = inserted_numbers(name, red, numbers)
    assert len(ours) >= 2, ours
    closing = [p["text"] for e in red.plan.edits for p in e.paragraphs if APPLIES.search(p["text"])]
    assert len(closing) == 1, closing
    cited = APPLIES.search(closing[0])
    assert cited is not None and (cited[1], cited[2]) == (ours[0], ours[-1]) and closing[0].count(word) >= 1
    assert (" and " if len(ours) == 2 else " to ") in cited[0]
    written = [q.text for q in engine.read(red.docx).paragraphs]
    assert any(closing[0] in t for t in written)
    assert not any(re.search(r"\bThis (?:paragraph|Section|clause) applies\b", t) for t in written)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_agency_msa_covenant_calls_itself_section_2_4_not_this_section(variant):
    red = redline("agency-msa-sow", variant)
    ours = [p["text"] for e in red.plan.edits if e.clause == "no-ai-training" for p in e.paragraphs]
    assert ours and not any(re.search(r"\b[Tt]his Section\b(?! 2\.4\b)", t) for t in ours), ours
    assert variant != "minimal" or any("This Section 2.4 does not restrict" in t for t in ours)


def test_the_picture_book_keeps_this_paragraph_for_its_top_level_paragraph_7a():
    ours = [p["text"] for e in redline("uk-picture-book", "strict").plan.edits for p in e.paragraphs]
    assert any("at least as protective as this paragraph," in t for t in ours)
    assert not any(re.search(r"\bthis paragraph 7", t) for t in ours)


@pytest.mark.libreoffice
def test_libreoffice_reads_the_cited_range_and_rejects_it_to_the_contract(libreoffice):
    red = redline("uk-picture-book", "strict")
    result, original = libreoffice([red.docx, source("uk-picture-book")])
    assert result["rejected_paragraphs"] == original["paragraphs"]
    accepted = result["accepted_paragraphs"]
    assert any("Paragraphs 7A to 7F apply to the fullest extent permitted by law" in t for t in accepted)
    assert [t[:3] for t in accepted if re.match(r"7[A-Z]\. ", t)] == [f"7{c}." for c in "ABCDEF"]


CITED = re.compile(r"\b(?:Paragraphs|Sections|Clauses) (.+?) apply to the (?:fullest )?extent")


def expanded(cited: str, shown: list[str]) -> list[str]:
    """The numbers a citation ("1.4 to 1.8, 2.4 and 2.5") names, its ranges read along ``shown``."""
    out: list[str] = []
    for piece in re.split(r", | and ", cited):
        first, _, last = piece.partition(" to ")
        out += shown[shown.index(first) : shown.index(last or first) + 1]
    return out


@pytest.mark.libreoffice
def test_the_numbers_we_cite_are_the_numbers_libreoffice_shows_at_our_clauses(libreoffice):
    """On corpus contracts of every numbering: Word's numbers moved by our new top-level clauses (juniper-eula
    "12." to "16."), Word's sub-clauses in two sections (cp-ai-addendum), titled sub-clauses (ccs-ict, "10.8"
    over "10.8.1"), typed lettered clauses (sap-sample-code-license, "3A." and "9A.")."""
    from test_redline_corpus import source as corpus
    from test_rendered_insertions import each_label

    names = ("juniper-eula", "cp-ai-addendum", "ccs-ict-services-terms-tracked", "sap-sample-code-license")
    reds = [
        engine.redline(corpus(n), author="noai", date=DATE, options=engine.Options(variant="strict", we="creator"))
        for n in names
    ]
    for name, red, result in zip(names, reds, libreoffice([r.docx for r in reds], pdf_text=True), strict=True):
        shown = [
            label.strip().rstrip(".")
            for e, item, label, _ in each_label(red, result["pdf_text"])
            if e.clause != "definitions" and item is e.paragraphs[0] and label.strip()
        ]
        (cited,) = [m[1] for e in red.plan.edits for p in e.paragraphs if (m := CITED.search(p["text"]))]
        assert len(shown) >= 3 and expanded(cited, shown) == shown, (name, cited, shown)
