"""What a sendable redline must satisfy, on twelve contracts the project has never seen (issue 15 review).

The contracts come from ``support.synthetic_contracts`` (styles the fixtures lack: a UK precedent with
[Option 1] / [Option 2] blocks, a US work-for-hire paper calling itself "the Contract", an agency MSA whose
SOW lists features as bullets, a software development agreement, a photographer's licence, a mutual NDA,
an informal first-person letter, an illustration agreement that vests the work and ends its IP clause with
a disclaimer list under a lead-in; since session 7 also a US consulting agreement numbered "Article 5" /
"Section 5.2", a UK brand-design licence with a colon-style definitions clause, a publisher's corpus
licence (data) and a studio's informal "we" / "you" email). Each test reads the plan, the written .docx
(as Word reads it: tracked insertions in) or the audit, as the creator's lawyer would before sending it.

Tests that fail today because of a real defect are ``xfail(strict=True)`` with the defect as reason: they
pass (and then fail as XPASS, to be unmarked) once it is fixed. /work/team/REVIEW.md has the sentences.
"""

from __future__ import annotations

import functools
import itertools
import re
from datetime import UTC, datetime

import pytest
from support.read import plan_comments as comments
from support.synthetic_contracts import CONTRACTS, Facts

from noai import engine
from noai.errors import NoaiError

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
VARIANTS = ("strict", "standard", "minimal")
# the contracts a creator delivers work under, whose redline runs today without --we
WORKING = ("uk-precedent", "us-work-for-hire", "agency-msa-sow", "software-development", "photo-licence")
TRANSFERS = ("us-work-for-hire", "agency-msa-sow", "software-development")  # the work passes; no options
VESTS = "vested-disclaimer"  # the work passes too; the redline runs since main b47ec02
# session 7: four more, unlike the eight (see the section at the end)
NEW = ("us-consulting-sow", "uk-brand-design", "corpus-licence", "studio-email")
CORPUS, EMAIL, BRAND, CONSULTING = "corpus-licence", "studio-email", "uk-brand-design", "us-consulting-sow"


@functools.cache
def source(name: str) -> bytes:
    builder, _facts = CONTRACTS[name]
    return builder()


def facts(name: str) -> Facts:
    return CONTRACTS[name][1]


@functools.cache
def redline(name: str, variant: str, we: str | None = None) -> engine.Redline:
    """The redline; ``we`` defaults to the party a contract's facts say the user names (``extra["we"]``), as the
    CLI would ask the lawyer where the audit cannot tell (tests/test_review_session11.py pins that it should)."""
    we = we or facts(name).extra.get("we")
    return engine.redline(
        source(name), author="noai", date=DATE, options=engine.Options(variant=variant, we=we), filename=f"{name}.docx"
    )


@functools.cache
def audit(name: str) -> dict:
    return engine.audit(source(name), filename=f"{name}.docx").to_dict()


def inserted_texts(red: engine.Redline) -> list[str]:
    return [p["text"] for e in red.plan.edits if e.op == "insert_after" for p in e.paragraphs]


def words_written(red: engine.Redline) -> str:
    """Everything the other side reads that we wrote: inserted clauses, replacements and comments."""
    replaced = [e.replacement for e in red.plan.edits if e.replacement]
    return "\n".join(inserted_texts(red) + replaced + comments(red))


def xfail_for(cases: dict[tuple[str, ...], str], *params: str):
    """``pytest.param`` of ``params`` marked xfail(strict) when ``cases`` lists them (a known defect)."""
    for key, reason in cases.items():
        if all(k in params for k in key):
            return pytest.param(*params, marks=pytest.mark.xfail(strict=True, reason=reason))
    return pytest.param(*params)


def grid(names, variants=VARIANTS, defects: dict[tuple[str, ...], str] | None = None):
    return [xfail_for(defects or {}, n, v) for n in names for v in variants]


# ------------------------------------------------------------------------------------------------
# The document's own words (issue 15, class 2)


@pytest.mark.parametrize(("name", "variant"), grid(WORKING))
def test_no_sentence_we_write_uses_a_party_work_or_self_name_the_contract_does_not_have(name, variant):
    written = words_written(redline(name, variant))
    for absent in facts(name).lacks:
        assert not re.search(rf"\b{re.escape(absent)}\b", written), absent


