"""Letters and emails get redlines a lawyer would send to a friendly client (issue 15, session 10 re-grade).

The final re-grade of the informal letter (a developer's "I / you" letter to a café) and the studio's email found:
a comment saying the work "are code" where the letter covers "the code, designs and everything else I make"; the
inserted block separating "Who owns what: …" from its follow-on sentence "If you want to sell the app to other
cafés, we'll need to agree that separately."; contract boilerplate in strict ("defend, indemnify and hold …
harmless", "estoppel, course of dealing", "your affiliates" in a letter that has none); "reserve to me the rights";
the studio's standard licensing its own characters *back* from the client instead of having them assigned back; and
"the work and other materials we create or supply under this email" repeated in every comment.

Each class is tested on the synthetic contracts (plan and written .docx) and on two emails of another shape written
here: a freelance developer's email to a bakery (an app whose code, illustrations and everything else stay hers,
with a "But if you'd like …" follow-on) and an illustrator's email transferring a logo once paid while keeping her
sketchbook drawings.
"""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime
from io import BytesIO

import pytest
from support.docx_builder import make_docx, p
from support.synthetic_contracts import CONTRACTS
from test_redline_texts import accepted, rejected

from noai import engine
from noai.planning.placement import follow_on_end

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")
LETTER, STUDIO = "informal-letter", "studio-email"


