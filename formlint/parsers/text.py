"""Plain text and Markdown forms: headings in every style people type, wrapped lines rejoined.

Locations are 1-based line numbers (``paragraph``) of a block's first line.
"""

from __future__ import annotations

import regex

from formlint.errors import CorruptDocument
from formlint.model import Location, ParseWarning
from formlint.parsers.raw import LABEL_VALUE, RawDocument, RawItem, Role

_MD_HEADING = regex.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_UNDERLINE = regex.compile(r"^\s*(=+|-+)\s*$")
_BRACKET = regex.compile(r"^\s*\[([^\]]{2,80})\]\s*$")
_BOLD_LINE = regex.compile(r"^\s*(?:\*\*|__)([^*_]{2,80})(?:\*\*|__)\s*:?\s*$")
_COLON_HEADING = regex.compile(r"^\s*([\p{Lu}0-9][^:.!]{1,70}?)\s*:\s*$")
_NUMBERED = regex.compile(r"^\s*(?:(?:section|part)\s+)?\d{1,2}(?:\.\d{1,2})*[a-z]?[.)]?\s+\S")
_LIST_ITEM = regex.compile(r"^\s*(?:[-*•◦▪●◼–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_COMMENT = regex.compile(r"^\s*<!--.*-->\s*$")


def decode(data: bytes, path: str) -> tuple[str, list[ParseWarning]]:
    """Text from bytes: BOMs honoured, UTF-8 preferred, cp1252 as the last resort."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise CorruptDocument(
                path, f"starts with a UTF-16 mark but is not UTF-16 ({exc.reason})"
            ) from exc
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        warning = ParseWarning("encoding", "not valid UTF-8; read as Windows-1252 (cp1252)")
        return data.decode("cp1252", errors="replace"), [warning]


def _is_upper_heading(line: str) -> bool:
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    return (
        1 <= len(words) <= 10
        and len(letters) >= 3
        and all(c.isupper() for c in letters)
        and not line.rstrip().endswith((".", ","))
    )


def _is_numbered_heading(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(_NUMBERED.match(stripped))
        and len(stripped.split()) <= 9
        and not stripped.endswith((".", ",", ";"))
        and stripped[-1:] != ")"
    )


def _is_standalone_heading(line: str, after_blank: bool) -> bool:
    """A short unpunctuated line opening a paragraph: "Parents' views" above its answer."""
    stripped = line.strip()
    return (
        after_blank
        and stripped[:1].isupper()
        and len(stripped.split()) <= 6
        and len(stripped) <= 50
        and not stripped.endswith((".", ",", ";", "!", '"', "”"))
        and not _LIST_ITEM.match(line)
    )


def _heading(line: str, next_line: str, after_blank: bool = False) -> str | None:
    if m := _MD_HEADING.match(line):
        return m.group(2)
    if next_line and _UNDERLINE.match(next_line) and line.strip():
        return line.strip()
    if m := _BRACKET.match(line):
        return m.group(1)
    if m := _BOLD_LINE.match(line):
        return m.group(1)
    if (m := _COLON_HEADING.match(line)) and len(m.group(1).split()) <= 10:
        return m.group(1)
    if _is_upper_heading(line) or _is_numbered_heading(line):
        return line.strip()
    if _is_standalone_heading(line, after_blank) and not LABEL_VALUE.match(line):
        return line.strip()
    return None


def parse_text(data: bytes, path: str, fmt: str = "txt") -> RawDocument:
    text, warnings = decode(data, path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    doc = RawDocument(format=fmt, warnings=warnings)
    para: list[str] = []
    para_line = 0

    def flush() -> None:
        nonlocal para
        if para:
            joined = " ".join(p.strip() for p in para)
            doc.items.append(RawItem(joined, Location(paragraph=para_line)))
            para = []

    skip_next = False
    for index, line in enumerate(lines):
        number = index + 1
        if skip_next:
            skip_next = False
            continue
        if not line.strip() or _COMMENT.match(line):
            flush()
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        after_blank = index == 0 or not lines[index - 1].strip() or not para
        heading = _heading(line, next_line, after_blank and not para)
        if heading is not None:
            flush()
            skip_next = bool(next_line and _UNDERLINE.match(next_line))
            doc.items.append(RawItem(heading, Location(paragraph=number), Role.HEADING))
            continue
        if (m := LABEL_VALUE.match(line)) and len(m.group(1).split()) <= 5 and not para:
            doc.items.append(
                RawItem(
                    m.group(2).strip(),
                    Location(paragraph=number),
                    Role.FIELD,
                    label=m.group(1),
                    weak=True,
                )
            )
            continue
        if _LIST_ITEM.match(line):
            flush()
        if not para:
            para_line = number
        para.append(line)
    flush()
    return doc
