"""Apply a redline plan (a typed :class:`~noai.plan.Plan`) to a .docx as tracked changes.

Each edit is anchored by a paragraph index and that paragraph's current text; an edit whose
anchor no longer matches (and whose text is not found in exactly one other paragraph), or whose
phrase is not there, is *skipped and reported*, never guessed. The writer works on a copy of
``word/document.xml``, so the caller's :class:`~noai.ooxml.document.Document` stays as it was and
can be written again. Only the parts it changes are serialized (``word/document.xml``, the
comments part, its relationship and content type); every other part is copied byte for byte.

The copy is made per paragraph where that gives the same bytes (the usual case, see
:func:`_clones_suffice`): each edited ``w:p`` is replaced in the caller's tree by a copy, the
copies are edited and the tree serialized, then the original paragraphs are put back. A
:class:`Document` must therefore not be written by two threads at once.
"""

from __future__ import annotations

import copy
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .anchor import locate
from .ooxml.document import BODY, Document, iter_paragraphs
from .ooxml.ns import CT_COMMENTS, RT_COMMENTS, RT_STYLES, qn
from .ooxml.package import add_relationship, write_package
from .ooxml.record import Proposal, Round, read_rounds, record_parts
from .ooxml.renumber import Renumbered, TextChange, renumber
from .ooxml.replies import ReplyTo, Threads, comment_anchors
from .ooxml.revisions import (
    IdAllocator,
    NewParagraph,
    R,
    RevisionStamp,
    add_comment,
    add_comment_around,
    comment_element,
    comment_style_ids,
    delete_mark,
    delete_mark_before,
    ends_paragraphs,
    insert_beside,
    insert_paragraphs_after,
    joined_into,
    new_comments_root,
    next_numbers,
    parent_of,
    reference_to_next_paragraph,
    replace_text,
    typed_number,
)
from .ooxml.text import current_text
from .ooxml.xml import parse_xml, serialize_xml
from .plan import Edit, Plan
from .planning.placement import numbered_paragraphs, without

if TYPE_CHECKING:
    from lxml.etree import _Element

_PPR = qn("w:pPr")
# Relationship types (by their last segment) of the story parts that carry revision ids.
_STORY_RELS = ("/header", "/footer", "/footnotes", "/endnotes", "/comments")


@dataclass(frozen=True)
class Answer:
    """What a next round says in the comment threads besides the plan: replies of ours in threads
    (``ReplyTo(parent comment id, text)``) and the comments of ours whose threads are resolved."""

    replies: tuple[ReplyTo, ...] = ()
    resolve: tuple[str, ...] = ()


@dataclass(frozen=True)
class WriteResult:
    """The redlined .docx, the ids of the edits applied and the edits skipped.

    Each skipped edit is ``{"id", "op", "reason", "message"}`` with ``reason`` one of
    ``anchor-not-found``, ``phrase-not-found``, ``overlap``, ``already-present``,
    ``comments-off``.

    ``renumbered`` lists the typed numbers and typed cross-references changed (as tracked
    replacements) so that no typed clause number appears twice once the inserted clauses are
    accepted: ``{"index", "start", "end", "from", "to", "reference"}``, offsets into the
    paragraph's current text in the input.
    """

    docx: bytes
    applied: list[str] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    renumbered: list[dict[str, Any]] = field(default_factory=list)
    replies: list[int] = field(default_factory=list)  # the comment ids of the replies written
    resolved: int = 0  # threads marked done


