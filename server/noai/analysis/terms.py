"""The document's own defined terms: who is the client, who the provider, what the work is.

Works on :class:`~noai.ooxml.model.Paragraph` text only (no XML). Definitions are recognised in
the forms of DOMAIN.md §5.2:

- a definitions entry: ``"Client" means …`` / ``shall mean`` / ``has the meaning`` / ``includes``,
  with several aliases joined by "or" (``"You" or "Your" shall mean …``);
- a parenthetical after a name: ``ACME Ltd (the "Client")``, ``("Client")``,
  ``(hereinafter "Client")``, ``(hereinafter referred to as the "Client")``,
  ``(each a "Party" and together the "Parties")``, ``(collectively, the "Sample Code")``;
- ``…, hereinafter called CLIENT`` (no quotes);
- a two-column definition table: a cell holding a short term (quoted, or a party role such as
  "Customer") whose next cell holds its meaning or the party's legal name (``w:tc`` cells are
  consecutive paragraphs with ``in_table`` set).

Straight and smart quotes are accepted. Parties the document never defines but names throughout
(Common Paper's bare "Customer" and "Provider") are found from the role lexicons. Roles come
from the lexicons first and from context verbs second (who grants or assigns to whom, who
performs the Services, who pays). The regexes run over the document's text joined into one
string (:class:`~noai.analysis.joined.Joined`), or over the few paragraphs a cheap literal search
shows they can match in.
"""

from __future__ import annotations

import heapq
import os.path
import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from itertools import groupby
from typing import Any

from noai.analysis import fast
from noai.analysis import patterns as P
from noai.analysis.joined import Joined
from noai.ooxml.model import Paragraph

CLIENT, PROVIDER = "client", "provider"

# -- lexicons (DOMAIN.md §5.1) ------------------------------------------------------------

CLIENT_ROLES = frozenset(
    {
        "client",
        "customer",
        "company",
        "buyer",
        "licensee",
        "publisher",
        "agency",
        "commission",
        "authority",
        "purchaser",
        "employer",
        "government",
        "partner",
        "institution",
        "operator",
        "recipient of the services",
        "platform",
        "owner",
        "controller",
        "recipient",
        "receiving party",
        "data exporter",
        "principal",
        "commissioning party",
    }
)
PROVIDER_ROLES = frozenset(
    {
        "provider",
        "service provider",
        "supplier",
        "contractor",
        "consultant",
        "consultancy",
        "designer",
        "developer",
        "vendor",
        "creator",
        "licensor",
        "author",
        "contributor",
        "company contributor",
        "employee",
        "freelancer",
        "artist",
        "assignor",
        "rights holder",
        "rightsholder",
        "rights owner",
        "copyright owner",
        "content provider",
        "data provider",
        "studio",
        "agent",
        "processor",
        "seller",
        "discloser",
        "disclosing party",
        "data importer",
        "offeror",
        "photographer",
        "illustrator",
        "writer",
        "composer",
    }
)
# Plurals are found from the singular ("Contribution" used as "Contributions") and not listed.
WORK_NAMES = (
    "Deliverables",
    "Work Product",
    "Contribution",
    "Covered Inventions",
    "Work Made for Hire",
    "Work",
    "Inventions",
    "Materials",
    "Sample Code",
    "Script Software",
    "Software",
    "Results",
    "Content",
    "Artwork",
    "Designs",
    "Assets",
    "Submission",
    "Product",
    "Application",
    "Website",
    "Photographs",
    "Illustrations",
    "Manuscript",
    "Licensed Materials",
    "Licensed Software",
)
PROJECT_NAMES = ("Project", "Services", "Engagement", "Programme", "Program")
AGREEMENT_WORDS = (
    "Agreement",
    "Addendum",
    "Contract",
    "Terms",
    "License",
    "Licence",
    "CCLA",
    "CLA",
    "SOW",
    "Statement of Work",
    "Order Form",
    "EULA",
)

# -- patterns --------------------------------------------------------------------------------

_OPEN, _CLOSE = "\"“‘'", "\"”’'"
_Q = rf"[{_OPEN}]([^{_OPEN}{_CLOSE}\n]{{1,60}}?)\s*[{_CLOSE}]"
# "Client" means / "You" or "Your" shall mean / "Fees" has the meaning ..., also after the entry's typed number
# ("(a) ", "2. ", "1.1 ", "10.2.3 ")
_MEANS = re.compile(
    rf"\W{{0,3}}(?:(?:[\dA-Za-z]{{1,4}}[.)]|\d{{1,3}}(?:\.\d{{1,3}})+\.?)\s+)?((?:{_Q}(?:\s*(?:,|or|and)\s*)?)+)\s*(?:,\s*)?"
    r"(?:means|shall\s+mean|will\s+mean|has\s+the\s+meaning|have\s+the\s+meaning|"
    r"shall\s+have\s+the\s+meaning|will\s+have\s+the\s+meaning|includes|shall\s+include|refers\s+to)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(_Q)
# A sentence that names what it speaks of, at its end: 'All audio and video recordings … made under this Agreement are
# "the Recordings".', '… are together called the "Episodes";' — a definition of a thing, as a "means" entry is
_NAMED_AS = re.compile(
    r"\b(?:is|are)\s+(?:(?:together|collectively|each|hereinafter|hereafter)\s+)?"
    rf"(?:(?:called|referred\s+to\s+as|known\s+as|defined\s+as)\s+)?(?:the\s+)?{_Q}(?=\s*(?:[.;]|$))"
)
# (the "Client") / (hereinafter referred to as the "Client") / (each a "Party" and together the "Parties")
_INTRO = (
    r"(?:(?:the|this|each|a|an|individually|collectively|together|jointly|hereinafter|hereafter|"
    r"referred|to|as|called|known|being|henceforth|and|or|,)\s*)*"
)
_PAREN = re.compile(rf"\(\s*{_INTRO}((?:{_Q}\s*{_INTRO})+)\)", re.IGNORECASE)
# a thing named by an unquoted parenthesis after a common noun: "25 photographs (the Photographs)", "twelve images
# of the studio (hereinafter the Images)", "a 52-minute documentary (the Program)" (not "Acme Ltd (the Company)": a
# party, which parties.py reads; not "the Copyright Act 1968 (the Act)")
_BARE_PAREN = re.compile(
    r"\b(?:[a-z][a-z-]*|\d+)\s+\((?:hereinafter\s+(?:(?:called|referred\s+to\s+as|known\s+as)\s+)?)?the\s+"
    r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\)"
)
_BARE_PAREN_LITERALS = ("(the ", "(hereinafter the ", "(hereinafter called the ", "(hereinafter referred to as the ")
# , hereinafter called CLIENT
_CALLED = re.compile(
    r"\bhereinafter\s+(?:called|referred\s+to\s+as|known\s+as)\s+(?:the\s+)?"
    r"([A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*){0,3})"
)
_STATE_OF = re.compile(
    r"^(?:the\s+)?(?:(?:State|Commonwealth|Province|(?:Federal\s+)?Republic|Kingdom)\s+of\s+)?", re.IGNORECASE
)
_PLACEHOLDER = re.compile(r"[{}\[\]]")


def _alternation(names: Collection[str]) -> str:
    """A regex matching any of ``names``, the longest first, as a prefix tree
    (``A(?:gen(?:cy|t)|uthor(?:ity)?)``): the same matches as a flat alternation sorted longest
    first, but Python's re tries one branch a position instead of every name."""
    return _prefix_tree(sorted(set(names)))


def _prefix_tree(names: list[str]) -> str:
    """The tree of ``names`` (sorted, distinct): a branch a first character, each the longest
    common prefix of its names then the tree of their rests; optional when a name ends here."""
    branches: list[str] = []
    ends = False
    for first, grouped in groupby(names, key=lambda n: n[:1]):
        group = list(grouped)
        if not first:
            ends = True
        elif len(group) == 1:
            branches.append(re.escape(group[0]))
        else:
            common = os.path.commonprefix((group[0], group[-1]))  # noqa: RUF071 (characters, on purpose)
            branches.append(re.escape(common) + _prefix_tree([n[len(common) :] for n in group]))
    return f"(?:{'|'.join(branches)}){'?' if ends else ''}"


@dataclass(frozen=True, slots=True)
class Term:
    """A defined term: ``name`` as defined, ``surface`` as the body uses it ("the Client")."""

    name: str
    surface: str
    aliases: tuple[str, ...] = ()
    defined_at: int | None = None
    uses: int = 0


