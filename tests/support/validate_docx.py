"""Validate a .docx package: OPC package invariants + ECMA-376 Transitional XSD.

Adapted for this project's tests from ``tools/validate_docx.py`` of the project's shared
workplace notes (written for noai; same checks, now an importable module that reads bytes).
Schemas: ``tests/data/xsd`` (ISO/IEC 29500 Transitional schemas vendored from
python-openxml/python-docx ``ref/xsd``, MIT, (c) 2013 Steve Canny; W3C ``xml.xsd``; sources,
licences and checksums in ``tests/data/xsd/SOURCES.md``).

``validate_docx(data) -> Report`` checks:

1. Package: the zip opens and its CRCs are right; ``[Content_Types].xml`` and every ``*.rels``
   part are well-formed and valid against the OPC schemas; every part has a content type; every
   internal relationship target exists; relationship Ids are unique; every ``r:id`` /
   ``r:embed`` / ... attribute names a relationship of its part; the main part has the main
   document content type; every XML part is well-formed.
2. Markup Compatibility (ECMA-376 Part 3) on each WordprocessingML part: ``mc:AlternateContent``
   becomes the first ``mc:Choice`` whose ``Requires`` namespaces the schemas understand, else
   ``mc:Fallback``; ``mc:Ignorable`` content is dropped (or unwrapped per ``mc:ProcessContent``);
   Microsoft extension namespaces (w14, w15, w16*, ...) are dropped with a warning when not
   declared ignorable; ``mc:MustUnderstand`` of an unknown namespace is an error.
3. XSD validation of the document, styles, numbering, comments, headers, footers, footnotes
   and endnotes (``all_parts=True``: also settings, fontTable, webSettings, glossary).
4. Revision and comment invariants the XSD cannot express: revision ``w:id``s are unique
   integers across the story parts; comment ids are unique and every
   ``w:commentRangeStart/End`` and ``w:commentReference`` names a comment of ``comments.xml``,
   with one start and one end per ranged comment; ``w:t``/``w:instrText`` inside
   ``w:del``/``w:moveFrom`` and ``w:delText``/``w:delInstrText`` outside one are errors
   (ISO/IEC 29500-1 §17.3.3.7); ``w:ins`` in ``w:ins`` and ``w:del`` in ``w:del`` are errors.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent.parent / "data" / "xsd"

# -- namespaces (spelled here on purpose: the validator must not share code with noai) --

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
PKG_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"

REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"

# Namespaces whose elements/attributes the bundled transitional schema set defines.
UNDERSTOOD = frozenset(
    {
        W,
        R,
        MC,
        XML_NS,
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
        "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
        "http://schemas.openxmlformats.org/drawingml/2006/diagram",
        "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas",
        "urn:schemas-microsoft-com:vml",
        "urn:schemas-microsoft-com:office:office",
        "urn:schemas-microsoft-com:office:word",
        "urn:schemas-microsoft-com:office:excel",
        "urn:schemas-microsoft-com:office:powerpoint",
    }
)
MS_EXTENSION_PREFIX = "http://schemas.microsoft.com/office/"
EXTENSION_LIST_NS = {
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram",
}

CT_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
WML_CT_PREFIX = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# content-type suffixes of the parts validated by default / with all_parts / holding stories
WML_DEFAULT_PARTS = {
    "document.main+xml",
    "template.main+xml",
    "styles+xml",
    "numbering+xml",
    "comments+xml",
    "header+xml",
    "footer+xml",
    "footnotes+xml",
    "endnotes+xml",
}
WML_EXTRA_PARTS = {"settings+xml", "fontTable+xml", "webSettings+xml", "document.glossary+xml"}
STORY_SUFFIXES = {
    "document.main+xml",
    "template.main+xml",
    "header+xml",
    "footer+xml",
    "footnotes+xml",
    "endnotes+xml",
    "comments+xml",
}

REVISION_TAGS = {
    f"{{{W}}}{t}"
    for t in (
        "ins",
        "del",
        "moveFrom",
        "moveTo",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "cellIns",
        "cellDel",
        "cellMerge",
        "numberingChange",
    )
}
W_INS, W_DEL = f"{{{W}}}ins", f"{{{W}}}del"
W_MOVEFROM = f"{{{W}}}moveFrom"
W_T, W_DELTEXT = f"{{{W}}}t", f"{{{W}}}delText"
W_INSTR, W_DELINSTR = f"{{{W}}}instrText", f"{{{W}}}delInstrText"
W_ID = f"{{{W}}}id"

SECURE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
SCHEMA_ERRORS_PER_PART = 200

_PREFIXES = {
    W: "w",
    R: "r",
    MC: "mc",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "urn:schemas-microsoft-com:vml": "v",
    "urn:schemas-microsoft-com:office:office": "o",
    PKG_REL: "rel",
    PKG_CT: "ct",
}


@dataclass
class Report:
    """What :func:`validate_docx` found: ``errors`` and ``warnings`` as readable strings.

    ``kinds`` counts the errors by part and kind of message, with the varying values (ids,
    lines, attribute values) left out, so two reports can be compared: an output must not
    have a kind of error its input did not have (``out.kinds - inp.kinds`` is empty).
    """

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    schema_checked: list[str] = field(default_factory=list)
    fatal: bool = False

    @property
    def valid(self) -> bool:
        return not self.errors

    def error(self, part: str, message: str, line: int | None = None, where: str | None = None):
        self.errors.append(_located(part, message, line, where))
        self.kinds[f"{part}: {_kind(message)}"] += 1

    def warn(self, part: str, message: str, line: int | None = None, where: str | None = None):
        self.warnings.append(_located(part, message, line, where))


def _located(part: str, message: str, line: int | None, where: str | None) -> str:
    loc = (part or "") + (f":{line}" if line else "")
    return f"{loc}{f' [{where}]' if where else ''}: {message}"


def _kind(msg: str) -> str:
    """Group messages: drop the varying values, keep element/attribute names."""
    msg = re.sub(r": '[^']*' is not a valid value of", ": '...' is not a valid value of", msg)
    msg = re.sub(r"\bExpected is .*", "", msg)
    msg = re.sub(r"w:id=-?\d+|w:id='[^']*'|\bcomment -?\d+|/word/[\w.]+", "#", msg)
    return msg.strip()[:160]


# -- schemas --


@dataclass(frozen=True)
class Schemas:
    wml: etree.XMLSchema
    content_types: etree.XMLSchema
    relationships: etree.XMLSchema


@functools.cache
def schemas() -> Schemas:
    """The compiled schemas of ``tests/data/xsd``, compiled once per process."""

    def load(rel: str) -> etree.XMLSchema:
        return etree.XMLSchema(etree.parse(str(XSD_DIR / rel)))

    return Schemas(
        wml=load("docx-transitional.xsd"),
        content_types=load("opc/opc-contentTypes.xsd"),
        relationships=load("opc/opc-relationships.xsd"),
    )


# -- Markup Compatibility (ECMA-376 Part 3) --


class _McContext:
    __slots__ = ("ignorable", "process_content")

    def __init__(self, ignorable=frozenset(), process_content=frozenset()):
        self.ignorable = ignorable
        self.process_content = process_content

    def derive(self, el, report: Report, part: str) -> _McContext:
        ign_attr = el.get(f"{{{MC}}}Ignorable")
        pc_attr = el.get(f"{{{MC}}}ProcessContent")
        mu_attr = el.get(f"{{{MC}}}MustUnderstand")
        if not (ign_attr or pc_attr or mu_attr):
            return self
        ignorable = set(self.ignorable)
        process_content = set(self.process_content)
        for prefix in (ign_attr or "").split():
            ns = el.nsmap.get(prefix)
            if ns is None:
                report.error(part, f"mc:Ignorable names undeclared prefix '{prefix}'", el.sourceline)
            else:
                ignorable.add(ns)
        for item in (pc_attr or "").split():
            prefix, _, local = item.partition(":")
            ns = el.nsmap.get(prefix)
            if ns is None:
                report.error(part, f"mc:ProcessContent names undeclared prefix '{prefix}'", el.sourceline)
            else:
                process_content.add((ns, local))
        for prefix in (mu_attr or "").split():
            ns = el.nsmap.get(prefix)
            if ns is None:
                report.error(part, f"mc:MustUnderstand names undeclared prefix '{prefix}'", el.sourceline)
            elif ns not in UNDERSTOOD and not ns.startswith(MS_EXTENSION_PREFIX):
                report.error(
                    part,
                    f"mc:MustUnderstand requires namespace {ns}, which no ECMA-376 consumer understands",
                    el.sourceline,
                )
        return _McContext(frozenset(ignorable), frozenset(process_content))


def mce_preprocess(root, report: Report, part: str):
    """Apply Markup Compatibility processing in place; returns the (possibly new) root."""
    undeclared_ms: Counter = Counter()

    def droppable(ns: str | None, ctx: _McContext) -> bool:
        if ns is None or ns in UNDERSTOOD:
            return False
        if ns in ctx.ignorable:
            return True
        if ns.startswith(MS_EXTENSION_PREFIX):
            undeclared_ms[ns] += 1
            return True
        return False

    def strip_attributes(el, ctx):
        for name in list(el.attrib):
            ns = etree.QName(name).namespace
            if ns == MC or droppable(ns, ctx):
                del el.attrib[name]

    def transform(child, ctx) -> list:
        if not isinstance(child.tag, str):  # comment / PI
            return [child]
        q = etree.QName(child)
        if q.namespace == MC:
            if q.localname != "AlternateContent":
                report.error(part, f"unexpected mc:{q.localname} outside mc:AlternateContent", child.sourceline)
                return []
            actx = ctx.derive(child, report, part)
            chosen = None
            for branch in child:
                if not isinstance(branch.tag, str):
                    continue
                bq = etree.QName(branch)
                if bq.namespace == MC and bq.localname == "Choice":
                    requires = branch.get("Requires", "").split()
                    nss = [branch.nsmap.get(p) for p in requires]
                    if requires and all(ns in UNDERSTOOD for ns in nss):
                        chosen = branch
                        break
                elif bq.namespace == MC and bq.localname == "Fallback":
                    chosen = branch
                    break
            out: list = []
            if chosen is not None:
                bctx = actx.derive(chosen, report, part)
                for gc in list(chosen):
                    out.extend(transform(gc, bctx))
            return out
        if q.localname == "ext" and q.namespace in EXTENSION_LIST_NS:
            # DrawingML extension lists (a:ext uri=...) are an open-content extension
            # point (xsd:any, lax): consumers skip an a:ext whose uri they don't know,
            # so Word does not declare the a14/a16/... inside them ignorable.
            return [child]
        if droppable(q.namespace, ctx):
            if (q.namespace, q.localname) in ctx.process_content or (q.namespace, "*") in ctx.process_content:
                cctx = ctx.derive(child, report, part)
                out = []
                for gc in list(child):
                    out.extend(transform(gc, cctx))
                return out
            return []
        process(child, ctx)
        return [child]

    def process(el, ctx):
        ctx = ctx.derive(el, report, part)
        strip_attributes(el, ctx)
        children = list(el)
        if not children:
            return
        new_children: list = []
        changed = False
        for child in children:
            res = transform(child, ctx)
            if len(res) != 1 or res[0] is not child:
                changed = True
            new_children.extend(res)
        if changed:
            for c in children:
                el.remove(c)
            for c in new_children:
                el.append(c)

    process(root, _McContext())
    for ns, n in sorted(undeclared_ms.items()):
        # Only a warning: Word 2010+ understands these, but the part is not conformant
        # for consumers that don't, since the namespace is not declared ignorable.
        report.warn(part, f"{n} element(s)/attribute(s) in {ns} not listed in mc:Ignorable (dropped)")
    return root


# -- package --


def _norm_part(name: str) -> str:
    return "/" + name.lstrip("/")


def _source_for_rels(rels_part: str) -> str:
    d, base = posixpath.split(rels_part)
    return posixpath.join(posixpath.dirname(d), base[: -len(".rels")])


def _resolve_target(source_part: str, target: str) -> str:
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        return posixpath.normpath(target)
    base_dir = posixpath.dirname(source_part) if source_part != "/" else "/"
    return posixpath.normpath(posixpath.join(base_dir, target))


def _log_errors(report: Report, part: str, error_log):
    for n, e in enumerate(error_log):
        if n >= SCHEMA_ERRORS_PER_PART:
            report.error(part, f"{len(error_log) - n} further schema error(s), not itemised")
            break
        msg = e.message
        for uri, prefix in _PREFIXES.items():
            msg = msg.replace("{" + uri + "}", prefix + ":")
        report.error(part, msg, e.line, getattr(e, "path", None))


class _Package:
    """The zip's parts by normalised name ("/word/document.xml"), read on demand."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        names = [i.filename for i in zf.infolist() if not i.filename.endswith("/")]
        self.duplicates = [(n, c) for n, c in Counter(n.lower() for n in names).items() if c > 1]
        self.parts = {_norm_part(n): n for n in names}
        self.parts_ci = {p.lower(): p for p in self.parts}

    def read(self, part: str) -> bytes:
        return self.zf.read(self.parts[part])


