"""Human-readable forms of an :class:`~noai.analysis.audit.AuditResult`: terminal text, Markdown,
and the summary table of a folder audit. Pure string building; the CLI does the printing.

Places are named as Word shows them (the clause number, else its heading); the paragraph index
(``¶41``, Word's ``body.paragraphs`` position) only in the verbose form. Info findings are counted,
and listed only when ``show_all``.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from typing import Any

from noai.analysis.audit import (
    MISSING,
    PRESENT,
    PROPOSED,
    REMOVED,
    SCORE_LEGEND,
    STRUCK,
    UNKNOWN,
    WEAKENED,
    AuditResult,
    InsertionPoint,
    binds_user,
    from_our_side,
)
from noai.analysis.classify import INFO, Finding
from noai.kinds import SEVERITY_ORDER, kind_spec, protection_spec

# One word a status, the same in the file report, the Markdown and the folder summary.
STATUS_WORDS: dict[str, str] = {
    PRESENT: "present",
    MISSING: "missing",
    UNKNOWN: "unknown",
    PROPOSED: "proposed",
    STRUCK: "struck",
    REMOVED: "removed",
    WEAKENED: "weakened",
}
LEGEND = (
    f"{SCORE_LEGEND} Protections: present, missing, or unknown (could not tell); in a negotiation also "
    "proposed (our pending insertion), struck (the other side's pending deletion), removed (gone since our "
    "round) or weakened (a core limb gone)."
)


def protection_title(name: str) -> str:
    return protection_spec(name).title


def kind_title(kind: str) -> str:
    return kind_spec(kind).title


def _where(f: Finding, verbose: bool = False) -> str:
    """The clause as Word shows it ("4.2", else its heading); with ``verbose`` also the paragraph index."""
    label = f.section_label or f.heading or (f.section_path[-1] if f.section_path else "")
    if not verbose:
        return label or "unnumbered"
    span = f"¶{f.start}" if f.start == f.end else f"¶{f.start}-{f.end}"
    return f"{label} ({span})" if label else span


def _at(ip: InsertionPoint, verbose: bool) -> str:
    place = ip.section_label or "the unnumbered paragraph"
    return f"{place} (¶{ip.index})" if verbose else place


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _by_severity(findings: Sequence[Finding], show_all: bool) -> list[tuple[str, list[Finding]]]:
    return [
        (sev, [f for f in findings if f.severity == sev])
        for sev in SEVERITY_ORDER
        if (show_all or sev != INFO) and any(f.severity == sev for f in findings)
    ]


def _hidden_info(findings: Sequence[Finding], show_all: bool) -> str | None:
    n = 0 if show_all else sum(f.severity == INFO for f in findings)
    return f"{n} info item{'s' if n > 1 else ''} not shown (--all lists them)." if n else None


def score_line(result: AuditResult) -> str:
    """ "risk 62/100, grade D" or "not scored"."""
    if result.score.risk is None:
        return "not scored"
    return f"risk {result.score.risk}/100, grade {result.score.grade}"


def _unsure(result: AuditResult) -> bool:
    """The user said no party and the audit guessed which one they are without being sure (the
    redline then asks: ``--we``), with at least two parties to choose from."""
    we = result.we
    return we is not None and we.source == "inferred" and not we.sure and len(_party_words(result)) > 1


def _party_words(result: AuditResult) -> list[str]:
    """Each party by the word the document calls it (its name where it has no word)."""
    words = [p.terms[0] if p.terms else p.name for p in result.parties.parties]
    return list(dict.fromkeys(w for w in words if w))


def _guessed_party(result: AuditResult) -> str:
    """The line saying whose side the report reads the contract for, and that it is a guess."""
    we = result.we
    party = next((p for p in result.parties.parties if we is not None and p.id == we.party), None)
    word = (party.terms[0] if party.terms else party.name) if party is not None else None
    read = f"Read for {word}, as the party whose work is at stake" if word else "Read without knowing your side"
    why = ""
    if result.parties.client_materials:
        why = f" (the other side brings its own {', '.join(result.parties.client_materials)} too)"
    return f"{read}: a guess{why}. Say which party you are with --we; the risk changes with it."


def next_step(result: AuditResult, path: str | None = None) -> str:
    """What to do now, in one line: a command to copy, naming ``path`` (the file as the user gave it)
    and the party the user said they are."""
    name = shlex.quote(path or result.filename or "FILE.docx")
    if result.we is not None and result.we.given:
        name += f" --we {shlex.quote(result.we.given)}"
    if result.score.risk is None:
        return "Next step: have the contract read by someone who knows its language; noai reads English only."
    if _unsure(result):
        options = " or ".join(f"`noai redline {name} --we {shlex.quote(word)}`" for word in _party_words(result))
        return f"Next step: say which party you are: {options}."
    if binds_user(from_our_side(result)):  # --we client, bringing nothing of its own: nothing drafted for it
        word = result.terms.provider.name if result.terms.provider else "creator"
        return (
            "Next step: nothing to draft from your side: noai's clauses protect the maker's work, so here they would "
            "bind you. To protect material you supply, define it in the contract (e.g. “Client Materials” means the "
            f"materials you provide) and run `noai redline {name}` again; to read the contract for the maker, "
            f"`noai audit {shlex.quote(path or result.filename or 'FILE.docx')} --we {shlex.quote(word)}`."
        )
    missing = sum(p.status != PRESENT for p in result.protections)
    risky = sum(f.severity != INFO for f in result.findings)
    if not missing and not risky:
        return "Next step: nothing to change; keep this report with the contract."
    return (
        f"Next step: `noai redline {name}` writes the missing protections and fixes as tracked changes "
        f"with comments, for you to review in Word."
    )


def format_text(result: AuditResult, *, verbose: bool = False, show_all: bool = False, path: str | None = None) -> str:
    """A report for a terminal: score and why, protections, findings by severity, where clauses go, next step."""
    lines = [f"{result.filename or 'document'}: {score_line(result)}"]
    if result.score.summary:
        lines.append(result.score.summary)
    if verbose:
        lines += [f"  {points:+d}  {why}" for points, why in result.score.reasons]
    if result.ip_section:
        span = f" (¶{result.ip_section.start}-{result.ip_section.end})" if verbose else ""
        lines.append(f"IP section: {result.ip_section.title}{span}")
    if _unsure(result):
        lines.append(_guessed_party(result))
    if result.protections:
        present = sum(p.status == PRESENT for p in result.protections)
        lines += ["", f"Protections ({present} of {len(result.protections)} present):"]
        for p in result.protections:
            lines.append(f"  [{STATUS_WORDS[p.status]:<7}] {protection_title(p.name)}: {p.detail}")
            if verbose:
                lines.append(f"            {protection_spec(p.name).explanation}")
    for severity, group in _by_severity(result.findings, show_all):
        lines += ["", f"{severity.upper()} ({len(group)}):"]
        for f in group:
            lines.append(f'  {_where(f, verbose)}  {kind_title(f.kind)}: "{_short(f.phrase, 60)}"')
            lines.append(f"      {f.explanation}")
    if hidden := _hidden_info(result.findings, show_all):
        lines += ["", hidden]
    if result.insertion_points:
        lines += ["", "Where the missing protections belong:"]
        lines += [
            f'  {protection_title(ip.protection)}: after {_at(ip, verbose)} "{_short(ip.text, 50)}" ({ip.reason})'
            for ip in result.insertion_points
        ]
    lines += negotiation_lines(result)
    if result.notes:
        lines.append("")
        lines += [f"Note: {note}" for note in result.notes]
    lines += ["", f"Legend: {LEGEND}", next_step(result, path)]
    return "\n".join(lines)


def negotiation_lines(result: AuditResult) -> list[str]:
    """What became of our last round: one line per proposal not simply pending, then the other side's changes."""
    talks = result.negotiation
    if talks is None:
        return []
    counts = talks.to_dict()["counts"]
    said = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    lines = [
        "",
        f"Round {talks.round} (ours, from the {'document we sent' if talks.source == 'previous' else 'record'}"
        f"): {said or 'no proposals'}",
    ]
    for o in talks.outcomes:
        if o.status == "pending":
            continue
        what = o.proposal.clause or o.proposal.id
        extra = " (their tracked change, pending)" if o.tracked else ""
        lines.append(f"  {o.proposal.id} {what}: {o.status}{extra}")
        lines += [f'      {c.author} replied: "{_short(c.text, 70)}"' for c in o.replies]
    if talks.changes:
        lines += ["", f"Their changes to IP, licence and AI terms ({len(talks.changes)}):"]
        lines += [f"  {c.summary}" + (f" ({c.date[:10]})" if c.date else "") for c in talks.changes]
    lines += [
        f'  Dangling: "{term}" is still used (paragraph {i + 1}) but no longer defined' for term, i in talks.dangling
    ]
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_markdown(
    result: AuditResult, *, verbose: bool = False, show_all: bool = False, path: str | None = None
) -> str:
    """The same report as Markdown (headings, tables), for a ticket or an e-mail."""
    score = score_line(result)
    out = [f"# Audit: {_cell(result.filename or 'document')}", "", f"**{score[:1].upper()}{score[1:]}**", ""]
    if result.score.summary:
        out += [_cell(result.score.summary), ""]
    out.append(f"*{LEGEND}*")
    if verbose:
        out += [""] + [f"- {points:+d}: {why}" for points, why in result.score.reasons]
    if result.protections:
        out += ["", "## Protections", "", "| Protection | What it is | Status | Detail |", "| --- | --- | --- | --- |"]
        out += [
            f"| {protection_title(p.name)} | {_cell(protection_spec(p.name).explanation)} | "
            f"{STATUS_WORDS[p.status]} | {_cell(p.detail)} |"
            for p in result.protections
        ]
    groups = _by_severity(result.findings, show_all)
    if groups:
        out += [
            "",
            "## Findings",
            "",
            "| Severity | Where | Finding | Phrase | Why it matters |",
            "| --- | --- | --- | --- | --- |",
        ]
        out += [
            f"| {f.severity} | {_cell(_where(f, verbose))} | {kind_title(f.kind)} | "
            f"{_cell(_short(f.phrase, 60))} | {_cell(f.explanation)} |"
            for _, group in groups
            for f in group
        ]
    if hidden := _hidden_info(result.findings, show_all):
        out += ["", hidden]
    if result.insertion_points:
        out += ["", "## Where the missing protections belong", ""]
        out += [
            f"- **{protection_title(ip.protection)}**: after {_cell(_at(ip, verbose))} "
            f'("{_cell(_short(ip.text, 60))}"), {ip.reason}'
            for ip in result.insertion_points
        ]
    if result.notes:
        out += ["", "## Notes", ""] + [f"- {_cell(n)}" for n in result.notes]
    out += ["", next_step(result, path)]
    return "\n".join(out) + "\n"


