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
from support.docx_builder import r as run
from test_review_synthetic import comments, redline, source
from test_writer import rejected

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
        ("photo-licence", "this licence lets the Licensee use the Images (paragraph 4)"),
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
    said = comments(redline("au-influencer", "standard"))  # the client by its name (fixj: "Wattle & Finch Pty Ltd")
    assert any("licenses the Content to Wattle & Finch Pty Ltd" in c for c in said)


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


# ------------------------------------------------------------------------------------------------
# 4. the covenant's exceptions fit the kind of work: spelling checks and machine translation for text only

TEXT_TOOLS = re.compile(r"spelling|machine translation")

VIDEO = build(
    "VIDEO PRODUCTION AGREEMENT",
    'This agreement is between Reel North Studio LLC (the "Studio") and Pinecrest Outdoor Inc. (the "Client").',
    "1. Services",
    '1.1 The Studio shall shoot and edit a two-minute promotional video and its cut-downs (the "Videos").',
    "1.2 The Client shall pay the Studio a fee of $9,000.",
    "2. Rights",
    "2.1 The Studio grants the Client a non-exclusive licence to use the Videos on its website.",
    "3. General",
    "3.1 This agreement is governed by the laws of the State of Oregon.",
)


# the work defined by a parenthesis, then what it is for: a written book it illustrates is not the work
COVER = build(
    "COVER ILLUSTRATION AGREEMENT",
    'This agreement is between Mara Finch (the "Artist") and Lantern Row Press LLC (the "Publisher").',
    "1. The Work",
    '1.1 The Artist shall paint the cover illustration (the "Cover Artwork") for the book written by Jo Reyes '
    '(the "Book").',
    "1.2 The Artist shall deliver two sketches and then the final illustration as layered artwork files.",
    "1.3 The Publisher shall pay the Artist a fee of $2,400.",
    "2. Rights",
    "2.1 The Artist grants the Publisher a non-exclusive licence to reproduce the Cover Artwork on the Book.",
    "3. General",
    "3.1 This agreement is governed by the laws of the State of New York.",
)
COPY = build(
    "COPYWRITING AGREEMENT",
    'This agreement is between Mara Finch (the "Writer") and Lantern Row Outfitters LLC (the "Client").',
    "1. The Work",
    '1.1 The Writer shall write the product copy (the "Copy") for the photographs and drawings on the Client\'s '
    "website.",
    "1.2 The Client shall pay the Writer a fee of $2,400.",
    "2. Rights",
    "2.1 The Writer grants the Client a non-exclusive licence to use the Copy on its website.",
    "3. General",
    "3.1 This agreement is governed by the laws of the State of New York.",
)


def written_text(docx: bytes) -> str:
    return "\n".join(q.text for q in engine.read(docx).paragraphs)


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize(
    "docx",
    ("music-commission", "photo-licence", "software-development", "uk-picture-book", VIDEO, COVER),
    ids=lambda d: str(d)[:20],
)
def test_work_with_no_text_gets_no_spelling_or_translation_exception(docx, variant):
    r = redline(docx, variant) if isinstance(docx, str) else red(docx, variant)
    inserted = "\n".join(p["text"] for e in r.plan.edits for p in e.paragraphs)
    assert "accessibility features such as screen reading, captions or alternative text" in inserted
    assert not TEXT_TOOLS.search(inserted), inserted
    assert not TEXT_TOOLS.search(written_text(r.docx))
    assert "alternative text, may process" not in inserted  # the comma of the dropped alternative goes with it


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("name", ("us-translation-msa", "us-work-for-hire", "au-influencer"))
def test_text_work_keeps_its_spelling_and_translation_exceptions(name, variant):
    inserted = "\n".join(p["text"] for e in redline(name, variant).plan.edits for p in e.paragraphs)
    assert "checking spelling or grammar" in inserted or "only checks spelling or grammar" in inserted


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_text_work_defined_by_a_parenthesis_keeps_its_exceptions_whatever_it_is_for(variant):
    inserted = "\n".join(p["text"] for e in red(COPY, variant).plan.edits for p in e.paragraphs)
    assert "checking spelling or grammar" in inserted or "only checks spelling or grammar" in inserted


def test_the_exception_list_is_relettered_and_joined_after_the_text_tools_go():
    from noai.library.render import without_text_tools

    listed = (
        "Not Prohibited AI Use where the tool trains no AI System on them: (i) checking spelling or grammar; "
        "(ii) accessibility features; (iii) search and indexing within X's own systems; and (iv) machine "
        "translation for X's internal review. None of these may imitate."
    )
    assert without_text_tools(listed) == (
        "Not Prohibited AI Use where the tool trains no AI System on them: (i) accessibility features; and (ii) "
        "search and indexing within X's own systems. None of these may imitate."
    )
    assert without_text_tools("A list: (a) one; and (b) two.") == "A list: (a) one; and (b) two."


# ------------------------------------------------------------------------------------------------
# 5. a purpose with its own qualifier is merged with ours, not stacked under it

CLUB = build(
    "PHOTOGRAPHY LICENCE",
    'This agreement is between Ewan Lacey (the "Photographer") and Harbour Rowing Club Limited (the "Club").',
    "1. Photographs",
    '1.1 The Photographer shall photograph the club regatta and supply 60 edited photographs (the "Photographs").',
    "1.2 The Club shall pay the Photographer a fee of £800.",
    "2. Licence",
    "2.1 The Photographer grants the Club a non-exclusive licence to use the Photographs for any purpose related "
    "to the Club's activities.",
    "3. General",
    "3.1 This agreement is governed by the law of England and Wales.",
)


