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

from .ns import MC, W

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
_SKIP = {PPR, RPR, TXBX, FALLBACK, _W + "footnoteReference", _W + "endnoteReference",
         _W + "commentReference", _W + "sectPr", _W + "pPrChange", _W + "rPrChange"}

NORMAL, INSERTED, DELETED = "normal", "inserted", "deleted"


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of a paragraph's text.

    ``element`` is the ``w:t``/``w:delText``/``w:tab``/... it came from, ``run`` its ``w:r``,
    ``state`` whether it is ordinary, inserted or deleted text, and ``revision`` the innermost
    ``w:ins``/``w:del``/``w:moveTo``/``w:moveFrom`` around it (or None).
    """

    text: str
    element: object
    run: object
    state: str
    revision: object | None


def _char(el) -> str | None:
    tag = el.tag
    if tag == T or tag == DEL_TEXT:
        return el.text or ""
    if tag == TAB or tag == PTAB:
        return "\t"
    if tag == BR:
        # Word's Paragraph.text shows a line break as "\n" and a page break as well.
        return "\n" if el.get(_W + "type") in (None, "textWrapping") else "\n"
    if tag == CR:
        return "\n"
    if tag == NB_HYPHEN:
        return "-"
    if tag == SOFT_HYPHEN:
        return ""
    if tag == SYM:
        code = el.get(_W + "char")
        if code:
            try:
                value = int(code, 16)
                # Symbol-font characters live in the private use area F000-F0FF.
                if 0xF000 <= value <= 0xF0FF:
                    value -= 0xF000
                return chr(value)
            except ValueError:
                return ""
        return ""
    return None


def segments(p) -> list[Segment]:
    """All text segments of paragraph ``p`` in document order, with their revision state."""
    out: list[Segment] = []
    # Field state: inside a complex field, text between begin and separate is the code.
    field_depth: list[bool] = []  # one entry per open field: True while in its code part

    def walk(el, state, revision, run):
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == RUN:
                walk(child, state, revision, child)
                continue
            if tag == INS or tag == MOVE_TO:
                walk(child, INSERTED, child, run)
                continue
            if tag == DEL or tag == MOVE_FROM:
                walk(child, DELETED, child, run)
                continue
            if tag == FLD_CHAR:
                kind = child.get(_W + "fldCharType")
                if kind == "begin":
                    field_depth.append(True)
                elif kind == "separate" and field_depth:
                    field_depth[-1] = False
                elif kind == "end" and field_depth:
                    field_depth.pop()
                continue
            if tag == INSTR or tag == DEL_INSTR:
                continue
            ch = _char(child)
            if ch is not None:
                if run is not None and not (field_depth and field_depth[-1]) and ch:
                    out.append(Segment(ch, child, run, state, revision))
                continue
            walk(child, state, revision, run)

    walk(p, NORMAL, None, None)
    return out


def current_text(p) -> str:
    """The paragraph as it reads with every tracked change accepted."""
    return "".join(s.text for s in segments(p) if s.state != DELETED)


def original_text(p) -> str:
    """The paragraph as it read before the tracked changes (every change rejected)."""
    return "".join(s.text for s in segments(p) if s.state != INSERTED)


def texts(p) -> tuple[str, str]:
    """``(current, original)`` text of ``p`` in one walk."""
    cur: list[str] = []
    orig: list[str] = []
    for s in segments(p):
        if s.state != DELETED:
            cur.append(s.text)
        if s.state != INSERTED:
            orig.append(s.text)
    return "".join(cur), "".join(orig)


def paragraph_mark_state(p) -> str:
    """Whether the paragraph mark itself is tracked as inserted or deleted (``w:pPr/w:rPr``)."""
    ppr = p[0] if len(p) and p[0].tag == PPR else p.find(PPR)  # w:pPr comes first when valid
    if ppr is None:
        return NORMAL
    for prop in ppr:
        if prop.tag == RPR:
            for mark in prop:
                tag = mark.tag
                if tag == INS or tag == MOVE_TO:
                    return INSERTED
                if tag == DEL or tag == MOVE_FROM:
                    return DELETED
    return NORMAL
