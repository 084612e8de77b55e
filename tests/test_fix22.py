"""REVIEW21 new problems 7 (wording) in round two's answer to a stated need: the consent we draft names the use they
need, never their own aside about themselves pasted into our sentence ("…, which will include this Software once
Client owns it"); and our answer to a need for a digital replica says what the use is and what we offer, never the
self-contradictory "It is not a use of an AI tool that we can except". (Problems 4 and 5: the confined carve-out,
tests/test_round_two_their_words.py.)"""

from __future__ import annotations

import pytest
from test_review_session19 import ESCROW, VOICE, answers_to_their_need, round_two, written

from noai.analysis.negotiation import need_as_request


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        (
            "We need to fine-tune our internal coding assistant on our own code base, which will include this "
            "Software once we own it.",
            "a request by Client to fine-tune Client's internal coding assistant on Client's own code base",
        ),
        (
            "We need to train our recommendation model on the Photographs, as our customers expect better search.",
            "a request by Client to train Client's recommendation model on the Photographs",
        ),
        (
            "We need to fine-tune our model on the Copy because our editors rely on it.",
            "a request by Client to fine-tune Client's model on the Copy",
        ),
        (  # no aside: the whole need (a guard against cutting what they need)
            "We need to train our search model on the Images and their captions.",
            "a request by Client to train Client's search model on the Images and their captions",
        ),
    ],
)
def test_the_request_we_consent_to_leaves_out_their_aside(said, asked):
    assert need_as_request(said, "Client", "Client's") == asked


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_the_drafted_consent_names_the_use_not_their_reasons(variant):
    texts = [t for t in written(round_two(ESCROW, variant).docx) if "unreasonably withhold consent" in t]
    assert texts and all("once Client owns it" not in t and "which will include" not in t for t in texts), texts
    named = "fine-tune Client's internal coding assistant on Client's own code base, provided that"
    assert any(named in t for t in texts), texts


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_the_replica_answer_says_what_we_offer_without_contradicting_itself(variant):
    said = answers_to_their_need(round_two(VOICE, variant))
    assert said and not any("not a use of an AI tool" in t for t in said), said
    assert any("we offer that consent, use by use, rather than an exception" in t for t in said), said


# REVIEW21 new problem 6: minimal round two after they rejected our strike of an express training permission kept
# it standing with a comment only; the permission must not stand as it was: the use waits for the creator's consent
# in the text (as standard's fall-back), with our answer on it. Two shapes: an "including to train …" tail
# (au-software-escrow 5.3) and a whole sentence of permission (a designer's agreement).
def test_minimal_makes_a_kept_training_tail_wait_for_consent_in_the_text():
    texts = [t for t in written(round_two(ESCROW, "minimal").docx) if "fine-tune or evaluate artificial" in t]
    assert len(texts) == 1 and "including, only with Developer's prior written consent" in texts[0], texts


def test_minimal_makes_a_kept_training_permission_wait_for_consent_in_the_text():
    from test_round_two_fall_back import accepted, permission_kept

    second = permission_kept("minimal")
    line = next(t for t in accepted(second) if "machine learning models" in t)
    assert "2.2 The Client may, only with the Designer's prior written consent" in line, line
