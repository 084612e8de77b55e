"""Strict round two puts back exactly what the other side took out; standard falls back once (issue 15, session 13
items 3 and 4).

(4) The other side deletes, without tracking, the sentence of our purpose clause that uses the "Permitted Purpose"
it defines, and accepts the definition. Round two sees that the limitation is gone: strict puts the sentence back
once, as it was, right after its definition; standard falls back once to the lower rung's sentence there; neither
writes a second definition (let alone one defining the Permitted Purpose by itself), and the clause keeps its
number, like its neighbours ("2.1A" stays "2.1A", nothing becomes "2.2A"). Minimal accepts the deletion (the
definition is withdrawn: tests/test_round_two_unused_definition.py).

(3) Strict that puts back a term of ours they rejected puts back the words they rejected, never wider ones: an
addition to their clause ("Proprietor. The licence granted … does not extend to …"), and a clause of ours put back
whole.

Shapes: (4) a UK photography licence with typed decimal numbers ("2.1A", the test_round_two_unused_definition
contract) and a US illustration licence whose sections Word numbers ("2.3"); (3) uk-translation-rights and
music-commission (additions to their sentence), us-purchase-order and us-work-for-hire (a clause put back whole).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, multilevel_numbering, p
from support.lo import lo_read, needs_lo
from support.replies import Reply
from test_review_session16 import RIGHTS, round_two
from test_round_two_rejected_terms import HIRE, MUSIC, answered, ours, second_round
from test_round_two_unused_definition import PHOTOS

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.rounds import escalations

FIRST, SECOND = datetime(2026, 1, 5, tzinfo=UTC), datetime(2026, 2, 5, tzinfo=UTC)
SCOPE = "scope-limitation"
DEFINES_PURPOSE = re.compile(r"[\"“]Permitted Purpose[\"”] means")

NUMBERING = multilevel_numbering((("decimal", "%1."), ("decimal", "%1.%2")))
HEADING, SUB = (1, 0), (1, 1)
ILLUSTRATION = (
    ("ILLUSTRATION LICENSE AGREEMENT", None),
    (
        'This License Agreement is entered into by Harbor Lane Press, Inc. ("Publisher") and Mina Okafor '
        '("Illustrator").',
        None,
    ),
    ("Artwork", HEADING),
    ('Illustrator shall deliver twelve illustrations for Publisher\'s cookbook (the "Artwork").', SUB),
    ("Publisher shall pay Illustrator $6,000 on acceptance of the Artwork.", SUB),
    ("License", HEADING),
    ("Illustrator grants Publisher a non-exclusive license to reproduce and distribute the Artwork.", SUB),
    ("Publisher may use, modify and sublicense the Artwork in any manner whatsoever.", SUB),
    ("Illustrator retains all copyright in the Artwork.", SUB),
    ("General", HEADING),
    ("This Agreement is governed by the laws of the State of New York.", SUB),
)

NAMED = {"photo": "clause 2.1A", "illustration": "Section 2.3"}  # our purpose clause, as each document cites it
# shape -> (the document, the party we are, how the sentence using the Permitted Purpose starts)
SHAPES = {
    "photo": (
        lambda: make_docx("".join(p(t) for t in PHOTOS) + "<w:sectPr/>"),
        "Photographer",
        "The licences and rights to use the Photographs",
    ),
    "illustration": (
        lambda: make_docx("".join(p(t, numbering=n) for t, n in ILLUSTRATION) + "<w:sectPr/>", numbering=NUMBERING),
        "Illustrator",
        "The licenses and rights to use the Artwork",
    ),
}


@functools.cache
def sent(shape: str) -> bytes:
    """Our standard round one."""
    build, we, _ = SHAPES[shape]
    options = engine.Options(variant="standard", we=we)
    return engine.redline(build(), author="noai", date=FIRST, options=options).docx


def deleted(shape: str) -> str:
    """The sentence of our purpose clause the other side deletes, as round one wrote it."""
    (proposal,) = [q for q in read_rounds(read_package(sent(shape)))[0].proposals if q.clause == SCOPE]
    (sentence,) = [t for t in proposal.texts if t.startswith(SHAPES[shape][2])]
    return sentence


@functools.cache
def returned(shape: str) -> bytes:
    """The other side accepts our round one and deletes, without tracking, the sentence using the Permitted Purpose."""
    return Reply(sent(shape)).accept().delete_paragraph(SHAPES[shape][2]).bytes()


@functools.cache
def second(shape: str, variant: str) -> engine.Redline:
    options = engine.Options(variant=variant, we=SHAPES[shape][1])
    return engine.redline(returned(shape), author="noai", date=SECOND, options=options)


def written(red: engine.Redline) -> list[str]:
    return [q.text for q in engine.read(red.docx, accepted=True).paragraphs]


def numbers(paragraphs) -> list[tuple[str, str | None]]:
    """Each paragraph's text (less a typed number) and the clause number it shows (Word's, or typed before a tab)."""
    out = []
    for q in paragraphs:
        typed = re.match(r"(\d+(?:\.\d+[A-Z]?)*\.?)\t", q.text)
        out.append((q.text[typed.end() :] if typed else q.text, q.label or (typed.group(1) if typed else None)))
    return out


def scope_inserted(red: engine.Redline) -> list[list[str]]:
    return [[q["text"] for q in e.paragraphs] for e in red.plan.edits if e.op == "insert_after" and e.clause == SCOPE]


def after_the_definition(red: engine.Redline) -> str:
    """The paragraph right after the one defining the Permitted Purpose, which it must be the only one of."""
    text = written(red)
    (at,) = [i for i, t in enumerate(text) if DEFINES_PURPOSE.search(t)]
    return text[at + 1]


# (4) strict: put back once, as it was, where it was


@pytest.mark.parametrize("shape", SHAPES)
def test_strict_puts_back_the_deleted_sentence_once_as_it_was_right_after_its_definition(shape):
    red = second(shape, "strict")
    assert scope_inserted(red) == [[deleted(shape)]], scope_inserted(red)
    assert after_the_definition(red) == deleted(shape)
    assert sum(SHAPES[shape][2] in t or "granted solely for the Permitted Purpose" in t for t in written(red)) == 1


@pytest.mark.parametrize("shape", SHAPES)
def test_strict_says_it_puts_the_deleted_sentence_back_and_warns(shape):
    red = second(shape, "strict")
    (put,) = [e for e in red.plan.edits if e.op == "insert_after" and e.clause == SCOPE]
    said = (put.comment or "").lower()
    assert "you deleted" in said and "put back" in said, said
    assert any("puts back" in n and "Permitted Purpose" in n for n in escalations(red.plan)), red.plan.notes


# (4) standard: fall back once, to the lower rung's sentence, with no second definition


@pytest.mark.parametrize("shape", SHAPES)
def test_standard_falls_back_once_to_the_lower_rungs_sentence_after_the_definition_that_stands(shape):
    red = second(shape, "standard")
    ((sentence,),) = scope_inserted(red)  # one paragraph: no definitions of its own
    assert sentence != deleted(shape) and "Permitted Purpose" in sentence, sentence
    assert after_the_definition(red) == sentence
    (put,) = [e for e in red.plan.edits if e.op == "insert_after" and e.clause == SCOPE]
    said = put.comment or ""
    assert "You deleted" in said and "narrower" in said, said
    assert f"from our {NAMED[shape]}." in said, said  # the clause named as the document names its clauses


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("shape", SHAPES)
def test_round_two_writes_no_second_definition_and_none_defining_a_term_by_itself(shape, variant):
    text = "\n".join(written(second(shape, variant)))
    for term in ("Permitted Purpose", "Protected Materials", "AI System", "Prohibited AI Use"):
        assert len(re.findall(rf"[\"“]{term}[\"”] means", text)) == 1, term
    for definition in re.findall(r"[\"“]Permitted Purpose[\"”] means[^\n]*", text):
        assert "for the Permitted Purpose" not in definition, definition


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("shape", SHAPES)
def test_the_sentence_put_back_takes_no_number_and_moves_none(shape, variant):
    red = second(shape, variant)
    before = dict(numbers(engine.read(returned(shape), accepted=True).paragraphs))
    now = numbers(engine.read(red.docx, accepted=True).paragraphs)
    ((sentence,),) = scope_inserted(red)
    (at,) = [k for k, (t, _) in enumerate(now) if t == sentence]
    assert now[at][1] is None  # it continues the clause of its definition
    following = next(k for k in range(at + 1, len(now)) if now[k][1])
    head = now[: following + 1]  # up to the clause after it: every number as it was
    assert all(n == before.get(t) for t, n in head if t != sentence), head
    assert not any(re.search(r"\b2\.\dA\b", t) and "2.1A" not in t for t in written(red))


@needs_lo
@pytest.mark.parametrize(("shape", "variant"), [("photo", "strict"), ("illustration", "standard")])
def test_libreoffice_reads_the_sentence_after_its_definition_and_rejects_it_away(shape, variant):
    red = second(shape, variant)
    (seen,) = lo_read([red.docx])
    assert seen["ok"] and not seen["redlines_left_after_accept"] and not seen["redlines_left_after_reject"]
    ((sentence,),) = scope_inserted(red)
    texts = [t.split("\t")[-1] for t in seen["accepted_paragraphs"]]
    at = next(i for i, t in enumerate(texts) if DEFINES_PURPOSE.search(t))
    assert texts[at + 1] == sentence, texts[at : at + 2]
    assert sentence not in seen["rejected_text"]


# the whole clause deleted without tracking: back once, as it was (strict) or one rung down, citing its own number


@functools.cache
def second_without_the_clause(shape: str, variant: str) -> engine.Redline:
    """The other side accepts our round one and deletes, without tracking, our whole purpose clause."""
    (proposal,) = [q for q in read_rounds(read_package(sent(shape)))[0].proposals if q.clause == SCOPE]
    reply = Reply(sent(shape)).accept()
    for text in proposal.texts:
        reply = reply.delete_paragraph(text.replace("\t", "")[:30])  # as Word keeps it: a tab is no text
    options = engine.Options(variant=variant, we=SHAPES[shape][1])
    return engine.redline(reply.bytes(), author="noai", date=SECOND, options=options)


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("shape", SHAPES)
def test_a_clause_deleted_whole_comes_back_once_defining_each_term_once_and_citing_the_number_it_takes(shape, variant):
    red = second_without_the_clause(shape, variant)
    paragraphs = engine.read(red.docx, accepted=True).paragraphs
    text = "\n".join(q.text for q in paragraphs)
    for term in ("Permitted Purpose", "Protected Materials", "AI System", "Prohibited AI Use"):
        assert len(re.findall(rf"[\"“]{term}[\"”] means", text)) == 1, term
    ((defining, shown),) = [(t, n) for t, n in numbers(paragraphs) if DEFINES_PURPOSE.search(t)]
    assert "for the Permitted Purpose" not in defining, defining
    cited = re.match(r"In this (?:clause|Section) ([\w.]+),", defining)
    assert cited and shown and cited.group(1) == shown.rstrip("."), (defining, shown)
    if variant == "strict":  # as it was: round one's sentence, right after its definition
        at = next(k for k, q in enumerate(paragraphs) if DEFINES_PURPOSE.search(q.text))
        assert paragraphs[at + 1].text == deleted(shape)


# (3) strict puts back the words they rejected, never wider ones

ADDITIONS = {
    RIGHTS: ("reservation-of-rights", lambda: round_two(RIGHTS, "strict")),
    MUSIC: ("fix-sublicensable", lambda: answered(MUSIC, "minimal", ("fix-sublicensable",), "strict")),
}


def rejected_as_made(red: engine.Redline, clause: str):
    (o,) = [o for o in red.audit.negotiation.outcomes if o.proposal.clause == clause and o.state == "rejected"]
    return o.proposal


@pytest.mark.parametrize("name", ADDITIONS)
def test_strict_puts_back_a_rejected_addition_in_the_words_they_rejected(name):
    clause, red = ADDITIONS[name][0], ADDITIONS[name][1]()
    find, replacement = rejected_as_made(red, clause).texts
    (made,) = [e for e in red.plan.edits if e.clause == clause and e.op == "replace"]
    assert (made.find, made.replacement) == (find, replacement), made.replacement
    assert replacement in "\n".join(written(red))
    said = [c for c in ours(red) if "put it back" in c or "put back" in c]
    assert said and not any("wider" in c for c in said), said
    assert not any("wider" in n for n in escalations(red.plan)), red.plan.notes


CLAUSES = {"us-purchase-order": "retained-materials", HIRE: "retained-materials"}


@pytest.mark.parametrize("name", CLAUSES)
def test_strict_puts_back_a_rejected_clause_in_the_words_they_rejected(name):
    red = second_round(name, "strict")
    texts = rejected_as_made(red, CLAUSES[name]).texts
    (made,) = [e for e in red.plan.edits if e.clause == CLAUSES[name] and e.op == "insert_after"]
    now = [q["text"] for q in made.paragraphs]
    assert len(now) == len(texts) and all(t.endswith(n) for t, n in zip(texts, now, strict=True)), now
    assert now[-1] == texts[-1] and texts[-1] in written(red)


@pytest.mark.parametrize(
    ("keys", "left"),
    [
        (
            {"ai system", "permitted purpose"},
            'In this clause 2.2, "Protected Materials" means the Work; and "Prohibited AI Use" means (a) x; (b) y.',
        ),
        (
            {"protected materials", "ai system", "prohibited ai use"},
            'In this clause 2.2, "Permitted Purpose" means use for its business.',
        ),
        (
            {"permitted purpose"},
            'In this clause 2.2, "Protected Materials" means the Work; "AI System" means any system; and '
            '"Prohibited AI Use" means (a) x; (b) y.',
        ),
        ({"protected materials", "ai system", "prohibited ai use", "permitted purpose"}, ""),
        ({"work"}, None),
    ],
)
def test_a_glossary_loses_the_entries_of_terms_the_document_defines_and_stays_a_list(keys, left):
    from noai.analysis.facts import glossary_without

    text = (
        'In this clause 2.2, "Protected Materials" means the Work; "AI System" means any system; "Prohibited AI Use" '
        'means (a) x; (b) y; and "Permitted Purpose" means use for its business.'
    )
    assert glossary_without(text, keys) == (text if left is None else left)
    assert glossary_without("The Licensee shall not sell the Work.", keys) == "The Licensee shall not sell the Work."


def test_a_clause_numbered_between_two_cites_itself_by_its_whole_number():
    from noai.analysis.facts import cited_as_itself, citing_itself_as

    assert cited_as_itself('In this clause 2.1A, "Permitted Purpose" means …') == "2.1A"
    assert citing_itself_as('In this clause 2.1A, "Permitted Purpose" means …', "2.2") == (
        'In this clause 2.2, "Permitted Purpose" means …'
    )
    assert cited_as_itself("This clause 4.11 applies to the Artwork.") == "4.11"
    assert cited_as_itself("This clause applies.") is None


# round one: a document that defines the Permitted Purpose itself keeps its definition, and gets no second one that
# defines the term by itself ("“Permitted Purpose” means use of the Photographs for the Permitted Purpose")

OWN_PURPOSE = {
    "photo": (
        lambda: make_docx(
            "".join(
                p(t)
                for t in (
                    *PHOTOS[:4],
                    '1.2\tIn this licence, "Permitted Purpose" means the promotion of the Licensee\'s guided walks.',
                    *PHOTOS[5:],
                )
            )
            + "<w:sectPr/>"
        ),
        "Photographer",
    ),
    "illustration": (
        lambda: make_docx(
            "".join(
                p(t, numbering=n)
                for t, n in (
                    *ILLUSTRATION[:4],
                    ('"Permitted Purpose" means the publication and promotion of Publisher\'s cookbook.', SUB),
                    *ILLUSTRATION[4:],
                )
            )
            + "<w:sectPr/>",
            numbering=NUMBERING,
        ),
        "Illustrator",
    ),
}


@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
@pytest.mark.parametrize("shape", OWN_PURPOSE)
def test_a_document_defining_the_permitted_purpose_keeps_the_one_definition_and_our_clause_uses_it(shape, variant):
    build, we = OWN_PURPOSE[shape]
    red = engine.redline(build(), author="noai", date=FIRST, options=engine.Options(variant=variant, we=we))
    ours = [q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs]
    assert not any(DEFINES_PURPOSE.search(t) for t in ours), ours
    text = written(red)
    (defined,) = [t for t in text if DEFINES_PURPOSE.search(t)]
    assert "promotion" in defined, defined  # the document's own
    assert any("for the Permitted Purpose" in t for t in ours), ours  # and our clause limits the licences to it


def test_a_paragraph_left_defining_nothing_goes_and_the_one_continuing_it_takes_its_number_and_title():
    from noai.planning.definitions import not_defined_by_itself
    from noai.planning.edit import Edit

    circular = 'In this clause, "Permitted Purpose" means use of the Work for the Permitted Purpose.'
    sentence = "The licences are granted solely for the Permitted Purpose."
    opening = {"title": "Permitted Purpose", "like": 3}
    e = Edit("", "insert_after", 3, "x", "scope-limitation", "standard", None)
    e = replace(e, paragraphs=({"text": circular, **opening}, {"text": sentence, "continued": True}))
    assert not_defined_by_itself(e, {"permitted purpose"}).paragraphs == ({**opening, "text": sentence},)
    both = 'In this clause, "AI System" means any model; and ' + circular[len("In this clause, ") :]
    e = replace(e, paragraphs=({"text": both, **opening}, {"text": sentence, "continued": True}))
    assert not_defined_by_itself(e, {"permitted purpose"}).paragraphs == (
        {"text": 'In this clause, "AI System" means any model.', **opening},
        {"text": sentence, "continued": True},
    )
    fine = replace(e, paragraphs=({"text": 'In this clause, "AI System" means any model.', **opening},))
    assert not_defined_by_itself(fine, {"permitted purpose"}) is fine
    assert not_defined_by_itself(e, set()) is e  # a term the document does not define: ours stays


# where strict's own rung changes OTHER words of the clause whose change they rejected (music-commission,
# uk-picture-book, ie-narration: the rejected ", excluding any Prohibited AI Use" after the future-technologies words,
# and strict's rung strikes " or hereafter devised"), the change goes back as made in place of strict's, said and
# warned of (before: strict's wider change, "we do not propose it again" in the rejected change's thread, no warning).
# Not the transfer (strict's strategy, which its approach states) nor a change using a term the round defines.

DIFFERENT = {  # contract -> (round one's variant, the clause whose change they reject)
    "music-commission": ("standard", "fix-future-technologies"),
    "uk-picture-book": ("standard", "fix-future-technologies"),
    "ie-narration": ("minimal", "fix-future-technologies"),
}  # a word the paragraph has more than once: tests/test_round_two_put_back_where_made.py


@pytest.mark.parametrize("name", DIFFERENT)
def test_strict_puts_back_a_rejected_change_as_made_where_its_own_rung_changes_other_words(name):
    first, clause = DIFFERENT[name]
    red = answered(name, first, (clause,), "strict")
    find, replacement = rejected_as_made(red, clause).texts
    made = [(e.find, e.replacement) for e in red.plan.edits if e.clause == clause and e.op == "replace"]
    assert made == [(find, replacement)], made
    assert not any("we do not propose it again" in c for c in ours(red))
    assert any("puts back" in n for n in escalations(red.plan)), red.plan.notes
