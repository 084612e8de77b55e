"""Clause kinds of a contract's paragraphs: phrase, offsets, direction, polarity and severity.

Works on :class:`~noai.ooxml.model.Paragraph` objects (current text, section path, heading,
run-in title, numbering level) and the document's :class:`~noai.analysis.terms.DefinedTerms`;
never on XML. Each paragraph is searched with the compiled signals of
:mod:`noai.analysis.patterns`; a match counts only if its trap does not cover it, and weak
signals count only under a fitting heading. Severity is seen from the creator's side: a licence
the client grants to the creator (a licence back) is no risk to the creator.

A finding's ``start`` is the paragraph holding ``phrase`` (offsets are into its current
text); ``end`` reaches over the sub-paragraphs a lead-in introduces ("… as follows:" then
(a), (b), (c)) and, for section-long kinds such as an indemnity, over the rest of the clause.
"""

from __future__ import annotations

import itertools
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from noai.analysis import fast
from noai.analysis import patterns as P
from noai.analysis import semantics as S
from noai.analysis.pronouns import with_pronouns
from noai.analysis.terms import MADE, MAKES, SUPPLIED, SUPPLIES, body_start, says_of
from noai.kinds import GRANT_KINDS, KINDS, SEVERITY_ORDER, FindingKind, Severity, explanation_templates, kind_spec
from noai.kinds import SPANNING_KINDS as SPANNING  # kinds whose finding spans the rest of its clause
from noai.ooxml.model import Paragraph

if TYPE_CHECKING:
    from noai.analysis.terms import DefinedTerms, Term

HIGH, MEDIUM, LOW, INFO = Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO
CLIENT, PROVIDER, MUTUAL = "client", "provider", "mutual"

EXPLANATIONS = explanation_templates()  # "<kind>" and "<kind>/<situation>" -> template (noai.kinds)


@dataclass(frozen=True, slots=True)
class Finding:
    """One classified clause: where it is, what matched, and what it means for the creator."""

    kind: str
    severity: str
    start: int  # index of the paragraph holding the phrase
    end: int  # index of the clause's last paragraph (inclusive)
    paragraph_text: str  # current text of paragraph ``start``
    section_label: str | None
    section_path: tuple[str, ...]
    heading: str | None
    phrase: str
    phrase_start: int  # offsets of ``phrase`` in ``paragraph_text``
    phrase_end: int
    explanation: str
    attributes: dict[str, Any] = field(default_factory=dict)
    # What the clause does and to whom (noai.audit/2; see noai.analysis.semantics).
    act: str | None = None
    actor: str = S.UNKNOWN
    beneficiary: str = S.UNKNOWN
    object: str | None = None
    qualifiers: tuple[str, ...] = ()
    negated: bool = False
    operative: bool = True
    tier: str = "rule"
    confidence: float = 0.9

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": kind_spec(self.kind).title,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "paragraph_text": self.paragraph_text,
            "section_label": self.section_label,
            "section_path": list(self.section_path),
            "heading": self.heading,
            "phrase": {"text": self.phrase, "start": self.phrase_start, "end": self.phrase_end},
            "explanation": self.explanation,
            "attributes": dict(self.attributes),
            "act": self.act,
            "actor": self.actor,
            "beneficiary": self.beneficiary,
            "object": self.object,
            "qualifiers": list(self.qualifiers),
            "negated": self.negated,
            "operative": self.operative,
            "tier": self.tier,
            "confidence": self.confidence,
        }


# -- parties ------------------------------------------------------------------------------------

_FALLBACK = {
    CLIENT: ("Client", "Customer", "Company", "Buyer", "Licensee", "Agency", "Purchaser"),
    PROVIDER: (
        "Provider",
        "Service Provider",
        "Contractor",
        "Consultant",
        "Supplier",
        "Vendor",
        "Developer",
        "Designer",
        "Licensor",
        "Contributor",
        "Freelancer",
    ),
}


_PRONOUNS = frozenset({"you", "your", "we", "us", "our", "me", "licensee", "licensor"})
# a party the document calls "I" or "we" is "me" / "us" after a verb or preposition
_OBJECT_FORMS = {"I": ("me",), "we": ("us",), "We": ("us",)}
# "a license to your contribution": a possessive names whose the thing is, not who acts or receives.
_POSSESSIVES = frozenset({"your", "our", "their", "its"})


def _bare(name: str) -> str:
    return re.sub(r"^(?:the|this)\s+", "", name.strip(), flags=re.IGNORECASE)


def _introduction(paragraphs: Sequence[Paragraph], term: Term | None) -> str:
    """The words that introduce a party before its definition: 'Acme Inc., a Delaware corporation (the'; from
    its quoted definition, not the name's first words ('Tessellate Systems Inc., a corporation incorporated under
    the laws of Ontario … ("Tessellate")' is introduced by all of them)."""
    if term is None or term.defined_at is None or not 0 <= term.defined_at < len(paragraphs):
        return ""
    text = paragraphs[term.defined_at].text
    quoted = re.search(rf"[\"“‘']{re.escape(term.name)}[\"”’']", text)
    pos = quoted.start() if quoted else text.find(term.name)
    if pos < 0:
        return ""
    return text[text.rfind(")", 0, pos) + 1 : pos]


class Parties:
    """Finds mentions of the two parties in a sentence, by the document's own defined names."""

    def __init__(
        self,
        terms: DefinedTerms | None,
        paragraphs: Sequence[Paragraph] = (),
        words: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.creator = getattr(terms, "creator", None) or PROVIDER
        self.other = CLIENT if self.creator == PROVIDER else PROVIDER
        alternatives = []
        names: dict[str, set[str]] = {}
        for role in (CLIENT, PROVIDER):
            term = getattr(terms, role, None)
            found = {term.name, *term.aliases, term.surface} if term else set(_FALLBACK[role])
            found |= set((words or {}).get(role, ()))  # the parties model's words for this side
            names[role] = {_bare(n) for n in found if _bare(n) and _bare(n).lower() not in _POSSESSIVES}
            names[role] |= {o for n in names[role] for o in _OBJECT_FORMS.get(n, ())}  # "reserved to me"
        taken = names[CLIENT] & names[PROVIDER]
        for role in (CLIENT, PROVIDER):
            spellings = sorted(names[role] - taken, key=len, reverse=True)
            if spellings:
                spelled = (f"(?i:{re.escape(w)})" if w.lower() in _PRONOUNS else re.escape(w) for w in spellings)
                alternatives.append(rf"(?P<{role}>\b(?:{'|'.join(spelled)})\b)")
        alternatives.append(r"(?P<mutual>\b(?i:each|either|both)\s+(?i:party|parties|of\s+the\s+parties)\b)")
        self.pattern = re.compile("|".join(alternatives))
        # "the provider", "the customer" written in lower case (drafting notes, informal text): a role
        # word the document uses for a party, after "the", whatever its case
        spelt = {
            role: "|".join(map(re.escape, sorted(names[role] - taken, key=len, reverse=True)))
            for role in (CLIENT, PROVIDER)
        }
        lower = [rf"(?P<{role}>\bthe\s+(?:{spelt[role]})\b)" for role in (CLIENT, PROVIDER) if spelt[role]]
        self.lower = re.compile("|".join(lower), re.IGNORECASE) if lower else None
        self.names = names
        self.surfaces: dict[str, str] = {
            role: t.surface for role in (CLIENT, PROVIDER) if (t := getattr(terms, role, None))
        }
        self.introductions = {
            role: _introduction(paragraphs, getattr(terms, role, None)) for role in (CLIENT, PROVIDER)
        }
        owned = "|".join(re.escape(n) for n in sorted(names[CLIENT] | names[PROVIDER], key=len, reverse=True))
        self.own_materials = re.compile(
            rf"\b(?P<who>{owned})(?:'s|’s)?\s+(?:Pre-?[Ee]xisting\s+|Background\s+|Baseline\s+|Core\s+)?(?:Data|Materials?|Content|"
            rf"Confidential|Property|Marks|Trademarks|IP\b|Intellectual|Inputs?|Technology|Platform|Software|"
            rf"Products?|Services|Tools)"
            if owned
            else r"(?!)"
        )

    def before(self, text: str, start: int, end: int) -> str | None:
        """The role of the last party named in ``text[start:end]`` (the subject of a verb at ``end``)."""
        last = None
        for m in fast.finditer(self.pattern, text, None, start, end):
            last = m.lastgroup
        return last

    def right_before(self, text: str, start: int, end: int) -> str | None:
        """The party named as the subject of a verb at ``end``: right before it, or before an aside ("Northlight,
        the owner of the Images, licenses …"); None when another word comes between ("Software licenses")."""
        last = None
        for m in fast.finditer(self.pattern, text, None, max(start, end - 120), end):
            last = m
        return last.lastgroup if last is not None and _SUBJECT_GAP.fullmatch(text, last.end(), end) else None

    def after(self, text: str, start: int, end: int) -> str | None:
        m = fast.search(self.pattern, text, None, start, end)
        return m.lastgroup if m else None

    def before_any_case(self, text: str, start: int, end: int) -> str | None:
        """:meth:`before`, else the last "the <party word>" in any case ("the provider cannot …")."""
        found = self.before(text, start, end)
        if found is None and self.lower is not None:
            for m in self.lower.finditer(text, start, end):
                found = m.lastgroup
        return found

    def role(self, party: str | None) -> str:
        """A party of this class (client / provider / mutual) as a role seen from the creator's side."""
        if party == MUTUAL:
            return S.BOTH
        if party in (CLIENT, PROVIDER):
            return S.CREATOR if party == self.creator else S.CLIENT
        return S.UNKNOWN

    def label(self, role: str | None) -> str:
        if role in self.surfaces:
            return self.surfaces[role]
        if role in (CLIENT, PROVIDER):
            return f"the {role}"
        if role == "public":
            return "the public"
        return "each party" if role == MUTUAL else "the other side"


class _Roles:
    """The :class:`noai.analysis.semantics.Roles` interface over :class:`Parties` (creator / client / both)."""

    def __init__(self, parties: Parties) -> None:
        self.parties = parties

    def before(self, text: str, start: int, end: int) -> str | None:
        party = self.parties.before(text, start, end)
        return None if party is None else self.parties.role(party)

    def after(self, text: str, start: int, end: int) -> str | None:
        party = self.parties.after(text, start, end)
        return None if party is None else self.parties.role(party)


# -- what each kind does and to whom (data) -----------------------------------------------------

# kind -> (act, actor, beneficiary). ``act`` None: read from the sentence (or the phrase). A party
# entry names the finding's attribute holding it (client / provider / mutual), or: "direction" (the
# giver / receiver of the ``direction`` attribute), "~actor" / "~beneficiary" (the other side of
# that one), "=actor" (the same party), "both", or None (read from the sentence).
KIND_SEMANTICS: dict[str, tuple[str | None, str | None, str | None]] = {
    "ip_assignment": (None, "direction", "owner"),
    "work_made_for_hire": ("vests", "direction", "owner"),
    "license_grant": ("licenses", "grantor", "grantee"),
    # the scope words of a grant: the grant's act and direction
    **dict.fromkeys(
        ("perpetual_irrevocable", "any_and_all_purposes", "future_technologies", "derivative_works", "sublicensable"),
        ("licenses", "direction", "direction"),
    ),
    "moral_rights_waiver": ("waives", "waived_by", "~actor"),
    "digital_replica": ("permits", "~beneficiary", "beneficiary"),
    "feedback_usage_data": ("permits", "~beneficiary", "beneficiary"),
    "existing_ai_restriction/restriction": ("restricts", "restricted_party", "~actor"),
    "existing_ai_restriction/permission": ("permits", "~beneficiary", "permitted_party"),
    "existing_ai_restriction/disclosure": ("discloses", "discloser", "~actor"),
    "existing_ai_restriction/mention": (None, None, None),
    "governing_law": ("governs", "both", "favours"),
    "indemnification": ("indemnifies", "indemnitor", "~actor"),
    "limitation_of_liability": ("restricts", "both", "both"),
    "confidentiality": ("restricts", "both", "both"),
    "reservation_of_rights": ("reserves", "owner", "=actor"),
    "survival": ("other", "both", "both"),
    "dangling_defined_term": ("other", "both", "both"),
}
# The act of an ownership phrase, by the first of these words it holds.
OWNERSHIP_ACTS = (
    ("vest", "vests"),
    ("own", "owns"),
    ("property", "owns"),
    ("belong", "owns"),
    ("retain", "reserves"),
    ("keep", "reserves"),
)
# The kinds whose sentence's scope words are the finding's qualifiers.
QUALIFIED = frozenset(
    {
        "ip_assignment",
        "work_made_for_hire",
        "license_grant",
        "perpetual_irrevocable",
        "any_and_all_purposes",
        "future_technologies",
        "derivative_works",
        "sublicensable",
        "feedback_usage_data",
        "existing_ai_restriction",
    }
)
# The kinds whose object is fixed by the kind.
KIND_OBJECTS = {
    "confidentiality": "confidential_information",
    "governing_law": None,
    "survival": None,
    "dangling_defined_term": None,
    "limitation_of_liability": None,
}


# -- helpers ------------------------------------------------------------------------------------


def _is_definition(p: Paragraph) -> bool:
    """A definitions entry ("“X” means …"), also after a run-in title."""
    return bool(P.DEFINITION.match(p.text, body_start(p)) or P.DEFINITION.match(p.text))


# A definitions entry with a dash or colon ('"Competitive Business" - A business that …', '“Fees”: the sums …')
_DASH_DEFINITION = re.compile(r"\W{0,3}(?:[\w.()]{1,8}\s+)?[\"“][^\"”]{1,60}[\"”]\s*(?:[-–—:])\s")
# the next numbered clause or lettered entry of a run-on paragraph ("… the Licensed Products. 2. GRANT OF RIGHTS")
_NEXT_CLAUSE = re.compile(r"(?:^|\s)(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.)\s+(?=[A-Z\"“])")


def _in_definition(p: Paragraph, pos: int) -> bool:
    """``pos`` is in the body of the definition that opens the paragraph ("1.62 Regulatory Approval means …; it
    includes an approval as long as it grants the right to sell"): the entry says what a word means, it grants
    nothing; not past the next numbered clause of a run-on paragraph."""
    text = p.text
    at = len(text) - len(text.lstrip())  # (an indented line of a text-only contract)
    m = S.DEFINITION_AT.match(text, at) or P.DEFINITION.match(text, at) or _DASH_DEFINITION.match(text, at)
    return m is not None and m.end() <= pos and not _NEXT_CLAUSE.search(text, m.end(), pos)


def _quoted(text: str, m: re.Match[str]) -> bool:
    """The phrase is quoted, talked about rather than used: 'permits use “for any purpose”'."""
    return (
        m.start() > 0
        and m.end() < len(text)
        and text[m.start() - 1] in P.OPEN_QUOTES
        and text[m.end()] in P.CLOSE_QUOTES
    )


_PUNCTUATED = re.compile(r"[.;:,]\s+\S")  # a mark inside the text: more than a title


def bare_title(p: Paragraph) -> bool:
    """A heading paragraph that is only a title: short, no run-in body, no sentence; not a list item the
    reader took for a heading ("(b) a perpetual licence to use the Documentation;"), nor a short lead-in
    ("2.1 Licensor hereby grants to Licensee:")."""
    if not p.is_heading or p.run_in_title is not None or len(p.text) >= 80:
        return False
    typed = _TYPED_NUMBER.match(p.text)  # "3. Term": the dot of its typed number is no mark inside a title
    words = p.text[typed.end() :] if typed else p.text
    return (
        not _PUNCTUATED.search(words)
        and not (end := p.text.rstrip()).endswith((";", "; and", "; or"))
        and not (end.endswith(".") and _SENTENCE_VERB.search(end))
        and not (end.endswith(":") and _LEAD_GRANT.search(end))
        and not (typed and _typed_sentence(words))
    )


def sentence_heading(p: Paragraph) -> bool:
    """A typed-number paragraph that is a sentence ("2.1 The Artist keeps the copyright in the Artwork."): the
    reader takes it for a heading by its number and its sentence for the title, but its words are a clause, not a
    title. A title the reader found before the sentence ("3. INTELLECTUAL PROPERTY: SAP … retain …") is one."""
    typed = _TYPED_NUMBER.match(p.text) if p.run_in_title is None and p.section_path else None
    if typed is None or not _typed_sentence(words := p.text[typed.end() :]):
        return False
    title = p.section_path[-1].split(maxsplit=1)[-1]
    head = title.rstrip("…").rstrip()
    return words.startswith(head) and (title.endswith("…") or words[len(head) :].strip() in ("", "."))


_TITLE_SMALL_WORDS = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "by", "with", "at"))


