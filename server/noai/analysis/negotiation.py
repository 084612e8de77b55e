"""What the other side did with our redline: the negotiation section of the audit.

Our redline records what it proposed inside the document (:mod:`noai.ooxml.record`). Reading
the returned document, each proposal of the last round is found again by its text and gets an
outcome:

- ``pending``: our tracked insertion (or replacement) is still there, untouched;
- ``accepted``: our text is in the document as ordinary text;
- ``rejected``: our text is gone (``tracked``: the other side's tracked deletion of all of it is
  still pending);
- ``modified``: a paragraph much like ours stands where ours was, or their tracked deletions
  strike part of our pending insertion; ``diff`` is the word diff from ours to theirs;
- ``countered``: the other side replied in the comment thread of the proposal (``state`` keeps
  what happened to the text).

The counterparty's own tracked changes in paragraphs about IP, licences or AI are listed, by author
and date ("Client Counsel deleted 'train or' from 2.3(b)"); with the document we sent
(``previous``), so are their clean edits of such paragraphs (author unknown). With ``previous``
and no record in the returned file (a counterparty's tool may drop it), the record of
``previous`` is used, or, when it has none either, its pending insertions.

From the outcomes, :func:`protection_statuses` tells each protection's status the way it stands
in the negotiation: ``proposed``, ``struck``, ``removed``, ``weakened`` (see docs/audit-schema.md).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from noai.analysis import patterns as P
from noai.kinds import ProtectionStatus
from noai.ooxml.record import Proposal, Round, normalise, read_rounds
from noai.ooxml.text import DELETED, INSERTED, TRANSIENT, pieces
from noai.ooxml.threads import Comment, read_comments, replies_to

if TYPE_CHECKING:
    from lxml.etree import _Element

    from noai.analysis.audit import Protection
    from noai.analysis.classify import Finding
    from noai.ooxml.document import Document
    from noai.ooxml.model import Paragraph

ACCEPTED, REJECTED, MODIFIED, PENDING, COUNTERED = "accepted", "rejected", "modified", "pending", "countered"
PROPOSED, STRUCK, REMOVED, WEAKENED = (
    ProtectionStatus.PROPOSED,
    ProtectionStatus.STRUCK,
    ProtectionStatus.REMOVED,
    ProtectionStatus.WEAKENED,
)
_SIMILAR = 0.6  # word-sequence ratio above which a paragraph is taken as ours, edited
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# What the playbook counts as the core of the no-AI covenant, and whom it must bind.
LIMBS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE))
    for name, rx in (
        ("training", r"\btrain"),
        ("fine-tuning", r"\bfine-?tun"),
        ("embedding or retrieval", r"\bembed|\bvectori|\bretriev"),
        ("AI vendors", r"\bAI\s+Vendors?\b"),
        ("affiliates", r"\baffiliates\b"),
        ("contractors", r"\bcontractors\b"),
    )
)
# a term defined: "“X” means …", also as the other side qualified it (“X, except …” means, “X” (other than …) means)
_TERM_DEFINED = re.compile(
    r"[\"“]([^\"”,]{1,60})(?:,[^\"”]{0,80})?[\"”]\s+(?:\([^()]{1,120}\)\s+)?(?:means|shall\s+mean|has\s+the\s+meaning)"
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one proposal."""

    proposal: Proposal
    round: int
    status: str
    state: str  # the text's own outcome (status without ``countered``)
    tracked: bool = False  # the other side's answer is itself a pending tracked change
    indexes: tuple[int, ...] = ()  # the paragraphs where our text (or theirs instead) stands now
    diff: tuple[tuple[str, str], ...] = ()  # ("equal" | "delete" | "insert", words), ours -> theirs
    replies: tuple[Comment, ...] = ()
    by: tuple[str, ...] = ()  # authors of the tracked changes to it
    matched: tuple[int | None, ...] = ()  # insert_after: the paragraph each of our paragraphs is now (None: gone)
    # insert_after: every paragraph of ours gone with no tracked change, while our comment on it stays: deleted
    # without tracking (a rejection of our tracked insertion takes the comment anchored in it with it)
    untracked: bool = False

    def to_dict(self) -> dict[str, Any]:
        p = self.proposal
        return {
            "id": p.id,
            "round": self.round,
            "op": p.op,
            "clause": p.clause,
            "variant": p.variant,
            "protection": p.protection,
            "status": self.status,
            "state": self.state,
            "tracked": self.tracked,
            "indexes": list(self.indexes),
            "fingerprint": p.fingerprint,
            "diff": [{"op": op, "text": text} for op, text in self.diff],
            "replies": [{"author": c.author, "date": c.date or None, "text": c.text} for c in self.replies],
            "by": list(self.by),
        }


@dataclass(frozen=True, slots=True)
class Change:
    """One change of the other side in a paragraph about IP, licences or AI."""

    action: str  # "inserted" | "deleted" | "edited"
    author: str | None  # None: a clean edit found against the previous document
    date: str | None
    index: int
    where: str  # "2.3(b)", or "paragraph 12"
    text: str
    tracked: bool
    summary: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "author": self.author,
            "date": self.date,
            "index": self.index,
            "where": self.where,
            "text": self.text,
            "tracked": self.tracked,
            "summary": self.summary,
        }


@dataclass(frozen=True, slots=True)
class Negotiation:
    source: str  # "record" | "previous" | "both"
    round: int  # the round the document answers
    ours: tuple[str, ...]  # our revision authors
    outcomes: tuple[Outcome, ...]
    changes: tuple[Change, ...] = ()
    dangling: tuple[tuple[str, int], ...] = field(default=())  # (term, a paragraph still using it)

    def to_dict(self) -> dict[str, Any]:
        counts = {
            s: sum(o.status == s for o in self.outcomes) for s in (ACCEPTED, REJECTED, MODIFIED, PENDING, COUNTERED)
        }
        return {
            "source": self.source,
            "round": self.round,
            "ours": list(self.ours),
            "counts": counts,
            "proposals": [o.to_dict() for o in self.outcomes],
            "changes": [c.to_dict() for c in self.changes],
            "dangling_terms": [{"term": t, "index": i} for t, i in self.dangling],
        }


