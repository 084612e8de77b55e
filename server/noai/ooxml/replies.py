"""Threaded comment replies and resolved threads, written as Word 2013+ writes them.

A reply is a ``w:comment`` of its own, anchored where its parent is (its own
``w:commentRangeStart``/``w:commentRangeEnd`` beside the parent's and a reference run after its
end), whose ``w15:commentEx`` in ``word/commentsExtended.xml`` names the ``w14:paraId`` of the
parent's last paragraph as ``w15:paraIdParent``. ``w15:done="1"`` resolves a thread. Word 2016+
also keeps ``word/commentsIds.xml`` (``w16cid:commentId``: paraId -> durableId) and
``word/people.xml`` (``w15:person`` per author); both are written for the comments added.

XML only; the ids are derived from the comment ids (no randomness, no clock), kept below
0x80000000 as Word requires of paraIds and durableIds.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from .ns import MC, W14, W
from .package import Package, add_relationship
from .revisions import IdAllocator, RevisionStamp
from .threads import RT_COMMENTS_EXTENDED, W15
from .xml import parse_xml, serialize_xml

W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
RT_COMMENTS_IDS = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"
RT_PEOPLE = "http://schemas.microsoft.com/office/2011/relationships/people"
CT_COMMENTS_EXTENDED = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
CT_COMMENTS_IDS = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml"
CT_PEOPLE = "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"
_W, _W14, _W15, _CID, _MC = "{%s}" % W, "{%s}" % W14, "{%s}" % W15, "{%s}" % W16CID, "{%s}" % MC
_IGNORABLE = _MC + "Ignorable"


@dataclass(frozen=True, slots=True)
class ReplyTo:
    """A reply of ours in the thread of comment ``parent`` (its ``w:id``)."""

    parent: str
    text: str


def _hex_id(seed: int, taken: set[str]) -> str:
    value = (0x1A2B0000 + seed * 7919) % 0x7FFFFFFF or 1
    while f"{value:08X}" in taken:
        value = (value + 1) % 0x7FFFFFFF or 1
    out = f"{value:08X}"
    taken.add(out)
    return out


def with_namespaces(root: etree._Element, prefixes: Mapping[str, str]) -> etree._Element:
    """``root`` re-made with ``prefixes`` declared on it and listed in ``mc:Ignorable`` (children moved)."""
    missing = {p: uri for p, uri in prefixes.items() if root.nsmap.get(p) != uri}
    ignorable = (root.get(_IGNORABLE) or "").split()
    if not missing and all(p in ignorable for p in prefixes):
        return root
    nsmap = {**{k or "": v for k, v in root.nsmap.items()}, "mc": MC, **prefixes}
    nsmap.pop("", None)  # the parts it re-makes are all prefixed (w:, w15:, w16cid:)
    new = etree.Element(root.tag, nsmap=nsmap)
    for key, value in root.attrib.items():
        new.set(key, value)
    new.set(_IGNORABLE, " ".join([*ignorable, *(p for p in prefixes if p not in ignorable)]))
    new.extend(list(root))
    return new


@dataclass(slots=True)
class Threads:
    """The thread parts of one write: replies added to ``comments`` and resolved threads."""

    package: Package
    comments: etree._Element  # the w:comments root being written (made namespace-ready by ``start``)
    extended: etree._Element | None = None
    ids: etree._Element | None = None
    people: etree._Element | None = None

    @classmethod
    def start(cls, package: Package, comments: etree._Element) -> Threads:
        return cls(package, with_namespaces(comments, {"w14": W14}))

    def _part(self, rel_type: str) -> tuple[str | None, etree._Element | None]:
        name = self.package.related(self.package.main_part, rel_type)
        data = self.package.part(name) if name else None
        return name, (parse_xml(data, name) if name and data is not None else None)

    def _load(self) -> None:
        if self.extended is not None:
            return
        _n, ext = self._part(RT_COMMENTS_EXTENDED)
        self.extended = with_namespaces(ext if ext is not None else etree.Element(_W15 + "commentsEx"), {"w15": W15})
        _n, ids = self._part(RT_COMMENTS_IDS)
        self.ids = with_namespaces(ids if ids is not None else etree.Element(_CID + "commentsIds"), {"w16cid": W16CID})
        _n, people = self._part(RT_PEOPLE)
        self.people = with_namespaces(people if people is not None else etree.Element(_W15 + "people"), {"w15": W15})

    def _para_id(self, comment: etree._Element) -> str:
        paragraphs = comment.findall(_W + "p")
        if not paragraphs:
            paragraphs = [etree.SubElement(comment, _W + "p")]
        last = paragraphs[-1]
        para = last.get(_W14 + "paraId")
        if para is None:
            taken = {p.get(_W14 + "paraId", "") for p in self.comments.iter(_W + "p")}
            para = _hex_id(int(comment.get(_W + "id", "0") or 0) + 1, taken)
            last.set(_W14 + "paraId", para)
            last.set(_W14 + "textId", "77777777")
        return para

    def _entry(self, para: str) -> etree._Element:
        assert self.extended is not None
        for ex in self.extended.iter(_W15 + "commentEx"):
            if ex.get(_W15 + "paraId") == para:
                return ex
        return etree.SubElement(self.extended, _W15 + "commentEx", {_W15 + "paraId": para, _W15 + "done": "0"})

    def _comment(self, comment_id: str) -> etree._Element | None:
        return next((c for c in self.comments.iter(_W + "comment") if c.get(_W + "id") == comment_id), None)

    def resolve(self, comment_ids: Iterable[str]) -> int:
        """Mark the threads of these comments done; returns how many were found."""
        found = 0
        for cid in comment_ids:
            comment = self._comment(cid)
            if comment is None:
                continue
            self._load()
            self._entry(self._para_id(comment)).set(_W15 + "done", "1")
            found += 1
        return found

    def reply(
        self,
        reply: ReplyTo,
        stamp: RevisionStamp,
        ids: IdAllocator,
        anchor: Callable[[str], tuple[etree._Element, etree._Element] | None],
        make_comment: Callable[[str], etree._Element],
    ) -> int | None:
        """Add ``reply`` to the thread of its parent; ``anchor(parent id)`` gives the parent's range
        start and end elements in the document written, ``make_comment(text)`` a ``w:comment``
        (without id) as the writer makes its comments. Returns the reply's comment id, or None
        when the parent is not in the document."""
        parent = self._comment(reply.parent)
        where = anchor(reply.parent)
        if parent is None or where is None:
            return None
        self._load()
        assert self.ids is not None and self.people is not None
        parent_para = self._para_id(parent)
        self._entry(parent_para)
        comment_id = ids.comment()
        comment = make_comment(reply.text)
        comment.set(_W + "id", str(comment_id))
        self.comments.append(comment)
        para = self._para_id(comment)
        self._entry(para).set(_W15 + "paraIdParent", parent_para)
        taken = {c.get(_CID + "durableId", "") for c in self.ids}
        etree.SubElement(
            self.ids, _CID + "commentId", {_CID + "paraId": para, _CID + "durableId": _hex_id(comment_id + 101, taken)}
        )
        if not any(p.get(_W15 + "author") == stamp.author for p in self.people):
            person = etree.SubElement(self.people, _W15 + "person", {_W15 + "author": stamp.author})
            etree.SubElement(
                person, _W15 + "presenceInfo", {_W15 + "providerId": "None", _W15 + "userId": stamp.author}
            )
        start, end = where
        new_start = etree.Element(_W + "commentRangeStart", {_W + "id": str(comment_id)})
        start.addnext(new_start)
        new_end = etree.Element(_W + "commentRangeEnd", {_W + "id": str(comment_id)})
        after = end
        following = end.getnext()
        if following is not None and (
            following.find(_W + "commentReference") is not None
            or following.find(f"{_W}r/{_W}commentReference") is not None  # in a w:ins of its own
        ):
            after = following  # after the parent's reference run, as Word places a reply's
        after.addnext(new_end)
        run = etree.Element(_W + "r")
        etree.SubElement(run, _W + "commentReference", {_W + "id": str(comment_id)})
        new_end.addnext(run)
        return comment_id

    def parts(self, changed: Mapping[str, bytes]) -> tuple[dict[str, bytes], dict[str, str]]:
        """The thread parts to write (new ones related from the main part, with content types)."""
        out: dict[str, bytes] = {}
        types: dict[str, str] = {}
        if self.extended is None:
            return out, types
        folder = posixpath.dirname(self.package.main_part)
        for root, rel_type, wanted, content_type in (
            (self.extended, RT_COMMENTS_EXTENDED, "commentsExtended.xml", CT_COMMENTS_EXTENDED),
            (self.ids, RT_COMMENTS_IDS, "commentsIds.xml", CT_COMMENTS_IDS),
            (self.people, RT_PEOPLE, "people.xml", CT_PEOPLE),
        ):
            if root is None or (len(root) == 0 and rel_type != RT_COMMENTS_EXTENDED):
                continue
            name = self.package.related(self.package.main_part, rel_type)
            if name is None:
                name = posixpath.join(folder, wanted)
                _rid, rels = add_relationship(
                    self.package, self.package.main_part, rel_type, wanted, changed={**changed, **out}
                )
                out.update(rels)
                types[name] = content_type
            out[name] = serialize_xml(root)
        return out, types


_RANGE_START, _RANGE_END = _W + "commentRangeStart", _W + "commentRangeEnd"


def comment_anchors(
    elements: Sequence[etree._Element], root: etree._Element | None = None
) -> dict[str, tuple[int, int]]:
    """Comment id -> (index of the paragraph of its range start, index of its range end). With ``root``, the tree
    ``elements`` are read from in document order (none inside another, as a read document's), only its comment
    marks are walked, each to the paragraph of ``elements`` holding it: the same answer, without walking every
    paragraph (a document with few comments has few marks)."""
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    for i, el in _range_marks(elements) if root is None else _range_marks_in(elements, root):
        if el.tag == _RANGE_START:
            starts.setdefault(el.get(_W + "id", ""), i)
        else:
            ends[el.get(_W + "id", "")] = i
    return {cid: (s, ends[cid]) for cid, s in starts.items() if cid in ends}


def _range_marks(elements: Sequence[etree._Element]) -> Iterator[tuple[int, etree._Element]]:
    """(paragraph index, comment range mark) of every mark in ``elements``, in their order."""
    for i, p in enumerate(elements):
        for el in p.iter(_RANGE_START, _RANGE_END):  # one walk of the paragraph for both marks
            yield i, el


def _range_marks_in(elements: Sequence[etree._Element], root: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    """:func:`_range_marks` by a walk of ``root``'s marks alone, each to the paragraph of ``elements`` holding it (a
    mark between paragraphs is in none)."""
    marks = list(root.iter(_RANGE_START, _RANGE_END))
    index = {p: i for i, p in enumerate(elements)} if marks else {}
    for el in marks:
        i = next((index[p] for p in el.iterancestors(_W + "p") if p in index), None)
        if i is not None:
            yield i, el
