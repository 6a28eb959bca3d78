"""WordprocessingML names and the little of styles.xml the reader needs.

Style ids are document-specific (a German Word writes ``berschrift1``), so
heading levels come from the style *name* ("heading 1", "Title") or an outline
level, following ``w:basedOn`` chains.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


VAL = w("val")
W14_VAL = f"{{{W14_NS}}}val"

_FALSE = ("0", "false", "off", "none")
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$")
_HEADING_ID = re.compile(r"^heading([1-9])$", re.IGNORECASE)


def on(el: etree._Element | None, attr: str = VAL) -> bool:
    """An OOXML on/off property: present without a value means on."""
    if el is None:
        return False
    return (el.get(attr) or "true").lower() not in _FALSE


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    bold: bool | None
    shaded: bool


def is_shading(shd: etree._Element | None) -> bool:
    if shd is None:
        return False
    fill = (shd.get(w("fill")) or "auto").lower()
    pattern = (shd.get(VAL) or "clear").lower()
    if pattern not in ("clear", "nil") and pattern != "":
        return True
    return fill not in ("auto", "ffffff", "")


class Styles:
    """Resolved facts per style id: heading level, bold, shading."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.table_first_row_emph: set[str] = set()
        self._level_cache: dict[str, int | None] = {}
        self._bold_cache: dict[str, bool] = {}
        if root is None:
            return
        for st in root.iter(w("style")):
            sid = st.get(w("styleId"))
            if not sid:
                continue
            name_el = st.find(w("name"))
            based = st.find(w("basedOn"))
            ppr = st.find(w("pPr"))
            rpr = st.find(w("rPr"))
            outline = None
            if ppr is not None and (ol := ppr.find(w("outlineLvl"))) is not None:
                outline = _int(ol.get(VAL))
            bold = None
            if rpr is not None and (b := rpr.find(w("b"))) is not None:
                bold = on(b)
            shaded = ppr is not None and is_shading(ppr.find(w("shd")))
            self._styles[sid] = _Style(
                (name_el.get(VAL) or "").strip().lower() if name_el is not None else "",
                based.get(VAL) if based is not None else None,
                outline, bold, shaded,
            )
            is_default = (st.get(w("default")) or "").lower() in ("1", "true", "on")
            if st.get(w("type")) == "paragraph" and is_default:
                self.default_para = sid
            if st.get(w("type")) == "table":
                for tsp in st.iter(w("tblStylePr")):
                    if tsp.get(w("type")) != "firstRow":
                        continue
                    trpr = tsp.find(w("rPr"))
                    tcpr = tsp.find(w("tcPr"))
                    bold_row = trpr is not None and on(trpr.find(w("b")))
                    shd_row = tcpr is not None and is_shading(tcpr.find(w("shd")))
                    if bold_row or shd_row:
                        self.table_first_row_emph.add(sid)

    def _chain(self, sid: str) -> list[_Style]:
        out: list[_Style] = []
        seen: set[str] = set()
        cur: str | None = sid
        while cur and cur not in seen and len(out) < 20:
            seen.add(cur)
            st = self._styles.get(cur)
            if st is None:
                break
            out.append(st)
            cur = st.based_on
        return out

    def heading_level(self, sid: str | None) -> int | None:
        """0 for Title, 1-9 for headings and outline levels, None for body styles."""
        if sid is None:
            sid = self.default_para
            if sid is None:
                return None
        if sid in self._level_cache:
            return self._level_cache[sid]
        level: int | None = None
        chain = self._chain(sid)
        if not chain:
            # No styles part (or an unknown id): Word's built-in ids are still telling.
            if m := _HEADING_ID.match(sid):
                level = int(m.group(1))
            elif sid.lower() == "title":
                level = 0
        for st in chain:
            if st.name == "title":
                level = 0
                break
            if m := _HEADING_NAME.match(st.name):
                level = int(m.group(1))
                break
            if st.outline is not None:
                level = st.outline + 1 if 0 <= st.outline < 9 else None
                break
        self._level_cache[sid] = level
        return level

    def bold(self, sid: str | None) -> bool:
        if sid is None:
            sid = self.default_para
            if sid is None:
                return False
        if sid in self._bold_cache:
            return self._bold_cache[sid]
        value = False
        for st in self._chain(sid):
            if st.bold is not None:
                value = st.bold
                break
        self._bold_cache[sid] = value
        return value

    def shaded(self, sid: str | None) -> bool:
        return any(st.shaded for st in self._chain(sid)) if sid else False


_ROOT_TAG = re.compile(rb"<([\w.-]+:)?styles\b[^>]*>")
_STYLE_ID = re.compile(rb"""styleId=["']([^"']*)["']""")
_BASED_ON = re.compile(rb"""basedOn\b[^>]*?val=["']([^"']*)["']""")
_DEFAULT = re.compile(rb"""default=["'](?:1|true|on)["']""")


def load_styles(data: bytes, wanted: set[str], parse: Callable[[bytes], etree._Element]) -> Styles:
    """Styles for the ids a document uses, without parsing the whole part.

    Templates carry hundreds of unused styles (python-docx's default styles.xml
    is 350 KB, about 4 ms to parse), so only the blocks for ``wanted`` ids, their
    ``basedOn`` ancestors, the default paragraph style and table styles are
    parsed. Anything unexpected falls back to parsing the whole part.
    """
    root_tag = _ROOT_TAG.search(data)
    if root_tag is None:
        return Styles(parse(data))
    prefix = root_tag.group(1) or b""
    opener, closer = b"<" + prefix + b"style ", b"</" + prefix + b"style>"
    blocks: dict[str, bytes] = {}
    keep: set[str] = set(wanted)
    # bytes.find runs in C; a regex over the whole part costs more than parsing it.
    pos = data.find(opener, root_tag.end())
    while pos != -1:
        tag_end = data.find(b">", pos)
        if tag_end == -1:
            return Styles(parse(data))
        end = tag_end + 1 if data[tag_end - 1:tag_end] == b"/" else data.find(closer, tag_end)
        if end == -1:
            return Styles(parse(data))
        if end != tag_end + 1:
            end += len(closer)
        head = data[pos:tag_end]
        sid = _STYLE_ID.search(head)
        if sid is not None:
            key = sid.group(1).decode("utf-8", "replace")
            blocks[key] = data[pos:end]
            if _DEFAULT.search(head) and b'type="paragraph"' in head:
                keep.add(key)
        pos = data.find(opener, end)
    pending = list(keep)
    while pending:
        block = blocks.get(pending.pop())
        based = _BASED_ON.search(block) if block is not None else None
        if based is not None:
            parent = based.group(1).decode("utf-8", "replace")
            if parent not in keep:
                keep.add(parent)
                pending.append(parent)
    body = b"".join(blocks[k] for k in sorted(keep) if k in blocks)
    return Styles(parse(root_tag.group(0) + body + b"</" + prefix + b"styles>"))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
