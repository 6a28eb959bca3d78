"""Declarative TOML rules: each kind, their examples, `formlint test-rules` and the error messages."""

from __future__ import annotations

import pickle
import textwrap
from pathlib import Path

import pytest

from formlint.cli import main
from formlint.declarative import DeclarativeError, load_file, load_text
from formlint.rule import Rule
from formlint.ruledoc import render
from formlint.testing import check_examples, run_example

KINDS = {
    "existence": """
        [[rule]]
        code = "H201"
        slug = "no-uncooperative"
        kind = "existence"
        summary = "'Uncooperative' and 'non-engagement' judge the family without evidence."
        sections = ["analysis"]
        tokens = ["uncooperative", "non-engagement"]
        examples = [
          { form = "ANALYSIS\\nMs Carter was uncooperative.", flagged = true },
          { form = "ANALYSIS\\nMs Carter missed two of four visits.", flagged = false },
          { form = "BACKGROUND\\nShe was called uncooperative in 2019.", flagged = false, note = "other sections" },
        ]
    """,  # noqa: E501
    "substitution": """
        [[rule]]
        code = "H202"
        slug = "name-the-child"
        kind = "substitution"
        summary = "The child is named."
        swap = { "the subject" = "the child's name" }
        examples = [
          { form = "ANALYSIS\\nThe subject was seen at school.", flagged = true },
          { form = "ANALYSIS\\nAmy was seen at school.", flagged = false },
        ]
    """,
    "occurrence": """
        [[rule]]
        code = "H203"
        slug = "child-seen-recorded"
        kind = "occurrence"
        summary = "The analysis says when the child was seen."
        sections = ["analysis"]
        tokens = ["seen", "visited"]
        min = 1
        examples = [
          { form = "ANALYSIS\\nThe home is tidy.", flagged = true },
          { form = "ANALYSIS\\nAmy was seen alone on 3 May.", flagged = false },
        ]
    """,
    "required-section": """
        [[rule]]
        code = "H204"
        slug = "contingency-required"
        kind = "required-section"
        summary = "Every plan has a contingency."
        sections = ["contingency"]
        examples = [
          { form = "PLAN\\nMum will attend the course.", flagged = true },
          { form = "PLAN\\nMum will attend.\\n\\nCONTINGENCY PLAN\\nIf she does not, we will call a meeting.", flagged = false },
        ]
    """,  # noqa: E501
    "conditional": """
        [[rule]]
        code = "H205"
        slug = "risk-in-plan"
        kind = "conditional"
        summary = "A risk named in the analysis is addressed in the plan."
        [rule.if]
        sections = ["analysis"]
        tokens = ["domestic abuse", "alcohol"]
        [rule.then]
        sections = ["plan_actions"]
        [[rule.examples]]
        form = "ANALYSIS\\nMum's alcohol use worries us.\\n\\nPLAN\\nAmy will attend nursery."
        flagged = true
        [[rule.examples]]
        form = "ANALYSIS\\nMum's alcohol use worries us.\\n\\nPLAN\\nMum will see the alcohol service weekly."
        flagged = false
    """,
    "metric": """
        [[rule]]
        code = "H206"
        slug = "short-sentences"
        kind = "metric"
        summary = "Sentences in the analysis average 25 words or fewer."
        sections = ["analysis"]
        metric = "words-per-sentence"
        max = 25
        min-words = 1
        examples = [
          { form = "ANALYSIS\\nAmy, who is four and who attends the nursery on the estate most days of the week when her mother is well enough to take her, was seen there by me and by the nursery nurse on the third of May.", flagged = true },
          { form = "ANALYSIS\\nAmy is four. I saw her at nursery on 3 May.", flagged = false },
        ]
    """,  # noqa: E501
}


def _load(text: str) -> list[type[Rule]]:
    return load_text(textwrap.dedent(text), "house.toml")


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_behaves_as_its_own_examples_say(kind):
    (rule,) = _load(KINDS[kind])
    assert issubclass(rule, Rule) and rule.kind == kind
    assert check_examples(rule) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_declarative_rule_has_a_docs_page_and_pickles_like_any_rule(kind):
    (rule,) = _load(KINDS[kind])
    page = render(rule)
    assert page.startswith(f"# `{rule.slug}` ({rule.code})") and "## Flagged" in page
    again = pickle.loads(pickle.dumps(rule))
    assert again.slug == rule.slug and check_examples(again) == []


