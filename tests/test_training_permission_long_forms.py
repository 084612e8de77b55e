"""A training permission's longer wordings are read and struck (fix23).

Two families the plan left standing although the audit read a high permission: (1) the long form, a tail after the
models ("… models that are part of Provider's products and services, including third-party components …") and a
second clause by which the creator's side authorises the processing ("…, and Customer authorizes Provider to
process … for such purposes"): that clause is no condition the permission waits on; (2) the noun form, "may be used
for the training of artificial intelligence models", "for the fine-tuning of its machine learning models". Guards:
a restriction, a permission that waits on consent, training of staff, and the same words read for the other party
(ours to keep). Shapes: a SaaS agreement (``--we Customer``) and a photography licence (the client is the other
side)."""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p, r
from support.replies import Reply

from noai import engine
from noai.analysis import facts

DATE = datetime(2027, 1, 5, tzinfo=UTC)

PERMISSIONS = (
    # the long form: a tail after the models and a second clause giving the authority
    "Account Data and Customer Files may be used to develop, train, or enhance artificial intelligence or machine "
    "learning models that are part of Provider's products and services, including third-party components of the "
    "Platform, and Customer authorizes Provider to process its Account Data and Customer Files for such purposes.",
    "The Images may be used to train machine learning models, and the Photographer hereby consents to the Agency "
    "copying the Images for that purpose.",
    "The Agency may use the Images to improve its AI systems and those of its affiliates, and the Photographer "
    "authorises the Agency to store the Images for such purposes.",
    # the noun form
    "Customer Files may be used for the training of artificial intelligence models.",
    "The Agency may use the Images for the training of its machine learning models.",
    "Provider may use Customer Files for the fine-tuning of large language models.",
    "The Images may also be used for the retraining of the Agency's neural networks.",
)
GUARDS = (
    "Customer Files shall not be used for the training of artificial intelligence models.",
    "Customer Files may be used to train machine learning models only if Customer agrees in writing.",
    "Customer Files may be used for the training of artificial intelligence models, subject to Customer's consent.",
    "Provider may use Customer Files for the training of employees in artificial intelligence tools.",
    "Provider may use Customer Files for staff training purposes in AI tools.",
)
_AI = re.compile(r"artificial intelligence|machine learning|AI\b|large language|neural")


def _strike(sentence: str) -> facts.Strike | None:
    m = _AI.search(sentence)
    assert m is not None
    return facts.training_permission(sentence, m.start(), m.end())


@pytest.mark.parametrize("sentence", PERMISSIONS)
def test_the_permission_is_read_whole(sentence):
    strike = _strike(sentence)
    assert strike is not None
    assert (strike.start, strike.end) == (0, len(sentence))


@pytest.mark.parametrize("sentence", GUARDS)
def test_no_permission_is_read_in_a_restriction_a_condition_or_staff_training(sentence):
    assert _strike(sentence) is None


def test_a_run_in_heading_stays_and_the_sentence_after_it_is_struck():
    heading = "Machine Learning. "
    text = heading + PERMISSIONS[0]
    m = _AI.search(text)
    assert m is not None
    strike = facts.training_permission(text, m.start(), m.end())
    assert strike is not None and text[strike.start : strike.end].strip() == PERMISSIONS[0]
    assert text[: strike.start].strip() == heading.strip()


SAAS = (
    'This Platform Agreement is between Lattice Hosting Inc. ("Provider") and Greywater Illustration LLC ("Customer").',
    '"Customer Files" means the artwork, sketches and files Customer uploads to the Platform. "Account Data" means '
    "data about Customer's use of the Platform.",
    "Customer grants Provider a licence to host and display Customer Files to provide the Platform.",
    "Provider shall provide the Platform to Customer. Customer shall pay the Fees.",
    "{permission}",
    "This Agreement is governed by the laws of the State of New York.",
)
PHOTO = (
    'This Photography Licence is made between Ellis Moor (the "Photographer") and Cobalt Agency Ltd (the "Agency").',
    "The Photographer grants the Agency a licence to reproduce the twelve photographs listed in the Schedule (the "
    '"Images") in its print and online catalogues.',
    "{permission}",
    "The Agency shall pay the Photographer a fee of £2,400 within 30 days of delivery.",
    "This licence is governed by the law of England and Wales.",
)
SHAPES = {
    "saas": (SAAS, {"long": PERMISSIONS[0], "noun": PERMISSIONS[3]}, "Customer", "Provider"),
    "photo": (PHOTO, {"long": PERMISSIONS[1], "noun": PERMISSIONS[4]}, "Photographer", "Agency"),
}


@functools.cache
def _redline(shape: str, wording: str, variant: str, we: str) -> engine.Redline:
    permission = SHAPES[shape][1][wording]
    data = make_docx("".join(p(r(permission if t == "{permission}" else t)) for t in SHAPES[shape][0]))
    return engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


def _texts(red: engine.Redline, accepted: bool) -> str:
    data = red.docx if accepted else Reply(red.docx).reject().bytes()
    return "\n".join(q.text for q in engine.read(data, accepted=accepted).paragraphs)


@pytest.mark.parametrize("wording", ("long", "noun"))
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("variant", ("strict", "standard", "minimal"))
def test_both_wordings_are_struck_in_every_variant(shape, wording, variant):
    texts, permissions, we, _ = SHAPES[shape]
    permission = permissions[wording]
    red = _redline(shape, wording, variant, we)
    found = [f for f in red.audit.findings if permission in f.paragraph_text]
    assert found and any(f.severity == "high" for f in found)
    struck = [e.find for e in red.plan.edits if e.op == "replace" and not e.replacement and e.find]
    assert any(permission.rstrip(".") in s for s in struck)
    assert permission not in _texts(red, accepted=True)
    assert permission in _texts(red, accepted=False)
    assert texts[-1] in _texts(red, accepted=True)  # what is not a permission stays


# (photo "long" is passive over "the Images", which name no owner: the audit gives it to the side other than whoever we
# are, so read for the Agency it stays the Photographer's permission; not this test's matter)
@pytest.mark.parametrize(("shape", "wording"), (("saas", "long"), ("saas", "noun"), ("photo", "noun")))
def test_read_for_the_other_party_the_permission_is_theirs_to_keep(shape, wording):
    permission, they = SHAPES[shape][1][wording], SHAPES[shape][3]
    red = _redline(shape, wording, "strict", they)
    assert permission in _texts(red, accepted=True)
