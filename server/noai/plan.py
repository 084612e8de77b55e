"""The redline plan: audit + clause library + playbook -> a list of edits. Pure, no XML.

The plan is what both the .docx writer (:mod:`noai.writer`) and the add-in apply: the writer takes
the typed :class:`Plan`; the add-in its JSON (``Plan.to_dict()``, ``noai.plan/1``, whose schema is
``noai/schemas/plan.json``; ``Plan.from_dict`` reads it back, checked). Every edit is
anchored by a paragraph index *and* that paragraph's current text.

Idempotence: a protection the audit finds present (our own pending insertions included, since
the audit reads the current text) is not inserted again, nor is a clause whose text is already in
the document; a red flag whose replacement is already in place is not replaced again; a comment
already attached to a paragraph is not added twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from typing import Any

from . import schemas
from .analysis.audit import AuditResult, IpSection
from .analysis.classify import Finding
from .analysis.facts import (
    Background,
    DocumentFacts,
    Strike,
    a_purpose_of_its_own,
    as_referred,
    background_licence,
    be_before,
    before_the_licence,
    clause_name,
    creation_timing,
    credit_to_authors,
    definitions_run,
    hire_fallback,
    irrevocable,
    joined_verb,
    lettered_number,
    modal_before,
    modal_start,
    no_credit_asked,
    opens_definitions,
    option_name,
    owned_work_use,
    present_transfers,
    proviso_as_sentence,
    purpose_limited,
    qualifier_end,
    read_facts,
    sentence_span,
    this_part,
    training_words,
    used_as_part_of,
    waits_for_payment,
)
from .errors import PartyRoleError, PlanError, UnknownVariantError
from .kinds import Placement
from .library import (
    VARIANTS,
    Clause,
    Fix,
    Library,
    Playbook,
    Rendered,
    RenderedFix,
    for_cases,
    render_fix,
    render_many,
)
from .library.render import (
    INFORMAL,
    NO_SUBLICENCE,
    PERSON,
    SUB_HYPHEN,
    capitalise,
    comment_voice,
    fill_known,
    first_person,
    in_my_voice,
    possessive,
    roman_lists,
    without_officer,
)
from .ooxml.model import Paragraph
from .ooxml.renumber import Renumbered, renumbered
from .ooxml.revisions import next_numbers, typed_number, typed_number_span

SCHEMA = "noai.plan/1"
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


@dataclass(frozen=True, slots=True)
class Plan:
    variant: str
    terms: Mapping[str, str]
    edits: tuple[Edit, ...]
    offered: tuple[str, ...] = ()  # optional protections the playbook offers but did not insert
    notes: tuple[str, ...] = field(default=())
    # The plan's renumbering for its insertions, which the writer reuses (not part of the plan's JSON).
    renumbered: Renumbered | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        """The plan of a plan JSON (``noai.plan/1``), checked against its schema.

        :raise PlanError: the JSON is not a valid plan (the message names what is wrong)."""
        problems = schemas.problems("plan", data)
        if problems:
            raise PlanError(f"The redline plan is not a valid {SCHEMA} plan: {'; '.join(problems)}.")
        return cls(
            variant=data["variant"],
            terms=dict(data["terms"]),
            edits=tuple(Edit.from_dict(e) for e in data["edits"]),
            offered=tuple(data["offered"]),
            notes=tuple(data["notes"]),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "variant": self.variant,
            "terms": dict(self.terms),
            "edits": [e.to_dict() for e in self.edits],
            "offered": list(self.offered),
            "notes": list(self.notes),
        }


def _occurrence(text: str, phrase: str, start: int) -> int:
    """Which occurrence (0-based) of ``phrase`` in ``text`` begins at ``start``."""
    k, pos = 0, text.find(phrase)
    while 0 <= pos < start:
        k += 1
        pos = text.find(phrase, pos + 1)
    return k


def _already_replaced(f: Finding, replacement: str) -> bool:
    """The text at the finding already reads as the replacement (e.g. "... devised, excluding any
    Prohibited AI Use" after an earlier redline); never for a replacement that keeps only some of the phrase's words
    ("now known or hereafter devised" -> "now known"), which the phrase itself begins with."""
    if _narrows(f, replacement):
        return False
    return f.paragraph_text[f.phrase_start : f.phrase_start + len(replacement)] == replacement


def _narrows(f: Finding, replacement: str) -> bool:
    """The replacement keeps only some of the phrase's words ("now known" of "now known or hereafter devised")."""
    return bool(replacement) and replacement != f.phrase and replacement in f.phrase


def _says_already(f: Finding, replacement: str) -> bool:
    """The paragraph already says the replacement; for a transfer's change that wraps its phrase ("not works
    made for hire"), at the phrase itself: "…, to the extent they are not works made for hire" later in the
    paragraph is no reason to keep "are works made for hire"."""
    if _narrows(f, replacement):
        return False
    if f.kind in _TRANSFER_KINDS and f.phrase in replacement:
        start = f.phrase_start - replacement.index(f.phrase)
        return start >= 0 and f.paragraph_text[start : start + len(replacement)] == replacement
    return replacement in f.paragraph_text


_FIRST = ("any_and_all_purposes",)  # the purpose limit is the fix the other replacements lean on


def _without_redundant(fixes: list[tuple[Finding, RenderedFix, str]]) -> list[tuple[Finding, RenderedFix, str]]:
    """Drop a replacement whose added words are already said in its paragraph, by the text or by
    a replacement kept before it: "perpetual" -> "perpetual (solely for the Permitted Purpose)" is
    redundant next to "for any and all purposes" -> "solely for the Permitted Purpose", and after
    that replacement has been made."""
    said: dict[int, list[str]] = {}
    dropped: set[int] = set()
    order = sorted(range(len(fixes)), key=lambda i: (fixes[i][0].kind not in _FIRST, i))
    for i in order:
        f, rf, op = fixes[i]
        if op != "replace" or f.kind in _TRANSFER_KINDS:  # a transfer's change adds a condition, not a limit
            continue
        if _narrows(f, rf.replacement or ""):  # it takes words out ("now known"): nothing added to be said twice
            continue
        texts = said.setdefault(f.start, [f.paragraph_text])
        replacement = rf.replacement or ""  # set: choose_fixes replaces only with a replacement
        added = replacement.replace(f.phrase, "", 1).strip(" ,;()")
        if added and any(added in t for t in texts):
            dropped.add(i)
        else:
            texts.append(replacement)
    return [fix for i, fix in enumerate(fixes) if i not in dropped]


def _speaks_our_terms(library: Library) -> Callable[[str], bool]:
    """A test for paragraphs that use a term the library defines ("Prohibited AI Use",
    "Permitted Purpose", ...): our own inserted clauses, or text already fixed on our terms."""
    terms = sorted(library.glossary, key=len, reverse=True)
    if not terms:
        return lambda text: False
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    return lambda text: pattern.search(text) is not None


def make_plan(
    result: AuditResult,
    library: Library,
    playbook: Playbook,
    *,
    variant: str | None = None,
    comments: bool | None = None,
    existing_comments: Mapping[int, Sequence[str]] | None = None,
) -> Plan:
    """The edits the playbook asks for on this audited document: choose (red flags to fix,
    clauses to insert), render (with the document's terms), order (clauses in document order,
    then the fixes; edits numbered e1, e2, ...).

    ``existing_comments`` maps a paragraph index to the texts of the comments already anchored
    there, so a second run adds no duplicate comment.
    """
    variant = variant or playbook.variant
    if variant not in VARIANTS:
        raise UnknownVariantError(f"There is no variant {variant!r}; choose one of {', '.join(VARIANTS)}.")
    with_comments = playbook.comments if comments is None else comments
    terms = result.terms.placeholders()
    if result.score.risk is None:  # language not supported: propose nothing rather than nonsense
        return Plan(variant, terms, (), notes=tuple(result.notes))
    facts = read_facts(result)
    strategy = choose_strategy(result, facts)
    if strategy.situation == NOT_DELIVERY:  # an NDA, a charter, a data-use undertaking: nothing fits,
        return Plan(variant, terms, (), notes=(_not_delivery_note(terms), *result.notes))  # whoever we are
    _check_parties(result, terms)
    background = facts.background
    embedded = None
    if strategy.situation == ASSIGNED:  # the client owns the work: its embedded materials stay usable in it

        def embedded(f: Finding) -> str | None:
            if background_licence(f, background, terms):
                return BACKGROUND
            return OWNED_WORK if owned_work_use(f, background, terms) else None

    # A licence of existing material describes no project: the purpose limit names the client's own
    # business, never "the project described in this License".
    # A document that defines its own purpose ("“Purpose”: identifying the Retailer …") is named by it.
    purpose = facts.purpose if "project" not in terms else None
    unnamed = None if purpose or facts.project or "project" in terms else _no_project(terms)
    project = unnamed or purpose
    if not project and "project" not in terms and not _says_project(result):  # work made, but no "project"
        project = f"the purpose of {terms.get('agreement', 'this agreement')}"  # not "the project described in"
    rendered = {**terms, "project": project} if project else terms
    if facts.transferred:  # what the transfer moves ("the finished video"), where no work product is named
        rendered = {**rendered, "transferred": facts.transferred}
    # the clauses spelt as the document spells: "licence", "authorise" (or "license", "authorize")
    rendered = {
        **{k: v for k, v in rendered.items() if k != "licence"},
        **({"licence": "licence"} if facts.british else {}),
        **({SUB_HYPHEN: "-"} if facts.sub_hyphen else {}),
        **({} if facts.sublicensable else {NO_SUBLICENCE: "yes"}),
        **({INFORMAL: "yes"} if facts.informal else {}),
    }
    if facts.individual:  # a creator who is a person is never "it": "the know-how the Illustrator had"
        rendered = {**rendered, PERSON: "provider"}
    commented = {**terms, "transferred": facts.transferred} if facts.transferred else terms  # comments' terms
    commented = {**commented, PERSON: "provider"} if facts.individual else commented
    commented = {**commented, "project": purpose} if purpose else commented
    commented = {
        **{k: v for k, v in commented.items() if k != "licence"},
        **({"licence": "licence"} if facts.british else {}),
        **({SUB_HYPHEN: "-"} if facts.sub_hyphen else {}),
        **({} if facts.sublicensable else {NO_SUBLICENCE: "yes"}),
        **({INFORMAL: "yes"} if facts.informal else {}),
    }
    fixes, needed_terms = choose_fixes(
        result,
        library,
        playbook,
        variant,
        {**rendered, "price": facts.price} if facts.price else rendered,
        with_comments,
        existing_comments or {},
        embedded,
        facts.paid,
        facts.brand,
    )
    fixes, struck = strike_creation_timing(
        fixes, terms.get("deliverables", "the work"), (terms.get("provider", ""), terms.get("client", ""))
    )
    defining = {library.clause_defining(t).id for t in needed_terms}
    chosen = adapt_clauses(
        choose_clauses(result, library, playbook, variant, needed_terms),
        strategy,
        variant,
        result.work_kind.kind if result.work_kind else None,
        keep=defining,
        text=facts.text,
    )
    if _purpose_kept(fixes):  # "for any purpose, subject to the restrictions on Prohibited AI Use": no purpose limit
        chosen = [c for c in chosen if c != "scope-limitation" or c in defining]
    assignable = facts.assignable if strategy.situation != ASSIGNED and variant != "minimal" else None
    if assignable is not None and COVENANT in chosen and RETAINED not in chosen:  # bind who takes the licence
        chosen.insert(chosen.index(COVENANT) + 1, RETAINED)
    placed, notes = place_clauses(result, [library.get(c) for c in chosen])
    cases = {"exclusive"} if facts.exclusive else set()  # the situations a clause's text depends on
    cases |= {"individual"} if facts.individual else set()
    cases |= {"company"} if facts.company else set()
    cases |= {"british"} if facts.british_law else set()
    cases |= {"assigned"} if any(c.id == RETAINED for _, c in placed) else set()  # later transferees bound
    cases |= {"uncertain_transfer"} if strategy.situation == LICENSED and _may_transfer(result) else set()
    cases |= {"owned"} if strategy.situation == ASSIGNED else set()  # the client owns the work: consent, no licence
    # the grant named training, now struck: minimal's covenant bars the client's own training too
    cases |= {"trains"} if any(f.kind == "existing_ai_restriction" and op == "replace" for f, _, op in fixes) else set()
    # the document lets the client use what the creator keeps ("to promote the launch"): strict keeps that use
    cases |= {"kept_use"} if strategy.situation == ASSIGNED and facts.kept_use is not None else set()
    placed = [(at, for_cases(clause, cases)) for at, clause in placed]
    # Assigned work keeps a purpose limit only for the term a fix uses ("solely for the Permitted
    # Purpose" in the licence of what the creator keeps): its definition, never its sentence limiting
    # licences of the work the client now owns.
    only_defining = {"scope-limitation"} if strategy.situation == ASSIGNED or _tied(strategy, fixes) else set()
    clause_terms = dict(rendered)
    if background.term:  # the document's own name for the creator's pre-existing materials
        named = background.term if background.term.startswith("the ") else f"any {background.term}"
        clause_terms["pre_existing"] = (
            f"{named} or any other material, tool or know-how that {terms.get('provider', 'the creator')} "
            f"develops independently of {terms.get('agreement', 'this agreement')}"
        )
    # what the document expressly keeps with the creator ("we keep the characters"), where it names no
    # pre-existing materials of its own: the licence-back names them, the comments say the work alone passes
    expressly = (
        facts.kept if not background.term and background.kept is None and strategy.situation == ASSIGNED else None
    )
    if expressly:
        provider, agreement = terms.get("provider", "the creator"), terms.get("agreement", "this agreement")
        develops = "develop" if provider in ("we", "I") else "develops"
        clause_terms["pre_existing"] = (
            f"{expressly} or any other material, tool or know-how that {provider} owned before {agreement} or that "
            f"{provider} {develops} independently of it"
        )
    trimmed: dict[str, tuple[int, str, str]] = {}
    if background.kept is not None and strategy.situation == ASSIGNED:  # the document keeps them already
        trimmed[RETAINED] = _later_transferees(result, background, commented)
    elif assignable is not None and strategy.situation != ASSIGNED:  # the creator keeps the work: takers only
        trimmed[RETAINED] = _licence_takers(result, assignable, commented)
    if only_defining:  # the purpose limit's definition alone: say which change uses it
        trimmed["scope-limitation"] = (0, "Permitted Purpose", _defined_for(fixes, result.paragraphs, terms))
    elsewhere = " ".join(rf.replacement or "" for _, rf, op in fixes if op == "replace")
    insertions = render_insertions(
        result, library, placed, variant, clause_terms, with_comments, only_defining, trimmed, elsewhere
    )
    insertions = [_inner_lists(e, result.paragraphs) for e in insertions]
    if not facts.client_company:  # a client that may be a person ("you", a sole trader) has no officer to sign
        insertions = [_no_officer(e) for e in insertions]
    clauses = [i for i, e in enumerate(insertions) if e.clause != DEFINITIONS]
    renumbering: Renumbered | None = None
    if clauses and with_comments:  # the strategy, said once: on the first clause inserted
        first = clauses[0]
        kept = _kept_words(result, background, terms) if RETAINED in trimmed else None
        inserted_ids = [insertions[i].clause for i in clauses]
        why = strategy_comment(
            result, strategy, inserted_ids, variant, commented, fixes, kept, struck, expressly, facts.company
        )
        renumbering = _renumbered(result, insertions)
        why += _shifted(result, insertions, renumbering)
        insertions[first] = replace(insertions[first], comment=f"{why} {insertions[first].comment}")
    if expressly and with_comments:
        insertions = [_names_kept(e, expressly, commented, facts.kept_use) for e in insertions]
    if facts.kept and strategy.situation == LICENSED:  # the reservation names what the document keeps
        insertions = [_reserves_kept(e, facts.kept, commented, with_comments) for e in insertions]
    edits = [*insertions, *(fix_edit(f, rf, op, variant, with_comments) for f, rf, op in fixes)]
    if {"I", "we", "We"} & {terms.get("provider"), terms.get("client")}:  # "reserve to me", not "reserve to I"
        edits = [replace(e, comment=first_person(e.comment)) if e.comment else e for e in edits]
    if facts.clause_word:  # "Section 7(b)", as the document refers to it, not "clause 7(b)"
        edits = [replace(e, comment=as_referred(e.comment, facts.clause_word)) if e.comment else e for e in edits]
        edits = [_calling_itself(e, facts.clause_word) for e in edits]  # "This Section applies", in our text too
    if facts.usage and variant != "minimal":  # the purpose within the use the schedule sets out
        edits = [_within_usage(e, facts.usage) for e in edits]
    if facts.credit_kept:  # the waiver already keeps the right to be identified: we do not ask for it
        edits = [replace(e, comment=no_credit_asked(e.comment)) if e.comment else e for e in edits]
    elif facts.company:  # a company has no moral rights of its own: its people keep the right to be credited
        authors = f"the individual authors of {terms.get('deliverables', 'the work')}"
        edits = [replace(e, comment=credit_to_authors(e.comment, authors)) if e.comment else e for e in edits]
    optional = _transfer_options(result, strategy)
    if optional:  # the transfer is one of the contract's alternatives: it passes only if that one is chosen
        edits = [_if_chosen(e, optional, commented) for e in edits]
    if unnamed and any(unnamed in _words(e) for e in edits):
        edits, said = _name_the_purpose(edits, unnamed, terms)
        notes.append(said)
    if terms.get("provider") == "I":  # a creator writing "I": its comments say "I add", not "we add"
        edits = [replace(e, comment=in_my_voice(e.comment)) if e.comment else e for e in edits]
    offered = tuple(p.clause for p in playbook.offered(variant) if not _present(result, p.kind))
    return Plan(
        variant,
        terms,
        numbered(edits),
        offered=offered,
        notes=tuple(notes + list(result.notes)),
        renumbered=renumbering,
    )


_PURPOSE_DEFINED = ("Permitted Purpose” means use", 'Permitted Purpose" means use')
_EXCLUDING = ", excluding any Prohibited AI Use"


def _within_usage(e: Edit, usage: str) -> Edit:
    """``e`` with the Permitted Purpose it defines kept within the use the document's schedule sets out ("…
    for the project described in this agreement, within the channels, period and territory set out in the
    usage table in Schedule 1, excluding any Prohibited AI Use")."""

    def within(text: str) -> str:
        at = max(text.find(d) for d in _PURPOSE_DEFINED)
        end = text.find(_EXCLUDING, at) if at >= 0 else -1
        return text if end < 0 else f"{text[:end]}, within {usage}{text[end:]}"

    if not any(d in p["text"] for p in e.paragraphs for d in _PURPOSE_DEFINED):
        return e
    return replace(e, paragraphs=tuple({**p, "text": within(p["text"])} for p in e.paragraphs))


def _no_officer(e: Edit) -> Edit:
    """``e`` whose certificate is signed by the client itself, not "by an authorised officer" it may not have."""
    paragraphs = tuple({**p, "text": without_officer(p["text"])} for p in e.paragraphs)
    return e if paragraphs == e.paragraphs else replace(e, paragraphs=paragraphs)


def _calling_itself(e: Edit, word: str) -> Edit:
    """``e`` with the clauses it inserts calling themselves by the document's ``word`` ("This Section")."""
    if not e.paragraphs:
        return e
    return replace(e, paragraphs=tuple({**p, "text": this_part(p["text"], word)} for p in e.paragraphs))


def _transfer_options(result: AuditResult, strategy: Strategy) -> str | None:
    """ "Option 1": the bracketed alternative every transfer of the work is in, where each is in one."""
    if strategy.situation != ASSIGNED or not strategy.evidence:
        return None
    names = [option_name(result.paragraphs, f.start) for f in strategy.evidence]
    if None in names:
        return None
    return " or ".join(dict.fromkeys(n for n in names if n))


def _if_chosen(e: Edit, option: str, terms: Mapping[str, str]) -> Edit:
    """``e`` with its comment saying the work passes under ``option`` if chosen, not under the whole agreement:
    every way a comment states the transfer ("passes to the Customer under this agreement", "passes ownership
    of the Deliverables to the Customer", "Here ownership … passes to", "gives the Customer ownership of",
    "makes ownership … pass to the Customer only on payment")."""
    if not e.comment:
        return e
    t = _comment_terms(terms)
    chosen = f"if the parties choose {option}"
    said = f"passes to {t['client']} under {t['agreement']}"
    comment = e.comment.replace(said, f"passes to {t['client']} {chosen}")
    client = re.escape(t["client"])
    comment = re.sub(
        rf"\b(?:passes ownership of [^;.]+? to {client}|ownership of [^;.]+? passes to {client}|"
        rf"gives {client} ownership of [^;.,]+?(?=[;.,]))(?! {re.escape(chosen)})",
        lambda m: f"{m.group(0)} {chosen}",
        comment,
    )
    comment = re.sub(
        rf"\bmakes ownership of [^;.]+? pass to {client}(?=\s)", lambda m: f"{m.group(0)}, {chosen},", comment
    )
    return replace(e, comment=comment) if comment != e.comment else e


def _words(e: Edit) -> str:
    """All the words an edit adds: its paragraphs, replacement and comment."""
    return " ".join([*(p["text"] for p in e.paragraphs), e.replacement or "", e.comment or ""])


_PROJECT_WORD = re.compile(r"\bprojects?\b", re.IGNORECASE)


def _says_project(result: AuditResult) -> bool:
    """Whether the document itself speaks of a project: "the project described in it" points at nothing otherwise."""
    return any(_PROJECT_WORD.search(p.original_text) for p in result.paragraphs)


def _no_project(terms: Mapping[str, str]) -> str:
    """What ``{project}`` names where the document describes no project (a licence of existing material):
    the client's own business, a limit true of any document."""
    return f"{possessive(terms.get('client', 'the other party'))} own business"


def _name_the_purpose(edits: Sequence[Edit], unnamed: str, terms: Mapping[str, str]) -> tuple[list[Edit], str]:
    """The edits with the purpose-limit clause's comment saying ``unnamed`` is our default, and the plan's
    note asking the user to name the purpose the parties agree."""
    t = _comment_terms(terms)
    said = (
        f"{capitalise(t['agreement'])} describes no project for {t['deliverables']}, so the changes name "
        f"{unnamed} as the purpose {t['deliverables']} may be used for. If the parties agree another "
        f"purpose, name it in the definition of Permitted Purpose and in the comments that say “{unnamed}”."
    )
    why = (
        f" {capitalise(t['agreement'])} describes no project, so we limit the use to {unnamed}; "
        "the parties should name the purpose here."
    )
    # on the purpose limit, else on the definitions clause that now defines the Permitted Purpose
    defining = [
        e
        for e in edits
        if e.comment
        and (e.clause == "scope-limitation" or (e.clause == DEFINITIONS and "Permitted Purpose" in _words(e)))
    ]
    target = next((e for e in defining if e.clause == "scope-limitation"), defining[0] if defining else None)
    out = [replace(e, comment=e.comment + why) if e is target and e.comment else e for e in edits]
    return out, said


def _present(result: AuditResult, protection: str) -> bool:
    audited = result.protection(protection)
    return audited is not None and audited.status in ("present", "proposed")  # proposed: our pending insertion


# -- strategy ---------------------------------------------------------------------------------------

LICENSED, ASSIGNED, NOT_DELIVERY = "licensed", "assigned", "not_delivery"
_TRANSFER_KINDS = ("ip_assignment", "work_made_for_hire")
_ON_PAYMENT = "upon payment in full of"  # the strict fix-ip-assignment replacement ("… of all charges due under")
_WORK_OBJECTS = (None, "deliverables", "ip", "pre_existing", "data")  # not "outputs": an AI service's
# The clause a lawyer adds after the covenant for each kind of work (audit ``work_kind``).
KIND_CLAUSES = {"software": "ai-software-use", "creative": "ai-creative-likeness", "data": "ai-data-use"}
TEXT_CLAUSE = "ai-text-use"  # text work (translations, copy) of a general or creative contract
COVENANT = "no-ai-training"


@dataclass(frozen=True, slots=True)
class Strategy:
    """What the document does with the creator's work, and the findings that show it: ``licensed``
    (the creator keeps ownership), ``assigned`` (assigned, vested or made for hire), or
    ``not_delivery`` (no work passes under it: an NDA, a charter, a data-use undertaking)."""

    situation: str
    evidence: tuple[Finding, ...] = ()


def _gives_work(f: Finding) -> bool:
    """The creator gives the client the work (not a right the creator keeps or receives)."""
    return (
        f.actor in ("creator", "both")
        and f.beneficiary != "creator"
        and not f.negated
        and f.operative
        and f.object in _WORK_OBJECTS
    )


def _may_transfer(result: AuditResult) -> bool:
    """The audit finds words by which the creator may give the client the work (whatever their rating):
    where it finds none, the creator keeps ownership and no clause speaks of a transfer."""
    return any(
        f.kind in _TRANSFER_KINDS and f.actor in ("creator", "both") and f.beneficiary != "creator" and not f.negated
        for f in result.findings
    )


def choose_strategy(result: AuditResult, facts: DocumentFacts) -> Strategy:
    """The situation, read from the findings' clause semantics (act / actor / beneficiary / object)."""
    transfers = [
        f
        for f in result.findings  # medium: "shall, upon payment ..., assign" (our strict redline)
        if f.kind in _TRANSFER_KINDS and f.severity in ("high", "medium") and _gives_work(f)
    ]
    if transfers or any(_ON_PAYMENT in p.text for p in result.paragraphs):  # or our strict redline's wording
        return Strategy(ASSIGNED, tuple(transfers))
    licences = [f for f in result.findings if f.kind == "license_grant" and _gives_work(f)]
    if licences:
        return Strategy(LICENSED, tuple(licences))
    if result.parties.work_product is None or facts.confidential_work:
        return Strategy(NOT_DELIVERY)
    return Strategy(LICENSED)  # a work product and no transfer: the creator keeps ownership


def _check_parties(result: AuditResult, terms: Mapping[str, str]) -> None:
    """Stop before inventing a name: both roles must map to the document's parties, and the user
    must say which party they are where the audit is unsure."""
    listed = [{"id": p.id, "name": p.name, "terms": list(p.terms), "role": p.role} for p in result.parties.parties]
    missing = [role for role, key in (("creator", "provider"), ("client", "client")) if key not in terms]
    if missing:
        raise PartyRoleError(
            f"The document names no party as the {' or the '.join(missing)} of the work, and the clauses would need "
            f"one. Say which party you are: --we NAME, or the API option we.",
            detail={"missing": missing, "parties": listed},
        )
    we = result.we
    if we is not None and not we.sure and we.source == "inferred":
        names = "; ".join(" / ".join(p.terms) or p.name or p.id for p in result.parties.parties) or "none found"
        raise PartyRoleError(
            f"Which party are you? The audit cannot tell who creates the work here (parties: {names}). "
            f"Say it with --we (a party's name or word, or creator / client), or the API option we.",
            detail={"missing": ["we"], "parties": listed},
        )


def numbered_paragraphs(index: int, edit: Edit, source: Callable[[int, Mapping[str, Any]], int]) -> dict[int, int]:
    """How many of an ``insert_after`` edit's paragraphs (anchored at paragraph ``index``) take a number
    of their own, by the paragraph whose list they continue (``source(index, item)``: the item's
    ``like``, else the anchor); a ``continued`` paragraph takes none, nor does one whose source comes
    after the first numbered item's: it is in the list that new item opens ("10.8.1" under a new "10.8"
    copying "10.7" and "10.7.1"), which moves nothing of the document's."""
    counts: dict[int, int] = {}
    opened = None
    for item in edit.paragraphs:
        if not item.get("continued"):
            at = source(index, item)
            if opened is not None and at > opened:
                continue
            opened = at if opened is None else opened
            counts[at] = counts.get(at, 0) + 1
    return counts


def _source(index: int, item: Mapping[str, Any]) -> int:
    like = item.get("like")
    return like if isinstance(like, int) else index


def _renumbered(result: AuditResult, insertions: Sequence[Edit]) -> Renumbered:
    """The renumbering the insertions need (the writer makes it), with its inputs."""
    inserted: dict[int, int] = {}
    for e in insertions:
        for at, count in numbered_paragraphs(e.index, e, _source).items():
            inserted[at] = inserted.get(at, 0) + count
    return renumbered([p.text for p in result.paragraphs], inserted, [p.label for p in result.paragraphs])


def _shifted(result: AuditResult, insertions: Sequence[Edit], found: Renumbered | None = None) -> str:
    """A sentence naming the typed clause numbers the insertions move, and the typed references that
    follow them (the writer renumbers both as tracked changes), or "" when none moves (``found``: the
    insertions' renumbering, when already made)."""
    changes = (found or _renumbered(result, insertions)).found.changes
    moved = [c.old for c in changes if not c.reference]
    if not moved:
        return ""
    refs = sum(c.reference for c in changes)
    shown = ", ".join(moved[:4]) + (" …" if len(moved) > 4 else "")
    plural = "s" if refs != 1 else ""
    if all(c.automatic for c in changes if not c.reference):  # Word's numbering moves them by itself
        also = f", and the {refs} cross-reference{plural} to them are updated as tracked changes" if refs else ""
        return f" Word's automatic numbering renumbers the clauses after the insertion ({shown}){also}."
    also = f", with {refs} cross-reference{plural} to them" if refs else ""
    return f" The clauses after the insertion are renumbered ({shown}){also}, as tracked changes."


def _not_delivery_note(terms: Mapping[str, str]) -> str:
    agreement = capitalise(terms.get("agreement", "this agreement"))
    return (
        f"{agreement} is not a document under which work is delivered: it licenses or transfers no work "
        f"product, so no AI clause is proposed."
    )


def adapt_clauses(
    wanted: Sequence[str],
    strategy: Strategy,
    variant: str,
    work_kind: str | None,
    keep: Set[str] = frozenset(),
    text: bool = False,
) -> list[str]:
    """The playbook's clauses fitted to the situation. Assigned work: no purpose limit and no
    reservation in what the creator no longer owns; *strict* and *standard* keep the creator's
    pre-existing materials and bind later transferees (``retained-materials``), *minimal* adds the
    covenant only. Then the clause for the kind of work, right after the covenant. ``keep``: clauses
    defining a term a fix uses (a licence's "for any purpose" -> "for the Permitted Purpose")."""
    out = list(wanted)
    if strategy.situation == ASSIGNED:
        out = [c for c in out if c in keep or c not in ("scope-limitation", "reservation-of-rights")]
        if variant != "minimal":
            out.insert(out.index(COVENANT) + 1 if COVENANT in out else len(out), "retained-materials")
    extra = KIND_CLAUSES.get(work_kind or "")
    if extra and COVENANT in out:
        out.insert(out.index(COVENANT) + 1, extra)
    if text and work_kind in (None, "general", "creative") and COVENANT in out:  # text work: AI editing tools
        out.insert(out.index(extra) + 1 if extra in out else out.index(COVENANT) + 1, TEXT_CLAUSE)
    return out


RETAINED = "retained-materials"
_LATER_TITLE = "Later Transferees"
# who must agree to the AI restriction before taking a right in the work from the client, in every person
# ("Anyone you later assign or license the finished video to must …")
_LATER_TAKERS = (
    "Anyone {client} later assigns or licenses {transferred} to must first agree in writing to be bound by the AI "
    "restriction."
)


_PERSONS_OWN = {"you": "yours", "You": "yours", "I": "mine", "we": "ours", "We": "ours"}  # "a right of yours"


def _defined_for(
    fixes: Sequence[tuple[Finding, RenderedFix, str]], paragraphs: Sequence[Paragraph], terms: Mapping[str, str]
) -> str:
    """The comment of the Permitted Purpose's definition inserted for the changes that use it alone."""
    tied = [f for f, rf, op in fixes if op == "replace" and "Permitted Purpose" in (rf.replacement or "")]
    labels = list(dict.fromkeys(_where(f, paragraphs).strip(" ()") for f in tied if _where(f, paragraphs)))
    where = " in " + " and ".join(labels) if labels else ""
    changes = "the changes" if len(tied) > 1 else "the change"
    limit = "limit" if len(tied) > 1 else "limits"
    t = _comment_terms(terms)
    whose = _PERSONS_OWN.get(t["client"], t["client"])
    return (
        f"Why this definition: {changes}{where} {limit} a right of {whose} to the Permitted Purpose, "
        f"which {t['agreement']} does not define otherwise."
    )


def _purpose_kept(fixes: Sequence[tuple[Finding, RenderedFix, str]]) -> bool:
    """A change keeps a licence's unlimited purpose and only makes it subject to the AI restriction
    (minimal: "for any purpose" -> "for any purpose, subject to the restrictions on Prohibited AI Use"):
    a clause granting the licences "for the Permitted Purpose" beside it would contradict that change,
    so the purpose limit is not added."""
    return any(
        op == "replace"
        and f.kind == "any_and_all_purposes"
        and "Permitted Purpose" not in (rf.replacement or "")
        and f.phrase.lower() in (rf.replacement or "").lower()
        for f, rf, op in fixes
    )


def _tied(strategy: Strategy, fixes: Sequence[tuple[Finding, RenderedFix, str]]) -> bool:
    """Every licence the creator grants is tied to the Permitted Purpose by a change in its own words
    ("for any purpose" -> "solely for the Permitted Purpose"): the purpose limit's sentence would say it
    again, so its definition alone is inserted."""
    tied = {f.start for f, rf, op in fixes if op == "replace" and "Permitted Purpose" in (rf.replacement or "")}
    return (
        strategy.situation == LICENSED and bool(strategy.evidence) and all(f.start in tied for f in strategy.evidence)
    )


def _later_transferees(result: AuditResult, background: Background, terms: Mapping[str, str]) -> tuple[int, str, str]:
    """The retained-materials clause where the document already keeps the creator's pre-existing
    materials with it: its first paragraph (keeping and licensing them back) left out, its title and
    comment those of the obligation to bind later transferees."""
    t = _comment_terms(terms)
    kept = _kept_words(result, background, terms)
    comment = (
        f"Why this clause: ownership of {t['transferred']} passes to {t['client']} under {t['agreement']}; "
        f"{kept}, so we add nothing on them. "
    ) + fill_known(_LATER_TAKERS, t)
    return 1, _LATER_TITLE, comment


def _licence_takers(result: AuditResult, at: int, terms: Mapping[str, str]) -> tuple[int, str, str]:
    """The retained-materials clause for a licence the client may assign (paragraph ``at``): only its obligation
    to bind whoever takes the licence, with its own comment."""
    t = _comment_terms(terms)
    label = result.paragraphs[at].section_label if at < len(result.paragraphs) else None
    where = clause_name(label) if label else capitalise(t["agreement"])
    comment = (
        f"Why this clause: {where} lets {t['client']} pass the licence on to someone else, who would not be bound "
        f"by the AI restriction {t['client']} agreed to. This has {t['client']} make anyone who takes a right in "
        f"{t['deliverables']} from it agree in writing to be bound by that restriction."
    )
    return 1, _LATER_TITLE, comment


def _names_kept(e: Edit, kept: str, terms: Mapping[str, str], use: str | None = None) -> Edit:
    """The retained-materials clause's comment, saying it names what the document expressly keeps (and, ``use``,
    the use of them it lets the client make: "and lets you use to promote the launch")."""
    if e.clause != RETAINED or not e.comment:
        return e
    lets = "" if use is None else " and lets {client} use" + (f" {use}" if use else " them")
    said = fill_known(f" It names {kept}, which {{agreement}} keeps with {{provider}}{lets}.", _comment_terms(terms))
    return replace(e, comment=e.comment + said)


def _reserves_kept(e: Edit, kept: str, terms: Mapping[str, str], with_comments: bool) -> Edit:
    """The reservation of rights naming what the document expressly keeps with the creator ("the original
    artwork and the sketches"): its first paragraph says the rights reserved include those in them."""
    if e.clause != "reservation-of-rights" or not e.paragraphs:
        return e
    at = next((i for i, p in enumerate(e.paragraphs) if " reserved to " in p["text"]), None)
    if at is None:
        return e
    first = e.paragraphs[at]
    text = first["text"].rstrip()
    said = f"{text} The rights reserved include all rights in {kept}."
    paragraphs = (*e.paragraphs[:at], {**first, "text": said}, *e.paragraphs[at + 1 :])
    comment = e.comment
    if with_comments and comment:
        comment += fill_known(f" It names {kept}, which {{agreement}} keeps with {{provider}}.", _comment_terms(terms))
    return replace(e, paragraphs=paragraphs, comment=comment)


def _kept_words(result: AuditResult, background: Background, terms: Mapping[str, str]) -> str:
    """ "clause 3.2 already keeps the Developer Components with the Developer"."""
    t = _comment_terms(terms)
    at = background.kept
    label = result.paragraphs[at].section_label if at is not None and at < len(result.paragraphs) else None
    where = clause_name(label) if label else capitalise(t["agreement"])
    what = background.term or f"{possessive(t['provider'])} pre-existing materials"
    return f"{where} already keeps {what} with {t['provider']}"


def _comment_terms(terms: Mapping[str, str]) -> dict[str, str]:
    terms = comment_voice(terms)  # the creator speaks: "we" in a client's "we engage you" letter are "you" here
    return {
        "agreement": terms.get("agreement", "this agreement"),
        "client": terms.get("client", "the other party"),
        "provider": terms.get("provider", "the creator"),
        "deliverables": terms.get("deliverables", "the work"),
        "transferred": terms.get("transferred", terms.get("deliverables", "the work")),
        **{
            k: terms[k] for k in ("licence", SUB_HYPHEN, NO_SUBLICENCE, PERSON) if k in terms
        },  # its spelling; a person named
    }


_PURPOSES = {
    "scope-limitation": "limit the licences of {deliverables} to the Permitted Purpose",
    "no-ai-training": "add a covenant against AI use of {deliverables}",
    "reservation-of-rights": "reserve to {provider} the rights the licence does not grant",
    "retained-materials": "keep {provider}'s pre-existing materials and know-how with {provider}|have anyone "
    "{client} later assigns or licenses {transferred} to agree in writing to the AI restriction",  # two changes
    "ai-software-use": "allow AI coding assistants on the delivered code, but not training on it",
    "ai-text-use": "allow AI editing and translation tools on the delivered text, but not training on it",
    "ai-creative-likeness": "cover imitation of the style, voice and likeness of {provider} and of the people "
    "who made {deliverables}",
    "ai-creative-likeness/company": "cover imitation of the style of {provider} and of the style, voice and "
    "likeness of the people who made {deliverables}",
    "ai-data-use": "cover datasets derived from {deliverables}",
    # minimal inserts only the bar on digital replicas: nothing said of style
    "ai-creative-likeness/minimal": "bar digital replicas of the voice or likeness of {provider} and of the people "
    "who made {deliverables}",
    "ai-creative-likeness/company/minimal": "bar digital replicas of the voice or likeness of the people who made "
    "{deliverables}",
}


def _purpose(
    clause: str,
    strategy: Strategy,
    fixes: Sequence[tuple[Finding, RenderedFix, str]],
    paragraphs: Sequence[Paragraph],
    kept: str | None,
) -> str:
    """What an inserted clause does, as the strategy comment says it. Assigned work: the purpose limit
    is there only for the rights a change ties to it (never "the licences of" a work the client owns);
    the retained-materials clause only binds later transferees where the document keeps the creator's
    materials already."""
    if clause == "scope-limitation" and (strategy.situation == ASSIGNED or _tied(strategy, fixes)):
        tied = [f for f, rf, op in fixes if op == "replace" and "Permitted Purpose" in (rf.replacement or "")]
        labels = list(dict.fromkeys(_where(f, paragraphs).strip(" ()") for f in tied if _where(f, paragraphs)))
        if labels:
            return "tie the rights granted in " + " and ".join(labels) + " to the Permitted Purpose"
        return "tie the rights the changes below mark to the Permitted Purpose"
    if clause == RETAINED and strategy.situation != ASSIGNED:  # a licence the client may assign
        return "have anyone {client} passes the licence on to agree in writing to the AI restriction"
    if clause == RETAINED and kept is not None:
        return (
            "have anyone {client} later assigns or licenses {transferred} to agree in writing to the AI restriction ("
            + kept
            + ")"
        )
    return _PURPOSES[clause]


def _where(f: Finding, paragraphs: Sequence[Paragraph]) -> str:
    label = paragraphs[f.start].section_label if f.start < len(paragraphs) else None
    return f" ({clause_name(label)})" if label else ""


def strategy_comment(
    result: AuditResult,
    strategy: Strategy,
    inserted: Sequence[str],
    variant: str,
    terms: Mapping[str, str],
    fixes: Sequence[tuple[Finding, RenderedFix, str]],
    kept: str | None = None,
    struck: Sequence[str] = (),
    expressly: str | None = None,
    company: bool = False,
) -> str:
    """One comment saying what the redline does and why, from this document's findings only. ``kept``:
    where the document already keeps the creator's pre-existing materials with it (so the
    retained-materials clause only binds later transferees); ``struck``: the creation-timing words
    struck beside a transfer made to wait for payment (:func:`strike_creation_timing`); ``expressly``: what the
    document expressly keeps with the creator ("the characters"), said to stay with it; ``company``: the creator is
    a company, whose people (not itself) have a voice and likeness."""
    t = _comment_terms(terms)
    first = strategy.evidence[0] if strategy.evidence else None
    where = _where(first, result.paragraphs) if first is not None else ""
    if strategy.situation == ASSIGNED:
        option = option_name(result.paragraphs, first.start) if first is not None else None
        hire = first is not None and first.kind == "work_made_for_hire"
        if option is not None:  # one of the contract's bracketed alternatives: what it would do if chosen
            made = (
                "would make {deliverables} works made for hire for {client}"
                if hire
                else "would transfer ownership of {transferred} to {client}"
            )
            said = option + where + " " + made + _other_options(result, option)
        else:
            made = (
                "makes {deliverables} works made for hire for {client}"
                if hire
                else "transfers ownership of {transferred} to {client}"
            )
            said = "{agreement} " + made + where
            if expressly and not hire:  # the transfer moves the work alone: what the document keeps stays
                said += " and leaves " + expressly + " with {provider}"
        replaced = {(f.start, f.phrase_start) for f, _, op in fixes if op == "replace" and f.kind in _TRANSFER_KINDS}
        waiting = [f for f in strategy.evidence if (f.start, f.phrase_start) in replaced]
        strike = " (not on creation: we strike “" + "”, “".join(struck) + "”)" if struck else ""
        if waiting and len(waiting) == len(strategy.evidence):
            said += "; we propose that ownership pass only on payment in full" + strike
        elif waiting:  # only some of the transfer's words are changed: say which, and that the rest stays
            standing = [f for f in strategy.evidence if f not in waiting]
            said += (
                "; we propose that the transfer by “" + "”, “".join(f.phrase for f in waiting) + "” wait for payment "
                "in full" + strike + ", and keep “" + "”, “".join(f.phrase for f in standing) + "”"
            )
        elif first is not None and waits_for_payment(first):
            said += "; that transfer already waits for payment and stays as it is"
        else:
            said += "; we leave that transfer unchanged" if option is None else "; we leave that option as written"
    elif first is not None:
        said = "{agreement} licenses {deliverables} to {client}" + where + " and {provider} keeps ownership"
    else:
        said = (
            "we found no licence or transfer of {deliverables} to {client} in {agreement}, "
            "so {provider} keeps ownership"
        )
    ids = list(dict.fromkeys(inserted))
    if "scope-limitation" not in ids and any("Permitted Purpose" in (rf.replacement or "") for _, rf, _ in fixes):
        ids.insert(0, "scope-limitation")  # its definition went elsewhere, but the changes still tie rights to it
    ids = [f"{c}/company" if company and f"{c}/company" in _PURPOSES else c for c in ids]
    ids = [f"{c}/{variant}" if f"{c}/{variant}" in _PURPOSES else c for c in ids]  # what this variant's text does
    purposes = [
        p for c in ids if c in _PURPOSES for p in _purpose(c, strategy, fixes, result.paragraphs, kept).split("|")
    ]
    if purposes:
        said += ", and we " + _listed(purposes)
    return fill_known("Our approach: " + said + ".", t)


def _listed(items: Sequence[str]) -> str:
    """``items`` as one list: "a, b and c"; with semicolons ("a; b; and c") where an item has a comma or an "and"
    of its own, so no item runs into the one before ("… who made the Work; and reserve to the Composer …")."""
    if len(items) < 2:
        return "".join(items)
    if any("," in i or " and " in i for i in items):
        return "; ".join(items[:-1]) + "; and " + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _other_options(result: AuditResult, option: str) -> str:
    """ " (Option 2 (clause 4.3) would license them instead)" where another alternative licenses the work."""
    for f in result.findings:
        if f.kind == "license_grant" and _gives_work(f):
            other = option_name(result.paragraphs, f.start)
            if other is not None and other != option:
                return f" ({other}{_where(f, result.paragraphs)} would license them instead)"
    return ""


BACKGROUND, OWNED_WORK = "background", "owned_work"  # what a finding's licence is of, the work being assigned
_PART_OF_WORK = "solely as part of {deliverables}"
_PART_OF_COMMENT = (
    "“{match}” lets {client} use these materials of {provider} apart from {deliverables}. This change "
    "limits that licence to their use as part of {deliverables}, which {client} may use as it owns them."
)


def _fill(template: str, terms: Mapping[str, str], match: str) -> str:
    values = {
        "deliverables": terms.get("deliverables", "the work"),
        "client": terms.get("client", "the other party"),
        "provider": terms.get("provider", "the creator"),
        "match": match,
        **{
            k: terms[k] for k in ("licence", SUB_HYPHEN, NO_SUBLICENCE) if k in terms
        },  # spelt as the document spells "licence"
    }
    return fill_known(template, values)


def background_fix(
    f: Finding, rf: RenderedFix, variant: str, terms: Mapping[str, str], owned: bool = False
) -> RenderedFix | None:
    """The fix of a red flag in a licence of the creator's pre-existing materials embedded in work the
    client owns (the transfer standing), or (``owned``) in a use of that work itself: no Permitted
    Purpose, term or revocability limit (the client must be able to use the work it owns); a background
    licence's unlimited purpose is limited to use as part of the work (not in minimal, whose fix only
    excludes Prohibited AI Use). ``None``: no edit."""
    if f.kind == "perpetual_irrevocable":
        return None
    if f.kind == "any_and_all_purposes" and variant != "minimal" and not owned:
        if used_as_part_of(f):
            return None  # already used only as part of the work
        return replace(
            rf,
            action="replace",
            replacement=_fill(_PART_OF_WORK, terms, f.phrase),
            comment=_fill(_PART_OF_COMMENT, terms, f.phrase),
            uses=(),
        )
    if rf.replacement and "Permitted Purpose" in rf.replacement:
        return None
    return rf


_REVOCABLE_FOR_AI = "{match} (but revocable for any Prohibited AI Use)"
_REVOCABLE_COMMENT = "This change keeps “{match}” and makes the licence revocable for Prohibited AI Use."


def limited_fix(f: Finding, rf: RenderedFix, terms: Mapping[str, str]) -> RenderedFix | None:
    """The fix of a red flag in a licence already tied to a purpose it names ("… licence … for the
    Purpose", "for running X's business"): no Permitted Purpose beside it, and no asking a perpetual
    licence for that purpose (a brand's logo, an app run for a business) to last only for a project; an
    irrevocable one may still become revocable for Prohibited AI Use. ``None``: no edit."""
    if f.kind == "perpetual_irrevocable" and not irrevocable(f):
        return None  # perpetual for the purpose it names: what the client paid for
    if rf.replacement and "Permitted Purpose" in rf.replacement:
        if f.kind != "perpetual_irrevocable":
            return None
        return replace(
            rf,
            replacement=_fill(_REVOCABLE_FOR_AI, terms, f.phrase),
            comment=_fill(_REVOCABLE_COMMENT, terms, f.phrase),
            uses=tuple(u for u in rf.uses if u != "Permitted Purpose"),
        )
    return rf


# -- choosing ---------------------------------------------------------------------------------------


def _fix_wanted(
    f: Finding, library: Library, playbook: Playbook, ours: Callable[[str], bool]
) -> tuple[str, Fix] | None:
    """The playbook's action and the library's fix for a red flag worth an edit, else None."""
    if f.severity not in ("high", "medium"):
        return None  # a licence back to the creator, a mutual clause: nothing to negotiate
    if ours(f.paragraph_text):
        return None  # our own clause, or a phrase already fixed on our terms
    if f.kind in _TRANSFER_KINDS and _ON_PAYMENT in f.paragraph_text:
        return None  # our strict redline already made the transfer wait for payment
    # the client's right to sublicense ("the Producer may sub-license the licence") is one the creator gives: a
    # sublicence to an AI vendor, or wider than the licence, is the creator's risk still
    passed_on = f.kind == "sublicensable" and f.actor == "client"
    if f.beneficiary == "creator" or (f.actor == "client" and not passed_on):
        return None  # the creator's own right ("the Licensor may subcontract"): never rewritten
    action = playbook.action_for(f.kind)
    fix = library.fix_for(f.kind)
    if action == "ignore" or fix is None or not f.phrase:
        return None
    if action == "replace" and (
        (f.actor not in ("creator", "both") and not passed_on)
        or (f.kind in _TRANSFER_KINDS and f.object not in _WORK_OBJECTS)
    ):
        action = "comment"  # a tracked replacement only where the finding says the creator gives the right
    return action, fix


def _rendering(terms: Mapping[str, str]) -> Callable[[Fix, str, str], RenderedFix | None]:
    """``render_fix(fix, variant, phrase, terms)``, each answer rendered once (a phrase recurs:
    "perpetual", "for any purpose" in clause after clause)."""
    done: dict[tuple[int, str, str], RenderedFix | None] = {}

    def render(fix: Fix, variant: str, phrase: str) -> RenderedFix | None:
        key = (id(fix), variant, phrase)  # the library holds its fixes while the plan is made
        if key not in done:
            done[key] = render_fix(fix, variant, phrase, terms)
        return done[key]

    return render


def choose_fixes(
    result: AuditResult,
    library: Library,
    playbook: Playbook,
    variant: str,
    terms: Mapping[str, str],
    with_comments: bool,
    existing_comments: Mapping[int, Sequence[str]],
    embedded: Callable[[Finding], str | None] | None = None,
    paid: bool = False,
    brand: bool = False,
) -> tuple[list[tuple[Finding, RenderedFix, str]], list[str]]:
    """The red flags to replace or comment on, each with its rendered fix and op, and the library
    terms the replacements use (in order of first use). One edit per piece of text, one
    explanatory comment per kind, no comment already in place, no replacement already made.
    ``embedded``: whether a finding is in a licence of the creator's pre-existing materials embedded in
    work the client owns (``BACKGROUND``) or in a use of that work itself (``OWNED_WORK``), or neither
    (``None``); :func:`background_fix` decides the fix of the first two. ``paid``: the client pays fees or
    a sum for the work (strict may make a transfer wait for them). ``brand``: the work is a logo or brand,
    whose perpetual licence :func:`limited_fix` leaves alone as it does one for a purpose it names."""
    fixes: list[tuple[Finding, RenderedFix, str]] = []
    taken: dict[int, list[tuple[int, int]]] = {}  # paragraph -> phrase ranges already edited
    needed_terms: list[str] = []
    commented: set[str] = set()  # one explanatory comment per kind of red flag is enough
    ours = _speaks_our_terms(library)
    render = _rendering(terms)
    for f in result.findings:
        wanted = _fix_wanted(f, library, playbook, ours)
        if wanted is None:
            continue
        action, fix = wanted
        ranges = taken.setdefault(f.start, [])
        if any(s < f.phrase_end and f.phrase_start < e for s, e in ranges):
            continue  # one edit per piece of text: "perpetual and irrevocable" once, not twice
        if action != "replace" and (f.kind in commented or not with_comments):
            continue  # a comment already written for this kind, or none wanted: nothing to render
        rf = render(fix, variant, f.phrase)
        if f.kind == "existing_ai_restriction":  # a grant's "including to train …": struck, nothing else
            named = _training_struck(f, rf) if rf is not None and action == "replace" else None
            if named is not None:
                ranges.append((named[0].phrase_start, named[0].phrase_end))
                fixes.append((*named, "replace"))
            continue
        use = embedded(f) if rf is not None and embedded is not None else None
        if rf is not None and use is not None:
            rf = background_fix(f, rf, variant, terms, owned=use == OWNED_WORK)
        elif rf is not None and (purpose_limited(f) or (brand and f.kind == "perpetual_irrevocable")):
            rf = limited_fix(f, rf, terms)
        if rf is None or rf.action == "ignore":
            continue
        op = "replace" if action == "replace" and rf.action == "replace" and rf.replacement else "comment"
        if (
            op == "replace" and f.kind == "ip_assignment" and (not paid or waits_for_payment(f))
        ):  # no fees to wait for (an employee's invention assignment), or the transfer waits for them already
            op, rf = "comment", render(fix, "standard", f.phrase) or rf
        elif op == "comment" and variant == "strict" and f.kind == "ip_assignment" and waits_for_payment(f):
            rf = render(fix, "standard", f.phrase) or rf  # no asking for a payment condition it has
        # "transfers and assigns": one verb cannot be replaced alone
        if op == "replace" and f.kind == "ip_assignment" and joined_verb(f):
            op, rf = "comment", render(fix, variant, "") or rf  # the catch-all rule's comment
        if op == "replace" and not _fits_before(f, rf):  # the words before it do not take the replacement
            op, rf = "comment", render(fix, "standard", f.phrase) or rf
        if op == "replace" and (moved := _qualified_purpose(f, rf, result.findings)) is not None:
            f, rf = moved  # "for any purpose related to our business": the purpose replaced with its qualifier
        elif op == "replace" and (moved := _proviso_after_object(f, rf, result.findings, terms)) is not None:
            ranges.append((f.phrase_start, f.phrase_end))  # "sublicensable" stays as it is
            f, rf = moved  # the proviso a sentence of its own after the licence's object
        elif op == "replace" and (moved := _after_qualifier(f, rf, result.findings)) is not None:
            ranges.append((f.phrase_start, f.phrase_end))  # the words it keeps: no second edit of them
            f, rf = moved
        if op == "comment":
            seen = f.kind in commented or _commented(fix, variant, f.phrase, existing_comments.get(f.start, ()))
            commented.add(f.kind)
            if seen or not with_comments:
                continue
        elif rf.replacement is None or _already_replaced(f, rf.replacement) or _says_already(f, rf.replacement):
            continue
        ranges.append((f.phrase_start, f.phrase_end))
        fixes.append((f, rf, op))
        if op == "replace":
            needed_terms.extend(t for t in rf.uses if t not in needed_terms)
    if not any(op == "replace" and f.kind == "ip_assignment" for f, _, op in fixes):
        # "not works made for hire" only beside an assignment this plan makes wait for payment
        fixes = [
            (f, render(library.fix_for(f.kind), "standard", f.phrase) or rf, "comment")  # type: ignore[arg-type]
            if op == "replace" and f.kind == "work_made_for_hire"
            else (f, rf, op)
            for f, rf, op in fixes
        ]
    return _without_redundant(fixes), needed_terms


def strike_creation_timing(
    fixes: Sequence[tuple[Finding, RenderedFix, str]], work: str = "the work", parties: tuple[str, str] = ("", "")
) -> tuple[list[tuple[Finding, RenderedFix, str]], list[str]]:
    """The fixes with, after each transfer made to wait for payment, a second tracked replacement
    striking the words that time the transfer at the work's creation ("shall, upon payment in full …,
    be vested in the Institute on their creation" would contradict itself), and where the work is no
    longer made for hire, one changing the condition that limits the transfer to work not made for hire
    ("To the extent any Contribution is not a work made for hire, " -> "For each Contribution, "), the
    transfer's comment saying so; and the timing words struck. Another transfer in the paragraph that takes effect
    at once (``parties``: the creator's and the client's terms) waits for that payment too ("All Work Product is
    the sole property of X upon creation. Y hereby assigns …"), with its own creation timing struck. Not where
    those words overlap another edit."""
    out: list[tuple[Finding, RenderedFix, str]] = []
    struck: list[str] = []
    taken = [(f.start, f.phrase_start, f.phrase_end) for f, _, _ in fixes]
    unhired = any(op == "replace" and f.kind == "work_made_for_hire" for f, _, op in fixes)
    for f, rf, op in fixes:
        strikes: list[tuple[Strike, str]] = []
        if op == "replace" and f.kind == "ip_assignment" and _ON_PAYMENT in (rf.replacement or ""):
            timing = creation_timing(f.paragraph_text, f.phrase_start, f.phrase_end)
            if timing is not None:
                strikes.append(
                    (timing, f" We also strike “{timing.words}”: ownership passes on payment, not on creation.")
                )
            fallback = hire_fallback(f.paragraph_text, f.phrase_start, f.phrase_end) if unhired else None
            if fallback is not None:
                strikes.append((fallback, _FALLBACK_SAID.format(words=fallback.words, work=work)))
            if all(parties):
                for other in present_transfers(f.paragraph_text, f.phrase_start, f.phrase_end, *parties, work):
                    strikes.append((other, f" We also make “{other.words}” in this clause wait for that payment."))
                    timing = creation_timing(f.paragraph_text, other.start, other.end)
                    if timing is not None and not any(s.start == timing.start for s, _ in strikes):
                        strikes.append(
                            (timing, f" We also strike “{timing.words}”: ownership passes on payment, not on creation.")
                        )
        strikes = [
            (strike, said)
            for strike, said in strikes
            if not any(i == f.start and s < strike.end and strike.start < e for i, s, e in taken)
        ]  # another edit holds those words
        said_all = "".join(said for _, said in strikes)
        out.append((f, replace(rf, comment=rf.comment + said_all) if said_all else rf, op))
        for strike, said in strikes:
            second = replace(
                f, phrase=f.paragraph_text[strike.start : strike.end], phrase_start=strike.start, phrase_end=strike.end
            )
            out.append(
                (second, replace(rf, find=second.phrase, replacement=strike.replacement, comment="", uses=()), op)
            )
            if said.startswith(" We also strike"):
                struck.append(strike.words)
            taken.append((f.start, strike.start, strike.end))  # struck once, though two transfers share the words
    return out, struck


_FALLBACK_SAID = (
    " We also change “{words}”: with {work} no longer works made for hire, that condition always holds, and "
    "this transfer covers all of them."
)


def _after_qualifier(f: Finding, rf: RenderedFix, findings: Sequence[Finding]) -> tuple[Finding, RenderedFix] | None:
    """An exclusion appended to the phrase ("devised" -> "devised, excluding any Prohibited AI Use") moved after
    the words that still qualify the grant ("… devised in connection with the Film"), so they keep qualifying
    the grant, not the exclusion; up to the next red flag of the paragraph, which has its own edit. The change
    is then made at the qualifier's last word ("promotion" -> "promotion, excluding …"), the phrase kept as it
    stands. ``None``: no qualifier follows, or the replacement appends no exclusion."""
    replacement = rf.replacement or ""
    if not replacement.startswith(f.phrase + ", ") or replacement.endswith(","):
        return None  # not an exclusion after the phrase (a bracket, a parenthesis between commas)
    later = [g.phrase_start for g in findings if g.start == f.start and g.phrase_start >= f.phrase_end]
    end = qualifier_end(f.paragraph_text, f.phrase_end, min(later, default=None))
    if end == f.phrase_end:
        return None
    start = max(f.paragraph_text.rfind(" ", f.phrase_end, end), f.phrase_end - 1) + 1
    last = f.paragraph_text[start:end]
    return replace(f, phrase=last, phrase_start=start, phrase_end=end), replace(
        rf, replacement=last + replacement[len(f.phrase) :]
    )


def _training_struck(f: Finding, rf: RenderedFix) -> tuple[Finding, RenderedFix] | None:
    """The edit striking the words by which a grant names AI training among the uses it allows to the client
    (:func:`~noai.analysis.facts.training_words`), the lead-in with them; ``None`` for any other AI language."""
    if f.attributes.get("polarity") != "permission" or f.actor != "creator" or f.beneficiary != "client":
        return None
    strike = training_words(f.paragraph_text, f.phrase_start, f.phrase_end)
    if strike is None:
        return None
    words = f.paragraph_text[strike.start : strike.end]
    return replace(f, phrase=words, phrase_start=strike.start, phrase_end=strike.end), replace(
        rf, find=words, replacement="", comment=rf.comment.replace(f"“{f.phrase}”", f"“{strike.words}”")
    )


def _qualified_purpose(f: Finding, rf: RenderedFix, findings: Sequence[Finding]) -> tuple[Finding, RenderedFix] | None:
    """An unlimited purpose replaced whole ("for any purpose" -> "solely for the Permitted Purpose") where words
    qualifying that purpose follow it ("… related to our business"): the change takes them with it and keeps
    them on the purpose ("solely for the Permitted Purpose, and only for a purpose related to our business"), so
    they never qualify the new words ("the Permitted Purpose related to our business"). ``None``: no qualifier
    follows, or the replacement is not a purpose of its own."""
    if f.kind != "any_and_all_purposes" or not a_purpose_of_its_own(rf.replacement or "") or "urpose" not in f.phrase:
        return None
    later = [g.phrase_start for g in findings if g.start == f.start and g.phrase_start >= f.phrase_end]
    end = qualifier_end(f.paragraph_text, f.phrase_end, min(later, default=None))
    if end == f.phrase_end:
        return None
    qualifier = f.paragraph_text[f.phrase_end : end]
    whole = f.paragraph_text[f.phrase_start : end]
    return replace(f, phrase=whole, phrase_end=end), replace(
        rf, find=whole, replacement=f"{rf.replacement}, and only for a purpose{qualifier}"
    )


def _proviso_after_object(
    f: Finding, rf: RenderedFix, findings: Sequence[Finding], terms: Mapping[str, str]
) -> tuple[Finding, RenderedFix] | None:
    """A proviso on sublicensing ("sublicensable (other than to an AI Vendor, …)") where "sublicensable" is
    one of the adjectives before the licence ("transferable and sublicensable license to use …"): put there,
    it would part the adjectives from their noun; it becomes a sentence of its own after the licence's sentence
    ("… as part of the Work Product. No sublicense may be granted to an AI Vendor, and every sublicense must
    prohibit any Prohibited AI Use."), the adjectives kept. ``None``: "sublicensable" does not stand before the
    licence, or the proviso is not one this knows."""
    said = proviso_as_sentence(rf.replacement or "", f.phrase)
    text = f.paragraph_text
    if f.kind != "sublicensable" or said is None or not before_the_licence(text, f.phrase_end):
        return None
    _, end = sentence_span(text, f.phrase_end)
    end = len(text[:end].rstrip())
    if (
        end <= f.phrase_end
        or text[end - 1] != "."
        or any(g.start == f.start and f.phrase_end <= g.phrase_start < end for g in findings)
    ):
        return None  # no sentence end to put it at, or another red flag's edit before it
    end -= 1
    start = max(text.rfind(" ", f.phrase_end, end), f.phrase_end) + 1
    last = text[start:end]
    sentence = capitalise(fill_known(said, terms))
    comment = f"{rf.comment} We add this as a sentence of its own after the licence."  # never "after “Product”"
    return replace(f, phrase=last, phrase_start=start, phrase_end=end), replace(
        rf, find=last, replacement=f"{last}. {sentence}", comment=fill_known(comment, terms)
    )


def _fits_before(f: Finding, rf: RenderedFix) -> bool:
    """The words before the phrase take the replacement: "shall" before "upon payment … be the property
    of", "are" before "not works made for hire"; a replacement that is a whole verb fits anywhere."""
    if f.kind == "work_made_for_hire":
        return be_before(f)
    if f.kind == "ip_assignment" and (rf.replacement or "").startswith("upon payment"):
        return modal_before(f)
    return True


def _modal_taken(f: Finding, rf: RenderedFix) -> tuple[Finding, RenderedFix]:
    """The payment condition put between commas after the modal before the phrase: the phrase grows to take
    the modal ("shall be vested in" -> "shall, upon payment in full …, be vested in")."""
    start = modal_start(f)
    if start is None:
        return f, rf
    modal = f.paragraph_text[start : f.phrase_start].rstrip()
    longer = replace(f, phrase=f.paragraph_text[start : f.phrase_end], phrase_start=start)
    return longer, replace(rf, find=longer.phrase, replacement=f"{modal}, {rf.replacement}")


def _commented(fix: Fix, variant: str, phrase: str, existing: Sequence[str]) -> bool:
    """One of the ``existing`` comments is this fix's comment, whatever terms filled it then (a term can
    change between rounds, e.g. once our inserted clause defines "Protected Materials")."""
    if not existing:
        return False
    # any rule's, any variant's: a joined verb takes the catch-all's, a fee-less strict plan the standard one
    for template in (text for rule in fix.rules for text in rule.comments.values()):
        pieces = re.split(r"\{[^{}]*\}", " ".join(template.split()))
        pattern = re.compile(".+?".join(re.escape(piece) for piece in pieces), re.DOTALL)
        if any(pattern.fullmatch(" ".join(text.split())) for text in existing):
            return True
    return False


def choose_clauses(
    result: AuditResult, library: Library, playbook: Playbook, variant: str, needed_terms: Sequence[str]
) -> list[str]:
    """The ids of the clauses to insert: the protections the playbook requires and the document
    lacks, then the clauses defining the terms the fixes use."""
    wanted = [p.clause for p in playbook.required(variant) if not _present(result, p.kind)]
    for term in needed_terms:
        owner = library.clause_defining(term).id
        if owner not in wanted:
            wanted.append(owner)
    return wanted


# -- ordering ---------------------------------------------------------------------------------------


def place_clauses(result: AuditResult, clauses: Sequence[Clause]) -> tuple[list[tuple[int, Clause]], list[str]]:
    """Each clause with the paragraph its ``placement`` puts it after, in document order (so each
    new term is defined at its first use), and a note for each clause that has no place."""
    placed, notes = [], []
    for clause in clauses:
        place = result.places.get(clause.placement)  # where the clause file says it goes
        if place is None:
            notes.append(
                f"The {clause.id} clause is a separate document: it is not inserted."
                if clause.placement == Placement.SEPARATE_DOCUMENT
                else f"No place found to insert the {clause.id} clause."
            )
            continue
        placed.append((place.index, clause))
    # the purpose limit first where clauses share its place (a clause's end): it qualifies the grant
    placed.sort(key=lambda s: (s[0], s[1].placement != Placement.AFTER_GRANT))
    return placed, notes


def numbered(edits: Sequence[Edit]) -> tuple[Edit, ...]:
    """The edits with their ids e1, e2, ... in order."""
    return tuple(replace(e, id=f"e{i}") for i, e in enumerate(edits, 1))


# -- rendering --------------------------------------------------------------------------------------


_DEFINITIONS_COMMENT = "The terms the new clauses use, defined with the other definitions of {agreement}."
_DEFINITIONS_TITLE = "Definitions"
_SHARED_DEFINITIONS_COMMENT = "Why this clause: it defines, once, the terms that more than one of our changes uses."


def _in_house_style(text: str, straight: bool, shall: bool, colon: bool = False, bare: bool = False) -> str:
    """A library definition (“X” means …) in the style of the document's definitions."""
    if colon:
        text = re.sub(r"^(“([^”]+)”) means\s+", r"\2: " if bare else r"\1: ", text)
    elif shall:
        text = re.sub(r"^(“[^”]+”) means\b", r"\1 shall mean", text)
    return text.replace("“", '"').replace("”", '"') if straight else text


def _opening_definitions(definitions: Sequence[str], scope: str) -> str:
    """The definitions as one opening sentence: "In this clause, “A” means …; and “B” means …"."""
    items = [d.rstrip(".") for d in definitions]
    joined = items[0] if len(items) == 1 else "; ".join(items[:-1]) + "; and " + items[-1]
    return f"In {scope}, {joined}."


def render_insertions(
    result: AuditResult,
    library: Library,
    placed: Sequence[tuple[int, Clause]],
    variant: str,
    terms: Mapping[str, str],
    with_comments: bool,
    only_defining: Set[str] = frozenset(),
    trimmed: Mapping[str, tuple[int, str, str]] | None = None,
    elsewhere: str = "",
) -> list[Edit]:
    """An ``insert_after`` edit for each placed clause not already in the document (of a clause in
    ``only_defining``, its definitions alone), its terms
    defined once unless the document defines them: appended to the document's definitions clause
    when it has one (in that clause's style, as one more edit), else in an opening "In this
    clause, …" sentence of the first clause that uses them ("In this agreement" when a later
    inserted clause uses them too)."""
    paragraphs = result.paragraphs
    document_text = "\n".join(p.text for p in paragraphs)
    already = {t for t in library.glossary if t in result.terms.all}
    order = _owners_first([clause for _, clause in placed], variant)
    by_order = render_many([(placed[n][1], variant) for n in order], terms, already_defined=already)
    rank = {n: k for k, n in enumerate(order)}  # a clause's place in the rendering order
    rendered = [r for _, r in sorted(zip(order, by_order, strict=True), key=lambda pair: pair[0])]
    run = definitions_run(paragraphs)
    likes = {place.index: place.like for place in result.places.values() if place.like is not None}
    bodies = []
    for k, ((index, clause), r) in enumerate(zip(placed, rendered, strict=True)):
        body = [p for p in r.paragraphs if p]
        if body and body[-1] in document_text:
            continue  # the clause is already in the document (e.g. our own pending insertion)
        definitions = [t for t in body if t.startswith("“") and any(t.startswith(f"“{d}”") for d in r.defined)]
        operative = [] if clause.id in only_defining else [t for t in body if t not in definitions]
        if trimmed and clause.id in trimmed:  # its first paragraphs say what the document already says
            drop, title, comment = trimmed[clause.id]
            operative, r = operative[drop:], replace(r, title=title, comment=comment)
        if not operative and not definitions:
            continue
        bodies.append((index, clause, r, operative, definitions, rank[k]))
    agreement = terms.get("agreement", "this agreement")
    moved = _foreign_shared(bodies, elsewhere) if run is None else [[] for _ in bodies]
    pooled = [d for defs in moved for d in defs]
    edits = []
    siblings: dict[int, int] = {}  # the last titled sub-clause's heading -> new titled sub-clauses after it
    collected: list[tuple[int, list[str]]] = []  # the definitions for the document's definitions clause
    for n, (index, clause, r, body, definitions, ranked) in enumerate(bodies):
        if definitions and run is not None:
            collected.append((ranked, definitions))  # in the order they were defined
            if not body:
                continue  # a clause kept for its definitions alone: they go to the definitions clause
        own = clause.placement != Placement.AFTER_GRANT  # a purpose limit qualifies the grant it follows
        if definitions and run is None:
            if moved[n] and pooled:  # the terms several changes use, of clauses not inserted: a clause of their own
                sentence = [_opening_definitions(pooled, agreement)]
                items = clause_paragraphs(paragraphs, index, likes.get(index), sentence, _DEFINITIONS_TITLE, 0, own)
                shared_comment = _SHARED_DEFINITIONS_COMMENT if with_comments else None
                edits.append(
                    Edit(
                        "",
                        "insert_after",
                        index,
                        paragraphs[index].text,
                        DEFINITIONS,
                        variant,
                        shared_comment,
                        title=_DEFINITIONS_TITLE,
                        paragraphs=items,
                    )
                )
                pooled = []
            definitions = [d for d in definitions if d not in moved[n]]
            if definitions:
                shared = any(_used(d, _other_texts(bodies, n, elsewhere)) for d in definitions)
                whole = shared or not body or INFORMAL in terms  # a letter has no clauses: "In this letter, …"
                body = [_opening_definitions(definitions, agreement if whole else "this clause"), *body]
        # the run-in title goes on the operative paragraph, not on the definitions before it
        titled = next((i for i, text in enumerate(body) if not text.startswith(("“", "In this clause, "))), 0)
        if definitions and run is None and body[0].startswith("In ") and titled == 0 and len(body) > 1:
            titled = 1
        sibling = _titled_sibling(paragraphs, index, result.ip_section) if own else None
        if sibling is not None:  # a titled sub-clause of the IP clause of its own, after its last one
            heading, first = sibling
            siblings[heading] = siblings.get(heading, 0) + 1
            paras = _sibling_paragraphs(paragraphs, heading, first, r.title, body, siblings[heading])
        else:
            paras = clause_paragraphs(paragraphs, index, likes.get(index), body, r.title, titled, own)
        edits.append(
            Edit(
                "",
                "insert_after",
                index,
                paragraphs[index].text,
                clause.id,
                variant,
                r.comment if with_comments else None,
                title=r.title,
                paragraphs=paras,
            )
        )
    if collected and run is not None:
        at, straight, shall, colon, bare = run
        # after "1. Definitions. "X" means …" the new entries continue that clause, unnumbered
        continued = {"continued": True} if opens_definitions(paragraphs[at].text) else {}
        comment = _DEFINITIONS_COMMENT.format(agreement=terms.get("agreement", "this agreement"))
        entries = None if continued else _alphabetical_entries(paragraphs, at)
        if entries:  # an alphabetical list: each new term at its place ("AI System" before "Deliverables")
            groups: dict[int, list[str]] = {}
            for d in _flat(collected):
                after = max((i for i, t in entries if t.lower() < _term(d).lower()), default=entries[0][0] - 1)
                groups.setdefault(after, []).append(d)
            for k, (after, group) in enumerate(sorted(groups.items())):
                texts = sorted(group, key=lambda d: _term(d).lower())
                edits.append(
                    Edit(
                        "",
                        "insert_after",
                        after,
                        paragraphs[after].text,
                        DEFINITIONS,
                        variant,
                        comment if with_comments and k == 0 else None,
                        paragraphs=tuple(
                            {"text": _in_house_style(d, straight, shall, colon, bare), "like": entries[0][0]}
                            for d in texts
                        ),
                    )
                )
            edits.sort(key=lambda e: e.index)
            return edits
        definitions_edit = Edit(
            "",
            "insert_after",
            at,
            paragraphs[at].text,
            DEFINITIONS,
            variant,
            comment if with_comments else None,
            paragraphs=tuple(
                {"text": _in_house_style(d, straight, shall, colon, bare), **continued} for d in _flat(collected)
            ),
        )
        edits.append(definitions_edit)
        edits.sort(key=lambda e: e.index)  # stable: the definitions before a clause anchored at the same place
    return edits


_Body = tuple[int, Clause, Rendered, list[str], list[str], int]


def _other_texts(bodies: Sequence[_Body], n: int, elsewhere: str) -> str:
    """The words of every inserted clause but the ``n``-th, and of the fixes (``elsewhere``)."""
    return " ".join([elsewhere, *(t for m, b in enumerate(bodies) if m != n for t in (*b[3], *b[4]))])


def _used(definition: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_term(definition))}", text) is not None


