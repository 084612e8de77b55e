"""The parties of a contract, their roles, the agreement's name for itself and the work product.

Built on the defined terms (:mod:`noai.analysis.terms`): every party the document defines or names
(a definition, the preamble's ``Acme Inc. ("Customer")``, a two-column cover-page table, the
signature block's ``Customer:`` / ``ACME LTD  By: ___``, the "I" and "you" of an informal
contract), each with its legal name when the document gives one, the words it is called by, a
role and the paragraph that shows it.

Roles are the contract's, not the user's: ``creator`` is the side that makes or licenses the work
(provider, licensor, contractor, supplier, discloser, author), ``client`` the side that receives
it (customer, licensee, recipient, buyer); ``unknown`` when the document does not tell. Which
party the user is comes separately (:func:`resolve_we`). Nothing here invents a word: a role, a
self-reference or a work product the document lacks is ``None``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from noai.analysis.terms import (
    _WEAK_ROLES,
    MADE,
    MAKES,
    SUPPLIED,
    SUPPLIES,
    Analysis,
    DefinedTerms,
    Found,
    Term,
    _role_of,
    analyse_terms,
    says_of,
)
from noai.analysis.terms import CLIENT as CLIENT_SIDE
from noai.analysis.terms import PROVIDER as PROVIDER_SIDE
from noai.errors import UnknownPartyError
from noai.ooxml.model import Paragraph

CREATOR, CLIENT, UNKNOWN = "creator", "client", "unknown"
ROLES = (CREATOR, CLIENT, UNKNOWN)
# What a user may say instead of a party's name (``--we creator``, ``--we customer``).
ROLE_WORDS = {
    CREATOR: (
        "creator",
        "provider",
        "licensor",
        "contractor",
        "supplier",
        "author",
        "vendor",
        "seller",
        "discloser",
        "consultant",
        "designer",
        "developer",
        "freelancer",
        "artist",
        "studio",
    ),
    CLIENT: ("client", "customer", "licensee", "recipient", "buyer", "purchaser", "commissioner"),
}
_PRONOUN_FORMS = {"you": ("you", "your", "yours"), "i": ("i", "me", "my", "mine"), "we": ("we", "us", "our", "ours")}


@dataclass(frozen=True, slots=True)
class Party:
    """One party: ``name`` as written (``Acme Corp.``) or None when only a role word names it,
    ``terms`` the words the document calls it by (the one the body uses most first), ``role``
    creator / client / unknown, ``evidence`` the paragraph that defines or names it."""

    id: str
    name: str | None
    terms: tuple[str, ...]
    role: str
    evidence: int | None
    confidence: float

    def to_dict(self, paragraphs: Sequence[Paragraph]) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "terms": list(self.terms),
            "role": self.role,
            "evidence": _evidence(paragraphs, self.evidence),
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class We:
    """Which party the user is: what they said (or None), the party and role it resolved to,
    whether it was said or inferred, and whether the audit is sure (the pane asks when not)."""

    given: str | None
    party: str | None
    role: str | None
    source: str  # "user" | "inferred"
    sure: bool

    def to_dict(self) -> dict[str, Any]:
        return {"given": self.given, "party": self.party, "role": self.role, "source": self.source, "sure": self.sure}


@dataclass(frozen=True, slots=True)
class Parties:
    """The parties, the self-reference and the work product of one document."""

    parties: tuple[Party, ...] = ()
    self_reference: Found | None = None
    work_product: Found | None = None
    # the client's own materials the document defines ("Customer Content", "Institution Data"):
    # then both sides have work at stake and the audit cannot tell which one the user is ...
    client_materials: tuple[str, ...] = ()
    # ... unless the creator makes work and assigns it to the client ("Tessellate assigns to Customer all
    # right … in that Customization"): the deal is about the creator's work, the client's data is its input
    creator_assigns: bool = False

    def _index(self) -> dict[str, Party]:
        out: dict[str, Party] = {}
        for p in self.parties:
            for word in (*p.terms, *([p.name] if p.name else [])):
                for form in _forms(word):
                    out.setdefault(form, p)
        return out

    def party_of(self, mention: str) -> Party | None:
        """The party a mention names: "the Client", "Customer's", "YOU", "your", "Acme Corp."."""
        return self._index().get(_key(mention))

    def role_of(self, mention: str) -> str | None:
        """``"creator"``, ``"client"`` or None (no party, or a party whose role is unknown)."""
        party = self.party_of(mention)
        return party.role if party is not None and party.role != UNKNOWN else None

    def main(self, role: str) -> Party | None:
        """The first (surest) party of a role."""
        return next((p for p in self.parties if p.role == role), None)

    @property
    def creator(self) -> Party | None:
        return self.main(CREATOR)

    @property
    def client(self) -> Party | None:
        return self.main(CLIENT)

    def to_dict(self, paragraphs: Sequence[Paragraph]) -> dict[str, Any]:
        """``parties``, ``self_reference`` and ``work_product`` of the audit JSON (noai.audit/2)."""
        sr, wp = self.self_reference, self.work_product
        return {
            "parties": [p.to_dict(paragraphs) for p in self.parties],
            "self_reference": None
            if sr is None
            else {"text": sr.text, "evidence": _evidence(paragraphs, sr.index), "confidence": sr.confidence},
            "work_product": None
            if wp is None
            else {"term": wp.text, "evidence": _evidence(paragraphs, wp.index), "confidence": wp.confidence},
        }


def _evidence(paragraphs: Sequence[Paragraph], index: int | None) -> dict[str, Any] | None:
    if index is None or not 0 <= index < len(paragraphs):
        return None
    return {"index": index, "text": paragraphs[index].text}


def _key(mention: str) -> str:
    """A mention as looked up: no article, no possessive, case folded."""
    text = " ".join(mention.split()).strip(" ,.;:\"“”‘’'")
    text = re.sub(r"['’]s?$", "", text)
    text = re.sub(r"^(?:the|this|these)\s+", "", text, flags=re.IGNORECASE)
    return text.casefold()


def _forms(word: str) -> tuple[str, ...]:
    key = _key(word)
    return _PRONOUN_FORMS.get(key, (key,))


# -- finding them ---------------------------------------------------------------------------------


def analyse(paragraphs: Sequence[Paragraph], vocabulary: str | None = None) -> tuple[DefinedTerms, Parties]:
    """The v1 defined terms and the parties of a document, made consistent: a party found only in
    the signature block or as "I" / "you" also fills the terms' client / provider. ``vocabulary``: the
    paragraphs' (:attr:`~noai.analysis.fast.Gates.vocabulary`), where the caller has it."""
    analysis = analyse_terms(paragraphs, vocabulary)
    parties = find_parties(paragraphs, analysis)
    return _consistent(analysis.terms, parties), parties


