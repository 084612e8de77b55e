"""Issue 15, placement: no clause the contract numbers moves when ours go in.

- Typed numbers ("4.", "2.1" typed in the text): clauses inserted between two typed clauses take
  lettered numbers, as a drafter inserts them ("4A.", "4B."; "2.1A" for the purpose limit right after
  the grant it qualifies), so no clause is renumbered and no typed cross-reference changes.
- Word's automatic numbering: the purpose limit goes to the end of the grant's clause (after 2.2, as
  2.3) instead of splitting it after 2.1, so Word moves no sub-clause. LibreOffice's accept-all numbers
  it 2.3 and its reject-all gives the next clause ("3.") its own number and style back (the anchor
  hands its own paragraph mark to the inserted paragraph where the next paragraph is formatted
  otherwise); its PDF shows each inserted clause numbered on from the clause it joins.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from test_rendered_insertions import NUMBERING, check_numbers
from test_strategy import DATE, PARTIES, contract
from test_writer import accepted, rejected

from noai import engine
from noai.kinds import Placement

TITLE = "PATTERN DESIGN AGREEMENT"
SIGNED = "Signed for the Studio: ____________"
GRANT = "The Studio grants the Client a non-exclusive licence to print the Designs on its fabrics for any purpose."
KEEPS = "The Studio keeps the copyright in the Designs and in every draft of them."
CREDIT = "The Client shall credit the Studio on the selvedge of every fabric printed with the Designs."
DESIGN = 'The Studio shall design six textile patterns for the Client\'s spring range (the "Designs").'
DUTY = "The Client's duty under clause 2.3 applies to every fabric it sells."
LAW = "This agreement is governed by the laws of Ireland."

# Typed top-level clauses, a typed cross-reference to a later one.
TYPED = contract(
    TITLE,
    PARTIES,
    f"1. {DESIGN}",
    "2. The Client shall pay the Studio £3,000 within 30 days of delivery of the Designs.",
    f"3. {KEEPS}",
    f"4. {GRANT}",
    f"5. {CREDIT}",
    "6. Either party may end this agreement on 30 days' written notice; clause 5 survives its end.",
    f"7. {LAW}",
    SIGNED,
)
# Clauses with sub-clauses, the grant first of three: (text, level) numbered typed or by Word.
CLAUSES = [
    ("Services", 0),
    (DESIGN, 1),
    (DUTY, 1),
    ("Rights", 0),
    (GRANT, 1),
    (KEEPS, 1),
    (CREDIT, 1),
    ("General", 0),
    (LAW, 1),
]


def typed_sub_clauses() -> bytes:
    texts, top, sub = [], 0, 0
    for text, level in CLAUSES:
        top, sub = (top + 1, 0) if level == 0 else (top, sub + 1)
        texts.append(f"{top}. {text}" if level == 0 else f"{top}.{sub} {text}")
    return contract(TITLE, PARTIES, *texts, SIGNED)


# Numbered by Word: definitions, the grant's clause (grant, credit), the IP clause, the law clause with a
# typed reference to the credit sub-clause.
CREDITS = "The Client shall credit the Studio as the designer on the selvedge of every one of the Fabrics it sells."
WORD_CLAUSES = [
    ("Definitions", 0),
    ('"Designs" means the six textile patterns the Studio designs for the Client\'s spring range.', 1),
    ('"Fabrics" means the fabrics on which the Client prints the Designs.', 1),
    ("Licence", 0),
    # no "for any purpose": a grant a change ties to the Permitted Purpose gets its definition alone
    ("The Studio grants the Client a non-exclusive, worldwide licence to print the Designs on the Fabrics.", 1),
    (CREDITS, 1),
    ("Intellectual Property", 0),
    (
        "The Studio keeps the copyright in the Designs, in every draft and sketch of them and in every other material.",
        1,
    ),
    ("General", 0),
    ("This agreement is governed by the laws of Ireland, and clause 2.2 applies to every fabric the Client sells.", 1),
]


def word_numbered() -> bytes:
    body = [p(TITLE), p(PARTIES), *(p(text, numbering=(1, level)) for text, level in WORD_CLAUSES), p(SIGNED)]
    return make_docx("".join(body) + "<w:sectPr/>", numbering=NUMBERING)


DOCUMENTS = {"typed clauses": TYPED, "typed sub-clauses": typed_sub_clauses(), "Word's numbering": word_numbered()}
TYPED_NUMBER = re.compile(r"\d+(?:\.\d+)*[A-Z]?\.?(?=\s)")


def redlined(name: str) -> engine.Redline:
    return engine.redline(DOCUMENTS[name], author="noai", date=DATE, options=engine.Options())


def numbers(texts: list[str]) -> list[str]:
    return [m[0] for t in texts if (m := TYPED_NUMBER.match(t))]


def openers(redline: engine.Redline) -> list[str]:
    """The text of the first paragraph of each run of inserted paragraphs of the written document."""
    written = engine.read(redline.docx).paragraphs
    new = [q.mark == "inserted" and not q.original_text for q in written]
    return [q.text for i, q in enumerate(written) if new[i] and (i == 0 or not new[i - 1])]


def test_clauses_between_typed_clauses_are_lettered_and_nothing_is_renumbered():
    redline = redlined("typed clauses")
    texts = [q.text for q in redline.audit.paragraphs]
    grant = next(i for i, t in enumerate(texts) if t.startswith("4. "))
    assert {e.index for e in redline.plan.edits if e.op == "insert_after"} == {grant}  # in the IP clause
    new = openers(redline)
    assert new and all(re.match(r"4[A-Z]\. ", t) for t in new), [t[:12] for t in new]
    after = accepted(redline.docx)
    assert [n for n in numbers(after) if not n[-2].isalpha()] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert numbers(after)[4:-3] == ["4A.", "4B.", "4C."]  # in order, one letter a clause, none twice
    assert any(t.endswith("clause 5 survives its end.") for t in after)  # the reference still names 5
    assert redline.write.renumbered == []
    assert not any("renumber" in (e.comment or "") for e in redline.plan.edits)
    assert rejected(redline.docx) == texts


def test_the_purpose_limit_right_after_a_typed_grant_is_lettered_and_moves_no_sub_clause():
    redline = redlined("typed sub-clauses")
    texts = [q.text for q in redline.audit.paragraphs]
    grant = next(i for i, t in enumerate(texts) if t.startswith("2.1 "))
    limit = next(e for e in redline.plan.edits if e.clause == "scope-limitation")
    assert limit.index == grant  # it qualifies the grant: right after it
    after = accepted(redline.docx)
    assert after[grant + 1].startswith("2.1A ")
    assert [n for n in numbers(after) if n[:3] == "2.2" or n[:3] == "2.3"] == ["2.2", "2.3"]
    assert f"1.2 {DUTY}" in after and redline.write.renumbered == []
    assert rejected(redline.docx) == texts


def test_the_purpose_limit_in_a_word_numbered_contract_goes_to_the_end_of_the_grants_clause():
    redline = redlined("Word's numbering")
    texts = [q.text for q in redline.audit.paragraphs]
    place = redline.audit.places[Placement.AFTER_GRANT]
    assert place.index == texts.index(CREDITS) and "end of its clause" in place.reason  # after 2.2, not 2.1
    assert redline.audit.paragraphs[texts.index(CREDITS)].label == "2.2"
    limit = next(e for e in redline.plan.edits if e.clause == "scope-limitation")
    assert limit.index == texts.index(CREDITS) and len(limit.paragraphs) == 1  # its terms: in the definitions
    assert redline.write.renumbered == [] and WORD_CLAUSES[-1][0] in accepted(redline.docx)  # "clause 2.2" stays
    assert not any("renumber" in (e.comment or "") for e in redline.plan.edits)
    assert rejected(redline.docx) == texts


@pytest.fixture(scope="module")
def seen(libreoffice) -> dict[str, tuple[dict, dict]]:
    """Document name -> (LibreOffice's reading of the input, of its redline), with the PDF's text."""
    redlines = {name: redlined(name) for name in DOCUMENTS}
    results = libreoffice([doc for name, r in redlines.items() for doc in (DOCUMENTS[name], r.docx)], pdf_text=True)
    return {name: (results[2 * n], results[2 * n + 1]) for n, name in enumerate(redlines)}


@pytest.mark.libreoffice
def test_libreoffice_shows_ours_numbered_on_from_the_clause_they_join(seen):
    for name, (before, after) in seen.items():
        assert before["ok"] and after["ok"], (name, after["load_error"])
        assert check_numbers(name, redlined(name), after["pdf_text"]), name
    after = seen["Word's numbering"][1]
    limit = next(e for e in redlined("Word's numbering").plan.edits if e.clause == "scope-limitation")
    at = [" ".join(t.split()) for t in after["accepted_paragraphs"]].index(
        " ".join(limit.paragraphs[0]["text"].split())
    )
    assert after["accepted_formats"][at][0] == "2.3"  # after 2.2, at the clause's end: 3 and its 3.1 stay
    assert after["accepted_formats"][at + 1][0] == "3."


@pytest.mark.libreoffice
def test_libreoffice_rejects_the_purpose_limit_to_the_inputs_numbers_and_styles(seen):
    # the clause after the purpose limit ("3. Intellectual Property") keeps its level: a cross-reference to
    # its sub-clauses would read as before (ccs-ict's REF field "10.2.1" read "10.1.5" when it did not)
    before, after = seen["Word's numbering"]
    ip = [" ".join(t.split()) for t in before["rejected_paragraphs"]].index("Intellectual Property")
    assert after["rejected_formats"][: ip + 2] == before["rejected_formats"][: ip + 2]


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_libreoffice_rejects_to_the_inputs_numbers_and_styles(seen, name):
    before, after = seen[name]
    assert after["rejected_formats"] == before["rejected_formats"]
