"""Run rules over a form: pure, from a parsed form to sorted findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from formlint.finding import Finding, Severity
from formlint.model import Form
from formlint.rule import Context, Rule


@dataclass(frozen=True)
class RuleFailure:
    """A rule that raised on this form: reported, never allowed to stop the run."""

    rule: str
    message: str


def run_rules(
    form: Form,
    rules: Iterable[type[Rule]],
    context: Context,
    *,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    severity: Mapping[str, Severity] | None = None,
) -> tuple[list[Finding], list[RuleFailure]]:
    """Run each rule on ``form``. ``options`` (rule slug -> option table) reach the rule as
    ``context.options`` on top of any the context already has; ``severity`` (rule slug ->
    severity) replaces the severity of every finding of that rule."""
    findings: list[Finding] = []
    failures: list[RuleFailure] = []
    for rule_class in rules:
        own = (options or {}).get(rule_class.slug)
        rule_context = replace(context, options={**context.options, **own}) if own else context
        found: list[Finding] = []
        try:
            found.extend(rule_class().check(form, rule_context))
        except Exception as exc:  # a rule bug must not lose the other rules' findings
            failures.append(RuleFailure(rule_class.slug, f"{type(exc).__name__}: {exc}"))
        wanted = (severity or {}).get(rule_class.slug)
        if wanted is not None:
            found = [f if f.severity == wanted else replace(f, severity=wanted) for f in found]
        findings.extend(found)
    findings.sort(key=Finding.sort_key)
    return findings, failures
