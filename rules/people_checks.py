"""Shared helpers for rules about the people in a child's life (F501, C301).

They find the sentences that speak about one member of the roster: sentences that
name them (first name, full name, title and surname, or a role word the rule
allows), the sentences straight after that carry on with a pronoun ("He said ..."),
and every sentence of a section whose heading names them ("TOMMY'S FATHER").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from formlint.model import Form, Section, Sentence
from formlint.people import Member

_TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr")
# Words that cannot be a first name used on its own to find a person.
_NOT_FIRST_NAMES = frozenset(_TITLES) | {"baby", "unborn", "the"}


@dataclass(frozen=True)
class Passage:
    """A sentence about a person; ``direct`` when it names them, not by pronoun or heading."""

    section: Section
    sentence: Sentence
    direct: bool


def name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.replace(".", " ").split() if w.lower() not in _TITLES)


def name_alternatives(
    member: Member, *, first_name: bool = True, titles: str | None = "Mr|Mrs|Ms|Miss|Mx|Dr"
) -> list[str]:
    """Regex alternatives that name ``member``: "Dean Walsh", "Dean", "Mr Walsh" (with ``titles``)."""
    if not member.name:
        return []
    words = name_words(member.name)
    if not words:
        return [regex.escape(member.name)]
    out = [r"\s+".join(regex.escape(w) for w in words)]
    if first_name and words[0].lower() not in _NOT_FIRST_NAMES:
        out.append(regex.escape(words[0]))
    if titles and (len(words) > 1 or member.name.split()[0].rstrip(".").lower() in _TITLES):
        out.append(rf"(?:{titles})\.?\s+{regex.escape(words[-1])}")
    return out


def compile_alternatives(alternatives: Iterable[str]) -> regex.Pattern[str] | None:
    parts = sorted(set(alternatives), key=len, reverse=True)
    if not parts:
        return None
    return regex.compile(rf"(?<![\p{{L}}'’-])(?:{'|'.join(parts)})(?!\p{{L}})", regex.IGNORECASE)


def passages(
    form: Form,
    pattern: regex.Pattern[str],
    *,
    pronouns: regex.Pattern[str],
    skip_kinds: frozenset[str] = frozenset(),
) -> Iterator[Passage]:
    """Every sentence about the person ``pattern`` names, in form order."""
    for section in form.sections:
        if section.kind in skip_kinds:
            continue
        about = bool(pattern.search(section.heading))
        previous_block = None
        following = False
        for sentence in section.sentences:
            if sentence.block is not previous_block:
                following, previous_block = False, sentence.block
            if pattern.search(sentence.text):
                # "He said he likes it when Liam takes him fishing": a sentence that
                # opens with someone else's pronoun does not make Liam the next "he".
                following = following or not pronouns.match(sentence.text.lstrip(" \"'“‘(-•*"))
                yield Passage(section, sentence, True)
            elif about or (following and pronouns.match(sentence.text.lstrip(" \"'“‘(-•*"))):
                yield Passage(section, sentence, False)
            else:
                following = False


def first_sentence(form: Form, pattern: regex.Pattern[str]) -> tuple[Section, Sentence] | None:
    """The first sentence (details included) that names the person."""
    for section in form.sections:
        for sentence in section.sentences:
            if pattern.search(sentence.text):
                return section, sentence
    return None


def section_of(form: Form, member: Member) -> Section | None:
    """The section holding the place the member was first recorded."""
    if member.location is None:
        return None
    for section in form.sections:
        if any(block.location == member.location for block in section.blocks):
            return section
    return None
