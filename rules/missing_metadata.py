"""S802 missing-metadata: the dates, worker, manager authorisation or child's age the form needs.

The facts are read from the form's typed metadata first and then, because forms put
several fields on one line ("Assessment started: 04/03/2024    Completed: 11/04/2024",
"**Social worker:** Tom Greaves | **Manager:** Funmi Adeyemi"), from every
"Label: value" pair in the form's text. :func:`read_facts` is shared with
``timescale-metadata`` (S803).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar

import regex

from formlint.dates import find_dates, parse_date
from formlint.finding import Finding, Severity
from formlint.model import DATE_FIELDS, Form
from formlint.rule import Context, Example, Rule

_I = regex.IGNORECASE

# "Label: value" pairs inside one block: the label starts a line or follows a field break
# (three spaces, a tab, a bar, a bullet, a Markdown bold marker or a semicolon).
_PAIR = regex.compile(
    r"(?:^|\n|\s{3,}|\t|\|\s*|·\s*|;\s+|(?<=\.)\s+|(?<=\S)\s+(?=\*\*))\**\s*"
    r"(?P<label>\p{L}[\p{L}'’/&()\-. ]{0,44}?)\s*\**\s*:\s*\**\s*"
    r"(?P<value>[^\n|\t]*?)\s*\**(?=\s{3,}|\t|\||\n|\s*·\s|\s+\*\*\p{L}|;\s+\p{L}[\p{L} ]{0,30}:|$)",
)

# A label's wording -> the fact it names. Checked in order; the first that matches wins.
_LABELS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (name, regex.compile(pattern, _I))
    for name, pattern in (
        ("child_dob", r"\b(?:date of birth|d\.?o\.?b|born)\b"),
        # "Review meeting held", "Review conference held": the meeting this version records.
        ("meeting_date", r"\b(?:held|took place)\b"),
        ("plan_date", r"\bplan\b.*\b(?:date|agreed|made|dated|start\w*|began)\b|\bdate of (?:the )?plan\b"),
        # "Previous review conference", "Last core group": the meeting before this one.
        (
            "previous_meeting",
            r"\b(?:previous|last|prior)\b.*\b(?:review|conference|meeting|core group|plan|taf)\b",
        ),
        # "Review conference: 15/10/2024" (no "next"): the review this record is for.
        ("meeting_date", r"^(?:date of )?(?:the )?review (?:child protection )?(?:conference|meeting)\b"),
        (
            "review_date",
            r"\b(?:next|review)\b.*\b(?:review|core group|conference|meeting|taf)\b|^review(?: date| due)?$"
            r"|\bdate of (?:the )?(?:next )?review\b|\breview (?:date|due|on)\b",
        ),
        (
            "referral_date",
            r"\b(?:referral|referred|contact)\b.*\b(?:date|received|on)\b"
            r"|^(?:date of )?(?:referral|contact)$",
        ),
        ("assessment_start", r"\b(?:start|started|commenced|began|opened)\b"),
        (
            "assessment_completed",
            r"\b(?:completed|completion|finished|concluded|authori[sz]ed on|date authori[sz]ed)\b",
        ),
        (
            "meeting_date",
            r"\b(?:conference|meeting|core group|mapping|strategy discussion)\b(?:.*\bdate\b)?$"
            r"|\bdate of (?:the )?(?:conference|meeting|core group|mapping)\b",
        ),
        (
            "authorised",
            r"^(?:date )?authori[sz]ed\b|\bsigned off\b|\bmanager(?:'s)? (?:sign[- ]off|authorisation)\b",
        ),
        (
            "manager",
            r"\b(?:manager|supervisor|team leader|practice lead|service lead|senior practitioner)\b",
        ),
        (
            "worker",
            r"\b(?:social worker|allocated worker|lead practitioner|lead professional|key worker|"
            r"report author|"
            r"completed by|practitioner|author|worker|assessed by|written by)\b",
        ),
        ("child_age", r"^(?:child's )?age\b"),
        (
            "child",
            r"^(?:the )?(?:child|children|young person|young people|subject child|child's name|"
            r"name of child)\b",
        ),
        (
            "family",
            r"^(?:family|household|family members|lives with|living with|family composition|parents?|mother|"
            r"father|carers?|main parent|siblings?|other adults)\b",
        ),
    )
)
# A child's age written after a name: "Kayden Moss (7)", "Freya Lomax, 11 months", "Reuben, 8, Year 4".
_AGE = regex.compile(
    r"(?:\(\s*(?:aged?\s*)?|,\s*|\baged?\s+)(?P<n>\d{1,2})\s*(?P<unit>years?|yrs?|months?|weeks?|days?)?(?=\s*[),]|\s*$|\s)"
    r"|\b(?P<n2>\d{1,2})[- ](?P<unit2>years?|months?|weeks?)(?:[- ]old)?\b|\b(?:unborn|pre-?birth|EDD|EDC)\b",
    _I,
)
_DOB_WORDS = regex.compile(r"\b(?:date of birth|d\.?o\.?b|born)\b", _I)


def names_child_age(text: str) -> bool:
    """True when ``text`` gives a child's age or birth: an age under 18, in months or weeks,
    "unborn", or a date of birth."""
    if _DOB_WORDS.search(text):
        return True
    for match in _AGE.finditer(text):
        number = match.group("n") or match.group("n2")
        unit = (match.group("unit") or match.group("unit2") or "").lower()
        if number is None or unit.startswith(("month", "week", "day")) or int(number) < 18:
            return True
    return False


@dataclass
class Facts:
    """What the form says about itself: dates, who wrote it, who authorised it, the child's age."""

    dates: dict[str, dt.date] = field(default_factory=dict)
    worker: str | None = None
    manager: str | None = None
    authorised: bool = False
    child_age_known: bool = False
    child_named: bool = False
    # The label or field each date was read from, for messages.
    sources: dict[str, str] = field(default_factory=dict)


