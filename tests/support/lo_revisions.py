#!/usr/bin/python3
"""Read a .docx with LibreOffice Writer (a real word processor) and report its tracked changes.

Copied from tools/lo_revisions.py of the shared notes written for this project (see
../shared/REAL-CLIENTS.md there), unchanged but for this note and ``rejected_formats`` / ``accepted_formats``
(the numbers and styles after reject-all / accept-all); tests call it through tests/support/lo.py.

Usage (run with the Debian interpreter that has python3-uno, i.e. /usr/bin/python3):
    /usr/bin/python3 lo_revisions.py [--pdf OUT] [--png OUT] [--pretty] FILE.docx [FILE.docx ...]

Set-up (Debian bookworm; about 100 MB of packages):
    apt-get install -y --no-install-recommends libreoffice-writer python3-uno poppler-utils
Not libreoffice-writer-nogui: it lacks Writer's UI definition files (modules/swriter/ui/*.ui), and
soffice 7.4 then aborts when it opens, in a (hidden) frame, a document with comments and tracked
changes. --convert-to works with either package; this script needs frames for accept/reject all.

One headless soffice is started for the whole run, on a private named pipe (or with --port N on
127.0.0.1), with a throw-away user profile in a temporary folder; it is shut down at the end
(terminate() over UNO, then SIGTERM/SIGKILL to the process group it was started in, by pid).
If a file crashes or hangs soffice (--timeout), that file is reported as an error and a fresh
soffice is started for the next one.

For each file one JSON object is printed on its own line (JSON Lines; --pretty indents):
  file, ok, load_error (null, or why LibreOffice could not open it), filter (import filter used),
  interactions (warnings LibreOffice raised while loading, e.g. format errors), seconds,
  redlines: [{type: Insert|Delete|Format|ParagraphFormat|TextTable..., author, date, comment, text}],
  redline_counts: {type: n}, paragraphs / text: the document as loaded (inserted AND deleted text),
  accepted_paragraphs / accepted_text: after .uno:AcceptAllTrackedChanges,
  rejected_paragraphs / rejected_text: after .uno:RejectAllTrackedChanges (on a fresh load),
  rejected_formats / accepted_formats: [list label, paragraph style] of each paragraph after reject-all /
  accept-all (this copy only),
  redlines_left_after_accept / _after_reject: should both be 0,
  comments_after_accept / comments_after_reject: texts of the comments still there afterwards,
  comments: [{author, initials, date, text, anchor}], comment_count,
  pdf / png: paths written (first page of the PDF, via pdftoppm) when asked.
Paragraph lists include table cell paragraphs (in reading order) and header/footer text is left out.

Exit status: 0 every file loaded, 1 at least one file failed to load, 2 LibreOffice unusable.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

try:
    import uno
    import unohelper
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.task import XInteractionHandler
except ImportError:  # pragma: no cover
    sys.stderr.write(
        "lo_revisions: the 'uno' module is missing. Install python3-uno and run this script with the "
        "interpreter it belongs to (Debian: /usr/bin/python3), not a virtualenv's python.\n"
    )
    sys.exit(2)

DOCX_FILTER = "MS Word 2007 XML"


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _dt(d):
    """com.sun.star.util.DateTime -> ISO 8601 string (None when unset)."""
    if d is None or (d.Year == 0 and d.Month == 0):
        return None
    return "%04d-%02d-%02dT%02d:%02d:%02d" % (d.Year, d.Month, d.Day, d.Hours, d.Minutes, d.Seconds)


class _Recorder(unohelper.Base, XInteractionHandler):
    """Interaction handler: records every request LibreOffice raises while loading and aborts it,
    so that nothing waits for a dialog and nothing is 'repaired' silently."""

    def __init__(self):
        self.requests = []

    def handle(self, request):
        req = request.getRequest()
        name = getattr(req, "typeName", None) or type(req).__name__
        msg = getattr(req, "Message", "") or ""
        detail = {"request": name, "message": msg}
        for attr in ("Classification", "ErrCode"):
            if hasattr(req, attr):
                detail[attr.lower()] = str(getattr(req, attr))
        self.requests.append(detail)
        conts = request.getContinuations()
        chosen = None
        for c in conts:
            if c.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionAbort")):
                chosen = c
                break
        if chosen is None:
            for c in conts:
                if c.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionApprove")):
                    chosen = c
                    break
        if chosen is not None:
            chosen.select()


class Office:
    """One private headless soffice, reached over a private pipe (or a 127.0.0.1 port)."""

    def __init__(self, soffice: str, port: int | None, start_timeout: float):
        self.soffice = soffice
        self.port = port
        self.start_timeout = start_timeout
        self.proc = None
        self.tmp = None
        self.ctx = None
        self.desktop = None
        self.copies = 0

    def start(self):
        self.tmp = tempfile.mkdtemp(prefix="lo_revisions_")
        profile_url = uno.systemPathToFileUrl(os.path.join(self.tmp, "profile"))
        if self.port:
            accept = "socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % self.port
        else:
            accept = "pipe,name=lo_rev_%s;urp;StarOffice.ComponentContext" % uuid.uuid4().hex
        cmd = [
            self.soffice,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "--nofirststartwizard",
            "-env:UserInstallation=" + profile_url,
            "--accept=" + accept,
        ]
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env["SAL_USE_VCLPLUGIN"] = "svp"
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=env,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + self.start_timeout
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                code = self.proc.returncode
                self.stop()
                raise RuntimeError("soffice exited with status %s while starting" % code)
            try:
                self.ctx = resolver.resolve("uno:" + accept)
                break
            except NoConnectException as exc:
                last = exc
                time.sleep(0.25)
        else:
            self.stop()
            raise RuntimeError("soffice did not accept a connection in %ss (%s)" % (self.start_timeout, last))
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.ctx)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill(self):
        """Kill the soffice this object started and its children (soffice -> oosplash ->
        soffice.bin): they form the process group whose id is the pid we started."""
        if self.proc is None:
            return
        pgid = self.proc.pid
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(pgid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + 5
            gone = False
            while time.monotonic() < deadline:
                self.proc.poll()  # reap the leader, our child
                try:
                    os.killpg(pgid, 0)
                except ProcessLookupError:
                    gone = True
                    break
                time.sleep(0.1)
            if gone:
                break
        self.proc.poll()

    def stop(self):
        if self.desktop is not None and self.alive():
            guard = threading.Timer(15, self.kill)  # a hung soffice must not hang us
            guard.start()
            try:
                self.desktop.terminate()
                self.proc.wait(10)
            except Exception:
                pass
            finally:
                guard.cancel()
        self.kill()
        self.desktop = self.ctx = None
        self.proc = None
        if self.tmp:
            for _ in range(3):
                shutil.rmtree(self.tmp, ignore_errors=True)
                if not os.path.exists(self.tmp):
                    break
                time.sleep(0.5)
            self.tmp = None

    # ------------------------------------------------------------------ documents

    def private_copy(self, path: str) -> str:
        """Copy the input into this run's temp folder: LibreOffice then writes its lock file
        there, never beside the user's file, and a stale lock beside the file cannot block it."""
        self.copies += 1
        dst = os.path.join(self.tmp, "in", "%d%s" % (self.copies, os.path.splitext(path)[1] or ".docx"))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(path, dst)
        return dst

    def load(self, path: str, handler: _Recorder):
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        args = (
            prop("Hidden", True),
            prop("ReadOnly", False),
            prop("FilterName", DOCX_FILTER),
            prop("MacroExecutionMode", 0),  # NEVER_EXECUTE
            prop("UpdateDocMode", 0),  # NO_UPDATE
            prop("RepairPackage", False),
            prop("InteractionHandler", handler),
        )
        return self.desktop.loadComponentFromURL(url, "_blank", 0, args)

    def dispatch(self, doc, command: str):
        frame = doc.getCurrentController().getFrame()
        self.dispatcher.executeDispatch(frame, command, "", 0, ())


