"""An inserted clause cites itself by number (session 9 note, seen; issue 15, session 11).

Inserted as a titled sub-clause ("2.3 No AI Training" over "2.3.1" … "2.3.5"), the covenant's closing
"This clause applies to the fullest extent permitted by law …" sits in a paragraph numbered 2.3.5 of its
own, where it would read as 2.3.5 alone: it cites the covenant's number ("this clause 2.3"; "this Section
2.3" where the document refers to Sections), and its closing sentence cites every clause we insert ("Clauses
2.3 to 2.5 apply …", tests/test_parts_cited.py). A covenant that is one numbered sub-clause with unnumbered
continuation paragraphs cites its number too ("This Section 4.3 does not restrict …"): inside Section 4,
"this Section" may read as all of Section 4. Checked on a contract with Word's numbering and on one with typed
numbers and Section references, in the plan and in the written .docx.
"""

from __future__ import annotations

import re

import pytest
from test_document_wording import build, redline_of
from test_review_synthetic import redline
from test_titled_subclause_placement import agreement
from test_writer import accepted

from noai import engine

TYPED = (
    "CONSULTING AGREEMENT",
    'This Agreement is made between Quill Data LLC ("Consultant") and Maple Freight Inc. ("Client").',
    "1. Services",
    "1.1 Consultant will build a freight-pricing model for Client as described in Section 1.2.",
    "1.2 The model will cover road and rail freight in the United States.",
    "2. Intellectual Property",
    "2.1 Ownership",
    "2.1.1 Consultant hereby assigns to Client all right, title and interest in the pricing model.",
    "2.1.2 Consultant will sign any document Client reasonably requests to perfect that assignment.",
    "2.2 Confidential Materials",
    "2.2.1 Client will mark its confidential materials as confidential.",
    "2.2.2 Consultant will return Client's confidential materials when this Agreement ends.",
    "3. General",
    "3.1 This Agreement is governed by the laws of the State of New York.",
)


def covenant_texts(red: engine.Redline) -> list[str]:
    edit = next(e for e in red.plan.edits if e.clause == "no-ai-training")
    return [item["text"] for item in edit.paragraphs]


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_covenant_numbered_paragraph_by_paragraph_cites_its_sub_clause_in_words_numbering(variant):
    red = redline_of(agreement(titled=True), variant)
    last = "2.8" if variant == "strict" else "2.5"  # 2.4 coding assistants, 2.5 pre-existing materials (2.6-2.8)
    assert any(t.startswith(f"Clauses 2.3 to {last} apply to") for t in covenant_texts(red))
    labelled = {q.text: q.label for q in engine.read(red.docx).paragraphs}
    closing = next(t for t in labelled if t.startswith("Clauses 2.3 to"))
    assert (
        labelled[closing] == "2.3.5" and labelled["No AI Training" if variant == "standard" else "No AI Use"] == "2.3"
    )
    assert max(q.label or "" for q in engine.read(red.docx).paragraphs if re.fullmatch(r"2\.\d", q.label or "")) == last
    assert not any(re.search(r"[Tt]his clause(?! 2\.3\b)", t) for t in labelled)


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_a_covenant_with_typed_numbers_cites_its_section_as_the_document_refers_to_sections(variant):
    red = redline_of(build(*TYPED), variant)
    written = accepted(red.docx)
    closing = next(t for t in written if re.match(r"2\.3\.\d+ This Section", t))
    assert closing.startswith("2.3.5 This Section 2.3 applies to")
    protective = [t for t in written if "at least as protective as this" in t]  # strict's sublicensing sentence
    assert all("as protective as this Section 2.3" in t for t in protective) and len(protective) == (
        variant == "strict"
    )


@pytest.mark.parametrize("variant", ["strict", "standard", "minimal"])
def test_a_covenant_in_one_numbered_sub_clause_of_section_4_cites_its_number_not_this_section(variant):
    red = redline("us-translation-msa", variant)
    paragraphs = engine.read(red.docx).paragraphs
    covenant = next(i for i, q in enumerate(paragraphs) if q.label == "4.3")
    assert paragraphs[covenant - 1].label == "4.2"  # the Vendor's own duties in 4.1 and 4.2 stay out of it
    ours = [q.text for q in paragraphs[covenant:] if q.label in (None, "") or q.label.startswith("4.")]
    closing = next(t for t in ours if re.search(r"\bapply to the (?:fullest )?extent permitted by law", t))
    assert re.search(r"\bSections (?:3\.3(?:,| and) )?4\.3 (?:and|to) 4\.[4-7] apply\b", closing), closing
    assert not any(re.search(r"\b[Tt]his Section\b(?! 4\.3\b)", t) for t in ours), ours