def validate_docx(data: bytes, *, all_parts: bool = False) -> Report:
    """Validate the .docx ``data``; see the module docstring for what is checked."""
    report = Report()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        report.error("(file)", f"not a zip package (a .docx is a zip): {exc}")
        report.fatal = True
        return report
    with zf:
        try:
            bad = zf.testzip()
        except Exception as exc:  # zlib.error, EOFError, ...
            bad = f"(unreadable: {exc})"
        if bad:
            report.error("(zip)", f"corrupt zip member: {bad}")
            report.fatal = True
            return report
        pkg = _Package(zf)
        for n, c in pkg.duplicates:
            report.error("(zip)", f"part name appears {c} times (part names are case-insensitive): {n}")
        content_type = _check_content_types(report, pkg)
        rels_of = _check_relationships(report, pkg)
        main = _main_part(report, pkg, content_type, rels_of)
        if main is None:
            return report
        parsed = _parse_xml_parts(report, pkg, content_type)
        _check_relationship_attributes(report, parsed, rels_of)
        _check_schemas(report, pkg, parsed, content_type, all_parts)
        _check_revisions(report, parsed, content_type, rels_of, main)
    return report


def _check_content_types(report: Report, pkg: _Package) -> dict[str, str]:
    """``[Content_Types].xml`` against its schema; returns each part's content type."""
    content_type: dict[str, str] = {}
    if "/[content_types].xml" not in pkg.parts_ci:
        report.error("[Content_Types].xml", "missing [Content_Types].xml")
        return content_type
    try:
        ct_root = etree.fromstring(pkg.read(pkg.parts_ci["/[content_types].xml"]), SECURE_PARSER)
    except etree.XMLSyntaxError as exc:
        report.error("[Content_Types].xml", f"not well-formed: {exc}")
        return content_type
    if not schemas().content_types.validate(ct_root):
        _log_errors(report, "[Content_Types].xml", schemas().content_types.error_log)
    defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in ct_root.iter(f"{{{PKG_CT}}}Default")}
    overrides = {}
    for o in ct_root.iter(f"{{{PKG_CT}}}Override"):
        pn = (o.get("PartName") or "").lower()
        if pn in overrides:
            report.error("[Content_Types].xml", f"duplicate Override for {pn}")
        overrides[pn] = o.get("ContentType")
        if pn not in pkg.parts_ci:
            report.warn("[Content_Types].xml", f"Override for a part that does not exist: {pn}")
    for p in pkg.parts:
        if p.lower() == "/[content_types].xml":
            continue
        ct = overrides.get(p.lower())
        if ct is None:
            ext = p.rsplit(".", 1)[-1].lower() if "." in posixpath.basename(p) else ""
            ct = defaults.get(ext)
        if ct is None:
            report.error("[Content_Types].xml", f"part has no content type: {p}")
        else:
            content_type[p] = ct
    return content_type


