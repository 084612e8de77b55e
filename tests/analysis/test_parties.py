"""Parties, roles, the agreement's name for itself and the work product, on synthetic contracts:
one per class of error (preamble, signature block, cover-page table, I / you, Discloser /
Recipient, organisation names, no work product, self-names) and the user's ``we``."""

import pytest

from noai.analysis.audit import audit_paragraphs
from noai.analysis.parties import CLIENT, CREATOR, UNKNOWN, analyse, find_parties, resolve_we
from noai.errors import UnknownPartyError
from noai.ooxml.model import Paragraph


def paragraphs(*texts, table=()):
    """Paragraphs from texts; indexes listed in ``table`` are table cells."""
    return [Paragraph(index=i, text=t, original_text=t, in_table=i in table) for i, t in enumerate(texts)]


def roles(parties):
    return {p.terms[0]: p.role for p in parties.parties}


def test_the_preamble_names_each_party_with_its_legal_name_and_role():
    parties = find_parties(
        paragraphs(
            "This Design Agreement is made between Northwind Traders Ltd, a company registered in England "
            '(the "Client"), and Ada Byte LLC ("Designer").',
            '"Designs" means the logos and artwork the Designer creates under this Agreement.',
            "The Designer shall deliver the Designs. The Client shall pay the Designer's invoices.",
            "The Client owns the Designs once paid. The Designer shall create three concepts.",
        )
    )
    client, creator = parties.client, parties.creator
    assert (client.name, client.terms[0], client.evidence) == ("Northwind Traders Ltd", "Client", 0)
    assert (creator.name, creator.terms[0]) == ("Ada Byte LLC", "Designer")
    assert creator.confidence >= 0.7 and client.confidence >= 0.7
    assert parties.work_product.text == "Designs" and parties.work_product.index == 1


def test_organisation_names_are_the_parties_words_when_they_define_no_role():
    parties = find_parties(
        paragraphs(
            'This agreement is between Globex Corporation ("Globex") and Initech, Inc., '
            'a Texas corporation ("Initech").',
            'Globex shall develop the mobile application described in Exhibit A (the "Application").',
            "Globex shall deliver the Application by 1 May. Initech shall pay Globex the fees.",
            "Globex hereby assigns to Initech all rights in the Application. Initech shall pay within 30 days.",
        )
    )
    assert roles(parties) == {"Globex": CREATOR, "Initech": CLIENT}
    assert parties.party_of("Initech").name == "Initech, Inc."
    assert parties.work_product.text == "Application"
    assert parties.self_reference.text == "this agreement"


def test_a_signature_block_names_parties_the_body_hardly_uses():
    parties = find_parties(
        paragraphs(
            "Cover Page",
            "By signing below, Customer and Provider enter into this Order.",
            "Fees: 10,000 per month.",
            "Customer:",
            "Signature:",
            "Name:",
            "Provider:",
            "Signature:",
            "Name:",
        )
    )
    assert roles(parties) == {"Customer": CLIENT, "Provider": CREATOR}
    assert parties.party_of("Customer").evidence == 3
    assert all(p.name is None for p in parties.parties)  # no legal name is written


def test_signed_on_behalf_of_gives_a_known_party_its_legal_name():
    parties = find_parties(
        paragraphs(
            'This Agreement is made between the party named below as the client (the "Client") and the '
            'consultant named below (the "Consultant").',
            "The Consultant shall provide the Services. The Client shall pay the Consultant.",
            "The Consultant shall deliver the Report to the Client.",
            "Signed for and on behalf of the Client: HARBOUR FOODS LIMITED",
            "By: ________",
        )
    )
    assert parties.party_of("the Client").name == "HARBOUR FOODS LIMITED"
    assert parties.party_of("Consultant").name is None


def test_a_cover_page_table_names_the_parties_and_their_companies():
    parties = find_parties(
        paragraphs(
            "Provider",
            "Bright Studio Ltd, company number 0123",
            "Customer",
            "Acme Inc.",
            "Provider will design the Website. Customer will pay Provider monthly.",
            "Provider will deliver the Website to Customer. Customer owns the Website once paid.",
            table={0, 1, 2, 3},
        )
    )
    assert (parties.creator.terms[0], parties.creator.name) == ("Provider", "Bright Studio Ltd")
    assert (parties.client.terms[0], parties.client.name) == ("Customer", "Acme Inc.")
    assert parties.work_product.text == "Website"


