"""``noai certs`` and ``noai serve``: a local CA and leaf certificate, and real gunicorn over HTTPS."""

from __future__ import annotations

import json
import os
import stat
import urllib.request
from argparse import Namespace
from ipaddress import ip_address

import pytest
from cryptography import x509

from noai.errors import NoaiError
from noai.web.certs import make_certificates, trust_instructions
from noai.web.serve import gunicorn_options

from .conftest import DOCX_TYPE
from .live import live_server


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("certs"), hosts=["noai.test"])


def test_the_leaf_certificate_names_localhost_and_is_signed_by_the_ca(certs):
    ca = x509.load_pem_x509_certificate(certs.ca_cert.read_bytes())
    leaf = x509.load_pem_x509_certificate(certs.cert.read_bytes())
    san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert {"localhost", "noai.test"} <= set(san.get_values_for_type(x509.DNSName))
    assert ip_address("127.0.0.1") in san.get_values_for_type(x509.IPAddress)
    leaf.verify_directly_issued_by(ca)
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert not leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca


def test_the_keys_are_readable_by_their_owner_only(certs):
    for key in (certs.key, certs.ca_key):
        assert stat.S_IMODE(os.stat(key).st_mode) == 0o600


def test_existing_certificates_are_not_replaced_without_force(certs):
    before = certs.cert.read_bytes()
    with pytest.raises(NoaiError, match="--force"):
        make_certificates(certs.folder, hosts=[])
    assert certs.cert.read_bytes() == before


def test_the_trust_instructions_cover_windows_macos_and_the_browser(certs):
    text = trust_instructions(certs)
    assert "certutil -addstore -user Root" in text
    assert "security add-trusted-cert -r trustRoot" in text
    assert "Firefox" in text and str(certs.ca_cert.resolve()) in text


def serve_args(**given) -> Namespace:
    return Namespace(
        **{"host": "127.0.0.1", "port": 8443, "workers": None, "cert": None, "key": None, "http": False, **given}
    )


def test_https_without_a_certificate_tells_the_user_to_run_noai_certs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(NoaiError, match="noai certs"):
        gunicorn_options(serve_args())


def test_gunicorn_gets_a_worker_a_cpu_timeouts_and_recycling(certs):
    options = gunicorn_options(serve_args(cert=str(certs.cert), key=str(certs.key)))
    assert options["workers"] == (os.cpu_count() or 1)
    assert options["worker_class"] == "noai.web.worker.NoaiWorker"
    assert 0 < options["keepalive"] <= 30  # the deadline for a request's headers
    assert options["timeout"] > 60  # the backstop behind NOAI_TIMEOUT's 60 s
    assert options["max_requests"] > 0 and options["max_requests_jitter"] > 0
    assert options["certfile"] == str(certs.cert)
    assert "certfile" not in gunicorn_options(serve_args(http=True))


@pytest.mark.timeout(90)
def test_noai_serve_answers_over_https_with_the_local_certificate(certs, example_docx, tmp_path):
    with live_server(tmp_path, certs=certs) as (root, context, process):
        base = f"{root}/api/v1"
        with urllib.request.urlopen(f"{base}/healthz", context=context) as response:
            assert json.load(response)["status"] == "ok"
            assert response.headers["Strict-Transport-Security"]
        request = urllib.request.Request(
            f"{base}/audit", data=example_docx, method="POST", headers={"Content-Type": DOCX_TYPE}
        )
        with urllib.request.urlopen(request, context=context, timeout=30) as response:
            assert json.load(response)["schema"] == "noai.audit/2"
    assert process.returncode == 0
    assert list(tmp_path.iterdir()) == []  # the server wrote nothing in its working folder (the log was ours)


def test_serve_refuses_to_start_with_a_broken_user_clause_folder_and_lists_each_problem(tmp_path, capsys, monkeypatch):
    from noai.cli import main

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "my-clause.toml").write_text('id = "my-clause"\nkind = 3\n', encoding="utf-8")
    monkeypatch.setenv("NOAI_USER_CLAUSES", str(mine))
    assert main(["serve", "--http", "--port", "1"]) == 4
    err = capsys.readouterr().err
    assert "my-clause.toml: kind:" in err and "my-clause.toml: title:" in err
