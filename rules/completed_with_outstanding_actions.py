"""M206 completed-with-outstanding-actions: the form is closed or marked complete while its own text records
outstanding checks, assessments or people not seen."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.dates import find_dates
from formlint.finding import Finding, Severity
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.awaited import dates_in, done_elsewhere, items_in
from formlint_rules.cue_lexicon import pattern

LEXICON = "completed_with_outstanding_actions"
_PLAN_KINDS = ("plan_actions", "safety_plan")
_STATUS_KEYS = regex.compile(r"\b(?:status|outcome|decision|case status)\b", regex.IGNORECASE)
# "No checks are outstanding", "nothing is awaited": the opposite.
_NONE_LEFT = regex.compile(r"\b(?:no|nothing|none|all)\b[^.;]{0,30}$", regex.IGNORECASE)


def _completion_date(form: Form, profiles: tuple[str, ...]) -> str | None:
    """The form's own completion or sign-off date ("Date completed: 14/10/2024"), which marks an
    assessment finished as plainly as "assessment complete" does. A conference report or a plan is
    "completed" for the meeting that acts on it, so the date does not close anything there."""
    if form.profile not in profiles:
        return None
    if form.metadata.assessment_completed is not None:
        return f"completed {form.metadata.assessment_completed.strftime('%d/%m/%Y')}"
    label = pattern(LEXICON, "completed_label")
    # A details line read as a heading ("DATE COMPLETED: 01/03/2024") still carries its date.
    for section in form.sections:
        heading = section.heading or ""
        if label.search(heading) and find_dates(heading):
            return " ".join(heading.split())
    return None


def closing_words(
    form: Form, kinds: tuple[str, ...], profiles: tuple[str, ...] = ("cfa", "eha", "sos")
) -> tuple[str, Section | None] | None:
    """The words that mark the form finished or the case closed, and where they are."""
    closed, held = pattern(LEXICON, "closed"), pattern(LEXICON, "not_closed")
    for key, value in form.metadata.other.items():
        if _STATUS_KEYS.search(key) and closed.search(f"{key}: {value}") and not held.search(value):
            return f"{key}: {value}", None
    for section in form.sections:
        if section.kind not in kinds and not closed.search(section.heading or ""):
            continue
        for sentence in section.sentences:
            found = closed.search(sentence.text)
            if found and not held.search(sentence.text):
                return found.group(), section
    completed = _completion_date(form, profiles)
    return (completed, None) if completed is not None else None


def _planned_items(form: Form) -> set[str]:
    """Specialist items the form's plan takes on with a date ("Referral to speech and language therapy -
    health visitor - by 31/03/2024"): handed on, not left outstanding."""
    keys: set[str] = set()
    for section in form.sections:
        if section.kind not in _PLAN_KINDS:
            continue
        sentences = section.sentences
        for i, sentence in enumerate(sentences):
            window = " ".join(s.text for s in sentences[i : i + 4])
            if dates_in(window):
                keys.update(m.key for m in items_in(sentence.text))
    return keys


def outstanding(form: Form, skip: tuple[str, ...]) -> Iterator[tuple[Sentence, Section, str]]:
    """Sentences that record something not done: a check, an assessment, a person not seen."""
    cue, resolved = pattern(LEXICON, "outstanding"), pattern(LEXICON, "resolved")
    handed_on = _planned_items(form)
    for section in form.sections:
        if section.kind in skip:
            continue
        for sentence in section.sentences:
            text = sentence.text
            found = cue.search(text)
            if found is None or resolved.search(text) or _NONE_LEFT.search(text[: found.start()]):
                continue
            items = items_in(text)
            if items and all(done_elsewhere(form, m.key) or m.key in handed_on for m in items):
                continue
            yield sentence, section, found.group()


class CompletedWithOutstandingActions(Rule):
    code = "M206"
    slug = "completed-with-outstanding-actions"
    summary = (
        "The form is marked complete, closed, no further action or stepped down while its own text records "
        "outstanding checks, assessments or people not seen."
    )
    pattern = "2b"
    severity = Severity.WARNING
    why = (
        "Seed pattern 2b (performance indicators and 'borrowing from safety'): timescale targets push "
        "assessments to be signed off and cases closed on time, even while key pieces are missing. A case "
        "closed with police checks outstanding or a father never spoken to has borrowed from the child's "
        "safety: the missing piece may be the one that mattered."
    )
    fix = (
        "Before closing, obtain the outstanding item or record that it has since been received and "
        "whether it "
        "changes the decision. If the case must move on first, say who will complete the outstanding "
        "work and "
        "by when, and keep the case open or transfer it rather than close it."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Where the form's outcome is given.
        "status_sections": ("decision", "recommendation", "manager_oversight"),
        # Form types whose completion date marks the work finished (assessments, not conference reports
        # or plans).
        "completion_date_profiles": ("cfa", "eha", "sos"),
        # Past events: an old "not seen" there is history, not outstanding work.
        "skip_sections": ("history", "chronology"),
    }
    examples = (
        Example(
            "AGENCY CHECKS\nPolice checks on Mr Shaw are outstanding.\n\nOUTCOME\nNFA.",
            True,
            "no further action while police checks are outstanding",
        ),
        Example(
            "CHILD'S VIEWS\nWe have not been able to see Sam alone.\n\nOUTCOME\nAssessment complete.",
            True,
            "assessment complete while the child has not been seen alone",
        ),
        Example(
            "FAMILY COMPOSITION\nFather not yet spoken to.\n\nDECISION\nCase closed.",
            True,
            "closed with a parent not spoken to",
        ),
        Example(
            "Child and Family Assessment\n\nDate completed: 03/06/2024\n\nANALYSIS\nThe children's "
            "stepfather has not yet been seen.",
            True,
            "an assessment signed off (its completion date) with a carer not yet seen",
        ),
        Example(
            "OUTCOME\nNFA. Police checks on Mr Shaw have since been returned (no trace), so this "
            "does not change "
            "the decision.",
            False,
            "the outstanding check has since come back",
        ),
        Example(
            "CHILD'S VIEWS\nSam was seen alone at school on 2/5.\n\nOUTCOME\nAssessment complete.",
            False,
            "nothing outstanding",
        ),
        Example(
            "OUTCOME\nCase transferred (not closed) to the CIN team, who will complete the "
            "outstanding probation "
            "check by 20/6.",
            False,
            "transferred with the outstanding check handed on",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        status = closing_words(
            form,
            tuple(self.option(context, "status_sections")),
            tuple(self.option(context, "completion_date_profiles")),
        )
        if status is None:
            return
        words, where = status
        items = list(outstanding(form, tuple(self.option(context, "skip_sections"))))
        if not items:
            return
        sentence, section, cue = items[0]
        more = (
            f" ({len(items) - 1} more such statement{'s' if len(items) > 2 else ''} in the form)"
            if len(items) > 1
            else ""
        )
        under = f" under '{where.heading}'" if where else ""
        quoted = " ".join(sentence.text.split())
        yield self.finding(
            f"The form is marked '{words}'{under} while it records something outstanding ('{cue}'): "
            f'"{quoted}"{more} Obtain it, or record that it has since been received and whether it changes '
            "the decision, or who will complete it and by when.",
            section=section,
            sentence=sentence,
        )