def find_parties(paragraphs: Sequence[Paragraph], analysis: Analysis | None = None) -> Parties:
    """Every party of the document with its role, the self-reference and the work product."""
    analysis = analysis or analyse_terms(paragraphs)
    terms = analysis.terms
    creator_side = terms.creator or PROVIDER_SIDE
    found: list[dict[str, Any]] = []
    for c in analysis.candidates:
        t = c.term
        role = UNKNOWN if c.side is None else CREATOR if c.side == creator_side else CLIENT
        main = c.side is not None and t in (terms.client, terms.provider)
        if c.strong:
            confidence = 0.9 if main else 0.75
        elif c.side is not None:  # by context: who makes, grants, pays; surer for a defined party
            confidence = round(min(0.85, 0.5 + 0.05 * c.margin + 0.1 * c.introduced + 0.05 * main), 2)
        else:
            confidence = 0.4
        words = _spellings(t)
        evidence = t.defined_at if t.defined_at is not None else _first_use(paragraphs, words)
        name = _legal_name(paragraphs, t.defined_at, t.name) if c.introduced else None
        if name is None and t.defined_at is None and evidence is not None:  # "(1) ACME LIMITED, … ("the Producer")"
            name = _introduced_name(paragraphs, evidence, t.name)
        found.append(
            {
                "name": name,
                "terms": words,
                "role": role,
                "evidence": evidence,
                "confidence": confidence,
                "main": main,
                "uses": t.uses,
            }
        )
    _signature_parties(paragraphs, found)
    if sum(1 for f in found if f["role"] != UNKNOWN) < 2:
        _pronoun_parties(analysis, found)
    found = _one_per_party(found)
    # the main party of each role first, then by where the document introduces them
    found.sort(key=lambda f: (not f["main"], -f["confidence"], f["evidence"] if f["evidence"] is not None else 1 << 30))
    ordered = sorted(found, key=lambda f: f["evidence"] if f["evidence"] is not None else 1 << 30)
    ids = {id(f): f"p{i}" for i, f in enumerate(ordered, 1)}
    parties = tuple(Party(ids[id(f)], f["name"], f["terms"], f["role"], f["evidence"], f["confidence"]) for f in found)
    materials = _client_materials(parties, terms)
    work = analysis.work_product.text if analysis.work_product else None
    assigns = bool(materials) and _assigns(analysis.joined.text, parties, work)
    return Parties(parties, analysis.self_reference, analysis.work_product, materials, assigns)