def _check_relationships(report: Report, pkg: _Package) -> dict[str, dict[str, tuple[str, str, str]]]:
    """Every ``*.rels`` part; returns source part -> rId -> (type, target, mode)."""
    rels_of: dict[str, dict[str, tuple[str, str, str]]] = {}
    for p in sorted(pkg.parts):
        if not p.lower().endswith(".rels"):
            continue
        src = _source_for_rels(p)
        try:
            rroot = etree.fromstring(pkg.read(p), SECURE_PARSER)
        except etree.XMLSyntaxError as exc:
            report.error(p, f"not well-formed: {exc}")
            continue
        if not schemas().relationships.validate(rroot):
            _log_errors(report, p, schemas().relationships.error_log)
        if src != "/" and src not in pkg.parts:
            report.error(p, f"relationship part for a source part that does not exist: {src}")
        table: dict[str, tuple[str, str, str]] = {}
        for rel in rroot.iter(f"{{{PKG_REL}}}Relationship"):
            rid, rtype, target = rel.get("Id"), rel.get("Type"), rel.get("Target") or ""
            mode = rel.get("TargetMode", "Internal")
            if rid in table:
                report.error(p, f"duplicate relationship Id {rid}")
            table[rid] = (rtype, target, mode)
            if mode == "External":
                continue
            tgt = _resolve_target(src, target)
            if tgt.lower() not in pkg.parts_ci:
                kind = (rtype or "").rsplit("/", 1)[-1]
                report.error(p, f"relationship {rid} ({kind}) targets a missing part: {tgt}")
        rels_of[src] = table
    return rels_of


