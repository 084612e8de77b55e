"""Recall and precision of the classifier on our own transfer / ownership wordings (issue 14), per half of
tests/analysis/transfer_wordings.py: the development half (the rules were written from it), the check half
(held out for the first round, development for the second) and the second held-out half. Each sentence is put as
clause 1.1 under an "Intellectual Property" heading, in two party sets, and classified alone (the plan-level
reading of the same wordings is tests/test_transfer_wordings.py). A found transfer counts right when its
beneficiary is the expected side; a transfer found where none is expected, or to the wrong side, is a false
positive. Prints a table; writes nothing.

    PYTHONPATH=server python benchmarks/transfer_wordings.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from analysis.transfer_wordings import CHECK, CHECK_2, DEVELOPMENT  # noqa: E402

from noai.analysis.classify import classify  # noqa: E402
from noai.analysis.terms import DefinedTerms, Term  # noqa: E402
from noai.ooxml.model import Paragraph  # noqa: E402

SETS = (
    ("Client", "Contractor", 'Acme Holdings Inc. (the "Client") and Jo Rivera, an individual (the "Contractor").'),
    ("Company", "Consultant", 'Brightwater Ltd (the "Company") and Sam Okafor (the "Consultant").'),
)
TRANSFERS = ("ip_assignment", "work_made_for_hire")


def read(sentence: str, client: str, creator: str, parties: str) -> str:
    """The side a transfer found in ``sentence`` goes to ("client", "creator", "other"), or "none"."""
    terms = DefinedTerms(
        client=Term(client, f"the {client}", defined_at=0),
        provider=Term(creator, f"the {creator}", defined_at=0),
        creator="provider",
    )
    text = sentence.format(C=f"the {client}", P=f"the {creator}")
    texts = (parties, "1. Intellectual Property", "1.1 " + text[0].upper() + text[1:])
    found = [
        f
        for f in classify([Paragraph(index=i, text=t, original_text=t) for i, t in enumerate(texts)], terms)
        if f.kind in TRANSFERS
    ]
    sides = {f.beneficiary for f in found}
    if not found:
        return "none"
    return "client" if "client" in sides else "creator" if "creator" in sides else "other"


def measure(rows: list[tuple[str, str]], name: str, verbose: bool) -> str:
    right = wrong = positives = 0
    for sentence, expected in rows:
        for client, creator, parties in SETS:
            got = read(sentence, client, creator, parties)
            positives += expected != "none"
            if got != "none":
                right += got == expected
                wrong += got != expected
            if verbose and got != expected:
                print(f"  miss [{name}] expected {expected}, read {got}: {sentence}")
    recall = right / positives if positives else 1.0
    precision = right / (right + wrong) if right + wrong else 1.0
    return (
        f"{name:8} {len(rows):3} x {len(SETS)}  positives {positives:3}  recall {recall:.3f}  precision {precision:.3f}"
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for rows, name in ((DEVELOPMENT, "dev"), (CHECK, "check"), (CHECK_2, "check2")):
        print(measure(rows, name, verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