@pytest.mark.parametrize(("name", "variant"), grid(WORKING))
def test_the_redline_names_the_parties_as_the_contract_does(name, variant):
    terms = redline(name, variant).plan.terms
    assert any(c in terms["provider"] for c in facts(name).creator), terms
    assert any(c in terms["client"] for c in facts(name).client), terms


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(WORKING),
)
def test_the_clauses_call_the_work_by_the_name_the_contract_defines(name, variant):
    protected = [
        t for t in inserted_texts(redline(name, variant)) if re.search(r'["“]Protected Materials["”] means', t)
    ]
    protected += [t for t in inserted_texts(redline(name, variant)) if t.startswith('"Protected Materials" means')]
    protected += [t for t in inserted_texts(redline(name, variant)) if t.startswith("Protected Materials: ")]
    assert protected
    assert all(facts(name).work_product in t for t in protected), protected


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(("software-development", "agency-msa-sow")),
)
def test_a_comment_treats_a_singular_work_name_as_singular(name, variant):
    work = facts(name).work_product
    assert not re.search(rf"\b{re.escape(work)} are\b", "\n".join(comments(redline(name, variant))))


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(
        ("uk-precedent", "photo-licence"),
        variants=("strict",),
    ),
)
def test_a_british_contract_gets_licence_the_noun_spelt_as_it_spells_it(name, variant):
    assert not re.search(r"\b(?:a|the|no|any) license\b", source_text(name), re.I)  # the document spells it licence
    assert re.search(r"\blicence\b", source_text(name), re.I)
    assert not re.search(r"\b(?:a|no|separate written) license\b", words_written(redline(name, variant)), re.I)


def source_text(name: str) -> str:
    return "\n".join(p.text for p in engine.read(source(name)).paragraphs)


# ------------------------------------------------------------------------------------------------
# Contradiction with what stays (class 1)


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(TRANSFERS, variants=("strict", "standard")),
)
def test_no_purpose_limit_or_reservation_is_put_on_work_the_client_will_own(name, variant):
    red = redline(name, variant)
    clauses = {e.clause for e in red.plan.edits}
    assert not clauses & {"scope-limitation", "reservation-of-rights"}, clauses
    assert not any("Permitted Purpose" in (e.replacement or "") for e in red.plan.edits)


KEEPS_BACKGROUND = {  # the contracts whose own clause keeps the creator's background materials with it
    "uk-precedent": "clause 4.1",
    "agency-msa-sow": "Section 2.3",  # California law, and no reference to its own clauses: "Section"
    "software-development": "clause 3.2",
}


@pytest.mark.parametrize(("name", "variant"), grid(("uk-precedent", *TRANSFERS, VESTS), variants=("strict",)))
def test_the_licence_back_of_the_creators_own_materials_is_not_exclusive(name, variant):
    red = redline(name, variant)
    backs = [t for t in inserted_texts(red) if t.startswith("Nothing in ")]
    if name in KEEPS_BACKGROUND:  # the contract keeps them already: no second clause on them, and it says so
        assert backs == []
        assert any(f"{KEEPS_BACKGROUND[name]} already keeps" in c for c in comments(red))
        return
    assert backs
    assert not any(re.search(r"\bexclusive\b", t) for t in backs), backs
    assert all("assigns that right back" in t and "except as part of" in t for t in backs)


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(
        ("software-development",),
        variants=VARIANTS,
    ),
)
def test_the_coding_assistant_exception_is_not_contradicted_by_a_no_other_exception_sentence(name, variant):
    texts = inserted_texts(redline(name, variant))
    assert any("coding" in t or "writing, reviewing, testing" in t for t in texts)  # the software clause is there
    assert not any("No other exception applies" in t for t in texts)


TRANSFER_FINDINGS = {"ip_assignment", "work_made_for_hire"}


@pytest.mark.parametrize(("name", "variant"), grid(("uk-precedent", *TRANSFERS, VESTS), variants=("strict",)))
def test_strict_says_ownership_waits_for_payment_only_where_it_replaces_every_transfer_of_the_work(name, variant):
    red = redline(name, variant)
    edits = [e for e in red.plan.edits if e.finding in TRANSFER_FINDINGS]
    approach = next(c for c in comments(red) if c.startswith("Our approach"))
    claims = "ownership pass only on payment in full" in approach
    assert edits
    assert claims == all(e.op == "replace" for e in edits), (approach[:160], [(e.find, e.op) for e in edits])
    if not claims:  # and no comment of a transfer kept asks for what strict did not do
        assert not any("only once the fees are paid" in (e.comment or "") for e in edits if e.op == "comment")


def test_strict_takes_out_work_made_for_hire_beside_the_assignment_it_makes_wait_for_payment():
    edits: dict[str, list] = {}
    for e in redline("us-work-for-hire", "strict").plan.edits:
        if e.finding in TRANSFER_FINDINGS:
            edits.setdefault(e.finding, []).append(e)
    assert [e.replacement for e in edits["work_made_for_hire"]] == ["not works made for hire"]
    assert edits["ip_assignment"][0].replacement.startswith("shall, upon payment in full")
    # the fallback's condition ("To the extent any Contribution is not a work made for hire") always holds now
    assert [e.replacement for e in edits["ip_assignment"][1:]] == ["For each Contribution, "]
    written = "\n".join(p.text for p in engine.read(redline("us-work-for-hire", "strict").docx).paragraphs)
    assert "the Contributions are not works made for hire for Company" in written
    assert "For each Contribution, Contributor shall, upon payment in full" in written


def test_strict_does_not_ask_for_payment_where_the_contract_has_no_fees_or_already_waits_for_them():
    software = comments(redline("software-development", "strict"))  # no fee anywhere in it
    assert not any("fees are paid" in c or "payment in full" in c for c in software)
    agency = next(c for c in comments(redline("agency-msa-sow", "strict")) if c.startswith("Our approach"))
    assert "already waits for payment" in agency  # 2.2: "Upon Company's payment in full …, Agency assigns"


