"""Rationale cues: what makes a judgement more than a bare assertion.

Used by ``bare-assertion`` (T101): a judgement with any of these nearby is
supported.  Categories: ``connective`` ("because"), ``observation`` ("I
observed"), ``source`` ("the school reported", "PC Smith said"), ``date``
("on 4 March", "12/03/2024"), ``example`` ("for example"), ``quantity``
("82%", "three call-outs", "4/10").
"""

from __future__ import annotations

from formlint.language.cues import Cue, find_cues, remembered, select_longest

__all__ = ["RATIONALE_CATEGORIES", "rationale_cues"]

RATIONALE_CATEGORIES = ("connective", "observation", "source", "date", "example", "quantity")


@remembered
def rationale_cues(text: str) -> list[Cue]:
    """Rationale and evidence cues in ``text``, in text order.

    >>> [c.category for c in rationale_cues("The school reported on 4 March that he was hungry.")]
    ['source', 'date']
    """
    return select_longest(find_cues(text, "rationale"))
