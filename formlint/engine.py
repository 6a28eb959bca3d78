"""Run rules over a form: pure, from a parsed form to sorted findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from formlint.finding import Finding
from formlint.model import Form
from formlint.rule import Context, Rule


@dataclass(frozen=True)
class RuleFailure:
    """A rule that raised on this form: reported, never allowed to stop the run."""

    rule: str
    message: str


def run_rules(
    form: Form, rules: Iterable[type[Rule]], context: Context
) -> tuple[list[Finding], list[RuleFailure]]:
    findings: list[Finding] = []
    failures: list[RuleFailure] = []
    for rule_class in rules:
        try:
            findings.extend(rule_class().check(form, context))
        except Exception as exc:  # a rule bug must not lose the other rules' findings
            failures.append(RuleFailure(rule_class.slug, f"{type(exc).__name__}: {exc}"))
    findings.sort(key=Finding.sort_key)
    return findings, failures
