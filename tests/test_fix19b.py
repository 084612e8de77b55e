"""REVIEW19 classes 3, 4, 6 and 7 (fix19b), on contracts of shapes the review did not use.

- Class 3: strict's payment condition reaches the back-up assignment in the bare present ("To the extent it does not,
  Developer assigns … on its creation"), and where the statement of ownership goes (one mechanism), the back-up's
  opening that referred to it ("If for any reason it does not, ") goes with it. A Canadian software services
  agreement ("Title … vests in the Customer on creation. Insofar as it does not, the Developer irrevocably assigns …").
- Class 4: a condition of a fee on a digital replica replaces the words that make it free ("without further
  payment", "free of charge", "with no additional fee payable to …") instead of contradicting them. An Australian
  audiobook narration agreement.
- Class 6: a stated need for new material made with the creator's voice ("a voice clone … we are willing to pay …") is
  answered as a replica, with their offer. Class 7: minimal's new change to a replica clause they rejected has its
  comment, and no reply of ours says we accept the rejection.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.read import accepted as written
from support.replies import COUNSEL, Reply, record_ids
from support.synthetic_contracts import _document, _para, _save
from test_review_synthetic import DATE
from test_writer import rejected

from noai import engine
from noai.analysis.facts import back_up_opening, present_transfers, replica_material
from noai.analysis.negotiation import stated_need
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.threads import read_comments

NEXT_ROUND = datetime(2027, 9, 1, 9, 0, tzinfo=UTC)


# ------------------------------------------------------------------------------------------------
# Class 3: the back-up assignment waits for payment too


def contract(title: str, lines: list[str]) -> bytes:
    """A contract of typed numbers: ``title``, then ``lines``, a heading where a line is a number and a word or two."""
    doc = _document()
    _para(doc, title, bold=True)
    for line in lines:
        _para(doc, line, bold=re.fullmatch(r"\d+\. [A-Z]\w+", line) is not None)
    return _save(doc)


def services(ip: str) -> bytes:
    """A Canadian software services agreement: typed numbers, the work defined in brackets, ownership clause ``ip``."""
    return contract(
        "SOFTWARE SERVICES AGREEMENT",
        [
            'This agreement is made on 2 August 2027 between Maplewood Logistics Inc. (the "Customer") and Lena '
            'Brandt Consulting Ltd. (the "Developer").',
            "1. Services",
            "1.1 The Developer shall design and write the route-planning software described in Schedule A (the "
            '"Deliverables").',
            "1.2 The Customer shall pay the Developer CAD 48,000 in three instalments as set out in Schedule A.",
            "2. Ownership",
            "2.1 " + ip,
            "2.2 The Developer may reuse its general know-how, and this agreement binds the parties and their "
            "successors and permitted assigns.",
            "3. General",
            "3.1 This agreement is governed by the laws of the Province of Ontario.",
        ],
    )


VESTS_THEN_ASSIGNS = (
    "Title to the Deliverables vests in the Customer on creation. Insofar as it does not, the Developer irrevocably "
    "assigns the Deliverables to the Customer on creation."
)
OWNS_THEN_ASSIGNS = (
    "The Customer will own the Deliverables from the moment they are created. If for any reason it does not, the "
    "Developer assigns and transfers all of its rights in the Deliverables to the Customer."
)


@functools.cache
def strict_services(ip: str) -> engine.Redline:
    return engine.redline(services(ip), author="noai", date=DATE, options=engine.Options(variant="strict"))


def clause(texts: list[str], number: str) -> str:
    return next(t for t in texts if t.startswith(number))


def ownership(ip: str) -> tuple[str, str, str]:
    """Strict's clause 2.1 accepted, as rejected, and the comment of its payment condition."""
    red = strict_services(ip)
    said = next(e.comment for e in red.plan.edits if e.clause == "fix-ip-assignment" and e.comment)
    return clause(written(red.docx), "2.1"), clause(rejected(red.docx), "2.1"), said or ""


def test_strict_makes_a_bare_present_back_up_assignment_wait_for_payment():
    text, before, said = ownership(VESTS_THEN_ASSIGNS)
    assert text == (
        "2.1 Title to the Deliverables will, upon payment in full of all sums due under this agreement, vest in the "
        "Customer. Insofar as it does not, the Developer shall, upon that payment, irrevocably assign the Deliverables "
        "to the Customer."
    )
    assert before == "2.1 " + VESTS_THEN_ASSIGNS  # rejected: as it was
    assert "“irrevocably assigns” in this clause wait for that payment" in said
    assert said.count("We also strike “on creation”") == 1, said  # said once for both sentences
    # the successors' "assigns" is no transfer
    assert clause(written(strict_services(VESTS_THEN_ASSIGNS).docx), "2.2").endswith(
        "successors and permitted assigns."
    )


