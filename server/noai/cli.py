"""The ``noai`` command: the only module that prints.

Exit codes (README, "Usage"): 0 success; 2 bad usage (including a missing file, a --we that names
no party, an output that would overwrite its input); 3 a document could not be read or the output
not written; 4 the clause library or playbook is invalid; 5 a plan could not
be applied; 1 anything unexpected. In a folder run one bad file never stops the others; the exit code is
then that of the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import __version__, engine
from .errors import NoaiError

EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
DOCX_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}


class UsageError(NoaiError):
    code = "usage"
    title = "Bad usage"
    exit_code = EXIT_USAGE


_drawn = False  # a progress line is on the terminal, waiting to be redrawn


def _clear_progress() -> None:
    """Wipe the progress line, so what comes next starts on a clean line."""
    global _drawn
    if _drawn:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
        _drawn = False


def _count(n: int, one: str, many: str | None = None) -> str:
    """ "1 tracked change", "13 tracked changes"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def _err(msg: str) -> None:
    _clear_progress()
    print(f"noai: {msg}", file=sys.stderr)


def _err_problems(exc: NoaiError) -> None:
    """Each problem an error lists (an invalid clause library's files and fields), one a line."""
    for p in exc.detail.get("problems") or ():
        where = ": ".join(str(x) for x in (p.get("file"), p.get("field")) if x)
        _err(f"  {where}: {p.get('message')}" if where else f"  {p.get('message')}")


def _progress(i: int, n: int, name: str) -> None:
    """One line a file on stderr; redrawn in place on a terminal, and gone when the run ends."""
    global _drawn
    line = f"[{i}/{n}] {name}"
    if sys.stderr.isatty():
        print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)
        _drawn = True
    else:
        print(line, file=sys.stderr)


