"""A405 overestimated-service-remit: monitoring handed to another agency with no agreement and no task."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form
from formlint.plan import PlanAction
from formlint.rule import Context, Example, Rule
from formlint_rules.lexicon import entries


@cache
def _lexicon(name: str) -> regex.Pattern[str]:
    return regex.compile(r"\b(?:" + "|".join(f"(?:{e})" for e in entries(name)) + r")\b", regex.IGNORECASE)


# "has agreed", "agreed at core group 3/5", "confirmed by the DSL": the agency took the task on.
_AGREED = regex.compile(
    r"\b(?:agreed|agrees|has agreed|have agreed|confirmed|consented|accepted|offered)\b"
    r"|\bat (?:the )?core group\b",
    regex.IGNORECASE,
)
# "... and tell the social worker the same day if he has no food": a trigger and a response.
_TRIGGER = regex.compile(r"\b(?:if|when|whenever|should|unless|any time)\b", regex.IGNORECASE)
# Something that can be seen and counted, and how often it will be looked at.
_OBSERVABLE = regex.compile(
    r"\b(?:attendance|absen\w+|late\w*|punctuality|weigh\w*|weight|height|centile|growth|lunch\w*|food|"
    r"hungry|marks?|bruis\w+|injur\w+|hygiene|clothing|uniform|appointments?|medication|prescription|"
    r"tests?|disclos\w+|behaviour log|incidents?)\b",
    regex.IGNORECASE,
)
_FREQUENCY = regex.compile(
    r"\d|\b(?:daily|weekly|fortnightly|monthly|termly|every|each|same day|per (?:day|week|month)|"
    r"once|twice|at (?:each|every))\b",
    regex.IGNORECASE,
)
# A standard safeguarding duty, not a task the plan invented: "in line with its procedures".
_STANDARD_DUTY = regex.compile(
    r"\b(?:in line with|in accordance with|as per|under|following|through) (?:its|their|the|school's|"
    r"nursery's|usual|normal|statutory)? ?(?:\w+ )?"
    r"(?:safeguarding|child protection|usual|universal|statutory)"
    r"(?: \w+)? (?:procedures?|polic(?:y|ies)|duties|duty|role|responsibilities|processes)\b",
    regex.IGNORECASE,
)


def agency_of(action: PlanAction) -> str | None:
    """The universal or partner agency the action hands the task to, if any."""
    if action.owner:
        found = _lexicon("overestimated_service_remit").search(action.owner)
        return found.group() if found else None
    # "Tommy's weight will be monitored at nursery": no owner, but the place says who.
    agencies = "|".join(f"(?:{e})" for e in entries("overestimated_service_remit"))
    where = regex.search(
        rf"\b(?:at|by)\s+(?:the\s+)?(?:[\w-]+'s\s+)?(?P<who>{agencies})\b", action.text, regex.IGNORECASE
    )
    return where.group("who") if where else None


def is_specific(text: str) -> bool:
    """A task the agency can do and be checked on: a trigger with a response, or something
    observable looked at with a stated frequency."""
    return bool(_TRIGGER.search(text)) or bool(_OBSERVABLE.search(text) and _FREQUENCY.search(text))


class OverestimatedServiceRemit(Rule):
    code = "A405"
    slug = "overestimated-service-remit"
    summary = (
        "Monitoring is handed to a school, nursery, health visitor, GP or police with no recorded "
        "agreement or specific task."
    )
    pattern = "4c"
    severity = Severity.INFO
    why = (
        "Seed pattern 4c: professionals overestimate the remit of other agencies' services. A plan "
        "that says 'school will monitor' or 'the GP will keep an eye on' assumes a role the agency "
        "may not know it has, or may not see as theirs, and gives it nothing to look for or do; "
        "case reviews find each agency believing another was watching."
    )
    fix = (
        "Record that the agency has agreed the task (who, and when), and say what they will check, "
        "how often and what they will do if they see it: 'School (DSL Mrs Ali, agreed at core group "
        "3/5) will check Kai's lunchbox daily and tell the social worker the same day if he has no food'."
    )
    examples = (
        Example("PLAN\n1. School will monitor Kai.", True, "open-ended monitoring handed to a school"),
        Example(
            "PLAN\n1. GP to keep an eye on mum's mental health.",
            True,
            "nothing to look for, and no agreement recorded",
        ),
        Example(
            "SAFETY PLAN\n1. Health visitor will monitor the home conditions.",
            True,
            "vague monitoring in a safety plan",
        ),
        Example(
            "PLAN\n1. School (DSL Mrs Ali, agreed at core group 3/5) will check Kai's lunchbox daily and "
            "report the same day if he has no food.",
            False,
            "agreed, with a specific daily check and a trigger",
        ),
        Example(
            "PLAN\n1. GP (Dr Patel) has agreed to review mum's medication monthly and tell the social "
            "worker if she misses an appointment.",
            False,
            "the GP's agreement is recorded",
        ),
        Example(
            "PLAN\n1. Health visitor will complete the 9–12 month review (booked 14/6) and share Ava's "
            "weight and development findings.",
            False,
            "a specific piece of the agency's own work, not open-ended monitoring",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        sections = {(s.kind, s.heading): s for s in form.sections}
        for action in form.actions:
            text = " ".join(t for t in (action.text, action.outcome or "") if t)
            vague = _lexicon("overestimated_service_remit_vague").search(action.text)
            if vague is None or _AGREED.search(text) or _STANDARD_DUTY.search(text) or is_specific(text):
                continue
            agency = agency_of(action)
            if agency is None:
                continue
            yield self.finding(
                f"Monitoring is handed to {agency} ('{vague.group()}') with no record that they agreed "
                f"it and nothing specific to look for: '{action.text}'. Record who in that agency agreed "
                "the task, and say what they will check, how often and what they will do if they see it.",
                section=sections.get((action.kind, action.heading)),
                text=action.text,
                location=action.location,
                severity=Severity.INFO,
            )
