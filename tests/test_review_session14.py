"""The session 12 review (review14), round one: its defects 4-9 and 11-13, each on a synthetic contract and on a
second shape built here (/work/team/REVIEW14.md has the exact sentences)."""

from __future__ import annotations

import functools
import io
import re

import pytest
from test_review_session8 import accepted
from test_review_session13 import consultancy_redline
from test_review_synthetic import DATE, comments, redline

from noai import engine

VARIANTS = ("strict", "standard", "minimal")


def _docx(texts: tuple[str, ...]) -> bytes:
    from docx import Document

    doc = Document()
    for text in texts:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@functools.cache
def studio_licence() -> bytes:
    """A second shape: a design studio (a company, its people made the work) licenses illustrations to a publisher,
    typed "1." / "1.1" clauses."""
    return _docx(
        (
            "ILLUSTRATION LICENCE",
            "THIS LICENCE is made on 3 March 2027 BETWEEN:",
            '(1)\tFERNLEAF STUDIO LIMITED, a company registered in England (number 10293847) ("the Studio"); and',
            '(2)\tBRAMBLE BOOKS LIMITED, a company registered in England (number 09182736) ("the Publisher").',
            "IT IS AGREED as follows:",
            "1.\tThe Illustrations",
            "1.1\tThe Studio shall create twelve colour illustrations for the Publisher's title \"The Otter Who "
            'Swam Home" (the "Illustrations").',
            "2.\tLicence",
            "2.1\tThe Studio grants the Publisher a non-exclusive licence to reproduce the Illustrations in print and "
            "electronic editions of the title.",
            "2.2\tThe Studio keeps the copyright in the Illustrations.",
            "3.\tFees",
            "3.1\tThe Publisher shall pay the Studio GBP 4,800 within 30 days after delivery.",
            "4.\tGeneral",
            "4.1\tThis licence is governed by the laws of England and Wales.",
        )
    )


@functools.cache
def studio_redline(variant: str) -> engine.Redline:
    return engine.redline(
        studio_licence(), author="noai", date=DATE, options=engine.Options(variant=variant), filename="studio.docx"
    )


def written_comments(red: engine.Redline) -> list[str]:
    return comments(red)


def accepted_text(red: engine.Redline) -> list[str]:
    return [p.text for p in engine.read(red.docx, accepted=True).paragraphs]


# Defect 4: an individual creator's approach comment promised protection for "the people who made" the work, where the
# clause (her case) names her alone.


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("name", "creator"), (("ie-narration", "the Narrator"), ("consultancy", "the Consultant")))
def test_an_individual_creators_approach_comment_names_her_alone_as_the_likeness_clause_does(name, creator, variant):
    red = consultancy_redline(variant) if name == "consultancy" else redline(name, variant)
    approach = next(c for c in comments(red) if c.startswith("Our approach"))
    assert "people who made" not in approach, approach
    assert f"voice or likeness of {creator}" in approach or f"voice and likeness of {creator}" in approach, approach
    likeness = [t for t in accepted_text(red) if "likeness" in t and "AI System" in t]
    assert likeness and all("person who created" not in t for t in likeness), likeness


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_company_creators_approach_comment_still_names_the_people_who_made_the_work(variant):
    approach = next(c for c in comments(studio_redline(variant)) if c.startswith("Our approach"))
    assert "people who made the Illustrations" in approach, approach


# Defect 8: strict's likeness clause for a company creator ended in a bolted-on sentence ("The same applies to the
# persona of every person who created …"); a lawyer names the persona in the one sentence.


@pytest.mark.parametrize("name", ("uk-brand-design", "studio"))
def test_strict_names_the_persona_of_the_creators_people_in_the_likeness_sentence_itself(name):
    paragraphs = accepted_text(studio_redline("strict")) if name == "studio" else accepted(name, "strict")
    assert not [t for t in paragraphs if "The same applies to" in t]
    likeness = [t for t in paragraphs if "imitates the style of" in t]
    assert len(likeness) == 1, likeness
    assert "voice, likeness or persona of any person who created the Protected Materials" in likeness[0]


# Defect 11: "Protected Materials" of code, text and data named "every draft, sketch, concept" (a drawing's working
# materials); a lawyer names what the kind of work is made of.


