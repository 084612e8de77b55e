"""Issue 15, placement: a contract whose clauses carry typed numbers ("3.", "4.") under bold unnumbered
titles ("Ownership and use of the Artwork", "Payment", "Miscellaneous") has its IP section end at the last clause
under the IP title, not at the end of the operative terms: the new clauses go in with the rights in the
work, never after the governing-law clause of a later title."""

from __future__ import annotations

from datetime import UTC, datetime

from support.docx_builder import make_docx, p, r
from test_writer import accepted, rejected

from noai import engine
from noai.ooxml.document import read_document

DATE = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
PARTIES = 'This agreement is between Mara Quist (the "Illustrator") and Bellweather Games Ltd (the "Publisher").'
KEEPS = "2. The Illustrator owns all copyright in the Artwork."
GRANT = (
    "3. The Illustrator grants the Publisher a non-exclusive licence to reproduce the Artwork on the box and "
    "in the rulebook of the game, worldwide, for five years."
)
LAW = "5. These terms are governed by the law of Scotland."


def titled_typed() -> bytes:
    return make_docx(
        "".join(
            [
                p(r("ILLUSTRATION AGREEMENT", b=True)),
                p(PARTIES),
                p(r("Artwork", b=True)),
                p('1. The Illustrator will draw twelve card illustrations (the "Artwork") by 1 June 2027.'),
                p(r("Ownership and use of the Artwork", b=True)),
                p(KEEPS),
                p(GRANT),
                p(r("Payment", b=True)),
                p("4. The Publisher shall pay £3,000 within 30 days of delivery."),
                p(r("Miscellaneous", b=True)),
                p(LAW),
            ]
        )
    )


def test_the_ip_section_under_a_bold_title_runs_over_its_typed_clauses_to_the_next_title():
    result = engine.audit(titled_typed(), filename="x.docx")
    texts = [q.text for q in result.paragraphs]
    assert result.ip_section is not None and result.ip_section.title == "Ownership and use of the Artwork"
    assert result.ip_section.start <= texts.index(GRANT) <= result.ip_section.end < texts.index(LAW)


def test_no_clause_goes_in_after_the_governing_law_of_a_later_title():
    docx = titled_typed()
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant="standard"))
    texts = [q.text for q in red.audit.paragraphs]
    covenant = [e.index for e in red.plan.edits if e.clause == "no-ai-training"]
    assert covenant == [texts.index(GRANT)]
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]  # reject-all gives the input back
    written = accepted(red.docx)
    assert (
        written.index(GRANT)
        < next(i for i, t in enumerate(written) if "train" in t)
        < written.index(next(t for t in written if t.endswith("law of Scotland.")))
    )


def closing_marker() -> bytes:
    """Typed sub-clauses ("3.1", "3.2") under typed clause titles; the IP clause's last sub-clause closes
    with an unnumbered paragraph of its own (a bracketed drafting marker)."""
    return make_docx(
        "".join(
            [
                p(r("LOGO DESIGN AGREEMENT", b=True)),
                p(PARTIES.replace("Illustrator", "Designer")),
                p("1.\tTHE DESIGN"),
                p('1.1\tThe Designer shall design a logo for the Publisher (the "Logo").'),
                p("2.\tFEES"),
                p("2.1\tThe Publisher shall pay the Designer £900 on delivery of the Logo."),
                p("3.\tRIGHTS IN THE LOGO"),
                p("3.1\tThe Designer keeps the copyright in the Logo, in its drafts and in every sketch made for it."),
                p(
                    "3.2\tThe Designer grants the Publisher a non-exclusive licence to use the Logo on its "
                    "products and packaging worldwide."
                ),
                p("[Drafting note: delete 3.2 if the Logo is assigned.]"),
                p("4.\tLAW"),
                p("4.1\tThese terms, and any dispute arising from them, are governed by the law of Northern Ireland."),
            ]
        )
    )


def test_a_clause_appended_after_a_sub_clauses_closing_paragraph_takes_the_next_typed_number():
    docx = closing_marker()
    red = engine.redline(docx, author="noai", date=DATE, options=engine.Options(variant="standard"))
    assert rejected(red.docx) == [q.text for q in read_document(docx).paragraphs]  # reject-all gives the input back
    written = engine.read(red.docx).paragraphs
    inserted = [i for i, q in enumerate(written) if q.mark == "inserted" and not q.original_text]
    openers = [written[i].text for i in inserted if written[i - 1].mark != "inserted"]
    marker = next(i for i, q in enumerate(written) if q.text.startswith("[Drafting note"))
    after_marker = [written[i].text for i in inserted if i == marker + 1]
    assert after_marker and after_marker[0].startswith("3.4\t"), after_marker  # 3.3 is the purpose limit after 3.2
    assert all(t[:1].isdigit() for t in openers), openers
    assert [q.text[:4] for q in written if q.mark != "inserted" and q.text[:1].isdigit()] == [
        "1.\tT",
        "1.1\t",
        "2.\tF",
        "2.1\t",
        "3.\tR",
        "3.1\t",
        "3.2\t",
        "4.\tL",
        "4.1\t",
    ]
