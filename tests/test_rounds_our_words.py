"""Rounds read the contract, not our own words (review13 classes 15-17, on a contract of a shape of its own).

The audit of a document that records a round of ours (our redline as sent, or the other side's reply) reads the
parties, their roles and the work from the document as it would be without the words of our rounds: a clause we
inserted, or a replacement of ours, says nothing of who makes the work (our "the Company assigns that right back to
the Reader" makes no assignor of the client). And a clause of ours written for one protection (the retained materials'
"never for any Prohibited AI Use", of the creator's own materials) does not stand for another whose clause the other
side took out: strict round two puts the covenant back.

The contract here is a typed-number English voice-over agreement between "the Company" and "the Reader" (an
individual), whose party words are no role words, unlike the review's narration agreement. The reply helper
(tests/support/replies.py) is checked too: accepting a paragraph struck with its mark joins what is left of it to the
next paragraph, as the reader's accepted view (and Word) do.
"""

from __future__ import annotations

import functools
import io
import zipfile
from datetime import UTC, datetime

import pytest
from lxml import etree
from support.replies import NS, Reply, record_ids

from noai import engine
from noai.analysis.negotiation import without_our_words
from noai.ooxml.document import read_document
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
NEXT_ROUND = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


PARTIES = (
    "VOICE-OVER AGREEMENT",
    "This Agreement is dated 3 March 2027.",
    "PARTIES",
    '(1)\tBRIGHTWATER ANIMATION LIMITED, whose registered office is at 2 Dock Road, Bristol ("the Company").',
    '(2)\tPRIYA NAIR, of 41 Elm Grove, Leeds ("the Reader").',
    "IT IS AGREED as follows:",
)
DEFINED = (  # with a definitions clause: our definitions join it (and stay when the covenant goes)
    "1.\tDefinitions",
    "1.1\tIn this Agreement:",
    '"the Performances" means the recordings of the Reader\'s performances made under this Agreement;',
    '"the Series" means the animated series described in the Schedule.',
    "2.\tEngagement",
    '2.1\tThe Reader shall voice the character "Captain Fen" in the Series and shall attend the recording sessions '
    "the Company reasonably requests.",
    "2.2\tThe Company shall pay the Reader the fee in the Schedule within 30 days after each session.",
    "3.\tRights",
    "3.1\tThe Reader assigns to the Company all of the Reader's rights in the Performances, throughout the world, in "
    "all media now known or later devised.",
    "3.2\tThe Company may use the Reader's name and approved likeness to promote the Series.",
    "4.\tGeneral",
    "4.1\tClause 3 survives termination of this Agreement.",
    "4.2\tThis Agreement is governed by the laws of England and Wales.",
)
INLINE = (  # without one: the covenant opens with our definitions (and they go with it)
    "1.\tEngagement",
    '1.1\tThe Reader shall voice the character "Captain Fen" in the animated series described in the Schedule (the '
    '"Series") and shall attend the recording sessions the Company reasonably requests.',
    "1.2\tThe Company shall pay the Reader the fee in the Schedule within 30 days after each session.",
    "2.\tRights",
    "2.1\tThe Reader assigns to the Company all of the Reader's rights in the recordings of the Reader's performances "
    'made under this Agreement (the "Performances"), throughout the world, in all media now known or later devised.',
    "2.2\tThe Company may use the Reader's name and approved likeness to promote the Series.",
    "3.\tGeneral",
    "3.1\tClause 2 survives termination of this Agreement.",
    "3.2\tThis Agreement is governed by the laws of England and Wales.",
)
SIGNED = (
    "SIGNED for the Company ________      SIGNED by the Reader ________",
    "THE SCHEDULE",
    "1.\tSeries: twelve 11-minute episodes.",
    "2.\tFee: GBP 450 per session.",
)
SHAPES = ("inline", "defined")


@functools.cache
def voice_over(shape: str) -> bytes:
    from docx import Document

    doc = Document()
    for text in (*PARTIES, *(DEFINED if shape == "defined" else INLINE), *SIGNED):
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@functools.cache
def sent(shape: str, variant: str) -> engine.Redline:
    options = engine.Options(variant=variant, we="Reader")
    return engine.redline(voice_over(shape), author="noai", date=DATE, options=options, filename="voice-over.docx")


