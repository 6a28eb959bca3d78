"""Checking many forms in parallel gives the same results, in the same order, as one at a time."""

from __future__ import annotations

import pytest

from formlint.batch import auto_jobs, check_files
from formlint.registry import discover
from tests.conftest import REPO, SAMPLES


def _summary(results):
    return [
        (r.path, r.error.code if r.error else None, [(f.code, f.text, f.location) for f in r.findings])
        for r in results
    ]


def test_parallel_results_equal_the_serial_run_in_the_same_order(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    paths = sorted(str(p) for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".json", ".docx"))
    paths.insert(2, str(tmp_path / "broken.docx"))
    rules = list(discover().rules)
    serial = check_files(paths, jobs=1, rules=rules)
    parallel = check_files(paths, jobs=3, rules=rules)
    assert _summary(parallel) == _summary(serial)
    assert [r.path for r in parallel] == paths
    assert parallel[2].error is not None  # the unreadable file's error survives the trip back


def test_a_few_files_run_in_one_process_and_many_use_every_core():
    assert auto_jobs(3) == 1
    assert auto_jobs(100) >= 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_cli_output_is_the_same_whatever_the_number_of_jobs(jobs, capsys):
    from formlint.cli import main

    main(["check", "--format", "json", "--jobs", jobs, str(REPO / "samples")])
    out = capsys.readouterr().out
    assert '"findings"' in out
