"""Words true of the document (issue 15): what we insert speaks of a transfer only where the audit finds one.

Synthetic design licences written for these tests (no corpus sentence): the creator keeps the copyright and
licenses the work; or the same licence with a promise to assign the copyright on a buy-out fee.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p

from noai import engine
from noai.analysis.facts import as_referred, clause_word
from noai.library import load_library
from noai.library.render import for_cases

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
KEEPS = (
    "2.1 The Designer owns the copyright in the Designs and grants the Client a non-exclusive licence to use the "
    "Designs for any purpose."
)
BUY_OUT = "2.2 The Designer shall assign the copyright in the Designs to the Client if the Client pays the Buy-out Fee."
HYPOTHETICAL = re.compile(r"If this \w+ assigns or transfers rights")


def licence(
    *rights: str, law: str = "the laws of the State of New York", after: tuple[str, ...] = (), governing: str = ""
) -> bytes:
    """The design licence with ``rights`` as its clause 2, governed by ``law`` (or as ``governing`` says),
    ending with ``after``."""
    texts = (
        "DESIGN LICENCE",
        'This licence is made between Harrow Prints Ltd (the "Client") and Juno Vale Studio Ltd (the "Designer").',
        "1. The Work",
        '1.1 The Designer shall create the pattern designs described in the Schedule (the "Designs").',
        "1.2 The Client shall pay the Designer the fee set out in the Schedule.",
        "2. Rights",
        *rights,
        "3. General",
        governing or f"3.1 This licence is governed by {law}.",
        *after,
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def inserted(docx: bytes, variant: str = "strict") -> list[str]:
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))
    return [q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs]


def test_strict_speaks_of_no_transfer_in_a_licence_where_the_creator_keeps_the_copyright():
    written = inserted(licence(KEEPS))
    assert any(t.startswith("All rights in the Protected Materials not expressly granted") for t in written)
    assert not [t for t in written if HYPOTHETICAL.match(t)]


def test_where_the_licence_also_promises_a_transfer_strict_binds_everyone_who_later_takes_the_work():
    written = inserted(licence(KEEPS, BUY_OUT))
    assert any("later takes any right" in t for t in written)
    assert not [t for t in written if HYPOTHETICAL.match(t)]  # bound outright, not "if"


def test_strict_reservation_binds_later_owners_only_where_the_audit_finds_words_that_may_transfer():
    clause = load_library().get("reservation-of-rights")
    unsure = for_cases(clause, {"uncertain_transfer"}).variants["strict"].paragraphs
    kept = for_cases(clause, set()).variants["strict"].paragraphs
    assert [t for t in unsure if HYPOTHETICAL.match(t.replace("{agreement}", "this licence"))]
    assert not [t for t in kept if HYPOTHETICAL.match(t.replace("{agreement}", "this licence"))]


# A licence of a dataset (work_kind data): an "AI Vendor" is anyone that hosts or supplies an AI system,
# every large cloud host among them, so the data clause bars giving the data to one for AI use, or to
# one free to keep it or train on it, never hosting it.
DATASET = (
    "DATASET LICENCE AGREEMENT",
    'This agreement is made between Brightwater Analytics Inc. (the "Licensee") and Fenwick Survey Data LLC '
    '(the "Licensor").',
    "1. Definitions",
    '1.1 "Dataset" means the survey responses, tables and records described in Schedule 1.',
    "1.2 The Licensor shall deliver the Dataset, with its metadata and annotations, as CSV files.",
    "2. Licence",
    "2.1 The Licensor grants the Licensee a non-exclusive licence to use the Dataset for any purpose.",
    "2.2 The Licensee shall pay the Licensor the fees set out in Schedule 2.",
    "3. General",
    "3.1 This agreement is governed by the laws of the State of Delaware.",
)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_data_licence_bars_giving_the_data_to_an_ai_vendor_for_ai_use_but_not_for_hosting(variant):
    docx = make_docx("".join(p(t) for t in DATASET) + "<w:sectPr/>")
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))
    [data] = [
        q["text"] for e in red.plan.edits if e.clause == "ai-data-use" for q in e.paragraphs if "sell" in q["text"]
    ]
    assert re.search(r"to an AI Vendor for (?:any Prohibited AI Use|use with an AI System)", data), data
    assert not re.search(r"to an AI Vendor[,.;]", data), data  # no bar on any use, hosting included


# Comments name a clause with the word the document refers to its clauses by: a contract that says "Section
# 2.1" (and never "clause 2.1") is answered in Sections; one that says "clause 2.1" in clauses; a statute's
# "Section 107 of the Copyright Act" says nothing of how the contract names its own clauses. A contract that
# refers to none of its clauses is answered as its law's drafters write: "Section" under a US state's law,
# "clause" under English law.
ENGLISH = "the laws of England and Wales"
NEW_YORK = "the laws of the State of New York"


@pytest.mark.parametrize(
    ("reference", "law", "said", "unsaid"),
    [
        ("3.2 The fees in Section 1.2 are exclusive of sales tax.", ENGLISH, "Section 2.1", "clause 2.1"),
        ("3.2 The fees in clause 1.2 are exclusive of sales tax.", NEW_YORK, "clause 2.1", "Section 2.1"),
        (
            "3.2 Nothing limits fair dealing under Section 30 of the Copyright Act.",
            ENGLISH,
            "clause 2.1",
            "Section 2.1",
        ),
        (
            "3.2 Nothing limits fair use under Section 107 of the U.S. Copyright Act.",
            NEW_YORK,
            "Section 2.1",
            "clause 2.1",
        ),
        ("3.2 The fees are exclusive of sales tax.", NEW_YORK, "Section 2.1", "clause 2.1"),
        ("3.2 The fees are exclusive of value added tax.", ENGLISH, "clause 2.1", "Section 2.1"),
    ],
)
def test_a_comment_names_a_clause_with_the_documents_own_word(reference, law, said, unsaid):
    docx = licence(KEEPS, law=law, after=(reference,))
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant="standard"))
    comments = "\n".join(e.comment for e in red.plan.edits if e.comment)
    assert said in comments and unsaid not in comments, comments


@pytest.mark.parametrize(
    ("governing", "said", "unsaid"),
    [
        ("3.1 California law will govern this licence.", "Section 2.1", "clause 2.1"),
        ("3.1 Scots law shall govern this licence.", "clause 2.1", "Section 2.1"),
    ],
)
def test_a_law_named_before_it_governs_decides_the_word_for_clauses_too(governing, said, unsaid):
    comments = comments_of(licence(KEEPS, governing=governing, after=("3.2 The fees are exclusive of tax.",)))
    assert said in comments and unsaid not in comments, comments


def test_the_documents_word_for_its_clauses_is_the_one_it_uses_most_and_never_shouted():
    assert clause_word(["SECTION 1. LICENSE", "as set out in Section 2.3", "see Sections 4 and 5"]) == "Section"
    assert clause_word(["Article 5 applies", "see Section 3"] * 2 + ["Article 6"]) == "Article"
    assert clause_word(["see Section 3", "subject to clause 4.2"]) is None  # it says "clause" itself
    assert clause_word(["under Section 107 of the U.S. Copyright Act"]) is None
    assert clause_word(["under Section 107 of the U.S. Copyright Act"], american=True) == "Section"
    assert clause_word(["see Section 3", "subject to clause 4.2"], american=True) is None
    assert as_referred("Our approach (clause 7(b)). Clause 3 keeps it.", "Section") == (
        "Our approach (Section 7(b)). Section 3 keeps it."
    )


# Under English law (or one that follows it) a party uses "reasonable endeavours"; under a US state's law,
# "commercially reasonable efforts". A governing law named by its adjective counts too.
@pytest.mark.parametrize(
    ("law", "said", "unsaid"),
    [
        ("the laws of England and Wales", "reasonable endeavours", "efforts"),
        ("the laws of the State of New York", "commercially reasonable efforts", "endeavours"),
        ("English law, which applies to this licence", "reasonable endeavours", "efforts"),
    ],
)
@pytest.mark.parametrize("variant", ["standard", "minimal"])
def test_the_duty_to_pass_the_restriction_on_is_worded_for_the_governing_law(law, said, unsaid, variant):
    written = "\n".join(inserted(licence(KEEPS, law=law), variant))
    assert said in written and unsaid not in written, written


def comments_of(docx: bytes, variant: str = "standard") -> str:
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))
    return "\n".join(e.comment for e in red.plan.edits if e.comment)


# A moral-rights comment asks only for what the waiver does not already keep, and names the purpose the
# document defines rather than a project it does not describe.
@pytest.mark.parametrize(
    ("waiver", "asked"),
    [
        ("2.2 The Designer waives all moral rights in the Designs.", True),
        (
            "2.2 The Designer waives all moral rights in the Designs, except the right to be identified as author.",
            False,
        ),
        ("2.2 The Designer waives all moral rights in the Designs other than the right of attribution.", False),
    ],
)
def test_a_moral_rights_comment_asks_for_credit_only_where_the_waiver_gives_it_up(waiver, asked):
    said = [c for c in comments_of(licence(KEEPS, waiver)).split("\n") if "waiver" in c]
    assert said, "no comment on the waiver"
    assert any("right to be credited" in c for c in said) is asked, said


@pytest.mark.parametrize("defined", [True, False])
def test_a_moral_rights_comment_names_the_purpose_the_document_defines(defined):
    purpose = ('1.3 "Purpose" means packaging and advertising the Client\'s own products.',) if defined else ()
    docx = licence(KEEPS, "2.2 The Designer waives all moral rights in the Designs.", after=purpose)
    said = [c for c in comments_of(docx).split("\n") if "waiver" in c]
    assert said and all(("needed for the Purpose" in c) is defined for c in said), said


# A transfer that is one of a precedent's bracketed alternatives passes only if the parties choose it.
@pytest.mark.parametrize("options", [True, False])
def test_a_comment_says_the_work_passes_under_an_option_only_if_the_parties_choose_it(options):
    assign = "4.3 The Supplier hereby assigns to the Customer all intellectual property rights in the Deliverables."
    grant = "4.3 The Supplier grants the Customer a non-exclusive licence to use the Deliverables."
    rights = (
        ("[Option 1: assignment]", assign, "[End of Option 1]", "[Option 2: licence]", grant, "[End of Option 2]")
        if options
        else (assign,)
    )
    texts = (
        "SERVICES AGREEMENT",
        'This agreement is made between Marlow Foods Ltd (the "Customer") and Kestrel Web Ltd (the "Supplier").',
        "1. Services",
        '1.1 The Supplier shall design and build the website described in the Specification (the "Deliverables").',
        "1.2 The Customer shall pay the Supplier the charges set out in the Schedule.",
        "4. Intellectual property",
        *rights,
        "5. General",
        "5.1 This agreement is governed by the laws of England and Wales.",
    )
    said = comments_of(make_docx("".join(p(t) for t in texts) + "<w:sectPr/>"))
    assert ("passes to the Customer under this agreement" in said) is not options, said
    assert ("passes to the Customer if the parties choose Option 1" in said) is options, said
