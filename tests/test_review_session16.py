"""The session 12 review (review16): two new contracts unlike the twenty, read as the creator's lawyer (issue 15).

``us-purchase-order`` is a US retailer's purchase order for product photography: a face page (a vendor box, a
line-item table and "Special Instructions" that keep the photographer's copyright and grant a two-year e-commerce
licence) and boilerplate "Terms and Conditions of Purchase" on the back ("Buyer" / "Seller", run-in upper-case
headings "5. INTELLECTUAL PROPERTY.", lettered sub-clauses) that make "Work Product" works made for hire and let
Buyer use what Seller supplies "for any purpose, including to develop, train and improve" its systems; an
order-of-precedence clause makes the face page prevail.
``uk-translation-rights`` is a UK literary agency's memorandum of agreement: "the Proprietor" (the author) grants
"the Publishers" (plural, with plural verbs) an exclusive licence to translate "the Work" into German; clauses
"1." to "10." with lettered sub-clauses, a reservation of the rights not granted (clause 2), machine translation
allowed (3(b)), a sub-licence of the text to "text and data mining services" (6), "AS WITNESS the hands of the
parties hereto" before the signatures.

Round two: client counsel answers our standard redline of each. Buyer rejects our purpose limit on 5(b) and our
pre-existing-materials clause and states its need in the "Our approach" thread (training its visual-search model on
the product photographs); the Publishers reject our reservation of rights (clause 2 has one) and state theirs
(machine translation for a first draft). Both accept the rest.

A defect the lawyer would not send is a ``xfail(strict=True)`` whose reason is the defect: it XPASSes (and fails)
once fixed, then loses its mark. /work/team/REVIEW16.md has the grades and the exact sentences.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from datetime import UTC, datetime

import pytest
from lxml import etree
from support.replies import COUNSEL, Reply, record_ids
from test_review_synthetic import audit, comments, inserted_texts, redline, words_written

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds

ORDER, RIGHTS = "us-purchase-order", "uk-translation-rights"
VARIANTS = ("strict", "standard", "minimal")
NEXT_ROUND = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def xfail(*params: str, reason: str):
    return pytest.param(*params, marks=pytest.mark.xfail(strict=True, reason=reason))


def starting(paragraphs: list[str], start: str) -> int:
    return next(i for i, t in enumerate(paragraphs) if t.startswith(start))


def written(red: engine.Redline) -> list[str]:
    return [p.text for p in engine.read(red.docx, accepted=True).paragraphs]


# ------------------------------------------------------------------------------------------------
# Round two: client counsel's reply to our standard redline (see the module docstring)

NEEDS = {
    ORDER: (
        ("fix-any-and-all-purposes", "retained-materials"),
        "We need to use the product photographs to train our visual-search model so that customers can find "
        "similar products. They are photographs of our own products.",
    ),
    RIGHTS: (
        ("reservation-of-rights",),
        "We need to use machine translation for a first draft, which our translator then revises in full. "
        "Clause 3(b) must stay.",
    ),
}


@functools.cache
def returned(name: str) -> bytes:
    sent = redline(name, "standard").docx
    rejected, need = NEEDS[name]
    ids = [p.id for p in read_rounds(read_package(sent))[0].proposals if p.clause in rejected]
    assert ids, rejected
    return Reply(sent).reply_to("Our approach", need).reject(ids=record_ids(sent, *ids)).accept().bytes()


@functools.cache
def round_two(name: str, variant: str) -> engine.Redline:
    return engine.redline(returned(name), author="noai", date=NEXT_ROUND, options=engine.Options(variant=variant))


def thread_replies(docx: bytes, author: str = COUNSEL) -> list[str]:
    """Our comments in the thread ``author`` wrote in (replies to its root or to ``author``'s comment)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        root = etree.fromstring(zf.read("word/comments.xml"))
        extended = etree.fromstring(zf.read("word/commentsExtended.xml"))
    parent = {e.get(f"{{{W15}}}paraId"): e.get(f"{{{W15}}}paraIdParent") for e in extended}
    said = []
    for comment in root.iter(f"{{{W}}}comment"):
        paras = comment.findall(f"{{{W}}}p")
        para_id = paras[-1].get(f"{{{W14}}}paraId") if paras else None
        text = "".join(comment.itertext()).strip()
        said.append((comment.get(f"{{{W}}}author"), para_id, text))
    theirs = [pid for who, pid, _ in said if who == author]
    threads = set(theirs) | {parent.get(pid) for pid in theirs} - {None}
    return [text for who, pid, text in said if who != author and parent.get(pid) in threads]


# ------------------------------------------------------------------------------------------------
# Defects, most serious first (REVIEW16.md numbers them the same way)

# Class 1: an express permission to use the work for AI, which the audit itself reports ("AI terms"), is left
# standing beside our covenant against it.

AI_PERMISSION = (
    "an express permission to use the work for AI that the audit reports as a high-risk 'AI terms' finding is left "
    "standing, unanswered or half-answered, beside our covenant against it: us-purchase-order 5(b) becomes 'solely "
    "for the Permitted Purpose, including to develop, train and improve Buyer's product-search, recommendation and "
    "content-generation systems' (strict, standard) and 'for any purpose, subject to the restrictions on "
    "Prohibited AI Use, including to develop, train and improve …' (minimal); uk-translation-rights clause 6 "
    "('may license electronic rights in the Translation, including the inclusion of its text in digital databases "
    "and text and data mining services') gets no change and no comment in any variant; a lawyer strikes the "
    "training words (strict, standard), or conditions them on the creator's consent, and at the least comments "
    "(minimal)"
)


def answered(red: engine.Redline, paragraph: str, phrase: str) -> bool:
    """The paragraph no longer grants ``phrase`` as written: struck, made subject to consent, or commented on."""
    text = next(t for t in written(red) if t.startswith(paragraph))
    if phrase not in text or re.search(r"consent[^.;]*" + re.escape(phrase.split()[0]), text):
        return True
    return red.plan.variant == "minimal" and any(
        e.op == "comment" and phrase.split()[0] in (e.anchor_text or "") and phrase in (e.comment or "")
        for e in red.plan.edits
    )


@pytest.mark.parametrize(
    ("name", "paragraph", "phrase"),
    [
        (ORDER, "(b) Buyer and its affiliates may use", "train and improve"),
        (RIGHTS, "6. The Publishers may license", "text and data mining"),
    ],
)
@pytest.mark.parametrize("variant", VARIANTS)  # fixed (fix16a): AI_PERMISSION
def test_an_express_permission_to_use_the_work_for_ai_is_struck_or_made_subject_to_consent(
    variant, name, paragraph, phrase
):
    red = redline(name, variant)
    assert answered(red, paragraph, phrase), next(t for t in written(red) if t.startswith(paragraph))


def test_the_audit_reports_both_express_ai_permissions():
    # the audit sees them; the plan does not act on them (class 1)
    for name, said in ((ORDER, "train"), (RIGHTS, "text and data mining")):
        permissions = [
            f["phrase"]["text"]
            for f in audit(name)["findings"]
            if f["kind"] == "existing_ai_restriction" and f["attributes"].get("polarity") == "permission"
        ]
        assert any(said in p for p in permissions), permissions


# Class 2: the face page of the purchase order, which prevails, keeps the photographer's copyright; we read only the
# boilerplate on the back.

FACE_PAGE = (
    "the face of us-purchase-order keeps the photographer's copyright ('Seller retains copyright in all "
    "photographs delivered under this Order. Buyer receives a two-year, non-exclusive license …') and prevails "
    "('If the face of this Order conflicts with these terms and conditions, the face of this Order prevails'); "
    "every variant says instead 'this Order makes the Work Product works made for hire for Buyer (Section 5(a)); "
    "we leave that transfer unchanged' / 'gives Buyer ownership of the Work Product', and strict offers what the "
    "face withholds: 'Seller shall, upon payment in full of the price due under this Order, assign to Buyer all "
    "right, title and interest in the Work Product' (photographs included); a lawyer relies on the face, carves "
    "the photographs out of 5(a) and says so"
)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_prevailing_face_page_that_keeps_the_creators_copyright_is_not_overridden_by_the_boilerplate(variant):
    red = redline(ORDER, variant)
    said = " ".join(comments(red))
    assert "we leave that transfer unchanged" not in said and "gives Buyer ownership" not in said, said
    assert "retains copyright" in said or "face of this Order" in said, said
    granted = [t for t in written(red) if re.search(r"\bassigns?\b[^.]*to Buyer", t) and "photographs" in t]
    assert all(re.search(r"\b(except|other than|excluding)\b", t) for t in granted), granted


# Class 3: an existing reservation of rights is not found; we say there is none and add a second.

RESERVATION = (
    "uk-translation-rights clause 2 reads 'All rights in the Work not expressly granted to the Publishers under "
    "this Agreement are reserved to the Proprietor.'; the audit reports the reservation 'missing', every variant "
    "comments 'we found no reservation of rights in this Agreement' and inserts a second one ('All rights not "
    "expressly granted … are reserved to the Proprietor'); after the Publishers reject it as a duplicate, strict "
    "and standard round two insert it again; a lawyer adds the AI sentence to clause 2"
)


# fixed (fix16a): RESERVATION
def test_the_audit_finds_a_reservation_of_the_rights_not_granted():
    found = audit(RIGHTS)["protections"]["reservation_of_rights"]
    assert found["status"] == "present", found


def reservations(paragraphs: list[str]) -> list[str]:
    return [t for t in paragraphs if re.search(r"not expressly granted\b.*\bare reserved to", t)]


@pytest.mark.parametrize("variant", VARIANTS)  # fixed (fix16a): RESERVATION
def test_a_contract_that_reserves_the_rights_not_granted_gets_no_second_reservation(variant):
    red = redline(RIGHTS, variant)
    assert not any("we found no reservation" in c for c in comments(red)), comments(red)
    assert len(reservations(written(red))) == 1, reservations(written(red))


@pytest.mark.parametrize("variant", VARIANTS)  # fixed (fix16a): RESERVATION
def test_round_two_does_not_put_back_a_reservation_rejected_as_a_duplicate(variant):
    assert len(reservations(written(round_two(RIGHTS, variant)))) == 1


# Class 4: after "AS WITNESS the hands of the parties hereto" (the testimonium), unnumbered.

TESTIMONIUM = (
    "in uk-translation-rights every new clause goes after 'AS WITNESS the hands of the parties hereto' (the audit "
    "files that line under clause 10 and calls it 'the end of the operative terms'), between the testimonium and "
    "the signatures, and none has a number although clauses run '1.' to '10.'; a lawyer inserts them as '11.' … "
    "before the testimonium (or after the clause they belong with)"
)


@pytest.mark.parametrize("variant", VARIANTS)
def test_new_clauses_go_before_the_testimonium_and_take_the_next_clause_numbers(variant):
    # fix16c: "WHEREBY IT IS MUTUALLY AGREED as follows concerning the work …:" is the agreement's operative words,
    # not a lead-in whose list the clauses are items of, so the clauses go after the clause they belong with (the
    # grant, clause 1) with the lettered number the project gives a clause inserted between two typed ones ("1A.",
    # tests/test_placement_renumbers_nothing.py); at the end of the terms they would be "11." (the reason allows
    # either); the testimonium is the signature block's first line (test_clause_numbers_and_party_number.py)
    paragraphs = written(redline(RIGHTS, variant))
    witness = starting(paragraphs, "AS WITNESS")
    new = [i for i, t in enumerate(paragraphs) if "Prohibited AI Use" in t or "reserved to the Proprietor" in t]
    assert all(i < witness for i in new), paragraphs[witness:]
    first = min(i for i in new if i != starting(paragraphs, "2. All rights"))
    number = re.match(r"(1[1-9]|(\d+)[A-Z])\.\s", paragraphs[first])
    assert number, paragraphs[first]
    assert not number.group(2) or paragraphs[first - 1].startswith(number.group(2) + ". "), paragraphs[first - 1]


# Class 5: the AI covenant speaks of a plural party in the singular.

PLURAL = (
    "'the Publishers' take a plural verb in the document ('The Publishers shall pay', 'If they fail'); our "
    "clauses write 'every permission the Publishers gives anyone', 'anyone else it allows to use the Protected "
    "Materials', 'any permission it gives' and the comment 'the Publishers indemnifies the Proprietor'"
)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_party_named_in_the_plural_is_spoken_of_in_the_plural(variant):
    said = words_written(redline(RIGHTS, variant))
    # "it" standing for the Publishers (fix16c): not the clause's ("Why this clause: it gives the Proprietor
    # injunctive relief") nor the Agreement's ("the uses of the Work it allows")
    wrong = re.findall(
        r"Publishers (?:gives|indemnifies|has|is|keeps|allows)\b|\b(?:anyone else|permission|those) it "
        r"(?:allows|gives|works)\b",
        said,
    )
    assert not wrong, wrong


# Class 6: a pre-existing-materials clause names the delivered work as pre-existing material.

NAMED_WORK = (
    "the pre-existing-materials clause of us-purchase-order takes 'all photographs delivered' from the face "
    "page's 'Seller retains copyright in all photographs delivered under this Order' as a name of Seller's "
    "background material: '(f) Nothing in this Order transfers to Buyer all photographs delivered or any other "
    "material, tool or know-how that Seller owned before this Order …', and then 'Buyer assigns that right back'; "
    "what is delivered under the Order is the Work Product, not material Seller owned before it"
)


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_the_pre_existing_materials_clause_does_not_name_what_is_delivered_under_the_contract(variant):
    clause = [t for t in inserted_texts(redline(ORDER, variant)) if "owned before this Order" in t]
    assert clause and not any("delivered" in t for t in clause), clause


# Class 7: the purpose definition goes on the face page, among the special instructions, above the signature line.

FACE_DEFINITION = (
    '\'In this Order, "Permitted Purpose" means use of the Work Product for the purpose of this Order, excluding '
    "any Prohibited AI Use.' is inserted on the face of us-purchase-order after the special instructions and "
    "before 'Authorized by: … Accepted by Seller', a page away from Section 5(b) that uses it; a lawyer defines "
    "it in Section 5 beside its use"
)


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_definition_goes_in_the_terms_that_use_it_not_above_the_signature_of_the_face_page(variant):
    paragraphs = written(redline(ORDER, variant))
    # a sub-clause of Section 5 now, so under its own letter: "(d) In this Order, …"
    defined = next(i for i, t in enumerate(paragraphs) if 'In this Order, "Permitted Purpose"' in t)
    assert defined > starting(paragraphs, "TERMS AND CONDITIONS OF PURCHASE"), paragraphs[defined - 1 : defined + 2]


# Class 8: a citation of a lettered sub-clause loses its closing bracket in our comment.

CITATION = (
    "the approach comment of us-purchase-order reads 'We tie the rights granted in Section 5(b to the Permitted "
    "Purpose' and 'the change in Section 5(b limits a right of Buyer' (the closing bracket of '5(b)' is lost); "
    "strict also says 'the Work Product pass to Buyer'"
)


@pytest.mark.parametrize("variant", VARIANTS)
def test_our_comments_cite_a_lettered_sub_clause_with_both_brackets(variant):
    for comment in comments(redline(ORDER, variant)):
        assert not re.search(r"\b\d+\([a-z]+(?!\))\b(?!\))", comment), comment
        # the Work Product as the subject of "pass" (fix16c: "makes ownership of the Work Product pass" is a
        # causative's bare verb, right as written)
        assert not re.search(r"(?<!ownership of )the Work Product pass\b", comment), comment


# ------------------------------------------------------------------------------------------------
# Round two


# Class 9: the other side's stated need gets "Thank you. We keep our … clause as it now stands".

NEED = (
    "client counsel states a need in our 'Our approach' thread ('We need to use the product photographs to train "
    "our visual-search model …'; 'We need to use machine translation for a first draft … Clause 3(b) must stay') "
    "and every variant answers 'Thank you. We keep our “Licence limited to the Permitted Purpose” clause as it "
    "now stands in the document' / '… our “No AI training or other AI use” clause …': thanks, as if agreed, with "
    "no word on the need (and in us-purchase-order standard and minimal the purpose limit it says we keep was "
    "rejected); a lawyer answers it: 'Training your visual search on the photographs of your own products is "
    "fine for that purpose alone …' or 'Machine translation for a first draft is fine if the tool keeps no copy "
    "and trains on nothing …'"
)


def need_words(need: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][\w-]{6,}", need)} - {"products", "product", "revises"}


@pytest.mark.parametrize("name", (ORDER, RIGHTS))
@pytest.mark.parametrize("variant", VARIANTS)
def test_round_two_answers_the_need_the_other_side_states_in_a_thread(variant, name):
    replies = thread_replies(round_two(name, variant).docx)
    assert replies, "no reply in the thread"
    for reply in replies:
        assert not reply.startswith("Thank you. We keep our"), reply
    assert any(need_words(NEEDS[name][1]) & {w.lower() for w in re.findall(r"[\w-]+", r)} for r in replies), replies


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_answer_to_a_stated_need_claims_no_exception_nor_condition_our_text_does_not_hold(variant):
    red = round_two(RIGHTS, variant)
    text = " ".join(written(red))
    for reply in thread_replies(red.docx):
        assert "We are content for the exceptions" not in reply, reply  # no tracked exception says so
        assert "approved in writing" not in reply or "approved in writing" in text, reply


# Class 10: a definition whose only use the other side rejected is left in the document.

ORPHAN = (
    "once Buyer rejects our change of 5(b) ('solely for the Permitted Purpose') and accepts the rest, "
    "'In this Order, \"Permitted Purpose\" means …' stays in the document with no use; standard and minimal round "
    "two neither remove it nor say why it stays; strict uses it again"
)


def unused_definitions(paragraphs: list[str]) -> list[str]:
    text = "\n".join(paragraphs)
    terms = re.findall(r"\"([A-Z][\w ]+)\" means", text)
    return [term for term in terms if len(re.findall(re.escape(term), text)) < 2]


def test_our_first_round_defines_only_terms_it_uses():
    assert not unused_definitions(written(redline(ORDER, "standard")))


@pytest.mark.parametrize("variant", VARIANTS)
def test_round_two_leaves_no_definition_of_ours_without_a_use(variant):
    assert not unused_definitions(written(round_two(ORDER, variant)))
