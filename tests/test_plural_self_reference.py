"""A document that calls itself in the plural takes plural verbs in what we write (REVIEW22 class 10).

"These Terms", "the Conditions of Sale", "the Terms and Conditions": where our clauses, comments and notes make the
document's name the subject, the verb agrees ("these Terms license the Photographs", "continues after these Terms
end", "These Terms already reserve to Photographer the rights they do not grant", "These Terms describe no
project"); after a preposition the name is no subject and the verb is another's ("nothing in these Terms grants").
"This Licence" keeps its singular verbs. Shapes: a UK photograph licence of typed "1." paragraphs that reserves its
rights, and a US illustration licence calling itself "the Terms and Conditions", with its rights reserved nowhere.
"""

from __future__ import annotations

import functools
import re

import pytest
from support.docx_builder import make_docx, p
from test_document_wording import redline_of
from test_writer import accepted

from noai import engine
from noai.library.render import plural_self
from noai.ooxml.package import read_package
from noai.ooxml.threads import read_comments

VARIANTS = ("strict", "standard", "minimal")


@pytest.mark.parametrize(
    ("name", "plural"),
    [
        ("these Terms", True),
        ("these Conditions", True),
        ("the Terms of Service", True),
        ("the Terms and Conditions", True),
        ("the Conditions", True),
        ("this Agreement", False),
        ("this Licence", False),
        ("the Statement of Works", False),
        ("the Services Agreement", False),
        ("this letter", False),
    ],
)
def test_the_documents_name_is_read_as_plural_or_singular(name, plural):
    assert plural_self(name) is plural


def photograph_licence(self_reference: str, name: str) -> bytes:
    lines = [
        "PHOTOGRAPH LICENCE",
        f'{self_reference} apply between Mara Quill ("Photographer") and Birchwood Books Ltd ("Publisher").',
        '1. "Photographs" means the 40 existing photographs listed in the Schedule.',
        "2. Photographer grants Publisher a non-exclusive, perpetual licence to reproduce the Photographs in its "
        "books.",
        f"3. All rights not expressly granted in {name} are reserved to Photographer.",
        f"4. {name[0].upper()}{name[1:]} are governed by the law of England and Wales.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


def illustration_terms() -> bytes:
    lines = [
        "ILLUSTRATION LICENSE TERMS AND CONDITIONS",
        'These terms and conditions (the "Terms and Conditions") are between Dario Venn ("Illustrator") and Kestrel '
        'Games Inc. ("Company").',
        '1. Illustrator licenses to Company the twelve character illustrations listed in Exhibit A (the "Artwork") '
        "for use on Company's website and in its mobile game.",
        "2. Company will pay Illustrator $4,000 within 30 days of delivery.",
        "3. The Terms and Conditions are governed by the laws of the State of New York.",
    ]
    return make_docx("".join(p(t) for t in lines) + "<w:sectPr/>")


@functools.cache
def photographs(variant: str, plural: bool = True) -> engine.Redline:
    data = (
        photograph_licence('These Terms (the "Terms")', "these Terms")
        if plural
        else photograph_licence('This Licence (the "Licence") and its terms', "this Licence")
    )
    return redline_of(data, variant)


@functools.cache
def illustrations(variant: str) -> engine.Redline:
    return redline_of(illustration_terms(), variant)


# the name as a subject with a verb in the singular (not after a preposition: "in these Terms grants" is right)
SINGULAR = re.compile(
    r"(?<!\bin )(?<!\bunder )(?<!\bof )(?<!\bby )(?<!\bto )(?<!\bwith )(?<!\bfrom )"
    r"\b(?:[Tt]hese Terms|[Tt]he Terms and Conditions) (?:already )?"
    r"(?:licenses|uses|ends|does|says|has|grants|is|names|describes|reserves|allows)\b"
)


def everything_we_write(red: engine.Redline) -> list[str]:
    """The plan's comments, replacements, inserted paragraphs and notes, and the comments of the written .docx."""
    out = [e.comment or "" for e in red.plan.edits] + [e.replacement or "" for e in red.plan.edits]
    out += [q["text"] for e in red.plan.edits if e.op == "insert_after" for q in e.paragraphs]
    out += list(red.plan.notes)
    out += [c.text for c in read_comments(read_package(red.docx))]
    return out + accepted(red.docx)


@pytest.mark.parametrize("variant", VARIANTS)
def test_these_terms_take_plural_verbs_in_the_photograph_licence(variant):
    red = photographs(variant)
    said = everything_we_write(red)
    assert not [s for s in said if SINGULAR.search(s)], [SINGULAR.search(s) for s in said if SINGULAR.search(s)]
    joined = "\n".join(said)
    assert "These Terms already reserve to Photographer the rights they do not grant" in joined
    assert "These Terms describe no project" in joined
    assert re.search(r"\bthese Terms license the Photographs\b", joined)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_singular_name_keeps_its_singular_verbs(variant):
    joined = "\n".join(everything_we_write(photographs(variant, plural=False)))
    assert "This Licence already reserves to Photographer the rights it does not grant" in joined
    assert "This Licence describes no project" in joined


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_terms_and_conditions_take_plural_verbs_in_the_illustration_licence(variant):
    red = illustrations(variant)
    said = everything_we_write(red)
    assert red.audit.terms.agreement is not None
    assert plural_self(red.audit.terms.agreement.surface), red.audit.terms.agreement
    assert not [s for s in said if SINGULAR.search(s)], [SINGULAR.search(s) for s in said if SINGULAR.search(s)]