@functools.cache
def data_licence() -> bytes:
    """A second shape for data: a weather-station operator licenses its readings to an insurer."""
    return _docx(
        (
            "DATA LICENCE AGREEMENT",
            'This agreement is between Northfell Weather Ltd ("Licensor") and Carrow Mutual Insurance plc '
            '("Licensee").',
            '1. Licensor shall deliver each month the hourly readings of its 40 weather stations (the "Station '
            'Data") as CSV files.',
            "2. Licensor grants Licensee a non-exclusive licence to use the Station Data for any purpose.",
            "3. Licensee shall pay GBP 2,000 per month.",
            "4. This agreement is governed by the laws of England and Wales.",
        )
    )


@functools.cache
def code_licence() -> bytes:
    """A second shape for code: a freelance developer's letter agreement for a booking plug-in."""
    return _docx(
        (
            "SOFTWARE DEVELOPMENT AGREEMENT",
            'This agreement is between Tidewater Inns LLC ("Client") and Quill Softworks LLC ("Developer").',
            "1. Developer shall write the source code of a room-booking plug-in and its API integration (the "
            '"Software") and deliver it through a Git repository.',
            "2. Developer grants Client a perpetual, non-exclusive licence to use, modify and deploy the Software.",
            "3. Client shall pay USD 12,000 on delivery.",
            "4. This agreement is governed by the laws of the State of Oregon.",
        )
    )


def _own_redline(data: bytes, variant: str) -> engine.Redline:
    return engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant), filename="x.docx")


def protected_materials(paragraphs: list[str]) -> str:
    return next(t for t in paragraphs if "Protected Materials” means" in t or 'Protected Materials" means' in t)


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize(
    ("name", "named"),
    (
        ("ca-platform-licence", "source and object code"),
        ("us-software-development", "source and object code"),
        ("code", "source and object code"),
        ("corpus-licence", "extract"),
        ("data", "extract"),
        ("us-translation-msa", "outline"),
    ),
)
def test_protected_materials_name_the_working_materials_of_the_kind_of_work_not_sketches(name, named, variant):
    own = {"code": code_licence, "data": data_licence}
    paragraphs = accepted_text(_own_redline(own[name](), variant)) if name in own else accepted(name, variant)
    defined = protected_materials(paragraphs)
    assert "sketch" not in defined and "concept" not in defined, defined
    assert named in defined, defined


@pytest.mark.parametrize("name", ("uk-picture-book", "photo-licence"))
def test_drawings_and_photographs_keep_their_drafts_and_sketches(name):
    assert "every draft, sketch, concept" in protected_materials(accepted(name, "strict"))


# Defect 5: where our clauses are Word-lettered items of a numbered section ("7(d)" … "7(i)"), "This Section applies
# … survives" stood in the first of them alone (and, in Section 7, may read as all of it); a lawyer cites the range,
# "Sections 7(d) to 7(i) apply … and survive", and one clause by its own number ("This Section 7(d) does not …").


@functools.cache
def lettered_licence(survival: bool) -> bytes:
    """A second shape: a Word-numbered photography licence ("1." / "(a)"), the licence in Section 2's lettered
    items, with or without a survival clause that lists Section 2."""
    from support.synthetic_contracts import _document, _legal_numbering, _numbered, _para, _save

    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    _para(doc, "PHOTOGRAPHY LICENSE AGREEMENT", bold=True)
    _para(
        doc,
        'This agreement is made between Harbor Lane Hotels, Inc., a Maine corporation ("Hotel"), and Dana Whitlock '
        'Photography LLC, a Maine limited liability company ("Photographer").',
    )
    _numbered(
        doc,
        ' Photographer will photograph the Hotel\'s three properties (the "Photographs").',
        num,
        0,
        bold_lead="Services.",
    )
    _numbered(doc, " Photographer keeps the copyright in the Photographs.", num, 0, bold_lead="License.")
    _numbered(
        doc,
        "Photographer grants Hotel a non-exclusive license to use the Photographs on its website and in print "
        "brochures.",
        num,
        1,
    )
    _numbered(doc, "Hotel shall credit Photographer beside each Photograph it publishes.", num, 1)
    _numbered(doc, " Hotel will pay USD 3,500 within 30 days after delivery.", num, 0, bold_lead="Fees.")
    if survival:
        _numbered(doc, " Sections 2 and 3 survive termination of this agreement.", num, 0, bold_lead="Survival.")
    _numbered(doc, " This agreement is governed by the laws of the State of Maine.", num, 0, bold_lead="Law.")
    return _save(doc)


