"""What our comments quote to the other side is quoted whole, never cut off with "…" (issue 15 item 5 (v)).

The clause numbers an insertion moves are cited whole too: every one, or the first four and how many follow them
("(3., 4., 5., 6. and the 4 after them)"), not "(3., 4., 5., 6. …)".

Round two named an addition of ours by its first twelve words and "…" ("We need our addition “The licence granted to
the Publishers does not extend to using the …”, and have put it back"): a lawyer quotes the words whole, or the
first sentence whole and says what follows it ("our addition “…”, with the sentence after it"). Round one's comments
on every synthetic contract, in every variant, quote no words cut off either (a guard: each quoted phrase is whole).
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from support.synthetic_contracts import CONTRACTS
from test_new_clause_heading import GRANT, KEEPS, LAW, NUMBERING, PARTIES, SERVICES, STYLES, redlined
from test_review_synthetic import redline
from test_round_two_rejected_terms import MUSIC, RIGHTS, STRONGER, ours

from noai.rounds import escalations
from noai.rounds.said import _addition_named

VARIANTS = ("strict", "standard", "minimal")
CUT = re.compile(r"“[^”]*…[^”]*”")


@pytest.mark.parametrize(
    ("added", "named"),
    [
        (
            "The licence granted to the Publishers does not extend to using the Work to train or fine-tune any AI "
            "System",
            "our addition “The licence granted to the Publishers does not extend to using the Work to train or "
            "fine-tune any AI System”",
        ),
        (
            "No licence under clause 4.2 extends to AI training, e.g. fine-tuning. All other rights are reserved",
            "our addition “No licence under clause 4.2 extends to AI training, e.g. fine-tuning”, with the sentence "
            "after it",
        ),
        (
            "No licence extends to AI training. All other rights are reserved. No licence is implied.",
            "our addition “No licence extends to AI training”, with the 2 sentences after it",
        ),
    ],
    ids=["one-sentence", "two-sentences", "three-sentences"],
)
def test_an_addition_of_ours_is_named_by_its_words_whole(added, named):
    assert _addition_named(added) == named


@pytest.mark.parametrize("name", (RIGHTS, MUSIC))
def test_round_two_quotes_the_addition_it_puts_back_whole_in_the_thread_the_approach_and_the_note(name):
    red = STRONGER[name]()
    said = ours(red) + list(escalations(red.plan))
    assert not [c for c in said if CUT.search(c)], said
    named = [c for c in said if "our addition “" in c]
    assert named, said
    for c in named:  # the quoted words are a whole sentence of what we added: they end where a sentence ends
        quoted = re.search(r"our addition “([^”]*)”", c).group(1)
        assert not quoted.endswith((" the", " a", " to", " of", " using")), quoted
    # uk-translation-rights: our one-sentence addition to clause 2, whole
    if name == RIGHTS:
        assert any(
            "our addition “The licence granted to the Publishers does not extend to using the Work to train or "
            "fine-tune any AI System”" in c
            for c in named
        ), named


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_round_one_comments_quote_no_words_cut_off(name, variant):
    said = [e.comment for e in redline(name, variant).plan.edits if e.comment]
    assert not [c for c in said if CUT.search(c)], said


def headed(sections: tuple[str, ...]) -> bytes:
    """A design agreement of Word-numbered headings: its IP clause second, then ``sections`` (the last "General")."""
    body = [p("DESIGN AGREEMENT"), p(PARTIES), p("Services", style="Heading1"), p(SERVICES, style="BodyText")]
    body += [p("Intellectual Property", style="Heading1"), p(GRANT, style="BodyText"), p(KEEPS, style="BodyText")]
    for title in sections:
        said = LAW if title == "General" else f"The {title.lower()} terms apply as agreed."
        body += [p(title, style="Heading1"), p(said, style="BodyText")]
    return make_docx(
        "".join(body) + p("Signed for the Studio: ____________") + "<w:sectPr/>", styles=STYLES, numbering=NUMBERING
    )


@pytest.mark.parametrize(
    ("sections", "cited"),
    [
        (
            ("Fees", "Delivery", "Warranties", "Liability", "Term", "Termination", "Notices", "General"),
            "(3., 4., 5., 6. and the 4 after them)",
        ),
        (("Fees", "Delivery", "Term", "Notices", "General"), "(3., 4., 5., 6., 7.)"),
    ],
    ids=["many", "five"],
)
def test_the_clause_numbers_an_insertion_moves_are_cited_whole(sections, cited):
    approach = next(
        e.comment for e in redlined(headed(sections)).plan.edits if (e.comment or "").startswith("Our approach")
    )
    assert f"Word's automatic numbering renumbers the clauses after the insertion {cited}." in approach, approach
    assert "…" not in approach
