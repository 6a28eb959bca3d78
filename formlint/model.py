"""The form model: what every parser produces and every rule reads.

A :class:`Form` is an ordered list of :class:`Section` objects, each holding
:class:`Block` objects with an exact :class:`Location`. Sentences are split once
per form (lazily) and shared by every rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from formlint.people import Roster
    from formlint.plan import PlanAction


@dataclass(frozen=True)
class Location:
    """Where a piece of text sits in the source document.

    Every field is optional because formats differ: a .docx has tables and
    paragraphs but only page *hints*, a PDF has pages, a text file has lines
    (reported as ``paragraph`` = 1-based line number of the block's first line).
    ``start``/``end`` are character offsets into the block's text when the
    location names a span inside a block.
    """

    page: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    paragraph: int | None = None
    field: str | None = None
    start: int | None = None
    end: int | None = None

    def with_span(self, start: int, end: int) -> Location:
        return Location(self.page, self.table, self.row, self.cell, self.paragraph, self.field, start, end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "table": self.table,
            "row": self.row,
            "cell": self.cell,
            "paragraph": self.paragraph,
            "field": self.field,
            "start": self.start,
            "end": self.end,
        }

    def describe(self) -> str:
        """A short human reading, e.g. ``p2 table 1 row 3 cell 2``."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"p{self.page}")
        if self.table is not None:
            parts.append(f"table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.cell is not None:
            parts.append(f"cell {self.cell}")
        if self.paragraph is not None:
            parts.append(f"para {self.paragraph}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return " ".join(parts) or "whole form"


@dataclass(frozen=True)
class Block:
    """One run of the form's own words: a paragraph, a table cell or a field value.

    ``blank`` marks an unfilled control or field (placeholder prompt showing,
    five en spaces), so rules can tell "left empty" from "answered".
    """

    text: str
    location: Location
    blank: bool = False
    label: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence with offsets into its block's text."""

    text: str
    block: Block
    start: int
    end: int

    @property
    def location(self) -> Location:
        return self.block.location.with_span(self.start, self.end)


@dataclass
class Section:
    """A run of blocks under one heading.

    ``kind`` is a canonical section id from the profile (``analysis``,
    ``risk_analysis`` ...) or ``None`` for a heading the profile does not know;
    unknown headings are kept as their own section, never merged.
    """

    kind: str | None
    heading: str
    location: Location
    blocks: list[Block] = field(default_factory=list)
    level: int | None = None  # heading level where the format gives one

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if not b.blank)

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        from formlint.sentences import split_block

        return tuple(s for b in self.blocks if not b.blank for s in split_block(b))


@dataclass(frozen=True)
class Person:
    """A person named in the form's details (roster building grows in later work)."""

    name: str
    role: str | None = None
    date_of_birth: dt.date | None = None
    age: str | None = None
    in_household: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "date_of_birth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "age": self.age,
            "in_household": self.in_household,
        }


DATE_FIELDS = (
    "referral_date",
    "assessment_start",
    "assessment_completed",
    "plan_date",
    "review_date",
    "meeting_date",
)


@dataclass
class Metadata:
    """Typed facts about the form, read from labelled fields wherever they appear."""

    title: str | None = None
    referral_date: dt.date | None = None
    assessment_start: dt.date | None = None
    assessment_completed: dt.date | None = None
    plan_date: dt.date | None = None
    review_date: dt.date | None = None
    meeting_date: dt.date | None = None
    worker: str | None = None
    manager: str | None = None
    children: list[Person] = field(default_factory=list)
    household: list[Person] = field(default_factory=list)
    # Labelled values that matched no typed field: kept so nothing is lost.
    other: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title}
        for name in DATE_FIELDS:
            value = getattr(self, name)
            out[name] = value.isoformat() if value else None
        out["worker"] = self.worker
        out["manager"] = self.manager
        out["children"] = [p.to_dict() for p in self.children]
        out["household"] = [p.to_dict() for p in self.household]
        out["other"] = dict(self.other)
        return out


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser read with doubt or could not place (never silently dropped)."""

    code: str
    message: str
    location: Location = field(default_factory=Location)


@dataclass
class Form:
    """A parsed form: the single input every rule reads."""

    path: str
    format: str
    profile: str | None
    metadata: Metadata
    sections: list[Section]
    warnings: list[ParseWarning] = field(default_factory=list)

    @property
    def name(self) -> str:
        return Path(self.path).name

    def sections_of(self, *kinds: str) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    @cached_property
    def people(self) -> Roster:
        """Everyone the form names (see :mod:`formlint.people`), worked out once."""
        from formlint.people import build_roster

        return build_roster(self)

    @cached_property
    def actions(self) -> list[PlanAction]:
        """The plan's actions with owner, timescale and outcome (see :mod:`formlint.plan`)."""
        from formlint.plan import read_actions

        return read_actions(self)

    def sentences(self) -> list[Sentence]:
        return [s for section in self.sections for s in section.sentences]
