"""Who the creator is and what the work is, read from the parties block and the work's own description (review13's
classes 3, 8, 11 and 14 on shapes of our own, beside us-game-art and ie-narration in test_review_session13.py).

- Game art (sprites, tile sets, textures, concept art, icons, PSD / PNG files) is creative work: the covenant's
  exceptions allow accessibility tools only (no spelling check or machine translation of art), and the style,
  voice and likeness clause is added.
- A creator introduced by a personal name and a home address, with no company form, is a person: no "officers,
  employees and subcontractors", no "every person who created the Protected Materials for" her, never "it".
  A company creator keeps its officers and its people.
- The Protected Materials of sound recordings are their takes, outtakes, pick-ups and audio files, not drafts and
  sketches; a composer's score keeps its sketches.
- A numbered parties block ("1. NAME … ("the Company")", "(1) NAME … (Supplier)") names both parties in the audit.
"""

from __future__ import annotations

import functools
import io
import re
from datetime import UTC, datetime

import pytest

from noai import engine
from noai.analysis.work_kind import detect_work_kind
from noai.ooxml.model import Paragraph

DATE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def _docx(paragraphs: tuple[str, ...]) -> bytes:
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def games_art(creator: str = 'JOANNA PIKE of 8 Garden Row, York ("the Artist").') -> bytes:
    """A UK games studio's art commission: a "1." / "2." parties block, the art described as "Deliverables"."""
    return _docx(
        (
            "ART COMMISSION AGREEMENT",
            "This Agreement is dated 3 May 2027.",
            "PARTIES",
            "1.\tBLACKTHORN GAMES LIMITED (company number 10993321) whose registered office is at 4 Canal Wharf, "
            'Leeds LS11 5PS ("the Company").',
            f"2.\t{creator}",
            "AGREED TERMS",
            "1.\tThe Work",
            "1.1\tThe Artist shall create the 2D sprites, tile sets, textures and concept art for the Company's game "
            '"Mirefall" described in the Schedule, delivered as layered PSD and PNG files (the "Deliverables").',
            "1.2\tThe Company shall pay the Artist the fee in the Schedule within 30 days after delivery.",
            "2.\tRights",
            "2.1\tThe Artist assigns to the Company all copyright in the Deliverables with full title guarantee.",
            "2.2\tThe Artist waives all moral rights in the Deliverables.",
            "3.\tGeneral",
            "3.1\tClause 2 survives termination of this Agreement.",
            "3.2\tThis Agreement is governed by the law of England and Wales.",
            "SIGNED for the Company ________      SIGNED by the Artist ________",
            "THE SCHEDULE",
            "Deliverables: 40 character sprites, 12 tile sets and 6 concept paintings. Fee: GBP 7,500.",
        )
    )


def voice_over(creator: str = 'Marcus Bell, of 220 Pine Street, Portland, Oregon ("Talent")') -> bytes:
    """A US podcast voice-over agreement: parties in one sentence, the work "Audio Files" described as recordings."""
    return _docx(
        (
            "VOICE-OVER AGREEMENT",
            "This Voice-Over Agreement is made between Tidewater Audio, LLC, an Oregon limited liability company "
            f'("Company"), and {creator}.',
            "1. Services. Talent will record the voice-over recordings for twelve podcast episodes, including all "
            'retakes, as directed by Company (the "Audio Files").',
            "2. Fee. Company will pay Talent USD 3,600 within thirty (30) days after delivery of the Audio Files.",
            "3. Rights. Talent hereby assigns to Company all right, title and interest, including copyright, in and to "
            "the Audio Files. Company may edit the Audio Files and use them in any media now known or later developed.",
            "4. Governing Law. This Agreement is governed by the laws of the State of Oregon.",
        )
    )


@functools.cache
def _redline(builder: str, variant: str, creator: str | None = None, work_kind: str | None = None) -> engine.Redline:
    data = {"games": games_art, "voice": voice_over}[builder](*([creator] if creator else []))
    options = engine.Options(variant=variant, work_kind=work_kind)
    return engine.redline(data, author="noai", date=DATE, options=options, filename=f"{builder}.docx")


def _inserted(red: engine.Redline) -> str:
    return "\n".join(p["text"] for e in red.plan.edits if e.op == "insert_after" for p in e.paragraphs)


def _written(red: engine.Redline) -> str:
    replaced = [e.replacement or "" for e in red.plan.edits]
    said = [e.comment or "" for e in red.plan.edits]
    return "\n".join([_inserted(red), *replaced, *said])


def _accepted(red: engine.Redline) -> str:
    """The document as Word shows it with every tracked change accepted."""
    return "\n".join(p.text for p in engine.read(red.docx, accepted=True).paragraphs)


# -- class 3: game art is creative work -----------------------------------------------------------------------


def test_sprites_tile_sets_textures_and_concept_art_are_read_as_creative_work():
    kind = engine.audit(games_art()).work_kind
    assert kind is not None and kind.kind == "creative", kind


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_game_art_gets_the_accessibility_exception_alone_and_the_style_clause_in_the_written_docx(variant):
    red = _redline("games", variant)
    written = _accepted(red)
    assert "accessibility features" in written and not re.search(r"spelling or grammar|machine translation", written)
    assert re.search(r"or the Artist's name, to make an AI System produce output that imitates the style", written)


def _paragraphs(*texts: str) -> list[Paragraph]:
    return list(engine.read(_docx(texts)).paragraphs)


