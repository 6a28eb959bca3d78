"""Plain text and Markdown forms: headings in every style people type, wrapped lines rejoined.

Locations are 1-based line numbers (``paragraph``) of a block's first line.
"""

from __future__ import annotations

import regex

from formlint.errors import CorruptDocument
from formlint.model import Location, ParseWarning
from formlint.parsers.raw import LABEL_VALUE, RawDocument, RawItem, Role

# A heading in two languages: "Adran 2: Pam ein bod yn rhan / Section 2: Why we are involved".
_BILINGUAL = regex.compile(r"^\s*([^/.!?]{2,70}?)\s+/\s+([^/.!?]{2,70}?)\s*$")
_Q_PROMPT = regex.compile(r"^\s*(?:Q|Question)\s*[:.]\s+(\S.{1,150}?)\s*$")
_RULED = regex.compile(r"^\s*(?:={2,}|-{2,}|\*{3,})\s*(\S.{0,80}?)\s*(?:={2,}|-{2,}|\*{3,})\s*$")
_MD_HEADING = regex.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_UNDERLINE = regex.compile(r"^\s*(=+|-+)\s*$")
_BRACKET = regex.compile(r"^\s*\[([^\]]{2,80})\]\s*$")
_RUN_IN = regex.compile(
    r"^\s*(?:\*\*|__)(?P<label>\p{Lu}[^*_\n]{1,58}?)\s*(?:[.:](?:\*\*|__)|(?:\*\*|__)\s*[.:])\s+(?P<rest>\S.*)$"
)
_BOLD_LINE = regex.compile(r"^\s*(?:\*\*|__)([^*_]{2,80})(?:\*\*|__)\s*:?\s*$")
_COLON_HEADING = regex.compile(r"^\s*([\p{Lu}0-9][^:.!]{1,70}?)\s*:\s*$")
_NUMBERED = regex.compile(r"^\s*(?:(?:section|part)\s+)?(?P<number>\d{1,2}(?:\.\d{1,2})*)[a-z]?[.)]?\s+\S")
_LIST_ITEM = regex.compile(r"^\s*(?:[-*•◦▪●◼–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
# One-word answers that look like headings on a line of their own ("N/A" under "Contingency").
_SHORT_ANSWER = regex.compile(
    r"^(?:n/?a|nil|none|see above|as above|as before|tbc|tba|not known|not applicable|unknown|yes|no)\W*$",
    regex.IGNORECASE,
)
# "Agreed. H Akhtar 20/09/2024": a sentence break marks an answer, not a heading.
_SIGN_OFF = regex.compile(r"\w[.!?]\s+\S")
# A longer numbered line is still a heading when it asks the form's question:
# "7. What I need from the people who look after me".
_QUESTION_HEADING = regex.compile(r"^\W*[\d.]+\s+(?:What|Who|How|Why|When|Where|Is|Are|Does|Do)\b|\?\s*$")
# Case-system prints: "Q4. Sources of information (how was ...?)" then "A: ...".
_QUESTION_NUMBER = regex.compile(r"^\s*Q\s?\d{1,2}[a-z]?[.:)]\s+\S")
_ANSWER_PREFIX = regex.compile(r"^\s*(?:A|Ans|Answer)\s*[:.]\s+")
# "DATE COMPLETED: 01/03/2024": a field in capitals, not a heading.
_FIELD_WITH_VALUE = regex.compile(r":\s*\S")
_BRACKETED = regex.compile(r"\([^()]*\)")
_ALIGNED_VALUE = regex.compile(r"^[^:]{1,40}:\s{2,}\S")
# "Sharon Doherty — mother — 19/11/1987": a record with two or more dash-separated fields.
_RECORD = regex.compile(
    r"^[^—–-]+\s[—–-]\s[^—–-]+\s[—–-]\s"
    # "Morag McLeod (36), mother ...", "Harris McLeod, born 19/09/2012 (12) ...": one person a line
    r"|^\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}(?:\s*\(\d|,\s*(?i:born|aged?|dob)\b)"
)
_SIDE_BY_SIDE = regex.compile(r"\s{3,}(?=[\p{Lu}][^:]{1,40}:\s)")
_COMMENT = regex.compile(r"^\s*<!--.*-->\s*$")
_INLINE_COMMENT = regex.compile(r"\s*<!--.*?-->")
# "formlint: disable=bare-assertion" on a line of its own: read by formlint.waivers, not form text.
_DIRECTIVE = regex.compile(r"^\s*(?:<!--\s*)?(?:#\s*|//\s*)?formlint:\s*(?:disable|enable)\s*=", regex.I)
# Pipe tables ("| Action | Who | When |"), as Markdown and many case systems export them.
_TABLE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = regex.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
_CELL_SPLIT = regex.compile(r"(?<!\\)\|")


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(inner)]


