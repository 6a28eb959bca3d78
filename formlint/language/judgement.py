"""Judgement cues: evaluative professional conclusions.

Used by ``bare-assertion`` (T101) and ``classify_sentence``.  Categories:
``safety``, ``risk``, ``harm``, ``needs``, ``development``, ``wellbeing``,
``parenting``, ``engagement``, ``honesty``, ``change``, ``substantiation``,
``concern`` (absence verdicts such as "no concerns"), ``home`` and
``decision`` ("no further action").
"""

from __future__ import annotations

from formlint.language.cues import Cue, categories, find_cues, remembered, select_longest

__all__ = ["judgement_categories", "judgement_cues"]


@remembered
def judgement_cues(text: str) -> list[Cue]:
    """Judgement markers in ``text``, in text order.

    Negated verdicts ("is not safe", "concerns are not substantiated") are
    judgements too, so negation is not filtered here.

    >>> [c.category for c in judgement_cues("Ms Carter's parenting is good enough.")]
    ['parenting']
    """
    return select_longest(find_cues(text, "judgement"))


def judgement_categories() -> tuple[str, ...]:
    """The judgement categories, in lexicon order."""
    return categories("judgement")
