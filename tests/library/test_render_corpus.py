"""Rendering with the terms of real corpus documents.

The terms were derived by hand from each document (counted with python-docx); the engine's
own extraction (``noai.engine.placeholders_for``) must find the same ones, and rendering with what
it extracts must leave no placeholder.
"""

from pathlib import Path

import docx
import pytest

from noai import engine
from noai.library import VARIANTS, render_many

CORPUS = Path(__file__).parents[1] / "data" / "corpus"

DOCUMENT_TERMS = {
    "cp-professional-services-agreement.docx": {
        "client": "Customer",
        "provider": "Provider",
        "deliverables": "Deliverables",
        "agreement": "this Agreement",
    },
    "cp-independent-contractor-agreement.docx": {
        "client": "Company",
        "provider": "Contractor",
        "deliverables": "Work Product",
        "agreement": "this Agreement",
    },
    "oa-confidentiality-invention-assignment.docx": {
        "client": "Company",
        "provider": "Employee",
        "deliverables": "Covered Inventions",
    },
    "msr-research-license-agreement.docx": {
        "client": "you",
        "provider": "Microsoft",
        "deliverables": "the Deliverables",
        "agreement": "this Agreement",
    },
    "sap-sample-code-license.docx": {
        "client": "You",
        "provider": "SAP",
        "deliverables": "the Sample Code",
        "agreement": "this Agreement",
    },
}


def document_text(name: str) -> str:
    document = docx.Document(CORPUS / name)
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


@pytest.mark.parametrize("name", DOCUMENT_TERMS)
def test_the_hand_derived_terms_are_the_documents_own(name):
    text = document_text(name)
    for term in DOCUMENT_TERMS[name].values():
        assert term in text, term


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", DOCUMENT_TERMS)
def test_every_clause_renders_with_the_documents_terms_and_no_placeholder_left(library, name, variant):
    terms = DOCUMENT_TERMS[name]
    rendered = render_many([(clause, variant) for clause in library.clauses], terms)
    text = "\n".join(p for r in rendered for p in (r.title, *r.paragraphs, r.comment))
    assert "{" not in text and "}" not in text
    for role in ("client", "provider", "deliverables"):
        assert terms[role] in text or terms[role].capitalize() in text, role
    assert "the the " not in text.lower() and "you's" not in text.lower()
    # the client's possessive ("Customer's", "your"); the minimal covenant reaches no affiliates, nor does its comment
    if terms["client"].lower() == "you":
        assert "your affiliates" in text.lower() or "your own" in text.lower()
    else:
        assert f"{terms['client']}'s affiliates" in text or f"{terms['client']}'s own" in text
    assert sum(p.startswith("“Prohibited AI Use” means") for r in rendered for p in r.paragraphs) == 1


@pytest.mark.parametrize("name", DOCUMENT_TERMS)
def test_the_engine_extracts_the_same_terms_and_renders_with_them(library, name):
    extracted = engine.placeholders_for((CORPUS / name).read_bytes())
    for role in ("client", "provider", "deliverables"):
        assert extracted[role].casefold() == DOCUMENT_TERMS[name][role].casefold(), role
    rendered = render_many([(clause, "standard") for clause in library.clauses], extracted)
    text = "\n".join(p for r in rendered for p in (r.title, *r.paragraphs, r.comment))
    assert "{" not in text and extracted["provider"] in text
