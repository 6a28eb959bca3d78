"""Form profiles: which headings mean which section, per form type. Profiles are data.

A profile is a TOML file (see ``formlint/data/profiles``); built-ins extend
``common.toml``. Loading is pure: the same file always gives the same Profile.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from formlint.headings import clean_heading, normalise

BUILTIN = ("cfa", "cp_conference", "plan", "sos", "eha")
GENERIC = "common"


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    titles: tuple[str, ...]
    required: tuple[str, ...]
    family_facing: tuple[str, ...]
    # normalised synonym -> canonical id, longest synonyms first for prefix matching
    sections: tuple[tuple[str, str], ...]
    metadata: tuple[tuple[str, str], ...]
    columns: frozenset[str]
    guidance: regex.Pattern[str]
    # Heading shapes, tried after the synonyms: "What does mum think?", "Team manager's thinking".
    patterns: tuple[tuple[regex.Pattern[str], str], ...] = ()
    # Section kind -> the fewest words its answer should have (thin-section, T105); a
    # profile's own table overrides the entries of the one it extends.
    thresholds: tuple[tuple[str, int], ...] = ()

    def section_kind(self, heading: str) -> str | None:
        """Canonical id for a heading as written, or None when the profile does not know it."""
        key = normalise(heading)
        kind = _lookup(self.sections, key)
        head = _SEPARATOR.split(clean_heading(heading), maxsplit=1)[0]
        if kind is None and head != clean_heading(heading):
            # "Danger statement - what are we worried will happen?": the part before the dash names it.
            kind = _lookup(self.sections, normalise(head), prefix=False)
        for candidate in (key, normalise(head)):
            if kind is None:
                kind = next((k for pattern, k in self.patterns if pattern.search(candidate)), None)
        if kind is None and _BILINGUAL.search(heading):
            # "Adran 11: Dadansoddiad / Section 11: Analysis": a heading in two languages.
            kind = next(filter(None, (self.section_kind(part) for part in _BILINGUAL.split(heading))), None)
        return kind

    def metadata_field(self, label: str) -> str | None:
        return _lookup(self.metadata, normalise(label), prefix=False)

    def is_column(self, label: str) -> bool:
        """True for a plan/action table column heading ("Who", "By when")."""
        key = normalise(label)
        return key in self.columns or any(normalise(part) in self.columns for part in label.split("/"))

    def is_title(self, text: str) -> bool:
        """True when ``text`` names a form type ("Child Protection Plan"), i.e. it is the form's title."""
        key = normalise(text)
        return any(key == t or key.startswith(t + " ") or key.endswith(" " + t) for t in all_titles())

    def is_guidance(self, text: str) -> bool:
        return bool(self.guidance.search(text.strip()))


_BILINGUAL = regex.compile(r"\s+/\s+")


def _lookup(table: tuple[tuple[str, str], ...], key: str, *, prefix: bool = True) -> str | None:
    if not key:
        return None
    if key.startswith("the "):
        # "The child protection plan", "The referral": the article changes nothing.
        found = _lookup(table, key[4:], prefix=prefix)
        if found is not None:
            return found
    for synonym, kind in table:
        if key == synonym:
            return kind
    if prefix:
        # "Analysis of the information gathered" and "Education (Jacob)" -> their section;
        # "Plan shared with Kian" (a tick-box question) is not the plan. Longest synonym wins.
        for synonym, kind in table:
            if len(synonym) >= 4 and key.startswith(synonym + " "):
                rest = key[len(synonym) + 1 :].split()
                if " " not in synonym and rest[0] in _DETAIL_WORDS:
                    continue  # "Plan version", "Plan agreed by": details about the plan, not the plan
                if len(rest) <= 2 or rest[0] in _CONNECTORS:
                    return kind
    return None


_SEPARATOR = regex.compile(r"\s+[-–—/]\s+|\s*[:(]\s*")
_DETAIL_WORDS = frozenset(
    "version agreed date dated shared signed start started number status reviewed by made ref reference"
    .split()
)
_CONNECTORS = frozenset(
    """of and for including with to in on about from by at or incl inc e g i e agreed dated following
    after since until""".split()
)


def _read(name: str) -> dict[str, Any]:
    text = resources.files("formlint.data.profiles").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def _synonyms(*tables: object) -> tuple[tuple[str, str], ...]:
    merged: dict[str, str] = {}
    for table in tables:
        if isinstance(table, dict):
            for kind, words in table.items():
                for word in words:
                    merged[normalise(word)] = kind
    return tuple(sorted(merged.items(), key=lambda kv: -len(kv[0])))


@cache
def _builtin(name: str) -> Profile:
    return _build(_chain(name))


