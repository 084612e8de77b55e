"""A party the document writes of in the plural gets "their" and "them" in our text, as it gets "they" and plural verbs.

analysis/number.py reads "the Producers" / "the Licensees" as plural ("which expression shall include their
successors", "The Producers are"); the clause renderer then gives their verbs in the plural ("the Producers give")
and "they" where the template says "it" of them. Its possessive and object pronouns must agree too: "ensure their
recipients", "give them the records", and a verb after an adverb or coordinated with another ("anyone the Producers
later assign or license the Screenplay to"). "its" that stands for something else named after the party ("an AI
Vendor and its affiliates") stays; a singular party keeps "it" / "its".
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted, rejected

from noai import engine
from noai.library.render import PLURAL, Filler

DATE = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")

PLURAL_TERMS = {"client": "the Publishers", "provider": "the Authors", "agreement": "this Agreement"}


def filled(text: str, *, plural: bool) -> str:
    terms = (
        {**PLURAL_TERMS, PLURAL: "client provider"}
        if plural
        else {"client": "the Publisher", "provider": "the Author", "agreement": "this Agreement"}
    )
    return Filler({}, terms).fill(text)


@pytest.mark.parametrize(
    ("template", "many", "one"),
    [
        (
            "{Client} shall delete, and ensure its recipients delete, every copy.",
            "The Publishers shall delete, and ensure their recipients delete, every copy.",
            "The Publisher shall delete, and ensure its recipients delete, every copy.",
        ),
        (
            "{Client} shall bind its successors and assigns.",
            "The Publishers shall bind their successors and assigns.",
            "The Publisher shall bind its successors and assigns.",
        ),
        (
            "{Client} shall notify {provider} and give it the records.",
            "The Publishers shall notify the Authors and give them the records.",
            "The Publisher shall notify the Author and give it the records.",
        ),
        (
            "Anyone {client} later assigns or licenses the Work to must agree.",
            "Anyone the Publishers later assign or license the Work to must agree.",
            "Anyone the Publisher later assigns or licenses the Work to must agree.",
        ),
        (
            "{Client} also keeps and uses the records.",
            "The Publishers also keep and use the records.",
            "The Publisher also keeps and uses the records.",
        ),
        (  # "its" of a thing named between: the AI Vendor's affiliates, whatever the party's number
            "{Client} shall not provide any copy to an AI Vendor or its affiliates.",
            "The Publishers shall not provide any copy to an AI Vendor or its affiliates.",
            "The Publisher shall not provide any copy to an AI Vendor or its affiliates.",
        ),
        (  # "it" of a thing named since the party, not of the party
            "{Client} shall not permit any Prohibited AI Use, and no term may require it or permit it.",
            "The Publishers shall not permit any Prohibited AI Use, and no term may require it or permit it.",
            "The Publisher shall not permit any Prohibited AI Use, and no term may require it or permit it.",
        ),
        (  # "it" of a thing the party is given
            "{Client} shall tell {provider} of any copy and shall give it to {provider} on request.",
            "The Publishers shall tell the Authors of any copy and shall give it to the Authors on request.",
            "The Publisher shall tell the Author of any copy and shall give it to the Author on request.",
        ),
    ],
    ids=[
        "possessive",
        "possessive-bind",
        "object",
        "adverb-and-two-verbs",
        "also-two-verbs",
        "its-of-a-thing",
        "it-of-a-use",
        "it-of-a-copy",
    ],
)
def test_a_plural_partys_possessive_object_and_verbs_agree(template, many, one):
    assert filled(template, plural=True) == many
    assert filled(template, plural=False) == one


# -- two contract shapes: a British commissioning agreement (both parties plural, an assignment) and a US licence of
# artwork (both plural, a licence)


def docx(paragraphs: list[str]) -> bytes:
    return make_docx("".join(p(t) for t in paragraphs) + "<w:sectPr/>")


@functools.cache
def screenplay() -> bytes:
    return docx(
        [
            "COMMISSIONING AGREEMENT",
            'This Agreement is made between NORTHWIND PICTURES LLP (hereinafter called "the Producers", which '
            'expression shall include their successors and assigns) and JANE DOE and JOHN ROE (together "the '
            'Authors", which expression shall include their heirs).',
            '1. The Authors shall write a screenplay (the "Screenplay") for the Producers. The Authors are jointly '
            "responsible for delivery.",
            "2. The Authors hereby assign to the Producers all copyright in the Screenplay for the full term of "
            "copyright.",
            "3. The Producers shall pay the Authors GBP 20,000. The Producers are entitled to make changes to the "
            "Screenplay.",
            "4. This Agreement is governed by the laws of England.",
        ]
    )


@functools.cache
def artwork() -> bytes:
    return docx(
        [
            "ARTWORK LICENSE AGREEMENT",
            'This Agreement is made between ATLAS GAMES LLP ("the Licensees", which expression shall include their '
            'successors) and ORCHARD STUDIO ("the Artists", which expression includes their heirs).',
            "1. The Artists grant to the Licensees a non-exclusive license to use the illustrations delivered under "
            'this Agreement (the "Artwork") in the game. The Licensees are responsible for printing.',
            "2. The Licensees shall pay the Artists USD 5,000. The Artists have the right to be credited.",
            "3. This Agreement is governed by the laws of New York.",
        ]
    )


SHAPES = {"screenplay": (screenplay, "Producers"), "artwork": (artwork, "Licensees")}


@functools.cache
def redline(shape: str, variant: str) -> engine.Redline:
    return engine.redline(SHAPES[shape][0](), author="noai", date=DATE, options=engine.Options(variant=variant))


def singular_of(party: str, text: str) -> list[str]:
    """The places our text speaks of the plural ``party`` in the singular: a verb in the singular after its name,
    "it" / "its" standing for it (the party the last one named before the pronoun in its sentence)."""
    wrong = re.findall(
        rf"\b{party} (?:(?:later|also|then)\s+)?(?:gives|assigns|licenses|keeps|has|is|allows|works|agrees)\b", text
    )
    for sentence in re.split(r"(?<=[.;])\s+", text):
        for m in re.finditer(r"\b(its|it)\b", sentence):
            before = sentence[: m.start()]
            last = max(
                (
                    n.start()
                    for n in re.finditer(r"\bthe (?:[A-Z][a-z]+)\b|\b(?:AI (?:System|Vendor)|Agreement)\b", before)
                ),
                default=-1,
            )
            if (
                last >= 0
                and before[last:].startswith(f"the {party}")
                and re.match(r"\s+(?:affiliates|successors|recipients|own)\b|\s+later\b", sentence[m.end() :])
            ):
                wrong.append(sentence)
    return wrong


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", list(SHAPES))
def test_our_text_and_comments_speak_of_a_plural_party_in_the_plural(shape, variant):
    red = redline(shape, variant)
    party = SHAPES[shape][1]
    said = "\n".join(
        [q["text"] for e in red.plan.edits for q in e.paragraphs]
        + [e.replacement or "" for e in red.plan.edits]
        + [e.comment or "" for e in red.plan.edits]
    )
    assert not singular_of(party, said)
    assert f"{party}'" in said  # the possessive of a plural name: "the Producers' affiliates"
    written = "\n".join(accepted(red.docx))
    assert not singular_of(party, written)
    assert rejected(red.docx) == [q.text for q in engine.read(SHAPES[shape][0]()).paragraphs]


def test_the_assignments_comment_says_anyone_the_plural_client_later_assign_or_license_to():
    """Standard's approach comment on the screenplay's assignment: "have anyone the Producers later assign or
    license the Screenplay to agree in writing", not "assigns or licenses"."""
    said = " ".join(e.comment or "" for e in redline("screenplay", "standard").plan.edits)
    assert "anyone the Producers later assign or license the Screenplay to" in said, said
    assert "Producers later assigns" not in said


@pytest.mark.libreoffice
def test_libreoffice_reads_the_plural_in_our_text_and_comments(libreoffice):
    red = redline("screenplay", "standard")
    out, source = libreoffice([red.docx, screenplay()])
    assert out["rejected_paragraphs"] == source["paragraphs"]
    said = " ".join(c["text"] for c in out["comments"])
    assert "anyone the Producers later assign or license the Screenplay to" in said, said
    assert not singular_of("Producers", "\n".join(out["accepted_paragraphs"]) + "\n" + said)
