"""Inserted paragraphs are faithful to the document: their properties are written in schema order
whatever the anchor's order (an input's schema error is never copied), and their typed numbers
never duplicate one of the document's (the following typed numbers and the typed references to
them are renumbered as tracked changes)."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from support.docx_builder import make_docx, p, r
from support.validate_docx import validate_docx
from test_writer import accepted, rejected

from noai import engine
from noai.ooxml.document import read_document
from noai.ooxml.revisions import RevisionStamp
from noai.plan import Edit, Plan
from noai.writer import apply_plan

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR = "Noai Reviewer"
NUMBERING = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


@pytest.fixture
def stamp(revision_date) -> RevisionStamp:
    return RevisionStamp(AUTHOR, revision_date)


def insert_after(index: int, text: str, *paragraphs: str, title: str | None = None, id: str = "e1") -> dict:
    items = [{"text": paragraphs[0], **({"title": title} if title else {})}] + [{"text": t} for t in paragraphs[1:]]
    return {"id": id, "op": "insert_after", "anchor": {"index": index, "text": text}, "paragraphs": items}


def redline(docx: bytes, *edits: dict, stamp: RevisionStamp):
    result = apply_plan(read_document(docx), Plan("standard", {}, tuple(Edit.from_dict(e) for e in edits)), stamp=stamp)
    assert result.skipped == [] and result.applied == [e["id"] for e in edits]
    return result


# -- schema order -------------------------------------------------------------------------------

NUMID_FIRST = '<w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr>'  # the schema has w:ilvl first
# w:pPr children in the wrong order, and a border in the wrong order.
DISORDERED_PPR = (
    '<w:jc w:val="both"/><w:spacing w:after="120"/><w:ind w:left="720"/><w:keepNext/>'
    '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/>'
    '<w:top w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>'
)
DISORDERED_MARK = '<w:rPr><w:sz w:val="22"/><w:b/></w:rPr>'  # a paragraph mark's properties: w:b comes first
DISORDERED_RUN = '<w:r><w:rPr><w:sz w:val="22"/><w:i/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
TEXTS = [
    "Services. Provider shall perform the Services.",
    "Licence. Customer may use the Deliverables.",
    "Fees. Customer shall pay the Fees for any and all purposes.",
    "Term. This Agreement runs for one year.",
]
# The validator reports the first error of a paragraph's content only: one kind of error each.
# (Run properties in any order are valid in the transitional schema, which makes EG_RPrBase a
# choice: they are checked on the XML below.)
CONTRACTS = {
    "numId before ilvl": (f"<w:pPr>{NUMID_FIRST}</w:pPr>", "<w:r><w:t>{}</w:t></w:r>"),
    "paragraph properties out of order": (f"<w:pPr>{DISORDERED_PPR}</w:pPr>", "<w:r><w:t>{}</w:t></w:r>"),
    "a paragraph property given twice": (
        '<w:pPr><w:jc w:val="left"/><w:jc w:val="both"/></w:pPr>',
        "<w:r><w:t>{}</w:t></w:r>",
    ),
}


def contract(name: str) -> bytes:
    ppr, run = CONTRACTS[name]
    return make_docx("".join(f"<w:p>{ppr}{run.format(t)}</w:p>" for t in TEXTS) + "<w:sectPr/>", numbering=NUMBERING)


def own_paragraphs(docx: bytes) -> list[bytes]:
    """The serialized ``w:p`` of every paragraph that is not all our insertion."""
    doc = read_document(docx)
    ours = f"w:ins[@w:author='{AUTHOR}']/w:r and not(.//w:r[not(ancestor::w:ins/@w:author='{AUTHOR}')])"
    return [etree.tostring(el) for el in doc.elements if not el.xpath(ours, namespaces={"w": W})]


@pytest.mark.parametrize("name", CONTRACTS)
def test_inserted_paragraphs_copy_no_schema_error_and_the_inputs_paragraphs_stay_as_they_were(name, stamp):
    docx = contract(name)
    errors_before = validate_docx(docx).errors
    assert len(errors_before) == len(TEXTS), "every input paragraph has its own schema error"
    result = redline(
        docx,
        insert_after(
            1,
            TEXTS[1],
            "No AI training. Customer shall not train AI on them.",
            "Reservation. All other rights are reserved.",
            title="No AI training",
        ),
        insert_after(2, TEXTS[2], "AI indemnity. Customer shall indemnify Provider.", id="e2"),
        stamp=stamp,
    )
    report = validate_docx(result.docx)
    assert not report.fatal
    assert len(report.errors) <= len(errors_before), report.errors
    assert own_paragraphs(result.docx) == own_paragraphs(docx)
    assert rejected(result.docx) == TEXTS
    assert len(accepted(result.docx)) == len(TEXTS) + 3


@pytest.mark.parametrize("name", CONTRACTS)
def test_a_clause_inserted_after_the_last_paragraph_adds_no_schema_error_either(name, stamp):
    # There the anchor's own mark becomes the inserted one (as Word writes it): the anchor takes
    # the new paragraphs' properties and the last new paragraph its original ones.
    docx = contract(name)
    result = redline(docx, insert_after(3, TEXTS[3], "No AI training. Customer shall not train AI."), stamp=stamp)
    assert len(validate_docx(result.docx).errors) <= len(validate_docx(docx).errors)
    assert rejected(result.docx) == TEXTS


def test_run_and_paragraph_mark_properties_copied_or_split_off_are_written_in_schema_order(stamp):
    docx = make_docx("".join(f"<w:p><w:pPr>{DISORDERED_MARK}</w:pPr>{DISORDERED_RUN.format(t)}</w:p>" for t in TEXTS))
    phrase = "for any and all purposes"
    start = TEXTS[2].index(phrase)
    replace = {
        "id": "e2",
        "op": "replace",
        "anchor": {"index": 2, "text": TEXTS[2]},
        "find": phrase,
        "start": start,
        "end": start + len(phrase),
        "replacement": "for the Permitted Purpose",
    }
    result = redline(
        docx, insert_after(1, TEXTS[1], "No AI training. Customer shall not train AI."), replace, stamp=stamp
    )
    doc = read_document(result.docx)
    written = [[child.tag.split("}")[1] for child in rpr] for rpr in doc.root.iter(f"{{{W}}}rPr")]
    assert ["ins", "b", "sz"] in written and ["i", "sz"] in written  # our mark, our runs
    assert written.count(["sz", "b"]) == written.count(["sz", "i"]) == len(TEXTS)  # the input's own, as they were
    assert accepted(result.docx)[3] == TEXTS[2].replace(phrase, "for the Permitted Purpose")


# -- typed numbers ------------------------------------------------------------------------------

FLAT = [
    "1.\tServices. Provider shall perform the Services described in Section 2.",
    "2.\tLicence. Customer may use the Deliverables as set out in Sections 2 and 3.",
    "3.\tFees. Customer shall pay the Fees; Clause 4 applies to late payment.",
    "4.\tTerm. This Agreement runs for one year, subject to section 3.",
]
LETTERS = [
    "1.\tUses. Customer may use the Deliverables:",
    "(g)\tfor g;",
    "(h)\tfor h;",
    "(i)\tfor i;",
    "(j)\tfor j.",
    "2.\tTerm. The term is one year.",
]
NESTED = [
    "7.\tIntellectual Property",
    "7.1\tOwnership. Provider owns the Deliverables.",
    "7.2\tLicence. Customer may use the Deliverables:",
    "(a)\tfor its internal purposes; and",
    "(b)\tfor its clients, subject to clause 7.3.1.",
    "7.3\tRestrictions. Customer shall not resell the Deliverables.",
    "7.3.1\tCustomer shall keep the Deliverables secure.",
    "8.\tTerm",
    "8.1\tThis Agreement ends as set out in Section 7.3, clause 7.2(b) and clauses 7.1 to 7.3.",
]
_NUMBER = re.compile(r"(\d+(?:\.\d+)*[A-Z]?\.?|\([a-z]+\))\t")  # "7.3", "5A.", "(b)"
# The test's own reading of a typed cross-reference: "Section 7.3", "clause 7.2(b)", "Sections 2 and 3".
_REFERENCE = re.compile(r"(?:[Ss]ections?|[Cc]lauses?)\s+\d[\d.()a-z]*(?:\s+(?:and|to)\s+\d[\d.()a-z]*)*")
_REF_NUMBER = re.compile(r"(\d+(?:\.\d+)*)(?:\(([a-z])\))?")


def continued(plan) -> int:
    """How many inserted paragraphs continue the clause before them (no number of their own)."""
    return sum(bool(q.get("continued")) for e in plan.edits if e.op == "insert_after" for q in e.paragraphs)


def numbers(texts: list[str]) -> list[str]:
    return [m[1].rstrip(".") for t in texts if (m := _NUMBER.match(t))]


def named_clauses(texts: list[str]) -> list[str]:
    """The contract's own clauses each typed cross-reference names ("Confidentiality 2."), in order; references to
    the clauses we insert (the contract's survival list now names them too: "Clauses 4.1 and 5.6 to 5.7 survive")
    are left out."""
    own = re.compile("^(?:" + "|".join(re.escape(title) for title, _ in ARTICLES) + r") \d+\.")
    return [m[0] for n in named(texts) if (m := own.match(n))]


def named(texts: list[str]) -> list[str]:
    """What each typed cross-reference names, in order: the first words of the paragraph it names
    (after its number), as a reader would look it up."""
    out = []
    where = {m[1].rstrip("."): i for i, t in enumerate(texts) if (m := _NUMBER.match(t))}
    for text in texts:
        for ref in _REFERENCE.finditer(text):
            for m in _REF_NUMBER.finditer(ref[0]):
                i = where[m[1]]
                if m[2]:  # the item "(b)" after clause 7.2
                    i = next(k for k in range(i + 1, len(texts)) if texts[k].startswith(f"({m[2]})"))
                out.append(" ".join(_NUMBER.sub("", texts[i], count=1).split()[:3]))
    return out


def typed(texts: list[str]) -> bytes:
    return make_docx(
        "".join(p(*(r(piece) for piece in re.split(r"(?<=\t)", t, maxsplit=1))) for t in texts) + "<w:sectPr/>"
    )


NEW = "No AI training. Customer shall not use the Deliverables to train AI."
NEW_2 = "Reservation. All rights not granted are reserved."
CASES = {
    # name: (contract, [(anchor, number of paragraphs)], the numbers after accept-all); a typed decimal
    # followed by its siblings gives the clauses inserted after it letters ("2A", "7.1A"): nothing moves
    "flat, in the middle": (FLAT, [(1, 2)], ["1", "2", "2A", "2B", "3", "4"]),
    "flat, at the end": (FLAT, [(3, 1)], ["1", "2", "3", "4", "5"]),
    "flat, twice": (FLAT, [(0, 1), (2, 1)], ["1", "1A", "2", "3", "3A", "4"]),
    "nested, in the middle": (NESTED, [(1, 1)], ["7", "7.1", "7.1A", "7.2", "(a)", "(b)", "7.3", "7.3.1", "8", "8.1"]),
    "nested, in a list of items": (
        NESTED,
        [(3, 1)],
        ["7", "7.1", "7.2", "(a)", "(b)", "(c)", "7.3", "7.3.1", "8", "8.1"],
    ),
    "nested, at the end of the clause": (
        NESTED,
        [(6, 1)],
        ["7", "7.1", "7.2", "(a)", "(b)", "7.3", "7.3.1", "7.3.2", "8", "8.1"],
    ),
    "nested, middle and items": (
        NESTED,
        [(1, 1), (3, 1)],
        ["7", "7.1", "7.1A", "7.2", "(a)", "(b)", "(c)", "7.3", "7.3.1", "8", "8.1"],
    ),
    "letters, after the letter i": (LETTERS, [(3, 1)], ["1", "(g)", "(h)", "(i)", "(j)", "(k)", "2"]),
}


def typed_case(name: str, stamp: RevisionStamp):
    texts, where, _ = CASES[name]
    edits = [insert_after(at, texts[at], *[NEW, NEW_2][:count], id=f"e{n}") for n, (at, count) in enumerate(where)]
    docx = typed(texts)
    return docx, redline(docx, *edits, stamp=stamp)


@pytest.mark.parametrize("name", CASES)
def test_after_accept_all_no_typed_number_appears_twice_and_every_reference_names_the_same_clause(name, stamp):
    texts, _, expected = CASES[name]
    _, result = typed_case(name, stamp)
    after = accepted(result.docx)
    assert numbers(after) == expected
    assert len(set(numbers(after))) == len(numbers(after))
    assert named_clauses(after) == named_clauses(texts)
    assert rejected(result.docx) == texts
    assert validate_docx(result.docx).valid


def test_the_renumbering_is_tracked_and_reported(stamp):
    _, result = typed_case("nested, middle and items", stamp)
    changes = [(c["index"], c["from"], c["to"], c["reference"]) for c in result.renumbered]
    # "7.1A" moves no decimal number; the item inserted after "(a)" moves "(b)" and the reference to it
    assert changes == [(4, "(b)", "(c)", False), (8, "7.2(b)", "7.2(c)", True)]
    doc = read_document(result.docx)
    deleted = [
        t
        for el in doc.elements
        for t in el.xpath(".//w:del[@w:author=$a]//w:delText/text()", namespaces={"w": W}, a=AUTHOR)
    ]
    assert sorted(deleted) == sorted(c["from"] for c in result.renumbered)


def test_a_reference_to_a_number_two_paragraphs_carry_is_left_alone(stamp):
    # "1A." is taken: the clause inserted after "1." is numbered on ("2.") and the clauses after it move
    texts = [
        "1.\tServices. See Section 2.",
        "1A.\tExtras.",
        "2.\tFees.",
        "3.\tTerm.",
        "Schedule",
        "1.\tScope.",
        "2.\tPrices.",
    ]
    docx = typed(texts)
    result = redline(docx, insert_after(0, texts[0], NEW), stamp=stamp)
    assert accepted(result.docx)[0] == texts[0]  # "Section 2" may name either: not guessed
    assert numbers(accepted(result.docx)) == ["1", "2", "2A", "3", "4", "1", "2"]


# A contract numbered by typed text throughout, "7.3<TAB>**Title 3.** text", with typed references.
ARTICLES = [
    ("Definitions", ["“Deliverables” means the work product delivered under Section 4.2."]),
    ("Services", ["Provider shall perform the Services with due care.", "Provider shall meet the milestones."]),
    ("Fees", ["Customer shall pay the Fees within thirty days.", "Late payments bear interest under Section 7.2."]),
    (
        "Confidentiality",
        ["Each party shall keep the other's Confidential Information secret.", "Clause 4.1 survives termination."],
    ),
    (
        "Intellectual Property",
        [
            "Provider retains all Intellectual Property Rights in its pre-existing materials.",
            "Upon payment, Provider assigns to Customer all rights, title and interest in the Deliverables.",
            "Customer may use the Deliverables for any and all purposes, in perpetuity, worldwide.",
            "Provider grants Customer a perpetual, irrevocable licence to use its pre-existing materials.",
            "Sections 5.2 and 5.4 apply subject to Section 6.1.",
        ],
    ),
    ("Warranties", ["Provider warrants that the Deliverables do not infringe, subject to Section 5.3."]),
    (
        "General",
        [
            "This Agreement is governed by the laws of England.",
            "Interest accrues at 4% a year.",
            "Notices must be in writing and refer to clause 5.5.",
        ],
    ),
]


def typed_contract() -> tuple[bytes, list[str]]:
    body, texts = [], []
    for n, (title, clauses) in enumerate(ARTICLES, 1):
        body.append(p(r(f"{n}.\t{title.upper()}", b=True)))
        texts.append(f"{n}.\t{title.upper()}")
        for k, text in enumerate(clauses, 1):
            body.append(p(r(f"{n}.{k}\t"), r(f"{title} {k}.", b=True), r(" " + text)))
            texts.append(f"{n}.{k}\t{title} {k}. {text}")
    return make_docx("".join(body) + "<w:sectPr/>"), texts


def test_a_typed_number_contract_redlined_end_to_end_keeps_its_numbers_unique_and_references_right(revision_date):
    docx, texts = typed_contract()
    result = engine.redline(docx, author=AUTHOR, date=revision_date)
    inserted = [e for e in result.plan.edits if e.op == "insert_after"]
    assert inserted and any(e.index < len(texts) - 1 and _NUMBER.match(texts[e.index + 1]) for e in inserted), (
        "the plan inserts in the middle of a clause"
    )
    after = accepted(result.docx)
    assert len(after) == len(texts) + sum(len(e.paragraphs) for e in inserted)
    # every paragraph has a number of its own but those continuing an inserted clause (one clause, one number)
    assert len(set(numbers(after))) == len(numbers(after)) == len(after) - continued(result.plan) > len(texts)
    assert named_clauses(after) == named_clauses(texts)
    assert rejected(result.docx) == texts


@pytest.mark.libreoffice
def test_libreoffice_accepts_the_renumbering_as_the_python_reading_does(libreoffice, stamp):
    names = list(CASES)
    docx, texts = typed_contract()
    redlined = engine.redline(docx, author=AUTHOR, date=stamp.date).docx
    *results, end_to_end = libreoffice([typed_case(name, stamp)[1].docx for name in names] + [redlined])
    after = end_to_end["accepted_paragraphs"]
    assert [" ".join(t.split()) for t in after] == [" ".join(t.split()) for t in accepted(redlined)]
    assert len(set(numbers(after))) == len(numbers(after)) == len(after) - continued(engine.plan(docx)[1])
    assert named_clauses(after) == named_clauses(texts)
    for name, seen in zip(names, results, strict=True):
        texts, _, _ = CASES[name]
        after = [" ".join(t.split()) for t in seen["accepted_paragraphs"]]
        assert after == [" ".join(t.split()) for t in accepted(typed_case(name, stamp)[1].docx)], name
        assert [" ".join(t.split()) for t in seen["rejected_paragraphs"]] == [" ".join(t.split()) for t in texts]
