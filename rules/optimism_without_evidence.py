"""J603 optimism-without-evidence: an optimistic evaluation with no outcome evidence beside it,
or one that a later incident in the same form contradicts."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.dates import find_dates
from formlint.finding import Finding, Severity
from formlint.language import is_negated, rationale_cues, reported_speech_cues, spans_of
from formlint.model import Form, Metadata, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import pattern
from formlint_rules.support import Reading, names_in, supports

LEXICON = "optimism_without_evidence"
_I = regex.IGNORECASE
# "Safe and well check/visit" is a police procedure, not a verdict.
_PROCEDURE = regex.compile(r"\s*(?:check|visit|call|welfare check)s?\b", _I)
# Goals, plans and predictions say what should happen, not what has.
_FUTURE = regex.compile(
    r"\b(?:will|shall|should|would|needs? to|is expected to|aim|aims|goal|hope|hopes)\b", _I
)


def optimism(text: str) -> regex.Match[str] | None:
    """The first optimistic evaluation in ``text`` that is the writer's own, asserted and not a
    procedure's name; ``None`` otherwise."""
    spans = spans_of(text, reported_speech_cues(text))
    for match in pattern(LEXICON, "optimism").finditer(text):
        start, end = match.span()
        if any(a <= start and end <= b for a, b in spans) or is_negated(text, start, end):
            continue
        if _PROCEDURE.match(text, end):
            continue
        return match
    return None


def _evidenced(text: str, match: regex.Match[str]) -> bool:
    """A reason, an observation, a source, a date, a figure, an example or someone's account in
    the same sentence, outside the optimistic words themselves."""
    start, end = match.span()
    outside = [
        c for c in (*rationale_cues(text), *reported_speech_cues(text)) if c.end <= start or c.start >= end
    ]
    return bool(outside)


def _period_start(form: Form, context: Context) -> dt.date | None:
    """When the period an evaluation covers began: the previous version's date, else the start
    of this assessment or plan."""

    def latest(meta: Metadata) -> dt.date | None:
        dates = [
            d for d in (meta.plan_date, meta.review_date, meta.meeting_date, meta.assessment_completed) if d
        ]
        return max(dates) if dates else None

    if context.previous:
        found = latest(context.previous[-1].metadata)
        if found:
            return found
    meta = form.metadata
    return meta.assessment_start or meta.plan_date


def later_incident(form: Form, since: dt.date | None, exclude: Sentence) -> tuple[Sentence, str] | None:
    """A sentence recording an incident dated on or after ``since``."""
    if since is None:
        return None
    for sentence in form.sentences():
        if sentence is exclude:
            continue
        text = sentence.text
        for match in pattern(LEXICON, "incident").finditer(text):
            if is_negated(text, *match.span()):
                continue
            if any(d.date >= since for d in find_dates(text)):
                return sentence, match.group()
    return None


class OptimismWithoutEvidence(Rule):
    code = "J603"
    slug = "optimism-without-evidence"
    summary = (
        "An optimistic evaluation ('good progress', 'safe and well', 'good insight', 'engaging positively') "
        "with no outcome evidence beside it, or contradicted by an incident recorded later in the form."
    )
    pattern = "6"
    sources = ("S16", "S27", "S38")
    severity = Severity.INFO
    why = (
        "The 'rule of optimism' recurs in case reviews: workers describe families more positively than the "
        "evidence allows ('safe and well', 'engaging positively'), and the optimistic phrase, not the facts, "
        "is what the next reader takes away. It is an info prompt by default because optimism is sometimes "
        "well founded; it becomes a warning when an incident recorded in the same form, dated after the "
        "period began, contradicts it."
    )
    fix = (
        "Give the outcome that shows it beside the evaluation: what changed, how you know, who saw it and "
        "when ('no police call-outs since March, previously monthly; attendance up from 71% to 94%'). If an "
        "incident since then points the other way, weigh it in the same paragraph."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Where the writer evaluates: the analysis or summary, progress, the decision.
        "sections": ("analysis", "review_progress", "decision", "recommendation"),
    }
    examples = (
        Example("ANALYSIS\nThe children were safe and well.", True, "a verdict with nothing behind it"),
        Example(
            "ANALYSIS\nMother has shown good insight and is engaging positively.",
            True,
            "two optimistic evaluations, no outcome",
        ),
        Example(
            "ANALYSIS\nThe children were seen at 7pm; both were bathed and fed, and Ella showed me her "
            "reading "
            "diary. They were safe and well.",
            False,
            "the sentence before gives what was seen",
        ),
        Example(
            "ANALYSIS\nThere has been progress: no police call-outs since March (previously monthly) and "
            "Kai's "
            "attendance has gone from 71% to 94%.",
            False,
            "outcome evidence in the same sentence",
        ),
        Example(
            "ANALYSIS\nPolice carried out a safe and well check on 4 May at the school's request.",
            False,
            "the name of a police procedure",
        ),
        Example(
            "PROGRESS\nMum says things are going really well.",
            False,
            "a parent's own words, reported",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        kinds = tuple(self.option(context, "sections") or ())
        names: frozenset[str] | None = None
        since: dt.date | None = None
        since_known = False
        for section in form.sections_of(*kinds):
            sentences = section.sentences
            read: Callable[[int], Reading] = functools.cache(
                lambda i, sentences=sentences: Reading.of(sentences[i].text)
            )
            for index, sentence in enumerate(sentences):
                text = sentence.text
                match = optimism(text)
                if match is None or text.rstrip().endswith("?") or _FUTURE.search(text):
                    continue
                if _evidenced(text, match):
                    continue
                if names is None:
                    people = [p.name for p in (*form.metadata.children, *form.metadata.household)]
                    names = names_in("\n".join(s.text for s in form.sections), people)
                here = read(index)
                if (index > 0 and supports(here, read(index - 1), after=False, known_names=names)) or (
                    index + 1 < len(sentences)
                    and supports(here, read(index + 1), after=True, known_names=names)
                ):
                    continue
                if not since_known:
                    since, since_known = _period_start(form, context), True
                contradiction = later_incident(form, since, sentence)
                if contradiction is not None:
                    where, incident = contradiction
                    yield self.finding(
                        f"'{match.group()}' is an optimistic evaluation with no outcome evidence beside it, "
                        "and "
                        f"an incident recorded in the form since the period began points the other way "
                        f"('{incident}' in '{where.text}'). Weigh the incident against the evaluation, or "
                        "revise it.",
                        section=section,
                        sentence=sentence,
                        severity=Severity.WARNING,
                    )
                    continue
                yield self.finding(
                    f"'{match.group()}' is an optimistic evaluation with no outcome evidence beside it. Say "
                    "what "
                    "changed, how you know and when.",
                    section=section,
                    sentence=sentence,
                )
