"""Output formats: every writer renders the same Report, errors included, in a valid document."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import ClassVar

import pytest

from formlint.cli import main
from formlint.engine import RuleFailure
from formlint.errors import CorruptDocument
from formlint.finding import Finding, Severity
from formlint.formatters import FORMATS, RenderOptions, get, render
from formlint.formatters.output import colour_wanted
from formlint.model import Form, Location, Metadata, ParseWarning
from formlint.report import FileResult, Report
from formlint.rule import Context, Rule
from tests.helpers import form_from_text

POOR = "CHILD AND FAMILY ASSESSMENT\n\nChild's views: N/A\n\nAnalysis\nSee above.\n"


class Placeholder(Rule):
    code = "X901"
    slug = "demo-placeholder"
    summary = "A section filled with N/A."
    pattern = "1a"
    severity = Severity.ERROR
    why = "N/A records nothing about what was found."
    fix = "Write what was found."

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        yield from ()


class Oversight(Rule):
    code = "X902"
    slug = "demo-oversight"
    summary = "No manager's oversight."
    pattern = "2c"
    why = "Supervision is where a plan is challenged."
    fix = "Record the manager's decision and why."

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        yield from ()


RULES: tuple[type[Rule], ...] = (Placeholder, Oversight)


def _finding(rule: type[Rule], message: str, location: Location, **extra: object) -> Finding:
    return Finding(
        code=rule.code,
        rule=rule.slug,
        severity=extra.pop("severity", rule.severity),  # type: ignore[arg-type]
        message=message,
        location=location,
        pattern=rule.pattern_text(),
        suggestion=rule.fix,
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def report() -> Report:
    """A text form with findings, an unreadable Word file, and a Word form with a note and a
    rule that failed."""
    md = form_from_text(POOR, name="forms/ava carter.md")
    text_result = FileResult(
        md.path,
        md,
        [
            _finding(
                Placeholder,
                "'Child's views' holds only 'N/A'.",
                Location(paragraph=3),
                section="child_views",
                heading="Child's views",
                text="N/A",
            ),
            _finding(
                Oversight,
                "Nothing records the manager's view, decision or reasons.",
                Location(),
                severity=Severity.INFO,
            ),
            _finding(
                Oversight,
                "A manager's line, quoted: it starts like a formula, and has a comma, a colon.",
                Location(paragraph=5, start=0, end=40),
                section="analysis",
                heading="Analysis",
                text="=HYPERLINK(\"x\")\x0c then\na new line",
            ),
        ],
    )
    broken = FileResult("forms/broken.docx", error=CorruptDocument("forms/broken.docx", "not a Word file"))
    docx = Form(
        "forms/plan.docx",
        "docx",
        "plan",
        Metadata(),
        [],
        [ParseWarning("tracked-change", "a tracked change was read as accepted", Location(paragraph=4))],
    )
    docx_result = FileResult(
        docx.path,
        docx,
        [
            _finding(
                Placeholder,
                "'Plan' holds only 'tbc'.",
                Location(table=2, row=4, cell=2, paragraph=31),
                section="plan_actions",
                heading="Plan",
                text="tbc",
            )
        ],
        rule_failures=[RuleFailure("demo-oversight", "ValueError: boom")],
    )
    return Report([text_result, broken, docx_result])


OPTIONS = RenderOptions(rules=RULES, docs_url="https://example.org/formlint/docs/rules/")


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_renders_every_file_including_the_unreadable_one(report, name):
    out = render(report, name, OPTIONS)
    assert out.endswith("\n")
    for path in ("ava", "broken.docx", "plan.docx"):
        assert path in out
    assert "not a Word file" in out


def test_unknown_format_names_the_known_ones():
    with pytest.raises(KeyError, match="sarif"):
        get("yaml")


# --- text -------------------------------------------------------------------------------


def test_full_text_style_shows_the_forms_words_and_the_help_line(report):
    out = render(report, "text", OPTIONS)
    assert "forms/ava carter.md: 'Child's views', para 3: X901 demo-placeholder [error]" in out
    assert "    | N/A" in out and "    = help: Write what was found." in out
    assert "forms/broken.docx: error: not a Word file [corrupt]" in out
    assert "\033[" not in out


def test_concise_text_style_is_one_line_per_finding(report):
    out = render(report, "text", RenderOptions(style="concise"))
    lines = [line for line in out.splitlines() if " X90" in line]
    assert len(lines) == len(report.findings)
    assert "| N/A" not in out and "help:" not in out


def test_text_is_coloured_only_when_asked(report):
    assert "\033[1;31m[error]\033[0m" in render(report, "text", RenderOptions(color=True))


def test_an_unknown_text_style_is_refused(report):
    with pytest.raises(ValueError, match="concise"):
        render(report, "text", RenderOptions(style="short"))


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("choice", "tty", "to_file", "env", "expected"),
    [
        ("auto", True, False, {}, True),
        ("auto", False, False, {}, False),
        ("auto", True, True, {}, False),
        ("auto", True, False, {"NO_COLOR": "1"}, False),
        ("auto", True, False, {"CI": "true"}, False),
        ("auto", True, False, {"TERM": "dumb"}, False),
        ("never", True, False, {}, False),
        ("always", False, False, {}, True),
    ],
)
def test_colour_is_used_on_a_terminal_only(choice, tty, to_file, env, expected):
    assert colour_wanted(choice, _Stream(tty), to_file=to_file, environ=env) is expected


# --- json and jsonl --------------------------------------------------------------------------


def test_json_format_is_the_documented_contract(report):
    out = render(report, "json", OPTIONS)
    assert json.loads(out) == report.to_dict() == json.loads(report.to_json())
    assert set(json.loads(out)) <= {"formlint", "config", "files", "summary"}


def test_jsonl_has_one_object_per_finding_with_its_path_and_typed_records_for_the_rest(report):
    records = [json.loads(line) for line in render(report, "jsonl", OPTIONS).splitlines()]
    findings = [r for r in records if r["type"] == "finding"]
    assert len(findings) == len(report.findings)
    assert findings[0] == {"type": "finding", "path": "forms/ava carter.md", **report.findings[0].to_dict()}
    by_type = {r["type"]: r for r in records}
    assert by_type["error"] == {
        "type": "error",
        "path": "forms/broken.docx",
        "code": "corrupt",
        "message": "not a Word file",
    }
    assert by_type["note"]["code"] == "tracked-change"
    assert by_type["rule_failure"]["rule"] == "demo-oversight"


def test_jsonl_of_a_clean_run_is_empty():
    assert render(Report(), "jsonl") == ""


# --- sarif -------------------------------------------------------------------------------


def _sarif_validator(shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = shared / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("the SARIF schema is not in ../shared/schemas")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sarif_validates_against_the_oasis_schema(report, shared):
    validator = _sarif_validator(shared)
    sarif = json.loads(render(report, "sarif", OPTIONS))
    errors = sorted(validator.iter_errors(sarif), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])


def test_sarif_rules_carry_summary_why_fix_and_a_help_uri(report):
    sarif = json.loads(render(report, "sarif", OPTIONS))
    (run,) = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["X901", "X902"]
    placeholder = rules[0]
    assert placeholder["name"] == "demo-placeholder"
    assert placeholder["shortDescription"]["text"] == Placeholder.summary
    assert Placeholder.why in placeholder["help"]["text"] and Placeholder.fix in placeholder["help"]["text"]
    assert placeholder["helpUri"] == "https://example.org/formlint/docs/rules/demo-placeholder.md"
    assert placeholder["defaultConfiguration"]["level"] == "error"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_help_uri_defaults_to_the_rule_pages_in_this_checkout(report):
    sarif = json.loads(render(report, "sarif", RenderOptions(rules=RULES)))
    uri = sarif["runs"][0]["tool"]["driver"]["rules"][0].get("helpUri")
    assert uri is None or (uri.startswith("file://") and uri.endswith("/docs/rules/demo-placeholder.md"))


def test_sarif_locations_have_lines_for_text_forms_only(report):
    results = json.loads(render(report, "sarif", OPTIONS))["runs"][0]["results"]
    by_message = {r["message"]["text"]: r for r in results}
    text_form = by_message["'Child's views' holds only 'N/A'."]["locations"][0]
    assert text_form["physicalLocation"]["artifactLocation"]["uri"] == "forms/ava%20carter.md"
    assert text_form["physicalLocation"]["region"] == {"startLine": 3, "snippet": {"text": "N/A"}}
    word_form = by_message["'Plan' holds only 'tbc'."]
    assert "region" not in word_form["locations"][0]["physicalLocation"]
    assert word_form["locations"][0]["message"]["text"] == "'Plan', table 2 row 4 cell 2 para 31"
    assert word_form["properties"]["location"]["table"] == 2
    whole_form = by_message["Nothing records the manager's view, decision or reasons."]
    assert whole_form["level"] == "note"
    assert "region" not in whole_form["locations"][0]["physicalLocation"]


def test_sarif_reports_unreadable_files_and_failed_rules_as_notifications(report):
    (invocation,) = json.loads(render(report, "sarif", OPTIONS))["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error", "note", "error"]
    assert "not a Word file [corrupt]" in notes[0]["message"]["text"]
    assert notes[2]["associatedRule"] == {"id": "X902", "index": 1}


# --- junit -------------------------------------------------------------------------------


def test_junit_has_one_case_per_form_and_a_failure_per_finding(report):
    root = ET.fromstring(render(report, "junit", OPTIONS).encode("utf-8"))
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [r.path for r in report.files]
    # warning and above fail (the default --fail-on); the info finding is listed in system-out
    assert len(cases[0].findall("failure")) == 2
    assert "Nothing records the manager's view" in (cases[0].findtext("system-out") or "")
    assert cases[1].find("error").get("type") == "corrupt"
    assert cases[2].find("error").get("type") == "rule-failure"
    assert "tracked-change" in (cases[2].findtext("system-out") or "")
    for element in (root, suite):
        assert (element.get("tests"), element.get("failures"), element.get("errors")) == ("3", "3", "2")


def test_junit_failures_follow_the_fail_on_threshold(report):
    options = RenderOptions(fail_on=Severity.ERROR)
    root = ET.fromstring(render(report, "junit", options).encode("utf-8"))
    assert root.get("failures") == "2"


def test_junit_survives_characters_xml_cannot_hold(report):
    out = render(report, "junit", OPTIONS)
    assert "\x0c" not in out
    ET.fromstring(out.encode("utf-8"))  # well-formed


# --- csv ---------------------------------------------------------------------------------


def test_csv_has_one_row_per_finding_and_rows_for_errors_notes_and_failed_rules(report):
    out = render(report, "csv", OPTIONS)
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    kinds = [r["kind"] for r in rows]
    assert kinds.count("finding") == len(report.findings)
    assert {"error", "note", "rule_failure"} <= set(kinds)
    first = rows[0]
    assert (first["path"], first["code"], first["line"], first["paragraph"], first["text"]) == (
        "forms/ava carter.md",
        "X901",
        "3",
        "3",
        "N/A",
    )
    word = next(r for r in rows if r["path"] == "forms/plan.docx" and r["kind"] == "finding")
    assert (word["line"], word["table"], word["row"], word["cell"]) == ("", "2", "4", "2")


def test_csv_cells_that_look_like_formulas_are_defused(report):
    rows = list(csv.DictReader(io.StringIO(render(report, "csv", OPTIONS), newline="")))
    quoted = next(r for r in rows if r["text"].startswith("'="))
    assert "\n" in quoted["text"]  # a multi-line cell stays one record


def test_csv_byte_order_mark_only_when_asked(report):
    assert not render(report, "csv", OPTIONS).startswith("\ufeff")
    assert render(report, "csv", RenderOptions(bom=True)).startswith("\ufeffpath,kind,")


# --- github ------------------------------------------------------------------------------


def test_github_annotations_give_lines_for_text_forms_and_escape_their_values(report):
    lines = render(report, "github", OPTIONS).splitlines()
    assert lines[0].startswith(
        "::error file=forms/ava carter.md,line=3,title=X901 demo-placeholder::"
        "'Child's views', para 3: 'Child's views' holds only 'N/A'.%0AHow to put it right: "
    )
    assert lines[1].startswith("::notice file=forms/ava carter.md,title=X902 demo-oversight::whole form: ")
    assert lines[2].startswith("::warning file=forms/ava carter.md,line=5,")
    assert "::error file=forms/broken.docx,title=formlint%3A cannot read this form::" in lines[3]
    word = next(line for line in lines if "plan.docx" in line and "X901" in line)
    assert "line=" not in word
    assert all("\n" not in line for line in lines)
    assert len(lines) == len(report.findings) + 3  # + unreadable file, note, failed rule


# --- the command line ----------------------------------------------------------------------


@pytest.fixture
def poor_form(tmp_path):
    path = tmp_path / "poor.md"
    path.write_text(POOR, encoding="utf-8")
    return path


def _parse(name: str, data: bytes) -> object:
    if name in ("json", "sarif"):
        return json.loads(data)
    if name == "jsonl":
        return [json.loads(line) for line in data.decode().splitlines()]
    if name == "junit":
        return ET.fromstring(data)
    if name == "csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return data.decode()


@pytest.mark.parametrize("name", FORMATS)
def test_check_writes_each_format_to_a_file(poor_form, tmp_path, name):
    out = tmp_path / f"report.{name}"
    status = main(["check", "--format", name, "--select", "T106", "--output", str(out), str(poor_form)])
    assert status == 1
    data = out.read_bytes()
    assert "\033[" not in data.decode("utf-8-sig")
    parsed = _parse(name, data)
    assert "T106" in data.decode("utf-8-sig") and parsed


def test_check_sarif_of_a_real_run_validates(poor_form, tmp_path, shared):
    validator = _sarif_validator(shared)
    out = tmp_path / "report.sarif"
    main(["check", "--format", "sarif", "--output", str(out), str(poor_form)])
    sarif = json.loads(out.read_text(encoding="utf-8"))
    assert not list(validator.iter_errors(sarif))
    assert sarif["runs"][0]["results"]


def test_csv_file_starts_with_a_byte_order_mark_but_standard_output_does_not(poor_form, tmp_path, capsys):
    out = tmp_path / "report.csv"
    main(["check", "--format", "csv", "--output", str(out), str(poor_form)])
    assert out.read_bytes().startswith(b"\xef\xbb\xbfpath,")
    main(["check", "--format", "csv", str(poor_form)])
    assert capsys.readouterr().out.startswith("path,kind,")


def test_concise_style_from_the_command_line(poor_form, capsys):
    main(["check", "--style", "concise", "--select", "T106", str(poor_form)])
    out = capsys.readouterr().out
    assert "T106 placeholder-text [error]" in out and "| N/A" not in out


def test_a_text_report_file_names_the_forms_that_could_not_be_read(poor_form, tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "report.txt"
    assert main(["check", "--output", str(out), str(bad), str(poor_form)]) == 2
    assert f"{bad}: error: the file is empty [empty-file]" in out.read_text(encoding="utf-8")
    assert f"{bad}: error:" in capsys.readouterr().err


class _Clean(Rule):
    code: ClassVar[str] = "X999"
    slug: ClassVar[str] = "never-flags"
    summary: ClassVar[str] = "Never flags."
    pattern: ClassVar[str] = "6"

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        yield from ()


def test_a_clean_report_is_still_a_valid_document_in_every_format():
    from formlint.api import check

    report = check(POOR.encode(), name="clean.md", rules=[_Clean])
    for name in FORMATS:
        out = render(report, name, RenderOptions(rules=[_Clean]))
        if name == "junit":
            assert ET.fromstring(out.encode()).get("failures") == "0"
        elif name in ("json", "sarif"):
            json.loads(out)
