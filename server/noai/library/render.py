"""Filling clauses with a document's own terms.

Placeholders are ``{client}`` (the term as the document uses it: "Customer", "the Client"),
``{Client}`` (sentence-initial: "The Client") and ``{client}'s`` (possessive: "Customer's",
"your"). A placeholder the document has no term for takes the library's fallback; one with
neither is a :class:`~noai.errors.RenderError`, never a literal ``{client}`` in a contract.
Terms the library introduces ("Prohibited AI Use") are defined once: in the first clause of a
batch that uses them, by a definition paragraph placed before that clause's own paragraphs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from functools import partial
from types import MappingProxyType

from noai.errors import RenderError, UnknownVariantError

from .model import VARIANTS, Clause, Definition, Fix, Placeholder, Rendered, RenderedFix

PLACEHOLDER = re.compile(r"\{([A-Za-z][A-Za-z_]*)\}(['’]s\b)?")
BRACE = re.compile(r"[{}]")
MATCH = "match"  # {match} in a fix: the red-flag phrase exactly as the document has it
_WORK_PRONOUNS = {"them": "it"}  # {them}: the work's pronoun, singular where the work's name is
_POSSESSIVE_PRONOUNS = {"you": "your", "we": "our", "us": "our", "they": "their", "it": "its"}


def placeholder_key(name: str) -> str:
    """``Client`` -> ``client``: the registry key of a placeholder as written."""
    return name[0].lower() + name[1:]


def possessive(term: str) -> str:
    """ "Customer" -> "Customer's", "the Deliverables" -> "the Deliverables'", "you" -> "your", "I" -> "my"."""
    if term == "I":
        return "my"
    pronoun = _POSSESSIVE_PRONOUNS.get(term.lower())
    if pronoun:
        return pronoun if term[0].islower() else pronoun.capitalize()
    if term.endswith("s") and not term.endswith("ss"):
        return term + "'"
    return term + "'s"


def fill_known(text: str, terms: Mapping[str, str]) -> str:
    """``text`` with the placeholders ``terms`` has filled as a clause's are (a party called "you" or "we"
    takes its case and verbs: "have you bind anyone you later assign"); any other brace (a document's own
    "{Client Name}" quoted in a comment) is left as written."""
    hidden = PLACEHOLDER.sub(
        lambda m: m.group(0) if placeholder_key(m.group(1)) in terms else m.group(0).translate(_HIDE), text
    )
    return Filler({}, terms).fill(hidden).translate(_SHOW)


_HIDE = str.maketrans("{}", "\x04\x05")
_SHOW = str.maketrans("\x04\x05", "{}")


def capitalise(text: str) -> str:
    """First letter upper-cased, the rest untouched ("the Client" -> "The Client")."""
    return text[:1].upper() + text[1:]


class Filler:
    """Resolves placeholders against ``terms``, then fallbacks; raises for what neither has."""

    def __init__(self, placeholders: Mapping[str, Placeholder], terms: Mapping[str, str]):
        self.placeholders = placeholders
        self._terms = {k: v.strip() for k, v in terms.items() if v and v.strip()}
        self._resolving: list[str] = []

    def value(self, key: str) -> str:
        """The surface form for ``key``: the document's term, else the filled fallback."""
        if key in self._terms:
            return self._terms[key]
        if key in _WORK_PRONOUNS and "deliverables" in self._terms:  # "derived from it": one Licensed Corpus
            return _WORK_PRONOUNS[key] if singular_term(self._terms["deliverables"]) else key
        spec = self.placeholders.get(key)
        if spec is None or spec.fallback is None or key in self._resolving:
            raise RenderError(
                f"The clause needs a value for {{{key}}} and the document does not define one. "
                f"Give it explicitly (for example --term {key}=...).",
                detail={"placeholder": key},
            )
        self._resolving.append(key)
        try:
            return self.fill(spec.fallback)
        finally:
            self._resolving.pop()

    def voiced(self) -> Filler:
        """This filler for a comment: in the creator's voice (:func:`comment_voice`)."""
        voiced = comment_voice(self._terms)
        return self if voiced is self._terms else Filler(self.placeholders, voiced)

    def fill(self, text: str) -> str:
        """``text`` with every placeholder replaced."""

        def substitute(m: re.Match[str]) -> str:
            name, suffix = m.group(1), m.group(2)
            key = placeholder_key(name)
            value = self.value(key)
            named = value.lower() in _PERSONS or self._terms.get(PERSON) == key  # "it" is not said of them
            many = key in plural  # "the Publishers": "they", and verbs in the plural, where it is the subject
            party = f"{_PARTY}{'they' if many else value if named else ''}{_PARTY}" if key in _PARTIES else ""
            if suffix:
                value = possessive(value)
            if not suffix and value.lower() in _PERSONS:  # "I", "we", "you": case and verb follow where it stands
                return f"{_MARK}{value}{_START if name[0].isupper() else ''}{_MARK}{party}"
            if many and not suffix and not _OBJECT_BEFORE.search(m.string, 0, m.start()):
                party = _MANY + party
            # "these Terms end", "every right these Conditions do not grant": the document calls itself in the
            # plural, and the verb after it agrees where it is the subject (not "nothing in these Terms limits")
            if (
                key == "agreement"
                and not suffix
                and plural_self(value)
                and not _AFTER_PREPOSITION.search(m.string, 0, m.start())
            ):
                party = _MANY
            subject = key == "deliverables" and _SUBJECT_PLACE.search(m.string, 0, m.start())
            one = _ONE if subject and not suffix and singular_term(value) else ""
            return (capitalise(value) if name[0].isupper() else value) + one + party

        plural = self._terms.get(PLURAL, "").split()
        # our words spelt as the document spells: British "a licence", "authorise"; else "a license"
        if INFORMAL in self._terms:  # a letter or an email: "must", "will", "This applies", no officer or audit
            text = informal(text)
        if NO_SUBLICENCE in self._terms:  # the client may not sublicense: no "sublicensees", no "every sublicense"
            text = without_sublicences(text)
        if (
            NO_AFFILIATES in self._terms
        ):  # a letter that speaks of no affiliates: "your contractors", not "your affiliates"
            text = _AFFILIATES.sub(r"\1", text)
        text = _british(text) if self._terms.get("licence") == "licence" else _american(text)
        if SUB_HYPHEN in self._terms:  # the document writes "sub-license": so do we
            text = _SUBLICEN.sub(r"\1-\2", text)
        filled = PLACEHOLDER.sub(substitute, text)
        filled = _PLURAL_VERB.sub(lambda m: m.group(1) + _third_person(m.group(2)), filled).replace(_ONE, "")
        if _MANY in filled:
            filled = _MANY_VERB.sub(_plural_verbs, filled).replace(_MANY, "")
        return _once_created(_purpose_once(_agree(_it_after_person(filled)), self._terms.get("project")))


SUB_HYPHEN = "sub_hyphen"  # a term set where the document spells "sub-licence" / "sub-license" with a hyphen
_SUBLICEN = re.compile(r"\b([Ss]ub)(licen[cs])")


NO_SUBLICENCE = "no_sublicence"  # a term set where the document gives the client no right to sublicense
_OTHERS = "anyone else it allows to use the Protected Materials"
_SUBLICENCE_WORDS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (
            r"\b(affiliates),\s+contractors,\s+sublicensees\s+and\s+AI\s+([Vv])endors",
            rf"\1, contractors, AI \2endors and {_OTHERS}",
        ),
        (r"\bcontractors\s+and\s+sublicensees\s+and\s+any\s+AI\s+Vendor", f"contractors, any AI Vendor and {_OTHERS}"),
        (r"\bcontractors\s+or\s+sublicensees\s+or\s+any\s+AI\s+Vendor", f"contractors, any AI Vendor or {_OTHERS}"),
        (r"\bcontractors\s+(and|or)\s+sublicensees", rf"contractors \1 {_OTHERS}"),
        (r"\bsublicense,\s+disclose\s+or\s+provide", "disclose or provide"),
        (r"\bsublicense\s+or\s+provide", "provide"),
        (
            r"\b([Ee]very|[Aa]ny)\s+sublicense\s+or\s+other\s+permission\s+granted\s+by\s+\{client\}\s+in\s+any\s+",
            r"\1 permission {client} gives anyone to use any ",
        ),
        (
            r"\b([Ee]very|[Aa]ny)\s+sublicense\s+granted\s+by\s+\{client\}",
            r"\1 permission {client} gives anyone to use the Protected Materials",
        ),
        (
            r"\b([Ee]very|[Aa]ny)\s+sublicense\s+of\s+the\s+Protected\s+Materials",
            r"\1 permission it gives anyone to use the Protected Materials",
        ),
        (r"\b([Ee]very|[Aa]ny)\s+sublicense\b", r"\1 permission it gives anyone to use the Protected Materials"),
    )
)


