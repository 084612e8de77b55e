"""The writer deflates a changed part at zlib level ``package.LEVEL`` (3: half level 6's time on a redline's
``word/document.xml``, a part 20-25 % larger; benchmarks/README-redline.md). What must hold whatever the level: the
changed parts are plain deflate at that level, every unchanged part keeps its compressed bytes, our own reader
takes the output back (round two reads what we sent), and a word processor opens it with the same tracked changes
as a level-6 copy."""

from __future__ import annotations

import io
import zipfile
import zlib
from datetime import UTC, datetime

import pytest
from support.lo import lo_read, require_libreoffice
from support.synthetic_contracts import agency_msa_sow, photo_licence, uk_precedent

from noai import engine
from noai.ooxml import package
from noai.ooxml.package import read_package

SHAPES = {"uk-precedent": uk_precedent, "agency-msa-sow": agency_msa_sow, "photo-licence": photo_licence}
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def _redline(make, variant: str = "standard") -> tuple[bytes, bytes]:
    source = make()
    return source, engine.redline(source, author="Level", date=STAMP, options=engine.Options(variant=variant)).docx


def _raw(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """The compressed bytes of ``info`` as they stand in the zip."""
    start = (
        info.header_offset
        + 30
        + len(info.orig_filename.encode())
        + int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    )
    return data[start : start + info.compress_size]


def _deflated(part: bytes, level: int) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(part) + compressor.flush()


@pytest.mark.parametrize("shape", SHAPES)
def test_changed_parts_are_deflated_at_the_level_and_the_others_copied(shape):
    source, out = _redline(SHAPES[shape])
    before, after = zipfile.ZipFile(io.BytesIO(source)), zipfile.ZipFile(io.BytesIO(out))
    assert after.testzip() is None  # every CRC right
    old = {info.filename: info for info in before.infolist()}
    changed = 0
    for info in after.infolist():
        part = after.read(info)
        was = old.get(info.filename)
        if was is not None and before.read(was) == part and was.compress_type == info.compress_type:
            assert _raw(out, info) == _raw(source, was)  # unchanged: its compressed bytes copied
            continue
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert _raw(out, info) == _deflated(part, package.LEVEL), info.filename
        changed += 1
    assert changed and after.read("word/document.xml") != before.read("word/document.xml")


def test_the_level_is_a_fast_one_and_the_part_grows_only_so_much():
    """Level 3, not Word's 6: the document part of a redline is at most 1.8 times level 6's size (1.2-1.8
    times on the benchmark contracts), never more than the XML itself."""
    assert 1 <= package.LEVEL <= 3
    for make in SHAPES.values():
        _, out = _redline(make)
        part = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml")
        ours, words = len(_deflated(part, package.LEVEL)), len(_deflated(part, 6))
        assert words <= ours <= 1.8 * words < len(part)


@pytest.mark.parametrize("variant", ["strict", "minimal"])
def test_our_reader_takes_the_output_back_with_the_default_limits(variant):
    for make in SHAPES.values():
        _, out = _redline(make, variant)
        pkg = read_package(out)  # the zip-bomb ratio, sizes and CRCs checked
        assert pkg.parts["word/document.xml"] == zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml")
        engine.audit(out)  # and audited, as round two reads the document we sent


def test_libreoffice_opens_the_output_with_the_same_changes_as_a_level_six_copy(monkeypatch):
    require_libreoffice()
    ours = [_redline(make)[1] for make in (uk_precedent, agency_msa_sow)]
    monkeypatch.setattr(package, "LEVEL", 6)
    words = [_redline(make)[1] for make in (uk_precedent, agency_msa_sow)]
    assert [len(a) for a in ours] != [len(b) for b in words]  # the two really differ as zips
    seen = lo_read(ours + words)
    keys = ("redline_counts", "accepted_text", "rejected_text", "comment_count")
    for a, b in zip(seen[:2], seen[2:], strict=True):
        assert a["ok"] and not a["interactions"], a.get("load_error")
        assert {k: a[k] for k in keys} == {k: b[k] for k in keys}
        assert a["redline_counts"]