def test_prior_art_the_state_of_the_art_and_an_article_of_a_law_name_no_creative_work():
    services = _paragraphs(
        "The Consultant shall review the prior art for the Client's patent applications and report on it.",
        "The Consultant shall use state-of-the-art methods and keep abreast of the state of the art.",
        "The Consultant processes personal data as a processor under Art. 28 GDPR.",
        "The Consultant shall deliver a written report on the prior art within 30 days.",
    )
    assert detect_work_kind(services, None).kind != "creative"
    art = _paragraphs(
        "The Artist shall paint the character art, textures and sprites for the Company's game.",
        "The Artist delivers the art as PSD files and the sprites as PNG files.",
    )
    assert detect_work_kind(art, None).kind == "creative"


# -- class 8: a creator named by a personal name and a home address is a person -------------------------------

PEOPLE = {
    "games": 'JOANNA PIKE of 8 Garden Row, York ("the Artist").',
    "voice": 'Marcus Bell, of 220 Pine Street, Portland, Oregon ("Talent")',
}
COMPANIES = {
    "games": 'PIKE PIXEL WORKS LIMITED (company number 11872003) of 8 Garden Row, York ("the Artist").',
    "voice": 'Bell Voice Studio LLC, an Oregon limited liability company ("Talent")',
}


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("builder", ("games", "voice"))
def test_a_creator_named_with_a_home_address_and_no_company_form_is_a_person(builder, variant):
    creator = {"games": "the Artist", "voice": "Talent"}[builder]
    red = _redline(builder, variant, PEOPLE[builder])
    written = _written(red)
    assert f"{creator}'s officers" not in written, written
    assert not re.search(r"(?:every|any) (?:such )?person who created the Protected Materials", written), written
    assert not re.search(rf"{creator} the materials and know-how it had", written), written
    assert re.search(rf"imitates the style[^.]*of {creator}\b", _accepted(red)), written


@pytest.mark.parametrize("builder", ("games", "voice"))
def test_a_company_creator_keeps_its_officers_and_the_people_who_made_the_work(builder):
    red = _redline(builder, "strict", COMPANIES[builder])
    written = _written(red)
    creator = {"games": "the Artist", "voice": "Talent"}[builder]
    assert f"{creator}'s officers" in written, written
    assert re.search(r"any person who created the Protected Materials", written), written


# -- class 11: the working materials of sound recordings are takes and audio files ----------------------------


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_the_protected_materials_of_voice_over_recordings_are_takes_and_audio_files(variant):
    defined = next(
        t for t in _accepted(_redline("voice", variant)).split("\n") if re.search(r"Protected Materials.{1,3}means", t)
    )
    assert re.search(r"\btakes?\b.*\baudio files?\b", defined) and not re.search(r"\bsketch|\bdrafts?\b", defined)


def test_the_protected_materials_of_art_keep_their_drafts_and_sketches():
    defined = next(
        t for t in _inserted(_redline("games", "strict")).split("\n") if re.search(r"Protected Materials.{1,3}means", t)
    )
    assert "every draft, sketch, concept" in defined and "audio file" not in defined, defined


# -- class 14: a numbered parties block names the parties ------------------------------------------------------


def test_the_audit_names_both_parties_of_a_numbered_parties_block_with_quoted_roles_and_articles():
    parties = {p["role"]: p["name"] for p in engine.audit(games_art()).to_dict()["parties"]}
    assert parties == {"client": "BLACKTHORN GAMES LIMITED", "creator": "JOANNA PIKE"}, parties


def test_a_company_incorporated_and_registered_is_named_without_its_description():
    block = _docx(
        (
            "DESIGN SERVICES AGREEMENT",
            "PARTIES",
            "(1)\tORRIN & VALE STUDIO LIMITED incorporated and registered in Scotland with company number "
            "SC612200 whose registered office is at 2 Dock Street, Dundee (Designer).",
            "(2)\tMERRICK OUTDOOR LIMITED incorporated and registered in England and Wales with company number "
            "07712093 whose registered office is at 5 Bridge End, Kendal (Customer).",
            "1.\tThe Designer shall create the logo and brand designs described in the Schedule (the Designs).",
            "2.\tThe Designer assigns to the Customer all copyright in the Designs.",
            "3.\tThe Customer shall pay the Designer the fee in the Schedule.",
            "4.\tThe Designer warrants that the Designs are original.",
        )
    )
    names = sorted(p["name"] or "" for p in engine.audit(block).to_dict()["parties"])
    assert names == ["MERRICK OUTDOOR LIMITED", "ORRIN & VALE STUDIO LIMITED"], names


def _sprites() -> bytes:
    """A short commission whose work is named once ("the sprites described in the Schedule"): too few words to
    read its kind."""
    return _docx(
        (
            "COMMISSION",
            'This Agreement is made between Kiln Interactive Ltd ("the Client") and Dana Ruiz ("the Artist").',
            '1. The Artist shall make the sprites described in the Schedule (the "Deliverables").',
            "2. The Artist assigns to the Client all copyright in the Deliverables on payment of the fee.",
            "3. The Client shall pay the fee in the Schedule within 30 days after delivery.",
            "4. This Agreement is governed by the law of England and Wales.",
        )
    )


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_sprites_the_user_says_are_creative_work_get_no_spelling_or_translation_exception(variant):
    assert engine.audit(_sprites()).work_kind.kind == "general"  # the user's word decides, not the detection
    options = engine.Options(variant=variant, work_kind="creative")
    red = engine.redline(_sprites(), author="noai", date=DATE, options=options, filename="sprites.docx")
    written = _accepted(red)
    assert "accessibility features" in written and not re.search(r"spelling or grammar|machine translation", written)
