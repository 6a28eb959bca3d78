"""C301 wider-children-overlooked: other children in the household are named but never assessed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form, Section, Sentence
from formlint.people import Member, is_minor
from formlint.rule import Context, Example, Rule
from formlint_rules.people_checks import compile_alternatives, name_alternatives, passages

_PRONOUNS = regex.compile(r"(?:he|she|his|her|they)\b", regex.IGNORECASE)
# Where children are only listed, not assessed.
_LISTING_KINDS = frozenset(
    {"child_details", "family_composition", "professional_network", "signatures", "consent"}
)
_FIELD = regex.compile(r"^[\s*_•-]*[\p{L}'’/()-]+(?:\s+[\p{L}'’/()-]+){0,3}\s*[*_]*:(?!\d)")
# Words that show a child's needs, views, safety or day-to-day life are being considered.
_CONSIDERED = regex.compile(
    r"\b(?:needs?|views?|wishes|feelings|drawing|"
    r"seen|saw|observed|spoke|alone|safe|safety|unsafe|risks?|harm\w*|hurt|worr\w+|concern\w*|impact\w*|"
    r"affect\w*|exposed|witness\w*|heard|hears|frighten\w*|scared|upset|distress\w*|school|nursery|"
    r"attendance|attends|health\w*|develop\w*|milestones|weight|speech|behaviour|emotional\w*|sleep\w*|"
    r"eating|fed|play\w*|happy|sad|anxious|tearful|carer|caring|plan|referr\w+|"
    r"support\w*|assess\w*|checks?|bruis\w*|injur\w*|protect\w*|present during|not present|"
    r"too young|vulnerable|wellbeing|well-being|presentation|presented)\b",
    regex.IGNORECASE,
)
# The child's own words or wishes: a verb whose subject is the child ("Osian (4) said"),
# not someone else's in a sentence that names the child ("He wants to have Eira and Osian").
_VOICE = r"(?:said|says|told|tells|explained|drew|wrote|asked|wants|wanted|showed|enjoys|likes|loves)\b"
# A child who lives elsewhere is out of scope.
_ELSEWHERE = regex.compile(
    r"\b(?:lives|living|is living|has lived) (?:with (?:his|her|their) (?:aunt|uncle|grandmother|grandfather|"
    r"grandparents|father|mother|dad|mum|nan|foster carers?)|elsewhere|independently)|special guardianship|"
    r"\bSGO\b|\badopted\b|in foster care|looked after by",
    regex.IGNORECASE,
)
_NOT_CHILDREN = regex.compile(r"\b(?:Juniors|Infants|Primary|Academy|School|Nursery)\b")
# "her younger cousin stays at weekends": a child known only by relationship.
_RELATION = regex.compile(
    r"\b(?:his|her|their|[\p{Lu}][\p{Ll}'’-]+['’]s)\s+(?:(?:younger|older|little|baby|twin|two)\s+)?"
    r"(?P<rel>cousins?|half-brothers?|half-sisters?|stepbrothers?|stepsisters?|step-brothers?|step-sisters?)\b"
    r"(?!,?\s+\p{Lu})",
)
_STAYS = regex.compile(r"\b(?:stays?|staying|stayed|visits|sleeps|shares|sharing|lives|living)\b")


@dataclass(frozen=True)
class _Child:
    label: str
    pattern: regex.Pattern[str]
    subject: bool = False


def _children(form: Form, text: str) -> list[_Child]:
    out: list[_Child] = []
    for member in form.people:
        minor = bool(member.age and is_minor(member.age, None))
        if member.professional or not (member.child or minor) or not member.name:
            continue
        if _NOT_CHILDREN.search(member.name) or member.name.split()[0] in ("Mr", "Mrs", "Ms"):
            continue
        pattern = compile_alternatives(name_alternatives(member, titles=None))
        if pattern is None:
            continue
        if not (member.subject or member.in_household or minor or _listed(form, pattern)):
            continue  # "Ms Heywood's sister, Lisa Barton": no age, and not in the family's details
        out.append(_Child(_label(member), pattern, member.subject))
    for match in _RELATION.finditer(text):
        sentence = text[text.rfind(".", 0, match.start()) + 1 : (text.find(".", match.end()) + 1) or None]
        if not _STAYS.search(sentence):
            continue
        rel = match.group("rel").rstrip("s")
        if not any(c.label.endswith(rel) for c in out):
            word = regex.escape(rel)
            out.append(_Child(f"the {rel}", regex.compile(rf"\b{word}s?\b", regex.IGNORECASE)))
    return out


def _listed(form: Form, pattern: regex.Pattern[str]) -> bool:
    """True when the person is first named in the form's details or family list."""
    where = _first(form, _Child("", pattern))
    return where is not None and _listing(where[0], where[1], id(where[0]) in _preamble(form))


def _label(member: Member) -> str:
    return f"{member.name} ({member.age})" if member.age else str(member.name)


def _listing(section: Section, sentence: Sentence, preamble: bool) -> bool:
    return section.kind in _LISTING_KINDS or preamble or bool(_FIELD.match(sentence.text))


