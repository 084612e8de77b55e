"""Facts of the document's wording that the redline plan decides on: the plan (:mod:`noai.plan`) reads
no text itself, it asks these.

- sentences: :func:`sentence_at`, :func:`sentences`;
- payment: :func:`has_fees` (a paragraph asks the client for fees or a sum for the work),
  :func:`waits_for_payment` (a transfer already waits for it);
- the words around a finding: :func:`joined_verb`, :func:`modal_before`, :func:`be_before`,
  :func:`used_as_part_of`, :func:`creation_timing` (the words timing a transfer at the work's
  creation, as the span a redline strikes when it makes that transfer wait for payment),
  :func:`hire_fallback` (the condition "to the extent … is not a work made for hire" on a transfer),
  :func:`present_transfers` (the other transfers in its paragraph that take effect at once),
  :func:`training_words` (the words by which a grant names AI training among its uses);
  :func:`training_permission` (a sentence whose act is a permission to train AI on the work);
  :func:`training_data_use` (a sentence whose act is a consent to use the work as training data or material);
- bracketed alternatives of a precedent: :func:`option_name`;
- the creator's pre-existing materials: :func:`find_background` (the document's own name for them and
  where it keeps them with the creator), :func:`background_licence`, :func:`owned_work_use`;
- the definitions clause: :func:`definitions_run`, :func:`opens_definitions`;
- whether the document describes work made or services performed for the client: :func:`describes_project`;
- what a transfer moves (:func:`transferred_object`), an exclusive licence (:func:`exclusive_licence`), a
  creator who is a natural person (:func:`individual_creator`);
- for the next round: the document's defined terms by name (:func:`defined_names`, :func:`term_key`,
  :func:`glossary_terms`), a clause's number (:func:`clause_number`), its cited ranges (:func:`cited_range_ends`),
  our sentence citing our clauses as the round leaves them (:func:`citing_ours`, :func:`cited_runs`),
  where struck training words take a condition of consent (:func:`consent_point`), a term's use (:func:`uses_term`);
- all of it for one audited document: :func:`read_facts` -> :class:`DocumentFacts`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from noai.analysis import fast
from noai.analysis import patterns as P
from noai.analysis.classify import Finding
from noai.analysis.joined import Joined
from noai.analysis.number import plural_parties
from noai.analysis.work_kind import _NOT_WORK, _WORDS, SCOPE_LINE, SOFTWARE
from noai.ooxml.model import Paragraph
from noai.ooxml.revisions import typed_number

if TYPE_CHECKING:
    from noai.analysis.audit import AuditResult

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z(“\"])")
# _SENTENCE_END's matches as group 1, found from their mark (a search skips to each "." or ";", where the look-behind
# is tried at every character): the same matches, as no match ends with a mark (noai.analysis.fast.spans)
_SENTENCE_GAP = re.compile(r"[.;](\s+)(?=[A-Z(“\"])")


_LAST_SPAN: tuple[str | None, int, tuple[int, int]] = (None, 0, (0, 0))


def sentence_span(text: str, at: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence of ``text`` holding offset ``at`` (the last one asked for is kept: the
    plan's tests of one finding ask for its sentence one after another)."""
    global _LAST_SPAN
    last = _LAST_SPAN
    if last[0] is text and last[1] == at:
        return last[2]
    start, found = 0, None
    for m in _SENTENCE_GAP.finditer(text):
        gap, after = m.span(1)
        if gap >= at:
            found = start, gap
            break
        start = after
    span = found or (start, len(text))
    _LAST_SPAN = (text, at, span)
    return span


def sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` holding offset ``at``."""
    start, end = sentence_span(text, at)
    return text[start:end]


_A_WORD = re.compile(r"[\w'’-]+")


def last_word(text: str, at: int) -> tuple[int, int] | None:
    """``(start, end)`` of the last word of the sentence of ``text`` holding offset ``at``: where words added at the
    sentence's end go ("… in the Work Product" + ", except photographs, …")."""
    start, end = sentence_span(text, at)
    found = None
    for m in _A_WORD.finditer(text, start, end):
        found = m.span()
    return found


def sentences(text: str) -> list[str]:
    """The sentences of ``text``."""
    return _SENTENCE_END.split(text)


# -- a transfer timed at the work's creation ------------------------------------------------------------

_ADVERB = r"(?:(?:automatically|immediately|forthwith|absolutely|effective)\s+(?:and\s+\w+\s+)?)?"
# "creation", "conception": of any work; "making", "development" …: only as the work's own ("on their
# making"), as "upon the development of the Product" or "at the time of production" time other things
_NOUN = (
    r"(?:(?:(?:its|their|his|her|the|such|each|any)\s+)?(?:creation|conception|authorship|(?:first\s+)?fixation)|"
    r"(?:its|their)\s+(?:making|production|development|generation))"
)
_VERB = (
    r"(?:created|conceived|written|produced|developed|generated|authored|recorded|drawn|(?:first\s+)?fixed|"
    r"made(?!\s+(?:available|public|known)))"
)
_OF_WHAT = r"(?:\s+(?:thereof|of\s+(?:the|each|such|any|every|all)\s+[\w-]+(?:\s+[A-Z][\w-]*)*))?"
_SUBJECT = r"(?:(?:it|they|(?:each|every|any|the|such)(?:\s+[\w-]+){1,3}?)\s+(?:is|are|has\s+been|have\s+been)\s+)"
_TIMING = re.compile(
    _ADVERB
    + r"(?:"
    # "on their creation", "from the moment of creation", "with effect from the creation thereof"
    + r"(?:on|upon|at|from|with\s+effect\s+from)\s+(?:the\s+(?:moment|time|date|point)\s+of\s+)?"
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


# -- the fallback transfer of work that is not made for hire ---------------------------------------------

_HIRE = r"(?:a\s+)?works?[\s-]+made[\s-]+for[\s-]+hire"
# "is not", "are not deemed", "is held not to be", "does not qualify as", "fails to qualify as", "may not be"
_NOT = (
    r"(?:(?:is|are|was|were|be)\s+(?:\w+\s+){0,2}?not|(?:does|do|did|shall|will|would|may|might|should)\s+not"
    r"|cannot|fails?\s+to)"
    r"(?:\s+(?:\w+\s+){0,3}?(?:be|qualify\s+as|constitute|considered|deemed|treated\s+as))?\s+"
)
_LEAD = r"(?:(?:if\s+and\s+)?to\s+the\s+extent|insofar\s+as|if|in\s+the\s+event|where)\s+(?:that\s+)?"
_AFTER = r"(?:\s+(?:under|as\s+defined|within|for\s+any\s+reason|pursuant)[^,;.]{0,80}?)?"
# "To the extent any Contribution is not a work made for hire, " opening the transfer's sentence
_FALLBACK_OPENING = re.compile(
    _LEAD + r"(?:for\s+any\s+reason\s+)?(?P<subject>[^,;.]{1,80}?)\s+" + _NOT + _HIRE + _AFTER + r",\s*", re.IGNORECASE
)
# "…, to the extent it is not a work made for hire" / "… any Deliverable that is not a work made for hire" after it
_FALLBACK_AFTER = re.compile(
    r",?\s+(?:"
    + _LEAD
    + r"(?:it|they|any\s+of\s+them|the\s+same|such\s+[\w-]+(?:\s+[A-Z][\w-]*)*)|that|which)\s+"
    + _NOT
    + _HIRE
    + _AFTER
    + r"(?=[,;.]|$)",
    re.IGNORECASE,
)


def hire_fallback(text: str, phrase_start: int, phrase_end: int) -> Strike | None:
    """The condition that limits the transfer at ``text[phrase_start:phrase_end]`` ("hereby assigns") to
    work that is not a work made for hire, as the span a redline changes once the work is no longer made
    for hire (the condition then always holds): opening the sentence, "To the extent any Contribution is
    not a work made for hire, C…" -> "For each Contribution, C…" (the transfer may say "that
    Contribution" after it), or struck where its subject is no "any …" ("To the extent the Work is not …,
    the Studio" -> "The Studio"); after the transfer, ", to the extent it is not a work made for hire" or
    " that is not a work made for hire" struck. ``None`` when the transfer has no such condition."""
    start, end = sentence_span(text, phrase_start)
    opening = _OPENING.match(text, start)
    at = opening.end() if opening else start
    m = _FALLBACK_OPENING.match(text, at, end)
    if m is not None and m.end() <= phrase_start:
        words = text[at : m.end()].rstrip(", ")
        subject = m.group("subject")
        if subject.lower().startswith("any "):
            return Strike(at, m.end(), f"For each {subject[4:]}, ", words)
        rest = re.compile(r"(\w)").match(text, m.end())
        if rest is not None:
            return Strike(at, rest.end(), rest.group(1).upper(), words)
    for m in _FALLBACK_AFTER.finditer(text, phrase_end, end):
        if not _CLAUSE_BREAK.search(text, phrase_end, m.start()):
            return Strike(m.start(), m.end(), "", m.group(0).lstrip(", "))
    return None


# "To the extent it does not, ", "If for any reason it does not, ", "Insofar as title does not so vest, ": the opening
# that makes a transfer the back-up of the statement before it
_BACK_UP_OPENING = re.compile(
    _LEAD + r"(?:for\s+any\s+reason\s+)?(?:it|they|this|that|the\s+same|[^,;.]{1,60}?)\s+"
    r"(?:does|do|did|has|have|is|are|shall|will)\s+not(?P<what>\s+(?:so\s+)?(?:vest|pass|belong|own|occur|happen|"
    r"effective|take\s+effect)(?:[^,;.]|\.(?=\d)){0,60}?)?,\s*",  # "… under clause 3.1, "
    re.IGNORECASE,
)


def back_up_opening(text: str, verb_start: int, named: bool = False) -> Strike | None:
    """The opening of the sentence of the transfer whose verb starts at ``verb_start`` that makes it the back-up of
    a statement before it ("If for any reason it does not, the Developer assigns …"), as the span struck once that
    statement goes, the next word capitalised ("The Developer …"); ``None`` where the sentence has no such opening.
    ``named``: only an opening that says what did not happen ("To the extent that title does not vest in Client under
    clause 3.1, "), which refers back to a statement of ownership wherever it stands, not "To the extent it does
    not", which refers to the sentence before it."""
    start, _ = sentence_span(text, verb_start)
    opening = _OPENING.match(text, start)
    at = opening.end() if opening else start
    m = _BACK_UP_OPENING.match(text, at, verb_start)
    rest = re.compile(r"(\w)").match(text, m.end()) if m is not None else None
    if m is None or rest is None or rest.end() > verb_start or (named and m.group("what") is None):
        return None
    return Strike(at, rest.end(), rest.group(1).upper(), text[at : m.end()].rstrip(", "))


# -- another present transfer of the same work in the paragraph -------------------------------------------

# "Vendor hereby assigns", "Developer assigns" (the bare present: not "successors and assigns"), "is the sole property
# of", "are owned by", "vests in": a transfer in the present, which takes effect at once unless it is made to wait too.
_HOW = r"(?:(?:irrevocably|absolutely|unconditionally|expressly)\s+(?:and\s+)?)*"
_PRESENT_TRANSFER = re.compile(
    rf"(?:\bhereby\s+|(?<!\band\s)(?<!\bor\s)(?<!permitted\s)\b(?=(?P<bare>{_HOW}(?:assign|transfer|convey)s\b)))"
    rf"{_HOW}(?P<verb>assign|transfer|convey)"
    r"s?(?:\s+and\s+(?P<verb2>assign|transfer|convey)s?)?\b(?!\s+(?:and|or)\s)"
    r"|\b(?:is|are)\s+(?P<be>(?:the\s+(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+|absolute\s+)?property\s+of|"
    r"(?:solely\s+|exclusively\s+)?owned\s+by|vested\s+in))\s"
    r"|\b(?P<vests>vests\s+in)\s"
    r"|\b(?P<own>(?P<modal>will|shall)\s+(?:solely\s+|exclusively\s+)?own)\s",
    re.IGNORECASE,
)

# "Nothing in this Agreement hereby assigns", "does not hereby transfer": no transfer (not a condition before a
# comma: "To the extent any right does not vest in X, Vendor hereby assigns" is the fallback, which waits too)
_NOT_BEFORE = re.compile(r"\b(?:not|never|nothing|no)\b[^,;]*$", re.IGNORECASE)


_RIGHTS = re.compile(r"\b(?:rights?|title|copyrights?|intellectual\s+property|work\s+product|deliverables?)\b", re.I)


def _names(term: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(term.removeprefix('the ').removeprefix('The '))}\b", re.IGNORECASE)


def _ends_with(clause: str, name: re.Pattern[str]) -> bool:
    """``clause`` ends with ``name`` ("To the extent it does not, the Consultant "): its subject, before the verb."""
    found = list(name.finditer(clause))
    return bool(found) and not clause[found[-1].end() :].strip()


def present_transfers(
    text: str, phrase_start: int, phrase_end: int, giver: str, taker: str, work: str = ""
) -> list[Strike]:
    """The other transfers of the work in the paragraph of the transfer at ``text[phrase_start:phrase_end]``
    that take effect at once ("All Work Product is the sole property of Northgate upon creation. Vendor hereby
    assigns to Northgate all right, title and interest …"), each as the span a redline replaces once that
    transfer waits for payment: "hereby assigns" -> "shall, upon that payment, assign", "is the sole property of"
    -> "will, upon that payment, be the sole property of". Only a transfer from ``giver`` (named before
    "hereby …") or of the ``work`` or its rights to ``taker`` (named right after "property of"; not the taker's
    own materials, "the Client's brand guidelines are the property of the Client"), in a sentence that does not
    already wait for payment; ``words`` the phrase replaced."""
    out = []
    gives, takes = _names(giver), _names(taker)
    to_taker = re.compile(rf"(?:the\s+)?{takes.pattern}", re.IGNORECASE)
    takers_own = re.compile(rf"{takes.pattern}['’]s?|\bits\s+own\b", re.IGNORECASE)
    of_work = re.compile(rf"{_names(work).pattern}|{_RIGHTS.pattern}", re.IGNORECASE) if work else _RIGHTS
    for m in _PRESENT_TRANSFER.finditer(text):
        if m.start() < phrase_end and phrase_start < m.end():
            continue  # the transfer itself
        start, end = sentence_span(text, m.start())
        if _PAID_FIRST.search(text, start, end) or "payment in full" in text[start:end]:
            continue
        subject = text[start : m.start()]
        if m.group("verb"):  # "Vendor hereby assigns": the creator gives, not under a denial
            clause = subject[max(subject.rfind(","), subject.rfind(";")) + 1 :]  # not "To the extent … the Client,"
            if not gives.search(subject) or takes.search(clause) or _NOT_BEFORE.search(subject):
                continue
            if m.group("bare") is not None and not _ends_with(clause, gives):
                continue  # the bare present only right after the creator's name ("Developer assigns")
            verbs = " and ".join(v.lower() for v in m.group("verb", "verb2") if v)
            # its adverbs kept ("hereby irrevocably assigns" -> "shall, upon that payment, irrevocably assign"):
            # the transfer waits for payment, it does not become revocable
            how = text[m.start() : m.start("verb")]
            how = how if m.group("bare") is not None else how.split(None, 1)[1] if " " in how.strip() else ""
            replacement = f"shall, upon that payment, {how.lower()}{verbs}"
        elif m.group("own"):  # "The Client will own the Deliverables": the client, the work after it
            clause = subject[max(subject.rfind(","), subject.rfind(";")) + 1 :]
            if not takes.search(clause) or not of_work.search(text, m.end(), end) or _NOT_BEFORE.search(clause):
                continue
            replacement = f"{m.group('modal')}, upon that payment, {m.group('own')[len(m.group('modal')) :].strip()} "
        else:  # "All Work Product is the sole property of Northgate": the work, to the client
            if not to_taker.match(text, m.end()) or not of_work.search(subject) or takers_own.search(subject):
                continue
            replacement = f"will, upon that payment, {'be ' + m.group('be') if m.group('be') else 'vest in'} "
        out.append(Strike(m.start(), m.end(), replacement, m.group(0).strip()))
    return out


# -- an ownership statement beside an assignment --------------------------------------------------------------

# "…, and Company will own …": the conjunct that opens the ownership statement inside a longer sentence
_AND_CLAUSE = re.compile(r",\s+and\s+(?=[^,;:]*$)", re.IGNORECASE)
_TRANSFER_VERB = re.compile(r"\b(?:assign|transfer|convey)s?\b", re.IGNORECASE)


def is_transfer_verb(phrase: str) -> bool:
    """The phrase transfers by the creator's act ("hereby assigns", "shall assign"), not by a statement of who
    owns the work ("will own", "is the sole property of", "vests in")."""
    return _TRANSFER_VERB.search(phrase) is not None


# what an assignment moves when it moves all the statement beside it could: "all right, title and interest", "all
# intellectual property rights", "all of its rights" (not "all copyright", which leaves the other rights)
_ALL_RIGHTS = re.compile(
    r"\ball\s+(?:of\s+)?(?:(?:its|their|his|her|the\s+[\w-]+['’]s)\s+)?(?:right,\s+title\s+and\s+interest|"
    r"(?:(?:other\s+)?intellectual\s+property\s+)?rights)\b",
    re.IGNORECASE,
)


def assigns_everything(text: str, verb_end: int) -> bool:
    """The assignment whose verb ends at ``verb_end`` moves all the rights in the work ("… assigns to Company all
    right, title and interest in and to that Asset"), not some of them ("all copyright in the Deliverables")."""
    _, end = sentence_span(text, verb_end)
    return _ALL_RIGHTS.search(text, verb_end, end) is not None


# the rights an assignment names as its object, ending where what they are in begins: "all copyright", "the copyright
# and design rights", "its worldwide copyright" ("… in the Deliverables", "… in and to them")
_ASSIGNED_RIGHTS = re.compile(
    r"\b(?:[Aa]ll|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]ny)\s+(?:of\s+)?(?:(?:its|their|his|her|the\s+[\w-]+['’]s)\s+)?"
    r"(?:[a-z][\w-]*(?:,\s+|\s+(?:and|or)\s+|\s+)){0,5}?(?:rights?|copyrights?|interests?|title|patents?)\b"
    r"(?=\s+(?:in|of|to|under)\b|\s+there(?:in|to|of)\b)"
)
# what the statement of ownership beside it gives: all the intellectual property rights, or the work itself
_IP_RIGHTS = re.compile(r"\bintellectual\s+property\b", re.IGNORECASE)


def widened_rights(text: str, verb_end: int, statement: str) -> Strike | None:
    """Where an assignment (its verb ending at ``verb_end``) moves only some rights ("assigns to the Client all
    copyright in the Deliverables") beside a ``statement`` of ownership that moves them all ("All intellectual property
    rights in the Deliverables are owned by the Client"), its rights words with the others added, as the span a
    redline replaces: "all copyright" -> "all copyright and all other intellectual property rights" ("… and all other
    right, title and interest" where the statement gives the work itself), so the assignment alone moves what the
    two did. ``None``: no rights words in the assignment's sentence."""
    _, end = sentence_span(text, verb_end)
    m = _ASSIGNED_RIGHTS.search(text, verb_end, end)
    if m is None:
        return None
    others = (
        "all other intellectual property rights"
        if _IP_RIGHTS.search(statement)
        else "all other right, title and interest"
    )
    return Strike(m.start(), m.end(), f"{m.group(0)} and {others}", m.group(0))


# a back-reference as what an assignment's rights are in: "in them", "in and to it", "therein" (not "to them", which
# may be a party)
_BACK_REFERENCE = re.compile(r"\bin(?:\s+and\s+to)?\s+(them|it)\b|\b(therein|thereto|thereof)\b", re.IGNORECASE)


def back_reference(text: str, verb_end: int, work: str) -> Strike | None:
    """The pronoun by which the assignment whose verb ends at ``verb_end`` names the work of the sentence before it
    ("… assigns to the Client all intellectual property rights in them"), as the span a redline replaces with the
    work's name (``work``: "in them" -> "in the Deliverables", "therein" -> "in the Deliverables"), so that the
    assignment still names the work once that sentence is struck. ``None``: no such pronoun."""
    _, end = sentence_span(text, verb_end)
    m = _BACK_REFERENCE.search(text, verb_end, end)
    if m is None:
        return None
    if m.group(1):
        return Strike(m.start(1), m.end(1), work, m.group(1))
    word = m.group(2).lower()
    joined = {"therein": "in", "thereto": "to", "thereof": "of"}[word]
    return Strike(m.start(2), m.end(2), f"{joined} {work}", m.group(2))


def names_the_work(text: str, at: int, work: str) -> bool:
    """The sentence of ``text`` at ``at`` names the ``work`` ("the Assets") or one piece of it ("that Asset") itself,
    so it still reads once a sentence or clause before it is struck (not "… all rights in them")."""
    name = work.removeprefix("the ").removeprefix("The ")
    one = _one_of(name)
    start, end = sentence_span(text, at)
    names = "|".join(re.escape(n) for n in {name, one or name})
    return re.search(rf"\b(?:{names})\b", text[start:end], re.IGNORECASE) is not None


def ownership_clause(text: str, phrase_start: int, phrase_end: int, assignment: int | None = None) -> Strike | None:
    """The statement of who owns the work at ``text[phrase_start:phrase_end]`` ("will own", "is the sole property
    of") as the span a redline strikes where an assignment beside it in the paragraph is the one way the work
    passes: its whole sentence with the space after it ("All Work Product is the sole property of Northgate upon
    creation. "), or, where it is the last conjunct of a sentence that says something else first, that conjunct
    (", and Company will own all right, title and interest in them from creation", the full stop kept), or, where
    the assignment (its verb at ``assignment``) is the next conjunct of its sentence, the statement up to it, the
    assignment's first word taking the capital ("All Work Product is the property of X, and Vendor hereby assigns"
    -> "Vendor hereby assigns"). ``None`` when the statement is not so plainly a clause of its own: anything else
    after it that starts another clause, or a comma, semicolon or colon between its conjunct's start and the
    phrase, or no other sentence in the paragraph."""
    start, end = sentence_span(text, phrase_start)
    end = len(text[:end].rstrip())
    if end <= phrase_end or text[end - 1] != ".":
        return None
    opening = _OPENING.match(text, start)
    at = opening.end() if opening else start
    brk = _CLAUSE_BREAK.search(text, phrase_end, end - 1)
    if brk is not None:  # "…, and Vendor hereby assigns": the assignment's own conjunct follows
        if assignment is None or not _AND_BREAK.fullmatch(brk.group(0)) or not brk.end() < assignment < end:
            return None
        rest = re.compile(r"\s+(\w)").match(text, brk.end())
        if (
            rest is None
            or _CLAUSE_BREAK.search(text, rest.end(), assignment)
            or re.search(r"[,;:]", text[at:phrase_start])
        ):
            return None
        return Strike(at, rest.end(), rest.group(1).upper(), text[at : brk.start()])
    conjunct = _AND_CLAUSE.search(text, at, phrase_start)
    if conjunct is not None:
        return Strike(conjunct.start(), end - 1, "", text[conjunct.end() : end - 1])
    if re.search(r"[,;:]", text[at:phrase_start]) or (not text[:at].strip() and not text[end:].strip()):
        return None  # a condition before it, or the paragraph's only sentence
    after = len(text) - len(text[end:].lstrip()) if text[end:].strip() else end
    if after == end:  # the last sentence: the space before it goes
        at = len(text[:at].rstrip())
    return Strike(at, after, "", text[at:end].strip().rstrip("."))


_AND_BREAK = re.compile(r",\s*and", re.IGNORECASE)


_THOSE = re.compile(r"\bfor those ([A-Z][\w-]*(?: [A-Z][\w-]*)*)\b")
_EACH_FIRST = re.compile(r"^for each ([A-Z][\w-]*(?: [A-Z][\w-]*)*), (upon payment in full of .+?) for it (under .+)$")


def that_piece(text: str, at: int, condition: str) -> str:
    """``condition`` ("upon payment in full of the fees for those Assets under the applicable SOW", "for each
    Illustration, upon payment in full of the fees for it under this agreement") said of the one piece the sentence
    of ``text`` at ``at`` names before it ("For each Asset", "any Illustration"): "upon payment in full of the fees for
    that Asset under the applicable SOW"."""
    each = _EACH_FIRST.match(condition)
    m = _THOSE.search(condition) if each is None else None
    plural = m.group(1) if m is not None else None
    one = each.group(1) if each is not None else _one_of(plural) if plural is not None else None
    if one is None or one == plural:
        return condition
    start, _ = sentence_span(text, at)
    if not re.search(rf"\b(?:[Ee]ach|[Ee]very|[Aa]ny|[Aa]n?) {re.escape(one)}\b", text[start:at]):
        return condition
    if each is not None:
        return f"{each.group(2)} for that {one} {each.group(3)}"
    assert m is not None
    return f"{condition[: m.start()]}for that {one}{condition[m.end() :]}"


# -- verbs coordinated with a transfer's verb ---------------------------------------------------------------

# "…, and gives every consent", "and hereby waives": a verb of the transfer's subject joined to it by "and", in the
# present tense, that gives a right as the transfer does (a consent, a waiver, a licence); not a warranty or an
# acknowledgment ("and warrants that …"), which is given now, not on payment
_COORDINATED = re.compile(
    r"(?:,\s*)?\band\s+(?:(?:hereby|irrevocably|unconditionally|absolutely|also|further)\s+)*"
    r"(?P<verb>(?:gives|grants|waives|consents|releases|licenses|authori[sz]es|transfers|conveys|assigns|renounces))\b",
    re.IGNORECASE,
)
# what ends the verb chain of the transfer's subject: a clause of its own (";", ":"), a modal of another duty
_OWN_CLAUSE = re.compile(r"[;:]|\b(?:shall|will|must|may|whereupon|provided)\b", re.IGNORECASE)


def coordinated_verbs(text: str, phrase_start: int, phrase_end: int) -> list[Strike]:
    """The present-tense verbs joined by "and" to the transfer's verb at ``text[phrase_start:phrase_end]``, in its
    sentence and with its subject ("The Narrator assigns … and gives every consent …"), each as the span a redline
    replaces once that verb follows a modal ("shall, upon payment …, assign … and give every consent"): the bare
    verb, so the verbs stay in step. None after a clause of its own (a semicolon, another modal)."""
    _, end = sentence_span(text, phrase_start)
    out = []
    for m in _COORDINATED.finditer(text, phrase_end, end):
        if _OWN_CLAUSE.search(text, phrase_end, m.start()):
            break
        verb = m.group("verb")
        out.append(Strike(m.start("verb"), m.end("verb"), verb[:-1], verb))
    return out


# -- a licence that names AI training ---------------------------------------------------------------------

# The words that add training to a grant's uses, before the training words: ", including to", ", including
# without limitation for", " and to", ", in particular to"
_NAMES_TRAINING = re.compile(
    r",?\s+(?:including|in\s+particular|and|or)\s+(?:(?:without\s+limitation|but\s+not\s+limited)\s+)?"
    r"(?:to|for(?:\s+the\s+purposes?\s+of)?|the\s+right\s+to)\s+$",
    re.IGNORECASE,
)


# a verb of training a model: "train", "fine-tune", "improve", "develop", "test", "build" …
_TRAINING_VERB = r"(?:train|fine[\s-]?tun|improv|test|develop|teach|evaluat|benchmark|build|refin|enhanc)\w*\b"
# The same lead-in before a list of verbs holding a training verb whose object holds the AI words: ", including to
# train, fine-tune and test the machine learning models …", ", including to develop, train and improve Buyer's
# product-search, recommendation and content-generation systems"
_NAMES_TRAINING_VERB = re.compile(
    _NAMES_TRAINING.pattern.removesuffix("$")
    + r"(?=(?:[a-z-]+,\s+)*(?:[a-z-]+,?\s+(?:and|or)\s+)?"
    + _TRAINING_VERB
    + ")",
    re.IGNORECASE,
)
# the rest of that object up to the end of the grant's clause: no bracket or colon on the way (a comma only between
# the items of a list, which :data:`_CLAUSE_BREAK` tells from one before another clause)
_OBJECT_TAIL = re.compile(r"[^.;:()]*?(?=\s*(?:[.;)]|$))")


# '"Prohibited AI Use" means using any Protected Materials to train or fine-tune an AI System, or including them in a
# dataset compiled for that purpose.' (minimal's): what the restriction forbids, up to the next entry or the full stop
_PROHIBITED_DEFINED = re.compile(
    r"[\"“]Prohibited AI Use[\"”]\s+means\s+(?P<what>.*?)(?:;\s+(?:and\s+)?[\"“]|\.(?:\s|$)|$)"
)
# a use of the work beyond training that a restriction may name: feeding it to a system, making output from it
_BEYOND_TRAINING = re.compile(
    r"\b(?:input|prompt|process|upload|provid|generat|output|embed|vector|retriev|analy[sz]|min(?:e|ing)\b|scrap|"
    r"reproduc|style|replica|imitat|summari)",
    re.IGNORECASE,
)


def restricts_only_training(texts: Iterable[str]) -> bool:
    """Whether the restriction on AI use the document defines ("Prohibited AI Use" means …) forbids only training an
    AI system on the work (and compiling a dataset for it): minimal's. A tool that trains nothing is outside it, so a
    question about one is answered from the definition, with no exception drafted. False where the document defines
    no such restriction, or its definition names any other use (input, output, processing, embedding …)."""
    for text in texts:
        if "Prohibited AI Use" not in text:
            continue
        m = _PROHIBITED_DEFINED.search(text)
        if m is not None:
            what = m.group("what")
            return "train" in what.lower() and _BEYOND_TRAINING.search(what) is None
    return False


def permitted_training(f: Finding) -> str | None:
    """The words by which ``f``, an AI permission, adds training to a grant's uses (:func:`training_words`:
    "including to train, fine-tune or evaluate artificial intelligence models"), else None. A paragraph that uses
    our terms ("solely for the Permitted Purpose, subject to the restrictions on Prohibited AI Use") with these words
    beside them is no clause of ours: the words are theirs, and contradict ours."""
    if f.kind != "existing_ai_restriction" or f.attributes.get("polarity") != "permission":
        return None
    strike = training_words(f.paragraph_text, f.phrase_start, f.phrase_end)
    return strike.words if strike is not None else None


def purpose_made_subject(f: Finding) -> bool:
    """Whether ``f`` is an unlimited purpose the document already makes subject to a restriction on AI use it names
    ("for any purpose, subject to the restrictions on Prohibited AI Use": minimal's change of an earlier round,
    accepted): the purpose is kept, so no clause limiting the licences to a purpose goes beside it."""
    if f.kind != "any_and_all_purposes":
        return False
    return P.AI_RESTRICTION_NAMED.match(f.paragraph_text[f.phrase_end :].lstrip(", ")) is not None


def training_words(text: str, phrase_start: int, phrase_end: int) -> Strike | None:
    """The words of a grant that add AI training to its uses, ending with the training words at
    ``text[phrase_start:phrase_end]`` ("… for any purpose related to our business, including to train or improve
    our products and services."), as the span a redline strikes: the lead-in (", including to") and the training
    words, where they end the grant's clause (a full stop, semicolon, comma or bracket follows). Where the AI words
    are the object of the training words ("…, including to train, fine-tune and test the machine learning models
    and procedural content tools Company uses."), the span runs from the lead-in to the end of that object, where
    it ends the grant's clause with no other clause on the way. ``None`` where training is the grant itself or
    more of the clause follows: that needs more than a deletion."""
    start, end = sentence_span(text, phrase_start)
    lead = _NAMES_TRAINING.search(text, start, phrase_start)
    stop = phrase_end
    if lead is None:
        lead = next(
            (
                m
                for m in reversed(list(_NAMES_TRAINING_VERB.finditer(text, start, phrase_end)))
                if m.end() <= phrase_start and not _CLAUSE_BREAK.search(text, m.end(), phrase_start)
            ),
            None,
        )
        tail = _OBJECT_TAIL.match(text, phrase_end, end) if lead is not None else None
        if lead is None or tail is None or _CLAUSE_BREAK.search(text, phrase_end, tail.end()):
            return None
        stop = tail.end()
    elif not re.match(r"\s*(?:[.;,)]|$)", text[phrase_end:]):
        return None
    return Strike(lead.start(), stop, "", text[lead.start() : stop].lstrip(", "))


# -- a reservation of the rights not granted ----------------------------------------------------------------

# a reservation of the rights a grant leaves out ("not expressly granted", "except as expressly"), not a party
# keeping what it owns ("retains all ownership")
_NOT_GRANTED = re.compile(
    r"\bnot\s+(?:expressly\s+|specifically\s+)?(?:granted|licen[cs]ed)\b|\bexcept\s+(?:as|for\s+the\s+rights)\s+expressly",
    re.IGNORECASE,
)
_SPEAKS_OF_AI = re.compile(
    r"\bAI\b|\bartificial\s+intelligence\b|\bmachine[- ]learning\b|\btrain(?:ing)?\b|\bdata\s+mining\b", re.IGNORECASE
)


def reserves_not_granted(text: str, phrase_start: int) -> bool:
    """The reservation whose words start at ``text[phrase_start:]`` reserves the rights a grant leaves out ("All
    rights in the Work not expressly granted … are reserved to the Proprietor"), in a paragraph that says nothing
    of AI: the AI words of a reservation of ours may join it."""
    start, end = sentence_span(text, phrase_start)
    return _NOT_GRANTED.search(text, start, end) is not None and _SPEAKS_OF_AI.search(text) is None


# -- an AI use named as one item of a list ----------------------------------------------------------------

# an item that puts the work to use as data for AI: mined, compiled into a dataset, used for training
_DATA_USE = re.compile(
    r"\b(?:text\s+and\s+data\s+mining|data\s+mining|datasets?|data\s+sets?|training|corpus|corpora)\b", re.IGNORECASE
)
# where a list of things starts: the word that names them ("including", "in", "to", "such as" …)
_LIST_LEAD = re.compile(
    r"\b(?:including|such\s+as|namely|in|into|to|for|through|via|by|on|with|from)\s+(?:(?:the|any|all)\s+)?",
    re.IGNORECASE,
)
# between two items: ", ", " and ", ", or "
_ITEM_JOIN = re.compile(r",\s+(?:(?P<conj1>and|or)\s+)?|\s+(?P<conj2>and|or)\s+", re.IGNORECASE)
# an item ends at a comma, a bracket, a full stop, or the next "and" / "or"
_ITEM_END = re.compile(r"[^,;:.()]*?(?=\s*(?:[,;:.()]|$)|\s+(?:and|or)\s+)", re.IGNORECASE)
_JOIN_BEFORE = re.compile(r"(?:,|\s(?:and|or))\s+$", re.IGNORECASE)
_VERB_IN = re.compile(r"[;:]|\b(?:shall|will|must|may|can|is|are|agrees?|undertakes?)\b", re.IGNORECASE)


def ai_list_item(text: str, phrase_start: int, phrase_end: int) -> Strike | None:
    """The AI words at ``text[phrase_start:phrase_end]`` where they name one item of a list of nouns that a grant
    names ("… including the inclusion of its text in digital databases and text and data mining services, and shall
    pay …", "may sublicense the Episodes to streaming platforms, archives and machine-learning dataset providers"),
    an item that puts the work to use as data for AI (mining, a dataset, training): the span a redline replaces so
    that the list reads without it ("in digital databases", "to streaming platforms and archives"), its joining
    words with it. ``None``: the AI words are no such item (the grant's own object, AI tools the work is used with),
    or the list cannot be read."""
    start, end = sentence_span(text, phrase_start)
    if phrase_end > end:
        return None
    stop = _ITEM_END.match(text, phrase_end, end)
    if stop is None:
        return None
    item_end = stop.end()
    leads = [m for m in _LIST_LEAD.finditer(text, start, phrase_start) if m.end() <= phrase_start]
    # a lead word right after a join begins an item of its own ("in cinemas, on television, and in …"): the list
    # starts at the lead before it
    while len(leads) > 1 and _JOIN_BEFORE.search(text, start, leads[-1].start()):
        leads.pop()
    if not leads:
        return None
    lead = leads[-1].end()
    joins = [m for m in _ITEM_JOIN.finditer(text, lead, phrase_start) if m.end() <= phrase_start]
    if joins and _VERB_IN.search(text, joins[-1].end(), phrase_start) is None:  # an item after another
        join = joins[-1]
        if not _DATA_USE.search(text, join.end(), item_end):
            return None
        siblings = text[lead : join.start()]
        if not siblings.strip() or _VERB_IN.search(siblings) or siblings.rstrip().endswith(("and", "or")):
            return None
        words = text[join.end() : item_end]
        conj = join.group("conj1") or join.group("conj2")
        if conj is None or "," not in siblings:  # "A and ITEM", "A, ITEM, C": the item with the words before it
            return Strike(join.start(), item_end, "", words)
        cut = lead + siblings.rindex(",")  # "A, B and ITEM" -> "A and B"
        return Strike(cut, item_end, f" {conj} {siblings[siblings.rindex(',') + 1 :].strip()}", words)
    # the first item: the words joining it to the next go with it ("ITEM and B", "ITEM, B and C")
    after = _ITEM_JOIN.match(text, item_end, end)
    if after is None or not _DATA_USE.search(text, lead, item_end) or _VERB_IN.search(text, lead, item_end):
        return None
    rest = _ITEM_END.match(text, after.end(), end)
    if after.group("conj1") or rest is None or _VERB_IN.search(text, after.end(), rest.end()):
        return None  # ", and shall pay …": another clause, not another item
    if _LIMB_OPENS.match(text, after.end()) and text[after.end() : after.end() + 3].lower() == "to ":
        return None  # "for the training of its ML models and to improve the Service": a purpose of its own
    return Strike(lead, after.end(), "", text[lead:item_end])


# -- a permission to use AI tools on the work ---------------------------------------------------------------

# the tools: "machine translation or other automated tools", "generative AI tools", "artificial intelligence software"
_AI_TOOLS = re.compile(
    r"(?:machine[- ]translation(?:\s+(?:tools?|software|systems?|services?|engines?))?|"
    r"(?:generative\s+)?(?:AI|artificial\s+intelligence)\s+(?:tools?|software|services))"
    r"(?:\s+(?:or|and)\s+(?:other\s+|similar\s+)?(?:[\w-]+\s+){0,2}?(?:tools|software|systems|services|technolog(?:y|ies)))?",
    re.IGNORECASE,
)
# what the tools are named after: "use", "using", "the use of", "employ"
_USES_TOOLS = re.compile(
    r"\b(?:use|using|employ|employing|apply|applying)\s+(?:of\s+)?(?:any\s+|the\s+)?(?:generative\s+|automated\s+)?$",
    re.IGNORECASE,
)


def ai_tools(text: str, phrase_start: int, phrase_end: int) -> Strike | None:
    """The AI tools a sentence allows to be used on the work ("be entitled to use machine translation or other
    automated tools in preparing the Translation"), the AI words at ``text[phrase_start:phrase_end]`` starting them,
    as the span a redline qualifies: the tools' words. ``None``: no use of AI tools is allowed there (a denial, the
    tools not what is used), or the use is conditioned already."""
    start, end = sentence_span(text, phrase_start)
    before = text[start:phrase_start]
    m = _AI_TOOLS.match(text, phrase_start)
    if m is None or m.end() < phrase_end or _USES_TOOLS.search(before) is None:
        return None
    if _NO_ONE.search(before) or _CONDITIONED.search(text, start, end):
        return None
    adjective = re.search(r"(?:generative|automated)\s+$", before, re.IGNORECASE)  # "generative AI tools": one name
    at = phrase_start - len(adjective.group()) if adjective else phrase_start
    return Strike(at, m.end(), "", text[at : m.end()])


# what a permission lets the AI tools be used for, after their words: "in preparing the Translation", "for a first
# draft", "to localise the Copy for its regional websites"; up to the end of that limb ("…, and to retain …")
_TOOLS_PURPOSE = re.compile(
    r"\s+(?P<what>(?:in|for|to|when|while|during|on)\s[^,;.:()]*?)(?=\s*(?:[,;.:(]|$)|\s+(?:and|or)\s+(?:to|may|shall|"
    r"will|can|must)\b)"
)
# the client's own, as a pronoun: "for its regional websites", "their editorial systems"
_OWNERS = re.compile(r"\b(?:its|their)\b")


def kept_tool_use(text: str, tools: Strike, owner: str) -> str:
    """The use of AI tools a permission allows (``tools``, as :func:`ai_tools` reads it), in the document's own words
    as an exception names it: "the use of machine translation or other automated tools in preparing the
    Translation"; the client's own ("its", "their") called by ``owner``, its possessive ("the Publishers'"), where
    the pronoun would have no antecedent."""
    m = _TOOLS_PURPOSE.match(text, tools.end)
    what = _OWNERS.sub(owner, m.group("what")) if m is not None else ""
    return f"the use of {tools.words}{' ' + what if what else ''}"


# A sentence whose operative act lets a party train AI on what it uses: "The Client may use the Designs to train
# its own machine learning models …", "Customer may use the Software and Deliverables to train Customer's
# internal AI models.", "The Licensee is entitled to use the Images for training …", in whatever words: an aside
# between the modal and the verb ("may also use", "may, in addition, use", "is hereby permitted to"), another form
# of permission ("shall have the right to"), of the use ("for the purpose of training", "as training data", "in
# training", "ingest … into its AI models"), a list of verbs ("to train, retrain or fine-tune"), the passive ("may
# be used by the Studio to train"). The subject comes first, a few words without a comma (no "Subject to …, the
# Client may"); "may not" never matches.
_ASIDE_WORD = (
    r"(?:also|further|furthermore|additionally|hereby|expressly|freely|likewise|moreover|at\s+any\s+time|"
    r"in\s+addition)"
)
_ASIDE = rf"(?:\s*,\s*{_ASIDE_WORD}\s*,|\s+{_ASIDE_WORD}\b)*"
_MAY_TRAIN = (
    rf"(?:may|can|(?:is|are|shall\s+be|will\s+be){_ASIDE}\s+(?:permitted|entitled|free|allowed|authori[sz]ed)\s+to|"
    rf"(?:has|have|shall\s+have|will\s+have){_ASIDE}\s+the\s+(?:right|licen[cs]e|authority|freedom)\s+to)"
)
_PUT_TO_USE = (
    r"(?:use|process|copy|reproduce|exploit|input|ingest|incorporate|include|load|feed|upload|submit|mine|provide|"
    r"supply|disclose)"
)
_PUT_TO_USE_PASSIVE = (
    r"be(?:\s+(?:also|further|additionally|freely))?\s+"
    r"(?:used|processed|copied|reproduced|exploited|input|ingested|incorporated|included|loaded|fed|uploaded|"
    r"submitted|mined|provided|supplied|disclosed)"
)
_PERMITS_TRAINING = re.compile(
    rf"(?P<subject>[A-Za-z“\"][^,;:.]{{0,80}}?)\s+{_MAY_TRAIN}{_ASIDE}\s+"
    # the work fed into the models themselves: "may ingest the Artwork into its AI models"
    r"(?:(?:ingest|feed)\b[^.;]{0,160}?\b(?:into|to)\s+(?P<fed>(?=(?:(?:the|its|their|any|[\w-]+['’]s)\s+)?"
    r"(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:AI|artificial|machine|neural|(?:large\s+)?language|training|datasets?)\b))|"
    rf"(?:(?:{_PUT_TO_USE_PASSIVE}|{_PUT_TO_USE})\b[^.;]{{0,160}}?\b"
    r"(?:to|for(?:\s+the\s+purposes?\s+of)?|as|in)\s+(?:the\s+)?)?"
    # a list of verbs before it: "to develop, train and evaluate its speech models"; the first training verb of the
    # list is the act ("to train and improve its models": "train", whose object follows the list)
    r"(?:[a-z-]+,\s+)*?(?:[a-z-]+,?\s+(?:and|or)\s+)??"
    # what is made for training: "to create training datasets"
    r"(?:(?:create|compile|build|assemble)\s+(?:an?\s+|the\s+)?)?"
    r"(?P<act>(?:re-?)?train(?:ing)?|fine[\s-]?tun(?:e|ing)|improv(?:e|ing))\b|"
    # AI named as the purpose: "for machine learning purposes", "for the development of artificial intelligence
    # models" (not AI tools the work is used with)
    rf"(?:{_PUT_TO_USE_PASSIVE}|{_PUT_TO_USE})\b[^.;]{{0,160}}?\b(?:for|in\s+connection\s+with)\s+(?:the\s+)?"
    r"(?:purposes?\s+of\s+)?(?:(?:development|creation|building|(?:re-?)?training|fine[\s-]?tuning|improvement|"
    r"enhancement)\s+of\s+)?"
    r"(?P<purpose>(?=(?:(?:its|their|[\w-]+['’]s)\s+)?(?:own\s+)?(?:generative\s+)?"
    r"(?:AI|artificial\s+intelligence|machine[- ]learning|deep[- ]learning|LLMs?|large\s+language|neural)(?![\w-])"
    r"(?!\s+(?:tools?|software|services|products?|features?)\b))))",
)
# verbs listed before the training act: "train and ", "develop, train and "
_VERB_LIST = re.compile(r"(?:[a-z-]+,\s+)*[a-z-]+,?\s+(?:and|or)\s+")
# the words between the training verb and the AI words it trains: more verbs of the list ("train and evaluate"),
# then a few words, none starting another phrase ("to train Customer's own AI models", not "to train its staff in
# the use of AI tools")
_TRAINED_OBJECT = re.compile(
    r"(?:(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[a-z-]+)*"
    # the noun's object: "for the training of artificial intelligence models"
    r"(?:\s+of(?=\s))?"
    r"\s*(?:,?\s*(?!(?:in|on|with|about|to|for|by|at|from|of|and|or|but)\b)[\w’'-]+\s+){0,4}"
)
# what a model is called, in AI words that start with the training verb ("train its machine learning models")
_A_MODEL = re.compile(
    r"\b(?:AI|ML|LLMs?|models?|algorithms?|artificial|machine|neural|data(?:sets?)?|language)\b", re.IGNORECASE
)
# words before the permission that leave it a permission: an acknowledgment ("The Artist agrees that …"), an
# override or an addition ("Notwithstanding clause 2, …", "In addition, …")
_PERMISSION_LEAD = re.compile(
    r"[A-Z][^,;:.]{0,80}?\b(?:agrees?|acknowledges?|accepts?|confirms?)"
    r"(?:\s+and\s+(?:agrees?|acknowledges?|accepts?|confirms?))?\s+that\s+|"
    r"(?:Notwithstanding|Despite|In\s+addition|Additionally|Further(?:more)?|Moreover)\b(?:[^,;:.]|\.(?=\d)){0,120}?,\s+"
)
_NO_ONE = re.compile(r"\b(?:no|neither|nor|none|nothing|not)\b", re.IGNORECASE)
# a permission that waits for the other side's word is no unilateral permission: left to the covenant
_CONDITIONED = re.compile(
    r"\b(?:consent\w*|approv\w*|authori[sz]\w*|agree\w*|permission|unless|subject\s+to|except|if)\b",
    re.IGNORECASE,
)
# a second clause by which the party whose material it is gives the authority itself, not a condition the
# permission waits on ("…, and Customer authorizes Provider to process Customer Content for such purposes")
_AND_GIVES = re.compile(
    r"\band\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+(?:hereby\s+)?$",
)
_GIVES = re.compile(r"(?:authori[sz]es|consents|agrees)\b(?!\s+(?:that|in\s+writing)\b)", re.IGNORECASE)


def _conditioned(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` makes a permission wait for someone's word (see :data:`_CONDITIONED`): not
    where the word is a second clause giving the authority ("and Customer authorizes Provider to …")."""
    for m in _CONDITIONED.finditer(text, start, end):
        if _GIVES.match(text, m.start(), end) and _AND_GIVES.search(text, max(start, m.start() - 60), m.start()):
            continue
        return True
    return False


# The AI words before the training verb, as where the work goes ("may input the Artwork into generative AI tools to
# train them", "may feed the Work to machine-learning models for training"): a preposition of destination before
# them, a few words of their name, and the training verb that follows trains them (a pronoun or "those / such"
# standing for them) or nothing ("for training", "for the purpose of training"), not something else ("to train its
# staff", "to improve the Artwork").
_INTO = re.compile(
    r"\b(?:into|to|with|through|on)\s+(?:(?:the|its|their|any|an?|one\s+or\s+more|[\w-]+['’]s)\s+)?(?:own\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NAME_TO_VERB = re.compile(
    r"(?:\s*[\w-]+){0,5}?\s+(?:to|for|in)\s+(?:the\s+purposes?\s+of\s+)?(?:[a-z-]+,\s+)*(?:[a-z-]+,?\s+(?:and|or)\s+)?"
)
_TRAINS_THEM = re.compile(
    r"(?:(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[a-z-]+)*"
    r"(?:"
    # a model named ("to train their models", "to fine-tune its AI systems"), whatever follows
    r"\s+(?:(?:their|its|the|any|such|those|these|[\w-]+['’]s)\s+)?(?:own\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:AI|models?|systems?|tools?|networks?|algorithms?|LLMs?)\b|"
    # a pronoun standing for them, or nothing ("to train them", "for training"), to the sentence's end
    r"(?:\s+(?:them|it|(?:those|these|such|the\s+same)"
    r"(?:\s+(?:[\w-]+\s+)?(?:AI|models?|systems?|tools?|networks?|algorithms?|services?))?)\b)?"
    r"\s*(?=[.;,]|$))",
)


# A permission to make or use AI trained on what it names: "The Client may develop AI models trained on the Artwork",
# "may use AI tools that are trained on the Designs", "may create machine learning models fine-tuned using the Work"
_MAKES_TRAINED = re.compile(
    rf"(?P<subject>[A-Za-z“\"][^,;:.]{{0,80}}?)\s+{_MAY_TRAIN}{_ASIDE}\s+"
    r"(?:develop|create|build|make|use|deploy|offer|operate|commercialise|commercialize)\s+"
    r"(?:(?:an?|any|the|its|their|one\s+or\s+more|[\w-]+['’]s)\s+)?(?:own\s+)?"
    r"(?P<ai>(?:[\w-]+\s+){0,3}?(?:AI|models?|systems?|tools?|networks?|algorithms?|LLMs?)\b)"
    r"(?:\s+(?:that|which)\s+(?:are|is|have\s+been|has\s+been)|,)?\s+"
    r"(?:(?:pre-?)?trained|fine[\s-]?tuned|retrained)\s+(?:on|using|with|from)\s+(?P<object>[^,;.]{1,80})",
)


def _trained_on_work(made: re.Match[str]) -> bool:
    """What the AI is trained on is a thing the document names ("the Artwork", "any Designs"), not the permitted
    party's own ("its own data", "the Client's data", "Client Data" where the Client may) nor something unnamed
    ("publicly available data")."""
    if _NO_ONE.search(made.group("subject")):
        return False
    object_ = made.group("object")
    named = re.match(r"(?:(?:the|any|all|such)\s+)?(?:[A-Z][\w-]*\s*)+", object_)
    if named is None or re.search(r"\bown\b|['’]s\b", object_):
        return False
    who = made.group("subject").split()[-1]
    return who not in named.group(0).split()


def _fed_then_trained(text: str, phrase_start: int, act: int, act_end: int, end: int) -> bool:
    """Whether the AI words at ``phrase_start``, before the training verb at ``act`` (ending at ``act_end``), are
    where the permission puts the work, and the verb trains them (see :data:`_INTO`)."""
    if _INTO.search(text, max(0, phrase_start - 60), phrase_start) is None:
        return False
    if _NAME_TO_VERB.fullmatch(text, _word_end(text, phrase_start), act) is None:
        return False
    return _TRAINS_THEM.match(text, act_end, end) is not None and text[act:act_end].lower().startswith(
        ("train", "retrain", "re-train", "fine")
    )


def _word_end(text: str, at: int) -> int:
    """The end of the word at ``at``."""
    while at < len(text) and (text[at].isalnum() or text[at] in "-"):
        at += 1
    return at


def training_permission(text: str, phrase_start: int, phrase_end: int) -> Strike | None:
    """The whole sentence of ``text`` holding the AI words at ``text[phrase_start:phrase_end]`` where that
    sentence's operative act is a permission to train, fine-tune or improve a model on what it names ("The
    Client may use the Designs to train its own machine learning models …"), as the span a redline strikes:
    the sentence with the space after it (before it, for a paragraph's last sentence), the whole paragraph
    with its typed number where the sentence is all of it. ``None``: no such permission (a restriction, "may
    not"; training words after the AI words), or one conditioned on consent or approval. Whose permission it
    is, is the finding's to say (``permitted_party``)."""
    found = _permits_training(text, phrase_start, phrase_end)
    if found is None:  # a limb in the bare form after another ("to provide the Service and train its AI models")
        start, end = sentence_span(text, phrase_start)
        if not _bare_limb(text, start, phrase_start, phrase_end):
            return None
        if start and _OPENING.fullmatch(text, 0, start):
            start = 0
        opening = _OPENING.match(text, start)
        return _sentence_struck(text, start, end, opening.end() if opening is not None else start)
    return found[0]


def _permits_training(text: str, phrase_start: int, phrase_end: int) -> tuple[Strike, int] | None:
    """:func:`training_permission`'s sentence, and where the training verb its AI words follow starts ("train" of
    "to train its machine learning models"; -1 where the AI words come first: "into AI tools to train them", "AI
    models trained on the Artwork")."""
    start, end = sentence_span(text, phrase_start)
    if start and _OPENING.fullmatch(text, 0, start):  # "2. Customer may …": "2." is its number, not a sentence
        start = 0
    opening = _OPENING.match(text, start)
    head = opening.end() if opening is not None else start
    lead = _PERMISSION_LEAD.match(text, head, end)
    body = lead.end() if lead is not None else head
    if _conditioned(text, body, end):
        return None
    made = _MAKES_TRAINED.match(text, body, end)
    # "may develop AI models trained on the Artwork": the AI words before the work they are trained on
    if made is not None and made.start("ai") <= phrase_start < made.end("ai") and _trained_on_work(made):
        return _sentence_struck(text, start, end, head), -1
    m = _PERMITS_TRAINING.match(text, body, end)
    if m is None or _NO_ONE.search(m.group("subject")):
        return None
    act = next(m.start(g) for g in ("act", "fed", "purpose") if m.start(g) >= 0)
    if phrase_start < act < phrase_end and _VERB_LIST.fullmatch(text, phrase_start, act):
        act = phrase_start  # the AI words start with the list of verbs the act ends ("train and improve its models")
    if phrase_start < act:  # the AI words where the work is put, trained after ("into AI tools to train them")
        if _fed_then_trained(text, phrase_start, act, m.end(), end):
            return _sentence_struck(text, start, end, head), -1
        # the AI words are the material put to use, a term the document defines through its AI ("use the Subscriber
        # Materials to train and improve its speech-recognition models"): the act trains the model named after it
        model = _A_MODEL.search(text, m.end(), end) if m.start("act") >= 0 else None
        if model is None or not _TRAINED_OBJECT.fullmatch(text, m.end(), model.start()):
            return None
        return _sentence_struck(text, start, end, head), act
    if phrase_start > m.end() and not _TRAINED_OBJECT.fullmatch(text, m.end(), phrase_start):
        return None  # the AI words are not what the permission trains ("to train its staff in AI tools")
    if phrase_start < m.end() and not _A_MODEL.search(text, m.end(), phrase_end):
        return None  # "may use the Deliverables to train its products": what is trained names no model
    return _sentence_struck(text, start, end, head), act


# A limb of a permission's purposes opens with "to" or "for" ("to improve the Service", "for the training of its ML
# models"); the join from the training limb to the next one ("… models and to improve the Service"), or from the one
# before it ("to host the Service, to train …")
_LIMB_OPENS = re.compile(r"\b(?:to|for)\s+", re.IGNORECASE)
_JOIN = r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_NEXT_LIMB = re.compile(_JOIN + r"(?=(?:in\s+order\s+)?(?:to|for)\s+\w)", re.IGNORECASE)
_LIMB_BEFORE = re.compile(_JOIN + r"$", re.IGNORECASE)
_BACK_TO_THE_LIMB = re.compile(r"\b(?:them|it|those|these|such|the\s+same)\b", re.IGNORECASE)


def training_limb(text: str, phrase_start: int, phrase_end: int) -> Strike | None:
    """Where a permission to train (:func:`training_permission`) allows other uses as well, in limbs of its own
    ("Provider may use Customer Content to train its machine learning models and to improve the Service"; "for the
    training of its ML models and to operate the Service"; "to provide the Service and train its AI models"; "to train
    its AI models and improve the Service"), the training limb with the join that ties it to the rest, as the span a
    redline strikes so that the rest still stands and reads ("Provider may use Customer Content to improve the
    Service"): the limb and the join after it ("to train … models and "; "train … models and " where the next limb
    takes its "to"); the last limb, or one after a comma, with the join before it (" and to train … models", ", to
    train … models"). ``words``: the limb. ``None``: no such permission, training is its only use, another limb names
    AI or training too (the sentence goes whole), or the limb cannot be told from the rest."""
    start, end = sentence_span(text, phrase_start)
    found = _permits_training(text, phrase_start, phrase_end)
    if found is not None and 0 <= found[1] <= phrase_start:
        act = found[1]
        opens = [m for m in _LIMB_OPENS.finditer(text, start, act) if not _CLAUSE_BREAK.search(text, m.end(), act)]
        if not opens:
            return None
        limb, verb = opens[-1].start(), opens[-1].end()
    elif found is None and _bare_limb(text, start, phrase_start, phrase_end):
        limb = verb = phrase_start  # "to provide the Service and train its AI models"
    else:
        return None
    after = _NEXT_LIMB.search(text, phrase_end, end)
    bare = _NEXT_BARE_LIMB.search(text, phrase_end, end) if after is None else None
    if bare is not None and not text[limb:verb].lower().startswith("for"):  # "for … and improve" reads no limb
        after, limb = bare, verb  # "to train its AI models and improve the Service": the "to" stays for the next
    if after is not None and _CLAUSE_BREAK.search(text, phrase_end, after.start()):
        after = None  # "… models, provided that …": not a limb of the purposes
    before = _LIMB_BEFORE.search(text, start, limb)
    if before is not None and not _LIMB_OPENS.search(text, start, before.start()):
        before = None  # "may use, copy and process Customer Content to train": no limb before it
    stop = after.start() if after is not None else len(text[:end].rstrip().rstrip(".;"))
    if (after is None and before is None) or _CLAUSE_BREAK.search(text, phrase_end, stop):
        return None
    if after is None and _AND_MORE.search(text, phrase_end, stop):
        return None  # "… train its AI models and provide support": more after it than its object
    later = text[after.end() : end] if after is not None else ""
    if _SPEAKS_OF_AI.search(text, start, limb) or _SPEAKS_OF_AI.search(later) or _A_MODEL.search(later):
        return None  # another limb trains AI too: the sentence goes whole
    if _BACK_TO_THE_LIMB.search(later):
        return None  # "… models and to improve them": the rest refers to what the limb names
    words = text[limb:stop]
    if after is not None and (before is None or "," not in before.group()):
        return Strike(limb, after.end(), "", words)  # "to train … models and " / "A and to train … and B"
    assert before is not None
    return Strike(before.start(), stop, "", words)  # " and to train … models", ", to train … models"


_DEFINED_THING = re.compile(r"\bthe\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\b(?!['’])")


def widening_limb(text: str, phrase_start: int, project: str) -> Strike | None:
    """Where a licence's sentence, from ``phrase_start`` on, names its purposes in limbs after its own verb ("… licence
    to use, copy and analyse Customer Data to improve the Services and to develop new products"), the last limb with
    the join before it (" and to develop new products") when it names no ``project`` ("the Services") while the limb
    before it does (with no ``project`` given, the thing the document names in that limb: "the Campaign"): the span a
    redline strikes so that the licence stays for the project, as the Permitted Purpose is. ``None``: no project,
    one limb only (a licence's own verbs are no purposes: "to access the Services and to copy …"), the last limb
    names the project too, or a clause break in it."""
    _start, end = sentence_span(text, phrase_start)
    stop = len(text[:end].rstrip().rstrip(".;"))
    joins = list(_NEXT_LIMB.finditer(text, phrase_start, stop))
    if not joins:
        return None
    last = joins[-1]
    opens = list(_LIMB_OPENS.finditer(text, phrase_start, last.start()))
    if len(opens) < 2:
        return None  # the licence's own verb alone: no purposes listed
    named = _DEFINED_THING.search(text, opens[-1].end(), last.start()) if not project else None
    name = project.removeprefix("the ").strip() if project else (named.group(1) if named else "")
    if not name or name not in text[opens[-1].end() : last.start()]:
        return None  # the limb before it serves something else than the project
    limb = text[last.end() : stop]
    if name in limb or _CLAUSE_BREAK.search(limb) or _CLAUSE_BREAK.search(text, opens[-1].end(), last.start()):
        return None
    return Strike(last.start(), stop, "", text[last.start() : stop].strip())


# The words of the next sentence that hang on a permission struck before it: an opening connective that answers it
# ("However,", "In that case,") and the items that govern the use it gave ("(a) … must be aggregated before any such
# use, and"), read by their reference back to it ("such use", "that training").
_BACK_CONNECTIVE = re.compile(
    r"(?:However|But|Nevertheless|Notwithstanding\s+the\s+foregoing|In\s+(?:that|such|each|either)\s+case|"
    r"In\s+doing\s+so|When\s+doing\s+so)\s*,?\s+"
)
_SUCH_USE = re.compile(
    r"\b(?:such|that|this|these|those|the\s+foregoing)\s+(?:uses?|training|purposes?|processing|permissions?|"
    r"rights?|licen[cs]es?|models?|improvements?)\b",
    re.IGNORECASE,
)
_ITEM_MARK = re.compile(r"(?:(?<=\s)|(?<=^))\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+")


def hanging_on(text: str, end: int) -> Strike | None:
    """What of the sentence after ``text[:end]`` (a struck permission, the spaces after it included) goes with it:
    the whole sentence where it all refers back to the permission ("Such use must be aggregated."); the lead of
    its items up to the last one, which then stands alone without its mark, where the items before it do ("However,
    (a) Usage Data must be aggregated before any such use, and (b) Provider shall not disclose …" -> "Provider
    shall not disclose …"); its opening connective alone ("However, Provider shall …"). The first word left takes
    the capital. ``None``: nothing of it hangs on the permission, or it cannot be cut cleanly."""
    start = end
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return None
    _s, stop = sentence_span(text, start)
    connective = _BACK_CONNECTIVE.match(text, start, stop)
    items = list(_ITEM_MARK.finditer(text, start, stop))
    bodies = [text[m.end() : (items[i + 1].start() if i + 1 < len(items) else stop)] for i, m in enumerate(items)]
    back = [bool(_SUCH_USE.search(b)) for b in bodies]
    lead = text[(connective.end() if connective else start) : items[0].start() if items else stop]
    if (not items and _SUCH_USE.search(lead)) or (items and all(back) and not lead.strip(" ,:")):
        after = stop
        while after < len(text) and text[after].isspace():
            after += 1
        return Strike(end, after, "", text[start:stop])
    if len(items) >= 2 and all(back[:-1]) and not back[-1] and not lead.strip(" ,:"):
        cut = items[-1].end()
    elif connective is not None and not any(back) and not _SUCH_USE.search(lead):
        cut = connective.end()
    else:
        return None
    first = re.compile(r"[a-z]").match(text, cut)
    if first is not None:  # "(b) the Provider shall …": its first word opens the sentence now
        return Strike(end, cut + 1, text[cut].upper(), text[start:cut].rstrip())
    return Strike(end, cut, "", text[start:cut].rstrip())


def with_hanging(text: str, strike: Strike) -> tuple[Strike, str] | None:
    """``strike`` (a whole sentence struck with nothing in its place) grown by the words of the next sentence that
    hang on it (:func:`hanging_on`), with those words; the whole paragraph where nothing but its typed number would
    be left ("3.3 " alone: struck whole, so a kept number is marked as deleted). ``None``: nothing hangs on it."""
    tail = hanging_on(text, strike.end)
    if tail is None or strike.replacement or tail.start != strike.end:
        return None
    if not text[tail.end :].strip() and _OPENING.fullmatch(text, 0, strike.start) and not tail.replacement:
        return Strike(0, len(text), "", strike.words), tail.words
    return Strike(strike.start, tail.end, tail.replacement, strike.words), tail.words


# a limb of the purposes in the bare form after a join ("… models and improve the Service"): a verb and its object's
# determiner (not a noun phrase that goes on with the AI words: "and all its tools", "and the Service")
_DETERMINER_WORD = r"(?:the|its|their|our|his|her|any|such|all|other|each|every|an?)"
_NEXT_BARE_LIMB = re.compile(
    _JOIN + rf"(?=(?!(?:{_DETERMINER_WORD}|and|or|nor|but|then|so)\b)[a-z][a-z-]+\s+{_DETERMINER_WORD}\s)",
    re.IGNORECASE,
)
_STARTS_TRAINING = re.compile(_TRAINING_VERB, re.IGNORECASE)
_AND_MORE = re.compile(r"\s(?:and|or)\s", re.IGNORECASE)


def _bare_limb(text: str, start: int, phrase_start: int, phrase_end: int) -> bool:
    """The AI words at ``text[phrase_start:phrase_end]`` start a limb of a permission's purposes in the bare form
    after another ("Provider may use Customer Content to provide the Service and train its AI models"): without the
    limbs before it, the sentence is a permission to train (:func:`training_permission`)."""
    before = _LIMB_BEFORE.search(text, start, phrase_start)
    if before is None or not _STARTS_TRAINING.match(text, phrase_start):
        return False
    opens = [m for m in _LIMB_OPENS.finditer(text, start, before.start()) if m.group().lower().startswith("to")]
    if not opens or _CLAUSE_BREAK.search(text, opens[-1].end(), before.start()):
        return False
    cut = phrase_start - opens[-1].end()  # "… Customer Content to train its AI models."
    alone = text[: opens[-1].end()] + text[phrase_start:]
    found = _permits_training(alone, phrase_start - cut, phrase_end - cut)
    return found is not None and found[1] == phrase_start - cut


# an exception that cites a clause by its number: ", except as Section 3.3 permits", ", except for the use allowed by
# condition 3", ", save as permitted under clause 4.2"
_CITED_CLAUSE = r"(?:Section|Clause|clause|Condition|condition|Paragraph|paragraph|Article|article)"
_EXCEPT_AS = (
    r",?\s*\b(?:except|save|other\s+than)\s+(?:as\s+(?:(?:permitted|allowed|provided)\s+(?:by|under|in)\s+)?|"
    r"for\s+(?:the\s+|any\s+)?(?:use|uses|purposes?)\s+(?:allowed|permitted|set\s+out|described)\s+(?:by|under|in)\s+|"
    r"to\s+the\s+extent\s+(?:permitted|allowed)\s+(?:by|under)\s+)"
)


def exception_citing(text: str, number: str) -> Strike | None:
    """The exception of ``text`` that cites the clause numbered ``number`` ("3.3", "3." typed: "3") and nothing else,
    with its comma, as the span a redline strikes once that clause is struck (", except as Section 3.3 permits"
    of "… within 60 days, except as Section 3.3 permits."); ``None`` where there is none."""
    n = re.escape(number.rstrip("."))
    m = re.search(
        rf"{_EXCEPT_AS}{_CITED_CLAUSE}\s+{n}(?![\w(]|\.\d)(?:\s+(?:permits|allows|provides))?(?=\s*[.;])", text
    )
    if m is None:
        return None
    return Strike(m.start(), m.end(), "", m.group(0).lstrip(", "))


# A sentence whose act lets the other side use the work AS training data, the use named by a noun ("Performer consents
# to Studio and its licensees using the Recordings as training data for speech synthesis …"; "The Consultant agrees
# that the Company may use the Deliverables as training material for its machine learning models"; "authorises the
# Publisher to use the Text as a training corpus"): a consent, an authority or a permission, then a verb of use, then
# "as … training data / material / corpus / set / content / input". (The AI words before the verb, "may input the
# Artwork into generative AI tools to train them", are training_permission's.)
_GRANTS_USE = (
    rf"(?:{_MAY_TRAIN}{_ASIDE}\s+|(?:consents?|agrees?)\s+to\s+[^,;:.]{{0,80}}?\s+|"
    r"(?:authori[sz]es?|permits?|allows?|licen[cs]es?|entitles?)\s+[^,;:.]{0,80}?\s+to\s+|"
    r"grants?\s+[^;:.]{0,80}?\b(?:right|licen[cs]e|permission|consent)\s+to\s+)"
)
_USING = (
    r"(?:us(?:e|ing)|process(?:ing)?|cop(?:y|ying)|reproduc(?:e|ing)|exploit(?:ing)?|includ(?:e|ing)|"
    r"incorporat(?:e|ing))"
)
_USED_AS_TRAINING_DATA = re.compile(
    rf"(?P<subject>[A-Za-z“\"][^,;:.]{{0,80}}?)\s+(?P<grant>{_GRANTS_USE}){_USING}\b[^.;]{{0,160}}?\bas\s+"
    r"(?:(?:part\s+of\s+)?(?:an?|the|its|their)\s+)?(?P<ai>(?:AI|ML|machine[- ]learning|model)\s+)?"
    r"(?P<act>training|learning)\s+(?:(?P<data>data(?:sets?)?|corpus|corpora|sets?|examples?)|materials?|content|"
    r"inputs?)\b",
    re.IGNORECASE,
)
# what "training material" or "content" trains, right after it: "… for its machine learning models", "… for speech
# synthesis and other machine learning systems" (not "training material for its staff on the use of AI tools")
_FOR_A_MODEL = re.compile(
    r"\s+(?:for|of|to\s+train|in)\s+(?:(?:its|their|the|any|[\w-]+['’]s)\s+)?(?:own\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:AI|ML|LLMs?|models?|algorithms?|artificial|machine|neural|deep|generative|(?:large\s+)?language\s+models?)\b",
    re.IGNORECASE,
)


def training_data_use(text: str, phrase_start: int, phrase_end: int) -> Strike | None:
    """The whole sentence of ``text`` holding the AI words at ``text[phrase_start:phrase_end]`` where that sentence's
    act is a consent or permission to use what it names AS training data or material ("Performer consents to Studio
    … using the Recordings as training data for speech synthesis and other machine learning systems"), as the span a
    redline strikes (:func:`training_permission`'s). ``None``: no such consent or permission (a denial), one that
    waits for consent or approval, or AI words outside that use. Whose permission it is, is the finding's to say."""
    start, end = sentence_span(text, phrase_start)
    if start and _OPENING.fullmatch(text, 0, start):
        start = 0
    opening = _OPENING.match(text, start)
    head = opening.end() if opening is not None else start
    lead = _PERMISSION_LEAD.match(text, head, end)
    body = lead.end() if lead is not None else head
    m = _USED_AS_TRAINING_DATA.match(text, body, end)
    if m is None or _NO_ONE.search(text, body, m.start("act")) or _CONDITIONED.search(text, m.end("grant"), end):
        return None
    named = m.group("data") is not None or m.group("ai") is not None  # "training data", "AI training material"
    if phrase_end <= m.start("ai" if m.group("ai") else "act") or not (named or _FOR_A_MODEL.match(text, m.end(), end)):
        return None  # the AI words are before the use, or no model is trained ("as training material for its staff")
    return _sentence_struck(text, start, end, head)


def _sentence_struck(text: str, start: int, end: int, head: int) -> Strike:
    """The sentence ``text[start:end]`` (its words from ``head``, after a typed number) as the span a redline strikes:
    with the space after it (before it, for a paragraph's last sentence), the whole paragraph with its typed number
    where the sentence is all of it (a typed "4." before it is no sentence of its own)."""
    if (not text[:start].strip() or _OPENING.fullmatch(text, 0, start)) and not text[end:].strip():
        return Strike(0, len(text), "", text[head:end])
    if text[end:].strip():
        after = end
        while after < len(text) and text[after].isspace():
            after += 1
        return Strike(head, after, "", text[head:end])  # its typed number stays with what remains
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return Strike(before, end, "", text[head:end])


# -- new material in the creator's voice or likeness by digital means ------------------------------------------

# the verb of making the material, before the means ("may create, by digital or any other means, …")
_MAKE_NEW = re.compile(
    r"\b(?:create|generate|make|produce|synthesi[sz]e|simulate|recreate|replicate|fabricate|clone|render)\b",
    re.IGNORECASE,
)
# whose voice or likeness the material is in: "in the Narrator's voice", "in the Consultant's likeness and voice",
# "of the voice of the Narrator"
_IN_VOICE = re.compile(
    r"\s+(?:(?:in|of|using|with|based\s+on)\s+)?(?:the\s+|an?\s+)?(?:[\w’'.-]+\s+){0,3}?(?:voices?|likeness(?:es)?)"
    r"(?:\s+(?:and|or)\s+(?:voices?|likeness(?:es)?))?(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?",
    re.IGNORECASE,
)
# the material's first item where it is corrections ("corrections and additional words or lines")
_CORRECTIONS = re.compile(r"\s*(?:corrections?|fixes|retakes?|amendments?)\b(?:\s+(?:to|of)\s+(?:the\s+)?[\w-]+)?")
# the permission joined to an earlier one of the sentence: "… as it sees fit and may generate"
_JOINED_MAY = re.compile(
    r",?\s+and\s+(?:(?:it|they)\s+)?(?:may|can|(?:is|are|shall\s+be)\s+(?:entitled|permitted|free)\s+to)\s*$",
    re.IGNORECASE,
)


# the means named as the thing made ("digital replica", "synthetic voice", "voice clone"), not as a manner of making
_THING_MADE = re.compile(r"(?:digital|synthetic|virtual)\s+\w|voice", re.IGNORECASE)


class Replica(NamedTuple):
    """A permission to make new material in the creator's voice or likeness by digital means, read for a redline:
    ``means`` the span striking the means with its commas (", by digital or any other means,"; ``None`` where the
    means is the thing made, "a digital replica of the Narrator's voice", not a manner of making it); ``words`` the
    permission's words from its verb to the voice ("create, by digital or any other means, corrections and
    additional words or lines in the Narrator's voice"); ``voice`` the span from after the corrections the
    material starts with to the end of the voice words (" and additional words or lines in the Narrator's voice"),
    ``None`` where the material is not corrections first; ``permission`` the span striking the permission where
    it is all new material (" and may generate … for use in its advertising", or the whole sentence); ``last`` the
    span of the sentence's last word, before its full stop (where a proviso goes); ``unpaid`` the span of the words
    that make the material free (", without further payment to Performer", ", at no additional cost"), which a
    condition of a fee replaces, ``None`` where the sentence has none."""

    means: tuple[int, int] | None
    words: str
    voice: tuple[int, int] | None
    permission: Strike
    last: tuple[int, int]
    unpaid: tuple[int, int] | None = None


# the words that make new material free of charge: "without further payment to Performer", "with no additional fee",
# "at no extra cost", "free of charge", "royalty-free" (with the comma before them)
_UNPAID = re.compile(
    r"(?:,\s*|\s)(?:(?:without|with\s+no)\s+(?:any\s+)?(?:further|additional|extra|other)\s+"
    r"(?:payments?|fees?|remuneration|compensation|consideration|charges?)(?:\s+(?:payable|due|owed))?"
    r"(?:\s+(?:to|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?"
    r"|at\s+no\s+(?:additional\s+|extra\s+|further\s+)?(?:cost|charge)(?:\s+to\s+(?:the\s+)?[A-Z][\w-]*)?"
    r"|free\s+of\s+(?:any\s+)?charge|royalty[- ]free)\b",
    re.IGNORECASE,
)


def replica_material(text: str, means_start: int, means_end: int) -> Replica | None:
    """The permission around the digital means at ``text[means_start:means_end]`` (a ``digital_replica`` finding's
    phrase) as a redline edits it; ``None`` where its verb or whose voice it is cannot be read."""
    start, end = sentence_span(text, means_start)
    opening = _OPENING.match(text, start)
    head = opening.end() if opening is not None else start
    make = None
    for m in _MAKE_NEW.finditer(text, head, means_start):
        make = m
    make = make or _MAKE_NEW.search(text, means_end, end)  # "may, by digital means, create …"
    voice = _IN_VOICE.search(text, make.end(), end) if make is not None else None
    if make is None or voice is None:
        return None
    before, after = means_start, means_end
    if text[means_start - 2 : means_start] == ", " and text[means_end : means_end + 1] == ",":
        before, after = means_start - 2, means_end + 1  # ", by digital or any other means,"
    elif text[means_start - 1 : means_start] == " ":
        before = means_start - 1
    material = after if make.end() <= before < voice.start() else make.end()  # the material after the means
    fixes = _CORRECTIONS.match(text, material)
    corrected = (voice.start(), voice.end()) if fixes is not None and fixes.end() == voice.start() else None
    if fixes is not None and re.match(r"\s+(?:and|or)\s", text[fixes.end() : voice.start()]):
        corrected = (fixes.end(), voice.end())  # " and additional words or lines in the Narrator's voice"
    stop = end - 1 if text[end - 1 : end] in (".", ";") else end
    lead = before if before < make.start() else make.start()  # "and may, by digital means, create": before the means
    joined = _JOINED_MAY.search(text, head, lead)
    if joined is not None and joined.end() == lead:
        permission = Strike(joined.start(), stop, "", text[joined.start() : stop].lstrip(", "))
    else:
        permission = _sentence_struck(text, start, end, head)
    last = text.rfind(" ", head, stop) + 1
    words = text[min(make.start(), means_start) : max(voice.end(), means_end)]
    thing = _THING_MADE.match(text, means_start) is not None  # "a digital replica of …": no manner to strike
    free = _UNPAID.search(text, voice.end(), stop) or _UNPAID.search(text, head, stop)
    unpaid = (free.start(), free.end()) if free is not None else None
    if free is not None and text[free.start()] == "," and text[free.end() : free.end() + 1] == ",":
        unpaid = (free.start(), free.end() + 1)  # "may, free of charge, create": both commas go with it
    return Replica(None if thing else (before, after), words, corrected, permission, (last, stop), unpaid)


# -- payment, joined verbs --------------------------------------------------------------------------------

_JOINED = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:\w+ly\s+)?(?:assigns?|transfers?|conveys?)\b", re.IGNORECASE)


def joined_verb(f: Finding) -> bool:
    """The finding's verb is joined to another ("transfers and assigns", "assigns, transfers and conveys"):
    one cannot be replaced alone."""
    return _JOINED.match(f.paragraph_text, f.phrase_end) is not None


# The transfer already waits for payment: "Upon Company's payment in full of the fees, Agency assigns",
# "Once you've paid in full, the video is yours", "when the Client has paid the Fee", "conditional on
# payment"; not "if you have not paid" (a word of denial between them).
_NO_NEGATION = r"(?!(?:not|never|yet)\b)(?![\w'’]*n['’]t\b)"
_PAID_FIRST = re.compile(
    r"\b(?:upon|on|after|following|subject\s+to|conditional(?:ly)?\s+(?:up)?on)\s+(?:\w+['’]s\s+|the\s+|receipt\s+of\s+)?"
    r"(?:full\s+)?payment\b"
    r"|\b(?:once|when|after|as\s+soon\s+as|provided\s+(?:that\s+)?)\s+(?:" + _NO_NEGATION + r"[\w'’]+\s+){1,3}?"
    r"(?:(?:has|have)\s+(?:been\s+)?)?" + _NO_NEGATION + r"(?:paid|pays)\b",
    re.IGNORECASE,
)
_FEES = re.compile(r"\b(?:fees?|price|charges|invoice[sd]?)\b", re.IGNORECASE)
# A sum the client pays for the work ("shall pay the Illustrator £150 for each Illustration"), not a
# wage (an employee's invention assignment has no fees to wait for).
_CODE = r"(?:GBP|USD|EUR|CHF|CAD|AUD)"
_AMOUNT = rf"(?:[£$€]\s?\d|\b{_CODE}\s?\d|\b\d[\d,.]*\s?(?:{_CODE}|dollars|pounds|euros)\b)"
_SUM_PAID = re.compile(
    rf"\bpa(?:y|ys|id|yable)\b[^.;]{{0,80}}?{_AMOUNT}|{_AMOUNT}[^.;]{{0,40}}?\b(?:per|for\s+(?:each|every)|an?)\s",
    re.IGNORECASE,
)
_WAGE = re.compile(r"\b(?:salary|salaries|wages?|employment|employee)\b", re.IGNORECASE)
# One of these is in every match of _SUM_PAID (its amount's currency), lower-cased: a paragraph that
# holds none is not searched ("euros" holds "eur").
_CURRENCIES = ("£", "$", "€", "gbp", "usd", "eur", "chf", "cad", "aud", "dollars", "pounds")
# A fee word one of which every match of _FEES holds, or a currency, lower-cased
_PAID_WORDS = ("fee", "price", "charges", "invoice", *_CURRENCIES)


def has_fees(text: str) -> bool:
    """The paragraph asks the client for fees: "the fees", "a price", "£150 for each Illustration"."""
    low = fast.lowered(text)
    if low is not None and not any(map(low.__contains__, _PAID_WORDS)):  # most paragraphs: no search at all
        return False
    return fast.holds(_FEES, text) or (
        fast.may_hold(text, _CURRENCIES) and _SUM_PAID.search(text) is not None and not _WAGE.search(text)
    )


# -- the words around a finding -----------------------------------------------------------------------

_MODAL_BEFORE = re.compile(r"\b(?:shall|will|must)\s+$", re.IGNORECASE)
_BE_BEFORE = re.compile(r"(?<!not )\b(?:are|is|be)\s+$", re.IGNORECASE)


def modal_before(f: Finding) -> bool:
    """ "shall" / "will" / "must" comes right before the finding's phrase."""
    return _MODAL_BEFORE.search(f.paragraph_text[: f.phrase_start]) is not None


def modal_start(f: Finding) -> int | None:
    """Where the "shall" / "will" / "must" right before the finding's phrase starts, else ``None``."""
    m = _MODAL_BEFORE.search(f.paragraph_text[: f.phrase_start])
    return m.start() if m is not None else None


_MODAL_OPENS = re.compile(r"(?:shall|will|must)\s+(?=\S)", re.IGNORECASE)


def modal_opening(phrase: str) -> int | None:
    """Where the words after the "shall" / "will" / "must" the phrase itself opens with start ("will own",
    "shall belong to": 5, 6), else ``None``."""
    m = _MODAL_OPENS.match(phrase)
    return m.end() if m is not None else None


def be_before(f: Finding) -> bool:
    """ "are" / "is" / "be" (not "not be") comes right before the finding's phrase."""
    return _BE_BEFORE.search(f.paragraph_text[: f.phrase_start]) is not None


_BARE_BE = re.compile(r"\bbe\s+$", re.IGNORECASE)


def bare_be_start(f: Finding) -> int | None:
    """Where a bare "be" right before the finding's phrase starts ("shall be works made for hire"), so that a
    "not" goes before it ("shall not be"), else ``None``."""
    m = _BARE_BE.search(f.paragraph_text, max(0, f.phrase_start - 12), f.phrase_start)
    return m.start() if m is not None else None


# What cannot come right before a finite verb of the subject before it ("All rights … vest in Client"): a modal or
# an auxiliary ("shall vest", "does not vest"), the infinitive's "to", a negation, a verb it is joined to ("and")
_NOT_FINITE = (
    "shall will must may might can could would should do does did to not never and or nor also then which that"
)
_NOT_FINITE_BEFORE = re.compile(rf"\b(?:{'|'.join(_NOT_FINITE.split())}|who|cannot)\s+$", re.IGNORECASE)
# the bare present of a statement of ownership ("vest in", "belong to"), a timing adverb before it that the payment
# condition ends ("automatically vest in": it no longer vests automatically)
_BARE_OWNERSHIP, _TIMING_ADVERB = (
    re.compile(r"(?:vest\s+in|belong\s+to|pass\s+to|transfer\s+to)$", re.IGNORECASE),
    re.compile(r"\b(?:automatically|immediately|forthwith)\s+$", re.IGNORECASE),
)


_MODAL_ADVERB = re.compile(r"\b(?:shall|will|must)\s+(?:automatically|immediately|forthwith)\s+$", re.IGNORECASE)


def modal_adverb_start(f: Finding) -> int | None:
    """Where a modal and a timing adverb right before the finding's phrase start ("shall automatically vest in"), so
    that the payment condition takes the adverb's place ("shall, upon payment in full of …, vest in": it no longer
    vests automatically), else ``None``."""
    m = _MODAL_ADVERB.search(f.paragraph_text, max(0, f.phrase_start - 30), f.phrase_start)
    return m.start() if m is not None else None


def finite_start(f: Finding) -> int | None:
    """Where the finding's phrase, a statement of ownership in the bare present ("vest in", "belong to"), is the
    finite verb of the subject before it ("All rights, title and interest in the Deliverables vest in Client"), the
    start of the words a modal goes before once the statement waits for payment ("will, upon payment in full of …,
    vest in"): the phrase's own, or a timing adverb's right before it ("automatically vest in"), which the payment
    condition ends. ``None``: not such a verb ("shall vest in", "to vest in", "does not vest in", "and vest in")."""
    text = f.paragraph_text
    if not _BARE_OWNERSHIP.fullmatch(f.phrase):
        return None
    adverb = _TIMING_ADVERB.search(text, max(0, f.phrase_start - 16), f.phrase_start)
    start = adverb.start() if adverb is not None else f.phrase_start
    before = text[max(0, start - 16) : start]
    opening = _OPENING.fullmatch(text, sentence_span(text, f.phrase_start)[0], start)
    if opening is not None or not before.strip() or _NOT_FINITE_BEFORE.search(before):
        return None  # no subject before it, or a modal, auxiliary, "to" or conjunction
    return start


# The verb by which rights named as the subject of their sentence pass ("All right, title and interest in the
# Deliverables vests in Client", "… shall vest in", "… are the property of", "… belong to"), after the rights'
# own words with no other clause between: its words as a fix of the transfer names them (a modal before them)
_RIGHTS_SUBJECT = re.compile(
    r"(?:[^,;.]{0,60},\s+)?all\s+(?:of\s+(?:its|their|his|her|the)\s+)?(?:worldwide\s+)?rights?,?\s+title,?\s+and\s+"
    r"interest$",
    re.IGNORECASE,
)
_OWNS = re.compile(r"owns\b(?=\s+\S)", re.IGNORECASE)
# ownership named as a noun, the subject of the verb by which it passes ("Title to the …", "Legal and beneficial
# ownership of the …", "Property in the …"; the classifier's phrase for it), and that verb
_OWNERSHIP_NOUN = re.compile(
    r"(?:title\s+(?:to|in)|(?:(?:legal\s+and\s+beneficial|full|sole|exclusive)\s+)?ownership\s+(?:of|in)|property\s+in)"
    r"\s+(?:the\s+|all\s+|any\s+)?",
    re.IGNORECASE,
)
_PASSING_VERB = re.compile(r"\b(?:pass(?:es)?\s+to|transfers?\s+to|vests?\s+in)\b", re.IGNORECASE)
_OWNERSHIP_VERB = re.compile(
    r"(?:vests?\s+in|belongs?\s+to|(?:is|are|be|become)\s+(?:vested\s+in|owned\s+by|the\s+(?:sole\s+(?:and\s+"
    r"exclusive\s+)?|exclusive\s+)?property\s+of))\b",
    re.IGNORECASE,
)


def ownership_verb(text: str, phrase_start: int, phrase_end: int) -> tuple[int, int] | None:
    """Where the phrase at ``text[phrase_start:phrase_end]`` names the rights that pass as the subject of its
    sentence ("All right, title and interest"), the span of the verb by which they pass ("vests in", "are the
    property of"; "vest in" of "shall vest in", whose modal the fix takes in), so that the transfer is changed at its
    verb as a statement of ownership is; where it holds the verb and the start of its object ("owns all" of "Client
    owns all rights in …"), the verb's ("owns"). ``None`` where the phrase is no such subject or no such verb
    follows it in its clause."""
    owns = _OWNS.match(text, phrase_start, phrase_end)
    if owns is not None:  # "Client owns all rights in the Deliverables": the verb of the phrase itself
        return owns.span()
    start, end = sentence_span(text, phrase_start)
    if _OWNERSHIP_NOUN.fullmatch(text, phrase_start, phrase_end):  # "Title to the Deliverables shall pass to X"
        m = _PASSING_VERB.search(text, phrase_end, end)
        if m is None:
            return None
        modal = _MODAL_BEFORE.search(text[: m.start()])
        if _CLAUSE_BREAK.search(text, phrase_end, modal.start() if modal else m.start()):
            return None
        return m.start(), m.end()
    opening = _OPENING.match(text, start)
    if not _RIGHTS_SUBJECT.fullmatch(text, opening.end() if opening else start, phrase_end):
        return None
    m = _OWNERSHIP_VERB.search(text, phrase_end, end)
    if m is None:
        return None
    modal = _MODAL_BEFORE.search(text[: m.start()])  # "shall vest in": the modal is the verb's own, no other clause
    if _CLAUSE_BREAK.search(text, phrase_end, modal.start() if modal else m.start()):
        return None
    return m.start(), m.end()


_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}