def labelled_values(form: Form) -> Iterator[tuple[str, str]]:
    """Every (label, value) the form states: parsed fields first, then pairs in running text."""
    for section in form.sections:
        for block in section.blocks:
            if block.blank:
                continue
            if block.label:
                yield block.label, block.text.strip()
            for match in _PAIR.finditer(block.text):
                label, value = match.group("label").strip(" .*"), match.group("value").strip(" *")
                if value and len(label.split()) <= 6:
                    yield label, value


@cache
def label_fact(label: str) -> str | None:
    """The fact a label names ("Assessment started" -> ``assessment_start``), or None."""
    text = " ".join(label.replace("’", "'").split()).strip(" :*").lower()
    return next((name for name, pattern in _LABELS if pattern.search(text)), None)


def _leading_date(value: str) -> dt.date | None:
    """The date a field's value starts with ("14/10/2024", "On 3 May 2024 (late)"), not one
    mentioned deep inside a sentence."""
    found = find_dates(value)
    return found[0].date if found and found[0].start <= 12 else None


def read_facts(form: Form) -> Facts:
    """The form's metadata, completed from "Label: value" pairs the assembler did not type."""
    md = form.metadata
    facts = Facts(worker=md.worker, manager=md.manager)
    for name in DATE_FIELDS:
        value = getattr(md, name)
        if value is not None:
            facts.dates[name] = value
            facts.sources[name] = name.replace("_", " ")
    # A manager named in the details has not thereby authorised the form: that takes a dated
    # sign-off (below).
    facts.authorised = False
    children = [*md.children, *(m for m in form.people.subjects)]
    facts.child_named = bool(children)
    facts.child_age_known = (
        any(c.age or c.date_of_birth for c in md.children)
        or any(m.age or m.date_of_birth for m in form.people.subjects)
        or "child_dob" in md.other
        or "child_age" in md.other
    )
    sign_offs: list[tuple[dt.date, str]] = []
    for label, value in labelled_values(form):
        fact = label_fact(label)
        if fact is None:
            continue
        if fact in DATE_FIELDS or fact in ("authorised", "previous_meeting"):
            date = _leading_date(value)
            if fact == "authorised":
                # "Authorised: 19/06/2024" is the manager's sign-off and the assessment's end.
                facts.authorised = True
                fact = "assessment_completed"
            if date is not None and fact not in facts.dates:
                facts.dates[fact] = date
                facts.sources[fact] = label
        elif fact == "worker" and facts.worker is None and not _leading_date(value):
            facts.worker = value
        elif fact == "manager":
            if not _leading_date(value):
                facts.manager = facts.manager or value
            # "Manager: S Kettle 29/04/2024", "Supervisor's note: Agreed. CJ 18/03/2024", and a
            # manager's field holding only a date ("Manager authorised: 20/03/2025").
            signed = _signed_on(value) or (parse_date(value) if len(value) <= 20 else None)
            if signed is not None:
                facts.authorised = True
                sign_offs.append((signed, label))
        elif fact in ("child_dob", "child_age"):
            facts.child_age_known = True
        elif fact in ("child", "family"):
            facts.child_named = facts.child_named or fact == "child"
            if names_child_age(value) or (fact == "child" and parse_date(value)):
                facts.child_age_known = True
    if any(names_child_age(s.text) or find_dates(s.text) for s in form.sections_of("child_details")):
        facts.child_age_known = True
    for section in form.sections_of("manager_oversight"):
        # A dated entry ("10/10/2024 - I agree ...") or a signature with a date.
        signed = _leading_date(section.text[:12]) or _signed_on(section.text)
        if signed is not None:
            facts.authorised = True
            sign_offs.append((signed, section.heading or "manager's sign-off"))
    # The sign-off date completes an assessment that records no completion date; a plan or a
    # meeting record's sign-off only authorises it.
    if sign_offs and not (
        {"assessment_completed", "plan_date", "meeting_date", "review_date"} & set(facts.dates)
    ):
        facts.dates["assessment_completed"], facts.sources["assessment_completed"] = sign_offs[0]
    return facts


