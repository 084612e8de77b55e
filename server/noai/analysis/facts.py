"""Facts of the document's wording that the redline plan decides on (the plan reads no text itself).

- :func:`sentence_at`: the sentence of a paragraph holding an offset;
- :func:`creation_timing`: the words that time a transfer at the work's creation ("on their
  creation", "as and when created", "automatically as each Essay is written"), as the span a redline
  strikes when it makes that transfer wait for payment.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z(“\"])")


def sentence_span(text: str, at: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence of ``text`` holding offset ``at``."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() >= at:
            return start, m.start()
        start = m.end()
    return start, len(text)


def sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` holding offset ``at``."""
    start, end = sentence_span(text, at)
    return text[start:end]


def sentences(text: str) -> list[str]:
    """The sentences of ``text``."""
    return _SENTENCE_END.split(text)


# -- a transfer timed at the work's creation ------------------------------------------------------------

_ADVERB = r"(?:(?:automatically|immediately|forthwith|absolutely)\s+(?:and\s+\w+\s+)?)?"
_NOUN = r"(?:creation|conception|making|production|development|generation|authorship|(?:first\s+)?fixation)"
_VERB = (
    r"(?:created|conceived|written|produced|developed|generated|authored|recorded|drawn|(?:first\s+)?fixed|"
    r"made(?!\s+(?:available|public|known)))"
)
_WHOSE = r"(?:(?:its|their|his|her|the|such|each|any)\s+)?"
_OF_WHAT = r"(?:\s+(?:thereof|of\s+(?:the|each|such|any|every|all)\s+[\w-]+(?:\s+[A-Z][\w-]*)*))?"
_SUBJECT = r"(?:(?:it|they|(?:each|every|any|the|such)(?:\s+[\w-]+){1,3}?)\s+(?:is|are|has\s+been|have\s+been)\s+)"
_TIMING = re.compile(
    _ADVERB
    + r"(?:"
    # "on their creation", "from the moment of creation", "with effect from the creation thereof"
    + r"(?:on|upon|at|from|with\s+effect\s+from)\s+(?:the\s+(?:moment|time|date|point)\s+of\s+)?"
    + _WHOSE
    + _NOUN
    + _OF_WHAT
    # "as and when created", "as they are created", "as each Essay is written", "on being created"
    + r"|(?:as\s+and\s+when|as\s+soon\s+as|when(?:ever)?|as|once|at\s+the\s+time|from\s+the\s+(?:moment|time))\s+"
    + _SUBJECT
    + r"(?:first\s+)?"
    + _VERB
    + r"|(?:as\s+and\s+when|as\s+soon\s+as)\s+(?:first\s+)?"
    + _VERB
    + r"|(?:when|once)\s+(?:first\s+)?(?:created|conceived)"
    + r"|(?:on|upon)\s+being\s+(?:first\s+)?"
    + _VERB
    + r")\b",
    re.IGNORECASE,
)
# Between a transfer's words and its timing: nothing that starts another clause (a semicolon, ", and"
# with a new verb, a modal of another obligation), so "…, and the Contractor shall notify the Client
# of each Deliverable on its creation" keeps its own timing.
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:and|or|but|provided|save|except|which|who|whereupon|whether)\b|"
    r"\b(?:shall|will|must|may|agrees?|undertakes?|acknowledges?|warrants?|notify|notifies)\b",
    re.IGNORECASE,
)


_OPENING = re.compile(r"\s*(?:\(?[0-9a-z]{1,4}[.)]\s+|[0-9]+(?:\.[0-9]+)*\.?\s+)?")  # a typed number at most


class Strike(NamedTuple):
    """A span of a paragraph to replace: ``text[start:end]`` becomes ``replacement`` (often ``""``);
    ``words`` are the timing words themselves, as a comment quotes them."""

    start: int
    end: int
    replacement: str
    words: str


def creation_timing(text: str, phrase_start: int, phrase_end: int) -> Strike | None:
    """The words of the transfer at ``text[phrase_start:phrase_end]`` ("be vested in", "hereby
    assigns") that time it at the work's creation, in the same sentence and clause, as the span to
    strike with the punctuation that goes with them: " on their creation" after the transfer,
    ", upon creation," between commas, "Upon creation, a" -> "A" opening the sentence. ``None``
    when the transfer has no such timing."""
    start, end = sentence_span(text, phrase_start)
    for m in _TIMING.finditer(text, start, end):
        if m.start() >= phrase_end:
            between = text[phrase_end : m.start()]
        elif m.end() <= phrase_start:
            between = text[m.end() : phrase_start]
        else:
            continue
        if _CLAUSE_BREAK.search(between):
            continue
        return _strike(text, start, m.start(), m.end())
    return None


def _strike(text: str, sentence_start: int, a: int, b: int) -> Strike:
    words = text[a:b]
    if _OPENING.fullmatch(text, sentence_start, a):  # "Upon creation, all rights …": the next word takes the capital
        rest = re.compile(r",?\s+(\w)").match(text, b)
        if rest is not None:
            return Strike(a, rest.end(), rest.group(1).upper(), words)
    before = a
    while before > sentence_start and text[before - 1] == " ":
        before -= 1
    if before > sentence_start and text[before - 1] == ",":
        if text[b : b + 1] == ",":  # ", upon creation," between commas: both go
            return Strike(before - 1, b + 1, "", words)
        before -= 1  # ", upon creation." / ", upon creation and …": its comma goes with it
    return Strike(before, b, "", words)
