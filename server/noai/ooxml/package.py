"""Reading an OPC package (.docx, .docm, .dotx, .dotm or Flat OPC XML) from bytes, and writing
it back, all in memory.

Reading refuses, with a typed error a user understands: empty input, files that are not Word
documents (and says what they are when it can tell: a spreadsheet, an old .doc, a PDF ...),
password-protected files, Strict Open XML, zip bombs (``Limits``), damaged zips and XML with a
DTD. Strict Open XML is refused rather than mapped onto Transitional: it differs in more than
its namespaces (attribute values and units too), so a mapped copy would be neither.

Writing keeps every unchanged part byte for byte, in its original zip entry (name, order,
compression method, date), copying its compressed bytes as they are; only changed and new
parts are compressed again (zlib level 3, :data:`LEVEL`).
"""

from __future__ import annotations

import base64
import binascii
import io
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import NoReturn
from urllib.parse import unquote

from lxml import etree

from ..errors import (
    EmptyDocumentError,
    EncryptedDocumentError,
    LegacyWordError,
    MalformedXmlError,
    NotOoxmlError,
    PackageLimitError,
    StrictOoxmlError,
    TruncatedDocumentError,
)
from . import ole
from .ns import CT, PKG, RELS, RT_OFFICE_DOCUMENT, RT_OFFICE_DOCUMENT_STRICT, W_STRICT, W
from .xml import parse_xml, serialize_xml

CONTENT_TYPES = "[Content_Types].xml"

#: Content types of the main part of a document (.docx, .docm), a template (.dotx, .dotm).
WORD_MAIN_CONTENT_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)

_RELS_CONTENT_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_WORD_2003_XML = b"http://schemas.microsoft.com/office/word/2003/wordml"


@dataclass(frozen=True)
class Limits:
    """Zip bomb guards. The defaults are far above real contracts and far below harm.

    A 300-page contract has a ``word/document.xml`` of 5-10 MB and at most a few hundred parts
    (one per image, header, footer); a scanned exhibit can be an image of tens of MB. XML parts
    compress 5-20 times, images and fonts hardly at all, while deflate can reach 1,000 times on
    repeated bytes: a part above ``ratio_floor`` that expands more than ``max_ratio`` times is a
    bomb, not a contract.
    """

    max_parts: int = 2_000
    max_part_size: int = 64 * 2**20
    max_total_size: int = 256 * 2**20
    max_ratio: int = 200
    ratio_floor: int = 2**20


@dataclass(frozen=True)
class _ZipEntry:
    """One entry of the source zip: what write-back needs to copy it unchanged."""

    name: str
    method: int
    date_time: tuple[int, int, int, int, int, int]
    flag_bits: int
    crc: int
    size: int
    raw: memoryview  # the compressed bytes, CRC-checked when the part was read


@dataclass
class Package:
    """The parts of a package, by part name without the leading slash ("word/document.xml")."""

    parts: dict[str, bytes]
    source: str = "zip"  # "zip" | "flat"
    main_part: str = "word/document.xml"
    _entries: list[_ZipEntry] = field(default_factory=list, repr=False)
    _rels_cache: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict, repr=False)
    _xml_cache: dict[str, etree._Element] = field(default_factory=dict, repr=False)

    def part(self, name: str) -> bytes | None:
        return self.parts.get(self._actual_name(name))

    def xml(self, name: str) -> etree._Element:
        """The parsed root element of part ``name``, parsed once (the same element each call).

        :raise MalformedXmlError: the part is missing or not well-formed (the message names it).
        """
        name = self._actual_name(name)
        if name not in self._xml_cache:
            data = self.parts.get(name)
            if data is None:
                raise MalformedXmlError(f"The document is damaged: its part {name} is missing.")
            self._xml_cache[name] = parse_xml(data, name)
        return self._xml_cache[name]

    def rels(self, part_name: str) -> list[tuple[str, str, str, str]]:
        """``(Id, Type, target part name, TargetMode)`` of every ``Relationship`` of ``part_name``.

        ``part_name`` "" is the package itself (``_rels/.rels``).
        """
        if part_name in self._rels_cache:
            return self._rels_cache[part_name]
        rels_name = rels_part_name(part_name)
        out = []
        if rels_name in self.parts:
            folder = posixpath.dirname(part_name)
            for rel in self.xml(rels_name).iter(f"{{{RELS}}}Relationship"):
                mode = rel.get("TargetMode", "Internal")
                target = rel.get("Target", "")
                if mode != "External":
                    target = self._actual_name(_resolve(folder, target))
                out.append((rel.get("Id", ""), rel.get("Type", ""), target, mode))
        self._rels_cache[part_name] = out
        return out

    def related(self, part_name: str, rel_type: str) -> str | None:
        """The part name of the first relationship of type ``rel_type`` from ``part_name``."""
        for _id, typ, target, mode in self.rels(part_name):
            if typ == rel_type and mode != "External":
                return target
        return None

    def content_type(self, part_name: str) -> str | None:
        """The content type of ``part_name``: its ``Override``, else its extension's ``Default``."""
        return _content_type(self.xml(CONTENT_TYPES), part_name)

    def _actual_name(self, name: str) -> str:
        """``name`` as spelled in ``parts``: OPC part names are case-insensitive."""
        name = name.lstrip("/")
        if name in self.parts:
            return name
        folded = name.casefold()
        return next((key for key in self.parts if key.casefold() == folded), name)


