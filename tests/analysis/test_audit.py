"""The audit result: protections, score ordering, insertion points, IP section, notes and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from noai.analysis.audit import SCHEMA, audit_document, audit_paragraphs
from noai.analysis.terms import DefinedTerms, Term
from noai.ooxml.document import read_document
from noai.ooxml.model import Paragraph

DATA = Path(__file__).parent.parent / "data"
TERMS = DefinedTerms(
    client=Term("Client", "the Client", defined_at=0),
    provider=Term("Designer", "the Designer", defined_at=0),
    creator="provider",
)
PARTIES = 'Acme Inc., a Delaware corporation (the "Client"), and Jo Lee, of Oregon (the "Designer").'
WORK_FOR_HIRE = (
    "All Deliverables are works made for hire, and the Designer hereby assigns to the Client all right, "
    "title and interest in the Deliverables."
)
LIMITED = "The Designer grants the Client a non-exclusive licence to use the Deliverables solely for the Campaign."
NO_AI = (
    "The Client shall not use the Deliverables to train, fine-tune or test any artificial intelligence or "
    "machine learning model."
)
RESERVED = "All rights not expressly granted in this Agreement are reserved by the Designer."
INDEMNITY = "The Designer shall indemnify the Client against third-party claims that the Deliverables infringe."
LAW = "This Agreement is governed by the laws of the State of Oregon."


def contract(*clauses: tuple[str, str]) -> list[Paragraph]:
    """A small contract: the parties, then one numbered section per (title, body) with a heading paragraph."""
    paragraphs = [Paragraph(index=0, text=PARTIES, original_text=PARTIES)]
    for number, (title, body) in enumerate(clauses, 1):
        path = (f"{number} {title}",)
        for text, heading in ((title, True), (body, False)):
            paragraphs.append(
                Paragraph(
                    index=len(paragraphs),
                    text=text,
                    original_text=text,
                    section_path=path,
                    section_label=str(number),
                    heading=title,
                    is_heading=heading,
                )
            )
    signature = "IN WITNESS WHEREOF the parties have signed this Agreement."
    paragraphs.append(Paragraph(index=len(paragraphs), text=signature, original_text=signature))
    return paragraphs


def audit(*clauses: tuple[str, str]):
    return audit_paragraphs(contract(*clauses), TERMS, filename="test.docx")


def test_work_for_hire_scores_worse_than_a_limited_licence_which_scores_worse_than_one_with_an_ai_ban():
    work_for_hire = audit(("Intellectual Property", WORK_FOR_HIRE))
    limited = audit(("Intellectual Property", LIMITED))
    restricted = audit(("Intellectual Property", LIMITED), ("Use of AI", NO_AI))
    assert work_for_hire.score.risk > limited.score.risk > restricted.score.risk
    assert work_for_hire.score.grade > limited.score.grade >= restricted.score.grade  # "A" < "C" < "D"
    assert any("made for hire" in why for _, why in work_for_hire.score.reasons)


def test_the_score_reasons_add_up_to_the_risk():
    result = audit(("Intellectual Property", WORK_FOR_HIRE))
    assert result.score.risk == max(0, min(100, sum(points for points, _ in result.score.reasons)))


def test_protections_found_in_the_text_are_present_with_their_evidence():
    result = audit(("Intellectual Property", LIMITED), ("Use of AI", NO_AI), ("Rights", RESERVED))
    assert result.protection("no_ai_restriction").status == "present"
    assert result.paragraphs[result.protection("no_ai_restriction").evidence].text == NO_AI
    assert result.protection("scope_limitation").status == "present"
    assert result.protection("reservation_of_rights").status == "present"
    assert result.protection("ai_indemnity").status == "missing"


CREATORS_DUTY = (
    "The Designer will disclose to the Client in writing any generative artificial intelligence tool the Designer "
    "intends to use to make the Deliverables."
)
CLIENTS_DUTY = (
    "The Client will notify the Designer in writing of each artificial intelligence system that processes the "
    "Deliverables."
)


def test_the_creators_duty_to_disclose_its_own_ai_tools_is_no_ai_transparency_for_the_creator():
    for heading in ("Use of Artificial Intelligence", "AI Tools"):  # a heading naming AI joins the clause
        result = audit(("Intellectual Property", LIMITED), (heading, CREATORS_DUTY))
        assert result.protection("ai_transparency").status == "missing", heading


def test_the_clients_duty_to_disclose_the_ai_that_processes_the_work_is_ai_transparency():
    alone = audit(("Intellectual Property", LIMITED), ("Use of Artificial Intelligence", CLIENTS_DUTY))
    beside = audit(
        ("Intellectual Property", LIMITED), ("Use of Artificial Intelligence", f"{CREATORS_DUTY} {CLIENTS_DUTY}")
    )
    for result in (alone, beside):
        transparency = result.protection("ai_transparency")
        assert transparency.status == "present"
        assert CLIENTS_DUTY in result.paragraphs[transparency.evidence].text


def test_a_licence_for_any_purpose_is_no_scope_limitation():
    result = audit(
        (
            "Intellectual Property",
            "The Designer grants the Client a licence to use the Deliverables "
            "solely for the Campaign and otherwise for any purpose whatsoever.",
        )
    )
    assert result.protection("scope_limitation").status == "missing"


def test_choice_of_law_is_present_only_for_the_creators_home_law():
    home = audit(("Intellectual Property", LIMITED), ("Governing Law", LAW))
    client_home = audit(
        ("Intellectual Property", LIMITED),
        ("Governing Law", "This Agreement is governed by the laws of the State of Delaware."),
    )
    nowhere = audit(
        ("Intellectual Property", LIMITED),
        ("Governing Law", "This Agreement is governed by the laws of England and Wales."),
    )
    assert home.protection("choice_of_law").status == "present"
    assert client_home.protection("choice_of_law").status == "missing"
    assert nowhere.protection("choice_of_law").status == "unknown"


def test_missing_ip_protections_go_at_the_end_of_the_ip_section():
    result = audit(
        ("Services", "The Designer shall design the brand."),
        ("Intellectual Property", WORK_FOR_HIRE),
        ("Indemnification", INDEMNITY),
        ("Governing Law", LAW),
    )
    assert result.ip_section is not None and result.ip_section.title == "2 Intellectual Property"
    points = {ip.protection: ip for ip in result.insertion_points}
    assert points["no_ai_restriction"].text == WORK_FOR_HIRE
    assert points["ai_indemnity"].text == INDEMNITY
    assert "choice_of_law" not in points  # Oregon is the designer's home
    assert result.paragraphs[points["reservation_of_rights"].index].text == points["reservation_of_rights"].text


def test_without_an_ip_section_protections_go_before_the_signatures():
    result = audit(("Services", "The Designer shall design the brand."), ("Payment", "The Client shall pay the fees."))
    point = next(ip for ip in result.insertion_points if ip.protection == "no_ai_restriction")
    assert point.text == "The Client shall pay the fees."
    assert any("No IP clauses found" in note for note in result.notes)


def test_a_german_contract_gets_a_language_note_and_no_findings():
    texts = [
        "Der Auftragnehmer überträgt dem Auftraggeber sämtliche Nutzungsrechte an den Arbeitsergebnissen.",
        "Dieser Vertrag unterliegt dem Recht der Bundesrepublik Deutschland und ist nicht übertragbar.",
        "Die Parteien sind sich einig, dass die Vergütung mit der Zahlung der Rechnung abgegolten ist.",
    ]
    result = audit_paragraphs([Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)])
    assert result.language == "de"
    assert result.findings == [] and result.insertion_points == []
    assert result.score.risk is None and result.score_summary() == "not scored"
    assert "Language not supported" in result.notes[0]


def test_the_json_has_the_versioned_top_level_and_survives_a_round_trip():
    result = audit(("Intellectual Property", WORK_FOR_HIRE), ("Use of AI", NO_AI))
    data = json.loads(json.dumps(result.to_dict()))
    assert data["schema"] == SCHEMA == "noai.audit/2"
    assert set(data) == {
        "schema",
        "document",
        "paragraphs",
        "terms",
        "parties",
        "self_reference",
        "work_product",
        "we",
        "work_kind",
        "ip_section",
        "findings",
        "protections",
        "insertion_points",
        "score",
        "notes",
    }
    assert data["document"] == {"filename": "test.docx", "paragraph_count": len(result.paragraphs), "language": "en"}
    assert set(data["paragraphs"][0]) == {"index", "text", "style", "label", "section_label", "heading"}
    finding = next(f for f in data["findings"] if f["kind"] == "work_made_for_hire")
    text = data["paragraphs"][finding["start"]]["text"]
    assert text[finding["phrase"]["start"] : finding["phrase"]["end"]] == finding["phrase"]["text"]
    assert data["protections"]["no_ai_restriction"]["evidence"]["text"] == NO_AI
    assert 0 <= data["score"]["risk"] <= 100


def test_the_eu_standard_contractual_clauses_hold_no_ip_finding():
    doc = read_document((DATA / "corpus" / "publicneuro-scc-controller-processor.docx").read_bytes())
    result = audit_document(doc, filename="scc.docx")
    assert {f.kind for f in result.findings} <= {
        "governing_law",
        "confidentiality",
        "limitation_of_liability",
        "indemnification",
        "survival",
    }
    assert result.ip_section is None


def test_a_real_contractor_agreement_has_its_ip_section_and_high_risk():
    doc = read_document((DATA / "corpus" / "cp-independent-contractor-agreement.docx").read_bytes())
    result = audit_document(doc)
    assert result.ip_section is not None and result.ip_section.section_label == "3"
    assert result.score.grade in ("C", "D", "F")
    for ip in result.insertion_points:
        assert not result.paragraphs[ip.index].in_table


def test_remedies_for_ai_misuse_are_a_protection_inserted_next_to_the_ai_restriction():
    remedy = (
        "The Designer may seek injunctive relief against any use of the Deliverables to train an artificial "
        "intelligence model, and the Client shall delete every dataset and model weights derived from them."
    )
    without = audit(("Intellectual Property", LIMITED), ("Use of AI", NO_AI), ("Governing Law", LAW))
    with_remedy = audit(("Intellectual Property", LIMITED), ("Use of AI", NO_AI + " " + remedy))
    point = next(ip for ip in without.insertion_points if ip.protection == "ai_remedies")
    assert without.protection("ai_remedies").status == "missing" and point.text == NO_AI
    assert with_remedy.protection("ai_remedies").status == "present"


def test_every_grant_tied_to_a_defined_purpose_is_a_scope_limitation_despite_a_broad_grant():
    broad = "The Designer grants the Client a licence to use the Deliverables for any purpose whatsoever."
    purpose = "The licenses granted to the Client under this Agreement are granted solely for the Permitted Purpose."
    paragraphs = contract(("Intellectual Property", broad), ("Permitted Purpose", purpose))
    undefined = audit_paragraphs(paragraphs, TERMS)
    terms = DefinedTerms(
        client=TERMS.client,
        provider=TERMS.provider,
        creator="provider",
        all={"Permitted Purpose": Term("Permitted Purpose", "the Permitted Purpose", defined_at=1)},
    )
    defined = audit_paragraphs(paragraphs, terms)
    assert undefined.protection("scope_limitation").status == "missing"
    assert defined.protection("scope_limitation").status == "present"


def test_an_injunction_in_any_court_against_ai_misuse_whatever_the_law_is_a_choice_of_law_protection():
    carve_out = (
        "Nothing in the governing-law provisions of this Agreement prevents the Designer from seeking "
        "injunctive relief against any artificial intelligence training on the Deliverables in any court "
        "of competent jurisdiction."
    )
    delaware = ("Governing Law", "This Agreement is governed by the laws of the State of Delaware.")
    assert audit(("Intellectual Property", LIMITED), delaware).protection("choice_of_law").status == "missing"
    assert (
        audit(("Intellectual Property", LIMITED), delaware, ("Injunctions", carve_out))
        .protection("choice_of_law")
        .status
        == "present"
    )


def _with_clause(rendered) -> tuple[list[Paragraph], range]:
    """The small contract with a rendered library clause at the end of its IP section, titled as the
    writer titles it (a run-in title on the first paragraph)."""
    paragraphs = contract(("Intellectual Property", LIMITED))
    signature = paragraphs.pop()
    path, first = paragraphs[-1].section_path, len(paragraphs)
    body = [t for t in rendered.paragraphs if t]
    for i, text in enumerate(body):
        text = f"{rendered.title}. {text}" if i == 0 else text
        paragraphs.append(
            Paragraph(
                index=len(paragraphs),
                text=text,
                original_text=text,
                section_path=path,
                section_label="1",
                heading=path[0][2:],
                run_in_title=rendered.title if i == 0 else None,
            )
        )
    paragraphs.append(Paragraph(index=len(paragraphs), text=signature.text, original_text=signature.text))
    return paragraphs, range(first, first + len(body))


def test_each_library_clause_is_found_as_its_protection_and_its_text_raises_no_red_flag():
    from noai.kinds import PROTECTIONS
    from noai.library import VARIANTS, load_library, render

    library = load_library()
    names = {
        "client": "the Client",
        "provider": "the Designer",
        "deliverables": "the Deliverables",
        "agreement": "this Agreement",
    }
    checked = 0
    for clause in library.clauses:
        for variant in VARIANTS:
            paragraphs, ours = _with_clause(render(clause, variant, names))
            result = audit_paragraphs(paragraphs)
            if clause.kind in PROTECTIONS:
                assert result.protection(clause.kind).status == "present", (clause.id, variant)
                checked += 1
            flagged = [
                (f.kind, f.phrase) for f in result.findings if f.start in ours and f.severity in ("high", "medium")
            ]
            assert flagged == [], (clause.id, variant)
            assert result.terms.provider.name == "Designer" and result.terms.client.name == "Client"
    assert checked >= 7 * len(VARIANTS)
