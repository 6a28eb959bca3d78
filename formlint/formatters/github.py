"""GitHub Actions workflow commands: one annotation line per finding.

``::warning file=PATH,line=N,title=CODE slug::message``; ``line`` only where the form has
lines (text and Markdown, where our paragraph is the line a block starts on). Severities map
to ``error``, ``warning`` and ``notice``; an unreadable file or a failed rule is an ``error``
on the file; reader notes are ``notice``.
"""

from __future__ import annotations

from typing import ClassVar

from formlint.finding import Severity
from formlint.formatters import RenderOptions
from formlint.formatters.common import line_of, where
from formlint.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, message: str, **properties: object) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{command} {props}::{escape_data(message)}" if props else f"::{command}::{escape_data(message)}"


class GitHubFormatter:
    name: ClassVar[str] = "github"
    suffix: ClassVar[str] = ".txt"

    def render(self, report: Report, options: RenderOptions) -> str:
        lines: list[str] = []
        for result in report.files:
            if result.error is not None:
                lines.append(
                    annotation(
                        "error",
                        f"{result.error.message} [{result.error.code}]",
                        file=result.path,
                        title="formlint: cannot read this form",
                    )
                )
                continue
            for finding in result.findings:
                message = f"{where(finding)}: {finding.message}"
                if finding.suggestion:
                    message += f"\nHow to put it right: {finding.suggestion}"
                lines.append(
                    annotation(
                        COMMANDS[finding.severity],
                        message,
                        file=result.path,
                        line=line_of(result, finding),
                        title=f"{finding.code} {finding.rule}",
                    )
                )
            for warning in result.form.warnings if result.form else []:
                lines.append(
                    annotation(
                        "notice",
                        f"{warning.location.describe()}: {warning.message}",
                        file=result.path,
                        title=f"formlint note: {warning.code}",
                    )
                )
            for failure in result.rule_failures:
                lines.append(
                    annotation(
                        "error",
                        f"rule {failure.rule} failed on this form: {failure.message}",
                        file=result.path,
                        title="formlint: rule failed",
                    )
                )
        return "".join(line + "\n" for line in lines)