@functools.cache
def returned(shape: str, variant: str) -> bytes:
    """Client counsel rejects our covenant and accepts every other change of ours."""
    docx = sent(shape, variant).docx
    covenant = next(p for p in read_rounds(read_package(docx))[0].proposals if p.clause == "no-ai-training")
    return Reply(docx).reject(ids=record_ids(docx, covenant.id)).accept().bytes()


@functools.cache
def second(shape: str, variant: str) -> engine.Redline:
    options = engine.Options(variant=variant, we="Reader")
    return engine.redline(returned(shape, variant), author="noai", date=NEXT_ROUND, options=options)


def creators(data: bytes, we: str | None = None) -> list[list[str]]:
    return [p["terms"] for p in engine.audit(data, we=we).to_dict()["parties"] if p["role"] == "creator"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", SHAPES)
def test_the_audit_of_our_redline_reads_the_same_creator_as_the_contracts(shape, variant):
    assert creators(voice_over(shape)) == [["Reader"]]
    assert creators(sent(shape, variant).docx) == [["Reader"]]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", SHAPES)
def test_the_paragraphs_we_inserted_are_read_as_empty_and_our_replacements_as_the_words_they_replaced(shape, variant):
    red = sent(shape, variant)
    doc = read_document(red.docx)
    ours = without_our_words(doc)
    inserted = {p["text"] for e in red.plan.edits if e.op == "insert_after" for p in e.paragraphs}
    held = [i for i, p in enumerate(doc.paragraphs) if any(t and t in p.text for t in inserted)]
    assert held and all(ours.get(i) == "" for i in held), (held, ours)
    for e in red.plan.edits:
        if e.op == "replace" and len((e.replacement or "").split()) > 2:
            i = next(i for i, p in enumerate(doc.paragraphs) if e.replacement in p.text)
            assert e.replacement not in ours[i] and e.find in ours[i], ours[i]
    assert without_our_words(read_document(voice_over(shape))) == {}  # no round of ours: nothing to leave out


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", SHAPES)
def test_round_two_reads_the_reader_named_with_we_as_the_creator_and_answers_per_playbook(shape, variant):
    assert engine.audit(returned(shape, variant), we="Reader").to_dict()["we"]["role"] == "creator"
    edits = second(shape, variant).plan.edits
    covenant = [e.variant for e in edits if e.op == "insert_after" and e.clause == "no-ai-training"]
    # strict puts it back as it was, standard falls back one rung, minimal accepts their rejection
    assert covenant == {"strict": ["strict"], "standard": ["minimal"], "minimal": []}[variant], covenant
    accepted = {e.clause for e in sent(shape, variant).plan.edits if e.op == "insert_after"} - {"no-ai-training"}
    again = {e.clause for e in edits if e.op == "insert_after"}
    assert not accepted & again, again
    written = "\n".join(p["text"] for e in edits if e.op == "insert_after" for p in e.paragraphs)
    assert "The Reader shall not" not in written and "The Reader shall have anyone" not in written, written


def test_a_reinstated_covenant_defines_its_terms_for_the_whole_agreement_where_our_accepted_clauses_use_them():
    (covenant,) = [e for e in second("inline", "strict").plan.edits if e.clause == "no-ai-training"]
    opening = covenant.paragraphs[0]["text"]
    assert "Protected Materials" in opening and opening.startswith("In this Agreement, "), opening
    kept = engine.read(returned("inline", "strict")).paragraphs
    assert any("Protected Materials" in p.text for p in kept)  # the accepted indemnity, remedies … use the term


@pytest.mark.parametrize("shape", SHAPES)
def test_round_two_finds_our_covenant_gone_though_our_other_clauses_still_bar_prohibited_ai_use(shape):
    kept = [p.text for p in engine.read(returned(shape, "strict")).paragraphs]
    # our accepted indemnity, remedies, transparency (and retained materials) clauses each speak of AI use
    assert sum("Prohibited AI Use" in t or "AI System" in t for t in kept) >= 3, kept
    status = {p.name: p.status for p in engine.audit(returned(shape, "strict"), we="Reader").protections}
    assert status["no_ai_restriction"] == "removed", status


# -- no new purpose limit (class 18): a photographer's licence already limited to a named book


@functools.cache
def guide_licence() -> bytes:
    from docx import Document

    doc = Document()
    for text in (
        "PHOTOGRAPHY LICENCE",
        'This licence is made on 4 May 2027 between Saltmarsh Press Ltd ("the Publisher") and Ines Duarte of 8 Kiln '
        'Yard, Norwich ("the Photographer").',
        '1. The Publisher commissions the Photographer to take twenty photographs of the Broads (the "Photographs") '
        'for the guidebook provisionally entitled Low Water, written by Tom Hale (the "Guide").',
        "2. The Publisher will pay the Photographer GBP 2,400 within 30 days after delivery.",
        "3. The Photographer grants the Publisher a non-exclusive licence to reproduce, publish and sell the "
        "Photographs in the Guide, in print and in any electronic form now known or hereafter invented, for five "
        "years.",
        "4. The Photographer keeps the copyright in the Photographs.",
        "5. This licence is governed by the laws of England and Wales.",
    ):
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_round_two_adds_no_purpose_limit_to_a_licence_round_one_found_limited_to_a_named_work(variant):
    options = engine.Options(variant=variant, we="Photographer")
    first = engine.redline(guide_licence(), author="noai", date=DATE, options=options)
    assert not any(e.clause == "scope-limitation" for e in first.plan.edits)  # "in the Guide" limits it already
    covenant = next(p for p in read_rounds(read_package(first.docx))[0].proposals if p.clause == "no-ai-training")
    back = Reply(first.docx).reject(ids=record_ids(first.docx, covenant.id)).accept().bytes()
    accepted = "\n".join(p.text for p in engine.read(back).paragraphs)
    assert variant == "strict" or "excluding any Prohibited AI Use" in accepted  # our words in the licence, accepted
    following = engine.redline(back, author="noai", date=NEXT_ROUND, options=options)
    assert {p.name: p.status for p in following.audit.protections}["scope_limitation"] == "present"
    assert [e.clause for e in following.plan.edits if e.op == "insert_after"] == ["no-ai-training"]


# -- the reply helper ----------------------------------------------------------------------------------------------


@functools.cache
def struck_plain() -> bytes:
    """An unnumbered art contract whose one training permission is struck whole, with its paragraph mark."""
    from support.synthetic_contracts import _document, _para, _save

    doc = _document()
    for text in (
        'This Agreement is made between Kestrel Games, Inc. ("Company") and Ana Ruiz, an individual ("Contractor").',
        'Contractor will create the character art described in each statement of work (the "Assets").',
        "Company will pay the fees in each statement of work within thirty (30) days after invoice.",
        "Contractor hereby assigns to Company all right, title and interest in the Assets.",
        "Company may use the Assets to train artificial intelligence models.",
        "Contractor may show the Assets in Contractor's portfolio.",
    ):
        _para(doc, text)
    return _save(doc)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_reply_helper_accepts_a_paragraph_struck_with_its_mark_as_the_accepted_view_reads_it(variant):
    red = engine.redline(struck_plain(), author="noai", date=DATE, options=engine.Options(variant=variant))
    assert _struck_marks(red.docx) == 1 and _struck_marks(Reply(red.docx).accept().bytes()) == 0
    texts = [p.text for p in engine.read(Reply(red.docx).accept().bytes()).paragraphs]
    assert texts == [p.text for p in engine.read(red.docx, accepted=True).paragraphs]
    assert "" not in texts and not any("to train artificial intelligence" in t for t in texts), texts
    assert "Contractor may show the Assets in Contractor's portfolio." in texts


def _struck_marks(docx: bytes) -> int:
    """How many paragraph marks of the main part are tracked deletions."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    return len(root.xpath("//w:p/w:pPr/w:rPr/w:del", namespaces=NS))
