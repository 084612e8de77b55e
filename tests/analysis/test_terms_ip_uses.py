"""The work product's ranking reads a term's paragraphs only up to the third about ownership, licence or delivery
(`terms._ip_uses`): the same count and first paragraph as reading every paragraph holding one of its spellings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.synthetic_contracts import agency_msa_sow, photo_licence, uk_precedent, us_software_development

from noai.analysis import terms as T
from noai.analysis.joined import Joined
from noai.ooxml.document import read_document
from noai.ooxml.model import Paragraph

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NOAI_SHARED", ROOT.parent / "shared")) / "corpus" / "docx"


def _every_holder(joined: Joined, paragraphs, spellings) -> tuple[int, int | None]:
    """The reading before: every holder, sorted, then the first three about ownership, licence or delivery."""
    holders = sorted({i for n in spellings for i in joined.holders(n)})
    ip = 0
    for i in holders:
        if T._IP_CONTEXT.search(paragraphs[i].text):
            ip += 1
            if ip == 3:
                break
    return ip, (holders[0] if holders else None)


def _paragraphs(texts: list[str]) -> list[Paragraph]:
    return [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)]


TEXTS = [
    "The Designer shall deliver the Designs and the Design Files.",
    "Design Files are owned by the Client.",  # two spellings in one paragraph below
    "The Designs and the Designs' sketches are assigned to the Client.",
    "The Client may use the Designs in any media.",
    "Title to each Design passes on payment.",
    "The licence to the Designs is perpetual.",
    "Designs delivered late may be refused.",
]


@pytest.mark.parametrize(
    "spellings",
    [("Designs",), ("Designs", "Design"), ("Design Files", "Designs"), ("Logo",), ("Design", "Designs", "Files")],
)
def test_the_count_stops_at_three_and_the_first_holder_is_the_earliest_of_any_spelling(spellings):
    paragraphs = _paragraphs(TEXTS)
    joined = Joined([p.text for p in paragraphs])
    assert T._ip_uses(joined, paragraphs, spellings) == _every_holder(joined, paragraphs, spellings)


def test_a_term_used_only_outside_ownership_counts_none_and_names_its_first_paragraph():
    paragraphs = _paragraphs(["Intro.", "The Images are due in May.", "Images must be sharp."])
    joined = Joined([p.text for p in paragraphs])
    assert T._ip_uses(joined, paragraphs, ("Images", "Image")) == (0, 1)
    assert T._ip_uses(joined, paragraphs, ("Masters",)) == (0, None)


def _documents() -> list[bytes]:
    made = [make() for make in (uk_precedent, agency_msa_sow, photo_licence, us_software_development)]
    corpus = sorted(SHARED.glob("*.docx")) + sorted((ROOT / "tests" / "data" / "corpus").glob("*.docx"))
    return made + [path.read_bytes() for path in corpus]


def test_equal_to_reading_every_holder_for_every_term_of_real_and_synthetic_contracts():
    checked = 0
    for data in _documents():
        paragraphs = read_document(data).paragraphs
        joined = Joined([p.text for p in paragraphs])
        names = {w for p in paragraphs for w in p.text.split() if w[:1].isupper() and len(w) > 2}
        for name in sorted(names)[:80]:
            for spellings in ((name,), (name, name.rstrip("s")), (name + "s", name)):
                assert T._ip_uses(joined, paragraphs, spellings) == _every_holder(joined, paragraphs, spellings)
                checked += 1
    assert checked > 1000
