"""Issue 15, texts a creator's lawyer would send (the session-7 re-grade's items 1, 3, 4 and 6), on contracts
written for these tests, each error class in both directions (where the old text was right it stays):

1. a comment says what the document's transfer moves ("the edited album", not every material made under
   the email), and strict asks no payment condition of a transfer that already waits for payment;
3. under an exclusive licence the reservation of rights reserves no right to license others;
4. where the work passes and later transferees are bound absolutely, the covenant adds no weaker
   "commercially reasonable efforts" duty beside it;
6. British spelling in British documents; no officers for a creator who is a person; a purpose said once
   where the document describes no project; "it" for a work named in the singular.

Each test reads the plan and, where the words are the contract's, the written .docx (changes accepted).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted, rejected

from noai import engine
from noai.analysis.classify import Finding
from noai.analysis.facts import transferred_object, waits_for_payment

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


def contract(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def planned(docx: bytes, variant: str):
    return engine.plan(docx, engine.Options(variant=variant))[1]


def written(docx: bytes, variant: str) -> str:
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))
    assert rejected(red.docx) == [q.text for q in engine.read(docx).paragraphs]  # reject-all gives the input
    return "\n".join(accepted(red.docx))


def inserted(plan, clause: str | None = None) -> str:
    return "\n".join(
        q["text"]
        for e in plan.edits
        if e.op == "insert_after" and (clause is None or e.clause == clause)
        for q in e.paragraphs
    )


def comments(plan) -> str:
    return "\n".join(e.comment for e in plan.edits if e.comment)


# -- 1. what the transfer moves; a transfer that already waits for payment -------------------------------


def album_email(transfer: str) -> bytes:
    return contract(
        "From: Ines Duarte <ines@ashgrovephoto.example>",
        "To: Sam Okafor <sam@okafor.example>",
        "Subject: Your wedding album",
        "Hi Sam,",
        "Thanks for choosing us. Here is what we agreed on the phone.",
        "Ashgrove Photography will photograph the wedding on 12 June and design a printed album of 40 pages.",
        "Our fee is $3,200, half now and half when we deliver the album.",
        transfer,
        "Let us know by reply to this email that you agree.",
        "Best wishes,",
        "Ines",
    )


PAID_FIRST = album_email(
    "Once you have paid our invoice in full, the edited album is yours: we will assign the copyright in it to "
    "you. We keep the rights in the raw photographs, and you may share them with your family."
)
NOT_PAID_FIRST = album_email(
    "The edited album is yours: we will assign the copyright in it to you. We keep the rights in the raw "
    "photographs, and you may share them with your family."
)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_the_comments_say_ownership_of_what_the_email_transfers_not_of_everything_made_under_it(variant):
    said = comments(planned(PAID_FIRST, variant))
    assert "ownership of the edited album passes to you" in said or "transfers ownership of the edited album" in said
    assert "ownership of the work and other materials" not in said, said


def test_strict_asks_no_payment_condition_of_a_transfer_that_already_waits_for_payment():
    plan = planned(PAID_FIRST, "strict")
    said = comments(plan)
    assert "that transfer already waits for payment and stays as it is" in said, said
    assert "only on payment in full" not in said, said
    assert not [e for e in plan.edits if e.op == "replace" and e.finding == "ip_assignment"]


def test_strict_still_asks_that_a_transfer_with_no_payment_condition_wait_for_payment():
    said = comments(planned(NOT_PAID_FIRST, "strict"))
    assert "We ask that it pass only on payment in full" in said, said
    assert "ownership of the edited album passes to you" in said


def test_a_defined_work_product_is_still_named_by_its_term_in_the_transfer_comment():
    docx = contract(
        "DESIGN AGREEMENT",
        'This agreement is made between Harrow Lane Studio LLC (the "Studio") and Bright Oak Inc. (the "Client").',
        '1. The Studio shall design a set of packaging artworks for the Client (the "Artworks").',
        "2. The Client shall pay the Studio the fees set out in the schedule.",
        "3. The Studio hereby assigns to the Client all right, title and interest in the Artworks.",
        "4. This agreement is governed by the laws of the State of New York.",
    )
    said = comments(planned(docx, "standard"))
    assert "ownership of the Artworks" in said, said


@pytest.mark.parametrize(
    ("sentence", "waits"),
    [
        ("Once you've paid in full, the video is yours.", True),
        ("When the Client has paid the Fee, the Designer assigns the copyright to the Client.", True),
        ("Once the Customer pays all fees, ownership of the Software passes to the Customer.", True),
        ("Upon receipt of payment, the Studio assigns the Artworks to the Client.", True),
        ("The Designer assigns the copyright to the Client, even if you have not paid.", False),
        ("The Designer assigns the copyright in the logo to the Client on its creation.", False),
    ],
)
def test_a_transfer_waits_for_payment_only_where_its_sentence_says_so(sentence, waits):
    at = sentence.find("assigns") if "assigns" in sentence else sentence.find("is yours")
    at = at if at >= 0 else sentence.find("passes")
    f = Finding("ip_assignment", "high", 0, 0, sentence, None, (), None, "x", at, at + 1, "")
    assert waits_for_payment(f) is waits


@pytest.mark.parametrize(
    ("sentence", "phrase", "moved"),
    [
        (
            "Once you've paid in full, the finished video is yours: we'll transfer it to you.",
            "is yours",
            "the finished video",
        ),
        ("The Studio hereby assigns to the Client all rights in the Artworks.", "assigns", "the Artworks"),
        ("We'll transfer the copyright in it to you.", "transfer", None),  # a pronoun says nothing
    ],
)
def test_what_a_transfer_moves_is_read_from_its_own_words(sentence, phrase, moved):
    at = sentence.index(phrase)
    f = Finding("ip_assignment", "high", 0, 0, sentence, None, (), None, phrase, at, at + len(phrase), "")
    assert transferred_object(f) == moved


# -- 3. an exclusive licence: no right reserved to license others ------------------------------------------


def logo_licence(grant: str) -> bytes:
    return contract(
        "LOGO DESIGN AGREEMENT",
        'This agreement is made between Pennant Design Limited (the "Designer") and Marlow Bakeries Limited '
        '(the "Bakery").',
        '1. The Designer shall design a logo and a shop sign for the Bakery (the "Designs").',
        "2. The Bakery shall pay the Designer the fee of £2,400.",
        "3. Rights",
        "3.1 The Designer owns the copyright in the Designs.",
        f"3.2 {grant}",
        "4. This agreement is governed by the law of England and Wales.",
    )


EXCLUSIVE = logo_licence("The Designer grants the Bakery an exclusive licence to use the Designs for its bakeries.")
NON_EXCLUSIVE = logo_licence(
    "The Designer grants the Bakery a non-exclusive licence to use the Designs for its bakeries."
)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_under_an_exclusive_licence_the_reservation_reserves_no_right_to_license_others(variant):
    plan = planned(EXCLUSIVE, variant)
    reserved = inserted(plan, "reservation-of-rights")
    assert reserved, [e.clause for e in plan.edits]
    assert "license others" not in reserved and "right to license" not in reserved
    assert "exclusive right to use" not in reserved
    assert "not expressly granted" in reserved
    if variant == "minimal":  # its covenant leaves the client's own use free: the licence is not cut back
        assert "does not extend" not in reserved and "own internal use" in inserted(plan, "no-ai-training")
    else:  # the licence's limit said instead
        assert "extend" in reserved and "AI System" in reserved
    if variant == "standard":
        text = written(EXCLUSIVE, variant)
        assert "The licence granted to the Bakery does not extend to using the Designs to train" in text


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_under_a_non_exclusive_licence_the_reservation_still_reserves_licensing_others(variant):
    reserved = inserted(planned(NON_EXCLUSIVE, variant), "reservation-of-rights")
    assert "to license others to use" in reserved, reserved


# -- 4. one absolute duty to bind later transferees ---------------------------------------------------------


def software(rights: str) -> bytes:
    return contract(
        "SOFTWARE DEVELOPMENT AGREEMENT",
        'This agreement is made between Tidewater Code Inc. (the "Developer") and Orrin Logistics Inc. '
        '(the "Customer").',
        '1. The Developer shall develop a route-planning application for the Customer (the "Application").',
        "2. The Customer shall pay the Developer the fees in the schedule.",
        f"3. {rights}",
        "4. This agreement is governed by the laws of the State of Ohio.",
    )


ASSIGNED = software("The Developer hereby assigns to the Customer all right, title and interest in the Application.")
LICENSED = software(
    "The Developer owns the Application and grants the Customer a non-exclusive license to use the Application."
)


def test_where_the_work_passes_the_covenant_has_no_efforts_duty_beside_the_absolute_one():
    plan = planned(ASSIGNED, "standard")
    assert "agree in writing to be bound by the restriction on Prohibited AI Use" in inserted(
        plan, "retained-materials"
    )
    text = written(ASSIGNED, "standard")
    assert "commercially reasonable efforts" not in text
    # the client owns the work: it licenses, never sublicenses, so the covenant speaks of no sublicence (issue 15)
    assert "shall not provide any Protected Materials to an AI Vendor for any Prohibited AI Use." in text


def test_where_the_creator_keeps_the_work_the_covenant_keeps_its_efforts_duty():
    plan = planned(LICENSED, "standard")
    assert not inserted(plan, "retained-materials")
    # a licence the client may not sublicense: the permissions it gives anyone, not "every sublicense" (issue 15)
    assert "commercially reasonable efforts to include in every permission it gives anyone to use" in inserted(
        plan, "no-ai-training"
    )


def test_minimal_binds_no_later_transferee_so_its_covenant_keeps_its_efforts_duty():
    plan = planned(ASSIGNED, "minimal")
    assert "commercially reasonable efforts to include this restriction" in inserted(plan, "no-ai-training")


# -- 6. spelling, a creator who is a person, a purpose said once, the work's pronoun -------------------------


def commission(law: str, provider: str = 'Glenmore Studio Ltd (the "Studio")', sublicense: str = "") -> bytes:
    return contract(
        "COMMISSIONING AGREEMENT",
        f'This agreement is made between {provider} and Thistle Housing Association (the "Association").',
        "1. The Studio shall draw a series of twelve illustrations for the Association's annual report (the "
        '"Illustrations").',
        "2. The Association shall pay the Studio a fee of £1,800.",
        "3. The Studio grants the Association a non-exclusive right to use the Illustrations in the annual report"
        + sublicense
        + ".",
        f"4. This agreement is governed by {law}.",
    )


SUBLICENSABLE = ", and the Association may sublicense that right to its printers"  # our clauses then say "sublicence"


def test_a_british_document_gets_british_spelling_in_every_inserted_clause():
    text = inserted(planned(commission("the law of Scotland", sublicense=SUBLICENSABLE), "strict"))
    assert "authorise" in text and "vectorising" in text
    assert "authoriz" not in text and "vectoriz" not in text and "tokeniz" not in text
    assert "sublicence" in text and "No licence" in text  # the nouns; the verb stays
    assert "shall not sublicense" in text


def test_an_american_document_keeps_american_spelling():
    text = inserted(planned(commission("the laws of the State of Vermont", sublicense=SUBLICENSABLE), "strict"))
    assert "authorize" in text and "vectorizing" in text and "authoris" not in text
    assert "sublicence" not in text


def test_a_creator_who_is_a_person_is_indemnified_without_officers():
    person = commission("the law of Scotland", 'Morag Kerr of 4 Quay Street, Oban (the "Studio")')
    indemnity = inserted(planned(person, "strict"), "ai-indemnity")
    assert "hold harmless the Studio from and against" in indemnity and "subcontractors" not in indemnity, indemnity
    assert "officers" not in indemnity


def test_a_creator_that_is_a_company_is_indemnified_with_its_officers():
    indemnity = inserted(planned(commission("the law of Scotland"), "strict"), "ai-indemnity")
    assert "the Studio's officers, employees and subcontractors" in indemnity, indemnity


def dataset_licence(work: str, purpose: str = " for any purpose") -> bytes:
    return contract(
        "DATA LICENCE",
        'This licence is made between Fathom Survey Inc. (the "Licensor") and Kestrel Maps Inc. (the "Licensee").',
        f'1. "{work}" means the bathymetric survey data set out in the schedule, as a dataset.',
        f"2. The Licensor grants the Licensee a non-exclusive, perpetual licence to use the {work}{purpose}.",
        "3. The Licensee shall pay the Licensor a licence fee of $12,000.",
        "4. This licence is governed by the laws of the State of Maine.",
    )


@pytest.mark.parametrize(("work", "pronoun"), [("Survey Dataset", "it"), ("Survey Datasets", "them")])
def test_a_comment_calls_the_work_it_or_them_as_its_name_is_singular_or_plural(work, pronoun):
    said = comments(planned(dataset_licence(work), "standard"))
    assert f"datasets derived from {pronoun}," in said, said


def test_a_document_with_no_project_names_the_clients_own_business_once():
    # no "for any purpose": minimal keeping that wide purpose adds no Permitted Purpose (test_minimal_purpose)
    plan = planned(dataset_licence("Survey Dataset", purpose=""), "minimal")
    text = "\n".join([inserted(plan), comments(plan)])
    assert "Licensee's own business purposes" in text, text
    assert "related business purposes" not in text


def test_a_document_with_a_project_keeps_the_related_business_purposes():
    plan = planned(commission("the laws of the State of Vermont"), "minimal")
    assert "and for the Association's related business purposes" in inserted(plan), inserted(plan)


def test_a_british_court_is_asked_for_no_bond_but_an_american_one_still_is():
    assert "bond" not in inserted(planned(commission("the law of Scotland"), "strict"), "ai-remedies")
    american = inserted(planned(commission("the laws of the State of Vermont"), "strict"), "ai-remedies")
    assert "without posting a bond" in american


def assigned_commission(provider: str) -> bytes:
    return contract(
        "COMMISSIONING AGREEMENT",
        f'This agreement is made between {provider} and Thistle Housing Association (the "Association").',
        '1. The Studio shall draw twelve illustrations for the Association (the "Illustrations").',
        "2. The Association shall pay the Studio a fee of £1,800.",
        "3. The Studio assigns to the Association the copyright in the Illustrations.",
        "4. This agreement is governed by the law of Scotland.",
    )


def test_a_creator_who_is_a_person_is_named_again_where_a_company_would_be_it():
    person = comments(planned(assigned_commission('Morag Kerr of 4 Quay Street, Oban (the "Studio")'), "standard"))
    assert "the materials and know-how the Studio had before this agreement" in person, person
    assert "know-how it had" not in person
    company = comments(planned(assigned_commission('Glenmore Studio Ltd (the "Studio")'), "standard"))
    assert "the materials and know-how it had before this agreement" in company, company
    assert "Anyone the Association later assigns or licenses the Illustrations to must first agree" in person


def test_an_american_documents_comments_spell_license_and_a_british_ones_licence():
    american = comments(planned(commission("the laws of the State of Vermont"), "standard"))
    assert "the rights the license does not grant" in american and "licence" not in american
    british = comments(planned(commission("the law of Scotland"), "standard"))
    assert "the rights the licence does not grant" in british and "license does" not in british


def test_a_licence_written_the_british_way_under_a_us_states_law_does_not_make_the_redline_british():
    text = inserted(planned(dataset_licence("Survey Dataset"), "strict"))  # "licence", the law of Maine
    assert "authorize" in text and "authorise" not in text and "sublicence" not in text
