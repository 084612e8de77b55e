"""Comments that are true of this document (issue 15, part 5): every text the redline can write in a
comment (clause rationales, red-flag fix comments, the finding and protection explanations, the
strategy sentences of the plan) states something about the document or says what the change does,
never a general legal claim that can be false here ("courts have read …", "… are not enforceable
everywhere", "a common path …"); and on the corpus, every rendered comment names something the
document has and quotes only the document's own words.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from noai import engine
from noai.errors import PartyRoleError
from noai.kinds import KINDS, PROTECTIONS
from noai.library import VARIANTS, load_library
from noai.ooxml.document import read_document
from noai.planning import comments

TESTS_DIR = Path(__file__).resolve().parent
CORPUS = sorted((TESTS_DIR / "data" / "corpus").glob("*.docx"))
EXAMPLE = TESTS_DIR.parent / "examples" / "agency-services-agreement.docx"

# What a general claim about the law or the market reads like: courts, usual practice, jurisdictions,
# hedged readings of the law ("can be read to …").
GENERAL_CLAIM = re.compile(
    r"\bcourts?\s+(?:have|has|will|would|may|might|can|could|tend|read|hold|treat|often|usually|generally)\b"
    r"|\b(?:typically|usually|generally|commonly|often|normally|ordinarily)\b"
    r"|\bin\s+(?:many|most|some|all)\s+(?:jurisdictions|countries|legal\s+systems)\b"
    r"|\bthe\s+law\s+(?:says|requires|provides|allows|does|is|will|may)\b|\bby\s+law\b|\blegally\b"
    r"|\beverywhere\b|\bnot\s+(?:always\s+)?enforceable\b|\b(?:a|the)\s+(?:common|usual)\b|\bas\s+a\s+rule\b"
    r"|\bby\s+default\b|\b(?:many|most)\s+(?:AI\s+)?(?:courts|contracts|jurisdictions|clients|tools|vendors|"
    r"lawyers|licen[cs]es)\b"
    r"|\b(?:can|could|may|might)\s+be\s+(?:read|argued|construed|interpreted)\b|\bhave\s+read\b",
    re.IGNORECASE,
)


def general_claims(text: str) -> list[str]:
    return [m.group(0) for m in GENERAL_CLAIM.finditer(" ".join(text.split()))]


def comment_sources() -> list[tuple[str, str]]:
    """Every template the redline or the audit can put in front of the other side, by where it lives."""
    library = load_library()
    out: list[tuple[str, str]] = []
    for clause in library.clauses:
        out.append((f"{clause.id}.rationale", clause.rationale))
        out += [(f"{clause.id}.{v}.rationale", clause.variants[v].rationale or "") for v in VARIANTS]
    for fix in library.fixes:
        for i, rule in enumerate(fix.rules):
            out += [(f"{fix.id}.rules.{i}.{v}.comment", rule.comments[v]) for v in VARIANTS]
    for kind, row in KINDS.items():
        out.append((f"kinds.{kind}", row.explanation))
        out += [(f"kinds.{kind}/{name}", text) for name, text in row.explanations.items()]
    out += [(f"protections.{p}", row.explanation) for p, row in PROTECTIONS.items()]
    out += [(f"comments._PURPOSES.{key}", text) for key, text in comments._PURPOSES.items()]
    out.append(("comments._not_delivery_note", comments._not_delivery_note({})))
    return out


def test_the_general_claim_pattern_catches_the_claims_the_comments_used_to_make():
    for claim in (
        "Courts have read “now known or hereafter devised” to reach new media.",
        "Moral-rights waivers are not enforceable everywhere.",
        "Usage-data and feedback rights are a common hidden path to AI training.",
        "A sublicence is the usual path from a client to an AI vendor.",
        "Many AI tools keep what they are given or train on it by default.",
        "In many jurisdictions the law requires a written assignment.",
        "An open right to make derivative works could be argued to cover datasets.",
    ):
        assert general_claims(claim), claim
    assert not general_claims("This change keeps “now known or hereafter devised” and excludes Prohibited AI Use.")


@pytest.mark.parametrize("where, text", comment_sources(), ids=lambda x: x if "." in x[:40] else "")
def test_no_comment_text_makes_a_general_legal_claim(where, text):
    assert not general_claims(text), (where, text)


def test_every_fix_comment_quotes_the_documents_phrase_and_says_what_is_done():
    """A rule with phrases quotes the phrase it matched; a replacement says what the change does ("This
    change …"); a comment-only rule makes no change and claims none ("We ask …" or a statement)."""
    for fix in load_library().fixes:
        for i, rule in enumerate(fix.rules):
            for v in VARIANTS:
                comment = " ".join(rule.comments[v].split())
                where = (fix.id, i, v, comment)
                if rule.phrases:
                    assert "“{match}”" in comment, where
                if rule.actions[v] == "replace":
                    assert "This change " in comment, where
                else:
                    assert "This change" not in comment and not comment.startswith("This keeps"), where


# -- rendered on the corpus ---------------------------------------------------------------------------

QUOTED = re.compile(r"“([^”]+)”")


@functools.cache
def corpus_plan(path: Path, variant: str):
    try:
        return engine.plan(path.read_bytes(), engine.Options(variant=variant))
    except PartyRoleError:  # the audit is unsure which party we are: the user says so, as the CLI asks
        return engine.plan(path.read_bytes(), engine.Options(variant=variant, we="creator"))


DOCUMENTS = [*CORPUS, EXAMPLE]
CASES = [pytest.param(path, "standard", id=f"{path.stem}-standard") for path in DOCUMENTS] + [
    pytest.param(EXAMPLE, variant, id=f"{EXAMPLE.stem}-{variant}") for variant in ("strict", "minimal")
]


@pytest.mark.parametrize("path, variant", CASES)
def test_every_rendered_comment_names_something_the_document_has_and_quotes_only_its_words(path, variant):
    _, p = corpus_plan(path, variant)
    document = "\n".join(q.text for q in read_document(path.read_bytes()).paragraphs)
    found_names = [t for t in p.terms.values() if t and t in document]
    for e in p.edits:
        if not e.comment:
            continue
        comment = " ".join(e.comment.split())
        assert not general_claims(comment), (e.id, comment)
        quoted = QUOTED.findall(comment)
        ours = e.replacement or ""
        for phrase in quoted:
            assert phrase in document or phrase in ours, (e.id, phrase, comment)
        appends = bool(e.find) and (e.replacement or "").startswith(e.find or "")  # a sentence added after a word
        if e.op != "insert_after" and e.find and not appends:
            # the phrase edited, quoted whole where the edit strikes only some of its words ("or hereafter devised")
            named = f"“{e.find}”" in comment or any(e.find.strip() in q for q in quoted)
            assert named or any(n in comment for n in found_names), (e.id, comment)
        else:
            assert quoted or any(n in comment for n in found_names), (e.id, comment)
