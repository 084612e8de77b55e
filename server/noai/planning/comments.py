"""The plan's comments: the strategy comment ("Our approach: …") on the first inserted clause, the comments
of clauses kept for a part (later transferees, licence takers, a definition alone), what the document
expressly keeps, a transfer that passes only "if the parties choose Option 1", a purpose the document does
not name, the renumbering said, and the terms the comments speak in (the creator's voice).

Imports :mod:`noai.analysis`, :mod:`noai.library`, :mod:`noai.ooxml` and the other modules of
:mod:`noai.planning` (never :mod:`noai.plan`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..analysis.audit import AuditResult
from ..analysis.classify import Finding
from ..analysis.facts import Background, Retention, clause_name, option_name, ownership_verb, waits_for_payment
from ..library import RenderedFix
from ..library.render import (
    INFORMAL,
    NO_SUBLICENCE,
    PERSON,
    PLURAL,
    SUB_HYPHEN,
    capitalise,
    comment_voice,
    fill_known,
    left_both,
    left_unchanged,
    plural_self,
    possessive,
    refer_back,
    reflexive,
    self_verb,
    singular_term,
)
from ..ooxml.model import Paragraph
from ..ooxml.renumber import Renumbered
from .edit import DEFINITIONS, Edit
from .placement import _renumbered
from .strategy import _TRANSFER_KINDS, ASSIGNED, CARVED, LICENSED, RETAINED, Strategy, _gives_work, _tied, kept_words


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


def moral_act(comment: str, text: str) -> str:
    """Our moral-rights ``comment`` naming the act as the document's ``text`` does: a consent to what would
    otherwise infringe the rights ("You consent to us … doing … anything … that would otherwise infringe your moral
    rights", the Australian form) is "this consent", never "the waiver"; a duty to obtain "waivers" from the
    authors is "these waivers"."""
    lower = text.lower()
    waives = lower.replace("waivers", "").count("waive") > 0  # "waives", "waive", "waiver", not "waivers"
    if "waivers" in lower and not waives:  # "shall obtain waivers of all moral rights"
        comment = comment.replace("this waiver of moral rights also takes", "these waivers of moral rights also take")
        return comment.replace("the waiver be", "the waivers be")
    if waives or "consent" not in lower:
        return comment
    comment = comment.replace(
        "this waiver of moral rights", "this consent to acts that would otherwise infringe moral rights"
    )
    return comment.replace("the waiver", "the consent")


def code_waiver(terms: Mapping[str, str], kept: Sequence[str]) -> str:
    """The comment on a moral-rights waiver in code (the work is software and nothing else): the client will
    maintain and change that code, so the waiver is accepted, kept off what the creator keeps (``kept``: "the
    Platform", "the other Tessellate Materials"; its pre-existing materials where the document names none). No
    request to keep the right to be credited or to limit the edits: a lawyer would not send it for code."""
    t = _comment_terms(terms)
    outside = list(kept) or [f"{possessive(t['provider'])} pre-existing materials"]
    listed = outside[0] if len(outside) == 1 else ", ".join(outside[:-1]) + " or " + outside[-1]
    said = (
        "We accept this waiver of moral rights for {deliverables}, as code that {client} will maintain and change, "
        f"on the understanding that it does not extend to {listed}."
    )
    return fill_known(said, t)


def _words(e: Edit) -> str:
    """All the words an edit adds: its paragraphs, replacement and comment."""
    return " ".join([*(p["text"] for p in e.paragraphs), e.replacement or "", e.comment or ""])


def _no_project(terms: Mapping[str, str]) -> str:
    """What ``{project}`` names where the document describes no project (a licence of existing material):
    the client's own business, a limit true of any document."""
    return f"{possessive(terms.get('client', 'the other party'))} own business"


def _name_the_purpose(edits: Sequence[Edit], unnamed: str, terms: Mapping[str, str]) -> tuple[list[Edit], str]:
    """The edits with the purpose-limit clause's comment saying ``unnamed`` is our default, and the plan's
    note asking the user to name the purpose the parties agree."""
    t = _comment_terms(terms)
    describes = self_verb(t["agreement"], "describes")  # "These Terms describe"
    said = (
        f"{capitalise(t['agreement'])} {describes} no project for {t['deliverables']}, so the changes name "
        f"{unnamed} as the purpose {t['deliverables']} may be used for. If the parties agree another "
        f"purpose, name it in the definition of Permitted Purpose and in the comments that say “{unnamed}”."
    )
    why = (
        f" {capitalise(t['agreement'])} {describes} no project, so we limit the use to {unnamed}; "
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


def _shifted(result: AuditResult, insertions: Sequence[Edit], found: Renumbered | None = None) -> str:
    """A sentence naming the typed clause numbers the insertions move, and the typed references that
    follow them (the writer renumbers both as tracked changes), or "" when none moves (``found``: the
    insertions' renumbering, when already made)."""
    changes = (found or _renumbered(result, insertions)).found.changes
    moved = [c.old for c in changes if not c.reference]
    if not moved:
        return ""
    refs = sum(c.reference for c in changes)
    # cited by number, never cut off with "…": every one, or the first four and how many follow them
    rest = len(moved) - 4
    shown = ", ".join(moved) if rest <= 1 else f"{', '.join(moved[:4])} and the {rest} after them"
    plural = "s" if refs != 1 else ""
    if all(c.automatic for c in changes if not c.reference):  # Word's numbering moves them by itself
        also = f", and the {refs} cross-reference{plural} to them are updated as tracked changes" if refs else ""
        return f" Word's automatic numbering renumbers the clauses after the insertion ({shown}){also}."
    also = f", with {refs} cross-reference{plural} to them" if refs else ""
    return f" The clauses after the insertion are renumbered ({shown}){also}, as tracked changes."


def _not_delivery_note(terms: Mapping[str, str]) -> str:
    agreement = capitalise(terms.get("agreement", "this agreement"))
    return (
        f"{agreement} {self_verb(agreement, 'is')} not a document under which work is delivered: "
        f"{'they license or transfer' if plural_self(agreement) else 'it licenses or transfers'} no work "
        f"product, so no AI clause is proposed."
    )


def nothing_of_ours_note(
    terms: Mapping[str, str], situation: str, words: tuple[str, str], trains: Sequence[str] = ()
) -> str:
    """Why a plan read for the receiving side, which brings no material of its own the contract defines, proposes
    nothing: the clauses protect a maker's work from AI use, so here they would bind the user's own side. ``words``:
    the words the contract calls the two sides by (ours, the maker), for the example and the next step's ``--we``;
    ``trains``: the labels of the clauses letting the maker train AI on the work (said, not drafted)."""
    client, provider = terms.get("client", "the client"), terms.get("provider", "the creator")
    agreement, work = terms.get("agreement", "this agreement"), terms.get("deliverables", "the work")
    ours, maker = (f'"{w}"' if " " in w else w for w in words)
    if situation == ASSIGNED:
        how = f"{agreement} makes {client} the owner of {work}, and {client} brings"
    elif situation == LICENSED:
        how = f"{client} takes a licence of {work}, which {provider} keeps, and brings"
    else:
        how = f"{provider} makes {work} for {client}, and {client} brings"
    said = ""
    if trains:
        where = " and ".join(clause_name(t) for t in trains) if all(trains) else "a clause of it"
        said = (
            f" Note that {where} lets {provider} train AI on {work}: a point for {client} to raise with {provider} "
            f"(to strike it, or to confine it), which this tool does not draft from {client}'s side."
        )
    return (
        f"Read for {client}: {how} no material of its own that {agreement} defines. The AI clauses this tool "
        f"proposes protect a maker's work from AI use, so here they would bind {client} itself: no AI clause or "
        f"change is proposed. Next step: to protect material {client} supplies (briefs, data, brand assets), define "
        f"it in {agreement} (for example “{words[0]} Materials” means the materials {client} provides) and run the "
        f"redline again with --we {ours}; to read {agreement} for {provider}, run it with --we {maker}.{said}"
    )


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
    labels = [n for n in dict.fromkeys(_named(f, paragraphs) for f in tied) if n]
    where = " in " + " and ".join(labels) if labels else ""
    changes = "the changes" if len(tied) > 1 else "the change"
    limit = "limit" if len(tied) > 1 else "limits"
    t = _comment_terms(terms)
    whose = _PERSONS_OWN.get(t["client"], t["client"])
    return (
        f"Why this definition: {changes}{where} {limit} a right of {whose} to the Permitted Purpose, "
        f"which {t['agreement']} {self_verb(t['agreement'], 'does')} not define otherwise."
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
        "works": terms.get("works", terms.get("deliverables", "the work")),
        "transferred": terms.get("transferred", terms.get("deliverables", "the work")),
        **{
            k: terms[k] for k in ("licence", SUB_HYPHEN, NO_SUBLICENCE, PERSON, PLURAL) if k in terms
        },  # its spelling; a person named
    }


_PURPOSES = {
    "scope-limitation": "limit the licences of {deliverables} to the Permitted Purpose",
    "no-ai-training": "add a covenant against AI use of {works}",
    "reservation-of-rights": "reserve to {provider} the rights the licence does not grant",
    # a letter or an email: plain words, "and keep for myself the rights …"
    "reservation-of-rights/informal": "keep for {provider} the rights the licence does not grant",
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
    # a creator who is a natural person made the work herself: the clause names her alone, and so does the comment
    "ai-creative-likeness/individual": "cover imitation of the style, voice and likeness of {provider}",
    "ai-creative-likeness/individual/minimal": "bar digital replicas of the voice or likeness of {provider}",
}


# the order the approach comment lists the changes in: the purpose limit and the covenant, what the kind of work
# adds to it, then the reservation and what binds later owners
_MAIN_FIRST = (
    "scope-limitation",
    "no-ai-training",
    "ai-software-use",
    "ai-text-use",
    "ai-creative-likeness",
    "ai-data-use",
    "reservation-of-rights",
    RETAINED,
)


# the words opening the approach's item that ties rights to the Permitted Purpose ("tie the rights granted in clause
# 4.2 to the Permitted Purpose"): the next round finds the item by them to take it out with the definition
# (noai.rounds.approach._approach_without)
TIE_THE_RIGHTS = "tie the rights"


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
        labels = [n for n in dict.fromkeys(_named(f, paragraphs) for f in tied) if n]
        if labels:
            return f"{TIE_THE_RIGHTS} granted in " + " and ".join(labels) + " to the Permitted Purpose"
        return f"{TIE_THE_RIGHTS} the changes below mark to the Permitted Purpose"
    if clause == RETAINED and strategy.situation != ASSIGNED:  # a licence the client may assign
        return "have anyone {client} passes the licence on to agree in writing to the AI restriction"
    if clause == RETAINED and kept is not None:
        return (
            "have anyone {client} later assigns or licenses {transferred} to agree in writing to the AI restriction ("
            + kept
            + ")"
        )
    return _PURPOSES[clause]


def _named(f: Finding, paragraphs: Sequence[Paragraph]) -> str:
    """The clause a finding is in, by name ("Section 5(b)"), or "" where it has no label. Taken whole, never
    stripped of brackets: a lettered sub-clause ends in its own ")"."""
    label = paragraphs[f.start].section_label if f.start < len(paragraphs) else None
    return clause_name(label) if label else ""


def _where(f: Finding, paragraphs: Sequence[Paragraph]) -> str:
    named = _named(f, paragraphs)
    return f" ({named})" if named else ""


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
    individual: bool = False,
    prevailing: Retention | None = None,
) -> str:
    """One comment saying what the redline does and why, from this document's findings only. ``kept``:
    where the document already keeps the creator's pre-existing materials with it (so the
    retained-materials clause only binds later transferees); ``struck``: the creation-timing words
    struck beside a transfer made to wait for payment (:func:`strike_creation_timing`); ``expressly``: what the
    document expressly keeps with the creator ("the characters"), said to stay with it; ``company``: the creator is
    a company, whose people (not itself) have a voice and likeness; ``individual``: the creator is a natural person,
    who made the work herself (the clauses name her alone, and so does this comment); ``prevailing``: a part of the
    document that prevails and keeps the work, or a kind of it, with the creator (the face of a purchase order), which
    the redline takes out of the transfer."""
    t = _comment_terms(terms)
    carved = ""
    if prevailing is not None:
        precedence = result.paragraphs[prevailing.precedence].section_label
        cited = f" ({clause_name(precedence)})" if precedence else ""
        keeps = kept_words(prevailing, terms.get("provider", "the creator"))[1]
        done = set(prevailing.covers) <= set(prevailing.excepted)  # the transfer leaves it out already
        carved = f"{prevailing.part}, which prevails{cited}, {keeps}, which " + (
            "stays out of " if done else "we take out of "
        )
    first = strategy.evidence[0] if strategy.evidence else None
    where = _where(first, result.paragraphs) if first is not None else ""
    if strategy.situation == ASSIGNED:
        option = option_name(result.paragraphs, first.start) if first is not None else None
        hire = first is not None and first.kind == "work_made_for_hire"
        # the complement agrees with the work's name: "makes the Work Product a work made for hire"
        hired = "a work made for hire" if singular_term(t["deliverables"]) else "works made for hire"
        if option is not None:  # one of the contract's bracketed alternatives: what it would do if chosen
            made = (
                "would make {deliverables} " + hired + " for {client}"
                if hire
                else "would transfer ownership of {transferred} to {client}"
            )
            said = option + where + " " + made + _other_options(result, option)
        else:
            made = (
                "makes {deliverables} " + hired + " for {client}"
                if hire
                else "transfers ownership of {transferred} to {client}"
            )
            said = "{agreement} " + made + where
            if expressly and not hire:  # the transfer moves the work alone: what the document keeps stays
                said += " and leaves " + expressly + " with {provider}"
        if carved:  # "…; the face of this Order, which prevails (clause 2), keeps Seller's copyright in photographs"
            said += "; " + carved + "that transfer"
        # the words replaced, or struck with the statement they are in where an assignment beside it is the one way
        replaced = [
            (f.start, f.phrase_start, f.phrase_end)
            for f, _, op in fixes
            if op == "replace" and f.kind in _TRANSFER_KINDS and not f.attributes.get(CARVED)
        ]
        # a transfer found at the rights that pass ("All right, title and interest …") is changed at its verb
        # ("vest in" -> "will, upon payment …, vest in"): it waits for payment too
        waiting = [
            f
            for f in strategy.evidence
            if any(
                i == f.start
                and (
                    s <= f.phrase_start < e or ownership_verb(f.paragraph_text, f.phrase_start, f.phrase_end) == (s, e)
                )
                for i, s, e in replaced
            )
        ]
        strike = " (not on creation: we strike “" + "”, “".join(struck) + "”)" if struck else ""
        if waiting and len(waiting) == len(strategy.evidence):
            rest = " of the rest" if carved else ""
            said += "; we propose that ownership" + rest + " pass only on payment in full" + strike
        elif waiting:  # only some of the transfer's words are changed: say which, and that the rest stays
            standing = [f for f in strategy.evidence if f not in waiting]
            said += (
                "; we propose that the transfer by “" + "”, “".join(f.phrase for f in waiting) + "” wait for payment "
                "in full" + strike + ", and keep “" + "”, “".join(f.phrase for f in standing) + "”"
            )
        elif first is not None and waits_for_payment(first):
            said += "; that transfer already waits for payment and stays as it is"
        elif not carved:
            said += "; we leave that transfer unchanged" if option is None else "; we leave that option as written"
    elif first is not None:
        # "this licence lets the Licensee use the Images", never "this licence licenses the Images"
        licence = terms.get("agreement", "").lower().endswith((" licence", " license"))
        grants = "lets {client} use {deliverables}" if licence else "licenses {deliverables} to {client}"
        said = "{agreement} " + grants + where + " and {provider} keeps ownership"
        if carved:  # the general terms transfer what a prevailing part keeps
            covers = [result.paragraphs[i].section_label for i in prevailing.covers] if prevailing else []
            said += "; " + carved + "the transfer in " + ", ".join(clause_name(c) for c in covers if c)
    else:
        said = (
            "we found no licence or transfer of {deliverables} to {client} in {agreement}, "
            "so {provider} keeps ownership"
        )
    ids = list(dict.fromkeys(inserted))
    if "scope-limitation" not in ids and any("Permitted Purpose" in (rf.replacement or "") for _, rf, _ in fixes):
        ids.insert(0, "scope-limitation")  # its definition went elsewhere, but the changes still tie rights to it
    # the main change first, wherever its clause went: the limit and the covenant before the duty to bind later
    # owners, even where the covenant sits in a later AI section and that duty stays in the IP section
    ids.sort(key=lambda c: _MAIN_FIRST.index(c) if c in _MAIN_FIRST else len(_MAIN_FIRST))
    ids = [f"{c}/company" if company and f"{c}/company" in _PURPOSES else c for c in ids]
    ids = [f"{c}/individual" if individual and f"{c}/individual" in _PURPOSES else c for c in ids]
    ids = [f"{c}/{variant}" if f"{c}/{variant}" in _PURPOSES else c for c in ids]  # what this variant's text does
    ids = [f"{c}/informal" if INFORMAL in terms and f"{c}/informal" in _PURPOSES else c for c in ids]
    purposes = [
        p for c in ids if c in _PURPOSES for p in _purpose(c, strategy, fixes, result.paragraphs, kept).split("|")
    ]
    if purposes:
        listed = _listed(purposes)
        # one list style: a list whose items are parted by semicolons starts a sentence of its own ("… stays as it
        # is. We add a covenant …; allow …; and have anyone …"), never joined to the situation by ", and we"
        said += (". We " if "; " in listed else ", and we ") + listed
    return reflexive(fill_known("Our approach: " + said + ".", t))


def _listed(items: Sequence[str]) -> str:
    """``items`` as one list: "a and b", "a, b and c"; a list of three or more with semicolons ("a; b; and c") where
    an item has a comma or an "and" of its own, so no item runs into the one before ("… who made the Work; and
    reserve to the Composer …"). Two items never take a semicolon: "… of the Illustrations and bar …"."""
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    if any("," in i or " and " in i for i in items):
        return "; ".join(items[:-1]) + "; and " + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _other_options(result: AuditResult, option: str) -> str:
    """ " (under Option 2, clause 4.3 would license them instead)" where another alternative licenses the work."""
    for f in result.findings:
        if f.kind == "license_grant" and _gives_work(f):
            other = option_name(result.paragraphs, f.start)
            if other is not None and other != option:
                label = result.paragraphs[f.start].section_label if f.start < len(result.paragraphs) else None
                if not label:
                    return f" ({other} would license them instead)"
                return f" (under {other}, {clause_name(label)} would license them instead)"  # no nested parentheses
    return ""


def said_once(edits: Sequence[Edit]) -> list[Edit]:
    """The comments with the work described once: its first description where the other side first reads it (in
    document order) stays; every later one is "that work" ("names licensing that work for AI training")."""
    out = list(edits)
    order = sorted(range(len(out)), key=lambda i: (out[i].index, out[i].op == "insert_after", i))
    seen = False
    for i in order:
        comment = out[i].comment
        if comment:
            said, seen = refer_back(comment, seen)
            out[i] = replace(out[i], comment=said) if said != comment else out[i]
    return out


def left_once(edits: Sequence[Edit]) -> list[Edit]:
    """One "we leave this wording unchanged" comment per paragraph: where two comment-only edits of one paragraph
    each say so ("will own", "works made for hire"), the first names both phrases and keeps the fuller reason; the
    second goes (two comments saying the same on one sentence read as a mistake)."""
    first: dict[int, int] = {}
    out: list[Edit | None] = list(edits)
    order = sorted(
        (i for i, e in enumerate(edits) if e.op == "comment" and e.comment and left_unchanged(e.comment)),
        key=lambda i: (edits[i].index, edits[i].start or 0),
    )
    for i in order:
        e = edits[i]
        if e.index not in first:
            first[e.index] = i
            continue
        kept = out[first[e.index]]
        assert kept is not None and kept.comment is not None and e.comment is not None
        out[first[e.index]] = replace(kept, comment=left_both(kept.comment, e.comment))
        out[i] = None
    return [e for e in out if e is not None]


def hanging_said(words: str) -> str:
    """What a comment striking a permission adds where words of the next sentence hang on it and go too."""
    return f"The words after it that depend on that permission (“{words}”) go with it, so nothing refers to it."


def said_unowned(said: str, terms: Mapping[str, str]) -> str:
    """A struck permission's comment where the document says neither whose the material it names is nor who may
    train on it ("The Materials may be used to train …"): it names no party, rather than guess one."""
    client, work = terms.get("client", "the client"), terms.get("deliverables", "the work")
    return said.replace(
        f"would permit {client} to train AI on {work}",
        "would permit AI training on what it names, without saying whose material that is or who may train on it",
    )
