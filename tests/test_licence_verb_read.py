"""Licences granted with the verb "license", and no fixed term asked of an assignment (issue 15 item 7; issue 14).

(a) "The Licensor hereby licenses to the Licensee …", "Northlight licenses Harbour the right to …", "shall license the
Software to Customer" are licence clauses, as "grants … a licence" is: before, the audit said "No IP clauses found"
and put the covenant after the governing-law clause. The plural noun ("its licenses", "all necessary permits and
licenses", "Software licenses to the Customer") and a licence taken in from others, or promised on an event, are not.
A typed definitions entry numbered "1.1" defines its term (the licensed work's name is read from it).

(b) "assigns … all right, title and interest … throughout the universe in perpetuity": the reach of an assignment, not
the term of a licence. No variant asks a fixed term of it (strict asks what it asks of the transfer: payment first;
standard and minimal leave the transfer unchanged), while a perpetual licence beside it is still asked one.

Contracts written for these tests: a UK photo licence (Licensor / Licensee, "Article" headings, "1.1" definitions,
"(i)"/"(ii)" sub-items), a US font licence of another shape ("Foundry" / "Customer", "Section" numbers, no
definitions clause), a UK textile-design assignment, and the synthetic us-voice-likeness agreement.
"""

from __future__ import annotations

import re

import pytest
from support.docx_builder import make_docx, p
from support.lo import lo_read, needs_lo
from test_review_synthetic import DATE, comments, redline, words_written

from noai import engine

VARIANTS = ("strict", "standard", "minimal")