def _table_items(rows: list[tuple[int, str]], table: int) -> list[RawItem]:
    """Cells of a pipe table, labelled with their column heading when the table has one."""
    has_header = len(rows) > 1 and bool(_TABLE_RULE.match(rows[1][1]))
    header = _cells(rows[0][1]) if has_header else []
    if not any(header[1:]):
        # No column headings (or only a title over the first column, "| Details | |"): a
        # two-column table is label / answer rows, like a Word details table.
        body = [r for r in (rows[2:] if has_header else rows) if not _TABLE_RULE.match(r[1])]
        if body and all(len(_cells(line)) == 2 for _, line in body):
            return [
                RawItem(answer, Location(paragraph=number, table=table, row=row, cell=2), Role.FIELD,
                        label=label, blank=not answer)
                for row, (number, line) in enumerate(body, start=1)
                for label, answer in [_cells(line)]
                if label
            ]
    body = [r for r in (rows[2:] if has_header else rows) if not _TABLE_RULE.match(r[1])]
    items = []
    for row_number, (line_number, line) in enumerate(body, start=2 if has_header else 1):
        for cell_number, text in enumerate(_cells(line), start=1):
            label = (header[cell_number - 1] or None) if cell_number <= len(header) else None
            if text:
                # As for Word tables: a cell under a column heading is that column's
                # answer inside the current section; it never opens a section.
                location = Location(paragraph=line_number, table=table, row=row_number, cell=cell_number)
                items.append(RawItem(text, location, Role.BODY, label=label))
    return items


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
        and not _SHORT_ANSWER.match(line.strip())
        and not _FIELD_WITH_VALUE.search(line)
        and not line.rstrip().endswith((".", ","))
    )


def _is_numbered_heading(line: str) -> bool:
    stripped = line.strip()
    words = stripped.split()
    return (
        bool(_NUMBERED.match(stripped))
        and (len(words) <= 9 or (len(words) <= 13 and bool(_QUESTION_HEADING.search(stripped))))
        and not stripped.endswith((".", ",", ";"))
        and stripped[-1:] != ")"
    )


