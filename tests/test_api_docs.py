"""docs/api.md is true: its Python examples run, in order, and the API is typed and thread-safe."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import formlint

API_DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks() -> list[str]:
    return _BLOCK.findall(API_DOC.read_text(encoding="utf-8"))


def test_the_api_page_has_examples():
    assert len(_blocks()) >= 4


def test_the_api_page_examples_run_in_order(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "api_doc"}
    for number, block in enumerate(_blocks(), 1):
        code = compile(block, f"docs/api.md example {number}", "exec")
        exec(code, namespace)
    out = capsys.readouterr().out
    assert "blank.txt: the file is empty [empty-file]" in out
    assert "did you mean 'thin-section'?" in out


def test_the_package_exports_its_api_lazily():
    for name in formlint.__all__:
        assert getattr(formlint, name) is not None
    with pytest.raises(AttributeError):
        _ = formlint.no_such_thing
    assert (Path(formlint.__file__).parent / "py.typed").is_file()


def test_check_takes_a_single_previous_version_or_several(tmp_path):
    text = b"CHILD IN NEED PLAN\n\nPlan\n1. Ms Reid to visit weekly.\n"
    one = formlint.check(text, name="plan.md", previous=text)
    many = formlint.check(text, name="plan.md", previous=[text, text])
    assert one.ok and many.ok


def test_config_mapping_is_applied_and_a_bad_one_refused_not_ignored():
    only = formlint.check(b"Analysis\nSee above.\n", config={"select": ["T106"]})
    assert {f.code for f in only.findings} <= {"T106"}
    assert formlint.check(b"Analysis\nSee above.\n", config={}).ok
    with pytest.raises(formlint.UsageError, match="unknown key 'selct'; did you mean 'select'"):
        formlint.check(b"Analysis\nSee above.\n", config={"selct": ["T106"]})


def test_check_gives_the_same_reports_from_many_threads():
    forms = [
        f"CHILD AND FAMILY ASSESSMENT\n\nChild's views: N/A\n\nAnalysis\nCase {i}: see above.\n".encode()
        for i in range(12)
    ]
    serial = [formlint.check(f, name=f"form{i}.md").to_dict() for i, f in enumerate(forms)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        threaded = list(pool.map(lambda p: formlint.check(p[1], name=f"form{p[0]}.md").to_dict(),
                                 enumerate(forms)))
    assert threaded == serial
