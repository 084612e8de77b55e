"""Generate ``examples/agency-services-agreement.docx``, the bundled example contract.

A Master Services Agreement between a media agency (the Client) and a design studio (the
Studio), written for this project, with the clauses that put a creator's work at risk of AI
training: work made for hire with an assignment backstop, a perpetual, irrevocable, worldwide,
sublicensable licence to pre-existing materials "for any and all purposes" "in all media now
known or hereafter devised", derivative works, a feedback and usage-data clause, a one-way
indemnity, a moral-rights waiver and the Client's governing law; no AI clause.

Structure a reader of OOXML must understand: sections auto-numbered from ``word/numbering.xml``
(one multi-level ``w:abstractNum``: "1." / "1.1" / "(a)"); level 1 comes from the Heading 1
style (``w:style/w:pPr/w:numPr``), levels 2 and 3 from each paragraph's ``w:pPr/w:numPr``; bold
run-in titles ("**Ownership.** All ..."); a signature table.

The output is deterministic (fixed core properties, zip entry dates and order): run it again
and the bytes are the same. The helpers are reused by ``benchmarks/make_large.py``.

    python3 examples/make_example.py [OUT.docx]
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.table import CT_Tbl
from docx.shared import Inches, Pt, RGBColor
from docx.table import Table

OUT = Path(__file__).resolve().parent / "agency-services-agreement.docx"
FIXED_DATE = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
ZIP_DATE = (2026, 1, 5, 9, 0, 0)

CLIENT = "Northwind Media Group, Inc."
STUDIO = "Juniper Lane Studio LLC"


@dataclass(frozen=True)
class Clause:
    """A numbered subsection ("4.1"): an optional bold run-in title, its text, its "(a)" items."""

    text: str
    title: str | None = None
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A numbered section ("4."): a Heading 1 title and its clauses."""

    title: str
    clauses: tuple[Clause, ...]


def _definition(term: str, text: str) -> Clause:
    return Clause(text, title=f"\u201c{term}\u201d")


PREAMBLE = (
    "This Master Services Agreement (this \u201cAgreement\u201d) is entered into as of January 5, 2026 "
    "(the \u201cEffective Date\u201d) by and between Northwind Media Group, Inc., a Delaware corporation "
    "with offices at 410 Hudson Street, New York, New York 10014 (the \u201cClient\u201d), and Juniper Lane "
    "Studio LLC, a New York limited liability company with offices at 88 Grand Avenue, Brooklyn, "
    "New York 11238 (the \u201cStudio\u201d). The Client and the Studio are each a \u201cParty\u201d and "
    "together the \u201cParties\u201d."
)
RECITAL = (
    "The Client produces advertising and editorial content for its own brands and for its customers, "
    "and wishes to engage the Studio from time to time to provide design, illustration and related "
    "creative services on the terms of this Agreement. The Parties therefore agree as follows:"
)

