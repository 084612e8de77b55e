"""Revision-aware text of a paragraph.

A paragraph's text is read from its runs in document order. Tracked insertions (``w:ins``,
``w:moveTo``) belong to the *current* text (what the reader sees with changes accepted) and not
to the *original* text; tracked deletions (``w:del``, ``w:moveFrom``) the other way round.
python-docx's ``Paragraph.text`` ignores both kinds of revision (it reads only ``w:r`` and
``w:hyperlink`` children), so we read the XML ourselves.

Left out of a paragraph's text, as Word leaves them out of ``Paragraph.text``: field codes
(``w:instrText`` and everything between ``fldChar begin`` and ``separate``), text boxes
(``w:txbxContent``: their paragraphs are separate stories), the VML fallback of
``mc:AlternateContent``, footnote and comment references.

Each piece of text is a :class:`Segment` that remembers the element it came from, so the
writer can map character offsets of the current text back to runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .ns import MC, W

if TYPE_CHECKING:
    from lxml.etree import _Element

_W = "{%s}" % W
T = _W + "t"
DEL_TEXT = _W + "delText"
TAB = _W + "tab"
PTAB = _W + "ptab"
BR = _W + "br"
CR = _W + "cr"
SYM = _W + "sym"
NB_HYPHEN = _W + "noBreakHyphen"
SOFT_HYPHEN = _W + "softHyphen"
INSTR = _W + "instrText"
DEL_INSTR = _W + "delInstrText"
FLD_CHAR = _W + "fldChar"
FLD_CHAR_TYPE = _W + "fldCharType"
RUN = _W + "r"
INS = _W + "ins"
DEL = _W + "del"
MOVE_TO = _W + "moveTo"
MOVE_FROM = _W + "moveFrom"
TXBX = _W + "txbxContent"
PPR = _W + "pPr"
RPR = _W + "rPr"
FALLBACK = "{%s}Fallback" % MC
# Property containers never hold visible text (rPr holds w:ins/w:del *marks* for paragraph marks).
_SKIP = {
    PPR,
    RPR,
    TXBX,
    FALLBACK,
    _W + "footnoteReference",
    _W + "endnoteReference",
    _W + "commentReference",
    _W + "sectPr",
    _W + "pPrChange",
    _W + "rPrChange",
}

NORMAL, INSERTED, DELETED = "normal", "inserted", "deleted"
# Text one author inserted and another (or the same) later deleted, still both pending: a w:del
# inside a w:ins. It is in neither view: accepting all removes it, rejecting all removes the
# insertion that holds it.
TRANSIENT = "transient"
IN_CURRENT = frozenset({NORMAL, INSERTED})
IN_ORIGINAL = frozenset({NORMAL, DELETED})


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of a paragraph's text.

    ``element`` is the ``w:t``/``w:delText``/``w:tab``/... it came from, ``run`` its ``w:r``,
    ``state`` whether it is ordinary, inserted or deleted text, and ``revision`` the innermost
    ``w:ins``/``w:del``/``w:moveTo``/``w:moveFrom`` around it (or None).
    """

    text: str
    element: _Element
    run: _Element
    state: str
    revision: _Element | None


# Elements that stand for a fixed piece of text. Word's Paragraph.text shows a line break
# ("w:br", of any type: page and column breaks too) and a carriage return as "\n".
FIXED = {TAB: "\t", PTAB: "\t", BR: "\n", CR: "\n", NB_HYPHEN: "-", SOFT_HYPHEN: ""}
_TEXT = {T, DEL_TEXT}
_REVISION = {INS: INSERTED, MOVE_TO: INSERTED, DEL: DELETED, MOVE_FROM: DELETED}
NO_TEXT = _SKIP | {INSTR, DEL_INSTR}


def _symbol(el: _Element) -> str:
    """The character of a ``w:sym``; Symbol-font characters live in the private use area
    F000-F0FF."""
    try:
        value = int(el.get(_W + "char"), 16)  # type: ignore[arg-type]  # None: TypeError below
        return chr(value - 0xF000 if 0xF000 <= value <= 0xF0FF else value)
    except (TypeError, ValueError):
        return ""


