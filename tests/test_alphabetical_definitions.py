"""New terms go each at its place in a definitions list kept in alphabetical order (issue 15, REVIEW10 6).

The example services agreement ("“Confidential Information” means …" to "“Usage Data” means …", quoted terms)
is a second shape beside the English precedent's "Deliverables: …" list; a list out of order takes the new
terms at its end, as before.
"""

from __future__ import annotations

import re
from pathlib import Path

from support.docx_builder import make_docx, p
from test_review_synthetic import DATE

from noai import engine

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "agency-services-agreement.docx"
ENTRY = re.compile(r"^“([^”]+)” means")


def defined_terms(docx: bytes) -> list[str]:
    """The terms of the first run of definitions in the written .docx, changes accepted."""
    texts = [q.text for q in engine.read(docx).paragraphs]
    start = next(i for i, t in enumerate(texts) if ENTRY.match(t))
    terms = []
    for t in texts[start:]:
        if not (m := ENTRY.match(t)):
            break
        terms.append(m.group(1))
    return terms


def test_the_examples_new_terms_sit_in_its_alphabetical_list():
    red = engine.redline(EXAMPLE.read_bytes(), author="noai", date=DATE)
    terms = defined_terms(red.docx)
    assert {"AI System", "Prohibited AI Use", "Protected Materials"} <= set(terms), terms
    assert terms == sorted(terms, key=str.lower), terms
    assert sum(1 for e in red.plan.edits if e.comment and e.clause == "definitions") == 1  # one comment


def test_a_list_out_of_alphabetical_order_takes_the_new_terms_at_its_end():
    texts = (
        "SERVICES AGREEMENT",
        'This agreement is between Lumen Studio Ltd ("Studio") and Orrery Foods Ltd ("Client").',
        "Definitions",
        "“Services” means the design services in the Schedule.",
        "“Deliverables” means the designs Studio creates in performing the Services.",
        "“Fees” means the fees in the Schedule.",
        "Licence",
        "Studio grants Client a perpetual licence to use the Deliverables for any purpose.",
    )
    red = engine.redline(make_docx("".join(p(t) for t in texts) + "<w:sectPr/>"), author="noai", date=DATE)
    terms = defined_terms(red.docx)
    assert terms[:3] == ["Services", "Deliverables", "Fees"] and len(terms) > 3, terms
