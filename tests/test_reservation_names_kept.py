"""The reservation of rights names what the document expressly keeps with the creator (NOTE "seen", d).

An English illustration licence ("The Illustrator keeps the original artwork and the preparatory sketches") and an
informal studio email that licenses a video and says "we keep the rights in the characters and the backgrounds",
both written for these tests: the inserted reservation (every variant) says the rights reserved include those in
them, and its comment says so; a licence that keeps nothing expressly gets no such sentence.
"""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p
from test_review_synthetic import DATE

from noai import engine

VARIANTS = ("strict", "standard", "minimal")


def illustration(kept: str = "3. The Illustrator keeps the original artwork and the preparatory sketches.") -> bytes:
    texts = (
        "ILLUSTRATION LICENCE",
        'This licence is made between Corvina Books Ltd (the "Publisher") and Tamsin Hale, an individual (the '
        '"Illustrator").',
        '1. The Illustrator shall draw twelve illustrations for the novel "The Salt Road" (the "Illustrations").',
        "2. The Illustrator grants the Publisher a non-exclusive licence to reproduce the Illustrations in all "
        "editions of the novel for any purpose.",
        *([kept] if kept else []),
        "4. The Publisher shall pay the Illustrator £3,000.",
        "5. This licence is governed by the law of England and Wales.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def email() -> bytes:
    texts = (
        "From: Ines Moreau <ines@lanternmoth.studio>",
        "To: Sam Okoro <sam@brightfield.co>",
        "Subject: Explainer video",
        "Hi Sam,",
        'As agreed, our studio will make a 60-second explainer video for you (the "Video") and deliver it by 3 May. '
        "You will pay us $7,500 on delivery.",
        "We license the Video to you to show on your website and social channels. We keep the rights in the "
        "characters and the backgrounds.",
        "This email is governed by the laws of the State of California.",
        "Best, Ines",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def reservation(docx: bytes, variant: str, we: str | None = None):
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))
    edits = [e for e in red.plan.edits if e.clause == "reservation-of-rights"]
    return red, edits


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("docx", "kept", "we"),
    (
        (illustration, "the original artwork and the preparatory sketches", None),
        (email, "the characters and the backgrounds", "we"),
    ),
    ids=("illustration", "email"),
)
def test_the_reservation_names_the_materials_the_document_keeps_with_the_creator(docx, kept, we, variant):
    red, edits = reservation(docx(), variant, we)
    assert edits
    texts = [q["text"] for e in edits for q in e.paragraphs]
    assert any(f"The rights reserved include all rights in {kept}." in t for t in texts), texts
    assert all(kept in (e.comment or "") for e in edits)
    accepted = "\n".join(q.text for q in engine.read(red.docx).paragraphs)  # the written .docx, accepted
    assert f"The rights reserved include all rights in {kept}." in accepted


def test_a_licence_that_keeps_nothing_expressly_reserves_no_named_materials():
    _red, edits = reservation(illustration(""), "standard")
    assert edits and not any("The rights reserved include" in q["text"] for e in edits for q in e.paragraphs)
