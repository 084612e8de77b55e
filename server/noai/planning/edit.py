"""One edit of the redline plan (:class:`Edit`), the unit every part of the plan makes and the writer applies.

Imports nothing of noai; :mod:`noai.plan` re-exports :class:`Edit` with its :class:`~noai.plan.Plan`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFINITIONS = "definitions"  # the clause id of the edit adding the new terms to the document's definitions


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit. ``op`` is ``insert_after``, ``replace`` or ``comment``."""

    id: str
    op: str
    index: int
    anchor_text: str
    clause: str
    variant: str
    comment: str | None
    title: str | None = None
    paragraphs: tuple[dict[str, Any], ...] = ()  # insert_after: [{"text", "title"?, "like"?}]
    find: str | None = None  # replace / comment: the phrase, occurrence k, offsets
    occurrence: int = 0
    start: int | None = None
    end: int | None = None
    replacement: str | None = None
    finding: str | None = None

    @classmethod
    def replacing(
        cls,
        index: int,
        text: str,
        start: int,
        end: int,
        replacement: str,
        *,
        clause: str,
        variant: str,
        comment: str | None = None,
    ) -> Edit:
        """Our tracked replacement of ``text[start:end]`` in paragraph ``index`` (which reads ``text``) by
        ``replacement``; its occurrence counted as the writer finds a phrase (without overlaps)."""
        find = text[start:end]
        return cls(
            "",
            "replace",
            index,
            text,
            clause,
            variant,
            comment,
            find=find,
            occurrence=text[:start].count(find),
            start=start,
            end=end,
            replacement=replacement,
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Edit:
        """The edit of an edit object of the plan JSON (no checks: see :meth:`Plan.from_dict`)."""
        return cls(
            id=d["id"],
            op=d["op"],
            index=d["anchor"]["index"],
            anchor_text=d["anchor"]["text"],
            clause=d.get("clause", ""),
            variant=d.get("variant", ""),
            comment=d.get("comment"),
            title=d.get("title"),
            paragraphs=tuple(dict(p) for p in d.get("paragraphs", ())),
            find=d.get("find"),
            occurrence=d.get("occurrence", 0),
            start=d.get("start"),
            end=d.get("end"),
            replacement=d.get("replacement"),
            finding=d.get("finding"),
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "op": self.op,
            "anchor": {"index": self.index, "text": self.anchor_text},
            "clause": self.clause,
            "variant": self.variant,
            "title": self.title,
            "comment": self.comment,
        }
        if self.op == "insert_after":
            d["paragraphs"] = [dict(p) for p in self.paragraphs]
        else:
            d.update(find=self.find, occurrence=self.occurrence, start=self.start, end=self.end)
            if self.op == "replace":
                d["replacement"] = self.replacement
            d["finding"] = self.finding
        return d