def _paragraphs(text):
    """Paragraph strings of an XText in reading order, descending into tables."""
    out = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.TextTable"):
            for name in _cell_names(el):
                out.extend(_paragraphs(el.getCellByName(name)))
        elif el.supportsService("com.sun.star.text.Paragraph"):
            out.append(el.getString())
    return out


def _formats(text):
    """[list label, paragraph style] of each paragraph of an XText, in the order of :func:`_paragraphs`:
    the number LibreOffice shows (automatic numbering; "" for none) and the style it formats it with."""
    out = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.TextTable"):
            for name in _cell_names(el):
                out.extend(_formats(el.getCellByName(name)))
        elif el.supportsService("com.sun.star.text.Paragraph"):
            try:
                label = el.getPropertyValue("ListLabelString") or ""
            except Exception:
                label = ""
            out.append([label, el.getPropertyValue("ParaStyleName")])
    return out


def _cell_names(table):
    names = list(table.getCellNames())

    def key(n):
        col = "".join(ch for ch in n if ch.isalpha())
        row = "".join(ch for ch in n if ch.isdigit() or ch == ".")
        first = row.split(".")[0] if row else "0"
        return (int(first or 0), len(col), col, n)

    return sorted(names, key=key)


def _redlines(doc):
    out = []
    enum = doc.getRedlines().createEnumeration()
    while enum.hasMoreElements():
        r = enum.nextElement()
        item = {
            "type": r.getPropertyValue("RedlineType"),
            "author": r.getPropertyValue("RedlineAuthor"),
            "date": _dt(r.getPropertyValue("RedlineDateTime")),
            "comment": r.getPropertyValue("RedlineComment") or None,
            "text": None,
        }
        try:
            start = r.getPropertyValue("RedlineStart")
            end = r.getPropertyValue("RedlineEnd")
            cur = start.getText().createTextCursorByRange(start)
            cur.gotoRange(end, True)
            item["text"] = cur.getString()
        except Exception as exc:  # table redlines etc. have no simple text range
            item["text_error"] = "%s" % type(exc).__name__
        out.append(item)
    return out