# (text, element, run, state, revision): the fields of a Segment.
Piece = tuple[str, "_Element", "_Element", str, "_Element | None"]


def pieces(p: _Element) -> list[Piece]:
    """``(text, element, run, state, revision)`` of every text segment of paragraph ``p``, in
    document order: the fields of :class:`Segment`, as tuples (the reader needs no more)."""
    out: list[Piece] = []
    _walk(p, NORMAL, None, None, [], out)
    return out


def _walk(
    el: _Element, state: str, revision: _Element | None, run: _Element | None, fields: list[bool], out: list[Piece]
) -> None:
    """Append the segments under ``el`` to ``out``. ``fields`` has one entry per open complex
    field (``w:fldChar``): True while in its code part (between begin and separate)."""
    for child in el:
        tag = child.tag
        if tag in _TEXT:
            if run is not None and not (fields and fields[-1]):
                text = child.text
                if text:
                    out.append((text, child, run, state, revision))
        elif tag == RUN:
            _walk(child, state, revision, child, fields, out)
        elif tag in FIXED:
            text = FIXED[tag]
            if text and run is not None and not (fields and fields[-1]):
                out.append((text, child, run, state, revision))
        elif tag in _REVISION:
            inner = _REVISION[tag]
            if state != NORMAL and inner != state:
                inner = TRANSIENT  # a deletion inside an insertion
            _walk(child, inner, child, run, fields, out)
        elif tag == FLD_CHAR:
            field_char(child, fields)
        elif tag == SYM:
            text = _symbol(child)
            if text and run is not None and not (fields and fields[-1]):
                out.append((text, child, run, state, revision))
        elif tag not in NO_TEXT and isinstance(tag, str):
            _walk(child, state, revision, run, fields, out)


def field_char(el: _Element, fields: list[bool]) -> None:
    """Follow ``w:fldChar`` ``el`` in ``fields``, one entry per open complex field, True while in its
    code part: "begin" opens one, "separate" ends its code, "end" closes it (stray ones change nothing)."""
    kind = el.get(FLD_CHAR_TYPE)
    if kind == "begin":
        fields.append(True)
    elif kind == "separate" and fields:
        fields[-1] = False
    elif kind == "end" and fields:
        fields.pop()


def segments(p: _Element) -> list[Segment]:
    """All text segments of paragraph ``p`` in document order, with their revision state."""
    return [Segment(*piece) for piece in pieces(p)]


def current_text(p: _Element) -> str:
    """The paragraph as it reads with every tracked change accepted."""
    return "".join(s.text for s in segments(p) if s.state in IN_CURRENT)


def original_text(p: _Element) -> str:
    """The paragraph as it read before the tracked changes (every change rejected)."""
    return "".join(s.text for s in segments(p) if s.state in IN_ORIGINAL)


def texts(p: _Element) -> tuple[str, str]:
    """``(current, original)`` text of ``p`` in one walk."""
    cur: list[str] = []
    orig: list[str] = []
    for s in segments(p):
        if s.state in IN_CURRENT:
            cur.append(s.text)
        if s.state in IN_ORIGINAL:
            orig.append(s.text)
    return "".join(cur), "".join(orig)


def paragraph_mark_state(p: _Element) -> str:
    """Whether the paragraph mark itself is tracked as inserted or deleted (``w:pPr/w:rPr``)."""
    ppr = p[0] if len(p) and p[0].tag == PPR else p.find(PPR)  # w:pPr comes first when valid
    if ppr is None:
        return NORMAL
    state = NORMAL
    for prop in ppr:
        if prop.tag == RPR:
            for mark in prop:
                tag = mark.tag
                if tag in (DEL, MOVE_FROM):
                    return DELETED  # inserted and deleted again too: gone from the current text
                if tag in (INS, MOVE_TO):
                    state = INSERTED
    return state
