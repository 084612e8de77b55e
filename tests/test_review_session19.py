"""The session 13 review (review19): two new contracts unlike the twenty-two, read as the creator's lawyer (issue 15).

``au-software-escrow`` is an Australian software development agreement: Word-numbered "1." / "1.1" / "(a)" clauses, a
definitions clause of bold terms ("Developer IP means ...") under "In this agreement:", Project IP that vests in Client
on creation with a back-up assignment "on its creation", Developer IP kept and licensed, a clause letting Client use the
Software's source code "for any purpose, including to train, fine-tune or evaluate artificial intelligence models", a
source-code escrow, a moral-rights consent under the Copyright Act 1968 (Cth).
``us-voice-likeness`` is a US game studio's voice-over and likeness agreement: a deal-terms table, "Standard Terms"
Word-numbered "1." / "(a)" with no definitions clause (the work is named where it is made: 'All audio and video
recordings ... are "the Recordings"'), the Recordings made for hire with a back-up assignment, a right to make a
"digital replica" of the performer's voice and generate new lines with it "without further payment", the performer's
consent to the Recordings' use "as training data for speech synthesis", a five-year licence of the performer's name,
photographs, voice and biography ("Likeness") for credits and advertising, and the performer's demo-reel right.

Round two: client counsel answers our standard redline of each. Client rejects our strike of the training words in 5.3
and states its need in the "Our approach" thread (fine-tuning its coding assistant on its own code base); Studio rejects
our strike of the digital-replica clause and states its need (pick-up lines made with the voice model, paid at the
session rate). Both accept the rest.

Each class is also shown on a small contract of another shape written here (a UK podcast presenter agreement with a
"Persona" licence, a UK consultancy agreement with bold-term definitions). A defect the lawyer would not send is a
``xfail(strict=True)`` whose reason is the defect: it XPASSes (and fails) once fixed, then loses its mark.
/work/team/REVIEW19.md has the grades and the exact sentences.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.replies import COUNSEL, Reply, record_ids
from support.synthetic_contracts import _document, _para, _save
from test_review_synthetic import DATE, audit, comments, redline

from noai import engine
from noai.ooxml.package import read_package
from noai.ooxml.record import read_rounds
from noai.ooxml.threads import read_comments

ESCROW, VOICE = "au-software-escrow", "us-voice-likeness"
VARIANTS = ("strict", "standard", "minimal")
NEXT_ROUND = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)


def xfail(*params: str, reason: str):
    return pytest.param(*params, marks=pytest.mark.xfail(strict=True, reason=reason))


def written(docx: bytes) -> list[str]:
    """The paragraphs as Word shows them with every tracked change accepted."""
    return [p.text for p in engine.read(docx, accepted=True).paragraphs]


def holding(texts: list[str], phrase: str) -> str:
    return next(t for t in texts if phrase in t)


# ------------------------------------------------------------------------------------------------
# Contracts of another shape, written here


def podcast(replica: bool = False) -> bytes:
    """A UK podcast presenter agreement: typed numbers, the work named by a sentence ('... are "the Episodes"'), a
    promotional licence of the presenter's "Persona", and either a consent to training on the Episodes or (``replica``)
    a digital replica of the presenter's voice "without further payment"."""
    doc = _document()
    _para(doc, "PODCAST PRESENTER AGREEMENT", bold=True)
    _para(
        doc,
        'This agreement is made on 3 March 2027 between Loudmouth Audio Ltd ("the Company") and Priya Natarajan '
        '("the Presenter").',
    )
    _para(doc, "1. Engagement", bold=True)
    _para(
        doc,
        '1.1 The Presenter shall present twelve weekly episodes of the podcast "Night Shift". The audio and video '
        'recordings of each episode made under this agreement are "the Episodes".',
    )
    _para(doc, "1.2 The Company shall pay the Presenter GBP 400 for each episode within 30 days after it is recorded.")
    _para(doc, "2. Rights", bold=True)
    _para(
        doc,
        "2.1 The Presenter assigns to the Company all copyright and performers' property rights in the Episodes "
        "throughout the world.",
    )
    if replica:
        _para(
            doc,
            "2.2 The Company may create a digital replica of the Presenter's voice from the Episodes and may use it "
            "to read advertisements in future episodes, without further payment to the Presenter.",
        )
    else:
        _para(
            doc,
            "2.2 The Presenter grants the Company the right to use the Presenter's name, voice, photograph and "
            'biography ("Persona") to promote the Episodes for three years after the last episode is published.',
        )
        _para(
            doc,
            "2.3 The Presenter consents to the Company and its licensees using the Episodes as training data for "
            "speech recognition and other machine learning systems.",
        )
    _para(doc, "3. General", bold=True)
    _para(doc, "3.1 This agreement is governed by the laws of England and Wales.")
    return _save(doc)


