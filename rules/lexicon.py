"""Load the pack's word lists (plain data files in ``lexicons/``) into compiled patterns."""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex


def entries(name: str) -> tuple[str, ...]:
    """Non-comment lines of ``lexicons/<name>.txt``."""
    text = resources.files("formlint_rules").joinpath("lexicons", f"{name}.txt").read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def whole_match(name: str) -> regex.Pattern[str]:
    """A pattern matching text that consists of one lexicon entry and nothing else.

    Entries are regular expressions, matched case-insensitively; trailing
    punctuation and surrounding quotes or brackets are allowed.
    """
    alternatives = "|".join(f"(?:{e})" for e in entries(name))
    return regex.compile(rf"^[\s\"'“‘(\[]*(?:{alternatives})[\s.!:;\"'”’)\]]*$", regex.IGNORECASE)
