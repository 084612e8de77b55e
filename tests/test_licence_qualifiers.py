"""A licence's own limits kept and its takers bound (issue 15, review of session 8), on synthetic contracts of
our own: an exclusion appended to "now known or hereafter devised" goes after the words that still qualify the
grant ("in connection with the Exhibition"), never between them; a licence "in connection with" a thing the
document defines is limited to a purpose, one "in connection with this agreement" is not; a licence the client
may assign binds its assignees to the AI restriction; a creator named in capitals is a person when the document
says so. Each class is tested both ways.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p

from noai import engine
from noai.analysis.audit import audit_document
from noai.analysis.facts import named_purpose, qualifier_end, read_facts
from noai.ooxml.document import read_document

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
GALLERY = (
    "This agreement is made between RUFUS OKONKWO-BELL of 14 Quay Street, Bristol BS1 4DJ "
    "(the \u201cPhotographer\u201d) and Fernhill Arts Trust Limited, a company registered in England "
    "(the \u201cGallery\u201d)."
)


def contract(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def licence(grant: str, *more: str, parties: str = GALLERY) -> bytes:
    return contract(
        "PHOTOGRAPHY LICENCE",
        parties,
        "1. Definitions",
        '1.1 "Exhibition" means the Gallery\'s summer 2027 exhibition "Harbour Light".',
        '1.2 "Photographs" means the twelve photographs the Photographer delivers under this agreement.',
        "2. Licence",
        "2.1 The copyright in the Photographs remains with the Photographer.",
        f"2.2 {grant}",
        *more,
        "3. General",
        "3.1 This agreement is governed by the laws of England.",
    )


def planned(docx: bytes, variant: str):
    return engine.plan(docx, engine.Options(variant=variant))[1]


def written(plan) -> str:
    texts = [q["text"] for e in plan.edits if e.op == "insert_after" for q in e.paragraphs]
    return "\n".join(texts + [e.replacement or "" for e in plan.edits] + [e.comment or "" for e in plan.edits])


def future_media_fix(plan) -> str:
    [fix] = [e for e in plan.edits if e.finding == "future_technologies" and e.op == "replace"]
    return fix.replacement or ""


def accepted_grant(docx: bytes, variant: str) -> str:
    """Clause 2.2 as Word shows it with every tracked change accepted."""
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))
    return next(q.text for q in engine.read(red.docx).paragraphs if q.text.startswith("2.2"))


# -- an exclusion after the grant's qualifiers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("in all media now known or later developed solely for the Exhibition and its catalogue.", True),
        ("in any media now known or later developed throughout the world in relation to the Tour.", True),
        ("in all media now known or later developed, and to sub-license those rights.", False),
        ("in all media now known or later developed and to sub-license those rights.", False),
        ("in all media now known or later developed.", False),
    ],
)
def test_the_words_qualifying_a_grant_after_its_media_are_found_to_their_end(text, kept):
    end = text.index("developed") + len("developed")
    after = qualifier_end(text, end)
    assert (after > end) is kept
    assert after == end or text[after:] == "."


@pytest.mark.parametrize("variant", ["standard", "minimal"])  # strict narrows the media instead
def test_an_exclusion_from_future_media_goes_after_the_purpose_the_grant_names(variant):
    docx = licence(
        "The Photographer grants the Gallery a non-exclusive licence to reproduce the Photographs in all media now "
        "known or later developed solely in connection with the Exhibition and its catalogue."
    )
    grant = accepted_grant(docx, variant)
    assert "now known or later developed solely in connection with the Exhibition and its catalogue, excl" in grant
    assert future_media_fix(planned(docx, variant)).startswith("catalogue, excluding ")  # one word struck


@pytest.mark.parametrize("variant", ["standard"])  # strict narrows the media instead
def test_an_exclusion_from_future_media_with_no_qualifier_after_them_stays_right_after_them(variant):
    docx = licence(
        "The Photographer grants the Gallery a non-exclusive licence to reproduce the Photographs in all media now "
        "known or later developed, and the Gallery shall credit the Photographer."
    )
    assert future_media_fix(planned(docx, variant)) == "now known or later developed, excluding any Prohibited AI Use"


# -- a licence "in connection with" a thing the document defines ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a licence to reproduce the Photographs in connection with the Exhibition and its publicity",
        "a licence to use the Score in relation to the Production",
    ],
)
def test_a_licence_in_connection_with_a_defined_thing_is_read_as_limited(text):
    assert named_purpose(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "a licence to reproduce the Photographs in connection with this Agreement",
        "a licence to reproduce the Photographs in connection with the Agreement",
        "a licence to reproduce the Works in connection with the Works",
        "a licence to reproduce the Photographs in connection with the Gallery's activities",
        "a licence to reproduce the Photographs in connection with the Exhibition and for any other purpose",
    ],
)
def test_a_licence_in_connection_with_the_agreement_or_for_any_purpose_is_not_read_as_limited(text):
    assert named_purpose(text) is None


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_licence_in_connection_with_a_defined_exhibition_gets_no_second_purpose_limit(variant):
    docx = licence(
        "The Photographer grants the Gallery a licence to reproduce the Photographs in connection with the "
        "Exhibition and its publicity."
    )
    plan = planned(docx, variant)
    assert "scope-limitation" not in {e.clause for e in plan.edits}
    assert "Permitted Purpose" not in written(plan)


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_licence_in_connection_with_this_agreement_still_gets_a_purpose_limit(variant):
    docx = licence(
        "The Photographer grants the Gallery a licence to reproduce the Photographs in connection with this agreement."
    )
    assert "Permitted Purpose" in written(planned(docx, variant))


# -- a licence the client may assign --------------------------------------------------------------------------

ASSIGNABLE = "2.3 The Gallery may freely transfer or sublicense the licence in clause 2.2 to any touring venue."
GRANT = "The Photographer grants the Gallery a licence to reproduce the Photographs for the Exhibition."


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_licence_the_gallery_may_transfer_binds_its_assignees_in_writing(variant):
    plan = planned(licence(GRANT, ASSIGNABLE), variant)
    inserted = "\n".join(q["text"] for e in plan.edits if e.op == "insert_after" for q in e.paragraphs)
    assert "as assignee" in inserted and "agree in writing" in inserted
    [takers] = [e for e in plan.edits if e.clause == "retained-materials"]
    assert "clause 2.3" in (takers.comment or "")  # says which clause lets the licence pass
    assert "pre-existing" not in written(plan)  # the creator keeps the work: nothing licensed back


@pytest.mark.parametrize(
    "clause",
    [
        None,
        "2.3 The Gallery may not assign or transfer the licence in clause 2.2.",
        "2.3 The Photographer may assign the benefit of this agreement.",
    ],
)
def test_a_licence_the_gallery_may_not_transfer_gets_no_clause_on_assignees(clause):
    plan = planned(licence(GRANT, *([clause] if clause else [])), "strict")
    assert "retained-materials" not in {e.clause for e in plan.edits}


def test_minimal_adds_no_clause_on_assignees():
    plan = planned(licence(GRANT, ASSIGNABLE), "minimal")
    assert "retained-materials" not in {e.clause for e in plan.edits}


# -- a creator named in capitals -----------------------------------------------------------------------------


def facts_of(parties: str, *texts: str):
    docx = licence(GRANT, *texts, parties=parties)
    return read_facts(audit_document(read_document(docx)))


@pytest.mark.parametrize(
    ("parties", "texts"),
    [
        (GALLERY, ()),  # a home address right after the name
        (
            GALLERY.replace(" of 14 Quay Street, Bristol BS1 4DJ", ""),
            ("2.4 The Gallery shall credit the Photographer as \u201cPhotograph by Rufus Okonkwo-Bell\u201d.",),
        ),
        (
            GALLERY.replace(" of 14 Quay Street, Bristol BS1 4DJ", ""),
            ("2.4 The Photographer asserts his right to be identified as the author of the Photographs.",),
        ),
    ],
)
def test_a_creator_named_in_capitals_is_a_person_where_the_document_says_so(parties, texts):
    assert facts_of(parties, *texts).individual


def test_a_creator_named_in_capitals_with_nothing_saying_it_is_a_person_is_not_taken_for_one():
    parties = GALLERY.replace("RUFUS OKONKWO-BELL of 14 Quay Street, Bristol BS1 4DJ", "HARBOUR LIGHT PICTURES")
    assert not facts_of(parties, "2.4 The Photographer shall keep its records for two years.").individual


def test_an_individual_photographer_named_in_capitals_has_no_officers_in_the_strict_indemnity():
    assert "Photographer's officers" not in written(planned(licence(GRANT), "strict"))
