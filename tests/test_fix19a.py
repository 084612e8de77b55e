"""fix19a (REVIEW19 classes 1, 2, 5, 8) on contracts written here, of shapes other than the reviewer's.

Class 8: a moral-rights consent the creator must PROCURE from its people ("shall obtain written consents from each
photographer to any act or omission …"; "must ensure that each author gives a written consent, in a form the
Broadcaster approves, to any act …") is found and commented on like the consent the creator gives itself; a bar on the
client's acts "without … consent" is no such consent.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from support.synthetic_contracts import _document, _para, _save

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.threads import read_comments

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def run(docx: bytes, variant: str, we: str | None = None) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


def accepted(docx: bytes) -> list[str]:
    return [p.text for p in engine.read(docx, accepted=True).paragraphs]


def rejected(docx: bytes) -> list[str]:
    return [p.text for p in engine.read(docx, accepted=False).paragraphs]


def ours(red: engine.Redline) -> list[str]:
    return [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai"]


# ------------------------------------------------------------------------------------------------
# Class 8: a moral-rights consent the creator must procure


def agency(consent: str) -> bytes:
    """A UK photo agency's commission: a company creator, its photographers the authors."""
    doc = _document()
    _para(doc, "PHOTOGRAPHY COMMISSION", bold=True)
    _para(doc, 'This agreement is between Northlight Ltd ("the Supplier") and Harbour Hotels plc ("the Client").')
    _para(doc, "1. The Supplier shall supply forty photographs of the hotels (the Photographs) by 1 June 2027.")
    _para(doc, "2. The Client shall pay the Supplier GBP 6,000 on delivery.")
    _para(doc, "3. The Supplier assigns to the Client all copyright in the Photographs.")
    _para(doc, f"4. {consent}")
    _para(doc, "5. This agreement is governed by the laws of England and Wales.")
    return _save(doc)


def documentary(consent: str) -> bytes:
    """An Australian documentary commission with lettered sub-clauses."""
    doc = _document()
    _para(doc, "DOCUMENTARY PRODUCTION AGREEMENT", bold=True)
    _para(doc, 'Parties: Saltbush Films Pty Ltd ("Producer") and Coastline Broadcasting Ltd ("Broadcaster").')
    _para(doc, "1. Production", bold=True)
    _para(doc, "(a) Producer must produce a 52-minute documentary (the Program) and deliver it by 30 June 2027.")
    _para(doc, "(b) Broadcaster must pay Producer AUD 180,000 in three instalments.")
    _para(doc, "2. Rights", bold=True)
    _para(doc, "(a) Producer assigns the copyright in the Program to Broadcaster on delivery.")
    _para(doc, f"(b) {consent}")
    _para(doc, "3. This agreement is governed by the laws of Victoria.")
    return _save(doc)


WE = {agency: "Supplier", documentary: "Producer"}

PROCURED = {
    "agency-obtain": (
        agency,
        "The Supplier shall obtain written consents from each photographer to any act or omission of the Client that "
        "would otherwise infringe their moral rights in the Photographs.",
    ),
    "documentary-ensure": (
        documentary,
        "Producer must ensure that each author of the Program gives a written consent, in a form approved by "
        "Broadcaster, to any act or omission of Broadcaster that would otherwise infringe their moral rights.",
    ),
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", sorted(PROCURED))
def test_a_procured_moral_rights_consent_is_found_and_commented_on(name, variant):
    build, consent = PROCURED[name]
    red = run(build(consent), variant, we=WE[build])
    edits = [e for e in red.plan.edits if e.clause == "fix-moral-rights-waiver"]
    assert edits and all(e.comment for e in edits)
    assert any(consent[:40] in (e.anchor_text or "") for e in edits)
    said = [t for t in ours(red) if "moral rights" in t]
    assert said and any("consent" in t for t in said), said
    # the comment asks; the clause's words are the other side's to change
    assert consent in " ".join(accepted(red.docx)) and consent in " ".join(rejected(red.docx))


GUARDS = {
    "agency-bar": (
        agency,
        "The Client shall not, without the Supplier's consent, alter the Photographs in a way that would otherwise "
        "infringe the photographers' moral rights.",
    ),
    "documentary-respect": (
        documentary,
        "Broadcaster must respect the moral rights of each author of the Program and must not do any act that would "
        "infringe them.",
    ),
}


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_a_bar_on_the_clients_acts_is_no_moral_rights_consent(name):
    build, clause = GUARDS[name]
    red = run(build(clause), "standard", we=WE[build])
    assert "fix-moral-rights-waiver" not in {e.clause for e in red.plan.edits}