def test_an_informal_contract_in_the_first_person_has_i_and_you_as_parties():
    terms, parties = analyse(
        paragraphs(
            "Logo design - what we agreed",
            "I'll design your new logo and I will deliver three concepts by Friday.",
            "You will pay me 500 pounds within 14 days of the final files.",
            "I keep the copyright in my sketches; I grant you a licence to use the final logo for your business.",
            "If you want changes, I will make two rounds of revisions.",
        )
    )
    assert roles(parties) == {"I": CREATOR, "you": CLIENT}
    assert parties.work_product is None  # "logo" is no defined name: none is invented
    assert terms.deliverables is None and "deliverables" not in terms.placeholders()
    assert (terms.provider.surface, terms.client.surface) == ("I", "you")


def test_a_one_way_nda_has_the_discloser_as_creator_and_the_recipient_as_client():
    parties = find_parties(
        paragraphs(
            'This Non-Disclosure Agreement is between Acme Labs Inc. (the "Discloser") and Beta LLC (the "Recipient").',
            "The Recipient shall use the Confidential Information only for the Purpose.",
            "The Discloser may disclose Confidential Information to the Recipient. The Recipient shall return it.",
            "The Discloser retains all rights in its Confidential Information. The Recipient gets no licence.",
        )
    )
    assert roles(parties) == {"Discloser": CREATOR, "Recipient": CLIENT}
    assert parties.creator.name == "Acme Labs Inc."
    assert parties.self_reference.text == "this Non-Disclosure Agreement" or parties.self_reference is None


def test_discloser_and_recipient_of_a_confidentiality_clause_are_no_parties_of_a_services_deal():
    parties = find_parties(
        paragraphs(
            'This Services Agreement is between Acme Inc. ("Customer") and Jo Studio LLC ("Provider").',
            "Provider shall perform the Services. Customer shall pay Provider.",
            "Recipient shall protect Discloser's Confidential Information. Recipient shall not disclose it.",
            "Recipient may share it with advisers. Discloser may ask for its return.",
        )
    )
    assert roles(parties) == {"Customer": CLIENT, "Provider": CREATOR}


def test_a_contract_with_no_work_product_reports_none():
    terms, parties = analyse(
        paragraphs(
            'This Consulting Agreement is between Acme Inc. (the "Client") and Jo Lee (the "Consultant").',
            "The Consultant shall advise the Client on its pricing. The Client shall pay the Consultant hourly.",
            "This Agreement is governed by the laws of England.",
        )
    )
    assert parties.work_product is None
    assert terms.deliverables is None and "deliverables" not in terms.placeholders()


@pytest.mark.parametrize(
    "texts, expected",
    [
        (
            (  # a UK public-sector form: the Contract, defined as itself
                '"Contract" means this contract between the Buyer and the Supplier, including its Schedules.',
                "The Supplier shall perform the Contract. The Buyer may terminate the Contract on notice.",
                "The Contract is governed by the law of England and Wales. The Term of the Contract is two years.",
            ),
            "the Contract",
        ),
        (
            (  # lower case throughout
                "This agreement is made on 1 March between Ann Smith and Bob Jones.",
                "Ann will paint the mural. This agreement ends when the mural is done.",
                "Nothing in this agreement makes Bob an employee.",
            ),
            "this agreement",
        ),
        (
            (  # a master agreement that names its statements of work and its term often
                'This Master Services Agreement (this "Agreement") is between Acme Inc. ("Client") '
                'and Jo LLC ("Vendor").',
                '"Statement of Work" means an order under this Agreement. "Term" means the term of this Agreement.',
                "Each Statement of Work lists fees. The Statement of Work prevails. The Term is one year. "
                "During the Term, "
                "the Statement of Work governs. Each Statement of Work ends with the Term.",
            ),
            "this Agreement",
        ),
        (
            (  # a statement of work on its own
                "This SOW is entered into under the Master Agreement between Customer and Provider.",
                "The Master Agreement governs this SOW. Provider will deliver the items in this SOW.",
            ),
            "this SOW",
        ),
    ],
)
def test_the_agreement_is_named_exactly_as_the_document_names_itself(texts, expected):
    terms, parties = analyse(paragraphs(*texts))
    assert parties.self_reference.text == expected
    assert terms.placeholders()["agreement"] == expected


def test_a_document_that_never_names_itself_has_no_self_reference():
    terms, parties = analyse(paragraphs("Logo: three concepts, two revisions.", "Price: 500 pounds."))
    assert parties.self_reference is None and terms.agreement is None


def test_roles_are_never_invented_when_the_document_names_no_party():
    result = audit_paragraphs(
        paragraphs("The logo shall be delivered in vector format.", "All rights in the logo are assigned on payment.")
    )
    data = result.to_dict()
    assert data["terms"]["client"] is None and data["terms"]["provider"] is None
    assert data["parties"] == [] and data["work_product"] is None
    assert data["we"] == {"given": None, "party": None, "role": None, "source": "inferred", "sure": False}


