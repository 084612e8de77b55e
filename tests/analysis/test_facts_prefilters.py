"""The plan's facts read only the paragraphs that hold a word every match needs (noai.analysis.facts): the
clause word (clause_word) only texts holding "clause", "section" or "article"; what the creator keeps
(kept_materials) only texts holding its verbs, keep or retain and remain, stay or continue. Every match of the
patterns holds such a word, so the facts are what the patterns alone say: on synthetic paragraphs (characters
that fold to an ASCII letter included) and on every corpus paragraph."""

import re
import sys
from collections.abc import Sequence

import pytest
from support.corpus import contracts

from noai.analysis import facts, fast
from noai.ooxml.document import read_document
from noai.ooxml.model import Paragraph


def _keeps(low):
    return "keep" in low or "retain" in low


def _remains(low):
    return "remain" in low or "stay" in low or "continue" in low


def _may_match(text, words):
    return fast.folds(text) or any(w in text.lower() for w in words)


SENTENCES = [
    "See Section 7(b) and Clause 3.",
    "ARTICLES 4 and 5 apply.",
    "Under \u017fection 2 the Buyer pays.",  # a long s is an s to a case-insensitive search
    "Sections of the Copyright Act do not apply.",
    "The Designer keeps the rights in the sketches and the storyboards.",
    "The Consultant retains all right, title and interest in the Consultant Tools.",
    "The characters remain the property of the Designer.",
    "The storyboards stay with us.",
    "The source files shall continue to be ours.",
    "The Designer \u212aEEPS the rights in the sketches.",  # a Kelvin sign is a k to it
    "Nothing here is kept by anyone.",
]


def _reference_words(text):
    return [m.group(1) for m in facts._REFERENCE.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_every_clause_reference_is_in_a_text_holding_its_word(text):
    if _reference_words(text):
        assert _may_match(text, facts._REFERENCE_WORDS)


def test_the_clause_word_is_counted_as_the_pattern_alone_counts():
    texts = ["See Section 7(b).", "Under \u017fection 2 the Buyer pays.", "SECTION 9 applies.", "No reference."]
    assert facts.clause_word(texts) == "Section"
    assert facts.clause_word(["See clause 3.", "Section 4 applies."]) is None
    assert facts.clause_word(["No reference."], american=True) == "Section"
    assert facts.clause_word(["ARTICLE 5 applies.", "Article 6 too."]) == "Article"


@pytest.mark.parametrize("creator", ["Designer", "Consultant", "we"])
@pytest.mark.parametrize("text", SENTENCES)
def test_every_keeping_is_in_a_text_holding_its_verb(creator, text):
    after, before = facts._keeping(creator)
    if after.search(text):
        assert fast.folds(text) or _keeps(text.lower())
    if before.search(text):
        assert fast.folds(text) or _remains(text.lower())


def test_what_the_creator_keeps_is_found_in_the_texts_holding_a_verb():
    paragraphs = [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(SENTENCES)]
    assert facts.kept_materials(paragraphs, "the Designer") == "the sketches and the storyboards"
    assert (
        facts.kept_materials(paragraphs[4:], "the Designer", {"the sketches and the storyboards"}) == "the characters"
    )
    assert facts.kept_materials(paragraphs[9:], "the Designer") == "the sketches"
    assert facts.kept_materials(paragraphs[10:], "the Designer") is None


@pytest.mark.parametrize("path", contracts())
def test_the_patterns_match_only_texts_holding_their_words_on_every_corpus_paragraph(path):
    patterns = [p for creator in ("Supplier", "Provider", "Consultant", "we") for p in facts._keeping(creator)]
    for p in read_document(path.read_bytes()).paragraphs:
        text = p.original_text
        if _reference_words(text):
            assert _may_match(text, facts._REFERENCE_WORDS)
        for sentence in facts.sentences(text):
            for k, rx in enumerate(patterns):
                if rx.search(sentence):
                    assert fast.folds(text) or (_keeps if k % 2 == 0 else _remains)(text.lower())


def test_the_holders_give_the_texts_holding_a_word_in_order_and_every_text_where_one_folds():
    texts = ["The Fees are due.", "Scope of work.", "See SECTION 4.", "fees again"]
    assert facts._Holders(texts).holding(("fee",)) == ["The Fees are due.", "fees again"]
    assert list(facts._Holders(texts).indexes(("section", "fee"))) == [0, 2, 3]
    folded = [*texts, "\u017fection 5"]  # a long s: every text may hold "section"
    assert facts._Holders(folded).holding(("section",)) == folded
    # each word's texts in turn, as asked for: a test one of them passes stops at the first
    assert list(facts._Holders(texts).each(("section", "fee"))) == [texts[2], texts[0], texts[3]]
    assert list(facts._Holders(folded).each(("section", "fee"))) == folded


@pytest.mark.parametrize("path", contracts())
def test_the_facts_read_from_the_texts_holding_their_words_are_those_read_from_every_text(path):
    from noai import engine

    result = engine.audit(path.read_bytes())
    if result.score.risk is None:
        pytest.skip("no findings in a language the audit does not read")
    texts = [p.original_text for p in result.paragraphs]
    read = facts.read_facts(result)
    assert read.paid == any(facts.has_fees(t) for t in texts)
    assert read.price == facts.price_due(texts, set(result.terms.all))
    assert read.clause_word == facts.clause_word(texts, facts.american_law(result), facts._british_items(result))
    assert read.kept == facts.kept_materials(
        result.paragraphs, result.terms.placeholders().get("provider"), facts._passing(result)
    )
    assert read.assignable == facts.assignable_licence(result)
    assert read.sub_hyphen == facts.hyphenated_sublicence(texts)
    work = result.parties.work_product
    deliverables = result.terms.deliverables
    assert read.payment == facts.payment_due(
        texts,
        read.price,
        deliverables.name if deliverables else None,
        result.terms.placeholders().get("agreement", "this agreement"),
        work.index if work is not None else None,
    )


USES = [
    ("We keep the sketches. The Client may use the sketches to promote the launch.", "to promote the launch"),
    ("We keep the sketches. The Client may use THE SKETCHES to promote the launch.", "to promote the launch"),
    ("We keep the sketches. The Client may use the \u017fketches to promote the launch.", "to promote the launch"),
    ("We keep the sketches, and the Client may use them to promote the launch.", "to promote the launch"),
    ("We keep the \u017fketches, and the Client may use them to promote the launch.", "to promote the launch"),
    ("We keep the sketches. The Client may use them to promote the launch.", None),  # not in its sentence
    ("The Client may use them to promote the launch.", None),  # "them" names nothing kept
    ("The Client may use the drawings to promote the launch.", None),
]


@pytest.mark.parametrize(("text", "use"), USES)
def test_the_use_of_what_the_creator_keeps_is_found_wherever_a_case_blind_search_finds_its_name(text, use):
    paragraphs = [
        Paragraph(index=0, text="Background.", original_text="Background."),
        Paragraph(index=1, text=text, original_text=text),
    ]
    assert facts.kept_use(paragraphs, ["the sketches"], "the Client", "the Designer") == use
    holders = facts._Holders([p.original_text for p in paragraphs])  # the paragraphs holding a name's word, alone
    assert facts.kept_use(paragraphs, ["the sketches"], "the Client", "the Designer", holders.indexes) == use


def test_the_use_of_what_the_creator_keeps_is_read_from_the_paragraphs_holding_its_name_alone():
    texts = ["We keep the sketches.", "Fees are due.", "The Client may use the sketches to promote the launch."]
    paragraphs = [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)]
    read: list[Sequence[str]] = []

    def holding(words):
        read.append(words)
        return facts._Holders(texts).indexes(words)

    assert (
        facts.kept_use(paragraphs, ["the sketches"], "the Client", "the Designer", holding) == "to promote the launch"
    )
    assert read == [["sketches"]]  # asked once, for the name's lower-cased pieces
    assert facts.kept_use(paragraphs, ["the sketches"], "the Client", "the Designer", lambda words: [0]) is None


