"""Parties, self-reference and work product on every corpus contract, against gold.json's ``party_terms``.

The corpus lives in ``../shared/corpus`` beside the repository (as on CI); without it these tests
skip. Gold's ``provider`` is the creator side (provider, licensor, contractor, discloser), its
``client`` the receiving side; a party is right when one of its words or its name is among gold's
terms (case and article aside), the work product when it is one of gold's names or both say none.
The self-reference has no gold label: it must be the document's own words ("this ...", "these ...",
or "the ..." of a name the document gives itself), written exactly so at least twice.

Rules were developed on the *dev* half of the gold contracts and measured on the *check* half
(benchmarks/understanding.py's folds); a case the program gets wrong is listed in ``DISAGREEMENTS``
(xfail, strict: fixing it turns it into a failure that asks for the entry to go).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from noai.analysis.parties import CLIENT, CREATOR, analyse
from noai.analysis.terms import SELF_HEADS
from noai.ooxml.document import read_document

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
GOLD = CORPUS / "gold.json"
ENTRIES = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.is_file() else {}
needs_corpus = pytest.mark.skipif(not ENTRIES, reason=f"the shared corpus is not at {CORPUS} (../shared/corpus)")

# case id -> why the program disagrees with gold (remove the entry when fixed)
DISAGREEMENTS: dict[str, str] = {}


def _norm(word: str) -> str:
    word = " ".join(word.split()).casefold()
    word = re.sub(r"^(?:the|this|these)\s+", "", word)
    return word.removesuffix("s")


@cache
def _read(key: str):
    doc = read_document((CORPUS / key).read_bytes())
    return doc.paragraphs, analyse(doc.paragraphs)[1]


def _cases():
    for key in sorted(ENTRIES):
        name = Path(key).stem
        for what in ("creator", "client", "work_product", "self_reference"):
            case = f"{name}-{what}"
            marks = [pytest.mark.xfail(strict=True, reason=DISAGREEMENTS[case])] if case in DISAGREEMENTS else []
            yield pytest.param(key, what, id=case, marks=marks)


@needs_corpus
@pytest.mark.parametrize("key, what", list(_cases()) or [pytest.param("", "", marks=pytest.mark.skip)])
def test_the_parties_self_reference_and_work_product_are_the_documents_own(key, what):
    paragraphs, parties = _read(key)
    gold = ENTRIES[key]["party_terms"]
    if what in ("creator", "client"):
        expected = {_norm(t) for t in gold["provider" if what == "creator" else "client"]}
        party = parties.main(CREATOR if what == "creator" else CLIENT)
        assert party is not None, f"no {what} found; gold: {expected}"
        found = {_norm(w) for w in (*party.terms, *([party.name] if party.name else []))}
        assert found & expected, (party, expected)
    elif what == "work_product":
        wp = parties.work_product
        if not gold["work_product"]:
            assert wp is None
        else:
            assert wp is not None and _norm(wp.text) in {_norm(t) for t in gold["work_product"]}, (wp, gold)
    else:
        sr = parties.self_reference
        if sr is None:
            return pytest.skip("the document gives itself no name (nothing to check)")
        text = "\n".join(p.text for p in paragraphs)
        determiner, _, name = sr.text.partition(" ")
        heads = {h.split()[-1].casefold() for h in SELF_HEADS}
        assert determiner in ("this", "these", "the") and name.split()[-1].casefold() in heads, sr
        assert len(re.findall(rf"\b(?i:{determiner})\s+{re.escape(name)}\b", text)) >= 2
        assert paragraphs[sr.index].text.lower().count(sr.text.lower()) >= 1


@needs_corpus
def test_every_term_named_is_written_in_the_document():
    """No party word, name or work product that the document does not contain (no defaults)."""
    for key in sorted(ENTRIES):
        paragraphs, parties = _read(key)
        text = "\n".join(p.text for p in paragraphs).casefold()
        words = [w for p in parties.parties for w in (*p.terms, *([p.name] if p.name else []))]
        words += [parties.work_product.text] if parties.work_product else []
        missing = [w for w in words if w.casefold() not in text]
        assert missing == [], key
