"""How the playbook's variant answers a protection of ours the other side took out: ``strict`` puts it back
as it was, ``standard`` falls back one rung, ``minimal`` accepts their change. A fix of ours they rejected falls back
to its softer version, or to consent asked for on their restored words; the words they took out of our accepted
clauses go back as our tracked replacements; the words they typed into our clauses are struck (strict), an exception
they typed confined to a use that keeps no copy and trains nothing (standard), or kept with our reading of them said
(minimal), and answered in words every time. Pure: no XML, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..analysis.audit import AuditResult
from ..analysis.facts import (
    consent_point,
    defined_names,
    in_defined_term,
    narrowing,
    opens_exception,
    term_key,
    widens,
)
from ..analysis.negotiation import ACCEPTED, MODIFIED, REJECTED, Outcome, inserted_runs, word_diff
from ..kinds import FindingKind
from ..library import Library
from ..ooxml.record import Proposal
from ..plan import Edit, Plan
from ..planning.edit import DEFINITIONS
from ..planning.strategy import COVENANT
from .said import _norm, _plain_name

REINSTATE, FALL_BACK, ACCEPT = "reinstate", "fall_back", "accept"
ANSWERS = {"strict": REINSTATE, "standard": FALL_BACK, "minimal": ACCEPT}
LOWER = {"strict": "standard", "standard": "minimal"}


def answer_for(variant: str) -> str:
    """How the playbook's ``variant`` answers a protection the other side took out."""
    return ANSWERS.get(variant, FALL_BACK)


def _not_put_back(last: Mapping[str, Outcome], plan: Plan, lower: Plan | None, how: str) -> frozenset[str]:
    """The clauses of ours the other side rejected (``last``: the latest proposal of each clause) that this round
    plans again and, below strict, does not put back: every one when accepting their changes; when falling back,
    those the lower rung has no other version of (its own words, not those they rejected)."""
    if how == REINSTATE:
        return frozenset()
    planned = {e.clause for e in plan.edits if e.op == "insert_after"}
    out = set()
    for clause, o in last.items():
        if o.state != REJECTED or clause == DEFINITIONS or clause not in planned:
            continue
        softer = next((e for e in (lower.edits if lower else ()) if e.op == o.proposal.op and e.clause == clause), None)
        if how == ACCEPT or softer is None or _same_words(softer, o.proposal):
            out.add(clause)
    return frozenset(out)


def _same_words(edit: Edit, p: Proposal) -> bool:
    """Our clause ``edit`` says what proposal ``p`` said (its numbers aside: "(g) Nothing …" is "Nothing …")."""
    ours = [_norm(q.get("text", "")) for q in edit.paragraphs]
    return len(ours) == len(p.texts) and all(_norm(t).endswith(o) for t, o in zip(p.texts, ours, strict=True))