# ------------------------------------------------------------------------------------------------
# Placement (class 3)


def test_nothing_is_inserted_inside_a_precedents_option_block():
    for variant in VARIANTS:
        red = redline("uk-precedent", variant)
        paragraphs = red.audit.paragraphs
        inside = False
        for paragraph in paragraphs:
            text = paragraph.text.strip()
            if text.startswith("[Option"):
                inside = True
            blocked = inside and not text.startswith("[End of Option")
            if blocked:
                assert all(e.index != paragraph.index for e in red.plan.edits if e.op == "insert_after"), text
            if text.startswith("[End of Option"):
                inside = False


def test_no_legal_text_goes_among_an_sows_feature_bullets():
    for variant in VARIANTS:
        red = redline("agency-msa-sow", variant)
        bullets = [p.index for p in red.audit.paragraphs if p.style_name == "List Bullet"]
        assert bullets
        anchors = {e.index for e in red.plan.edits if e.op == "insert_after"}
        assert not anchors & set(bullets) and min(anchors) < min(bullets)


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(
        ("uk-precedent", "software-development", "photo-licence"),
    ),
)
def test_a_clause_added_to_a_typed_number_contract_gets_a_typed_number(name, variant):
    red = redline(name, variant)
    written = engine.read(red.docx).paragraphs
    inserted = [bool(p.text) and not p.original_text for p in written]  # new: no text before the changes
    # entries appended to the contract's own (unnumbered) definitions are no clauses of their own
    entries = {item["text"] for e in red.plan.edits if e.clause == "definitions" for item in e.paragraphs}
    # the first paragraph of each run of inserted paragraphs opens a clause: it has a number; the
    # paragraphs after it may continue that clause unnumbered (one number per clause, not per sentence)
    openers = [
        p.text
        for i, p in enumerate(written)
        if inserted[i] and (i == 0 or not inserted[i - 1]) and p.text not in entries
    ]
    assert openers
    # "5A." between "5." and "6.": a lettered number, as a drafter inserts a clause without renumbering
    assert all(re.match(r"\d+(\.\d+)*[A-Z]?\.?\s", t) for t in openers), [t[:40] for t in openers]


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(("photo-licence",)),  # its licence is limited already: no purpose limit goes in after 4 any more
)
def test_no_existing_typed_clause_number_changes(name, variant):
    written = engine.read(redline(name, variant).docx).paragraphs
    renumbered = [
        (p.original_text[:12], p.text[:12])
        for p in written
        if p.original_text and re.match(r"\d+\.", p.original_text) and p.text.split()[0] != p.original_text.split()[0]
    ]
    assert not renumbered


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(("photo-licence",)),
)
def test_the_covenant_goes_in_the_ip_clause_not_after_the_governing_law(name, variant):
    red = redline(name, variant)
    law = {f.start for f in red.audit.findings if f.kind == "governing_law"}
    covenant = [e for e in red.plan.edits if e.clause == "no-ai-training"]
    assert covenant and law
    assert [e.index for e in covenant if e.index in law] == []


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(
        ("photo-licence", "software-development", "uk-precedent"),
        variants=("standard",),
    ),
)
def test_a_definition_scoped_to_this_clause_is_not_a_numbered_clause_apart_from_its_covenant(name, variant):
    written = engine.read(redline(name, variant).docx).paragraphs
    assert not [p.text[:50] for p in written if re.match(r"\d+(\.\d+)*\.?\s+In this clause,", p.text)]


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(
        ("software-development", "uk-precedent"),
        variants=("standard",),
    ),
)
def test_new_terms_go_in_the_definitions_clause_when_the_contract_has_one(name, variant):
    assert "definitions" in {e.clause for e in redline(name, variant).plan.edits}


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_clause_joins_a_disclaimer_list_under_a_lead_in_or_splits_its_clause(variant):
    red = redline("vested-disclaimer", variant, "Illustrator")
    paragraphs = red.audit.paragraphs
    lead = next(p.index for p in paragraphs if p.text.startswith(facts("vested-disclaimer").lead_in or "?"))
    last_item = lead
    while last_item + 1 < len(paragraphs) and paragraphs[last_item + 1].ilvl == 2:
        last_item += 1
    clause = max(p.index for p in paragraphs if p.index < lead and p.ilvl == 0)
    anchors = [e.index for e in red.plan.edits if e.op == "insert_after"]
    assert anchors
    assert not [i for i in anchors if clause <= i < last_item]  # neither in the list nor before it in its clause


def test_the_insertion_point_does_not_shift_a_typed_cross_reference():
    points = audit("vested-disclaimer")["insertion_points"]
    lead = next(
        p["index"]
        for p in audit("vested-disclaimer")["paragraphs"]
        if p["text"].startswith(facts("vested-disclaimer").lead_in or "?")
    )
    covenant = [p for p in points if p["protection"] == "no_ai_restriction"]
    assert covenant and all(p["index"] > lead for p in covenant)