def _foreign_shared(bodies: Sequence[_Body], elsewhere: str) -> list[list[str]]:
    """For each clause body, the definitions to move out of it into a Definitions clause: terms another
    change uses too, owned by a clause not inserted (the covenant's "Prohibited AI Use" where the
    document has its own AI clause), when the clause is about something else (it has a sentence or a
    term of its own)."""
    moved = []
    for n, (_, clause, _, body, definitions, _) in enumerate(bodies):
        others = _other_texts(bodies, n, elsewhere)
        foreign = [d for d in definitions if _term(d) not in clause.defines and _used(d, others)]
        moved.append(foreign if foreign and (body or len(foreign) < len(definitions)) else [])
    return moved


_ENTRY = re.compile(r"^[“\"]?([A-Z][^“”\":]{0,60}?)[”\"]?(?::\s|\s+(?:shall\s+)?means?\b)")


def _alphabetical_entries(paragraphs: Sequence[Paragraph], last: int) -> list[tuple[int, str]] | None:
    """The document's definitions ending at ``last`` as (index, term), where there are three or more and they are
    in alphabetical order (so new terms go each at its place); ``None`` otherwise."""
    entries: list[tuple[int, str]] = []
    i = last
    while i >= 0 and (m := _ENTRY.match(paragraphs[i].text)):
        entries.insert(0, (i, m.group(1)))
        i -= 1
    terms = [t.lower() for _, t in entries]
    if len(entries) < 3 or i < 0 or terms != sorted(terms) or len(set(terms)) < len(terms):
        return None
    return entries