# -- the paragraphs as they stand ------------------------------------------------------------------


@dataclass(slots=True)
class _View:
    current: list[str]  # normalised current text of each paragraph
    revised: dict[int, list[tuple[str, str, str, str]]]  # index -> (text, state, author, date) of its pieces


def _view(doc: Document) -> _View:
    revised: dict[int, list[tuple[str, str, str, str]]] = {}
    tags = (_W + "ins", _W + "del", _W + "moveTo", _W + "moveFrom")
    for i, el in enumerate(doc.elements):
        if next(el.iter(*tags), None) is None:
            continue
        revised[i] = [
            (text, state, _attr(rev, "author"), _attr(rev, "date")) for text, _e, _r, state, rev in pieces(el)
        ]
    return _View([normalise(p.text) for p in doc.paragraphs], revised)


def _attr(el: _Element | None, name: str) -> str:
    return "" if el is None else el.get(_W + name, "")


def _all_text(view: _View, i: int) -> str:
    """Paragraph ``i`` with every tracked change shown: insertions and deletions both in."""
    return normalise("".join(t for t, *_ in view.revised.get(i, ())))


def _inserted_by(view: _View, i: int, authors: Iterable[str]) -> bool:
    wanted = set(authors)
    return any(state == INSERTED and author in wanted for _t, state, author, _d in view.revised.get(i, ()))


def _struck(view: _View, i: int, ours: Iterable[str]) -> list[tuple[str, str, str]]:
    """The other side's pending deletions in paragraph ``i``: (text, author, date)."""
    mine = set(ours)
    out: list[tuple[str, str, str]] = []
    for text, state, author, date in view.revised.get(i, ()):
        if state in (DELETED, TRANSIENT) and author not in mine:
            if out and out[-1][1:] == (author, date):
                out[-1] = (out[-1][0] + text, author, date)
            else:
                out.append((text, author, date))
    return out


def _words(text: str) -> list[str]:
    return text.split()


def word_diff(ours: str, theirs: str) -> tuple[tuple[str, str], ...]:
    """The word diff from ``ours`` to ``theirs``: ("equal" | "delete" | "insert", words)."""
    a, b = _words(ours), _words(theirs)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("insert", " ".join(b[j1:j2])))
    return tuple(out)


_A_RUN = re.compile(r"\S+")
_JOINING = " ,;:)"  # what may follow the words they typed and stay ours: the comma or bracket closing their words


def inserted_runs(ours: str, theirs: str) -> tuple[tuple[int, int], ...]:
    """Where in ``theirs`` the words stand that the other side typed into our text ``ours`` and that replace none of
    ours: each run as ``(start, end)`` of ``theirs``, from the end of our word before it (the space or comma joining
    it included) to the end of its last word, so that striking the span leaves our text ("Use, except for internal
    tools, and" -> "Use, and"). A word of ours they lengthened counts as ours and their words after it ("Use" ->
    "Use, except for internal tools"); a run that replaces words of ours is not one (their rewording, not an
    addition)."""
    spans = [(m.start(), m.end()) for m in _A_RUN.finditer(theirs)]
    a, b = _words(ours), [theirs[s:e] for s, e in spans]
    out: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "insert":
            start = spans[j1 - 1][1] if j1 > 0 else spans[j1][0]
            end = spans[j2 - 1][1] if j1 > 0 else (spans[j2][0] if j2 < len(spans) else spans[j2 - 1][1])
            if j1 > 0 and j2 < len(b) and b[j2].rstrip(_JOINING + ".") == b[j1]:
                # "model and any other statistical | model," read as their words after our "model": the same text,
                # their words as they typed them (" and any other statistical model")
                start, end = spans[j1][1], spans[j2][0] + len(b[j1])
            if theirs[end - 1] in ",;" and theirs[start - 1 : start] == theirs[end - 1]:
                start, end = start - 1, end - 1  # their ", except …" before our comma: theirs, not our comma
            out.append((start, end))
        elif op == "replace":
            at = spans[j1][0]
            out += [(at + a0, at + a1) for a0, a1 in _lengthened(" ".join(a[i1:i2]), theirs[at : spans[j2 - 1][1]])]
    return tuple(out)


def _lengthened(ours: str, theirs: str) -> tuple[tuple[int, int], ...]:
    """The stretches of ``theirs`` that are words added to ``ours``, all of whose characters ``theirs`` keeps in
    order ("tools." -> "tools for the Book."; "not," -> "use reasonable efforts not to,"), as spans of ``theirs``
    (less the punctuation closing each that is ours); none where ``theirs`` rewords ``ours`` or splits a word of it
    ("not" -> "notes")."""
    blocks = [m for m in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_matching_blocks() if m.size]
    if not blocks or sum(m.size for m in blocks) != len(ours):
        return ()
    edges = [0, *(e for m in blocks for e in (m.b, m.b + m.size)), len(theirs)]
    gaps = [(edges[k], edges[k + 1]) for k in range(0, len(edges), 2) if edges[k + 1] > edges[k]]
    if not all(_whole_words(theirs, s, e) for s, e in gaps):
        return ()
    return tuple((s, e) for s, e in gaps if theirs[s:e].strip(_JOINING))


