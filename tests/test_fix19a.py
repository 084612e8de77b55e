"""fix19a (REVIEW19 classes 1, 2, 5, 8) on contracts written here, of shapes other than the reviewer's.

Class 8: a moral-rights consent the creator must PROCURE from its people ("shall obtain written consents from each
photographer to any act or omission …"; "must ensure that each author gives a written consent, in a form the
Broadcaster approves, to any act …") is found and commented on like the consent the creator gives itself; a bar on the
client's acts "without … consent" is no such consent.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support.synthetic_contracts import _document, _para, _save
from test_writer import accepted, rejected

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.threads import read_comments
from noai.plan import DELETED

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")


def run(docx: bytes, variant: str, we: str | None = None) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


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


# ------------------------------------------------------------------------------------------------
# Class 2: a consent or permission to use the work "as training data / material / corpus" is struck in every
# variant (the fix's sentence rule), never one item of a list in it; a use conditioned on consent, the creator's own,
# a denial and training material for people are left alone.


def illustration(clause: str) -> bytes:
    """A US picture-book illustration agreement: lettered sub-clauses under bold headings, "the Illustrations"."""
    doc = _document()
    _para(doc, "ILLUSTRATION AGREEMENT", bold=True)
    _para(doc, 'This Agreement is between Juniper Books LLC ("Publisher") and Tomas Reyes ("Illustrator").')
    _para(doc, "1. Work", bold=True)
    _para(doc, "(a) Illustrator shall create twenty-four color illustrations for the book (the Illustrations).")
    _para(doc, "(b) Publisher shall pay Illustrator USD 8,000 on acceptance.")
    _para(doc, "2. Rights", bold=True)
    _para(doc, "(a) Illustrator grants Publisher an exclusive license to print and publish the Illustrations.")
    _para(doc, f"(b) {clause}")
    _para(doc, "(c) Publisher shall credit Illustrator on the cover.")
    _para(doc, "3. This Agreement is governed by the laws of New York.")
    return _save(doc)


def stock(clause: str) -> bytes:
    """An Australian stock photo licence: typed numbers, no headings, "the Photographs"."""
    doc = _document()
    _para(doc, "PHOTOGRAPH LICENCE", bold=True)
    _para(doc, 'Kestrel Media Pty Ltd ("Licensee") and Ana Kovac ("Photographer") agree as follows.')
    _para(
        doc,
        '1. The Photographer shall supply thirty photographs of the Daintree to the Licensee (the "Photographs"). '
        "The Photographer grants the Licensee a non-exclusive licence to reproduce the Photographs in the Licensee's "
        "magazines for two years.",
    )
    _para(doc, f"2. {clause}")
    _para(doc, "3. The Licensee shall pay the Photographer AUD 3,000 within 14 days.")
    _para(doc, "4. This licence is governed by the laws of Queensland.")
    return _save(doc)


WE.update({illustration: "Illustrator", stock: "Photographer"})

AS_DATA = {
    "illustration-authorises": (
        illustration,
        "Illustrator authorizes Publisher to use the Illustrations as a training corpus for its generative AI models.",
    ),
    "illustration-grants": (
        illustration,
        "Illustrator grants Publisher the right to use the Illustrations as AI training data.",
    ),
    "stock-consents-to-the-use": (
        stock,
        "The Photographer consents to the use of the Photographs as training data by the Licensee and its partners "
        "for machine learning systems.",
    ),
    "stock-acknowledges": (
        stock,
        "The Photographer acknowledges that the Licensee may include the Photographs as training material for its "
        "generative models.",
    ),
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", sorted(AS_DATA))
def test_a_permission_to_use_the_work_as_training_data_is_struck_whole(name, variant):
    build, clause = AS_DATA[name]
    red = run(build(clause), variant, we=WE[build])
    struck = [e for e in red.plan.edits if e.clause == "fix-existing-ai-restriction" and e.op == "replace"]
    assert len(struck) == 1, [(e.op, e.anchor_text) for e in red.plan.edits]
    assert clause.rstrip(".") in (struck[0].comment or "")  # the sentence quoted whole
    written = " ".join(accepted(red.docx))
    assert clause not in written and clause.split(" ", 4)[-1][:40] not in written  # no remnant of it
    assert clause in " ".join(rejected(red.docx))


LEFT = {
    "illustration-conditioned": (
        illustration,
        "Publisher may use the Illustrations as training data for its models only with Illustrator's prior written "
        "consent.",
    ),
    "illustration-own": (
        illustration,
        "Illustrator may use the Illustrations as training data for Illustrator's own style model.",
    ),
    "stock-denial": (
        stock,
        "The Photographer does not consent to the Photographs being used as training data for machine learning.",
    ),
    "stock-people": (
        stock,
        "The Licensee may use the Photographs as training material for its staff on the use of AI tools.",
    ),
}


@pytest.mark.parametrize("name", sorted(LEFT))
def test_a_use_as_training_data_that_is_no_permission_to_the_client_is_not_struck(name):
    build, clause = LEFT[name]
    red = run(build(clause), "standard", we=WE[build])
    struck = [e for e in red.plan.edits if e.clause == "fix-existing-ai-restriction" and e.replacement in ("", DELETED)]
    assert not struck
    assert clause.split(" AI ")[0] in " ".join(accepted(red.docx))  # (AI tools may be kept on the covenant's terms)


def test_the_audit_reads_a_consent_to_the_use_as_training_data_as_the_clients_permission():
    build, clause = AS_DATA["stock-consents-to-the-use"]
    report = engine.audit(build(clause), we=WE[build])
    found = [f for f in report.findings if f.kind == "existing_ai_restriction"]
    assert [(f.attributes.get("polarity"), f.attributes.get("permitted_party"), f.severity) for f in found] == [
        ("permission", "client", "high")
    ]


# ------------------------------------------------------------------------------------------------
# Class 1: the work named by a sentence ('… made under this agreement are called the "Masters".') is the work; a
# licence of the creator's persona (name, likeness, biography) is never taken for it.


def session(persona: str = "Artist Materials") -> bytes:
    """A UK session musician agreement: typed numbers, the work named by a sentence, a persona licence."""
    doc = _document()
    _para(doc, "SESSION MUSICIAN AGREEMENT", bold=True)
    _para(doc, 'This agreement is made between Greyhound Records Ltd ("the Label") and Tam Okafor ("the Musician").')
    _para(doc, "1. Sessions", bold=True)
    _para(
        doc,
        "1.1 The Musician shall perform on the four recording sessions listed in the Schedule. The sound recordings "
        'of the Musician\'s performances made under this agreement are called the "Masters".',
    )
    _para(doc, "1.2 The Label shall pay the Musician GBP 250 for each session.")
    _para(doc, "2. Rights", bold=True)
    _para(doc, "2.1 The Musician assigns to the Label all copyright and performers' property rights in the Masters.")
    _para(
        doc,
        "2.2 The Musician grants the Label the right to use the Musician's name, approved likeness and biography "
        f'("{persona}") to market the Masters for five years.',
    )
    _para(doc, "3. This agreement is governed by the laws of England and Wales.")
    return _save(doc)


def test_the_audit_names_the_masters_the_work():
    report = engine.audit(session(), we="Musician")
    assert report.terms.deliverables is not None and report.terms.deliverables.name == "Masters"


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_masters_are_protected_not_the_musicians_persona(variant):
    red = run(session(), variant, we="Musician")
    said = " ".join(ours(red))
    assert "Artist Materials" not in said, said
    assert "the Masters" in said
    texts = accepted(red.docx)
    if variant != "minimal":
        defined = next(t for t in texts if "“Protected Materials” means" in t or '"Protected Materials" means' in t)
        assert re.search(r"Protected Materials[”\"] means (?:the )?Masters", defined), defined[:120]
    assert not any("Artist Materials, every draft" in t for t in texts)


def test_a_persona_licence_alone_is_not_the_work():
    # the persona licence of a contract whose work is unnamed is still no work (no "Protected Materials" of it)
    red = run(session("Musician Likeness"), "standard", we="Musician")
    assert "Musician Likeness" not in " ".join(ours(red))


# ------------------------------------------------------------------------------------------------
# Round two: two neighbouring sentences we struck ("[Intentionally deleted]" each): they reject one strike and accept
# the other; the rejected one is read as rejected (the other's note is no proof of it), and answered one rung down.


def presenter() -> bytes:
    doc = _document()
    _para(doc, "PRESENTER AGREEMENT", bold=True)
    _para(doc, 'This agreement is made between Tidewater Radio Ltd ("the Station") and Ines Duarte ("the Presenter").')
    _para(
        doc,
        "1. The Presenter shall present thirty evening shows. The recordings of each show made under this agreement "
        'are "the Shows".',
    )
    _para(doc, "2. The Station shall pay the Presenter GBP 300 for each show.")
    _para(doc, "3. The Presenter assigns to the Station all copyright in the Shows.")
    _para(
        doc,
        "4. The Station may create a digital replica of the Presenter's voice from the Shows and may use it to read "
        "station announcements, without further payment to the Presenter.",
    )
    _para(
        doc,
        "5. The Presenter consents to the Station using the Shows as training data for speech recognition systems.",
    )
    _para(doc, "6. This agreement is governed by the laws of Scotland.")
    return _save(doc)


def test_a_rejected_strike_beside_an_accepted_one_is_read_as_rejected():
    from support.replies import Reply, record_ids

    from noai.ooxml.record import read_rounds

    sent = run(presenter(), "standard", we="Presenter").docx
    proposals = read_rounds(read_package(sent))[0].proposals
    replica = [p.id for p in proposals if p.clause == "fix-digital-replica"]
    training = [p.id for p in proposals if p.clause == "fix-existing-ai-restriction"]
    assert replica and training
    back = Reply(sent).reject(ids=record_ids(sent, *replica)).accept().bytes()
    states = {o.proposal.clause: o.state for o in engine.audit(back, previous=sent).negotiation.outcomes}
    assert states["fix-digital-replica"] == "rejected" and states["fix-existing-ai-restriction"] == "accepted"
    again = engine.redline(back, author="noai", date=DATE, options=engine.Options(variant="standard", we="Presenter"))
    answer = [e for e in again.plan.edits if e.clause == "fix-digital-replica"]
    assert answer and all(e.comment for e in answer), answer  # one rung down, and said
    assert any("digital replica" in t for t in accepted(again.docx))


# ------------------------------------------------------------------------------------------------
# Class 5: a definitions clause of bare terms ("**Client Data** means …", no quotes) takes our new terms in its style:
# no quotes, the term set as its own terms are (bold), the rest not; alphabetical where it is.


def canadian(entries: tuple[tuple[str, str], ...]) -> bytes:
    """A Canadian (Ontario) software development agreement: typed numbers, a Definitions clause of bold bare terms."""
    doc = _document()
    _para(doc, "SOFTWARE DEVELOPMENT AGREEMENT", bold=True)
    _para(doc, 'This agreement is between Loonie Labs Inc. ("Developer") and Maple Freight Ltd. ("Customer").')
    _para(doc, "1. Definitions", bold=True)
    _para(doc, "In this agreement, the following terms have these meanings:")
    for term, meaning in entries:
        _para(doc, f" {meaning}", bold_lead=term)
    _para(doc, "2. Development", bold=True)
    _para(doc, "2.1 Developer shall develop the Software described in Schedule A and deliver it by 1 March 2028.")
    _para(doc, "2.2 Customer shall pay Developer CAD 60,000 in two instalments.")
    _para(doc, "3. Ownership", bold=True)
    _para(doc, "3.1 Developer assigns to Customer all copyright in the Software upon delivery.")
    _para(doc, "4. This agreement is governed by the laws of Ontario.")
    return _save(doc)


ALPHABETICAL = (
    ("Confidential Information", "means information a party marks as confidential."),
    ("Customer Data", "means the data Customer provides to Developer."),
    ("Fees", "has the meaning given in clause 2.2."),
    ("Software", "means the freight routing application described in Schedule A, with its source code."),
)
TWO = (
    ("Software", "means the freight routing application described in Schedule A, with its source code."),
    ("Customer Data", "means the data Customer provides to Developer."),
)


def _runs(docx: bytes, starts: str) -> list[tuple[str, bool]]:
    """(text, bold) of the inserted runs of the paragraph whose text starts with ``starts``."""
    import io
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    for p in root.iter(f"{w}p"):
        runs = [r for r in p.iter(f"{w}r") if r.find(f"{w}t") is not None]
        if "".join(r.findtext(f"{w}t") for r in runs).startswith(starts):
            out = []
            for r in runs:
                b = r.find(f"{w}rPr/{w}b")
                out.append((r.findtext(f"{w}t"), b is not None and b.get(f"{w}val") not in ("0", "false")))
            return out
    raise AssertionError(starts)


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("entries", (ALPHABETICAL, TWO), ids=("alphabetical", "two"))
def test_new_terms_join_a_definitions_clause_of_bold_bare_terms_in_its_style(entries, variant):
    source = canadian(entries)
    red = run(source, variant, we="Developer")
    assert "definitions" in {e.clause for e in red.plan.edits}
    texts = accepted(red.docx)
    development = texts.index("2. Development")
    ours = {t.split(" means ")[0]: i for i, t in enumerate(texts) if t.startswith(("AI System means", "Prohibited AI"))}
    assert set(ours) == {"AI System", "Prohibited AI Use"} and all(i < development for i in ours.values()), ours
    assert not any(re.match(r"[“\"](?:AI System|Prohibited AI Use)[”\"] means", t) for t in texts)
    assert not any("In this agreement, “AI System” means" in t for t in texts)
    assert _runs(red.docx, "AI System means")[0] == ("AI System", True)
    assert not _runs(red.docx, "AI System means")[1][1]  # the meaning is not bold
    if entries is ALPHABETICAL:  # each at its place: "AI System" first, "Prohibited AI Use" before "Software"
        order = [t.split(" ")[0] for t in texts[4:development]]
        assert order.index("AI") < order.index("Confidential") and order.index("Prohibited") < order.index("Software")
    assert rejected(red.docx) == [p.text for p in engine.read(source).paragraphs]


def test_a_quoted_definitions_clause_keeps_its_quotes():
    entries = tuple((f'"{t}"', m) for t, m in ALPHABETICAL)
    red = run(canadian(entries), "standard", we="Developer")
    texts = accepted(red.docx)
    assert any(t.startswith('"AI System" means') for t in texts), [t[:30] for t in texts]
    assert _runs(red.docx, '"AI System" means')[0] == ('"AI System"', True)
