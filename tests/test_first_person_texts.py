"""A contract written as "I" / "we" / "you" gets our words in its grammar, and the approach comment names every
kind of change the redline makes (issue 15, session 8 review).

Our own examples: an illustrator's letter to a cookbook author ("I" / "you", a licence "for any purpose"), the
same letter between named parties (the third person, which must read as before), and template sentences filled
with a pronoun or a name.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from support.read import plan_comments as comments

from noai import engine
from noai.library.render import Filler, in_my_voice

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
FIRST = {"provider": "I", "client": "you", "agreement": "this letter"}
THIRD = {"provider": "the Illustrator", "client": "the Author", "agreement": "this agreement"}


# -- template sentences: object and possessive forms, "hold X harmless" ----------------------------------------


@pytest.mark.parametrize(
    ("template", "first", "third"),
    [
        (
            "an accountant chosen by {provider} may examine the sales ledgers of {client} once a year",
            "an accountant chosen by me may examine your sales ledgers once a year",
            "an accountant chosen by the Illustrator may examine the sales ledgers of the Author once a year",
        ),
        (
            "output that mimics the brushwork, palette or signature of {provider} or of any assistant",
            "output that mimics my brushwork, palette or signature or that of any assistant",
            "output that mimics the brushwork, palette or signature of the Illustrator or of any assistant",
        ),
        (
            "{Client} shall indemnify and hold harmless {provider} and {provider}'s agents against any claim",
            "You shall indemnify and hold me and my agents harmless against any claim",
            "The Author shall indemnify and hold harmless the Illustrator and the Illustrator's agents against "
            "any claim",
        ),
        (
            "the copying of {client}, or of {provider}'s name, in an advert",
            "your copying, or that of my name, in an advert",
            "the copying of the Author, or of the Illustrator's name, in an advert",
        ),
    ],
)
def test_a_pronoun_party_takes_its_possessive_and_object_place_and_a_named_party_reads_as_written(
    template, first, third
):
    assert Filler({}, FIRST).fill(template) == first
    assert Filler({}, THIRD).fill(template) == third


def test_an_of_phrase_after_a_function_word_keeps_its_pronoun():
    said = Filler({}, FIRST).fill("the benefit of each of {client}, and a copy for {provider}")
    assert said == "the benefit of each of you, and a copy for me"


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (
            {**FIRST, "deliverables": "the sketches and other materials I create or supply under this letter"},
            "the sketches and other materials I create or supply under this letter, including every study, proof "
            "and layout file, and anything derived from them",
        ),
        (
            {**THIRD, "deliverables": "the Illustrations"},
            "the Illustrations, every study, proof, layout file and other material created or supplied by the "
            "Illustrator under this agreement, and anything derived from them",
        ),
    ],
)
def test_a_definition_names_the_created_materials_once_where_the_work_is_described_by_them(terms, expected):
    template = (
        "{deliverables}, every study, proof, layout file and other material created or supplied by {provider} "
        "under {agreement}, and anything derived from them"
    )
    assert Filler({}, terms).fill(template) == expected


def test_a_described_work_finally_delivered_names_its_agreement_once():
    template = "{deliverables} as finally delivered under {agreement}"
    described = {**FIRST, "deliverables": "the sketches and other materials I create or supply under this letter"}
    assert Filler({}, described).fill(template) == (
        "the sketches and other materials I create or supply under this letter, as finally delivered"
    )
    named = {**THIRD, "deliverables": "the Illustrations"}
    assert Filler({}, named).fill(template) == "the Illustrations as finally delivered under this agreement"


def test_a_comment_in_the_voice_of_a_creator_who_writes_i_says_i_and_keeps_quoted_words():
    said = in_my_voice("Our approach: we are keeping “our logo as we drew it”; we limit the use, as agreed with us.")
    assert said == "My approach: I am keeping “our logo as we drew it”; I limit the use, as agreed with me."


# -- a letter written as "I" / "you", and the same letter between named parties ------------------------------


def letter() -> bytes:
    return make_docx(
        "".join(
            p(t)
            for t in (
                "Tomasz Wren · Illustration · 12 Mill Lane, York",
                "3 March 2027",
                "Dear Alex,",
                "Thank you for asking me to illustrate the cover and six chapter openers for your cookbook.",
                "The work: I'll draw a painted cover and six ink illustrations, and send you the files by 30 June.",
                "Fee: £2,400, payable within 30 days of delivery.",
                "Rights: I keep the copyright in the illustrations. I grant you a licence to reproduce them for any "
                "purpose, in print and online.",
                "English law governs this letter.",
                "Kind regards,",
                "Tomasz Wren",
            )
        )
        + "<w:sectPr/>"
    )


def agreement() -> bytes:
    return make_docx(
        "".join(
            p(t)
            for t in (
                "ILLUSTRATION AGREEMENT",
                'This agreement is made between Wren Studio Ltd (the "Illustrator") and Dunmore Books Ltd (the '
                '"Publisher").',
                '1. Definitions. "Illustrations" means the cover and six chapter openers the Illustrator draws '
                "for the Publisher's cookbook.",
                "2. Work and fee",
                "2.1 The Illustrator shall draw the Illustrations and the Publisher shall pay the fee of £2,400.",
                "3. Rights",
                "3.1 The Illustrator retains the copyright in the Illustrations.",
                "3.2 The Illustrator grants the Publisher a licence to reproduce the Illustrations for any purpose.",
                "4. General",
                "4.1 This agreement is governed by the laws of England.",
            )
        )
        + "<w:sectPr/>"
    )


def redline(docx: bytes, variant: str) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant), filename="l.docx")


def written(red: engine.Redline) -> str:
    texts = [q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs]
    return "\n".join(texts + [e.replacement or "" for e in red.plan.edits] + comments(red))


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_letter_in_the_first_person_reads_as_english_and_its_comments_keep_its_i(variant):
    red = redline(letter(), variant)
    said, words = "\n".join(comments(red)), written(red)
    assert re.search(r"\bI (?:keep|add|tie|limit)\b", said), said
    assert not re.search(r"\b[Ww]e (?:add|tie|limit|propose|keep|found)\b|\bOur approach\b", said), said
    assert not re.search(r"\b(?:records|likeness|replicas?|right) of (?:you|me)\b|\bharmless (?:me|you)\b", words)
    assert len(re.findall(r"\bcreat\w* or suppl\w*", words.split("“Protected Materials” means")[1].split(";")[0])) == 1


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_the_same_letter_between_named_parties_keeps_the_third_person_and_our_voice(variant):
    red = redline(agreement(), variant)
    said = "\n".join(comments(red))
    assert "Our approach" in said and re.search(r"\b[Ww]e (?:add|tie|limit)\b", said), said
    assert not re.search(r"\bI (?:add|tie|limit|found)\b", said), said


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_the_approach_comment_names_the_purpose_limit_when_only_its_definition_is_inserted(variant):
    red = redline(agreement(), variant)
    assert any("Permitted Purpose" in (e.replacement or "") for e in red.plan.edits)
    assert not [e for e in red.plan.edits for q in e.paragraphs if q["text"].startswith("The Publisher shall use")]
    [approach] = [c for c in comments(red) if "approach:" in c]
    assert "to the Permitted Purpose" in approach.split("Why this")[0], approach
