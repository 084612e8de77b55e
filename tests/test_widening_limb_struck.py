"""A term tied to the Permitted Purpose must never contradict its own sentence (REVIEW23 item 9).

"Customer grants Tessellate a perpetual, irrevocable … licence to use, copy and analyse Customer Data … to improve the
Services and to develop new products" used to become "a perpetual (solely for the Permitted Purpose), irrevocable …
licence … to develop new products" beside a Permitted Purpose of "use of Customer Data for the Services": the
parenthesis and the last limb say opposite things. What a lawyer sends: the limb that goes beyond the project is
struck, the licence keeps the purpose it names for the project, and "perpetual" is not tied to anything in a
parenthesis. Two shapes: the Canadian platform licence read for the Customer, and a record label commissioning a video
read for the Label (a perpetual licence of the Label Materials "to promote the Tour and to market the Producer's other
productions"). A licence whose only "to" is its own verb ("licence to access the Services and to copy …") is no
list of purposes: nothing of it is struck.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.docx_builder import make_docx, p, r
from support.replies import Reply
from support.synthetic_contracts import ca_platform_licence

from noai import engine
from noai.analysis.facts import widening_limb

DATE = datetime(2027, 1, 5, tzinfo=UTC)

BRAND = (
    "VIDEO PRODUCTION AGREEMENT",
    'Made on 9 March 2027 between Northgate Records Ltd ("Label") and Brightwater Films Ltd ("Producer").',
    "1. Interpretation",
    '1.1 "Label Materials" means the master recordings, artwork, artist photographs and logos that Label '
    "supplies to Producer.",
    '1.2 "Tour" means the artist\'s autumn concert tour described in the Schedule.',
    '1.3 "Videos" means the promotional videos Producer makes for the Tour.',
    "2. Production",
    "2.1 Producer shall make the Videos for the Tour using the Label Materials.",
    "2.2 Label shall pay Producer a fee of £12,500 on delivery.",
    "3. Rights",
    "3.1 Label grants Producer a perpetual, irrevocable licence to use and adapt the Label Materials to promote the "
    "Tour and to market the Producer's other productions.",
    "3.2 Producer assigns to Label all intellectual property rights in the Videos on payment of the fee.",
    "4. Law",
    "4.1 English law governs this agreement.",
)


@functools.cache
def redline(shape: str, variant: str) -> engine.Redline:
    if shape == "platform":
        data, we = ca_platform_licence(), "Customer"
    else:
        data, we = make_docx("".join(p(r(t)) for t in BRAND)), "Label"
    return engine.redline(data, author="noai", date=DATE, options=engine.Options(variant=variant, we=we))


def texts(red: engine.Redline, accepted: bool) -> list[str]:
    data = red.docx if accepted else Reply(red.docx).reject().bytes()
    return [q.text for q in engine.read(data, accepted=accepted).paragraphs]


CASES = {
    "platform": ("analyse Customer Data in de-identified form to improve the Services", " and to develop new products"),
    "brand": ("the Label Materials to promote the Tour", " and to market the Producer's other productions"),
}


@pytest.mark.parametrize("variant", ("strict", "standard"))
@pytest.mark.parametrize("shape", tuple(CASES))
def test_the_limb_wider_than_the_project_is_struck_not_contradicted(shape, variant):
    kept, wider = CASES[shape]
    red = redline(shape, variant)
    edits = [e for e in red.plan.edits if e.op == "replace" and e.find == wider]
    assert len(edits) == 1 and edits[0].replacement == ""
    assert wider.strip() in (edits[0].comment or "")
    assert not any("(solely for the Permitted Purpose)" in (e.replacement or "") for e in red.plan.edits)
    accepted = next(t for t in texts(red, True) if kept in t)
    assert accepted.endswith(f"{kept}.") and "Permitted Purpose" not in accepted
    rejected = next(t for t in texts(red, False) if kept in t)
    assert rejected.endswith(f"{kept}{wider}.")


def test_a_licence_whose_own_verb_is_its_only_to_is_no_list_of_purposes():
    text = "Customer grants Provider a perpetual licence to access the Services and to copy the Data."
    assert widening_limb(text, text.index("perpetual"), "the Services") is None
    named = "Customer grants Provider a perpetual licence to use the Data to run the Services and to train staff."
    limb = widening_limb(named, named.index("perpetual"), "the Services")
    assert limb is not None and named[limb.start : limb.end] == " and to train staff"
    both = (
        "Customer grants Provider a perpetual licence to use the Data to run the Services and to support the Services."
    )
    assert widening_limb(both, both.index("perpetual"), "the Services") is None
