"""The test helper that writes the other side's reply rejects our inserted paragraphs as Word and LibreOffice do.

Where our clause goes in after a clause of theirs whose next paragraph is formatted otherwise (a heading), the writer
writes the insertion as Word does: the clause's own mark is marked inserted and our last paragraph ends on the
clause's original mark. Rejecting that insertion joins what is left of the clause with the next paragraph, so the
clause comes back whole. The helper used to drop the clause with its mark (us-translation-msa: rejecting our
later-transferees clause after 3.2 left "3.2" empty), so round-two tests saw a document no reply could produce.

Shapes: us-translation-msa (Word numbering, the clause before a heading) and us-work-for-hire (the clause before a
clause of the same format); LibreOffice's reject-all as the oracle.
"""

from __future__ import annotations

import pytest
from support.lo import lo_read, needs_lo
from support.replies import Reply, record_ids
from test_review_synthetic import redline

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds

CASES = {  # contract -> (the clause of ours rejected, the opening of the clause of theirs it followed)
    "us-translation-msa": ("retained-materials", "Vendor retains ownership of the Pre-Existing Materials."),
    "us-work-for-hire": ("retained-materials", "Contributor grants Company the right to use Contributor's name"),
}


def rejected(name: str, ids: tuple[str, ...] | None) -> bytes:
    sent = redline(name, "standard").docx
    return Reply(sent).reject(ids=record_ids(sent, *ids) if ids else None).bytes()


def texts(docx: bytes) -> list[str]:
    return [p.text for p in engine.read(docx, accepted=True).paragraphs]


@pytest.mark.parametrize("name", CASES)
def test_rejecting_our_clause_keeps_the_clause_of_theirs_it_followed_whole(name):
    clause, theirs = CASES[name]
    sent = redline(name, "standard").docx
    ids = tuple(q.id for q in read_rounds(read_package(sent))[0].proposals if q.clause == clause)
    kept = [t for t in texts(rejected(name, ids)) if theirs in t]
    assert len(kept) == 1 and len(kept[0]) > len(theirs), kept


@needs_lo
@pytest.mark.parametrize("name", CASES)
def test_rejecting_everything_gives_what_libreoffice_gives(name):
    (seen,) = lo_read([redline(name, "standard").docx])
    assert seen["ok"]
    ours = [t for t in texts(rejected(name, None)) if t.strip()]
    theirs = [t for t in seen["rejected_text"].split("\n") if t.strip()]
    assert ours == theirs
