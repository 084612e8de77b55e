"""A licence limited to a named book, film or product; the document's own word for its items; reversion for a royalty
licence; two-item approach lists (issue 15, review11's uk-picture-book classes).

Two contracts of shapes unlike the picture book, written for these tests: a US book-cover art licence for a named
novel ("on the front cover of the Novel"), paid by fee and royalty "for the full term of copyright", whose items are
"Sections"; and an English sync licence for a named film ("in timed synchronisation with the Film"), paid by a flat
fee, that says "clause" throughout. Each class is checked in the plan and in the written .docx.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from test_review_synthetic import DATE, comments, words_written

from noai import engine
from noai.analysis.facts import clause_word, named_purpose, numbered_paragraphs, royalty_paid
from noai.ooxml.model import Paragraph

VARIANTS = ("strict", "standard", "minimal")
COVER_GRANT = "on the front cover of the Novel and in advertising for the Novel"
SYNC_GRANT = "in timed synchronisation with the Film and in trailers for the Film"


def cover_licence(
    scope: str = COVER_GRANT, payment: str = "and a royalty of 1% of the list price of each copy"
) -> bytes:
    texts = (
        "COVER ART LICENSE AGREEMENT",
        'This Agreement is made between Larkspur Press, Inc., a New York corporation ("Publisher"), and Theo Vance, '
        'an individual ("Artist").',
        '1. Novel. Publisher will publish the novel entitled The Salt Road by Imogen Hart (the "Novel") in 2029.',
        '2. Commission. Artist shall paint an original cover image for the Novel (the "Cover Art") and deliver it to '
        "Publisher by May 1, 2028, for approval under Section 3.",
        "3. License. Artist grants Publisher an exclusive license to reproduce the Cover Art "
        f"{scope}, in all formats now known or hereafter devised, for the full term of copyright.",
        f"4. Payment. Publisher shall pay Artist a fee of $3,500 {payment} of the Novel sold.",
        "5. Ownership. Artist retains all copyright in the Cover Art and the original painting.",
        "6. Governing Law. This Agreement is governed by the laws of the State of New York.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def sync_licence(scope: str = SYNC_GRANT, refers: bool = True) -> bytes:
    """``refers``: the licence refers to its clauses ("under clause 1"); else it never names its items."""
    texts = (
        "SYNCHRONISATION LICENCE",
        'This licence is made between Fernhill Pictures Limited (the "Producer") and Orla Quinn (the "Composer").',
        '1. The Composer shall write and record an original score of about twelve minutes (the "Music") for the '
        'feature film provisionally entitled Low Tide (the "Film").',
        "2. The Composer shall deliver the Music by 30 June 2028, and the Producer may ask for changes "
        f"{'under clause 1 ' if refers else ''}within fourteen days of delivery.",
        f"3. The Composer grants the Producer a non-exclusive licence to reproduce the Music {scope}, throughout the "
        "world, for the full term of copyright.",
        f"4. In return for the licence{' in clause 3' if refers else ''}, the Producer shall pay the Composer a fee of "
        "£6,000 on delivery.",
        "5. Copyright in the Music remains with the Composer.",
        "6. This licence is governed by the law of England and Wales.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def red(docx: bytes, variant: str) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))


def accepted(r: engine.Redline) -> str:
    return "\n".join(q.text for q in engine.read(r.docx).paragraphs)  # the written .docx, changes accepted


def cited(r: engine.Redline, word: str, after: str) -> str:
    """The survival sentence's start citing every clause we insert after typed paragraph ``after``, in the
    document's ``word``: "Clauses 3A to 3F apply" (two of them: "Clauses 3A and 3B apply")."""
    ours = [m[1] for q in engine.read(r.docx).paragraphs if (m := re.match(rf"({after}[A-Z])\. ", q.text))]
    assert len(ours) >= 2 and ours[0] == f"{after}A", ours
    return f"{word} {ours[0]} {'and' if len(ours) == 2 else 'to'} {ours[-1]} apply"


CONTRACTS = pytest.mark.parametrize("docx", (cover_licence, sync_licence), ids=("cover", "sync"))


# -- a licence limited to a named work has its purpose ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    (
        "in the Book and in any adaptation of the Book",
        "on the front cover of the Novel",
        "in timed synchronisation with the Film",
        "in the Spring Catalogue",
        "into the Website",
    ),
)
def test_a_licence_into_a_named_book_film_or_product_names_its_purpose(text):
    assert named_purpose(f"an exclusive licence to reproduce the Artwork {text}, in all media.")


@pytest.mark.parametrize(
    "text",
    (
        "in the Territory",
        "in the Client's Products",
        "in accordance with the Production Schedule",
        "in the book",
        "in the Book and for any other purpose",
    ),
)
def test_a_territory_a_possession_a_schedule_or_any_purpose_is_no_named_work(text):
    assert named_purpose(f"an exclusive licence to reproduce the Artwork {text}, in all media.") is None


@CONTRACTS
def test_the_audit_sees_a_licence_limited_to_a_named_work_as_purpose_limited(docx):
    scope = engine.audit(docx()).protection("scope_limitation")
    assert scope is not None and scope.status == "present", scope


@CONTRACTS
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_licence_limited_to_a_named_work_gets_no_second_or_wider_purpose(docx, variant):
    r = red(docx(), variant)
    written = words_written(r)
    assert not re.search(r"Permitted Purpose|purpose of this|related business purposes|whatever media", written)
    assert "Prohibited AI Use" in accepted(r) and "Permitted Purpose" not in accepted(r)


@CONTRACTS
def test_the_same_licence_for_any_purpose_still_gets_a_permitted_purpose(docx):
    grant = COVER_GRANT if docx is cover_licence else SYNC_GRANT
    assert "Permitted Purpose" in accepted(red(docx(f"{grant} and for any other purpose"), "strict"))


