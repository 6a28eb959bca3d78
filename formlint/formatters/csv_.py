"""CSV for spreadsheets: one row per finding (and per unreadable file, rule failure, note).

RFC 4180 quoting and CRLF line ends from the standard library. Cells that a spreadsheet would
run as a formula (starting ``=``, ``+``, ``-``, ``@``, tab or carriage return, as a bulleted
line in a form may) are prefixed with an apostrophe. ``bom`` starts the file with a UTF-8
byte order mark so Excel reads accents and curly quotes correctly; the CLI writes one when
it writes a CSV file with --output, never on standard output.
"""

from __future__ import annotations

import csv
import io
from typing import ClassVar

from formlint.finding import Finding
from formlint.formatters import RenderOptions
from formlint.formatters.common import line_of
from formlint.model import Location
from formlint.report import FileResult, Report

COLUMNS = (
    "path",
    "kind",
    "severity",
    "code",
    "rule",
    "message",
    "section",
    "heading",
    "line",
    "page",
    "table",
    "row",
    "cell",
    "paragraph",
    "field",
    "text",
    "suggestion",
    "pattern",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _location(loc: Location) -> dict[str, object]:
    return {
        "page": loc.page,
        "table": loc.table,
        "row": loc.row,
        "cell": loc.cell,
        "paragraph": loc.paragraph,
        "field": loc.field,
    }


def _finding_row(result: FileResult, finding: Finding) -> dict[str, object]:
    return {
        "path": result.path,
        "kind": "finding",
        "severity": str(finding.severity),
        "code": finding.code,
        "rule": finding.rule,
        "message": finding.message,
        "section": finding.section,
        "heading": finding.heading,
        "line": line_of(result, finding),
        **_location(finding.location),
        "text": finding.text,
        "suggestion": finding.suggestion,
        "pattern": finding.pattern,
    }


def rows(report: Report) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for result in report.files:
        if result.error is not None:
            out.append(
                {"path": result.path, "kind": "error", "severity": "error",
                 "code": result.error.code, "message": result.error.message}
            )
            continue
        out.extend(_finding_row(result, f) for f in result.findings)
        out.extend(
            {"path": result.path, "kind": "note", "severity": "info", "code": w.code,
             "message": w.message, **_location(w.location)}
            for w in (result.form.warnings if result.form else [])
        )
        out.extend(
            {"path": result.path, "kind": "rule_failure", "severity": "error", "rule": r.rule,
             "message": r.message}
            for r in result.rule_failures
        )
    return out


class CsvFormatter:
    name: ClassVar[str] = "csv"
    suffix: ClassVar[str] = ".csv"

    def render(self, report: Report, options: RenderOptions) -> str:
        buffer = io.StringIO()
        if options.bom:
            buffer.write("\ufeff")
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for row in rows(report):
            writer.writerow({key: _cell(row.get(key)) for key in COLUMNS})
        return buffer.getvalue()
