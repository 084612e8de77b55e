"""The clauses on AI use end the document's own section on AI (session 10 re-grade, defect 4).

Where an agreement has a section of its own on artificial intelligence ("4. Use of Artificial Intelligence",
"2. Artificial Intelligence Tools"), the No-AI covenant, what adapts it to the kind of work, its remedies,
indemnity and transparency go at the end of that section as its last sub-clauses at its level; the purpose
limit, the reservation of rights and the duty to bind later owners stay with the rights in the IP section.
Checked on the US translation MSA (synthetic) and on a photography licence written here, whose AI section
comes before its licence. Where the section already rules on training a model, the clauses go right after that
clause; an employee's section on the employee's own AI tools gets none of them (a design licence and an
invention agreement written here, each both ways).
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
    assert section_of(paragraphs, "Vendor shall, upon payment in full") == "3"  # the ownership fix


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


# -- next to the section's clause on training; an employee's own AI-tools section -----------------------------
#
# Where the AI section already rules on training a model with one side's materials, the covenant goes right
# after that clause (it answers it), not at the section's end. An employee's section on the employee's own AI
# tools (a workplace duty under the employer's policy, like confidentiality) is no place for what binds the
# employer: the covenant stays with the licence it limits. A consultant's section of the same words gets it.

TOOLS = "The Designer shall tell the Client before using any generative tool to prepare the Designs."
RECORD = "The Client shall keep a record of the generative tools it uses with the Designs and show it on request."
CLIENT_TRAINS = (
    "The Client may use the Designs to train its own machine learning models for recognising its products on shelves."
)
DESIGNER_BOUND = "The Designer may not use the Client's product photographs to train any artificial intelligence model."


def design_agreement(ai: list[str]) -> bytes:
    """A packaging-design licence whose section 3 ("Artificial Intelligence") holds the clauses ``ai``."""
    body = [
        p("PACKAGING DESIGN AGREEMENT"),
        p(
            'This agreement is made between Harrow Lane Studio Ltd (the "Designer") and Copperfield Foods Ltd '
            '(the "Client").'
        ),
        n("Services", 0),
        n('The Designer shall design the labels for the Client\'s new range of sauces (the "Designs").', 1),
        n("Ownership", 0),
        n("The Designer grants the Client a non-exclusive, perpetual licence to use the Designs for any purpose.", 1),
        n("The Designer retains the copyright in the Designs.", 1),
        n("Artificial Intelligence", 0),
        *(n(text, 1) for text in ai),
        n("General", 0),
        n("This agreement is governed by the laws of England.", 1),
        p("Signed for the Designer: ____________"),
    ]
    return make_docx("".join(body) + "<w:sectPr/>", numbering=NUMBERING)


def covenant_edit(red: engine.Redline):
    return next(e for e in red.plan.edits if e.clause == "no-ai-training")


@pytest.mark.parametrize("training", [CLIENT_TRAINS, DESIGNER_BOUND], ids=["permits-the-client", "binds-the-designer"])
def test_the_covenant_goes_right_after_the_ai_sections_clause_on_training_not_at_its_end(training):
    red = redline_of(design_agreement([TOOLS, training, RECORD]), "standard")
    assert covenant_edit(red).anchor_text == training
    paragraphs = labelled(red.docx)
    texts = [text for _, text in paragraphs]
    covenant = next(i for i, text in enumerate(texts) if text.startswith("The Client shall not"))
    # the client's own permission to train is struck whole (test_ai_training_permission_struck.py): the covenant
    # then stands where it stood, after the clause before it
    before = training if training == DESIGNER_BOUND else TOOLS
    assert (training in texts) == (training == DESIGNER_BOUND)
    assert texts.index(before) < covenant < texts.index(RECORD)
    assert label_of(paragraphs, before[:30]) == ("3.2" if before == training else "3.1")
    assert section_of(paragraphs, "The Client shall not") == "3"
    assert label_of(paragraphs, RECORD[:30]).startswith("3.")  # the clause after it renumbers within 3
    point = next(i for i in red.audit.insertion_points if i.protection == "no_ai_restriction")
    assert point.text == training and "training" in point.reason


def test_without_a_clause_on_training_the_covenant_ends_the_ai_section():
    red = redline_of(design_agreement([TOOLS, RECORD]), "standard")
    assert covenant_edit(red).anchor_text == RECORD
    paragraphs = labelled(red.docx)
    texts = [text for _, text in paragraphs]
    covenant = next(i for i, text in enumerate(texts) if text.startswith("The Client shall not"))
    assert texts.index(RECORD) < covenant < texts.index("General")
    assert label_of(paragraphs, RECORD[:30]) == "3.2" and label_of(paragraphs, "General") == "4."


OWN_TOOLS = "The {who} shall use generative AI tools for Company work only as the Company's written AI policy allows."
COMPANY_TRAINS = (
    "The Company may use the Inventions to train its own machine learning models, but not any model that the "
    "Company offers to others."
)
REPORT = "The {who} shall tell the Company of any output of an AI tool that seems to copy another person's work."


def invention_agreement(who: str, name: str, ai: list[str]) -> bytes:
    """An invention and confidentiality agreement between a company and ``who`` (an employee or a consultant)
    whose section 3 ("Use of Generative AI") holds the clauses ``ai``."""
    body = [
        p("INVENTION AND CONFIDENTIALITY AGREEMENT"),
        p(f'This agreement is made between Larkspur Robotics Inc. (the "Company") and {name} (the "{who}").'),
        n("Inventions", 0),
        n(
            f"The {who} hereby assigns to the Company all right, title and interest in each invention the {who} "
            'makes for the Company (the "Inventions").',
            1,
        ),
        n(
            f"The {who} grants the Company a non-exclusive, perpetual licence to use any earlier invention of the "
            f"{who} that the {who} builds into a Company product.",
            1,
        ),
        n("Confidential Information", 0),
        n(f"The {who} shall keep the Company's confidential information secret.", 1),
        n("Use of Generative AI", 0),
        *(n(text.format(who=who), 1) for text in ai),
        n("General", 0),
        n("This agreement is governed by the laws of California.", 1),
        p(f"Signed by the {who}: ____________"),
    ]
    return make_docx("".join(body) + "<w:sectPr/>", numbering=NUMBERING)


def test_an_employees_own_ai_tools_section_gets_no_covenant_which_stays_with_the_licence_of_the_inventions():
    red = redline_of(invention_agreement("Employee", "Dana Whitfield", [OWN_TOOLS]), "standard")
    assert red.audit.ai_section is None
    assert covenant_edit(red).anchor_text.startswith("The Employee grants the Company")
    paragraphs = labelled(red.docx)
    assert section_of(paragraphs, "The Company shall not") == "1"
    assert label_of(paragraphs, "The Employee shall use generative AI tools") == "3.1"
    texts = [text for _, text in paragraphs]
    assert texts[texts.index(OWN_TOOLS.format(who="Employee")) + 1] == "General"  # nothing added to section 3


def test_a_consultants_section_of_the_same_words_gets_the_covenant_at_its_end():
    red = redline_of(invention_agreement("Consultant", "Northwind Advisory LLC", [OWN_TOOLS]), "standard")
    assert covenant_edit(red).anchor_text == OWN_TOOLS.format(who="Consultant")
    assert section_of(labelled(red.docx), "The Company shall not") == "3"


def test_an_employees_ai_section_that_rules_on_training_gets_the_covenant_right_after_that_clause():
    ai = [OWN_TOOLS, COMPANY_TRAINS, REPORT]
    red = redline_of(invention_agreement("Employee", "Dana Whitfield", ai), "standard")
    assert covenant_edit(red).anchor_text == COMPANY_TRAINS
    paragraphs = labelled(red.docx)
    texts = [text for _, text in paragraphs]
    covenant = next(i for i, text in enumerate(texts) if text.startswith("The Company shall not"))
    # the Company's own permission to train is struck whole, as the covenant bars what it allows: the covenant
    # stands where it stood
    assert COMPANY_TRAINS not in texts
    assert texts.index(OWN_TOOLS.format(who="Employee")) < covenant < texts.index(REPORT.format(who="Employee"))
    assert section_of(paragraphs, "The Company shall not") == "3"
    assert label_of(paragraphs, OWN_TOOLS.format(who="Employee")[:30]) == "3.1"
