"""Issue 15, placement of definitions: the terms several inserted clauses use are defined under a title
that fits them (the clause that owns them, or a "Definitions" clause of their own), never at the head of
a clause about something else ("Permitted Purpose. In this licence, “AI System” means …"); and the
purpose limit is not said twice where a change in the grant already ties it to the Permitted Purpose; a
definitions clause whose run-in title opens its one entry ("1. Definitions. "Fonts" means …") takes the
new terms, continuing it unnumbered.

A synthetic font licence with typed clause numbers and run-in titles, written for these tests."""

from __future__ import annotations

import re

from support.docx_builder import make_docx, p, r
from test_strategy import DATE, planned
from test_writer import accepted, rejected

from noai import engine
from noai.ooxml.document import read_document

PARTIES = (
    'This licence is made between Quillface Type Foundry Ltd (the "Foundry") and Brightwater Media (the "Licensee").'
)
SUPPLY = (
    '1. Fonts. The Foundry will supply the Licensee with the Marlow typeface family in OpenType format (the "Fonts").'
)
ANY_PURPOSE = (
    "2. Licence. The Foundry grants the Licensee a non-exclusive licence to install and use the Fonts for any purpose."
)
PLAIN_GRANT = "2. Licence. The Foundry grants the Licensee a non-exclusive licence to install and use the Fonts."
OWNERSHIP = "3. Ownership. The Foundry retains ownership of the Fonts and all intellectual property rights in them."
OWN_AI_CLAUSE = (
    "3. Ownership. The Foundry retains ownership of the Fonts. The Licensee shall not use the Fonts, or any part of "
    "them, to train, fine-tune or improve any artificial intelligence system."
)
TAIL = (
    "4. Fees. The Licensee shall pay the Foundry a licence fee of GBP 4,000.",
    "5. Law. This licence is governed by the laws of England.",
)


def titled(text: str) -> str:
    """A paragraph "2. Licence. The …" with its run-in title in bold, as drafters write it."""
    m = re.match(r"(\w+\. )([^.]+\.)( .*)", text)
    return p(r(m.group(1)), r(m.group(2), b=True), r(m.group(3))) if m else p(text)


def licence(*clauses: str) -> bytes:
    return make_docx("".join(titled(t) for t in ("FONT LICENCE", PARTIES, SUPPLY, *clauses, *TAIL)) + "<w:sectPr/>")


def font_licence(grant: str, ownership: str = OWNERSHIP) -> bytes:
    return licence(grant, ownership)


def insertion(plan, clause: str):
    return next(e for e in plan.edits if e.op == "insert_after" and e.clause == clause)


def defined_in(edit) -> list[str]:
    """The terms an inserted clause defines ("X" means …: straight quotes, as the licence quotes its own), in order."""
    text = " ".join(q["text"] for q in edit.paragraphs)
    return re.findall(r'"([^"]+)" (?:means|shall mean)\b', text)


def redlined(docx: bytes, variant: str = "standard") -> bytes:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant)).docx


def test_the_covenant_defines_the_ai_terms_even_where_the_purpose_limit_comes_before_it():
    plan = planned(font_licence(ANY_PURPOSE))
    purpose, covenant = insertion(plan, "scope-limitation"), insertion(plan, "no-ai-training")
    assert purpose.index < covenant.index
    assert defined_in(purpose) == ["Permitted Purpose"]
    assert {"AI System", "Protected Materials", "Prohibited AI Use"} <= set(defined_in(covenant))
    # the purpose limit uses them before the covenant defines them: defined for the whole licence
    assert covenant.paragraphs[0]["text"].startswith('In this licence, "')


def test_in_the_written_docx_the_ai_terms_are_defined_under_the_no_ai_title_not_the_purpose_title():
    texts = accepted(redlined(font_licence(ANY_PURPOSE)))
    ai_system = next(t for t in texts if '"AI System" means' in t)
    permitted = next(t for t in texts if '"Permitted Purpose" means' in t)
    assert ai_system.startswith("3A. No AI Training. In this licence, ")
    assert permitted.startswith("2A. Permitted Purpose. ") and '"AI System" means' not in permitted
    assert rejected(redlined(font_licence(ANY_PURPOSE))) == [
        q.text for q in read_document(font_licence(ANY_PURPOSE)).paragraphs
    ]


def test_a_grant_already_changed_to_the_permitted_purpose_is_not_limited_again_by_the_purpose_clause():
    docx = font_licence(ANY_PURPOSE)
    plan = planned(docx)
    fix = next(e for e in plan.edits if e.op == "replace" and e.find == "for any purpose")
    assert fix.replacement == "solely for the Permitted Purpose"
    purpose = insertion(plan, "scope-limitation")
    assert [q["text"][:40] for q in purpose.paragraphs] == ['In this licence, "Permitted Purpose" mea']
    assert purpose.comment and "Why this definition: the change in clause 2" in purpose.comment
    whole = "\n".join(accepted(redlined(docx)))
    assert whole.count("for the Permitted Purpose") == 1


