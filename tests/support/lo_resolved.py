"""``lo_revisions.py`` with each comment's ``resolved`` flag as LibreOffice reads it (Word's ``w15:done``).

Run by LibreOffice's Python: ``/usr/bin/python3 lo_resolved.py TOOLS_DIR FILE.docx`` (TOOLS_DIR holds
lo_revisions.py); prints lo_revisions' JSON, each comment with ``resolved`` (None where unreadable).
"""

import sys

sys.path.insert(0, sys.argv.pop(1))
import lo_revisions as lr

_plain = lr._comments


def _comments(doc):
    out = _plain(doc)
    enum = doc.getTextFields().createEnumeration()
    k = 0
    while enum.hasMoreElements():
        f = enum.nextElement()
        if not f.supportsService("com.sun.star.text.TextField.Annotation"):
            continue
        try:
            out[k]["resolved"] = bool(f.getPropertyValue("Resolved"))
        except Exception:
            out[k]["resolved"] = None
        k += 1
    return out


lr._comments = _comments
sys.exit(lr.main())
