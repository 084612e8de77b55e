"""Where and in what form an inserted clause goes: each clause's place, its paragraph items (one more
numbered sub-clause, a new titled clause under a title-only heading, a titled sibling of the IP clause's
sub-clauses, a lead-in's list), typed numbers ("10.8" over "10.8.1"), inner lists in roman numerals under a
lettered sub-section, and the renumbering the insertions need.

Imports :mod:`noai.analysis`, :mod:`noai.library`, :mod:`noai.ooxml` (paragraph model, numbers) and
:mod:`noai.planning.edit`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..analysis.audit import AuditResult, IpSection
from ..analysis.facts import continues, lettered_number, numbered_part
from ..kinds import ClauseKind, Placement
from ..library import Clause
from ..library.render import roman_lists
from ..ooxml.model import Paragraph
from ..ooxml.renumber import Renumbered, renumbered, shown_back
from ..ooxml.revisions import next_numbers, typed_number, typed_number_span
from .edit import Edit


def numbered_paragraphs(index: int, edit: Edit, source: Callable[[int, Mapping[str, Any]], int]) -> dict[int, int]:
    """How many of an ``insert_after`` edit's paragraphs (anchored at paragraph ``index``) take a number
    of their own, by the paragraph whose list they continue (``source(index, item)``: the item's
    ``like``, else the anchor); a ``continued`` paragraph takes none, nor does one whose source comes
    after the first numbered item's: it is in the list that new item opens ("10.8.1" under a new "10.8"
    copying "10.7" and "10.7.1"), which moves nothing of the document's."""
    counts: dict[int, int] = {}
    opened = None
    for item in edit.paragraphs:
        if not item.get("continued"):
            at = source(index, item)
            if opened is not None and at > opened:
                continue
            opened = at if opened is None else opened
            counts[at] = counts.get(at, 0) + 1
    return counts


def _source(index: int, item: Mapping[str, Any]) -> int:
    like = item.get("like")
    return like if isinstance(like, int) else index


def _renumbered(result: AuditResult, insertions: Sequence[Edit], struck: Collection[int] = ()) -> Renumbered:
    """The renumbering the insertions need (the writer makes it), with its inputs. ``struck``: the paragraphs the
    plan strikes whole (:func:`struck_whole`), read as gone, with their numbers."""
    inserted: dict[int, int] = {}
    for e in insertions:
        for at, count in numbered_paragraphs(e.index, e, _source).items():
            inserted[at] = inserted.get(at, 0) + count
    texts, shown = without(result.paragraphs, struck)
    return renumbered(texts, inserted, shown)


def struck_whole(paragraphs: Sequence[Paragraph], edits: Sequence[Edit]) -> list[int]:
    """The paragraphs ``edits`` strike whole, number and mark included (all their words replaced by nothing): once
    accepted they are gone, and so are their numbers (a clause the other side inserted among ours, struck)."""
    return [
        e.index
        for e in edits
        if e.op == "replace"
        and not e.replacement
        and 0 <= e.index < len(paragraphs)
        and e.start in (None, 0)
        and (e.find or "") == paragraphs[e.index].text != ""
    ]


def without(paragraphs: Sequence[Paragraph], struck: Collection[int]) -> tuple[list[str], list[str | None]]:
    """The paragraphs' texts and the numbers Word shows them with, the paragraphs ``struck`` whole read as gone:
    neither words nor a number, so no list reads on through them, and the later items of a list Word numbers show
    one number back for each of them ("(d)" -> "(c)" once the "(c)" before it is struck)."""
    texts, shown = [p.text for p in paragraphs], [p.label for p in paragraphs]
    for i in sorted(struck):
        texts[i], gone = "", paragraphs[i]
        if shown[i] is None or gone.num_id is None:
            continue
        shown[i] = None
        for j in range(i + 1, len(paragraphs)):
            q = paragraphs[j]
            if q.num_id == gone.num_id and (q.ilvl or 0) < (gone.ilvl or 0):
                break  # the list it was in ends: a number of the level above
            if q.num_id == gone.num_id and q.ilvl == gone.ilvl and (label := shown[j]) is not None:
                shown[j] = shown_back(label) or label
    return texts, shown


