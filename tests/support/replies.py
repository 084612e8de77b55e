"""Build a counterparty's reply to one of our redlines, as a client's counsel would send it.

Pure lxml on the .docx zip, deterministic, written without noai's own XML code (so a bug there
cannot hide itself): accept or reject tracked changes (all, by revision id, by author), make a
tracked deletion inside our pending insertion or in plain text, edit text cleanly, delete a
paragraph, delete comments, reply in a comment thread the way Word 2013+ writes it
(``commentsExtended.xml`` with ``w15:paraIdParent``, ``commentsIds.xml``, ``people.xml``), and
drop our round's record (the custom XML part) as a tool that does not keep it would.

Accepting a deleted paragraph mark joins what is left of its paragraph to the start of the next one, under the
next one's properties, as Word and LibreOffice do (a paragraph struck whole, with its mark, is gone).

Usage::

    reply = Reply(docx)                      # our redline
    reply.reject(ids=record_ids(docx, "e2"))  # reject our no-AI clause
    reply.accept()                           # and accept the rest
    returned = reply.bytes()
"""

from __future__ import annotations

import copy
import io
import posixpath
import re
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RECORD = "urn:noai:redline-record:1"
RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
RT_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_EXTENDED = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
NS = {"w": W, "w14": W14, "w15": W15}
_W = "{%s}" % W
COUNSEL = "Client Counsel"
DATE = "2026-02-03T09:30:00Z"


def _q(tag: str) -> str:
    prefix, local = tag.split(":")
    return "{%s}%s" % ({"w": W, "w14": W14, "w15": W15}[prefix], local)