def _one_per_party(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per party: a word the document defines with its article ("the Illustrator") and the same word as
    the body uses it ("Illustrator") are one party, named, with both spellings, the surer role and evidence. Entries
    of different known roles are never merged."""
    out: list[dict[str, Any]] = []
    for f in found:
        keys = {_key(w) for w in f["terms"]}
        same = next(
            (
                g
                for g in out
                if keys & {_key(w) for w in g["terms"]}
                and (f["role"] == g["role"] or UNKNOWN in (f["role"], g["role"]))
            ),
            None,
        )
        if same is None:
            out.append(f)
            continue
        first, second = (same, f) if same["main"] or not f["main"] else (f, same)
        evidence = [e for e in (same["evidence"], f["evidence"]) if e is not None]
        same.update(
            name=first["name"] or second["name"],
            terms=tuple(dict.fromkeys((*first["terms"], *second["terms"]))),
            role=first["role"] if first["role"] != UNKNOWN else second["role"],
            evidence=min(evidence) if evidence else None,
            confidence=max(first["confidence"], second["confidence"]),
            main=first["main"] or second["main"],
            uses=max(first["uses"], second["uses"]),
        )
    return out


def _assigns(text: str, parties: Sequence[Party], work: str | None) -> bool:
    """Whether the creator assigns to the client something it makes (the ``work`` product, or what it is said
    to make): "Tessellate will … develop the Customizations" and "Tessellate assigns to Customer all right … in
    that Customization"; "Provider shall create the reports" and "Provider, on payment, assigns … in the
    reports to Customer" (not the output of an AI feature, "assigns to Customer … in and to Output")."""
    creator = next((p for p in parties if p.role == CREATOR), None)
    client = next((p for p in parties if p.role == CLIENT), None)
    if creator is None or client is None or not creator.terms or not client.terms or "assign" not in text:
        return False
    by, to = (
        "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) for words in (creator.terms, client.terms)
    )
    made = {
        _stem(m.group(1))
        for m in re.finditer(
            rf"\b(?:{by})\b[^.;]{{0,60}}?\b{_MAKES}(?:s|es)?\s+(?:(?:the|all|any|each|a|an)\s+)?([A-Za-z][\w-]{{3,}})",
            text,
        )
    } - _NOT_MADE
    made |= {_stem(w) for w in (work or "").split()[-1:]}
    assigned = re.finditer(
        rf"\b(?:{by})(?:,[^,.;]{{1,60}},)?\s+(?:hereby\s+)?(?:irrevocably\s+)?(?:agrees\s+to\s+)?assigns?\b"
        rf"[^.;]{{0,80}}?\bto\s+(?:the\s+)?(?:{to})\b",
        text,
    )
    for m in assigned:
        end = min((i for i in (text.find(".", m.end()), text.find(";", m.end())) if i >= 0), default=len(text))
        if made & {_stem(w) for w in re.findall(r"[A-Za-z][\w-]{3,}", text[m.start() : end])}:
            return True
    return False


_MAKES = r"(?:develop|creat|build|design|writ|produc|mak|prepar|deliver|draw|photograph|record|compos|translat)e?"
_NOT_MADE = frozenset({"with", "from", "under", "that", "this", "such", "their", "them", "these", "those", "other"})


def _stem(word: str) -> str:
    """A noun as compared: lower case, no plural "s" ("Customizations" is "customization")."""
    low = word.lower()
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


_MATERIALS = re.compile(r"\s(?:Content|Data|Input|Inputs|Materials|Information|Submissions?|Files)$")


def _client_materials(parties: Sequence[Party], terms: DefinedTerms) -> tuple[str, ...]:
    """Defined terms for the client's own materials: a client party's word, then Content, Data,
    Input, Materials ... ("Customer Content", "Institution Data")."""
    words = {w for p in parties if p.role == CLIENT for w in p.terms if w[:1].isupper()}
    return tuple(sorted(name for name in terms.all if _MATERIALS.search(name) and name.split()[0] in words))


# what a party may bring: "Customer Content", "Brand Materials", "Reference Images", "Client Photographs"
_OWN_MATERIALS = re.compile(
    r"(?:^|\s)(?:Content|Data|Inputs?|Materials?|Information|Submissions?|Files|Images|Photographs|Photos|Assets|"
    r"Documents|Recordings|Footage|Artwork|Logos?|Marks|Text|Records|Samples)$"
)


def materials_of(
    parties: Parties, terms: DefinedTerms, paragraphs: Sequence[Paragraph], party_id: str | None
) -> tuple[Term, ...]:
    """The defined terms for what the party ``party_id`` brings to the deal: a material named for it ("Customer
    Content", "Brand Materials") or one whose definition says it provides it ("the materials the Brand provides"),
    the one the body uses most first; () for none."""
    party = next((p for p in parties.parties if p.id == party_id), None)
    if party is None:
        return ()
    words = [w for w in party.terms if w[:1].isupper()]
    found = []
    for name, term in terms.all.items():
        if not _OWN_MATERIALS.search(name) or name in words:
            continue
        defined = paragraphs[term.defined_at].text if term.defined_at is not None else ""
        if name.split()[0] in words or (defined and says_of(defined, words, SUPPLIES, SUPPLIED)):
            found.append(term)

    def meaning(t: Term) -> str:
        return paragraphs[t.defined_at].text if t.defined_at is not None else ""

    # a term made of another ("Protected Materials" means Customer Content, every draft …": ours, from a round
    # before) is not a material of its own; one named for the party comes first
    found = [t for t in found if not any(o.name != t.name and o.name in meaning(t) for o in found)]
    return tuple(sorted(found, key=lambda t: (t.name.split()[0] not in words, -t.uses)))


def made_by(party: Party, term: Term | None, paragraphs: Sequence[Paragraph]) -> bool:
    """Whether ``term``'s definition says ``party`` makes it or that it is that party's ("the artwork the Agency
    creates", "the platform Provider makes available", "“Platform” means Scribewell's … service", "the software
    owned by the Supplier")."""
    if term is None or term.defined_at is None:
        return False
    meaning = paragraphs[term.defined_at].text
    words = [w for w in party.terms if w[:1].isupper()]
    return says_of(meaning, words, MAKES, MADE) or _theirs_by_definition(meaning, term.name, words)


def _theirs_by_definition(meaning: str, name: str, words: Sequence[str]) -> bool:
    """Whether the definition of ``name`` in ``meaning`` gives the thing to one of ``words`` by its head: "means
    Scribewell's automated … service", "means the Provider's hosted platform", "… owned or licensed by Provider"."""
    names = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if not names or name not in meaning:
        return False
    party = rf"(?:the\s+)?(?:{names})"
    head = re.compile(
        rf"\b(?:means|shall\s+mean|refers\s+to)\s+(?:all\s+|each\s+|any\s+)?{party}['’]s?\s|"
        rf"\b(?:owned|licensed|controlled)\s+(?:or\s+(?:owned|licensed|controlled)\s+)?by\s+{party}\b",
        re.IGNORECASE,
    )
    return head.search(meaning, meaning.index(name)) is not None


def _spellings(term: Term) -> tuple[str, ...]:
    """The words a party is called by: the form the body uses first, then the other spellings
    (without the articles, plurals and possessive pronouns)."""
    surface = re.sub(r"^(?:the|this|these)\s+", "", term.surface)
    words = [surface]
    for w in (term.name, *term.aliases):
        if w.lower() in ("your", "yours", "my", "our") or w.lower() in {x.lower() for x in words}:
            continue
        if w.endswith("s") and w[:-1] in words:
            continue
        words.append(w)
    return tuple(words)


# a parenthesis that introduces a party's word after its name, the word quoted or not, with or without its
# article: ("the Producer"), (the "Producer"), (Supplier)
_INTRODUCING = r"\(\s*(?:the\s+)?[\"“‘']?\s*(?:the\s+)?{word}\s*[\"”’']?\s*\)"


def _introduced_name(paragraphs: Sequence[Paragraph], index: int, word: str) -> str | None:
    """The name a party's block gives a role word the document uses without a definition of its own: "(1) CORRIB
    AUDIO LIMITED, a company registered in Ireland … ("the Producer")", "(2) KESTREL HOMEWARES PLC incorporated …
    (Customer)"; None where the word's first use introduces no party."""
    text = paragraphs[index].text
    m = re.search(_INTRODUCING.format(word=re.escape(word)), text)
    if m is None:
        return None
    name = _clean_name(text[: m.start()])
    return name if name is not None and _role_of(name) is None else None


def _first_use(paragraphs: Sequence[Paragraph], words: Sequence[str]) -> int | None:
    patterns = [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in words]
    return next((p.index for p in paragraphs if any(pt.search(p.text) for pt in patterns)), None)


# -- legal names ----------------------------------------------------------------------------------

_LEGAL_SUFFIX = re.compile(
    r"^(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|LLP|LP|plc|PLC|GmbH|AG|S\.A|SA|SAS|BV|"
    r"B\.V|NV|Pty|Co|Corp|Corporation|PC|P\.C)\b\.?",
    re.IGNORECASE,
)
# where a party's name starts: at the start (after a parties block's typed number, "1." or "(1)"), after
# "between", "and", "by", "with", "among" or a ";" / ":" (a defining
# parenthesis, perhaps followed by "to": "granted by Tomas Reid (the "Composer") to Greywell Studios Ltd"), before
# a capital
_NAME_START = re.compile(
    r"(?:^\s*(?:\(?\d{1,2}[.)]\s+)?|\b(?i:between|and|with|among|by)\s+(?:the\s+)?|[;:]\s*(?:(?i:to|in\s+favou?r\s+of)\s+(?:the\s+)?)?)"
    r"(?=[A-Z0-9])"
)
# where an address or a description follows a person's name: "Mara Lindqvist of 9 Elm Row", "J. Doe residing at"
_ADDRESS = re.compile(
    r"\s+(?:of|at)\s+(?=\d)|\s+(?:residing|located|domiciled|whose\s+(?:registered\s+|principal\s+)?(?:office|address|place))\b"
    # or its registration: "Kestrel Pty Ltd ABN 12 345", "Marlow Ltd registered in Scotland", "company number 12"
    r"|\s+(?:(?-i:ABN|ACN|CRN|EIN)|(?:company|registration|registered)\s+(?:number|no)|registered\s+(?:in|under|at|with)|"
    r"incorporated\s+(?:and\s+registered\s+)?(?:in|under)|organi[sz]ed\s+(?:and|under|in)|a\s+company)\b",
    re.IGNORECASE,
)
# a party's description after its name, in whose words an "and" joins places, not parties: "a company
# registered in England and Wales", "an individual domiciled in Sweden and Norway", "ABN 12 345 of 10 Smith
# and Jones Street", "incorporated under the laws of Delaware and having its office in Austin"
_DESCRIPTION = re.compile(
    r"\b(?:an?\s+(?:[\w.&'’-]+\s+){0,3}?(?:company|corporation|partnership|entity|individual|body|charity|society|"
    r"association|trust|LLC|limited\s+liability)|registered|incorporated|organi[sz]ed|existing|formed|established|"
    r"chartered|domiciled|residing|resident|located|having|whose|(?:company|registration)\s+(?:number|no)|"
    r"(?-i:ABN|ACN|CRN|EIN)|(?:of|at)\s+\d+\s+(?-i:[A-Z]))\b",
    re.IGNORECASE,
)
# a parenthesis that defines a party's word ends that party's description: ("Client")
_DEFINING_PAREN = re.compile(r"\([^()]*[\"“”‘’'][^()]*\)")
_PAREN = re.compile(r"\([^()]*\)")


def _blank(m: re.Match[str]) -> str:
    """As many spaces as ``m`` has characters (positions in the text stay the same)."""
    return " " * len(m.group())


_PLACEHOLDER_NAME = re.compile(r"[{}\[\]_]|\b(?:INSERT|HERE|NAME|TBD|XXX+)\b|\.\.\.|…", re.IGNORECASE)
_PRONOUNS = frozenset({"you", "i", "we", "us", "me"})
_NOT_NAME_WORDS = frozenset(
    {
        "from",
        "to",
        "the",
        "a",
        "an",
        "and",
        "or",
        "by",
        "between",
        "of",
        "with",
        "for",
        "is",
        "this",
        "that",
        "each",
        "party",
        "parties",
        "agreement",
    }
)
_DOCUMENT_PARTS = re.compile(
    r"^(?:ANNEX|SCHEDULE|EXHIBIT|APPENDIX|ATTACHMENT|PART|SECTION|ARTICLE|CLAUSE|IN\s+WITNESS|"
    r"SIGNATURES?|EXECUTION|AGREED|ACCEPTED|DATE|NOTICES?|TABLE)\b",
    re.IGNORECASE,
)


def _legal_name(paragraphs: Sequence[Paragraph], index: int | None, term: str) -> str | None:
    """The name written before a party's definition: ``ACME Ltd, a Delaware corporation (the
    "Client")`` gives "ACME Ltd"; a definition on a line of its own (``(Hereinafter referred to as
    "NRU")``) takes the name from the first line of that party's block."""
    if index is None:
        return None
    text = paragraphs[index].text
    quoted = re.search(rf"[\"“‘']{re.escape(term)}\s*[\"”’']", text)
    pos = quoted.start() if quoted else text.find(term)
    paren = text.rfind("(", 0, pos) if pos >= 0 else -1
    before = text[:paren] if paren >= 0 else ""
    if not before.strip(" ,") and paren >= 0:
        before = _block_name(paragraphs, index)
    elif paren < 0:  # a table row or "hereinafter called": the name is the text before / beside it
        called = re.search(r",?\s*hereinafter\b", text, re.IGNORECASE)
        before = text[: called.start()] if called else ""
        if not before and paragraphs[index].in_table and index + 1 < len(paragraphs):
            return _clean_name(paragraphs[index + 1].text, from_start=True)
    return _clean_name(before) if before else None


def _block_name(paragraphs: Sequence[Paragraph], index: int) -> str:
    """The first non-empty line after the last line ending with ":" ("made by and between:", "And:")
    within the few lines before ``index``."""
    lines = []
    for i in range(index - 1, max(-1, index - 9), -1):
        text = paragraphs[i].text.strip()
        if not text:
            continue
        if text.endswith(":") or text.lower() in ("and", "between"):
            break
        lines.append(text)
    return lines[-1] if lines else ""


def _name_start(text: str) -> int:
    """Where the last party's name in ``text`` starts: after the last "between", "and", "by" …, unless
    that word is within the description of the party named before it ("registered in England and
    Wales"): then the start before it."""
    starts = list(_NAME_START.finditer(text))
    for k in range(len(starts) - 1, 0, -1):
        gap = text[starts[k - 1].end() : starts[k].start()]
        if gap.rstrip().endswith((",", ";")):  # "…, and Beta Ltd": a list of parties goes on
            return starts[k].end()
        if ";" in gap:  # a definition closed the name before: only the words since its last comma describe
            gap = gap[max(gap.rfind(","), gap.rfind(";")) + 1 :]
        described = _DESCRIPTION.search(gap)  # a description right after the name before: "Ltd, a company"
        if not described or described.start() > 80 or ". " in gap[: described.start()]:
            return starts[k].end()
    return starts[0].end() if starts else 0


def _clean_name(before: str, from_start: bool = False) -> str | None:
    text = _PAREN.sub(_blank, before)  # "NEUROBIOLOGY RESEARCH UNIT (NRU)"
    if not from_start:  # a definition's parenthesis marked ";" (same length): where a party's words end
        text = text[_name_start(_PAREN.sub(_blank, _DEFINING_PAREN.sub(lambda m: ";" + _blank(m)[1:], before))) :]
    # "Acme, Inc., a Delaware corporation": keep a legal suffix after a comma, stop at a descriptor
    parts = [s.strip() for s in text.split(",")]
    name = _ADDRESS.split(parts[0], maxsplit=1)[0]
    for part in parts[1:] if name == parts[0] else ():
        if _LEGAL_SUFFIX.match(part) and len(part) <= 8:
            name += ", " + part
        else:
            break
    name = " ".join(name.split()).strip(" ;:-–,")
    if name.endswith(".") and not _LEGAL_SUFFIX.fullmatch(name.rsplit(" ", 1)[-1]):
        name = name.rstrip(".")
    words = name.split()
    while words and words[-1].lower() in _NOT_NAME_WORDS:  # "From the ("Buyer")"
        words.pop()
    while words and words[0].lower() in _NOT_NAME_WORDS - {"the"}:
        words.pop(0)
    name = " ".join(words)
    if (
        not name
        or not (name[0].isupper() or name[0].isdigit())
        or len(name.split()) > 10
        or _PLACEHOLDER_NAME.search(name)
        or name.lower() in _PRONOUNS
        or len(name) < 2
    ):
        return None
    return name


# -- the signature block ----------------------------------------------------------------------------

_SIGN_WORDS = re.compile(
    r"^(?:By|Signature|Signed|Sign|Name|Print\s+Name|Title|Authori[sz]ed\s+Signat\w*)\b", re.IGNORECASE
)
_ON_BEHALF = re.compile(
    r"^(?:signed\s+)?(?:for\s+and\s+)?on\s+behalf\s+of\s*:?\s*(?:the\s+)?(?P<name>.+?)[\s:.]*$", re.IGNORECASE
)
_LABEL = re.compile(r"^(?:the\s+)?(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(?P<name>.*)$", re.IGNORECASE)
_CAPS_NAME = re.compile(r"^[A-Z0-9][A-Z0-9&.,'’ -]{2,60}$")


def _signature_parties(paragraphs: Sequence[Paragraph], found: list[dict[str, Any]]) -> None:
    """Parties of the signature block: a role label (``Customer:``, ``RECIPIENT``) or a name in
    capitals that a signature line follows, and ``Signed for and on behalf of ACME LTD``. A label
    that names a known party gives it its legal name; a role word the body hardly uses (a
    cover page's ``Provider:``) becomes a party."""
    texts = [p.text.strip() for p in paragraphs]
    nonempty = [i for i, t in enumerate(texts) if t]
    for pos, i in enumerate(nonempty):
        text = texts[i]
        if len(text) > 80:
            continue
        label = name = None
        if "behalf" in text.lower() and (m := _ON_BEHALF.match(text)):  # "... on behalf of the Client: HARBOUR FOODS"
            label, _, name = m.group("name").partition(":")
            name = name.strip() or label
        elif (":" in text or text.isupper()) and any(_SIGN_WORDS.match(texts[j]) for j in nonempty[pos + 1 : pos + 4]):
            if m := _LABEL.match(text):
                label, name = m.group("label"), m.group("name")
            elif _CAPS_NAME.match(text) and not _SIGN_WORDS.match(text) and not _DOCUMENT_PARTS.match(text):
                label = name = text.rstrip(":")
        if not label:
            continue
        known = _find(found, label)
        legal = _clean_name(name, from_start=True) if name else None
        if legal and _role_of(legal):  # "RECIPIENT" is a role, not a name
            legal = None
        if known is not None:
            if legal and known["name"] is None and _key(legal) not in {_key(w) for w in known["terms"]}:
                known["name"] = legal
            continue
        role_word = _role_of(label)
        if role_word and label.lower().removeprefix("the ") not in _WEAK_ROLES:
            body = next((w for w in (label.title(), label) if any(w in t for t in texts if t != text)), label)
            found.append(
                {
                    "name": None,
                    "terms": (body,),
                    "role": CREATOR if role_word == PROVIDER_SIDE else CLIENT,
                    "evidence": i,
                    "confidence": 0.7,
                    "main": False,
                    "uses": 0,
                }
            )
        elif legal and legal == label and not any(_key(legal) == _key(f["name"] or "") for f in found):
            found.append(
                {
                    "name": legal,
                    "terms": (),
                    "role": UNKNOWN,
                    "evidence": i,
                    "confidence": 0.4,
                    "main": False,
                    "uses": 0,
                }
            )


def _find(found: list[dict[str, Any]], word: str) -> dict[str, Any] | None:
    key = _key(word)
    for f in found:
        if key in {_key(w) for w in f["terms"]} or (f["name"] and key == _key(f["name"])):
            return f
    return None


# -- "I" and "you" --------------------------------------------------------------------------------

_MAKE = (
    r"(?:perform|provide|deliver|create|develop|design|write|prepare|build|make|produce|draw|illustrate|"
    r"photograph|record|compose|code)"
)
_PAY = r"(?:pay|reimburse|compensate)"
_GIVE_RIGHTS = r"(?:grants?|licen[cs]es?|assigns?|transfers?|conveys?)"
_WILL = r"(?:will|shall|must|agrees?\s+to|['’]ll)"
_FORMS = {
    "I": (
        r"\bI(?:\s+(?:will|shall|may|agree|own|retain|grant|am|have|can|must|do|keep|reserve|charge|license)\b|"
        r"['’](?:ll|m|ve|d)\b)",
        r"\b(?:my|me)\b",
    ),
    "you": (r"\b[Yy]ou\b", r"\b[Yy]ours?\b"),
    "we": (r"\b[Ww]e\b", r"\b(?:[Oo]ur|us)\b"),
}


def _pronoun_parties(analysis: Analysis, found: list[dict[str, Any]]) -> None:
    """An informal contract's parties: "I" (who writes it) and "you", or "we" and "you"; roles from
    who makes the work (I'll design ...) and who pays (you will pay me ...) or grants."""
    text = analysis.joined.text
    counts = {p: sum(len(re.findall(f, text)) for f in forms) for p, forms in _FORMS.items()}
    if counts["I"] >= 3:
        counts["we"] = 0  # a freelancer's "we" is rare; "I" is the writer
    present = [p for p in ("I", "we", "you") if counts[p] >= 3 and _find(found, p) is None]
    if not present:
        return
    for pronoun in present:
        # "we" is also "our studio", "our team" as the subject
        subject = (
            r"\b(?:I|[Ww]e|[Oo]ur\s+(?:studio|team|agency|firm|company|business))"
            if pronoun in ("I", "we")
            else r"\b[Yy]ou"
        )
        score: Counter[str] = Counter()
        score[CREATOR] += len(re.findall(rf"{subject}(?:,[^,.]{{1,60}},)?\s*{_WILL}?\s+(?:\w+\s+)?{_MAKE}\b", text))
        score[CLIENT] += len(re.findall(rf"{subject}\s*{_WILL}\s+(?:\w+\s+)?{_PAY}\b", text))
        # "we grant", "I assign", "we'll transfer", "we will assign": the grantor
        grantor = len(re.findall(rf"{subject}\s*{_WILL}?\s+(?:hereby\s+)?{_GIVE_RIGHTS}\b", text))
        score[CREATOR] += 2 * grantor
        to = "you" if pronoun == "you" else "(?:me|us)"
        # "grants you", "we'll transfer the copyright in it to you", "you'll own" (not "your photos are yours":
        # a platform's user keeps its own work)
        taken = len(
            re.findall(rf"\b{_GIVE_RIGHTS}\s+(?:to\s+)?{to}\b|\b{_GIVE_RIGHTS}\b[^.;]{{0,60}}?\bto\s+{to}\b", text)
        )
        if pronoun == "you":
            taken += len(re.findall(r"\b[Yy]ou(?:['’]ll|\s+will|\s+shall)\s+(?:then\s+)?own\b", text))
        score[CLIENT] += 2 * taken
        role = UNKNOWN if score[CREATOR] == score[CLIENT] else max((CREATOR, CLIENT), key=lambda r: score[r])
        written = _written_form(text, pronoun)
        m = re.search(_FORMS[pronoun][0], text)
        found.append(
            {
                "name": _pronoun_name(analysis, pronoun),
                "terms": (written,),
                "role": role,
                "evidence": analysis.joined.index(m.start()) if m else None,
                "confidence": 0.4
                if role == UNKNOWN
                else round(min(0.8, 0.5 + 0.1 * abs(score[CREATOR] - score[CLIENT])), 2),
                "main": False,
                "uses": counts[pronoun],
            }
        )
    # "I design, you pay": one side each; a single known role gives the other pronoun the other side
    pronouns = [f for f in found if f["terms"] and f["terms"][0].lower() in ("i", "we", "you")]
    known = {f["role"] for f in pronouns if f["role"] != UNKNOWN}
    if len(pronouns) == 2 and len(known) == 1:
        other = CLIENT if known == {CREATOR} else CREATOR
        for f in pronouns:
            if f["role"] == UNKNOWN:
                f["role"], f["confidence"] = other, 0.5


def _pronoun_name(analysis: Analysis, pronoun: str) -> str | None:
    """The name a pronoun party is defined as, where the document writes one before the definition: "Wattle &
    Finch Pty Ltd ABN … of 40 Crown Street … ("we", "us" or "our")" names "we" Wattle & Finch Pty Ltd, "Acme LLC
    ("we" or "Agency")" names "we" Acme LLC; "the content creator named in Schedule 1 ("you")" names no one."""
    joined = analysis.joined
    defined = re.search(rf"\(\s*(?:the\s+)?[\"“‘']{pronoun}[\"”’'][^()]*\)", joined.text, re.IGNORECASE)
    if defined is None:
        return None
    before = joined.text[joined.starts[joined.index(defined.start())] : defined.start()]
    before = before[before.rfind(")") + 1 :]  # the words since the definition of the party before it
    name = _clean_name(before) if before.strip() else None
    if name is None and (run := _NAME_RUN.search(before)) is not None:  # "on which Larchmont Outfitters Ltd"
        name = _clean_name(run.group(1), from_start=True)
    return name


# a name of two to six capitalised words right before a definition: "… engage you, Jonah Whitby"
_NAME_RUN = re.compile(
    r"(?<![\w&])((?!(?:This|The|These|Our|Your)\b)[A-Z][\w&.'’-]*(?:,?\s+(?:&|[A-Z][\w&.'’-]*)){1,5}),?\s*$"
)


def _written_form(text: str, pronoun: str) -> str:
    """ "you" as the document writes it mid-sentence ("you" or "You")."""
    if pronoun == "I":
        return "I"
    lower = len(re.findall(rf"[a-z,;]\s+{pronoun}\b", text))
    upper = len(re.findall(rf"[a-z,;]\s+{pronoun.capitalize()}\b", text))
    return pronoun.capitalize() if upper > lower else pronoun


# -- consistency with the v1 terms and the user's party ------------------------------------------------


def _consistent(terms: DefinedTerms, parties: Parties) -> DefinedTerms:
    """The terms' client / provider filled from parties found outside the definitions; never a word
    the document does not have."""
    creator_side = terms.creator or PROVIDER_SIDE
    client_side = CLIENT_SIDE if creator_side == PROVIDER_SIDE else PROVIDER_SIDE
    updates: dict[str, Any] = {}
    for role, side in ((CREATOR, creator_side), (CLIENT, client_side)):
        party = parties.main(role)
        if getattr(terms, side) is None and party is not None and party.terms:
            word = party.terms[0]
            updates[side] = Term(name=word, surface=word, defined_at=None, uses=1)
    if not updates:
        return terms
    if terms.creator is None:
        updates["creator"] = PROVIDER_SIDE
    return replace(terms, **updates)


def resolve_we(parties: Parties, given: str | None) -> We:
    """Which party the user is. ``given`` (``--we``) is a party's name or word ("Acme", "the
    Customer", "you") or a role ("creator", "client", "licensor" ...); None: the creator is
    inferred, and the audit is sure only when both sides are known, the creator clearly, and the
    client brings no materials of its own (a SaaS customer's "Customer Content" is work at stake too).

    Raises :class:`~noai.errors.UnknownPartyError` (listing the parties found) when ``given``
    names no party of the document and no role."""
    if given is None or not given.strip():
        creator, client = parties.creator, parties.client
        theirs = parties.client_materials and not parties.creator_assigns
        sure = creator is not None and client is not None and creator.confidence >= 0.7 and not theirs
        return We(None, creator.id if creator else None, CREATOR if creator else None, "inferred", sure)
    given = given.strip()
    party = parties.party_of(given) or _by_name_part(parties, given)
    if party is not None:
        return We(given, party.id, party.role if party.role != UNKNOWN else None, "user", party.role != UNKNOWN)
    key = _key(given)
    for role, words in ROLE_WORDS.items():
        if key in words:
            main = parties.main(role)
            return We(given, main.id if main else None, role, "user", True)
    listed = [{"id": p.id, "name": p.name, "terms": list(p.terms), "role": p.role} for p in parties.parties]
    names = (
        "; ".join(
            f"{' / '.join(p.terms) or p.name}{f' ({p.name})' if p.name and p.terms else ''}, {p.role}"
            for p in parties.parties
        )
        or "none"
    )
    raise UnknownPartyError(
        f"'{given}' names no party of this document. Parties found: {names}. Give one of these, or a role: "
        f"creator or client.",
        detail={"given": given, "parties": listed},
    )


def _by_name_part(parties: Parties, given: str) -> Party | None:
    """ "Acme" for "Acme Corp.": a whole-word prefix of exactly one party's legal name."""
    key = _key(given)
    if len(key) < 3:
        return None
    hits = [p for p in parties.parties if p.name and re.match(rf"{re.escape(key)}\b", _key(p.name))]
    return hits[0] if len(hits) == 1 else None
