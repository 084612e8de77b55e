"""Round two after the other side rejects our strike of a permission of theirs to train AI on the work and types words
of their own into it (REVIEW22 class 4): their words are read and answered as what they are, and the comment says
what this round does, per variant. Strict strikes the permission again, their words with it, and says so (never "we
do not propose it again"); standard and minimal keep their words and make the use wait for the creator's consent
(never calling the same strike "narrower"). Their words are answered by what they narrow: the form the work is used in
("in anonymised form": still the work the model learns from) or the purpose ("solely to improve its product search":
the model keeps what it learned). Shapes: UK photography conditions of sale ("3. Larkspur may use the Images to train
its machine learning models.") with words of either kind typed in, and the platform terms of us-ai-platform-customer
(in tests/test_review_session22.py). The plan and the written .docx (Word's accept-all; LibreOffice)."""

from __future__ import annotations

import functools

import pytest
from support.lo import lo_read, require_libreoffice
from support.replies import Reply, record_ids
from test_review_session20 import NEXT_ROUND, ids_of, insert_words, new_comments
from test_review_session22 import ML_PERMISSION, conditions, unquoted
from test_review_synthetic import DATE

from noai import engine

FORM = ", in anonymised form,"  # after "the Images"
PURPOSE = " solely to improve its product search"  # after "machine learning models"
AFTER = {FORM: "use the Images", PURPOSE: "its machine learning models"}


def accepted(data: bytes) -> str:
    return "\n".join(p.text for p in engine.read(data, accepted=True).paragraphs)


@functools.cache
def sent(variant: str) -> bytes:
    return engine.redline(
        conditions(ML_PERMISSION), author="noai", date=DATE, options=engine.Options(variant=variant)
    ).docx


@functools.cache
def answered(variant: str, words: str) -> engine.Redline:
    first = sent(variant)
    back = Reply(first)
    back.reject(ids=record_ids(first, *ids_of(first, "fix-existing-ai-restriction")))
    insert_words(back, AFTER[words], words, within="Larkspur may use the Images")
    back.accept(author="noai")
    return engine.redline(back.bytes(), author="noai", date=NEXT_ROUND, options=engine.Options(variant=variant))


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_the_premise_round_one_strikes_the_permission(variant):
    assert "train its machine learning models" not in accepted(sent(variant))


@pytest.mark.parametrize("words", [FORM, PURPOSE])
def test_strict_strikes_it_again_with_their_words_and_says_so(words):
    red = answered("strict", words)
    text = accepted(red.docx)
    assert "machine learning models" not in text and words.strip(" ,") not in text
    said = new_comments(red)
    typed = words.strip(" ,")
    answer = [c for c in said if f"added “{typed}”" in c]
    assert len(answer) == 1 and "struck the words again" in answer[0], said
    assert not any("do not propose it again" in c for c in said), said
    assert any(n.startswith("This round asks for more than the last one") for n in red.plan.notes)


@pytest.mark.parametrize("variant", ["standard", "minimal"])
@pytest.mark.parametrize("words", [FORM, PURPOSE])
def test_below_strict_their_words_stay_and_the_use_waits_for_consent(variant, words):
    red = answered(variant, words)
    text = accepted(red.docx)
    typed = words.strip(" ,")
    assert typed in text and "only with Photographer's prior written consent" in text
    said = new_comments(red)
    assert any(f"added “{typed}”" in c and "consent" in c for c in said), said
    assert not any("narrower change" in c for c in said), said


@pytest.mark.parametrize(("words", "why"), [(FORM, "anonymised"), (PURPOSE, "limited that way")])
def test_their_words_are_answered_as_what_they_narrow(words, why):
    for variant in ("strict", "standard"):
        said = [unquoted(c) for c in new_comments(answered(variant, words))]
        assert any(why in c.lower() for c in said), (variant, said)


def test_libreoffice_reads_the_strike_again_and_its_comment():
    require_libreoffice()
    (read,) = lo_read([answered("strict", FORM).docx])
    assert "machine learning models" not in "\n".join(read["accepted_paragraphs"])
    assert "machine learning models" in "\n".join(read["rejected_paragraphs"])  # rejecting ours leaves theirs
    assert any("added “in anonymised form”" in c["text"] for c in read["comments"])
    assert read["redlines_left_after_accept"] == 0 and read["redlines_left_after_reject"] == 0
