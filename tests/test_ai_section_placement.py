"""The clauses on AI use end the document's own section on AI (session 10 re-grade, defect 4).

Where an agreement has a section of its own on artificial intelligence ("4. Use of Artificial Intelligence",
"2. Artificial Intelligence Tools"), the No-AI covenant, what adapts it to the kind of work, its remedies,
indemnity and transparency go at the end of that section as its last sub-clauses at its level; the purpose
limit, the reservation of rights and the duty to bind later owners stay with the rights in the IP section.
Checked on the US translation MSA (synthetic) and on a photography licence written here, whose AI section
comes before its licence.
"""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p
from test_document_wording import redline_of
from test_review_synthetic import audit, redline
from test_titled_subclause_placement import NUMBERING, n

from noai import engine


def labelled(docx: bytes) -> list[tuple[str | None, str]]:
    """Each paragraph's number (Word's) and text, as Word reads the redline with every change accepted."""
    return [(q.label, q.text) for q in engine.read(docx).paragraphs]


def label_of(paragraphs: list[tuple[str | None, str]], start: str) -> str | None:
    return next(label for label, text in paragraphs if text.startswith(start))


def section_of(paragraphs: list[tuple[str | None, str]], start: str) -> str:
    """The number of the clause the paragraph starting ``start`` is in (that of the last numbered one before it)."""
    current = ""
    for label, text in paragraphs:
        current = label or current
        if text.startswith(start):
            return current.split(".")[0]
    raise AssertionError(f"no paragraph starts {start!r}")


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_the_translation_msas_covenant_ends_its_use_of_artificial_intelligence_section(variant):
    paragraphs = labelled(redline("us-translation-msa", variant).docx)
    labels = [label for label, _ in paragraphs if label]
    assert labels.index("4.3") == labels.index("4.2") + 1
    assert label_of(paragraphs, "Northgate shall not") == "4.3"
    assert label_of(paragraphs, "Vendor will not upload Northgate's source documents") == "4.2"  # theirs stays 4.2


def test_the_translation_msas_remedies_indemnity_and_transparency_join_the_ai_section_and_the_rest_stays_in_3():
    paragraphs = labelled(redline("us-translation-msa", "strict").docx)
    for start in (
        "Northgate shall defend, indemnify",
        "The parties agree that any Prohibited AI Use would cause Vendor irreparable harm",
        "Before any Protected Materials are first processed by an AI System",
        "Despite the restriction on Prohibited AI Use",
    ):
        assert section_of(paragraphs, start) == "4", start
    assert section_of(paragraphs, "Northgate shall have anyone who later takes any right") == "3"
    assert section_of(paragraphs, "All Work Product will, upon payment in full") == "3"  # the ownership fix


def test_the_audit_points_the_ai_protections_at_the_ai_section_and_the_purpose_limit_at_the_grant():
    points = {i["protection"]: i for i in audit("us-translation-msa")["insertion_points"]}
    assert points["no_ai_restriction"]["section_label"] == "4.2"
    assert points["ai_remedies"]["section_label"] == "4.2"
    assert "Use of Artificial Intelligence" in points["no_ai_restriction"]["reason"]
    assert points["scope_limitation"]["section_label"] == "3.2"


def photography_licence() -> bytes:
    """A licence whose section on AI ("2. Artificial Intelligence Tools") comes before the licence (3.)."""
    body = [
        p("PHOTOGRAPHY LICENCE AGREEMENT"),
        p(
            'This agreement is made between Rowan Vale Photography Ltd (the "Photographer") and Elmstead Homes Ltd '
            '(the "Company").'
        ),
        n("Services", 0),
        n('The Photographer shall photograph the Company\'s show homes (the "Images").', 1),
        n("Artificial Intelligence Tools", 0),
        n("The Photographer shall tell the Company before using any generative tool to retouch the Images.", 1),
        n("The Photographer shall not use a generative tool to add anything to an Image that was not in the scene.", 1),
        n("Licence", 0),
        n(
            "The Photographer grants the Company a non-exclusive, perpetual licence to use the Images for any purpose.",
            1,
        ),
        n("The Photographer retains the copyright in the Images.", 1),
        n("General", 0),
        n("This agreement is governed by the laws of England.", 1),
        p("Signed for the Photographer: ____________"),
    ]
    return make_docx("".join(body) + "<w:sectPr/>", numbering=NUMBERING)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_licence_with_an_artificial_intelligence_tools_section_gets_the_covenant_there_and_the_rest_in_its_licence(
    variant,
):
    red = redline_of(photography_licence(), variant)
    covenant = next(e for e in red.plan.edits if e.clause == "no-ai-training")
    assert covenant.anchor_text.startswith("The Photographer shall not use a generative tool")
    reservation = next(e for e in red.plan.edits if e.clause == "reservation-of-rights")
    assert reservation.anchor_text.startswith("The Photographer grants the Company")
    paragraphs = labelled(red.docx)
    assert section_of(paragraphs, "The Company shall") == "2"  # the covenant's operative sentence
    assert label_of(paragraphs, "The Photographer shall not use a generative tool") == "2.2"
    assert section_of(paragraphs, "All rights") == "3"  # the reservation stays with the licence
    assert label_of(paragraphs, "Artificial Intelligence Tools") == "2." and label_of(paragraphs, "Licence") == "3."


def test_without_a_section_on_ai_the_covenant_still_ends_the_ip_section():
    paragraphs = labelled(redline("uk-brand-design", "standard").docx)
    assert all(label is None or not text.startswith("Artificial") for label, text in paragraphs)
    plan = redline("uk-brand-design", "standard").plan
    covenant = next(e for e in plan.edits if e.clause == "no-ai-training")
    ip = audit("uk-brand-design")["ip_section"]
    assert ip["start"] <= covenant.index <= ip["end"]
