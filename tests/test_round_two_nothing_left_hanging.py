"""Minimal round two accepting the rejection of our covenant leaves nothing hanging on it (issue 15 item 1; REVIEW20
class 6), read as a lawyer reads the accepted text:

- every defined term of ours the accepted document uses is defined: a clause of ours they accepted ("shall not
  create with an AI System a digital replica …") whose term's definition went with the covenant (the covenant's
  opening "In this Agreement, “AI System” means …") gets that definition back, where it is used, as a tracked,
  commented insertion of this round;
- no clause of ours rests on the restriction that is gone: an exception to it ("The restriction on Prohibited AI Use
  does not prevent …", "Despite the restriction on …") or a duty to be bound by it is withdrawn, as a tracked,
  commented deletion of this round, and the definitions only it used go with it;
- the numbers run without a gap.

Our words they accepted inside THEIR sentence ("for any purpose, subject to the restrictions on Prohibited AI Use")
rest on the gone restriction too: minimal withdraws them (a tracked change leaving their sentence as they wrote it),
replies in the thread of our change, tells the user in a plan note that their wording now stands unqualified and
that the next step is the standard variant, and takes out the definitions only those words used. Two contracts: a UK
illustration licence with a quoted definitions clause and typed "2.1" numbers, and a US dataset licence in bare-term
definitions ("Dataset means …") with an unnumbered grant ("for any purpose whatsoever"); LibreOffice reads the first.

Two contracts of our own, each a shape the review's three were not: a services agreement about code with typed
"4.1" numbers and no definitions clause (the covenant carries the definitions; our exception for coding assistants
rests on it), and a creative commission whose typed clause numbers our clauses follow as "6A.", "6B." (the
likeness and reservation clauses stay, the likeness clause using "AI System"). Each asserts the plan and the
written .docx as accept-all leaves it (and as reject-all leaves it: their text as it came back). The words the
checks read are ours (the library's), never the contract's.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support.replies import Reply, record_ids
from support.synthetic_contracts import _document, _para, _save
from test_round_two_cited_where_placed import covenant_back

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.threads import read_comments

FIRST, NEXT_ROUND = datetime(2026, 4, 1, 9, 0, tzinfo=UTC), datetime(2026, 4, 20, 9, 0, tzinfo=UTC)
LO = Path(__file__).parent / "support" / "lo_revisions.py"  # the repository's copy (runs anywhere)
OUR_TERMS = ("AI System", "AI Vendor", "Protected Materials", "Prohibited AI Use")


def code_services() -> bytes:
    """A US services agreement about code: typed "4.1" numbers, no definitions clause, ownership assigned."""
    doc = _document()
    _para(doc, "SOFTWARE SERVICES AGREEMENT", bold=True)
    _para(
        doc,
        'This Software Services Agreement (this "Agreement") is made between Northgate Labs LLC, a Delaware limited '
        'liability company (the "Developer"), and Quillon Retail Inc. (the "Client").',
    )
    _para(doc, "1. Services", bold=True)
    _para(
        doc,
        "1.1 The Developer will design, write and test the inventory application described in Schedule A, "
        'including its source code and object code (the "Software").',
    )
    _para(doc, "2. Fees", bold=True)
    _para(doc, "2.1 The Client will pay the Developer $48,000, in three equal instalments on the milestones.")
    _para(doc, "3. Acceptance", bold=True)
    _para(doc, "3.1 The Client will test each milestone within ten business days of delivery.")
    _para(doc, "4. Intellectual Property", bold=True)
    _para(
        doc,
        "4.1 Upon payment in full, the Developer hereby assigns to the Client all right, title and interest in "
        "and to the Software, including all copyrights in it.",
    )
    _para(
        doc,
        "4.2 The Developer keeps its pre-existing libraries and tools, and grants the Client a non-exclusive "
        "licence to use them as part of the Software.",
    )
    _para(doc, "5. General", bold=True)
    _para(doc, "5.1 This Agreement is governed by the laws of the State of New York.")
    return _save(doc)


def mural_commission() -> bytes:
    """A UK commission of a painted artwork: typed one-level numbers ("6."), the Artist keeps copyright, a licence."""
    doc = _document()
    _para(doc, "ARTWORK COMMISSION AGREEMENT", bold=True)
    _para(
        doc,
        'This agreement is made between Rosalind Achebe (the "Artist") and Harbourside Hotels Limited (the "Client").',
    )
    _para(
        doc,
        "1. The Artist will paint a mural for the Client's lobby in Bristol, with its preparatory sketches (the "
        '"Artwork").',
    )
    _para(doc, "2. The Client will pay the Artist £9,500, half on signature and half on completion.")
    _para(doc, "3. The Artist will complete the Artwork by 30 September 2026.")
    _para(
        doc,
        "4. The Artist grants the Client a non-exclusive licence to photograph the Artwork and to reproduce those "
        "photographs in the Client's brochures and on its website.",
    )
    _para(doc, "5. The Client shall credit the Artist wherever it reproduces the Artwork.")
    _para(doc, "6. Copyright in the Artwork remains with the Artist.")
    _para(doc, "7. This agreement is governed by the law of England and Wales.")
    return _save(doc)


def illustration_licence() -> bytes:
    doc = _document()
    _para(doc, "ILLUSTRATION LICENCE", bold=True)
    _para(
        doc,
        'This licence is made between Tamsin Okafor (the "Illustrator") and Brightwater Learning Ltd (the "Licensee").',
    )
    _para(doc, "1. Definitions", bold=True)
    _para(
        doc,
        '1.1 "Illustrations" means the forty line drawings for the Licensee\'s science course listed in the Schedule.',
    )
    _para(doc, '1.2 "Fee" means £6,400.')
    _para(doc, "2. Licence", bold=True)
    _para(
        doc,
        "2.1 The Illustrator grants the Licensee a non-exclusive, worldwide licence to reproduce and adapt the "
        "Illustrations for any purpose.",
    )
    _para(doc, "2.2 The Licensee will pay the Fee within 30 days of delivery.")
    _para(doc, "3. Ownership", bold=True)
    _para(doc, "3.1 Copyright in the Illustrations remains with the Illustrator.")
    _para(doc, "4. Law", bold=True)
    _para(doc, "4.1 This licence is governed by the law of England and Wales.")
    return _save(doc)


def dataset_licence() -> bytes:
    doc = _document()
    _para(doc, "DATA LICENSE AGREEMENT", bold=True)
    _para(doc, "Between Harlow Survey Co. (Licensor) and Pinecrest Analytics Inc. (Licensee).")
    _para(doc, "Definitions", bold=True)
    _para(doc, "In this agreement:")
    _para(doc, "Dataset means the 2026 regional household survey responses, delivered as CSV files.")
    _para(doc, "Fee means USD 30,000.")
    _para(doc, "License", bold=True)
    _para(
        doc,
        "Licensor grants Licensee a non-exclusive, perpetual license to use, copy and analyze the Dataset for any "
        "purpose whatsoever.",
    )
    _para(doc, "Licensee will pay the Fee on signature.")
    _para(doc, "Licensor retains ownership of the Dataset and all rights in it.")
    _para(doc, "General", bold=True)
    _para(doc, "This agreement is governed by the laws of the State of Illinois.")
    return _save(doc)


CONTRACTS = {
    "code-services": (code_services, "Developer"),
    "mural-commission": (mural_commission, "Artist"),
    "illustration-licence": (illustration_licence, "Illustrator"),  # our words in their grant: withdrawn
    "dataset-licence": (dataset_licence, "Licensor"),
}
WORDS = {"illustration-licence": "for any purpose.", "dataset-licence": "for any purpose whatsoever."}  # grant ends


@functools.cache
def first_round(name: str) -> engine.Redline:
    build, we = CONTRACTS[name]
    options = engine.Options(variant="minimal", we=we)
    return engine.redline(build(), author="noai", date=FIRST, options=options, filename=f"{name}.docx")


@functools.cache
def returned(name: str) -> bytes:
    """Their counsel rejects our covenant and accepts the rest."""
    sent = first_round(name).docx
    ids = [q.id for q in read_rounds(read_package(sent))[0].proposals if q.clause == "no-ai-training"]
    return Reply(sent).reject(ids=record_ids(sent, *ids)).accept().bytes()


@functools.cache
def round_two(name: str) -> engine.Redline:
    options = engine.Options(variant="minimal", we=CONTRACTS[name][1])
    return engine.redline(returned(name), author="noai", date=NEXT_ROUND, options=options)


def texts(docx: bytes) -> list[str]:
    """The document as accept-all leaves it."""
    return [p.text for p in engine.read(docx, accepted=True).paragraphs]


def rejected(docx: bytes) -> list[str]:
    """The document with this round's changes rejected: their text as it came back."""
    return texts(Reply(docx).reject(author="noai").bytes())


