"""Small helpers the writers share: where a finding is, line numbers, text safe for XML."""

from __future__ import annotations

import re

from formlint.finding import Finding
from formlint.report import FileResult

# Formats whose Location.paragraph is a 1-based line number (see docs/output-json.md).
LINE_FORMATS = frozenset({"txt", "md"})

# Characters XML 1.0 cannot carry at all (Word text can hold form feeds and vertical tabs).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def line_of(result: FileResult, finding: Finding) -> int | None:
    """The 1-based line a finding starts on, for forms read as lines (text, Markdown)."""
    if result.form is None or result.form.format not in LINE_FORMATS:
        return None
    paragraph = finding.location.paragraph
    return paragraph if paragraph is not None and paragraph >= 1 else None


def where(finding: Finding) -> str:
    """A person's reading of the location: the heading as written, then page/table/row/para."""
    parts = []
    if finding.heading:
        parts.append(f"'{finding.heading}'")
    loc = finding.location.describe()
    if loc != "whole form" or not parts:
        parts.append(loc)
    return ", ".join(parts)


def xml_safe(text: str) -> str:
    """``text`` with characters XML 1.0 forbids replaced by a space."""
    return _NOT_XML.sub(" ", text)


def one_line(text: str, limit: int | None = None) -> str:
    flat = " ".join(text.split())
    if limit is not None and len(flat) > limit:
        return flat[:limit] + "…"
    return flat
