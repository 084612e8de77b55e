"""``--we`` naming the receiving side, what roles left (issue 15 item 2).

(1) A client-side user who brings no material of its own that the contract defines (a commission whose work is
assigned to the Client; a photography licence read for the Client) would get the creator's clauses binding ITSELF.
As the client's lawyer using a creator-protection tool: nothing is proposed, the plan's note (and the CLI) says so
with the next step; once the contract defines material the Client supplies, the redline protects it and binds the
maker. (2) A licence given "solely to provide the Service" / "solely to perform the Services" is limited to that
task: the Permitted Purpose names it, not "Provider's own business" (wider than the licence).

Contracts written for these tests; the SaaS and brand shapes are tests/test_we_our_side.py's.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.replies import Reply
from test_we_our_side import BRAND, PHOTO, SAAS, build, run

from noai import engine

VARIANTS = ("strict", "standard", "minimal")
ROOT = Path(__file__).resolve().parents[1]


def commission(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A US design commission: the Studio makes the Deliverables and assigns them to the Client; ``extra``: more
    definitions (the Client's own materials)."""
    return (
        "DESIGN SERVICES AGREEMENT",
        'This Design Services Agreement (the "Agreement") is made on March 1, 2027 between Pelham Outdoor Goods, Inc. '
        '(the "Client") and Ashgrove Studio LLC (the "Studio").',
        "1. Definitions.",
        '"Deliverables" means the packaging designs, illustrations and source files the Studio creates for the Client '
        "under this Agreement.",
        *extra,
        "2. Services. The Studio shall design packaging for the Client's 2027 range and deliver the Deliverables by "
        "June 30, 2027. The Client shall pay the Studio $24,000.",
        "3. Ownership. The Studio hereby assigns to the Client all right, title and interest in and to the "
        "Deliverables, including all copyrights.",
        "4. Governing law. This Agreement is governed by the laws of the State of Oregon.",
    )


CLIENT_MATERIALS = (
    '"Client Materials" means the product photographs, brand guidelines and briefs the Client provides to the Studio.',
)
SHAPES = {"commission": commission(), "photo": PHOTO, "saas": SAAS, "brand": BRAND}


@functools.cache
def redline(shape: str, variant: str, we: str | None) -> engine.Redline:
    return run(build(SHAPES[shape]), variant, we)


def texts(data: bytes, accepted: bool) -> list[str]:
    data = data if accepted else Reply(data).reject().bytes()
    return [q.text for q in engine.read(data, accepted=accepted).paragraphs]


def inserted(red: engine.Redline) -> list[str]:
    return [q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs]


# -- (1) a client that brings nothing of its own -------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("shape", "we", "how", "maker"),
    (
        ("commission", "Client", "this Agreement makes the Client the owner of the Deliverables", "Studio"),
        (
            "commission",
            "Pelham Outdoor Goods",
            "this Agreement makes the Client the owner of the Deliverables",
            "Studio",
        ),
        ("photo", "Client", "the Client takes a licence of the Images, which the Photographer keeps", "Photographer"),
    ),
)
def test_a_client_bringing_no_material_of_its_own_gets_no_clause_binding_itself(variant, shape, we, how, maker):
    red = redline(shape, variant, we)
    assert red.plan.edits == ()
    note = red.plan.notes[0]
    assert note.startswith(f"Read for the Client: {how}") and "would bind the Client itself" in note
    assert "no AI clause or change is proposed" in note and f"--we {maker}" in note
    original = list(SHAPES[shape])
    assert texts(red.docx, accepted=True) == original and texts(red.docx, accepted=False) == original


@pytest.mark.parametrize(("shape", "we"), (("commission", None), ("commission", "Studio"), ("photo", "Photographer")))
def test_read_for_the_maker_the_covenant_still_binds_the_client(shape, we):
    red = redline(shape, "strict", we)
    assert any(re.match(r"The Client shall not\b.*Prohibited AI Use", t) for t in inserted(red))
    assert not red.plan.notes or "would bind" not in red.plan.notes[0]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_next_step_works_once_the_client_materials_are_defined(variant):
    red = run(build(commission(CLIENT_MATERIALS)), variant, "Client")
    clauses = inserted(red)
    assert any(re.match(r"The Studio shall not\b.*Prohibited AI Use", t) for t in clauses)
    assert not any(t.startswith("The Client shall not") for t in clauses)
    accepted = texts(red.docx, accepted=True)
    assert any(re.match(r'"Protected Materials" means (?:the )?Client Materials', t) for t in accepted)
    assert texts(red.docx, accepted=False) == list(commission(CLIENT_MATERIALS))