def test_role_of_maps_every_form_of_a_mention_to_its_party_role():
    parties = find_parties(
        paragraphs(
            'This licence is between Acme Corporation ("Acme") and you ("Licensee").',
            "Acme grants Licensee a non-exclusive licence to use the Software.",
            "Licensee shall pay Acme the licence fee. Licensee may not sublicense the Software.",
        )
    )
    assert parties.role_of("Acme") == parties.role_of("ACME's") == CREATOR
    assert parties.role_of("the Licensee") == parties.role_of("Licensee’s") == CLIENT
    assert parties.role_of("the Supplier") is None


# -- the user's party ------------------------------------------------------------------------------

CONTRACT = (
    'This Services Agreement is between Acme Inc. (the "Client") and Jo Lee Studio LLC (the "Studio").',
    '"Deliverables" means the designs the Studio creates under this Agreement.',
    "The Studio shall deliver the Deliverables. The Client shall pay the Studio.",
    "The Studio hereby assigns to the Client all rights in the Deliverables.",
)


@pytest.mark.parametrize(
    "given, role",
    [
        ("Studio", CREATOR),
        ("the Client", CLIENT),
        ("Jo Lee Studio", CREATOR),
        ("acme inc.", CLIENT),
        ("creator", CREATOR),
        ("licensee", CLIENT),
    ],
)
def test_we_resolves_a_name_a_word_or_a_role_to_a_party(given, role):
    we = resolve_we(find_parties(paragraphs(*CONTRACT)), given)
    assert (we.role, we.source, we.sure, we.given) == (role, "user", True, given)
    assert we.party is not None


def test_we_that_names_no_party_is_a_typed_error_listing_the_parties():
    with pytest.raises(UnknownPartyError) as caught:
        resolve_we(find_parties(paragraphs(*CONTRACT)), "Globex")
    error = caught.value
    assert error.exit_code == 2 and error.status == 422 and error.code == "unknown-party"
    assert {p["terms"][0] for p in error.detail["parties"]} == {"Client", "Studio"}
    assert "Client" in error.message and "Studio" in error.message


def test_we_is_inferred_as_the_creator_and_unsure_when_the_roles_are_unclear():
    sure = resolve_we(find_parties(paragraphs(*CONTRACT)), None)
    assert (sure.role, sure.source, sure.sure) == (CREATOR, "inferred", True)
    unclear = resolve_we(
        find_parties(
            paragraphs(
                'Alpha Ltd ("Alpha") and Beta Ltd ("Beta") agree as follows.', "Alpha and Beta shall meet monthly."
            )
        ),
        None,
    )
    assert unclear.sure is False


def test_we_as_the_client_reads_the_contract_from_the_clients_side():
    ours = audit_paragraphs(paragraphs(*CONTRACT), we="Client")
    theirs = audit_paragraphs(paragraphs(*CONTRACT))
    assert ours.we.role == CLIENT and ours.terms.creator == "client"
    assert theirs.we.role == CREATOR and theirs.terms.creator == "provider"
    assert ours.to_dict()["we"]["given"] == "Client"


def test_an_unknown_role_word_leaves_the_party_role_unknown_not_guessed():
    parties = find_parties(
        paragraphs('Alpha Ltd ("Alpha") and Beta Ltd ("Beta") agree as follows.', "Alpha and Beta shall meet monthly.")
    )
    assert all(p.role == UNKNOWN for p in parties.parties) or parties.parties == ()


def test_a_term_defined_only_in_a_tracked_insertion_is_not_the_documents_work_product():
    texts = [
        'This Agreement is between Acme Inc. (the "Client") and Jo Lee (the "Designer").',
        '"Designs" means the logos the Designer creates. The Designer shall deliver the Designs.',
        '"Protected Materials" means the Designs and the Designer\'s sketches. The Client shall not use '
        "Protected Materials to train AI. Protected Materials stay licensed, not assigned, to the Client.",
    ]
    ps = [
        Paragraph(index=i, text=t, original_text="" if i == 2 else t, mark="inserted" if i == 2 else "normal")
        for i, t in enumerate(texts)
    ]
    assert find_parties(ps).work_product.text == "Designs"


