"""Issue 15 review: what the strategy says and does where a contract offers bracketed alternatives
(a precedent's "[Alternative A …]" / "[Alternative B …]"), vests the work on creation, or delivers no
work at all. Synthetic contracts of our own, unlike the reviewer's."""

from __future__ import annotations

import pytest
from support.docx_builder import make_docx, p

from noai import engine

PARTIES = 'This agreement is made between Loomhouse Media LLP (the "Producer") and Fenwick Trust (the "Commissioner").'


def contract(*texts: str) -> bytes:
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def approach(docx: bytes, variant: str) -> str:
    plan = engine.plan(docx, engine.Options(variant=variant))[1]
    said = [e.comment for e in plan.edits if e.comment and e.comment.startswith("Our approach")]
    assert said, [e.comment for e in plan.edits]
    return said[0]


# the alternatives open and close inside the clause's own paragraphs, lettered, work made for hire first
ALTERNATIVES = contract(
    "FILM PRODUCTION AGREEMENT",
    PARTIES,
    "1. The Production",
    '1.1 The Producer shall produce a short documentary film for the Commissioner (the "Film").',
    "1.2 The Commissioner shall pay the Producer the fee stated in the schedule.",
    "2. Rights in the Film",
    "[Alternative A: where the Commissioner is to own the Film",
    "2.1 The Film shall be a work made for hire for the Commissioner, and the Producer hereby assigns to the "
    "Commissioner all copyright in the Film.]",
    "[Alternative B: the Producer keeps the Film",
    "2.1 The Producer owns the Film and grants the Commissioner a non-exclusive licence to screen the Film.]",
    "3. General",
    "3.1 This agreement is governed by the laws of the State of New York.",
)


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_the_approach_comment_says_what_an_alternative_would_do_not_what_the_contract_does(variant):
    said = approach(ALTERNATIVES, variant)
    assert said.startswith("Our approach: Alternative A (Section 2.1) would "), said[:120]
    assert "this agreement makes" not in said and "this agreement transfers" not in said
    assert "(under Alternative B, Section 2.1 would license them instead)" in said  # no nested parentheses


def test_a_transfer_outside_any_alternative_is_still_stated_as_the_contracts():
    plain = contract(
        "FILM PRODUCTION AGREEMENT",
        PARTIES,
        "1. The Production",
        '1.1 The Producer shall produce a short documentary film for the Commissioner (the "Film").',
        "[Alternative A: a fee in the schedule]",
        "1.2 The Commissioner shall pay the Producer the fee stated in the schedule.",
        "[End of Alternative A]",
        "2. Rights in the Film",
        "2.1 The Producer assigns to the Commissioner all copyright and other intellectual property rights "
        "in the Film.",
        "3. General",
        "3.1 This agreement is governed by the laws of the State of New York.",
    )
    said = approach(plain, "standard")
    assert said.startswith("Our approach: this agreement transfers ownership of "), said[:120]


def vesting(payment: str) -> bytes:
    return contract(
        "COMMISSIONING LETTER",
        'This letter agreement is made between Quill & Rook Writers Ltd (the "Writer") and Harbourside Review '
        'Ltd (the "Publisher").',
        '1. The Writer shall write six essays for the Publisher (the "Essays").',
        f"2. {payment}",
        "3. The copyright in the Essays shall vest in the Publisher automatically as each Essay is written.",
        "4. This letter agreement is governed by the laws of Scotland.",
    )


def transfer_edits(docx: bytes, variant: str = "strict"):
    plan = engine.plan(docx, engine.Options(variant=variant))[1]
    return plan, [e for e in plan.edits if e.finding in ("ip_assignment", "work_made_for_hire")]


def test_strict_makes_a_vesting_wait_for_a_sum_the_client_pays_though_the_contract_never_says_fees():
    plan, edits = transfer_edits(vesting("The Publisher shall pay the Writer $900 for each Essay it accepts."))
    # the payment condition, and the strike of the creation timing it would contradict
    assert [e.op for e in edits] == ["replace", "replace"], [(e.op, e.find) for e in edits]
    assert "upon payment in full" in edits[0].replacement
    assert (edits[1].find, edits[1].replacement) == (" automatically as each Essay is written", "")
    approach = next(e.comment for e in plan.edits if e.comment and e.comment.startswith("Our approach"))
    assert "ownership pass only on payment in full" in approach and "we leave that transfer unchanged" not in approach


def test_strict_asks_no_payment_for_a_vesting_where_only_a_salary_is_paid():
    plan, edits = transfer_edits(vesting("The Publisher employs the Writer at a salary of $52,000 a year."))
    assert edits and all(e.op == "comment" for e in edits), [(e.op, e.find) for e in edits]
    approach = next(e.comment for e in plan.edits if e.comment and e.comment.startswith("Our approach"))
    assert "payment in full" not in approach
