"""REVIEW23 round-two defects 2 and 13: our replies in round two say only what is true of the document they go
with, and name what they speak of.

(2) A reply "Superseded: this comment relied on our restriction on AI use, which you did not accept …" went on a
comment of ours while the restriction was accepted and stood, whenever they had replied in the thread of another
change they rejected (the flag "covenant gone" was overwritten by "this thread's comment no longer stands").
(13) The reply on a rejected change we do not propose again said "you did not accept this change": read on its own,
in a thread list, it must say which change.

Shapes: us-voice-likeness (they reject our replica change and state their need there) and a podcast presenter
agreement written in tests/test_review_session19.py (the same reply on another contract); us-work-for-hire and
uk-picture-book with a clause of ours deleted (tests/test_review_session20.py).
"""

from __future__ import annotations

import pytest
import test_review_session19 as s19
import test_review_session20 as s20

from noai.ooxml.package import read_package
from noai.ooxml.threads import read_comments

RELIED = "relied on our restriction on AI use"


def our_replies(docx: bytes) -> list[str]:
    return [c.text for c in read_comments(read_package(docx)) if c.author == "noai" and c.parent is not None]


def covenant_stands(red) -> bool:
    """Our AI restriction is in the accepted text of the round-two document."""
    texts = s19.written(red.docx)
    return any("Prohibited AI Use" in t and "shall not" in t for t in texts)


@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
@pytest.mark.parametrize("name", (s19.VOICE, "replica-podcast"))
def test_no_reply_says_our_restriction_is_gone_while_it_stands(name, variant):
    red = s19.round_two(name, variant)
    assert covenant_stands(red)  # they accepted it: it stands
    said = our_replies(red.docx)
    assert said  # the round does reply (in the thread of the rejected change)
    assert not any(RELIED in t for t in said), said


def test_the_reply_still_goes_where_the_restriction_is_gone():
    """The reply is right where they rejected our covenant and we do not propose it again (minimal)."""
    red = s20.round_two(s20.HIRE, "minimal", "reject")
    assert any(RELIED in t for t in our_replies(red.docx)), our_replies(red.docx)


@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
@pytest.mark.parametrize("name", (s20.HIRE, s20.BOOK))
def test_a_withdrawn_change_is_named_in_its_reply(name, variant):
    red = s20.round_two(name, variant, "untracked")
    said = [t for t in our_replies(red.docx) if t.startswith("Superseded: you did not accept")]
    assert said, our_replies(red.docx)
    assert not any("this change" in t for t in said), said
    assert all("“Style, voice and likeness”" in t for t in said), said


# ------------------------------------------------------------------------------------------------
# (7) Minimal accepts the rejection of our covenant and strikes their own AI clause: the strike's reason stands on its
# own, never "against the restriction on Prohibited AI Use" that this round lets go. And the struck sentence is
# quoted (its placeholder once shared a mark with the plural verbs' and came out as "“”").


@pytest.mark.parametrize("name", s20.NAMES)
def test_a_strike_in_the_round_that_lets_the_restriction_go_gives_its_own_reason(name):
    red = s20.round_two(name, "minimal", "own-clause")
    planned = [e.comment or "" for e in red.plan.edits if "train AI" in (e.comment or "")]
    written = [c for c in s20.new_comments(red) if "train AI" in c]
    assert planned and written, (planned, written)
    for said in (*planned, *written):
        assert "Prohibited AI Use" not in said, said
        assert "“”" not in said and "internal artificial intelligence tools" in said, said  # their sentence, quoted
    assert not any("shall not engage in any Prohibited AI Use" in t for t in s19.written(red.docx))  # it went


@pytest.mark.parametrize("name", (s20.HIRE, s20.BOOK))
def test_where_the_restriction_comes_back_the_strike_still_cites_it(name):
    red = s20.round_two(name, "standard", "own-clause")  # standard falls back to a narrower covenant
    said = [c for c in s20.new_comments(red) if "train AI" in c]
    assert said and all("restriction on Prohibited AI Use" in c and "“”" not in c for c in said), said


@pytest.mark.parametrize("agreement", ("this Agreement", "these Terms"))
def test_a_struck_sentence_is_quoted_in_its_comment(agreement):
    from noai.library import load_library
    from noai.library.render import render_sentence_fix

    fix = next(f for f in load_library().fixes if f.id == "fix-existing-ai-restriction")
    sentence = "Provider may use the Designs to train its machine learning models."
    terms = {"client": "Provider", "deliverables": "the Designs", "agreement": agreement}
    for variant in ("strict", "standard", "minimal"):
        said = render_sentence_fix(fix, variant, sentence, terms)
        assert (
            said is not None and "“Provider may use the Designs to train its machine learning models”" in said.comment
        )


# ------------------------------------------------------------------------------------------------
# (10) Standard's fall-back covenant after they reject ours came with no word saying what it is: a narrower clause
# offered in place of the one they rejected. The comment on it and the note to the user say so.

NARROWER = "In its place we propose a narrower clause"


