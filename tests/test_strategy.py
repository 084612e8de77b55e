"""The redline a lawyer would send (issue 15), on synthetic contracts: the strategy follows what the
document does with the work (licensed, assigned, or no work delivered), every inserted word is the
document's own, clauses never join a lead-in list or a bracketed option, replacements touch only
rights the creator gives, and the clause for the kind of work is added.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from test_writer import accepted, rejected

from noai import engine
from noai.errors import PartyRoleError
from noai.ooxml.document import read_document
from noai.plan import Edit
from noai.planning.comments import _shifted

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
PARTIES = 'This agreement is made between Inkwell Studio Ltd (the "Studio") and Northwind Books plc (the "Client").'


def contract(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def planned(docx: bytes, variant: str = "standard", **options):
    return audited_plan(docx, variant, **options)[1]


def audited_plan(docx: bytes, variant: str = "standard", **options):
    return engine.plan(docx, engine.Options(variant=variant, **options))


def inserted(plan) -> list[str]:
    return [e.clause for e in plan.edits if e.op == "insert_after"]


def inserted_text(plan) -> str:
    return "\n".join(q["text"] for e in plan.edits if e.op == "insert_after" for q in e.paragraphs)


ASSIGNMENT = contract(
    "SERVICES AGREEMENT",
    PARTIES,
    "1. Services",
    '1.1 The Studio shall design the cover artwork and illustrations for the Client\'s book (the "Work").',
    "1.2 The Client shall pay the fees set out in the schedule to this agreement.",
    "2. Intellectual Property",
    "2.1 The Studio hereby assigns to the Client all right, title and interest in the Work.",
    "2.2 The Studio waives its moral rights in the Work to the extent permitted by law.",
    "3. General",
    "3.1 This agreement is governed by the laws of England.",
    "Signed for the Studio: ____________",
)

LICENCE = contract(
    "DESIGN CONTRACT",
    'The parties to the Contract are Inkwell Studio Ltd (the "Studio") and Northwind Books plc (the "Client").',
    "1. Services",
    '1.1 The Studio shall design the illustrations for the Client\'s book (the "Artwork").',
    "2. Licence",
    "2.1 The Studio grants the Client a non-exclusive licence to reproduce the Artwork in the book, for any and "
    "all purposes.",
    "2.2 The Client shall credit the Studio in the book.",
    "3. General",
    "3.1 The Contract is governed by the laws of England.",
    "Signed for the Studio: ____________",
)
# (no "The Studio retains ownership" sentence: since typed sentences are read as sentences, not titles, it counts
# as the document's own reservation, and the standard redline then adds none)


# -- strategy, per variant ----------------------------------------------------------------------------


def test_an_assignment_keeps_its_transfer_and_gets_the_covenant_and_the_creators_materials_in_standard():
    plan = planned(ASSIGNMENT, "standard")
    # the covenant, the clause for the kind of work (cover artwork: creative) and the creator's materials
    assert [c for c in inserted(plan) if c != "ai-creative-likeness"][:2] == ["no-ai-training", "retained-materials"]
    assert "reservation-of-rights" not in inserted(plan) and "scope-limitation" not in inserted(plan)
    assert not any(e.op == "replace" and e.finding == "ip_assignment" for e in plan.edits)
    text = inserted_text(plan)
    assert "as assignee or licensee, agree in writing to be bound by the restriction on Prohibited AI Use" in text
    assert "retains all rights in them" in text  # pre-existing materials, not the assigned Work
    assert "All rights not expressly granted" not in text  # no reservation in what the Studio no longer owns


ASSIGNMENT_WITH_BACKGROUND_LICENCE = contract(
    "SERVICES AGREEMENT",
    PARTIES,
    "1. Definitions",
    '1.1 "Background Materials" means the tools and templates the Studio owned before this agreement.',
    '1.2 "Fees" means the fees set out in the schedule to this agreement.',
    "2. Intellectual Property",
    "2.1 The Studio hereby assigns to the Client all right, title and interest in the illustrations it makes "
    'under this agreement (the "Work").',
    "2.2 The Studio grants the Client a non-exclusive licence to use the Background Materials in the Work for any "
    "and all purposes.",
    "3. General",
    "3.1 This agreement is governed by the laws of England.",
    "Signed for the Studio: ____________",
)


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_an_assignment_never_gets_a_sentence_limiting_licences_of_the_work_the_client_now_owns(variant):
    # The licence of the Studio's background materials in the Work the Client owns is limited to their
    # use as part of the Work, not to a Permitted Purpose (a project, a period) that would stop the Client
    # using its own Work; no purpose limit is inserted at all.
    plan = planned(ASSIGNMENT_WITH_BACKGROUND_LICENCE, variant)
    text = inserted_text(plan)
    fix = next(e for e in plan.edits if e.op == "replace" and e.find == "for any and all purposes")
    assert fix.replacement == "solely as part of the Work"
    assert "Permitted Purpose" not in text and not any("Permitted Purpose" in (e.replacement or "") for e in plan.edits)
    assert "scope-limitation" not in inserted(plan)
    assert all(e.paragraphs for e in plan.edits if e.op == "insert_after")  # no empty insertion either


def test_an_assignment_gets_the_covenant_only_in_minimal():
    plan = planned(ASSIGNMENT, "minimal")
    clauses = inserted(plan)  # the covenant, and at most the clause for the kind of work (artwork: creative)
    assert clauses[0] == "no-ai-training" and set(clauses[1:]) <= {"ai-creative-likeness"}
    assert not any(e.op == "replace" for e in plan.edits if e.finding == "ip_assignment")


def test_strict_makes_ownership_pass_only_on_payment_as_a_tracked_replacement_of_the_transfer_verb():
    plan = planned(ASSIGNMENT, "strict")
    replace = next(e for e in plan.edits if e.op == "replace" and e.finding == "ip_assignment")
    assert replace.find == "hereby assigns"
    assert replace.replacement == "shall, upon payment in full of all fees due under this agreement, assign"
    result = engine.redline(ASSIGNMENT, author="noai", date=DATE, options=engine.Options(variant="strict"))
    after = accepted(result.docx)
    assert (
        "2.1 The Studio shall, upon payment in full of all fees due under this agreement, assign to the Client "
        "all right, title and interest in the Work."
    ) in after
    assert rejected(result.docx) == [q.text for q in read_document(ASSIGNMENT).paragraphs]


def test_a_licence_gets_the_purpose_limit_the_covenant_and_the_reservation():
    plan = planned(LICENCE, "standard")
    assert {"scope-limitation", "no-ai-training", "reservation-of-rights"} <= set(inserted(plan))
    assert "retained-materials" not in inserted(plan)


def test_one_comment_says_the_strategy_from_this_documents_findings():
    plan = planned(ASSIGNMENT, "standard")
    comments = [e.comment for e in plan.edits if e.comment and e.comment.startswith("Our approach:")]
    assert len(comments) == 1
    assert comments[0].startswith(
        "Our approach: this agreement transfers ownership of the Work to the Client (clause 2.1); "
        "we leave that transfer unchanged"
    )
    licence = next(e.comment for e in planned(LICENCE).edits if e.comment and e.comment.startswith("Our approach"))
    assert licence.startswith(
        "Our approach: the Contract licenses the Artwork to the Client (clause 2.1) and the Studio keeps ownership"
    )


def test_no_comment_claims_the_covenant_binds_successors_or_that_a_purpose_is_missing():
    for docx in (ASSIGNMENT, LICENCE):
        for variant in ("strict", "standard", "minimal"):
            comments = " ".join(e.comment or "" for e in planned(docx, variant).edits)
            assert "successors" not in comments and "not tied to a purpose" not in comments


def test_a_document_no_work_is_delivered_under_gets_nothing_and_says_why():
    nda = contract(
        "MUTUAL NON-DISCLOSURE AGREEMENT",
        PARTIES,
        "1. Confidentiality",
        "1.1 Each party shall keep the other party's confidential information secret and use it only to evaluate "
        "a possible business relationship.",
        "1.2 This agreement is governed by the laws of England.",
        "Signed for the Studio: ____________",
    )
    plan = planned(nda)
    assert plan.edits == ()
    assert any("no AI clause is proposed" in note for note in plan.notes)


# -- the document's own words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "docx, self_name",
    [(ASSIGNMENT, "this agreement"), (LICENCE, "the Contract")],
    ids=["this-agreement", "the-Contract"],
)
def test_inserted_clauses_use_the_documents_own_names_and_capitalisation(docx, self_name):
    for variant in ("strict", "standard", "minimal"):
        text = inserted_text(planned(docx, variant))
        assert self_name in text
        for foreign in ("this Agreement", "the Deliverables", "the Provider", "{"):
            assert foreign not in text, (variant, foreign)
        assert re.search(r"\b[Tt]he Client\b", text) and "Inkwell" not in text  # its defined name, not the legal one


def test_a_contract_whose_parties_cannot_be_mapped_is_refused_with_a_typed_error():
    anonymous = contract(
        "TERMS",
        "1. Rights",
        "1.1 All right, title and interest in the Work is hereby assigned.",
        "1.2 These terms are governed by the laws of England.",
    )
    with pytest.raises(PartyRoleError) as info:
        planned(anonymous)
    assert info.value.exit_code == 2 and info.value.status == 422


# -- placement ----------------------------------------------------------------------------------------


def _ip_with_tail(*tail: str) -> bytes:
    return contract(
        "SERVICES AGREEMENT",
        PARTIES,
        "1. Services",
        '1.1 The Studio shall design the cover artwork for the Client\'s book (the "Work").',
        "2. Intellectual Property",
        "2.1 The Studio hereby assigns to the Client all right, title and interest in the Work.",
        *tail,
        "3. General",
        "3.1 This agreement is governed by the laws of England.",
        "Signed for the Studio: ____________",
    )


@pytest.mark.parametrize(
    "items",
    [
        (
            "(a) the Work will be fit for any particular purpose;",
            "(b) the Work will be free of errors; or",
            "(c) the Work will achieve any result.",
        ),
        ("- the cover artwork in print resolution;", "- the cover artwork for e-book stores;", "- the source files."),
    ],
    ids=["lettered", "bullets"],
)
def test_no_clause_is_inserted_as_an_item_of_a_list_governed_by_a_lead_in(items):
    lead_in = "2.2 Nothing in this agreement shall constitute any representation or warranty that:"
    docx = _ip_with_tail(lead_in, *items)
    paragraphs = read_document(docx).paragraphs
    lead = next(q.index for q in paragraphs if q.text == lead_in)
    plan = planned(docx)
    last = lead + len(items)  # the list ends the IP section: the clauses follow the whole list, at the lead-in's level
    edits = [e for e in plan.edits if e.op == "insert_after" and e.clause != "definitions"]
    assert edits and {e.index for e in edits} == {last}, [e.index for e in edits]
    assert all(q.get("like") == lead for e in edits for q in e.paragraphs)
    texts = accepted(engine.redline(docx, author="noai", date=DATE, options=engine.Options()).docx)
    after = texts[texts.index(items[-1]) + 1 :]
    assert after[0].startswith("2.3 ") and not after[0].startswith(("(d)", "-")), after[0]
    assert texts[texts.index(items[-1]) + 1 + sum(len(e.paragraphs) for e in edits)] == "3. General"


def test_no_clause_is_inserted_between_a_lead_in_and_its_items_when_the_list_goes_on():
    lead_in = "2.2 The Client may use the Work:"
    docx = _ip_with_tail(
        lead_in, "(a) in the book;", "(b) in its marketing.", "2.3 The Client shall credit the Studio."
    )
    paragraphs = read_document(docx).paragraphs
    lead = next(q.index for q in paragraphs if q.text == lead_in)
    for e in planned(docx).edits:  # after the list (tests/test_lead_in_placement.py), never inside it
        if e.op == "insert_after":
            assert e.index not in (lead, lead + 1), e.index


def test_no_clause_is_inserted_inside_bracketed_options():
    docx = _ip_with_tail(
        "[Option 1: 2.2 The Studio may show the Work in its portfolio.",
        "2.3 The Client shall credit the Studio in the book.]",
        "[Option 2: 2.2 The Studio shall not show the Work publicly.]",
    )
    paragraphs = read_document(docx).paragraphs
    opener = next(q.index for q in paragraphs if q.text.startswith("[Option 1"))
    anchors = {e.index for e in planned(docx).edits if e.op == "insert_after"}
    assert anchors and all(i < opener for i in anchors), anchors


# -- fixes only where the risk is the creator's --------------------------------------------------------


def test_the_creators_own_right_is_never_rewritten():
    docx = contract(
        "LICENCE AGREEMENT",
        PARTIES,
        "1. Licence",
        '1.1 The Studio grants the Client a licence to use the illustrations (the "Work") in its book.',
        "1.2 The Studio may subcontract the Services in any manner and use its own know-how for any and all purposes.",
        "2. General",
        "2.1 This agreement is governed by the laws of England.",
        "Signed for the Studio: ____________",
    )
    own = next(q.index for q in read_document(docx).paragraphs if q.text.startswith("1.2"))
    plan = planned(docx, "strict")
    assert not [e for e in plan.edits if e.op == "replace" and e.index == own]


# -- variants by kind of work -------------------------------------------------------------------------

SOFTWARE = contract(
    "SOFTWARE DEVELOPMENT AGREEMENT",
    'This agreement is made between Inkwell Code Ltd (the "Developer") and Northwind Books plc (the "Client").',
    "1. Services",
    '1.1 The Developer shall write the source code of a web application for the Client (the "Software"), with '
    "its object code, scripts and API documentation.",
    "1.2 The Developer shall deliver the Software, its source code and its test scripts in a code repository.",
    "2. Licence",
    "2.1 The Developer grants the Client a non-exclusive licence to use, copy and modify the Software.",
    "3. General",
    "3.1 This agreement is governed by the laws of England.",
    "Signed for the Developer: ____________",
)


def test_software_is_detected_and_gets_the_coding_assistant_clause_after_the_covenant():
    result, plan = audited_plan(SOFTWARE)
    assert result.work_kind is not None and result.work_kind.kind == "software"
    assert "Software" in result.work_kind.reason
    clauses = inserted(plan)
    assert clauses.index("ai-software-use") == clauses.index("no-ai-training") + 1
    text = inserted_text(plan)
    assert "writing, reviewing, testing or maintaining code" in text
    assert "to train, fine-tune or otherwise improve any AI System" in text


def test_the_user_can_override_the_kind_of_work():
    result, plan = audited_plan(SOFTWARE, work_kind="creative")
    assert result.work_kind.kind == "creative" and result.work_kind.source == "user"
    assert "ai-creative-likeness" in inserted(plan) and "ai-software-use" not in inserted(plan)
    assert result.to_dict()["work_kind"] == {"kind": "creative", "reason": "chosen by the user", "source": "user"}


def test_a_general_contract_gets_no_kind_clause():
    plan = planned(LICENCE, work_kind="general")
    assert not {"ai-software-use", "ai-creative-likeness", "ai-data-use"} & set(inserted(plan))


def test_the_cli_refuses_an_unmapped_contract_with_exit_code_2_and_takes_the_kind_of_work(tmp_path):
    import json
    import subprocess
    import sys

    def noai(*args):
        return subprocess.run(
            [sys.executable, "-m", "noai.cli", *map(str, args)], capture_output=True, text=True, timeout=120
        )

    anonymous = tmp_path / "terms.docx"
    anonymous.write_bytes(
        contract(
            "TERMS",
            "1. Rights",
            "1.1 All right, title and interest in the Work is hereby assigned.",
            "1.2 These terms are governed by the laws of England.",
        )
    )
    run = noai("redline", anonymous, "--dry-run")
    assert run.returncode == 2 and "names no party as the creator or the client" in run.stderr, run.stderr
    software = tmp_path / "software.docx"
    software.write_bytes(SOFTWARE)
    run = noai("redline", software, "--dry-run", "--work-kind", "data")
    assert run.returncode == 0, run.stderr
    assert "ai-data-use" in {e["clause"] for e in json.loads(run.stdout)["edits"]}


def test_strict_does_not_make_ownership_wait_for_fees_a_contract_does_not_have():
    employment = contract(
        "INVENTION ASSIGNMENT AGREEMENT",
        'This agreement is made between Jane Doe (the "Employee") and Northwind Labs Inc. (the "Company").',
        "1. Inventions",
        "1.1 The Employee hereby assigns to the Company all right, title and interest in every invention the "
        'Employee makes in the course of employment (the "Inventions").',
        "2. General",
        "2.1 This agreement is governed by the laws of England.",
        "Signed by the Employee: ____________",
    )
    plan = planned(employment, "strict", we="Employee")
    assert [e.op for e in plan.edits if e.finding == "ip_assignment"] == ["comment"]
    comments = " ".join(e.comment or "" for e in plan.edits)
    assert "payment" not in comments and "fees" not in comments


def test_the_strategy_comment_reports_the_typed_numbers_and_references_an_insertion_moves():
    docx = contract(
        "SERVICES AGREEMENT",
        PARTIES,
        "1. Services",
        '1.1 The Studio shall design the cover artwork for the Client\'s book (the "Work").',
        "2. Intellectual Property",
        "2.1 The Studio hereby assigns to the Client all right, title and interest in the Work.",
        "2.2 Nothing in this agreement shall constitute any representation or warranty that:",
        "(a) the Work will be fit for any particular purpose; or",
        "(b) the Work will achieve any result.",
        "3. General",
        "3.1 Clause 2.2 survives the end of this agreement.",
        "3.2 This agreement is governed by the laws of England.",
        "Signed for the Studio: ____________",
    )
    result, plan = audited_plan(docx)
    comment = next(e.comment for e in plan.edits if e.comment and e.comment.startswith("Our approach"))
    assert "renumbered" not in comment  # the clauses follow the whole list (after (b), as 2.3): nothing moves

    def after(index: int) -> Edit:
        text = result.paragraphs[index].text
        return Edit("", "insert_after", index, text, "x", "standard", None, paragraphs=({"text": "New."},))

    assert _shifted(result, [after(5)]) == ""  # between 2.1 and 2.2 the new clause is 2.1A: nothing moves
    assert _shifted(result, [after(7)]) == " The clauses after the insertion are renumbered ((b)), as tracked changes."


def test_strict_leaves_a_list_of_transfer_verbs_whole_and_asks_in_a_comment_instead():
    # "assigns, transfers and conveys": replacing "assigns" alone would leave "shall, upon payment …, assign,
    # transfers and conveys", which is not a sentence.
    listed = contract(
        "SERVICES AGREEMENT",
        PARTIES,
        '1.1 The Studio shall design the cover artwork for the Client\'s book (the "Work") for the fees set out in the '
        "schedule.",
        "2. Intellectual Property",
        "2.1 The Studio hereby irrevocably assigns, transfers and conveys to the Client all right, title and interest "
        "in the Work.",
        "3. General",
        "3.1 This agreement is governed by the laws of England.",
        "Signed for the Studio: ____________",
    )
    plan = planned(listed, "strict")
    assert [e.op for e in plan.edits if e.finding == "ip_assignment"] == ["comment"]
    comment = next(e.comment for e in plan.edits if e.finding == "ip_assignment")
    assert "pass only on payment in full of all fees due under this agreement" in comment
