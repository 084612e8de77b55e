"""POST /redline says the score before and after, the after one measured by auditing what it sends back."""

from __future__ import annotations

from noai import engine


def test_redline_headers_give_the_score_before_and_the_score_of_the_redlined_document(post_docx):
    response = post_docx("/api/v1/redline", date="2026-02-01T09:30:00Z")
    assert response.status_code == 200
    before, after = response.headers["X-Noai-Score-Before"], response.headers["X-Noai-Score-After"]
    audited = engine.audit(response.data).score
    assert after == f"{audited.risk} {audited.grade}"
    assert int(after.split()[0]) < int(before.split()[0])
