"""Issue 15: what the creator expressly keeps ("we keep the raw photographs", "the Consultant retains all right,
title and interest in its templates", "the sketches remain the property of the Designer") is read as a fact and
named where the redline keeps the creator's materials (the licence-back, the approach comment). Direction
matters: a clause binding the creator ("shall not retain") or the client keeping its own materials keeps
nothing for the creator, and then the redline stays as it was. Contracts written for these tests.
"""

from __future__ import annotations

import pytest
from test_redline_texts import comments, contract, inserted, planned, written

from noai import engine
from noai.analysis.facts import read_facts


def album_email(keeping: str) -> bytes:
    return contract(
        "From: Ines Duarte <ines@ashgrovephoto.example>",
        "To: Sam Okafor <sam@okafor.example>",
        "Subject: Your wedding album",
        "Hi Sam,",
        "Ashgrove Photography will photograph the wedding on 12 June and design a printed album of 40 pages.",
        "Our fee is $3,200, half now and half when we deliver the album.",
        "Once you have paid our invoice in full, the edited album is yours: we will assign the copyright in it to you.",
        keeping,
        "Let us know by reply to this email that you agree.",
        "Best wishes,",
        "Ines",
    )


def design_agreement(clause: str) -> bytes:
    return contract(
        "DESIGN SERVICES AGREEMENT",
        'This agreement is made between Fernhill Design LLC (the "Designer") and Corvid Labs Inc. (the "Client").',
        '1. The Designer shall design a logo and a set of brand guidelines (the "Designs") for the Client.',
        "2. The Client shall pay the Designer a fee of $6,000 within 30 days of delivery.",
        "3. The Designer hereby assigns to the Client all right, title and interest in the Designs.",
        f"4. {clause}",
        "5. This agreement is governed by the laws of the State of New York.",
    )


def kept(docx: bytes) -> str | None:
    return read_facts(engine.audit(docx)).kept


@pytest.mark.parametrize(
    "sentence",
    [
        "We keep the rights in the raw photographs and the contact sheets, and you may share them.",
        "We'll keep the raw photographs and the contact sheets, and you may print a few for family.",
        "The raw photographs and the contact sheets remain ours.",
        "The raw photographs and the contact sheets stay with us.",
        "We retain ownership of the raw photographs and the contact sheets.",
    ],
)
def test_an_email_that_keeps_materials_for_us_is_read_as_keeping_them(sentence):
    assert kept(album_email(sentence)) == "the raw photographs and the contact sheets"


@pytest.mark.parametrize(
    "sentence",
    [
        "You keep the rights in your family photographs.",
        "We keep copies for our records.",
        "We keep the right to show the album in our portfolio.",
        "We keep you posted on the printing schedule.",
        "We will not keep any of the photographs after delivery.",
    ],
)
def test_an_email_that_keeps_nothing_of_ours_is_read_as_keeping_nothing(sentence):
    assert kept(album_email(sentence)) is None


@pytest.mark.parametrize(
    ("clause", "materials"),
    [
        (
            "The Designer retains all right, title and interest in its sketches, fonts and layout templates.",
            "the Designer's sketches, fonts and layout templates",
        ),
        (
            "All preliminary sketches and unused concepts remain the property of the Designer.",
            "all preliminary sketches and unused concepts",
        ),
        ("The Designer shall not retain copies of the Designs after delivery.", None),
        ("The Designer shall not retain any rights in the Designs.", None),
        ("The Client retains ownership of the Client Materials.", None),
        ("All Client Materials remain the property of the Client.", None),
        ("All rights not expressly granted remain with the Designer.", None),
        ("The Designer retains all of its intellectual property rights in its own business.", None),
        ("The Designer retains ownership of the intellectual property rights in the Designs until paid.", None),
        (
            "The Designer retains its design software, whether bought before or after this agreement.",
            "the Designer's design software",
        ),
        ("The Designs remain the property of the Designer until the fee is paid.", None),
    ],
)
def test_a_contract_keeps_materials_for_the_creator_only_where_the_creator_keeps_them(clause, materials):
    assert kept(design_agreement(clause)) == materials


def test_the_licence_back_names_what_the_email_keeps_for_us():
    docx = album_email("We keep the rights in the raw photographs and the contact sheets, and you may share them.")
    text = written(docx, "strict")
    assert (
        "Nothing in this email transfers to you the raw photographs and the contact sheets or any other material, "
        "tool or know-how that we owned before this email or that we develop independently of it" in text
    ), text


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_the_comments_say_the_transfer_moves_the_album_and_leaves_what_we_keep_with_us(variant):
    docx = album_email("The raw photographs and the contact sheets remain ours.")
    plan = planned(docx, variant)
    said = comments(plan)
    assert (
        "transfers ownership of the edited album to you and leaves the raw photographs and the contact sheets with us"
        in said
    ), said
    assert "It names the raw photographs and the contact sheets, which this email keeps with us." in said, said
    assert "the raw photographs and the contact sheets or any other material" in inserted(plan, "retained-materials")


def test_a_contract_that_keeps_the_designers_sketches_names_them_in_the_licence_back():
    docx = design_agreement("All preliminary sketches and unused concepts remain the property of the Designer.")
    plan = planned(docx, "strict")
    assert "transfers to the Client all preliminary sketches and unused concepts or any other material" in inserted(
        plan, "retained-materials"
    )
    assert "leaves all preliminary sketches and unused concepts with the Designer" in comments(plan)


@pytest.mark.parametrize(
    "clause",
    [
        "The Designer shall not retain copies of the Designs after delivery.",
        "The Client retains ownership of the Client Materials.",
    ],
)
def test_a_contract_where_the_creator_keeps_nothing_gets_the_licence_back_as_before(clause):
    plan = planned(design_agreement(clause), "strict")
    text = inserted(plan, "retained-materials")
    assert "Nothing in this agreement transfers to the Client any material, tool or know-how" in text, text
    assert "leaves" not in comments(plan)
    assert "It names" not in comments(plan)


def test_an_email_that_keeps_nothing_gets_the_licence_back_as_before():
    plan = planned(album_email("We keep copies for our records."), "strict")
    assert "Nothing in this email transfers to you any material, tool or know-how" in inserted(
        plan, "retained-materials"
    )
    assert "leaves" not in comments(plan)