def _fall_back_fix(
    first: Edit,
    edits: list[Edit],
    lower: Plan | None,
    rejected: set[tuple[str, str, str]],
    terms: Mapping[str, str],
    fee: bool = False,
) -> tuple[list[Edit], str]:
    """A fix of ours (``replace``) the other side rejected, answered one rung down rather than
    accepted in silence: the fix's softer version (the lower variant's, or this variant's own where
    it differs from what they rejected), with a comment answering the rejection; where there is no
    softer version, a comment on their restored words saying they conflict with our AI
    restriction and asking for consent. ``edits`` are those already proposed (the softer version
    already there gets the answer as its comment); the added edits and the plan's note."""
    mine = [e for e in edits if e.clause == first.clause and e.op == "replace"]
    if mine:
        i = edits.index(mine[0])
        edits[i] = replace(mine[0], comment=_narrower(mine[0]))
        finds = sorted(find for clause, find, _ in rejected if clause == first.clause)
        was = first.find if first.find in finds or not finds else finds[0]  # a new change: the words they rejected
        return [], f'Proposed a narrower change in place of the rejected change to "{was}".'
    softer = [
        e
        for e in (lower.edits if lower is not None else ())
        if e.clause == first.clause
        and e.op == "replace"
        and (e.clause, e.find or "", e.replacement or "") not in rejected
    ]
    if softer:
        softer = [replace(e, comment=_narrower(e) if k == 0 else None) for k, e in enumerate(softer)]
        return softer, f'Proposed a narrower change in place of the rejected change to "{first.find}".'
    added = (first.replacement or "").removeprefix(first.find or "")
    if first.finding is None and first.find and added != first.replacement:  # our words added to a clause of
        # theirs with no red flag (the AI sentence joining their reservation): none of their words to flag
        return [], f'Accepted the rejection of the words we added ("{added.lstrip(". ")}"): not proposed again.'
    if first.finding not in _AI_WORDS:  # words that permit no AI use ("for any purpose"): no consent asked for
        # every use of the work; the covenant they accepted governs AI use whatever those words allow
        return [], f'Accepted the rejection of the change to "{first.find}": not proposed again.'
    who = terms.get("provider") or "the creator"
    consent = _with_consent(first, who, fee)  # minimal too: an express permission to train never stands as it was
    if consent is not None:
        return [
            consent
        ], f'Proposed that the use in "{first.find}" wait for consent, in place of its rejected deletion.'
    said = (
        f"We note that you want to keep these words. As they stand, they conflict with the restriction on AI use "
        f"in {terms.get('agreement') or 'this Agreement'}, and would be read as {who}'s consent to what that "
        f"restriction forbids: we cannot accept both. We ask that this use be made only with {who}'s prior "
        "written consent, given case by case."
    )
    flag = replace(first, op="comment", replacement=None, comment=said)
    return [
        flag
    ], f'Flagged, in a comment, the conflict of the rejected change to "{first.find}" with our AI restriction.'


# the findings whose words permit AI use of the work: where the other side keeps them, a fall-back asks for consent
_AI_WORDS = frozenset({FindingKind.EXISTING_AI_RESTRICTION, FindingKind.DIGITAL_REPLICA})


def _with_consent(first: Edit, who: str, fee: bool = False) -> Edit | None:
    """The standard rung below the deletion of words letting the client train AI on the work, once they rejected
    it: the use is kept but waits for the creator's consent, written after the tail's lead-in ("including, only
    with Contractor's prior written consent, to train …") or the permission's modal ("may, only with …, use the
    Designs to train …"); None for any other change (:func:`~noai.analysis.facts.consent_point`)."""
    at = consent_point(first.find or "")
    if not _struck(first) or at is None or first.start is None:
        return None
    word = (first.find or "")[at[0] : at[1]]
    start = first.start + at[0]
    consent = f"only with {who}'s prior written consent" + (
        f", which {who} may make subject to a fee agreed at the time" if fee else ""
    )  # as our restriction offers it
    qualified = f"{word}, {consent},"
    said = (
        f"You did not accept our deletion of these words. As they stand, they would be read as {who}'s consent "
        "to a use our AI restriction forbids. We propose instead that this use be made only with "
        f"{who}'s prior written consent: this change adds “{consent}”."
    )
    text = first.anchor_text
    return replace(
        first,
        comment=said,
        find=word,
        occurrence=text[:start].count(word),
        start=start,
        end=start + len(word),
        replacement=qualified,
    )


def _struck(edit: Edit) -> bool:
    """The change strikes its words: deleted, or put in the place of a bracketed note ("[Intentionally deleted]")."""
    new = (edit.replacement or "").strip()
    return not new or (new.startswith("[") and new.endswith("]"))


def _narrower(edit: Edit) -> str:
    """Our answer, on the softer change we propose, to their rejection of the first: what it does."""
    return f"You did not accept our change here. We propose this narrower change in its place: {_what_it_does(edit)}."


def _rest(edits: Sequence[Edit]) -> dict[str, str]:
    """For each change of ours in several parts, what its parts after the first that put words in do ("it puts
    “by editing the Recordings or in further recording sessions …” in place of “and additional words …”"): a reply
    naming the change by its first part says the rest, which is what the clause still allows."""
    parts: dict[str, list[Edit]] = {}
    for e in edits:
        if e.op == "replace":
            parts.setdefault(e.clause, []).append(e)
    return {
        clause: "; ".join(_what_it_does(e) for e in more)
        for clause, (_, *rest) in ((c, ps) for c, ps in parts.items() if len(ps) > 1)
        if (more := [e for e in rest if e.replacement])
    }


