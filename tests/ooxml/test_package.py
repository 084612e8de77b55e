"""Reading a package from hostile and real bytes, and writing it back."""

from __future__ import annotations

import base64
import io
import random
import struct
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from noai.errors import (
    EmptyDocumentError,
    EncryptedDocumentError,
    LegacyWordError,
    MalformedXmlError,
    NotOoxmlError,
    PackageLimitError,
    StrictOoxmlError,
    TruncatedDocumentError,
)
from noai.ooxml import ole
from noai.ooxml.ns import CT_COMMENTS, PKG, RT_COMMENTS, RT_OFFICE_DOCUMENT_STRICT, RT_STYLES, W_STRICT, W
from noai.ooxml.package import Limits, add_relationship, read_package, write_package

JUNIPER = (Path(__file__).parent.parent / "data" / "corpus" / "juniper-eula.docx").read_bytes()
DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
RT_OFFICE_DOCUMENT = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


# -- helpers ---------------------------------------------------------------------------------


def zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def make_zip(parts: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def juniper_with(**changes: bytes) -> bytes:
    """The Juniper EULA with parts replaced; keyword ``content_types`` is [Content_Types].xml."""
    parts = zip_parts(JUNIPER)
    for key, data in changes.items():
        parts[{"content_types": "[Content_Types].xml", "rels": "_rels/.rels", "document": "word/document.xml"}[key]] = (
            data
        )
    return make_zip(parts)


def canonical(element) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True)


def office_zip(main: str, content_type: str) -> bytes:
    """A minimal OPC package whose main part ``main`` has ``content_type``."""
    types = (
        f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main}" ContentType="{content_type}"/></Types>'
    )
    rels = (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RT_OFFICE_DOCUMENT.decode()}" Target="{main}"/></Relationships>'
    )
    return make_zip({"[Content_Types].xml": types.encode(), "_rels/.rels": rels.encode(), main: b"<x/>"})


def flat_opc(docx: bytes) -> bytes:
    """Word's Flat OPC of ``docx``, as ``body.getOoxml()`` returns it (no [Content_Types].xml)."""
    types = etree.fromstring(zip_parts(docx)["[Content_Types].xml"])
    by_name = {el.get("PartName") or el.get("Extension"): el.get("ContentType") for el in types}
    root = etree.Element(f"{{{PKG}}}package", nsmap={"pkg": PKG})
    for name, data in zip_parts(docx).items():
        if name == "[Content_Types].xml":
            continue
        part = etree.SubElement(root, f"{{{PKG}}}part")
        part.set(f"{{{PKG}}}name", "/" + name)
        part.set(f"{{{PKG}}}contentType", by_name.get("/" + name, by_name[name.rpartition(".")[2]]))
        if name.endswith((".xml", ".rels")):
            etree.SubElement(part, f"{{{PKG}}}xmlData").append(etree.fromstring(data))
        else:
            etree.SubElement(part, f"{{{PKG}}}binaryData").text = base64.encodebytes(data).decode()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_DIFAT_SECTOR = 0xFFFFFFFC


