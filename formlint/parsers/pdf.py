"""PDF forms through PDFium (pypdfium2): text blocks with page locations, headings, AcroForm answers.

PDFium was chosen over pdfplumber for speed: it gives the text, per-character
boxes and fonts, and the AcroForm values of a 4-page form in a few ms, where
pdfplumber (pure-Python pdfminer) needs ~70 ms a page. The whole parse runs in
a child process (``pdf_worker``) because PDFium is C++ and a hostile file can
hang or crash it.

Layout model: PDFium's text page already puts characters in content-stream
order and breaks lines where the baseline changes. Each line is split into
*segments* at wide horizontal gaps (table columns, a label and its answer on
one row); segments are joined into paragraphs by vertical gap. Stream order is
kept for text because producers (Word, LibreOffice, LaTeX) write it in reading
order, including column by column on multi-column pages, which a sort by
position would interleave; form fields are placed among the text by position.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import itertools
import re
import warnings as pywarnings
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from formlint.errors import CorruptDocument, PasswordProtected, ScannedDocument
from formlint.limits import Limits
from formlint.model import Location, ParseWarning
from formlint.parsers import pdf_worker
from formlint.parsers.pdf_fields import CHECKBOX, COMBO, LISTBOX, RADIO, TEXT, Widget, read_widgets
from formlint.parsers.pdf_tables import find_tables
from formlint.parsers.raw import RawDocument, RawItem, Role

CHECKED = "☒"
UNCHECKED = "☐"

_HEADER_BAND = 0.075  # fraction of the page height at top and bottom where running heads live
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.IGNORECASE
)
_NUMBERED = re.compile(r"^(?:(?:section|part)\s+)?\d{1,2}(?:\.\d{1,2})*[a-z]?[.)]?\s+\S", re.IGNORECASE)
_MULTI_LEVEL = re.compile(r"^(?:(?:section|part)\s+\d|\d{1,2}\.\d{1,2})", re.IGNORECASE)
_MARKER = re.compile(r"^(?:[-*•◦▪●◼■–]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])$")
_LIST_START = re.compile(r"^(?:[-*•◦▪●◼■–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
_LABEL_VALUE = re.compile(r"^([A-Z][\w'’/&()\- ]{1,40}?)\s*:\s+(\S.*)$")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_READABLE_NAME = re.compile(r"[A-Za-z]{3,}")
_BAD_CHARS = re.compile(r"[\ufffd\x00-\x08\x0e-\x1f]")


@dataclass
class _Seg:
    """A run of text on one line, in top-down page coordinates (points)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    order: int
    furniture: bool = False  # page header/footer
    consumed: bool = False  # used as a form field's label

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


@dataclass
class _Page:
    number: int
    width: float
    height: float
    segs: list[_Seg] = field(default_factory=list)
    widgets: list[Widget] = field(default_factory=list)
    images: int = 0
    chars: int = 0


# -- reading a page ----------------------------------------------------------------------------


class _TextReader:
    """Per-character queries on one PDFium text page, with ctypes buffers reused across calls."""

    def __init__(self, textpage: Any) -> None:
        self.raw = textpage.raw
        self._d = [ctypes.c_double() for _ in range(4)]
        self._refs = [ctypes.byref(d) for d in self._d]
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()

    def char_box(self, index: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) in PDF coordinates."""
        pdfium_c.FPDFText_GetCharBox(self.raw, index, *self._refs)
        return (self._d[0].value, self._d[1].value, self._d[2].value, self._d[3].value)

    def rects(self, start: int, count: int) -> list[tuple[float, float, float, float]]:
        """PDFium's run rectangles for a char range, as (left, top, right, bottom) PDF coordinates."""
        n = int(pdfium_c.FPDFText_CountRects(self.raw, start, count))
        out = []
        for i in range(n):
            pdfium_c.FPDFText_GetRect(self.raw, i, *self._refs)
            out.append((self._d[0].value, self._d[1].value, self._d[2].value, self._d[3].value))
        return out

    def size(self, index: int) -> float:
        return float(pdfium_c.FPDFText_GetFontSize(self.raw, index))

    def bold(self, index: int) -> bool:
        if int(pdfium_c.FPDFText_GetFontWeight(self.raw, index)) >= 600:
            return True
        n = int(pdfium_c.FPDFText_GetFontInfo(self.raw, index, self._name, 128, ctypes.byref(self._flags)))
        return n > 0 and bool(_BOLD_NAME.search(self._name.value.decode("latin-1", "replace")))


