"""The HTML report: self-contained, escaped, findings beside the form's words, and it renders
in a real headless browser (skipped where no Chromium is installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest

from formlint.api import check
from formlint.cli import main
from formlint.errors import CorruptDocument
from formlint.finding import Finding, Severity
from formlint.formatters import FORMATS, RenderOptions, render
from formlint.model import Location
from formlint.report import FileResult, Report
from tests.conftest import SAMPLES
from tests.helpers import form_from_text

SAMPLE = SAMPLES / "cfa-review.md"


def _html(report: Report, **options: object) -> str:
    return render(report, "html", RenderOptions(**options))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def sample_report() -> Report:
    return check(SAMPLE)


def test_html_is_a_listed_format_and_the_cli_writes_it(tmp_path: Path) -> None:
    assert "html" in FORMATS
    out = tmp_path / "report.html"
    status = main(["check", "--format", "html", "--output", str(out), str(SAMPLE)])
    assert status == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_is_self_contained_with_no_scripts_or_external_assets(sample_report: Report) -> None:
    page = _html(sample_report, docs_url="")
    assert "<script" not in page
    assert "<link" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<style>" in page and "@media print" in page


def test_flagged_sentence_is_highlighted_with_its_finding_beside_it(sample_report: Report) -> None:
    page = _html(sample_report, docs_url="../rules/")
    mark = re.search(
        r'<mark class="sev-error">Attendance will be monitored\.</mark>'
        r'<a class="ref" href="#(form-1-f-\d+)"',
        page,
    )
    assert mark is not None
    anchor = mark.group(1)
    card = page[page.index(f'id="{anchor}"') :]
    assert "A403" in card[:600] and "unclear-action-ownership" in card[:600]
    assert '<a class="rule-page" href="../rules/unclear-action-ownership.md">' in page
    assert "Why it matters" in page and "How to put it right" in page


def test_form_level_findings_come_before_the_form_text(sample_report: Report) -> None:
    page = _html(sample_report)
    whole_form = page.index("Findings about the whole form")
    assert whole_form < page.index("missing-risk-factors") < page.index("The form, section by section")


def test_severity_is_given_by_word_and_icon_not_colour_alone(sample_report: Report) -> None:
    page = _html(sample_report)
    assert '<span aria-hidden="true">✖</span> Error' in page
    assert '<span aria-hidden="true">ℹ</span> Info' in page


def test_signoff_has_a_checkbox_per_finding_and_fields_for_names_and_dates(sample_report: Report) -> None:
    page = _html(sample_report)
    signoff = page[page.index('class="signoff"') :]
    assert signoff.count('type="checkbox"') == len(sample_report.findings)
    assert "Quality assurer" in signoff and 'type="date"' in signoff


def test_headings_and_landmarks_are_in_order(sample_report: Report) -> None:
    page = _html(sample_report)
    assert page.count("<h1") == 1
    for landmark in ("<header", "<nav", "<main", "<footer", "<aside"):
        assert landmark in page
    levels = [int(n) for n in re.findall(r"<h([1-6])", page)]
    assert all(b - a <= 1 for a, b in pairwise(levels))


def test_the_forms_words_are_escaped() -> None:
    form = form_from_text("Analysis\n<script>alert('x')</script> & <b>bold</b>\n", name="<odd>.txt")
    finding = Finding("X1", "demo", Severity.WARNING, "Says <b>", form.sections[0].blocks[0].location,
                      text="<script>alert('x')</script>")
    page = _html(Report([FileResult(form.path, form, [finding])]), rules=())
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;odd&gt;.txt" in page


def test_unreadable_files_and_redaction_are_shown() -> None:
    error = CorruptDocument("broken.docx", "the file is not a Word document")
    report = Report([FileResult("broken.docx", error=error)])
    page = _html(report, rules=())
    assert "This file could not be read: the file is not a Word document" in page
    from formlint.redact import redact_report

    redacted = _html(redact_report(check(SAMPLE)))
    assert "<strong>Redacted.</strong>" in redacted and "[child 1]" in redacted and "Tyler" not in redacted


def test_a_finding_whose_words_are_not_in_the_text_is_linked_from_its_block() -> None:
    form = form_from_text("Analysis\nThings are fine.\n")
    block = form.sections[0].blocks[0]
    finding = Finding("X1", "demo", Severity.INFO, "Odd", block.location, text="not in the block")
    page = _html(Report([FileResult(form.path, form, [finding])]), rules=())
    assert 'Things are fine.<a class="ref" href="#form-1-f-1"' in page
    loose = Finding("X2", "demo", Severity.INFO, "Elsewhere", Location(page=99), text="x")
    page = _html(Report([FileResult(form.path, form, [loose])]), rules=())
    assert page.index('id="form-1-f-1"') < page.index("The form, section by section")


CHROMIUM = next(
    (found for n in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(n))), None
)


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")
@pytest.mark.parametrize("kind", ["report", "stats"])
def test_pages_render_in_headless_chromium_without_console_errors(tmp_path: Path, kind: str) -> None:
    page = tmp_path / f"{kind}.html"
    if kind == "report":
        main(["check", "--format", "html", "--redact", "--output", str(page), str(SAMPLE)])
    else:
        main(["stats", "--format", "html", "--output", str(page), str(SAMPLES)])
    dom = _chromium("--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<h1>formlint" in dom.stdout
    assert "CONSOLE" not in dom.stderr, dom.stderr
    shot = tmp_path / f"{kind}.png"
    done = _chromium(f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
