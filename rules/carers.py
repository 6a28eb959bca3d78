"""Who is the mother, and who is another adult the risk may come from (F502).

Patterns that find, in a sentence or a plan action's owner, the mother (or a
female carer in her place) and the other adults in the child's life: a father,
stepfather, partner or boyfriend, any family adult the roster shows to be a man,
and "Mr X" when X is not a professional's name.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from formlint.model import Form
from formlint.people import Member
from formlint.roles import words_for
from formlint_rules.people_checks import compile_alternatives, name_alternatives

_MOTHER_ROLES = frozenset({"mother", "stepmother"})
_FEMALE_IF = frozenset({"parent", "carer", "partner", "girlfriend"})
_MALE_ROLES = frozenset({"father", "stepfather", "boyfriend"})
_MALE_IF = frozenset({"parent", "carer", "partner", "lodger", "uncle", "grandfather"})
# A role word that means a man in the child's household or life, or the person causing harm.
_OTHER_ADULT_WORDS = (
    r"(?:birth |biological )?father|dad|daddy|step-?father|step-?dad|step dad|"
    r"(?:mother's |mum's |her )(?:partner|boyfriend|husband)|boyfriend|"
    r"(?:alleged )?perpetrator|(?:the )?(?:adult|person) (?:who (?:harmed|hurt|abused)|causing harm)"
)


_PARTNER_NAMED = regex.compile(
    r"(?P<owner>\b(?i:her|mother's|mum's)|\p{Lu}[\p{Ll}'’-]+['’]s)\s+(?i:new\s+|current\s+)?"
    r"(?i:partner|boyfriend|husband)\s*[,(]?\s*(?P<name>\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)"
)


_PROFESSIONAL = (
    r"teacher|head(?:teacher)?|head of year|senco|dsl|pc|dc|ds|dr|gp|officer|worker|manager|chair|mentor|"
    r"paediatrician|consultant|nurse|visitor|practitioner|therapist|counsellor|solicitor|iro|co-?ordinator|"
    r"lead|advis[eo]r|facilitator|tutor|psychologist|psychiatrist|midwife"
)
_PROFESSIONAL_NEAR = regex.compile(rf"(?i:\b(?:{_PROFESSIONAL}))\W{{1,3}}(?:\w+\W{{1,3}})?$")
_PROFESSIONAL_AFTER = regex.compile(rf"\s*[(,]\s*(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}(?i:(?:{_PROFESSIONAL}))\b")


_NAME = r"(?P<name>(?:(?-i:Mr|Mx)\.?\s+)?(?-i:\p{Lu}[\p{Ll}'’-]+))"
# Slots where a safety action names the adult to be kept away or watched.
_CONTROLLED = regex.compile(
    rf"\b(?:ensure|make sure|check)\s+(?:that\s+)?{_NAME}\s+(?:does not|doesn't|do not|is not|isn't|has no|"
    rf"will not|won't|cannot|can't|never|only|stays? away|keeps? away)"
    rf"|\b(?:away|safe)\s+from\s+{_NAME}"
    rf"|\bnot\s+(?:to\s+)?(?:allow|let)\s+{_NAME}"
    rf"|\b(?:no|not have|not to have)\s+(?:unsupervised\s+|direct\s+)?contact\s+with\s+{_NAME}"
    rf"|\b(?:left|alone)\s+with\s+{_NAME}"
    rf"|\bif\s+{_NAME}\s+(?:comes|arrives|turns up|visits|returns|calls|is drunk|has been drinking|contacts)"
    rf"|\b(?:stop|prevent)\s+{_NAME}\s+from",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Carers:
    """Patterns for the mother and for the other adults; ``men`` are named in messages."""

    mother: regex.Pattern[str] | None
    other: regex.Pattern[str] | None
    men: tuple[Member, ...]
    not_adults: frozenset[str] = frozenset()  # first names and surnames of children and professionals

    def is_mother(self, text: str) -> bool:
        return bool(self.mother and self.mother.search(text))

    def is_other(self, text: str) -> bool:
        return bool(self.other and self.other.search(text))

    def other_in(self, text: str) -> regex.Match[str] | None:
        return self.other.search(text) if self.other else None

    def controlled(self, text: str) -> str | None:
        """The adult a safety action has someone else keep away or watch over: "ensure Dean does
        not ...", "keep the children away from Dad", "if he comes to the house"."""
        other = self.other_in(text)
        if other:
            return other.group()
        for match in _CONTROLLED.finditer(text):
            name = match.group("name")
            if not (self.is_mother(name) or name.lower() in self.not_adults):
                return name
        return None


