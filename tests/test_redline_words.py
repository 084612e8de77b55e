"""Words a lawyer would send (issue 15, review of session 7), on synthetic contracts of our own: a licence
already tied to a purpose it names gets no second "Permitted Purpose" and its perpetual term is left alone;
the strict covenant does not take back its own tool exceptions by banning every AI Vendor; the coding-
assistant supplement names the restriction it relaxes; comments name a clause as the document labels it;
the payment condition uses the document's word for the price; the creative clause protects the people who
made the work, not only the (company) creator. Each class is tested both ways.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p

from noai import engine
from noai.analysis.facts import clause_name, named_purpose, price_due

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
PARTIES = 'This agreement is made between Larkspur Graphics Ltd (the "Designer") and Ottoline Foods plc (the "Buyer").'


def contract(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def licence(grant: str, *, price: str = "the Buyer shall pay the charges set out in the Schedule") -> bytes:
    return contract(
        "DESIGN LICENCE",
        PARTIES,
        "1. Definitions",
        '1.1 "Campaign" means the Buyer\'s spring 2027 advertising campaign for its frozen desserts.',
        '1.2 "Artwork" means the illustrations and layouts the Designer delivers under this agreement.',
        "2. Services",
        f"2.1 The Designer shall create the Artwork and {price}.",
        "3. Licence",
        f"3.1 {grant}",
        "4. General",
        "4.1 This agreement is governed by the laws of England.",
    )


def planned(docx: bytes, variant: str):
    return engine.plan(docx, engine.Options(variant=variant))[1]


def written(plan) -> str:
    texts = [q["text"] for e in plan.edits if e.op == "insert_after" for q in e.paragraphs]
    return "\n".join(texts + [e.replacement or "" for e in plan.edits] + [e.comment or "" for e in plan.edits])


# -- a licence tied to a purpose it names -----------------------------------------------------------------

NAMED = [
    "a licence to use the Artwork for the Campaign",
    "a licence to display the logo for the Permitted Use",
    "a licence to use the app for operating Juniper Bakery's business",
    "a licence to use the images for its own business",
    "a licence to reproduce the Artwork for use in the Buyer's shops and catalogues",
    "a licence to use the Artwork for the purposes of the Buyer's trading business",
    "a licence to print the Artwork for the campaign",
]
NOT_NAMED = [
    "a licence to use the Artwork for any purpose",
    "a licence to use the Artwork for use in any media now known or later devised",
    "a licence to use the Artwork for its business and for any other purpose",
    "a licence to use, copy and adapt the Artwork",
    "a licence granted to the Buyer",
]


@pytest.mark.parametrize("text", NAMED)
def test_a_licence_for_a_purpose_it_names_is_read_as_limited(text):
    assert named_purpose(text) is not None


@pytest.mark.parametrize("text", NOT_NAMED)
def test_a_licence_for_any_purpose_or_for_no_named_one_is_not_read_as_limited(text):
    assert named_purpose(text) is None


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_perpetual_licence_for_a_defined_campaign_gets_no_permitted_purpose_and_keeps_its_term(variant):
    docx = licence(
        "The Designer grants the Buyer a perpetual, royalty-free licence to use the Artwork for the Campaign."
    )
    plan = planned(docx, variant)
    assert "scope-limitation" not in {e.clause for e in plan.edits}
    assert "Permitted Purpose" not in written(plan)
    assert not [e for e in plan.edits if e.finding == "perpetual_irrevocable"]  # perpetual for the Campaign: fine
    assert "no-ai-training" in {e.clause for e in plan.edits}  # what matters is still proposed


def test_an_irrevocable_licence_for_a_named_purpose_becomes_revocable_only_for_ai_use():
    docx = licence(
        "The Designer grants the Buyer an irrevocable licence to use the Artwork for running the Buyer's business."
    )
    plan = planned(docx, "standard")
    [fix] = [e for e in plan.edits if e.finding == "perpetual_irrevocable"]
    assert fix.replacement == "irrevocable (but revocable for any Prohibited AI Use)"
    assert "Permitted Purpose" not in written(plan)


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_perpetual_licence_for_any_purpose_is_still_tied_to_a_permitted_purpose(variant):
    docx = licence("The Designer grants the Buyer a perpetual licence to use the Artwork for any purpose.")
    plan = planned(docx, variant)
    assert "Permitted Purpose" in written(plan)
    # the grant's own words are tied to it, and the term is defined (in the definitions clause when there is one)
    assert any("Permitted Purpose" in (e.replacement or "") for e in plan.edits if e.finding == "any_and_all_purposes")
    assert re.search(r"[“\"]Permitted Purpose[”\"]:? (?:means|shall mean) ", written(plan))


# -- the strict covenant and its exceptions ------------------------------------------------------------------

VENDOR_BAN = re.compile(r"provide any Protected Materials to an AI Vendor(?! for any Prohibited AI Use)")


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_the_covenant_bans_giving_the_work_to_ai_vendors_for_ai_use_not_to_every_ai_vendor(variant):
    plan = planned(
        licence("The Designer grants the Buyer a non-exclusive licence to use the Artwork for any purpose."), variant
    )
    text = written(plan)
    assert "Protected Materials to an AI Vendor for any Prohibited AI Use" in text
    assert not VENDOR_BAN.search(text)
    if variant == "strict":  # and to a vendor free to keep or train on them, whatever it is given them for
        assert "nor to any AI Vendor that is free to keep them after the task" in text


SOFTWARE = contract(
    "SOFTWARE DEVELOPMENT AGREEMENT",
    'This agreement is made between Quillfeather Code LLC (the "Developer") and Marlow Freight Inc. (the "Customer").',
    "1. Development",
    '1.1 The Developer shall develop the route-planning software described in Exhibit A (the "Software") and the '
    "Customer shall pay the fees set out in Exhibit B.",
    "2. Ownership",
    "2.1 The Developer owns the Software and grants the Customer a non-exclusive licence to use, copy and modify "
    "the Software for any purpose.",
    "3. General",
    "3.1 This agreement is governed by the laws of the State of New York.",
)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_the_coding_assistant_clause_names_the_restriction_it_relaxes(variant):
    plan = planned(SOFTWARE, variant)
    assistant = [q["text"] for e in plan.edits if e.clause == "ai-software-use" for q in e.paragraphs]
    assert assistant and all("restriction on Prohibited AI Use" in t for t in assistant), assistant
    assert not [t for t in assistant if re.search(r"\bthis clause\b", t, re.IGNORECASE)]


# -- a clause named as the document labels it -----------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("5.1", "clause 5.1"),
        ("3", "clause 3"),
        ("a)", "clause a)"),
        ("(b)", "clause (b)"),
        ("Section 5.1", "Section 5.1"),
        ("Article 5", "Article 5"),
        ("Clause 3.2", "Clause 3.2"),
    ],
)
def test_a_clause_is_named_as_the_document_labels_it(label, name):
    assert clause_name(label) == name


# -- the price in the document's word -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "defined", "due"),
    [
        (["The Buyer shall pay the charges.", "CHARGES", "Charges are due in 30 days."], set(), "all charges due"),
        (["Subject to payment of the Fee, the Designer grants", "FEE"], {"Fee"}, "the Fee due"),
        (['"Fees" means the Fees in the Schedule.', "late fees"], {"Fees"}, "all Fees due"),
        (["a fee of £300 per day"], set(), "all fees due"),
        (["The Buyer shall pay the Charges.", "fees for extra work", "late fees", "no fees"], set(), "all Charges due"),
        (["The purchase price is payable on delivery."], set(), "the price due"),
        (["a royalty-free licence", "shall pay £150 for each drawing"], set(), None),
    ],
)
def test_the_price_is_named_by_the_documents_own_word(texts, defined, due):
    assert price_due(texts, defined) == due


def assignment(price: str) -> bytes:
    return contract(
        "DESIGN AGREEMENT",
        PARTIES,
        "1. Services",
        f'1.1 The Designer shall create the packaging artwork (the "Artwork") and {price}.',
        "2. Intellectual Property",
        "2.1 The Designer hereby assigns to the Buyer all intellectual property rights in the Artwork.",
        "3. General",
        "3.1 This agreement is governed by the laws of England.",
    )


@pytest.mark.parametrize(
    ("price", "due"),
    [
        ("the Buyer shall pay the charges set out in the Schedule", "all charges due"),
        ("the Buyer shall pay the fees set out in the Schedule", "all fees due"),
        ("the Buyer shall pay the Designer £2,000 on delivery", "all sums due"),
    ],
)
def test_strict_makes_ownership_wait_for_the_price_by_the_documents_own_word(price, due):
    plan = planned(assignment(price), "strict")
    [pay] = [e for e in plan.edits if e.finding == "ip_assignment" and e.op == "replace"]
    assert pay.replacement == f"shall, upon payment in full of {due} under this agreement, assign"
    assert due in (pay.comment or "")


# -- the people who made creative work -------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_the_likeness_clause_protects_the_people_who_made_the_work_as_well_as_the_creator(variant):
    plan = planned(
        licence("The Designer grants the Buyer a non-exclusive licence to use the Artwork for any purpose."), variant
    )
    likeness = " ".join(q["text"] for e in plan.edits if e.clause == "ai-creative-likeness" for q in e.paragraphs)
    assert "the Designer" in likeness  # the creator itself stays protected
    assert re.search(r"\bevery person\b|\bany person\b", likeness), likeness


# -- a brand's perpetual licence --------------------------------------------------------------------------------


def brand_licence(work: str) -> bytes:
    return contract(
        "DESIGN AGREEMENT",
        PARTIES,
        "1. Services",
        f'1.1 The Designer shall create {work} (the "Artwork") and the Buyer shall pay the fees set out below.',
        "2. Licence",
        "2.1 The Designer grants the Buyer an exclusive, perpetual licence to use and reproduce the Artwork.",
        "3. General",
        "3.1 This agreement is governed by the laws of England.",
    )


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_perpetual_licence_of_a_logo_is_left_perpetual_and_never_cut_to_a_project(variant):
    plan = planned(brand_licence("a new logo and brand identity for the Buyer's shops"), variant)
    assert not [e for e in plan.edits if e.finding == "perpetual_irrevocable"]
    assert "no-ai-training" in {e.clause for e in plan.edits}


@pytest.mark.parametrize("variant", ["standard", "minimal"])
def test_a_perpetual_licence_of_illustrations_is_still_bounded(variant):
    plan = planned(brand_licence("twelve illustrations for the Buyer's cookbook"), variant)
    assert [e for e in plan.edits if e.finding == "perpetual_irrevocable"]


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_the_coding_assistant_comment_reads_for_a_work_named_in_the_singular(variant):
    said = " ".join(e.comment or "" for e in planned(SOFTWARE, variant).edits if e.clause == "ai-software-use")
    assert "the Software is code" in said
    assert not re.search(r"\bmaintain them\b|\btrain on them\b", said), said
