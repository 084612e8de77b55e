"""Strict makes ownership wait for payment as one coherent change (review13 classes 5 and 7), and a struck
typed-number sentence is quoted without its number.

- Class 5: 'The Assets are "works made for hire" …, and Company will own all right, title and interest in them from
  creation. To the extent any Asset is not a work made for hire, Contractor hereby irrevocably assigns …' (us-game-art
  3.1) got no tracked change in strict, and two comments that disagreed ("We leave this wording unchanged" beside "We
  ask that it pass only on payment"). Now, as us-work-for-hire: the work is 'not "works made for hire"' (the "not"
  outside the document's quotation marks), "will, upon payment in full of …, own" with "from creation" struck, and
  the back-up assignment waits for that payment too ("For each Asset, Contractor shall, upon that payment, assign").
- Class 7: once a payment condition puts "shall" before the transfer's verb ("The Narrator shall, upon payment …,
  assign"), a verb joined to it ("… and gives every consent") takes the bare form too ("and give").
- A paragraph struck whole by fix-existing-ai-restriction's sentence rule is quoted without its typed number ("2.2
  Customer may use …" -> "strikes the sentence “Customer may use …”"), as plan._number_kept quotes one it keeps the
  number of; a top-level "2. Customer may …" is one sentence with its number, not "2." and a sentence.

Shapes: us-game-art and ie-narration (tests/test_review_session13.py), and here a UK illustration agreement with
curly quotes and "shall own … upon their creation", a performer's release whose assignment "grants every consent",
and a US software agreement of typed numbers.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from test_document_wording import redline_of
from test_review_session8 import accepted as accepted_synthetic
from test_review_synthetic import redline as redline_synthetic
from test_writer import accepted, rejected

from noai import engine
from noai.analysis.facts import coordinated_verbs, quoted_span, training_permission
from noai.plan import DELETED

VARIANTS = ("strict", "standard", "minimal")


def agreement(*lines: str) -> bytes:
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def texts(docx: bytes) -> list[str]:
    return [q.text for q in engine.read(docx).paragraphs]


def said(red: engine.Redline) -> str:
    return "\n".join(e.comment for e in red.plan.edits if e.comment)


# -- class 5: made for hire "upon creation" waits for payment (a second shape) -----------------------------------

HIRE = (
    "3.1 The Illustrations shall be “works made for hire” for the Publisher, and the Publisher shall own all rights "
    "in them upon their creation. To the extent any Illustration is not a work made for hire, the Illustrator hereby "
    "assigns to the Publisher all right, title and interest in that Illustration and waives all moral rights in it."
)


def illustration() -> bytes:
    return agreement(
        "ILLUSTRATION AGREEMENT",
        'This agreement is made between Fernhill Press Inc. (the "Publisher") and Ada Lindqvist, an individual (the '
        '"Illustrator").',
        "1. Services",
        '1.1 The Illustrator shall create the twelve illustrations for the book "River Hours" (the "Illustrations").',
        "2. Fees",
        "2.1 The Publisher shall pay the Illustrator $400 for each Illustration within thirty days after delivery.",
        "3. Ownership",
        HIRE,
        "3.2 The Publisher may reproduce the Illustrations in the book and in its marketing.",
        "4. General",
        "4.1 This agreement is governed by the laws of the State of New York.",
    )


def test_strict_makes_work_owned_upon_creation_wait_for_payment_with_the_not_outside_the_quotes():
    original = illustration()
    red = redline_of(original, "strict")
    (clause,) = [t for t in accepted(red.docx) if t.startswith("3.1 ")]
    assert clause.startswith("3.1 The Illustrations shall not be “works made for hire” for the Publisher"), clause
    # one mechanism: the assignment, priced per piece, and no statement that the Publisher owns them beside it
    assert "the Publisher shall own" not in clause and "upon their creation" not in clause, clause
    assert (
        "For each Illustration, the Illustrator shall, upon payment in full of the fees for that Illustration under "
        "this agreement, assign to the Publisher" in clause
    ), clause
    assert "and waive all moral rights in it" in clause  # class 7: the joined verb follows "shall" too
    comments = said(red)
    assert "We leave this wording unchanged" not in comments, comments
    assert "we propose that ownership pass only on payment in full" in comments
    assert rejected(red.docx) == texts(original)


def test_the_game_art_assignment_alone_waits_for_payment_and_its_comment_says_the_ownership_statement_goes():
    (clause,) = [t for t in accepted_synthetic("us-game-art", "strict") if "made for hire" in t]
    assert clause.startswith('The Assets are not "works made for hire" as defined'), clause
    # one mechanism (review15 defect 7): the assignment waits for payment, "Company will own …" goes
    assert clause == (
        'The Assets are not "works made for hire" as defined in the U.S. Copyright Act. For each Asset, Contractor '
        "shall, upon payment in full of the fees for that Asset under the applicable SOW, irrevocably assign to "
        "Company all right, title and interest in and to that Asset, including all copyrights."
    ), clause
    red = redline_synthetic("us-game-art", "strict")
    transfers = [e for e in red.plan.edits if e.finding in ("ip_assignment", "work_made_for_hire")]
    assert all(e.op == "replace" for e in transfers), [(e.op, e.find) for e in transfers]
    assert "We also take out “Company will own all right, title and interest in them from creation”" in said(red)


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_standard_and_minimal_leave_work_made_for_hire_as_it_is(variant):
    red = redline_of(illustration(), variant)
    assert HIRE in accepted(red.docx)


def test_a_quoted_phrase_takes_its_own_quotation_marks_only():
    text = 'The Assets are "works made for hire" as defined.'
    start = text.index("works")
    assert quoted_span(text, start, start + 19) == (start - 1, start + 20)
    assert quoted_span("are works made for hire", 4, 23) == (4, 23)
    assert quoted_span("are “works made for hire", 5, 24) == (5, 24)  # no closing mark: as it is


# -- class 7: the verbs of a transfer stay in step (a second shape) ---------------------------------------------

RELEASE = (
    "2.1 The Performer assigns to the Company all of the Performer's rights in the Performances, and hereby grants "
    "every consent needed for the Company to exploit them."
)


def performer_release() -> bytes:
    return agreement(
        "PERFORMER RELEASE",
        'This agreement is made between Larkspur Films Limited (the "Company") and Tom Reyes (the "Performer").',
        "1. Engagement",
        '1.1 The Performer shall perform in the short film "Low Tide" (the "Performances").',
        "1.2 The Company shall pay the Performer a fee of £2,000 within 30 days after the last day of filming.",
        "2. Rights",
        RELEASE,
        "3. General",
        "3.1 This agreement is governed by the laws of England and Wales.",
    )


def test_a_payment_condition_puts_a_joined_verb_in_the_bare_form_too():
    original = performer_release()
    red = redline_of(original, "strict")
    (clause,) = [t for t in accepted(red.docx) if t.startswith("2.1 ")]
    assert clause.startswith("2.1 The Performer shall, upon payment in full of "), clause
    assert ", and hereby grant every consent needed" in clause, clause
    assert "We also change “grants” to “grant”" in said(red)
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize(
    ("sentence", "joined"),
    [
        ("The Narrator assigns the rights, and gives every consent required.", ["gives"]),
        ("Tom assigns the rights and irrevocably waives his moral rights and releases them.", ["waives", "releases"]),
        ("Tom assigns the rights and warrants that they are his.", []),  # a warranty is given now, not on payment
        ("Tom assigns the rights; and the Company grants Tom a licence.", []),  # a clause of its own
        ("Tom assigns the rights and the Company shall pay and grants nothing.", []),  # another duty's modal
        ("Tom assigns the rights and Photographs. He gives consent.", []),  # the next sentence
    ],
)
def test_the_verbs_joined_to_a_transfer_are_those_of_its_subject_in_its_sentence(sentence, joined):
    start = sentence.index("assigns")
    found = coordinated_verbs(sentence, start, start + len("assigns"))
    assert [v.words for v in found] == joined
    assert all(v.replacement == v.words[:-1] and sentence[v.start : v.end] == v.words for v in found)


# -- a typed-number paragraph struck whole is quoted without its number ------------------------------------------

PERMISSION = "Customer may use the Software and Deliverables to train Customer's internal AI models."
HEAD = (
    "SOFTWARE DEVELOPMENT AGREEMENT",
    'This agreement is made between Tamarack Systems LLC ("Developer") and Oakhurst Logistics Inc. ("Customer").',
    "1. License",
    "1.1 Developer grants Customer a non-exclusive, perpetual license to use the software and other deliverables "
    'Developer provides under this agreement (the "Software and Deliverables") for any purpose.',
)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_last_typed_clause_struck_whole_is_quoted_without_its_number(variant):
    """The last clause of the agreement: striking it with its number leaves no gap, so it goes whole."""
    original = agreement(*HEAD, "2. General", "2.1 This agreement is governed by Delaware law.", f"2.2 {PERMISSION}")
    red = redline_of(original, variant)
    (edit,) = [e for e in red.plan.edits if e.clause == "fix-existing-ai-restriction"]
    assert (edit.find, edit.replacement) == (f"2.2 {PERMISSION}", "")
    assert f"strikes the sentence “{PERMISSION.rstrip('.')}”" in (edit.comment or ""), edit.comment
    assert "“2.2" not in (edit.comment or "")
    assert not any("train Customer's internal" in t for t in accepted(red.docx))
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_top_level_typed_clause_struck_whole_keeps_its_number_and_is_quoted_without_it(variant):
    """ "2. Customer may use …" between "1." and "3.": one sentence with its number (not "2." and a sentence), so
    the whole clause goes and its number stays, as "2. [Intentionally deleted]", not a bare "2."."""
    original = agreement(*HEAD, f"2. {PERMISSION}", "3. General", "3.1 This agreement is governed by Delaware law.")
    red = redline_of(original, variant)
    (edit,) = [e for e in red.plan.edits if e.clause == "fix-existing-ai-restriction"]
    assert (edit.find, edit.replacement) == (PERMISSION, DELETED)
    assert f"strikes the sentence “{PERMISSION.rstrip('.')}”" in (edit.comment or ""), edit.comment
    written = accepted(red.docx)
    assert f"2. {DELETED}" in written and "2." not in written, [t[:30] for t in written]
    assert rejected(red.docx) == texts(original)


def test_a_typed_number_before_a_permission_is_no_sentence_of_its_own():
    text = f"2. {PERMISSION}"
    at = text.index("AI models")
    strike = training_permission(text, at, at + len("AI models"))
    assert strike is not None and (strike.start, strike.end, strike.words) == (0, len(text), PERMISSION)
    kept = f"12. {PERMISSION} Customer shall pay the fees."
    strike = training_permission(kept, kept.index("AI models"), kept.index("AI models") + 9)
    assert strike is not None and kept[: strike.start] == "12. " and strike.words == PERMISSION


# -- issue 15 item 3: a plural or rights-first statement of ownership waits too; the back-up found by what it does ---
#
# "All rights, title and interest in the Deliverables vest in Client on creation" got only a comment in strict (the
# bare plural "vest in" took no modal), as did "All right, title and interest … vests in …" (the finding stood at the
# rights, not the verb); and a back-up assignment two paragraphs below ("To the extent that title does not vest in
# Client under clause 3.1, Developer assigns …") was not reached, only one in the paragraph right after.

PAY = "upon payment in full of all fees due under this agreement"


def software(*ip: str) -> bytes:
    """A US software development agreement of typed numbers: clause 3 is the IP clause."""
    return agreement(
        "SOFTWARE DEVELOPMENT AGREEMENT",
        'This agreement is made between Tamarack Systems LLC ("Developer") and Oakhurst Logistics Inc. ("Client").',
        "1. Services",
        '1.1 Developer shall develop the software described in Schedule 1 (the "Deliverables").',
        "2. Fees",
        "2.1 Client shall pay Developer the fees stated in Schedule 2 within thirty days of each invoice.",
        "3. Intellectual Property",
        *ip,
        "4. General",
        "4.1 This agreement is governed by the laws of the State of Delaware.",
    )


def photographs(*ip: str) -> bytes:
    """A UK photography commission: lettered sub-clauses under titled clauses, no typed numbers on them."""
    return agreement(
        "PHOTOGRAPHY COMMISSION",
        'This agreement is made between Saltmarsh Interiors Ltd (the "Client") and Nell Okafor (the "Photographer").',
        "1. Commission",
        "(a) The Photographer shall take the photographs of the Client's showrooms described in the brief (the "
        '"Photographs").',
        "(b) The Client shall pay the Photographer a fee of £3,600 within 30 days of delivery.",
        "2. Copyright",
        *ip,
        "3. General",
        "(a) This agreement is governed by the laws of England and Wales.",
    )


@pytest.mark.parametrize(
    ("clause", "waits"),
    [
        (
            "3.1 All rights, title and interest in the Deliverables vest in Client on creation.",
            f"3.1 All rights, title and interest in the Deliverables will, {PAY}, vest in Client.",
        ),
        (
            "3.1 All right, title and interest in the Deliverables vests in Client on creation.",
            f"3.1 All right, title and interest in the Deliverables will, {PAY}, vest in Client.",
        ),
        (
            "3.1 The Deliverables and all intellectual property rights in them vest in Client on creation.",
            f"3.1 The Deliverables and all intellectual property rights in them will, {PAY}, vest in Client.",
        ),
        (
            "3.1 All right, title and interest in the Deliverables shall vest in Client on creation.",
            f"3.1 All right, title and interest in the Deliverables shall, {PAY}, vest in Client.",
        ),
        (
            "3.1 Client owns all rights in the Deliverables from creation.",
            f"3.1 Client will, {PAY}, own all rights in the Deliverables.",
        ),
        (
            "3.1 All Deliverables shall be the sole property of Client on creation.",
            f"3.1 All Deliverables shall, {PAY}, be the sole property of Client.",
        ),
        (
            "3.1 All rights in the Deliverables shall automatically vest in Client on creation.",
            f"3.1 All rights in the Deliverables shall, {PAY}, vest in Client.",
        ),
    ],
    ids=[
        "plural",
        "rights-first-singular",
        "work-and-rights",
        "rights-first-shall",
        "owns",
        "sole-property",
        "shall-auto",
    ],
)
def test_strict_makes_a_statement_of_ownership_wait_for_payment_at_its_verb_whatever_its_subject(clause, waits):
    original = software(clause, "3.2 Developer shall deliver the source code of the Deliverables with each release.")
    red = redline_of(original, "strict")
    assert waits in accepted(red.docx)
    (edit,) = [e for e in red.plan.edits if e.clause == "fix-ip-assignment" and e.comment]
    assert edit.op == "replace" and re.search(r"We also strike “(on|from) creation”", edit.comment or ""), edit.comment
    assert "We leave this wording unchanged" not in said(red)
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_standard_and_minimal_leave_a_plural_vesting_as_it_is(variant):
    clause = "3.1 All rights, title and interest in the Deliverables vest in Client on creation."
    red = redline_of(software(clause), variant)
    assert clause in accepted(red.docx)
    assert not [e for e in red.plan.edits if e.clause == "fix-ip-assignment" and e.op == "replace"]


@pytest.mark.parametrize(
    "clause",
    [
        "3.1 Developer agrees that all rights in the Deliverables are to vest in Client on creation.",
        "3.1 All rights in the Deliverables shall be created by Developer and vest in Client on creation.",
    ],
    ids=["infinitive", "joined-to-a-modal"],
)
def test_a_bare_vest_in_that_is_no_finite_verb_of_its_own_takes_no_will(clause):
    red = redline_of(software(clause), "strict")
    assert not any("will, upon payment" in (e.replacement or "") for e in red.plan.edits), [
        (e.find, e.replacement) for e in red.plan.edits if e.op == "replace"
    ]


BACK_UP = (
    "3.3 To the extent that title to any Deliverable does not vest in Client under clause 3.1, Developer assigns "
    "that Deliverable to Client on its creation."
)


def test_strict_reaches_a_back_up_assignment_further_down_the_ip_clause_by_what_it_does():
    original = software(
        "3.1 All rights, title and interest in the Deliverables vest in Client on creation.",
        "3.2 Developer shall deliver the source code of the Deliverables with each release.",
        BACK_UP,
    )
    red = redline_of(original, "strict")
    written = accepted(red.docx)
    assert (
        f"3.3 To the extent that title to any Deliverable does not vest in Client under clause 3.1, Developer shall, "
        f"{PAY}, assign that Deliverable to Client." in written
    ), [t for t in written if t.startswith("3.3")]
    assert "3.2 Developer shall deliver the source code of the Deliverables with each release." in written
    comment = said(red)
    assert "We also make “assigns” in clause 3.3 wait for that payment." in comment, comment
    assert "We also strike “on its creation”" in comment
    assert rejected(red.docx) == texts(original)


def test_the_photographers_back_up_in_sub_clause_c_waits_too_and_the_vesting_is_no_longer_automatic():
    original = photographs(
        "(a) All intellectual property rights in the Photographs automatically vest in the Client upon their creation.",
        "(b) The Photographer shall deliver the Photographs in high-resolution digital form.",
        "(c) If and to the extent that any such rights do not vest in the Client under paragraph (a), the Photographer "
        "hereby assigns them to the Client.",
    )
    red = redline_of(original, "strict")
    written = accepted(red.docx)
    assert f"(a) All intellectual property rights in the Photographs will, {PAY}, vest in the Client." in written
    assert (
        "(c) If and to the extent that any such rights do not vest in the Client under paragraph (a), the Photographer "
        f"shall, {PAY}, assign them to the Client." in written
    )
    assert rejected(red.docx) == texts(original)


@pytest.mark.parametrize(
    "later",
    [
        # "it" is the paragraph before it, not the vesting: no back-up of the vesting
        "3.3 To the extent it does not, Developer assigns the Deliverables to Client on their creation.",
        # in another clause: no back-up of clause 3's vesting
        "4.2 To the extent that title to any Deliverable does not vest in Client, Developer assigns it to Client.",
    ],
    ids=["refers-to-the-paragraph-before", "another-clause"],
)
def test_a_transfer_that_is_no_back_up_of_the_vesting_is_not_reached(later):
    lines = [
        "3.1 All rights, title and interest in the Deliverables vest in Client on creation.",
        "3.2 Developer shall deliver the source code of the Deliverables with each release.",
    ]
    original = software(*lines, later) if later.startswith("3.") else software(*lines)
    if later.startswith("4."):
        original = agreement(*texts(original), later)
    red = redline_of(original, "strict")
    assert later in accepted(red.docx)
    assert "wait for that payment" not in said(red)


def test_libreoffice_reads_the_plural_vesting_and_the_far_back_up_waiting_for_payment(libreoffice):
    original = software(
        "3.1 All rights, title and interest in the Deliverables vest in Client on creation.",
        "3.2 Developer shall deliver the source code of the Deliverables with each release.",
        BACK_UP,
    )
    red = redline_of(original, "strict")
    source, out = libreoffice([original, red.docx])
    assert out["rejected_paragraphs"] == source["paragraphs"]
    assert (
        f"3.1 All rights, title and interest in the Deliverables will, {PAY}, vest in Client."
        in (out["accepted_paragraphs"])
    )
    assert any(t.startswith("3.3 ") and f"Developer shall, {PAY}, assign" in t for t in out["accepted_paragraphs"])
