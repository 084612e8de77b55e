"""A typed-number IP clause divided into titled sub-clauses gets new titled sub-clauses of its own (NOTE "seen", f).

Where the document types its numbers ("2.2<TAB>Security Testing" over "2.2.1<TAB>…"), the covenant is "2.3 No AI
Training" over "2.3.1 …", numbered by the plan as the document types them, not "2.2.3" inside a sub-clause on
another subject; as Word-numbered contracts already are (tests/test_titled_subclause_placement.py). Two contracts
written for these tests: an English software development agreement (tab after "2.2", an assignment) and a US
licence ("7.2. " with a dot and a space, the creator keeps ownership). A typed IP clause of plain numbered
paragraphs still continues its own numbers.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p, r
from test_review_synthetic import DATE
from test_writer import accepted, rejected

from noai import engine


def software(titled: bool = True) -> bytes:
    ip = (
        [
            p(r("2.1\tOwnership of the Software", b=True)),
            p("2.1.1\tThe Developer hereby assigns to the Customer all right, title and interest in the Software."),
            p("2.1.2\tThe Developer shall sign any document the Customer reasonably requests to perfect it."),
            p(r("2.2\tSecurity Testing", b=True)),
            p("2.2.1\tThe Developer shall scan the Software for viruses before each delivery."),
            p("2.2.2\tThe Customer shall report any vulnerability it finds to the Developer within five days."),
        ]
        if titled
        else [
            p("2.1\tThe Developer hereby assigns to the Customer all right, title and interest in the Software."),
            p("2.2\tThe Customer shall report any vulnerability it finds to the Developer within five days."),
        ]
    )
    body = [
        p("SOFTWARE DEVELOPMENT AGREEMENT"),
        p('This agreement is made between Larch Code Ltd (the "Developer") and Tamsin Foods plc (the "Customer").'),
        p(r("1.\tServices", b=True)),
        p('1.1\tThe Developer shall develop a stock-control application for the Customer (the "Software").'),
        p(r("2.\tIntellectual Property", b=True)),
        *ip,
        p(r("3.\tGeneral", b=True)),
        p("3.1\tThis agreement is governed by the laws of England."),
    ]
    return make_docx("".join(body) + "<w:sectPr/>")


def licence() -> bytes:
    body = [
        p("MAP LICENSE AGREEMENT"),
        p('This Agreement is made between Cartwright Atlas LLC ("Licensor") and Ferris Hiking Co. ("Licensee").'),
        p(r("6. Delivery", b=True)),
        p('6.1. Licensor shall draw twelve trail maps for Licensee (the "Maps") and deliver them by May 1, 2027.'),
        p(r("7. Intellectual Property", b=True)),
        p(r("7.1. Ownership", b=True)),
        p("7.1.1. Licensor owns all copyright in the Maps."),
        p(r("7.2. License", b=True)),
        p(
            "7.2.1. Licensor grants Licensee a non-exclusive license to print the Maps in its trail guides for any "
            "purpose."
        ),
        p("7.2.2. Licensee shall credit Licensor on each printed map."),
        p(r("8. General", b=True)),
        p("8.1. This Agreement is governed by the laws of the State of Colorado."),
    ]
    return make_docx("".join(body) + "<w:sectPr/>")


CASES = {"software": (software, "2.", "2.2."), "licence": (licence, "7.", "7.2.")}


def red(docx: bytes, variant: str) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant))


@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
@pytest.mark.parametrize("name", sorted(CASES))
def test_new_clauses_after_a_typed_titled_sub_clause_are_titled_sub_clauses_of_their_own(name, variant):
    build, clause, last = CASES[name]
    r_ = red(build(), variant)
    texts = accepted(r_.docx)  # the written .docx, every change accepted
    numbers = {t.split()[0] for t in accepted(build()) if t[:1].isdigit()}
    ours = [t for t in texts if t.startswith(clause) and t.split()[0] not in numbers]  # new numbered paragraphs
    assert ours, texts
    # nothing numbered inside "2.2 Security Testing" (a purpose limit "7.2.1A" qualifies the grant it follows)
    assert not any(t.startswith(last) and not re.match(r"[\d.]+\d[A-Z]\.?\s", t) for t in ours), ours
    heading = re.compile(rf"^{re.escape(clause)}(\d+)\.?\s+[A-Z][\w ,-]*$")
    headings = [t for t in ours if heading.match(t)]
    assert headings and headings[0].split()[0].rstrip(".") == f"{last.rstrip('.')[:-1]}{int(last.rstrip('.')[-1]) + 1}"
    for h in headings:  # each new heading over its own "N.M.1", "N.M.2"
        number = h.split()[0].rstrip(".")
        after = texts[texts.index(h) + 1]
        assert after.startswith(f"{number}.1"), (h, after)
    assert rejected(r_.docx) == accepted(build())  # reject-all gives the document back


def test_the_plan_types_the_numbers_and_copies_the_documents_heading_and_paragraph_format():
    plan = red(software(), "standard").plan
    first = next(e for e in plan.edits if e.op == "insert_after" and e.paragraphs[0]["text"].startswith("2.3\t"))
    assert first.paragraphs[0] == {"text": "2.3\tNo AI Training", "like": 8, "continued": True}
    assert [q["text"][:6] for q in first.paragraphs[1:3]] == ["2.3.1\t", "2.3.2\t"]


def test_a_typed_ip_clause_of_plain_paragraphs_continues_its_own_numbers():
    texts = accepted(red(software(titled=False), "standard").docx)
    assert any(t.startswith("2.3\t") for t in texts) and not any(t.startswith("2.3.1") for t in texts)
