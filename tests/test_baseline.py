"""Baselines: a team adopting formlint sees only new findings, and is told how many were left out."""

from __future__ import annotations

import json

import pytest

from formlint.baseline import BaselineError, load_baseline
from formlint.cli import main

RULES_TOML = """
[[rule]]
code = "H501"
slug = "no-uncooperative"
kind = "existence"
summary = "No 'uncooperative'."
tokens = ["uncooperative", "hostile"]
examples = [
  { form = "ANALYSIS\\nShe is uncooperative.", flagged = true },
  { form = "ANALYSIS\\nShe came.", flagged = false },
]
"""
FORM = "ANALYSIS\nMum is uncooperative. We will see.\n\nPLAN\nMum will attend.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "a.txt").write_text(FORM)
    (tmp_path / "forms" / "b.txt").write_text(FORM.replace("Mum", "Dad"))
    (tmp_path / "house.toml").write_text(RULES_TOML)
    (tmp_path / ".formlint.toml").write_text('declarative = ["house.toml"]\nselect = ["H501"]\n')
    return tmp_path


def test_baseline_writes_fingerprints_not_the_forms_words(project, capsys):
    assert main(["baseline", "forms", "--output", "baseline.json"]) == 0
    assert "Wrote baseline.json: 2 finding(s) in 2 of 2 form(s)" in capsys.readouterr().out
    text = (project / "baseline.json").read_text()
    assert "uncooperative." not in text.replace("no-uncooperative", "")
    data = json.loads(text)
    assert [f["path"] for f in data["forms"]] == ["forms/a.txt", "forms/b.txt"]
    assert data["forms"][0]["findings"][0].keys() == {"rule", "section", "fingerprint", "count"}
    assert data["forms"][0]["hash"].startswith("sha256:")


def test_check_with_a_baseline_shows_only_new_findings_and_says_how_many_were_baselined(project, capsys):
    main(["baseline", "forms", "--output", "baseline.json"])
    capsys.readouterr()
    assert main(["check", "forms", "--baseline", "baseline.json"]) == 0
    assert "Not shown: 0 waived, 2 baselined, 0 disabled inline" in capsys.readouterr().out
    (project / "forms" / "a.txt").write_text(FORM + "\nCONTINGENCY\nDad is hostile.\n")
    assert main(["check", "forms", "--baseline", "baseline.json", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["baselined"] == 2
    assert [f["text"] for f in data["files"][0]["findings"]] == ["Dad is hostile."]


def test_a_baselined_finding_repeated_is_new(project, capsys):
    main(["baseline", "forms", "--output", "baseline.json"])
    (project / "forms" / "a.txt").write_text(
        FORM.replace("We will see.", "We will see.\n\nMum is uncooperative.")
    )
    capsys.readouterr()
    assert main(["check", "forms", "--baseline", "baseline.json", "--style", "concise"]) == 1
    out = capsys.readouterr().out
    assert out.count("H501 no-uncooperative") == 1 and "2 baselined" in out


def test_a_baseline_survives_repagination_and_the_config_key_reads_it(project, capsys):
    main(["baseline", "forms", "--output", "baseline.json"])
    (project / "forms" / "a.txt").write_text("CHILD AND FAMILY ASSESSMENT\n\n\n\n" + FORM)
    (project / ".formlint.toml").write_text(
        'declarative = ["house.toml"]\nselect = ["H501"]\nbaseline = "baseline.json"\n'
    )
    capsys.readouterr()
    assert main(["check", "forms"]) == 0
    assert "2 baselined" in capsys.readouterr().out


def test_a_bad_baseline_file_is_an_error_naming_it(project, capsys):
    (project / "baseline.json").write_text('{"forms": []}')
    assert main(["check", "forms", "--baseline", "baseline.json"]) == 2
    assert (
        "formlint: error: baseline.json: not a formlint baseline (version 1); "
        "write one with `formlint baseline`" in capsys.readouterr().err
    )
    with pytest.raises(BaselineError, match="no such baseline file"):
        load_baseline(project / "missing.json")
    (project / "baseline.json").write_text("{")
    with pytest.raises(BaselineError, match=r"baseline.json:1: not valid JSON"):
        load_baseline(project / "baseline.json")


def test_baseline_refuses_to_write_while_a_required_pack_is_missing(project, capsys):
    assert main(["baseline", "forms", "--output", "baseline.json", "--require-plugins", "lbx"]) == 2
    assert "no baseline written while a rule pack is broken or missing" in capsys.readouterr().err
    assert not (project / "baseline.json").exists()
