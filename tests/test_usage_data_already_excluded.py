"""The Usage Data / Feedback comment (REVIEW23 item 14): "We ask that the rights given here (“Usage Data”) exclude
Customer Content and any use of them to train AI" asked for what the definition already gives ("“Usage Data” means
… but excluding the content of Customer Content"), and its "them" did not agree with a singular work name.

Two shapes written for these tests: a US SaaS agreement read for the Customer ("Customer Content", singular) and a UK
hosting agreement read for the Photographer ("the Photographs", plural, "does not include"). Where the definition of
the rights' subject already leaves our material out, no comment asks for it; where it does not, the comment asks in
words that agree with either name ("that material"). Plan and written .docx (comments.xml)."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime
from io import BytesIO

import pytest
from support.docx_builder import make_docx, p, r
from support.read import accepted, plan_comments

from noai import engine

DATE = datetime(2027, 1, 5, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def _saas(usage: str) -> tuple[str, ...]:
    return (
        "SOFTWARE AS A SERVICE AGREEMENT",
        'This Agreement is between Tessel Cloud Inc. ("Provider") and Fenwick Illustration LLC ("Customer").',
        "1. Definitions.",
        '"Service" means the hosted illustration platform Provider makes available to Customer.',
        '"Customer Content" means all artwork, images and other materials Customer uploads to the Service.',
        f'"Usage Data" means data about the operation of the Service, including logs and metrics{usage}.',
        "2. The Service. Provider shall provide the Service to Customer during the Term. Customer shall pay the Fees "
        "within thirty days of invoice.",
        "3. Customer Content. As between the parties, Customer owns all right, title and interest in the Customer "
        "Content. Customer grants Provider a non-exclusive licence to host and process Customer Content solely to "
        "provide the Service.",
        "4. Usage Data. Provider may collect Usage Data and may use it for any purpose, including to improve the "
        "Service.",
        "5. Governing law. This Agreement is governed by the laws of the State of New York.",
    )


def _hosting(usage: str) -> tuple[str, ...]:
    return (
        "IMAGE HOSTING AGREEMENT",
        'This Agreement is made between Harbour Pixel Ltd ("Host") and Ada Lyle ("Photographer").',
        "1. Definitions",
        '1.1 "Photographs" means the photographs Photographer uploads to the Platform.',
        '1.2 "Platform" means the image hosting website operated by Host.',
        f'1.3 "Usage Data" means statistics about visits to the Platform{usage}.',
        "2. Licence. Photographer grants Host a non-exclusive licence to display the Photographs on the Platform "
        "solely to provide the hosting service.",
        "3. Usage Data. Host may collect Usage Data and may use it for any purpose, including to improve the Platform.",
        "4. Governing law. This Agreement is governed by the laws of England and Wales.",
    )


SHAPES = {
    "saas": (_saas, ", but excluding the content of Customer Content", "Customer", "Usage Data"),
    "hosting": (_hosting, ", which does not include the Photographs", "Photographer", "Usage Data"),
}


def redline(shape: str, excluded: bool, variant: str) -> engine.Redline:
    build, words, we, _ = SHAPES[shape]
    docx = make_docx("".join(p(r(t)) for t in build(words if excluded else "")))
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


def written_comments(red: engine.Redline) -> list[str]:
    with zipfile.ZipFile(BytesIO(red.docx)) as z:
        if "word/comments.xml" not in z.namelist():
            return []
        xml = z.read("word/comments.xml").decode()
    return ["".join(re.findall(r"<w:t[^>]*>([^<]*)", c)) for c in re.findall(r"<w:comment .*?</w:comment>", xml, re.S)]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_no_comment_asks_what_the_definition_already_excludes(shape, variant):
    red = redline(shape, excluded=True, variant=variant)
    term = SHAPES[shape][3]
    for said in (plan_comments(red), written_comments(red)):
        assert not any(f"(“{term}”) exclude" in c for c in said), said
    assert any(SHAPES[shape][1].lstrip(", ") in t for t in accepted(red))  # the definition stands as written


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_where_the_definition_does_not_exclude_it_the_comment_asks_in_words_that_agree(shape, variant):
    red = redline(shape, excluded=False, variant=variant)
    term = SHAPES[shape][3]
    for said in (plan_comments(red), written_comments(red)):
        asks = [c for c in said if f"(“{term}”) exclude" in c]
        assert asks, said
        assert all("use of them" not in c and "training of AI on that material" in c for c in asks), asks
