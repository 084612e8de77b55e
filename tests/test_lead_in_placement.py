"""Issue 15, placement: a clause placed after a grant that a lead-in governs ("... as follows:" and its
items), or after a grant that is one of those items, follows the whole list (its items and the
paragraph continuing it), at the lead-in's level: never before the lead-in, never inside its list.
Where typed sub-clauses follow, it takes a lettered number ("2.1A") so that none of them moves, nor
any typed reference to them. The clauses placed at the end of the IP section go after the last
sub-clause of its clause instead."""

from __future__ import annotations

import re

import pytest
from test_strategy import DATE, PARTIES, contract
from test_writer import accepted, rejected

from noai import engine
from noai.kinds import Placement

ITEMS = (
    "(a) to reproduce the Work in the book, in print and electronic editions, in any number of copies;",
    "(b) to use the Work in marketing and promoting the book, in any media, including social media,",
)
CONTINUATION = "in each case throughout the world and for the full term of copyright in the Work."
CREDIT = "2.2 The Client shall credit the Studio as the illustrator, in every copy of the book it publishes."
KEEPS = "2.3 The Studio keeps ownership of the Work, of its drafts and sketches, and of every material it creates."
LAW = "3.1 This agreement is governed by the laws of England and Wales, and clause 2.2 survives its end."

GRANT_LEADS = "2.1 The Studio grants the Client a non-exclusive licence to use the Work, for any and all purposes:"
USE_LEADS = (
    "2.1 The Client may use the Work only in the following ways, and the Studio's consent is needed for any other:"
)
GRANT_ITEM = (
    "(a) the Studio grants the Client a non-exclusive licence to reproduce the Work in the book, for any and all "
    "purposes;"
)


def licence(lead: str, *items: str, tail: tuple[str, ...] = (CREDIT, KEEPS)) -> bytes:
    return contract(
        "DESIGN AGREEMENT",
        PARTIES,
        "1. Services",
        '1.1 The Studio shall design the cover artwork for the Client\'s book (the "Work") as the brief describes.',
        "2. Intellectual Property",
        lead,
        *items,
        CONTINUATION,
        *tail,
        "3. General",
        LAW,
        "Signed for the Studio: ____________",
    )


CASES = {
    "the grant is the lead-in": licence(GRANT_LEADS, *ITEMS),
    "the grant is an item": licence(USE_LEADS, GRANT_ITEM, ITEMS[1]),
    "the grant is the lead-in whose list ends the clause": licence(GRANT_LEADS, *ITEMS, tail=()),
    "the grant is an item of a list ending the clause": licence(USE_LEADS, GRANT_ITEM, ITEMS[1], tail=()),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_purpose_limit_follows_the_grants_whole_list_at_the_lead_ins_level(name):
    docx = CASES[name]
    result, plan = engine.plan(docx, engine.Options())
    texts = [q.text for q in result.paragraphs]
    lead = next(i for i, t in enumerate(texts) if t.startswith("2.1 "))
    limit = next(e for e in plan.edits if e.clause == "scope-limitation")
    assert limit.index == texts.index(CONTINUATION)  # after the items and the paragraph continuing them
    assert all(q.get("like") == lead for q in limit.paragraphs)
    redline = engine.redline(docx, author="noai", date=DATE, options=engine.Options())
    after = accepted(redline.docx)
    at = after.index(CONTINUATION) + 1
    # a sub-clause, not item (c): "2.1A" where 2.2 follows (nothing moves), else the next number, 2.2
    assert after[at].startswith("2.1A " if KEEPS in texts else "2.2 ") and not re.match(r"\(\w+\)", after[at])
    assert not any(re.match(r"\d+(\.\d+)*\s", t) for t in after[at + 1 : at + len(limit.paragraphs)])  # one number
    numbers = [m[0] for t in after if (m := re.match(r"\d+\.\d+[A-Z]?", t))]
    assert len(numbers) == len(set(numbers))
    if KEEPS in texts:
        assert after[at + len(limit.paragraphs)] == CREDIT  # the later sub-clauses stay as they are
        assert LAW in after and redline.write.renumbered == []  # and the typed reference to them
    assert rejected(redline.docx) == texts


def test_a_clause_placed_after_a_numbered_sub_clause_with_sub_clauses_after_it_goes_to_its_clauses_end():
    docx = contract(
        "ILLUSTRATION AGREEMENT",
        PARTIES,
        "1. Services",
        '1.1 The Studio shall design the cover artwork for the Client\'s book (the "Work") as the brief describes.',
        "2. Rights",
        "2.1 The Studio grants the Client a non-exclusive licence to reproduce the Work in the book, worldwide.",
        "2.2 The Studio keeps ownership of the Work, of its drafts and sketches, and of every material it creates.",
        "2.3 The Client shall credit the Studio as the illustrator, in every copy of the book it publishes.",
        "2.4 Nothing in this agreement shall constitute any representation or warranty that:",
        "(a) the Work will be suitable for any particular edition of the book, in print or electronic form;",
        "(b) the Work will not infringe the rights of a third party, where the Client supplied the material.",
        "3. General",
        "3.1 This agreement is governed by the laws of England and Wales, and clause 2.3 survives its end.",
        "Signed for the Studio: ____________",
    )
    result, plan = engine.plan(docx, engine.Options())
    texts = [q.text for q in result.paragraphs]
    place = result.places[Placement.END_OF_IP_SECTION]
    assert place.index == texts.index(texts[-4]) and place.like == texts.index(texts[-6])  # after (b), as 2.5
    covenant = next(e for e in plan.edits if e.clause == "no-ai-training")
    assert covenant.index == place.index
    redline = engine.redline(docx, author="noai", date=DATE, options=engine.Options())
    limit = next(e for e in plan.edits if e.clause == "scope-limitation")  # right after the grant, as 2.1A
    assert limit.index == texts.index(texts[-9]) and redline.write.renumbered == []  # nothing moves
    after = accepted(redline.docx)
    assert after[texts.index(texts[-9]) + 1].startswith("2.1A ")
    assert re.match(r"2\.\d ", after[after.index(texts[-4]) + 1])  # a sub-clause after (b), not item (c)
    assert rejected(redline.docx) == texts


def test_a_clause_of_the_agreement_itself_is_not_passed_for_the_clauses_after_it():
    from support.docx_builder import make_docx, p, r

    title = '<w:outlineLvl w:val="0"/>'  # "Terms and Conditions" holds the numbered clauses 1. to 4.
    docx = make_docx(
        "".join(
            [
                p(r("ILLUSTRATION AGREEMENT", b=True), ppr=title),
                p(PARTIES),
                p(r("Terms and Conditions", b=True), ppr=title),
                p('1. The Studio shall design the cover artwork for the Client\'s book (the "Work") to the brief.'),
                p("2. The Studio grants the Client a non-exclusive licence to reproduce the Work in the book."),
                p("3. The Client shall credit the Studio as the illustrator, in every copy of the book it publishes."),
                p("4. This agreement is governed by the laws of England and Wales, and clause 3 survives its end."),
                p("Signed for the Studio: ____________"),
            ]
        )
        + "<w:sectPr/>"
    )
    result, _ = engine.plan(docx, engine.Options())
    grant = next(q.index for q in result.paragraphs if q.text.startswith("2. "))
    assert len(result.paragraphs[grant].section_path) == 2  # under the title: the guard is what keeps it here
    assert result.places[Placement.AFTER_GRANT].index == grant  # not the end of the agreement