def rels_part_name(part_name: str) -> str:
    """The relationships part of ``part_name``: ``word/document.xml`` -> ``word/_rels/document.xml.rels``."""
    folder, base = posixpath.split(part_name.lstrip("/"))
    return posixpath.join(folder, "_rels", base + ".rels")


def _resolve(folder: str, target: str) -> str:
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def _content_type(types: etree._Element, part_name: str) -> str | None:
    """The content type ``[Content_Types].xml`` (``types``) gives ``part_name``."""
    wanted = "/" + part_name.lstrip("/").casefold()
    for override in types.iter(f"{{{CT}}}Override"):
        if override.get("PartName", "").casefold() == wanted:
            return override.get("ContentType")
    extension = posixpath.splitext(wanted)[1].lstrip(".")
    for default in types.iter(f"{{{CT}}}Default"):
        if default.get("Extension", "").casefold() == extension:
            return default.get("ContentType")
    return None


# -- memory ----------------------------------------------------------------------------------

#: Process memory a byte of XML takes while a job reads, parses and analyses or rewrites it:
#: 13-16 measured on Word-made contracts of 3-28 MiB of XML (audit and redline, benchmarks/
#: service.py), rounded up.
MEMORY_PER_XML_BYTE = 20
#: Stories only the writer reads (to keep revision ids unique); the audit never parses them.
_STORIES = ("word/header", "word/footer", "word/footnotes", "word/endnotes")


def xml_bytes_to_parse(data: bytes, *, stories: bool) -> int:
    """Uncompressed bytes of the XML parts a job will parse, from the zip's central directory
    (nothing is inflated); the audit leaves out headers, footers, footnotes and endnotes
    (``stories``: the writer reads them). Flat OPC XML is parsed whole: its own size. Input
    that is neither counts as its size (the reader refuses it before parsing anything)."""
    if data[:2] != b"PK" or _declared_entry_count(data) > Limits().max_parts:
        return len(data)
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return len(data)
    return sum(
        info.file_size
        for info in infos
        if info.filename.lower().endswith((".xml", ".rels"))
        and not info.filename.lower().startswith(("docprops/", "customxml/", "word/glossary/", "word/media/"))
        and (stories or not info.filename.lower().startswith(_STORIES))
    )


# -- reading -------------------------------------------------------------------------------


def read_package(data: bytes, limits: Limits | None = None) -> Package:
    """The package in ``data``: a .docx/.docm/.dotx/.dotm zip or Word's Flat OPC XML.

    :raise DocumentError: (a subclass of it) when ``data`` is not a Word document we can read.
    """
    limits = limits or Limits()
    if not data:
        raise EmptyDocumentError("The file is empty.")
    if ole.is_ole(data):
        _refuse_compound_file(data)
    if data[:2] == b"PK":
        pkg = _read_zip(data, limits)
    elif _is_flat_opc(data):
        pkg = _read_flat(data, limits)
    else:
        raise NotOoxmlError(f"The file is not a Word document (.docx): {_describe(data)}.")
    _check_word_document(pkg)
    return pkg


