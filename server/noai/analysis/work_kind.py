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

from noai.analysis import fast
from noai.analysis.fast import count_joined
from noai.analysis.joined import Joined
from noai.ooxml.model import Paragraph

SOFTWARE, CREATIVE, DATA, GENERAL = "software", "creative", "data", "general"
WORK_KINDS = (SOFTWARE, CREATIVE, DATA, GENERAL)

_WORDS = {
    SOFTWARE: re.compile(
        # a British "programme" is a broadcast programme unless it is a computer programme (CREATIVE below)
        r"\b(?:software|source\s+code|object\s+code|sample\s+code|code|program(?!me)s?|computer\s+programmes?|"
        r"applications?|apps?|API|SDK|scripts?)\b",
        re.IGNORECASE,
    ),
    CREATIVE: re.compile(
        r"\b(?:artwork|illustrations?|photo(?:graph)?s?|images?|designs?|logos?|brand\s+elements|"
        r"music|songs?|recordings?|videos?|films?|footage|episodes?|voice|likeness|manuscripts?|books?|programmes?|"
        r"(?:television|TV|radio|broadcast)\s+programs?|"
        r"articles?|copywriting|content|creative|artistic|animations?|characters?|"
        # art and its parts and files: character, environment and UI art, concept sketches, textures, sprites, icons
        # delivered as PSD, FBX or PNG ("Art." before a number is an article of a law)
        r"art(?!\.\s*\d)|artworks|paintings?|sketch(?:es)?|storyboards?|textures?|sprites?|icons?|"
        r"(?:PSD|FBX|PNG|JPE?G|TIFF?|SVG)(?:\s+files?)?)\b",
        re.IGNORECASE,
    ),
    DATA: re.compile(
        r"\b(?:data\s*sets?|datasets?|data|metadata|databases?|corpus|corpora|annotations?|"
        r"(?:XML|JSON|CSV|JSONL|parquet)\s+files?)\b",
        re.IGNORECASE,
    ),
}
# A programme that is no broadcast: a computer programme, a programme of work, a training programme. Each match
# holds one "programme".
_NOT_BROADCAST = (
    r"(?:computer|software)\s+programmes?|programmes?\s+of\s+(?:work|works|activities|study)|"
    r"(?:training|work|works|development|research|funding|loyalty|delivery|implementation)\s+programmes?"
)
_PROGRAMME = re.compile(r"\bprogrammes?\b", re.IGNORECASE)
_COMPUTER_PROGRAMME = re.compile(r"\b(?:computer|software)\s+programmes?\b", re.IGNORECASE)
_NOT_BROADCAST_RE = re.compile(rf"\b(?:{_NOT_BROADCAST})\b", re.IGNORECASE)
# The US spelling: a bare "program" is software, unless the document is about broadcasting (a television or radio
# network, episodes, a telecast) and never speaks of computer programs or code; then its bare programs are broadcast
# programs, as "television program" always is. Each match of _US_PROGRAM_OTHER holds one _US_PROGRAM: the programs
# named otherwise (a television program, counted creative already; a program of work or a training program).
_US_PROGRAM = re.compile(r"\bprograms?\b", re.IGNORECASE)
_US_PROGRAM_OTHER = re.compile(
    r"\b(?:(?:television|TV|radio|broadcast)\s+programs?|programs?\s+of\s+(?:work|works|activities|study)|"
    r"(?:training|work|works|development|research|funding|loyalty|delivery|implementation)\s+programs?)\b",
    re.IGNORECASE,
)
_BROADCASTING = re.compile(
    r"\b(?:television|TV|radio|broadcast(?:s|ing|ers?|ed)?|telecasts?|telecasting|episodes?)\b", re.IGNORECASE
)
_CODE = re.compile(
    r"\b(?:(?:computer|software)\s+programs?|source\s+code|object\s+code)\b",
    re.IGNORECASE,
)
# Words of a kind that do not name the work delivered: the client's or the users' own data and
# content, data about the service, data in a data-protection sense. Each match holds exactly one
# match of its kind's words, so the work count is the difference of the two counts. ("copy", mostly
# the verb, "records" and "labels" are not words of a kind at all.) A services contract that speaks
# of personal data is not a contract for data work.
_NOT_WORK = {
    SOFTWARE: re.compile(
        r"\b(?:(?:third[- ]party|open[- ]source)\s+software|(?:television|TV|radio|broadcast)\s+programs?)\b",
        re.IGNORECASE,
    ),
    CREATIVE: re.compile(
        r"\b(?:(?:customer|client|user|your|its|their|third[- ]party)\s+content|articles?\s+of\s+association|"
        rf"prior art|state[- ]of[- ]the[- ]art|{_NOT_BROADCAST})\b",
        re.IGNORECASE,
    ),
    DATA: re.compile(
        r"\b(?:(?:personal|customer|client|user|your|its|their|account|contact|billing|payment|usage|sensitive|"
        r"health|training|input|output|telemetry|diagnostic|log|performance|aggregated?|de-?identified|"
        r"anonymi[sz]ed|technical|confidential)\s+data|special\s+categor(?:y|ies)\s+of\s+data|"
        r"data\s+(?:protection|privacy|subjects?|controllers?|processors?|processing|security|breach(?:es)?|"
        r"transfers?|retention|minimi[sz]ation|exporters?|importers?)|data,?\s+(?:and\s+|or\s+)?information)\b",
        re.IGNORECASE,
    ),
}
# A paragraph about the processing of personal data names no data work at all, whatever it says.
_PRIVACY = re.compile(
    r"\b(?:GDPR|General\s+Data\s+Protection\s+Regulation|data\s+protection|personal\s+(?:data|information)|"
    r"data\s+subjects?|privacy)\b",
    re.IGNORECASE,
)
_NAME_WEIGHT = 10  # the work product's own name decides unless the body speaks overwhelmingly of another kind
_DEFINED_WEIGHT = 5  # with no work product found: a term the document defines ("the Dataset", "the Photographs")
# Without the name, the body must speak of one kind often and mostly: a services contract that
# mentions "code" three times is not a software contract, and "data" in a SaaS contract is mostly
# the customer's own data, so data needs a clearer majority.
_MIN_COUNT = 10
_MIN_SHARE = {SOFTWARE: 0.45, CREATIVE: 0.45, DATA: 0.65}
# A short document (a letter, a two-page licence) speaks of its work a few times only: a few words
# that nearly all name one kind decide too.
_FEW, _FEW_SHARE = 5, 0.7


