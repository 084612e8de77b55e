from pathlib import Path

import pytest

from noai.errors import LibraryError
from noai.library import VARIANTS, load_library, render_fix, render_sentence_fix
from noai.library.loader import shipped_dir

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
            if rule.target == "sentence":
                rendered = render_sentence_fix(fix, variant, "The Client may train its models on the work.", {})
            else:
                rendered = render_fix(fix, variant, phrase, {})
            text = f"{rendered.replacement or ''} {rendered.comment}"
            assert "{" not in text and "}" not in text, fix.id


# -- a rule whose target is the whole sentence the red flag stands in --------------------------------------------

SENTENCE = "We may use the Deliverables to train our own   models."


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_sentence_rule_strikes_the_sentence_and_quotes_it_as_the_document_has_it(library, variant):
    fix = library.fix_for("existing_ai_restriction")
    rendered = render_sentence_fix(fix, variant, SENTENCE, {**TERMS, "client": "we"})
    assert (rendered.action, rendered.find, rendered.replacement) == ("replace", SENTENCE, "")
    # the document's words, spacing and voice kept ("We may", not reworded as the comment's "we" would be)
    assert "“We may use the Deliverables to train our own   models”" in rendered.comment


def test_a_sentence_rule_is_no_phrase_and_no_catch_all(library):
    fix = library.fix_for("existing_ai_restriction")
    assert fix.sentence_rule is not None and not fix.sentence_rule.phrases
    by_phrase = render_fix(fix, "standard", "a sentence permitting training", TERMS)
    assert by_phrase.comment.startswith("This change strikes “a sentence permitting training” from the grant")
    assert render_sentence_fix(library.fix_for("any_and_all_purposes"), "standard", SENTENCE, TERMS) is None


def _broken_fix(tmp_path: Path, old: str, new: str, name: str = "fix-existing-ai-restriction") -> list[dict]:
    source = (shipped_dir() / "fixes" / f"{name}.toml").read_text(encoding="utf-8")
    assert old in source
    (tmp_path / "fixes").mkdir()
    (tmp_path / "fixes" / f"{name}.toml").write_text(source.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        load_library([tmp_path])
    return [p for p in info.value.problems if p["file"].endswith(f"{name}.toml")]


@pytest.mark.parametrize(
    ("new", "field", "says"),
    [
        ('target = "sentence"\nphrases = ["train"]', "rules.0.phrases", "lists no phrases"),
        ('target = "sentence"\nreplacement = "{match}"', "rules.0.replacement", "give no `replacement`"),
        ('target = "paragraph"', "rules.0.target", "Must be one of: phrase, sentence."),
    ],
    ids=["with-phrases", "with-a-replacement", "unknown-target"],
)
def test_a_malformed_sentence_rule_is_refused_with_its_field_and_why(tmp_path, new, field, says):
    problems = _broken_fix(tmp_path, 'target = "sentence"', new)
    assert [p["field"] for p in problems] == [field], problems
    assert says in problems[0]["message"]


def test_a_sentence_rule_that_would_only_comment_is_refused(tmp_path):
    end = "{agreement}.'''\n\n[[rules]]"
    problems = _broken_fix(tmp_path, end, end.replace("\n\n", '\n\n[rules.minimal]\naction = "comment"\n\n', 1))
    assert [p["field"] for p in problems] == ["rules.0.minimal.action"], problems
    assert "strikes it (`replace`) or leaves it (`ignore`)" in problems[0]["message"]


def test_a_sentence_rule_in_a_fix_whose_finding_has_no_sentence_reading_is_refused(tmp_path):
    problems = _broken_fix(
        tmp_path,
        "[[rules]]\nphrases",
        '[[rules]]\ntarget = "sentence"\naction = "ignore"\ncomment = "No."\n\n[[rules]]\nphrases',
        name="fix-any-and-all-purposes",
    )
    assert [p["field"] for p in problems] == ["rules.0.target"], problems
    assert "Only a fix of existing_ai_restriction" in problems[0]["message"]


def test_two_sentence_rules_are_refused(tmp_path):
    second = '[[rules]]\ntarget = "sentence"\naction = "ignore"\ncomment = "No."\n\n[[rules]]\ntarget = "sentence"'
    problems = _broken_fix(tmp_path, '[[rules]]\ntarget = "sentence"', second)
    assert [p["field"] for p in problems] == ["rules.1.target"], problems