# The clauses on AI use: the covenant, what adapts it to a kind of work, its remedies, indemnity and transparency
_ON_AI = frozenset(
    {
        ClauseKind.NO_AI_RESTRICTION,
        ClauseKind.COVENANT_SUPPLEMENT,
        ClauseKind.AI_REMEDIES,
        ClauseKind.AI_INDEMNITY,
        ClauseKind.AI_TRANSPARENCY,
    }
)


def _decimal(label: str) -> bool:
    """A decimal clause number ("10.7", "10.7.1", "7.1."), not a list item's "(a)"."""
    parts = label.strip().removesuffix(".").split(".")
    return len(parts) > 1 and all(x.isascii() and x.isdigit() for x in parts)


def ip_clause(result: AuditResult) -> IpSection | None:
    """The IP clause new titled sub-clauses join: the audit's IP section, or where that section is itself a titled
    sub-clause ("7.1 Ownership") of a clause that is a title alone ("7. Rights", whose sub-clauses "7.2 Licence",
    "7.3 Credit" are titled too), that whole clause, so that a new one is "7.4 No AI Training" after the last of
    them, as in a clause the audit takes whole."""
    ip, paragraphs = result.ip_section, result.paragraphs
    if ip is None or not 0 <= ip.start < len(paragraphs):
        return ip
    heading = paragraphs[ip.start]
    path = heading.section_path
    number = typed_number(heading.text)
    label = (number[0] if number else heading.label or "").strip()
    if len(path) < 2 or not _title_only(heading) or not _decimal(label):
        return ip
    parent = next((j for j in range(ip.start - 1, -1, -1) if paragraphs[j].section_path == path[:-1]), None)
    if parent is None or not _title_only(paragraphs[parent]):
        return ip
    end = ip.start
    while end + 1 < len(paragraphs) and paragraphs[end + 1].section_path[: len(path) - 1] == path[:-1]:
        end += 1
    if end < ip.end:
        return ip
    return IpSection(" ".join(path[:-1][-1:]), paragraphs[parent].section_label, parent, end)


def place_clauses(result: AuditResult, clauses: Sequence[Clause]) -> tuple[list[tuple[int, Clause]], list[str]]:
    """Each clause with the paragraph its ``placement`` puts it after, in document order (so each
    new term is defined at its first use), and a note for each clause that has no place. Where the document
    has a section of its own on AI ("4. Use of Artificial Intelligence"), the clauses on AI use that would end
    the IP section go there instead (:attr:`AuditResult.ai_section`: right after its clause on training a model,
    else at its end; not into an employee's section on the employee's own AI tools); the purpose limit, the
    reservation and what binds later owners stay with the rights in the IP section."""
    placed, notes = [], []
    ip_end = result.places.get(Placement.END_OF_IP_SECTION)
    ip, whole = result.ip_section, ip_clause(result)
    for clause in clauses:
        place = result.places.get(clause.placement)  # where the clause file says it goes
        lifted = ip is not None and whole is not None and whole != ip and clause.placement != Placement.AFTER_GRANT
        if place is not None and lifted and ip is not None and whole is not None and place.index == ip.end:
            place = replace(place, index=whole.end)  # the end of "7. Rights", not of its sub-clause "7.1 Ownership"
        if place is not None and result.ai_section is not None and clause.kind in _ON_AI:
            place = result.ai_section if ip_end is not None and place.index == ip_end.index else place
        if place is None:
            notes.append(
                f"The {clause.id} clause is a separate document: it is not inserted."
                if clause.placement == Placement.SEPARATE_DOCUMENT
                else f"No place found to insert the {clause.id} clause."
            )
            continue
        index = place.index if place.like is not None else follow_on_end(result, place.index)
        placed.append((index, clause))
    # the purpose limit first where clauses share its place (a clause's end): it qualifies the grant
    placed.sort(key=lambda s: (s[0], s[1].placement != Placement.AFTER_GRANT))
    return placed, notes


