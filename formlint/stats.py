"""The cohort view: which recording patterns recur across many forms (`formlint stats`).

From one :class:`~formlint.report.Report` over a folder of forms: for each rule, seed pattern,
section kind and form type (profile), how many forms have at least one finding and what share
of the forms that is ("absent-uncertainty: 62% of 140 forms"), and how many findings there
are. Written as text, JSON, CSV or an HTML page with bar charts (plain generated SVG).

The share of forms, not the count of findings, is the headline: one form with twenty vague
sentences is one form with the pattern, and the seed is about patterns that recur across a
service, not about individual mistakes.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from formlint import __version__
from formlint.report import Report
from formlint.rule import SEED_PATTERNS, Rule

STATS_FORMATS: tuple[str, ...] = ("text", "json", "csv", "html")
GROUPS = ("rule", "pattern", "section", "profile")
_GROUP_TITLES = {
    "rule": "By rule",
    "pattern": "By seed pattern",
    "section": "By section kind",
    "profile": "By form type (profile)",
}
WHOLE_FORM = "(whole form)"
NO_PROFILE = "(not recognised)"
_PATTERN_BY_TEXT = {text: key for key, text in SEED_PATTERNS.items()}


@dataclass(frozen=True)
class Row:
    """One line of the cohort table: ``forms`` of ``total`` forms have ``findings`` findings."""

    key: str
    label: str
    forms: int
    total: int
    findings: int
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def share(self) -> float:
        return self.forms / self.total if self.total else 0.0

    def headline(self) -> str:
        return f"{self.key}: {percent(self.share)} of {self.total} forms"

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "forms_with_findings": self.forms,
            "forms": self.total,
            "share": round(self.share, 4),
            "findings": self.findings,
            **self.extra,
        }


@dataclass(frozen=True)
class CohortStats:
    forms: int
    unreadable: tuple[str, ...]
    findings: int
    forms_with_findings: int
    rule: tuple[Row, ...]
    pattern: tuple[Row, ...]
    section: tuple[Row, ...]
    profile: tuple[Row, ...]

    def group(self, name: str) -> tuple[Row, ...]:
        rows: tuple[Row, ...] = getattr(self, name)
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "formlint": __version__,
            "forms": self.forms,
            "unreadable": list(self.unreadable),
            "findings": self.findings,
            "forms_with_findings": self.forms_with_findings,
            **{f"by_{g}": [r.to_dict() for r in self.group(g)] for g in GROUPS},
        }


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def pattern_key(text: str) -> str:
    """A finding's seed pattern text ("6c. Attribution error") to its key ("6c")."""
    return _PATTERN_BY_TEXT.get(text, text or "(none)")


def _sorted(rows: list[Row]) -> tuple[Row, ...]:
    return tuple(sorted(rows, key=lambda r: (-r.forms, -r.findings, r.key)))


