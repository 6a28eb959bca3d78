"""L101 service-user-term: the family is called "service users" in what the family reads."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from formlint.finding import Finding, Severity
from formlint.model import Form
from formlint.rule import Context, Example, Rule

_TERM = re.compile(r"\bservice[- ]users?\b", re.IGNORECASE)


class ServiceUserTerm(Rule):
    code = "L101"
    slug = "service-user-term"
    summary = "A family-facing section calls the family 'service users'."
    pattern = "5"  # seed pattern 5: family-professional interactions
    sources = ("LBX recording standards 2024, section 3",)
    severity = Severity.INFO
    why = "Families read these sections; 'service user' tells them they are a case, not people."
    fix = "Name the person ('Ms Carter') or their role ('Amy's mother')."
    options: ClassVar[Mapping[str, Any]] = {"sections": ("child_views", "parent_views", "plan_actions")}
    examples = (
        Example("PARENTS' VIEWS\nThe service user said she wants help with housing.", True),
        Example("PARENTS' VIEWS\nMs Carter said she wants help with housing.", False),
        Example("BACKGROUND\nThe service user moved in 2019.", False, "only family-facing sections"),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        for section in form.sections_of(*self.option(context, "sections")):
            for sentence in section.sentences:
                match = _TERM.search(sentence.text)
                if match:
                    yield self.finding(
                        f"'{match.group()}' in a family-facing section.", sentence=sentence, section=section
                    )
