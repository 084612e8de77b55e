import pytest

from noai.errors import LibraryError
from noai.library import load_playbook


def test_the_default_playbook_requires_the_core_three(library):
    playbook = load_playbook(library=library)
    assert playbook.variant == "standard" and playbook.comments is True
    assert {p.kind for p in playbook.required()} == {"no_ai_restriction", "scope_limitation", "reservation_of_rights"}
    assert {p.kind for p in playbook.offered()} == {"ai_indemnity", "ai_remedies", "ai_transparency", "choice_of_law"}


def test_the_strict_variant_requires_indemnity_remedies_and_transparency(library):
    playbook = load_playbook(library=library)
    required = {p.kind for p in playbook.required("strict")}
    assert {"ai_indemnity", "ai_remedies", "ai_transparency"} <= required
    assert "choice_of_law" not in required


def test_the_default_playbook_replaces_some_red_flags_and_comments_on_others(library):
    playbook = load_playbook(library=library)
    assert playbook.action_for("any_and_all_purposes") == "replace"
    assert playbook.action_for("work_made_for_hire") == "replace"  # the fix replaces only in strict
    assert playbook.action_for("survival") == "ignore"


def test_a_users_playbook_is_merged_over_the_default(library, data_dir):
    playbook = load_playbook(data_dir / "playbooks" / "strict-studio.toml", library=library)
    assert playbook.variant == "strict"
    assert playbook.protections["choice_of_law"].mode == "require"
    assert playbook.protections["choice_of_law"].clause == "choice-of-law"
    assert playbook.action_for("governing_law") == "comment"
    assert playbook.action_for("moral_rights_waiver") == "ignore"
    assert playbook.action_for("any_and_all_purposes") == "replace"
    assert len(playbook.sources) == 2


def test_every_problem_of_an_invalid_playbook_is_reported(library, data_dir):
    with pytest.raises(LibraryError) as info:
        load_playbook(data_dir / "playbooks" / "invalid.toml", library=library)
    fields = {p["field"] for p in info.value.problems}
    assert {"variant", "comments", "protections.ai_indemnity.mode", "red_flags.colour"} <= fields
    assert all(p["file"].endswith("invalid.toml") for p in info.value.problems)


def test_a_playbook_is_checked_against_the_library(library, data_dir):
    with pytest.raises(LibraryError) as info:
        load_playbook(data_dir / "playbooks" / "unknown-clause.toml", library=library)
    assert {p["field"] for p in info.value.problems} == {"protections.ai_indemnity.clause", "red_flags.survival"}