@pytest.mark.parametrize(
    ("docx", "start", "qualifier"),
    [("au-influencer", "3.2 ", "related to our business"), (CLUB, "2.1 ", "related to the Club's activities")],
    ids=("au-influencer", "club-licence"),
)
@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_purpose_with_its_own_qualifier_gives_way_to_the_narrower_permitted_purpose_not_stacked(
    docx, start, qualifier, variant
):
    # the Permitted Purpose is the agreement's own purpose, narrower than the qualified one: one limit (session 10
    # cosmetic: "solely for a purpose related to our business and within the Permitted Purpose" limited twice)
    r = redline(docx, variant) if isinstance(docx, str) else red(docx, variant)
    grant = next(t for t in written_text(r.docx).split("\n") if t.startswith(start))
    assert grant.endswith("solely for the Permitted Purpose."), grant
    assert qualifier not in grant and not re.search(r"Permitted Purpose, and only for|within the Permitted", grant)
    assert grant.count("purpose") + grant.count("Purpose") == 1, grant  # one purpose: ours
    fix = next(e for e in r.plan.edits if e.finding == "any_and_all_purposes")
    assert fix.find == f"for any purpose {qualifier}" and f"“for any purpose {qualifier}”" in (fix.comment or "")
    assert not re.search(r"perpetual \(solely for", grant)  # the merged purpose already limits the licence


# ------------------------------------------------------------------------------------------------
# 8. a typed "7. Rights" over titled sub-clauses, the first of which ("7.1 Ownership") the audit takes as the IP
# section: the new clauses are titled siblings after the last of them ("7.4 No AI Training" over "7.4.1")


def rights(sep: str = "\t", spelling: str = "licence") -> bytes:
    """A typed clause titled "Rights" over titled sub-clauses: Ownership, Licence, Credit (``sep``: the tab, or the
    dot and space of "7.1. ")."""
    dot = "" if sep == "\t" else "."
    n = lambda number: f"{number}{dot}{sep}"  # noqa: E731
    return make_docx(
        "".join(
            [
                p("PODCAST ARTWORK AGREEMENT"),
                p(
                    "This agreement is made on 1 March 2027 between Juniper Vale of 4 Elm Row, Bath (the "
                    '"Artist") and Oakmoss Audio Ltd (the "Company").'
                ),
                p(run(f"6.{sep}Delivery", b=True)),
                p(f'{n("6.1")}The Artist shall paint six cover images for the Company\'s podcasts (the "Artwork").'),
                p(run(f"7.{sep}Rights", b=True)),
                p(run(f"{n('7.1')}Ownership", b=True)),
                p(f"{n('7.1.1')}The Artist owns all copyright in the Artwork."),
                p(run(f"{n('7.2')}{spelling.capitalize()}", b=True)),
                p(
                    f"{n('7.2.1')}The Artist grants the Company a non-exclusive {spelling} to use the Artwork on its "
                    "podcast pages."
                ),
                p(run(f"{n('7.3')}Credit", b=True)),
                p(f"{n('7.3.1')}The Company shall credit the Artist on each podcast page."),
                p(run(f"8.{sep}General", b=True)),
                p(f"{n('8.1')}This agreement is governed by the law of England and Wales."),
            ]
        )
        + "<w:sectPr/>"
    )


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("sep", "spelling"), [("\t", "licence"), (" ", "license")], ids=("tab", "dot-space"))
def test_a_typed_rights_clause_whose_first_sub_clause_is_the_ip_section_gets_a_titled_sibling_after_its_last(
    sep, spelling, variant
):
    docx = rights(sep, spelling)
    assert engine.audit(docx).ip_section.title.endswith("Ownership")  # the audit takes 7.1 as the IP section
    r = red(docx, variant)
    texts = [q.text for q in engine.read(r.docx).paragraphs]
    dot = "" if sep == "\t" else "."
    titled = re.compile(rf"7\.4{re.escape(dot + sep)}(?:No|No Third-Party) AI (?:Training|Use)")
    at = next((i for i, t in enumerate(texts) if titled.fullmatch(t)), None)
    assert at is not None, texts
    assert texts[at - 1].startswith(f"7.3.1{dot}{sep}") and texts[at + 1].startswith(f"7.4.1{dot}{sep}")
    assert texts.index(f"8.{sep}General") > at
    new = [t for t in texts[at:] if t[:1].isdigit() and not t.startswith("8")]
    assert all(re.match(r"7\.(?:[4-9]|1\d)\b", t) for t in new), new  # nothing numbered inside 7.3 Credit
    original = [q.text for q in engine.read(docx).paragraphs]
    assert [t for t in texts if t in original] == original  # no number of the document's changes
    assert rejected(r.docx) == original  # reject-all gives the document back


def test_the_plan_places_the_covenant_after_the_rights_clauses_last_sub_clause():
    docx = rights()
    paragraphs = [q.text for q in engine.read(docx).paragraphs]
    covenant = [e.index for e in red(docx, "standard").plan.edits if e.clause == "no-ai-training"]
    assert covenant == [paragraphs.index("7.3.1\tThe Company shall credit the Artist on each podcast page.")]


# ------------------------------------------------------------------------------------------------
# 7. the side letter asks the creator's written consent, in every register, not "a separate written license"


@pytest.mark.parametrize("licence", ("licence", "license"))
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_side_letter_asks_consent_for_ai_use_not_a_separate_licence(licence, variant):
    from noai.library import load_library, render

    terms = {"client": "the Publisher", "provider": "the Author", "agreement": "the Agreement", "licence": licence}
    letter = "\n".join(render(load_library().get("side-letter"), variant, terms).paragraphs)
    assert not re.search(r"separate written licen[cs]e", letter), letter
    if variant != "minimal":  # minimal's letter only bars authorising third parties
        assert "the Author's prior written consent" in letter
