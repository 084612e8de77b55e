"""Round two's comments (REVIEW15 defects 1, 2, 3): a comment of ours that round two withdraws or changes is
superseded in its own thread ("Superseded: …") and resolved, one "Our approach" comment is current, no two comments
of ours say the same thing, and a round that asks for more than the last says so to the other side and warns the
user (the plan's note, the CLI's stderr, the API's ``X-Noai-Escalates``).

Two contracts of different shapes (from :mod:`test_round_two_fall_back`): ie-narration (an Irish narration licence,
typed numbers, strict round one, three fixes rejected) and us-game-art (a US work-for-hire art contract, Word
numbering, standard round one, the training strike rejected).
"""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path

import pytest
from support.lo import LO_REVISIONS, needs_lo
from support.replies import Reply, record_ids
from test_review_synthetic import facts, redline
from test_round_two_fall_back import (
    GAME,
    NEXT_ROUND,
    REJECTED,
    VOICE,
    accepted,
    indemnity_put_back,
    round_two,
    round_two_strict_voice,
)

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.threads import Comment, read_comments

APPROACH, LEFT = "Our approach:", "We leave this wording unchanged"


def ours(red: engine.Redline) -> list[Comment]:
    return [c for c in read_comments(read_package(red.docx)) if c.author == "noai"]


def roots(red: engine.Redline) -> list[Comment]:
    return [c for c in ours(red) if c.parent is None]


def replies(red: engine.Redline, root: Comment) -> list[str]:
    return [c.text for c in ours(red) if c.parent == root.id]


SECOND_ROUNDS = {  # (contract, round one, round two) -> round two
    (GAME, "standard", "strict"): lambda: round_two(GAME, "standard", "strict"),
    (GAME, "standard", "standard"): lambda: round_two(GAME, "standard", "standard"),
    (VOICE, "strict", "standard"): lambda: round_two_strict_voice("standard"),
    (VOICE, "strict", "strict"): lambda: round_two_strict_voice("strict"),
}


@pytest.mark.parametrize("key", list(SECOND_ROUNDS), ids="-".join)
def test_round_two_leaves_exactly_one_current_approach_and_supersedes_the_last_in_its_thread(key):
    second = SECOND_ROUNDS[key]()
    approaches = [c for c in roots(second) if c.text.startswith(APPROACH)]
    # current: not superseded (a last round's approach that still holds may stand resolved with its clause)
    current = [c for c in approaches if not any(t.startswith("Superseded:") for t in replies(second, c))]
    assert len(current) == 1, [c.text[:120] for c in approaches]
    assert all(c.done for c in approaches if c is not current[0])
    assert "we leave that transfer unchanged" not in current[0].text or key[2] != "strict", current[0].text


def test_the_approach_of_a_round_that_drops_a_rejected_payment_condition_no_longer_proposes_it():
    second = round_two_strict_voice("standard")
    (current,) = [c for c in roots(second) if c.text.startswith(APPROACH) and not c.done]
    assert "pass only on payment" not in current.text and "we leave that transfer unchanged" in current.text


def test_a_round_that_inserts_nothing_supersedes_the_last_approach_in_part_naming_what_it_withdraws():
    second = round_two_strict_voice("minimal")
    (old,) = [c for c in roots(second) if c.text.startswith(APPROACH)]
    (said,) = replies(second, old)
    assert said.startswith("Superseded in part: you did not accept") and "our change to “assigns”" in said, said
    assert "We do not propose them again as they were." in said


def test_wording_we_left_unchanged_and_now_change_has_its_old_comment_superseded():
    second = round_two(GAME, "standard", "strict")
    changed = [e.find for e in second.plan.edits if e.op == "replace" and "works made for hire" in (e.find or "")]
    assert changed, "strict round two changes the work-for-hire words"
    standing = [c for c in roots(second) if LEFT in c.text and not c.done]
    assert not standing, [c.text[:100] for c in standing]
    old = [c for c in roots(second) if LEFT in c.text]
    assert old and all(any(t.startswith("Superseded:") for t in replies(second, c)) for c in old)


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_one_comment_of_ours_says_we_leave_the_transfer_wording_unchanged(variant):
    second = round_two(GAME, "standard", variant)
    left = [c.text for c in roots(second) if LEFT in c.text and not c.done]
    assert len(left) == 1, left


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_a_rejected_change_not_put_back_is_superseded_in_its_own_thread(variant):
    second = round_two(GAME, "standard", variant)
    (old,) = [c for c in roots(second) if c.text.startswith("This change strikes") and REJECTED[GAME][1] in c.text]
    assert old.done and any(t.startswith("Superseded:") for t in replies(second, old)), replies(second, old)


@functools.cache
def voice_thread(variant: str) -> engine.Redline:
    """ie-narration standard round one; counsel rejects the 4.3 fix and replies in its thread."""
    sent = redline(VOICE, "standard").docx
    props = [p for p in read_rounds(read_package(sent))[0].proposals if p.clause == REJECTED[VOICE][0]]
    said = next(p.comment for p in props if p.comment)
    back = Reply(sent).reject(ids=record_ids(sent, *[p.id for p in props if p.op == "replace"]))
    back = back.reply_to(said.splitlines()[0][:60], "We need synthetic pick-ups for errata; not a session each time.")
    options = engine.Options(variant=variant, we=facts(VOICE).creator[0])
    return engine.redline(back.accept().bytes(), author="noai", date=NEXT_ROUND, options=options)


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_the_fall_back_is_said_once_in_their_thread_never_again_in_a_comment_beside_it(variant):
    second = voice_thread(variant)
    (fix,) = [e for e in second.plan.edits if e.clause == REJECTED[VOICE][0]]
    assert fix.op == "replace" and fix.comment is None, fix  # the thread says what it does
    assert not [c for c in roots(second) if c.text.startswith("You did not accept our change")]
    (thread,) = [c for c in roots(second) if c.text.startswith("This change strikes the digital means")]
    (answer,) = replies(second, thread)
    assert "asks less" in answer and "prior written approval" in answer, answer


