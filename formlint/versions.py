"""Versions of one case: their order, and which sections and plan actions correspond.

Rules that look across versions (``unrevised-plan`` J601, ``drift-across-reviews`` J602,
``boilerplate-copy`` T107) read ``Context.previous``: the earlier versions, oldest first.
This module gives them the shared pieces:

* :func:`version_date` / :func:`order_versions` — the order of a folder of versions. A
  version's date is the first of its recorded ``plan_date``, ``review_date``,
  ``meeting_date``, ``assessment_completed`` (in that order of preference). When every
  version has a date they are ordered by it (ties by file name); when any lacks one, the
  whole set is ordered by file name, compared with numbers as numbers ("v2" before "v10"),
  because mixing dated and undated versions would be guesswork.
* :func:`pair_sections` — a later version's sections matched to an earlier version's: first
  by section kind (``analysis`` with ``analysis``), then by normalised heading, each section
  used once.
* :func:`pair_actions` — plan actions matched by text similarity (``difflib`` ratio over words,
  dates and numbering removed), best pairs first, each action used once.
* :func:`words` — the normalised words used for all these comparisons.

``difflib`` (standard library) is enough here: forms have tens of sections and actions, so
pairwise ratios cost nothing, and it adds no dependency.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import regex

from formlint.dates import find_dates
from formlint.headings import normalise
from formlint.model import Form, Section
from formlint.plan import PlanAction

__all__ = [
    "DATE_PREFERENCE",
    "ActionPair",
    "SectionPair",
    "carried_actions",
    "order_versions",
    "pair_actions",
    "pair_sections",
    "section_chain",
    "similarity",
    "version_date",
    "words",
]

# Which recorded date dates a version, most telling first.
DATE_PREFERENCE = ("plan_date", "review_date", "meeting_date", "assessment_completed")
DEFAULT_ACTION_SIMILARITY = 0.6

_LIST_MARKER = regex.compile(r"^\s*(?:[-*•·◦▪●–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+", regex.MULTILINE)
_WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NUMBER_RUN = regex.compile(r"(\d+)")

T = TypeVar("T")


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` with dates, numbers and list markers removed.

    >>> words("1. Social worker to visit by 30/04/2024.")
    ['social', 'worker', 'to', 'visit', 'by']
    """
    for mention in reversed(find_dates(text)):
        text = text[: mention.start] + " " + text[mention.end :]
    text = _LIST_MARKER.sub(" ", text)
    return [w.replace("’", "'") for w in _WORD.findall(text.casefold())]


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """``difflib`` ratio of two word sequences (1.0 = the same words in the same order)."""
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, list(a), list(b), autojunk=False).ratio()


# Ordering versions


def version_date(form: Form) -> dt.date | None:
    """The date a version records for itself (see :data:`DATE_PREFERENCE`), or None."""
    for name in DATE_PREFERENCE:
        value = getattr(form.metadata, name)
        if value is not None:
            return value
    return None