def without_sublicences(text: str) -> str:
    """A clause's template with no word of sublicensing, for a client the document gives no right to sublicense:
    "affiliates, contractors and sublicensees" -> "affiliates, contractors and anyone else it allows to use the
    Protected Materials", "every sublicense of the Protected Materials" -> "every permission it gives anyone to use
    the Protected Materials", "shall not sublicense or provide" -> "shall not provide"."""
    if "ublicens" not in text:
        return text
    for pattern, replacement in _SUBLICENCE_WORDS:
        text = pattern.sub(replacement, text)
    return text


NO_AFFILIATES = "no_affiliates"  # a term set where a letter or an email speaks of no affiliates of the client
_AFFILIATES = re.compile(r"(\{client\}'s\s+)affiliates(?:,\s+|\s+(?:and|or)\s+)")


INFORMAL = "informal"  # a term set where the document is a letter or an email written as "I" / "we" to "you"
_AUTHORISED = r"authori[sz]ed"
_INFORMAL_WORDS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # strict's officer's certificate and yearly audit: a written confirmation on request
        (
            r"\{client\}\s+shall\s+certify\s+in\s+writing,\s+signed\s+by\s+an\s+" + _AUTHORISED + r"\s+officer,\s+"
            r"whether\s+any\s+Prohibited\s+AI\s+Use\s+has\s+occurred,\s+and\s+shall\s+give\s+\{provider\}\s+the\s+information\s+"
            r"reasonably\s+needed\s+to\s+check\s+that\s+certificate,\s+including\s+(which\s+AI\s+Vendors\s+received\s+any\s+"
            r"Protected\s+Materials)\.\s+Once\s+a\s+year,[^.]*?reasonable\s+notice\.",
            r"{client} shall confirm in writing whether any Prohibited AI Use has occurred and \1.",
        ),
        (
            r"\ba\s+signed\s+certificate\s+and\s+an\s+audit\s+of\s+compliance",
            "a written confirmation of compliance on request",
        ),
        (
            r"\bThis\s+clause\s+applies\s+to\s+the\s+fullest\s+extent\s+permitted\s+by\s+law",
            "This applies as far as the law allows",
        ),
        (
            r"\bThis\s+clause\s+applies\s+to\s+the\s+extent\s+permitted\s+by\s+law",
            "This applies as far as the law allows",
        ),
        (r"\bThis\s+clause\s+(applies|does)\b", r"This \1"),
        (r"\bas\s+protective\s+as\s+this\s+clause\b", "as protective as these terms"),
        (
            r"\bsurvives\s+the\s+termination\s+or\s+expiry\s+of\s+(\{agreement\})\s+and\s+any\s+transfer\s+or\s+assignment\b",
            r"continues after \1 ends and after any transfer",
        ),
        (r"\bsurvives\s+the\s+termination\s+or\s+expiry\s+of\s+(\{agreement\})", r"continues after \1 ends"),
        # a friendly letter's plain words for contract boilerplate: "you will cover me and my subcontractors for …",
        # not "defend, indemnify and hold harmless"; no "estoppel, course of dealing"; a court asked to stop it
        (
            r"\{Client\}\s+shall\s+defend,\s+indemnify\s+and\s+hold\s+harmless\s+(\{provider\}(?:\s+and\s+[^()]*?)?)\s+"
            r"from\s+and\s+against\s+all\s+claims,\s+losses,\s+damages,\s+liabilities,\s+costs\s+and\s+expenses\s+"
            r"\(including\s+reasonable\s+legal\s+fees\)\s+arising\s+out\s+of\s+or\s+relating\s+to\b",
            r"{Client} will cover \1 for all claims, losses and costs (including reasonable legal fees) that come from",
        ),
        (
            r"\{Client\}\s+shall\s+indemnify\s+\{provider\}\s+against\s+all\s+third-party\s+claims,\s+and\s+the\s+"
            r"resulting\s+losses,\s+damages,\s+costs\s+and\s+reasonable\s+legal\s+fees,\s+arising\s+out\s+of\s+([^.]*)\.",
            r"{Client} will cover {provider} for any claims others make because of \1, and for the losses, costs and "
            r"reasonable legal fees that result.",
        ),
        (
            r"(\{[Cc]lient\})\s+(shall\s+indemnify|indemnifies)\s+\{provider\}\s+against\s+third-party\s+claims\s+"
            r"(?:arising\s+out\s+of|arising\s+from)\b",
            lambda m: (
                f"{m.group(1)} {'will cover' if m.group(2).startswith('shall') else 'covers'} {{provider}} for "
                "any claims others make because of"
            ),
        ),
        (
            r"(\{[Cc]lient\})\s+indemnifies\s+\{provider\}\s+against\s+claims\s+arising\s+from\b",
            r"\1 covers {provider} for claims that come from",
        ),
        (
            r"\bNo\s+limitation\s+or\s+exclusion\s+of\s+liability\s+in\s+(\{agreement\})\s+applies\s+to\s+this\s+indemnity\s+"
            r"or\s+to\s+any\s+breach\s+of\s+the\s+restrictions\s+on\s+Prohibited\s+AI\s+Use,\s+and\s+no\s+indemnity\s+given\s+"
            r"by\s+\{provider\}\s+in\s+\{agreement\}\s+covers\s+any\s+claim\s+to\s+the\s+extent\s+caused\s+by\s+Prohibited\s+AI\s+"
            r"Use\.",
            r"No limit on liability in \1 applies to this promise or to any breach of the restrictions on "
            r"Prohibited AI Use, and nothing in \1 makes {provider} cover any part of a claim that Prohibited AI Use "
            r"caused.",
        ),
        (r"\b(this|that)\s+indemnity\b", r"\1 promise"),
        (
            r"\bThe\s+parties\s+agree\s+that\s+any\s+Prohibited\s+AI\s+Use\s+would\s+cause\s+\{provider\}\s+irreparable\s+"
            r"harm\s+for\s+which\s+damages\s+alone\s+are\s+not\s+an\s+adequate\s+remedy\.\s+\{Provider\}\s+may\s+seek\s+an\s+"
            r"injunction,\s+specific\s+performance\s+or\s+other\s+equitable\s+relief\s+in\s+any\s+court\s+of\s+competent\s+"
            r"jurisdiction(?:(,)\s+without\s+posting\s+a\s+bond)?,\s+in\s+addition\s+to\s+any\s+other\s+remedy\.",
            lambda m: (
                "Money alone could not make up for any Prohibited AI Use, so {provider} may ask a court to "
                + ("stop it without having to put up a bond" if m.group(1) else "stop it")
                + ", as well as using any other remedy."
            ),
        ),
        (
            r"\bAny\s+Prohibited\s+AI\s+Use\s+would\s+cause\s+\{provider\}\s+irreparable\s+harm,\s+and\s+\{provider\}\s+may\s+"
            r"seek\s+injunctive\s+relief\s+in\s+any\s+court\s+of\s+competent\s+jurisdiction\s+in\s+addition\s+to\s+any\s+other\s+"
            r"remedy\.",
            "Money alone could not make up for any Prohibited AI Use, so {provider} may ask a court to stop it, "
            "as well as using any other remedy.",
        ),
        (r"\bseek\s+injunctive\s+relief\s+against\b", "ask a court to stop"),
        (
            r"\bgives\s+(\{provider\})\s+injunctive\s+relief\s+against\s+Prohibited\s+AI\s+Use,\s+([^,]*?),\s+and\s+",
            r"lets \1 ask a court to stop Prohibited AI Use, and gives \1 \2 and ",
        ),
        (
            r"\bNo\s+license\s+or\s+right\s+is\s+granted\s+by\s+implication,\s+estoppel,\s+course\s+of\s+dealing\s+or\s+"
            r"otherwise,\s+(and\s+no\s+grant\b[^.]*\.)",
            r"No license is granted, and no right arises, by implication or from past dealings, \1 {Provider}'s not "
            r"acting on a breach straight away does not mean {provider} accepts it.",
        ),
        (
            r"\bNo\s+license\s+is\s+granted\s+by\s+implication,\s+estoppel\s+or\s+otherwise\.",
            "No license is granted by implication or from past dealings.",
        ),
        (
            r"\bbinds\s+(\{client\}'s)\s+successors\s+and\s+assigns\b",
            r"binds anyone who takes over \1 rights under {agreement}",
        ),
        (r"\bshall\s+not\s+be\b", "will not be"),  # "you will not be responsible for", not "must not be"
        (r"\bshall\s+not\b", "must not"),
        (r"\bshall\s+be\b", "will be"),
        (r"\bshall\b", "must"),
    )
)