@dataclass(frozen=True, slots=True)
class DefinedTerms:
    client: Term | None = None
    provider: Term | None = None
    deliverables: Term | None = None
    project: Term | None = None
    agreement: Term | None = None
    jurisdiction: Term | None = None
    creator: str | None = None  # "provider" or "client": the side that creates the work
    all: dict[str, Term] = field(default_factory=dict)
    licence: str = "license"  # how the document spells the noun: "licence" (British) or "license"
    # what the creator already has and licenses beside the work it makes here (the "Platform" of a
    # platform licence whose "Customizations" are made and assigned); None when the work is all there is
    licensed: Term | None = None
    # read for a customer (``--we``): the other side's own product where it is an AI system that processes our
    # materials for us ("the Platform", "the Service"), whose service to us our covenant excepts; None otherwise
    service: Term | None = None

    def placeholders(self) -> dict[str, str]:
        """The clause library's placeholder values for the roles found (missing ones omitted); ``licence``
        where the document spells the noun the British way (the clauses then spell it so too)."""
        roles = ("client", "provider", "deliverables", "project", "agreement", "jurisdiction")
        found = {r: t.surface for r in roles if (t := getattr(self, r)) is not None}
        return found | ({"licence": self.licence} if self.licence == "licence" else {})

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        del d["licence"]  # a spelling, not a term: the plan's terms carry it
        del d["licensed"]  # the plan's Protected Materials name it (noai.audit/2 has no key for it)
        del d["service"]  # the plan's covenant names it (noai.audit/2 has no key for it)
        for value in d.values():
            if isinstance(value, dict) and "aliases" in value:
                value["aliases"] = list(value["aliases"])
        d["all"] = {k: {**v, "aliases": list(v["aliases"])} for k, v in d["all"].items()}
        return d


# -- finding definitions -----------------------------------------------------------------------


def _clean(name: str) -> str | None:
    name = " ".join(name.split()).strip(" ,.;:")
    if not name or _PLACEHOLDER.search(name) or len(name.split()) > 6 or not name[0].isalpha():
        return None
    return name


@dataclass(frozen=True, slots=True)
class _Definition:
    """One term defined in a paragraph: its aliases; for a ``means`` entry, the defined term its
    meaning starts with (``"you" shall mean the Company Contributor``) and whether the meaning
    is a class rather than one person (``"AI Vendor" means any person that …``)."""

    aliases: tuple[str, ...]
    refers_to: str | None = None
    generic: bool = False
    introduced: bool = False  # after a name, not a "means" entry: (the "Client"), hereinafter called, a table row
    thing: bool = False  # a "means" entry that describes a thing ("Tessellate's dispatch software"), not a person


_MEANING = re.compile(r"\s*(?:(the|any|all|each|every)\s+)?([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})?")

# The head of a definition's meaning (up to its first comma, clause or relative word): what the term *is*.
_HEAD = re.compile(
    r"[^,;:.()]{1,120}?(?=[,;:.()]|\s+(?:that|which|who|whom|whose|where|on|in|under|for|to|by|as|at|from|"
    r"provided|made|supplied|described|identified|set|listed|named|located|including|excluding)\b|$)"
)
# A thing a party owns, makes or uses (lower case: "Acme Software Ltd" is a name) ...
_THING_NOUNS = re.compile(
    r"\b(?:software|platforms?|applications?|apps?|systems?|services?|solutions?|products?|documentation|"
    r"materials?|code|data|databases?|datasets?|content|information|works?|tools?|templates?|technology|"
    r"know-how|deliverables?|reports?|integrations?|configurations?|customi[sz]ations?|websites?|sites?|"
    r"portals?|programs?|programmes?|modules?|interfaces?|APIs?|updates?|upgrades?|releases?|versions?|files?|"
    r"documents?|images?|photographs?|designs?|artwork|models?|inventions?|specifications?|equipment|hardware|"
    r"devices?|goods|assets?|property|trade\s?marks?|logos?|marketplace|network|infrastructure)\b"
)
# ... and a person ("the entity named in the Order Form", "Acme Ltd and its affiliates", "any user of")
_PERSON_NOUNS = re.compile(
    r"\b(?:persons?|people|entit(?:y|ies)|individuals?|compan(?:y|ies)|corporations?|part(?:y|ies)|"
    r"organi[sz]ations?|business(?:es)?|firms?|partnerships?|affiliates?|subsidiar(?:y|ies)|bod(?:y|ies)|users?|"
    r"owners?|operators?|employees?|contractors?|agents?|licensees?|licensors?|customers?|clients?|providers?|"
    r"suppliers?|vendors?|members?|he|she|Inc|Ltd|LLC|LLP|Limited|Corp|GmbH|plc|Pty)\b",
    re.IGNORECASE,
)
# "Tessellate's RouteWise software", "its documentation": a thing someone has
_POSSESSED_HEAD = re.compile(r"\s*(?:(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}['’]s?|its|their)\s")


def _describes_thing(meaning: str) -> bool:
    """Whether a definition's meaning describes a thing rather than a person: its head names a thing
    ("Tessellate's RouteWise dispatch software, …", "the online marketplace at …", "all code, tools …")
    or something a party has ("its platform"), and no person ("the entity named in …", "Acme Ltd")."""
    head = _HEAD.match(meaning)
    text = head.group() if head else meaning[:120]
    if _PERSON_NOUNS.search(text):
        return False
    return bool(_THING_NOUNS.search(text) or _POSSESSED_HEAD.match(meaning))


# what a party brings to the deal, in its material's definition: "the materials the Brand provides to the Agency",
# "data Customer uploads to the Service", "files supplied by the Client"
SUPPLIES = (
    r"(?:provides?|supplies|supply|uploads?|submits?|furnish(?:es)?|delivers?|makes?\s+available|sends?|gives?|"
    r"discloses?|transmits?|inputs?)"
)
SUPPLIED = (
    r"(?:provided|supplied|uploaded|submitted|furnished|delivered|made\s+available|sent|given|disclosed|"
    r"transmitted|input|owned|created|generated)"
)
# what a party makes in its product's definition: "the artwork the Agency creates", "the hosted platform Provider
# makes available", "software developed by the Supplier"
MAKES = (
    r"(?:creates?|makes?|develops?|produces?|prepares?|designs?|writes?|builds?|hosts?|operates?|provides?|"
    r"supplies|delivers?|makes?\s+available)"
)
MADE = (
    r"(?:created|made|developed|produced|prepared|designed|written|built|hosted|operated|provided|supplied|delivered)"
)


def says_of(text: str, words: Sequence[str], active: str, passive: str) -> bool:
    """Whether ``text`` says one of ``words`` (a party) does ``active`` ("the Brand provides") or has it done by it
    ("provided by the Brand")."""
    names = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if not names:
        return False
    party = rf"(?:the\s+)?(?:{names})"
    said = (
        rf"\b{party}\s+(?:shall\s+|will\s+|may\s+|has\s+|have\s+)?{active}\b|"
        rf"\b{passive}\s+(?:to\s+\w+\s+)?by\s+{party}\b"
    )
    return re.search(said, text, re.IGNORECASE) is not None


def body_start(p: Paragraph) -> int:
    """Where the body starts after a run-in title ("Machine Learning. Usage Data may ...")."""
    title = p.run_in_title
    if title and p.text.lstrip().startswith(title):
        return p.text.find(title) + len(title) + 1
    return 0


# a run-in title after the paragraph's own typed number: "1. Definitions. ", "Section 2 - Terms: "
_NUMBERED_TITLE = r"\s*(?:(?:Section|Clause|Article)\s+)?[\dA-Za-z]{1,4}(?:\.\d{1,3})*[.)]?\s+"


def _title_end(p: Paragraph) -> int:
    """Where the body starts after a run-in title, also when the paragraph's typed number comes first
    ("1. Definitions. “Licensed Corpus” means ..."): 0 when there is no run-in title."""
    start = body_start(p)
    title = p.run_in_title
    if start or not title:
        return start
    m = re.match(_NUMBERED_TITLE + re.escape(title) + r"\s*[.:\-–—]?", p.text)
    return m.end() if m else 0