def _comments(doc):
    out = []
    enum = doc.getTextFields().createEnumeration()
    while enum.hasMoreElements():
        f = enum.nextElement()
        if not f.supportsService("com.sun.star.text.TextField.Annotation"):
            continue
        item = {
            "author": f.getPropertyValue("Author"),
            "initials": f.getPropertyValue("Initials") or None,
            "date": None,
            "text": f.getPropertyValue("Content"),
            "anchor": None,
        }
        with contextlib.suppress(Exception):
            item["date"] = _dt(f.getPropertyValue("DateTimeValue"))
        with contextlib.suppress(Exception):
            item["anchor"] = f.getAnchor().getString()
        out.append(item)
    return out


def _count(items):
    counts = {}
    for it in items:
        counts[it["type"]] = counts.get(it["type"], 0) + 1
    return counts


def _close(doc):
    try:
        doc.close(True)
    except Exception:
        with contextlib.suppress(Exception):
            doc.dispose()


def _filter_name(doc):
    for p in doc.getArgs():
        if p.Name == "FilterName":
            return p.Value
    return None


def examine(office: Office, path: str, pdf: str | None, png: str | None) -> dict:
    res = {"file": path, "ok": False, "load_error": None, "filter": None, "interactions": []}
    t0 = time.monotonic()
    if not os.path.isfile(path):
        res["load_error"] = "no such file"
        return res
    handler = _Recorder()
    local = office.private_copy(path)
    try:
        doc = office.load(local, handler)
    except Exception as exc:
        doc = None
        res["load_error"] = "%s: %s" % (type(exc).__name__, getattr(exc, "Message", "") or exc)
    res["interactions"] = handler.requests
    if doc is None:
        if not res["load_error"]:
            res["load_error"] = "LibreOffice returned no document (not a loadable .docx)"
        res["seconds"] = round(time.monotonic() - t0, 2)
        return res
    try:
        res["filter"] = _filter_name(doc)
        if not doc.supportsService("com.sun.star.text.TextDocument"):
            res["load_error"] = "loaded, but not as a text document"
            return res
        red = _redlines(doc)
        res["redlines"] = red
        res["redline_counts"] = _count(red)
        res["paragraphs"] = _paragraphs(doc.getText())
        res["text"] = "\n".join(res["paragraphs"])
        res["comments"] = _comments(doc)
        res["comment_count"] = len(res["comments"])
        if pdf:
            doc.storeToURL(
                uno.systemPathToFileUrl(os.path.abspath(pdf)),
                (
                    prop("FilterName", "writer_pdf_Export"),
                    prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", (prop("ExportNotes", True),))),
                ),
            )
            res["pdf"] = pdf
            if png:
                res["png"] = _first_page_png(pdf, png)
        elif png:
            with tempfile.TemporaryDirectory(prefix="lo_revisions_pdf_") as td:
                tmp_pdf = os.path.join(td, "page.pdf")
                doc.storeToURL(uno.systemPathToFileUrl(tmp_pdf), (prop("FilterName", "writer_pdf_Export"),))
                res["png"] = _first_page_png(tmp_pdf, png)
        doc.setPropertyValue("RecordChanges", False)
        office.dispatch(doc, ".uno:AcceptAllTrackedChanges")
        res["accepted_paragraphs"] = _paragraphs(doc.getText())
        res["accepted_formats"] = _formats(doc.getText())
        res["accepted_text"] = "\n".join(res["accepted_paragraphs"])
        res["redlines_left_after_accept"] = len(_redlines(doc))
        res["comments_after_accept"] = [c["text"] for c in _comments(doc)]
    finally:
        _close(doc)
    # reject on a fresh load (undo of accept-all is not reliable)
    doc = office.load(local, _Recorder())
    try:
        doc.setPropertyValue("RecordChanges", False)
        office.dispatch(doc, ".uno:RejectAllTrackedChanges")
        res["rejected_paragraphs"] = _paragraphs(doc.getText())
        res["rejected_formats"] = _formats(doc.getText())
        res["rejected_text"] = "\n".join(res["rejected_paragraphs"])
        res["redlines_left_after_reject"] = len(_redlines(doc))
        res["comments_after_reject"] = [c["text"] for c in _comments(doc)]
    finally:
        _close(doc)
    res["ok"] = True
    res["seconds"] = round(time.monotonic() - t0, 2)
    return res