def test_the_audit_is_unsure_who_we_are_when_the_client_brings_its_own_materials():
    saas = find_parties(
        paragraphs(
            'This Cloud Agreement is between Acme Inc. ("Provider") and Beta LLC ("Customer").',
            '"Customer Content" means the data and files Customer uploads to the Service.',
            "Provider shall provide the Service. Customer shall pay Provider. Provider may use Customer Content "
            "to provide the Service.",
        )
    )
    assert saas.client_materials == ("Customer Content",)
    we = resolve_we(saas, None)
    assert (we.role, we.sure) == (CREATOR, False)
    assert resolve_we(find_parties(paragraphs(*CONTRACT)), None).sure is True


@pytest.mark.parametrize(
    ("preamble", "body", "commissioner", "maker"),
    [
        (
            'This agreement is made between the Harlow Foundation for the Arts (the "Foundation") and Ines Varga '
            'of 14 Mill Lane, Leeds (the "Composer").',
            "The Composer shall write the score. The Foundation shall pay the Composer £900.",
            ("Foundation", "Harlow Foundation for the Arts"),
            ("Composer", "Ines Varga"),
        ),
        (
            'This Commission is entered into between Tidewater Museum ("Museum") and Kofi Mensah, residing at '
            '2 Bay Road, Accra ("Sculptor").',
            "The Sculptor shall make the piece, and the Museum shall pay the Sculptor the fee in two parts.",
            ("Museum", "Tidewater Museum"),
            ("Sculptor", "Kofi Mensah"),
        ),
    ],
)
def test_parties_named_after_between_are_parties_with_their_names_without_an_address(
    preamble, body, commissioner, maker
):
    # role words outside the lexicon (Foundation, Museum, Composer, Sculptor): the preamble still names
    # both as the agreement's parties; the one that pays commissions the work
    parties = find_parties(paragraphs("COMMISSION", preamble, body))
    by_term = {p.terms[0]: p for p in parties.parties}
    assert by_term[commissioner[0]].name == commissioner[1] and by_term[commissioner[0]].role == CLIENT
    assert by_term[maker[0]].name == maker[1]


def test_a_term_defined_in_the_preamble_that_names_the_agreement_or_the_work_is_no_party():
    parties = find_parties(
        paragraphs(
            'This licence (the "Licence") is made between Bright Lane Ltd (the "Publisher") and Omar Haddad '
            '(the "Author") for the novel (the "Work").',
            "The Author grants the Publisher a licence to publish the Work. The Publisher shall pay the Author.",
        )
    )
    assert {p.terms[0] for p in parties.parties} == {"Publisher", "Author"}


# A party's registration, incorporation or address after its name is never its name: "Wales under number
# 11223344" (the "and" of "England and Wales" is no second party), "Delaware corporation", "ABN 12 345".
@pytest.mark.parametrize(
    ("preamble", "first", "second"),
    [
        (
            "This agreement is made between Petra Olsen of 4 Quay Street, Hull (the \u201cArtist\u201d) and "
            "REDWING FILMS LIMITED, a company registered in England and Wales under number 55501234 "
            "(the \u201cCommissioner\u201d).",
            ("Artist", "Petra Olsen"),
            ("Commissioner", "REDWING FILMS LIMITED"),
        ),
        (
            "This Agreement is between Larch Systems Inc., a corporation incorporated under the laws of the State of "
            'Delaware and having its principal office in Austin ("Customer") and Fen & Reed LLP, whose registered '
            'office is at Unit 2 Smith and Sons Yard ("Consultant").',
            ("Customer", "Larch Systems Inc."),
            ("Consultant", "Fen & Reed LLP"),
        ),
        (
            "BETWEEN: Kestrel Digital Pty Ltd ABN 12 345 678 901 of Level 3, 10 Smith and Jones Street, Sydney "
            '("Client") AND Marlow Code Ltd, '
            'company number SC998877, registered in Scotland and Northern Ireland ("Developer").',
            ("Client", "Kestrel Digital Pty Ltd"),
            ("Developer", "Marlow Code Ltd"),
        ),
        (
            "This Agreement is entered into by Orchid Labs, Inc., a Delaware corporation and affiliate of Orchid "
            'Group ("Licensee"), and Tomas Berg, an individual domiciled in Sweden and Norway ("Licensor").',
            ("Licensee", "Orchid Labs, Inc."),
            ("Licensor", "Tomas Berg"),
        ),
        (
            "This agreement is made between Brackenfield Studio Limited (company number 07766554), registered "
            "in England and Wales with its registered office at 3 Mill Yard, Leeds (the \u201cStudio\u201d) and "
            "Harbour Print Ltd, a company organised and existing under the laws of Ireland (the \u201cClient\u201d).",
            ("Studio", "Brackenfield Studio Limited"),
            ("Client", "Harbour Print Ltd"),
        ),
    ],
)
def test_a_registration_incorporation_or_address_after_a_name_is_never_the_name(preamble, first, second):
    body = "The {0} shall deliver the work. The {1} shall pay the {0} the fee.".format(
        *((first[0], second[0]) if first[0] in ("Artist", "Studio", "Consultant") else (second[0], first[0]))
    )
    parties = find_parties(paragraphs("AGREEMENT", preamble, body))
    by_term = {p.terms[0]: p.name for p in parties.parties}
    assert by_term.get(first[0]) == first[1], by_term
    assert by_term.get(second[0]) == second[1], by_term