def _inputs(paths: list[str]) -> list[Path]:
    """Expand folders into their Word documents (sorted, not recursive); keep files as given."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(
                sorted(f for f in p.iterdir() if f.suffix.lower() in DOCX_SUFFIXES and not f.name.startswith("~$"))
            )
        elif p.exists():
            files.append(p)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    return files


def _options(args: argparse.Namespace) -> engine.Options:
    playbook = args.playbook or os.environ.get("NOAI_PLAYBOOK")
    dirs = [Path(d) for d in (args.clauses or [])]
    if os.environ.get("NOAI_USER_CLAUSES"):
        dirs.extend(Path(d) for d in os.environ["NOAI_USER_CLAUSES"].split(os.pathsep) if d)
    return engine.Options(
        variant=getattr(args, "variant", None),
        comments=not getattr(args, "no_comments", False),
        playbook=Path(playbook) if playbook else None,
        clause_dirs=tuple(dirs),
        we=getattr(args, "we", None),
        work_kind=getattr(args, "work_kind", None),
    )


# -- audit ------------------------------------------------------------------------------


def _previous(args: argparse.Namespace, many: bool) -> bytes | None:
    """The bytes of ``--previous`` (the document we sent), for one returned document."""
    given = getattr(args, "previous", None)
    if given is None:
        return None
    if many:
        raise UsageError("--previous compares one returned document with the one sent: give one file")
    return _read_option_file(given, "--previous")


def _read_option_file(given: str, option: str) -> bytes:
    """The bytes of a file an option names; one that cannot be read is bad usage (exit 2), as a missing input is."""
    try:
        return Path(given).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {option} {given}: {exc.strerror}") from None


def cmd_audit(args: argparse.Namespace) -> int:
    from .analysis.report import format_markdown, format_summary_table, format_text

    files = _inputs(args.paths)
    if not files:
        raise UsageError("no Word documents (.docx) found")
    many = len(files) > 1
    previous = _previous(args, many)
    results: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    code = EXIT_OK
    for i, path in enumerate(files, 1):
        if many:
            _progress(i, len(files), path.name)
        try:
            result = engine.audit(path.read_bytes(), filename=path.name, we=args.we, previous=previous)
        except NoaiError as exc:
            _err(f"{path}: {exc.message}")
            rows.append({"file": path.name, "error": exc.message})
            results.append({"file": str(path), "error": exc.to_dict()})
            code = code or exc.exit_code
            continue
        rows.append({"file": path.name, "result": result})
        _clear_progress()
        if args.json:
            results.append(result.to_dict())
        elif args.markdown:
            print(format_markdown(result, verbose=args.verbose, show_all=args.all, path=str(path)))
        else:
            print(format_text(result, verbose=args.verbose, show_all=args.all, path=str(path)))
    _clear_progress()
    if args.json:
        print(json.dumps(results if many else results[0], indent=2, ensure_ascii=False))
    elif many:
        print(format_summary_table(rows))
    return code


# -- redline ----------------------------------------------------------------------------


def _redline_one(src: Path, dst: Path | None, args: argparse.Namespace, options: engine.Options) -> int:
    data = src.read_bytes()
    if args.dry_run:
        _, the_plan = engine.plan(data, options, filename=src.name)
        print(json.dumps(the_plan.to_dict(), indent=2, ensure_ascii=False))
        return EXIT_OK
    assert dst is not None
    if dst.resolve() == src.resolve() and not args.in_place:
        raise UsageError(f"{dst}: refusing to overwrite the input (use --in-place to allow it)")
    result = engine.redline(
        data, author=args.author, date=args.date, options=options, filename=src.name, previous=_previous(args, False)
    )
    tmp = dst.with_name(f".{dst.name}.noai-partial")
    try:  # write next to the target, then rename: never a half-written file
        tmp.write_bytes(result.docx)
        os.replace(tmp, dst)
    except OSError as exc:  # name the file the user asked for, not our temporary one
        raise OSError(exc.errno, exc.strerror, str(dst)) from None
    finally:
        tmp.unlink(missing_ok=True)
    from .analysis.report import score_line

    applied, skipped = len(result.write.applied), len(result.write.skipped)
    note = f", {skipped} skipped" if skipped else ""
    _clear_progress()
    print(f"{src.name} -> {dst} ({_count(applied, 'tracked change')}{note})")
    talks = result.audit.negotiation
    if talks is not None:
        said = ", ".join(f"{n} {status}" for status, n in talks.to_dict()["counts"].items() if n)
        print(
            f"  answering round {talks.round} ({said}): {_count(len(result.write.replies), 'reply', 'replies')} "
            f"in their threads, {_count(result.write.resolved, 'thread')} resolved"
        )
    print(f"  {score_line(result.audit)} -> {score_line(result.after)} once the changes are accepted")
    if result.after.score.summary:
        print(f"  {result.after.score.summary}")
    for text in result.plan.notes if not applied else ():  # why nothing was proposed
        print(f"  Note: {text}")
    for text in engine.escalations(result.plan):  # before the document goes out: this round asks more than the last
        _err(f"warning: {src.name}: {text}")
    return EXIT_OK


def cmd_redline(args: argparse.Namespace) -> int:
    options = _options(args)
    src = Path(args.input)
    if not src.exists():
        raise UsageError(f"{src}: no such file or folder")
    if src.is_dir():
        _previous(args, True)  # refused for a folder
        files = _inputs([str(src)])
        if not files:
            raise UsageError(f"{src}: no Word documents (.docx) in this folder")
        out_dir = Path(args.output) if args.output else None
        if not args.dry_run:
            if out_dir is None:
                raise UsageError("a folder input needs -o OUTPUT_FOLDER")
            if out_dir.resolve() == src.resolve() and not args.in_place:
                raise UsageError("the output folder is the input folder (use --in-place to allow it)")
            out_dir.mkdir(parents=True, exist_ok=True)
        code = EXIT_OK
        for i, f in enumerate(files, 1):
            _progress(i, len(files), f.name)
            try:
                _redline_one(f, out_dir / f.name if out_dir else None, args, options)
            except NoaiError as exc:
                _err(f"{f}: {exc.message}")
                _err_problems(exc)
                code = code or exc.exit_code
        _clear_progress()
        return code
    dst = Path(args.output) if args.output else src.with_name(f"{src.stem}.noai{src.suffix}")
    try:
        return _redline_one(src, dst, args, options)
    except NoaiError as exc:  # name the file, as the audit and a folder run do
        if not exc.message.startswith(f"{src}: "):
            exc.message = f"{src}: {exc.message}"
        raise


# -- clauses ----------------------------------------------------------------------------


def cmd_clauses(args: argparse.Namespace) -> int:
    from .library import format_clause, format_clause_list, render

    options = _options(args)
    library, playbook = engine.library_for(options)
    if args.clauses_cmd == "list":
        print(format_clause_list(library))
        return EXIT_OK
    clause = library.get(args.id)
    terms = engine.placeholders_for(_read_option_file(args.for_file, "--for")) if args.for_file else {}
    print(format_clause(render(clause, args.variant or playbook.variant, terms), clause))
    return EXIT_OK


# -- serving ----------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    from .web.serve import serve

    return serve(args)


def cmd_certs(args: argparse.Namespace) -> int:
    from .web.certs import make_certificates, trust_instructions

    paths = make_certificates(Path(args.dir), hosts=args.host or ["localhost", "127.0.0.1"], force=args.force)
    print(trust_instructions(paths))
    return EXIT_OK


def cmd_manifest(args: argparse.Namespace) -> int:
    from .manifest import render_manifest

    xml = render_manifest(args.url)
    if args.output:
        Path(args.output).write_text(xml, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        print(xml, end="")
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------


def _date(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _library_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--playbook", metavar="FILE", help="your playbook over the shipped one (env NOAI_PLAYBOOK)")
    p.add_argument(
        "--clauses", metavar="DIR", action="append", help="a folder of your own clauses (env NOAI_USER_CLAUSES)"
    )


_WE_HELP = (
    "which party you are: a party's name or word as the document writes it (Acme, Customer), "
    "or a role (creator, client)"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="noai", description="Protect creative work from AI training in Word contracts."
    )
    parser.add_argument("--version", action="version", version=f"noai {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("audit", help="find and classify the IP and licence clauses of .docx files")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the audit as JSON (schema noai.audit/2)")
    p.add_argument("--we", metavar="NAME_OR_ROLE", help=_WE_HELP)
    p.add_argument(
        "--previous",
        metavar="SENT.docx",
        help="the document we sent, when FILE is the other side's reply: what became of each proposal",
    )
    fmt.add_argument("--markdown", action="store_true", help="the report as Markdown")
    p.add_argument("--all", action="store_true", help="list the info items too")
    p.add_argument("--verbose", action="store_true", help="paragraph indexes (¶) and every scoring reason")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("redline", help="write the playbook's clauses and fixes as tracked changes")
    p.add_argument("input", metavar="IN.docx|DIR")
    p.add_argument("-o", "--output", metavar="OUT.docx|DIR")
    p.add_argument("--author", default="noai", help="author of the tracked changes (default: noai)")
    p.add_argument("--date", type=_date, default=None, help="date of the changes, ISO 8601 (default: now)")
    p.add_argument("--variant", choices=["strict", "standard", "minimal"])
    p.add_argument("--no-comments", action="store_true", help="no Word comments with the rationale")
    p.add_argument("--dry-run", action="store_true", help="print the plan as JSON, write nothing")
    p.add_argument("--in-place", action="store_true", help="allow overwriting the input")
    p.add_argument("--we", metavar="NAME_OR_ROLE", help=_WE_HELP)
    p.add_argument(
        "--work-kind",
        choices=list(engine.WORK_KINDS),
        help="the kind of work (default: detected from the contract's words); picks the clause for it",
    )
    p.add_argument(
        "--previous",
        metavar="SENT.docx",
        help="the document we sent, when IN is the other side's reply (needed only when the reply "
        "lost our round's record)",
    )
    _library_args(p)
    p.set_defaults(func=cmd_redline)

    p = sub.add_parser("clauses", help="browse the clause library")
    csub = p.add_subparsers(dest="clauses_cmd", required=True)
    c = csub.add_parser("list", help="list the clauses")
    _library_args(c)
    c = csub.add_parser("show", help="show one clause, rendered")
    c.add_argument("id")
    c.add_argument("--variant", choices=["strict", "standard", "minimal"])
    c.add_argument("--for", dest="for_file", metavar="FILE.docx", help="fill in that document's own terms")
    _library_args(c)
    p.set_defaults(func=cmd_clauses)

    p = sub.add_parser("serve", help="run the API and the task pane under gunicorn over HTTPS")
    p.add_argument("--host", default=os.environ.get("NOAI_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("NOAI_PORT", "8443")))
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: CPU count)")
    p.add_argument("--cert", default=os.environ.get("NOAI_CERT"), help="certificate (PEM)")
    p.add_argument("--key", default=os.environ.get("NOAI_KEY"), help="private key (PEM)")
    p.add_argument("--http", action="store_true", help="plain HTTP, behind a TLS-terminating reverse proxy")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("certs", help="make a local CA and a localhost certificate for the add-in")
    p.add_argument("--dir", default=os.environ.get("NOAI_CERT_DIR", "certs"))
    p.add_argument("--host", action="append", help="a host name or IP for the certificate (repeatable)")
    p.add_argument("--force", action="store_true", help="replace existing files")
    p.set_defaults(func=cmd_certs)

    p = sub.add_parser("manifest", help="write the add-in manifest for another host")
    p.add_argument("--url", required=True, help="https://host[:port] that serves /addin/")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(func=cmd_manifest)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "date", "absent") is None:
        args.date = datetime.now(UTC).replace(microsecond=0)
    try:
        code: int = args.func(args)
        return code
    except NoaiError as exc:
        _err(exc.message)
        _err_problems(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a file that cannot be read or written
        _err(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        return EXIT_UNREADABLE
    except Exception as exc:  # never a traceback in front of a user
        _err(f"unexpected error ({type(exc).__name__}: {exc}); please report it")
        return EXIT_UNEXPECTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
