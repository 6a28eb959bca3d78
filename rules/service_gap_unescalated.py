"""M203 service-gap-unescalated: a needed service is missing, declined or unfunded, and nobody acts on it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.awaited import dates_in
from formlint_rules.cue_lexicon import pattern

LEXICON = "service_gap_unescalated"
# Sections that tell what happened before: a gap there may long since have closed.
_HISTORY = ("history", "chronology")
# The family turning help down is not a gap in services.
_FAMILY_SUBJECT = regex.compile(
    r"\b(?:mother|father|mum|dad|parents?|carers?|family|grand\w+|she|he|they|Mr|Mrs|Ms|Miss|Mx)\b",
    regex.IGNORECASE,
)
_CLAUSE = regex.compile(r"[;:,]|\b(?:but|and|so|because|as)\b")
# Words that name no service in particular: "the short breaks service" is told apart from others by
# "short breaks", not by "service".
_GENERIC = frozenset(
    "a an the for of to on in at with and or from this that their his her our its local current "
    "services service team teams provision programme programmes group groups place places "
    "placement placements support referral referrals waiting list wait".split()
)
_WORD = regex.compile(r"[\w'’-]+")


def _gap(sentence: str) -> regex.Match[str] | None:
    """The words recording a service gap in ``sentence``, if it also names a service."""
    if not pattern(LEXICON, "service").search(sentence):
        return None
    found = pattern(LEXICON, "gap").search(sentence)
    if found:
        return found
    declined = pattern(LEXICON, "declined_referral").search(sentence)
    if declined:
        clause = _CLAUSE.split(sentence[: declined.start()])[-1]
        if not _FAMILY_SUBJECT.search(clause):
            return declined
    return None


def _window(section: Section, sentence: Sentence, after: int) -> tuple[str, str]:
    """The text around the gap (one sentence before, ``after`` sentences after) and the part of it that
    follows the gap sentence."""
    sentences = section.sentences
    i = sentences.index(sentence)
    following = " ".join(s.text for s in sentences[i + 1 : i + 1 + after])
    before = " ".join(s.text for s in sentences[max(0, i - 1) : i + 1])
    return f"{before} {following}", following


def _service_words(sentence: str) -> set[str]:
    """The words that tell which service the gap is in: each service named and up to three words before
    it, less the generic ones ("the short breaks service" -> short, breaks)."""
    words: set[str] = set()
    for found in pattern(LEXICON, "service").finditer(sentence):
        lead = _WORD.findall(sentence[: found.start()])[-3:]
        for word in (*lead, *_WORD.findall(found.group())):
            key = word.casefold()
            if len(key) > 3 and key not in _GENERIC and not _FAMILY_SUBJECT.fullmatch(word):
                words.add(key)
    return words


def _answered_elsewhere(form: Form, gap: Sentence, words: set[str]) -> bool:
    """Another sentence that names the same service records an escalation, chase or alternative for it
    ("Parents to chase the short breaks service about his place")."""
    if not words:
        return False
    answer = pattern(LEXICON, "answer")
    for sentence in form.sentences():
        if sentence is gap:
            continue
        found = {w.casefold() for w in _WORD.findall(sentence.text)}
        if words & found and answer.search(sentence.text):
            return True
    return False


class ServiceGapUnescalated(Rule):
    code = "M203"
    slug = "service-gap-unescalated"
    summary = (
        "A needed service is recorded as unavailable, declined, not commissioned, unfunded or disputed "
        "between agencies, with no escalation, alternative or mitigation."
    )
    pattern = "2a"
    severity = Severity.WARNING
    why = (
        "Seed pattern 2a (resource-demand mismatch): gaps in service provision and funding disputes between "
        "agencies leave children without the help the plan depends on. When a form records the gap as a fact "
        "('there is no programme in the area', 'CAMHS declined the referral'), the need quietly drops out of "
        "the plan; nobody escalates it and nothing takes its place."
    )
    fix = (
        "Record what was done about the gap: escalated to whom and when (for example under the escalation or "
        "professional disagreement protocol, or to the Head of Service), what is being done instead "
        "or in the "
        "meantime, or why the plan does not rely on the missing service."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # How many sentences after the gap an escalation or alternative may come.
        "window_after": 2,
    }
    examples = (
        Example(
            "ANALYSIS\nThere is currently no domestic abuse perpetrator programme in the area.",
            True,
            "a missing service, recorded as a fact",
        ),
        Example(
            "PLAN\nCAMHS declined the referral as it does not meet their threshold.",
            True,
            "a referral turned away, and nothing done about it",
        ),
        Example(
            "ANALYSIS\nHealth and social care have not agreed who will fund respite.",
            True,
            "a funding dispute between agencies",
        ),
        Example(
            "ANALYSIS\nMr Tate is on the waiting list for the counselling service; the wait is about four "
            "months.",
            True,
            "a known wait is still a gap when nothing is done in the meantime",
        ),
        Example(
            "BACKGROUND\nAmy is on the waiting list for the short breaks scheme.\n\nPLAN\n1. Mr and Mrs Lee "
            "to chase the short breaks scheme monthly from 01/09/2024.",
            False,
            "the same service is chased elsewhere in the form",
        ),
        Example(
            "ANALYSIS\nThere is no perpetrator programme in the area; the gap was escalated to the Head of "
            "Service (email 3/5) and, pending a decision, father has started a voluntary-sector "
            "programme on 1/7.",
            False,
            "escalated, with an interim alternative",
        ),
        Example(
            "PLAN\nCAMHS declined the referral; we challenged this under the escalation protocol and the GP "
            "has referred to the early help emotional wellbeing service.",
            False,
            "challenged, and another service found",
        ),
        Example(
            "ANALYSIS\nMs Hill declined the referral to the parenting group.",
            False,
            "the family turning help down is not a service gap",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        answer, referral_on = pattern(LEXICON, "answer"), pattern(LEXICON, "referral_on")
        after = int(self.option(context, "window_after"))
        for section in form.sections:
            if section.kind in _HISTORY:
                continue
            for sentence in section.sentences:
                found = _gap(sentence.text)
                if found is None:
                    continue
                window, following = _window(section, sentence, after)
                if answer.search(window) or referral_on.search(f"{sentence.text[found.end():]} {following}"):
                    continue
                # A wait with a start still to come is a queue, not a gap; a wait of so many weeks
                # with nothing done meanwhile is still a gap.
                if any(d > context.as_of for d in dates_in(window)):
                    continue
                if _answered_elsewhere(form, sentence, _service_words(sentence.text)):
                    continue
                quoted = " ".join(sentence.text.split())
                yield self.finding(
                    f"A service gap is recorded ('{found.group()}') with no escalation, alternative or "
                    f'interim plan: "{quoted}" Record who the gap was escalated to and when, or what is '
                    "being done instead in the meantime.",
                    section=section,
                    sentence=sentence,
                )
