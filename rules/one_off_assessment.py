"""A401 one-off-assessment: a conclusion written as final, with nothing on when it will be looked at again."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

import regex

from formlint.dates import find_dates
from formlint.finding import Finding, Severity
from formlint.language import is_negated, reported_spans
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.contingency_missing import PLAN_KINDS, escalates, is_conditional
from formlint_rules.lexicon import entries


@cache
def lexicon(name: str) -> regex.Pattern[str]:
    """One pattern for a lexicon file of this rule (``one_off_assessment_<name>.txt``)."""
    alternatives = "|".join(f"(?:{e})" for e in entries(f"one_off_assessment_{name}"))
    return regex.compile(rf"(?:{alternatives})", regex.IGNORECASE | regex.MULTILINE)


def finality(text: str) -> regex.Match[str] | None:
    """The first phrase presenting the assessment as finished, not negated or quoted."""
    quoted = reported_spans(text)
    for m in lexicon("final").finditer(text):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        if is_negated(text, m.start(), m.end()) or regex.search(
            r"\b(?:not|never|yet to|cannot|can't)\s+(?:\w+\s+){0,2}$", text[: m.start()], regex.IGNORECASE
        ):
            continue
        return m
    return None


def looks_forward(text: str) -> bool:
    """A review point, an update, or what would prompt reassessment."""
    return bool(lexicon("forward").search(text))


# Which forms are assessments (CFA, early help and Signs of Safety assessments or mappings, s47 outcomes);
# plans and conference reports have their review set elsewhere.
_ASSESSMENT_TITLE = regex.compile(
    r"\bassessment\b|\bmapping\b|\bsection 47\b|\bs\.?47\b|\benquiry outcome\b", regex.IGNORECASE
)
_NOT_ASSESSMENT_TITLE = regex.compile(r"\bconference\b|\breview\b", regex.IGNORECASE)
# A plan line that is itself a review point: "Team Around the Family review | Carla | 12/12/2024".
_REVIEW_ACTION = regex.compile(
    r"\b(?:review|core group|cin meeting|taf meeting|team around the family|network meeting)\b",
    regex.IGNORECASE,
)


def is_assessment(form: Form) -> bool:
    """An assessment or enquiry outcome, judged on its own conclusion."""
    title = form.metadata.title or (form.sections[0].heading if form.sections else "") or ""
    if form.profile in ("plan", "cp_conference") and not regex.search(r"section 47|s\.?47", title, regex.I):
        return False
    if _NOT_ASSESSMENT_TITLE.search(title):
        return False
    return form.profile in ("cfa", "sos") or bool(_ASSESSMENT_TITLE.search(title))


def is_provisional(text: str) -> bool:
    """"On the information available", "not yet", "currently": a conclusion held for now."""
    return bool(lexicon("provisional").search(text))


class OneOffAssessment(Rule):
    code = "A401"
    slug = "one-off-assessment"
    summary = (
        "The assessment is written as finished, with no review point or statement of what would prompt "
        "reassessment."
    )
    pattern = "4a"
    severity = Severity.INFO
    why = (
        "Seed pattern 4a: when an assessment is treated as a product completed on a date rather than "
        "a developing understanding, it is rarely revisited when the family's situation changes. "
        "Phrases such as 'assessment complete' or 'fully assessed', with nothing on when it will be "
        "reviewed or what would change it, close the question; inspectors find that 'not all "
        "assessments are updated when situations change'."
    )
    fix = (
        "Say what the conclusion rests on and what would change it: what new information or event "
        "would prompt a new assessment, and when it will next be looked at ('This assessment will be "
        "updated if father moves back in or school raise new concerns; otherwise it will be reviewed "
        "at the CIN meeting on 3/7')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Where the assessment's conclusion is written.
        "sections": ("analysis", "recommendation", "decision"),
        # Where a review point or update anywhere in the form keeps it open.
        "forward_sections": (
            "analysis", "recommendation", "decision", "plan_actions", "contingency", "safety_plan",
            "manager_oversight", "gaps",
        ),
    }
    examples = (
        Example(
            "SUMMARY\nAssessment complete. No further involvement required.",
            True,
            "finality with no review point or trigger",
        ),
        Example(
            "ANALYSIS\nThis assessment concludes that father poses no risk.",
            True,
            "a conclusion with nothing on what would change it",
        ),
        Example(
            "RECOMMENDATION\nThe family's needs have been fully assessed.",
            True,
            "'fully assessed' closes the question",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\n\nANALYSIS\nMs Ryder settles Noor quickly.\n\nRECOMMENDATION\n"
            "Child in Need plan with a housing referral.",
            True,
            "no finality phrase, but no review point, trigger or pending information either",
        ),
        Example(
            "SUMMARY\nThis assessment will be updated if father moves back in or school raise new concerns; "
            "otherwise it will be reviewed at the CIN meeting on 3/7.",
            False,
            "what would prompt an update, and a review date",
        ),
        Example(
            "ANALYSIS\nOn the information available father poses no identified risk; probation records have "
            "not yet arrived and will be considered when they do.",
            False,
            "a provisional conclusion with the missing information named",
        ),
        Example(
            "ANALYSIS\nNeeds assessed to date are set out above; the parenting assessment due on 30/6 may "
            "change the plan.",
            False,
            "further assessment that may change the plan",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        kinds = tuple(self.option(context, "sections"))
        forward = tuple(self.option(context, "forward_sections"))
        if form.metadata.review_date is not None:
            return
        if self._kept_open(form, forward):
            return
        findings = [f for section in form.sections_of(*kinds) for f in self._check_section(section)]
        if findings:
            yield from findings
            return
        # No finality phrase, but nothing forward either: an assessment whose conclusion is simply
        # left standing, with no review point, no trigger and nothing pending that could change it.
        judged = form.sections_of(*kinds, "manager_oversight")
        if not is_assessment(form) or not judged:
            return
        section = judged[-1]
        yield self.finding(
            "Nothing in the analysis, recommendation or decision says when this assessment will be looked "
            "at again, what would prompt a new assessment, or what information still to come could change "
            "it. Add a review point and what would trigger reassessment.",
            section=section,
        )

    @staticmethod
    def _kept_open(form: Form, forward: tuple[str, ...]) -> bool:
        """A review point, a reassessment trigger or pending information anywhere it counts."""
        for section in form.sections_of(*forward):
            if looks_forward(section.text):
                return True
            # "If late collections continue, a strategy discussion should be considered."
            if any(is_conditional(s.text) and escalates(s.text) for s in section.sentences):
                return True
        # A dated trigger in the plan ("childminder to tell the health visitor the same day if ...,
        # until 31/03/2025") says what would bring the family back: the assessment is left open.
        for section in form.sections_of(*PLAN_KINDS):
            if any(is_conditional(s.text) and find_dates(s.text) for s in section.sentences):
                return True
        # A plan line that is a dated review ("TAF review | lead practitioner | 12/12/2024").
        return any(a.timescale and _REVIEW_ACTION.search(a.text) for a in form.actions)

    def _check_section(self, section: Section) -> Iterator[Finding]:
        sentences = section.sentences
        for i, sentence in enumerate(sentences):
            found = finality(sentence.text)
            if found is None or self._held_open(sentence, sentences[i + 1 : i + 2]):
                continue
            yield self.finding(
                f"'{found.group().strip()}' presents the assessment as finished, and nothing says when it "
                "will be looked at again or what would change it. Add what new information or event would "
                "prompt a new assessment, and a review point.",
                section=section,
                sentence=sentence,
            )

    @staticmethod
    def _held_open(sentence: Sentence, following: tuple[Sentence, ...]) -> bool:
        return any(is_provisional(s.text) for s in (sentence, *following))