def undefined(paragraphs: list[str]) -> list[str]:
    """Our terms the text uses but defines nowhere."""
    text = "\n".join(paragraphs)
    defined = r'(?:["“]{t}["”]\s+(?:means|shall mean)|^(?:\S+\s+)?["“]?{t}["”]?:\s)'  # "X" means …, or X: …
    return [
        t for t in OUR_TERMS if re.search(rf"\b{t}\b", text) and not re.search(defined.format(t=t), text, re.MULTILINE)
    ]


def resting_on_nothing(paragraphs: list[str]) -> list[str]:
    """Paragraphs naming "the restriction on Prohibited AI Use" where no paragraph restricts it any more."""
    restricts = any(re.search(r"shall not[^.]*Prohibited AI Use", t) for t in paragraphs)
    return [] if restricts else [t for t in paragraphs if re.search(r"restrictions? on Prohibited AI Use", t)]


def test_the_first_round_is_what_the_tests_read():
    # the shapes hold what round two must answer: our covenant (with the definitions) and a clause resting on it
    code = first_round("code-services")
    clauses = {e.clause for e in code.plan.edits if e.op == "insert_after"}
    assert {"no-ai-training", "ai-software-use"} <= clauses, clauses
    assert not undefined(texts(code.docx)) and not resting_on_nothing(texts(code.docx))
    mural = first_round("mural-commission")
    clauses = {e.clause for e in mural.plan.edits if e.op == "insert_after"}
    assert {"no-ai-training", "ai-creative-likeness"} <= clauses, clauses
    assert not undefined(texts(mural.docx))
    # and the reply as it came back leaves them hanging: what round two must fix
    assert resting_on_nothing(texts(returned("code-services")))
    assert undefined(texts(returned("mural-commission")))