def _page_text(textpage: Any, reader: _TextReader) -> str:
    count = int(pdfium_c.FPDFText_CountChars(reader.raw))
    if count <= 0:
        return ""
    text: str = textpage.get_text_range()
    if len(text) != count:
        # Characters outside the BMP come back as surrogate pairs and shift every
        # index after them; rebuild the string one code point per char index.
        text = "".join(chr(int(pdfium_c.FPDFText_GetUnicode(reader.raw, i)) or 0xFFFD) for i in range(count))
    return text


def _split_points(reader: _TextReader, text: str, start: int, end: int) -> list[int]:
    """Char indices inside [start, end) where a new segment begins (wide gap or a jump back left)."""
    cuts: list[int] = []
    prev: tuple[float, float, float, float] | None = None
    for k in range(start, end):
        if text[k].isspace():
            continue
        box = reader.char_box(k)
        if box[1] - box[0] <= 0 and box[3] - box[2] <= 0:
            continue
        if prev is not None:
            h = max(prev[3] - prev[2], box[3] - box[2], 4.0)
            gap = box[0] - prev[1]
            same_row = box[2] < prev[3] and box[3] > prev[2]
            if gap > max(2.2 * h, 12.0) or gap < -1.5 * h or not same_row:
                cuts.append(k)
        prev = box
    return cuts


def _read_segments(textpage: Any, page_height: float, first_order: int) -> tuple[list[_Seg], str]:
    reader = _TextReader(textpage)
    text = _page_text(textpage, reader)
    segs: list[_Seg] = []
    order = first_order
    for line in re.finditer(r"[^\r\n]+", text):
        s, e = line.start(), line.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        runs = reader.rects(s, e - s)
        if not runs:
            continue
        bounds = [s]
        if len(runs) > 1 and _runs_need_split(runs):
            # Only lines with a wide gap pay for per-character boxes.
            bounds += _split_points(reader, text, s, e)
        bounds.append(e)
        for a, b in itertools.pairwise(bounds):
            seg = _make_segment(reader, text, a, b, page_height, order)
            if seg is not None:
                segs.append(seg)
                order += 1
    return _merge_markers(_dedupe(segs)), text


def _merge_markers(segs: list[_Seg]) -> list[_Seg]:
    """Glue a list marker set off by a tab ("•", "1.", "(a)") to the text it introduces."""
    out: list[_Seg] = []
    for seg in segs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _MARKER.match(prev.text)
            and 0 <= seg.x0 - prev.x1 <= 48
            and _same_row(seg, prev.top - 2, prev.bottom + 2)
        ):
            out[-1] = _Seg(
                f"{prev.text} {seg.text}", prev.x0, min(prev.top, seg.top), seg.x1,
                max(prev.bottom, seg.bottom), seg.size, seg.bold, prev.order,
            )
            continue
        out.append(seg)
    return out


def _runs_need_split(runs: list[tuple[float, float, float, float]]) -> bool:
    for (l0, t0, r0, b0), (l1, t1, _r1, b1) in itertools.pairwise(runs):
        h = max(t0 - b0, t1 - b1, 4.0)
        if l1 - r0 > max(2.2 * h, 12.0) or l1 < l0 - 1.5 * h or not (b1 < t0 and t1 > b0):
            return True
    return False