def test_the_cli_says_why_nothing_was_proposed(tmp_path):
    out = tmp_path / "client.docx"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "noai.cli",
            "redline",
            "--we",
            "client",
            str(ROOT / "examples/agency-services-agreement.docx"),
            "-o",
            str(out),
            "--date",
            "2026-01-01T00:00:00Z",
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "server"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "(0 tracked changes)" in run.stdout
    assert "Note: Read for the Client: this Agreement makes the Client the owner of the Deliverables" in run.stdout
    assert "run it with --we Studio" in run.stdout
    assert out.stat().st_size > 0


# -- (2) a licence given solely for a task -------------------------------------------------------------------------


def definition(red: engine.Redline, term: str) -> str:
    return next(t for t in texts(red.docx, accepted=True) if re.search(rf'"{term}" means', t))


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize(
    ("shape", "we", "task"),
    (("saas", "Customer", "providing the Service"), ("brand", "Brand", "performing the Services")),
)
def test_the_permitted_purpose_is_the_task_the_licence_is_given_for(variant, shape, we, task):
    red = redline(shape, variant, we)
    said = definition(red, "Permitted Purpose")
    assert f"for {task}, excluding any Prohibited AI Use" in said, said
    assert "own business" not in said and "the purpose of this" not in said
    assert not any("own business" in (e.comment or "") for e in red.plan.edits)


EXHIBITION = (
    "PHOTOGRAPH LICENCE",
    'This licence is made between Bram Okafor (the "Licensor") and the Harbour Arts Trust (the "Licensee").',
    "1. The Licensor licenses the Licensee to reproduce the twelve photographs listed in the Schedule (the "
    '"Photographs") only to promote the Exhibition, and the Licensee shall pay £900.',
    '2. "Exhibition" means the Licensee\'s summer exhibition "Coastlines" opening on 1 June 2027.',
    "3. This licence is governed by the law of England and Wales.",
)


def test_a_creators_licence_given_only_for_a_task_names_it_too():
    red = run(build(EXHIBITION), "strict", None)
    said = definition(red, "Permitted Purpose")
    assert "for promoting the Exhibition, excluding any Prohibited AI Use" in said, said


@pytest.mark.parametrize(
    ("words", "task"),
    (
        ("solely to provide the Service", "providing the Service"),
        ("only to perform the Services under this Agreement", "performing the Services"),
        ("as reasonably necessary to deliver the Campaign to the Client", "delivering the Campaign to the Client"),
        ("solely to run the Event", "running the Event"),
        ("solely to train the Models", None),  # the use our clauses forbid is no purpose
        ("solely to provide services to its customers", None),  # no thing the document defines
        ("solely to perform its Obligations", None),  # whose is not said
        ("to provide the Service and for any other purpose", None),
    ),
)
def test_the_task_a_licence_is_given_for(words, task):
    from noai.analysis.classify import Finding
    from noai.analysis.facts import task_purpose

    text = f"Customer grants Provider a licence to host the Customer Content {words}."
    at = text.index("grants")
    f = Finding("license_grant", "medium", 0, 0, text, None, (), None, "grants", at, at + 6, "", beneficiary="client")
    assert task_purpose(f) == task


# -- (3) a licence of feedback is no licence of our work ------------------------------------------------------------

FEEDBACK = (
    'If {we} gives {they} suggestions or comments about {product} ("Feedback"), {we} grants {they} a perpetual, '
    "irrevocable, worldwide, royalty-free licence to use and incorporate the Feedback into its products and services "
    "without restriction."
)


def with_feedback(shape: str, we: str, they: str, product: str) -> tuple[str, ...]:
    texts = SHAPES[shape]
    at = next(i for i, t in enumerate(texts) if "governed by" in t)
    return (*texts[:at], FEEDBACK.format(we=we, they=they, product=product), *texts[at:])


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("shape", "we", "they", "product"),
    (("saas", "Customer", "Provider", "the Service"), ("brand", "the Brand", "the Agency", "the Agency's services")),
)
def test_the_feedback_licence_we_give_gets_no_term_or_purpose_of_our_work(variant, shape, we, they, product):
    original = with_feedback(shape, we, they, product)
    sentence = FEEDBACK.format(we=we, they=they, product=product)
    red = run(build(original), variant, we.removeprefix("the "))
    assert not any(e.find and e.find in sentence and e.op == "replace" for e in red.plan.edits)
    assert not any("solely for the Permitted Purpose)" in (e.replacement or "") for e in red.plan.edits)
    said = [e.comment or "" for e in red.plan.edits if e.find and e.find in sentence]
    assert not any("Permitted Purpose" in c or "limited to" in c for c in said), said
    assert any(sentence in t for t in texts(red.docx, accepted=True))  # it stands as written
    assert texts(red.docx, accepted=False) == list(original)