def survival_sentences(paragraphs: list[str]) -> list[str]:
    return [t for t in paragraphs if re.search(r"\bappl(?:y|ies) to the (?:fullest )?extent permitted by law", t)]


@pytest.mark.parametrize(
    ("name", "strict", "standard"),
    (
        ("us-work-for-hire", "Sections 3(c) to 3(h) apply", "Sections 3(c) to 3(e) apply"),
        ("us-software-development", "Sections 7(d) to 7(i) apply", "Sections 7(d) to 7(f) apply"),
        ("lettered", "Sections 2(c) to 2(h) apply", "Sections 2(c) to 2(e) apply"),
    ),
)
def test_our_lettered_clauses_survival_sentence_cites_their_whole_range(name, strict, standard):
    for variant, cited in (("strict", strict), ("standard", standard)):
        red = _own_redline(lettered_licence(False), variant) if name == "lettered" else redline(name, variant)
        said = survival_sentences(accepted_text(red))
        assert len(said) == 1 and said[0].startswith(cited), said
        assert "survive the termination" in said[0], said


@pytest.mark.parametrize("name", ("us-work-for-hire", "us-software-development", "lettered"))
def test_minimal_calls_its_one_lettered_clause_by_its_own_number(name):
    red = _own_redline(lettered_licence(False), "minimal") if name == "lettered" else redline(name, "minimal")
    text = " ".join(accepted_text(red))
    assert "This Section does not" not in text
    assert re.search(r"This Section \d+\([a-z]\) does not restrict", text), text


def test_a_survival_clause_listing_the_section_is_not_widened_by_its_own_lettered_items():
    paragraphs = accepted_text(_own_redline(lettered_licence(True), "strict"))
    assert any(t.startswith("Survival. Sections 2 and 3 survive termination") for t in paragraphs), paragraphs
    said = survival_sentences(paragraphs)
    assert len(said) == 1 and said[0].startswith("Sections 2(c) to 2(h) apply"), said


# Defect 6: two "we leave this wording unchanged" comments on one ownership sentence ("will own", "works made for
# hire"); a lawyer writes one.


@functools.cache
def hire_letter() -> bytes:
    """A second shape: a short commission whose one ownership paragraph makes the maps works made for hire and
    assigns them as a fallback."""
    return _docx(
        (
            "MAP COMMISSION",
            'This agreement is between Larkspur Press, Inc. ("Publisher") and Theo Marsh, an individual ("Artist").',
            '1. Artist will draw six hand-lettered maps for the novel "Saltmarsh" (the "Maps").',
            "2. The Maps are works made for hire for Publisher. If any Map is not a work made for hire, Artist "
            "hereby assigns to Publisher all right, title and interest in it.",
            "3. Publisher will pay Artist USD 1,800 on delivery of the Maps.",
            "4. This agreement is governed by the laws of the State of New York.",
        )
    )


def comments_on(red: engine.Redline, start: str) -> list[str]:
    """The comments the written .docx anchors in the paragraph starting ``start``."""
    from noai.ooxml.comments import comments_by_paragraph

    doc = engine.read(red.docx)
    at = next(i for i, p in enumerate(doc.paragraphs) if p.original_text.startswith(start))
    return comments_by_paragraph(doc).get(at, [])


@pytest.mark.parametrize("variant", ("standard", "minimal"))
@pytest.mark.parametrize(
    ("name", "start", "phrases"),
    (
        ("us-game-art", 'The Assets are "works made for hire"', ("works made for hire", "will own")),
        ("us-work-for-hire", "Ownership.", ("works made for hire", "hereby assigns")),
        ("maps", "2. The Maps are works made for hire", ("works made for hire", "hereby assigns")),
    ),
)
def test_one_ownership_paragraph_left_unchanged_gets_one_comment_naming_each_phrase(name, start, phrases, variant):
    red = _own_redline(hire_letter(), variant) if name == "maps" else redline(name, variant)
    said = [c for c in comments(red) if "We leave this wording unchanged" in c]
    assert len(said) == 1, said
    assert all(f"“{p}”" in said[0] for p in phrases), said
    written = [c for c in comments_on(red, start) if "We leave this wording unchanged" in c]
    assert len(written) == 1, written


