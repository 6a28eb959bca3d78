"""The command line: exit statuses, bad input handled per file, the JSON report contract."""

from __future__ import annotations

import json

import pytest

from formlint.cli import main

GOOD = (
    "Child's views\nAva said she likes school and her teacher, Miss Ray. When I saw her alone at school "
    "on 10 March she said she feels safe at home with her mum and wants to see her dad \"at the park\".\n\n"
    "Risk analysis\nThe risk to Ava is that she sees further violence between her parents, as on "
    "3 March when police attended after Mr Dale assaulted Ms Dale. Ava was in the next room and told "
    "her teacher the next day that she had hidden under her bed. If Mr Dale returns to the home before "
    "he has worked on his behaviour, Ava could be hurt or frightened again, because the assault happened "
    "after an argument about money that has not been settled.\n\n"
    "Analysis\nMs Dale has kept Ava safe since they split up. She called the police on 3 March. She "
    "has kept to the written agreement on each of my four visits. Ava's school say she is settled and "
    "her attendance is 97%. We do not yet know if Mr Dale will go on the course for men who hurt their "
    "partners. He has not met me yet, so I cannot say if he sees the harm to Ava. On balance I "
    "think Ava needs a Child in Need plan, because the risk depends on Mr Dale staying away and that "
    "rests for now on Ms Dale alone.\n\n"
    "Manager's comments\nI agree with a Child in Need plan because Ms Dale has acted to protect Ava; "
    "the plan must include an approach to Mr Dale by the next review.\n"
)
POOR = "CHILD AND FAMILY ASSESSMENT\n\nChild's views: N/A\n\nAnalysis\nSee above.\n"


@pytest.fixture
def forms(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "poor.md").write_text(POOR, encoding="utf-8")
    (tmp_path / "ignored.xyz").write_text("not a form", encoding="utf-8")
    return tmp_path


def test_clean_form_exits_zero(forms, capsys):
    assert main(["check", str(forms / "good.txt")]) == 0
    assert "0 finding(s)" in capsys.readouterr().out


def test_findings_exit_one_and_read_like_a_compiler(forms, capsys):
    assert main(["check", str(forms / "poor.md")]) == 1
    out = capsys.readouterr().out
    assert f"{forms / 'poor.md'}: 'Child's views', para 3: T106 placeholder-text [error]" in out
    assert "    | N/A" in out
    assert "= help:" in out


def test_fail_on_threshold_decides_the_exit_status(forms):
    assert main(["check", "--fail-on", "error", str(forms / "poor.md")]) == 1
    assert main(["check", "--select", "T106", "--fail-on", "error", str(forms / "good.txt")]) == 0


def test_folders_are_searched_for_supported_forms_only(forms, capsys):
    main(["check", "--format", "json", str(forms)])
    report = json.loads(capsys.readouterr().out)
    assert [f["path"].rsplit("/", 1)[1] for f in report["files"]] == ["good.txt", "poor.md"]


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", "empty-file", "empty"),
        (b"\x00\x01\x02\x03binary\x00junk", "unsupported-type", "unknown type"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "password-protected", "password"),
        (b"PK\x03\x04 not really a zip", "corrupt", "docx"),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_the_rest_are_still_checked(
    forms, capsys, content, code, words
):
    bad = forms / "bad.docx"
    bad.write_bytes(content)
    status = main(["check", str(bad), str(forms / "poor.md")])
    captured = capsys.readouterr()
    assert status == 2
    (line,) = captured.err.strip().splitlines()
    assert line.startswith(f"{bad}: error: ") and line.endswith(f"[{code}]") and words in line.lower()
    assert "Traceback" not in captured.err
    assert "T106" in captured.out  # the good file was still checked


def test_missing_path_is_an_input_error(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.docx")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_usage_errors_exit_two(forms, capsys):
    assert main(["check", "--select", "no-such-rule", str(forms / "good.txt")]) == 2
    assert main(["check", "--profile", "nope", str(forms / "good.txt")]) == 2
    assert (
        main(
            ["check", "--previous", str(forms / "good.txt"), str(forms / "good.txt"), str(forms / "poor.md")]
        )
        == 2
    )
    with pytest.raises(SystemExit) as exc:
        main(["check", "--as-of", "5/4/24", str(forms / "good.txt")])
    assert exc.value.code == 2


def test_stdin_is_read_with_dash(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(POOR.encode())))
    assert main(["check", "-"]) == 1
    assert "<stdin>" in capsys.readouterr().out


def test_json_report_contract(forms, capsys):
    main(["check", "--format", "json", str(forms / "poor.md")])
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"formlint", "config", "files", "summary"}
    (result,) = report["files"]
    assert {"path", "format", "profile", "error", "metadata", "sections", "findings"} <= set(result)
    assert result["error"] is None and result["format"] == "md" and result["profile"] == "cfa"
    finding = next(f for f in result["findings"] if f["rule"] == "placeholder-text")
    assert set(finding) == {
        "code",
        "rule",
        "severity",
        "message",
        "section",
        "heading",
        "text",
        "location",
        "pattern",
        "suggestion",
    }
    assert set(finding["location"]) == {"page", "table", "row", "cell", "paragraph", "field", "start", "end"}
    assert finding["rule"] == "placeholder-text" and finding["text"] == "N/A"
    assert finding["pattern"].startswith("1a.")
    assert report["summary"]["findings"] == len(result["findings"])


def test_json_report_records_errors_per_file(forms, capsys):
    (forms / "empty.txt").write_bytes(b"")
    main(["check", "--format", "json", str(forms / "empty.txt")])
    result = json.loads(capsys.readouterr().out)["files"][0]
    assert result["error"] == {"code": "empty-file", "message": "the file is empty"}


def test_output_file(forms, tmp_path):
    out = tmp_path / "report.json"
    main(["check", "--format", "json", "--output", str(out), str(forms / "poor.md")])
    assert json.loads(out.read_text())["summary"]["files"] == 1


def test_sections_command_shows_kinds_headings_and_text(forms, capsys):
    assert main(["sections", str(forms / "poor.md")]) == 0
    out = capsys.readouterr().out
    assert "[child_views] Child's views" in out and "profile=cfa" in out
    assert main(["sections", "--format", "json", str(forms / "poor.md")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sections"][1]["blocks"][0]["text"] == "N/A"


def test_rule_command_prints_the_generated_page(capsys):
    assert main(["rule", "T106"]) == 0
    assert "# `placeholder-text` (T106)" in capsys.readouterr().out
    assert main(["rule", "nonsense"]) == 2


def test_input_files_are_never_modified(forms):
    before = {p.name: p.read_bytes() for p in forms.iterdir()}
    main(["check", str(forms)])
    assert {p.name: p.read_bytes() for p in forms.iterdir()} == before
