"""Turn read paragraphs and table cells into RawItems: headings, label/answer fields, body text.

Pure layout decisions, kept apart from the XML walk so they can be read (and
changed) on their own. The signals are the ones people use when they look at a
Word form: a short bold or shaded left cell is a label, a full-width bold row is
a heading, a first row of short emphasised cells is a column header.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from formlint.model import Location
from formlint.parsers.raw import RawItem, Role

MAX_LABEL_WORDS = 12
MAX_LABEL_CHARS = 120
_GLYPHS = set("☐☒☑■□✓✔✗✘")


@dataclass
class Para:
    """One paragraph as the reader sees it once tracked changes are accepted."""

    text: str
    loc: Location
    blank: bool = False
    ctrl_name: str | None = None
    level: int | None = None  # from the paragraph style or outline level
    bold: bool = False  # every run with text is bold
    shaded: bool = False
    has_ctrl: bool = False  # holds a control or legacy field value
    # ("Label", "value", blank) when the paragraph is a label followed only by a control.
    label_split: tuple[str, str, bool] | None = None
    after: list[RawItem] = field(default_factory=list)  # text boxes anchored here


@dataclass
class Cell:
    col: int  # 1-based grid column
    span: int
    loc: Location
    # Paragraphs and nested tables' items, in document order.
    blocks: list[Para | list[RawItem]] = field(default_factory=list)
    shaded: bool = False
    continued: bool = False  # vMerge continuation: its text belongs to the cell above
    origin: Cell | None = None

    @property
    def paras(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]

    @property
    def extra(self) -> list[RawItem]:
        """Items that are not the cell's own text: nested tables and anchored text boxes."""
        out: list[RawItem] = []
        for b in self.blocks:
            out.extend(b.after if isinstance(b, Para) else b)
        return out

    def source(self) -> Cell:
        return self.origin if self.continued and self.origin is not None else self

    @property
    def real(self) -> list[Para]:
        return [p for p in self.paras if p.text and not p.blank]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.source().real)

    @property
    def blank(self) -> bool:
        src = self.source()
        return not src.real and any(p.blank for p in src.paras)

    @property
    def emphasised(self) -> bool:
        src = self.source()
        texts = [p for p in src.paras if p.text]
        if not texts:
            return False
        return src.shaded or all(p.bold or p.shaded for p in texts)

    @property
    def has_ctrl(self) -> bool:
        return any(p.has_ctrl for p in self.source().paras)


@dataclass
class Row:
    cells: list[Cell]
    header: bool = False  # w:tblHeader: Word repeats it on every page


def _short(text: str) -> bool:
    return bool(text) and len(text) <= MAX_LABEL_CHARS and len(text.split()) <= MAX_LABEL_WORDS


def _wordy(text: str) -> bool:
    return any(c.isalnum() for c in text) and not set(text.replace(" ", "")) <= _GLYPHS


def para_items(para: Para, *, bold_headings: bool = True) -> list[RawItem]:
    """Items for a paragraph in running text (body, text box, single-column table)."""
    out: list[RawItem] = []
    loc = para.loc
    if para.label_split is not None:
        label, value, blank = para.label_split
        out.append(RawItem(value, loc, Role.FIELD, label=label, blank=blank))
    elif para.text and not para.blank and para.level is not None:
        out.append(RawItem(para.text, loc, Role.HEADING, level=para.level))
    elif (
        bold_headings and para.bold and not para.has_ctrl and _short(para.text)
        and _wordy(para.text) and not para.text.endswith(".")
    ):
        out.append(RawItem(para.text, loc, Role.HEADING))
    elif para.text:
        out.append(RawItem(para.text, loc, Role.BODY, blank=para.blank))
    out.extend(para.after)
    return out


def _cell_loc(cell: Cell) -> Location:
    src = cell.source()
    field_name = next((p.ctrl_name for p in src.paras if p.ctrl_name), None)
    return replace(cell.loc, field=field_name) if field_name else cell.loc


def _cell_text(cell: Cell) -> tuple[str, bool]:
    """(text, blank): real paragraphs joined; only prompts left means blank."""
    if cell.real:
        return "\n".join(p.text for p in cell.real), False
    prompts = [p.text for p in cell.paras if p.blank and p.text]
    if any(p.blank for p in cell.paras):
        return "\n".join(prompts), True
    return "", False


def _flow(cell: Cell) -> list[RawItem]:
    out: list[RawItem] = []
    for b in cell.blocks:
        out.extend(para_items(b) if isinstance(b, Para) else b)
    return out


def _body(cell: Cell, label: str | None, role: Role = Role.BODY) -> list[RawItem]:
    """One item for the whole cell (paragraphs joined), then what is nested in it."""
    texts = [p for p in cell.paras if p.text or p.blank]
    if len(texts) == 1 and texts[0].label_split is not None:
        # "Date: [field]" inside one cell: the cell carries its own label.
        lab, value, blank = texts[0].label_split
        return [RawItem(value, _cell_loc(cell), Role.FIELD, label=lab, blank=blank), *cell.extra]
    text, blank = _cell_text(cell)
    out: list[RawItem] = []
    if text or blank or role is Role.FIELD:
        out.append(RawItem(text, _cell_loc(cell), role, label=label, blank=blank))
    out.extend(cell.extra)
    return out


def _field(label: str, cell: Cell) -> list[RawItem]:
    return _body(cell, _clean_label(label), Role.FIELD)