def quoted_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``text[start:end]`` with the quotation marks right around it ('are "works made for hire" as
    defined'), so that a word put before it goes outside them; the span itself where it is not quoted."""
    if start > 0 and end < len(text) and _QUOTES.get(text[start - 1]) == text[end]:
        return start - 1, end + 1
    return start, end


def waits_for_payment(f: Finding) -> bool:
    """The finding's sentence already makes it wait for payment ("Upon payment in full …, assigns")."""
    return _PAID_FIRST.search(sentence_at(f.paragraph_text, f.phrase_start)) is not None


def used_as_part_of(f: Finding) -> bool:
    """The finding's sentence already limits the use to use as part of something ("as part of the Work")."""
    return _AS_PART_OF.search(sentence_at(f.paragraph_text, f.phrase_start)) is not None


# The words after a grant's media or purpose that still qualify the grant: "in connection with the Film and its
# advertising", "related to our business", "for the purposes of the Project", "solely for …", "throughout the
# world", "in the Territory". An exclusion appended after the media ("…, excluding any Prohibited AI Use") goes
# after them: put before them, they would qualify the exclusion ("excluding any Prohibited AI Use in connection
# with the Film"), not the grant.
_QUALIFIER = re.compile(
    r"\s*(?:in\s+connection\s+with|connected\s+(?:with|to)|in\s+relation\s+to|relat(?:ed|ing)\s+to|for\s+the\s+(?:sole\s+|limited\s+)?purposes?\s+of|"
    r"(?:solely|only|exclusively)\s+(?:for|in|in\s+connection\s+with|as\s+part\s+of)|for\s+use\s+(?:in|on|with|as)|"
    r"as\s+part\s+of|throughout\s+the\s+(?:world|universe|Territory)|worldwide|in\s+the\s+Territory)\b"
    r"(?:(?!\s+and\s+(?:to|may|shall|will|must)\b)[^,;:()“”\"])*?"
    r"(?=\s*[,;:()“”\"]|\.(?:\s|$)|\s*$|\s+and\s+(?:to|may|shall|will|must)\b)",
    re.IGNORECASE,
)


# a qualifier that says what a purpose is about ("related to our business", "in connection with the Services"), not
# where or how long it runs ("throughout the world", "in the Territory")
_ABOUT = re.compile(
    r"\s*(?:in\s+connection\s+with|connected\s+(?:with|to)|in\s+relation\s+to|relat(?:ed|ing)\s+to)\b", re.IGNORECASE
)


def about_the_purpose(qualifier: str) -> bool:
    """The words qualifying a purpose (:func:`qualifier_end`) say what it is about, not where or for how long."""
    return _ABOUT.match(qualifier) is not None


_SUBCONTRACT = re.compile(r"\bsub-?contract", re.IGNORECASE)
_NO_SUBCONTRACT = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+){0,2}sub-?contract", re.IGNORECASE)


def qualifier_end(text: str, end: int, limit: int | None = None) -> int:
    """Where the words qualifying a grant that follow offset ``end`` of ``text`` end ("… devised| in connection
    with the Film and its advertising|."), or ``end`` itself when none follow; never past ``limit``."""
    stop = len(text) if limit is None else limit
    while (m := _QUALIFIER.match(text, end)) is not None and m.end() > end and m.end() <= stop:
        end = m.end()
    return end


_SOLELY_FOR = re.compile(r"(?:solely|only|exclusively) for \S.*", re.IGNORECASE)


def a_purpose_of_its_own(replacement: str) -> bool:
    """Our ``replacement`` of an unlimited purpose names a purpose of its own ("solely for the Permitted Purpose"),
    not the same purpose made subject to something ("for any purpose, subject to …")."""
    return _SOLELY_FOR.fullmatch(replacement) is not None


# "sublicensable" among the adjectives of a licence: "transferable and sublicensable license to use",
# "sublicensable, royalty-free licence"
_BEFORE_LICENCE = re.compile(r"(?:[\s,]+(?:(?:and|or)\s+)?[a-z][\w-]*){0,4}?[\s,]+(?:licen[cs]es?|rights?)\b")
_PROVISO = re.compile(r"(?P<head>.+?) \((?P<inner>[^()]+)\)")
# the proviso's parts, each a sentence's: "other than to an AI Vendor" -> "no sublicense may be granted to an AI
# Vendor"; "only on terms that prohibit …" -> "every sublicense must prohibit …"
_PROVISO_PARTS = (
    (re.compile(r"other than to (.+)"), "no sublicense may be granted to {}"),
    (re.compile(r"only on terms that prohibit (.+)"), "every sublicense must prohibit {}"),
)
_AND = re.compile(r",\s*and\s+")