def test_substitution_finding_points_at_the_phrase_and_suggests_the_replacement():
    (rule,) = _load(KINDS["substitution"])
    (finding,) = run_example(rule, rule.examples[0])
    assert finding.message == "Write 'the child's name' instead of 'The subject'."
    assert finding.suggestion == finding.message
    assert (finding.location.start, finding.location.end) == (0, 11)


def test_conditional_names_the_risk_and_the_section_it_is_missing_from():
    (rule,) = _load(KINDS["conditional"])
    (finding,) = run_example(rule, rule.examples[0])
    assert (
        finding.message
        == "'alcohol' is named in 'ANALYSIS' but not addressed in the 'plan_actions' section(s)."
    )


def test_reading_ease_uses_the_builtin_syllable_counter_and_density_counts_per_1000_words():
    rules = _load("""
        [[rule]]
        code = "H207"
        slug = "plain-analysis"
        kind = "metric"
        summary = "Plain English."
        metric = "reading-ease"
        min = 50
        min-words = 5
        message = "Reading ease {value:.0f} in '{heading}' ({expected})."
        examples = [
          { form = "ANALYSIS\\nNotwithstanding considerable multi-agency intervention, parental ambivalence regarding engagement persists.", flagged = true },
          { form = "ANALYSIS\\nMum says she wants help. She came to two of the four visits.", flagged = false },
        ]

        [[rule]]
        code = "H208"
        slug = "jargon-density"
        kind = "metric"
        summary = "Few 'multi-agency' words."
        metric = "density"
        tokens = ["multi-agency", "intervention"]
        max = 20
        min-words = 5
        examples = [
          { form = "ANALYSIS\\nMulti-agency intervention continues with multi-agency intervention.", flagged = true },
          { form = "ANALYSIS\\nThe school and the health visitor see Amy every week.", flagged = false },
        ]
    """)  # noqa: E501
    for rule in rules:
        assert check_examples(rule) == []
    (finding,) = run_example(rules[0], rules[0].examples[0])
    assert finding.message.startswith("Reading ease ") and finding.message.endswith(
        "in 'ANALYSIS' (at least 50)."
    )


BASE = 'code = "H301"\nslug = "x-rule"\nsummary = "s"\n'
EXAMPLES = (
    'examples = [{form = "ANALYSIS\\nA b.", flagged = true}, {form = "ANALYSIS\\nC.", flagged = false}]\n'
)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'kind = "existance"\n',
            "house.toml:5: rule 'x-rule': unknown kind 'existance'; did you mean 'existence'?",
        ),
        (
            'kind = "existence"\ntokns = ["a"]\n',
            "house.toml:6: rule 'x-rule': unknown key 'tokns' for a 'existence' rule; did you mean 'tokens'?",
        ),
        (
            'kind = "existence"\ntokens = ["a"]\nsections = ["analyis"]\n',
            "house.toml:7: rule 'x-rule': unknown section kind 'analyis' in 'sections'; did you mean "
            "'analysis'? (see `formlint sections FORM` for the kinds a form has)",
        ),
        (
            'kind = "existence"\ntokens = ["a"]\nseverity = "eror"\n',
            "house.toml:7: rule 'x-rule': unknown severity 'eror'; did you mean 'error'?",
        ),
        (
            'kind = "existence"\ntokens = ["(a"]\nregex = true\n',
            "house.toml:6: rule 'x-rule': token '(a' is not a valid regular expression",
        ),
        (
            'kind = "existence"\ntokens = ["a"]\nmessage = "{oops}"\n',
            "house.toml:7: rule 'x-rule': message '{oops}' has an unknown placeholder 'oops'",
        ),
        (
            'kind = "occurrence"\ntokens = ["a"]\n',
            "house.toml:1: rule 'x-rule': a 'occurrence' rule needs 'min', 'max' or both",
        ),
        ('kind = "metric"\nmetric = "fog"\nmax = 3\n', "house.toml:6: rule 'x-rule': unknown metric 'fog'"),
        ('kind = "existence"\n', "house.toml:1: rule 'x-rule': missing required key 'tokens'"),
    ],
)
def test_mistakes_are_errors_naming_file_line_and_the_nearest_choice(body, message):
    text = "[[rule]]\n" + BASE + body + ("" if "examples" in body else EXAMPLES)
    with pytest.raises(DeclarativeError) as caught:
        load_text(text, "house.toml")
    assert str(caught.value).startswith(message)


