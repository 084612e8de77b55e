"""Reading and writing an OPC package (.docx) from and to bytes, in memory.

FIRST VERSION (foundation): plain zip reading and relationship lookup. The safety limits,
Flat OPC, OLE detection and Strict handling are added on top of this interface.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from ..errors import NotOoxmlError
from .ns import RELS, RT_OFFICE_DOCUMENT
from .xml import parse_xml


@dataclass
class Package:
    """The parts of a package, by part name without the leading slash ("word/document.xml")."""

    parts: dict[str, bytes]
    source: str = "zip"  # "zip" | "flat"
    main_part: str = "word/document.xml"
    _rels_cache: dict = field(default_factory=dict, repr=False)

    def part(self, name: str) -> bytes | None:
        return self.parts.get(name)

    def rels(self, part_name: str) -> list[tuple[str, str, str, str]]:
        """``(Id, Type, target part name, TargetMode)`` of every relationship of ``part_name``."""
        if part_name in self._rels_cache:
            return self._rels_cache[part_name]
        folder, base = posixpath.split(part_name)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        out = []
        data = self.parts.get(rels_name)
        if data is not None:
            root = parse_xml(data, rels_name)
            for rel in root.iter(f"{{{RELS}}}Relationship"):
                mode = rel.get("TargetMode", "Internal")
                target = rel.get("Target", "")
                if mode != "External":
                    if target.startswith("/"):
                        target = target[1:]
                    else:
                        target = posixpath.normpath(posixpath.join(folder, target))
                out.append((rel.get("Id", ""), rel.get("Type", ""), target, mode))
        self._rels_cache[part_name] = out
        return out

    def related(self, part_name: str, rel_type: str) -> str | None:
        """The part name of the first relationship of type ``rel_type`` from ``part_name``."""
        for _id, typ, target, mode in self.rels(part_name):
            if typ == rel_type and mode != "External":
                return target
        return None


def read_package(data: bytes) -> Package:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise NotOoxmlError("The file is not a Word document (.docx): it is not a zip package.") from None
    parts = {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}
    pkg = Package(parts)
    main = pkg.related("", RT_OFFICE_DOCUMENT)
    if main is None or main not in parts:
        raise NotOoxmlError("The file is a zip package but not a Word document.")
    pkg.main_part = main
    return pkg
