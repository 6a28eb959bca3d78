"""Risk-factor mentions by category, with negation ("ruled out").

Used by ``missing-risk-factors`` (T110) and ``risk-not-carried-forward``
(T111): a category counts as *addressed* whether it is asserted or explicitly
ruled out, so each mention carries ``negated`` rather than being dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from formlint.language.cues import categories, compiled
from formlint.language.negation import is_negated

__all__ = ["RISK_CATEGORIES", "RiskMention", "risk_factors"]


@dataclass(frozen=True)
class RiskMention:
    """A risk-factor term found in text; ``negated`` means it was ruled out."""

    category: str
    start: int
    end: int
    text: str
    negated: bool


# "_injury" terms are reported as physical_abuse; with a non-mobile infant
# in the same sentence they are also reported as non_mobile_injury, the
# sub-check that carries an error severity (NICE CG89 bruising protocols).
_INJURY_CATEGORY = "physical_abuse"
_NON_MOBILE = "non_mobile_injury"
_SENTENCE_END = regex.compile(r"[.!?](?=\s|$)|\n")

RISK_CATEGORIES: tuple[str, ...] = (
    *(c for c in categories("risk") if not c.startswith("_")),
    _NON_MOBILE,
)


def risk_factors(text: str) -> list[RiskMention]:
    """Risk-factor mentions in ``text``, in text order.

    >>> [(m.category, m.negated) for m in risk_factors("No known domestic abuse.")]
    [('domestic_abuse', True)]
    """
    mentions: list[RiskMention] = []
    for category in categories("risk"):
        if category == "_non_mobile":
            continue
        reported = _INJURY_CATEGORY if category == "_injury" else category
        for m in compiled("risk", category).finditer(text):
            negated = is_negated(text, m.start(), m.end())
            mentions.append(RiskMention(reported, m.start(), m.end(), m.group(), negated))
            if category == "_injury" and _infant_nearby(text, m.start(), m.end()):
                mentions.append(RiskMention(_NON_MOBILE, m.start(), m.end(), m.group(), negated))
    return _dedupe(mentions)


def _infant_nearby(text: str, start: int, end: int) -> bool:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    right = after.start() if after else len(text)
    return compiled("risk", "_non_mobile").search(text, left, right) is not None


def _dedupe(mentions: list[RiskMention]) -> list[RiskMention]:
    # Within one category keep the longest of overlapping matches, so that
    # "non-accidental injury" is one mention, not two.
    kept: list[RiskMention] = []
    for m in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if not any(k.category == m.category and k.start < m.end and m.start < k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end, m.category))