def _considered(form: Form, child: _Child) -> bool | None:
    """True when a sentence about the child considers them; None when they live elsewhere."""
    considered = False
    preamble_ids = _preamble(form)
    for passage in passages(form, child.pattern, pronouns=_PRONOUNS):
        text = passage.sentence.text
        if passage.direct and _lives_elsewhere(child, text):
            return None
        if _listing(passage.section, passage.sentence, id(passage.section) in preamble_ids):
            continue
        if _CONSIDERED.search(text) or not passage.direct or _speaks(child, text):
            considered = True
    return considered


def _lives_elsewhere(child: _Child, text: str) -> bool:
    """The child is the one who lives elsewhere: "Kai lives with his aunt", not "Zara's
    grandmother lives with her uncle's family"."""
    for away in _ELSEWHERE.finditer(text):
        for mention in child.pattern.finditer(text, 0, away.start()):
            between = text[mention.end() : away.start()]
            if len(between) <= 40 and not regex.match(r"['’]s?\b", between):
                return True
    return False


def _speaks(child: _Child, text: str) -> bool:
    """The child is the one who speaks, wants or shows: the sentence is about them (it opens
    with their name), or the verb follows their name."""
    opening = child.pattern.match(text.lstrip(" -*•\t"))
    if opening and regex.search(rf"\b{_VOICE}", text):
        return True
    for mention in child.pattern.finditer(text):
        after = text[mention.end() : mention.end() + 40]
        if regex.match(
            rf"(?:\s*\([^)]{{0,20}}\))?(?:\s+(?:also|then|later|had|has|clearly|often))?\s+{_VOICE}", after
        ):
            return True
    return False


def _preamble(form: Form) -> set[int]:
    """Unrecognised sections before the first recognised one: the form's details."""
    out: set[int] = set()
    for section in form.sections:
        if section.kind is not None:
            break
        out.add(id(section))
    return out


def _first(form: Form, child: _Child) -> tuple[Section, Sentence] | None:
    for section in form.sections:
        for sentence in section.sentences:
            if child.pattern.search(sentence.text):
                return section, sentence
    return None


class WiderChildrenOverlooked(Rule):
    code = "C301"
    slug = "wider-children-overlooked"
    summary = "Other children in the household are named, but only the subject child is assessed."
    pattern = "3b"
    sources = ("S1", "S9", "S28")
    severity = Severity.WARNING
    why = (
        "In a child protection response attention goes to the most visible child and the presenting "
        "incident. Brothers, sisters and children who stay or visit live with the same adults and the "
        "same risks, and reviews find their needs, views and safety were never considered."
    )
    fix = (
        "For each other child in the household, say what the concerns mean for them: how they are, "
        "what they have seen or heard, their views if they are old enough to give them, and whether "
        "they need their own assessment or a place in the plan."
    )
    options: ClassVar[Mapping[str, Any]] = {}
    examples = (
        Example(
            "Household: Jade Cole (9), Tyler Cole (6), Ava Cole (5 months)\n\nANALYSIS\nJade said her "
            "stepfather hit her with a slipper. Jade was seen alone at school and is frightened to go home.",
            True,
            "only Jade is assessed; Tyler and Ava are listed and nothing more",
        ),
        Example(
            "Child: Nathan Okafor (14)\nLives with: Grace Okafor (mother), Precious Shaw (half-sister, 5)\n\n"
            "ANALYSIS\nNathan is at risk of criminal exploitation; he was found twice with adults known "
            "for supplying drugs.",
            True,
            "the half-sister is named in the household line only",
        ),
        Example(
            "Household: Jade Cole (9), Tyler Cole (6), Ava Cole (5 months)\n\nANALYSIS\nJade said her "
            "stepfather hit her. Tyler was not present during the incident, but describes hearing shouting "
            "at night. Ava (5 months) was observed to be well and settled with her mother.",
            False,
            "each child's situation is considered",
        ),
        Example(
            "Child: Freya Lomax (1)\nFamily: Kai Lomax (9), Freya's half-brother\n\nBACKGROUND\nKai lives "
            "with his aunt under a special guardianship order.\n\nANALYSIS\nFreya was left alone and was "
            "at serious risk.",
            False,
            "a sibling who lives elsewhere is out of scope",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        text = "\n".join(section.text for section in form.sections)
        children = _children(form, text)
        if len(children) < 2:
            return
        verdicts = {child.label: _considered(form, child) for child in children}
        if not any(verdicts.values()):
            return  # no child is assessed by name: another rule's concern
        for child in children:
            if child.subject or verdicts[child.label] is not False:
                continue
            where = _first(form, child)
            yield self.finding(
                f"{child.label[0].upper()}{child.label[1:]} is named as one of the children in the "
                "household, "
                "but nothing is recorded about their needs, views or safety. Say how the concerns affect "
                "them, what they have seen or heard and what they need.",
                section=where[0] if where else None,
                sentence=where[1] if where else None,
            )