def make_cfb(names: list[str], dir_sector: int = 1, cyclic: bool = False) -> bytes:
    """A version 3 compound file (512-byte sectors) whose directory lists ``names``.

    The directory starts at sector ``dir_sector`` (the sectors before it are empty), the FAT
    sectors follow it, then as many DIFAT sectors as more than 109 FAT sectors need.
    ``cyclic`` links the last directory sector back to the first.
    """
    entries = [_dir_entry("Root Entry", 5)] + [_dir_entry(name, 2) for name in names]
    dir_count = -(-len(entries) // 4)
    fat_count = difat_count = 0
    while True:  # the FAT must also map its own sectors and the DIFAT sectors
        total = dir_sector + dir_count + fat_count + difat_count
        needed = -(-total // 128)
        if needed == fat_count:
            break
        fat_count, difat_count = needed, -(-max(needed - 109, 0) // 127)
    fat_sectors = list(range(dir_sector + dir_count, dir_sector + dir_count + fat_count))
    difat_sectors = list(range(fat_sectors[-1] + 1, fat_sectors[-1] + 1 + difat_count))
    fat = [_FREE] * (fat_count * 128)
    for index in range(dir_count):
        fat[dir_sector + index] = dir_sector + index + 1
    fat[dir_sector + dir_count - 1] = dir_sector if cyclic else _END
    for sector in fat_sectors:
        fat[sector] = _FAT
    for sector in difat_sectors:
        fat[sector] = _DIFAT_SECTOR
    header_difat = (fat_sectors[:109] + [_FREE] * 109)[:109]
    header = struct.pack(
        "<8s16s5H6s6I",
        ole.SIGNATURE,
        bytes(16),
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        fat_count,
        dir_sector,
        0,
        4096,
        _END,
    ) + struct.pack("<3I", 0, difat_sectors[0] if difat_sectors else _END, difat_count)
    header += struct.pack("<109I", *header_difat)
    body = bytearray(512 * (dir_sector + dir_count + fat_count + difat_count))
    directory = b"".join(entries).ljust(512 * dir_count, b"\0")
    body[512 * dir_sector : 512 * (dir_sector + dir_count)] = directory
    body[512 * fat_sectors[0] : 512 * (fat_sectors[-1] + 1)] = struct.pack(f"<{len(fat)}I", *fat)
    rest = fat_sectors[109:]
    for position, sector in enumerate(difat_sectors):
        chunk = (rest[127 * position : 127 * (position + 1)] + [_FREE] * 127)[:127]
        link = difat_sectors[position + 1] if position + 1 < difat_count else _END
        body[512 * sector : 512 * (sector + 1)] = struct.pack("<128I", *chunk, link)
    return header + bytes(body)


def _dir_entry(name: str, kind: int) -> bytes:
    encoded = name.encode("utf-16-le")
    return struct.pack(
        "<64sHBB3I16sI16sIQ",
        encoded,
        len(encoded) + 2,
        kind,
        1,
        _FREE,
        _FREE,
        _FREE,
        bytes(16),
        0,
        bytes(16),
        _END,
        0,
    )


# -- real documents ------------------------------------------------------------------------


def test_a_real_docx_is_read_with_its_main_part_and_relationships():
    pkg = read_package(JUNIPER)
    assert pkg.source == "zip"
    assert pkg.main_part == "word/document.xml"
    assert pkg.parts == zip_parts(JUNIPER)
    assert pkg.related("word/document.xml", RT_STYLES) == "word/styles.xml"
    assert etree.QName(pkg.xml(pkg.main_part)).localname == "document"
    assert pkg.content_type("word/styles.xml").endswith("styles+xml")


def test_part_names_are_looked_up_case_insensitively():
    pkg = read_package(JUNIPER)
    assert pkg.part("/Word/Document.XML") == pkg.parts["word/document.xml"]


@pytest.mark.parametrize(
    "content_type",
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ],
)
def test_macro_enabled_documents_and_templates_are_read(content_type):
    types = zip_parts(JUNIPER)["[Content_Types].xml"].replace(DOCX_MAIN, content_type.encode())
    pkg = read_package(juniper_with(content_types=types))
    assert pkg.content_type(pkg.main_part) == content_type


def test_flat_opc_from_get_ooxml_is_read_like_the_docx():
    pkg = read_package(flat_opc(JUNIPER))
    original = read_package(JUNIPER)
    assert pkg.source == "flat"
    assert pkg.main_part == "word/document.xml"
    assert pkg.parts["docProps/thumbnail.jpeg"] == original.parts["docProps/thumbnail.jpeg"]
    assert canonical(pkg.xml("word/document.xml")) == canonical(original.xml("word/document.xml"))
    assert pkg.content_type("word/numbering.xml") == original.content_type("word/numbering.xml")


def test_flat_opc_in_utf16_is_read():
    text = flat_opc(JUNIPER).decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
    pkg = read_package(text.encode("utf-16"))
    assert pkg.main_part == "word/document.xml"


# -- not a Word document -----------------------------------------------------------------


def test_empty_input_is_an_empty_document():
    with pytest.raises(EmptyDocumentError):
        read_package(b"")


@pytest.mark.parametrize(
    "data",
    [b"This is a contract.\n", random.Random(1).randbytes(5000), b"<html><body>x</body></html>"],
    ids=["plain text", "random bytes", "html"],
)
def test_text_and_random_bytes_are_not_ooxml(data):
    with pytest.raises(NotOoxmlError):
        read_package(data)


def test_a_pdf_is_named_as_a_pdf():
    with pytest.raises(NotOoxmlError, match="PDF"):
        read_package(b"%PDF-1.7\n%...")


@pytest.mark.parametrize(
    ("main", "content_type", "kind"),
    [
        ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "Excel"),
        (
            "ppt/presentation.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
            "PowerPoint",
        ),
    ],
)
def test_a_spreadsheet_or_presentation_is_named_as_such(main, content_type, kind):
    with pytest.raises(NotOoxmlError, match=kind):
        read_package(office_zip(main, content_type))


def test_a_random_zip_is_not_ooxml():
    with pytest.raises(NotOoxmlError, match="zip archive"):
        read_package(make_zip({"notes.txt": b"hello"}))


def test_an_opendocument_text_is_named_as_such():
    with pytest.raises(NotOoxmlError, match="OpenDocument"):
        read_package(make_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}))


