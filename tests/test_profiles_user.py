"""User profiles: a TOML file extending a built-in, pointed at by config, detected by its title,
visible to the rules, never registered globally; `formlint sections` says which profile and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import formlint
from formlint.api import parse
from formlint.cli import main
from formlint.config import ConfigError, load_config
from formlint.profile import ProfileError, load_profile, read_user_profile, user_profiles, using_profiles

PROFILE = """\
id = "lbx-cfa"
name = "Borough X assessment"
extends = "cfa"
titles = ["borough x family assessment"]
required = ["analysis", "child_views", "gaps"]

[sections]
analysis = ["what we think is happening"]

[thresholds]
analysis = 5
"""
FORM = (
    "BOROUGH X FAMILY ASSESSMENT\n\nChild's views\nAva said she likes her school and her teacher.\n\n"
    "What we think is happening\nAva is safe at home with her mother.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "lbx.toml").write_text(PROFILE)
    (tmp_path / ".formlint.toml").write_text('profiles = ["profiles/lbx.toml"]\n')
    (tmp_path / "form.txt").write_text(FORM)
    return tmp_path


def test_a_user_profile_extends_a_built_in(project):
    profile = read_user_profile(project / "profiles" / "lbx.toml")
    cfa = load_profile("cfa")
    assert profile.id == "lbx-cfa" and profile.required == ("analysis", "child_views", "gaps")
    assert profile.section_kind("What we think is happening") == "analysis"
    assert profile.section_kind("Parenting capacity") == "parenting_capacity"  # from cfa / common
    assert profile.family_facing == cfa.family_facing  # inherited when not given
    assert dict(profile.thresholds)["analysis"] == 5
    assert dict(profile.thresholds)["risk_analysis"] == dict(cfa.thresholds)["risk_analysis"]


def test_the_configured_profile_is_detected_by_its_title_and_its_rules_apply(project, capsys):
    assert (
        main(["check", "--format", "json", "--select", "missing-required-section", str(project / "form.txt")])
        == 1
    )
    (result,) = json.loads(capsys.readouterr().out)["files"]
    assert result["profile"] == "lbx-cfa"
    assert [f["message"].split(":")[0] for f in result["findings"]] == ["No 'Gaps in information' section"]


def test_the_profile_thresholds_reach_thin_section(project):
    config = load_config(start=project)
    report = formlint.check(project / "form.txt", config=config, rules=[_rule("thin-section")])
    assert report.files[0].form.profile == "lbx-cfa"
    assert not [f for f in report.findings if f.section == "analysis"]  # 7 words >= the profile's 5
    config = load_config(start=project).with_cli()
    strict = formlint.check(
        project / "form.txt",
        config={
            "profiles": [str(project / "profiles" / "lbx.toml")],
            "options": {"thin-section": {"thresholds": {"analysis": 50}}},
        },
        rules=[_rule("thin-section")],
    )
    assert [f for f in strict.findings if f.section == "analysis"]  # the option beats the profile
    assert config.user_profiles


def test_sections_says_which_profile_matched_and_why(project, capsys):
    form = str(project / "form.txt")
    main(["sections", form])
    assert (
        "profile chosen: title phrase 'borough x family assessment' in the opening lines"
        in capsys.readouterr().out
    )
    main(["sections", "--profile", "plan", form])
    assert "profile chosen: forced by --profile" in capsys.readouterr().out
    (project / ".formlint.toml").write_text(
        'profiles = ["profiles/lbx.toml"]\n[per-path."*.txt"]\nprofile = "sos"\n'
    )
    main(["sections", "--format", "json", form])
    reason = json.loads(capsys.readouterr().out)["profile_reason"]
    assert reason["reason"] == "forced"
    assert reason["detail"] == f"forced by per-path '*.txt' at {project / '.formlint.toml'}:3"
    (project / "other.txt").write_text("Danger statement\nDad drinks and hits mum.\n")
    main(["sections", str(project / "other.txt"), "--config", str(project / "profiles" / "none.toml")])
    assert "configuration file not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "reason", "detail"),
    [
        (
            "Danger statement\nDad drinks.\n",
            "sections",
            "no title phrase; sections present: danger_statement",
        ),
        ("Notes\nSeen at home.\n", "fallback", "no title phrase or telling sections: the generic profile"),
    ],
)
def test_detection_from_sections_or_fallback_is_explained(tmp_path, text, reason, detail):
    from formlint.api import parse_explained

    form, detection = parse_explained(text.encode(), name="x.txt")
    assert (detection.reason, detection.detail) == (reason, detail) and form.profile == detection.profile


def test_user_profiles_are_not_registered_globally(project):
    profile = read_user_profile(project / "profiles" / "lbx.toml")
    with pytest.raises(KeyError):
        load_profile("lbx-cfa")
    with using_profiles([profile]):
        assert load_profile("lbx-cfa") is profile and user_profiles() == (profile,)
    assert user_profiles() == ()
    assert parse(FORM.encode(), name="f.txt").profile == "cfa"
    assert parse(FORM.encode(), name="f.txt", profiles=[profile]).profile == "lbx-cfa"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("titles", "title"), ":4: unknown profile key 'title'; did you mean 'titles'?"),
        (
            ('extends = "cfa"', 'extends = "cfaa"'),
            ":3: unknown profile 'cfaa' in extends; did you mean 'cfa'?",
        ),
        (('"gaps"]', '"gapz"]'), ":5: unknown section kind 'gapz' in required; did you mean 'gaps'?"),
        (
            ('id = "lbx-cfa"', 'id = "cfa"'),
            ":1: profile id 'cfa' is a built-in profile's; give yours its own id",
        ),
        (("analysis = 5", "analysis = -1"), ":11: thresholds.analysis must be a whole number of words"),
    ],
)
def test_bad_profile_files_are_errors_naming_file_line_and_nearest(tmp_path, change, message):
    path = tmp_path / "p.toml"
    path.write_text(PROFILE.replace(*change))
    with pytest.raises(ProfileError) as exc:
        read_user_profile(path)
    assert str(exc.value) == f"{path}{message}"


def test_a_bad_profile_file_is_a_config_error_and_exit_2(project, capsys):
    (project / "profiles" / "lbx.toml").write_text(PROFILE.replace("titles", "title"))
    with pytest.raises(ConfigError, match=r"\.formlint\.toml:1: in profiles: .*unknown profile key 'title'"):
        load_config(start=project)
    assert main(["check", str(project / "form.txt")]) == 2
    assert "did you mean 'titles'?" in capsys.readouterr().err


def test_profile_names_include_user_profiles_with_nearest_choice(project, capsys):
    (project / ".formlint.toml").write_text('profiles = ["profiles/lbx.toml"]\nprofile = "lbx-cfaa"\n')
    with pytest.raises(ConfigError, match=r":2: unknown profile 'lbx-cfaa'; did you mean 'lbx-cfa'\?"):
        load_config(start=project)
    (project / ".formlint.toml").write_text('profiles = ["profiles/lbx.toml"]\n')
    assert main(["check", "--profile", "lbx-cfa", "--select", "T106", str(project / "form.txt")]) == 0
    assert main(["check", "--profile", "lbx", str(project / "form.txt")]) == 2
    assert "unknown profile 'lbx'" in capsys.readouterr().err


def _rule(slug: str) -> type[formlint.Rule]:
    from formlint.registry import discover

    rule = discover().find(slug)
    assert rule is not None
    return rule
