"""Namespaces of WordprocessingML and OPC: the only place their URIs are spelled."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
PKG = "http://schemas.microsoft.com/office/2006/xmlPackage"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Strict OOXML (ISO/IEC 29500 Strict) spells the same vocabulary under other URIs.
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"

RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_OFFICE_DOCUMENT_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"

CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

NSMAP = {"w": W, "r": R, "mc": MC, "w14": W14, "pkg": PKG, "ct": CT, "rel": RELS}


def qn(tag: str) -> str:
    """Clark name of a prefixed tag: ``qn("w:p")`` -> ``{http://...main}p``."""
    prefix, _, local = tag.partition(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def wattr(el: _Element, name: str, default: str | None = None) -> str | None:
    """The ``w:``-namespaced attribute ``name`` of ``el``."""
    return el.get(f"{{{W}}}{name}", default)