def test_a_licence_naming_the_work_beside_the_feedback_is_still_limited():
    sentence = (
        'If Customer gives Provider suggestions ("Feedback"), Customer grants Provider a perpetual licence to use the '
        "Feedback and the Customer Content for any purpose."
    )
    at = next(i for i, t in enumerate(SAAS) if "governed by" in t)
    red = run(build((*SAAS[:at], sentence, *SAAS[at:])), "strict", "Customer")
    assert any(e.find and e.find in sentence and "Permitted Purpose" in (e.replacement or "") for e in red.plan.edits)


# -- (3) the style clause: a maker's style, not a brand's ------------------------------------------------------------

BRAND_ASSETS = ('"Brand Assets" means the logos, trade marks and brand guidelines the Client provides to the Studio.',)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("texts_", "we", "party"), ((BRAND, "Brand", "the Brand"), (commission(BRAND_ASSETS), "Client", "the Client"))
)
def test_our_brand_gets_no_clause_on_the_style_of_the_brand(variant, texts_, we, party):
    red = run(build(texts_), variant, we)
    assert any(
        "Prohibited AI Use" in t and t.startswith(("The Agency shall not", "The Studio shall not"))
        for t in inserted(red)
    )
    assert not [e for e in red.plan.edits if e.clause == "ai-creative-likeness"]
    accepted = "\n".join(texts(red.docx, accepted=True))
    # the covenant's own list still bars prompting an AI System with our materials to imitate them (its item (e))
    assert "style, voice" not in accepted and "persona" not in accepted and "digital replica" not in accepted
    assert "cover imitation of the style" not in "\n".join(e.comment or "" for e in red.plan.edits)
    assert texts(red.docx, accepted=False) == list(texts_)


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_design_studios_content_keeps_the_style_clause(variant):
    from support.synthetic_contracts import us_ai_platform_customer

    red = run(us_ai_platform_customer(), variant, "Customer")
    assert [e for e in red.plan.edits if e.clause == "ai-creative-likeness"]
    assert "imitates the style of Customer" in "\n".join(texts(red.docx, accepted=True))


def test_libreoffice_reads_the_purpose_and_the_untouched_client_document():
    from support.lo import lo_read, require_libreoffice

    require_libreoffice()
    saas, client = lo_read(
        [redline("saas", "standard", "Customer").docx, redline("commission", "strict", "Client").docx]
    )
    assert saas["ok"] and client["ok"]
    assert any("for providing the Service, excluding any Prohibited AI Use" in t for t in saas["accepted_paragraphs"])
    assert not any("Permitted Purpose" in t for t in saas["rejected_paragraphs"])
    assert client["accepted_paragraphs"] == client["rejected_paragraphs"] == list(commission())


# -- the audit read for the client: a work made for hire is ours, no risk -------------------------------------------

WFH = "3. Ownership. The Deliverables are works made for hire and are owned by the Client from creation."


@pytest.mark.parametrize(
    "data",
    (
        (ROOT / "examples/agency-services-agreement.docx").read_bytes(),
        build((*commission()[:5], WFH, *commission()[6:])),
    ),
)
def test_a_work_made_for_hire_read_for_the_client_is_no_risk_to_it(data):
    for_client = engine.audit(data, we="client")
    hire = [f for f in for_client.findings if f.kind == "work_made_for_hire"]
    assert hire and all(f.severity == "info" and f.beneficiary == "creator" for f in hire)
    assert "work made for hire" not in (for_client.score.summary or "")
    for_maker = engine.audit(data)  # read for the maker, the same words are its highest risk
    assert any(f.kind == "work_made_for_hire" and f.severity == "high" for f in for_maker.findings)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_makers_own_training_permission_is_named_in_the_note_not_drafted(variant):
    permission = "3.1 The Studio may use the Deliverables to train and improve its generative AI tools."
    original = (*commission()[:6], permission, *commission()[6:])
    red = run(build(original), variant, "Client")
    assert red.plan.edits == ()
    assert "Note that clause 3.1 lets the Studio train AI on the Deliverables" in red.plan.notes[0]
    assert texts(red.docx, accepted=True) == list(original)
    assert "Note that" not in redline("commission", variant, "Client").plan.notes[0]  # none where there is none


def test_the_audit_report_read_for_the_client_offers_no_redline_of_its_own():
    from noai.analysis.report import next_step

    data = (ROOT / "examples/agency-services-agreement.docx").read_bytes()
    said = next_step(engine.audit(data, we="client"), "msa.docx")
    assert said.startswith("Next step: nothing to draft from your side") and "`noai audit msa.docx --we Studio`" in said
    assert "writes the missing protections" in next_step(engine.audit(data, we="Studio"), "msa.docx")
    ours = build(commission(CLIENT_MATERIALS))  # once its materials are defined, the redline is for them
    assert "writes the missing protections" in next_step(engine.audit(ours, we="Client"), "c.docx")