def before_the_licence(text: str, end: int) -> bool:
    """The word ending at ``end`` of ``text`` is one of the adjectives before a licence or right ("transferable
    and sublicensable| license to use")."""
    return _BEFORE_LICENCE.match(text, end) is not None


def proviso_as_sentence(replacement: str, phrase: str) -> str | None:
    """Our ``replacement`` of ``phrase`` adding a proviso on sublicensing ("sublicensable (other than to an AI
    Vendor, and only on terms that prohibit any Prohibited AI Use)"), said as a sentence's words ("no sublicense
    may be granted to an AI Vendor, and every sublicense must prohibit any Prohibited AI Use"); ``None`` for any
    other replacement."""
    m = _PROVISO.fullmatch(replacement)
    if m is None or m.group("head") != phrase:
        return None
    said = []
    for part in _AND.split(m.group("inner")):
        known = next((w.format(k.group(1)) for p, w in _PROVISO_PARTS if (k := p.fullmatch(part))), None)
        if known is None:
            return None
        said.append(known)
    return ", and ".join(said)


# -- a licence limited to a purpose it names ----------------------------------------------------------

# "for the purpose of receiving the Services", "for the Purpose" / "for the Permitted Use" / "for the
# Campaign" (a term naming a purpose or a project), "for running Harbourside Café's business", "for its
# business", "for use in the Client's stores", "for the project": the licence is tied to that purpose.
# a defined event or project the licence serves: "for the Exhibition", "for the Spring Festival", "for the Film"
_PURPOSE_HEAD = (
    r"(?:Purposes?|Uses?|Campaigns?|Projects?|Programmes?|Programs?|Events?|Productions?|Services|Business|"
    r"Exhibitions?|Conferences?|Festivals?|Films?|Shows?|Tours?|Performances?|Concerts?|Launch(?:es)?|Broadcasts?|"
    r"Publications?|Series|Seasons?|Fairs?|Screenings?)"
)
_WHOSE = r"(?:(?:the\s+)?[\w&.-]+(?:\s+[\w&.-]+){0,3}['’]s|its|their|your|his|her|our|my)"
# a book, film, album, game or other product the document names, which the licensed work goes into
_NAMED_WORK = (
    r"(?:Books?|Novels?|Titles?|Editions?|Anthology|Albums?|Films?|(?:Motion\s+)?Pictures?|Programmes?|"
    r"Programs?|Series|Episodes?|Games?|Apps?|Products?|Publications?|Magazines?|Journals?|Periodicals?|Catalogues?|"
    r"Catalogs?|Websites?|Podcasts?|Productions?|Plays?|Documentary|Exhibitions?|Events?|Campaigns?)"
)
_NOT_A_PURPOSE = (
    r"(?:Agreement|Contract|Deed|Terms|Conditions|Schedules?|Order|Statement|Licen[cs]es?|Rights|Works?|Deliverables?|"
    r"Materials?|Content|Intellectual|Copyright|Party|Parties|Effective|Term)"
)
_NAMED_PURPOSE = re.compile(
    r"(?i:\bfor\s+the\s+(?:sole\s+|limited\s+|specific\s+)?purposes?\s+of\b)"
    r"|\b(?i:for\s+the)\s+(?:[A-Z][\w'’-]*\s+){0,3}?" + _PURPOSE_HEAD + r"\b"
    r"|(?i:\bfor\s+(?:the\s+purposes?\s+of\s+|use\s+in\s+)?(?:(?:running|operating|carrying\s+on|conducting|"
    r"managing|promoting)\s+)?" + _WHOSE + r"\s+(?:own\s+)?(?:internal\s+)?business(?:es)?\b)"
    r"|(?i:\bfor\s+use\s+(?:in|on|with|within|as\s+part\s+of|in\s+connection\s+with)\s+(?!any\b|all\b|every\b|"
    r"whatever\b)[\w'’]+(?:\s+[\w'’]+){0,3})"
    r"|(?i:\bfor\s+the\s+(?:campaign|project|event|production)\b)"
    # "in connection with the Film", "in relation to the Exhibition": a thing the document defines, not the
    # document itself ("in connection with this Agreement") nor what the licence covers ("the Work")
    r"|\b(?i:in\s+(?:connection\s+with|relation\s+to)\s+the)\s+(?!" + _NOT_A_PURPOSE + r"\b)[A-Z][\w-]*\b(?!['’])"
    # the defined book, film, album or product the work goes in: "in the Book and in any adaptation of the Book",
    # "on the cover of the Novel", "in timed synchronisation with the Picture"
    r"|\b(?i:in(?:to)?|on|with)\s+(?i:(?:the\s+)?(?:front\s+|back\s+|[a-z]+\s+)?(?:covers?|jackets?|packaging|pages?|"
    r"soundtrack|credits|editions?|trailers?|episodes?)\s+of\s+)?(?i:the)\s+(?:[A-Z][\w-]*\s+){0,3}?"
    + _NAMED_WORK
    + r"\b(?!['’]|\s+[A-Z])"
)
_ANY_PURPOSE = re.compile(r"\b(?:any|all|every|whatever)\s+(?:other\s+)?(?:lawful\s+)?purposes?\b", re.IGNORECASE)


def named_purpose(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The words of ``text[start:end]`` tying a licence to a purpose it names ("for the Purpose", "for running
    X's business"), else ``None``; none where the same words also allow any purpose."""
    window = text[start : len(text) if end is None else end]
    m = fast.search(_NAMED_PURPOSE, window, fast.lowered(window), 0, len(window))  # by the patterns' twins
    return m.group(0) if m is not None and not fast.holds(_ANY_PURPOSE, window) else None


# the thing a licence is limited to, in the words named_purpose found: "the Book" of "in the Book", "the Novel" of
# "on the front cover of the Novel"
_NAMED_THING = re.compile(r"\bthe\s+((?:[A-Z][\w-]*\s+){0,3}?" + _NAMED_WORK + r")$")


def listed_uses(f: Finding, paragraphs: Sequence[Paragraph]) -> str:
    """The uses a grant lists under its lead-in, as one text: "(i) in print editions of the Titles; and (ii) in digital
    editions … in each case in any and all media …" after "… a licence to reproduce … the Licensed Works:"; "" where
    the finding's sentence ends in its own paragraph (or the clause has no paragraph after it)."""
    text = f.paragraph_text.rstrip()
    if f.end <= f.start or not text.endswith(":") or sentence_span(f.paragraph_text, f.phrase_start)[1] < len(text):
        return ""
    return " ".join(p.text for p in paragraphs[f.start + 1 : min(f.end, f.start + _LISTED_REACH) + 1])


_LISTED_REACH = 12  # the items a lead-in may list


def named_work(f: Finding, paragraphs: Sequence[Paragraph] = ()) -> str | None:
    """The book, film or product the finding's licence is limited to ("the Book" of "… the Artwork in the Book and
    in any adaptation of the Book …"), read in the finding's whole sentence, with the uses it lists under its lead-in
    where ``paragraphs`` are given ("… the Score: (a) in the Film; and (b) in trailers …"); else ``None``."""
    start, end = sentence_span(f.paragraph_text, f.phrase_start)
    named = named_purpose(f.paragraph_text, start, end)
    if named is None and paragraphs and (items := listed_uses(f, paragraphs)):
        named = named_purpose(items)
    m = _NAMED_THING.search(named) if named else None
    return f"the {m.group(1)}" if m is not None else None


# A royalty the client pays on its sales of the work: "a royalty of 2.5% of the Publisher's net receipts", "royalties
# of ten per cent of net sales", "a 7% royalty", "a royalty of $1 per copy"; never a "royalty-free" licence
_ROYALTY = re.compile(
    r"\broyalt(?:y|ies)\b(?![- ]free)(?=(?:[^.;]|\.(?=\d)){0,80}?(?:\d\s*%|\bper\s*cent\b|\bpercent\b|"
    r"\bnet\s+(?:receipts|sales|revenues?|income|proceeds)\b|\bper\s+(?:copy|unit|sale|download|stream)\b))|(?:\d\s*%|\bper\s*cent|\bpercent)\s+"
    r"royalt(?:y|ies)\b",
    re.IGNORECASE,
)
_ROYALTY_WORDS = ("royalt",)


_COPYRIGHT_TERM = re.compile(r"\b(?:term|duration|life)\s+of\s+(?:the\s+)?copyright\b", re.IGNORECASE)
_PLURAL_NAME = re.compile(r"(?<![sS])s$")  # "the Images", "the Books"; not "the Business"


def for_copyright_term(f: Finding) -> bool:
    """The finding's phrase grants the rights for the term of copyright ("for the full term of copyright")."""
    return _COPYRIGHT_TERM.search(f.phrase) is not None


def plural_name(name: str) -> bool:
    """A work's name is plural ("the Images", "the Books"), not singular ("the Book", "the Series")."""
    return _PLURAL_NAME.search(name) is not None and not name.endswith(("Series", "ss"))


def royalty_paid(texts: Iterable[str]) -> bool:
    """The document pays for the work by royalty on its sales ("a royalty of 2.5% of net receipts")."""
    return any(_ROYALTY.search(t) for t in texts)


def purpose_limited(f: Finding, paragraphs: Sequence[Paragraph] = ()) -> bool:
    """The finding's sentence, from its phrase on, grants the right for a purpose it names ("an exclusive,
    perpetual licence … for the Purpose"), or lists its uses under a lead-in, each in a work it names ("… the
    Score: (a) in the Film; and (b) …", read where ``paragraphs`` are given): no Permitted Purpose is added to it."""
    _start, end = sentence_span(f.paragraph_text, f.phrase_start)
    if named_purpose(f.paragraph_text, f.phrase_start, end) is not None:
        return True
    items = listed_uses(f, paragraphs) if paragraphs else ""
    return bool(items) and named_purpose(f.paragraph_text[f.phrase_start :] + " " + items) is not None


# A licence given only for a task it names, by an infinitive: "solely to provide the Service", "only to perform the
# Services", "as necessary to provide the Service to Customer", "to the extent necessary to deliver the Campaign".
# The task's object is a thing the document defines ("the Service", never "its Obligations": whose is not said) and
# ends at the clause's end.
_LIMITED_TO_TASK = re.compile(
    r"\b(?:(?:solely|only|exclusively|strictly)(?:\s+(?:as|to\s+the\s+extent)\s+(?:reasonably\s+)?"
    r"(?:necessary|required|needed))?|(?:as|to\s+the\s+extent)\s+(?:reasonably\s+|strictly\s+)?"
    r"(?:necessary|required|needed))\s+(?:for\s+\w+\s+)?(?:in\s+order\s+)?to\s+"
    r"(?P<verb>[a-z]{2,})\s+(?P<object>the\s+[^.;,()]{0,60}?\b[A-Z][\w-]*"
    r"(?:\s+(?:to|for)\s+(?:the\s+)?[A-Z][\w&-]*)?)(?=\s*(?:[.;,()]|$)|\s+(?:and|or|during|in|under|subject|"
    r"until|while|from|at|on|with)\b)"
)
_NOT_A_TASK = re.compile(r"(?:train|fine|pre|develop|improve|enhance|build|learn)", re.IGNORECASE)
_DOUBLED = re.compile(r"^[^aeiou]?[^aeiou][aeiou][bdgmnprt]$")  # "run" -> "running", "set" -> "setting"


def _gerund(verb: str) -> str:
    """The -ing form of a verb ("provide" -> "providing", "run" -> "running", "deliver" -> "delivering")."""
    if _DOUBLED.match(verb):
        return f"{verb}{verb[-1]}ing"
    if verb.endswith("ie"):
        return f"{verb[:-2]}ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return f"{verb[:-1]}ing"
    return f"{verb}ing"


def task_purpose(f: Finding) -> str | None:
    """The task the finding's licence is given solely for, as the purpose a Permitted Purpose names ("providing the
    Service to Customer" of "… licence to host … Customer Content solely to provide the Service to Customer"), read in
    the finding's sentence from its phrase on; ``None`` where it names none, or where the task is to train or
    develop (that is the use our clauses forbid, not a purpose)."""
    _start, end = sentence_span(f.paragraph_text, f.phrase_start)
    m = _LIMITED_TO_TASK.search(f.paragraph_text, f.phrase_start, end)
    if m is None or _NOT_A_TASK.match(m.group("verb")) or _ANY_PURPOSE.search(f.paragraph_text, f.phrase_start, end):
        return None
    return f"{_gerund(m.group('verb'))} {m.group('object')}"


def feedback_licensed(f: Finding, findings: Sequence[Finding], work: str) -> Finding | None:
    """The feedback finding of ``f``'s sentence where ``f``'s licence is one of feedback, not of the work ("Customer
    grants Canvasly a perpetual … licence to use and incorporate the Feedback into its products": suggestions about
    their product, which a term or a purpose limit does not concern); ``None`` where the sentence also names ``work``
    (the work's name) or holds no feedback."""
    s, e = sentence_span(f.paragraph_text, f.phrase_start)
    if work and work in f.paragraph_text[s:e]:
        return None
    return next(
        (
            g
            for g in findings
            if g.kind == "feedback_usage_data"
            and g.start == f.start
            and s <= g.phrase_start < e
            and g.phrase.lower().startswith("feedback")
        ),
        None,
    )


def irrevocable(f: Finding) -> bool:
    """The finding's phrase makes the right irrevocable ("perpetual, irrevocable"), not only perpetual."""
    return "irrevocabl" in f.phrase.lower()


# The work is a brand: a logo, a brand identity, a trade mark. A perpetual licence of it is what the
# client pays for (its shops and goods carry it for as long as they trade), never one for a project.
_BRAND = re.compile(
    r"\b(?:logos?|logotypes?|brand(?:ing|s)?|trade\s*marks?|wordmarks?|(?:visual|brand|corporate)\s+identity)\b",
    re.IGNORECASE,
)


def brand_work(paragraphs: Sequence[Paragraph], work_name: str | None, at: int | None) -> bool:
    """The work product (its name, or the paragraph that defines it, index ``at``) is a logo or brand."""
    if work_name is not None and _BRAND.search(work_name):
        return True
    return at is not None and 0 <= at < len(paragraphs) and _BRAND.search(paragraphs[at].original_text) is not None


# -- the document's own words ---------------------------------------------------------------------------

# The price, as the document calls it: "the fees", "the charges", "the Fee", "the price", "royalties".
_PRICE = re.compile(r"\b(fees?|charges|prices?|remuneration|compensation|royalties)\b(?!-)", re.IGNORECASE)
# One of these is in every match of _PRICE, and of _THE_TERM, lower-cased: a text holding none is not searched.
_PRICE_WORDS = ("fee", "charges", "price", "remuneration", "compensation", "royalties")
_MASS = ("price", "remuneration", "compensation")  # one sum: "the price due", not "all prices due"


def price_due(texts: Sequence[str], defined: Set[str] = frozenset()) -> str | None:
    """What the client owes, in the document's word: "all fees due", "all charges due", "the Fee due" (a
    defined term, or one the document writes as "the Charges"), "the price due"; ``None`` when the
    document names no price. A word used as a term ("the Charges") wins over a more frequent plain one."""
    counts: dict[str, int] = {}
    termed: set[str] = {w for w in defined if _PRICE.fullmatch(w) and w[0].isupper()}
    for text in texts:
        if not fast.may_hold(text, _PRICE_WORDS):
            continue
        for m in fast.finditer(_PRICE, text, fast.lowered(text)):  # the pattern's matches, by its twin
            if not m.group(0).isupper():  # a heading in capitals ("FEES") does not decide the case
                counts[m.group(0)] = counts.get(m.group(0), 0) + 1
        if any(w in text for w in _TERM_WORDS):  # one of which every match of _THE_TERM holds
            termed.update(m.group(1) for m in _THE_TERM.finditer(text))
    if not counts:
        return None
    family: dict[str, tuple[bool, int]] = {}
    for word, n in counts.items():
        was = family.get(_family(word), (False, 0))
        family[_family(word)] = (was[0] or word in termed, was[1] + n)
    best = max(family, key=lambda k: family[k])
    forms = [w for w in counts if _family(w) == best]
    capital = [w for w in forms if w in termed]
    word = max(capital, key=lambda w: counts[w]) if capital else max(forms, key=lambda w: counts[w]).lower()
    if best in _MASS or (capital and not word.endswith("s")):
        return f"the {word.removesuffix('s') if best == 'price' else word} due"
    return f"all {word if word.endswith('s') else word + 's'} due"


_THE_TERM = re.compile(r"\bthe\s+(Fees?|Charges|Prices?|Remuneration|Compensation|Royalties)\b(?!-)")
_TERM_WORDS = ("Fee", "Charges", "Price", "Remuneration", "Compensation", "Royalties")


def _family(word: str) -> str:
    """ "Fees" -> "fee", "charges" -> "charge", "royalties" -> "royaltie": the word whatever its number."""
    return word.lower().removesuffix("s")


# A master agreement's orders: "each Statement of Work", "under an SOW", "the applicable Work Order" (capitalised,
# as a term); never "this Statement of Work" (a single order that is the document itself).
_ORDER = re.compile(
    r"\b(?:[Ee]ach|[Ee]very|[Aa]ny|[Aa]n?|the\s+(?:applicable|relevant))\s+[“\"]?"
    r"(Statements?\s+of\s+Work|SOWs?|(?:Work|Purchase|Task|Project|Service)\s+Orders?|Order\s+Forms?|Orders?)\b"
)
_ORDER_WORDS = ("statement", "sow", "order")  # one of which every match of _ORDER holds, lower-cased


def payment_due(
    texts: Sequence[str],
    price: str | None,
    work: str | None,
    agreement: str,
    made: int | None = None,
    among: Sequence[int] | None = None,
) -> str | None:
    """What ownership of a piece of the work waits for where the fees are per order or per item, in the
    document's words: "the fees for that Work Product under the applicable Statement of Work" (a master
    agreement billed by statement of work, order or work order); "the sum due for each Illustration under this
    agreement, as to that Illustration" ("£150 for each Illustration"; :func:`per_piece` says "that
    Illustration" where the transfer's sentence names one); ``None`` for a single commission (the whole
    agreement's fees: "all fees due under this Agreement"). ``texts`` are the document's paragraphs, ``price``
    its :func:`price_due`, ``work`` its work product's name ("Work Product", "Illustrations"), ``made`` the
    paragraph that says what the work is. Orders count only where they set the fees or the work ("the fees set out
    in the applicable Work Order", "the materials Vendor prepares under a Statement of Work"), never in
    boilerplate that merely mentions them ("the terms of any Purchase Order do not apply"). ``among``: the indexes
    of the paragraphs that may hold an order's word, when known (every other one is passed over)."""
    orders: dict[str, int] = {}
    for i in range(len(texts)) if among is None else among:
        t = texts[i]
        if fast.may_hold(t, _ORDER_WORDS) and (i == made or has_fees(t)):
            for m in _ORDER.finditer(t):
                name = re.sub(r"(Statement|SOW|Order|Form)s\b", r"\1", re.sub(r"\s+", " ", m.group(1)))
                orders[name] = orders.get(name, 0) + 1
    one = _one_of(work) if work else None
    if orders:
        order = max(orders, key=lambda k: orders[k])
        paid = _the_price(price, plural=True)
        piece = f" for {'that' if one == work else 'those'} {work}" if work else ""  # "those Deliverables"
        return f"{paid}{piece} under the applicable {order}"
    if not one:
        return None
    each = re.compile(rf"\b(?:each|every|per)\s+{re.escape(one)}\b")
    if any(has_fees(t) and each.search(t) for t in texts if one in t):  # "£150 for each Illustration accepted"
        return f"{_the_price(price, plural=False)} for each {one} under {agreement}, as to that {one}"
    return None


_EACH_PIECE = re.compile(r"\bfor each ([A-Z][\w-]*(?: [A-Z][\w-]*)*) (under .+?), as to that \1\b")


def per_piece(f: Finding, replacement: str) -> str:
    """``replacement`` (strict's payment condition for the fees of each piece of the work) said of the piece
    the finding's sentence already names ("each", "any", "a" Contribution): "For each Contribution, Contributor
    shall, upon payment in full of the fees for that Contribution under the Contract, assign …", not "… for each
    Contribution under the Contract, as to that Contribution, …"; where the sentence speaks of all pieces at once,
    said piece by piece ("the Illustrations shall, for each Illustration, upon payment in full of the sum due for it
    under this agreement, be vested"; :func:`_each_piece`)."""
    m = _EACH_PIECE.search(replacement)
    if m is None:
        return replacement
    start, _ = sentence_span(f.paragraph_text, f.phrase_start)
    if not re.search(
        rf"\b(?:[Ee]ach|[Ee]very|[Aa]ny|[Aa]n?) {re.escape(m.group(1))}\b", f.paragraph_text[start : f.phrase_start]
    ):
        return _each_piece(replacement)
    return f"{replacement[: m.start()]}for that {m.group(1)} {m.group(2)}{replacement[m.end() :]}"


# strict's payment condition on all the pieces at once, as the replacement and its comment say it
_EACH_UPON = re.compile(
    r"\bupon payment in full of (.+?) for each ([A-Z][\w-]*(?: [A-Z][\w-]*)*) (under .+?), as to that \2\b"
)
_EACH_ONLY_ON = re.compile(
    r"\bownership of [^;]+? pass to ([^;]+?) only on payment in full of (.+?) for each ([A-Z][\w-]*(?: [A-Z][\w-]*)*) "
    r"(under .+?), as to that \3\b"
)


def _each_piece(text: str) -> str:
    """``text`` with the payment condition on all the pieces said piece by piece, as a drafter would: "shall, for
    each Illustration, upon payment in full of the sum due for it under this agreement, be vested in", not "shall,
    upon payment in full of the sum due for each Illustration under this agreement, as to that Illustration, be
    vested in"; its comment "ownership of each Illustration pass to the Institute only on payment in full of the
    sum due for it under this agreement"."""
    text = _EACH_UPON.sub(r"for each \2, upon payment in full of \1 for it \3", text)
    return _EACH_ONLY_ON.sub(r"ownership of each \3 pass to \1 only on payment in full of \2 for it \4", text)


def _one_of(work: str) -> str | None:
    """The name of one piece of the work: "Illustration" of "Illustrations", "Work Product" as it is; ``None``
    for a plural with no singular in sight ("Materials" is "those Materials")."""
    if work.endswith("ies"):
        return f"{work[:-3]}y"
    if work.endswith("s") and not work.endswith(("ss", "Materials", "Services", "Goods")):
        return work[:-1]
    return None if work.endswith(("Materials", "Services", "Goods")) else work


def _the_price(price: str | None, *, plural: bool) -> str:
    """ "all fees due" -> "the fees", "the Fee due" -> "the Fee"; where the document names no price, "the sums
    due" (or "the sum due" for one piece)."""
    if price is None:
        return "the sums due" if plural else "the sum due"
    word = price.removesuffix(" due").removeprefix("all ").removeprefix("the ")
    return f"the {word}"


def clause_name(label: str) -> str:
    """A clause named as the document labels it: "5.1" -> "clause 5.1"; "Section 5.1", "Article 5" and
    "Clause 3" as they are (never "clause Section 5.1")."""
    return label if _WORD_LABEL.match(label) else f"clause {label}"


_WORD_LABEL = re.compile(r"[A-Za-z]{2,}\.?\s+\S")  # "Section 5.1", "Art. 5", not "a)" or "(a)"

# "Section 7(b)", "clause 3.2", "Articles 4 and 5", "paragraph 4": a reference to a numbered clause; not "Section
# 101 of the Copyright Act" or "section 77 of the Copyright, Designs and Patents Act 1988", a statute's section, nor
# "paragraph 2 of Schedule 1" or "paragraphs 4, 5 and 6 in Framework Schedule 5", a schedule's paragraphs
_REFERENCE = re.compile(
    r"\b(clause|section|article|(?<!-)(?P<para>paragraph))s?\s+(?=\(?\d)(?![^.;]{0,30}?\bof\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w.]*,?|and)\s+){0,6}(?:Act|Code|Regulations?|Directive|U\.S\.C)\b)"
    r"(?(para)(?![^.;]{0,30}?\b(?:of|in)\s+(?:this\s+|the\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:Schedule|Annex|Appendix|"
    r"Exhibit|Attachment|Part)\b))",
    re.IGNORECASE,
)
_REFERENCE_WORDS = ("clause", "section", "article", "paragraph")  # one of which every match of _REFERENCE holds
_CLAUSE_IN_COMMENT = re.compile(r"\b([Cc])lause(?=\s+\(?\d)")


def _references(text: str, low: str | None) -> Iterator[re.Match[str]]:
    """``_REFERENCE.finditer(text)``, matched only where its keyword starts: every match opens with one of
    :data:`_REFERENCE_WORDS`, found in ``low`` (``text.lower()``, position for position; None where a character of
    ``text`` folds to an ASCII letter: then the pattern's own search), instead of trying the pattern, which no
    literal opens, at every character."""
    if low is None:
        yield from _REFERENCE.finditer(text)
        return
    end = 0
    for at in _starts(low, _REFERENCE_WORDS):
        if at >= end and (m := _REFERENCE.match(text, at)) is not None:  # as finditer: after the last match
            yield m
            end = m.end()


def clause_word(texts: Sequence[str], american: bool = False, paragraphs: Sequence[Paragraph] = ()) -> str | None:
    """The word the document refers to its own numbered clauses by, as it writes it most ("Section" for
    "see Section 7(b)", "paragraph" for "under paragraph 4"), where that word is not "clause" and the document
    never says "clause 3"; where it refers to none, "Section" under American law (as American drafters say),
    "paragraph" where its ``paragraphs`` (a British-drafted document's) are numbered 1, 2, 3 … with no sub-numbers
    (a letter of agreement, a commission under unnumbered headings), and else None ("clause")."""
    counts: dict[str, int] = {}
    for t in texts:
        if not fast.may_hold(t, _REFERENCE_WORDS):  # one of them is in every match: most paragraphs hold none
            continue
        for m in _references(t, fast.lowered(t)):
            if m.group(1).lower() == "clause":
                return None  # the document says "clause 3": whatever else it says, the word is ours
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if not counts:
        return "Section" if american else "paragraph" if numbered_paragraphs(paragraphs) else None
    if any(w.lower() == "clause" for w in counts):
        return None
    word = max(
        counts, key=lambda w: (sum(n for v, n in counts.items() if v.lower() == w.lower()), not w.isupper(), counts[w])
    )
    return word.capitalize() if word.isupper() else word  # "SECTION 1" in a heading: "Section 1"


def says_section(texts: Sequence[str]) -> bool:
    """One of ``texts`` names a numbered part of the document a Section ("Section 5.1 Licence.", "under Section
    7(b)", "SECTION 2"), not a statute's section ("section 77 of the Copyright, Designs and Patents Act 1988")."""
    return any(m.group(1).lower() == "section" for t in texts for m in _references(t, fast.lowered(t)))


def cites_sub_articles(texts: Sequence[str]) -> bool:
    """One of ``texts`` cites a sub-clause of the document as an Article ("Article 4.1", "Articles 4.1(i) and 6"),
    not only a whole one ("Article 2")."""
    return any(
        m.group(1).lower() == "article" and _SUB_NUMBER.match(t, m.end())
        for t in texts
        for m in _references(t, fast.lowered(t))
    )


# a numbered item of the document: typed ("5. In return …") or Word's label ("5."); a sub-number ("5.1", "5.1.")
_ITEM_NUMBER = re.compile(r"\d{1,3}[.)](?=\s|$)")
_SUB_NUMBER = re.compile(r"\d{1,3}\.\d")
_ENOUGH_ITEMS = 3


def numbered_paragraphs(paragraphs: Sequence[Paragraph]) -> bool:
    """The document's items are numbered paragraphs, 1, 2, 3 …: at least three paragraphs numbered with a
    whole number (typed or Word's) that say something (a sentence, not a heading "1. Definitions"), and no
    sub-number ("5.1") anywhere."""
    items = 0
    for p in paragraphs:
        label = (p.label or "").strip()
        text = p.text.lstrip()
        if _SUB_NUMBER.match(label) or _SUB_NUMBER.match(text):
            return False
        if label:
            numbered, said = _ITEM_NUMBER.fullmatch(label) is not None, text
        else:
            typed = _ITEM_NUMBER.match(text)
            numbered, said = typed is not None, text[typed.end() :] if typed else ""
        if not numbered:
            continue
        if len(said.split()) < 6 or p.run_in_title:  # "1. Definitions", "1. Fees. The …": a clause's title
            return False
        items += 1
    return items >= _ENOUGH_ITEMS


_THIS_CLAUSE = re.compile(r"\b([Tt])his clause\b")


def this_part(text: str, word: str | None, sections: bool = True) -> str:
    """``text`` (a clause we insert) calling itself by the document's ``word``: "This clause applies" ->
    "This Section applies" in a document that refers to its Sections. What we insert is never a whole
    Article (it joins one as its Sections): "This Section" where the document says "Article" and also names
    Sections (``sections``); where it never does (its sub-clauses "4.1" under "Article 4 – Grant", cited as
    "Article 4.1"), "This Article", the only word it has."""
    if not word or "his clause" not in text:
        return text
    if word.lower() == "paragraph":  # "this paragraph", as drafters write it
        word = "paragraph"
    else:
        word = "Section" if word.lower().startswith("art") and sections else word[:1].upper() + word[1:]
    return _THIS_CLAUSE.sub(lambda m: f"{m.group(1)}his {word}", text)


_THIS_CLAUSE_UNNUMBERED = re.compile(r"\b([Tt])his clause\b(?!\s+\d)")


def numbered_part(text: str, number: str) -> str:
    """``text`` (a clause we insert) citing itself by ``number``: "This clause applies" -> "This clause 2.3
    applies" (then "This Section 2.3" by :func:`this_part` where the document refers to Sections)."""
    return _THIS_CLAUSE_UNNUMBERED.sub(lambda m: f"{m.group(1)}his clause {number}", text)


# A defined purpose of the licence: “Purpose”: …; (the "Permitted Use"); "Agreed Purpose" means …
_PURPOSE_TERM = re.compile(
    r"[“\"]((?:Permitted\s+|Agreed\s+|Licensed\s+)?(?:Purpose|Use))[”\"]\s*(?::|\)|means\b|shall\s+mean\b)"
)
# a moral-rights waiver that keeps the right to be named: "except the right to be identified as their author"
_CREDIT_KEPT = re.compile(
    r"\bmoral\s+rights\b[^.]*?\b(?:except|other\s+than|save|but\s+not|excluding)\b[^.]*?\bright\s+to\s+be\s+"
    r"(?:identified|credited|named|attributed)|\bmoral\s+rights\b[^.]*?\b(?:except|other\s+than|save|excluding)\b"
    r"[^.]*?\b(?:right\s+of\s+)?(?:attribution|paternity)\b",
    re.IGNORECASE,
)


_CREDIT_ASK = re.compile(r",? and that [^.,;]{1,60}? keep the right to be credited")


def no_credit_asked(comment: str) -> str:
    """Our ``comment`` without its request that the creator keep the right to be credited."""
    return _CREDIT_ASK.sub("", comment)


def credit_to_authors(comment: str, authors: str) -> str:
    """Our ``comment`` asking that ``authors`` keep the right to be credited, not the creator: a company has no
    moral rights of its own, the people who made the work do ("the individual authors of the Designs")."""
    return _CREDIT_ASK.sub(lambda m: f", and that {authors} keep the right to be credited", comment)


# The use of the work set out in a schedule or table: "The channels, period and territory of our paid use of the
# Content are set out in the usage table in Schedule 1", "The media and term of the licence are as specified in
# Annex A"
_USAGE_WORD = r"(?:media|channels?|platforms?|period|term|duration|territory|territories|formats?|usage|uses?)"
_USAGE_SCHEDULE = re.compile(
    r"\b(?:the|The)\s+(?P<what>" + _USAGE_WORD + r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)" + _USAGE_WORD + r"){0,5})"
    r"(?:\s+(?:of|for)\s+[^.;]{0,60}?)?\s+(?:are|is|shall\s+be|will\s+be)\s+(?:as\s+)?(?:set\s+out|specified|"
    r"described|listed|stated|detailed|shown)\s+in\s+(?P<where>(?:the\s+(?:[\w-]+\s+){0,3}?(?:table|grid|matrix)\s+"
    r"(?:in|of|at)\s+)?(?:the\s+)?(?:Schedule|Annex|Exhibit|Appendix|Attachment)(?:\s+[A-Z0-9](?:[\w.]*\w)?)?)",
    re.IGNORECASE,
)


