"""The rule base class: a small class with metadata, examples and a pure check.

A rule reads a parsed :class:`~formlint.model.Form` and yields findings. Its
class attributes are the single source of the docs page, ``formlint rule``
output and the example tests, so docs cannot drift from behaviour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from formlint.finding import Finding, Severity
from formlint.model import Block, Form, Location, Section, Sentence

SEED_PATTERNS = {
    "1a": "1a. The influence of assessment forms: forms that discourage reasoning and a healthy unease",
    "1b": "1b. The influence of the assessment framework: a focus on need discourages naming risk",
    "1c": "1c. The influence of the case management framework: revision becomes an interruption",
    "2a": "2a. Resource-demand mismatch",
    "2b": "2b. Performance indicators and borrowing from safety",
    "2c": "2c. Supervision",
    "3a": "3a. Organisational culture around priority setting",
    "3b": "3b. Understanding the nature of the task in a crisis",
    "3c": "3c. Reserve capacity",
    "3d": "3d. The importance of knowing each other",
    "3e": "3e. Referral procedures and cultures of feedback",
    "4a": "4a. Assessment and planning as a one-off event or an ongoing process",
    "4b": "4b. Clarity of roles and responsibilities",
    "4c": "4c. Teamwork: repressed conflict and group think",
    "5": "5. Family-professional interactions",
    "5a": "5a. Salience of the mother in social services involvement",
    "5b": "5b. Classic gendered presentation of problems by family members",
    "6": "6. Human judgement",
    "6a": "6a. Failure to review judgements and plans",
    "6b": "6b. Drift into failure",
    "6c": "6c. Attribution error",
}


@dataclass(frozen=True)
class Example:
    """A documented case, run by the tests: a short form in plain-text layout."""

    form: str
    flagged: bool
    note: str = ""
    # For rules that read earlier versions or dates: a previous version's text
    # (plain-text layout, like ``form``), or a tuple of several oldest first, and the
    # date the check is run as of.
    previous: str | tuple[str, ...] | None = None
    as_of: dt.date | None = None

    @property
    def previous_versions(self) -> tuple[str, ...]:
        """The previous versions' texts, oldest first (empty when there are none)."""
        if self.previous is None:
            return ()
        return (self.previous,) if isinstance(self.previous, str) else tuple(self.previous)


@dataclass(frozen=True)
class Context:
    """What a rule may know beyond the form itself."""

    as_of: dt.date = field(default_factory=dt.date.today)
    previous: tuple[Form, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)


class Rule:
    """Subclass, set the metadata, implement :meth:`check`."""

    code: ClassVar[str]
    slug: ClassVar[str]
    summary: ClassVar[str]
    pattern: ClassVar[str]  # key of SEED_PATTERNS
    # Where the rule's evidence is: reference keys of the project's rule catalogue ("S1") and
    # other named sources ("Ofsted inspection reports").
    sources: ClassVar[tuple[str, ...]] = ()
    severity: ClassVar[Severity] = Severity.WARNING
    why: ClassVar[str] = ""
    fix: ClassVar[str] = ""
    options: ClassVar[Mapping[str, Any]] = {}
    examples: ClassVar[tuple[Example, ...]] = ()

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def pattern_text(cls) -> str:
        return SEED_PATTERNS.get(cls.pattern, cls.pattern)

    def option(self, context: Context, name: str) -> Any:
        return context.options.get(name, self.options.get(name))

    def finding(
        self,
        message: str,
        *,
        section: Section | None = None,
        sentence: Sentence | None = None,
        block: Block | None = None,
        text: str | None = None,
        severity: Severity | None = None,
        suggestion: str | None = None,
        location: Location | None = None,
    ) -> Finding:
        """A finding located at the most precise thing given: ``location``, sentence, block,
        section, form."""
        where, quoted = Location(), None
        if sentence is not None:
            where, quoted = sentence.location, sentence.text
        elif block is not None:
            where, quoted = block.location, block.text
        elif section is not None:
            where = section.location
        return Finding(
            code=self.code,
            rule=self.slug,
            severity=severity or self.severity,
            message=message,
            location=location if location is not None else where,
            section=section.kind if section else None,
            heading=section.heading if section else None,
            text=text if text is not None else quoted,
            pattern=self.pattern_text(),
            suggestion=suggestion if suggestion is not None else self.fix,
        )
