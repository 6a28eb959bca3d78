"""Build the bundled sample forms in ``samples/`` (all content fictional).

    python tools/make_samples.py [--out DIR] [--no-check]

Needs only python-docx, reportlab and lxml (pypdfium2 for the read-back check).
Output is deterministic: fixed dates, fixed zip timestamps, reportlab ``invariant=1``.
Texts live in ``tools/sample_content.py``; the deliberate failings and near misses
of each sample are listed in ``samples/README.md``.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import io
import json
import sys
import textwrap
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt, RGBColor
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_content as C

FIXED = dt.datetime(2024, 5, 1, 9, 0, 0)
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = nsdecls("w") + f' xmlns:w14="{W14}"'
SHADE = "D9E2F3"
GREY = RGBColor(0x76, 0x76, 0x76)


# --------------------------------------------------------------------- docx
def new_doc(header: str | None = None, footer: str | None = None) -> docx.Document:
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Mm(20)
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    if header:
        sec.header.paragraphs[0].text = header
    if footer:
        sec.footer.paragraphs[0].text = footer
    return doc


def save_doc(doc: docx.Document, path: Path, title: str) -> None:
    """Save with fixed core properties and zip timestamps (byte-identical re-runs)."""
    cp = doc.core_properties
    cp.title, cp.author, cp.last_modified_by = title, "formlint samples", "formlint samples"
    cp.created = cp.modified = cp.last_printed = FIXED
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, FIXED.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))


def set_text(cell, text: str, bold: bool = False, fill: str | None = None) -> None:
    """Fill a cell (newlines start new paragraphs); ``fill`` shades it like a label cell."""
    lines = text.split("\n")
    cell.paragraphs[0].add_run(lines[0]).bold = bold
    for line in lines[1:]:
        cell.add_paragraph().add_run(line).bold = bold
    if fill:
        shd = f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'
        cell._tc.get_or_add_tcPr().append(parse_xml(shd))


def table(doc, rows, header: bool = False, labels: bool = False):
    """Grid table. ``header``: first row is a shaded bold header row.
    ``labels``: even columns are bold shaded labels, odd columns answers (2- or 4-column forms)."""
    t = doc.add_table(rows=0, cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for i, (cell, value) in enumerate(zip(t.add_row().cells, row, strict=True)):
            is_label = (header and r == 0) or (labels and i % 2 == 0)
            if isinstance(value, str):
                set_text(cell, value, bold=is_label, fill=SHADE if is_label else None)
            else:  # raw OOXML for the cell's first paragraph (content controls, fields)
                for element in value:
                    cell.paragraphs[0]._p.append(element)
    if labels and len(rows[0]) == 2:
        for row in t.rows:
            row.cells[0].width, row.cells[1].width = Mm(50), Mm(120)
    doc.add_paragraph()
    return t


def build_cfa_table(out: Path) -> None:
    d = C.CFA_TABLE
    doc = new_doc(header=d["header"])
    doc.add_paragraph(d["council"])
    doc.add_heading(d["title"], level=1)
    table(doc, d["identity"], labels=True)
    doc.add_paragraph().add_run("Household composition").bold = True
    table(doc, d["household"], header=True)
    table(doc, d["sections"], labels=True)
    doc.add_paragraph().add_run("Child in need plan").bold = True
    table(doc, d["plan"], header=True)
    table(doc, [d["plan_date"]], labels=True)
    table(doc, [d["manager"]], labels=True)
    save_doc(doc, out / "cfa-table-form.docx", d["title"])


def build_cp_conference(out: Path) -> None:
    d = C.CP_CONF
    doc = new_doc(header="OFFICIAL-SENSITIVE")
    doc.add_heading(d["title"], level=0)
    doc.add_paragraph(d["subtitle"])
    for label, value in d["meta"]:
        p = doc.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)
    styles = {"p": None, "bullet": "List Bullet", "number": "List Number"}
    for kind, text in d["blocks"]:
        if kind in ("h1", "h2"):
            doc.add_heading(text, level=int(kind[1]))
        else:
            doc.add_paragraph(text, style=styles[kind])
    save_doc(doc, out / "cp-conference-headings.docx", d["title"])


def build_cfa_guidance(out: Path) -> None:
    """Numbered headings + single-cell text boxes with grey italic template guidance left in."""
    d = C.CFA_GUIDANCE
    doc = new_doc(header=d["header"], footer=d["footer"])
    doc.add_heading(d["title"], level=1)
    meta = d["meta"]
    table(doc, [(*meta[i], *meta[i + 1]) for i in range(0, len(meta), 2)], labels=True)
    for heading, guidance, answer in d["sections"]:
        doc.add_heading(heading, level=2)
        cell = doc.add_table(rows=1, cols=1).rows[0].cells[0]
        cell._parent._parent.style = "Table Grid"
        prompt = cell.paragraphs[0].add_run(guidance)
        prompt.italic, prompt.font.color.rgb = True, GREY
        if answer:
            cell.add_paragraph(answer)
    save_doc(doc, out / "cfa-guidance-left.docx", d["title"])


# ------------------------------------ content controls and legacy form fields
class Ids:
    """Deterministic ids for w:sdt and bookmarks."""

    n = 0

    @classmethod
    def next(cls) -> int:
        cls.n += 1
        return -1854000000 + cls.n * 7919


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def run(text: str, rpr: str = "", ns: str = "") -> str:
    return f'<w:r{ns}>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def sdt(alias: str | None, value: str | None, kind: str = "<w:text/>", part: int = 1854013440):
    """Run-level content control as Word writes it; ``value=None`` leaves it showing its placeholder."""
    plc, body = "", run(value or "")
    if value is None:
        plc = "<w:showingPlcHdr/>"
        body = run(C.PLACEHOLDER, '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>')
    name = f'<w:alias w:val="{esc(alias)}"/><w:tag w:val="{esc(alias)}"/>' if alias else ""
    return [parse_xml(
        f'<w:sdt {NS}><w:sdtPr>{name}<w:id w:val="{Ids.next()}"/><w:placeholder>'
        f'<w:docPart w:val="DefaultPlaceholder_-{part}"/></w:placeholder>{plc}{kind}</w:sdtPr>'
        f"<w:sdtEndPr/><w:sdtContent>{body}</w:sdtContent></w:sdt>")]


def sdt_date(alias: str, shown: str, iso: str):
    kind = (f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="en-GB"/>'
            '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
    return sdt(alias, shown, kind, part=1854013437)


def sdt_dropdown(alias: str, items: list[str], chosen: str):
    opts = "".join(f'<w:listItem w:displayText="{esc(i)}" w:value="{esc(i)}"/>' for i in items)
    kind = f'<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/>{opts}</w:dropDownList>'
    return sdt(alias, chosen, kind, part=1854013438)


def sdt_checkbox(checked: bool):
    gothic = ('<w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" '
              'w:hint="eastAsia"/></w:rPr>')
    return [parse_xml(
        f'<w:sdt {NS}><w:sdtPr><w:id w:val="{Ids.next()}"/><w14:checkbox>'
        f'<w14:checked w14:val="{int(checked)}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtEndPr/>'
        f'<w:sdtContent>{run("☒" if checked else "☐", gothic)}</w:sdtContent></w:sdt>')]


def sdt_block(doc, alias: str, text: str) -> None:
    """Body-level rich-text control holding several paragraphs."""
    paras = "".join(f"<w:p>{run(t)}</w:p>" for t in text.split("\n"))
    element = parse_xml(
        f'<w:sdt {NS}><w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{esc(alias)}"/>'
        f'<w:id w:val="{Ids.next()}"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/>'
        f"</w:placeholder></w:sdtPr><w:sdtEndPr/><w:sdtContent>{paras}</w:sdtContent></w:sdt>")
    doc.element.body.sectPr.addprevious(element)


def legacy_field(kind: str, name: str, value: str | bool):
    """Legacy FORMTEXT / FORMCHECKBOX field, bookmarked, as a protected Word form holds it."""
    Ids.n += 1
    if kind == "FORMTEXT":
        ff = "<w:textInput/>"
        result = [f'<w:r {NS}><w:fldChar w:fldCharType="separate"/></w:r>',
                  run(str(value), "<w:rPr><w:noProof/></w:rPr>", ns=" " + NS)]
    else:
        ff = f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{"<w:checked/>" if value else ""}</w:checkBox>'
        result = []
    xml = [f'<w:bookmarkStart {NS} w:id="{Ids.n}" w:name="{name}"/>',
           f'<w:r {NS}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
           f'<w:calcOnExit w:val="0"/>{ff}</w:ffData></w:fldChar></w:r>',
           f'<w:r {NS}><w:instrText xml:space="preserve"> {kind} </w:instrText></w:r>', *result,
           f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>', f'<w:bookmarkEnd {NS} w:id="{Ids.n}"/>']
    return [parse_xml(x) for x in xml]


def build_cin_controls(out: Path) -> None:
    d = C.CIN_CONTROLS
    Ids.n = 0
    doc = new_doc(header="OFFICIAL-SENSITIVE")
    doc.styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER).font.color.rgb = GREY
    doc.add_paragraph(d["council"])
    doc.add_heading(d["title"], level=1)
    table(doc, [
        ("Child's name", sdt("Child's name", d["child_name"])),
        ("Date of birth", sdt_date("Date of birth", *d["dob"])),
        ("Social worker", sdt("Social worker", d["worker"])),
        ("Team manager", sdt("Team manager", d["manager"])),
        ("Type of meeting", sdt_dropdown("Type of meeting", d["plan_type_items"], d["plan_type"])),
        ("Date of meeting", sdt_date("Date of meeting", *d["meeting_date"])),
        ("School", legacy_field("FORMTEXT", "Text1", d["school"])),
        (d["legacy_checkbox"][0], legacy_field("FORMCHECKBOX", "Check1", d["legacy_checkbox"][1])),
        ("Next review date", sdt_date("Next review date", *d["review_date"])),
    ], labels=True)
    table(doc, [(label, sdt_checkbox(state)) for label, state in d["checkboxes"]], labels=True)
    doc.add_heading("Reason for plan", level=2)
    for element in sdt("Reason for plan", d["reason"]):
        doc.add_paragraph()._p.append(element)
    doc.add_heading("Progress since last review", level=2)
    sdt_block(doc, "Progress since last review", d["progress"])
    table(doc, [(label, sdt(label, d[key])) for label, key in
                (("Child's views", "child_views"), ("Mother's views", "mother_views"),
                 ("Father's views", "father_views"))], labels=True)
    doc.add_heading("Plan", level=2)
    rows = [(need, *(sdt(f"Action {i}", v or None) for i, v in enumerate(rest, 1)))
            for need, *rest in d["actions"]]
    table(doc, [("What needs to change", "Action", "Who", "By when"), *rows], header=True)
    doc.add_heading("Contingency", level=2)
    sdt_block(doc, "Contingency", d["contingency"])
    save_doc(doc, out / "cin-plan-controls.docx", d["title"])


# ---------------------------------------------------------------------- PDF
def build_eha_pdf(out: Path) -> None:
    d = C.EHA
    ss = getSampleStyleSheet()
    h1 = ParagraphStyle("h1", parent=ss["Heading1"], fontSize=16, spaceAfter=6)
    h2 = ParagraphStyle("h2", parent=ss["Heading2"], fontSize=12.5, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("body", parent=ss["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14.5)
    guide = ParagraphStyle("guide", parent=body, fontName="Helvetica-Oblique", textColor=colors.grey)
    small = ParagraphStyle("cell", parent=body, fontSize=9, leading=11)

    def grid(rows, widths):
        t = Table([[Paragraph(esc(c), small) for c in r] for r in rows], colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#" + SHADE))]))
        return t

    story = [Paragraph(d["org"], body), Paragraph(d["title"], h1),
             grid([("Item", "Detail"), *d["meta"]], [60 * mm, 110 * mm]),
             Paragraph("Children's details", h2), grid(d["children"], [38 * mm, 26 * mm, 50 * mm, 56 * mm])]
    for heading, guidance, text in d["sections"]:
        story.append(Paragraph(esc(heading), h2))
        if guidance:
            story.append(Paragraph(esc(guidance), guide))
        story.append(Paragraph(esc(text), body))
    story += [Paragraph("Early Help Plan", h2),
              grid(d["plan"], [28 * mm, 46 * mm, 32 * mm, 40 * mm, 24 * mm]),
              Spacer(1, 8), Paragraph("Sign-off", h2), *(Paragraph(esc(x), body) for x in d["signoff"])]

    def footer(canv, doc_):
        canv.saveState()
        canv.setFont("Helvetica", 8)
        canv.drawString(20 * mm, 10 * mm, d["footer"])
        canv.drawRightString(190 * mm, 10 * mm, f"Page {doc_.page}")
        canv.restoreState()

    SimpleDocTemplate(str(out / "eha-flattened.pdf"), pagesize=A4, invariant=1, title=d["title"],
                      author="formlint samples", leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                      bottomMargin=20 * mm).build(story, onFirstPage=footer, onLaterPages=footer)


def wrap_appearances(form) -> None:
    """reportlab draws a multiline value on one line: wrap it in the widget appearance only
    (the field value keeps the text as typed, paragraphs separated by newlines)."""
    original = form.txAP

    def txAP(key, value, iFontName, rFontName, fontSize, *args, **kw):
        if kw.get("wkind", "textfield") == "textfield" and value:
            limit = kw.get("width", 120) - 6
            lines = []
            for para in value.split("\n"):
                line = ""
                for word in para.split(" "):
                    if line and stringWidth(f"{line} {word}", "Helvetica", fontSize) > limit:
                        lines.append(line)
                        line = word
                    else:
                        line = f"{line} {word}".strip()
                lines.append(line)
            value = "\n".join(lines)
        return original(key, value, iFontName, rFontName, fontSize, *args, **kw)

    form.txAP = txAP


def build_cp_plan_pdf(out: Path) -> None:
    d = C.CP_PLAN_FORM
    c = canvas.Canvas(str(out / "cp-plan-fillable.pdf"), pagesize=A4, invariant=1)
    c.setTitle(d["title"])
    c.setAuthor("formlint samples")
    form = c.acroForm
    wrap_appearances(form)
    width, height = A4
    left = 20 * mm

    def page(title: str) -> float:
        c.setFont("Helvetica", 8)
        c.drawString(left, height - 12 * mm, "OFFICIAL-SENSITIVE")
        c.drawRightString(width - left, height - 12 * mm, f"{d['title']} - page {c.getPageNumber()} of 4")
        c.setFont("Helvetica-Bold", 13)
        c.drawString(left, height - 22 * mm, title)
        return height - 34 * mm

    def field(name, x, y, w, h=16, value=None, size=9, multiline=False):
        form.textfield(name=name, value=d["fields"][name] if value is None else value, x=x, y=y, width=w,
                       height=h, fontName="Helvetica", fontSize=size, borderWidth=0.6, maxlen=0,
                       borderColor=colors.black, fillColor=colors.white, textColor=colors.black,
                       fieldFlags="multiline" if multiline else "")

    def label(text, x, y, bold=True):
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 9.5)
        c.drawString(x, y, text)

    def box(text, name, y, h):  # label directly above a multiline field
        label(text, left, y)
        field(name, left, y - h - 4, width - 2 * left, h=h, multiline=True)
        return y - h - 18

    def tick(name, y, x=left):  # check box with its label to the right
        text, state = d["checks"][name]
        form.checkbox(name=name, checked=state, x=x, y=y - 2, size=11, buttonStyle="cross",
                      borderColor=colors.black, fillColor=colors.white, textColor=colors.black)
        label(text, x + 15, y + 1, bold=False)

    y = page(d["title"])
    label(d["org"], left, y + 4 * mm, bold=False)
    y -= 4 * mm
    for text, name in d["layout"]:  # label to the left of a single-line field
        label(text, left, y + 4)
        field(name, left + 58 * mm, y, 110 * mm)
        y -= 24
    label("Category of plan (tick one)", left, y)
    for i, name in enumerate(("Check1", "Check2", "Check3", "Check4")):
        tick(name, y - 18, x=left + i * 42 * mm)
    box("Household and significant adults", "household", y - 48, 90)
    c.showPage()
    y = box("Why is a child protection plan needed?", "Text12", page("Summary of concerns"), 150)
    y = box("Danger statement - what are we worried will happen if nothing changes?", "Text13", y, 120)
    box("Safety goal - what needs to happen for the plan to end?", "Text14", y, 120)
    c.showPage()
    y = box("Child's views, wishes and feelings", "child_views", page("Views"), 170)
    box("Parents' views", "parents_views", y, 190)
    c.showPage()
    y = page("The plan")
    cols = (32 * mm, 50 * mm, 36 * mm, 20 * mm, 32 * mm)
    heads = ("What needs to change", "Action", "Who", "By when", "How will we know")
    c.setFont("Helvetica-Bold", 7.5)
    for i, head in enumerate(heads):
        c.drawString(left + sum(cols[:i]) + 1, y, head)
    for r, row in enumerate(d["actions"]):  # one cryptically named multiline field per cell
        y -= 48
        for k, value in enumerate(row):
            field(f"Text{40 + r * 5 + k}", left + sum(cols[:k]), y - 2, cols[k], h=44, value=value, size=7,
                  multiline=True)
    y = box("Contingency plan", "Text30", y - 24, 70)
    for x, name in ((left, "plan_shared"), (left + 60 * mm, "seen_alone"), (left + 115 * mm, "Check7")):
        tick(name, y, x=x)
    c.showPage()
    c.save()


# --------------------------------------------------------------- text forms
def wrap(text: str, width: int) -> str:
    """Hard-wrap long lines, with a hanging indent for list items."""
    lines = []
    for line in text.splitlines():
        marker = next((m for m in ("- ", "* ", *(f"{n}. " for n in range(1, 10))) if line.startswith(m)), "")
        lines.append(textwrap.fill(line, width, subsequent_indent=" " * len(marker), break_on_hyphens=False)
                     if len(line) > width else line)
    return "\n".join(lines) + "\n"


def build_text(out: Path) -> None:
    export = json.dumps(C.ICPC_JSON, indent=2, ensure_ascii=False) + "\n"
    for name, text in (("sos-assessment.txt", wrap(C.SOS_TEXT, 72)),
                       ("cfa-review.md", wrap(C.CFA_REVIEW_MD, 76)), ("icpc-from-system.json", export)):
        (out / name).write_text(text, encoding="utf-8", newline="\n")


# ------------------------------------------------------------------- checks
def pdf_fields(pdf) -> dict[str, str | bool]:
    """Field name -> value (text) or checked state (check box), read through pdfium's form API."""
    import pypdfium2.raw as raw

    pdf.init_forms()
    if pdf.formenv is None:  # no AcroForm
        return {}
    env = pdf.formenv.raw

    def get(fn, annot) -> str:
        n = fn(env, annot, None, 0)
        buf = ctypes.create_string_buffer(n)
        fn(env, annot, ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)), n)
        return buf.raw[: n - 2].decode("utf-16-le")

    fields: dict[str, str | bool] = {}
    for page in pdf:
        for i in range(raw.FPDFPage_GetAnnotCount(page.raw)):
            annot = raw.FPDFPage_GetAnnot(page.raw, i)
            name = get(raw.FPDFAnnot_GetFormFieldName, annot)
            if raw.FPDFAnnot_GetFormFieldType(env, annot) == raw.FPDF_FORMFIELD_CHECKBOX:
                fields[name] = bool(raw.FPDFAnnot_IsChecked(env, annot))
            else:
                fields[name] = get(raw.FPDFAnnot_GetFormFieldValue, annot)
            raw.FPDFPage_CloseAnnot(annot)
    return fields


