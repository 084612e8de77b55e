"""Round two after the other side deletes one definition of ours (the entry defining "Permitted Purpose") and accepts
the rest, our change using the term among it (REVIEW22 class 5): never a term used and defined nowhere, and never in
silence. Strict puts the definition back where it stood, saying why; below strict, words of ours added to a clause of
theirs that use the term ("perpetual (solely for the Permitted Purpose)") go instead, said in a comment and a note;
where our change put the term in place of their words ("for any purpose" -> "solely for the Permitted Purpose") the
definition goes back (their words are what the limit replaced). Shapes: a licence in Articles whose uses name no work
(licence-articles, its uses unnamed: "perpetual (solely for …)"), and corpus-licence (numbered clauses, "for any
purpose" replaced). The plan and the written .docx (Word's accept-all, LibreOffice's accept and reject)."""

from __future__ import annotations

import functools
import re

import pytest
from support.lo import lo_read, require_libreoffice
from support.replies import Reply, record_ids
from test_review_session20 import NEXT_ROUND, ids_of, new_comments
from test_review_session22 import LICENCE_UNNAMED, inserted_ids, sent_first

from noai import engine

ENTRY = '"Permitted Purpose" means'
CORPUS = "corpus-licence"


def accepted(data: bytes) -> str:
    return "\n".join(p.text for p in engine.read(data, accepted=True).paragraphs)


@functools.cache
def answered(name: str, variant: str) -> engine.Redline:
    sent = sent_first(name, variant).docx
    back = Reply(sent)
    back.reject(ids=record_ids(sent, *ids_of(sent, "scope-limitation")) | inserted_ids(back, ENTRY)).accept()
    return engine.redline(back.bytes(), author="noai", date=NEXT_ROUND, options=engine.Options(variant=variant))


def defined(text: str, term: str) -> bool:
    return re.search(rf'["“]{term}["”]\s+means', text) is not None


@pytest.mark.parametrize("name", [LICENCE_UNNAMED, CORPUS])
@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_the_premise_our_change_uses_the_term_they_left_undefined(name, variant):
    sent = sent_first(name, variant)
    assert defined(accepted(sent.docx), "Permitted Purpose")
    assert any("Permitted Purpose" in (e.replacement or "") for e in sent.plan.edits if e.op == "replace")


@pytest.mark.parametrize("name", [LICENCE_UNNAMED, CORPUS])
def test_strict_puts_the_definition_back_and_says_why(name):
    red = answered(name, "strict")
    back = [e for e in red.plan.edits if e.op == "insert_after" and any(ENTRY in p["text"] for p in e.paragraphs)]
    assert len(back) == 1, red.plan.edits
    assert "put back our definition of “Permitted Purpose”" in (back[0].comment or "")
    text = accepted(red.docx)
    assert text.count(ENTRY) == 1 and "solely for the Permitted Purpose" in text
    assert any("Permitted Purpose" in n for n in red.plan.notes)


def test_standard_withdraws_words_of_ours_using_it():
    red = answered(LICENCE_UNNAMED, "standard")
    text = accepted(red.docx)
    assert "Permitted Purpose" not in text  # used nowhere, so defined nowhere
    assert "a perpetual, irrevocable, non-exclusive, worldwide licence" in text
    said = new_comments(red)
    assert any("“(solely for the Permitted Purpose)”" in c and "taken them out" in c for c in said), said
    assert any("Permitted Purpose" in n for n in red.plan.notes)
    # our last approach no longer says we tie the rights to it: superseded in part, in its thread
    (approach,) = [c for c in said if c.startswith("Superseded in part")]
    assert "no longer tie rights to the “Permitted Purpose”" in approach
    assert "to the Permitted Purpose" not in approach.partition("Our approach now:")[2]


def test_standard_puts_back_a_definition_our_change_of_their_words_needs():
    red = answered(CORPUS, "standard")
    text = accepted(red.docx)
    assert "solely for the Permitted Purpose" in text and defined(text, "Permitted Purpose")
    assert "for any purpose" not in text


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_libreoffice_reads_no_term_used_and_undefined(variant):
    require_libreoffice()
    red = answered(LICENCE_UNNAMED, variant)
    (read,) = lo_read([red.docx])
    text = "\n".join(read["accepted_paragraphs"])  # rejecting all leaves their reply as they sent it
    assert "Permitted Purpose" not in text or defined(text, "Permitted Purpose")
    assert ("solely for the Permitted Purpose" in text) == (variant == "strict")
    assert read["redlines_left_after_accept"] == 0 and read["redlines_left_after_reject"] == 0
