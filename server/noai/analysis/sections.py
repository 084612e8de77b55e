"""What makes a section the IP section, in the real variety of contracts.

Headings: "Intellectual Property Rights (IPRs)", "Ownership of Developed Software", "Data Rights and
Ownership of Deliverables", "Rights Granted to Customer", "License of Copyright", "Proprietary
Rights", "Title" (of the work, not of goods), "Rights in Data" and "Patent Rights" of government
terms. A heading counts only over a body that deals with rights in the work: never a feature bullet
of a statement of work ("• User ownership dashboard") nor a goods clause ("Title and Risk: title to
the Goods passes on delivery").

The IP part of a contract often runs over several adjacent sections (Ownership, Licence to
Company, Moral Rights, Feedback, Reservation of Rights): :func:`block_end` extends a section over
the following siblings titled so, so that a clause goes after the whole block. A document with no
IP section of its own but a cover-page row for changes to the standard terms ("Other Changes to
Standard Terms", "Additional Terms", "Special Terms") takes a clause in that row
(:func:`changes_row`), where a change is legally effective.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

from noai.analysis.fast import holds
from noai.ooxml.model import Paragraph

_I = re.IGNORECASE
IP_TITLE = re.compile(
    r"\bintellectual\s+property|\bownership\b|\bproprietary\s+rights|\bwork\s+product\b|\bcopyrights?\b|"
    r"\bassignment\s+of\s+(?:rights|inventions|intellectual|copyright|work)|\binventions?\b|\bpatent\s+rights|"
    r"\brights?\s+in\s+(?:the\s+)?(?:deliverables|work|results|materials|data|software|designs)|\bdata\s+rights|"
    r"\b(?:IPRs?|IP)\b|\brights\s+granted\b|\bgrant\s+of\s+(?:rights|licen[cs]es?)\b|"
    r"\blicen[cs]e\s+(?:grant|of\s+(?:rights|the\s+work))\b|\bwork\s+(?:made\s+)?for\s+hire|"
    r"^\W*(?:\d[\d.]*\s*)?title(?:\s+and\s+ownership)?\W*$|\bownership\s+and\s+title|\btitle\s+to\s+(?:the\s+)?"
    r"(?:deliverables|work|software|materials|intellectual|results|designs)",
    _I,
)
IP_TITLE_CORE = re.compile(
    r"\bintellectual\s+property|\bownership\b|\bproprietary\s+rights|\bcopyrights?\b|"
    r"\bassignment\s+of|\binventions?\b|\bwork\s+product\b|\b(?:IPRs?|IP)\b",
    _I,
)
# Sections that belong to the IP part when they follow it: licences, reservations, feedback, moral rights.
BLOCK_TITLE = re.compile(
    IP_TITLE.pattern + r"|\blicen[cs]\w*|\breservation\s+of\s+rights|\breserved\s+rights|\bfeedback\b|"
    r"\bmoral\s+rights|\bscope\s+of\s+rights|\busage\s+rights|\brights\s+to\b|\bimprovements\b",
    _I,
)
_RIGHTS_BODY = re.compile(
    r"\b(?:own(?:s|ed|ership)?|assign\w*|licen[cs]\w*|intellectual\s+property|copyright\w*|"
    r"rights?\s+in|title\s+to|proprietary|moral\s+rights|made\s+for\s+hire|patents?|vest\w*)\b",
    _I,
)
_STRONG_IP = re.compile(
    r"\b(?:intellectual\s+property|copyright\w*|licen[cs]\w*|patents?|moral\s+rights|"
    r"made\s+for\s+hire|inventions?|software|deliverables|work\s+product)\b",
    _I,
)
_GOODS = re.compile(
    r"\b(?:goods|equipment|hardware|risk\s+of\s+loss|risk\s+(?:and|&)\s+title|title\s+and\s+risk|"
    r"passing\s+of\s+(?:title|risk)|title\s+(?:shall\s+)?pass\w*)\b",
    _I,
)
_BULLET = re.compile(r"^[•·▪◦‣∙○●■□➢➤►–—-]$")
CHANGES_ROW = re.compile(
    r"^\W*(?:other\s+)?(?:changes|modifications|amendments|additions)\s+to\s+(?:the\s+)?"
    r"(?:\w+\s+){0,2}(?:standard\s+)?terms\b|^\W*(?:additional|special|supplemental)\s+terms\b",
    _I,
)


_LICENCE_TITLE = re.compile(
    r"\brights\s+granted\b|\bgrant\s+of\s+(?:rights|licen[cs]es?)\b|"
    r"\blicen[cs]e\s+(?:grant|of\s+(?:rights|the\s+work))\b",
    _I,
)


def licence_title(title: str) -> bool:
    """A title about a licence only ("Rights Granted to Customer", "License Grant"), not about
    ownership: a licence section is the IP section only when nothing is titled as one and no
    section holds the creator's grants."""
    return holds(_LICENCE_TITLE, title) and not holds(IP_TITLE_CORE, title)


