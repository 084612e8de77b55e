"""The one XML parser of the project: no DTDs, no entities, no network.

``lxml`` with ``resolve_entities=False`` still keeps an internal DTD subset and its entity
declarations; a hostile package could declare a billion-laughs entity or an external one. We
refuse any document that has a ``<!DOCTYPE`` at all (WordprocessingML never needs one), so
nothing is ever expanded or fetched.

The DOCTYPE check is exact, not a search of the first bytes: expat reads the prolog (XML
declaration, comments, processing instructions, in any encoding expat knows) and stops at the
first element, or at the DOCTYPE, before any declaration in it is looked at. A comment or
CDATA section that merely *contains* the text ``<!DOCTYPE`` is not refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn
from xml.parsers import expat

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


class _Doctype(Exception):
    """Raised by the expat handler on ``<!DOCTYPE``: stops the scan at once."""


class _RootElement(Exception):
    """Raised by the expat handler on the first start tag: the prolog is clean."""


def _raise(exc: type[Exception]) -> Callable[..., NoReturn]:
    def handler(*_args: object) -> NoReturn:
        raise exc

    return handler


def _check_prolog(data: bytes, part_name: str) -> None:
    """Refuse ``data`` if its prolog holds a document type declaration."""
    scanner = expat.ParserCreate()
    scanner.StartDoctypeDeclHandler = _raise(_Doctype)
    scanner.StartElementHandler = _raise(_RootElement)
    try:
        scanner.Parse(data, True)
    except _RootElement:
        return
    except _Doctype:
        raise UnsafeXmlError(
            f"{part_name} declares a DTD or entities; Word documents never do, so it was refused "
            "without being expanded."
        ) from None
    except expat.ExpatError as exc:
        raise MalformedXmlError(
            f"{part_name} is not well-formed XML ({expat.ErrorString(exc.code)}, line {exc.lineno})."
        ) from None


def parse_xml(data: bytes, part_name: str = "XML part") -> etree._Element:
    """Parse one XML part, refusing DTDs and entity declarations."""
    _check_prolog(data, part_name)
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise MalformedXmlError(f"{part_name} is not well-formed XML ({exc.msg}).") from None


def serialize_xml(root: etree._Element) -> bytes:
    """Serialize a part the way Word writes it: UTF-8, standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
