from pathlib import Path

import pytest

from noai.errors import LibraryError, UnknownClauseError
from noai.library import VARIANTS, for_cases, load_library, render
from noai.library.loader import shipped_dir

SHIPPED_CLAUSES = {
    "no-ai-training",
    "scope-limitation",
    "reservation-of-rights",
    "ai-indemnity",
    "ai-remedies",
    "ai-transparency",
    "choice-of-law",
    "data-usage-addendum",
    "side-letter",
}


def test_the_shipped_library_loads_with_every_issue_clause(library):
    assert {c.id for c in library.clauses} >= SHIPPED_CLAUSES


def test_every_clause_has_all_three_variants_with_text(library):
    for clause in library.clauses:
        assert set(clause.variants) == set(VARIANTS), clause.id
        for variant in clause.variants.values():
            assert variant.title and variant.paragraphs and all(variant.paragraphs), (clause.id, variant.name)


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_clause_renders_with_fallbacks_and_no_brace_left(library, variant):
    for clause in library.clauses:
        rendered = render(clause, variant, {})
        text = " ".join([rendered.title, *rendered.paragraphs, rendered.comment])
        assert "{" not in text and "}" not in text, clause.id


def test_each_library_term_is_owned_by_one_clause(library):
    assert library.clause_defining("Prohibited AI Use").id == "no-ai-training"
    assert library.clause_defining("Permitted Purpose").id == "scope-limitation"


def test_an_unknown_clause_id_names_the_known_ones(library):
    with pytest.raises(UnknownClauseError, match="no-ai-training"):
        library.get("no-such-clause")


def test_every_invalid_file_is_reported_with_its_file_and_field(data_dir):
    with pytest.raises(LibraryError) as info:
        load_library([data_dir / "invalid"])
    found = {(Path(p["file"]).name, p["field"]) for p in info.value.problems}
    assert ("unknown-key.toml", "colour") in found
    assert ("missing-field.toml", "summary") in found
    assert ("bad-variant.toml", "variants.lenient") in found
    assert ("bad-variant.toml", "variants.minimal") in found
    assert ("unknown-placeholder.toml", "variants.standard.paragraphs.1") in found
    assert ("fix-bad-action.toml", "rules.0.action") in found
    assert "5 files" in info.value.message


def test_the_unknown_placeholder_problem_names_the_placeholder(data_dir):
    with pytest.raises(LibraryError) as info:
        load_library([data_dir / "invalid"])
    messages = [p["message"] for p in info.value.problems if p["file"].endswith("unknown-placeholder.toml")]
    assert any("{customer}" in m for m in messages)


def test_a_missing_clause_folder_is_a_problem_not_a_crash(tmp_path):
    with pytest.raises(LibraryError) as info:
        load_library([tmp_path / "nowhere"])
    assert info.value.problems[0]["message"] == "The clause folder does not exist."


def test_a_file_whose_id_is_not_its_name_is_refused(tmp_path):
    source = (shipped_dir() / "side-letter.toml").read_text(encoding="utf-8")
    (tmp_path / "letter.toml").write_text(source, encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        load_library([tmp_path])
    assert [(Path(p["file"]).name, p["field"]) for p in info.value.problems] == [("letter.toml", "id")]


def test_a_text_that_uses_a_term_it_does_not_declare_is_refused(tmp_path):
    source = (shipped_dir() / "ai-indemnity.toml").read_text(encoding="utf-8")
    (tmp_path / "ai-indemnity.toml").write_text(source.replace('uses = ["AI Vendor", ', "uses = ["), encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        load_library([tmp_path])
    assert any(p["field"] == "uses" and "AI Vendor" in p["message"] for p in info.value.problems)


def test_a_user_folder_overrides_a_shipped_clause_and_adds_its_own(data_dir, library):
    merged = load_library([data_dir / "user"])
    assert merged.get("scope-limitation").version == 2
    assert merged.get("scope-limitation").title != library.get("scope-limitation").title
    assert merged.get("portfolio-rights").kind == "reservation_of_rights"
    assert merged.get("no-ai-training").variants == library.get("no-ai-training").variants


def test_the_clauses_folder_can_be_moved_with_an_environment_variable(data_dir, monkeypatch):
    monkeypatch.setenv("NOAI_CLAUSES_DIR", str(data_dir / "invalid"))
    with pytest.raises(LibraryError) as info:
        load_library()
    assert all("invalid" in p["file"] for p in info.value.problems)


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_case_of_a_clause_renders_with_fallbacks_and_no_brace_left(library, variant):
    cased = [(c, case) for c in library.clauses for case in c.variants[variant].cases]
    for clause, case in cased:
        rendered = render(for_cases(clause, {case}), variant, {})
        text = " ".join([rendered.title, *rendered.paragraphs, rendered.comment])
        assert "{" not in text and "}" not in text, (clause.id, case)
        assert rendered.paragraphs != render(clause, variant, {}).paragraphs, (clause.id, case)


def test_a_clause_without_the_case_that_holds_keeps_its_own_text(library):
    clause = library.get("no-ai-training")
    assert for_cases(clause, {"exclusive"}) is clause  # no rung of the covenant depends on exclusivity
    assert for_cases(clause, set()) is clause


def test_a_case_the_library_does_not_know_is_refused(tmp_path):
    source = (shipped_dir() / "ai-indemnity.toml").read_text(encoding="utf-8")
    (tmp_path / "ai-indemnity.toml").write_text(
        source.replace("[variants.strict.cases.individual]", "[variants.strict.cases.sole-trader]"), encoding="utf-8"
    )
    with pytest.raises(LibraryError) as info:
        load_library([tmp_path])
    assert any("cases" in p["field"] for p in info.value.problems), info.value.problems


def test_a_case_text_with_an_unknown_placeholder_is_refused(tmp_path):
    source = (shipped_dir() / "ai-indemnity.toml").read_text(encoding="utf-8")
    (tmp_path / "ai-indemnity.toml").write_text(
        source.replace("hold harmless {provider} from", "hold harmless {creator} from"),
        encoding="utf-8",
    )
    with pytest.raises(LibraryError) as info:
        load_library([tmp_path])
    assert any(p["field"].startswith("variants.strict.cases.individual.paragraphs") for p in info.value.problems)
