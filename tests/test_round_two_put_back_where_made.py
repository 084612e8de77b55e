"""Strict round two puts a rejected change back where it was made, also on a word its paragraph has more than once
(issue 15 item 6, first bullet).

Standard round one adds ", excluding any Prohibited AI Use" after the last "promotion" (or "Book") of the licence,
a word the paragraph has two (or four) times. The other side rejects that change and accepts the rest. Strict round
two's own rung would strike " or hereafter devised" there instead; a rejected change goes back as made in place of
strict's other change of that clause (tests/test_round_two_put_back_as_it_was.py). Before, that happened only where
the words stood once in the paragraph: here strict struck " or hereafter devised" with no word, and said nothing of
the change they rejected. The round record keeps where each change began (``<anchor at=…>``), and put-back now uses
it: the change goes back on the same occurrence of the word, as made, and nowhere else.

Shapes: a UK score commission whose clauses are typed ("3.2"), and a US illustration licence whose sections Word
numbers. Plan, the written .docx (accepted and as rejected), and LibreOffice for one.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, multilevel_numbering, p
from support.lo import lo_read, needs_lo
from support.replies import Reply, record_ids

from noai import engine
from noai.analysis.negotiation import made_at
from noai.ooxml.package import read_package
from noai.ooxml.record import Proposal, read_rounds
from noai.rounds import escalations

FIRST, SECOND = datetime(2026, 1, 5, tzinfo=UTC), datetime(2026, 2, 5, tzinfo=UTC)
CLAUSE = "fix-future-technologies"

SCORE_GRANT = (
    "3.2\tThe Composer grants the Producer an exclusive licence, throughout the world, to synchronise the Score with "
    "the Series and its promotion and to exploit the Score in all media now known or hereafter devised in connection "
    "with the Series and its promotion."
)
SCORE = (
    "SCORE COMMISSION AGREEMENT",
    "This Agreement is made between Ada Quill (the “Composer”) and Northlight Television Limited (the “Producer”).",
    "1.\tTHE SCORE",
    "1.1\tThe Producer commissions the Composer to compose an original score (the “Score”) for the television series "
    "“Low Tide” (the “Series”).",
    "2.\tFEE",
    "2.1\tThe Producer shall pay the Composer £8,000 on delivery of the Score.",
    "3.\tRIGHTS",
    "3.1\tThe copyright in the Score shall remain with the Composer.",
    SCORE_GRANT,
    "3.3\tThe Producer may sub-license the licence in clause 3.2 to any broadcaster of the Series.",
    "4.\tGENERAL",
    "4.1\tThis Agreement is governed by the laws of England and Wales.",
)

NUMBERING = multilevel_numbering((("decimal", "%1."), ("decimal", "%1.%2")))
HEADING, SUB = (1, 0), (1, 1)
BOOK_GRANT = (
    "Illustrator grants Publisher an exclusive license to reproduce the Artwork in the Book, in editions of the Book "
    "and in promotion of the Book, in all formats now known or hereafter developed in connection with the Book."
)
BOOK = (
    ("BOOK ILLUSTRATION LICENSE", None),
    ('This License is made by Cedar Row Books LLC ("Publisher") and Tomas Reyes ("Illustrator").', None),
    ("Artwork", HEADING),
    (
        'Illustrator shall create twenty illustrations (the "Artwork") for the children\'s book "The Kite Maker" '
        '(the "Book").',
        SUB,
    ),
    ("Publisher shall pay Illustrator $9,000 on delivery of the Artwork.", SUB),
    ("License", HEADING),
    ("Illustrator retains the copyright in the Artwork.", SUB),
    (BOOK_GRANT, SUB),
    ("Governing Law", HEADING),
    ("This License is governed by the laws of the State of Oregon.", SUB),
)

# shape -> (the document, the party we are, the licence paragraph, the word it has more than once, strict's own words)
SHAPES = {
    "score": (
        lambda: make_docx("".join(p(t) for t in SCORE) + "<w:sectPr/>"),
        "Composer",
        SCORE_GRANT,
        "promotion",
        " or hereafter devised",
    ),
    "book": (
        lambda: make_docx("".join(p(t, numbering=n) for t, n in BOOK) + "<w:sectPr/>", numbering=NUMBERING),
        "Illustrator",
        BOOK_GRANT,
        "Book",
        " or hereafter developed",
    ),
}


@functools.cache
def sent(shape: str) -> bytes:
    build, we, *_ = SHAPES[shape]
    return engine.redline(build(), author="noai", date=FIRST, options=engine.Options(variant="standard", we=we)).docx


def proposal(shape: str) -> Proposal:
    (q,) = [q for q in read_rounds(read_package(sent(shape)))[0].proposals if q.clause == CLAUSE and q.op == "replace"]
    return q


@functools.cache
def second(shape: str, variant: str) -> engine.Redline:
    """They reject our change of the licence's media words and accept the rest; our round two in ``variant``."""
    ids = [
        q.id for q in read_rounds(read_package(sent(shape)))[0].proposals if q.clause == CLAUSE and q.op != "comment"
    ]
    back = Reply(sent(shape)).reject(ids=record_ids(sent(shape), *ids)).accept().bytes()
    options = engine.Options(variant=variant, we=SHAPES[shape][1])
    return engine.redline(back, author="noai", date=SECOND, options=options)


