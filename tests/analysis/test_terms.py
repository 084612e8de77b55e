import pytest

from noai.analysis.terms import extract_terms
from noai.ooxml.model import Paragraph


def paragraphs(*texts, table=()):
    """Paragraphs from texts; indexes listed in ``table`` are table cells."""
    return [Paragraph(index=i, text=t, original_text=t, in_table=i in table) for i, t in enumerate(texts)]


def test_a_means_definition_and_a_parenthetical_name_the_parties():
    terms = extract_terms(
        paragraphs(
            'This Agreement is made between ACME Ltd, a Delaware corporation (the "Client"), '
            'and Jane Doe ("Designer").',
            '"Deliverables" means the designs the Designer creates under this Agreement.',
            "The Designer shall deliver the Deliverables. The Client shall pay the fees.",
            "The Client owns the Deliverables.",
        )
    )
    assert (terms.client.name, terms.client.surface, terms.client.defined_at) == ("Client", "the Client", 0)
    assert (terms.provider.name, terms.provider.surface) == ("Designer", "the Designer")
    assert terms.deliverables.name == "Deliverables" and terms.deliverables.defined_at == 1
    assert terms.creator == "provider"
    assert terms.placeholders()["client"] == "the Client"


def test_smart_quotes_hereinafter_and_shall_mean_are_definitions():
    terms = extract_terms(
        paragraphs(
            "Globex GmbH (hereinafter referred to as the \u201cCustomer\u201d) and Initech LLC "
            "(hereinafter \u2018Supplier\u2019).",
            "\u201cWork Product\u201d shall mean all software written for the Customer.",
            "Supplier shall develop the Work Product. Customer shall pay Supplier monthly. Supplier will deliver it.",
        )
    )
    assert terms.client.name == "Customer" and terms.client.surface == "Customer"
    assert terms.provider.name == "Supplier"
    assert terms.deliverables.name == "Work Product"
    assert set(terms.all) >= {"Customer", "Supplier", "Work Product"}


def test_hereinafter_called_in_capitals_is_a_definition_used_in_title_case():
    terms = extract_terms(
        paragraphs(
            "The City of Springfield, hereinafter called COMMISSION, and Smith Engineering, "
            "hereinafter called CONSULTANT.",
            "The Consultant shall perform the Services. The Commission shall pay the Consultant.",
            "The Consultant shall provide reports to the Commission.",
        )
    )
    assert terms.client.name == "COMMISSION" and terms.client.surface == "the Commission"
    assert terms.provider.name == "CONSULTANT" and "Consultant" in terms.provider.aliases


def test_with_several_aliases_the_body_form_used_most_is_the_surface():
    terms = extract_terms(
        paragraphs(
            'Bright Studio Inc. ("Service Provider" or "Developer") and Shop Co. ("Client").',
            "Developer shall create the app. Developer shall deliver the app. Service Provider shall invoice Client.",
            "Client shall pay Developer.",
        )
    )
    assert terms.provider.name == "Service Provider"
    assert terms.provider.surface == "Developer"
    assert terms.provider.aliases == ("Developer",)
    assert terms.placeholders()["provider"] == "Developer"


def test_service_provider_is_not_counted_as_a_use_of_provider():
    terms = extract_terms(
        paragraphs(
            '"Service Provider" means Acme.',
            '"Provider" means any provider of hosting.',
            "Service Provider shall perform the Services. Service Provider shall deliver reports.",
            '"Customer" means Shop Co. Customer shall pay Service Provider.',
        )
    )
    assert terms.all["Provider"].uses == 0
    assert terms.all["Service Provider"].uses == 3


def test_each_a_party_defines_the_singular_and_the_plural():
    terms = extract_terms(
        paragraphs(
            'Acme Inc. ("Client") and Beta LLC ("Contractor") (each a "Party" and together the "Parties").',
        )
    )
    assert {"Party", "Parties", "Client", "Contractor"} <= set(terms.all)


def test_quoted_text_that_is_no_definition_is_ignored():
    terms = extract_terms(
        paragraphs(
            'The software is provided "AS IS". All uses of "including" are non-exhaustive.',
            'Invoices must state the "burn rate".',
        )
    )
    assert terms.all == {}
    assert terms.client is None and terms.provider is None and terms.creator is None


def test_cover_page_placeholders_are_not_names():
    terms = extract_terms(
        paragraphs(
            "This SOW is between {provider_name} and {customer_name} (\u201c{short_name}\u201d).",
            "Provider shall perform the Services for Customer. Customer shall pay Provider.",
            "Provider will deliver the Deliverables to Customer.",
        )
    )
    assert not any("{" in name for name in terms.all)
    assert terms.client.name == "Customer" and terms.client.defined_at is None
    assert terms.provider.name == "Provider"