def fall_back_said(red) -> tuple[list[str], list[str], list[str]]:
    """The plan's comments on the covenant, the notes, and the document's new comments saying it is narrower."""
    planned = [e.comment or "" for e in red.plan.edits if e.clause == "no-ai-training" and e.op == "insert_after"]
    return planned, list(red.plan.notes), [c for c in s20.new_comments(red) if NARROWER in c]


@pytest.mark.parametrize("name", s20.NAMES)
def test_the_fall_back_covenant_says_it_is_narrower_and_in_place_of_the_rejected_one(name):
    red = s20.round_two(name, "standard", "reject")
    planned, notes, written = fall_back_said(red)
    assert planned and all(e.variant == "minimal" for e in red.plan.edits if e.clause == "no-ai-training")
    assert any(NARROWER in c and "did not accept our “No AI training" in c for c in planned), planned
    assert any(n.startswith("Offered a narrower clause") for n in notes), notes
    assert written, s20.new_comments(red)
    assert all(c.count("Our approach:") <= 1 for c in s20.new_comments(red)), s20.new_comments(red)


def test_the_fall_back_covenant_on_the_platform_says_it_is_narrower():
    import test_review_session22 as s22

    red = s22.round_two(s22.PLATFORM, "standard", "reject")
    planned, notes, written = fall_back_said(red)
    assert any(NARROWER in c for c in planned), planned
    assert any(n.startswith("Offered a narrower clause") for n in notes), notes
    assert written


@pytest.mark.parametrize("variant", ("strict", "minimal"))
def test_no_narrower_clause_is_claimed_where_none_is_offered(variant):
    red = s20.round_two(s20.HIRE, variant, "reject")  # strict puts ours back; minimal accepts the rejection
    planned, notes, written = fall_back_said(red)
    assert not any(NARROWER in c for c in planned) and not written
    assert not any(n.startswith("Offered a narrower clause") for n in notes), notes


# ------------------------------------------------------------------------------------------------
# (3) Round two answering their rejection of our strike of a training permission: whatever it does with the
# permission (strikes it again, or confines it to the creator's consent), no clause is left citing a clause that
# reads "[Intentionally deleted]", and every note that names words of a change names words the plan changes.
# Shapes: the platform (--we Customer; 5.2 "except as Section 3.3 permits") and UK conditions of sale (5. "except for
# the use allowed by condition 3"); a plain rejection, and the platform's rejection with their words typed in.


def rejected_strike(shape: str, variant: str):
    """Round two, and the reply it answers."""
    import test_review_session22 as s22
    from support.replies import Reply, record_ids

    from noai import engine

    if shape == "platform-typed":
        return s22.round_two(s22.PLATFORM, variant, "typed"), s22.returned(s22.PLATFORM, variant, "typed")
    first = s22.redline(s22.PLATFORM, variant) if shape == "platform" else s22.other("ml", variant)
    sent = first.docx
    back = Reply(sent).reject(ids=record_ids(sent, *s20.ids_of(sent, "fix-existing-ai-restriction"))).accept().bytes()
    options = engine.Options(variant=variant, we="Customer" if shape == "platform" else None)
    return engine.redline(back, author="noai", date=s20.NEXT_ROUND, options=options), back


def cites_deleted(texts: list[str]) -> list[str]:
    """Paragraphs citing by number ("Section 3.3", "condition 3") a clause that reads "[Intentionally deleted]"."""
    import re

    gone = [m.group(1) for t in texts if (m := re.match(r"(\d+(?:\.\d+)*)\.?\s+\[Intentionally deleted\]", t))]
    return [
        t
        for t in texts
        for n in gone
        if re.search(rf"\b(?:Section|Clause|clause|condition|paragraph)\s+{re.escape(n)}(?![\d.]\d)", t)
    ]


@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
@pytest.mark.parametrize("shape", ("platform", "platform-typed", "conditions"))
def test_a_permission_struck_again_or_confined_leaves_no_citation_of_a_deleted_clause(shape, variant):
    from noai import engine

    red, reply = rejected_strike(shape, variant)
    texts = s19.written(red.docx)
    assert not cites_deleted(texts), cites_deleted(texts)
    theirs = [p.text for p in engine.read(reply).paragraphs]  # the paragraphs the plan's indexes refer to
    changed = " ".join(theirs[e.index] for e in red.plan.edits if e.op == "replace" and e.index is not None)
    for note in red.plan.notes:  # a note naming the words it proposes a change to: words the plan changes
        if note.startswith("Proposed"):
            quoted = note.split("“", 1)[1].split("”", 1)[0] if "“" in note else note.split('"')[1]
            assert quoted.strip(" ,.")[:60] in changed, (note, changed)


def test_the_citation_check_finds_a_citation_of_a_deleted_clause():
    texts = ["3.3 [Intentionally deleted]", "5.2 Canvasly will delete the Inputs, except as Section 3.3 permits."]
    assert cites_deleted(texts) == texts[1:]
    assert not cites_deleted(["3. [Intentionally deleted]", "5. Remove them, except as Section 3.4 permits."])
    assert cites_deleted(["3. [Intentionally deleted]", "5. Remove them, except for the use allowed by condition 3."])