def _term(definition: str) -> str:
    """The term a library definition defines: “X” means … -> X."""
    return definition[1 : definition.index("”")]


def _flat(ranked: Sequence[tuple[int, list[str]]]) -> list[str]:
    return [d for _, texts in sorted(ranked, key=lambda pair: pair[0]) for d in texts]


def _owners_first(clauses: Sequence[Clause], variant: str) -> list[int]:
    """The order to render ``clauses`` (in document order) in, so that each term is defined in the
    clause that owns it where that clause is inserted ("AI System" in the covenant, not in a purpose
    limit placed before it whose definition uses it): each owner before the clauses that use its terms,
    in their paragraphs or through a definition; else document order."""
    owner: dict[str, int] = {}
    for n, clause in enumerate(clauses):
        for term in clause.defines:
            owner.setdefault(term, n)
    order: list[int] = []
    seen: set[int] = set()

    def visit(n: int) -> None:
        if n in seen:
            return
        seen.add(n)
        glossary = clauses[n].glossary
        needed, stack = set(), list(clauses[n].variants[variant].uses)
        while stack:
            term = stack.pop()
            if term not in needed and term in glossary:
                needed.add(term)
                stack.extend(glossary[term].needs[variant])
        for term in sorted(needed, key=lambda t: owner.get(t, n)):
            if owner.get(term, n) != n:
                visit(owner[term])
        order.append(n)

    for n in range(len(clauses)):
        visit(n)
    return order


