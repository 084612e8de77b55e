"""General rules that close the gaps the understanding benchmark showed: where a No-AI clause goes when
the grant is a cover-page row or the IP block is interrupted by a section titled otherwise, and feedback
clauses in the wording real contracts use (lower case under a Feedback title, the passive, "freely
without any restriction or obligation", "as it sees fit")."""

from __future__ import annotations

import pytest

from noai.analysis.audit import audit_paragraphs
from noai.analysis.classify import classify
from noai.analysis.terms import DefinedTerms, Term
from noai.ooxml.model import Paragraph

PARTIES = 'Harbour Games Ltd (the "Publisher") and Ana Ruiz trading as Pixel Moth (the "Artist").'
TERMS = DefinedTerms(
    client=Term("Publisher", "the Publisher", defined_at=0),
    provider=Term("Artist", "the Artist", defined_at=0),
    creator="provider",
)


def no_ai_point(paragraphs):
    result = audit_paragraphs(paragraphs, TERMS)
    return next(ip for ip in result.insertion_points if ip.protection == "no_ai_restriction")


def test_a_grant_that_is_a_cover_page_row_sends_the_clause_to_the_row_for_changes_to_the_standard_terms():
    rows = [
        "Order Form",
        "Deliverables",
        "Twelve character portraits",
        "Time of Transfer",
        "( )\tPublisher owns the Deliverables upon payment of the fees.",
        "Fees",
        "4,000 per portrait",
        "Other Changes to Standard Terms",
        "Changes that apply to this Order only",
        "{changes}",
        "Governing Law",
        "{governing_law}",
    ]
    paragraphs = [Paragraph(index=0, text=PARTIES, original_text=PARTIES)]
    paragraphs += [Paragraph(index=i, text=t, original_text=t, in_table=True) for i, t in enumerate(rows, 1)]
    signature = "By signing this Order Form, each party agrees to the Standard Terms."
    paragraphs.append(Paragraph(index=len(paragraphs), text=signature, original_text=signature))
    result = audit_paragraphs(paragraphs, TERMS)
    assert any(f.kind == "ip_assignment" and f.start == 5 for f in result.findings)  # the grant is a row
    point = no_ai_point(paragraphs)
    assert point.index == 10 and "changes to the standard terms" in point.reason


def _sections(*sections: tuple[str, list[tuple[str, str]]]) -> list[Paragraph]:
    """Numbered sections, each a heading paragraph then lettered run-in sub-clauses (title, body)."""
    out = [Paragraph(index=0, text=PARTIES, original_text=PARTIES)]
    for number, (title, subs) in enumerate(sections, 1):
        top = (f"{number} {title}",)
        out.append(
            Paragraph(
                index=len(out),
                text=title,
                original_text=title,
                section_path=top,
                section_label=str(number),
                heading=title,
                is_heading=True,
            )
        )
        for letter, (sub, body) in zip("abcdef", subs, strict=False):
            text = f"{sub}. {body}" if sub else body
            out.append(
                Paragraph(
                    index=len(out),
                    text=text,
                    original_text=text,
                    section_path=(*top, f"{letter} {sub}"),
                    section_label=letter,
                    heading=sub or title,
                    run_in_title=sub or None,
                    is_heading=False,
                )
            )
    signature = "IN WITNESS WHEREOF the parties have signed this Agreement."
    out.append(Paragraph(index=len(out), text=signature, original_text=signature))
    return out


def test_an_ip_block_runs_on_over_a_section_titled_otherwise_that_grants_the_creators_rights():
    paragraphs = _sections(
        ("Scope of Rights", [("Licence", "The Artist grants the Publisher a licence to use the Artwork in the Game.")]),
        (
            "Distribution",
            [
                (
                    "Copies",
                    "The Publisher may distribute copies of the Artwork, and the Artist grants the "
                    "Publisher the right to modify the Artwork for that purpose.",
                )
            ],
        ),
        ("Reservation of Rights", [("", "All rights not expressly granted are reserved by the Artist.")]),
        ("Fees", [("Payment", "The Publisher shall pay the fees within 30 days of invoice.")]),
    )
    point = no_ai_point(paragraphs)
    assert paragraphs[point.index].text.startswith("All rights not expressly granted")  # end of the block


def test_a_section_titled_otherwise_ends_the_block_when_no_ip_section_follows_it():
    paragraphs = _sections(
        ("Scope of Rights", [("Licence", "The Artist grants the Publisher a licence to use the Artwork in the Game.")]),
        (
            "Distribution",
            [
                (
                    "Copies",
                    "The Publisher may distribute copies of the Artwork, and the Artist grants the "
                    "Publisher the right to modify the Artwork for that purpose.",
                )
            ],
        ),
        ("Fees", [("Payment", "The Publisher shall pay the fees within 30 days of invoice.")]),
    )
    point = no_ai_point(paragraphs)
    assert paragraphs[point.index].text.startswith("Licence. The Artist grants")


def para(text: str, title: str = "Feedback") -> Paragraph:
    path = (f"7 {title}",)
    return Paragraph(index=0, text=text, original_text=text, section_path=path, section_label="7", heading=title)


def kinds(text: str, title: str = "Feedback") -> dict[str, list]:
    out: dict[str, list] = {}
    for f in classify([para(text, title)], TERMS):
        out.setdefault(f.kind, []).append(f)
    return out


