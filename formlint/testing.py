"""Helpers for rule authors: run a rule's documented examples (the built-in pack uses these too)."""

from __future__ import annotations

import datetime as dt

from formlint.api import parse
from formlint.engine import run_rules
from formlint.finding import Finding
from formlint.model import Form
from formlint.rule import Context, Example, Rule

EXAMPLE_DATE = dt.date(2024, 6, 1)


def run_example(rule: type[Rule], example: Example, *, as_of: dt.date = EXAMPLE_DATE) -> list[Finding]:
    """The findings ``rule`` gives on the example form (read as a plain-text form).

    The example's own ``as_of`` wins over the argument; its ``previous`` text (or texts,
    oldest first), if any, is parsed the same way and given as the earlier version(s).
    """
    form = parse(example.form.encode("utf-8"), name=f"{rule.slug}-example.txt")
    texts = example.previous_versions
    previous: tuple[Form, ...] = tuple(
        parse(
            text.encode("utf-8"),
            name=f"{rule.slug}-example-previous{'' if len(texts) == 1 else f'-{n}'}.txt",
        )
        for n, text in enumerate(texts, start=1)
    )
    context = Context(as_of=example.as_of or as_of, previous=previous)
    findings, failures = run_rules(form, [rule], context)
    if failures:
        raise AssertionError(f"{rule.slug} raised on its example: {failures[0].message}")
    return [f for f in findings if f.rule == rule.slug]


def check_examples(rule: type[Rule]) -> list[str]:
    """Problems with a rule's examples: each one that does not behave as documented."""
    problems = []
    if not any(e.flagged for e in rule.examples) or not any(not e.flagged for e in rule.examples):
        problems.append(f"{rule.slug}: needs at least one flagged and one not-flagged example")
    for example in rule.examples:
        found = run_example(rule, example)
        if example.flagged and not found:
            problems.append(f"{rule.slug}: expected a finding on {example.form!r}")
        if not example.flagged and found:
            problems.append(f"{rule.slug}: unexpected finding on {example.form!r}: {found[0].message}")
    return problems
