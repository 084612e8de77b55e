"""LibreOffice Writer opens every redlined corpus document the way the plan meant it.

One soffice run reads every input and its output (standard variant): what LibreOffice makes of
the output is compared with what it makes of the *input*, so that its own quirks (fields, list
labels, dropped section-break paragraphs) cancel out; only whitespace is normalised. Documents
that already carry other authors' tracked changes are compared after reject-all / accept-all of
theirs too, since LibreOffice cannot reject ours alone.
"""

from __future__ import annotations

import difflib
from collections import Counter

import pytest
from support.docx_builder import make_docx, p
from test_redline_corpus import (
    AUTHOR,
    DOCUMENTS,
    REVISION_DATE,
    assert_inserted_text,
    inserted_after,
    redlined,
    replacements,
    source,
)

from noai.ooxml.document import read_document
from noai.ooxml.revisions import RevisionStamp
from noai.plan import Edit, Plan
from noai.writer import apply_plan

pytestmark = pytest.mark.libreoffice

# Known differences, each a bug to fix: "{document}-{check}" -> the reason (an xfail, strict).
KNOWN: dict[str, str] = {}


def _cases(check: str):
    return [
        pytest.param(
            name,
            id=name,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN[f"{name}-{check}"])]
            if f"{name}-{check}" in KNOWN
            else [],
        )
        for name in DOCUMENTS
    ]


def norm(paragraphs: list[str]) -> list[str]:
    return [" ".join(text.split()) for text in paragraphs]


TABLE = (
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/>'
    f"</w:tblGrid><w:tr><w:tc>{p('Signature:')}</w:tc></w:tr></w:tbl>"
)


def before_a_table() -> tuple[bytes, bytes]:
    """A clause inserted after the paragraph that precedes a table (the input, the output)."""
    docx = make_docx(p("Intro.") + p("[    ]") + TABLE + p("End.") + "<w:sectPr/>")
    plan = Plan(
        "standard",
        {},
        (
            Edit.from_dict(
                {
                    "id": "e1",
                    "op": "insert_after",
                    "anchor": {"index": 1, "text": "[    ]"},
                    "paragraphs": [{"text": "Inserted clause."}],
                }
            ),
        ),
    )
    stamp = RevisionStamp(AUTHOR, REVISION_DATE)
    return docx, apply_plan(read_document(docx), plan, stamp=stamp).docx


@pytest.fixture(scope="module")
def seen(libreoffice) -> dict[str, tuple[dict, dict]]:
    """Document name -> (LibreOffice's reading of the input, of the output); one soffice run."""
    pairs = {name: (source(name), redlined(name).docx) for name in DOCUMENTS}
    pairs["before-a-table"] = before_a_table()
    results = iter(libreoffice([doc for pair in pairs.values() for doc in pair]))
    return {name: (next(results), next(results)) for name in pairs}


def test_reject_all_of_a_clause_inserted_before_a_table_leaves_no_empty_paragraph(seen):
    before, after = seen["before-a-table"]
    assert after["accepted_paragraphs"] == ["Intro.", "[    ]", "Inserted clause.", "Signature:", "End."]
    assert after["rejected_paragraphs"] == before["paragraphs"] == ["Intro.", "[    ]", "Signature:", "End."]


def lo_index(name: str, accepted_input: list[str]) -> dict[int, int]:
    """Our paragraph index -> LibreOffice's, matching the current texts of the input."""
    ours = norm([p.text for p in read_document(source(name)).paragraphs])
    mapping = {}
    matcher = difflib.SequenceMatcher(None, ours, accepted_input, autojunk=False)
    for block in matcher.get_matching_blocks():
        mapping.update({block.a + k: block.b + k for k in range(block.size)})
    return mapping


@pytest.mark.parametrize("name", _cases("open"))
def test_libreoffice_opens_every_output_and_leaves_no_redline_after_accept_or_reject_all(seen, name):
    before, after = seen[name]
    assert before["ok"] and after["ok"], after["load_error"]
    if name != "before-a-table" and not redlined(name).plan.edits:  # no work delivered under it: nothing proposed
        assert after["redlines"] == before["redlines"]
        assert any("no AI clause is proposed" in note for note in redlined(name).plan.notes)
        return
    assert after["redline_counts"], "LibreOffice sees our tracked changes"
    assert {r["author"] for r in after["redlines"]} - {r["author"] for r in before["redlines"]} == {AUTHOR}
    assert after["redlines_left_after_accept"] == 0 and after["redlines_left_after_reject"] == 0


@pytest.mark.parametrize("name", _cases("reject"))
def test_reject_all_gives_back_the_input_paragraph_for_paragraph(seen, name):
    before, after = seen[name]
    if not before["redlines"]:
        assert norm(before["rejected_paragraphs"]) == norm(before["paragraphs"])
    assert norm(after["rejected_paragraphs"]) == norm(before["rejected_paragraphs"])


@pytest.mark.parametrize("name", _cases("formats"))
def test_reject_all_gives_back_the_inputs_numbers_and_paragraph_styles(seen, name):
    # the paragraph texts hide a list level or style that changed; a typed cross-reference field shows it
    before, after = seen[name]
    assert after["rejected_formats"] == before["rejected_formats"]


@pytest.mark.parametrize("name", _cases("accept"))
def test_accept_all_gives_the_input_plus_exactly_the_planned_clauses_and_replacements(seen, name):
    before, after = seen[name]
    plan = redlined(name).plan
    expected = norm(before["accepted_paragraphs"])
    where = lo_index(name, expected)
    replaced = {}
    ours = [p.text for p in read_document(source(name)).paragraphs]
    for index, edits in replacements(redlined(name), ours).items():  # the plan's and the renumbering
        assert index in where, f"LibreOffice shows paragraph {index} of {name} differently"
        replaced[where[index]] = edits
    for at, edits in replaced.items():
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):  # LibreOffice's text, our offsets
            text = expected[at]
            start = _occurrence(text, " ".join(edit.find.split()), edit.occurrence)
            expected[at] = text[:start] + edit.replacement + text[start + len(" ".join(edit.find.split())) :]
    inserts = inserted_after(plan)
    actual = norm(after["accepted_paragraphs"])
    position = 0
    for i in sorted(where):  # walk the input, checking our paragraphs after each anchor
        at = where[i] + position
        assert actual[at] == expected[where[i]], (i, actual[at], expected[where[i]])
        for planned in inserts.pop(i, ()):
            position += 1
            assert_inserted_text(actual[where[i] + position], planned)
    assert not inserts, f"anchors LibreOffice does not show: {sorted(inserts)}"
    assert len(actual) == len(expected) + position


def _occurrence(text: str, phrase: str, k: int) -> int:
    at = -1
    for _ in range(k + 1):
        at = text.find(phrase, at + 1)
        assert at >= 0, (phrase, text)
    return at


@pytest.mark.parametrize("name", _cases("comments"))
def test_the_comments_are_there_with_their_author_text_and_anchor(seen, name):
    before, after = seen[name]
    plan = redlined(name).plan
    added = Counter((c["author"], " ".join(c["text"].split())) for c in after["comments"])
    added.subtract((c["author"], " ".join(c["text"].split())) for c in before["comments"])
    assert +added == Counter((AUTHOR, " ".join(e.comment.split())) for e in plan.edits if e.comment)
    anchors = Counter(" ".join(c["anchor"].split()) for c in after["comments"] if c["author"] == AUTHOR)
    for edit in plan.edits:
        if edit.op == "comment":
            assert anchors[" ".join(edit.find.split())] > 0, (edit.find, anchors)
