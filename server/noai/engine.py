"""The engine's facade: what the CLI and the web app call. Pure functions of bytes and options.

read -> audit -> plan -> write. Nothing here prints, logs document text, reads the clock or
touches the disk: the caller passes the revision author and date.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache
from pathlib import Path

from .analysis.audit import AuditResult, audit_document
from .analysis.collector import paused
from .analysis.parties import analyse
from .analysis.work_kind import WORK_KINDS as WORK_KINDS  # the CLI's --work-kind choices
from .library import Library, Playbook, load_library, load_playbook, shipped_dir
from .ooxml.accepted import accept_all
from .ooxml.comments import comments_by_paragraph
from .ooxml.document import Document, read_document
from .ooxml.package import MEMORY_PER_XML_BYTE, xml_bytes_to_parse
from .ooxml.replies import comment_anchors
from .ooxml.revisions import RevisionStamp
from .ooxml.threads import Comment, read_comments
from .plan import Plan, make_plan
from .rounds import escalations as escalations  # the warning a round that asks more than the last gives
from .rounds import next_round
from .writer import WriteResult, apply_plan


@dataclass(frozen=True)
class Options:
    """How to redline: the variant to propose first, comments or not, the playbook and library."""

    variant: str | None = None  # None = the playbook's choice
    comments: bool = True
    playbook: Path | None = None  # a user's playbook over the shipped one
    clause_dirs: Sequence[Path] = ()  # a user's clause folders over the shipped ones
    we: str | None = None  # the user's party: a party's name or word, or a role ("creator", "client")
    work_kind: str | None = None  # software | creative | data | general; None = detected from the document
    check: Callable[[], None] | None = None  # called between stages; raises to stop (a deadline)


def _between_stages(check: Callable[[], None] | None) -> None:
    if check is not None:
        check()


def memory_estimate(data: bytes, *, rewrite: bool = False) -> int:
    """Bytes of memory reading (and, with ``rewrite``, redlining) ``data`` will take at most:
    the input, and the XML the job parses times the measured bytes-to-memory factor. Nothing
    is parsed, so a caller can refuse a document before it costs anything."""
    return len(data) + MEMORY_PER_XML_BYTE * xml_bytes_to_parse(data, stories=rewrite)


def read(data: bytes, *, accepted: bool = False) -> Document:
    """Read a .docx (or Flat OPC XML) safely into the document model: every paragraph of Word's
    ``body.paragraphs``, with its current text. ``accepted``: the document as accept-all leaves it, as Word
    and LibreOffice do (a paragraph whose mark is deleted joins the next one; indexes count what is left)."""
    doc = read_document(data)
    return accept_all(doc) if accepted else doc


def _read_sent(previous: bytes | None) -> Document | None:
    """The document we sent (``previous``), read; a read error says it is that document, not the reply."""
    from .errors import DocumentError

    if previous is None:
        return None
    try:
        return read_document(previous)
    except DocumentError as exc:
        exc.message = f"The document we sent: {exc.message}"
        exc.args = (exc.message,)
        raise


def audit(
    data: bytes,
    *,
    filename: str | None = None,
    we: str | None = None,
    check: Callable[[], None] | None = None,
    previous: bytes | None = None,
    accepted: bool = False,
) -> AuditResult:
    """Find and classify the IP and licence clauses of a document (``we``: the user's party;
    ``check`` as in Options). ``previous`` is the document we sent, when this one is the other
    side's reply: the audit's ``negotiation`` section compares with it. ``accepted``: audit the document
    as accept-all leaves it (:func:`read`), the score it has once its tracked changes are accepted."""
    with paused():  # reading and auditing make no reference cycles (noai.analysis.collector)
        return _audit(data, filename, we, check, previous, accepted)


def _audit(
    data: bytes,
    filename: str | None,
    we: str | None,
    check: Callable[[], None] | None,
    previous: bytes | None,
    accepted: bool,
) -> AuditResult:
    """:func:`audit`; the document read is freed when it returns, before the collector is on again (its
    next pass walks only the result)."""
    doc = read(data, accepted=accepted)
    sent = _read_sent(previous)
    _between_stages(check)
    return audit_document(doc, filename=filename, we=we, previous=sent)


def _stamp(paths: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """What identifies the state of the clause files: their names, sizes and modification times."""
    out: list[tuple[str, int, int]] = []
    for folder in paths:
        for f in sorted(folder.rglob("*.toml")) if folder.is_dir() else [folder]:
            try:
                st = f.stat()
            except OSError:
                continue
            out.append((str(f), st.st_size, st.st_mtime_ns))
    return tuple(out)


@lru_cache(maxsize=8)
def _load(
    playbook: Path | None, clause_dirs: tuple[Path, ...], stamp: tuple[tuple[str, int, int], ...]
) -> tuple[Library, Playbook]:
    library = load_library(clause_dirs)
    return library, load_playbook(playbook, library=library)


def library_for(options: Options = Options()) -> tuple[Library, Playbook]:
    """The clause library and playbook for ``options``, loaded once and reloaded when a file changes."""
    dirs = tuple(options.clause_dirs)
    files = [shipped_dir(), *dirs, *([options.playbook] if options.playbook else [])]
    return _load(options.playbook, dirs, _stamp(files))


def _plan(
    doc: Document, options: Options, filename: str | None, previous: Document | None = None
) -> tuple[AuditResult, Plan]:
    _between_stages(options.check)
    result = audit_document(doc, filename=filename, we=options.we, previous=previous, work_kind=options.work_kind)
    _between_stages(options.check)
    library, playbook = library_for(options)
    the_plan = make_plan(
        result,
        library,
        playbook,
        variant=options.variant,
        comments=options.comments,
        existing_comments=comments_by_paragraph(doc),
    )
    return result, the_plan


def plan(data: bytes, options: Options = Options(), *, filename: str | None = None) -> tuple[AuditResult, Plan]:
    """The audit and the redline plan for a document (what the add-in applies); for the other
    side's reply to a redline of ours, the plan of our next round (:func:`noai.rounds.next_round`)."""
    with paused():  # reading makes no reference cycles (noai.analysis.collector)
        doc = read_document(data)
    result, the_plan = _plan(doc, options, filename)
    if result.negotiation is not None:
        library, playbook = library_for(options)
        the_plan, _answer = next_round(result, the_plan, library, playbook, comments=options.comments)
    return result, the_plan