def beside_its_use(
    result: AuditResult, placed: Sequence[tuple[int, Clause]], clause_id: str, use: int
) -> list[tuple[int, Clause]]:
    """``placed`` with clause ``clause_id``, inserted for its definition alone, moved to the end of the clause whose
    paragraph ``use`` uses the term where its own place is in another part of the document: "Permitted Purpose" is
    defined in Section 5, which ties a licence to it, not after a licence on the face of a purchase order above its
    signature line."""
    paragraphs = result.paragraphs
    top = paragraphs[use].section_path[:1]
    end = use
    while end + 1 < len(paragraphs) and paragraphs[end + 1].section_path[:1] == top:
        end += 1
    moved = [(end if c.id == clause_id and paragraphs[at].section_path[:1] != top else at, c) for at, c in placed]
    moved.sort(key=lambda s: (s[0], s[1].placement != Placement.AFTER_GRANT))
    return moved


_MAX_FOLLOW_ON = 2  # paragraphs a place moves past
_STOPS = frozenset({"governing_law", "signature"})  # paragraphs that never continue a clause


def follow_on_end(result: AuditResult, index: int) -> int:
    """The place after paragraph ``index`` moved past the unnumbered paragraphs that continue it, so an insertion
    never separates a paragraph from its follow-on: "Who owns what: … You get a licence to use the app …" is
    followed by "If you want to sell the app to other cafés, we'll need to agree that separately.", which refers
    back to it. A follow-on is body text in the same section, unnumbered like the anchor, with no run-in label of
    its own ("Price: …"), opening with a word that leans on what came before ("If", "But", "That") or saying
    "also", and naming something the paragraph before it names (the app); never the governing law, a signature or
    past the end of the operative terms. At most two paragraphs; ``index`` itself where none follows so."""
    paragraphs = result.paragraphs
    anchor = paragraphs[index]
    if _numbered(anchor) or anchor.in_table or anchor.is_heading:
        return index
    end = result.places.get(Placement.END_OF_DOCUMENT)
    last = end.index if end is not None else len(paragraphs) - 1
    stops = {i for f in result.findings if f.kind in _STOPS for i in range(f.start, f.end + 1)}
    moved = index
    for _ in range(_MAX_FOLLOW_ON):
        k = next((j for j in range(moved + 1, len(paragraphs)) if paragraphs[j].text.strip()), None)
        if k is None or k > last or k in stops:
            break
        q = paragraphs[k]
        if (
            _numbered(q)
            or q.in_table
            or q.is_heading
            or q.section_path != anchor.section_path
            or not continues(paragraphs[moved].text, q.text)
        ):
            break
        moved = k
    return moved


def _inner_lists(e: Edit, paragraphs: Sequence[Paragraph]) -> Edit:
    """An insertion numbered on from a lettered sub-section ("(c)" -> "(d)", "(e)" …): the inner lists of its
    paragraphs in roman numerals, so that "(a) to (g)" of its own list is never read as the document's
    sub-sections. A paragraph takes the number of its source (its ``like``, else the anchor); a continued one
    stays in the sub-section before it."""
    texts, lettered = [], False
    for item in e.paragraphs:
        if not item.get("continued"):
            at = _source(e.index, item)
            lettered = 0 <= at < len(paragraphs) and lettered_number(paragraphs[at])
        texts.append(roman_lists(item["text"]) if lettered else item["text"])
    if all(t == q["text"] for t, q in zip(texts, e.paragraphs, strict=True)):
        return e
    return replace(e, paragraphs=tuple({**q, "text": t} for q, t in zip(e.paragraphs, texts, strict=True)))


def _numbered(p: Paragraph) -> bool:
    """The paragraph shows a number: automatic (its label) or typed ("7.3 ", "(c) ")."""
    return p.label is not None or typed_number(p.text) is not None