def _typed_sentence(words: str) -> bool:
    """The text after a typed number is a sentence, not a title: it ends with a full stop and has four words
    or more, one of them in lower case and not a title's small word ("2.1 The Artist keeps the copyright in
    the Artwork.", "3.1 You own the Content."; not "3. Term", "7. Rights and Licences.")."""
    end = words.rstrip()
    if not end.endswith(".") or len(split := end.rstrip(".").split()) < 4:
        return False
    return any(w.isalpha() and w.islower() and w not in _TITLE_SMALL_WORDS for w in split)


class _Text:
    """One paragraph's text with what its searches share: its sentence breaks (found once) and,
    when the document allows it (:attr:`fast.Gates.exact`), its lower-cased copy for the literal
    tests of :data:`P.NEEDS`."""

    __slots__ = ("_ends", "_starts", "low", "text")

    def __init__(self, text: str, low: str | None) -> None:
        self.text, self.low = text, low
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def sentence(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence (or semicolon clause) around ``pos``: from the last break that
        ends at or before ``pos`` (a phrase that opens its sentence, "Title to …", is in that sentence)
        to the first that starts at or after it."""
        if self._starts is None:
            spans = fast.spans(P.SENTENCE_BREAK, self.text)
            self._starts, self._ends = [a for a, _ in spans], [b for _, b in spans]
        k, j = bisect_right(self._ends, pos), bisect_left(self._starts, pos)
        return self._ends[k - 1] if k else 0, self._starts[j] if j < len(self._starts) else len(self.text)

    def may_match(self, rx: re.Pattern[str], pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only if ``rx`` cannot match in ``text[pos:endpos]`` (none of its needed literals is there)."""
        needs = _NEEDS.get(id(rx))
        if needs is None or self.low is None:
            return True
        find = self.low.find
        for n in needs:  # noqa: SIM110 (a plain loop: cheaper than any() on this hot path)
            if find(n, pos, endpos) >= 0:
                return True
        return False

    def search(self, rx: re.Pattern[str], pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return fast.search(rx, self.text, self.low, pos, endpos) if self.may_match(rx, pos, endpos) else None

    def finditer(self, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return fast.finditer(rx, self.text, self.low) if self.may_match(rx) else iter(())

    def negated(self, s: int, pos: int, window: int = 120) -> bool:
        return bool(self.search(P.NEGATION, max(s, pos - window), pos))


_NEEDS = {id(rx): needs for rx, needs in P.NEEDS.items()}


def _negated_outside_asides(text: str, s: int, pos: int, window: int) -> bool:
    """A negation before ``pos`` (within ``window``) that is not in a parenthesis closed before ``pos``."""
    return any(not _closed_aside(text, n.start(), pos) for n in P.NEGATION.finditer(text, max(s, pos - window), pos))


def _closed_aside(text: str, at: int, until: int) -> bool:
    """The words at ``at`` sit in a parenthesis that closes before ``until``: "irrevocable (except as
    stated in this Section) patent license … without any restrictions" excepts nothing after the ")"."""
    opened = text.rfind("(", 0, at)
    return opened >= 0 and ")" not in text[opened:at] and ")" in text[at:until]


def _trapped(trap: re.Pattern[str], text: str, m: re.Match[str], s: int, e: int) -> bool:
    """A trap covers the match if one of its matches in the sentence comes within 40 characters of it."""
    return any(
        t.start() < m.end() + 40 and t.end() > m.start() - 40
        for t in fast.finditer(trap, text, fast.lowered(text), max(s, m.start() - 120), min(e, m.end() + 120))
    )


_MODIFIERS = tuple(
    (kind, signals, trap, KINDS[kind].severity.against)
    for kind, signals, trap in (
        (FindingKind.PERPETUAL_IRREVOCABLE, (P.PERPETUAL,), P.PERPETUAL_TRAP),
        (FindingKind.ANY_AND_ALL_PURPOSES, (P.ANY_PURPOSE,), P.ANY_PURPOSE_TRAP),
        (FindingKind.FUTURE_TECHNOLOGIES, (P.FUTURE_TECH, P.ALL_MEDIA), P.FUTURE_TRAP),
        (FindingKind.DERIVATIVE_WORKS, (P.DERIVATIVE,), P.DERIVATIVE_TRAP),
        (FindingKind.SUBLICENSABLE, (P.SUBLICENSE,), P.SUBLICENSE_TRAP),
    )
)
_MODIFIER_KINDS = frozenset(kind for kind, *_ in _MODIFIERS)
_TRANSFERS = frozenset({"ip_assignment", "work_made_for_hire"})
_NO_GRANT = frozenset({"ownership", "grant", *_MODIFIER_KINDS})
_NO_GRANT_KINDS = frozenset({*GRANT_KINDS, *_MODIFIER_KINDS})


# the material is in the voice or likeness: "in the Narrator's", "a digital replica of", "simulating the"
_IN_VOICE = re.compile(
    r"\b(?:in|of|using|with|based\s+on|replicat\w*|recreat\w*|simulat\w*|clon\w*|imitat\w*)\s+(?:the\s+|an?\s+)?"
    r"(?:[\w’'.-]+\s+){0,3}?$",
    re.IGNORECASE,
)
_NO_SUBJECT = re.compile(r"\b(?:no|neither|nor|none|nothing)\b", re.IGNORECASE)  # "no party may create …"
_PARTY_FIELDS = ("owner", "grantor", "grantee", "beneficiary", "indemnitor")  # filled in by their labels
# A section's own title ("Confidentiality", "Confidential Information and Trade Secrets", "Non-Disclosure"):
# the heading of the clause, found with it (as an indemnity's heading is).
_CONFIDENTIALITY_TITLE = re.compile(
    r"^\W*(?:[\d.]+\s*)?(?:confidentiality|confidential\s+information|non-?disclosure)"
    r"(?:\s+(?:and|&)\s+[\w\s-]{1,40})?\W*$",
    re.IGNORECASE,
)
_TRANSFER = re.compile(r"\b(?:assign|transfer|convey)(?:s|ed)?\b", re.IGNORECASE)
# What an informal commission makes, said to be "yours" once paid: "the finished video is yours".
_MADE_THING = re.compile(
    r"\b(?:videos?|films?|animations?|artwork|illustrations?|drawings?|logos?|photos?|photographs?|images?|"
    r"recordings?|songs?|music|app|website|site|copyrights?|rights)\b",
    re.IGNORECASE,
)
_BE_AND = re.compile(r"\bbe\s+and\s+(?:shall\s+|will\s+)?$", re.IGNORECASE)
_FEEDBACK_WORD = re.compile(r"\bfeedback\b", re.IGNORECASE)
_PASSIVE_USE = re.compile(
    r"\w+\s+be\s+(?:freely\s+)?(?:used|exploited|incorporated|collected|analy[sz]ed|processed)\b"
    r"(?P<by>(?:\s+\w+){0,12}?\s+by\b)?",
    re.IGNORECASE,
)
_RESERVED_TO = re.compile(r"\s*(?:to|by|for|unto|with|vested\s+in)\s+")
_OTHER: dict[str | None, str] = {CLIENT: PROVIDER, PROVIDER: CLIENT}
_OWNER_AT = re.compile(r"\s*(?:the\s+)?")  # where the owner's name starts after "owned by", "property of"
# "no licenses are granted", "no other license": the licence word denied by the words just before it
# A licence promised, not given ("D2 shall license such additional technology to LICENSEE"), after a condition in its
# sentence ("In the event that LICENSEE requires …", "Skype agrees that in the event that it makes available a new
# product, it will license …"): a licence of what may come, on an event, no licence of the work.
_BARE_LICENSES = ("licenses", "licences")  # the verb with nothing before it: its subject must be a party
_PROMISED_LICENCE = re.compile(r"(?:shall|will|agrees?\s+to|undertakes?\s+to)\s+licen", re.IGNORECASE)
_CONDITION_OPENS = re.compile(r"\b(?:in\s+the\s+event|if|should|when|whenever|once)\b", re.IGNORECASE)
# What may stand between a subject and its verb: an aside in commas, "hereby", "also".
_SUBJECT_GAP = re.compile(r"\s*(?:,[^,.;]{1,80},\s*)?(?:(?:hereby|also|further)\s+)?")
_NO_BEFORE = re.compile(r"\bno\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# A dedication of the work to the public domain ("be committed to the public domain", "dedicates … to the
# public domain"): the work leaves every owner, the creator's control included. Not "is or becomes part of
# the public domain" (a confidentiality exception) nor "material already in the public domain".
_PUBLIC_DOMAIN = re.compile(
    r"\b(?:commit\w*|dedicat\w*|releas\w*|plac\w*|put|contribut\w*)\b(?:(?![.;])[^.;]){0,160}?"
    r"\b(?:in|into|to)\s+the\s+public\s+domain\b",
    re.IGNORECASE,
)
# "this AI Addendum", "the AI Acceptable Use Policy": a document's name, no AI language
_AI_DOCUMENT = re.compile(
    r"\bA\.?I\.?\s+(?:[A-Z][\w-]*\s+){0,3}(?:Addendum|Policy|Policies|Terms|Schedule|Exhibit|Annex|Appendix|"
    r"Agreement|Rider|Supplement)\b"
)


def _outside(m: re.Match[str], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the match ``m`` begins outside every one of ``spans``."""
    return not any(a <= m.start() < b for a, b in spans)


# "the AI Services", "AI Tools": the name of a thing the contract defines ("AI" and a capitalised word)
_AI_NAME = re.compile(r"A\.?I\.?\s+[A-Z]")
# a permission in the passive, right after its modal: "may (also) be used to train …", "may be ingested into …"
_PASSIVE_PERMISSION = re.compile(
    r"\s+(?:(?:also|further|additionally|freely)\s+)?be\s+(?:(?:also|further|additionally|freely)\s+)?"
    r"(?:used|processed|copied|reproduced|exploited|input|ingested|incorporated|included|loaded|fed|uploaded|mined)"
    # for something ("… may be used." permits nothing in particular), its agent before it ("by the Studio to train")
    r"(?:\s+by\s+[^.;,]{1,60}?)?\s+(?:to|for|as|in|into)\b",
    re.IGNORECASE,
)
_BY_AGENT = re.compile(r"\bby\b", re.IGNORECASE)  # "may be used by Vendor …": someone is named


def _owner_of(parties: Parties, text: str, start: int, end: int) -> str | None:
    """The party whose own material ``text[start:end]`` (a sentence's subject) names: "Client Data", "the Client
    Materials", "the Client's product photographs"; ``None`` where it names no party's material."""
    own = parties.own_materials.search(text, start, end)
    owner = own.group("who") if own else None
    if owner is None:  # a possessive: "the Client's product photographs"
        said = [m for m in parties.pattern.finditer(text, start, end) if text.startswith(("'s", "’s"), m.end())]
        return said[0].lastgroup if said else None
    return next((role for role in (CLIENT, PROVIDER) if owner in parties.names.get(role, ())), None)


# a short lead-in the reader takes for a title: "2.1 Licensor hereby grants to Licensee:" (its items are the grant)
# a short clause the reader takes for a title: "4.2 All software made by the Studio shall be the Publisher's."
_SENTENCE_VERB = re.compile(r"\b(?:shall|will|hereby|must)\b", re.IGNORECASE)
# (a verb: "Grant of Patent License:" stays a title)
_LEAD_GRANT = re.compile(r"\b(?:grants|(?:hereby|shall|will|to|does)\s+grant)\b[^.;:]{0,80}:\s*$", re.IGNORECASE)
# the grantee is the subject: "the Buyer may use", "shall have a licence", "You get a licence"
_GRANTEE_FIRST = (
    *("may", "is ", "are ", "has the", "shall have", "will have", "shall hold", "will hold", "shall get", "will get"),
    *("shall receive", "will receive", "shall obtain", "will obtain", "shall be given", "will be given"),
    *("get", "receive", "obtain"),
)
# an acknowledgement that marks are (already) a party's property: no work passes ("the Brand Features are the
# exclusive property of the Granting Party"), as against "shall be the property of" (an allocation)
_MARKS_OWNED = re.compile(r"^(?:is|are)\s")
_MARKS = re.compile(
    r"\b(?:(?:trade|service)\s?marks?|marks|brand\s+features|trade\s+names|logos|trade\s+dress)\b", re.IGNORECASE
)
# what a perpetual or irrevocable word must qualify in its own sentence to be a licence's: rights, a licence, a
# grant, a use of the work
_LICENCE_TERM = re.compile(
    r"\b(?:licen[cs](?:e[sd]?|ing|able)|grant(?:s|ed|ing)?|rights?|use|exploit\w*|reproduce|distribute|display|perform|"
    r"sub-?licens\w*)\b",  # (not "Licensee", "Licensor": a party's name)
    re.IGNORECASE,
)
# A licence named by reference as the subject of its own sentence ("The license granted to the Customer under
# Section 2 shall be perpetual", "Such license shall be irrevocable", "The foregoing rights may be sublicensed",
# "The licenses in Section 2.1 shall survive …", "Licensee's rights under this Agreement are worldwide"): the scope
# words of its predicate are that licence's, as they would be inside the grant. ``lead`` is a condition before
# the subject ("Upon payment of the Fees, "), ``words`` the subject's words before its noun (no verb: "The Studio
# grants the Publisher a licence" is a grant, not a reference), ``verb`` the subject's verb.
_LICENCE_REFERENCE = re.compile(
    r"(?P<lead>(?:(?:[^,.;:]|\.(?=\d)){1,120},\s*)?(?:and\s+|but\s+|thereafter\s+|thereupon\s+)?)"
    r"(?P<subject>(?:the|such|said|this|these|those|each|every|all|any|its|their|(?-i:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
    r"(?:'s|’s))\s+(?:(?:term|duration)\s+of\s+(?:the|such|said|this|these|each|all|any)\s+)?"
    r"(?P<words>(?:(?!(?:hereby|grants?|shall|will|may|is|are|has|have)\b)[\w-]+(?:'s|’s)?,?\s+(?:and\s+)?){0,5}?)"
    r"(?P<noun>(?:sub-?)?licen[cs]es?(?!\s+(?:fees?|keys?|agreements?|royalt\w+|payments?)\b)|grants?|rights?)\b"
    r"(?P<tail>(?:[^.;:]|\.(?=\d)){0,160}?))"  # (a clause number's dot: "in Section 2.1")
    r"\b(?P<verb>shall|will|is|are|may|must|becomes?|remains?|continues?|survives?|endures?)\b",
    re.IGNORECASE,
)
# the words before the subject that make "grant" / "rights" a reference to rights already granted
_REFERRING = re.compile(
    r"\b(?:such|said|foregoing|above|aforesaid|aforementioned|preceding|licen[cs]e[sd]?|these|those|exclusive|"
    r"non-?exclusive|sub-?licen[cs]ed?)\b",
    re.IGNORECASE,
)
# a tail that makes rights granted ones: "granted to …", "licensed hereunder", "under Section 2", "in Clause 4.1"
_GRANTED_TAIL = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?(?:licen|use)|(?:granted|licen[cs]ed|conferred|given|provided)\b|"
    r"(?:(?:under|in|pursuant\s+to)\s+(?:this\s+|the\s+foregoing\s+)?(?:Sections?|Clauses?|Articles?|Paragraphs?)\b))",
    re.IGNORECASE,
)
# rights that are no licence ("right of first refusal", "voting rights", "rights and obligations of the parties")
_NOT_LICENCE_RIGHTS = re.compile(
    r"\b(?:voting|termination|audit|inspection|approval|consent|statutory|moral|contractual|legal)\s+$|"
    r"^\s*(?:of\s+(?:first\s+)?(?:refusal|negotiation|offer|termination|set-?off|inspection|audit|access)|"
    r"and\s+(?:obligations|remedies|duties|liabilities)|(?:to|of)\s+(?:payment|indemni\w+|terminat\w+|audit|inspect)|"
    r"to\s+(?:examine|purchase|acquire|enforce|sue|receive))\b",
    re.IGNORECASE,
)
_CLAUSE_NUMBER = re.compile(
    r"\s*(?:\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s+|\d{1,2}(?:\.\d{1,2})+\s+)"
)
# the sentence's predicate grants the rights itself ("Such rights shall be licensed or sublicensed to EKR"): an act,
# not a word about a licence granted before
_GRANTING_PREDICATE = re.compile(
    r"(?:shall|will|must)\s+(?:hereby\s+)?be\s+(?:licen[cs]ed\s+or\s+)?(?:sub-?)?(?:licen[cs]ed|granted)\b",
    re.IGNORECASE,
)
# a definition in the paragraph ('"Shortfall License" shall mean a licence …; Such license shall be …'): its words
# say what a term means (the last one before a sentence, unless a numbered clause comes between)
_DEFINED = re.compile(r"[\"“][^\"”]{1,60}[\"”]\s*,?\s+(?:means|shall\s+mean|has\s+the\s+meaning)\b", re.IGNORECASE)
_CITED = re.compile(r"\b(?:Sections?|Clauses?|Articles?|Paragraphs?)\s+(\d+(?:\.\d+)*)", re.IGNORECASE)
_NUMBER = re.compile(r"\W*(?:(?:Section|Clause|Article)\s+)?(\d+(?:\.\d+)*)")
# a party's name as the reference's grantor ("granted by the Supplier") or grantee (the rest: "to the Customer",
# "the Customer's licence", "the rights of the Customer")
_BY_BEFORE = re.compile(r"\b(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE)
# who has the rights now (not "shall have", "will have": an allocation): "in which the Studio or third parties have
# all right, title and interest" states an owner, it moves nothing
_HOLDS = re.compile(r"\b(?<!shall\s)(?<!will\s)(?:has|have|holds?|possess(?:es)?)\s+$", re.IGNORECASE)
# know-how a party comes up with (what becomes another's property), and the things of a lease or a sale that do not
_IDEAS = re.compile(
    r"\b(?:ideas?|concepts?|inventions?|improvements?|developments?|discoveries|recipes?|formulas?|formulae|"
    r"methods?|techniques?|processes|know-how|trade\s+secrets?)\b",
    re.IGNORECASE,
)
_NOT_IDEAS = re.compile(
    r"\b(?:premises|leasehold|fixtures?|buildings?|land|real\s+property|equipment|inventory|goods|vehicles?)\b",
    re.IGNORECASE,
)
# a right granted that is no licence, and the words of a licence or a use that make it one after all
_NON_LICENCE_RIGHT = re.compile(
    r"\bright\s+to\s+(?:examine|audit|inspect|terminate|purchase|acquire|enforce|sue|enter\s+(?:into|upon|the))\b",
    re.IGNORECASE,
)
_LICENCE_USE = re.compile(
    r"\b(?:licen[cs]e|use|reproduce|copy|distribute|display|perform|exploit|modify|sub-?licen[cs]e)\b", re.IGNORECASE
)
_IS_OWNER = re.compile(r"(?:is|are)\s.*owner")  # "is the sole owner": a statement of fact
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+(?:(?:may|might|shall|will|would|could|can)\s+)?$", re.I)
_PASSES_TO = re.compile(r"\b(?:pass(?:es)?|transfers?|vests?)\s+(?:to|in)\s", re.IGNORECASE)
_TO_PARTY = re.compile(r"\b(?:to|unto|in\s+favou?r\s+of)\s+(?:the\s+)?[A-Z]")
# the transfer goes to the assignor's own side: "employees bound to assign their inventions to such Party",
# "to its employer", "to the relevant Party" (each party's people to that party, nothing between the parties)
_TO_OWN_SIDE = re.compile(
    r"\bto\s+(?:such|that|the\s+relevant|the\s+employing|its|their)\s+(?:Party|party|employer|Affiliate)\b"
)


@dataclass(slots=True)
class _Grant:
    """The rights context of a paragraph: who gives rights to whom (for the modifier kinds)."""

    giver: str | None
    receiver: str | None


class _Classifier:
    def __init__(
        self,
        paragraphs: Sequence[Paragraph],
        terms: DefinedTerms | None,
        words: Mapping[str, Sequence[str]] | None = None,
        maker: str | None = None,
        gates: fast.Gates | None = None,
    ) -> None:
        self.paragraphs = paragraphs
        self.parties = Parties(terms, paragraphs, words)
        # the side that makes the work, whichever side the user is (``creator`` is the user's side under ``--we``)
        self.maker = maker or self.parties.creator
        self.roles = _Roles(self.parties)
        self._read_text: str | None = None
        self._readings: dict[tuple[int, int], S.Reading] = {}
        self._spans_text: str | None = None
        self._sentences_text: str | None = None
        self._sentences: dict[tuple[str, int, int], tuple[bool, tuple[str, ...] | None]] = {}
        self._spans: dict[tuple[int, int], tuple[list[int], list[tuple[int, int]]]] = {}
        self.terms = terms
        self.terms_known = getattr(terms, "creator", None) is not None
        works = getattr(getattr(terms, "deliverables", None), "name", None)
        names = [
            "Deliverables?",
            "Work\\s+Product",
            "Works?",
            "Inventions?",
            "Results",
            "Contributions?",
            "work\\s+product",
            "deliverables",
        ] + ([re.escape(works)] if works else [])
        self.work = re.compile(rf"\b(?:{'|'.join(names)})\b")
        self._headings: dict[tuple[Any, ...], bool] = {}
        self.t = _Text("", None)  # the paragraph being classified
        self.gates = gates or fast.Gates([p.text for p in paragraphs])
        agreement = getattr(terms, "agreement", None)
        titles = [n for n in ((agreement.name, *agreement.aliases) if agreement else ()) if P.AI_TERM.search(n)]
        # "under AI Addendum": the document's own name, not AI language
        self.own_title = re.compile("|".join(map(re.escape, titles))) if titles else None
        self.ai_words = _ai_words(paragraphs)  # "Model", "Training" where the document defines them as AI
        # the licences granted so far, each with the numbers of its paragraph ("2.1", "2"): what a later
        # "the license granted under Section 2" refers to
        self.licences: list[tuple[frozenset[str], _Grant]] = []
        self.latest: _Grant | None = None  # the last licence granted or referred to ("Such rights …")

    def under(self, p: Paragraph, *keys: str) -> bool:
        """The paragraph's section titles, heading or run-in title match a heading signal of ``keys``."""
        where = (p.section_path, p.heading, p.run_in_title)
        for key in keys:
            hit = self._headings.get((where, key))
            if hit is None:
                ctx = " | ".join((*p.section_path, p.heading or "", p.run_in_title or ""))
                hit = self._headings[(where, key)] = fast.holds(P.HEADINGS[key], ctx)
            if hit:
                return True
        return False

    # -- building findings ------------------------------------------------------------------------

    def finding(
        self, p: Paragraph, kind: str, m: re.Match[str] | tuple[int, int], severity: str, note: str, **attributes: Any
    ) -> Finding:
        start, end = (m.start(), m.end()) if isinstance(m, re.Match) else m
        fill = {k: v for k, v in attributes.items() if isinstance(v, str)}
        for k in _PARTY_FIELDS:
            fill[k] = self.parties.label(attributes.get(k))
        fill["jurisdiction"] = attributes.get("jurisdiction") or "the place named"
        fill["law"] = attributes.get("law") or "the law the contract names"
        explanation = with_pronouns(EXPLANATIONS[note], fill, _PARTY_FIELDS).format_map(fill)  # "You let us use"
        explanation = explanation[0].upper() + explanation[1:]
        meaning = self.meaning(p, kind, note, start, end, attributes)
        if not meaning["operative"] and kind in _NO_GRANT_KINDS and severity in (HIGH, MEDIUM):
            severity = INFO  # a definition or recital grants nothing by itself
        return Finding(
            kind=kind,
            severity=severity,
            start=p.index,
            end=p.index,
            paragraph_text=p.text,
            section_label=p.section_label,
            section_path=tuple(p.section_path),
            heading=p.heading,
            phrase=p.text[start:end],
            phrase_start=start,
            phrase_end=end,
            explanation=explanation,
            attributes={k: v for k, v in attributes.items() if v is not None},
            **meaning,
        )

    def meaning(
        self, p: Paragraph, kind: str, note: str, start: int, end: int, attributes: dict[str, Any]
    ) -> dict[str, Any]:
        """Act, actor, beneficiary, object, qualifiers, negation, operative and confidence of a finding:
        the kind's row of :data:`KIND_SEMANTICS` first, the sentence's reading for what it leaves open."""
        text = p.text
        s, e = self.t.sentence(start)
        polarity = attributes.get("polarity")
        if polarity == "mention" and attributes.get("discloser"):
            polarity = "disclosure"
        row = KIND_SEMANTICS.get(f"{kind}/{polarity}") or KIND_SEMANTICS.get(kind) or (None, None, None)
        act, actor_key, beneficiary_key = row
        if act is None and kind == "ip_assignment":
            phrase = text[start:end].lower()
            act = next((a for word, a in OWNERSHIP_ACTS if word in phrase), "assigns")
        giver, _, receiver = (attributes.get("direction") or "").partition("->")

        def party(key: str | None, role: str) -> str | None:
            if key is None:
                return None
            if key == "both":
                return S.BOTH
            if key == "direction":
                return self.parties.role(giver if role == "actor" else receiver or giver) if giver else None
            value = attributes.get(key)
            return self.parties.role(value) if value else None

        actor = party(actor_key, "actor") if actor_key and actor_key[0] not in "~=" else None
        beneficiary = (
            party(beneficiary_key, "beneficiary") if beneficiary_key and beneficiary_key[0] not in "~=" else None
        )
        if actor_key == "~beneficiary":
            actor = S.OTHER_SIDE.get(beneficiary or "")
        if beneficiary_key == "~actor":
            beneficiary = S.OTHER_SIDE.get(actor or "")
        elif beneficiary_key == "=actor":
            beneficiary = actor
        if note == "ip_assignment/kept" or attributes.get("covers") == "own":
            actor = beneficiary = actor if note != "ip_assignment/kept" else beneficiary
        if kind in KIND_OBJECTS:
            obj = KIND_OBJECTS[kind]
        elif kind in _MODIFIER_KINDS:  # a grant's scope words share its object: read once a sentence
            obj = self.reading(text, s, e).object
        else:
            obj = S.object_of(text, end, e)
        if (
            act is None
            or actor in (None, S.UNKNOWN)
            or beneficiary in (None, S.UNKNOWN)
            or (obj is None and kind not in KIND_OBJECTS)
        ):  # what the kind leaves open: read the sentence
            reading = self.reading(text, s, e)
            act = act or reading.act
            actor = actor if actor not in (None, S.UNKNOWN) else reading.actor
            beneficiary = beneficiary if beneficiary not in (None, S.UNKNOWN) else reading.beneficiary
            obj = obj if kind in KIND_OBJECTS else obj or reading.object
        if self._read_text is not text:
            self._read_text, self._readings = text, {}
        sentence = self._sentences.get((text, s, e)) if self._sentences_text is text else None
        if sentence is None:  # what the sentence itself says, once for all its findings
            if self._sentences_text is not text:
                self._sentences_text, self._sentences = text, {}
            sentence = self._sentences[(text, s, e)] = (
                not (_is_definition(p) or bare_title(p)) and S.operative(text, s),
                S.qualifiers_of(text, s, e) if kind in QUALIFIED else None,
            )
        operative, qualifiers = sentence
        if qualifiers is None and kind in QUALIFIED:
            qualifiers = S.qualifiers_of(text, s, e)
            self._sentences[(text, s, e)] = (operative, qualifiers)
        negated = bool(attributes.get("negated")) or polarity == "restriction"
        known = actor != S.UNKNOWN and beneficiary != S.UNKNOWN
        confidence = (0.9 if known else 0.7) if self.terms_known else 0.6
        return {
            "act": act or "other",
            "actor": actor,
            "beneficiary": beneficiary,
            "object": obj,
            "qualifiers": qualifiers if kind in QUALIFIED and qualifiers else (),
            "negated": negated,
            "operative": operative,
            "confidence": confidence if operative else 0.5,
        }

    def risky(self, grant: _Grant | None) -> bool:
        """Rights leave the creator (or we cannot tell that they do not)."""
        if grant is None:
            return True
        return grant.giver != self.parties.other and grant.receiver != self.parties.creator

    # -- the kinds -----------------------------------------------------------------------------------

    def ownership(self, p: Paragraph) -> tuple[list[Finding], _Grant | None]:
        t, text, out, grant = self.t, p.text, [], None
        ip_heading = self.under(p, "ip", "work_made_for_hire", "license")
        for m in t.finditer(P.WORK_FOR_HIRE):
            s, e = t.sentence(m.start())
            if t.search(P.WORK_FOR_HIRE_NEGATED, s, e) and not t.search(P.ASSIGNMENT, s, e):
                out.append(self.finding(p, "work_made_for_hire", m, INFO, "work_made_for_hire/negated", negated=True))
                break
            # A work made for hire always belongs to the commissioning side, whoever the sentence names: the side
            # that does not make the work, which is ours where the user says they are the client (no risk to us)
            ours = self.maker != self.parties.creator
            owner: str | None = self.parties.creator if ours else self.parties.other
            grant = _Grant(self.maker, owner)
            out.append(
                self.finding(
                    p,
                    "work_made_for_hire",
                    m,
                    INFO if ours else HIGH,
                    "work_made_for_hire",
                    owner=owner,
                    direction=f"{self.maker}->{owner}",
                )
            )
            break
        done = -1  # the end of the last sentence read as a reservation: its other phrases add nothing
        for m in t.finditer(P.ASSIGNMENT):
            if m.start() < done:
                continue
            s, e = t.sentence(m.start())
            if _trapped(P.ASSIGNMENT_TRAP, text, m, s, e) or (self.under(p, "assignment_clause") and not ip_heading):
                continue
            if not S.operative(text, s):  # a definition or recital assigns nothing
                continue
            phrase = m.group(0).lower()
            if (verb := phrase.rfind("assign")) >= 0 and P.STAFFING.match(text, m.start() + verb):
                continue  # "will assign only qualified linguists to the Services": staffing, not a transfer
            weak = not any(w in phrase for w in ("assign", "transfer", "convey", "title"))
            if weak and not (
                self.work.search(text, s, e)
                or P.IP_OBJECT.search(text, s, e)
                or (phrase.endswith("yours") and _MADE_THING.search(text, s, e))
                or (  # "Everything Contractor creates under this Agreement belongs to Client": made by the creator
                    P.CREATION.search(text, s, m.start())
                    and self.parties.before(text, s, m.start()) == self.parties.creator
                )
                or (
                    # "such ideas, recipes and methods shall become the property of X": know-how passing to X (not
                    # "the fixtures shall become the property of the Landlord")
                    phrase.startswith("become") and _IDEAS.search(text, s, e) and not _NOT_IDEAS.search(text, s, e)
                )
                or (
                    ip_heading
                    and (
                        t.search(P.IP_EVIDENCE, s, e)
                        or P.RIGHTS_OBJECT.search(text, s, e)
                        or P.CREATION.search(text, s, e)
                        or text.rstrip().endswith(":")
                    )
                )
            ):
                continue  # "the following Parties shall own … the Segments" (under "Ownership of Segments")
            if (
                weak
                and _MARKS_OWNED.search(phrase + " ")
                and t.search(_MARKS, s, m.start())
                and not P.CREATION.search(text, s, e)
            ):
                self.keep(out, p, m, self.parties.after(text, m.end(), e))
                done = e
                continue  # "agrees that the Brand Features are the exclusive property of the Licensor": marks it has
            nominal = "ownership" in phrase or phrase.startswith(("title", "property in"))  # "ownership of X passes"
            if (nominal or not weak) and not P.IP_OBJECT.search(text, s, e) and self.goods(m, s, e):
                continue  # "Title to the goods shall pass to the Buyer", "transfers the Equipment": goods, not the work
            if t.search(P.WARRANTY, s, m.start()) or (
                text[:s].rstrip().endswith(":") and P.WARRANTY.search(text, max(0, s - 300), s)
            ):
                continue  # "Licensor warrants that (i) it owns all right, title and interest": no transfer
            if _IS_OWNER.fullmatch(phrase) and t.search(P.WARRANTY, 0, m.start()):
                continue  # "X represents and warrants that: …; (ii) X is the sole and exclusive owner of": a warranty
            subject = self.parties.before(text, s, m.start())
            # "retains", or "is and shall remain the sole property of X" said of what X already has (not "shall be
            # and remain", nor records the other side writes that "remain the property of X")
            kept = (
                t.search(P.RETAINS, s, m.start())
                or P.RETAINS.search(m.group(0))
                or (phrase.startswith("all") and _HOLDS.search(text, max(s, m.start() - 40), m.start()))
                or (
                    (r := t.search(P.RETAINS, s, m.end()) or self.kept_later(text, m, e))
                    and not _BE_AND.search(text, max(s, r.start() - 20), r.start())
                    and not P.CREATION.search(text, s, e)
                    and r
                )
            )
            if kept and self.allotted(text, s, m, e):
                kept = None  # "All Deliverables are and shall remain the sole property of Client": new work allotted
            if kept:
                if not any(f.kind == "reservation_of_rights" for f in out):
                    out.append(
                        self.finding(
                            p, "reservation_of_rights", m, INFO, "reservation_of_rights", owner=subject or "unknown"
                        )
                    )
                done = e
                continue
            if t.search(P.JOINT, s, e):
                continue  # "the Parties shall jointly own", "an undivided interest": shared results, no transfer
            if "to such" in text or "to that" in text or "to its" in text or "to their" in text or "to the re" in text:
                to_own = _TO_OWN_SIDE.search(text, m.end(), e)
                if to_own and not self.parties.pattern.search(text, m.end(), to_own.start()):
                    continue  # "personnel bound to assign their inventions to such Party": each side's own people
            transfer = "assign" in phrase or "transfer" in phrase or "convey" in phrase
            if (transfer or not weak) and not (
                ip_heading or self.work.search(text, s, e) or t.search(P.IP_EVIDENCE, s, e)
            ):
                continue  # "transfer the decedent's Interest", "assign its rights in the Contract": no IP, no work
            if transfer:
                passive = phrase.rstrip().endswith(("assigned", "transferred", "conveyed"))
                if passive and _RELATIVE_BEFORE.search(text, max(s, m.start() - 30), m.start()):
                    continue  # "any Platforms that may be transferred to X": what is described, not a transfer
                if not P.RIGHTS_OBJECT.search(text, s if passive else m.end(), m.start() if passive else e):
                    continue  # what passes is named before a passive verb: "all copyright … is hereby conveyed to X"
                owner = self.parties.after(text, m.end(), e)
                giver = subject
            else:  # "X shall own", "the property of X", "vests in X", "all right, title and interest ... to X"
                to = _TO_PARTY.search(text, m.end(), e) if "title" in phrase else None
                if nominal:  # "ownership of the Work Product transfers to X", "property in … vests in X"
                    to = _PASSES_TO.search(text, m.end(), e) or to
                after = self.parties.after(text, to.start() if to else m.end(), e)
                named_after = re.search(r"\b(?:of|in|to|by)$", phrase)
                if named_after and not to and self.other_owner(text, m.end()):
                    # the owner is no party: "owned by each Individual User", "the property of the creating party",
                    # "shall vest in the owner": no transfer between the parties
                    continue
                if phrase.startswith("belong") and (
                    after is None or _RELATIVE_BEFORE.search(text, max(s, m.start() - 30), m.start())
                ):
                    continue  # a bare "belongs to" transfers only to a party, and not in a relative clause
                owner = after if to or named_after else subject
                owner = owner or subject
                if "'s " in phrase or "’s " in phrase:  # "are the Client's property": the owner in the possessive
                    owner = self.parties.after(text, m.start(), m.end()) or owner
                if " our " in phrase or " your " in phrase or phrase.endswith("yours"):
                    # "shall become our property", "the video is yours": the party called we / you
                    owner = self.parties.after("we" if " our " in phrase else "you", 0, 3) or owner
                giver = subject if to else None
            if t.negated(s, m.start(), 25) or S.negated(text, s, m.start()):
                continue  # "shall not assign", "Neither party … shall assign"; not "if rights do not vest …, X assigns"
            own = self.parties.own_materials.search(text, m.end(), e)
            keeps_own = own is not None and owner is not None and own.group("who") in self.parties.names.get(owner, ())
            if self.made_by_owner(text, s, e, owner):
                # "Inventions made solely by X shall be owned by X": each side keeps what it makes or supplies
                self.keep(out, p, m, owner)
                done = e
                continue
            if (owner == self.parties.creator or (keeps_own and any(w in phrase for w in ("assign", "transfer")))) and (
                any(w in phrase for w in ("assign", "transfer", "convey", "become")) or P.CREATION.search(text, s, e)
            ):
                # A transfer to the creator, or the creator owning what is made under the contract:
                # an assignment clause, but one that takes nothing from the creator.
                out.append(
                    self.finding(
                        p,
                        "ip_assignment",
                        m,
                        INFO,
                        "ip_assignment/back",
                        owner=owner,
                        direction=f"{giver if giver not in (None, owner) else self.parties.other}->{owner}"
                        if not keeps_own
                        else f"{owner}->{owner}",
                    )
                )
                break
            if owner == self.parties.creator or keeps_own:
                # A party keeping what is its own (the creator its tools, the client its data) gives
                # nothing away: a statement of ownership kept, not an assignment.
                self.keep(out, p, m, owner)
                done = e
                continue
            giver = giver if giver not in (None, owner) else self.parties.creator
            if owner is None and giver == self.parties.creator:  # "Employee hereby assigns those rights"
                owner = self.parties.other
            grant = _Grant(giver, owner)
            sev = HIGH if owner == self.parties.other or self.work.search(text, s, e) else MEDIUM
            note = "ip_assignment"
            if S.FURTHER_ASSURANCE.search(text, s, e):  # papers to perfect a transfer made elsewhere
                sev, note = LOW, "ip_assignment/assurance"
            out.append(
                self.finding(
                    p,
                    "ip_assignment",
                    m,
                    sev,
                    note,
                    owner=owner or "unknown",
                    direction=f"{giver}->{owner or 'unknown'}",
                )
            )
            break
        return out, grant

    def licence(self, p: Paragraph) -> tuple[list[Finding], _Grant | None]:
        t, text = self.t, p.text
        for m in t.finditer(P.GRANT):
            s, e = t.sentence(m.start())
            if (
                _trapped(P.GRANT_TRAP, text, m, s, e)
                or t.negated(s, m.start(), 50)
                or _NO_BEFORE.search(text, max(s, m.start() - 40), m.start())
                or S.negated(text, s, m.start())
                or not S.operative(text, s)
                or _in_definition(p, m.start())
                or self.no_licence(text, m.end(), e)
                or (m.group(0).lower() in _BARE_LICENSES and not self.parties.right_before(text, s, m.start()))
                or (_PROMISED_LICENCE.match(m.group(0)) and _CONDITION_OPENS.search(text, s, m.start()))
            ):
                continue
            verb = m.group(0).lower()
            passive = "granted" in verb or "licensed" in verb or "licenced" in verb
            subject = self.parties.before(text, s, m.start())
            # "gives the Buyer a licence", "authorizes the Buyer to use", "grants to IBM:" (a lead-in): the
            # grantee is inside the match
            inside = verb.startswith(
                ("give", "shall give", "will give", "authori", "permitting", "hereby permit")
            ) or verb.endswith(":")
            other = self.parties.after(text, m.start() if inside else m.end(), e)
            if passive:
                giver, receiver = None, subject or other
            elif verb.startswith(_GRANTEE_FIRST):
                giver, receiver = None, subject
            else:
                giver, receiver = subject, other
            if giver == MUTUAL or receiver == MUTUAL:
                giver = receiver = MUTUAL
            if giver is None and receiver in (CLIENT, PROVIDER):
                giver = CLIENT if receiver == PROVIDER else PROVIDER
            if receiver is None and giver in (CLIENT, PROVIDER):
                receiver = CLIENT if giver == PROVIDER else PROVIDER
            grant = _Grant(giver, receiver)
            scope = t.search(P.SCOPE_LIMIT, m.start(), e)
            if giver == MUTUAL:
                sev, note = LOW, "license_grant"
            elif receiver == self.parties.creator:
                sev, note = INFO, "license_grant/back"
            elif t.search(P.AI_EXCLUSION, m.start(), e):
                # "grants the Client a non-exclusive licence to use them as part of the Deliverables, but not for
                # any Prohibited AI Use": the grant itself keeps AI use out
                sev, note = LOW, "license_grant/ai-excluded"
            else:
                sev, note = MEDIUM, "license_grant"
            direction = MUTUAL if giver == MUTUAL else f"{giver or 'unknown'}->{receiver or 'unknown'}"
            return [
                self.finding(
                    p,
                    "license_grant",
                    m,
                    sev,
                    note,
                    grantor=giver or "unknown",
                    grantee=receiver or "unknown",
                    direction=direction,
                    scope=scope.group(0) if scope else None,
                )
            ], grant
        return [], None

    def no_licence(self, text: str, start: int, end: int) -> bool:
        """The right granted is no licence of anything: "grants to X and its accountants the right to examine the
        books", "the right to audit" (and no licence or use is named in the sentence)."""
        return bool(self.t.search(_NON_LICENCE_RIGHT, start, end)) and not self.t.search(_LICENCE_USE, start, end)

    def modifiers(
        self, p: Paragraph, grant: _Grant | None, gates: frozenset[str], transfers: Sequence[Finding] = ()
    ) -> list[Finding]:
        """The scope words of a grant: perpetual, any purpose, future media, derivatives, sublicences.

        Outside a grant's paragraph (or its sub-items) a modifier counts only in a sentence about
        rights that also names the work, a grant, or sits under an IP or licence heading. In a sentence that
        transfers the work (one of ``transfers``, the paragraph's assignments and vestings) and grants no licence,
        the words are the transfer's reach ("assigns … throughout the universe in perpetuity"): the finding's act
        is the transfer's, not "licenses".
        """
        t, text = self.t, p.text
        out: list[Finding] = []
        if not gates & _MODIFIER_KINDS or _is_definition(p) or (self.under(p, "restrictions") and grant is None):
            return out
        references: dict[int, tuple[int, _Grant] | None] = {}
        for kind, signals, trap, severity in _MODIFIERS:
            if kind not in gates:
                continue
            for m in (m for signal in signals for m in t.finditer(signal)):
                s, e = t.sentence(m.start())
                window = m.start() - s if kind in ("derivative_works", "sublicensable") else 80
                if (
                    _quoted(text, m)
                    or _trapped(trap, text, m, s, e)
                    or (t.negated(s, m.start(), window) and _negated_outside_asides(text, s, m.start(), window))
                    or t.search(P.RETAINS, s, e)
                    or t.search(P.AI_EXCLUSION, m.start(), e)
                ):
                    continue
                if s not in references:
                    references[s] = self.licence_reference(p, s, e, grant)
                reference = references[s]
                context = grant
                own = self.processed_by_any_technology(text, s, e, m) if kind == "future_technologies" else None
                if own is not None:  # "Licensee may … process the Licensed Works using any technology, including …"
                    context = own
                elif reference is not None and m.start() >= reference[0]:
                    # "The license granted to the Customer under Section 2 shall be perpetual": the words of the
                    # predicate qualify that licence, as they would inside its grant
                    context = reference[1]
                    if self.outside_grant(text, s, e, m.start(), context):
                        continue
                elif self.outside_grant(text, s, e, m.start(), grant):
                    if grant is None and kind == FindingKind.ANY_AND_ALL_PURPOSES and self.creator_feedback(text, s, e):
                        # "Provider may use all Feedback freely without any restriction": unrestricted, but
                        # the creator's own use of what the client gives it (no risk to the creator)
                        out.append(
                            self.finding(
                                p,
                                kind,
                                m,
                                INFO,
                                kind,
                                direction=self._direction(_Grant(self.parties.other, self.parties.creator)),
                            )
                        )
                        break
                    continue
                elif grant is None and not (
                    P.RIGHTS_CONTEXT.search(text, s, e)
                    and (
                        self.under(p, "ip", "license", "feedback")
                        or t.search(P.GRANT, s, e)
                        or self.work.search(text, s, e)
                    )
                ):
                    continue
                if kind == "future_technologies" and self.under(p, "publicity"):
                    continue
                if grant is not None and kind == "perpetual_irrevocable" and not _LICENCE_TERM.search(text, s, e):
                    # another sentence of a paragraph that grants: "This Agreement shall continue in perpetuity",
                    # "the duty of confidence survives in perpetuity" (a term or a duty, not the licence)
                    continue
                risky = self.risky(context)
                found = self.finding(p, kind, m, severity if risky else INFO, kind, direction=self._direction(context))
                transfer = next((f for f in transfers if s <= f.phrase_start < e), None)
                if transfer is not None and transfer.act and not t.search(P.GRANT, s, e):
                    found = replace(found, act=transfer.act)
                out.append(found)
                break
        return out

    def processed_by_any_technology(self, text: str, s: int, e: int, m: re.Match[str]) -> _Grant | None:
        """The right a sentence of its own gives to process the work by any technology, automated tools included
        ("Licensee and its sublicensees may store, index and otherwise process the Licensed Works using any
        technology, including automated and machine-assisted tools"), as a grant from the other side to the party it
        names before its modal (no licence word need be in it); None for another sentence (no work named, no party
        permitted, a grant of its own)."""
        if P.ANY_TECHNOLOGY.match(text, m.start()) is None or not self.work.search(text, s, m.start()):
            return None
        modal = P.AI_PERMISSION.search(text, s, m.start())
        who = self.parties.before(text, s, modal.start()) if modal is not None else None
        if who not in (self.parties.creator, self.parties.other):
            return None
        return _Grant(self.parties.other if who == self.parties.creator else self.parties.creator, who)

    def licence_reference(self, p: Paragraph, s: int, e: int, grant: _Grant | None) -> tuple[int, _Grant] | None:
        """The licence the sentence ``s..e`` names by reference as its subject ("The license granted to the
        Customer under Section 2", "Such license", "The foregoing rights", "Licensee's rights under Section 2"),
        as (where its verb starts, who grants it to whom): the parties the subject names ("granted by X", "to
        X", "X's licence"), else the licence of the section it cites, else ``grant`` (the paragraph's), else
        the last licence granted or referred to before it, else unknown parties. None when the subject is no licence
        ("The Company's existence", "the right of first refusal", "the licence fees")."""
        text = p.text
        at = _CLAUSE_NUMBER.match(text, s, e)
        r = _LICENCE_REFERENCE.match(text, at.end() if at else s, e)
        if r is None:
            return None
        if _GRANTING_PREDICATE.match(text, r.start("verb")) or self.defined_before(text, s):
            return None
        noun, words, tail = r.group("noun").lower(), r.group("words"), r.group("tail")
        if noun.startswith("grant") and not (
            _REFERRING.search(words) or re.match(r"\s*of\s+(?:the\s+)?(?:licen|rights|use)", tail, re.IGNORECASE)
        ):
            return None  # "The Grant shall be paid in full" (a sum of money)
        if noun.startswith("right") and (
            _NOT_LICENCE_RIGHTS.search(words)
            or _NOT_LICENCE_RIGHTS.match(tail)
            or not (
                _REFERRING.search(r.group("subject"), 0, r.start("noun") - r.start("subject"))
                or _GRANTED_TAIL.match(tail)
            )
        ):
            return None  # "the right of first refusal", "voting rights", rights not said to be granted
        giver = receiver = None
        for party in self.parties.pattern.finditer(text, r.start("subject"), r.start("verb")):
            if party.start() < r.start("noun"):
                if text.startswith(("'s", "’s"), party.end()):  # "the Customer's licence"
                    receiver = party.lastgroup
            elif _BY_BEFORE.search(text, max(r.start("noun"), party.start() - 12), party.start()):
                giver = party.lastgroup  # "granted by the Supplier"
            elif re.search(
                r"\b(?:to|of|for|unto)\s+(?:the\s+)?$", text[max(r.start("noun"), party.start() - 12) : party.start()]
            ):
                receiver = party.lastgroup  # "granted to the Customer", "the rights of the Customer"
        if giver == MUTUAL or receiver == MUTUAL:
            giver = receiver = MUTUAL
        if giver is None and receiver is None:
            cited = _CITED.search(text, r.start("tail"), r.start("verb"))
            found = self.cited_licence(cited.group(1)) if cited else None
            self.latest = found or grant or self.latest or _Grant(None, None)
            return r.start("verb"), self.latest
        giver = giver or _OTHER.get(receiver)
        receiver = receiver or _OTHER.get(giver)
        self.latest = _Grant(giver, receiver)
        return r.start("verb"), self.latest

    @staticmethod
    def defined_before(text: str, s: int) -> bool:
        """A definition opened before ``s`` in the paragraph, and no numbered clause since ("1.28 "Shortfall
        License" shall mean a licence …. Such license shall be …" describes the defined licence)."""
        ends = [m.end() for m in _DEFINED.finditer(text, 0, s)]
        return bool(ends) and not _NEXT_CLAUSE.search(text, ends[-1], s)

    def cited_licence(self, number: str) -> _Grant | None:
        """The last licence granted in the section or clause ``number`` ("2", "2.1") or one of its sub-clauses."""
        within = number + "."
        for numbers, grant in reversed(self.licences):
            if any(n == number or n.startswith(within) for n in numbers):
                return grant
        return None

    def goods(self, m: re.Match[str], s: int, e: int) -> bool:
        """The sentence of the transfer ``m`` is about goods: title passing ("Title to the serviceable parts
        shall pass to the Buyer") to something that is neither the work nor IP; or a transfer whose first
        object is goods ("transfers the Equipment"), not IP named before them ("shall assign all regulatory
        filings … for the Products")."""
        text = m.string
        if m.group(0).lower().startswith("title"):
            return bool(self.t.search(P.GOODS, s, e)) or not (
                self.work.search(text, s, e) or P.IP_EVIDENCE.search(text, s, e)
            )
        goods = self.t.search(P.GOODS, m.end(), e)
        if goods is None:
            return bool(self.t.search(P.GOODS, s, m.start()))
        return P.IP_EVIDENCE.search(text, m.end(), goods.start()) is None

    def other_owner(self, text: str, at: int) -> bool:
        """The owner named at ``at`` ("owned by …", "the property of …") is no party of the contract."""
        at = _OWNER_AT.match(text, at).end()  # type: ignore[union-attr]  # matches the empty string
        return not self.parties.pattern.match(text, at) and bool(P.NON_PARTY_OWNER.match(text, at))

    def allotted(self, text: str, s: int, m: re.Match[str], e: int) -> bool:
        """ "All Deliverables are and shall remain the sole property of Client": the work made under the contract,
        named before the phrase, said to stay with the side it is made for; an allocation of new work to that side,
        not a party keeping its own (the creator's own engine, the client's records it supplied)."""
        if not self.work.search(text, s, m.start()) or P.MADE_BY.search(text, s, e):
            return False
        owner = self.parties.after(text, m.start(), e)
        return owner is not None and owner == self.parties.other

    def kept_later(self, text: str, m: re.Match[str], e: int) -> re.Match[str] | None:
        """ "all right, title and interest in the Software … are and shall remain the exclusive property of X",
        "Each Party shall own or Control, and shall continue to own …": the sentence's rights stay where they
        are, said after the phrase of the same subject (no comma, or no other party named, in between)."""
        r = self.t.search(P.RETAINS, m.end(), e)
        if r is None:
            return None
        between = text[m.end() : r.start()]
        return r if "," not in between or not self.parties.pattern.search(between) else None

    def keep(self, out: list[Finding], p: Paragraph, m: re.Match[str], owner: str | None) -> None:
        """A party keeping what is its own: one ``kept`` reservation (info) for the paragraph, no transfer."""
        if not any(f.kind == "reservation_of_rights" for f in out):
            out.append(
                self.finding(
                    p,
                    "reservation_of_rights",
                    m,
                    INFO,
                    "ip_assignment/kept",
                    owner=owner,
                    direction=f"{owner}->{owner}",
                    kept=True,
                )
            )

    def _passive_permitted(self, text: str, s: int, at: int, after: int, e: int) -> tuple[str, bool]:
        """Who a passive permission lets use its subject ("… may be used to train …"): the party it names as the
        agent ("by the Studio"); else, where the subject is a party's own material ("Client Data", "the Client's
        photographs"), the other party, as nobody needs leave to use its own; else the side other than the creator
        ("The Artwork may be used to train AI models": the creator needs no permission to use its work), with
        whether the subject's owner was read (False: a material the document gives to no one, "The Materials")."""
        agent = _BY_AGENT.search(text, after, e)
        named = self.parties.after(text, agent.end(), e) if agent else None
        if named is not None:
            return named, True
        if agent:  # "by any person": nobody of the two
            return self.parties.before_any_case(text, s, at) or "unknown", True
        subject = max(s, text.rfind(",", s, at) + 1)  # the subject after any aside
        owner = _owner_of(self.parties, text, subject, at) or self._defined_owner(text, subject, at)
        if owner is None and self.work.search(text, subject, at):  # "The Images may be used …": the work's maker's
            owner = self.maker
        if owner in (CLIENT, PROVIDER):
            return CLIENT if owner == PROVIDER else PROVIDER, True
        return self.parties.other, False

    def _trained_words(self, text: str, m: re.Match[str], end: int) -> re.Match[str]:
        """``m``, or where it is a word the document defines as AI language ("Subscriber Materials", defined
        through "the Platform") the first AI words of the document's own kind after it in the sentence ("to train
        … its machine learning models")."""
        if self.ai_words is None or not self.ai_words.fullmatch(m.group(0)) or P.AI_TERM.fullmatch(m.group(0)):
            return m
        for x in fast.finditer(P.AI_TERM, text, None, m.end(), end):
            if not _AI_NAME.match(text, x.start()):
                return x
        return m

    def _defined_owner(self, text: str, start: int, end: int) -> str | None:
        """The party whose material the defined term in ``text[start:end]`` is by its definition ("“Reference
        Images” means the photographs the Client provides", "… created by the Supplier"); ``None`` where it names no
        defined term, or its definition names no one party as supplying or making it."""
        defined = getattr(self.terms, "all", None) or {}
        said = text[start:end]
        for name in sorted((n for n in defined if n in said), key=len, reverse=True):
            at = defined[name].defined_at
            if at is None or not 0 <= at < len(self.paragraphs):
                continue
            meaning = self.paragraphs[at].text
            owners = [
                role
                for role in (CLIENT, PROVIDER)
                if says_of(meaning, sorted(self.parties.names[role]), SUPPLIES, SUPPLIED)
                or says_of(meaning, sorted(self.parties.names[role]), MAKES, MADE)
            ]
            return owners[0] if len(owners) == 1 else None
        return None

    def made_by_owner(self, text: str, s: int, e: int, owner: str | None) -> bool:
        """The sentence gives its ``owner`` what that party itself made, supplied or already held ("made
        solely by or on behalf of X", "provided by X"; "by such Party" when each party owns its own)."""
        if owner is None or _TRANSFER.search(text, s, e):  # "X will own and Y will assign": rights move
            return False
        for m in P.MADE_BY.finditer(text, s, e):
            named = {x.lastgroup for x in self.parties.pattern.finditer(text, m.end(), min(e, m.end() + 60))}
            if named - {owner}:  # "created by Skype, or the Company": not the owner alone
                continue
            if owner == MUTUAL:
                if re.match(r"(?:such|that|the\s+relevant|the)\s+[Pp]arty\b|it\b|the\s+party\s+who", text[m.end() :]):
                    return True
            elif self.parties.after(text, m.end(), min(e, m.end() + 40)) == owner and (
                self.parties.pattern.match(text, m.end())
                or (text.startswith(("the ", "The "), m.end()) and self.parties.pattern.match(text, m.end() + 4))
            ):
                return True
        return False

    def first_body(self, i: int) -> int:
        """The first paragraph of text under the heading ``paragraphs[i]`` (the heading itself if none)."""
        path = self.paragraphs[i].section_path
        for q in self.paragraphs[i + 1 : i + 4]:
            if q.section_path[: len(path)] != path or (q.is_heading and bare_title(q)):
                break
            if q.text.strip():
                return q.index
        return i

    def creator_feedback(self, text: str, s: int, e: int) -> bool:
        """The sentence lets the creator use the client's feedback or usage data."""
        reading = self.reading(text, s, e)
        return (
            reading.act == "permits"
            and reading.beneficiary == S.CREATOR
            and not reading.negated
            and bool(self.t.search(P.FEEDBACK, s, e))
        )

    def reading(self, text: str, s: int, e: int) -> S.Reading:
        """The semantic reading of the current paragraph's sentence ``text[s:e]`` (read once)."""
        key = (s, e)
        if self._read_text is not text:
            self._read_text, self._readings = text, {}
        reading = self._readings.get(key)
        if reading is None:
            reading = self._readings[key] = S.read(text, self.roles, s, e, qualified=False)
        return reading

    def outside_grant(self, text: str, s: int, e: int, at: int, grant: _Grant | None) -> bool:
        """A scope word at ``at`` that belongs to no grant: inside an exception or condition opened after
        the sentence's last grant verb ("… except to the extent the claim arises from any adaptation
        made by the Buyer"); or, in a paragraph without a grant, in a sentence whose act gives no
        rights ("shall indemnify", "may subcontract … in any manner") or gives them to the creator."""
        key = (s, e)
        if self._read_text is not text:
            self._read_text, self._readings = text, {}
        spans = self._spans.get(key) if self._spans_text is text else None
        if spans is None:
            if self._spans_text is not text:
                self._spans_text, self._spans = text, {}
            found = [x.span() for x in S.exceptions(text, s, e)]
            spans = self._spans[key] = ([g.end() for g in P.GRANT.finditer(text, s, e)] if found else [], found)
        grants, exceptions = spans
        anchor = max((g for g in grants if g <= at), default=s)
        if any(a >= anchor and b <= at and not _closed_aside(text, a, at) for a, b in exceptions):
            return True
        if grant is not None:
            return False
        reading = self.reading(text, s, e)
        return (
            reading.act not in S.GRANTING
            or reading.negated
            or (reading.act == "permits" and reading.beneficiary == S.CREATOR)
        )

    def _direction(self, grant: _Grant | None) -> str | None:
        if grant is None:
            return None
        if grant.giver == MUTUAL:
            return MUTUAL
        return f"{grant.giver or 'unknown'}->{grant.receiver or 'unknown'}"

    def public_domain(self, p: Paragraph) -> list[Finding]:
        """A dedication of the work to the public domain: an ``ip_assignment`` to no one (``owner``
        ``public``), high when the creator's work goes, none when the sentence denies it."""
        text = p.text
        for m in _PUBLIC_DOMAIN.finditer(text):
            s, _ = self.t.sentence(m.start())
            if self.t.negated(s, m.end(), m.end() - s) or not S.operative(text, s):
                continue
            return [
                self.finding(
                    p,
                    "ip_assignment",
                    m,
                    HIGH,
                    "ip_assignment/public_domain",
                    owner="public",
                    direction=f"{self.parties.creator}->public",
                )
            ]
        return []

    def moral_rights(self, p: Paragraph) -> list[Finding]:
        for m in P.MORAL_RIGHTS.finditer(p.text, body_start(p)):
            s, e = self.t.sentence(m.start())
            waiver = self.t.search(P.WAIVER, s, e)
            if not waiver:
                continue
            waiving = self.parties.after(p.text, s, waiver.start()) or self.parties.creator  # the subject
            sev = MEDIUM if waiving == self.parties.creator else INFO
            return [self.finding(p, "moral_rights_waiver", m, sev, "moral_rights_waiver", waived_by=waiving)]
        return []

    def digital_replica(self, p: Paragraph) -> list[Finding]:
        """A permission to make new material in the creator's voice or likeness by digital means ("may create, by
        digital or any other means, corrections and additional words or lines in the Narrator's voice"; "may
        generate, by digital means, new footage in the Consultant's likeness"): high where the other side may, no
        risk where the creator may, low where it waits for the creator's consent. The phrase is the means. A bar
        ("shall not create …") or another person's voice is no such permission."""
        text = p.text
        for v in P.VOICE_LIKENESS.finditer(text, body_start(p)):
            s, e = self.t.sentence(v.start())
            means = P.DIGITAL_MEANS.search(text, s, e)
            make = P.MAKE_MATERIAL.search(text, s, v.start())
            may = None
            for m in P.MAY_MAKE.finditer(text, s, make.start() if make is not None else s):
                may = m
            if means is None or make is None or may is None or make.start() - may.end() > 80:
                continue
            if _NO_SUBJECT.search(text, s, may.start()) or P.NEGATION.search(text, may.start(), make.start()):
                continue  # "no party may", "may not create": a bar, not a permission
            if not _IN_VOICE.search(text, max(s, v.start() - 60), v.start()) and (
                v.start() - make.end() > 40 or "," in text[make.end() : v.start()]
            ):
                continue  # "trailers featuring the Narrator's voice": her recorded voice, not new material in it
            near = max(s, v.start() - 40)  # "the Narrator's voice", "the voice of the Narrator"
            owner = self.parties.before_any_case(text, near, v.start())
            if owner is None and re.match(r"\s+of\b", text[v.end() :]):
                owner = self.parties.after(text, v.end(), min(e, v.end() + 40))
            if owner is None or owner != self.parties.creator:
                continue
            who = self.parties.before_any_case(text, s, may.start()) or "unknown"
            if who == self.parties.creator:
                note, sev = "digital_replica/creator", INFO
            elif P.CONSENTED.search(text, s, e):
                note, sev = "digital_replica/consented", LOW
            else:
                note, sev = "digital_replica", HIGH if who in (CLIENT, PROVIDER) else MEDIUM
            return [self.finding(p, "digital_replica", means, sev, note, beneficiary=who, polarity="permission")]
        return []

    def feedback(self, p: Paragraph) -> list[Finding]:
        text = p.text
        terms = self.t.finditer(P.FEEDBACK)
        if self.under(p, "feedback"):  # under a Feedback title, "any feedback" in lower case is the same thing
            terms = itertools.chain(terms, _FEEDBACK_WORD.finditer(text, body_start(p)))
        for m in terms:
            s, e = self.t.sentence(m.start())
            use = P.FEEDBACK_USE.search(text, s, e)
            if not use or self.t.negated(s, use.start(), 40):
                continue
            if (by := _PASSIVE_USE.match(text, use.start())) is not None:  # "Usage Data may be used (by X)"
                who = self.parties.after(text, by.end(), by.end() + 40) if by.group("by") else None
            else:
                who = self.parties.before(text, s, use.start()) or self.parties.after(text, use.end(), e)
            if who is None or who == MUTUAL:
                who = who or "unknown"
            # the passive names no user: usage data and feedback are the user's, used by the other side
            sev = LOW if who == self.parties.creator or (by is not None and who == "unknown") else MEDIUM
            return [self.finding(p, "feedback_usage_data", m, sev, "feedback_usage_data", beneficiary=who)]
        return []

    def ai(self, p: Paragraph) -> list[Finding]:
        """AI language with its polarity, judged on the whole sentence (a run-in title is no sentence)."""
        text = p.text
        matches: Iterator[re.Match[str]] = fast.finditer(P.AI_TERM, text, None, body_start(p))
        if self.ai_words is not None:
            matches = iter(
                sorted(itertools.chain(matches, self.ai_words.finditer(text, body_start(p))), key=lambda x: x.start())
            )
        for m in matches:
            if any(
                t.start() <= m.start() and t.end() >= m.end()
                for trap in (P.AI_TRAP, self.own_title, _AI_DOCUMENT, P.AI_RESTRICTION_NAMED)
                if trap is not None
                for t in trap.finditer(text, max(0, m.start() - 80), m.end() + 80)
            ):
                continue
            s, e = self.t.sentence(m.start())
            # "X may use … to train its AI tools, provided that such tools are not made available to the public": the
            # main clause's polarity; a proviso after the AI words conditions it, its "not" restricts nothing
            proviso = P.PROVISO.search(text, m.end(), e)
            if proviso is not None:
                e = proviso.start()
            # a cover-page row label ("Training Restrictions") names the row's clause: it restricts nothing itself
            label = p.in_table and not p.is_heading and _ROW_LABEL.fullmatch(text.strip()) is not None
            # "subject to the restrictions on Prohibited AI Use": its words negate nothing in the sentence
            named = [x.span() for x in P.AI_RESTRICTION_NAMED.finditer(text, s, e)] if "estrict" in text[s:e] else []
            negation = (
                None
                if label
                else (
                    self.t.search(P.NEGATION, s, e)
                    if not named
                    else next((n for n in P.NEGATION.finditer(text, s, e) if _outside(n, named)), None)
                )
                or next(
                    (
                        r
                        for r in P.RESTRICT.finditer(text, s, e)
                        if _outside(r, named)
                        and not any(
                            x.start() <= r.start() < x.end() for x in P.RESTRICTION_REFERENCE.finditer(text, s, e)
                        )
                    ),
                    None,
                )
            )
            disclose = P.AI_TRANSPARENCY.search(text, s, e)
            discloser = (self.parties.before(text, s, disclose.start()) or "unknown") if disclose else None
            if negation:
                bound = self.parties.before_any_case(text, s, negation.start()) or "unknown"
                names = "|".join(map(re.escape, self.parties.names.get(bound, ())))
                # "The Buyer shall not upload the Buyer's own data to an AI tool": its own material, not the work
                own = (
                    bound in (CLIENT, PROVIDER)
                    and bound != self.parties.creator
                    and not self.work.search(text, s, e)
                    and S.owns_object(text, negation.start(), e, names)
                )
                note, sev = (
                    ("existing_ai_restriction/creator", LOW)
                    if bound == self.parties.creator
                    else ("existing_ai_restriction/restriction", INFO)
                )
                return [
                    self.finding(
                        p,
                        "existing_ai_restriction",
                        m,
                        sev,
                        note,
                        polarity="restriction",
                        restricted_party=bound,
                        covers="own" if own else None,
                        discloser=discloser,
                    )
                ]
            permission = P.AI_PERMISSION.search(text, s, e)
            # "Performer consents to Studio … using the Recordings as training data": Studio's permission
            consent = None if permission else P.AI_CONSENT.search(text, s, e)
            if permission or consent:
                owned = True  # whose material the permission is over is read (or does not matter)
                # a material the document defines through its AI ("Subscriber Materials" means the recordings …
                # the Platform produces) is what the permission uses, not what it trains: the AI words after it are
                m = self._trained_words(text, m, e) if permission is not None else m
                if permission is None:
                    who = self.parties.after(text, consent.end() if consent else s, e) or "unknown"
                elif _PASSIVE_PERMISSION.match(text, permission.end(), e):
                    who, owned = self._passive_permitted(text, s, permission.start(), permission.end(), e)
                else:
                    who = (
                        self.parties.before_any_case(text, s, permission.start())
                        or self.parties.after(text, permission.end(), e)
                        or "unknown"
                    )
                sev = INFO if who == self.parties.creator else HIGH
                return [
                    self.finding(
                        p,
                        "existing_ai_restriction",
                        m,
                        sev,
                        "existing_ai_restriction/permission",
                        polarity="permission",
                        permitted_party=who,
                        discloser=discloser,
                        **({} if owned else {"material_owner": "unknown"}),
                    )
                ]
            if S.drafting_note(text):  # a note that only talks about AI: neither a term nor a choice of the form
                return []
            if (
                discloser is None
                and not self.t.search(P.NEGATION)
                and all(
                    _AI_NAME.match(text, x.start()) and not (x.start() and text[x.start() - 1] in P.OPEN_QUOTES)
                    for x in P.AI_TERM.finditer(text, body_start(p))
                )
                and (self.ai_words is None or not self.ai_words.search(text, body_start(p)))
            ):  # "submit Input to the AI Services": a thing named (not defined), its use neither limited,
                # allowed nor disclosed
                return []
            return [
                self.finding(
                    p,
                    "existing_ai_restriction",
                    m,
                    LOW,
                    "existing_ai_restriction/mention",
                    polarity="mention",
                    discloser=discloser,
                )
            ]
        return []

    def governing_law(self, p: Paragraph) -> list[Finding]:
        m = self.t.search(P.GOVERNING_LAW)
        if not m and self._law_label(p):  # "Governing Law" | "The laws of {governing_law}" (a cover-page row)
            m = self.t.search(P.LAW_ALONE)
        if not m:
            return []
        place = P.LAW_PLACE.search(p.text, m.start())
        jurisdiction = (place.group(1) or place.group(2)).strip() if place else None
        return [
            self.finding(
                p,
                "governing_law",
                m,
                LOW,
                "governing_law",
                jurisdiction=jurisdiction,
                law=law_as_written(p.text, place) if place else None,
                favours=self.favoured_by_law(jurisdiction),
            )
        ]

    def _law_label(self, p: Paragraph) -> bool:
        """The paragraph sits under a governing-law label: its heading or run-in title, or the row label
        just before it (a cover-page table's left cell)."""
        before = self.paragraphs[p.index - 1].text if 0 < p.index <= len(self.paragraphs) else ""
        return any(P.LAW_LABEL.match(x) for x in (p.heading or "", p.run_in_title or "", before))

    def favoured_by_law(self, jurisdiction: str | None) -> str:
        """Whose home law this is, from the parties' own introductions ("a California corporation")."""
        if not jurisdiction:
            return "unknown"
        if jurisdiction[0] in "{[":  # "[the Provider's home jurisdiction]"
            return self.parties.after(jurisdiction, 0, len(jurisdiction)) or "unknown"
        key = re.sub(r"^(?:State|Commonwealth|Province|Republic|Kingdom)\s+of\s+", "", jurisdiction).split(",")[0]
        homes = {role for role, intro in self.parties.introductions.items() if key in intro}
        if len(homes) > 1:  # both parties are there: it is the creator's home law too
            return self.parties.creator
        return homes.pop() if homes else "unknown"

    def indemnity(self, p: Paragraph) -> list[Finding]:
        text = p.text
        m = self.t.search(P.INDEMNITY)
        if not m and self.under(p, "indemnification") and not _is_definition(p):
            m = re.search(r"\bindemnif\w*", text, re.I)
        if not m:
            return []
        s, _ = self.t.sentence(m.start())
        who = self.parties.before(text, s, m.start() + 1) or "unknown"
        if self.t.search(P.MUTUAL, s, m.start() + 1):
            who = MUTUAL
        sev = MEDIUM if who == self.parties.creator else LOW if who in (MUTUAL, "unknown") else INFO
        note = "indemnification/unknown" if who == "unknown" else "indemnification"
        return [self.finding(p, "indemnification", m, sev, note, indemnitor=who)]

    def simple(
        self, p: Paragraph, kind: str, signal: re.Pattern[str], severity: str, trap: re.Pattern[str] | None = None
    ) -> list[Finding]:
        m = self.t.search(signal)
        if not m or (trap is not None and self.t.search(trap)):
            return []
        return [self.finding(p, kind, m, severity, kind)]

    def reservation(self, p: Paragraph, already: list[Finding]) -> list[Finding]:
        if any(f.kind == "reservation_of_rights" for f in already):
            return []
        m = self.t.search(P.RESERVATION) or self.t.search(P.RESERVATION_MUTUAL)
        if not m:
            return []
        text = p.text
        s, e = self.t.sentence(m.start())
        if to := _RESERVED_TO.match(text, m.end()):  # "… are reserved to the Provider"
            owner = self.parties.after(text, to.end(), e)
        else:  # "Provider reserves all rights"; "all rights not granted to Customer are reserved"
            owner = self.parties.before(text, s, m.start()) or _OTHER.get(self.parties.after(text, m.start(), m.end()))
        owner = owner or self.parties.after(text, m.end(), e) or "unknown"
        return [self.finding(p, "reservation_of_rights", m, INFO, "reservation_of_rights", owner=owner)]

    # -- one paragraph ------------------------------------------------------------------------------

    def paragraph(
        self, i: int, p: Paragraph, gates: frozenset[str], carried: _Grant | None
    ) -> tuple[list[Finding], _Grant | None]:
        """The findings of ``p`` (``paragraphs[i]``) among the kinds its ``gates`` let through, and its grant."""
        self.t = _Text(p.text, self.gates.lows[i] if self.gates.exact else None)
        if bare_title(p):  # "Work Made for Hire and Further Assurances" alone is no grant
            gates -= _NO_GRANT
        found, grant = self.ownership(p) if "ownership" in gates else ([], None)
        if not any(f.kind == "ip_assignment" for f in found) and "public domain" in (self.t.low or p.text.lower()):
            found += self.public_domain(p)
        licences, licence = self.licence(p) if "grant" in gates else ([], None)
        found += licences
        grant = grant or licence
        transfers = [f for f in found if f.kind in _TRANSFERS and f.actor != f.beneficiary]
        found += self.modifiers(p, grant or carried, gates, transfers)
        if licence is not None:
            self.licences.append((_numbers(p), licence))
            self.latest = licence
        for kind, method in (
            ("moral_rights_waiver", self.moral_rights),
            ("feedback_usage_data", self.feedback),
            ("digital_replica", self.digital_replica),
            ("existing_ai_restriction", self.ai),
            ("governing_law", self.governing_law),
        ):
            if kind in gates:
                found += method(p)
        if "indemnification" in gates:
            found += self.indemnity(p)
        if "limitation_of_liability" in gates:
            found += self.simple(p, "limitation_of_liability", P.LIABILITY, LOW)
        if "confidentiality" in gates and (not self.under(p, "data_protection") or self.under(p, "confidentiality")):
            found += self.simple(p, "confidentiality", P.CONFIDENTIALITY, INFO, P.CONFIDENTIALITY_TRAP) or [
                replace(f, end=self.first_body(i))
                for f in (self.simple(p, "confidentiality", _CONFIDENTIALITY_TITLE, INFO) if bare_title(p) else [])
            ]
        if "reservation_of_rights" in gates:
            found += self.reservation(p, found)
        if "survival" in gates:
            found += self.simple(p, "survival", P.SURVIVAL, INFO)
        return found, grant


def _numbers(p: Paragraph) -> frozenset[str]:
    """The clause numbers a paragraph is under: its own ("2.1", typed or automatic) and its sections' ("2")."""
    found = {p.label, p.section_label, *(m.group(1) for m in map(_NUMBER.match, (p.text, *p.section_path)) if m)}
    return frozenset(n.rstrip(".") for n in found if n and n[0].isdigit())


# -- spans ----------------------------------------------------------------------------------------


def _is_sub_item(lead: Paragraph, p: Paragraph) -> bool:
    """``p`` is one of the (a), (b), (c) items a lead-in paragraph introduces (an item the reader took
    for a run-in heading too: "(a) store or cache the Content …")."""
    if p.is_heading:
        return bool(_ITEM.match(p.text))
    if lead.ilvl is not None and p.ilvl is not None and lead.num_id == p.num_id:
        return p.ilvl > lead.ilvl
    if len(p.section_path) > len(lead.section_path) and p.section_path[: len(lead.section_path)] == lead.section_path:
        return True
    return bool((p.label and re.fullmatch(r"\(?[a-z]{1,3}[.)]|\(?[ivx]+[.)]", p.label)) or _ITEM.match(p.text))


_ITEM = re.compile(r"\s*\(?(?:[a-z]|[ivx]{1,4})\)\s")
# An item's own marker: "(a)", "a.", "(iv)", "1.", "2.1.3", a bullet (the marker of what a lead-in introduces).
_MARKER = re.compile(
    r"\s*(?:\(?(?:[a-zA-Z]|[ivxIVX]{1,4}|\d{1,3})[.)]|\d+(?:\.\d+)+\.?|[\u2022\u00b7\u25aa*\u2013-])\s"
)
_LETTER = re.compile(r"[^\W\d_]")


def _shape(marker: re.Match[str] | None) -> tuple[str, str] | None:
    """The style of an item marker: its family (numbers, decimals "2.1" of a depth, roman numerals, lower or upper
    case letters, a bullet) and its punctuation ("(a)", "a)", "a."), so the items of one list share it."""
    if marker is None:
        return None
    raw = marker.group(0).strip()
    body = raw.strip("().")
    if body.isdigit():
        family = "number"
    elif body[:1].isdigit():
        family = f"decimal{body.count('.')}"
    elif body and set(body) <= set("ivxIVX"):
        family = "roman"
    elif body.isalpha():
        family = "lower" if body.islower() else "upper"
    else:
        family = "bullet"
    return family, ("(" if raw.startswith("(") else "") + raw[-1:]


def _in_lead_sentence(f: Finding, text: str) -> bool:
    """The finding's phrase lies in the paragraph's last sentence, the one that ends with the colon: only
    that sentence introduces the items ("Type I Materials are owned by the Customer. Customer grants to
    IBM:" leads its items into the grant, not the ownership)."""
    return P.SENTENCE_BREAK.search(text, f.phrase_end, len(text.rstrip()) - 1) is None


def _extend(f: Finding, paragraphs: Sequence[Paragraph]) -> Finding:
    """Reach over the sub-items of a lead-in ending with ':' (or the rest of a spanning clause).

    The items are the paragraphs that follow as sub-items (deeper list level or section, an item marker),
    the first paragraph after the colon when it opens with an item marker of any style ("1." under "b. …
    grants to IBM:"), and the continuations of an item (a line that does not open a new sentence). The
    list ends at a sentence that follows a finished item without a marker of its own ("During the Term,
    the Licensor shall not …" after "(c) … in any media."). Empty lines and page numbers ("-2-") are no
    end of the list, nor ever its last paragraph. Only a finding of the lead-in sentence reaches over."""
    end = f.end
    lead = paragraphs[f.start]
    if not lead.text.rstrip().endswith((":", "\u2014", "-")) or not _in_lead_sentence(f, lead.text):
        return f
    j, last, furniture = end + 1, None, 0
    shape: tuple[str, str] | None = None
    while j < len(paragraphs):
        q = paragraphs[j]
        text = q.text.strip()
        if not text or not _LETTER.search(text):  # an empty line or a page number between the items
            j += 1
            continue
        marker = _MARKER.match(q.text)
        if marker is None and furniture < 3 and len(text) < 200 and _FURNITURE.match(text):
            furniture += 1  # a page's running header or footer between the items
            j += 1
            continue
        if last is None:
            # what the colon introduces: a list that opens at its first marker ("1.", "(a)", "i."), not the next
            # section ("2.2 Sublicense", "6. Term")
            opens = marker is not None and marker.group(0).strip().strip("().").lower() in ("1", "a", "i")
            item = _is_sub_item(lead, q) or (opens and not bare_title(q))
            shape = _shape(marker) if opens else None
        elif marker is not None and shape is not None and _shape(marker) == shape:
            item = True
        elif marker is not None and _shape(marker) == _shape(_MARKER.match(lead.text)):
            item = False  # "(c)" after the items of "(b) … grants:": the lead-in's sibling
        else:
            item = _is_sub_item(lead, q) and (
                q.ilvl is not None
                or marker is not None
                or not (last.endswith(".") and text[0].isupper())  # an item's continuation
            )
        if not item:
            break
        end, last = j, text
        j += 1
    return replace(f, end=end) if end != f.end else f


# the running header or footer of a converted contract's page ("Page 4 of 20", "Confidential Treatment Requested",
# "*** Confidential material redacted", a filing's "Source: …" stamp) between a sentence and its continuation
_FURNITURE = re.compile(r"(?:source:|page\s+\d|confidential\b|\*)", re.IGNORECASE)


def _continued(f: Finding, paragraphs: Sequence[Paragraph]) -> Finding:
    """Reach over the lines that continue the finding's sentence when its paragraph stops in the middle of
    it (a page break or a hard line break: "… hereby grants to the Buyer a non-exclusive" then "licence to use
    the Software."): the next lines with text that open in lower case, up to the one that ends a sentence.
    Empty lines and page numbers between them are skipped, never the end."""
    text = paragraphs[f.end].text.rstrip()
    if f.end != f.start or not text or text[-1] in ".;:!?" or not _in_lead_sentence(f, text + "."):
        return f
    end, j = f.end, f.end + 1
    while j < len(paragraphs):
        line = paragraphs[j].text.strip()
        j += 1
        if not line or not _LETTER.search(line):
            continue
        if _MARKER.match(line) or _FURNITURE.match(line):
            break  # the next item or clause; a running footer (a span over it would make it the clause's)
        if not line.lstrip("(")[:1].islower():
            break  # "… at the place agreed" then "(hereinafter the "Site")."
        end = j - 1
        if line[-1] in ".;:!?":
            break
    return replace(f, end=end) if end != f.end else f


def _merge(findings: list[Finding], paragraphs: Sequence[Paragraph]) -> list[Finding]:
    """Join the consecutive paragraphs of one spanning clause (an indemnity section) into one finding."""
    out: list[Finding] = []
    last: dict[str, int] = {}
    for f in findings:
        i = last.get(f.kind)
        if f.kind in SPANNING and i is not None:
            prev = out[i]
            gap = range(prev.end + 1, f.start)
            same_clause = (
                f.section_path[:1] == prev.section_path[:1]
                and len(gap) <= 2
                # a definition is an entry of its own: two are one clause only when nothing stands between them
                and not (
                    (_is_definition(paragraphs[f.start]) or _is_definition(paragraphs[prev.start]))
                    and any(paragraphs[j].text.strip() for j in gap)
                )
                and not any(
                    paragraphs[j].is_heading and paragraphs[j].section_path[:1] != prev.section_path[:1] for j in gap
                )
            )
            if same_clause and f.attributes.get("polarity") == prev.attributes.get("polarity"):
                # a heading or note joined to an operative body makes an operative clause
                out[i] = replace(
                    prev,
                    end=max(prev.end, f.end),
                    operative=prev.operative or f.operative,
                    confidence=max(prev.confidence, f.confidence),
                    severity=_worse(prev.severity, f.severity),
                    attributes=_combined(prev.attributes, f.attributes),
                )
                continue
        last[f.kind] = len(out)
        out.append(f)
    return out


def _worse(a: str, b: str) -> str:
    return min(a, b, key=SEVERITY_ORDER.index)


def _combined(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    merged = dict(a)
    if "indemnitor" in a and b.get("indemnitor") not in (None, a["indemnitor"], "unknown"):
        merged["indemnitor"] = MUTUAL if a["indemnitor"] != "unknown" else b["indemnitor"]
    return merged


def _main_confidentiality(findings: list[Finding], c: _Classifier) -> list[Finding]:
    """One confidentiality finding, the contract's confidentiality clause: its title (a bare heading or a
    run-in title such as "Confidentiality", "Confidential Information", "Non-Disclosure") with its first
    paragraph; else the first operative duty of confidence ("shall keep … confidential"); else the first
    mention. The clause's further duties, exceptions and the definition of Confidential Information
    elsewhere repeat it (the kind is informational: what the agreement keeps secret, not a risk)."""
    found = [f for f in findings if f.kind == "confidentiality"]
    if len(found) < 2 and not any(f.end > f.start for f in found):
        return findings
    paragraphs = c.paragraphs

    def titled(f: Finding) -> bool:
        p = paragraphs[f.start]
        return bool(
            (bare_title(p) and _CONFIDENTIALITY_TITLE.match(p.text))
            or (p.run_in_title and _CONFIDENTIALITY_TITLE.match(p.run_in_title))
        )

    main = next((f for f in found if titled(f)), next((f for f in found if f.operative), found[0] if found else None))
    if main is None:
        return findings
    end = c.first_body(main.start) if bare_title(paragraphs[main.start]) else main.start
    kept = replace(main, end=min(main.end, end)) if main.end > end else main
    return [kept if f is main else f for f in findings if f.kind != "confidentiality" or f is main]


# -- the public function ----------------------------------------------------------------------------


def party_words(parties: object, creator_side: str) -> dict[str, list[str]]:
    """The words each side is called by in the parties model (:mod:`noai.analysis.parties`: every
    party with a known role, its terms and legal name), keyed by this module's sides; the model's
    ``creator`` role is ``creator_side`` (the contract's, before any ``--we``)."""
    other = CLIENT if creator_side == PROVIDER else PROVIDER
    out: dict[str, list[str]] = {creator_side: [], other: []}
    for party in getattr(parties, "parties", ()):
        side = creator_side if party.role == S.CREATOR else other if party.role == S.CLIENT else None
        if side is not None:
            out[side] += [w for w in (*party.terms, party.name) if w and len(w) < 60]
    return out


_QUOTED_TERM = re.compile(r"[\"“]([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})[\"”]")  # a capitalised defined term, quoted
_MEANS = re.compile(r"[\"”]\s+(?:means|shall\s+mean|refers\s+to)\b")


def _ai_words(paragraphs: Sequence[Paragraph]) -> re.Pattern[str] | None:
    """The capitalised words a document defines as AI language ("Model" means a machine learning model;
    "Train" or "Training" means the use of data to create or improve a Model): the definitions whose
    meaning holds AI language (not only a name such as "the AI Services"), or a word so defined, in two
    rounds. The words count as AI language where the document uses them capitalised; None if none."""
    definitions = []
    for p in paragraphs:
        text = p.text
        if len(text) > 600 or not ('"' in text or "“" in text) or not (means := _MEANS.search(text)):
            continue
        terms = [m.group(1) for m in _QUOTED_TERM.finditer(text, 0, means.end())]
        if terms:
            definitions.append((terms, text[means.end() :]))
    if not definitions:
        return None
    words: set[str] = set()
    # whether each meaning holds AI language itself: the same in both rounds, read once
    speaks_ai = [
        any(not _AI_NAME.match(meaning, x.start()) for x in fast.finditer(P.AI_TERM, meaning, None))
        for _, meaning in definitions
    ]
    for _ in range(2):
        known = (
            re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(words, key=len, reverse=True))))
            if words
            else None
        )
        for (terms, meaning), ai in zip(definitions, speaks_ai, strict=True):
            if ai or (known is not None and known.search(meaning)):
                words.update(t for t in terms if not P.AI_TERM.search(t))
        if not words:  # the second round would read as the first
            break
    if not words:
        return None
    return re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(words, key=len, reverse=True))))


# -- clause titles ------------------------------------------------------------------------------

# The words by which a bare title names a clause of a kind ("Governing Law and Venue", "Grant of Patent
# License", "Work Made for Hire and Further Assurances", "Moral Rights"). Such a title over a clause the
# rules found of that kind is that clause's heading: the finding names it (attribute ``titles``).
CLAUSE_TITLES: dict[str, re.Pattern[str]] = {
    "governing_law": re.compile(
        r"\b(?:governing|applicable|proper)\s+laws?\b|\bchoice\s+of\s+(?:laws?|forum)\b|"
        r"^\W*(?:[\d.]+\s*)?laws?\s*(?:/|and\b|,|$)",
        re.IGNORECASE,
    ),
    "license_grant": re.compile(
        r"\blicen[cs](?:e|es|ing)\b(?![\w\s]{0,30}\b(?:restrict|limitation|prohibit|terminat|fees?\b|keys?\b))|"
        r"\bgrant\s+of\s+rights\b|\brights?\s+granted\b",
        re.IGNORECASE,
    ),
    "ip_assignment": re.compile(
        r"\bassignment\s+of\s+(?:\w+\s+){0,2}(?:inventions?|rights|intellectual|copyrights?|works?|IP|"
        r"deliverables|work\s+product)\b|\btransfer\s+of\s+(?:rights|title|ownership)\b|\bvesting\b",
        re.IGNORECASE,
    ),
    "work_made_for_hire": re.compile(r"\bworks?\s+(?:made\s+)?for\s+hire\b", re.IGNORECASE),
    "moral_rights_waiver": re.compile(r"\bmoral\s+rights?\b", re.IGNORECASE),
    "feedback_usage_data": re.compile(r"\bfeedback\b|\busage\s+data\b", re.IGNORECASE),
    "reservation_of_rights": re.compile(
        r"\breserv(?:ation\s+of|ed)\s+rights\b|\brights\s+reserved\b|\bno\s+implied\b", re.IGNORECASE
    ),
    "existing_ai_restriction": P.AI_TERM,
}
_TITLE_NEEDS = (
    "law",
    "licen",
    "grant",
    "assign",
    "transfer",
    "vest",
    "hire",
    "moral",
    "feedback",
    "usage",
    "reserv",
    "implied",
)
_ROW_LABEL = re.compile(r"[^.;:!?]{2,60}")  # a cover-page row's label cell: a few words, no sentence
_TYPED_NUMBER = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|\(?[a-z]{1,3}\))\s+")  # "3.\t", "2.1 ", "(a) "
_TITLE_BODY = re.compile(r"[^.;:!?]{2,78}[:.]?\s*")  # the words of a title, perhaps ending "Licence:"


