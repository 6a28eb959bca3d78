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
from formlint.language.cues import Cue, find_cues
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
# An aspiration or a goal ("wants to be a good mother", "needs to be safe") is not a verdict.
_ASPIRATION = regex.compile(r"\bto (?:be(?:come)? |remain |stay |keep )(?:a |an )?$", _I)
# A forecast inside a condition ("if he engages, the plan will keep them safe") is not a claim.
_CONDITION = regex.compile(r"\b(?:if|unless|provided|as long as|only when|once)\b", _I)

_CLAUSE_INFERENCE = regex.compile(r"[,;]\s+(?:and\s+)?(?:so|therefore|thus|hence|(?:which|this) means)\b", _I)


def _unmasked(text: str) -> str:
    """``text`` with certainty markers ("there is no doubt that", "without question") blanked,
    so that their "no" is not read as negating the evaluation they introduce: negated doubt is
    certainty."""
    for cue in find_cues(text, "certainty"):
        text = text[: cue.start] + " " * (cue.end - cue.start) + text[cue.end :]
    return text


def _reported_spans(text: str) -> list[tuple[int, int]]:
    """The reported-speech spans of ``text``, each ended at a comma followed by an inference
    connective: in "Mr Shore says he has stopped, so the risk has reduced" the conclusion after
    ", so" is the writer's, drawn from his account."""
    spans = []
    for start, end in spans_of(text, reported_speech_cues(text)):
        for m in _CLAUSE_INFERENCE.finditer(text, start, end):
            end = m.start()
            break
        spans.append((start, end))
    return spans


def optimism(text: str) -> regex.Match[str] | None:
    """The first optimistic evaluation in ``text`` that is the writer's own, asserted and not a
    procedure's name or an aspiration; ``None`` otherwise."""
    spans = _reported_spans(text)
    plain = _unmasked(text)
    for match in pattern(LEXICON, "optimism").finditer(text):
        start, end = match.span()
        if any(a <= start and end <= b for a, b in spans) or is_negated(plain, start, end):
            continue
        if _PROCEDURE.match(text, end) or _ASPIRATION.search(text[max(0, start - 40) : start]):
            continue
        return match
    return None


def prediction(text: str) -> regex.Match[str] | None:
    """A confident forecast of success by the writer ("Mr Tate will step up", "the plan will keep
    him safe"), outside reported speech and outside a condition; ``None`` otherwise."""
    spans = spans_of(text, reported_speech_cues(text))
    for match in pattern(LEXICON, "prediction").finditer(text):
        start, end = match.span()
        if any(a <= start and end <= b for a, b in spans) or is_negated(text, start, end):
            continue
        if _CONDITION.search(text, 0, start):
            continue
        return match
    return None


_FAMILY_WORDS = regex.compile(
    r"\b(?:mum|mother|dad|father|parents?|step-?(?:mum|mother|dad|father)|partner|carers?|"
    r"grand(?:mother|father|parents?|ma|pa)|nan|aunt|uncle|couple|family)\b",
    _I,
)


def _family_speaker(form: Form | None, cue_text: str) -> bool:
    """True when the source of a reported account is a family member rather than a professional."""
    if _FAMILY_WORDS.search(cue_text):
        return True
    if form is None:
        return False
    found = form.people.find(cue_text)
    return bool(found) and all(not m.professional for m in found)


def _evidenced(text: str, match: regex.Match[str]) -> bool:
    """A reason, an observation, a source, a date, a figure, an example or someone's account in
    the same sentence, outside the optimistic words themselves."""
    start, end = match.span()
    return any(c.end <= start or c.start >= end for c in (*rationale_cues(text), *reported_speech_cues(text)))


def rests_on_self_report(text: str, match: regex.Match[str], form: Form | None = None) -> bool:
    """True when the writer draws the evaluation from a family member's own account and from
    nothing else in the sentence ("Mr Shore says he has stopped, so the risk has reduced").

    Such an account is not outcome evidence: the claim rests on the word of the person whose
    change is being judged, and the writer has named it as the basis, so evidence about something
    else in a neighbouring sentence does not stand in for it."""
    start = match.start()
    cues = (*rationale_cues(text), *reported_speech_cues(text))
    before = [c for c in cues if c.end <= start]
    if not before or len(before) < len(cues):
        return False

    def speaker(c: Cue) -> str:
        # The reporting verb's subject: the text from the start of its clause to the verb.
        cut = max(text.rfind(mark, 0, c.start) for mark in ",;:.")
        return text[cut + 1 : c.end]

    if not all(c.category in ("source", "reporting") and _family_speaker(form, speaker(c)) for c in before):
        return False
    return bool(pattern(LEXICON, "inference").search(text, max(c.end for c in before), start))


def _points_away(text: str) -> bool:
    """True when a sentence records a concern (an argument, an incident, a missed appointment):
    it is not outcome evidence for an optimistic evaluation beside it."""
    for m in pattern(LEXICON, "concern").finditer(text):
        # Negation is judged within the concern's own clause: "never lets up", quoted in an
        # earlier clause, does not rule out "they argued" after the comma.
        cut = max(text.rfind(mark, 0, m.start()) for mark in ',;:\u2013"')
        clause = text[cut + 1 :]
        if not is_negated(clause, m.start() - cut - 1, m.end() - cut - 1):
            return True
    return False


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


def _backs(here: Reading, neighbour: Reading, *, after: bool, names: frozenset[str]) -> bool:
    """The neighbouring sentence is outcome evidence for the evaluation: evidence about what it is
    about, and not a concern that points the other way."""
    return supports(here, neighbour, after=after, known_names=names) and not _points_away(neighbour.text)


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
        "period began, contradicts it. Its vocabulary is deliberately broad — verdicts on a parent ('a good "
        "mum', 'a protective factor'), needs met, low risk, confident forecasts ('will step up') — trading "
        "some precision for recall, which is another reason it stays an info prompt."
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
        Example(
            "ANALYSIS\nDad says he has stopped drinking, so the risk to Ruby has reduced.",
            True,
            "a conclusion drawn from the parent's own account alone",
        ),
        Example("ANALYSIS\nMr Tait will step up.", True, "a confident forecast with nothing behind it"),
        Example(
            "ANALYSIS\nIf Mr Tait completes the course, the plan will keep Ruby safe.",
            False,
            "a forecast inside a condition",
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
                if text.rstrip().endswith("?"):
                    continue
                match = optimism(text)
                if match is not None and _FUTURE.search(text):
                    match = None
                match = match or prediction(text)
                if match is None:
                    continue
                if rests_on_self_report(text, match, form):
                    yield self.finding(
                        f"'{match.group()}' is an optimistic evaluation drawn from a family member's own "
                        "account. What a parent says is not outcome evidence: give what has been seen, "
                        "tested or confirmed by someone else, or say that it is not yet known.",
                        section=section,
                        sentence=sentence,
                    )
                    continue
                if _evidenced(text, match):
                    continue
                if names is None:
                    people = [p.name for p in (*form.metadata.children, *form.metadata.household)]
                    names = names_in("\n".join(s.text for s in form.sections), people)
                here = read(index)
                if (index > 0 and _backs(here, read(index - 1), after=False, names=names)) or (
                    index + 1 < len(sentences) and _backs(here, read(index + 1), after=True, names=names)
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
