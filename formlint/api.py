"""The library API: parse a form, check a form. Thread-safe: no shared mutable state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from formlint.assemble import assemble
from formlint.config import Config
from formlint.engine import run_rules
from formlint.errors import InternalReadError, MissingFile, UnreadableForm
from formlint.finding import Finding
from formlint.limits import DEFAULT_LIMITS, Limits
from formlint.model import Form
from formlint.parsers import read_raw
from formlint.profile import Detection, Profile, detect, load_profile, using_profiles
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
    profiles: Sequence[Profile] = (),
) -> Form:
    """Read a form from a path, raw bytes (give ``name`` for messages) or return a Form as is.

    ``profiles`` are user profiles (:func:`formlint.profile.read_user_profile`) that detection
    and ``profile`` may choose besides the built-ins.
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
    raw = read_raw(data, path, limits)
    if profiles:
        with using_profiles(profiles):
            return assemble(raw, path, profile=profile)
    return assemble(raw, path, profile=profile)


def parse_explained(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    profile: str | None = None,
    forced_by: str = "--profile",
    limits: Limits = DEFAULT_LIMITS,
    profiles: Sequence[Profile] = (),
) -> tuple[Form, Detection]:
    """:func:`parse`, and which profile the form was read with and why (title phrase, sections
    present, or forced by ``forced_by`` when ``profile`` is given): ``formlint sections``."""
    from formlint.assemble import _title_lines
    from formlint.parsers.raw import Role

    path = name or (str(source) if not isinstance(source, bytes) else "<bytes>")
    data = source if isinstance(source, bytes) else _read_bytes(Path(source))
    raw = read_raw(data, path, limits)
    with using_profiles(profiles):
        if profile is not None:
            detection = Detection(profile, "forced", f"forced by {forced_by}")
        else:
            # As assemble() detects it: section kinds under the generic profile, the opening lines.
            generic = load_profile("common")
            kinds = {
                generic.section_kind(i.text if i.role is Role.HEADING else i.label or "")
                for i in raw.items
                if i.role is not Role.BODY
            }
            detection = detect(_title_lines(raw), kinds)
        form = assemble(raw, path, profile=detection.profile)
    return form, detection


def check(
    source: Source,
    *,
    previous: Sequence[Source] = (),
    as_of: dt.date | None = None,
    profile: str | None = None,
    rules: Iterable[type[Rule]] | None = None,
    name: str | None = None,
    config: Config | None = None,
) -> Report:
    """Parse and lint one form; the Report holds its findings or its input error."""
    result = check_one(
        source, previous=previous, as_of=as_of, profile=profile, rules=rules, name=name, config=config
    )
    return Report([result], config=config or Config())


def check_one(
    source: Source,
    *,
    previous: Sequence[Source] = (),
    as_of: dt.date | None = None,
    profile: str | None = None,
    rules: Iterable[type[Rule]] | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    config: Config | None = None,
) -> FileResult:
    """Parse and lint one form under ``config`` (default: the defaults).

    ``rules`` are the rules available (default: every installed rule); the configuration's
    selection, per-profile and per-path entries choose among them for this form, give them
    their options and override their severities; findings below ``min-severity`` are left out
    and counted in ``FileResult.hidden``. ``profile`` (as ``--profile``) beats the
    configuration's. A configuration not yet checked against the rules is checked here
    (:class:`formlint.config.ConfigError` for an unknown rule name).
    """
    path = name or (
        source.path
        if isinstance(source, Form)
        else str(source)
        if not isinstance(source, bytes)
        else "<bytes>"
    )
    rule_list = list(rules) if rules is not None else list(discover().rules)
    cfg = config or Config()
    if not cfg.resolved:
        cfg = cfg.resolve_rules(rule_list)
    forced = profile if profile is not None else cfg.forced_profile(path)
    with using_profiles(cfg.user_profiles):
        try:
            form = parse(source, name=name, profile=forced, limits=limits)
            earlier = tuple(parse(p, profile=forced, limits=limits) for p in previous)
        except UnreadableForm as exc:
            return FileResult(path, error=exc)
        except (Exception, RecursionError) as exc:  # a reader bug must not stop a batch run
            message = (
                f"formlint failed while reading this file ({type(exc).__name__}: {exc}); please report it"
            )
            return FileResult(path, error=InternalReadError(path, message))
        choice = cfg.choose(rule_list, profile=form.profile, path=path)
        context = Context(as_of=as_of or dt.date.today(), previous=earlier)
        findings, failures = run_rules(
            form, choice.rules, context, options=choice.options, severity=choice.severity
        )
    shown = [f for f in findings if f.severity >= cfg.min_severity]
    return FileResult(form.path, form, shown, rule_failures=failures, hidden=len(findings) - len(shown))


__all__ = ["Finding", "Form", "Report", "check", "check_one", "parse", "parse_explained"]