def _main_part(report: Report, pkg: _Package, content_type, rels_of) -> str | None:
    """The target of the package's officeDocument relationship, if it exists."""
    main = None
    for rtype, target, _mode in rels_of.get("/", {}).values():
        if rtype == REL_OFFICE_DOCUMENT:
            main = _resolve_target("/", target)
    if main is None:
        report.error("_rels/.rels", "no officeDocument relationship: not a word-processing package")
        return None
    main = pkg.parts_ci.get(main.lower(), main)
    if main not in pkg.parts:
        return None  # already reported as a missing target
    if content_type.get(main) not in CT_MAIN:
        report.error(
            "[Content_Types].xml",
            f"main part {main} has content type {content_type.get(main)!r}, "
            "expected ...wordprocessingml.document.main+xml",
        )
    return main


def _parse_xml_parts(report: Report, pkg: _Package, content_type) -> dict[str, etree._Element]:
    """Every XML part but the package's own, parsed; not well-formed ones are errors."""
    parsed: dict[str, etree._Element] = {}
    for p in pkg.parts:
        low = p.lower()
        if (
            (content_type.get(p, "").endswith("xml") or low.endswith(".xml"))
            and not low.endswith(".rels")
            and low != "/[content_types].xml"
        ):
            try:
                parsed[p] = etree.fromstring(pkg.read(p), SECURE_PARSER)
            except etree.XMLSyntaxError as exc:
                report.error(p, f"not well-formed: {exc}")
    return parsed


