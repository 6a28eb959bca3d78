"""Results of a run: one FileResult per input, gathered in a Report (the JSON contract)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from formlint import __version__
from formlint.engine import RuleFailure
from formlint.errors import UnreadableForm
from formlint.finding import Finding, Severity
from formlint.model import Form


@dataclass
class FileResult:
    path: str
    form: Form | None = None
    findings: list[Finding] = field(default_factory=list)
    error: UnreadableForm | None = None
    rule_failures: list[RuleFailure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        form = self.form
        return {
            "path": self.path,
            "format": form.format if form else None,
            "profile": form.profile if form else None,
            "error": {"code": self.error.code, "message": self.error.message} if self.error else None,
            "metadata": form.metadata.to_dict() if form else None,
            "sections": [
                {"kind": s.kind, "heading": s.heading, "location": s.location.to_dict()}
                for s in (form.sections if form else [])
            ],
            "warnings": [
                {"code": w.code, "message": w.message, "location": w.location.to_dict()}
                for w in (form.warnings if form else [])
            ],
            "findings": [f.to_dict() for f in self.findings],
            "rule_failures": [{"rule": r.rule, "message": r.message} for r in self.rule_failures],
        }


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error is not None]

    def fails(self, threshold: Severity) -> bool:
        return any(f.severity >= threshold for f in self.findings)

    def summary(self) -> dict[str, Any]:
        by_severity = Counter(str(f.severity) for f in self.findings)
        return {
            "files": len(self.files),
            "files_with_errors": len(self.errors),
            "findings": len(self.findings),
            "by_severity": {s: by_severity.get(s, 0) for s in ("error", "warning", "info")},
            "by_rule": dict(sorted(Counter(f.rule for f in self.findings).items())),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "formlint": __version__,
            "files": [r.to_dict() for r in self.files],
            "summary": self.summary(),
        }
