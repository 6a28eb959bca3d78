"""S803 timescale-metadata: how long the work took, in working days, as context for the reader.

Working days leave out Saturdays, Sundays and the bank holidays of England and Wales,
taken from the ``holidays`` package (python-holidays), which computes them by rule and
carries the one-off days (jubilees, the 2022 state funeral, the 2023 coronation); no
list is typed here. England's and Wales's calendars are the same in every year the
package knows; the ``region`` option takes the package's subdivision code ("ENG",
"WLS", "SCT", "NIR").

Counting: the start date is day 0 and the completion date is counted, so an assessment
started on a Monday and completed on the Friday of the same week took 4 working days.
This is reported as information only, never as a verdict: seed pattern 2b warns that
performance indicators borrowed as targets can displace thinking.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

import regex

from formlint.dates import parse_date
from formlint.finding import Finding, Severity
from formlint.model import Form
from formlint.rule import Context, Example, Rule
from formlint_rules.missing_metadata import Facts, labelled_values, read_facts

_I = regex.IGNORECASE
_EXTENSION = regex.compile(r"\b(?:extension|extended|timescale (?:was )?(?:agreed|extended)|exceeded)\b", _I)
_STATUS = regex.compile(r"^(?:assessment )?(?:status|stage)$", _I)
_COMPLETE = regex.compile(r"^(?:complete|completed|closed|authorised|finished)\b", _I)
_PROTECTION = regex.compile(r"\bprotection\b|\bconference\b|\bcp\b", _I)


@cache
def _bank_holidays(region: str, first: int, last: int) -> frozenset[dt.date]:
    import holidays  # imported here: only this rule needs it, and start-up stays fast

    calendar = holidays.country_holidays("GB", subdiv=region, years=range(first, last + 1))
    return frozenset(calendar.keys())


# "A strategy discussion was held on 10/09/2024", "Strategy discussion: 03/03/2025",
# "13/08/2024 – strategy discussion; section 47 enquiry." (a chronology line)
_STRATEGY = regex.compile(
    r"strategy (?:discussion|meeting)\W{0,3}(?:(?:was|were)\s+)?(?:(?:held|took place|convened|on|dated)\s+)*"
    r"(?P<after>\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"|(?P<before>\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*(?:[-–—:]\s*|\s)(?:[^.;\n]{0,30}?)"
    r"strategy (?:discussion|meeting)",
    regex.IGNORECASE,
)


def _strategy_discussion(form: Form) -> dt.date | None:
    """The date of the strategy discussion the form records, the earliest if several."""
    found = []
    for section in form.sections:
        for match in _STRATEGY.finditer(section.text):
            date = parse_date(match.group("after") or match.group("before"))
            if date is not None:
                found.append(date)
    return min(found) if found else None


def working_days(start: dt.date, end: dt.date, *, region: str = "ENG") -> int:
    """Working days after ``start`` up to and including ``end`` (Monday to Friday, not bank holidays).

    Negative when ``end`` is before ``start``.
    """
    if end < start:
        return -working_days(end, start, region=region)
    off = _bank_holidays(region, start.year, end.year)
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            count += 1
    return count


def _months_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / (365.25 / 12)


def _uk(date: dt.date) -> str:
    return date.strftime("%d/%m/%Y")


class TimescaleMetadata(Rule):
    code = "S803"
    slug = "timescale-metadata"
    summary = (
        "Reports how many working days the assessment took, and how far ahead the next review is, as context."
    )
    pattern = "2b"
    sources = ("S24", "Working Together to Safeguard Children 2023")
    severity = Severity.INFO
    why = (
        "A reader weighing an assessment needs to know how long it took: one finished in three days may "
        "have had no time to see the child alone, and one that ran to day 63 may have drifted. Working "
        "Together sets 45 working days from referral as the maximum for a child and family assessment, "
        "and no more than 6 months between review conferences. The figure is context, not a target: "
        "indicators that become targets displace thinking (seed pattern 2b), so this rule only informs. "
        "It is information-level. It reports, where both dates are recorded: an assessment's working days "
        "from start (or referral) to completion, with the manager's dated sign-off standing in for a missing "
        "completion date and the plan date completing an assessment-and-plan form; a conference report's "
        "or mapping's working days from the assessment start, referral or previous conference to the "
        "meeting (for an initial conference, from the strategy discussion, dated in the details or the "
        "narrative, against the 15 working days Working Together expects); and for conference reports the "
        "months to the next review. Plans and plan reviews, which "
        "record only a start and a review date, get nothing."
    )
    fix = (
        "Nothing to correct. If the assessment took longer than the local or statutory timescale, record "
        "why (for example waiting for a specialist report) and who agreed the extension; if a date is "
        "missing, add it to the form's details."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # The bank-holiday calendar: a ``holidays`` subdivision of GB ("ENG", "WLS", "SCT", "NIR").
        "region": "ENG",
        # Working days from referral or start to completion for a child and family assessment.
        "assessment_working_days": 45,
        # Working days from the strategy discussion to an initial child protection conference.
        "conference_working_days": 15,
        # Longest gap, in months, from one child protection conference or plan to its next review.
        "review_months": 6,
        # Profiles whose start-to-completion time is compared with the assessment timescale.
        "assessment_profiles": ("cfa",),
        # Profiles whose forms have no start-to-completion time to report (plans and plan reviews).
        "no_duration_profiles": ("plan",),
    }
    examples = (
        Example(
            "CHILD AND FAMILY ASSESSMENT\nChild: Ellie Ward (8)\nAssessment start: 02/09/2024\n"
            "Date completed: 14/10/2024\n\nANALYSIS\nEllie's hitting has grown since Finn was born.",
            True,
            "30 working days from start to completion, reported as context",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\nChild: Ellie Ward (8)\nDate of referral: 01/07/2024\n"
            "Date completed: 25/09/2024\n\nANALYSIS\nEllie's hitting has grown since Finn was born.",
            True,
            "61 working days from referral, beyond the 45-working-day timescale",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\nChild: Ellie Ward (8)\nAssessment start: 02/09/2024\n\n"
            "ANALYSIS\nEllie's hitting has grown since Finn was born.",
            False,
            "no completion date: nothing to count (missing-metadata reports the gap)",
        ),
        Example(
            "REPORT TO INITIAL CHILD PROTECTION CONFERENCE\nChild: Leon Price (9)\nConference date: "
            "18/07/2024\n\nREASON FOR CONFERENCE\nA strategy discussion was held on 24/06/2024 and a "
            "section 47 enquiry began the same day.",
            True,
            "18 working days from the strategy discussion to the conference, beyond the 15 expected",
        ),
        Example(
            "CHILD PROTECTION PLAN\nChild: Leo Grant (4)\n\nPLAN\n1. Health visitor to weigh Leo every two "
            "weeks.",
            False,
            "no dates at all",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        facts = read_facts(form)
        region = str(self.option(context, "region"))
        yield from self._assessment(form, facts, region, context)
        yield from self._review_gap(form, facts, context)

    def _assessment(self, form: Form, facts: Facts, region: str, context: Context) -> Iterator[Finding]:
        if form.profile in self.option(context, "no_duration_profiles"):
            return  # a plan has a start and a review date, not a start and a completion
        end = facts.dates.get("assessment_completed")
        if end is None and "assessment_start" in facts.dates:
            # An assessment and plan completes when the plan is agreed.
            end = facts.dates.get("plan_date")
        if end is None and form.profile in ("cp_conference", "sos"):
            end = facts.dates.get("meeting_date")  # the conference or mapping concludes the work
        start_field = next(
            (f for f in ("assessment_start", "referral_date", "previous_meeting") if f in facts.dates),
            "assessment_start",
        )
        start = facts.dates.get(start_field)
        if start is None and form.profile == "cp_conference":
            # An initial conference is timed from the strategy discussion, which the report
            # usually dates in its narrative or chronology rather than in its details.
            start = _strategy_discussion(form)
            start_field = "strategy_discussion" if start else start_field
            meeting = facts.dates.get("meeting_date")
            if start is not None and meeting is not None and meeting > start:
                end = meeting  # timed to the conference, not to the report's own date
                start_field = "strategy_to_conference"
        if end is None:
            marked = any(
                _STATUS.match(label) and _COMPLETE.match(value) for label, value in labelled_values(form)
            )
            if start is not None and marked:
                yield self.finding(
                    f"The form is marked complete but gives no completion date, so the time from "
                    f"{'start' if start_field == 'assessment_start' else 'referral'} ({_uk(start)}) "
                    "cannot be "
                    "worked out. Add the completion date.",
                )
            return
        if start is None:
            return
        days = working_days(start, end, region=region)
        what = {
            "assessment_start": "start",
            "referral_date": "referral",
            "strategy_discussion": "the strategy discussion",
            "strategy_to_conference": "the strategy discussion",
        }.get(start_field, "previous meeting")
        if days < 0:
            yield self.finding(
                f"The completion date ({_uk(end)}) is before the {what} date ({_uk(start)}): "
                "check both dates.",
                severity=Severity.INFO,
            )
            return
        if start_field == "strategy_to_conference":
            message = (
                f"{days} working days from the strategy discussion ({_uk(start)}) to the conference "
                f"({_uk(end)})."
            )
            conference_limit = int(self.option(context, "conference_working_days"))
            if days > conference_limit:
                message += (
                    f" Working Together expects an initial conference within {conference_limit} working "
                    "days of the strategy discussion: record the reason for the delay."
                )
            yield self.finding(message)
            return
        message = f"{days} working days from {what} ({_uk(start)}) to completion ({_uk(end)})."
        limit = int(self.option(context, "assessment_working_days"))
        if form.profile in self.option(context, "assessment_profiles") and days > limit:
            message += (
                f" That is beyond the {limit}-working-day timescale for a child and family assessment"
                + (
                    " (counted from the start date; the timescale runs from referral)"
                    if what == "start"
                    else ""
                )
                + "."
            )
            if any(_EXTENSION.search(s.text) for s in form.sections):
                message += " An extension or a reason for the delay is mentioned in the form."
            else:
                message += " Record why it took longer and who agreed it."
        yield self.finding(message)

    def _review_gap(self, form: Form, facts: Facts, context: Context) -> Iterator[Finding]:
        if form.profile != "cp_conference":
            return  # a plan's review interval is the plan's business, not a duration
        review = facts.dates.get("review_date")
        origin_field = next((f for f in ("meeting_date", "plan_date") if f in facts.dates), None)
        if review is None or origin_field is None:
            return
        origin = facts.dates[origin_field]
        if review <= origin:
            return
        months = _months_between(origin, review)
        what = "meeting" if origin_field == "meeting_date" else "plan"
        shown = f"{months:.1f}".rstrip("0").rstrip(".")
        message = f"The next review ({_uk(review)}) is {shown} months after the {what} ({_uk(origin)})."
        limit = int(self.option(context, "review_months"))
        title = form.metadata.title or ""
        if _PROTECTION.search(title) and months > limit + 0.25:
            message += (
                f" That is longer than the {limit} months allowed between child protection reviews; "
                "record the reason."
            )
        yield self.finding(message)