def _clean_label(text: str) -> str:
    return " ".join(text.split()).rstrip(":").strip()


def _label_like(cell: Cell) -> bool:
    text = cell.text
    if not _short(text) or cell.has_ctrl or not _wordy(text):
        return False
    return cell.emphasised or not text.endswith(".")


def _header_like(row: Row, following: Row | None, first_of_block: bool, style_emph: bool) -> bool:
    cells = row.cells
    if len(cells) < 2 or following is None:
        return False
    for c in cells:
        t = c.text
        if not _short(t) or c.has_ctrl or t.endswith(".") or not _wordy(t):
            return False
    emph = row.header or (first_of_block and style_emph) or all(c.emphasised for c in cells)
    if len(cells) == 2:
        # "Strengths | Worries" over narrative rows, not a label/answer pair.
        nxt = following.cells[0] if following.cells else None
        return emph and nxt is not None and not _label_like(nxt)
    # Three or more short cells: emphasis settles it; an odd count cannot be label/answer pairs.
    return emph or (first_of_block and len(cells) % 2 == 1)


def _full_width(row: Row, ncols: int) -> Cell | None:
    live = [c for c in row.cells if not c.continued]
    if len(row.cells) == 1 and live:
        return live[0]
    if len(live) == 1 and len(row.cells) == 1 and live[0].span >= ncols:
        return live[0]
    return None


def table_items(rows: list[Row], ncols: int, style_emph: bool = False) -> list[RawItem]:
    """Classify each row: heading row, column header, label/answer pairs or plain cells."""
    out: list[RawItem] = []
    if ncols <= 1 or all(len(r.cells) <= 1 for r in rows):
        # A one-column table is a framed text box: read it as running text.
        for r in rows:
            for c in r.cells:
                if not c.continued:
                    out.extend(_flow(c))
        return out
    header: list[tuple[int, int, str]] | None = None  # (first col, last col, text)
    first_of_block = True
    for i, row in enumerate(rows):
        following = rows[i + 1] if i + 1 < len(rows) else None
        wide = _full_width(row, ncols)
        if wide is not None:
            text = wide.text
            if len(wide.real) == 1 and _short(text) and wide.emphasised and not wide.has_ctrl \
                    and _wordy(text) and not text.endswith("."):
                out.append(RawItem(" ".join(text.split()), _cell_loc(wide), Role.HEADING))
                out.extend(wide.extra)
            else:
                out.extend(_flow(wide))
            header = None
            first_of_block = True
            continue
        # Stacked forms alternate label rows and value rows, so any later
        # label-looking row replaces the header.
        if _header_like(row, following, first_of_block, style_emph and i == 0):
            header = [(c.col, c.col + c.span - 1, _clean_label(c.text)) for c in row.cells]
            for c in row.cells:
                out.extend(c.extra)
            first_of_block = False
            continue
        first_of_block = False
        if header is not None:
            for c in row.cells:
                if c.continued:
                    continue
                label = next((t for lo, hi, t in header if lo <= c.col <= hi), None)
                # A control under a column label is an answer to that label.
                out.extend(_body(c, label, Role.FIELD if c.has_ctrl and label else Role.BODY))
            continue
        out.extend(_row_items(row))
    return out


def _row_items(row: Row) -> list[RawItem]:
    cells = row.cells
    n = len(cells)
    out: list[RawItem] = []
    if n >= 2 and n % 2 == 0:
        pairs = [(cells[k], cells[k + 1]) for k in range(0, n, 2)]
        if all(_label_like(lab) or (not lab.text and not ans.text) for lab, ans in pairs) \
                and any(_label_like(lab) for lab, _ in pairs):
            for lab, ans in pairs:
                if ans.continued or not lab.text:
                    continue
                out.extend(_field(lab.text, ans))
                if not lab.continued:
                    out.extend(lab.extra)
            return out
    if n >= 3 and _label_like(cells[0]) and not any(_label_like(c) for c in cells[1:] if not c.has_ctrl):
        # "Is the child safe? | ☐ Yes | ☒ No": one answer spread over several cells.
        answers = [c for c in cells[1:] if not c.continued]
        texts = [_cell_text(c) for c in answers]
        real = [t for t, b in texts if t and not b]
        blank = not real and any(b for _, b in texts)
        joined = " ".join(real) if all(_short(t) for t in real) else "\n".join(real)
        if answers:
            out.append(RawItem(joined, _cell_loc(answers[0]), Role.FIELD,
                               label=_clean_label(cells[0].text), blank=blank))
            for c in answers:
                out.extend(c.extra)
        return out
    k = 0
    while k < n:
        c = cells[k]
        nxt = cells[k + 1] if k + 1 < n else None
        if not c.continued and nxt is not None and not nxt.continued and _glyph_only(c) \
                and nxt.text and not _glyph_only(nxt):
            # "☒ | Arrange child care": the box and its words are one checklist answer.
            text = f"{c.text} {nxt.text}"
            out.append(RawItem(text, replace(_cell_loc(nxt), field=_cell_loc(c).field), Role.BODY))
            out.extend(c.extra)
            out.extend(nxt.extra)
            k += 2
            continue
        if not c.continued:
            out.extend(_body(c, None))
        k += 1
    return out


def _glyph_only(cell: Cell) -> bool:
    text = cell.text.replace(" ", "")
    return bool(text) and set(text) <= _GLYPHS
