"""Risk-factor mentions by category, with negation ("ruled out").

Used by ``missing-risk-factors`` (T110) and ``risk-not-carried-forward``
(T111): a category counts as *addressed* whether it is asserted or explicitly
ruled out, so each mention carries ``negated`` rather than being dropped.
``harm_cues`` and ``need_cues`` serve ``need-only-framing`` (T112): harm
language says what could happen to a child, need language frames a problem
as a need for support.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from formlint.language.cues import Cue, categories, compiled, find_cues, remembered, select_longest
from formlint.language.negation import is_negated

__all__ = ["RISK_CATEGORIES", "RiskMention", "harm_cues", "need_cues", "risk_factors", "risk_topics"]


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


@remembered
def risk_factors(text: str) -> list[RiskMention]:
    """Risk-factor mentions in ``text``, in text order.

    >>> [(m.category, m.negated) for m in risk_factors("No known domestic abuse.")]
    [('domestic_abuse', True)]
    """
    mentions: list[RiskMention] = []
    for category in categories("risk"):
        # Helper categories ("_harm", "_need", "_non_mobile") are not risk
        # factors; only "_injury" is, reported as physical abuse.
        if category.startswith("_") and category != "_injury":
            continue
        reported = _INJURY_CATEGORY if category == "_injury" else category
        for m in compiled("risk", category).finditer(text):
            negated = is_negated(text, m.start(), m.end())
            # A bruise on the mother is evidence of domestic abuse, not of harm to the child.
            kind = "domestic_abuse" if category == "_injury" and _on_an_adult(text, m.start()) else reported
            mentions.append(RiskMention(kind, m.start(), m.end(), m.group(), negated))
            if category == "_injury" and _infant_nearby(text, m.start(), m.end()):
                mentions.append(RiskMention(_NON_MOBILE, m.start(), m.end(), m.group(), negated))
    return _dedupe(mentions)


def risk_topics(text: str) -> set[str]:
    """Categories ``text`` discusses: any mention, asserted or ruled out, or a topic word.

    Topic words ("_about_<category>" in the lexicon) are looser than risk
    factors: "her low mood", "the violence", "attendance".

    >>> sorted(risk_topics("The violence has stopped since he moved out."))
    ['domestic_abuse']
    """
    found = {m.category for m in risk_factors(text)}
    for category in categories("risk"):
        if category.startswith("_about_") and compiled("risk", category).search(text):
            found.add(category.removeprefix("_about_"))
    return found


def harm_cues(text: str) -> list[Cue]:
    """Words for harm or danger to a child ("at risk of", "could be hurt", "worried that").

    >>> [c.text for c in harm_cues("Ellie could be hurt if nothing changes.")]
    ['hurt', 'if nothing changes']
    """
    return select_longest(find_cues(text, "risk", ["_harm"]))


def need_cues(text: str) -> list[Cue]:
    """Words that frame a problem as a need for support ("would benefit from", "needs help with").

    >>> [c.text for c in need_cues("Mum would benefit from support with her drinking.")]
    ['would benefit', 'support with']
    """
    return select_longest(find_cues(text, "risk", ["_need"]))


# "on Ms Dunn's forearm", "her mother's black eye", "injuries to his partner".
_ADULT_BODY = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss)\.?\s+\p{Lu}[\p{L}'’-]+|\b(?:mother|mum|father|dad|partner|wife|girlfriend|"
    r"boyfriend|husband))['’]s\b|\b(?:to|on)\s+(?:his|her|the)\s+(?:partner|wife|girlfriend|mother|mum)\b",
)


def _on_an_adult(text: str, start: int) -> bool:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, start)
    right = after.start() if after else len(text)
    return _ADULT_BODY.search(text, left, right) is not None and not _infant_nearby(text, start, start)


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
