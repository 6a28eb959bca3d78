"""Word lists with ``[category]`` headers (plain data files in ``lexicons/``), compiled per category.

Each entry is a fragment in the syntax of the ``regex`` module, matched
case-insensitively with word boundaries around it; a space stands for any run
of whitespace, so plain phrases can be written as they are read.
"""

from __future__ import annotations

from functools import cache

import regex

from formlint_rules.lexicon import entries

_HEADER = regex.compile(r"^\[([a-z_]+)\]$")
_SPACE = r"\s+"


@cache
def categories(name: str) -> dict[str, tuple[str, ...]]:
    """The entries of ``lexicons/<name>.txt`` grouped by category, in file order."""
    grouped: dict[str, list[str]] = {}
    category = name
    for line in entries(name):
        header = _HEADER.match(line)
        if header:
            category = header.group(1)
            continue
        grouped.setdefault(category, []).append(line)
    return {key: tuple(values) for key, values in grouped.items()}


@cache
def pattern(name: str, category: str) -> regex.Pattern[str]:
    """One alternation of a category's entries, longest first."""
    parts = sorted(categories(name)[category], key=len, reverse=True)
    body = "|".join("(?:" + p.replace(" ", _SPACE) + ")" for p in parts)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
