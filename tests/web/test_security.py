"""Security headers, the task pane's CSP, CORS for configured origins only, the bearer token,
request ids, configuration from NOAI_* variables and the proxy headers."""

from __future__ import annotations

import re

import pytest

from noai.web import create_app

from .conftest import assert_problem

PANE = "https://localhost:8443"


def csp(response) -> dict[str, list[str]]:
    """The Content-Security-Policy as directive -> sources."""
    policy = {}
    for directive in response.headers["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


def external(sources: list[str]) -> set[str]:
    return {s for s in sources if s.startswith("http")}


def test_every_answer_has_the_security_headers(client):
    for response in (client.get("/api/v1/healthz"), client.get("/addin/"), client.get("/nope")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "Content-Security-Policy" in response.headers


def test_hsts_is_sent_over_https_only(client):
    assert "Strict-Transport-Security" not in client.get("/api/v1/healthz").headers
    secure = client.get("/api/v1/healthz", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_api_answers_may_not_be_framed_or_cached(client):
    response = client.get("/api/v1/clauses")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert csp(response)["frame-ancestors"] == ["'none'"]
    assert response.headers["Cache-Control"] == "no-store"


def test_the_task_pane_may_be_framed_by_word_on_the_web_only(client):
    response = client.get("/addin/taskpane.html")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    ancestors = csp(response)["frame-ancestors"]
    assert "'self'" in ancestors and "https://*.officeapps.live.com" in ancestors
    assert "*" not in ancestors and "https:" not in ancestors


def test_the_task_pane_loads_nothing_from_outside_but_the_office_cdn(client):
    policy = csp(client.get("/addin/"))
    assert policy["default-src"] == ["'self'"]
    loaded = {s for name, sources in policy.items() if name != "frame-ancestors" for s in external(sources)}
    assert loaded == {"https://appsforoffice.microsoft.com"}
    assert "'unsafe-inline'" not in policy["script-src"]


def test_the_task_pane_serves_its_modules_and_icons_but_not_its_tooling(client):
    assert client.get("/addin/src/api.js").mimetype in ("text/javascript", "application/javascript")
    assert client.get("/addin/assets/icon-32.png").mimetype == "image/png"
    for hidden in ("package.json", "node_modules/.package-lock.json", "test/api.test.js", "../pyproject.toml"):
        assert_problem(client.get(f"/addin/{hidden}"), 404)


def test_the_manifest_is_rendered_for_the_configured_address_not_the_host_header(make_app):
    # changed on purpose (issue 17): the Host header is the client's; the manifest's URLs are not
    client = make_app(PUBLIC_URL="https://noai.example.org/").test_client()
    response = client.get("/manifest.xml", base_url="https://evil.example")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "https://noai.example.org/addin/" in text and "evil.example" not in text
    default = make_app().test_client().get("/manifest.xml", base_url="https://evil.example")
    assert "https://localhost:8443/addin/" in default.get_data(as_text=True)
    assert "evil.example" not in default.get_data(as_text=True)


def test_noai_serve_configures_its_own_address_for_the_manifest(monkeypatch):
    from argparse import Namespace

    from noai.web.serve import public_url

    monkeypatch.delenv("NOAI_PUBLIC_URL", raising=False)
    assert public_url(Namespace(host="127.0.0.1", port=9443, http=False)) == "https://localhost:9443"
    assert public_url(Namespace(host="noai.example.org", port=443, http=False)) == "https://noai.example.org"
    assert public_url(Namespace(host="127.0.0.1", port=8080, http=True)) == ""  # the proxy's, if trusted
    monkeypatch.setenv("NOAI_PUBLIC_URL", "https://contracts.example.org")
    assert public_url(Namespace(host="0.0.0.0", port=8443, http=True)) == "https://contracts.example.org"


def test_the_panes_csp_lets_it_reach_the_configured_backends_only(make_app):
    client = make_app(
        PUBLIC_URL="https://noai.example.org",
        PANE_CONNECT_SRC="https://backup.example.org:9443/api/v1 https://*.evil.example",
    ).test_client()
    connect = csp(client.get("/addin/taskpane.html"))["connect-src"]
    assert {"'self'", "https://noai.example.org", "https://backup.example.org:9443"} <= set(connect)
    assert not [s for s in connect if "evil" in s or "*" in s]
    config = client.get("/addin/config.json").get_json()
    assert config["api"] == "https://noai.example.org/api/v1"
    assert "https://backup.example.org:9443" in config["connect_src"] and config["token_required"] is False
    assert csp(make_app().test_client().get("/addin/"))["connect-src"] == [
        "'self'",
        "https://appsforoffice.microsoft.com",
    ]


@pytest.mark.parametrize(
    "path",
    [
        "src/../test/api.test.js",
        "assets/../node_modules/x/index.js",
        "src/./../tools/x.js",
        ".hidden/x.js",
        "src/.x.js",
        "assets/..%2Fpackage.json",
        "src/%2e%2e/test/api.test.js",
        "src/..%5Ctest%5Capi.test.js",
    ],
)
def test_hidden_folders_and_dot_paths_are_never_served_from_addin(client, path):
    assert_problem(client.get(f"/addin/{path}"), 404)


def test_with_a_token_configured_the_openapi_document_and_its_page_need_it(make_app):
    client = make_app(API_TOKEN="s3cret").test_client()
    for path in ("/api/v1/openapi.json", "/api/v1/docs", "/api/v1/nope"):
        assert_problem(client.get(path), 401, "unauthorized")
        assert client.get(path, headers={"Authorization": "Bearer s3cret"}).status_code in (200, 404)
    assert client.get("/addin/taskpane.html").status_code == 200


def test_the_manifest_follows_the_proxy_headers_only_when_the_proxy_is_trusted(make_app):
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "contracts.example.org"}
    trusted = make_app(TRUST_PROXY=True).test_client().get("/manifest.xml", headers=headers)
    assert "https://contracts.example.org/addin/" in trusted.get_data(as_text=True)
    untrusted = make_app().test_client().get("/manifest.xml", headers=headers)
    assert "contracts.example.org" not in untrusted.get_data(as_text=True)


def test_cors_headers_go_to_configured_origins_only(make_app):
    client = make_app(CORS_ORIGINS=[PANE]).test_client()
    allowed = client.get("/api/v1/healthz", headers={"Origin": PANE})
    assert allowed.headers["Access-Control-Allow-Origin"] == PANE
    assert "X-Request-ID" in allowed.headers["Access-Control-Expose-Headers"]
    assert "Origin" in allowed.headers["Vary"]
    other = client.get("/api/v1/healthz", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_no_origin_is_allowed_by_default(client):
    response = client.get("/api/v1/healthz", headers={"Origin": PANE})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_preflight_is_answered_without_the_token(make_app):
    client = make_app(CORS_ORIGINS=[PANE], API_TOKEN="s3cret").test_client()
    response = client.options(
        "/api/v1/plan",
        headers={
            "Origin": PANE,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert response.status_code == 204
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", "Basic czNjcmV0", "Bearer s3cret-and-more", "s3cret"])
def test_with_a_token_configured_the_api_refuses_other_credentials(make_app, authorization):
    client = make_app(API_TOKEN="s3cret").test_client()
    headers = {"Authorization": authorization} if authorization else {}
    assert_problem(client.get("/api/v1/clauses", headers=headers), 401, "unauthorized")


def test_with_a_token_configured_the_right_token_passes_and_healthz_stays_open(make_app):
    client = make_app(API_TOKEN="s3cret").test_client()
    assert client.get("/api/v1/clauses", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/api/v1/healthz").status_code == 200


def test_the_token_and_origins_come_from_noai_environment_variables(monkeypatch):
    monkeypatch.setenv("NOAI_API_TOKEN", "from-env")
    monkeypatch.setenv("NOAI_CORS_ORIGINS", f"{PANE}, https://other.example")
    app = create_app({"TESTING": True})
    assert app.config["API_TOKEN"] == "from-env"
    assert app.config["CORS_ORIGINS"] == (PANE, "https://other.example")
    assert app.test_client().get("/api/v1/clauses").status_code == 401


def test_a_sane_client_request_id_is_echoed_and_others_replaced(client):
    assert client.get("/api/v1/healthz", headers={"X-Request-ID": "pane-42.a"}).headers["X-Request-ID"] == "pane-42.a"
    for bad in ("x" * 65, "two words", "<script>"):
        replaced = client.get("/api/v1/healthz", headers={"X-Request-ID": bad}).headers["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", replaced)