def _chain(name: str) -> list[dict[str, Any]]:
    """A built-in's data and the data of those it extends, the most general first."""
    data = _read(name)
    return [*(_chain(str(data["extends"])) if "extends" in data else []), data]


def load_profile(name: str) -> Profile:
    """A profile by id: a built-in (cached), or a user profile in force for this call (see
    :func:`using_profiles`). Raises KeyError naming the valid ids."""
    if name in (*BUILTIN, GENERIC):
        return _builtin(name)
    user = _user()
    if name in user:
        return user[name]
    raise KeyError(f"unknown profile {name!r}; choose from {', '.join((*BUILTIN, *user))}")


def _inherited(chain: list[dict[str, Any]], key: str) -> list[Any]:
    """The most specific profile's value for ``key``, else the nearest one it extends."""
    return next((list(d[key]) for d in reversed(chain) if key in d), [])


def _build(chain: list[dict[str, Any]]) -> Profile:
    """A Profile from its data and the data it extends (most general first): synonyms,
    columns, guidance, patterns and thresholds merge (the more specific wins); ``required``
    and ``family_facing`` are inherited unless given; ``titles`` are never inherited, so a
    profile is detected by its own title phrases only."""
    data = chain[-1]
    guidance = [g for d in chain for g in d.get("guidance", [])]
    return Profile(
        id=str(data["id"]),
        name=str(data["name"]),
        titles=tuple(normalise(t) for t in data.get("titles", [])),
        required=tuple(_inherited(chain, "required")),
        family_facing=tuple(_inherited(chain, "family_facing")),
        sections=_synonyms(*(d.get("sections") for d in chain)),
        metadata=_synonyms(*(d.get("metadata") for d in chain)),
        columns=frozenset(
            normalise(c)
            for d in chain
            if isinstance(d.get("columns"), dict)
            for words in d["columns"].values()
            for c in words
        ),
        guidance=regex.compile("|".join(f"(?:{g})" for g in guidance) or r"(?!)", regex.I),
        patterns=tuple(
            (regex.compile(pattern), kind)
            for d in reversed(chain)
            if isinstance(d.get("patterns"), dict)
            for kind, patterns in d["patterns"].items()
            for pattern in patterns
        ),
        thresholds=_thresholds(*(d.get("thresholds") for d in chain)),
    )


def _thresholds(*tables: object) -> tuple[tuple[str, int], ...]:
    merged: dict[str, int] = {}
    for table in tables:
        if isinstance(table, dict):
            merged.update({str(kind): int(words) for kind, words in table.items()})
    return tuple(sorted(merged.items()))


@cache
def _builtin_titles() -> frozenset[str]:
    return frozenset(t for name in BUILTIN for t in load_profile(name).titles)


def all_titles() -> frozenset[str]:
    """Every title phrase of the built-in profiles and the user profiles in force."""
    user = _user()
    if not user:
        return _builtin_titles()
    return _builtin_titles() | frozenset(t for p in user.values() for t in p.titles)


@dataclass(frozen=True)
class Detection:
    """Which profile a form was read with, and why (shown by ``formlint sections``)."""

    profile: str
    reason: str  # "forced", "title", "sections" or "fallback"
    detail: str

    def __str__(self) -> str:
        return f"{self.profile} ({self.detail})"


def detect(title_lines: list[str], kinds: set[str | None]) -> Detection:
    """Pick the profile whose title phrases appear in the form's opening lines, and say why.

    The longest phrase wins; a user profile in force (:func:`using_profiles`) wins a tie with a
    built-in. Falls back to the sections present (a danger statement means Signs of Safety; a
    contingency and plan without analysis means a plan), then to the generic profile.
    """
    text = " ".join(normalise(t) for t in title_lines)
    best, best_len, best_phrase = GENERIC, 0, ""
    candidates = [*_user().values(), *(load_profile(name) for name in BUILTIN)]
    for profile in candidates:
        for phrase in profile.titles:
            if phrase and f" {phrase} " in f" {text} " and len(phrase) > best_len:
                best, best_len, best_phrase = profile.id, len(phrase), phrase
    if best != GENERIC:
        return Detection(best, "title", f"title phrase {best_phrase!r} in the opening lines")
    if "danger_statement" in kinds or "scaling" in kinds:
        present = " and ".join(k for k in ("danger_statement", "scaling") if k in kinds)
        return Detection("sos", "sections", f"no title phrase; sections present: {present}")
    if "plan_actions" in kinds and "contingency" in kinds and "analysis" not in kinds:
        return Detection(
            "plan", "sections", "no title phrase; sections present: plan_actions and contingency, no analysis"
        )
    if "analysis" in kinds and ("parenting_capacity" in kinds or "dev_needs" in kinds):
        other = "parenting_capacity" if "parenting_capacity" in kinds else "dev_needs"
        return Detection("cfa", "sections", f"no title phrase; sections present: analysis and {other}")
    return Detection(GENERIC, "fallback", "no title phrase or telling sections: the generic profile")


