"""The clauses' "{project}" where the document describes no project (issue 15, class 5: a clause and a
comment must be true of the document): a licence of existing material gets a purpose limit to the
licensee's own business and a note asking the parties to name the purpose, never "the project
described in this Licence"; a commission of new work keeps "the project described in …". Contracts
written for these tests.
"""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p

from noai import engine
from noai.analysis.facts import describes_project

PARTIES = 'This Licence is made between Harrow Picture Library Ltd ("Library") and Quillon Analytics Ltd ("Licensee").'


def contract(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def licence_of_existing(supply: str = "Library will supply the Archive Images to Licensee on a hard drive.") -> bytes:
    return contract(
        "PICTURE LICENCE",
        PARTIES,
        '1. "Archive Images" means the 40,000 photographs held by Library at the date of this Licence.',
        f"2. {supply}",
        "3. Library grants Licensee a non-exclusive licence to use, reproduce and create derivative works of "
        "the Archive Images for any purpose.",
        "4. Licensee will pay Library a licence fee of GBP 80,000.",
    )


def commission() -> bytes:
    return contract(
        "PICTURE LICENCE",
        PARTIES,
        '1. "Archive Images" means the photographs Library will photograph for Licensee under this Licence.',
        "2. Library will photograph the Quillon offices in London and deliver the Archive Images to Licensee.",
        "3. Library grants Licensee a non-exclusive licence to use, reproduce and create derivative works of "
        "the Archive Images for any purpose.",
        "4. Licensee will pay Library a fee of GBP 8,000.",
    )


def words(plan) -> str:
    out = []
    for e in plan.edits:
        out += [q["text"] for q in e.paragraphs] + [e.replacement or "", e.comment or ""]
    return "\n".join(out)


@pytest.mark.parametrize(
    "text",
    [
        "Publisher will deliver the Licensed Corpus to Licensee by secure file transfer.",
        "Library will supply the licensed content within 10 days.",
        "Publisher grants Licensee a licence to use, copy, modify and create derivative works of the Corpus.",
        "Licensee shall not create derivative works of the Licensed Content.",
    ],
)
def test_delivery_or_licence_of_existing_material_describes_no_project(text: str) -> None:
    assert not describes_project([text])


@pytest.mark.parametrize(
    "text",
    [
        "Designer will create a logo and brand guidelines for Client.",
        "The Contractor shall perform the Services described in Schedule 1.",
        "Writer agrees to write four articles of 1,500 words each.",
        "Client engages Mara Quist to photograph the launch event.",
        "Project: redesign of the patient booking app",
        "The Artwork was commissioned by the Publisher.",
    ],
)
def test_making_work_or_performing_services_describes_a_project(text: str) -> None:
    assert describes_project([text])


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_licence_of_existing_images_limits_use_to_the_licensees_own_business(variant: str) -> None:
    plan = engine.plan(licence_of_existing(), engine.Options(variant=variant))[1]
    text = words(plan)
    assert "project described" not in text
    assert '"Permitted Purpose" means use of the Archive Images solely for Licensee\'s own business' in text or (
        '"Permitted Purpose" means use of the Archive Images for Licensee\'s own business' in text
    )
    assert any("describes no project" in n and "Permitted Purpose" in n for n in plan.notes)


def test_the_derivative_works_comment_of_a_licence_of_existing_material_names_no_project() -> None:
    # standard: minimal's comment asks nothing of the purpose (it keeps "for any purpose")
    plan = engine.plan(licence_of_existing(), engine.Options(variant="standard"))[1]
    comments = [e.comment for e in plan.edits if e.finding == "derivative_works" and e.comment]
    assert comments
    assert all("project described" not in c for c in comments)
    assert any("allowed only for Licensee's own business" in c for c in comments)


def test_the_purpose_clause_comment_asks_the_parties_to_name_the_purpose() -> None:
    plan = engine.plan(licence_of_existing(), engine.Options(variant="standard"))[1]
    scope = next(e for e in plan.edits if e.clause == "scope-limitation")
    assert "describes no project" in (scope.comment or "")
    assert "should name the purpose" in (scope.comment or "")


def test_a_commission_of_new_photographs_names_the_purpose_of_the_licence_not_a_project_it_never_mentions() -> None:
    plan = engine.plan(commission(), engine.Options(variant="standard"))[1]
    text = words(plan)
    assert "the purpose of this Licence" in text
    assert "project described" not in text  # the commission never speaks of a project (REVIEW10 4)
    assert "own business" not in text
    assert not any("describes no project" in n for n in plan.notes)


def commissioned_project() -> bytes:
    """The commission of :func:`commission`, which calls its work a project."""
    return contract(
        "PICTURE LICENCE",
        PARTIES,
        '1. "Archive Images" means the photographs Library will take for the office project under this Licence.',
        "2. Library will photograph the Quillon offices in London and deliver the Archive Images to Licensee.",
        "3. Library grants Licensee a non-exclusive licence to use, reproduce and create derivative works of "
        "the Archive Images for any purpose.",
        "4. Licensee will pay Library a fee of GBP 8,000.",
    )


def test_a_commission_that_speaks_of_a_project_keeps_the_project_described_in_the_licence() -> None:
    text = words(engine.plan(commissioned_project(), engine.Options(variant="standard"))[1])
    assert "the project described in this Licence" in text
    assert "the purpose of this Licence" not in text
