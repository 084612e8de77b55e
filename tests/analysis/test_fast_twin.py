"""A case-insensitive pattern's lower-case twin (noai.analysis.fast.twin) matches a lower-cased text
exactly where the pattern matches the text: on every corpus paragraph, for every pattern of the
analysis that has one, and on synthetic texts for each part the twin rewrites."""

import re

import pytest
from support.corpus import contracts

from noai.analysis import audit, classify, fast, parties, patterns, sections, semantics, terms, work_kind
from noai.ooxml.document import read_document


def _patterns():
    found = {}
    for module in (patterns, semantics, classify, sections, terms, parties, work_kind, audit):
        for value in vars(module).values():
            values = value.values() if isinstance(value, dict) else (value,)
            for rx in values:
                if isinstance(rx, re.Pattern) and isinstance(rx.pattern, str):
                    found[id(rx)] = rx
    return list(found.values())


PATTERNS = _patterns()
TWINNED = [rx for rx in PATTERNS if fast.twin(rx) is not None]
ANYWHERE = [rx for rx in PATTERNS if fast.twin(rx, anywhere=True) is not None]


def test_most_of_the_analysis_patterns_have_a_twin_so_the_comparison_tests_something():
    assert len(TWINNED) >= len(PATTERNS) // 2
    assert fast.twin(patterns.GRANT) is not None


def test_the_by_reference_note_and_the_governing_law_term_are_tested_by_a_twin_the_corpus_test_checks():
    # the jurisdiction of the terms is read by the governing-law finding's pattern (terms._jurisdiction)
    for rx in (audit._BY_REFERENCE, patterns.GOVERNING_LAW):
        assert any(rx is r for r in ANYWHERE)
    text = "The Standard Terms and Conditions of the Vendor, available at the portal, apply."
    assert fast.holds(audit._BY_REFERENCE, text) and audit._BY_REFERENCE.search(text)
    assert fast.holds(patterns.GOVERNING_LAW, "This Agreement is GOVERNED by English law")
    assert not fast.holds(audit._BY_REFERENCE, "The Terms are attached.")


@pytest.mark.parametrize("path", contracts())
def test_the_twin_finds_what_the_pattern_finds_on_every_corpus_paragraph(path):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs if p.text.strip()]
    texts = [t for t in texts if not any(c in t for c in fast.FOLDS_TO_ASCII)]
    lows = [t.lower() for t in texts]
    for rx in TWINNED:
        lower, exact = fast.twin(rx)
        for text, low in zip(texts, lows, strict=True):
            found = [m.span() for m in rx.finditer(text)]
            if exact:  # the twin alone (a case-sensitive pattern's runs on the text itself)
                hay = low if rx.flags & re.IGNORECASE else text
                assert [m.span() for m in lower.finditer(hay)] == found, rx.pattern
            else:  # its places confirmed by the pattern
                assert [m.span() for m in fast.finditer(rx, text, low)] == found, rx.pattern


@pytest.mark.parametrize("path", contracts())
def test_holds_says_whether_the_pattern_matches_on_every_corpus_paragraph(path):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs if p.text.strip()]
    for rx in ANYWHERE:
        for text in texts:
            assert fast.holds(rx, text) == (rx.search(text) is not None), rx.pattern


@pytest.mark.parametrize("path", contracts())
def test_the_sentence_breaks_found_after_their_mark_are_the_patterns_on_every_corpus_paragraph(path):
    assert fast._after_mark(patterns.SENTENCE_BREAK) is not None
    for p in read_document(path.read_bytes()).paragraphs:
        assert fast.spans(patterns.SENTENCE_BREAK, p.text) == [
            m.span() for m in patterns.SENTENCE_BREAK.finditer(p.text)
        ]


def test_a_look_behind_that_a_match_could_end_with_is_kept_as_it_is():
    text = "a.  B;\tC. d! E"
    for pattern in (r"(?<=[.;!])\s+(?=[A-Z])", r"(?<=[.;!])\s+"):
        rx = re.compile(pattern)
        assert fast._after_mark(rx) is not None
        assert fast.spans(rx, text) == [m.span() for m in rx.finditer(text)]
    for pattern in (r"(?<=[.\s])\s+", r"(?<=[.;])\S+", r"(?<=\.)\s*"):  # the set holds white space; not white space
        assert fast._after_mark(re.compile(pattern)) is None