def test_a_two_column_definitions_table_defines_the_parties():
    terms = extract_terms(
        paragraphs(
            "Agency",
            "Bright Lights Ltd, company number 123",
            "Consultancy",
            "Jane Doe Consulting Ltd",
            "The Consultancy shall provide the Services to the Agency.",
            "The Agency shall pay the Consultancy's invoices.",
            table={0, 1, 2, 3},
        )
    )
    assert terms.client.name == "Agency" and terms.client.defined_at == 0
    assert terms.provider.name == "Consultancy" and terms.provider.defined_at == 2


def test_an_inline_definition_inside_an_assignment_is_found():
    terms = extract_terms(
        paragraphs(
            'Contractor hereby assigns to Company all inventions and other work product (the "Work Product").',
            "Company may use the Work Product. Contractor shall deliver the Work Product.",
        )
    )
    assert terms.deliverables.name == "Work Product" and terms.deliverables.defined_at == 0


def test_a_licence_maps_the_licensor_to_the_provider_side():
    terms = extract_terms(
        paragraphs(
            'This licence is between Acme Corporation ("Acme") and you ("Licensee").',
            "Acme grants Licensee a non-exclusive licence to use the Software.",
            "Licensee shall pay Acme the licence fee. Licensee may not sublicense the Software.",
        )
    )
    assert terms.provider.name == "Acme"
    assert terms.client.name == "Licensee"


def test_a_contributor_who_grants_is_the_creator_side_even_without_role_words():
    terms = extract_terms(
        paragraphs(
            'By signing, you agree with Example Foundation, located in Springfield ("Foundation").',
            '"You" or "Your" shall mean the copyright owner making a Contribution.',
            "You hereby grant Foundation a perpetual licence to Your Contributions.",
            "You represent that Your Contributions are original. Foundation may distribute them.",
        )
    )
    assert terms.provider.name == "You"
    assert terms.client.name == "Foundation"


def test_possessives_count_as_uses_and_keep_the_article():
    terms = extract_terms(
        paragraphs(
            'Acme Inc. (the "Client") and Beta LLC (the "Contractor").',
            "The Client's data stays with the Client. The Contractor shall deliver the Client's reports.",
        )
    )
    assert terms.client.uses == 3
    assert terms.client.surface == "the Client"


def test_the_governing_law_names_the_jurisdiction():
    terms = extract_terms(
        paragraphs(
            "This Agreement is governed by and construed in accordance with the laws of the State of New York.",
            "You may have other rights under the laws of your country.",
        )
    )
    assert (terms.jurisdiction.name, terms.jurisdiction.surface) == ("New York", "the State of New York")
    assert terms.placeholders()["jurisdiction"] == "the State of New York"


def test_a_governing_law_placeholder_is_no_jurisdiction():
    terms = extract_terms(paragraphs("This NDA is governed by the laws of the State of {governing_law}."))
    assert terms.jurisdiction is None


LAW_PARTIES = "Acme Inc. (the \u201cClient\u201d) and Beta LLC (the \u201cSupplier\u201d)."


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Ohio law will govern the Services Contract and any claim under it.", "Ohio"),
        ("Scots law shall govern this services agreement.", "Scotland"),
        ("This agreement is governed by and construed under Irish law.", "Ireland"),
        ("English law applies to this letter and to any dispute about it.", "England"),
        ("The laws of Manitoba govern this Order Form.", "Manitoba"),
        ("This Licence shall be governed by the law of the state of Vermont.", "Vermont"),
        ("This contract is subject to the laws of Northern Ireland.", "Northern Ireland"),
        ("These Terms are governed by the Laws of the Republic of Chile.", "Chile"),
        ("This Order is construed in accordance with the laws of the District of Columbia.", "District of Columbia"),
        (
            "This Agreement and its interpretation will be governed exclusively by its terms and the laws of "
            "the State of Oregon.",
            "Oregon",
        ),
    ],
)
def test_the_jurisdiction_is_read_in_every_word_order_of_a_governing_law_sentence(sentence, name):
    terms = extract_terms(paragraphs(LAW_PARTIES, sentence))
    assert terms.jurisdiction is not None and terms.jurisdiction.name == name
    assert terms.jurisdiction.defined_at == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The Supplier shall perform the Services in accordance with applicable law.",
        "Each party shall ensure compliance with the laws of any jurisdiction in which it operates.",
        "The Supplier shall comply with the export control laws of Canada.",
        "Beta LLC, a company organized and existing under the laws of Peru, governs its own staff.",
        "Nothing in this clause is to be construed as a waiver of any law.",
        "This Agreement is governed by the laws of the State of [insert state].",
    ],
)
def test_a_law_mentioned_but_not_chosen_sets_no_jurisdiction(sentence):
    terms = extract_terms(paragraphs(LAW_PARTIES, sentence))
    assert terms.jurisdiction is None


