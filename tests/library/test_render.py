import pytest

from noai.errors import RenderError, UnknownVariantError
from noai.library import load_library, render, render_many
from noai.library.render import Filler, fill_known, first_person, possessive


def test_a_term_with_an_article_keeps_it_and_is_capitalised_at_sentence_start(library):
    rendered = render(library.get("ai-indemnity"), "standard", {"client": "the Client", "provider": "the Designer"})
    assert rendered.paragraphs[-2].startswith("The Client shall indemnify the Designer against")


def test_a_bare_term_stays_bare(library):
    rendered = render(library.get("ai-indemnity"), "standard", {"client": "Customer", "provider": "Provider"})
    assert rendered.paragraphs[-2].startswith("Customer shall indemnify Provider against")


def test_possessives_follow_the_document_term(library):
    rendered = render(library.get("no-ai-training"), "standard", {"client": "Company"})
    assert "Company's affiliates" in " ".join(rendered.paragraphs)


@pytest.mark.parametrize(
    "term, expected",
    [
        ("Customer", "Customer's"),
        ("the Client", "the Client's"),
        ("the Deliverables", "the Deliverables'"),
        ("you", "your"),
        ("You", "Your"),
        ("we", "our"),
        ("Business", "Business's"),
    ],
)
def test_possessive_forms(term, expected):
    assert possessive(term) == expected


def test_a_pronoun_client_gets_its_possessive_pronoun(library):
    rendered = render(library.get("no-ai-training"), "standard", {"client": "you", "provider": "Microsoft"})
    text = " ".join(rendered.paragraphs)
    assert text.count("You shall not") >= 1 and "your affiliates" in text and "you's" not in text


def test_neutral_fallbacks_fill_what_the_document_does_not_define(library):
    rendered = render(library.get("choice-of-law"), "standard", {})
    text = rendered.paragraphs[-1]
    assert "the laws of [the Provider's home jurisdiction]" in text
    assert "the courts of [the Provider's home jurisdiction]" in text


def test_a_fallback_uses_the_documents_other_terms(library):
    rendered = render(library.get("choice-of-law"), "standard", {"provider": "Contractor"})
    assert "[Contractor's home jurisdiction]" in rendered.paragraphs[-1]


def test_a_term_is_defined_once_across_several_clauses(library):
    selection = [(library.get(i), "standard") for i in ("no-ai-training", "ai-indemnity", "reservation-of-rights")]
    rendered = render_many(selection, {"client": "Customer"})
    everything = [p for r in rendered for p in r.paragraphs]
    assert sum(p.startswith("“Prohibited AI Use” means") for p in everything) == 1
    assert rendered[0].defined == ("AI System", "AI Vendor", "Protected Materials", "Prohibited AI Use")
    assert rendered[1].defined == () and rendered[2].defined == ()


def test_the_first_clause_that_uses_a_term_defines_it_dependencies_first(library):
    rendered = render(library.get("ai-indemnity"), "standard", {})
    assert rendered.defined == ("Protected Materials", "AI System", "Prohibited AI Use")
    assert [p.split(" means")[0] for p in rendered.paragraphs[:3]] == [f"“{t}”" for t in rendered.defined]


def test_a_batch_keeps_the_owning_clauses_variant_for_the_definition(library):
    def definition(rendered):
        return next(p for p in rendered.paragraphs if p.startswith("“Prohibited AI Use” means"))

    strict = definition(render(library.get("no-ai-training"), "strict", {}))
    rendered = render_many([(library.get("ai-indemnity"), "minimal"), (library.get("no-ai-training"), "strict")], {})
    assert definition(rendered[0]) == strict
    assert "Prohibited AI Use" not in rendered[1].defined


def test_terms_the_document_already_defines_are_not_defined_again(library):
    rendered = render(library.get("scope-limitation"), "standard", {}, already_defined={"Prohibited AI Use"})
    assert rendered.defined == ("Permitted Purpose",)


def test_definitions_of_an_addendum_follow_its_opening_paragraph(library):
    rendered = render(library.get("data-usage-addendum"), "standard", {"client": "Customer"})
    assert rendered.paragraphs[0].startswith("This Data and AI Usage Addendum")
    assert rendered.paragraphs[1].startswith("“AI System” means")


