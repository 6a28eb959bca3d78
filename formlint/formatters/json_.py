"""JSON (the documented contract, docs/output-json.md) and JSON Lines (one object a line)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, ClassVar

from formlint.formatters import RenderOptions
from formlint.report import Report


class JsonFormatter:
    name: ClassVar[str] = "json"
    suffix: ClassVar[str] = ".json"

    def render(self, report: Report, options: RenderOptions) -> str:
        return report.to_json() + "\n"


def records(report: Report) -> Iterator[dict[str, Any]]:
    """One record per finding, unreadable file, rule failure and reader note, in report order.

    Every record has ``type`` (``finding`` | ``error`` | ``rule_failure`` | ``note``) and
    ``path``; a finding record is the finding's JSON object from the report contract.
    """
    for result in report.files:
        if result.error is not None:
            yield {
                "type": "error",
                "path": result.path,
                "code": result.error.code,
                "message": result.error.message,
            }
            continue
        for finding in result.findings:
            yield {"type": "finding", "path": result.path, **finding.to_dict()}
        for warning in result.form.warnings if result.form else []:
            yield {
                "type": "note",
                "path": result.path,
                "code": warning.code,
                "message": warning.message,
                "location": warning.location.to_dict(),
            }
        for failure in result.rule_failures:
            yield {
                "type": "rule_failure",
                "path": result.path,
                "rule": failure.rule,
                "message": failure.message,
            }


class JsonLinesFormatter:
    name: ClassVar[str] = "jsonl"
    suffix: ClassVar[str] = ".jsonl"

    def render(self, report: Report, options: RenderOptions) -> str:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(report))