# ------------------------------------------------------------------------------------------------
# Harmful fix of a false alarm (class 4) and false statements in comments (class 5)


def test_the_creators_own_right_to_subcontract_in_any_manner_is_left_alone():
    for variant in VARIANTS:
        red = redline("photo-licence", variant)
        said = facts("photo-licence").false_alarm or "?"
        assert not [e for e in red.plan.edits if e.op == "replace" and said in e.anchor_text]


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_purpose_limit_never_widens_a_licence_that_names_its_media(variant):
    red = redline("photo-licence", variant)
    assert "whatever media" not in "\n".join(inserted_texts(red))
    assert "scope-limitation" not in {e.clause for e in red.plan.edits}  # limited already: no Permitted Purpose
    assert red.audit.protection("scope_limitation").status == "present"


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_comment_says_the_creator_keeps_nothing_where_the_contract_keeps_copyright_with_it(variant):
    assert not any("reserves no rights" in c for c in comments(redline("photo-licence", variant)))


CLAIMS = {  # what a comment says -> words the clauses must then contain
    'not only "training"': ("prompts",),
    "not only training": ("prompts",),
    "covers ": ("affiliates",),
    "reaches ": ("affiliates",),
    "pass on to anyone it later assigns": ("assignee",),
    "later assigns or licenses": ("assignee",),
    "passes the licence on to": ("assignee",),
    "Permitted Purpose": ("Permitted Purpose” means", '"Permitted Purpose" means'),
}


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(
        WORKING,
    ),
)
def test_every_claim_a_comment_makes_about_the_clauses_is_true_of_the_clauses_inserted(name, variant):
    red = redline(name, variant)
    clauses = "\n".join(inserted_texts(red))
    for comment in comments(red):
        for claim, needed in CLAIMS.items():
            if claim in comment:
                assert any(n in clauses for n in needed), (claim, comment[:120])


@pytest.mark.parametrize(("name", "variant"), [("photo-licence", "standard"), ("informal-letter", "standard")])
def test_the_summary_of_a_first_redline_speaks_of_no_move_by_the_other_side(name, variant):
    # our own clauses, pending, are "proposed" even where the reading does not recognise them as protections
    after = redline(name, variant).after
    assert "struck or removed" not in after.score.summary
    assert not [p.name for p in after.protections if p.status in ("struck", "removed")]


# ------------------------------------------------------------------------------------------------
# The audit: parties, direction, kind of work (classes 6 and 7)


@pytest.mark.parametrize("name", WORKING)
def test_the_audit_gives_the_creator_and_the_client_their_own_words(name):
    parties = audit(name)["parties"]
    by_role = {p["role"]: " ".join([p["name"] or "", *p["terms"]]) for p in parties}
    assert any(c in by_role.get("creator", "") for c in facts(name).creator), parties
    assert any(c in by_role.get("client", "") for c in facts(name).client), parties


def test_a_vesting_in_the_client_is_a_transfer_from_the_creator():
    doc = audit("vested-disclaimer")
    vesting = [f for f in doc["findings"] if "vested in the Institute" in f["paragraph_text"]]
    assert vesting
    assert {(f["actor"], f["beneficiary"]) for f in vesting} == {("creator", "client")}
    assert not [f for f in vesting if f["kind"] == "reservation_of_rights"]


def test_an_institute_that_commissions_the_work_is_the_client():
    clients = [p for p in audit("vested-disclaimer")["parties"] if p["role"] == "client"]
    assert any("Institute" in " ".join([p["name"] or "", *p["terms"]]) for p in clients)


def test_a_first_person_letter_that_keeps_ownership_and_grants_a_licence_is_read_as_a_licence():
    kinds = {f["kind"] for f in audit("informal-letter")["findings"]}
    assert "license_grant" in kinds
    assert not any("No IP clauses found" in n for n in audit("informal-letter")["notes"])


def test_an_nda_has_its_named_parties_and_names_what_it_protects_as_the_document_does():
    # gold (../shared/corpus/gold.json, cp-one-way-nda) names an NDA's "Confidential Information" as the
    # material its terms protect; what matters is that no work product is invented and the plan proposes
    # no work clause (test_an_nda_redline_proposes_no_work_clauses_and_says_why)
    doc = audit("mutual-nda")
    names = " ".join(" ".join([p["name"] or "", *p["terms"]]) for p in doc["parties"])
    assert "Ostrander" in names and "Brightfield" in names
    assert doc["work_product"] is None or doc["work_product"]["term"] == "Confidential Information"


@pytest.mark.parametrize("we", ["Recipient", "creator"])
def test_an_nda_redline_proposes_no_work_clauses_and_says_why(we):
    try:
        red = redline("mutual-nda", "standard", we)
    except NoaiError as error:
        pytest.fail(f"stopped: {error}")
    assert not [
        e for e in red.plan.edits if e.clause in {"no-ai-training", "reservation-of-rights", "scope-limitation"}
    ]
    assert red.plan.notes


