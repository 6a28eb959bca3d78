"""F501 absent-male-carer: a father or male carer is known of but never contacted, heard or assessed."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import reported_spans
from formlint.model import Form, Section
from formlint.people import Member
from formlint.people_text import NAME
from formlint.roles import words_for
from formlint.rule import Context, Example, Rule
from formlint_rules.people_checks import (
    Passage,
    compile_alternatives,
    first_sentence,
    name_alternatives,
    name_words,
    passages,
    section_of,
)

# Roles that make an adult a man the child lives with or is fathered by; a partner,
# carer or parent counts when the form shows he is a man.
_MALE_ROLES = frozenset({"father", "stepfather", "boyfriend", "husband"})
_IF_MALE = frozenset({"partner", "carer", "parent", "lodger"})
_PRONOUNS = regex.compile(r"(?:he|his|him)\b", regex.IGNORECASE)
_PROFESSIONAL_BEFORE = regex.compile(
    r"(?i:teacher|head|headteacher|head of year|senco|dsl|pc|dc|ds|dr|gp|officer|worker|manager|chair|"
    r"mentor|coach|paediatrician|consultant|nurse|visitor|practitioner|clinician|therapist|counsellor|"
    r"solicitor|iro|coordinator|co-ordinator|lead|advisor|adviser)\W{1,3}$"
)
_MR = regex.compile(r"\bMr\.?\s+(\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?)")

# What he says or does himself, or what the worker did with him.
_VERBS = (
    r"said|says|told|tells|explained|explains|described|describes|agreed|agrees|accepted|accepts|"
    r"acknowledged|acknowledges|admitted|admits|denied|denies|disputed|disputes|disagreed|disagrees|"
    r"reported|stated|states|wants|wanted|would like|hopes|hoped|feels|felt|thinks|thought|believes|"
    r"believed|attended|attends|engaged|engages|took part|takes part|participated|met|joined|signed|"
    r"shared|asked|expressed|spoke|speaks|talked|talks|showed|answered|responded|replied|confirmed|"
    r"recognises|recognised|understands|apologised|minimised|minimises|blamed|blames|insisted|maintains|"
    r"maintained|completed|has completed|is attending|has attended|tested|provided|presented|"
    r"(?:was|were|has been|have been|had been|is being|are being)(?:\s+(?:each|both|also|then|later|first))? "
    r"(?:seen|spoken to|spoken with|interviewed|"
    r"visited|present|observed|contacted|assessed|invited|met|phoned|called|written to|asked|referred|"
    r"offered|included|involved)|"
    r"declined|refused|did not (?:respond|reply|engage|answer|return)|has not (?:responded|replied|"
    r"engaged)|failed to (?:attend|respond|engage)|has declined|has refused"
)
_WRITER_VERBS = (
    r"spoke|spoken|talked|met|saw|seen|visited|interviewed|phoned|called|rang|telephoned|"
    r"wrote|written|emailed|texted|messaged|contacted|asked|discussed|observed|assessed|invited|sent|"
    r"explained|shared|gave|offered|tried to (?:contact|call|phone|reach|trace|find)|attempted to"
)
_WRITER = r"\b(?:I|we|the social worker|social worker|the worker|the assessor|the police|police)"
_AUX = r"(?:\s+(?:have|had|has|also|then|later|was|were|did|able to|went on to|both|again|separately))*"
_NEGATION = regex.compile(r"\b(?:not|never|no longer|yet to)\b|n['’]t\b", regex.IGNORECASE)
_OWN = (
    r"views?|account|wishes|perspective|words|version|explanation|response|parenting|capacity|assessment|"
    r"criminal record|convictions?|police record|checks"
)
_CHECKS = regex.compile(
    r"\b(?:police|pnc|probation|dbs|agency|background|marac|lado|cafcass|children's services|social care)"
    r"\b[^.;]{0,30}\bchecks?\b|\bchecks?\b[^.;]{0,40}\b(?:show|showed|shows|found|returned|revealed|"
    r"confirm|confirmed|came back)\b|\bknown to (?:the )?(?:police|probation|children's services|social care|"
    r"services|mappa)\b|\bparenting assessment\b",
    regex.IGNORECASE,
)
_EXPLAINED = regex.compile(
    r"\b(?:deceased|died|passed away|is dead|was killed|death of|last known address|trac(?:e|ed|ing)|"
    r"search(?:ed)? for|searches|letter|wrote to|written to|enquir(?:y|ies)|no current address|"
    r"attempts? to (?:contact|find|locate|reach|trace)|tried to (?:contact|find|locate|reach|trace)|"
    r"asked whether (?:he|they) (?:is|are|was|were) known)\b",
    regex.IGNORECASE,
)
# A direction to contact him, or an action given to him, is not contact or assessment.
_NOT_CONTACT = frozenset({"manager_oversight", "plan_actions", "safety_plan", "contingency", "safety_goal"})
_RISK_KINDS = frozenset({"risk_analysis", "analysis", "danger_statement"})
_DANGER = regex.compile(
    r"\b(?:danger\w*|risks?|violen\w*|harm\w*|threat\w*|abus\w*|assault\w*|aggressi\w*|temper|"
    r"controlling|coercive|drinking|alcohol|drugs?|cannabis|bail|unsafe|frightening)\b",
    regex.IGNORECASE,
)
# "Birth father of both children: Wayne Denton" (a field label the roster does not know).
_FATHER_FIELD = regex.compile(
    rf"(?<![\p{{L}}'’-])(?:(?<=['’]s\s)|(?<![\p{{L}},]\s))"
    rf"(?i:(?:birth |biological )?father)\b[^:\n.]{{0,40}}:[\s*_]*"
    rf"(?P<name>{NAME})"
    rf"|(?P<name>{NAME})\s*\((?i:(?:birth |biological )?father)\)"
    # "Euan McLeod (39), father of both children"
    rf"|(?P<name>{NAME})(?:\s*\(\d+\))?,\s*(?i:(?:the\s+)?(?:birth |biological )?father of)\b"
)
_PARENTS = regex.compile(r"\b(?:his|her|their|the child's|the children's|both) parents\b", regex.IGNORECASE)
_NAMED_FATHER = regex.compile(r"(?<![\p{L}-])(?:father|dad|daddy)\b", regex.IGNORECASE)
# Words for a child's own father (a stepfather or partner does not stand in for him).
_FATHER_WORDS = regex.compile(r"(?<![\p{L}-])(?:father|fathers|dad|dads|daddy|paternal)\b", regex.IGNORECASE)


@dataclass(frozen=True)
class _Man:
    member: Member
    label: str
    pattern: regex.Pattern[str]
    alternatives: tuple[str, ...]


def _is_man(member: Member) -> bool:
    if member.professional or member.child:
        return False
    # A partner not shown to be a woman ("Dean Walsh (mother's partner)") is taken to be a man.
    return (
        member.role in _MALE_ROLES
        or (member.role in _IF_MALE and member.gender == "male")
        or (member.role == "partner" and member.name is not None and member.gender != "female")
    )


def _stray_surnames(form: Form, text: str, known: list[Member]) -> list[str]:
    """Surnames of "Mr X" in the text who are not a professional or a man already known."""
    taken = {
        w.lower() for m in form.people for w in (m.name or "").split()[-1:] if m.professional or _is_man(m)
    }
    taken |= {w.lower() for m in known for w in (m.name or "").split()}
    out: list[str] = []
    for match in _MR.finditer(text):
        surname = match.group(1)
        if surname.lower() in taken or surname in out:
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        if _PROFESSIONAL_BEFORE.search(before) or regex.match(
            r"\s*\((?!.*\b(?:father|dad|partner))", text[match.end() :]
        ):
            continue
        out.append(surname)
    return out


def _gendered(text: str, first: str, pronouns: str) -> int:
    return len(regex.findall(rf"\b{regex.escape(first)}\b[^.;\n]{{0,60}}?\b(?:{pronouns})\b", text))


def _parent_spoken_of_as_him(form: Form, text: str) -> Member | None:
    """The one parent of no stated gender whom the form calls "he" and "his"
    ("Marcus ... his cannabis use") and never "she"."""
    found = []
    for member in form.people:
        if member.role != "parent" or member.gender is not None or not member.name:
            continue
        first = name_words(member.name)[0] if name_words(member.name) else ""
        if not first:
            continue
        male = _gendered(text, first, "he|his|him|himself")
        female = _gendered(text, first, "she|her|hers|herself")
        if male >= 2 and female == 0:
            found.append(member)
    return found[0] if len(found) == 1 else None


def _with_father(form: Form, text: str, members: list[Member]) -> list[Member]:
    """``members`` with the father the roster holds no named entry for: one named in a field
    it does not read ("Birth father of both children: Wayne Denton"), one spoken of only by
    role, or one of "Parents: Marta Nowak, Pawel Nowak" (with "Mr Nowak" later) whom it could
    not tell apart from the mother; he is then found by role word, or title and surname."""
    if any(m.role == "father" and m.name for m in members):
        return members
    labelled = _FATHER_FIELD.search(text)
    if labelled:
        name = labelled.group("name")
        return [m for m in members if m.role != "father"] + [Member(name, "father", "male")]
    spoken_of = _parent_spoken_of_as_him(form, text)
    if spoken_of is not None and _NAMED_FATHER.search(text):
        # "Parents: Jodie Foster and Marcus Foster": Marcus is "he" to the writer, and
        # the unnamed "dad" the roster read from a passing mention is him.
        others = [m for m in members if m.role != "father"]
        return [*others, dataclasses.replace(spoken_of, role="father", gender="male")]
    if any(m.role == "father" for m in members):
        return members
    if _NAMED_FATHER.search(text):
        return [*members, Member(None, "father", "male")]
    if _PARENTS.search(text) and _stray_surnames(form, text, members):
        # "violence between her parents ... Mr Dale assaulted Ms Dale": Mr Dale is her father.
        return [*members, Member(None, "father", "male")]
    for member in form.people:
        if member.role != "parent" or member.gender is not None or not member.name or " " not in member.name:
            continue
        if regex.search(rf"\bMr\.?\s+{regex.escape(member.name.split()[-1])}\b", text):
            return [*members, Member(None, "father", "male", location=member.location)]
    return members


_ROW_ROLE = regex.compile(
    r"(?<![\p{L}-])(?P<step>step-?(?:father|dad))\b|(?<![\p{L}-])(?P<father>father|dad|daddy)\b"
    r"|(?<![\p{L}-])(?P<partner>partner|boyfriend|husband)\b",
    regex.IGNORECASE,
)


def _table_roles(form: Form) -> tuple[list[Member], set[tuple[int, int]]]:
    """Men of a household table whose relationship column the roster did not read.

    "| Rhodri Pritchard | Father | 34 |": the roster may hold Rhodri with no role, and
    the "Father" cell as a second, unnamed father. The row's name takes the row's role;
    the rows are returned so that members read from their other cells can be dropped.
    """
    cells: dict[tuple[int, int], list[str]] = {}
    for section in form.sections:
        for block in section.blocks:
            loc = block.location
            if loc.table is not None and loc.row is not None:
                cells.setdefault((loc.table, loc.row), []).append(block.text)
    found: list[Member] = []
    rows: set[tuple[int, int]] = set()
    for member in form.people:
        # The roster may also take a whole "Name: ... | Relationship: ..." table for
        # children; a row whose relationship cell opens with "father" is a man's.
        misread = member.child and member.role == "child"
        if (member.role and not misread) or member.professional or (member.child and not misread):
            continue
        if not member.name:
            continue
        for key, texts in cells.items():
            at = next((i for i, t in enumerate(texts) if member.name in t), None)
            if at is None:
                continue
            values = [t.split(":", 1)[-1].strip(" *_") for t in texts[at + 1 :]]
            if misread:
                values = [v for v in values if _ROW_ROLE.match(v)]
            rest = " ".join(values)
            match = _ROW_ROLE.search(rest)
            if match is None:
                continue
            role = {"step": "stepfather", "father": "father", "partner": "partner"}[
                match.lastgroup or "father"
            ]
            found.append(
                dataclasses.replace(
                    member, role=role, gender=member.gender or "male", child=False, subject=False
                )
            )
            rows.add(key)
            break
    return found, rows


def _men(form: Form, text: str) -> list[_Man]:
    from_rows, rows = _table_roles(form)
    members = [
        m
        for m in form.people
        if _is_man(m) and not (m.location and (m.location.table, m.location.row) in rows)
    ]
    if any(m.role == "father" for m in from_rows):
        # The father the roster could not name from its table is the unnamed
        # "father" it read from a passing mention ("his dad").
        members = [m for m in members if m.role != "father" or m.name]
    members = [*members, *from_rows]
    members = _with_father(form, text, members)
    roles = [m.role for m in members]
    unnamed = [m for m in members if not m.name]
    strays = _stray_surnames(form, text, members) if unnamed else []
    surnames = {
        m.name.split()[-1] for m in form.people if m.name and not m.professional and len(m.name.split()) > 1
    }
    men: list[_Man] = []
    for member in members:
        alternatives = name_alternatives(member, titles="Mr")
        label = member.label()
        if not member.name:
            alternatives += [rf"Mr\.?\s+{regex.escape(s)}" for s in strays]
            if len(strays) == 1:
                label = f"Mr {strays[0]} ({member.role})"
        if roles.count(member.role) == 1 and member.role:
            words = words_for(member.role)
            alternatives += [rf"{regex.escape(w)}s?(?!\s+agenc)" for w in words if w != "parent"]
        if member.role in ("father", "parent"):
            alternatives += [
                r"both parents",
                r"the parents",
                r"mum and dad",
                r"mother and father",
                r"parents(?=\s+(?:were|have|had|said|told|both|agreed|attended|are))",
            ]
            alternatives += [rf"Mr\.?\s+and\s+Mrs\.?\s+{regex.escape(s)}" for s in surnames]
        pattern = compile_alternatives(alternatives)
        if pattern is None:
            continue
        # The roster can read one man twice from one line ("Steven Whitfield, lives in ... Spain").
        first = first_sentence(form, pattern)
        if any(
            m.member.role == member.role and first and first_sentence(form, m.pattern) == first for m in men
        ):
            continue
        men.append(_Man(member, label, pattern, tuple(alternatives)))
    return men


@functools.lru_cache(maxsize=256)
def _subject_patterns(alternatives: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """Compiled once per set of names: a batch of forms names the same men many times over."""
    who = "|".join(sorted(set(alternatives), key=len, reverse=True)) + r"|he|they"
    him = "|".join(sorted(set(alternatives), key=len, reverse=True)) + r"|him|them"
    flags = regex.IGNORECASE
    return (
        regex.compile(
            rf"(?<![\p{{L}}'’])(?:{who})(?P<gap>(?:,[^,.;]{{1,60}},)?(?:\s+[\p{{L}}'’-]+){{0,3}}?)"
            rf"\s+(?:{_VERBS})\b",
            flags,
        ),
        regex.compile(
            rf"{_WRITER}(?P<gap>{_AUX})\s+(?:{_WRITER_VERBS})\b[^.;]{{0,60}}?(?<![\p{{L}}'’])(?:{him})\b",
            flags,
        ),
        regex.compile(rf"(?<![\p{{L}}'’])(?:{who})(?:'s|’s|s'|s’)(?P<gap>\s+own)?\s+(?:{_OWN})\b", flags),
        regex.compile(
            rf"\baccording to(?P<gap>)\s+(?:{him})\b|\bin (?:{who})(?:'s|’s)(?P<gap>) words\b", flags
        ),
    )


_QUOTED = regex.compile(r'"[^"\n]*"|“[^”\n]*”')
# A field label in a run of details ("Mother:", "Amber's father:"): where one person's entry ends.
_FIELD_LABEL = regex.compile(r"(?<![\p{L}])\p{Lu}[\p{L}'’ ]{0,30}:\s")


_PASSIVE_END = regex.compile(r"\b(?:was|were)\s*$", regex.IGNORECASE)
_PRONOUN_START = regex.compile(r"(?:he|they|him|them)\b", regex.IGNORECASE)


def _records_contact(man: _Man, passage: Passage) -> bool:
    text = passage.sentence.text
    quotes = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
    reported = reported_spans(text)
    named = man.pattern.search(text)
    for pattern in _subject_patterns(man.alternatives):
        for match in pattern.finditer(text):
            # "He said he likes it when Liam takes him fishing": a pronoun before his
            # name in the same sentence is someone else (here the child).
            if named and match.start() < named.start() and _PRONOUN_START.match(match.group()):
                continue
            # "I asked what would help; Amber said 'if Craig was home'": his name in
            # someone else's quoted words is not the worker's contact with him.
            end = match.end() - 1
            if any(a <= end < b and not a <= match.start() < b for a, b in quotes):
                continue
            # "She said Tomasz agrees with the plan": his views as someone else reports them.
            if not _PRONOUN_START.match(match.group()) and any(a <= match.start() < b for a, b in reported):
                continue
            gap = match.group("gap") or ""
            # "police were called to the home ... after Liam threw": the writer or the
            # police as the object of a passive is not contact with him.
            if _PASSIVE_END.search(gap):
                continue
            if not _NEGATION.search(gap):
                return True
    return False


def _explained(man: _Man, text: str) -> bool:
    """Why he cannot take part, said of him: in his own entry of a run of labelled
    details, not in the next one ("Leo's father: Craig ... Amber's father: Ben, died 2020")."""
    mentions = list(man.pattern.finditer(text))
    if man.member.name:
        # A named man is found by his name here: "Amber's father" may be another man.
        names = {w.casefold() for w in man.member.name.split()}
        named = [m for m in mentions if names & {w.casefold() for w in m.group().split()}]
        other = _FATHER_FIELD.search(text)
        if not named and other and not names & {w.casefold() for w in other.group("name").split()}:
            return False  # "Mia's father: Rob Kerr, died in 2020" names another man
        mentions = named or mentions
    if not mentions:  # found through "he": the sentence is about him
        return _EXPLAINED.search(text) is not None
    labels = [m.start() for m in _FIELD_LABEL.finditer(text)]
    for mention in mentions:
        start = max((p for p in labels if p <= mention.start()), default=0)
        end = min((p for p in labels if p > mention.end()), default=len(text))
        if _EXPLAINED.search(text, start, end):
            return True
    return False


def _danger_assessed(passage: Passage) -> bool:
    """The writer's own analysis of the danger he poses, in a risk or analysis section."""
    if passage.section.kind not in _RISK_KINDS or not passage.direct:
        return False
    text = passage.sentence.text
    danger = _DANGER.search(text)
    if not danger or _NEGATION.search(text[max(0, danger.start() - 25) : danger.start()]):
        return False
    # Not the mother's account of him ("Ms Moss links the violence to his drinking").
    return not any(a <= danger.start() < b for a, b in reported_spans(text))