def _what_it_allows(edit: Edit) -> str:
    """What our change lets the other side do, in plain words, where it keeps their words and adds a condition
    (the softer change after a rejection): "your wording stays, and any material … is made … only with … approval
    and for a further fee agreed in advance"; else what it does (:func:`_what_it_does`)."""
    find, new = edit.find or "", edit.replacement or ""
    added = new[len(find) :].strip(" ,") if find and new.startswith(find) else ""
    if added.lower().startswith("provided that "):
        return f"your wording stays, and {added[len('provided that ') :]}"
    if added.lower().startswith(("only with ", "only on ", "subject to ")):
        return f"your wording stays, and the use it allows is made {added}"
    return _what_it_does(edit)


def _what_it_does(edit: Edit) -> str:
    """What our replacement does, in plain words ("it adds …", "it strikes only …")."""
    find, new = edit.find or "", edit.replacement or ""
    if new.startswith(find) and len(new) > len(find):
        does = f"it adds “{new[len(find) :].strip(' ,')}”"
    elif not new:
        does = f"it strikes only “{find.strip(' ,')}”"
    else:
        does = f"it puts “{new.strip(' ,')}” in place of “{find.strip(' ,')}”"
    return does


def _restorations(result: AuditResult, outcomes: Sequence[Outcome]) -> list[Edit]:
    """The words the other side took out of our accepted or pending clauses, put back as our
    tracked replacements: each run of our words missing from their text, with the words that
    follow it there (what the replacement finds), e.g. "an AI System" ->
    "to train, pre-train, fine-tune or otherwise improve an AI System"."""
    out: list[Edit] = []
    for o in outcomes:
        if o.proposal.op != "insert_after" or o.state not in (MODIFIED,):
            continue
        for ours, i in zip(o.proposal.texts, o.matched, strict=False):
            if i is None or i >= len(result.paragraphs):
                continue
            text = result.paragraphs[i].text
            ops = word_diff(ours, text)
            for k, (op, words) in enumerate(ops):
                following = ops[k + 1] if k + 1 < len(ops) else None
                if op != "delete" or following is None or following[0] != "equal":
                    continue  # a run replaced by their words, or at the end: left to them
                anchor = " ".join(following[1].split()[:4])
                at = _find_words(text, anchor)
                if at is None:
                    continue
                start, end = at
                new = f"{words} {text[start:end]}"
                out.append(
                    Edit.replacing(i, text, start, end, new, clause=o.proposal.clause, variant=o.proposal.variant)
                )
    return out


def _find_words(text: str, words: str) -> tuple[int, int] | None:
    """Where the words (single-spaced) are in ``text``, whatever whitespace separates them there."""
    m = re.search(r"\s+".join(re.escape(w) for w in words.split()), text)
    return None if m is None else (m.start(), m.end())


def _typed_in(
    result: AuditResult, outcomes: Sequence[Outcome], how: str, terms: Mapping[str, str], library: Library
) -> tuple[list[Edit], list[str], dict[str, str]]:
    """The words the other side typed into our clauses (a clause of ours ``modified``: words added where none of
    ours went, ", except for internal tools", "train or fine-tune for a commercial product", '"Prohibited AI Use"
    (other than use in internal tools) means'), answered in the text and in words: strict strikes them; a fall-back
    confines an exception they typed to a use that keeps no copy of the work and trains no AI on it, and strikes any
    other words; accepting keeps them and says, on them, how we read them. Runs of their words a word or two apart
    ("use reasonable efforts" … "to") are one change, answered once. The edits (the first of each change commented,
    quoting their words), the plan's notes (what the user is told before sending) and, by clause, what our reply in
    its thread says of them."""
    have = defined_names(result)
    work = "the Protected Materials" if term_key("Protected Materials") in have else terms.get("deliverables")
    ai = "AI System" if term_key("AI System") in have else "artificial intelligence model"
    harmless = f"keeps no copy of {work or 'the work'} after the task and trains no {ai} on {'them' if work else 'it'}"
    least = f"trains no {ai} on {work or 'the work'}"  # the one condition an accepted exception takes (minimal)
    style = _style_guarded(outcomes)
    if style:  # our exceptions forbid imitating the creator: an exception they typed may not allow it either
        harmless = harmless.replace(" and trains", ", trains") + f" and produces no output in the style of {style}"
    edits: list[Edit] = []
    notes: list[str] = []
    thread: dict[str, list[str]] = {}
    restriction = _restriction(result, outcomes)
    moved: list[str] | None = [] if restriction else None  # an exception typed into our term, to go into it
    for o in outcomes:
        if o.proposal.op != "insert_after" or o.state != MODIFIED:
            continue
        name = "our definitions" if o.proposal.clause == DEFINITIONS else _plain_name(o, library)
        for ours, i in zip(o.proposal.texts, o.matched, strict=False):
            if i is None or i >= len(result.paragraphs):
                continue
            text = result.paragraphs[i].text
            for runs in _one_change(text, inserted_runs(ours, text)):
                made, note, reply = _answer_typed(text, runs, how, name, (harmless, least), moved)
                edits += [replace(e, index=i, clause=o.proposal.clause, variant=o.proposal.variant) for e in made]
                notes.append(note)
                thread.setdefault(o.proposal.clause, []).append(reply)
    if restriction is not None and moved and how == FALL_BACK:  # one request, one answer: confined, in the clause
        i, text = restriction
        at = text.find(_TERM) + len(_TERM)
        new = f"{_TERM}, {moved[0]} (provided that the use {harmless})"
        edits.append(Edit.replacing(i, text, at - len(_TERM), at, new, clause=COVENANT, variant=""))
    return edits, notes, {clause: " ".join(said) for clause, said in thread.items()}


