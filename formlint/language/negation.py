"""NegEx-style negation scope for short mentions (risk factors).

A mention is negated when a negation trigger ("no known", "denies", "not")
comes shortly before it, or a post-trigger ("was ruled out") shortly after,
with no clause boundary ("but", "however", ";") in between.  The window is
counted in words, as NegEx does, because a long gap usually means the "not"
belongs to another verb.
"""

from __future__ import annotations

import regex

from formlint.language.cues import compiled

__all__ = ["clause_bounds", "is_negated"]

_WORDS = regex.compile(r"\w+(?:['’-]\w+)*")
_MAX_WORDS_BETWEEN = 6
_ANSWERED_NO = regex.compile(
    r"\s*:\s*(?:none|nil|no|not known|n/?a|not applicable|denied)\b", regex.IGNORECASE
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the clause around ``text[start:end]``.

    Clauses end at sentence punctuation, semicolons, colons, newlines and
    contrastive conjunctions ("but", "however", "although", ...).
    """
    left, right = 0, len(text)
    for m in compiled("negation", "terminator").finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


def is_negated(text: str, start: int, end: int) -> bool:
    """True if the span ``text[start:end]`` is negated ("ruled out")."""
    left, right = clause_bounds(text, start, end)
    pseudo = [(m.start(), m.end()) for m in compiled("negation", "pseudo").finditer(text, left, right)]

    def real(m_start: int, m_end: int) -> bool:
        return not any(p_start <= m_start < p_end for p_start, p_end in pseudo)

    for m in compiled("negation", "pre").finditer(text, left, start):
        gap = text[m.end() : start]
        if real(m.start(), m.end()) and len(_WORDS.findall(gap)) <= _MAX_WORDS_BETWEEN:
            return True
    # "Probation: no current involvement" - a label answered with a no.
    if _ANSWERED_NO.match(text, end):
        return True
    for m in compiled("negation", "post").finditer(text, end, right):
        gap = text[end : m.start()]
        if real(m.start(), m.end()) and len(_WORDS.findall(gap)) <= 3:
            return True
    return False