@pytest.mark.parametrize(
    "name", ["software-development", "agency-msa-sow", "informal-letter", "photo-licence", "us-work-for-hire"]
)
def test_the_audit_picks_the_kind_of_work_from_what_is_delivered(name):
    assert audit(name)["work_kind"]["kind"] == facts(name).work_kind


# ------------------------------------------------------------------------------------------------
# Mechanics on these documents, in LibreOffice


@functools.cache
def libreoffice_reading(lo_read) -> dict[tuple[str, str | None], dict]:
    """LibreOffice's reading of every synthetic contract (key ``(name, None)``) and of its redline in each
    variant (``(name, variant)``): one soffice run for all 64 documents (about a minute)."""
    cases = [(n, v) for n in CONTRACTS for v in VARIANTS]
    results = lo_read([redline(n, v).docx for n, v in cases] + [source(n) for n in CONTRACTS])
    return dict(zip([*cases, *((n, None) for n in CONTRACTS)], results, strict=True))


@pytest.mark.libreoffice
@pytest.mark.parametrize(("name", "variant"), grid(CONTRACTS))
def test_libreoffice_rejects_every_redline_back_to_the_contract_exactly_and_accepts_it_cleanly(
    name, variant, libreoffice
):
    seen = libreoffice_reading(libreoffice)
    result, contract = seen[name, variant], seen[name, None]
    assert result["ok"], result["load_error"]
    assert result["redlines_left_after_accept"] == 0 and result["redlines_left_after_reject"] == 0
    # reject-all: the contract's paragraphs, not one more or less (agency-msa-sow and us-translation-msa
    # have an empty paragraph of their own, the page break before their SOW), with their numbers and styles
    assert result["rejected_paragraphs"] == contract["paragraphs"]
    assert result["rejected_formats"] == contract["rejected_formats"]
    # accept-all gives the plan, as we read it accepted (a page break: "\n" to us, nothing to LibreOffice; a
    # paragraph struck with its mark joined away, as us-game-art's 3.3); the new
    # contracts' numbers as accepted are read in-process: with changes shown LibreOffice labels a numbered
    # paragraph after a tracked insertion "Section 5.3[Section 4.4]", its display, not the document's
    written = [p.text.strip() for p in engine.read(redline(name, variant).docx, accepted=True).paragraphs]
    assert [t.strip() for t in result["accepted_paragraphs"]] == written


def test_a_letters_insertion_point_is_before_its_sign_off():
    doc = audit("informal-letter")
    sign_off = next(p["index"] for p in doc["paragraphs"] if p["text"].startswith("Best wishes"))
    assert doc["insertion_points"]
    assert all(p["index"] < sign_off for p in doc["insertion_points"]), doc["insertion_points"]


def test_no_note_says_a_development_letter_licenses_no_work():
    red = redline("informal-letter", "standard")
    assert not [n for n in red.plan.notes if "no work product" in n or "not a document under which work" in n]


@pytest.mark.parametrize("name", WORKING)
def test_the_redlines_add_no_kind_of_schema_error_the_contract_did_not_have(name):
    from support.validate_docx import validate_docx

    before = validate_docx(source(name))
    for variant in VARIANTS:
        after = validate_docx(redline(name, variant).docx)
        assert not after.fatal
        assert not after.kinds - before.kinds, (variant, after.errors[:3])


BACKGROUND = {  # the contract's own defined name for the creator's pre-existing materials
    "uk-precedent": "Pre-existing Materials",
    "agency-msa-sow": "Agency Materials",
    "software-development": "Developer Components",
}


@pytest.mark.parametrize(("name", "variant"), grid(tuple(BACKGROUND), variants=("strict", "standard")))
def test_the_creators_background_materials_are_called_by_the_contracts_own_defined_name(name, variant):
    red = redline(name, variant)
    # each of these contracts keeps them already (4.1 / 2.3 / 3.2): no second clause restating them, and
    # the comment says which clause keeps them, by the contract's own name for them
    assert [t for t in inserted_texts(red) if t.startswith("Nothing in ")] == []
    assert any(BACKGROUND[name] in c and "already keeps" in c for c in comments(red))


