"""C302 incident-only-focus: a protection response sees only the incident, not the child's wider needs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form, Section
from formlint.rule import Context, Example, Rule
from formlint_rules.sectioned_lexicon import categories, pattern

_LEXICON = "incident_only_focus"
_DOMAIN_NAMES = {
    "health": "health",
    "education": "education",
    "emotional": "emotional and behavioural development",
    "identity": "identity",
    "relationships": "family and social relationships",
    "presentation": "social presentation",
    "self_care": "self-care skills",
}
# A child protection enquiry or its outcome: the forms this rule is for.
_PROTECTION = regex.compile(
    r"\b(?:section|s\.?)\s?47\b|\bchild protection (?:enquir(?:y|ies)|investigation)\b|"
    r"\b(?:initial|review) child protection conference\b|\bconference report\b",
    regex.IGNORECASE,
)
# A record whose purpose is the immediate incident.
_STRATEGY = regex.compile(r"\bstrategy (?:discussion|meeting)s?\b(?! (?:was|were) held)", regex.IGNORECASE)


def _title_text(form: Form) -> str:
    """The form's title and the headings before its first known section."""
    first_known = next((i for i, s in enumerate(form.sections) if s.kind), len(form.sections))
    return "\n".join(
        [form.metadata.title or ""] + [s.heading for s in form.sections[: first_known + 1] if s.kind is None]
    )


# An adult's own account ("Mother's account", "Parents' views"): its feelings are the adult's.
_ADULT_ACCOUNT = regex.compile(
    r"\b(?:mother|father|mum|dad|parent|carer|partner|step\w+)s?['’]?s?\s+(?:account|views?|response|version)\b",
    regex.IGNORECASE,
)


def _read(form: Form, skipped: Sequence[str]) -> list[Section]:
    """The body sections: not the details before the first known section, nor those ``skipped``,
    nor an adult's own account under a heading the profile does not know."""
    first_known = next((i for i, s in enumerate(form.sections) if s.kind), len(form.sections))
    return [
        s
        for i, s in enumerate(form.sections)
        if i >= first_known
        and s.kind not in skipped
        and not (s.kind is None and _ADULT_ACCOUNT.search(s.heading))
    ]


def domains_in(text: str) -> list[str]:
    """The developmental-needs dimensions ``text`` speaks of, in lexicon order."""
    return [name for name in categories(_LEXICON) if pattern(_LEXICON, name).search(text)]


class IncidentOnlyFocus(Rule):
    code = "C302"
    slug = "incident-only-focus"
    summary = (
        "A child protection response that deals only with the incident or allegation and says nothing "
        "about the child's wider developmental needs."
    )
    pattern = "3b"
    severity = Severity.INFO
    why = (
        "In a crisis the immediate incident dominates: attention goes to the most visible problem and the "
        "child's wider needs (health, education, emotional wellbeing, identity, relationships) are "
        "overlooked, so the response ends when the incident is 'dealt with' while the needs that put the "
        "child at risk remain."
    )
    fix = (
        "Beyond the incident, say how the child is doing in health, education, emotional and behavioural "
        "development, identity and relationships, what needs were found, and how they will be met (or "
        "that they were considered and none were found)."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Form profiles that are always protection responses; others qualify when they name a s47 enquiry.
        "profiles": ("cp_conference",),
        # Sections that tell what happened rather than weigh the child's needs.
        "skipped_sections": (
            "referral",
            "chronology",
            "history",
            "basis_of_assessment",
            "family_composition",
            "child_details",
            "manager_oversight",
            "signatures",
            "consent",
            "parent_views",
        ),
        # Fewer dimensions than this is reported.
        "min_domains": 2,
    }
    examples = (
        Example(
            "CHILD PROTECTION ENQUIRY (SECTION 47) OUTCOME\n\nANALYSIS\nThe bruise was caused by father "
            "smacking Noah. Father "
            "has accepted this and agreed not to use physical chastisement. NFA.",
            True,
            "only the incident and the father's response",
        ),
        Example(
            "REPORT TO INITIAL CHILD PROTECTION CONFERENCE\n\nANALYSIS\nThe incident has been dealt with "
            "by police; no further concerns.",
            True,
            "the incident is closed and nothing else is considered",
        ),
        Example(
            "CHILD PROTECTION ENQUIRY (SECTION 47) OUTCOME\n\nANALYSIS\nThe bruise was caused by father "
            "smacking Noah. Beyond "
            "the incident, Noah's speech delay (noted at his 2-year check) has not been followed up and he "
            "is not taking up his nursery place; these needs are part of the CIN plan.",
            False,
            "health and education needs are weighed as well as the incident",
        ),
        Example(
            "REPORT TO INITIAL CHILD PROTECTION CONFERENCE\n\nHEALTH\nMia is registered with a GP and her "
            "immunisations are up to date.\n\nEDUCATION\nMia attends school every day; her teacher "
            "describes her as anxious since the incident.",
            False,
            "a section per dimension: health, education, emotional wellbeing",
        ),
        Example(
            "STRATEGY DISCUSSION RECORD\nSection 47 enquiry agreed.\n\nANALYSIS\nThe bruise needs a "
            "paediatric examination today.",
            False,
            "a strategy record is about the immediate incident",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        title = _title_text(form)
        if _STRATEGY.search(title):
            return
        profiles = tuple(self.option(context, "profiles") or ())
        framing = " ".join(s.text for s in form.sections_of("referral", "decision", "recommendation"))
        if form.profile not in profiles and not _PROTECTION.search(f"{title}\n{framing}"):
            return
        sections = _read(form, tuple(self.option(context, "skipped_sections") or ()))
        if not any(s.text.strip() for s in sections):
            return
        found = domains_in("\n".join([*(s.heading for s in sections), *(s.text for s in sections)]))
        if len(found) >= int(self.option(context, "min_domains") or 2):
            return
        missing = [_DOMAIN_NAMES[d] for d in _DOMAIN_NAMES if d not in found]
        where = next((s for s in sections if s.kind in ("analysis", "risk_analysis")), sections[0])
        covered = f" (only {_DOMAIN_NAMES[found[0]]} is touched on)" if found else ""
        yield self.finding(
            f"This protection report deals with the incident but not the child's wider needs{covered}: "
            f"nothing on {', '.join(missing[:4])}. Say how the child is doing in each and what needs to "
            "be met beyond the incident.",
            section=where,
        )