def consultancy() -> bytes:
    """A UK consultancy agreement: typed numbers, bold-term definitions ("Deliverables means ..."), IP that vests on
    creation with a back-up assignment "on creation", and a permission to use the Deliverables as training material."""
    doc = _document()
    _para(doc, "CONSULTANCY AGREEMENT", bold=True)
    _para(
        doc,
        'This agreement is dated 1 May 2027 between Fernhill Analytics Limited ("the Company") and Owen Price '
        '("the Consultant").',
    )
    _para(doc, "1. Definitions", bold=True)
    _para(doc, "1.1 In this agreement:")
    _para(
        doc,
        " means the reports, dashboards and source code the Consultant creates for the Company under this agreement.",
        bold_lead="Deliverables",
    )
    _para(
        doc,
        " means copyright, database rights and all other intellectual property rights anywhere in the world.",
        bold_lead="Intellectual Property Rights",
    )
    _para(doc, "2. Services and fees", bold=True)
    _para(
        doc,
        "2.1 The Consultant shall provide the Deliverables described in the Schedule, and the Company shall pay "
        "GBP 12,000 on delivery.",
    )
    _para(doc, "3. Intellectual property", bold=True)
    _para(
        doc,
        "3.1 All Intellectual Property Rights in the Deliverables shall vest in the Company on creation. To the extent "
        "they do not, the Consultant assigns them to the Company on creation.",
    )
    _para(
        doc,
        "3.2 The Consultant agrees that the Company may use the Deliverables as training material for its machine "
        "learning models.",
    )
    _para(doc, "4. General", bold=True)
    _para(doc, "4.1 This agreement is governed by the laws of England and Wales.")
    return _save(doc)


OTHER = {"podcast": (podcast, "Presenter"), "replica-podcast": (lambda: podcast(replica=True), "Presenter")}
OTHER["consultancy"] = (consultancy, None)


