"""Twenty-six short contracts in styles the project's fixtures do not use, for reading redlines as a lawyer would.

Each builder returns the .docx bytes (python-docx, the test extra). Together they vary what issue 15
names: a UK precedent with "[Option 1 ...]" / "[Option 2 ...]" blocks and "this agreement"; a US
media company's work-for-hire paper ("the Contract", "Company" / "Contributor"); an agency MSA whose
SOW lists product features as bullets; a software development agreement; a photographer's licence
(the creator keeps ownership); a mutual NDA (no work product); an informal first-person letter; an
illustration agreement that vests the work and ends its IP clause with a disclaimer list under a
lead-in. Party names never default to "Client" / "Provider"; numbering is typed in some and Word's
own (numbering.xml, several levels) in others.
Session 9 adds a brand-drafted Australian influencer agreement (the client is "we", the creator
"you"; a licence that names AI training; usage rights in a schedule table) and a US translation master
agreement (assignment "upon creation", a sublicensable licence of "Pre-Existing Materials", an AI
disclosure duty on the vendor).
Session 10 adds an Ontario software licence and services agreement (the developer licenses its Platform,
assigns the Customizations on payment, and takes a licence of the customer's data) and a UK picture-book
illustration commission (an exclusive licence "in all media now known or hereafter invented" under a
"Rights and Payment" heading, a moral-rights assertion, paragraphs numbered straight through).
Session 11 adds a US games studio's art contractor agreement (assets made for hire with an SOW table and an
express right to train the studio's models on them) and an Irish audiobook narration agreement (the performer's
rights assigned, "Clause" / "Schedule" numbering, new lines made "in the Narrator's voice").
Session 12 adds a US retailer's purchase order for product photography (a face page whose special instructions keep
the photographer's copyright, and boilerplate terms on the back that assign "Work Product" and allow training) and a
UK translation-rights licence ("the Proprietor" licenses "the Publishers", plural, to translate "the Work"; machine
translation allowed; a text and data mining sub-licence).
Session 13 adds an Australian software development agreement (bold-term definitions, "Developer IP" kept and "Project
IP" vested on creation, a source-code escrow, a permission to train AI models on the Software's source code) and a US
video-game voice-over and likeness agreement (a deal-terms table, no definitions clause, a digital replica of the
performer's voice, consent to use the Recordings as speech-synthesis training data, a demo-reel right).
Session 14 adds a US generative-AI platform's terms where our user is the Customer (a design studio's "Customer Content"
that the platform may use to fine-tune its models; Usage Data; a feedback licence) and a licence-only archive agreement
("Article" headings, (i)/(ii) sub-items, a perpetual licence in media hereafter devised, a sublicensing right).

``CONTRACTS`` maps a short name to ``(builder, facts)``: ``facts`` are what a lawyer reading the
document knows (who creates the work, the names the document uses, words it does not have); the tests
in tests/test_review_synthetic.py compare the redline with them.

Run as a script to write them all to a folder: ``python tests/support/synthetic_contracts.py OUT_DIR``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Facts:
    """What the document says, as a lawyer reading it would note it."""

    creator: tuple[str, ...]  # the creator's names / words as written ("the Supplier", "Contributor", "I")
    client: tuple[str, ...]  # the other side's
    self_reference: str | None  # how the document names itself, exactly as written
    work_product: str | None  # the work's defined name, or None
    transfers: bool  # the work passes to the client (assigned / vested / owned by / made for hire)
    delivers_work: bool = True  # False for an NDA
    work_kind: str = "general"
    lacks: tuple[str, ...] = ()  # terms the document does not have (case-sensitive where it matters)
    lead_in: str | None = None  # a lead-in whose list must not gain items
    option_marker: str | None = None  # text of bracketed option blocks nothing may be inserted into
    false_alarm: str | None = None  # a creator's own right that must not be rewritten
    extra: dict[str, Any] = field(default_factory=dict)


def _document() -> Any:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    return doc


def _save(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _para(doc: Any, text: str, *, bold_lead: str | None = None, style: str | None = None, bold: bool = False) -> Any:
    paragraph = doc.add_paragraph(style=style)
    if bold_lead:
        paragraph.add_run(bold_lead).bold = True
    run = paragraph.add_run(text)
    run.bold = bold
    return paragraph


def _legal_numbering(doc: Any, formats: list[tuple[str, str]]) -> int:
    """Add a multilevel list ``[(numFmt, lvlText), ...]`` to numbering.xml; return its numId."""
    from docx.oxml import parse_xml

    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(f"{{{_W}}}abstractNumId")) for a in numbering.findall(f"{{{_W}}}abstractNum")]
    num_ids = [int(n.get(f"{{{_W}}}numId")) for n in numbering.findall(f"{{{_W}}}num")]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{567 * (i + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(formats)
    )
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(f"{{{_W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    )
    return num_id


def _numbered(doc: Any, text: str, num_id: int, level: int, *, bold_lead: str | None = None) -> Any:
    from docx.oxml import parse_xml

    paragraph = _para(doc, text, bold_lead=bold_lead)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(
        0,
        parse_xml(f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'),
    )
    return paragraph


# ----------------------------------------------------------------------------------------------
# 1. UK law-firm precedent: typed numbers, "this agreement", [Option 1] / [Option 2] at the end of
#    the IP clause, a typed cross-reference to clause 7.4.


def uk_precedent() -> bytes:
    doc = _document()
    _para(doc, "SERVICES AGREEMENT", bold=True)
    _para(doc, "THIS AGREEMENT is dated [DATE]")
    _para(doc, "PARTIES", bold=True)
    _para(
        doc,
        "(1)\tHARTWELL & POOLE DESIGN LIMITED incorporated and registered in England and Wales with company "
        "number 04811123 whose registered office is at 12 Tanner Street, London SE1 3LD (Supplier).",
    )
    _para(
        doc,
        "(2)\tKESTREL HOMEWARES PLC incorporated and registered in England and Wales with company number "
        "02240718 whose registered office is at 1 Mill Lane, Leeds LS1 4AB (Customer).",
    )
    _para(doc, "AGREED TERMS", bold=True)
    _para(doc, "1.\tINTERPRETATION", bold=True)
    _para(doc, "1.1\tThe definitions in this clause apply in this agreement.")
    _para(
        doc,
        "Deliverables: all documents, designs, artwork and other materials developed by the Supplier or its "
        "agents, subcontractors and personnel as part of or in relation to the Services.",
    )
    _para(
        doc,
        "Intellectual Property Rights: patents, copyright and related rights, trade marks, rights in designs, "
        "rights in computer software, database rights and all other intellectual property rights, in each "
        "case whether registered or unregistered, in any part of the world.",
    )
    _para(
        doc,
        "Pre-existing Materials: all documents, information and materials provided by the Supplier relating "
        "to the Services which existed prior to the commencement of this agreement.",
    )
    _para(doc, "Services: the packaging design services set out in the Schedule.")
    _para(doc, "1.2\tA reference to writing or written includes email.")
    _para(doc, "2.\tSUPPLY OF SERVICES", bold=True)
    _para(doc, "2.1\tThe Supplier shall supply the Services to the Customer in accordance with this agreement.")
    _para(doc, "2.2\tThe Supplier shall use reasonable endeavours to meet any performance dates in the Schedule.")
    _para(doc, "3.\tCHARGES AND PAYMENT", bold=True)
    _para(
        doc,
        "3.1\tIn consideration of the provision of the Services, the Customer shall pay the charges set out "
        "in the Schedule within 30 days of the date of each invoice.",
    )
    _para(doc, "4.\tINTELLECTUAL PROPERTY", bold=True)
    _para(
        doc,
        "4.1\tThe Supplier and its licensors shall retain ownership of all Pre-existing Materials. The "
        "Supplier grants the Customer a non-exclusive licence to use the Pre-existing Materials to the "
        "extent necessary to receive and use the Services and the Deliverables.",
    )
    _para(
        doc,
        "4.2\tThe Supplier shall obtain waivers of all moral rights in the Deliverables to which any "
        "individual is now or may be at any future time entitled.",
    )
    _para(doc, "[Option 1: assignment of Deliverables]")
    _para(
        doc,
        "4.3\tIn consideration of the charges, the Supplier assigns to the Customer, with full title "
        "guarantee and free from all third party rights, all Intellectual Property Rights in the Deliverables.",
    )
    _para(doc, "[End of Option 1]")
    _para(doc, "[Option 2: licence of Deliverables]")
    _para(
        doc,
        "4.3\tThe Supplier shall retain ownership of the Intellectual Property Rights in the Deliverables and "
        "grants the Customer a non-exclusive, perpetual licence to copy and modify the Deliverables for the "
        "purpose of receiving and using the Services and the Deliverables in its business.",
    )
    _para(doc, "[End of Option 2]")
    _para(doc, "5.\tCONFIDENTIALITY", bold=True)
    _para(
        doc,
        "5.1\tEach party undertakes that it shall not at any time disclose to any person any confidential "
        "information concerning the business or affairs of the other party, except as permitted by clause 5.2.",
    )
    _para(
        doc,
        "5.2\tEach party may disclose the other party's confidential information to its employees and advisers "
        "who need to know it for the purpose of carrying out the party's obligations under this agreement.",
    )
    _para(doc, "6.\tLIMITATION OF LIABILITY", bold=True)
    _para(
        doc,
        "6.1\tSubject to clause 4.3, the Supplier's total liability to the Customer shall not exceed the "
        "charges paid in the 12 months before the claim arose.",
    )
    _para(doc, "7.\tGOVERNING LAW", bold=True)
    _para(
        doc,
        "7.1\tThis agreement and any dispute or claim arising out of or in connection with it shall be "
        "governed by and construed in accordance with the law of England and Wales.",
    )
    _para(doc, "This agreement has been entered into on the date stated at the beginning of it.")
    _para(doc, "Signed by [NAME], director, for and on behalf of Hartwell & Poole Design Limited")
    _para(doc, "Signed by [NAME], director, for and on behalf of Kestrel Homewares plc")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 2. US media company, work made for hire: "the Contract", "Company" / "Contributor" (no article),
#    Word auto-numbering, governing law with the law named first.


def us_work_for_hire() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    _para(doc, "CONTRIBUTOR AGREEMENT", bold=True)
    _para(
        doc,
        'This Contributor Agreement (the "Contract") is made as of March 2, 2027 between Bellwether Media, '
        'Inc., a Delaware corporation ("Company"), and Jordan Reyes, an individual ("Contributor").',
    )
    _numbered(
        doc,
        " Contributor will write and deliver the articles, photographs and related materials described in "
        'Schedule A (the "Contributions") by the dates stated there.',
        num,
        0,
        bold_lead="Assignment.",
    )
    _numbered(
        doc,
        " Company will pay Contributor the fees in Schedule A within 45 days of accepting each Contribution.",
        num,
        0,
        bold_lead="Fees.",
    )
    _numbered(
        doc,
        " Contributor agrees that the Contributions are works made for hire for Company as defined in the "
        "U.S. Copyright Act. To the extent any Contribution is not a work made for hire, Contributor hereby "
        "assigns to Company all right, title and interest in and to that Contribution, including all "
        "copyrights and renewals.",
        num,
        0,
        bold_lead="Ownership.",
    )
    _numbered(
        doc,
        "Company may edit, adapt, translate and publish the Contributions in any media now known or later developed.",
        num,
        1,
    )
    _numbered(
        doc,
        "Contributor grants Company the right to use Contributor's name, likeness and biography in connection "
        "with the Contributions and the promotion of Company's publications.",
        num,
        1,
    )
    _numbered(
        doc,
        " Contributor warrants that the Contributions are original and do not infringe the rights of any third party.",
        num,
        0,
        bold_lead="Warranties.",
    )
    _numbered(
        doc,
        " Contributor is an independent contractor and not an employee of Company.",
        num,
        0,
        bold_lead="Independent Contractor.",
    )
    _numbered(
        doc,
        " New York law will govern the Contract, without regard to its conflict of laws rules.",
        num,
        0,
        bold_lead="Governing Law.",
    )
    _numbered(
        doc,
        " The Contract is the entire agreement of the parties about its subject matter.",
        num,
        0,
        bold_lead="Entire Agreement.",
    )
    _para(doc, "BELLWETHER MEDIA, INC.    By: ____________  Name: Alana Brooks  Title: Managing Editor")
    _para(doc, "CONTRIBUTOR    ____________  Jordan Reyes")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 3. Agency MSA with an SOW whose Deliverables are product features as bullets; Heading styles.


def agency_msa_sow() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("decimal", "%1.%2")])
    doc.add_heading("Master Services Agreement", level=0)
    _para(
        doc,
        'This Master Services Agreement (this "Agreement") is entered into between Lanternfish Studio LLC '
        '("Agency") and Corvid Health, Inc. ("Company"), effective as of the date of the last signature below.',
    )
    _numbered(doc, "Services", num, 0).style = doc.styles["Heading 1"]
    _numbered(
        doc,
        "Agency will perform the services described in each statement of work signed by both parties (each an "
        '"SOW"). Each SOW is governed by this Agreement.',
        num,
        1,
    )
    _numbered(doc, "Intellectual Property", num, 0).style = doc.styles["Heading 1"]
    _numbered(
        doc,
        '"Work Product" means the deliverables identified in an SOW that Agency creates specifically for '
        "Company under that SOW.",
        num,
        1,
    )
    _numbered(
        doc,
        "Upon Company's payment in full of the fees under the applicable SOW, Agency assigns to Company all "
        "right, title and interest in the Work Product.",
        num,
        1,
    )
    _numbered(
        doc,
        'Agency retains all rights in its tools, code libraries, templates and know-how ("Agency Materials"). '
        "To the extent Agency Materials are incorporated into Work Product, Agency grants Company a "
        "non-exclusive, perpetual licence to use them as part of that Work Product.",
        num,
        1,
    )
    _numbered(doc, "Payment", num, 0).style = doc.styles["Heading 1"]
    _numbered(doc, "Company will pay each undisputed invoice within 30 days of receipt.", num, 1)
    _numbered(doc, "General", num, 0).style = doc.styles["Heading 1"]
    _numbered(doc, "This Agreement is governed by the laws of the State of California.", num, 1)
    _numbered(
        doc,
        "If this Agreement and an SOW conflict, this Agreement prevails unless the SOW expressly says otherwise.",
        num,
        1,
    )
    _para(doc, "Lanternfish Studio LLC  By: ________    Corvid Health, Inc.  By: ________")
    doc.add_page_break()
    doc.add_heading("Statement of Work No. 1", level=1)
    _para(doc, "This SOW is issued under the Master Services Agreement between Agency and Company.")
    _para(doc, "Project: redesign of the Corvid patient app.", bold_lead="1. ")
    _para(doc, "Deliverables:", bold_lead="2. ")
    for feature in (
        "Patient onboarding flow with SMS verification and consent screens",
        "Appointment booking calendar synced with the clinic's scheduling system",
        "Secure messaging between patients and care teams",
        "Admin dashboard with usage analytics and export to CSV",
    ):
        doc.add_paragraph(feature, style="List Bullet")
    _para(doc, "Timeline: 12 weeks from kickoff.", bold_lead="3. ")
    _para(doc, "Fees: USD 180,000, invoiced monthly in arrears.", bold_lead="4. ")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 4. Software development: code deliverables "owned by" the customer; typed numbers, Heading 2 titles.


def software_development() -> bytes:
    doc = _document()
    _para(doc, "SOFTWARE DEVELOPMENT AGREEMENT", bold=True)
    _para(
        doc,
        'This agreement is made between Quillon Code Ltd, a company registered in Scotland (the "Developer"), '
        'and Mareline Shipping AB, a company registered in Sweden (the "Customer").',
    )
    doc.add_heading("1 Definitions", level=2)
    _para(
        doc,
        '1.1 "Application" means the fleet tracking application described in the Specification, including '
        "its source code, object code, build scripts and documentation.",
    )
    _para(
        doc,
        '1.2 "Developer Components" means the software libraries and tools owned by the Developer before the '
        "date of this agreement or developed independently of it.",
    )
    _para(doc, '1.3 "Specification" means the functional specification attached as Annex 1.')
    doc.add_heading("2 Development", level=2)
    _para(doc, "2.1 The Developer shall develop the Application in accordance with the Specification.")
    _para(
        doc,
        "2.2 The Developer shall deliver the source code of the Application to the Customer's Git repository "
        "at the end of each sprint.",
    )
    doc.add_heading("3 Ownership of Developed Software", level=2)
    _para(
        doc,
        "3.1 The Application and all intellectual property rights in it shall be the property of the Customer "
        "from the moment of its creation.",
    )
    _para(
        doc,
        "3.2 The Developer Components remain owned by the Developer. The Developer grants the Customer a "
        "non-exclusive, perpetual, royalty-free licence to use the Developer Components as part of the "
        "Application.",
    )
    _para(
        doc,
        "3.3 The Developer shall not include in the Application any open source software licensed on terms "
        "that would require the Customer to disclose the Application's source code.",
    )
    doc.add_heading("4 Acceptance", level=2)
    _para(
        doc,
        "4.1 The Customer shall test each release within 10 working days and notify the Developer of any "
        "failure to meet the Specification.",
    )
    doc.add_heading("5 Law", level=2)
    _para(doc, "5.1 This agreement is governed by the laws of Scotland.")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 5. Photographer's licence: the creator keeps copyright; a right of the creator's own that is not a risk.


def photo_licence() -> bytes:
    doc = _document()
    _para(doc, "PHOTOGRAPHY COMMISSION AND LICENCE", bold=True)
    _para(
        doc,
        'This licence is between Inês Carvalho, trading as Carvalho Photography (the "Photographer"), and '
        'Tallow & Finch Ltd (the "Licensee").',
    )
    _para(doc, "Commission", bold=True)
    _para(
        doc,
        "1. The Photographer will photograph the Licensee's spring collection on 14 April 2027 and supply 40 "
        'edited images (the "Images").',
    )
    _para(
        doc,
        "2. The Photographer may subcontract retouching or other post-production of the Images to any person "
        "and in any manner the Photographer chooses.",
    )
    _para(doc, "Copyright and licence", bold=True)
    _para(doc, "3. Copyright in the Images remains with the Photographer at all times.")
    _para(
        doc,
        "4. On payment of the fee, the Photographer grants the Licensee a non-exclusive licence to reproduce "
        "the Images in the Licensee's printed catalogues, website and social media accounts in the United "
        "Kingdom for two years.",
    )
    _para(doc, "5. The Licensee shall credit the Photographer wherever the Images are published online.")
    _para(doc, "Fee", bold=True)
    _para(doc, "6. The fee is £2,400 plus VAT, payable within 14 days of delivery of the Images.")
    _para(doc, "General", bold=True)
    _para(doc, "7. This licence is governed by the law of England and Wales.")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 6. Mutual NDA: no work product.


def mutual_nda() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    _para(doc, "MUTUAL NON-DISCLOSURE AGREEMENT", bold=True)
    _para(
        doc,
        'This agreement is made between Ostrander Ventures LLP ("Ostrander") and Brightfield Analytics Limited '
        '("Brightfield"), each a "Discloser" when it discloses Confidential Information and a "Recipient" '
        "when it receives it.",
    )
    _numbered(
        doc,
        ' "Confidential Information" means all information of a confidential nature disclosed by a Discloser '
        "to a Recipient in connection with the Purpose, whether before or after the date of this agreement.",
        num,
        0,
        bold_lead="Definitions.",
    )
    _numbered(
        doc,
        ' "Purpose" means evaluating a possible investment by Ostrander in Brightfield.',
        num,
        0,
        bold_lead="Purpose.",
    )
    _numbered(
        doc,
        " The Recipient shall use the Confidential Information solely for the Purpose and shall not disclose "
        "it to any third party except its professional advisers bound by duties of confidence.",
        num,
        0,
        bold_lead="Obligations.",
    )
    _numbered(
        doc,
        " All Confidential Information remains the property of the Discloser. No licence under any patent, "
        "copyright or other intellectual property right is granted by this agreement.",
        num,
        0,
        bold_lead="No licence.",
    )
    _numbered(
        doc,
        " On request the Recipient shall return or destroy all Confidential Information.",
        num,
        0,
        bold_lead="Return.",
    )
    _numbered(
        doc,
        " This agreement is governed by the law of England and Wales.",
        num,
        0,
        bold_lead="Law.",
    )
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 7. Informal first-person development letter: "I'll own ..., you get a licence"; no numbering.


def informal_letter() -> bytes:
    doc = _document()
    _para(doc, "Priya Nair · Web & app development · 4 Quay Street, Bristol")
    _para(doc, "5 May 2027")
    _para(doc, "Dear Sam,")
    _para(
        doc,
        "Thanks for choosing me to build the booking app for Harbourside Café. This letter sets out what we "
        "agreed on the phone, so we both have it in writing.",
    )
    _para(
        doc,
        "What I'll do: I'll design and build a booking app for iPhone and Android that lets your customers "
        "reserve tables and pre-order, and a simple web page for your staff to see the bookings.",
    )
    _para(doc, "Price: £6,500, half when you sign this letter and half when the app goes live.")
    _para(
        doc,
        "Who owns what: I'll own the code, designs and everything else I make for the app. You get a licence "
        "to use the app for running Harbourside Café's business for as long as you like, and you can ask "
        "another developer to maintain it for you.",
    )
    _para(
        doc,
        "If you want to sell the app to other cafés, we'll need to agree that separately.",
    )
    _para(doc, "English law applies to this letter.")
    _para(
        doc,
        "If you're happy with this, please sign below and send it back to me.",
    )
    _para(doc, "Best wishes,")
    _para(doc, "Priya Nair")
    _para(doc, "Agreed: ____________  Sam Okafor, for Harbourside Café")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 8. Illustration for a research body: "shall be vested in"; the IP clause ends with a disclaimer list
#    under a lead-in, Word auto-numbered.


def vested_disclaimer() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)")])
    _para(doc, "AGREEMENT FOR THE SUPPLY OF SCIENTIFIC ILLUSTRATIONS", bold=True)
    _para(
        doc,
        'This agreement is made between the Aldous Institute for Marine Research (the "Institute") and Mara '
        'Lindqvist of 9 Elm Row, Edinburgh (the "Illustrator").',
    )
    _numbered(doc, "COMMISSION", num, 0, bold_lead="")
    _numbered(
        doc,
        "The Illustrator shall prepare the 25 illustrations of coral species listed in the Annex (the "
        '"Illustrations") and deliver them as layered digital files by 30 September 2027.',
        num,
        1,
    )
    _numbered(doc, "The Institute shall pay the Illustrator £150 for each Illustration accepted.", num, 1)
    _numbered(doc, "RIGHTS", num, 0)
    _numbered(
        doc,
        "All copyright and other intellectual property rights in the Illustrations shall be vested in the "
        "Institute on their creation, and the Illustrator shall sign any document the Institute reasonably "
        "requests to confirm this.",
        num,
        1,
    )
    _numbered(
        doc,
        "The Illustrator waives all moral rights in the Illustrations, except the right to be identified as "
        "their author in any publication.",
        num,
        1,
    )
    _numbered(
        doc,
        "Nothing in this agreement shall constitute any representation or warranty that:",
        num,
        1,
    )
    _numbered(doc, "the Illustrations are scientifically accurate in every detail;", num, 2)
    _numbered(doc, "the Illustrations will be suitable for any particular publication; or", num, 2)
    _numbered(doc, "the Institute's use of the Illustrations will not infringe any third party's rights.", num, 2)
    _numbered(doc, "GENERAL", num, 0)
    _numbered(doc, "This agreement is governed by the law of Scotland.", num, 1)
    _numbered(
        doc,
        "The Illustrator is engaged as an independent contractor and nothing in clause 2.3 limits the "
        "Illustrator's liability for fraud.",
        num,
        1,
    )
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 9. US software consulting agreement: Word auto-numbered "Article 5" / "Section 5.2", "Consultant" /
#    "Customer" (no article), "Work Product" assigned "upon creation", "Consultant Tools" licensed to
#    the Customer as part of it, typed cross-references to Section 5.1 and Article 5.


def us_consulting_sow() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "Article %1"), ("decimal", "Section %1.%2")])
    _para(doc, "CONSULTING SERVICES AGREEMENT", bold=True)
    _para(
        doc,
        'This Consulting Services Agreement (this "Agreement") is entered into as of June 1, 2027 by and between '
        'Northwind Analytics Corp., a Delaware corporation ("Customer"), and Ridgeline Software Consulting LLC, '
        'a Colorado limited liability company ("Consultant").',
    )
    _numbered(doc, "DEFINITIONS", num, 0)
    _numbered(
        doc,
        '"Work Product" means all software, source code, object code, scripts, documentation and other '
        "materials that Consultant creates for Customer under a Statement of Work.",
        num,
        1,
    )
    _numbered(
        doc,
        '"Consultant Tools" means the software, libraries, frameworks and methodologies that Consultant owned '
        "before the date of this Agreement or develops independently of it.",
        num,
        1,
    )
    _numbered(
        doc,
        '"Statement of Work" means a statement of work signed by both parties that refers to this Agreement.',
        num,
        1,
    )
    _numbered(doc, "SERVICES", num, 0)
    _numbered(
        doc,
        "Consultant will perform the software development services described in each Statement of Work.",
        num,
        1,
    )
    _numbered(doc, "FEES", num, 0)
    _numbered(
        doc,
        "Customer will pay Consultant at the hourly rates set out in the applicable Statement of Work, within "
        "30 days of receipt of each invoice.",
        num,
        1,
    )
    _numbered(doc, "CONFIDENTIALITY", num, 0)
    _numbered(
        doc,
        "Each party will hold the other party's non-public business information in confidence and use it only "
        "to perform or receive the services under this Agreement.",
        num,
        1,
    )
    _numbered(doc, "INTELLECTUAL PROPERTY", num, 0)
    _numbered(
        doc,
        "Consultant hereby assigns to Customer, upon creation, all right, title and interest in and to the Work "
        "Product, including all intellectual property rights in it.",
        num,
        1,
    )
    _numbered(
        doc,
        "Consultant retains all right, title and interest in the Consultant Tools. To the extent any Consultant "
        "Tools are incorporated into the Work Product, Consultant grants Customer a non-exclusive, perpetual, "
        "royalty-free, worldwide license to use, copy and modify those Consultant Tools solely as part of the "
        "Work Product.",
        num,
        1,
    )
    _numbered(
        doc,
        "Consultant will sign any document Customer reasonably requests to perfect the assignment in Section 5.1.",
        num,
        1,
    )
    _numbered(doc, "WARRANTIES", num, 0)
    _numbered(
        doc,
        "Consultant warrants that the services will be performed in a professional and workmanlike manner.",
        num,
        1,
    )
    _numbered(doc, "GENERAL", num, 0)
    _numbered(doc, "This Agreement is governed by the laws of the State of Colorado.", num, 1)
    _numbered(doc, "Article 4 and Article 5 survive any termination or expiration of this Agreement.", num, 1)
    _para(doc, "NORTHWIND ANALYTICS CORP.  By: __________    RIDGELINE SOFTWARE CONSULTING LLC  By: __________")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 10. UK brand-design agreement: a definitions clause 1 in colon style with curly quotes
#     ("“Designs”: the …;"), the designer keeps copyright and licenses the "Designs" for the defined
#     "Purpose", and waives its moral rights; typed numbers, bold capitals headings.


def uk_brand_design() -> bytes:
    doc = _document()
    _para(doc, "BRAND DESIGN AGREEMENT", bold=True)
    _para(
        doc,
        "This agreement is made on 2 March 2027 between FENWICK & ROWE DESIGN LIMITED, a company registered in "
        "England and Wales under number 09123456 (the “Designer”), and PARSLEY & PIKE RETAIL LIMITED, a company "
        "registered in England and Wales under number 07654321 (the “Retailer”).",
    )
    _para(doc, "1.\tDEFINITIONS", bold=True)
    _para(doc, "1.1\tIn this agreement:")
    _para(doc, "“Brief”: the Retailer's written brief dated 3 February 2027, attached as the Schedule;")
    _para(
        doc,
        "“Designs”: the logo, word mark, colour palette, typography and pattern designs created by the Designer "
        "for the Retailer under this agreement;",
    )
    _para(doc, "“Deliverables”: the Designs and the brand guidelines, in the file formats set out in the Brief;")
    _para(doc, "“Fee”: £18,000 plus VAT;")
    _para(
        doc,
        "“Purpose”: identifying the Retailer, its shops, own-brand products and packaging, website and "
        "advertising in the United Kingdom and Ireland.",
    )
    _para(doc, "1.2\tClause headings do not affect the interpretation of this agreement.")
    _para(doc, "2.\tTHE WORK", bold=True)
    _para(doc, "2.1\tThe Designer shall create the Designs in accordance with the Brief.")
    _para(doc, "2.2\tThe Designer shall deliver the Deliverables by 30 June 2027.")
    _para(doc, "3.\tFEE", bold=True)
    _para(doc, "3.1\tThe Retailer shall pay the Fee in two equal instalments, on signature and on delivery.")
    _para(doc, "4.\tOWNERSHIP AND LICENCE", bold=True)
    _para(doc, "4.1\tCopyright and all other intellectual property rights in the Designs belong to the Designer.")
    _para(
        doc,
        "4.2\tSubject to payment of the Fee, the Designer grants the Retailer an exclusive, perpetual, royalty-free "
        "licence to use, reproduce and adapt the Designs for the Purpose.",
    )
    _para(
        doc,
        "4.3\tThe Designer unconditionally waives all moral rights in the Designs under Chapter IV of the "
        "Copyright, Designs and Patents Act 1988.",
    )
    _para(doc, "4.4\tThe Retailer may register the logo as a trade mark in its own name for the Purpose.")
    _para(doc, "5.\tWARRANTY", bold=True)
    _para(doc, "5.1\tThe Designer warrants that the Designs are its original work.")
    _para(doc, "6.\tLAW", bold=True)
    _para(doc, "6.1\tThis agreement is governed by the law of England and Wales.")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 11. Content licence of a text corpus (data): the publisher keeps ownership and licenses the corpus
#     "for any purpose", perpetual and irrevocable, to a technology company; US spelling, "this
#     License", typed top-level numbers with bold run-in titles.


def corpus_licence() -> bytes:
    doc = _document()
    _para(doc, "CONTENT LICENSE", bold=True)
    _para(
        doc,
        'This Content License (this "License") is made as of August 1, 2027 between Larkspur Press, Inc., an '
        'Oregon corporation ("Publisher"), and Veridian Labs, Inc., a Delaware corporation ("Licensee").',
    )
    _para(
        doc,
        ' "Licensed Corpus" means the full text of the 12,000 articles published in Larkspur Quarterly from 1998 '
        "to 2024, with their metadata, delivered by Publisher as XML files.",
        bold_lead="1. Definitions.",
    )
    _para(
        doc,
        " Publisher will deliver the Licensed Corpus to Licensee by secure file transfer within 10 days of the "
        "date of this License.",
        bold_lead="2. Delivery.",
    )
    _para(
        doc,
        " Publisher grants Licensee a non-exclusive, worldwide, perpetual, irrevocable license to use, copy, "
        "modify and create derivative works of the Licensed Corpus for any purpose.",
        bold_lead="3. License.",
    )
    _para(
        doc,
        " Publisher retains ownership of the Licensed Corpus and all copyrights in it.",
        bold_lead="4. Ownership.",
    )
    _para(
        doc,
        " Licensee will pay Publisher a one-time license fee of USD 250,000 within 30 days of delivery.",
        bold_lead="5. Fee.",
    )
    _para(
        doc,
        " Publisher warrants that it has the right to grant the license in Section 3.",
        bold_lead="6. Warranty.",
    )
    _para(
        doc,
        " This License is governed by the laws of the State of Oregon.",
        bold_lead="7. Governing Law.",
    )
    _para(doc, "LARKSPUR PRESS, INC.  By: __________      VERIDIAN LABS, INC.  By: __________")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 12. An informal email commission from an animation studio: no numbering, no headings, "we" / "our
#     studio" create, "you" commission; the video passes to the client once paid, the studio keeps the
#     characters and storyboards.


def studio_email() -> bytes:
    doc = _document()
    _para(doc, "From: Tomas Ferreira <tomas@mothandlantern.studio>")
    _para(doc, "To: Dana Whitfield <dana@pellucid.io>")
    _para(doc, "Subject: Launch video: what we agreed")
    _para(doc, "Hi Dana,")
    _para(
        doc,
        "Great to talk yesterday. Here's a quick recap of what we agreed, so we're all on the same page.",
    )
    _para(
        doc,
        "Our studio, Moth & Lantern Animation, will make a 60-second animated explainer video for Pellucid's "
        "product launch: the script, storyboards, character designs and the final animation.",
    )
    _para(doc, "The fee is $9,000: $4,500 now and $4,500 when we deliver the final cut.")
    _para(
        doc,
        "Once you've paid in full, the finished video is yours: we'll transfer the copyright in it to you. We "
        "keep the rights in the characters and the storyboards, and you can use them to promote the launch.",
    )
    _para(doc, "We'd also like to show the video in our portfolio and showreel.")
    _para(doc, "If this works for you, just reply to this email with “agreed”.")
    _para(doc, "Cheers,")
    _para(doc, "Tomas")
    _para(doc, "Moth & Lantern Animation")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 13. Music commission under English law (session 8): "the Composer" (an individual) keeps copyright in
#     one "Work" (singular) and grants "the Producer" an exclusive licence to "exploit the Work in all
#     media now known or hereafter devised"; the Composer's own PRS right and showreel use are rights the
#     creator keeps; "this Agreement" capitalised in a British document; typed numbers with bold headings.


def music_commission() -> bytes:
    doc = _document()
    _para(doc, "MUSIC COMMISSIONING AGREEMENT", bold=True)
    _para(
        doc,
        "This Agreement is dated 9 January 2027 and is made between ELSPETH MARROW of 22 Cathedral Close, "
        "Norwich NR1 4DH (the “Composer”) and HOLLOWAY LANE PICTURES LIMITED, a company registered in England "
        "and Wales under number 11223344 (the “Producer”).",
    )
    _para(doc, "1.	THE COMMISSION", bold=True)
    _para(
        doc,
        "1.1	The Producer commissions the Composer to compose, arrange and record an original orchestral score "
        "of about 40 minutes for the feature film provisionally entitled “The Salt Road” (the “Film”), and "
        "the Composer accepts the commission.",
    )
    _para(
        doc,
        "1.2	In this Agreement, the “Work” means the score, including its musical composition, arrangements, "
        "parts and master recordings, delivered under clause 1.1.",
    )
    _para(doc, "1.3	The Composer shall deliver the Work to the Producer by 31 March 2027.")
    _para(doc, "2.	FEE", bold=True)
    _para(
        doc,
        "2.1	The Producer shall pay the Composer a fee of £12,000, half on signature of this Agreement and half "
        "on delivery of the Work.",
    )
    _para(doc, "3.	RIGHTS", bold=True)
    _para(doc, "3.1	The copyright in the Work shall remain with the Composer.")
    _para(
        doc,
        "3.2	The Composer grants the Producer an exclusive licence, throughout the world and for the full "
        "period of copyright, to synchronise the Work with the Film and to exploit the Work in all media now "
        "known or hereafter devised in connection with the Film and its advertising and promotion.",
    )
    _para(
        doc,
        "3.3	The Producer may assign or sub-license the licence in clause 3.2 to any distributor of the Film.",
    )
    _para(
        doc,
        "3.4	Nothing in this Agreement affects the Composer's right to register the Work with PRS for Music and "
        "to collect the writer's share of public performance and broadcast income.",
    )
    _para(
        doc,
        "3.5	The Composer may include excerpts of the Work, not exceeding three minutes in total, in the "
        "Composer's showreel and on the Composer's own website.",
    )
    _para(doc, "4.	CREDIT AND MORAL RIGHTS", bold=True)
    _para(
        doc,
        "4.1	The Producer shall credit the Composer as “Original Music by Elspeth Marrow” in the end titles of "
        "the Film.",
    )
    _para(
        doc,
        "4.2	The Composer asserts her right to be identified as the author of the Work under section 77 of the "
        "Copyright, Designs and Patents Act 1988.",
    )
    _para(doc, "5.	GENERAL", bold=True)
    _para(
        doc,
        "5.1	This Agreement is governed by the law of England and Wales, and the courts of England have "
        "exclusive jurisdiction.",
    )
    _para(doc, "Signed by Elspeth Marrow ____________")
    _para(doc, "Signed for Holloway Lane Pictures Limited ____________")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 14. US software development agreement (session 8): the developer keeps its "Developer Tools" and
#     assigns "Custom Code" to "Company" upon payment (ownership already waits for the fees); lettered
#     sub-sections typed as "(a)" paragraphs under "7. Intellectual Property." with a typed
#     cross-reference "Section 7(b)"; the developer's own right to use AI coding tools is not a risk.


def us_software_development() -> bytes:
    doc = _document()
    _para(doc, "SOFTWARE DEVELOPMENT AGREEMENT", bold=True)
    _para(
        doc,
        'This Software Development Agreement (this "Agreement") is entered into as of April 5, 2027 by and '
        'between Harborview Freight, Inc., a Texas corporation ("Company"), and Pinecrest Labs LLC, a '
        'Washington limited liability company ("Developer").',
    )
    _para(
        doc,
        " Developer will design and develop the dispatch scheduling software described in Exhibit A, including "
        'its source code, object code and technical documentation (the "Custom Code").',
        bold_lead="1. Services.",
    )
    _para(
        doc,
        " Company will pay Developer the fixed fee of USD 96,000 in the installments set out in Exhibit A.",
        bold_lead="2. Fees.",
    )
    _para(
        doc,
        " Developer may use generative AI coding tools of its choice in developing the Custom Code, provided "
        "that Developer remains responsible for the Custom Code under Section 8.",
        bold_lead="3. Tools.",
    )
    _para(doc, " Company will test each milestone within ten business days of delivery.", bold_lead="4. Acceptance.")
    _para(
        doc,
        " Each party will keep the other party's confidential information confidential and use it only to "
        "perform this Agreement.",
        bold_lead="5. Confidentiality.",
    )
    _para(doc, " This Agreement begins on its effective date and ends on final acceptance.", bold_lead="6. Term.")
    _para(doc, "", bold_lead="7. Intellectual Property.")
    _para(
        doc,
        "(a) Developer retains all right, title and interest in its pre-existing software, libraries, "
        'frameworks and development tools, and in any improvements to them (the "Developer Tools").',
    )
    _para(
        doc,
        "(b) Upon Company's payment of all fees due under this Agreement, Developer assigns to Company all "
        "right, title and interest in and to the Custom Code, including all copyrights in it.",
    )
    _para(
        doc,
        "(c) To the extent any Developer Tools are incorporated into the Custom Code, Developer grants Company a "
        "non-exclusive, perpetual, irrevocable, worldwide, royalty-free license to use, reproduce, modify and "
        "distribute those Developer Tools as part of the Custom Code.",
    )
    _para(
        doc,
        " Developer warrants that the Custom Code will perform materially as described in Exhibit A for 90 days "
        "after final acceptance. This warranty does not apply to any Custom Code modified by Company after the "
        "assignment in Section 7(b).",
        bold_lead="8. Warranty.",
    )
    _para(
        doc,
        " This Agreement is governed by the laws of the State of Texas.",
        bold_lead="9. Governing Law.",
    )
    _para(doc, "HARBORVIEW FREIGHT, INC.  By: __________      PINECREST LABS LLC  By: __________")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 15. Australian influencer agreement drafted by the brand (session 9): the client writes "we" / "us" /
#     "our" and calls the creator "you"; the creator keeps ownership of the "Content" but grants a
#     perpetual worldwide licence "to use, modify and exploit the Content ... including to train or improve
#     our products and services"; usage rights in a schedule table; a moral-rights consent under the
#     Copyright Act 1968 (Cth); plain numbered headings; New South Wales law.


def au_influencer() -> bytes:
    doc = _document()
    _para(doc, "CONTENT CREATOR AGREEMENT", bold=True)
    _para(
        doc,
        "This agreement is between Wattle & Finch Pty Ltd ABN 51 824 753 556 of 40 Crown Street, Surry Hills "
        'NSW 2010 ("we", "us" or "our") and the content creator named in Schedule 1 ("you" or "your").',
    )
    _para(doc, "1. What you will make", bold=True)
    _para(
        doc,
        "1.1 You will create the posts, videos, stories and captions described in Schedule 1, featuring our "
        'skincare range (the "Content"), and publish them on your own channels on the dates set out there.',
    )
    _para(
        doc,
        "1.2 You will show each item of Content to us for approval at least three business days before you publish it.",
    )
    _para(doc, "2. Fees", bold=True)
    _para(doc, "2.1 We will pay you the fee in Schedule 1 within 30 days after you publish the last item of Content.")
    _para(doc, "3. Ownership and use of the Content", bold=True)
    _para(doc, "3.1 You own the Content.")
    _para(
        doc,
        "3.2 You grant us a non-exclusive, perpetual, irrevocable, worldwide and royalty-free licence to use, "
        "modify and exploit the Content in any medium for any purpose related to our business, including to "
        "train or improve our products and services.",
    )
    _para(
        doc,
        "3.3 The channels, period and territory of our paid use of the Content are set out in the usage table "
        "in Schedule 1.",
    )
    _para(
        doc,
        "3.4 You consent to us, and anyone we authorise, doing or omitting to do anything with the Content that "
        "would otherwise infringe your moral rights under the Copyright Act 1968 (Cth), including editing, "
        "cropping and publishing the Content without naming you.",
    )
    _para(doc, "4. Disclosure", bold=True)
    _para(
        doc,
        "4.1 You will label each item of Content as an advertisement in the way the platform and the AANA Code "
        "of Ethics require.",
    )
    _para(doc, "5. General", bold=True)
    _para(
        doc,
        "5.1 This agreement is governed by the laws of New South Wales, and each party submits to the courts "
        "of that State.",
    )
    _para(doc, "SCHEDULE 1 – CAMPAIGN DETAILS AND USAGE RIGHTS", bold=True)
    _para(doc, "Creator: Mia Tran, of Brunswick VIC 3056 (@miamakesthings)")
    _para(doc, "Content: 3 Instagram reels, 6 stories and 1 TikTok video. Fee: AUD 4,800 plus GST.")
    rows = (
        ("Use", "Channels", "Period", "Territory"),
        ("Organic", "Our social media accounts and website", "Perpetual", "Worldwide"),
        ("Paid", "Meta and TikTok advertising", "6 months from first post", "Australia and New Zealand"),
        ("In store", "Point-of-sale displays", "12 months", "Australia"),
    )
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    _para(doc, "Signed for Wattle & Finch Pty Ltd ____________      Signed by the creator ____________")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 16. US translation and copywriting master agreement (session 9): Word-numbered headings ("1." over
#     "1.1"), a "Work Product" definition, assignment "upon creation", a licence of "Pre-Existing
#     Materials" that is "perpetual, irrevocable, royalty-free, transferable and sublicensable", and an
#     AI-disclosure clause binding the vendor (the creator) about its own tools; an SOW exhibit.


def us_translation_msa() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("decimal", "%1.%2")])
    doc.add_heading("Master Translation and Copywriting Services Agreement", level=0)
    _para(
        doc,
        'This Master Translation and Copywriting Services Agreement (this "Agreement") is made as of June 1, '
        '2027 by and between Northgate Biosciences, Inc., a Delaware corporation ("Northgate"), and Lexica '
        'Language Partners LLC, an Oregon limited liability company ("Vendor").',
    )
    _numbered(doc, "Definitions", num, 0).style = doc.styles["Heading 1"]
    _numbered(
        doc,
        '"Work Product" means all translations, localized copy, glossaries, style guides and other materials '
        "that Vendor prepares for Northgate under a Statement of Work.",
        num,
        1,
    )
    _numbered(
        doc,
        '"Pre-Existing Materials" means the translation memories, term bases, templates and tools that Vendor '
        "owned or developed before this Agreement or independently of it.",
        num,
        1,
    )
    _numbered(doc, "Services", num, 0).style = doc.styles["Heading 1"]
    _numbered(
        doc,
        "Vendor will perform the services described in each statement of work signed by both parties (each a "
        '"Statement of Work"), in the form of Exhibit A.',
        num,
        1,
    )
    _numbered(
        doc,
        "Vendor will assign only qualified linguists to the Services and remains responsible for their work.",
        num,
        1,
    )
    _numbered(doc, "Ownership", num, 0).style = doc.styles["Heading 1"]
    _numbered(
        doc,
        "All Work Product is the sole property of Northgate upon creation. Vendor hereby assigns to Northgate "
        "all right, title and interest in the Work Product, including all copyrights in it.",
        num,
        1,
    )
    _numbered(
        doc,
        "Vendor retains ownership of the Pre-Existing Materials. To the extent any Pre-Existing Materials are "
        "included in the Work Product, Vendor grants Northgate a perpetual, irrevocable, royalty-free, "
        "transferable and sublicensable license to use, copy and modify them as part of the Work Product.",
        num,
        1,
    )
    _numbered(doc, "Use of Artificial Intelligence", num, 0).style = doc.styles["Heading 1"]
    _numbered(
        doc,
        "Vendor will disclose to Northgate in writing, before starting each Statement of Work, any machine "
        "translation or generative artificial intelligence tool Vendor intends to use in performing the Services.",
        num,
        1,
    )
    _numbered(
        doc,
        "Vendor will not upload Northgate's source documents to any such tool unless Northgate approves the "
        "tool in writing.",
        num,
        1,
    )
    _numbered(doc, "Fees and Payment", num, 0).style = doc.styles["Heading 1"]
    _numbered(doc, "Northgate will pay each undisputed invoice within 45 days after receiving it.", num, 1)
    _numbered(doc, "General", num, 0).style = doc.styles["Heading 1"]
    _numbered(
        doc,
        "This Agreement is governed by the laws of the State of Delaware. Section 3 survives termination.",
        num,
        1,
    )
    _para(doc, "NORTHGATE BIOSCIENCES, INC.  By: __________      LEXICA LANGUAGE PARTNERS LLC  By: __________")
    doc.add_page_break()
    doc.add_heading("Exhibit A – Statement of Work No. 1", level=1)
    _para(doc, "Project: Spanish and Portuguese localization of the patient information leaflets for Product NB-12.")
    _para(doc, "Work Product: translated leaflets, a bilingual glossary and a short style guide.")
    _para(doc, "Fees: USD 0.18 per source word; rush fee 25%.")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 17. Canadian (Ontario) software licence and services agreement (session 10): the developer keeps its
#     "Platform" and licenses it for the Term, but the "Customizations" it builds are assigned on payment
#     (with a Canadian moral-rights waiver); "Tessellate Materials" stay with it; a data clause gives the
#     *customer's* data to the developer "to improve the Services" (the creator's own right); Word numbering
#     "1." / "1.1" / "(a)"; fees in a schedule; Canadian spelling ("licence" the noun, "license" the verb).


def ca_platform_licence() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)")])
    _para(doc, "SOFTWARE LICENCE AND SERVICES AGREEMENT", bold=True)
    _para(
        doc,
        'This Software Licence and Services Agreement (this "Agreement") is dated April 3, 2027 and is between '
        "Tessellate Systems Inc., a corporation incorporated under the laws of Ontario, of 220 King Street West, "
        'Toronto ("Tessellate"), and Maplewood Freight Ltd., of 15 Dundas Street, London, Ontario ("Customer").',
    )
    _numbered(doc, "Interpretation", num, 0).runs[0].bold = True
    _numbered(doc, "In this Agreement:", num, 1)
    _numbered(
        doc,
        '"Platform" means Tessellate\'s RouteWise dispatch software, its documentation and all updates to them;',
        num,
        2,
    )
    _numbered(
        doc,
        '"Customizations" means the reports, integrations and configurations that Tessellate develops for '
        "Customer under Schedule A;",
        num,
        2,
    )
    _numbered(
        doc,
        '"Customer Data" means all data that Customer or its users enter into or upload to the Platform; and',
        num,
        2,
    )
    _numbered(
        doc,
        '"Tessellate Materials" means the Platform and all code, tools, templates and know-how that Tessellate '
        "owned or developed before this Agreement or independently of it.",
        num,
        2,
    )
    _numbered(doc, "Licence of the Platform", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Subject to this Agreement, Tessellate grants Customer a non-exclusive, non-transferable licence during "
        "the Term to access and use the Platform for Customer's internal business operations in Canada.",
        num,
        1,
    )
    _numbered(
        doc,
        "Customer shall not copy, modify, reverse engineer or sublicense the Platform except as this Agreement "
        "expressly allows.",
        num,
        1,
    )
    _numbered(doc, "Services and Customizations", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Tessellate will perform the implementation services and develop the Customizations described in "
        'Schedule A (the "Services").',
        num,
        1,
    )
    _numbered(
        doc,
        "Upon payment of the fees for a Customization, Tessellate assigns to Customer all right, title and "
        "interest, including copyright, in that Customization, and waives in favour of Customer all moral rights "
        "in it.",
        num,
        1,
    )
    _numbered(
        doc,
        "Tessellate retains all right, title and interest in the Tessellate Materials. Where a Customization "
        "incorporates Tessellate Materials, Customer may use them only as part of that Customization and on the "
        "terms of section 2.1.",
        num,
        1,
    )
    _numbered(doc, "Data", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Customer grants Tessellate a perpetual, irrevocable, worldwide and royalty-free licence to use, copy "
        "and analyse Customer Data in de-identified form to improve the Services and to develop new products.",
        num,
        1,
    )
    _numbered(
        doc,
        "Tessellate will handle personal information in Customer Data in accordance with the Personal "
        "Information Protection and Electronic Documents Act (Canada).",
        num,
        1,
    )
    _numbered(doc, "Term and Fees", num, 0).runs[0].bold = True
    _numbered(
        doc,
        'This Agreement begins on its date and continues for three years (the "Term") unless terminated earlier.',
        num,
        1,
    )
    _numbered(doc, "Customer will pay the fees set out in Schedule A within 30 days after each invoice.", num, 1)
    _numbered(doc, "General", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "This Agreement is governed by the laws of the Province of Ontario and the federal laws of Canada "
        "applicable in it. Sections 3 and 4 survive its termination.",
        num,
        1,
    )
    _para(doc, "TESSELLATE SYSTEMS INC.  Per: __________      MAPLEWOOD FREIGHT LTD.  Per: __________")
    doc.add_page_break()
    _para(doc, "SCHEDULE A – CUSTOMIZATIONS AND FEES", bold=True)
    rows = (
        ("Item", "Description", "Fee (CAD)"),
        ("Platform licence", "Up to 40 dispatcher seats", "24,000 per year"),
        ("Customization 1", "Carrier-rate integration with the Customer's ERP", "18,000"),
        ("Customization 2", "Monthly fuel-cost and on-time reports", "6,500"),
    )
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 18. UK children's-book illustration commission (session 10): a publisher's short agreement with
#     unnumbered headings over paragraphs numbered 1-11 straight through (typed); no IP heading (the grant
#     sits under "Rights and Payment", beside the fee); an *exclusive* licence "in all media now known or
#     hereafter invented" for the full term of copyright; approvals; a credit clause; the illustrator
#     *asserts* the moral right to be identified (no waiver); "the Publisher" / "the Illustrator" quoted
#     with their article.


def uk_picture_book() -> bytes:
    doc = _document()
    _para(doc, "ILLUSTRATION AGREEMENT", bold=True)
    _para(doc, "Dated 3 March 2027")
    _para(
        doc,
        "Between Bramble Hill Books Limited (company number 08812345), whose registered office is at 12 Fenwick "
        'Lane, Lewes BN7 2AB ("the Publisher"), and Ada Okonjo of 7 Harbour Terrace, Whitby YO21 3PU '
        '("the Illustrator").',
    )
    _para(doc, "The Commission", bold=True)
    _para(
        doc,
        "1. The Publisher commissions the Illustrator to create a cover and 24 colour illustrations (the "
        '"Artwork") for the picture book provisionally entitled The Lighthouse Hare, written by Felix Maund '
        '(the "Book").',
    )
    _para(
        doc,
        "2. The Illustrator shall deliver pencil roughs by 1 June 2027 and the finished Artwork by 1 September 2027.",
    )
    _para(doc, "Delivery and Approvals", bold=True)
    _para(
        doc,
        "3. The Publisher may ask for reasonable changes to the roughs. Once the Publisher has approved them, the "
        "Illustrator shall make no material change to the Artwork without the Publisher's consent.",
    )
    _para(
        doc,
        "4. The Publisher shall not alter the Artwork, other than to resize or crop it for the layout of the Book, "
        "without the Illustrator's approval, which shall not be unreasonably withheld.",
    )
    _para(doc, "Rights and Payment", bold=True)
    _para(
        doc,
        "5. In return for the payments below, the Illustrator grants the Publisher the exclusive licence to "
        "reproduce, publish and sell the Artwork in the Book and in any adaptation of the Book, in all media now "
        "known or hereafter invented, throughout the world, for the full term of copyright.",
    )
    _para(
        doc,
        "6. The Publisher shall pay the Illustrator a fee of £7,200, half on approval of the roughs and half on "
        "acceptance of the finished Artwork, and a royalty of 2.5% of the Publisher's net receipts from sales of "
        "the Book.",
    )
    _para(
        doc,
        "7. Copyright in the Artwork remains with the Illustrator. The Publisher shall return the original "
        "artwork to the Illustrator within 90 days after first publication.",
    )
    _para(doc, "Credit", bold=True)
    _para(
        doc,
        "8. The Illustrator's name shall appear on the cover and title page of every edition of the Book, with "
        "the same prominence as the author's.",
    )
    _para(
        doc,
        "9. The Illustrator asserts the right to be identified as the illustrator of the Artwork under section 77 "
        "of the Copyright, Designs and Patents Act 1988.",
    )
    _para(doc, "General", bold=True)
    _para(
        doc,
        "10. The Illustrator may show the Artwork in their portfolio and on their own website after first publication.",
    )
    _para(doc, "11. This agreement is governed by the law of England and Wales.")
    _para(doc, "Signed for the Publisher ____________      Signed by the Illustrator ____________")
    return _save(doc)


def _table(doc: Any, rows: tuple[tuple[str, ...], ...]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text


# ----------------------------------------------------------------------------------------------
# 19. US games studio's art contractor agreement (session 11): "Company" / "Contractor", Word-numbered
#     "1." / "1.1" clauses cited as "Section 3", the "Assets" made for hire with a back-up assignment, a
#     licence of the contractor's "Contractor Tools" (brushes, kit-bash meshes), an express right to use the
#     Assets to train the studio's machine-learning and procedural tools, a ban on the contractor's own use of
#     generative AI (the creator's duty: not to be struck), a portfolio right, and an Exhibit A statement of
#     work whose assets are listed in a table.


def us_game_art() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)")])
    _para(doc, "INDEPENDENT CONTRACTOR AGREEMENT (ART SERVICES)", bold=True)
    _para(
        doc,
        'This Independent Contractor Agreement (this "Agreement") is entered into as of March 1, 2027 by and '
        'between Lantern Forge Games, Inc., a Washington corporation ("Company"), and Rosa Delgado, an '
        'individual doing business as Delgado Visual ("Contractor").',
    )
    _numbered(doc, "Services", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Contractor will create the character, environment and user-interface art described in each statement of "
        'work signed by both parties in the form of Exhibit A (each, a "SOW"), including all concept sketches, '
        'source files and final exports delivered under it (the "Assets"), for use in Company\'s video game '
        'currently titled "Hollowdeep" and its updates, ports and sequels (the "Game").',
        num,
        1,
    )
    _numbered(
        doc,
        "Contractor shall not use any generative artificial intelligence tool to create any Asset, or any part "
        "of one, without Company's prior written consent.",
        num,
        1,
    )
    _numbered(
        doc,
        "Contractor is an independent contractor and is responsible for its own taxes, equipment and insurance.",
        num,
        1,
    )
    _numbered(doc, "Fees", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Company will pay the fees set out in each SOW within thirty (30) days after Company accepts the "
        "Assets delivered under it.",
        num,
        1,
    )
    _numbered(doc, "Ownership", num, 0).runs[0].bold = True
    _numbered(
        doc,
        'The Assets are "works made for hire" as defined in the U.S. Copyright Act, and Company will own all '
        "right, title and interest in them from creation. To the extent any Asset is not a work made for hire, "
        "Contractor hereby irrevocably assigns to Company all right, title and interest in and to that Asset, "
        "including all copyrights.",
        num,
        1,
    )
    _numbered(
        doc,
        "Contractor retains ownership of the brushes, textures, kit-bash meshes and other tools it made before "
        'or apart from this Agreement ("Contractor Tools"). To the extent any Contractor Tools are incorporated '
        "in an Asset, Contractor grants Company a non-exclusive, perpetual, irrevocable, worldwide, royalty-free "
        "license to use, reproduce and modify them as part of that Asset.",
        num,
        1,
    )
    _numbered(
        doc,
        "Company may use, modify, adapt and exploit the Assets in any manner and in any media now known or later "
        "developed, including to train, fine-tune and test the machine learning models and procedural content "
        "tools Company uses to develop its games.",
        num,
        1,
    )
    _numbered(
        doc,
        "After the Game is publicly released, Contractor may display the Assets in its portfolio and on its "
        "own website, with a credit to Company.",
        num,
        1,
    )
    _numbered(doc, "Credit", num, 0).runs[0].bold = True
    _numbered(
        doc,
        'Company will credit Contractor as "Additional Art" in the Game\'s end credits if Contractor creates '
        "five or more final Assets.",
        num,
        1,
    )
    _numbered(doc, "General", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Either party may terminate this Agreement on fourteen (14) days' written notice. Company will pay for "
        "all Assets accepted before termination. Sections 3 and 5 survive termination.",
        num,
        1,
    )
    _numbered(
        doc,
        "This Agreement is governed by the laws of the State of Washington, and the state and federal courts in "
        "King County, Washington have exclusive jurisdiction.",
        num,
        1,
    )
    _para(doc, "LANTERN FORGE GAMES, INC.  By: __________      CONTRACTOR: __________")
    doc.add_page_break()
    _para(doc, "EXHIBIT A – STATEMENT OF WORK NO. 1", bold=True)
    _para(doc, "Project: Hollowdeep, Act II (the Sunken Market)")
    _table(
        doc,
        (
            ("Asset", "Description", "Format", "Due", "Fee (USD)"),
            ("Character sheets", "Three merchant NPCs, front/side/back", "Layered PSD, 4K", "April 15, 2027", "3,600"),
            ("Environment props", "24 market-stall props, hand-painted textures", "FBX + PNG", "May 10, 2027", "4,800"),
            ("UI icons", "60 inventory icons in the Game's style", "PNG, 256 px", "May 24, 2027", "1,500"),
        ),
    )
    _para(doc, "Contractor will deliver two rounds of revisions per Asset. Company's art director approves each Asset.")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 20. Irish audiobook narration agreement (session 11): "the Producer" / "the Narrator" with their article,
#     typed "1." / "1.1" clauses cited as "Clause 4", production details and the fee in "Schedule 1" /
#     "Schedule 2" (their own paragraph numbers), an assignment of the performer's property rights in the
#     "Recordings" with the consents of Part III of the Copyright and Related Rights Act 2000 "in all media
#     now known or hereafter devised", a waiver of the performer's moral rights, a promotional use of the
#     narrator's name and photograph, and a right to make new lines "in the Narrator's voice" by digital means.


def ie_narration() -> bytes:
    doc = _document()
    _para(doc, "AUDIOBOOK NARRATION AGREEMENT", bold=True)
    _para(doc, "THIS AGREEMENT is made on 12 April 2027")
    _para(doc, "BETWEEN", bold=True)
    _para(
        doc,
        "(1)\tCORRIB AUDIO LIMITED, a company registered in Ireland (company number 648213), whose registered "
        'office is at 7 Dominick Street, Galway H91 X2F4 ("the Producer"); and',
    )
    _para(doc, '(2)\tNIAMH GALLAGHER, of 3 Seaview Terrace, Salthill, Galway ("the Narrator").')
    _para(doc, "IT IS AGREED as follows:")
    _para(doc, "1.\tDefinitions", bold=True)
    _para(doc, "1.1\tIn this Agreement:")
    _para(doc, '"the Act" means the Copyright and Related Rights Act 2000;')
    _para(
        doc,
        '"the Recordings" means all sound recordings of the Narrator\'s performance of the Title made under this '
        "Agreement, including retakes and pick-ups;",
    )
    _para(doc, '"the Title" means the book identified in Schedule 1.')
    _para(doc, "2.\tEngagement", bold=True)
    _para(
        doc,
        "2.1\tThe Producer engages the Narrator to narrate the unabridged text of the Title at the studio and on "
        "the dates set out in Schedule 1, and the Narrator accepts that engagement.",
    )
    _para(
        doc,
        "2.2\tThe Narrator shall attend up to two pick-up sessions of no more than two hours each within six "
        "months after the last recording date, for the fee in paragraph 2 of Schedule 2.",
    )
    _para(doc, "3.\tFees", bold=True)
    _para(
        doc,
        "3.1\tThe Producer shall pay the Narrator the fees set out in Schedule 2 within 30 days after receiving "
        "the Narrator's invoice. The fees are a full buy-out of all the rights granted in Clause 4.",
    )
    _para(doc, "4.\tRights", bold=True)
    _para(
        doc,
        "4.1\tThe Narrator assigns to the Producer, with full title guarantee, all of the Narrator's performer's "
        "property rights in the Recordings throughout the world for the full period of those rights, and gives "
        "every consent required under Part III of the Act for the Producer to record, reproduce, edit and "
        "exploit the Recordings in all media now known or hereafter devised.",
    )
    _para(
        doc,
        "4.2\tThe Narrator waives the moral rights conferred on performers by Chapter 9 of Part III of the Act "
        "in respect of the Recordings.",
    )
    _para(
        doc,
        "4.3\tThe Producer may edit, cut, remaster and process the Recordings as it sees fit and may create, by "
        "digital or any other means, corrections and additional words or lines in the Narrator's voice for use "
        "in any edition of the Title.",
    )
    _para(
        doc,
        "4.4\tThe Producer may use the Narrator's name, an approved photograph and an approved biography to "
        "promote the audiobook of the Title.",
    )
    _para(doc, "5.\tCredit", bold=True)
    _para(
        doc,
        '5.1\tThe Narrator shall be credited as "Read by Niamh Gallagher" on the cover art and retailer listings '
        "of every edition of the audiobook of the Title.",
    )
    _para(doc, "6.\tGeneral", bold=True)
    _para(doc, "6.1\tClauses 4 and 5 survive the termination or expiry of this Agreement.")
    _para(
        doc,
        "6.2\tThis Agreement is governed by the laws of Ireland and the courts of Ireland have exclusive jurisdiction.",
    )
    _para(doc, "SIGNED by the Producer ____________      SIGNED by the Narrator ____________")
    _para(doc, "SCHEDULE 1 – PRODUCTION DETAILS", bold=True)
    _para(doc, '1.\tTitle: "The Salt Road" by Aoife Brennan (approximately 92,000 words).')
    _para(doc, "2.\tStudio: Corrib Audio, 7 Dominick Street, Galway.")
    _para(doc, "3.\tRecording dates: 3 to 14 May 2027, 10:00 to 16:00 each day.")
    _para(doc, "SCHEDULE 2 – FEES", bold=True)
    _para(doc, "1.\tNarration fee: EUR 250 per finished hour of the Recordings, estimated at 10 finished hours.")
    _para(doc, "2.\tPick-up sessions: EUR 90 per hour or part of an hour.")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 21. US retailer's purchase order for product photography (session 12): a face page (PO number, vendor box, a
#     line-item table, "Special Instructions" that keep the photographer's copyright and grant a two-year
#     e-commerce licence) and the retailer's standard "TERMS AND CONDITIONS OF PURCHASE" on the back ("Buyer" /
#     "Seller", run-in upper-case headings "7. INTELLECTUAL PROPERTY." typed in the paragraph, lettered
#     sub-clauses), whose boilerplate assigns "Work Product" to Buyer and lets Buyer use anything Seller supplies
#     "to develop, train and improve" its systems; an order-of-precedence clause makes the face page prevail.


def us_purchase_order() -> bytes:
    doc = _document()
    _para(doc, "PURCHASE ORDER", bold=True)
    _para(doc, "Harlow & Pine Home Goods, LLC  ·  400 Commerce Way, Columbus, OH 43215")
    _table(
        doc,
        (
            ("PO Number", "Date", "Vendor", "Ship To / Deliver To"),
            (
                "HP-2027-04418",
                "02/15/2027",
                "Jonah Okafor Photography (Jonah Okafor, sole proprietor)",
                "ecom-assets@harlowpine.example",
            ),
        ),
    )
    _table(
        doc,
        (
            ("Line", "Description", "Qty", "Unit Price", "Amount"),
            (
                "1",
                "Product photography, white background, 5 angles per SKU (Spring catalog)",
                "40 SKUs",
                "$85.00",
                "$3,400.00",
            ),
            ("2", "Lifestyle photography, half-day shoot on location", "1", "$1,200.00", "$1,200.00"),
            ("", "", "", "Total", "$4,600.00"),
        ),
    )
    _para(doc, "SPECIAL INSTRUCTIONS", bold=True)
    _para(
        doc,
        "Seller retains copyright in all photographs delivered under this Order. Buyer receives a two-year, "
        "non-exclusive license to use the photographs on Buyer's website, marketplace listings and email "
        "campaigns. Net 30. This Order is subject to the Terms and Conditions of Purchase on the reverse.",
    )
    _para(doc, "Authorized by: __________ (Purchasing)      Accepted by Seller: __________")
    doc.add_page_break()
    _para(doc, "TERMS AND CONDITIONS OF PURCHASE", bold=True)
    _para(
        doc,
        '1. ACCEPTANCE. This purchase order, including these terms and conditions (this "Order"), is an offer by '
        'Harlow & Pine Home Goods, LLC ("Buyer") to the vendor named on its face ("Seller"). Seller accepts this '
        "Order by signing it or by beginning performance. Any different or additional terms in Seller's quotation "
        "or invoice are rejected.",
    )
    _para(
        doc,
        "2. ORDER OF PRECEDENCE. If the face of this Order conflicts with these terms and conditions, the face of "
        "this Order prevails.",
    )
    _para(
        doc,
        "3. DELIVERY AND ACCEPTANCE. Seller shall deliver the goods and services described on the face of this "
        'Order (the "Goods and Services") by the date stated there. Buyer may reject any Goods and Services that '
        "do not conform to this Order within fifteen (15) days after delivery.",
    )
    _para(
        doc,
        "4. PRICE AND PAYMENT. Prices are those stated on the face of this Order. Buyer will pay undisputed "
        "invoices within the period stated on the face of this Order.",
    )
    _para(doc, "5. INTELLECTUAL PROPERTY.")
    _para(
        doc,
        "(a) All designs, drawings, photographs, data and other materials that Seller prepares for Buyer under "
        'this Order ("Work Product") are works made for hire for Buyer, and Seller hereby assigns to Buyer all '
        "right, title and interest in the Work Product.",
    )
    _para(
        doc,
        "(b) Buyer and its affiliates may use any information, data and content Seller provides under this Order "
        "for any purpose, including to develop, train and improve Buyer's product-search, recommendation and "
        "content-generation systems.",
    )
    _para(
        doc,
        "(c) Seller warrants that the Goods and Services do not infringe the rights of any third party, and shall "
        "defend and indemnify Buyer against any claim that they do.",
    )
    _para(
        doc,
        "6. CONFIDENTIALITY. Seller shall keep the terms of this Order and all unreleased product information "
        "confidential and shall not publish any image of an unreleased product.",
    )
    _para(
        doc,
        "7. TERMINATION. Buyer may cancel this Order, in whole or in part, on written notice before delivery and "
        "will pay for work performed before the notice.",
    )
    _para(
        doc,
        "8. GOVERNING LAW. This Order is governed by the laws of the State of Ohio. The state and federal courts "
        "in Franklin County, Ohio have exclusive jurisdiction.",
    )
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 22. UK translation-rights licence (session 12): a literary agency's form where the creator's side is "the
#     Proprietor" (the author, through her agent) and "the Publishers" (plural, with the verb in the plural) are a
#     German house taking an exclusive licence to translate and publish "the Work" in German "in volume form";
#     clauses numbered "1." to "12." with lettered sub-clauses cited as "Clause 3(b)"; the publishers "shall have
#     the Work translated faithfully by a competent translator" and may use "machine translation or other
#     automated tools" to prepare the Translation; a reservation of all rights not granted (the creator's own
#     protection: not to be struck); the author's moral right asserted; a sub-licence of "electronic rights" to a
#     text and data mining aggregator.


def uk_translation_rights() -> bytes:
    doc = _document()
    _para(doc, "MEMORANDUM OF AGREEMENT", bold=True)
    _para(doc, "made this 9th day of March 2027")
    _para(
        doc,
        "BETWEEN HELEN MARCHETTI, c/o Ashdown Literary Agency Ltd, 22 Lamb's Conduit Street, London WC1N 3LE "
        '(hereinafter called "the Proprietor", which expression shall include her executors, administrators and '
        "assigns)",
    )
    _para(
        doc,
        'AND VERLAG LINDENHOF GMBH, Kastanienallee 17, 10435 Berlin, Germany (hereinafter called "the Publishers", '
        "which expression shall include their successors in business)",
    )
    _para(
        doc,
        'WHEREBY IT IS MUTUALLY AGREED as follows concerning the work at present entitled "THE GLASS ORCHARD" by '
        'Helen Marchetti (hereinafter called "the Work"):',
    )
    _para(
        doc,
        "1. The Proprietor hereby grants to the Publishers the exclusive licence to translate the Work into the "
        'German language and to produce and publish the translation ("the Translation") in volume form in '
        "hardback, paperback and ebook editions throughout the world for a period of ten years from the date of "
        "first publication of the Translation.",
    )
    _para(
        doc,
        "2. All rights in the Work not expressly granted to the Publishers under this Agreement are reserved to "
        "the Proprietor.",
    )
    _para(doc, "3. The Publishers shall:")
    _para(
        doc,
        "(a) have the Work translated faithfully and accurately by a competent translator, and shall make no "
        "abridgement, expansion or alteration of the Work other than that required by the Translation without "
        "the Proprietor's written consent;",
    )
    _para(
        doc,
        "(b) be entitled to use machine translation or other automated tools in preparing the Translation, and "
        "to retain the text of the Work and of the Translation in their editorial systems for that purpose;",
    )
    _para(
        doc,
        "(c) print on the reverse of the title page of every copy of the Translation the original title, the "
        'copyright notice "© Helen Marchetti 2026" and the words "The moral right of the author has been '
        'asserted".',
    )
    _para(
        doc,
        "4. The Publishers shall pay to the Proprietor an advance of EUR 8,000 against royalties, payable half "
        "on signature of this Agreement and half on first publication of the Translation.",
    )
    _para(
        doc,
        "5. The Publishers shall pay to the Proprietor a royalty of seven per cent (7%) of the recommended retail "
        "price on all hardback copies sold and twenty-five per cent (25%) of net receipts on all ebook sales.",
    )
    _para(
        doc,
        "6. The Publishers may license electronic rights in the Translation, including the inclusion of its text "
        "in digital databases and text and data mining services, and shall pay to the Proprietor fifty per cent "
        "(50%) of all sums received from any such licence.",
    )
    _para(
        doc,
        "7. The Publishers shall publish the Translation within eighteen months of the date of this Agreement. "
        "If they fail to do so, all rights granted under Clause 1 shall revert to the Proprietor without "
        "prejudice to the Proprietor's claim to any monies due.",
    )
    _para(
        doc,
        "8. The Publishers shall render statements of account to the Proprietor annually as at 31st December "
        "and pay all sums due within three months of that date.",
    )
    _para(
        doc,
        "9. The Proprietor warrants that the Work is original, that she has full power to make this Agreement and "
        "that the Work contains nothing obscene or libellous.",
    )
    _para(
        doc,
        "10. This Agreement shall be governed by and construed in accordance with the laws of England and Wales.",
    )
    _para(doc, "AS WITNESS the hands of the parties hereto")
    _para(doc, "Signed for the Proprietor ____________      Signed for the Publishers ____________")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 23. Australian software development agreement (session 13): Word-numbered "1." / "1.1" / "(a)" clauses, a
#     definitions clause of bold terms ("Developer IP means ...") under "In this agreement:", "this agreement" in
#     lower case, "Developer" / "Client" without an article, Project IP that vests in Client on creation, Developer
#     IP kept and licensed, a clause letting Client use the Software's source code "for any purpose, including to
#     train, fine-tune or evaluate artificial intelligence models" (the source code carries Developer IP), a
#     source-code escrow whose release lets Client use the deposited Developer IP, a moral-rights consent under
#     the Copyright Act 1968 (Cth), GST, Victorian law and a survival clause citing clauses 5, 6 and 8.


def au_software_escrow() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)")])
    _para(doc, "SOFTWARE DEVELOPMENT AGREEMENT", bold=True)
    _para(doc, "Date: 14 June 2027")
    _para(doc, "Parties", bold=True)
    _para(
        doc,
        "Wattlebird Software Pty Ltd ACN 612 448 901 of Level 4, 120 Flinders Street, Melbourne VIC 3000 (Developer)",
    )
    _para(
        doc,
        "Southern Cross Pathology Services Pty Ltd ACN 104 227 356 of 8 Rundle Mall, Adelaide SA 5000 (Client)",
    )
    _para(doc, "Background", bold=True)
    _para(
        doc,
        "A.\tClient wishes to engage Developer to develop a specimen-tracking application, and Developer has "
        "agreed to do so on the terms of this agreement.",
    )
    _para(doc, "Agreed terms", bold=True)
    _numbered(doc, "Definitions and interpretation", num, 0).runs[0].bold = True
    _numbered(doc, "In this agreement:", num, 1)
    _para(doc, " means a day other than a Saturday, Sunday or public holiday in Melbourne.", bold_lead="Business Day")
    _para(
        doc,
        " means all Intellectual Property Rights in the Client Materials.",
        bold_lead="Client IP",
    )
    _para(
        doc,
        " means all data, documents and other materials that Client provides to Developer for the Services.",
        bold_lead="Client Materials",
    )
    _para(
        doc,
        " means all Intellectual Property Rights in Developer's software libraries, code generators, "
        "frameworks, tools and know-how that existed before the date of this agreement or are developed by "
        "Developer independently of the Services, including any of them incorporated into the Software.",
        bold_lead="Developer IP",
    )
    _para(
        doc,
        " means Harbour Escrow Services Pty Ltd or another escrow agent the parties agree in writing.",
        bold_lead="Escrow Agent",
    )
    _para(
        doc,
        " means the source code of the Software, including the source code of any Developer IP incorporated "
        "into it, and the build instructions needed to compile it.",
        bold_lead="Escrow Materials",
    )
    _para(
        doc,
        " means copyright, patents, designs, trade marks, circuit layout rights, confidential information and "
        "all other intellectual property rights, whether registered or not, anywhere in the world.",
        bold_lead="Intellectual Property Rights",
    )
    _para(
        doc,
        " means all Intellectual Property Rights in the Software created by Developer in performing the "
        "Services, other than the Developer IP.",
        bold_lead="Project IP",
    )
    _para(doc, " has the meaning given in clause 6.3.", bold_lead="Release Event")
    _para(
        doc,
        " means the design, development, testing and deployment services described in the Schedule.",
        bold_lead="Services",
    )
    _para(
        doc,
        " means the specimen-tracking application described in the Schedule, in source code and object code, "
        "and its technical documentation.",
        bold_lead="Software",
    )
    _numbered(doc, "Headings are for convenience only and do not affect interpretation.", num, 1)
    _numbered(doc, "Services", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Developer must perform the Services with due care and skill and in accordance with the Schedule.",
        num,
        1,
    )
    _numbered(
        doc,
        "Developer must not use any generative artificial intelligence tool to write any part of the Software "
        "without Client's prior written consent.",
        num,
        1,
    )
    _numbered(doc, "Fees", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Client must pay Developer the fees set out in the Schedule within 30 days after receiving a valid tax "
        "invoice. The fees are exclusive of GST.",
        num,
        1,
    )
    _numbered(doc, "Client Materials", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Client IP remains the property of Client. Client grants Developer a non-exclusive licence to use the "
        "Client Materials solely to perform the Services.",
        num,
        1,
    )
    _numbered(doc, "Intellectual property", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "The Project IP vests in Client on its creation. To the extent it does not, Developer assigns the Project "
        "IP to Client on its creation.",
        num,
        1,
    )
    _numbered(
        doc,
        "The Developer IP remains the property of Developer. Developer grants Client a non-exclusive, perpetual, "
        "irrevocable, royalty-free licence to use, copy and modify the Developer IP incorporated into the "
        "Software, as part of the Software.",
        num,
        1,
    )
    _numbered(
        doc,
        "Client may use the Software, its source code and its documentation for any purpose, including to "
        "train, fine-tune or evaluate artificial intelligence models.",
        num,
        1,
    )
    _numbered(
        doc,
        "Developer must procure from each of its personnel who creates the Software a written consent, for the "
        "purposes of Part IX of the Copyright Act 1968 (Cth), to any act or omission of Client that would "
        "otherwise infringe their moral rights in the Software.",
        num,
        1,
    )
    _numbered(doc, "Source code escrow", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Within 10 Business Days after final acceptance of the Software, Developer must deposit the Escrow "
        "Materials with the Escrow Agent under a three-party escrow agreement in the Escrow Agent's standard "
        "form, and must deposit each update within 10 Business Days after it is released.",
        num,
        1,
    )
    _numbered(
        doc,
        "If a Release Event occurs, the Escrow Agent may release the Escrow Materials to Client, and Client may "
        "use, copy and modify the Escrow Materials solely to support, maintain and correct the Software for its "
        "own internal business purposes.",
        num,
        1,
    )
    _numbered(doc, "Each of the following is a Release Event:", num, 1)
    _numbered(doc, "Developer becomes insolvent or has an administrator or liquidator appointed;", num, 2)
    _numbered(doc, "Developer ceases to carry on business in the ordinary course; or", num, 2)
    _numbered(
        doc,
        "Developer fails to correct a critical defect in the Software within 20 Business Days after Client's "
        "written notice.",
        num,
        2,
    )
    _numbered(doc, "Confidentiality", num, 0).runs[0].bold = True
    _numbered(
        doc,
        "Each party must keep the other party's confidential information confidential and use it only to "
        "perform its obligations under this agreement.",
        num,
        1,
    )
    _numbered(doc, "General", num, 0).runs[0].bold = True
    _numbered(doc, "Clauses 5, 6 and 8 survive the termination or expiry of this agreement.", num, 1)
    _numbered(
        doc,
        "This agreement is governed by the laws of Victoria, and each party submits to the non-exclusive "
        "jurisdiction of the courts of Victoria.",
        num,
        1,
    )
    _para(doc, "Executed as an agreement.")
    _para(
        doc, "Signed for Wattlebird Software Pty Ltd ____________    Signed for Southern Cross Pathology ____________"
    )
    _para(doc, "Schedule – Services and fees", bold=True)
    _para(
        doc,
        "1.\tServices: design, develop, test and deploy a web and tablet application that tracks pathology "
        "specimens from collection to reporting, integrated with Client's laboratory information system.",
    )
    _para(doc, "2.\tFees: AUD 184,000, payable in four equal instalments on the milestones below.")
    _para(doc, "3.\tMilestones: design sign-off; beta release; user acceptance testing; go-live.")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 24. US video-game voice-over and likeness agreement (session 13): a deal memo (a key-terms table) followed by
#     "Standard Terms" Word-numbered "1." / "(a)" with no definitions clause (the names are defined where they
#     are used: "the Recordings", "the Game", "Likeness"), "Studio" / "Performer" (an individual), the
#     Recordings made for hire with a back-up assignment, a right to make a "digital replica" of the Performer's
#     voice and to generate new lines with it for sequels "without further payment", an express consent to use
#     the Recordings as training data for speech synthesis, a right to use the Performer's Likeness in the
#     Game and its marketing, the Performer's own demo-reel right (not to be rewritten), a union disclaimer and
#     California law.


def us_voice_likeness() -> bytes:
    doc = _document()
    num = _legal_numbering(doc, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    _para(doc, "VOICE-OVER AND LIKENESS AGREEMENT", bold=True)
    _para(
        doc,
        'This Voice-Over and Likeness Agreement (this "Agreement") is made as of August 2, 2027 between '
        'Brightwater Interactive, LLC, a California limited liability company ("Studio"), and Dana Whitlock, an '
        'individual ("Performer").',
    )
    _para(doc, "DEAL TERMS", bold=True)
    _table(
        doc,
        (
            ("Item", "Term"),
            ("Game", 'the video game currently titled "Ember Coast" (the "Game")'),
            ("Role", "Captain Isolde Varga (principal character)"),
            ("Sessions", "up to six four-hour recording sessions between September 6 and October 29, 2027"),
            ("Session fee", "USD 1,100 per four-hour session"),
            ("Buyout", "USD 6,000, payable on completion of the final session"),
        ),
    )
    _para(doc, "STANDARD TERMS", bold=True)
    _numbered(doc, "", num, 0, bold_lead="Services.")
    _numbered(
        doc,
        "Performer will perform the Role at the Sessions as Studio directs. All audio and video recordings of "
        'Performer\'s performances made under this Agreement are "the Recordings".',
        num,
        1,
    )
    _numbered(
        doc,
        "Studio will pay the Session fee within 30 days after each session and the Buyout as stated in the Deal "
        "Terms. The Buyout is full payment for all rights granted in Sections 2 and 3.",
        num,
        1,
    )
    _numbered(doc, "", num, 0, bold_lead="Rights in the Recordings.")
    _numbered(
        doc,
        "The Recordings are works made for hire for Studio. To the extent any Recording is not a work made for "
        "hire, Performer assigns to Studio all right, title and interest in it, including all copyrights, "
        "throughout the universe in perpetuity.",
        num,
        1,
    )
    _numbered(
        doc,
        "Studio may edit, process and combine the Recordings and may use them in the Game, in any sequel, "
        "expansion or remaster of the Game, and in advertising for any of them, in all media now known or "
        "later developed.",
        num,
        1,
    )
    _numbered(
        doc,
        "Studio may use the Recordings to create a digital replica of Performer's voice, and may use that "
        "digital replica to generate new lines of dialogue for the Game and any sequel, expansion or "
        "remaster of it, without further payment to Performer.",
        num,
        1,
    )
    _numbered(
        doc,
        "Performer consents to Studio and its licensees using the Recordings as training data for speech "
        "synthesis and other machine learning systems.",
        num,
        1,
    )
    _numbered(doc, "", num, 0, bold_lead="Name and Likeness.")
    _numbered(
        doc,
        "Performer grants Studio the right to use Performer's name, approved photographs, voice and approved "
        'biography ("Likeness") in the Game\'s credits and to advertise the Game, for five years after the '
        "Game's first release.",
        num,
        1,
    )
    _numbered(
        doc,
        "Studio will not use Performer's Likeness to endorse any product other than the Game.",
        num,
        1,
    )
    _numbered(doc, "", num, 0, bold_lead="Performer's Reel.")
    _numbered(
        doc,
        "Performer may include excerpts of up to 60 seconds of the Recordings in Performer's demo reel after the "
        "Game's first release.",
        num,
        1,
    )
    _numbered(doc, "", num, 0, bold_lead="General.")
    _numbered(
        doc,
        "This Agreement is not subject to any collective bargaining agreement.",
        num,
        1,
    )
    _numbered(
        doc,
        "This Agreement is governed by the laws of the State of California. Sections 2 and 3 survive its termination.",
        num,
        1,
    )
    _para(doc, "BRIGHTWATER INTERACTIVE, LLC  By: __________      DANA WHITLOCK  __________")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 25. US generative-AI platform terms (session 14) where OUR user is the CUSTOMER: a design studio uploads its
#     own artwork to "Canvasly" (the provider, named by its brand, never "Provider"); typed "1." / "1.1" numbers;
#     "these Terms"; "Customer Content" and "Usage Data" defined; a permission to "develop, fine-tune and enhance
#     the generative models underlying the Service" with Inputs and Outputs; a Usage Data clause "for any purpose";
#     a feedback licence; Output owned by Customer; a follow-up sentence that rests on the training permission.


def us_ai_platform_customer() -> bytes:
    doc = _document()
    _para(doc, "CANVASLY STUDIO PLATFORM TERMS", bold=True)
    _para(
        doc,
        'These Platform Terms (these "Terms") are entered into on June 2, 2027 between Canvasly, Inc., a Delaware '
        'corporation of 500 Howard Street, San Francisco, California ("Canvasly"), and Fernhill Design Studio LLC, '
        'of 88 Water Street, Brooklyn, New York ("Customer").',
    )
    _para(doc, "1. Definitions", bold=True)
    _para(
        doc,
        '1.1 "Service" means Canvasly\'s hosted generative design platform, its application programming '
        "interfaces, models and documentation, as updated from time to time.",
    )
    _para(
        doc,
        '1.2 "Customer Content" means all artwork, illustrations, photographs, brand assets, prompts and other '
        'materials that Customer or its Authorized Users upload to or submit through the Service ("Inputs"), and '
        'all images and other material the Service generates from them for Customer ("Outputs").',
    )
    _para(
        doc,
        '1.3 "Usage Data" means data about the operation and use of the Service, including logs, settings, '
        "click-streams and performance metrics, but excluding the content of Customer Content.",
    )
    _para(
        doc,
        '1.4 "Authorized Users" means Customer\'s employees and contractors whom Customer permits to use the Service.',
    )
    _para(doc, "2. Access to the Service", bold=True)
    _para(
        doc,
        "2.1 Subject to these Terms and payment of the fees, Canvasly grants Customer a non-exclusive, "
        "non-transferable right during the Subscription Term for its Authorized Users to access and use the Service "
        "for Customer's business purposes.",
    )
    _para(
        doc,
        "2.2 Customer shall not resell the Service, attempt to extract the Service's model weights, or use the "
        "Service to build a competing product.",
    )
    _para(doc, "3. Customer Content", bold=True)
    _para(
        doc,
        "3.1 As between the parties, Customer retains all right, title and interest in the Inputs and owns the "
        "Outputs, and Canvasly assigns to Customer any right, title and interest it may have in the Outputs.",
    )
    _para(
        doc,
        "3.2 Customer grants Canvasly a worldwide, non-exclusive, royalty-free licence to host, copy, process and "
        "display Customer Content as necessary to provide the Service to Customer.",
    )
    _para(
        doc,
        "3.3 Customer agrees that Canvasly and its affiliates may use Inputs and Outputs to develop, fine-tune and "
        "enhance the generative models underlying the Service and any successor products. Any such use will be "
        "subject to Canvasly's security measures, and Customer Content so used will be stripped of Customer's name "
        "and metadata before it is added to a training set.",
    )
    _para(
        doc,
        "3.4 Customer represents that it has all rights in the Inputs needed to grant the licences in this Section 3.",
    )
    _para(doc, "4. Usage Data and Feedback", bold=True)
    _para(
        doc,
        "4.1 Canvasly may collect Usage Data and may use it for any purpose, including to operate, secure, analyse "
        "and improve the Service, provided that Canvasly does not disclose Usage Data that identifies Customer.",
    )
    _para(
        doc,
        '4.2 If Customer or an Authorized User gives Canvasly suggestions or comments about the Service ("Feedback"), '
        "Customer grants Canvasly a perpetual, irrevocable, worldwide, royalty-free licence to use and incorporate "
        "the Feedback into its products and services without restriction or attribution.",
    )
    _para(doc, "5. Fees and Term", bold=True)
    _para(
        doc,
        "5.1 Customer will pay the subscription fees in the order form annually in advance. These Terms continue for "
        "twelve months from their date and renew for further twelve-month periods (each, with the first, the "
        '"Subscription Term") unless either party gives 30 days\' notice.',
    )
    _para(
        doc,
        "5.2 On termination Canvasly will delete the Inputs within 60 days, except as Section 3.3 permits.",
    )
    _para(doc, "6. General", bold=True)
    _para(
        doc,
        "6.1 These Terms are governed by the laws of the State of Delaware. Sections 3, 4 and 6 survive termination "
        "of these Terms.",
    )
    _para(doc, "CANVASLY, INC.  By: __________      FERNHILL DESIGN STUDIO LLC  By: __________")
    return _save(doc)


# ----------------------------------------------------------------------------------------------
# 26. A licence-only agreement (session 14): an illustrator ("Licensor") licenses an educational publisher
#     ("Licensee") an archive of existing drawings; "Article" headings with typed "4.1" sections and "(i)" / "(ii)"
#     sub-items; a perpetual, worldwide licence "in any and all media now known or hereafter devised"; a sublicensing
#     right; a "process … using any technology" clause; reserved rights; no assignment anywhere.


def licence_articles(
    uses: tuple[str, str] = ("in print editions of the Titles", "in digital editions of the Titles"),
) -> bytes:
    """``uses``: the two uses the grant lists under its lead-in, (i) and (ii); by default each in the Titles."""
    doc = _document()
    _para(doc, "ARCHIVE LICENCE AGREEMENT", bold=True)
    _para(
        doc,
        'This Archive Licence Agreement (the "Agreement") is made on 14 September 2027 between Ondine Marr, of '
        '12 Harbour Row, Falmouth ("Licensor"), and Kestrel Learning Press Limited, a company registered in '
        'England and Wales under number 08812345 ("Licensee").',
    )
    _para(doc, "Article 1 – Definitions", bold=True)
    _para(
        doc,
        '1.1 "Licensed Works" means the 240 pen-and-ink drawings listed in the Annex, in the digital files '
        "Licensor supplies, and any crops, recolourings or other adaptations of them that Licensee makes.",
    )
    _para(doc, '1.2 "Titles" means the school textbooks and workbooks Licensee publishes under its Kestrel imprint.')
    _para(doc, "Article 2 – Delivery", bold=True)
    _para(
        doc,
        "2.1 Licensor shall deliver the Licensed Works as 600 dpi TIFF files within 14 days after the date of this "
        "Agreement.",
    )
    _para(doc, "Article 3 – Fees", bold=True)
    _para(
        doc,
        "3.1 Licensee shall pay Licensor a licence fee of £9,600 within 30 days of delivery, and a royalty of 2% of "
        "net receipts from each Title in which a Licensed Work appears.",
    )
    _para(doc, "Article 4 – Grant of Licence", bold=True)
    _para(
        doc,
        "4.1 Licensor hereby grants to Licensee a perpetual, irrevocable, non-exclusive, worldwide licence to "
        "reproduce, adapt, publish, distribute and communicate to the public the Licensed Works:",
    )
    _para(doc, f"(i) {uses[0]}; and")
    _para(doc, f"(ii) {uses[1]}, companion websites, apps and online learning platforms,")
    _para(doc, "in each case in any and all media now known or hereafter devised.")
    _para(
        doc,
        "4.2 Licensee may grant sublicences of any of the rights in Article 4.1 to its affiliates, co-publishers, "
        "distributors and technology service providers without Licensor's consent.",
    )
    _para(
        doc,
        "4.3 Licensee and its sublicensees may store, index and otherwise process the Licensed Works using any "
        "technology, including automated and machine-assisted tools, for the purposes of this Agreement.",
    )
    _para(
        doc,
        "4.4 All rights in the Licensed Works not expressly granted in this Article 4 are reserved to Licensor. "
        "Copyright in the Licensed Works remains with Licensor.",
    )
    _para(doc, "Article 5 – Credit and Moral Rights", bold=True)
    _para(
        doc,
        '5.1 Licensee shall credit Licensor as "Illustrations by Ondine Marr" on the imprint page of each Title. '
        "Licensor asserts the right to be identified as the author of the Licensed Works.",
    )
    _para(doc, "Article 6 – Warranties", bold=True)
    _para(
        doc,
        "6.1 Licensor warrants that (i) she is the sole author of the Licensed Works and (ii) their use as this "
        "Agreement permits will not infringe the rights of any third party.",
    )
    _para(doc, "Article 7 – Term and Termination", bold=True)
    _para(
        doc,
        "7.1 Either party may terminate this Agreement if the other commits a material breach and does not remedy it "
        "within 30 days of notice. Articles 4.1(i) and 6 survive termination as to Titles already published.",
    )
    _para(doc, "Article 8 – Governing Law", bold=True)
    _para(doc, "8.1 This Agreement is governed by the law of England and Wales.")
    _para(doc, "Signed by ONDINE MARR __________      Signed for KESTREL LEARNING PRESS LIMITED __________")
    doc.add_page_break()
    _para(doc, "ANNEX – LICENSED WORKS", bold=True)
    _table(
        doc,
        (
            ("Series", "Subject", "Number of drawings"),
            ("A", "Coastal birds", "80"),
            ("B", "Rock pools and shore life", "90"),
            ("C", "Harbour boats", "70"),
        ),
    )
    return _save(doc)


CONTRACTS: dict[str, tuple[Callable[[], bytes], Facts]] = {
    "uk-precedent": (
        uk_precedent,
        Facts(
            creator=("Supplier",),
            client=("Customer",),
            self_reference="this agreement",
            work_product="Deliverables",
            transfers=True,  # Option 1 assigns; Option 2 licenses
            lacks=("this Agreement", "the Client", "the Provider", "Work Product", "Statement of Work"),
            option_marker="[Option",
            extra={"cross_refs": ("clause 4.3", "clause 5.2")},
        ),
    ),
    "us-work-for-hire": (
        us_work_for_hire,
        Facts(
            creator=("Contributor",),
            client=("Company",),
            self_reference="the Contract",
            work_product="Contributions",
            transfers=True,
            work_kind="creative",
            lacks=("this Agreement", "this agreement", "the Client", "the Provider", "the Deliverables"),
        ),
    ),
    "agency-msa-sow": (
        agency_msa_sow,
        Facts(
            creator=("Agency",),
            client=("Company",),
            self_reference="this Agreement",
            work_product="Work Product",
            transfers=True,
            work_kind="software",
            lacks=("the Client", "the Provider", "the Deliverables", "this agreement"),
            extra={"bullets": ("Patient onboarding flow", "Admin dashboard with usage analytics")},
        ),
    ),
    "software-development": (
        software_development,
        Facts(
            creator=("Developer",),
            client=("Customer",),
            self_reference="this agreement",
            work_product="Application",
            transfers=True,
            work_kind="software",
            lacks=("this Agreement", "the Client", "the Provider", "the Deliverables", "the Software"),
        ),
    ),
    "photo-licence": (
        photo_licence,
        Facts(
            creator=("Photographer",),
            client=("Licensee",),
            self_reference="this licence",
            work_product="Images",
            transfers=False,
            work_kind="creative",
            lacks=("this Agreement", "this agreement", "the Client", "the Provider", "the Deliverables"),
            false_alarm="in any manner the Photographer chooses",
        ),
    ),
    "mutual-nda": (
        mutual_nda,
        Facts(
            creator=("Discloser",),
            client=("Recipient",),
            self_reference="this agreement",
            work_product=None,
            transfers=False,
            delivers_work=False,
            lacks=("this Agreement", "the Client", "the Provider", "the Deliverables", "Work Product"),
        ),
    ),
    "informal-letter": (
        informal_letter,
        Facts(
            creator=("I", "Priya Nair"),
            client=("you", "Sam", "Harbourside Café"),
            self_reference="this letter",
            work_product=None,
            transfers=False,
            work_kind="software",
            lacks=("this Agreement", "this agreement", "the Client", "the Provider", "the Deliverables"),
        ),
    ),
    "vested-disclaimer": (
        vested_disclaimer,
        Facts(
            creator=("Illustrator",),
            client=("Institute",),
            self_reference="this agreement",
            work_product="Illustrations",
            transfers=True,
            work_kind="creative",
            lacks=("this Agreement", "the Client", "the Provider", "the Deliverables"),
            lead_in="Nothing in this agreement shall constitute any representation or warranty that:",
            extra={"cross_refs": ("clause 2.3",)},
        ),
    ),
    "us-consulting-sow": (
        us_consulting_sow,
        Facts(
            creator=("Consultant",),
            client=("Customer",),
            self_reference="this Agreement",
            work_product="Work Product",
            transfers=True,
            work_kind="software",
            lacks=("the Client", "the Provider", "the Deliverables", "this agreement", "the Consultant", "licence"),
            extra={"cross_refs": ("Section 5.1", "Article 4 and Article 5"), "background": "Consultant Tools"},
        ),
    ),
    "uk-brand-design": (
        uk_brand_design,
        Facts(
            creator=("Designer",),
            client=("Retailer",),
            self_reference="this agreement",
            work_product="Designs",
            transfers=False,
            work_kind="creative",
            lacks=("this Agreement", "the Client", "the Provider", "Work Product", "Permitted Purpose"),
        ),
    ),
    "corpus-licence": (
        corpus_licence,
        Facts(
            creator=("Publisher",),
            client=("Licensee",),
            self_reference="this License",
            work_product="Licensed Corpus",
            transfers=False,
            work_kind="data",
            lacks=("this Agreement", "this agreement", "the Client", "the Provider", "the Deliverables", "licence"),
        ),
    ),
    "studio-email": (
        studio_email,
        Facts(
            creator=("we", "Moth & Lantern Animation"),
            client=("you", "Dana", "Pellucid"),
            self_reference="this email",
            work_product=None,
            transfers=True,
            work_kind="creative",
            lacks=("this Agreement", "this agreement", "the Client", "the Provider", "the Deliverables", "I "),
        ),
    ),
    "music-commission": (
        music_commission,
        Facts(
            creator=("Composer",),
            client=("Producer",),
            self_reference="this Agreement",
            work_product="Work",
            transfers=False,
            work_kind="creative",
            lacks=("this agreement", "the Client", "the Provider", "the Deliverables", "Work Product"),
            false_alarm="to collect the writer's share",
            extra={"cross_refs": ("clause 1.1", "clause 3.2"), "own_rights": ("Composer's showreel",)},
        ),
    ),
    "us-software-development": (
        us_software_development,
        Facts(
            creator=("Developer",),
            client=("Company",),
            self_reference="this Agreement",
            work_product="Custom Code",
            transfers=True,
            work_kind="software",
            lacks=("this agreement", "the Client", "the Provider", "the Deliverables", "licence", "Work Product"),
            false_alarm="generative AI coding tools of its choice",
            extra={"cross_refs": ("Section 7(b)", "Section 8"), "background": "Developer Tools"},
        ),
    ),
    "au-influencer": (
        au_influencer,
        Facts(
            creator=("you", "Mia Tran"),
            client=("we", "Wattle & Finch"),
            self_reference="this agreement",
            work_product="Content",
            transfers=False,
            work_kind="creative",
            lacks=("this Agreement", "the Client", "the Provider", "the Deliverables", "Work Product", "the Creator"),
            extra={"trains": "to train or improve our products and services", "table": "Usage"},
        ),
    ),
    "us-translation-msa": (
        us_translation_msa,
        Facts(
            creator=("Vendor",),
            client=("Northgate",),
            self_reference="this Agreement",
            work_product="Work Product",
            transfers=True,
            work_kind="general",
            lacks=("this agreement", "the Client", "the Provider", "the Deliverables", "licence", "the Vendor"),
            extra={"cross_refs": ("Section 3",), "background": "Pre-Existing Materials"},
        ),
    ),
    "ca-platform-licence": (
        ca_platform_licence,
        Facts(
            creator=("Tessellate",),
            client=("Customer",),
            self_reference="this Agreement",
            work_product="Customizations",
            transfers=True,  # the Customizations are assigned on payment; the Platform is licensed
            work_kind="software",
            lacks=("this agreement", "the Client", "the Provider", "the Deliverables", "Work Product", "the Vendor"),
            false_alarm="to improve the Services and to develop new products",
            extra={
                "cross_refs": ("section 2.1", "Sections 3 and 4"),
                "background": "Tessellate Materials",
            },
        ),
    ),
    "uk-picture-book": (
        uk_picture_book,
        Facts(
            creator=("Illustrator",),
            client=("Publisher",),
            self_reference="this agreement",
            work_product="Artwork",
            transfers=False,
            work_kind="creative",
            lacks=("this Agreement", "the Client", "the Provider", "the Deliverables", "Work Product"),
            false_alarm="in their portfolio and on their own website",
            extra={"media": "now known or hereafter invented", "asserts": "asserts the right to be identified"},
        ),
    ),
    "us-game-art": (
        us_game_art,
        Facts(
            creator=("Contractor",),
            client=("Company",),
            self_reference="this Agreement",
            work_product="Assets",
            transfers=True,
            work_kind="creative",
            lacks=("this agreement", "the Client", "the Provider", "the Deliverables", "Work Product", "licence"),
            false_alarm="Contractor shall not use any generative artificial intelligence tool",
            extra={
                "cross_refs": ("Sections 3 and 5",),
                "background": "Contractor Tools",
                "trains": "to train, fine-tune and test the machine learning models",
                "table": "Asset",
                "own_rights": ("display the Assets in its portfolio",),
            },
        ),
    ),
    "ie-narration": (
        ie_narration,
        Facts(
            creator=("Narrator",),
            client=("Producer",),
            self_reference="this Agreement",
            work_product="Recordings",
            transfers=True,  # the performer's property rights are assigned
            work_kind="creative",
            lacks=("this agreement", "the Client", "the Provider", "the Deliverables", "Work Product", "Section"),
            extra={
                "cross_refs": ("Clause 4", "Clauses 4 and 5"),
                "media": "now known or hereafter devised",
                "voice": "corrections and additional words or lines in the Narrator's voice",
            },
        ),
    ),
    "us-purchase-order": (
        us_purchase_order,
        Facts(
            creator=("Seller", "Jonah Okafor"),
            client=("Buyer", "Harlow & Pine"),
            self_reference="this Order",
            work_product="Work Product",
            transfers=True,  # the back's boilerplate assigns; the face (which prevails) keeps copyright with Seller
            work_kind="creative",
            lacks=("this Agreement", "this agreement", "the Client", "the Provider", "the Deliverables", "licence"),
            extra={
                "face": "Seller retains copyright in all photographs delivered under this Order.",
                "trains": "to develop, train and improve Buyer's product-search",
                "precedence": "the face of this Order prevails",
                "table": "Line",
            },
        ),
    ),
    "uk-translation-rights": (
        uk_translation_rights,
        Facts(
            creator=("the Proprietor", "Helen Marchetti"),
            client=("the Publishers", "Verlag Lindenhof"),
            self_reference="this Agreement",
            work_product="the Work",
            transfers=False,  # an exclusive licence of translation rights; the Proprietor keeps the copyright
            work_kind="creative",
            lacks=("this agreement", "the Client", "the Provider", "the Deliverables", "Work Product", "license"),
            false_alarm="are reserved to the Proprietor",
            extra={
                "cross_refs": ("Clause 1",),
                "plural_client": "the Publishers shall",
                "machine": "machine translation or other automated tools",
                "mining": "text and data mining services",
            },
        ),
    ),
    "au-software-escrow": (
        au_software_escrow,
        Facts(
            creator=("Developer",),
            client=("Client",),
            self_reference="this agreement",
            work_product="Software",
            transfers=True,  # the Project IP vests in Client on creation; the Developer IP is licensed
            work_kind="software",
            lacks=("this Agreement", "the Client", "the Developer", "the Provider", "the Deliverables", "Work Product"),
            false_alarm="must not use any generative artificial intelligence tool",
            extra={
                "cross_refs": ("clause 6.3", "Clauses 5, 6 and 8"),
                "background": "Developer IP",
                "trains": "to train, fine-tune or evaluate artificial intelligence models",
                "escrow": "solely to support, maintain and correct the Software",
            },
        ),
    ),
    "us-voice-likeness": (
        us_voice_likeness,
        Facts(
            creator=("Performer", "Dana Whitlock"),
            client=("Studio", "Brightwater Interactive"),
            self_reference="this Agreement",
            work_product="the Recordings",
            transfers=True,  # made for hire, with a back-up assignment
            work_kind="creative",
            lacks=("this agreement", "the Client", "the Provider", "the Deliverables", "Work Product", "licence"),
            false_alarm="in Performer's demo reel",
            extra={
                "cross_refs": ("Sections 2 and 3",),
                "replica": "to create a digital replica of Performer's voice",
                "trains": "as training data for speech synthesis",
                "likeness": "Likeness",
                "table": "Session fee",
            },
        ),
    ),
    "us-ai-platform-customer": (
        us_ai_platform_customer,
        Facts(
            creator=("Customer", "Fernhill Design Studio"),
            client=("Canvasly",),
            self_reference="these Terms",
            work_product="Customer Content",
            transfers=False,  # Customer keeps its Inputs and owns the Outputs; Canvasly takes licences
            work_kind="creative",
            lacks=(
                "this Agreement",
                "this agreement",
                "the Client",
                "the Provider",
                "the Deliverables",
                "Work Product",
            ),
            false_alarm="to provide the Service to Customer",
            extra={
                "we": "Customer",
                "cross_refs": ("Section 3.3", "Sections 3, 4 and 6"),
                "trains": "to develop, fine-tune and enhance the generative models underlying the Service",
                "usage": "may use it for any purpose",
                "feedback": "incorporate the Feedback",
                "follow_up": "Any such use will be subject to Canvasly's security measures",
            },
        ),
    ),
    "licence-articles": (
        licence_articles,
        Facts(
            creator=("Licensor", "Ondine Marr"),
            client=("Licensee", "Kestrel Learning Press"),
            self_reference="this Agreement",
            work_product="Licensed Works",
            transfers=False,  # a licence only; copyright stays with Licensor
            work_kind="creative",
            lacks=(
                "this agreement",
                "the Client",
                "the Provider",
                "the Deliverables",
                "Work Product",
                "license ",
                "Section",
            ),
            false_alarm="are reserved to Licensor",
            extra={
                "cross_refs": ("Article 4.1", "Articles 4.1(i) and 6"),
                "media": "now known or hereafter devised",
                "sublicence": "may grant sublicences",
                "process": "using any technology, including automated and machine-assisted tools",
                "table": "Series",
            },
        ),
    ),
}


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (builder, _facts) in CONTRACTS.items():
        path = folder / f"{name}.docx"
        path.write_bytes(builder())
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/rv")):
        sys.stdout.write(f"{path}\n")
