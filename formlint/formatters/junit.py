"""JUnit XML: one test case per form, a <failure> per finding at or above --fail-on.

Findings below the threshold are listed in the case's <system-out> so the test result agrees
with the exit status; an unreadable file or a rule that failed is an <error>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import ClassVar

from formlint.finding import Finding
from formlint.formatters import RenderOptions
from formlint.formatters.common import where, xml_safe
from formlint.report import Report

SUITE = "formlint"


def _describe(path: str, finding: Finding) -> str:
    lines = [
        f"{path}: {where(finding)}",
        f"{finding.code} {finding.rule} [{finding.severity}] {finding.message}",
    ]
    if finding.text:
        lines.append(f"| {' '.join(finding.text.split())}")
    if finding.suggestion:
        lines.append(f"= help: {finding.suggestion}")
    if finding.pattern:
        lines.append(f"pattern: {finding.pattern}")
    return "\n".join(lines)


def to_junit(report: Report, options: RenderOptions) -> ET.Element:
    root = ET.Element("testsuites", name=SUITE)
    suite = ET.SubElement(root, "testsuite", name=SUITE)
    failures = errors = 0
    for result in report.files:
        case = ET.SubElement(suite, "testcase", classname=SUITE, name=xml_safe(result.path))
        case.set("file", xml_safe(result.path))
        if result.error is not None:
            errors += 1
            error = ET.SubElement(
                case, "error", type=result.error.code, message=xml_safe(result.error.message)
            )
            error.text = xml_safe(f"{result.path}: {result.error.message} [{result.error.code}]")
            continue
        below: list[str] = []
        for finding in result.findings:
            if finding.severity >= options.fail_on:
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=f"{finding.code} {finding.rule}",
                    message=xml_safe(f"{where(finding)}: {finding.message}"),
                )
                failure.text = xml_safe(_describe(result.path, finding))
            else:
                below.append(_describe(result.path, finding))
        for failed in result.rule_failures:
            errors += 1
            error = ET.SubElement(case, "error", type="rule-failure", message=xml_safe(failed.message))
            error.text = xml_safe(f"rule {failed.rule} failed on this form: {failed.message}")
        below.extend(
            f"note [{w.code}] {w.location.describe()}: {w.message}"
            for w in (result.form.warnings if result.form else [])
        )
        if below:
            out = ET.SubElement(case, "system-out")
            out.text = xml_safe("\n\n".join(below))
    counts = {"tests": str(len(report.files)), "failures": str(failures), "errors": str(errors)}
    for element in (root, suite):
        for key, value in counts.items():
            element.set(key, value)
    suite.set("skipped", "0")
    return root


class JUnitFormatter:
    name: ClassVar[str] = "junit"
    suffix: ClassVar[str] = ".xml"

    def render(self, report: Report, options: RenderOptions) -> str:
        root = to_junit(report, options)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
