"""The text, Markdown and folder-summary forms of an audit."""

from __future__ import annotations

from test_audit import LIMITED, NO_AI, WORK_FOR_HIRE, audit

from noai.analysis.audit import audit_paragraphs
from noai.analysis.report import format_markdown, format_summary_table, format_text
from noai.ooxml.model import Paragraph


def test_the_text_report_shows_score_protections_findings_by_severity_and_insertion_points():
    result = audit(("Intellectual Property", WORK_FOR_HIRE))
    report = format_text(result)
    assert report.splitlines()[0] == f"test.docx: risk {result.score.risk}/100, grade {result.score.grade}"
    assert report.splitlines()[1] == result.score.summary
    assert "[missing] No-AI-training restriction" in report
    assert "[missing] Remedies for AI misuse" in report
    high = report.index("HIGH (")
    assert report.index("Work made for hire:", high) > high
    assert '"works made for hire"' in report
    assert "  1  Work made for hire" in report  # the section label as Word shows it
    assert "Where the missing protections belong:" in report


def test_paragraph_indexes_and_the_scoring_reasons_show_only_when_verbose():
    result = audit(("Intellectual Property", WORK_FOR_HIRE))
    plain, verbose = format_text(result), format_text(result, verbose=True)
    assert "¶" not in plain and "+45" not in plain
    assert "1 (¶2)" in verbose and "+45  the work is a work made for hire" in verbose
    assert "A clause that forbids using the work to train" in verbose and "A clause that forbids" not in plain


def test_the_report_ends_with_a_legend_and_a_next_step():
    lines = format_text(audit(("Intellectual Property", WORK_FOR_HIRE))).splitlines()
    assert lines[-2].startswith("Legend: Risk 0 (safe) to 100 (worst)")
    assert lines[-1] == (
        "Next step: `noai redline test.docx` writes the missing protections and fixes as tracked "
        "changes with comments, for you to review in Word."
    )


def test_no_internal_kind_id_appears_in_the_text_or_markdown_report():
    result = audit(
        ("Intellectual Property", WORK_FOR_HIRE),
        ("Use of AI", NO_AI),
        ("Rights", "All rights not expressly granted are reserved by the Designer."),
    )
    for report in (format_text(result, show_all=True), format_markdown(result, show_all=True)):
        for f in result.findings:
            assert f.kind not in report
        for p in result.protections:
            assert p.name not in report


def test_info_items_are_counted_and_listed_only_with_all():
    result = audit(
        ("Intellectual Property", WORK_FOR_HIRE),
        ("Survival", "Sections 4 and 7 survive termination of this Agreement."),
    )
    assert any(f.severity == "info" for f in result.findings)
    assert "INFO (" not in format_text(result) and "not shown (--all lists them)" in format_text(result)
    assert "INFO (" in format_text(result, show_all=True) and "--all" not in format_text(result, show_all=True)


def test_the_text_report_lists_high_findings_before_info_ones():
    report = format_text(
        audit(
            ("Intellectual Property", WORK_FOR_HIRE),
            ("Rights", "All rights not expressly granted are reserved by the Designer."),
        ),
        show_all=True,
    )
    assert report.index("HIGH (") < report.index("INFO (")


def test_the_markdown_report_has_tables_and_escapes_pipes():
    result = audit(("Intellectual Property", LIMITED), ("Use of AI", NO_AI))
    md = format_markdown(result)
    assert md.startswith("# Audit: test.docx\n")
    assert f"**Risk {result.score.risk}/100, grade {result.score.grade}**" in md
    assert "| Protection | What it is | Status | Detail |" in md
    assert (
        "| No-AI-training restriction | A clause that forbids using the work to train, fine-tune or build AI "
        "systems. | present |"
    ) in md
    piped = audit(("Intellectual Property", "The Designer grants the Client a licence | to use the Deliverables."))
    assert "licence \\| to use" in format_markdown(piped)


def test_a_non_english_report_says_it_is_not_scored():
    texts = [
        "Le prestataire cède au client tous les droits sur les livrables pour la durée du contrat.",
        "Le présent contrat est soumis au droit français et sera interprété conformément à celui-ci.",
        "Les parties conviennent que la rémunération est forfaitaire et que le paiement sera effectué.",
    ]
    result = audit_paragraphs([Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)])
    report = format_text(result)
    assert "not scored" in report and "Language not supported" in report


def test_the_summary_table_has_one_row_per_file_and_shows_errors():
    rows = [
        {"file": "a.docx", "result": audit(("Intellectual Property", WORK_FOR_HIRE))},
        {"file": "broken.docx", "error": "The file is not a Word (.docx) document"},
    ]
    table = format_summary_table(rows).splitlines()
    assert table[0].split()[:3] == ["file", "risk", "grade"]
    assert table[1].startswith("a.docx") and str(rows[0]["result"].score.risk) in table[1]
    assert table[2].startswith("broken.docx") and "error: The file is not a Word" in table[2]


def test_the_summary_table_names_each_protection_and_its_status_as_the_file_report_does():
    result = audit(
        ("Intellectual Property", WORK_FOR_HIRE),
        ("Law", "This Agreement is governed by the laws of the State of Oregon."),
    )
    table = format_summary_table([{"file": "a.docx", "result": result}])
    report = format_text(result)
    for p in result.protections:
        if p.status != "present":
            title = report.split(f"[{p.status:<7}] ", 1)[1].split(":", 1)[0]  # as the file report names it
            assert f"{title} ({p.status})" in table
