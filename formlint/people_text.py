"""Finding people in a form's words: labelled fields, family lists and the narrative.

Every function yields candidate :class:`~formlint.people.Member` objects; the
roster merges candidates that are the same person.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import replace

import regex

from formlint.dates import parse_date
from formlint.headings import without_number
from formlint.model import Location, Person
from formlint.people import Member, is_minor
from formlint.roles import Role, role_of, role_words, roles

__all__ = ["from_labelled", "from_narrative", "from_person"]

# "Okonkwo-Reid", "O'Neill", "McLeod", "Ellie-Mae"; never a possessive ("Ruby's" is not a name).
_WORD = r"\p{Lu}(?:\p{Ll}+(?:\p{Lu}\p{Ll}+)?|['’]\p{Lu}\p{Ll}+)(?:-\p{L}\p{Ll}+)*(?!['’]s\b)(?![\p{L}'’])"
NAME = rf"(?<![\p{{L}}'’-])(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?{_WORD}(?:\s+{_WORD}){{0,2}}"
# "Chelsea Haines, mother, 23", "Alfie-James Walsh, half-brother, 9 months": an age at the end.
_TRAILING_AGE = regex.compile(r",\s*(\d{1,2}(?:\s*(?i:months?|weeks?))?)\s*$")
_AGE = regex.compile(
    r"\(\s*(\d{1,2})\s*(?:years?|yrs?|y)?\s*(?:old)?\s*\)|\baged?\s+(\d{1,2})\b"
    r"|\b(\d{1,2})\s*(?:years?|yrs?)\s*old\b"
)
_MONTHS = regex.compile(
    r"\(\s*(\d{1,2}\s*(?:months?|weeks?))\b|\b(\d{1,2}[- ](?:months?|weeks?))[- ]old\b", regex.IGNORECASE
)
# "Jasper Molloy, born 19/03/2019 (5)": a child named with a date of birth.
_BORN = regex.compile(
    rf"(?P<name>{NAME})(?:,\s*(?i:male|female|boy|girl))?,?\s+(?i:born|dob|d\.o\.b\.?)\s*:?\s*"
    rf"(?P<dob>\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    r"|\d{1,2}\s+\p{L}+\s+\d{4})(?:\s*\((?P<age>[^()]{1,20})\))?"
)
# "Florence (Flo) Dempsey", "Alfie ('AJ') Denton": a first name, the name used, a surname.
_NICKNAMED = regex.compile(
    r"(?P<first>\p{Lu}\p{Ll}+)\s+\((?i:known as\s+)?['\"“‘]?(?P<alias>\p{Lu}[\p{L}]+)['\"”’]?\)\s+"
    r"(?P<last>\p{Lu}[\p{Ll}'’-]+)"
)
_LABELLED = regex.compile(r"^[\s*_]*(?P<label>[\p{L}'’ /-]{2,40}?)[\s*_]*:[\s*_]*(?P<value>.+)$")
# Several "Label: value" fields typed on one line: "Child: Jasmine (12) · Parents: Farah, Tariq".
_FIELD_SEPARATOR = regex.compile(
    r"\s*[·•|;]\s*|\s{3,}|\t+|\s*(?=\*\*[\p{L}'’ /-]{2,40}:\s*\*\*)"
    r"|(?<=\.)\s+(?=\p{Lu}[\p{L}'’ /-]{1,40}:\s)"  # "... (4). Mother: Laura Denton. Mother's partner: ..."
)
# A list item that is a name and nothing else but a bracket: "Zain Haddad (8)", "Ms Lomax".
_WHOLE_NAME = regex.compile(rf"^{NAME}\s*(?:\([^()]*\))?\W*$")
_NAME_AT_START = regex.compile(NAME)
# A label that is a role of someone: "birth father of both children", "father to Kai".
_ROLE_LABEL = regex.compile(r"^[\p{L}'’ -]+?\s+(?:of|to|for)\s+", regex.IGNORECASE)
# List separators outside brackets: "Mason Clarke (DOB 02/07/2012, 12) and Ellie Clarke (8)".
# "Leo's father", "the children's mother": a role owned by someone.
_OWNED_ROLE = regex.compile(r"^[\p{L}'’ -]+['’]s\s+[\p{L} -]+$")
_LIST_SPLIT = regex.compile(r"\s*(?:[,;·•]|\band\b|&)\s*(?![^()]*\))")
# "Household member 2", "Family member 3", "Person 1 in household": one member a line.
_NUMBERED_MEMBER = regex.compile(
    r"^(?:household|family) members?\s*\d+$|^person \d+(?: in (?:the )?household)?$"
)
_ADDRESS = regex.compile(
    r"\b\d+[a-z]?,?\s+(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:Close|Road|Street|Avenue|Lane|Drive|Way|Court|Crescent|"
    r"Place|Gardens|Terrace|House|Walk|Grove|Row|Square|Mews|Hill|Rise|View|Green|Park)\b"
)
_HOUSEHOLD_LABELS = frozenset({"household", "household members", "lives with", "living with", "family"})
_PLURALS = {
    "children": "child",
    "siblings": "sibling",
    "parents": "parent",
    "carers": "carer",
    "brothers": "brother",
    "sisters": "sister",
}
# Labels under which a form names the children it is about.
SUBJECT_LABELS = frozenset({"child", "children", "subject child", "child's name", "young person", "name"})
_SUBJECT_LABELS = SUBJECT_LABELS
_CHILD_WITH_AGE = regex.compile(
    r"(?<![\p{L}'’-])(?P<name>\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)*(?:\s+\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)*)?)"
    r"\s*\(\s*(?i:aged?\s+)?"
    r"(?P<age>\d{1,2}(?:\s*(?i:months?|weeks?|days?))?)\s*(?i:old)?\s*\)",
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
    adult_age = age is not None and age.isdigit() and int(age) >= 18  # "Connor (19), brother"
    return Member(
        name,
        role.canonical if role else fallback_role,
        role.gender if role else None,
        child=(bool(role and role.child) or child) and not adult_age,
        professional=bool(role and role.professional),
        in_household=in_household,
        age=age,
        subject=subject,
        location=location,
    )


_SUBJECT_ROLE = regex.compile(
    r"\bsubject\b|\bchild (?:the )?(?:plan|assessment) is about\b", regex.IGNORECASE
)


def from_person(person: Person, *, subject: bool) -> Member:
    """A member from the form's typed details (child's name fields, household tables)."""
    # "Subject child", "Subject of the plan", "Child (subject)": a household table's own word.
    subject = subject or bool(person.role and _SUBJECT_ROLE.search(person.role))
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
        # "Isla Reid    Date of birth: 14/05/2024": the value ends where the next field starts.
        yield label, _FIELD_SEPARATOR.split(text)[0]
        return
    for part in _FIELD_SEPARATOR.split(text):
        match = _LABELLED.match(part.replace("**", " ").replace("__", " "))
        if match:
            yield match.group("label"), match.group("value")


def _age(text: str) -> str | None:
    match = _AGE.search(text) or _MONTHS.search(text) or _TRAILING_AGE.search(text)
    return next((g for g in match.groups() if g), None) if match else None


def from_labelled(label: str | None, text: str, location: Location, *, details: bool) -> Iterator[Member]:
    """ "Mother: Natalie Chambers (34)", "Children: Kayden (7), Ruby (4)", "Household: ...";
    in the form's ``details`` (before the first section, or the child's details) a bare
    "Name:" is the child's."""
    for field_label, value in _labelled_parts(label, text):
        key = field_label.strip(" *_").lower()
        numbered = _NUMBERED_MEMBER.match(key)
        key = without_number(key) if not numbered else key  # "Child 2" is a child's field
        if key == "name" and not details:
            continue
        household = key in _HOUSEHOLD_LABELS or bool(numbered)
        plural = key in _PLURALS
        field_role = roles().get(_PLURALS[key]) if plural else roles().get("child" if key == "name" else key)
        if field_role is None and not household and (_ROLE_LABEL.match(key) or _OWNED_ROLE.match(key)):
            field_role = role_of(key)  # "Birth father of both children", "Leo's father"
        if field_role is None and not household:
            continue
        if household and _ADDRESS.search(value) and not _AGE.search(value):
            continue  # "Family: Lund, 3 Pippin Close, Ashcombe": a surname and an address, nobody named
        # "Household member 2: Dean Walsh, mother's partner, 27" is one person: no list to split.
        for part in [value] if numbered else _LIST_SPLIT.split(value):
            part = _NICKNAMED.sub(lambda m: f"{m.group('first')} {m.group('last')}", part)
            name = _NAME_AT_START.match(part.strip())
            if not name or not (numbered or _WHOLE_NAME.match(part.strip())):
                break  # "Freya Walsh (7), Year 2, Riverside Infant School": the names come first
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
            # "Leanne Morgan, Kai's mother", "Morag McLeod (36), mother"
            rf"(?P<name>{NAME})(?:\s*\([^()]{{1,30}}\))?,\s+(?:{owner}\s+)?{role}\b",
            rf"^\W*(?P<name>{NAME})\s*(?:[-–—]\s*|\(\d{{1,2}}\)\s*[-–—,]?\s*){role}\b",  # "Leanne - mother"
        )
    )


