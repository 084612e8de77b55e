"""POST /redline says the score before and after, the after one measured by auditing what it sends back."""

from __future__ import annotations

from test_score_after_accepted import DOCX_TYPE, _redline, podcast_licence

from noai import engine


def test_redline_headers_give_the_score_before_and_the_score_of_the_redlined_document(post_docx):
    response = post_docx("/api/v1/redline", date="2026-02-01T09:30:00Z")
    assert response.status_code == 200
    before, after = response.headers["X-Noai-Score-Before"], response.headers["X-Noai-Score-After"]
    audited = engine.audit(response.data, accepted=True).score  # the output as accept-all leaves it
    assert after == f"{audited.risk} {audited.grade}"
    assert int(after.split()[0]) < int(before.split()[0])


def test_the_api_audits_the_accepted_view_when_asked_and_the_score_after_header_is_that_audit(client):
    red = _redline(podcast_licence())
    asked = client.post("/api/v1/audit", data=red.docx, content_type=DOCX_TYPE, query_string={"accepted": "true"})
    plain = client.post("/api/v1/audit", data=red.docx, content_type=DOCX_TYPE)
    assert asked.status_code == plain.status_code == 200
    assert asked.get_json() == engine.audit(red.docx, accepted=True).to_dict()
    assert plain.get_json() == engine.audit(red.docx).to_dict() != asked.get_json()
    sent = client.post(
        "/api/v1/redline",
        data=podcast_licence(),
        content_type=DOCX_TYPE,
        query_string={"date": "2026-12-07T09:00:00Z", "variant": "standard"},
    )
    after = engine.audit(sent.data, accepted=True).score
    assert sent.headers["X-Noai-Score-After"] == f"{after.risk} {after.grade}"