def test_a_package_whose_main_part_is_not_w_document_is_not_ooxml():
    with pytest.raises(NotOoxmlError, match="w:document"):
        read_package(juniper_with(document=b'<x:document xmlns:x="urn:other"/>'))


def test_a_package_without_its_main_part_is_damaged():
    parts = zip_parts(JUNIPER)
    del parts["word/document.xml"]
    with pytest.raises(TruncatedDocumentError, match=r"word/document\.xml"):
        read_package(make_zip(parts))


# -- OLE compound files ------------------------------------------------------------------------


def test_a_word_97_document_is_a_legacy_doc_with_save_as_advice():
    with pytest.raises(LegacyWordError, match=r"Save As"):
        read_package(make_cfb(["WordDocument", "1Table", "\x05SummaryInformation"]))


def test_a_password_protected_docx_is_encrypted_not_legacy():
    with pytest.raises(EncryptedDocumentError, match="password"):
        read_package(make_cfb(["\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"]))


@pytest.mark.parametrize(("names", "kind"), [(["Workbook"], "Excel"), (["Contents"], "old-style")])
def test_other_compound_files_are_not_ooxml(names, kind):
    with pytest.raises(NotOoxmlError, match=kind):
        read_package(make_cfb(names))


def test_a_cyclic_directory_chain_is_read_once():
    data = make_cfb([f"Stream{i}" for i in range(9)] + ["WordDocument"], cyclic=True)
    assert "WordDocument" in ole.stream_names(data)
    with pytest.raises(LegacyWordError):
        read_package(data)


def test_a_directory_beyond_the_109_header_fat_sectors_is_found_through_the_difat():
    data = make_cfb(["WordDocument"], dir_sector=109 * 128 + 5)
    assert ole.stream_names(data) == {"Root Entry", "WordDocument"}


def test_a_compound_file_cut_after_its_header_is_not_ooxml():
    with pytest.raises(NotOoxmlError):
        read_package(make_cfb(["WordDocument"])[:600])


# -- Strict Open XML -------------------------------------------------------------------------


def test_strict_relationship_type_is_refused_with_save_as_advice():
    rels = zip_parts(JUNIPER)["_rels/.rels"].replace(RT_OFFICE_DOCUMENT, RT_OFFICE_DOCUMENT_STRICT.encode())
    with pytest.raises(StrictOoxmlError, match=r"Word Document \(\*\.docx\)"):
        read_package(juniper_with(rels=rels))


def test_strict_main_namespace_is_refused():
    document = zip_parts(JUNIPER)["word/document.xml"].replace(W.encode(), W_STRICT.encode())
    with pytest.raises(StrictOoxmlError):
        read_package(juniper_with(document=document))


# -- zip bombs -------------------------------------------------------------------------------


def test_more_parts_than_the_limit_are_refused():
    parts = zip_parts(JUNIPER) | {f"word/media/image{i}.png": b"x" for i in range(2001)}
    with pytest.raises(PackageLimitError, match="2000"):
        read_package(make_zip(parts))


def test_a_part_larger_than_the_limit_is_refused():
    noise = random.Random(2).randbytes(2 * 2**20)  # incompressible: the ratio stays near 1
    data = make_zip(zip_parts(JUNIPER) | {"word/media/image1.png": noise})
    assert read_package(data).parts["word/media/image1.png"] == noise
    with pytest.raises(PackageLimitError, match="larger than"):
        read_package(data, limits=Limits(max_part_size=2**20))


