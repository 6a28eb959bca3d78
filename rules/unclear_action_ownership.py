"""A403 unclear-action-ownership: a plan action with no named owner or no timescale."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form
from formlint.plan import PlanAction, is_standing
from formlint.rule import Context, Example, Rule


def _missing(action: PlanAction) -> list[str]:
    # A standing condition ("X not to come to the home") holds throughout: no date is due.
    timescale = action.timescale or ("throughout" if is_standing(action.text) else None)
    return [what for what, value in (("owner", action.owner), ("timescale", timescale)) if not value]


_PROPOSED = regex.compile(r"\b(?:outline|proposed|draft|suggested|recommended)\b", regex.IGNORECASE)


class UnclearActionOwnership(Rule):
    code = "A403"
    slug = "unclear-action-ownership"
    summary = "A plan action that names no one to do it, or no date or frequency to do it by."
    pattern = "4b"
    sources = ("S1", "S27", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "Case reviews find plans where everyone assumed someone else would act: 'the situation will "
        "be monitored' names no one, and 'ongoing' sets no point at which anyone can tell the action "
        "was not done. Clear roles and responsibilities are what make a plan protective."
    )
    fix = (
        "Name who will do it (a person, or a role and agency) and by when or how often: "
        "'Social worker (Priya Shah) will make fortnightly unannounced visits from 6 May'."
    )
    options: ClassVar[Mapping[str, object]] = {
        # A plan where at least this share of actions is unclear is reported as an error.
        "error_share": 0.5,
    }
    examples = (
        Example("PLAN\n1. Home conditions will be monitored.", True, "agentless passive, no timescale"),
        Example(
            "PLAN\n1. Support to be offered to mother. Timescale: ongoing.",
            True,
            "no owner, and 'ongoing' is not a timescale",
        ),
        Example(
            "PLAN\n1. All professionals to share concerns as appropriate.",
            True,
            "a collective owner is no owner",
        ),
        Example(
            "PLAN\n1. Social worker (Priya Shah) will make fortnightly unannounced visits from 6 May.",
            False,
            "a named owner and a frequency with a start",
        ),
        Example(
            "PLAN\n1. Family support worker (Sam Lee) will deliver six Solihull sessions with mother by "
            "30 June.",
            False,
            "owner and deadline",
        ),
        Example(
            "PLAN\n| Action | Lead | By when |\n|---|---|---|\n| Asthma review at the GP | Mrs Aziz | "
            "14/06/2024 |",
            False,
            "owner and date in table columns of any wording",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        # An outline plan put to a conference is a proposal the conference will turn into the
        # plan, with owners and dates: its lines are not yet the plan's actions.
        actions = [a for a in form.actions if not _PROPOSED.search(a.heading or "")]
        unclear = [(a, _missing(a)) for a in actions if _missing(a)]
        if not unclear:
            return
        share = float(self.option(context, "error_share") or 1.0)
        severity = Severity.ERROR if len(actions) >= 2 and len(unclear) / len(actions) >= share else None
        sections = {(s.kind, s.heading): s for s in form.sections}
        for action, missing in unclear:
            lacks = " or ".join("a named owner" if m == "owner" else "a timescale" for m in missing)
            yield self.finding(
                f"This action has no {lacks.removeprefix('a ')}: '{action.text}'." if len(missing) == 1
                else f"This action names no one to do it and no timescale: '{action.text}'.",
                section=sections.get((action.kind, action.heading)),
                text=action.text,
                location=action.location,
                severity=severity,
            )