class _Writer:
    """One application of a plan to a copy of the main document part."""

    def __init__(self, doc: Document, stamp: RevisionStamp, comments: bool) -> None:
        self.doc, self.stamp, self.comments = doc, stamp, comments
        self.texts = [para.text for para in doc.paragraphs]  # for locating each edit's anchor
        package = doc.package
        if _clones_suffice(doc):
            self.root, self.copied = doc.root, None
        else:
            self.root = copy.deepcopy(doc.root)
            body = self.root.find(BODY)
            assert body is not None  # read_document refuses a document without one
            self.copied = [p for p, _ in iter_paragraphs(body)]
        self.clones: dict[int, _Element] = {}  # paragraph index -> its copy, in the caller's tree
        self.added: list[_Element] = []  # the paragraphs inserted into the caller's tree
        self.comments_name = package.related(package.main_part, RT_COMMENTS)
        self.comments_root = (
            parse_xml(package.part(self.comments_name) or b"", self.comments_name)
            if self.comments_name
            else new_comments_root()
        )
        self.comment_count = len(self.comments_root)
        stories = {package.main_part: self.root, self.comments_name or "": self.comments_root}
        for _id, rel_type, target, mode in package.rels(package.main_part):
            if mode != "External" and rel_type.endswith(_STORY_RELS) and package.part(target):
                stories.setdefault(target, package.xml(target))
        self.ids = IdAllocator.from_parts(stories)
        styles_name = package.related(package.main_part, RT_STYLES)
        reference, text = comment_style_ids(package.xml(styles_name) if styles_name else None)
        self.comment_styles = {"reference_style": reference, "text_style": text}
        self.inserted_after: dict[int, _Element] = {}  # anchor index -> our last paragraph after it
        self.holders: dict[int, _Element] = {}  # anchor index -> our paragraph the anchor handed its mark to
        self.numbers: dict[int, list[str]] = {}  # numbering source -> typed numbers of the clauses it numbers
        self.taken: dict[int, int] = {}  # numbering source -> typed numbers given out
        self.proposals: list[Proposal] = []  # what this round proposed, recorded in the document
        self.order: list[str] = []  # the plan's edit ids, in order; empty: record nothing
        self.threads: Threads | None = None  # replies and resolved threads, when the round answers some
        self.protections: Mapping[str, str] = {}  # clause id -> the protection it gives
        self.renumbered: Renumbered | None = None  # the plan's renumbering, reused when it is for the same insertions

    # -- the paragraphs edited --

    def element(self, index: int) -> _Element:
        """The ``w:p`` of paragraph ``index`` in the tree written: a copy either way."""
        if self.copied is not None:
            return self.copied[index]
        clone = self.clones.get(index)
        if clone is None:
            original = self.doc.elements[index]
            clone = self.clones[index] = copy.deepcopy(original)
            parent_of(original).replace(original, clone)
        return clone

    def restore(self) -> None:
        """Give the caller's tree back as it was: inserted paragraphs out, originals back in."""
        for el in self.added:
            parent_of(el).remove(el)
        for index, clone in self.clones.items():
            parent_of(clone).replace(clone, self.doc.elements[index])
        self.added, self.clones = [], {}

    # -- locating --

    def anchor(self, edit: Edit) -> int | None:
        """The paragraph index of the edit's anchor (:func:`noai.anchor.locate`)."""
        return locate(self.texts, edit.index, edit.anchor_text)

    def span(self, index: int, edit: Edit) -> tuple[int, int] | None:
        """``(start, end)`` of the edit's phrase: its ``start``/``end`` when they hold ``find``,
        else occurrence ``occurrence`` of ``find``."""
        text, find = self.doc.paragraphs[index].text, edit.find or ""
        start = edit.start
        if start is not None and text[start : start + len(find)] == find:
            return start, start + len(find)
        at = -len(find)
        for _ in range(edit.occurrence + 1):
            at = text.find(find, at + len(find))
            if at < 0:
                return None
        return at, at + len(find)

    # -- applying --

    def insert(self, index: int, edit: Edit) -> None:
        before = self.ids.peek()
        new = self._insert(index, edit)
        self.remember(edit, index, before, tuple(current_text(p) for p in new))

    def remember(
        self, edit: Edit, index: int, before: tuple[int, int], texts: tuple[str, ...], at: int | None = None
    ) -> None:
        """Record the edit as applied: the ids it took from the allocator, the text it wrote and, for a change of
        words, where in the paragraph the words it changed began (``at``)."""
        after = self.ids.peek()
        self.proposals.append(
            Proposal(
                id=edit.id,
                op=edit.op,
                clause=edit.clause,
                variant=edit.variant,
                protection=self.protections.get(edit.clause),
                anchor_index=index,
                anchor_text=self.doc.paragraphs[index].text,
                texts=texts,
                anchor_at=at,
                comment=edit.comment if self.comments and edit.comment else None,
                revision_ids=tuple(range(before[0], after[0])),
                comment_ids=tuple(range(before[1], after[1])),
            )
        )

    def _insert(self, index: int, edit: Edit) -> list[_Element]:
        after = self.inserted_after.get(index)
        if after is None:  # the anchor, or the struck paragraphs it runs on into once accepted
            after = joined_into(self.element(index))
        # The anchor's run of paragraphs ends here (a cell's last paragraph): the last new paragraph takes
        # the mark of ``after`` (see insert_paragraphs_after), so what is copied from the anchor is copied
        # from ``after`` (the anchor, or our last paragraph after it, formatted as the anchor), and no
        # paragraph continues a clause without a number (its mark would differ).
        last = ends_paragraphs(after)
        paragraphs = [self._paragraph(index, item, after if last else None) for item in edit.paragraphs]
        # the paragraph with the anchor's own mark: the anchor, or the last paragraph it was handed over to
        holder = self.holders.get(index, self.element(index))
        originals = [ppr for el in (holder, after) if (ppr := el.find(_PPR)) is not None]  # kept: same proxies
        new = insert_paragraphs_after(
            after, paragraphs, self.stamp, self.ids, holder=holder, anchor=self.element(index)
        )
        if (moved := new[-1].find(_PPR)) is None or any(moved is ppr for ppr in originals):  # the mark moved on
            self.holders[index] = new[-1]
        self.added.extend(new)
        self.inserted_after[index] = new[-1]
        if self.comments and edit.comment:
            runs = f"{qn('w:ins')}/{R}"
            first = new[0].find(runs)
            assert first is not None  # every inserted paragraph holds its runs in a w:ins
            add_comment_around(
                first,
                new[-1].findall(runs)[-1],
                edit.comment,
                self.stamp,
                self.ids,
                self.comments_root,
                **self.comment_styles,
            )
            if self.holders.get(index) is not new[-1]:  # its own mark inserted: see reference_to_next_paragraph
                reference_to_next_paragraph(new[-1], self.stamp, self.ids)
        return new

    def replace(self, index: int, start: int, end: int, edit: Edit, followed: bool = False) -> None:
        """``followed``: paragraphs are inserted after this one. A change at its very end then puts its
        insertion before its deletion ("services" + ins ";" + del "."): LibreOffice joins an insertion that
        ends a paragraph with the paragraphs inserted after it, and rejecting them all would join the
        paragraph with the next one."""
        before = self.ids.peek()
        at_end = followed and end >= len(self.doc.paragraphs[index].text.rstrip())
        find, new = edit.find or "", edit.replacement or ""
        if find and new != find and ((new.startswith(find) and not at_end) or new.endswith(find)):
            # words kept and added to ("Title" -> "Title, provided that …"): only the words added are tracked
            after = new.startswith(find) and not at_end
            added = new[len(find) :] if after else new[: len(new) - len(find)]
            beside = insert_beside(self.element(index), start, end, added, self.stamp, self.ids, before=not after)
            if self.comments and edit.comment:
                add_comment_around(
                    beside, beside, edit.comment, self.stamp, self.ids, self.comments_root, **self.comment_styles
                )
            self.remember(edit, index, before, (find, new), start)
            return
        deletions, insertion = replace_text(
            self.element(index), start, end, edit.replacement or "", self.stamp, self.ids, insert_first=at_end
        )
        if not edit.replacement and start == 0 and end >= len(self.doc.paragraphs[index].text):
            # the whole paragraph struck: its mark too, or where it cannot go (the last paragraph, one the other side
            # inserted) the one before; else the mark of a paragraph they inserted, theirs and deleted by us
            p = self.element(index)
            _ = (
                delete_mark(p, self.stamp, self.ids)
                or delete_mark_before(p, self.stamp, self.ids)
                or delete_mark(p, self.stamp, self.ids, inserted=True)
            )
        if self.comments and edit.comment:
            first = insertion if at_end and insertion is not None else deletions[0]
            last = deletions[-1] if at_end or insertion is None else insertion[-1]
            add_comment_around(
                first, last, edit.comment, self.stamp, self.ids, self.comments_root, **self.comment_styles
            )
        self.remember(edit, index, before, (edit.find or "", edit.replacement or ""), start)

    def renumber(self, index: int, change: TextChange) -> None:
        replace_text(self.element(index), change.start, change.end, change.new, self.stamp, self.ids)

    def comment(self, index: int, start: int, end: int, edit: Edit) -> None:
        before = self.ids.peek()
        add_comment(
            self.element(index),
            start,
            end,
            edit.comment or "",
            self.stamp,
            self.ids,
            self.comments_root,
            **self.comment_styles,
        )
        self.remember(edit, index, before, (edit.find or "",))

    def source(self, index: int, item: Mapping[str, Any]) -> int:
        """The paragraph whose formatting (and list) an inserted paragraph takes: its ``like``, else the anchor."""
        like = item.get("like")
        return like if isinstance(like, int) and 0 <= like < len(self.doc.paragraphs) else index

    def _paragraph(self, index: int, item: Mapping[str, Any], last: _Element | None) -> NewParagraph:
        """One inserted paragraph: the formatting of its source (its ``like``, else the anchor: ``last``
        where the anchor ends its run of paragraphs), the source's next typed number, or, continuing
        the clause before it, no number and its text's indent."""
        source = self.source(index, item)
        para = self.doc.paragraphs[source]
        element = last if last is not None and source == index else self.element(source)
        if item.get("continued") and last is None:
            numbered = para.num_id is not None and para.label is not None
            return NewParagraph(
                item["text"],
                item.get("title"),
                source=element,
                continued=True,
                unnumber=numbered,
                indent=self.doc.numbering.left(para.num_id, para.ilvl or 0) if numbered and para.num_id else None,
            )
        number = None
        if (typed := typed_number(para.text)) is not None and not item.get("continued"):
            numbers = self.numbers.setdefault(source, [])
            self.taken[source] = taken = self.taken.get(source, 0) + 1
            number = numbers.pop(0) if numbers else next((n for n in (next_numbers(typed[0], taken) or [])[-1:]), None)
        titled = self.titled_clause(source) if item.get("title") and para.run_in_title is None else None
        return NewParagraph(
            item["text"], item.get("title"), source=element, number=number, title_source=titled, lead=item.get("lead")
        )

    def titled_clause(self, index: int) -> _Element | None:
        """The clause holding sub-clause ``index`` when that clause opens with a run-in title ("3.
        **Ownership.** …" above its "(a)", "(b)"): a sub-clause inserted there carries its title in that
        form, as the document's clauses do, not as an untitled item."""
        path = self.doc.paragraphs[index].section_path
        for j in range(index - 1, max(-1, index - 200), -1):
            parent = self.doc.paragraphs[j]
            if len(parent.section_path) < len(path) and path[: len(parent.section_path)] == parent.section_path:
                return self.element(j) if parent.run_in_title is not None else None
        return None

    def already_present(self, index: int, edit: Edit) -> bool:
        """Our own pending insertion (or the same clause) already follows the anchor."""
        texts = [item["text"] for item in edit.paragraphs]
        following = [para.text for para in self.doc.paragraphs[index + 1 : index + 1 + len(texts)]]
        return len(following) == len(texts) and all(
            have.endswith(want) for have, want in zip(following, texts, strict=True)
        )

    def answer(self, answer: Answer) -> tuple[list[int], int]:
        """Write the replies and resolve the threads of ``answer``: (reply comment ids, threads resolved)."""
        if not answer.replies and not answer.resolve:
            return [], 0
        self.threads = Threads.start(self.doc.package, self.comments_root)
        self.comments_root = self.threads.comments
        resolved = self.threads.resolve(answer.resolve)
        anchors = comment_anchors(self.doc.elements)

        def anchor(parent: str) -> tuple[_Element, _Element] | None:
            where = anchors.get(parent)
            if where is None:
                return None
            start = next(
                (el for el in self.element(where[0]).iter(qn("w:commentRangeStart")) if el.get(qn("w:id")) == parent),
                None,
            )
            end = next(
                (el for el in self.element(where[1]).iter(qn("w:commentRangeEnd")) if el.get(qn("w:id")) == parent),
                None,
            )
            return None if start is None or end is None else (start, end)

        def make(text: str) -> _Element:
            return comment_element(text, self.stamp, **self.comment_styles)

        written = [
            cid
            for reply in answer.replies
            if (cid := self.threads.reply(reply, self.stamp, self.ids, anchor, make)) is not None
        ]
        return written, resolved

    # -- writing --

    def package_bytes(self) -> bytes:
        package = self.doc.package
        changed = {package.main_part: serialize_xml(self.root)}
        content_types = {}
        if self.threads is not None and self.threads.extended is not None and self.comments_name is not None:
            changed[self.comments_name] = serialize_xml(self.comments_root)
            parts, types = self.threads.parts(changed)
            changed.update(parts)
            content_types.update(types)
        if len(self.comments_root) > self.comment_count:
            if self.comments_name is None:
                self.comments_name = _free_part_name(package.parts, "word/comments.xml")
                folder = posixpath.dirname(package.main_part)
                _rid, rels = add_relationship(
                    package, package.main_part, RT_COMMENTS, posixpath.relpath(self.comments_name, folder)
                )
                changed.update(rels)
                content_types[self.comments_name] = CT_COMMENTS
            changed[self.comments_name] = serialize_xml(self.comments_root)
        if self.proposals and self.order:
            number = max((r.number for r in read_rounds(package)), default=0) + 1
            order = {edit_id: n for n, edit_id in enumerate(self.order)}
            proposals = tuple(sorted(self.proposals, key=lambda p: order.get(p.id, len(order))))
            parts, types = record_parts(
                package, Round(number, self.stamp.author, self.stamp.w_date, proposals), changed
            )
            changed.update(parts)
            content_types.update(types)
        return write_package(package, changed, content_types=content_types)


