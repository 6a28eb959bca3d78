"""Household members from family-composition tables (name, relationship, date of birth, lives there)."""

from __future__ import annotations

from collections import defaultdict

import regex

from formlint.dates import parse_date
from formlint.headings import normalise
from formlint.model import Block, Person, Section

_COLUMNS = {
    "name": ("name", "full name", "name of person", "family member"),
    "role": (
        "relationship to child",
        "relationship",
        "relationship to the child",
        "relationship to subject child",
        "role",
    ),
    "dob": ("date of birth", "dob", "d o b"),
    "age": ("age",),
    "household": (
        "lives in household",
        "lives in the household",
        "in household",
        "living in household",
        "lives at address",
        "household member",
    ),
}
_LOOKUP = {normalise(word): key for key, words in _COLUMNS.items() for word in words}
# Headings that name the column by how it starts: "Relationship to Eira", "Lives in the home?".
_STARTS = (
    ("relationship", "role"),
    ("who they are", "role"),
    ("relation", "role"),
    ("lives in", "household"),
    ("lives at", "household"),
    ("lives with", "household"),
    ("where they live", "household"),
    ("living in", "household"),
    ("in household", "household"),
    ("date of birth", "dob"),
    ("age", "age"),
    ("name", "name"),
)


def _column(label: str) -> str | None:
    key = normalise(label)
    return _LOOKUP.get(key) or next((kind for start, kind in _STARTS if key.startswith(start)), None)


def _yes(text: str) -> bool | None:
    """A lives-in-the-household answer: yes/no, a tick box, or where they live."""
    words = text.strip().lower().replace("☒", "yes ").replace("☐", "no ").split()
    first = words[0].strip(".,;") if words else ""
    answer = {"yes": True, "y": True, "no": False, "n": False, "part-time": True}.get(first)
    if answer is None and regex.search(r"\b(?:at home|in the home|same address|lives here)\b", text, regex.I):
        return True
    return answer


# "Relationship: mother" typed inside the cell, as some case systems export each row.
_LABELLED_CELL = regex.compile(r"^\s*([^:\n]{2,40}?)\s*:\s*(.*)$", regex.DOTALL)


def _cell(block: Block) -> tuple[str | None, str]:
    """The column a table cell belongs to and its value; a label inside the cell wins."""
    labelled = _LABELLED_CELL.match(block.text)
    if labelled and _column(labelled.group(1)):
        return _column(labelled.group(1)), labelled.group(2).strip()
    return _column(block.label or ""), block.text.strip()


def household(sections: list[Section]) -> list[Person]:
    """One person per table row of a family-composition section that has a name column."""
    rows: dict[tuple[int | None, int | None], dict[str, str]] = defaultdict(dict)
    for section in sections:
        if section.kind != "family_composition":
            continue
        for block in section.blocks:
            key, value = _cell(block)
            if key and block.location.row is not None and not block.blank and value:
                rows[(block.location.table, block.location.row)][key] = value
    people = []
    for cells in rows.values():
        if not cells.get("name"):
            continue
        people.append(
            Person(
                name=cells["name"],
                role=cells.get("role"),
                date_of_birth=parse_date(cells["dob"]) if "dob" in cells else None,
                age=cells.get("age"),
                in_household=_yes(cells["household"]) if "household" in cells else None,
            )
        )
    return people
