"""Issue 15 (session 9, NOTE items 1, 2, 3, 7, 12): strict says what stays true beside what the document keeps.

Each test reads the plan and, where the words matter, the written .docx (tracked changes accepted), on the
synthetic contracts of ``support.synthetic_contracts`` and on small contracts of another shape written here:
- the transparency clause names no party's "content": the materials trained on are the Protected Materials,
  whoever licenses or owns them (item 12);
- where the client owns the work (or will, on payment), strict's covenant asks the creator's written consent for
  AI use, never "a separate written licence signed by" the creator of what the client owns (item 7);
- the comments on a transfer the redline keeps say that it stays unchanged (not "we keep that", which reads as the
  creator keeping ownership in a "we" email), and say who must agree to the AI restriction grammatically, naming the
  long work description at most once (item 3);
"""

from __future__ import annotations

import pytest
from test_redline_texts import comments, contract, planned, written
from test_review_synthetic import inserted_texts, redline, words_written

# -- item 12: training on the Protected Materials, not on the client's content -------------------------------


def photo_licence() -> bytes:
    """The creator licenses (keeps ownership): a photographer licensing prints to a gallery."""
    return contract(
        "PHOTOGRAPH LICENCE",
        'This licence is made between Ada Quill of 4 Mill Lane, Leeds (the "Photographer") and Northgate '
        'Gallery Ltd (the "Gallery").',
        '1. The Photographer shall supply twelve photographs of the Leeds canal (the "Photographs").',
        "2. The Gallery shall pay the Photographer a fee of £2,400 on delivery.",
        "3. The Photographer grants the Gallery a non-exclusive licence to reproduce the Photographs in the "
        "catalogue of its 2027 exhibition.",
        "4. This licence is governed by the law of England and Wales.",
    )


def supply_agreement() -> bytes:
    """The creator supplies work the client will own: a writer assigning articles to a publisher."""
    return contract(
        "ARTICLE COMMISSION",
        'This agreement is made between Rowan Vale LLC (the "Writer") and Bellbird Media Inc. (the "Publisher").',
        '1. The Writer shall write six articles on urban gardening (the "Articles").',
        "2. The Publisher shall pay the Writer $3,000 within 30 days of delivery.",
        "3. The Writer hereby assigns to the Publisher all right, title and interest in the Articles.",
        "4. This agreement is governed by the laws of the State of New York.",
    )


def transparency(texts: list[str]) -> str:
    return "\n".join(t for t in texts if "training on" in t and "switched off" in t)


@pytest.mark.parametrize(
    ("name", "client"),
    [
        ("music-commission", "Producer"),
        ("uk-brand-design", "Retailer"),
        ("studio-email", "you"),
        ("us-work-for-hire", "Company"),
    ],
)
def test_strict_transparency_asks_that_training_on_the_protected_materials_be_off_not_on_the_clients_content(
    name, client
):
    said = transparency(inserted_texts(redline(name, "strict")))
    assert "training on the Protected Materials is switched off or excluded by contract" in said, said
    assert "content" not in said, said
    assert f"{client}'s content" not in words_written(redline(name, "strict"))


@pytest.mark.parametrize("build", [photo_licence, supply_agreement])
def test_the_written_transparency_clause_names_the_protected_materials_where_the_creator_licenses_or_supplies(build):
    docx = build()
    assert "training on the Protected Materials is switched off" in inserted_texts_of(planned(docx, "strict"))
    text = written(docx, "strict")
    assert "training on the Protected Materials is switched off or excluded by contract" in text, text
    assert "'s content" not in text and "your content" not in text, text


def inserted_texts_of(plan) -> str:
    return "\n".join(q["text"] for e in plan.edits if e.op == "insert_after" for q in e.paragraphs)


# -- item 7: consent, not a licence, for what the client owns -------------------------------------------------

OWNED = ("studio-email", "us-work-for-hire", "vested-disclaimer", "software-development", "us-software-development")


