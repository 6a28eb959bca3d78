"""C304 agency-contribution-missing: an agency listed as involved contributes nothing recorded."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Block, Form, Section
from formlint.rule import Context, Example, Rule
from formlint_rules.agencies import HEALTH, NAMES, agencies_in, spans, speaks_of

# "Agencies consulted: ...", "Professionals involved: ...", "Invited: ...", "Present: ...".
_LIST_LABEL = regex.compile(
    r"^\W*(?:(?:other\s+)?(?:partner\s+)?(?:agencies|professionals|services|organisations)"
    r"(?:\s+[\p{L}'’]+){0,3}?\s+(?:involved|consulted|contacted|invited|present|attending|checked|"
    r"approached|contributing|working with (?:the )?(?:family|child(?:ren)?))"
    r"|professional network|professionals?|agency involvement|invited|invitees|attendees|present|"
    r"in attendance|(?:agency )?checks (?:made|completed|requested|undertaken|sought) (?:with|from)|"
    r"information (?:gathered|obtained|requested|sought|received) from|consulted|contacted)"
    r"\s*[:\-–]\s*(?P<value>.+)$",
    regex.IGNORECASE,
)
# A mention that is not a contribution: who was invited or copied in.
_NOT_CONTRIBUTION = regex.compile(
    r"\b(?:invited|invitation|copied to|copy to|cc|distribution|circulat\w+ to|to be contacted|will be "
    r"(?:asked|contacted|invited))\b",
    regex.IGNORECASE,
)
_INFORMATION = regex.compile(
    r"\b(?:report\w*|said|say|says|told|shared|information|checks?|checked|view|views|confirm\w*|"
    r"no (?:information|concerns|involvement|record|records)|known|noted|describe\w*|record\w*|summar\w*|"
    r"attend\w*|observ\w*|found|state\w*|advised|raised|feedback)\b",
    regex.IGNORECASE,
)


# A sentence that lists sources in prose: "I spoke to the school, the GP and ...", "Information
# from police, school and the health visitor.", "School and GP contacted by telephone.", "a call
# with his head of year", "a strategy discussion with police, the school and ...".
_PROSE_LISTING = regex.compile(
    r"\b(?:spoke|spoken|speaking|talked|consulted|contacted|liaised|emailed|telephoned|phoned|"
    r"(?:information|checks?|reports?|views?|contributions?|input)(?:\s+(?:was|were|has\s+been|have\s+been))?"
    r"(?:\s+(?:gathered|obtained|received|requested|sought|provided|given|taken|shared))?\s+(?:from|by|with)|"
    r"(?:calls?|conversations?|discussions?|meetings?|interviews?)\s+(?:\S+\s+){0,3}?(?:with|by)|"
    r"strategy\s+(?:discussion|meeting)\b[^.;]*?\bwith|came\s+to|attended\s+by)\b",
    regex.IGNORECASE,
)
# Sections whose every line names who took part: "Who came to the mapping", "Present", "Attendees".
_ATTENDANCE_HEADING = regex.compile(
    r"\b(?:who (?:came|attended|was (?:there|present)|took part)|attend(?:ees|ance|ing)|present|"
    r"participants|invit(?:ed|ees)|sources? of information|who (?:i|we) spoke to)\b",
    regex.IGNORECASE,
)
# Where a form says how its information was gathered (unknown headings included: "Strategy
# discussion", "Who came to the mapping"); a Recommendation's "meeting with" is not a source list.
_PROSE_KINDS = frozenset({None, "basis_of_assessment"})
# A place, not a source: "seen alone at school", "held at the family hub".
_LOCATION_BEFORE = regex.compile(
    r"\b(?:at|in|to|outside|near)\s+(?:the\s+|his\s+|her\s+|their\s+|a\s+)?(?:[\p{Lu}][\p{L}'’]*\s+){0,3}$"
)

# The agency is the one who made contact ("Little Owls Preschool contacted the front door"), not a
# source the writer went to; "School and GP contacted by telephone" is passive and is a source.
_ACTING = regex.compile(
    r"^(?:\s+[\p{Lu}][\p{L}'’-]*){0,2}\s+(?:also\s+)?(?:contacted|consulted|spoke|talked|emailed|phoned|"
    r"telephoned|liaised|called|rang)\b(?!\s+by\b)"
)


@dataclass(frozen=True)
class _Listing:
    section: Section
    block: Block
    line: str
    agencies: tuple[str, ...]
    # The people the listing names for an agency ("class teacher Mrs Hale": school -> Hale).
    people: tuple[tuple[str, str], ...] = ()


# A person's name straight after an agency's: "the health visitor Jo Preece", "PC Ashworth",
# "head of year (Mrs Abbott)".
_PERSON_AFTER = regex.compile(
    r"^(?:['’]s)?\s*[(,]?\s*(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|PC|DC|DS|DI|Sgt|Nurse)\.?\s+)?"
    r"(?P<name>[\p{Lu}][\p{Ll}'’-]+(?:\s+[\p{Lu}][\p{Ll}'’-]+)?)"
)
_NOT_A_NAME = regex.compile(r"^(?:The|A|An|And|On|In|At|By|To|From|With|I|We|She|He|They)$")


def _people(text: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for _, end, key in spans(text):
        match = _PERSON_AFTER.match(text[end : end + 60])
        if match:
            surname = match.group("name").split()[-1]
            if not _NOT_A_NAME.match(surname) and not agencies_in(surname):
                out.append((key, surname))
    return tuple(out)


def _sources_in(text: str) -> list[str]:
    """Agencies a prose listing names as sources, leaving out places ("seen at school")."""
    found: list[str] = []
    for start, end, key in spans(text):
        if _LOCATION_BEFORE.search(text[max(0, start - 40) : start]) or _ACTING.match(text[end : end + 60]):
            continue
        if key not in found:
            found.append(key)
    if "health" in found and any(k in found for k in HEALTH if k != "health"):
        found.remove("health")
    return found


def _listings(form: Form, kinds: frozenset[str]) -> list[_Listing]:
    out: list[_Listing] = []
    for section in form.sections:
        network = section.kind == "professional_network"
        attendance = (
            not network
            and section.kind not in kinds
            and bool(_ATTENDANCE_HEADING.search(section.heading or ""))
        )
        for block in section.blocks:
            if block.blank:
                continue
            label = f"{block.label}: " if block.label and not network else ""
            for line in block.text.splitlines():
                match = _LIST_LABEL.match(f"{label}{line}") or _LIST_LABEL.match(line)
                value = match.group("value") if match else (line if network or attendance else None)
                if value:
                    found = agencies_in(value) if match or network else _sources_in(value)
                    if found:
                        out.append(_Listing(section, block, line.strip(), tuple(found), _people(value)))
        if section.kind not in _PROSE_KINDS:
            continue
        for sentence in section.sentences:
            if _PROSE_LISTING.search(sentence.text) and not _LIST_LABEL.match(sentence.text.strip()):
                found = _sources_in(sentence.text)
                if found and not any(sentence.text.strip() in item.line for item in out):
                    out.append(
                        _Listing(
                            section,
                            sentence.block,
                            sentence.text.strip(),
                            tuple(found),
                            _people(sentence.text),
                        )
                    )
    return out


# What an agency did or said, after its name (allowing a person's name or an apposition between):
# "the GP confirms", "the health visitor Dawn Ellis said", "Dr Okonjo, consultant paediatrician,
# reported", "School are unsure", "police checks were clear", "School 3/10".
_AFTER = regex.compile(
    r"^(?:['’]s?)?(?:\s*(?:\(|\)|,|–|-)\s*|\s+and\s+(?:the\s+|an?\s+)?\p{L}+|\s+(?:[\p{Lu}][\p{L}'’.-]*|also|then|both|have|has|had|been|now|already|recently|"
    r"team|service|services|surgery|practice|office|staff|colleagues?|officers?|records?|checks?|"
    r"report|reports|letter|notes|chronology)){0,6}?"
    r"\s*(?:\d+\s*/\s*10\b|:\s*\S|\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|does|do|"
    r"did|not|says|say|said|reports?|reported|told|tells|shares?|shared|confirms?|confirmed|describes?|"
    r"described|notes?|noted|advises?|advised|raises?|raised|states?|stated|finds?|found|saw|sees|see|"
    r"observes?|observed|informs?|informed|records?|recorded|knows?|knew|expresses|expressed|feels?|felt|"
    r"believes?|believed|thinks?|thought|considers?|considered|predicts?|predicted|provides?|provided|"
    r"gives?|gave|explains?|explained|highlights?|highlighted|identifies|identified|mentions?|mentioned|"
    r"agrees?|agreed|disagrees?|disagreed|worries|worried|refers?|referred|holds?|held|shows?|showed|"
    r"shown|checks?|checked|visits?|visited|weighs?|weighed|examines?|examined|assesses|assessed|"
    r"arranges?|arranged|offers?|offered|supports?|supported|contacts?|contacted|called|emailed|wrote|"
    r"writes|attends?|attended|rates?|rated|scores?|scored|sent|sends|made|makes|took|takes|kept|keeps|spoke|speaks|"
    r"met|meets|rang|brought|sought|seeks|began|left|came|heard|understood|\p{Ll}+ed)\b)",
)
# A source before the name: "according to the school office", "information from the GP", "seen
# by his GP", "a joint visit with DC Rana", "working with the IDVA", "the nurse's records".
_BEFORE = regex.compile(
    r"(?i:\baccording\s+to|\b(?:from|by|per|via)|\b(?:visits?|discussions?|meetings?|calls?|"
    r"conversations?|liaison|sessions?|working|work|met|meets|meeting|engag\w+|checks?|contact|registered)\s+with)"
    r"\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|[\p{Lu}][\p{L}'’]*['’]s\s+)?"
    r"(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}$",
)
_POSSESSED = regex.compile(
    r"^['’]s?\s+(?:[\p{Ll}\d-]+\s+){0,2}?(?:reports?|records?|letter|checks?|views?|information|assessment|"
    r"chronology|notes|referral|observations?|concerns?|summary|figures|data|opinion|findings|review|"
    r"examination|visits?|contact|statement|account|feedback|response|scaling|rating)\b",
    regex.IGNORECASE,
)


def _is_contribution(key: str, text: str, people: tuple[str, ...] = ()) -> bool:
    """True when ``text`` records something from agency ``key`` (or a person the listing named
    for it): what it said, found or did."""
    wanted = HEALTH if key == "health" else (key,)
    places = [(start, end) for start, end, found in spans(text) if found in wanted]
    for name in people:
        places.extend((m.start(), m.end()) for m in regex.finditer(rf"\b{regex.escape(name)}\b", text))
    for start, end in places:
        before, after = text[max(0, start - 60) : start], text[end : end + 120]
        if _LOCATION_BEFORE.search(before) and not _BEFORE.search(before):
            continue
        if _AFTER.match(after) or _POSSESSED.match(after) or _BEFORE.search(before):
            return True
    return False


def _contributes(form: Form, key: str, listed: list[_Listing], kinds: frozenset[str]) -> bool:
    lines = [item.line for item in listed]
    people = tuple(name for item in listed for k, name in item.people if k == key)
    for section in form.sections:
        if section.kind in kinds:
            continue
        for sentence in section.sentences:
            text = sentence.text
            stripped = text.strip()
            if _LIST_LABEL.match(stripped) or any(stripped in line for line in lines):
                continue
            if not speaks_of(key, text) and not any(_word(p).search(text) for p in people):
                continue
            if _NOT_CONTRIBUTION.search(text) and not _INFORMATION.search(_NOT_CONTRIBUTION.sub("", text)):
                continue
            if _is_contribution(key, text, people):
                return True
    return False


class AgencyContributionMissing(Rule):
    code = "C304"
    slug = "agency-contribution-missing"
    summary = "An agency the form lists as involved or consulted has nothing recorded from it anywhere."
    pattern = "3d"
    severity = Severity.INFO
    why = (
        "Good multi-agency work depends on practitioners knowing each other and what each holds; reviews "
        "find significant information known to other professionals overlooked. When a form lists an "
        "agency as involved or consulted but records nothing from it, the reader cannot tell whether it "
        "was asked, what it knows, or whether it holds nothing."
    )
    fix = (
        "Record what the agency contributed (information, view, check result, with the date), that it "
        "holds nothing ('GP: no information beyond routine immunisations, checked 2/5'), or that it sent "
        "apologies and where its report is summarised."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Sections whose mentions of an agency are not its contribution (what it will do, who signed).
        "skipped_sections": (
            "plan_actions",
            "safety_plan",
            "contingency",
            "signatures",
            "consent",
            "professional_network",
        ),
    }
    examples = (
        Example(
            "BASIS OF ASSESSMENT\nProfessionals involved: school, health visitor, GP and "
            "CAMHS.\n\nANALYSIS\nThe school report Leo's "
            "attendance is 82%. The health visitor saw Leo on 3/5 and describes him as thriving.",
            True,
            "the GP and CAMHS are listed but contribute nothing",
        ),
        Example(
            "BASIS OF ASSESSMENT\nAgencies consulted: police, probation\n\nANALYSIS\nMs Lee's care of "
            "Jack is warm and consistent, as seen on four visits.",
            True,
            "no police or probation information appears",
        ),
        Example(
            "HOW THE ASSESSMENT WAS DONE\nI spoke to the class teacher and the school nurse.\n\nANALYSIS\n"
            "The class teacher says Leo is often tired. Ms Pike has not taken Leo to the school nurse.",
            True,
            "a prose source list; taking the child to the nurse is not the nurse's contribution",
        ),
        Example(
            "BASIS OF ASSESSMENT\nAgencies consulted: GP, probation\n\nAGENCY CHECKS\nGP: no information "
            "held beyond routine immunisations (checked 2/5).\nProbation: no current involvement with either "
            "parent (checked 3/5).",
            False,
            "each agency's check result is recorded, even when it holds nothing",
        ),
        Example(
            "CONFERENCE DETAILS\nInvited: GP, health visitor\n\nANALYSIS\nGP sent apologies; their written "
            "report is summarised in section 5. The health visitor reports Ava is gaining weight.",
            False,
            "apologies with a report, and the health visitor's information",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        kinds = frozenset(self.option(context, "skipped_sections") or ())
        listed = _listings(form, kinds)
        reported: set[str] = set()
        for item in listed:
            for key in item.agencies:
                if key in reported or _contributes(form, key, listed, kinds):
                    continue
                reported.add(key)
                name = NAMES.get(key, key)
                yield self.finding(
                    f"{name[0].upper()}{name[1:]} is listed as involved ('{item.line}') but nothing from "
                    f"{name} is recorded: no information, view or check result. Record what they shared or "
                    "found, that they hold nothing, or that they sent apologies and where their report is.",
                    section=item.section,
                    block=item.block,
                    text=item.line,
                )


@functools.lru_cache(maxsize=1024)
def _word(phrase: str) -> regex.Pattern[str]:
    """Compiled once per person's name."""
    return regex.compile(rf"\b{regex.escape(phrase)}\b")
