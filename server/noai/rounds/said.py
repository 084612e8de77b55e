"""What a round says and of what: the proposals it makes again and the words of its replies (``_Said``), a
proposal of ours named as the other side reads it, our comments that start a thread, and the small wording helpers
the replies share. Pure: no XML, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..analysis.facts import sentence_span
from ..analysis.negotiation import Outcome
from ..library import Library
from ..ooxml.record import Proposal
from ..ooxml.threads import Comment


def _known(library: Library, clause: str) -> bool:
    return any(c.id == clause for c in library.clauses)


@dataclass(frozen=True)
class _Said:
    """What our thread replies may say: the clauses proposed again (clause -> (variant, what a
    replacement of ours does)), each proposal's plain name, the fixes flagged by a comment, the terms."""

    proposed: dict[str, tuple[str, str]]
    names: dict[str, str]
    flagged: set[str]
    terms: Mapping[str, str]
    answered: frozenset[str] = frozenset()  # the fixes they rejected that a change or comment of this round answers
    again: frozenset[str] = frozenset()  # the proposals they rejected that this round puts back as they were
    superseded: Mapping[str, str] = field(default_factory=dict)  # our comment id -> the reply superseding it
    rest: Mapping[str, str] = field(default_factory=dict)  # clause -> what the other parts of its change do
    fee: bool = False  # our restriction lets the creator make consent subject to a fee
    withdrawn: frozenset[str] = frozenset()  # the clauses of ours whose definitions this round takes out
    drafted: frozenset[str] = frozenset()  # the needs they stated (as Need says them) that this round's changes except
    typed: Mapping[str, str] = field(default_factory=dict)  # clause -> our answer to the words they typed into it
    covered: Mapping[str, str] = field(default_factory=dict)  # a need -> our answer: the covenant allows it already
    retracted: frozenset[str] = frozenset()  # our changes they accepted whose words this round withdraws (resting on
    # a restriction of ours that is gone)


def _plain_name(o: Outcome, library: Library) -> str:
    """A proposal named as the other side reads it: our clause by its title, our change by the
    words it changed (never a library id)."""
    p = o.proposal
    if p.op == "insert_after":
        title = library.get(p.clause).title if _known(library, p.clause) else ""
        return f"our “{title}” clause" if title else "our clause"
    words = (p.texts[0] if p.texts else "").strip(" ,;.")
    if _added(p):  # our words joined to theirs (the AI sentence added to their reservation): named by what we added
        return _addition_named(_added(p))
    if not words:
        return "our change"
    if p.op == "replace" and p.texts[1:2] == ("",):
        word = _word_cut(p)
        return f"our change of “{word[0]}” to “{word[1]}”" if word else f"our deletion of “{words}”"
    return f"our change to “{words}”"


def _word_cut(p: Proposal) -> tuple[str, str] | None:
    """Where a deletion of ours struck part of a word (the "s" of "gives"), the word before and after it
    ("gives", "give"): a letter is never quoted alone. None where it struck whole words or the record does not
    say where."""
    text, find, at = p.anchor_text, p.texts[0] if p.texts else "", p.anchor_at
    if at is None or not find or text[at : at + len(find)] != find:
        return None
    start, end = at, at + len(find)
    inside = (start > 0 and text[start - 1].isalnum() and text[start].isalnum()) or (
        end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    )
    if not inside:
        return None
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    word = text[start:end]
    return word, word[: at - start] + word[at - start + len(find) :]


def _addition_named(added: str) -> str:
    """Our addition named by its words quoted whole, never cut: "our addition “The licence granted to the Publishers
    does not extend to using the Work to train or fine-tune any AI System”"; where it is more than one sentence, by
    its first sentence, whole, and the count of the others ("our addition “…”, with the sentence after it")."""
    text = added.rstrip()
    ends, at = [], 0
    while at < len(text):
        end = sentence_span(text, at)[1]
        ends.append(end)
        at = end + 1
    first = text[: ends[0]].rstrip(" .")
    if len(ends) == 1:
        return f"our addition “{first}”"
    after = "the sentence after it" if len(ends) == 2 else f"the {len(ends) - 1} sentences after it"
    return f"our addition “{first}”, with {after}"


def _change(p: Proposal) -> tuple[str, str]:
    """The words a change of ours replaced, and ours for them ("" where it has none)."""
    return (p.texts[0] if p.texts else "", p.texts[1] if len(p.texts) > 1 else "")


def _added(p: Proposal) -> str:
    """The words a change of ours adds after theirs, kept whole ("Proprietor" -> "Proprietor. No licence …"), else
    ""."""
    find, new = _change(p)
    return new[len(find) :].strip(" ,;.") if p.op == "replace" and find and new.startswith(find) else ""


def _norm(text: str) -> str:
    return " ".join(text.split())


def _our_roots(comments: Sequence[Comment], ours: Sequence[str]) -> dict[str, Comment]:
    """Our comments that start a thread, by their text (whitespace normalised)."""
    return {_norm(c.text): c for c in comments if c.parent is None and c.author in ours}


def _root(o: Outcome, roots: Mapping[str, Comment]) -> Comment | None:
    """Our comment on proposal ``o``, where it still stands in the document."""
    return roots.get(_norm(o.proposal.comment)) if o.proposal.comment else None


def _words(text: str) -> str:
    """Words of the document as a comment quotes them: no edge punctuation or quotes of their own."""
    return text.strip(' ,;."“”')


def _quoting(words: Sequence[str]) -> str:
    """ "“a”", "“a” and “b”", "“a”, “b” and “c”"."""
    quoted = [f"“{w}”" for w in dict.fromkeys(words)]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _firsts(outcomes: Sequence[Outcome], ids: set[str]) -> list[Outcome]:
    """The first of the proposals ``ids`` of each clause (a fix made in several parts is named by its first)."""
    firsts: dict[str, Outcome] = {}
    for o in outcomes:
        if o.proposal.id in ids:
            firsts.setdefault(o.proposal.clause, o)
    return list(firsts.values())


def _listed(items: Sequence[str]) -> str:
    """``items`` as one list: "a", "a and b", "a; b; and c" (its items may have commas of their own)."""
    if len(items) < 3:
        return " and ".join(items)
    return "; ".join(items[:-1]) + "; and " + items[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
