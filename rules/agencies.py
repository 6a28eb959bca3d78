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
    "hospital": "the hospital",
    "camhs": "CAMHS",
    "mental_health": "the mental health service",
    "police": "the police",
    "probation": "probation",
    "housing": "housing",
    "substance": "the drug and alcohol service",
    "domestic_abuse": "the domestic abuse service",
    "youth_justice": "the youth justice service",
    "early_help": "early help",
    "health": "health",
}
_HEALTH = ("health_visitor", "gp", "midwife", "school_nurse", "hospital", "camhs", "mental_health", "health")
# Police words that are also people's initials or other things: only with a capital or a name after.
_STRICT = regex.compile(
    r"^(?:pc|dc|ds|di|officer|hv|fsw|ward|consultant|surgery|primary|academy|college)$", regex.IGNORECASE
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


def agencies_in(text: str) -> list[str]:
    """The agencies ``text`` names, in the order first named, "health" only when no
    particular health service is named in the same place."""
    found: list[tuple[int, str]] = []
    for key in keys():
        first = next(iter(_matches(key, text)), None)
        if first is not None:
            found.append((first.start(), key))
    names = [key for _, key in sorted(found)]
    if "health" in names and any(k in names for k in _HEALTH if k != "health"):
        names.remove("health")
    return names


def speaks_of(key: str, text: str) -> bool:
    """True when ``text`` names agency ``key`` (any health service stands for "health")."""
    if key == "health":
        return any(next(iter(_matches(k, text)), None) is not None for k in _HEALTH)
    return next(iter(_matches(key, text)), None) is not None