def _family(member: Member) -> bool:
    # A family role outranks the roster's professional flag ("Lewis (father), key worker ...").
    return not member.child and (not member.professional or member.role in _MOTHER_ROLES | _MALE_ROLES)


def is_mother(member: Member) -> bool:
    return _family(member) and (
        member.role in _MOTHER_ROLES or (member.role in _FEMALE_IF and member.gender == "female")
    )


def is_other_adult(member: Member) -> bool:
    if not _family(member) or is_mother(member):
        return False
    return (
        member.role in _MALE_ROLES
        or (member.role in _MALE_IF and member.gender == "male")
        or (member.role == "partner" and member.gender != "female")
    )


def _professional_surnames(form: Form) -> set[str]:
    return {m.name.split()[-1].lower() for m in form.people if m.professional and m.name and not _family(m)}


def carers(form: Form) -> Carers:
    mothers = [m for m in form.people if is_mother(m)]
    men = [m for m in form.people if is_other_adult(m)]
    mother_alternatives = [
        rf"{regex.escape(w)}(?!'s\s+(?:partner|boyfriend|husband))"
        for w in (*words_for("mother"), *words_for("stepmother"))
    ]
    for member in mothers:
        mother_alternatives += name_alternatives(member, titles="Mrs|Ms|Miss")
    other_women = {
        m.name.split()[-1].lower()
        for m in form.people
        if m.name and not m.child and m.gender == "female" and not is_mother(m)
    }
    other_alternatives = [_OTHER_ADULT_WORDS]
    for member in men:
        other_alternatives += name_alternatives(member, titles="Mr")
    text = "\n".join(s.text for s in form.sections)
    # "Sophie's new partner, Jordan Pike (31)": a partner the roster did not pick up.
    for match in _PARTNER_NAMED.finditer(text):
        owner = match.group("owner")
        if owner.lower() in ("her", "mother's", "mum's") or compile_alternatives(mother_alternatives).search(
            owner
        ):
            names = match.group("name").split()
            other_alternatives.append(r"\s+".join(map(regex.escape, names)))
            other_alternatives.append(rf"(?-i:{regex.escape(names[0])})")
            if len(names) > 1:
                other_alternatives.append(rf"Mr\.?\s+{regex.escape(names[-1])}")
    taken = _professional_surnames(form)
    mother_surnames = {m.name.split()[-1].lower() for m in mothers if m.name}
    # "Mr Dale" with no roster entry: a man of the family unless he is a professional.
    for match in regex.finditer(r"\bMr\.?\s+(\p{Lu}[\p{Ll}'’-]+)", text):
        surname = match.group(1)
        before, after = text[max(0, match.start() - 30) : match.start()], text[match.end() : match.end() + 40]
        professional = _PROFESSIONAL_NEAR.search(before) or _PROFESSIONAL_AFTER.match(after)
        if surname.lower() in mother_surnames or not (surname.lower() in taken or professional):
            other_alternatives.append(rf"Mr\.?\s+{regex.escape(surname)}")
    # "Ms Cole" with no roster entry: the mother, unless a professional or another woman of the family.
    for match in regex.finditer(r"\b(?:Mrs|Ms|Miss)\.?\s+(\p{Lu}[\p{Ll}'’-]+)", text):
        surname = match.group(1)
        before, after = text[max(0, match.start() - 30) : match.start()], text[match.end() : match.end() + 40]
        professional = _PROFESSIONAL_NEAR.search(before) or _PROFESSIONAL_AFTER.match(after)
        if not (surname.lower() in taken | other_women or professional):
            mother_alternatives.append(rf"(?:Mrs|Ms|Miss)\.?\s+{regex.escape(surname)}")
    not_adults = {
        word.lower()
        for m in form.people
        if m.name and (m.child or (m.professional and not _family(m)))
        for word in m.name.split()
    }
    return Carers(
        compile_alternatives(mother_alternatives),
        compile_alternatives(other_alternatives),
        tuple(men),
        frozenset(not_adults),
    )
