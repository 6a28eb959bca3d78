"""Read a .docx form straight from its XML (lxml), not through python-docx.

python-docx drops what forms are made of (tracked insertions, content
controls, legacy field values, text boxes) and repeats merged cells, so the
package is read directly: :mod:`docx_package` guards the zip and the XML parser,
:mod:`docx_walk` walks the main part in order, :mod:`docx_items` decides what each
paragraph or table cell is. Headers, footers and document properties go to
``extra_text``; comments and unresolved revisions become warnings.
"""

from __future__ import annotations

import zipfile
import zlib

from lxml import etree

from formlint.errors import CorruptDocument, UnreadableForm
from formlint.limits import Limits
from formlint.model import Location, ParseWarning
from formlint.parsers.docx_package import Package
from formlint.parsers.docx_styles import W14_NS, W15_NS, Styles, load_styles, on, w
from formlint.parsers.docx_walk import BR, LRPB, P, T, Walker
from formlint.parsers.raw import RawDocument, RawItem, Role

_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_EXCERPT = 60


def parse_docx(data: bytes, path: str, limits: Limits) -> RawDocument:
    try:
        return _parse(data, path, limits)
    except UnreadableForm:
        raise
    except RecursionError as exc:
        raise CorruptDocument(path, "the document is nested too deeply to read") from exc
    except (etree.LxmlError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        # Anything the guards above did not anticipate is still a damaged file, not a crash.
        raise CorruptDocument(path, f"not a readable .docx ({type(exc).__name__}: {exc})") from exc


def _parse(data: bytes, path: str, limits: Limits) -> RawDocument:
    pkg = Package(data, path, limits)
    main = pkg.main_part()
    root = pkg.read_xml(main)
    body = root.find(w("body"))
    if body is None:
        raise CorruptDocument(path, f"part {main} has no document body; it is not a Word document")
    styles = _styles(pkg, main, body)
    walker = Walker(styles, page_hints=_has_page_hints(body))
    doc = RawDocument(format="docx", items=walker.items(body), warnings=walker.warnings)
    doc.warnings.extend(_comments(pkg, main, walker.comment_anchors))
    doc.extra_text = _extra_text(pkg, main, styles)
    return doc


def _styles(pkg: Package, main: str, body: etree._Element) -> Styles:
    parts = pkg.rel_targets(main, "styles")
    if not parts:
        return Styles(None)
    data = pkg.read_bytes(parts[0])
    used = {el.get(w("val")) or "" for el in body.iter(w("pStyle"), w("rStyle"), w("tblStyle"))}
    return load_styles(data, used, lambda part: pkg.parse(parts[0], part))


def _has_page_hints(body: etree._Element) -> bool:
    if next(body.iter(LRPB), None) is not None:
        return True
    return any(br.get(w("type")) == "page" for br in body.iter(BR))


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def _comments(pkg: Package, main: str, anchors: dict[str, Location]) -> list[ParseWarning]:
    parts = pkg.rel_targets(main, "comments")
    if not parts:
        return []
    done: set[str] = set()
    for ext in pkg.rel_targets(main, "commentsExtended"):
        for ex in pkg.read_xml(ext).iter(f"{{{W15_NS}}}commentEx"):
            if on(ex, f"{{{W15_NS}}}done") and ex.get(f"{{{W15_NS}}}done") is not None:
                done.add((ex.get(f"{{{W15_NS}}}paraId") or "").upper())
    out: list[ParseWarning] = []
    for comment in pkg.read_xml(parts[0]).iter(w("comment")):
        paras = comment.findall(f".//{P}")
        last_id = (paras[-1].get(f"{{{W14_NS}}}paraId") or "").upper() if paras else ""
        if last_id and last_id in done:
            continue  # resolved in Word: no longer an open question on the record
        text = " ".join("".join(t.text or "" for t in p.iter(T)) for p in paras)
        author = comment.get(w("author")) or "an unknown author"
        loc = anchors.get(comment.get(w("id")) or "", Location())
        out.append(ParseWarning("open-comment", f"open comment by {author}: '{_excerpt(text)}'", loc))
    return out


def _extra_text(pkg: Package, main: str, styles: Styles) -> list[str]:
    out: list[str] = []
    for core in pkg.rel_targets("", "core-properties"):
        title = pkg.read_xml(core).find(_DC_TITLE)
        if title is not None and title.text and title.text.strip():
            out.append(title.text.strip())
    for kind in ("header", "footer"):
        for name in sorted(set(pkg.rel_targets(main, kind))):
            root = pkg.read_xml(name)
            walker = Walker(styles, page_hints=False, warn=False)
            out.extend(_line(item) for item in walker.items(root) if item.text.strip() and not item.blank)
    return out


def _line(item: RawItem) -> str:
    if item.role is Role.FIELD and item.label:
        return f"{item.label}: {item.text}"
    return item.text