def test_search_and_finditer_give_the_patterns_own_matches_of_the_original_text():
    text = "THE SUPPLIER HEREBY GRANTS TO the Customer a Licence; and it Hereby Grants more."
    rx = re.compile(r"\b(?:hereby\s+grants?|licen[cs]e)\b", re.IGNORECASE)
    found = list(fast.finditer(rx, text, text.lower()))
    assert [m.group(0) for m in found] == ["HEREBY GRANTS", "Licence", "Hereby Grants"]
    assert [m.span() for m in found] == [m.span() for m in rx.finditer(text)]
    assert fast.search(rx, text, text.lower(), 20, len(text)).group(0) == "Licence"
    assert fast.search(rx, text, text.lower(), 0, 10) is None
    for pos, endpos in ((0, 16), (5, 45), (20, 80), (14, 60)):
        within = [m.span() for m in fast.finditer(rx, text, text.lower(), pos, endpos)]
        assert within == [m.span() for m in rx.finditer(text, pos, endpos)]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\b[A-Z]{2,}\b", "ab Cd EF g"),  # a range of capitals: the lower-case letters too
        (r"[^A-Z\s]+", "ab1 CD2 -e"),  # a negated set
        (r"\bno\s+(?:\w+\s+){0,2}rights?\b", "No further Rights; no rights"),
        (r"(?<![\w-])ip\b(?!\s+address)", "IP and IP Address and ip"),
        (r"\bvest(?:s|ed)?\b|\bworks?\s+made\s+for\s+hire", "VESTED in; Works Made For Hire"),
    ],
)
def test_each_rewritten_part_matches_as_the_pattern_does(pattern, text):
    rx = re.compile(pattern, re.IGNORECASE)
    lower, exact = fast.twin(rx)
    assert exact
    assert [m.span() for m in lower.finditer(text.lower())] == [m.span() for m in rx.finditer(text)]


def test_holds_reorders_the_alternatives_only_for_whether_a_text_matches():
    title = re.compile(r"^\W*title\W*$|\bownership\b|\bintellectual\s+property", re.IGNORECASE)
    anywhere, exact = fast.twin(title, anywhere=True)
    assert exact and fast.twin(title) is not None
    assert anywhere.pattern is None  # compiled from the rewritten tree
    for text in ("7. TITLE", "Ownership of the Work", "Intellectual  Property", "Title to Goods", "Fees"):
        assert fast.holds(title, text) == (title.search(text) is not None)
    assert fast.holds(title, "the Owner\u017fhip clause")  # the long s folds to "s": the pattern tells, not the twin
    assert fast.holds(re.compile(r"\bAI\b|\bLLM"), "an LLM") and not fast.holds(re.compile(r"\bAI\b"), "ai")


def test_a_case_sensitive_part_gets_a_twin_that_only_finds_places_to_confirm():
    rx = re.compile(r"\b(?:the|a)\s+(?-i:[A-Z]\w+|IP)\b", re.IGNORECASE)
    lower, exact = fast.twin(rx)
    assert not exact
    text = "The supplier, the Supplier and THE ip of the IP"
    assert [m.group(0) for m in fast.finditer(rx, text, text.lower())] == ["the Supplier", "the IP"]
    assert [m.group(0) for m in rx.finditer(text)] == ["the Supplier", "the IP"]
    assert len(list(lower.finditer(text.lower()))) == 4  # the places it confirms
    assert fast.search(rx, text, text.lower(), 0, len(text)).group(0) == "the Supplier"
    assert fast.holds(rx, text) and not fast.holds(rx, "the supplier and the ip")


def test_a_case_sensitive_part_under_a_negation_or_a_cased_foreign_letter_gets_no_twin():
    assert fast.twin(re.compile(r"\bgrant\b(?!\s+(?-i:[A-Z]))", re.IGNORECASE))[1] is False  # left out: more
    assert fast.twin(re.compile(r"\bthe\s+(?-i:[^A-Z])", re.IGNORECASE)) is None
    assert fast.twin(re.compile(r"\bstraße\b", re.IGNORECASE)) is None
    assert fast.twin(re.compile(r"grant\b")) is None  # case-sensitive, no shared boundary: nothing to gain
    assert fast.twin(re.compile(r"x*", re.IGNORECASE)) is None  # may match empty


