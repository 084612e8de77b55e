from noai.library import format_clause, format_clause_list, render


def test_the_clause_list_has_one_line_a_clause_and_a_total(library):
    text = format_clause_list(library)
    assert all(any(line.startswith(c.id + " ") for line in text.splitlines()) for c in library.clauses)
    assert text.splitlines()[-1] == f"{len(library.clauses)} clauses, {len(library.fixes)} red-flag fixes."


def test_a_shown_clause_has_its_title_text_definitions_and_comment(library):
    clause = library.get("scope-limitation")
    text = format_clause(render(clause, "minimal", {"client": "Customer"}), clause)
    assert text.startswith("scope-limitation (minimal)\nkind: scope_limitation; placement: after_grant")
    defines = next(line for line in text.splitlines() if line.startswith("defines: "))
    assert "Permitted Purpose" in defines.split(": ", 1)[1].split(", ")
    # no work product in the terms: plain words, never an undefined "the Deliverables"
    assert "“Permitted Purpose” means use of the work and other materials the Provider creates" in text
    assert "\n\nComment: Why this clause:" in text
