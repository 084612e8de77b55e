"""Licences and informal commissions worded unlike the fixtures (issue 14, session 7): a licensor whose
role word names either side (Publisher, Owner), a rights holder, a work product defined after a
numbered run-in title, a corpus / dataset / database licence (data work), and the contracted or
informal transfer of an email ("we'll transfer", "it'll be yours", "you'll own"). Each class in both
directions: a "Publisher" that receives the licence stays the client."""

import pytest

from noai.analysis.audit import audit_paragraphs
from noai.analysis.parties import CLIENT, CREATOR, find_parties
from noai.analysis.work_kind import detect_work_kind
from noai.library.render import first_person
from noai.ooxml.model import Paragraph


def paragraphs(*texts, titles=None):
    """Paragraphs from texts; ``titles`` maps an index to its run-in title."""
    titles = titles or {}
    return [Paragraph(index=i, text=t, original_text=t, run_in_title=titles.get(i)) for i, t in enumerate(texts)]


def roles(parties):
    return {p.terms[0]: p.role for p in parties.parties}


def transfers(result):
    return {(f["actor"], f["beneficiary"]) for f in result["findings"] if f["kind"] == "ip_assignment"}


# -- who licenses: the act decides over a role word that names either side ---------------------


@pytest.mark.parametrize(
    ("licensor", "licensee"),
    [("Publisher", "Licensee"), ("Owner", "Customer"), ("Publisher", "Client"), ("Rights Holder", "Platform")],
)
def test_a_party_that_licenses_its_own_material_is_the_creator_whatever_its_role_word(licensor, licensee):
    parties = find_parties(
        paragraphs(
            f'This Archive Licence is made between Northgate Media Ltd ("{licensor}") and Quillon AI Inc '
            f'("{licensee}").',
            f"The {licensor} will supply the archive of photographs to the {licensee} on a hard drive.",
            f"The {licensor} grants the {licensee} a worldwide licence to copy and adapt the archive.",
            f"The {licensee} shall pay the {licensor} a fee of £40,000.",
        )
    )
    assert roles(parties) == {licensor: CREATOR, licensee: CLIENT}


@pytest.mark.parametrize("grantor", ["Author", "Licensor", "Illustrator"])
def test_a_publisher_that_receives_the_licence_stays_the_client(grantor):
    parties = find_parties(
        paragraphs(
            f'This agreement is between Ruth Okafor (the "{grantor}") and Tern Books Ltd (the "Publisher").',
            f"The {grantor} shall deliver the complete manuscript by 1 March.",
            f"The {grantor} grants the Publisher an exclusive licence to publish the manuscript in print.",
            "The Publisher shall pay the advance in two parts.",
        )
    )
    assert roles(parties) == {grantor: CREATOR, "Publisher": CLIENT}


def test_an_owner_that_commissions_and_receives_the_assignment_stays_the_client():
    parties = find_parties(
        paragraphs(
            'This agreement is between Harrow Estates plc (the "Owner") and Jun Park (the "Designer").',
            "The Designer shall design the signage for the Owner's buildings.",
            "The Designer hereby assigns to the Owner the copyright in the signage designs.",
            "The Owner shall pay the Designer £5,000.",
        )
    )
    assert roles(parties) == {"Owner": CLIENT, "Designer": CREATOR}


# -- the work product after a numbered run-in title; data work --------------------------------------


@pytest.mark.parametrize(
    ("lead", "title", "term"),
    [
        ("1. Definitions.", "Definitions", "Licensed Dataset"),
        ("Section 2 Definitions:", "Definitions", "Sensor Database"),
        ("1.1 Interpretation.", "Interpretation", "Sound Corpus"),
    ],
)
def test_a_work_product_defined_after_a_numbered_run_in_title_is_found(lead, title, term):
    parties = find_parties(
        paragraphs(
            'This Data Licence is made between Fieldnote Ltd ("Licensor") and Oxbow Systems Inc ("Licensee").',
            f'{lead} "{term}" means the recordings and their labels listed in the Schedule.',
            f"Licensor grants Licensee a licence to use the {term} to test its products.",
            f"Licensor keeps ownership of the {term}.",
            titles={1: title},
        )
    )
    assert parties.work_product is not None and parties.work_product.text == term


def test_a_numbered_definition_without_a_run_in_title_is_read_as_before():
    parties = find_parties(
        paragraphs(
            'This Licence is made between Fieldnote Ltd ("Licensor") and Oxbow Systems Inc ("Licensee").',
            '1. "Licensed Dataset" means the labelled recordings listed in the Schedule.',
            "Licensor grants Licensee a licence to use the Licensed Dataset.",
        )
    )
    assert parties.work_product is not None and parties.work_product.text == "Licensed Dataset"


@pytest.mark.parametrize("name", ["Licensed Corpus", "Dataset", "Reference Database", "Licensed Data Set"])
def test_a_licensed_corpus_dataset_or_database_is_data_work(name):
    texts = paragraphs(
        f'"{name}" means the full text of 4,000 news articles and their photographs, with metadata.',
        f"Licensor grants Licensee a licence to copy the {name}.",
    )
    assert detect_work_kind(texts, name).kind == "data"


