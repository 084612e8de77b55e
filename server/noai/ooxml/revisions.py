"""Tracked changes and comments written into WordprocessingML: ``w:ins``, ``w:del``, comments.

XML only, no clause knowledge. Three operations on a paragraph (``w:p``) of any story:

- :func:`insert_paragraphs_after`: new paragraphs after an anchor paragraph, formatted like it,
  their text and paragraph marks tracked insertions (``w:pPr/w:rPr/w:ins``; without it reject-all
  leaves an empty paragraph behind); before a table or at the end of a cell or the body, the
  anchor's own mark is the inserted one, as Word writes it;
- :func:`replace_text`: a range of the current text becomes ``w:del`` (``w:delText``) followed by
  ``w:ins``, runs split exactly at the range boundaries, each keeping its ``w:rPr``;
- :func:`add_comment`: ``w:commentRangeStart``/``w:commentRangeEnd`` around a range, a reference
  run (``w:commentReference``) and the ``w:comment`` in the comments part.

Author and date come from a :class:`RevisionStamp` (the engine never reads the clock); ids come
from an :class:`IdAllocator` that has seen every story part, so they never collide with the
document's own. Offsets are offsets into the current text as :func:`noai.ooxml.text.segments`
reads it (tracked deletions left out).
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from lxml import etree

from ..errors import PlanError
from . import numbering
from .ns import MC, W, qn, wattr
from .text import DELETED, IN_CURRENT, Segment, current_text, paragraph_mark_state, segments

_W = "{%s}" % W
_NSMAP = {"w": W}
_ID, _AUTHOR, _DATE, _INITIALS, _VAL = (_W + "id", _W + "author", _W + "date", _W + "initials", _W + "val")
_RSTYLE, _PSTYLE = _W + "rStyle", _W + "pStyle"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

P, R, T, TAB, BR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br")
PPR, RPR = qn("w:pPr"), qn("w:rPr")
INS, DEL, MOVE_TO, MOVE_FROM = qn("w:ins"), qn("w:del"), qn("w:moveTo"), qn("w:moveFrom")
DEL_TEXT, INSTR, DEL_INSTR, FLD_CHAR = (qn("w:delText"), qn("w:instrText"), qn("w:delInstrText"), qn("w:fldChar"))
COMMENT, COMMENTS = qn("w:comment"), qn("w:comments")
RANGE_START, RANGE_END, REFERENCE = (qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference"))
ANNOTATION_REF = qn("w:annotationRef")
_FALLBACK, _TXBX = "{%s}Fallback" % MC, qn("w:txbxContent")

# -- schema order (ECMA-376 Part 1, wml.xsd), written down once ---------------------------------

# CT_PPr: CT_PPrBase, then rPr, sectPr, pPrChange.
PPR_ORDER = tuple(
    qn("w:" + name)
    for name in (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
        "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
        "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
        "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
        "rPr sectPr pPrChange"
    ).split()
)
# CT_ParaRPr: the paragraph-mark revision marks, EG_RPrBase, rPrChange. A run's CT_RPr is the
# same without the four marks.
RPR_ORDER = tuple(
    qn("w:" + name)
    for name in (
        "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline "
        "shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz "
        "szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish "
        "oMath rPrChange"
    ).split()
)

# CT_NumPr and CT_PBdr, the other sequences a copied w:pPr holds.
NUMPR_ORDER = tuple(qn("w:" + name) for name in "ilvl numId numberingChange ins".split())
PBDR_ORDER = tuple(qn("w:" + name) for name in "top left bottom right between bar".split())
# Element -> the rank of each child the schema orders in it: what :func:`in_schema_order` sorts.
_CHILD_RANKS = {
    tag: {child: n for n, child in enumerate(order)}
    for tag, order in (
        (qn("w:pPr"), PPR_ORDER),
        (qn("w:rPr"), RPR_ORDER),
        (qn("w:numPr"), NUMPR_ORDER),
        (qn("w:pBdr"), PBDR_ORDER),
    )
}
_ORDERED_TAGS = tuple(_CHILD_RANKS)


def in_schema_order(el: etree._Element) -> etree._Element:
    """``el`` with the children of itself and of every ``w:pPr``, ``w:rPr``, ``w:numPr`` and
    ``w:pBdr`` in it put in schema order, a property given twice kept once (the last one, which
    a reader reading in order ends with); ``el`` itself is changed and returned.

    For the properties the writer builds or copies: an input's own out-of-order properties
    (``w:numId`` before ``w:ilvl``, ``w:jc`` before ``w:spacing``) are one schema error there,
    and would be one more in every paragraph or run made from them. A child the table does not
    know (another namespace's extension) stays right after the known child it followed.
    """
    for node in el.iter(*_ORDERED_TAGS):
        ranks = _CHILD_RANKS[node.tag]
        keyed, rank, ordered, last = [], -1, True, {}
        for n, child in enumerate(node):
            known = ranks.get(child.tag)
            if known is not None:
                ordered = ordered and known > rank
                rank = known
                last[known] = child
            keyed.append((rank, n, child))
        if not ordered:
            keyed.sort(key=lambda item: item[:2])
            node[:] = [child for known, _, child in keyed if ranks.get(child.tag) is None or last[known] is child]
    return el


# Paragraph properties an inserted paragraph does not take from its anchor: the section break
# and the anchor's own tracked property change, a forced page break and a text frame (the new
# clause flows on), and the paragraph-mark properties (rebuilt with our w:ins).
_PPR_NOT_COPIED = {qn("w:sectPr"), qn("w:pPrChange"), qn("w:pageBreakBefore"), qn("w:framePr"), RPR}
# What the last inserted paragraph would show on accept-all if it took the anchor's own mark.
_PPR_NOT_HANDED_OVER = (qn("w:pageBreakBefore"), qn("w:framePr"))
# Block-level siblings of a w:p that are not paragraphs: a table, a content control, custom XML,
# an embedded chunk, the body's own section properties.
_NOT_PARAGRAPHS = frozenset(qn("w:" + name) for name in "tbl sdt customXml altChunk sectPr".split())
# Run properties that are revision marks, never formatting.
_RPR_NOT_COPIED = {INS, DEL, MOVE_TO, MOVE_FROM, qn("w:rPrChange")}

# Every element whose w:id is a revision id (one id space across all story parts), and the
# elements that name a comment.
REVISION_TAGS = frozenset(
    qn("w:" + name)
    for name in (
        "ins del moveFrom moveTo moveFromRangeStart moveFromRangeEnd moveToRangeStart moveToRangeEnd "
        "customXmlInsRangeStart customXmlInsRangeEnd customXmlDelRangeStart customXmlDelRangeEnd "
        "customXmlMoveFromRangeStart customXmlMoveFromRangeEnd customXmlMoveToRangeStart "
        "customXmlMoveToRangeEnd rPrChange pPrChange sectPrChange tblPrChange tblPrExChange "
        "trPrChange tcPrChange tblGridChange cellIns cellDel cellMerge numberingChange"
    ).split()
)
COMMENT_TAGS = frozenset({COMMENT, RANGE_START, RANGE_END, REFERENCE})
_ID_TAGS = tuple(REVISION_TAGS | COMMENT_TAGS)  # lxml's iter() filters on these in C

# Characters XML 1.0 cannot hold (lxml refuses them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str, what: str) -> str:
    if _NOT_XML.search(text):
        raise PlanError(f"The {what} contains control characters that a Word document cannot hold.")
    return text


@dataclass(frozen=True, slots=True)
class RevisionStamp:
    """Who made the changes and when: ``w:author``, ``w:date`` and a comment's ``w:initials``.

    ``date`` is given by the caller; a naive datetime is taken as UTC.
    """

    author: str
    date: datetime
    initials: str | None = None
    _w_date: str = field(init=False, repr=False, compare=False)
    _marks: dict[str, etree._Element] = field(init=False, repr=False, compare=False)  # tag -> blank revision element

    def __post_init__(self) -> None:
        _xml_text(self.author, "author name")
        _xml_text(self.initials or "", "author's initials")
        date = self.date if self.date.tzinfo is None else self.date.astimezone(UTC)
        object.__setattr__(self, "_w_date", date.strftime("%Y-%m-%dT%H:%M:%SZ"))
        object.__setattr__(self, "_marks", {})

    @property
    def w_date(self) -> str:
        """``w:date`` (ST_DateTime) as Word writes it: ``2025-01-15T10:00:00Z``."""
        return self._w_date

    def mark(self, tag: str, rev_id: int) -> etree._Element:
        """A revision element (``w:ins``, ``w:del``) with id, author and date."""
        blank = self._marks.get(tag)
        if blank is None:  # copying an element is several times faster than making one
            blank = self._marks[tag] = etree.Element(
                tag, {_ID: "", _AUTHOR: self.author, _DATE: self._w_date}, nsmap=_NSMAP
            )
        el: etree._Element = blank.__copy__()  # type: ignore[attr-defined]  # lxml-stubs lack __copy__
        el.set(_ID, str(rev_id))
        return el


class IdAllocator:
    """Fresh revision and comment ids, above every id already used in the story parts.

    Revision elements (:data:`REVISION_TAGS`) share one id space across the document, headers,
    footers, footnotes, endnotes and comments; comment ids (``w:comment`` and the anchors
    naming it) are another.
    """

    def __init__(self, used_revision_ids: Iterable[int] = (), used_comment_ids: Iterable[int] = ()):
        self._next_revision = max(used_revision_ids, default=-1) + 1
        self._next_comment = max(used_comment_ids, default=-1) + 1

    @classmethod
    def from_parts(cls, parts: Mapping[str, etree._Element]) -> IdAllocator:
        """Scan the parsed story parts ``{part name: root}`` for the ids they use."""
        revision_ids: list[int] = []
        comment_ids: list[int] = []
        id_attr = qn("w:id")
        for root in parts.values():
            for el in root.iter(*_ID_TAGS):
                bucket = revision_ids if el.tag in REVISION_TAGS else comment_ids
                value = el.get(id_attr)
                if value is not None and value.strip().lstrip("-").isdigit():
                    bucket.append(int(value))
        return cls(revision_ids, comment_ids)

    def peek(self) -> tuple[int, int]:
        """The next revision id and the next comment id, not taken."""
        return self._next_revision, self._next_comment

    def revision(self) -> int:
        rev_id = self._next_revision
        self._next_revision += 1
        return rev_id

    def comment(self) -> int:
        comment_id = self._next_comment
        self._next_comment += 1
        return comment_id


# -- small builders ---------------------------------------------------------------------------


_BLANKS: dict[str, etree._Element] = {}  # tag -> an empty element, copied by _el


def _el(tag: str) -> etree._Element:
    """A new empty ``w:`` element (a copy: several times faster than making one)."""
    blank = _BLANKS.get(tag)
    if blank is None:
        blank = _BLANKS[tag] = etree.Element(tag, nsmap=_NSMAP)
    el: etree._Element = blank.__copy__()  # type: ignore[attr-defined]  # lxml-stubs lack __copy__
    return el


def _insert_ordered(parent: etree._Element, child: etree._Element, order: Sequence[str]) -> None:
    """Insert ``child`` into ``parent`` where the schema sequence ``order`` puts it."""
    rank = order.index(child.tag)
    for i, sibling in enumerate(parent):
        if sibling.tag in order and order.index(sibling.tag) > rank:
            parent.insert(i, child)
            return
    parent.append(child)


_TAB_OR_BREAK = re.compile(r"([\t\n])")


def _text_content(text: str) -> list[etree._Element]:
    """Run content for ``text``: ``w:t`` pieces, ``w:tab`` for tabs and ``w:br`` for new lines."""
    out = []
    for piece in _TAB_OR_BREAK.split(_xml_text(text, "new text")):
        if piece == "\t":
            out.append(_el(TAB))
        elif piece == "\n":
            out.append(_el(BR))
        elif piece:
            t = _el(T)
            t.text = piece
            t.set(_XML_SPACE, "preserve")
            out.append(t)
    return out


def _clean_rpr(rpr: etree._Element | None, tag: str = RPR) -> etree._Element | None:
    """A copy of run properties without revision marks (``w:ins``, ``w:rPrChange`` ...)."""
    if rpr is None:
        return None
    out = _el(tag)
    for child in rpr:
        if isinstance(child.tag, str) and child.tag not in _RPR_NOT_COPIED:
            out.append(copy.deepcopy(child))
    return in_schema_order(out) if len(out) else None


def _new_run(text: str, rpr: etree._Element | None) -> etree._Element:
    run = _el(R)
    rpr = _clean_rpr(rpr)
    if rpr is not None:
        run.append(rpr)
    run.extend(_text_content(text))
    return run


def _current_segments(p: etree._Element) -> list[tuple[int, Segment]]:
    """``(offset, segment)`` of every segment of the current text of ``p``."""
    out: list[tuple[int, Segment]] = []
    pos = 0
    for s in segments(p):
        if s.state in IN_CURRENT:
            out.append((pos, s))
            pos += len(s.text)
    return out


def _is_bold(run: etree._Element) -> bool:
    b = run.find(f"{RPR}/{_W}b")
    return b is not None and wattr(b, "val", "true") not in ("0", "false", "off")


# -- typed numbers ------------------------------------------------------------------------------

# "7.3", "7.3.", "12." (a bare "2024" only before a tab), "(c)", "(iv)", "c)", "A.", "IV."
_TYPED_NUMBER = re.compile(
    r"\s*(?P<num>\d+(?:\.\d+)+\.?|\d+(?=\t)|\((?:\d+|[A-Za-z]+)\)|(?:\d+|[A-Za-z]+)[.)]"
    r"|\d+(?:\.\d+)*[A-Z]\.|\d+(?:\.\d+)+[A-Z]|\d+[A-Z](?=\t))"  # a clause inserted between two: "5A.", "7.3A"
    r"(?P<sep>[ \t]+)(?=\S)"
)


_ROMAN_VALUES = {numbering.roman(n): n for n in range(1, 400)}


def _label_value(label: str) -> tuple[int, str] | None:
    """``(value, w:numFmt)`` of a typed label: "7" decimal, "iv" lowerRoman, "C" upperLetter,
    "aa" lowerLetter (Word's letters: a..z, aa..zz, ...). A lone "i" is read as a roman
    numeral, other lone letters as letters ("v" is the letter after "u")."""
    if label.isdigit():
        return int(label), "decimal"
    case, lower = ("upper" if label.isupper() else "lower"), label.lower()
    if lower in _ROMAN_VALUES and (len(lower) > 1 or lower == "i"):
        return _ROMAN_VALUES[lower], case + "Roman"
    if lower.isalpha() and lower.isascii() and len(set(lower)) == 1:
        return (len(lower) - 1) * 26 + ord(lower[0]) - ord("a") + 1, case + "Letter"
    return None


_NEXT_NUMBER = re.compile(r"(\(?(?:\d+\.)*)(\d+|[A-Za-z]+)(\.?\)?)")  # a prefix, the label, its closing
_SUFFIXED = re.compile(r"(\d+(?:\.\d+)*)([A-Z])(\.?)")  # "5A.", "7.3A": a clause inserted after "5.", "7.3"


def next_numbers(number: str, count: int) -> list[str] | None:
    """The ``count`` typed numbers after ``number``: "7.3" -> "7.4", "7.5"; "(c)" -> "(d)", "(e)";
    "12." -> "13.", "14."; "(iv)" -> "(v)", "(vi)" (the anchor's kind holds for the sequence).
    """
    if suffixed := _SUFFIXED.fullmatch(number):  # "5A." -> "5B.", "5C."
        base, letter, closing = suffixed.groups()
        letters = [chr(ord(letter) + k) for k in range(1, count + 1)]
        return [base + c + closing for c in letters] if not letters or letters[-1] <= "Z" else None
    m = _NEXT_NUMBER.fullmatch(number)
    found = _label_value(m[2]) if m else None
    if m is None or found is None:
        return None
    value, fmt = found
    return [m[1] + numbering.format_number(value + k, fmt) + m[3] for k in range(1, count + 1)]


def _continued(number: str) -> bool:
    """``next_numbers(number, 1) is not None``, without writing the next number."""
    if _SUFFIXED.fullmatch(number):
        return not number.rstrip(".").endswith("Z")
    m = _NEXT_NUMBER.fullmatch(number)
    return m is not None and _label_value(m[2]) is not None


def typed_number_span(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the typed number :func:`typed_number` finds at the start of ``text``."""
    m = _TYPED_NUMBER.match(text)
    if not m or not _continued(m["num"]):
        return None
    return m.span("num")


def typed_number(text: str) -> tuple[str, str] | None:
    """``(number, separator)`` when ``text`` starts with a typed number that can be continued.

    "7.3 Licence" -> ("7.3", " "); "(c)\\tThe" -> ("(c)", "\\t"); "12. Term" -> ("12.", " ").
    """
    m = _TYPED_NUMBER.match(text)
    if not m or next_numbers(m["num"], 1) is None:
        return None
    return m["num"], m["sep"]


# -- inserted paragraphs ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewParagraph:
    """A paragraph to insert: its text and, optionally, its run-in title ("No AI training").

    Given one by one (see :func:`insert_paragraphs_after`): ``source``, the paragraph whose
    formatting it copies instead of the call's; ``number``, its typed number; ``continued``, it
    continues the numbered paragraph before it (one clause, one number): no number of its own,
    typed or automatic (``unnumber`` turns off the numbering it would copy), its text at the left
    indent of that clause's text (``indent`` twips, when the numbering level gives it)."""

    text: str
    title: str | None = None
    source: etree._Element | None = None
    number: str | None = None
    continued: bool = False
    unnumber: bool = False
    indent: int | None = None
    title_source: etree._Element | None = None  # whose run-in title's run ``title`` copies, where the source has none
    lead: str | None = None  # the term the text opens with, set as the source's bold term ("**Developer IP** means")

    @property
    def own(self) -> bool:
        """Whether the caller set this paragraph's formatting itself."""
        return self.source is not None or self.number is not None or self.continued


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where an anchor paragraph's typed number, run-in title and body text start."""

    number: tuple[str, str] | None  # typed number and separator: ("7.3", " ")
    number_run: etree._Element | None
    title_run: etree._Element | None
    title_punct: str  # "." when the anchor's bold title run includes its full stop
    body_run: etree._Element | None
    lead_run: etree._Element | None = None  # a bold term the text opens with, no stop after it ("**X** means …")
    after_lead: etree._Element | None = None  # the run of the text after that term


def _layout(p: etree._Element) -> _Layout:
    """Read the anchor: typed number, bold run-in title ("**Licence.** The ...") and body run."""
    segs = _current_segments(p)
    text = "".join(s.text for _, s in segs)

    def run_at(offset: int) -> etree._Element | None:
        return next((s.run for start, s in segs if start + len(s.text) > offset), None)

    number = typed_number(text)
    offset = text.index(number[0]) + len(number[0]) + len(number[1]) if number else 0
    number_run = run_at(text.index(number[0])) if number else None
    while offset < len(text) and text[offset].isspace():
        offset += 1
    title_run, title_punct = None, ""
    end = offset
    for start, s in segs:
        if start + len(s.text) <= offset:
            continue
        if not _is_bold(s.run):
            break
        end = start + len(s.text)
    title, rest = text[offset:end].rstrip(), text[end:].lstrip()
    lead_run = after_lead = None
    if title and len(title) <= 120 and rest and (title[-1] in ".:" or rest[0] in ".:"):
        title_run, title_punct = run_at(offset), "." if title[-1] in ".:" else ""
        offset = end
        while offset < len(text) and (text[offset].isspace() or text[offset] in ".:"):
            offset += 1
    elif title and len(title) <= 80 and rest[:1].isalpha():  # "**Developer IP** means …": a bold term, then text
        lead_run, after_lead = run_at(offset), run_at(end)
    body_run = next((run for run in (run_at(offset), run_at(0), p.find(f".//{R}")) if run is not None), None)
    return _Layout(number, number_run, title_run, title_punct, body_run, lead_run, after_lead)


def _run_rpr(run: etree._Element | None) -> etree._Element | None:
    return None if run is None else run.find(RPR)


def _new_paragraph_ppr(source: etree._Element, stamp: RevisionStamp, ids: IdAllocator) -> etree._Element:
    """``w:pPr`` copied from ``source`` (see :data:`_PPR_NOT_COPIED`) with the mark's ``w:ins``."""
    ppr = _el(PPR)
    old = source.find(PPR)
    if old is not None:
        for child in old:
            if child.tag in PPR_ORDER and child.tag not in _PPR_NOT_COPIED:
                ppr.append(copy.deepcopy(child))
    mark_rpr = _clean_rpr(old.find(RPR) if old is not None else None)
    mark_rpr = _el(RPR) if mark_rpr is None else mark_rpr
    mark_rpr.insert(0, stamp.mark(INS, ids.revision()))
    in_schema_order(ppr)  # the anchor's own order may be wrong: not ours to copy
    _insert_ordered(ppr, mark_rpr, PPR_ORDER)
    return ppr


def _paragraph_runs(item: NewParagraph, layout: _Layout, number: str | None) -> list[etree._Element]:
    runs = []
    body = item.text
    if number is not None:
        runs.append(_new_run(number, _run_rpr(layout.number_run)))
    if item.title and layout.title_run is not None:
        if body.startswith(item.title):
            body = body[len(item.title) :]
        body = body.lstrip(".: ")
        runs.append(_new_run(item.title + layout.title_punct, _run_rpr(layout.title_run)))
        body = ("" if layout.title_punct else ".") + " " + body
    body_run = layout.body_run
    if item.lead and not item.title and layout.lead_run is not None and body.startswith(item.lead):
        runs.append(_new_run(item.lead, _run_rpr(layout.lead_run)))  # the term, set as the source sets its own
        body = body[len(item.lead) :]
        body_run = layout.after_lead if layout.after_lead is not None else body_run
    runs.append(_new_run(body, _run_rpr(body_run)))
    return runs


def _continue_clause(ppr: etree._Element, item: NewParagraph) -> None:
    """Make a copied ``w:pPr`` that of a paragraph continuing the clause before it: no numbering
    (``w:numId`` 0 where the copy would be numbered), no hanging or first-line indent, its left
    indent ``item.indent`` when given."""
    if item.unnumber:
        for old in ppr.findall(qn("w:numPr")):
            ppr.remove(old)
        num_pr = _el(qn("w:numPr"))
        num_id = _el(qn("w:numId"))
        num_id.set(qn("w:val"), "0")
        num_pr.append(num_id)
        _insert_ordered(ppr, num_pr, PPR_ORDER)
    ind = ppr.find(qn("w:ind"))
    if ind is None and item.indent is not None:
        ind = _el(qn("w:ind"))
        _insert_ordered(ppr, ind, PPR_ORDER)
    if ind is not None:
        for name in ("hanging", "firstLine", "hangingChars", "firstLineChars", *(("start",) if item.indent else ())):
            if qn("w:" + name) in ind.attrib:
                del ind.attrib[qn("w:" + name)]
        if item.indent is not None:
            ind.set(qn("w:left"), str(item.indent))


def ends_paragraphs(p: etree._Element) -> bool:
    """Whether ``p`` is the last paragraph of its run (see :func:`_ends_paragraphs`)."""
    return _ends_paragraphs(p)


def _ends_paragraphs(p: etree._Element) -> bool:
    """No ``w:p`` follows ``p`` in its container before a table (``w:tbl``), a content control,
    the body's ``w:sectPr`` or the end of its cell or body."""
    for sibling in p.itersiblings():
        if sibling.tag == P:
            return False
        if sibling.tag in _NOT_PARAGRAPHS:
            return True
    return True


def _hands_over_its_mark(p: etree._Element, holder: etree._Element, copies: bool) -> bool:
    """Whether an insertion after ``p`` is written the way Word writes it (see
    :func:`insert_paragraphs_after`): only where the usual arrangement does not reject cleanly,
    i.e. ``p`` ends its run of paragraphs, or the paragraph after it is formatted otherwise than
    ``holder`` (the paragraph with the anchor's own mark: another style or list level; LibreOffice's
    reject-all would give it the formatting of the rejected paragraph before it, see
    :func:`_formatted_alike`), and only when the last new paragraph may take ``holder``'s original
    ``w:pPr`` as it is (it ``copies`` the anchor's formatting, which has no forced page break or
    text frame)."""
    ppr = holder.find(PPR)
    if not copies or (ppr is not None and any(ppr.find(tag) is not None for tag in _PPR_NOT_HANDED_OVER)):
        return False
    if _ends_paragraphs(p):
        return True
    following = next((q for q in p.itersiblings() if q.tag == P), None)  # not after a section break of p's
    assert following is not None  # p does not end its run of paragraphs
    return (ppr is None or ppr.find(qn("w:sectPr")) is None) and not _formatted_alike(holder, following)


def _formatted_alike(p: etree._Element, q: etree._Element) -> bool:
    """``p`` and ``q`` have the same paragraph properties (style, numbering, indents ...; their marks'
    run properties, revisions and section breaks aside). A paragraph inserted after ``p`` in ``p``'s
    formatting, its own mark marked inserted, is then rejected by LibreOffice without changing ``q``:
    LibreOffice joins the rejected paragraph's mark with ``q`` and keeps the rejected paragraph's
    formatting where a comment is anchored in it (Word keeps ``q``'s)."""

    def key(el: etree._Element) -> list[bytes]:
        ppr = el.find(PPR)
        kept = [] if ppr is None else [c for c in ppr if c.tag not in _PPR_NOT_COPIED]
        return sorted(etree.tostring(c, with_tail=False) for c in kept)

    return key(p) == key(q)


def insert_paragraphs_after(
    p: etree._Element,
    paragraphs: Sequence[str | NewParagraph],
    stamp: RevisionStamp,
    ids: IdAllocator,
    *,
    style_source: etree._Element | None = None,
    numbers: Sequence[str] | None = None,
    holder: etree._Element | None = None,
    anchor: etree._Element | None = None,
) -> list[etree._Element]:
    """Insert tracked paragraphs right after ``p`` (same parent: body, cell or ``w:sdtContent``).

    Each new ``w:p`` has its runs in one ``w:ins`` and its paragraph mark marked inserted
    (``w:pPr/w:rPr/w:ins``), so reject-all removes it completely (for the last one, see below
    where ``p`` ends its run of paragraphs). It copies the formatting source's paragraph
    properties (``w:pStyle``, ``w:numPr``, ``w:ind``, ``w:spacing``, ``w:jc`` ...; not
    ``w:sectPr``, ``w:pPrChange``, ``w:pageBreakBefore``, ``w:framePr``) so an auto-numbered
    anchor's list continues ("7.4" in Word), and the run formatting of the anchor's
    number, run-in title and body text. The formatting source is ``p`` unless ``style_source``
    is given: the caller decides, e.g. passing the first body paragraph of a section when the
    anchor ``p`` is its heading (copying a heading's style would make the clause a heading).

    When the formatting source is ``p`` and ``p`` starts with a typed number ("7.3 ", "(c)\\t",
    "12. "), the new paragraphs get the next ones ("7.4 ", "(d)\\t", "13. "), or ``numbers`` (one
    a paragraph) when the caller reads the list better (:func:`noai.ooxml.renumber.renumber`: "(j)"
    after a letter "(i)"); the typed numbers after them are the caller's to move. A paragraph's
    ``title`` is written as a bold run followed by ". " when the source has such a run-in title.

    Where ``p`` is the last paragraph before a table or of its cell or body, rejecting a last
    paragraph whose own mark is inserted would have to join it with what follows, which
    LibreOffice cannot do (an empty paragraph stays). There the insertion is written as Word
    writes it: ``p``'s mark becomes the inserted one (``p`` gets the new paragraphs' ``w:pPr``,
    which is its own without ``w:sectPr`` and ``w:pPrChange``) and the last new paragraph ends on
    ``p``'s original mark (its ``w:pPr`` as it was, section break and revisions included), so
    reject-all joins ``p``'s text with nothing and gives ``p`` back exactly. So it is written too
    where the paragraph after ``p`` is formatted otherwise (LibreOffice's reject-all would give that
    paragraph the formatting of the last rejected one when a comment is anchored in it).

    After earlier insertions after the same ``anchor`` (``p`` is then the last paragraph inserted),
    ``holder`` is the paragraph that holds the anchor's own mark (the anchor, or the last paragraph
    it was handed over to), and the last new paragraph takes it from there when it copies the anchor
    and ``holder`` is ``p``. So each clause inserted stays a whole of its own: rejecting it alone
    joins the paragraph before it with its own mark, formatted as the anchor.
    """
    source = p if style_source is None else style_source
    items = [NewParagraph(item) if isinstance(item, str) else item for item in paragraphs]
    layout = _layout(source)
    labels: list[str | None] = [None] * len(items)
    sources = [item.source if item.source is not None else source for item in items]
    layouts = {id(el): _layout(el) for el in sources if el is not source}
    layouts[id(source)] = layout
    if any(item.own for item in items):  # the caller's formatting, paragraph by paragraph
        for k, (item, el) in enumerate(zip(items, sources, strict=True)):
            typed = layouts[id(el)].number
            if item.number is not None and not item.continued:
                labels[k] = item.number + (typed[1] if typed else " ")
    elif layout.number is not None and (
        style_source is None or numbers
    ):  # numbers: the caller's, for the source's list
        number, separator = layout.number
        if numbers is None or len(numbers) != len(items):
            numbers = next_numbers(number, len(items))  # not None: typed_number checked it
        labels = [label + separator for label in numbers or ()]
    if holder is None or (sources[-1] is p and _ends_paragraphs(p)):
        holder = p  # the last paragraph of its run hands its own mark over
    copies = sources[-1] is holder or (anchor is not None and sources[-1] is anchor)
    # only the mark of the paragraph the new ones follow: were another clause of ours between, rejecting
    # ours alone would join the anchor's text with that clause
    hand_over = holder is p and not items[-1].continued and _hands_over_its_mark(p, holder, copies)
    change_over = holder is p and not hand_over and _changes_over_its_mark(p, holder)
    new: list[etree._Element] = []
    anchor = p
    for item, label, el_source in zip(items, labels, sources, strict=True):
        el = _el(P)
        ppr = _new_paragraph_ppr(el_source, stamp, ids)
        if item.continued:
            _continue_clause(ppr, item)
        el.append(ppr)
        ins = stamp.mark(INS, ids.revision())
        layout_of = layouts[id(el_source)]
        if item.title and layout_of.title_run is None and item.title_source is not None:
            titled = _layout(item.title_source)  # "(c) **No AI Training.** …" under "3. **Ownership.** …"
            layout_of = replace(layout_of, title_run=titled.title_run, title_punct=titled.title_punct)
        ins.extend(_paragraph_runs(item, layout_of, label))
        el.append(ins)
        anchor.addnext(el)
        anchor = el
        new.append(el)
    if hand_over:
        original = holder.find(PPR)
        holder.insert(0, new[-1][0])  # the new paragraph's w:pPr, appended first above
        if original is not None:
            new[-1].insert(0, original)
    elif change_over:
        _change_over(holder, new[-1], stamp, ids)
    return new


def _changes_over_its_mark(p: etree._Element, holder: etree._Element) -> bool:
    """Whether an insertion after ``p`` whose last paragraph is formatted otherwise than ``holder`` (the
    paragraph with the anchor's own mark) is written as Word writes a new paragraph whose formatting was
    then changed (:func:`_change_over`): where the paragraph after ``p`` is empty and formatted otherwise
    than ``holder``. LibreOffice's reject-all joins the last rejected paragraph into an empty next one
    keeping the rejected paragraph's formatting, whatever the marks say; with ``holder``'s text ending on
    an inserted mark formatted as before, the rejected paragraphs join ``holder`` instead."""
    ppr = holder.find(PPR)
    if ppr is not None and any(ppr.find(tag) is not None for tag in (*_PPR_NOT_HANDED_OVER, qn("w:sectPr"))):
        return False
    if _ends_paragraphs(p):
        return False
    following = next((q for q in p.itersiblings() if q.tag == P), None)
    return (
        following is not None
        and not any((t.text or "").strip() for t in following.iter(qn("w:t")))
        and not _formatted_alike(holder, following)
    )


def _change_over(holder: etree._Element, last: etree._Element, stamp: RevisionStamp, ids: IdAllocator) -> None:
    """``holder``'s text ends on an inserted mark formatted as before, and the ``last`` paragraph inserted
    after it on ``holder``'s original mark (the same ``w:pPr`` element, so it stays the anchor's mark):
    the last paragraph's own formatting, ``holder``'s recorded in a ``w:pPrChange``. Word's reject-all
    then gives ``holder`` its text and formatting back; LibreOffice's keeps the formatting of the first
    paragraph of the join, ``holder``'s copy."""
    original = holder.find(PPR)
    if original is None:
        original = _el(PPR)
        holder.insert(0, original)
    holder.replace(original, _new_paragraph_ppr(holder, stamp, ids))  # a copy of its properties, mark inserted
    own = last.find(PPR)
    assert own is not None  # every inserted paragraph has one
    before = original.find(qn("w:pPrChange"))  # a change of formatting already recorded: still the original
    if before is None:
        before = stamp.mark(qn("w:pPrChange"), ids.revision())
        old = _el(PPR)
        old.extend(copy.deepcopy(c) for c in original if c.tag in PPR_ORDER and c.tag not in _PPR_NOT_COPIED)
        before.append(old)
    mark = original.find(RPR)
    for child in list(original):
        original.remove(child)
    for child in list(own):
        if child.tag != RPR:
            original.append(child)
    if mark is not None:
        original.append(mark)
    original.append(before)
    last.replace(own, original)


# -- runs of a range ----------------------------------------------------------------------------

# Markers that may sit between the runs of one deletion and move into it with them.
_MARKERS = {qn("w:proofErr"), qn("w:bookmarkStart"), qn("w:bookmarkEnd")}
# Containers whose runs are not the paragraph's own text, or are already deleted.
_NOT_OWN = {P, R, DEL, MOVE_FROM, _FALLBACK, _TXBX}


def parent_of(el: etree._Element) -> etree._Element:
    """``el``'s parent, for an element that has one (one in a paragraph or the body)."""
    parent = el.getparent()
    assert parent is not None
    return parent


def _next(el: etree._Element) -> etree._Element:
    """``el``'s next sibling, where the caller has just put one there."""
    following = el.getnext()
    assert following is not None
    return following


def _split_run_before(el: etree._Element) -> etree._Element:
    """Split the ``w:r`` holding ``el`` so that ``el`` starts a run (same ``w:rPr``); that run."""
    run = parent_of(el)
    previous = el.getprevious()
    if previous is None or previous.tag == RPR:
        return run
    new = run.makeelement(R, run.attrib)  # type: ignore[arg-type]  # lxml-stubs: an _Attrib is a mapping
    rpr = run.find(RPR)
    if rpr is not None:
        new.append(in_schema_order(copy.deepcopy(rpr)))
    moving: etree._Element | None = el
    while moving is not None:
        following = moving.getnext()
        new.append(moving)
        moving = following
    run.addnext(new)
    return new


def _cut(segs: list[tuple[int, Segment]], offset: int) -> None:
    """Make ``offset`` of a paragraph's current text (its :func:`_current_segments`) a run
    boundary, splitting a ``w:t``. The segments before the first one past ``offset`` stay
    valid (a ``w:t`` cut keeps its element and run, only its text gets shorter)."""
    for start, s in segs:
        if start == offset:
            _split_run_before(s.element)
            return
        if start < offset < start + len(s.text):  # only a w:t holds more than one character
            t = s.element
            rest = _el(T)
            text = t.text or ""  # not s.text: a cut at the range's end may have shortened it
            rest.text, t.text = text[offset - start :], text[: offset - start]
            for piece in (t, rest):
                piece.set(_XML_SPACE, "preserve")
            t.addnext(rest)
            _split_run_before(rest)
            return


def _isolate(p: etree._Element, start: int, end: int) -> list[Segment]:
    """Split runs at ``start`` and ``end``; the segments of the range, in order."""
    segs = _current_segments(p)
    text_length = segs[-1][0] + len(segs[-1][1].text) if segs else 0
    if not 0 <= start < end <= text_length:
        raise PlanError(f"The range {start}-{end} is outside the paragraph ({text_length} characters).")
    _cut(segs, end)
    _cut(segs, start)  # start < end: the cut at end left the segments up to it as they were
    return [s for pos, s in _current_segments(p) if start <= pos < end]


def _own_runs(p: etree._Element) -> Iterator[etree._Element]:
    """The paragraph's own ``w:r`` elements in order: not deleted, not in text boxes or fallbacks."""
    for run in p.iter(R):
        parent = parent_of(run)
        while parent is not p and parent.tag not in _NOT_OWN:
            parent = parent_of(parent)
        if parent is p:
            yield run


def _runs_between(p: etree._Element, first: etree._Element, last: etree._Element) -> list[etree._Element]:
    """The runs from ``first`` to ``last`` that a deletion may take.

    Left out: runs of a field whose begin or end lies outside (a half-deleted field breaks),
    and runs holding someone's ``w:commentReference``.
    """
    runs: list[etree._Element] = []
    for run in _own_runs(p):
        if run is first or runs:
            runs.append(run)
        if run is last:
            break
    whole: set[int] = set()
    open_fields: list[int] = []
    for i, run in enumerate(runs):
        for fld in run.iter(FLD_CHAR):
            kind = wattr(fld, "fldCharType")
            if kind == "begin":
                open_fields.append(i)
            elif kind == "end" and open_fields:
                whole.update(range(open_fields.pop(), i + 1))
    return [
        run
        for i, run in enumerate(runs)
        if run.find(REFERENCE) is None and (i in whole or (run.find(FLD_CHAR) is None and run.find(INSTR) is None))
    ]


def _sibling_groups(runs: Iterable[etree._Element]) -> list[list[etree._Element]]:
    """Runs grouped into stretches of adjacent siblings (markers in between join the stretch)."""
    groups: list[list[etree._Element]] = []
    for run in runs:
        if groups:
            between: list[etree._Element] = []
            sibling = groups[-1][-1].getnext()
            while sibling is not None and sibling is not run and sibling.tag in _MARKERS:
                between.append(sibling)
                sibling = sibling.getnext()
            if sibling is run:
                groups[-1].extend([*between, run])
                continue
        groups.append([run])
    return groups


def _lift_out_of_insertions(el: etree._Element, ids: IdAllocator) -> None:
    """Move ``el`` out of the ``w:ins`` around it, splitting that insertion in two if needed.

    The second half keeps the author and date of the original (it is still their insertion)
    under a fresh id; ``el`` stays between the halves.
    """
    while parent_of(el).tag == INS:
        container = parent_of(el)
        tail = list(el.itersiblings())
        if tail:
            second = container.makeelement(container.tag, container.attrib)  # type: ignore[arg-type]  # as above
            second.set(qn("w:id"), str(ids.revision()))
            second.extend(tail)
            container.addnext(second)
        container.addnext(el)


def replace_text(
    p: etree._Element,
    start: int,
    end: int,
    new_text: str,
    stamp: RevisionStamp,
    ids: IdAllocator,
    insert_first: bool = False,
) -> tuple[list[etree._Element], etree._Element | None]:
    """Replace ``[start, end)`` of the current text of ``p`` by ``new_text`` as tracked changes.

    The replaced runs, split exactly at the boundaries and each keeping its ``w:rPr``, go into
    ``w:del`` (``w:t`` -> ``w:delText``, ``w:instrText`` -> ``w:delInstrText``), one per stretch
    of sibling runs: a range crossing a ``w:hyperlink`` or another author's ``w:ins`` gets a
    ``w:del`` inside it (never ``w:del`` in ``w:del``); text already deleted stays as it is.
    ``new_text`` follows in one ``w:ins`` run with the formatting of the first replaced run,
    placed after the last deletion that shares the first one's parent (``insert_first``: before the first
    deletion), and lifted out of another author's ``w:ins`` (never ``w:ins`` in ``w:ins``). Returns
    ``(deletions, insertion)`` (``insertion`` is None when ``new_text`` is empty).
    """
    in_range = _isolate(p, start, end)
    first_run = in_range[0].run
    groups = _sibling_groups(_runs_between(p, first_run, in_range[-1].run))
    if not groups:
        raise PlanError("The text to replace is made only of field or comment markers.")
    deletions: list[etree._Element] = []
    for group in groups:
        deletion = stamp.mark(DEL, ids.revision())
        group[0].addprevious(deletion)
        deletion.extend(group)
        for el in deletion.iter(T, INSTR):
            el.tag = DEL_TEXT if el.tag == T else DEL_INSTR
        deletions.append(deletion)
    if not new_text:
        return deletions, None
    insertion = stamp.mark(INS, ids.revision())
    insertion.append(_new_run(new_text, first_run.find(RPR)))
    if insert_first:
        deletions[0].addprevious(insertion)
    else:
        home = [d for d in deletions if d.getparent() is deletions[0].getparent()][-1]
        home.addnext(insertion)
    _lift_out_of_insertions(insertion, ids)
    return deletions, insertion


def insert_beside(
    p: etree._Element,
    start: int,
    end: int,
    new_text: str,
    stamp: RevisionStamp,
    ids: IdAllocator,
    before: bool = False,
) -> etree._Element:
    """Insert ``new_text`` as a tracked insertion right after ``[start, end)`` of the current text of ``p``
    (``before``: right before it), in the formatting of the run it follows (precedes): the words of the range
    stay as they are, not struck and written again ("Title" + ", provided that …"). Returns the insertion."""
    in_range = _isolate(p, start, end)
    run = in_range[0 if before else -1].run
    insertion = stamp.mark(INS, ids.revision())
    insertion.append(_new_run(new_text, run.find(RPR)))
    if before:
        run.addprevious(insertion)
    else:
        run.addnext(insertion)
    _lift_out_of_insertions(insertion, ids)
    return insertion


def delete_mark(p: etree._Element, stamp: RevisionStamp, ids: IdAllocator, inserted: bool = False) -> bool:
    """Mark the paragraph mark of ``p`` deleted (``w:pPr/w:rPr/w:del``), as Word does when a whole
    paragraph is deleted: accepting joins what is left of it (nothing, once its text is deleted too) to the
    next paragraph; rejecting restores it. Only where another paragraph follows in the same story or cell (the
    last paragraph's mark cannot go) and the mark carries no revision yet; ``inserted``: or only an insertion (a
    paragraph the other side added, whose mark the one before it cannot take over: the mark is then theirs and
    deleted by us, ``w:ins`` then ``w:del``, as Word writes it, and goes whichever way the changes go). Returns
    whether it did."""
    after = p.getnext()
    while after is not None and after.tag in (RANGE_START, RANGE_END, qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
        after = after.getnext()
    if after is None or after.tag != P:
        return False
    ppr = p.find(PPR)
    if ppr is None:
        ppr = _el(PPR)
        p.insert(0, ppr)
    rpr = ppr.find(RPR)
    if rpr is None:
        rpr = _el(RPR)
        _insert_ordered(ppr, rpr, PPR_ORDER)
    if any(rpr.find(tag) is not None for tag in (DEL, MOVE_TO, MOVE_FROM)):
        return False
    theirs = rpr.find(INS)
    if theirs is not None and not inserted:
        return False
    if theirs is not None:
        theirs.addnext(stamp.mark(DEL, ids.revision()))
    else:
        rpr.insert(0, stamp.mark(DEL, ids.revision()))
    return True


_BETWEEN_PARAGRAPHS = frozenset({RANGE_START, RANGE_END, qn("w:bookmarkStart"), qn("w:bookmarkEnd")})
_SECT_PR, _PPR_CHANGE = qn("w:sectPr"), qn("w:pPrChange")


def _next_paragraph(p: etree._Element, forward: bool = True) -> etree._Element | None:
    """The ``w:p`` next to ``p`` in its story or cell (after it, or before it), across bookmarks and comment ranges
    only: None at the story's edge or at a table."""
    el = p.getnext() if forward else p.getprevious()
    while el is not None and (not isinstance(el.tag, str) or el.tag in _BETWEEN_PARAGRAPHS):
        el = el.getnext() if forward else el.getprevious()
    return el if el is not None and el.tag == P else None


def _looks(p: etree._Element) -> bytes | None:
    """The paragraph properties of ``p`` without its mark's run properties (and their revisions); None when the
    paragraph ends a section (its mark carries the section break)."""
    ppr = p.find(PPR)
    if ppr is None:
        return b""
    if ppr.find(_SECT_PR) is not None:
        return None
    kept = copy.deepcopy(ppr)
    for child in [c for c in kept if c.tag in (RPR, _PPR_CHANGE)]:
        kept.remove(child)
    return etree.tostring(kept) if len(kept) else b""


def delete_mark_before(p: etree._Element, stamp: RevisionStamp, ids: IdAllocator) -> bool:
    """For ``p`` struck whole when its own mark cannot go (the last paragraph of its story or cell, one before a
    table) or is deleted already (it stands in for a struck paragraph after it): delete the mark of the nearest
    paragraph before it whose mark still stands, as Word does when a selection runs from the end of the previous
    paragraph to the end of the document. Accept-all then joins that paragraph with the struck ones after it and
    leaves no empty paragraph; reject-all restores every mark. Only where every paragraph from ``p`` to the one
    whose mark stays is empty once accepted, and that one looks like the paragraph joined to it (the same
    paragraph properties, no section break), so the paragraph left keeps its look whichever mark Word keeps.
    A heading may be the paragraph joined ("2. Training" then ends the document): the reader of the document
    with the changes shown opens no section at it, as at any paragraph whose mark is deleted. Returns whether
    it did."""
    last = p
    while paragraph_mark_state(last) == DELETED and (after := _next_paragraph(last)) is not None:
        if current_text(last).strip():
            return False
        last = after
    if current_text(last).strip() or paragraph_mark_state(last) == DELETED:
        return False
    before = _next_paragraph(p, forward=False)
    while before is not None and paragraph_mark_state(before) == DELETED:
        before = _next_paragraph(before, forward=False)
    if before is None or (looks := _looks(before)) is None or looks != _looks(last):
        return False
    return delete_mark(before, stamp, ids)


def joined_into(p: etree._Element) -> etree._Element:
    """The paragraph ``p`` runs on into once accepted when its mark is deleted for paragraphs after it that are
    struck whole (:func:`delete_mark_before`): the first of them whose mark stands. ``p`` itself when it has no
    text left (struck whole, it joins what follows) or its mark stands. Paragraphs inserted "after ``p``" go after
    that one: between ``p`` and the paragraphs joined to it, ``p`` would run on into the first paragraph inserted."""
    if paragraph_mark_state(p) != DELETED or not current_text(p).strip():
        return p
    last = p
    while paragraph_mark_state(last) == DELETED:
        after = _next_paragraph(last)
        if after is None or current_text(after).strip():
            return p  # a paragraph with text left: a join of words, not of struck paragraphs
        last = after
    return last


# -- comments -----------------------------------------------------------------------------------


def new_comments_root() -> etree._Element:
    """An empty ``w:comments`` part root."""
    return _el(COMMENTS)


_STYLE, _NAME = qn("w:style"), qn("w:name")
_COMMENT_STYLE_NAMES = ("annotation reference", "annotation text")


def comment_style_ids(styles_root: etree._Element | None) -> tuple[str | None, str | None]:
    """Ids of the built-in "annotation reference" and "annotation text" styles, when defined."""
    found: dict[str, str | None] = {}
    if styles_root is not None:
        for name in styles_root.iter(_NAME):  # a style's first w:name names it
            key = (wattr(name, "val", "") or "").lower()
            if key in _COMMENT_STYLE_NAMES and key not in found:
                style = parent_of(name)
                if style.tag == _STYLE and style.find(_NAME) is name:
                    found[key] = wattr(style, "styleId")
    return found.get("annotation reference"), found.get("annotation text")


def _styled(tag: str, style_tag: str, style_id: str | None) -> etree._Element:
    """``w:r``/``w:p`` with ``w:rPr/w:rStyle`` or ``w:pPr/w:pStyle`` when ``style_id`` is set."""
    el: etree._Element = _styled_blank(tag, style_tag, style_id).__copy__()  # type: ignore[attr-defined]  # as in _el
    return el


@functools.lru_cache(maxsize=64)
def _styled_blank(tag: str, style_tag: str, style_id: str | None) -> etree._Element:
    el = _el(tag)
    if style_id:
        props = etree.SubElement(el, RPR if tag == R else PPR)
        etree.SubElement(props, style_tag).set(_VAL, style_id)
    return el


def add_comment_around(
    first: etree._Element,
    last: etree._Element,
    text: str,
    stamp: RevisionStamp,
    ids: IdAllocator,
    comments_root: etree._Element,
    *,
    reference_style: str | None = None,
    text_style: str | None = None,
) -> int:
    """Comment on everything from element ``first`` to element ``last`` (they may be in
    different paragraphs); returns the comment id.

    ``w:commentRangeStart`` goes before ``first``, ``w:commentRangeEnd`` and the reference run
    (``w:r/w:commentReference``, styled ``reference_style``) after ``last``; the ``w:comment``
    (author, date, initials; one ``w:p`` per line of ``text``) is appended to ``comments_root``.
    """
    comment_id = str(ids.comment())
    range_start, range_end = _el(RANGE_START), _el(RANGE_END)
    range_start.set(_ID, comment_id)
    range_end.set(_ID, comment_id)
    first.addprevious(range_start)
    last.addnext(range_end)
    reference = _styled(R, _RSTYLE, reference_style)
    etree.SubElement(reference, REFERENCE, {_ID: comment_id})
    range_end.addnext(reference)

    comment = comment_element(text, stamp, reference_style=reference_style, text_style=text_style)
    comment.set(_ID, comment_id)
    comments_root.append(comment)
    return int(comment_id)


def reference_to_next_paragraph(p: etree._Element, stamp: RevisionStamp, ids: IdAllocator) -> bool:
    """Move the comment range end and reference run that end inserted paragraph ``p`` (its own mark inserted) to
    the start of the paragraph after it, in a ``w:ins`` of its own (after the reference runs moved
    there before), where that paragraph has text and is formatted otherwise than ``p``; whether it moved.

    LibreOffice puts a comment's annotation character at its range end, out of the tracked insertion, so on
    reject-all the character stays and the rejected paragraph holding it keeps its own formatting when
    it is joined with the paragraph after it (Word keeps the next one's). After ``p``'s mark, as Word
    writes a comment whose range takes in a paragraph mark, the character stays in a paragraph that
    keeps its formatting either way; Word removes the inserted reference, and the comment, on reject."""
    following = p.getnext()
    reference = p[-1][-1] if len(p) and p[-1].tag == INS and len(p[-1]) else None
    if (
        following is None
        or following.tag != P
        or reference is None
        or reference.find(REFERENCE) is None
        or not any(t.text for t in following.iter(T))  # an empty paragraph would look all ours
        or _formatted_alike(p, following)
    ):
        return False
    range_end = reference.getprevious()
    ins = stamp.mark(INS, ids.revision())
    ins.append(reference)
    at = 1 if len(following) and following[0].tag == PPR else 0
    while at < len(following) and (following[at].tag == RANGE_END or _moved_reference(following[at])):
        at += 1
    following.insert(at, ins)
    if range_end is not None and range_end.tag == RANGE_END:
        ins.addprevious(range_end)
    return True


def _moved_reference(el: etree._Element) -> bool:
    """``el`` is a ``w:ins`` holding a comment reference run alone (see :func:`reference_to_next_paragraph`)."""
    return el.tag == INS and len(el) == 1 and el[0].tag == R and el[0].find(REFERENCE) is not None


def comment_element(
    text: str, stamp: RevisionStamp, *, reference_style: str | None = None, text_style: str | None = None
) -> etree._Element:
    """A ``w:comment`` (author, date, initials; one ``w:p`` per line of ``text``, the first with the
    annotation reference), its ``w:id`` left empty for the caller."""
    attributes = {_ID: "", _AUTHOR: stamp.author, _DATE: stamp.w_date}  # w:id first, as before; set by the caller
    if stamp.initials:
        attributes[_INITIALS] = stamp.initials
    comment = etree.Element(COMMENT, attributes, nsmap=_NSMAP)
    lines = [line for line in _xml_text(text, "comment").splitlines() if line.strip()] or [""]
    for i, line in enumerate(lines):
        para = _styled(P, _PSTYLE, text_style)
        if i == 0:
            annotation = _styled(R, _RSTYLE, reference_style)
            etree.SubElement(annotation, ANNOTATION_REF)
            para.append(annotation)
        para.append(_new_run(line, None))
        comment.append(para)
    return comment


def add_comment(
    p: etree._Element,
    start: int,
    end: int,
    text: str,
    stamp: RevisionStamp,
    ids: IdAllocator,
    comments_root: etree._Element,
    *,
    reference_style: str | None = None,
    text_style: str | None = None,
) -> int:
    """Comment on ``[start, end)`` of the current text of ``p`` (see :func:`add_comment_around`).

    Runs are split at the boundaries; a reference run that would land inside another author's
    ``w:ins`` goes right after it instead, so their insertion is left as it was.
    """
    in_range = _isolate(p, start, end)
    comment_id = add_comment_around(
        in_range[0].run,
        in_range[-1].run,
        text,
        stamp,
        ids,
        comments_root,
        reference_style=reference_style,
        text_style=text_style,
    )
    reference = _next(_next(in_range[-1].run))  # after w:commentRangeEnd
    _lift_out_of_insertions(reference, ids)
    return comment_id
