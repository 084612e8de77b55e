"""The memory of a negotiation round, kept inside the document as a custom XML part.

A redline records what it proposed (one :class:`Proposal` per edit: clause, variant, protection,
the text written and its fingerprint, the anchor, the revision and comment ids, author, date and
round number) in ``customXml/itemN.xml``, with its properties part ``customXml/itemPropsN.xml``
(its own GUID and the record's namespace as schema reference), related from the main document
part as Word relates custom XML data: Word keeps such a part through open, edit and save.

The next round reads it back (:func:`read_rounds`) and appends its own round to the same part
(:func:`record_parts`), so the part holds every round this document went through.

XML only: no clause knowledge (a protection is a name as the caller gives it).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from .ns import CT
from .package import Package, add_relationship
from .xml import parse_xml, serialize_xml

NOAI = "urn:noai:redline-record:1"
DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
RT_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
CT_XML = "application/xml"
_N = "{%s}" % NOAI
_DS = "{%s}" % DS
# The GUIDs of our record parts are derived from their content (the engine reads no clock and no
# randomness): the same redline of the same document gives the same bytes.
_GUID_NAMESPACE = uuid.UUID("6f1c1a52-41e4-4c39-9a3e-5d0a3b8a7e16")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """``text`` as compared across rounds: whitespace runs as one space, ends trimmed, curly quotes straight."""
    return _SPACE.sub(" ", text.replace("“", '"').replace("”", '"').replace("’", "'")).strip()


def fingerprint(text: str) -> str:
    """16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Proposal:
    """One edit of a round as written: ``texts`` are the paragraphs inserted (``insert_after``),
    or ``[find, replacement]`` (``replace``), or ``[phrase]`` (``comment``); ``comment`` is the
    text of the comment written with it, if any; ``anchor_at``, for a ``replace``, where in ``anchor_text`` the
    words it replaced began (None in records written before it was kept)."""

    id: str
    op: str
    clause: str
    variant: str
    protection: str | None
    anchor_index: int
    anchor_text: str
    texts: tuple[str, ...]
    comment: str | None = None
    revision_ids: tuple[int, ...] = ()
    comment_ids: tuple[int, ...] = ()
    anchor_at: int | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint("\n".join(self.texts))


@dataclass(frozen=True, slots=True)
class Round:
    number: int
    author: str
    date: str  # w:date as written on the revisions
    proposals: tuple[Proposal, ...] = field(default=())


def _find_record(package: Package) -> tuple[str | None, etree._Element | None]:
    """The part name and root of the record related from the main part, if there is one."""
    for _id, rel_type, target, mode in package.rels(package.main_part):
        if mode == "External" or rel_type != RT_CUSTOM_XML:
            continue
        data = package.part(target)
        if data is None or NOAI.encode() not in data:
            continue
        try:
            root = parse_xml(data, target)
        except Exception:
            continue
        if root.tag == _N + "record":
            return target, root
    return None, None


def _ints(value: str | None) -> tuple[int, ...]:
    return tuple(int(v) for v in (value or "").split() if v.lstrip("-").isdigit())


def _at(anchor: etree._Element | None) -> int | None:
    at = None if anchor is None else anchor.get("at", "")
    return int(at) if at and at.isdigit() else None


def read_rounds(package: Package) -> list[Round]:
    """The rounds recorded in the document, oldest first ([] when it holds no record)."""
    _name, root = _find_record(package)
    if root is None:
        return []
    rounds: list[Round] = []
    for r in root.iter(_N + "round"):
        proposals = []
        for p in r.iter(_N + "proposal"):
            anchor = p.find(_N + "anchor")
            comment = p.find(_N + "comment")
            proposals.append(
                Proposal(
                    id=p.get("id", ""),
                    op=p.get("op", ""),
                    clause=p.get("clause", ""),
                    variant=p.get("variant", ""),
                    protection=p.get("protection") or None,
                    anchor_index=int(anchor.get("index", "0"))
                    if anchor is not None and anchor.get("index", "").isdigit()
                    else 0,
                    anchor_text=(anchor.text or "") if anchor is not None else "",
                    texts=tuple(t.text or "" for t in p.iter(_N + "text")),
                    comment=None if comment is None else (comment.text or ""),
                    revision_ids=_ints(p.get("revisions")),
                    comment_ids=_ints(p.get("comments")),
                    anchor_at=_at(anchor),
                )
            )
        number = r.get("number", "")
        rounds.append(
            Round(
                int(number) if number.isdigit() else len(rounds) + 1,
                r.get("author", ""),
                r.get("date", ""),
                tuple(proposals),
            )
        )
    return rounds


