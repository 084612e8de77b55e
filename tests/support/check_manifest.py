"""Offline checks of an Office add-in XML manifest, for the tests.

1. XSD validation with lxml against the vendored schema set
   (tests/data/addin-manifest-xsd/OfficeAppManifestV1_1.xsd and the files it imports).
2. The rules the XSD cannot express but Microsoft's docs and validation service require:
   https-only URLs, ribbon ``<Icon>`` sets with sizes 16/32/80, every ``resid`` resolving to a
   ``<Resources>`` entry and at most 32 characters long, ``Permissions`` ReadWriteDocument,
   a ``SupportUrl``.

Adapted from the research tool shared/tools/check_manifest.py.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent.parent / "data" / "addin-manifest-xsd"
NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "ov": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
}
ICON_SIZES = {"16", "32", "80"}


def manifest_errors(xml: bytes | str) -> list[str]:
    """Return every XSD and rule violation of the manifest *xml* (empty when it is valid)."""
    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    doc = etree.ElementTree(etree.fromstring(xml))
    return xsd_errors(doc) + rule_errors(doc)


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_DIR / "OfficeAppManifestV1_1.xsd")))


def xsd_errors(doc: etree._ElementTree) -> list[str]:
    """Return the schema violations of *doc*, one line each."""
    schema = _schema()
    if schema.validate(doc):
        return []
    return [f"XSD line {e.line}: {e.message}" for e in schema.error_log]


def rule_errors(doc: etree._ElementTree) -> list[str]:
    """Return the violations of the rules the XSD does not encode."""
    root = doc.getroot()
    return _url_errors(root) + _permission_errors(root) + _resid_errors(root) + _icon_errors(root)


def _url_errors(root) -> list[str]:
    errs = []
    for el in root.iter(etree.Element):
        for attr in ("DefaultValue", "Value"):
            value = el.get(attr)
            if value and "://" in value and urlparse(value).scheme != "https":
                errs.append(f"non-https URL in <{etree.QName(el).localname}>: {value}")
    for domain in root.findall("o:AppDomains/o:AppDomain", NS):
        if urlparse((domain.text or "").strip()).scheme not in ("https", ""):
            errs.append(f"AppDomain not https: {domain.text}")
    if root.find("o:SupportUrl", NS) is None:
        errs.append("SupportUrl missing (required for AppSource)")
    return errs


def _permission_errors(root) -> list[str]:
    permission = root.findtext("o:Permissions", namespaces=NS)
    if permission != "ReadWriteDocument":
        return [f"Permissions is {permission!r}, expected 'ReadWriteDocument'"]
    return []


def _resid_errors(root) -> list[str]:
    errs = []
    ids = set()
    for resource in root.iterfind(".//ov:Resources/*/*", NS):
        rid = resource.get("id")
        if rid:
            ids.add(rid)
            if len(rid) > 32:
                errs.append(f"resource id longer than 32 chars: {rid}")
    for el in root.iter(etree.Element):
        rid = el.get("resid")
        if rid is None:
            continue
        if len(rid) > 32:
            errs.append(f"resid longer than 32 chars: {rid}")
        if rid not in ids:
            errs.append(f"resid {rid!r} on <{etree.QName(el).localname}> not defined in Resources")
    return errs


def _icon_errors(root) -> list[str]:
    errs = []
    for icon in root.iterfind(".//ov:Icon", NS):
        missing = ICON_SIZES - {img.get("size") for img in icon.findall("bt:Image", NS)}
        if missing:
            errs.append(f"<Icon> line {icon.sourceline} lacks sizes {sorted(missing)}")
    return errs
