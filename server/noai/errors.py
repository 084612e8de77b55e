"""Typed errors of the engine.

Every error a user can cause has its own class with a stable ``code`` (a slug used as the
problem ``type`` of the HTTP API), an HTTP ``status`` and a CLI ``exit_code``. The web layer
and the CLI map them in one place each; the engine never prints and never formats tracebacks.
Messages are written for the person holding the file, not for a developer.
"""

from __future__ import annotations

from typing import Any


class NoaiError(Exception):
    """Base of every error the engine raises on purpose."""

    code = "noai-error"
    title = "The request could not be completed"
    status = 400
    exit_code = 1

    def __init__(self, message: str, *, detail: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail or {}

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "message": self.message, **self.detail}


# -- input documents -------------------------------------------------------------------


class DocumentError(NoaiError):
    """The input is not a Word document we can read."""

    code = "invalid-document"
    title = "The file is not a readable Word document"
    status = 422
    exit_code = 3


class EmptyDocumentError(DocumentError):
    code = "empty-document"
    title = "The file is empty"


class NotOoxmlError(DocumentError):
    code = "not-ooxml"
    title = "The file is not a Word (.docx) document"
    status = 415


class LegacyWordError(DocumentError):
    code = "legacy-doc"
    title = "Legacy Word 97-2003 (.doc) files are not supported"
    status = 415


class EncryptedDocumentError(DocumentError):
    code = "encrypted-document"
    title = "The document is password-protected"


class TruncatedDocumentError(DocumentError):
    code = "truncated-document"
    title = "The file is damaged or incomplete"


class MalformedXmlError(DocumentError):
    code = "malformed-xml"
    title = "The document's XML is damaged"


class UnsafeXmlError(DocumentError):
    """DTDs, entity declarations and external references are refused, never expanded."""

    code = "unsafe-xml"
    title = "The document contains forbidden XML constructs"


class PackageLimitError(DocumentError):
    """Zip bomb guards: total/part size, compression ratio, part count."""

    code = "package-too-large"
    title = "The document exceeds a safety limit"
    status = 413


class StrictOoxmlError(DocumentError):
    code = "strict-ooxml"
    title = "Strict Open XML documents are not supported"
    status = 415


# -- clause library and playbook -------------------------------------------------------


class LibraryError(NoaiError):
    """A clause file or playbook is invalid; ``problems`` lists every one with file and field."""

    code = "invalid-library"
    title = "The clause library is invalid"
    status = 500
    exit_code = 4

    def __init__(self, message: str, problems: list[dict[str, Any]] | None = None):
        super().__init__(message, detail={"problems": problems or []})
        self.problems = problems or []


class UnknownClauseError(NoaiError):
    code = "unknown-clause"
    title = "No such clause"
    status = 404
    exit_code = 2  # a clause id the user typed: bad usage (README), not a broken library


class UnknownVariantError(NoaiError):
    code = "unknown-variant"
    title = "No such clause variant"
    status = 400
    exit_code = 2


class RenderError(NoaiError):
    """A placeholder could not be filled: never leave a literal ``{client}`` in a contract."""

    code = "render-error"
    title = "A clause could not be filled in"
    status = 422
    exit_code = 4


# -- plans and redlines ------------------------------------------------------------------


class PlanError(NoaiError):
    code = "invalid-plan"
    title = "The redline plan is invalid"
    status = 422
    exit_code = 5


class AnchorNotFoundError(PlanError):
    code = "anchor-not-found"
    title = "A planned edit no longer matches the document"


# -- the user's party ----------------------------------------------------------------


class UnknownPartyError(NoaiError):
    """``--we`` / the API's ``we`` names no party of the document: ``parties`` lists those found."""

    code = "unknown-party"
    title = "No such party in the document"
    status = 422
    exit_code = 2


class PartyRoleError(NoaiError):
    """A redline needs to know who creates the work and who receives it, and the audit cannot tell
    (a role with no party, or ``we`` not given where the audit is unsure): the clauses would need
    a name the document does not have. ``parties`` lists those found; the pane asks "Which party
    are you?" and sends ``we``."""

    code = "party-unmapped"
    title = "Which party are you?"
    status = 422
    exit_code = 2


# -- add-in manifest -------------------------------------------------------------------


class ManifestUrlError(NoaiError):
    """The add-in manifest was asked for a host Word cannot load an add-in from."""

    code = "invalid-manifest-url"
    title = "The add-in address is not usable"
    status = 400
    exit_code = 2


# -- serving --------------------------------------------------------------------------------


class CertificateExistsError(NoaiError):
    """``noai certs`` never overwrites a key unless asked (--force)."""

    code = "certificates-exist"
    title = "The certificates already exist"
    exit_code = 2


class MissingCertificateError(NoaiError):
    """``noai serve`` over HTTPS without a certificate: run ``noai certs`` first."""

    code = "missing-certificate"
    title = "No certificate for HTTPS"
    exit_code = 2


class DeadlineExceededError(NoaiError):
    """A request computed past the server's deadline (``NOAI_TIMEOUT``); stopped between stages."""

    code = "deadline-exceeded"
    title = "The request took too long"
    status = 503


class ServerBusyError(NoaiError):
    """The server's memory budget is taken by other requests; the client may retry later."""

    code = "server-busy"
    title = "The server is busy"
    status = 503

    def __init__(self, message: str, *, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class DocumentBudgetError(PackageLimitError):
    """The XML the job would parse exceeds the per-request memory budget."""

    code = "document-too-large"
    title = "The document needs more memory than this server allows a request"
