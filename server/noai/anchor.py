"""The one rule for re-finding a plan edit's anchor paragraph (the add-in's ``addin/src/anchor.js``
implements the same rule; both are tested on ``tests/data/wire/anchor-cases.json``).

An anchor is a paragraph index and that paragraph's current text when the plan was made. Texts
are compared *whitespace-normalised*: every run of the white space characters of :data:`SPACE`
becomes one space and the ends are trimmed. Word re-finds the paragraph through its own API, whose
``Paragraph.text`` spells a line break as a vertical tab where the .docx reader has ``"\\n"`` and may
show a non-breaking or a tab differently; white space carries no meaning in a contract, while an
exact comparison would lose every paragraph holding a line break. The anchor holds at its index
when the texts agree there; else the one paragraph with that text is taken; else (none, or
several) the edit is reported, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Spelled out (not \s) so that Python and JavaScript, whose \s differ, use the same characters.
SPACE = "\t\n\u000b\u000c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_RUNS = re.compile(f"[{SPACE}]+")


def normalise(text: str) -> str:
    """``text`` with each run of white space made one space, and trimmed."""
    return _RUNS.sub(" ", text).strip(" ")


def locate(texts: Sequence[str], index: int, text: str) -> int | None:
    """The index of the anchor's paragraph among ``texts``: ``index`` if its text matches there,
    else the only paragraph whose text matches, else None."""
    if 0 <= index < len(texts) and texts[index] == text:  # the same text normalises the same (the usual case)
        return index
    wanted = normalise(text)
    if 0 <= index < len(texts) and normalise(texts[index]) == wanted:
        return index
    matches = [i for i, t in enumerate(texts) if normalise(t) == wanted]
    return matches[0] if len(matches) == 1 else None
