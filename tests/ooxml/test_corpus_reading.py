"""Spot checks on real contracts: labels and paragraph counts as LibreOffice Writer shows them.

The expected labels were read off the PDF LibreOffice renders for each file (``soffice
--convert-to pdf``, then pdftotext), the counts from ``lo_revisions.py`` (body paragraphs,
table cells included). LibreOffice drops an empty paragraph that only carries a section break
(``w:pPr/w:sectPr``); Word keeps it in ``body.paragraphs``, so we do too and add them back.
"""

from pathlib import Path

import pytest

from noai.ooxml.document import read_document
from noai.ooxml.ns import W

CORPUS = Path(__file__).parent.parent / "data" / "corpus"
SECT_PR = f"{{{W}}}pPr/{{{W}}}sectPr"


def read(name):
    return read_document((CORPUS / f"{name}.docx").read_bytes())


def starting(doc, prefix):
    """The first paragraph outside tables (cover pages) whose text starts with ``prefix``."""
    return next(x for x in doc.paragraphs if x.text.strip().startswith(prefix) and not x.in_table)


@pytest.mark.parametrize(
    "name, lo_count",
    [
        ("cp-professional-services-agreement", 357),
        ("cp-independent-contractor-agreement", 151),
        ("sap-sample-code-license", 41),
        ("juniper-eula", 54),
        ("infosys-cla", 21),
        ("ccs-ict-services-terms-tracked", 196),
    ],
)
def test_paragraph_count_matches_libreoffice_plus_bare_section_breaks(name, lo_count):
    doc = read(name)
    bare_breaks = sum(
        1 for x, el in zip(doc.paragraphs, doc.elements, strict=True) if not x.text and el.find(SECT_PR) is not None
    )
    assert len(doc.paragraphs) == lo_count + bare_breaks


def test_style_numbered_headings_of_the_professional_services_agreement():
    doc = read("cp-professional-services-agreement")
    services = starting(doc, "Services")
    assert (services.label, services.heading_level, services.section_label) == ("1.", 1, "1")
    third = starting(doc, "Third-Party Materials")
    assert (third.label, third.section_path) == ("2.4", ("2 Intellectual Property", "2.4 Third-Party Materials"))
    assert doc.paragraphs[third.index + 1].label == "(a)"
    assert starting(doc, "Feedback and Usage Data").section_label == "2.5"
    assert starting(doc, "Privacy & Security").label == "3."


def test_direct_numbering_of_the_independent_contractor_agreement():
    doc = read("cp-independent-contractor-agreement")
    assert starting(doc, "Performing Services").label == "1.1"
    insurance = starting(doc, "Insurance.")
    assert (insurance.label, insurance.run_in_title, insurance.heading) == ("1.4", "Insurance", "Insurance")


def test_typed_numbers_of_the_sap_sample_code_license():
    doc = read("sap-sample-code-license")
    warranty = starting(doc, "7.")
    assert (warranty.label, warranty.section_label, warranty.heading) == (None, "7", "WARRANTY")
    case = doc.paragraphs[warranty.index + 1]
    assert case.text.startswith("a)") and case.section_path[0] == "7 WARRANTY"


def test_bold_run_in_headings_of_the_juniper_eula():
    doc = read("juniper-eula")
    ownership = starting(doc, "Ownership.")
    assert (ownership.label, ownership.run_in_title, ownership.section_path) == ("11.", "Ownership", ("11 Ownership",))
    assert starting(doc, "THE SCRIPT SOFTWARE IS PROVIDED").label == "a."
    assert starting(doc, "General.").label == "15."


def test_typed_numbers_with_tabs_of_the_infosys_cla():
    doc = read("infosys-cla")
    original = starting(doc, "5.\tOriginal Work")
    assert (original.section_label, original.heading, original.is_heading) == ("5", "Original Work", True)


def test_tracked_changes_of_the_ccs_ict_terms():
    doc = read("ccs-ict-services-terms-tracked")
    staff = starting(doc, "The Supplier shall ensure that the Supplier Staff")
    assert staff.label == "7.4."
    assert staff.original_text.startswith("The Supplier shall ensure that the Supplier Personnel")
    assert starting(doc, "The Buyer grants to the Supplier a royalty-free").label == "10.5.1."
    assert [x.text for x in doc.paragraphs if x.mark == "inserted"] == ["v1.3", "15/11/17", "DLAP amends"]