def _name_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """File name with its digit runs as numbers, so "review-2" sorts before "review-10"."""
    parts = _NUMBER_RUN.split(Path(path).name.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def order_versions(forms: Sequence[Form]) -> list[Form]:
    """Versions of one case, oldest first: by recorded date when all have one, else by file name."""
    dates = [version_date(f) for f in forms]
    if all(d is not None for d in dates):
        keyed = sorted(zip(dates, forms, strict=True), key=lambda p: (p[0], _name_key(p[1].path)))
        return [form for _, form in keyed]
    return sorted(forms, key=lambda f: _name_key(f.path))


# Pairing sections


@dataclass(frozen=True)
class SectionPair:
    """A section of the later version and its counterpart in the earlier one (None if new/gone)."""

    earlier: Section | None
    later: Section | None
    by: str  # "kind", "heading" or "" (unpaired)


def pair_sections(earlier: Form, later: Form) -> list[SectionPair]:
    """The later version's sections with their counterparts, in the later version's order,
    followed by the earlier sections that have none.

    Kind first: a section the profile recognised pairs with the first unused earlier section
    of the same kind (preferring one with the same heading). Then heading: an unrecognised
    section pairs with an unused earlier section whose normalised heading is the same.
    """
    used: set[int] = set()
    pairs: list[SectionPair | None] = [None] * len(later.sections)

    def take(index: int, match: int, by: str) -> None:
        used.add(match)
        pairs[index] = SectionPair(earlier.sections[match], later.sections[index], by)

    for index, section in enumerate(later.sections):
        if section.kind is None:
            continue
        same_kind = [i for i, s in enumerate(earlier.sections) if s.kind == section.kind and i not in used]
        if same_kind:
            key = normalise(section.heading)
            best = next((i for i in same_kind if normalise(earlier.sections[i].heading) == key), same_kind[0])
            take(index, best, "kind")
    for index, section in enumerate(later.sections):
        if pairs[index] is not None:
            continue
        key = normalise(section.heading)
        match = next(
            (
                i
                for i, s in enumerate(earlier.sections)
                if i not in used and key and normalise(s.heading) == key
            ),
            None,
        )
        if match is not None:
            take(index, match, "heading")
    result = [
        p if p is not None else SectionPair(None, s, "") for p, s in zip(pairs, later.sections, strict=True)
    ]
    result += [SectionPair(s, None, "") for i, s in enumerate(earlier.sections) if i not in used]
    return result


def section_chain(versions: Sequence[Form], section: Section) -> list[Section]:
    """``section`` (of the last version) and its counterparts back through the earlier versions,
    oldest first; the chain stops at the first version without a counterpart."""
    chain = [section]
    for later, earlier in zip(reversed(versions[1:]), reversed(versions[:-1]), strict=True):
        pairs = pair_sections(earlier, later)
        counterpart = next((p.earlier for p in pairs if p.later is chain[0] and p.earlier is not None), None)
        if counterpart is None:
            break
        chain.insert(0, counterpart)
    return chain


# Pairing plan actions


@dataclass(frozen=True)
class ActionPair:
    """A plan action of the later version and the earlier action most like it."""

    earlier: PlanAction
    later: PlanAction
    similarity: float


def pair_actions(
    earlier: Sequence[PlanAction],
    later: Sequence[PlanAction],
    threshold: float = DEFAULT_ACTION_SIMILARITY,
) -> list[ActionPair]:
    """Actions that carry over: each later action paired with at most one earlier action,
    highest similarity first, keeping pairs at or above ``threshold``; in the later order."""
    before = [words(a.text) for a in earlier]
    after = [words(a.text) for a in later]
    scored = sorted(
        ((similarity(b, a), j, i) for i, a in enumerate(after) for j, b in enumerate(before) if a and b),
        key=lambda t: (-t[0], t[2], t[1]),
    )
    taken_before: set[int] = set()
    chosen: dict[int, ActionPair] = {}
    for score, j, i in scored:
        if score < threshold:
            break
        if i in chosen or j in taken_before:
            continue
        taken_before.add(j)
        chosen[i] = ActionPair(earlier[j], later[i], score)
    return [chosen[i] for i in sorted(chosen)]


def carried_actions(
    versions: Sequence[Form], threshold: float = DEFAULT_ACTION_SIMILARITY
) -> list[list[PlanAction]]:
    """For each action of the last version, the chain of matching actions back through the
    versions (oldest first); only chains that reach the first version are returned."""
    if not versions:
        return []
    chains: list[list[PlanAction]] = [[a] for a in versions[-1].actions]
    for earlier in reversed(versions[:-1]):
        heads = [c[0] for c in chains]
        pairs = {id(p.later): p.earlier for p in pair_actions(earlier.actions, heads, threshold)}
        chains = [[pairs[id(c[0])], *c] for c in chains if id(c[0]) in pairs]
    return chains
