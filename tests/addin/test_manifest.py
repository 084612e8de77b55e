"""The add-in manifest against the vendored XSDs plus the rules the XSD cannot express."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from noai.errors import ManifestUrlError
from noai.manifest import DEFAULT_ADD_IN_ID, render_manifest

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "manifest.xml"
NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "ov": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
}


def mutate(xpath: str, change) -> bytes:
    """Return the real manifest with *change* applied to the first element matching *xpath*."""
    root = etree.fromstring(MANIFEST.read_bytes())
    matches = root.xpath(xpath, namespaces=NS)
    assert matches, f"{xpath} matches nothing in manifest.xml"
    change(matches[0])
    return etree.tostring(root)


def test_the_committed_manifest_passes_the_schema_and_the_rules(check_manifest):
    assert check_manifest.manifest_errors(MANIFEST.read_bytes()) == []


def test_the_committed_manifest_is_what_render_manifest_gives_for_localhost():
    assert MANIFEST.read_text(encoding="utf-8") == render_manifest("https://localhost:8443")


def test_the_manifest_opens_the_task_pane_from_a_home_tab_button():
    root = etree.fromstring(MANIFEST.read_bytes())
    assert root.findtext("o:Id", namespaces=NS) == DEFAULT_ADD_IN_ID
    assert root.find("o:Hosts/o:Host", NS).get("Name") == "Document"
    assert root.find("o:Requirements/o:Sets/o:Set", NS).attrib == {"Name": "WordApi", "MinVersion": "1.3"}
    assert (
        root.find("o:DefaultSettings/o:SourceLocation", NS).get("DefaultValue")
        == "https://localhost:8443/addin/taskpane.html"
    )
    tab = root.find(".//ov:ExtensionPoint/ov:OfficeTab", NS)
    assert tab.get("id") == "TabHome"
    action = tab.find(".//ov:Control/ov:Action", NS)
    assert action.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "ShowTaskpane"


def test_every_icon_the_manifest_names_exists_with_its_size():
    text = MANIFEST.read_text(encoding="utf-8")
    for size in re.findall(r"/addin/assets/icon-(\d+)\.png", text):
        png = (ROOT / "addin" / "assets" / f"icon-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (int(size), int(size))


BROKEN = {
    "bad GUID": ("/o:OfficeApp/o:Id", lambda el: setattr(el, "text", "not-a-guid"), "facet 'pattern'"),
    "http URL": (
        "//o:SourceLocation",
        lambda el: el.set("DefaultValue", "http://localhost:8443/addin/taskpane.html"),
        "non-https URL",
    ),
    "missing 80 px icon": (
        "(//ov:Icon)[1]/bt:Image[@size='80']",
        lambda el: el.getparent().remove(el),
        "lacks sizes ['80']",
    ),
    "unresolved resid": ("//ov:Control/ov:Label", lambda el: el.set("resid", "Nowhere.Label"), "'Nowhere.Label'"),
    "resid over 32 characters": ("//ov:Control/ov:Label", lambda el: el.set("resid", "B" * 33), "longer than 32"),
    "no SupportUrl": ("/o:OfficeApp/o:SupportUrl", lambda el: el.getparent().remove(el), "SupportUrl missing"),
    "read-only permission": (
        "/o:OfficeApp/o:Permissions",
        lambda el: setattr(el, "text", "ReadDocument"),
        "expected 'ReadWriteDocument'",
    ),
}


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_manifest_is_rejected(check_manifest, name):
    xpath, change, expected = BROKEN[name]
    errors = check_manifest.manifest_errors(mutate(xpath, change))
    assert any(expected in error for error in errors), errors


def test_a_manifest_for_another_host_passes_and_has_no_localhost_left(check_manifest):
    xml = render_manifest("https://contracts.example.com/")
    assert check_manifest.manifest_errors(xml) == []
    assert "localhost" not in xml
    assert "https://contracts.example.com/addin/taskpane.html" in xml
    assert "<AppDomain>https://contracts.example.com</AppDomain>" in xml


def test_a_manifest_under_a_path_keeps_the_path_but_the_app_domain_is_the_origin():
    xml = render_manifest("https://example.com:9443/tools/noai")
    assert 'DefaultValue="https://example.com:9443/tools/noai/addin/taskpane.html"' in xml
    assert "<AppDomain>https://example.com:9443</AppDomain>" in xml


def test_another_add_in_id_can_be_given():
    xml = render_manifest("https://example.com", add_in_id="0b4c8f3e-0000-4000-8000-000000000001")
    assert "<Id>0b4c8f3e-0000-4000-8000-000000000001</Id>" in xml


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com",
        "example.com",
        "https://",
        "https://example.com?x=1",
        "https://ex ample.com",
        "https://example.com:port",
    ],
)
def test_a_url_word_cannot_load_is_refused(url):
    with pytest.raises(ManifestUrlError):
        render_manifest(url)


def test_an_add_in_id_that_is_not_a_guid_is_refused():
    with pytest.raises(ManifestUrlError, match="not a GUID"):
        render_manifest("https://example.com", add_in_id="noai")