def test_a_case_sensitive_pattern_shares_its_word_boundary_on_its_own_text():
    rx = re.compile(r"(?P<client>\b(?:Client|Buyer)\b)|(?P<provider>\b(?:Studio)\b)|(?P<both>\b(?i:each)\s+party\b)")
    _, exact = fast.twin(rx)
    assert exact
    text = "The Client and the Studio; EACH party, each Party, the client"
    assert [(m.lastgroup, m.span()) for m in fast.finditer(rx, text, None)] == [
        (m.lastgroup, m.span()) for m in rx.finditer(text)
    ]
    assert fast.search(rx, text, None, 10, len(text)).group(0) == "Studio"


def test_a_text_with_a_folding_character_is_searched_by_the_pattern_itself():
    rx = re.compile(r"\bowner\w*\b", re.IGNORECASE)
    text = "the Owner\u017fhip clause"  # the long s folds to "s": only the pattern can tell
    assert fast.search(rx, text, None, 0, len(text)).group(0) == "Owner\u017fhip"


@pytest.mark.parametrize("path", contracts())
def test_search_and_finditer_with_the_twins_alternatives_pruned_find_the_patterns_matches_on_every_corpus_paragraph(
    path,
):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs if p.text.strip()]
    pruned = [rx for rx in TWINNED if fast._entry(rx, False)[4] is not None]
    assert len(pruned) >= len(TWINNED) // 5
    for rx in pruned:
        for text in texts:
            low = fast.lowered(text)
            found = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(rx, text, low)] == found, rx.pattern
            half = len(text) // 2
            m, n = fast.search(rx, text, low, half, len(text)), rx.search(text, half, len(text))
            assert (m and m.span()) == (n and n.span()), rx.pattern


@pytest.mark.parametrize("path", contracts())
def test_search_and_finditer_give_the_patterns_own_matches_on_every_corpus_paragraph(path):
    texts = [p.text for p in read_document(path.read_bytes()).paragraphs if p.text.strip()]
    reordered = [rx for rx in TWINNED if fast._searching(rx)[1]]
    assert any(rx is semantics._ACT_RX for rx in reordered)
    for rx in TWINNED:
        for text in texts:
            low = fast.lowered(text)
            found = [(m.span(), m.lastgroup) for m in rx.finditer(text)]
            assert [(m.span(), m.lastgroup) for m in fast.finditer(rx, text, low)] == found, rx.pattern
            third = len(text) // 3
            m, n = fast.search(rx, text, low, third, len(text) - 1), rx.search(text, third, len(text) - 1)
            assert (m and m.span()) == (n and n.span()), rx.pattern


def test_a_pattern_whose_alternatives_open_with_a_boundary_only_in_part_is_searched_by_the_reordered_twin():
    rx = re.compile(r"ab|\babc|\bzz", re.IGNORECASE)  # the twin of holds: "\b(?:abc|zz)|ab"
    entry, reordered = fast._searching(rx)
    assert reordered and entry is fast._entry(rx, True)
    text = "ABC xabc zz abc"
    assert [m.span() for m in rx.finditer(text)] == [(0, 2), (5, 7), (9, 11), (12, 14)]
    assert [m.span() for m in fast.finditer(rx, text, text.lower())] == [(0, 2), (5, 7), (9, 11), (12, 14)]
    assert fast.search(rx, text, text.lower(), 3, len(text)).span() == (5, 7)
    assert not fast._searching(re.compile(r"\bab|\bzz", re.IGNORECASE))[1]  # all share it already


def test_a_twin_leaves_out_the_alternatives_whose_literals_a_text_lacks():
    rx = re.compile(
        r"\b(?:hereby\s+grants?|(?:is|are)\s+licen[cs]ed\s+to|may\s+use|shall\s+assign|vests?\s+in|waives)\b|\bx-?ray",
        re.IGNORECASE,
    )
    lower, _ = fast.twin(rx)
    pruning = fast._entry(rx, False)[4]
    assert pruning is not None
    text = "The Buyer MAY USE the Work; it is not sold to others."
    low = text.lower()
    narrower = pruning.pattern(lower, low)
    assert narrower is not None and narrower is not lower  # "grant" is not in the text
    assert [m.span() for m in narrower.finditer(low)] == [m.span() for m in lower.finditer(low)] == [(10, 17)]
    assert [m.group(0) for m in fast.finditer(rx, text, low)] == ["MAY USE"]
    everything = "hereby grants; is licensed to; may use an x-ray; shall assign; vests in; waives"
    assert pruning.pattern(lower, everything) is lower  # all may match
    assert pruning.pattern(lower, "nothing to find") is None
    only = re.compile(r"\bhereby\s+grants?\b|\bmay\s+use\b", re.IGNORECASE)
    assert fast._entry(only, False)[5] == ("hereby", "may")  # one of them tested before any search
    assert fast.search(only, "Nothing To Find", "nothing to find", 0, 15) is None
    assert not fast.holds(only, "Nothing To Find") and fast.holds(only, "we MAY use")
    # an alternative that needs no literal of three letters ("\bx\d") is searched anyway: no pruning
    assert fast._entry(re.compile(rx.pattern.replace("x-?ray", "x\\d"), re.IGNORECASE), False)[4] is None
    assert (
        fast._entry(re.compile(r"\bhereby\s+grants?\b|\bmay\s+use\b", re.IGNORECASE), False)[4] is None
    )  # two: no gain


