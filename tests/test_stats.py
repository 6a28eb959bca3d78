"""The cohort view: share of forms with each rule, pattern, section kind and profile failing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from formlint.cli import main
from formlint.errors import CorruptDocument
from formlint.finding import Finding, Severity
from formlint.model import Location
from formlint.report import FileResult, Report
from formlint.rule import Rule
from formlint.stats import cohort, render_stats
from tests.conftest import SAMPLES
from tests.helpers import form_from_text


class Vague(Rule):
    code, slug, summary, pattern, severity = "X1", "demo-vague", "Vague words.", "1a", Severity.WARNING


class Unused(Rule):
    code, slug, summary, pattern = "X2", "demo-unused", "Never fires.", "6c"


def _finding(section: str | None = "analysis") -> Finding:
    return Finding("X1", "demo-vague", Severity.WARNING, "vague", Location(paragraph=1), section=section,
                   pattern=Vague.pattern_text())


@pytest.fixture
def report() -> Report:
    """Four forms: two with the finding (one twice), one clean, one of another profile; and an
    unreadable file that is not counted as a form."""
    forms = [form_from_text(f"CHILD AND FAMILY ASSESSMENT\n\nAnalysis\nText {i}.\n", name=f"f{i}.txt")
             for i in range(3)]
    other = form_from_text("Notes\nSomething.\n", name="other.txt")
    return Report([
        FileResult(forms[0].path, forms[0], [_finding(), _finding()]),
        FileResult(forms[1].path, forms[1], [_finding(None)]),
        FileResult(forms[2].path, forms[2], []),
        FileResult(other.path, other, []),
        FileResult("bad.docx", error=CorruptDocument("bad.docx", "not a Word file")),
    ])


def test_share_is_forms_with_a_finding_over_forms_read(report: Report) -> None:
    stats = cohort(report, [Vague, Unused])
    assert stats.forms == 4 and stats.unreadable == ("bad.docx",)
    vague, unused = stats.rule
    assert (vague.key, vague.forms, vague.total, vague.findings) == ("demo-vague", 2, 4, 3)
    assert vague.headline() == "demo-vague: 50% of 4 forms"
    assert (unused.key, unused.forms) == ("demo-unused", 0)


def test_patterns_sections_and_profiles_are_counted_per_form(report: Report) -> None:
    stats = cohort(report, [Vague, Unused])
    assert [(r.key, r.forms, r.findings) for r in stats.pattern] == [("1a", 2, 3), ("6c", 0, 0)]
    sections = {r.key: (r.forms, r.findings) for r in stats.section}
    assert sections == {"analysis": (1, 2), "(whole form)": (1, 1)}
    profiles = {r.key: (r.forms, r.total) for r in stats.profile}
    assert sum(total for _, total in profiles.values()) == 4
    assert sum(forms for forms, _ in profiles.values()) == 2


def test_text_json_and_csv_agree(report: Report) -> None:
    text = render_stats(report, "text", rules=[Vague, Unused])
    assert "demo-vague:   50% of 4 forms (X1; 2 form(s), 3 finding(s))" in text
    data = json.loads(render_stats(report, "json", rules=[Vague, Unused]))
    assert data["by_rule"][0] == {"key": "demo-vague", "label": "Vague words.", "forms_with_findings": 2,
                                  "forms": 4, "share": 0.5, "findings": 3, "code": "X1",
                                  "severity": "warning", "pattern": "1a"}
    rows = list(csv.DictReader(io.StringIO(render_stats(report, "csv", rules=[Vague, Unused]))))
    first = rows[0]
    assert (first["group"], first["key"], first["share"]) == ("rule", "demo-vague", "0.5000")
    assert first["forms"] == "4"
    assert {r["group"] for r in rows} == {"rule", "pattern", "section", "profile"}


def test_html_page_has_an_svg_bar_chart_and_tables(report: Report) -> None:
    page = render_stats(report, "html", rules=[Vague, Unused])
    assert page.count("<svg") == 2  # rules and patterns
    assert 'role="img"' in page and "<title id=\"chart-rule-t\">" in page
    assert "demo-vague 50% of 4 forms" in page  # the chart's description
    assert 'width="210.0"' in page  # half of the 420-wide plot
    assert "<script" not in page and "Could not be read" in page


def test_stats_command_exits_0_with_findings_and_writes_each_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", str(SAMPLES / "cfa-review.md"), str(SAMPLES / "sos-assessment.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Cohort: 2 form(s) checked")
    assert "unclear-action-ownership:" in out and "of 2 forms" in out
    for fmt in ("json", "csv", "html"):
        target = tmp_path / f"stats.{fmt}"
        assert main(["stats", "--format", fmt, "--output", str(target), str(SAMPLES / "cfa-review.md")]) == 0
        assert target.stat().st_size > 100


def test_check_statistics_keeps_checks_exit_status_and_refuses_other_formats(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--statistics", str(SAMPLES / "cfa-review.md")]) == 1
    assert "Cohort: 1 form(s) checked" in capsys.readouterr().out
    assert main(["check", "--statistics", "--format", "sarif", str(SAMPLES / "cfa-review.md")]) == 2
    assert "--statistics is written as" in capsys.readouterr().err