LISTS = [
    "I'll own the code, designs and everything else I make.",
    "We will deliver the software, images and recordings. The app is yours.",
    "THE SOURCE CODE, ARTWORK AND DATASETS WE CREATE REMAIN OURS.",
    "The Client may combine the work with data, software, hardware.",
    "We make the code and the de\u017figns; you own the \u017foftware and all videos we produce.",
    "We deliver all photographs, the app and the \u212aeynote video we make.",
    "\u0130stanbul staff will develop the apps, logos and videos, and the scripts and songs.",
    "Our developers build the code, the scripts, the designs and the music, as well as the data models.",
]


def test_the_other_work_listed_with_code_is_what_the_patterns_themselves_find(monkeypatch):
    plain = [t for t in LISTS if not fast.folds(t)]  # no character folds: the words near the code are prefiltered
    groups = [LISTS, plain, plain[::-1], ["No code here.", *plain[1:3]]]
    found = [facts.other_work([text], "software") for text in LISTS]
    together = [facts.other_work(group, "software") for group in groups]
    assert any(found) and all(together)  # the lists name other work: the comparison below compares something
    monkeypatch.setattr(
        facts.fast, "finditer", lambda rx, text, low, pos=0, endpos=sys.maxsize: rx.finditer(text, pos, endpos)
    )
    monkeypatch.setattr(facts.fast, "holds", lambda rx, text: rx.search(text) is not None)
    monkeypatch.setattr(facts, "_other_literals", lambda kind: None)  # every word of the kind read, near or not
    assert [facts.other_work([text], "software") for text in LISTS] == found
    assert [facts.other_work(group, "software") for group in groups] == together


ORDERS = [
    "Master Services Agreement",
    "The Vendor prepares the Work Product under each Statement of Work.",
    "The fees are set out in the applicable Statement of Work and are paid within 30 days.",
    "The terms of any Purchase Order do not apply.",
    "The fees for each Work Order are due on delivery: the \u017ftatement of Work governs.",
]


