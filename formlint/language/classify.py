"""Sentence classification: judgement, fact, reported speech or question."""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence

from formlint.language.cues import _REMEMBERING, Cue
from formlint.language.judgement import judgement_cues
from formlint.language.reported import reported_speech_cues, spans_of
from formlint.language.uncertainty import sentence_has_question

__all__ = ["SentenceKind", "classify_cues", "classify_sentence"]


class SentenceKind(enum.Enum):
    """What a sentence does, for rules that treat these differently."""

    JUDGEMENT = "judgement"
    FACT = "fact"
    REPORTED = "reported"
    QUESTION = "question"


@functools.lru_cache(maxsize=8192)  # cleared with the others by cues.forget()
def classify_sentence(text: str) -> SentenceKind:
    """Classify one sentence.

    Precedence: a direct question outside quotation marks is ``QUESTION``;
    else a sentence with reported speech is ``REPORTED`` unless it also has
    a judgement marker outside the reported material; else a sentence with a
    judgement marker is ``JUDGEMENT``; else ``FACT``.  Reporting wins over
    judgement because "Mum said there are no concerns" is not the writer's
    conclusion, but "Her parenting is good enough; the health visitor
    confirms ..." is the writer's judgement citing a source.

    >>> classify_sentence("There are no concerns about Leo's development.")
    <SentenceKind.JUDGEMENT: 'judgement'>
    >>> classify_sentence("Mum said there are no concerns.")
    <SentenceKind.REPORTED: 'reported'>
    """
    return classify_cues(text, judgement_cues(text), reported_speech_cues(text))


def classify_cues(text: str, judgement: Sequence[Cue], reported: Sequence[Cue]) -> SentenceKind:
    """:func:`classify_sentence` from cues already found, for callers that need the cues too."""
    quotes = [c for c in reported if c.category == "quote"]
    stripped = text.rstrip()
    question_in_quote = any(c.start < len(stripped) <= c.end + 1 for c in quotes)
    if sentence_has_question(text) and not question_in_quote:
        return SentenceKind.QUESTION
    spans = spans_of(text, reported)
    if any(not any(start <= c.start and c.end <= end for start, end in spans) for c in judgement):
        return SentenceKind.JUDGEMENT
    if reported:
        return SentenceKind.REPORTED
    return SentenceKind.FACT


_REMEMBERING.append(classify_sentence.cache_clear)