def _definitions(p: Paragraph, quoted: bool) -> list[_Definition]:
    """The terms defined in one paragraph, each with its aliases (``quoted``: its text holds a quote)."""
    text = p.text
    found: list[_Definition] = []
    # a definitions entry, also after a run-in title ("No AI Use. “AI Vendor” means ...", "1. Definitions.
    # “Licensed Corpus” means ...")
    if quoted and (m := _MEANS.match(text) or ((start := _title_end(p)) and _MEANS.match(text, start))):
        meaning = _MEANING.match(text, m.end())
        assert meaning is not None  # _MEANING matches the empty string too
        found.append(
            _Definition(
                tuple(n for n in map(_clean, _QUOTED.findall(m.group(1))) if n),
                refers_to=meaning.group(2) if meaning.group(1) == "the" else None,
                generic=meaning.group(1) in ("any", "all", "each", "every"),
                thing=_describes_thing(text[m.end() :]),
            )
        )
    for m in _PAREN.finditer(text) if quoted and "(" in text else ():
        names = tuple(n for n in map(_clean, _QUOTED.findall(m.group(1))) if n)
        # ('data exporter'): a role word needs no capital
        if names and any(n[0].isupper() or _role_of(n) for n in names):
            if "each" in m.group(0).lower():  # (each a "Party" and together the "Parties"): two terms
                found.extend(_Definition((n,), introduced=True) for n in names)
            else:
                found.append(_Definition(names, introduced=True))
    for m in _NAMED_AS.finditer(text) if quoted else ():
        name = _clean(m.group(1).removeprefix("the ").removeprefix("The "))
        if name and name[0].isupper():
            found.append(_Definition((name,), thing=True))
    for m in _CALLED.finditer(text) if "hereinafter" in text else ():
        if name := _clean(m.group(1)):
            found.append(_Definition((name,), introduced=True))
    for m in _BARE_PAREN.finditer(text) if "(" in text else ():
        if (name := _clean(m.group(1))) and not _role_of(name):
            found.append(_Definition((name,), introduced=True))
    if not found:
        return found
    # ("SUPPLIER") is used as "Supplier" in the body: both spellings name the term
    return [
        replace(
            d,
            aliases=d.aliases
            + tuple(n.title() for n in d.aliases if n.isupper() and len(n) > 3 and n.title() not in d.aliases),
        )
        for d in found
        if d.aliases
    ]


def _party_named(d: _Definition, known: dict[str, str], things: Collection[str] = ()) -> str | None:
    """The party a ``means`` entry names as its meaning ("the Company Contributor that …"), if defined:
    not a term defined as a thing ("the Platform and all code …" names the "Platform" software)."""
    words = (d.refers_to or "").split()
    for n in range(len(words), 0, -1):
        main = known.get(" ".join(words[:n]).lower())
        if main and _role_of(main) and main not in things:
            return main
    return None


# Role words that name either side depending on the deal (a creative agency is a provider).
# A publisher commissions an author's book, or licenses its own catalogue; an owner commissions the
# work, or licenses what it owns: what the party does in the grant decides (_verb_scores).
_WEAK_ROLES = frozenset({"agency", "company", "partner", "operator", "owner", "studio", "agent", "publisher"})
# Roles a party takes in one clause, not in the deal: in a services or SaaS form "Discloser" and
# "Recipient" are whichever party shares information; only an NDA's parties are those roles.
POSITIONAL_ROLES = frozenset({"discloser", "disclosing party", "recipient", "receiving party"})


def _strong_role(name: str) -> str | None:
    """The side a role word of the lexicon surely names (not one of the words naming either side)."""
    return None if name.lower().removeprefix("the ") in _WEAK_ROLES else _role_of(name)


def _role_of(name: str) -> str | None:
    key = name.lower().removeprefix("the ").strip()
    if key in PROVIDER_ROLES:
        return PROVIDER
    if key in CLIENT_ROLES:
        return CLIENT
    return None


def _table_definition(cell: Paragraph, following: Paragraph | None) -> str | None:
    """A definition-table row: a cell with a quoted term or a party role, then its meaning."""
    if not cell.in_table or following is None or not following.in_table:
        return None
    text = cell.text.strip()
    if len(text) > 60 or not following.text.strip():
        return None
    if m := re.fullmatch(_Q, text):
        return _clean(m.group(1))
    bare = text.rstrip(":")
    return bare if _role_of(bare) and bare[0].isupper() else None


# -- counting uses -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Usage:
    uses: Counter[str] = field(default_factory=Counter)
    with_article: Counter[str] = field(default_factory=Counter)  # "the Client"
    with_this: Counter[str] = field(default_factory=Counter)  # "this Agreement"
    in_headings: Counter[str] = field(default_factory=Counter)  # "Services and Customizations": no article there


_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s+$")  # what :func:`_word_before` finds
_RUN = re.compile(r"[\w-]*")
_NO_LETTER = re.compile(r"[^A-Za-z]*")
_FUNCTION_WORDS = frozenset(
    {
        "the",
        "this",
        "that",
        "these",
        "those",
        "each",
        "every",
        "any",
        "all",
        "no",
        "such",
        "a",
        "an",
        "and",
        "or",
        "by",
        "to",
        "of",
        "for",
        "if",
        "when",
        "where",
        "neither",
        "either",
        "both",
        "its",
        "their",
        "our",
        "your",
        "with",
        "from",
        "in",
        "on",
        "at",
        "as",
        "upon",
        "between",
        "unless",
        "until",
        "after",
        "before",
        "while",
    }
)


_JOINING = frozenset(_OPEN + "_")  # with a letter or digit before it, a name continues a word or a quotation


def _in_compound(text: str, start: int) -> bool:
    """The word at ``start`` ends a longer capitalised name: "AI Vendor", "Protected Materials"."""
    word = _word_before(text, start)
    return word is not None and word[0].isupper() and word.lower() not in _FUNCTION_WORDS


def _word_before(text: str, start: int) -> str | None:
    """``_WORD_BEFORE.search(text, max(0, start - 30), start).group(1)`` (or None), read backwards
    from ``start``: the white space before it, the run of word characters and hyphens before that,
    from its first ASCII letter. (A search tries each of the 30 places; this reads a few characters.)"""
    before = text[max(0, start - 30) : start]
    rest = before.rstrip()
    if len(rest) == len(before):
        return None  # no white space before ``start``
    run = _RUN.match(rest[::-1]).end()  # type: ignore[union-attr]  # (it matches empty)
    word = rest[len(rest) - run :]
    word = word[_NO_LETTER.match(word).end() :]  # type: ignore[union-attr]
    return word or None


def _count_uses(
    joined: Joined, paragraphs: Sequence[Paragraph], names: set[str], undefined: frozenset[str] = frozenset()
) -> _Usage:
    """Count body uses of each name, longest first ("Service Provider" is no "Provider").

    A quoted occurrence is the definition itself, not a use, nor is a name that continues a word
    ("Subcontractor"). An ``undefined`` name (a lexicon word such as "Vendor") counts only in the
    document's own paragraphs, not in a paragraph that is a tracked insertion (a clause a redline
    proposes names the parties as the document does), and not where it ends a longer capitalised
    name ("AI Vendor").
    """
    if not names:
        return _Usage()
    # not inside quotes, but "Client's" is a use; "Customer Content" is another term. (The check of
    # the character before is made on each match: a look-behind first would make every search slow.)
    pattern = re.compile(rf"{_alternation(names)}(?![\w\"”]|['’](?!s\b)|\s+[A-Z][a-z])")
    text = joined.text
    uses, with_article, with_this, in_headings = [], [], [], []
    for m in pattern.finditer(text):
        start = m.start()
        if (c := text[start - 1]).isalnum() or c in _JOINING:
            continue
        name = m.group()
        if name in undefined and (paragraphs[joined.index(start)].mark == "inserted" or _in_compound(text, start)):
            continue
        uses.append(name)
        before = text[max(0, start - 5) : start].lower() if c == " " else ""  # "the ", "this ": a space before
        if before.endswith("the "):
            with_article.append(name)
        elif before.endswith(("this ", "these ")):
            with_this.append(name)
        elif _title(paragraphs[joined.index(start)]):  # a heading drops the article ("Services and Fees")
            in_headings.append(name)
    return _Usage(Counter(uses), Counter(with_article), Counter(with_this), Counter(in_headings))


def _title(p: Paragraph) -> bool:
    """A heading's title: a heading paragraph of a few words with no sentence punctuation at its end."""
    return p.is_heading and len(p.text) <= 80 and not p.text.rstrip().endswith((".", ";", ":", ","))


def _plural(name: str) -> str:
    """ "Contribution" is used as "Contributions"; names already plural stay as they are."""
    return name if name.endswith("s") or not name[-1:].isalpha() else name + ("S" if name.isupper() else "s")


def _surface(name: str, usage: _Usage) -> str:
    """How the body writes ``name``: "this Agreement", "the Client" or "Customer", by the uses outside headings
    (where a name stands without its article); by all of them where it is only in headings."""
    n = usage.uses[name] - usage.in_headings[name] or usage.uses[name]
    if usage.with_this[name] * 2 > n:
        return f"this {name}"
    if usage.with_article[name] * 2 > n:
        return f"the {name}"
    return name


# -- roles from context verbs ----------------------------------------------------------------

