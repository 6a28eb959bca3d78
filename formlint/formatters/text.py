"""Compiler-style text output: where, what, the form's own words, and how to put it right.

Two styles: ``full`` (the default: each finding with the form's words and the help line) and
``concise`` (one line per finding). Colour is added only when asked for (the CLI asks when it
writes to a terminal and neither NO_COLOR nor CI is set).
"""

from __future__ import annotations

from typing import ClassVar

from formlint import __version__
from formlint.finding import Finding, Severity
from formlint.formatters import RenderOptions
from formlint.formatters.common import where
from formlint.report import FileResult, Report

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_SEVERITY_COLOUR = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_GREEN = "\033[32m"


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def format_finding(path: str, finding: Finding, *, style: str = "full", color: bool = False) -> str:
    severity = _paint(f"[{finding.severity}]", _SEVERITY_COLOUR[finding.severity], color)
    head = (
        f"{_paint(path, _BOLD, color)}: {where(finding)}: "
        f"{_paint(finding.code, _BOLD, color)} {finding.rule} {severity} {finding.message}"
    )
    if style == "concise":
        return head
    lines = [head]
    if finding.text:
        excerpt = " ".join(finding.text.split())
        lines.append(_paint(f"    | {excerpt[:300]}{'…' if len(excerpt) > 300 else ''}", _DIM, color))
    if finding.suggestion:
        lines.append(f"    = {_paint('help:', _GREEN, color)} {finding.suggestion}")
    return "\n".join(lines)


def format_error(result: FileResult, *, color: bool = False) -> str:
    assert result.error is not None
    label = _paint("error:", _SEVERITY_COLOUR[Severity.ERROR], color)
    return f"{result.path}: {label} {result.error.message} [{result.error.code}]"


def format_report(
    report: Report, *, style: str = "full", color: bool = False, include_errors: bool = False
) -> str:
    out: list[str] = []
    for result in report.files:
        if result.error is not None:
            if include_errors:
                out.append(format_error(result, color=color))
            continue
        out.extend(format_finding(result.path, f, style=style, color=color) for f in result.findings)
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
    stamp = report.config_stamp()
    if stamp is not None:  # so that a QA decision can be reproduced: which formlint, which settings
        hidden = f"; {s['hidden']} finding(s) below min-severity not shown" if s["hidden"] else ""
        source = stamp["file"] or "defaults"
        out.append(f"formlint {__version__}, configuration {stamp['hash'][:12]} ({source}){hidden}.")
    if report.suppressions is not None:  # waived, baselined, disabled inline: said, never silent
        out.append(report.suppressions.summary_line())
    return "\n".join(out)


class TextFormatter:
    name: ClassVar[str] = "text"
    suffix: ClassVar[str] = ".txt"

    def render(self, report: Report, options: RenderOptions) -> str:
        if options.style not in ("full", "concise"):
            raise ValueError(f"unknown text style {options.style!r}; choose full or concise")
        text = format_report(
            report, style=options.style, color=options.color, include_errors=options.include_errors
        )
        return text + "\n"