# What may stand between a signer's name and the date: a role in brackets, a comma, "on", "dated".
_BEFORE_DATE = regex.compile(
    r"(?<!\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|on|by|for|from|until|at)\s*)"
    r"(?:\p{Lu}[\p{L}'’-]*\.?\s*){1,4}(?:\([^)\n]{0,40}\)\s*|,\s*\p{L}[\p{L} '’-]{1,30})?,?\s*"
    r"(?:(?:on|dated|date)\s*:?\s*)?$"
)
_DATE_LABEL = regex.compile(r"\b(?:date|dated|signed|authori[sz]ed|agreed)\s*:?\s*$", _I)


def _signed_on(text: str) -> dt.date | None:
    """The date of a sign-off in ``text``: a name or initials followed by a date at the end of
    a line ("S Kettle 29/04/2024", "O. Belcher, 12/04/2024", "CJ 18/03/2024"), or a labelled
    date ("Date: 12/04/2024", "Authorised: 12/04/2024"). A date inside a sentence ("booked for
    24/07/2024") is not one."""
    for line in text.splitlines():
        for mention in reversed(find_dates(line)):
            after = line[mention.end :].strip(" .,;)*")
            before = line[: mention.start].rstrip(" *")
            # The date ends the line, or heads the manager's entry ("..., 30/08/2024: I have read").
            if after and not regex.fullmatch(r"\(?[\p{L} .'’-]{0,40}", after) and not after.startswith(":"):
                continue
            if _DATE_LABEL.search(before) or _BEFORE_DATE.search(before[-60:]):
                return mention.date
    return None


