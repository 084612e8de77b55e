"""Round two's numbers where the covenant they rejected comes back (issue 15, rounds9; REVIEW20 classes 4 and 5).

(1) The clause that comes back (strict's put-back, standard's fall-back one rung down) holds our sentence citing
    our clauses ("Clauses 4.7 and 4.8 apply … and survive"). Its words were drafted for where the plan first put it
    (after the last clause of ours), then it goes back to its own place: it cites the clauses of ours where they now
    are (the clause itself at its own number, the others of ours standing), never a number no clause has.
(2) Where the contract types a one-level number ("7.") and our clauses went in as "7A." … "7F.", the clause that
    comes back goes after "7." and takes its own letter again ("7A."), before "7B.", nothing after it moving; a
    clause put back between "7C." and "7E." is "7D.".

Shapes: typed decimals before a space (uk-precedent, software-development), typed decimals with Word's lettered
lists (us-software-development), typed one-level numbers with our lettered clauses (uk-picture-book, photo-licence,
uk-translation-rights). Each asserts the plan (the clause's own text) and the written .docx as accept-all leaves it.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.replies import Reply, record_ids
from test_review_synthetic import facts, redline

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.renumber import renumber

NEXT_ROUND = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CITED = r"\d+[A-Z]?(?:\.\d+[A-Z]?)*(?:\([a-z]+\))?"
APPLYING = re.compile(rf"\b(?:[Cc]lause|Section|[Pp]aragraph)s ((?:{CITED})(?:(?:, | and | to )(?:{CITED}))*) appl")


@functools.cache
def covenant_back(name: str, first: str, then: str, clause: str = "no-ai-training") -> engine.Redline:
    sent = redline(name, first).docx
    ids = [q.id for q in read_rounds(read_package(sent))[0].proposals if q.clause == clause]
    back = Reply(sent).reject(ids=record_ids(sent, *ids)).accept().bytes()
    options = engine.Options(variant=then, we=facts(name).creator[0])
    return engine.redline(back, author="noai", date=NEXT_ROUND, options=options)


def numbers(texts: list[str], red: engine.Redline) -> set[str]:
    """Every clause number the accepted document has, as it cites them ("4.7", "7B", "7(d)")."""
    have = set()
    for p in engine.read(red.docx, accepted=True).paragraphs:
        for label in (p.section_label, p.label):
            if label:
                have.add(label.split()[-1].rstrip("."))
    return have


def cited(text: str) -> list[str]:
    out = []
    for m in APPLYING.finditer(text):
        for item in re.split(r", | and ", m.group(1)):
            out += item.split(" to ")
    return out


CASES = [
    ("uk-precedent", "standard", "standard"),
    ("uk-precedent", "strict", "strict"),
    ("software-development", "standard", "strict"),
    ("us-software-development", "strict", "strict"),
    ("photo-licence", "strict", "strict"),
    ("photo-licence", "standard", "standard"),
    ("uk-picture-book", "standard", "standard"),
]


@pytest.mark.parametrize(("name", "first", "then"), CASES)
def test_the_covenant_that_comes_back_cites_our_clauses_where_they_now_are(name, first, then):
    red = covenant_back(name, first, then)
    back = [e for e in red.plan.edits if e.op == "insert_after" and e.clause == "no-ai-training"]
    assert back, "the covenant does not come back"
    texts = [p.text for p in engine.read(red.docx, accepted=True).paragraphs]
    have = numbers(texts, red)
    in_plan = [n for e in back for q in e.paragraphs for n in cited(q.get("text", ""))]
    assert in_plan, [q.get("text", "")[:80] for e in back for q in e.paragraphs]
    assert set(in_plan) <= have, (in_plan, sorted(have))  # the plan's own words
    written = [n for t in texts for n in cited(t)]
    assert written and set(written) <= have, (written, sorted(have))  # and the document as accepted


@pytest.mark.parametrize(
    ("name", "variant", "own"),
    [("uk-picture-book", "strict", "7A."), ("uk-picture-book", "standard", "7A."), ("photo-licence", "strict", "5A.")],
)
def test_the_covenant_that_comes_back_after_a_typed_number_takes_its_own_letter(name, variant, own):
    red = covenant_back(name, variant, variant)
    texts = [p.text for p in engine.read(red.docx, accepted=True).paragraphs]
    at = next(i for i, t in enumerate(texts) if t.startswith(own))
    assert "Prohibited AI Use" in " ".join(texts[at : at + 3])
    letters = [m.group(1) for t in texts if (m := re.match(rf"{own[:-2]}([A-Z])\.", t))]
    assert letters == [chr(ord("A") + k) for k in range(len(letters))], letters  # each letter once, no gap
    parent = own[:-2] + "."
    assert sum(t.startswith(parent + " ") for t in texts) == 1  # the contract's own clause keeps its number alone


def test_a_clause_going_back_between_our_letters_takes_the_free_letter():
    texts = ["7. Copyright stays.", "7B. Ours.", "7C. Ours.", "8. Credit."]
    found = renumber(texts, {0: 1})
    assert found.numbers == {0: ["7A."]} and found.changes == []
    texts = ["7. Copyright stays.", "7A. Ours.", "7C. Ours.", "8. Credit."]
    found = renumber(texts, {1: 1})
    assert found.numbers == {1: ["7B."]} and found.changes == []


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_their_own_sentence_like_ours_is_not_read_as_our_clause_modified(variant):
    # ie-narration: they reject our covenant whole; its last sentence ("Clauses 4.5 to 4.7 apply … survive the
    # termination or expiry of this Agreement") is like their own 6.1 ("Clauses 4 and 5 survive the termination or
    # expiry of this Agreement."), which they did not touch: the covenant is rejected, 6.1 is left alone (never "you
    # added '6.1' to our clause", never "Clauses 4 and survive")
    red = covenant_back("ie-narration", variant, variant)
    outcome = next(
        o
        for o in red.audit.negotiation.outcomes
        if o.proposal.clause == "no-ai-training" and o.proposal.op == "insert_after"
    )
    assert outcome.state == "rejected" and set(outcome.matched) == {None}, (outcome.state, outcome.matched)
    assert not [e for e in red.plan.edits if e.op == "replace" and "survive" in (e.anchor_text or "")]
    texts = [p.text for p in engine.read(red.docx, accepted=True).paragraphs]
    assert "6.1\tClauses 4 and 5 survive the termination or expiry of this Agreement." in texts
    if variant != "minimal":  # put back, or fallen back, at its own number
        assert any(t.startswith("4.5\t") and "Prohibited AI Use" in t for t in texts)


@pytest.mark.parametrize(("name", "block"), [("us-voice-likeness", "2"), ("us-purchase-order", "5")])
def test_a_clause_put_back_after_our_letter_h_is_i_and_the_range_runs_to_the_letter_after_it(name, block):
    # strict puts back the transparency clause they rejected after the last of ours; our range "(e) to (i)" runs
    # on to the next LETTER: "(i)" after "(h)" is a letter, so the next is "(j)", never the roman "(ii)"
    red = covenant_back(name, "strict", "strict", clause="ai-transparency")
    paragraphs = engine.read(red.docx, accepted=True).paragraphs
    have = {p.section_label for p in paragraphs if p.section_label}
    written = [n for p in paragraphs for n in cited(p.text)]
    assert written and set(written) <= have, (written, sorted(have))
    assert not any(n.endswith("(ii)") for n in written)
    assert f"{block}(i)" in have and f"{block}(j)" in written


@pytest.mark.parametrize(
    ("name", "first", "then", "clause", "block"),
    [
        ("us-purchase-order", "standard", "standard", "scope-limitation", "5"),
        ("us-purchase-order", "standard", "minimal", "scope-limitation", "5"),
        ("us-software-development", "standard", "minimal", "no-ai-training", "7"),
    ],
)
def test_the_first_clause_of_ours_rejected_and_not_put_back_leaves_no_letter_gap(name, first, then, clause, block):
    # the first of our lettered clauses ("(d)", after their "(c)") goes: ours after it take the letters back ("(e)" ->
    # "(d)" …) and our range cites only letters a clause has
    red = covenant_back(name, first, then, clause=clause)
    paragraphs = engine.read(red.docx, accepted=True).paragraphs
    letters = [p.text[1] for p in paragraphs if re.match(r"\([a-z]\) ", p.text) and p.section_label.startswith(block)]
    assert letters == [chr(ord("a") + k) for k in range(len(letters))], letters
    have = {p.section_label for p in paragraphs if p.section_label}
    written = [n for p in paragraphs for n in cited(p.text)]
    assert set(written) <= have, (written, sorted(have))