def test_one_mechanism_takes_out_the_back_up_opening_with_the_statement_it_referred_to():
    text, before, said = ownership(OWNS_THEN_ASSIGNS)
    assert text == (
        "2.1 The Developer shall, upon payment in full of all sums due under this agreement, assign and transfer all "
        "of its rights in the Deliverables to the Customer."
    )
    assert before == "2.1 " + OWNS_THEN_ASSIGNS
    assert "We also take out “If for any reason it does not”" in said


@pytest.mark.libreoffice
def test_libreoffice_accepts_and_rejects_the_back_up_assignment_and_the_replica_fee(libreoffice):
    vests, fee = strict_services(VESTS_THEN_ASSIGNS), narrated(FREE_IN_THE_MIDDLE, "minimal")
    seen = libreoffice([vests.docx, services(VESTS_THEN_ASSIGNS), fee.docx, narration(FREE_IN_THE_MIDDLE)])
    for (result, original), red, number in zip((seen[:2], seen[2:]), (vests, fee), ("2.1", "2.2"), strict=True):
        assert result["rejected_paragraphs"] == original["paragraphs"]
        assert clause([t.strip() for t in result["accepted_paragraphs"]], number) == clause(written(red.docx), number)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("To the extent it does not, Developer assigns the Project IP to Client.", "assigns"),
        ("If title does not so vest, the Consultant hereby assigns it to the Company.", "hereby assigns"),
        ("The Developer and its successors and assigns are bound.", None),  # a noun
        ("Client assigns the licence to its affiliate.", None),  # the other party
        ("The Developer never assigns any right.", None),  # a denial
        ("The Developer shall assign the Deliverables.", None),  # no present transfer
    ],
)
def test_a_present_transfer_in_the_bare_present_is_read_only_from_the_creator(text, found):
    at = len(text)
    got = [s.words for s in present_transfers(text + " X vests in Client.", at, at + 1, "Developer", "Client")]
    got += [s.words for s in present_transfers(text, len(text), len(text), "Consultant", "Company")]
    assert got == ([found] if found else [])


def test_a_back_up_opening_is_read_only_where_it_refers_back():
    text = "If for any reason it does not, the Developer assigns the Deliverables."
    strike = back_up_opening(text, text.index("assigns"))
    assert strike is not None and strike.words == "If for any reason it does not"
    assert text[: strike.start] + strike.replacement + text[strike.end :] == "The Developer assigns the Deliverables."
    plain = "If the Customer asks, the Developer assigns the Deliverables."
    assert back_up_opening(plain, plain.index("assigns")) is None


# ------------------------------------------------------------------------------------------------
# Class 4: the fee replaces the words that make the replica free


def narration(replica: str) -> bytes:
    """An Australian audiobook narration agreement: typed numbers, the work named by a sentence, replica clause 2.2."""
    return contract(
        "AUDIOBOOK NARRATION AGREEMENT",
        [
            'This agreement is made on 9 June 2027 between Quill & Ear Pty Ltd ("the Producer") and Tomás Reyes '
            '("the Narrator").',
            "1. Services",
            '1.1 The Narrator shall narrate the novel "Salt Roads" in the Producer\'s studio. The sound recordings of '
            'the narration made under this agreement are "the Audio".',
            "1.2 The Producer shall pay the Narrator AUD 350 for each finished hour of the Audio after delivery.",
            "2. Rights",
            "2.1 The Narrator assigns to the Producer all copyright in the Audio throughout the world.",
            "2.2 " + replica,
            "3. General",
            "3.1 This agreement is governed by the laws of New South Wales.",
        ],
    )


FREE_IN_THE_MIDDLE = (
    "The Producer may, free of charge, create a digital replica of the Narrator's voice from the Audio and use it to "
    "record corrections and new chapters of the novel."
)
FREE_AT_THE_END = (
    "The Producer may create a digital replica of the Narrator's voice from the Audio and may use it to narrate "
    "revised editions of the novel, with no additional fee payable to the Narrator."
)
FREE = re.compile(r"free of charge|no additional fee|without further payment")


@functools.cache
def narrated(replica: str, variant: str) -> engine.Redline:
    return engine.redline(
        narration(replica), author="noai", date=DATE, options=engine.Options(variant=variant, we="Narrator")
    )


