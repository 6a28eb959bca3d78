"""Compiler-style text output: where, what, the form's own words, and how to put it right."""

from __future__ import annotations

from formlint.finding import Finding
from formlint.report import FileResult, Report


def _where(finding: Finding) -> str:
    parts = []
    if finding.heading:
        parts.append(f"'{finding.heading}'")
    loc = finding.location.describe()
    if loc != "whole form" or not parts:
        parts.append(loc)
    return ", ".join(parts)


def format_finding(path: str, finding: Finding) -> str:
    lines = [
        f"{path}: {_where(finding)}: {finding.code} {finding.rule} [{finding.severity}] {finding.message}"
    ]
    if finding.text:
        excerpt = " ".join(finding.text.split())
        lines.append(f"    | {excerpt[:300]}{'…' if len(excerpt) > 300 else ''}")
    if finding.suggestion:
        lines.append(f"    = help: {finding.suggestion}")
    return "\n".join(lines)


def format_error(result: FileResult) -> str:
    assert result.error is not None
    return f"{result.path}: error: {result.error.message} [{result.error.code}]"


def format_report(report: Report) -> str:
    out: list[str] = []
    for result in report.files:
        if result.error is not None:
            continue
        out.extend(format_finding(result.path, f) for f in result.findings)
        # Reader warnings (tracked changes, open comments, unreadable pages) are recording
        # problems in themselves, so they are shown, not only kept in JSON.
        out.extend(
            f"{result.path}: {w.location.describe()}: note [{w.code}] {w.message}"
            for w in (result.form.warnings if result.form else [])
        )
        out.extend(
            f"{result.path}: rule {r.rule} failed on this form: {r.message}" for r in result.rule_failures
        )
    s = report.summary()
    sev = s["by_severity"]
    out.append(
        f"Checked {s['files']} file(s): {s['findings']} finding(s) "
        f"({sev['error']} error, {sev['warning']} warning, {sev['info']} info); "
        f"{s['files_with_errors']} file(s) could not be read."
    )
    return "\n".join(out)