def is_ip_heading(p: Paragraph, body: Sequence[Paragraph]) -> bool:
    """``p`` heads an IP section: titled so, not a bullet, over a ``body`` about rights in the work
    (a goods-title clause is not)."""
    if not p.section_path or not holds(IP_TITLE, p.section_path[-1]):
        return False
    if p.label and _BULLET.match(p.label.strip()):
        return False
    text = " ".join(q.text for q in body[:40])
    if not holds(_RIGHTS_BODY, text):
        return False
    return holds(_STRONG_IP, text) or not holds(_GOODS, text)  # the cheap test first


def block_end(
    paragraphs: Sequence[Paragraph],
    runs: Callable[[int, int], tuple[int, int]],
    start: int,
    end: int,
    depth: int,
    rights: AbstractSet[int],
    grants: AbstractSet[int] = frozenset(),
) -> int:
    """The end of the IP block that starts with the section ``start..end`` (itself titled about
    rights in the work): the following sections at the same level, under the same parent, while
    their titles are about rights in the work and they hold a paragraph of ``rights`` (where a
    grant, reservation, feedback or moral-rights clause was found: a "Grant of License" heading
    over representations is no part of it). A section titled otherwise ("Distribution") that holds
    one of ``grants`` (the creator's rights granted) belongs to the block when a section of the
    block follows it: "1 Scope of Rights, 2 Distribution, 3 Licence to Licensor, 4 Reservation of
    Rights" is one block."""
    if not holds(BLOCK_TITLE, paragraphs[start].section_path[depth - 1]):
        return end  # a section found by its grants, not titled so, starts no block
    parent = paragraphs[start].section_path[: depth - 1]

    def member(i: int, titled: bool) -> int | None:
        """The end of the sibling section at ``i`` (after empty lines) if it belongs to the block."""
        while i < len(paragraphs) and not paragraphs[i].text.strip():  # empty lines between sections
            i += 1
        if i >= len(paragraphs):
            return None
        path = paragraphs[i].section_path
        if len(path) < depth or path[: depth - 1] != parent:
            return None
        s, e = runs(i, depth)
        if holds(BLOCK_TITLE, path[depth - 1]):
            return e if any(j in rights for j in range(s, e + 1)) else None
        if titled or not any(j in grants for j in range(s, e + 1)):
            return None
        return e if member(e + 1, True) is not None else None  # noqa: F821  # bridges to a titled section

    try:
        while (e := member(end + 1, False)) is not None:
            end = e
        return end
    finally:
        del member  # it calls itself through this name: emptied, nothing holds the paragraphs in a cycle


def changes_row(paragraphs: Sequence[Paragraph]) -> int | None:
    """The last paragraph of a cover page's row for changes to the standard terms, if there is one."""
    for i, p in enumerate(paragraphs):
        if not p.in_table or len(p.text) > 60 or not CHANGES_ROW.match(p.text):
            continue
        last = None
        for q in paragraphs[i + 1 : i + 12]:
            if not q.in_table:
                break
            text = q.text.strip()
            if not text:
                continue
            if _row_label(text):
                break
            last = q.index
        if last is not None:
            return last
    return None


def _row_label(text: str) -> bool:
    """A table cell that starts the next row: a short title ("Governing Law", "Customer Obligations")."""
    words = text.split()
    if not 1 <= len(words) <= 6 or text[-1] in ".:;" or text[0] in "[{(":
        return False
    capitals = sum(w[0].isupper() for w in words if w[0].isalpha())
    return capitals >= max(1, (len(words) + 1) // 2) and not text.isupper()