def _title_like(p: Paragraph) -> bool:
    """A bare title (also after a typed number: "3.\tGrant of Patent License:"), or a cover-page table's
    row label ("Governing Law" in the cell before its value)."""
    if p.run_in_title:
        return False
    if p.is_heading:
        typed = _TYPED_NUMBER.match(p.text)
        return bare_title(p) or (typed is not None and _TITLE_BODY.fullmatch(p.text, typed.end()) is not None)
    return p.in_table and _ROW_LABEL.fullmatch(p.text.strip()) is not None


def _titled_reach(paragraphs: Sequence[Paragraph], i: int) -> int:
    """The last paragraph whose clause the title ``paragraphs[i]`` heads: its section (the paragraphs
    under its section path), or, for a title with no numbered section or a row label, the next
    paragraph with text."""
    title = paragraphs[i]
    path = title.section_path
    nxt = next((q.index for q in paragraphs[i + 1 : i + 4] if q.text.strip()), i)
    if not title.is_heading or not path:
        return nxt
    end = i
    for q in paragraphs[i + 1 : i + 80]:
        if q.section_path[: len(path)] != path:
            break
        end = q.index
    return max(end, nxt) if end == i else end


def with_titles(paragraphs: Sequence[Paragraph], findings: list[Finding]) -> list[Finding]:
    """``findings`` with the bare titles of their clauses: a heading or cover-page row label that names a
    kind (:data:`CLAUSE_TITLES`) titles the first rule finding of that kind in its section ("Governing
    Law" over "This Agreement is governed by …"), which records the title's paragraph in its attribute
    ``titles``. A title its own finding already covers (a confidentiality heading), a title that names
    no kind, or one over no finding of the kind it names, titles nothing."""
    starts: dict[str, list[int]] = {}
    by_start: dict[tuple[str, int], int] = {}
    covered: set[tuple[int, str]] = set()
    for n, f in enumerate(findings):
        if f.tier != "rule":
            continue
        starts.setdefault(f.kind, []).append(f.start)
        by_start.setdefault((f.kind, f.start), n)
        covered.update((i, f.kind) for i in range(f.start, f.end + 1))
    titles: dict[int, list[int]] = {}
    for p in paragraphs:
        text = p.text
        if len(text) > 80 or not text.strip() or not _title_like(p):
            continue
        low = text.lower()
        if not (any(n in low for n in _TITLE_NEEDS) or fast.holds(P.AI_TERM, text)):
            continue
        reach = None
        for kind, rx in CLAUSE_TITLES.items():
            if kind not in starts or (p.index, kind) in covered or not rx.search(text):
                continue
            reach = _titled_reach(paragraphs, p.index) if reach is None else reach
            found = sorted(starts[kind])
            k = bisect_left(found, p.index + 1)
            if k == len(found) or found[k] > reach:
                continue
            titles.setdefault(by_start[(kind, found[k])], []).append(p.index)
    if not titles:
        return findings
    return [
        replace(f, attributes={**f.attributes, "titles": titles[n]}) if n in titles else f
        for n, f in enumerate(findings)
    ]