def clause_heading(paragraphs: Sequence[Paragraph], index: int) -> int | None:
    """The heading a new clause after paragraph ``index`` copies, when the clause needs one: the
    paragraph ``index`` is unnumbered body text (not in a table) ending the clause of a heading
    that is a title alone ("3. Work Made for Hire", a bold "Intellectual Property", "2.2 Licence"),
    i.e. that clause is not divided into numbered sub-clauses the new one could join, and the
    paragraph after it (if any) starts another clause. ``None`` otherwise."""
    anchor = paragraphs[index]
    if _numbered(anchor) or anchor.in_table or anchor.is_heading or not anchor.section_path:
        return None
    heading = next(
        (
            j
            for j in range(index - 1, max(-1, index - 200), -1)
            if paragraphs[j].is_heading and paragraphs[j].section_path == anchor.section_path
        ),
        None,
    )
    if heading is None or not _title_only(paragraphs[heading]) or paragraphs[heading].in_table:
        return None
    depth = len(paragraphs[heading].section_path)
    following = next((q for q in paragraphs[index + 1 :] if q.text.strip()), None)
    if (
        following is not None
        and not (following.is_heading and len(following.section_path) <= depth)
        and following.section_path[:depth] == anchor.section_path[:depth]
    ):
        return None  # more of this clause follows: a heading here would take it in
    return heading


def _titled_sibling(paragraphs: Sequence[Paragraph], index: int, ip: IpSection | None) -> tuple[int, int] | None:
    """Where the IP clause is divided into titled sub-clauses ("10.1 Assignments …" … "10.7 Malicious
    Software", each a title alone over numbered paragraphs "10.7.1", "10.7.2") and paragraph ``index``
    ends the last of them: that sub-clause's heading and its first numbered paragraph, which a new
    clause copies ("10.8 No AI Training" over "10.8.1 …"), so it is never a sub-clause of a sub-clause on
    another subject ("10.7.4" under "Malicious Software"). ``None`` otherwise."""
    if ip is None or not ip.start <= index <= ip.end or not paragraphs[ip.start].is_heading:
        return None
    depth = len(paragraphs[ip.start].section_path) + 1  # the IP clause's own sub-clauses
    path = paragraphs[index].section_path
    if len(path) <= depth or path[: depth - 1] != paragraphs[ip.start].section_path:
        return None
    heading = next(
        (j for j in range(index, ip.start, -1) if paragraphs[j].section_path == path[:depth]),
        None,
    )
    if heading is None or heading + 1 > index or not _numbered(paragraphs[heading]):
        return None
    first = paragraphs[heading + 1]
    if not _title_only(paragraphs[heading]) or len(first.section_path) != depth + 1:
        return None
    typed = typed_number(paragraphs[heading].text), typed_number(first.text)
    if typed[0] is not None and typed[1] is not None:  # typed numbers: the plan writes "10.8" and "10.8.1" itself
        labels = (typed[0][0], typed[1][0])
    elif paragraphs[heading].label is None or typed[0] or typed[1] or first.label is None:
        return None
    else:
        labels = (paragraphs[heading].label or "", first.label or "")
    if paragraphs[heading].text.rstrip().endswith(":") or not all(_decimal(x) for x in labels):  # not "(a)" items
        return None
    return heading, heading + 1


def _sibling_paragraphs(
    paragraphs: Sequence[Paragraph], heading: int, first: int, title: str, body: Sequence[str], nth: int
) -> tuple[dict[str, Any], ...]:
    """The ``nth`` new titled sub-clause after the one headed ``heading``: its heading and body formatted like
    that heading and its ``first`` paragraph. Word numbers them; where the document types its numbers ("10.7
    Malicious Software" over "10.7.1 …"), the plan types the next ones ("10.8 No AI Training" over "10.8.1 …")."""
    head = _heading_text(title, paragraphs[heading])
    typed = typed_number(paragraphs[heading].text), typed_number(paragraphs[first].text)
    if typed[0] is None or typed[1] is None:
        label = (paragraphs[heading].label or "").strip()
        cited = _cited(body, (next_numbers(label, nth) or [""])[-1] if label else "")
        return ({"text": head, "like": heading}, *({"text": t, "like": first} for t in cited))
    number = (next_numbers(typed[0][0], nth) or [typed[0][0]])[-1]
    body = _cited(body, number)
    dot = "." if typed[1][0].endswith(".") else ""
    return (
        {"text": f"{number}{typed[0][1]}{head}", "like": heading, "continued": True},
        *(
            {"text": f"{number.rstrip('.')}.{k}{dot}{typed[1][1]}{t}", "like": first, "continued": True}
            for k, t in enumerate(body, 1)
        ),
    )