def _refuse_compound_file(data: bytes) -> NoReturn:
    names = ole.stream_names(data)
    if {"EncryptionInfo", "EncryptedPackage"} <= names:
        raise EncryptedDocumentError(
            "The document is password-protected. Remove the password in Word (File > Info > "
            "Protect Document > Encrypt with Password, clear it) and upload it again."
        )
    if "WordDocument" in names:
        raise LegacyWordError(
            "This is a Word 97-2003 document (.doc). Open it in Word and use File > Save As > "
            "Word Document (*.docx), then upload the .docx."
        )
    kind = next(
        (kind for stream, kind in _LEGACY_OFFICE.items() if stream in names),
        "an old-style Office or Windows file",
    )
    raise NotOoxmlError(f"The file is not a Word document (.docx): it is {kind}.")


_LEGACY_OFFICE = {  # the main stream of each compound-file Office format
    "Workbook": "an Excel 97-2003 workbook",
    "PowerPoint Document": "a PowerPoint 97-2003 presentation",
}


_SIGNATURES = {
    b"%PDF": "it is a PDF file",
    b"{\\rtf": "it is an RTF document; open it in Word and save it as .docx",
}


def _describe(data: bytes) -> str:
    for signature, description in _SIGNATURES.items():
        if data.startswith(signature):
            return description
    if _WORD_2003_XML in data[:4096]:
        return "it is a Word 2003 XML document; open it in Word and save it as .docx"
    return "it is neither a zip package nor Word XML"


# -- zip -----------------------------------------------------------------------------------