def test_a_placeholder_without_value_or_fallback_is_a_render_error(data_dir):
    library = load_library([data_dir / "user"])
    with pytest.raises(RenderError) as info:
        render(library.get("portfolio-rights"), "standard", {"client": "Customer"})
    assert info.value.detail["placeholder"] == "studio"


def test_a_user_placeholder_is_filled_when_given(data_dir):
    library = load_library([data_dir / "user"])
    rendered = render(
        library.get("portfolio-rights"), "standard", {"studio": "Inkwell Studio", "deliverables": "the Artwork"}
    )
    assert rendered.paragraphs == (
        "Inkwell Studio may show the Artwork in Inkwell Studio's portfolio after publication.",
    )


def test_an_unknown_variant_is_refused(library):
    with pytest.raises(UnknownVariantError):
        render(library.get("no-ai-training"), "lenient", {})


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("without {provider}'s prior written consent", "without my prior written consent"),
        ("are reserved to {provider}, including", "are reserved to me, including"),
        ("the materials {provider} creates or supplies under", "the materials I create or supply under"),
        ("{Provider} is the owner and {provider} has the right", "I am the owner and I have the right"),
        ("that {provider} reasonably believes", "that I reasonably believe"),
        ("{Client} shall not permit {provider} to", "You shall not permit me to"),
        ("and {client} receives a license", "and you receive a license"),
        ("output in the style of {provider}", "output in my style"),
        ("shall hold harmless {provider} and {provider}'s officers", "shall hold harmless me and my officers"),
        ("would cause {provider} irreparable harm", "would cause me irreparable harm"),
        ("{Provider} created the work", "I created the work"),
    ],
)
def test_a_party_the_document_calls_i_or_you_takes_the_pronouns_case_and_verb(template, expected):
    assert Filler({}, {"provider": "I", "client": "you"}).fill(template) == expected


def test_a_named_party_keeps_the_third_person():
    filled = Filler({}, {"provider": "the Studio", "client": "Customer"}).fill(
        "materials {provider} creates, to {client}"
    )
    assert filled == "materials the Studio creates, to Customer"


def test_a_comment_written_with_i_as_the_creator_reads_in_the_first_person():
    assert first_person(
        "you license the work and I keeps ownership; we reserve to I the rest, without I's consent"
    ) == ("you license the work and I keep ownership; we reserve to me the rest, without my consent")


def test_a_defined_you_keeps_its_capital_and_takes_the_plural_verb():
    filled = Filler({}, {"provider": "Juniper", "client": "You"}).fill(
        "{client} indemnifies {provider} against use by {client}"
    )
    assert filled == "You indemnify Juniper against use by You"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("the Website", "The Website is code; the Website was delivered"),
        ("the Work Product", "The Work Product is code; the Work Product was delivered"),
        ("Work Made for Hire", "Work Made for Hire is code; Work Made for Hire was delivered"),
        ("the Drawings", "The Drawings are code; the Drawings were delivered"),
        ("the Analysis", "The Analysis is code; the Analysis was delivered"),
        ("the notes I make", "The notes I make are code; the notes I make were delivered"),
    ],
)
def test_a_singular_work_name_takes_a_singular_verb_where_the_template_says_are(term, expected):
    filled = Filler({}, {"deliverables": term}).fill("{Deliverables} are code; {deliverables} were delivered")
    assert filled == expected


def test_a_singular_term_that_is_not_the_subject_leaves_the_plural_verb_alone():
    filler = Filler({}, {"deliverables": "the Website", "agreement": "this Agreement"})
    filled = filler.fill("the licenses of {deliverables} under {agreement} are limited")
    assert filled == "the licenses of the Website under this Agreement are limited"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("damage caused by {client} and anyone it hires", "damage caused by you and anyone you hire"),
        ("{Client} shall certify that it deleted the copies", "You shall certify that you deleted the copies"),
        ("the tools {provider} used before it later signs", "the tools I used before I later sign"),
        ("{client} shall return the file; it holds personal data", "you shall return the file; it holds personal data"),
        (
            "{client} pays for any use as if it were a sale by {client}",
            "you pay for any use as if it were a sale by you",
        ),
        ("{client} may stop the use and end it", "you may stop the use and end it"),
    ],
)
def test_it_standing_for_a_party_the_document_calls_you_or_i_becomes_that_pronoun(template, expected):
    assert Filler({}, {"provider": "I", "client": "you"}).fill(template) == expected


