"""Waivers (TOML, keyed by form, rule, section and a text fingerprint) and inline disables."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import textwrap

import pytest

from formlint.api import check_one
from formlint.cli import main
from formlint.registry import discover
from formlint.report import Report
from formlint.waivers import (
    WaiverError,
    apply_suppressions,
    fingerprint_text,
    inline_disables,
    load_waivers,
    normalise_text,
)

RULES = list(discover().rules)
FORM = "ANALYSIS\nMum is uncooperative. We will see.\n\nPLAN\nMum will attend.\n"
RULES_TOML = """
[[rule]]
code = "H401"
slug = "no-uncooperative"
kind = "existence"
summary = "No 'uncooperative'."
tokens = ["uncooperative"]
examples = [
  { form = "ANALYSIS\\nShe is uncooperative.", flagged = true },
  { form = "ANALYSIS\\nShe came.", flagged = false },
]
"""
WAIVER = """
[[waiver]]
path = "forms/a.txt"
rule = "no-uncooperative"
section = "analysis"
text = "Mum is uncooperative."
reason = "Quoted from the police notification."
who = "J. Okafor, team manager"
until = 2030-01-01
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "a.txt").write_text(FORM)
    (tmp_path / "house.toml").write_text(RULES_TOML)
    (tmp_path / ".formlint.toml").write_text('declarative = ["house.toml"]\nselect = ["H401"]\n')
    return tmp_path


def _report(project, name="forms/a.txt"):
    rules = list(discover(declarative=[project / "house.toml"]).rules)
    return Report([check_one(name, rules=[r for r in rules if r.code == "H401"])]), rules


def test_normalised_text_survives_repagination_and_rewrapping():
    a = "Mum is un-\ncooperative;  she   said\u00ad so."
    b = "MUM IS UNCOOPERATIVE she said so"
    assert normalise_text(a) == normalise_text(b) == "mum is uncooperative she said so"
    assert fingerprint_text(a) == fingerprint_text(b)
    assert len(fingerprint_text(a)) == 16


def test_a_waiver_removes_its_finding_and_is_counted(project):
    (project / "waivers.toml").write_text(WAIVER)
    report, rules = _report(project)
    done = apply_suppressions(report, waivers=load_waivers(project / "waivers.toml", rules), rules=rules)
    assert report.findings == [] and done.waived == 1 and done.unused == []


def test_a_waiver_follows_a_renamed_form_by_its_content_hash(project):
    from formlint.waivers import content_hash

    shutil.copy(project / "forms" / "a.txt", project / "forms" / "renamed.txt")
    digest = content_hash(project / "forms" / "a.txt")
    (project / "waivers.toml").write_text(WAIVER.replace('path = "forms/a.txt"', f'hash = "{digest}"'))
    report, rules = _report(project, "forms/renamed.txt")
    done = apply_suppressions(report, waivers=load_waivers(project / "waivers.toml", rules), rules=rules)
    assert done.waived == 1


def test_a_waiver_keeps_applying_when_the_form_is_repaginated(project):
    (project / "waivers.toml").write_text(WAIVER)
    (project / "forms" / "a.txt").write_text(
        "CHILD AND FAMILY ASSESSMENT\n\n\n" + FORM.replace("Mum is", "Mum  is")
    )
    report, rules = _report(project)
    done = apply_suppressions(report, waivers=load_waivers(project / "waivers.toml", rules), rules=rules)
    assert done.waived == 1 and report.findings == []


def test_an_expired_waiver_stops_applying_and_is_reported(project):
    (project / "waivers.toml").write_text(WAIVER.replace("2030-01-01", "2024-05-31"))
    report, rules = _report(project)
    done = apply_suppressions(
        report, waivers=load_waivers(project / "waivers.toml", rules), rules=rules, as_of=dt.date(2024, 6, 1)
    )
    assert done.waived == 0 and len(report.findings) == 1
    (note,) = done.notes()
    assert note == (
        f"{project / 'waivers.toml'}:2: expired waiver no longer applies: no-uncooperative in 'analysis' on "
        f"{project / 'forms' / 'a.txt'} (by J. Okafor, team manager, until 2024-05-31)"
    )


def test_a_waiver_whose_text_matches_nothing_is_reported_unused(project):
    (project / "waivers.toml").write_text(WAIVER.replace("Mum is uncooperative.", "Dad is uncooperative."))
    report, rules = _report(project)
    done = apply_suppressions(report, waivers=load_waivers(project / "waivers.toml", rules), rules=rules)
    assert done.waived == 0 and len(done.unused) == 1
    assert "unused waiver (matched no finding): no-uncooperative" in done.notes()[0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("reason = ", "# reason = "),
            "waiver: missing required key 'reason' (every waiver says why, who agreed it",
        ),
        (("who = ", "# who = "), "waiver: missing required key 'who'"),
        (("until = 2030-01-01", "until = 'soon'"), "waiver: 'until' must be a date (YYYY-MM-DD), not 'soon'"),
        (
            ('rule = "no-uncooperative"', 'rule = "no-uncooperativ"'),
            "waiver: unknown rule 'no-uncooperativ'; did you mean 'no-uncooperative'?",
        ),
        (("section = ", "sektion = "), "waiver: unknown key 'sektion'; did you mean 'section'?"),
        (('path = "forms/a.txt"', ""), "waiver: needs 'path' or 'hash' (or both) to name the form it waives"),
    ],
)
def test_waiver_file_mistakes_name_the_file_and_line(project, change, message):
    (project / "waivers.toml").write_text(WAIVER.replace(*change))
    with pytest.raises(WaiverError) as caught:
        load_waivers(project / "waivers.toml", _report(project)[1])
    assert str(caught.value).startswith(f"{project / 'waivers.toml'}:2: {message}")


