"""Results of a run: one FileResult per input, gathered in a Report (the JSON contract)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from formlint import __version__
from formlint.config import Config
from formlint.engine import RuleFailure
from formlint.errors import UnreadableForm
from formlint.finding import Finding, Severity
from formlint.model import Form

if TYPE_CHECKING:
    from formlint.waivers import Suppressions


@dataclass
class FileResult:
    path: str
    form: Form | None = None
    findings: list[Finding] = field(default_factory=list)
    error: UnreadableForm | None = None
    rule_failures: list[RuleFailure] = field(default_factory=list)
    # Findings left out because they are below the configuration's min-severity (never silently:
    # the summary counts them).
    hidden: int = 0

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
    # The effective configuration of the run; the report records its hash (and formlint's
    # version) so the decision can be reproduced. None when unknown (a Report built by hand).
    config: Config | None = None
    # Findings left out by waivers, a baseline or inline disables (formlint.waivers); None when
    # none of these was in use. Summaries and formatters say how many, never silently.
    suppressions: Suppressions | None = None

    def config_stamp(self) -> dict[str, Any] | None:
        """``{"hash": sha256 of the configuration's canonical JSON, "file": the file read or
        None}``, or None when the report does not know its configuration."""
        if self.config is None:
            return None
        return {"hash": self.config.hash(), "file": self.config.file}

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error is not None]

    @property
    def ok(self) -> bool:
        """True when every file was read and every rule ran (findings or not)."""
        return not self.errors and not any(r.rule_failures for r in self.files)

    def fails(self, threshold: Severity) -> bool:
        return any(f.severity >= threshold for f in self.findings)

    def exit_status(self, fail_on: Severity = Severity.WARNING) -> int:
        """What ``formlint check`` would exit with: 2 input error, 1 a finding at or above
        ``fail_on``, else 0."""
        if not self.ok:
            return 2
        return 1 if self.fails(fail_on) else 0

    def summary(self) -> dict[str, Any]:
        by_severity = Counter(str(f.severity) for f in self.findings)
        return {
            "files": len(self.files),
            "files_with_errors": len(self.errors),
            "findings": len(self.findings),
            "by_severity": {s: by_severity.get(s, 0) for s in ("error", "warning", "info")},
            "by_rule": dict(sorted(Counter(f.rule for f in self.findings).items())),
            "hidden": sum(r.hidden for r in self.files),
            **(self.suppressions.counts() if self.suppressions is not None else {}),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "formlint": __version__,
            "config": self.config_stamp(),
            "files": [r.to_dict() for r in self.files],
            "summary": self.summary(),
            **({"suppressed": self.suppressions.to_dict()} if self.suppressions is not None else {}),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as the documented JSON contract (docs/output-json.md)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def render(self, format: str = "text", **options: Any) -> str:
        """The report in any output format (``text``, ``json``, ``sarif``, ``junit``, ``csv``,
        ``jsonl``, ``github``); ``options`` are fields of
        :class:`formlint.formatters.RenderOptions`, e.g. ``style="concise"``."""
        from formlint.formatters import RenderOptions, get

        return get(format).render(self, RenderOptions(**options))