def informal(text: str) -> str:
    """A clause's template in the register of a letter or an email: "shall not" -> "must not", "shall be" ->
    "will be", "shall" -> "must"; "This applies", "continues after this letter ends"; and where strict asks an
    officer's certificate and a yearly audit, a written confirmation on request."""
    for pattern, replacement in _INFORMAL_WORDS:
        text = pattern.sub(replacement, text)
    return text


# An inserted clause numbered as a lettered sub-section ("7(d)", its siblings "7(e)" …) has its inner lists in
# roman numerals, and a range of them named as its own ("any act in (i) to (vii) above"), never read as 7(a)-(g).
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")
_INNER = re.compile(r"(?P<range>\((?P<first>[a-o])\) to \((?P<last>[a-o])\))|(?<![\w)])\((?P<item>[a-o])\)(?=\s)")


def roman_lists(text: str) -> str:
    """``text`` with its inline lists "(a) …; (b) …" numbered "(i) …; (ii) …", and a range of their items "(a) to
    (g)" as "(i) to (vii) above"; unchanged unless each list runs from (a) in order."""
    items = [m.group("item") for m in _INNER.finditer(text) if m.group("item")]
    if not items or any(x != "a" and ord(x) != ord(prev) + 1 for prev, x in zip(["`", *items], items, strict=False)):
        return text

    def roman(m: re.Match[str]) -> str:
        if m.group("item"):
            return f"({_ROMAN[ord(m.group('item')) - 97]})"
        return f"({_ROMAN[ord(m.group('first')) - 97]}) to ({_ROMAN[ord(m.group('last')) - 97]}) above"

    return _INNER.sub(roman, text)


# The work described, not named ("the work and other materials we create or supply under this email"),
# followed by "every draft, … and other material created or supplied by us under this email": the
# created materials said once, "…, including every draft, … and working file".
_CREATED_TWICE = re.compile(
    r"\b(creates?|created) or (suppl(?:y|ies|ied)) under ([^,;]+), ((?:every|the) [^.;]*?),? and other "
    r"materials? created or supplied by [^,;]*? under \3\b"
)


def _once_created(text: str) -> str:
    def including(m: re.Match[str]) -> str:
        listed = " and ".join(m.group(4).rsplit(", ", 1))
        return f"{m.group(1)} or {m.group(2)} under {m.group(3)}, including {listed}"

    if " created or supplied by " in text:  # in every match of _CREATED_TWICE
        text = _CREATED_TWICE.sub(including, text)
    if " as finally delivered under " in text:  # in every match of _DELIVERED_TWICE
        text = _DELIVERED_TWICE.sub(r"under \1, as finally delivered", text)
    return text


# "materials I create or supply under this letter as finally delivered under this letter": "under" said once
_DELIVERED_TWICE = re.compile(r"\bunder ((?:this|the) [\w ]+?) as finally delivered under \1\b")


_OWN_BUSINESS = " own business"


def _purpose_once(text: str, project: str | None) -> str:
    """Where the project is the client's own business (a document that describes none), "for X's own
    business and for X's related business purposes" says the purpose twice: "for X's own business purposes"."""
    if not project or not project.endswith(_OWN_BUSINESS) or "related business" not in text:
        return text
    owner = project[: -len(_OWN_BUSINESS)]
    return text.replace(f"{project} and for {owner} related business purposes", f"{project} purposes")


# "it" standing for the party last named in its sentence ("{client} and those it works with") is that
# party's pronoun where the document calls the party "you", "I" or "we": "you and those you work with";
# a party who is a natural person (``terms[PERSON]`` names its role) is named again: "the know-how the
# Illustrator had", not "the know-how it had".
_PARTIES = frozenset({"client", "provider"})
PERSON = "person"
_PARTY = "\x03"
_AS_IF = re.compile(r"\bas if\s*$")
# A party the document writes of in the plural ("the Publishers are", "which expression shall include their
# successors": noai.analysis.number) takes plural verbs where it is the subject ("the Publishers give", "the
# Publishers indemnify") and "they" where the clause says "it" of it ("anyone else they allow").
PLURAL = "plural"  # a term set's roles, space-separated, written of in the plural ("client")
_MANY = "\x06"  # after a plural party's name where it is the subject (before its party mark)
# the verb after it, an adverb before it allowed ("the Publishers later assign"), and one coordinated with it ("assign
# or license")
_MANY_VERB = re.compile(
    _MANY
    + "("
    + _PARTY
    + r"[^\x03]*"
    + _PARTY
    + r")?(\s+(?:(?:\w+ly|later|also|then|still|now|first|already)\s+)?)([a-z]+)\b(?:(\s+(?:or|and)\s+)([a-z]+s)\b)?"
)
_NOT_VERB_S = frozenset({"as", "this", "thus", "plus", "unless", "its", "his", "whereas"})
# a word after which the document's name is an object, not the subject of the verb that follows ("nothing in
# these Terms limits", "the rights under these Conditions are")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:to|with|by|from|of|for|against|than|between|without|under|in|on|upon|at|into|within|throughout|"
    r"through|over|across|per|beyond|before|outside|during|terminate|terminates|accept|accepts|breach|breaches|"
    r"sign|signs|amend|amends)\s*$",
    re.IGNORECASE,
)
# a document's name up to what qualifies it ("the Terms of Service": "the Terms")
_NAME_HEAD = re.compile(r"^.*?(?=\s+(?:of|for)\s|$)")


def plural_self(agreement: str) -> bool:
    """Whether the document calls itself in the plural: "these Terms", "the Conditions of Sale", "the Terms and
    Conditions" (not "this Agreement", "the Statement of Works")."""
    words = agreement.split()
    if not words or words[0].lower() == "this":
        return False
    if words[0].lower() in ("these", "those"):
        return True
    head = _NAME_HEAD.match(agreement).group(0).split()  # type: ignore[union-attr]
    last = head[-1] if head else words[-1]
    return last[:1].isupper() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def self_verb(agreement: str, verb: str) -> str:
    """``verb`` ("describes", "does") as it agrees with the document's name as its subject: "these Terms describe"."""
    return _plain(verb, "they") if plural_self(agreement) else verb


def _plural_verbs(m: re.Match[str]) -> str:
    """The verb after a plural party's name in the plural: "gives" -> "give", "is" -> "are"."""
    verb = m.group(3)
    plain = verb if verb in _NOT_VERB_S else _plain(verb, "they")
    tail = m.group(4) or ""
    if tail:  # "assigns or licenses" -> "assign or license": the coordinated verb as the first
        tail += _plain(m.group(5), "they") if plain != verb else m.group(5)
    return (m.group(1) or "") + m.group(2) + plain + tail


