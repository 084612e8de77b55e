"""Their words typed into our covenant are quoted as they typed them (REVIEW23 item 12's tail): minimal's "We accept
your addition of “except as Article 4.3 permits.” …" carried the sentence's closing full stop into the quotation and
the plan's note. Two shapes: the licence laid out in Articles and a US work-for-hire agreement, each with an exception
typed at the end of our covenant's sentence in round two; plan (comments, notes) and the written .docx's comments."""

from __future__ import annotations

import functools

import pytest
from support.replies import Reply, _q
from test_review_session20 import COVENANT, NEXT_ROUND, insert_words, new_comments
from test_review_synthetic import redline

from noai import engine

TYPED = {"licence-articles": ", except as Article 4.3 permits", "us-work-for-hire": ", except as Section 9 permits"}


@functools.cache
def round_two(name: str, variant: str) -> engine.Redline:
    back = Reply(redline(name, variant).docx)
    within = next(s for s in COVENANT if any(t.text and s in t.text for t in back.doc.iter(_q("w:t"))))
    insert_words(back, "Prohibited AI Use", TYPED[name], within)
    back.accept(author="noai")
    return engine.redline(back.bytes(), author="noai", date=NEXT_ROUND, options=engine.Options(variant=variant))


@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
@pytest.mark.parametrize("name", sorted(TYPED))
def test_their_typed_words_are_quoted_without_the_sentences_full_stop(name, variant):
    red = round_two(name, variant)
    words = TYPED[name].strip(", ")
    said = [*new_comments(red), *(str(n) for n in red.plan.notes)]
    assert any(f"“{words}”" in s for s in said), said  # quoted, and answered
    assert not any(f"“{words}.”" in s for s in said), said
