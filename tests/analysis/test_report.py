"""The text, Markdown and folder-summary forms of an audit."""

from __future__ import annotations

from test_audit import LIMITED, NO_AI, WORK_FOR_HIRE, audit

from noai.analysis.audit import audit_paragraphs
from noai.analysis.report import format_markdown, format_summary_table, format_text
from noai.ooxml.model import Paragraph


def test_the_text_report_shows_score_protections_findings_by_severity_and_insertion_points():
    result = audit(("Intellectual Property", WORK_FOR_HIRE))
    report = format_text(result)
    assert report.splitlines()[0] == f"test.docx: risk {result.score_summary()}"
    assert "[ NO] No-AI-training restriction" in report
    assert "[ NO] Remedies for AI misuse" in report
    high = report.index("HIGH (")
    assert report.index("work_made_for_hire", high) > high
    assert '"works made for hire"' in report
    assert "1 (¶2)" in report  # section label and paragraph index of the finding
    assert "Where missing protections belong:" in report


def test_the_text_report_lists_high_findings_before_info_ones():
    report = format_text(audit(("Intellectual Property", WORK_FOR_HIRE),
                               ("Rights", "All rights not expressly granted are reserved by the Designer.")))
    assert report.index("HIGH (") < report.index("INFO (")


def test_the_markdown_report_has_tables_and_escapes_pipes():
    result = audit(("Intellectual Property", LIMITED), ("Use of AI", NO_AI))
    md = format_markdown(result)
    assert md.startswith("# Audit: test.docx\n")
    assert "| Protection | Status | Detail |" in md
    assert "| No-AI-training restriction | present |" in md
    piped = audit(("Intellectual Property", "The Designer grants the Client a licence | to use the Deliverables."))
    assert "licence \\| to use" in format_markdown(piped)


def test_a_non_english_report_says_it_is_not_scored():
    texts = ["Le prestataire cède au client tous les droits sur les livrables pour la durée du contrat.",
             "Le présent contrat est soumis au droit français et sera interprété conformément à celui-ci.",
             "Les parties conviennent que la rémunération est forfaitaire et que le paiement sera effectué."]
    result = audit_paragraphs([Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)])
    report = format_text(result)
    assert "not scored" in report and "Language not supported" in report


def test_the_summary_table_has_one_row_per_file_and_shows_errors():
    rows = [{"file": "a.docx", "result": audit(("Intellectual Property", WORK_FOR_HIRE))},
            {"file": "broken.docx", "error": "The file is not a Word (.docx) document"}]
    table = format_summary_table(rows).splitlines()
    assert table[0].split()[:3] == ["file", "risk", "grade"]
    assert table[1].startswith("a.docx") and str(rows[0]["result"].score.risk) in table[1]
    assert table[2].startswith("broken.docx") and "error: The file is not a Word" in table[2]