def test_a_company_named_and_registered_in_a_place_keeps_a_real_second_name_after_and():
    # "between A and B": the "and" before a second party's name still starts that name
    parties = find_parties(
        paragraphs(
            "AGREEMENT",
            "This agreement is made between Cobalt Tiles Ltd and Juniper Wells Ltd, a company registered in Wales "
            '(the "Supplier"). Cobalt Tiles Ltd is referred to as the "Buyer".',
            "The Supplier shall deliver the tiles. The Buyer shall pay the Supplier the price.",
        )
    )
    by_term = {p.terms[0]: p.name for p in parties.parties}
    assert by_term.get("Supplier") == "Juniper Wells Ltd", by_term


# A cover page's key-terms row that names the rights in a work names the work product, however few times the
# page uses the word (the body is a standard form incorporated by reference).
KEY_TERMS = ("KEY TERMS", "Customer", "Acme Freight Ltd", "Provider", "Beta Studio LLC")


@pytest.mark.parametrize(
    ("label", "value", "work"),
    [
        ("Ownership of Work Product", "Customer owns the Work Product once the fees are paid.", "Work Product"),
        ("Rights in the Designs:", "The Designs are licensed to Customer for its own marketing.", "Designs"),
        ("Licence to Software", "Provider licenses the Software to Customer for internal use.", "Software"),
    ],
)
def test_a_key_terms_row_naming_the_rights_in_a_work_names_the_work_product(label, value, work):
    texts = (*KEY_TERMS, label, value, "Fees", "USD 4,000")
    parties = find_parties(paragraphs(*texts, table=tuple(range(1, len(texts)))))
    assert parties.work_product is not None and parties.work_product.text == work


@pytest.mark.parametrize(
    ("texts", "table"),
    [
        # the row's value does not speak of the work: a label alone names nothing
        ((*KEY_TERMS, "Rights in Deliverables", "As set out in the order.", "Fees", "USD 4,000"), range(1, 9)),
        # the same words as a sentence of the body, not a key-terms row
        (
            (*KEY_TERMS, "Rights in Deliverables", "Deliverables are described in each order.", "Fees: USD 4,000"),
            range(1, 5),
        ),
    ],
)
def test_a_work_word_used_twice_outside_a_key_terms_row_about_its_rights_is_no_work_product(texts, table):
    parties = find_parties(paragraphs(*texts, table=tuple(table)))
    assert parties.work_product is None


# "Studio", "Agency", "Publisher" name either side: a games studio commissions art, a design studio makes it. What
# the party does decides, whatever the sentence starts with ("The Studio shall pay", "the Studio pays").
@pytest.mark.parametrize(
    "pays",
    [
        "The Studio shall pay the {maker} a fee of 4,000 pounds within 30 days of delivery.",
        "The Studio will, within 30 days of each invoice, pay the {maker} the fee in Schedule 2.",
        "For each accepted asset the Studio pays the {maker} the fee set out in Schedule 2.",
    ],
)
@pytest.mark.parametrize("maker", ["Artist", "Illustrator"])
def test_a_studio_that_commissions_and_pays_for_the_work_is_the_client(pays, maker):
    parties = find_parties(
        paragraphs(
            f'This agreement is made between Pixelforge Games Ltd (the "Studio") and Mara Quill (the "{maker}").',
            f'The {maker} will produce the character sheets listed in Schedule 1 (the "Assets").',
            pays.format(maker=maker),
            "All rights in the Assets vest in the Studio on creation.",
        )
    )
    assert roles(parties) == {"Studio": CLIENT, maker: CREATOR}


def test_a_design_studio_that_makes_the_work_and_is_paid_stays_the_creator():
    parties = find_parties(
        paragraphs(
            'This agreement is made between Brightside Retail plc (the "Customer") and Lumen Design LLP '
            '(the "Studio").',
            'The Studio shall design the packaging artwork described in the brief (the "Designs").',
            "The Studio shall, within two weeks of approval, deliver the Designs in print-ready form.",
            "The Customer shall pay the Studio's invoices within 30 days.",
        )
    )
    assert roles(parties) == {"Studio": CREATOR, "Customer": CLIENT}