def test_lower_case_feedback_under_a_feedback_title_is_a_feedback_clause_with_its_commercial_use():
    found = kinds(
        "Any feedback on the Game that the Artist gives is voluntary, and the Publisher shall be free to "
        "commercialise and use such feedback as it sees fit."
    )
    (f,) = found["feedback_usage_data"]
    assert f.attributes["beneficiary"] == "client" and f.severity == "medium"
    assert "any_and_all_purposes" in found
    # the same words in a clause titled otherwise are no feedback clause
    assert "feedback_usage_data" not in kinds(
        "Any feedback on the schedule is welcome; the Publisher shall be free to use it.", title="Project Meetings"
    )


def test_usage_data_that_may_be_used_names_no_user_and_is_no_risk_to_the_creator():
    (f,) = kinds("Usage Data may be used and processed to improve the tools the Artist offers.", title="Usage Data")[
        "feedback_usage_data"
    ]
    assert f.severity == "low"
    (g,) = kinds("Usage Data may be used by the Publisher for any purpose.", title="Usage Data")["feedback_usage_data"]
    assert g.attributes["beneficiary"] == "client" and g.severity == "medium"


@pytest.mark.parametrize(
    "wording",
    ["freely without any restriction or obligation", "without obligation or restriction of any kind", "as it sees fit"],
)
def test_the_creators_unrestricted_use_of_feedback_is_recorded_as_any_purpose_but_is_no_risk(wording):
    found = kinds(f"The Artist may use all Feedback from the Publisher {wording}.")
    (f,) = found["any_and_all_purposes"]
    assert f.severity == "info" and f.attributes["direction"] == "client->provider"
    # the client's unrestricted use of the creator's feedback is a risk
    (g,) = kinds(f"The Publisher may use all Feedback from the Artist {wording}.")["any_and_all_purposes"]
    assert g.severity in ("high", "medium")


@pytest.mark.parametrize("title", ["Confidentiality", "Confidential Information and Trade Secrets", "NON-DISCLOSURE"])
def test_a_confidentiality_heading_is_found_with_its_clause(title):
    body = (
        "The Publisher shall keep confidential all Confidential Information of the Artist and shall not "
        "disclose it to any third party."
    )
    path = ("9 " + title,)
    paragraphs = [
        Paragraph(index=0, text=PARTIES, original_text=PARTIES),
        Paragraph(
            index=1,
            text=title,
            original_text=title,
            section_path=path,
            section_label="9",
            heading=title,
            is_heading=True,
        ),
        Paragraph(index=2, text=body, original_text=body, section_path=path, section_label="9", heading=title),
    ]
    (f,) = [f for f in classify(paragraphs, TERMS) if f.kind == "confidentiality"]
    assert (f.start, f.end, f.operative) == (1, 2, True)


def test_a_heading_that_only_mentions_confidentiality_is_no_confidentiality_clause():
    title = "Breach of Confidentiality Obligations by Subcontractors"
    paragraphs = [
        Paragraph(
            index=0,
            text=title,
            original_text=title,
            section_path=("4 " + title,),
            section_label="4",
            heading=title,
            is_heading=True,
        )
    ]
    assert not [f for f in classify(paragraphs, TERMS) if f.kind == "confidentiality"]


def test_a_confidentiality_heading_over_a_body_in_other_words_covers_its_first_paragraph():
    title, body = "Confidentiality", "Duties. Each side shall use what the other shows it only for the Game."
    path = ("9 " + title,)
    paragraphs = [
        Paragraph(
            index=0,
            text=title,
            original_text=title,
            section_path=path,
            section_label="9",
            heading=title,
            is_heading=True,
        ),
        Paragraph(
            index=1,
            text=body,
            original_text=body,
            section_path=path,
            section_label="9",
            heading=title,
            run_in_title="Duties",
        ),
    ]
    (f,) = [f for f in classify(paragraphs, TERMS) if f.kind == "confidentiality"]
    assert (f.start, f.end) == (0, 1)


# -- ownership a party keeps is no assignment (CUAD "IP Ownership Assignment" false positives) ---------


def ownership(text: str) -> dict[str, list]:
    return kinds(text, title="Intellectual Property")


@pytest.mark.parametrize(
    "text",
    [
        "The trade marks of the Publisher are and shall remain the sole property of the Publisher.",
        "Each party shall continue to own all right, title and interest in the materials it supplies.",
        "Any improvements to the game engine conceived solely by or on behalf of the Publisher during the term shall "
        "be owned by the Publisher.",
        "Inventions made by the Artist in the course of her own research shall be the exclusive property "
        "of the Artist.",
    ],
)
def test_ownership_a_party_keeps_of_what_it_already_has_or_makes_alone_is_a_kept_reservation(text):
    found = ownership(text)
    assert "ip_assignment" not in found
    (f,) = found["reservation_of_rights"]
    assert f.severity == "info"


@pytest.mark.parametrize(
    "text",
    [
        "All artwork created by the Artist under this Agreement shall be owned by the Publisher.",
        "Any improvements conceived by the Artist or the Publisher shall be the exclusive property of the Publisher.",
        "The Publisher will own, and the Artist will assign to it, all rights in artwork made by the Artist.",
    ],
)
def test_ownership_of_what_the_other_side_makes_is_still_an_assignment(text):
    (f,) = ownership(text)["ip_assignment"]
    assert f.attributes["owner"] == "client" and f.severity == "high"


def test_a_warranty_that_a_party_owns_what_it_licenses_is_no_assignment_even_after_a_lead_in():
    found = ownership(
        "The Artist represents and warrants that: (i) she owns all right, title and interest in the "
        "Artwork; and (ii) the Artwork infringes no third party's rights."
    )
    assert "ip_assignment" not in found