def check(out: Path) -> int:
    """Read every sample back with its library, print word counts; exit 1 on a problem."""
    import pypdfium2

    problems = []
    for path in sorted(out.iterdir()):
        if path.suffix == ".docx":
            doc = docx.Document(str(path))  # count every w:t: python-docx .text skips run-level w:sdt
            words = sum(len(t.split()) for t in doc.element.xpath("//w:t/text()"))
            info = f"{len(doc.tables)} tables, {len(doc.element.xpath('//w:sdt'))} content controls"
        elif path.suffix == ".pdf":
            pdf = pypdfium2.PdfDocument(str(path))
            texts = [page.get_textpage().get_text_range() for page in pdf]
            fields = pdf_fields(pdf)
            words = sum(len(str(t).split()) for t in [*texts, *fields.values()])
            info = f"{len(pdf)} pages, {len(fields)} form fields"
            if not all(t.strip() for t in texts):
                problems.append(f"{path.name}: a page has no text layer")
            if path.name == "cp-plan-fillable.pdf":
                want = {**C.CP_PLAN_FORM["fields"], **{k: v[1] for k, v in C.CP_PLAN_FORM["checks"].items()}}
                bad = sorted(k for k, v in want.items() if fields.get(k) != v)
                if bad or len(pdf) != 4:
                    problems.append(f"{path.name}: {len(pdf)} pages; wrong field values: {bad}")
            pdf.close()
        elif path.suffix in (".txt", ".md", ".json"):
            text = path.read_text(encoding="utf-8")
            info = f"{len(text.splitlines())} lines"
            if path.suffix == ".json":
                text = json.dumps([s["text"] for s in json.loads(text)["sections"]])
            words = len(text.split())
        else:
            continue
        print(f"{path.name:28} {words:5d} words  {info}")
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    return 1 if problems else 0


BUILDERS = (build_cfa_table, build_cp_conference, build_cin_controls, build_cfa_guidance, build_eha_pdf,
            build_cp_plan_pdf, build_text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the bundled sample forms.")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "samples")
    ap.add_argument("--no-check", action="store_true", help="skip reading the samples back")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for build in BUILDERS:
        build(args.out)
    return 0 if args.no_check else check(args.out)


if __name__ == "__main__":
    sys.exit(main())