def test_parts_larger_in_total_than_the_limit_are_refused():
    noise = random.Random(3).randbytes(2**20)
    data = make_zip(zip_parts(JUNIPER) | {f"word/media/image{i}.png": noise for i in range(4)})
    with pytest.raises(PackageLimitError, match="unpacks to more"):
        read_package(data, limits=Limits(max_total_size=3 * 2**20))


def test_a_highly_compressed_part_is_refused_as_a_zip_bomb():
    data = make_zip(zip_parts(JUNIPER) | {"word/media/image1.png": bytes(20 * 2**20)})
    assert len(data) < 200_000
    with pytest.raises(PackageLimitError, match="zip bomb"):
        read_package(data)


def test_a_part_whose_declared_size_understates_it_is_damaged_not_inflated():
    bomb = make_zip(zip_parts(JUNIPER) | {"word/media/image1.png": bytes(30 * 2**20)})
    central = struct.unpack_from("<I", bomb, bomb.rindex(b"PK\x05\x06") + 16)[0]
    directory = bomb.index(b"word/media/image1.png", central) - 46
    lying = bytearray(bomb)
    struct.pack_into("<I", lying, directory + 24, 1000)  # uncompressed size: 1,000 bytes
    with pytest.raises(TruncatedDocumentError):
        read_package(bytes(lying))


# -- damaged zips --------------------------------------------------------------------------------


