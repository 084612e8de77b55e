import pytest

from noai.library import VARIANTS, render_fix

TERMS = {"client": "Customer", "provider": "Provider", "deliverables": "Deliverables"}


def test_any_and_all_purposes_becomes_the_permitted_purpose(library):
    fix = render_fix(library.fix_for("any_and_all_purposes"), "standard", "for any and all purposes", TERMS)
    assert (fix.action, fix.replacement) == ("replace", "solely for the Permitted Purpose")
    assert fix.uses == ("Permitted Purpose",)
    assert library.clause_defining(fix.uses[0]).id == "scope-limitation"
    assert "“for any and all purposes”" in fix.comment  # the document's phrase, quoted


def test_future_technologies_keep_the_documents_words_and_exclude_ai(library):
    fix = render_fix(library.fix_for("future_technologies"), "standard", "now known or hereafter developed", TERMS)
    assert fix.replacement == "now known or hereafter developed, excluding any Prohibited AI Use"


def test_a_sentence_initial_phrase_gets_a_capitalised_replacement(library):
    fix = render_fix(library.fix_for("any_and_all_purposes"), "strict", "For any purpose", TERMS)
    assert fix.replacement == "Solely for the Permitted Purpose"


def test_phrases_match_regardless_of_case_and_spacing(library):
    fix = render_fix(library.fix_for("perpetual_irrevocable"), "strict", "Perpetual,  Irrevocable", TERMS)
    assert fix.replacement == "Revocable"


def test_the_minimal_variant_only_comments_where_it_should(library):
    fix = render_fix(library.fix_for("perpetual_irrevocable"), "minimal", "perpetual, irrevocable", TERMS)
    assert (fix.action, fix.replacement) == ("comment", None)


def test_an_unlisted_phrase_falls_to_the_comment_rule(library):
    fix = render_fix(library.fix_for("any_and_all_purposes"), "standard", "unrestricted", TERMS)
    assert fix.action == "comment" and fix.replacement is None


def test_a_fix_without_a_catch_all_has_nothing_for_other_phrases(library):
    assert render_fix(library.fix_for("license_grant"), "standard", "worldwide", TERMS) is None


def test_work_made_for_hire_is_a_comment_except_in_strict_which_takes_the_status_out(library):
    fix = library.fix_for("work_made_for_hire")
    assert {render_fix(fix, v, "work made for hire", TERMS).action for v in ("standard", "minimal")} == {"comment"}
    strict = render_fix(fix, "strict", "works made for hire", TERMS)
    assert strict.action == "replace" and strict.replacement == "not works made for hire"


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_rule_of_every_fix_renders_without_braces(library, variant):
    for fix in library.fixes:
        for rule in fix.rules:
            phrase = rule.phrases[0] if rule.phrases else "some phrase"
            rendered = render_fix(fix, variant, phrase, {})
            text = f"{rendered.replacement or ''} {rendered.comment}"
            assert "{" not in text and "}" not in text, fix.id
