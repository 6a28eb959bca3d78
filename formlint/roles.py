"""Role words: "mother", "stepdad", "maternal grandmother", "health visitor" (data in roles.toml)."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

import regex

__all__ = ["Role", "role_of", "role_pattern", "role_words", "roles"]


@dataclass(frozen=True)
class Role:
    """What a role word says about a person: a canonical role, gender where the word gives
    one, whether the person is a child, whether a professional."""

    canonical: str
    gender: str | None
    child: bool
    professional: bool


@functools.cache
def roles() -> dict[str, Role]:
    """Every role word, lower-case, with what it says."""
    source = resources.files("formlint.data").joinpath("roles.toml").read_text(encoding="utf-8")
    data = tomllib.loads(source)
    table: dict[str, Role] = {}
    for canonical, spec in data["family"].items():
        for word in spec["words"]:
            table[word] = Role(canonical, spec.get("gender"), bool(spec.get("child")), False)
    for word in data["professional"]["words"]:
        table.setdefault(word, Role(word, None, False, True))
    return table


@functools.cache
def role_words() -> str:
    """An alternation of every role word, longest first ("maternal grandmother" before "grandmother")."""
    return "|".join(regex.escape(w) for w in sorted(roles(), key=len, reverse=True))


@functools.cache
def role_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"\b(?:{role_words()})\b", regex.IGNORECASE)


def role_of(text: str) -> Role | None:
    """The first role word in ``text``."""
    match = role_pattern().search(text)
    return roles()[match.group().lower()] if match else None


def words_for(canonical: str) -> list[str]:
    """Every word for one canonical role ("father" -> father, dad, birth father, ...)."""
    return [word for word, role in roles().items() if role.canonical == canonical]