def classify(
    paragraphs: Sequence[Paragraph],
    terms: DefinedTerms | None,
    words: Mapping[str, Sequence[str]] | None = None,
    maker: str | None = None,
    made: fast.Gates | None = None,
) -> list[Finding]:
    """Every clause finding of ``paragraphs`` in document order (by start, then kind). ``maker``: the side
    ("client" / "provider") that makes the work where the user is the other one (``terms.creator`` is then the
    user's side); ``made``: the paragraphs' :class:`~noai.analysis.fast.Gates` where the caller has made them."""
    c = _Classifier(paragraphs, terms, words, maker, made)
    found: list[Finding] = []
    carried: _Grant | None = None
    carried_path: tuple[str, ...] = ()
    for i, p in enumerate(paragraphs):
        if not p.text.strip():
            continue
        if p.section_path[: len(carried_path)] != carried_path or p.is_heading:
            carried = None
        gates = c.gates.open(i)
        if c.ai_words is not None and "existing_ai_restriction" not in gates and c.ai_words.search(p.text):
            gates |= {"existing_ai_restriction"}  # a word the document defines as AI language
        if not gates:
            continue
        findings, grant = c.paragraph(i, p, gates, carried)
        if grant is not None:
            carried, carried_path = grant, tuple(p.section_path)
        found.extend(_continued(_extend(f, paragraphs), paragraphs) for f in findings)
    found = _main_confidentiality(_merge(found, paragraphs), c)
    if getattr(terms, "creator", None) is None:
        found = [
            replace(f, attributes={**f.attributes, "parties_unknown": True}) if f.kind in GRANT_KINDS else f
            for f in found
        ]
    return with_titles(paragraphs, found)


_LAW_ARTICLE = re.compile(r"\bthe\s+(?:(?:exclusive|internal|substantive|domestic|local)\s+)?$", re.IGNORECASE)


def law_as_written(text: str, place: re.Match[str]) -> str:
    """The governing law as the document writes it, with its article: "the laws of the State of New
    York", "the law of England and Wales", "the laws of Ontario", "English law" (``place`` is a
    :data:`~noai.analysis.patterns.LAW_PLACE` match in ``text``)."""
    if place.group(1) is None:  # "English law", "New York law"
        return " ".join(text[place.start(2) : place.end()].split())
    before = _LAW_ARTICLE.search(text, 0, place.start())
    start = before.start() if before else place.start()
    law = " ".join(text[start : place.end(1)].split())
    return law if before else "the " + law