def picture_book_with_a_wider_use() -> bytes:
    """A licence limited to the Book beside a second use "for any purpose": the Permitted Purpose is needed."""
    texts = (
        "ILLUSTRATION AGREEMENT",
        'This agreement is made between Bramley Books Limited (the "Publisher") and Sam Reid (the "Illustrator").',
        '1. The Illustrator shall create twelve illustrations (the "Artwork") for the picture book Moon Fox (the '
        '"Book").',
        "2. The Illustrator grants the Publisher the exclusive licence to reproduce the Artwork in the Book, "
        "throughout the world.",
        "3. The Publisher may also use the Artwork for any purpose in promoting its list.",
        "4. The Publisher shall pay the Illustrator a fee of £3,000.",
        "5. This agreement is governed by the law of England and Wales.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_permitted_purpose_beside_a_licence_limited_to_a_named_book_is_that_book(variant):
    written = accepted(red(picture_book_with_a_wider_use(), variant))
    defined = next(t for t in written.split("\n") if '"Permitted Purpose" means' in t)
    assert "means use of the Artwork for the Book, excluding any Prohibited AI Use." in defined, defined
    assert not re.search(r"related business purposes|whatever media|purpose of this", written)


# -- the document's word for its items -------------------------------------------------------------------------


def _items(*texts: str) -> list[Paragraph]:
    return [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)]


def test_a_statutes_section_or_a_schedules_paragraph_is_not_the_documents_word():
    assert clause_word(["under section 77 of the Copyright, Designs and Patents Act 1988"]) is None
    assert (
        clause_word(["as set out in paragraph 2 of Schedule 1", "see paragraphs 4 and 5 in Framework Schedule 5"])
        is None
    )
    assert clause_word(["as set out in paragraph 4", "see paragraph 2"]) == "paragraph"
    assert clause_word(["as set out in paragraph 4", "subject to clause 2"]) is None


def test_typed_numbered_paragraphs_with_no_sub_numbers_are_paragraphs_and_numbered_headings_are_not():
    flat = _items(
        "Terms",
        "1. The Seller shall deliver the goods on time.",
        "2. The Buyer shall pay the price.",
        "3. English law governs this agreement in every respect.",
    )
    assert numbered_paragraphs(flat) and clause_word([], paragraphs=flat) == "paragraph"
    assert clause_word([], american=True, paragraphs=flat) == "Section"
    nested = _items(*(t.text for t in flat), "3.1 The courts of England have jurisdiction over any dispute.")
    headed = _items("1. Definitions", *(t.text for t in flat[1:]))
    assert not numbered_paragraphs(nested) and not numbered_paragraphs(headed)
    titled = [Paragraph(index=t.index, text=t.text, original_text=t.text, run_in_title="Terms") for t in flat]
    assert not numbered_paragraphs(titled)  # "1. Fees. The Buyer shall …": titled clauses, not paragraphs


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_document_that_says_clause_keeps_clause_in_what_we_write(variant):
    r = red(sync_licence(), variant)
    written = words_written(r)
    assert not re.search(r"\bSection\b|\bsection \d|\bparagraph\b", written), written
    assert "(clause 3)" in "\n".join(comments(r)) and cited(r, "Clauses", "3") in accepted(r)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_document_of_sections_keeps_section_in_what_we_write(variant):
    r = red(cover_licence(), variant)
    assert "(Section 3)" in "\n".join(comments(r)) and cited(r, "Sections", "5") in accepted(r)
    assert not re.search(r"\bparagraph \d|\bclause \d", words_written(r))


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_document_of_typed_paragraphs_with_no_references_gets_paragraph(variant):
    r = red(sync_licence(refers=False), variant)
    assert "(paragraph 3)" in "\n".join(comments(r)) and cited(r, "Paragraphs", "3") in accepted(r)
    assert not re.search(r"\bSection\b|\bclause \d", words_written(r))


# -- reversion for a royalty licence ---------------------------------------------------------------------------


def test_a_royalty_on_sales_is_a_royalty_and_a_royalty_free_licence_is_not():
    assert royalty_paid(["a royalty of 2.5% of the Publisher's net receipts"])
    assert royalty_paid(["royalties of ten per cent of net sales"]) and royalty_paid(["a 7% royalty on each copy"])
    assert not royalty_paid(["a worldwide, royalty-free licence"]) and not royalty_paid(["no royalty is payable"])


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_royalty_licence_for_the_term_of_copyright_asks_that_the_rights_revert(variant):
    said = next(c for c in comments(red(cover_licence(), variant)) if "full term of copyright" in c)
    assert "fixed term" not in said and "revert to Artist" in said and "if the Novel is out of print" in said


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_licence_paid_by_a_fee_alone_keeps_the_ask_for_a_fixed_term(variant):
    for docx in (sync_licence(), cover_licence(payment="on delivery, payable for each copy")):
        said = next(c for c in comments(red(docx, variant)) if "full term of copyright" in c)
        assert "fixed term" in said and "revert" not in said, said


# -- two-item approach lists -----------------------------------------------------------------------------------


@CONTRACTS
@pytest.mark.parametrize("variant", VARIANTS)
def test_an_approach_list_takes_semicolons_only_for_three_items_or_more(docx, variant):
    said = next(c for c in comments(red(docx(), variant)) if "approach:" in c).split("Why this")[0]
    listed = re.search(r"(?:\band we|\bWe) (?:add|limit|tie|reserve|cover)\b(.*)", said)  # "… . We add …; …"
    assert listed, said
    items = listed.group(1)
    assert items.count(";") != 1 and (items.count(";") == 0 or items.count(";") >= 2), said
