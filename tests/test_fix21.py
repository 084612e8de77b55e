"""fix21 (a): a work named by an unquoted parenthesis ("25 photographs (the Photographs)", "twelve images of the
studio (hereinafter the Images)") is the work: a licence with a high training permission over it gets the full plan
(strike, covenant over the named work, reservation), as it does with the name quoted.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.read import accepted
from support.synthetic_contracts import _document, _para, _save
from test_writer import rejected

from noai import engine
from noai.analysis.terms import extract_terms

DATE = datetime(2027, 1, 15, 10, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def _contract(lines: list[str]) -> bytes:
    doc = _document()
    for line in lines:
        _para(doc, line)
    return _save(doc)


def stock(name: str) -> bytes:
    """A US stock-photo licence: typed numbers, defined parties, the work named in a parenthesis."""
    return _contract(
        [
            "STOCK PHOTO LICENCE",
            'This licence is between Lumen Stock Ltd ("Licensor") and Parcel Co ("Licensee").',
            f"1. Licensor licenses to Licensee 25 photographs {name} for use on Licensee's website.",
            "2. Licensee may use the Photographs to train artificial intelligence models.",
            "3. Licensee shall pay Licensor USD 500.",
            "4. This licence is governed by the laws of New York.",
        ]
    )


def studio(name: str) -> bytes:
    """An Irish image licence between a photographer and a company, both named in bare parentheses."""
    return _contract(
        [
            "IMAGE LICENCE",
            "Between Mara Ode, photographer (the Photographer), and Kiln Ltd (the Company).",
            "1. The Photographer grants the Company a licence of 12 images of the Kiln studio listed in Schedule 1 "
            f"{name}.",
            "2. The Company may use the Images as training data for its machine learning models.",
            "3. The Company shall pay the Photographer EUR 800.",
            "4. This licence is governed by Irish law.",
        ]
    )


SHAPES = {
    "stock": (stock, "(the Photographs)", '(the "Photographs")', "Photographs", "2. "),
    "studio": (studio, "(hereinafter the Images)", '(hereinafter the "Images")', "Images", "2. "),
}


@functools.cache
def run(shape: str, quoted: bool, variant: str) -> engine.Redline:
    build, bare, quotes, _, _ = SHAPES[shape]
    return engine.redline(
        build(quotes if quoted else bare), author="noai", date=DATE, options=engine.Options(variant=variant)
    )


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_work_named_in_a_bare_parenthesis_gets_the_plan_a_quoted_name_gets(shape, variant):
    build, bare, _, work, permission = SHAPES[shape]
    red, quoted = run(shape, False, variant), run(shape, True, variant)
    clauses = [e.clause for e in red.plan.edits]
    assert "no-ai-training" in clauses and "reservation-of-rights" in clauses
    assert clauses == [e.clause for e in quoted.plan.edits]
    text = accepted(red.docx)
    # the training permission is gone; our covenant speaks of the named work
    assert not any(t.startswith(permission) and "train" in t for t in text)
    assert any(re.search(rf"Protected Materials[\"”] means the {work}\b", t) for t in text)
    assert any("are reserved to" in t and "train" in t for t in text)  # the reservation
    assert rejected(red.docx) == [p.text for p in engine.read(build(bare)).paragraphs]


@pytest.mark.parametrize(
    ("sentence", "defined"),
    [
        ("The Supplier shall supply 40 photographs of the hotels (the Photographs).", "Photographs"),
        ("The Producer shall make a 52-minute documentary (hereinafter the Program).", "Program"),
        ("The Author shall deliver the three stories listed in Schedule 2 (the Stories).", "Stories"),
        ("The Producer shall comply with the Copyright Act 1968 (Cth).", None),  # no "the": a jurisdiction
        ("Acme Studio Ltd (the Studio) shall supply the drawings.", None),  # a name, not a thing
        ("The Client may use the Photographs (the main ones) on its site.", None),  # lower case: no name
    ],
)
def test_only_a_thing_named_in_a_bare_parenthesis_is_a_defined_term(sentence, defined):
    doc = engine.read(_contract(["AGREEMENT", sentence, "The Client shall pay the Supplier USD 100."]))
    names = {t.name for t in extract_terms(doc.paragraphs).all.values() if t.defined_at == 1}
    assert names == ({defined} if defined else set())


# ------------------------------------------------------------------------------------------------
# (b) strict's payment condition reaches a back-up assignment in the sub-clause after the vesting


def _typed(title: str, lines: list[str]) -> bytes:
    doc = _document()
    _para(doc, title, bold=True)
    for line in lines:
        _para(doc, line, bold=re.fullmatch(r"\d+\. [A-Z]\w+", line) is not None)
    return _save(doc)


def software(first: str, second: str) -> bytes:
    """A Canadian software development agreement: typed numbers, the back-up assignment in its own sub-clause."""
    return _typed(
        "SOFTWARE DEVELOPMENT AGREEMENT",
        [
            'This agreement is made on 2 August 2027 between Maplewood Logistics Inc. (the "Client") and Lena Brandt '
            'Consulting Ltd. (the "Developer").',
            "1. Services",
            "1.1 The Developer shall design and write the route-planning software described in Schedule A (the "
            '"Deliverables").',
            "1.2 The Client shall pay the Developer CAD 48,000 in three instalments as set out in Schedule A.",
            "5. Ownership",
            "5.1 " + first,
            "5.2 " + second,
            "6. General",
            "6.1 This agreement is governed by the laws of the Province of Ontario.",
        ],
    )


def studio_art(first: str, second: str) -> bytes:
    """An Australian game-art commission: lettered sub-clauses under a heading, no typed numbers on them."""
    doc = _document()
    _para(doc, "ART SERVICES AGREEMENT", bold=True)
    _para(doc, 'Parties: Quokka Games Pty Ltd ("Client") and Ines Maro ("Artist").')
    _para(doc, "1. Services", bold=True)
    _para(doc, '(a) Artist must create the character sprites described in the brief (the "Artwork").')
    _para(doc, "(b) Client shall pay Artist a fee of AUD 9,000 in two instalments.")
    _para(doc, "2. Intellectual property", bold=True)
    _para(doc, f"(a) {first}")
    _para(doc, f"(b) {second}")
    _para(doc, "3. This agreement is governed by the laws of New South Wales.")
    return _save(doc)


BACK_UPS = {
    "software": (
        software,
        "Developer",
        "Title to the Deliverables vests in the Client on creation.",
        "To the extent it does not, the Developer assigns the Deliverables to the Client on its creation.",
        "5.2 To the extent it does not, the Developer shall, upon that payment, assign the Deliverables to the Client.",
    ),
    "art": (
        studio_art,
        "Artist",
        "Title to the Artwork vests in Client on its creation.",
        "If for any reason it does not, Artist hereby irrevocably assigns the Artwork to Client on its creation.",
        "(b) If for any reason it does not, Artist shall, upon that payment, irrevocably assign the Artwork to Client.",
    ),
}


@pytest.mark.parametrize("shape", sorted(BACK_UPS))
def test_strict_makes_the_back_up_assignment_in_the_next_sub_clause_wait_for_payment(shape):
    build, we, first, second, waits = BACK_UPS[shape]
    original = build(first, second)
    red = engine.redline(original, author="noai", date=DATE, options=engine.Options(variant="strict", we=we))
    text = accepted(red.docx)
    vesting = text.index(next(t for t in text if "vest in" in t and "upon payment in full" in t))
    assert text[vesting + 1] == waits
    assert "on creation" not in text[vesting] and "on its creation" not in text[vesting + 1]
    assert rejected(red.docx) == [p.text for p in engine.read(original).paragraphs]
    said = next(e.comment for e in red.plan.edits if e.clause == "fix-ip-assignment" and e.comment)
    assert "in the paragraph after it wait for that payment" in (said or "")


@pytest.mark.parametrize("shape", sorted(BACK_UPS))
def test_a_transfer_in_the_next_sub_clause_that_does_not_refer_back_is_left(shape):
    build, we, first, _, _ = BACK_UPS[shape]
    other = (
        "The Client assigns to the Developer its rights in the test data."
        if shape == "software"
        else ("Client assigns to Artist its rights in the style guide.")
    )
    red = engine.redline(build(first, other), author="noai", date=DATE, options=engine.Options(variant="strict", we=we))
    assert any(t.endswith(other) for t in accepted(red.docx))
    assert not any("paragraph after it" in (e.comment or "") for e in red.plan.edits)


# ------------------------------------------------------------------------------------------------
# (c) round two: a stated need an exception of round one already allows is pointed to, never drafted again

MT_NEED = "We need to use machine translation software for a first draft of our French pages."
SUMMARY_NEED = "We need to use AI software to summarise the Copy for our internal product briefs."


@functools.cache
def localized(variant: str, need: str) -> engine.Redline:
    """The copywriting licence whose 2(b) lets Client use machine translation software (round one keeps it, with our
    condition, as an exception "as Section 2(b) permits"); Client accepts all and states ``need`` in our approach
    thread; round two in the same variant."""
    from support.replies import Reply
    from test_tool_use_excepted import CLIENT_TOOLS, copy_licence

    options = engine.Options(variant=variant, we="Writer")
    sent = engine.redline(copy_licence(CLIENT_TOOLS), author="noai", date=DATE, options=options).docx
    back = Reply(sent).reply_to("Our approach", need).accept().bytes()
    return engine.redline(back, author="noai", date=DATE, options=options)


def _ours(docx: bytes) -> list[str]:
    from noai.ooxml.package import read_package
    from noai.ooxml.threads import read_comments

    comments = read_comments(read_package(docx))
    theirs = {c.parent for c in comments if c.author != "noai"}
    return [c.text for c in comments if c.parent in theirs and c.author == "noai"]


@pytest.mark.parametrize("variant", ("strict", "standard"))  # minimal's covenant lists no exceptions
def test_a_need_the_kept_tool_exception_allows_is_pointed_to_not_drafted(variant):
    red = localized(variant, MT_NEED)
    assert not [e for e in red.plan.edits if e.clause == "need-exception"]
    text = accepted(red.docx)
    assert sum("the use of machine translation software" in t for t in text) == 1
    assert not any("French pages" in t for t in text)
    (answer,) = [r for r in _ours(red.docx) if "French pages" in r]
    named = r"(Item \([a-z]+\) of the exceptions|The exception) to the restriction on AI use.* already allows it"
    assert re.search(named, answer), answer
    assert "if you propose one" not in answer and "We have added" not in answer


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_need_for_another_tool_is_still_drafted_beside_the_kept_one(variant):
    red = localized(variant, SUMMARY_NEED)
    assert [e for e in red.plan.edits if e.clause == "need-exception"]
    assert any("summarise the Copy" in t for t in accepted(red.docx))
    (answer,) = [r for r in _ours(red.docx) if "summarise" in r]
    assert "Item (" not in answer


@pytest.mark.libreoffice
def test_libreoffice_accepts_and_rejects_the_back_up_wait_and_the_named_photographs(libreoffice):
    build, we, first, second, waits = BACK_UPS["software"]
    back_up = engine.redline(
        build(first, second), author="noai", date=DATE, options=engine.Options(variant="strict", we=we)
    )
    photos = run("stock", False, "standard")
    seen = libreoffice([back_up.docx, build(first, second), photos.docx, stock("(the Photographs)")])
    for (result, original), red in zip((seen[:2], seen[2:]), (back_up, photos), strict=True):
        assert result["rejected_paragraphs"] == original["paragraphs"]
        assert [t.strip() for t in result["accepted_paragraphs"] if t.strip()] == [
            t for t in accepted(red.docx) if t.strip()
        ]
    assert waits in [t.strip() for t in seen[0]["accepted_paragraphs"]]