# Defect 9: the moral-rights comment spoke of plural "authors" ("takes away the authors' right … imitates the authors'
# style") where one natural person is the creator; a lawyer names her.


@functools.cache
def poem_licence() -> bytes:
    """A second shape: a poet (a natural person) licenses poems to an anthology and waives her moral rights."""
    return _docx(
        (
            "ANTHOLOGY LICENCE",
            'This licence is between Greywater Books Ltd ("Publisher") and Ines Calder, of 4 Mill Lane, Bath ("Poet").',
            '1. Poet will write eight poems for the anthology "Tidelines" (the "Poems") and deliver them by 1 May '
            "2027.",
            "2. Poet grants Publisher a non-exclusive licence to reproduce and publish the Poems in the anthology.",
            "3. Poet waives all moral rights in the Poems.",
            "4. Publisher will pay Poet GBP 600 on signature.",
            "5. This licence is governed by the laws of England and Wales.",
        )
    )


@pytest.mark.parametrize("variant", ("strict", "minimal"))
@pytest.mark.parametrize(
    ("name", "author"),
    (("vested-disclaimer", "the Illustrator"), ("au-influencer", "Mia Tran"), ("poems", "Poet")),
)
def test_a_single_creators_moral_rights_comment_speaks_of_her_not_of_authors(name, author, variant):
    red = _own_redline(poem_licence(), variant) if name == "poems" else redline(name, variant)
    said = [c for c in comments(red) if "derogatory treatment" in c]
    assert said and all("authors'" not in c for c in said), said
    assert f"takes away {author}'s right to object" in said[0], said


def test_a_company_creators_moral_rights_comment_still_speaks_of_its_authors():
    said = [c for c in comments(redline("uk-brand-design", "strict")) if "moral" in c]
    assert said and any("authors" in c for c in said), said


# Defect 12: minimal quoted a qualified purpose short ("“for any purpose” sets no limit on the use it allows") where
# the grant reads "for any purpose related to our business"; a lawyer quotes the whole phrase and does not call it
# unlimited.


@functools.cache
def footage_licence() -> bytes:
    """A second shape: a filmmaker licenses festival footage for any purpose connected with the festival."""
    return _docx(
        (
            "FOOTAGE LICENCE",
            'This licence is between Kestrel Arts Festival Ltd ("Festival") and Rowan Pike, an individual '
            '("Filmmaker").',
            '1. Filmmaker will film the opening night and deliver the edited video (the "Footage").',
            "2. Filmmaker grants Festival a non-exclusive licence to use, copy and adapt the Footage for any purpose "
            "connected with the promotion of the Festival, including to train its software.",
            "3. Festival will pay Filmmaker GBP 900 on delivery.",
            "4. This licence is governed by the laws of England and Wales.",
        )
    )


@pytest.mark.parametrize(
    ("name", "whole"),
    (
        ("au-influencer", "for any purpose related to our business"),
        ("footage", "for any purpose connected with the promotion of the Festival"),
    ),
)
def test_minimal_quotes_a_qualified_purpose_whole_and_does_not_call_it_unlimited(name, whole):
    red = _own_redline(footage_licence(), "minimal") if name == "footage" else redline(name, "minimal")
    said = [c for c in comments(red) if "This change keeps that use" in c]
    assert len(said) == 1, comments(red)
    assert f"“{whole}”" in said[0] and "sets no limit" not in said[0], said
    assert any(f"{whole}, subject to the restrictions on Prohibited AI Use" in t for t in accepted_text(red))


# Defect 13: an individual creator was indemnified "and [her] subcontractors" though nothing lets her subcontract; a
# lawyer names her alone, and keeps her subcontractors only where the document lets her use them.


def indemnity(paragraphs: list[str]) -> str:
    return next(t for t in paragraphs if "indemnify and hold harmless" in t)