_TERM = "Prohibited AI Use"  # our restriction's term: "… shall not … engage in any Prohibited AI Use, directly …"


def _restriction(result: AuditResult, outcomes: Sequence[Outcome]) -> tuple[int, str] | None:
    """Our covenant's restriction as the document has it (its paragraph and text: the paragraph of our covenant that
    forbids the term's use, not the one defining it), or None where it is not standing unmodified."""
    for o in outcomes:
        if o.proposal.clause != COVENANT or o.state not in (ACCEPTED, MODIFIED):
            continue
        for i in o.matched:
            if i is None or i >= len(result.paragraphs):
                continue
            text = result.paragraphs[i].text
            if f"any {_TERM}," in text and "shall not" in text and " means" not in text:
                return i, text
    return None


# our covenant's exceptions end "None of these may be used to produce output in the style of X."
_STYLE = "be used to produce output in the style of "


def _style_guarded(outcomes: Sequence[Outcome]) -> str:
    """Whose style our covenant's exceptions say no excepted use may imitate ("the Narrator"), read from our own
    clauses' text (the library's words, never theirs); "" where our clauses say nothing of style."""
    for o in outcomes:
        for ours in o.proposal.texts:
            at = ours.find(_STYLE)
            if at >= 0:
                return ours[at + len(_STYLE) :].split(".")[0].split(";")[0].strip()
    return ""


_APART = 2  # runs of their words at most this many words apart are one change