_CREATE_WORDS = ("perform", "provide", "deliver", "create", "develop", "design", "render", "write", "prepare")
_CREATE = rf"(?:{'|'.join(_CREATE_WORDS)})"
_CREATOR_VERBS = rf"(?:shall|will|must|agrees?\s+to)(?:,[^,.]{{1,60}},)?\s+(?:\w+\s+)?{_CREATE}\b"
# "The Studio shall pay", "Customer will, within 30 days, pay", "the Publisher pays the Author": the payer
_PAYER_VERBS = (
    r"(?:(?i:shall|will|must|agrees?\s+to)(?:,[^,.]{1,60},)?\s+(?:\w+\s+)?(?i:pay|reimburse|compensate)|"
    r"(?i:pays|reimburses|compensates))\b"
)
_NAME = r"(?:[Yy]ou|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})"
# "Juniper grants You", "Licensor grants to Licensee", "Microsoft, not the third party, licenses to
# you", "Employee hereby assigns, and agrees to assign, to Company": grantor and grantee.
_GRANT = re.compile(
    rf"(?<![\w{_OPEN}])({_NAME})(?:,[^,.]{{1,40}},)?\s+(?:hereby\s+)?(?:agrees?\s+to\s+)?"
    rf"(?:grants?\s+(?:to\s+)?|licenses\s+to\s+|assigns?\b[^.]{{0,60}}?\bto\s+)(?:the\s+)?({_NAME})\b"
)


def _party(name: str) -> str:
    """A grant's party as the document names it: "you" is "You", "The Provider" is "Provider"."""
    return "You" if name == "you" else name.removeprefix("The ")


_GRANTING = ("grant", "assign", "licenses to")  # what a paragraph needs for _GRANT to match in it


def _grants(joined: Joined, paragraphs: Sequence[Paragraph]) -> list[tuple[str, str, int]]:
    """(grantor, grantee, weight) of every grant or assignment; the first one weighs most."""
    pairs = [
        (_party(m.group(1)), _party(m.group(2)))
        for i in joined.holding(_GRANTING)
        for m in _GRANT.finditer(paragraphs[i].text)
        if not _is_agreement(m.group(1))
    ]  # "If this Agreement assigns ... to the Client": no grantor
    return [(g, r, 3 if i == 0 else 1) for i, (g, r) in enumerate(pairs) if g != r]


def _verb_scores(
    joined: Joined, paragraphs: Sequence[Paragraph], names: Sequence[str], grants: list[tuple[str, str, int]]
) -> dict[str, Counter[str]]:
    """For each party name: evidence for the provider side (creates, grants, assigns) and the
    client side (pays, receives the grant)."""
    scores: dict[str, Counter[str]] = {n: Counter() for n in names}
    for grantor, grantee, weight in grants:
        if grantor in scores and grantee in scores:
            # what a party does decides over a role word that names either side ("Publisher grants
            # Licensee a licence": the publisher licenses its own material): a grant to a party the
            # lexicon surely puts on the client side makes the grantor the provider, and the other way
            scores[grantor][PROVIDER] += weight * (2 if _strong_role(grantee) == CLIENT else 1)
            scores[grantee][CLIENT] += weight * (2 if _strong_role(grantor) == PROVIDER else 1)
    if not names:
        return scores
    subject = rf"({_alternation(names)})(?:\s+(?:hereby|also))?\s+"
    creator = re.compile(subject + _CREATOR_VERBS)
    payer = re.compile(subject + _PAYER_VERBS)
    for i in joined.holding(_CREATE_WORDS):
        for m in _subjects(creator, paragraphs[i].text):
            scores[m.group(1)][PROVIDER] += 1
            scores[m.group(1)]["creates"] += 1
    for p in paragraphs:
        low = p.text.lower()
        for m in _subjects(payer, p.text) if "pay" in low or "reimburse" in low or "compensate" in low else ():
            scores[m.group(1)][CLIENT] += 1
    return scores