SECTIONS = (
    Section(
        "Definitions",
        (
            _definition(
                "Confidential Information",
                "means any non-public business, technical or financial "
                "information disclosed by one Party to the other in connection with this Agreement, in "
                "any form, that is marked as confidential or that a reasonable person would understand "
                "to be confidential.",
            ),
            _definition(
                "Deliverables",
                "means all works of authorship, designs, illustrations, drafts, "
                "sketches, layouts, source files, copy and other materials that the Studio creates, "
                "alone or with others, for the Client under this Agreement or any Statement of Work, "
                "whether or not completed or accepted.",
            ),
            _definition(
                "Feedback",
                "means any suggestion, comment or idea about the Client's products, "
                "services or processes that the Studio or its personnel provide to the Client.",
            ),
            _definition(
                "Pre-Existing Materials",
                "means any materials, tools, templates, fonts, brushes, "
                "code or know-how owned or licensed by the Studio before the Effective Date or "
                "developed by the Studio independently of this Agreement.",
            ),
            _definition("Services", "means the creative and production services described in a Statement of Work."),
            _definition(
                "Statement of Work",
                "means a written order, signed by both Parties, that describes "
                "Services, Deliverables, milestones and fees, and refers to this Agreement.",
            ),
            _definition(
                "Usage Data",
                "means data about the Studio's access to and use of the Client's "
                "systems, platforms and collaboration tools, including files uploaded to them.",
            ),
        ),
    ),
    Section(
        "Services",
        (
            Clause(
                "The Studio shall perform the Services and deliver the Deliverables described in each "
                "Statement of Work. If this Agreement and a Statement of Work conflict, this Agreement "
                "governs unless the Statement of Work expressly states otherwise.",
                "Statements of Work.",
            ),
            Clause(
                "Either Party may request changes to a Statement of Work. No change binds a Party until "
                "it is set out in a written change order signed by both Parties.",
                "Changes.",
            ),
            Clause(
                "The Studio is an independent contractor. Nothing in this Agreement creates an "
                "employment, partnership, joint venture or agency relationship, and the Studio is solely "
                "responsible for its personnel and their compensation.",
                "Independent Contractor.",
            ),
        ),
    ),
    Section(
        "Fees and Payment",
        (
            Clause(
                "The Client shall pay the fees set out in each Statement of Work. Unless a Statement of "
                "Work states otherwise, fees are fixed and include all costs of performing the Services.",
                "Fees.",
            ),
            Clause(
                "The Studio shall invoice the Client monthly in arrears. The Client shall pay each "
                "undisputed invoice within forty-five (45) days after receiving it.",
                "Invoices.",
            ),
            Clause(
                "The Client shall reimburse reasonable out-of-pocket expenses that it has approved in "
                "writing in advance, against receipts.",
                "Expenses.",
            ),
        ),
    ),
    Section(
        "Intellectual Property",
        (
            Clause(
                "All Deliverables are \u201cworks made for hire\u201d as defined in the United States "
                "Copyright Act, 17 U.S.C. \u00a7 101, and are owned exclusively by the Client from the "
                "moment of their creation.",
                "Ownership.",
            ),
            Clause(
                "To the extent any Deliverable does not qualify as a work made for hire, the Studio hereby "
                "irrevocably assigns, transfers and conveys to the Client all right, title and interest "
                "in and to such Deliverable, including all copyrights, trademarks, patents and other "
                "intellectual property rights throughout the world.",
                "Assignment.",
            ),
            Clause(
                "To the extent any Pre-Existing Materials are incorporated into a Deliverable, the Studio "
                "grants to the Client a perpetual, irrevocable, worldwide, royalty-free, non-exclusive "
                "license, with the right to sublicense through multiple tiers, to use, reproduce, "
                "modify, distribute, publicly display and otherwise exploit such Pre-Existing Materials "
                "for any and all purposes, in all media now known or hereafter devised.",
                "Pre-Existing Materials.",
            ),
            Clause(
                "The Client and its licensees may modify, adapt, translate, combine with other "
                "materials and create derivative works of the Deliverables, without notice to or "
                "consent of the Studio and without further compensation.",
                "Derivative Works.",
            ),
            Clause(
                "The Studio waives, and shall cause its personnel to waive, all moral rights and rights "
                "of attribution and integrity in the Deliverables, to the extent permitted by law.",
                "Moral Rights.",
            ),
            Clause(
                "The Client may freely use Feedback and Usage Data for any purpose, including to "
                "develop and improve its products and services and for analytics, without obligation "
                "to the Studio.",
                "Feedback and Usage Data.",
            ),
            Clause(
                "The Studio shall sign all documents and take all actions the Client reasonably "
                "requests to perfect the Client's rights under this Section, and irrevocably appoints "
                "the Client as its attorney-in-fact to sign such documents if the Studio fails to do so "
                "within ten (10) days after a request.",
                "Further Assurances.",
            ),
        ),
    ),
    Section(
        "Confidentiality",
        (
            Clause(
                "The receiving Party shall use the disclosing Party's Confidential Information only to "
                "perform this Agreement and shall protect it with at least reasonable care.",
                "Obligations.",
            ),
            Clause(
                "Confidential Information does not include information that:",
                "Exclusions.",
                (
                    "is or becomes public through no fault of the receiving Party;",
                    "was known to the receiving Party before disclosure without a duty of confidence;",
                    "is rightfully received from a third party without a duty of confidence; or",
                    "is independently developed without use of the disclosing Party's Confidential Information.",
                ),
            ),
            Clause(
                "The receiving Party may disclose Confidential Information when required by law, after "
                "giving the disclosing Party prompt notice where lawful.",
                "Compelled Disclosure.",
            ),
        ),
    ),
    Section(
        "Warranties",
        (
            Clause(
                "The Studio represents and warrants that:",
                "Studio Warranties.",
                (
                    "it will perform the Services in a professional and workmanlike manner;",
                    "the Deliverables will be original, except for Pre-Existing Materials and third-party "
                    "materials approved by the Client in writing; and",
                    "the Deliverables will not infringe or misappropriate any third party's intellectual "
                    "property rights.",
                ),
            ),
            Clause(
                "EXCEPT AS EXPRESSLY STATED IN THIS AGREEMENT, NEITHER PARTY MAKES ANY WARRANTY, "
                "EXPRESS OR IMPLIED, INCLUDING ANY WARRANTY OF MERCHANTABILITY OR FITNESS FOR A "
                "PARTICULAR PURPOSE.",
                "Disclaimer.",
            ),
        ),
    ),
    Section(
        "Indemnification",
        (
            Clause(
                "The Studio shall defend, indemnify and hold harmless the Client and its affiliates, "
                "officers, employees and customers from and against any and all claims, losses, "
                "damages, liabilities, costs and expenses (including reasonable attorneys' fees) "
                "arising out of or relating to the Deliverables, the Services or any breach of this "
                "Agreement by the Studio.",
                "Studio Indemnity.",
            ),
            Clause(
                "The Client shall give the Studio prompt written notice of any claim, and the Studio "
                "shall not settle any claim that imposes an obligation on the Client without the "
                "Client's prior written consent.",
                "Procedure.",
            ),
        ),
    ),
    Section(
        "Limitation of Liability",
        (
            Clause(
                "IN NO EVENT SHALL THE CLIENT BE LIABLE FOR ANY INDIRECT, INCIDENTAL, SPECIAL OR "
                "CONSEQUENTIAL DAMAGES, OR FOR LOST PROFITS, ARISING OUT OF THIS AGREEMENT. THE "
                "CLIENT'S TOTAL LIABILITY UNDER THIS AGREEMENT SHALL NOT EXCEED THE FEES PAID TO THE "
                "STUDIO IN THE THREE (3) MONTHS BEFORE THE CLAIM.",
                "Exclusion of Damages.",
            ),
        ),
    ),
    Section(
        "Term and Termination",
        (
            Clause(
                "This Agreement begins on the Effective Date and continues until terminated under this Section.",
                "Term.",
            ),
            Clause(
                "The Client may terminate this Agreement or any Statement of Work for convenience on "
                "ten (10) days' written notice to the Studio.",
                "Termination for Convenience.",
            ),
            Clause(
                "On termination, the Studio shall deliver to the Client all Deliverables, whether "
                "complete or in progress, and the Client shall pay for the Services performed up to the "
                "date of termination.",
                "Effect of Termination.",
            ),
            Clause(
                "Sections 4 (Intellectual Property), 5 (Confidentiality), 7 (Indemnification), "
                "8 (Limitation of Liability) and 10 (General) survive any termination or expiration of "
                "this Agreement.",
                "Survival.",
            ),
        ),
    ),
    Section(
        "General",
        (
            Clause(
                "This Agreement is governed by the laws of the State of New York, without regard to its "
                "conflict of laws rules. The state and federal courts located in New York County, New "
                "York have exclusive jurisdiction over any dispute arising out of this Agreement, and "
                "each Party submits to their jurisdiction.",
                "Governing Law.",
            ),
            Clause(
                "The Studio may not assign this Agreement, or delegate any of its obligations, without "
                "the Client's prior written consent. The Client may assign this Agreement to any "
                "affiliate or successor.",
                "Assignment of Agreement.",
            ),
            Clause(
                "Notices must be in writing and delivered by hand, by courier or by email to the "
                "addresses in the preamble or another address a Party designates by notice.",
                "Notices.",
            ),
            Clause(
                "This Agreement, with its Statements of Work, is the entire agreement of the Parties on "
                "its subject and supersedes all prior agreements and understandings.",
                "Entire Agreement.",
            ),
            Clause(
                "If any provision of this Agreement is held unenforceable, the rest of this Agreement "
                "remains in effect.",
                "Severability.",
            ),
            Clause(
                "This Agreement may be signed in counterparts, including by electronic signature, each "
                "of which is an original.",
                "Counterparts.",
            ),
        ),
    ),
)