@pytest.mark.parametrize("texts", [ORDERS, ORDERS[:3], [ORDERS[0], ORDERS[4]], [ORDERS[0], ORDERS[3]]])
def test_the_payment_due_read_from_the_texts_holding_an_order_word_is_that_read_from_every_text(texts):
    among = facts._Holders(texts).indexes(facts._ORDER_WORDS)
    every = facts.payment_due(texts, "the fees", "Work Product", "this Agreement", 1)
    assert facts.payment_due(texts, "the fees", "Work Product", "this Agreement", 1, among) == every


PRICES = [
    "The Client pays the Fees set out in Schedule 1.",
    "FEES. All fees are due within 30 days.",
    "The charges for each order are payable monthly.",
    "The \u017fervice Charges are the Charges for the services.",  # a long s folds to an s
    "No royalties are payable; the Remuneration is fixed.",
    "Sub-fees and fee-based work are not the Compensation.",
]


@pytest.mark.parametrize("texts", [PRICES, PRICES[1:], PRICES[2:5], PRICES[::-1], PRICES[5:]])
def test_the_price_is_what_the_patterns_themselves_find(monkeypatch, texts):
    found = facts.price_due(texts, {"Fees"})
    monkeypatch.setattr(
        facts.fast, "finditer", lambda rx, text, low, pos=0, endpos=sys.maxsize: rx.finditer(text, pos, endpos)
    )
    monkeypatch.setattr(facts, "_TERM_WORDS", ("",))  # every text searched for "the Fees", "the Charges" …
    assert facts.price_due(texts, {"Fees"}) == found


@pytest.mark.parametrize(
    "sentence",
    [
        "I'll own the designs and code I make.",
        "Once every invoice for the project has been paid in full, you will own the designs and code I make for you.",
        "When all of the fees due under this letter have been paid to me, you'll own the illustrations and source code "
        "I create.",
    ],
)
def test_another_kind_of_work_listed_before_the_code_is_found_however_far_into_its_sentence(sentence):
    # the list's items before the code word are found at their own positions in the text, not shifted by the
    # window's start (a list 60+ characters into its paragraph was missed)
    assert facts.other_work([sentence], "software") in {"designs", "illustrations"}


PUNCTUATED = [
    "The Licensee may use it. It may not sublicense; the Licensor keeps the rest.",
    "A.  B;\u00a0C. (d) next. “E” follows; .F stays; ;G and .. H",
    ". Opens with a stop",
    "No stop at all",
    "Ends with a stop. ",
]


@pytest.mark.parametrize("text", PUNCTUATED)
def test_a_sentence_is_found_from_its_mark_as_the_look_behind_finds_it(text):
    for at in range(len(text) + 1):
        start, found = 0, None
        for m in facts._SENTENCE_END.finditer(text):  # the pattern's own search, as the plan read it before
            if m.start() >= at:
                found = start, m.start()
                break
            start = m.end()
        facts._LAST_SPAN = (None, 0, (0, 0))
        assert facts.sentence_span(text, at) == (found or (start, len(text)))


@pytest.mark.parametrize(
    "text",
    [
        "The Materials and the Materials; The Materials, the Materialsx, theMaterials, tithe Materials",
        "the Materials the Materials",
        "THE Materials. Other Materials. he Materials",
    ],
)
def test_the_name_after_the_is_counted_as_the_pattern_opening_with_the_counts_it(text):
    import re

    name = re.escape("Materials")
    assert len(re.findall(rf"he {name}(?<=[Tt]he {name})(?<!\w[Tt]he {name})(?!\w)", text)) == len(
        re.findall(rf"[Tt]he {name}(?<!\w[Tt]he {name})(?!\w)", text)
    )


GAPS = [
    *LISTS,
    "We create the designs as well as the software for you.",
    "We develop the illustrations or  the code, and own them.",
    "We build images, sketches , the app.",
    "We make the designs; the code is yours.",
    "We deliver the logos (and the software) to you.",
    "We supply all recordings, every single one of the many fine ones, and code.",
]


def test_a_code_word_with_no_list_gap_beside_it_is_passed_over_as_the_full_reading_passes_it(monkeypatch):
    found = [facts.other_work([text], "software") for text in GAPS]
    assert sum(map(bool, found)) >= 5  # the lists name other work: the comparison below compares something
    monkeypatch.setattr(facts, "_GAP_TO_END", re.compile(""))  # a gap before every word: each one read whole
    assert [facts.other_work([text], "software") for text in GAPS] == found


def test_the_use_set_out_in_a_schedule_is_read_in_capitals_as_in_lower_case():
    said = "The media, period and territory of the licence are as set out in Schedule 2."
    assert facts.usage_schedule([said]) == "the media, period and territory set out in Schedule 2"
    shouted = said.upper()
    assert facts.usage_schedule([shouted]) == "the media, period and territory set out in SCHEDULE 2"
    assert facts.usage_schedule(["The media of the licence are those the Client chooses."]) is None