def typed_numbers(texts: list[str]) -> list[tuple[int, ...]]:
    found = (re.match(r"(\d+(?:\.\d+)*)\.?\s", t) for t in texts)
    return [tuple(int(n) for n in m.group(1).split(".")) for m in found if m]


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(
        ("uk-precedent", "software-development", "photo-licence"),
    ),
)
def test_typed_clause_numbers_run_on_without_a_gap_after_the_redline(name, variant):
    def gaps(texts: list[str]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
        numbers = typed_numbers(texts)
        return {
            (a, b)
            for a, b in itertools.pairwise(numbers)
            if len(a) == len(b) and a[:-1] == b[:-1] and b[-1] != a[-1] + 1
        }

    before = gaps([p.text for p in engine.read(source(name)).paragraphs])  # a precedent's two options are both 4.3
    after = gaps([p.text for p in engine.read(redline(name, variant).docx).paragraphs])
    assert len(typed_numbers([p.text for p in engine.read(source(name)).paragraphs])) > 3
    assert not after - before


def test_a_first_person_letter_gets_me_where_grammar_wants_the_object():
    written = words_written(redline("informal-letter", "strict"))
    assert not re.findall(r"\b(?:harmless|cause|give|gives|to|for|by|against) I\b", written)


@pytest.mark.libreoffice
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_vesting_with_a_disclaimer_list_gets_its_clauses_as_the_next_sub_clause_in_libreoffice(variant, libreoffice):
    red = redline(VESTS, variant)
    [result] = libreoffice([red.docx], pdf_text=True)
    # with changes shown, LibreOffice numbers a list item that holds a tracked change "old[new]" ("2.3[2.4]"):
    # read the new number, the one the accepted document shows
    shown = (
        re.sub(r"^(?:[\d.]*)\[([\d.]+)\]", r"\1", " ".join(line.split())) for line in result["pdf_text"].splitlines()
    )
    text = "\n".join(shown)
    first = " ".join(next(e for e in red.plan.edits if e.op == "insert_after").paragraphs[0]["text"].split())[:20]
    line = next(line for line in text.splitlines() if first in line)
    assert line.startswith("2.4 "), line  # after (a)-(c) of 2.3, numbered as a clause, never "(d)"
    assert "nothing in clause 2.3 limits" in result["accepted_text"]  # the typed reference still means the disclaimer
    assert "2.3 Nothing in this agreement shall constitute" in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_precedents_approach_comment_does_not_state_one_option_as_the_contract(variant):
    approach = [c for c in comments(redline("uk-precedent", variant)) if c.startswith("Our approach")]
    assert approach
    assert all("Option" in c for c in approach if "transfers ownership" in c), approach[0][:160]


def test_strict_makes_a_vesting_on_creation_wait_for_payment_where_the_contract_has_fees():
    assert "£150" in source_text(VESTS)
    edits = [e for e in redline(VESTS, "strict").plan.edits if e.finding in TRANSFER_FINDINGS]
    assert edits and all(e.op == "replace" for e in edits), [(e.find, e.op) for e in edits]


CREATION_TIMING = re.compile(r"\bcreation\b|\bcreated\b|\bconception\b", re.IGNORECASE)


def vesting_sentence(texts: list[str]) -> str:
    return next(t for t in texts if "vested in the Institute" in t)


@pytest.mark.parametrize("variant", VARIANTS)
def test_strict_strikes_the_creation_timing_of_the_vesting_it_makes_wait_for_payment(variant):
    before = vesting_sentence(source_text(VESTS).splitlines())
    after = vesting_sentence([p.text for p in engine.read(redline(VESTS, variant).docx).paragraphs])  # as accepted
    if variant == "strict":
        assert "upon payment in full" in after and not CREATION_TIMING.search(after), after
    else:
        assert after == before and "on their creation" in after


@pytest.mark.libreoffice
def test_libreoffice_accepts_strict_on_the_vesting_as_one_payment_condition_and_rejects_it_to_the_contract(
    libreoffice,
):
    red = redline(VESTS, "strict")
    result, original = libreoffice([red.docx, source(VESTS)])
    assert result["rejected_paragraphs"] == original["paragraphs"]
    assert vesting_sentence(result["accepted_paragraphs"]) == (
        "All copyright and other intellectual property rights in the Illustrations shall, for each Illustration, upon "
        "payment in full of the sum due for it under this agreement, be vested in the Institute, "
        "and the Illustrator shall sign any document the Institute reasonably requests to confirm this."
    )


def test_a_first_person_letters_comments_refer_to_you_as_you():
    said = "\n".join(comments(redline("informal-letter", "strict")))
    assert not re.search(r"\byou and those it\b|\byou name\b[^.]*\bconfirms\b", said)


# ================================================================================================
# Generalisation (session 7): four more contracts unlike the eight above. A US consulting agreement
# with Word-numbered "Article 5" / "Section 5.2" and an assignment "upon creation"; a UK brand-design
# agreement with a colon-style definitions clause, a licence "for the Purpose" and a moral-rights
# waiver; a publisher's licence of a text corpus "for any purpose" (data); an animation studio's
# informal email ("we" / "our studio", "you"), unnumbered, transferring the video once paid.

CORPUS_UNREAD = (
    "the corpus licence proposes nothing: its licensor 'Publisher' is read as a second client, its "
    "'Licensed Corpus' (defined after a run-in title) is not found, and a note says it delivers no work"
)
EMAIL_UNREAD = (
    "the email's \"we'll transfer the copyright in it to you\" is not read: no IP clause found, nothing proposed"
)


@pytest.mark.parametrize(("name", "variant"), grid(NEW))
def test_nothing_we_write_in_the_new_contracts_uses_a_name_they_do_not_have(name, variant):
    red = redline(name, variant)
    written = "\n".join([words_written(red), *red.plan.notes])
    for absent in facts(name).lacks:
        assert not re.search(rf"\b{re.escape(absent.strip())}\b", written), absent


@pytest.mark.parametrize("name", NEW)
def test_the_audit_gives_each_party_of_the_new_contracts_its_own_role(name):
    parties = audit(name)["parties"]
    by_role: dict[str, str] = {}
    for p in parties:
        by_role[p["role"]] = by_role.get(p["role"], "") + " " + " ".join([p["name"] or "", *p["terms"]])
    assert any(c in by_role.get("creator", "") for c in facts(name).creator), parties
    assert any(c in by_role.get("client", "") for c in facts(name).client), parties
    assert not any(c in by_role.get("client", "") for c in facts(name).creator), parties


@pytest.mark.parametrize("name", (CONSULTING, BRAND, CORPUS))
def test_the_audit_finds_the_work_product_the_new_contracts_define(name):
    found = audit(name)["work_product"]
    assert found and found["term"] == facts(name).work_product, found


@pytest.mark.parametrize("name", NEW)
def test_the_audit_picks_the_kind_of_work_of_the_new_contracts(name):
    assert audit(name)["work_kind"]["kind"] == facts(name).work_kind


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_corpus_licensed_for_any_purpose_gets_the_ai_clauses_and_its_any_purpose_dealt_with(variant):
    red = redline(CORPUS, variant)
    assert "for any purpose" in source_text(CORPUS)
    clauses = {e.clause for e in red.plan.edits}
    assert {"no-ai-training", "ai-data-use"} <= clauses, clauses
    assert [e for e in red.plan.edits if e.find and "any purpose" in e.find]  # replaced, or commented on
    assert not [n for n in red.plan.notes if "not a document under which work is delivered" in n]


def test_an_email_transferring_the_copyright_to_you_is_read_as_a_transfer_from_we():
    transfers = [f for f in audit(EMAIL)["findings"] if f["kind"] in TRANSFER_FINDINGS]
    assert transfers and {(f["actor"], f["beneficiary"]) for f in transfers} == {("creator", "client")}


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_email_commission_gets_the_covenant_in_every_variant(variant):
    assert "no-ai-training" in {e.clause for e in redline(EMAIL, variant).plan.edits}


def test_no_note_or_comment_calls_an_email_an_agreement():
    assert not re.search(r"\bagreement\b", source_text(EMAIL), re.I)  # it says "what we agreed", no more
    for variant in VARIANTS:
        red = redline(EMAIL, variant)
        said = "\n".join([*red.plan.notes, *comments(red)])
        assert not re.search(r"\bthis agreement\b", said, re.I), said[:200]


def test_an_emails_insertion_point_is_before_its_sign_off():
    doc = audit(EMAIL)
    sign_off = next(p["index"] for p in doc["paragraphs"] if p["text"].startswith("Cheers"))
    assert doc["insertion_points"]
    assert all(p["index"] < sign_off for p in doc["insertion_points"]), doc["insertion_points"]


@pytest.mark.parametrize(
    ("name", "variant"),
    grid((BRAND, "informal-letter")),
)
def test_no_purpose_limit_is_put_on_a_licence_already_limited_to_a_purpose_it_names(name, variant):
    red = redline(name, variant)
    assert "scope-limitation" not in {e.clause for e in red.plan.edits}
    assert "Permitted Purpose" not in words_written(red)
    # nor is a perpetual licence of a brand's designs (or an app run for a business) cut to "the project"
    assert not [e for e in red.plan.edits if e.finding == "perpetual_irrevocable" and "project" in (e.comment or "")]


@pytest.mark.parametrize("variant", VARIANTS)
def test_new_terms_join_a_colon_style_definitions_clause_written_as_it_writes_them(variant):
    red = redline(BRAND, variant)
    entries = [p["text"] for e in red.plan.edits if e.clause == "definitions" for p in e.paragraphs]
    assert entries
    assert all(re.match(r"“[^”]+”: \S", t) for t in entries), entries
    assert not [t for t in inserted_texts(red) if re.match(r"In this (?:agreement|clause), “", t)]


@pytest.mark.parametrize("variant", VARIANTS)
def test_new_terms_join_a_word_numbered_definitions_article_as_sections(variant):
    red = redline(CONSULTING, variant)
    written = engine.read(red.docx).paragraphs
    entries = [p for p in written if not p.original_text and re.match(r'"[^"]+" means ', p.text)]
    assert entries and all((p.label or "").startswith("Section 1.") for p in entries), [
        (p.label, p.text[:30]) for p in entries
    ]


SOFTWARE_STRICT = ("agency-msa-sow", "software-development", CONSULTING, "informal-letter")
AI_VENDOR_BAN = re.compile(r"\bnot (?:\w+, )*(?:\w+ or )?provide any Protected Materials to an AI Vendor(?! for)")


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(SOFTWARE_STRICT, variants=("strict",)),
)
def test_the_coding_assistant_exception_is_not_taken_back_by_a_ban_on_giving_the_code_to_any_ai_vendor(name, variant):
    texts = inserted_texts(redline(name, variant))
    assert [e for e in redline(name, variant).plan.edits if e.clause == "ai-software-use"]
    assert not [t[:90] for t in texts if AI_VENDOR_BAN.search(t)]