SIGNATURE_LEAD = "IN WITNESS WHEREOF, the Parties have signed this Agreement as of the Effective Date."
SIGNATURE_ROWS = (
    (CLIENT.upper(), STUDIO.upper()),
    ("By: ______________________", "By: ______________________"),
    ("Name: Dana Whitfield", "Name: Marco Ilves"),
    ("Title: Chief Operating Officer", "Title: Managing Member"),
    ("Date: ____________________", "Date: ____________________"),
)

# -- numbering: one multi-level list, level 1 linked to the Heading 1 style --

_LEVELS = (
    # (format, lvlText, left indent, hanging indent), in twips
    ("decimal", "%1.", 720, 720),
    ("decimal", "%1.%2", 720, 720),
    ("lowerLetter", "(%3)", 1440, 720),
)


def _abstract_num_xml(abstract_id: int) -> str:
    levels = []
    for ilvl, (fmt, text, left, hanging) in enumerate(_LEVELS):
        pstyle = '<w:pStyle w:val="Heading1"/>' if ilvl == 0 else ""
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
        )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )


def add_contract_numbering(document: Document) -> int:
    """Add the contract's ``w:abstractNum`` and a ``w:num`` for it; number Heading 1 at ``ilvl`` 0.

    Returns the ``w:numId`` that body paragraphs use for ``ilvl`` 1 ("N.M") and 2 ("(a)").
    """
    numbering = document.part.numbering_part.element
    abstracts = list(numbering.iterchildren(qn("w:abstractNum")))
    abstract_id = max((int(a.get(qn("w:abstractNumId"))) for a in abstracts), default=-1) + 1
    abstract = parse_xml(_abstract_num_xml(abstract_id))
    if abstracts:
        abstracts[-1].addnext(abstract)  # every w:abstractNum comes before the first w:num
    else:
        numbering.insert(0, abstract)
    num_id = numbering.add_num(abstract_id).numId
    document.styles["Heading 1"].element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id
    return num_id