def detect_profile(title_lines: list[str], kinds: set[str | None]) -> str:
    """The id :func:`detect` picks."""
    return detect(title_lines, kinds).profile


# ---- user profiles ----------------------------------------------------------------------
#
# A user profile is a TOML file in the built-in format (see docs/configuration.md) named by the
# configuration's ``profiles`` key. Nothing is registered globally: the caller passes the
# loaded profiles to :func:`using_profiles` around parsing and checking one form, which makes
# them visible to :func:`load_profile` and :func:`detect` in that thread or task only (a
# ContextVar, reset on exit), so rules that call ``load_profile(form.profile)`` see them too.

_USER_PROFILES: ContextVar[Mapping[str, Profile] | None] = ContextVar("formlint_user_profiles", default=None)


def _user() -> Mapping[str, Profile]:
    return _USER_PROFILES.get() or {}

PROFILE_KEYS = (
    "id", "name", "extends", "titles", "required", "family_facing", "guidance", "sections",
    "metadata", "columns", "patterns", "thresholds",
)
_LISTS = ("titles", "required", "family_facing", "guidance")
_TABLES = ("sections", "metadata", "columns", "patterns", "thresholds")


class ProfileError(ValueError):
    """A user profile file formlint cannot use; the message names the file and line."""


@contextmanager
def using_profiles(profiles: Iterable[Profile]) -> Iterator[None]:
    """Make ``profiles`` (user profiles) known to :func:`load_profile` and :func:`detect` for
    the duration of the ``with`` block, in this thread or task only."""
    token = _USER_PROFILES.set({p.id: p for p in profiles})
    try:
        yield
    finally:
        _USER_PROFILES.reset(token)


def user_profiles() -> tuple[Profile, ...]:
    """The user profiles in force (see :func:`using_profiles`)."""
    return tuple(_user().values())


def read_user_profile(path: str | Path) -> Profile:
    """Load a user profile file. It may ``extends`` a built-in (``cfa``, ``plan`` ...) or
    ``common`` (the default). Raises :class:`ProfileError` naming the file, the line and the
    nearest valid choice for an unknown key, base profile or section kind."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ProfileError(f"{path}: profile file cannot be read ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML ({exc})") from None

    from formlint.config import key_line, scan_lines

    lines = scan_lines(text)

    def fail(message: str, key: str | tuple[str, ...], choices: Iterable[str] = ()) -> ProfileError:
        line = key_line(lines, (key,) if isinstance(key, str) else key)
        where = f"{path}:{line}" if line else str(path)
        close = difflib.get_close_matches(message.split("'")[1] if "'" in message else "", list(choices), n=1)
        return ProfileError(f"{where}: {message}" + (f"; did you mean {close[0]!r}?" if close else ""))

    for key in data:
        if key not in PROFILE_KEYS:
            raise fail(f"unknown profile key {key!r}", key, PROFILE_KEYS)
    for key in ("id", "name"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise ProfileError(f"{path}: a profile needs {key} = \"...\"")
    if data["id"] in (*BUILTIN, GENERIC):
        raise fail(f"profile id '{data['id']}' is a built-in profile's; give yours its own id", "id")
    base = str(data.get("extends", GENERIC))
    if base not in (*BUILTIN, GENERIC):
        raise fail(f"unknown profile '{base}' in extends", "extends", (*BUILTIN, GENERIC))
    for key in _LISTS:
        if key in data and not (isinstance(data[key], list) and all(isinstance(v, str) for v in data[key])):
            raise fail(f"{key} must be a list of strings", key)
    for key in _TABLES:
        if key in data and not isinstance(data[key], dict):
            raise fail(f"{key} must be a table", key)
    chain = [*_chain(base), data]
    kinds = {kind for d in chain for kind in d.get("sections", {})}
    for key in ("required", "family_facing"):
        for kind in data.get(key, []):
            if kind not in kinds:
                raise fail(f"unknown section kind '{kind}' in {key}", key, kinds)
    for kind, words in data.get("thresholds", {}).items():
        if kind not in kinds:
            raise fail(f"unknown section kind '{kind}' in thresholds", ("thresholds", kind), kinds)
        if not isinstance(words, int) or isinstance(words, bool) or words < 0:
            raise fail(f"thresholds.{kind} must be a whole number of words", ("thresholds", kind))
    for kind, patterns in data.get("patterns", {}).items():
        for pattern in patterns:
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise fail(
                    f"patterns.{kind}: {pattern!r} is not a valid pattern ({exc})", ("patterns", kind)
                ) from None
    return _build([*_chain(base), data])
