"""Report writers: one small module per output format, all reading the same Report.

``get(name)`` returns a :class:`Formatter`; ``FORMATS`` lists the names in the order the CLI
offers them. Modules are imported only when their format is asked for, so start-up stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from formlint.finding import Severity

if TYPE_CHECKING:
    from formlint.report import Report
    from formlint.rule import Rule

# name -> "module:Class"; add a line here to add a format.
_REGISTRY: dict[str, str] = {
    "text": "formlint.formatters.text:TextFormatter",
    "json": "formlint.formatters.json_:JsonFormatter",
    "jsonl": "formlint.formatters.json_:JsonLinesFormatter",
    "sarif": "formlint.formatters.sarif:SarifFormatter",
    "junit": "formlint.formatters.junit:JUnitFormatter",
    "csv": "formlint.formatters.csv_:CsvFormatter",
    "github": "formlint.formatters.github:GitHubFormatter",
    "html": "formlint.formatters.html:HtmlFormatter",
}
FORMATS: tuple[str, ...] = tuple(_REGISTRY)
STYLES: tuple[str, ...] = ("full", "concise")


@dataclass(frozen=True)
class RenderOptions:
    """What a writer may need beyond the report. Every field has a sensible default.

    ``style`` and ``color`` are for ``text``; ``include_errors`` puts unreadable-file lines in
    the text report (the CLI turns it off when those lines already went to standard error);
    ``fail_on`` decides which findings are JUnit failures; ``rules`` are the rules that ran
    (SARIF rule metadata; default: every installed rule); ``docs_url`` is the base that SARIF
    ``helpUri`` is built on (``<docs_url><slug>.md``; default: this checkout's docs/rules/ as a
    file URI when it exists, otherwise no helpUri); ``bom`` starts CSV with a UTF-8 byte order
    mark so spreadsheet programs read the accents and curly quotes correctly.
    """

    style: str = "full"
    color: bool = False
    include_errors: bool = True
    fail_on: Severity = Severity.WARNING
    rules: Sequence[type[Rule]] | None = None
    docs_url: str | None = None
    bom: bool = False


class Formatter(Protocol):
    name: ClassVar[str]
    suffix: ClassVar[str]  # usual file name ending, e.g. ".sarif"

    def render(self, report: Report, options: RenderOptions) -> str:
        """The whole output as text, ending with a newline unless it is empty."""
        ...


def get(name: str) -> Formatter:
    """The writer for ``name``; ``KeyError`` naming the known formats if there is none."""
    try:
        target = _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}") from None
    module, _, cls = target.partition(":")
    formatter: Formatter = getattr(importlib.import_module(module), cls)()
    return formatter


def render(report: Report, name: str = "text", options: RenderOptions | None = None) -> str:
    return get(name).render(report, options or RenderOptions())


__all__ = ["FORMATS", "STYLES", "Formatter", "RenderOptions", "get", "render"]
