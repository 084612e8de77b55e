"""A client that may be a person is not asked for "an authorised officer" (issue 15, NOTE "seen", c).

The informal letter (English law, "you"), the studio email ("you") and a British design licence written for these
tests whose client is a sole trader ("Priya Nair, trading as Nair Bakes"): strict's certificate is given by the
client itself ("shall certify in writing whether …"); a client shown to be a company (uk-brand's "PARSLEY & PIKE
RETAIL LIMITED", the precedent's "(Customer)" after "KESTREL HOMEWARES PLC") still signs by an authorised officer.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from test_review_synthetic import DATE, inserted_texts, redline, source

from noai import engine
from noai.analysis.facts import company_client


def bakery(client: str = "Priya Nair, trading as Nair Bakes") -> bytes:
    texts = (
        "DESIGN LICENCE",
        f'This licence is made between Fenwick Studio Ltd (the "Designer") and {client} (the "Client").',
        '1. The Designer shall design the labels for the Client\'s cakes (the "Labels").',
        "2. The Designer grants the Client a non-exclusive licence to use the Labels for any purpose.",
        "3. The Client shall pay the Designer £900.",
        "4. This licence is governed by the law of England and Wales.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def certificate(texts: list[str]) -> str:
    # a letter or an email asks, in its register, a written confirmation ("must confirm in writing")
    return next(
        t for t in texts if re.search(r"(?:shall certify|must confirm) in writing", t) and "AI Use has occurred" in t
    )


@pytest.mark.parametrize("name", ("informal-letter", "studio-email", "bakery"))
def test_a_client_who_may_be_a_person_certifies_without_an_officer(name):
    if name == "bakery":
        red = engine.redline(bakery(), author="noai", date=DATE, options=engine.Options(variant="strict"))
    else:
        red = redline(name, "strict")
    said = certificate(inserted_texts(red))
    assert "officer" not in said
    assert re.search(r"(?:shall certify|must confirm) in writing whether any Prohibited AI Use has occurred", said)
    accepted = "\n".join(q.text for q in engine.read(red.docx).paragraphs)  # the written .docx, accepted
    assert re.search(r"(?:certify|confirm) in writing whether any Prohibited AI Use", accepted)
    assert "authorised officer" not in accepted


@pytest.mark.parametrize("name", ("uk-brand-design", "uk-precedent", "company-bakery"))
def test_a_client_shown_to_be_a_company_still_signs_by_an_authorised_officer(name):
    if name == "company-bakery":
        red = engine.redline(
            bakery("Nair Bakes Limited"), author="noai", date=DATE, options=engine.Options(variant="strict")
        )
    else:
        red = redline(name, "strict")
    assert "signed by an authorised officer" in certificate(inserted_texts(red))


def test_the_audit_reads_whether_the_client_is_a_company():
    assert company_client(engine.audit(source("uk-precedent")))  # "KESTREL HOMEWARES PLC … (Customer)"
    assert not company_client(engine.audit(bakery()))
    assert company_client(engine.audit(bakery("Nair Bakes Limited")))