# A namespace declaration as written in a start tag (also matches look-alikes in text: harmless,
# they can only make a namespace look declared once too often).
_DECLARATION = re.compile(rb"""xmlns(?::[^\s=/>]+)?\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_PLAIN_URI = re.compile(rb"[^&{}\x00-\x20\x7f-\xff]+")  # printable ASCII without "&" and braces


def _clones_suffice(doc: Document) -> bool:
    """Whether copies of single paragraphs, put into the caller's tree, serialize exactly as a
    copy of the whole tree would.

    lxml drops the declarations of an element it moves whose namespace URI is already declared
    around its new place, so that must never be the case in the part: every URI declared twice
    or more in its bytes (a drawing's ``a``, declared per picture) is declared each time where it
    shows (its prefix new to the parent's scope, the URI too), never at the root, and only on
    elements of that namespace whose parent is not.
    """
    root, data = doc.root, doc.package.part(doc.package.main_part)
    if data is None or root is not doc.package.xml(doc.package.main_part):
        return False
    declared = Counter(double or single for double, single in _DECLARATION.findall(data))
    if not all(_PLAIN_URI.fullmatch(uri) for uri in declared):
        return False
    at_root = set(root.nsmap.values())
    if not at_root <= {uri.decode() for uri in declared}:  # not the bytes of this tree as read
        return False
    for raw, count in declared.items():
        if count == 1:
            continue
        uri = raw.decode()
        if uri in at_root:
            return False
        shown, ns = 0, f"{{{uri}}}"
        for el in root.iter(ns + "*"):
            parent = parent_of(el)  # not the root: a URI declared at the root returned above
            if parent.tag.startswith(ns):  # a declaration here is not counted: no fast path
                continue
            around = parent.nsmap
            new = [prefix for prefix, value in el.nsmap.items() if value == uri and around.get(prefix) != uri]
            if new and uri in around.values():
                return False
            shown += len(new)
        if shown != count:
            return False
    return True


def _free_part_name(parts: Iterable[str], wanted: str) -> str:
    taken = {name.casefold() for name in parts}
    stem, ext = posixpath.splitext(wanted)
    name, n = wanted, 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}{n}{ext}"
    return name


def _skip(edit: Edit, reason: str, message: str) -> dict[str, Any]:
    return {"id": edit.id, "op": edit.op, "reason": reason, "message": message}


def apply_plan(
    doc: Document,
    plan: Plan,
    *,
    stamp: RevisionStamp,
    comments: bool = True,
    protections: Mapping[str, str] | None = None,
    record: bool = True,
    answer: Answer | None = None,
) -> WriteResult:
    """Write ``plan`` into ``doc`` as tracked changes by ``stamp``; the caller's ``doc`` is not
    modified (the writer edits a copy), so the same document can be written again.

    Range edits (``replace``, ``comment``) are applied per paragraph from the end backwards, so
    their offsets into the original current text stay right; a range overlapping another edit's
    range is skipped. ``insert_after`` edits on the same anchor follow each other in plan order.
    With ``comments=False`` no comment is written and ``comment`` edits are skipped. Where an
    inserted clause continues a typed numbering ("7.3" -> "7.4") before typed siblings, those and
    the typed references to them are renumbered as tracked replacements (``renumbered``), unless
    a planned edit covers the same words.

    With ``record`` (the default) the edits applied are recorded in the document as this round
    (:mod:`noai.ooxml.record`), each with the protection ``protections`` maps its clause id to,
    so the next round can tell what became of them. ``answer`` adds our replies in comment threads
    and resolves threads (:mod:`noai.ooxml.replies`), as Word writes them.

    The plan is typed (:class:`~noai.plan.Plan`); a plan read from JSON is checked against its
    schema on the way in (:meth:`Plan.from_dict`), not here.

    :raise PlanError: an edit's text cannot go into a Word document (control characters) or its
        range is outside its paragraph.
    """
    edits = list(plan.edits)
    writer = _Writer(doc, stamp, comments)
    writer.protections = protections or {}
    writer.order = [edit.id for edit in edits] if record else []
    writer.renumbered = plan.renumbered
    try:
        result = _apply(writer, edits, comments, answer or Answer())
        return result
    finally:
        writer.restore()


def _apply(writer: _Writer, edits: list[Edit], comments: bool, answer: Answer) -> WriteResult:
    done: set[int] = set()
    skipped: list[dict[str, Any]] = []
    ranges: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    insertions: list[tuple[int, int]] = []
    for n, edit in enumerate(edits):
        index = writer.anchor(edit)
        if index is None:
            number = edit.index + 1
            skipped.append(
                _skip(
                    edit,
                    "anchor-not-found",
                    f"Paragraph {number}, which this edit is anchored to, is no longer in the document as planned.",
                )
            )
        elif edit.op == "comment" and not comments:
            skipped.append(_skip(edit, "comments-off", "Comments were turned off."))
        elif edit.op == "insert_after":
            if writer.already_present(index, edit):
                skipped.append(_skip(edit, "already-present", "The clause is already there."))
            else:
                insertions.append((n, index))
        elif (span := writer.span(index, edit)) is None:
            skipped.append(_skip(edit, "phrase-not-found", f"The words to change are not in paragraph {index + 1}."))
        elif any(start < span[1] and span[0] < end for start, end, _ in ranges[index]):
            skipped.append(_skip(edit, "overlap", "The words overlap another edit of the same plan."))
        else:
            ranges[index].append((*span, n))
    renumbered = _renumbering(writer, edits, insertions, ranges)
    followed = {index for _, index in insertions}  # paragraphs after which paragraphs are inserted
    for index, spans in ranges.items():
        for start, end, n in sorted(spans, reverse=True):
            if n >= len(edits):
                writer.renumber(index, renumbered[n - len(edits)])
                continue
            edit = edits[n]
            if edit.op == "replace":
                writer.replace(index, start, end, edit, index in followed)
            else:
                writer.comment(index, start, end, edit)
            done.add(n)
    for n, index in insertions:
        writer.insert(index, edits[n])
        done.add(n)
    replies, resolved = writer.answer(answer) if comments else ([], 0)
    applied = [edit.id for n, edit in enumerate(edits) if n in done]
    changed = [
        {"index": c.index, "start": c.start, "end": c.end, "from": c.old, "to": c.new, "reference": c.reference}
        for c in renumbered
    ]
    return WriteResult(writer.package_bytes(), applied, skipped, changed, replies, resolved)


def _renumbering(
    writer: _Writer, edits: list[Edit], insertions: list[tuple[int, int]], ranges: dict[int, list[tuple[int, int, int]]]
) -> list[TextChange]:
    """The typed numbers and references to renumber for the insertions (see
    :mod:`noai.ooxml.renumber`), change ``k`` added to ``ranges`` as number ``len(edits) + k``; one that
    overlaps a planned edit's range is left out: the plan's edit is what was asked for."""
    inserted: dict[int, int] = defaultdict(int)
    for n, index in insertions:
        for source, count in numbered_paragraphs(index, edits[n], writer.source).items():
            inserted[source] += count
    if not inserted:
        return []
    paragraphs = writer.doc.paragraphs
    struck = {  # the paragraphs struck whole, with their marks (see _Writer.replace): gone, and their numbers
        index
        for index, spans in ranges.items()
        for start, end, n in spans
        if edits[n].op == "replace" and not edits[n].replacement and start == 0 and end >= len(paragraphs[index].text)
    }
    texts, shown = without(paragraphs, struck)
    found = writer.renumbered.reuse(texts, inserted, shown) if writer.renumbered else renumber(texts, inserted, shown)
    writer.numbers = {source: list(numbers) for source, numbers in found.numbers.items()}  # popped as they are used
    changes: list[TextChange] = []
    for change in found.changes:
        if change.automatic:
            continue  # Word renumbers it; the typed references to it are changes of their own
        spans = ranges[change.index]
        if not any(start < change.end and change.start < end for start, end, _ in spans):
            spans.append((change.start, change.end, len(edits) + len(changes)))
            changes.append(change)
    return changes