def _is_standalone_heading(line: str, after_blank: bool, alone: bool = False) -> bool:
    """A short unpunctuated line opening a paragraph: "Parents' views" above its answer. A line
    that stands alone between blank lines may be longer ("Progress against the plan (as agreed
    on 12/12/2024)")."""
    stripped = line.strip()
    words, length = (10, 90) if alone else (6, 50)
    return (
        after_blank
        and not _SHORT_ANSWER.match(stripped)
        and not _SIGN_OFF.search(_BRACKETED.sub("", stripped))
        and stripped[:1].isupper()
        # "The Child Protection Plan (As Agreed At The Initial Conference On 12/02/2025)"
        and len(_BRACKETED.sub("", stripped).split()) <= words
        and len(stripped) <= length
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
    if m := _Q_PROMPT.match(line):
        return m.group(1)  # "Q: Why has this conference been called?" with the answer below it
    if m := _RULED.match(line):
        return m.group(1)  # "== Why we are doing this assessment ==", a wiki-style heading
    if m := _BOLD_LINE.match(line):
        return m.group(1)
    if (m := _COLON_HEADING.match(line)) and len(m.group(1).split()) <= 10:
        return m.group(1)
    if _is_upper_heading(line) or _is_numbered_heading(line) or _QUESTION_NUMBER.match(line):
        return line.strip()
    # A line standing alone, or heading a list, may be longer than one opening a paragraph.
    alone = not next_line.strip() or bool(_LIST_ITEM.match(next_line) or LABEL_VALUE.match(next_line))
    if after_blank and alone and (both := _BILINGUAL.match(line)) and all(
        len(part.split()) <= 9 and part[:1].isupper() for part in both.groups()
    ):
        return line.strip()  # "Adran 8: Pryderon a risgiau / Section 8: Worries and risks"
    if _is_standalone_heading(line, after_blank, alone=alone) and not LABEL_VALUE.match(line):
        return line.strip()
    return None


def _ends_block(previous: str, line: str) -> bool:
    """A labelled line starts a new block after a list item or another labelled line, or when
    its value is set off in a column ("Mother:        Jade Walker")."""
    return bool(
        _LIST_ITEM.match(previous)
        or LABEL_VALUE.match(previous)
        or previous[:1].isspace()  # an indented continuation of the field above
        or _ALIGNED_VALUE.match(line)
    )


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
    answers_label = False
    table: list[tuple[int, str]] = []
    tables = 0
    for index, line in enumerate(lines):
        number = index + 1
        if skip_next:
            skip_next = False
            continue
        if "<!--" in line and _INLINE_COMMENT.sub("", line).strip():
            # A comment inside a line of text ("Mum is coping. <!-- formlint: disable=... -->") is
            # invisible in rendered Markdown, so it is not the form's text either.
            line = _INLINE_COMMENT.sub("", line).rstrip()
        if _TABLE_ROW.match(line):
            flush()
            table.append((number, line))
            if index + 1 < len(lines) and _TABLE_ROW.match(lines[index + 1]):
                continue
            tables += 1
            doc.items.extend(_table_items(table, tables))
            table = []
            continue
        if not line.strip() or _COMMENT.match(line) or _DIRECTIVE.match(line):
            flush()
            answers_label = answers_label and bool(line.strip())  # a blank line: the field was left empty
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        after_blank = index == 0 or not lines[index - 1].strip() or not para
        heading = _heading(line, next_line, after_blank and not para)
        if heading is not None and answers_label:
            heading = None  # "Child's name:" then "Ruby-Mae Clarke": the answer, not a heading
        answers_label = False
        if heading is not None:
            flush()
            skip_next = bool(next_line and _UNDERLINE.match(next_line))
            atx = _MD_HEADING.match(line)
            outline = _NUMBERED.match(line)
            # "## Agency reports" then "### Police", "6 Outcome" then "6.1 Recommendation": the
            # deeper heading is part of the one above.
            depth = outline.group("number").count(".") + 1 if outline else None
            level = len(atx.group(1)) if atx else depth
            doc.items.append(RawItem(heading, Location(paragraph=number), Role.HEADING, level=level))
            # A short "Label:" line opens a field whose answer is the next line.
            answers_label = bool(_COLON_HEADING.match(line)) and len(heading.split()) <= 4
            continue
        line = _ANSWER_PREFIX.sub("", line, count=1)
        run_in = _RUN_IN.match(line)
        if run_in and regex.search(r"\*\*|__|\s\|\s", run_in.group("rest")):
            run_in = None  # "**Social worker:** Tom | **Manager:** Funmi": fields side by side
        if run_in:
            # "**Risk analysis.** This was the third call-out": a bold run-in heading, set in bold
            # as a heading is, so trusted as one (a plain "Label: text" line is only a guess).
            line = f"{run_in.group('label')}: {run_in.group('rest')}"
        label = LABEL_VALUE.match(line)
        if label and para and _ends_block(para[-1], line):
            flush()  # "Mother:   Jade Walker (26)" after a list or a field: a field of its own
        if label and len(label.group(1).split()) <= 5 and not para:
            # "Manager: Paul Ogden    Manager authorised: 20/03/2025": fields side by side.
            for part in _SIDE_BY_SIDE.split(line.strip()):
                field = LABEL_VALUE.match(part)
                if field:
                    doc.items.append(
                        RawItem(field.group(2).strip(), Location(paragraph=number), Role.FIELD,
                                label=field.group(1), weak=run_in is None)
                    )
            continue
        if _LIST_ITEM.match(line) or (para and _RECORD.search(line) and _RECORD.search(para[-1])):
            flush()  # a list item, or one "Name — relationship — date" record per line
        if not para:
            para_line = number
        para.append(line)
    flush()
    return doc
