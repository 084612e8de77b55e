"""Our words as the document would write them (issue 15, session 9 NOTE items 4, 5, 6, 10, 13).

Each class is checked on a synthetic contract of ``support.synthetic_contracts`` and on a small contract
of another shape built here, in the plan and in the written .docx (as Word reads it, insertions in).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_review_synthetic import redline, words_written
from test_writer import accepted

from noai import engine
from noai.analysis.facts import read_facts

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


def build(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def redline_of(docx: bytes, variant: str = "strict", we: str | None = None) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


def written(red: engine.Redline) -> str:
    return "\n".join(accepted(red.docx))


# -- the document's own spelling of "sub-licence"; the payment condition between commas -------------------

SUB_LICENSING = (
    "SOFTWARE LICENSE AGREEMENT",
    'This agreement is made between Quarry Code LLC (the "Developer") and Birchwood Foods Inc. (the "Customer").',
    "1. License",
    "1.1 The Developer grants the Customer a non-exclusive, perpetual license to use the software the Developer "
    'delivers (the "Software") for any purpose.',
    "1.2 The Customer may {sub} the Software to its affiliates.",
    "1.3 The Customer shall pay the Developer a fee of $9,000.",
    "2. General",
    "2.1 This agreement is governed by the laws of the State of New York.",
)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_the_music_commission_gets_sub_licence_hyphenated_as_it_writes_it(variant):
    red = redline("music-commission", variant)
    said = words_written(red)
    assert "sub-licen" in said and not re.search(r"\bsublicen", said, re.IGNORECASE)
    assert not re.search(r"\bsublicen", written(red), re.IGNORECASE)


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_licence_that_writes_sub_license_gets_it_hyphenated_and_one_that_writes_sublicense_does_not(variant):
    hyphenated = redline_of(build(*(t.format(sub="sub-license") for t in SUB_LICENSING)), variant)
    assert "sub-licens" in written(hyphenated) and not re.search(r"\bsublicens", written(hyphenated))
    plain = redline_of(build(*(t.format(sub="sublicense") for t in SUB_LICENSING)), variant)
    assert "sublicens" in written(plain) and "sub-licens" not in written(plain)


def test_strict_puts_the_payment_condition_of_a_vesting_between_commas():
    red = redline("vested-disclaimer", "strict")
    fix = next(e for e in red.plan.edits if e.op == "replace" and e.finding == "ip_assignment" and e.replacement)
    assert fix.find == "shall be vested in"
    # paid per Illustration ("£150 for each Illustration accepted"): each Illustration waits for its own sum
    condition = "for each Illustration, upon payment in full of the sum due for it under this agreement"
    assert fix.replacement == f"shall, {condition}, be vested in"
    vesting = f"shall, {condition}, be vested in the Institute"
    assert vesting in written(red)


def test_strict_puts_the_payment_condition_after_will_between_commas_too():
    docx = build(
        "SERVICES AGREEMENT",
        'This agreement is made between Fernhill Studio Ltd (the "Studio") and Calder Books Ltd (the "Publisher").',
        '1. The Studio will design the covers of the Publisher\'s spring list (the "Designs").',
        "2. The Publisher will pay the Studio a fee of £2,000 for the Designs.",
        "3. All rights in the Designs will become the property of the Publisher.",
        "4. This agreement is governed by the laws of England.",
    )
    red = redline_of(docx)
    assert (
        "3. All rights in the Designs will, upon payment in full of all fees due under this agreement, become the "
        "property of the Publisher." in accepted(red.docx)
    )


# -- AI coding assistants: the developers the client engages, not only its own ------------------------------


def coding_clause(red: engine.Redline) -> str:
    return next(t for t in words_written(red).split("\n") if t.startswith("Despite the restriction"))


@pytest.mark.parametrize("variant", ["strict", "standard"])
@pytest.mark.parametrize(
    ("name", "engages"),
    [("informal-letter", "developer you engage"), ("us-software-development", "developer Company engages")],
)
def test_ai_coding_assistants_are_allowed_to_developers_the_client_engages_bound_by_the_restriction(
    name, engages, variant
):
    red = redline(name, variant)
    clause = coding_clause(red)
    assert f"as may any other {engages} who is bound" in clause or f"as may any {engages} who is bound" in clause
    assert clause in written(red)
    assert "developers" in next(
        e.comment
        for e in red.plan.edits
        if e.comment and e.comment.startswith("Why this clause") and "AI coding" in e.comment
    )


# -- sublicences only where the document lets the client sublicense ------------------------------------------

SUBLICENCE = re.compile(r"\bsub-?licen[cs]", re.IGNORECASE)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
@pytest.mark.parametrize("name", ["informal-letter", "corpus-licence", "uk-brand-design", "photo-licence"])
def test_a_licence_with_no_right_to_sublicense_gets_no_sublicence_terms(name, variant):
    red = redline(name, variant)
    assert not SUBLICENCE.search(words_written(red)), name
    assert not SUBLICENCE.search(written(red))


def test_the_covenant_names_anyone_the_client_allows_to_use_the_work_instead():
    said = words_written(redline("photo-licence", "strict"))
    assert "Every permission the Licensee gives anyone to use any Protected Materials shall prohibit" in said
    assert "the Licensee's affiliates, contractors and anyone else it allows to use the Protected Materials" in said


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_licence_the_client_may_sublicense_keeps_its_sublicence_terms(variant):
    assert "sub-licensees" in words_written(redline("music-commission", variant))
    sublicensed = redline_of(build(*(t.format(sub="sublicense") for t in SUB_LICENSING)), variant)
    assert "sublicensees" in written(sublicensed)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_built_licence_with_no_right_to_sublicense_gets_no_sublicence_terms(variant):
    own_use = [t.replace("may {sub} the Software to its affiliates", "may copy the Software") for t in SUB_LICENSING]
    red = redline_of(build(*own_use), variant)
    assert not SUBLICENCE.search("\n".join(e.comment or "" for e in red.plan.edits))
    assert not SUBLICENCE.search(written(red))
    assert "anyone else" in written(red) or "anyone to use" in written(red)


@pytest.mark.parametrize(
    ("sentence", "may"),
    [
        ("1.2 The Customer may sublicense the Software to its affiliates.", True),
        ("1.2 The Customer may grant sub-licences of the Software to its resellers.", True),
        ("1.2 The licence is sublicensable to the Customer's affiliates.", True),
        ("1.2 The Customer may not sublicense the Software.", False),
        ("1.2 The licence is non-sublicensable and non-transferable.", False),
        ("1.2 The Customer shall not grant any sublicence of the Software.", False),
        ("1.2 The Customer may copy the Software for back-up.", False),
    ],
)
def test_the_plan_reads_whether_the_client_may_sublicense(sentence, may):
    texts = [t if not t.startswith("1.2") else sentence for t in SUB_LICENSING]
    assert read_facts(engine.audit(build(*texts))).sublicensable is may


# -- inner lists of a clause inserted as a lettered sub-section -------------------------------------------------

LETTERED_ITEM = re.compile(r"(?<![\w)])\([a-h]\)\s")


def inserted(red: engine.Redline) -> str:
    return "\n".join(p["text"] for e in red.plan.edits if e.op == "insert_after" for p in e.paragraphs)


@pytest.mark.parametrize("name", ["us-software-development", "us-work-for-hire"])  # typed "(c)"; Word's "(b)"
@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_clause_inserted_as_a_lettered_sub_section_numbers_its_inner_lists_in_roman(name, variant):
    red = redline(name, variant)
    text = inserted(red)
    assert "(i) " in text and "(iv) " in text
    assert not LETTERED_ITEM.search(text), LETTERED_ITEM.search(text)
    defined = next(t for t in accepted(red.docx) if '"Prohibited AI Use" means' in t)  # straight, as the document's
    assert "(i) " in defined and not LETTERED_ITEM.search(defined[4:])  # after its own number, "(d) "


def test_the_strict_definitions_range_names_its_own_items_not_the_sections():
    red = redline("us-software-development", "strict")
    assert "may use them for any act in (i) to (vii) above" in inserted(red)
    assert "any act in (a) to (g)" not in written(red)
    assert "any act in (i) to (vii) above" in written(red)


@pytest.mark.parametrize("name", ["software-development", "photo-licence"])  # decimal clauses: "(a)" is free
def test_a_clause_inserted_under_decimal_numbers_keeps_its_lettered_lists(name):
    text = inserted(redline(name, "strict"))
    assert "(a) copying" in text and "any act in (a) to (g)" in text


# -- the register of a letter or an email -----------------------------------------------------------------------

FORMAL = re.compile(r"\bshall\b|\bThis clause (?:applies|does)\b|\bsurvives the termination\b|\bofficer\b|\bauditor\b")


def clause_words(red: engine.Redline) -> str:
    """What the inserted clauses and their comments say (not the replacements, which take the document's own)."""
    said = [p["text"] for e in red.plan.edits if e.op == "insert_after" for p in e.paragraphs]
    return "\n".join(said + [e.comment for e in red.plan.edits if e.op == "insert_after" and e.comment])


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
@pytest.mark.parametrize("name", ["informal-letter", "studio-email"])
def test_a_letter_or_an_email_gets_clauses_in_its_own_register(name, variant):
    red = redline(name, variant)
    assert not FORMAL.search(clause_words(red)), FORMAL.search(clause_words(red))
    assert "must not" in clause_words(red)
    ours = [t for t in accepted(red.docx) if "Prohibited AI Use" in t]
    assert ours and not any(FORMAL.search(t) for t in ours)


@pytest.mark.parametrize("name", ["informal-letter", "studio-email"])
def test_strict_in_a_letter_asks_a_written_confirmation_not_an_officers_certificate_or_an_audit(name):
    said = clause_words(redline(name, "strict"))
    assert "must confirm in writing whether any Prohibited AI Use has occurred" in said
    assert "a written confirmation of compliance on request" in said
    assert "continues after this" in said and " ends" in said


LETTER = (
    "Dear Ms Adeyemi,",
    "Thank you for asking me to photograph the opening of your gallery on 3 June. This letter confirms what we agreed.",
    "I will take and edit around forty photographs of the evening and send them to you within a week.",
    "You will pay me $1,200 when I send the photographs.",
    "I keep the copyright in the photographs, and I grant you a licence to use them on your website and in your "
    "newsletters.",
    "New York law applies to this letter.",
    "Kind regards,",
    "Tomas Reyes",
)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_built_letter_gets_must_and_will_and_a_numbered_version_keeps_shall(variant):
    letter = redline_of(build(*LETTER), variant, we="creator")
    assert not FORMAL.search(clause_words(letter)), FORMAL.search(clause_words(letter))
    assert not re.search(r"\bIn this (?:Section|clause)\b", clause_words(letter))  # a letter has no clauses
    numbered = [f"{i}. {t}" if 1 < i < 6 else t for i, t in enumerate(LETTER)]
    formal = redline_of(build(*numbered), variant, we="creator")
    assert "shall" in clause_words(formal)
    if variant == "strict":
        assert "certify in writing" in clause_words(formal) and "auditor" in clause_words(formal)
        assert "officer" not in clause_words(letter) and "auditor" not in clause_words(letter)


def test_a_contract_in_the_third_person_keeps_its_formal_register():
    said = clause_words(redline("photo-licence", "strict"))
    # its items are paragraphs typed 1-7 under unnumbered headings: our clause calls itself "this paragraph"
    assert "shall not" in said and "Paragraphs 5A to 5F apply" in said and "authorised officer" in said
