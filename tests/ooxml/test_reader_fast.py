"""The reader's speed code (noai.ooxml.fast) gives what the plain path gives: the fast constructors
build the same frozen Paragraph and Section, and on every corpus contract the fast read equals the
plain one (paragraph texts, runs and their formats, labels, every field, the section tree)."""

from dataclasses import FrozenInstanceError, fields

import pytest
from support.corpus import contracts

from noai.ooxml import document as D
from noai.ooxml.fast import new_paragraph, new_section, simple_runs
from noai.ooxml.model import Paragraph, Section


def test_new_paragraph_is_the_paragraph_of_the_same_fields():
    values = [f"value {i}" for i in range(len(fields(Paragraph)))]
    made = new_paragraph(*values)
    assert type(made) is Paragraph and made == Paragraph(*values)
    assert hash(made) == hash(Paragraph(*values))
    with pytest.raises(FrozenInstanceError):
        made.text = "changed"


def test_new_section_is_the_section_of_the_same_fields():
    child = Section("(a)", "Scope", 2, 3, 4)
    made = new_section("7", "Licence", 1, 2, 4, (child,))
    assert type(made) is Section and made == Section("7", "Licence", 1, 2, 4, (child,))
    assert made.display == "7 Licence"
    with pytest.raises(FrozenInstanceError):
        made.end = 5


@pytest.mark.parametrize("path", contracts())
def test_the_fast_read_of_a_corpus_contract_is_the_plain_read(path):
    data = path.read_bytes()
    fast, plain = D._read(data, fast=True), D._read(data, fast=False)
    assert all(type(p) is Paragraph for p in fast.paragraphs)
    assert fast.paragraphs == plain.paragraphs
    assert fast.sections == plain.sections


def _spans(texts: list, fmts: list) -> list:
    """The text in each format, consecutive pieces of one format joined (the fast path reads a run
    at a time, the exact walk a piece, a tab or a text, at a time)."""
    out: list = []
    for text, fmt in zip(texts, fmts, strict=True):
        if out and out[-1][1] == fmt:
            out[-1][0] += text
        else:
            out.append([text, fmt])
    return out


@pytest.mark.parametrize("path", contracts())
def test_the_fast_runs_of_each_plain_paragraph_are_the_runs_of_the_exact_walk(path):
    doc = D.read_document(path.read_bytes())
    reader = D._ParagraphReader(doc.styles, doc.numbering)
    simple = 0
    for el, para in zip(doc.elements, doc.paragraphs, strict=True):
        _style, base, formats, format_of = reader._style(D._paragraph_properties(el)[0] or doc.styles.default_paragraph)
        texts, fmts, exact_texts, exact_fmts = [], [], [], []
        if not simple_runs(el, base, format_of, texts, fmts):
            continue
        simple += 1
        current, original = reader._general(el, base, formats, exact_texts, exact_fmts)
        assert _spans(texts, fmts) == _spans(exact_texts, exact_fmts), para.index
        assert "".join(texts) == current == original == para.text == para.original_text
    assert simple >= len(doc.paragraphs) // 4  # the fast path is the usual one, so this tests it


def _paragraph(inner: str):
    from lxml import etree

    from noai.ooxml.ns import W

    return etree.fromstring(f'<w:p xmlns:w="{W}">{inner}</w:p>')


def _field(code: str, result: str, kind: str = "") -> str:
    """A complex field as Word writes it: begin, the code, separate, the result, end (``kind`` puts
    the code and the result in one run instead)."""
    begin, sep, end = (f'<w:r><w:fldChar w:fldCharType="{t}"/></w:r>' for t in ("begin", "separate", "end"))
    if kind == "one run":
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/>'
            f'<w:instrText xml:space="preserve">{code}</w:instrText><w:t>{code}</w:t>'
            f'<w:fldChar w:fldCharType="separate"/><w:t>{result}</w:t><w:fldChar w:fldCharType="end"/></w:r>'
        )
    return (
        begin
        + f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        + sep
        + f"<w:r><w:rPr><w:b/></w:rPr><w:t>{result}</w:t></w:r>"
        + end
    )


@pytest.mark.parametrize(
    "inner, expected",
    [
        # A cross-reference: its code left out, its result in, in the result run's format.
        (
            '<w:r><w:t xml:space="preserve">See clause </w:t></w:r>'
            + _field(" REF _Ref1 \\h ", "7.2")
            + "<w:r><w:t>.</w:t></w:r>",
            "See clause 7.2.",
        ),
        # A field inside a field's code: the exact walk shows the inner result (the innermost field
        # decides), then the outer result; the fast path must read it the same.
        (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
            + _field("PAGE", "3")
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>yes</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            "3yes",
        ),
        # Code and result in one run; a field with no end; a stray end and separate before any begin.
        (_field("SEQ x", "4", "one run"), "4"),
        ('<w:r><w:t>a</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/><w:t>code</w:t></w:r>', "a"),
        ('<w:r><w:fldChar w:fldCharType="end"/><w:fldChar w:fldCharType="separate"/><w:t>b</w:t><w:tab/></w:r>', "b\t"),
    ],
)
def test_the_fast_path_reads_complex_fields_as_the_exact_walk_does(inner, expected):
    p = _paragraph(inner)
    reader = D._ParagraphReader(D.Styles(), D.Numbering())
    _style, base, formats, format_of = reader._style(None)
    texts, fmts, exact_texts, exact_fmts = [], [], [], []
    assert simple_runs(p, base, format_of, texts, fmts)
    current, original = reader._general(p, base, formats, exact_texts, exact_fmts)
    assert "".join(texts) == current == original == expected
    assert _spans(texts, fmts) == _spans(exact_texts, exact_fmts)
