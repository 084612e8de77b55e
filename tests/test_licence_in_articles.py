"""A licence laid out in Articles (REVIEW22 classes 6–9), on contracts of other shapes than licence-articles and the
score licence of tests/test_review_session22.py.

- Its uses listed under a lead-in ("… the Clips: (a) in the episodes of the Series; and (b) in trailers for the
  Series, throughout the world.") are its purpose: no "describes no project", no Permitted Purpose wider than them.
- Its work's defined name, typed after the entry's number ('1.1 "Clips" means …'), is read, also where the name is no
  word of a work's lexicon: Protected Materials are the Clips.
- "Article I: Definitions" (a Roman number and a colon) is its definitions clause: our terms join it.
- It cites its parts "Article 2.1" and never "Section": our clauses call themselves Articles. A contract with
  "ARTICLE 5" headings over "Section 5.1" sub-clauses keeps our "Section".

Each is checked in the plan and in the written .docx (changes accepted, and once in LibreOffice accepting and
rejecting them).
"""

from __future__ import annotations

import functools
import re

import pytest
from support.docx_builder import make_docx, p
from support.lo import lo_read, require_libreoffice
from support.read import accepted
from test_review_synthetic import DATE, words_written

from noai import engine
from noai.analysis.facts import definitions_run, named_purpose, says_section
from noai.analysis.terms import analyse_terms

VARIANTS = ("strict", "standard", "minimal")
USES = ("(a) in the episodes of the Series; and", "(b) in promotional trailers for the Series,")


