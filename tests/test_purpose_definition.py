"""The Permitted Purpose is defined from what the document names, and "solely" is said once (issue 15, item 9).

The corpus licence ("for any purpose", no project, no list of media) and the other synthetic contracts: the
definition names the purpose alone (the grant keeps its own media, territory and term), never "the media and
formats contemplated by this License", a list the document does not have; "solely" is said where the purpose
is applied ("solely for the Permitted Purpose"), not again inside the definition.
"""

from __future__ import annotations

import pytest
from support.synthetic_contracts import CONTRACTS
from test_project_fallback import commission, commissioned_project, licence_of_existing
from test_review_synthetic import DATE, inserted_texts, redline

from noai import engine

DEFINED = ("“Permitted Purpose” means", '"Permitted Purpose" means', "Permitted Purpose: ")


def definition(texts: list[str]) -> list[str]:
    return [t for t in texts if any(d in t for d in DEFINED)]


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_no_clause_cites_media_territory_or_a_period_contemplated_by_the_document(name, variant):
    for t in inserted_texts(redline(name, variant)):
        assert "contemplated by" not in t, t


def test_the_corpus_licences_permitted_purpose_is_its_own_business_and_solely_is_said_once():
    red = redline("corpus-licence", "strict")
    defined = definition(inserted_texts(red))
    assert defined and all("for Licensee's own business, excluding any Prohibited AI Use" in t for t in defined)
    assert not any("solely" in t for t in defined)
    solely_once(red.docx)


@pytest.mark.parametrize(
    ("docx", "purpose"),
    (
        (licence_of_existing, "Licensee's own business"),
        (commission, "the purpose of this Licence"),  # it never speaks of a project (REVIEW10 4)
        (commissioned_project, "the project described in this Licence"),
    ),
    ids=("existing-images", "commissioned-photographs", "commissioned-project"),
)
@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_picture_licences_permitted_purpose_names_only_its_purpose(docx, purpose, variant):
    red = engine.redline(docx(), author="noai", date=DATE, options=engine.Options(variant=variant))
    defined = definition(inserted_texts(red))
    assert defined and all(f"for {purpose}, excluding any Prohibited AI Use" in t for t in defined), defined
    assert not any("solely" in t or "contemplated" in t for t in defined)
    solely_once(red.docx)


def solely_once(docx: bytes) -> None:
    """In the written .docx (changes accepted) the purpose is applied with one "solely" and defined without."""
    accepted = [p.text for p in engine.read(docx).paragraphs]
    applied = [t for t in accepted if "solely for the Permitted Purpose" in t]
    assert applied and all(t.count("solely") == 1 for t in applied), applied
    assert [t for t in accepted if any(d in t for d in DEFINED)]
    assert not any("contemplated by" in t for t in accepted)