def _make_segment(
    reader: _TextReader, text: str, a: int, b: int, page_height: float, order: int
) -> _Seg | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a >= b:
        return None
    raw_text = text[a:b]
    runs = reader.rects(a, b - a)
    if not runs:
        return None
    left = min(r[0] for r in runs)
    right = max(r[2] for r in runs)
    top = max(r[1] for r in runs)
    bottom = min(r[3] for r in runs)
    last = b - 1
    size = max(reader.size(a), reader.size(last), reader.size((a + last) // 2))
    bold = reader.bold(a) and reader.bold(last)
    clean = " ".join(raw_text.replace("\x02", "-").replace("\ufffe", "").split())
    return _Seg(clean, left, page_height - top, right, page_height - bottom, size, bold, order)


def _dedupe(segs: list[_Seg]) -> list[_Seg]:
    """Drop a segment drawn twice at (nearly) the same place: fake bold by overprinting."""
    kept: list[_Seg] = []
    seen: dict[str, list[_Seg]] = defaultdict(list)
    for seg in segs:
        twins = seen[seg.text]
        if any(_overlap_ratio(seg, t) > 0.5 for t in twins):
            continue
        twins.append(seg)
        kept.append(seg)
    return kept


def _overlap_ratio(a: _Seg, b: _Seg) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    area = min((a.x1 - a.x0) * a.height, (b.x1 - b.x0) * b.height)
    return (w * h) / area if area > 0 else 0.0


def _count_images(page: Any, width: float, height: float) -> int:
    """Images drawn on the page, looking one level into form XObjects (where scanners put them)."""
    count = 0
    n = min(int(pdfium_c.FPDFPage_CountObjects(page)), 100_000)
    for i in range(n):
        obj = pdfium_c.FPDFPage_GetObject(page, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            if _big_enough(obj, width, height):
                count += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = min(int(pdfium_c.FPDFFormObj_CountObjects(obj)), 10_000)
            for j in range(inner):
                sub = pdfium_c.FPDFFormObj_GetObject(obj, j)
                if pdfium_c.FPDFPageObj_GetType(sub) == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                    count += 1
    return count


def _big_enough(obj: Any, width: float, height: float) -> bool:
    """Ignore bullets, rules and spacer pixels; anything a person could read is larger than this."""
    box = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box)):
        return True
    left, bottom, right, top = (v.value for v in box)
    w, h = right - left, top - bottom
    return (w >= 16 or w >= 0.2 * width) and (h >= 16 or h >= 0.2 * height)


# -- opening -----------------------------------------------------------------------------------


def _open(data: bytes, path: str) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PasswordProtected(
                path, "the PDF is password-protected; export an unprotected copy"
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise PasswordProtected(
                path,
                "the PDF is encrypted with a security handler PDFium does not support; "
                "export an unprotected copy",
            ) from None
        raise CorruptDocument(path, _corrupt_reason(data)) from None


def _corrupt_reason(data: bytes) -> str:
    tail = data[-2048:]
    if b"%%EOF" not in tail and b"startxref" not in tail:
        return (
            "not a readable PDF: the file looks truncated (no end-of-file marker) and could not be repaired"
        )
    if b"obj" not in data:
        return "not a readable PDF: it starts like a PDF but contains no PDF objects"
    return "not a readable PDF: its structure (cross-reference table, trailer or page tree) is damaged"


# -- the document ------------------------------------------------------------------------------


def parse_pdf_in_process(data: bytes, path: str, max_pages: int) -> RawDocument:
    """Parse in the current process (no isolation); :func:`parse_pdf` is the safe entry point."""
    doc = _open(data, path)
    try:
        return _read_document(doc, path, max_pages)
    finally:
        doc.close()


def _read_document(doc: Any, path: str, max_pages: int) -> RawDocument:
    out = RawDocument(format="pdf")
    form_type = int(doc.get_formtype())
    form: Any = None
    if form_type in (pdfium_c.FORMTYPE_XFA_FULL, pdfium_c.FORMTYPE_XFA_FOREGROUND):
        out.warnings.append(
            ParseWarning(
                "xfa",
                "this is an XFA (LiveCycle) form: answers kept only in its XFA data are not read; "
                "values come from the AcroForm fields",
            )
        )
    if form_type != pdfium_c.FORMTYPE_NONE:
        with pywarnings.catch_warnings():
            pywarnings.simplefilter("ignore")  # PDFium without XFA support warns on XFA forms
            doc.init_forms()
        env = doc.formenv
        form = env.raw if env is not None else None
    total = len(doc)
    if total <= 0:
        raise CorruptDocument(path, "the PDF has no pages (its page tree is empty or damaged)")
    if total > max_pages:
        out.warnings.append(
            ParseWarning("page-limit", f"the PDF has {total} pages; only the first {max_pages} were read")
        )
    pages = list(_read_pages(doc, min(total, max_pages), form, out))
    if not any(p.chars or p.widgets for p in pages):
        if any(p.images for p in pages):
            raise ScannedDocument(
                path, "no text layer on any page: it looks scanned; run OCR first (formlint does not OCR)"
            )
        # Blank pages are not unreadable: the form is simply empty, and the rules say so.
        out.warnings.append(
            ParseWarning("no-text", "no text on any page: the PDF is blank or its text is drawn as shapes")
        )
        return out
    for p in pages:
        if not p.chars and p.images:
            out.warnings.append(
                ParseWarning(
                    "no-text-layer",
                    f"page {p.number} has no text layer (scanned?): its content is not checked",
                    Location(page=p.number),
                )
            )
        elif p.images:
            out.warnings.append(
                ParseWarning(
                    "image",
                    f"page {p.number} has images; text inside them is not read",
                    Location(page=p.number),
                )
            )
    _mark_furniture(pages, out)
    _emit(pages, out)
    return out


def _read_pages(doc: Any, count: int, form: Any, out: RawDocument) -> Iterable[_Page]:
    order = 0
    for index in range(count):
        number = index + 1
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            out.warnings.append(
                ParseWarning("page-unreadable", f"page {number} could not be loaded", Location(page=number))
            )
            continue
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                segs, text = _read_segments(textpage, height, order)
            finally:
                textpage.close()
            result = _Page(number, width, height, segs)
            result.chars = sum(1 for c in text if not c.isspace())
            bad = len(_BAD_CHARS.findall(text))
            if result.chars >= 20 and bad > 0.3 * result.chars:
                out.warnings.append(
                    ParseWarning(
                        "unreadable-text",
                        f"page {number}: most of its text cannot be decoded (font without a Unicode map)",
                        Location(page=number),
                    )
                )
            result.images = _count_images(page, width, height)
            if form is not None:
                result.widgets = read_widgets(page, form, height)
        finally:
            page.close()
        order += len(segs) + 1
        yield result


def _mark_furniture(pages: list[_Page], out: RawDocument) -> None:
    """Page headers/footers: page numbers, and text repeated in the top/bottom band of several pages."""
    band_pages: dict[str, set[int]] = defaultdict(set)
    candidates: list[tuple[_Seg, str]] = []
    for p in pages:
        band = _HEADER_BAND * p.height
        for seg in p.segs:
            if seg.bottom <= band or seg.top >= p.height - band:
                key = re.sub(r"\d+", "#", seg.text.lower())
                band_pages[key].add(p.number)
                candidates.append((seg, key))
    needed = max(2, (len(pages) + 1) // 2)
    seen: set[str] = set()
    for seg, key in candidates:
        if _PAGE_NUMBER.match(seg.text) or (len(pages) >= 2 and len(band_pages[key]) >= needed):
            seg.furniture = True
            if seg.text not in seen and not _PAGE_NUMBER.match(seg.text):
                seen.add(seg.text)
                out.extra_text.append(seg.text)


# -- fields and their labels -------------------------------------------------------------------


def _same_row(seg: _Seg, top: float, bottom: float) -> bool:
    overlap = min(seg.bottom, bottom) - max(seg.top, top)
    centre = (seg.top + seg.bottom) / 2
    return overlap >= 0.4 * min(seg.height, bottom - top) or top <= centre <= bottom


def _left_of(segs: list[_Seg], w: Widget, limit: float = 220.0) -> _Seg | None:
    best, dist = None, limit
    for seg in segs:
        if seg.x1 <= w.x0 + 3 and _same_row(seg, w.top, w.bottom) and w.x0 - seg.x1 < dist:
            best, dist = seg, w.x0 - seg.x1
    return best


def _right_of(segs: list[_Seg], w: Widget, limit: float = 40.0) -> _Seg | None:
    best, dist = None, limit
    for seg in segs:
        if seg.x0 >= w.x1 - 3 and _same_row(seg, w.top, w.bottom) and seg.x0 - w.x1 < dist:
            best, dist = seg, seg.x0 - w.x1
    return best


def _above(segs: list[_Seg], w: Widget, limit: float = 40.0) -> _Seg | None:
    best: _Seg | None = None
    key = (limit, 0.0)
    for seg in segs:
        gap = w.top - seg.bottom
        if -3 <= gap < key[0] + 0.01 and seg.x0 < w.x1 and seg.x1 > w.x0 - 10:
            cand = (max(gap, 0.0), abs(seg.x0 - w.x0))
            if cand < key:
                best, key = seg, cand
    return best


def _readable_name(name: str) -> str:
    tail = name.rsplit(".", 1)[-1]
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|[_\-]+", " ", tail)
    words = re.sub(r"\s*\[\d+\]$", "", words).strip()
    return words if _READABLE_NAME.search(words) else tail


def _label_text(seg: _Seg) -> str:
    return seg.text.rstrip(" :").strip() or seg.text


def _extend_label_up(page: _Page, seg: _Seg, by_order: dict[int, _Seg]) -> list[_Seg]:
    """A label wrapped over two or three lines in a narrow cell: take the lines above it too."""
    chain = [seg]
    while len(chain) < 3:
        prev = by_order.get(chain[0].order - 1)
        if (
            prev is None
            or prev.consumed
            or prev.furniture
            or abs(prev.x0 - chain[0].x0) > 3
            or not 0 <= chain[0].top - prev.bottom <= 0.6 * max(prev.size, 4.0)
            or abs(prev.size - chain[0].size) > 0.5
            or prev.text.endswith((".", ":"))
        ):
            break
        chain.insert(0, prev)
    return chain


@dataclass
class _Placed:
    anchor: float  # position in the text's stream order
    top: float  # position on the page, for a sort by rows
    x: float
    item: RawItem


def _field_items(page: _Page, done: set[str]) -> list[_Placed]:
    """FIELD items for the page's widgets, each anchored in the text's stream order."""
    segs = [s for s in page.segs if not s.furniture]
    by_order = {s.order: s for s in segs}
    groups: dict[str, list[Widget]] = defaultdict(list)
    for w in page.widgets:
        if w.name in done:
            continue  # the same field shown again (e.g. a name repeated on every page)
        groups[w.name].append(w)
    placed: list[_Placed] = []
    for name, widgets in groups.items():
        done.add(name)
        first = min(widgets, key=lambda w: (w.top, w.x0))
        kind = first.kind
        label_segs: list[_Seg] = []
        text, blank = "", False
        if kind == RADIO or (kind == CHECKBOX and len(widgets) > 1):
            option_segs = {id(w): _right_of(segs, w) for w in widgets}
            for seg in option_segs.values():
                if seg is not None and len(seg.text.split()) <= 6:
                    seg.consumed = True
            chosen = next((w for w in widgets if w.checked), None)
            if chosen is None:
                blank = True
            else:
                option = option_segs[id(chosen)]
                readable = option is not None and len(option.text.split()) <= 6
                text = option.text if option is not None and readable else chosen.export or "on"
            rest = [s for s in segs if not s.consumed]
            found = _left_of(rest, first) or _above(rest, first)
        elif kind == CHECKBOX:
            text = CHECKED if first.checked else UNCHECKED
            found = _right_of(segs, first, 60.0) or _left_of(segs, first) or _above(segs, first)
        else:
            if kind == LISTBOX and first.options:
                text = "; ".join(first.options)
            elif kind in (TEXT, COMBO, LISTBOX):
                text = first.value
            else:
                text = first.value
            text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
            blank = not text
            found = _left_of(segs, first) or _above(segs, first)
        if found is not None:
            label_segs = _extend_label_up(page, found, by_order)
            label = " ".join(_label_text(s) if s is label_segs[-1] else s.text for s in label_segs)
            for s in label_segs:
                s.consumed = True
            anchor = found.order + 0.5
            top, x = label_segs[0].top, label_segs[0].x0
        else:
            top, x = first.top, first.x0
            label = first.tooltip.strip() or _readable_name(name)
            below = [s.order for s in segs if s.top >= first.top - 1]
            anchor = (min(below) - 0.5) if below else float("inf")
        item = RawItem(
            text,
            Location(page=page.number, field=name),
            Role.FIELD,
            label=label,
            blank=blank,
        )
        placed.append(_Placed(anchor, top, x, item))
    return placed


# -- paragraphs, headings, items ---------------------------------------------------------------


def _body_size(pages: list[_Page]) -> tuple[float, bool]:
    sizes: Counter[float] = Counter()
    bold = 0
    total = 0
    for p in pages:
        for s in p.segs:
            if not s.furniture:
                sizes[round(s.size * 2) / 2] += len(s.text)
                total += len(s.text)
                bold += len(s.text) if s.bold else 0
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    return size, total > 0 and bold > 0.6 * total


def _is_heading(seg: _Seg, body: float, body_bold: bool) -> bool:
    text = seg.text
    words = len(text.split())
    if not words or len(text) > 120 or not any(c.isalpha() for c in text):
        return False
    ends_sentence = text.endswith((".", ",", ";"))
    if body and seg.size >= body * 1.15 and words <= 15 and not ends_sentence:
        return True
    if seg.bold and not body_bold and words <= 12 and not ends_sentence:
        return True
    numbered = _NUMBERED.match(text) and words <= 9 and not ends_sentence and not text.endswith(")")
    # "4.2 Analysis" is a heading; "1. Liste" is as often a list item unless it stands out.
    if numbered and (_MULTI_LEVEL.match(text) or seg.bold or (body and seg.size >= body * 1.1)):
        return True
    return text.endswith(":") and words <= 8 and text.count(":") == 1


def _stands_out(prev: _Seg, seg: _Seg, body: float, body_bold: bool) -> bool:
    """A line styled unlike the one before it (bold or larger) starts a new block."""
    larger = body > 0 and seg.size >= body * 1.15 and seg.size > prev.size * 1.05
    return larger or (seg.bold and not prev.bold and not body_bold)


def _continues(prev: _Seg, seg: _Seg, para_x0: float) -> bool:
    size = max(prev.size, seg.size, 4.0)
    gap = seg.top - prev.bottom
    return (
        -0.3 * size <= gap <= 0.6 * size
        and abs(prev.size - seg.size) <= 0.2 * size
        and seg.x0 < prev.x1
        and seg.x1 > prev.x0
        and seg.x0 >= para_x0 - 2 * size
        and not prev.text.endswith(":")
        and not _LIST_START.match(seg.text)
    )


def _join(lines: list[_Seg]) -> str:
    text = lines[0].text
    for seg in lines[1:]:
        if text.endswith("-") and seg.text[:1].islower():
            text += seg.text  # a word broken over the line end
        else:
            text += " " + seg.text
    return text


def _paragraphs(segs: list[_Seg], body: float, body_bold: bool) -> list[tuple[list[_Seg], bool]]:
    """Group segments (stream order) into (lines, is_heading) paragraphs."""
    out: list[tuple[list[_Seg], bool]] = []
    current: list[_Seg] = []
    for seg in segs:
        if (
            current
            and _continues(current[-1], seg, current[0].x0)
            and not _stands_out(current[-1], seg, body, body_bold)
        ):
            # Numbering or a colon inside a running paragraph is not a heading.
            current.append(seg)
            continue
        heading = _is_heading(seg, body, body_bold)
        if current:
            out.append((current, False))
            current = []
        if heading:
            out.append(([seg], True))
        else:
            current = [seg]
    if current:
        out.append((current, False))
    # A heading directly followed by a line that continues it (a wrapped long
    # heading at the same size) is one heading.
    merged: list[tuple[list[_Seg], bool]] = []
    for lines, heading in out:
        if (
            heading
            and merged
            and merged[-1][1]
            and _continues(merged[-1][0][-1], lines[0], merged[-1][0][0].x0)
            and merged[-1][0][-1].size == lines[0].size
            and not _NUMBERED.match(lines[0].text)
        ):
            merged[-1][0].extend(lines)
        else:
            merged.append((lines, heading))
    return merged


def _row_label(lines: list[_Seg]) -> bool:
    seg = lines[0]
    return (
        len(lines) == 1
        and sum(c.isalpha() for c in seg.text) >= 2
        and not _LIST_START.match(seg.text + " ")
        and len(seg.text.split()) <= 8
        and len(seg.text) <= 60
        and not seg.text.endswith((".", ","))
        and not _PAGE_NUMBER.match(seg.text)
    )


def _emit(pages: list[_Page], out: RawDocument) -> None:
    body, body_bold = _body_size(pages)
    done_fields: set[str] = set()
    table_base = 1
    for page in pages:
        placed = _field_items(page, done_fields) if page.widgets else []
        segs = [s for s in page.segs if not s.furniture and not s.consumed]
        paras = _paragraphs(segs, body, body_bold)
        tables = find_tables(paras)
        i = 0
        while i < len(paras):
            lines, heading = paras[i]
            anchor = float(lines[0].order)
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            loc = Location(page=page.number)
            third = paras[i + 2][0][0] if i + 2 < len(paras) else None
            cell = tables.get(i)
            if cell is not None:
                i += 1
                if cell.row == 0:
                    continue  # the heading row labels the cells under it
                where = Location(
                    page=page.number, table=table_base + cell.table, row=cell.row, cell=cell.column
                )
                item = RawItem(_join(lines), where, Role.BODY, label=cell.heading)
                placed.append(_Placed(anchor, lines[0].top, lines[0].x0, item))
                continue
            if (
                nxt is not None
                and _row_label(lines)
                and nxt[0][0].x0 > lines[0].x1
                and _same_row(nxt[0][0], lines[0].top, lines[0].bottom)
                and not nxt[1]
                and (third is None or not _same_row(third, lines[0].top, lines[0].bottom))
            ):
                # A flattened form's table row: "Label | answer" on one line.
                item = RawItem(_join(nxt[0]), loc, Role.FIELD, label=_label_text(lines[0]))
                i += 2
            elif heading:
                item = RawItem(_join(lines), loc, Role.HEADING)
                i += 1
            else:
                text = _join(lines)
                m = _LABEL_VALUE.match(text) if len(lines) == 1 else None
                if m and len(m.group(1).split()) <= 5:
                    item = RawItem(m.group(2).strip(), loc, Role.FIELD, label=m.group(1).strip(), weak=True)
                else:
                    item = RawItem(text, loc)
                i += 1
            placed.append(_Placed(anchor, lines[0].top, lines[0].x0, item))
        table_base += len({cell.table for cell in tables.values()})
        if _multi_column([lines for lines, _ in paras]):
            placed.sort(key=lambda p: (p.anchor, p.x))
        else:
            placed = _by_rows(placed)
        index = 0
        for p in placed:
            item = p.item
            if item.location.field is None:
                # Paragraph numbers follow the final reading order, not the stream.
                item = replace(item, location=replace(item.location, paragraph=index))
                index += 1
            out.items.append(item)


def _multi_column(paras: list[list[_Seg]]) -> bool:
    """Prose set in columns: several multi-line paragraphs side by side (stream order is then right)."""
    prose = [p for p in paras if len(p) >= 2 and sum(len(s.text.split()) for s in p) >= 12]
    boxes = [(min(s.x0 for s in p), p[0].top, max(s.x1 for s in p), p[-1].bottom) for p in prose]
    pairs = 0
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (a[2] <= b[0] or b[2] <= a[0]) and min(a[3], b[3]) - max(a[1], b[1]) > 0:
                pairs += 1
                if pairs >= 2:
                    return True
    return False


def _by_rows(placed: list[_Placed]) -> list[_Placed]:
    """Reading order for a single-column page or a form: rows top to bottom, left to right in a row."""
    placed = sorted(placed, key=lambda p: (p.top, p.anchor))
    out: list[_Placed] = []
    row: list[_Placed] = []
    for p in placed:
        if row and p.top - row[0].top > 4.0:
            out.extend(sorted(row, key=lambda q: (q.x, q.anchor)))
            row = []
        row.append(p)
    out.extend(sorted(row, key=lambda q: (q.x, q.anchor)))
    return out


# -- entry point -------------------------------------------------------------------------------


_WARM_UP_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Contents 4 0 R"
    b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"
    b"/F2<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold>>>>>>>>endobj\n"
    b"4 0 obj<</Length 60>>stream\nBT /F1 10 Tf 10 50 Td (Warm) Tj /F2 12 Tf 0 20 Td (Up) Tj ET\n"
    b"endstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@functools.cache
def _warm_up() -> None:
    """Parse a tiny PDF once in this process so forked workers inherit PDFium's warm font caches.

    Measured on a 4-page form: the child's parse drops from ~8 ms to ~4.5 ms.
    """
    with contextlib.suppress(Exception):
        parse_pdf_in_process(_WARM_UP_PDF, "warm-up.pdf", 1)


def parse_pdf(data: bytes, path: str, limits: Limits) -> RawDocument:
    """Read a PDF in an isolated worker (memory cap, wall-clock limit); errors are UnreadableForm."""
    _warm_up()
    result: RawDocument = pdf_worker.run_isolated(
        _worker_target(),
        (data, path, limits.max_pdf_pages),
        path=path,
        seconds=limits.seconds_per_file,
        memory_bytes=limits.pdf_memory_bytes,
    )
    return result


def _worker_target() -> Any:
    # Looked up at call time so tests can swap the function the child runs.
    return globals()["parse_pdf_in_process"]
