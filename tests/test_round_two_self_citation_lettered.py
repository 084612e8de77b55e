"""A clause of ours that calls itself by a Word-lettered number ("on terms at least as protective as this Section
3(c)") keeps that number whole when round two puts it back: the letter is part of the number it cites, never read as
"3" and given its letter again ("this Section 3(c)(c)(c)", review21). Unit checks of the reading, then strict's
put-back of a rejected covenant on three contracts whose sub-clauses Word letters, plan and accepted .docx."""

from __future__ import annotations

import re

import pytest
from test_review_session20 import accepted, covenant_rejected
from test_review_synthetic import redline

from noai.analysis.facts import cited_as_itself, citing_itself_as

SELF = re.compile(r"[Tt]his (?:Section|[Cc]lause|[Pp]aragraph) (\d[\w.]*(?:\([a-z0-9]+\))*)")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("on terms at least as protective as this Section 3(c).", "3(c)"),
        ("This clause 4.11 applies to the extent permitted by law.", "4.11"),
        ("In this clause 2.1A, “AI System” means …", "2.1A"),
        ("as protective as this Section 7(d)(ii).", "7(d)(ii)"),
        ("This Section applies.", None),
    ],
)
def test_the_number_a_clause_calls_itself_by_keeps_its_letters(text, number):
    assert cited_as_itself(text) == number
    if number:
        moved = citing_itself_as(text, "9(z)")
        assert "9(z)" in moved and number not in moved.replace("9(z)", "")


@pytest.mark.parametrize("name", ("us-work-for-hire", "us-software-development", "us-purchase-order"))
def test_a_covenant_put_back_cites_its_own_lettered_number_once(name):
    sent = [
        m.group(1)
        for e in redline(name, "strict").plan.edits
        for p in e.paragraphs
        if (m := SELF.search(p.get("text", "")))
    ]
    assert sent and all(re.fullmatch(r"\d+\([a-z]\)", n) for n in sent), sent
    red = covenant_rejected(name, "strict")
    again = [
        m.group(1)
        for e in red.plan.edits
        if e.op == "insert_after"
        for p in e.paragraphs
        if (m := SELF.search(p.get("text", "")))
    ]
    assert again and all(re.fullmatch(r"\d+\([a-z]\)", n) for n in again), again
    texts = accepted(red)
    assert not [t for t in texts if re.search(r"\([a-z]\)\([a-z]\)", t)], "a letter cited twice"
    cited = {m.group(1) for t in texts if (m := SELF.search(t)) and re.fullmatch(r"\d+\([a-z]\)", m.group(1))}
    assert cited, "the covenant put back cites itself"
