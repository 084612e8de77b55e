"""Numbers kept whole in the next round: a clause of ours put back goes to its own place and number; a
numbered clause they rejected and we do not put back leaves no gap (the clauses after it, and the references to them,
take the numbers back); a cited range takes in a clause put back after its last and ends where its last is gone; our
sentence citing our clauses (a range, a list, its own clause alone) cites them as the round leaves them; a clause on
AI use added for the first time goes with ours that stand. Pure: no XML, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence, Set
from dataclasses import replace

from ..analysis.audit import AuditResult
from ..analysis.facts import (
    cited_as_itself,
    cited_range_ends,
    cited_runs,
    cites_itself,
    citing_all,
    citing_itself_as,
    citing_ours,
    clause_number,
)
from ..analysis.negotiation import ACCEPTED, MODIFIED, PENDING, REJECTED, Outcome
from ..kinds import ClauseKind
from ..library import Library
from ..ooxml.model import Paragraph
from ..ooxml.renumber import Renumbered, TextChange, closing_gap, renumber
from ..ooxml.revisions import next_numbers, typed_number
from ..plan import Edit, _our_numbers
from ..planning.edit import DEFINITIONS
from ..planning.placement import (  # _ON_AI: the clauses on AI use
    _ON_AI,
    _renumbered,
    clause_paragraphs,
    numbered_paragraphs,
    struck_whole,
)
from .said import _known, _norm


def _with_ours(edits: list[Edit], outcomes: Sequence[Outcome], result: AuditResult, library: Library) -> list[Edit]:
    """A clause on AI use this round adds for the first time goes where round one puts it: with our clauses on AI
    use that stand (the covenant, the definitions it needs, what adapts it), after the last of them and numbered
    on from it, never before them (where its terms are not yet defined) nor into a list of theirs that the audit
    reads as an AI restriction (our condition on their machine-translation permission, "3. The Publishers shall:"
    … "(b)"). A clause of ours put back there goes first, at its own number; the new ones follow in the plan's
    order."""
    paragraphs = result.paragraphs
    standing = {  # paragraph -> (the numbered paragraph of the clause of ours standing there)
        i: next((j for j in at if j is not None and clause_number(paragraphs[j])), at[0])
        for o in outcomes
        if o.proposal.op == "insert_after" and o.state in (ACCEPTED, PENDING, MODIFIED)
        for at in [[j for j in o.matched if j is not None and 0 <= j < len(paragraphs)]]
        if at
        for i in at
    }
    covenant = [
        i
        for o in outcomes
        if o.proposal.op == "insert_after"
        and o.state in (ACCEPTED, PENDING, MODIFIED)
        and _known(library, o.proposal.clause)
        and library.get(o.proposal.clause).kind == ClauseKind.NO_AI_RESTRICTION
        for i in o.matched
        if i is not None and i in standing
    ]
    if not covenant:
        return edits
    end = max(covenant)
    while end + 1 in standing:  # what adapts it, inserted right after it
        end += 1
    before = {o.proposal.clause for o in outcomes}
    fresh = [
        k
        for k, e in enumerate(edits)
        if e.op == "insert_after"
        and e.clause not in before
        and _known(library, e.clause)
        and library.get(e.clause).kind in _ON_AI
        and e.paragraphs
        and e.title
    ]
    like = standing[end]
    out = list(edits)
    for k in fresh:
        e = edits[k]
        headed = "title" not in e.paragraphs[0] and len(e.paragraphs) > 1  # a heading of its own, then the body
        body = [item["text"] for item in e.paragraphs[1 if headed else 0 :]]
        items = clause_paragraphs(paragraphs, end, like, body, e.title or "", 0)
        out[k] = replace(e, index=end, anchor_text=paragraphs[end].text, paragraphs=items)
    if all(edits[k].index == end and out[k].paragraphs == edits[k].paragraphs for k in fresh):
        return edits  # with ours already, numbered as ours are (or none): where the plan puts it
    moved = set(fresh)
    back = [e for k, e in enumerate(out) if k not in moved and e.op == "insert_after" and e.index == end]
    rest = [e for k, e in enumerate(out) if k not in moved and not (e.op == "insert_after" and e.index == end)]
    at = next((k for k, e in enumerate(rest) if e.op != "insert_after"), len(rest))
    return [*rest[:at], *back, *(out[k] for k in fresh), *rest[at:]]


def _ranges_extended(result: AuditResult, edits: Sequence[Edit], variant: str) -> tuple[list[Edit], dict[str, str]]:
    """A clause put back after the last of a block whose range is cited ("Clauses 4.5 to 4.10
    apply … and bind …", "Sections 5(d) to 5(g) apply …") takes the next number (4.11, 5(h)): the cited range is
    extended to it, as a tracked replacement of the range's end, so the clause is not left outside what binds; so is
    a range ending at a number of ours no clause now has (a clause of ours they rejected that this round puts back
    among the new ones). With the tracked replacements, each number a citation of ours runs on from -> the last new
    number (for our sentence citing a list or its own clause alone: :func:`_cited_as_left`)."""
    paragraphs = result.paragraphs
    had = {n for p in paragraphs if (n := _number_of(p))}
    texts = [p.text for p in paragraphs]
    out: list[Edit] = []
    running_on: dict[str, str] = {}
    for last, more in _new_numbers(result, edits).items():
        ends, new_end = [last, *more], more[-1]
        running_on |= {end: new_end for end in ends[:-1] if end == last or end not in had}
        cited = [found for end in ends[:-1] if end == last or end not in had for found in cited_range_ends(texts, end)]
        ours = next((e.clause for e in edits if e.op == "insert_after"), "")
        for i, start, stop in cited:
            out.append(Edit.replacing(i, paragraphs[i].text, start, stop, new_end, clause=ours, variant=variant))
    return out, running_on


def _new_numbers(result: AuditResult, edits: Sequence[Edit]) -> dict[str, list[str]]:
    """The numbers this round's new clauses take: the number they follow -> theirs ("4.10" -> "4.11", "4.12"). Only
    a clause copying a numbered paragraph takes one (not one added as a paragraph of a clause's own text)."""
    paragraphs = result.paragraphs
    after: dict[str, int] = {}  # the number a new clause follows -> how many new clauses follow it
    for e in edits:
        if e.op != "insert_after" or not 0 <= e.index < len(paragraphs):
            continue
        last = next((n for i in range(e.index, -1, -1) if (n := _number_of(paragraphs[i]))), None)
        numbered = numbered_paragraphs(e.index, e, lambda i, q: q["like"] if isinstance(q.get("like"), int) else i)
        count = sum(n for at, n in numbered.items() if 0 <= at < len(paragraphs) and _own_number(paragraphs[at]))
        if last is not None:
            after[last] = after.get(last, 0) + count
    have = {n for p in paragraphs if (n := _number_of(p))}
    return {
        last: more
        for last, count in after.items()
        if count and (more := _numbers_after(last, count, lettered=_moved(last, -1) in have))
    }


def _overlaps(change: Edit, edits: Sequence[Edit]) -> bool:
    """``change`` replaces words that one of ``edits`` replaces too."""
    return any(
        e.op == "replace"
        and e.index == change.index
        and None not in (e.start, e.end, change.start, change.end)
        and (e.start or 0) < (change.end or 0)
        and (change.start or 0) < (e.end or 0)
        for e in edits
    )


def _number_of(p: Paragraph) -> str | None:
    """The number of the clause ``p`` is in, as the document cites it: "4.10" (typed, before a tab or a space, or
    Word's), a lettered sub-clause's "5(f)", a clause inserted between two: "1A"."""
    label = p.section_label or ""
    parent, bracket, letter = label.partition("(")
    lettered = bracket and parent[:1].isdigit() and letter[:-1].isalpha() and letter.endswith(")")
    if lettered:  # under its clause's number, whether typed or Word's ("3(c)", not Word's label "(c)" alone)
        return label
    decimal = "." in label and label.replace(".", "").isdigit()  # "3.4" typed before a space
    return clause_number(p) or (label if _suffixed(label) or decimal else None)


def _suffixed(number: str) -> bool:
    """``number`` is a clause's inserted between two: "1A", "2.1A"."""
    return number[:1].isdigit() and number[-1:].isupper() and number[:-1].replace(".", "").isdigit()


def _own_number(p: Paragraph) -> str | None:
    """:func:`_number_of` where ``p`` itself carries the number (typed, or Word's label), not a paragraph of the
    clause after its first."""
    number = clause_number(p)
    if number and number[:1] != "(":
        return number
    typed = typed_number(p.text)
    own = typed[0].rstrip(".") if typed else p.label or ""
    label = _number_of(p) or ""
    return label if own and label.endswith(own) else None


def _moved(number: str, by: int) -> str | None:
    """``number`` ``by`` places on in its list ("4.9" -> "4.7" by -2, "5(f)" -> "5(g)" by 1); None for a number
    that has no such place."""
    parent, bracket, letter = number.partition("(")
    if bracket:
        letter = letter[:-1]
        if len(letter) != 1 or not letter.isalpha() or not "a" <= chr(ord(letter) + by) <= "z":
            return None
        return f"{parent}({chr(ord(letter) + by)})"
    if _suffixed(number):  # "5G" -> "5F": the clauses inserted between two
        letter = chr(ord(number[-1]) + by)
        return number[:-1] + letter if "A" <= letter <= "Z" else None
    head, _, tail = number.rpartition(".")
    return f"{head}.{int(tail) + by}" if head and tail.isdigit() and int(tail) + by > 0 else None


def _numbers_after(number: str, count: int, lettered: bool = False) -> list[str] | None:
    """The ``count`` numbers after ``number``: "4.10" -> "4.11" …, "5(f)" -> "5(g)" …; ``lettered``: its list is
    of letters (the letter before it is in the document: "5(i)" after "5(h)" -> "5(j)", never the roman "5(ii)")."""
    parent, bracket, letter = number.partition("(")
    if bracket and parent and lettered:
        moved = [_moved(number, k) for k in range(1, count + 1)]
        return None if None in moved else [n for n in moved if n is not None]
    if bracket and parent:
        letters = next_numbers(f"({letter}", count)
        return [parent + n for n in letters] if letters else None
    head, _, _ = number.rpartition(".")
    return next_numbers(number, count) if head or _suffixed(number) else None


def _standing_before(
    o: Outcome,
    outcomes: Sequence[Outcome],
    paragraphs: Sequence[Paragraph],
    own: Callable[[Paragraph], str | None] = clause_number,
) -> tuple[int, int] | None:
    """Where the clause of ours inserted right before ``o``'s (in its round, at its anchor) stands now: its last
    paragraph and its numbered one (``None`` where no clause of ours before it stands, or it has no number: ``own``
    reads it)."""
    same = [
        q
        for q in outcomes
        if q.round == o.round and q.proposal.op == "insert_after" and q.proposal.anchor_index == o.proposal.anchor_index
    ]
    k = next((k for k, q in enumerate(same) if q is o), 0)
    for q in reversed(same[:k]):
        at = [i for i in q.matched if i is not None and 0 <= i < len(paragraphs)]
        if at:
            numbered = next((i for i in at if own(paragraphs[i])), None)
            return None if numbered is None else (max(at), numbered)
    return None


def _anchor_standing(
    o: Outcome, outcomes: Sequence[Outcome], paragraphs: Sequence[Paragraph]
) -> tuple[int, int] | None:
    """Where the numbered paragraph ``o``'s clause was inserted after stands now, where ``o``'s was the first
    clause of ours there in its round (or none before it stands): (that paragraph, that paragraph), the one
    nearest its old place with its text, or where a change of ours to it is read (:func:`_changed_there`); None
    where it is gone or has no number."""
    same = [
        q
        for q in outcomes
        if q.round == o.round and q.proposal.op == "insert_after" and q.proposal.anchor_index == o.proposal.anchor_index
    ]
    if any(i is not None for q in same[: next((k for k, q in enumerate(same) if q is o), 0)] for i in q.matched):
        return None  # a clause of ours before it stands (:func:`_standing_before` reads where)
    anchor = _norm(o.proposal.anchor_text)
    found = [i for i, p in enumerate(paragraphs) if anchor and _norm(p.text) == anchor]
    found = found or _changed_there(o, outcomes, len(paragraphs))
    at = min(found, key=lambda i: abs(i - o.proposal.anchor_index), default=None)
    return None if at is None or not _shows_number(paragraphs[at]) else (at, at)


def _changed_there(o: Outcome, outcomes: Sequence[Outcome], count: int) -> list[int]:
    """Where the paragraph ``o``'s clause was inserted after stands now when a change of words of ours in its round
    changed it (its text is no longer the one ``o`` was anchored on: "[Intentionally deleted]" for the consent we
    struck): the paragraph that change is read in."""
    return [
        i
        for q in outcomes
        if q.round == o.round
        and q.proposal.op == "replace"
        and q.proposal.anchor_index == o.proposal.anchor_index
        and _norm(q.proposal.anchor_text) == _norm(o.proposal.anchor_text)
        for i in q.indexes[:1]
        if 0 <= i < count
    ]


def _shown(p: Paragraph) -> str | None:
    """The number ``p`` carries: Word's, a typed clause number ("4.10\t"), or a typed number of one level ("7. ",
    after which our clauses go in as "7A.", "7B." …; "7C. ")."""
    typed = typed_number(p.text)
    return clause_number(p) or (typed[0].rstrip(".") if typed else None)


def _shows_number(p: Paragraph) -> bool:
    return _shown(p) is not None


def _own_place(edit: Edit, o: Outcome, outcomes: Sequence[Outcome], result: AuditResult) -> Edit:
    """A clause of ours put back after its rejection goes back to its own place, after the clause of ours that
    came before it, so it takes its own number again ("4.8" between "4.7" and "4.9", not "4.11" after the
    last: no gap is left, and the ranges the block cites stay exact); a clause Word numbers takes its number
    from that clause's list; the first clause of its block goes back after the clause it followed. Our text
    citing its own number cites the number of its place ("This clause 4.5 applies"). Left where the plan puts it
    when neither stands, or the plan gives it no run-in title (a heading of its own)."""
    paragraphs = result.paragraphs
    found = _standing_before(o, outcomes, paragraphs, _shown) or _anchor_standing(o, outcomes, paragraphs)
    titled = next((k for k, item in enumerate(edit.paragraphs) if item.get("title")), None)
    continuing = all(item.get("continued") for item in edit.paragraphs)  # placed by the plan as a clause's tail
    numbered_before = bool(o.proposal.texts) and typed_number(o.proposal.texts[0]) is not None  # "1B. The …"
    if titled is None and continuing and numbered_before and edit.title:
        titled = 0  # its own numbered clause again, under its own title, as it went in before
    if found is None or titled is None:
        return edit
    index, like = found
    body = [item["text"] for item in edit.paragraphs]
    title = edit.paragraphs[titled].get("title") or edit.title or ""
    placed = replace(
        edit,
        index=index,
        anchor_text=result.paragraphs[index].text,
        paragraphs=clause_paragraphs(result.paragraphs, index, like, body, title, titled),
    )
    if any(cites_itself(text) for text in body):  # "This clause 4.11 applies": the number of its own place
        own = _our_numbers(result, [placed], None)[0]  # as the writer numbers it ("4.5", "2.1A")
        head, _, tail = (clause_number(result.paragraphs[like]) or "").rpartition(".")
        if not own and (not head or not tail.isdigit()):
            return edit  # no number of its own place to cite: left where the plan puts it
        number = own[0] if own else f"{head}.{int(tail) + 1}"
        body = [citing_itself_as(text, number) for text in body]
        placed = replace(placed, paragraphs=clause_paragraphs(result.paragraphs, index, like, body, title, titled))
    return placed


def _citing_own_numbers(result: AuditResult, edits: list[Edit], renumbering: Renumbered | None) -> list[Edit]:
    """Each clause this round inserts that calls itself by number ("This clause 4.11 applies", "In this clause
    2.2A") calls itself by the number it takes where it now goes (after :func:`_with_ours` and :func:`_own_place`
    moved it, and the numbers this round closes), as the writer numbers it."""
    insertions = [e for e in edits if e.op == "insert_after"]
    base = renumbering or _renumbered(result, insertions, struck_whole(result.paragraphs, edits))
    numbers = dict(zip(map(id, insertions), _our_numbers(result, insertions, base), strict=True))
    out = []
    for e in edits:
        own = numbers.get(id(e)) or []
        cites = [cited_as_itself(q.get("text", "")) for q in e.paragraphs]
        if own and any(n and n != own[0] for n in cites):
            e = replace(e, paragraphs=tuple({**q, "text": citing_itself_as(q["text"], own[0])} for q in e.paragraphs))
        out.append(e)
    return out


def _cited_as_placed(
    result: AuditResult, edits: list[Edit], outcomes: Sequence[Outcome], renumbering: Renumbered | None
) -> list[Edit]:
    """A clause of ours this round inserts whose sentence cites our clauses ("Clauses 4.7 and 4.8 apply … and
    survive", drafted for where the plan first put it, or in a round before) cites them where they are now: the
    clauses of ours that stand (less our definitions, at the numbers this round's insertions move them to) and
    those this round inserts, at their numbers as the writer numbers them (after :func:`_own_place` and
    :func:`_with_ours` moved them)."""
    insertions = [e for e in edits if e.op == "insert_after"]
    citing = [e for e in insertions if any(cited_runs(q.get("text", "")) for q in e.paragraphs)]
    if not citing:
        return edits
    paragraphs = result.paragraphs
    base = renumbering or _renumbered(result, insertions, struck_whole(paragraphs, edits))
    moves = [c for c in base.found.changes if not c.reference]
    moved, shown = _moved_numbers(paragraphs, moves), _shown_after(base, moves)
    standing = {
        _as_renumbered(paragraphs[i], n, shown, moved)
        for i, o in _ours_standing(result, outcomes).items()
        if o.proposal.clause != DEFINITIONS and (n := _own_number(paragraphs[i]))
    }
    labels = standing | {n for own in _our_numbers(result, insertions, base) for n in own}
    out = []
    for e in edits:
        if any(e is c for c in citing):
            items = tuple(
                {**q, "text": citing_all(q["text"], sorted(labels))} if "text" in q else q for q in e.paragraphs
            )
            e = replace(e, paragraphs=items)
        out.append(e)
    return out


def _shown_after(base: Renumbered, moves: Sequence[TextChange]) -> list[str | None]:
    """The number Word shows each paragraph with once this round's insertions and whole strikes are made (``base``
    read the struck paragraphs as gone; ``moves``: the numbers its insertions move)."""
    shown = list(base.shown or [None] * len(base.texts))
    for c in moves:
        if c.automatic:
            shown[c.index] = c.new
    return shown


def _as_renumbered(p: Paragraph, number: str, shown: Sequence[str | None], moved: Mapping[str, str]) -> str:
    """``number``, paragraph ``p``'s as the document cites it ("3(e)"), once this round's changes are made: where
    Word numbers ``p`` ("(e)"), with the label it then shows (``shown``: "(d)" once a clause before it in its list
    is struck whole, "(f)" once one is inserted); a typed number as the changes of its own move it (``moved``)."""
    label, now = (p.label or "").strip(), shown[p.index] if p.index < len(shown) else None
    if label and now and number.endswith(label):
        return number[: len(number) - len(label)] + now.strip()
    return moved.get(number, number)


def _numbered_after_moves(
    result: AuditResult, edits: Sequence[Edit], moves: Sequence[TextChange], withdrawn: Collection[int] = ()
) -> Renumbered:
    """The numbers our inserted clauses take once this round's renumbering (``moves``: "(f)" -> "(e)" after a
    withdrawn "(d)"; a gap closed, "5C." -> "5A.") is made: a clause inserted after "(f)" is "(f)", not "(g)".
    ``withdrawn``: paragraphs this round takes out, whose numbers no clause keeps. For the writer, as the
    renumbering of the document as it is."""
    base = _renumbered(result, [e for e in edits if e.op == "insert_after"], struck_whole(result.paragraphs, edits))
    texts = ["" if i in withdrawn else t for i, t in enumerate(base.texts)]
    for c in sorted(moves, key=lambda c: (c.index, -c.start)):
        if not c.reference:
            texts[c.index] = texts[c.index][: c.start] + c.new + texts[c.index][c.end :]
    return Renumbered(base.texts, base.inserted, base.shown, renumber(texts, base.inserted, base.shown))


def _gaps_closed(
    result: AuditResult,
    rejected: Sequence[Outcome],
    outcomes: Sequence[Outcome],
    edits: Sequence[Edit],
    withdrawn: Sequence[int] = (),
) -> tuple[list[Edit], set[str], dict[str, str]]:
    """A numbered clause of ours they rejected, and we do not put back, leaves no gap in the numbers of the
    block it was in ("4.7", "4.9", "4.10"; "(f)", "(h)"): the clauses after it take the numbers back ("4.9" -> "4.8",
    "(h)" -> "(g)"), as tracked replacements, and so do the document's typed references to them ("Clauses 4.5 to
    4.10" -> "4.5 to 4.9"; where Word numbers the clauses, only the references change). Every gap of a block at
    once, however many clauses each leaves out ("4.5", "4.7", "4.9" once "4.6" and "4.8" are gone -> "4.5", "4.6",
    "4.7"). ``withdrawn``: the paragraphs this round takes out of the lists (a definition of ours nothing uses),
    which move the numbers after them back too. The changes, the numbers gone (as the document cites them) and
    the numbers that move (old -> new, for our sentence citing them: :func:`_cited_as_left`)."""
    again = {e.clause for e in edits if e.op == "insert_after"}
    paragraphs = result.paragraphs
    out_now = set(withdrawn)  # read as gone already: their numbers are no sibling's
    texts = ["" if i in out_now else p.text for i, p in enumerate(paragraphs)]
    shown = [None if i in out_now else p.label for i, p in enumerate(paragraphs)]
    gaps: dict[int, tuple[int, Outcome]] = {}  # the numbered paragraph before a gap -> (clauses gone, the first)
    for o in rejected:
        if o.proposal.op != "insert_after" or o.proposal.clause in again | {DEFINITIONS} or not o.proposal.texts:
            continue
        found = _standing_before(o, outcomes, paragraphs, _own_number) or _anchor_standing(o, outcomes, paragraphs)
        if found is None or (_own_number(paragraphs[found[1]]) or _shown(paragraphs[found[1]])) is None:
            continue  # (a typed number of one level, "4.", before our first lettered clause "4A.", is one too)
        numbered = found[1]
        if typed_number(o.proposal.texts[0]) is None and paragraphs[numbered].label is None:
            continue  # a clause with no number of its own
        count, first = gaps.get(numbered, (0, o))
        gaps[numbered] = (count + 1, first)
    if gaps:  # a paragraph this round withdraws from a list with a gap: one more gone there, closed with the gap
        for i in sorted(out_now):
            before_it = (j for j in range(i - 1, -1, -1) if j not in out_now and _shown(paragraphs[j]) is not None)
            j = next(before_it, None)
            if _shown(paragraphs[i]) is not None and j is not None and j >= min(gaps):
                count, first = gaps.get(j, (0, gaps[max(k for k in gaps if k <= j)][1]))
                gaps[j] = (count + 1, first)
    out: list[Edit] = []
    gone: set[str] = set()
    renamed: dict[str, str] = {}
    done: set[int] = set()
    before = 0  # the clauses gone in the gaps before this one
    for numbered in sorted(gaps):
        count, o = gaps[numbered]
        ended, end = _range_ended_before(result, numbered, count, before, o, withdrawn)
        out += ended
        renamed |= end
        gone |= _gone_after(paragraphs[numbered], count, before)
        before += count
        if numbered in done:
            continue  # its gap was closed with an earlier one of its block
        later = {k: n for k, (n, _) in gaps.items() if k > numbered}
        changes = closing_gap(texts, shown, numbered, count, later)
        reached = max((c.index for c in changes if not c.reference), default=-1)
        done |= {k for k in later if k <= reached}
        out += [_changed(result, c, o.proposal.clause, o.proposal.variant) for c in changes]
        renamed |= {c.old: c.new for c in changes if c.reference} | _moved_numbers(paragraphs, changes)
    return out, gone, renamed


def _moved_numbers(paragraphs: Sequence[Paragraph], changes: Sequence[TextChange]) -> dict[str, str]:
    """The numbers as the document cites them that ``changes`` of the clauses' own typed numbers move ("(h)" ->
    "(g)" of clause 5: "5(h)" -> "5(g)")."""
    out = {}
    for c in changes:
        own = _own_number(paragraphs[c.index]) if not c.reference else None
        old, new = c.old.rstrip("."), c.new.rstrip(".")
        if own and old and own.endswith(old):
            out[own] = own[: len(own) - len(old)] + new
    return out


def _typed(p: Paragraph) -> bool:
    """``p``'s number is typed (it shows the number it had when its round was written), not Word's."""
    return p.label is None


def _gone_after(p: Paragraph, count: int, before: int) -> set[str]:
    """The numbers, as the document cites them, of the ``count`` clauses gone right after ``p`` (``before`` gone
    in the gaps before it: a number Word shows has closed them already)."""
    own = _own_number(p) or ""
    start = 0 if _typed(p) else before
    return {n for k in range(start + 1, start + count + 1) if (n := _moved(own, k))}


def _range_ended_before(
    result: AuditResult, numbered: int, count: int, before: int, o: Outcome, withdrawn: Sequence[int] = ()
) -> tuple[list[Edit], dict[str, str]]:
    """Where the ``count`` clauses gone after the numbered paragraph ``numbered`` ended their block (no clause of
    its list follows; ``before`` clauses went in gaps before it), a cited range that ended at the last of them ends
    at ``numbered``'s number once the gaps close instead ("Clauses 4.5 to 4.10 apply" -> "4.5 to 4.9" once 4.10
    is gone; "Sections 5(d) to 5(g)" -> "5(d) to 5(e)" once (g) is gone and a definition before (f) withdrawn). A
    number Word shows has closed the gaps already; a typed one has not. The changes, and the range's old end -> its
    new one."""
    paragraphs = result.paragraphs
    own = _own_number(paragraphs[numbered])
    if own is None or _moved(own, 0) is None:
        return [], {}
    follows = {_moved(own, 1), _moved(own, count + 1)}
    if any(_own_number(p) in follows for p in paragraphs[numbered + 1 :]):
        return [], {}  # clauses follow the gap: closing_gap moves them and the references to them
    typed = _typed(paragraphs[numbered])
    parent = _parent(own) or ""
    out_before = sum(  # the definitions this round takes out before it in its list
        1
        for i in withdrawn
        if i < numbered and (n := _own_number(paragraphs[i])) and n.startswith(parent) and _moved(n, 0) is not None
    )
    gone = _moved(own, count if typed else before + count)
    now = _moved(own, -(before + out_before) if typed else -out_before)
    if gone is None or now is None:
        return [], {}
    out = []
    for i, start, stop in cited_range_ends([p.text for p in paragraphs], gone):
        change = TextChange(i, start, stop, gone, now, reference=True)
        out.append(_changed(result, change, o.proposal.clause, o.proposal.variant))
    return out, {gone: now}


def _changed(result: AuditResult, c: TextChange, clause: str, variant: str) -> Edit:
    """A renumbering's change of a paragraph's text, as our tracked replacement."""
    return Edit.replacing(
        c.index, result.paragraphs[c.index].text, c.start, c.end, c.new, clause=clause, variant=variant
    )


def _ours_standing(result: AuditResult, outcomes: Sequence[Outcome]) -> dict[int, Outcome]:
    """The paragraphs of our clauses that stand (accepted, modified or still pending) -> their outcome."""
    ours: dict[int, Outcome] = {}
    for o in outcomes:
        if o.proposal.op == "insert_after" and o.state in (ACCEPTED, MODIFIED, PENDING):
            ours |= {i: o for i in o.matched if i is not None and 0 <= i < len(result.paragraphs)}
    return ours


def _taken(result: AuditResult, edits: Sequence[Edit]) -> set[str]:
    """The numbers this round's new clauses take, at their place ("4.8" between "4.7" and "4.9") or, where Word
    numbers the list, as the numbers after its last (a clause put back at "3.8" moves "3.9" to "3.10")."""
    have = [n for p in result.paragraphs if (n := _own_number(p))]
    taken: set[str] = set()
    for last, more in _new_numbers(result, edits).items():
        taken |= set(more)
        parent = _parent(last)
        end = next((n for n in reversed(have) if _parent(n) == parent), None) if parent else None
        taken |= set(_numbers_after(end, len(more)) or ()) if end else set()
    return taken


def _cited_by_none(
    result: AuditResult, outcomes: Sequence[Outcome], gone: Set[str], taken: Set[str] = frozenset()
) -> tuple[set[str], dict[str, str]]:
    """What our sentence citing our clauses cites that no clause has any more (a clause of ours they rejected),
    where other clauses of its list have numbers (so that the document's numbers are read): the numbers it cites
    one by one ("3.3" once the Section 3 it ended has "3.1" and "3.2" only), and the end of a range -> the number
    before it that a clause still has, and this round does not take out (``gone``): "Clauses 3.4 to 3.6" ends at
    "3.5" once 3.6 is gone. ``taken``: the numbers this round's new clauses take."""
    have = {n for p in result.paragraphs if (n := _own_number(p))} | set(taken)
    parents = {_parent(n) for n in have} - {None}
    runs = {r for i in _ours_standing(result, outcomes) for r in cited_runs(result.paragraphs[i].text)}
    singles = {a for a, b in runs if a == b and a not in have and _parent(a) in parents}
    ends: dict[str, str] = {}
    for a, b in runs:
        if a == b or b in have or _parent(b) not in parents:
            continue
        for k in range(1, 27):
            n = _moved(b, -k)
            if n is None or n == a:
                break
            if n in have and n not in gone:
                ends[b] = n
                break
    return singles, ends


def _parent(number: str) -> str | None:
    """The list ``number`` is in: "4." of "4.10", "5(" of "5(f)", "5" of "5G"; None for a number of no list ("12")."""
    if "(" in number:
        return number.partition("(")[0] + "("
    if _suffixed(number) and "." not in number:  # "5G" of "5A" … "5H", inserted between "5." and "6."
        return number[:-1]
    head, dot, _ = number.rpartition(".")
    return head + dot if head else None


def _cited_as_left(
    result: AuditResult,
    outcomes: Sequence[Outcome],
    gone: set[str],
    renamed: Mapping[str, str],
    running_on: Mapping[str, str],
) -> list[Edit]:
    """Our sentence saying which clauses of ours apply ("Clauses 2.1A, 2.4 and 2.5 apply …", "This clause applies
    …"), in a clause of ours that stands, citing them as this round leaves them: without the numbers ``gone`` (a
    clause they rejected that we do not put back, a definition we withdraw), with the numbers that move
    (``renamed``) and running on to the clauses added after the last (``running_on``): one tracked change of its
    words (for :func:`noai.analysis.facts.citing_ours`), the verbs agreeing ("Section 5(d) applies … and
    survives")."""
    if not (gone or renamed or running_on):
        return []
    paragraphs = result.paragraphs
    out = []
    for i, o in sorted(_ours_standing(result, outcomes).items()):
        text = paragraphs[i].text
        found = citing_ours(text, _number_of(paragraphs[i]), gone=gone, renamed=renamed, running_on=running_on)
        if found is not None:
            start, stop, new = found
            out.append(Edit.replacing(i, text, start, stop, new, clause=o.proposal.clause, variant=o.proposal.variant))
    return out


def _numbers_closed(
    result: AuditResult,
    outcomes: Sequence[Outcome],
    last: Mapping[str, Outcome],
    edits: Sequence[Edit],
    withdrawn: Sequence[int],
    moves: Sequence[TextChange],
    running_on: Mapping[str, str],
) -> tuple[list[Edit], list[Edit]]:
    """The numbers this round leaves: the gaps the clauses of ours they rejected leave closed (``last``: the latest
    proposal of each clause; :func:`_gaps_closed`), and our sentence citing our clauses citing them as they are now
    (:func:`_cited_as_left`): without a clause gone (rejected, not put back; a definition ``withdrawn``), with the
    numbers ``moves`` and the gaps move, and running on to strict's new clauses (``running_on``). The changes closing
    the gaps (less those of the sentence, which its one change makes), and the sentence's change."""
    rejected = [o for o in last.values() if o.state == REJECTED]
    closed, gone, renamed = _gaps_closed(result, rejected, outcomes, edits, withdrawn)
    # a range this round extends past the gap: extended; a number the list closing behind a paragraph withdrawn moves
    # (``moves``, read without the gap): closed with the gap instead
    spans = {(c.index, c.start, c.end) for c in moves if not c.reference}
    closed = [c for c in closed if not _overlaps(c, [e for e in edits if (e.index, e.start, e.end) not in spans])]
    gone |= {n for i in withdrawn if (n := _own_number(result.paragraphs[i]))}
    renamed = {c.old: c.new for c in moves if c.reference and c.new} | renamed
    if rejected:  # what a clause of ours they rejected had, no clause has, nor takes again this round
        taken = _taken(result, edits)
        singles, ends = _cited_by_none(result, outcomes, gone, taken)
        gone |= singles
        renamed = {b: renamed.get(n, n) for b, n in ends.items()} | renamed
    same = {(c.index, c.start, c.end, c.replacement) for c in [*edits, *closed] if c.op == "replace"}
    cited = [  # a change of the sentence made already as it is (a range's end moved back) stays the one made
        c
        for c in _cited_as_left(result, outcomes, gone, renamed, running_on)
        if (c.index, c.start, c.end, c.replacement) not in same
    ]
    return [c for c in closed if not _overlaps(c, cited)], cited