def test_a_statute_named_under_a_governing_law_heading_is_no_jurisdiction_but_the_chosen_law_after_it_is():
    label = Paragraph(index=0, text="Governing Law", original_text="Governing Law")
    statute = "Section 5-1401 of the Minnesota General Obligations Law applies."
    chosen = "This Agreement is governed by the laws of the State of Minnesota."
    texts = (statute, chosen)
    body = [Paragraph(index=i, text=t, original_text=t, heading="Governing Law") for i, t in enumerate(texts, 1)]
    terms = extract_terms([label, *body])
    assert (terms.jurisdiction.name, terms.jurisdiction.defined_at) == ("Minnesota", 2)


def test_a_governing_law_row_of_a_cover_page_names_the_jurisdiction():
    terms = extract_terms(paragraphs("Governing Law", "The laws of Scotland", table=(0, 1)))
    assert terms.jurisdiction.name == "Scotland"


def test_to_dict_is_plain_json_data():
    import json

    terms = extract_terms(
        paragraphs(
            'Acme Inc. (the "Client") and Beta LLC ("Developer" or "Studio").',
            "Developer shall create the app for the Client.",
        )
    )
    d = json.loads(json.dumps(terms.to_dict()))
    assert d["client"]["name"] == "Client"
    assert d["provider"]["aliases"] == ["Studio"]
    assert set(d["all"]) == {"Client", "Developer"}


def test_missing_roles_are_left_out_of_the_placeholders():
    terms = extract_terms(paragraphs('"Confidential Information" means any non-public information.'))
    assert terms.placeholders() == {}
    assert "Confidential Information" in terms.all


def test_every_use_of_a_party_is_counted_in_a_long_contract():
    # how long it takes is measured by benchmarks/audit_vs.py (linearity: 10x the paragraphs), never by a test
    body = ['Acme Inc. (the "Client") and Beta LLC (the "Contractor").'] + [
        f"{i}. The Contractor shall deliver item {i} to the Client, who shall pay for it." for i in range(3000)
    ]
    terms = extract_terms(paragraphs(*body))
    assert terms.client.uses == 3000  # the quoted definition is no use


def test_the_agreement_is_the_name_the_document_gives_itself_not_the_orders_made_under_it():
    terms = extract_terms(
        paragraphs(
            "This Master Services Agreement (this \u201cAgreement\u201d) is between Acme Inc. (the \u201cClient\u201d) "
            "and Jo Lee Studio LLC (the \u201cStudio\u201d).",
            "\u201cStatement of Work\u201d means a written order that refers to this Agreement.",
            "The Studio shall perform each Statement of Work. Each Statement of Work lists fees. A Statement of Work "
            "may be changed. If this Agreement and a Statement of Work conflict, the Statement of Work prevails.",
        )
    )
    assert terms.agreement.name == "Agreement"
    assert terms.placeholders()["agreement"] == "this Agreement"


def test_a_class_of_persons_defined_after_a_run_in_title_is_defined_but_no_party():
    texts = [
        "Acme Inc. (the \u201cClient\u201d) and Jo Lee Studio LLC (the \u201cStudio\u201d).",
        "The Studio shall design the logo. The Client shall pay the Studio.",
        "No AI Use. \u201cVendor\u201d means any person that develops, trains or operates an AI System.",
        "The Client shall not give the logo to a Vendor. No Vendor may train on it. Each Vendor is bound.",
    ]
    ps = paragraphs(*texts)
    ps[2] = Paragraph(index=2, text=texts[2], original_text=texts[2], run_in_title="No AI Use")
    terms = extract_terms(ps)
    assert "Vendor" in terms.all
    assert terms.provider.name == "Studio" and terms.client.name == "Client"


def test_a_role_word_ending_a_longer_name_is_no_use_of_that_role():
    terms = extract_terms(
        paragraphs(
            "Acme Inc. (the \u201cClient\u201d) and Jo Lee Studio LLC (the \u201cStudio\u201d).",
            "The Studio shall design the logo. The Client shall not give it to an AI Vendor.",
            "Every AI Vendor is bound. No AI Vendor may keep it. The AI Vendor shall delete it.",
        )
    )
    assert terms.provider.name == "Studio"
    assert "Vendor" not in {t.name for t in (terms.client, terms.provider)}


