"""What kind of work the contract is about: software, creative work, data, or general.

A small, explained detector over the document's own words: the work product's name counts most
("the Software", "Brand Elements", "the Data"), then how often the body speaks of each kind. The
redline picks the clause variants a lawyer would add for that kind (coding assistants allowed on
delivered code; style, voice and likeness; datasets); the user can override it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from noai.analysis.fast import count_matches
from noai.ooxml.model import Paragraph

SOFTWARE, CREATIVE, DATA, GENERAL = "software", "creative", "data", "general"
WORK_KINDS = (SOFTWARE, CREATIVE, DATA, GENERAL)

_WORDS = {
    SOFTWARE: re.compile(
        r"\b(?:software|source\s+code|object\s+code|sample\s+code|code|program(?:me)?s?|"
        r"applications?|API|SDK|scripts?)\b",
        re.IGNORECASE,
    ),
    CREATIVE: re.compile(
        r"\b(?:artwork|illustrations?|photo(?:graph)?s?|images?|designs?|logos?|brand\s+elements|"
        r"music|songs?|recordings?|videos?|films?|footage|voice|likeness|manuscripts?|books?|"
        r"articles?|copy|content|creative|artistic|animations?|characters?)\b",
        re.IGNORECASE,
    ),
    DATA: re.compile(
        r"\b(?:data\s*sets?|datasets?|data|databases?|records|corpus|annotations?|labels?)\b", re.IGNORECASE
    ),
}
_NAME_WEIGHT = 10  # the work product's own name decides unless the body speaks overwhelmingly of another kind
# Without the name, the body must speak of one kind often and mostly: a services contract that
# mentions "code" three times is not a software contract, and "data" in a SaaS contract is mostly
# the customer's own data, so data needs a clearer majority.
_MIN_COUNT = 10
_MIN_SHARE = {SOFTWARE: 0.45, CREATIVE: 0.45, DATA: 0.65}


@dataclass(frozen=True, slots=True)
class WorkKind:
    kind: str  # software | creative | data | general
    reason: str
    source: str = "detected"  # "detected" | "user"

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "reason": self.reason, "source": self.source}


def detect_work_kind(paragraphs: Sequence[Paragraph], work_product: str | None) -> WorkKind:
    """The kind of work, with the words that decided it."""
    counts = dict(zip(_WORDS, count_matches(list(_WORDS.values()), [p.text for p in paragraphs]), strict=True))
    named = next((kind for kind, pattern in _WORDS.items() if work_product and pattern.search(work_product)), None)
    if named is not None:
        counts[named] += _NAME_WEIGHT
    total = sum(counts.values())
    kind, count = max(counts.items(), key=lambda kv: kv[1])
    if total == 0 or (named != kind and (count < _MIN_COUNT or count / total < _MIN_SHARE[kind])):
        return WorkKind(GENERAL, "the document does not speak mainly of software, creative work or data")
    why = f"the work product is called “{work_product}”" if named == kind else f"the text speaks mostly of {kind}"
    return WorkKind(kind, f"{why} ({count} of {total} words naming a kind of work)")


def given_work_kind(kind: str) -> WorkKind:
    """The kind the user chose (``--work-kind``, API option ``work_kind``)."""
    return WorkKind(kind, "chosen by the user", "user")
