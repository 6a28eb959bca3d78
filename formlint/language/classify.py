"""Sentence classification: judgement, fact, reported speech or question."""

from __future__ import annotations

import enum

from formlint.language.judgement import judgement_cues
from formlint.language.reported import reported_spans, reported_speech_cues
from formlint.language.uncertainty import sentence_has_question

__all__ = ["SentenceKind", "classify_sentence"]


class SentenceKind(enum.Enum):
    """What a sentence does, for rules that treat these differently."""

    JUDGEMENT = "judgement"
    FACT = "fact"
    REPORTED = "reported"
    QUESTION = "question"


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
    reported = reported_speech_cues(text)
    quotes = [c for c in reported if c.category == "quote"]
    stripped = text.rstrip()
    question_in_quote = any(c.start < len(stripped) <= c.end + 1 for c in quotes)
    if sentence_has_question(text) and not question_in_quote:
        return SentenceKind.QUESTION
    spans = reported_spans(text)
    own = [
        c for c in judgement_cues(text) if not any(start <= c.start and c.end <= end for start, end in spans)
    ]
    if own:
        return SentenceKind.JUDGEMENT
    if reported:
        return SentenceKind.REPORTED
    return SentenceKind.FACT
