"""Form profiles: which headings mean which section, per form type. Profiles are data.

A profile is a TOML file (see ``formlint/data/profiles``); built-ins extend
``common.toml``. Loading is pure: the same file always gives the same Profile.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

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


def _lookup(table: tuple[tuple[str, str], ...], key: str, *, prefix: bool = True) -> str | None:
    if not key:
        return None
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


def _read(name: str) -> dict[str, object]:
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
def load_profile(name: str) -> Profile:
    """A built-in profile by id. Raises KeyError naming the valid ids."""
    if name not in (*BUILTIN, GENERIC):
        raise KeyError(f"unknown profile {name!r}; choose from {', '.join(BUILTIN)}")
    data = _read(name)
    base = _read(str(data["extends"])) if "extends" in data else {}
    guidance = [*base.get("guidance", []), *data.get("guidance", [])]  # type: ignore[misc]
    return Profile(
        id=str(data["id"]),
        name=str(data["name"]),
        titles=tuple(normalise(t) for t in data.get("titles", [])),  # type: ignore[attr-defined]
        required=tuple(data.get("required", [])),  # type: ignore[arg-type]
        family_facing=tuple(data.get("family_facing", base.get("family_facing", []))),  # type: ignore[arg-type]
        sections=_synonyms(base.get("sections"), data.get("sections")),
        metadata=_synonyms(base.get("metadata"), data.get("metadata")),
        columns=frozenset(
            normalise(c)
            for table in (base.get("columns"), data.get("columns"))
            if isinstance(table, dict)
            for words in table.values()
            for c in words
        ),
        guidance=regex.compile("|".join(f"(?:{g})" for g in guidance) or r"(?!)", regex.I),
        patterns=tuple(
            (regex.compile(pattern), kind)
            for table in (data.get("patterns"), base.get("patterns"))
            if isinstance(table, dict)
            for kind, patterns in table.items()
            for pattern in patterns
        ),
        thresholds=_thresholds(base.get("thresholds"), data.get("thresholds")),
    )


def _thresholds(*tables: object) -> tuple[tuple[str, int], ...]:
    merged: dict[str, int] = {}
    for table in tables:
        if isinstance(table, dict):
            merged.update({str(kind): int(words) for kind, words in table.items()})
    return tuple(sorted(merged.items()))


@cache
def all_titles() -> frozenset[str]:
    return frozenset(t for name in BUILTIN for t in load_profile(name).titles)


def detect_profile(title_lines: list[str], kinds: set[str | None]) -> str:
    """Pick the profile whose title phrases appear in the form's opening lines.

    Falls back to the sections present (a danger statement means Signs of
    Safety; a contingency and plan without analysis means a plan), then to the
    generic profile.
    """
    text = " ".join(normalise(t) for t in title_lines)
    best, best_len = GENERIC, 0
    for name in BUILTIN:
        for phrase in load_profile(name).titles:
            if phrase and f" {phrase} " in f" {text} " and len(phrase) > best_len:
                best, best_len = name, len(phrase)
    if best != GENERIC:
        return best
    if "danger_statement" in kinds or "scaling" in kinds:
        return "sos"
    if "plan_actions" in kinds and "contingency" in kinds and "analysis" not in kinds:
        return "plan"
    if "analysis" in kinds and ("parenting_capacity" in kinds or "dev_needs" in kinds):
        return "cfa"
    return GENERIC
