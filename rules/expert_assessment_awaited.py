"""M202 expert-assessment-awaited: a specialist assessment or check is awaited with no handle on the wait."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.dates import find_dates
from formlint.finding import Finding, Severity
from formlint.model import Form, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.awaited import Awaited, awaited_items, dates_in, done_elsewhere, handled_items, has

# A day and month with no year ("chase on 1/6", "booked for 12 June"): a date is given.
_SHORT_DATE = regex.compile(
    r"\b\d{1,2}/\d{1,2}\b(?!/)|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b",
    regex.IGNORECASE,
)
_EXPECTED_DATE = regex.compile(r"\b(?:expected|due)\b[^.;]{0,25}$", regex.IGNORECASE)


def _d(date: dt.date) -> str:
    return date.strftime("%d/%m/%Y")


def _window(item: Awaited) -> str:
    """The sentence and the one after it in the same section: where a chase or an interim plan is told."""
    sentences = item.section.sentences
    i = sentences.index(item.sentence)
    following = sentences[i + 1 : i + 2]
    return " ".join(s.text for s in (item.sentence, *following))


def _planned(form: Form, sentence: Sentence) -> bool:
    """The item is a plan action with someone to do it and a date: the wait has an owner."""
    text = " ".join(sentence.text.split())
    for action in form.actions:
        words = " ".join(action.text.split())
        if (text in words or words in text) and action.owner and action.timescale:
            return True
    return False


class ExpertAssessmentAwaited(Rule):
    code = "M202"
    slug = "expert-assessment-awaited"
    summary = (
        "A specialist assessment, check or report is recorded as awaited, with no date, no one chasing it "
        "and no arrangement for the meantime."
    )
    pattern = "2a"
    severity = Severity.WARNING
    why = (
        "Seed pattern 2a (resource-demand mismatch): expert assessments such as CAMHS, psychology, "
        "paediatric opinions, drug and alcohol testing and police checks are hard to get, so forms record "
        "'awaiting ...' and the wait never closes. Practitioners fill the gap themselves while the plan "
        "rests on information nobody is chasing. Inspections find assessments 'not supported by up-to-date "
        "medical information and Disclosure and Barring Service checks'."
    )
    fix = (
        "Say when the assessment or check was requested, who will chase it and by when, when it is expected, "
        "and what keeps the child safe in the meantime ('CAMHS assessment requested 3/4; I will "
        "chase on 1/6; "
        "in the meantime the school counsellor sees Lola weekly')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # A request dated longer ago than this, with nothing since, is a wait nobody is handling.
        "stale_weeks": 12,
    }
    examples = (
        Example("ANALYSIS\nAwaiting CAMHS assessment.", True, "awaited, with nothing about the wait"),
        Example(
            "ANALYSIS\nA referral has been made for a psychological assessment of mother.",
            True,
            "a referral with no date, owner or interim plan",
        ),
        Example(
            "GAPS IN INFORMATION\nHair strand test results are outstanding.", True, "outstanding results"
        ),
        Example(
            "ANALYSIS\nCAMHS assessment requested 3/4; CAMHS confirmed on 20/4 the wait is 14 weeks; I will "
            "chase on 1/6 and in the meantime the school counsellor sees Lola weekly.",
            False,
            "requested, chased and covered in the meantime",
        ),
        Example(
            "ANALYSIS\nDr Khan completed the psychological assessment of mother on 2/5; her findings are "
            "summarised in section 6.",
            False,
            "the assessment is done",
        ),
        Example(
            "PLAN\nHair strand test booked for 12/6 (social worker to confirm attendance); results expected "
            "by 30/6.",
            False,
            "booked, with an expected date",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        as_of = context.as_of
        stale = dt.timedelta(weeks=int(self.option(context, "stale_weeks")))
        before = {a.item.key for f in context.previous[-1:] for a in awaited_items(f, as_of)}
        flagged: set[str] = set()
        awaited = list(awaited_items(form, as_of))
        handled = handled_items(form)
        for item in awaited:
            key = item.item.key
            if key in flagged or done_elsewhere(form, key):
                continue
            # A planned, dated item is handled, unless it was already awaited last time.
            if key not in before and _planned(form, item.sentence):
                continue
            problem, severity = self._problem(item, as_of, stale, handled)
            if problem is None and key in before and not has(_window(item), "interim"):
                problem = (
                    "it was already awaited in the previous version and is still awaited in this one"
                )
                severity = Severity.ERROR
            elif problem is not None and key in before:
                severity = Severity.ERROR
                problem += "; it was already awaited in the previous version"
            if problem is None:
                continue
            flagged.add(key)
            words = item.item.words
            quoted = " ".join(item.sentence.text.split())
            yield self.finding(
                f"'{words}' is recorded as awaited ('{item.cue}') but {problem}: \"{quoted}\" "
                "Record when it was requested, who will chase it and by when, when it is expected, "
                "and what keeps the child safe in the meantime.",
                section=item.section,
                sentence=item.sentence,
                severity=severity,
            )

    @staticmethod
    def _problem(
        item: Awaited, as_of: dt.date, stale: dt.timedelta, handled: set[str]
    ) -> tuple[str | None, Severity | None]:
        window = _window(item)
        text = item.sentence.text
        dates = dates_in(text)
        # An expected or booked date that has passed, with the item still awaited.
        overdue = [
            m.date for m in find_dates(text) if m.date < as_of and _EXPECTED_DATE.search(text[: m.start])
        ]
        if overdue:
            return f"the date it was expected ({_d(max(overdue))}) has passed", Severity.ERROR
        if has(window, "interim") or has(window, "followup"):
            return None, None
        if item.item.key in handled:
            return None, None  # chased or covered where the form mentions it again
        if any(d >= as_of - stale for d in dates) or (not dates and _SHORT_DATE.search(text)):
            return None, None  # dated, and well within a reasonable wait
        if dates:
            oldest = min(dates)
            weeks = (as_of - oldest).days // 7
            return (
                f"the only date given is {_d(oldest)}, {weeks} weeks before {_d(as_of)}, and nothing records "
                "a chase, an expected date or an interim arrangement"
            ), None
        return "no date, no one to chase it, no expected date and no interim arrangement are recorded", None