# -- the form of an inserted clause ------------------------------------------------------------------


def _inner_lists(e: Edit, paragraphs: Sequence[Paragraph]) -> Edit:
    """An insertion numbered on from a lettered sub-section ("(c)" -> "(d)", "(e)" …): the inner lists of its
    paragraphs in roman numerals, so that "(a) to (g)" of its own list is never read as the document's
    sub-sections. A paragraph takes the number of its source (its ``like``, else the anchor); a continued one
    stays in the sub-section before it."""
    texts, lettered = [], False
    for item in e.paragraphs:
        if not item.get("continued"):
            at = _source(e.index, item)
            lettered = 0 <= at < len(paragraphs) and lettered_number(paragraphs[at])
        texts.append(roman_lists(item["text"]) if lettered else item["text"])
    if all(t == q["text"] for t, q in zip(texts, e.paragraphs, strict=True)):
        return e
    return replace(e, paragraphs=tuple({**q, "text": t} for q, t in zip(e.paragraphs, texts, strict=True)))


def _numbered(p: Paragraph) -> bool:
    """The paragraph shows a number: automatic (its label) or typed ("7.3 ", "(c) ")."""
    return p.label is not None or typed_number(p.text) is not None


def clause_heading(paragraphs: Sequence[Paragraph], index: int) -> int | None:
    """The heading a new clause after paragraph ``index`` copies, when the clause needs one: the
    paragraph ``index`` is unnumbered body text (not in a table) ending the clause of a heading
    that is a title alone ("3. Work Made for Hire", a bold "Intellectual Property", "2.2 Licence"),
    i.e. that clause is not divided into numbered sub-clauses the new one could join, and the
    paragraph after it (if any) starts another clause. ``None`` otherwise."""
    anchor = paragraphs[index]
    if _numbered(anchor) or anchor.in_table or anchor.is_heading or not anchor.section_path:
        return None
    heading = next(
        (
            j
            for j in range(index - 1, max(-1, index - 200), -1)
            if paragraphs[j].is_heading and paragraphs[j].section_path == anchor.section_path
        ),
        None,
    )
    if heading is None or not _title_only(paragraphs[heading]) or paragraphs[heading].in_table:
        return None
    depth = len(paragraphs[heading].section_path)
    following = next((q for q in paragraphs[index + 1 :] if q.text.strip()), None)
    if (
        following is not None
        and not (following.is_heading and len(following.section_path) <= depth)
        and following.section_path[:depth] == anchor.section_path[:depth]
    ):
        return None  # more of this clause follows: a heading here would take it in
    return heading


