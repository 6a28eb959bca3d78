"""formlint: lint completed social-work assessment forms for the recording failings case reviews find.

The library API (see docs/api.md)::

    import formlint

    report = formlint.check("form.docx")          # a path, raw bytes or a parsed Form
    for finding in report.findings:
        print(finding.code, finding.message)
    report.to_json()                              # the documented JSON contract

Everything here is imported lazily, so ``import formlint`` stays cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from formlint.api import parse
    from formlint.config import Config
    from formlint.errors import FormlintError, UnreadableForm, UsageError
    from formlint.finding import Finding, Severity
    from formlint.model import Form, Location
    from formlint.report import FileResult, Report
    from formlint.rule import Rule

__all__ = [
    "Config",
    "FileResult",
    "Finding",
    "Form",
    "FormlintError",
    "Location",
    "Report",
    "Severity",
    "UnreadableForm",
    "UsageError",
    "__version__",
    "check",
    "parse",
]

_LAZY = {
    "parse": "formlint.api",
    "Config": "formlint.config",
    "Finding": "formlint.finding",
    "Severity": "formlint.finding",
    "Form": "formlint.model",
    "Location": "formlint.model",
    "FileResult": "formlint.report",
    "Report": "formlint.report",
    "FormlintError": "formlint.errors",
    "UnreadableForm": "formlint.errors",
    "UsageError": "formlint.errors",
}


def check(
    source: str | Path | bytes | Form,
    *,
    config: Config | Mapping[str, Any] | None = None,
    previous: str | Path | bytes | Form | Sequence[str | Path | bytes | Form] | None = None,
    as_of: dt.date | None = None,
    profile: str | None = None,
    rules: Iterable[type[Rule]] | None = None,
    name: str | None = None,
) -> Report:
    """Parse and lint one form and return its :class:`~formlint.report.Report`.

    ``source`` is a path, the file's bytes (give ``name`` so messages say which form) or a
    :class:`~formlint.model.Form` from :func:`parse`. ``previous`` is one earlier version of
    the form or a sequence of them (oldest first), for the revision rules. ``as_of`` is the
    date the date rules use (default: today). ``profile`` forces a form profile; ``rules``
    limits the run to these rule classes (default: every installed rule).

    ``config`` is a :class:`~formlint.config.Config` (e.g. from
    :func:`formlint.config.load_config`) or a mapping of configuration-file keys, as in
    ``.formlint.toml`` (``{"select": ["T1"], "severity": {"thin-section": "error"}}``;
    relative paths in it are taken from the current folder). An unknown key, rule name,
    severity or profile raises :class:`~formlint.config.ConfigError` (a
    :class:`~formlint.errors.UsageError`) naming the nearest valid choice, never silently
    ignored. ``None`` means the defaults; no configuration file is searched for.

    A form that cannot be read does not raise: the report holds it with ``error`` set (see
    ``Report.errors``), as the command line does. :func:`parse` raises instead. Each call
    shares no mutable state with any other, so calls may run in parallel threads.
    """
    from formlint import api
    from formlint.config import Config, from_mapping
    from formlint.model import Form
    from formlint.registry import discover

    settings = config if isinstance(config, Config) else from_mapping(config or {})
    available = list(rules) if rules is not None else list(discover().rules)
    settings = settings.resolve_rules(available)
    if previous is None:
        earlier: tuple[str | Path | bytes | Form, ...] = ()
    elif isinstance(previous, str | Path | bytes | Form):
        earlier = (previous,)
    else:
        earlier = tuple(previous)
    return api.check(
        source, previous=earlier, as_of=as_of, profile=profile, rules=available, name=name, config=settings
    )


def __getattr__(name: str) -> Any:
    # Lazy so that importing a submodule (or `formlint --version`) stays cheap.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'formlint' has no attribute {name!r}")
