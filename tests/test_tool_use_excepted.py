"""Issue 15 item 2, round one: where the plan keeps a use of AI tools on the work (with our condition: the tool keeps
no copy and trains on nothing), our covenant must except exactly that use. Without it the covenant's "using any
Protected Materials as prompts, inputs … for an AI System" forbids what the clause we keep allows, and its "machine
translation for the Publishers' internal review" is not that use.

The exception is drafted from the document's own clause ("the use of machine translation or other automated tools in
preparing the Translation") and cites it by the number it has ("as clause 3(b) permits"), in the covenant's list of
exceptions (standard) or beside its sentence of exceptions (strict). Minimal's covenant forbids training alone: it
needs no exception.

Two shapes: uk-translation-rights (a UK memorandum, typed "3. (b)" list, plural "the Publishers", "clause") and our
own US copywriting licence (Word's automatic numbering "2.(b)", "Section", the client's "its", the tools called
"machine translation software", which the condition must follow, not split).
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
from support.lo import lo_read, needs_lo
from support.read import accepted
from support.replies import Reply
from support.synthetic_contracts import _document, _legal_numbering, _numbered, _para, _save
from test_review_synthetic import redline

from noai import engine
from noai.analysis.facts import ai_tools, kept_tool_use
from noai.library.render import with_tool_exception

RIGHTS = "uk-translation-rights"
DATE = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
RIGHTS_USE = (
    "the use of machine translation or other automated tools in preparing the Translation, as clause 3(b) permits"
)
COPY_USE = (
    "the use of machine translation software in localizing the Copy for Client's regional websites, as Section 2(b) "
    "permits"
)


def copy_licence(tools_clause: str) -> bytes:
    """A US copywriting licence, Word-numbered: the writer keeps copyright and licenses the Copy; ``tools_clause``
    is 2(b)."""
    doc = _document()
    _para(doc, "COPYWRITING LICENSE AGREEMENT", bold=True)
    _para(
        doc,
        'This Copywriting License Agreement (this "Agreement") is made as of June 1, 2027 between Fernbrook Outdoor '
        'Co., a Colorado corporation ("Client"), and Marisol Vega, an individual ("Writer").',
    )
    num = _legal_numbering(doc, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    _numbered(doc, "Services", num, 0)
    _numbered(
        doc, 'Writer will write the product descriptions and campaign copy described in Exhibit A (the "Copy").', num, 1
    )
    _numbered(doc, "Client will pay Writer USD 12,000 in two equal installments.", num, 1)
    _numbered(doc, "License", num, 0)
    _numbered(
        doc,
        "Writer grants Client a non-exclusive, worldwide license to reproduce, display and publish the Copy on "
        "Client's websites and in Client's catalogs for three years.",
        num,
        1,
    )
    _numbered(doc, tools_clause, num, 1)
    _numbered(doc, "Writer retains all copyright in the Copy.", num, 1)
    _numbered(doc, "General", num, 0)
    _numbered(doc, "This Agreement is governed by the laws of the State of Colorado.", num, 1)
    _para(doc, "FERNBROOK OUTDOOR CO.  By: __________      MARISOL VEGA  __________")
    return _save(doc)


CLIENT_TOOLS = (
    "Client may use machine translation software in localizing the Copy for its regional websites, and may have "
    "those translations reviewed by its staff."
)


@functools.cache
def copy_redline(variant: str, clause: str = CLIENT_TOOLS) -> engine.Redline:
    return engine.redline(
        copy_licence(clause), author="noai", date=DATE, options=engine.Options(variant=variant), filename="copy.docx"
    )


def inserted(red: engine.Redline) -> list[str]:
    return [p["text"] for e in red.plan.edits if e.op == "insert_after" for p in e.paragraphs]


def kept_fix(red: engine.Redline):
    (fix,) = [e for e in red.plan.edits if e.op == "replace" and "neither keeps" in (e.replacement or "")]
    return fix


def translation(variant: str) -> engine.Redline:
    return redline(RIGHTS, variant)


SHAPES = {RIGHTS: (translation, RIGHTS_USE), "copy-licence": (copy_redline, COPY_USE)}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("variant", ("strict", "standard"))
def test_the_covenant_excepts_the_ai_tool_use_the_plan_keeps_citing_its_clause(shape, variant):
    make, use = SHAPES[shape]
    red = make(variant)
    kept_fix(red)  # the permission is kept, on our terms
    planned = [t for t in inserted(red) if use in t]
    assert len(planned) == 1, inserted(red)
    if variant == "standard":  # the list's last item
        assert f"; and (e) {use}." in planned[0] or f"; and (v) {use}." in planned[0], planned[0]
    else:  # a sentence beside the covenant's own exceptions, before "Any other exception …"
        assert f"On the same condition, {use}, is not a Prohibited AI Use. Any other exception" in planned[0]
    text = accepted(red)
    assert sum(use in t for t in text) == 1, text
    rejected = [p.text for p in engine.read(Reply(red.docx).reject().bytes()).paragraphs]
    assert not any(use in t for t in rejected) and not any("neither keeps" in t for t in rejected)
    said = kept_fix(red).comment or ""
    assert "excepts that use expressly" in said, said


@pytest.mark.parametrize("shape", SHAPES)
def test_minimal_which_forbids_training_alone_adds_no_exception(shape):
    make, use = SHAPES[shape]
    red = make("minimal")
    assert not any(use in t for t in inserted(red))
    assert not any("prompts" in t for t in inserted(red))  # nothing in minimal's covenant forbids the tool's use


def test_the_condition_follows_the_tools_whole_name_not_its_first_words():
    text = next(t for t in accepted(copy_redline("standard")) if t.startswith("Client may use machine"))
    assert text.startswith("Client may use machine translation software (if the tool neither keeps the Copy"), text


@pytest.mark.parametrize(
    "clause",
    (
        "Writer may use machine translation software in preparing the Copy.",  # the creator's own use
        "Client may use machine translation software in localizing the Copy only with Writer's prior written consent.",
    ),
)
def test_no_exception_where_no_tool_use_is_kept_for_the_client(clause):
    for variant in ("strict", "standard"):
        red = copy_redline(variant, clause)
        assert not any("as Section 2(b) permits" in t for t in inserted(red)), inserted(red)
        assert not any("On the same condition" in t for t in inserted(red))


@pytest.mark.parametrize(
    ("text", "words", "use"),
    (
        (
            "(b) be entitled to use machine translation or other automated tools in preparing the Translation, and "
            "to retain the text of the Work in their editorial systems;",
            "machine translation or other automated tools",
            "the use of machine translation or other automated tools in preparing the Translation",
        ),
        ("The Licensee may use generative AI tools.", "generative AI tools", "the use of generative AI tools"),
        (
            "The Publisher may use AI software to draft blurbs for its catalogue and to translate them.",
            "AI software",
            "the use of AI software to draft blurbs for the Publisher's catalogue",
        ),
        (
            "The Studio may use machine-translation services for subtitles: the Studio pays for them.",
            "machine-translation services",
            "the use of machine-translation services for subtitles",
        ),
    ),
)
def test_the_kept_use_is_read_in_the_documents_own_words(text, words, use):
    at = text.find(words.split()[-2] if words.startswith("generative") else words.split()[0])
    tools = ai_tools(text, at, at + 2)
    assert tools is not None and tools.words == words, tools
    assert kept_tool_use(text, tools, "the Publisher's") == use


def test_an_exception_joins_a_roman_list_and_leaves_text_without_exceptions_alone():
    listed = "… on them: (i) checking spelling or grammar; and (ii) accessibility features. None of these …"
    assert with_tool_exception(listed, "U") == (
        "… on them: (i) checking spelling or grammar; (ii) accessibility features; and (iii) U. None of these …"
    )
    plain = "The Publishers shall not engage in any Prohibited AI Use."
    assert with_tool_exception(plain, "U") == plain


@needs_lo
@pytest.mark.parametrize("shape", SHAPES)
def test_libreoffice_reads_the_exception_in_the_accepted_text_only(shape):
    make, use = SHAPES[shape]
    (seen,) = lo_read([make("standard").docx])
    assert seen["ok"] and not seen["redlines_left_after_accept"], seen.get("load_error")
    assert use in seen["accepted_text"] and use not in seen["rejected_text"]