@pytest.mark.parametrize(
    ("name", "variant"),
    grid((CONSULTING, *WORKING)),
)
def test_a_comment_names_a_clause_as_the_document_labels_it(name, variant):
    said = "\n".join(comments(redline(name, variant)))
    assert not re.search(r"\bclause (?:Section|Article|Clause)\b", said), said[:200]


def test_strict_makes_the_transfer_wait_for_the_price_by_the_documents_own_word():
    assert "charges" in source_text("uk-precedent") and not re.search(r"\bfees?\b", source_text("uk-precedent"), re.I)
    conditions = [
        e.replacement
        for e in redline("uk-precedent", "strict").plan.edits
        if e.replacement and "payment" in e.replacement
    ]
    assert conditions and all("charges" in c and "fees" not in c for c in conditions), conditions


def assignment(texts: list[str]) -> str:
    return next(t for t in texts if "right, title and interest in and to the Work Product" in t)


@pytest.mark.parametrize("variant", VARIANTS)
def test_strict_makes_an_assignment_upon_creation_wait_for_payment_and_strikes_the_timing(variant):
    before = assignment(source_text(CONSULTING).splitlines())
    after = assignment([p.text for p in engine.read(redline(CONSULTING, variant).docx).paragraphs])
    if variant == "strict":
        assert "upon payment in full" in after and "creation" not in after and "hereby" not in after, after
        assert after.startswith("Consultant ") and "assign to Customer all right, title" in after
    else:
        assert after == before


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_word_numbered_article_contract_keeps_every_number_and_its_new_sections_continue_them(variant):
    red = redline(CONSULTING, variant)
    before = [(p.text, p.label) for p in engine.read(source(CONSULTING)).paragraphs]
    written = engine.read(red.docx).paragraphs
    kept = [(p.original_text, p.label) for p in written if p.original_text]
    labels = dict(before)
    # every paragraph of the contract keeps its number ("Section 5.1" still names the assignment)
    assert [(t[:30], lab, labels.get(t)) for t, lab in kept if t in labels and labels[t] != lab] == []
    inserted = [bool(p.text) and not p.original_text for p in written]  # new: no text before the changes
    openers = [p for i, p in enumerate(written) if inserted[i] and not inserted[i - 1]]
    assert openers and all(re.fullmatch(r"Section \d+\.\d+", p.label or "") for p in openers), [
        (p.label, p.text[:30]) for p in openers
    ]
    ip = [p.label for p in written if p.label and p.label.startswith("Section 5.")]
    assert ip[:3] == ["Section 5.1", "Section 5.2", "Section 5.3"] and len(ip) > 3  # appended after 5.3


