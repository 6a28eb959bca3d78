"""Checking many forms: in parallel processes, with results in the order given.

A QA team lints thousands of forms; each is independent, so they are spread over
worker processes (``concurrent.futures`` from the standard library) and gathered
back in input order, identical to a serial run.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TextIO

from formlint.config import Config
from formlint.model import Form
from formlint.report import FileResult
from formlint.rule import Rule

__all__ = ["Progress", "auto_jobs", "check_files"]

# Below this many files a process pool costs more than it saves.
PARALLEL_FROM = 8


def auto_jobs(count: int) -> int:
    """All cores for more than a handful of files, one process otherwise."""
    return (os.cpu_count() or 1) if count >= PARALLEL_FROM else 1


def _check(
    path: str,
    *,
    previous: Sequence[str | Form],
    as_of: dt.date | None,
    profile: str | None,
    rules: Sequence[type[Rule]],
    config: Config | None,
) -> FileResult:
    from formlint.api import check_one

    return check_one(path, previous=previous, as_of=as_of, profile=profile, rules=rules, config=config)


def check_files(
    paths: Sequence[str],
    *,
    jobs: int = 1,
    previous: Sequence[str | Form] = (),
    as_of: dt.date | None = None,
    profile: str | None = None,
    rules: Sequence[type[Rule]],
    on_result: Callable[[FileResult], None] | None = None,
    config: Config | None = None,
) -> list[FileResult]:
    """Check every path; results come back in the order of ``paths``. ``config`` (see
    :func:`formlint.api.check_one`) chooses among ``rules`` per form."""
    work = functools.partial(
        _check, previous=tuple(previous), as_of=as_of, profile=profile, rules=tuple(rules), config=config
    )
    results: Iterable[FileResult]
    if jobs <= 1 or len(paths) < 2:
        results = map(work, paths)
        return _collect(results, on_result)
    chunk = max(1, len(paths) // (jobs * 4))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return _collect(pool.map(work, paths, chunksize=chunk), on_result)


def _collect(
    results: Iterable[FileResult], on_result: Callable[[FileResult], None] | None
) -> list[FileResult]:
    out = []
    for result in results:
        if on_result is not None:
            on_result(result)
        out.append(result)
    return out


class Progress:
    """A one-line progress count on standard error, only on a terminal, never in CI."""

    def __init__(self, total: int, *, stream: TextIO | None = None, enabled: bool = True) -> None:
        stream = stream if stream is not None else sys.stderr
        self.total, self.done, self.stream = total, 0, stream
        quiet_here = bool(os.environ.get("CI")) or not stream.isatty()
        self.enabled = enabled and total > 5 and not quiet_here

    def __call__(self, result: FileResult) -> None:
        self.done += 1
        if self.enabled:
            self.stream.write(f"\rformlint: {self.done}/{self.total} forms checked")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 40 + "\r")
            self.stream.flush()