# A parent or partner spoken of by role only: "the children's father", "her partner".
_UNNAMED = regex.compile(
    r"\b(?i:his|her|their|the|the child's|the children's|[\p{L}'’]+'s)\s+"
    r"(?P<role>(?i:birth father|father|dad|stepfather|step-father|stepdad|mother's partner|partner|boyfriend|"
    r"husband|mother|mum|stepmother))\b(?!\s+(?:agenc|organisation|service|professional))"
)


def from_narrative(text: str, location: Location, *, details: bool = False) -> Iterator[Member]:
    """People named with their role in running text, children named with their age or
    date of birth (the form's subject when in its ``details``), and parents or partners
    spoken of by role alone."""
    for pattern in _patterns():
        for match in pattern.finditer(text):
            yield _member(match.group("name"), roles()[match.group("role").lower()], location)
    for match in _CHILD_WITH_AGE.finditer(text):
        if not match.group("name")[0].isupper():
            continue
        if not match.group("age").isdigit() or int(match.group("age")) < 18:
            yield _member(match.group("name"), None, location, fallback_role="child", child=True,
                          age=match.group("age"), subject=details and match.start() == 0)
    for match in _BORN.finditer(text):
        born = parse_date(match.group("dob"))
        if born is not None and is_minor(None, born):
            member = _member(match.group("name"), None, location, fallback_role="child", child=True,
                             age=match.group("age"), subject=details and match.start() == 0)
            yield replace(member, date_of_birth=born)
    for match in _UNNAMED.finditer(text):
        yield _member(None, roles()[match.group("role").lower()], location)
    for match in _NICKNAMED.finditer(text):
        yield Member(f"{match.group('first')} {match.group('last')}", None, aliases=(match.group("alias"),),
                     location=location)
