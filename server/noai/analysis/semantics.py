"""What one operative sentence does: its act, actor, beneficiary, object and qualifiers.

The reading is table-driven: :data:`ACTS`, :data:`OBJECTS`, :data:`QUALIFIERS`,
:data:`NEGATIONS` and :data:`EXCEPTIONS` are data (an ordered table of patterns each), and
:func:`read` applies them to a sentence with a :class:`Roles` finder that knows which words
name which party. Roles are seen from the creator's side: ``creator`` (provider / licensor /
author of the work), ``client`` (customer / licensee / recipient), ``both``, ``third_party``
or ``unknown``.

The classifier (:mod:`noai.analysis.classify`) decides *that* a clause of a kind is there; this
module says what it does and to whom, so that severity can follow direction: the creator's
work passing to the client is a risk, a right the creator keeps is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from noai.analysis import fast

_I = re.IGNORECASE

CREATOR, CLIENT, BOTH, THIRD_PARTY, UNKNOWN = "creator", "client", "both", "third_party", "unknown"
OTHER_SIDE = {CREATOR: CLIENT, CLIENT: CREATOR}

# -- the tables ------------------------------------------------------------------------------------

# (act, pattern, voice): the verbs of each act. ``voice`` says where the beneficiary is named:
# "after" (the party after the verb gets it: "assigns to X", "vested in X", "owned by X", "the
# property of X"), "subject" (the party before the verb gets or keeps it: "X owns", "X retains",
# "X may use"). Checked in this order; the earliest match in the sentence wins, ties by order.
ACTS: tuple[tuple[str, str, str], ...] = (
    (
        "assigns",
        r"\bassign(?:s|ed)?\b(?!\s+(?:personnel|staff))|\btransfer(?:s|red)?\b|\bconvey(?:s|ed)?\b|"
        r"\b(?:shall|will)\s+pass\s+to\b",
        "after",
    ),
    ("vests", r"\bvest(?:s|ed)?\b|\bworks?\s+(?:made\s+)?for\s+hire\b", "after"),
    (
        "owns",
        r"\b(?:is|are|be)\s+(?:solely\s+|exclusively\s+)?owned\s+by\b|\bproperty\s+of\b|\bbelongs?\s+to\b",
        "after",
    ),
    ("reserves", r"\breserve[sd]?\b|\bretains?\b|\bkeeps?\b", "subject"),
    (
        "owns",
        r"\bown(?:s|ed)?\b(?!\s+(?:expense|cost|account|behalf|risk|name|use|personnel|employees))|"
        r"(?:'|’)ll\s+own\b",
        "subject",
    ),
    ("waives", r"\bwaive[sd]?\b|\bwaiver\b|\bnot\s+to\s+assert\b", "subject"),
    ("indemnifies", r"\bindemnif\w+|\bhold\s+\w+\s+harmless\b", "subject"),
    ("governs", r"\bgovern(?:s|ed)?\b|\bconstrued\b|\bsubject\s+to\s+the\s+laws?\s+of\b", "subject"),
    ("licenses", r"\blicen[cs]e[sd]?\b|\bgrant(?:s|ed)?\b|\bgives?\b(?=[^.;]{0,80}?\blicen[cs]e)", "after"),
    ("discloses", r"\bdisclos\w*|\bnotify\b|\binform\b|\breport\s+to\b", "subject"),
    (
        "restricts",
        r"\b(?:shall|will|may|must)\s+not\b|\bprohibit\w*|\brestrict\w*|\bno\s+(?:right|licen[cs]e)",
        "subject",
    ),
    (
        "permits",
        r"\b(?:may|can)\s+be\s+(?:freely\s+)?(?:used|exploited|reproduced|copied|modified|adapted|distributed|"
        r"published|incorporated|disclosed|processed)\b|\b(?:may|can|is\s+permitted\s+to|is\s+entitled\s+to|(?:has|shall\s+have)\s+the\s+right\s+to|"
        r"(?:is|are|shall\s+be)\s+free\s+to)\s+(?:\w+\s+){0,2}?(?:use|exploit|reproduce|copy|modify|adapt|"
        r"distribute|publish|display|perform|sell|commerciali[sz]e|incorporate|make\s+available|"
        r"sub-?licen[cs]e|train|process)\b",
        "subject",
    ),
)
# One alternation per table: its leftmost match is the earliest act, and at one position the first
# alternative that matches is the first row of the table (one search instead of one per row).
_ACT_RX = re.compile("|".join(f"(?P<a{i}>{pattern})" for i, (_, pattern, _) in enumerate(ACTS)), _I)

# What the act is about, most specific first.
OBJECTS: tuple[tuple[str, str], ...] = (
    ("outputs", r"\boutputs?\b|\bresults?\s+generated\b|\bgenerated\s+(?:content|material)"),
    (
        "pre_existing",
        r"\bpre-?existing\b|\bbackground\b|\bexisting\s+(?:materials|IP|intellectual)|"
        r"\b(?:tools|templates|methods|know-how|libraries)\b",
    ),
    ("confidential_information", r"\bconfidential\s+information\b"),
    ("data", r"\bdata\b|\binputs?\b"),
    (
        "deliverables",
        r"\bdeliverables?\b|\bwork\s+product\b|\bworks?\b|\bdesigns?\b|\bdrawings?\b|\breports?\b|"
        r"\bsoftware\b|\bmaterials\b|\bcontributions?\b|\binventions?\b|\beverything\s+I\b|"
        r"\bcontent\b|\bartwork\b|\bcode\b",
    ),
    (
        "ip",
        r"\bintellectual\s+property\b|\bcopyrights?\b|\bIPRs?\b|\bpatents?\b|\bright,?\s+title\b|"
        r"\bownership\b|\btrade\s?marks?\b|\bmarks\b",
    ),
    ("services", r"\bservices\b"),
)
_GENERAL_OBJECTS = ("ip", "services")  # named only when nothing more specific is
_SPECIFIC_RX = re.compile(
    "|".join(f"(?P<o{i}>{pattern})" for i, (name, pattern) in enumerate(OBJECTS) if name not in _GENERAL_OBJECTS), _I
)
_GENERAL_RX = re.compile(
    "|".join(f"(?P<o{i}>{pattern})" for i, (name, pattern) in enumerate(OBJECTS) if name in _GENERAL_OBJECTS), _I
)

# The scope words of a grant (the JSON's ``qualifiers``).
# (qualifier, pattern, literals): each match holds one of the lower-case literals (a cheap test first).
QUALIFIERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "perpetual",
        r"\bperpetual(?:ly)?\b|\bin\s+perpetuity\b|\bfor\s+the\s+(?:full|entire)\s+(?:term|duration)\s+of\s+"
        r"(?:the\s+)?copyright|\bsurviv(?:e|es|ing)\b[^.;]{0,80}?\bindefinitely\b",
        ("perpetu", "copyright", "indefinitely"),
    ),
    ("irrevocable", r"\birrevocabl[ey]\b", ("irrevocab",)),
    (
        "any_purpose",
        r"\bfor\s+any\s+(?:and\s+all\s+)?(?:lawful\s+|other\s+)?purposes?\b|\bwithout\s+(?:any\s+)?"
        r"(?:restriction|limitation)s?\b(?!\s*,)|\bunrestricted\b|\bin\s+any\s+manner\b|"
        r"\bas\s+it\s+sees\s+fit\b",
        ("purpose", "without", "unrestricted", "manner", "fit"),
    ),
    (
        "all_media",
        r"\ball\s+(?:forms\s+of\s+)?media\b|\bany\s+(?:and\s+all\s+)?(?:media|medium|format)\b",
        ("media", "medium", "format"),
    ),
    (
        "future_technologies",
        r"\b(?:now\s+)?known\s+or\s+(?:hereafter|later)|\bnow\s+or\s+hereafter\b|"
        r"\bfuture\s+technolog",
        ("known", "hereafter", "future"),
    ),
    (
        "derivative_works",
        r"\bderivative\s+works?\b|\badapt(?:ations?)?\b|\bmodif(?:y|ications?)\b",
        ("derivative", "adapt", "modif"),
    ),
    ("sublicensable", r"\bsub-?licens(?:e|able|eable|ing)\b|\bthrough\s+multiple\s+tiers\b", ("licens", "tiers")),
    ("worldwide", r"\bworld-?wide\b|\bthroughout\s+the\s+(?:world|universe)\b", ("world", "universe")),
    ("royalty_free", r"\broyalty[- ]free\b|\bfully[- ]paid\b|\bfree\s+of\s+charge\b", ("royalty", "paid", "charge")),
    ("exclusive", r"(?<!non-)(?<!non)\bexclusive\b", ("exclusive",)),
)
_QUALIFIERS = tuple((name, re.compile(pattern, _I), needs) for name, pattern, needs in QUALIFIERS)
# Before the act: words that deny it ("shall not assign", "No licence is granted", "Nothing in this
# Agreement grants").
NEGATIONS = (
    r"\b(?:shall|will|may|must|does|do|is|are|can)\s+not\b|\bcannot\b|\bnever\b|\bneither\b|\bnor\b|"
    r"\bno\s+(?:\w+\s+){0,2}(?:licen[cs]es?|rights?|title|interest|ownership)\b|"
    r"\bnothing\s+(?:in|contained|herein)\b"
)
_NEGATION = re.compile(NEGATIONS, _I)
_NEGATING_WORDS = ("not", "never", "neither", "nor", "no ", "nothing")  # in every match of NEGATIONS
_NO_FIRST = re.compile(r"\W*(?:no|nothing)\b", _I)  # a sentence that opens with "No" / "Nothing"
_CLAUSE_BREAK = re.compile(r"[,;:(]")
# A span from one of these to the end of the sentence is an exception or condition, not a grant:
# "… except to the extent the claim arises from any adaptation made by the Buyer".
EXCEPTIONS = (
    r"\bexcept\b|\bexcluding\b|\bother\s+than\b|\bunless\b|\bprovided\s+that\b|\bnot\s+(?:apply|cover)\b|"
    r"\b(?:aris\w+|result\w*)\s+(?:out\s+of|from)\b|\bcaused\s+by\b|\bto\s+the\s+extent\s+that\s+the\s+"
    r"claim"
)
_EXCEPTION = re.compile(EXCEPTIONS, _I)
# Not operative: definitions (quoted or not: '"Grantee" shall mean', '1.62 Regulatory Approval means',
# 'The term "Background IP" shall mean'), recitals and a table of contents.
_DEFINITION = re.compile(
    r"\W{0,3}(?:[\w.()]{1,8}\s+)?(?:the\s+terms?\s+)?(?:[\"“][^\"”]{1,60}[\"”]|"
    r"(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}))\s*,?\s+(?:means|shall\s+mean|will\s+mean|has\s+the\s+"
    r"meaning|shall\s+have\s+the\s+meaning|includes|refers\s+to)\b",
    _I,
)
DEFINITION_AT = _DEFINITION  # (classify: where the definition that opens a paragraph ends)
_RECITAL = re.compile(
    r"\W*(?:\(?[A-Z]\)\s+|[A-Z][.)]\s+)?(?:WHEREAS|Whereas\b|RECITALS?\b|BACKGROUND\b|TABLE\s+OF\s+"
    r"CONTENTS\b)",
    0,
)
# Not operative either: a drafting note or guidance to the person filling in the form, not a term of the
# contract ("[Drafting note: …]", "Note to draft:", "[NTD: …]", "Guidance:", "Instructions for use", a
# bracketed "[Option 1 is for …]" or "[Select …]" / "[Delete …]" instruction). What it says ("the provider
# cannot train …") describes the form's choices; the choices themselves are read where they are written.
_NOTE = re.compile(
    r"\W{0,3}(?:\[\s*)?(?:drafting\s+notes?|notes?\s+to\s+(?:draft(?:er|sman)?s?|the\s+drafter|users?)|"
    r"NTD|explanatory\s+notes?|guidance(?:\s+notes?)?|instructions?(?:\s+for\s+(?:use|completion))?|"
    r"user\s+notes?|practice\s+notes?|comment)\s*(?::|[-–—]\s)|\W{0,3}\[\s*(?:note\s*[:.\-–—]|option\s+\w+\s+"
    r"(?:is|should|applies|may|can)\b|(?:select|delete|insert|choose|complete|tick|check|use\s+this|"
    r"include\s+this|remove|specify)\b)",
    _I,
)
_NOTE_START = ("[", "drafting", "note", "ntd", "explanatory", "guidance", "instruction", "user", "practice", "comment")


def drafting_note(text: str) -> bool:
    """The paragraph is a drafting note, guidance or an instruction to whoever completes the form."""
    head = text.lstrip(" \t*•-–(")[:12].lower()
    return head.startswith(_NOTE_START) and _NOTE.match(text) is not None


# Acts by which rights reach their beneficiary (the ones a grant's qualifiers belong to).
GRANTING = frozenset({"assigns", "vests", "owns", "licenses", "permits"})
# Further assurance: signing papers to perfect a transfer made elsewhere.
FURTHER_ASSURANCE = re.compile(
    r"\bexecute\b[^.;]{0,80}?\b(?:documents?|instruments?|assignments?|deeds?|papers)\b|"
    r"\bdo\s+all\s+(?:such\s+)?(?:acts|things)\b|\bfurther\s+assurances?\b|"
    r"\bperfect\s+(?:the|its|their|such)\b",
    _I,
)
# A party's own materials: "the Buyer's own customer data", "its own data".
OWN = r"(?:'s|’s)\s+own\b|(?:'s|’s)\s+(?:Data|Confidential|Personal|Customer|Inputs?)\b"


class Roles(Protocol):
    """Who a word in a sentence names: the classifier's parties (or the parties model) behind a
    small interface. Each method answers a role of the document's words: ``creator`` /
    ``client`` / ``both`` or None."""

    def before(self, text: str, start: int, end: int) -> str | None: ...

    def after(self, text: str, start: int, end: int) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Reading:
    act: str | None
    actor: str
    beneficiary: str
    object: str | None
    qualifiers: tuple[str, ...]
    negated: bool
    operative: bool
    act_start: int = -1  # offset of the act's verb in the text, or -1


class _NoRoles:
    def before(self, text: str, start: int, end: int) -> str | None:
        return None

    def after(self, text: str, start: int, end: int) -> str | None:
        return None


_DEFINING_WORDS = ("mean", "include", "refers")  # one of them is in every definition's first words
_RECITAL_WORDS = ("whereas", "recital", "background", "table of contents")


def operative(text: str, start: int = 0) -> bool:
    """The sentence from ``start`` is not a definition, a recital, a table of contents, nor part of a
    drafting note (:func:`drafting_note`, judged on the whole paragraph ``text``)."""
    if drafting_note(text):
        return False
    head = text[start : start + 160].lower()
    if any(map(head.__contains__, _DEFINING_WORDS)) and _DEFINITION.match(text, start):
        return False
    return not (any(w in head[:40] for w in _RECITAL_WORDS) and _RECITAL.match(text, start))


def _row(m: re.Match[str]) -> int:
    """The table row of a match of one of the joined tables (its group is named ``a<row>`` / ``o<row>``)."""
    assert m.lastgroup is not None  # every alternative is a named group
    return int(m.lastgroup[1:])


def act_of(text: str, start: int = 0, end: int | None = None) -> tuple[str | None, re.Match[str] | None, str]:
    """The first act named in ``text[start:end]``: (act, its match, voice)."""
    m = fast.search(_ACT_RX, text, fast.lowered(text), start, len(text) if end is None else end)
    if m is None:
        return None, None, "subject"
    act, _, voice = ACTS[_row(m)]
    return act, m, voice


def object_of(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The first thing named in ``text[start:end]`` ("all rights in the Input" -> data), the
    general ones (rights, services) only when nothing more specific is named."""
    end = len(text) if end is None else end
    low = fast.lowered(text)
    m = fast.search(_SPECIFIC_RX, text, low, start, end) or fast.search(_GENERAL_RX, text, low, start, end)
    return OBJECTS[_row(m)][0] if m else None


