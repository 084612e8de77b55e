"""A creator that is a company has no moral rights, voice or likeness of its own (issue 15, NOTE item 8).

The uk-brand synthetic contract (FENWICK & ROWE DESIGN LIMITED, "a company registered in England") and an
illustration licence written for these tests (a US LLC that waives all moral rights): the comment asks that the
individual authors keep the right to be credited, and the likeness clause speaks of the style of the company and
the voice and likeness of the people who made the work. A creator who is a person keeps both as before.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_review_synthetic import comments, inserted_texts, redline, source

from noai import engine
from noai.analysis.facts import company_creator, individual_creator, read_facts
from noai.ooxml.comments import comment_texts
from noai.ooxml.package import read_package

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def illustration(creator: str) -> bytes:
    """A US illustration licence by ``creator`` (its introduction up to the defined term), with a waiver."""
    texts = (
        "ILLUSTRATION LICENSE AGREEMENT",
        f'This agreement is made between {creator} (the "Illustrator") and Copperfield Books Inc., a New York '
        'corporation (the "Publisher").',
        "1. Services",
        "1.1 The Illustrator shall create the cover illustrations for the novel described in Exhibit A (the "
        '"Illustrations").',
        "1.2 The Publisher shall pay the Illustrator a fee of $4,000.",
        "2. Rights",
        "2.1 The Illustrator owns the copyright in the Illustrations and grants the Publisher a non-exclusive "
        "license to reproduce the Illustrations on the covers of the novel.",
        "2.2 The Illustrator waives all moral rights in the Illustrations.",
        "3. General",
        "3.1 This agreement is governed by the laws of the State of New York.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


LLC = illustration("Birchwood Drawing Studio LLC, a Vermont limited liability company")
PERSON = illustration("Hannah Okafor, an individual residing in Burlington, Vermont")


def red(docx: bytes, variant: str) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))


def test_the_audit_reads_a_company_creator_from_its_legal_form_even_where_the_party_name_is_misread():
    result = engine.audit(LLC)
    assert company_creator(result) and not individual_creator(result)
    person = engine.audit(PERSON)
    assert not company_creator(person) and individual_creator(person)
    assert read_facts(engine.audit(source("uk-brand-design"))).company  # "… LIMITED, a company registered"


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("docx", (LLC, "uk-brand-design"), ids=("llc-illustration", "uk-brand"))
def test_a_company_is_never_asked_to_keep_the_right_to_be_credited_its_individual_authors_are(docx, variant):
    plan = (redline("uk-brand-design", variant) if isinstance(docx, str) else red(docx, variant)).plan
    waiver = [c for c in (e.comment for e in plan.edits if e.comment) if "moral rights" in c]
    assert waiver
    assert all("the individual authors of the " in c and "keep the right to be credited" in c for c in waiver)
    assert not any("the Designer keep" in c or "the Illustrator keep" in c for c in waiver)


def test_a_creator_who_is_a_person_still_keeps_the_right_to_be_credited():
    waiver = [c for c in comments(red(PERSON, "standard")) if "moral rights" in c]
    assert waiver and all("and that the Illustrator keep the right to be credited" in c for c in waiver)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("docx", (LLC, "uk-brand-design"), ids=("llc-illustration", "uk-brand"))
def test_no_voice_or_likeness_is_given_to_a_company_only_to_the_people_who_made_the_work(docx, variant):
    r = redline("uk-brand-design", variant) if isinstance(docx, str) else red(docx, variant)
    creator = "the Designer" if isinstance(docx, str) else "the Illustrator"
    said = "\n".join(inserted_texts(r) + comments(r))
    assert "likeness of any person who created the Protected Materials" in said or "likeness of anyone who" in said
    for wrong in (f"voice or likeness of {creator}", f"likeness of {creator}", f"{creator}'s voice"):
        assert wrong not in said, wrong


def test_a_creator_who_is_a_person_keeps_its_own_voice_and_likeness_in_the_clause():
    said = "\n".join(inserted_texts(red(PERSON, "standard")))
    assert "imitates the style, voice or likeness of the Illustrator" in said


def written(docx: bytes) -> tuple[str, str]:
    """The written .docx as Word shows it (every tracked change accepted) and its comments' text."""
    package = read_package(docx)
    return (
        "\n".join(q.text for q in engine.read(docx).paragraphs),
        "\n".join(comment_texts(package, "word/document.xml").values()),
    )


@pytest.mark.parametrize("docx", (LLC, "uk-brand-design"), ids=("llc-illustration", "uk-brand"))
def test_the_written_docx_gives_the_credit_and_the_likeness_to_the_people_not_the_company(docx):
    r = redline("uk-brand-design", "strict") if isinstance(docx, str) else red(docx, "strict")
    creator = "the Designer" if isinstance(docx, str) else "the Illustrator"
    text, said = written(r.docx)
    assert "the individual authors of the " in said and f"that {creator} keep the right" not in said
    assert (
        "voice, likeness or persona of any person who created the Protected Materials" in text
    )  # strict: one sentence
    assert f"likeness of {creator}" not in text