@dataclass(frozen=True, slots=True)
class WorkKind:
    kind: str  # software | creative | data | general
    reason: str
    source: str = "detected"  # "detected" | "user"

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "reason": self.reason, "source": self.source}


def _count(kind: str, text: str) -> int:
    """How often ``text`` names ``kind`` as work: its words less those that name no work delivered."""
    if kind == DATA and _PRIVACY.search(text):
        return 0
    return len(_WORDS[kind].findall(text)) - len(_NOT_WORK[kind].findall(text))


# A word every match of a kind's _NOT_WORK (and of _PRIVACY, for data) holds, lower-cased: only the
# paragraphs holding it are searched.
_HINTS = {
    SOFTWARE: ("software", "program"),
    CREATIVE: ("content", "articles", "prior art", "the art", "the-art", "programme"),
    DATA: ("data", "privacy", "gdpr"),
}


def detect_work_kind(
    paragraphs: Sequence[Paragraph],
    work_product: str | None,
    defined: Sequence[str] = (),
    vocabulary: str | None = None,
) -> WorkKind:
    """The kind of work, with the words that decided it. ``defined``: the terms the document defines,
    which speak for the work when no work product is found ("the Dataset"). ``vocabulary``: the paragraphs'
    chunks (:attr:`~noai.analysis.fast.Gates.vocabulary`) where the caller has them: the words of a kind
    the document never uses are not searched for."""
    texts = [p.text for p in paragraphs]
    lowered = Joined([t.lower() for t in texts], vocabulary)
    # software's words that name no work counted at once in the whole document: every match of them holds a word
    # of its _HINTS (where no character folds to an ASCII letter), so the paragraphs holding none count none
    whole = not fast.folds("".join(texts))
    patterns = [*_WORDS.values(), *([_NOT_WORK[SOFTWARE]] if whole else [])]
    counts = dict(zip([*_WORDS, "not"], count_joined(patterns, texts, lowered, vocabulary), strict=False))
    if whole:
        counts[SOFTWARE] -= counts.pop("not")
    for kind, hints in _HINTS.items():
        if kind == SOFTWARE and whole:
            continue
        for text in map(texts.__getitem__, lowered.holding(hints)):  # str.find: no test of each text
            if kind == DATA and fast.holds(_PRIVACY, text):
                counts[kind] -= fast.count(_WORDS[kind], text)  # a paragraph about personal data
            else:
                counts[kind] -= fast.count(_NOT_WORK[kind], text)
    # a document that speaks of computer programmes means them by its other "programmes" too: software, no broadcast
    computer = "programme" in lowered.text and fast.holds(_COMPUTER_PROGRAMME, lowered.text)
    if computer:
        for text in map(texts.__getitem__, lowered.holding(("programme",))):
            moved = fast.count(_PROGRAMME, text) - fast.count(_NOT_BROADCAST_RE, text)
            counts[CREATIVE] -= moved
            counts[SOFTWARE] += moved
    # a document about broadcasting that never speaks of code means broadcast programs by its bare "programs"
    broadcast = _broadcast_programs(texts, lowered)
    if broadcast:
        for text in map(texts.__getitem__, lowered.holding(("program",))):
            moved = fast.count(_US_PROGRAM, text) - fast.count(_US_PROGRAM_OTHER, text)
            counts[SOFTWARE] -= moved
            counts[CREATIVE] += moved
    names = [work_product] if work_product else list(defined)
    weight = _NAME_WEIGHT if work_product else _DEFINED_WEIGHT
    named_by: dict[str, str] = {}
    for name in names:
        for kind in _WORDS:
            if kind not in named_by and _count(kind, name):
                named_by[kind] = name
        if computer and _PROGRAMME.search(name) and named_by.get(CREATIVE) == name:
            del named_by[CREATIVE]
            named_by.setdefault(SOFTWARE, name)
        if broadcast and _US_PROGRAM.search(name) and named_by.get(SOFTWARE) == name:
            del named_by[SOFTWARE]
            named_by.setdefault(CREATIVE, name)
    # "Licensed Content" names no kind by itself: its definition tells ("the full text of 12,000 articles,
    # with their metadata, as XML files" is data)
    content = work_product and set(named_by) == {CREATIVE} and _ONLY_CONTENT.fullmatch(work_product)
    defined_as = _described_as(texts, work_product) if content and work_product else None
    if defined_as not in (None, CREATIVE) and work_product:
        named_by = {defined_as: work_product}
    named = next(iter(named_by), None) if work_product else None
    described, product = None, work_product
    unnamed = () if named_by else [work_product] if work_product else _GENERIC_WORK  # a name like "Deliverables"
    for product in unnamed:
        described = _described_as(texts, product)
        if described is not None:
            named_by[described] = product
            break
    scoped = _scoped_as(texts) if unnamed and described is None else None
    if scoped is not None:  # "the deliverables identified in an SOW": the SOW's own project and deliverables
        described, product = scoped, "the project and deliverables the document lists"
        named_by[scoped] = product
    for kind in named_by:
        counts[kind] += weight if described is None else _DEFINED_WEIGHT
    total = sum(counts.values())
    kind, count = max(counts.items(), key=lambda kv: kv[1])
    share = count / total if total else 0.0
    if total == 0 or (
        kind not in named_by
        and (count < _MIN_COUNT or share < _MIN_SHARE[kind])
        and (count < _FEW or share < _FEW_SHARE)
    ):
        return WorkKind(GENERAL, "the document does not speak mainly of software, creative work or data")
    if kind == named and kind == defined_as:
        why = f"the document describes “{work_product}” as {kind} work"
    elif kind == named:
        why = f"the work product is called “{work_product}”"
    elif kind == described and scoped is not None:
        why = f"the document lists its project and deliverables as {kind} work"
    elif kind == described:
        why = f"the document describes “{product}” as {kind} work"
    elif kind in named_by:
        why = f"the document defines “{named_by[kind]}” and speaks mostly of {kind}"
    else:
        why = f"the text speaks mostly of {kind}"
    return WorkKind(kind, f"{why} ({count} of {total} words naming a kind of work)")


