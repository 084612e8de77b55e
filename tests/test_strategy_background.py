"""The redline strategy around the creator's background materials and the strict transfer (issue 15,
review classes 1, 4 and 5), on contracts written for these tests:

- a licence of the creator's pre-existing materials embedded in work the client owns gets no Permitted
  Purpose, term or revocability limit (the client must keep using the work it owns); at most its use is
  limited to use as part of the work; the same words in a licence of work the creator keeps are still fixed;
- the retained-materials clause calls the materials by the document's own term, and only binds later
  transferees where the document keeps them with the creator already (the comment says where);
- strict turns "works made for hire" and "shall be the property of" into ownership on payment only where it
  can say so truly (fees to wait for, an assignment it replaces), and its licence-back is not exclusive;
- a licence already limited by its period, territory, media or a named purpose counts as limited: no
  Permitted Purpose that would widen it.

Each test reads the plan and the written .docx (tracked changes accepted).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted, rejected

from noai import engine

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
PARTIES = 'This agreement is made between Fernhill Labs Ltd (the "Developer") and Osprey Freight plc (the "Customer").'


def contract(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def planned(docx: bytes, variant: str):
    return engine.plan(docx, engine.Options(variant=variant))[1]


def written(docx: bytes, variant: str) -> tuple[list[str], engine.Redline]:
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))
    assert rejected(red.docx) == [q.text for q in engine.read(docx).paragraphs]  # reject-all gives the input
    return accepted(red.docx), red


def inserted(plan) -> str:
    return "\n".join(q["text"] for e in plan.edits if e.op == "insert_after" for q in e.paragraphs)


def approach(plan) -> str:
    return next(e.comment for e in plan.edits if e.comment and e.comment.startswith("Our approach"))


ASSIGNS = "2.1 The Developer hereby assigns to the Customer all right, title and interest in the Software."


def _assigned(*licence: str, fees: bool = True, transfer: str = ASSIGNS) -> bytes:
    return contract(
        "DEVELOPMENT AGREEMENT",
        PARTIES,
        "1. Definitions",
        '1.1 The Developer shall build the route planning software described in the schedule (the "Software").',
        '1.2 "Base Toolkit" means the code libraries and tools the Developer owned before the date of this agreement.',
        "2. Ownership",
        transfer,
        *licence,
        "3. Fees" if fees else "3. Costs",
        "3.1 The Customer shall pay the fees set out in the schedule." if fees else "3.1 Each party bears its costs.",
        "4. Law",
        "4.1 This agreement is governed by the laws of England.",
    )


EMBEDDED_PERPETUAL = (
    "2.2 The Developer grants the Customer a non-exclusive, perpetual, irrevocable licence to use the Base Toolkit "
    "as part of the Software."
)
EMBEDDED_ANY_PURPOSE = (
    "2.2 The Developer grants the Customer a non-exclusive licence to use the Base Toolkit for any purpose."
)


# -- 1. background materials inside work the client owns -----------------------------------------------


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_perpetual_licence_of_background_materials_inside_owned_work_is_left_as_it_is(variant):
    docx = _assigned(EMBEDDED_PERPETUAL)
    plan = planned(docx, variant)
    licence = next(q.index for q in engine.read(docx).paragraphs if q.text == EMBEDDED_PERPETUAL)
    assert not [e for e in plan.edits if e.op != "insert_after" and e.index == licence]
    assert "Permitted Purpose" not in inserted(plan) and "scope-limitation" not in {e.clause for e in plan.edits}
    assert "licences of" not in approach(plan)  # no licence of the Software to limit
    texts, _ = written(docx, variant)
    assert EMBEDDED_PERPETUAL in texts


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_background_licence_for_any_purpose_is_limited_to_use_as_part_of_the_owned_work(variant):
    docx = _assigned(EMBEDDED_ANY_PURPOSE)
    plan = planned(docx, variant)
    fix = next(e for e in plan.edits if e.op == "replace" and e.finding == "any_and_all_purposes")
    assert fix.replacement == "solely as part of the Software"
    assert "Permitted Purpose" not in inserted(plan)
    texts, _ = written(docx, variant)
    assert EMBEDDED_ANY_PURPOSE.replace("for any purpose", "solely as part of the Software") in texts


def test_the_same_any_purpose_licence_of_work_the_creator_keeps_is_still_tied_to_the_permitted_purpose():
    docx = contract(
        "LICENCE AGREEMENT",
        PARTIES,
        "1. Licence",
        '1.1 The Developer shall build route planning software for the Customer (the "Software").',
        "1.2 The Developer retains ownership of the Software.",
        "1.3 The Developer grants the Customer a non-exclusive licence to use the Software for any purpose.",
        "2. Law",
        "2.1 This agreement is governed by the laws of England.",
    )
    plan = planned(docx, "standard")
    fix = next(e for e in plan.edits if e.op == "replace" and e.finding == "any_and_all_purposes")
    assert fix.replacement == "solely for the Permitted Purpose"


# -- 4. the retained-materials clause and the document's own term --------------------------------------


def test_the_retained_materials_clause_calls_the_background_materials_by_the_documents_term():
    plan = planned(_assigned(), "standard")
    kept = [q["text"] for e in plan.edits if e.clause == "retained-materials" for q in e.paragraphs]
    assert kept[0].startswith(
        "Nothing in this agreement transfers to the Customer any Base Toolkit or any other material, tool or "
        "know-how that the Developer develops independently of this agreement"
    )
    assert "owned before this agreement" not in kept[0]  # the term says it; not restated


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_where_the_document_keeps_its_background_materials_only_later_transferees_are_bound_and_the_comment_says_so(
    variant,
):
    docx = _assigned("2.2 The Base Toolkit remains owned by the Developer.")
    plan = planned(docx, variant)
    edit = next(e for e in plan.edits if e.clause == "retained-materials")
    assert [q["text"][:40] for q in edit.paragraphs] == ["The Customer shall have anyone who later"]
    assert "clause 2.2 already keeps the Base Toolkit with the Developer" in (edit.comment or "")
    assert "clause 2.2 already keeps" in approach(plan)
    texts, _ = written(docx, variant)
    assert not [t for t in texts if t.startswith("Nothing in this agreement transfers")]


def test_without_a_term_or_a_retention_the_clause_describes_the_materials_in_plain_words():
    docx = contract(
        "DEVELOPMENT AGREEMENT",
        PARTIES,
        "1. Ownership",
        "1.1 The Developer hereby assigns to the Customer all right, title and interest in the software it "
        'builds under this agreement (the "Software").',
        "1.2 The Customer shall pay the fees set out in the schedule.",
        "2. Law",
        "2.1 This agreement is governed by the laws of England.",
    )
    text = inserted(planned(docx, "standard"))
    assert "any material, tool or know-how that the Developer owned before this agreement" in text


# -- 2. strict: the transfer it claims to change, the licence-back, the exceptions ---------------------


def test_strict_assigns_the_background_rights_back_without_an_exclusive_licence():
    text = inserted(planned(_assigned(), "strict"))
    assert "the Customer assigns that right back to the Developer" in text
    assert "exclusive" not in text.replace("non-exclusive", "")


def test_strict_makes_property_of_wording_wait_for_payment_when_the_contract_has_fees():
    docx = _assigned(
        transfer="2.1 The Software and all intellectual property rights in it shall be the property of the Customer."
    )
    plan = planned(docx, "strict")
    fix = next(e for e in plan.edits if e.finding == "ip_assignment")
    assert fix.op == "replace" and fix.find == "shall be the property of"
    assert "ownership pass only on payment in full" in approach(plan)
    texts, _ = written(docx, "strict")
    assert (
        "2.1 The Software and all intellectual property rights in it shall, upon payment in full of all fees due "
        "under this agreement, be the property of the Customer." in texts
    )


def test_strict_claims_no_payment_condition_where_there_are_no_fees():
    plan = planned(_assigned(fees=False), "strict")
    assert all(e.op == "comment" for e in plan.edits if e.finding == "ip_assignment")
    assert "payment" not in approach(plan)


def test_strict_takes_out_a_work_made_for_hire_only_beside_an_assignment_it_makes_wait_for_payment():
    wfh = (
        "2.1 The Developer agrees that the Software is work made for hire for the Customer. To the extent the "
        "Software is not a work made for hire, the Developer hereby assigns to the Customer all right, title and "
        "interest in and to the Software."
    )
    docx = _assigned(transfer=wfh)
    plan = planned(docx, "strict")
    edits = {e.finding: e for e in plan.edits if e.finding in ("work_made_for_hire", "ip_assignment")}
    assert edits["work_made_for_hire"].replacement == "not work made for hire"
    assert "ownership pass only on payment in full" in approach(plan)
    unpaid = planned(_assigned(fees=False, transfer=wfh), "strict")
    assert all(e.op == "comment" for e in unpaid.edits if e.finding in ("work_made_for_hire", "ip_assignment"))
    assert "payment" not in approach(unpaid)


def test_strict_software_redline_has_no_sentence_denying_the_coding_assistant_exception():
    text = inserted(planned(_assigned(), "strict"))
    assert "coding" in text or "writing, reviewing, testing" in text
    assert "No other exception applies" not in text
    assert "Any other exception must be stated expressly in this agreement." in text


# -- 3. a licence limited already ---------------------------------------------------------------------


def _licensed(grant: str) -> bytes:
    return contract(
        "PHOTOGRAPHY LICENCE",
        'This licence is between Ada Moss (the "Photographer") and Brindle Ltd (the "Licensee").',
        '1. The Photographer will supply twenty photographs of the Licensee\'s shop (the "Photographs").',
        "2. Copyright in the Photographs remains with the Photographer.",
        f"3. {grant}",
        "4. This licence is governed by the law of England and Wales.",
    )


@pytest.mark.parametrize(
    "grant",
    [
        "The Photographer grants the Licensee a non-exclusive licence to reproduce the Photographs for three years.",
        "The Photographer grants the Licensee a non-exclusive licence to reproduce the Photographs in the "
        "United Kingdom.",
        "The Photographer grants the Licensee a non-exclusive licence to reproduce the Photographs in the "
        "Licensee's printed brochures.",
        "The Photographer grants the Licensee a non-exclusive licence to reproduce the Photographs for the "
        "purpose of advertising the opening of its shop.",
    ],
)
@pytest.mark.parametrize("variant", ["standard", "minimal"])
def test_a_licence_limited_by_period_territory_media_or_purpose_gets_no_permitted_purpose(grant, variant):
    docx = _licensed(grant)
    result, plan = engine.plan(docx, engine.Options(variant=variant))
    assert result.protection("scope_limitation").status == "present"
    assert "scope-limitation" not in {e.clause for e in plan.edits}
    texts, _ = written(docx, variant)
    assert not [t for t in texts if "Permitted Purpose" in t or "whatever media" in t]
    assert f"3. {grant}" in texts


def test_an_unlimited_licence_still_gets_the_permitted_purpose():
    docx = _licensed("The Photographer grants the Licensee a non-exclusive licence to reproduce the Photographs.")
    result, plan = engine.plan(docx, engine.Options(variant="standard"))
    assert result.protection("scope_limitation").status == "missing"
    assert "scope-limitation" in {e.clause for e in plan.edits}


@pytest.mark.parametrize(
    "definition",
    [
        '1.2 "Customer Data" means the data the Customer owned before the date of this agreement.',
        '1.2 "Prior Agreement" means the letter of intent the parties signed before this agreement.',
        '1.2 "Confidential Information" means information disclosed before or after the date of this agreement.',
    ],
)
def test_a_term_for_someone_elses_or_no_materials_is_not_taken_for_the_creators_background(definition):
    docx = contract(
        "DEVELOPMENT AGREEMENT",
        PARTIES,
        "1. Definitions",
        '1.1 The Developer shall build the route planning software described in the schedule (the "Software").',
        definition,
        "2. Ownership",
        ASSIGNS,
        "3. Fees",
        "3.1 The Customer shall pay the fees set out in the schedule.",
    )
    text = inserted(planned(docx, "standard"))
    assert "any material, tool or know-how that the Developer owned before this agreement" in text
    name = definition.split('"')[1]
    assert f"Customer {name}" not in text and f"any {name}" not in text and f"the {name} or" not in text


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_licence_of_the_assigned_work_itself_gets_no_purpose_term_or_revocability_limit(variant):
    grant = (
        "2.2 The Developer grants the Customer a perpetual, irrevocable licence to use the Software for any purpose."
    )
    docx = _assigned(grant)
    plan = planned(docx, variant)
    at = next(q.index for q in engine.read(docx).paragraphs if q.text == grant)
    replaced = [e.replacement or "" for e in plan.edits if e.index == at and e.op == "replace"]
    assert not [r for r in replaced if "Permitted Purpose" in r or r == "revocable"], replaced
    assert "Permitted Purpose" not in inserted(plan)
    texts, _ = written(docx, variant)
    assert not [t for t in texts if "Permitted Purpose" in t]


def test_the_approach_names_the_clause_a_purpose_limit_ties_and_never_the_licences_of_the_assigned_work():
    grant = "2.2 The Developer grants the Customer a licence to use the Developer's name and logo for any purpose."
    plan = planned(_assigned(grant), "standard")  # the creator's name: not the Software, still the creator's
    assert any(e.replacement == "solely for the Permitted Purpose" for e in plan.edits)
    said = approach(plan)
    assert "tie the rights granted in clause 2.2 to the Permitted Purpose" in said
    assert "licences of the Software" not in said
    definition = next(e for e in plan.edits if e.clause == "scope-limitation")
    assert "the change in clause 2.2 limits a right of the Customer to the Permitted Purpose" in (
        definition.comment or ""
    )
