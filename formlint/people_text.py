"""Finding people in a form's words: labelled fields, family lists and the narrative.

Every function yields candidate :class:`~formlint.people.Member` objects; the
roster merges candidates that are the same person.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from formlint.model import Location, Person
from formlint.people import Member, is_minor
from formlint.roles import Role, role_of, role_words, roles

__all__ = ["from_labelled", "from_narrative", "from_person"]

NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2}"
_AGE = regex.compile(
    r"\(\s*(\d{1,2})\s*(?:years?|yrs?|y)?\s*(?:old)?\s*\)|\baged?\s+(\d{1,2})\b"
    r"|\b(\d{1,2})\s*(?:years?|yrs?)\s*old\b"
)
_MONTHS = regex.compile(
    r"\(\s*(\d{1,2}\s*(?:months?|weeks?))\b|\b(\d{1,2}[- ](?:months?|weeks?))[- ]old\b", regex.IGNORECASE
)
_LABELLED = regex.compile(r"^[\s*_]*(?P<label>[\p{L}'’ /-]{2,40}?)[\s*_]*:[\s*_]*(?P<value>.+)$")
# Several "Label: value" fields typed on one line: "Child: Jasmine (12) · Parents: Farah, Tariq".
_FIELD_SEPARATOR = regex.compile(r"\s*[·•|;]\s*|\s{3,}|\t+|\s*(?=\*\*[\p{L}'’ /-]{2,40}:\s*\*\*)")
_LIST_SPLIT = regex.compile(r"\s*(?:[,;·•]|\band\b|&)\s*")
_HOUSEHOLD_LABELS = frozenset({"household", "household members", "lives with", "living with", "family"})
_PLURALS = {
    "children": "child",
    "siblings": "sibling",
    "parents": "parent",
    "carers": "carer",
    "brothers": "brother",
    "sisters": "sister",
}
_SUBJECT_LABELS = frozenset({"child", "children", "subject child", "child's name", "young person"})
_CHILD_WITH_AGE = regex.compile(
    r"(?P<name>\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)\s*\(\s*(?P<age>\d{1,2})\s*\)"
)


def _member(
    name: str | None,
    role: Role | None,
    location: Location | None,
    *,
    fallback_role: str | None = None,
    child: bool = False,
    in_household: bool | None = None,
    age: str | None = None,
    subject: bool = False,
) -> Member:
    return Member(
        name,
        role.canonical if role else fallback_role,
        role.gender if role else None,
        child=bool(role and role.child) or child,
        professional=bool(role and role.professional),
        in_household=in_household,
        age=age,
        subject=subject,
        location=location,
    )


def from_person(person: Person, *, subject: bool) -> Member:
    """A member from the form's typed details (child's name fields, household tables)."""
    role = role_of(person.role) if person.role else None
    return Member(
        person.name,
        role.canonical if role else ("child" if subject else person.role),
        role.gender if role else None,
        child=subject or bool(role and role.child) or is_minor(person.age, person.date_of_birth),
        professional=bool(role and role.professional),
        in_household=person.in_household,
        age=person.age,
        date_of_birth=person.date_of_birth,
        subject=subject,
    )


def _labelled_parts(label: str | None, text: str) -> Iterator[tuple[str, str]]:
    if label:
        yield label, text
        return
    for part in _FIELD_SEPARATOR.split(text):
        match = _LABELLED.match(part.replace("**", " ").replace("__", " "))
        if match:
            yield match.group("label"), match.group("value")


def _age(text: str) -> str | None:
    match = _AGE.search(text) or _MONTHS.search(text)
    return next((g for g in match.groups() if g), None) if match else None


def from_labelled(label: str | None, text: str, location: Location) -> Iterator[Member]:
    """ "Mother: Natalie Chambers (34)", "Children: Kayden (7), Ruby (4)", "Household: ..."."""
    for field_label, value in _labelled_parts(label, text):
        key = field_label.strip(" *_").lower()
        household = key in _HOUSEHOLD_LABELS
        plural = key in _PLURALS
        field_role = roles().get(_PLURALS[key]) if plural else roles().get(key)
        if field_role is None and not household:
            continue
        for part in _LIST_SPLIT.split(value):
            name = regex.match(NAME, part.strip())
            if not name:
                continue
            age = _age(part)
            # In a household list the role, if any, is in brackets after the name.
            role = role_of(part.strip()[name.end() :]) if household else field_role
            young = age is not None and age.isdigit() and int(age) < 18
            yield _member(
                name.group(),
                role,
                location,
                fallback_role="child" if household and young else None,
                child=household and young,
                in_household=True if household else None,
                age=age,
                subject=key in _SUBJECT_LABELS,
            )


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], ...]:
    role = rf"(?P<role>(?i:{role_words()}))"
    owner = r"(?i:the|his|her|their|[\p{L}'’]+'s)"
    return tuple(
        regex.compile(p)
        for p in (
            rf"\b{owner}\s+{role},?\s+(?P<name>{NAME})",  # "his mother Leanne Morgan"
            rf"(?P<name>{NAME})\s*\((?:[^()]*?\b)?{role}\b[^()]*\)",  # "Carys (maternal aunt)"
            rf"\b{role}\s*\((?P<name>{NAME})\)",  # "Social worker (Rhiannon Pugh)"
            rf"(?P<name>{NAME}),\s+(?:{owner}\s+)?{role}\b",  # "Leanne Morgan, Kai's mother"
            rf"^\W*(?P<name>{NAME})\s*(?:[-–—:]\s*|\(\d{{1,2}}\)\s*[-–—,]?\s*){role}\b",  # "Leanne - mother"
        )
    )


# A parent or partner spoken of by role only: "the children's father", "her partner".
_UNNAMED = regex.compile(
    r"\b(?i:his|her|their|the|the child's|the children's|[\p{L}'’]+'s)\s+"
    r"(?P<role>(?i:birth father|father|dad|stepfather|step-father|stepdad|mother's partner|partner|boyfriend|"
    r"husband|mother|mum|stepmother))\b"
)


def from_narrative(text: str, location: Location) -> Iterator[Member]:
    """People named with their role in running text, children named with their age, and
    parents or partners spoken of by role alone."""
    for pattern in _patterns():
        for match in pattern.finditer(text):
            yield _member(match.group("name"), roles()[match.group("role").lower()], location)
    for match in _CHILD_WITH_AGE.finditer(text):
        if int(match.group("age")) < 18:
            yield _member(match.group("name"), None, location, fallback_role="child", child=True,
                          age=match.group("age"))
    for match in _UNNAMED.finditer(text):
        yield _member(None, roles()[match.group("role").lower()], location)