def _one_change(text: str, runs: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The runs of words they typed into one paragraph of ours, grouped by change (none of only punctuation)."""
    changes: list[list[tuple[int, int]]] = []
    for run in runs:
        if not text[run[0] : run[1]].strip(" ,;:()"):
            continue
        if changes and len(text[changes[-1][-1][1] : run[0]].split()) <= _APART:
            changes[-1].append(run)
        else:
            changes.append([run])
    return changes


def _answer_typed(
    text: str,
    runs: Sequence[tuple[int, int]],
    how: str,
    name: str,
    conditions: tuple[str, str],
    moved: list[str] | None,
) -> tuple[list[Edit], str, str]:
    """One change they typed into our clause (``runs`` of ``text``), answered as :func:`_typed_in` says: the edits
    (paragraph, clause and variant set by the caller), the plan's note, our words for it in the thread."""
    first, last = runs[0][0], runs[-1][1]
    # quoted without the sentence's closing stop (“except as Article 4.3 permits”, not “… permits.”)
    words = text[first:last].strip(" ,;:()").removesuffix(".").rstrip(" ,;:()")
    exception = opens_exception(words) and len(runs) == 1
    harmless, least = conditions  # a fall-back's condition on an exception, and accepting's one condition
    at = first + len(text[first:last].rstrip(" ,;:)"))
    goes_on = text[at:].lstrip(" ,")[:1] not in ("", ".", ";", ":")  # the sentence goes on after their words
    if all(widens(text, s, e) for s, e in runs):  # an alternative added to what we restrict: welcome, kept
        edit = Edit.replacing(0, text, first, last, text[first:last], clause="", variant="")
        said = f"Thank you: we accept your addition of “{words}” to {name}. It widens the restriction, as we read it."
        note = f"Kept the words the other side added to {name}, “{words}”: they widen our restriction."
        reply = f"Thank you: we accept “{words}”."
        return [replace(edit, op="comment", replacement=None, comment=said)], note, reply
    if how == ACCEPT and exception and not in_defined_term(text, first, last):  # kept, with one condition in it
        said = (
            f"We accept your addition of “{words}” to {name}, with one condition we have added in the clause: that "
            f"the use {least}. Without it, the exception could be read to allow the training the restriction is "
            "there to stop."
        )
        new = f"{text[first:at]} (provided that the use {least})"
        note = (
            f"Kept the exception the other side added to {name}, “{words}”, with one condition added in the clause: "
            f"that the use {least}. Check it before sending."
        )
        reply = f"We accept “{words}”, with one condition added in the clause: that the use {least}."
        return [Edit.replacing(0, text, first, at, new, clause="", variant="", comment=said)], note, reply
    if how == ACCEPT:
        said = (
            f"We accept your addition of “{words}” to {name}, on the understanding that it covers only a use that "
            f"{harmless}."
            if exception
            else f"We accept your addition of “{words}” to {name}. We note that it narrows the restriction, and we "
            "read it no wider than its words."
        )
        edit = Edit.replacing(0, text, first, last, text[first:last], clause="", variant="")
        note = (
            f"Kept the words the other side added to {name}, “{words}”: they narrow our restriction, and our comment "
            "says how we read them. Check them before sending."
        )
        reply = f"Understood: we accept “{words}”; our comment on those words says how we read them."
        return [replace(edit, op="comment", replacement=None, comment=said)], note, reply
    if how == FALL_BACK and exception and not in_defined_term(text, first, last):
        said = (
            f"You added “{words}” to {name}. We can accept that exception only for a use that {harmless}, and have "
            "added that condition: a wider exception would leave outside the restriction the uses it is there to stop."
        )
        proviso = f"provided that the use {harmless}"
        new = f"{text[first:at]} ({proviso})" if goes_on else f"{text[first:at]} {proviso}"
        note = f"Confined the exception the other side added to {name}, “{words}”, to a use that {harmless}."
        reply = f"We can accept “{words}” only for a use that {harmless}, and have added that condition."
        return [Edit.replacing(0, text, first, at, new, clause="", variant="", comment=said)], note, reply
    said = (
        f"You added “{words}” to {name}. We cannot accept this change: it would leave outside the restriction uses "
        "it is there to stop. We have struck these words, and the clause stands as we proposed it."
    )
    if how == FALL_BACK and exception and moved is None:  # typed into a defined term: no place for an exception
        said += f" We could accept, stated in the clause itself, an exception for a use that {harmless}."
    elif how == FALL_BACK and exception and moved is not None:  # … so it goes, confined, into our restriction
        said = (
            f"You added “{words}” to {name}, inside the defined term. We cannot accept it there, and have struck "
            f"these words. We have put that exception in the restriction itself instead, only for a use that "
            f"{harmless}: a wider exception would leave outside the restriction the uses it is there to stop."
        )
        moved.append(words)
    struck = [
        Edit.replacing(0, text, start, end, "", clause="", variant="", comment=said if k == 0 else None)
        for k, (start, end) in enumerate(runs)
    ]
    note = f"Struck the words the other side added to {name}: “{words}”."
    reply = f"We cannot accept “{words}” in {name}, and have struck these words: see our comment."
    return struck, note, reply


def _typed_into_struck(result: AuditResult, outcomes: Sequence[Outcome]) -> list[tuple[Outcome, int, str]]:
    """Words of theirs we struck (a permission to train: "Customer agrees that Canvasly … may use Inputs and Outputs
    to develop, fine-tune …"), whose deletion they rejected and into which they typed words of their own (", in
    de-identified and aggregated form,"): each as (our rejected strike, the paragraph it stands in now, their words).
    The paragraph is the one that reads as we struck it once their words are taken out, their words standing within
    the words we struck."""
    texts = [p.text for p in result.paragraphs]
    out: list[tuple[Outcome, int, str]] = []
    for o in outcomes:
        p = o.proposal
        if p.op != "replace" or o.state != REJECTED or len(p.texts) != 2 or not p.texts[0].strip():
            continue
        new = p.texts[1].strip()
        if new and not (new.startswith("[") and new.endswith("]")):
            continue  # a change of their words, not a strike
        anchor = p.anchor_text
        at = p.anchor_at if p.anchor_at is not None else anchor.find(p.texts[0])
        if at < 0:
            continue
        head, tail = _norm(anchor)[:15], _norm(anchor)[-15:]  # a paragraph typed into keeps one end of ours
        near = [k for k, t in enumerate(texts) if _norm(t).startswith(head) or _norm(t).endswith(tail)]
        for i in sorted(near, key=lambda k: abs(k - p.anchor_index)):
            text = texts[i]
            runs = [r for r in inserted_runs(anchor, text) if text[r[0] : r[1]].strip(" ,;:()")]
            if not runs or _norm(_without(text, runs)) != _norm(anchor):
                continue
            shift, inside = 0, []
            for start, end in runs:
                if at <= start - shift <= at + len(p.texts[0]):
                    inside.append((start, end))
                shift += end - start
            if inside:
                out.append((o, i, " ".join(text[s:e].strip(" ,;:()") for s, e in inside)))
                break
    return out


def _without(text: str, runs: Sequence[tuple[int, int]]) -> str:
    """``text`` less the spans ``runs`` (in order)."""
    kept, last = [], 0
    for start, end in runs:
        kept.append(text[last:start])
        last = end
    return "".join(kept) + text[last:]


def _restruck(edit: Edit, typed: Sequence[tuple[Outcome, int, str]]) -> tuple[Outcome, str] | None:
    """Our strike of this round ``edit`` that strikes again words of theirs whose strike they rejected, with the
    words they typed into them (:func:`_typed_into_struck`): the rejected strike and their words; None for any
    other edit."""
    if edit.op != "replace" or not _struck(edit) or edit.start is None or edit.end is None:
        return None
    text = edit.anchor_text
    for o, i, words in typed:
        if o.proposal.clause == edit.clause and i == edit.index and words in text[edit.start : edit.end]:
            return o, words
    return None


def _why_narrowed(words: str, terms: Mapping[str, str]) -> str:
    """Why the words they typed into a permission to train on the work leave it what it was (:func:`~noai.analysis.
    facts.narrowing`): the work used in another form ("Even de-identified and aggregated, …"), for a narrower
    purpose, or otherwise qualified."""
    work = terms.get("deliverables") or "the work"
    kind, forms = narrowing(words)
    if kind == "form":
        listed = " and ".join(f.lower() for f in forms) if len(forms) < 3 else ", ".join(forms)
        return (
            f"Even {listed}, {work} would still be used to train AI: a model learns from the content itself, and "
            "taking out names and metadata, or pooling the content with other material, leaves that content in what "
            "the model learns."
        )
    if kind == "purpose":
        return (
            f"Even limited that way, the use is still training AI on {work}: what a model learns in training stays in "
            "the model, whatever the model is then used for."
        )
    return f"Your words qualify the use but do not change what it is: training AI on {work}."


def _answer_restruck(edit: Edit, words: str, terms: Mapping[str, str]) -> str:
    """Strict's comment on its strike made again of words of theirs into which they typed ``words``."""
    return (
        f"You did not accept our deletion of these words, and added “{words}”. {_why_narrowed(words, terms)} We have "
        "struck the words again, yours with them."
    )


def _answer_confined(comment: str, words: str, terms: Mapping[str, str]) -> str:
    """The comment of a fall-back (consent, a softer change) on words of theirs into which they typed ``words``, their
    words answered first."""
    first = "You did not accept our deletion of these words."
    rest = comment.removeprefix(first).strip().replace("As they stand, they", "As these words stand, they", 1)
    return f"You did not accept our deletion of these words, and added “{words}”. {_why_narrowed(words, terms)} {rest}"