@functools.cache
def other(name: str, variant: str) -> engine.Redline:
    builder, we = OTHER[name]
    return engine.redline(builder(), author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


# ------------------------------------------------------------------------------------------------
# Round two: client counsel's reply to our standard redline (see the module docstring)

NEEDS = {
    ESCROW: (
        "fix-existing-ai-restriction",
        "We need to fine-tune our internal coding assistant on our own code base, which will include this Software "
        "once we own it. We will not share the model outside our group.",
    ),
    VOICE: (
        "fix-digital-replica",
        "We need the voice model to generate short pick-up lines (corrections and bark lines) for the Game when "
        "Performer is not available. We will pay the session rate for each line we generate.",
    ),
    "replica-podcast": (
        "fix-digital-replica",
        "We need the voice replica to read sponsor messages when the Presenter is away. We will pay GBP 50 for each "
        "message.",
    ),
}


@functools.cache
def returned(name: str) -> bytes:
    sent = redline(name, "standard").docx if name in (ESCROW, VOICE) else other(name, "standard").docx
    rejected, need = NEEDS[name]
    ids = [p.id for p in read_rounds(read_package(sent))[0].proposals if p.clause == rejected]
    assert ids, rejected
    return Reply(sent).reply_to("Our approach", need).reject(ids=record_ids(sent, *ids)).accept().bytes()


@functools.cache
def round_two(name: str, variant: str) -> engine.Redline:
    we = OTHER[name][1] if name in OTHER else None
    return engine.redline(
        returned(name), author="noai", date=NEXT_ROUND, options=engine.Options(variant=variant, we=we)
    )


def answers_to_their_need(red: engine.Redline) -> list[str]:
    """Our replies in the thread where client counsel stated the need."""
    said = read_comments(read_package(red.docx))
    theirs = {c.parent for c in said if c.author == COUNSEL}
    return [c.text for c in said if c.author == "noai" and c.parent in theirs]


# ------------------------------------------------------------------------------------------------
# Defects, most serious first (REVIEW19.md numbers them the same way)

# Class 1: a licence of the creator's persona ("Likeness", "Persona": name, voice, photographs, biography, for credits
# and promotion) is taken for the work, because the work itself is named by a sentence ('... are "the Recordings"'),
# not by a "means" definition.

PERSONA = (
    "the work is named by a sentence ('All audio and video recordings of Performer's performances made under this "
    'Agreement are "the Recordings"\'), which the audit does not read as a definition; it takes the persona licence '
    "('Performer's name, approved photographs, voice and approved biography (\"Likeness\")', a five-year licence for "
    "credits and advertising) for the work product: every variant says 'this Agreement makes Likeness a work made for "
    "hire for Studio', defines 'Protected Materials' as 'Likeness, every draft, sketch, …' and asks that "
    "'anyone Studio later assigns or licenses Likeness to' be bound; the podcast's \"Persona\" the same "
    "('transfers ownership of Persona to the Company'); a lawyer protects the Recordings / the Episodes "
    "and the persona both"
)


def protected_materials(texts: list[str]) -> str:
    return next(t for t in texts if re.search(r"[\"“]Protected Materials[\"”] means", t))


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_work_named_by_a_sentence_is_the_work_not_the_persona_licence(variant):
    red = redline(VOICE, variant)
    said = " ".join(comments(red))
    assert "Likeness a work made for hire" not in said and "ownership of Likeness" not in said, said
    assert "the Recordings" in said
    defined = protected_materials(written(red.docx))
    assert re.search(r"means (?:the )?Recordings", defined), defined[:160]


def test_the_audit_names_the_recordings_as_the_work():
    assert audit(VOICE)["terms"]["deliverables"]["name"] == "Recordings"


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_a_podcast_protects_its_episodes_not_only_the_presenters_persona(variant):
    red = other("podcast", variant)
    said = " ".join(comments(red))
    assert "ownership of Persona" not in said, said
    defined = protected_materials(written(red.docx))
    assert re.search(r"means (?:the )?Episodes", defined), defined[:160]


# Class 2: a permission to use the work "as training data" / "as training material" (the AI use named as a noun
# phrase, in the creator's consent or agreement) is left standing beside our covenant against it.

AS_TRAINING_DATA = (
    "a permission to use the work 'as training data' / 'as training material' is left standing beside our covenant: "
    "us-voice-likeness 2(d) 'Performer consents to Studio and its licensees using the Recordings as training data for "
    "speech synthesis and other machine learning systems' (the audit calls it a low 'mention', not a permission) gets "
    "no change and no comment in any variant, and our covenant is inserted straight after it; the podcast's 2.3 (the "
    "same consent) and the consultancy's 3.2 ('The Consultant agrees that the Company may use the Deliverables as "
    "training material for its machine learning models', which the audit does call a high permission) the same; a "
    "lawyer strikes the sentence (strict, standard) or makes it wait for the creator's consent, and at the least "
    "comments (minimal)"
)


def answered(red: engine.Redline, paragraph: str, phrase: str) -> bool:
    """The paragraph no longer grants ``phrase`` as written: struck, made subject to consent, or commented on."""
    texts = written(red.docx)
    text = next((t for t in texts if t.startswith(paragraph)), "")
    if phrase not in text or re.search(r"(?:prior|written) consent[^.;]*" + re.escape(phrase.split()[0]), text):
        return True
    return red.plan.variant == "minimal" and any(
        e.comment and phrase.split()[-1] in e.comment and e.op == "comment" and paragraph[:30] in (e.anchor_text or "")
        for e in red.plan.edits
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_consent_to_use_the_recordings_as_training_data_is_answered(variant):
    red = redline(VOICE, variant)
    assert answered(red, "Performer consents to Studio", "as training data"), holding(
        written(red.docx), "training data"
    )


@pytest.mark.parametrize(
    ("name", "paragraph", "phrase"),
    [
        ("podcast", "2.3 The Presenter consents", "as training data"),
        ("consultancy", "3.2 The Consultant agrees", "as training material"),
    ],
)
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_permission_to_use_the_work_as_training_material_is_answered_in_another_shape(
    variant, name, paragraph, phrase
):
    red = other(name, variant)
    assert answered(red, paragraph, phrase), holding(written(red.docx), phrase)


def test_the_audit_reads_a_consent_to_training_as_a_permission():
    permissions = [
        f["phrase"]["text"]
        for f in audit(VOICE)["findings"]
        if f["kind"] == "existing_ai_restriction" and f["attributes"].get("polarity") == "permission"
    ]
    assert permissions


# Class 3: strict makes the first transfer wait for payment but leaves the back-up assignment after it immediate.

BACK_UP = (
    "strict makes 'The Project IP vests in Client on its creation' wait for payment ('will, upon payment in full of "
    "all fees due under this agreement, vest in Client') and says 'we strike “on its creation”', but strikes it once: "
    "the back-up sentence 'To the extent it does not, Developer assigns the Project IP to Client on its creation' "
    "stays, an immediate assignment on creation that defeats the condition; the consultancy's 3.1 ('shall vest in "
    "the Company on creation. To the extent they do not, the Consultant assigns them to the Company on creation') the "
    "same; a lawyer makes both wait for payment (us-voice-likeness's made-for-hire + back-up pair is handled)"
)


@pytest.mark.parametrize(
    ("make", "clause"),
    [
        (lambda: redline(ESCROW, "strict"), "The Project IP"),
        (lambda: other("consultancy", "strict"), "3.1 All Intellectual Property Rights"),
    ],
    ids=(ESCROW, "consultancy"),
)
def test_strict_makes_the_back_up_assignment_wait_for_payment_too(make, clause):
    text = next(t for t in written(make().docx) if t.startswith(clause))
    assert not re.search(r"\bon (?:its )?creation\b", text), text
    for sentence in re.split(r"(?<=\.)\s+", text):
        if re.search(r"\bassigns?\b|\bvests?\b", sentence):
            assert "payment" in sentence, sentence


# Class 4: a proviso appended to a clause contradicts the words of the clause it leaves standing.

PROVISO = (
    "minimal (round one) and standard's narrower change in round two append to the digital-replica clause 'provided "
    "that any material Performer did not perform is made in Performer's voice or likeness only with Performer's prior "
    "written approval and for a further fee agreed in advance' after '… without further payment to Performer', which "
    "stays: the clause now says both 'without further payment' and 'for a further fee'; the podcast's 2.2 the same; a "
    "lawyer replaces 'without further payment to Performer' with the condition"
)


def contradicted(texts: list[str]) -> list[str]:
    return [t for t in texts if "without further payment" in t and "further fee" in t]


@pytest.mark.parametrize(
    "make",
    [
        lambda: redline(VOICE, "minimal"),
        lambda: round_two(VOICE, "standard"),
        lambda: other("replica-podcast", "minimal"),
        lambda: round_two("replica-podcast", "standard"),
    ],
    ids=("voice-minimal", "voice-round-two-standard", "podcast-minimal", "podcast-round-two-standard"),
)
def test_a_condition_on_a_digital_replica_replaces_the_words_it_contradicts(make):
    red = make()
    assert any("digital replica" in t for t in written(red.docx))
    assert contradicted(written(red.docx)) == []


# Class 5: a definitions clause of bold run-in terms ("Developer IP means ...", no quotes) is not seen: the new
# terms are defined inside the covenant, in quotes, far from the contract's definitions.

BOLD_TERMS = (
    "au-software-escrow's clause 1.1 'In this agreement:' defines its terms as bold run-in words without quotes "
    "('Developer IP means all Intellectual Property Rights in …'); strict and standard define “Protected Materials”, "
    "“AI System”, “AI Vendor” and “Prohibited AI Use” inside clause 5.5 ('In this agreement, “Protected Materials” "
    "means …'), in curly quotes, with no 'definitions' edit (the colon-style and quoted clauses of uk-precedent and "
    "software-development get one); the consultancy's bold-term clause the same; a lawyer adds them to clause 1.1 in "
    "the contract's own style"
)


@pytest.mark.parametrize(
    ("make", "last_definition"),
    [
        (lambda: redline(ESCROW, "strict"), "Software means"),
        (lambda: redline(ESCROW, "standard"), "Software means"),
        (lambda: other("consultancy", "standard"), "Intellectual Property Rights means"),
    ],
    ids=("escrow-strict", "escrow-standard", "consultancy-standard"),
)
def test_new_terms_go_in_a_bold_term_definitions_clause_in_its_style(make, last_definition):
    red = make()
    assert "definitions" in {e.clause for e in red.plan.edits}
    texts = written(red.docx)
    clause_two = next(i for i, t in enumerate(texts) if i > 3 and re.match(r"(?:2\.\s+Services\b|Services$)", t))
    defined = [i for i, t in enumerate(texts) if re.match(r"Prohibited AI Use\b", t)]
    assert defined and defined[0] < clause_two, (defined, clause_two)
    assert not any("“Prohibited AI Use” means" in t for t in texts)
    assert any(t.startswith(last_definition) for t in texts)


# Class 6 (round two): a stated need for a use the contract itself grants (the digital replica), with an offer to pay,
# is answered about another clause and never engaged.

NEED_ELSEWHERE = (
    "Studio rejects our strike of 2(c) (the digital replica) and says 'We need the voice model to generate short "
    "pick-up lines … when Performer is not available. We will pay the session rate for each line'; every variant's "
    "reply is 'We note that you need … We keep our “No AI training or other AI use” clause as it now stands in the "
    "document', about the training covenant, not the replica clause they rejected, and neither takes up their offer "
    "(consent per use, the Game only, the session rate) nor refuses it with a reason; the podcast's sponsor-message "
    "need the same; a lawyer answers the need on the clause it concerns"
)


@pytest.mark.parametrize(
    ("name", "variant"),
    [(VOICE, v) for v in VARIANTS] + [("replica-podcast", "standard")],
)
def test_a_stated_need_for_a_digital_replica_is_answered_on_the_replica(name, variant):
    said = answers_to_their_need(round_two(name, variant))
    assert said
    assert not any("“No AI training or other AI use” clause as it now stands" in t for t in said), said
    ours = [own_words(t) for t in said]
    assert any(re.search(r"\b(?:replica|voice)\b", t) for t in ours), ours
    assert any(re.search(r"\b(?:fee|pay|payment|rate)\b", t) for t in ours), ours


def own_words(text: str) -> str:
    """A reply without its quotations and without the sentence that restates the other side's need."""
    unquoted = re.sub(r"“[^”]*”", "", text)
    return " ".join(s for s in re.split(r"(?<=\.)\s+", unquoted) if "you need" not in s)


# ------------------------------------------------------------------------------------------------
# What the redlines get right today (guards)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_creators_own_rights_and_duties_are_left_alone(variant):
    escrow, voice = written(redline(ESCROW, variant).docx), written(redline(VOICE, variant).docx)
    assert any(t == CONTRACT_TEXT["duty"] for t in escrow)
    assert any(t == CONTRACT_TEXT["reel"] for t in voice)


CONTRACT_TEXT = {
    "duty": "Developer must not use any generative artificial intelligence tool to write any part of the Software "
    "without Client's prior written consent.",
    "reel": "Performer may include excerpts of up to 60 seconds of the Recordings in Performer's demo reel after the "
    "Game's first release.",
}


@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_the_express_training_words_in_the_source_code_grant_are_struck(variant):
    texts = written(redline(ESCROW, variant).docx)
    grant = holding(texts, "Client may use the Software, its source code")
    assert "train" not in grant, grant


def test_round_two_answers_the_coding_assistant_need_with_the_consent_condition():
    said = answers_to_their_need(round_two(ESCROW, "standard"))
    assert any("fine-tune your internal coding assistant" in t and "prior written consent" in t for t in said), said


# Class 7 (round two, minimal): a new change to a clause whose change they rejected goes without a word of explanation,
# or beside a reply that says we accept the rejection.

SILENT_CHANGE = (
    "minimal round two, after the digital-replica strike was rejected, writes a new tracked change to that clause (the "
    "'provided that … further fee' proviso) with no comment of its own: the only words are 'We do not propose it again "
    "as it was', and in the podcast 'Superseded: you did not accept this change, and we accept that.'; a lawyer says "
    "what the new change is and why, and never says we accept what the same round changes again"
)


@pytest.mark.parametrize("name", [VOICE, "replica-podcast"])
def test_minimal_round_two_explains_its_new_change_to_a_rejected_clause(name):
    red = round_two(name, "minimal")
    changed = [e for e in red.plan.edits if e.clause == "fix-digital-replica" and e.op == "replace"]
    assert changed
    assert all(e.comment for e in changed), [e.replacement for e in changed]
    said = [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai"]
    assert not any("and we accept that" in t for t in said), said


# Class 8: a moral-rights consent the creator must procure from its people ("must procure from each of its personnel
# ... a written consent ... to any act or omission of Client that would otherwise infringe their moral rights") is not
# found, though the same consent given by the creator itself is (and gets our comment).

PROCURED_CONSENT = (
    "au-software-escrow 5.4 'Developer must procure from each of its personnel who creates the Software a written "
    "consent, for the purposes of Part IX of the Copyright Act 1968 (Cth), to any act or omission of Client that would "
    "otherwise infringe their moral rights in the Software' is not reported (no moral-rights finding) and gets no "
    "comment in any variant; a design agreement's 'The Designer shall procure that each of its staff … consents in "
    "writing to any act or omission of Client that would otherwise infringe their moral rights' the same, while 'The "
    "Designer consents to any act or omission …' gets the moral-rights comment; a lawyer asks that the consents be "
    "limited (no AI output that distorts the work or imitates its authors) as for a direct consent"
)


def design(consent: str) -> bytes:
    doc = _document()
    _para(doc, "DESIGN SERVICES AGREEMENT", bold=True)
    _para(doc, 'This agreement is between Tallow Studio Pty Ltd ("Designer") and Bramble Foods Pty Ltd ("Client").')
    _para(
        doc,
        "1. The Designer shall create the packaging designs in the Schedule (the Designs) and Client shall pay "
        "AUD 9,000.",
    )
    _para(doc, "2. The Designer assigns to Client all copyright in the Designs.")
    _para(doc, f"3. {consent}")
    _para(doc, "4. This agreement is governed by the laws of New South Wales.")
    return _save(doc)


DIRECT = "The Designer consents to any act or omission of Client that would otherwise infringe its moral rights."
PROCURED = (
    "The Designer shall procure that each of its staff who works on the Designs consents in writing to any act or "
    "omission of Client that would otherwise infringe their moral rights."
)


def moral_rights_comments(red: engine.Redline) -> list[str]:
    return [c.text for c in read_comments(read_package(red.docx)) if c.author == "noai" and "moral rights" in c.text]


@pytest.mark.parametrize(
    ("make", "variant"),
    [
        *((lambda v: redline(ESCROW, v), v) for v in VARIANTS),
        *(
            (
                lambda v: engine.redline(design(PROCURED), author="noai", date=DATE, options=engine.Options(variant=v)),
                v,
            )
            for v in VARIANTS
        ),
    ],
    ids=[f"{n}-{v}" for n in (ESCROW, "design-procured") for v in VARIANTS],
)
def test_a_moral_rights_consent_the_creator_must_procure_is_commented_on(make, variant):
    red = make(variant)
    assert "fix-moral-rights-waiver" in {e.clause for e in red.plan.edits}
    assert moral_rights_comments(red)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_moral_rights_consent_the_creator_gives_itself_is_commented_on(variant):
    # the guard beside class 8: the direct form is found today
    red = engine.redline(design(DIRECT), author="noai", date=DATE, options=engine.Options(variant=variant))
    assert moral_rights_comments(red)