def test_an_exception_to_the_gone_restriction_is_withdrawn_with_the_terms_only_it_used():
    red = round_two("code-services")
    withdrawn = [e for e in red.plan.edits if e.clause == "ai-software-use" and e.op == "replace"]
    assert withdrawn and all(e.replacement == "" for e in withdrawn), red.plan.edits
    assert "restriction" in (withdrawn[0].comment or "") and "this round" in (withdrawn[0].comment or "")
    assert any("resting on the AI restriction" in n for n in red.plan.notes), red.plan.notes
    after = texts(red.docx)
    assert not resting_on_nothing(after), resting_on_nothing(after)
    assert not undefined(after), undefined(after)
    assert not any(t for t in OUR_TERMS if any(t in p for p in after))  # nothing of ours uses them: none left defined
    numbers = [m.group(1) for p in after if (m := re.match(r"4\.(\d+)\b", p))]
    assert numbers == [str(k + 1) for k in range(len(numbers))], numbers  # "4.1", "4.2": no gap, no stray 4.3A
    assert rejected(red.docx) == texts(returned("code-services"))  # reject-all: their text as it came back
    comments = [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai" and not c.done]
    assert any("nothing to qualify" in c for c in comments), comments


def test_a_term_the_accepted_likeness_clause_uses_is_defined_where_it_is_used():
    red = round_two("mural-commission")
    added = [e for e in red.plan.edits if e.op == "replace" and "means" in (e.replacement or "")]
    assert len(added) == 1 and '"AI System" means' in (added[0].replacement or ""), red.plan.edits
    assert (added[0].anchor_text or "").find("AI System") >= 0  # at the clause using it
    assert "this round" in (added[0].comment or "")
    after = texts(red.docx)
    assert not undefined(after), undefined(after)
    assert not resting_on_nothing(after)
    likeness = next(t for t in after if "digital replica" in t)
    assert re.search(r'digital replica.*consent\. In this agreement, "AI System" means', likeness), likeness
    assert sum('"AI System" means' in t for t in after) == 1  # defined once
    assert rejected(red.docx) == texts(returned("mural-commission"))


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_our_clauses_after_the_typed_number_keep_their_letters_without_a_gap(name):
    after = texts(round_two(name).docx)
    letters: dict[str, list[str]] = {}
    for t in after:
        if m := re.match(r"(\d+(?:\.\d+)?)([A-Z])\.?\s", t):
            letters.setdefault(m.group(1), []).append(m.group(2))
    for number, found in letters.items():
        assert found == [chr(ord("A") + k) for k in range(len(found))], (number, found)


@pytest.mark.parametrize(
    ("name", "first", "block"),
    [
        ("photo-licence", "standard", "5"),  # standard's likeness clause widens "Prohibited AI Use": withdrawn
        ("uk-picture-book", "minimal", "7"),
        ("us-software-development", "standard", "7"),  # Word-lettered "(d)": the exception and the flow-down go
        ("us-work-for-hire", "minimal", "3"),
        ("us-work-for-hire", "standard", "3"),  # a run-in title before the widening: "Style, Voice and Likeness. …"
        ("au-influencer", "standard", "3"),  # "Permitted Purpose … excluding any Prohibited AI Use": defined again
        ("music-commission", "standard", "3"),
        ("uk-brand-design", "minimal", "4"),  # a definitions clause of "“X”: …" entries
        # our words accepted inside THEIR sentence ("for any purpose, subject to the restrictions on Prohibited AI
        # Use") rest on the restriction they rejected: withdrawn, their sentence as they wrote it
        ("corpus-licence", "minimal", "4"),
        ("au-influencer", "minimal", "3"),
        ("us-purchase-order", "minimal", "5"),
        ("au-software-escrow", "minimal", "5"),
    ],
)
def test_minimal_after_the_covenants_rejection_on_the_review_contracts(name, first, block):
    red = covenant_back(name, first, "minimal")
    assert not [e for e in red.plan.edits if e.op == "insert_after" and e.clause == "no-ai-training"]
    paragraphs = engine.read(red.docx, accepted=True).paragraphs
    after = [p.text for p in paragraphs]
    assert not undefined(after), undefined(after)
    assert not resting_on_nothing(after), resting_on_nothing(after)
    typed = [m.group(1) for t in after if (m := re.match(rf"{block}([A-Z])\.\s", t))]
    assert typed == [chr(ord("A") + k) for k in range(len(typed))], typed
    came = rejected(red.docx)  # the document as it came back (our changes of this round rejected)
    assert after.count("") <= came.count(""), "a paragraph we withdraw leaves an empty one"
    theirs = [t for t in came if t and not re.search(r"\bAI\b|Protected Materials|^\(?\d|^\([a-z]\)", t)]
    assert not [t for t in theirs if t not in after], [t for t in theirs if t not in after]  # none of theirs lost
    lettered = [
        p.text[1] for p in paragraphs if re.match(r"\([a-z]\) ", p.text) and (p.section_label or "").startswith(block)
    ]
    assert lettered == [chr(ord("a") + k) for k in range(len(lettered))], lettered


def test_a_definition_is_never_added_to_a_lead_in_its_items_continue():
    # review22's licence: they reject our clause defining the Permitted Purpose that our accepted change of their
    # "4.1 … licence to … the Licensed Works:" uses; its items follow the colon: a definition typed after "Works:"
    # would break the sentence (what a lawyer does there instead is left: tests/test_review_session22.py class 5)
    from test_review_session22 import LICENCE_UNNAMED as LICENCE
    from test_review_session22 import round_two as replied

    for variant in ("strict", "standard"):
        red = replied(LICENCE, variant, "reject")
        typed = [e for e in red.plan.edits if e.op == "replace" and "means" in (e.replacement or "")]
        assert not [e for e in typed if (e.find or "").rstrip().endswith(":")], typed


def grant(paragraphs: list[str]) -> str:
    return next(t for t in paragraphs if "grants Licensee" in t or "grants the Licensee" in t)


@pytest.mark.parametrize("name", sorted(WORDS))
def test_the_first_round_put_our_words_into_their_grant(name):
    before = grant(texts(first_round(name).docx))
    assert "subject to the restrictions on Prohibited AI Use" in before, before
    assert "subject to the restrictions on Prohibited AI Use" in grant(texts(returned(name)))  # accepted


@pytest.mark.parametrize("name", sorted(WORDS))
def test_our_words_resting_on_the_gone_restriction_are_withdrawn_leaving_their_sentence(name):
    build, ending = CONTRACTS[name][0], WORDS[name]
    red = round_two(name)
    withdrawn = [e for e in red.plan.edits if e.op == "replace" and "restrictions on" in (e.find or "")]
    assert len(withdrawn) == 1 and withdrawn[0].replacement == "", red.plan.edits
    assert (withdrawn[0].find or "").startswith(", subject to"), withdrawn[0].find  # our words only, not theirs
    assert not [e for e in red.plan.edits if e.op == "insert_after" and e.clause == "no-ai-training"]
    note = [n for n in red.plan.notes if "now stands unqualified" in n]
    assert note and "standard variant" in note[0] and "“for any purpose" in note[0], red.plan.notes
    after = texts(red.docx)
    assert grant(after) == grant(texts(build())), grant(after)  # their sentence as they wrote it
    assert grant(after).endswith(ending)
    assert not any("Prohibited AI Use" in t for t in after), after  # its definition went with our words
    kept = [t for t in after if "shall not" in t and "AI Vendor" in t]  # the dataset's clause of ours they accepted
    assert bool(kept) == (name == "dataset-licence"), kept
    for term in ("Protected Materials", "AI System", "AI Vendor"):  # what stands of ours is defined, and used
        defines = re.compile(rf'^(?:\S+\s+)?"?{term}"? means')
        used = any(term in t and not defines.match(t) for t in after)
        assert used == any(defines.match(t) for t in after), term
    assert rejected(red.docx) == texts(returned(name))  # reject-all: their text as it came back


@pytest.mark.parametrize("name", sorted(WORDS))
def test_our_reply_in_the_thread_of_our_change_says_we_took_the_words_out(name):
    red = round_two(name)
    comments = read_comments(read_package(red.docx))
    ours = [c for c in comments if c.author == "noai"]
    root = next(c for c in ours if c.parent is None and "for any purpose" in c.text and "subject to" in c.text)
    replies = [c.text for c in ours if c.parent == root.id]
    assert any("taken out these words of ours" in t and "as you wrote it" in t for t in replies), replies
    withdrawn = next(e for e in red.plan.edits if e.op == "replace" and "restrictions on" in (e.find or ""))
    assert withdrawn.comment is None  # the reply in the thread says it: never two comments saying the same


@pytest.mark.skipif(not (LO.exists() and shutil.which("soffice")), reason="LibreOffice or lo_revisions.py absent")
def test_libreoffice_reads_the_withdrawal(tmp_path):
    name = "illustration-licence"
    out = tmp_path / "out.docx"
    out.write_bytes(round_two(name).docx)
    run = subprocess.run(["/usr/bin/python3", str(LO), str(out)], capture_output=True, text=True, timeout=600)
    seen = json.loads(next(line for line in run.stdout.splitlines() if line.strip()))
    assert seen["ok"] and not seen["redlines_left_after_accept"], seen.get("load_error")
    accepted, rejected = seen["accepted_text"], seen["rejected_text"]
    assert "Illustrations for any purpose." in accepted and "Prohibited AI Use" not in accepted, accepted
    assert re.search(r"2\.1\s*The Illustrator grants", accepted), accepted
    assert "subject to the restrictions on Prohibited AI Use" in rejected  # their text as it came back