def usage_schedule(texts: Sequence[str]) -> str | None:
    """The use of the work the document sets out in a schedule or table, as the Permitted Purpose names it:
    "the channels, period and territory set out in the usage table in Schedule 1"; ``None`` where it has none."""
    for t in texts:
        low = t.lower()  # the pattern ignores case: so does its quick check ("SET OUT IN SCHEDULE 1")
        if "schedule" in low or "annex" in low or "exhibit" in low or "appendix" in low or "attachment" in low:
            m = _USAGE_SCHEDULE.search(t)
            if m is not None:
                return f"the {' '.join(m.group('what').split()).lower()} set out in {m.group('where')}"
    return None


# What names written work, in the words describing the work: "all translations, localized copy, glossaries",
# "the articles and blog posts", "the user manuals", "press releases"
_TEXT_WORK = re.compile(
    r"\b(?:translations?|locali[sz]ed\s+(?:copy|content|text)|copywriting|(?:marketing|advertising|web(?:site)?|"
    r"product|sales|brand|ad)\s+copy|articles?|blog\s+posts?|white\s+papers?|press\s+releases?|newsletters?|"
    r"manuals?|user\s+guides?|style\s+guides?|glossar(?:y|ies)|leaflets?|subtitles?|transcripts?|"
    r"(?:written|editorial)\s+content)\b",
    re.IGNORECASE,
)


# work that is not text, named beside it ("the articles, photographs and related materials")
_OTHER_WORK = re.compile(
    r"\b(?:photo(?:graph)?s?|images?|videos?|films?|illustrations?|drawings?|artwork|designs?|logos?|recordings?|"
    r"music|songs?|animations?|software|code|apps?|models?|data(?:sets?)?|"
    r"art(?!\.\s*\d)|artworks|paintings?|sketch(?:es)?|storyboards?|textures?|sprites?|icons?)\b",
    re.IGNORECASE,
)


def text_work(result: AuditResult) -> bool:
    """The work is text (translations, copy, articles, manuals): the words describing the work product name it,
    and name no other kind of work beside it (photographs, software)."""
    work = result.parties.work_product
    if work is None or work.index is None or work.index >= len(result.paragraphs):
        return False
    described = result.paragraphs[work.index].original_text
    return _TEXT_WORK.search(described) is not None and _OTHER_WORK.search(described) is None


# Between two items of one list naming the work: a comma and a few words ("the code, designs"), or "and" / "or"
# alone ("the app and its artwork"); no end of a sentence or clause, no verb phrase ("design and build the app").
_LIST_GAP = re.compile(
    r"(?:,[^.;:,()]{0,30}?(?:,\s*)?|\s+(?:and|or|as\s+well\s+as)\s+(?:the\s+|all\s+|any\s+|its\s+)?)"
)


_GAP_TO_END = re.compile(f"(?:{_LIST_GAP.pattern})\\Z")  # a _LIST_GAP that ends where the search does (its endpos)


def other_work(texts: Sequence[str], kind: str | None) -> str | None:
    """The other kinds of work the document names in one list with code, as what the creator makes, owns or delivers
    ("I'll own the code, designs and everything else I make": "designs"), where its work is software: a comment
    saying the work "is code" would be untrue of it. ``None`` where no such list names another kind (a list of what
    the client combines the work "with data, software, hardware" describes no work)."""
    if kind != SOFTWARE:
        return None
    others = [w for k, w in _WORDS.items() if k != kind]
    literals = _other_literals(kind)
    found: dict[str, None] = {}
    whole = Joined(texts)  # the kind's words found by one search of all the texts, each match in its text
    whole_low = fast.lowered(whole.text)  # None where a character folds: then no text is passed over
    near = None if literals is None or whole_low is None else _starts(whole_low, literals)
    last, low = -1, None
    makes: dict[str, bool] = {}  # a sentence of this text -> it is about the work made (its words share it)
    for hit in fast.finditer(_WORDS[kind], whole.text, whole_low):
        i = whole.index(hit.start())
        text, base = texts[i], whole.starts[i]
        m_start, m_end = hit.start() - base, hit.end() - base
        floor = max(0, m_start - 60)
        if near is not None:  # every match of another kind's words holds one of its literals: one must start near
            k = bisect_left(near, base + floor)
            if k == len(near) or near[k] >= base + min(len(text), m_end + 60):
                continue
        after = text[m_end : m_end + 60]
        listed = _LIST_GAP.match(after) is not None  # a gap that fullmatches a start of it: matches it
        # an item before it needs a gap from the item's end to this word: some start in the window whose gap
        # fullmatches the rest (one search, instead of one for each kind's words)
        gapped = _GAP_TO_END.search(text, floor, m_start) is not None
        if not (listed or gapped):  # no list item can be next to it: its sentence need not be read
            continue
        if i != last:
            last, makes = i, {}
            low = fast.lowered(text)  # the searches below are those of the patterns themselves, by their twins
        sentence = _sentence_at(text, m_start)
        made = makes.get(sentence)
        if made is None:
            made = makes[sentence] = fast.holds(_MAKES, sentence)
        if not made:
            continue
        after_low = None if low is None else low[m_end : m_end + 60]  # after.lower(): no length changes
        for words in others:
            pairs = (
                [  # (first item's start, other word) where the two are items of one list
                    (m_start, o, m_end + o.start(), m_end + o.end())
                    for o in (fast.finditer(words, after, after_low) if listed else ())
                    if _LIST_GAP.fullmatch(after[: o.start()])
                ]
                + [
                    (o.start(), o, o.start(), o.end())  # the match's positions are the text's own
                    for o in (fast.finditer(words, text, low, floor, m_start) if gapped else ())
                    if _LIST_GAP.fullmatch(text, o.end(), m_start)
                ]
            )
            for first, o, start, end in pairs:
                if _LIST_OPENS.search(text, max(0, first - 40), first) and not _not_work(text, start, end):
                    found[o.group(0).lower()] = None
    return " and ".join(found) if found else None


@lru_cache(maxsize=4)
def _other_literals(kind: str) -> tuple[str, ...] | None:
    """The literals (lower-case) one of which every match of the words of a kind other than ``kind`` holds; None
    where a kind's words have no such literals."""
    needs = [fast.needed(words) for k, words in _WORDS.items() if k != kind]
    if any(n is None for n in needs):
        return None
    return tuple(w for n in needs for w in n or ())


def _starts(text: str, literals: Sequence[str]) -> list[int]:
    """Where in ``text`` each of ``literals`` starts, in order (a few hundred at most in a contract: one ``find``
    after another beats a search of the window around each word)."""
    out = []
    for w in literals:
        at = text.find(w)
        while at >= 0:
            out.append(at)
            at = text.find(w, at + 1)
    return sorted(out)