def as_made(shape: str) -> str:
    """The licence paragraph with the rejected change made where round one made it (the record's place)."""
    q = proposal(shape)
    assert q.anchor_text == SHAPES[shape][2] and q.anchor_at is not None
    return q.anchor_text[: q.anchor_at] + q.texts[1] + q.anchor_text[q.anchor_at + len(q.texts[0]) :]


def licence(paragraphs: list[str], shape: str) -> str:
    head = SHAPES[shape][2].split("\t")[-1][:40]
    (text,) = [t for t in paragraphs if head in t]
    return text


@pytest.mark.parametrize("shape", SHAPES)
def test_round_one_changed_a_word_its_paragraph_has_more_than_once_and_kept_where(shape):
    q, word = proposal(shape), SHAPES[shape][3]
    assert q.texts[0] == word and q.anchor_text.count(word) >= 2, q.texts
    assert q.anchor_at is not None and q.anchor_at > q.anchor_text.find(word)  # not the first occurrence


@pytest.mark.parametrize("shape", SHAPES)
def test_strict_puts_the_rejected_change_back_on_the_same_occurrence_and_not_its_own_other_change(shape):
    red, q = second(shape, "strict"), proposal(shape)
    made = [e for e in red.plan.edits if e.clause == CLAUSE and e.op == "replace"]
    assert [(e.find, e.replacement) for e in made] == [tuple(q.texts)], [(e.find, e.replacement) for e in made]
    accepted = licence([x.text for x in engine.read(red.docx, accepted=True).paragraphs], shape)
    assert accepted.split("\t")[-1] == as_made(shape).split("\t")[-1], accepted
    assert SHAPES[shape][4] in accepted  # strict's own strike is not made beside it
    assert made[0].start == proposal(shape).anchor_at  # the plan's own place: the one the record keeps


@pytest.mark.parametrize("shape", SHAPES)
def test_strict_says_it_puts_the_rejected_change_back_and_warns(shape):
    red = second(shape, "strict")
    assert any("puts back" in n and "excluding any Prohibited AI Use" in n for n in escalations(red.plan)), (
        red.plan.notes
    )


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_a_lower_round_two_never_puts_the_rejected_change_back(shape, variant):
    red, q = second(shape, variant), proposal(shape)
    assert not [e for e in red.plan.edits if e.op == "replace" and e.replacement == q.texts[1]]
    accepted = licence([x.text for x in engine.read(red.docx, accepted=True).paragraphs], shape)
    assert q.texts[1] not in accepted


@needs_lo
def test_libreoffice_accepts_the_change_on_the_same_occurrence_and_rejects_it_away():
    (seen,) = lo_read([second("score", "strict").docx])
    assert seen["ok"] and not seen["redlines_left_after_accept"] and not seen["redlines_left_after_reject"]
    accepted = licence([t.split("\t")[-1] for t in seen["accepted_paragraphs"]], "score")
    assert accepted == as_made("score").split("\t")[-1], accepted
    assert SCORE_GRANT.split("\t")[-1] in seen["rejected_text"]


def test_made_at_uses_the_recorded_place_carried_over_to_the_paragraph_as_it_stands():
    text = "Use in the Book and in promotion of the Book."
    q = Proposal("e1", "replace", CLAUSE, "standard", None, 3, text, ("Book", "Book, excluding X"), anchor_at=40)
    assert made_at(q, text) == 40
    assert made_at(q, "3.2\t" + text) == 44  # a number typed before it since: the same word, moved
    assert made_at(q, text.replace("in promotion", "in the promotion")) == 44
    assert made_at(replace_at(q, None), text) is None  # an older record: which "Book" is not known
    assert made_at(replace_at(q, None), "Use in the Book.") == 11  # once: that one
    assert made_at(q, "Use in the volume.") is None
    assert made_at(q, text.replace("in the Book", "in the volume")) == 42  # the other one gone: still the recorded one


def replace_at(q: Proposal, at: int | None) -> Proposal:
    from dataclasses import replace

    return replace(q, anchor_at=at)
