"""Grammatical number of a party, read from the document's own usage.

A British publishing contract names the publisher "the Publishers" and writes of it in the plural ("which
expression shall include their successors", "The Publishers are entitled", "If they fail to do so"); our
clauses and comments then say "the Publishers give", "anyone else they allow". A name that ends in "s" is no
evidence by itself ("Acme Holdings shall … its affiliates", "Siemens is"): only what the document writes of the
party counts.

Evidence, each occurrence of the party's term one vote:

- a verb right after the term that shows its number: "the Publishers are" / "have" for the plural, "the Company
  has", "the Client agrees", "the Company hereby warrants" (an adverb between) for the singular; a modal ("shall")
  or a plain verb ("the Publishers agree", too like a noun to trust) is no vote;
- the pronoun in the term's own definition ("…(hereinafter called "the Publishers", which expression shall
  include their successors…)": "their" / "its");
- where the term's number may be plural at all (it ends in "s"), the subject pronoun of the next sentence of a
  sentence the term opens ("The Publishers shall publish … . If they fail …", "… . It may …").

The party is plural where the plural votes outnumber the singular ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

_PERSONS = frozenset({"i", "we", "you", "us"})
_SINGULAR_AUX = frozenset({"is", "has", "was", "does"})
_PLURAL_AUX = frozenset({"are", "have", "were", "do"})
_ADVERB = r"(?:(?:\w+ly|also|hereby|thereby|still|then)\s+)?"
# a word ending in "s" that is no verb after a subject
_NOT_VERB_S = frozenset(
    {"as", "is", "its", "his", "this", "thus", "plus", "unless", "whereas", "always", "towards", "across", "us"}
)
_SINGULAR_PRONOUNS = frozenset({"it", "its", "he", "his", "him", "she", "her"})
_PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
_PRONOUN = re.compile(r"\b(it|its|he|his|him|she|her|they|their|them)\b", re.IGNORECASE)
# the subject of a sentence after the one the term opens: "If they fail", "They shall", "Where it does"
_NEXT_SUBJECT = re.compile(r"^\s*(?:(?:if|where|when|unless|should|and|but)\s+)?(they|it|he|she)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z(])")
_NUMBER = re.compile(r"^\s*(?:\(?[0-9a-z]{1,4}[.)]\s*)+")


def _term_pattern(term: str) -> re.Pattern[str]:
    """The term as the text writes it, its article in either case ("the Publishers", "The Publishers")."""
    article, _, rest = term.partition(" ")
    if rest and article.lower() in ("the", "this", "that"):
        head = f"[{article[0].upper()}{article[0].lower()}]{re.escape(article[1:])}\\s+{re.escape(rest)}"
    else:
        head = re.escape(term)
    return re.compile(rf"(?<![\w-]){head}(?![\w-])(?!['’])")


def _verb_vote(word: str) -> int:
    """+1 for the word after the term a verb in the plural, -1 in the singular, 0 where it shows no number."""
    if word in _PLURAL_AUX:
        return 1
    if word in _SINGULAR_AUX:
        return -1
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _NOT_VERB_S:
        return -1  # "the Client agrees", "the Company warrants"
    return 0


def _pronoun_vote(word: str) -> int:
    w = word.lower()
    return 1 if w in _PLURAL_PRONOUNS else -1 if w in _SINGULAR_PRONOUNS else 0


def _definition_vote(text: str, end: int) -> int:
    """The pronoun in the term's definition, after its quoted name and before the parenthesis (or the paragraph)
    closes: "(the "Publishers", which expression shall include their successors)"."""
    stops = [k for k in (text.find(")", end), text.find("\n", end)) if k >= 0]
    said = _PRONOUN.search(text, end, min(stops) if stops else min(len(text), end + 120))
    return _pronoun_vote(said.group(1)) if said else 0


def is_plural(term: str, texts: Sequence[str], defined_at: int | None = None) -> bool:
    """Whether the document writes of the party ``term`` ("the Publishers") in the plural (see the module). The
    paragraphs are read as one text: one scan for the term's verbs, one for its definition."""
    if term.strip().lower() in _PERSONS:
        return False  # "you", "we": the clauses' own pronoun handling gives their verbs
    pattern = _term_pattern(term)
    may_be_plural = term.rstrip().endswith("s") and not term.rstrip().endswith(("ss", "us", "is"))
    bare = re.sub(r"^(?:the|this|that)\s+", "", term, flags=re.IGNORECASE)
    quoted = re.compile(r"[\"“‘'](?:the\s+)?" + re.escape(bare) + r"[\"”’']", re.IGNORECASE)
    joined = "\n".join(texts)
    if defined_at is not None and 0 <= defined_at < len(texts):
        source = texts[defined_at]
    else:  # the first paragraph naming it in quotes
        source = next((t for t in texts if bare in t and quoted.search(t)), "")
    named = quoted.search(source)
    votes = _definition_vote(source, named.end()) if named else 0
    # the name, then the word after it (an adverb between): the literal first, so the scan is a fast find
    verbs = re.compile(re.escape(bare) + rf"(?![\w'’-])\s+{_ADVERB}([a-z]+)\b")
    votes += sum(
        _verb_vote(m.group(1))
        for m in verbs.finditer(joined)
        if m.start() == 0 or not (joined[m.start() - 1].isalnum() or joined[m.start() - 1] in "_-")
    )
    if may_be_plural:  # "The Publishers shall publish … . If they fail …"
        for text in texts:
            if bare not in text:
                continue
            sentences = _SENTENCE_END.split(_NUMBER.sub("", text))
            for first, following in pairwise(sentences):
                subject = _NEXT_SUBJECT.match(following) if pattern.match(first) else None
                votes += _pronoun_vote(subject.group(1)) if subject else 0
    return votes > 0


def plural_parties(terms: Mapping[str, tuple[str, int | None]], texts: Iterable[str]) -> frozenset[str]:
    """The roles ("client", "provider") whose term (and the paragraph defining it) the document writes of in
    the plural."""
    texts = list(texts)
    return frozenset(role for role, (term, at) in terms.items() if is_plural(term, texts, at))
