"""Negotiation rounds: our redline records its round; the audit of the other side's reply says what
became of each proposal and of each protection, from the record, from the document we sent, or both.

The replies are built by tests/support/replies.py from our own redlines of the bundled example and
of corpus copies in tests/data/corpus, as a client's counsel would send them.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from noai import engine, schemas
from noai.ooxml.package import read_package
from noai.ooxml.record import NOAI, read_rounds
from tests.support.replies import COUNSEL, Reply, record_ids
from tests.support.validate_docx import validate_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "agency-services-agreement.docx"
CORPUS = ROOT / "tests" / "data" / "corpus"
XSD = ROOT / "tests" / "data" / "xsd" / "transitional" / "shared-customXmlDataProperties.xsd"
US = "Studio Counsel"
SENT_ON = datetime(2026, 1, 10, 9, 0)
# Our standard no-AI clause's training limb, as the reply strikes or edits it.
TRAINING_LIMB = "to train, pre-train, fine-tune or otherwise improve"


@cache
def sent(path: Path = EXAMPLE) -> bytes:
    # we are the creator: some corpus contracts leave it open (we.sure false), and the redline then asks
    return engine.redline(
        path.read_bytes(), author=US, date=SENT_ON, filename=path.name, options=engine.Options(we="creator")
    ).docx


def audit(docx: bytes, previous: bytes | None = None):
    return engine.audit(docx, previous=previous)


def statuses(result) -> dict[str, str]:
    return {p.name: p.status for p in result.protections}


def outcomes(result) -> dict[str, str]:
    return {o.proposal.id: o.status for o in result.negotiation.outcomes}


def by_clause(result, clause: str):
    return next(o for o in result.negotiation.outcomes if o.proposal.clause == clause)


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


# -- the record ----------------------------------------------------------------------------------


def test_a_redline_records_its_round_in_a_custom_xml_part_related_from_the_document():
    docx = sent()
    out = parts(docx)
    record = next(
        name
        for name, data in out.items()
        if name.startswith("customXml/item") and etree.fromstring(data).tag == f"{{{NOAI}}}record"
    )
    props = record.replace("item", "itemProps")
    assert props in out
    assert f'Target="../{record}"'.encode() in out["word/_rels/document.xml.rels"]
    assert f'PartName="/{props}"'.encode() in out["[Content_Types].xml"]
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(etree.fromstring(out[props])), schema.error_log
    assert NOAI.encode() in out[props]
    assert validate_docx(docx, all_parts=True).valid


def test_the_record_lists_every_applied_edit_with_clause_protection_ids_and_texts():
    result = engine.redline(EXAMPLE.read_bytes(), author=US, date=SENT_ON)
    (round_,) = read_rounds(read_package(result.docx))
    assert (round_.number, round_.author, round_.date) == (1, US, "2026-01-10T09:00:00Z")
    assert [p.id for p in round_.proposals] == result.write.applied
    no_ai = next(p for p in round_.proposals if p.clause == "no-ai-training")
    assert no_ai.protection == "no_ai_restriction" and no_ai.variant == "standard"
    assert no_ai.revision_ids and no_ai.comment_ids and no_ai.comment
    assert any("shall not" in t for t in no_ai.texts)
    ids = [i for p in round_.proposals for i in p.revision_ids]
    assert len(ids) == len(set(ids))


def test_the_same_redline_gives_the_same_record_bytes():
    again = engine.redline(EXAMPLE.read_bytes(), author=US, date=SENT_ON).docx
    assert again == sent()


def test_a_second_redline_appends_its_round_to_the_same_record():
    returned = Reply(sent()).reject(ids=record_ids(sent(), *_edits_of("no-ai-training"))).bytes()
    second = engine.redline(returned, author=US, date=datetime(2026, 2, 10))
    rounds = read_rounds(read_package(second.docx))
    assert [r.number for r in rounds] == [1, 2]
    assert "no-ai-training" in {p.clause for p in rounds[1].proposals}
    records = [
        n
        for n, d in parts(second.docx).items()
        if n.startswith("customXml/item") and NOAI.encode() in d and not n.startswith("customXml/itemProps")
    ]
    assert len(records) == 1
    assert validate_docx(second.docx, all_parts=True).valid


def _edits_of(clause: str) -> list[str]:
    (round_,) = read_rounds(read_package(sent()))
    return [p.id for p in round_.proposals if p.clause == clause]


# -- statuses ---------------------------------------------------------------------------------------


def test_our_own_redline_audits_as_proposed_with_every_proposal_pending():
    result = audit(sent())
    assert statuses(result)["no_ai_restriction"] == "proposed"
    assert set(outcomes(result).values()) == {"pending"}
    assert result.negotiation.source == "record" and result.negotiation.round == 1


def test_a_definition_or_an_exclusion_alone_is_not_a_restriction():
    # accept only the purpose fix ("excluding any Prohibited AI Use") and reject every clause
    reply = Reply(sent()).reject(ids=record_ids(sent(), *_edits_of("no-ai-training"), *_edits_of("scope-limitation")))
    result = audit(reply.accept().bytes())
    assert "excluding any Prohibited AI Use" in " ".join(p.text for p in result.paragraphs)
    assert statuses(result)["no_ai_restriction"] == "removed"


def test_a_rejected_no_ai_clause_is_removed_and_the_grade_is_no_better_than_before():
    ours = [*_edits_of("no-ai-training"), *_edits_of("scope-limitation")]
    returned = Reply(sent()).reject(ids=record_ids(sent(), *ours)).accept().delete_comments(US).bytes()
    result = audit(returned)
    assert statuses(result)["no_ai_restriction"] == "removed"
    assert all(outcomes(result)[e] == "rejected" for e in ours)
    assert result.score.grade not in ("A", "B")
    assert outcomes(result)[_edits_of("retained-materials")[0]] == "accepted"


def test_the_other_sides_pending_deletion_of_our_whole_clause_is_struck():
    clause = next(p for p in read_rounds(read_package(sent()))[0].proposals if p.clause == "no-ai-training")
    reply = Reply(sent())
    for text in clause.texts:
        reply.strike_paragraph(text[:30])
    result = audit(reply.bytes())
    assert statuses(result)["no_ai_restriction"] == "struck"
    outcome = by_clause(result, "no-ai-training")
    assert (outcome.state, outcome.tracked) == ("rejected", True)
    assert COUNSEL in outcome.by


def test_a_tracked_deletion_inside_our_insertion_is_a_modification_named_by_author_and_place():
    result = audit(Reply(sent()).strike(TRAINING_LIMB).bytes())
    outcome = next(o for o in result.negotiation.outcomes if any(TRAINING_LIMB in t for t in o.proposal.texts))
    assert (outcome.status, outcome.tracked) == ("modified", True)
    assert ("delete", TRAINING_LIMB) in outcome.diff
    change = next(c for c in result.negotiation.changes if c.action == "deleted")
    assert change.author == COUNSEL and change.date == "2026-02-03T09:30:00Z"
    assert change.summary.startswith(f"{COUNSEL} deleted '{TRAINING_LIMB}' from ")
    assert statuses(result)["no_ai_restriction"] == "weakened"
    assert "fine-tuning" in result.protection("no_ai_restriction").detail


def test_accepted_then_a_limb_deleted_cleanly_is_weakened_from_the_record_the_previous_file_or_both():
    accepted_then_edited = Reply(sent()).accept().edit(TRAINING_LIMB, "to improve").bytes()
    without_record = Reply(accepted_then_edited).remove_record().bytes()
    for returned, previous, source in (
        (accepted_then_edited, None, "record"),
        (without_record, sent(), "previous"),
        (accepted_then_edited, sent(), "both"),
    ):
        result = audit(returned, previous)
        assert result.negotiation.source == source
        assert statuses(result)["no_ai_restriction"] == "weakened", source
        assert by_clause(result, "no-ai-training").status == "accepted"
        modified = [o for o in result.negotiation.outcomes if o.status == "modified"]
        assert len(modified) == 1 and not modified[0].tracked
    assert any(
        "untracked" in c.summary and "fine-tune" in c.text + c.summary
        for c in audit(without_record, sent()).negotiation.changes
    )


def test_without_record_or_previous_there_is_no_negotiation_section():
    returned = Reply(sent()).accept().remove_record().bytes()
    result = audit(returned)
    assert result.negotiation is None and "negotiation" not in result.to_dict()


def test_a_previous_file_without_record_gives_its_pending_insertions_as_the_proposals():
    bare = Reply(sent()).remove_record().bytes()
    returned = Reply(bare).reject(ids=record_ids(sent(), *_edits_of("no-ai-training"))).accept().bytes()
    result = audit(returned, bare)
    assert result.negotiation.source == "previous"
    states = set(outcomes(result).values())
    # without a record adjacent insertions of two edits read as one proposal: rejected in part, it is modified
    assert "accepted" in states and states & {"rejected", "modified"}
    covenant = next(
        o for o in result.negotiation.outcomes if any("shall not, and shall not permit" in t for t in o.proposal.texts)
    )
    assert covenant.state in ("rejected", "modified") and not covenant.proposal.clause


def test_a_reply_in_our_comment_thread_counters_the_proposal():
    reply = "We cannot accept this: our vendors need the material."
    clause = next(p for p in read_rounds(read_package(sent()))[0].proposals if p.clause == "no-ai-training")
    returned = Reply(sent()).reply_to(clause.comment.splitlines()[0][:60], reply).bytes()
    result = audit(returned)
    outcome = by_clause(result, "no-ai-training")
    assert (outcome.status, outcome.state) == ("countered", "pending")
    assert [(c.author, c.text) for c in outcome.replies] == [(COUNSEL, reply)]
    assert validate_docx(returned).valid


def test_a_resolved_comment_of_ours_is_accepted_and_a_deleted_one_rejected():
    comments = [p for p in read_rounds(read_package(sent()))[0].proposals if p.op == "comment"]
    first, second = comments[0], comments[1]
    returned = Reply(sent()).resolve(first.comment.splitlines()[0][:50]).bytes()
    assert outcomes(audit(returned))[first.id] == "accepted"
    gone = Reply(sent()).delete_comments(US).bytes()
    assert outcomes(audit(gone))[second.id] == "rejected"


def test_a_deleted_definition_still_used_is_dangling_and_weakens_what_relies_on_it():
    returned = Reply(sent()).accept().delete_paragraph("“Prohibited AI Use” means").bytes()
    result = audit(returned)
    assert "Prohibited AI Use" in [t for t, _ in result.negotiation.dangling]
    assert statuses(result)["no_ai_restriction"] == "weakened"
    assert "Prohibited AI Use" in result.protection("no_ai_restriction").detail
    (finding,) = [f for f in result.findings if f.kind == "dangling_defined_term"]
    assert (finding.phrase, finding.severity) == ("Prohibited AI Use", "medium")
    assert finding.paragraph_text[finding.phrase_start : finding.phrase_end] == "Prohibited AI Use"
    assert any("no longer defined" in why for _points, why in result.score.reasons)
    assert schemas.problems("audit", result.to_dict()) == []


# -- the JSON and the CLI --------------------------------------------------------------------------------


def test_the_negotiation_section_is_in_the_audit_json_and_valid_against_its_schema():
    clause = next(p for p in read_rounds(read_package(sent()))[0].proposals if p.clause == "no-ai-training")
    returned = Reply(sent()).strike(TRAINING_LIMB).reply_to(clause.comment.splitlines()[0][:60], "No.").bytes()
    data = audit(returned, sent()).to_dict()
    assert schemas.problems("audit", data) == []
    section = data["negotiation"]
    assert section["source"] == "both" and section["counts"]["countered"] >= 1
    assert {p["status"] for p in section["proposals"]} >= {"modified", "countered"}
    bad = json.loads(json.dumps(data))
    bad["negotiation"]["proposals"][0]["status"] = "maybe"
    assert schemas.problems("audit", bad)


def test_the_cli_audits_a_reply_against_the_document_we_sent(tmp_path):
    sent_path, returned_path = tmp_path / "sent.docx", tmp_path / "returned.docx"
    sent_path.write_bytes(sent())
    returned_path.write_bytes(Reply(sent()).accept().strike("The Client shall not sublicense").remove_record().bytes())
    run = subprocess.run(
        [sys.executable, "-m", "noai.cli", "audit", str(returned_path), "--previous", str(sent_path), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["negotiation"]["source"] == "previous"
    assert any(
        c["summary"].startswith(f"{COUNSEL} deleted 'The Client shall not sublicense'")
        for c in data["negotiation"]["changes"]
    )
    text = subprocess.run(
        [sys.executable, "-m", "noai.cli", "audit", str(returned_path), "--previous", str(sent_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert "Their changes to IP, licence and AI terms" in text.stdout


# -- corpus contracts -------------------------------------------------------------------------------------

CORPUS_CASES = [
    "cp-professional-services-agreement.docx",
    "cp-independent-contractor-agreement.docx",
    "oa-confidentiality-invention-assignment.docx",
]


@pytest.mark.parametrize("name", CORPUS_CASES)
def test_on_corpus_contracts_accept_all_accepts_every_proposal_and_reject_all_rejects_every_insertion(name):
    ours = sent(CORPUS / name)
    accepted = audit(Reply(ours).accept().bytes())
    assert set(outcomes(accepted).values()) <= {"accepted", "pending"}  # comments stay pending
    assert all(o.status == "accepted" for o in accepted.negotiation.outcomes if o.proposal.op != "comment")
    assert statuses(accepted)["no_ai_restriction"] == "present"
    rejected = audit(Reply(ours).reject().delete_comments(US).bytes())
    assert set(outcomes(rejected).values()) == {"rejected"}
    assert statuses(rejected)["no_ai_restriction"] == "removed"
    assert rejected.score.risk >= accepted.score.risk


# -- the next round ------------------------------------------------------------------------------------------

MS_DOCX = ROOT / "tests" / "data" / "xsd" / "ms-docx"
NEXT_ON = datetime(2026, 2, 10, 9, 0)


def _no_ai_clause():
    return next(p for p in read_rounds(read_package(sent()))[0].proposals if p.clause == "no-ai-training")


def _round_two(returned: bytes, variant: str, previous: bytes | None = None):
    return engine.redline(returned, author=US, date=NEXT_ON, options=engine.Options(variant=variant), previous=previous)


def _validate_threads(docx: bytes) -> None:
    out = parts(docx)
    for name, xsd in (
        ("word/commentsExtended.xml", "wml-2012-threads.xsd"),
        ("word/people.xml", "wml-2012-threads.xsd"),
        ("word/commentsIds.xml", "wml-cid.xsd"),
    ):
        root = etree.fromstring(out[name])
        root.attrib.pop("{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable", None)
        schema = etree.XMLSchema(etree.parse(str(MS_DOCX / xsd)))
        assert schema.validate(root), (name, schema.error_log)
    rels = out["word/_rels/document.xml.rels"]
    for target in (b"commentsExtended.xml", b"people.xml", b"commentsIds.xml"):
        assert b'Target="' + target in rels
        assert b"/word/" + target in out["[Content_Types].xml"]


# strict reinstates the clause as they rejected it (round one's rung and words, never its own wider ones)
@pytest.mark.parametrize("variant, clause_variant", [("strict", "as sent"), ("standard", "minimal")])
def test_a_rejected_no_ai_clause_is_reinstated_when_strict_and_falls_back_one_rung_when_standard(
    variant, clause_variant
):
    returned = Reply(sent()).reject(ids=record_ids(sent(), _no_ai_clause().id)).accept().bytes()
    second = _round_two(returned, variant)
    inserted = [e for e in second.plan.edits if e.clause == "no-ai-training"]
    assert [e.variant for e in inserted] == [_no_ai_clause().variant if clause_variant == "as sent" else clause_variant]
    assert not [e for e in second.plan.edits if e.op == "comment"]  # our comments were given in round 1
    assert validate_docx(second.docx, all_parts=True).valid
    after = audit(second.docx)
    assert statuses(after)["no_ai_restriction"] == "proposed" and after.negotiation.round == 2


def test_a_rejected_no_ai_clause_is_accepted_when_the_playbook_is_minimal():
    returned = Reply(sent()).reject(ids=record_ids(sent(), _no_ai_clause().id)).accept().bytes()
    second = _round_two(returned, "minimal")
    assert not [e for e in second.plan.edits if e.clause == "no-ai-training"]
    assert any("Accepted the other side's change" in n for n in second.plan.notes)


def test_what_was_accepted_or_is_pending_is_never_proposed_again():
    for returned in (Reply(sent()).accept().bytes(), sent()):
        second = _round_two(returned, "standard")
        assert second.plan.edits == ()


def test_a_reply_in_our_thread_is_answered_in_that_thread_and_accepted_threads_are_resolved():
    clause = _no_ai_clause()
    returned = (
        Reply(sent())
        .reply_to(clause.comment.splitlines()[0][:60], "No AI clause, please.")
        .accept(not_author="nobody")
        .bytes()
    )
    second = _round_two(returned, "standard")
    assert len(second.write.replies) == 1 and second.write.resolved >= 1
    assert validate_docx(second.docx, all_parts=True).valid
    _validate_threads(second.docx)
    after = audit(second.docx)
    from noai.ooxml.threads import read_comments

    comments = read_comments(read_package(second.docx))
    ours = [c for c in comments if c.author == US and c.parent is not None]
    assert len(ours) == 1
    theirs = next(c for c in comments if c.author == COUNSEL)
    assert ours[0].parent == theirs.parent  # the same thread: replies point at the thread's first comment
    assert any(c.done for c in comments if c.author == US and c.parent is None)
    assert after.negotiation is not None


def test_every_foreign_revision_is_kept_in_the_next_round():
    returned = Reply(sent()).strike(TRAINING_LIMB).reject(ids=record_ids(sent(), _no_ai_clause().id)).bytes()
    second = _round_two(returned, "strict")

    def foreign(docx):
        document = etree.fromstring(parts(docx)["word/document.xml"])
        return sorted(
            etree.tostring(el)
            for el in document.iter(f"{{{W}}}del", f"{{{W}}}ins")
            if el.get(f"{{{W}}}author") == COUNSEL
        )

    assert foreign(returned) and foreign(second.docx) == foreign(returned)


def test_round_two_output_passes_libreoffice_accept_and_reject_all():
    from tests.support.lo import lo_read, require_libreoffice

    require_libreoffice()
    clause = _no_ai_clause()
    returned = (
        Reply(sent())
        .reply_to(clause.comment.splitlines()[0][:60], "No.")
        .strike(TRAINING_LIMB)
        .accept(author=US)
        .bytes()
    )
    second = _round_two(returned, "strict")
    assert second.write.replies
    (report,) = lo_read([second.docx])
    assert report["ok"] and not report["load_error"], report.get("interactions")
    assert report["redlines_left_after_accept"] == 0 and report["redlines_left_after_reject"] == 0
    assert any(c["author"] == US and ("Thank you" in c["text"] or "We need" in c["text"]) for c in report["comments"])


@pytest.mark.parametrize("how", ["strike", "edit"])
def test_a_limb_taken_out_of_our_clause_is_put_back_not_duplicated_unless_the_playbook_accepts_it(how):
    reply = Reply(sent()).accept()
    returned = (reply.strike(TRAINING_LIMB) if how == "strike" else reply.edit(TRAINING_LIMB, "to improve")).bytes()
    second = _round_two(returned, "standard")
    restore = [e for e in second.plan.edits if e.op == "replace" and "train" in (e.replacement or "")]
    assert len(restore) == 1 and "train, pre-train, fine-tune or otherwise" in restore[0].replacement
    assert schemas.problems("plan", second.plan.to_dict()) == []  # a reinstatement answers no finding: null
    assert not [e for e in second.plan.edits if e.clause == "no-ai-training"]
    assert validate_docx(second.docx, all_parts=True).valid
    text = " ".join(p.text for p in audit(second.docx).paragraphs)
    assert text.count(TRAINING_LIMB) == 1
    assert statuses(audit(second.docx))["no_ai_restriction"] == "present"
    minimal = _round_two(returned, "minimal")
    assert not [e for e in minimal.plan.edits if e.op == "replace" and "train" in (e.replacement or "")]


def test_the_protection_statuses_of_the_schema_are_those_of_noai_kinds():
    from noai.kinds import ProtectionStatus

    assert schemas.schema("audit")["$defs"]["protection"]["properties"]["status"]["enum"] == list(ProtectionStatus)


def test_redlining_our_round_two_output_again_adds_nothing():
    returned = Reply(sent()).reject(ids=record_ids(sent(), _no_ai_clause().id)).accept().bytes()
    second = _round_two(returned, "standard")
    assert second.plan.edits
    third = _round_two(second.docx, "standard")
    assert third.plan.edits == () and third.write.replies == []
    assert [r.number for r in read_rounds(read_package(third.docx))] == [1, 2]


def test_our_rejected_insertions_are_an_outcome_of_the_round_not_an_untracked_deletion_by_the_other_side():
    ours = _edits_of("no-ai-training")
    returned = Reply(sent()).reject(ids=record_ids(sent(), *ours)).accept().bytes()
    for previous in (None, sent()):  # with the document we sent beside it, too
        result = audit(returned, previous)
        assert all(outcomes(result)[e] == "rejected" for e in ours)
        untracked = [c.summary for c in result.negotiation.changes if not c.tracked]
        assert not untracked, untracked
    # an untracked deletion of a paragraph of the contract itself is still reported
    contract_text = "without notice to or consent of the Studio"
    edited = Reply(returned).edit(contract_text, "").bytes()
    changes = audit(edited, sent()).negotiation.changes
    assert any(not c.tracked and contract_text in c.summary for c in changes), [c.summary for c in changes]