def test_a_key_error_points_at_the_line_of_the_key():
    text = (
        "[[rule]]\n"
        + BASE
        + EXAMPLES
        + 'kind = "existence"\ntokens = ["a"]\n\n[[rule]]\n'
        + BASE.replace("H301", "H302").replace("x-rule", "y-rule")
        + EXAMPLES
        + 'kind = "existence"\ntoken = ["a"]\n'
    )
    with pytest.raises(DeclarativeError) as caught:
        load_text(text, "house.toml")
    assert caught.value.line == 15
    assert "unknown key 'token'" in caught.value.message


def test_a_rule_needs_flagged_and_not_flagged_examples():
    text = (
        "[[rule]]\n"
        + BASE
        + 'kind = "existence"\ntokens = ["a"]\nexamples = [{form = "ANALYSIS\\nA.", flagged = true}]\n'
    )
    with pytest.raises(DeclarativeError, match="needs at least one flagged and one not-flagged example"):
        load_text(text, "house.toml")


def test_invalid_toml_and_a_missing_file_are_named(tmp_path):
    with pytest.raises(DeclarativeError, match=r"^house.toml:2: not valid TOML"):
        load_text("[[rule]]\ncode = \n", "house.toml")
    with pytest.raises(DeclarativeError, match=r"nope\.toml: no such rule file"):
        load_file(tmp_path / "nope.toml")


def test_test_rules_runs_every_example_and_exits_0(tmp_path, capsys):
    path = tmp_path / "house.toml"
    path.write_text("\n".join(textwrap.dedent(k) for k in KINDS.values()))
    assert main(["test-rules", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ok   H201 no-uncooperative (3 example(s))" in out
    assert out.rstrip().endswith("6 of 6 rule(s) behave as their examples say.")


def test_test_rules_exits_1_and_says_which_example_misbehaves(tmp_path, capsys):
    path = tmp_path / "house.toml"
    path.write_text(
        textwrap.dedent(KINDS["existence"]).replace("missed two of four visits", "was uncooperative")
    )
    assert main(["test-rules", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL H201 no-uncooperative" in out
    assert "no-uncooperative: unexpected finding on 'ANALYSIS\\nMs Carter was uncooperative.'" in out


def test_test_rules_exits_2_for_a_broken_file_and_runs_a_rules_folder(tmp_path, capsys):
    path = tmp_path / "house.toml"
    path.write_text("[[rule]]\nkind = 'nope'\n")
    assert main(["test-rules", str(path)]) == 2
    assert "rule 'rule 1': unknown kind 'nope'" in capsys.readouterr().err
    assert main(["test-rules", str(Path(__file__).parent / "example_pack")]) == 0
    assert "ok   L101 service-user-term (3 example(s))" in capsys.readouterr().out


def test_test_rules_reads_the_configured_files_when_none_are_given(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house.toml").write_text(textwrap.dedent(KINDS["substitution"]))
    pack = Path(__file__).parent / "example_pack"
    (tmp_path / ".formlint.toml").write_text(f'declarative = ["house.toml"]\nrules-dir = ["{pack}"]\n')
    assert main(["test-rules"]) == 0
    out = capsys.readouterr().out
    assert "ok   H202 name-the-child" in out and "ok   L101 service-user-term" in out


def test_cli_check_runs_configured_declarative_rules(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house.toml").write_text(textwrap.dedent(KINDS["substitution"]))
    (tmp_path / ".formlint.toml").write_text('declarative = ["house.toml"]\n')
    (tmp_path / "form.txt").write_text("ANALYSIS\nThe subject was seen at school.\n")
    assert main(["check", "form.txt", "--select", "H202", "--style", "concise"]) == 1
    assert (
        "H202 name-the-child [warning] Write 'the child's name' instead of 'The subject'."
        in capsys.readouterr().out
    )


def test_cli_check_reports_a_broken_declarative_file_by_name_and_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house.toml").write_text("[[rule]]\n" + BASE + 'kind = "existense"\n' + EXAMPLES)
    (tmp_path / ".formlint.toml").write_text('declarative = ["house.toml"]\n')
    (tmp_path / "form.txt").write_text("ANALYSIS\nAmy is safe.\n")
    assert main(["check", "form.txt"]) == 2
    err = capsys.readouterr().err
    assert "house.toml': line 5: rule 'x-rule': unknown kind 'existense'; did you mean 'existence'?" in err


def test_the_documented_example_rules_load_and_behave_as_their_examples_say():
    from tests.conftest import REPO

    doc = (REPO / "docs" / "declarative-rules.md").read_text(encoding="utf-8")
    block = doc.split("## The kinds", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    rules = load_text(block, "declarative-rules.md")
    assert sorted(r.kind for r in rules) == sorted(KINDS)
    assert [p for r in rules for p in check_examples(r)] == []