def footage_licence(uses: tuple[str, ...] = USES, heading: str = "Article I: Definitions") -> bytes:
    """A Scottish stock-footage licence: Roman "Article I:" headings over typed "1.1" sections, the uses listed under
    a lead-in, the work called "Clips"; it cites "Article 2.1" and never says "Section"."""
    texts = (
        "FOOTAGE LICENCE",
        'This Footage Licence (the "Agreement") is made between Harbour Lens Films Ltd ("Licensor") and Bright Kite '
        'Media Ltd ("Licensee").',
        heading,
        '1.1 "Clips" means the 35 video clips of the Cornish coast listed in the Schedule, in every format.',
        '1.2 "Series" means the television documentary series "Edge of the Land".',
        "Article II: Licence",
        "2.1 Licensor grants Licensee a perpetual, worldwide, non-exclusive licence to reproduce, edit and broadcast "
        "the Clips:",
        *uses,
        "throughout the world.",
        "2.2 Copyright in the Clips remains with Licensor.",
        "Article III: General",
        "3.1 Article 2.1 survives termination. This Agreement is governed by the law of Scotland.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def us_software_licence() -> bytes:
    """A US licence with "ARTICLE 5 – LICENSE" headings over "Section 5.1" sub-clauses, which it cites as Sections."""
    texts = (
        "SOFTWARE LICENSE AGREEMENT",
        'This Agreement is made between Quillfeather Labs, Inc. ("Licensor") and Marlow Logistics LLC ("Licensee").',
        "ARTICLE 1 – DEFINITIONS",
        'Section 1.1 "Licensed Software" means the RouteWise dispatch software in object code.',
        'Section 1.2 "Documentation" means the user manuals Licensor supplies for the Licensed Software.',
        "ARTICLE 2 – LICENSE",
        "Section 2.1 Licensor grants Licensee a perpetual, non-exclusive license to use the Licensed Software for any "
        "purpose.",
        "Section 2.2 Licensor retains all intellectual property rights in the Licensed Software.",
        "ARTICLE 3 – GENERAL",
        "Section 3.1 Section 2.2 survives termination. This Agreement is governed by the laws of the State of New "
        "York.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def us_art_licence() -> bytes:
    """A New York art licence with "ARTICLE 2 – LICENSE" headings over typed "2.1" sub-clauses, citing whole Articles
    only ("Article 2 survives"): an American drafter calls a sub-clause a Section."""
    texts = (
        "ART LICENSE AGREEMENT",
        'This Agreement is made between Juniper Hale ("Artist") and Copperline Games, Inc. ("Company").',
        "ARTICLE 1 – DEFINITIONS",
        '1.1 "Artwork" means the twelve character paintings Artist has made for the game "Ember Road".',
        '1.2 "Game" means the video game "Ember Road".',
        "ARTICLE 2 – LICENSE",
        "2.1 Artist grants Company a perpetual, worldwide, non-exclusive license to reproduce the Artwork for any "
        "purpose.",
        "2.2 Artist retains all copyright in the Artwork.",
        "ARTICLE 3 – GENERAL",
        "3.1 Article 2 survives termination. This Agreement is governed by the laws of the State of New York.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


@functools.cache
def red(shape: str, variant: str) -> engine.Redline:
    data = {
        "footage": footage_licence,
        "footage-unnamed": lambda: footage_licence(uses=("(a) on television; and", "(b) online,")),
        "us-software": us_software_licence,
        "us-art": us_art_licence,
    }[shape]()
    return engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant))


def definition(r: engine.Redline, term: str) -> str:
    return next((m.group(0) for t in accepted(r) if (m := re.search(rf'"{term}" means[^;]*', t))), "")


# -- the reading ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ("1.1", "10.2", "3.4.1", "(a)", "2."))
def test_a_definition_after_its_typed_number_is_read(number):
    paragraphs = engine.read(
        make_docx(p(f'{number} "Master Tapes" means the recordings Artist delivers.') + "<w:sectPr/>")
    ).paragraphs
    assert "Master Tapes" in analyse_terms(paragraphs).terms.all


@pytest.mark.parametrize(
    ("heading", "found"),
    (
        ("Article 1 – Definitions", True),
        ("ARTICLE I. DEFINITIONS", True),
        ("Part 1: Interpretation", True),
        ("Clause 1 — Definitions and Interpretation", True),
        ("Article 1 – Delivery", False),
    ),
)
def test_a_numbered_definitions_heading_with_a_dash_or_colon_heads_the_definitions_clause(heading, found):
    texts = (heading, '1.1 "Clips" means the video clips.', '1.2 "Series" means the series.', "Article 2 – Licence")
    paragraphs = engine.read(make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")).paragraphs
    run = definitions_run(paragraphs)
    assert (run is not None and run.last == 2) is found, run


def test_the_work_is_what_the_copyright_and_the_licence_are_in_when_no_name_says_work():
    found = engine.audit(footage_licence()).parties.work_product
    assert found is not None and found.text == "Clips"


@pytest.mark.parametrize(
    ("texts", "says"),
    (
        (["Section 2.2 survives termination."], True),
        (["SECTION 4 LICENCE"], True),
        (["Article 2.1 survives termination."], False),
        (["a permitted act under section 29A of the Copyright, Designs and Patents Act 1988"], False),
    ),
)
def test_the_document_names_sections_only_where_it_cites_its_own(texts, says):
    assert says_section(texts) is says


def test_uses_listed_in_a_named_work_are_a_named_purpose():
    assert named_purpose(" ".join(USES) + " throughout the world.")
    assert named_purpose("(i) in print editions of the Titles; and (ii) online") is not None
    assert named_purpose("(a) on television; and (b) online, throughout the world.") is None


# -- the redline: plan and .docx -----------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_listed_uses_are_the_purpose(variant):
    r = red("footage", variant)
    assert not any("describes no project" in n for n in r.plan.notes), r.plan.notes
    assert "own business" not in words_written(r)
    purpose = definition(r, "Permitted Purpose")
    assert not purpose or "Series" in purpose, purpose
    assert "Prohibited AI Use" in "\n".join(accepted(r))


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_uses_that_name_no_work_still_get_a_permitted_purpose(variant):
    r = red("footage-unnamed", variant)
    assert '"Permitted Purpose" means' in "\n".join(accepted(r))


@pytest.mark.parametrize("variant", VARIANTS)
def test_protected_materials_are_the_clips(variant):
    r = red("footage", variant)
    assert "Clips" in definition(r, "Protected Materials")
    assert "materials Licensor creates or supplies" not in words_written(r)


@pytest.mark.parametrize("variant", VARIANTS)
def test_our_definitions_join_the_definitions_article(variant):
    r = red("footage", variant)
    assert any(e.clause == "definitions" and (e.anchor_text or "").startswith("1.2") for e in r.plan.edits)
    texts = accepted(r)
    defined = next(i for i, t in enumerate(texts) if '"AI System" means' in t)
    series = next(i for i, t in enumerate(texts) if t.startswith('1.2 "Series" means'))
    assert series < defined < texts.index("Article II: Licence")


@pytest.mark.parametrize("variant", VARIANTS)
def test_our_clauses_are_articles_where_the_contract_says_article(variant):
    r = red("footage", variant)
    ours = words_written(r)
    assert not re.search(r"\bSections? \d", ours), re.findall(r"\bSections? [\d.]+", ours)
    assert not any(re.search(r"\bSections? \d", t) for t in accepted(r))
    assert re.search(r"\bArticles? 2\.\d", ours)  # our clauses cite themselves by number, as Articles


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("shape", ("us-software", "us-art"))
def test_our_clauses_stay_sections_where_the_contract_has_sections_under_articles(shape, variant):
    # Sections under Articles by name ("Section 2.2"), or under American law where only whole Articles are cited
    r = red(shape, variant)
    ours = words_written(r)
    assert not re.search(r"\bArticles? \d+\.\d", ours), re.findall(r"\bArticles? [\d.]+", ours)
    assert re.search(r"\b(?:this )?Sections? \d+\.\d", ours, re.IGNORECASE), ours


def test_libreoffice_reads_our_definitions_in_article_one_and_no_section():
    require_libreoffice()
    r = red("footage", "standard")
    (read,) = lo_read([r.docx])
    assert read["ok"], read
    after = read["accepted_paragraphs"]
    defined = next(i for i, t in enumerate(after) if '"AI System" means' in t)
    assert defined < after.index("Article II: Licence")
    assert not any(re.search(r"\bSections? \d", t) for t in after)
    assert not any("AI System" in t for t in read["rejected_paragraphs"])


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_survival_list_in_articles_takes_our_clauses_in(variant):
    # "Article 2.1 survives termination" -> "Articles 2.1 and 2.3 to 2.5 survive termination", as a list of Sections
    survival = next(t for t in accepted(red("footage", variant)) if t.startswith("3.1 "))
    assert re.match(r"3\.1 Articles 2\.1 and 2\.3 (?:and|to) 2\.\d survive termination\.", survival), survival