# -- building the document --


class ContractWriter:
    """Writes sections, clauses and tables into a python-docx document with the contract's numbering."""

    def __init__(self, title: str = "Master Services Agreement"):
        self.title = title
        self.document = docx.Document()
        self.num_id = add_contract_numbering(self.document)
        self._set_up_page_and_styles()
        self._sect_pr = self.document.element.body.sectPr
        section = self.document.sections[0]
        self._text_width = section.page_width - section.left_margin - section.right_margin
        self._add_paragraph("Title").append(run(title.upper()))

    def _set_up_page_and_styles(self):
        section = self.document.sections[0]
        section.left_margin = section.right_margin = Inches(1)
        styles = self.document.styles
        styles["Normal"].font.size = Pt(11)
        styles["Normal"].paragraph_format.space_after = Pt(6)
        heading = styles["Heading 1"]
        heading.font.size = Pt(12)
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.space_before = Pt(12)
        heading.paragraph_format.space_after = Pt(6)
        # the template's w:zoom lacks the w:percent the schema requires
        self.document.settings.element.find(qn("w:zoom")).set(qn("w:percent"), "100")

    def _add_paragraph(self, style_id: str | None = None):
        """A new ``w:p`` at the end of the body (before its ``w:sectPr``).

        Built with lxml: python-docx's ``add_paragraph`` looks for the ``w:sectPr`` among all the
        body's children each time, and ``add_run`` sets text a character at a time, which makes
        the benchmarks' big contracts slow to build.
        """
        p = OxmlElement("w:p")
        self._sect_pr.addprevious(p)
        if style_id:
            p.get_or_add_pPr().style = style_id
        return p

    def paragraph(self, text: str):
        """A plain, unnumbered paragraph."""
        p = self._add_paragraph()
        p.append(run(text))
        return p

    def section(self, section: Section):
        """The section's Heading 1 (numbered "N." by the style) and its clauses."""
        self.heading(section.title)
        for clause in section.clauses:
            self.clause(clause)

    def heading(self, title: str):
        self._add_paragraph("Heading1").append(run(title))

    def clause(self, clause: Clause):
        """A "N.M" ``w:p`` (returned): bold run-in title, then the text; its items as "(a)" paragraphs."""
        p = self.numbered(1)
        if clause.title:
            p.append(run(clause.title, bold=True))
            p.append(run(" "))
        p.append(run(clause.text))
        for item in clause.items:
            self.numbered(2).append(run(item))
        return p

    def numbered(self, ilvl: int):
        """An empty paragraph at list level ``ilvl`` (0 "N.", 1 "N.M", 2 "(a)") of the contract list."""
        p = self._add_paragraph()
        num_pr = p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = self.num_id
        return p

    def table(self, rows: tuple[tuple[str, ...], ...]):
        """A table with one paragraph per cell; the first row bold."""
        tbl = CT_Tbl.new_tbl(len(rows), len(rows[0]), self._text_width)
        self._sect_pr.addprevious(tbl)
        table = Table(tbl, self.document._body)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c)._tc.p_lst[0].append(run(text, bold=r == 0))
        return table

    def to_bytes(self) -> bytes:
        """The .docx, byte-for-byte the same on every run."""
        props = self.document.core_properties
        props.title = self.title
        props.author = props.last_modified_by = "noai example generator"
        props.comments = ""
        props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
        props.revision = 1
        raw = io.BytesIO()
        self.document.save(raw)
        return normalise_zip(raw.getvalue())


def run(text: str, *, bold: bool = False, text_tag: str = "w:t"):
    """A ``w:r`` holding ``text`` in a ``w:t`` (or ``w:delText``), with ``w:rPr/w:b`` when bold."""
    r, t = OxmlElement("w:r"), OxmlElement(text_tag)
    if bold:
        r.append(OxmlElement("w:rPr"))
        r[0].append(OxmlElement("w:b"))
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def normalise_zip(data: bytes) -> bytes:
    """The same zip with fixed entry dates and attributes (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info))
    return out.getvalue()


def build_example() -> bytes:
    """The bytes of ``examples/agency-services-agreement.docx``."""
    writer = ContractWriter()
    writer.paragraph(PREAMBLE)
    writer.paragraph(RECITAL)
    for section in SECTIONS:
        writer.section(section)
    writer.paragraph(SIGNATURE_LEAD)
    writer.table(SIGNATURE_ROWS)
    return writer.to_bytes()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    out.write_bytes(build_example())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
