#!/usr/bin/env python3
"""Write the wire fixtures of ``tests/data/wire``: real ``POST /plan`` answers (``{"audit", "plan"}``)
of a few documents, as the engine gives them now. The Python tests validate them against
``noai/schemas`` and check they are current; the add-in's node tests read them as the backend's
answers.

    PYTHONPATH=server python scripts/wire_fixtures.py          # rewrite the fixtures
    PYTHONPATH=server python scripts/wire_fixtures.py --check  # exit 1 if one is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIRE = ROOT / "tests" / "data" / "wire"

# name -> the document (a .docx under the repository) or the paragraphs of a synthetic one
SOURCES: dict[str, str | tuple[str, ...]] = {
    "agency-services-agreement": "examples/agency-services-agreement.docx",
    "cp-ai-addendum": "tests/data/corpus/cp-ai-addendum.docx",
    "infosys-cla": "tests/data/corpus/infosys-cla.docx",
    # An unsupported language: no findings, no protections, no score, one note.
    "german-unsupported": (
        "Dienstleistungsvertrag",
        "Der Auftragnehmer überträgt dem Auftraggeber alle Rechte an den Arbeitsergebnissen.",
        "Dieser Vertrag unterliegt dem Recht der Bundesrepublik Deutschland und wird von den Parteien "
        "unterzeichnet, die sich über die Bedingungen einig sind.",
    ),
    # A round 2: the other side's reply to our redline of the example (tests/support/replies.py).
    "agency-round-2": "round-2",
}


def round_two() -> bytes:
    """The counterparty's reply to our redline of the example, as a client's counsel sends it: our
    no-AI clause rejected, the rest accepted, a reply in one of our comment threads and a tracked
    deletion of theirs in the derivative-works clause (the document keeps our round's record)."""
    from datetime import datetime

    from noai import engine

    sys.path.insert(0, str(ROOT))
    from tests.support.replies import Reply, record_ids

    red = engine.redline(
        (ROOT / "examples/agency-services-agreement.docx").read_bytes(),
        author="Studio Counsel",
        date=datetime(2026, 1, 10),
    )
    sent = red.docx
    no_ai = next(e.id for e in red.plan.edits if e.clause == "no-ai-training")  # not a number the order may change
    reply = Reply(sent).reject(ids=record_ids(sent, no_ai)).accept()
    reply.reply_to("", "We cannot accept a restriction on internal model improvement.")
    return reply.strike("without notice to or consent of the Studio").bytes()


def answer(source: str | tuple[str, ...]) -> dict:
    """The ``POST /plan`` answer for a source, as JSON-ready data."""
    from noai import engine
    from noai.analysis.audit import audit_paragraphs
    from noai.ooxml.model import Paragraph
    from noai.plan import make_plan

    if source == "round-2":
        result, plan = engine.plan(round_two(), filename="agency-round-2.docx")
    elif isinstance(source, str):
        path = ROOT / source
        result, plan = engine.plan(path.read_bytes(), filename=path.name)
    else:
        result = audit_paragraphs(
            [Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(source)], filename="vertrag.docx"
        )
        plan = make_plan(result, *engine.library_for())
    return json.loads(json.dumps({"audit": result.to_dict(), "plan": plan.to_dict()}))


def text(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def stale() -> list[str]:
    """The fixtures that differ from what the engine gives now."""
    return [
        name
        for name, source in SOURCES.items()
        if not (WIRE / f"{name}.answer.json").is_file()
        or (WIRE / f"{name}.answer.json").read_text(encoding="utf-8") != text(answer(source))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report stale fixtures")
    args = parser.parse_args(argv)
    if args.check:
        names = stale()
        print("\n".join(f"stale: {n}" for n in names) or "fixtures are current")
        return 1 if names else 0
    WIRE.mkdir(parents=True, exist_ok=True)
    for name, source in SOURCES.items():
        (WIRE / f"{name}.answer.json").write_text(text(answer(source)), encoding="utf-8")
        print(f"wrote tests/data/wire/{name}.answer.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
