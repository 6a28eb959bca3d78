"""SARIF 2.1.0 (OASIS): rule metadata with help text, one result per finding.

Locations: text and Markdown forms get ``region.startLine`` (our paragraph is the line the
block starts on); Word, PDF and JSON forms have no lines, so their results carry the
artifact, a location message ("'Child's views', table 2 row 4 cell 2"), the section as a
logical location and our full Location under ``properties.location``. Unreadable files and
rule failures are tool execution notifications (and ``executionSuccessful`` is false);
reader notes (tracked changes and the like) are notifications at level ``note``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any, ClassVar
from urllib.parse import quote

from formlint import __version__
from formlint.finding import Finding, Severity
from formlint.formatters import RenderOptions
from formlint.formatters.common import line_of, where
from formlint.report import FileResult, Report
from formlint.rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"


def default_docs_url() -> str | None:
    """This checkout's docs/rules/ as a file URI, or None when formlint runs from a wheel."""
    docs = Path(__file__).resolve().parents[2] / "docs" / "rules"
    return docs.as_uri() + "/" if docs.is_dir() else None


def artifact_location(path: str) -> dict[str, Any]:
    """A URI for a form's path: relative paths stay relative to %SRCROOT%, absolute ones are
    file URIs; both percent-encoded (form names often have spaces)."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": SRCROOT}


def rule_descriptor(rule: type[Rule], docs_url: str | None) -> dict[str, Any]:
    help_text = f"Why it matters: {rule.why}\n\nHow to put it right: {rule.fix}"
    help_md = f"**Why it matters.** {rule.why}\n\n**How to put it right.** {rule.fix}"
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why or rule.summary},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"pattern": rule.pattern_text(), "tags": [rule.slug, f"pattern-{rule.pattern}"]},
    }
    if docs_url:
        descriptor["helpUri"] = f"{docs_url}{rule.slug}.md"
    return descriptor


def _result(result: FileResult, finding: Finding, rule_index: int, artifact_index: int) -> dict[str, Any]:
    artifact = {**artifact_location(result.path), "index": artifact_index}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    line = line_of(result, finding)
    if line is not None:
        region: dict[str, Any] = {"startLine": line}
        if finding.text:
            region["snippet"] = {"text": finding.text}
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical, "message": {"text": where(finding)}}
    if finding.heading:
        location["logicalLocations"] = [{"name": finding.heading, "kind": "section"}]
    out: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "properties": {
            "rule": finding.rule,
            "section": finding.section,
            "heading": finding.heading,
            "text": finding.text,
            "pattern": finding.pattern,
            "suggestion": finding.suggestion,
            "location": finding.location.to_dict(),
        },
    }
    if finding.suggestion:
        out["message"]["markdown"] = f"{finding.message}\n\n*How to put it right:* {finding.suggestion}"
    return out


def _notification(level: str, message: str, path: str, artifact_index: int, **extra: Any) -> dict[str, Any]:
    return {
        "level": level,
        "message": {"text": f"{path}: {message}"},
        "locations": [
            {"physicalLocation": {"artifactLocation": {**artifact_location(path), "index": artifact_index}}}
        ],
        **extra,
    }


def to_sarif(report: Report, rules: Sequence[type[Rule]], docs_url: str | None) -> dict[str, Any]:
    descriptors = [rule_descriptor(r, docs_url) for r in rules]
    index = {r.code: i for i, r in enumerate(rules)}
    # A finding from a rule not in the list (should not happen) still gets a descriptor.
    for finding in report.findings:
        if finding.code not in index:
            index[finding.code] = len(descriptors)
            descriptors.append(
                {"id": finding.code, "name": finding.rule, "shortDescription": {"text": finding.rule}}
            )
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for i, result in enumerate(report.files):
        artifact: dict[str, Any] = {"location": artifact_location(result.path)}
        if result.form is not None:
            artifact["properties"] = {"format": result.form.format, "profile": result.form.profile}
        artifacts.append(artifact)
        if result.error is not None:
            notifications.append(
                _notification(
                    "error",
                    f"{result.error.message} [{result.error.code}]",
                    result.path,
                    i,
                    descriptor={"id": result.error.code},
                )
            )
            continue
        results.extend(_result(result, f, index[f.code], i) for f in result.findings)
        for warning in result.form.warnings if result.form else []:
            notifications.append(
                _notification(
                    "note",
                    f"{warning.location.describe()}: {warning.message}",
                    result.path,
                    i,
                    descriptor={"id": warning.code},
                )
            )
        for failure in result.rule_failures:
            rule_ref: dict[str, Any] = {"id": failure.rule}
            code = next((r.code for r in rules if r.slug == failure.rule), None)
            if code is not None:
                rule_ref = {"id": code, "index": index[code]}
            notifications.append(
                _notification(
                    "error",
                    f"rule {failure.rule} failed on this form: {failure.message}",
                    result.path,
                    i,
                    associatedRule=rule_ref,
                )
            )
    invocation: dict[str, Any] = {"executionSuccessful": report.ok}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "formlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": descriptors,
                    }
                },
                "invocations": [invocation],
                "artifacts": artifacts,
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


class SarifFormatter:
    name: ClassVar[str] = "sarif"
    suffix: ClassVar[str] = ".sarif"

    def render(self, report: Report, options: RenderOptions) -> str:
        if options.rules is not None:
            rules: Sequence[type[Rule]] = options.rules
        else:
            from formlint.registry import discover

            rules = discover().rules
        docs_url = options.docs_url if options.docs_url is not None else default_docs_url()
        if docs_url and not docs_url.endswith("/"):
            docs_url += "/"
        return json.dumps(to_sarif(report, rules, docs_url), indent=2, ensure_ascii=False) + "\n"