def _titled_sibling(paragraphs: Sequence[Paragraph], index: int, ip: IpSection | None) -> tuple[int, int] | None:
    """Where the IP clause is divided into titled sub-clauses ("10.1 Assignments …" … "10.7 Malicious
    Software", each a title alone over numbered paragraphs "10.7.1", "10.7.2") and paragraph ``index``
    ends the last of them: that sub-clause's heading and its first numbered paragraph, which a new
    clause copies ("10.8 No AI Training" over "10.8.1 …"), so it is never a sub-clause of a sub-clause on
    another subject ("10.7.4" under "Malicious Software"). ``None`` otherwise."""
    if ip is None or not ip.start <= index <= ip.end or not paragraphs[ip.start].is_heading:
        return None
    depth = len(paragraphs[ip.start].section_path) + 1  # the IP clause's own sub-clauses
    path = paragraphs[index].section_path
    if len(path) <= depth or path[: depth - 1] != paragraphs[ip.start].section_path:
        return None
    heading = next(
        (j for j in range(index, ip.start, -1) if paragraphs[j].section_path == path[:depth]),
        None,
    )
    if heading is None or heading + 1 > index or not _numbered(paragraphs[heading]):
        return None
    first = paragraphs[heading + 1]
    if not _title_only(paragraphs[heading]) or len(first.section_path) != depth + 1:
        return None
    typed = typed_number(paragraphs[heading].text), typed_number(first.text)
    if typed[0] is not None and typed[1] is not None:  # typed numbers: the plan writes "10.8" and "10.8.1" itself
        labels = (typed[0][0], typed[1][0])
    elif paragraphs[heading].label is None or typed[0] or typed[1] or first.label is None:
        return None
    else:
        labels = (paragraphs[heading].label or "", first.label or "")
    decimal = re.compile(r"\d+(?:\.\d+)+\.?")  # "10.7" over "10.7.1", not a lead-in over its "(a)" items
    if paragraphs[heading].text.rstrip().endswith(":") or not all(decimal.fullmatch(x.strip()) for x in labels):
        return None
    return heading, heading + 1


