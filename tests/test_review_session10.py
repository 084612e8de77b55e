"""The session 10 re-grade: the sixteen synthetic contracts read again as the creator's lawyer (issue 15).

Every redline of ``support.synthetic_contracts`` (strict and standard, minimal for four) was read as accepted after
this session's fixes. Most of the NOTE's list is fixed and pinned by the fixers' tests; what remains is mostly
in the comments the other side reads. A defect the lawyer would not send is a ``xfail(strict=True)`` whose reason
is the defect: it XPASSes (and fails) once fixed, then loses its mark. /work/team/REVIEW10.md has the grades and
the exact sentences.
"""

from __future__ import annotations

import re

import pytest
from test_review_session8 import accepted
from test_review_synthetic import comments, redline, source_text, words_written

INFLUENCER, TRANSLATION = "au-influencer", "us-translation-msa"


def approach(name: str, variant: str) -> str:
    """The comment that sets out the redline's approach (the first thing the other side reads)."""
    return next(c for c in comments(redline(name, variant)) if "approach:" in c)


# ------------------------------------------------------------------------------------------------
# Defects, most serious first

INVERTED = (
    "in a document where the client is 'we' and the creator 'you', the comments call the creator 'we' and the "
    "client 'you': 'this agreement licenses the Content to you (clause 3.2) and we keep ownership', 'you indemnify "
    "us against claims …', 'that we keep the right to be credited' read, in the document's own pronouns, as the "
    "brand keeping ownership and the creator giving the indemnity, the opposite of the clauses"
)


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_comments_in_a_client_we_document_do_not_call_the_creator_we(variant):
    said = "\n".join(comments(redline(INFLUENCER, variant)))
    assert redline(INFLUENCER, variant).plan.terms["client"] == "we"  # the document's "we" is the brand
    wrong = re.findall(r"\bwe keep\b|\bindemnify us\b|\breserve to us\b|\bwith us\b|\bour (?:style|voice)\b", said)
    assert not wrong, said


GARDEN_PATH = (
    "the approach comment joins its list of changes with a bare 'and', so the last item reads as part of the one "
    "before: '… of the people who made the Work and reserve to the Composer the rights …', '… that of the people "
    "who made the work and keep our pre-existing materials and know-how with us and have anyone …', 'allow AI "
    "coding assistants on the delivered code, but not training on it and have anyone …'"
)


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("music-commission", "strict"),
        ("studio-email", "standard"),
        ("informal-letter", "strict"),
        ("agency-msa-sow", "standard"),
    ],
)
def test_the_approach_comment_separates_its_list_of_changes_so_no_item_runs_into_the_one_before(name, variant):
    said = approach(name, variant)
    run_on = re.search(r"(?:who made (?:the )?[\w ]+?|training on it) and (?:reserve|keep|have|cover|allow)\b", said)
    assert not run_on, said


FRAGMENT = (
    "a comment quotes half a defined term as the place of a change: 'We add it as a sentence of its own after "
    "“Product”, so that the license's words stay together.' (the term is 'Work Product'), and the reason given "
    "answers a question the reader never had"
)


def test_a_comment_never_quotes_a_fragment_of_a_defined_term():
    source = source_text(TRANSLATION)
    for comment in comments(redline(TRANSLATION, "standard")):
        for quoted in re.findall(r"“([A-Z][a-z]+)”", comment):
            longer_term = re.search(rf"[\"“](?:[A-Z][\w-]* )+{quoted}[\"”]", source)  # e.g. "Work Product"
            own_term = re.search(rf"[\"“]{quoted}[\"”]", source)
            assert own_term or not longer_term, (quoted, comment)


UNEXPLAINED = (
    "strict turns the Pre-Existing Materials licence from 'sublicensable' into 'non-sublicensable' (while the client "
    "owns the Work Product they sit in and may license it on) and its comment gives no reason: 'This change makes "
    "the rights “non-sublicensable” instead of “sublicensable”.'"
)


def test_a_change_to_the_clients_right_to_sublicense_says_why():
    grant = next(t for t in accepted(TRANSLATION, "strict") if t.startswith("Vendor retains ownership"))
    said = next(c for c in comments(redline(TRANSLATION, "strict")) if "non-sublicensable" in c)
    assert "non-sublicensable" in grant
    assert re.search(r"\b(?:AI|so that|because|otherwise)\b", said), said


NO_PROJECT = (
    "the redline points at 'the project described in this agreement' in documents that describe no project: au "
    "strict/standard define 'Permitted Purpose' as 'use of the Content for the project described in this agreement' "
    "(the brand's agreement speaks of a campaign in Schedule 1), and the moral-rights ask in au and vested-disclaimer "
    "limits the waiver to 'the edits needed for the project described in this agreement'"
)


@pytest.mark.parametrize(
    ("name", "variant"), [(INFLUENCER, "strict"), (INFLUENCER, "standard"), ("vested-disclaimer", "strict")]
)
def test_the_redline_names_no_project_a_document_does_not_describe(name, variant):
    assert not re.search(r"\bproject\b", source_text(name), re.I)
    written = words_written(redline(name, variant))
    assert not re.search(r"\bthe project described in\b", written), written


UNSORTED = (
    "in a precedent whose definitions are in alphabetical order (Deliverables, Intellectual Property Rights, "
    "Pre-existing Materials, Services), the new terms are appended after 'Services' in the order the redline uses "
    "them: 'Protected Materials', 'AI System', 'Prohibited AI Use', 'AI Vendor'"
)


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_new_terms_keep_the_alphabetical_order_of_an_alphabetical_definitions_list(variant):
    paragraphs = accepted("uk-precedent", variant)
    start = paragraphs.index(next(t for t in paragraphs if t.startswith("Deliverables:")))
    while re.match(r"[A-Z][\w -]{1,40}:", paragraphs[start - 1]):  # a term sorted before it ("AI System")
        start -= 1
    terms = []
    for text in paragraphs[start:]:
        if not re.match(r"[A-Z][\w -]{1,40}:", text):
            break
        terms.append(text.split(":")[0])
    assert {"AI System", "Protected Materials"} <= set(terms), terms
    assert terms == sorted(terms, key=str.lower), terms


# ------------------------------------------------------------------------------------------------
# Fixed this session, checked again (pinned elsewhere too)


@pytest.mark.parametrize("name", ("music-commission", "uk-brand-design", "photo-licence", "informal-letter"))
def test_strict_never_keeps_media_not_yet_devised_beside_a_grant_limited_to_what_it_names(name):
    written = "\n".join(accepted(name, "strict"))
    assert "expressly name" in written
    assert not re.search(r"hereafter devised|later developed|yet to be invented", written), name


@pytest.mark.parametrize("variant", ["strict", "standard"])
def test_the_text_work_exception_states_its_style_limit_as_a_sentence_with_a_subject(variant):
    # final re-grade: '…, and not to produce output that imitates the style of Vendor' hung on nothing
    said = "\n".join(accepted("us-translation-msa", variant))
    assert "imitates the style of Vendor" in said
    assert not re.search(r",\s+and\s+(?:not|never)\s+to\s+produce\s+output", said), said
    assert re.search(r"Northgate shall (?:not|never) use such an AI System to produce output", said)
