"""The re-grade's cosmetic list (issue 15): comments and clauses a lawyer would word otherwise.

Each class is tested on a synthetic contract of ``support.synthetic_contracts`` (plan and written .docx) and, where
the fix is general, on a small contract of another shape built here: a transfer's payment condition explained in a
sentence, not "(“assigns” before)"; no parentheses inside parentheses; a duty to obtain moral-rights *waivers* found
and commented; "this licence lets … use", not "this licence licenses"; an Australian moral-rights *consent* called a
consent.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_review_synthetic import comments, redline, source

from noai import engine
from noai.ooxml.comments import comment_texts
from noai.ooxml.package import read_package

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def build(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def red(docx: bytes, variant: str) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))


def written_comments(docx: bytes) -> list[str]:
    """The comments' text in the written .docx."""
    return list(comment_texts(read_package(docx), "word/document.xml").values())


# A commission of another shape: an American photography assignment ("hereby assigns"), fees per shoot.
SHOOT = build(
    "PHOTOGRAPHY SERVICES AGREEMENT",
    'This agreement is between Marisol Vega, an individual (the "Photographer"), and Brightwater Foods Inc., a '
    'Delaware corporation (the "Company").',
    "1. Services",
    '1.1 The Photographer shall photograph the products listed in Exhibit A (the "Photographs").',
    "1.2 The Company shall pay the Photographer a fee of $6,000 within thirty days of delivery.",
    "2. Ownership",
    "2.1 The Photographer hereby assigns to the Company all right, title and interest in the Photographs.",
    "3. General",
    "3.1 This agreement is governed by the laws of the State of California.",
)


# ------------------------------------------------------------------------------------------------
# 1. the words a strict change makes wait for payment, said in a sentence


@pytest.mark.parametrize("name", ("uk-precedent", "vested-disclaimer", "us-translation-msa", SHOOT))
def test_a_payment_condition_comment_says_in_a_sentence_that_the_words_as_drafted_do_not_wait(name):
    r = red(name, "strict") if isinstance(name, bytes) else redline(name, "strict")
    said = comments(r)
    payment = [c for c in said if "only on payment in full of" in c and c.startswith("This change")]
    assert payment, said
    assert all(re.search(r"as drafted, “[^”]+” does not wait for payment\.", c) for c in payment), payment
    for comment in [*said, *written_comments(r.docx)]:
        assert not re.search(r"” before\)", comment), comment


def test_a_transfer_left_standing_has_no_payment_sentence():
    assert not any("does not wait for payment" in c for c in comments(red(SHOOT, "standard")))


# ------------------------------------------------------------------------------------------------
# 2. no parentheses inside parentheses; the duty to obtain moral-rights waivers commented


def nested(text: str) -> bool:
    """A parenthesis opened inside another, a clause number's own "(b)" aside ("(Section 7(b))")."""
    depth = 0
    for ch in re.sub(r"(?<=\w)\(\w{1,4}\)", "", text):
        depth += (ch == "(") - (ch == ")")
        if depth > 1:
            return True
    return False


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_option_comment_puts_no_parenthesis_inside_a_parenthesis(variant):
    r = redline("uk-precedent", variant)
    approach = next(c for c in comments(r) if c.startswith("Our approach:"))
    assert "(under Option 2, clause 4.3 would license them instead)" in approach, approach
    assert not any(nested(c) for c in [*comments(r), *written_comments(r.docx)])


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        (n, v)
        for n in ("studio-email", "agency-msa-sow", "au-influencer", "us-software-development")
        for v in VARIANTS[:2]
    ],
)
def test_no_comment_of_another_contract_nests_parentheses(name, variant):
    assert not [c for c in comments(redline(name, variant)) if nested(c)]


def test_nested_is_able_to_fail():
    assert nested("Option 1 (clause 4.3) would transfer it (Option 2 (clause 4.3) would license them instead)")
    assert not nested("this Agreement transfers the Custom Code to Company (Section 7(b)); we add")


OBTAIN = "4.2\tThe Supplier shall obtain waivers of all moral rights in the Deliverables to which any individual is"


