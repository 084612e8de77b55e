"""The IP section in the real variety of contracts, and where a No-AI clause goes: headings as lawyers
title them, a block of IP sections, cover-page rows, and what is never the IP section (a feature
bullet of a statement of work, a goods-title clause)."""

from __future__ import annotations

import pytest

from noai.analysis.audit import audit_paragraphs
from noai.analysis.sections import changes_row, is_ip_heading
from noai.ooxml.model import Paragraph

PARTIES = 'Acme Inc. (the "Client") and Jo Lee Studio LLC (the "Contractor").'
ASSIGN = "The Contractor hereby assigns to the Client all right, title and interest in the Deliverables."
LICENCE = (
    "The Contractor grants the Client a non-exclusive licence to use its Background Materials in the Deliverables."
)
WAIVER = "The Contractor waives all moral rights in the Deliverables."
FEES = "The Client shall pay the Contractor the fees in Schedule 1 within 30 days of invoice."
LAW = "This Agreement is governed by the laws of England."


def contract(*clauses, bullets: dict[int, str] | None = None) -> list[Paragraph]:
    """The parties, then one numbered section per (title, body); ``bullets`` gives a section a bullet label."""
    paragraphs = [Paragraph(index=0, text=PARTIES, original_text=PARTIES)]
    for number, (title, body) in enumerate(clauses, 1):
        label = (bullets or {}).get(number, str(number))
        path = (f"{label} {title}",)
        for text, heading in ((title, True), (body, False)):
            paragraphs.append(
                Paragraph(
                    index=len(paragraphs),
                    text=text,
                    original_text=text,
                    section_path=path,
                    section_label=label,
                    label=label,
                    heading=title,
                    is_heading=heading,
                )
            )
    signature = "IN WITNESS WHEREOF the parties have signed this Agreement."
    paragraphs.append(Paragraph(index=len(paragraphs), text=signature, original_text=signature))
    return paragraphs


def no_ai_point(paragraphs):
    result = audit_paragraphs(paragraphs)
    return result, next(ip for ip in result.insertion_points if ip.protection == "no_ai_restriction")


@pytest.mark.parametrize(
    "title",
    [
        "Intellectual Property Rights (IPRs)",
        "Ownership of Developed Software",
        "Data Rights and Ownership of Deliverables",
        "Rights Granted to the Client",
        "License of Copyright",
        "Proprietary Rights",
        "Title",
        "Rights in Data",
        "Work Made for Hire",
    ],
)
def test_ip_headings_in_their_real_variety_make_the_ip_section(title):
    services = "The Contractor shall perform the Services and grants the Client a licence to use its reports."
    paragraphs = contract(("Services", services), (title, ASSIGN), ("Fees", FEES), ("Governing Law", LAW))
    result, point = no_ai_point(paragraphs)
    assert result.ip_section is not None and result.ip_section.title == f"2 {title}"
    assert point.index == 4  # after the body of section 2


def test_an_sow_feature_bullet_is_never_the_ip_section():
    paragraphs = contract(
        ("Scope", "The Contractor shall build the app described below."),
        ("User ownership dashboard", "A screen where users see the items they have bought."),
        ("Deliverables", ASSIGN),
        ("Fees", FEES),
        bullets={2: "•"},
    )
    result, point = no_ai_point(paragraphs)
    assert result.ip_section.title != "• User ownership dashboard"
    assert point.index != 4


def test_a_goods_title_clause_is_never_the_ip_section():
    goods = contract(
        ("Delivery", "The Supplier shall deliver the Goods to the Buyer's site."),
        ("Title", "Title to the Goods and risk of loss pass to the Buyer on delivery."),
        ("Fees", FEES),
    )
    heading = goods[3]
    assert not is_ip_heading(heading, goods[3:5])
    work = contract(("Title", "Title to the Deliverables and all intellectual property in them vests in the Client."))
    assert is_ip_heading(work[1], work[1:3])


def test_a_clause_goes_after_the_whole_block_of_ip_sections():
    paragraphs = contract(
        ("Services", "The Contractor shall perform the Services."),
        ("Ownership of Deliverables", ASSIGN),
        ("Licence to Background Materials", LICENCE),
        ("Moral Rights", WAIVER),
        ("Fees", FEES),
        ("Governing Law", LAW),
    )
    result, point = no_ai_point(paragraphs)
    assert result.ip_section.title == "2 Ownership of Deliverables"
    assert point.index == 8 and point.text == WAIVER  # the end of section 4, not of section 2


def test_a_section_titled_as_a_licence_over_representations_ends_the_block():
    paragraphs = contract(
        ("Ownership", ASSIGN),
        ("Grant of License", "The Contractor represents that it may enter this Agreement."),
        ("Fees", FEES),
    )
    _, point = no_ai_point(paragraphs)
    assert point.index == 2


def test_a_cover_page_without_ip_terms_takes_the_clause_in_its_row_for_changes():
    rows = [
        "Key Terms",
        "Effective Date",
        "{effective_date}",
        "Fees",
        "10,000 per month",
        "Other Changes to Standard Terms",
        "Changes that apply to this Order only",
        "[Drafting note: optional.]",
        "{changes}",
        "Governing Law",
        "{governing_law}",
    ]
    paragraphs = [Paragraph(index=i, text=t, original_text=t, in_table=True) for i, t in enumerate(rows)]
    signature = "By signing this Cover Page, each party agrees to the Standard Terms."
    paragraphs.append(Paragraph(index=len(rows), text=signature, original_text=signature))
    assert changes_row(paragraphs) == 8
    _, point = no_ai_point(paragraphs)
    assert point.index == 8 and "changes to the standard terms" in point.reason


def test_without_such_a_row_a_document_without_ip_terms_takes_the_clause_before_the_signatures():
    paragraphs = contract(("Services", "The Contractor shall perform the Services."), ("Fees", FEES))
    assert changes_row(paragraphs) is None
    _, point = no_ai_point(paragraphs)
    assert point.index == 4


def test_an_informal_unnumbered_contract_takes_the_clause_right_after_its_last_grant():
    texts = [
        "Logo design - what we agreed",
        "I'll design your logo and deliver three concepts by Friday.",
        "You will pay me 500 pounds within 14 days.",
        "I hereby assign to you all copyright in the final logo.",
        "If you want changes, I will make two rounds of revisions.",
        "Signed: Ann (designer) and Bob (client)",
    ]
    paragraphs = [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)]
    result, point = no_ai_point(paragraphs)
    assert result.ip_section is None
    assert point.index == 3 and point.reason == "right after the last grant of rights"
