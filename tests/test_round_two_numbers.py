"""Round two's numbers and the sentence citing our clauses (issue 15 item 1).

Our survival sentence cites the clauses of ours it covers by number: "This clause applies …" (one clause), "Clauses
2.1A, 2.4 and 2.5 apply …" (a list), "Sections 5(d) to 5(g) apply …" (a range). Round two changes which clauses of
ours stand and their numbers, and the sentence follows, as one tracked change of the words citing them:

(a) lettered lists: a rejected lettered clause ("(g)") that round two does not put back leaves no gap (the letters
    after it move back, as a decimal list's numbers do) and a range ending at it, or at a letter a withdrawn definition
    moves, ends at the last letter of ours that stands ("Sections 5(d) to 5(g)" -> "5(d) and 5(e)" once (g) is
    rejected and the definition (d) withdrawn);
(b) strict round two's new clauses after the last one cited are cited too, whether the sentence cites a range, a
    list ("Clauses 2.1A, 2.4 and 2.5" -> "Clauses 2.1A and 2.4 to 2.8") or its own clause alone ("This clause
    applies … and survives" -> "Clauses 1A to 1D apply … and survive");
(c) a clause of ours round two takes out (rejected, not put back; a definition withdrawn) leaves the list citing it
    ("Sections 3.3, 4.3 and 4.4" -> "Sections 4.3 and 4.4"; "Sections 5(d) and 5(e) apply … and survive" ->
    "Section 5(d) applies … and survives").

Shapes: us-purchase-order (typed lettered sub-clauses, REVIEW16's reply), us-software-development (typed lettered
sub-clauses of a US agreement), uk-translation-rights (flat typed clauses, "1A."), a photography licence of our own
(typed decimals with a tab), software-development and au-influencer (typed decimals before a space), us-work-for-hire
(Word's lettered labels), us-translation-msa and us-game-art (Word's decimal numbers).
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p
from support.replies import Reply, record_ids
from test_review_session16 import ORDER, RIGHTS, returned, round_two, written
from test_review_synthetic import facts, redline
from test_round_two_unused_definition import PHOTOS

from noai import engine
from noai.analysis.facts import citing_ours
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds

NEXT_ROUND = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SOFTWARE = "us-software-development"
APPLY = re.compile(r"\b(?:This )?(?:[Cc]lause|Section)s?(?: [\dA-Za-z.()]+(?:(?:, | and | to )[\dA-Za-z.()]+)*)? appl")


@functools.cache
def answered(name: str, first: str, clauses: tuple[str, ...], variant: str) -> engine.Redline:
    """Counsel rejects our ``clauses`` of our ``first`` round one and accepts the rest; our round two in ``variant``."""
    sent = redline(name, first).docx
    ids = [q.id for q in read_rounds(read_package(sent))[0].proposals if q.clause in clauses and q.op != "comment"]
    assert ids, clauses
    back = Reply(sent).reject(ids=record_ids(sent, *ids)).accept().bytes()
    options = engine.Options(variant=variant, we=facts(name).creator[0])
    return engine.redline(back, author="noai", date=NEXT_ROUND, options=options)


def citing(paragraphs: list[str]) -> list[str]:
    """The sentences of ``paragraphs`` saying clauses apply, from the citation on."""
    return [t[m.start() :] for t in paragraphs for m in [APPLY.search(t)] if m]


def sentence_changes(red: engine.Redline, words: str) -> list:
    """The plan's tracked replacements in the paragraph of ``red``'s input that has ``words``."""
    (at,) = {e.index for e in red.plan.edits if e.op == "replace" and words in e.anchor_text}
    return [e for e in red.plan.edits if e.index == at and e.op == "replace"]


def letters(paragraphs: list[str], heading: str, end: str) -> list[str]:
    first = next(i for i, t in enumerate(paragraphs) if t.startswith(heading))
    last = next(i for i, t in enumerate(paragraphs) if i > first and t.startswith(end))
    return [m.group(1) for t in paragraphs[first:last] if (m := re.match(r"\(([a-z])\) ", t))]


# ------------------------------------------------------------------------------------------------
# (a) lettered lists: no gap, and the range ends at the last letter of ours


@pytest.mark.parametrize("variant", ("standard", "minimal"))
def test_a_lettered_range_ends_at_the_last_letter_once_its_last_clause_is_rejected_and_a_definition_withdrawn(
    variant,
):
    second = round_two(ORDER, variant)  # REVIEW16's reply: (g) rejected; round two withdraws the definition (d)
    paragraphs = written(second)
    assert letters(paragraphs, "5. INTELLECTUAL", "6. ") == list("abcde")
    (said,) = citing(paragraphs)
    assert said.startswith("Sections 5(d) and 5(e) apply to the extent permitted by law and survive"), said
    at = next(i for i, t in enumerate(engine.read(returned(ORDER)).paragraphs) if "Sections 5(d) to 5(g)" in t.text)
    (change,) = [e for e in second.plan.edits if e.index == at]  # one tracked change of the reference
    assert change.op == "replace" and "5(g)" in (change.find or "") and "5(e)" in (change.replacement or "")


@pytest.mark.parametrize(
    "name, clauses, last",
    [
        (SOFTWARE, ("retained-materials",), "h"),
        (SOFTWARE, ("ai-transparency",), "h"),
        (SOFTWARE, ("ai-indemnity", "ai-transparency"), "g"),
        (ORDER, ("retained-materials",), "i"),
        (ORDER, ("ai-transparency",), "i"),
    ],
    ids=["software-middle", "software-last", "software-two", "order-middle", "order-last"],
)
def test_a_rejected_lettered_clause_leaves_no_gap_and_the_range_ends_at_the_last_letter(name, clauses, last):
    paragraphs = written(answered(name, "strict", clauses, "minimal"))
    heading, end = ("7. ", "8. ") if name == SOFTWARE else ("5. INTELLECTUAL", "6. ")
    assert letters(paragraphs, heading, end) == [chr(c) for c in range(ord("a"), ord(last) + 1)]
    (said,) = citing(paragraphs)
    part = heading[0]
    assert said.startswith(f"Sections {part}(d) to {part}({last}) apply to the fullest extent"), said


@pytest.mark.parametrize(
    "name, clauses, numbers, cited",
    [  # numbers typed before a space ("3.4 The Customer …"): the clause first at its place, or the last of a block
        ("software-development", ("retained-materials",), ["3.4", "3.5"], "Clauses 3.4 and 3.5 apply to the extent "),
        ("au-influencer", ("ai-creative-likeness",), ["3.2A", "3.5", "3.6"], "Clauses 3.2A, 3.5 and 3.6 apply to the "),
    ],
    ids=["first-at-its-place", "a-gap-closed"],
)
def test_a_range_whose_last_clause_is_gone_ends_at_the_last_that_stands(name, clauses, numbers, cited):
    paragraphs = written(answered(name, "standard", clauses, "minimal"))
    ours = [m.group(1) for t in paragraphs if (m := re.match(r"(3\.\d+A?) ", t))]
    assert all(n in ours for n in numbers) and ours[-1] == numbers[-1], ours
    (said,) = citing(paragraphs)
    assert said.startswith(cited), said


def test_strict_cites_no_number_that_its_new_clauses_do_not_take():
    # minimal round one; strict round two adds its clauses as paragraphs of the clause whose letter is (d): they take
    # no letters, so the sentence cites no "5(e)" … "5(n)"
    paragraphs = written(answered(ORDER, "minimal", ("ai-creative-likeness",), "strict"))
    have = {m.group(1) for t in paragraphs if (m := re.match(r"\(([a-z])\) ", t))}
    (said,) = citing(paragraphs)
    cited = re.findall(r"5\(([a-z])\)", said.split(" apply")[0].split(" applies")[0])
    assert cited and set(cited) <= have, (cited, have)


# ------------------------------------------------------------------------------------------------
# (b) strict round two's new clauses are cited with ours


def test_strict_round_two_cites_its_new_clauses_where_the_sentence_cited_its_own_clause_alone():
    paragraphs = written(round_two(RIGHTS, "strict"))  # standard round one: one clause, "1A."
    numbers = [m.group(1) for t in paragraphs if (m := re.match(r"(1[A-Z])\. ", t))]
    assert numbers == ["1A", "1B", "1C", "1D"], numbers
    (said,) = citing(paragraphs)
    assert said.startswith("Clauses 1A to 1D apply to the extent permitted by law and survive the termination"), said
    (change,) = sentence_changes(round_two(RIGHTS, "strict"), "This clause applies")
    assert change.find == "This clause applies to the extent permitted by law and survives", change.find


@functools.cache
def photos_strict() -> engine.Redline:
    """Standard round one of the photography licence, all accepted; strict round two."""
    doc = make_docx("".join(p(t) for t in PHOTOS) + "<w:sectPr/>")
    options = engine.Options(variant="standard", we="Photographer")
    sent = engine.redline(doc, author="noai", date=datetime(2026, 1, 5, tzinfo=UTC), options=options).docx
    options = engine.Options(variant="strict", we="Photographer")
    return engine.redline(Reply(sent).accept().bytes(), author="noai", date=NEXT_ROUND, options=options)


def test_strict_round_two_cites_its_new_clauses_where_the_sentence_cited_a_list():
    paragraphs = written(photos_strict())
    numbers = [t.split("\t")[0] for t in paragraphs if re.match(r"2\.\d+A?\t", t)]
    assert numbers == ["2.1", "2.1A", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8"], numbers
    (said,) = citing(paragraphs)
    assert said.startswith("Clauses 2.1A and 2.4 to 2.8 apply to the extent permitted by law and survive"), said
    (change,) = sentence_changes(photos_strict(), "Clauses 2.1A, 2.4 and 2.5 apply")
    assert (change.find, change.replacement) == ("2.1A, 2.4 and 2.5", "2.1A and 2.4 to 2.8")


# ------------------------------------------------------------------------------------------------
# (c) a clause taken out leaves the list citing it


@pytest.mark.parametrize(
    "name, first, clauses, cited",
    [
        (
            ORDER,
            "minimal",
            ("ai-creative-likeness",),
            "Section 5(d) applies to the extent permitted by law and survives",
        ),
        (
            "us-game-art",
            "minimal",
            ("ai-creative-likeness",),
            "Section 3.5 applies to the extent permitted by law and ",
        ),
        ("us-translation-msa", "standard", ("retained-materials",), "Sections 4.3 and 4.4 apply to the extent "),
        ("us-translation-msa", "standard", ("ai-text-use",), "Sections 3.3 and 4.3 apply to the extent "),
        ("us-work-for-hire", "minimal", ("ai-creative-likeness",), "Section 3(c) applies to the extent permitted "),
    ],
    ids=["two-lettered", "two-word-numbered", "three-first", "three-last", "two-word-lettered"],
)
def test_a_clause_round_two_takes_out_leaves_the_list_citing_it(name, first, clauses, cited):
    second = answered(name, first, clauses, "minimal")
    (said,) = citing(written(second))
    assert said.startswith(cited), said
    (change,) = sentence_changes(second, " apply to the extent")  # one tracked change of the citation
    assert change.clause == "no-ai-training", change.clause


@pytest.mark.parametrize(
    "text, kwargs, now",
    [
        # a single clause citing itself, by number or not, runs on to the clauses added after it
        (
            "This clause applies to the extent permitted by law and survives termination.",
            {"own": "7A", "running_on": {"7A": "7C"}},
            "Clauses 7A to 7C apply to the extent permitted by law and survive termination.",
        ),
        (
            "This Section 4.3 applies in full and binds any successor.",
            {"running_on": {"4.3": "4.4"}},
            "Sections 4.3 and 4.4 apply in full and bind any successor.",
        ),
        ("This clause 4.9 applies and survives.", {"renamed": {"4.9": "4.8"}}, "This clause 4.8 applies and survives."),
        # a list: its last run runs on; an item taken out, first, middle or last
        (
            "Clauses 3.1, 3.4 and 3.5 apply and survive.",
            {"running_on": {"3.5": "3.7"}},
            "Clauses 3.1 and 3.4 to 3.7 apply and survive.",
        ),
        ("Clauses 3.1, 3.4 and 3.5 apply and survive.", {"gone": {"3.1"}}, "Clauses 3.4 and 3.5 apply and survive."),
        ("Clauses 3.1, 3.4 and 3.6 apply and survive.", {"gone": {"3.4"}}, "Clauses 3.1 and 3.6 apply and survive."),
        ("Clauses 3.1, 3.4 and 3.6 apply and survive.", {"gone": {"3.6"}}, "Clauses 3.1 and 3.4 apply and survive."),
        (
            "Paragraphs 9(b) and 9(c) apply, survive and bind.",
            {"gone": {"9(b)"}, "renamed": {"9(c)": "9(b)"}},
            "Paragraph 9(b) applies, survives and binds.",
        ),
        ("Sections 4A and 4B apply.", {"running_on": {"4A": "4D", "4B": "4D"}}, "Sections 4A to 4D apply."),
        # a range: its end renamed
        ("Sections 5(d) to 5(g) apply.", {"renamed": {"5(g)": "5(e)"}}, "Sections 5(d) and 5(e) apply."),
        ("Sections 5(d) to 5(g) apply.", {"renamed": {"5(g)": "5(f)"}}, "Sections 5(d) to 5(f) apply."),
    ],
)
def test_the_sentence_citing_our_clauses_cites_them_as_the_round_leaves_them(text, kwargs, now):
    own = kwargs.pop("own", None)
    found = citing_ours(text, own, **kwargs)
    assert found is not None
    start, end, new = found
    assert text[:start] + new + text[end:] == now


@pytest.mark.parametrize(
    "text, kwargs",
    [
        ("This clause applies to the extent permitted by law.", {"own": "7A"}),  # nothing changes
        ("Clauses 3.1 and 3.4 apply.", {"running_on": {"3.5": "3.7"}}),  # the run ends before
        ("Clause 3.1 applies.", {"gone": {"3.1"}}),  # nothing would be left
        ("The Licensee shall pay the fees in clause 3.1.", {"gone": {"3.1"}}),  # no sentence saying clauses apply
    ],
)
def test_a_sentence_citing_nothing_that_changes_is_left_as_it_is(text, kwargs):
    own = kwargs.pop("own", None)
    assert citing_ours(text, own, **kwargs) is None


def test_libreoffice_reads_the_citation_as_round_two_leaves_it(libreoffice):
    lettered, single = libreoffice([round_two(ORDER, "minimal").docx, round_two(RIGHTS, "strict").docx])
    for seen in (lettered, single):
        assert seen["ok"] and not seen["redlines_left_after_accept"], seen.get("load_error")
    assert "Sections 5(d) and 5(e) apply to the extent permitted by law" in lettered["accepted_text"]
    assert "Sections 5(d) to 5(g) apply" in lettered["rejected_text"]  # the reply as it came
    assert "Clauses 1A to 1D apply to the extent permitted by law and survive" in single["accepted_text"]
    assert "This clause applies to the extent permitted by law and survives" in single["rejected_text"]
