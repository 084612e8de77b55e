"""Human-readable forms of an :class:`~noai.analysis.audit.AuditResult`: terminal text, Markdown,
and the summary table of a folder audit. Pure string building; the CLI does the printing."""

from __future__ import annotations

from typing import Iterable, Sequence

from noai.analysis.audit import PRESENT, AuditResult
from noai.analysis.classify import SEVERITY_ORDER, Finding
from noai.kinds import PROTECTIONS

_TITLES = {name: row.title for name, row in PROTECTIONS.items()}
_MARK = {"present": "yes", "missing": "NO", "unknown": "?"}


def _where(f: Finding) -> str:
    label = f.section_label or (f.section_path[-1] if f.section_path else None)
    span = f"¶{f.start}" if f.start == f.end else f"¶{f.start}-{f.end}"
    return f"{label} ({span})" if label else span


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _by_severity(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    return [(sev, [f for f in findings if f.severity == sev]) for sev in SEVERITY_ORDER
            if any(f.severity == sev for f in findings)]


def format_text(result: AuditResult) -> str:
    """A report for a terminal: score, protections, findings by severity, insertion points."""
    lines = [f"{result.filename or 'document'}: risk {result.score_summary()}"]
    lines += [f"  {points:+d}  {why}" for points, why in result.score.reasons]
    if result.ip_section:
        lines.append(f"IP section: {result.ip_section.title} (¶{result.ip_section.start}-{result.ip_section.end})")
    if result.protections:
        lines.append("")
        lines.append("Protections:")
        lines += [f"  [{_MARK[p.status]:>3}] {_TITLES[p.name]}: {p.detail}" for p in result.protections]
    for severity, group in _by_severity(result.findings):
        lines.append("")
        lines.append(f"{severity.upper()} ({len(group)}):")
        for f in group:
            lines.append(f"  {_where(f)}  {f.kind}: \"{_short(f.phrase, 60)}\"")
            lines.append(f"      {f.explanation}")
    if result.insertion_points:
        lines.append("")
        lines.append("Where missing protections belong:")
        lines += [f"  {_TITLES[ip.protection]}: after ¶{ip.index} {ip.section_label or ''} "
                  f"\"{_short(ip.text, 50)}\" ({ip.reason})" for ip in result.insertion_points]
    if result.notes:
        lines.append("")
        lines += [f"Note: {note}" for note in result.notes]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_markdown(result: AuditResult) -> str:
    """The same report as Markdown (headings, tables), for a ticket or an e-mail."""
    out = [f"# Audit: {_cell(result.filename or 'document')}", "",
           f"**Risk {result.score_summary()}**", ""]
    out += [f"- {points:+d}: {why}" for points, why in result.score.reasons]
    if result.protections:
        out += ["", "## Protections", "", "| Protection | Status | Detail |", "| --- | --- | --- |"]
        out += [f"| {_TITLES[p.name]} | {p.status} | {_cell(p.detail)} |" for p in result.protections]
    if result.findings:
        out += ["", "## Findings", "", "| Severity | Where | Kind | Phrase | Why it matters |",
                "| --- | --- | --- | --- | --- |"]
        out += [f"| {f.severity} | {_cell(_where(f))} | {f.kind} | {_cell(_short(f.phrase, 60))} | "
                f"{_cell(f.explanation)} |" for _, group in _by_severity(result.findings) for f in group]
    if result.insertion_points:
        out += ["", "## Where missing protections belong", ""]
        out += [f"- **{_TITLES[ip.protection]}**: after paragraph {ip.index} "
                f"({_cell(ip.section_label or 'unnumbered')}: \"{_cell(_short(ip.text, 60))}\"), {ip.reason}"
                for ip in result.insertion_points]
    if result.notes:
        out += ["", "## Notes", ""] + [f"- {_cell(n)}" for n in result.notes]
    return "\n".join(out) + "\n"


def format_summary_table(rows: Iterable[dict]) -> str:
    """One line a file of a folder audit. Each row is ``{"file", "result"}`` or ``{"file", "error"}``."""
    rows = list(rows)
    width = max([len(r["file"]) for r in rows] + [4])
    lines = [f"{'file':<{width}}  risk  grade  high  medium  missing protections"]
    for r in rows:
        result: AuditResult | None = r.get("result")
        if result is None:
            lines.append(f"{r['file']:<{width}}  error: {r['error']}")
            continue
        counts = {sev: sum(f.severity == sev for f in result.findings) for sev in ("high", "medium")}
        missing = ", ".join(p.name for p in result.protections if p.status != PRESENT) or "-"
        risk = "-" if result.score.risk is None else str(result.score.risk)
        lines.append(f"{r['file']:<{width}}  {risk:>4}  {result.score.grade or '-':>5}  {counts['high']:>4}  "
                     f"{counts['medium']:>6}  {missing}")
    return "\n".join(lines)