_PARTY_OR_IT = re.compile(_PARTY + r"([^\x03]*)" + _PARTY + r"|(?<![\w-])its?(?=\s)|[.;]\s")
# a singular name between the party and "its" ("an AI Vendor and its affiliates"): "its" is that thing's
_ONE_THING = re.compile(r"\b[A-Z][\w-]*(?<![sI])\b")
# a verb whose object is a person: "it" after one, the party last named being plural (and no thing named since), is
# "them" ("give them the records")
_GIVEN = re.compile(r"\s+(?:to|back|over|up|away)\b")  # "give it to …": "it" is what is given
_PERSON_VERB = re.compile(
    r"\b(?:notify|inform|give|bind|require|ask|indemnify|pay|reimburse|compensate|consult|tell)\s+$",
    re.IGNORECASE,
)


def _it_after_person(text: str) -> str:
    if _PARTY not in text:
        return text
    out: list[str] = []
    last, person, named_at = 0, "", 0
    for m in _PARTY_OR_IT.finditer(text):
        out.append(text[last : m.start()])
        last = m.end()
        if m.group(0).startswith(_PARTY):
            person, named_at = m.group(1), m.end()
        elif m.group(0) == "its":  # "ensure its recipients": the plural party's "their", not "an AI Vendor and its"
            between = _ONE_THING.search(text, named_at, m.start())
            out.append("their" if person == "they" and not between else "its")
        elif (
            m.group(0) == "it"
            and person == "they"
            and _PERSON_VERB.search(text, 0, m.start())
            and not _ONE_THING.search(text, named_at, m.start())
            and not _GIVEN.match(text, m.end())
        ):
            out.append("them")  # "give it the records" of a plural party: "give them the records"
        elif m.group(0) == "it":
            after = text[m.end() :]
            before = text[: m.start()]
            subject = person and _SUBJECT_NEXT.match(after) and not _OBJECT_BEFORE.search(before)
            subject = subject and not _AS_IF.search(before)  # "as if it were a breach by you": the act
            named = person if person.lower() not in _PERSONS else f"{_MARK}{person}{_MARK}"
            out.append(named if subject else "it")
        else:  # a sentence or clause ends: "it" after it is something else
            person = ""
            out.append(m.group(0))
    return "".join(out) + text[last:]


# A document that spells the noun "licence" (British) gets it so in our text; the verb stays "license"
# ("to license others", "shall not sell or license"): the noun is the word after an article,
# a determiner or an adjective ("a separate written license", "No license is", "The licenses and rights").
_LICENSE_NOUN = re.compile(
    r"(\b(?:a|an|the|no|any|every|each|this|that|such|its|their|your|our|my|written|separate|exclusive|"
    r"non-exclusive|implied|express|further|new|other|limited|perpetual|revocable|irrevocable)\s+)"
    r"((?:sub)?licenses?)\b",
    re.IGNORECASE,
)


# Words the library spells the American way, as a British document spells them ("authorize" ->
# "authorise", "vectorizing" -> "vectorising"): the -ize verbs the clauses use and their forms.
_IZE = re.compile(
    r"\b(authori|vectori|tokeni|organi|recogni|minimi|anonymi|summari|characteri|utili)z(e|es|ed|ing|ation|ations)\b",
    re.IGNORECASE,
)


def _british(text: str) -> str:
    """``text`` spelt as a British document spells it: the noun "licence" (and "sublicence"), the verb
    "license"; "-ise" for "-ize"."""
    # each substitution only where a match may be: every one holds "licens" or a "z" (any case), or a character a
    # case-insensitive search takes for an i or an s (a dotted or dotless i, a long s)
    folds = not text.isascii() and any(c in text for c in _FOLDS_TO_IS)
    if folds or "licens" in text.lower():
        text = _LICENSE_NOUN.sub(lambda m: m.group(1) + m.group(2).replace("icense", "icence"), text)
    return _IZE.sub(r"\1s\2", text) if folds or "z" in text or "Z" in text else text


_FOLDS_TO_IS = "\u0130\u0131\u017f"  # İ, ı, ſ: an i or an s to re.IGNORECASE


_LICENCE = re.compile(r"\b((?:sub)?licen)c(es?)\b", re.IGNORECASE)


def _american(text: str) -> str:
    """``text`` spelt the American way: the library's comments write the noun "licence"."""
    return _LICENCE.sub(r"\1s\2", text) if "icence" in text else text


# The work, when it is the subject, named by a defined term for one thing ("the Application", "the Work
# Product", "the Software") takes "is" where the template, written for "the Deliverables", says "are";
# a plural name ends in s.
_ONE = "\x02"
_SUBJECT_PLACE = re.compile(r"(?:^|[:.;]\s*|\b(?:if|that|where|when|because|unless|while)\s+)$", re.IGNORECASE)
_SINGULAR_VERB = {"are": "is", "have": "has", "were": "was", "do": "does"}
# the verb after the work as subject, an adverb before it allowed ("{deliverables} pass", "capture", "are")
_PLURAL_VERB = re.compile(_ONE + r"(\s+(?:(?:only|also|then|still|now|first|later)\s+)?)([a-z]+)\b")
# words after a subject that are no present-tense verb to agree: modals, conjunctions, prepositions
_NO_VERB = frozenset(
    "shall will may must can could should would might and or but nor to of for in on by with as under that which "
    "who not".split()
)