def _sibling_paragraphs(
    paragraphs: Sequence[Paragraph], heading: int, first: int, title: str, body: Sequence[str], nth: int
) -> tuple[dict[str, Any], ...]:
    """The ``nth`` new titled sub-clause after the one headed ``heading``: its heading and body formatted like
    that heading and its ``first`` paragraph. Word numbers them; where the document types its numbers ("10.7
    Malicious Software" over "10.7.1 …"), the plan types the next ones ("10.8 No AI Training" over "10.8.1 …")."""
    head = _heading_text(title, paragraphs[heading])
    typed = typed_number(paragraphs[heading].text), typed_number(paragraphs[first].text)
    if typed[0] is None or typed[1] is None:
        return ({"text": head, "like": heading}, *({"text": t, "like": first} for t in body))
    number = (next_numbers(typed[0][0], nth) or [typed[0][0]])[-1]
    dot = "." if typed[1][0].endswith(".") else ""
    return (
        {"text": f"{number}{typed[0][1]}{head}", "like": heading, "continued": True},
        *(
            {"text": f"{number.rstrip('.')}.{k}{dot}{typed[1][1]}{t}", "like": first, "continued": True}
            for k, t in enumerate(body, 1)
        ),
    )


def _title_only(p: Paragraph) -> bool:
    """A heading paragraph that is a title alone, after its typed number if it has one: short, no
    run-in body, no sentence ("3.<TAB>Grant of Patent License:", "INTELLECTUAL PROPERTY")."""
    span = typed_number_span(p.text)
    text = p.text[span[1] :] if span else p.text
    return p.is_heading and p.run_in_title is None and len(text.strip()) < 80 and not re.search(r"[.;:,]\s+\S", text)