def test_strict_round_two_says_in_its_thread_that_it_struck_the_rejected_words_again():
    second = round_two(GAME, "standard", "strict")
    (old,) = [c for c in roots(second) if c.text.startswith("This change strikes") and REJECTED[GAME][1] in c.text]
    (answer,) = replies(second, old)
    assert answer.startswith("We cannot agree to") and "struck the words again" in answer and not old.done


def test_strict_round_two_tells_the_other_side_and_the_user_that_it_asks_for_more_than_the_last():
    second = round_two(GAME, "standard", "strict")
    (current,) = [c for c in roots(second) if c.text.startswith(APPROACH) and not c.done]
    assert "We cannot agree to “including to train, fine-tune and test" in current.text, current.text
    assert "and have struck the words again." in current.text, current.text
    assert "We also ask for what our last round did not: our “Indemnity" in current.text, current.text
    assert "changes to “works made for hire”, “" in current.text, current.text  # their words, quoted together
    warned = engine.escalations(second.plan)
    assert len(warned) == 2 and all(w.startswith("This round asks for more than the last one:") for w in warned)
    assert "which the other side kept" in warned[0] and "you" not in " ".join(warned).split(), warned


def test_strict_round_two_says_it_puts_back_the_clauses_and_changes_they_rejected():
    second = round_two_strict_voice("strict")
    (current,) = [c for c in roots(second) if c.text.startswith(APPROACH) and not c.done]
    said = "We have put back our “Indemnity for Prohibited AI Use, outside the liability cap” clause and our change to "
    assert said + "“assigns”, which you did not accept." in current.text, current.text
    assert "We cannot agree to “by digital or any other means”, and have struck the words again." in current.text
    assert any("it puts back our “Indemnity" in w for w in engine.escalations(second.plan))


def test_a_lower_round_two_warns_of_no_escalation():
    for second in (round_two(GAME, "standard", "standard"), round_two_strict_voice("standard")):
        assert engine.escalations(second.plan) == [], second.plan.notes


def test_a_clause_put_back_whose_thread_went_with_the_rejection_says_it_is_put_back():
    second = indemnity_put_back(VOICE)
    (clause,) = [e for e in second.plan.edits if e.op == "insert_after" and e.clause == "ai-indemnity"]
    said = clause.comment or ""
    assert "We have put back our “Indemnity" in said and "which you did not accept" in said, said
    assert "Why this clause:" in said  # and why, once
    assert said.count("We have put back") == 1


def test_a_rejected_change_put_back_whose_comment_went_with_it_says_so_in_a_new_comment():
    second = round_two_strict_voice("strict")
    fix = [e for e in second.plan.edits if e.clause == "fix-ip-assignment" and e.comment]
    assert len(fix) == 1 and (fix[0].comment or "").startswith("We cannot agree to the wording as it stood"), fix
    assert any("shall, upon payment in full" in t for t in accepted(second))


def test_the_cli_warns_on_stderr_when_round_two_escalates(tmp_path, capsys):
    from test_round_two_fall_back import returned

    from noai.cli import main

    src = tmp_path / "reply.docx"
    src.write_bytes(returned(GAME, "standard"))
    code = main(["redline", str(src), "-o", str(tmp_path / "r2.docx"), "--variant", "strict", "--we", "Contractor"])
    err = capsys.readouterr().err
    assert code == 0 and "warning: reply.docx: This round asks for more than the last one" in err, err
    code = main(["redline", str(src), "-o", str(tmp_path / "r2s.docx"), "--variant", "standard", "--we", "Contractor"])
    assert code == 0 and "warning" not in capsys.readouterr().err


@needs_lo
def test_libreoffice_reads_the_superseded_replies_and_one_current_approach(tmp_path):
    out = tmp_path / "r2.docx"
    out.write_bytes(round_two(GAME, "standard", "strict").docx)
    probe = Path(__file__).parent / "support" / "lo_resolved.py"  # lo_revisions, with LibreOffice's resolved flag
    run = subprocess.run(
        ["/usr/bin/python3", str(probe), str(LO_REVISIONS.parent), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    seen = json.loads(run.stdout)
    assert seen["ok"] and not seen["redlines_left_after_accept"], seen.get("load_error")
    texts = [c["text"] for c in seen["comments"]]
    assert sum(t.startswith("Superseded:") for t in texts) >= 2, texts
    assert any(t.startswith("We cannot agree to") for t in texts)
    approaches = [c for c in seen["comments"] if c["text"].startswith(APPROACH)]
    assert sorted(c["resolved"] for c in approaches) == [False, True], approaches  # the last resolved, this round's not
    left = [c for c in seen["comments"] if LEFT in c["text"]]
    assert left and all(c["resolved"] for c in left), left  # we no longer leave that wording unchanged