@pytest.mark.parametrize("replica", [FREE_IN_THE_MIDDLE, FREE_AT_THE_END], ids=("middle", "end"))
def test_minimal_replaces_the_words_that_make_the_replica_free_with_its_fee(replica):
    red = narrated(replica, "minimal")
    text = clause(written(red.docx), "2.2")
    assert "further fee agreed in advance" in text and not FREE.search(text), text
    assert "may, create" not in text and ", ," not in text, text  # the commas around "free of charge" go with it
    assert clause(rejected(red.docx), "2.2") == "2.2 " + replica
    said = " ".join(e.comment or "" for e in red.plan.edits if e.clause == "fix-digital-replica")
    assert re.search(
        r"We replace “(?:free of charge|with no additional fee payable to the Narrator)” with that fee", said
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Studio may create a digital replica of Performer's voice and use it to generate new lines, without "
            "further payment.",
            ", without further payment",
        ),
        (
            "Studio may create a digital replica of Performer's voice to make new lines at no extra cost.",
            " at no extra cost",
        ),
        ("Studio may create a digital replica of Performer's voice to make new lines.", None),
    ],
)
def test_the_words_making_new_material_free_are_read(text, words):
    at = text.index("digital replica")
    replica = replica_material(text, at, at + len("digital replica"))
    assert replica is not None
    assert (text[slice(*replica.unpaid)] if replica.unpaid else None) == words


# ------------------------------------------------------------------------------------------------
# Classes 6 and 7 (round two): the narrator's producer rejects our strike of the replica clause and states a need


NEED = (
    "We need a voice clone of the Narrator to record short corrections after the Narrator has left the project. We "
    "are willing to pay AUD 60 for each correction."
)


def test_a_need_for_a_voice_clone_is_read_as_a_replica_with_the_offer():
    need = stated_need(NEED)
    assert need is not None and need.replica and need.ai and not need.trains
    assert need.pays == "AUD 60 for each correction"
    model = stated_need("We need the voice model to read new sponsor messages. We will pay our usual rate.")
    assert model is not None and model.replica and model.pays == "your usual rate"
    assert stated_need("We need the files by Friday.").pays == ""  # type: ignore[union-attr]
    for said in ("We need an AI voice of the Narrator for trailers.", "We need a digital double of the Performer."):
        need = stated_need(said)
        assert need is not None and need.ai and need.replica and not need.trains, said
    plain = stated_need("We need the Narrator's likeness on the cover.")  # no AI use: never read as a replica need
    assert plain is not None and not plain.ai


@functools.cache
def returned() -> bytes:
    sent = narrated(FREE_AT_THE_END, "standard").docx
    ids = [p.id for p in read_rounds(read_package(sent))[0].proposals if p.clause == "fix-digital-replica"]
    assert ids
    return Reply(sent).reply_to("Our approach", NEED).reject(ids=record_ids(sent, *ids)).accept().bytes()


@functools.cache
def round_two(variant: str) -> engine.Redline:
    return engine.redline(
        returned(), author="noai", date=NEXT_ROUND, options=engine.Options(variant=variant, we="Narrator")
    )


def answers(red: engine.Redline) -> list[str]:
    said = read_comments(read_package(red.docx))
    theirs = {c.parent for c in said if c.author == COUNSEL}
    return [c.text for c in said if c.author == "noai" and c.parent in theirs]


@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
def test_round_two_answers_the_need_for_a_voice_clone_on_the_replica_with_their_offer(variant):
    said = answers(round_two(variant))
    need = next(t for t in said if "voice clone" in t)
    assert "as it now stands in the document" not in need, need
    assert "new material in the Narrator's voice or likeness" in need
    assert "AUD 60 for each correction, as you offer" in need
    if variant == "strict":  # a reasoned refusal of a standing permission; each use considered
        assert "we cannot agree to a standing permission" in need
    else:  # this round's change to the replica clause says so
        assert "Our change to the clause permitting the digital replica says so" in need


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_round_two_below_strict_puts_the_fee_in_place_of_the_free_words_with_its_comment(variant):
    red = round_two(variant)
    text = clause(written(red.docx), "2.2")
    assert "further fee agreed in advance" in text and not FREE.search(text), text
    changed = [e for e in red.plan.edits if e.clause == "fix-digital-replica" and e.op == "replace"]
    assert changed and changed[0].comment and changed[0].comment.startswith("You did not accept our change here.")
    ours = [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai"]
    assert not any("and we accept that" in t for t in ours), ours