def qualifiers_of(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    end = len(text) if end is None else end
    low = text[start:end].lower()
    return tuple(
        name
        for name, rx, needs in _QUALIFIERS
        if any(map(low.__contains__, needs)) and fast.holds(rx, text, start, end)
    )


def negated(text: str, start: int, at: int) -> bool:
    """The act at ``at`` is denied: the sentence (from ``start``) opens with "No" / "Nothing", or a
    negation stands in the same clause before it (after the last comma: "Provided the Buyer does not
    breach, the Supplier grants" grants)."""
    if _NO_FIRST.match(text, start):
        return True
    low = text[start:at].lower()
    if not any(map(low.__contains__, _NEGATING_WORDS)):
        return False
    clause = start
    for m in _CLAUSE_BREAK.finditer(text, start, at):
        clause = m.end()
    return fast.holds(_NEGATION, text, clause, at)


def in_exception(text: str, start: int, at: int) -> bool:
    """``at`` lies inside an exception or condition that opens earlier in its sentence."""
    return fast.holds(_EXCEPTION, text, start, at)


_EXCEPTION_WORDS = (
    "except",
    "excluding",
    "other than",
    "unless",
    "provided",
    "apply",
    "cover",
    "aris",
    "result",
    "caused",
    "the claim",
)  # in every match of EXCEPTIONS


def exceptions(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The exception and condition words of ``text[start:end]`` (for :func:`in_exception` over many points)."""
    low = text[start:end].lower()
    if not any(map(low.__contains__, _EXCEPTION_WORDS)):
        return []
    return list(_EXCEPTION.finditer(text, start, end))


def owns_object(text: str, start: int, end: int, names: str) -> bool:
    """The sentence's object is the named party's own material ("the Buyer's own data")."""
    return (
        bool(names)
        and re.search(rf"(?:{names}){OWN}|\b(?:its|their)\s+own\s+(?!expense|cost)", text[start:end]) is not None
    )


def read(
    text: str,
    roles: Roles | None = None,
    start: int = 0,
    end: int | None = None,
    act_hint: str | None = None,
    qualified: bool = True,
) -> Reading:
    """The reading of the sentence ``text[start:end]`` (its scope words only when ``qualified``)."""
    roles = roles or _NoRoles()
    end = len(text) if end is None else end
    act, m, voice = act_of(text, start, end)
    if act_hint is not None and act_hint != act:
        act = act_hint
    at = m.start() if m else start
    after = m.end() if m else start
    subject = roles.before(text, start, at)
    named_after = roles.after(text, after, end)
    if voice == "after" and m is not None:
        beneficiary = named_after or (OTHER_SIDE.get(subject) if subject else None)
        actor = subject if subject and subject != beneficiary else OTHER_SIDE.get(beneficiary or "")
    else:
        actor = subject or named_after
        beneficiary = subject if act in ("reserves", "owns", "permits") else OTHER_SIDE.get(actor or "")
    neg = negated(text, start, at) if m else False
    return Reading(
        act=act,
        actor=actor or UNKNOWN,
        beneficiary=beneficiary or UNKNOWN,
        object=object_of(text, after if m else start, end) or object_of(text, start, end),
        qualifiers=qualifiers_of(text, start, end) if qualified else (),
        negated=neg,
        operative=operative(text, start),
        act_start=at if m else -1,
    )


def read_sentence(sentence: str, roles: Roles | None = None) -> Reading:
    """The reading of one sentence on its own (no document): for tests and tools."""
    return read(sentence, roles)