def _first_page_png(pdf: str, png: str) -> str | None:
    exe = shutil.which("pdftoppm")
    if not exe:
        return None
    stem = png[:-4] if png.lower().endswith(".png") else png
    subprocess.run(
        [exe, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, stem],
        check=True,
        timeout=60,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return stem + ".png"


def _out_path(opt: str | None, src: str, many: bool, ext: str) -> str | None:
    if not opt:
        return None
    if many:
        os.makedirs(opt, exist_ok=True)
        return os.path.join(opt, os.path.splitext(os.path.basename(src))[0] + ext)
    return opt


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description="Report tracked changes and comments of .docx files as LibreOffice Writer reads them (JSON Lines)."
    )
    ap.add_argument("files", nargs="+")
    ap.add_argument("--pdf", help="write a PDF (changes shown); with several files: a folder")
    ap.add_argument("--png", help="write page 1 as PNG (needs pdftoppm); with several files: a folder")
    ap.add_argument("--pretty", action="store_true", help="indent the JSON")
    ap.add_argument("--port", type=int, help="listen on 127.0.0.1:PORT instead of a private pipe")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per file before soffice is killed")
    ap.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    args = ap.parse_args(argv)

    office = Office(args.soffice, args.port, start_timeout=60)
    try:
        office.start()
    except Exception as exc:
        sys.stderr.write("lo_revisions: cannot start LibreOffice: %s\n" % exc)
        return 2
    many = len(args.files) > 1
    worst = 0
    try:
        for path in args.files:
            if not office.alive():
                office.stop()
                office.start()
            timer = threading.Timer(args.timeout, office.kill)
            timer.start()
            try:
                res = examine(
                    office, path, _out_path(args.pdf, path, many, ".pdf"), _out_path(args.png, path, many, ".png")
                )
            except Exception as exc:
                res = {
                    "file": path,
                    "ok": False,
                    "load_error": "LibreOffice failed on this file: %s: %s"
                    % (type(exc).__name__, getattr(exc, "Message", "") or exc),
                }
            finally:
                timer.cancel()
            if not office.alive():
                res["ok"] = False
                res["load_error"] = (
                    res.get("load_error") or ""
                ) + " (soffice crashed or hit --timeout %ss; restarted)" % args.timeout
                office.stop()
                office.start()
            if not res["ok"]:
                worst = 1
            print(json.dumps(res, ensure_ascii=False, indent=2 if args.pretty else None), flush=True)
    finally:
        office.stop()
    return worst


if __name__ == "__main__":
    sys.exit(main())
