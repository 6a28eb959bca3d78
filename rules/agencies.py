"""The agencies around a child (C303, C304): which an entry names, and whether a text speaks of one.

Vocabulary in ``lexicons/agency_contribution_missing.txt``: one category per
agency with its words and roles. "Health" on its own is satisfied by any health
service (health visitor, GP, midwife, school nurse, hospital, CAMHS).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from formlint_rules.sectioned_lexicon import categories, pattern

_LEXICON = "agency_contribution_missing"
NAMES = {
    "school": "the school",
    "nursery": "the nursery",
    "health_visitor": "the health visitor",
    "gp": "the GP",
    "midwife": "the midwife",
    "school_nurse": "the school nurse",
    "community_nurse": "the community nurse",
    "hospital": "the hospital",
    "camhs": "CAMHS",
    "mental_health": "the mental health service",
    "police": "the police",
    "probation": "probation",
    "housing": "housing",
    "substance": "the drug and alcohol service",
    "domestic_abuse": "the domestic abuse service",
    "youth_justice": "the youth justice service",
    "missing_service": "the missing service",
    "early_help": "early help",
    "health": "health",
}
HEALTH = (
    "health_visitor",
    "gp",
    "midwife",
    "school_nurse",
    "community_nurse",
    "hospital",
    "camhs",
    "mental_health",
    "health",
)
# Police words that are also people's initials or other things: only with a capital or a name after.
_STRICT = regex.compile(
    r"^(?:pc|dc|ds|di|officer|hv|fsw|ward|consultant|surgery|primary|academy|college|juniors|infants)$",
    regex.IGNORECASE,
)


@cache
def keys() -> tuple[str, ...]:
    return tuple(categories(_LEXICON))


def _matches(key: str, text: str) -> Iterable[regex.Match[str]]:
    for match in pattern(_LEXICON, key).finditer(text):
        word = match.group()
        if _STRICT.match(word) and not word[:1].isupper():
            continue
        yield match


def spans(text: str) -> list[tuple[int, int, str]]:
    """Each agency named in ``text`` as (start, end, key), in order; a name inside a longer
    name of another agency ("GP" in "GP practice nurse") is the longer one only."""
    found = [(m.start(), m.end(), key) for key in keys() for m in _matches(key, text)]
    kept = [
        (start, end, key)
        for start, end, key in found
        if not any(k != key and s <= start and end <= e and (e - s) > (end - start) for s, e, k in found)
    ]
    return sorted(kept)


def agencies_in(text: str) -> list[str]:
    """The agencies ``text`` names, in the order first named, "health" only when no
    particular health service is named in the same place."""
    names: list[str] = []
    for _, _, key in spans(text):
        if key not in names:
            names.append(key)
    if "health" in names and any(k in names for k in HEALTH if k != "health"):
        names.remove("health")
    return names


def speaks_of(key: str, text: str) -> bool:
    """True when ``text`` names agency ``key`` (any health service stands for "health")."""
    wanted = HEALTH if key == "health" else (key,)
    return any(k in wanted for _, _, k in spans(text))
