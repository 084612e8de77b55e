"""Round two after they reject our strike of their training words: the permission never stands beside our terms
unanswered, and a softer round never asks more (issue 15 item 6, third bullet; REVIEW21 new problem 6).

(a) A round in a softer variant than the last asks nothing the last round did not ask of words the other side did
not change. au-software-escrow, minimal after our standard round: before, it added "for any purpose, subject to
the restrictions on Prohibited AI Use", a change standard never asked, saying only "We also ask for what our last
round did not". Now that change is not made, and the note tells the user why.

(b) Their training words, restored by the rejection, stand in a paragraph that uses our terms ("solely for the
Permitted Purpose, including to train …", "for any purpose, subject to the restrictions on Prohibited AI Use,
including to train …"). Before, the plan took the paragraph for one of ours and left the words standing, with
"we accept that" (standard after strict, minimal after standard or minimal); the classifier also read our
qualifier's "Prohibited AI Use" as the sentence's restriction. Now the permission is read as theirs and
answered as a rejected strike is below strict: the use waits for the creator's consent, in the text.

Shapes: au-software-escrow (Word-numbered "5.3", REVIEW19's reply), a US software development agreement (Word
"1." / "1.1", "Deliverables" defined) and a UK data-services agreement with typed numbers ("3.2").
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, multilevel_numbering, p
from support.lo import lo_read, needs_lo
from support.replies import Reply, record_ids
from test_review_session19 import ESCROW, round_two

from noai import engine
from noai.analysis.audit import audit_document
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.threads import read_comments
from noai.rounds import escalations

FIRST, SECOND = datetime(2026, 1, 5, tzinfo=UTC), datetime(2026, 2, 5, tzinfo=UTC)
TRAINING = "fix-existing-ai-restriction"

NUMBERING = multilevel_numbering((("decimal", "%1."), ("decimal", "%1.%2")))
HEADING, SUB = (1, 0), (1, 1)
SOFTWARE = (
    ("SOFTWARE DEVELOPMENT AGREEMENT", None),
    ('This Agreement is made by Pinecrest Health, Inc. ("Client") and Oakline Software LLC ("Developer").', None),
    ("Definitions", HEADING),
    (
        '"Deliverables" means the mobile application, its source code and its documentation that Developer creates '
        "for Client under this Agreement.",
        SUB,
    ),
    ("Services and Fees", HEADING),
    ("Developer shall develop the Deliverables described in Exhibit A.", SUB),
    ("Client shall pay Developer $85,000 in three milestone payments as set out in Exhibit A.", SUB),
    ("Ownership", HEADING),
    ("The Deliverables vest in Client on their creation.", SUB),
    (
        "Client may use the Deliverables for any purpose, including to train, fine-tune or evaluate artificial "
        "intelligence models.",
        SUB,
    ),
    ("General", HEADING),
    ("This Agreement is governed by the laws of the State of Washington.", SUB),
)
MAPS = (
    "DATA SERVICES AGREEMENT",
    "This Agreement is made between Harrow Maps Ltd (the “Supplier”) and Quayside Logistics plc (the “Customer”).",
    "1.\tSERVICES",
    "1.1\tThe Supplier shall survey the Customer's depots and deliver digital maps of them (the “Maps”).",
    "2.\tFEES",
    "2.1\tThe Customer shall pay the Supplier £30,000 on delivery of the Maps.",
    "3.\tRIGHTS",
    "3.1\tThe Supplier owns the copyright in the Maps.",
    "3.2\tThe Supplier grants the Customer a perpetual licence to use the Maps for any purpose, including to train "
    "machine learning models.",
    "4.\tGENERAL",
    "4.1\tThis Agreement is governed by the laws of Scotland.",
)
# shape -> (the document, the party we are, the grant's opening words, the creator's name in our consent)
SHAPES = {
    "software": (
        lambda: make_docx("".join(p(t, numbering=n) for t, n in SOFTWARE) + "<w:sectPr/>", numbering=NUMBERING),
        "Developer",
        "Client may use the Deliverables",
        "Developer's",
    ),
    "maps": (
        lambda: make_docx("".join(p(t) for t in MAPS) + "<w:sectPr/>"),
        "Supplier",
        "3.2\tThe Supplier grants the Customer",
        "the Supplier's",
    ),
}


@functools.cache
def second(shape: str, first: str, variant: str) -> engine.Redline:
    """They reject our strike of the training words of our ``first`` round and accept the rest; our round two."""
    build, we, *_ = SHAPES[shape]
    sent = engine.redline(build(), author="noai", date=FIRST, options=engine.Options(variant=first, we=we)).docx
    ids = [q.id for q in read_rounds(read_package(sent))[0].proposals if q.clause == TRAINING and q.op != "comment"]
    assert ids
    back = Reply(sent).reject(ids=record_ids(sent, *ids)).accept().bytes()
    return engine.redline(back, author="noai", date=SECOND, options=engine.Options(variant=variant, we=we))


def grant(red: engine.Redline, opening: str) -> str:
    (text,) = [q.text for q in engine.read(red.docx, accepted=True).paragraphs if q.text.startswith(opening)]
    return text


def ours(red: engine.Redline) -> list[str]:
    return [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai"]


# (a) a softer round asks nothing the last round did not


def test_minimal_after_standard_does_not_ask_for_a_change_standard_never_asked():
    red = round_two(ESCROW, "minimal")
    assert not [e for e in red.plan.edits if e.clause == "fix-any-and-all-purposes"], red.plan.edits
    text = grant(red, "Client may use the Software")
    assert "subject to the restrictions on Prohibited AI Use" not in text, text
    assert "only with Developer's prior written consent" in text and "to train" in text, text
    assert not any("did not" in n for n in escalations(red.plan)), red.plan.notes
    assert not any("what our last round did not" in c for c in ours(red)), ours(red)
    assert any(n.startswith("Did not ask for changes to “for any purpose”") for n in red.plan.notes), red.plan.notes


def test_strict_after_standard_still_asks_more_and_says_so():
    red = round_two(ESCROW, "strict")
    assert escalations(red.plan), red.plan.notes  # by design: strict escalates, and warns
    assert not any(n.startswith("Did not ask for") for n in red.plan.notes), red.plan.notes


# (b) their training words beside our terms are answered: the use waits for consent, in the text

PAIRS = [("minimal", "minimal"), ("strict", "standard"), ("standard", "minimal"), ("standard", "standard")]


@pytest.mark.parametrize(("first", "variant"), PAIRS)
@pytest.mark.parametrize("shape", SHAPES)
def test_their_training_words_beside_our_terms_wait_for_consent_in_the_text(shape, first, variant):
    red = second(shape, first, variant)
    _, _, opening, creator = SHAPES[shape]
    made = [e for e in red.plan.edits if e.clause == TRAINING and e.op == "replace"]
    assert made and all("prior written consent" in (e.replacement or "") for e in made), made
    text = grant(red, opening)
    consent = text.find(f"only with {creator} prior written consent")
    assert 0 <= consent < text.find("to train"), text
    assert not any("and we accept that" in c for c in ours(red)), ours(red)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_minimal_round_after_minimal_asks_no_purpose_limit_beside_the_purpose_it_kept(shape):
    red = second(shape, "minimal", "minimal")
    assert "scope-limitation" not in {e.clause for e in red.plan.edits}, red.plan.edits
    assert not escalations(red.plan), red.plan.notes


@pytest.mark.parametrize("shape", SHAPES)
def test_strict_after_strict_strikes_the_training_words_again(shape):
    red = second(shape, "strict", "strict")
    made = [e for e in red.plan.edits if e.clause == TRAINING and e.op == "replace"]
    assert [e.replacement for e in made] == [""], made
    assert "to train" not in grant(red, SHAPES[shape][2])


def test_the_qualifier_naming_our_restriction_does_not_make_the_sentence_a_restriction():
    text = (
        "Client may use the Deliverables for any purpose, subject to the restrictions on Prohibited AI Use, including "
        "to train, fine-tune or evaluate artificial intelligence models."
    )
    body = [(t, n) for t, n in SOFTWARE if not t.startswith("Client may use")]
    doc = make_docx("".join(p(t, numbering=n) for t, n in (*body[:9], (text, SUB), *body[9:])) + "<w:sectPr/>")
    found = [f for f in audit_document(engine.read(doc), we="Developer").findings if f.paragraph_text == text]
    ai = [f for f in found if f.kind == "existing_ai_restriction"]
    assert ai and ai[0].attributes.get("polarity") == "permission" and ai[0].severity == "high", ai
    restricted = "The Client shall not use the Deliverables for any Prohibited AI Use."
    doc = make_docx("".join(p(t, numbering=n) for t, n in (*body, (restricted, SUB))) + "<w:sectPr/>")
    found = [f for f in audit_document(engine.read(doc), we="Developer").findings if f.paragraph_text == restricted]
    assert [f.attributes.get("polarity") for f in found if f.kind == "existing_ai_restriction"] == ["restriction"]


@needs_lo
def test_libreoffice_reads_the_consent_in_the_grant_and_rejects_it_away():
    red = second("maps", "standard", "minimal")
    (seen,) = lo_read([red.docx])
    assert seen["ok"] and not seen["redlines_left_after_accept"] and not seen["redlines_left_after_reject"]
    (text,) = [t for t in seen["accepted_paragraphs"] if "grants the Customer" in t]
    assert "including, only with the Supplier's prior written consent" in text, text
    assert "including to train machine learning models" in seen["rejected_text"]  # as they returned it