def cohort(report: Report, rules: Sequence[type[Rule]] = ()) -> CohortStats:
    """The cohort figures for a report; ``rules`` (those that ran) are listed even at 0%."""
    results = [r for r in report.files if r.form is not None and r.error is None]
    total = len(results)
    rule_forms: Counter[str] = Counter()
    rule_findings: Counter[str] = Counter()
    pattern_forms: Counter[str] = Counter()
    pattern_findings: Counter[str] = Counter()
    section_forms: Counter[str] = Counter()
    section_findings: Counter[str] = Counter()
    section_present: Counter[str] = Counter()
    profile_forms: Counter[str] = Counter()
    profile_flagged: Counter[str] = Counter()
    profile_findings: Counter[str] = Counter()
    codes: dict[str, str] = {}
    for result in results:
        assert result.form is not None
        findings = result.findings
        for slug in {f.rule for f in findings}:
            rule_forms[slug] += 1
        rule_findings.update(f.rule for f in findings)
        codes.update((f.rule, f.code) for f in findings)
        for key in {pattern_key(f.pattern) for f in findings}:
            pattern_forms[key] += 1
        pattern_findings.update(pattern_key(f.pattern) for f in findings)
        for kind in {f.section or WHOLE_FORM for f in findings}:
            section_forms[kind] += 1
        section_findings.update(f.section or WHOLE_FORM for f in findings)
        section_present.update({s.kind for s in result.form.sections if s.kind})
        profile = result.form.profile or NO_PROFILE
        profile_forms[profile] += 1
        profile_findings[profile] += len(findings)
        if findings:
            profile_flagged[profile] += 1

    by_rule = {r.slug: r for r in rules}
    rule_rows = [
        Row(
            slug,
            by_rule[slug].summary if slug in by_rule else slug,
            rule_forms[slug],
            total,
            rule_findings[slug],
            {
                "code": by_rule[slug].code if slug in by_rule else codes.get(slug),
                "severity": str(by_rule[slug].severity) if slug in by_rule else None,
                "pattern": by_rule[slug].pattern if slug in by_rule else None,
            },
        )
        for slug in {*by_rule, *rule_forms}
    ]
    patterns = {r.pattern for r in rules} | set(pattern_forms)
    pattern_rows = [
        Row(key, SEED_PATTERNS.get(key, key), pattern_forms[key], total, pattern_findings[key])
        for key in patterns
    ]
    section_rows = [
        Row(kind, kind, section_forms[kind], total, section_findings[kind],
            {"forms_with_section": section_present[kind] if kind != WHOLE_FORM else total})
        for kind in set(section_forms)
    ]
    profile_rows = [
        Row(p, p, profile_flagged[p], profile_forms[p], profile_findings[p]) for p in profile_forms
    ]
    return CohortStats(
        forms=total,
        unreadable=tuple(r.path for r in report.files if r.error is not None or r.form is None),
        findings=sum(len(r.findings) for r in results),
        forms_with_findings=sum(1 for r in results if r.findings),
        rule=_sorted(rule_rows),
        pattern=_sorted(pattern_rows),
        section=_sorted(section_rows),
        profile=_sorted(profile_rows),
    )


def to_text(stats: CohortStats) -> str:
    lines = [
        f"Cohort: {stats.forms} form(s) checked, {stats.findings} finding(s); "
        f"{stats.forms_with_findings} form(s) with at least one finding"
        + (f"; {len(stats.unreadable)} file(s) could not be read." if stats.unreadable else ".")
    ]
    for group in GROUPS:
        rows = stats.group(group)
        lines.append("")
        lines.append(f"{_GROUP_TITLES[group]} (share of forms with at least one finding):")
        width = max((len(r.key) for r in rows), default=0)
        for row in rows:
            detail = f"{row.forms} form(s), {row.findings} finding(s)"
            if group == "pattern" and row.label != row.key:
                detail += f"; {row.label.removeprefix(row.key + '.').strip()}"
            if group == "rule" and row.extra.get("code"):
                detail = f"{row.extra['code']}; {detail}"
            share = f"{percent(row.share):>4} of {row.total} forms"
            lines.append(f"  {row.key + ':':<{width + 1}} {share} ({detail})")
    for path in stats.unreadable:
        lines.append(f"could not be read: {path}")
    return "\n".join(lines) + "\n"


def to_json(stats: CohortStats) -> str:
    return json.dumps(stats.to_dict(), indent=2, ensure_ascii=False) + "\n"


CSV_COLUMNS = ("group", "key", "label", "code", "forms_with_findings", "forms", "share", "findings")


def to_csv(stats: CohortStats, *, bom: bool = False) -> str:
    """One row per rule, pattern, section kind and profile; ``share`` is a fraction (0.62)."""
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for group in GROUPS:
        for row in stats.group(group):
            writer.writerow(
                (group, row.key, row.label, row.extra.get("code") or "", row.forms, row.total,
                 f"{row.share:.4f}", row.findings)
            )
    return buffer.getvalue()


def render_stats(
    report: Report, format: str = "text", *, rules: Sequence[type[Rule]] = (), bom: bool = False
) -> str:
    """The cohort view of ``report`` in ``format`` (one of :data:`STATS_FORMATS`)."""
    stats = cohort(report, rules)
    if format == "text":
        return to_text(stats)
    if format == "json":
        return to_json(stats)
    if format == "csv":
        return to_csv(stats, bom=bom)
    if format == "html":
        from formlint.formatters.stats_html import stats_html

        return stats_html(stats)
    raise ValueError(f"unknown statistics format {format!r}; choose from {', '.join(STATS_FORMATS)}")


__all__ = ["STATS_FORMATS", "CohortStats", "Row", "cohort", "render_stats", "to_csv", "to_json", "to_text"]