def _read_zip(data: bytes, limits: Limits) -> Package:
    _check_entry_count(_declared_entry_count(data), limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise TruncatedDocumentError(
            "The file is damaged or incomplete: it starts like a Word document but its end is "
            "missing. Upload the complete file again."
        ) from None
    infos = [info for info in archive.infolist() if not info.is_dir()]
    _check_entry_count(len(infos), limits)
    for info in infos:
        _check_size(info.filename, info.file_size, limits, info.compress_size)
    _check_total(sum(info.file_size for info in infos), limits)
    parts, entries, folded, total = {}, [], set(), 0
    for info in infos:
        if info.filename.casefold() in folded:
            raise TruncatedDocumentError(f"The file is damaged: it holds the part {info.filename} twice.")
        folded.add(info.filename.casefold())
        parts[info.filename] = _inflate(archive, info, limits, total)
        total += len(parts[info.filename])
        entries.append(_zip_entry(data, info))
    return Package(parts, source="zip", _entries=entries)


def _declared_entry_count(data: bytes) -> int:
    """The entry count of the end of central directory record (zip64 too); 0 if not found.

    Read before ``zipfile`` builds one object per entry of a central directory of any length.
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 0xFFFF))
    if end < 0 or len(data) < end + 22:
        return 0
    count = int.from_bytes(data[end + 10 : end + 12], "little")
    locator = end - 20
    if count == 0xFFFF and locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        record = int.from_bytes(data[locator + 8 : locator + 16], "little")
        if data[record : record + 4] == b"PK\x06\x06":
            count = int.from_bytes(data[record + 32 : record + 40], "little")
    return count


def _check_entry_count(count: int, limits: Limits) -> None:
    if count > limits.max_parts:
        raise PackageLimitError(f"The document has {count} parts, more than the limit of {limits.max_parts}.")


def _check_size(name: str, size: int, limits: Limits, compressed: int | None = None) -> None:
    """Refuse a part of ``size`` bytes (``compressed`` in the zip) that exceeds a limit."""
    if size > limits.max_part_size:
        raise PackageLimitError(f"The part {name} is larger than the limit of {limits.max_part_size // 2**20} MiB.")
    if compressed is not None and size > max(limits.ratio_floor, limits.max_ratio * compressed):
        raise PackageLimitError(
            f"The part {name} expands more than {limits.max_ratio} times when unpacked; the file looks like a zip bomb."
        )


def _check_total(total: int, limits: Limits) -> None:
    if total > limits.max_total_size:
        raise PackageLimitError(f"The document unpacks to more than the limit of {limits.max_total_size // 2**20} MiB.")


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, before: int) -> bytes:
    """The bytes of one entry, inflated in chunks and stopped at a limit (sizes can lie).

    ``before`` is the size of the parts already inflated.
    """
    chunks, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(2**16):
                size += len(chunk)
                _check_size(info.filename, size, limits, info.compress_size)
                _check_total(before + size, limits)
                chunks.append(chunk)
    except RuntimeError:  # zipfile's "File ... is encrypted, password required"
        raise EncryptedDocumentError(
            "The document is password-protected. Remove the password and upload it again."
        ) from None
    except NotImplementedError:
        raise NotOoxmlError(
            f"The file is not a Word document (.docx): its part {info.filename} uses a "
            "compression method Word does not use."
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise TruncatedDocumentError(
            f"The file is damaged: its part {info.filename} cannot be unpacked (a checksum or "
            "the compressed data is wrong). Upload an undamaged copy."
        ) from None
    return b"".join(chunks)


def _zip_entry(data: bytes, info: zipfile.ZipInfo) -> _ZipEntry:
    """The compressed bytes of ``info``, located through its local file header."""
    header = info.header_offset
    name_length = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_length = int.from_bytes(data[header + 28 : header + 30], "little")
    start = header + 30 + name_length + extra_length
    return _ZipEntry(
        name=info.filename,
        method=info.compress_type,
        date_time=info.date_time,
        flag_bits=info.flag_bits,
        crc=info.CRC,
        size=info.file_size,
        raw=memoryview(data)[start : start + info.compress_size],
    )


# -- Flat OPC ------------------------------------------------------------------------------


def _is_flat_opc(data: bytes) -> bool:
    """Whether ``data`` is XML naming the ``pkg:`` namespace (Word's Flat OPC, getOoxml)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        data = data.decode("utf-16", errors="replace").encode()
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<" and PKG.encode() in data


def _read_flat(data: bytes, limits: Limits) -> Package:
    root = parse_xml(data, "The Flat OPC package")
    if root.tag != f"{{{PKG}}}package":
        raise NotOoxmlError("The file is XML but not a Word document package (pkg:package).")
    parts: dict[str, bytes] = {}
    types = etree.Element(f"{{{CT}}}Types", nsmap={None: CT})  # type: ignore[dict-item]  # lxml-stubs: None is the default namespace
    etree.SubElement(types, f"{{{CT}}}Default", Extension="rels", ContentType=_RELS_CONTENT_TYPE)
    total = 0
    for element in root.iterchildren(f"{{{PKG}}}part"):
        name = element.get(f"{{{PKG}}}name", "").lstrip("/")
        _check_entry_count(len(parts) + 1, limits)
        parts[name] = _flat_part_bytes(element, name)
        _check_size(name, len(parts[name]), limits)
        total += len(parts[name])
        _check_total(total, limits)
        if not name.endswith(".rels"):
            etree.SubElement(
                types,
                f"{{{CT}}}Override",
                PartName="/" + name,
                ContentType=element.get(f"{{{PKG}}}contentType", "application/xml"),
            )
    parts[CONTENT_TYPES] = serialize_xml(types)
    return Package(parts, source="flat")


def _flat_part_bytes(element: etree._Element, name: str) -> bytes:
    """The bytes of one ``pkg:part``: its ``pkg:xmlData`` element or its ``pkg:binaryData``."""
    xml_data = element.find(f"{{{PKG}}}xmlData")
    if xml_data is not None and len(xml_data):
        return serialize_xml(xml_data[0])
    binary = element.find(f"{{{PKG}}}binaryData")
    try:
        if binary is None:
            raise binascii.Error("neither pkg:xmlData nor pkg:binaryData")
        return base64.b64decode("".join((binary.text or "").split()), validate=True)
    except binascii.Error:
        raise MalformedXmlError(f"The part {name} of the Flat OPC package has no readable content.") from None


# -- is it a Word document? ----------------------------------------------------------------


def _check_word_document(pkg: Package) -> None:
    """A main part, related from the package, with a WordprocessingML main content type."""
    if CONTENT_TYPES not in pkg.parts:
        raise NotOoxmlError(f"The file is not a Word document (.docx): {_describe_zip(pkg)}.")
    if pkg.related("", RT_OFFICE_DOCUMENT_STRICT):
        _refuse_strict()
    main = pkg.related("", RT_OFFICE_DOCUMENT)
    if main is None:
        raise NotOoxmlError("The file is a package but not a Word document: it has no main document part.")
    content_type = pkg.content_type(main) or ""
    if content_type not in WORD_MAIN_CONTENT_TYPES:
        raise NotOoxmlError(f"The file is not a Word document (.docx): {_describe_office(content_type)}.")
    if main not in pkg.parts:
        raise TruncatedDocumentError(f"The document is damaged: its main part {main} is missing.")
    pkg.main_part = main
    tag = etree.QName(pkg.xml(main))
    if tag.namespace == W_STRICT:
        _refuse_strict()
    if tag.namespace != W or tag.localname != "document":
        raise NotOoxmlError(f"The file is not a Word document (.docx): {main} is not w:document.")


def _refuse_strict() -> NoReturn:
    raise StrictOoxmlError(
        'The document is saved as "Strict Open XML Document". Open it in Word and use File > '
        'Save As > "Word Document (*.docx)", then upload that file.'
    )


def _describe_zip(pkg: Package) -> str:
    if pkg.parts.get("mimetype", b"").startswith(b"application/vnd.oasis.opendocument.text"):
        return "it is an OpenDocument text (.odt); save it as .docx"
    return "it is a zip archive but not an Office document"


def _describe_office(content_type: str) -> str:
    if "spreadsheetml" in content_type or "ms-excel" in content_type:
        return "it is an Excel spreadsheet"
    if "presentationml" in content_type or "ms-powerpoint" in content_type:
        return "it is a PowerPoint presentation"
    return "it is an Office package of another kind"


# -- writing -------------------------------------------------------------------------------


def write_package(pkg: Package, changed: dict[str, bytes], *, content_types: dict[str, str] | None = None) -> bytes:
    """A .docx zip of ``pkg`` with the parts in ``changed`` replaced or added.

    Every other part keeps its zip entry as it was (compressed bytes, method, date, order);
    new parts follow the original entries. ``content_types`` maps part names to the content
    type their ``Override`` in ``[Content_Types].xml`` gets. A Flat OPC package becomes a zip.

    :raise ValueError: a new part would have no content type.
    """
    changed = {pkg._actual_name(name): data for name, data in changed.items()}
    if content_types:
        changed[CONTENT_TYPES] = _with_overrides(changed.get(CONTENT_TYPES, pkg.parts[CONTENT_TYPES]), content_types)
    _check_typed(pkg, changed)
    writer = _ZipWriter()
    for entry in pkg._entries:
        data = changed.pop(entry.name, None)
        if entry.method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) and (
            data is None or data == pkg.parts[entry.name]
        ):
            writer.copy(entry)
        else:
            writer.add(entry.name, pkg.parts[entry.name] if data is None else data, entry)
    if not pkg._entries:  # Flat OPC: [Content_Types].xml first, as Word writes it
        for name in sorted(pkg.parts, key=lambda name: name != CONTENT_TYPES):
            writer.add(name, changed.pop(name, pkg.parts[name]))
    for name, data in changed.items():
        writer.add(name, data)
    return writer.finish()


def _with_overrides(data: bytes, content_types: dict[str, str]) -> bytes:
    """``[Content_Types].xml`` with an ``Override`` per part of ``content_types``, nothing else changed."""
    types = parse_xml(data, CONTENT_TYPES)
    overrides = {el.get("PartName", "").casefold(): el for el in types.iter(f"{{{CT}}}Override")}
    for name, content_type in content_types.items():
        part_name = "/" + name.lstrip("/")
        override = overrides.get(part_name.casefold())
        if override is None:
            etree.SubElement(types, f"{{{CT}}}Override", PartName=part_name, ContentType=content_type)
        else:
            override.set("ContentType", content_type)
    return serialize_xml(types)


def _check_typed(pkg: Package, changed: dict[str, bytes]) -> None:
    new = [name for name in changed if name not in pkg.parts]
    types = parse_xml(changed.get(CONTENT_TYPES, pkg.parts[CONTENT_TYPES]), CONTENT_TYPES)
    untyped = [name for name in new if _content_type(types, name) is None]
    if untyped:
        raise ValueError(f"new parts without a content type: {', '.join(untyped)}")


def add_relationship(
    pkg: Package,
    source_part: str,
    rel_type: str,
    target: str,
    *,
    changed: dict[str, bytes] | None = None,
) -> tuple[str, dict[str, bytes]]:
    """Add a ``Relationship`` from ``source_part`` to ``target`` (relative to its folder).

    Returns its ``Id`` (a fresh ``rIdN`` above every existing one) and ``{rels part name: new
    bytes}`` to merge into ``changed``; the ``.rels`` is taken from ``changed`` when it is
    already there. An identical relationship (same type and target) is reused: its ``Id`` and
    ``{}``.
    """
    rels_name = pkg._actual_name(rels_part_name(source_part))
    data = (changed or {}).get(rels_name, pkg.parts.get(rels_name))
    if data is None:
        root = etree.Element(f"{{{RELS}}}Relationships", nsmap={None: RELS})  # type: ignore[dict-item]  # as above
    else:
        root = parse_xml(data, rels_name)
    relationships = list(root.iter(f"{{{RELS}}}Relationship"))
    for rel in relationships:
        existing = rel.get("Id")
        if existing is not None and rel.get("Type") == rel_type and rel.get("Target") == target:
            return existing, {}
    numbers = [int(rid[3:]) for rel in relationships if _is_rid(rid := rel.get("Id", ""))]
    rid = f"rId{max(numbers, default=0) + 1}"
    etree.SubElement(root, f"{{{RELS}}}Relationship", Id=rid, Type=rel_type, Target=target)
    return rid, {rels_name: serialize_xml(root)}


def _is_rid(rid: str) -> bool:
    return rid.startswith("rId") and rid[3:].isdigit() and rid[3:].isascii()


_WORD_DATE = (1980, 1, 1, 0, 0, 0)  # the date Word gives every entry
# The zlib level of a changed or new part. Deflating a redline's ``word/document.xml`` (0.5-2 MB of XML) was a third
# of the writer's time at level 6 (Word's): level 3 takes half the time (ccs-ict repeated 9.7 -> 4.6 ms, cp 10.1 ->
# 4.8) for a part 20-25 % larger (116 -> 140 kB, 111 -> 138 kB; make_large's 15 -> 27 kB). Levels 1 and 2 are no
# faster on this XML and larger still. Any level is plain deflate: Word and LibreOffice open it alike, and our own
# reading's zip-bomb ratio (``Limits.max_ratio``) only gets more room, as the part compresses less.
LEVEL = 3
_KEPT_FLAGS = 0x6  # deflate option bits; sizes always go in the local header, not a descriptor
_UTF8_FLAG = 0x800


class _ZipWriter:
    """A minimal zip writer: local headers with sizes, the central directory, no zip64.

    ``copy`` writes an entry's compressed bytes as they are; ``add`` compresses with zlib level
    :data:`LEVEL`, keeping the method and date of the entry it replaces.
    """

    def __init__(self) -> None:
        self._out = io.BytesIO()
        self._directory: list[bytes] = []

    def copy(self, entry: _ZipEntry) -> None:
        self._write(
            entry.name, entry.method, entry.date_time, entry.flag_bits & _KEPT_FLAGS, entry.crc, entry.size, entry.raw
        )

    def add(self, name: str, data: bytes, like: _ZipEntry | None = None) -> None:
        if like is not None and like.method == zipfile.ZIP_STORED:
            method, raw = zipfile.ZIP_STORED, data
        else:
            compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
            method, raw = zipfile.ZIP_DEFLATED, compressor.compress(data) + compressor.flush()
        date_time = like.date_time if like is not None else _WORD_DATE
        self._write(name, method, date_time, 0, zlib.crc32(data), len(data), raw)

    def _write(
        self,
        name: str,
        method: int,
        date_time: tuple[int, int, int, int, int, int],
        flags: int,
        crc: int,
        size: int,
        raw: bytes | memoryview,
    ) -> None:
        encoded = name.encode("utf-8")
        if not name.isascii():
            flags |= _UTF8_FLAG
        year, month, day, hour, minute, second = date_time
        fields = (
            20,
            flags,
            method,
            hour << 11 | minute << 5 | second // 2,
            max(year - 1980, 0) << 9 | month << 5 | day,
            crc,
            len(raw),
            size,
            len(encoded),
            0,
        )
        offset = self._out.tell()
        self._check_zip32(offset + len(raw), size=size)
        self._out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields) + encoded)
        self._out.write(raw)
        self._directory.append(struct.pack("<4sH5H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, offset) + encoded)

    def finish(self) -> bytes:
        start = self._out.tell()
        for record in self._directory:
            self._out.write(record)
        count, length = len(self._directory), self._out.tell() - start
        self._check_zip32(start + length, count=count)
        self._out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, length, start, 0))
        return self._out.getvalue()

    @staticmethod
    def _check_zip32(offset: int, size: int = 0, count: int = 0) -> None:
        if offset >= 2**32 or size >= 2**32 or count >= 0xFFFF:
            raise PackageLimitError("The document is too large to be written as a .docx.")
