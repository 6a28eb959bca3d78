"""Rule packs: installed (entry points), a local rules folder, broken and required packs."""

from __future__ import annotations

import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from formlint.batch import check_files
from formlint.cli import main
from formlint.registry import GROUP, discover, load_rules_dir
from formlint.testing import check_examples

PACK = Path(__file__).parent / "example_pack"
FORM = "PARENTS' VIEWS\nThe service user said she wants help with housing.\n"


@pytest.fixture
def fake_install(tmp_path, monkeypatch):
    """The example pack 'installed': its folder importable and a dist-info declaring the entry
    point, which importlib.metadata finds on sys.path exactly as for a pip-installed pack."""
    site = tmp_path / "site"
    info = site / "formlint_lbx_rules-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: formlint-lbx-rules\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text("[formlint.rules]\nlbx = formlint_lbx_rules:get_rules\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.syspath_prepend(str(PACK))
    return site


def test_an_installed_pack_is_found_through_the_entry_point_group(fake_install):
    ruleset = discover()
    assert ruleset.problems == ()
    assert ruleset.find("service-user-term") is not None
    assert ruleset.find("placeholder-text") is not None  # the built-in pack still loads
    assert {"builtin", "lbx", "formlint-lbx-rules"} <= set(ruleset.packs)


def test_require_plugins_is_satisfied_by_entry_point_or_distribution_name(fake_install):
    assert discover(require=["lbx", "formlint-lbx-rules"]).problems == ()


def test_the_example_pack_runs_its_examples_with_the_same_helper_as_the_builtin_pack(fake_install):
    rule = discover().find("L101")
    assert rule is not None and check_examples(rule) == []


def test_a_rules_dir_loads_the_same_pack_without_installing_it():
    modules, problems = load_rules_dir(PACK)
    assert problems == []
    assert [(name, [r.slug for r in rules]) for name, rules in modules] == [
        ("formlint_lbx_rules", ["service-user-term"])
    ]
    assert "formlint_lbx_rules" in discover(rules_dir=[PACK]).packs


def test_a_broken_entry_point_is_a_problem_naming_the_pack_and_the_rest_still_load():
    eps = [
        EntryPoint("builtin", "formlint_rules:get_rules", GROUP),
        EntryPoint("broken", "no_such_module_here:get_rules", GROUP),
    ]
    ruleset = discover(eps)
    assert ruleset.find("placeholder-text") is not None
    (problem,) = ruleset.problems
    assert problem.plugin == "broken"
    assert problem.message.startswith(
        "failed to load no_such_module_here:get_rules: ModuleNotFoundError: No module named"
    )


def test_a_pack_returning_something_other_than_rules_is_a_problem(monkeypatch, tmp_path):
    (tmp_path / "oddpack.py").write_text("def get_rules():\n    return [object]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    (problem,) = discover([EntryPoint("odd", "oddpack:get_rules", GROUP)]).problems
    assert (
        problem.message
        == "failed to load oddpack:get_rules: TypeError: <class 'object'> is not a formlint Rule subclass"
    )


def test_a_missing_required_pack_names_it_and_the_installed_ones():
    (problem,) = discover(require=["lbx"]).problems
    assert str(problem) == (
        "rule pack 'lbx': is required (require-plugins) but not installed; installed packs: builtin, formlint"
    )


def test_a_code_already_taken_is_a_problem_naming_both_rules(tmp_path):
    (tmp_path / "clash_rules.py").write_text(
        "from formlint_rules.placeholder_text import PlaceholderText\n"
        "class Mine(PlaceholderText):\n    slug = 'my-placeholder'\n    code = PlaceholderText.code\n"
    )
    ruleset = discover(rules_dir=[tmp_path])
    (problem,) = ruleset.problems
    assert problem.message.startswith("code T106 of 'my-placeholder' is already used by 'placeholder-text'")
    assert ruleset.find("my-placeholder") is None


def test_a_rules_dir_module_that_fails_to_import_is_named(tmp_path):
    (tmp_path / "bad_rules_x.py").write_text("raise RuntimeError('oops')\n")
    (problem,) = discover(rules_dir=[tmp_path]).problems
    assert problem.plugin == f"{tmp_path}/bad_rules_x.py"
    assert problem.message == "failed to import: RuntimeError: oops"


def test_a_rules_dir_module_shadowed_by_an_installed_module_is_refused(tmp_path):
    (tmp_path / "json.py").write_text("")
    (problem,) = discover(rules_dir=[tmp_path]).problems
    assert problem.message.startswith("the module name 'json' is already taken by ")
    assert problem.message.endswith("; rename the file")


def test_a_missing_rules_dir_and_a_module_without_rules_are_problems(tmp_path):
    (tmp_path / "empty_rules_y.py").write_text("X = 1\n")
    problems = discover(rules_dir=[tmp_path, tmp_path / "nope"]).problems
    assert [p.message for p in problems] == ["defines no Rule subclass with a code", "no such folder"]


def test_rules_dir_and_declarative_rules_reach_worker_processes(tmp_path):
    rules_file = tmp_path / "house.toml"
    rules_file.write_text(
        '[[rule]]\ncode = "H901"\nslug = "no-case-word"\nkind = "existence"\nsummary = "s"\n'
        'tokens = ["the case"]\nexamples = [{form = "ANALYSIS\\nThe case is open.", flagged = true},'
        ' {form = "ANALYSIS\\nAmy is safe.", flagged = false}]\n'
    )
    ruleset = discover(rules_dir=[PACK], declarative=[rules_file])
    forms = []
    for n in range(3):
        path = tmp_path / f"f{n}.txt"
        path.write_text(FORM + "\nANALYSIS\nThe case is open.\n")
        forms.append(str(path))
    rules = [r for r in ruleset.rules if r.code in ("L101", "H901")]
    serial = check_files(forms, jobs=1, rules=rules)
    parallel = check_files(forms, jobs=2, rules=rules)
    assert [f.rule for r in parallel for f in r.findings] == [f.rule for r in serial for f in r.findings]
    assert sorted({f.rule for r in parallel for f in r.findings}) == ["no-case-word", "service-user-term"]


def test_cli_shows_a_broken_pack_and_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "broken_rules_z.py").write_text("import nothing_of_the_sort\n")
    (tmp_path / ".formlint.toml").write_text('rules-dir = ["rules"]\n')
    (tmp_path / "form.txt").write_text(FORM)
    assert main(["check", "form.txt"]) == 2
    err = capsys.readouterr().err
    assert "formlint: error: rule pack " in err
    assert (
        "broken_rules_z.py': failed to import: ModuleNotFoundError: No module named 'nothing_of_the_sort'"
        in err
    )


def test_cli_require_plugins_fails_when_a_pack_is_missing(tmp_path, capsys):
    (tmp_path / "form.txt").write_text(FORM)
    assert main(["check", str(tmp_path / "form.txt"), "--require-plugins", "lbx"]) == 2
    assert "rule pack 'lbx': is required (require-plugins) but not installed" in capsys.readouterr().err


def test_cli_runs_a_rules_dir_rule_from_config(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".formlint.toml").write_text(
        f'rules-dir = ["{PACK}"]\nrequire-plugins = ["formlint_lbx_rules"]\n'
    )
    (tmp_path / "form.txt").write_text(FORM)
    main(["check", "form.txt", "--select", "L101", "--style", "concise"])
    out = capsys.readouterr().out
    assert "L101 service-user-term [info] 'service user' in a family-facing section." in out
    assert sys.modules["formlint_lbx_rules"].__file__.startswith(str(PACK))
