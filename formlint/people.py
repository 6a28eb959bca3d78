"""The people roster: who is in the child's life, and who is a professional.

Built from the form's details (child's name and date of birth), family-composition
tables and lists, and the narrative ("his mother Leanne Morgan", "Carys (maternal
aunt)", "Social worker (Rhiannon Pugh)"), so that a later mention of a person by
name, title and surname, or role word ("Mr Achebe", "mum", "her partner") can be
resolved to one member. See :mod:`formlint.people_text` for the reading.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import regex

from formlint.model import Form, Location
from formlint.roles import words_for

__all__ = ["Member", "Roster", "build_roster", "is_minor"]

_TITLES = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "mx": None, "dr": None}
_ELSEWHERE = regex.compile(
    r"\b(?:not (?:in|living in|part of) the household|outside the household|living elsewhere|not living)",
    regex.IGNORECASE,
)
_LEADING_NUMBER = regex.compile(r"\s*(\d{1,3})")


@functools.lru_cache(maxsize=1024)
def _titled_surname(surname: str) -> regex.Pattern[str]:
    return regex.compile(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{regex.escape(surname)}\b")
# Roles a child has one of: an unnamed "dad" is the named father.
_ONE_OF = frozenset(
    {"mother", "father", "stepfather", "stepmother", "partner", "boyfriend", "girlfriend", "husband", "wife"}
)
# Capitalised words that are not names.
_NOT_NAMES = frozenset(
    """The A An This That These Those It He She They We I His Her Their Our My There Mum Dad Mother Father
    Child Children Baby Family Parents School Nursery Police Health Social Worker Team Manager Plan Review
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Christmas Easter On In At By From When After Before During
    Since Both All No Yes None Not Half Step Twin Older Younger Maternal Paternal Agreed Signed Date Name
    Role Age Early Help Need Protection Conference Core Group Contingency Safety Danger Statement Analysis
    Summary Recommendation Decision Strengths Risks Worries Background History Views Needs Action Who What
    Why How Where If As Each Every""".split()
)
# Words that make a capitalised phrase a place or a service, not a person. Street words
# ("Lane", "Ward", "House") are also surnames, so they are not here.
_INSTITUTIONS = frozenset(
    """primary academy school nursery college service services team council hospital centre center clinic
    police court university trust hub project foundation surgery practice unit""".split()
)


@dataclass(frozen=True)
class Member:
    """One person: named, or known only by role ("the father"); family or professional."""

    name: str | None
    role: str | None
    gender: str | None = None
    child: bool = False
    professional: bool = False
    in_household: bool | None = None
    age: str | None = None
    date_of_birth: dt.date | None = None
    subject: bool = False  # a child the form is about
    location: Location | None = None
    aliases: tuple[str, ...] = ()  # names the form also uses ("Flo" for Florence)

    @property
    def first_names(self) -> tuple[str, ...]:
        """The names a sentence may call this person by: first name and any aliases."""
        words = [w.rstrip(".") for w in (self.name or "").split() if w.rstrip(".").lower() not in _TITLES]
        # Keep the form's own casing ("Ellie-Mae", "McKenzie"); only a name typed all in one
        # case ("ELLIE-MAE", "ellie-mae") is put into the case a sentence would use.
        first = [w if not (w.isupper() or w.islower()) else w.title() for w in words[:1]]
        return (*first, *self.aliases)

    def label(self) -> str:
        """How a message names this person: "Dom Achebe (partner)", "the father"."""
        if self.name:
            return f"{self.name} ({self.role})" if self.role and self.role != "child" else self.name
        return f"the {self.role}" if self.role else "someone"

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "role": self.role,
            "gender": self.gender,
            "child": self.child,
            "professional": self.professional,
            "in_household": self.in_household,
            "age": self.age,
            "date_of_birth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "subject": self.subject,
        }


def is_minor(age: str | None, date_of_birth: dt.date | None) -> bool:
    if age and (m := _LEADING_NUMBER.match(age)):
        return int(m.group(1)) < 18 or "month" in age or "week" in age
    return date_of_birth is not None and date_of_birth.year >= dt.date.today().year - 18


def _key(name: str) -> tuple[str, ...]:
    return tuple(w.lower().rstrip(".") for w in name.split() if w.rstrip(".").lower() not in _TITLES)


def _titled(name: str) -> bool:
    return name.split()[0].rstrip(".").lower() in _TITLES


class Roster:
    """The people of a form, in the order first met."""

    def __init__(self, members: Iterable[Member]) -> None:
        self.members: tuple[Member, ...] = tuple(members)

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    @property
    def children(self) -> list[Member]:
        return [m for m in self.members if m.child]

    @property
    def adults(self) -> list[Member]:
        """Family and household adults (not professionals)."""
        return [m for m in self.members if not m.child and not m.professional]

    @property
    def professionals(self) -> list[Member]:
        return [m for m in self.members if m.professional]

    @property
    def subjects(self) -> list[Member]:
        """The children the form is about: those its details name, else every child it names."""
        return [m for m in self.members if m.subject] or self.children

    def with_role(self, *roles: str) -> list[Member]:
        return [m for m in self.members if m.role in roles]

    def mentioned_in(self, member: Member, text: str) -> bool:
        """True when ``text`` refers to ``member``: first name, title and surname, or role word."""
        pattern = _mention_pattern(member.name, member.aliases, None if member.professional else member.role)
        return pattern is not None and bool(pattern.search(text))

    def find(self, text: str) -> list[Member]:
        """The members ``text`` refers to."""
        return [m for m in self.members if self.mentioned_in(m, text)]


@functools.lru_cache(maxsize=1024)
def _mention_pattern(
    name: str | None, aliases: tuple[str, ...], role: str | None
) -> regex.Pattern[str] | None:
    """One compiled pattern per person: their first name or aliases, title and surname, role words."""
    parts = []
    words = _key(name) if name else ()
    if words:
        first = "|".join(regex.escape(w) for w in (words[0], *aliases))
        parts.append(rf"(?:{first}|(?:mr|mrs|ms|miss|mx|dr)\.?\s+{regex.escape(words[-1])})")
    if role and role not in ("child", "parent"):
        parts.append("(?:" + "|".join(regex.escape(w) for w in words_for(role)) + ")s?")
    return regex.compile(rf"\b(?:{'|'.join(parts)})\b", regex.IGNORECASE) if parts else None


def _clean_name(name: str) -> str | None:
    words = name.split()
    if any(w.strip(".,").lower() in _INSTITUTIONS for w in words) or words[0] in ("St", "Saint", "Year"):
        return None
    while words and words[-1] in _NOT_NAMES:
        words.pop()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    return " ".join(words) or None


def _same(a: Member, b: Member) -> bool:
    if a.name and b.name:
        ka, kb = _key(a.name), _key(b.name)
        if not ka or not kb:
            return False
        if ka == kb:
            return True
        # "Leanne" and "Leanne Morgan"; "Ms Morgan" and "Leanne Morgan"
        one_word = len(ka) == 1 or len(kb) == 1
        return one_word and (ka[0] == kb[0] or ((_titled(a.name) or _titled(b.name)) and ka[-1] == kb[-1]))
    if (a.name is None) != (b.name is None):
        return a.role is not None and a.role == b.role and a.role in _ONE_OF
    return a.name is None and a.role == b.role


def _merge(a: Member, b: Member) -> Member:
    name = a.name if a.name and (not b.name or len(a.name) >= len(b.name)) else b.name
    vague = (None, "child", "partner", "parent")
    return Member(
        name=name,
        role=a.role if a.role not in vague else (b.role if b.role not in vague else a.role or b.role),
        gender=a.gender or b.gender,
        child=a.child or b.child,
        # A family role read anywhere outweighs a professional one ("Lewis, Kai's father").
        professional=(a.professional or not a.role) and (b.professional or not b.role)
        and (a.professional or b.professional),
        in_household=a.in_household if a.in_household is not None else b.in_household,
        age=a.age or b.age,
        date_of_birth=a.date_of_birth or b.date_of_birth,
        subject=a.subject or b.subject,
        location=a.location or b.location,
        aliases=tuple(dict.fromkeys((*a.aliases, *b.aliases))),
    )


class _Builder:
    def __init__(self) -> None:
        self.members: list[Member] = []

    def add(self, member: Member) -> None:
        if member.name:
            cleaned = _clean_name(member.name)
            if cleaned is None and member.role not in _ONE_OF:
                return  # "Lane Primary (DSL)": a place, and no one to add
            title = cleaned.split()[0].rstrip(".").lower() if cleaned else ""
            member = replace(member, name=cleaned, gender=member.gender or _TITLES.get(title))
        if not (member.name or member.role):
            return
        for index, known in enumerate(self.members):
            if _same(known, member):
                self.members[index] = _merge(known, member)
                return
        self.members.append(member)

    def finish(self, text: str) -> Roster:
        members = [self._with_title_gender(m, text) for m in self.members]
        # "the children's father" is the named father once the parents' genders are known.
        named_roles = {m.role for m in members if m.name}
        # "Tom Nolan | Oscar's dad, Ruby's stepdad": a role read beside a named person in the same
        # line or cell is that person's second role, not another man.
        named_at = {m.location for m in members if m.name and not m.professional}
        return Roster(
            m for m in members if m.name or (m.role not in named_roles and m.location not in named_at)
        )

    def _with_title_gender(self, member: Member, text: str) -> Member:
        """ "Mr Achebe" says Dom Achebe is a man when no other adult has that surname; a
        parent of known gender is a mother or father."""
        if member.gender is None and member.name and not member.child:
            surname = member.name.split()[-1]
            adults = [m for m in self.members if m.name and not m.child and m.name.split()[-1] == surname]
            title = _titled_surname(surname).search(text)
            if len(adults) == 1 and title:
                member = replace(member, gender=_TITLES[title.group(1).lower()])
        unknown = member.gender is None and not member.child
        if unknown and member.name and member.role in ("parent", "carer", None):
            member = replace(member, gender=_gender_from_speech(member.name.split()[0], text))
        if member.role == "parent" and member.gender:
            member = replace(member, role="father" if member.gender == "male" else "mother")
        return member


_SPEECH_VERBS = (
    r"said|says|told (?:me|us|the \w+)|explained|thinks|thought|feels|felt|reported|added|agreed|"
    r"described|admitted|accepted|denied|confirmed|insisted|believes|believed|wants|wanted"
)


def _gender_from_speech(first_name: str, text: str) -> str | None:
    """ "Callum said he had punched the wall": the pronoun after a person's own account is theirs.
    Only when every such pronoun agrees, since "Jade said he was stressed" can happen."""
    pattern = regex.compile(
        rf"\b{regex.escape(first_name)}\s+(?:{_SPEECH_VERBS})\s+(?:that\s+)?(?P<p>he|she)\b",
        regex.IGNORECASE,
    )
    found = {m.group("p").lower() for m in pattern.finditer(text)}
    if len(found) != 1:
        return None
    return "male" if found == {"he"} else "female"


def build_roster(form: Form) -> Roster:
    """Everyone the form names, merged so that one person is one member."""
    from formlint.people_text import SUBJECT_LABELS, from_labelled, from_narrative, from_person

    builder = _Builder()
    for person in form.metadata.children:
        builder.add(from_person(person, subject=True))
    for person in form.metadata.household:
        builder.add(from_person(person, subject=False))
    for name, role in ((form.metadata.worker, "social worker"), (form.metadata.manager, "team manager")):
        if name:
            builder.add(Member(name.split(",")[0], role, professional=True))
    first_known = next((i for i, s in enumerate(form.sections) if s.kind), len(form.sections))
    for index, section in enumerate(form.sections):
        # The child's details: their own section, or what comes before the first known section.
        details = section.kind == "child_details" or index < first_known
        blocks = [(b.text, b.label, b.location) for b in section.blocks if not b.blank and b.text.strip()]
        texts = [(section.heading, None, section.location), *blocks]
        for text, label, location in texts:
            # A labelled cell ("Other children who stay: Tyler (7)") names a subject only under a
            # subject's label.
            subject_here = details and (label is None or label.strip(" *_:").lower() in SUBJECT_LABELS)
            for member in (*from_labelled(label, text, location, details=details),
                           *from_narrative(text, location, details=subject_here)):
                household = section.kind == "family_composition" and not member.professional
                if household and member.in_household is None:
                    # "Other significant people not in the household" lists people who live elsewhere.
                    member = replace(member, in_household=not _ELSEWHERE.search(section.heading))
                builder.add(member)
    return builder.finish("\n".join(section.text for section in form.sections))
