"""The bare title of a clause is part of the clause: "Governing Law" over "This Agreement is governed by
…", "Grant of Patent Licence:" over the grant, a cover-page row label over its value. The clause's
finding names its title's paragraph (attribute ``titles``); a title that names no kind, or names a kind
its section does not hold, titles nothing. The confidentiality clause is its title and first paragraph."""

from __future__ import annotations

from noai.analysis.audit import audit_paragraphs
from noai.analysis.classify import classify
from noai.analysis.terms import DefinedTerms, Term
from noai.ooxml.model import Paragraph

PARTIES = 'Northwind Atlas BV (the "Studio") and Kestrel Freight plc (the "Client").'
TERMS = DefinedTerms(
    client=Term("Client", "the Client", defined_at=0),
    provider=Term("Studio", "the Studio", defined_at=0),
    creator="provider",
)


def document(*sections: tuple[str, list[str]], numbered: bool = True) -> list[Paragraph]:
    """The parties, then sections: a heading paragraph (numbered "N Title" in the path) and its body."""
    out = [Paragraph(index=0, text=PARTIES, original_text=PARTIES)]
    for n, (title, body) in enumerate(sections, 1):
        path = (f"{n} {title}",) if numbered else ()
        out.append(
            Paragraph(
                index=len(out), text=title, original_text=title, is_heading=True, section_path=path, heading=title
            )
        )
        for text in body:
            out.append(Paragraph(index=len(out), text=text, original_text=text, section_path=path, heading=title))
    return out


def titles(paragraphs: list[Paragraph]) -> dict[int, set[str]]:
    """Title paragraph -> the kinds of the clauses it titles."""
    out: dict[int, set[str]] = {}
    for f in classify(paragraphs, TERMS):
        for i in f.attributes.get("titles", ()):
            out.setdefault(i, set()).add(f.kind)
    return out


def test_a_governing_law_heading_over_a_choice_of_law_is_a_title_of_that_clause():
    paragraphs = document(
        ("Fees", ["The Client shall pay the invoices within thirty days."]),
        ("Governing Law and Venue", ["This Agreement is governed by the laws of the Netherlands."]),
    )
    (law,) = [f for f in classify(paragraphs, TERMS) if f.kind == "governing_law"]
    assert (law.start, law.attributes["titles"]) == (4, [3])
    assert 1 not in titles(paragraphs)  # "Fees" names no kind


def test_a_licence_heading_with_a_typed_number_and_a_colon_is_the_title_of_its_grant():
    paragraphs = document(
        (
            "3.\tGrant of Patent Licence:",
            ["The Studio hereby grants to the Client a non-exclusive licence to use the Deliverables."],
        ),
    )
    assert titles(paragraphs) == {1: {"license_grant"}}


def test_a_title_over_a_section_without_its_kind_is_no_finding():
    paragraphs = document(
        ("Licence Fees", ["The Client shall pay the licence fee of 5,000 euros."]),
        ("Governing Law", ["The parties shall meet every month to discuss progress."]),
        ("Assignment of Rights", ["Neither party may assign this Agreement without consent."]),
    )
    assert titles(paragraphs) == {}


def test_a_title_covers_a_grant_deeper_in_its_section_but_not_one_in_the_next_section():
    paragraphs = document(
        ("Licences", ["General", "The Studio hereby grants the Client a licence to display the Deliverables."]),
        ("Licence Term", []),
        ("Warranties", ["The Studio hereby grants the Client a licence to copy the Deliverables."]),
    )
    found = titles(paragraphs)
    assert found.get(1) == {"license_grant"}
    assert 4 not in found  # "Licence Term" heads an empty section: the grant below belongs to "Warranties"


def test_a_cover_page_row_label_is_the_title_of_the_row_value():
    rows = ["Governing Law", "The laws of England and Wales", "Notice Address", "1 Harbour Road, Leeds"]
    paragraphs = [Paragraph(index=0, text=PARTIES, original_text=PARTIES)]
    paragraphs += [Paragraph(index=i, text=t, original_text=t, in_table=True) for i, t in enumerate(rows, 1)]
    assert titles(paragraphs) == {1: {"governing_law"}}


def test_work_made_for_hire_and_moral_rights_titles_are_found_with_their_clauses():
    paragraphs = document(
        ("Works Made for Hire", ["All Deliverables are works made for hire and the Client is their author."]),
        ("Moral Rights", ["The Studio waives all moral rights in the Deliverables."]),
    )
    assert titles(paragraphs) == {1: {"work_made_for_hire"}, 3: {"moral_rights_waiver"}}


def test_a_run_in_title_or_a_sentence_is_no_bare_title():
    run_in = "Governing Law. This Agreement is governed by the laws of Ireland."
    paragraphs = [
        Paragraph(index=0, text=PARTIES, original_text=PARTIES),
        Paragraph(
            index=1,
            text=run_in,
            original_text=run_in,
            is_heading=True,
            run_in_title="Governing Law",
            section_path=("1",),
        ),
    ]
    assert titles(paragraphs) == {}


def test_titles_are_named_by_their_clauses_and_move_neither_the_score_nor_the_places():
    paragraphs = document(
        (
            "Licence",
            ["The Studio hereby grants the Client a perpetual licence to use the Deliverables for any purpose."],
        ),
        ("Governing Law", ["This Agreement shall be governed by the laws of Scotland."]),
    )
    result = audit_paragraphs(paragraphs, TERMS)
    titled = {(f.kind, f.start, tuple(f.attributes["titles"])) for f in result.findings if "titles" in f.attributes}
    assert titled == {("license_grant", 2, (1,)), ("governing_law", 4, (3,))}
    assert {f.start for f in result.findings} == {2, 4}  # no finding of its own at a title
    assert all(place.index not in (1, 3) for place in result.places.values())


def confidentiality(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in classify(paragraphs, TERMS) if f.kind == "confidentiality"]


def test_the_confidentiality_clause_is_its_title_and_first_paragraph_not_every_duty_or_definition():
    paragraphs = document(
        (
            "Definitions",
            ['"Confidential Information" means any non-public information a party discloses to the other.'],
        ),
        (
            "Confidentiality",
            [
                "The Studio shall keep confidential all information the Client gives it about its routes.",
                "The Client shall hold the Studio's drafts in strict confidence.",
                "Neither party will disclose the other's Confidential Information to a competitor.",
            ],
        ),
    )
    assert confidentiality(paragraphs) == [(3, 4)]


def test_without_a_confidentiality_title_the_first_duty_of_confidence_is_the_clause():
    paragraphs = document(
        (
            "Definitions",
            ['"Confidential Information" means any non-public information a party discloses to the other.'],
        ),
        (
            "General",
            [
                "The Studio shall keep confidential all information the Client gives it.",
                "The Client shall hold the Studio's drafts in strict confidence.",
            ],
        ),
    )
    assert confidentiality(paragraphs) == [(4, 4)]


def test_a_lone_definition_of_confidential_information_is_still_reported():
    paragraphs = document(
        ("Definitions", ['"Confidential Information" means any non-public information a party discloses.']),
    )
    assert confidentiality(paragraphs) == [(2, 2)]
