"""J601 unrevised-plan: a plan not revised when it should have been.

Three cases: re-issued unchanged after new information (needs a previous
version), left past its review date, or dated before an incident it never took
into account. One finding per form: the strongest case, naming any others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from formlint.dates import find_dates, find_month_years
from formlint.finding import Finding, Severity
from formlint.model import Form, Section
from formlint.rule import Context, Example, Rule
from formlint_rules.plan_dates import DatedCue, dated_cues, plan_date
from formlint_rules.plan_events import Event, events, kept_with_reason, review_record, revisions
from formlint_rules.plan_versions import compare, plan_sections

# In a plan item, a date after one of these words records when the item was put in
# ("(agreed 02/06/2024)", "increased from four-weekly on 02/06/2024").
_ITEM_CHANGE = regex.compile(
    r"\b(?:agreed|added|amended|revised|updated|increased|reduced|changed|introduced|new)\b[^.;\n]{0,25}$",
    regex.IGNORECASE,
)


_EVENT_RANK = {"incident": 0, "household change": 1, "new concern": 2}
_COMMON = frozenset("that this with from have been were when what they their there about which would".split())


def _d(date: dt.date) -> str:
    return date.strftime("%d/%m/%Y")


def _content_words(text: str) -> set[str]:
    return {w for w in regex.findall(r"[^\W\d_]{4,}", text.casefold()) if w not in _COMMON}


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Case:
    """One of the three ways a plan goes unrevised, with what to say and where."""

    name: str
    message: str
    section: Section | None
    text: str


class UnrevisedPlan(Rule):
    code = "J601"
    slug = "unrevised-plan"
    summary = (
        "A plan re-issued unchanged although something new happened, left past its review date, "
        "or dated before an incident it never took into account."
    )
    pattern = "1c"
    sources = ("S1", "S3", "S4", "S5", "S27", "S31", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "Plans should be revised whenever the picture changes, not only at scheduled reviews. The "
        "case management cycle of assessment, planning, intervention and review can make revision "
        "feel like an interruption, so plans are re-signed rather than re-thought (seed pattern 1c; "
        "also 4a, assessment and planning treated as a one-off event rather than an ongoing "
        "process). Case reviews and inspections find plans copied forward after a new incident, "
        "reviews that never happened, and judgements that were slow to change in the light of new "
        "information."
    )
    fix = (
        "Look at the plan again in the light of what has happened: change the actions and the "
        "contingency to deal with it, or, if the plan still fits, record that it was reviewed, when "
        "and by whom, and why each action still holds. If a review date has passed, record the "
        "review or set a new date with the reason for the delay."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Dates and numbering are ignored: a plan re-issued with only its dates moved on is "unchanged".
        "unchanged_similarity": 0.9,
        "plan_sections": ("plan_actions", "contingency", "safety_plan"),
        # A review held up to this many days before its due date still counts as that review.
        "review_early_days": 14,
    }
    examples = (
        Example(
            "CHILD IN NEED PLAN - REVIEW\nReview meeting held: 20/05/2024\n\n"
            "CHANGES SINCE THE LAST PLAN\nOn 14/05/2024 police were called after Mr Bell cut "
            "Ms Bell's forehead.\n\nACTIONS\n1. Family support worker to visit weekly.\n"
            "2. Social worker to visit every four weeks.\n3. Plan to be reviewed on 19/08/2024.",
            True,
            "(a) the plan is copied from the previous version although a new incident is recorded",
            previous=(
                "CHILD IN NEED PLAN\nPlan date: 28/02/2024\n\nACTIONS\n1. Family support worker to visit "
                "weekly.\n2. Social worker to visit every four weeks.\n3. Plan to be reviewed on 20/05/2024."
            ),
        ),
        Example(
            "CHILD PROTECTION PLAN - REVIEW\nReview conference held: 14/05/2024\n\n"
            "REVIEW OF THE PLAN\nThe core group went through each action at the review. We agreed "
            "to keep the plan unchanged because it is working: all breath tests were negative.\n\n"
            "PLAN\n1. Ms Fox to attend the recovery service weekly.\n2. Carys to visit daily.",
            False,
            "the plan is unchanged, but the form records the review and why the plan still fits",
            previous=(
                "CHILD PROTECTION PLAN\nPlan date: 14/02/2024\n\nPLAN\n1. Ms Fox to attend the recovery "
                "service weekly.\n2. Carys to visit daily."
            ),
        ),
        Example(
            "EARLY HELP PLAN\nPlan date: 05/02/2024\nReview date: 06/05/2024\n\n"
            "PLAN\n1. Visual timetable for mornings (Mrs Doyle).\n2. School nurse referral.",
            True,
            "(b) the review date has passed and nothing records that the review took place",
            as_of=dt.date(2024, 6, 10),
        ),
        Example(
            "EARLY HELP PLAN\nPlan date: 05/02/2024\nReview date: 06/05/2024\n\n"
            "PLAN\n1. Visual timetable for mornings (Mrs Doyle).\n2. School nurse referral.\n\n"
            "REVIEW\nThe plan was reviewed at a family meeting on 07/05/2024: the timetable is working "
            "and the school nurse has seen Callum.",
            False,
            "the review date has passed, but the review is recorded",
            as_of=dt.date(2024, 6, 10),
        ),
        Example(
            "CHILD IN NEED PLAN\nPlan date: 01/04/2024\nNext review: 01/07/2024\n\n"
            "PLAN\n1. Mentor at school weekly.\n\n"
            "UPDATE\n20/04/2024: Tayla was taken to hospital by ambulance after taking tablets. "
            "No changes have been made to the plan.",
            True,
            "(c) an incident after the plan's date, and nothing revises the plan",
        ),
        Example(
            "CHILD PROTECTION PLAN\nPlan date: 03/05/2024\nNext review: 03/08/2024\n\n"
            "UPDATE\nOn 19/05/2024 police were called after Mr Hart forced his way in. The core group "
            "met on 21/05/2024 and the plan was amended: Mr Hart not to come to the house.\n\n"
            "PLAN\n1. Mr Hart not to come to the family home (added 21/05/2024).",
            False,
            "an incident after the plan's date, with the plan revised because of it",
        ),
        Example(
            "CIN REVIEW\nDate of review: 20/05/2024\nNext review date: 19/08/2024\n\n"
            "PROGRESS SINCE LAST REVIEW\nAttendance is up to 94%.\n\nPLAN\n1. Mentor weekly.",
            False,
            "a review record whose review date is the date of the review itself",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        as_of = context.as_of
        cues = dated_cues(form)
        plans = plan_sections(form, self.option(context, "plan_sections"))
        record = review_record(form) or next((c.cue for c in cues if c.kind == "review_held"), None)
        # The near miss the definition names: an unchanged plan that was reviewed,
        # with the reason it still fits.
        explained = kept_with_reason(form) if record else None
        cases: list[Case] = []
        if explained is None:
            cases += self._unchanged(form, plans, context)
            cases += self._predates_incident(form, plans, cues, as_of)
        cases += self._review_passed(form, cues, record, context)
        if not cases:
            return
        first, others = cases[0], cases[1:]
        message = first.message
        if others:
            message += " Also: " + " ".join(c.name for c in others) + "."
        yield self.finding(message, section=first.section, text=first.text)

    # (a) plan-unchanged-from-previous
    def _unchanged(self, form: Form, plans: list[Section], context: Context) -> list[Case]:
        if not context.previous or not plans:
            return []
        previous = context.previous[-1]
        before = plan_sections(previous, self.option(context, "plan_sections"))
        if not before:
            return []
        comparison = compare(plans, before)
        if not comparison.unchanged(float(self.option(context, "unchanged_similarity"))):
            return []
        since = plan_date(previous, dated_cues(previous), context.as_of)
        since_date = since.date if isinstance(since, DatedCue) else since
        news = self._new_information(form, previous, plans, since_date, context.as_of)
        if news is None:
            return []
        if comparison.copied == comparison.items == 1:
            copied = "its one item is copied word for word"
        elif comparison.copied == comparison.items:
            copied = f"all {comparison.items} plan items are copied word for word"
        elif comparison.copied:
            copied = f"{comparison.copied} of {comparison.items} plan items are copied word for word"
        else:
            copied = "the plan text is the same"
        when = f" ({_d(news.date)})" if news.date else ""
        message = (
            f"Plan unchanged from the previous version: {copied} (similarity "
            f"{comparison.similarity:.0%}, dates aside), although this version records {_a(news.kind)}"
            f"{when} under '{news.section.heading}': \"{_quote(news.text)}\" Nothing records that the "
            "plan was reconsidered in the light of it."
        )
        return [Case("the plan is unchanged from the previous version", message, plans[0], news.text)]

    @staticmethod
    def _new_information(
        form: Form, previous: Form, plans: list[Section], since: dt.date | None, as_of: dt.date
    ) -> Event | None:
        """The strongest event in this version that the previous one did not record:
        an incident before a household change before a new concern, dated before undated."""
        old = [_content_words(s.text) for s in previous.sentences()]
        others = [s for s in form.sections if s not in plans]
        news = []
        for event in events(others, as_of):
            # Dated no later than the previous plan (to the day, or only to the month): not news.
            months = [m.last_day for m in find_month_years(event.text)]
            when = event.date or (max(months) if months else None)
            if when is not None and since is not None and when <= since:
                continue
            # Reworded history is not news: most of its words are in one earlier sentence.
            words = _content_words(event.text)
            if words and any(len(words & before) >= 0.6 * len(words) for before in old):
                continue
            news.append(event)
        return min(news, key=lambda e: (_EVENT_RANK.get(e.kind, 9), e.date is None), default=None)

    # (c) plan-predates-incident
    def _predates_incident(
        self, form: Form, plans: list[Section], cues: list[DatedCue], as_of: dt.date
    ) -> list[Case]:
        made = plan_date(form, cues, as_of)
        if made is None:
            return []
        made_date = made.date if isinstance(made, DatedCue) else made
        changes = revisions(form, as_of)
        if any(c.date is None for c in changes):
            return []  # revised, and the form does not say when: give it the benefit of the doubt
        plan_text = "\n".join(s.text for s in plans)
        latest = max([made_date, *(c.date for c in changes if c.date), *self._item_dates(plan_text, as_of)])
        mentioned = {m.date for m in find_dates(plan_text)}
        others = [s for s in form.sections if s not in plans]
        for event in events(others, as_of):
            # Only an incident: a household change after the plan may be the plan being carried out.
            if event.kind != "incident" or event.date is None:
                continue
            if event.date > latest and event.date not in mentioned:
                label = f"'{made.cue}'" if isinstance(made, DatedCue) else "the plan date"
                message = (
                    f"Plan predates an incident: the plan is dated {_d(made_date)} ({label}), but the form "
                    f"records {_a(event.kind)} on {_d(event.date)} under '{event.section.heading}': "
                    f"\"{_quote(event.text)}\" Nothing records that the plan was revised after it."
                )
                where = plans[0] if plans else event.section
                return [Case("the plan predates an incident it does not address", message, where, event.text)]
        return []

    @staticmethod
    def _item_dates(plan_text: str, as_of: dt.date) -> list[dt.date]:
        return [
            m.date
            for m in find_dates(plan_text)
            if m.date <= as_of and _ITEM_CHANGE.search(plan_text[max(0, m.start - 40) : m.start])
        ]

    # (b) review-date-passed
    def _review_passed(
        self, form: Form, cues: list[DatedCue], record: str | None, context: Context
    ) -> list[Case]:
        due = [c for c in cues if c.kind == "review_due"]
        if due:
            latest = max(due, key=lambda c: c.date)
            when, cue, section, block = latest.date, latest.cue, latest.section, latest.block
        elif form.metadata.review_date and not any(c.kind == "review_held" for c in cues):
            when, cue, section, block = form.metadata.review_date, "Review date", None, None
        else:
            return []
        if when >= context.as_of:
            return []
        early = dt.timedelta(days=int(self.option(context, "review_early_days")))
        held = [c for c in cues if c.kind == "review_held" and c.date >= when - early]
        # A review record that gives dates must be about this review, not an earlier one.
        recorded = record is not None and all(m.date >= when - early for m in find_dates(record))
        if held or recorded:
            return []
        message = (
            f"Review date passed: the review was due on {_d(when)} ('{cue}'), before the as-of date "
            f"{_d(context.as_of)}, and nothing records that the review took place."
        )
        text = block.text if block is not None else f"{cue} {_d(when)}"
        return [Case(f"the review due on {_d(when)} is not recorded", message, section, text)]