def _cited(body: Sequence[str], number: str) -> list[str]:
    """``body``, each paragraph of which takes a number of its own under the new titled sub-clause ``number``
    ("2.3" over "2.3.1" … "2.3.5"), with "this clause" citing that sub-clause ("This clause 2.3 applies …"):
    in a paragraph numbered 2.3.5 of its own, "This clause applies" would read as 2.3.5 alone."""
    number = number.strip().rstrip(".")
    if len(body) < 2 or not number:
        return list(body)
    return [numbered_part(t, number) for t in body]


def _title_only(p: Paragraph) -> bool:
    """A heading paragraph that is a title alone, after its typed number if it has one: short, no
    run-in body, no sentence ("3.<TAB>Grant of Patent License:", "INTELLECTUAL PROPERTY")."""
    span = typed_number_span(p.text)
    text = p.text[span[1] :] if span else p.text
    return p.is_heading and p.run_in_title is None and len(text.strip()) < 80 and not re.search(r"[.;:,]\s+\S", text)


def _heading_text(title: str, heading: Paragraph) -> str:
    """The new clause's heading, in capitals where the document's heading is typed in capitals."""
    letters = [c for c in heading.text if c.isalpha()]
    return title.upper() if letters and all(c.isupper() for c in letters) else title


def clause_paragraphs(
    paragraphs: Sequence[Paragraph],
    index: int,
    like: int | None,
    body: Sequence[str],
    title: str,
    titled: int,
    own_clause: bool = True,
) -> tuple[dict[str, Any], ...]:
    """The paragraph items of a clause inserted after paragraph ``index``, in the form the place
    asks for:

    - after a numbered sub-clause (or at the level of a numbered lead-in ``like``): one more
      sub-clause with one number, its first paragraph numbered and carrying the run-in title, the
      others ``continued`` (no number of their own), so the clause and its closing sentence stay
      one clause;
    - after unnumbered body text that ends a clause under a title-only heading
      (:func:`clause_heading`): a new clause, a heading paragraph styled like that heading
      (``like``; its number the next of that heading's list) followed by the body paragraphs,
      styled like the anchor; not for a clause that qualifies the clause it follows
      (``own_clause`` false: the purpose limit placed after the grant joins the grant's clause);
    - otherwise paragraphs like the anchor, the run-in title on the operative paragraph."""
    source = paragraphs[like] if like is not None else paragraphs[index]
    level = {"like": like} if like is not None else {}  # after a lead-in's list, at the lead-in's level
    follows = index + 1 < len(paragraphs) and paragraphs[index + 1].in_table == paragraphs[index].in_table
    if _numbered(source) and len(body) == 1 and (like is not None or follows):
        # one sub-clause numbered from the anchor's list, also after another clause inserted there (not
        # after the last paragraph of the body or of a cell: the writer hands the anchor's mark over there)
        return ({"text": body[0], "title": title, "like": like if like is not None else index},)
    if _numbered(source) and len(body) > 1:
        return tuple(
            {"text": text, **({"title": title} if i == 0 else {"continued": True}), **level}
            for i, text in enumerate(body)
        )
    heading = clause_heading(paragraphs, index) if like is None and own_clause else None
    if heading is not None:
        return ({"text": _heading_text(title, paragraphs[heading]), "like": heading}, *({"text": t} for t in body))
    return tuple({"text": text, **({"title": title} if i == titled else {}), **level} for i, text in enumerate(body))