def photo_licence(grant: str) -> bytes:
    texts = (
        "CONTENT LICENCE AGREEMENT",
        'This Agreement is made between Northlight Images Ltd (the "Licensor") and Harbour Media plc (the "Licensee").',
        "Article 1 Definitions",
        '1.1 "Licensed Images" means the photographs listed in the Schedule, created by the Licensor.',
        '1.2 "Territory" means the United Kingdom.',
        "Article 2 Delivery",
        "2.1 The Licensor shall deliver the Licensed Images in digital form within ten days of signature.",
        "Article 3 Fees",
        "3.1 The Licensee shall pay the Licensor a fee of GBP 4,000 within thirty days of invoice.",
        "Article 4 Licence",
        f"4.1 {grant}",
        "4.2 The Licensee may:",
        "(i) reproduce the Licensed Images in print and online editions of its magazines; and",
        "(ii) sub-license the rights in (i) to its affiliates.",
        "4.3 The Licensor retains copyright in the Licensed Images.",
        "Article 5 Term",
        "5.1 This Agreement continues for three years from signature.",
        "Article 6 General",
        "6.1 This Agreement is governed by the laws of England and Wales.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


HEREBY = "The Licensor hereby licenses to the Licensee the Licensed Images for use in the Territory."
RIGHT_TO = "The Licensor licenses the Licensee the right to reproduce and publish the Licensed Images in the Territory."


def font_licence(grant: str = "Foundry licenses to Customer the Fonts for use on Customer's website") -> bytes:
    texts = (
        "FONT LICENSE",
        'This License is between Quarry Type Foundry LLC ("Foundry") and Birchwood Outdoor, Inc. ("Customer").',
        '1. Fonts. Foundry has designed the typefaces Quarry Sans and Quarry Serif (the "Fonts").',
        f"2. License. {grant}, for two years from the date of this License.",
        "3. Fee. Customer shall pay Foundry a fee of $1,200 on signature.",
        "4. Third-Party Licenses. Customer is responsible for all licenses to the software that displays the Fonts.",
        "5. Governing Law. This License is governed by the laws of the State of Oregon.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def red(docx: bytes, variant: str, we: str | None = None) -> engine.Redline:
    return engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


def accepted(r: engine.Redline) -> list[str]:
    return [q.text for q in engine.read(r.docx).paragraphs]  # the written .docx, changes accepted


def _licences(docx: bytes) -> list:
    return [f for f in engine.audit(docx).findings if f.kind == "license_grant"]


# -- (a) the verb "license" ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "grant",
    (
        HEREBY,
        RIGHT_TO,
        "The Licensor shall license the Licensed Images to the Licensee for use in the Territory.",
        "The Licensor, as owner of the Licensed Images, licenses to the Licensee their use in the Territory.",
    ),
    ids=("hereby-licenses-to", "licenses-the-right-to", "shall-license", "aside"),
)
def test_a_licence_made_with_the_verb_license_is_the_creators_licence_to_the_client(grant):
    found = _licences(photo_licence(grant))
    assert [f.section_label for f in found] == ["4.1"], found
    f = found[0]
    assert (f.act, f.actor, f.beneficiary, f.severity) == ("licenses", "creator", "client", "medium")
    audit = engine.audit(photo_licence(grant))
    assert not any("No IP clauses found" in n for n in audit.notes), audit.notes
    assert audit.ip_section is not None and audit.ip_section.title.startswith("Article 4"), audit.ip_section


@pytest.mark.parametrize(
    "sentence",
    (
        "The Licensee shall maintain all licenses to the software it uses to display the Licensed Images.",
        "The Licensee shall obtain all necessary permits and licenses to publish its magazines.",
        "Software licenses to the Licensee are its own concern.",
        "The Licensee holds licenses to the fonts of its magazines.",
        "The Licensee shall license from third parties any fonts it needs.",
        "If the Licensor makes new photographs, the Licensor will license them to the Licensee at its usual rates.",
    ),
    ids=("its-licenses", "permits-and-licenses", "noun-first", "holds-licenses", "licensed-in", "on-an-event"),
)
def test_the_noun_licenses_a_licence_taken_in_or_one_promised_on_an_event_is_no_licence_of_the_work(sentence):
    docx = photo_licence(f"{HEREBY} {sentence}")
    assert [f.phrase for f in _licences(docx)] == ["hereby licenses"]  # the grant, and nothing in the added sentence
    bare = photo_licence(sentence)
    assert _licences(bare) == [], [f.phrase for f in _licences(bare)]


def test_a_definitions_entry_numbered_1_1_defines_the_licensed_work():
    audit = engine.audit(photo_licence(HEREBY))
    assert audit.parties.work_product is not None and audit.parties.work_product.text == "Licensed Images"


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_licence_only_contract_is_redlined_as_a_licence_in_its_licence_article(variant):
    r = red(photo_licence(HEREBY), variant, we="Licensor")
    said = "\n".join(comments(r))
    assert "licenses the Licensed Images to the Licensee (Article 4.1) and the Licensor keeps ownership" in said, said
    texts = accepted(r)
    at = texts.index("4.3 The Licensor retains copyright in the Licensed Images.")
    assert "Prohibited AI Use" in texts[at + 1], texts[at + 1 : at + 3]  # the covenant in Article 4, after 4.3
    assert texts.index("Article 5 Term") > at + 1 and not any(
        "Prohibited AI Use" in t
        for t in texts[texts.index("6.1 This Agreement is governed by the laws of England and Wales.") :]
    )
    assert any(re.match(r"4\.\d+ All rights\b.* reserved to the Licensor", t) for t in texts[at + 1 :])
    assert "(ii) sub-license the rights in (i) to its affiliates." in texts  # the sub-items kept as they are
    assert re.search(r"\bthe Licensed Images\b", words_written(r))  # the work by the name the document defines


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_second_shape_foundry_licenses_to_customer_is_read_and_redlined_as_a_licence(variant):
    docx = font_licence()
    found = _licences(docx)
    assert [(f.section_label, f.phrase, f.actor, f.beneficiary) for f in found] == [
        ("2", "licenses", "creator", "client")
    ], found
    r = red(docx, variant, we="Foundry")
    said = "\n".join(comments(r))
    assert "lets Customer use the Fonts (Section 2) and Foundry keeps ownership" in said, said
    texts = accepted(r)
    assert texts[-1].startswith("5. Governing Law"), texts[-3:]  # nothing after the governing-law clause
    assert any("Prohibited AI Use" in t for t in texts[: texts.index(texts[-1])])


# -- (b) no fixed term asked of an assignment ------------------------------------------------------------------


REACHES = ("throughout the world in perpetuity", "throughout the universe for the full term of copyright")


def textile_assignment(verb: str = "hereby assigns", reach: str = REACHES[0]) -> bytes:
    texts = (
        "DESIGN SERVICES AGREEMENT",
        'This Agreement is made between Fenwick Goods Ltd (the "Client") and Ada Marsh (the "Designer").',
        '1. The Designer shall design a range of twelve textile prints (the "Prints") for the Client.',
        "2. The Client shall pay the Designer a fee of £9,000 within thirty days of delivery of the Prints.",
        "3. The Designer shall deliver the Prints as print-ready files by 1 March. The Designer "
        f"{verb} to the Client all right, title and interest (including copyright) in them, {reach}.",
        "4. The Client may use the Prints for any purpose, and the Designer grants the Client a perpetual licence to "
        "use the Designer's sketches of the Prints for any purpose.",
        "5. This Agreement is governed by the laws of England and Wales.",
    )
    return make_docx("".join(p(t) for t in texts) + "<w:sectPr/>")


def _reach(docx: bytes) -> list:
    return [f for f in engine.audit(docx).findings if f.kind == "perpetual_irrevocable"]


def test_perpetuity_in_an_assignment_is_the_assignments_reach_and_in_a_licence_the_licences_term():
    found = {f.start: f.act for f in _reach(textile_assignment())}
    assert sorted(found.values()) == ["assigns", "licenses"], found


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("reach", REACHES)
@pytest.mark.parametrize("verb", ("hereby assigns", "transfers and assigns"))
def test_no_variant_asks_a_fixed_term_of_an_assignment_and_strict_asks_payment_once(variant, verb, reach):
    r = red(textile_assignment(verb, reach), variant, we="Designer")
    on_transfer = [e for e in r.plan.edits if e.anchor_text.startswith("3. ") and e.finding]
    said = [e.comment or "" for e in on_transfer]
    assert not any(re.search(r"fixed term|Permitted Purpose|as long as|revert", s) for s in said), said
    assert not any(e.finding == "perpetual_irrevocable" for e in on_transfer), on_transfer
    written = "\n".join(accepted(r))
    assert f"{reach}." in written  # the assignment's reach untouched
    if variant == "strict":  # payment first: in the words ("assigns") or, where they cannot take it, in one comment
        asks = [s for s in said if "only on payment in full" in s]
        assert len(asks) == 1 and ("shall, upon payment in full" in written) == (verb == "hereby assigns"), said
    else:
        assert any(re.search(r"We leave (?:this wording|that transfer) unchanged", s) for s in said), said


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_licence_in_perpetuity_is_still_bounded_in_every_variant(variant):
    grant = "The Licensor hereby licenses to the Licensee in perpetuity the right to reproduce the Licensed Images."
    r = red(photo_licence(grant), variant, we="Licensor")
    bounded = [e for e in r.plan.edits if e.finding == "perpetual_irrevocable"]
    assert [e.anchor_text[:4] for e in bounded] == ["4.1 "], bounded
    written = "\n".join(accepted(r))
    if variant == "minimal":
        assert "in perpetuity the right" in written and "We ask that they end" in (bounded[0].comment or "")
    else:
        assert "in perpetuity (solely for the Permitted Purpose) the right" in written, written


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_voice_agreement_asks_no_fixed_term_of_its_assignment(variant):
    r = redline("us-voice-likeness", variant)
    said = "\n".join(comments(r))
    assert "fixed term" not in said and "throughout the universe" not in said, said
    transfer = next(p for p in accepted(r) if "throughout the universe in perpetuity" in p)
    assert ("upon payment in full" in transfer) == (variant == "strict"), transfer


@needs_lo
def test_libreoffice_reads_the_licence_redline_and_the_assignment_redline():
    licence, assignment = lo_read(
        [
            red(photo_licence(HEREBY), "standard", we="Licensor").docx,
            red(textile_assignment(), "standard", we="Designer").docx,
        ]
    )
    for seen in (licence, assignment):
        assert seen["ok"] and not seen["redlines_left_after_accept"], seen.get("load_error")
        assert "Prohibited AI Use" in seen["accepted_text"] and "Prohibited AI Use" not in seen["rejected_text"]
    at = licence["accepted_text"]
    covenant = at.index("4.4 The Licensee shall not")  # the covenant, numbered in Article 4 after 4.3
    assert at.index("4.3 The Licensor retains copyright") < covenant < at.index("Article 5 Term"), at
    assert "throughout the world in perpetuity." in assignment["accepted_text"]
    assert not any("fixed term" in c["text"] for c in assignment["comments"]), assignment["comments"]