def test_role_words_only_in_tracked_insertions_name_no_party():
    texts = [
        "The controller shall instruct the processor.",
        "The Client shall not use the Deliverables for AI.",
        "The Client shall delete the Deliverables.",
        "The Client shall notify the Provider.",
    ]
    ps = [
        Paragraph(index=i, text=t, original_text="" if i else t, mark="inserted" if i else "normal")
        for i, t in enumerate(texts)
    ]
    terms = extract_terms(ps)
    assert terms.client is None and terms.deliverables is None


def test_you_defined_as_the_company_contributor_is_an_alias_of_that_party():
    terms = extract_terms(
        paragraphs(
            "The Project is run by Example Bank AG, acting through its London branch (the \u201cOperator\u201d).",
            'Each company signs this CCLA ("Company Contributor").',
            '"you" or "your" shall mean the Company Contributor that is entering into this CCLA with the Operator.',
            "you hereby agree to grant to users a license to your contributions. You represent that you may.",
        )
    )
    assert terms.provider.name == "Company Contributor"
    assert {"you", "your"} <= set(terms.provider.aliases)
    assert terms.provider.surface.endswith("Company Contributor")  # a pronoun alias never names the party


def test_uses_are_counted_within_paragraphs_never_across_them():
    # the document is searched as one text: a name may not run on from one paragraph into the next
    texts = [
        'Acme Ltd (the "Client") and Bo Smith (the "Service Provider").',
        "The Client shall pay the Service",
        "Provider shall perform the Services. The Service Provider shall deliver.",
    ]
    terms = extract_terms(paragraphs(*texts))
    assert terms.all["Service Provider"].uses == 1
    assert terms.client.uses == 1
    # a text holding the separator itself (none read from a .docx does) changes nothing
    nul = extract_terms(paragraphs(*texts[:2], "\0" + texts[2]))
    assert nul.all["Service Provider"].uses == 1 and nul.provider == terms.provider


def test_the_prefix_tree_of_names_matches_as_the_longest_first_alternation():
    import re

    from noai.analysis.terms import _alternation

    names = ["Work", "Work Product", "Works", "Client", "Clients", "C", "Provider", "Pro-vider", "a.b"]
    flat = re.compile("(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    tree = re.compile(_alternation(names) + r"(?![\w-])")
    text = "Work Products Works Clients C Client Pro-vider a.b axb Provider-x Work Productx Work"
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_a_term_defined_as_what_the_creator_supplies_is_the_work_product():
    terms = extract_terms(
        paragraphs(
            'This agreement is between Mara Quill (the "Author") and Lantern Press Ltd (the "Publisher").',
            'The Author will write and supply six short stories of about 4,000 words each (the "Stories").',
            "Copyright in the Stories stays with the Author. The Publisher may print the Stories in one anthology.",
        )
    )
    assert terms.deliverables is not None and terms.deliverables.name == "Stories"


def test_a_term_defined_as_images_the_creator_shoots_is_the_work_product():
    terms = extract_terms(
        paragraphs(
            'Agreement between Ossian Roe ("Artist") and Pell Outfitters LLC ("Company").',
            'Artist shall shoot the autumn campaign and deliver 25 retouched pictures ("Campaign Images").',
            "Artist grants Company a licence to use the Campaign Images in print for one year.",
        )
    )
    assert terms.deliverables is not None and terms.deliverables.name == "Campaign Images"


def test_information_supplied_or_an_agreement_prepared_is_not_the_work_product():
    terms = extract_terms(
        paragraphs(
            'This deed is between Harlow Ltd (the "Discloser") and Brent Oy (the "Recipient").',
            'The Discloser will supply technical data about its pumps (the "Technical Information").',
            'The parties will prepare and sign a further agreement (the "Supply Agreement").',
            "The Recipient shall not assign or license the Technical Information.",
        )
    )
    assert terms.deliverables is None


def test_a_document_that_writes_licence_more_than_license_spells_the_noun_the_british_way():
    british = extract_terms(
        paragraphs(
            'This agreement is between Tamsin Hale (the "Illustrator") and Copse Books Ltd (the "Publisher").',
            "The Illustrator grants the Publisher an exclusive licence to print the drawings.",
            "The Publisher may not license the drawings to anyone else. The licence ends after five years.",
        )
    )
    american = extract_terms(
        paragraphs(
            'Agreement between Rook Labs Inc. ("Customer") and Dale Ortiz ("Contractor").',
            "Contractor grants Customer a license to use the code. Customer may license it to affiliates.",
        )
    )
    assert british.licence == "licence" and british.placeholders()["licence"] == "licence"
    assert american.licence == "license" and "licence" not in american.placeholders()
    assert "licence" not in british.to_dict()
