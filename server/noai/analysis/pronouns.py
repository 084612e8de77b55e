"""A finding's explanation between parties the document calls "you", "we" or "I": each pronoun in its case and
the verb after a subject agreeing with it ("You let us use the work", not "You lets we use the work")."""

from __future__ import annotations

import re
from collections.abc import Mapping

_OBJECT = {"i": "me", "we": "us", "you": "you", "they": "them"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# a placeholder after a preposition or a verb taking an object ("lets {grantee}", "to {owner}"), or in an
# appositive bracket ("the creator ({grantee})"), is an object
_OBJECT_BEFORE = re.compile(r"(?:\b(?:to|for|with|by|from|of|against|than|lets?|makes?|gives?)\s+|\()$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"(\s+)([a-z]+)\b")
_MODALS = frozenset({"may", "must", "can", "shall", "will", "should", "would", "could", "might"})
_IRREGULAR = {"has": "have", "does": "do", "was": "were"}


def _plain(verb: str, subject: str) -> str:
    """The verb of our templates ("lets", "is", "may") after "you", "we", "they" ("let", "are") or "I" ("am")."""
    if verb in _MODALS or not verb.endswith("s") or verb.endswith("ss"):
        return verb
    if verb in ("is", "was") and subject == "I":
        return "am" if verb == "is" else verb
    if verb == "is":
        return "are"
    return _IRREGULAR.get(verb, verb[:-1])


def with_pronouns(template: str, fill: Mapping[str, str], fields: tuple[str, ...]) -> str:
    """``template`` with each of ``fields`` whose ``fill`` is a pronoun written in its case, the verb after it as
    that pronoun takes it; the other placeholders left for ``format_map``."""
    spoken = {k: fill[k] for k in fields if fill.get(k, "").lower() in _OBJECT}
    if not spoken:
        return template
    out: list[str] = []
    last = 0
    for m in _PLACEHOLDER.finditer(template):
        key = m.group(1)
        if key not in spoken:
            continue
        pronoun = spoken[key] if spoken[key] == "I" else spoken[key].lower()
        out.append(template[last : m.start()])
        last = m.end()
        if _OBJECT_BEFORE.search(template, 0, m.start()):
            out.append(_OBJECT[pronoun.lower()])
            continue
        out.append(pronoun)
        verb = _VERB_AFTER.match(template, m.end())
        if verb is not None and template[m.end() : m.end() + 1] == " ":
            out.append(verb.group(1) + _plain(verb.group(2), pronoun))
            last = verb.end()
    return "".join(out) + template[last:]
