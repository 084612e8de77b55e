"""Numbers kept whole in the next round: a clause of ours put back goes to its own place and number; a
numbered clause they rejected and we do not put back leaves no gap (the clauses after it, and the references to them,
take the numbers back); a cited range takes in a clause put back after its last and ends where its last is gone; a
clause on AI use added for the first time goes with ours that stand. Pure: no XML, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..analysis.audit import AuditResult
from ..analysis.facts import (
    cited_as_itself,
    cited_range_ends,
    cites_itself,
    citing_itself_as,
    clause_number,
    typed_clause_number,
)
from ..analysis.negotiation import ACCEPTED, MODIFIED, PENDING, Outcome
from ..kinds import ClauseKind
from ..library import Library
from ..ooxml.model import Paragraph
from ..ooxml.renumber import Renumbered, TextChange, closing_gap, renumber
from ..ooxml.revisions import next_numbers
from ..plan import Edit, _our_numbers
from ..planning.edit import DEFINITIONS
from ..planning.placement import _ON_AI, _renumbered, clause_paragraphs  # _ON_AI: the clauses on AI use
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
    if all(edits[k].index == end for k in fresh):
        return edits  # with ours already (or none): where the plan puts it
    like = standing[end]
    out = list(edits)
    for k in fresh:
        e = edits[k]
        headed = "title" not in e.paragraphs[0] and len(e.paragraphs) > 1  # a heading of its own, then the body
        body = [item["text"] for item in e.paragraphs[1 if headed else 0 :]]
        items = clause_paragraphs(paragraphs, end, like, body, e.title or "", 0)
        out[k] = replace(e, index=end, anchor_text=paragraphs[end].text, paragraphs=items)
    moved = set(fresh)
    back = [e for k, e in enumerate(out) if k not in moved and e.op == "insert_after" and e.index == end]
    rest = [e for k, e in enumerate(out) if k not in moved and not (e.op == "insert_after" and e.index == end)]
    at = next((k for k, e in enumerate(rest) if e.op != "insert_after"), len(rest))
    return [*rest[:at], *back, *(out[k] for k in fresh), *rest[at:]]


def _ranges_extended(result: AuditResult, edits: Sequence[Edit], variant: str) -> list[Edit]:
    """A clause put back after the last of a block whose range is cited ("Clauses 4.5 to 4.10
    apply … and bind …", "Sections 5(d) to 5(g) apply …") takes the next number (4.11, 5(h)): the cited range is
    extended to it, as a tracked replacement of the range's end, so the clause is not left outside what binds; so is
    a range ending at a number of ours no clause now has (a clause of ours they rejected that this round puts back
    among the new ones)."""
    paragraphs = result.paragraphs
    after: dict[str, int] = {}  # the number a new clause follows -> how many new clauses follow it
    for e in edits:
        if e.op != "insert_after" or not 0 <= e.index < len(paragraphs):
            continue
        last = next((n for i in range(e.index, -1, -1) if (n := _number_of(paragraphs[i]))), None)
        if last is not None:
            after[last] = after.get(last, 0) + sum(1 for q in e.paragraphs if not q.get("continued"))
    had = {n for p in paragraphs if (n := _number_of(p))}
    texts = [p.text for p in paragraphs]
    out: list[Edit] = []
    for last, count in after.items():
        more = _numbers_after(last, count) if count else None
        if not more:
            continue
        ends, new_end = [last, *more], more[-1]
        cited = [found for end in ends[:-1] if end == last or end not in had for found in cited_range_ends(texts, end)]
        ours = next((e.clause for e in edits if e.op == "insert_after"), "")
        for i, start, stop in cited:
            out.append(Edit.replacing(i, paragraphs[i].text, start, stop, new_end, clause=ours, variant=variant))
    return out


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
    """A clause's number as the document cites it: "4.10" (typed or Word's), a lettered sub-clause's "5(f)"."""
    label = p.section_label or ""
    parent, bracket, letter = label.partition("(")
    lettered = bracket and parent[:1].isdigit() and letter[:-1].isalpha() and letter.endswith(")")
    return clause_number(p) or (label if lettered else None)