# What each form type needs, as groups of alternatives: any one field of a group will do.
_DATES: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "cfa": (
        ("the date the assessment started (or the referral date)", ("assessment_start", "referral_date")),
        ("the date the assessment was completed", ("assessment_completed",)),
    ),
    "cp_conference": (
        (
            "the date of the conference or of the report",
            ("meeting_date", "assessment_completed", "review_date", "plan_date", "assessment_start"),
        ),
    ),
    "plan": (
        ("the date of the plan or of the meeting that agreed it", ("plan_date", "meeting_date")),
        ("the next review date", ("review_date",)),
    ),
    "sos": (
        (
            "the date of the assessment or mapping",
            ("meeting_date", "assessment_start", "assessment_completed", "plan_date", "referral_date"),
        ),
    ),
    "eha": (
        (
            "the date the assessment started",
            ("assessment_start", "referral_date", "plan_date", "meeting_date"),
        ),
        ("the review date", ("review_date",)),
    ),
}
# A form that ends the plan needs no next review: "Review and Closure", "Case closed", "step down".
_CLOSING = regex.compile(
    r"\bclos(?:e|ed|es|ing|ure)\b|\bstep(?:ped|ping|s)?[- ]down\b|\bend(?:ed|ing|s)? (?:the|this) plan\b"
    r"|\bno further action\b|\bNFA\b",
    _I,
)
_REVIEW_FIELDS = frozenset({"review_date"})


def closes(form: Form) -> bool:
    """True when the form ends the plan or the case: its title, a heading or its decision says so."""
    heads = [form.metadata.title or "", *(s.heading for s in form.sections)]
    decided = [s.text for s in form.sections_of("decision", "recommendation", "manager_oversight")]
    return any(_CLOSING.search(t) for t in (*heads, *decided))


# A referral recorded without who made it: "The MASH received a referral on 27/06/2024", "A referral
# was received". A sentence naming the referrer ("Castlebrook Primary referred", "Ms Ward asked the
# front door for help", "referral from the GP") records the source.
_AGENTLESS_REFERRAL = regex.compile(
    r"\b(?:received|receives|was received|were received|came in with|logged)\s+(?:a|an|the)\s+"
    r"(?:\w+\s+)?referral\b(?!\s+(?:from|by)\b)"
    r"|\b(?:a|the)\s+referral\s+(?:was|has been)\s+(?:received|made|logged)\b(?!\s+(?:from|by)\b)",
    _I,
)
_NAMED_REFERRER = regex.compile(
    r"(?:^|[.!?]\s+)(?:\p{Lu}[\p{L}'’.-]*\s+){1,5}(?:staff\s+|manager\s+)?"
    r"(?:referred|asked|requested|contacted|shared|made a referral|raised)\b"
    r"|\breferr(?:al|ed)\s+(?:\w+\s+){0,3}(?:from|by)\s+\p{L}",
)


def referral_source_missing(form: Form) -> bool:
    """True when the referral is recorded but not who made it."""
    texts = [s.text for s in form.sections_of("referral")]
    texts += [v for label, v in labelled_values(form) if label_fact(label) == "referral_date"]
    agentless = any(_AGENTLESS_REFERRAL.search(t) for t in texts)
    return agentless and not any(_NAMED_REFERRER.search(t) for t in texts)


_NEEDS_MANAGER = frozenset({"cfa", "cp_conference", "eha", "plan", "sos"})
_WHERE = "in the form's details at the top"


