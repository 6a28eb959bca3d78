"""What a format parser hands to the assembler: ordered items, no section logic.

Parsers only say what they can see (this line looks like a heading, this cell
is the answer to that label); the assembler decides sections and metadata the
same way for every format.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

import regex

from formlint.model import Location, ParseWarning

# "Conference date: 12 June 2024" typed as running text: a label/answer pair. Shared by the
# text reader (line by line) and the assembler (paragraphs from any format).
# "Household member 2: Dean Walsh": a label may carry a number after its first letter.
# "Child's views, wishes and feelings: ...": a comma may sit inside a label too.
LABEL_VALUE = regex.compile(r"^\s*([\p{Lu}][\p{L}\p{N}'’/&(),\- ]{1,40}?)\s*:\s+(\S.*)$", regex.S)


class Role(enum.Enum):
    HEADING = "heading"  # a heading line (style, outline level, numbering, bold-only, markdown)
    FIELD = "field"  # an answer with its label: label/answer table row, form field, "Label: value"
    BODY = "body"  # running text, a list item, a table cell under a header row


@dataclass(frozen=True)
class RawItem:
    text: str
    location: Location
    role: Role = Role.BODY
    label: str | None = None
    blank: bool = False  # unfilled control/field: placeholder showing, five en spaces
    level: int | None = None  # heading level where the format says
    # A "Label: value" guess from running text: only trusted when the label is known.
    weak: bool = False


@dataclass
class RawDocument:
    format: str
    items: list[RawItem] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    # Text outside the body (headers, footers, document properties) that may carry metadata.
    extra_text: list[str] = field(default_factory=list)
