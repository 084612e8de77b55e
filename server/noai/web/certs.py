"""A local certificate authority and a localhost certificate for ``noai serve`` (``noai certs``).

Word loads add-ins over HTTPS only, so the task pane needs a certificate the machine trusts:
a self-signed CA (``ca.crt``, its key ``ca.key``) signs a leaf certificate (``localhost.crt``,
``localhost.key``) whose subjectAltName lists ``DNS:localhost`` and ``IP:127.0.0.1`` (and any
other host given). Trusting the CA once makes the leaf trusted. Keys are written 0600.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cryptography.hazmat.primitives.asymmetric.types import (
        CertificateIssuerPrivateKeyTypes,
        CertificatePublicKeyTypes,
    )

from noai.errors import CertificateExistsError

CA_DAYS, LEAF_DAYS = 3650, 825  # browsers refuse leaf certificates valid for longer than 825 days
DEFAULT_HOSTS = ("localhost", "127.0.0.1")


@dataclass(frozen=True)
class CertPaths:
    folder: Path
    ca_cert: Path
    ca_key: Path
    cert: Path
    key: Path


def cert_paths(folder: Path) -> CertPaths:
    """Where ``make_certificates`` writes into ``folder`` (and ``noai serve`` looks)."""
    return CertPaths(folder, folder / "ca.crt", folder / "ca.key", folder / "localhost.crt", folder / "localhost.key")


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "noai local"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _san(hosts: list[str]) -> x509.SubjectAlternativeName:
    names: list[x509.GeneralName] = []
    for host in dict.fromkeys([*DEFAULT_HOSTS, *hosts]):
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    return x509.SubjectAlternativeName(names)


def _certificate(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: CertificatePublicKeyTypes,
    signing_key: CertificateIssuerPrivateKeyTypes,
    days: int,
    now: datetime,
    ca: bool,
    extra: Iterable[tuple[x509.ExtensionType, bool]] = (),
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )
    for extension, critical in extra:
        builder = builder.add_extension(extension, critical=critical)
    return builder.sign(signing_key, hashes.SHA256())


def _usage(ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=not ca,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _write(path: Path, data: bytes, private: bool) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    if private:
        os.chmod(path, 0o600)


def make_certificates(folder: Path, hosts: list[str], force: bool = False) -> CertPaths:
    """A new CA and a leaf certificate for ``hosts`` (plus localhost and 127.0.0.1) in ``folder``.

    Refuses to replace existing files unless ``force``."""
    paths = cert_paths(Path(folder))
    existing = [p for p in (paths.ca_cert, paths.ca_key, paths.cert, paths.key) if p.exists()]
    if existing and not force:
        raise CertificateExistsError(
            f"{existing[0]} already exists; use --force to replace the certificates (then trust the new ca.crt again)."
        )
    paths.folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("noai local CA")
    ca = _certificate(ca_name, ca_name, ca_key.public_key(), ca_key, CA_DAYS, now, True, [(_usage(True), True)])
    leaf = _certificate(
        _name("localhost"),
        ca_name,
        leaf_key.public_key(),
        ca_key,
        LEAF_DAYS,
        now,
        False,
        [
            (_usage(False), True),
            (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
            (_san(hosts), False),
            (x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False),
        ],
    )
    pem, pkcs8 = serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8
    for path, key in ((paths.ca_key, ca_key), (paths.key, leaf_key)):
        _write(path, key.private_bytes(pem, pkcs8, serialization.NoEncryption()), private=True)
    _write(paths.ca_cert, ca.public_bytes(pem), private=False)
    _write(paths.cert, leaf.public_bytes(pem), private=False)
    return paths


def trust_instructions(paths: CertPaths) -> str:
    """How to make this machine (and its browsers) trust ``paths.ca_cert``."""
    ca = paths.ca_cert.resolve()
    return f"""\
Wrote {paths.ca_cert}, {paths.cert} and {paths.key} (keys are readable by you only).

Trust the local CA once, then start the server with `noai serve`:

  Windows:  certutil -addstore -user Root "{ca}"
            (or double-click ca.crt > Install Certificate > Current User >
             "Trusted Root Certification Authorities")
  macOS:    security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "{ca}"

Word on the web loads the task pane in your browser, so the browser must trust the CA too:
Edge, Chrome and Safari use the system store above; Firefox has its own
(Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import).
Keep ca.key private: anyone holding it can make certificates this machine trusts.
"""