def covenant(texts: list[str]) -> str:
    return "\n".join(t for t in texts if "shall not engage in any Prohibited AI Use" in t)


@pytest.mark.parametrize("name", OWNED)
def test_where_the_client_owns_the_work_strict_asks_the_creators_consent_not_a_licence_for_ai_use(name):
    red = redline(name, "strict")
    said = covenant(inserted_texts(red))
    assert "prior written consent, which" in said, said
    assert "written licen" not in words_written(red), said


@pytest.mark.parametrize("name", ["music-commission", "uk-brand-design", "photo-licence"])
def test_where_the_creator_keeps_ownership_strict_still_asks_a_separate_written_licence(name):
    said = covenant(inserted_texts(redline(name, "strict")))
    assert "it requires a separate written licence signed by the" in said, said
    assert "including any transfer of rights" not in said


def test_a_supply_agreement_written_in_strict_asks_the_writers_consent_and_a_licence_stays_for_a_licensor():
    text = written(supply_agreement(), "strict")
    assert (
        "Nothing in this agreement, including any transfer of rights under it, permits Prohibited AI Use; it "
        "requires the Writer's prior written consent, which the Writer may refuse or make subject to an additional "
        "fee." in text
    ), text
    assert "written license" not in text
    licensed = written(photo_licence(), "strict")
    assert "it requires a separate written licence signed by the Photographer" in licensed, licensed


# -- item 3: comments on a transfer we keep, in every person -------------------------------------------------


def logo_email() -> bytes:
    """A designer writing "I" who assigns a logo on payment and keeps her sketches."""
    return contract(
        "From: Lena Fox <lena@foxdraws.example>",
        "To: Omar Haddad <omar@haddadbakery.example>",
        "Subject: Your new logo",
        "Hi Omar,",
        "I will design a logo and a shop sign for Haddad Bakery.",
        "My fee is £900, due when I deliver the final files.",
        "Once you have paid, the logo is yours: I will assign the copyright in it to you. I keep the rights in my "
        "sketches, and you can use them on your website.",
        "Let me know by reply that you agree.",
        "Lena",
    )


AMBIGUOUS = ("we keep that", "we keep it", "I keep that", "I keep it", " to by the AI restriction", "bind anyone")


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
@pytest.mark.parametrize(
    ("name", "taker"),
    [
        ("studio-email", "Anyone you later assign or license the finished video to must first agree in writing"),
        ("vested-disclaimer", "Anyone the Institute later assigns or licenses the Illustrations to must first agree"),
        ("us-work-for-hire", "Anyone Company later assigns or licenses the Contributions to must first agree"),
    ],
)
def test_comments_on_a_kept_transfer_say_it_stays_unchanged_and_who_must_agree_to_the_ai_restriction(
    name, taker, variant
):
    said = comments_of(name, variant)
    joined = "\n".join(said)
    assert not [a for a in AMBIGUOUS if a.lower() in joined.lower()], joined
    if variant != "minimal":  # minimal binds no later taker
        assert taker in joined, joined
    assert "unchanged" in joined or "stays as it is" in joined or "only on payment" in joined, joined
    long = "the work and other materials we create or supply under this email"
    assert all(c.count(long) <= 1 for c in said), [c for c in said if c.count(long) > 1]


def comments_of(name: str, variant: str) -> list[str]:
    return [e.comment for e in redline(name, variant).plan.edits if e.comment]


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_letter_written_as_i_says_i_leave_the_transfer_unchanged_and_who_must_agree(variant):
    said = comments(planned(logo_email(), variant))
    assert "Here ownership of the logo passes to you. I leave that transfer unchanged" in said, said
    assert "Anyone you later assign or license the logo to must first agree in writing to be bound" in said, said
    assert "have anyone you later assign or license the logo to agree in writing to the AI restriction" in said, said
    assert not [a for a in AMBIGUOUS if a.lower() in said.lower()], said