def _third_person(verb: str) -> str:
    """A plain verb as it agrees with a singular subject: "pass" -> "passes", "capture" -> "captures", "are" ->
    "is", "carry" -> "carries"; a modal, a past form or a word that is no verb (:data:`_NO_VERB`) as it is."""
    if verb in _SINGULAR_VERB:
        return _SINGULAR_VERB[verb]
    if verb in _NO_VERB or verb.endswith(("ed", "ly")) or (verb.endswith("s") and not verb.endswith("ss")):
        return verb
    if verb.endswith(("ss", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


_LEADING = re.compile(r"^(?:the|this|that|such|each|any)\s+", re.IGNORECASE)


def singular_term(value: str) -> bool:
    """``value`` is a defined term in the singular: capitalised words, the last not ending in a plural s."""
    words = _LEADING.sub("", value).split()
    if not words or not words[-1][:1].isupper() or not all(w[:1].isupper() or w in _SMALL for w in words):
        return False
    last = words[-1].lower()
    return not last.endswith("s") or last.endswith(("ss", "us", "is"))


_SMALL = frozenset({"for", "of", "in", "on", "to", "by"})


# A party the document calls "I", "we" or "you" (a letter, a first-person contract): the clause's
# third-person template ("without {provider}'s consent", "reserved to {provider}", "{provider} creates")
# takes the pronoun's object form after a preposition or verb, and the verb after it drops its "s".
_MARK, _START = "\x00", "\x01"  # around a pronoun filled in; after it when it opens a sentence
_PERSONS = {"i": "me", "we": "us", "you": "you", "they": "them"}
_MARKED = re.compile(_MARK + r"(\w+)(" + _START + r"?)" + _MARK)
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|with|by|from|of|for|against|than|between|without|under|permit|authori[sz]e|bind|notify|"
    r"inform|indemnify|pay|reimburse)\s*$",
    re.IGNORECASE,
)
# what follows a pronoun that is the subject: a modal, a verb ("keeps", "created") or an adverb and one;
# anything else makes it an object ("hold harmless me and my officers", "cause me irreparable harm")
_ADVERB = r"(?:\w+ly|later|also|then|still|now|first|already)"
_SUBJECT_NEXT = re.compile(
    r"\s+(?:"
    + _ADVERB
    + r"\s+)?(?:shall|will|may|must|cannot|can|could|should|would|might|am|is|are|was|were|has|have|had|do|does|"
    r"did|[a-z]+s|[a-z]+ed)\b"
)
# a pronoun right after a conjunction opens a clause: it is that clause's subject ("and that we keep the right",
# "unless you agree"), whatever verb form follows
_SUBJECT_BEFORE = re.compile(r"\b(?:that|if|unless|whether|where|when|while|because)\s+$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"^(\s+(?:" + _ADVERB + r"\s+)?)([a-z]+)\b(?:(\s+(?:or|and)\s+)([a-z]+s)\b)?")
_IRREGULAR = {"is": "are", "has": "have", "does": "do", "was": "were"}


def _agree(text: str, *, by_next_word: bool = True) -> str:
    """Each marked pronoun in its case, the verb after a subject agreeing with it. ``by_next_word``: a pronoun
    is an object unless a verb follows it (templates, whose verbs all end in "s" or are modals); otherwise
    only after a preposition or verb (a text already filled, where "I create" is written in the plain form)."""
    if _MARK not in text:
        return text
    out: list[str] = []
    rest = text
    while m := _MARKED.search(rest):
        before, word, rest = rest[: m.start()], m.group(1), rest[m.end() :]
        out.append(before)
        subject_place = _SUBJECT_BEFORE.search(before) is not None  # "that we keep": a subjunctive's subject
        if _OBJECT_BEFORE.search(before) or (by_next_word and not subject_place and not _SUBJECT_NEXT.match(rest)):
            word = _PERSONS[word.lower()] if word == "I" or word.islower() else capitalise(_PERSONS[word.lower()])
        else:
            rest = _VERB_AFTER.sub(partial(_verbs, subject=word), rest, count=1)
            word = capitalise(word) if m.group(2) else word
        out.append(word)
    text = _THE_X_OF.sub(_own, "".join(out) + rest)
    return _HARMLESS.sub(r"hold \1 harmless \2", text)


def _own(m: re.Match[str]) -> str:
    """ "the relevant records of you" -> "your relevant records"; "the likeness of us or of anyone" -> "our
    likeness or that of anyone" (the coordinated "of" keeps its noun)."""
    owned = f"{_OWN[m.group(2)]} {m.group(1)}"
    return owned + (m.group(3).replace("of", "that of") if m.group(3) else "")


_OWN = {"me": "my", "us": "our", "you": "your", "them": "their"}
# "the X of me" -> "my X": X one to four words ("the style, voice or likeness"), none a function word
# ("the benefit of any of them" stays)
_NOUN = (
    r"(?!(?:of|any|each|all|either|both|some|none|one|to|for|by|in|on|at|with|from|and|or|the|a|an|that|this|"
    r"those|these|is|are|was|were|be)\b)[\w-]+"
)
_THE_X_OF = re.compile(
    rf"\bthe ({_NOUN}(?:(?:,\s|\s(?:or|and)\s|\s){_NOUN}){{0,3}}) of (me|us|you|them)\b(,?\s(?:or|and)\sof\b)?"
)
# "hold harmless us and our officers from" -> "hold us and our officers harmless from": a pronoun object
# goes before "harmless", with what is coordinated with it
_HARMLESS = re.compile(r"\bhold harmless ((?:me|us|you|them)\b[^.;]*?)\s(from|against)\b")
_I_POSSESSIVE = re.compile(r"\bI['’]s\b")
_BARE_I = re.compile(r"\bI\b")


_WE_POSSESSIVE = re.compile(r"\b([Ww])e['’]s\b")  # "we's style" -> "our style"
_WE_OBJECT = re.compile(  # "with we", "reserved to we" -> "with us", "reserved to us"
    r"\b((?:to|with|by|from|of|for|against|than|between|without|under|permit|authori[sz]e|bind|notify|"
    r"inform|indemnify|pay|reimburse)\s+)we\b",
    re.IGNORECASE,
)


def first_person(text: str) -> str:
    """A text written with the creator's or client's term filled in where that term is "I" or "we" (a
    letter, an email): "I's" -> "my", "reserve to I" -> "reserve to me", "I keeps" -> "I keep", "we's" ->
    "our", "with we" -> "with us"."""
    if "we" in text or "We" in text:
        text = _WE_POSSESSIVE.sub(lambda m: "Our" if m.group(1) == "W" else "our", text)
        text = _WE_OBJECT.sub(r"\1us", text)
    if "I" not in text:
        return text
    return _agree(_BARE_I.sub(f"{_MARK}I{_MARK}", _I_POSSESSIVE.sub("my", text)), by_next_word=False)


# A comment in the voice of a creator who writes as "I" (a letter): "we add" -> "I add", "our" -> "my";
# words quoted from the document (“…”) stay as written.
_VOICE = {"we": "I", "We": "I", "our": "my", "Our": "My", "us": "me", "ours": "mine", "ourselves": "myself"}
_PLURAL_VOICE = re.compile(r"“[^”]*”|\b(?:we|We|our|Our|us|ours|ourselves)\b(?:\s+(?:are|were)\b)?")
_I_BE = {"are": "am", "were": "was"}


def in_my_voice(text: str) -> str:
    """``text`` (a comment written as "we") as a creator writing "I" says it: "we keep" -> "I keep"."""

    def singular(m: re.Match[str]) -> str:
        said = m.group(0)
        if said.startswith("“"):
            return said
        word, _, verb = said.partition(" ")
        mine = _VOICE[word]
        return f"{mine} {_I_BE[verb.strip()]}" if verb.strip() and mine == "I" else (mine + said[len(word) :])

    return _PLURAL_VOICE.sub(singular, text)


def _verbs(m: re.Match[str], subject: str) -> str:
    """ "creates or supplies" after "I" -> "create or supply": the verb and one coordinated with it."""
    first = m.group(1) + _plain(m.group(2), subject)
    if m.group(3) and m.group(2).endswith("s"):
        return first + m.group(3) + _plain(m.group(4), subject)
    return first + (m.group(3) or "") + (m.group(4) or "")


def _plain(verb: str, subject: str) -> str:
    """The verb's form after a pronoun subject: "creates" -> "create"; after "I", "is" -> "am"."""
    if verb == "is" and subject == "I":
        return "am"
    if verb == "was" and subject == "I":
        return verb
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith(("ss", "us", "is")):
        return verb[:-1]
    return verb


def _variant(clause: Clause | Fix, variant: str) -> None:
    if variant not in VARIANTS:
        raise UnknownVariantError(
            f"{clause.id} has no variant {variant!r}; choose one of {', '.join(VARIANTS)}.",
            detail={"clause": clause.id, "variant": variant},
        )


def _definitions_needed(
    uses: Iterable[str], glossary: Mapping[str, Definition], defined: set[str], definition_variant: Callable[[str], str]
) -> list[str]:
    """Terms to define, each after the terms its own definition uses; adds them to ``defined``."""
    order: list[str] = []

    def visit(term: str) -> None:
        if term in defined:
            return
        defined.add(term)
        for dependency in glossary[term].needs[definition_variant(term)]:
            visit(dependency)
        order.append(term)

    for term in uses:
        visit(term)
    return order


_OFFICER = re.compile(r",? signed by an authori[sz]ed officer,?")


def without_officer(text: str) -> str:
    """Our clause ``text`` with its certificate given by the party itself: "shall certify in writing whether …",
    not "…, signed by an authorised officer, …", for a party that may be a person."""
    return _OFFICER.sub("", text)


# terms set where the document names a party it calls by a pronoun: "Wattle & Finch Pty Ltd ("we", "us")"
CLIENT_NAME, CREATOR_NAME = "client_name", "provider_name"


# The covenant's exceptions for text: "A tool that only checks spelling or grammar, or only provides …"; a list
# "… on them: (a) checking spelling or grammar; (b) …; and (d) machine translation for the Customer's internal
# review." (lettered or roman)
_SPELLING_TOOL = re.compile(r"\bonly checks spelling or grammar, or only provides\b")
_TOOL_LIST = re.compile(r"(?<=on them: )(\((?:a|i)\) [^.]*?)(?=\.(?:\s|$))")
_ITEM = re.compile(r"(?:;\s+(?:and\s+)?|^)\(([a-z]{1,4})\)\s+")
_TEXT_TOOLS = ("checking spelling", "machine translation")


def without_text_tools(text: str) -> str:
    """Our clause ``text`` without the exceptions for tools that read text (spelling and grammar checks, machine
    translation), for work that has no text to check or translate (a score, photographs, code): "A tool that only
    provides accessibility features …", "(a) accessibility features …; and (b) search and indexing …"."""
    text, n = _SPELLING_TOOL.subn("only provides", text)
    if n:  # the comma closed the "or only provides …" alternative: none between subject and verb now
        text = text.replace(", may process", " may process")

    def kept(m: re.Match[str]) -> str:
        marks = list(_ITEM.finditer(m.group(1)))
        items = [
            m.group(1)[a.end() : (b.start() if b is not None else None)]
            for a, b in zip(marks, [*marks[1:], None], strict=True)
        ]
        items = [i for i in items if not i.startswith(_TEXT_TOOLS)]
        if len(items) == len(marks) or not items:
            return m.group(1)
        labels = "abcdefghij" if marks[0].group(1) == "a" else ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")
        listed = [f"({labels[k]}) {item}" for k, item in enumerate(items)]
        if len(listed) == 1:
            return items[0]
        return "; ".join(listed[:-1]) + "; and " + listed[-1]

    return _TOOL_LIST.sub(kept, text)


# The covenant's sentence of exceptions (strict: "… that use is not a Prohibited AI Use. Any other exception must be
# stated expressly in …"): an exception of the document's own goes before its last sentence
_OTHER_EXCEPTION = re.compile(r"(?<=\. )Any other exception must be stated expressly\b")
# the condition every exception of the covenant's is made on
TOOL_CONDITION = "the tool used neither keeps the Protected Materials after the task nor trains any AI System on them"


def tool_exception_spans(text: str, use: str) -> list[tuple[int, int, str]]:
    """Where our covenant's exceptions ``text`` takes one more, ``use`` ("the use of machine translation … in
    preparing the Translation, as clause 3(b) permits"), on the condition the others are made on: as the list's last
    item ("…; (d) machine translation for …; and (e) the use of …", the "and" before the old last item struck), or
    as a sentence before "Any other exception must be stated expressly …". The changes ``(start, end, new)`` of
    ``text``, in its order; none where it holds neither."""
    m = _TOOL_LIST.search(text)
    if m is not None:
        marks = list(_ITEM.finditer(m.group(1)))
        labels = "abcdefghij" if marks[0].group(1) == "a" else ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
        if len(marks) >= len(labels):
            return []
        last = m.start(1) + marks[-1].start()
        spans = []
        if len(marks) > 1 and text[last : last + 6] == "; and ":
            spans.append((last + 2, last + 6, ""))
        return [*spans, (m.end(1), m.end(1), f"; and ({labels[len(marks)]}) {use}")]
    other = _OTHER_EXCEPTION.search(text)
    if other is not None:
        aside = "," if "," in use else ""  # "the use of …, as clause 3(b) permits, is not …"
        return [(other.start(), other.start(), f"On the same condition, {use}{aside} is not a Prohibited AI Use. ")]
    return []


# where a use names its tool: "the use of machine translation for a first draft" -> "machine translation"
_TOOL_END = re.compile(r",|\s(?:for|to|in|on|when|where|which|that|so|as)\s")


def excepting_item(text: str, use: str) -> str | None:
    """The item of our covenant's exceptions ``text`` that already excepts ``use`` (a use the other side says it
    needs, "the use of machine translation for a first draft, …"): the item that names the same tool ("(e) the use
    of machine translation or other automated tools … in preparing the Translation, as clause 3(b) permits"), as
    the words naming it in our answer ("Item (e) of the exceptions to the restriction on AI use"; strict's sentence
    "On the same condition, the use of machine translation software …, as Section 2(b) permits, is not a Prohibited AI
    Use": "The exception for the use of machine translation software"); ``None`` where no item names it, or the use
    names no tool of its own ("an AI tool to …")."""
    tool = _TOOL_END.split(use.removeprefix("the use of "), maxsplit=1)[0].strip()
    if not use.startswith("the use of ") or not tool:
        return None
    if tool.startswith(("an AI tool", "AI ")):  # no tool of its own: the task it is for ("to write alt text …")
        return _excepting_task(text, use)
    m = re.search(rf"\(([a-z]{{1,4}})\)\s+the\s+use\s+of\s+{re.escape(tool)}\b", text)
    if m is not None:
        return f"Item ({m.group(1)}) of the exceptions to the restriction on AI use"
    if re.search(rf"\bOn the same condition, the use of {re.escape(tool)}\b[^.]*\bis not a Prohibited AI Use\.", text):
        return f"The exception to the restriction on AI use for the use of {tool}"
    return None


# "an AI tool to write alt text and captions for the Contributions": what the tool makes ("alt text", "captions"),
# each as our exceptions may name it ("alternative text")
_TASK = re.compile(r"^the use of (?:an AI tool|AI \w+) to \w+ (?P<what>.+?)(?:\s+(?:for|of|in|on|from)\s.*)?$")
_TASK_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_TASK_WORDS = {"alt text": "alternative text", "alt-text": "alternative text", "subtitles": "captions"}


def _excepting_task(text: str, use: str) -> str | None:
    """The exception of our covenant's exceptions ``text`` that already allows a use naming no tool of its own, by
    what the tool makes: "the use of an AI tool to write alt text and captions for Contributions" is allowed by "(ii)
    accessibility features such as screen reading, captions or alternative text" (every thing it makes named in one
    item, or one sentence of exceptions): "Item (ii) of the exceptions to the restriction on AI use (“captions or
    alternative text”)"; ``None`` where none names them all."""
    m = _TASK.match(use)
    if m is None:
        return None
    said = [w.strip() for w in _TASK_SPLIT.split(m.group("what")) if w.strip()]
    if not said or any(w != w.lower() or w.startswith(("the ", "a ", "an ", "its ", "their ")) for w in said):
        return None  # what it makes named by a term or with an article ("summarise the Copy"): no kind of output
    made = [_TASK_WORDS.get(w, w) for w in said]
    low = text.lower()
    items = list(re.finditer(r"\(([a-z]{1,4}|\d{1,2})\)\s+([^;]+)", text))
    for item in items:
        span = _naming(low, item.start(2), item.end(2), made)
        if span is not None:
            return (
                f"Item ({item.group(1)}) of the exceptions to the restriction on AI use (“{text[span[0] : span[1]]}”)"
            )
    for sentence in re.finditer(r"[^.]*\bnot a Prohibited AI Use\b[^.]*\.", text):
        span = _naming(low, sentence.start(), sentence.end(), made)
        if span is not None:
            return f"The exception to the restriction on AI use for “{text[span[0] : span[1]]}”"
    return None


def _naming(low: str, start: int, end: int, made: list[str]) -> tuple[int, int] | None:
    """The span of ``low[start:end]`` from the first to the last of the words ``made`` where each is there as
    words of its own; ``None`` where one is not."""
    found = [m for w in made if (m := re.compile(rf"\b{re.escape(w)}\b").search(low, start, end)) is not None]
    if len(found) != len(made):
        return None
    return min(m.start() for m in found), max(m.end() for m in found)


def with_tool_exception(text: str, use: str) -> str:
    """Our covenant's exceptions ``text`` with one more (:func:`tool_exception_spans`); as it was where it has none to
    join."""
    for start, end, new in reversed(tool_exception_spans(text, use)):
        text = text[:start] + new + text[end:]
    return text


# where our covenant lists its exceptions: strict's "… that use is not a Prohibited AI Use. Any other exception must
# be stated expressly in this Agreement."; standard's "The following are not Prohibited AI Use, but only where …"
_EXCEPTIONS_SAID = re.compile(r"\b(?:is\s+not\s+a|are\s+not)\s+Prohibited\s+AI\s+Use\b")
_ANY_OTHER = "Any other exception must be stated expressly"


def service_use(service: str, customer: str) -> str:
    """The sentence excepting from our covenant the other side's AI service to us, which processes our materials to
    give us what we buy from it: "Processing Protected Materials solely to provide the Platform to the Subscriber
    (including generating outputs for the Subscriber), without keeping them for, or using them in, the training,
    fine-tuning or evaluation of any AI System, is not a Prohibited AI Use."."""
    return (
        f"Processing Protected Materials solely to provide {service} to {customer} (including generating outputs for "
        f"{customer}), without keeping them for, or using them in, the training, fine-tuning or evaluation of any AI "
        "System, is not a Prohibited AI Use."
    )


def with_service_use(text: str, sentence: str) -> str:
    """Our covenant's paragraph of exceptions ``text`` with ``sentence`` (:func:`service_use`) after its exceptions
    and before "Any other exception must be stated expressly …"; any other paragraph as it is."""
    if not _EXCEPTIONS_SAID.search(text) or sentence in text:
        return text
    at = text.find(_ANY_OTHER)
    if at >= 0:
        return f"{text[:at]}{sentence} {text[at:]}"
    return f"{text.rstrip()} {sentence}"


def tool_exception(use: str) -> str:
    """A sentence of its own excepting ``use`` from the restriction, on the condition the covenant's exceptions are
    made on: for a covenant that has no exceptions to join."""
    aside = "," if "," in use else ""
    return f"Where {TOOL_CONDITION}, {use}{aside} is not a Prohibited AI Use."


# The working materials "Protected Materials" names beside the work (strict: "every draft, sketch, concept, version,
# source file, working file and other material"; standard: "the drafts, source files and other materials"), and
# those of each other kind of work: sound recordings, code, text, data.
_DRAWN = (
    "every draft, sketch, concept, version, source file, working file and other material",
    "the drafts, source files and other materials",
)
_WORKING_MATERIALS: dict[str, tuple[str, str]] = {
    "audio": (
        "every take, outtake, pick-up, raw or edited audio file and other material",
        "the takes, outtakes, pick-ups, raw and edited audio files and other materials",
    ),
    "software": (
        "every version, source and object code file, repository, specification, document and other material",
        "the source and object code, repositories, documentation and other materials",
    ),
    "text": (
        "every draft, outline, version, working file and other material",
        "the drafts, outlines, working files and other materials",
    ),
    "data": (
        "every extract, sample, version, copy, annotation and other material",
        "the extracts, samples, copies, annotations and other materials",
    ),
}


def with_working_materials(text: str, kind: str) -> str:
    """Our clause ``text`` whose "Protected Materials" name the working materials of ``kind`` ("audio": takes,
    outtakes and audio files; "software": code files and repositories; "text": drafts and outlines; "data":
    extracts, samples and copies), not drafts, sketches and concepts."""
    for drawn, made in zip(_DRAWN, _WORKING_MATERIALS[kind], strict=True):
        text = text.replace(drawn, made).replace(_included(drawn), _included(made))
    return text


def _included(listed: str) -> str:
    """The list as :func:`_once_created` says it after "including": "every draft, …, source file and working file"."""
    items = re.sub(r",? and other materials?$", "", listed)
    return " and ".join(items.rsplit(", ", 1))


def with_audio_materials(text: str) -> str:
    """Our clause ``text`` whose "Protected Materials" name the working materials of sound recordings (takes,
    outtakes, pick-ups, raw and edited audio files), not drafts and sketches."""
    return with_working_materials(text, "audio")


def comment_voice(terms: Mapping[str, str]) -> Mapping[str, str]:
    """The terms a comment is written with. Comments speak for the creator to the client; where the document is
    the client's ("we" engage "you"), neither the document's pronouns (the creator would be "you") nor swapped
    ones (read beside the clauses, "we keep ownership" says the client keeps it) can be read unambiguously, so
    the comments name both in the third person: by the name the document gives them ("Wattle & Finch Pty Ltd",
    ``CLIENT_NAME`` / ``CREATOR_NAME``), else "the client", "the creator". A creator the client's document calls
    "you" beside a client it names ("Agency") is named so too: "you" in a comment is the client reading it."""
    client, provider = terms.get("client", "").lower(), terms.get("provider", "").lower()
    if provider != "you" or client == "you":
        return terms
    # the creator is "you" (the client wrote the document): "you" in a comment to the client is never the creator
    named = {"provider": terms.get(CREATOR_NAME, "the creator")}
    if client in ("we", "i"):
        named["client"] = terms.get(CLIENT_NAME, "the client")
    return {**terms, **named}


def _render(
    clause: Clause, variant: str, filler: Filler, defined: set[str], definition_variant: Callable[[str], str]
) -> Rendered:
    _variant(clause, variant)
    v = clause.variants[variant]
    new_terms = _definitions_needed(v.uses, clause.glossary, defined, definition_variant)
    texts = [clause.glossary[t].texts[definition_variant(t)] for t in new_terms]
    return Rendered(
        clause=clause.id,
        variant=variant,
        title=filler.fill(v.title),
        paragraphs=tuple(
            filler.fill(t) for t in (*v.paragraphs[: v.definitions_at], *texts, *v.paragraphs[v.definitions_at :])
        ),
        comment=filler.voiced().fill(v.rationale or clause.rationale),
        defined=tuple(new_terms),
    )


def render(
    clause: Clause, variant: str, terms: Mapping[str, str], *, already_defined: Set[str] = frozenset()
) -> Rendered:
    """``clause`` in ``variant`` filled with ``terms``, defining the library terms it uses that
    are not in ``already_defined`` (terms the document or earlier insertions define)."""
    filler = Filler(clause.placeholders, terms)
    return _render(clause, variant, filler, set(already_defined), lambda term: variant)


def render_many(
    selection: Sequence[tuple[Clause, str]], terms: Mapping[str, str], *, already_defined: Set[str] = frozenset()
) -> list[Rendered]:
    """Several clauses in document order, each library term defined once: in the first clause
    that uses it, worded as the variant of the clause that owns the term if that clause is in
    the selection (so a strict no-AI clause keeps its strict definition wherever it lands)."""
    owners = {clause.id: variant for clause, variant in selection}
    defined = set(already_defined)
    rendered = []
    for clause, variant in selection:
        filler = Filler(clause.placeholders, terms)

        def definition_variant(term: str, _variant: str = variant, _clause: Clause = clause) -> str:
            return owners.get(_clause.glossary[term].owner, _variant)

        rendered.append(_render(clause, variant, filler, defined, definition_variant))
    return rendered


def render_fix(fix: Fix, variant: str, phrase: str, terms: Mapping[str, str]) -> RenderedFix | None:
    """What to do with the red-flag ``phrase`` (as matched in the document) in ``variant``:
    ``None`` when the fix has no rule for that phrase."""
    _variant(fix, variant)
    rule = fix.rule_for(phrase)
    if rule is None:
        return None
    filler = Filler(fix.placeholders, {**terms, MATCH: phrase})
    replacement = None
    template = rule.replacements[variant]
    if rule.actions[variant] == "replace":
        assert template is not None  # the loader refuses a `replace` rule without a replacement
        replacement = filler.fill(template)
        if phrase[:1].isupper() and not template.startswith("{"):
            replacement = capitalise(replacement)
    uses = tuple(t for t in fix.glossary if replacement and term_pattern(t).search(replacement))
    return RenderedFix(
        fix=fix.id,
        finding=fix.finding,
        variant=variant,
        action=rule.actions[variant],
        find=phrase,
        replacement=replacement,
        comment=filler.voiced().fill(rule.comments[variant]),
        uses=uses,
    )


def render_sentence_fix(fix: Fix, variant: str, sentence: str, terms: Mapping[str, str]) -> RenderedFix | None:
    """What to do with the whole ``sentence`` (as the document has it) a red flag of ``fix`` stands in, by the
    fix's rule whose target is the sentence, in ``variant``: ``replace`` strikes it (replacement ``""``), and
    ``{match}`` in the comment is the sentence, quoted as written (no closing full stop), never reworded by the
    comment's grammar. ``None`` when the fix has no such rule."""
    _variant(fix, variant)
    rule = fix.sentence_rule
    if rule is None:
        return None
    quoted = sentence.strip().rstrip(".")
    comment = Filler(fix.placeholders, {**terms, MATCH: _QUOTED}).voiced().fill(rule.comments[variant])
    return RenderedFix(
        fix=fix.id,
        finding=fix.finding,
        variant=variant,
        action=rule.actions[variant],
        find=sentence,
        replacement="" if rule.actions[variant] == "replace" else None,
        comment=comment.replace(_QUOTED, quoted),
    )


# stands for the quoted sentence while the comment is filled; a control character no other marker of this module
# uses (_MARK, _START, _ONE, _PARTY, _MANY: \x00 to \x06), so that filling never reads it as one of them
_QUOTED = "\x07"


def for_cases(clause: Clause, cases: Set[str]) -> Clause:
    """``clause`` with each rung's text for the first of its cases (:data:`~.model.CASES`) that holds in
    ``cases`` (an exclusive licence, an assigned work, a creator who is a person); the rung itself otherwise."""
    chosen = {}
    for name, v in clause.variants.items():
        case = next((c for c in v.cases if c in cases), None)
        chosen[name] = v.cases[case] if case is not None else v
    if all(chosen[name] is v for name, v in clause.variants.items()):
        return clause
    return dataclasses.replace(clause, variants=MappingProxyType(chosen))


# the catch-all comment's sentence on the authors' rights, as the fix file words it (standard, minimal)
_AUTHORS_RIGHTS = re.compile(
    r"this waiver of moral rights also takes away the authors' right to object to derogatory\s+treatment of "
    r"(?P<work>.+?), including (?:(?P<style>AI output that distorts that work or imitates the authors' style)|by AI)\."
)


def performer_rights(comment: str, provider: str) -> str:
    """Our moral-rights ``comment`` on a waiver of a performer's moral rights
    (:func:`noai.analysis.facts.performer_waiver`): the rights waived are ``provider``'s, as performer, to be
    identified and to object to distortion of the performance (Part III Chapter 9 of the Irish Act, s. 205C of the
    UK Act), not "the authors' right to object to derogatory treatment"."""
    own = possessive(provider)

    def said(m: re.Match[str]) -> str:
        by_ai = f"AI output that distorts it or imitates {own} voice or likeness" if m.group("style") else "AI"
        return (
            f"this waiver of {own} moral rights as performer takes away {own} right to be identified as the "
            f"performer of {m.group('work')} and to object to distortion of that performance, including by {by_ai}."
        )

    return _AUTHORS_RIGHTS.sub(said, comment)


# the catch-all moral-rights comment's authors ("the authors' right to object …", "imitates the authors' style")
_AUTHORS = re.compile(r"\bthe authors' (right|style)\b")


def one_author(comment: str, provider: str) -> str:
    """Our moral-rights ``comment`` where the creator is one natural person, who is the author: "takes away the
    Illustrator's right to object … imitates the Illustrator's style", not "the authors'"."""
    return _AUTHORS.sub(lambda m: f"{possessive(provider)} {m.group(1)}", comment)


def term_pattern(term: str) -> re.Pattern[str]:
    """A use of ``term`` (or its plural) as a whole word."""
    return re.compile(rf"(?<![\w]){re.escape(term)}s?(?![\w])")


# "and keep for me the rights …" said by the creator of itself: "keep for myself", "keep for ourselves"
_REFLEXIVE = re.compile(r"\bkeep for (me|us) the\b")


def reflexive(text: str) -> str:
    """A comment's "keep for me the rights …" as the creator says it of itself: "keep for myself the rights …"."""
    return _REFLEXIVE.sub(lambda m: f"keep for {'myself' if m.group(1) == 'me' else 'ourselves'} the", text)


# "the work and other materials I create or supply under this letter": the work described where the document names
# none (the placeholders' fallback), as a comment says it
_DESCRIBED_WORK = re.compile(
    r"\bthe work and other materials (?P<who>(?:[\w&’'-]+ ){1,4}?)(?:creates?|created) or (?:supply|supplies|supplied) "
    r"under (?P<document>(?:this|these|the) [\w-]+(?: [A-Z][\w-]*)?)"
)
_THAT_WORK_VERB = re.compile(r" (are|include|have|were)\b")
_THAT_WORK_SINGULAR = {"are": "is", "include": "includes", "have": "has", "were": "was"}
# the work's pronoun in the sentence after "that work is creative work.": "its use", "anyone who made it"
_WORK_THEM = re.compile(r"\btheir use\b|(?:(?<=made )|(?<=from )|(?<=keep )|(?<=on ))them\b")
_TWO_SENTENCES = re.compile(r"^[^.]*\.[^.]*")


def refer_back(comment: str, said: bool) -> tuple[str, bool]:
    """``comment`` with the work described once: where ``said`` (an earlier comment described it), and after its own
    first description, "the work and other materials I create …" is the work named short, whose it is and under
    what ("my work under this letter": each comment is read on its own, so never a bare "that work"), its verb and
    pronoun in the singular ("our work under this email includes code", "its use"); and whether the work is now
    described."""
    if not _DESCRIBED_WORK.search(comment):
        return comment, said
    parts, last = [], 0
    for m in _DESCRIBED_WORK.finditer(comment):
        if not said:
            said = True
            continue
        who = m.group("who").strip()
        whose = "my" if who == "I" else possessive(who)
        parts.append(f"{comment[last : m.start()]}{whose} work under {m.group('document')}")
        last = m.end()
        verb = _THAT_WORK_VERB.match(comment, last)
        if verb:
            parts.append(" " + _THAT_WORK_SINGULAR[verb.group(1)])
            last = verb.end()
    rest = comment[last:]
    if parts:  # the work's pronoun, where it follows "that work", in the singular too
        near = _TWO_SENTENCES.match(rest)
        end = near.end() if near else len(rest)
        rest = _WORK_THEM.sub(lambda m: "its use" if m.group(0) == "their use" else "it", rest[:end]) + rest[end:]
    return "".join(parts) + rest, said


_CODE_CLAIM = re.compile(r"\b(are|is) code\.")


def mixed_work(comment: str, others: str) -> str:
    """A comment's "… are code." where the document lists other kinds of work with the code: "… include code as well
    as designs."."""
    return _CODE_CLAIM.sub(
        lambda m: f"{'include' if m.group(1) == 'are' else 'includes'} code as well as {others}.", comment
    )


# a fix's comment that leaves the document's wording as it is: "This wording (“will own”) passes ownership of the
# Assets to Company. We leave this wording unchanged and rely on the AI restriction …"
_LEFT = re.compile(
    r"This wording \((?P<quoted>“[^”]+”(?:(?:, | and )“[^”]+”)*)\) (?P<does>[^.]+)\.\s+"
    r"(?P<tail>We leave this wording\s+unchanged\b.*)",
    re.S,
)


def left_unchanged(comment: str) -> bool:
    """``comment`` is a fix's "This wording (“…”) … We leave this wording unchanged …"."""
    return _LEFT.match(comment) is not None


# the words of such a comment that rest it on our covenant: "… We leave this wording unchanged and rely on the AI
# restriction in this Agreement"
_RELIES = re.compile(r"\bWe leave this wording\s+unchanged and rely on the AI restriction\b")


# a reason resting on our restriction by its name: ", against the restriction on Prohibited AI Use in the Contract"
_AGAINST = re.compile(r",\s+against\s+the\s+restriction\s+on\s+Prohibited\s+AI\s+Use\s+in\s+[^.“”]*(?=\.)")


def without_restriction(comment: str) -> str:
    """``comment`` standing without our restriction on AI use (in a round where it goes): its reason no longer cites
    the restriction ("…: it would permit Company to train AI on the Contributions, against the restriction on
    Prohibited AI Use in the Contract." -> "…: it would permit Company to train AI on the Contributions.")."""
    return _AGAINST.sub("", comment)


def relies_on_restriction(comment: str) -> bool:
    """``comment`` leaves the wording unchanged because our restriction on AI use covers it (:func:`left_unchanged`
    with "… and rely on the AI restriction …"): it stands only while the restriction does."""
    return _RELIES.search(comment) is not None


def left_both(first: str, second: str) -> str:
    """Two "we leave this wording unchanged" comments (:func:`left_unchanged`) as one: the first's words naming
    both phrases ("This wording (“works made for hire” and “will own”) gives …"), with the fuller reason."""
    a, b = _LEFT.match(first), _LEFT.match(second)
    assert a is not None and b is not None
    items: list[str] = re.findall(r"“[^”]+”", a["quoted"]) + re.findall(r"“[^”]+”", b["quoted"])
    quoted = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    tail = max((a["tail"], b["tail"]), key=len)
    return f"This wording ({quoted}) {a['does']}. {tail}"
