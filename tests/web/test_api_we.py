"""The API's ``we`` option: which party the user is, on audit, plan and redline."""

from __future__ import annotations

import io

from .conftest import assert_problem


def test_audit_with_we_resolves_the_users_party_and_without_it_infers_the_creator(client, post_docx):
    given = post_docx("/api/v1/audit", we="Client").get_json()
    assert given["we"]["given"] == "Client" and given["we"]["role"] == "client" and given["we"]["source"] == "user"
    party = next(p for p in given["parties"] if p["id"] == given["we"]["party"])
    assert party["terms"] == ["Client"] and party["name"] == "Northwind Media Group, Inc."
    inferred = post_docx("/api/v1/audit").get_json()["we"]
    assert (inferred["given"], inferred["role"], inferred["source"]) == (None, "creator", "inferred")


def test_we_as_a_form_field_of_a_multipart_upload(client, example_docx):
    form = {"file": (io.BytesIO(example_docx), "agency.docx"), "we": "Juniper Lane Studio"}
    body = client.post("/api/v1/plan", data=form).get_json()
    assert body["audit"]["we"]["role"] == "creator" and body["audit"]["we"]["sure"] is True


def test_a_we_that_names_no_party_is_a_422_problem_listing_the_parties(post_docx):
    for path in ("/api/v1/audit", "/api/v1/plan", "/api/v1/redline"):
        body = assert_problem(post_docx(path, we="Globex"), 422, "unknown-party")
        assert body["given"] == "Globex"
        assert {p["terms"][0] for p in body["parties"]} == {"Client", "Studio"}
        assert "Client" in body["detail"] and "Studio" in body["detail"]