def _numbers_after(number: str, count: int) -> list[str] | None:
    """The ``count`` numbers after ``number``: "4.10" -> "4.11" …, "5(f)" -> "5(g)" …"""
    parent, bracket, letter = number.partition("(")
    if bracket and parent:
        letters = next_numbers(f"({letter}", count)
        return [parent + n for n in letters] if letters else None
    head, _, _ = number.rpartition(".")
    return next_numbers(number, count) if head else None


def _standing_before(
    o: Outcome, outcomes: Sequence[Outcome], paragraphs: Sequence[Paragraph]
) -> tuple[int, int] | None:
    """Where the clause of ours inserted right before ``o``'s (in its round, at its anchor) stands now: its last
    paragraph and its numbered one (``None`` where no clause of ours before it stands, or it has no number)."""
    same = [
        q
        for q in outcomes
        if q.round == o.round and q.proposal.op == "insert_after" and q.proposal.anchor_index == o.proposal.anchor_index
    ]
    k = next((k for k, q in enumerate(same) if q is o), 0)
    for q in reversed(same[:k]):
        at = [i for i in q.matched if i is not None and 0 <= i < len(paragraphs)]
        if at:
            numbered = next((i for i in at if clause_number(paragraphs[i])), None)
            return None if numbered is None else (max(at), numbered)
    return None


def _anchor_standing(
    o: Outcome, outcomes: Sequence[Outcome], paragraphs: Sequence[Paragraph]
) -> tuple[int, int] | None:
    """Where the numbered paragraph ``o``'s clause was inserted after stands now, where ``o``'s was the first
    clause of ours there in its round (or none before it stands): (that paragraph, that paragraph), the one
    nearest its old place with its text; None where it is gone or has no number."""
    same = [
        q
        for q in outcomes
        if q.round == o.round and q.proposal.op == "insert_after" and q.proposal.anchor_index == o.proposal.anchor_index
    ]
    if any(i is not None for q in same[: next((k for k, q in enumerate(same) if q is o), 0)] for i in q.matched):
        return None  # a clause of ours before it stands (:func:`_standing_before` reads where)
    anchor = _norm(o.proposal.anchor_text)
    found = [i for i, p in enumerate(paragraphs) if anchor and _norm(p.text) == anchor]
    at = min(found, key=lambda i: abs(i - o.proposal.anchor_index), default=None)
    return None if at is None or clause_number(paragraphs[at]) is None else (at, at)


def _own_place(edit: Edit, o: Outcome, outcomes: Sequence[Outcome], result: AuditResult) -> Edit:
    """A clause of ours put back after its rejection goes back to its own place, after the clause of ours that
    came before it, so it takes its own number again ("4.8" between "4.7" and "4.9", not "4.11" after the
    last: no gap is left, and the ranges the block cites stay exact); a clause Word numbers takes its number
    from that clause's list; the first clause of its block goes back after the clause it followed. Our text
    citing its own number cites the number of its place ("This clause 4.5 applies"). Left where the plan puts it
    when neither stands, or the plan gives it no run-in title (a heading of its own)."""
    found = _standing_before(o, outcomes, result.paragraphs) or _anchor_standing(o, outcomes, result.paragraphs)
    titled = next((k for k, item in enumerate(edit.paragraphs) if item.get("title")), None)
    if found is None or titled is None:
        return edit
    index, like = found
    body = [item["text"] for item in edit.paragraphs]
    title = edit.paragraphs[titled]["title"]
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
    numbers = dict(zip(map(id, insertions), _our_numbers(result, insertions, renumbering), strict=True))
    out = []
    for e in edits:
        own = numbers.get(id(e)) or []
        cites = [cited_as_itself(q.get("text", "")) for q in e.paragraphs]
        if own and any(n and n != own[0] for n in cites):
            e = replace(e, paragraphs=tuple({**q, "text": citing_itself_as(q["text"], own[0])} for q in e.paragraphs))
        out.append(e)
    return out


def _numbered_after_moves(result: AuditResult, edits: Sequence[Edit], moves: Sequence[TextChange]) -> Renumbered:
    """The numbers our inserted clauses take once this round's renumbering (``moves``: "(f)" -> "(e)" after a
    withdrawn "(d)") is made: a clause inserted after "(f)" is "(f)", not "(g)". For the writer, as the
    renumbering of the document as it is."""
    base = _renumbered(result, [e for e in edits if e.op == "insert_after"])
    texts = list(base.texts)
    for c in sorted(moves, key=lambda c: (c.index, -c.start)):
        if not c.reference:
            texts[c.index] = texts[c.index][: c.start] + c.new + texts[c.index][c.end :]
    return Renumbered(base.texts, base.inserted, base.shown, renumber(texts, base.inserted, base.shown))