def test_it_after_a_named_party_stays_it():
    filled = Filler({}, {"provider": "Orchard Ltd", "client": "you"}).fill("{client} and {provider} and staff it hires")
    assert filled == "you and Orchard Ltd and staff it hires"


def test_a_british_document_gets_the_noun_licence_and_keeps_the_verb_license():
    template = (
        "{client} may not sell or license the drawings, and has no license to copy them; any other use needs "
        "a separate written license. The licenses granted are exclusive, with the right to license others."
    )
    british = Filler({}, {"client": "the Publisher", "licence": "licence"}).fill(template)
    assert british == (
        "the Publisher may not sell or license the drawings, and has no licence to copy them; any other use needs "
        "a separate written licence. The licences granted are exclusive, with the right to license others."
    )
    assert Filler({}, {"client": "the Publisher"}).fill(template).count("license") == 5


def test_the_documents_own_words_quoted_in_a_comment_keep_their_spelling():
    filled = Filler({}, {"licence": "licence", "match": "a license to print"}).fill("This wording (“{match}”)")
    assert filled == "This wording (“a license to print”)"


def test_a_comment_already_in_the_first_person_keeps_i_before_a_plain_verb():
    assert first_person("the work and other materials I create or supply, reserved to I") == (
        "the work and other materials I create or supply, reserved to me"
    )


def test_a_text_filled_with_known_terms_takes_a_you_or_we_partys_case_and_verbs():
    terms = {"client": "you", "provider": "we", "deliverables": "the video", "agreement": "this email"}
    filled = fill_known("have {client} bind anyone it later assigns {deliverables} to; keep {provider}'s tools", terms)
    assert filled == "have you bind anyone you later assign the video to; keep our tools"


def test_a_text_filled_with_known_terms_leaves_a_documents_own_braces_as_written():
    terms = {"client": "the Client", "provider": "the Designer"}
    text = "{client} bind anyone it later assigns; the form says “{Client Name}” and {deliverables}"
    assert (
        fill_known(text, terms)
        == "the Client bind anyone it later assigns; the form says “{Client Name}” and {deliverables}"
    )


def test_a_british_document_gets_the_nouns_licence_and_sublicence_and_ise_verbs_while_the_verb_stays_license():
    text = "{Client} shall not authorize any sublicense, grant a license or license others; vectorizing is barred."
    british = Filler({}, {"client": "the Buyer", "licence": "licence"}).fill(text)
    assert british == (
        "The Buyer shall not authorise any sublicence, grant a licence or license others; vectorising is barred."
    )
    assert Filler({}, {"client": "the Buyer"}).fill(text) == text.replace("{Client}", "The Buyer")


def test_the_works_pronoun_follows_the_number_of_its_name():
    text = "{deliverables} are data; datasets derived from {them} are covered."
    assert "derived from it" in Filler({}, {"deliverables": "the Licensed Corpus"}).fill(text)
    assert "derived from them" in Filler({}, {"deliverables": "the Photographs"}).fill(text)


def test_an_american_document_gets_the_noun_license_in_our_comments_and_its_own_quotes_stay_as_written():
    text = "This limits the licences of {deliverables} and every sublicence (“{match}”)."
    american = Filler({}, {"deliverables": "the Website", "match": "a licence to print"}).fill(text)
    assert american == "This limits the licenses of the Website and every sublicense (“a licence to print”)."


@pytest.mark.parametrize(
    "text",
    [
        "a license to use; A LICENSE; the sublicenses",
        "authorize, organizing and ORGANIZATION",
        "no word to change here",
        "a licen\u017fe (long s) and recogni\u017fing",
        "a l\u0131cense and a L\u0130CENSE",
        "an exclusive license, authorized in writing",
    ],
)
def test_british_spelling_skips_a_substitution_only_where_it_could_change_nothing(text):
    import importlib

    render = importlib.import_module("noai.library.render")
    unfiltered = render._IZE.sub(
        r"\1s\2", render._LICENSE_NOUN.sub(lambda m: m.group(1) + m.group(2).replace("icense", "icence"), text)
    )
    assert render._british(text) == unfiltered
