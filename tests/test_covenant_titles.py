"""A covenant's title says whom it binds (REVIEW23 item 14): "No Third-Party AI Training" heads only a covenant that
leaves the client's own use free and stops it authorising others; where the text bars the client's own AI use too
("{Client} shall not engage in any Prohibited AI Use, nor license …", the minimal rung where the grant named training
or the work records a performance, and standard's fall-back after a rejection), the title must not say "Third-Party".
Read on every variant and case of every clause of the library, so a new case with the wrong title fails here."""

from __future__ import annotations

import pytest

from noai.library import VARIANTS, load_library

BINDS_ITS_OWN_USE = "shall not engage in any Prohibited AI Use"


def rungs():
    for clause in load_library().clauses:
        for name in VARIANTS:
            variant = clause.variants[name]
            yield f"{clause.id}-{name}", variant
            for case, alt in variant.cases.items():
                yield f"{clause.id}-{name}-{case}", alt


@pytest.mark.parametrize(("where", "rung"), list(rungs()), ids=lambda x: x if isinstance(x, str) else "")
def test_a_title_naming_third_parties_heads_no_covenant_that_binds_the_client_itself(where, rung):
    binds_itself = any(BINDS_ITS_OWN_USE in " ".join(p.split()) for p in rung.paragraphs)
    assert not (binds_itself and "Third-Party" in rung.title), (where, rung.title)


def test_the_minimal_rungs_that_bind_the_client_itself_exist():  # the test above reads something
    found = [w for w, r in rungs() if any(BINDS_ITS_OWN_USE in " ".join(p.split()) for p in r.paragraphs)]
    assert any("minimal-trains" in w for w in found) and any("minimal-performer" in w for w in found), found


@pytest.mark.parametrize("name", ("us-voice-likeness", "ie-narration"))
def test_a_performers_minimal_covenant_is_titled_as_binding_the_client(name):
    from test_review_synthetic import redline  # the synthetic contracts' round one

    red = redline(name, "minimal")
    covenant = [e for e in red.plan.edits if e.op == "insert_after" and e.clause == "no-ai-training"]
    assert covenant and all(BINDS_ITS_OWN_USE in " ".join(q["text"] for q in e.paragraphs) for e in covenant)
    assert all(e.title == "No AI Training" for e in covenant), [e.title for e in covenant]
