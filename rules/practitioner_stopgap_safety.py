"""M204 practitioner-stopgap-safety: safety rests on a practitioner's open-ended informal monitoring."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.dates import find_dates
from formlint.finding import Finding, Severity
from formlint.model import Form
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import pattern

LEXICON = "practitioner_stopgap_safety"
_SHORT_DATE = regex.compile(
    r"\b\d{1,2}/\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b",
    regex.IGNORECASE,
)
_CP = regex.compile(r"\b(?:child protection|CP plan|ICPC|RCPC|protection conference)\b", regex.IGNORECASE)


def stopgap(text: str) -> regex.Match[str] | None:
    """The open-ended words of a practitioner's monitoring arrangement with no end or review point."""
    if not (pattern(LEXICON, "practitioner").search(text) and pattern(LEXICON, "monitoring").search(text)):
        return None
    open_ended = pattern(LEXICON, "open_ended").search(text)
    if open_ended is None or pattern(LEXICON, "bounded").search(text):
        return None
    if find_dates(text) or _SHORT_DATE.search(text):
        return None
    return open_ended


def _dated_in_table(form: Form, text: str) -> bool:
    """The arrangement is a plan-table row whose date column gives it an end."""
    for action in form.actions:
        words = " ".join(action.text.split())
        when = action.timescale
        if (text in words or words in text) and when and (find_dates(when) or _SHORT_DATE.search(when)):
            return True
    return False


def _is_cp(form: Form) -> bool:
    title = form.metadata.title or (form.sections[0].heading if form.sections else "")
    return form.profile == "cp_conference" or bool(_CP.search(title or ""))


class PractitionerStopgapSafety(Rule):
    code = "M204"
    slug = "practitioner-stopgap-safety"
    summary = (
        "The child's safety rests on a practitioner's informal, open-ended monitoring (extra visits, "
        "'keeping an eye') while a service is awaited, with no end date or review point."
    )
    pattern = "2a"
    severity = Severity.INFO
    why = (
        "Seed pattern 2a (resource-demand mismatch): when expert assessments and services are hard to get, "
        "practitioners 'create safety' themselves with extra visits and informal checks. These stop-gaps are "
        "well meant but open-ended: nobody decides when they end, whether they are enough, or what "
        "happens if "
        "the awaited service never comes."
    )
    fix = (
        "Give the arrangement a frequency, an end date and a review point, and say what it is for: 'Social "
        "worker to visit weekly, unannounced, until 31/7, when the core group will review whether this is "
        "still needed'."
    )
    options: ClassVar[Mapping[str, Any]] = {
        "sections": ("plan_actions", "safety_plan"),
    }
    examples = (
        Example(
            "PLAN\n1. The social worker will visit as often as possible until the perpetrator "
            "programme starts.",
            True,
            "open-ended visits standing in for a service",
        ),
        Example(
            "SAFETY PLAN\nFamily support worker to pop in daily to check on the children while we wait for "
            "respite.",
            True,
            "daily, but with no end while respite is awaited",
        ),
        Example(
            "PLAN\n1. Health visitor will keep an eye on baby until the parenting assessment can start.",
            True,
            "'keep an eye' until an awaited assessment",
        ),
        Example(
            "PLAN\n1. Social worker to visit weekly, unannounced, until 31/7, when the core group "
            "will review "
            "whether this is still needed.",
            False,
            "an end date and a review point",
        ),
        Example(
            "SAFETY PLAN\nDaily check-ins by the family support worker for two weeks (to 14/6) while "
            "mother's "
            "medication is reviewed (GP appointment 7/6).",
            False,
            "time-limited",
        ),
        Example(
            "PLAN\n1. Visits will be at least every 10 working days, in line with the child protection plan.",
            False,
            "statutory visiting frequency",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        kinds = tuple(self.option(context, "sections"))
        severity = Severity.WARNING if _is_cp(form) else None
        seen: set[str] = set()
        for section in form.sections_of(*kinds):
            for sentence in section.sentences:
                found = stopgap(sentence.text)
                text = " ".join(sentence.text.split())
                if found is None or text in seen or _dated_in_table(form, text):
                    continue
                seen.add(text)
                yield self.finding(
                    f"Safety rests on open-ended monitoring by a practitioner ('{found.group()}') with no "
                    f'end date or review point: "{text}" Say how often, until when, and when it will be '
                    "reviewed.",
                    section=section,
                    sentence=sentence,
                    severity=severity,
                )