def test_a_word_boundary_behind_a_look_behind_is_tested_first_and_shared():
    rx = re.compile(r"(?<!\bto\s)\b(?:will|shall)\s+grant|\bmay\s+use", re.IGNORECASE)
    low, _ = fast._twin_tree(rx, False)
    assert fast._opens_with_boundary(low)  # "(?<!\bto\s)\bwill" tests "\b" first, then the look-behind
    text = "It WILL GRANT; to will grant; Bill grant; towill grant; it may use; tomay use."
    assert [m.span() for m in fast.finditer(rx, text, text.lower())] == [m.span() for m in rx.finditer(text)]
    assert [m.group(0) for m in rx.finditer(text)] == ["WILL GRANT", "may use"]


def test_the_literals_after_a_look_behind_are_peeked_at_first_and_the_matches_stay_the_same():
    rx = re.compile(
        r"\bhereby\s+grants|(?<=\w\s)(?<!\bto\s)(?<!\bthe\s)grant(?=\s+\w+\s+a\s+licen[cs]e)", re.IGNORECASE
    )
    low, exact = fast._twin_tree(rx, False)
    assert exact
    first = [alt[0] for alt in low[0][1][1]]  # "(?=grant)" before the look-behinds, in the alternative that has them
    assert first[0] == fast._BOUNDARY
    assert first[1][0] is fast.C.ASSERT and "".join(chr(c) for _, c in first[1][1][1]) == "grant"
    text = "Owner GRANT Bob a licence; to grant Bob a license; The grant x a licence; Hereby Grants; agrant b a licence"
    assert [m.span() for m in fast.finditer(rx, text, text.lower())] == [m.span() for m in rx.finditer(text)]
    assert [m.group(0) for m in rx.finditer(text)] == ["GRANT", "Hereby Grants"]
    assert fast.holds(rx, text) and not fast.holds(rx, "to grant Bob a licence")


def test_folds_tells_each_character_that_folds_to_an_ascii_letter_and_no_other():
    for c in fast.FOLDS_TO_ASCII:
        assert fast.folds(f"ab{c}") and fast.folds(f"\u00e9 {c} x")
    others = [chr(i) for i in range(0x20, 0x3000) if chr(i) not in fast.FOLDS_TO_ASCII]
    assert not any(fast.folds(f"a{c}b") for c in others)
    assert not fast.folds("".join(others))


def test_a_branch_after_a_look_behind_is_peeked_at_by_each_alternatives_literals():
    rx = re.compile(r"(?<!\bto\s)\b(?:shall|will|gets?)\s+an?\s+licen[cs]e|\bmay\s+use", re.IGNORECASE)
    low, _ = fast._twin_tree(rx, False)
    assert low[0] == fast._BOUNDARY  # shared by both alternatives; the first then peeks, then looks behind
    first = low[1][1][1][0]
    assert first[0][0] is fast.C.ASSERT and first[0][1][0] == 1 and first[0][1][1][0][0] is fast.C.BRANCH
    assert first[1][0] is fast.C.ASSERT_NOT
    assert fast._opening(fast.parser.parse(r"(?:ab|\d)x", 0), None) is None  # "\d" opens with no literal
    text = "It SHALL a licence; to will a license; she gets an licence; Bill gets a LICENSE; tomay use; may use"
    assert [m.span() for m in fast.finditer(rx, text, text.lower())] == [m.span() for m in rx.finditer(text)]
    assert [m.group(0) for m in rx.finditer(text)] == [
        "SHALL a licence",
        "gets an licence",
        "gets a LICENSE",
        "may use",
    ]