def test_a_licensed_photograph_collection_is_not_data_work():
    texts = paragraphs(
        '"Licensed Images" means the 300 photographs of the Collection, with their captions.',
        "Licensor grants Licensee a licence to reproduce the Licensed Images in print.",
    )
    assert detect_work_kind(texts, "Licensed Images").kind == "creative"


# -- informal and contracted transfers ------------------------------------------------------------

EMAIL = (
    "Hi Priyanka,",
    "Thanks for the call. Our team will design the label artwork for your new cider range.",
    "We'll send three concepts next week and the final files by 1 June.",
    "You will pay us $2,000, half now and half when we deliver the final files.",
)


@pytest.mark.parametrize(
    "transfer",
    [
        "Once you've paid, we'll transfer the copyright in the final artwork to you.",
        "When the final invoice is paid, the final artwork is yours and we'll hand over the source files.",
        "After payment, we'll assign all rights in the final artwork to you.",
        "Once you've paid in full, you'll own the copyright in the final artwork.",
    ],
)
def test_an_informal_we_transfer_to_you_is_read_as_the_creator_giving_the_work_away(transfer):
    result = audit_paragraphs(paragraphs(*EMAIL, transfer, "Best,", "Mara")).to_dict()
    assert {(p["terms"][0], p["role"]) for p in result["parties"]} == {("we", CREATOR), ("you", CLIENT)}
    assert transfers(result) == {(CREATOR, CLIENT)}


def test_a_first_person_email_that_keeps_the_work_transfers_nothing():
    result = audit_paragraphs(
        paragraphs(
            *EMAIL,
            "We keep the copyright in the artwork; you get a licence to use it on your cider labels.",
            "Best,",
            "Mara",
        )
    ).to_dict()
    assert transfers(result) == set()


def test_a_platform_user_whose_photos_are_yours_stays_the_creator():
    parties = find_parties(
        paragraphs(
            "These terms apply when you upload photos to our platform.",
            "Your photos are yours: you keep ownership of them.",
            "You grant us a licence to host and display your photos on the platform.",
            "We will provide the platform to you. You will pay the subscription fee.",
        )
    )
    assert roles(parties) == {"you": CREATOR, "we": CLIENT}


@pytest.mark.parametrize("closing", ["Cheers,", "Kind regards,", "Best wishes, Mara", "Yours sincerely,"])
def test_an_emails_clauses_go_before_its_closing_and_signature(closing):
    texts = paragraphs(
        *EMAIL,
        "Once you've paid, we'll transfer the copyright in the final artwork to you.",
        "Let me know if that works.",
        closing,
        "Mara",
        "Lantern & Fox Design",
    )
    points = audit_paragraphs(texts).to_dict()["insertion_points"]
    signed = next(p.index for p in texts if p.text == closing)
    assert points and all(p["index"] < signed for p in points)


def test_an_email_that_calls_itself_this_email_is_named_so():
    parties = find_parties(paragraphs(*EMAIL, "If that works, reply to this email and we'll start.", "Best,", "Mara"))
    assert parties.self_reference is not None and parties.self_reference.text == "this email"


def test_an_email_address_is_not_a_name_for_the_document():
    parties = find_parties(paragraphs(*EMAIL, "Send the invoice to this email address: ap@cider.example.", "Best,"))
    assert parties.self_reference is None


# -- what we write for a "we" creator -------------------------------------------------------------


@pytest.mark.parametrize(
    ("filled", "written"),
    [
        ("cover imitation of we's style", "cover imitation of our style"),
        ("keep We's materials with we", "keep Our materials with us"),
        ("a licence granted to we by you", "a licence granted to us by you"),
        ("we keep that transfer, and we add a covenant", "we keep that transfer, and we add a covenant"),
    ],
)
def test_a_comment_filled_with_we_reads_as_first_person_plural(filled, written):
    assert first_person(filled) == written


def test_licensed_content_defined_as_texts_with_metadata_in_files_is_data_work():
    texts = paragraphs(
        '"Licensed Content" means the full text of 40,000 news reports, with their metadata, supplied as JSON files.',
        "Fenwick grants Lumen a licence to copy the Licensed Content.",
    )
    found = detect_work_kind(texts, "Licensed Content")
    assert found.kind == "data" and "describes" in found.reason


def test_licensed_content_defined_as_photographs_stays_creative_work():
    texts = paragraphs(
        '"Licensed Content" means the photographs and illustrations listed in the Schedule.',
        "Fenwick grants Lumen a licence to reproduce the Licensed Content in its magazine.",
    )
    assert detect_work_kind(texts, "Licensed Content").kind == "creative"


def test_of_two_self_names_used_as_often_the_one_the_document_defines_wins():
    parties = find_parties(
        paragraphs(
            'This Content Licence (this "Licence") is made between Fenwick Archive Ltd ("Licensor") and Lumen '
            'Models Ltd ("Licensee").',
            "Licensor grants Licensee a licence to copy the archive.",
            "This Licence is governed by the laws of England and Wales.",
        )
    )
    assert parties.self_reference is not None and parties.self_reference.text == "this Licence"
