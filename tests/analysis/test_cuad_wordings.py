"""Licence and ownership wordings of commercial contracts (the kinds CUAD labels License Grant and IP
Ownership Assignment), each in both directions, and the look-alikes that are neither: a right of first
refusal, an audit right, a licence denied, a section title cited in parentheses; title to goods, a
franchise or shares changing hands, results owned jointly, a party keeping what is its own.
Sentences are our own."""

from __future__ import annotations

import pytest

from noai.analysis.classify import classify
from noai.analysis.terms import DefinedTerms, Term
from noai.ooxml.model import Paragraph

PARTIES = 'Harbour Games Ltd (the "Publisher") and Pixel Moth Studio LLC (the "Studio").'
TERMS = DefinedTerms(
    client=Term("Publisher", "the Publisher", defined_at=0),
    provider=Term("Studio", "the Studio", defined_at=0),
    creator="provider",
)


def _paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate((PARTIES, *texts))]


def findings(*texts: str, kind: str) -> list:
    return [f for f in classify(_paragraphs(*texts), TERMS) if f.kind == kind]


# -- licence grants ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Studio and its parent company grant Publisher a non-exclusive, royalty-free right to use the Marks.",
        "The Publisher is also granted a limited, non-transferable license to the Source Code of the Game.",
        "The Publisher is hereby licensed to distribute the Game in the Territory.",
        "The Studio represents that it has the power to grant, and does hereby grant to the Publisher a "
        "non-exclusive licence to display the Artwork.",
        "The Publisher is authorized to use the Studio's trademarks and logos in advertising the Game.",
        "Subject to this Agreement, the Studio grants to the Publisher the right and privilege to use the "
        "Studio's Likeness in the Territory.",
        "The Engine is licensed to the Publisher for use with the Game only.",
    ],
)
def test_a_licence_to_the_client_in_the_wordings_commercial_contracts_use_is_a_grant_against_the_creator(sentence):
    (grant,) = findings(sentence, kind="license_grant")
    assert grant.attributes["grantee"] == "client"
    assert grant.beneficiary == "client" and grant.severity == "medium"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Publisher grants the Studio the right and privilege to use the Publisher's name in its portfolio.",
        "The Studio is hereby licensed to reproduce the Publisher's logos on the credits screen.",
    ],
)
def test_the_same_wordings_running_to_the_creator_are_a_licence_back(sentence):
    (grant,) = findings(sentence, kind="license_grant")
    assert grant.attributes["grantee"] == "provider"
    assert grant.beneficiary == "creator" and grant.severity == "info"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Studio grants no right to the Publisher to use its logos in any manner.",
        "Each party reserves all other rights, and no licenses are granted except as expressly set out herein.",
        "The Studio hereby grants the Publisher a right of first refusal to any licence of a sequel to the Game.",
        "The Studio hereby grants to the Publisher the exclusive right and option to purchase the Studio's shares.",
        "The Studio grants to the Publisher the right to examine its books and records once a year.",
        "The licenses granted under Section 9.1 (Grants to Publisher) shall survive any expiry of this Agreement.",
        "If a claim of infringement arises, the Studio may attempt to obtain a license to the patent concerned.",
        "Unless the Studio obtains a license for the Engine from its vendor, the Studio may not modify the Engine.",
        "The Publisher wishes to receive an exclusive license to the Game in Latin America.",
        "Such deliveries entitle the Publisher to a credit against future Runtime License Fees.",
        "The Studio retains all rights to own and operate and grant to others the right to operate arcades.",
    ],
)
def test_a_right_that_is_no_licence_or_a_licence_denied_or_cited_is_no_grant(sentence):
    assert findings(sentence, kind="license_grant") == []


def test_a_grant_that_leads_into_its_licences_covers_the_items_across_empty_lines():
    paragraphs = _paragraphs(
        "The Studio hereby grants to the Publisher:",
        "",
        "(a) a non-exclusive licence to reproduce the Artwork;",
        "",
        "(b) the right to authorise others to do any of the same.",
        "",
        "Fees are payable within thirty days.",
    )
    (grant,) = [f for f in classify(paragraphs, TERMS) if f.kind == "license_grant"]
    assert (grant.start, grant.end) == (1, 5)
    assert grant.attributes["grantee"] == "client"


# -- ownership and its transfer -------------------------------------------------------------------------


