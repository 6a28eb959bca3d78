"""Project configuration: discovery, precedence, selection, severities, options, overrides,
errors that name the file, line and nearest choice, `formlint config`, and the report stamp."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest

import formlint
from formlint.cli import main
from formlint.config import (
    Config,
    ConfigError,
    discover_config,
    from_mapping,
    is_selected,
    load_config,
)
from formlint.finding import Severity
from formlint.registry import discover
from formlint.rule import Rule

# T106 placeholder-text (error) twice; other rules (warnings) too.
POOR = "CHILD AND FAMILY ASSESSMENT\n\nChild's views: N/A\n\nAnalysis\nSee above.\n"
RULES = discover().rules


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "forms" / "plans").mkdir(parents=True)
    (tmp_path / "forms" / "poor.md").write_text(POOR, encoding="utf-8")
    (tmp_path / "forms" / "plans" / "poor.md").write_text(POOR, encoding="utf-8")
    return tmp_path


def _json(capsys: pytest.CaptureFixture[str]) -> dict:
    return json.loads(capsys.readouterr().out)


def _rules_found(report: dict) -> set[str]:
    return {f["rule"] for r in report["files"] for f in r["findings"]}


# ---- discovery and precedence -------------------------------------------------------------


def test_config_file_is_found_from_the_checked_path_upwards(project):
    (project / ".formlint.toml").write_text('select = ["T106"]\n')
    assert discover_config(project / "forms" / "plans" / "poor.md") == project / ".formlint.toml"
    config = load_config(start=project / "forms" / "plans")
    assert config.select == ("T106",) and config.file == str(project / ".formlint.toml")


def test_in_one_folder_formlint_toml_beats_pyproject_which_beats_setup_cfg(project):
    (project / "setup.cfg").write_text("[formlint]\nselect = T1\n")
    assert discover_config(project).name == "setup.cfg"
    (project / "pyproject.toml").write_text('[tool.formlint]\nselect = ["F"]\n')
    assert discover_config(project).name == "pyproject.toml"
    (project / ".formlint.toml").write_text('select = ["J6"]\n')
    assert discover_config(project).name == ".formlint.toml"


def test_the_nearest_folder_wins_and_files_without_formlint_settings_are_passed_over(project):
    (project / "pyproject.toml").write_text('[tool.formlint]\nselect = ["F"]\n')
    (project / "forms" / "pyproject.toml").write_text("[tool.black]\nline-length = 90\n")
    (project / "forms" / "setup.cfg").write_text("[metadata]\nname = x\n")
    assert discover_config(project / "forms" / "poor.md") == project / "pyproject.toml"
    (project / "forms" / "plans" / ".formlint.toml").write_text("")
    assert discover_config(project / "forms" / "plans" / "poor.md") == project / "forms/plans/.formlint.toml"


def test_config_flag_overrides_discovery(project, capsys):
    (project / ".formlint.toml").write_text('select = ["F"]\n')
    other = project / "other.toml"
    other.write_text('select = ["T106"]\n')
    main(["check", "--format", "json", "--config", str(other), str(project / "forms" / "poor.md")])
    assert _rules_found(_json(capsys)) == {"placeholder-text"}


def test_command_line_flags_override_the_file(project, capsys):
    (project / ".formlint.toml").write_text('select = ["F"]\nfail-on = "info"\n')
    form = str(project / "forms" / "poor.md")
    assert main(["check", "--select", "T106", "--fail-on", "error", "--format", "json", form]) == 1
    assert _rules_found(_json(capsys)) == {"placeholder-text"}
    config = load_config(start=project).with_cli(fail_on=Severity.ERROR)
    assert config.fail_on is Severity.ERROR and str(config.origin("fail-on")) == "command line"
    assert str(config.origin("select")) == f"{project / '.formlint.toml'}:1"


# ---- errors name the file, the line and the nearest valid choice --------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('select = ["T1"]\nignroe = ["W7"]\n', ":2: unknown key 'ignroe'; did you mean 'ignore'?"),
        ('fail-on = "eror"\n', ":1: unknown severity 'eror' for fail-on; did you mean 'error'?"),
        ('min-severity = "warn"\n', ":1: unknown severity 'warn' for min-severity; did you mean 'warning'?"),
        ('profile = "cfaa"\n', ":1: unknown profile 'cfaa'; did you mean 'cfa'?"),
        (
            '\n[per-profile.sso]\nignore = ["T1"]\n',
            ":2: unknown profile 'sso' in per-profile; did you mean 'sos'?",
        ),
        (
            '[per-path."x/*"]\nignor = ["T1"]\n',
            ":2: unknown key 'ignor' in per-path entry 'x/*'; did you mean 'ignore'?",
        ),
        ("exit-zero = 1\n", ":1: exit-zero must be true or false, not 1"),
        ('select = "T1"\n', None),  # a single string is taken as a list of one
    ],
)
def test_bad_values_are_errors_naming_file_line_and_nearest_choice(tmp_path, text, message):
    path = tmp_path / ".formlint.toml"
    path.write_text(text)
    if message is None:
        assert load_config(path).select == ("T1",)
        return
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert str(exc.value) == f"{path}{message}"


def test_unknown_rule_names_are_errors_with_line_and_nearest_rule(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.formlint]\nselect = ["T1"]\n\n[tool.formlint.severity]\nthin-sectoin = "error"\n')
    with pytest.raises(ConfigError) as exc:
        load_config(path).resolve_rules(RULES)
    assert (
        str(exc.value) == f"{path}:5: unknown rule 'thin-sectoin' in severity; did you mean 'thin-section'?"
    )
    path.write_text('[tool.formlint]\nignore = ["placeholder-txt"]\n')
    with pytest.raises(
        ConfigError,
        match=r":2: unknown rule or code prefix 'placeholder-txt' in ignore; "
        r"did you mean 'placeholder-text'\?",
    ):
        load_config(path).resolve_rules(RULES)


def test_unknown_option_names_the_rule_line_and_nearest_option(tmp_path):
    path = tmp_path / ".formlint.toml"
    path.write_text("[options.thin-section]\nthreshold = { analysis = 10 }\n")
    with pytest.raises(ConfigError) as exc:
        load_config(path).resolve_rules(RULES)
    assert (
        str(exc.value)
        == f"{path}:2: unknown option 'threshold' for rule 'thin-section'; did you mean 'thresholds'?"
    )


def test_cli_errors_exit_2_with_the_message_on_stderr(project, capsys):
    (project / ".formlint.toml").write_text('selct = ["T1"]\n')
    assert main(["check", str(project / "forms" / "poor.md")]) == 2
    assert "formlint: error: " in capsys.readouterr().err
    (project / ".formlint.toml").write_text("")
    assert main(["check", "--select", "thin-sectoin", str(project / "forms" / "poor.md")]) == 2
    err = capsys.readouterr().err
    assert (
        "command line: unknown rule or code prefix 'thin-sectoin' in --select; did you mean 'thin-section'?"
        in err
    )
    assert main(["check", "--config", str(project / "nope.toml"), str(project / "forms")]) == 2
    assert "nope.toml: configuration file not found" in capsys.readouterr().err


def test_a_setup_cfg_error_names_its_line(tmp_path):
    path = tmp_path / "setup.cfg"
    path.write_text("[metadata]\nname = x\n\n[formlint]\nselect = T1, F\nfail_on = error\n")
    with pytest.raises(ConfigError, match=r"setup.cfg:6: unknown key 'fail_on'; did you mean 'fail-on'\?"):
        load_config(path)


# ---- selection ----------------------------------------------------------------------------


class _Rule(Rule):
    code: ClassVar[str] = "T105"
    slug: ClassVar[str] = "thin-x"


class _Other(Rule):
    code: ClassVar[str] = "F501"
    slug: ClassVar[str] = "f-x"


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (["ALL"], [], {"thin-x", "f-x"}),
        (["T"], [], {"thin-x"}),
        (["T1"], [], {"thin-x"}),
        (["ALL"], ["F"], {"thin-x"}),
        (["ALL"], ["ALL"], set()),
        (["thin-x"], ["ALL"], {"thin-x"}),  # a slug is more specific than ALL
        (["T"], ["T10"], set()),  # the longer prefix wins
        (["T105"], ["T1"], {"thin-x"}),  # a whole code beats a prefix
        (["T1"], ["T1"], set()),  # at equal specificity ignore wins
    ],
)
def test_most_specific_selector_decides(select, ignore, expected):
    assert {r.slug for r in (_Rule, _Other) if is_selected(r, select, ignore)} == expected


def test_select_extend_select_and_ignore_by_slug_code_and_prefix(project, capsys):
    form = str(project / "forms" / "poor.md")
    main(["check", "--format", "json", "--select", "T106,F", "--ignore", "F5", form])
    assert _rules_found(_json(capsys)) == {"placeholder-text"}  # the F rules that fire are all F5xx
    main(["check", "--format", "json", "--select", "T106,F503", "--ignore", "F", form])
    assert _rules_found(_json(capsys)) == {"placeholder-text", "child-voice-absent"}  # F503 beats F
    main(["check", "--format", "json", "--select", "T106", "--extend-select", "child-voice-absent", form])
    assert _rules_found(_json(capsys)) == {"placeholder-text", "child-voice-absent"}


# ---- severities, thresholds and options ---------------------------------------------------


def test_min_severity_hides_findings_and_the_summary_counts_them(project, capsys):
    form = str(project / "forms" / "poor.md")
    main(["check", "--format", "json", form])
    everything = _json(capsys)["summary"]["findings"]
    assert main(["check", "--format", "json", "--min-severity", "error", form]) == 1
    summary = _json(capsys)["summary"]
    assert summary["by_severity"]["warning"] == summary["by_severity"]["info"] == 0
    assert summary["hidden"] == everything - summary["findings"] > 0


def test_fail_on_and_exit_zero_decide_the_exit_status_not_what_is_shown(project, capsys):
    form = str(project / "forms" / "poor.md")
    (project / ".formlint.toml").write_text('select = ["F503"]\n')  # one warning
    assert main(["check", form]) == 1
    assert main(["check", "--fail-on", "error", form]) == 0
    assert "F503" in capsys.readouterr().out  # still shown
    assert main(["check", "--exit-zero", form]) == 0
    (project / ".formlint.toml").write_text('select = ["F503"]\nexit-zero = true\n')
    assert main(["check", form]) == 0
    (project / "forms" / "empty.txt").write_text("")
    assert main(["check", str(project / "forms")]) == 2  # an error is still an error


def test_severity_override_applies_to_every_finding_of_the_rule(project, capsys):
    (project / ".formlint.toml").write_text('select = ["T106"]\n[severity]\nT106 = "info"\n')
    form = str(project / "forms" / "poor.md")
    assert main(["check", "--format", "json", form]) == 0
    findings = _json(capsys)["files"][0]["findings"]
    assert findings and {f["severity"] for f in findings} == {"info"}


def test_rule_options_reach_the_rule_through_the_context():
    text = (
        b"CHILD AND FAMILY ASSESSMENT\n\nAnalysis\n"
        + b"Ava is safe at home with her mother now. " * 3
        + b"\n"
    )
    strict = {"select": ["thin-section"], "options": {"thin-section": {"thresholds": {"analysis": 200}}}}
    lenient = {"select": ["thin-section"], "options": {"thin-section": {"thresholds": {"analysis": 5}}}}
    assert formlint.check(text, name="a.md", config=strict).findings
    assert not formlint.check(text, name="a.md", config=lenient).findings


def test_per_profile_and_per_path_entries_change_rules_for_the_forms_they_match(project, capsys):
    (project / ".formlint.toml").write_text(
        'select = ["T106", "F503"]\n'
        "[per-profile.cfa]\n"
        'severity = { T106 = "warning" }\n'
        '[per-path."forms/plans/*"]\n'
        'ignore = ["T106"]\n'
        'profile = "plan"\n'
    )
    main(["check", "--format", "json", str(project / "forms")])
    files = {Path(r["path"]).parent.name: r for r in _json(capsys)["files"]}
    top, plans = files["forms"], files["plans"]
    assert {f["severity"] for f in top["findings"] if f["rule"] == "placeholder-text"} == {"warning"}
    assert plans["profile"] == "plan"
    assert {f["rule"] for f in plans["findings"]} == {"child-voice-absent"}


def test_globs_match_relative_to_the_config_file_folder():
    config = from_mapping({}, root="/proj")
    assert config.path_matches("forms/*.md", "/proj/forms/a.md")
    assert not config.path_matches("forms/*.md", "/proj/forms/sub/a.md")
    assert config.path_matches("forms/**/*.md", "/proj/forms/sub/a.md")
    assert config.path_matches("forms/", "/proj/forms/sub/a.md")
    assert config.path_matches("*.md", "/proj/forms/sub/a.md")  # no slash: the file name anywhere
    assert not config.path_matches("*.md", "-")


# ---- other file formats -------------------------------------------------------------------


def test_setup_cfg_keys_lists_and_tables(tmp_path):
    path = tmp_path / "setup.cfg"
    path.write_text(
        "[formlint]\nselect =\n    T1\n    F\nignore = T105, F501\nexit-zero = true\n\n"
        "[formlint.severity]\nplaceholder-text = warning\n\n"
        "[formlint.options.thin-section]\nthresholds = {analysis = 10}\n\n"
        "[formlint.per-path.forms/*.md]\nignore = T1\n"
    )
    config = load_config(path).resolve_rules(RULES)
    assert config.select == ("T1", "F") and config.ignore == ("T105", "F501") and config.exit_zero
    assert config.severity == {"placeholder-text": Severity.WARNING}
    assert config.options == {"thin-section": {"thresholds": {"analysis": 10}}}
    assert config.per_path[0][0] == "forms/*.md" and config.per_path[0][1].ignore == ("T1",)
    assert str(config.origin("severity.placeholder-text")) == f"{path}:9"


# ---- formlint config and the report stamp -------------------------------------------------


def test_formlint_config_prints_each_value_and_where_it_came_from(project, capsys):
    (project / ".formlint.toml").write_text(
        '# team settings\nignore = ["W7"]\n\n[severity]\nT106 = "warning"\n'
    )
    assert main(["config", str(project / "forms")]) == 0
    out = capsys.readouterr().out
    assert f"# configuration file: {project / '.formlint.toml'}" in out
    assert any(
        line.startswith('ignore = ["W7"]') and line.endswith(".formlint.toml:2") for line in out.splitlines()
    )
    assert any(
        line.startswith('severity.placeholder-text = "warning"') and line.endswith(".formlint.toml:5")
        for line in out.splitlines()
    )
    assert any(
        line.startswith('select = ["ALL"]') and line.endswith("# default") for line in out.splitlines()
    )
    main(["config", str(project), "--format", "json"])
    data = _json(capsys)
    assert data["settings"]["ignore"] == ["W7"] and data["origins"]["exit-zero"] == "default"
    assert data["hash"] == load_config(start=project).resolve_rules(RULES).hash()


def test_every_report_records_the_version_and_the_configuration_hash(project, capsys):
    (project / ".formlint.toml").write_text('select = ["T106"]\n')
    form = str(project / "forms" / "poor.md")
    main(["check", "--format", "json", form])
    report = _json(capsys)
    expected = load_config(start=project).resolve_rules(RULES).hash()
    assert report["formlint"] == formlint.__version__
    assert report["config"] == {"hash": expected, "file": str(project / ".formlint.toml")}
    main(["check", form])
    assert f"formlint {formlint.__version__}, configuration {expected[:12]} (" in capsys.readouterr().out


def test_the_configuration_hash_is_stable_and_follows_the_settings(tmp_path):
    a = from_mapping({"select": ["T1"], "severity": {"T106": "info"}})
    b = from_mapping({"severity": {"T106": "info"}, "select": ["T1"]}, root=tmp_path)
    assert a.hash() == b.hash()  # key order and where it was read do not matter
    assert a.hash() != from_mapping({"select": ["T1"]}).hash()
    assert Config().hash() == from_mapping({}).hash()
    assert json.loads(a.canonical_json())["select"] == ["T1"]


def test_api_check_takes_a_config_or_a_mapping(tmp_path):
    path = tmp_path / ".formlint.toml"
    path.write_text('select = ["T106"]\n')
    from_file = formlint.check(POOR.encode(), name="p.md", config=load_config(path))
    from_dict = formlint.check(POOR.encode(), name="p.md", config={"select": ["T106"]})
    assert (
        {f.rule for f in from_file.findings} == {f.rule for f in from_dict.findings} == {"placeholder-text"}
    )
    assert from_file.to_dict()["config"]["file"] == str(path)
    with pytest.raises(formlint.UsageError, match="unknown rule 'nope' in severity"):
        formlint.check(POOR.encode(), config={"severity": {"nope": "error"}})
