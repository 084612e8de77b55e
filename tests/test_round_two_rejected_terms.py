"""Round two after the other side rejects a term of ours (REVIEW17 defects 1, 2 and 4).

(1) A rejected term never comes back without a word: below strict it is not put back at all (not even at the lower
rung, where that rung's clause is the same one); strict that puts it back, in the words they rejected (never
wider ones: tests/test_round_two_put_back_as_it_was.py), says so in the thread ("We need our addition …, and have put
it back") and in the approach, and warns the user (the plan's escalation note), never "Superseded: … we do not
propose it again".
(2) Strict round two places the clauses it adds for the first time as round one would: after our clauses on AI use
that stand (the covenant and the definitions it needs), never as an item of a lead-in list of theirs, and the range
our survival sentence cites covers every clause of ours.
(4) A fall-back that asks for consent is for words permitting AI use: "for any purpose" is no AI permission, so the
answer to its rejected limit is the lower rung's qualifier ("subject to the restrictions on Prohibited AI Use"),
never "only with Seller's prior written consent, given case by case" on every use.

Each on review16's contracts (us-purchase-order, uk-translation-rights: tests/test_review_session16.py's reply) and on
a second shape of our own: us-work-for-hire (a US work-for-hire agreement, its pre-existing-materials clause
rejected), music-commission (a UK music commission: the addition to its sub-licence clause rejected at minimal) and
corpus-licence (a data-corpus licence whose "for any purpose" limit is rejected).
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.lo import lo_read, needs_lo
from support.replies import Reply, record_ids
from test_review_session16 import ORDER, RIGHTS, round_two, written
from test_review_synthetic import facts, redline

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.threads import read_comments
from noai.rounds import escalations

NEXT_ROUND = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HIRE, MUSIC, CORPUS = "us-work-for-hire", "music-commission", "corpus-licence"


@functools.cache
def rejected(name: str, first: str, clauses: tuple[str, ...]) -> bytes:
    """Counsel rejects every edit of ``clauses`` of our ``first`` round one and accepts the rest."""
    sent = redline(name, first).docx
    ids = [p.id for p in read_rounds(read_package(sent))[0].proposals if p.clause in clauses and p.op != "comment"]
    assert ids, clauses
    return Reply(sent).reject(ids=record_ids(sent, *ids)).accept().bytes()


@functools.cache
def answered(name: str, first: str, clauses: tuple[str, ...], variant: str) -> engine.Redline:
    options = engine.Options(variant=variant, we=facts(name).creator[0])
    return engine.redline(rejected(name, first, clauses), author="noai", date=NEXT_ROUND, options=options)


def ours(red: engine.Redline) -> list[str]:
    return [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai"]


def added(red: engine.Redline) -> set[str]:
    return {e.clause for e in red.plan.edits if e.op == "insert_after"}


# (1) below strict, a rejected clause is never put back; strict that puts it back says so

PRE_EXISTING = {ORDER: "Nothing in this Order transfers to Buyer any material", HIRE: "Nothing in this Agreement"}


def second_round(name: str, variant: str) -> engine.Redline:
    if name == ORDER:
        return round_two(ORDER, variant)
    return answered(HIRE, "standard", ("retained-materials",), variant)


@pytest.mark.parametrize("name", (ORDER, HIRE))
@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_a_lower_round_two_never_puts_back_a_clause_they_rejected(variant, name):
    red = second_round(name, variant)
    assert "retained-materials" not in added(red), added(red)
    kept_before = [p.text for p in engine.read(rejected_docx(name), accepted=True).paragraphs]
    assert sum(PRE_EXISTING[name] in t for t in written(red)) == sum(PRE_EXISTING[name] in t for t in kept_before)
    # and no comment of this round proposes it: the approach no longer lists it
    new = [c for c in ours(red) if c.startswith("Our approach:") and "pre-existing materials" in c]
    assert len(new) <= 1, new  # the last round's own approach, superseded, may still name it
    # standard's plan had it (minimal's never chose it): the user is told it is not proposed again
    assert variant == "minimal" or any("not proposed again" in n for n in red.plan.notes), red.plan.notes


def rejected_docx(name: str) -> bytes:
    from test_review_session16 import returned

    return returned(ORDER) if name == ORDER else rejected(HIRE, "standard", ("retained-materials",))


@pytest.mark.parametrize("name", (ORDER, HIRE))
def test_strict_that_puts_back_a_rejected_clause_says_so_and_warns(name):
    red = second_round(name, "strict")
    assert "retained-materials" in added(red), added(red)
    assert any("puts back" in n and "which the other side did not accept" in n for n in escalations(red.plan))
    assert any("We have put back" in c or "have put it back" in c for c in ours(red)), ours(red)


# (1e) strict that makes a rejected change of theirs again (where its own rung has stronger words: it puts back the
# words they rejected) says so: never "we do not propose it again" in the thread of the change it makes again

STRONGER = {
    RIGHTS: lambda: round_two(RIGHTS, "strict"),
    MUSIC: lambda: answered(MUSIC, "minimal", ("fix-sublicensable",), "strict"),
}
MADE_AGAIN = {RIGHTS: "reservation-of-rights", MUSIC: "fix-sublicensable"}


@pytest.mark.parametrize("name", (RIGHTS, MUSIC))
def test_strict_that_makes_a_rejected_change_again_in_stronger_words_says_so_and_warns(name):
    red = STRONGER[name]()
    assert any(e.clause == MADE_AGAIN[name] and e.op == "replace" for e in red.plan.edits)
    said = ours(red)
    assert not any("we do not propose it again" in c for c in said), said
    assert any("have put it back" in c for c in said), said
    assert any("our addition" in n and "did not accept" in n for n in escalations(red.plan)), red.plan.notes


# (4) a rejected limit of "for any purpose" falls back to the lower rung's qualifier, never to consent for every use

CONSENT_FOR_EVERYTHING = "prior written consent, given case by case"


def any_purpose(name: str, variant: str) -> engine.Redline:
    return (
        round_two(ORDER, variant)
        if name == ORDER
        else answered(CORPUS, "standard", ("fix-any-and-all-purposes",), variant)
    )


@pytest.mark.parametrize("name", (ORDER, CORPUS))
@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_a_rejected_limit_of_any_purpose_falls_back_to_the_ai_qualifier_not_consent_for_every_use(variant, name):
    red = any_purpose(name, variant)
    assert not any(CONSENT_FOR_EVERYTHING in c for c in ours(red)), ours(red)
    (fix,) = [e for e in red.plan.edits if e.clause == "fix-any-and-all-purposes"]
    assert fix.op == "replace" and (fix.replacement or "").endswith("subject to the restrictions on Prohibited AI Use")
    assert any(re.search(r"for any purpose, subject to the restrictions on Prohibited AI Use", t) for t in written(red))
    assert "You did not accept our change" in (fix.comment or ""), fix.comment


# (2) strict round two places the clauses it adds for the first time with ours, as round one does

BRAND = "uk-brand-design"  # typed decimals ("4.5\t…"), a definitions clause ("“Prohibited AI Use”: …") at 1.1


@functools.cache
def accepted_then_strict(name: str) -> engine.Redline:
    """Counsel accepts the whole of our standard round one; our strict round two asks for more."""
    sent = redline(name, "standard").docx
    options = engine.Options(variant="strict", we=facts(name).creator[0])
    return engine.redline(Reply(sent).accept().bytes(), author="noai", date=NEXT_ROUND, options=options)


def at(paragraphs: list[str], start: str) -> int:
    return next(i for i, t in enumerate(paragraphs) if start in t)


REMEDIES = "Prohibited AI Use would cause"


def test_strict_round_two_never_adds_a_clause_as_an_item_of_a_lead_in_list_of_theirs():
    paragraphs = written(round_two(RIGHTS, "strict"))
    lead_in = at(paragraphs, "The Publishers shall:")
    assert [t[:4] for t in paragraphs[lead_in + 1 : lead_in + 5]] == ["(a) ", "(b) ", "(c) ", "4. T"], paragraphs[
        lead_in : lead_in + 5
    ]
    covenant = at(paragraphs, "shall not, and shall not permit")
    new = [at(paragraphs, REMEDIES), at(paragraphs, "shall defend, indemnify"), at(paragraphs, "Before any Protected")]
    assert all(covenant < i < at(paragraphs, "2. All rights") for i in new), new
    assert all(re.match(r"1[B-Z]\. ", paragraphs[i]) for i in new), [paragraphs[i][:5] for i in new]


@pytest.mark.parametrize("name", (ORDER, BRAND))
def test_strict_round_two_adds_its_new_clauses_after_ours_and_the_survival_range_covers_them(name):
    red = round_two(ORDER, "strict") if name == ORDER else accepted_then_strict(BRAND)
    paragraphs = written(red)
    covenant = at(paragraphs, "shall not, and shall not permit")
    defined = at(paragraphs, "Prohibited AI Use”:" if name == BRAND else '"AI System" means')
    remedies = at(paragraphs, REMEDIES)
    assert remedies > max(covenant, defined), (remedies, covenant, defined)
    ours = [t for t in paragraphs if re.match(r"(\(\w\)|\d+\.\d+\t)", t)]
    last = next(t for t in reversed(ours) if "Protected Materials" in t)  # the last clause of ours
    number = re.match(r"(\((\w)\)|(\d+\.\d+)\t)", last)
    assert number
    cited = "5(" + number[2] + ")" if name == ORDER else number[3]
    survival = next(t for t in paragraphs if re.search(r"\bto \S+ apply", t))
    assert re.search(rf"to {re.escape(cited)} apply", survival), (survival, last[:12])


@needs_lo
def test_libreoffice_reads_strict_round_two_with_its_new_clauses_after_ours():
    (seen,) = lo_read([round_two(ORDER, "strict").docx])
    assert seen["ok"] and not seen["redlines_left_after_accept"], seen.get("load_error")
    text = seen["accepted_text"]
    assert "Sections 5(d) to 5(j) apply" in text and text.index("(f) Prohibited AI Use") < text.index(REMEDIES)
    assert "Sections 5(d) to 5(g) apply" in seen["rejected_text"]  # the reply as it came