SOFTWARE_KIND = ("agency-msa-sow", "software-development", CONSULTING, "informal-letter")


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(SOFTWARE_KIND),
)
def test_the_coding_assistant_clause_names_the_restriction_it_relaxes_not_itself(name, variant):
    red = redline(name, variant)
    # the supplement is an insertion of its own (its own number where the contract numbers clauses): "this
    # clause" in it would name the supplement, so it names the restriction it relaxes
    assistant = [p["text"] for e in red.plan.edits if e.clause == "ai-software-use" for p in e.paragraphs]
    assert assistant and [e for e in red.plan.edits if e.clause == "no-ai-training"]
    assert not [t[:60] for t in assistant if re.match(r"This clause does not\b", t)]


COMPANY_CREATORS = ("uk-precedent", BRAND)  # creative work made by a limited company


@pytest.mark.parametrize(
    ("name", "variant"),
    grid(COMPANY_CREATORS),
)
def test_a_companys_likeness_clause_protects_the_people_who_made_the_work(name, variant):
    assert re.search(r"\b(?:LIMITED|Limited|Ltd|PLC|plc|LLC|Inc\.)", source_text(name))
    likeness = [
        p["text"] for e in redline(name, variant).plan.edits if e.clause == "ai-creative-likeness" for p in e.paragraphs
    ]
    assert likeness
    assert re.search(r"\b(?:person|persons|people|individual|personnel|employees?)\b", " ".join(likeness)), likeness


def test_a_corpus_licensed_for_any_purpose_perpetually_and_irrevocably_grades_worse_than_b():
    doc = audit(CORPUS)
    assert {"any_and_all_purposes", "perpetual_irrevocable"} <= {f["kind"] for f in doc["findings"]}
    assert doc["score"]["grade"] not in ("A", "B"), doc["score"]["summary"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_emails_comments_and_clauses_agree_with_we_and_you(variant):
    red = redline(EMAIL, variant)
    said = "\n".join([*comments(red), *inserted_texts(red)])
    assert "you" in said and "we" in said
    assert not re.search(r"\byou\b[^.;]{0,12}\b(?:assigns|licenses|develops|owns)\b", said), said[:300]
    assert not re.search(r"\bwe\b[^.;,]{0,30}\bor (?:develops|has)\b|\banyone it later\b", said), said[:300]
