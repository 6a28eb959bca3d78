"""Word lists with ``[category]`` sections from ``lexicons/``, compiled one pattern a category.

The format is the one the shared language lexicons use: one regular-expression
fragment a line, ``#`` comments, matched case-insensitively with word boundaries
added, and a literal space standing for any run of whitespace.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from formlint.language.wordlist import compile_wordlist
from formlint_rules.lexicon import entries

_HEADER = regex.compile(r"\[([a-z_]+)\]")


@cache
def grouped(name: str) -> dict[str, tuple[str, ...]]:
    """The entries of ``lexicons/<name>.txt`` by category, in file order."""
    out: dict[str, list[str]] = {}
    category = name
    for line in entries(name):
        header = _HEADER.fullmatch(line)
        if header:
            category = header.group(1)
        else:
            out.setdefault(category, []).append(line.split(" #", 1)[0].strip())
    return {key: tuple(values) for key, values in out.items()}


@cache
def pattern(name: str, category: str) -> Any:
    """One case-insensitive pattern matching any entry of ``category`` as whole words."""
    space = r"\s+"
    alternatives = "|".join("(?:" + e.replace(" ", space) + ")" for e in grouped(name)[category])
    return compile_wordlist(rf"(?<![\w-])(?:{alternatives})(?![\w])")


def categories(name: str) -> tuple[str, ...]:
    return tuple(grouped(name))