def assignments(sentence: str) -> list:
    return [f for f in classify(_paragraphs(sentence), TERMS) if f.kind in ("ip_assignment", "work_made_for_hire")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Studio hereby assigns to the Publisher all right, title and interest in the Deliverables.",
        "All artwork, source code and designs made under this Agreement shall be the sole property of the Publisher.",
        "On termination the Studio shall assign to the Publisher all Regulatory Filings made for the Game.",
    ],
)
def test_the_creators_work_or_its_dossiers_passing_to_the_client_is_an_assignment_against_the_creator(sentence):
    (found,) = assignments(sentence)
    assert found.actor == "creator" and found.beneficiary == "client" and found.severity == "high"


def test_the_clients_improvements_passing_to_the_creator_are_an_assignment_back():
    (found,) = assignments(
        "The Publisher hereby assigns to the Studio all right, title and interest in any modifications of the Engine."
    )
    assert found.beneficiary == "creator" and found.severity == "info"


@pytest.mark.parametrize(
    "sentence",
    [
        # goods, a business, shares, a contract: property that is no IP and no work
        "Title to the replacement parts shall pass to the Publisher upon full payment of the invoice.",
        "The executor of a deceased owner shall transfer the deceased owner's Interest in the franchise to a person "
        "approved by the Studio.",
        "The Studio shall assign to the Publisher all of its right, title and interest in the Transferred Contract.",
        # results owned together, or owned by whoever made them, or by someone else
        "The Publisher and the Studio shall jointly own all results conceived jointly by them, each owning an "
        "undivided half interest.",
        "Each party hereby assigns to the other party a joint, equal and undivided interest in the Joint Inventions.",
        "All inventions and works created during this Agreement are the property of the creating party.",
        "Player profiles are owned by each individual user, and the Publisher shall not sell them.",
        "The Publisher acknowledges the Licensor Group's exclusive ownership of all right, title and interest in the "
        "Marks.",
        "The Studio shall indemnify the Publisher and its officers, successors, and permitted assigns against any "
        "claim that the Game infringes a copyright.",
        "The Publisher may terminate in the event such Studio assigns or attempts to assign this Agreement or its "
        "rights in the Game.",
        "The Studio will transfer its responsibilities for the porting work and the related data to the Publisher.",
        "A member who assigns any of its membership interest in the venture to a third party loses its vote.",
        # a warranty or a capacity, not a transfer
        "The Studio represents and warrants for the benefit of the Publisher that: (a) it owns the Game outright.",
        "The Studio has the full power and authority to grant all of the right, title and interest in the licences "
        "granted to the Publisher.",
    ],
)
def test_what_passes_no_ip_between_the_parties_is_no_assignment(sentence):
    assert assignments(sentence) == []


def test_rights_that_are_and_remain_a_partys_property_are_kept_not_assigned():
    sentence = (
        "Except for the licence granted to the Publisher, all right, title and interest in and to the Engine "
        "(including its later versions) are and shall remain the exclusive property "
        "of the Studio."
    )
    found = classify(_paragraphs(sentence), TERMS)
    assert not [f for f in found if f.kind == "ip_assignment"]
    assert [f.kind for f in found if f.kind == "reservation_of_rights"] == ["reservation_of_rights"]


# -- governing law ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "This Agreement will be governed by and determined in accordance with the statutory, regulatory and "
        "decisional law of the State of Delaware.",
        "This Amendment shall be governed by and construed under the law governing the Distribution Agreement.",
        "This Agreement shall be governed and construed in accordance with the law set forth in the Publisher's "
        "general terms and conditions.",
    ],
)
def test_a_governing_law_named_with_its_kinds_or_by_reference_is_found(sentence):
    assert findings(sentence, kind="governing_law")


def test_a_law_named_by_its_title_under_a_governing_law_label_is_found_but_not_the_label_alone():
    label = Paragraph(index=1, text="24.1 Governing Law", original_text="24.1 Governing Law", is_heading=True)
    body = "Pursuant to Section 5-1401 of the New York General Obligations Law, the parties agree that this Agreement"
    paragraphs = [
        Paragraph(index=0, text=PARTIES, original_text=PARTIES),
        label,
        Paragraph(index=2, text=body, original_text=body, heading="24.1 Governing Law"),
    ]
    assert [f.start for f in classify(paragraphs, TERMS) if f.kind == "governing_law"] == [2]
