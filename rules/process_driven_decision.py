"""M205 process-driven-decision: a case decision justified by timescales, capacity or process."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import pattern

LEXICON = "process_driven_decision"
_I = regex.IGNORECASE
# Words that make what follows the reason for what went before.
_LINK = regex.compile(
    r"\b(?:because(?: of)?|as|due to|owing to|given|since|in order to|so as to|so that|to|for|in line with|"
    r"in view of|on the basis of|reflecting|with)\b",
    _I,
)
# The process reason is set aside, not relied on.
_SET_ASIDE = regex.compile(
    r"\b(?:despite|regardless of|rather than|not because|not due to|not simply|although|even though|extended|"
    r"extension|not (?:been )?closed|not be closed)\b",
    _I,
)


def process_reason(text: str) -> tuple[regex.Match[str], regex.Match[str]] | None:
    """The decision and the process words given as its reason, when the sentence gives no reason
    about the child."""
    decision = pattern(LEXICON, "decision").search(text)
    if decision is None:
        return None
    for process in pattern(LEXICON, "process").finditer(text):
        lo, hi = sorted((decision.end(), process.start()))
        between = text[lo:hi] if decision.end() <= process.start() else text[process.end() : decision.start()]
        just_before = text[max(0, process.start() - 14) : process.start()]
        linked = (
            (decision.end() <= process.start() and _LINK.search(between) and len(between.split()) <= 12)
            or _LINK.search(just_before)
            or regex.match(r"(?:reached|exceeded|out of|hit|meet|run out)", process.group(), _I)
        )
        if not linked or _SET_ASIDE.search(text):
            continue
        outside = text[: process.start()] + " " + text[process.end() :]
        if pattern(LEXICON, "child_reason").search(outside):
            return None
        return decision, process
    return None


class ProcessDrivenDecision(Rule):
    code = "M205"
    slug = "process-driven-decision"
    summary = (
        "A decision to close, step down, take no further action or end the assessment is justified by "
        "timescales, capacity, caseload or process rather than by the child's circumstances."
    )
    pattern = "2b"
    severity = Severity.WARNING
    why = (
        "Seed pattern 2b (performance indicators and 'borrowing from safety'): timescale targets and "
        "caseload pressure compete with thoroughness, and covert messages such as 'close it' or 'finish "
        "within timescale' lead to trade-offs that quietly borrow from the child's safety. A decision "
        "explained by the clock or the team's capacity says nothing about whether the child is safe."
    )
    fix = (
        "Give the reason in terms of the child: what has changed, what was seen and what is still unknown "
        "('Case to close: Mia's attendance is 98% and three unannounced visits found the home warm and "
        "stocked'). If a timescale forces a decision before the work is done, say what is outstanding and "
        "how it will be picked up, or record an agreed extension and why."
    )
    options: ClassVar[Mapping[str, Any]] = {
        "sections": ("decision", "analysis", "manager_oversight", "recommendation"),
    }
    examples = (
        Example(
            "OUTCOME\nAssessment concluded as it has reached 45 working days.",
            True,
            "the clock as the reason",
        ),
        Example("MANAGER'S DECISION\nCase to close due to team capacity.", True, "capacity as the reason"),
        Example(
            "RECOMMENDATION\nStepped down to early help to meet the review deadline.",
            True,
            "a deadline as the reason",
        ),
        Example(
            "OUTCOME\nCase to close: Mia's attendance is 98%, three unannounced visits found the "
            "home warm and "
            "stocked, and mother knows how to contact the duty team.",
            False,
            "reasons about the child",
        ),
        Example(
            "OUTCOME\nThe 45-day timescale was extended with manager agreement (4/5) because father was in "
            "hospital and could not be seen.",
            False,
            "a timescale extended for the child's sake",
        ),
        Example(
            "OUTCOME\nAssessment completed within timescale on 20/05/2024.",
            False,
            "a timescale stated as a fact, not given as the reason",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        for section in form.sections_of(*self.option(context, "sections")):
            for sentence in section.sentences:
                found = process_reason(sentence.text)
                if found is None:
                    continue
                decision, process = found
                yield self.finding(
                    f"The decision ('{decision.group()}') is justified by process ('{process.group()}'), "
                    f'not by the child\'s circumstances: "{" ".join(sentence.text.split())}" Say what has '
                    "changed for the child and what is still outstanding, and how that supports the "
                    "decision.",
                    section=section,
                    sentence=sentence,
                )
