"""The plan's wording facts read with the audit's vocabulary (AuditResult.vocabulary, the white-space-free chunks
of the paragraphs lower-cased, with the texts as they were before tracked changes added) are the facts read
without it: a word no text holds is found so without a scan of them all."""

from dataclasses import replace

import pytest
from support.corpus import contracts
from support.docx_builder import make_docx, p

from noai.analysis.audit import audit_document
from noai.analysis.facts import read_facts
from noai.ooxml.document import read_document

# the facts read through the texts holding a word (DocumentFacts._texts)
FACTS = (
    "paid",
    "price",
    "payment",
    "kept",
    "kept_use",
    "clause_word",
    "performer",
    "assignable",
    "sub_hyphen",
    "affiliates",
    "royalty",
)


def _facts(result):
    facts = read_facts(result)
    return {name: getattr(facts, name) for name in FACTS}


@pytest.mark.parametrize("path", contracts())
def test_the_facts_with_the_vocabulary_are_the_facts_without_it_on_every_corpus_contract(path):
    result = audit_document(read_document(path.read_bytes()))
    if result.vocabulary is None:  # a document the audit does not read (another language)
        return
    assert _facts(result) == _facts(replace(result, vocabulary=None))


def _tracked_deletion(text: str) -> str:
    deleted = f"<w:r><w:delText>{text}</w:delText></w:r>"
    return f'<w:p><w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">{deleted}</w:del></w:p>'


def test_a_word_only_a_tracked_deletion_holds_is_still_found():
    # "royalty" is only in the text as it was (a deleted sentence): the vocabulary of the text as it reads now lacks
    # it, and the facts read the texts as they were
    body = (
        p('This agreement is made between Tern Analytics Ltd (the "Developer") and Moss Bank plc (the "Customer").')
        + p("The Developer shall deliver the Software.")
        + _tracked_deletion("The Customer shall pay the Developer a royalty of 5% of net sales of the Software.")
    )
    result = audit_document(read_document(make_docx(body + "<w:sectPr/>")))
    assert result.vocabulary is not None and "royalty" not in result.vocabulary
    assert any("royalty" in q.original_text for q in result.paragraphs)
    facts = _facts(result)
    assert facts == _facts(replace(result, vocabulary=None))
    assert facts["royalty"] is True