def _check_relationship_attributes(report: Report, parsed, rels_of):
    """Every ``r:*`` attribute names a relationship of its part."""
    for p, root in parsed.items():
        table = rels_of.get(p, {})
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for name, val in el.attrib.items():
                if name.startswith(f"{{{R}}}") and val and val not in table:
                    report.error(
                        p,
                        f"{etree.QName(el).localname}/@r:{etree.QName(name).localname}"
                        f'="{val}" names no relationship of this part',
                        el.sourceline,
                        _where(el),
                    )


def _check_schemas(report: Report, pkg: _Package, parsed, content_type, all_parts: bool):
    """Markup Compatibility preprocessing, then XSD validation of the WordprocessingML parts."""
    for p, ct in sorted(content_type.items()):
        if p not in parsed or not (ct.startswith(WML_CT_PREFIX) or ct in CT_MAIN):
            continue
        suffix = ct[len(WML_CT_PREFIX) :] if ct.startswith(WML_CT_PREFIX) else "document.main+xml"
        if not (suffix in WML_DEFAULT_PARTS or (all_parts and suffix in WML_EXTRA_PARTS)):
            continue
        # a fresh parse: the revision checks below must see the part as written
        root = mce_preprocess(etree.fromstring(pkg.read(p), SECURE_PARSER), report, p)
        report.schema_checked.append(p)
        if not schemas().wml.validate(root):
            _log_errors(report, p, schemas().wml.error_log)


# -- revisions and comments --


def _story_parts(parsed, content_type):
    for p, root in sorted(parsed.items()):
        ct = content_type.get(p, "")
        if ct in CT_MAIN or (ct.startswith(WML_CT_PREFIX) and ct[len(WML_CT_PREFIX) :] in STORY_SUFFIXES):
            yield p, root


def _where(el) -> str:
    return el.getroottree().getpath(el)