def _addressed(man: _Man, found: list[Passage]) -> bool:
    for passage in found:
        text = passage.sentence.text
        if passage.section.kind in _NOT_CONTACT:
            continue
        if _records_contact(man, passage) or _explained(man, text) or _danger_assessed(passage):
            return True
        check = _CHECKS.search(text)
        if check and not _NEGATION.search(text[max(0, check.start() - 25) : check.start()]):
            return True
    return False


class AbsentMaleCarer(Rule):
    code = "F501"
    slug = "absent-male-carer"
    summary = (
        "A father or male carer is known of, but the form records no contact with him, views or assessment."
    )
    pattern = "5"
    sources = ("S17", "S18", "S19", "S27", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "Reviews keep finding that fathers and the men in a child's household are overlooked: work is "
        "done with the mother, the man is known only through her account, and the risk or the help he "
        "brings is never assessed. An absent father is part of the child's story and may be a resource."
    )
    fix = (
        "Record what was done about him: when he was seen or spoken to and what he said, the checks made "
        "on him, his part in caring for the child and in the plan; or, if he cannot take part, why "
        "(deceased; whereabouts unknown and what was done to trace him; declined after being asked)."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Form profiles where a father nowhere mentioned is itself a gap (empty: every form).
        "father_profiles": (),
    }
    examples = (
        Example(
            "Child: Ava Walsh (1)\nHousehold: Kim Walsh (mother), Dean Walsh (mother's partner)\n\n"
            "PARENTING CAPACITY\nMum says Dean is supportive and good with the baby. Ms Walsh keeps a "
            "tidy home.",
            True,
            "the partner is known only through the mother's account",
        ),
        Example(
            "Child: Leo Grant (6)\n\nFAMILY HISTORY\nLeo lives with his mother Amy Grant. Father's details "
            "are unknown.\n\nANALYSIS\nMs Grant meets Leo's needs, as seen on three visits.",
            True,
            "the father is unknown and no attempt to find him is recorded",
        ),
        Example(
            "Child: Ava Walsh (1)\nHousehold: Kim Walsh (mother), Dean Walsh (mother's partner)\n"
            "Father: Marcus Lee, died in 2022.\n\n"
            "PARENTING CAPACITY\nDean was seen at home on 3 and 10 May; police checks show a 2018 "
            "caution for "
            "assault. He described how he manages Ava's crying.",
            False,
            "seen twice, checked and heard in his own words",
        ),
        Example(
            "Child: Leo Grant (6)\n\nFAMILY HISTORY\nLeo's father, Marcus Lee, has had no contact for four "
            "years; his mother gave his last known address and Bristol children's services were asked on 3/5 "
            "whether he is known.",
            False,
            "whereabouts unknown, and attempts to trace him are recorded",
        ),
        Example(
            "Child: Ava Walsh (1)\nHousehold: Kim Walsh (mother), Dean Walsh (mother's partner)\n"
            "Father: Marcus Lee, died in 2022.\n\n"
            "PARENTS' VIEWS\nMum says Dean is supportive. Dean agreed and described his part in bedtimes.",
            False,
            "the mother's account is not the only source: he gave his own",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        text = "\n".join(section.text for section in form.sections)
        men = _men(form, text)
        for man in men:
            found = list(passages(form, man.pattern, pronouns=_PRONOUNS))
            if _addressed(man, found):
                continue
            yield self._finding(form, man)
        profiles = self.option(context, "father_profiles")
        fathers = [man for man in men if man.member.role == "father"]
        if not fathers and (not profiles or form.profile in profiles) and not _FATHER_WORDS.search(text):
            yield self.finding(
                "The child's father is not mentioned anywhere in the form: say who he is, whether he has "
                "been "
                "contacted and what part he plays in the child's life, or why he cannot be included.",
                section=form.sections[0] if form.sections else None,
            )

    def _finding(self, form: Form, man: _Man) -> Finding:
        where = first_sentence(form, man.pattern)
        section: Section | None = where[0] if where else section_of(form, man.member)
        who = man.label if man.member.name or man.label.startswith("Mr") else f"the {man.member.role}"
        return self.finding(
            f"{who[0].upper()}{who[1:]} is recorded, but the form has no contact with him, no views from him "
            "and no assessment of him. Record when he was seen or spoken to and what he said, the checks on "
            "him and his part in the plan; or why he could not be included and what was done to reach him.",
            section=section,
            sentence=where[1] if where else None,
        )
