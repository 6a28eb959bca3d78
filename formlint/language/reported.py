"""Reported speech: words that belong to someone other than the writer.

A helper many rules consult (rule-catalogue "Reported speech and quotes"):
"Mum said there are no concerns" is not the writer's judgement.  Categories:
``reporting`` (a reporting verb with a non-writer subject, "according to",
"in his words", "it is alleged") and ``quote`` (quoted material).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from formlint.language.cues import Cue, find_cues, remembered, select_longest
from formlint.language.negation import clause_bounds

__all__ = ["reported_spans", "reported_speech", "reported_speech_cues", "spans_of"]

# The writer's own reporting ("I told mum", "we explained") is not reported
# speech; "I was told" is, and does not match this.
_WRITER_SUBJECT = regex.compile(
    r"(?:\b(?:I|we)(?:\s+(?:have|had|also|then|later|clearly|have\s+also))?\s+)$",
    regex.IGNORECASE,
)


@remembered
def reported_speech_cues(text: str) -> list[Cue]:
    """Reporting verbs and quotations in ``text``, in text order.

    >>> [c.category for c in reported_speech_cues('Mum said she "might move".')]
    ['reporting', 'quote']
    """
    cues = [
        c
        for c in find_cues(text, "reported")
        if c.category != "reporting" or not _WRITER_SUBJECT.search(text, 0, c.start)
    ]
    return select_longest(cues)


def reported_speech(text: str) -> bool:
    """True if ``text`` contains reported speech or quoted material."""
    return bool(reported_speech_cues(text))


def reported_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of ``text`` that carry someone else's words.

    A quotation covers itself; a reporting verb covers the rest of its
    clause ("Mum said [there are no concerns], but ...").  A judgement
    inside these spans is reported, not the writer's own.
    """
    return spans_of(text, reported_speech_cues(text))


def spans_of(text: str, cues: Iterable[Cue]) -> list[tuple[int, int]]:
    """:func:`reported_spans` from cues already found by :func:`reported_speech_cues`."""
    spans: list[tuple[int, int]] = []
    for cue in cues:
        if cue.category == "quote":
            spans.append((cue.start, cue.end))
        else:
            spans.append((cue.start, clause_bounds(text, cue.start, cue.end)[1]))
    return spans
