"""A pattern compiled with the characters its matches open with (noai.analysis.fast.compiled) finds
what the compiler's own pattern finds: on synthetic patterns of each kind of opening, on random texts
and at every start and end, and for every twin of the analysis on every corpus paragraph."""

import random
import re

import pytest
from support.corpus import contracts

from noai.analysis import classify, fast, parties, patterns, sections, semantics, terms, work_kind
from noai.ooxml.document import read_document

SYNTHETIC = [
    r"\b(?:hereby\s+)?grants?\b",  # an optional group before the literal: both openings count
    r"\bown(?:s|ed)?\b(?!\s+(?:expense|cost))|(?:'|’)ll\s+own\b",  # a branch of a boundary and a group
    r"(?P<a0>\bassign\w*)|(?P<a1>\bvest(?:s|ed)?)|(?P<a2>\b(?:may|can)\s+use)",  # named groups
    r"(?<!\bto\s)\b(?=will|shall)(?:will|shall)\s+grant",  # look-behind and look-ahead first
    r"\b[A-Z][a-z]+\s+Ltd\b",  # a set of capitals
    r"(?:\d+\s*)*years?\b",  # a repeat that may be empty, then a literal
    r"\b(?:x+|y{2,3})z",  # repeats that must match once
    r"\b\w+ing\b",  # a category
    r"(?>ab|a)c",  # an atomic group
]
TEXTS = ["", "grants", "hereby grants a licence", "it'll own; we own; OWNED; own expense", "12 years and 3year"]
ALPHABET = "abcdeghilnorstuwxyzABCLT' ’\n-0123456789.;"


def _random_texts(n=300, seed=7):
    rng = random.Random(seed)
    words = ["grant", "grants", "hereby", "own", "owned", "'ll", "assign", "vest", "may", "can", "use", "will"]
    words += ["shall", "to", "Acme", "Ltd", "years", "xz", "yyz", "xxxz", "acting", "abc", "ac", "expense"]
    out = list(TEXTS)
    for _ in range(n):
        pieces = [rng.choice(words) if rng.random() < 0.7 else rng.choice(ALPHABET) for _ in range(rng.randint(1, 12))]
        out.append("".join(p + rng.choice(("", " ", "  ", "\n", ",")) for p in pieces))
    return out


def _both(pattern, flags=0):
    tree = fast.parser.parse(pattern, flags)
    return fast.compiler.compile(fast.parser.parse(pattern, flags), flags), fast.compiled(tree, flags)


@pytest.mark.parametrize("pattern", SYNTHETIC)
def test_the_pattern_that_skips_to_its_opening_characters_finds_the_compilers_matches(pattern):
    plain, skipping = _both(pattern)
    assert skipping.groupindex == plain.groupindex and skipping.groups == plain.groups
    for text in _random_texts():
        for pos in range(0, len(text) + 1, 3):
            for endpos in (len(text), max(pos, len(text) - 2)):
                got = [(m.span(), m.lastgroup) for m in skipping.finditer(text, pos, endpos)]
                assert got == [(m.span(), m.lastgroup) for m in plain.finditer(text, pos, endpos)], (pattern, text)


def test_the_opening_characters_are_those_of_each_alternative_and_of_what_may_be_skipped():
    items, empty = fast._openings(fast.parser.parse(r"\b(?:hereby\s+)?grants?|(?:'|’)ll", 0))
    assert not empty
    assert {chr(av) for op, av in items if op is fast.C.LITERAL} == {"h", "g", "'", "’"}
    assert fast._openings(fast.parser.parse(r"a?b*", 0))[1]  # may match empty: no set to skip to


@pytest.mark.parametrize("pattern", [r"\b.x", r"\b[^a]x", r"(a)?(?(1)b|c)", r"(?i:a)b", r"a*"])
def test_a_pattern_whose_openings_cannot_be_bounded_is_compiled_as_the_compiler_does(pattern):
    plain, skipping = _both(pattern)
    for text in _random_texts(50):
        assert [m.span() for m in skipping.finditer(text)] == [m.span() for m in plain.finditer(text)]
    if pattern != r"a*":
        with pytest.raises(fast._Unknown):
            fast._openings(fast.parser.parse(pattern, 0))


def test_a_case_insensitive_pattern_is_left_to_the_compiler():
    plain, skipping = _both(r"\b(?:hereby\s+)?grant", re.IGNORECASE)
    text = "GRANT grant; Hereby Grant"
    assert [m.span() for m in skipping.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in plain.finditer(text)] == [(0, 5), (6, 11), (13, 25)]


def test_where_the_engine_s_private_compile_is_not_as_known_the_compilers_own_program_is_used(monkeypatch):
    class _Moved:  # an engine whose compile takes other arguments
        @staticmethod
        def compile(*args):
            raise TypeError("compile() takes other arguments")

    pattern = r"\b(?:hereby\s+)?grants?\b"
    plain = fast.compiler.compile(fast.parser.parse(pattern, 0), 0)
    monkeypatch.setattr(fast, "_sre", _Moved)
    fallback = fast.compiled(fast.parser.parse(pattern, 0), 0)
    for text in _random_texts(50):
        assert [m.span() for m in fallback.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in fallback.finditer("he hereby grants; grant")] == [(3, 16), (18, 23)]


def _twins():
    found = {}
    for module in (patterns, semantics, classify, sections, terms, parties, work_kind):
        for value in vars(module).values():
            for rx in value.values() if isinstance(value, dict) else (value,):
                if isinstance(rx, re.Pattern) and isinstance(rx.pattern, str):
                    for anywhere in (False, True):
                        made = fast._twin_tree(rx, anywhere)
                        if made is not None:
                            found[(id(rx), anywhere)] = (rx, made[0], rx.flags & ~re.IGNORECASE)
    return list(found.values())


@pytest.mark.parametrize("path", contracts())
def test_every_twin_of_the_analysis_skipping_finds_what_it_finds_compiled_plainly_on_every_corpus_paragraph(path):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs if p.text.strip()]
    lows = [t.lower() for t in texts]
    twins = _twins()
    assert len(twins) > 50
    for rx, tree, flags in twins:
        plain, skipping = fast.compiler.compile(tree, flags), fast.compiled(tree, flags)
        for hay in lows if rx.flags & re.IGNORECASE else texts:
            assert [m.span() for m in skipping.finditer(hay)] == [m.span() for m in plain.finditer(hay)], rx.pattern
