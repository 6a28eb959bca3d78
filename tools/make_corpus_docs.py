#!/usr/bin/env python3
"""Write the .docx and .pdf forms of the formlint development corpus.

Sources live in tests/corpus/src/<name>.json:
    {"layout": "table" | "headings" | "pdf",
     "title": "...",
     "details": [["label", "value"], ...],
     "sections": [{"heading": "...", "text": "..."}]}
Output goes to tests/corpus/forms/<name>.docx (layout table/headings) or
<name>.pdf (layout pdf). Output is deterministic: fixed document dates, fixed
zip timestamps for .docx, reportlab invariant=1 for .pdf.

A section whose text is exactly "Click or tap here to enter text." is written
(in .docx) as an unfilled Word plain-text content control showing its
placeholder prompt, as real templates do.

Usage: python tools/make_corpus_docs.py [--check]
  --check  regenerate into a temporary folder and report whether the committed
           files are byte-identical.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tests" / "corpus" / "src"
FORMS = ROOT / "tests" / "corpus" / "forms"
FIXED = dt.datetime(2024, 1, 1, 9, 0, 0)
PROMPT = "Click or tap here to enter text."


# ----------------------------------------------------------------- docx
def _add_content_control(cell_or_doc, prompt: str) -> None:
    """Append an unfilled plain-text content control (w:sdt) showing prompt."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), "Answer")
    pr.append(alias)
    ph = OxmlElement("w:placeholder")
    part = OxmlElement("w:docPart")
    part.set(qn("w:val"), "DefaultPlaceholder_-1854013440")
    ph.append(part)
    pr.append(ph)
    pr.append(OxmlElement("w:showingPlcHdr"))
    pr.append(OxmlElement("w:text"))
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    p = OxmlElement("w:p")
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "PlaceholderText")
    rpr.append(style)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = prompt
    r.append(t)
    p.append(r)
    content.append(p)
    sdt.append(content)
    container = cell_or_doc._tc if hasattr(cell_or_doc, "_tc") else cell_or_doc.element.body
    if hasattr(cell_or_doc, "_tc"):
        container.append(sdt)
    else:
        container.insert(len(container) - 1, sdt)  # before w:sectPr


def _fill_cell(cell, text: str) -> None:
    lines = text.split("\n") if text else [""]
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _bold_cell(cell, text: str) -> None:
    cell.text = ""
    cell.paragraphs[0].add_run(text).bold = True


def _normalise_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def make_docx(spec: dict, dest: Path) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    cp = d.core_properties
    cp.author = "Kelsworth Children's Services"
    cp.last_modified_by = "Kelsworth Children's Services"
    cp.title = spec["title"]
    cp.created = cp.modified = cp.last_printed = FIXED
    cp.revision = 1
    d.styles["Normal"].font.size = Pt(10)
    d.add_heading(spec["title"], level=0)

    details = d.add_table(rows=0, cols=2)
    details.style = "Table Grid"
    for label, value in spec.get("details", []):
        row = details.add_row().cells
        _bold_cell(row[0], label)
        _fill_cell(row[1], value)
    d.add_paragraph("")

    if spec["layout"] == "table":
        t = d.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for sec in spec["sections"]:
            row = t.add_row().cells
            _bold_cell(row[0], sec["heading"])
            if sec["text"].strip() == PROMPT:
                row[1].text = ""
                _add_content_control(row[1], PROMPT)
                # drop the empty paragraph python-docx leaves in the cell
                first = row[1].paragraphs[0]._p
                first.getparent().remove(first)
            else:
                _fill_cell(row[1], sec["text"])
    else:  # headings
        for sec in spec["sections"]:
            d.add_heading(sec["heading"], level=1)
            if sec["text"].strip() == PROMPT:
                _add_content_control(d, PROMPT)
                continue
            for line in sec["text"].split("\n"):
                d.add_paragraph(line)

    buf = io.BytesIO()
    d.save(buf)
    dest.write_bytes(_normalise_zip(buf.getvalue()))


# ------------------------------------------------------------------ pdf
def make_pdf(spec: dict, dest: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story = [Paragraph(escape(spec["title"]), styles["Title"])]
    rows = [
        [Paragraph(f"<b>{escape(k)}</b>", body), Paragraph(escape(v), body)]
        for k, v in spec.get("details", [])
    ]
    if rows:
        tbl = Table(rows, colWidths=[50 * mm, 115 * mm])
        tbl.setStyle(
            TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        )
        story += [tbl, Spacer(1, 6 * mm)]
    for sec in spec["sections"]:
        story.append(Paragraph(escape(sec["heading"]), styles["Heading2"]))
        lines = [ln for ln in sec["text"].split("\n")] or [""]
        for line in lines:
            if line.strip():
                story.append(Paragraph(escape(line), body))
    doc = SimpleDocTemplate(
        str(dest),
        pagesize=A4,
        invariant=1,
        title=spec["title"],
        author="Kelsworth Children's Services",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )

    def footer(canvas, _doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "OFFICIAL-SENSITIVE")
        canvas.drawRightString(190 * mm, 10 * mm, f"Page {_doc.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build(out_dir: Path) -> list[Path]:
    written = []
    for src in sorted(SRC.glob("*.json")):
        spec = json.loads(src.read_text(encoding="utf-8"))
        if spec["layout"] == "pdf":
            dest = out_dir / (src.stem + ".pdf")
            make_pdf(spec, dest)
        else:
            dest = out_dir / (src.stem + ".docx")
            make_docx(spec, dest)
        written.append(dest)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            bad = [
                p.name
                for p in build(Path(tmp))
                if not (FORMS / p.name).exists() or (FORMS / p.name).read_bytes() != p.read_bytes()
            ]
        print("up to date" if not bad else "differs: " + ", ".join(bad))
        return 1 if bad else 0
    for p in build(FORMS):
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