class MissingMetadata(Rule):
    code = "S802"
    slug = "missing-metadata"
    summary = (
        "The form does not record a date it needs, the worker, the manager's authorisation or the "
        "child's age or date of birth."
    )
    pattern = "1a"
    sources = ("S24", "form-sections.md §8")
    severity = Severity.WARNING
    why = (
        "Without its dates a form cannot be placed in the case's history: nobody can tell whether a plan "
        "is overdue for review, how long an assessment took or which version is current. Without the "
        "worker and the authorising manager nobody can be asked about it, and without the child's age the "
        "reader cannot judge what the child could say, do or be expected to understand."
    )
    fix = (
        "Add the missing details to the form's details block as labelled fields, for example 'Assessment "
        "start: 03/09/2024', 'Date completed: 14/10/2024', 'Next review date: 20/01/2025', 'Social worker: "
        "…', 'Authorised by: … (team manager), 15/10/2024', 'Date of birth: 03/03/2016'."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Date groups per profile id: (description, (alternative metadata fields, ...)). Forms of a
        # profile not listed here (the generic one) are not checked.
        "dates": _DATES,
        # Profiles whose forms need a manager's authorisation (early help plans are often led by a
        # practitioner from another agency, so it is not asked of them by default).
        "manager_profiles": tuple(sorted(_NEEDS_MANAGER)),
        # Profiles (assessments) that must say who made the referral.
        "referral_source_profiles": ("cfa",),
    }
    examples = (
        Example(
            "CHILD IN NEED PLAN\nChild: Kian Mallory (11)\nSocial worker: Sophie Adeyemi\n"
            "Team manager: Gareth Lowe\n"
            "Plan date: 15/04/2024\n\nPLAN\n1. Sophie to visit Kian every four weeks from 22/04/2024.",
            True,
            "a plan with no next review date",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\nChild: Ellie Ward (8)\nSocial worker: Karen Bright\n"
            "Assessment start: 02/09/2024\n\nANALYSIS\nEllie's hitting has grown since her brother was born.",
            True,
            "an assessment with no completion date and no manager's authorisation",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\n\nChild's name: Ellie Ward\nDate of birth: 03/03/2016\n"
            "Allocated worker: Karen Bright\nManager: Simon Ojo\nAssessment start: 02/09/2024\n"
            "Date completed: 14/10/2024\n\nANALYSIS\nEllie's hitting has grown since her brother was "
            "born.\n\nMANAGER'S COMMENTS\nAgreed: the school's account and the visits match. "
            "S Ojo 15/10/2024",
            False,
            "every detail in labelled fields",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\nChildren: Kayden Moss (7), Ruby Moss (4)\n"
            "Social worker: Priya Natarajan\n"
            "Team manager: Owen Belcher\nAssessment started: 04/03/2024    Completed: 11/04/2024\n\n"
            "ANALYSIS\nKayden is frightened of his father's drinking.\n\nMANAGER'S COMMENTS\nAgreed. "
            "O. Belcher, 12/04/2024.",
            False,
            "two dates on one line, ages in brackets after the names",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        facts = read_facts(form)
        profile = form.profile or "common"
        table = dict(self.option(context, "dates"))
        if profile not in table:
            # The generic profile: the form's type (and so what it should record) is unknown, and
            # the text may be an excerpt rather than a whole form. Nothing is asked of it.
            return
        groups = table[profile]
        missing: list[str] = []
        closing = closes(form)
        for description, alternatives in groups:
            if closing and set(alternatives) <= _REVIEW_FIELDS:
                continue  # a closing record has no next review
            if not any(name in facts.dates for name in alternatives):
                missing.append(description)
        if profile in self.option(context, "referral_source_profiles") and referral_source_missing(form):
            missing.append("who made the referral")
        if not facts.worker:
            missing.append("the worker who wrote it")
        if profile in self.option(context, "manager_profiles") and not facts.authorised:
            missing.append("the manager who authorised it")
        if not facts.child_age_known:
            missing.append("the child's date of birth or age")
        for item in missing:
            yield self.finding(
                f"The form does not record {item}. Add it {_WHERE} as a labelled field.",
                suggestion=self._suggestion(item),
            )

    def _suggestion(self, item: str) -> str:
        examples = {
            "the next review date": "'Next review date: 20/01/2025'",
            "the review date": "'Review date: 20/01/2025'",
            "the date the assessment was completed": "'Date completed: 14/10/2024'",
            "the worker who wrote it": "'Social worker: <name>'",
            "the manager who authorised it": "'Authorised by: <name> (team manager), <date>'",
            "the child's date of birth or age": "'Date of birth: 03/03/2016' (or the age, or 'unborn, EDD')",
            "who made the referral": "'Referred by: Castlebrook Primary (designated safeguarding lead)'",
        }
        example = examples.get(item, "'Date: 03/09/2024' with a label that says what the date is")
        return f"Record {item}, for example {example}."
