"""A question whose answer our covenant already gives is answered from the covenant, and nothing is drafted (issue 15
item 6, fourth bullet; REVIEW21 class 2).

"Would this stop us using an AI tool to write alt text and captions for Contributions?": strict's and standard's
exceptions already name "accessibility features such as screen reading, captions or alternative text"; minimal's
restriction forbids only training an AI system on the work. Before, every variant drafted "(v) the use of an AI tool
to write alt text and captions …" (or a sentence of its own) and said "We have added it to the exceptions". Now the
reply points to the exception that allows it ("Item (ii) of the exceptions … (“captions or alternative text”) already
allows it on that condition, so no change is needed") or, for minimal, to what the restriction forbids; the plan has
no change and the document no new words. A use no exception names ("tag … with keywords") is still drafted.

Shapes: REVIEW20's us-work-for-hire (Word letters) and uk-picture-book (typed "7A."), every variant; the matching
rules on their own.
"""

from __future__ import annotations

import pytest
from test_review_session20 import round_two, thread_replies

from noai import engine
from noai.analysis.facts import restricts_only_training
from noai.library.render import excepting_item

NAMES = ("us-work-for-hire", "uk-picture-book")
VARIANTS = ("strict", "standard", "minimal")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", NAMES)
def test_a_question_the_covenant_answers_drafts_nothing_and_says_where_the_answer_is(name, variant):
    red = round_two(name, variant, "question")
    assert not [e for e in red.plan.edits if e.clause == "need-exception"], red.plan.edits
    text = [p.text for p in engine.read(red.docx, accepted=True).paragraphs]
    assert not [t for t in text if "alt text" in t], [t for t in text if "alt text" in t]
    replies = thread_replies(red.docx)
    (answer,) = [r for r in replies if "alt text and captions" in r]
    assert "no change is needed" in answer and "We have added it" not in answer, answer
    if variant == "minimal":
        assert "forbids only training an AI system on" in answer, answer
    else:
        assert "“captions or alternative text”" in answer and "keeps no copy" in answer, answer


USE = "the use of an AI tool to write alt text and captions for the Artwork"
LISTED = (
    "The following are not Prohibited AI Use, but only where the tool used neither keeps the Protected Materials "
    "after the task nor trains any AI System on them: (a) checking spelling or grammar; (b) accessibility features "
    "such as screen reading, captions or alternative text; and (c) machine translation for internal review."
)
SENTENCE = (
    "A tool that only checks spelling or grammar, or only provides accessibility features such as screen reading, "
    "captions or alternative text, may process the Protected Materials if the tool neither keeps the Protected "
    "Materials after the task nor trains any AI System on them; that use is not a Prohibited AI Use."
)


def test_an_exception_is_found_by_what_the_tool_makes_every_thing_named_in_one_item():
    assert excepting_item(LISTED, USE) == (
        "Item (b) of the exceptions to the restriction on AI use (“captions or alternative text”)"
    )
    assert (
        excepting_item(SENTENCE, USE) == "The exception to the restriction on AI use for “captions or alternative text”"
    )
    assert excepting_item(LISTED, USE.replace("alt text and captions", "alt text and blurbs")) is None  # not all named
    assert excepting_item(LISTED, "the use of an AI tool to summarise the Artwork for briefs") is None  # the work
    assert excepting_item(LISTED.replace("captions or ", ""), USE) is None


def test_only_a_restriction_defined_as_training_alone_leaves_tool_uses_outside_it():
    minimal = (
        'In this Agreement, "Prohibited AI Use" means using any Protected Materials to train or fine-tune an AI '
        "System, or including them in a dataset compiled for that purpose."
    )
    wider = (
        '"Prohibited AI Use" means any of the following: (a) training an AI System on any Protected Materials; (b) '
        "inputting any Protected Materials into an AI System as a prompt."
    )
    assert restricts_only_training(["The Client shall pay the fee.", minimal])
    assert not restricts_only_training([wider])
    assert not restricts_only_training(["No AI definition here."])