def test_a_duty_to_obtain_moral_rights_waivers_is_a_finding_and_a_duty_to_respect_them_is_not():
    kinds = [f.kind for f in engine.audit(source("uk-precedent")).findings]
    assert "moral_rights_waiver" in kinds
    respected = build(
        "DESIGN AGREEMENT",
        'This agreement is between Tamsin Hale (the "Designer") and Orchard Cider Ltd (the "Client").',
        "1. Rights",
        '1.1 The Designer grants the Client a licence to use the logo designs (the "Designs") on its labels.',
        "1.2 The Client shall respect the moral rights of the Designer and shall not require any individual to "
        "give up those rights.",
        "1.3 No waivers of any breach of this agreement are effective unless in writing.",
    )
    assert "moral_rights_waiver" not in [f.kind for f in engine.audit(respected).findings]
    obtained = build(
        "DESIGN AGREEMENT",
        'This agreement is between Tamsin Hale (the "Designer") and Orchard Cider Ltd (the "Client").',
        "1. Rights",
        '1.1 The Designer grants the Client a licence to use the logo designs (the "Designs") on its labels.',
        "1.2 The Designer shall procure waivers of all moral rights in the Designs from its assistants.",
    )
    assert "moral_rights_waiver" in [f.kind for f in engine.audit(obtained).findings]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_uk_precedents_moral_rights_waivers_get_a_comment_saying_the_creators_risk(variant):
    r = redline("uk-precedent", variant)
    paragraphs = [q.text for q in engine.read(source("uk-precedent")).paragraphs]
    at = next(i for i, t in enumerate(paragraphs) if t.startswith(OBTAIN))
    on_it = [e.comment for e in r.plan.edits if e.op == "comment" and e.index == at and e.comment]
    assert len(on_it) == 1, on_it
    assert on_it[0].startswith("As drafted, these waivers of moral rights also take away the authors' right to object")
    assert "derogatory treatment of the Deliverables" in on_it[0]
    assert "that the waivers be limited" in on_it[0]
    assert ("imitates the authors' style" in on_it[0]) == (variant != "minimal")  # minimal covers no style
    assert on_it[0] in written_comments(r.docx)


# ------------------------------------------------------------------------------------------------
# 3. a contract calling itself "this licence" does not "license" in the approach comment


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("photo-licence", "this licence lets the Licensee use the Images (clause 4)"),
        ("corpus-licence", "this License lets Licensee use the Licensed Corpus (Section 3)"),
    ],
)
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_licence_that_calls_itself_a_licence_is_not_said_to_license(name, says, variant):
    r = redline(name, variant)
    said = [*comments(r), *written_comments(r.docx)]
    assert not [c for c in said if re.search(r"licen[cs]e licenses", c, re.IGNORECASE)], said
    assert any(says in c for c in said)


def test_an_agreement_that_does_not_call_itself_a_licence_still_licenses():
    assert any("licenses the Content to the client" in c for c in comments(redline("au-influencer", "standard")))


# ------------------------------------------------------------------------------------------------
# 6. a moral-rights consent is named a consent; a waiver stays a waiver

CONSENT = build(
    "VOICE-OVER AGREEMENT",
    'This agreement is between Kirra Walsh (the "Artist") and Saltbush Media Pty Ltd (the "Producer").',
    "1. Rights",
    '1.1 The Artist grants the Producer a licence to use the recordings (the "Recordings") in its podcast.',
    "1.2 The Artist consents to the Producer doing anything with the Recordings that would otherwise infringe the "
    "Artist's moral rights under the Copyright Act 1968 (Cth).",
    "2. General",
    "2.1 This agreement is governed by the laws of New South Wales.",
)


@pytest.mark.parametrize("docx", ("au-influencer", CONSENT), ids=("au-influencer", "voice-over"))
@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_moral_rights_consent_is_called_a_consent_not_a_waiver(docx, variant):
    r = redline(docx, variant) if isinstance(docx, str) else red(docx, variant)
    moral = [c for c in comments(r) if "moral rights" in c]
    assert moral, comments(r)
    assert all("waiver" not in c for c in moral), moral
    assert any(
        c.startswith("As drafted, this consent to acts that would otherwise infringe moral rights") for c in moral
    )
    assert any("that the consent be limited" in c for c in written_comments(r.docx))


@pytest.mark.parametrize("name", ("vested-disclaimer", "uk-brand-design"))
def test_a_moral_rights_waiver_is_still_called_a_waiver(name):
    moral = [c for c in comments(redline(name, "standard")) if "moral rights" in c]
    assert moral and all("this waiver of moral rights" in c and "consent" not in c for c in moral), moral