def _subjects(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (a party name first) that no word character or quote precedes: what a
    look-behind ``(?<![\\w{_OPEN}])`` in front would find, checked on each match instead, as a pattern
    that starts with a look-behind has no fast scan for its first character."""
    pos = 0
    while m := pattern.search(text, pos):
        start = m.start()
        if start and ((c := text[start - 1]).isalnum() or c in _JOINING):
            pos = start + 1
        else:
            yield m
            pos = m.end()


# -- the whole pass ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """A term that names a party, with the evidence for its side: ``side`` is PROVIDER, CLIENT or
    None (the evidence is even), ``margin`` how far one side leads, ``strong`` whether a role word of
    the lexicon (Client, Licensor ...) names it, ``creates`` how often it is the subject of a verb of
    making (shall deliver, will design)."""

    term: Term
    side: str | None
    margin: int
    strong: bool
    creates: int
    introduced: bool


@dataclass(frozen=True, slots=True)
class Found:
    """A name the document gives something (itself, its work product): as written, the paragraph
    that shows it best, and how sure the reading is (0..1)."""

    text: str
    index: int | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the terms pass learns: the v1 terms, every party candidate, the self-reference
    and the work product (what :mod:`noai.analysis.parties` builds the parties from)."""

    terms: DefinedTerms
    candidates: tuple[Candidate, ...]
    self_reference: Found | None
    work_product: Found | None
    joined: Joined


def extract_terms(paragraphs: Sequence[Paragraph]) -> DefinedTerms:
    """Find the defined terms of a document and map the parties to client and provider."""
    return analyse_terms(paragraphs).terms


def analyse_terms(paragraphs: Sequence[Paragraph], chunks: str | None = None) -> Analysis:
    """The defined terms, the party candidates, the self-reference and the work product (``chunks``: the
    paragraphs' vocabulary, :attr:`~noai.analysis.fast.Gates.vocabulary`, where the caller has it: a word no
    paragraph holds is looked for there, not in them all)."""
    groups: dict[str, tuple[tuple[str, ...], int | None]] = {}  # main name -> (aliases, defined_at)
    known: dict[str, str] = {}  # every alias, case-folded -> its group
    classes: set[str] = set()  # terms defined as a class of persons ("any person that ..."), no party
    things: set[str] = set()  # terms defined as a thing ("Platform" means Tessellate's software), no party
    introduced: set[str] = set()  # terms defined after a name (the "Client"), not by a "means" entry
    joined = Joined([p.text for p in paragraphs], chunks)
    quoted = set(joined.holding(_OPEN))
    # _definitions finds nothing elsewhere
    defining = quoted.union(joined.holding(("hereinafter", "Hereinafter", *_BARE_PAREN_LITERALS)))
    for i in sorted(defining.union(i for i, p in enumerate(paragraphs) if p.in_table)):
        p = paragraphs[i]
        found = _definitions(p, i in quoted) if i in defining else []
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if table_term := _table_definition(p, following):
            found.append(_Definition((table_term,), introduced=True))
        for d in found:
            aliases = d.aliases
            main = next((known[a.lower()] for a in aliases if a.lower() in known), None) or _party_named(
                d, known, things
            )
            if main:
                # defined again ("CONTRACTOR" at the signature block), or "you" means the Company
                # Contributor: another spelling of it
                old, at = groups[main]
                groups[main] = (old + tuple(a for a in aliases if a not in old), at)
            else:
                groups[aliases[0]] = (aliases, p.index)
                if d.generic:
                    classes.add(aliases[0])
                if d.thing:
                    things.add(aliases[0])
                if d.introduced:
                    introduced.add(aliases[0])
            known.update((a.lower(), main or aliases[0]) for a in aliases)

    # Parties and works the document names without defining them: Common Paper's bare
    # "Customer", a licensor named only in its grant ("SAP grants You a ... license").
    grants = _grants(joined, paragraphs)
    vocabulary = {name for aliases, _ in groups.values() for name in aliases}
    undefined = {w.title() for w in CLIENT_ROLES | PROVIDER_ROLES} | set(WORK_NAMES) | set(PROJECT_NAMES)
    undefined |= {"You", "Service Provider"} | {n for g in grants for n in g[:2]}
    undefined = {n for n in undefined if n.lower() not in known}
    counted = vocabulary | undefined | {_plural(n) for n in vocabulary}
    usage = _count_uses(joined, paragraphs, counted, frozenset(undefined))
    labelled = _work_labels(paragraphs, undefined)
    for name in sorted(undefined):
        if usage.uses[name] >= 3 or name in labelled:
            groups[name] = ((name,), None)

    terms: dict[str, Term] = {}
    for main, (aliases, defined_at) in groups.items():
        spellings = aliases + tuple(pl for a in aliases if usage.uses[pl := _plural(a)] and pl not in aliases)
        # the spelling the body uses most; "you" (meaning the Company Contributor) names no clause
        best = max(spellings, key=lambda a: (a[0].isupper(), usage.uses[a]))
        terms[main] = Term(
            name=main,
            surface=_surface(best, usage),
            aliases=spellings[1:],
            defined_at=defined_at,
            uses=sum(usage.uses[a] for a in spellings),
        )
    candidates = _candidates(
        joined, paragraphs, [t for t in terms.values() if t.name not in classes | things], grants, introduced
    )
    client, provider, creator = _parties(candidates)
    party_words = {n.lower() for c in candidates for n in (c.term.name, *c.term.aliases)}
    self_reference, agreement = _self_reference(joined, paragraphs, terms, introduced)
    work_product, deliverables, licensed = _work_product(joined, paragraphs, terms, party_words)
    defined = DefinedTerms(
        client=client,
        provider=provider,
        creator=creator,
        deliverables=deliverables,
        licensed=licensed,
        project=_pick(terms, PROJECT_NAMES),
        agreement=agreement,
        jurisdiction=_jurisdiction(joined, paragraphs),
        all={t.name: t for t in terms.values() if t.defined_at is not None},
        licence=_licence_spelling(paragraphs),
    )
    return Analysis(defined, tuple(candidates), self_reference, work_product, joined)


# A key-terms row that names the rights in a work: "Rights in Deliverables", "Ownership of Work Product",
# "Licence to the Designs", "Intellectual Property in the Application".
_WORK_LABEL = re.compile(
    r"\s*(?:(?:Rights?|Title|Interest|Intellectual\s+Property(?:\s+Rights)?|IP(?:\s+Rights)?|Copyright)\s+in|"
    r"(?:Ownership|Owner|Licen[cs]e|Use|Assignment)\s+(?:of|to|in)|Who\s+owns)\s+(?:the\s+|all\s+)?"
    r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*[:?]?\s*",
    re.IGNORECASE,
)


def _work_labels(paragraphs: Sequence[Paragraph], names: Collection[str]) -> set[str]:
    """The work names of ``names`` that a cover page's or key-terms table's row label names the rights in
    ("Rights in Deliverables" | "all Deliverables will be provided as …"): a term of the document however
    few times its body uses it."""
    works = set(WORK_NAMES) & set(names)
    found = set()
    for i, p in enumerate(paragraphs):
        if not p.in_table or i + 1 >= len(paragraphs) or not paragraphs[i + 1].in_table:
            continue
        m = _WORK_LABEL.fullmatch(p.text)
        name = m.group("name") if m else None
        if name in works and name in paragraphs[i + 1].text:  # the row's value speaks of it
            found.add(name)
    return found


_LICENCE = re.compile(r"\blicen([cs])es?\b", re.IGNORECASE)


def _licence_spelling(paragraphs: Sequence[Paragraph]) -> str:
    """ "licence" where the document writes "licence(s)" more often than "license(s)" (British: the noun
    is "licence", the verb "license"), else "license"."""
    british = american = 0
    for p in paragraphs:
        if "icen" in p.text:
            for m in _LICENCE.finditer(p.text):
                if m.group(1).lower() == "c":
                    british += 1
                else:
                    american += 1
    return "licence" if british > american else "license"


def _candidates(
    joined: Joined,
    paragraphs: Sequence[Paragraph],
    terms: Sequence[Term],
    grants: list[tuple[str, str, int]],
    introduced: set[str],
) -> list[Candidate]:
    """Every term that names a party, scored by lexicon and by context verbs."""
    candidates = [t for t in terms if t.uses or t.defined_at is not None]
    names = [n for t in candidates for n in (t.name, *t.aliases)]
    verbs = _verb_scores(joined, paragraphs, names, grants)
    granting = {n for g in grants for n in g[:2]}
    out = []
    for t in candidates:
        spellings = (t.name, *t.aliases)
        score: Counter[str] = Counter()
        strong = False
        for n in spellings:
            if role := _role_of(n):
                weak = n.lower().removeprefix("the ") in _WEAK_ROLES
                # a role word naming either side ("the Studio" commissions art or makes it) yields to what the
                # party does: it counts unless the party's acts (pays, makes, grants, is granted) lean the other way
                against = verbs[n][CLIENT if role == PROVIDER else PROVIDER] > verbs[n][role]
                score[role] += (0 if against else 3) if weak else 100
                strong = strong or not weak
            score.update(verbs[n])
        acts = score[CLIENT] + score[PROVIDER]
        is_party = (
            any(_role_of(n) or n in granting for n in spellings)
            or (t.defined_at is not None and _looks_like_party(t, paragraphs))
            # NRU (hereinafter "NRU") shall provide the Services: introduced and acting
            or (t.name in introduced and acts >= 2 and not _is_agreement(t.name) and _work_tier(t.name) == 0)
            # "made between the Aldous Institute (the "Institute") and …": named as a party of the agreement
            or (
                t.name in introduced
                and _between(t, paragraphs)
                and not _is_agreement(t.name)
                and _work_tier(t.name) == 0
            )
        )
        if not is_party or (t.name not in introduced and _possessed_thing(joined.text, spellings, verbs)):
            continue
        side = None if score[CLIENT] == score[PROVIDER] else CLIENT if score[CLIENT] > score[PROVIDER] else PROVIDER
        out.append(
            Candidate(t, side, abs(score[CLIENT] - score[PROVIDER]), strong, score["creates"], t.name in introduced)
        )
    # A role word naming either side, its evidence even ("Publisher grants Veridian ..." where Veridian is no
    # role word), beside parties all on one side: the grantor of a licence to them is the other side.
    sides = {c.side for c in out if c.side}
    if len(sides) == 1 and (even := [i for i, c in enumerate(out) if c.side is None and c.term.name in granting]):
        other = PROVIDER if sides == {CLIENT} else CLIENT
        for i in even if len(even) == 1 else ():
            spelled = {out[i].term.name, *out[i].term.aliases}
            granted = [g for g in grants if (g[0] if other == PROVIDER else g[1]) in spelled]
            if granted:
                out[i] = replace(out[i], side=other, margin=1)
    # "Discloser" / "Recipient" are the parties only when the deal has no other roles (an NDA)
    positional = [c for c in out if _positional(c.term)]
    if positional and len(positional) < len(out):
        out = [c for c in out if not _positional(c.term)]
    # a weak role word used in passing ("the company you work for") is no party when defined or
    # role-named parties already stand on both sides
    firm = {
        c.side
        for c in out
        if c.side
        and (c.strong or c.term.defined_at is not None or any(n in granting for n in (c.term.name, *c.term.aliases)))
    }
    if firm == {CLIENT, PROVIDER}:
        out = [
            c
            for c in out
            if c.strong
            or c.term.defined_at is not None
            or c.introduced
            or any(n in granting for n in (c.term.name, *c.term.aliases))
        ]
    return out


def _possessed_thing(text: str, spellings: Sequence[str], verbs: dict[str, Counter[str]]) -> bool:
    """A role word ("Platform") the body writes as something a party has ("Tessellate's Platform", "the
    Supplier's Platform") and never as one that grants, makes or pays: a thing, not a party."""
    if any(verbs[n][CLIENT] or verbs[n][PROVIDER] for n in spellings):
        return False
    return any(re.search(rf"[A-Za-z]['’]s\s+{re.escape(n)}(?![\w-])", text) for n in spellings if f"s {n}" in text)


# the paragraph that makes the agreement between its parties: "This agreement is made between A (the "X") and B"
_BETWEEN = re.compile(r"\b(?:between|among|amongst)\b[^.;]{3,}?\band\b", re.IGNORECASE)
_PREAMBLE_PARAGRAPHS = 40


def _between(term: Term, paragraphs: Sequence[Paragraph]) -> bool:
    """Whether ``term`` is introduced in the paragraph that names the parties of the agreement,
    after "between" and before the last "and" ("between A (the "X") and B (the "Y")")."""
    at = term.defined_at
    if at is None or at >= _PREAMBLE_PARAGRAPHS:
        return False
    text = paragraphs[at].text
    m = _BETWEEN.search(text)
    return m is not None and m.start() < text.find(term.name)


def _positional(term: Term) -> bool:
    return all(n.lower() in POSITIONAL_ROLES for n in (term.name, *term.aliases))


def _parties(candidates: Sequence[Candidate]) -> tuple[Term | None, Term | None, str | None]:
    """One party a side: the candidate whose side leads most (then the most used)."""
    best: dict[str, tuple[tuple[float, int], Term]] = {}
    creates: Counter[str] = Counter()
    for c in candidates:
        if c.side is None:
            continue
        key = (c.margin, c.term.uses)
        if c.side not in best or key > best[c.side][0]:
            best[c.side] = (key, c.term)
        creates[c.side] += c.creates
    client, provider = (best[s][1] if s in best else None for s in (CLIENT, PROVIDER))
    if client is None and provider is None:
        return None, None, None
    creator = CLIENT if provider is None and creates[CLIENT] >= 2 else PROVIDER
    return client, provider, creator


def _looks_like_party(term: Term, paragraphs: Sequence[Paragraph]) -> bool:
    """A term defined in a parenthetical after a legal name: ``Microsoft Corporation ("Microsoft")``."""
    text = paragraphs[term.defined_at].text if term.defined_at is not None else ""
    pos = text.find(term.name)
    before = text[max(0, pos - 80) : pos]
    return bool(
        re.search(
            r"(?:Inc|Corporation|Corp|Ltd|Limited|LLC|GmbH|AG|plc|S\.A|Networks|"
            r"branch|located|incorporated|company|organi[sz]ed)\b[^()]*\(\s*(?:the\s+)?[\"“‘']?$",
            before,
        )
    )


def _pick(terms: dict[str, Term], preferred: Sequence[str]) -> Term | None:
    for name in map(str.lower, preferred):
        for t in terms.values():
            if name in {a.lower() for a in (t.name, *t.aliases)} and (t.uses or t.defined_at is not None):
                return t
    return None


def _is_agreement(name: str) -> bool:
    return any(name == w or name.endswith(" " + w) for w in AGREEMENT_WORDS)


# -- the agreement's name for itself ---------------------------------------------------------

# What a document calls itself: "this Agreement", "this agreement", "the Contract", "this SOW",
# "these Clauses", "this RFQ". Parts of a document ("this Section", "this Schedule", "this Cover
# Page") and durations ("the Term") are not the document.
SELF_HEADS = (
    "Agreement",
    "Contract",
    "Addendum",
    "Amendment",
    "SOW",
    "Statement of Work",
    "Order Form",
    "Order",
    "Terms",
    "Terms and Conditions",
    "Conditions",
    "License",
    "Licence",
    "EULA",
    "NDA",
    "CLA",
    "CCLA",
    "Deed",
    "Clauses",
    "Undertaking",
    "Memorandum",
    "MOU",
    "PWS",
    "RFQ",
    "RFP",
    "RFx",
    "Solicitation",
    "Charter",
    "Letter",
    "Proposal",
    "Quote",
    "Quotation",
    "Task Order",
    "Purchase Order",
    "Email",
    "E-mail",
)
_LOWER_HEADS = (
    "agreement",
    "contract",
    "addendum",
    "amendment",
    "licence",
    "license",
    "deed",
    "order",
    "terms",
    "undertaking",
    "letter",
    "proposal",
    "quote",
    "task order",
    "purchase order",
    "statement of work",
    "email",
    "e-mail",
)
_SELF_NAME = re.compile(
    rf"(?:[A-Z][\w&-]*\s+){{0,4}}?(?:{_alternation(SELF_HEADS)}|{_alternation(_LOWER_HEADS)})"
    r"(?![\w-]|\s+[A-Z][a-z])"
)
_THIS = ("this ", "This ", "these ", "These ", "this\u00a0", "This\u00a0")
_NAME_ENDS = re.compile(r"(?![\w-]|\s+[A-Z][a-z])")  # "the Agreement", not "the Agreement Date"
_BARE = ("Agreement", "Contract", "Order", "Terms")  # "the Agreement" of a cover page that makes one


def _after(text: str, words: Sequence[str], pattern: re.Pattern[str]) -> Iterator[tuple[str, re.Match[str]]]:
    """Each match of ``pattern`` right after one of ``words`` that starts a word (``str.find`` for
    the words: far faster than a regex that starts with them)."""
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            if (pos == 0 or not text[pos - 1].isalnum()) and (m := pattern.match(text, pos + len(word))):
                yield word, m
            pos = text.find(word, pos + 1)


# Words that make "This licence is granted by Tomas Reid (the "Composer")" a sentence introducing a party,
# not the document's title before its own definition ("This Services Agreement (the "Agreement")").
_PARTY_INTRO = re.compile(r"\b(?:is|are|was|be|made|entered|granted|given|executed|between|by|among|amongst|with)\b")


def _defines_itself(text: str, name: str) -> bool:
    """``This Services Agreement (the "Agreement")`` / ``"Contract" means this contract``; never the party
    a sentence about the document introduces: ``This agreement is made between Juniper Vale (the "Artist")``."""
    q = rf"[{_OPEN}]{re.escape(name)}[{_CLOSE}]"
    titled = re.search(rf"\b[Tt]h(?:is|ese)\s+((?:[\w-]+\s+){{0,6}})\(\s*{_INTRO}{q}", text)
    return bool(
        (titled and not _PARTY_INTRO.search(titled.group(1)))
        or re.search(rf"{q}\s*(?:means|shall\s+mean|refers\s+to)\s+(?:this|these)\b", text, re.IGNORECASE)
    )


def _self_reference(
    joined: Joined, paragraphs: Sequence[Paragraph], terms: dict[str, Term], introduced: set[str]
) -> tuple[Found | None, Term | None]:
    """The document's name for itself, exactly as it most often writes it: "this Agreement" (the
    determiner as it reads mid-sentence), "the Contract" when the document defines the Contract as
    itself. A bare "the Agreement" counts only when no "this" form exists (a cover page naming
    the agreement it makes). Another document it names (a Statement of Work under a master
    agreement) is never "this" one."""
    this: Counter[str] = Counter()
    the: Counter[str] = Counter()
    first: dict[str, int] = {}
    itself = {
        t.name
        for t in terms.values()
        if t.defined_at is not None and _defines_itself(paragraphs[t.defined_at].text, t.name)
    }
    for word, m in _after(joined.text, _THIS, _SELF_NAME):
        if m.group().lower().endswith("mail") and joined.text.startswith((" address", " account"), m.end()):
            continue  # "this email address": no document
        key = f"{word.strip().lower()} {m.group()}"
        this[key] += 1
        first.setdefault(key, joined.index(m.start()))
    for name in itself | set(_BARE):
        for _, m in _after(joined.text, (f"the {name}", f"The {name}"), _NAME_ENDS):
            the[name] += 1
            first.setdefault(f"the {name}", joined.index(m.start()))
    for name in itself:  # "the Agreement" defined as this agreement reads as "this Agreement" does
        if the[name]:
            this[f"the {name}"] = the[name]
    if this:  # the most used; of two used as often, the one the document defines as itself (this "Licence")
        text, count = max(this.items(), key=lambda kv: (kv[1], kv[0].split(" ", 1)[1] in itself))
        total = sum(this.values())
        confidence = 0.5 if count < 2 else round(min(0.95, 0.55 + 0.4 * count / total), 2)
    else:
        bare = [(n, c) for n, c in the.items() if " " not in n and n in ("Agreement", "Contract", "Order", "Terms")]
        if not bare or max(c for _, c in bare) < 2:
            return None, None
        name, count = max(bare, key=lambda nc: nc[1])
        text, confidence = f"the {name}", 0.5
    found = Found(text, first[text], confidence)
    name = text.split(" ", 1)[1]
    term = terms.get(name)
    agreement = Term(
        name=name,
        surface=text,
        aliases=term.aliases if term else (),
        defined_at=term.defined_at if term else None,
        uses=count,
    )
    return found, agreement


# -- the work product ----------------------------------------------------------------------------

# Head words of a work product's name, by how surely they name what the creator makes.
_WORK_HEADS = {
    3: (
        "deliverable",
        "work product",
        "work made for hire",
        "work",
        "design",
        "application",
        "app",
        "software",
        "code",
        "contribution",
        "invention",
        "artwork",
        "asset",
        "result",
        "material",
        "website",
        "photograph",
        "photo",
        "image",
        "picture",
        "drawing",
        "illustration",
        "article",
        "video",
        "footage",
        "recording",
        "episode",
        "manuscript",
        "script",
        "creative",
        "submission",
        "content",
        "commissioned work",
        "corpus",
        "corpora",
        "dataset",
        "data set",
        "database",
    ),
    2: ("data", "product", "service", "element", "platform", "program", "programme", "solution", "system"),
    1: ("confidential information",),
}
_NOT_THE_WORK = re.compile(
    r"^(?:pre-?existing|preexisting|third[- ]party|excluded|prior|background|existing|"
    r"open[- ]source|other|additional|personal|usage|customer|client|buyer|user|"
    r"generative|training|input|output|feedback|documentation|subscription|support)\b",
    re.IGNORECASE,
)
_IP_CONTEXT = re.compile(
    r"\b(?:own(?:s|ed|ership)?|assign\w*|licen[cs]\w*|title|intellectual\s+property|"
    r"copyright|deliver\w*|grant\w*|property\s+of|vest\w*|made\s+for\s+hire)\b",
    re.IGNORECASE,
)


# The creator's duty to make or hand over a thing, then its definition: "supply 40 edited images (the "Images")".
_MADE_VERBS = (
    r"\b(?:deliver|suppl(?:y|ies|ied)|creat|produc|develop|writ|wrote|photograph|draw|design|prepar|mak|shoot|"
    r"film|compos|record|paint|translat)\w*\b[^.;:()]{0,80}\(\s*(?:the\s+)?[\"“']"
)


# A sentence naming what is made under the agreement: 'The sound recordings of the Musician's performances made under
# this agreement are called the "Masters".'
_MADE_UNDER = (
    r"\b(?:made|created|recorded|produced|written|taken|filmed|developed|delivered)\b[^.;:()]{0,60}?\b(?:under|for|in\s+"
    r"the\s+course\s+of)\s+this\s+\w+\s+(?:is|are)\s+(?:(?:together|collectively|each|hereinafter|hereafter)\s+)?"
    r"(?:(?:called|referred\s+to\s+as|known\s+as|defined\s+as)\s+)?(?:the\s+)?[\"“'](?:the\s+)?"
)


# A definition of what a party makes for the other: "“Customizations” means the reports … that Tessellate
# develops for Customer", "… which the Studio creates under this Agreement".
_MADE_FOR = re.compile(
    r"\b(?:that|which)\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?\s+(?:(?:shall|will|may)\s+)?"
    r"(?:develop|creat|build|design|writ|produc|mak|prepar|deliver|draw|photograph|compos|translat)e?s?\b"
    r"[^.;]{0,40}?\b(?:for|under)\b"
)


# A person's persona, licensed for credits and promotion: 'the right to use Performer's name, approved photographs,
# voice and approved biography ("Likeness")' — the person's name with their voice, likeness, image or life story
_PERSONA_ITEMS = r"(?:voices?|likeness(?:es)?|biograph\w*|photographs?|images?|signatures?|portraits?|life\s+stor\w+)"
_PERSONA = r"\bnames?\b(?:[^.;:()]{0,80}?\b" + _PERSONA_ITEMS + r"\b){1,4}[^.;:()]{0,40}?\(\s*(?:the\s+)?[\"“']"


def _persona(term: Term, paragraphs: Sequence[Paragraph]) -> bool:
    """``term`` is defined as a person's name with their voice, likeness, photographs or biography ("Performer's
    name, approved photographs, voice and approved biography ("Likeness")"): the person, licensed, not the work."""
    if term.defined_at is None:
        return False
    text = paragraphs[term.defined_at].text
    return re.search(_PERSONA + re.escape(term.name) + "[\"”']", text, re.IGNORECASE) is not None


def _made_here(term: Term, paragraphs: Sequence[Paragraph]) -> bool:
    """``term`` is defined as the object of a duty to make or deliver: "will supply 40 images (the "Images")",
    or as what a party makes for the other: "“Customizations” means the reports that Tessellate develops for
    Customer"."""
    if term.defined_at is None or re.search(r"\binformation\b", term.name, re.IGNORECASE):
        return False
    if term.name.split()[-1] in AGREEMENT_WORDS or term.name in PROJECT_NAMES:
        return False
    text = paragraphs[term.defined_at].text
    if re.search(_MADE_VERBS + re.escape(term.name) + "[\"”']", text, re.IGNORECASE) is not None:
        return True
    if re.search(_MADE_UNDER + re.escape(term.name) + "[\"”']", text, re.IGNORECASE) is not None:
        return True
    means = _MEANS.match(text)
    return means is not None and term.name in means.group(1) and _MADE_FOR.search(text, means.end()) is not None


# What existed before the agreement: "… that Tessellate owned or developed before this Agreement or independently"
_BEFORE_HERE = re.compile(
    r"\b(?:owned|developed|created|existing|existed)\b[^.;]{0,40}?\b(?:before|prior\s+to)\b|\bindependently\b",
    re.IGNORECASE,
)
_OWNED_HEAD = re.compile(r"\s*(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}['’]s?\s")


# A sentence that licenses a thing ("grants Customer a non-exclusive licence … to use the Platform") or keeps it
# ("Brightline retains all right, title and interest in the Brightline Technology"), and transfers nothing
_LICENSES = re.compile(r"\bgrants?\b[^.;]{0,80}?\blicen[cs]e\b|\bretains?\b|\breserves?\b", re.IGNORECASE)
_TRANSFERS = re.compile(r"\b(?:assign|transfer)(?:s|ed)?\b|\bvests?\b|\bmade\s+for\s+hire\b", re.IGNORECASE)


def _assigned(paragraphs: Sequence[Paragraph], names: Collection[str]) -> bool:
    """Whether a sentence transfers one of ``names`` itself: "assigns to Customer all right … in that
    Customization", "assigns the Deliverables to", "the Designs shall vest in" (not "may assign the licence …
    to any distributor of the Film")."""
    stems = [n[:-1] if n.endswith("s") and not n.endswith("ss") else n for n in names]
    if not stems:
        return False
    name = "(?:" + "|".join(re.escape(n) for n in stems) + ")"
    of = r"(?:(?:the|all|each|any|such|that|every)\s+)?" + name
    moved = re.compile(
        rf"\b(?:assign|transfer)(?:s|ed)?\b(?:\s+to\s+(?:the\s+)?[A-Z]\w*)?\s+{of}|"
        rf"\b(?:assign|transfer|vest)(?:s|ed)?\b[^.;]{{0,120}}?\bin(?:\s+and\s+to)?\s+{of}|"
        rf"\b{name}\w*\s+(?:shall\s+|will\s+)?(?:vests?|(?:is|are|be)\s+(?:hereby\s+)?(?:assigned|transferred))\b"
    )
    return any(moved.search(p.text) for p in paragraphs if any(n in p.text for n in stems))


def _owned_things(paragraphs: Sequence[Paragraph], terms: dict[str, Term]) -> set[str]:
    """The terms for what a party already has: defined as a party's own ("“Platform” means Tessellate's
    RouteWise dispatch software"), named in the definition of what existed before the agreement ("“Tessellate
    Materials” means the Platform and all code … owned or developed before this Agreement"), or licensed or kept
    by a sentence that transfers nothing ("grants Customer a … license … to use the Licensed Software")."""
    owned: set[str] = set()
    names = [t.name for t in terms.values() if len(t.name) > 2]
    for p in paragraphs:
        if "licen" not in p.text and "retain" not in p.text and "reserve" not in p.text:
            continue
        for sentence in re.split(r"(?<=[.;])\s+", p.text):
            if _LICENSES.search(sentence) and not _TRANSFERS.search(sentence):
                owned.update(n for n in names if n in sentence and re.search(rf"\b{re.escape(n)}\b", sentence))
    for t in terms.values():
        if t.defined_at is None:
            continue
        text = paragraphs[t.defined_at].text
        means = _MEANS.match(text)
        if means is None or t.name not in means.group(1):
            continue
        meaning = text[means.end() :]
        if _OWNED_HEAD.match(meaning):
            owned.add(t.name)
        if _BEFORE_HERE.search(meaning):
            owned.update(
                other.name
                for other in terms.values()
                if other.name != t.name
                and other.name in meaning
                and re.search(rf"\b{re.escape(other.name)}\b", meaning)
            )
    return owned


def _work_tier(name: str) -> int:
    """How surely ``name`` names a work product (0: not at all): by its last words."""
    low = name.lower()
    for tier, heads in _WORK_HEADS.items():
        for head in heads:
            if low == head or low.endswith((" " + head, " " + head + "s")) or low in (head + "s", head + "es"):
                return tier
    return 0


def _work_product(
    joined: Joined, paragraphs: Sequence[Paragraph], terms: dict[str, Term], party_words: set[str]
) -> tuple[Found | None, Term | None, Term | None]:
    """The work product's own name (Deliverables, Work Product, Application, Designs ...), or none; and what
    the creator already has and licenses beside it, where the document makes a work too.

    Among the terms whose head word names a made thing and that are not someone else's materials
    (Customer Content, Pre-Existing Materials, the Supplier Software), the one most often in a
    sentence about ownership, licence or delivery; then the surer head word; then the most used. Where
    one is defined as made here ("the Customizations that Tessellate develops for Customer"), what a party
    already has ("the Platform" its pre-existing materials include) comes after it: that is the licensed thing.
    """
    scored = []
    made: set[str] = set()
    for t in terms.values():
        if _persona(t, paragraphs):
            continue
        here = _made_here(t, paragraphs)
        if here:
            made.add(t.name)
        tier = _work_tier(t.name) or (2 if here else 0)
        first = t.name.split()[0].lower()
        if first in ("ai", "generative", "ml") and tier > 1:  # the AI features beside the product itself
            tier -= 1
        if (
            not tier
            or (t.uses == 0 and t.defined_at is None)
            or _NOT_THE_WORK.match(t.name)
            or (first in party_words and " " in t.name)
            or t.name.lower() in party_words
        ):
            continue
        if t.defined_at is not None and t.name not in paragraphs[t.defined_at].original_text:
            # defined only in a tracked insertion (a redline's own clause): not the document's word (a
            # definition we inserted after it marks the document's own paragraph's mark as inserted)
            continue
        spellings = [n for n in (t.name, *t.aliases) if len(n) > 2]
        if t.name in made and t.name.endswith("s") and not t.name.endswith("ss"):  # "in that Customization"
            spellings.append(t.name[:-1])
        ip, earliest = _ip_uses(joined, paragraphs, spellings)
        scored.append(((ip, tier, t.uses), t, earliest))
    if not scored:
        return _rights_object(joined, paragraphs, terms, party_words)
    licensed = None
    if _assigned(paragraphs, made & {t.name for _, t, _ in scored}):  # a made work passes; what is licensed stays
        owned = _owned_things(paragraphs, terms) - made
        kept = [s for s in scored if s[1].name in owned]
        if kept and len(kept) < len(scored):
            licensed = max(kept, key=lambda s: s[0])[1]
            scored = [s for s in scored if s[1].name not in owned]
    (ip, tier, _), term, earliest = max(scored, key=lambda s: s[0])
    capped = ip
    if ip == 0 and tier < 3:
        return None, None, None
    confidence = round(min(0.95, 0.3 + 0.15 * tier + 0.1 * capped + (0.1 if term.defined_at is not None else 0)), 2)
    text = term.surface.split(" ", 1)[1] if term.surface.startswith(("the ", "this ")) else term.surface
    evidence = term.defined_at if term.defined_at is not None else earliest
    return Found(text, evidence, confidence), term, licensed


# What a copyright or a licence is in, just before the name: "retains the copyright in the ", "all intellectual
# property rights in and to the ", "a licence to reproduce and perform the "
_RIGHTS_IN = re.compile(
    r"(?:\bcopyright|\bintellectual\s+property(?:\s+rights)?)\s+(?:in|to|of)\s+(?:and\s+to\s+)?(?:the\s+|all\s+)?$|"
    r"\blicen[cs]e\s+to\s+(?:[a-z]+(?:,\s+|\s+and\s+|\s+or\s+))*[a-z]+\s+(?:the\s+|all\s+)?$",
    re.IGNORECASE,
)


def _rights_object(
    joined: Joined, paragraphs: Sequence[Paragraph], terms: dict[str, Term], party_words: set[str]
) -> tuple[Found | None, Term | None, Term | None]:
    """Where no term's head word names a work ("Score", "Masters", "Catalogue"): the defined term the document's
    copyright or licence is in ("Composer retains the copyright in the Score", "a licence to reproduce and perform
    the Score"), most often so; not a party, the agreement or someone else's materials. None where there is none."""
    best: tuple[int, int, Term] | None = None
    for t in terms.values():
        if t.defined_at is None or t.name.lower() in party_words or _NOT_THE_WORK.match(t.name):
            continue
        if t.name.split()[-1] in AGREEMENT_WORDS or _persona(t, paragraphs):
            continue
        name = re.compile(rf"\b{re.escape(t.name)}\b")
        covered = sum(
            1
            for i in joined.holders(t.name)
            for m in name.finditer(paragraphs[i].text)
            if _RIGHTS_IN.search(paragraphs[i].text, max(0, m.start() - 120), m.start())
        )
        if covered and (best is None or (covered, t.uses) > best[:2]):
            best = (covered, t.uses, t)
    if best is None:
        return None, None, None
    term = best[2]
    text = term.surface.split(" ", 1)[1] if term.surface.startswith(("the ", "this ")) else term.surface
    return Found(text, term.defined_at, 0.6), term, None


def _ip_uses(joined: Joined, paragraphs: Sequence[Paragraph], spellings: Sequence[str]) -> tuple[int, int | None]:
    """How many paragraphs holding one of ``spellings`` are about ownership, licence or delivery, counted up to
    three (enough to rank), and the first paragraph holding one (None: none does). The holders are read in order,
    each once, and only up to the third such paragraph: a frequent term's later paragraphs are never looked for."""
    ip, first, last = 0, None, -1
    for i in heapq.merge(*(joined.holders(n) for n in spellings)):
        if i == last:  # several spellings in one paragraph
            continue
        last = i
        if first is None:
            first = i
        if _IP_CONTEXT.search(paragraphs[i].text):
            ip += 1
            if ip == 3:
                break
    return ip, first


def _jurisdiction(joined: Joined, paragraphs: Sequence[Paragraph]) -> Term | None:
    """The place whose law the document chooses, read as its governing-law finding reads it
    (:data:`~noai.analysis.patterns.GOVERNING_LAW` in any word order, or a row under a "Governing
    Law" label): "governed by the laws of the State of Washington", "The laws of Ontario govern",
    "New York law will govern the Contract", "construed under English law" (the place: England).
    Failing that, "the laws of X" in a sentence that governs or construes ("will be governed
    exclusively by its terms and the laws of the State of Nevada"), never a party's incorporation
    ("organized and existing under the laws of Israel"). A law only mentioned ("in accordance with
    applicable law", "comply with the laws of any jurisdiction") chooses nothing; a placeholder ("the
    State of {governing_law}") names no place."""
    holders = joined.holding(("law", "Law", "LAW"))
    for i in holders:
        p = paragraphs[i]
        m = P.GOVERNING_LAW.search(p.text) if fast.holds(P.GOVERNING_LAW, p.text) else None
        label = m is None and _under_law_label(paragraphs, i)
        if label:  # "Governing Law" | "The laws of Scotland" (a cover-page row), not a statute's title
            m = P.LAW_ALONE.search(p.text)
        place = P.LAW_PLACE.search(p.text, m.start()) if m else None
        if place and (term := _law_term(p, place, adjective_only=label)):
            return term
    for i in holders:
        p = paragraphs[i]
        if not _CHOOSES.search(p.text):
            continue
        for place in P.LAW_PLACE.finditer(p.text):
            if place.group(1) is None:
                continue
            sentence = p.text[: place.start()]
            sentence = sentence[max(sentence.rfind(". "), sentence.rfind("; "), 0) :]
            if _CHOOSES.search(sentence) and not _INCORPORATED.search(sentence) and (term := _law_term(p, place)):
                return term
    return None


# a sentence that chooses the law it names: "… shall be governed exclusively by its terms and the laws of"
_CHOOSES = re.compile(r"\b(?:govern(?:ed|s)?|construed|interpreted|subject\s+to)\b", re.IGNORECASE)
# a party's incorporation: "a corporation organized and existing under the laws of"
_INCORPORATED = re.compile(
    r"\b(?:organi[sz]ed|existing|incorporated|formed|registered|established|chartered)\b[^.;]{0,40}$", re.IGNORECASE
)


def _law_term(p: Paragraph, place: re.Match[str], adjective_only: bool = False) -> Term | None:
    """The jurisdiction a :data:`~noai.analysis.patterns.LAW_PLACE` match names in ``p`` (None for a
    placeholder, a non-place; with ``adjective_only``, for a name before "law" that is no place's
    adjective, a statute's title: "the New York General Obligations Law")."""
    if place.group(1) is not None:  # "the laws of the State of New York", "the law of England and Wales"
        surface = " ".join(place.group(1).split())
        surface = "the " + surface if _THE_BEFORE.search(p.text, 0, place.start(1)) else surface
        name = _STATE_OF.sub("", surface)
    else:  # "New York law", "English law": the place, by its name or its adjective
        surface = " ".join(place.group(2).split())
        if adjective_only and surface not in _PLACE_OF_ADJECTIVE:
            return None
        name = _PLACE_OF_ADJECTIVE.get(surface, surface)
    if _PLACEHOLDER.search(surface) or name.lower() in _NOT_PLACES:
        return None
    return Term(name=name, surface=surface, defined_at=p.index, uses=1)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _under_law_label(paragraphs: Sequence[Paragraph], i: int) -> bool:
    """Paragraph ``i`` sits under a governing-law label: its heading or run-in title, or the row label
    just before it (a cover-page table's left cell)."""
    p = paragraphs[i]
    before = paragraphs[i - 1].text if i > 0 else ""
    return any(P.LAW_LABEL.match(x) for x in (p.heading or "", p.run_in_title or "", before))


_NOT_PLACES = frozenset(
    {"state", "the state", "governing law", "your country", "the country", "such state", "any jurisdiction"}
)
# A law named by its adjective: "English law governs", "Scots law shall govern", "Swiss law".
_PLACE_OF_ADJECTIVE = {
    "English": "England",
    "Scots": "Scotland",
    "Scottish": "Scotland",
    "Welsh": "Wales",
    "Irish": "Ireland",
    "Northern Irish": "Northern Ireland",
    "British": "United Kingdom",
    "American": "United States",
    "US": "United States",
    "U.S.": "United States",
    "Canadian": "Canada",
    "Australian": "Australia",
    "New Zealand": "New Zealand",
    "Singaporean": "Singapore",
    "Swiss": "Switzerland",
    "German": "Germany",
    "French": "France",
    "Dutch": "the Netherlands",
    "Belgian": "Belgium",
    "Danish": "Denmark",
    "Swedish": "Sweden",
    "Norwegian": "Norway",
    "Finnish": "Finland",
    "Austrian": "Austria",
    "Italian": "Italy",
    "Spanish": "Spain",
    "Portuguese": "Portugal",
    "Polish": "Poland",
    "Israeli": "Israel",
    "Indian": "India",
    "Japanese": "Japan",
    "Chinese": "China",
    "Korean": "Korea",
    "Mexican": "Mexico",
    "Brazilian": "Brazil",
    "Luxembourg": "Luxembourg",
}