def test_a_grant_no_change_ties_to_the_purpose_keeps_the_purpose_clauses_own_limit():
    plan = planned(font_licence(PLAIN_GRANT))
    purpose = insertion(plan, "scope-limitation")
    assert not [e for e in plan.edits if e.op == "replace" and "Permitted Purpose" in (e.replacement or "")]
    assert defined_in(purpose) == ["Permitted Purpose"]
    assert any(q["text"].startswith("The licences and rights to use the Fonts") for q in purpose.paragraphs)
    # used by this clause alone: defined for this clause
    assert purpose.paragraphs[0]["text"].startswith('In this clause, "Permitted Purpose" means')


def test_a_second_grant_left_unchanged_keeps_the_purpose_clauses_own_limit():
    second = "2A. Samples. The Foundry grants the Licensee a licence to show the Fonts in sales brochures."
    plan = planned(licence(ANY_PURPOSE, second, OWNERSHIP))
    purpose = insertion(plan, "scope-limitation")
    assert any("are granted solely for the Permitted Purpose" in q["text"] for q in purpose.paragraphs)


def test_terms_several_clauses_share_get_a_definitions_clause_where_the_clause_owning_them_is_not_inserted():
    docx = font_licence(PLAIN_GRANT, OWN_AI_CLAUSE)  # the document has its own AI clause: no covenant inserted
    plan = planned(docx, "strict")
    clauses = [e.clause for e in plan.edits if e.op == "insert_after"]
    assert "no-ai-training" not in clauses
    assert clauses.index("definitions") == clauses.index("scope-limitation") - 1
    definitions, purpose = insertion(plan, "definitions"), insertion(plan, "scope-limitation")
    assert definitions.title == "Definitions" and definitions.index == purpose.index
    assert {"Protected Materials", "AI System", "Prohibited AI Use", "AI Vendor"} <= set(defined_in(definitions))
    assert defined_in(purpose) == ["Permitted Purpose"]
    for e in plan.edits:  # every other inserted clause defines nothing
        if e.op == "insert_after" and e.clause not in ("definitions", "scope-limitation"):
            assert defined_in(e) == []
    out = redlined(docx, "strict")
    texts = accepted(out)
    at = next(i for i, t in enumerate(texts) if '"Prohibited AI Use" means' in t)
    assert (
        texts[at].startswith("2A. ")
        and texts[at + 1].startswith("2B. ")
        and '"Permitted Purpose" means' in texts[at + 1]
    )
    assert rejected(out) == [q.text for q in read_document(docx).paragraphs]


def test_terms_only_the_purpose_definition_uses_stay_with_it():
    plan = planned(font_licence(PLAIN_GRANT, OWN_AI_CLAUSE), "standard")
    assert [e.clause for e in plan.edits if e.op == "insert_after"] == ["scope-limitation"]
    assert defined_in(insertion(plan, "scope-limitation"))[-1] == "Permitted Purpose"


# -- a definitions clause whose run-in title opens its one entry ("1. Definitions. "Fonts" means …") --------

RUN_IN = '1. Definitions. "Fonts" means the Marlow typeface family in OpenType format, as the Foundry supplies it.'


def test_new_terms_continue_a_definitions_clause_whose_title_runs_into_its_first_entry():
    docx = make_docx(
        "".join(titled(t) for t in ("FONT LICENCE", PARTIES, RUN_IN, ANY_PURPOSE, OWNERSHIP, *TAIL)) + "<w:sectPr/>"
    )
    plan = planned(docx)
    [definitions] = [e for e in plan.edits if e.op == "insert_after" and e.clause == "definitions"]
    assert definitions.anchor_text == RUN_IN
    assert all(q.get("continued") and q["text"].startswith('"') for q in definitions.paragraphs)
    assert {"AI System", "Protected Materials", "Prohibited AI Use", "Permitted Purpose"} <= {
        q["text"][1 : q["text"].index('"', 1)] for q in definitions.paragraphs
    }
    rest = [q["text"] for e in plan.edits if e.op == "insert_after" and e.clause != "definitions" for q in e.paragraphs]
    assert not any(t.startswith("In this ") or " means " in t for t in rest)
    # the grant says "solely for the Permitted Purpose"; the definitions clause defines it: nothing else needed
    assert "scope-limitation" not in {e.clause for e in plan.edits}
    texts = accepted(redlined(docx))
    at = texts.index(RUN_IN)
    added = texts[at + 1 : at + 1 + len(definitions.paragraphs)]
    assert added == [q["text"] for q in definitions.paragraphs]  # right after clause 1's entry, in order
    assert not re.match(r"\d", texts[at + 1])  # no number of their own
    assert texts[at + 1 + len(definitions.paragraphs)].startswith("2. Licence.")
    assert rejected(redlined(docx)) == [q.text for q in read_document(docx).paragraphs]


def test_only_a_definitions_title_running_into_a_definition_opens_a_definitions_clause():
    from noai.analysis.facts import opens_definitions

    assert opens_definitions(RUN_IN)
    assert opens_definitions('Interpretation: In this agreement, "Work" means the cover artwork.')
    assert not opens_definitions(SUPPLY)  # a term defined in passing, in brackets
    assert not opens_definitions("1. Definitions")  # a heading alone: its entries follow it
    assert not opens_definitions('2. Licence. "Licensed Use" means printing the Fonts in the magazine.')
