"""The cheap tests before the signal searches: the gates and the necessary literals must never
turn away a text that the patterns would match."""

from __future__ import annotations

import random
import re
import re._constants as C
import re._parser as parser

import pytest

from noai.analysis import fast, sections
from noai.analysis import patterns as P


def _covered(seq, needs: tuple[str, ...], run: str = "") -> bool:
    """Every string ``seq`` matches holds one of ``needs`` (lower-cased), by the parsed pattern:
    a run of ASCII literals holding one, a branch all of whose alternatives do, a part that must
    match at least once, or a lookahead (which cannot see past ``endpos`` either). ``run`` is the
    literal text just before ``seq`` (the parser moves the common start of alternatives out)."""
    for op, av in seq:
        if op is C.LITERAL and av < 128:
            run += chr(av).lower()
            if any(n in run for n in needs):
                return True
            continue
        if op is C.SUBPATTERN and _covered(av[3], needs, run):
            return True
        if op is C.BRANCH and all(_covered(alt, needs, run) for alt in av[1]):
            return True
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1 and _covered(av[2], needs, run):
            return True
        if op is C.ASSERT and av[0] == 1 and _covered(av[1], needs, run):
            return True
        run = ""
    return False


@pytest.mark.parametrize("rx", list(P.NEEDS), ids=lambda rx: rx.pattern[:30])
def test_every_match_holds_a_needed_literal(rx):
    needs = P.NEEDS[rx]
    assert all(n == n.lower() and n.isascii() and not any(c.isspace() for c in n) for n in needs)
    assert _covered(parser.parse(rx.pattern, rx.flags), needs)


def test_every_ip_title_holds_one_of_the_literals_the_audit_tests_first():
    needs = fast.IP_TITLE_NEEDS
    assert all(n == n.lower() and n.isascii() and not any(c.isspace() for c in n) for n in needs)
    assert _covered(parser.parse(sections.IP_TITLE.pattern, sections.IP_TITLE.flags), needs)
    assert not _covered(parser.parse(sections.IP_TITLE.pattern, sections.IP_TITLE.flags), needs[:-1])
    assert not fast.may_hold("Term and Termination", needs)
    assert fast.may_hold("Owner\u017fhip", needs)  # the long s folds to "s": only the search can tell


def test_every_reservation_heading_holds_the_literal_the_audit_tests_first():
    rx = P.HEADINGS["reservation"]
    assert _covered(parser.parse(rx.pattern, rx.flags), fast.RESERVATION_NEEDS)
    assert not fast.may_hold("Rights of Termination", fast.RESERVATION_NEEDS)


def test_the_prover_rejects_a_literal_some_match_lacks():
    assert not _covered(parser.parse(P.NEGATION.pattern, P.NEGATION.flags), ("not",))
    assert not _covered(parser.parse(r"a(?:bc)?d", re.I), ("bc",))
    assert _covered(parser.parse(r"a(?:bc)+d", re.I), ("bc",))


def test_only_four_characters_fold_to_ascii_letters():
    """The lower-cased copy answers the literal tests exactly unless a text holds one of these."""
    letter = re.compile("[a-z]", re.I)
    for cp in range(0x80, 0x30000):
        c = chr(cp)
        if letter.fullmatch(c) or c.lower().isascii() or len(c.lower()) != 1:
            assert c in fast.FOLDS_TO_ASCII, hex(cp)


def _plain_gates(text: str) -> set[str]:
    """The gates by their definition: a kind opens if one of its words is in the lower-cased text."""
    low = text.lower()
    found = {kind for kind, words in P.GATES.items() if any(w in low for w in words)}
    if "AI" in text or "A.I" in text:
        found.add("existing_ai_restriction")
    return found


def test_gates_open_exactly_the_kinds_whose_words_a_text_holds():
    rnd = random.Random(7)
    words = [w for ws in P.GATES.values() for w in ws] + ["AI", "A.I", "ai", "grantee", "known or"]
    filler = "The Client shall pay the fees; neither Party (“Party”) may, without consent, do so. İſK"
    texts = []
    for _ in range(400):
        parts = [filler[rnd.randrange(len(filler)) :][: rnd.randrange(30)]]
        for _ in range(rnd.randrange(4)):
            w = rnd.choice(words)
            parts.append(
                rnd.choice(
                    [w, w.upper(), w.title(), w.replace(" ", "\u00a0"), w.replace(" ", "\n"), w[:-1], "x" + w + "y"]
                )
            )
        texts.append(rnd.choice(["", " ", "\t"]).join(parts))
    texts += ["", "   ", "may", "may ", " fit", "owns", "TRANSLATE,"]
    gates = fast.Gates(texts)
    for i, text in enumerate(texts):
        assert set(gates.open(i)) == _plain_gates(text), text


def test_a_document_with_a_folding_character_gets_no_literal_tests():
    assert fast.Gates(["The Client", "assigns"]).exact
    assert not fast.Gates(["The Client", "\u212aelvin"]).exact