def _round_element(parent: etree._Element, round_: Round) -> None:
    r = etree.SubElement(parent, _N + "round", number=str(round_.number), author=round_.author, date=round_.date)
    for prop in round_.proposals:
        attrs = {
            "id": prop.id,
            "op": prop.op,
            "clause": prop.clause,
            "variant": prop.variant,
            "fingerprint": prop.fingerprint,
        }
        if prop.protection:
            attrs["protection"] = prop.protection
        if prop.revision_ids:
            attrs["revisions"] = " ".join(map(str, prop.revision_ids))
        if prop.comment_ids:
            attrs["comments"] = " ".join(map(str, prop.comment_ids))
        p = etree.SubElement(r, _N + "proposal", attrs)
        anchor = etree.SubElement(p, _N + "anchor", index=str(prop.anchor_index))
        if prop.anchor_at is not None:
            anchor.set("at", str(prop.anchor_at))
        anchor.text = prop.anchor_text
        for text in prop.texts:
            etree.SubElement(p, _N + "text").text = text
        if prop.comment is not None:
            etree.SubElement(p, _N + "comment").text = prop.comment


def _free_item_number(parts: Mapping[str, bytes]) -> int:
    taken = {name.casefold() for name in parts}
    n = 1
    while f"customxml/item{n}.xml" in taken or f"customxml/itemprops{n}.xml" in taken:
        n += 1
    return n


def _props(guid: str) -> bytes:
    root = etree.Element(_DS + "datastoreItem", {_DS + "itemID": guid}, nsmap={"ds": DS})
    refs = etree.SubElement(root, _DS + "schemaRefs")
    etree.SubElement(refs, _DS + "schemaRef", {_DS + "uri": NOAI})
    return serialize_xml(root)


def record_parts(
    package: Package, round_: Round, changed: Mapping[str, bytes]
) -> tuple[dict[str, bytes], dict[str, str]]:
    """The parts to add or replace so the document records ``round_`` after the rounds it already
    records: ``({part name: bytes}, {new part name: content type})``. ``changed`` holds the parts
    the caller already changes (a ``.rels`` among them is built on)."""
    name, root = _find_record(package)
    out: dict[str, bytes] = {}
    types: dict[str, str] = {}
    if root is None:
        root = etree.Element(_N + "record", nsmap={None: NOAI})  # type: ignore[dict-item]  # lxml-stubs: None prefix
        n = _free_item_number(package.parts)
        name, props_name = f"customXml/item{n}.xml", f"customXml/itemProps{n}.xml"
        folder = posixpath.dirname(package.main_part)
        _rid, rels = add_relationship(
            package, package.main_part, RT_CUSTOM_XML, posixpath.relpath(name, folder), changed=dict(changed)
        )
        out.update(rels)
        _rid, item_rels = add_relationship(package, name, RT_CUSTOM_XML_PROPS, f"itemProps{n}.xml")
        out.update(item_rels)
        types[props_name] = CT_CUSTOM_XML_PROPS
        if not _has_default(package, "xml"):
            types[name] = CT_XML
        _round_element(root, round_)
        data = serialize_xml(root)
        out[props_name] = _props("{%s}" % str(uuid.uuid5(_GUID_NAMESPACE, data.hex())).upper())
    else:
        assert name is not None  # found with its root
        root = parse_xml(serialize_xml(root), name)  # a copy: the package's parsed tree stays as read
        _round_element(root, round_)
        data = serialize_xml(root)
    out[str(name)] = data
    return out, types


def _has_default(package: Package, extension: str) -> bool:
    types = package.xml("[Content_Types].xml")
    return any(el.get("Extension", "").casefold() == extension for el in types.iter(f"{{{CT}}}Default"))