def email(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def app_email(*extra: str) -> bytes:
    """A developer's email to a bakery: the app, its code, illustrations and everything else stay hers."""
    return email(
        "From: Jo Lindgren <jo@lindgren.dev>",
        "To: Marta Silva <marta@crumbandco.example>",
        "Subject: Your ordering app",
        "Hi Marta,",
        "Lovely to meet you at the bakery on Tuesday. Here's what we agreed, in writing.",
        "I'll build an online ordering app for Crumb & Co, with a small admin page where your team can see the orders.",
        "I'll also set it up on the shop's tablet and show your team how it works.",
        "My fee is £4,800, paid in two halves: now and at launch.",
        "The app, its source code, illustrations and everything else I make for it stay mine. You get a licence to "
        "use the app for the bakery for as long as you trade.",
        "But if you'd like to put the illustrations on your packaging too, we'd agree a small fee for that first.",
        *extra,
        "Scots law applies to this email.",
        "Let me know if that works for you.",
        "Cheers,",
        "Jo",
    )


def logo_email() -> bytes:
    """An illustrator's email: the logo passes once paid; her sketchbook drawings and alphabet stay hers."""
    return email(
        "From: Jo Lindgren <jo@lindgren.studio>",
        "To: Marta Silva <marta@crumbandco.example>",
        "Subject: Your new logo",
        "Hi Marta,",
        "I'll draw a new logo for Crumb & Co and a set of shop-window illustrations.",
        "My fee is $2,400: half now and half when I deliver the final files.",
        "Once you've paid in full, the logo and the illustrations are yours: I'll assign the copyright in them to "
        "you. I keep my sketchbook drawings and my hand-lettered alphabet, and you can use them on the bakery's "
        "packaging.",
        "Just reply to this email to let me know you're happy with it.",
        "Cheers,",
        "Jo",
    )


DOCUMENTS = {LETTER: CONTRACTS[LETTER][0], STUDIO: CONTRACTS[STUDIO][0], "app": app_email, "logo": logo_email}
_REDLINES: dict[tuple[str, str], engine.Redline] = {}


def redline(name: str, variant: str) -> engine.Redline:
    if (name, variant) not in _REDLINES:
        _REDLINES[name, variant] = engine.redline(
            DOCUMENTS[name](), author="noai", date=DATE, options=engine.Options(variant=variant)
        )
    return _REDLINES[name, variant]


def plan_comments(red: engine.Redline) -> list[str]:
    return [e.comment for e in red.plan.edits if e.comment]


def inserted(red: engine.Redline) -> str:
    return "\n".join(q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs)


def written(red: engine.Redline) -> list[str]:
    """The written .docx as Word shows it with every change accepted (rejecting all gives the input back)."""
    return accepted(red.docx)


def written_comments(red: engine.Redline) -> str:
    """The text of the comments in the written .docx."""
    with zipfile.ZipFile(BytesIO(red.docx)) as z:
        xml = z.read("word/comments.xml").decode("utf-8")
    return " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


# -- 1. the kind of work: true of what the document covers ------------------------------------------------------


@pytest.mark.parametrize(("name", "other"), [(LETTER, "designs"), ("app", "illustrations")])
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_letter_listing_code_with_other_work_says_the_work_includes_code_as_well_as_that_work(name, other, variant):
    red = redline(name, variant)
    said = next(c for c in plan_comments(red) if "code as well as" in c or re.search(r"\b(?:are|is) code\.", c))
    assert f"includes code as well as {other}." in said, said
    assert not re.search(r"\b(?:are|is) code\b", " ".join(plan_comments(red)))
    assert f"code as well as {other}" in written_comments(red)


def test_a_contract_whose_work_is_all_code_still_says_it_is_code():
    red = engine.redline(
        CONTRACTS["software-development"][0](), author="noai", date=DATE, options=engine.Options(variant="standard")
    )
    assert any(re.search(r"\b(?:are|is) code\.", c) for c in plan_comments(red)), plan_comments(red)


# -- 2. no insertion between a paragraph and the follow-on that continues it ----------------------------------------


@pytest.mark.parametrize(
    ("name", "paragraph", "follow_on"),
    [
        (LETTER, "Who owns what: ", "If you want to sell the app to other cafés"),
        ("app", "The app, its source code", "But if you'd like to put the illustrations"),
        (STUDIO, "Once you've paid in full", "We'd also like to show the video"),
    ],
)
@pytest.mark.parametrize("variant", VARIANTS)
def test_no_clause_is_inserted_between_a_paragraph_and_the_follow_on_that_continues_it(
    name, paragraph, follow_on, variant
):
    red = redline(name, variant)
    texts = written(red)
    at = next(i for i, t in enumerate(texts) if t.startswith(paragraph))
    assert texts[at + 1].startswith(follow_on), texts[at : at + 3]
    assert inserted(red) in "\n".join(texts[at + 2 :])  # the clauses come after the follow-on
    assert rejected(red.docx) == [q.text for q in engine.read(DOCUMENTS[name]()).paragraphs]


@pytest.mark.parametrize(
    "following",
    [
        "If you're happy with this, please sign below and send it back to me.",  # a closing: nothing in common
        "Price: if the app goes live late, the second half is due at launch.",  # a run-in label: a topic of its own
        "Scots law applies to this email and to the app.",  # no word leaning on the paragraph before
    ],
)
def test_a_paragraph_that_does_not_continue_the_one_before_is_no_follow_on(following):
    docx = email(
        "Hi Marta,",
        "I'll build an online ordering app for Crumb & Co.",
        "The app, its code and everything else I make for it stay mine; you get a licence to use the app.",
        following,
        "Cheers,",
        "Jo",
    )
    result = engine.audit(docx)
    anchor = next(i for i, q in enumerate(result.paragraphs) if q.text.startswith("The app, its code"))
    assert follow_on_end(result, anchor) == anchor


# -- 3, 4. plain words in a friendly letter -------------------------------------------------------------------------

BOILERPLATE = re.compile(
    r"\bindemnif|\bhold\b[^.]{0,60}\bharmless\b|\bestoppel\b|\bcourse of dealing\b|\birreparable\b|"
    r"\bequitable relief\b|\bcompetent jurisdiction\b|\bsuccessors and assigns\b|\byour affiliates\b"
)


@pytest.mark.parametrize("name", [LETTER, STUDIO, "app", "logo"])
def test_strict_speaks_to_a_friendly_client_in_plain_words(name):
    red = redline(name, "strict")
    ours = inserted(red) + "\n" + "\n".join(plan_comments(red))
    assert not BOILERPLATE.search(ours), BOILERPLATE.search(ours)
    assert re.search(r"\bYou will cover (?:me|us)\b", ours), ours
    if name in (LETTER, "app"):  # the creator keeps the work: the reservation in plain words
        assert "not acting on a breach straight away does not mean I accept it" in ours, ours
    assert "may ask a court to stop it" in ours, ours
    text = "\n".join(written(red))
    assert "You will cover" in text and not BOILERPLATE.search(text), BOILERPLATE.search(text)


def test_a_letter_that_speaks_of_affiliates_keeps_them_and_a_formal_contract_keeps_its_indemnity():
    red = engine.redline(
        app_email("Your affiliates (the other Crumb & Co shops) may use the app too."),
        author="noai",
        date=DATE,
        options=engine.Options(variant="strict"),
    )
    assert "your affiliates" in inserted(red)
    formal = engine.redline(
        CONTRACTS["photo-licence"][0](), author="noai", date=DATE, options=engine.Options(variant="strict")
    )
    assert "shall defend, indemnify and hold" in inserted(formal), inserted(formal)
    assert "estoppel, course of dealing" in inserted(formal)


@pytest.mark.parametrize("name", [LETTER, STUDIO, "app"])
def test_the_audit_of_an_accepted_letter_finds_the_plain_indemnity_and_reservation_it_got(name):
    accepted_letter = email(*[t for t in written(redline(name, "strict")) if t.strip()])
    result, plan = engine.plan(accepted_letter, engine.Options(variant="strict"))
    found = {p.name: p.status.value for p in result.protections}
    assert found["ai_indemnity"] == "present", found
    assert found["reservation_of_rights"] == "present", found
    assert not [e for e in plan.edits if e.op == "insert_after"]  # nothing proposed twice


@pytest.mark.parametrize(
    ("sentence", "indemnity"),
    [
        ("You will cover me for any claims that come from your use of the photos.", True),
        ("We must cover you and your staff for all third-party claims about the designs.", True),
        ("The insurance will cover the Contractor for all claims up to £1m.", False),
        ("You will cover the cost of printing.", False),
    ],
)
def test_a_letters_promise_to_cover_the_other_side_for_claims_is_an_indemnity(sentence, indemnity):
    docx = email("Hi Sam,", "I'll photograph the bakery's new range for its website.", sentence, "Cheers,", "Ana")
    kinds = {f.kind for f in engine.audit(docx).findings}
    assert ("indemnification" in kinds) is indemnity, kinds


@pytest.mark.parametrize(("name", "variant"), [(LETTER, v) for v in VARIANTS] + [("app", "strict")])
def test_the_approach_in_a_letter_says_keep_for_myself_not_reserve_to_me(name, variant):
    approach = next(c for c in plan_comments(redline(name, variant)) if "approach:" in c)
    assert "keep for myself the rights the licence does not grant" in approach, approach
    assert "reserve to me" not in approach


# -- 5. the creator's own materials swept into a transfer come back to it -------------------------------------------


@pytest.mark.parametrize(("name", "kept"), [(STUDIO, "the characters and the storyboards"), ("logo", "my sketchbook")])
@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_the_creators_own_materials_are_assigned_back_and_the_client_gets_at_most_a_licence(name, kept, variant):
    red = redline(name, variant)
    back = next(t for t in written(red) if t.startswith("Nothing in this email transfers to you"))
    assert kept in back
    assert "you assign that right back to" in back, back
    assert not re.search(r"\byou grant (?:us|me)\b", back), back
    if variant == "standard":
        assert "and you are free to use them as part of" in back and "as this email already allows" in back, back
    said = next(c for c in plan_comments(red) if "assigned back" in c)
    assert "license them back" not in said


@pytest.mark.parametrize("name", ["us-work-for-hire", "vested-disclaimer"])
def test_a_contracts_standard_licence_back_goes_the_right_way_too(name):
    red = engine.redline(CONTRACTS[name][0](), author="noai", date=DATE, options=engine.Options(variant="standard"))
    backs = [t for e in red.plan.edits if e.clause == "retained-materials" for t in (q["text"] for q in e.paragraphs)]
    first = next(t for t in backs if t.startswith("Nothing in "))
    assert "assigns that right back to" in first, first
    assert re.search(r"and (?:the )?\w+ is free to use them as part of the", first), first


# -- 6. the work described once, then named short ("my work under this letter"), never a bare "that work" -----


@pytest.mark.parametrize("name", [LETTER, STUDIO, "app", "logo"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_comments_describe_the_work_once_and_then_refer_back_to_it(name, variant):
    red = redline(name, variant)
    said = " ".join(plan_comments(red))
    assert len(re.findall(r"the work and other materials", said)) == 1, said
    assert re.search(r"\b(?:my|our|[\w-]+['’]s?) work under (?:this|these|the) ", said), said
    assert not re.search(r"\bthat work\b", said), said  # each comment is read on its own (REVIEW22 class 12)
    assert not re.search(r"work under (?:this|these|the) [\w-]+ (?:are|include|have)\b", said), said
    assert len(re.findall(r"the work and other materials", written_comments(red))) == 1
