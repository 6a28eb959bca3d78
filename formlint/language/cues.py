"""Cue spans and lexicon loading.

Lexicons live in ``formlint/language/lexicons/*.txt``: plain text, one entry a
line, ``#`` starts a comment, and ``[category]`` (lower-case letters and
underscores) starts a section.  Each entry
is a fragment in the syntax of the third-party ``regex`` module, matched
case-insensitively; a literal space stands for any run of whitespace, so plain
phrases can be written as they are read.  Word boundaries are added around
every entry, so ``may`` does not match inside ``mayor``.

Each (lexicon, category) pair is compiled once into a single alternation and
cached for the life of the process.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

import regex

from formlint.language.wordlist import compile_wordlist

__all__ = [
    "Cue",
    "categories",
    "compiled",
    "find_cues",
    "forget",
    "lexicon_entries",
    "remembered",
    "select_longest",
]

# Only "[lower_snake]" is a header; "[;:.!?]" is a regex character class.
_HEADER = regex.compile(r"\[([a-z_]+)\]")


@dataclass(frozen=True)
class Cue:
    """A matched span of ``text``: ``text[start:end] == cue.text``."""

    start: int
    end: int
    text: str
    category: str


@functools.cache
def lexicon_entries(name: str) -> dict[str, tuple[str, ...]]:
    """Return the entries of lexicon ``name`` grouped by category, in file order.

    Entries before the first ``[category]`` header go into a category named
    after the lexicon itself.
    """
    source = resources.files("formlint.language").joinpath("lexicons").joinpath(f"{name}.txt")
    grouped: dict[str, list[str]] = {}
    category = name
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            continue
        header = _HEADER.fullmatch(line)
        if header:
            category = header.group(1)
            continue
        grouped.setdefault(category, []).append(line)
    return {cat: tuple(entries) for cat, entries in grouped.items()}


def _strip_comment(line: str) -> str:
    # A "#" only starts a comment at the line start or after whitespace, so
    # that regex fragments such as "[#]" or "\#" survive.
    for i, ch in enumerate(line):
        if ch == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i]
    return line


def categories(name: str) -> tuple[str, ...]:
    """The category names of lexicon ``name``, in file order."""
    return tuple(lexicon_entries(name))


# An entry whose every match starts with a word character: after any leading
# "(?:" or "(?-i:", a letter, a digit, "\d", "\w" or an upper-case class.
_WORD_START = regex.compile(r"^(?:\(\?(?:-i)?:)*(?:[^\W_]|\\d|\\w|\[A-Z)")


def _split(entries: Iterable[str]) -> tuple[list[str], list[str]]:
    """Entries that start with a word character, and the rest; longest first."""
    # Longer fragments first: alternation is leftmost-first, and the longer
    # phrase ("it is unclear whether") should win over its head ("unclear").
    parts = sorted((entry.replace(" ", r"\s+") for entry in entries), key=len, reverse=True)
    return [p for p in parts if _WORD_START.match(p)], [p for p in parts if not _WORD_START.match(p)]


@functools.cache
def _union(name: str) -> Any:
    """One pattern for every entry of a lexicon, when all start with a word character."""
    words, others = _split(e for entries in lexicon_entries(name).values() for e in entries)
    if others:
        return None
    return compile_wordlist(r"\b(?:" + "|".join(words) + r")(?:(?!\w)|(?<=\W))")


@functools.cache
def compiled(name: str, category: str) -> Any:
    """The compiled ``regex`` pattern for one category of lexicon ``name``."""
    words, others = _split(lexicon_entries(name)[category])
    # Entries that start with a word character take a plain "\b", which the
    # engine scans for quickly (three times faster on our lexicons); the rest
    # (";", "\"...\"") take a boundary that only applies at a word character.
    alternatives = []
    if words:
        alternatives.append(r"\b(?:" + "|".join(words) + ")")
    if others:
        alternatives.append(r"(?:(?<!\w)|(?=\W))(?:" + "|".join(others) + ")")
    return compile_wordlist("(?:" + "|".join(alternatives) + r")(?:(?!\w)|(?<=\W))")


_T = TypeVar("_T")


def remembered(function: Callable[..., list[_T]]) -> Callable[..., list[_T]]:
    """Remember a pure text function's results for the last few thousand texts.

    Several rules read the same sentence (judgement words, sources, risk factors); this
    keeps that from costing one regular-expression scan per rule. Results are stored as
    tuples and handed out as fresh lists, so callers may change what they receive.
    """
    cached = functools.lru_cache(maxsize=8192)(lambda *args: tuple(function(*args)))

    @functools.wraps(function)
    def wrapper(*args: Any) -> list[_T]:
        return list(cached(*args))

    _REMEMBERING.append(cached.cache_clear)
    return wrapper


# The clear functions of every remembering cache (filled at import time only).
_REMEMBERING: list[Callable[[], None]] = []


def forget() -> None:
    """Drop every remembered result: for benchmarks that time the same text more than once."""
    for clear in _REMEMBERING:
        clear()


def find_cues(text: str, name: str, cats: Iterable[str] | None = None) -> list[Cue]:
    """All matches of lexicon ``name`` (optionally only ``cats``) in ``text``.

    Matches from different categories may overlap; see :func:`select_longest`.
    """
    found: list[Cue] = []
    # Most sentences match nothing in a lexicon: one fast scan with the union
    # of its categories settles that before scanning category by category.
    prefilter = _union(name)
    if prefilter is not None and not prefilter.search(text):
        return found
    for cat in categories(name) if cats is None else cats:
        for m in compiled(name, cat).finditer(text):
            found.append(Cue(m.start(), m.end(), m.group(), cat))
    return found


def select_longest(cues: Iterable[Cue]) -> list[Cue]:
    """Resolve overlaps: keep the longest cue (earliest on ties), in text order."""
    kept: list[Cue] = []
    for cue in sorted(cues, key=lambda c: (c.start - c.end, c.start)):
        if not any(_overlaps(cue, k) for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _overlaps(a: Cue, b: Cue) -> bool:
    return a.start < b.end and b.start < a.end