def _gaps_closed(
    result: AuditResult, rejected: Sequence[Outcome], outcomes: Sequence[Outcome], edits: Sequence[Edit]
) -> list[Edit]:
    """A numbered clause of ours they rejected, and we do not put back, leaves no gap in the numbers of the
    block it was in ("4.7", "4.9", "4.10"): the clauses after it take the numbers back ("4.9" -> "4.8"), as
    tracked replacements, and so do the document's typed references to them ("Clauses 4.5 to 4.10" -> "4.5 to
    4.9"; where Word numbers the clauses, only the references change). Every gap of a block at once, however
    many clauses each leaves out ("4.5", "4.7", "4.9" once "4.6" and "4.8" are gone -> "4.5", "4.6", "4.7")."""
    again = {e.clause for e in edits if e.op == "insert_after"}
    paragraphs = result.paragraphs
    texts, shown = [p.text for p in paragraphs], [p.label for p in paragraphs]
    gaps: dict[int, tuple[int, Outcome]] = {}  # the numbered paragraph before a gap -> (clauses gone, the first)
    for o in rejected:
        if o.proposal.op != "insert_after" or o.proposal.clause in again | {DEFINITIONS} or not o.proposal.texts:
            continue
        found = _standing_before(o, outcomes, paragraphs)
        if found is None:
            continue
        numbered = found[1]
        typed = typed_clause_number(o.proposal.texts[0])
        if typed is None and (paragraphs[numbered].label is None or clause_number(paragraphs[numbered]) is None):
            continue  # a clause with no number of its own
        count, first = gaps.get(numbered, (0, o))
        gaps[numbered] = (count + 1, first)
    out: list[Edit] = []
    done: set[int] = set()
    before = 0  # the clauses gone in the gaps before this one
    for numbered in sorted(gaps):
        count, o = gaps[numbered]
        out += _range_ended_before(result, numbered, count, before, o)
        before += count
        if numbered in done:
            continue  # its gap was closed with an earlier one of its block
        later = {k: n for k, (n, _) in gaps.items() if k > numbered}
        changes = closing_gap(texts, shown, numbered, count, later)
        reached = max((c.index for c in changes if not c.reference), default=-1)
        done |= {k for k in later if k <= reached}
        out += [_changed(result, c, o.proposal.clause, o.proposal.variant) for c in changes]
    return out


def _range_ended_before(result: AuditResult, numbered: int, count: int, before: int, o: Outcome) -> list[Edit]:
    """Where the ``count`` clauses gone after the numbered paragraph ``numbered`` ended their block (no clause of
    its list follows; ``before`` clauses went in gaps before it), a cited range that ended at the last of them ends
    at ``numbered``'s number once the gaps close instead ("Clauses 4.5 to 4.10 apply" -> "4.5 to 4.9" once 4.10
    is gone). A number Word shows has closed the gaps already; a typed one has not."""
    paragraphs = result.paragraphs
    head, _, tail = (clause_number(paragraphs[numbered]) or "").rpartition(".")
    if not head or not tail.isdigit():
        return []
    n = int(tail)
    after = {f"{head}.{n + 1}", f"{head}.{n + count + 1}"}
    if any(clause_number(p) in after for p in paragraphs[numbered + 1 :]):
        return []  # clauses follow the gap: closing_gap moves them and the references to them
    typed = typed_clause_number(paragraphs[numbered].text) is not None
    gone = f"{head}.{n + count if typed else n + before + count}"
    own = f"{head}.{n - before if typed else n}"
    out = []
    for i, start, stop in cited_range_ends([p.text for p in paragraphs], gone):
        change = TextChange(i, start, stop, gone, own, reference=True)
        out.append(_changed(result, change, o.proposal.clause, o.proposal.variant))
    return out


def _changed(result: AuditResult, c: TextChange, clause: str, variant: str) -> Edit:
    """A renumbering's change of a paragraph's text, as our tracked replacement."""
    return Edit.replacing(
        c.index, result.paragraphs[c.index].text, c.start, c.end, c.new, clause=clause, variant=variant
    )