def _comment_ids(report: Report, parsed, content_type, rels_of, main) -> tuple[str | None, set[int]]:
    """The comments part of the main part and the ids of its ``w:comment``s."""
    comments_part = None
    for rtype, target, _mode in rels_of.get(main, {}).values():
        if rtype == REL_COMMENTS:
            comments_part = _resolve_target(main, target)
    if comments_part:
        comments_part = {p.lower(): p for p in parsed}.get(comments_part.lower(), comments_part)
        ct = content_type.get(comments_part)
        if comments_part in parsed and ct and ct != WML_CT_PREFIX + "comments+xml":
            report.error(comments_part, f"comments part has content type {ct!r}")
    for p, ct in content_type.items():
        if ct == WML_CT_PREFIX + "comments+xml" and p != comments_part:
            report.error(p, "comments part is not the target of a 'comments' relationship from the main part")
    comment_ids: set[int] = set()
    if comments_part in parsed:
        for c in parsed[comments_part].iter(f"{{{W}}}comment"):
            raw = c.get(W_ID)
            cid = _int_or_none(raw)
            if cid is None:
                report.error(comments_part, f"w:comment w:id={raw!r} is not an integer", c.sourceline, _where(c))
                continue
            if cid in comment_ids:
                report.error(comments_part, f"duplicate comment w:id={cid}", c.sourceline, _where(c))
            comment_ids.add(cid)
    return comments_part, comment_ids


def _check_revision_id(report: Report, p: str, el, rev_ids: dict[int, tuple[str, str]]):
    name = etree.QName(el).localname
    raw = el.get(W_ID)
    rid = _int_or_none(raw)
    if rid is None:
        report.error(p, f"w:{name} w:id={raw!r} is not an integer", el.sourceline, _where(el))
        return
    if rid < 0:
        report.warn(p, f"w:{name} has negative w:id={rid}", el.sourceline, _where(el))
    if rid in rev_ids:
        op, otag = rev_ids[rid]
        report.error(
            p, f"revision w:id={rid} on w:{name} is already used by w:{otag} in {op}", el.sourceline, _where(el)
        )
    else:
        rev_ids[rid] = (p, name)
    if el.tag in (W_INS, W_DEL) and any(anc.tag == el.tag for anc in el.iterancestors()):
        report.error(p, f"w:{name} nested inside another w:{name}", el.sourceline, _where(el))


def _check_text_in_deletion(report: Report, p: str, el):
    in_del = any(
        anc.tag in (W_DEL, W_MOVEFROM) and etree.QName(anc.getparent()).localname != "rPr" for anc in el.iterancestors()
    )
    name = etree.QName(el).localname
    if in_del and el.tag in (W_T, W_INSTR):
        report.error(
            p,
            f"w:{name} inside a deletion (w:del/w:moveFrom): deleted text must be "
            f"w:del{'Text' if el.tag == W_T else 'InstrText'}",
            el.sourceline,
            _where(el),
        )
    elif not in_del and el.tag in (W_DELTEXT, W_DELINSTR):
        report.error(p, f"w:{name} outside a deletion: only deleted runs may hold it", el.sourceline, _where(el))


def _check_revisions(report: Report, parsed, content_type, rels_of, main):
    comments_part, comment_ids = _comment_ids(report, parsed, content_type, rels_of, main)
    rev_ids: dict[int, tuple[str, str]] = {}
    anchors = {f"{{{W}}}{t}": Counter() for t in ("commentReference", "commentRangeStart", "commentRangeEnd")}
    for p, root in _story_parts(parsed, content_type):
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag in REVISION_TAGS:
                _check_revision_id(report, p, el, rev_ids)
            elif el.tag in (W_T, W_INSTR, W_DELTEXT, W_DELINSTR):
                _check_text_in_deletion(report, p, el)
            elif el.tag in anchors:
                cid = _int_or_none(el.get(W_ID))
                anchors[el.tag][cid] += 1
                if cid not in comment_ids:
                    report.error(
                        p,
                        f"w:{etree.QName(el).localname} w:id={el.get(W_ID)!r} names no comment in comments.xml",
                        el.sourceline,
                        _where(el),
                    )
    refs, starts, ends = anchors.values()
    for cid in sorted(set(starts) | set(ends), key=lambda x: (x is None, x)):
        if starts[cid] != 1 or ends[cid] != 1:
            report.error(
                main,
                f"comment {cid}: {starts[cid]} w:commentRangeStart and {ends[cid]} "
                "w:commentRangeEnd (expected exactly one of each)",
            )
    for cid in sorted(comment_ids):
        if refs[cid] == 0:
            report.warn(comments_part, f"comment {cid} has no w:commentReference in any story (no anchor in the text)")
        elif refs[cid] > 1:
            report.warn(comments_part, f"comment {cid} is referenced {refs[cid]} times")


def _int_or_none(v):
    try:
        return int(v)
    except (TypeError, ValueError):
        return None
