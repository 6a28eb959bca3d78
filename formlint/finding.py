"""Findings: what a rule reports, with everything a quality assurer needs to act on it."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from formlint.model import Location


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}; choose info, warning or error") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Finding:
    """One thing found in one form.

    ``text`` is the form's own words (the exact sentence or excerpt) or None for
    a finding about the whole form; ``pattern`` names the seed pattern the rule
    serves, so a reader knows why it matters.
    """

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location
    section: str | None = None
    heading: str | None = None
    text: str | None = None
    pattern: str = ""
    suggestion: str = ""

    def sort_key(self) -> tuple[int, int, int, int, int, str]:
        loc = self.location
        return (
            loc.page or 0,
            loc.table or 0,
            loc.row or 0,
            loc.paragraph if loc.paragraph is not None else -1,
            loc.start or 0,
            self.code,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "section": self.section,
            "heading": self.heading,
            "text": self.text,
            "location": self.location.to_dict(),
            "pattern": self.pattern,
            "suggestion": self.suggestion,
        }
