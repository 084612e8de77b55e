"""review13's classes 2, 4, 9 and 13 (fixw), each on a shape of its own besides the review's contracts.

- class 4: a use permission that names training ("may use … in any manner …, including to train, fine-tune and
  test the machine learning models …") loses its training words only, not the whole grant;
- class 9: the comment on a waiver of a performer's moral rights speaks of the performer's rights (to be
  identified, to object to distortion of the performance), not of "the authors'";
- class 13: minimal bars the client's own training on a recorded performance (a narrator's voice, a presenter's
  likeness), as performers' unions ask first.
"""

from __future__ import annotations

import functools
import io
import re
from datetime import UTC, datetime

import pytest
from support.read import accepted
from test_writer import rejected

from noai import engine

DATE = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


@functools.cache
def build(parties: str, *clauses: str) -> bytes:
    """A short typed-number agreement: its parties sentence, then clauses "1." … in the order given."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("AGREEMENT")
    doc.add_paragraph(parties)
    for n, text in enumerate(clauses, 1):
        doc.add_paragraph(f"{n}.\t{text}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@functools.cache
def redline(docx: bytes, variant: str, we: str | None = None) -> engine.Redline:
    options = engine.Options(variant=variant, we=we)
    return engine.redline(docx, author="noai", date=DATE, options=options, filename="a.docx")


def inserted(red: engine.Redline) -> str:
    return "\n".join(q["text"] for e in red.plan.edits for q in e.paragraphs)


# -- class 4: a use permission naming training loses the training words only ---------------------------------

STUDIO = (
    'This Agreement is made between Brightwater Studios LLC, a Delaware limited liability company ("Studio"), and '
    'Tomas Reyes, an individual ("Photographer").'
)
USES = (
    "Studio may copy, adapt and exploit the Photographs in any manner and in any medium, including to train and "
    "evaluate the artificial intelligence models Studio builds for its clients."
)


def studio(use: str = USES) -> bytes:
    return build(
        STUDIO,
        'Photographer will take the photographs described in the brief for the autumn catalogue (the "Photographs").',
        "Studio will pay the fee of USD 4,000 within thirty days after delivery.",
        "Photographer assigns to Studio all copyright in the Photographs.",
        use,
        "This Agreement is governed by the laws of the State of New York.",
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_use_permission_naming_training_in_its_object_keeps_the_permission_and_loses_the_training_words(variant):
    red = redline(studio(), variant)
    kept = next(t for t in accepted(red) if "Studio may copy, adapt and exploit" in t)
    assert kept == "4.\tStudio may copy, adapt and exploit the Photographs in any manner and in any medium.", kept
    [edit] = [e for e in red.plan.edits if e.finding == "existing_ai_restriction"]
    assert edit.op == "replace" and edit.replacement == ""
    assert "“including to train and evaluate the artificial intelligence models Studio builds" in (edit.comment or "")


@pytest.mark.parametrize(
    "use",
    [
        # another clause follows the training words' object: more than a deletion is needed
        "Studio may copy and adapt the Photographs, including to train the artificial intelligence models it "
        "builds, and may sublicense them to its clients.",
        # the lead-in names no training verb: the AI words are what is used, not what is trained
        "Studio may copy and adapt the Photographs, including in the artificial intelligence tools it licenses.",
    ],
)
def test_no_partial_strike_where_the_training_words_do_not_end_the_permission(use):
    red = redline(studio(use), "standard")
    struck = [e.find for e in red.plan.edits if e.finding == "existing_ai_restriction" and e.op == "replace"]
    assert all(s.strip() == use for s in struck), struck  # the sentence whole, or nothing


# -- class 9: a performer's moral rights; class 13: minimal bars the client's own training on a performance ---------

PRESENTER = (
    'This Agreement is made between Meridian Television Limited ("the Company") and Joanna Price ("the Presenter").'
)


def presenter(
    waiver: str = "The Presenter unconditionally waives the moral rights she has as a performer in the "
    "Episodes under the Copyright, Designs and Patents Act 1988.",
) -> bytes:
    return build(
        PRESENTER,
        'The Presenter shall present the episodes of the cookery series described in the Schedule (the "Episodes").',
        "The Company shall pay the Presenter a fee of GBP 12,000 within 30 days after invoice.",
        "The Presenter assigns to the Company all copyright and performer's property rights in the Episodes.",
        waiver,
        "This Agreement is governed by the laws of England and Wales.",
    )


def designer() -> bytes:
    return build(
        'This Agreement is made between Fenwick Press Limited ("the Publisher") and Carys Bell ("the Designer").',
        'The Designer shall design the covers described in the Schedule (the "Designs").',
        "The Publisher shall pay the Designer a fee of GBP 3,000 within 30 days after invoice.",
        "The Designer assigns to the Publisher all copyright in the Designs.",
        "The Designer unconditionally waives the moral rights conferred on authors by the Copyright, Designs and "
        "Patents Act 1988 in respect of the Designs.",
        "This Agreement is governed by the laws of England and Wales.",
    )


def moral_comment(red: engine.Redline) -> str:
    return next(e.comment for e in red.plan.edits if e.finding == "moral_rights_waiver" and e.comment)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_presenters_moral_rights_comment_speaks_of_the_performers_rights(variant):
    said = moral_comment(redline(presenter(), variant, we="the Presenter"))
    assert "the Presenter's right to be identified as the performer of " in said, said
    assert "to object to distortion of that performance" in said and not re.search(r"\bauthors?'", said), said


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_an_authors_moral_rights_comment_still_speaks_of_the_authors(variant):
    said = moral_comment(redline(designer(), variant))
    # Carys Bell, one natural person, is the author: her right, not "the authors'" (review14 defect 9)
    assert "the Designer's right to object to derogatory treatment of the Designs" in said and "perform" not in said


@pytest.mark.parametrize("recorded", [presenter, designer])
def test_minimal_bars_the_clients_own_training_only_where_the_work_records_a_performance(recorded):
    written = inserted(redline(recorded(), "minimal", we="the Presenter" if recorded is presenter else None))
    client = "the Company" if recorded is presenter else "the Publisher"
    bars_own = re.search(rf"{client[4:]} shall not engage in any Prohibited AI Use", written) is not None
    assert bars_own == (recorded is presenter), written
    assert (f"does not restrict {client}'s own internal use" in written) == (recorded is designer), written


# -- class 2: new material in the creator's voice or likeness by digital means ----------------------------------

PERFORMER = (
    'This Agreement is made between Ironvale Interactive, Inc., a Texas corporation ("Studio"), and Dana Whitlock '
    '("Performer").'
)
NEW_LINES = (
    "Studio may edit the Recordings as it sees fit and may, by digital means, create corrections and new lines of "
    "dialogue in Performer's voice for the Game and its sequels."
)


def voice_actor(permission: str = NEW_LINES) -> bytes:
    return build(
        PERFORMER,
        'Performer shall voice the character Mara Quell in Studio\'s video game Emberfall (the "Game") and record '
        'the dialogue in the sessions Studio schedules (the "Recordings").',
        "Studio shall pay Performer USD 450 per four-hour session within thirty days after each session.",
        "Performer assigns to Studio all copyright and performer's rights in the Recordings.",
        permission,
        "This Agreement is governed by the laws of the State of Texas.",
    )


def replica_findings(docx: bytes) -> list:
    return [f for f in engine.audit(docx).findings if f.kind == "digital_replica"]


def test_the_audit_finds_a_studios_right_to_make_new_lines_in_a_performers_voice_as_a_high_risk():
    [found] = replica_findings(voice_actor())
    assert (found.severity, found.phrase, found.beneficiary) == ("high", "by digital means", "client")


@pytest.mark.parametrize(
    ("permission", "severity"),
    [
        # the creator's own right to do so: no risk to the creator
        (
            "Performer may, by digital means, create new lines in Performer's own voice for Performer's showreel.",
            "info",
        ),
        # a permission that waits for the creator's consent
        (
            "With Performer's prior written consent, Studio may create, by digital means, new lines of dialogue in "
            "Performer's voice for the Game.",
            "low",
        ),
        # a bar, not a permission
        ("Studio shall not create, by digital or any other means, any new dialogue in Performer's voice.", None),
        # someone else's voice
        ("Studio may create, by digital means, crowd voices in the likeness of the extras it hires.", None),
        # the recorded voice in what is made, not new material in it
        ("Studio may produce, by digital means, promotional trailers featuring Performer's voice.", None),
        # digital means with no new material: distribution
        ("Studio may distribute the Game by digital or any other means with Performer's name and likeness.", None),
    ],
)
def test_only_the_other_sides_free_permission_to_make_material_in_the_creators_voice_is_a_risk(permission, severity):
    found = replica_findings(voice_actor(permission))
    assert [f.severity for f in found] == ([severity] if severity else []), [(f.severity, f.phrase) for f in found]
    red = redline(voice_actor(permission), "standard")
    assert not [e for e in red.plan.edits if e.finding == "digital_replica"]


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_strict_and_standard_keep_corrections_by_editing_and_strike_new_lines_and_the_digital_means(variant):
    red = redline(voice_actor(), variant)
    kept = next(t for t in accepted(red) if t.startswith("4.\tStudio may edit"))
    assert kept == (
        "4.\tStudio may edit the Recordings as it sees fit and may create corrections by editing the Recordings or "
        "in further recording sessions with Performer for the Game and its sequels."
    ), kept
    assert rejected(red.docx) == [p.text for p in engine.read(voice_actor()).paragraphs]  # reject-all: as it was
    said = [e.comment for e in red.plan.edits if e.finding == "digital_replica" and e.comment]
    assert (
        len(said) == 1
        and "“by digital means, create corrections and new lines of dialogue in Performer's voice”" in said[0]
    )


def test_minimal_keeps_the_permission_with_approval_and_a_fee_for_what_the_performer_did_not_perform():
    red = redline(voice_actor(), "minimal")
    kept = next(t for t in accepted(red) if t.startswith("4.\tStudio may edit"))
    assert "by digital means" not in kept and kept.endswith(
        "for the Game and its sequels, provided that any material Performer did not perform is made in Performer's "
        "voice or likeness only with Performer's prior written approval and for a further fee agreed in advance."
    ), kept


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_permission_that_is_all_new_material_in_the_creators_likeness_is_struck(variant):
    whole = "Studio may generate, by digital or any other means, new scenes in Performer's likeness for its trailers."
    red = redline(voice_actor(whole), variant)
    assert not any("Performer's likeness" in t for t in accepted(red)), accepted(red)
    [said] = [e.comment for e in red.plan.edits if e.finding == "digital_replica" and e.comment]
    assert said.startswith("This change strikes the permission to “generate, by digital or any other means, new"), said


@pytest.mark.parametrize(
    ("permission", "kept", "minimal"),
    [
        # the means before the verb, joined to an earlier permission: that one stays
        (
            "Studio may edit the Recordings as it sees fit and may, by digital means, create new lines of dialogue in "
            "Performer's voice for the Game.",
            "4.\tStudio may edit the Recordings as it sees fit.",
            "4.\tStudio may edit the Recordings as it sees fit and may create new lines of dialogue in Performer's "
            "voice for the Game, provided",
        ),
        # an adverb, no preposition before the voice
        (
            "Studio may digitally recreate Performer's voice for new dialogue in the Game.",
            "4.\t[Intentionally deleted]",  # struck whole, its typed number kept before "5."
            "4.\tStudio may recreate Performer's voice for new dialogue in the Game, provided",
        ),
        # the means named as the thing made: it stays, on the creator's terms
        (
            "Studio may create a digital replica of Performer's voice for the Game.",
            "4.\t[Intentionally deleted]",
            "4.\tStudio may create a digital replica of Performer's voice for the Game, provided",
        ),
    ],
)
@pytest.mark.parametrize("variant", VARIANTS)
def test_other_wordings_of_new_material_in_the_creators_voice_get_an_edit_that_reads(
    permission, kept, minimal, variant
):
    red = redline(voice_actor(permission), variant)
    edits = [e for e in red.plan.edits if e.finding == "digital_replica"]
    assert edits and edits[0].comment, [(e.find, e.replacement) for e in red.plan.edits]
    after = next(t for t in accepted(red) if t.startswith("4.\t"))
    if variant != "minimal":
        assert after == kept, after
        return
    assert after.startswith(minimal), after
    assert after.endswith("prior written approval and for a further fee agreed in advance."), after
