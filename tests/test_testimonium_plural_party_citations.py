"""REVIEW16 classes 4, 5 and 8 on contracts of other shapes than the review's two (issue 15).

Class 4: the agreement's operative words ("WHEREBY IT IS MUTUALLY AGREED as follows concerning …:") are no lead-in
whose list the clauses are items of, and the testimonium ("AS WITNESS the hands of the parties hereto", "IN WITNESS
WHEREOF", "This Agreement has been entered into on the date stated at the beginning of it") opens the signature
block: new clauses go before it, numbered as the document numbers its clauses.
Class 5: a party the document writes of in the plural ("the Producers are", "which expression shall include their
successors") takes plural verbs and "they" in our text and comments; a name ending in "s" written of in the singular
("Holdings is", "its") keeps singular ones.
Class 8: a lettered sub-clause cited in a comment keeps its closing bracket ("Section 3(b) to"); a work named in
the singular takes a singular verb and complement ("the Application passes", "a work made for hire").
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from support.read import accepted

from noai import engine
from noai.analysis.number import is_plural
from noai.library import load_library
from noai.library.render import render_fix

DATE = datetime(2027, 1, 11, 9, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def docx(paragraphs: list[str]) -> bytes:
    return make_docx("".join(p(text) for text in paragraphs))


def comments(red: engine.Redline) -> list[str]:
    return [e.comment for e in red.plan.edits if e.comment]


def words_written(red: engine.Redline) -> str:
    inserted = [q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs]
    return "\n".join(inserted + [e.replacement for e in red.plan.edits if e.replacement] + comments(red))


# ------------------------------------------------------------------------------------------------
# Class 4: a Canadian podcast host agreement, its operative words long and with an adverb, its testimonium the
# English form with no "witness" in it


TESTIMONIA = (
    "This Agreement has been entered into on the date stated at the beginning of it.",
    "IN WITNESS WHEREOF the parties have signed this Agreement on the date first written above.",
)


@functools.cache
def podcast(testimonium: str) -> bytes:
    return docx(
        [
            "PODCAST HOST AGREEMENT",
            'This Agreement is made on 1 May 2027 between MAPLE SOUND MEDIA INC., a corporation of Ontario ("the '
            'Network"), and PRIYA ANAND of Toronto ("the Host").',
            "THE PARTIES HEREBY MUTUALLY AGREE as follows in respect of the podcast series entitled "
            '"Northern Lines" (the "Series"):',
            "1. The Host shall host and record twelve episodes of the Series.",
            "2. The Network shall pay the Host CAD 900 per episode within 30 days of delivery.",
            "3. The Host grants to the Network a non-exclusive licence to distribute the recorded episodes (the "
            '"Episodes") throughout the world.',
            "4. The Network may edit the Episodes for length and may use the Host's name to promote the Series.",
            "5. The Network shall credit the Host in each episode.",
            "6. This Agreement is governed by the laws of Ontario.",
            testimonium,
            "Signed by the Host ________      Signed for the Network ________",
        ]
    )


@functools.cache
def podcast_redline(testimonium: str, variant: str) -> engine.Redline:
    return engine.redline(podcast(testimonium), author="noai", date=DATE, options=engine.Options(variant=variant))


@pytest.mark.parametrize("testimonium", TESTIMONIA)
@pytest.mark.parametrize("variant", VARIANTS)
def test_after_mutually_agreed_as_follows_the_new_clauses_follow_the_grant_before_the_testimonium(variant, testimonium):
    paragraphs = accepted(podcast_redline(testimonium, variant))
    witness = paragraphs.index(testimonium)
    new = [i for i, t in enumerate(paragraphs) if "Prohibited AI Use" in t]
    assert new and all(i < witness for i in new), paragraphs[witness:]
    grant = next(i for i, t in enumerate(paragraphs) if t.startswith("3. The Host grants"))
    assert paragraphs[grant + 1].startswith("3A. "), paragraphs[grant + 1]  # numbered on from the grant, lettered
    assert paragraphs[witness - 1] == "6. This Agreement is governed by the laws of Ontario."


def test_the_end_of_the_operative_terms_is_before_as_witness():
    # no governing-law clause: the choice-of-law insertion point is the end of the operative terms, the last
    # clause, never the testimonium line after it
    data = docx(
        [
            "PHOTOGRAPHY AGREEMENT",
            'This Agreement is made between FERNLEA HOMEWARES LTD ("the Client") and TOMAS REID ("the Photographer").',
            "1. The Photographer shall photograph the Client's autumn range.",
            '2. The Photographer grants to the Client a licence to use the photographs (the "Images") in its '
            "catalogue.",
            "3. The Client shall pay the Photographer GBP 2,400 within thirty days.",
            "AS WITNESS the hands of the parties hereto",
            "Signed for the Client ________      Signed by the Photographer ________",
        ]
    )
    points = engine.audit(data).to_dict()["insertion_points"]
    law = next(x for x in points if x["protection"] == "choice_of_law")
    assert law["text"].startswith("3. The Client shall pay"), law


# ------------------------------------------------------------------------------------------------
# Class 5: a film score agreement whose client is "the Producers" (plural verbs, no pronoun in its definition),
# and a control: a client named "Holdings", which the document writes of in the singular


@functools.cache
def score(client: str, verb: str, pronoun: str) -> bytes:
    return docx(
        [
            "FILM SCORE AGREEMENT",
            f'This Agreement is made between LARCH STREET PICTURES LLP ("{client}") and NADIA FERREIRA ("the '
            'Composer").',
            f'1. The Composer shall write and record the original score for the film "Salt Flats" (the '
            f'"Score"). {client[0].upper() + client[1:]} {verb} entitled to ask for two rounds of changes.',
            f"2. The Composer grants to {client} a licence to use the Score in the film and in {pronoun} trailers.",
            f"3. {client[0].upper() + client[1:]} shall pay the Composer GBP 12,000 on delivery of the Score.",
            "4. This Agreement is governed by the laws of England and Wales.",
            "Signed for the Producers ________      Signed by the Composer ________",
        ]
    )


@functools.cache
def score_redline(variant: str, client: str = "the Producers", verb: str = "are", pronoun: str = "their"):
    return engine.redline(
        score(client, verb, pronoun), author="noai", date=DATE, options=engine.Options(variant=variant)
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_client_the_document_writes_of_in_the_plural_takes_plural_verbs_and_they(variant):
    said = words_written(score_redline(variant))
    assert "the Producers" in said or "The Producers" in said
    wrong = re.findall(r"Producers (?:gives|indemnifies|has|is|keeps|allows|does|engages|confirms)\b", said)
    assert not wrong, wrong
    assert not re.findall(r"\b(?:anyone else|permission|those) it (?:allows|gives|works)\b", said), said


def test_the_plural_client_is_the_subject_of_plural_verbs_in_the_strict_indemnity_comment():
    said = " ".join(comments(score_redline("strict")))
    assert "the Producers indemnify the Composer" in said, said
    assert "those they work with" in said, said


def test_a_client_whose_name_ends_in_s_but_is_written_of_in_the_singular_keeps_singular_verbs():
    said = " ".join(comments(score_redline("strict", "Holdings", "is", "its")))
    assert "Holdings indemnifies the Composer" in said and "those it works with" in said, said


@pytest.mark.parametrize(
    ("texts", "plural"),
    [
        # the pronoun of the definition
        (
            [
                'AND KESTREL BOOKS LTD (hereinafter called "the Publishers", which expression shall include their '
                "successors)",
                "The Publishers shall pay the royalties.",
            ],
            True,
        ),
        # a plural verb, and "they" after a sentence the party opens
        (
            [
                "The Licensees are entitled to sublicense.",
                "The Licensees shall report. If they fail to do so, the licence ends.",
            ],
            True,
        ),
        # a singular verb and pronoun, whatever the last letter of the name
        (["The Licensees has paid the fee.", 'ORBIS HOLDINGS INC. ("the Licensees", and its affiliates)'], False),
        (["The Licensees shall pay the fee."], False),  # no evidence: the trailing s alone decides nothing
        (["The Client shall deliver the Goods. If they are late, the Client pays a penalty."], False),
    ],
)
def test_a_party_is_plural_only_where_the_document_writes_of_it_so(texts, plural):
    term = (
        "the Publishers" if "Publishers" in texts[0] else "the Licensees" if "Licensees" in texts[0] else "the Client"
    )
    assert is_plural(term, texts) is plural


# ------------------------------------------------------------------------------------------------
# Class 8: an app development agreement, its rights in lettered sub-clauses of Section 3, the work one Application


@functools.cache
def app_redline(variant: str) -> engine.Redline:
    data = docx(
        [
            "APP DEVELOPMENT AGREEMENT",
            'This Agreement is made between BRIGHTLINE RETAIL LLC, a New York limited liability company ("Client"), '
            'and CODA WORKS LLC, a Delaware limited liability company ("Developer").',
            "1. SERVICES. Developer shall design and build the mobile application described in Exhibit A (the "
            '"Application").',
            "2. FEES. Client shall pay Developer USD 40,000 in three milestones.",
            "3. RIGHTS.",
            "(a) The Application shall be a work made for hire for Client. To the extent it is not, Developer hereby "
            "assigns to Client all right, title and interest in the Application.",
            "(b) Client and its affiliates may use any materials and data Developer provides under this Agreement for "
            "any purpose.",
            "4. GOVERNING LAW. This Agreement is governed by the laws of New York.",
            "IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first written above.",
            "CLIENT: ____________      DEVELOPER: ____________",
        ]
    )
    return engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant))


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_comment_cites_a_lettered_sub_clause_with_its_closing_bracket(variant):
    said = " ".join(comments(app_redline(variant)))
    assert "Section 3(b) to the Permitted Purpose" in said, said
    assert not re.search(r"\b\d+\([a-z]+(?!\))\b(?!\))", said), said


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_work_named_in_the_singular_is_a_work_made_for_hire(variant):
    said = " ".join(comments(app_redline(variant)))
    assert "makes the Application a work made for hire for Client" in said, said


@pytest.mark.parametrize(("work", "verb"), [("the Application", "passes"), ("the Deliverables", "pass")])
def test_the_work_takes_the_verb_of_its_number_in_the_comment_striking_works_made_for_hire(work, verb):
    fix = next(f for f in load_library().fixes if f.id == "fix-work-made-for-hire")
    terms = {"deliverables": work, "client": "Client", "agreement": "this Agreement"}
    rendered = render_fix(fix, "strict", "works made for hire", terms)
    assert rendered is not None and rendered.comment is not None
    assert f"{work} {verb} to Client only by the assignment" in rendered.comment, rendered.comment
