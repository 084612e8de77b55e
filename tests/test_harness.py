"""The test harness itself: the schema validator catches what it must, LibreOffice reads revisions."""

from __future__ import annotations

import io

import docx
import pytest
from support import lo
from support.docx_builder import make_docx, p, r
from support.validate_docx import validate_docx


def _rev(tag: str, rid: int, inner: str, date: str = "2026-01-15T10:00:00Z") -> str:
    return f'<w:{tag} w:id="{rid}" w:author="Tester" w:date="{date}">{inner}</w:{tag}>'


def _tracked_docx(date: str) -> bytes:
    """A commented paragraph, an inserted one (paragraph mark too), a replacement ``w:del`` + ``w:ins``."""
    commented = (
        '<w:commentRangeStart w:id="0"/>'
        + r("The Studio keeps its tools.")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    )
    inserted_mark = f"<w:rPr>{_rev('ins', 1, '', date)}</w:rPr>"
    replaced = (
        r("Delivery is due ")
        + _rev("del", 3, "<w:r><w:delText>promptly</w:delText></w:r>", date)
        + _rev("ins", 4, r("within ten days"), date)
        + r(".")
    )
    comment = (
        f'<w:comment w:id="0" w:author="Reviewer" w:initials="RV" w:date="{date}">'
        f"{p('Check the tools clause.')}</w:comment>"
    )
    return make_docx(
        p(commented) + p(_rev("ins", 2, r("No AI training is allowed."), date), ppr=inserted_mark) + p(replaced),
        comments=comment,
    )


@pytest.fixture
def tracked_docx(revision_date) -> bytes:
    return _tracked_docx(revision_date.strftime("%Y-%m-%dT%H:%M:%SZ"))


def test_a_python_docx_default_document_is_valid():
    out = io.BytesIO()
    docx.Document().save(out)
    report = validate_docx(out.getvalue())
    assert report.errors == []
    assert report.warnings == []
    assert "/word/document.xml" in report.schema_checked


def test_a_document_with_insertions_deletions_and_a_comment_is_valid(tracked_docx):
    assert validate_docx(tracked_docx).errors == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<w:p>" + _rev("del", 1, "<w:r><w:t>gone</w:t></w:r>") + "</w:p>",
            "w:t inside a deletion",
        ),
        (
            "<w:p>"
            + _rev("ins", 7, "<w:r><w:t>one</w:t></w:r>")
            + _rev("ins", 7, "<w:r><w:t>two</w:t></w:r>")
            + "</w:p>",
            "revision w:id=7 on w:ins is already used by w:ins",
        ),
        (
            '<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>text</w:t></w:r><w:commentRangeEnd w:id="7"/>'
            '<w:r><w:commentReference w:id="7"/></w:r></w:p>',
            "w:commentRangeStart w:id='7' names no comment in comments.xml",
        ),
        (
            "<w:p><w:r><w:t>text</w:t><w:rPr><w:b/></w:rPr></w:r></w:p>",
            "Element 'w:rPr': This element is not expected.",
        ),
    ],
    ids=["w:t in w:del", "duplicate revision id", "missing comment", "w:rPr after w:t"],
)
def test_the_validator_catches_a_broken_fixture(body, expected):
    report = validate_docx(make_docx(body))
    assert any(expected in error for error in report.errors), report.errors


def test_the_validator_catches_a_document_xml_that_is_not_well_formed():
    broken = make_docx("", extra_parts={"word/document.xml": b"<w:document><w:body>"})
    errors = validate_docx(broken).errors
    assert any(e.startswith("/word/document.xml") and "not well-formed" in e for e in errors), errors


def test_the_validator_refuses_bytes_that_are_not_a_zip():
    report = validate_docx(b"plain text named .docx")
    assert report.fatal
    assert "not a zip package" in report.errors[0]


def _duplicate_insertion_ids(rid: int) -> bytes:
    both = _rev("ins", rid, "<w:r><w:t>a</w:t></w:r>") + _rev("ins", rid, "<w:r><w:t>b</w:t></w:r>")
    return make_docx(f"<w:p>{both}</w:p>")


def test_error_kinds_leave_out_the_ids_so_reports_of_two_documents_compare():
    one, other = validate_docx(_duplicate_insertion_ids(3)), validate_docx(_duplicate_insertion_ids(9))
    assert one.errors != other.errors
    assert one.kinds == other.kinds
    assert sum(one.kinds.values()) == 1


def test_a_missing_libreoffice_skips_the_test_but_fails_it_on_ci(monkeypatch):
    monkeypatch.setattr(lo, "soffice_available", lambda: False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must have it"):
        lo.require_libreoffice()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="scripts/test installs it"):
        lo.require_libreoffice()


def test_libreoffice_reads_accept_all_reject_all_and_the_comment(libreoffice, tracked_docx):
    [result] = libreoffice([tracked_docx])
    assert result["ok"], result["load_error"]
    assert result["accepted_paragraphs"] == [
        "The Studio keeps its tools.",
        "No AI training is allowed.",
        "Delivery is due within ten days.",
    ]
    assert result["rejected_paragraphs"] == ["The Studio keeps its tools.", "Delivery is due promptly."]
    assert [(c["author"], c["text"], c["anchor"]) for c in result["comments"]] == [
        ("Reviewer", "Check the tools clause.", "The Studio keeps its tools.")
    ]
    assert {r["author"] for r in result["redlines"]} == {"Tester"}
