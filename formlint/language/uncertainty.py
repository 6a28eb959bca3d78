"""Uncertainty cues: hedges, gap statements, questions, alternatives, dissent.

An empty result means the text reads as certain.  Certainty markers ("there is
no doubt that", "without question") never produce cues and silence the hedge
words they contain, because the longest overlapping match wins.
"""

from __future__ import annotations

from typing import Literal

import regex

from formlint.language.cues import Cue, find_cues, remembered, select_longest

__all__ = ["UNCERTAINTY_CATEGORIES", "Profile", "sentence_has_question", "uncertainty_cues"]

Profile = Literal["forms", "benchmark"]

UNCERTAINTY_CATEGORIES = ("hedge", "gap", "question", "alternative", "contested")

# A run of text ending in "?" that does not cross another sentence end.  The
# "?" must follow a letter (or closing quote/bracket) and end the clause:
# "50 ?" and "the 5? end" are encoding debris (a lost prime or micro sign).  Segment
# starts are rough after abbreviations ("Dr."); the span is informative.
_QUESTION = regex.compile(r"[^.!?\n]*(?:[^\W\d_]|[\"'”’)])\?(?=[\s\"'”’)]|$)")
_QUESTION_START = regex.compile(r"[\"'“‘]?\p{Lu}")
_WORD = regex.compile(r"[^\W\d_]{2,}")


@remembered
def uncertainty_cues(text: str, profile: Profile = "forms") -> list[Cue]:
    """Uncertainty cues in ``text``, in text order.

    ``profile="forms"`` (the default) uses the social-work lexicon only.
    ``profile="benchmark"`` adds research-prose hedging that would be noisy
    on forms: investigation verbs ("we examined whether"), conditionals
    ("if", "unless") and Wikipedia weasel words ("some", "many", "widely").

    Categories: ``hedge``, ``gap``, ``question``, ``alternative``,
    ``contested``.

    >>> [c.category for c in uncertainty_cues("It is unclear whether he lives there.")]
    ['gap']
    >>> uncertainty_cues("There is no doubt that Amy is safe.")
    []
    """
    found = find_cues(text, "uncertainty")
    found += find_cues(text, f"uncertainty_{profile}")
    found += find_cues(text, "certainty")
    found += _question_cues(text)
    return [c for c in select_longest(found) if c.category in UNCERTAINTY_CATEGORIES]


def sentence_has_question(text: str) -> bool:
    """True if ``text`` contains a real direct question (not a lone "?")."""
    return bool(_question_cues(text))


def _question_cues(text: str) -> list[Cue]:
    cues: list[Cue] = []
    for m in _QUESTION.finditer(text):
        segment = m.group()
        # "???" and "(?)" are placeholders or markers, not questions; a
        # question needs at least two words.
        start = m.start() + len(segment) - len(segment.lstrip())
        # Real questions start like sentences; "(j and j?" is a figure label.
        if len(_WORD.findall(segment)) < 2 or not _QUESTION_START.match(text, start):
            continue
        cues.append(Cue(start, m.end(), text[start : m.end()], "question"))
    return cues