@dataclass(frozen=True)
class Redline:
    docx: bytes
    audit: AuditResult  # of the input: the score before
    plan: Plan
    write: WriteResult

    @cached_property
    def after(self) -> AuditResult:
        """The audit of the redlined document as accept-all leaves it (:func:`read` with ``accepted``: tracked
        insertions in, deletions out, struck paragraphs gone): the score after, measured, not guessed. Computed
        when first asked for, so a redline alone costs no more."""
        given = self.audit.we.given if self.audit.we is not None else None  # the same party as before
        kind = self.audit.work_kind.kind if self.audit.work_kind is not None else None
        accepted = read(self.docx, accepted=True)
        return audit_document(accepted, filename=self.audit.filename, we=given, work_kind=kind)


def redline(
    data: bytes,
    *,
    author: str,
    date: datetime,
    options: Options = Options(),
    filename: str | None = None,
    previous: bytes | None = None,
) -> Redline:
    """Apply the playbook's plan to the document as tracked changes by ``author`` at ``date``.
    ``previous`` is the document we sent when this one is the other side's reply to it (a reply
    to a redline of ours needs it only when the reply lost our round's record)."""
    with paused():  # reading makes no reference cycles (noai.analysis.collector)
        doc = read_document(data)
        sent = _read_sent(previous)
    result, the_plan = _plan(doc, options, filename, sent)
    _between_stages(options.check)
    library, playbook = library_for(options)
    the_plan, answer = next_round(
        result, the_plan, library, playbook, comments=options.comments, our_comments=_shown_comments(doc)
    )
    written = apply_plan(
        doc,
        the_plan,
        stamp=RevisionStamp(author=author, date=date),
        comments=options.comments,
        protections={clause.id: clause.kind for clause in library.clauses},
        answer=answer,
    )
    return Redline(docx=written.docx, audit=result, plan=the_plan, write=written)


def _shown_comments(doc: Document) -> list[Comment]:
    """The document's comments Word shows: a thread's first comment whose anchor went (with a rejected insertion
    of ours that held it) is left out, so the next round neither replies in it nor counts on its reasons."""
    comments = read_comments(doc.package)
    if all(c.parent is not None for c in comments):  # none to look up (a first round's document has no comments)
        return comments
    anchored = comment_anchors(doc.elements, doc.root)
    return [c for c in comments if c.parent is not None or c.id in anchored]


def placeholders_for(data: bytes) -> Mapping[str, str]:
    """The clause placeholders ({client}, {provider}, ...) as this document names them."""
    return analyse(read_document(data).paragraphs)[0].placeholders()