def _heading_text(title: str, heading: Paragraph) -> str:
    """The new clause's heading, in capitals where the document's heading is typed in capitals."""
    letters = [c for c in heading.text if c.isalpha()]
    return title.upper() if letters and all(c.isupper() for c in letters) else title


def clause_paragraphs(
    paragraphs: Sequence[Paragraph],
    index: int,
    like: int | None,
    body: Sequence[str],
    title: str,
    titled: int,
    own_clause: bool = True,
) -> tuple[dict[str, Any], ...]:
    """The paragraph items of a clause inserted after paragraph ``index``, in the form the place
    asks for:

    - after a numbered sub-clause (or at the level of a numbered lead-in ``like``): one more
      sub-clause with one number, its first paragraph numbered and carrying the run-in title, the
      others ``continued`` (no number of their own), so the clause and its closing sentence stay
      one clause;
    - after unnumbered body text that ends a clause under a title-only heading
      (:func:`clause_heading`): a new clause, a heading paragraph styled like that heading
      (``like``; its number the next of that heading's list) followed by the body paragraphs,
      styled like the anchor; not for a clause that qualifies the clause it follows
      (``own_clause`` false: the purpose limit placed after the grant joins the grant's clause);
    - otherwise paragraphs like the anchor, the run-in title on the operative paragraph."""
    source = paragraphs[like] if like is not None else paragraphs[index]
    level = {"like": like} if like is not None else {}  # after a lead-in's list, at the lead-in's level
    follows = index + 1 < len(paragraphs) and paragraphs[index + 1].in_table == paragraphs[index].in_table
    if _numbered(source) and len(body) == 1 and (like is not None or follows):
        # one sub-clause numbered from the anchor's list, also after another clause inserted there (not
        # after the last paragraph of the body or of a cell: the writer hands the anchor's mark over there)
        return ({"text": body[0], "title": title, "like": like if like is not None else index},)
    if _numbered(source) and len(body) > 1:
        return tuple(
            {"text": text, **({"title": title} if i == 0 else {"continued": True}), **level}
            for i, text in enumerate(body)
        )
    heading = clause_heading(paragraphs, index) if like is None and own_clause else None
    if heading is not None:
        return ({"text": _heading_text(title, paragraphs[heading]), "like": heading}, *({"text": t} for t in body))
    return tuple({"text": text, **({"title": title} if i == titled else {}), **level} for i, text in enumerate(body))


def fix_edit(f: Finding, rf: RenderedFix, op: str, variant: str, with_comments: bool) -> Edit:
    """The ``replace`` or ``comment`` edit of a red flag. A replacement that keeps the phrase's first words
    ("now known or hereafter devised" -> "now known") strikes only the words it drops (" or hereafter devised")."""
    if op == "replace" and f.kind == "ip_assignment" and (rf.replacement or "").startswith("upon payment"):
        f, rf = _modal_taken(f, rf)  # "shall, upon payment in full …, be vested in": commas around it
    kept = rf.replacement or ""
    if op == "replace" and _narrows(f, kept) and f.phrase.startswith(kept):
        f = replace(f, phrase=f.phrase[len(kept) :], phrase_start=f.phrase_start + len(kept))
        rf = replace(rf, replacement="")
    return Edit(
        "",
        op,
        f.start,
        f.paragraph_text,
        rf.fix,
        variant,
        (rf.comment or None) if with_comments else None,  # a second edit of one change has none of its own
        find=f.phrase,
        occurrence=_occurrence(f.paragraph_text, f.phrase, f.phrase_start),
        start=f.phrase_start,
        end=f.phrase_end,
        replacement=rf.replacement if op == "replace" else None,
        finding=f.kind,
    )
