"""The redline plan: audit + clause library + playbook -> a list of edits. Pure, no XML.

The plan is what both the .docx writer (:mod:`noai.writer`) and the add-in apply: the writer takes
the typed :class:`Plan`; the add-in its JSON (``Plan.to_dict()``, ``noai.plan/1``, whose schema is
``noai/schemas/plan.json``; ``Plan.from_dict`` reads it back, checked). Every edit is
anchored by a paragraph index *and* that paragraph's current text.

Idempotence: a protection the audit finds present (our own pending insertions included, since
the audit reads the current text) is not inserted again, nor is a clause whose text is already in
the document; a red flag whose replacement is already in place is not replaced again; a comment
already attached to a paragraph is not added twice.

This module keeps :func:`make_plan` (the orchestration), the fixes chosen and their edits; the parts it
orchestrates live in :mod:`noai.planning` (the edit, the strategy, the placement of clauses, the definitions
step, the comments). It imports :mod:`noai.planning`, :mod:`noai.analysis`, :mod:`noai.library`,
:mod:`noai.ooxml` and the floor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from . import schemas
from .analysis.audit import AuditResult, binds_user, from_our_side
from .analysis.classify import Finding
from .analysis.facts import (
    DocumentFacts,
    Strike,
    SurvivalList,
    a_purpose_of_its_own,
    about_the_purpose,
    ai_list_item,
    ai_tools,
    as_referred,
    assigns_everything,
    back_reference,
    back_up_opening,
    background_licence,
    bare_be_start,
    be_before,
    before_the_licence,
    brand_work,
    clause_name,
    coordinated_verbs,
    creation_timing,
    credit_to_authors,
    defined_names,
    defined_without,
    definitions_run,
    exception_citing,
    feedback_licensed,
    finite_start,
    for_copyright_term,
    hire_fallback,
    irrevocable,
    is_transfer_verb,
    joined_verb,
    kept_tool_use,
    modal_adverb_start,
    modal_before,
    modal_opening,
    modal_start,
    named_work,
    names_the_work,
    no_credit_asked,
    owned_work_use,
    ownership_clause,
    ownership_verb,
    parts_cited,
    per_piece,
    performer_waiver,
    permitted_training,
    plural_name,
    present_transfers,
    proviso_as_sentence,
    purpose_limited,
    purpose_made_subject,
    qualifier_end,
    quoted_span,
    read_facts,
    replica_material,
    says_project,
    sentence_span,
    survival_list,
    survival_with,
    that_piece,
    this_part,
    training_data_use,
    training_limb,
    training_permission,
    training_words,
    used_as_part_of,
    waits_for_payment,
    widened_rights,
    widening_limb,
    with_hanging,
)
from .analysis.work_kind import SOFTWARE
from .errors import PartyRoleError, PlanError, UnknownVariantError
from .library import VARIANTS, Fix, Library, Playbook, RenderedFix, for_cases, render_fix, render_sentence_fix
from .library.render import (
    CLIENT_NAME,
    CREATOR_NAME,
    INFORMAL,
    NO_AFFILIATES,
    NO_SUBLICENCE,
    PERSON,
    PLURAL,
    SUB_HYPHEN,
    capitalise,
    comment_voice,
    fill_known,
    first_person,
    in_my_voice,
    mixed_work,
    one_author,
    performer_rights,
    possessive,
    service_use,
    with_service_use,
    with_tool_exception,
    with_working_materials,
    without_officer,
    without_text_tools,
)
from .ooxml.model import Paragraph
from .ooxml.renumber import Renumbered, struck_moves_numbers
from .ooxml.revisions import typed_number, typed_number_span
from .ooxml.text import INSERTED
from .planning.comments import (
    _defined_for,
    _if_chosen,
    _kept_words,
    _later_transferees,
    _licence_takers,
    _name_the_purpose,
    _names_kept,
    _no_project,
    _not_delivery_note,
    _reserves_kept,
    _shifted,
    _transfer_options,
    _words,
    code_waiver,
    hanging_said,
    left_once,
    moral_act,
    nothing_of_ours_note,
    said_once,
    said_unowned,
    strategy_comment,
)
from .planning.definitions import beside_the_work, join_definitions_list, not_defined_by_itself, render_insertions
from .planning.edit import DEFINITIONS
from .planning.edit import Edit as Edit  # the edits of a Plan, re-exported
from .planning.placement import (
    _inner_lists,
    _renumbered,
    _source,
    beside_its_use,
    numbered_paragraphs,
    place_clauses,
)
from .planning.reservation import RESERVATION, joined_reservation, present_reservation
from .planning.strategy import (
    _ON_PAYMENT,
    _TRANSFER_KINDS,
    _WORK_OBJECTS,
    ASSIGNED,
    COVENANT,
    KIND_CLAUSES,
    LICENSED,
    NOT_DELIVERY,
    RETAINED,
    _may_transfer,
    _tied,
    adapt_clauses,
    carve_out,
    choose_strategy,
)

SCHEMA = "noai.plan/1"


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
            if f"within {_OUR_PURPOSE}" in replacement:  # a merged purpose limits the use as our own words do
                texts.append(f"solely for {_OUR_PURPOSE}")
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
    without: Collection[str] = (),
) -> Plan:
    """The edits the playbook asks for on this audited document: choose (red flags to fix,
    clauses to insert), render (with the document's terms), order (clauses in document order,
    then the fixes; edits numbered e1, e2, ...).

    ``existing_comments`` maps a paragraph index to the texts of the comments already anchored
    there, so a second run adds no duplicate comment; ``without``: library clauses not to insert (the next
    round's, of ours the other side rejected and that round does not put back: its approach never names them).
    """
    variant = variant or playbook.variant
    if variant not in VARIANTS:
        raise UnknownVariantError(f"There is no variant {variant!r}; choose one of {', '.join(VARIANTS)}.")
    with_comments = playbook.comments if comments is None else comments
    read = result
    result = from_our_side(result)  # --we Customer: Customer keeps its Customer Content, Provider is bound
    terms = result.terms.placeholders()
    if result.score.risk is None:  # language not supported: propose nothing rather than nonsense
        return Plan(variant, terms, (), notes=tuple(result.notes))
    facts = read_facts(result)
    strategy = choose_strategy(result, facts)
    if strategy.situation == NOT_DELIVERY and not _theirs_at_stake(result):  # an NDA, a charter, a data-use
        return Plan(variant, terms, (), notes=(_not_delivery_note(terms), *result.notes))  # undertaking: whoever we are
    if binds_user(result):  # --we client on a commission, bringing no material of its own: nothing to protect
        maker = result.terms.provider.name if result.terms.provider else "creator"
        our_word = result.terms.client.name if result.terms.client else "Client"
        # read for us, a transfer of the work to us is in our favour ("hereby assigns to the Client": ours)
        to_us = any(f.kind in _TRANSFER_KINDS and not f.negated and f.beneficiary == "creator" for f in result.findings)
        # the maker's own permission to train AI on the work (a risk to us, read so): said in the note
        trains = [
            f.section_label or ""
            for f in result.findings
            if f.kind == "existing_ai_restriction" and f.beneficiary == "client" and f.severity in ("high", "medium")
        ]
        note = nothing_of_ours_note(terms, ASSIGNED if to_us else strategy.situation, (our_word, maker), trains)
        return Plan(variant, terms, (), notes=(note, *result.notes))
    _check_parties(result, terms)
    background = facts.background
    embedded = None
    if strategy.situation == ASSIGNED:  # the client owns the work: its embedded materials stay usable in it

        def embedded(f: Finding) -> str | None:
            if background_licence(f, background, terms):
                return BACKGROUND
            return OWNED_WORK if owned_work_use(f, background, terms, background_licensed=False) else None

    # A licence of existing material describes no project: the purpose limit names the client's own
    # business, never "the project described in this License".
    # A document that defines its own purpose ("“Purpose”: identifying the Retailer …") is named by it.
    purpose = facts.purpose if "project" not in terms else None
    # a licence limited to the book, film or product it names ("in the Book"): that is its purpose
    purpose = purpose or (facts.licensed_in if "project" not in terms else None)
    # a licence given solely for a task ("solely to provide the Service"): that task is its purpose
    purpose = purpose or (facts.licensed_for if "project" not in terms else None)
    unnamed = None if purpose or facts.project or "project" in terms else _no_project(terms)
    project = unnamed or purpose
    if not project and "project" not in terms and not says_project(result.paragraphs):  # work made, but no "project"
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
        **({NO_AFFILIATES: "yes"} if facts.informal and not facts.affiliates else {}),
    }
    if facts.individual:  # a creator who is a person is never "it": "the know-how the Illustrator had"
        rendered = {**rendered, PERSON: "provider"}
    commented = {**terms, "transferred": facts.transferred} if facts.transferred else terms  # comments' terms
    commented = {**commented, PERSON: "provider"} if facts.individual else commented
    commented = {**commented, "project": purpose} if purpose else commented
    if facts.plural:  # "the Publishers give", "anyone else they allow": the document writes of them in the plural
        plural = {PLURAL: " ".join(sorted(facts.plural))}
        rendered, commented = {**rendered, **plural}, {**commented, **plural}
    beside = beside_the_work(result, terms, facts.background.term)  # the Platform licensed beside the work
    commented = {
        **beside,
        **{k: v for k, v in commented.items() if k != "licence"},
        **({"licence": "licence"} if facts.british else {}),
        **({SUB_HYPHEN: "-"} if facts.sub_hyphen else {}),
        **({} if facts.sublicensable else {NO_SUBLICENCE: "yes"}),
        **({INFORMAL: "yes"} if facts.informal else {}),
        **({NO_AFFILIATES: "yes"} if facts.informal and not facts.affiliates else {}),
    }
    names = {k: v for k, v in zip((CLIENT_NAME, CREATOR_NAME), facts.names, strict=True) if v}
    if names:  # a client-"we" document names its parties: the comments call them so ("Wattle & Finch Pty Ltd")
        rendered, commented = {**rendered, **names}, {**commented, **names}
    fixes, needed_terms = choose_fixes(
        result,
        library,
        playbook,
        variant,
        {
            **rendered,
            **({"price": facts.price} if facts.price else {}),
            **({"payment": facts.payment} if facts.payment else {}),
        },
        with_comments,
        existing_comments or {},
        embedded,
        facts.paid,
        facts.brand,
        _code_waiver(result, facts, commented, beside) if strategy.situation == ASSIGNED else None,
        not (purpose or unnamed),
    )
    fixes = [(f, _of_that_piece(f, rf), op) for f, rf, op in fixes] if facts.payment else fixes
    if facts.royalty:  # a publishing licence for the term of copyright: reversion, never a fixed term, is asked
        fixes = [(f, reversion_fix(f, rf, commented), op) for f, rf, op in fixes]
    fixes, struck = strike_creation_timing(
        fixes,
        terms.get("deliverables", "the work"),
        (terms.get("provider", ""), terms.get("client", "")),
        [p.text for p in result.paragraphs],
        [(p.section_path[0] if p.section_path else "", p.section_label) for p in result.paragraphs],
    )
    prevailing = facts.prevailing
    if prevailing is not None:  # a part that prevails keeps the work, or a kind of it: taken out of the transfer
        fix_ids = {k: fix.id for k in _TRANSFER_KINDS if (fix := library.fix_for(k)) is not None}
        fixes = carve_out(fixes, prevailing, result, fix_ids, variant, terms)
    defining = {library.clause_defining(t).id for t in needed_terms}
    chosen = adapt_clauses(
        choose_clauses(result, library, playbook, variant, needed_terms),
        strategy,
        variant,
        result.work_kind.kind if result.work_kind else None,
        keep=defining,
        text=facts.text,
    )
    if result is not read and _our_brand(result):
        # what we bring is our brand (logos, trade marks, brand guidelines): no one's style is at stake, and the
        # covenant already bars using it to make an AI System's output; "the style of the Brand" is no ask
        chosen = [c for c in chosen if c != KIND_CLAUSES["creative"]]
    if _purpose_kept(fixes) or any(purpose_made_subject(f) for f in result.findings):
        # "for any purpose, subject to the restrictions on Prohibited AI Use" (this change, or one the document has
        # from an earlier round): no purpose limit
        chosen = [c for c in chosen if c != "scope-limitation" or c in defining]
    assignable = facts.assignable if strategy.situation != ASSIGNED and variant != "minimal" else None
    if assignable is not None and COVENANT in chosen and RETAINED not in chosen:  # bind who takes the licence
        chosen.insert(chosen.index(COVENANT) + 1, RETAINED)
    chosen = [c for c in chosen if c not in without]
    placed, notes = place_clauses(result, [library.get(c) for c in chosen])
    cases = {"exclusive"} if facts.exclusive else set()  # the situations a clause's text depends on
    cases |= {"individual"} if facts.individual else set()
    cases |= {"subcontracts"} if facts.individual and facts.subcontracts else set()  # before "individual"
    cases |= {"company"} if facts.company else set()
    cases |= {"british"} if facts.british_law else set()
    cases |= {"assigned"} if any(c.id == RETAINED for _, c in placed) else set()  # later transferees bound
    cases |= {"uncertain_transfer"} if strategy.situation == LICENSED and _may_transfer(result) else set()
    cases |= {"owned"} if strategy.situation == ASSIGNED else set()  # the client owns the work: consent, no licence
    # the grant named training, now struck: minimal's covenant bars the client's own training too
    cases |= {"trains"} if any(f.kind == "existing_ai_restriction" and op == "replace" for f, _, op in fixes) else set()
    cases |= {"performer"} if facts.performer else set()  # a performer's voice: minimal bars the client's training too
    # the document lets the client use what the creator keeps ("to promote the launch"): strict keeps that use
    cases |= {"kept_use"} if strategy.situation == ASSIGNED and facts.kept_use is not None else set()
    placed = [(at, for_cases(clause, cases)) for at, clause in placed]
    # Assigned work keeps a purpose limit only for the term a fix uses ("solely for the Permitted
    # Purpose" in the licence of what the creator keeps): its definition, never its sentence limiting
    # licences of the work the client now owns.
    only_defining = {"scope-limitation"} if strategy.situation == ASSIGNED or _tied(strategy, fixes) else set()
    users = [f.start for f, rf, op in fixes if op == "replace" and "Permitted Purpose" in (rf.replacement or "")]
    if only_defining and users:  # the definition alone goes with the change that uses it
        placed = beside_its_use(result, placed, "scope-limitation", users[0])
    clause_terms = {**rendered, **beside}
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
        trimmed["scope-limitation"] = (0, "Permitted Purpose", _defined_for(fixes, result.paragraphs, commented))
    elsewhere = " ".join(rf.replacement or "" for _, rf, op in fixes if op == "replace")
    if result.negotiation is not None:  # the terms our clauses still in the document use, their definitions gone
        elsewhere += " " + " ".join(term for term, _i in result.negotiation.dangling)
    run = definitions_run(result.paragraphs)  # the document's definitions clause, read once for both below
    insertions = render_insertions(
        result, library, placed, variant, clause_terms, with_comments, only_defining, trimmed, elsewhere, run
    )
    insertions = [_inner_lists(e, result.paragraphs) for e in insertions]
    # no term defined by itself: the document's own purpose, which it defines, is not defined again
    have = defined_names(result)
    insertions = [e for e in (not_defined_by_itself(e, have) for e in insertions) if e.paragraphs]
    insertions, reserved = joined_reservation(result, insertions, commented, with_comments)  # no second reservation
    if not facts.client_company:  # a client that may be a person ("you", a sole trader) has no officer to sign
        insertions = [_no_officer(e) for e in insertions]
    if facts.non_text:  # a score, photographs, code: no spelling or machine-translation exception
        insertions = [_rewritten(e, without_text_tools) for e in insertions]
    materials = _materials_kind(result, facts)
    if materials is not None:  # recordings, code, text, data: their own working materials, not sketches
        insertions = [_rewritten(e, partial(with_working_materials, kind=materials)) for e in insertions]
    # a use of AI tools kept on the covenant's terms ("machine translation … in preparing the Translation"): excepted
    insertions, fixes = _tools_excepted(result, fixes, insertions, terms, facts.clause_word)
    insertions = _service_excepted(result, insertions, terms)
    clauses = [i for i, e in enumerate(insertions) if e.clause != DEFINITIONS]
    renumbering: Renumbered | None = None
    if clauses and with_comments:  # the strategy, said once: on the first clause inserted
        first = clauses[0]
        kept = _kept_words(result, background, terms) if RETAINED in trimmed else None
        inserted_ids = [insertions[i].clause for i in clauses]
        licensed = result.terms.licensed.surface if result.terms.licensed else None  # it stays with the creator
        why = strategy_comment(
            result,
            strategy,
            inserted_ids,
            variant,
            commented,
            fixes,
            kept,
            struck,
            expressly or licensed,
            facts.company,
            facts.individual,
            prevailing,
        )
        renumbering = _renumbered(result, insertions)
        why += _shifted(result, insertions, renumbering)
        insertions[first] = replace(insertions[first], comment=f"{why} {insertions[first].comment}")
    if expressly and with_comments:
        insertions = [_names_kept(e, expressly, commented, facts.kept_use) for e in insertions]
    if facts.kept and strategy.situation == LICENSED:  # the reservation names what the document keeps
        insertions = [_reserves_kept(e, facts.kept, commented, with_comments) for e in insertions]
    insertions, joins = join_definitions_list(result, insertions, run)  # "(c) …; and (d) …." takes the new terms in
    ours = {at for e in insertions for at in numbered_paragraphs(e.index, e, _source)}  # what ours number on from
    fixes = [(*_number_kept(result, f, rf, ours), op) if op == "replace" else (f, rf, op) for f, rf, op in fixes]
    fixes += _citing_struck(result, fixes)  # "except as Section 3.3 permits", 3.3 struck: the exception goes too
    edits = [
        *insertions,
        *joins,
        *reserved,
        *left_once([fix_edit(f, rf, op, variant, with_comments) for f, rf, op in fixes]),
    ]
    numbers = _our_numbers(result, insertions, renumbering) if clauses else []
    owns = [own[0] if own else "" for own in numbers]
    labels = [n for own in numbers for n in own]
    survives = survival_list([p.text for p in result.paragraphs]) if clauses else None
    if survives is not None and labels:  # "Sections 3 and 4.3 to 4.7 survive": the survival list takes them in
        edits.extend(_surviving(result, survives, labels, variant, with_comments))
    if {"I", "we", "We"} & {terms.get("provider"), terms.get("client")}:  # "reserve to me", not "reserve to I"
        edits = [replace(e, comment=first_person(e.comment)) if e.comment else e for e in edits]
    if facts.clause_word:  # "Section 7(b)", as the document refers to it, not "clause 7(b)"
        word, sections = facts.clause_word, facts.names_sections
        edits = [replace(e, comment=as_referred(e.comment, word, sections)) if e.comment else e for e in edits]
        edits = [_calling_itself(e, facts.clause_word, facts.names_sections) for e in edits]  # "This Section applies"
    if clauses:  # our clauses cite themselves by number: "Sections 4.3 to 4.7 apply", "this Section 4.3"
        cited = [
            _rewritten(e, partial(parts_cited, own=own, labels=labels))
            for e, own in zip(edits[: len(owns)], owns, strict=True)
        ]
        edits = [*cited, *edits[len(owns) :]]  # the insertions come first, in their order
    if facts.usage and variant != "minimal":  # the purpose within the use the schedule sets out
        edits = [_within_usage(e, facts.usage) for e in edits]
    licensed_in = facts.licensed_in if purpose else None  # read only where it may be the purpose
    if licensed_in and purpose == licensed_in:  # "for the Book", never widened to the client's whole business
        edits = [_rewritten(e, lambda text: _only_for(text, licensed_in)) for e in edits]
    if facts.credit_kept:  # the waiver already keeps the right to be identified: we do not ask for it
        edits = [replace(e, comment=no_credit_asked(e.comment)) if e.comment else e for e in edits]
    elif facts.company:  # a company has no moral rights of its own: its people keep the right to be credited
        authors = f"the individual authors of {terms.get('deliverables', 'the work')}"
        edits = [replace(e, comment=credit_to_authors(e.comment, authors)) if e.comment else e for e in edits]
    if facts.individual and not facts.company:  # one natural person is the author: her right, her style
        author = comment_voice(commented).get("provider", "the creator")
        edits = [replace(e, comment=one_author(e.comment, author)) if e.comment else e for e in edits]
    optional = _transfer_options(result, strategy)
    if optional:  # the transfer is one of the contract's alternatives: it passes only if that one is chosen
        edits = [_if_chosen(e, optional, commented) for e in edits]
    if unnamed and any(unnamed in _words(e) for e in edits):
        edits, said = _name_the_purpose(edits, unnamed, terms)
        notes.append(said)
    if terms.get("provider") == "I":  # a creator writing "I": its comments say "I add", not "we add"
        edits = [replace(e, comment=in_my_voice(e.comment)) if e.comment else e for e in edits]
    if facts.other_work:  # the work is not all code: "include code as well as designs"
        edits = [replace(e, comment=mixed_work(e.comment, facts.other_work)) if e.comment else e for e in edits]
    edits = said_once(edits)  # "the work and other materials I create …" once, then "that work"
    offered = tuple(p.clause for p in playbook.offered(variant) if not _present(result, p.kind))
    return Plan(
        variant,
        terms,
        numbered(edits),
        offered=offered,
        notes=tuple(notes + list(result.notes)),
        renumbered=renumbering,
    )


def _code_waiver(
    result: AuditResult, facts: DocumentFacts, terms: Mapping[str, str], beside: Mapping[str, str]
) -> str | None:
    """The comment accepting a moral-rights waiver where the work passes to the client (the caller's test) and is
    code and nothing else (the client will maintain and change it), kept off what the creator keeps beside it ("the
    Platform", "the other Tessellate Materials", its pre-existing materials); ``None`` for any other work, whose
    waiver is limited as before."""
    if result.work_kind is None or result.work_kind.kind != SOFTWARE or facts.other_work:
        return None
    work = terms.get("deliverables", "the work")
    if beside.get("protected", "").startswith(f"{work}, "):  # "the Customizations, the Platform, the other …"
        kept = beside["protected"][len(work) + 2 :].split(", ")
    elif facts.background.term:
        term = facts.background.term
        kept = [term if term.startswith("the ") else f"the {term}"]
    else:
        kept = []
    return code_waiver(terms, kept)


def _of_that_piece(f: Finding, rf: RenderedFix) -> RenderedFix:
    """``rf`` whose payment condition names the piece of the work the finding's sentence names (:func:`per_piece`)."""
    if not rf.replacement:
        return rf
    replacement = per_piece(f, rf.replacement)
    if replacement == rf.replacement:
        return rf
    return replace(rf, replacement=replacement, comment=per_piece(f, rf.comment))


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


def _only_for(text: str, work: str) -> str:
    """``text`` with the Permitted Purpose it defines limited to the ``work`` the licence names ("use of the Artwork
    for the Book, excluding …"), without minimal's "and for the Publisher's related business purposes, in whatever
    media those purposes call for", which would widen a licence limited to that book."""
    at = max(text.find(d) for d in _PURPOSE_DEFINED)
    start = text.find(f"for {work} and for ", at) if at >= 0 else -1
    end = text.find(_EXCLUDING, start) if start >= 0 else -1
    return text if end < 0 else f"{text[:start]}for {work}{text[end:]}"


def _materials_kind(result: AuditResult, facts: DocumentFacts) -> str | None:
    """The kind of work whose working materials "Protected Materials" names, where a drawing's (drafts, sketches,
    concepts) do not fit: sound recordings, code, data, or text that is not creative work (translations, copy)."""
    kind = result.work_kind.kind if result.work_kind else None
    if facts.audio:
        return "audio"
    if kind in ("software", "data"):
        return kind
    if facts.text and kind in (None, "general"):
        return "text"
    return None


def _service_excepted(result: AuditResult, insertions: list[Edit], terms: Mapping[str, str]) -> list[Edit]:
    """Read for the customer of an AI service (``terms.service``: "the Platform" is Scribewell's speech-recognition
    service), our covenant excepting that service to us: without it, "using any Protected Materials as prompts,
    inputs … for an AI System" forbids the very processing the customer buys. Only where the covenant lists
    exceptions (strict, standard; minimal's forbids training alone)."""
    service = result.terms.service
    if service is None or "provider" not in terms:
        return insertions
    sentence = service_use(service.surface, terms["provider"])
    said = (
        f"It does not stop {terms.get('client', 'the other side')} processing the Protected Materials to provide "
        f"{service.surface} to {terms['provider']}, as long as nothing is kept for or used in training any AI System."
    )
    out = []
    for e in insertions:
        excepted = _rewritten(e, partial(with_service_use, sentence=sentence)) if e.clause == COVENANT else e
        if excepted is not e and e.comment:  # the comment says so
            excepted = replace(excepted, comment=f"{e.comment} {said}")
        out.append(excepted)
    return out


def _rewritten(e: Edit, rewrite: Callable[[str], str]) -> Edit:
    """``e`` with the text of each paragraph it inserts rewritten."""
    paragraphs = tuple({**p, "text": rewrite(p["text"])} for p in e.paragraphs)
    return e if paragraphs == e.paragraphs else replace(e, paragraphs=paragraphs)


def _no_officer(e: Edit) -> Edit:
    """``e`` whose certificate is signed by the client itself, not "by an authorised officer" it may not have."""
    paragraphs = tuple({**p, "text": without_officer(p["text"])} for p in e.paragraphs)
    return e if paragraphs == e.paragraphs else replace(e, paragraphs=paragraphs)


def _calling_itself(e: Edit, word: str, sections: bool) -> Edit:
    """``e`` with the clauses it inserts calling themselves by the document's ``word`` ("This Section"; "This
    Article" where the document names no Section: ``sections``)."""
    if not e.paragraphs:
        return e
    return replace(e, paragraphs=tuple({**p, "text": this_part(p["text"], word, sections)} for p in e.paragraphs))


def _present(result: AuditResult, protection: str) -> bool:
    audited = result.protection(protection)
    return audited is not None and audited.status in ("present", "proposed")  # proposed: our pending insertion


def _theirs_at_stake(result: AuditResult) -> bool:
    """The audit guessed who we are without being sure, because the other side brings materials of its own
    (a SaaS customer's "Customer Content"): read for the guessed party the contract may deliver no work, but
    read for the other one their materials are the work at stake, so the user must say who they are."""
    we = result.we
    return we is not None and we.source == "inferred" and not we.sure and bool(result.parties.client_materials)


def _our_brand(result: AuditResult) -> bool:
    """The material we bring, read as the work at stake (:func:`~noai.analysis.audit.from_our_side`), is a brand: its
    name says so ("Brand Materials", "Brand Assets"; not "Customer Content" whose definition lists brand assets beside
    the artwork)."""
    ours = result.terms.deliverables
    return ours is not None and brand_work(result.paragraphs, ours.name, None)


def _check_parties(result: AuditResult, terms: Mapping[str, str]) -> None:
    """Stop before inventing a name: both roles must map to the document's parties, and the user
    must say which party they are where the audit is unsure."""
    listed = [{"id": p.id, "name": p.name, "terms": list(p.terms), "role": p.role} for p in result.parties.parties]
    missing = [role for role, key in (("creator", "provider"), ("client", "client")) if key not in terms]
    given = result.we.given if result.we is not None and result.we.source == "user" else None
    if missing and given:  # never ask for what the user said: say what the document lacks
        names = "; ".join(" / ".join(p.terms) or p.name or p.id for p in result.parties.parties) or "none found"
        raise PartyRoleError(
            f"You said you are {given}, but the document names no party as the {' or the '.join(missing)} of the "
            f"work beside it (parties: {names}), and the clauses would need one. Check that the parties are defined "
            "in the document's opening words.",
            detail={"missing": missing, "parties": listed},
        )
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


BACKGROUND, OWNED_WORK = "background", "owned_work"  # what a finding's licence is of, the work being assigned
_PART_OF_WORK = "solely as part of {deliverables}"
_PART_OF_COMMENT = (
    "“{match}” lets {client} use these materials of {provider} apart from {deliverables}. This change "
    "limits that licence to their use as part of {deliverables}, which {client} may use as it owns them."
)


def _fill(template: str, terms: Mapping[str, str], match: str, done: dict[tuple[str, str], str] | None = None) -> str:
    """``template`` filled with ``terms`` and the red flag's words (``match``); ``done``: the fillings already made
    with these ``terms`` in this plan, by template and words (a phrase recurs: "for any purpose", clause after
    clause)."""
    if done is not None:
        key = (template, match)
        if key not in done:
            done[key] = _fill(template, terms, match)
        return done[key]
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
    f: Finding,
    rf: RenderedFix,
    variant: str,
    terms: Mapping[str, str],
    owned: bool = False,
    done: dict[tuple[str, str], str] | None = None,
) -> RenderedFix | None:
    """The fix of a red flag in a licence of the creator's pre-existing materials embedded in work the
    client owns (the transfer standing), or (``owned``) in a use of that work itself: no Permitted
    Purpose, term or revocability limit (the client must be able to use the work it owns); a background
    licence's unlimited purpose is limited to use as part of the work (not in minimal, whose fix only
    excludes Prohibited AI Use). ``None``: no edit. ``done``: as for :func:`_fill`."""
    if f.kind == "perpetual_irrevocable":
        return None
    if f.kind == "any_and_all_purposes" and variant != "minimal" and not owned:
        if used_as_part_of(f):
            return None  # already used only as part of the work
        return replace(
            rf,
            action="replace",
            replacement=_fill(_PART_OF_WORK, terms, f.phrase, done),
            comment=_fill(_PART_OF_COMMENT, terms, f.phrase, done),
            uses=(),
        )
    if rf.replacement and "Permitted Purpose" in rf.replacement:
        return None
    return rf


_REVOCABLE_FOR_AI = "{match} (but revocable for any Prohibited AI Use)"
_REVOCABLE_COMMENT = "This change keeps “{match}” and makes the licence revocable for Prohibited AI Use."


_REVERSION_COMMENT = (
    "The rights here last “{match}”. As they earn {provider} a royalty, we ask that they revert to {provider} on "
    "written notice if {work} {is} out of print, with no edition offered for sale, or {has} earned no royalties for "
    "eighteen months in a row."
)


def reversion_fix(f: Finding, rf: RenderedFix, terms: Mapping[str, str]) -> RenderedFix:
    """The comment on a licence "for the full term of copyright" paid by a royalty (a publishing licence): its rights
    revert if the book it names (else the work) goes out of print or stops earning royalties. A publisher takes no
    fixed term on a book; any other fix of ``f`` is ``rf`` as it is."""
    if f.kind != "perpetual_irrevocable" or rf.action != "comment" or not for_copyright_term(f):
        return rf
    work = named_work(f) or terms.get("deliverables", "the work")
    plural = plural_name(work)
    said = _fill(_REVERSION_COMMENT, terms, f.phrase)
    said = said.replace("{work}", work).replace("{is}", "are" if plural else "is")
    return replace(rf, comment=said.replace("{has}", "have" if plural else "has"))


def limited_fix(
    f: Finding, rf: RenderedFix, terms: Mapping[str, str], done: dict[tuple[str, str], str] | None = None
) -> RenderedFix | None:
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
            replacement=_fill(_REVOCABLE_FOR_AI, terms, f.phrase, done),
            comment=_fill(_REVOCABLE_COMMENT, terms, f.phrase, done),
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
    if ours(f.paragraph_text) and ((training := permitted_training(f)) is None or ours(training)):
        return None  # our own clause, or a phrase already fixed on our terms (not their training words beside our
        # terms: "solely for the Permitted Purpose, including to train …")
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


_FEEDBACK_LIMITS = ("perpetual_irrevocable", "any_and_all_purposes")  # the limits a licence of feedback is not asked


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
    code_waiver: str | None = None,
    own_purpose: bool = False,
) -> tuple[list[tuple[Finding, RenderedFix, str]], list[str]]:
    """The red flags to replace or comment on, each with its rendered fix and op, and the library
    terms the replacements use (in order of first use). One edit per piece of text, one
    explanatory comment per kind, no comment already in place, no replacement already made.
    ``embedded``: whether a finding is in a licence of the creator's pre-existing materials embedded in
    work the client owns (``BACKGROUND``) or in a use of that work itself (``OWNED_WORK``), or neither
    (``None``); :func:`background_fix` decides the fix of the first two. ``paid``: the client pays fees or
    a sum for the work (strict may make a transfer wait for them). ``brand``: the work is a logo or brand,
    whose perpetual licence :func:`limited_fix` leaves alone as it does one for a purpose it names.
    ``code_waiver``: the comment accepting a moral-rights waiver in code (:func:`~.planning.comments.code_waiver`),
    which then takes the place of its fix. ``own_purpose``: the Permitted Purpose is the agreement's own purpose or
    project, narrower than any purpose the document qualifies (:func:`_qualified_purpose`)."""
    fixes: list[tuple[Finding, RenderedFix, str]] = []
    taken: dict[int, list[tuple[int, int]]] = {}  # paragraph -> phrase ranges already edited
    needed_terms: list[str] = []
    commented: set[str] = set()  # one explanatory comment per kind of red flag is enough
    ours = _speaks_our_terms(library)
    render = _rendering(terms)
    filled: dict[tuple[str, str], str] = {}  # the background and limited fixes' fillings, each made once
    work = terms.get("deliverables", "").removeprefix("the ")  # its name, as a sentence may name it
    in_paragraph: dict[int, list[Finding]] = {}  # the findings of each paragraph: what a fix may move up to
    for f in result.findings:
        in_paragraph.setdefault(f.start, []).append(f)
    # a transfer's one explanatory comment goes on a transfer of its own ("hereby assigns"), not on one in the paragraph
    # whose work-made-for-hire comment (the first of the kind) already says who owns the work ("… works made for hire
    # … and are owned exclusively by the Client"), where the document has such a transfer
    hired = {g.start for g in result.findings if g.kind == "work_made_for_hire"}
    hired = {min(hired)} if hired else set()
    transfers = [g.start for g in result.findings if g.kind == "ip_assignment"]
    second_choice = hired if any(i not in hired for i in transfers) else set()  # paragraphs
    for f in result.findings:
        wanted = _fix_wanted(f, library, playbook, ours)
        if wanted is None:
            continue
        action, fix = wanted
        if f.kind == "perpetual_irrevocable" and f.act in _TRANSFER_ACTS:
            # "assigns … throughout the universe in perpetuity": the rights last as the work's ownership does. A fixed
            # term (or "solely for the Permitted Purpose") belongs to a licence; what we ask of a transfer is asked on
            # its own words (strict: that it wait for payment; standard and minimal: unchanged, the covenant relied on)
            continue
        if f.kind in _FEEDBACK_LIMITS and (g := feedback_licensed(f, result.findings, work)) is not None:
            # a licence of feedback about their product, not of the work: no term or purpose is asked of it, only that
            # it take nothing of the work ("We ask that the rights given here (“Feedback”) exclude …")
            feedback = library.fix_for(g.kind)
            if feedback is None:
                continue
            f, action, fix = g, "comment", feedback
        if code_waiver is not None and f.kind == "moral_rights_waiver":
            action = "comment"  # code the client will maintain: the waiver is accepted, not limited
        if f.kind == "ip_assignment" and action == "replace":  # "All right, title and interest … vests in": its verb
            f = _at_its_verb(f, fix, render, variant)
        ranges = taken.setdefault(f.start, [])
        if any(s < f.phrase_end and f.phrase_start < e for s, e in ranges):
            continue  # one edit per piece of text: "perpetual and irrevocable" once, not twice
        if action != "replace" and (f.kind in commented or not with_comments):
            continue  # a comment already written for this kind, or none wanted: nothing to render
        rf = render(fix, variant, f.phrase)
        if rf is not None and f.kind == "moral_rights_waiver":  # "this consent" where the document consents
            said = moral_act(rf.comment if code_waiver is None else code_waiver, f.paragraph_text)
            if performer_waiver(f.paragraph_text) and terms.get("provider"):  # a performer's rights, not authors'
                said = performer_rights(said, terms["provider"])
            rf = replace(rf, action="comment" if code_waiver else rf.action, comment=said)
        if f.kind == "digital_replica" and action == "replace":  # new material in the creator's voice: struck
            replica = _replica_fixed(f, fix, variant, terms, render) if rf is not None else []
            spans = [(g.phrase_start, g.phrase_end) for g, _ in replica]
            if not any(s < e2 and s2 < e for s, e in ranges for s2, e2 in spans):  # one edit per piece of text
                ranges.extend(spans)
                fixes.extend((g, r, "replace") for g, r in replica)
            continue
        if f.kind == "existing_ai_restriction":  # a grant's "including to train …": struck, nothing else
            named = _training_struck(f, rf, fix, variant, terms) if rf is not None and action == "replace" else None
            if named is not None:
                ranges.append((named[0].phrase_start, named[0].phrase_end))
                fixes.append((*named, "replace"))
            elif (
                rf is not None
                and (tools := _tools_kept(f, rf, variant, terms)) is not None
                and (tools[2] == "replace" or with_comments)
            ):  # AI tools allowed on the work: on the covenant's terms
                ranges.append((tools[0].phrase_start, tools[0].phrase_end))
                fixes.append(tools)
            continue
        use = embedded(f) if rf is not None and embedded is not None else None
        if rf is not None and use is not None:
            rf = background_fix(f, rf, variant, terms, owned=use == OWNED_WORK, done=filled)
        elif rf is not None and (
            purpose_limited(f, result.paragraphs) or (brand and f.kind == "perpetual_irrevocable")
        ):
            rf = limited_fix(f, rf, terms, filled)
        if rf is None or rf.action == "ignore":
            continue
        if (
            rf.action == "comment"
            and f.kind == "feedback_usage_data"
            and defined_without(result.paragraphs, f.phrase, work)
        ):
            continue  # "“Usage Data” means … but excluding the content of Customer Content": nothing left to ask
        op = "replace" if action == "replace" and rf.action == "replace" and rf.replacement else "comment"
        if op == "replace" and (limb := _widening_struck(f, rf, terms, ranges)) is not None:
            f, rf = limb  # "… to improve the Services and to develop new products": the wider limb goes, not a
            ranges.append((f.phrase_start, f.phrase_end))  # "perpetual (solely for …)" the sentence contradicts
            fixes.append((f, rf, op))
            continue
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
        if op == "replace" and (moved := _qualified_purpose(f, rf, in_paragraph[f.start], own_purpose)) is not None:
            f, rf = moved  # "for any purpose related to our business": the purpose replaced with its qualifier
        elif op == "replace" and (moved := _proviso_after_object(f, rf, in_paragraph[f.start], terms)) is not None:
            ranges.append((f.phrase_start, f.phrase_end))  # "sublicensable" stays as it is
            f, rf = moved  # the proviso a sentence of its own after the licence's object
        elif op == "replace" and (moved := _after_qualifier(f, rf, in_paragraph[f.start])) is not None:
            ranges.append((f.phrase_start, f.phrase_end))  # the words it keeps: no second edit of them
            f, rf = moved
        if op == "comment":
            if f.kind == "ip_assignment" and f.start in second_choice:
                continue  # the transfer's comment goes on a transfer of its own (above)
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
        hire = [i for i, (f, _, op) in enumerate(fixes) if op == "comment" and f.kind == "work_made_for_hire"]
        fixes = [x for i, x in enumerate(fixes) if i not in hire[1:]]  # one explanatory comment of the kind
    return _without_redundant(fixes), needed_terms


# The acts of a sentence that moves the work to the client: its "in perpetuity" / "throughout the universe" is the
# transfer's reach, not a licence's term (noai.analysis.classify gives a modifier there the transfer's act).
_TRANSFER_ACTS = frozenset({"assigns", "vests", "owns"})


def strike_creation_timing(
    fixes: Sequence[tuple[Finding, RenderedFix, str]],
    work: str = "the work",
    parties: tuple[str, str] = ("", ""),
    texts: Sequence[str] = (),
    sections: Sequence[tuple[str, str | None]] = (),
) -> tuple[list[tuple[Finding, RenderedFix, str]], list[str]]:
    """The fixes with, after each transfer made to wait for payment, a second tracked replacement
    striking the words that time the transfer at the work's creation ("shall, upon payment in full …,
    be vested in the Institute on their creation" would contradict itself), and where the work is no
    longer made for hire, one changing the condition that limits the transfer to work not made for hire
    ("To the extent any Contribution is not a work made for hire, " -> "For each Contribution, "), the
    transfer's comment saying so; and the timing words struck. Another transfer in the paragraph that takes effect
    at once (``parties``: the creator's and the client's terms) waits for that payment too ("All Work Product is
    the sole property of X upon creation. Y hereby assigns …"), with its own creation timing struck. Not where
    those words overlap another edit. The back-up transfer later in its clause (``texts``: the document's
    paragraphs; ``sections``: each one's clause and number), which opens by referring back ("5.2 To the extent it does
    not, Developer assigns …"), waits too (:func:`_back_up_after`)."""
    out: list[tuple[Finding, RenderedFix, str]] = []
    struck: list[str] = []
    taken = [(f.start, f.phrase_start, f.phrase_end) for f, _, _ in fixes]
    unhired = any(op == "replace" and f.kind == "work_made_for_hire" for f, _, op in fixes)
    for f, rf, op in fixes:
        strikes: list[tuple[Strike, str]] = []
        gone: list[Strike] = []  # an ownership statement struck: the assignment beside it is the one way it passes
        if op == "replace" and f.kind == "ip_assignment" and _ON_PAYMENT in (rf.replacement or "") and all(parties):
            one = _one_mechanism(f, rf, parties, work)
            if one is not None:
                taken.remove((f.start, f.phrase_start, f.phrase_end))
                f, rf, statement, completed = one
                gone.append(statement)
                strikes += [(statement, ""), *completed]
        if op == "replace" and f.kind == "ip_assignment" and _ON_PAYMENT in (rf.replacement or ""):
            timing = creation_timing(f.paragraph_text, f.phrase_start, f.phrase_end)
            if timing is not None:
                strikes.append(
                    (timing, f" We also strike “{timing.words}”: ownership passes on payment, not on creation.")
                )
            fallback = hire_fallback(f.paragraph_text, f.phrase_start, f.phrase_end) if unhired else None
            if fallback is not None:
                strikes.append((fallback, _FALLBACK_SAID.format(words=fallback.words, work=work)))
            if not modal_before(f) and modal_opening(f.phrase) is None:  # "assigns" -> "shall, …, assign"
                strikes += _in_step(f.paragraph_text, f.phrase_start, f.phrase_end, rf.replacement or "")
            if all(parties):
                for other in present_transfers(f.paragraph_text, f.phrase_start, f.phrase_end, *parties, work):
                    if any(g.start <= other.start and other.end <= g.end for g in gone):
                        continue  # in the ownership statement struck
                    declared = (
                        ownership_clause(f.paragraph_text, other.start, other.end)
                        if not other.replacement.startswith("shall") and is_transfer_verb(f.phrase)
                        else None
                    )
                    alone = _completed(f.paragraph_text, declared, f.phrase_end, work) if declared else None
                    if declared is not None and alone is not None:
                        # "Vendor hereby assigns … . All Work Product is the property of …"
                        gone.append(declared)
                        strikes += [(declared, _ONE_WAY.format(words=declared.words)), *alone]
                        continue
                    strikes.append((other, f" We also make “{other.words}” in this clause wait for that payment."))
                    if other.replacement.startswith("shall"):  # "hereby assigns" -> "shall, upon that payment, assign"
                        strikes += _in_step(f.paragraph_text, other.start, other.end, other.replacement)
                    timing = creation_timing(f.paragraph_text, other.start, other.end)
                    if timing is not None and not any(s.start == timing.start for s, _ in strikes):
                        strikes.append(
                            (timing, f" We also strike “{timing.words}”: ownership passes on payment, not on creation.")
                        )
                    # its own "To the extent any Asset is not a work made for hire, " (a sentence of its own)
                    fallback = hire_fallback(f.paragraph_text, other.start, other.end) if unhired else None
                    if fallback is not None and not any(s.start == fallback.start for s, _ in strikes):
                        strikes.append((fallback, _FALLBACK_SAID.format(words=fallback.words, work=work)))
        strikes = [
            (strike, said)
            for strike, said in strikes
            if not any(i == f.start and s < strike.end and strike.start < e for i, s, e in taken)
        ]  # another edit holds those words
        placed = [(f, strike, said) for strike, said in strikes]
        if op == "replace" and f.kind == "ip_assignment" and _ON_PAYMENT in (rf.replacement or "") and all(parties):
            replacement = rf.replacement or ""
            first = 0 if replacement.startswith("for each ") else replacement.index(_ON_PAYMENT)
            condition = replacement[first : replacement.rindex(", ")]  # "upon payment in full of all fees due …"
            placed += _back_up_after(f, texts, parties, work, taken, sections, condition)
        said_all = "".join(dict.fromkeys(said for _, _, said in placed))  # "We also strike “on creation”" once
        out.append((f, replace(rf, comment=rf.comment + said_all) if said_all else rf, op))
        for at, strike, said in placed:
            second = replace(
                at,
                phrase=at.paragraph_text[strike.start : strike.end],
                phrase_start=strike.start,
                phrase_end=strike.end,
            )
            out.append(
                (second, replace(rf, find=second.phrase, replacement=strike.replacement, comment="", uses=()), op)
            )
            if said.startswith(" We also strike"):
                struck.append(strike.words)
            taken.append((at.start, strike.start, strike.end))  # struck once, though two transfers share the words
    return out, struck


def _back_up_after(
    f: Finding,
    texts: Sequence[str],
    parties: tuple[str, str],
    work: str,
    taken: Sequence[tuple[int, int, int]],
    sections: Sequence[tuple[str, str | None]] = (),
    condition: str = "",
) -> list[tuple[Finding, Strike, str]]:
    """The back-up transfer of the transfer ``f`` made to wait for payment, found by what it does: a present transfer
    by the creator in a later paragraph of the same clause (``sections``: each paragraph's clause and number) whose
    sentence opens by referring back to it ("5.2 To the extent it does not, Developer assigns … on its creation" in
    the paragraph after it; "3.3 To the extent that title does not vest in Client under clause 3.1, Developer assigns
    …" further on, which says what did not happen). It waits for that payment too, its creation timing struck, each
    change with what the comment says of it, on a finding of that paragraph. Paragraphs another edit holds are
    passed by (a transfer with its own fix); the first back-up found is the one. Further on than the paragraph
    after it, the back-up says the payment in full (``condition``: "upon payment in full of all fees due under this
    agreement"), not "upon that payment", which would refer to a paragraph in between."""
    clause = sections[f.start][0] if f.start < len(sections) else ""
    for at in range(f.start + 1, len(texts)):
        if at > f.start + 1 and (not clause or at >= len(sections) or sections[at][0] != clause):
            break  # the clause ends: no back-up of this transfer after it
        if any(i == at for i, _, _ in taken):
            continue
        found = _back_up_in(f, at, texts[at], parties, work, at > f.start + 1)
        if found:
            label = sections[at][1] if at < len(sections) else None
            where = (
                "in the paragraph after it"
                if at == f.start + 1
                else f"in {clause_name(label)}"
                if label
                else "in the back-up assignment below"
            )
            if at > f.start + 1 and condition:
                found = [
                    (g, s._replace(replacement=s.replacement.replace("upon that payment", condition, 1)), said)
                    for g, s, said in found
                ]
            return [(g, s, said.replace("{where}", where)) for g, s, said in found]
    return []


def _back_up_in(
    f: Finding, at: int, text: str, parties: tuple[str, str], work: str, named: bool
) -> list[tuple[Finding, Strike, str]]:
    """The changes making the back-up transfer of paragraph ``at`` wait for the payment ``f`` now waits for (the
    comment's "{where}" to fill); none where the paragraph has no transfer by the creator that refers back (``named``:
    by saying what did not happen)."""
    after = replace(f, start=at, end=at, paragraph_text=text, phrase="", phrase_start=0, phrase_end=0)
    out: list[tuple[Finding, Strike, str]] = []
    for other in present_transfers(text, len(text), len(text), *parties, work):
        if not other.replacement.startswith("shall") or back_up_opening(text, other.start, named) is None:
            continue  # not a transfer by the creator that refers back to the one before it
        out.append((after, other, f" We also make “{other.words}” {{where}} wait for that payment."))
        out += [(after, s, said) for s, said in _in_step(text, other.start, other.end, other.replacement)]
        timing = creation_timing(text, other.start, other.end)
        if timing is not None:
            said = f" We also strike “{timing.words}”: ownership passes on payment, not on creation."
            out.append((after, timing, said))
    return out


_ONE_WAY = " We also take out “{words}”: the assignment, on that payment, is then the one way ownership passes."


def _one_mechanism(
    f: Finding, rf: RenderedFix, parties: tuple[str, str], work: str
) -> tuple[Finding, RenderedFix, Strike, list[tuple[Strike, str]]] | None:
    """Where strict makes a statement of who owns the work ("Company will own …", "All Work Product is the sole
    property of Northgate …") wait for payment and an assignment of it stands beside it in the paragraph ("Contractor
    hereby irrevocably assigns …"), the assignment alone passes ownership, so the clause does not say it two ways:
    the edit making that assignment wait for the payment itself ("shall, upon payment in full of the fees for that
    Asset under the applicable SOW, irrevocably assign"), with the fix's comment said of it, and the statement to
    strike (:func:`~noai.analysis.facts.ownership_clause`), and what the assignment needs to stand alone
    (:func:`_completed`: the other rights where it moves only some, the work named where it says "in them").
    ``None``: ``f`` is itself the assignment, no assignment stands beside it, the statement is not a clause that can
    go whole, or the assignment cannot be completed."""
    text = f.paragraph_text
    if is_transfer_verb(f.phrase):
        return None
    verbs = [
        o
        for o in present_transfers(text, f.phrase_start, f.phrase_end, *parties, work)
        if o.replacement.startswith("shall")
    ]
    verbs.sort(key=lambda o: not assigns_everything(text, o.end))  # one of all the rights first
    statement = ownership_clause(text, f.phrase_start, f.phrase_end, verbs[0].start) if verbs else None
    if statement is None or any(statement.start <= o.start < statement.end for o in verbs):
        return None
    verb = verbs[0]
    completed = _completed(text, statement, verb.end, work)
    if completed is None:
        return None
    lead = back_up_opening(text, verb.start)  # "If for any reason it does not, ": said of the statement struck
    if lead is not None and lead.start >= statement.end:
        completed.append((lead, _BACK_UP_SAID.format(words=lead.words)))
    replacement = rf.replacement or ""
    first = 0 if replacement.startswith("for each ") else replacement.index(_ON_PAYMENT)
    condition = that_piece(text, verb.start, replacement[first : replacement.rindex(", ")])
    made = verb.replacement.replace("upon that payment", condition, 1)
    words = text[verb.start : verb.end]
    comment = rf.comment.replace(f"“{f.phrase}”", f"“{words}”") + _ONE_WAY.format(words=statement.words)
    moved = replace(f, phrase=words, phrase_start=verb.start, phrase_end=verb.end)
    return moved, replace(rf, find=words, replacement=made, comment=comment), statement, completed


_BACK_UP_SAID = " We also take out “{words}”, which referred to the words taken out."
_WIDER = " We also change “{words}” to “{wider}”, so that the assignment moves all that “{statement}” did."
_NAMED = " We also change “{words}” to “{named}”: the words taken out named {work}."


def _completed(text: str, statement: Strike, verb_end: int, work: str) -> list[tuple[Strike, str]] | None:
    """What the assignment whose verb ends at ``verb_end`` needs to be the one way ownership passes once ``statement``
    is struck, each change with what the comment says of it: the other rights added where it moves only some
    ("all copyright" -> "all copyright and all other intellectual property rights":
    :func:`~noai.analysis.facts.widened_rights`), the work named where it refers back to the statement ("in them" ->
    "in the Deliverables": :func:`~noai.analysis.facts.back_reference`). ``None``: it cannot be made so."""
    completed: list[tuple[Strike, str]] = []
    if not assigns_everything(text, verb_end):
        wider = widened_rights(text, verb_end, statement.words)
        if wider is None:
            return None
        said = _WIDER.format(words=wider.words, wider=wider.replacement, statement=statement.words)
        completed.append((wider, said))
    if not _reads_without(text, statement, verb_end, work):
        back = back_reference(text, verb_end, work)
        if back is None:
            return None
        completed.append((back, _NAMED.format(words=back.words, named=back.replacement, work=work)))
    return completed


def _reads_without(text: str, statement: Strike, at: int, work: str) -> bool:
    """The assignment whose verb ends at ``at`` still names the work itself once ``statement`` is struck ("… in the
    Deliverables", not "… in them")."""
    kept = text[: statement.start] + statement.replacement + text[statement.end :]
    moved = at - (statement.end - statement.start) + len(statement.replacement) if at >= statement.end else at
    return names_the_work(kept, moved, work)


def _in_step(text: str, start: int, end: int, replacement: str) -> list[tuple[Strike, str]]:
    """The verbs joined to the transfer's verb at ``text[start:end]``, put in the bare form once ``replacement``
    puts a modal before that verb ("shall, upon payment …, assign … and give every consent"), each with what its
    comment says."""
    modal, verb = replacement.split(",")[0], replacement.split()[-1]
    return [
        (
            joined,
            f" We also change “{joined.words}” to “{joined.replacement}”: with “{verb}”, it follows “{modal}” and "
            "waits for that payment too.",
        )
        for joined in coordinated_verbs(text, start, end)
    ]


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
    # the comment quotes the purpose whole, limited as it is ("for any purpose related to our business"), never as
    # if it set no limit at all
    whole = f.paragraph_text[f.phrase_start : end]
    said = (rf.comment or "").replace(
        f"“{f.phrase}” sets no limit on the use it allows.", f"“{whole}” is wide, and it does not exclude AI training."
    )
    return replace(f, phrase=last, phrase_start=start, phrase_end=end), replace(
        rf,
        replacement=last + replacement[len(f.phrase) :],
        comment=said.replace(f"“{f.phrase}”", f"“{whole}”") if rf.comment else rf.comment,
    )


_WIDENING_COMMENT = (
    "This change strikes “{words}”, which would take the licence beyond the purpose it names before it: the licence "
    "then serves that purpose alone."
)


def _widening_struck(
    f: Finding, rf: RenderedFix, terms: Mapping[str, str], ranges: Sequence[tuple[int, int]]
) -> tuple[Finding, RenderedFix] | None:
    """A term tied to the Permitted Purpose ("perpetual (solely for the Permitted Purpose)") in a licence whose own
    words name its purposes, one of them wider than the project (:func:`~noai.analysis.facts.widening_limb`): the
    parenthesis would contradict the sentence, so the wider limb is struck instead; ``None`` for any other fix."""
    if f.kind != "perpetual_irrevocable" or "Permitted Purpose" not in (rf.replacement or ""):
        return None
    project = terms.get("project", "")  # a project the document names, not "the purpose of this Agreement"
    project = "" if project.startswith("the purpose of ") else project
    limb = widening_limb(f.paragraph_text, f.phrase_start, project)
    if limb is None or any(s < limb.end and limb.start < e for s, e in ranges):
        return None
    words = f.paragraph_text[limb.start : limb.end]
    said = _WIDENING_COMMENT.format(words=limb.words)
    return replace(f, phrase=words, phrase_start=limb.start, phrase_end=limb.end), replace(
        rf, find=words, replacement="", comment=said, uses=()
    )


def _training_struck(
    f: Finding, rf: RenderedFix, fix: Fix, variant: str, terms: Mapping[str, str]
) -> tuple[Finding, RenderedFix] | None:
    """The edit striking the words by which a grant names AI training among the uses it allows to the client
    (:func:`~noai.analysis.facts.training_words`), the lead-in with them, or the whole sentence whose act is
    the client's permission to train AI on the work (:func:`~noai.analysis.facts.training_permission`) or to use it
    as training data (:func:`~noai.analysis.facts.training_data_use`), by the fix's rule whose target is the
    sentence, where it has one and that rule strikes; ``None`` for any other AI language."""
    if f.attributes.get("polarity") != "permission" or f.actor != "creator" or f.beneficiary != "client":
        return None
    strike = training_words(f.paragraph_text, f.phrase_start, f.phrase_end)
    said = rf.comment.replace(f"“{f.phrase}”", f"“{strike.words}”") if strike is not None else ""
    # the permission is the other side's (its beneficiary, read against whoever we are: with ``--we Customer`` the
    # SaaS provider's), never by its party key ("client" is the customer's key whichever side we are)
    whole = fix.sentence_rule is not None and f.attributes.get("permitted_party") not in (None, "unknown")
    # a consent to use the work "as training data": its sentence is struck whole, never an item of a list in it
    as_data = training_data_use(f.paragraph_text, f.phrase_start, f.phrase_end) if strike is None and whole else None
    if strike is None and as_data is None and (strike := ai_list_item(f.paragraph_text, f.phrase_start, f.phrase_end)):
        # one item of a list the grant names ("… in digital databases and text and data mining services"): what it
        # lets others do with the work, not the client's own training
        said = rf.comment.replace(f"“{f.phrase}”", f"“{strike.words}”").replace(
            " to train AI on ", " to let others mine or train AI on "
        )
    if strike is None and whole and as_data is None:  # one limb of several purposes: the rest stands
        strike = training_limb(f.paragraph_text, f.phrase_start, f.phrase_end)
        said = rf.comment.replace(f"“{f.phrase}”", f"“{strike.words}”") if strike is not None else ""
    if strike is None and whole:
        strike = training_permission(f.paragraph_text, f.phrase_start, f.phrase_end) or as_data
        # quoted without its typed number ("2.2 "), which is no part of the sentence (and may stay: _number_kept)
        sentence = render_sentence_fix(fix, variant, strike.words, terms) if strike is not None else None
        if sentence is None or sentence.action != "replace":
            return None
        rf, said = sentence, sentence.comment
    if strike is None:
        return None
    # a whole sentence struck: the words of the next one that hang on it go too ("However, (a) … before any such
    # use, and (b) Provider shall not …" keeps "Provider shall not …")
    grown = with_hanging(f.paragraph_text, strike) if strike.words.endswith((".", ";")) else None
    if grown is not None:
        strike, hanging = grown
        said = f"{said} {hanging_said(hanging)}"
    if f.attributes.get("material_owner") == "unknown":  # "The Materials may be used to train …": nobody's, said
        said = said_unowned(said, terms)
    words = f.paragraph_text[strike.start : strike.end]
    return replace(f, phrase=words, phrase_start=strike.start, phrase_end=strike.end), replace(
        rf, find=words, replacement=strike.replacement, comment=said
    )


# the terms on which AI tools may process the work: those of the restriction on Prohibited AI Use
_TOOL_TERMS = "if the tool neither keeps {deliverables} after the task nor is trained on {them}"


def _tools_kept(
    f: Finding, rf: RenderedFix, variant: str, terms: Mapping[str, str]
) -> tuple[Finding, RenderedFix, str] | None:
    """A permission to use AI tools on the work (:func:`~noai.analysis.facts.ai_tools`: "be entitled to use machine
    translation or other automated tools in preparing the Translation") kept on the covenant's terms: strict and
    standard add them after the tools' words ("… tools (if the tool neither keeps the Work after the task nor is
    trained on it)"), minimal asks for them in a comment. ``None``: no such permission, or the creator's own."""
    if f.attributes.get("polarity") != "permission" or f.attributes.get("permitted_party") == "creator":
        return None
    tools = ai_tools(f.paragraph_text, f.phrase_start, f.phrase_end)
    if tools is None:
        return None
    work = terms.get("deliverables", "the work")
    condition = _tool_terms(terms)
    moved = replace(f, phrase=tools.words, phrase_start=tools.start, phrase_end=tools.end)
    if variant == "minimal":
        said = (
            f"We ask that “{tools.words}” be used on {work} only {condition}: such tools may keep what they are "
            "given, or train on it."
        )
        return moved, replace(rf, find=tools.words, replacement=None, comment=said, uses=()), "comment"
    said = (
        f"This change keeps the use of “{tools.words}” on the terms of the restriction on Prohibited AI Use: "
        f"only {condition}."
    )
    return (
        moved,
        replace(rf, find=tools.words, replacement=_on_tool_terms(tools.words, terms), comment=said, uses=()),
        "replace",
    )


# what the kept change's comment adds once the covenant excepts the use
_EXCEPTED = "Our restriction on AI use excepts that use expressly, on those terms."


def _tool_terms(terms: Mapping[str, str]) -> str:
    """The terms on which AI tools may process the work, said of it: "if the tool neither keeps the Work after the
    task nor is trained on it"."""
    work = terms.get("deliverables", "the work")
    return _TOOL_TERMS.format(deliverables=work, them="them" if re.search(r"[^s]s$", work) else "it")


def _on_tool_terms(tools: str, terms: Mapping[str, str]) -> str:
    """The tools' words of a permission kept on the covenant's terms: "machine translation (if the tool …)"."""
    return f"{tools} ({_tool_terms(terms)})"


def _tools_excepted(
    result: AuditResult,
    fixes: Sequence[tuple[Finding, RenderedFix, str]],
    insertions: list[Edit],
    terms: Mapping[str, str],
    word: str | None,
) -> tuple[list[Edit], list[tuple[Finding, RenderedFix, str]]]:
    """Our covenant excepting each use of AI tools the plan keeps on its terms (:func:`_tools_kept`): without it,
    the covenant's "using any Protected Materials as prompts … for an AI System" forbids what the kept clause allows
    ("be entitled to use machine translation … in preparing the Translation"). The exception names that use in the
    document's words and cites its clause by the number it has once our clauses are in ("the use of machine
    translation or other automated tools in preparing the Translation, as clause 3(b) permits"), on the condition
    the covenant's other exceptions are made on; the kept change's comment says so. ``insertions`` and ``fixes`` as
    they were where nothing is kept or the covenant has no exceptions to join (minimal's forbids training alone)."""
    kept = [
        (k, f, t)
        for k, (f, rf, op) in enumerate(fixes)
        if op == "replace"
        and rf.replacement == _on_tool_terms(f.phrase, terms)
        and (t := ai_tools(f.paragraph_text, f.phrase_start, f.phrase_end)) is not None
    ]
    if not kept:
        return insertions, list(fixes)
    moved = {c.index: c for c in _renumbered(result, insertions).found.changes if not c.reference}
    owner = possessive(terms.get("client", "the client"))
    out, fixes = list(insertions), list(fixes)
    for k, f, tools in kept:
        use = kept_tool_use(f.paragraph_text, tools, owner)
        label = result.paragraphs[f.start].section_label
        shift = moved.get(f.start)
        old = shift.old.strip().rstrip(".") if shift is not None else ""
        if label and old and label.endswith(old):  # Word or a renumbering moves its number: cited as it will read
            label = label[: -len(old)] + shift.new.strip().rstrip(".")  # type: ignore[union-attr]
        cited = f"{use}, as {word or 'clause'} {label} permits" if label else use
        excepted = [_rewritten(e, partial(with_tool_exception, use=cited)) for e in out]
        if excepted == out:
            continue
        out = excepted
        f, rf, op = fixes[k]
        said = f"{rf.comment} {_EXCEPTED}" if rf.comment else ""
        fixes[k] = (f, replace(rf, comment=said), op)
    return out, fixes


# the corrections a permission to make new material in the creator's voice keeps (strict, standard)
_CORRECTED_BY = " by editing {deliverables} or in further recording sessions with {provider}"
_CORRECTIONS_SAID = (
    " Corrections may still be made by editing {deliverables} or in further recording sessions with {provider}."
)
# what minimal asks before any material the creator did not perform is made in the creator's voice or likeness
_PROVISO = (
    ", provided that any material {provider} did not perform is made in {own} voice or likeness only with {own} prior "
    "written approval and for a further fee agreed in advance"
)


def _replica_fixed(
    f: Finding, fix: Fix, variant: str, terms: Mapping[str, str], render: Callable[[Fix, str, str], RenderedFix | None]
) -> list[tuple[Finding, RenderedFix]]:
    """The edits answering a permission to make new material in the creator's voice or likeness by digital means
    (:func:`~noai.analysis.facts.replica_material`), the first with the fix's comment quoting the permission: strict
    and standard strike the means and the new material (corrections it starts with stay, made by editing the work
    or in further recording sessions), or the permission where it is all new material; minimal strikes the means
    and adds a proviso: material the creator did not perform waits for the creator's approval and a fee. No edit
    where the permission cannot be read."""
    text = f.paragraph_text
    replica = replica_material(text, f.phrase_start, f.phrase_end)
    rf = render(fix, variant, replica.words) if replica is not None else None
    if replica is None or rf is None or rf.action != "replace":
        return []
    provider, work = terms.get("provider", "the creator"), terms.get("deliverables", "the work")

    def edit(span: tuple[int, int], replacement: str, comment: str) -> tuple[Finding, RenderedFix]:
        words = text[span[0] : span[1]]
        moved = replace(f, phrase=words, phrase_start=span[0], phrase_end=span[1])
        return moved, replace(rf, find=words, replacement=replacement, comment=comment, uses=())

    means = replica.means
    if variant == "minimal":
        condition = _PROVISO.format(provider=provider, own=possessive(provider))
        last = text[replica.last[0] : replica.last[1]]
        unpaid = replica.unpaid
        if unpaid is not None and unpaid[1] == replica.last[1]:  # "…, without further payment to X": replaced
            proviso = edit(unpaid, condition, "")
        else:
            proviso = edit(replica.last, last + condition, "")
        free = [] if unpaid is None or unpaid[1] == replica.last[1] else [edit(unpaid, "", "")]
        gone = f" We replace “{text[unpaid[0] : unpaid[1]].strip(', ')}” with that fee." if unpaid else ""
        if means is None:  # "a digital replica of …": the thing made stays, on the creator's terms
            return [(proviso[0], replace(proviso[1], comment=rf.comment + gone)), *free]
        said = rf.comment + f" The words “{f.phrase}” go." + gone
        return [edit(means, "", said), *free, proviso]
    if replica.voice is not None and means is not None:
        said = rf.comment + _CORRECTIONS_SAID.format(deliverables=work, provider=provider)
        corrected = _CORRECTED_BY.format(deliverables=work, provider=provider)
        return [edit(means, "", said), edit(replica.voice, corrected, "")]
    said = rf.comment.replace("strikes the digital means and the new material from “", "strikes the permission to “")
    return [edit((replica.permission.start, replica.permission.end), "", said)]


DELETED = "[Intentionally deleted]"  # what a drafter leaves at the number of a clause struck whole


def _citing_struck(
    result: AuditResult, fixes: Sequence[tuple[Finding, RenderedFix, str]]
) -> list[tuple[Finding, RenderedFix, str]]:
    """The strikes of the exceptions that cite a numbered clause this plan strikes whole (", except as Section 3.3
    permits" once 3.3 is struck, :func:`~noai.analysis.facts.exception_citing`): what the exception allowed is gone, so
    the exception would point at nothing."""
    out: list[tuple[Finding, RenderedFix, str]] = []
    taken = {(f.start, f.phrase_start) for f, _, _ in fixes}
    for f, rf, op in fixes:
        text = f.paragraph_text
        whole = f.phrase_end >= len(text.rstrip()) and not text[: f.phrase_start].strip(" \t0123456789.()")
        if op != "replace" or rf.replacement not in ("", None, DELETED) or not whole:
            continue
        typed = typed_number(text)
        number = typed[0] if typed else result.paragraphs[f.start].label
        if not number:
            continue
        for j, p in enumerate(result.paragraphs):
            cut = exception_citing(p.text, number) if j != f.start else None
            if cut is None or (j, cut.start) in taken:
                continue
            words = p.text[cut.start : cut.end]
            said = (
                f"This change strikes the exception “{cut.words}”: this redline strikes the clause it cites, so it "
                "would point at nothing."
            )
            cited = replace(f, start=j, end=j, paragraph_text=p.text, phrase=words, phrase_start=cut.start)
            out.append((replace(cited, phrase_end=cut.end), replace(rf, find=words, replacement="", comment=said), op))
            taken.add((j, cut.start))
    return out


def _number_kept(result: AuditResult, f: Finding, rf: RenderedFix, ours: Set[int]) -> tuple[Finding, RenderedFix]:
    """A whole numbered paragraph struck keeps its number, as a drafter strikes a clause ("4.3 [Intentionally
    deleted]"), where striking it with its number would leave a gap in the typed numbers after it (4.2, 4.4), let
    Word number another clause as a typed reference's number, or move the numbers our clauses take (``ours``: the
    paragraphs they number on from; :func:`struck_moves_numbers`): its text after the number is replaced, the
    number and the paragraph stay. Any other edit is as it was."""
    text = f.paragraph_text
    if rf.action != "replace" or rf.replacement or f.phrase_start > 0 or f.phrase_end < len(text):
        return f, rf
    paragraphs = result.paragraphs
    if _pending_insertion(paragraphs[f.start]):
        return f, rf  # a clause the other side added, not yet agreed: struck whole, its number goes with it
    if not struck_moves_numbers([p.text for p in paragraphs], f.start, [p.label for p in paragraphs], ours):
        return f, rf
    span = typed_number_span(text)
    start = len(text) - len(text[span[1] :].lstrip()) if span else 0
    words = text[start:]
    quoted = f"“{text.strip().rstrip('.')}”"  # the sentence quoted without its number
    said = rf.comment.replace(quoted, f"“{words.strip().rstrip('.')}”")
    said += (
        f" Its number stays, marked “{DELETED}”, so that the numbers after it and the references to them still hold."
    )
    return replace(f, phrase=words, phrase_start=start), replace(rf, find=words, replacement=DELETED, comment=said)


def _pending_insertion(p: Paragraph) -> bool:
    """``p`` is a whole paragraph inserted with tracking and not yet accepted (its mark and all its words): the
    clause is only proposed, and striking it takes it out with its number, leaving no gap."""
    return p.mark == INSERTED and not p.original_text.strip()


def _qualified_purpose(
    f: Finding, rf: RenderedFix, findings: Sequence[Finding], own_purpose: bool = False
) -> tuple[Finding, RenderedFix] | None:
    """An unlimited purpose replaced whole ("for any purpose" -> "solely for the Permitted Purpose") where words
    qualifying that purpose follow it ("… related to our business"): the change takes them with it, so they never
    qualify the new words ("the Permitted Purpose related to our business") and no second purpose is stacked on the
    first. Where the Permitted Purpose is the agreement's own purpose or project (``own_purpose``), the narrower
    limit, it takes the qualified purpose's place alone ("solely for the Permitted Purpose": one limit, the comment
    says it replaces the qualifier); else (the client's own business) the qualifier stays on the purpose, merged
    with ours ("solely for a purpose relating to its real estate business and within the Permitted Purpose").
    ``None``: no qualifier follows, or the replacement is not a purpose of its own."""
    if f.kind != "any_and_all_purposes" or not a_purpose_of_its_own(rf.replacement or "") or "urpose" not in f.phrase:
        return None
    later = [g.phrase_start for g in findings if g.start == f.start and g.phrase_start >= f.phrase_end]
    end = qualifier_end(f.paragraph_text, f.phrase_end, min(later, default=None))
    if end == f.phrase_end:
        return None
    qualifier = f.paragraph_text[f.phrase_end : end]
    whole = f.paragraph_text[f.phrase_start : end]
    ours = rf.replacement or ""
    if own_purpose and ours.endswith(f"for {_OUR_PURPOSE}") and about_the_purpose(qualifier):
        said = (  # one limit: the qualified purpose gives way to the narrower Permitted Purpose
            f"This change limits the use allowed by “{whole}” to the Permitted Purpose, the narrower limit, which "
            "takes that purpose's place."
        )
        return replace(f, phrase=whole, phrase_end=end), replace(rf, find=whole, comment=said)
    # one purpose, its qualifier and ours merged ("solely for a purpose related to our business and within the
    # Permitted Purpose"), not two stacked ("solely for the Permitted Purpose, and only for a purpose related to …")
    merged = (
        f"{ours[: -len(_OUR_PURPOSE)]}a purpose{qualifier} and within {_OUR_PURPOSE}"
        if ours.endswith(f"for {_OUR_PURPOSE}")
        else f"{ours}, and only for a purpose{qualifier}"
    )
    return replace(f, phrase=whole, phrase_end=end), replace(rf, find=whole, replacement=merged)


_OUR_PURPOSE = "the Permitted Purpose"


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


def _at_its_verb(f: Finding, fix: Fix, render: Callable[[Fix, str, str], RenderedFix | None], variant: str) -> Finding:
    """A transfer found at the rights that pass, the subject of its sentence ("All right, title and interest in the
    Deliverables vests in Client on creation"), moved to the verb by which they pass ("vests in"), where the fix
    changes that verb (strict's payment condition), as it changes the same statement whose subject is the work; the
    finding as it is otherwise."""
    verb = ownership_verb(f.paragraph_text, f.phrase_start, f.phrase_end)
    if verb is None:
        return f
    moved = replace(f, phrase=f.paragraph_text[verb[0] : verb[1]], phrase_start=verb[0], phrase_end=verb[1])
    rf = render(fix, variant, moved.phrase)
    return moved if rf is not None and rf.action == "replace" and rf.replacement else f


def _fits_before(f: Finding, rf: RenderedFix) -> bool:
    """The words before the phrase take the replacement: "shall" before "upon payment … be the property
    of" (or the phrase's own: "will own"), "are" before "not works made for hire"; a replacement that is a whole
    verb fits anywhere."""
    if f.kind == "work_made_for_hire":  # before its quotation marks: 'are "works made for hire"'
        start, _ = quoted_span(f.paragraph_text, f.phrase_start, f.phrase_end)
        return be_before(replace(f, phrase_start=start))
    if f.kind == "ip_assignment" and (rf.replacement or "").startswith(_PAYMENT_FIRST):
        return (
            modal_before(f)
            or modal_opening(f.phrase) is not None
            or finite_start(f) is not None
            or modal_adverb_start(f) is not None
        )
    return True


def _not_before_be(f: Finding, rf: RenderedFix) -> tuple[Finding, RenderedFix]:
    """Strict's "not" before a bare "be" that comes before the phrase: the phrase takes the "be" ("shall be works
    made for hire" -> "shall not be works made for hire", never "shall be not …")."""
    start = bare_be_start(f)
    replacement = rf.replacement or ""
    if start is None or not replacement.startswith("not "):
        return f, rf
    words = f.paragraph_text[start : f.phrase_end]
    be = f.paragraph_text[start : f.phrase_start]
    return replace(f, phrase=words, phrase_start=start), replace(
        rf, find=words, replacement=f"not {be}{replacement[4:]}"
    )


def _quotes_taken(f: Finding, rf: RenderedFix) -> tuple[Finding, RenderedFix]:
    """A phrase in quotation marks ('are "works made for hire"') taken with them, so that the replacement's
    added words go outside them ('are not "works made for hire"', not 'are "not works made for hire"')."""
    start, end = quoted_span(f.paragraph_text, f.phrase_start, f.phrase_end)
    if (start, end) == (f.phrase_start, f.phrase_end):
        return f, rf
    quoted = f.paragraph_text[start:end]
    replacement = (rf.replacement or "").replace(f.phrase, quoted, 1)
    return replace(f, phrase=quoted, phrase_start=start, phrase_end=end), replace(
        rf, find=quoted, replacement=replacement
    )


# strict's payment condition put before the phrase ("upon payment in full of …, be vested in"; piece by piece, "for
# each Illustration, upon payment …"): the modal before it is taken in, the condition between commas
_PAYMENT_FIRST = ("upon payment", "for each ")


def _modal_taken(f: Finding, rf: RenderedFix) -> tuple[Finding, RenderedFix]:
    """The payment condition put between commas after the modal before the phrase: the phrase grows to take
    the modal ("shall be vested in" -> "shall, upon payment in full …, be vested in"); or after the phrase's own
    ("will own" -> "will, upon payment in full …, own")."""
    start = modal_start(f)
    inner = modal_opening(f.phrase) if start is None else None
    replacement = rf.replacement or ""
    if inner is not None and replacement.endswith(f.phrase):
        condition = replacement[: -len(f.phrase)]  # "upon payment in full of …, " (never capitalised after the modal)
        condition = condition[:1].lower() + condition[1:]
        modal = f.phrase[:inner].rstrip()
        return f, replace(rf, replacement=f"{modal}, {condition}{f.phrase[inner:]}")
    finite = finite_start(f) if start is None and inner is None else None
    if finite is not None:  # "All rights … vest in Client" -> "… will, upon payment in full …, vest in Client"
        longer = replace(f, phrase=f.paragraph_text[finite : f.phrase_end], phrase_start=finite)
        return longer, replace(rf, find=longer.phrase, replacement=f"will, {replacement}")
    adverb = modal_adverb_start(f) if start is None and inner is None else None
    if adverb is not None:  # "shall automatically vest in" -> "shall, upon payment in full …, vest in"
        modal = f.paragraph_text[adverb:].split(None, 1)[0]
        longer = replace(f, phrase=f.paragraph_text[adverb : f.phrase_end], phrase_start=adverb)
        return longer, replace(rf, find=longer.phrase, replacement=f"{modal}, {replacement}")
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
    joins = present_reservation(result) is not None  # our AI words join the document's own reservation
    wanted = [
        p.clause
        for p in playbook.required(variant)
        if not _present(result, p.kind) or (joins and p.clause == RESERVATION)
    ]
    for term in needed_terms:
        owner = library.clause_defining(term).id
        if owner not in wanted:
            wanted.append(owner)
    return wanted


def numbered(edits: Sequence[Edit]) -> tuple[Edit, ...]:
    """The edits with their ids e1, e2, ... in order."""
    return tuple(replace(e, id=f"e{i}") for i, e in enumerate(edits, 1))


def _our_numbers(result: AuditResult, insertions: Sequence[Edit], renumbering: Renumbered | None) -> list[list[str]]:
    """The clause numbers each of ``insertions`` takes ("4.3"; "7A", "7B" …; none for the definitions, a list
    item's "(e)" or a paragraph that continues a clause), in their order."""
    numbers = (renumbering or _renumbered(result, insertions)).found.numbers
    taken: dict[int, int] = {}  # the numbers at each source paragraph already given to earlier insertions
    found: list[list[str]] = []
    for e in insertions:
        own: list[str] = []
        for at, count in numbered_paragraphs(e.index, e, _source).items():
            start = taken.get(at, 0)
            taken[at] = start + count
            own += [n.rstrip(".") for n in numbers.get(at, [])[start : start + count]]
        parent = _list_parent(result, e.index)
        own = [f"{parent}{n}" if parent and re.fullmatch(r"\([a-z]\)", n) else n for n in own]  # "7(d)"
        found.append([n for n in own if n[:1].isdigit()] if e.clause != DEFINITIONS else [])
    return found


def _list_parent(result: AuditResult, at: int) -> str:
    """The clause number a lettered list item after paragraph ``at`` belongs to: "7" where ``at`` is "7(c)" (our
    clauses there are "7(d)", "7(e)" …, which is how the document cites them), else ""."""
    label = result.paragraphs[at].section_label if at < len(result.paragraphs) else None
    m = re.fullmatch(r"(\d+(?:\.\d+)*)\([a-z]\)", label or "")
    return m.group(1) if m else ""


def _surviving(
    result: AuditResult,
    found: SurvivalList,
    labels: Sequence[str],
    variant: str,
    with_comments: bool,
) -> list[Edit]:
    """The edit adding the numbers our inserted clauses take (``labels``) to the document's survival list
    (``found``): the duties they set must outlast the agreement as the listed parts do."""
    widened = survival_with(found, labels)
    if widened is None:
        return []
    replacement, ours = widened
    text = result.paragraphs[found.index].text
    listed = (
        f"{found.word} {found.numbers[0]}"
        if len(found.numbers) == 1
        else f"{found.word}s {' and '.join(found.numbers)}"
    )
    does = "does" if len(found.numbers) == 1 else "do"
    comment = f"Our clauses {ours} must survive termination as {listed} {does}."
    return [
        Edit(
            "",
            "replace",
            found.index,
            text,
            "survival",
            variant,
            comment if with_comments else None,
            find=found.phrase,
            occurrence=_occurrence(text, found.phrase, found.start),
            start=found.start,
            end=found.end,
            replacement=replacement,
        )
    ]


def fix_edit(f: Finding, rf: RenderedFix, op: str, variant: str, with_comments: bool) -> Edit:
    """The ``replace`` or ``comment`` edit of a red flag. A replacement that keeps the phrase's first words
    ("now known or hereafter devised" -> "now known") strikes only the words it drops (" or hereafter devised")."""
    if op == "replace" and f.kind == "ip_assignment" and (rf.replacement or "").startswith(_PAYMENT_FIRST):
        f, rf = _modal_taken(f, rf)  # "shall, upon payment in full …, be vested in": commas around it
    if op == "replace" and f.kind == "work_made_for_hire":  # 'shall not be "works made for hire"'
        f, rf = _not_before_be(*_quotes_taken(f, rf))
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
