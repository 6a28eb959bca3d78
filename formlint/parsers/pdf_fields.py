"""AcroForm widgets read through PDFium: a filled PDF form keeps its answers only here."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

TEXT = pdfium_c.FPDF_FORMFIELD_TEXTFIELD
CHECKBOX = pdfium_c.FPDF_FORMFIELD_CHECKBOX
RADIO = pdfium_c.FPDF_FORMFIELD_RADIOBUTTON
COMBO = pdfium_c.FPDF_FORMFIELD_COMBOBOX
LISTBOX = pdfium_c.FPDF_FORMFIELD_LISTBOX
# Push buttons carry no answer and a signature's /V is a dictionary, not text.
_SKIPPED = {
    pdfium_c.FPDF_FORMFIELD_PUSHBUTTON,
    pdfium_c.FPDF_FORMFIELD_SIGNATURE,
    pdfium_c.FPDF_FORMFIELD_UNKNOWN,
}
_MAX_WIDGETS_PER_PAGE = 5_000  # a real form has tens; a hostile file could list millions


@dataclass
class Widget:
    """One widget annotation of a form field, in top-down page coordinates (points)."""

    name: str
    kind: int
    value: str
    checked: bool
    export: str
    tooltip: str
    options: tuple[str, ...]  # selected option labels of a list box
    x0: float
    top: float
    x1: float
    bottom: float


def _wide(func: Any, *args: Any) -> str:
    """Read one of PDFium's UTF-16LE out-parameter strings (length query, then fill)."""
    size = int(func(*args, None, 0))
    if size <= 2:
        return ""
    buf = (ctypes.c_ushort * (size // 2))()
    func(*args, buf, size)
    return bytes(buf)[: size - 2].decode("utf-16-le", errors="replace")


def read_widgets(page: Any, form: Any, page_height: float) -> list[Widget]:
    """Every answer-bearing widget on ``page``; ``form`` is the FPDF_FORMHANDLE."""
    out: list[Widget] = []
    count = min(int(pdfium_c.FPDFPage_GetAnnotCount(page)), _MAX_WIDGETS_PER_PAGE)
    rect = pdfium_c.FS_RECTF()
    for index in range(count):
        annot = pdfium_c.FPDFPage_GetAnnot(page, index)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_WIDGET:
                continue
            kind = int(pdfium_c.FPDFAnnot_GetFormFieldType(form, annot))
            if kind in _SKIPPED or kind < 0:
                continue
            if not pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                continue
            options: tuple[str, ...] = ()
            if kind == LISTBOX:
                n = int(pdfium_c.FPDFAnnot_GetOptionCount(form, annot))
                options = tuple(
                    _wide(pdfium_c.FPDFAnnot_GetOptionLabel, form, annot, i)
                    for i in range(min(n, 1_000))
                    if pdfium_c.FPDFAnnot_IsOptionSelected(form, annot, i)
                )
            out.append(
                Widget(
                    name=_wide(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot),
                    kind=kind,
                    value=_wide(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot),
                    checked=bool(pdfium_c.FPDFAnnot_IsChecked(form, annot)),
                    export=_wide(pdfium_c.FPDFAnnot_GetFormFieldExportValue, form, annot),
                    tooltip=_wide(pdfium_c.FPDFAnnot_GetFormFieldAlternateName, form, annot),
                    options=options,
                    x0=min(rect.left, rect.right),
                    x1=max(rect.left, rect.right),
                    top=page_height - max(rect.top, rect.bottom),
                    bottom=page_height - min(rect.top, rect.bottom),
                )
            )
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return out