# what opens a list naming the work: "the", "all", "my" … (and a word: "all other designs"), not "with data, software"
_LIST_OPENS = re.compile(r"\b(?:the|all|any|my|our|your|its|their|such)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# a sentence about the work the creator makes, owns or delivers
_MAKES = re.compile(
    r"\b(?:make|makes|made|creat(?:e|es|ed|ing)|develop(?:s|ed|ing)?|deliver(?:s|ed|ing|ables?)?|own|owns|owned|"
    r"build|builds|built|produc(?:e|es|ed|ing)|suppl(?:y|ies|ied)|means|work\s+product)\b",
    re.IGNORECASE,
)


# words naming written work beyond _TEXT_WORK: a work described with any of them may be spell-checked or translated
_WRITTEN = re.compile(
    r"\b(?:documents?|documentation|reports?|texts?|captions?|lyrics|posts?|stories|books?|manuscripts?|"
    r"scripts?|copy|writings?|letters?)\b",
    re.IGNORECASE,
)


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` holding position ``at``."""
    start = max(text.rfind(". ", 0, at), text.rfind("; ", 0, at))
    ends = [e for e in (text.find(". ", at), text.find("; ", at)) if e >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


def _not_work(text: str, start: int, end: int) -> bool:
    """The words at ``start:end`` name no work delivered ("customer content", "personal data")."""
    return any(m.start() <= start and end <= m.end() for w in _NOT_WORK.values() for m in w.finditer(text))


# A paragraph that continues the one before: it opens with a word that leans on it ("If you want to sell the app …,
# we'll need to agree that separately.", "But …", "That …") or says "also" ("We'd also like to show the video …").
_CONTINUES = re.compile(
    r"\s*(?:(?:if|but|however|also|and|otherwise|unless|that|this|these|those|such|either\s+way|in\s+that\s+case)\b"
    r"|.*\balso\b)",
    re.IGNORECASE,
)
_RUN_IN_LABEL = re.compile(r"\s*(?:[\w’'-]+\s+){0,4}?[\w’'-]+:\s")  # "Price: …", "Who owns what: …"
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
_FUNCTION_WORDS = frozenset(
    "the and for you your our ours with this that these those will can any all are was were have has had not but "
    "from they them their its also which who what when where how need want like would could should may must shall "
    "one other others more into out about over such only just get got let lets please here there then than very "
    "each every some own owns i'll we'll you'll it's we'd i'd you're we're i'm".split()
)


def _content_words(text: str) -> set[str]:
    return {w for w in (m.group(0).lower() for m in _CONTENT_WORD.finditer(text)) if w not in _FUNCTION_WORDS}


def continues(previous: str, text: str) -> bool:
    """Paragraph ``text`` continues the paragraph ``previous`` before it: no run-in label of its own ("Price: …"),
    it opens with a word that leans on what came before ("If", "But", "That") or says "also", and it names something
    ``previous`` names ("If you want to sell the app …" after "… a licence to use the app …")."""
    if _RUN_IN_LABEL.match(text) or not _CONTINUES.match(text):
        return False
    return bool(_content_words(text) & _content_words(previous))


def non_text_work(result: AuditResult) -> bool:
    """The work has no text to check or translate: code (its own exception is the coding-assistant clause), or
    creative work whose description names only images, music, recordings, video or designs ("the score, including its
    musical composition, arrangements, parts and master recordings", "40 edited images")."""
    kind = result.work_kind.kind if result.work_kind else None
    if kind == "software":
        return True
    work = result.parties.work_product
    if kind != "creative" or work is None or work.index is None or work.index >= len(result.paragraphs):
        return False
    described = _defining_words(result.paragraphs[work.index].original_text, work.text)
    if _TEXT_WORK.search(described) or _WRITTEN.search(described):
        return False
    return _OTHER_WORK.search(described) is not None or re.search(r"\b(?:scores?|musical)\b", described) is not None


# words naming sound recordings: "all sound recordings of the Narrator's performance …, including retakes and
# pick-ups", "the audio files of each episode", "the voice-over recordings"
_AUDIO = re.compile(
    r"\b(?:(?:sound|audio|voice(?:[- ]?over)?|master|studio)\s+)?recordings?\b|\b(?:audio(?:\s+files?)?|"
    r"audiobooks?|podcasts?(?:\s+episodes?)?|voice[- ]?overs?|(?:re)?takes|outtakes|pick-?ups|narrations?)\b",
    re.IGNORECASE,
)
_MUSIC = re.compile(r"\b(?:scores?|musical|compositions?|songs?|music|lyrics)\b", re.IGNORECASE)


def audio_work(result: AuditResult) -> bool:
    """The work is sound recordings and nothing else: the creative work product's name or the words describing it
    name recordings or audio ("the Recordings" means all sound recordings of the Narrator's performance …"), and
    no image, video, text or music beside them (a composer's score and its master recordings have drafts and
    sketches)."""
    work = result.parties.work_product
    if result.work_kind is None or result.work_kind.kind != "creative" or work is None:
        return False
    described = work.text
    if work.index is not None and work.index < len(result.paragraphs):
        described += " " + _defining_words(result.paragraphs[work.index].original_text, work.text)
    if _AUDIO.search(described) is None:
        return False
    rest = _AUDIO.sub(" ", described)
    return not any(w.search(rest) for w in (_OTHER_WORK, _TEXT_WORK, _WRITTEN, _MUSIC))


def _defining_words(text: str, name: str) -> str:
    """The words of ``text`` that describe the work named ``name``: where a parenthesis defines it ("to create a cover
    and 24 colour illustrations (the "Artwork") for the picture book …"), its sentence up to that parenthesis, not
    what the work is for; else the whole text (a "means" definition describes it after the term)."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    m = re.search(r"\(\s*(?:the\s+)?[\"“']\s*(?:the\s+)?" + re.escape(bare) + r"\s*[\"”']", text, re.IGNORECASE)
    if m is None:
        return text
    return text[text.rfind(". ", 0, m.start()) + 1 : m.start()]


def purpose_term(texts: Sequence[str]) -> str | None:
    """The document's own defined purpose of the licence ("the Purpose", "the Permitted Use"), or None."""
    for t in texts:
        if "urpose" in t or "Use" in t:
            m = _PURPOSE_TERM.search(t)
            if m:
                return "the " + " ".join(m.group(1).split())
    return None


# A work that records the creator's own performance: the rights in it are a performer's ("the Narrator's
# performer's property rights", "all copyright and performers' rights"), or the creator is named for performing
# ("the Narrator", "the Voice Artist", "Presenter")
_PERFORMERS_RIGHTS = re.compile(
    r"\bperformers?(?:'s|s'|’s|s’)?\s+(?:(?:property|moral|economic|non-property)\s+)?rights\b", re.IGNORECASE
)
_PERFORMER_NAME = re.compile(
    r"\b(?:narrator|performer|presenter|actor|actress|singer|vocalist|voice(?:[- ]over)?\s+(?:artist|actor|talent))\b",
    re.IGNORECASE,
)


def performed_work(texts: Sequence[str], provider: str | None) -> bool:
    """The work records the creator's own performance, voice or likeness: the document speaks of performers' rights
    in it, or names the creator (``provider``) for performing ("the Narrator", "Voice Artist")."""
    named = provider is not None and _PERFORMER_NAME.search(provider) is not None
    return named or any(_PERFORMERS_RIGHTS.search(t) for t in texts)


# a waiver of a performer's moral rights: "the moral rights conferred on performers", "as a performer"
_PERFORMER = re.compile(r"\bperform(?:er|ers|ance|ances)\b", re.IGNORECASE)


def performer_waiver(text: str) -> bool:
    """The moral-rights waiver ``text`` waives a performer's rights ("the moral rights conferred on performers")."""
    return _PERFORMER.search(text) is not None


def credit_kept(texts: Sequence[str]) -> bool:
    """The document's moral-rights waiver already keeps the creator's right to be identified as author."""
    return any(_CREDIT_KEPT.search(t) for t in texts if "oral" in t)


def as_referred(text: str, word: str | None, sections: bool = False) -> str:
    """``text`` (ours) with "clause 7(b)" said with the document's ``word`` ("Section 7(b)"); a sub-clause ("clause
    2.1") a Section where the document says "Article" and its sub-clauses are Sections (``sections``), as our clauses
    call themselves (:func:`this_part`)."""
    if not word:
        return text
    sub = "Section" if sections and word.lower().startswith("art") else None

    def said(m: re.Match[str]) -> str:
        w = sub if sub and _SUB_CITED.match(text, m.end()) else word
        return w[:1].upper() + w[1:] if m.group(1) == "C" else w

    return _CLAUSE_IN_COMMENT.sub(said, text)


_SUB_CITED = re.compile(r"\s+\d{1,3}\.\d")  # "clause 2.1": a sub-clause


# -- bracketed alternatives ("[Option 1: assignment]" … "[End of Option 1]") ------------------------

_OPTION_OPENER = re.compile(r"\s*\[\s*((?:option|alternative|alt\.?|variant)\s*[A-Z0-9]{0,3}\b)", re.IGNORECASE)
_OPTION_CLOSER = re.compile(r"\s*\[\s*end\s+of\b|.*\]\s*$", re.IGNORECASE)
_OPTION_REACH = 12  # paragraphs an alternative may run


def option_name(paragraphs: Sequence[Paragraph], index: int) -> str | None:
    """The name ("Option 1") of the bracketed alternative paragraph ``index`` is in, or None: the
    nearest opener before it ("[Option 1: assignment of Deliverables]", "[Option 1 4.3 The Supplier
    assigns …") with no closer ("[End of Option 1]", a paragraph ending in "]") between them."""
    for k in range(index, max(-1, index - _OPTION_REACH), -1):
        text = paragraphs[k].text
        m = _OPTION_OPENER.match(text)
        if m is not None:
            name = " ".join(m.group(1).split())
            return name[:1].upper() + name[1:]
        if k < index and _OPTION_CLOSER.match(text):
            return None
    return None


# -- the creator's background materials --------------------------------------------------------------

_BACKGROUND_NAME = re.compile(
    r"^(?:pre-?existing|preexisting|background|prior|existing|retained)\b.*\b(?:materials?|IP|IPR|property|"
    r"technology|works?|tools?|components?|code|know-how|rights|assets|content|software)$",
    re.IGNORECASE,
)
_ORIGIN = re.compile(r"\b(?:owned|owns|developed|created|existed|acquired|conceived|made)\b", re.IGNORECASE)
_BEFORE = re.compile(
    r"\b(?:before|prior\s+to)\b[^.;]{0,80}?\b(?:date|commencement|agreement|contract|effective|start)\b|"
    r"\bexist(?:ed|ing)\s+(?:prior|before)\b|\bindependently\s+of\b|\bdeveloped\s+independently\b",
    re.IGNORECASE,
)
_KIT = re.compile(r"\b(?:tools|templates|methods|know-how|libraries|components|frameworks)\b", re.IGNORECASE)
_KEEPS = re.compile(r"\b(?:retains?|reserves?|owned\s+by|remains?)\b", re.IGNORECASE)
_NAME = r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})"
_QUOTED_MEANS = re.compile(rf"[\"“]{_NAME}[\"”]\s+(?:shall\s+)?means?\b(.*)")
_COLON_MEANS = re.compile(rf"^\s*(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?{_NAME}:\s+(.+)")
_PARENTHESIS = re.compile(rf"\((?:the\s+|together,?\s+)?[\"“]{_NAME}[\"”]\)")
# The creator keeps them: "The Developer Components remain owned by the Developer", "The Supplier shall
# retain ownership of all Pre-existing Materials".
_STAYS = re.compile(
    r"\b(?:remains?|shall\s+remain|will\s+remain)\s+(?:owned\s+by|the\s+(?:sole\s+|exclusive\s+)?property\s+of|"
    r"vested\s+in|with)\b|\b(?:retains?|shall\s+retain|will\s+retain)\s+(?:all\s+)?(?:ownership|rights?|title)\b",
    re.IGNORECASE,
)
_LICENCE = re.compile(r"\blicen[cs]e", re.IGNORECASE)
_PRE_EXISTING_WORDS = re.compile(r"\bpre-?existing\b|\bbackground\b|\bexisting\s+materials\b", re.IGNORECASE)
_EMBEDDED = re.compile(r"\bas\s+(?:a\s+)?part\s+of\b|\bincorporated\s+(?:in|into)\b|\bembedded\s+in\b", re.IGNORECASE)
_AS_PART_OF = re.compile(r"\b(?:solely\s+|only\s+)?as\s+(?:a\s+)?part\s+of\b", re.IGNORECASE)
_TRANSFER_WORDS = re.compile(r"\bassigns?\b|\bvests?\b|\bproperty\s+of\b|\bmade\s+for\s+hire\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Background:
    """The creator's pre-existing (background) materials as this document names them: ``term`` its
    own defined name as the body uses it ("the Pre-existing Materials", "Agency Materials"), and
    ``kept`` the paragraph where the document already keeps them with the creator, if it does."""

    term: str | None = None
    kept: int | None = None


def _definitions_of(text: str) -> list[tuple[str, str]]:
    """The terms a paragraph defines, each with its meaning: ``"X" means …``, ``X: …`` (a definitions
    list), or ``… ("X")`` (the sentence before the parenthesis)."""
    if '"' not in text and "“" not in text and ":" not in text:
        return []  # each of the three patterns needs a quotation mark or a colon
    found = [(m.group(1), m.group(2)) for m in _QUOTED_MEANS.finditer(text)]
    colon = _COLON_MEANS.match(text)
    if colon:
        found.append((colon.group(1), colon.group(2)))
    for m in _PARENTHESIS.finditer(text):
        found.append((m.group(1), sentence_at(text, m.start())[: m.start()]))
    return found


def find_background(result: AuditResult, terms: Mapping[str, str]) -> Background:
    """The document's own name for the creator's pre-existing materials (a term named so, defined by
    what the creator owned before the agreement or develops independently of it, or by the tools and
    know-how it keeps), and where the document already keeps them with the creator."""
    work = result.terms.deliverables.name if result.terms.deliverables else None
    parties = {t.name for t in (result.terms.client, result.terms.provider) if t is not None}
    creator = (terms.get("provider") or "").removeprefix("the ").strip()
    name = None
    for p in result.paragraphs:
        for candidate, meaning in _definitions_of(p.original_text):
            if candidate in (work, *parties) or "AI" in candidate.split():
                continue
            theirs = bool(creator) and (creator in meaning or candidate.startswith(creator))  # not the client's
            if _BACKGROUND_NAME.match(candidate) or (
                theirs
                and (
                    (_BEFORE.search(meaning) and _ORIGIN.search(meaning))
                    or (_KIT.search(meaning) and _KEEPS.search(meaning))
                )
            ):
                name = candidate
                break
        if name:
            break
    term = None
    if name is not None:
        text = "\n".join(p.original_text for p in result.paragraphs)
        # the word tests after the name ("(?<!\w)X" as "X(?<!\wX)"): the search skips to each "X"
        name_rx = re.escape(name)
        uses = len(re.findall(rf"{name_rx}(?<!\w{name_rx})(?!\w)", text))
        # "[Tt]he X(?<!\w[Tt]he X)(?!\w)" found from its "he X" (the same matches, each a character on): a search
        # skips to each "he X", not to each "t"
        with_the = len(re.findall(rf"he {name_rx}(?<=[Tt]he {name_rx})(?<!\w[Tt]he {name_rx})(?!\w)", text))
        term = f"the {name}" if with_the * 3 >= uses and with_the else name
    return Background(term, _kept_at(result, name, terms.get("provider")))


def _kept_at(result: AuditResult, name: str | None, provider: str | None) -> int | None:
    """The paragraph where the creator keeps its pre-existing materials: the audit's reservation of
    rights in them, or a sentence naming them that keeps them with the creator."""
    for f in result.findings:
        if (
            f.kind == "reservation_of_rights"
            and f.actor == "creator"
            and f.beneficiary == "creator"
            and f.object == "pre_existing"
            and not f.negated
        ):
            return f.start
    if name is None:
        return None
    who = (provider or "").removeprefix("the ").strip()
    for p in result.paragraphs:
        if name not in p.original_text:
            continue
        for sentence in sentences(p.original_text):
            if name in sentence and (not who or who in sentence) and fast.holds(_STAYS, sentence):  # cheap tests first
                return p.index
    return None


def background_licence(f: Finding, background: Background, terms: Mapping[str, str]) -> bool:
    """The finding qualifies a licence of the creator's pre-existing materials, embedded in the work
    (not a transfer, not a licence of the work itself)."""
    sentence = sentence_at(f.paragraph_text, f.phrase_start)  # its words tested by the patterns' twins
    if not fast.holds(_LICENCE, sentence) or fast.holds(_TRANSFER_WORDS, sentence):
        return False
    name = (background.term or "").removeprefix("the ")
    work = terms.get("deliverables", "").removeprefix("the ")
    return bool(
        (name and name in sentence)
        or fast.holds(_PRE_EXISTING_WORDS, sentence)
        or (work and work in sentence and fast.holds(_EMBEDDED, sentence))
    )


def owned_work_use(
    f: Finding, background: Background, terms: Mapping[str, str], background_licensed: bool | None = None
) -> bool:
    """The finding qualifies a use of the work itself that the document lets the client make (a
    licence or permission naming the work, not the creator's pre-existing materials).
    ``background_licensed``: :func:`background_licence` of the finding, where the caller has it."""
    work = terms.get("deliverables", "").removeprefix("the ")
    sentence = sentence_at(f.paragraph_text, f.phrase_start)
    if background_licensed is None:
        background_licensed = bool(work) and work in sentence and background_licence(f, background, terms)
    return bool(work) and work in sentence and not background_licensed


# -- the definitions clause ----------------------------------------------------------------------------

_DEFINITION = re.compile(
    r"^\s*(?:\(?[0-9a-z]{1,4}[.)]\s+|[0-9]+(?:\.[0-9]+)*\.?\s+)?[\"“][^\"“”]{1,80}[\"”]\s+(shall\s+)?means?\b"
)
# "Deliverables: all documents ..." (a term in capitals, a colon, its meaning): the UK precedent style
# (or “Deliverables”: …, the term in quotes), typed-numbered or not
_COLON_TERM = r"[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|and|in|the|or|to|for)){0,6}"
_COLON_DEFINITION = re.compile(
    r"^\s*(?:\(?[0-9a-z]{1,4}[.)]\s+|[0-9]+(?:\.[0-9]+)*\.?\s+)?"
    rf"(?:(?P<quote>[\"“]){_COLON_TERM}[\"”]|{_COLON_TERM}):\s+[a-z\"“(]"
)
# "Developer IP means all …", "Release Event has the meaning given in clause 6.3." (the term bare, often in bold, no
# quotes), typed-numbered or not
_BARE_DEFINITION = re.compile(
    r"^\s*(?:\(?[0-9a-z]{1,4}[.)]\s+|[0-9]+(?:\.[0-9]+)*\.?\s+)?"
    rf"{_COLON_TERM}\s+(?:(shall\s+)?means?|has\s+the\s+meaning|includes)\s+\S"
)
_NEW_CLAUSE = re.compile(r"^\s*(?:clause\s+|article\s+|section\s+)?[0-9]+(?:\.[0-9]+)*\.?\s+[A-Z]", re.IGNORECASE)
_DEFINITIONS_HEADING = re.compile(
    r"^\s*(?:(?:clause|article|section|part)\s+)?(?:[0-9.]*|[IVX]{1,4}\.?)\s*(?:[-–—:]\s*)?(definitions?|interpretation)\b.{0,40}$",
    re.IGNORECASE,
)


class DefinitionsRun(NamedTuple):
    """The document's definitions clause: its last entry and the style new entries copy."""

    last: int  # the paragraph of its last entry
    straight: bool  # writes straight quotes ("X" means), not curly ones
    shall: bool  # says "shall mean"
    colon: bool  # writes ``X: …`` entries (no "means")
    bare: bool = False  # the entry's term is not in quotes (``X: …``, ``X means …``; not ``“X”: …``)


_OPENING_QUOTE = re.compile(r'["“](?=[A-Z])')  # a quotation mark before a capitalised name


def quotes_straight(texts: Sequence[str]) -> bool:
    """The document quotes its terms with straight quotes ('(the "Assets")'), not curly ones (“Assets”): more of
    its quoted names open with '"' than with “ (after a space or a bracket: not the inch mark of '12" Vinyl'). A
    document that quotes nothing gets curly ones."""
    text = "\n".join(texts)
    opened = [m.group() for m in _OPENING_QUOTE.finditer(text) if m.start() == 0 or text[m.start() - 1] in " \t\n(["]
    return opened.count('"') > opened.count("“")


def definitions_run(paragraphs: Sequence[Paragraph]) -> DefinitionsRun | None:
    """The document's definitions clause: the first run of ``"X" means …`` entries (or of ``X: …``
    entries, one style throughout) under a Definitions / Interpretation heading; ``None`` when the
    document has none (two entries at least), or a definitions clause whose run-in title opens its first
    entry ("1. Definitions. "Licensed Corpus" means …")."""
    for h, heading in enumerate(paragraphs):
        if len(heading.text) > 60 or not _DEFINITIONS_HEADING.match(heading.text):  # the cheap test first
            continue
        found: list[tuple[int, re.Match[str]]] = []
        colon = bare = False
        for i in range(h + 1, min(len(paragraphs), h + 200)):
            text = paragraphs[i].text
            m = (_COLON_DEFINITION if colon else _BARE_DEFINITION if bare else _DEFINITION).match(text)
            if m is None and not found and (m := _COLON_DEFINITION.match(text)):
                colon = True
            if m is None and not found and (m := _BARE_DEFINITION.match(text)):
                bare = True
            if m:
                found.append((i, m))
            elif found and (
                paragraphs[i].is_heading
                or not text.strip()
                or _NEW_CLAUSE.match(text)
                or (len(text) < 60 and not text.rstrip().endswith((";", ":", ".")))
            ):
                break  # a heading, a new numbered clause or an empty line ends the run
            elif not found and i > h + 3:
                break
        if len(found) >= 2:
            last, m = found[-1]
            if colon:
                quote = m.group("quote")
                return DefinitionsRun(last, straight=quote == '"', shall=False, colon=True, bare=quote is None)
            if bare:  # "Developer IP means …": new entries as bare terms ("AI System means …")
                return DefinitionsRun(last, straight=False, shall=m.group(1) is not None, colon=False, bare=True)
            return DefinitionsRun(last, straight='"' in m.group(0), shall=m.group(1) is not None, colon=False)
    return _run_in_definitions(paragraphs)


_CLOSING = re.compile(r";\s*(and|or)?\s*$")


def closing_conjunction(paragraphs: Sequence[Paragraph], last: int) -> str | None:
    """The "and" (or "or") that closes a definitions list written as one sentence ("(c) "Customer Data" means
    …; and" / "(d) "Tessellate Materials" means … ."; "Charges: …; and" / "Images: … ."), before its ``last``
    entry: entries added after it join that list; ``""`` for such a list without one ("…;" / "… ."). None where
    the list is no such sentence (each entry a sentence of its own)."""
    if last < 1 or not paragraphs[last].text.rstrip().endswith("."):
        return None
    before = paragraphs[last - 1].text
    m = _CLOSING.search(before)
    return (m.group(1) or "") if m and (_DEFINITION.match(before) or _COLON_DEFINITION.match(before)) else None


def ends_with_conjunction(text: str) -> bool:
    """``text`` ends with its list's conjunction ("…; and", "…; or")."""
    m = _CLOSING.search(text)
    return m is not None and m.group(1) is not None


# "1. Definitions. "Licensed Corpus" means …": a definitions clause whose title runs into its first entry
_RUN_IN_DEFINITIONS = re.compile(
    r"^\s*(?:(?:clause|article|section)\s+)?[0-9.]*\s*(?:definitions?|interpretation)\s*[.:]\s+"
    r"(?:in\s+this\s+[^,]{1,40},\s+)?[\"“][^\"“”]{1,80}[\"”]\s+(shall\s+)?means?\b",
    re.IGNORECASE,
)


def opens_definitions(text: str) -> bool:
    """``text`` is a definitions clause whose run-in title opens its first entry ("1. Definitions.
    "Licensed Corpus" means …"): entries added after it continue that clause, unnumbered."""
    return _RUN_IN_DEFINITIONS.match(text) is not None


def _run_in_definitions(paragraphs: Sequence[Paragraph]) -> DefinitionsRun | None:
    """A definitions clause of one paragraph or more whose run-in title opens its first entry, with
    the ``"X" means …`` entries right after it; ``None`` when the document has none."""
    for h, first in enumerate(paragraphs):
        m = _RUN_IN_DEFINITIONS.match(first.text)
        if m is None:
            continue
        last = h
        for i in range(h + 1, min(len(paragraphs), h + 200)):
            if not _DEFINITION.match(paragraphs[i].text):
                break
            last = i
        return DefinitionsRun(last, straight='"' in first.text[: m.end()], shall=m.group(1) is not None, colon=False)
    return None


# -- a project: work made or services performed for the client -------------------------------------------

# "Designer will create the logo", "Contractor shall perform the Services", "agrees to write four articles",
# "Client engages Studio to design …", "commissioned", "materials developed for Client", a statement of
# work's own lines ("Project: …", "Deliverables:", "Scope of work: …"). Not mere delivery or supply of
# existing material ("Publisher will deliver the Licensed Corpus", "supply the licensed content"), nor the
# licensee's own rights ("a license to … create derivative works").
_MAKE = (
    r"(?:make|create|design|develop|write|photograph|film|record|illustrate|draw|compose|build|produce|prepare|"
    r"draft|translate|edit|code|program|shoot|paint|render|perform|provide\s+(?:the\s+)?(?:\w+\s+)?services)"
)
_PROJECT = re.compile(
    r"\b(?:will|shall|agrees?\s+to|undertakes?\s+to|is\s+to|engages?\s+\w+(?:\s+\w+)?\s+to)\s+"
    r"(?:\w+ly\s+)?" + _MAKE + r"\b"
    r"|\bcommission(?:s|ed|ing)?\b|\bservices\b|\bproject\b|\bstatement\s+of\s+work\b|\bSOW\b"
    r"|\b(?:created|developed|designed|written|produced|prepared|made)\s+(?:by\s+\S+(?:\s+\S+)?\s+)?"
    r"(?:for\s+(?:the\s+)?(?:client|customer|company|you)|under|in\s+(?:the\s+)?(?:course|performance)|pursuant)\b",
    re.IGNORECASE,
)


_PROJECT_WORD = re.compile(r"\bprojects?\b", re.IGNORECASE)


def says_project(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether the document itself speaks of a project: "the project described in it" points at nothing otherwise."""
    return any(_PROJECT_WORD.search(p.original_text) for p in paragraphs)


# a definitions list's entry: "“AI System” means …", "Deliverables: …"
_ENTRY = re.compile(r"^[“\"]?([A-Z][^“”\":]{0,60}?)[”\"]?(?::\s|\s+(?:shall\s+)?means?\b|\s+has\s+the\s+meaning\b)")


def alphabetical_definitions(paragraphs: Sequence[Paragraph], last: int) -> list[tuple[int, str]] | None:
    """The document's definitions ending at ``last`` as (index, term), where there are three or more and they are
    in alphabetical order (so new terms go each at its place); ``None`` otherwise."""
    entries: list[tuple[int, str]] = []
    i = last
    while i >= 0 and (m := _ENTRY.match(paragraphs[i].text)):
        entries.insert(0, (i, m.group(1)))
        i -= 1
    terms = [t.lower() for _, t in entries]
    if len(entries) < 3 or i < 0 or terms != sorted(terms) or len(set(terms)) < len(terms):
        return None
    return entries


def describes_project(texts: Sequence[str]) -> bool:
    """Whether ``texts`` (the document's paragraphs) describe work to be made or services to be performed
    for the client: a project the clauses' "{project}" may name. False for a licence of existing material."""
    return any(_PROJECT.search(t) or SCOPE_LINE.match(t) for t in texts)


# -- what a transfer moves, an exclusive licence, an individual creator ---------------------------------

_DETERMINER = r"(?:the|all|each|every|any|such|our|my|your|his|her|their)"
# "Once you've paid in full, the finished video is yours": the words the transfer's phrase follows, from
# the clause's start (a sentence, a comma, a colon), a noun phrase of a few words after a determiner
_OWNED_SUBJECT = re.compile(rf"(?:^|[,:;]\s*)({_DETERMINER}\s+[\w'’-]+(?:\s+[\w'’-]+){{0,4}}?)\s*$", re.IGNORECASE)
# "we'll transfer the copyright in the finished video to you", "assigns to the Buyer all rights in the
# Photographs": what follows a transfer's verb, after the rights it names
_RIGHTS_IN = re.compile(
    r"\s*(?:to\s+[\w'’ ]{1,40}?\s+)?(?:all\s+(?:of\s+)?)?(?:the\s+|its\s+|our\s+|my\s+)?(?:(?:right,\s*)?title|"
    r"ownership|copyright|(?:intellectual\s+property\s+)?rights?)(?:[\w,\s]{0,40}?)\s+(?:in(?:\s+and\s+to)?|of|to)\s+"
    rf"({_DETERMINER}\s+[\w'’-]+(?:\s+[\w'’-]+){{0,4}}?)(?=\s*(?:[,.;:]|\s+to\b|$))",
    re.IGNORECASE,
)
_PRONOUN_OBJECT = re.compile(r"^(?:it|them|this|that|these|those)$", re.IGNORECASE)
_OWNERSHIP_WORDS = re.compile(r"\b(?:yours|ours|mine|theirs|property|owned|belong)", re.IGNORECASE)


def transferred_object(f: Finding) -> str | None:
    """What the transfer ``f`` moves, in the document's words ("the finished video" of "the finished video is
    yours", "the Photographs" of "assigns … all rights in the Photographs"), else ``None`` (a pronoun, a
    sentence too loose to read)."""
    start, _end = sentence_span(f.paragraph_text, f.phrase_start)
    if _OWNERSHIP_WORDS.search(f.phrase):  # "is yours", "shall be the property of": its subject
        m = _OWNED_SUBJECT.search(f.paragraph_text[start : f.phrase_start])
    else:  # "transfers", "assigns": its object
        m = _RIGHTS_IN.match(f.paragraph_text, f.phrase_end)
    if m is None or _PRONOUN_OBJECT.match(m.group(1).split()[-1]):
        return None
    words = m.group(1)  # "The edited album" opening the sentence is "the edited album" in a comment
    return words[0].lower() + words[1:] if words.split()[0] in ("The", "All", "Each", "Every", "Any", "Such") else words


# -- what the creator expressly keeps ------------------------------------------------------------------

_KEPT_DETERMINER = r"(?:the|all|our|my|its|his|her|their|any)"
# the materials kept: a noun phrase of a few words after a determiner, to a comma, a stop or a linking word
_KEPT_OBJECT = (
    rf"({_KEPT_DETERMINER}\s+[\w'’-]+(?:,?\s+(?!(?:for|to|after|until|unless|except|under|which|that|so|while|but|"
    r"when|if|as|during|once|on|at|by|with|from|since|because|whether|including|is|are|will|shall|may|can|you|we|"
    r"I|it|they|he|she|and\s+(?:all\s+)?(?:other\s+|its\s+|the\s+)?(?:rights?|copyrights?|intellectual)|"
    r"and\s+(?:grants?|licen[cs]es?|assigns?|agrees?)|"
    r"and\s+(?:you|we|I|it|they|he|she|may|can|shall|will)|"
    # a new clause with a named subject: "…, and the Client may use them"
    r"and\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*\s+(?:may|can|shall|will|must|is|are|has|agrees?)\b)\b)[\w'’-]+){0,9})"
)
# the rights a keeping names before its object: "the rights in", "all right, title and interest in", "ownership of"
_KEPT_RIGHTS = (
    r"(?:(?:all\s+|the\s+|its\s+|our\s+|my\s+|full\s+)?(?:(?:right,\s*)?title(?:,)?\s+and\s+interest|ownership|"
    r"copyright|(?:intellectual\s+property\s+)?rights?|title)\s+(?:in(?:\s+and\s+to)?|of|to)\s+)?"
)
_KEEP_VERB = r"(?:keeps?|retains?)"
_MODAL = r"(?:(?:'ll|’ll|\s+will|\s+shall|\s+do|\s+does|\s+(?:shall|will)\s+continue\s+to)\s+)?"
_OURS = r"(?:ours|mine|with\s+us|with\s+me|our\s+property|my\s+property)"
_REMAINS = r"(?:(?:shall|will|do|does)\s+)?(?:remains?|stays?|continues?\s+to\s+be)"
_VERBS = r"(?:is|are|was|were|be|been|shall|will|would|may|can|must|has|have|had|yours|ours|mine|belongs?)"
# "X remain(s) ours", "X stay with us": the subject, from the clause's start (no verb in it)
_KEPT_SUBJECT = re.compile(
    rf"(?:^|[,:;]\s*|\b(?:and|but|while)\s+)({_KEPT_DETERMINER}\s+[\w'’-]+(?:\s+(?!{_VERBS}\b)[\w'’-]+){{0,7}}?)\s+$",
    re.IGNORECASE,
)
# not materials: the rights themselves ("all rights not expressly granted", "the right to show the video")
_RIGHTS_ONLY = re.compile(
    r"^(?:the|all|any|our|my|its)?\s*(?:of\s+(?:its|their|his|her|our|my)\s+)?(?:other\s+)?"
    r"(?:rights?|copyrights?|ownership|title|interest|intellectual\s+property)\b|"
    r"\b(?:copies|copy|records?|backups?)$",
    re.IGNORECASE,
)
_KEPT_PRONOUN = re.compile(r"\b(?:it|them|this|that|these|those)$", re.IGNORECASE)


def _keeping(creator: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The creator's keeping, its object after the verb ("we keep the rights in X", "the Consultant retains all
    right, title and interest in X") and its subject before ("X remain ours", "X remain the property of the
    Designer")."""
    who = re.escape(creator)
    first = creator in ("we", "I")
    subject = rf"\b{who}" if first else rf"\b(?:the\s+)?{who}"
    after = re.compile(rf"{subject}{_MODAL}\s*{_KEEP_VERB}\s+{_KEPT_RIGHTS}{_KEPT_OBJECT}", re.IGNORECASE)
    owner = rf"(?:{_OURS}|(?:the\s+)?(?:sole\s+|exclusive\s+)?property\s+of\s+(?:the\s+)?{who}|with\s+(?:the\s+)?{who})"
    if first:
        owner = _OURS if creator == "we" else r"(?:mine|with\s+me|my\s+property)"
    before = re.compile(rf"\s{_REMAINS}\s+{owner}\b", re.IGNORECASE)
    return after, before


_KEEP_WORDS = ("keep", "retain", "remain", "stay", "continue")  # the verbs of every keeping (kept_materials)


_DELIVERED = re.compile(
    r"\b(?:delivered|commissioned|ordered)\b|"
    r"\b(?:created|made|produced|prepared|developed|supplied|provided|written|taken|shot)$",  # "the designs created"
    re.IGNORECASE,
)
_BEFORE_IT = re.compile(r"\s*(?:before|prior|previously|independently|outside|apart)\b", re.IGNORECASE)
_UNDER_THIS = re.compile(
    r"\s*(?:under|pursuant\s+to|in\s+(?:the\s+)?course\s+of|in\s+connection\s+with|for\s+the\s+purposes?\s+of|"
    r"for)\s+(?:this|these|the)\b(?![^,;.]{0,40}\b(?:before|prior|previous))",
    re.IGNORECASE,
)


_IN_CONFIDENCE = re.compile(r"\b(?:confidential|secret|private|safe|secure|in\s+confidence)\b", re.IGNORECASE)


def _made_under(words: str, rest: str) -> bool:
    """What a keeping names is the work made or delivered under the document ("all photographs delivered" +
    " under this Order"), not material the creator had before it; or the keeping is a duty ("Seller shall keep the
    terms of this Order … confidential")."""
    made = _DELIVERED.search(words.strip()) is not None and not _BEFORE_IT.match(rest)
    return made or bool(_UNDER_THIS.match(rest) or _IN_CONFIDENCE.search(f"{words} {rest[:40]}"))


def kept_materials(paragraphs: Sequence[Paragraph], creator: str | None, work: Set[str] = frozenset()) -> str | None:
    """What the creator expressly keeps, in the document's words ("the characters and the storyboards" of "We
    keep the rights in the characters and the storyboards", "the Consultant Tools" of "the Consultant retains all
    right, title and interest in the Consultant Tools"), else ``None``: never what binds the creator ("the Designer
    shall not retain copies"), what the client keeps, the rights themselves or the work that passes (``work``)."""
    if not creator:
        return None
    named = creator
    creator = creator.removeprefix("the ").removeprefix("The ").strip()
    after, before = _keeping(creator)
    passing = {w.lower().removeprefix("the ") for w in work if w}
    for p in paragraphs:
        text = p.original_text
        low = text.lower()
        if creator.lower() not in low and not any(w in low for w in ("ours", "mine", "with us", "with me")):
            continue
        # the verbs every match of ``after`` (keep, retain) and of ``before`` (remain, stay, continue) holds
        folded = fast.folds(text)
        keeps = folded or "keep" in low or "retain" in low
        remains = folded or "remain" in low or "stay" in low or "continue" in low
        if not (keeps or remains):
            continue
        for sentence in sentences(text):
            # the work made under the document is no material the creator had ("all photographs delivered under
            # this Order" of "Seller retains copyright in all photographs delivered under this Order")
            found = [m.group(1) for m in after.finditer(sentence) if not _made_under(m.group(1), sentence[m.end(1) :])]
            found = found if keeps else []
            for m in before.finditer(sentence) if remains else ():
                s = _KEPT_SUBJECT.search(sentence[: m.start() + 1])
                if s is not None:
                    found.append(s.group(1))
            for words in found:
                words = words.strip()
                low_words = f" {words.lower()} "
                moved = any(f" {w} " in low_words for w in passing)  # the work that passes is not kept
                if _RIGHTS_ONLY.search(words) or _KEPT_PRONOUN.search(words) or moved:
                    continue
                first, _, rest = words.partition(" ")
                if first.lower() in ("its", "his", "her", "their"):  # "its sketches": the creator's, by name
                    return f"{named}'s {rest}" if not named.endswith("s") else f"{named}' {rest}"
                return first.lower() + " " + rest if first in ("The", "All", "Our", "My", "Any") else words
    return None


# -- a prevailing part that keeps the creator's rights -------------------------------------------------------

# the order of precedence: "If the face of this Order conflicts with these terms and conditions, the face of this
# Order prevails"; "In the event of any inconsistency …, the Statement of Work shall control"; "the Order Form takes
# precedence". The part named prevails over the rest of the document.
_PREVAILS = re.compile(
    r"\s(?:shall\s+|will\s+)?(?:prevails?|controls?|governs?|takes?\s+precedence|is\s+to\s+prevail)\b", re.IGNORECASE
)
# the part that prevails, right before the verb: "the face of this Order", "the Statement of Work"
_PART_BEFORE = re.compile(r"\b(?:the|this|that|such|any|each|an?)\s+(?:[\w-]+\s+){0,5}?[\w-]+$", re.IGNORECASE)
_PART_REACH = 80  # characters before the verb the part's name may take
_CONFLICT = re.compile(r"\bconflicts?\b|\binconsisten|\bprecedence\b", re.IGNORECASE)
# a literal every match of _CONFLICT holds, in each case a document writes it ("Conflict", "CONFLICT")
_CONFLICT_WORDS = tuple(w for stem in ("onflict", "nconsisten", "recedence") for w in (stem, stem.upper()))
# the words around a part's name: "the terms of the applicable Statement of Work" names "Statement of Work"
_PART_WORDS = re.compile(
    r"^(?:(?:the|this|that|such|any|each|an?)\s+)?(?:(?:terms|provisions)\s+of\s+)?"
    r"(?:(?:the|this|that|such|any|each|an?)\s+)?(?:(?:applicable|relevant)\s+)?",
    re.IGNORECASE,
)
# the document's own general terms, never a part that prevails over them ("this Agreement shall prevail")
_GENERAL_PART = re.compile(
    r"\b(?:agreement|contract|master|general)\b|^(?:terms|conditions)(?:\s+and\s+conditions)?$", re.IGNORECASE
)
# the heading of a part of the document: a schedule, an exhibit, the general terms, the signatures
_PART_HEADING = re.compile(
    r"^\W*(?:schedule|exhibit|annex(?:ure)?|appendix|attachment|statement\s+of\s+work|order\s+form|"
    r"(?:standard\s+|general\s+|special\s+)?terms\s+and\s+conditions|general\s+(?:terms|conditions)|"
    r"special\s+(?:terms|conditions)|signatures?|in\s+witness|as\s+witness|executed)\b",
    re.IGNORECASE,
)
_TERMS_HEADING = re.compile(r"\bterms\b|\bconditions\b", re.IGNORECASE)
_HEADING_WORDS = 12  # a part's heading is a short line


def _heading_line(text: str) -> bool:
    # at most one word more than a heading's split off: a long paragraph is not split whole
    return (
        not text.rstrip().endswith((".", ";", ":", ",")) and 0 < len(text.split(None, _HEADING_WORDS)) <= _HEADING_WORDS
    )


class _Parts:
    """The document's part boundaries, found in one pass over its paragraphs (the first time a precedence clause
    asks): every heading line, those of them that head terms ("TERMS AND CONDITIONS OF PURCHASE") and those that
    head a part (a schedule, the general terms, the signatures, ``_PART_HEADING``), each precedence clause then
    looking its part up among the headings instead of scanning the paragraphs again."""

    def __init__(self, paragraphs: Sequence[Paragraph]):
        self.texts = texts = [p.text for p in paragraphs]
        self.heads = [i for i, t in enumerate(texts) if _heading_line(t)]

    @cached_property
    def terms(self) -> list[int]:
        """The heading lines that head terms, in order (asked for by a "face of this Order" only)."""
        return [i for i in self.heads if _TERMS_HEADING.search(self.texts[i])]

    @cached_property
    def parts(self) -> list[tuple[int, str]]:
        """The heading lines that head a part, in order, each with its text lower-cased (``_PART_HEADING`` is
        anchored at the start: its ``match`` is its ``search``)."""
        return [(i, self.texts[i].lower()) for i in self.heads if _PART_HEADING.match(self.texts[i].strip())]

    def span(self, name: str, precedence: int) -> range | None:
        """The paragraphs of the part ``name`` (a part's name as the precedence clause gives it, its determiners
        dropped): "face of this Order": the paragraphs before the heading of the terms ("TERMS AND CONDITIONS OF
        PURCHASE"), which hold the precedence clause; "Statement of Work": those after its heading up to the next
        part's heading (a schedule, the general terms, the signatures). ``None`` where the document does not hold
        the part."""
        if re.match(r"face\b", name, re.IGNORECASE):
            terms = self.terms
            k = bisect_left(terms, 1)
            end = terms[k] if k < len(terms) and terms[k] < precedence else None
            return range(end) if end is not None else None
        low = name.lower()
        names = tuple(dict.fromkeys((name, low, name.upper(), name.title())))
        texts = self.texts
        start = next((i for i in self.heads if i != precedence and any(n in texts[i] for n in names)), None)
        if start is None:
            return None
        end = next((j for j, t in self.parts if j > start and low not in t), len(texts))
        return range(start + 1, end) if precedence not in range(start + 1, end) else None


_KEPT_RIGHT = (
    r"(?P<right>(?:(?:all|the|sole|full|its|exclusive)\s+)*(?:(?:right,\s*)?title\s+and\s+interest|ownership|"
    r"copyrights?|(?:intellectual\s+property\s+)?rights?|title)"
    r"(?:\s+and\s+(?:all\s+)?(?:other\s+)?(?:intellectual\s+property\s+)?rights?)?)"
)
# what a keeping's object leaves out: how the work came ("all photographs delivered under this Order")
_MADE_TAIL = re.compile(
    r"\s+(?:delivered|created|prepared|produced|made|supplied|provided|taken|shot|written|developed|under|pursuant|"
    r"that|which|in\s+connection|for\s+(?:the|this|any)|as\s+part|hereunder)\b.*$|\s*\(.*$",
    re.IGNORECASE,
)


class Retention(NamedTuple):
    """A part of the document that prevails over the rest and keeps the creator's rights in the work or a kind of
    it ("Seller retains copyright in all photographs delivered under this Order" on the face of a purchase order
    whose terms say the face prevails), against a transfer of the work in the rest."""

    at: int  # the paragraph of the keeping
    sentence: str  # the keeping, as written
    right: str  # what it keeps: "copyright", "all intellectual property rights"
    thing: str  # in what: "photographs"; the work's own name where it keeps the whole work ("the Deliverables")
    whole: bool  # it keeps the whole work (its name), not one kind of it
    part: str  # the part, as the precedence clause names it: "the face of this Order", "the Statement of Work"
    precedence: int  # the paragraph of the precedence clause
    covers: tuple[int, ...]  # the paragraphs of the transfers it takes the thing out of
    excepted: tuple[int, ...] = ()  # those of them that except it already ("…, except photographs, …")


# the verbs of ``prevailing_retention``'s two patterns, lower-case: an ASCII sentence without one holds neither
_KEEP_VERBS = ("retain", "keep", "own", "reserve")
_STAY_VERBS = ("remain", "stay", "continue")


def _kept_said(sentence: str, keeps: re.Pattern[str], stays: re.Pattern[str]) -> re.Match[str] | None:
    """``keeps.search(sentence) or stays.search(sentence)``, each searched only where its verb is there."""
    if not sentence.isascii():
        return keeps.search(sentence) or stays.search(sentence)
    low = sentence.lower()
    k = keeps.search(sentence) if any(verb in low for verb in _KEEP_VERBS) else None
    return k or (stays.search(sentence) if any(verb in low for verb in _STAY_VERBS) else None)


def prevailing_retention(
    paragraphs: Sequence[Paragraph],
    creator: str | None,
    work: str | None,
    transfers: Sequence[int],
    itself: str | None = None,
    vocabulary: str | None = None,
) -> Retention | None:
    """The creator's keeping of the work, or of a kind of it, in a part of the document the order of precedence
    makes prevail over the part that transfers it (``transfers``: the paragraphs transferring the work; ``work``:
    the work's defined name), else ``None``: the transfer then stands as written. ``itself``: the document's name
    for itself ("this Order"), which prevails over another document, never over a part of itself."""
    if not creator or not transfers:
        return None
    whole_document = re.sub(r"^(?:this|the)\s+", "", itself or "", flags=re.IGNORECASE).lower()
    creator_name = creator.removeprefix("the ").removeprefix("The ")
    who = re.escape(creator_name)
    # both patterns below hold the creator's name: an ASCII paragraph without it (any case) holds no keeping
    # (a str.find, not the two searches from every word of every sentence of the part)
    ascii_name = creator_name.lower() if creator_name.isascii() else None
    keeps = re.compile(
        rf"\b(?:the\s+)?{who}\s+(?:shall\s+|will\s+|does\s+|do\s+)?(?:retains?|keeps?|owns?|reserves?)\s+"
        rf"{_KEPT_RIGHT}\s+(?:in(?:\s+and\s+to)?|of|to)\s+(?P<object>[^.;:]+)",
        re.IGNORECASE,
    )
    # "Copyright in the photographs remains with Seller", "All Deliverables remain the sole property of Designer"
    stays = re.compile(
        rf"(?:{_KEPT_RIGHT}\s+(?:in(?:\s+and\s+to)?|of)\s+)?(?P<object>[\w'’-]+(?:\s+[\w'’-]+){{0,6}}?)\s+"
        rf"(?:shall\s+|will\s+)?(?:remains?|stays?|continues?\s+to\s+be)\s+(?:with|the\s+(?:sole\s+|exclusive\s+)?"
        rf"property\s+of|owned\s+by)\s+(?:the\s+)?{who}\b",
        re.IGNORECASE,
    )
    # one scan for the words of a conflict, not one per paragraph (none where the vocabulary lacks a word)
    joined = Joined([p.text for p in paragraphs], vocabulary)
    parts: _Parts | None = None  # the part boundaries, found once where a precedence clause names a part
    read: set[int] = set()  # the paragraphs of a part already read (what they keep is no clause's own)
    for at in joined.holding(_CONFLICT_WORDS):
        text = paragraphs[at].text
        if not _CONFLICT.search(text):
            continue
        for verb in _PREVAILS.finditer(text):
            m = _PART_BEFORE.search(text, max(0, verb.start() - _PART_REACH), verb.start())
            if m is None:
                continue
            name = _PART_WORDS.sub("", m.group()).strip()
            if not name or _GENERAL_PART.search(name) or name.lower() == whole_document:
                continue
            parts = parts or _Parts(paragraphs)
            span = parts.span(name, at)
            if span is None:
                continue
            part = m.group()
            part = "the " + name if not re.match(r"face\b", name, re.IGNORECASE) else part[0].lower() + part[1:]
            for i in span:
                # a paragraph read for an earlier precedence clause kept nothing then and keeps nothing now
                if i in read:
                    continue
                read.add(i)
                said_here = paragraphs[i].text
                if ascii_name and said_here.isascii() and ascii_name not in said_here.lower():
                    continue
                for sentence in sentences(said_here):
                    k = _kept_said(sentence, keeps, stays)
                    if k is None:
                        continue
                    obj = _MADE_TAIL.sub("", k.group("object")).strip(" ,")
                    bare = re.sub(r"^(?:all|the|any|each|every)\s+", "", obj, flags=re.IGNORECASE)
                    work_name = (work or "").lower()
                    whole = bool(work_name) and bare.lower() in (work_name, work_name.removeprefix("the "))
                    head = re.escape(bare.split()[-1].lower() if bare else "")
                    naming = re.compile(rf"\b{head}\b", re.IGNORECASE)
                    excepted = re.compile(rf"\b(?:except|excluding|other\s+than|save)\b[^.;]{{0,120}}\b{head}\b", re.I)
                    # the transfers naming the thing (any, for the whole work); those excepting it already
                    covers = tuple(t for t in transfers if whole or naming.search(paragraphs[t].text))
                    out = tuple(t for t in covers if excepted.search(paragraphs[t].text))
                    if not bare or not covers or _RIGHTS_ONLY.search(bare):
                        continue
                    right = (k.group("right") or "ownership").lower()
                    said = sentence[k.start() :].strip()  # from its subject: no run-in label ("Special terms:")
                    thing = ("the " + bare) if whole else bare  # "All Deliverables" kept: "the Deliverables"
                    return Retention(i, said[0].upper() + said[1:], right, thing, whole, part, at, covers, out)
    return None


# -- the client's use of what the creator keeps ------------------------------------------------------------

_ONE_USE = r"(?:use|reproduce|display|show|publish|share|print|post|copy|distribute|adapt|edit|modify)"
_USE_VERB = rf"{_ONE_USE}(?:,\s*{_ONE_USE})*(?:,?\s+(?:and|or)\s+{_ONE_USE})?"  # "use, copy and modify"
_MAY = (
    r"(?:can|may|(?:is|are)\s+(?:free|entitled|permitted|allowed)\s+to|(?:will|shall)\s+be\s+(?:able|free|entitled|"
    r"permitted|allowed)\s+to)"
)
_KEPT_PIECE_DETERMINER = re.compile(r"^(?:all\s+)?(?:the|our|my|its|his|her|their|any|these|those)\s+", re.IGNORECASE)
_PRONOUN_USED = r"(?:them|it|those|these|(?:a\s+few|some|any|all|each)\s+of\s+them)"
# head nouns too wide to stand for the materials kept alone ("the Client may use the materials")
_GENERIC = frozenset({"materials", "material", "work", "works", "rights", "information", "documents", "items", "tools"})
_USE_END = re.compile(r"\s*(?:[,;:.(]|\band\s+(?:we|I|the|you|it|they)\b|\bbut\b|$)")


def kept_use(
    paragraphs: Sequence[Paragraph],
    kept: Sequence[str],
    client: str | None,
    creator: str | None = None,
    holding: Callable[[Sequence[str]], Sequence[int]] | None = None,
) -> str | None:
    """The use the document lets the client make of materials the creator keeps (``kept``: their names in the
    document's words, "the characters and the storyboards", "the Pre-existing Materials"), as the document says
    it ("to promote the launch" of "We keep the rights in the characters and the storyboards, and you can use them
    to promote the launch"; "" where it names no purpose), else ``None``. A pronoun ("them") counts only after
    the materials in its sentence; a refusal ("may not use them") or a use granted to the creator never does.
    ``holding``: the indexes of the paragraphs whose lower-cased text holds one of some lower-case words (every
    paragraph where a character folds to ASCII), to read only those."""
    names = [n for n in kept if n]
    if not names or not client:
        return None
    pieces = {
        _KEPT_PIECE_DETERMINER.sub("", piece.strip()).removesuffix("'s").strip()
        for name in names
        for piece in re.split(r",\s*|\s+and\s+", name.removeprefix(f"{creator}'s ") if creator else name)
    }
    pieces |= {p.split()[-1] for p in pieces if len(p.split()) > 1 and p.split()[-1].lower() not in _GENERIC}
    pieces = {p for p in pieces if len(p) > 2}
    if not pieces:
        return None
    object_ = "|".join(re.escape(p) for p in sorted(pieces, key=len, reverse=True))
    who = re.escape(client.removeprefix("the ").removeprefix("The "))
    subject = rf"\b(?:the\s+)?{who}"
    named = rf"(?:(?:all\s+)?(?:the|our|my|its|his|her|their|any|these|those)\s+)?(?:{object_})"
    may = re.compile(
        rf"{subject}\s+{_MAY}\s+(?:also\s+|still\s+|freely\s+)?{_USE_VERB}\s+(?P<obj>{_PRONOUN_USED}|{named})\b",
        re.IGNORECASE,
    )
    licence = re.compile(
        rf"\bgrants?\s+(?:to\s+)?{subject}\s+(?:an?\s+)?[\w\s,-]{{0,120}}?\blicen[cs]e\s+to\s+{_USE_VERB}\s+"
        rf"(?P<obj>{_PRONOUN_USED}|{named})\b",
        re.IGNORECASE,
    )
    # whether a text names the materials: ``named`` matches where its bare name does (its determiner is optional);
    # an ASCII name is found in a text's lower-cased copy exactly where no character of it folds to ASCII
    mention = re.compile(object_, re.IGNORECASE)
    lowered = [p.lower() for p in pieces] if all(p.isascii() for p in pieces) else None
    among = paragraphs if lowered is None or holding is None else [paragraphs[i] for i in holding(lowered)]
    for p in among:
        text = p.original_text
        if lowered is not None and not fast.folds(text):
            low = text.lower()
            if not any(piece in low for piece in lowered):
                continue
        elif not mention.search(text):
            continue
        for sentence in sentences(text):
            for rx in (may, licence):
                for m in rx.finditer(sentence):
                    pronoun = re.fullmatch(_PRONOUN_USED, m.group("obj"), re.IGNORECASE)
                    if pronoun and not mention.search(sentence, 0, m.start()):
                        continue  # "them" names something else
                    rest = sentence[m.end() :]
                    end = _USE_END.search(rest)
                    return rest[: end.start() if end else len(rest)].strip()
    return None


_NON_EXCLUSIVE = re.compile(r"\bnon[\s-]*exclusive\b", re.IGNORECASE)


def exclusive_licence(findings: Sequence[Finding]) -> bool:
    """The creator licenses the work to the client exclusively ("an exclusive, perpetual licence … the Designs"):
    no one else may be licensed to use it, so the creator cannot reserve a right to license others."""
    return any(
        f.kind == "license_grant"
        and "exclusive" in f.qualifiers
        and f.actor == "creator"
        and f.beneficiary == "client"
        and not f.negated
        and not _NON_EXCLUSIVE.search(sentence_at(f.paragraph_text, f.phrase_start))
        for f in findings
    )


# "The Producer may assign or sub-license the licence in clause 3.2", "the Licensee may freely transfer its rights
# under this licence", "may assign the benefit of this Licence": whoever takes the licence is not bound by a
# covenant it never agreed to (a contract's burden does not pass by assignment).
_ASSIGNS_LICENCE = (
    r"\s+may\s+(?:freely\s+|at\s+any\s+time\s+)?(?:assign|transfer)(?:\s*,?\s*(?:(?:or|and|and/or)\s+)?"
    r"(?:assign|transfer|novate|sub-?licen[cs]e|charge))*\s+(?:(?:all\s+or\s+)?(?:any|all|each)\s+(?:part\s+)?of\s+)?"
    r"(?:the\s+benefit\s+of\s+)?(?:this|the|its|such|that|these|those)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:licen[cs]es?|rights?\s+(?:granted|under\s+(?:this|the)\s+licen[cs]e|in\s+(?:the\s+)?(?:work|clause|section)))"
)


def assignable_licence(result: AuditResult, among: Sequence[int] | None = None) -> int | None:
    """The paragraph where the client may assign or transfer the licence the creator grants it (to a distributor,
    a buyer), else ``None`` (``among``: the indexes of the paragraphs that may hold "assign" or "transfer", when
    known)."""
    client = result.terms.client
    if client is None:
        return None
    names = "|".join(re.escape(n) for n in (client.name, *client.aliases) if n)
    pattern = re.compile(r"\b(?:" + names + r")" + _ASSIGNS_LICENCE + r"\b", re.IGNORECASE)
    for p in result.paragraphs if among is None else map(result.paragraphs.__getitem__, among):
        if fast.may_hold(p.original_text, ("assign", "transfer")) and pattern.search(p.original_text):
            return p.index
    return None


_LEGAL_FORM = re.compile(
    r"\b(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|LLP|LP|plc|GmbH|AG|S\.A|SAS|BV|B\.V|NV|Pty|Corp|Corporation|"
    r"company|corporation|partnership|firm|university|institute|trust|foundation|council|society|association)\b",
    re.IGNORECASE,
)
_PERSON_SAID = re.compile(
    r"\b(?:an\s+individual|a\s+natural\s+person|sole\s+(?:trader|proprietor)|self-employed|trading\s+as|"
    r"t/a|residing\s+at)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")


def individual_creator(result: AuditResult) -> bool:
    """The creator is a natural person (no officers, no company): the document writes it as "I", calls it an
    individual or sole trader, says it trades as a business, or names it by a person's name with no legal
    form ("Mara Lindqvist of 9 Elm Row")."""
    provider = result.terms.provider
    if provider is not None and provider.surface == "I":
        return True
    creator = next((p for p in result.parties.parties if p.role == "creator"), None)
    if creator is None:
        return False
    if creator.name is None:  # "the content creator named in Schedule 1": the schedule's details name it
        scheduled = scheduled_party(result, creator.evidence, creator.terms)
        if scheduled is None:
            return False
        name, after = scheduled
    else:
        name = creator.name.strip(" ,")
        evidence = result.paragraphs[creator.evidence].text if creator.evidence is not None else ""
        at = evidence.find(name)
        after = evidence[at + len(name) : at + len(name) + 60] if at >= 0 else ""
    if _LEGAL_FORM.search(name) or _LEGAL_FORM.match(after.lstrip(" ,")):
        return False
    if _PERSON_SAID.search(after):
        return True
    words = name.split()
    if not (2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)):
        return False
    return not name.isupper() or _person_in_capitals(result, words, creator.terms, after)


def company_creator(result: AuditResult) -> bool:
    """The creator is a company or another body, not a person: its name, or the words that introduce it before
    its defined term, give a legal form ("FENWICK & ROWE DESIGN LIMITED, a company registered in … (the
    “Designer”)", "Larkspur Press, Inc., an Oregon corporation"). Moral rights and a voice or likeness are then
    its people's, never its own."""
    return not individual_creator(result) and _a_company(result, "creator")


# "Jordan Lee of Austin", "Mara J. Quist of Leith": a person's name (two or three capitalised words) and its place
_OF_PLACE = re.compile(r"^(?:[A-Z][\w'’-]*\.? ){1,2}[A-Z][\w'’-]*(?=\s+of\s+[A-Z])")


def party_name(result: AuditResult, role: str) -> str | None:
    """The name the document gives the party of ``role`` ("creator" or "client"): the name written before its
    definition ("Wattle & Finch Pty Ltd ("we", "us")"), else the name a schedule's details give a party the
    document introduces as named there ("Creator: Mia Tran"); ``None`` where it names none."""
    party = next((p for p in result.parties.parties if p.role == role), None)
    if party is None:
        return None
    if party.name:  # a person's place after the name is no part of it: "Jordan Lee of Austin" is Jordan Lee
        person = _OF_PLACE.match(party.name)
        return person.group() if person and not _LEGAL_FORM.search(party.name) else party.name.strip(" ,")
    scheduled = scheduled_party(result, party.evidence, party.terms)
    return scheduled[0] if scheduled is not None else None


def company_client(result: AuditResult) -> bool:
    """The client is a company or another body (so it has officers to sign a certificate), read as for the
    creator; a client the document does not show to be one (a person, "you") is not."""
    return _a_company(result, "client")


# how a party's defined term opens: “Designer”, "Licensee", ‘Client’, (Customer), (the Customer)
_TERM_OPENERS = ("“", '"', "'", "‘", "(the ", "(")


def _a_company(result: AuditResult, role: str) -> bool:
    party = next((p for p in result.parties.parties if p.role == role), None)
    if party is None:
        return False
    name = (party.name or "").strip(" ,")
    if name and _LEGAL_FORM.search(name):
        return True
    scheduled = scheduled_party(result, party.evidence, party.terms) if not name else None
    if scheduled is not None:  # named only in a schedule's details: "Supplier: Fenwick & Rowe Design Limited"
        return _LEGAL_FORM.search(scheduled[0]) is not None or _A_BODY.match(scheduled[1]) is not None
    evidence = result.paragraphs[party.evidence].text if party.evidence is not None else ""
    for term in party.terms:
        at = min((i for i in (evidence.find(q + term) for q in _TERM_OPENERS) if i >= 0), default=-1)
        if at > 0:  # what introduces the party, from the previous party's defined term (or the start)
            return _LEGAL_FORM.search(evidence[evidence.rfind(")", 0, at) + 1 : at]) is not None
    at = evidence.find(name) if name else -1
    after = evidence[at + len(name) : at + len(name) + 60] if at >= 0 else ""
    return _LEGAL_FORM.match(after.lstrip(" ,")) is not None or _A_BODY.match(after) is not None


# A party introduced by the schedule that names it: "the content creator named in Schedule 1 ("you")", "the
# Talent described in Item 2 of the Schedule", "the supplier set out in the Order Form"
_IN_SCHEDULE = re.compile(
    r"\b(?:the|a|an)\s+((?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:whose\s+details\s+are\s+)?(?:named|described|set\s+out|"
    r"specified|identified|listed|detailed|referred\s+to)\s+(?:in|at)\s+(?:(?:item|part|clause)\s+\w+\s+of\s+)?"
    r"(?:the\s+)?(?:Schedule|Annex|Appendix|Item|Exhibit|Attachment|Order\s+Form|Cover\s+Page|Particulars|Details)\b"
    r"[^()“\"]{0,20}[(“\"]*$",
    re.IGNORECASE,
)
_DETAIL_LABEL = re.compile(r"\s*(?P<label>[A-Za-z][\w ’'-]{0,40}?)\s*(?::|–|-|—)\s*(?P<value>\S.*)?$")
_NAME_ENDS = re.compile(r"\s*(?:,|\(|;|\bof\b|\bwhose\b|$)")


def scheduled_party(result: AuditResult, evidence: int | None, terms: Sequence[str]) -> tuple[str, str] | None:
    """``(name, what follows it)`` of a party the document introduces as named in a schedule ("the content
    creator named in Schedule 1 ("you")"), read from the schedule's details: a line "Creator: Mia Tran, of
    Brunswick VIC 3056", or a table whose cell "Creator" is followed by the cell naming it. ``None`` where the
    party is not introduced so, or no such line names it."""
    if evidence is None:
        return None
    text = result.paragraphs[evidence].text
    for term in terms:
        at = min((i for i in (text.find(q + term) for q in "“\"'‘") if i >= 0), default=-1)
        m = _IN_SCHEDULE.search(text[: at + 1]) if at > 0 else None
        if m is not None:
            break
    else:
        return None
    noun = m.group(1).split()
    labels = {" ".join(noun).lower(), noun[-1].lower()}  # "content creator", "creator", or its defined term
    labels |= {t.lower().removeprefix("the ") for t in terms if t[:1].isupper()}
    paragraphs = result.paragraphs
    for k in range(evidence + 1, len(paragraphs)):
        line = paragraphs[k].text
        d = _DETAIL_LABEL.match(line)
        label = (d.group("label") if d else line).strip().lower().removesuffix(" name").removeprefix("the ")
        if label not in labels:
            continue
        value = (d.group("value") if d else None) or (paragraphs[k + 1].text if k + 1 < len(paragraphs) else "")
        value = value.strip()
        end = _NAME_ENDS.search(value, 1)
        cut = end.start() if end is not None else len(value)
        name = value[:cut].strip(" ,")
        if name:
            return name, value[cut : cut + 60]
    return None


# ", a company registered in England", ", an Oregon corporation", ", a Delaware limited liability company"
_A_BODY = re.compile(
    r"\s*,?\s*(?:an?|the)\s+(?:[A-Z][\w-]*\s+){0,3}(?:[a-z]+\s+){0,3}" + _LEGAL_FORM.pattern, re.IGNORECASE
)


_PERSON_ADDRESS = re.compile(r"\s*,?\s*of\s+(?:flat\s+|apartment\s+)?\d", re.IGNORECASE)


def _person_in_capitals(result: AuditResult, words: Sequence[str], terms: Sequence[str], after: str) -> bool:
    """A name in capitals ("ELSPETH MARROW", as a heading writes a company's name too) is a person's where
    the document also writes it in ordinary case ("Signed by Elspeth Marrow"), gives a home address right
    after it ("of 22 Cathedral Close"), or calls the party "her" or "his" ("the Composer asserts her right")."""
    if _PERSON_ADDRESS.match(after):
        return True
    written = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b", re.IGNORECASE)
    said = [re.escape(t) for t in terms if t]
    pronoun = re.compile(r"\b(?:" + "|".join(said) + r")\s+\w+\s+(?:her|his)\b") if said else None
    for p in result.paragraphs:
        if any(not m.group(0).isupper() for m in written.finditer(p.text)):
            return True
        if pronoun is not None and pronoun.search(p.text):
            return True
    return False


# The law of a country that spells the British way: its precedents take "licence" and "authorise".
_BRITISH_LAW = re.compile(
    r"\b(?:England|Wales|Scotland|Northern\s+Ireland|United\s+Kingdom|Ireland|Australia|New\s+Zealand|"
    r"New\s+South\s+Wales|Victoria|Queensland|Singapore|Hong\s+Kong|South\s+Africa)\b"
)
_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
    "Missouri|Montana|Nebraska|Nevada|New\\s+Hampshire|New\\s+Jersey|New\\s+Mexico|New\\s+York|North\\s+Carolina|"
    "North\\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\\s+Island|South\\s+Carolina|South\\s+Dakota|Tennessee|"
    "Texas|Utah|Vermont|Virginia|Washington|West\\s+Virginia|Wisconsin|Wyoming"
)
# The law of the United States or one of its states: American spelling, whatever a stray "licence" says.
_AMERICAN_LAW = re.compile(rf"\b(?:{_US_STATES}|United\s+States|U\.S\.A?|USA|District\s+of\s+Columbia)\b")
# an American spelling: "a license", "the exclusive licenses", "authorize", "organization" (not "size", "seize")
_AMERICAN = re.compile(
    r"\b(?:a|an|the|no|any|this|such|exclusive|non-exclusive|perpetual|limited)\s+licenses?\b|\b\w{3,}iz(?:e|es|ed|ing|ations?)\b",
    re.IGNORECASE,
)


def british_law(result: AuditResult) -> bool:
    """The document's law is that of England, Scotland, Ireland, Australia …: no US court bond, for one."""
    law = result.terms.jurisdiction  # "English law applies to this letter": England
    return law is not None and _BRITISH_LAW.search(law.name) is not None


def american_law(result: AuditResult) -> bool:
    """The document's law is that of the United States or one of its states."""
    law = result.terms.jurisdiction  # "New York law will govern the Contract": New York
    return law is not None and _AMERICAN_LAW.search(law.name) is not None and not british_law(result)


def british(result: AuditResult) -> bool:
    """The document spells the British way: it writes the noun "licence", or its law is that of England,
    Scotland, Ireland, Australia … and it has no American spelling of its own ("license" as a noun, "-ize").
    Never under the law of a US state (a "licence" there is a slip)."""
    if american_law(result):
        return False
    if result.terms.licence == "licence":
        return True
    if not british_law(result):
        return False
    return not any(_AMERICAN.search(p.text) for p in result.paragraphs if "iz" in p.text or "icens" in p.text)


_SUB_LICENCE = re.compile(r"\bsub(-?)licen[cs]", re.IGNORECASE)


def hyphenated_sublicence(texts: Sequence[str]) -> bool:
    """The document writes "sub-license" / "sub-licence" (hyphenated) and never "sublicense": our clauses
    follow its spelling."""
    forms = {m.group(1) for t in texts if "ub" in t for m in _SUB_LICENCE.finditer(t)}
    return forms == {"-"}


_MAY_SUBLICENSE = (
    r"\s+(?:may|is\s+entitled\s+to|has\s+the\s+right\s+to)\s+(?!not\b)(?:[\w-]+,?\s+){0,6}?"
    r"(?:sub-?licen[cs]e|grant\s+sub-?licen[cs]es)\b"
)
_SUBLICENSABLE_GRANT = re.compile(
    r"\b(?<!non-)(?<!non\s)sub-?licen[cs]able\b|\bwith\s+(?:the\s+|a\s+)?right\s+to\s+(?:grant\s+)?sub-?licen[cs]",
    re.IGNORECASE,
)


def sublicensable(result: AuditResult) -> bool:
    """The document lets the client sublicense (a sublicensable licence, "the Producer may sub-license"): our
    clauses may speak of its sublicences; else they would imply a right it does not have. A sublicence the
    creator alone grants or takes does not count."""
    if any(
        (f.kind == "sublicensable" or "sublicensable" in f.qualifiers)
        and not f.negated
        and not (f.actor == "creator" and f.beneficiary == "creator")
        for f in result.findings
    ):
        return True
    client = result.terms.client
    names = [re.escape(n) for n in ((client.name, *client.aliases) if client else ()) if n]
    may = re.compile(r"\b(?:" + "|".join(names) + r")" + _MAY_SUBLICENSE, re.IGNORECASE) if names else None
    for p in result.paragraphs:
        text = p.original_text
        if "ub" not in text or not _SUB_LICENCE.search(text):
            continue
        if _SUBLICENSABLE_GRANT.search(text) or (may is not None and may.search(text)):
            return True
    return False


_LETTER_NUMBER = re.compile(r"^\(?[a-z][.)]$")  # "(c)", "c)", "c."


def lettered_number(p: Paragraph) -> bool:
    """The paragraph shows a lettered number ("(c)", "c)", "c."), automatic or typed: one inserted after it
    as its sibling is numbered "(d)"."""
    number = p.label or (typed_number(p.text) or (None, ""))[0]
    return number is not None and _LETTER_NUMBER.match(number.strip()) is not None


_PRONOUNS = frozenset({"I", "we", "We", "you", "You"})


def informal_register(result: AuditResult) -> bool:
    """The document is a letter or an email: a party is "I", "we" or "you", and no paragraph shows a number
    (no numbered clauses). Our clauses then say "must" and "will", not "shall", and strict asks no officer's
    certificate or audit of it."""
    said = result.terms.placeholders()
    if not {said.get("client"), said.get("provider")} & _PRONOUNS:
        return False
    return not any(p.label or typed_number(p.text) for p in result.paragraphs)


# -- all of it, for one audited document ----------------------------------------------------------------


class _Holders:
    """Which of a document's texts hold a word (lower-cased), found by one scan of them all lower-cased and
    joined: a fact every match of whose patterns holds one of some words is read from those texts alone, in
    order (every text, where one holds a character that folds to an ASCII letter)."""

    def __init__(self, texts: Sequence[str], vocabulary: str | None = None) -> None:
        """``vocabulary``: a text holding every white-space-free chunk of the texts lower-cased, where known."""
        self.texts = texts
        self.lows = None if fast.folds("".join(texts)) else Joined([t.lower() for t in texts], vocabulary)

    def indexes(self, words: Sequence[str]) -> Sequence[int]:
        return range(len(self.texts)) if self.lows is None else self.lows.holding(words)

    def holding(self, words: Sequence[str]) -> list[str]:
        return [self.texts[i] for i in self.indexes(words)]

    def each(self, words: Sequence[str]) -> Iterator[str]:
        """The texts holding each of ``words`` in turn, found as they are asked for (a text again for each word
        it holds; every text, once, where one folds): for a test one of them is enough to pass."""
        if self.lows is None:
            yield from self.texts
            return
        for word in words:
            for i in self.lows.holders(word):
                yield self.texts[i]


class DocumentFacts:
    """What the plan needs to know of one audited document's wording, each fact read from the text when the plan
    first asks for it (and kept): a plan that stops early (an NDA: no work delivered) or never needs a fact (what
    the client may do with the materials the creator keeps, where the work is not assigned) reads no more of the
    document than it needs. Every fact is what it would be if read at once."""

    def __init__(self, result: AuditResult) -> None:
        self._result = result

    @cached_property
    def _texts(self) -> _Holders:
        paragraphs = self._result.paragraphs
        texts = [p.original_text for p in paragraphs]
        vocabulary = self._result.vocabulary  # the chunks of the texts as they read now: with those as they were
        if vocabulary is not None:
            changed = [t.lower() for p, t in zip(paragraphs, texts, strict=True) if t != p.text]
            vocabulary = "\0".join((vocabulary, *changed))
        return _Holders(texts, vocabulary)

    @cached_property
    def _originals(self) -> list[str]:
        return [p.original_text for p in self._result.paragraphs]

    @cached_property
    def _placeholders(self) -> Mapping[str, str]:
        return self._result.terms.placeholders()

    @cached_property
    def paid(self) -> bool:
        """A paragraph as the document had it (not our insertions) asks for fees or a sum for the work."""
        return any(map(has_fees, self._texts.each(_PAID_WORDS)))  # the first text asking for fees is enough

    @cached_property
    def background(self) -> Background:
        """The creator's pre-existing materials: the document's name, where it keeps them."""
        return find_background(self._result, self._placeholders)

    @cached_property
    def confidential_work(self) -> bool:
        """The work product is confidential information (an NDA's): no work is delivered."""
        work = self._result.parties.work_product
        return work is not None and "confidential" in work.text.lower()

    @cached_property
    def price(self) -> str | None:
        """What the client owes, in the document's word: "all charges due", "the Fee due"."""
        return price_due(self._texts.holding(_PRICE_WORDS), set(self._result.terms.all))

    @cached_property
    def payment(self) -> str | None:
        """What ownership of a piece of the work waits for where fees are per order or per item: "the fees for that
        Work Product under the applicable Statement of Work" (None: the whole agreement's price)."""
        result, work = self._result, self._result.parties.work_product
        deliverables = result.terms.deliverables
        return payment_due(
            self._originals,
            self.price,
            deliverables.name if deliverables else None,
            self._placeholders.get("agreement", "this agreement"),
            work.index if work is not None else None,
            self._texts.indexes(_ORDER_WORDS),
        )

    @cached_property
    def brand(self) -> bool:
        """The work is a logo or brand: a perpetual licence of it is never cut to a project."""
        work = self._result.parties.work_product
        return work is not None and brand_work(self._result.paragraphs, work.text, work.index)

    @cached_property
    def project(self) -> bool:
        """The document describes work made or services performed for the client."""
        return describes_project(self._originals)

    @cached_property
    def transferred(self) -> str | None:
        """What the transfer moves, where the document names no work product."""
        return _transferred(self._result)

    @cached_property
    def exclusive(self) -> bool:
        """The creator licenses the work to the client exclusively."""
        return exclusive_licence(self._result.findings)

    @cached_property
    def individual(self) -> bool:
        """The creator is a natural person (no officers)."""
        return individual_creator(self._result)

    @cached_property
    def subcontracts(self) -> bool:
        """The document speaks of subcontracting and never forbids it ("Contractor may use subcontractors"): a
        creator who is a person may have subcontractors of her own to protect."""
        texts = [p.text for p in self._result.paragraphs]
        return any(_SUBCONTRACT.search(t) for t in texts) and not any(_NO_SUBCONTRACT.search(t) for t in texts)

    @cached_property
    def company(self) -> bool:
        """The creator is a company or other body: moral rights and likeness are its people's."""
        return company_creator(self._result)

    @cached_property
    def client_company(self) -> bool:
        """The client is a company or other body: it has officers to sign for it."""
        return company_client(self._result)

    @cached_property
    def plural(self) -> frozenset[str]:
        """The parties ("client", "provider") the document writes of in the plural ("the Publishers are",
        "which expression shall include their successors"): our text gives them plural verbs and pronouns."""
        terms = self._result.terms
        named = {r: (t.surface, t.defined_at) for r in ("client", "provider") if (t := getattr(terms, r)) is not None}
        return plural_parties(named, self._originals)

    @cached_property
    def british(self) -> bool:
        """The document spells the British way ("licence", "authorise")."""
        return british(self._result)

    @cached_property
    def british_law(self) -> bool:
        """Its law is British or follows it (England, Scotland, Australia …)."""
        return british_law(self._result)

    @cached_property
    def kept(self) -> str | None:
        """What the creator expressly keeps, in the document's words ("the characters")."""
        result = self._result
        return kept_materials(
            [result.paragraphs[i] for i in self._texts.indexes(_KEEP_WORDS)],
            self._placeholders.get("provider"),
            _passing(result),
        )

    @cached_property
    def prevailing(self) -> Retention | None:
        """A part that prevails over the rest and keeps the creator's rights in what the rest transfers: "Seller
        retains copyright in all photographs delivered under this Order" on the face of a purchase order."""
        return self._result.prevailing

    @cached_property
    def kept_use(self) -> str | None:
        """The client's use of what the creator keeps: "to promote the launch" ("" unnamed)."""
        named = [k for k in (self.kept, self.background.term) if k]
        return kept_use(
            self._result.paragraphs,
            named,
            self._placeholders.get("client"),
            self._placeholders.get("provider"),
            self._texts.indexes,
        )

    @cached_property
    def clause_word(self) -> str | None:
        """The word it refers to its clauses by, where not "clause": "Section"."""
        result = self._result
        return clause_word(self._texts.holding(_REFERENCE_WORDS), american_law(result), _british_items(result))

    @cached_property
    def names_sections(self) -> bool:
        """Its sub-clauses are Sections: it names a part of itself a Section ("Section 5.1", "SECTION 2", "see
        Section 7(b)"; a statute's section aside), or, under American law, never cites a sub-clause as an Article
        ("Article 4.1"). Where it says "Article" otherwise, our sub-clauses are not Sections either."""
        if says_section(self._texts.holding(("section",))):
            return True
        return american_law(self._result) and not cites_sub_articles(self._texts.holding(("article",)))

    @cached_property
    def purpose(self) -> str | None:
        """Its own defined purpose of the licence: "the Purpose"."""
        return purpose_term(self._originals)

    @cached_property
    def usage(self) -> str | None:
        """The schedule setting the licence's use: "the channels … set out in Schedule 1"."""
        return usage_schedule(self._originals)

    @cached_property
    def text(self) -> bool:
        """The work is text: translations, copy, articles, manuals."""
        return text_work(self._result)

    @cached_property
    def non_text(self) -> bool:
        """The work has no text (code, images, music): no spelling or translation exception."""
        return non_text_work(self._result)

    @cached_property
    def audio(self) -> bool:
        """The work is sound recordings: its materials are takes and audio files, not drafts and sketches."""
        return audio_work(self._result)

    @cached_property
    def performer(self) -> bool:
        """The work records the creator's own performance (a narration, a presenter's videos)."""
        return performed_work(self._texts.holding(("perform",)), self._placeholders.get("provider"))

    @cached_property
    def credit_kept(self) -> bool:
        """Its moral-rights waiver keeps the right to be identified as author."""
        return credit_kept(self._originals)

    @cached_property
    def assignable(self) -> int | None:
        """The paragraph letting the client assign the licence to someone else."""
        return assignable_licence(self._result, self._texts.indexes(("assign", "transfer")))

    @cached_property
    def sub_hyphen(self) -> bool:
        """The document writes "sub-licence" / "sub-license", never "sublicence"."""
        return hyphenated_sublicence(self._texts.holding(("sublicen", "sub-licen")))

    @cached_property
    def sublicensable(self) -> bool:
        """The document lets the client sublicense the work."""
        return sublicensable(self._result)

    @cached_property
    def informal(self) -> bool:
        """A letter or an email to "you", with no numbered clauses."""
        return informal_register(self._result)

    @cached_property
    def names(self) -> tuple[str | None, str | None]:
        """The names of a client written "we" and a creator written "you", where the document gives them: what the
        comments call them ("Wattle & Finch Pty Ltd"; "Mia Tran" of a schedule), else None."""
        return _pronoun_names(self._result, self._placeholders.get("client"), self._placeholders.get("provider"))

    @cached_property
    def affiliates(self) -> bool:
        """The document speaks of affiliates (a letter that does not gets none in our text)."""
        return bool(self._texts.indexes(("affiliat",)))

    @cached_property
    def other_work(self) -> str | None:
        """Other kinds of work listed with the code ("designs"): the work is not all code."""
        kind = self._result.work_kind
        return other_work(self._originals, kind.kind if kind else None)

    @cached_property
    def royalty(self) -> bool:
        """The client pays for the work by a royalty on its sales (a publishing licence)."""
        return royalty_paid(self._texts.each(_ROYALTY_WORDS))

    @cached_property
    def licensed_in(self) -> str | None:
        """The book, film or product the client's licence is limited to: "the Book"."""
        return next(
            (
                named
                for f in self._result.findings
                if f.kind == "license_grant" and f.beneficiary == "client" and f.severity != "info" and not f.negated
                if (named := named_work(f, self._result.paragraphs))
            ),
            None,
        )

    @cached_property
    def licensed_for(self) -> str | None:
        """The task the client's licence is given solely for: "providing the Service" ("… solely to provide the
        Service"), read on the first licence to the client that names one."""
        return next(
            (
                task
                for f in self._result.findings
                if f.kind == "license_grant" and f.beneficiary == "client" and f.severity != "info" and not f.negated
                if (task := task_purpose(f))
            ),
            None,
        )


def read_facts(result: AuditResult) -> DocumentFacts:
    """The facts of ``result``'s document, each read when first asked for."""
    return DocumentFacts(result)


def _pronoun_names(result: AuditResult, client: str | None, provider: str | None) -> tuple[str | None, str | None]:
    """The names of a creator the document calls "you" and of a client it calls "we" (or "I") beside it, which the
    comments call them by (:func:`party_name`); ``None`` for a party named by a term or written otherwise."""
    if (provider or "").lower() != "you" or (client or "").lower() == "you":
        return None, None
    pronoun = (client or "").lower() in ("we", "i")
    return (party_name(result, "client") if pronoun else None), party_name(result, "creator")


def _british_items(result: AuditResult) -> Sequence[Paragraph]:
    """The paragraphs whose numbering decides the word for the document's items where it refers to none: a
    British-drafted document's ("paragraph 5" of typed paragraphs); none elsewhere (no guess)."""
    return result.paragraphs if british(result) else ()


def _passing(result: AuditResult) -> set[str]:
    """The work the document passes to the client, in its words: its work product, what its transfers move."""
    named = {result.terms.deliverables.name} if result.terms.deliverables else set()
    moved = (transferred_object(f) for f in result.findings if f.kind == "ip_assignment" and f.beneficiary == "client")
    return named | {m for m in moved if m}


def retention_note(retention: Retention, paragraphs: Sequence[Paragraph], creator: str) -> str:
    """The audit's note of a prevailing keeping: what prevails, what it keeps, which transfer it limits."""
    r = retention

    def where(i: int) -> str:
        label = paragraphs[i].section_label
        return f" ({clause_name(label)})" if label else ""

    them = "them" if not r.whole else "it"
    cited = ", ".join(clause_name(paragraphs[i].section_label or "") for i in r.covers if paragraphs[i].section_label)
    reach = f"the transfer in {cited}" if cited else "the transfer of the work"
    return (
        f"{r.part[0].upper()}{r.part[1:]} prevails{where(r.precedence)} and keeps {r.right} in {r.thing} with "
        f"{creator}: “{r.sentence}” So {reach} does not reach {them}."
    )


def _transferred(result: AuditResult) -> str | None:
    """What the document's first transfer of the work to the client moves, where it names no work product."""
    if result.terms.deliverables is not None:
        return None
    for f in result.findings:
        if f.kind == "ip_assignment" and f.beneficiary == "client" and not f.negated and f.operative:
            return transferred_object(f)
    return None


_SURVIVING_NUMBER = r"\d+[A-Z]?(?:\.\d+)*"
# a survival sentence listing the document's surviving parts by number: "Section 3 survives termination",
# "Sections 3 and 4 survive its termination", "Clauses 5, 7 and 9 shall survive any expiry"
_SURVIVAL_LIST = re.compile(
    rf"\b(?P<word>Section|Article|Clause|Paragraph)s?\s+(?P<numbers>{_SURVIVING_NUMBER}(?:\s*,\s*{_SURVIVING_NUMBER})*"
    rf"(?:,?\s+and\s+{_SURVIVING_NUMBER})?)\s+(?P<verb>(?:shall|will|must)\s+survive|survives?)\b"
    r"(?=[^.]{0,60}\b(?:termination|expiry|expiration)\b)"
)


@dataclass(frozen=True, slots=True)
class SurvivalList:
    """The document's survival sentence listing parts by number: paragraph ``index``, the phrase from the word to
    the verb (``start``, ``end`` in the paragraph), the ``word`` ("Section"), the ``numbers`` and the ``verb``."""

    index: int
    start: int
    end: int
    phrase: str
    word: str
    numbers: tuple[str, ...]
    verb: str


def survival_list(texts: Sequence[str]) -> SurvivalList | None:
    """The first survival sentence of ``texts`` (the document's paragraphs) that lists its surviving parts by
    number, or None."""
    for i, text in enumerate(texts):
        if "surviv" not in text:
            continue
        m = _SURVIVAL_LIST.search(text)
        if m:
            numbers = tuple(re.findall(_SURVIVING_NUMBER, m.group("numbers")))
            return SurvivalList(i, m.start(), m.end(), m.group(0), m.group("word"), numbers, m.group("verb"))
    return None


def _number_key(label: str) -> tuple[tuple[int, str], ...]:
    """``label`` ("4.3", "7B") in the order of the document's numbers: (4, ""), (3, ""); (7, "B")."""
    return tuple((int(re.sub(r"\D", "", x) or 0), re.sub(r"\d", "", x)) for x in label.split("."))


def _next_label(label: str) -> str:
    """The number after ``label`` in its list: "4.4" after "4.3", "7B" after "7A"."""
    item = re.fullmatch(r"(.*\()([a-y])\)", label)  # a lettered item: "7(e)" after "7(d)"
    if item:
        return f"{item.group(1)}{chr(ord(item.group(2)) + 1)})"
    head, _, tail = label.rpartition(".")
    prefix = f"{head}." if head else ""
    if tail.isdigit():
        return f"{prefix}{int(tail) + 1}"
    if tail[-1:].isalpha() and tail[-1] not in "zZ":
        return f"{prefix}{tail[:-1]}{chr(ord(tail[-1]) + 1)}"
    return ""


def _ranges(labels: Sequence[str]) -> list[tuple[str, str]]:
    """``labels`` ("4.3", "4.4", "4.5") as runs of consecutive numbers under one parent ([("4.3", "4.5")])."""
    runs: list[tuple[str, str]] = []
    for label in labels:
        if runs and label == _next_label(runs[-1][1]):
            runs[-1] = (runs[-1][0], label)
            continue
        runs.append((label, label))
    return runs


def _items(runs: Sequence[tuple[str, str]]) -> list[str]:
    """``runs`` as cited: "4.3 to 4.7"; a run of two as its two numbers ("4.3", "4.4")."""
    items: list[str] = []
    for a, b in runs:
        items += [a] if a == b else [a, b] if b == _next_label(a) else [f"{a} to {b}"]
    return items


def _cited(labels: Sequence[str]) -> str:
    ours = _items(_ranges(labels))
    return ours[0] if len(ours) == 1 else f"{', '.join(ours[:-1])} and {ours[-1]}"


# our clause calling itself by its part alone ("this Section"), not by its number ("this Section 4.3")
_THIS_PART = re.compile(r"\b([Tt])his (clause|Clause|Section|Article|paragraph|Paragraph)\b(?!\s+\d)")
# our survival sentence: "This Section applies to the fullest extent permitted by law, survives the termination …
# and binds …" ("This clause 2.3 applies" where the clause numbers its paragraphs)
_APPLIES_SELF = re.compile(
    r"\b([Tt])his (clause|Clause|Section|Article|paragraph|Paragraph)(?: \d+(?:\.\d+)*[A-Z]?)? (applies\b[^.]*\.)"
)
_SINGULAR_VERB = re.compile(r"\b(appl)ies\b|\b(survive|bind|continue|remain)s\b")


def parts_cited(text: str, own: str, labels: Sequence[str]) -> str:
    """``text`` (a paragraph of a clause we insert, numbered ``own``) citing our clauses by their numbers
    (``labels``: every clause we insert, in the order inserted):

    - its survival sentence names them all where there are two or more ("Sections 4.3 to 4.7 apply … survive
      … and bind …"): "This Section applies" would read as the first of them alone;
    - where ``own`` is a sub-clause ("4.3"), it calls itself by that number ("This Section 4.3 applies", "as
      protective as this Section 4.3"): in Section 4, "this Section" may read as all of Section 4."""
    if "his " not in text:
        return text
    if len(labels) > 1:

        def plural(m: re.Match[str]) -> str:
            word = m.group(2) if m.group(1) == "t" else m.group(2)[:1].upper() + m.group(2)[1:]
            verbs = _SINGULAR_VERB.sub(lambda v: "apply" if v.group(1) else v.group(2), m.group(3))
            return f"{word}s {_cited(sorted(labels, key=_number_key))} {verbs}"

        text = _APPLIES_SELF.sub(plural, text)
    if "." in own or "(" in own:  # "this Section 4.3", "this Section 7(d)"
        text = _THIS_PART.sub(lambda m: f"{m.group(0)} {own}", text)
    return text


def survival_with(found: SurvivalList, labels: Sequence[str]) -> tuple[str, str] | None:
    """``found``'s phrase listing also our inserted clauses ``labels`` ("Section 3 survives" -> "Sections 3 and 4.3
    to 4.7 survive") and those clauses cited ("4.3 to 4.7"), or None where the list covers them already (3.3 within
    Section 3)."""
    new = [x for x in labels if not any(x == n or x.startswith((f"{n}.", f"{n}(")) for n in found.numbers)]
    if not new:
        return None
    runs = _ranges(sorted(new, key=_number_key))
    items = sorted([*((n, n) for n in found.numbers), *runs], key=lambda r: _number_key(r[0]))
    cited = _items(items)
    listed = f"{', '.join(cited[:-1])} and {cited[-1]}"
    verb = "survive" if found.verb in ("survives", "survive") else found.verb
    return f"{found.word}s {listed} {verb}", _cited(sorted(new, key=_number_key))


# -- what the next round compares: defined terms by name, clause numbers, cited ranges --------------------

# "“X” means", '"X" shall mean': a definitions entry, in either quotes
# "“X” means", also as the other side qualified it ("“X, except …” means", "“X” (other than …) means"): X
_DEFINES = re.compile(r'["“]([^"”,]{1,60})(?:,[^"”]{0,80})?["”]\s+(?:\([^()]{1,120}\)\s+)?(?:shall\s+)?means?\b')
# the opening of a definitions entry of a bare term, up to where words were typed into it: its number, then only
# the term's capitalised words ("Prohibited AI Use", "(a) Developer IP"); and what follows the typed words: "means"
_ENTRY_NUMBER = r"(?:\(?[a-z0-9]{1,4}[.)]\s*|\d+(?:\.[A-Za-z0-9]{1,4})*\.?\s+)?"  # "(a) ", "1.1 ", "2.1A<TAB>"
_TERM_WORD = r"[A-Z][\w'’-]*"
_BARE_TERM_OPENS = re.compile(rf"^{_ENTRY_NUMBER}{_TERM_WORD}(?:\s+(?:{_TERM_WORD}|of|and|or))*$")
# a definitions entry of a bare term: "Developer IP means …", "(a) AI System means …"
_BARE_DEFINES = re.compile(
    rf"^{_ENTRY_NUMBER}({_TERM_WORD}(?:\s+(?:{_TERM_WORD}|of|and|or)){{0,6}})\s+(?:\([^()]{{1,120}}\)\s+)?(?:shall\s+)?means\b"
)
_MEANS_NEXT = re.compile(r"\)?\s*(?:shall\s+)?means?\b")
# a paragraph that is a definitions entry or a glossary: "“X” means …", "(a) "X" means …", "In this Section, “X” …",
# "2.1A<TAB>In this clause 2.1A, “X” …"
_GLOSSARY_OPENS = r"In (?:this|the) [A-Za-z]+(?: [\w.()]+)?,\s*"  # "In this Section 4, ", "In the Contract, "
_GLOSSARY = re.compile(rf'^{_ENTRY_NUMBER}(?:{_GLOSSARY_OPENS})?["“]')
# a glossary sentence standing after a clause's run-in title ("No Third-Party AI Training. In the Contract, “A” means
# …; and “B” means …."), to the full stop ending it (one before a capital, or the text's end)
_CLAUSE_NUMBER = r"(?:\d+(?:\.\d+)*[A-Z]?\.?\s+|\([a-z]{1,4}\)\s*)"  # "3.5<TAB>", "4A. ", "(d) " opening a clause
_GLOSSARY_WITHIN = re.compile(
    rf'(?:^{_CLAUSE_NUMBER}?|(?<=[.:] ))({_GLOSSARY_OPENS}["“].*?\.)(?=\s+[A-Z]|\s*$)', re.DOTALL
)


def term_key(name: str) -> str:
    """A defined term's name as two definitions of it are compared: no quotes, no leading "the", one case and
    single spaces ("the “Protected Materials”" and '"protected  materials"' are one term)."""
    words = " ".join(name.strip(" \"“”'‘’").split())
    if words[:4].lower() == "the ":
        words = words[4:].strip(" \"“”'‘’")
    return words.casefold()


# a sentence resting on a restriction by its name: "Despite the restriction on Prohibited AI Use", "The restriction on
# Prohibited AI Use does not prevent …", "bound by the restriction on …", "The restrictions on … are governed by …";
# never a breach of it named beside other things ("any breach of the restrictions on …": the sentence stands without it)
_RESTS_ON_RESTRICTION = re.compile(r"(?<!breach of )\b[Tt]he restrictions? on ((?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)")
# a sentence widening what a restricted term covers: "Prohibited AI Use also includes using …" (after its number)
# (a run-in title before it: "Style, Voice and Likeness. Prohibited AI Use also includes …")
_WIDENS_TERM = re.compile(
    rf"^{_CLAUSE_NUMBER}?(?:[A-Z][^.]{{0,60}}\.\s+)?([A-Z][\w-]*(?: [A-Z][\w-]*)*) also (?:includes|covers)\b"
)


def restrictions_rested_on(text: str) -> set[str]:
    """The defined terms (by :func:`term_key`) whose restriction ``text`` rests on by name ("Despite the restriction on
    Prohibited AI Use, …" -> {"prohibited ai use"}): an exception to it, a duty to be bound by it, its law, or what
    widens the term restricted ("Prohibited AI Use also includes …"); empty where it names none, or only a breach of
    it among other things."""
    widens = {term_key(m.group(1)) for m in [_WIDENS_TERM.match(text)] if m}
    return widens | {term_key(m.group(1)) for m in _RESTS_ON_RESTRICTION.finditer(text)}


# words that open an exception ("except for internal tools", "(other than use in internal tools)", "save for …")
_EXCEPTION = re.compile(
    r"^\W*(?:except(?:ing)?|other\s+than|save|excluding|apart\s+from|but\s+not|unless|not\s+including)\b",
    re.IGNORECASE,
)


def opens_exception(words: str) -> bool:
    """``words`` (typed into a clause) open an exception to it ("except for internal tools", "(other than …)"),
    rather than narrowing what it says ("for a commercial product")."""
    return _EXCEPTION.match(words) is not None


_ALTERNATIVE = re.compile(r"^\W*(?:and\s*/\s*or|and|or)\s+\w", re.IGNORECASE)
_LIMITING = re.compile(
    r"\b(?:except(?:ing)?|other\s+than|save|excluding|apart\s+from|but\s+not|unless|not|provided|subject\s+to|only|"
    r"solely|limited|extent|where|if|when|permitted|may)\b",
    re.IGNORECASE,
)
_EXCEPTED_BEFORE = re.compile(
    r"\b(?:except(?:ing)?|other\s+than|save|excluding|apart\s+from|but\s+not|unless|provided|subject\s+to|only|"
    r"permitted|allowed|without|consent|may(?!\s+not)|(?:are|is|does)\s+not\s+(?:a\s+)?(?:restrict|apply|prohibited))\b",
    re.IGNORECASE,
)


def widens(text: str, start: int, end: int) -> bool:
    """The words ``text[start:end]`` typed into a restriction of ours only add an alternative to what it reaches
    ("Client and its subsidiaries shall not", "train any AI System or any other machine-learning model"): they open
    with "and" / "or", hold no word that limits or excepts ("only", "except", "provided", "not"), and nothing before
    them in the paragraph excepts, permits or conditions (an alternative added to "except for accessibility tools",
    to "a tool that only checks spelling … may process" or to "without Contributor's prior written consent" widens
    the exception, so narrows the restriction), nor do they stand inside a defined term."""
    words = text[start:end]
    if _ALTERNATIVE.match(words) is None or _LIMITING.search(words) or in_defined_term(text, start, end):
        return False
    return _EXCEPTED_BEFORE.search(text, 0, start) is None


def defined_names(result: AuditResult) -> set[str]:
    """The terms ``result``'s document defines, by :func:`term_key`: each ``"X" means`` entry and each term the
    audit found defined (also by a parenthesis, the "Assets", and their aliases)."""
    have = {term_key(m.group(1)) for p in result.paragraphs if "mean" in p.text for m in _DEFINES.finditer(p.text)}
    bare = (_BARE_DEFINES.match(p.text) for p in result.paragraphs if "mean" in p.text)
    have |= {term_key(m.group(1)) for m in bare if m is not None}  # "**Developer IP** means …", no quotes
    return have | {term_key(n) for t in result.terms.all.values() for n in (t.name, *t.aliases)}


def in_defined_term(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` stands inside a definition's term: within its quotes or between them and "means"
    ('"Prohibited AI Use" (other than use in internal tools) means'), or, in a definitions clause of bare terms
    (a paragraph "**Prohibited AI Use** means …"), between the term opening the paragraph and its "means"."""
    if any(m.start() < start and end < m.end() for m in _DEFINES.finditer(text)):
        return True
    return _BARE_TERM_OPENS.match(text[:start]) is not None and _MEANS_NEXT.match(text, end) is not None


def glossary_terms(text: str) -> set[str]:
    """The terms a paragraph defines where it is a definitions entry or a glossary ("“X” means …", "In this
    Section, “X” means …"), by :func:`term_key`; empty for any other paragraph."""
    if _GLOSSARY.match(text) is None:
        return set()
    return {term_key(t) for t in _DEFINES.findall(text)}


def entry_terms(text: str) -> set[str]:
    """The terms a definitions entry defines, by :func:`term_key`: a glossary's (:func:`glossary_terms`), or the bare
    term opening an entry of a definitions clause of bare terms ("Prohibited AI Use means …", no quotes)."""
    found = glossary_terms(text)
    bare = _BARE_DEFINES.match(text) if not found and "mean" in text else None
    return found | ({term_key(bare.group(1))} if bare else set())


def glossary_within(text: str) -> str:
    """The glossary sentence of ``text`` ("In the Contract, “A” means …; and “B” means …."), after a run-in title
    where the clause has one; "" where it has none."""
    m = _GLOSSARY_WITHIN.search(text)
    return m.group(1) if m and glossary_terms(m.group(1)) else ""


def glossary_without(text: str, keys: Collection[str]) -> str:
    """Our glossary ``text`` ("In this clause, “A” means …; “B” means …; and “C” means …") without its entries
    defining the terms ``keys`` (by :func:`term_key`), the entries left joined as a list again ("“A” means …; and
    “C” means …", ending as it ended); ``text`` where it is no glossary or defines none of them, "" where it defines
    nothing else."""
    found = list(_DEFINES.finditer(text)) if _GLOSSARY.match(text) else []
    if not any(term_key(m.group(1)) in keys for m in found):
        return text
    starts = [m.start() for m in found]
    ends = [*starts[1:], len(text)]
    entries = [(term_key(m.group(1)), text[start:end]) for m, start, end in zip(found, starts, ends, strict=True)]
    kept = [_entry(entry) for key, entry in entries if key not in keys]
    if not kept:
        return ""
    end = text.rstrip()[-1:]
    listed = kept[0] if len(kept) == 1 else "; ".join(kept[:-1]) + "; and " + kept[-1]
    return text[: starts[0]] + listed + (end if end in ".;" else "")


def defined_by_itself(text: str) -> set[str]:
    """The terms a glossary ``text`` defines by themselves ("“Permitted Purpose” means use of the Photographs for the
    Permitted Purpose": the document's own name for its purpose put in our template, where the document defines the
    term already), by :func:`term_key`."""
    found = list(_DEFINES.finditer(text)) if _GLOSSARY.match(text) else []
    if not found:
        return set()
    ends = [*(m.start() for m in found[1:]), len(text)]
    return {
        key for m, end in zip(found, ends, strict=True) if uses_term(text[m.end() : end], key := term_key(m.group(1)))
    }


def _entry(text: str) -> str:
    """One entry of a glossary, without what joins it to the next ("; and ", "; ") or ends the list (".")."""
    text = text.rstrip()
    text = text.removesuffix(" and") if text.endswith("; and") else text
    return text.rstrip(";.").rstrip()


# a clause's typed number of two levels or more before a tab: "4.10\t…"
_TYPED_CLAUSE = re.compile(r"^(\d+(?:\.\d+)+)\.?\t")


def typed_clause_number(text: str) -> str | None:
    """A clause's typed number of two levels or more before a tab ("4.10\t…" -> "4.10"), or None."""
    m = _TYPED_CLAUSE.match(text)
    return m.group(1) if m else None


def clause_number(p: Paragraph) -> str | None:
    """A paragraph's own number, typed ("4.10\t…" -> "4.10") or Word's (its label, less a closing dot)."""
    return typed_clause_number(p.text) or (p.label or "").rstrip(".") or None


def cited_range_ends(texts: Sequence[str], end: str) -> list[tuple[int, int, int]]:
    """Where ``texts`` (the document's paragraphs) cite a range of clauses ending at ``end`` ("Clauses 4.5 to
    4.10 apply …" for "4.10", "Sections 5(d) to 5(g) apply …" for "5(g)"): (paragraph, start, end) of that last
    number in each, not of a longer number ("4.100", "4.10.2")."""
    head, _, _ = end.rpartition(".")
    parent, bracket, _ = end.partition("(")
    if bracket and parent:  # a lettered sub-clause: "Sections 5(d) to 5(g)"
        cited = re.compile(rf"\b{re.escape(parent)}\([a-z]+\) to ({re.escape(end)})")
    elif head:
        cited = re.compile(rf"\b{re.escape(head)}\.\d+ to ({re.escape(end)})(?![\d.]\d)")
    else:
        return []
    return [(i, *m.span(1)) for i, t in enumerate(texts) if end in t for m in cited.finditer(t)]


def listed_citations(texts: Sequence[str], number: str) -> list[tuple[int, int, int]]:
    """Where ``texts`` (the document's paragraphs) cite clause ``number`` before others in a list ("Clauses 2.1A,
    2.4 and 2.5 apply"): (paragraph, start, end) of the number with its comma ("2.1A, "), which a clause gone
    takes out of the list."""
    listed = re.compile(
        rf"\b(?:[Cc]lauses|Sections|Articles|[Pp]aragraphs) (?:[\w.()]+, )*?({re.escape(number)}, )(?=[\w.()]+)"
    )
    return [(i, *m.span(1)) for i, t in enumerate(texts) if number in t for m in listed.finditer(t)]


# the number of a clause a sentence of ours cites: "4.10", "2.1A", "1A", "5(g)"
_CITED = r"\d+[A-Z]?(?:\.\d+[A-Z]?)*(?:\([a-z]+\))?"
# our sentence saying the clauses it cites apply (and survive): "Clauses 2.1A, 2.4 and 2.5 apply …", "Sections 5(d) to
# 5(g) apply …", "Clause 3.3 applies …", "This clause 1A applies …", "This clause applies …" (its own clause)
_APPLYING = re.compile(
    rf"\b(?:(?P<this>[Tt]his) )?(?P<word>[Cc]lause|Section|Article|[Pp]aragraph)s?"
    rf"(?: (?P<items>{_CITED}(?:(?:, | and | to ){_CITED})*))? (?P<rest>appl(?:y|ies)\b[^.]*\.)"
)
_PLURAL_VERB = re.compile(r"\b(appl)y\b|\b(survive|bind|continue|remain)\b")


def _cited_runs(items: str) -> list[tuple[str, str]]:
    """A citation's numbers ("2.1A, 2.4 to 2.6 and 2.8") as runs: [("2.1A", "2.1A"), ("2.4", "2.6"), ("2.8", "2.8")]."""
    runs = []
    for item in re.split(r", | and ", items):
        a, _, b = item.partition(" to ")
        runs.append((a, b or a))
    return runs


def cited_runs(text: str) -> list[tuple[str, str]]:
    """The numbers ``text``'s sentence saying clauses apply cites, as runs ("Clauses 2.1A, 2.4 to 2.6 and 2.8
    apply" -> ("2.1A", "2.1A"), ("2.4", "2.6"), ("2.8", "2.8")); none for "This clause applies"."""
    m = _APPLYING.search(text)
    if m is None or m.group("this") or not m.group("items"):
        return []
    return _cited_runs(m.group("items"))


def _merged(runs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``runs`` in order, each run that the next continues or overlaps joined to it ("2.4", "2.5 to 2.8" -> "2.4 to
    2.8"; "4A to 4D", "4B to 4D" -> "4A to 4D")."""
    out: list[tuple[str, str]] = []
    for a, b in sorted(runs, key=lambda r: _number_key(r[0])):
        if out and (a == _next_label(out[-1][1]) or _number_key(a) <= _number_key(out[-1][1])):
            out[-1] = (out[-1][0], max(out[-1][1], b, key=_number_key))
        else:
            out.append((a, b))
    return out


def citing_ours(
    text: str,
    own: str | None = None,
    *,
    gone: Set[str] = frozenset(),
    renamed: Mapping[str, str] | None = None,
    running_on: Mapping[str, str] | None = None,
) -> tuple[int, int, str] | None:
    """``text``'s sentence saying clauses of ours apply ("Clauses 2.1A, 2.4 and 2.5 apply … and survive …", "This
    clause 1A applies … and survives …"; ``own``: the number of the clause ``text`` is in, which "This clause
    applies" cites) citing them as this round leaves them: a number ``gone`` (a clause taken out) is no longer
    listed, each number is ``renamed`` (the numbers a closed gap moves), and a run ending at a key of
    ``running_on`` runs on to its value (the clauses added after it: "2.5" -> "2.8" cites "2.4 to 2.8"). The
    verbs agree with what is cited: "Clause 2.4 applies … and survives", "Clauses 1A to 1D apply … and survive".
    The span from the citation to the sentence's end and its new words; None where it cites no number of ours
    that changes, or nothing would be left."""
    m = _APPLYING.search(text)
    if m is None:
        return None
    this, items = m.group("this"), m.group("items")
    if this:  # "This clause 1A applies", "This clause applies": its own clause
        own = items or own
        if not own:
            return None
        runs = [(own, own)]
    elif items:
        runs = _cited_runs(items)
    else:
        return None
    renamed, running_on = renamed or {}, running_on or {}
    now = []
    for a, b in runs:
        if a == b and a in gone:
            continue
        end = renamed.get(b, b)
        now.append((renamed.get(a, a), running_on.get(end, end)))
    if not now or now == runs:
        return None
    now = _merged(now)
    cited = [x for a, b in now for x in ([a] if a == b else [f"{a} to {b}"] if b != _next_label(a) else [a, b])]
    word, rest = m.group("word"), m.group("rest")
    if this and items and len(cited) == 1 and " to " not in cited[0]:  # "This clause 4.9 applies", renumbered
        said = f"{this} {word} {cited[0]} {rest}"
        return None if said == m.group(0) else _least_change(text, m.start(), m.end(), said)
    if len(cited) > 1 or " to " in cited[0]:
        listed = cited[0] if len(cited) == 1 else f"{', '.join(cited[:-1])} and {cited[-1]}"
        said = f"{word}s {listed} " + _SINGULAR_VERB.sub(lambda v: "apply" if v.group(1) else v.group(2), rest)
    else:
        said = f"{word} {cited[0]} " + _PLURAL_VERB.sub(lambda v: "applies" if v.group(1) else v.group(2) + "s", rest)
    if m.start() == 0 or text[: m.start()].rstrip().endswith((".", ":")):
        said = said[:1].upper() + said[1:]
    if said == text[m.start() : m.end()]:
        return None  # cited as it stands ("3(c) and 3(d)", the run of two they make, written out as it was)
    return _least_change(text, m.start(), m.end(), said)


def citing_all(text: str, labels: Sequence[str]) -> str:
    """``text``'s sentence saying clauses of ours apply ("Clauses 4.7 and 4.8 apply … and survive …") citing the
    clauses ``labels`` instead (two or more: "Clauses 4.4 to 4.8 apply … and survive …"), for a clause of ours that
    goes in elsewhere than where its sentence was drafted; ``text`` as it is for "This clause applies" or fewer
    than two labels."""
    m = _APPLYING.search(text)
    if m is None or m.group("this") or not m.group("items") or len(set(labels)) < 2:
        return text
    rest = _SINGULAR_VERB.sub(lambda v: "apply" if v.group(1) else v.group(2), m.group("rest"))
    said = f"{m.group('word')}s {_cited(sorted(set(labels), key=_number_key))} {rest}"
    return text[: m.start()] + said + text[m.end() :]


def _least_change(text: str, start: int, end: int, new: str) -> tuple[int, int, str]:
    """``text[start:end]`` -> ``new`` as the fewest whole words changed: the words both begin and end with are
    left out of the span."""
    old = text[start:end]
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    head = old.rfind(" ", 0, head) + 1 if head < min(len(old), len(new)) or head == len(old) != len(new) else head
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    if tail:
        cut = old.find(" ", len(old) - tail)
        tail = len(old) - cut if cut >= 0 else 0
    return start + head, end - tail, new[head : len(new) - tail]


# the lead-in of a tail of a grant naming AI training among its uses: ", including to train …", " and to train …",
# " as well as for training …"
_LEAD_IN = re.compile(
    r"^\W*(including|and|or|as\s+well\s+as|in\s+particular)\s+(?:(?:to|for|by|in|as)\s+)?[\w-]", re.IGNORECASE
)
# the modal of a sentence permitting it: "The Client may use the Designs to train …"
_PERMITTING = re.compile(r"\b(may|can)\s+(?!not\b|only\b)\w", re.IGNORECASE)
# words naming AI training
_TRAINING = re.compile(
    r"\b(?:(?:pre-?|re-?)?train(?:s|ed|ing)?|fine-?tun\w*|machine[\s-]learning|artificial\s+intelligence|AI|"
    r"(?:language\s+|generative\s+|neural\s+|foundation\s+)models?|datasets?|data\s+sets?)\b",
    re.IGNORECASE,
)


def consent_point(words: str) -> tuple[int, int] | None:
    """Where words struck from a grant because they let the client train AI on the work take a condition of consent
    instead, once the other side rejects their deletion: the span of the word the condition follows, the lead-in
    of a tail ("including" of ", including to train …", "and" of " and to train …": "including, only with …, to
    train …") else the modal of a sentence permitting it ("may" of "The Client may use the Designs to train …":
    "may, only with …, use …"). None for words that name no AI training, or have no such place."""
    if not _TRAINING.search(words):
        return None
    m = _LEAD_IN.match(words) or _PERMITTING.search(words)
    return m.span(1) if m else None


# what words the other side types into a permission to train narrow it by: the form the work is used in (stripped of
# who made it: "in de-identified and aggregated form", "anonymised"), or the purpose it is used for ("solely to improve
# the Service", "for internal purposes only")
_FORM_WORDS = re.compile(
    r"\b(de-?identifi\w*|anonymi[sz]\w*|pseudonymi[sz]\w*|aggregat\w*|anonymous\w*|stripped\s+of\s+\w+|"
    r"without\s+(?:any\s+)?(?:personal|identifying)\s+\w+)",
    re.IGNORECASE,
)
_PURPOSE_WORDS = re.compile(
    r"\b(?:solely|only|exclusively)\b|\b(?:internal|own)\s+(?:purposes?|use|business|products?)\b|"
    r"\bfor\s+the\s+purposes?\s+of\b",
    re.IGNORECASE,
)


def narrowing(words: str) -> tuple[str, tuple[str, ...]]:
    """How words typed into a permission to use the work narrow it: ``("form", the words naming the form as
    typed)`` where they change the form the work is used in ("in de-identified and aggregated form" -> ("form",
    ("de-identified", "aggregated"))), ``("purpose", ())`` where they limit what it is used for ("solely to improve
    the Service"), else ``("", ())``."""
    forms = tuple(dict.fromkeys(m.group(1) for m in _FORM_WORDS.finditer(words)))
    if forms:
        return "form", forms
    if _PURPOSE_WORDS.search(words):
        return "purpose", ()
    return "", ()


def uses_term(text: str, key: str) -> bool:
    """``text`` uses the defined term whose :func:`term_key` is ``key`` (as a word, capitalised as defined terms are:
    "any Prohibited AI Use", not "prohibited ai use" in a sentence)."""
    if key not in text.casefold():
        return False
    return any(m.group(0)[:1].isupper() for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", text, re.IGNORECASE))


# a clause citing itself by its number (as parts_cited writes it): "This Section 4.3 applies", "this clause 2.3"
# "This clause 4.11", "this clause 2.1A" (a clause numbered between two of the document's)
_CITES_ITSELF = re.compile(
    r"\b[Tt]his (?:[Cc]lause|Section|Article|[Pp]aragraph) (\d+(?:\.\d+)*(?:[A-Z](?![A-Za-z]))?(?:\([a-z0-9]{1,4}\))*)"
)  # "This clause 4.11", "This Section 2.1A", "this Section 3(c)" (Word's lettered sub-clause, its letter cited too)


def cites_itself(text: str) -> bool:
    """``text`` (a paragraph of a clause) calls its own clause by number ("This Section 4.3 applies")."""
    return _CITES_ITSELF.search(text) is not None


def cited_as_itself(text: str) -> str | None:
    """The number by which ``text`` (a paragraph of a clause) calls its own clause ("This clause 4.11 applies" ->
    "4.11"), or None."""
    m = _CITES_ITSELF.search(text)
    return m.group(1) if m else None


def citing_itself_as(text: str, number: str) -> str:
    """``text`` (a paragraph of a clause) calling its own clause by ``number`` instead of the number it cites
    ("This clause 4.11 applies" -> "This clause 4.5 applies")."""
    return _CITES_ITSELF.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + number, text)


# a definition's own carve-out: "… but excluding the content of Customer Content", "does not include …", "other than …"
_LEAVES_OUT = re.compile(r"\b(?:exclud(?:es|ing)|(?:does|do|shall) not include|other than|except)\b([^.;]*)", re.I)


def defined_without(paragraphs: Sequence[Paragraph], term: str, material: str) -> bool:
    """Whether the document's definition of ``term`` ("“Usage Data” means …") already leaves ``material`` out
    ("… but excluding the content of Customer Content"): nothing to ask of the rights given in ``term`` for it."""
    if not material:
        return False
    key, named = term_key(term), re.compile(rf"\b{re.escape(material)}\b", re.I)
    for p in paragraphs:
        if "mean" not in p.text:
            continue
        for name, meaning in _definitions_of(p.text):
            if term_key(name) == key and any(named.search(m.group(1)) for m in _LEAVES_OUT.finditer(meaning)):
                return True
    return False