@functools.cache
def mural_commission(subcontract: str) -> bytes:
    """A second shape: a muralist (a natural person) paints a mural for a café; ``subcontract`` is its sentence on
    assistants."""
    return _docx(
        (
            "MURAL COMMISSION AGREEMENT",
            'This agreement is between Fennel & Fig Cafe LLC ("Client") and Ada Moreno, an individual ("Artist").',
            '1. Artist will design and paint a mural on the north wall of the cafe (the "Mural").',
            subcontract,
            "3. Artist assigns to Client all copyright in the Mural on payment of the fee.",
            "4. Client will pay Artist USD 7,500, half on signature and half on completion.",
            "5. This agreement is governed by the laws of the State of Oregon.",
        )
    )


@pytest.mark.parametrize(
    ("name", "creator"),
    (
        ("ie-narration", "the Narrator"),
        ("us-game-art", "Contractor"),
        ("mural-alone", "Artist"),
    ),
)
def test_an_individual_creator_who_may_not_subcontract_is_indemnified_alone(name, creator):
    alone = "2. Artist shall not subcontract any part of the work."
    red = _own_redline(mural_commission(alone), "strict") if name == "mural-alone" else redline(name, "strict")
    said = indemnity(accepted_text(red))
    assert f"hold harmless {creator} from and against" in said and "subcontractors" not in said, said


def test_an_individual_creator_who_may_subcontract_is_indemnified_with_her_subcontractors():
    helped = "2. Artist may engage subcontractors to prepare the wall and assist with painting."
    said = indemnity(accepted_text(_own_redline(mural_commission(helped), "strict")))
    assert "hold harmless Artist and Artist's subcontractors from" in said, said


# Defect 13: strict's one-paragraph definitions carried two "; and" in one sentence ("(i) any other use …; and “AI
# Vendor” means …"); the inner list of "any of the following" ends "; or (i)", the sentence's one "; and" before its
# last definition.


@pytest.mark.parametrize("name", ("uk-picture-book", "informal-letter", "mural", "poems"))
def test_a_one_paragraph_definitions_sentence_has_one_and_before_its_last_definition(name):
    own = {
        "mural": lambda: mural_commission("2. Artist shall not subcontract any part of the work."),
        "poems": poem_licence,
    }
    paragraphs = accepted_text(_own_redline(own[name](), "strict")) if name in own else accepted(name, "strict")
    sentence = next(t for t in paragraphs if re.search(r"Prohibited AI Use. means any of the following", t))
    if re.search(r"AI Vendor. means", sentence):  # the definitions joined in one sentence
        assert sentence.count("; and ") == 1, sentence
        assert "; or (i) any other use" in sentence, sentence
    else:  # a definition of its own: its list ends "; and (i)"
        assert "; and (i) any other use" in sentence, sentence


# Defect 7 (in part): strict made "hereby irrevocably assigns" wait for payment as "shall, upon that payment, assign",
# dropping "irrevocably" unmentioned; the transfer waits, it does not become revocable.


@functools.cache
def logo_commission() -> bytes:
    """A second shape: a designer's logo commission whose ownership sentence is followed by a present assignment
    "hereby irrevocably and unconditionally assigns"."""
    return _docx(
        (
            "LOGO DESIGN AGREEMENT",
            'This agreement is between Copperleaf Bakery LLC ("Client") and Priya Nand Design LLC ("Designer").',
            '1. Designer will design a logo and a colour palette for Client (the "Deliverables").',
            "2. Client will pay Designer USD 4,000 on delivery of the Deliverables.",
            "3. All Deliverables are the sole property of Client upon creation. Designer hereby irrevocably and "
            "unconditionally assigns to Client all right, title and interest in the Deliverables.",
            "4. This agreement is governed by the laws of the State of Washington.",
        )
    )


@pytest.mark.parametrize(
    ("name", "kept"),
    (
        # the ownership statement beside each assignment is struck (review15 defect 7: one mechanism), so the
        # assignment carries the payment condition itself
        (
            "us-game-art",
            "shall, upon payment in full of the fees for that Asset under the applicable SOW, irrevocably assign",
        ),
        (
            "logo",
            "shall, upon payment in full of all sums due under this agreement, irrevocably and unconditionally assign",
        ),
    ),
)
def test_strict_keeps_the_adverbs_of_an_assignment_it_makes_wait_for_payment(name, kept):
    paragraphs = (
        accepted_text(_own_redline(logo_commission(), "strict")) if name == "logo" else accepted(name, "strict")
    )
    assert any(kept in t for t in paragraphs), [t for t in paragraphs if "payment" in t]