def record_ids(docx: bytes, *edit_ids: str) -> set[str]:
    """The revision ids our round recorded for the edits ``edit_ids``."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        for name in zf.namelist():
            if name.startswith("customXml/item") and RECORD.encode() in (data := zf.read(name)):
                root = etree.fromstring(data)
                if root.tag != "{%s}record" % RECORD:
                    continue  # its properties part names the record's namespace too
                return {
                    rid
                    for p in root.iter("{%s}proposal" % RECORD)
                    if p.get("id") in edit_ids
                    for rid in (p.get("revisions") or "").split()
                }
    return set()


class Reply:
    def __init__(self, docx: bytes):
        with zipfile.ZipFile(io.BytesIO(docx)) as zf:
            self.names = zf.namelist()
            self.parts = {name: zf.read(name) for name in self.names}
        self.doc = etree.fromstring(self.parts["word/document.xml"])
        self.comments = etree.fromstring(self.parts["word/comments.xml"]) if "word/comments.xml" in self.parts else None
        self._next_id = 1 + max(
            (int(v) for v in self.doc.xpath("//@w:id", namespaces=NS) if v.lstrip("-").isdigit()), default=0
        )
        self._para = 0x1000

    # -- tracked changes -------------------------------------------------------------------------

    def _revisions(self, tag: str, ids=None, author=None, not_author=None):
        out = []
        for el in self.doc.iter(_q(tag)):
            if ids is not None and el.get(_W + "id") not in ids:
                continue
            if author is not None and el.get(_W + "author") != author:
                continue
            if not_author is not None and el.get(_W + "author") == not_author:
                continue
            out.append(el)
        return out

    def accept(self, ids=None, author=None, not_author=None) -> Reply:
        """Accept tracked insertions and deletions (all, or those with the ids / author given)."""
        for ins in self._revisions("w:ins", ids, author, not_author):
            parent = ins.getparent()
            if parent.tag == _q("w:rPr"):  # an inserted paragraph mark: now an ordinary one
                parent.remove(ins)
            else:
                _unwrap(ins)
        marks = []
        for d in self._revisions("w:del", ids, author, not_author):
            parent = d.getparent()
            if parent.tag == _q("w:rPr"):  # a deleted paragraph mark: the paragraph joins the next one
                parent.remove(d)
                marks.append(parent.getparent().getparent())  # rPr -> pPr -> p
            else:
                parent.remove(d)
        for p in reversed(marks):  # from the last, so a run of struck marks joins into the paragraph after it
            _join_next(p)
        return self

    def reject(self, ids=None, author=None, not_author=None) -> Reply:
        """Reject tracked insertions and deletions (all, or those with the ids / author given); a
        paragraph whose mark was inserted goes, what is left in it joining the next paragraph."""
        marks = []
        for ins in self._revisions("w:ins", ids, author, not_author):
            parent = ins.getparent()
            if parent.tag == _q("w:rPr"):
                marks.append(parent.getparent().getparent())  # rPr -> pPr -> p
                parent.remove(ins)
            else:
                parent.remove(ins)
        for d in self._revisions("w:del", ids, author, not_author):
            for t in d.iter(_q("w:delText")):
                t.tag = _q("w:t")
            _unwrap(d)
        for p in marks:  # as Word and LibreOffice reject an inserted mark: what is left joins the next paragraph
            # (our paragraph inserted after a clause of theirs may end on that clause's own mark, the clause's mark
            # marked inserted: its text stays, under its own mark); a paragraph left empty goes
            if _text(p).strip():
                _join_next(p)
            else:
                _drop_paragraph(p)
        self._drop_orphan_comments()
        return self

    def _drop_orphan_comments(self) -> None:
        """Word deletes a comment whose range went with a rejected insertion: so do we."""
        if self.comments is None:
            return
        starts = {el.get(_W + "id") for el in self.doc.iter(_q("w:commentRangeStart"))}
        orphans = {c.get(_W + "id") for c in self.comments.iter(_q("w:comment"))} - starts
        for c in list(self.comments.iter(_q("w:comment"))):
            if c.get(_W + "id") in orphans:
                self.comments.remove(c)
        for tag in ("w:commentRangeEnd", "w:commentReference"):
            for el in list(self.doc.iter(_q(tag))):
                if el.get(_W + "id") in orphans:
                    target = el.getparent() if tag == "w:commentReference" else el
                    target.getparent().remove(target)

    def strike(self, phrase: str, author: str = COUNSEL, date: str = DATE, occurrence: int = 0) -> Reply:
        """A tracked deletion of ``phrase`` (within one run's text), wherever it is: inside our
        pending insertion it becomes ``w:ins/w:del`` as Word writes it."""
        t = self._text_holding(phrase, occurrence)
        run = t.getparent()
        before, _, after = t.text.partition(phrase)
        pieces = []
        for text, deleted in ((before, False), (phrase, True), (after, False)):
            if not text:
                continue
            new = copy.deepcopy(run)
            for child in list(new):
                if child.tag != _q("w:rPr"):
                    new.remove(child)
            el = etree.SubElement(new, _q("w:delText") if deleted else _q("w:t"))
            el.text = text
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if deleted:
                wrapper = etree.Element(
                    _q("w:del"), {_W + "id": str(self._take_id()), _W + "author": author, _W + "date": date}
                )
                wrapper.append(new)
                new = wrapper
            pieces.append(new)
        for piece in reversed(pieces):
            run.addnext(piece)
        run.getparent().remove(run)
        return self

    def strike_paragraph(self, starting: str, author: str = COUNSEL, date: str = DATE) -> Reply:
        """A tracked deletion of every run of the first paragraph whose text starts with ``starting``."""
        for p in self.doc.iter(_q("w:p")):
            if not _text(p).lstrip().startswith(starting):
                continue
            for run in list(p.iter(_q("w:r"))):
                if run.find(_q("w:t")) is None or any(a.tag == _q("w:del") for a in run.iterancestors()):
                    continue
                for t in run.findall(_q("w:t")):
                    t.tag = _q("w:delText")
                wrapper = etree.Element(
                    _q("w:del"), {_W + "id": str(self._take_id()), _W + "author": author, _W + "date": date}
                )
                run.addprevious(wrapper)
                wrapper.append(run)
            return self
        raise LookupError(starting)

    def edit(self, old: str, new: str) -> Reply:
        """Change ``old`` to ``new`` without tracking (``old`` within one run's text)."""
        t = self._text_holding(old)
        t.text = t.text.replace(old, new, 1)
        return self

    def delete_paragraph(self, starting: str) -> Reply:
        """Delete, without tracking, the first paragraph whose text starts with ``starting``."""
        for p in self.doc.iter(_q("w:p")):
            if _text(p).lstrip().startswith(starting):
                _drop_paragraph(p)
                return self
        raise LookupError(starting)

    def _text_holding(self, phrase: str, occurrence: int = 0):
        seen = 0
        for t in self.doc.iter(_q("w:t")):
            if t.text and phrase in t.text:
                if seen == occurrence:
                    return t
                seen += 1
        raise LookupError(phrase)

    def _take_id(self) -> int:
        self._next_id += 1
        return self._next_id

    # -- comments -------------------------------------------------------------------------------------

    def delete_comments(self, author: str) -> Reply:
        """Delete the comments of ``author`` with their anchors."""
        gone = {c.get(_W + "id") for c in self.comments.iter(_q("w:comment")) if c.get(_W + "author") == author}
        for c in list(self.comments.iter(_q("w:comment"))):
            if c.get(_W + "id") in gone:
                self.comments.remove(c)
        for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
            for el in list(self.doc.iter(_q(tag))):
                if el.get(_W + "id") in gone:
                    el.getparent().remove(el)
        for ref in list(self.doc.iter(_q("w:commentReference"))):
            if ref.get(_W + "id") in gone:
                run = ref.getparent()
                run.getparent().remove(run)
        return self

    def resolve(self, containing: str) -> Reply:
        """Mark the thread of the first comment whose text holds ``containing`` done."""
        parent = self._comment_holding(containing)
        self._extended_entry(self._para_id(parent)).set(_q("w15:done"), "1")
        return self

    def reply_to(self, containing: str, text: str, author: str = COUNSEL, date: str = DATE) -> Reply:
        """Reply in the thread of the first comment whose text holds ``containing``, as Word does: a
        new comment anchored where its parent is, linked in commentsExtended by paraIdParent."""
        parent = self._comment_holding(containing)
        parent_para = self._para_id(parent)
        cid = str(1 + max(int(c.get(_W + "id")) for c in self.comments.iter(_q("w:comment"))))
        comment = etree.SubElement(
            self.comments,
            _q("w:comment"),
            {_W + "id": cid, _W + "author": author, _W + "date": date, _W + "initials": "CC"},
        )
        p = etree.SubElement(comment, _q("w:p"))
        run = etree.SubElement(p, _q("w:r"))
        etree.SubElement(run, _q("w:annotationRef"))
        r2 = etree.SubElement(p, _q("w:r"))
        etree.SubElement(r2, _q("w:t")).text = text
        para = self._new_para_id()
        p.set(_q("w14:paraId"), para)
        p.set(_q("w14:textId"), "77777777")
        pid = parent.get(_W + "id")
        start = next(el for el in self.doc.iter(_q("w:commentRangeStart")) if el.get(_W + "id") == pid)
        start.addnext(etree.Element(_q("w:commentRangeStart"), {_W + "id": cid}))
        end_new = etree.Element(_q("w:commentRangeEnd"), {_W + "id": cid})
        ref_run = next(  # after the range end, in its paragraph or at the start of the next one
            r.getparent()
            for r in self.doc.iter(_q("w:commentReference"))
            if r.get(_W + "id") == pid and r.getparent().tag == _q("w:r")
        )
        ref_run.addnext(end_new)
        new_ref = etree.Element(_q("w:r"))
        etree.SubElement(new_ref, _q("w:commentReference"), {_W + "id": cid})
        end_new.addnext(new_ref)
        entry = self._extended_entry(para)
        entry.set(_q("w15:paraIdParent"), parent_para)
        self._person(author)
        return self

    def _comment_holding(self, containing: str):
        for c in self.comments.iter(_q("w:comment")):
            if containing in "".join(c.itertext()):
                return c
        raise LookupError(containing)

    def _new_para_id(self) -> str:
        self._para += 1
        return f"{self._para:08X}"

    def _para_id(self, comment) -> str:
        last = comment.findall(_q("w:p"))[-1]
        if last.get(_q("w14:paraId")) is None:
            last.set(_q("w14:paraId"), self._new_para_id())
            last.set(_q("w14:textId"), "77777777")
        return last.get(_q("w14:paraId"))

    def _extended_entry(self, para: str):
        if not hasattr(self, "extended"):
            self.extended = etree.Element(_q("w15:commentsEx"), nsmap={"w15": W15, "mc": MC})
            self.extended.set("{%s}Ignorable" % MC, "w15")
            self.people = etree.Element(_q("w15:people"), nsmap={"w15": W15})
        for ex in self.extended:
            if ex.get(_q("w15:paraId")) == para:
                return ex
        return etree.SubElement(self.extended, _q("w15:commentEx"), {_q("w15:paraId"): para, _q("w15:done"): "0"})

    def _person(self, author: str) -> None:
        if any(p.get(_q("w15:author")) == author for p in self.people):
            return
        person = etree.SubElement(self.people, _q("w15:person"), {_q("w15:author"): author})
        etree.SubElement(person, _q("w15:presenceInfo"), {_q("w15:providerId"): "None", _q("w15:userId"): author})

    # -- the record ----------------------------------------------------------------------------------

    def remove_record(self) -> Reply:
        """Drop our round's custom XML part (and its properties and relationship)."""
        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        for rel in list(rels):
            target = posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
            if rel.get("Type") == RT_CUSTOM_XML and RECORD.encode() in self.parts.get(target, b""):
                rels.remove(rel)
                item_rels = posixpath.join(posixpath.dirname(target), "_rels", posixpath.basename(target) + ".rels")
                props = posixpath.join(
                    posixpath.dirname(target), re.sub(r"item(\d+)", r"itemProps\1", posixpath.basename(target))
                )
                for name in (target, item_rels, props):
                    self.parts.pop(name, None)
                types = etree.fromstring(self.parts["[Content_Types].xml"])
                for o in list(types):
                    if o.get("PartName") in ("/" + props, "/" + target):
                        types.remove(o)
                self.parts["[Content_Types].xml"] = etree.tostring(
                    types, xml_declaration=True, encoding="UTF-8", standalone=True
                )
        self.parts["word/_rels/document.xml.rels"] = etree.tostring(
            rels, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        return self

    # -- writing ------------------------------------------------------------------------------------------

    def bytes(self) -> bytes:
        parts = dict(self.parts)
        parts["word/document.xml"] = etree.tostring(self.doc, xml_declaration=True, encoding="UTF-8", standalone=True)
        if self.comments is not None:
            parts["word/comments.xml"] = etree.tostring(
                self.comments, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        if hasattr(self, "extended"):
            self._add_part(parts, "word/commentsExtended.xml", self.extended, RT_EXTENDED, CT_EXTENDED)
            self._add_part(
                parts,
                "word/people.xml",
                self.people,
                "http://schemas.microsoft.com/office/2011/relationships/people",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
            )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in [n for n in self.names if n in parts] + [n for n in parts if n not in self.names]:
                zf.writestr(name, parts[name])
        return out.getvalue()

    @staticmethod
    def _add_part(parts: dict, name: str, root, rel_type: str, content_type: str) -> None:
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
        target = posixpath.basename(name)
        if not any(r.get("Target") == target for r in rels):
            ids = [int(rid[3:]) for r in rels if (rid := r.get("Id", "")).startswith("rId") and rid[3:].isdigit()]
            etree.SubElement(
                rels, "{%s}Relationship" % RELS, Id=f"rId{max(ids, default=0) + 1}", Type=rel_type, Target=target
            )
            parts["word/_rels/document.xml.rels"] = etree.tostring(
                rels, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        types = etree.fromstring(parts["[Content_Types].xml"])
        if not any(o.get("PartName") == "/" + name for o in types):
            etree.SubElement(types, "{%s}Override" % CT, PartName="/" + name, ContentType=content_type)
            parts["[Content_Types].xml"] = etree.tostring(
                types, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def _unwrap(el) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(_q("w:t")))


def _join_next(p) -> None:
    """Accept the deletion of ``p``'s mark: its content (no properties) opens the next paragraph of the same
    parent, which keeps its own; with no paragraph after it (the body's last), the mark stays."""
    following = p.getnext()
    while following is not None and following.tag != _q("w:p"):
        if following.tag == _q("w:tbl") or following.tag == _q("w:sectPr"):
            return  # Word keeps a mark before a table or the section's end
        following = following.getnext()
    if following is None:
        return
    content = [child for child in p if child.tag != _q("w:pPr")]
    at = 1 if len(following) and following[0].tag == _q("w:pPr") else 0
    for child in reversed(content):
        following.insert(at, child)
    p.getparent().remove(p)


def _drop_paragraph(p) -> None:
    parent = p.getparent()
    # keep comment anchors valid: move any range marks and references out before the paragraph goes
    neighbour = p.getprevious() if p.getprevious() is not None and p.getprevious().tag == _q("w:p") else p.getnext()
    for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
        for el in list(p.iter(_q(tag))):
            if neighbour is not None and neighbour.tag == _q("w:p"):
                neighbour.append(el)
    for ref in list(p.iter(_q("w:commentReference"))):
        run = ref.getparent()
        if neighbour is not None and neighbour.tag == _q("w:p"):
            neighbour.append(run)
    parent.remove(p)