def test_a_zip_cut_in_half_is_truncated():
    with pytest.raises(TruncatedDocumentError, match="incomplete"):
        read_package(JUNIPER[: len(JUNIPER) // 2])


def test_a_zip_with_a_bad_crc_is_damaged():
    stored = bytearray(make_zip(zip_parts(JUNIPER), method=zipfile.ZIP_STORED))
    text = stored.index(b"Juniper", stored.index(b"word/document.xml"))
    stored[text] = ord("j")
    with pytest.raises(TruncatedDocumentError, match="damaged"):
        read_package(bytes(stored))


def test_a_document_part_that_is_not_well_formed_is_named():
    document = zip_parts(JUNIPER)["word/document.xml"]
    with pytest.raises(MalformedXmlError, match=r"word/document\.xml"):
        read_package(juniper_with(document=document[: len(document) // 2]))


def test_a_part_present_twice_is_damaged():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in zip_parts(JUNIPER).items():
            archive.writestr(name, data)
        archive.writestr("Word/Styles.xml", b"<x/>")
    with pytest.raises(TruncatedDocumentError, match="twice"):
        read_package(out.getvalue())


# -- writing back --------------------------------------------------------------------------------


def test_writing_without_changes_keeps_every_entry():
    out = write_package(read_package(JUNIPER), {})
    before = zipfile.ZipFile(io.BytesIO(JUNIPER)).infolist()
    after = zipfile.ZipFile(io.BytesIO(out)).infolist()
    assert [(i.filename, i.compress_type, i.date_time, i.CRC) for i in after] == [
        (i.filename, i.compress_type, i.date_time, i.CRC) for i in before
    ]
    assert zip_parts(out) == zip_parts(JUNIPER)


def _raw(data: bytes, name: str) -> bytes:
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    start = info.header_offset + 30 + len(info.filename)
    start += int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    return data[start : start + info.compress_size]


def test_a_changed_part_a_new_part_its_content_type_and_relationship_are_written():
    pkg = read_package(JUNIPER)
    comments = f'<w:comments xmlns:w="{W}"/>'.encode()
    document = pkg.parts["word/document.xml"].replace(b"Juniper", b"JUNIPER")
    rid, rels = add_relationship(pkg, "word/document.xml", RT_COMMENTS, "comments.xml")
    out = write_package(
        pkg,
        {"word/document.xml": document, "word/comments.xml": comments, **rels},
        content_types={"word/comments.xml": CT_COMMENTS},
    )
    again = read_package(out)
    assert again.parts["word/document.xml"] == document
    assert again.parts["word/comments.xml"] == comments
    assert again.content_type("word/comments.xml") == CT_COMMENTS
    assert (rid, RT_COMMENTS, "word/comments.xml", "Internal") in again.rels("word/document.xml")
    assert list(again.parts)[-1] == "word/comments.xml"
    unchanged = set(pkg.parts) - {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert {name: _raw(out, name) for name in unchanged} == {name: _raw(JUNIPER, name) for name in unchanged}


def test_only_the_new_override_is_added_to_the_content_types():
    pkg = read_package(JUNIPER)
    out = write_package(pkg, {"word/comments.xml": b"<x/>"}, content_types={"/word/comments.xml": CT_COMMENTS})
    before = etree.fromstring(pkg.parts["[Content_Types].xml"])
    after = etree.fromstring(zip_parts(out)["[Content_Types].xml"])
    assert [etree.tostring(el) for el in after[:-1]] == [etree.tostring(el) for el in before]
    assert after[-1].attrib == {"PartName": "/word/comments.xml", "ContentType": CT_COMMENTS}


def test_a_new_part_without_a_content_type_is_refused():
    with pytest.raises(ValueError, match=r"word/people\.bin"):
        write_package(read_package(JUNIPER), {"word/people.bin": b"x"})


def test_a_flat_opc_is_written_as_a_docx_zip():
    pkg = read_package(flat_opc(JUNIPER))
    out = write_package(pkg, {})
    assert zipfile.ZipFile(io.BytesIO(out)).namelist()[0] == "[Content_Types].xml"
    again = read_package(out)
    assert again.parts == pkg.parts
    assert again.content_type("word/document.xml") == DOCX_MAIN.decode()


def test_relationship_ids_are_fresh_and_identical_relationships_are_reused():
    pkg = read_package(JUNIPER)
    rid, rels = add_relationship(pkg, "word/document.xml", RT_COMMENTS, "comments.xml")
    existing = {rel[0] for rel in pkg.rels("word/document.xml")}
    assert rid not in existing
    again, unchanged = add_relationship(pkg, "word/document.xml", RT_COMMENTS, "comments.xml", changed=rels)
    assert (again, unchanged) == (rid, {})
    second, more = add_relationship(pkg, "word/document.xml", RT_COMMENTS + "Extended", "x.xml", changed=rels)
    assert second not in existing | {rid}
    assert more["word/_rels/document.xml.rels"].count(b"<Relationship ") == len(existing) + 2


def test_a_relationship_of_a_part_without_rels_creates_its_rels_part():
    pkg = read_package(JUNIPER)
    rid, rels = add_relationship(pkg, "word/comments.xml", RT_STYLES, "styles.xml")
    assert rid == "rId1"
    root = etree.fromstring(rels["word/_rels/comments.xml.rels"])
    assert [el.attrib["Target"] for el in root] == ["styles.xml"]


# -- more hostile zips and Flat OPC --------------------------------------------------------------


def with_zip64_end(data: bytes, count: int) -> bytes:
    """``data`` with a zip64 end record declaring ``count`` entries (the classic one says 0xFFFF)."""
    end = data.rindex(b"PK\x05\x06")
    size, offset = struct.unpack_from("<2L", data, end + 12)
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    classic = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, size, offset, 0)
    return data[:end] + record + locator + classic


def test_the_part_count_of_a_zip64_end_record_is_checked_before_the_directory_is_read():
    truthful = with_zip64_end(JUNIPER, len(zip_parts(JUNIPER)))
    assert read_package(truthful).parts == zip_parts(JUNIPER)
    with pytest.raises(PackageLimitError, match="5000 parts"):
        read_package(with_zip64_end(JUNIPER, 5000))


def test_a_zip_with_password_protected_entries_is_encrypted():
    data = bytearray(JUNIPER)
    central = struct.unpack_from("<I", data, data.rindex(b"PK\x05\x06") + 16)[0]
    data[central + 8] |= 0x1  # general purpose flag bit 0: the entry is encrypted
    with pytest.raises(EncryptedDocumentError):
        read_package(bytes(data))


def test_a_flat_opc_with_more_parts_than_the_limit_is_refused():
    with pytest.raises(PackageLimitError):
        read_package(flat_opc(JUNIPER), limits=Limits(max_parts=5))


def test_a_flat_opc_cut_short_is_malformed():
    flat = flat_opc(JUNIPER)
    with pytest.raises(MalformedXmlError, match="Flat OPC"):
        read_package(flat[: len(flat) // 2])


class _EndlessZeros(io.RawIOBase):
    """An entry stream that never ends, as if the declared sizes were not enforced."""

    def readinto(self, buffer):
        buffer[:] = bytes(len(buffer))
        return len(buffer)


def test_inflating_stops_at_the_limit_even_when_the_stream_outgrows_its_declared_size(monkeypatch):
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info: _EndlessZeros())
    with pytest.raises(PackageLimitError):
        read_package(JUNIPER)
