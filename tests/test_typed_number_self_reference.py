"""Plain typed-number contracts (issue 14): the agreement's name for itself and where the clauses go.

1. A preamble that makes the agreement between the parties ("This agreement is made between Rowan Vale (the
   "Photographer") and …", "This Licence is granted by Tomas Reid (the "Composer") to …") defines the parties, not
   the agreement: its self-reference is "this agreement" / "this Licence" / "this Contract", never the party's word
   (which wrote "In the Photographer, …" and "survives the termination or expiry of the Artist"). A title that
   defines itself ("This Design Services Agreement (the "Agreement")") still does.
2. A typed sub-clause that is a sentence ("2.1 The Artist keeps the copyright in the Artwork.") is no title: it is
   read as a clause (an assignment written so is found), it is not the IP section's heading, and a typed "3. Term"
   heading ends the clauses before it, so the new clauses end the IP clause instead of following "4. General".

Synthetic contracts of four shapes, built here with python-docx (typed numbers in the text): UK 'This agreement is
made on … between', US 'This Agreement is entered into by and between', a licence 'granted by … to', a 'Contract'.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import docx
import pytest

from noai import engine
from noai.analysis.classify import bare_title
from noai.ooxml.model import Paragraph

DATE = datetime(2027, 1, 15, 10, 0, tzinfo=UTC)


def contract(*texts: str) -> bytes:
    """A .docx of plain paragraphs (typed numbers in the text); a text starting "!" is a bold line."""
    document = docx.Document()
    for text in texts:
        if text.startswith("!"):
            document.add_paragraph().add_run(text[1:]).bold = True
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def uk_photography() -> bytes:
    return contract(
        "!PHOTOGRAPHY LICENCE",
        'This agreement is made between Rowan Vale (the "Photographer") of 4 Mill Lane, Bath and Harbour Films Ltd '
        '(the "Client") of 1 Quay Street, Bristol.',
        "!1. Services",
        'The Photographer shall photograph the Client\'s film set and deliver 40 stills (the "Stills").',
        "!2. Licence",
        "The Photographer grants the Client a non-exclusive licence to use the Stills to promote its film.",
        "!3. General",
        "This agreement is governed by the law of England and Wales.",
    )


def us_consulting() -> bytes:
    return contract(
        "!CONSULTING AGREEMENT",
        'This Agreement is entered into by and between Dana Reyes ("Consultant") and Bluefin Media, Inc., a Delaware '
        'corporation ("Company"), effective June 1, 2027.',
        '1. Services. Consultant shall write scripts for Company\'s video series (the "Scripts").',
        "2. Ownership. Consultant hereby assigns to Company all right, title and interest in the Scripts.",
        "3. Payment. Company shall pay Consultant $5,000 per script.",
        "4. General. This Agreement is governed by the laws of the State of Texas.",
    )


def music_licence() -> bytes:
    return contract(
        "!MUSIC LICENCE",
        'This Licence is granted by Tomas Reid (the "Composer") to Greywell Studios Ltd (the "Licensee") on 1 July '
        "2027.",
        "!1. Licence",
        'The Composer grants the Licensee a non-exclusive licence to synchronise the track (the "Track") with the '
        "Licensee's film.",
        "!2. Fee",
        "The Licensee shall pay the Composer £900.",
        "!3. General",
        "This Licence is governed by the law of Scotland.",
    )


def design_contract() -> bytes:
    return contract(
        "!DESIGN CONTRACT",
        'This Contract is made between Ellis Moor (the "Designer") and Pike & Rowe LLP (the "Client").',
        "!1. Design work",
        'The Designer shall design a logo for the Client (the "Design").',
        "!2. Ownership",
        "On payment, the Designer assigns to the Client the copyright in the Design.",
        "!3. General",
        "This Contract is governed by the law of England and Wales.",
    )


SHAPES = {
    "uk-agreement": (uk_photography, "this agreement", {"Rowan Vale": "Photographer", "Harbour Films Ltd": "Client"}),
    "us-agreement": (
        us_consulting,
        "this Agreement",
        {"Dana Reyes": "Consultant", "Bluefin Media, Inc.": "Company"},
    ),
    "licence-granted-by": (
        music_licence,
        "this Licence",
        {"Tomas Reid": "Composer", "Greywell Studios Ltd": "Licensee"},
    ),
    "contract": (design_contract, "this Contract", {"Ellis Moor": "Designer", "Pike & Rowe LLP": "Client"}),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_preamble_making_the_agreement_between_the_parties_names_the_agreement_not_a_party(shape):
    build, self_reference, parties = SHAPES[shape]
    audit = engine.audit(build())
    assert audit.parties.self_reference is not None
    assert audit.parties.self_reference.text == self_reference
    assert {p.name: p.terms for p in audit.parties.parties} == {name: (term,) for name, term in parties.items()}


def test_a_title_that_defines_itself_is_still_the_agreements_name_for_itself():
    audit = engine.audit(
        contract(
            'This Design Services Agreement (the "Agreement") is made between Ellis Moor (the "Designer") and Pike & '
            'Rowe LLP (the "Client").',
            "1. The Designer assigns to the Client the copyright in the logo it designs under the Agreement.",
            "2. The Agreement is governed by the law of England and Wales.",
        )
    )
    assert audit.parties.self_reference is not None
    assert audit.parties.self_reference.text.endswith("Agreement")
    assert {p.name: p.terms for p in audit.parties.parties} == {
        "Ellis Moor": ("Designer",),
        "Pike & Rowe LLP": ("Client",),
    }


def inserted(red: engine.Redline) -> str:
    return "\n".join(q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs)


def written(red: engine.Redline) -> list[str]:
    return [q.text for q in engine.read(red.docx).paragraphs]


@pytest.mark.parametrize("variant", ["strict", "standard"])
@pytest.mark.parametrize("shape", SHAPES)
def test_the_clauses_call_the_agreement_by_its_own_name_in_the_plan_and_the_written_document(shape, variant):
    build, self_reference, parties = SHAPES[shape]
    red = engine.redline(build(), author="noai", date=DATE, options=engine.Options(variant=variant))
    words = self_reference.split()[1]
    for text in (inserted(red), "\n".join(written(red))):
        # the definitions: 'In this Licence, "AI System" means …' (straight quotes, as the document's)
        assert f'In this {words}, "' in text, text
        assert f"termination or expiry of this {words}" in text, text
        for term in parties.values():
            assert not re.search(rf"\b(?:In|Nothing in|under|before|expiry of) the {term}\b(?!'s)", text), term


# -- typed sub-clauses that are sentences ----------------------------------------------------------------------


def heading(text: str) -> Paragraph:
    return Paragraph(index=0, text=text, original_text=text, is_heading=True, section_path=(text,))


@pytest.mark.parametrize(
    "text",
    ["3. Term", "4. General", "7. Rights and Licences.", "2.1 Ownership", "Copyright and licence", "5 Law"],
)
def test_a_typed_number_before_a_title_leaves_it_a_bare_title(text):
    assert bare_title(heading(text))


@pytest.mark.parametrize(
    "text",
    [
        "2.1 The Artist keeps the copyright in the Artwork.",
        "2.1 The Artist assigns the copyright in the Artwork to the Publisher.",
        "3.1 You own the Content.",
        "4. This licence is governed by the law of Scotland.",
    ],
)
def test_a_typed_number_before_a_sentence_makes_no_bare_title(text):
    assert not bare_title(heading(text))


def illustration_licence(rights: tuple[str, ...]) -> bytes:
    return contract(
        "ILLUSTRATION LICENCE",
        'This licence is made on 3 May 2027 between Juniper Vale (the "Artist") and Lantern Press Limited (the '
        '"Publisher").',
        "1. Work",
        '1.1 The Artist shall create twelve illustrations (the "Artwork") for the Publisher\'s calendar and the '
        "Publisher shall pay £1,800 on delivery.",
        "2. Rights",
        *rights,
        "3. Term",
        "3.1 Either party may end this licence on 30 days' notice. Clause 2 survives the termination of this licence.",
        "4. General",
        "4.1 This licence is governed by the laws of England.",
    )


KEEPS = (
    "2.1 The Artist keeps the copyright in the Artwork.",
    "2.2 The Artist grants the Publisher an exclusive, perpetual licence to reproduce the Artwork in any media.",
)
ASSIGNS = (
    "2.1 The Artist assigns the copyright in the Artwork to the Publisher.",
    "2.2 The Artist waives all moral rights in the Artwork.",
)


def test_an_assignment_written_as_a_typed_sentence_is_found():
    audit = engine.audit(illustration_licence(ASSIGNS))
    texts = [p.text for p in audit.paragraphs]
    assert [f.kind for f in audit.findings if f.start == texts.index(ASSIGNS[0])] == ["ip_assignment"]


@pytest.mark.parametrize("rights", [KEEPS, ASSIGNS], ids=("licence", "assignment"))
def test_the_ip_section_is_the_typed_rights_clause_not_its_first_sentence(rights):
    audit = engine.audit(illustration_licence(rights))
    texts = [p.text for p in audit.paragraphs]
    assert audit.ip_section is not None
    assert (audit.ip_section.title, audit.ip_section.start, audit.ip_section.end) == (
        "2 Rights",
        texts.index("2. Rights"),
        texts.index(rights[-1]),
    )
    assert audit.insertion_points[0].index == texts.index(rights[-1])


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
@pytest.mark.parametrize("rights", [KEEPS, ASSIGNS], ids=("licence", "assignment"))
def test_the_covenant_ends_the_rights_clause_and_nothing_follows_the_general_heading(rights, variant):
    docx = illustration_licence(rights)
    texts = [p.text for p in engine.read(docx).paragraphs]
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))
    covenant = next(e for e in red.plan.edits if e.clause == "no-ai-training")
    assert covenant.index == texts.index(rights[-1])
    after = written(red)
    at = next(i for i, t in enumerate(after) if '"AI System" means' in t)  # straight quotes, as the document's
    last = next(i for i, t in enumerate(after) if t.startswith(rights[-1][:30]))  # its wording may be fixed
    assert last < at < after.index("3. Term")
    general = after.index("4. General")
    assert after[general + 1] == "4.1 This licence is governed by the laws of England."
    assert after[-1] == "4.1 This licence is governed by the laws of England."


# -- typed clauses grouped under bold titles the numbering does not nest ---------------------------------------


def grouped_licence(titled: bool) -> bytes:
    """Typed clauses 1-6; with ``titled``, bold group titles over them ("Use and Payment" holds the grant, the fee
    and the sentence on copyright), else only the document's title and its preamble."""
    title = (lambda t: "!" + t) if titled else (lambda t: None)
    texts = [
        "!LOGO DESIGN LICENCE",
        'This licence is made between Ines Calder (the "Designer") and Brook & Pell Ltd (the "Client").',
        title("The Work"),
        '1. The Designer shall design a logo and two variants for the Client (the "Designs").',
        "2. The Designer shall deliver the Designs by 30 June 2027.",
        title("Use and Payment"),
        "3. The Designer grants the Client a non-exclusive licence to use the Designs on its packaging.",
        "4. The Client shall pay the Designer £4,000 on delivery.",
        "5. The Designer keeps the copyright in the Designs.",
        title("Other Terms"),
        "6. This licence is governed by the law of England and Wales.",
    ]
    return contract(*(t for t in texts if t is not None))


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_grant_in_a_titled_group_of_typed_clauses_gets_the_covenant_at_the_end_of_its_group(variant):
    docx = grouped_licence(titled=True)
    texts = [p.text for p in engine.read(docx).paragraphs]
    last = texts.index("5. The Designer keeps the copyright in the Designs.")
    assert engine.audit(docx).ip_section.end == last
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))
    assert next(e for e in red.plan.edits if e.clause == "no-ai-training").index == last
    after = written(red)
    at = next(i for i, t in enumerate(after) if '"AI System" means' in t)  # straight quotes, as the document's
    assert after.index(texts[last]) < at < after.index("Other Terms")


def test_without_group_titles_the_grant_alone_is_the_ip_section_not_the_rest_of_the_document():
    docx = grouped_licence(titled=False)
    texts = [p.text for p in engine.read(docx).paragraphs]
    ip = engine.audit(docx).ip_section
    grant = texts.index(
        "3. The Designer grants the Client a non-exclusive licence to use the Designs on its packaging."
    )
    assert (ip.start, ip.end) == (grant, grant)
