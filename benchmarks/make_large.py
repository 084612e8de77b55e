"""Big synthetic contracts for the benchmarks, built in memory from the bundled example's parts.

``make_large(paragraphs=1500)`` is a Master Services Agreement of about 100 pages: the
example's ten sections, then Statements of Work that repeat and vary them ("Statement of Work
No. 7"), each with a fee table; auto-numbered sections and clauses, bold run-in titles, and a few
tracked changes (a replacement ``w:del`` + ``w:ins`` in the licence clause and an inserted
paragraph whose mark is ``w:ins`` too) in every fifth Statement of Work.
``make_large(15000)`` is the 10x case. Deterministic: the same arguments give the same bytes.

Its XML is lean, as python-docx writes it: about 14 bytes of ``document.xml`` a word of text,
where the Word-made contracts of the corpus mostly hold 45-80 (revision-session ids, proofing
marks, run properties repeated in every run), and the add-in always sends what Word wrote.
``word_made(path, paragraphs)`` is a contract of that kind: the body of a Word-made contract of
``tests/data/corpus`` repeated to about ``paragraphs`` paragraphs, every other part as Word
saved it.

    python3 benchmarks/make_large.py OUT.docx [PARAGRAPHS]
"""

from __future__ import annotations

import copy
import io
import sys
import zipfile
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

from make_example import (
    PREAMBLE,
    RECITAL,
    SECTIONS,
    SIGNATURE_LEAD,
    SIGNATURE_ROWS,
    ContractWriter,
    run,
)

AUTHOR = "Opposing Counsel"
DATE = "2026-01-15T10:00:00Z"
REPLACED = "for any and all purposes"
REPLACEMENT = "solely for the purposes of the applicable Statement of Work"
INSERTED = "Reservation of Rights. All rights not expressly granted in this Section are reserved by the Studio."


class _Revisions:
    """Tracked changes with ids counted from 1 (the generated document has none of its own)."""

    def __init__(self):
        self.next_id = 1

    def mark(self, tag: str):
        el = OxmlElement(tag, {qn("w:id"): str(self.next_id), qn("w:author"): AUTHOR, qn("w:date"): DATE})
        self.next_id += 1
        return el

    def replace(self, r, phrase: str, replacement: str):
        """Split the ``w:r`` ``r`` around ``phrase``: ``w:del`` of it, then ``w:ins`` of the replacement."""
        before, _, after = r[-1].text.partition(phrase)
        deleted, inserted = self.mark("w:del"), self.mark("w:ins")
        deleted.append(run(phrase, text_tag="w:delText"))
        inserted.append(run(replacement))
        for el in (run(before), deleted, inserted, run(after)):
            r.addprevious(el)
        r.getparent().remove(r)

    def insert_paragraph(self, writer: ContractWriter, text: str):
        """A numbered paragraph inserted as a tracked change, paragraph mark included."""
        p = writer.numbered(1)
        r_pr = OxmlElement("w:rPr")
        r_pr.append(self.mark("w:ins"))
        p.pPr.append(r_pr)
        inserted = self.mark("w:ins")
        inserted.append(run(text))
        p.append(inserted)


def _fee_table(sow: int) -> tuple[tuple[str, ...], ...]:
    rows = ((f"M{m}", f"Design package {sow}.{m}", f"{(sow * 7 + m * 3) % 40 * 250 + 2500:,}") for m in (1, 2, 3))
    return (("Milestone", "Deliverables", "Fee (USD)"), *rows)


def make_large(paragraphs: int = 1500) -> bytes:
    """A contract of at least ``paragraphs`` paragraphs (Word's ``body.paragraphs``, table cells in)."""
    writer = ContractWriter("Master Services Agreement and Statements of Work")
    writer.paragraph(PREAMBLE)
    writer.paragraph(RECITAL)
    count = 3
    revisions = _Revisions()
    sow = 0
    while count < paragraphs:
        if sow:
            writer.paragraph(f"STATEMENT OF WORK NO. {sow}")
            count += 1
        for section in SECTIONS:
            writer.heading(section.title if not sow else f"{section.title} (Statement of Work No. {sow})")
            count += 1
            for clause in section.clauses:
                p = writer.clause(clause)
                count += 1 + len(clause.items)
                if sow % 5 == 4 and REPLACED in clause.text:
                    revisions.replace(p[-1], REPLACED, REPLACEMENT)
                    revisions.insert_paragraph(writer, INSERTED)
                    count += 1
        rows = _fee_table(sow)
        writer.table(rows)
        count += len(rows) * len(rows[0])
        sow += 1
    writer.paragraph(SIGNATURE_LEAD)
    writer.table(SIGNATURE_ROWS)
    return writer.to_bytes()


def word_made(path: Path, paragraphs: int = 1500) -> bytes:
    """The contract at ``path`` with its body repeated as many times as comes nearest to
    ``paragraphs`` paragraphs (its ``w:sectPr`` stays last); every other zip entry as it was."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    xml = {info.filename: blob for info, blob in entries}["word/document.xml"]
    root = etree.fromstring(xml)
    body = root.find(f"{w}body")
    end = body[-1] if len(body) and body[-1].tag == f"{w}sectPr" else None
    content = [child for child in body if child is not end]
    # paragraphs as Word's body.paragraphs counts them: not those of text boxes
    once = sum(1 for child in content for _ in child.iter(f"{w}p")) - sum(
        1 for child in content for box in child.iter(f"{w}txbxContent") for _ in box.iter(f"{w}p")
    )
    for _ in range(max(1, round(paragraphs / max(once, 1))) - 1):
        for child in content:
            (end.addprevious if end is not None else body.append)(copy.deepcopy(child))
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info, blob in entries:
            target.writestr(info, xml if info.filename == "word/document.xml" else blob)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    out = Path(args[0])
    out.write_bytes(make_large(int(args[1]) if len(args) > 1 else 1500))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
