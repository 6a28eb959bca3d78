"""Baselines: accept the findings a back catalogue already has, show only new ones.

``formlint baseline PATH... --output baseline.json`` records, for each form, its path (relative
to the baseline file), its content hash and, per finding, the rule, the section and the text
:func:`~formlint.waivers.fingerprint` with a count. ``formlint check --baseline baseline.json``
then leaves out as many findings of each (form, rule, section, fingerprint) as were recorded,
and says how many it left out. Only fingerprints are written, never the form's words, so the
file carries no personal data (docs/waivers-and-baselines.md).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from formlint import __version__
from formlint.finding import Finding
from formlint.waivers import content_hash, fingerprint, resolve_path

if TYPE_CHECKING:
    from formlint.report import Report

FORMAT_VERSION = 1
Key = tuple[str, str, str]  # rule, section, fingerprint


class BaselineError(ValueError):
    """A baseline file formlint cannot use."""


def finding_key(finding: Finding) -> Key:
    return (finding.rule, finding.section or finding.heading or "", fingerprint(finding))


@dataclass(frozen=True)
class BaselineForm:
    path: str  # resolved
    hash: str | None
    findings: Counter[Key]


@dataclass
class BaselineMatcher:
    """Counts down a baseline's entries as findings are matched (one use per recorded finding)."""

    forms: list[BaselineForm]
    left: list[Counter[Key]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.left = [Counter(f.findings) for f in self.forms]

    def take(self, path: str | None, digest: str | None, finding: Finding) -> bool:
        key = finding_key(finding)
        for form, left in zip(self.forms, self.left, strict=True):
            same = (path is not None and form.path == path) or (digest is not None and form.hash == digest)
            if same and left[key] > 0:
                left[key] -= 1
                return True
        return False


@dataclass(frozen=True)
class Baseline:
    forms: tuple[BaselineForm, ...]
    file: str = ""

    def matcher(self) -> BaselineMatcher:
        return BaselineMatcher(list(self.forms))

    @property
    def size(self) -> int:
        return sum(sum(f.findings.values()) for f in self.forms)


def baseline_data(report: Report, output: str | Path) -> dict[str, Any]:
    """The JSON object ``formlint baseline`` writes for ``report`` to ``output``."""
    root = Path(output).resolve().parent
    forms = []
    for result in report.files:
        if result.form is None or not result.findings:
            continue
        counts = Counter(finding_key(f) for f in result.findings)
        resolved = Path(resolve_path(result.path))
        try:
            written = resolved.relative_to(root).as_posix()
        except ValueError:
            written = resolved.as_posix()
        forms.append(
            {
                "path": written,
                "hash": content_hash(result.path),
                "findings": [
                    {"rule": rule, "section": section, "fingerprint": print_, "count": n}
                    for (rule, section, print_), n in sorted(counts.items())
                ],
            }
        )
    return {
        "formlint_baseline": FORMAT_VERSION,
        "formlint": __version__,
        "created": dt.date.today().isoformat(),
        "findings": sum(len(r.findings) for r in report.files if r.form is not None),
        "forms": forms,
    }


def write_baseline(report: Report, output: str | Path) -> int:
    """Write the baseline of ``report`` to ``output``; the number of findings recorded."""
    data = baseline_data(report, output)
    Path(output).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return int(data["findings"])


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file. Raises :class:`BaselineError` naming the file and what is wrong."""
    file = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{file}: no such baseline file (write one with `formlint baseline`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{file}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{file}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or data.get("formlint_baseline") != FORMAT_VERSION:
        raise BaselineError(
            f"{file}: not a formlint baseline (version {FORMAT_VERSION}); write one with `formlint baseline`"
        )
    root = Path(path).resolve().parent
    forms = []
    try:
        for entry in data["forms"]:
            counts: Counter[Key] = Counter()
            for item in entry["findings"]:
                counts[(str(item["rule"]), str(item["section"]), str(item["fingerprint"]))] += int(
                    item["count"]
                )
            forms.append(BaselineForm(resolve_path(entry["path"], root), entry.get("hash"), counts))
    except (KeyError, TypeError, ValueError) as exc:
        raise BaselineError(f"{file}: a form entry is malformed ({type(exc).__name__}: {exc})") from None
    return Baseline(tuple(forms), file)