def _broadcast_programs(texts: Sequence[str], lowered: Joined) -> bool:
    """Whether the document's bare "programs" are broadcast programs: it speaks of a program and of broadcasting
    (television, radio, a broadcast or telecast, episodes) in one paragraph ("telecast the Program", "exhibit the
    programs on television"), and nowhere of computer programs or code. Television or radio advertising in a
    marketing contract's other paragraphs does not make its programs broadcasts."""
    if "program" not in lowered.text or fast.holds(_CODE, lowered.text):
        return False
    return any(
        fast.holds(_US_PROGRAM, text) and fast.holds(_BROADCASTING, text)
        for text in map(texts.__getitem__, lowered.holding(("program",)))
    )


# A work product named "Content" with no other word of a kind ("the Licensed Content", "Client Content").
_ONLY_CONTENT = re.compile(r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}Content", re.IGNORECASE)
# The usual names of a work product, read from their definition when the parties' reading found none.
_GENERIC_WORK = ("Deliverables", "Work Product", "Works", "Work", "Materials")
_QUOTE = "[\"“”']"


def _described_as(texts: Sequence[str], work_product: str) -> str | None:
    """The kind the work product's own definition names ("“Deliverables” means all designs,
    illustrations …", "the articles and photographs described in Schedule A (the “Contributions”)",
    "the reports, integrations and configurations that Tessellate develops": a software feature counts as
    software): two words of one kind at least and more than of any other, else None."""
    name = re.escape(work_product)
    means = re.compile(rf"{_QUOTE}(?:the\s+)?{name}{_QUOTE}\s+(?:shall\s+)?(?:means?|includes?)\b", re.IGNORECASE)
    introduced = re.compile(rf"\((?:[^()]{{0,40}}\s)?{_QUOTE}{name}{_QUOTE}\)")
    for text in texts:
        if work_product not in text:
            continue
        m = means.search(text)
        if m:
            definition = text[m.end() :]
        elif m := introduced.search(text):
            definition = text[text.rfind(". ", 0, m.start()) + 1 : m.start()]  # the sentence up to "(the “X”)"
        else:
            continue
        counted = {kind: _count(kind, definition) for kind in _WORDS}
        counted[SOFTWARE] += len(_FEATURES.findall(definition))  # "the reports, integrations and configurations"
        counts = sorted(((n, kind) for kind, n in counted.items()), reverse=True)
        return counts[0][1] if counts[0][0] >= 2 and counts[0][0] > counts[1][0] else None
    return None