def test_cli_text_and_json_say_how_many_were_waived(project, capsys):
    (project / "waivers.toml").write_text(WAIVER)
    assert main(["check", "forms", "--waivers", "waivers.toml"]) == 0
    out = capsys.readouterr().out
    assert "Not shown: 1 waived, 0 baselined, 0 disabled inline; 0 expired and 0 unused waiver(s)." in out
    assert main(["check", "forms", "--waivers", "waivers.toml", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["summary"]["waived"], data["summary"]["baselined"], data["summary"]["disabled"]) == (1, 0, 0)
    assert data["suppressed"]["expired_waivers"] == []


def test_cli_reads_the_waiver_file_from_config_and_warns_about_expired_ones(project, capsys):
    (project / "waivers.toml").write_text(WAIVER.replace("2030-01-01", "2024-05-31"))
    (project / ".formlint.toml").write_text(
        'declarative = ["house.toml"]\nselect = ["H401"]\nwaivers = "waivers.toml"\n'
    )
    assert main(["check", "forms", "--as-of", "2024-06-01"]) == 1
    captured = capsys.readouterr()
    assert "formlint: warning: " in captured.err and "expired waiver no longer applies" in captured.err
    assert "0 waived, 0 baselined, 0 disabled inline; 1 expired and 0 unused waiver(s)." in captured.out


def test_cli_a_broken_waiver_file_exits_2(project, capsys):
    (project / "waivers.toml").write_text(WAIVER.replace("reason = ", "# reason = "))
    assert main(["check", "forms", "--waivers", "waivers.toml"]) == 2
    assert "formlint: error: waivers.toml:2: waiver: missing required key 'reason'" in capsys.readouterr().err


# -- inline disables -------------------------------------------------------------------------------


def test_a_disable_above_the_first_heading_covers_the_whole_form():
    (d,) = inline_disables("<!-- formlint: disable=bare-assertion -->\n# Analysis\nText.\n", first_heading=2)
    assert (d.rule, d.start, d.end) == ("bare-assertion", 0, None)


def test_a_disable_further_down_runs_from_its_line_to_the_matching_enable():
    text = "ANALYSIS\nA.\nformlint: disable=a-rule, T101\nB.\nformlint: enable=a-rule\nC.\n"
    found = {d.rule: (d.start, d.end) for d in inline_disables(text, first_heading=1)}
    assert found == {"a-rule": (3, 5), "t101": (3, None)}


def test_a_disable_at_the_end_of_a_line_covers_that_line_only():
    text = "ANALYSIS\nMum is coping well. <!-- formlint: disable=bare-assertion, J603 -->\nDad is fine.\n"
    found = {(d.rule, d.start, d.end) for d in inline_disables(text, first_heading=1)}
    assert found == {("bare-assertion", 2, 2), ("j603", 2, 2)}


def test_a_comment_at_the_end_of_a_line_is_not_form_text(project):
    text = "# Analysis\n\nMum is coping well. <!-- formlint: disable=T101 -->\n"
    (project / "forms" / "a.md").write_text(text)
    report, _ = _report(project, "forms/a.md")
    form = report.files[0].form
    assert form is not None and [s.text for s in form.sections[0].sentences] == ["Mum is coping well."]


def test_disable_lines_are_not_read_as_form_text(project):
    (project / "forms" / "a.txt").write_text("formlint: disable=no-uncooperative\n" + FORM)
    report, _ = _report(project)
    form = report.files[0].form
    assert form is not None and "formlint" not in " ".join(s.text + s.heading for s in form.sections)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<!-- formlint: disable=no-uncooperative -->\n" + FORM, 0),
        ("formlint: disable=H401\n" + FORM, 0),
        (
            FORM.replace("We will see.", "We will see.\nformlint: disable=no-uncooperative\n")
            + "Uncooperative again.\n",
            1,
        ),
    ],
)
def test_cli_honours_inline_disables_in_text_forms_and_counts_them(project, capsys, text, shown):
    (project / "forms" / "a.txt").write_text(text)
    main(["check", "forms", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["findings"] == shown
    assert data["summary"]["disabled"] >= 1


def test_an_inline_disable_naming_no_rule_is_warned_about(project, capsys):
    (project / "forms" / "a.txt").write_text("formlint: disable=no-such-rule\n" + FORM)
    main(["check", "forms"])
    assert "forms/a.txt:1: no-such-rule: formlint: disable names no installed rule" in capsys.readouterr().err


def test_waivers_doc_example_is_a_valid_waiver_file(project):
    from tests.conftest import REPO

    doc = (REPO / "docs" / "waivers-and-baselines.md").read_text(encoding="utf-8")
    block = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    (project / "doc-waivers.toml").write_text(textwrap.dedent(block))
    (waiver,) = load_waivers(project / "doc-waivers.toml", RULES)
    assert waiver.rule == "bare-assertion" and waiver.until == dt.date(2025, 9, 30)
