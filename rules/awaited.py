"""Specialist assessments, checks and reports a form records as awaited, and what it says about the wait.

Shared by ``expert-assessment-awaited`` (M202) and ``completed-with-outstanding-actions``
(M206). The words are in ``lexicons/expert_assessment_awaited.txt``: ``item_*``
sections name the specialist items, ``awaiting`` the ways of saying they are not
back, ``followup`` and ``interim`` a handle on the wait, ``done`` a finished item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from formlint.dates import find_dates, find_month_years
from formlint.model import Form, Section, Sentence
from formlint_rules.cue_lexicon import categories, pattern

LEXICON = "expert_assessment_awaited"
# Sections that tell the story of the past: an old wait there is history.
HISTORY_KINDS = ("history", "chronology")
_PAST_WAIT = regex.compile(
    r"\b(?:was|were|had been)\s+(?:still\s+)?(?:awaiting|awaited|waiting|on the waiting list)\b",
    regex.IGNORECASE,
)
# A wait told as still open, whatever the section.
_STILL_OPEN = regex.compile(
    r"\b(?:still|not yet|yet to|(?:is|are|remains?) (?:awaiting|awaited|outstanding|pending))\b",
    regex.IGNORECASE,
)
_METHOD_KINDS = ("basis_of_assessment",)
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


def item_keys() -> tuple[str, ...]:
    return tuple(c for c in categories(LEXICON) if c.startswith("item_"))


@dataclass(frozen=True)
class Mention:
    """A specialist item named in a sentence: its lexicon key and the words used."""

    key: str
    words: str
    start: int
    end: int


def items_in(text: str) -> list[Mention]:
    """Specialist items named in ``text``, in text order, overlapping mentions merged."""
    found = [
        Mention(key, m.group(), m.start(), m.end())
        for key in item_keys()
        for m in pattern(LEXICON, key).finditer(text)
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def has(text: str, category: str) -> regex.Match[str] | None:
    return pattern(LEXICON, category).search(text)


def is_historical(sentence: str, section: Section | None, as_of: dt.date) -> bool:
    """A wait told as past history ("was awaiting a CAMHS assessment in 2020").

    A history section tells the past, but a wait it tells in the present ("a referral to the
    mental health team, which she has not yet attended") is still open.
    """
    if section is not None and section.kind in HISTORY_KINDS:
        return not _STILL_OPEN.search(sentence)
    return bool(_PAST_WAIT.search(sentence)) and any(int(y) < as_of.year for y in _YEAR.findall(sentence))


@dataclass(frozen=True)
class Awaited:
    """A sentence recording a specialist item as awaited."""

    sentence: Sentence
    section: Section
    item: Mention
    cue: str


def _scheduled(text: str, as_of: dt.date) -> regex.Match[str] | None:
    """An appointment or booking for a date still to come: the item has not happened yet."""
    cue = has(text, "scheduled")
    if cue is not None and any(d > as_of for d in dates_in(text[cue.start() :])):
        return cue
    return None


def awaited_items(form: Form, as_of: dt.date) -> Iterator[Awaited]:
    """Each sentence that records a specialist item as awaited (or booked for a later date) and not
    since done."""
    for section in form.sections:
        for sentence in section.sentences:
            text = sentence.text
            cue = has(text, "awaiting") or _scheduled(text, as_of)
            if cue is None or has(text, "done") or is_historical(text, section, as_of):
                continue
            mentions = items_in(text)
            # "I requested police checks" among the steps of the assessment tells what was done.
            if section.kind in _METHOD_KINDS and cue.group().casefold() == "requested":
                continue
            if mentions:
                # The item nearest the awaiting words is the one awaited.
                item = min(mentions, key=lambda m: min(abs(m.start - cue.end()), abs(cue.start() - m.end)))
                yield Awaited(sentence, section, item, cue.group())


def done_elsewhere(form: Form, key: str) -> bool:
    """The form records the item as done or back somewhere ("police checks returned no trace")."""
    for sentence in form.sentences():
        if has(sentence.text, "done") and any(m.key == key for m in items_in(sentence.text)):
            return True
    return False


def dates_in(text: str) -> list[dt.date]:
    """Full dates, and month-years read as the month's last day."""
    return [m.date for m in find_dates(text)] + [m.last_day for m in find_month_years(text)]


def handled_items(form: Form) -> set[str]:
    """Items the form gives a handle on somewhere: chased, booked, expected or covered meanwhile."""
    keys: set[str] = set()
    for section in form.sections:
        sentences = section.sentences
        for i, sentence in enumerate(sentences):
            window = " ".join(s.text for s in sentences[i : i + 2])
            if has(sentence.text, "followup") or has(window, "interim"):
                keys.update(m.key for m in items_in(sentence.text))
    return keys
