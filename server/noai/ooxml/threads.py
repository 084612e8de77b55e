"""Comment threads as Word keeps them: ``word/comments.xml`` and ``word/commentsExtended.xml``.

Word 2013 and later write a reply as a comment of its own whose ``w15:commentEx`` (keyed by the
``w14:paraId`` of the comment's last paragraph) names its parent's paraId in ``w15:paraIdParent``;
``w15:done="1"`` marks a thread resolved. Read-only; the thread parts are written by
:mod:`noai.ooxml.replies`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ns import RT_COMMENTS, W14, W
from .package import Package
from .text import current_text
from .xml import parse_xml

W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
RT_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
_W, _W14, _W15 = "{%s}" % W, "{%s}" % W14, "{%s}" % W15


@dataclass(frozen=True, slots=True)
class Comment:
    id: str
    author: str
    date: str
    text: str
    para_id: str | None  # w14:paraId of its last paragraph (what commentsExtended keys on)
    parent: str | None = None  # the w:id of the comment it replies to
    done: bool = False


def read_comments(package: Package) -> list[Comment]:
    """Every comment of the main document, in part order, with its thread parent and done flag."""
    name = package.related(package.main_part, RT_COMMENTS)
    data = package.part(name) if name else None
    if name is None or data is None:
        return []
    root = parse_xml(data, name)
    raw = []
    for c in root.iter(_W + "comment"):
        paragraphs = list(c.iter(_W + "p"))
        para_id = paragraphs[-1].get(_W14 + "paraId") if paragraphs else None
        raw.append(
            (
                c.get(_W + "id", ""),
                c.get(_W + "author", ""),
                c.get(_W + "date", ""),
                "\n".join(current_text(p) for p in paragraphs),
                para_id,
            )
        )
    extended = _extended(package)
    by_para = {para_id: cid for cid, _a, _d, _t, para_id in raw if para_id}
    out = []
    for cid, author, date, text, para_id in raw:
        parent_para, done = extended.get(para_id or "", (None, False))
        out.append(Comment(cid, author, date, text, para_id, by_para.get(parent_para or ""), done))
    return out


def _extended(package: Package) -> dict[str, tuple[str | None, bool]]:
    """paraId -> (its parent's paraId, done) from commentsExtended.xml."""
    name = package.related(package.main_part, RT_COMMENTS_EXTENDED)
    data = package.part(name) if name else None
    if name is None or data is None:
        return {}
    root = parse_xml(data, name)
    return {
        ex.get(_W15 + "paraId", ""): (ex.get(_W15 + "paraIdParent"), ex.get(_W15 + "done") in ("1", "true"))
        for ex in root.iter(_W15 + "commentEx")
    }


def replies_to(comments: list[Comment], comment_id: str) -> list[Comment]:
    """The replies in the thread of comment ``comment_id`` (replies to replies included), in order."""
    thread, out = {comment_id}, []
    for c in comments:
        if c.parent in thread:
            thread.add(c.id)
            out.append(c)
    return out