def format_summary_table(rows: Iterable[dict[str, Any]]) -> str:
    """One line a file of a folder audit. Each row is ``{"file", "result"}`` or ``{"file", "error"}``.

    The protections that are not present are listed as the file report names them, each with its
    status word ("missing" or "unknown")."""
    rows = list(rows)
    width = max([len(r["file"]) for r in rows] + [4])
    lines = [f"{'file':<{width}}  risk  grade  high  medium  protections not present"]
    for r in rows:
        result: AuditResult | None = r.get("result")
        if result is None:
            lines.append(f"{r['file']:<{width}}  error: {r['error']}")
            continue
        counts = {sev: sum(f.severity == sev for f in result.findings) for sev in ("high", "medium")}
        absent = (
            ", ".join(
                f"{protection_title(p.name)} ({STATUS_WORDS[p.status]})"
                for p in result.protections
                if p.status != PRESENT
            )
            or "-"
        )
        risk = "-" if result.score.risk is None else str(result.score.risk)
        lines.append(
            f"{r['file']:<{width}}  {risk:>4}  {result.score.grade or '-':>5}  {counts['high']:>4}  "
            f"{counts['medium']:>6}  {absent}"
        )
    lines += ["", f"Legend: {LEGEND}"]
    return "\n".join(lines)
