"""A reservation of rights the document already has: our AI words join it, never a second reservation.

Where the audit finds the creator's reservation of the rights not granted ("All rights in the Work not expressly
granted to the Publishers under this Agreement are reserved to the Proprietor."), the reservation clause the plan
would insert says again what the document says. A lawyer adds to the document's own clause what ours adds to
it: the words on AI training. :func:`joined_reservation` turns the rendered insertion of our reservation into a
tracked addition at the end of the document's reservation sentence: its sentences on AI (the exclusive licence
"does not extend to using the Work to train …"), or its ", including the right to … AI …" tail as a sentence of its
own. Nothing is added where ours says nothing of AI, or where the document's reservation already does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from noai.analysis.audit import AuditResult
from noai.analysis.facts import reserves_not_granted, sentence_span, sentences
from noai.library.render import plural_self, self_verb

from .edit import Edit

RESERVATION = "reservation-of-rights"

# AI words in our own clause's sentences
_AI = r"\bAI\b|\bartificial\s+intelligence\b|\bmachine[- ]learning\b|\btrain(?:ing)?\b"
# the first sentence of our reservation: "All rights in the Protected Materials not expressly granted to the
# Publishers in this Agreement are reserved to the Proprietor, including the right to use … to train …"
_RESERVED = (
    r"^All\s+rights\s+(?:in\s+(?P<object>.+?)\s+)?not\s+expressly\s+granted\b.*?\breserved\s+to\s+(?P<owner>.+?),\s+"
    r"including\s+(?P<tail>.+?)\.?$"
)


def present_reservation(result: AuditResult) -> int | None:
    """The paragraph of the creator's own reservation of the rights not granted, where the audit found one in
    the document (not our pending insertion) that says nothing of AI: our AI words may join it."""
    found = next((p for p in result.protections if p.name == "reservation_of_rights"), None)
    if found is None or found.status != "present" or found.evidence is None:
        return None
    at = found.evidence
    finding = next((f for f in result.findings if f.kind == "reservation_of_rights" and f.start == at), None)
    text = result.paragraphs[at].text
    return at if finding is not None and reserves_not_granted(text, finding.phrase_start) else None


def _ai_sentences(body: list[str], deliverables: str) -> list[str]:
    """The sentences of our reservation's paragraphs ``body`` that speak of AI, the first sentence's ", including
    the right to … AI …" tail made a sentence of its own ("The rights reserved to the Host include the right to
    …"), its "them" named."""
    said: list[str] = []
    for n, paragraph in enumerate(body):
        for k, sentence in enumerate(sentences(paragraph)):
            if not re.search(_AI, sentence, re.IGNORECASE):
                continue
            if n == 0 and k == 0:
                m = re.match(_RESERVED, sentence.strip())
                if m is None:
                    continue
                tail = re.sub(r",\s+them\s+to\b", f", {m.group('object') or deliverables} to", m.group("tail"))
                sentence = f"The rights reserved to {m.group('owner')} include {tail}."
            said.append(sentence.strip())
    return said


def joined_reservation(
    result: AuditResult, insertions: list[Edit], terms: Mapping[str, str], with_comments: bool
) -> tuple[list[Edit], list[Edit]]:
    """``insertions`` without our reservation where the document has its own, and the edit adding our
    reservation's AI sentences to the document's reservation sentence (none where ours has no AI sentence or the
    document's reservation already speaks of AI)."""
    at = present_reservation(result)
    ours = next((e for e in insertions if e.clause == RESERVATION), None)
    if at is None or ours is None:
        return insertions, []
    rest = [e for e in insertions if e is not ours]
    found = next(f for f in result.findings if f.kind == "reservation_of_rights" and f.start == at)
    text = result.paragraphs[at].text
    deliverables = terms.get("deliverables", "the work")
    said = _ai_sentences([p["text"] for p in ours.paragraphs], deliverables)
    if not said:
        return rest, []
    _, end = sentence_span(text, found.phrase_start)
    end = len(text[:end].rstrip())
    if end <= found.phrase_end or text[end - 1] != ".":
        return rest, []
    end -= 1
    start = max(text.rfind(" ", found.phrase_end, end), found.phrase_end) + 1
    last = text[start:end]
    where = f"clause {found.section_label}" if found.section_label else "its reservation of rights"
    provider, agreement = terms.get("provider", "the creator"), terms.get("agreement", "this agreement")
    comment = (
        f"{agreement[0].upper()}{agreement[1:]} already {self_verb(agreement, 'reserves')} to {provider} the rights "
        f"{'they do' if plural_self(agreement) else 'it does'} not grant "
        f"({where}); rather than add a second reservation, we add to that clause {_what(said, deliverables)}."
    )
    joined = Edit.replacing(
        at,
        text,
        start,
        end,
        f"{last}. {' '.join(said).removesuffix('.')}",
        clause=RESERVATION,
        variant=ours.variant,
        comment=comment if with_comments else None,
    )
    return rest, [joined]


def _what(said: list[str], deliverables: str) -> str:
    """What our added sentences say, for the comment."""
    if re.search(r"\bdoes\s+not\s+extend|\bextends\s+to\b", " ".join(said)):
        return "that the grant does not extend to AI training or other AI use"
    return f"that the rights it reserves include the right to use and license {deliverables} for AI training"
