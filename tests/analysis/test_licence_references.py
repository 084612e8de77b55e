"""A licence named by reference as the subject of its own sentence ("The licence granted to the Publisher under
Section 2 shall be perpetual", "Such licence shall be irrevocable", "The foregoing licence is sublicensable"): the
scope words of the predicate are that licence's, as they would be inside its grant, and go from the grantor to the
grantee the sentence names, else those of the licence it cites or last spoke of. Not a licence: a company's
existence, an inventory, a right of first refusal, licence fees, a licence said to end, a duty of confidence, a
sentence that grants the rights itself, a definition's description of a licence. Our own sentences, one paragraph a
line, under a title that names no licence (so no paragraph sits under a licence heading)."""

from __future__ import annotations

import pytest

from tests.analysis.test_cuad_error_classes import spans
from tests.analysis.test_cuad_precision_classes import audit_services

GRANTS = (
    "2. Licence",
    "2.1 The Studio hereby grants the Publisher a licence to reproduce the Artwork in the Game.",
    "2.2 The Publisher hereby grants the Studio a licence to show the Publisher Marks on the Studio's website.",
    "9. Term and Termination",
)


def found_at(found: list[dict], kind: str, index: int) -> dict:
    (finding,) = [f for f in found if f["kind"] == kind and f["start"] == index]
    return finding


def test_a_licence_granted_earlier_and_made_perpetual_in_its_own_sentence_is_a_perpetual_licence():
    found = audit_services(*GRANTS, "The licence granted to the Publisher under Section 2 shall be perpetual.")
    finding = found_at(found, "perpetual_irrevocable", 6)
    assert (finding["actor"], finding["beneficiary"], finding["severity"]) == ("creator", "client", "medium")
    assert "perpetual" in finding["qualifiers"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The licence granted to the Publisher under Section 2 shall be perpetual.",
        "Such licence shall be irrevocable except as provided in Section 9.",
        "Upon payment of the Fees, the licence granted by the Studio shall become perpetual and irrevocable.",
        "The term of the licence shall be perpetual.",
    ],
)
def test_a_licence_named_by_reference_and_made_perpetual_is_one_even_with_no_grant_before_it(sentence):
    assert spans(audit_services(sentence), "perpetual_irrevocable") == [(2, 2)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The licence granted to the Publisher terminates with this Agreement.",
        "The Publisher's existence as a company shall be perpetual.",
        "The Studio shall keep a perpetual inventory of the consoles.",
        "The licence granted to the Publisher under Section 2 is not perpetual.",
        "The Publisher's right of first refusal under Section 7 shall be irrevocable.",
        "The licence fees shall be paid in perpetuity by monthly instalments.",
        "The licences in Section 2 shall survive any termination of this Agreement.",
        "The Publisher's duty of confidence shall survive any termination indefinitely.",
    ],
)
def test_a_sentence_about_no_licence_or_a_licence_that_ends_is_no_perpetual_licence(sentence):
    assert spans(audit_services(*GRANTS, sentence), "perpetual_irrevocable") == []


def test_a_licence_that_survives_termination_indefinitely_is_perpetual():
    found = audit_services(
        *GRANTS, "The licences in Section 2.1 shall survive any termination of this Agreement indefinitely."
    )
    assert spans(found, "perpetual_irrevocable") == [(6, 6)]


def test_the_other_scope_words_of_a_licence_named_by_reference_are_found_with_its_qualifiers():
    found = audit_services(
        *GRANTS,
        "The foregoing licence is worldwide, royalty-free and sublicensable.",
        "Such rights may be exercised in all media now known or hereafter devised.",
    )
    sublicensable = found_at(found, "sublicensable", 6)
    assert {"worldwide", "royalty_free", "sublicensable"} <= set(sublicensable["qualifiers"])
    assert spans(found, "future_technologies") == [(7, 7)]


def test_who_grants_to_whom_comes_from_the_sentence_else_from_the_licence_it_cites():
    found = audit_services(
        *GRANTS,
        "The licences in Section 2.2 shall be irrevocable.",
        "The licences under Clause 2.1 shall be irrevocable.",
        "The licence granted by the Publisher shall become perpetual on payment of the Fees.",
        "Each party's licence under this Section is perpetual.",
    )
    parties = [
        (f["start"], f["actor"], f["beneficiary"], f["severity"]) for f in found if f["kind"] == "perpetual_irrevocable"
    ]
    assert parties == [
        (6, "client", "creator", "info"),  # the licence back of 2.2: no risk to the creator
        (7, "creator", "client", "medium"),
        (8, "client", "creator", "info"),
        (9, "both", "both", "medium"),
    ]


def test_a_sentence_that_grants_the_rights_itself_or_describes_a_defined_licence_has_no_scope_word_of_a_licence():
    found = audit_services(
        "Such rights obtained by the Studio from a third party shall be licensed or sublicensed to the Publisher.",
        'Page 3 of 9 1.4 "Evaluation Licence" shall mean a licence to test the Game for thirty days. Such licence '
        "shall be fully sublicensable.",
    )
    assert spans(found, "sublicensable") == []