# A statement of work's or schedule's own lines naming what is made: "Project: redesign of the patient app",
# "2. Deliverables:" and the unnumbered items under it, "Scope of work: …".
SCOPE_LINE = re.compile(
    r"^\s*(?:\d+[.)]?\s*)?(?:project|deliverables?|scope(?:\s+of\s+(?:work|services))?|"
    r"description\s+of\s+(?:the\s+)?(?:project|services|deliverables|work))\s*:\s*(.*)$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^\s*\d+[.)]\s")
# What a software build's deliverables are made of, where the list names features, not "software".
_FEATURES = re.compile(
    r"\b(?:screens?|dashboards?|log-?ins?|sign-?(?:up|in)\s+flows?|(?:onboarding|checkout|user)\s+flows?|"
    r"push\s+notifications?|admin\s+(?:panels?|consoles?)|user\s+interfaces?|front-?end|back-?end|"
    r"synced|synchroni[sz]ed|endpoints?|plug-?ins?|integrations?|configurations?|connectors?)\b",
    re.IGNORECASE,
)


def _scoped_as(texts: Sequence[str]) -> str | None:
    """The kind the document's project and deliverables lines name (with the unnumbered items of a
    "Deliverables:" list), read where the work product is only "the deliverables identified in an SOW":
    two words of one kind at least (a software feature counts as software) and more than of any other."""
    lines: list[str] = []
    for i, text in enumerate(texts):
        m = SCOPE_LINE.match(text)
        if m is None:
            continue
        lines.append(m.group(1))
        for item in texts[i + 1 : i + 30]:
            if not item.strip() or _NUMBERED.match(item) or SCOPE_LINE.match(item):
                break
            lines.append(item)
    scope = " ".join(lines)
    if not scope.strip():
        return None
    counts = {kind: _count(kind, scope) for kind in _WORDS}
    counts[SOFTWARE] += len(_FEATURES.findall(scope))
    ranked = sorted(((n, kind) for kind, n in counts.items()), reverse=True)
    return ranked[0][1] if ranked[0][0] >= 2 and ranked[0][0] > ranked[1][0] else None


def material_kind(paragraphs: Sequence[Paragraph], name: str) -> WorkKind:
    """The kind of the material ``name`` a party brings to the deal, read from that material alone, not from the
    contract around it (a platform licence speaks of code; the "Customer Data" the customer enters is data): the
    kind its name names ("Customer Data"), else the kind its definition names ("the audio recordings … and the
    transcripts"), else general."""
    texts = [p.text for p in paragraphs]
    # the words alone: "Customer Data", which names no work delivered in a contract read for its maker, is ours here
    named = [kind for kind in _WORDS if _WORDS[kind].search(name)]
    if len(named) == 1 and not (named == [CREATIVE] and _ONLY_CONTENT.fullmatch(name)):
        return WorkKind(named[0], f"our material is called “{name}”")
    described = _described_as(texts, name)
    if described is not None:
        return WorkKind(described, f"the document describes our material “{name}” as {described} work")
    return WorkKind(GENERAL, f"the document does not say what kind of work our material “{name}” is")


def given_work_kind(kind: str) -> WorkKind:
    """The kind the user chose (``--work-kind``, API option ``work_kind``)."""
    return WorkKind(kind, "chosen by the user", "user")
