"""DTDs and entities are refused, never expanded and never fetched, in every part we parse."""

from __future__ import annotations

import io
import re
import socket
import zipfile
from pathlib import Path

import pytest

from noai.errors import MalformedXmlError, UnsafeXmlError
from noai.ooxml.package import read_package
from noai.ooxml.xml import parse_xml, serialize_xml

JUNIPER = (Path(__file__).parent.parent / "data" / "corpus" / "juniper-eula.docx").read_bytes()

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  w:a="&lol9;"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

XXE_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<d>&xxe;</d>"""


@pytest.fixture
def listener():
    """A local TCP port that records whether anything connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)

    def connected() -> bool:
        try:
            server.accept()[0].close()
        except BlockingIOError:
            return False
        return True

    yield server.getsockname()[1], connected
    server.close()


def juniper_part(name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(JUNIPER)).read(name)


def docx_with(name: str, data: bytes) -> bytes:
    """The Juniper EULA with part ``name`` replaced by ``data``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(JUNIPER)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, data if info.filename == name else source.read(info))
    return out.getvalue()


def with_doctype(data: bytes) -> bytes:
    """``data`` with a DOCTYPE declaring an external entity right after its XML declaration."""
    declaration, _, rest = data.partition(b"?>")
    return declaration + b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + rest


def test_billion_laughs_is_refused_without_being_expanded():
    with pytest.raises(UnsafeXmlError, match=r"word/document\.xml"):
        parse_xml(BILLION_LAUGHS, "word/document.xml")


def test_an_external_file_entity_is_refused():
    with pytest.raises(UnsafeXmlError):
        parse_xml(XXE_FILE)


@pytest.mark.parametrize(
    "template",
    [
        b'<!DOCTYPE d [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/x">]><d>&xxe;</d>',
        b'<!DOCTYPE d SYSTEM "http://127.0.0.1:{port}/x.dtd"><d/>',
        b'<!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:{port}/p.dtd"> %p;]><d/>',
    ],
    ids=["general entity", "external DTD", "parameter entity"],
)
def test_a_network_entity_is_refused_and_never_fetched(listener, template):
    port, connected = listener
    with pytest.raises(UnsafeXmlError):
        parse_xml(template.replace(b"{port}", str(port).encode()))
    assert not connected()


def test_a_doctype_after_a_long_leading_comment_is_refused():
    data = b'<?xml version="1.0"?><!--' + b"x" * 100_000 + b"--><?pi data?>\n" + BILLION_LAUGHS.split(b"?>", 1)[1]
    with pytest.raises(UnsafeXmlError):
        parse_xml(data)


def test_a_doctype_in_utf16_is_refused():
    text = '<?xml version="1.0" encoding="UTF-16"?><!-- ' + " " * 5000 + '--><!DOCTYPE d [<!ENTITY e "x">]><d>&e;</d>'
    with pytest.raises(UnsafeXmlError):
        parse_xml(text.encode("utf-16"))


def test_doctype_text_inside_a_comment_or_cdata_is_not_a_doctype():
    data = b'<!-- <!DOCTYPE x> --><d><![CDATA[<!DOCTYPE y [<!ENTITY z "z">]>]]></d>'
    assert parse_xml(data).text == '<!DOCTYPE y [<!ENTITY z "z">]>'


def test_an_undeclared_entity_is_malformed_not_expanded():
    with pytest.raises(MalformedXmlError, match=r"styles\.xml"):
        parse_xml(b"<d>&undeclared;</d>", "styles.xml")


def test_serialized_xml_has_the_standalone_declaration_word_writes():
    assert serialize_xml(parse_xml(b"<d>\xc3\xa9</d>")).startswith(
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
    )


@pytest.mark.parametrize("name", ["[Content_Types].xml", "_rels/.rels", "word/document.xml"])
def test_a_doctype_in_a_package_part_is_refused_when_reading(name):
    with pytest.raises(UnsafeXmlError, match=re.escape(name)):
        read_package(docx_with(name, with_doctype(juniper_part(name))))


def test_a_doctype_in_a_part_relationships_is_refused_when_they_are_read():
    name = "word/_rels/document.xml.rels"
    pkg = read_package(docx_with(name, with_doctype(juniper_part(name))))
    with pytest.raises(UnsafeXmlError, match=r"document\.xml\.rels"):
        pkg.rels("word/document.xml")


def test_a_flat_opc_with_a_doctype_is_refused():
    flat = (
        b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">&e;</pkg:package>'
    )
    with pytest.raises(UnsafeXmlError):
        read_package(flat)
