"""One ordered walk over a WordprocessingML part: the text a reader sees, with locations.

The walk reads the "accepted" view of tracked changes, content-control and
legacy form-field values, text boxes once, and merged cells once. It visits only
the elements that carry text or structure (run properties are looked at, not
walked), which keeps a typical form at a couple of milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from formlint.model import Location, ParseWarning
from formlint.parsers.docx_items import Cell, Para, Row, para_items, table_items
from formlint.parsers.docx_styles import MC_NS, VAL, W14_NS, W14_VAL, Styles, is_shading, on, w
from formlint.parsers.raw import RawItem

CHECKED, UNCHECKED = "☒", "☐"
_BLANKISH = " \t\n\r\u2002\u2003\u00a0"
_EXCERPT = 60
# First dropdown entries that ask rather than answer ("Select...", "-- choose --").
_PROMPT = re.compile(r"^[-\s\[(<]*(select|choose|please|pick|click|tap)\b", re.IGNORECASE)

P, R, T, TBL, TR, TC, SDT = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc"), w("sdt")
SDT_PR, SDT_CONTENT = w("sdtPr"), w("sdtContent")
PPR, RPR, TRPR, TCPR = w("pPr"), w("rPr"), w("trPr"), w("tcPr")
INS, DEL, MOVE_TO, MOVE_FROM = w("ins"), w("del"), w("moveTo"), w("moveFrom")
HYPERLINK, SMART_TAG, CUSTOM_XML, FLD_SIMPLE = w("hyperlink"), w("smartTag"), w("customXml"), w("fldSimple")
DIR, BDO = w("dir"), w("bdo")
TAB, PTAB, BR, CR, SYM = w("tab"), w("ptab"), w("br"), w("cr"), w("sym")
LRPB, NB_HYPHEN = w("lastRenderedPageBreak"), w("noBreakHyphen")
FLD_CHAR, INSTR, FFDATA = w("fldChar"), w("instrText"), w("ffData")
DRAWING, PICT, OBJECT = w("drawing"), w("pict"), w("object")
TXBX = w("txbxContent")
COMMENT_START, COMMENT_REF = w("commentRangeStart"), w("commentReference")
ALT_CHUNK = w("altChunk")
MC_ALT, MC_CHOICE = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
W14_CHECKBOX, W14_CHECKED = f"{{{W14_NS}}}checkbox", f"{{{W14_NS}}}checked"

# Symbol-font code points Word forms use for boxes and ticks (font, char & 0xFF).
_SYMBOLS = {
    ("wingdings", 0xA8): UNCHECKED, ("wingdings", 0x6F): UNCHECKED, ("wingdings", 0x71): UNCHECKED,
    ("wingdings", 0x78): CHECKED, ("wingdings", 0xFD): CHECKED, ("wingdings", 0xFE): "☑",
    ("wingdings", 0xFC): "✓", ("wingdings", 0xFB): "✗",
    ("wingdings 2", 0xA3): UNCHECKED, ("wingdings 2", 0x2A): UNCHECKED, ("wingdings 2", 0x54): CHECKED,
    ("wingdings 2", 0x53): CHECKED, ("wingdings 2", 0x52): "☑", ("wingdings 2", 0x50): "✓",
    ("wingdings 2", 0x4F): "✗",
}


@dataclass
class Ctrl:
    """A content control or legacy form field whose value is being read."""

    name: str | None
    kind: str = "text"
    placeholder: bool = False
    default: str | None = None  # FORMTEXT default: still showing it means untouched
    checked: bool = False
    chars: list[str] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        if self.placeholder:
            return True
        if self.kind != "formtext":
            return False
        value = "".join(self.chars).strip(_BLANKISH)
        return not value or (self.default is not None and value == self.default.strip(_BLANKISH))


@dataclass
class _Field:
    ff: etree._Element | None
    instr: list[str] = field(default_factory=list)
    result: bool = False
    kind: str = ""
    ctrl: Ctrl | None = None


@dataclass
class _Rev:
    kind: str
    author: str
    date: str
    text: list[str] = field(default_factory=list)


@dataclass
class _PB:
    """A paragraph being read."""

    loc: Location
    page: int
    style: str | None
    segs: list[tuple[str, Ctrl | None]] = field(default_factory=list)
    bold_all: bool = True
    any_text: bool = False
    mark_deleted: bool = False
    revs: list[_Rev] = field(default_factory=list)
    images: int = 0
    after: list[RawItem] = field(default_factory=list)
    level: int | None = None
    style_bold: bool = False
    shaded: bool = False

    def add(self, text: str, ctrl: Ctrl | None, bold: bool) -> None:
        self.segs.append((text, ctrl))
        if ctrl is not None:
            ctrl.chars.append(text)
        if text.strip(_BLANKISH):
            self.any_text = True
            if not bold:
                self.bold_all = False

    def text_so_far(self) -> str:
        return "".join(t for t, _ in self.segs)


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


class Walker:
    """Reads one part. ``warn`` is False for headers/footers, which only feed metadata."""

    def __init__(self, styles: Styles, *, page_hints: bool, warn: bool = True) -> None:
        self.styles = styles
        self.page_hints = page_hints
        self.warn = warn
        self.warnings: list[ParseWarning] = []
        self.comment_anchors: dict[str, Location] = {}
        self.para_index = 0
        self.page = 1
        self.tables = 0
        self._cell: tuple[int, int, int] | None = None
        self._fields: list[_Field] = []
        self._ctrls: list[Ctrl] = []
        self._revs: list[_Rev] = []
        self._pending_comments: list[str] = []

    # ----- blocks -------------------------------------------------------------------------

    def items(self, container: etree._Element) -> list[RawItem]:
        out: list[RawItem] = []
        for block in self._blocks(container):
            if isinstance(block, Para):
                out.extend(para_items(block))
            else:
                out.extend(block)
        return out

    def _blocks(self, container: etree._Element) -> list[Para | list[RawItem]]:
        raw: list[_PB | list[RawItem]] = []
        self._collect_blocks(container, raw)
        # A deleted paragraph mark joins the paragraph to the next one once accepted.
        merged: list[_PB | list[RawItem]] = []
        carry: _PB | None = None
        for block in raw:
            if isinstance(block, _PB):
                if carry is not None:
                    block = self._join(carry, block)
                    carry = None
                if block.mark_deleted:
                    carry = block
                    continue
            merged.append(block)
        if carry is not None:
            merged.append(carry)
        return [self._finish(b) if isinstance(b, _PB) else b for b in merged]

    def _collect_blocks(self, container: etree._Element, out: list[_PB | list[RawItem]]) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                out.append(self._para(child))
            elif tag == TBL:
                out.append(self._table(child))
            elif tag == SDT:
                ctrl = self._sdt_ctrl(child)
                content = child.find(SDT_CONTENT)
                if content is None:
                    continue
                if ctrl.kind == "checkbox":
                    pb = self._new_para()
                    pb.add(CHECKED if ctrl.checked else UNCHECKED, ctrl, False)
                    self._skip(content)
                    out.append(pb)
                    continue
                self._ctrls.append(ctrl)
                self._collect_blocks(content, out)
                self._ctrls.pop()
            elif tag in (CUSTOM_XML, INS, MOVE_TO):
                self._collect_blocks(child, out)
            elif tag in (DEL, MOVE_FROM):
                self._skip(child)
            elif tag == MC_ALT:
                self._alternate(child, lambda el: self._collect_blocks(el, out))
            elif tag == COMMENT_START:
                self._pending_comments.append(child.get(w("id")) or "")
            elif tag == ALT_CHUNK and self.warn:
                self.warnings.append(ParseWarning(
                    "image", "an embedded document (altChunk) formlint cannot read", self._loc_here()))

    def _alternate(self, alt: etree._Element, walk: object) -> None:
        # Choice and Fallback hold the same content twice; read the richer Choice only.
        chosen = False
        for branch in alt:
            if branch.tag == MC_CHOICE and not chosen:
                chosen = True
                walk(branch)  # type: ignore[operator]
            else:
                self._skip(branch)

    def _skip(self, el: etree._Element) -> None:
        # Skipped content still counts toward paragraph numbering (every w:p in the part).
        self.para_index += sum(1 for _ in el.iter(P))

    def _loc_here(self) -> Location:
        table, row, cell = self._cell or (None, None, None)
        return Location(page=self.page if self.page_hints else None, table=table, row=row, cell=cell,
                        paragraph=self.para_index)

    def _new_para(self) -> _PB:
        table, row, cell = self._cell or (None, None, None)
        pb = _PB(Location(table=table, row=row, cell=cell, paragraph=self.para_index), self.page, None)
        self.para_index += 1
        return pb

    # ----- paragraphs -------------------------------------------------------------------------

    def _para(self, p: etree._Element) -> _PB:
        pb = self._new_para()
        for cid in self._pending_comments:
            self._anchor(cid, pb)
        self._pending_comments.clear()
        ppr = p.find(PPR)
        style: str | None = None
        outline: int | None = None
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            style = ps.get(VAL) if ps is not None else None
            ol = ppr.find(w("outlineLvl"))
            if ol is not None:
                try:
                    outline = int(ol.get(VAL) or "9")
                except ValueError:
                    outline = None
            pb.shaded = is_shading(ppr.find(w("shd")))
            mark = ppr.find(RPR)
            # An inserted mark alone is not worth a warning: its runs carry their own w:ins.
            dmark = mark.find(DEL) if mark is not None else None
            if dmark is not None:
                pb.mark_deleted = True
                self._revision(pb, dmark, "deletion of a paragraph break")
        pb.style = style
        pb.level = self.styles.heading_level(style)
        if outline is not None:
            pb.level = outline + 1 if 0 <= outline < 9 else None
        pb.style_bold = self.styles.bold(style)
        pb.shaded = pb.shaded or self.styles.shaded(style)
        self._inline(p, pb)
        for rev in pb.revs:
            if rev.kind.endswith("paragraph break") and not rev.text:
                rev.text.append(pb.text_so_far()[-_EXCERPT:])
        return pb

    def _join(self, first: _PB, second: _PB) -> _PB:
        text = first.text_so_far()
        nxt = second.text_so_far()
        if text and nxt and text[-1] in ".!?:;" and not nxt[0].isspace():
            # Sentence splitting needs the gap Word's accept-all would leave out.
            first.segs.append((" ", None))
        first.segs.extend(second.segs)
        first.bold_all = first.bold_all and second.bold_all
        first.any_text = first.any_text or second.any_text
        first.revs.extend(second.revs)
        first.images += second.images
        first.after.extend(second.after)
        first.mark_deleted = second.mark_deleted
        return first

    def _finish(self, pb: _PB) -> Para:
        loc = pb.loc
        if self.page_hints:
            loc = Location(pb.page, loc.table, loc.row, loc.cell, loc.paragraph)
        real = "".join(t for t, c in pb.segs if c is None or not c.blank)
        has_ctrl = any(c is not None for _, c in pb.segs)
        blank = False
        if real.strip(_BLANKISH):
            text = real
        elif any(c is not None and c.blank for _, c in pb.segs):
            text = "".join(t for t, _ in pb.segs)
            blank = True
        else:
            text = real
        text = text.strip(_BLANKISH)
        name = next((c.name for t, c in pb.segs if c is not None and c.name), None)
        if name:
            loc = Location(loc.page, loc.table, loc.row, loc.cell, loc.paragraph, name)
        if self.warn:
            for rev in pb.revs:
                who = rev.author or "an unknown author"
                when = f" on {rev.date[:10]}" if rev.date else ""
                self.warnings.append(ParseWarning(
                    "tracked-change",
                    f"unresolved tracked {rev.kind} by {who}{when}: '{_excerpt(''.join(rev.text))}'",
                    loc,
                ))
            for _ in range(pb.images):
                self.warnings.append(ParseWarning("image", "an image or drawing formlint cannot read", loc))
        return Para(
            text=text, loc=loc, blank=blank, ctrl_name=name, level=pb.level,
            bold=pb.any_text and pb.bold_all, shaded=pb.shaded, has_ctrl=has_ctrl,
            label_split=_label_split(pb.segs), after=pb.after,
        )

    # ----- inline content -------------------------------------------------------------------

    def _inline(self, el: etree._Element, pb: _PB) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, pb)
            elif tag in (HYPERLINK, SMART_TAG, CUSTOM_XML, FLD_SIMPLE, DIR, BDO):
                self._inline(child, pb)
            elif tag == SDT:
                self._inline_sdt(child, pb)
            elif tag in (INS, MOVE_TO):
                rev = self._revision(pb, child, "insertion" if tag == INS else "move")
                self._revs.append(rev)
                self._inline(child, pb)
                self._revs.pop()
            elif tag in (DEL, MOVE_FROM):
                if tag == DEL:
                    rev = self._revision(pb, child, "deletion")
                    rev.text.extend(t.text or "" for t in child.iter(w("delText"), T))
                self._skip(child)
            elif tag == MC_ALT:
                self._alternate(child, lambda b: self._inline(b, pb))
            elif tag == COMMENT_START:
                self._anchor(child.get(w("id")) or "", pb)

    def _anchor(self, cid: str, pb: _PB) -> None:
        if cid not in self.comment_anchors:
            page = pb.page if self.page_hints else None
            self.comment_anchors[cid] = replace(pb.loc, page=page)

    def _revision(self, pb: _PB, el: etree._Element, kind: str) -> _Rev:
        author = el.get(w("author")) or ""
        date = el.get(w("date")) or ""
        # Group per paragraph: one warning per kind and author, however many runs.
        for rev in pb.revs:
            if rev.kind == kind and rev.author == author:
                return rev
        rev = _Rev(kind, author, date)
        pb.revs.append(rev)
        return rev

    def _inline_sdt(self, sdt: etree._Element, pb: _PB) -> None:
        ctrl = self._sdt_ctrl(sdt)
        content = sdt.find(SDT_CONTENT)
        if content is None:
            return
        if ctrl.kind == "checkbox":
            pb.add(CHECKED if ctrl.checked else UNCHECKED, ctrl, pb.style_bold)
            self._skip(content)
            return
        self._ctrls.append(ctrl)
        self._inline(content, pb)
        self._ctrls.pop()

    def _sdt_ctrl(self, sdt: etree._Element) -> Ctrl:
        pr = sdt.find(SDT_PR)
        ctrl = Ctrl(None)
        if pr is None:
            return ctrl
        for child in pr:
            tag = child.tag
            if tag == w("tag") or (tag == w("alias") and ctrl.name is None):
                ctrl.name = child.get(VAL) or ctrl.name
            elif tag == w("showingPlcHdr"):
                ctrl.placeholder = on(child)
            elif tag == W14_CHECKBOX:
                ctrl.kind = "checkbox"
                ctrl.checked = on(child.find(W14_CHECKED), W14_VAL)
            elif tag in (w("dropDownList"), w("comboBox"), w("date"), w("picture")):
                ctrl.kind = etree.QName(tag).localname
        return ctrl

    def _ctrl(self) -> Ctrl | None:
        if self._fields and self._fields[-1].ctrl is not None:
            return self._fields[-1].ctrl
        return self._ctrls[-1] if self._ctrls else None

    def _hidden(self) -> bool:
        return any(not f.result or f.kind in ("FORMCHECKBOX", "FORMDROPDOWN") for f in self._fields)

    def _emit(self, pb: _PB, text: str, bold: bool) -> None:
        pb.add(text, self._ctrl(), bold)
        for rev in self._revs:
            rev.text.append(text)

    def _run(self, r: etree._Element, pb: _PB) -> None:
        bold = pb.style_bold
        for child in r:
            tag = child.tag
            if tag == T:
                if child.text and not self._hidden():
                    self._emit(pb, child.text, bold)
            elif tag == RPR:
                bold = self._run_bold(child, bold)
            elif tag in (TAB, PTAB):
                if not self._hidden():
                    self._emit(pb, " ", bold)
            elif tag == BR:
                if child.get(w("type")) == "page":
                    self._page_break(pb)
                if not self._hidden():
                    self._emit(pb, "\n", bold)
            elif tag == CR:
                self._emit(pb, "\n", bold)
            elif tag == LRPB:
                self._page_break(pb)
            elif tag == FLD_CHAR:
                self._fld_char(child, pb, bold)
            elif tag == INSTR:
                if self._fields and not self._fields[-1].result:
                    self._fields[-1].instr.append(child.text or "")
            elif tag == SYM:
                if not self._hidden():
                    self._emit(pb, _symbol(child), bold)
            elif tag == NB_HYPHEN:
                self._emit(pb, "-", bold)
            elif tag in (DRAWING, PICT, OBJECT):
                self._drawing(child, pb)
            elif tag == MC_ALT:
                self._alternate(child, lambda b: self._run(b, pb))
            elif tag == COMMENT_REF:
                self._anchor(child.get(w("id")) or "", pb)

    def _run_bold(self, rpr: etree._Element, inherited: bool) -> bool:
        b = rpr.find(w("b"))
        if b is not None:
            return on(b)
        rs = rpr.find(w("rStyle"))
        if rs is not None and self.styles.bold(rs.get(VAL)):
            return True
        return inherited

    def _page_break(self, pb: _PB) -> None:
        self.page += 1
        if not pb.text_so_far().strip(_BLANKISH):
            pb.page = self.page  # the paragraph itself starts on the new page

    def _drawing(self, el: etree._Element, pb: _PB) -> None:
        boxes = list(_text_boxes(el))
        if not boxes:
            pb.images += 1
            return
        # A text box is a small document of its own: read it with fresh field/control state.
        saved = (self._fields, self._ctrls, self._revs, self._cell)
        self._fields, self._ctrls, self._revs = [], [], []
        for box in boxes:
            pb.after.extend(self.items(box))
        self._fields, self._ctrls, self._revs, self._cell = saved

    # ----- legacy form fields -------------------------------------------------------------------

    def _fld_char(self, el: etree._Element, pb: _PB, bold: bool) -> None:
        kind = el.get(w("fldCharType"))
        if kind == "begin":
            self._fields.append(_Field(el.find(FFDATA)))
        elif kind == "separate" and self._fields:
            fld = self._fields[-1]
            fld.result = True
            fld.kind = _field_kind(fld)
            if fld.kind == "FORMTEXT":
                fld.ctrl = Ctrl(_ff_name(fld.ff), "formtext", default=_ff_text_default(fld.ff))
        elif kind == "end" and self._fields:
            fld = self._fields.pop()
            fld.kind = fld.kind or _field_kind(fld)
            if self._hidden():
                return
            if fld.kind == "FORMCHECKBOX":
                ctrl = Ctrl(_ff_name(fld.ff), "checkbox")
                pb.add(CHECKED if _ff_checked(fld.ff) else UNCHECKED, ctrl, bold)
            elif fld.kind == "FORMDROPDOWN":
                # Word keeps the chosen entry only as an index; no run holds the text.
                choice, prompt = _ff_dropdown(fld.ff)
                ctrl = Ctrl(_ff_name(fld.ff), "dropdown", placeholder=prompt)
                pb.add(choice, ctrl, bold)
            elif fld.kind == "FORMTEXT" and fld.ctrl is not None and not fld.ctrl.chars:
                # An empty result still marks an unanswered field.
                pb.add("", fld.ctrl, bold)

    # ----- tables -------------------------------------------------------------------------------

    def _table(self, tbl: etree._Element) -> list[RawItem]:
        self.tables += 1
        tno = self.tables
        grid = tbl.find(w("tblGrid"))
        ncols = len(grid.findall(w("gridCol"))) if grid is not None else 0
        style_emph = self._first_row_styled(tbl)
        rows: list[Row] = []
        origins: dict[int, Cell] = {}
        saved_cell = self._cell
        row_no = 0
        for tr in self._rows(tbl):
            trpr = tr.find(TRPR)
            if trpr is not None and trpr.find(DEL) is not None:
                self._deleted_row(tr, trpr.find(DEL), Location(table=tno, row=row_no + 1))
                continue
            row_no += 1
            row = Row([], header=trpr is not None and on(trpr.find(w("tblHeader"))))
            col = 1
            if trpr is not None and (gb := trpr.find(w("gridBefore"))) is not None:
                col += _int(gb.get(VAL), 0)
            start_page = end_page = self.page
            for tc in self._cells(tr):
                tcpr = tc.find(TCPR)
                span, vmerge, shaded = 1, None, False
                if tcpr is not None:
                    if (gs := tcpr.find(w("gridSpan"))) is not None:
                        span = max(1, _int(gs.get(VAL), 1))
                    if (vm := tcpr.find(w("vMerge"))) is not None:
                        vmerge = vm.get(VAL) or "continue"
                    shaded = is_shading(tcpr.find(w("shd")))
                loc = Location(table=tno, row=row_no, cell=col, paragraph=self.para_index)
                cell = Cell(col, span, loc, shaded=shaded)
                if vmerge == "continue":
                    cell.continued = True
                    cell.origin = origins.get(col)
                    self._skip(tc)
                else:
                    # Word repeats a page-break marker in every cell of a row that moves page.
                    self.page = start_page
                    self._cell = (tno, row_no, col)
                    cell.blocks = self._blocks(tc)
                    end_page = max(end_page, self.page)
                    if cell.paras:
                        first = cell.paras[0].loc
                        cell.loc = Location(first.page, tno, row_no, col, first.paragraph)
                    origins[col] = cell
                row.cells.append(cell)
                col += span
            self.page = end_page
            ncols = max(ncols, col - 1)
            rows.append(row)
        self._cell = saved_cell
        return table_items(rows, ncols, style_emph)

    def _rows(self, el: etree._Element) -> Iterator[etree._Element]:
        for child in el:
            tag = child.tag
            if tag == TR:
                yield child
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._ctrls.append(self._sdt_ctrl(child))
                    yield from self._rows(content)
                    self._ctrls.pop()
            elif tag in (CUSTOM_XML, INS, MOVE_TO):
                yield from self._rows(child)
            elif tag in (DEL, MOVE_FROM):
                self._skip(child)

    def _cells(self, tr: etree._Element) -> Iterator[etree._Element]:
        for child in tr:
            tag = child.tag
            if tag == TC:
                yield child
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._ctrls.append(self._sdt_ctrl(child))
                    yield from self._cells(content)
                    self._ctrls.pop()
            elif tag == CUSTOM_XML:
                yield from self._cells(child)

    def _deleted_row(self, tr: etree._Element, mark: etree._Element | None, loc: Location) -> None:
        if self.warn and mark is not None:
            text = " | ".join(
                "".join(t.text or "" for t in tc.iter(w("delText"), T)) for tc in tr.iter(TC)
            )
            author = mark.get(w("author")) or "an unknown author"
            date = mark.get(w("date")) or ""
            when = f" on {date[:10]}" if date else ""
            self.warnings.append(ParseWarning(
                "tracked-change",
                f"unresolved tracked deletion of a table row by {author}{when}: '{_excerpt(text)}'",
                replace(loc, paragraph=self.para_index, page=self.page if self.page_hints else None),
            ))
        self._skip(tr)

    def _first_row_styled(self, tbl: etree._Element) -> bool:
        pr = tbl.find(w("tblPr"))
        if pr is None:
            return False
        ts = pr.find(w("tblStyle"))
        if ts is None or ts.get(VAL) not in self.styles.table_first_row_emph:
            return False
        look = pr.find(w("tblLook"))
        if look is None:
            return True
        first = look.get(w("firstRow"))
        if first is not None:
            return on(look, w("firstRow"))
        return bool(_int(look.get(VAL), 0x20, base=16) & 0x20)


def _text_boxes(el: etree._Element) -> Iterator[etree._Element]:
    for child in el:
        if child.tag == TXBX:
            yield child
        elif child.tag != MC_FALLBACK:
            yield from _text_boxes(child)


def _label_split(segs: list[tuple[str, Ctrl | None]]) -> tuple[str, str, bool] | None:
    """("Label", value, blank) for 'Label: <control>' paragraphs, else None."""
    first = next((i for i, (_, c) in enumerate(segs) if c is not None), None)
    if first is None:
        return None
    label = "".join(t for t, _ in segs[:first]).strip(_BLANKISH)
    rest = segs[first:]
    if not label or len(label.split()) > 12 or not any(ch.isalnum() for ch in label):
        return None
    if any(c is None and t.strip(_BLANKISH) for t, c in rest):
        return None
    value = "".join(t for t, c in rest if c is not None and not c.blank).strip(_BLANKISH)
    blank = not value and any(c is not None and c.blank for _, c in rest)
    if blank:
        value = "".join(t for t, _ in rest).strip(_BLANKISH)
    return " ".join(label.split()).rstrip(":").strip(), value, blank


def _symbol(el: etree._Element) -> str:
    font = (el.get(w("font")) or "").lower()
    try:
        code = int(el.get(w("char")) or "", 16)
    except ValueError:
        return ""
    glyph = _SYMBOLS.get((font, code & 0xFF))
    if glyph:
        return glyph
    if font == "symbol" and 0xF020 <= code <= 0xF07E:
        return chr(code - 0xF000)
    return chr(code) if 0 < code < 0x110000 else ""


def _field_kind(fld: _Field) -> str:
    words = "".join(fld.instr).split()
    return words[0].upper() if words else ""


def _ff_name(ff: etree._Element | None) -> str | None:
    if ff is None:
        return None
    name = ff.find(w("name"))
    return (name.get(VAL) or None) if name is not None else None


def _ff_checked(ff: etree._Element | None) -> bool:
    box = ff.find(w("checkBox")) if ff is not None else None
    if box is None:
        return False
    checked = box.find(w("checked"))
    if checked is not None:
        return on(checked)
    return on(box.find(w("default")))


def _ff_dropdown(ff: etree._Element | None) -> tuple[str, bool]:
    """(chosen entry, still the template's prompt such as "Select...")."""
    dd = ff.find(w("ddList")) if ff is not None else None
    if dd is None:
        return "", True
    entries = [e.get(VAL) or "" for e in dd.findall(w("listEntry"))]
    if not entries:
        return "", True
    res = dd.find(w("result"))
    if res is None:
        res = dd.find(w("default"))
    index = _int(res.get(VAL), 0) if res is not None else 0
    choice = entries[index] if 0 <= index < len(entries) else entries[0]
    return choice, index == 0 and bool(_PROMPT.match(choice.strip()) or not choice.strip())


def _ff_text_default(ff: etree._Element | None) -> str | None:
    ti = ff.find(w("textInput")) if ff is not None else None
    dflt = ti.find(w("default")) if ti is not None else None
    return dflt.get(VAL) if dflt is not None else None


def _int(value: str | None, fallback: int, base: int = 10) -> int:
    try:
        return int(value, base) if value is not None else fallback
    except ValueError:
        return fallback