def _whole_words(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` neither begins nor ends inside a word."""
    inside = [(start, start - 1), (end - 1, end)]
    return not any(
        0 <= a < len(text) and 0 <= b < len(text) and text[a].isalnum() and text[b].isalnum() for a, b in inside
    )


# -- finding a proposal again -------------------------------------------------------------------------------


class _Finder:
    def __init__(self, view: _View, ours: Sequence[str]):
        self.view, self.ours, self.taken = view, ours, set[int]()
        self.proposals: Sequence[Proposal] = ()  # the round's, for changes of ours that share a paragraph
        self.word_sets = [set(_words(t.casefold())) for t in view.current]

    def exact(self, text: str) -> int | None:
        for i, cur in enumerate(self.view.current):
            if i not in self.taken and text and text in cur:
                return i
        return None

    def struck(self, text: str) -> int | None:
        """A paragraph holding ``text`` once the tracked deletions in it are shown again."""
        for i in self.view.revised:
            if i not in self.taken and text and text in _all_text(self.view, i):
                return i
        return None

    def similar(self, text: str, near: int) -> tuple[int, float] | None:
        words = set(_words(text.casefold()))
        if not words:
            return None
        scored = sorted(
            (
                (len(words & ws) / len(words | ws), -abs(i - near), i)
                for i, ws in enumerate(self.word_sets)
                if i not in self.taken and ws
            ),
            reverse=True,
        )[:3]
        best = None
        for _jaccard, _near, i in scored:
            ratio = difflib.SequenceMatcher(None, _words(text), _words(self.view.current[i]), autojunk=False).ratio()
            if ratio >= _SIMILAR and (best is None or ratio > best[1]):
                best = (i, ratio)
        return best


_Diff = tuple[tuple[str, str], ...]


def _paragraph_outcome(finder: _Finder, text: str, near: int) -> tuple[str, bool, int | None, _Diff]:
    """(state, tracked, index, diff) of one paragraph of ours."""
    view = finder.view
    i = finder.exact(text)
    if i is not None:
        finder.taken.add(i)
        return (PENDING if _inserted_by(view, i, finder.ours) else ACCEPTED), False, i, ()
    i = finder.struck(text)
    if i is not None:
        finder.taken.add(i)
        now = view.current[i]
        if not now or not set(_words(now)) & set(_words(text)):
            return REJECTED, True, i, word_diff(text, now)
        return MODIFIED, True, i, word_diff(text, now)
    found = finder.similar(text, near)
    if found is not None:
        i = found[0]
        finder.taken.add(i)
        return MODIFIED, bool(view.revised.get(i)), i, word_diff(text, view.current[i])
    return REJECTED, False, None, word_diff(text, "")


def _combine(states: Sequence[str]) -> str:
    distinct = set(states)
    if len(distinct) == 1:
        return states[0]
    if distinct <= {ACCEPTED, PENDING}:
        return PENDING
    return MODIFIED


def _rejected_whole(
    finder: _Finder, parts: list[tuple[str, bool, int | None, _Diff]]
) -> list[tuple[str, bool, int | None, _Diff]]:
    """The paragraphs of a clause of ours, as found: where none of them stands as we wrote it (none accepted or
    pending), none was changed by a tracked revision and some are gone, what is only like one of them (the
    document's own survival sentence, "Clauses 4 and 5 survive the termination …", like ours, "Clauses 4.5 to 4.7
    apply … survive the termination …") is not ours modified: the clause was rejected whole."""
    states = [s for s, *_ in parts]
    if (
        REJECTED not in states
        or ACCEPTED in states
        or PENDING in states
        or any(tracked for _s, tracked, _i, _d in parts)
        or not any(s == REJECTED and i is None for s, _t, i, _d in parts)
    ):
        return parts
    out = []
    for s, tracked, i, diff in parts:
        if s == MODIFIED and i is not None:
            finder.taken.discard(i)
            s, i, diff = REJECTED, None, ()
        out.append((s, tracked, i, diff))
    return out


def _outcome(finder: _Finder, prop: Proposal, number: int, comments: Sequence[Comment]) -> Outcome:
    view = finder.view
    if prop.op == "insert_after":
        parts = [_paragraph_outcome(finder, normalise(t), prop.anchor_index + 1 + k) for k, t in enumerate(prop.texts)]
        parts = _rejected_whole(finder, parts)
        state = _combine([s for s, *_ in parts])
        tracked = any(t for _s, t, *_ in parts) and state != ACCEPTED
        matched = tuple(i for _s, _t, i, _d in parts)
        indexes = tuple(i for i in matched if i is not None)
        diff = tuple(d for s, _t, _i, ds in parts if s != ACCEPTED and s != PENDING for d in ds)
    elif prop.op == "replace":
        state, tracked, indexes, diff = _replacement(finder, prop)
        matched = ()
    else:
        state, tracked, indexes, diff, matched = PENDING, False, (), (), ()
    ours = _our_comment(prop, comments, finder.ours)
    replies = tuple(c for c in replies_to(list(comments), ours.id) if c.author not in finder.ours) if ours else ()
    if prop.op == "comment":
        state = REJECTED if ours is None and prop.comment else ACCEPTED if ours is not None and ours.done else PENDING
    by = tuple(
        sorted(
            {
                author
                for i in indexes
                for _t, st, author, _d in view.revised.get(i, ())
                if author not in finder.ours and st in (INSERTED, DELETED, TRANSIENT)
            }
        )
    )
    status = COUNTERED if replies and state != ACCEPTED else state
    untracked = (
        prop.op == "insert_after"
        and state == REJECTED
        and not tracked
        and bool(matched)
        and all(i is None for i in matched)
        and ours is not None
        and not ours.done
    )
    return Outcome(prop, number, status, state, tracked, indexes, diff, replies, by, matched, untracked)


def _replacement(finder: _Finder, prop: Proposal) -> tuple[str, bool, tuple[int, ...], _Diff]:
    find, new = (normalise(t) for t in (*prop.texts, "", "")[:2])
    anchor = normalise(prop.anchor_text)
    expected = anchor.replace(find, new, 1) if find else anchor
    view = finder.view
    if find and not new:  # a deletion (words struck beside another change of the paragraph)
        return _deletion(finder, find, expected, prop)
    candidates = [i for i, cur in enumerate(view.current) if new and new in cur and i not in finder.taken]
    if candidates:
        i = min(candidates, key=lambda c: abs(c - prop.anchor_index))
        # words that are no proof of our change ("[Intentionally deleted]" where a neighbour was struck too): the
        # paragraph we changed, nearer, exactly as it was before, is our change rejected
        kept = [
            k
            for k, cur in enumerate(view.current)
            if k not in finder.taken and cur == anchor and abs(k - prop.anchor_index) <= abs(i - prop.anchor_index)
        ]
        if find and kept and new not in anchor:
            return REJECTED, new in _all_text(view, kept[0]), (kept[0],), ()
        pending = any(
            state == INSERTED and author in finder.ours and normalise(t) and normalise(t) in new
            for t, state, author, _d in view.revised.get(i, ())
        )
        return (PENDING if pending else ACCEPTED), False, (i,), ()
    found = finder.similar(expected, prop.anchor_index)
    if found is None:
        return REJECTED, False, (), ()
    i = found[0]
    cur = view.current[i]
    tracked = new in _all_text(view, i)
    if find and find in cur:
        return REJECTED, tracked, (i,), word_diff(expected, cur)
    return MODIFIED, tracked, (i,), word_diff(expected, cur)


def _deletion(finder: _Finder, find: str, expected: str, prop: Proposal) -> tuple[str, bool, tuple[int, ...], _Diff]:
    """What became of words we struck: gone and still our tracked deletion (pending), gone for good
    (accepted), or back in the text (rejected). The paragraph is found by its text without them
    (other changes of ours in it may be there or not). The words are looked for where we struck them (the
    paragraph as we sent it aligned with it as it stands), never anywhere in it: the "s" of "gives" struck is
    not back because "assigns" still has one."""
    # the paragraph as all our changes of it leave it, where it has several ("vests in" -> "will … vest in", "assigns"
    # -> "shall … assign" and " on its creation" struck twice): the text without these words alone is too far from it
    found = finder.similar(_all_changed(prop, finder.proposals), prop.anchor_index) or finder.similar(
        expected, prop.anchor_index
    )
    if found is None:
        return REJECTED, False, (), ()
    i = found[0]
    if _still_there(normalise(prop.anchor_text), find, _struck_at(prop, find), finder.view.current[i]):
        return REJECTED, False, (i,), ()
    ours = set(finder.ours)
    struck = "".join(
        t for t, state, author, _d in finder.view.revised.get(i, ()) if state == DELETED and author in ours
    )
    pending = find in normalise(struck)
    return (PENDING if pending else ACCEPTED), pending, (i,), ()


def _all_changed(prop: Proposal, proposals: Sequence[Proposal]) -> str:
    """The paragraph ``prop`` changed (normalised) with every change of words of ours in it made, each where the
    record says it began (changes without that place left out)."""
    text = prop.anchor_text
    mine = [
        q
        for q in proposals
        if q.op == "replace" and q.anchor_index == prop.anchor_index and q.anchor_text == prop.anchor_text
    ]
    placed = sorted(
        ((q.anchor_at, q.texts[0], q.texts[1]) for q in mine if q.anchor_at is not None and len(q.texts) >= 2),
        reverse=True,
    )
    end = len(text) + 1
    for at, find, new in placed:
        if find and text[at : at + len(find)] == find and at + len(find) <= end:
            text, end = text[:at] + new + text[at + len(find) :], at
    return normalise(text)


def _struck_at(prop: Proposal, find: str) -> tuple[int, ...]:
    """Where in the paragraph as we sent it (normalised) the words ``find`` (normalised) stood that ``prop``
    changed: the occurrence nearest the place the record keeps, else (an older record) every occurrence."""
    anchor = normalise(prop.anchor_text)
    every = [m.start() for m in re.finditer(re.escape(find), anchor)] if find else []
    if prop.anchor_at is None or not every:
        return tuple(every)
    head = _SPACES.sub(" ", prop.anchor_text[: prop.anchor_at]).lstrip()
    return (min(every, key=lambda k: abs(k - len(head))),)


_SPACES = re.compile(r"\s+")


def _still_there(anchor: str, find: str, starts: Sequence[int], now: str) -> bool:
    """Whether the words ``find`` at each of ``starts`` of ``anchor`` are all in ``now``, where they were: every
    character of them kept in the character alignment of ``anchor`` with ``now``."""
    if not starts:
        return bool(find) and find in now
    kept = [False] * len(anchor)
    for block in difflib.SequenceMatcher(None, anchor, now, autojunk=False).get_matching_blocks():
        kept[block.a : block.a + block.size] = [True] * block.size
    return all(all(kept[s : s + len(find)]) for s in starts)


def made_at(prop: Proposal, now: str) -> int | None:
    """Where in ``now`` (the text of the paragraph ``prop`` changed, as it stands) the words ``prop`` replaced
    begin: the place the record keeps (``anchor_at``) carried over to ``now`` by the character alignment of the
    paragraph as we sent it with ``now`` ("promotion" the second time, where the paragraph has it twice), else the one
    place they stand. None where they do not stand, or stand more than once and the record does not say which (an
    older record)."""
    find = prop.texts[0] if prop.texts else ""
    every = [k for k in range(len(now)) if find and now.startswith(find, k)]
    at, anchor = prop.anchor_at, prop.anchor_text
    if every and at is not None and anchor[at : at + len(find)] == find:
        for a, b, size in difflib.SequenceMatcher(None, anchor, now, autojunk=False).get_matching_blocks():
            if a <= at and at + len(find) <= a + size and b + at - a in every:
                return b + at - a
    return every[0] if len(every) == 1 else None


def _our_comment(prop: Proposal, comments: Sequence[Comment], ours: Sequence[str]) -> Comment | None:
    if not prop.comment:
        return None
    want = normalise(prop.comment)
    return next((c for c in comments if c.author in ours and c.parent is None and normalise(c.text) == want), None)


# -- the other side's changes ------------------------------------------------------------------------------------


def _where(p: Paragraph) -> str:
    return p.label or p.section_label or f"paragraph {p.index + 1}"


def _quote(text: str, limit: int = 80) -> str:
    text = normalise(text)
    return f"'{text}'" if len(text) <= limit else f"'{text[: limit - 1]}…'"


def _relevant(doc: Document, findings: Sequence[Finding], outcomes: Sequence[Outcome]) -> set[int]:
    out = {i for f in findings for i in range(f.start, f.end + 1)}
    out |= {i for o in outcomes for i in o.indexes}
    out |= {p.index for p in doc.paragraphs if P.AI_TERM.search(p.text) or P.AI_TERM.search(p.original_text)}
    return out


def _tracked_changes(doc: Document, view: _View, ours: Sequence[str], relevant: set[int]) -> list[Change]:
    mine = set(ours)
    out: list[Change] = []
    for i, items in sorted(view.revised.items()):
        if i not in relevant:
            continue
        groups: list[tuple[str, str, str, str]] = []  # (action, author, date, text)
        for text, state, author, date in items:
            if author in mine or state not in (INSERTED, DELETED, TRANSIENT):
                continue
            action = "inserted" if state == INSERTED else "deleted"
            if groups and groups[-1][:3] == (action, author, date):
                groups[-1] = (action, author, date, groups[-1][3] + text)
            else:
                groups.append((action, author, date, text))
        where = _where(doc.paragraphs[i])
        for action, author, date, text in groups:
            if not text.strip():
                continue
            prep = "from" if action == "deleted" else "in"
            out.append(
                Change(
                    action,
                    author or None,
                    date or None,
                    i,
                    where,
                    normalise(text),
                    True,
                    f"{author or 'Someone'} {action} {_quote(text)} {prep} {where}",
                )
            )
    return out


def _clean_edits(doc: Document, previous: Document, view: _View, relevant: set[int]) -> list[Change]:
    """Edits made without tracking: paragraphs of ``previous`` whose text changed, aligned by content."""
    before = [normalise(p.text) for p in previous.paragraphs]
    after = view.current
    out: list[Change] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            old = before[i1 + k] if i1 + k < i2 else None
            j = j1 + k if j1 + k < j2 else None
            new = after[j] if j is not None else None
            if j is not None and j in view.revised:
                continue  # a tracked change: reported with its author
            if old is not None and _rejected(previous.paragraphs[i1 + k], new):
                continue  # the tracked changes we sent, rejected: an outcome of the round, not an untracked edit
            index = j if j is not None else min(j1, len(after) - 1)
            if index < 0 or (index not in relevant and not (old and P.AI_TERM.search(old))):
                continue
            where = _where(doc.paragraphs[index]) if j is not None else _where(previous.paragraphs[i1 + k])
            if old is None and new:
                out.append(
                    Change(
                        "inserted",
                        None,
                        None,
                        index,
                        where,
                        new,
                        False,
                        f"The other side inserted {_quote(new)} at {where} (untracked)",
                    )
                )
            elif new is None and old:
                out.append(
                    Change(
                        "deleted",
                        None,
                        None,
                        index,
                        where,
                        old,
                        False,
                        f"The other side deleted {_quote(old)} ({where}, untracked)",
                    )
                )
            elif old and new:
                gone = " ".join(t for o, t in word_diff(old, new) if o == "delete")
                added = " ".join(t for o, t in word_diff(old, new) if o == "insert")
                what = " and ".join(
                    x for x in (gone and f"deleted {_quote(gone)}", added and f"inserted {_quote(added)}") if x
                )
                out.append(
                    Change(
                        "edited", None, None, index, where, new, False, f"The other side {what} in {where} (untracked)"
                    )
                )
    return out


def _rejected(sent: Paragraph, now: str | None) -> bool:
    """``now`` (``None``: no paragraph) is the paragraph we sent with its tracked changes rejected: a paragraph
    we inserted whole is gone, or the text is back to what it was before our changes."""
    if sent.text == sent.original_text:
        return False
    if now is None:
        return sent.mark == "inserted" and not normalise(sent.original_text)
    return now == normalise(sent.original_text)


# -- rounds without a record ------------------------------------------------------------------------------


def _round_from_insertions(previous: Document) -> Round | None:
    """The pending insertions of the document we sent, as the proposals of one round."""
    view = _view(previous)
    proposals: list[Proposal] = []
    author = ""
    for i, items in sorted(view.revised.items()):
        para = previous.paragraphs[i]
        inserted = [(t, a) for t, st, a, _d in items if st == INSERTED]
        if not inserted:
            continue
        author = author or inserted[0][1]
        if not para.original_text.strip():
            last = proposals[-1] if proposals else None
            if last is not None and last.op == "insert_after" and last.anchor_index + len(last.texts) == i - 1:
                proposals[-1] = replace(last, texts=(*last.texts, para.text))
            else:
                proposals.append(
                    Proposal(
                        f"p{len(proposals) + 1}",
                        "insert_after",
                        "",
                        "",
                        None,
                        i - 1,
                        previous.paragraphs[i - 1].text if i else "",
                        (para.text,),
                    )
                )
        else:
            deleted = "".join(t for t, st, _a, _d in items if st == DELETED)
            proposals.append(
                Proposal(
                    f"p{len(proposals) + 1}",
                    "replace",
                    "",
                    "",
                    None,
                    i,
                    para.original_text,
                    (deleted, "".join(t for t, _a in inserted)),
                )
            )
    return Round(1, author, "", tuple(proposals)) if proposals else None


# -- the whole --------------------------------------------------------------------------------------------


def _rounds(doc: Document, previous: Document | None) -> tuple[list[Round], str]:
    """Our rounds as ``doc`` records them, else as ``previous`` does (or its pending insertions), and
    where they were read from: "record", "previous" or "both"."""
    rounds = read_rounds(doc.package)
    if previous is None:
        return rounds, "record"
    if rounds:
        return rounds, "both"
    rounds = read_rounds(previous.package)
    if not rounds:
        derived = _round_from_insertions(previous)
        rounds = [derived] if derived else []
    return rounds, "previous"


def without_our_words(doc: Document, previous: Document | None = None) -> dict[int, str]:
    """The paragraphs of ``doc`` that hold words of a round of ours, each with its text as it reads without
    them: "" for a paragraph we inserted, the words we replaced put back where our replacement stands.
    What the document says of its parties is read from it: a clause we wrote is no evidence of who makes
    the work (our "the Producer assigns that right back to the Narrator" makes no assignor of the client)."""
    rounds, _source = _rounds(doc, previous)
    if not rounds:
        return {}
    current = [normalise(p.text) for p in doc.paragraphs]
    out: dict[int, str] = {}
    for prop in (p for r in rounds for p in r.proposals):
        if prop.op == "insert_after":
            for text in filter(None, (normalise(t) for t in prop.texts)):
                i = next((i for i, cur in enumerate(current) if i not in out and text in cur), None)
                if i is not None:
                    out[i] = ""
        elif prop.op == "replace" and len(prop.texts) == 2 and len((new := normalise(prop.texts[1])).split()) > 2:
            # (a few words, as "." -> ";", tell nothing of a party and could be found anywhere)
            held = [i for i, cur in enumerate(current) if new in out.get(i, cur)]
            if held:
                i = min(held, key=lambda i: abs(i - prop.anchor_index))
                out[i] = out.get(i, current[i]).replace(new, normalise(prop.texts[0]), 1)
    return out


def negotiate(doc: Document, findings: Sequence[Finding], previous: Document | None = None) -> Negotiation | None:
    """The negotiation section for ``doc`` (the returned document), or None when neither it nor
    ``previous`` tells of a round of ours."""
    rounds, source = _rounds(doc, previous)
    if not rounds:
        return None
    last = rounds[-1]
    ours = tuple(dict.fromkeys(r.author for r in rounds if r.author))
    view = _view(doc)
    finder = _Finder(view, ours)
    finder.proposals = last.proposals
    comments = read_comments(doc.package)
    outcomes = tuple(_outcome(finder, prop, last.number, comments) for prop in last.proposals)
    relevant = _relevant(doc, findings, outcomes)
    changes = _tracked_changes(doc, view, ours, relevant)
    if previous is not None:
        changes += _clean_edits(doc, previous, view, relevant)
    return Negotiation(source, last.number, ours, outcomes, tuple(changes), _dangling(doc, last))


def _dangling(doc: Document, last: Round) -> tuple[tuple[str, int], ...]:
    """Terms our round defined that the document still uses but no longer defines."""
    ours = {m.group(1) for p in last.proposals for t in p.texts for m in _TERM_DEFINED.finditer(t)}
    if not ours:
        return ()
    defined = {m.group(1) for p in doc.paragraphs for m in _TERM_DEFINED.finditer(p.text)}
    out = []
    for term in sorted(ours - defined):
        use = re.compile(rf"\b{re.escape(term)}\b")
        user = next((p.index for p in doc.paragraphs if use.search(p.text)), None)
        if user is not None:
            out.append((term, user))
    return tuple(out)


# -- findings ---------------------------------------------------------------------------------------------


def dangling_findings(paragraphs: Sequence[Paragraph], talks: Negotiation | None) -> list[Finding]:
    """A ``dangling_defined_term`` finding at the first paragraph still using each term our round
    defined and the document no longer defines."""
    from noai.analysis.classify import Finding
    from noai.kinds import FindingKind, Severity, kind_spec

    kind = FindingKind.DANGLING_DEFINED_TERM
    out = []
    for term, i in talks.dangling if talks else ():
        p = paragraphs[i]
        at = p.text.find(term)
        out.append(
            Finding(
                kind=kind.value,
                severity=Severity.MEDIUM.value,
                start=i,
                end=i,
                paragraph_text=p.text,
                section_label=p.section_label,
                section_path=p.section_path,
                heading=p.heading,
                phrase=term,
                phrase_start=at,
                phrase_end=at + len(term),
                explanation=f"“{term}”: " + kind_spec(kind).explanation,
                attributes={"term": term},
                act="other",
                operative=True,
                tier="rule",
                confidence=0.9,
            )
        )
    return out


# -- protections -----------------------------------------------------------------------------------------


def limbs(text: str) -> list[str]:
    """The core limbs (and bound parties) the text names."""
    return [name for name, rx in LIMBS if rx.search(text)]


def protection_statuses(
    protections: Sequence[Protection],
    paragraphs: Sequence[Paragraph],
    talks: Negotiation | None,
    ours: Mapping[int, str] | None = None,
) -> list[Protection]:
    """The protections with the statuses a negotiation gives them: ``proposed`` for our pending
    insertion, ``struck`` for the other side's pending deletion of it, ``removed`` once it is gone,
    ``weakened`` when a core limb or bound party of ours is gone (named in ``detail``), or when the words
    that make it use a term no longer defined. ``ours``: the document's paragraphs that hold words of ours, as
    they read without them (:func:`without_our_words`): the document's own protection (a licence "for the Book")
    does not rely on a term our replacement in it uses ("…, excluding any Prohibited AI Use")."""
    ours = ours or {}
    out = []
    by_protection: dict[str, list[Outcome]] = {}
    for o in talks.outcomes if talks else ():
        if o.proposal.protection and o.proposal.op == "insert_after":
            by_protection.setdefault(o.proposal.protection, []).append(o)
    gone = _limbs_gone(paragraphs, talks) if talks else []
    dangling = [term for term, _i in talks.dangling] if talks else []
    for prot in protections:
        mine = by_protection.get(prot.name, [])
        evidence = paragraphs[prot.evidence] if prot.evidence is not None else None
        pending_only = evidence is not None and not evidence.original_text.strip() and bool(evidence.text.strip())
        states = {o.state for o in mine}
        making = (ours.get(prot.evidence, "") if prot.evidence is not None else "") or (
            evidence.text if evidence else ""
        )
        relied = [t for t in dangling if re.search(rf"\b{re.escape(t)}\b", making)]
        # a clause of ours written for another protection (the retained materials' "never for any Prohibited AI
        # Use" of the creator's own materials) does not stand for the one whose clause they took out
        elsewhere = prot.evidence is not None and any(
            prot.evidence in o.indexes for p, outcomes in by_protection.items() if p != prot.name for o in outcomes
        )
        if prot.status == "present" and mine and states == {REJECTED} and elsewhere:
            out.append(
                replace(prot, status=STRUCK, detail=_struck_detail(talks, mine))
                if all(o.tracked for o in mine)
                else replace(
                    prot, status=REMOVED, detail=f"Our clause of round {mine[0].round} is no longer in the document."
                )
            )
        elif prot.status == "present" and relied:
            out.append(
                replace(
                    prot,
                    status=WEAKENED,
                    detail="Present, but it relies on " + ", ".join(f"“{t}”" for t in relied) + ", no longer defined.",
                )
            )
        elif not mine:
            out.append(
                replace(prot, status=PROPOSED, detail="Our pending insertion; not yet accepted. " + prot.detail)
                if prot.status == "present" and pending_only
                else prot
            )
        elif states == {REJECTED} and all(o.tracked for o in mine):
            out.append(replace(prot, status=STRUCK, detail=_struck_detail(talks, mine)))
        elif prot.status != "present" and states <= {PENDING}:
            # our clause is there as we wrote it, though the reading does not recognise it: still ours, pending
            out.append(replace(prot, status=PROPOSED, detail="Our pending insertion; not yet accepted."))
        elif prot.status != "present":
            tracked = any(o.tracked for o in mine)
            out.append(
                replace(prot, status=STRUCK, detail=_struck_detail(talks, mine))
                if tracked
                else replace(
                    prot, status=REMOVED, detail=f"Our clause of round {mine[0].round} is no longer in the document."
                )
            )
        elif prot.name == "no_ai_restriction" and gone:
            out.append(
                replace(prot, status=WEAKENED, detail="Present, but it no longer covers: " + ", ".join(gone) + ".")
            )
        elif states <= {PENDING} or pending_only:
            out.append(replace(prot, status=PROPOSED, detail="Our pending insertion; not yet accepted. " + prot.detail))
        else:
            out.append(prot)
    return out


def _struck_detail(talks: Negotiation | None, mine: Sequence[Outcome]) -> str:
    indexes = {i for o in mine for i in o.indexes}
    said = [c.summary for c in (talks.changes if talks else ()) if c.index in indexes and c.action == "deleted"]
    if said:
        return "Struck by a tracked deletion: " + "; ".join(said[:3]) + "."
    return "The other side's tracked deletion strikes our clause."


def _limbs_gone(paragraphs: Sequence[Paragraph], talks: Negotiation) -> list[str]:
    """Core limbs (and bound parties) one of our paragraphs named and that paragraph, as it stands
    now, no longer does: "fine-tuning (“Prohibited AI Use” means …)"."""
    out: list[str] = []
    for o in talks.outcomes:
        for ours, i in zip(o.proposal.texts, o.matched, strict=False):
            if i is None or (not P.AI_TERM.search(ours) and "AI" not in ours):
                continue  # a paragraph rejected whole is the outcome's business, not a lost limb
            have = set(limbs(paragraphs[i].text)) if i < len(paragraphs) else set()
            lost = [name for name in limbs(ours) if name not in have]
            if lost:
                out.append(f"{', '.join(lost)} ({_quote(ours, 40)[1:-1]})")
    return out


# -- a need the other side states in a thread ---------------------------------------------------------------

# "We need to use …", "we must be able to …", "we have to …", "we require …": the need, to the end of its sentence
_NEED = re.compile(
    r"\b[Ww]e\s+(?:(?:really|still|also)\s+)?(?P<verb>need|must\s+be\s+able|have|require|want)(?P<to>\s+to)?\s+"
    r"(?P<what>[^.;!?]+)"
)
# an AI tool's use: machine translation, automated tools, a model …
_AI_TOOL = re.compile(
    r"\b(?:machine[\s-]translat\w*|automated|automation|AI|artificial\s+intelligence|machine[\s-]learning|"
    r"(?:language|foundation|generative|neural|vision|speech|image|text|translation)\s+models?|"
    r"algorithms?|generative|neural|LLMs?|chatbots?|speech[\s-]to[\s-]text|text[\s-]to[\s-]speech|synthetic|"
    r"digital\s+(?:replicas?|doubles?|twins?|avatars?)|voice\s+clon\w*|(?:voice|speech)\s+(?:models?|replicas?)|"
    r"AI[\s-]+voices?)\b"
)
# training an AI system on the work: "train our visual-search model", "fine-tune", "as training data"
_TRAINS = re.compile(r"\b(?:(?:pre-?|re-?)?train(?:s|ed|ing)?|fine-?tun\w*)\b", re.IGNORECASE)
# their words in our voice: "our translator" -> "your translator"
_PERSON = {"we": "you", "We": "You", "our": "your", "Our": "Your", "ours": "yours", "us": "you"}
_PERSON_WORD = re.compile(r"\b(?:we|We|our|Our|ours|us)\b")


@dataclass(frozen=True, slots=True)
class Need:
    """A need the other side states in a reply of theirs ("We need to use machine translation for a first draft"):
    ``said`` in our voice ("you need to use machine translation for a first draft"), whether it is an AI use
    (``ai``) and whether that use trains an AI system on the work (``trains``)."""

    said: str
    ai: bool
    trains: bool
    replica: bool = False  # the use makes new material in a person's voice or likeness ("synthetic pick-ups")
    pays: str = ""  # what they offer to pay for it, in our voice ("the session rate for each line you generate")


# a use they ask about, as a question on our clause: "Would this stop us using an AI tool to write alt text …?",
# "Does the restriction prevent us from running …?", "Could this clause bar our editors from using …?"
_ASKS = re.compile(
    r"\b(?:[Ww]ould|[Ww]ill|[Dd]oes|[Dd]o|[Cc]ould|[Mm]ight|[Cc]an)\s+(?:this|that|it|these|those|the|your|our)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:stop|prevent|prohibit|bar|forbid|restrict|preclude|block)\s+"
    r"(?:us|our\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:from\s+)?(?P<what>[a-z]+ing\b[^.;!?]*)"
)


@dataclass(frozen=True, slots=True)
class _Stated:
    verb: str  # "need", "must be able", "are asking about"
    to: bool  # "need TO use …"
    what: str  # the use, in their words ("use machine translation …"; a gerund where they asked: "using …")
    end: int  # where it ends in the reply
    asked: bool = False  # a question on our clause, not a statement of need


def _stated(text: str) -> _Stated | None:
    """The first need a reply states ("We need to …") or use it asks our clause about ("Would this stop us using
    …?"), in its parts."""
    m = _NEED.search(text)
    if m is not None and not (m.group("verb") == "have" and not m.group("to")):
        what = " ".join(m.group("what").split()).rstrip(" ,")
        return _Stated(" ".join(m.group("verb").split()), bool(m.group("to")), what, m.end())
    q = _ASKS.search(text)
    if q is not None:
        return _Stated("are asking about", False, " ".join(q.group("what").split()).rstrip(" ,"), q.end(), True)
    return None


def stated_need(text: str) -> Need | None:
    """The first need a reply of the other side states ("We need to …", "we must be able to …") or use it asks
    whether our clause stops ("Would this stop us using an AI tool to write captions …?": "you are asking about
    using an AI tool to write captions …"), or None."""
    m = _stated(text)
    if m is None:
        return None
    verb, what = m.verb, m.what
    said = f"you {verb}{' to' if m.to else ''} {_PERSON_WORD.sub(lambda w: _PERSON[w.group(0)], what)}"
    trains = _TRAINS.search(what) is not None
    offer = _PAYS.search(text, m.end)
    pays = " ".join(offer.group("what").split()).rstrip(" ,") if offer is not None else ""
    pays = _PERSON_WORD.sub(lambda w: _PERSON[w.group(0)], pays)
    return Need(said, trains or _AI_TOOL.search(what) is not None, trains, _REPLICA.search(what) is not None, pays)


# what they offer to pay for the use: "We will pay the session rate for each line", "we are willing to pay GBP 50 …"
_PAYS = re.compile(
    r"\b[Ww]e\s+(?:will|would|can|shall|are\s+(?:willing|prepared|happy)\s+to|agree\s+to|offer\s+to)\s+"
    r"(?:also\s+)?pay\s+(?P<what>[^.;!?]+)"
)


# a use that makes new material in a person's voice or likeness: no tool exception covers it
_REPLICA = re.compile(
    r"\b(?:synthetic|digital\s+(?:replicas?|doubles?|twins?|avatars?)|voice\s+(?:clon\w*|models?|replicas?)|"
    r"AI[\s-]+voices?|clon\w*|likeness|deep-?fakes?|"
    r"(?:in|of)\s+(?:the|her|his|their|"
    r"[A-Z][\w-]*['’]s)\s+(?:own\s+)?voice)\b",
    re.IGNORECASE,
)
# their words about themselves, as our clause names them: "our translator" -> "the Publishers' translator"; "we"
# with the words after it up to its verb ("we then own", "we will"), which agrees with a client of one
_THEIR_WORDS = re.compile(
    r"\b(?:(?P<we>[Ww]e)(?P<aside>(?:\s+(?:then|also|only|still|already|now|later|never|always|each|both))*)"
    r"\s+(?P<verb>[a-z]+)\b|(?P<other>our|Our|ours|us)\b)"
)
# what stays as it is after a singular subject: a modal, a past tense; the few verbs that change otherwise
_AS_IT_IS = re.compile(
    r"(?:will|shall|may|can|must|would|could|should|might|did|had|was|paid|made|got|bought|sold|ran|took|gave|sent|"
    r"wrote|built|kept|held|said|found|told|went|\w+ed)"
)
_AGREES = {"have": "has", "are": "is", "were": "was", "do": "does", "go": "goes"}


def _as_client(what: str, client: str, owner: str) -> str:
    """The other side's words about itself (``what``) as our clause names it: "our" -> ``owner``, "we" / "us" ->
    ``client``, and a present-tense verb after "we" agreeing with a client of one ("once we own it" -> "once the
    Publisher owns it"; "the Publishers own it"; "we will" stays)."""
    one = not client.endswith("s") or client.endswith("ss")

    def said(m: re.Match[str]) -> str:
        if m.group("other"):
            return owner if m.group("other").lower() in ("our", "ours") else client
        verb = m.group("verb")
        if one and not _AS_IT_IS.fullmatch(verb):
            verb = _AGREES.get(verb) or (verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else verb + "s")
        return f"{client}{m.group('aside')} {verb}"

    return _THEIR_WORDS.sub(said, what)


def need_as_request(text: str, client: str, owner: str) -> str | None:
    """The training on the work a reply of the other side's says it needs (:func:`stated_need`), as a request our
    restriction may consent to, in their words said of the client (:func:`_as_client`): "We need to fine-tune our
    model on the Copy" -> "a request by Client to fine-tune Client's model on the Copy". ``None``: no need to train
    (or one for a digital replica)."""
    need = stated_need(text)
    m = _stated(text)
    if need is None or m is None or not need.trains or need.replica or not m.to:
        return None
    what = _ASIDE.split(m.what, maxsplit=1)[0].rstrip(" ,")
    return f"a request by {client} to {_as_client(what, client, owner)}"


# their aside after what they need (", which will include this Software once we own it", ", as we …"): why they
# need it, said of themselves; a drafted consent names the use, never their reasons in their words
_ASIDE = re.compile(r",\s+(?:which|who|as|since)\b|,?\s+(?:because|so\s+that|given\s+that)\b")


def need_as_use(text: str, client: str, owner: str) -> str | None:
    """The AI tool use a reply of the other side's says it needs (:func:`stated_need`), as an exception of our
    restriction names it, in their words with their "we" and "our" said as ``client`` and ``owner`` (its
    possessive): "We need to use machine translation for a first draft, which our translator then revises in full"
    -> "the use of machine translation for a first draft, which the Publishers' translator then revises in full";
    "We need to run our coding assistant on the code" -> "the use of an AI tool to run Company's coding assistant on
    the code". ``None``: no need, or one no tool exception answers (training on the work, a digital replica)."""
    need = stated_need(text)
    m = _stated(text)
    if need is None or m is None or not need.ai or need.trains or need.replica:
        return None
    what = _as_client(m.what, client, owner)
    if m.asked:  # "Would this stop us using an AI tool to write captions …?": the use they ask about
        verb, _, rest = what.partition(" ")
        return f"the use of {rest}" if verb.lower() in ("using", "employing") and rest else what
    if not m.to:  # "we need machine translation for …": the tool itself
        return f"the use of {what}"
    verb, _, rest = what.partition(" ")
    if verb.lower() in ("use", "employ") and rest:
        return f"the use of {rest}"
    return f"the use of an AI tool to {what}"
