"""The library API: parse a form, check a form. Thread-safe: no shared mutable state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from formlint.assemble import assemble
from formlint.engine import run_rules
from formlint.errors import InternalReadError, MissingFile, UnreadableForm
from formlint.finding import Finding
from formlint.limits import DEFAULT_LIMITS, Limits
from formlint.model import Form
from formlint.parsers import read_raw
from formlint.registry import discover
from formlint.report import FileResult, Report
from formlint.rule import Context, Rule

Source = str | Path | bytes | Form


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MissingFile(str(path), "no such file") from None
    except IsADirectoryError:
        raise MissingFile(str(path), "is a directory, not a form") from None
    except PermissionError:
        raise MissingFile(str(path), "permission denied") from None
    except OSError as exc:
        raise MissingFile(str(path), f"cannot be read ({exc.strerror})") from None


def parse(
    source: Source,
    *,
    name: str | None = None,
    profile: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Form:
    """Read a form from a path, raw bytes (give ``name`` for messages) or return a Form as is.

    Raises :class:`formlint.errors.UnreadableForm` (or a subclass) for input it cannot read.
    """
    if isinstance(source, Form):
        return source
    if isinstance(source, bytes):
        path = name or "<bytes>"
        data = source
    else:
        path = str(source)
        data = _read_bytes(Path(source))
    return assemble(read_raw(data, path, limits), path, profile=profile)


def check(
    source: Source,
    *,
    previous: Sequence[Source] = (),
    as_of: dt.date | None = None,
    profile: str | None = None,
    rules: Iterable[type[Rule]] | None = None,
    name: str | None = None,
) -> Report:
    """Parse and lint one form; the Report holds its findings or its input error."""
    result = check_one(source, previous=previous, as_of=as_of, profile=profile, rules=rules, name=name)
    return Report([result])


def check_one(
    source: Source,
    *,
    previous: Sequence[Source] = (),
    as_of: dt.date | None = None,
    profile: str | None = None,
    rules: Iterable[type[Rule]] | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> FileResult:
    path = name or (
        source.path
        if isinstance(source, Form)
        else str(source)
        if not isinstance(source, bytes)
        else "<bytes>"
    )
    try:
        form = parse(source, name=name, profile=profile, limits=limits)
        earlier = tuple(parse(p, profile=profile, limits=limits) for p in previous)
    except UnreadableForm as exc:
        return FileResult(path, error=exc)
    except (Exception, RecursionError) as exc:  # a reader bug must not stop a batch run
        message = f"formlint failed while reading this file ({type(exc).__name__}: {exc}); please report it"
        return FileResult(path, error=InternalReadError(path, message))
    rule_list = list(rules) if rules is not None else list(discover().rules)
    context = Context(as_of=as_of or dt.date.today(), previous=earlier)
    findings, failures = run_rules(form, rule_list, context)
    return FileResult(form.path, form, findings, rule_failures=failures)


__all__ = ["Finding", "Form", "Report", "check", "check_one", "parse"]
