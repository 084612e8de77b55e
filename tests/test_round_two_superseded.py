"""REVIEW18 defect 3: a superseded comment of ours says "our new comment on these words says what we propose
instead" only where this round makes such a comment and change; where it withdraws a rejected change and proposes
nothing in its place, it says so ("we do not propose it again"), never hinting at a version that does not exist
("as it was")."""

from __future__ import annotations

import pytest
from test_review_session16 import RIGHTS, round_two

from noai.ooxml.package import read_package
from noai.ooxml.threads import read_comments

NEW_COMMENT = "our new comment on these words says what we propose instead"


def said(name: str, variant: str) -> tuple[list[str], list[str]]:
    """Every comment of the round-two document, and the plan's comments of this round."""
    red = round_two(name, variant)
    return [c.text for c in read_comments(read_package(red.docx))], [e.comment or "" for e in red.plan.edits]


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_a_withdrawn_addition_with_nothing_in_its_place_points_to_no_new_comment(variant):
    texts, _ = said(RIGHTS, variant)
    assert not any(NEW_COMMENT in t for t in texts), texts
    assert not any("propose it again as it was" in t for t in texts), texts
    assert any(t.startswith("Superseded: you did not accept our ") for t in texts), texts  # which change: named
