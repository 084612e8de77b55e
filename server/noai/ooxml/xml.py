"""The one XML parser of the project: no DTDs, no entities, no network.

``lxml`` with ``resolve_entities=False`` still keeps an internal DTD subset and its entity
declarations; a hostile package could declare a billion-laughs entity or an external one. We
refuse any document that has a DOCTYPE at all (WordprocessingML never needs one), so nothing is
ever expanded or fetched.
"""

from __future__ import annotations

from lxml import etree

from ..errors import MalformedXmlError, UnsafeXmlError

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    dtd_validation=False,
    load_dtd=False,
    huge_tree=True,  # big contracts are legitimate; size is bounded by the package limits
    remove_blank_text=False,
)


def parse_xml(data: bytes, part_name: str = "XML part") -> etree._Element:
    """Parse one XML part, refusing DTDs and entity declarations."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"<!doctype" in head:
        raise UnsafeXmlError(
            f"{part_name} declares a DTD or entities; Word documents never do, so it was refused "
            "without being expanded."
        )
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise MalformedXmlError(f"{part_name} is not well-formed XML ({exc.msg}).") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise UnsafeXmlError(f"{part_name} declares a DTD; it was refused without being expanded.")
    return root


def serialize_xml(root: etree._Element) -> bytes:
    """Serialize a part the way Word writes it: UTF-8, standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
