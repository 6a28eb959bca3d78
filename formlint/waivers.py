"""Waivers, inline disables and the step that applies them (and a baseline) to a report.

Forms cannot carry ``# noqa`` comments, so an accepted finding is waived in a TOML file kept
beside the forms (docs/waivers-and-baselines.md)::

    [[waiver]]
    path = "cases/carter/assessment.docx"      # and/or hash = "sha256:..."
    rule = "bare-assertion"                    # slug or code
    section = "analysis"                       # optional: section kind or heading
    text = "Mum is coping well."               # optional: the finding's quoted words
    reason = "Agreed at supervision: evidenced in the case notes of 12/03."
    who = "J. Okafor, team manager"
    until = 2025-09-30

A waiver applies to a form whose path **or** content hash matches (a renamed file keeps its
hash; a re-exported, re-paginated file keeps its path) and to its findings of that rule, in
that section, whose text has the same :func:`fingerprint` (normalised words, so page, line and
hyphenation changes do not matter). From the day after ``until`` it stops applying and is
reported as expired; a waiver that matched nothing is reported as unused.

Plain-text and Markdown forms may also say ``formlint: disable=SLUG[,SLUG]`` on a line of its
own (or in an HTML comment). Above the first heading it disables the rules for the whole form;
further down, from that line until a ``formlint: enable=SLUG`` line or the end of the form.

:func:`apply_suppressions` removes waived, baselined and disabled findings from a report and
returns a :class:`Suppressions` record saying how many of each, never silently.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from formlint.finding import Finding

if TYPE_CHECKING:
    from formlint.baseline import Baseline
    from formlint.report import FileResult, Report
    from formlint.rule import Rule

__all__ = [
    "Suppressions",
    "Waiver",
    "WaiverError",
    "apply_suppressions",
    "content_hash",
    "fingerprint",
    "inline_disables",
    "load_waivers",
    "normalise_text",
]

_KEYS = ("path", "hash", "rule", "section", "text", "fingerprint", "reason", "who", "until")
_REQUIRED = ("rule", "reason", "who", "until")
_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad]\s*\n\s*(\w)")
_NON_WORD = re.compile(r"[^\w]+")


class WaiverError(ValueError):
    """A mistake in a waiver file: ``str()`` names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


# -- identity -----------------------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """Words only: case, punctuation, soft hyphens, line-end hyphenation and spacing removed,
    so the same sentence reads the same after re-pagination or re-export."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def fingerprint_text(text: str) -> str:
    """The fingerprint of a finding's words (16 hex digits of a sha256: no personal data)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def fingerprint(finding: Finding) -> str:
    """A finding's text fingerprint: of its quoted words, or of its message when it quotes none."""
    return fingerprint_text(finding.text if finding.text else finding.message)


@cache
def _hash_file(path: str, mtime_ns: int, size: int) -> str | None:
    try:
        return "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def content_hash(path: str | Path) -> str | None:
    """``sha256:<hex>`` of a file's bytes, or None when it cannot be read (standard input)."""
    try:
        stat = Path(path).stat()
    except (OSError, ValueError):
        return None
    return _hash_file(str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)


def _normal_hash(value: str) -> str:
    value = value.strip().lower()
    return value if value.startswith("sha256:") else f"sha256:{value}"


def resolve_path(path: str | Path, root: Path | None = None) -> str:
    p = Path(path).expanduser()
    if root is not None and not p.is_absolute():
        p = root / p
    return str(p.resolve())


def section_matches(wanted: str | None, finding: Finding) -> bool:
    """True when ``wanted`` (a section kind or heading, any case; None or ``*``: any) names the
    finding's section."""
    if wanted is None or wanted == "*":
        return True
    key = normalise_text(wanted)
    return key in (normalise_text(finding.section or ""), normalise_text(finding.heading or ""))


# -- waiver files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Waiver:
    rule: str  # slug
    reason: str
    who: str
    until: dt.date
    path: str | None = None  # resolved
    hash: str | None = None
    section: str | None = None
    fingerprint: str | None = None
    file: str = ""
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def expired(self, today: dt.date) -> bool:
        return self.until < today

    def covers_form(self, path: str | None, digest: str | None) -> bool:
        return (self.path is not None and path is not None and self.path == path) or (
            self.hash is not None and digest is not None and self.hash == digest
        )

    def covers(self, finding: Finding) -> bool:
        return (
            finding.rule == self.rule
            and section_matches(self.section, finding)
            and (self.fingerprint is None or self.fingerprint == fingerprint(finding))
        )

    def describe(self) -> str:
        target = self.path or self.hash or "?"
        section = f" in {self.section!r}" if self.section else ""
        return f"{self.rule}{section} on {target} (by {self.who}, until {self.until.isoformat()})"


def _waiver_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.strip().startswith("[[waiver]]")]


def load_waivers(path: str | Path, rules: Sequence[type[Rule]] | None = None) -> list[Waiver]:
    """The waivers in a TOML file; rule names are checked against ``rules`` (slug or code) when
    given. Raises :class:`WaiverError` naming the file, the line and the nearest valid choice."""
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WaiverError(file, None, "no such waiver file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise WaiverError(file, None, f"cannot be read ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        raise WaiverError(file, int(found.group(1)) if found else None, f"not valid TOML ({exc})") from None
    for key in data:
        if key != "waiver":
            raise WaiverError(
                file, None, f"unknown top-level key {key!r}; a waiver file holds [[waiver]] tables"
            )
    tables = data.get("waiver", [])
    if not isinstance(tables, list):
        raise WaiverError(file, None, "'waiver' must be an array of [[waiver]] tables")
    lines = _waiver_lines(text)
    root = Path(path).resolve().parent
    return [_waiver(t, file, lines[i] if i < len(lines) else None, root, rules) for i, t in enumerate(tables)]


def _waiver(
    table: Mapping[str, Any], file: str, line: int | None, root: Path, rules: Sequence[type[Rule]] | None
) -> Waiver:
    def fail(message: str) -> WaiverError:
        return WaiverError(file, line, f"waiver: {message}")

    for key in table:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]!r}?" if close else f"; valid keys: {', '.join(_KEYS)}"
            raise fail(f"unknown key {key!r}{hint}")
    for key in _REQUIRED:
        if key not in table or (isinstance(table[key], str) and not table[key].strip()):
            raise fail(f"missing required key {key!r} (every waiver says why, who agreed it and until when)")
    for key in ("path", "hash", "rule", "section", "text", "fingerprint", "reason", "who"):
        if key in table and not isinstance(table[key], str):
            raise fail(f"{key!r} must be a string, not {table[key]!r}")
    if "path" not in table and "hash" not in table:
        raise fail("needs 'path' or 'hash' (or both) to name the form it waives")
    if "text" in table and "fingerprint" in table:
        raise fail("give 'text' or 'fingerprint', not both")
    until = table["until"]
    if isinstance(until, str):
        try:
            until = dt.date.fromisoformat(until)
        except ValueError:
            raise fail(f"'until' must be a date (YYYY-MM-DD), not {until!r}") from None
    if isinstance(until, dt.datetime):
        until = until.date()
    if not isinstance(until, dt.date):
        raise fail(f"'until' must be a date (YYYY-MM-DD), not {until!r}")
    rule = str(table["rule"])
    if rules is not None:
        found = next((r for r in rules if rule == r.slug or rule.upper() == r.code), None)
        if found is None:
            names = [r.slug for r in rules]
            close = difflib.get_close_matches(rule, names, n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]!r}?" if close else " (see `formlint rules`)"
            raise fail(f"unknown rule {rule!r}{hint}")
        rule = found.slug
    print_ = table.get("fingerprint")
    if print_ is not None and not re.fullmatch(r"[0-9a-f]{16}", print_):
        raise fail(f"'fingerprint' must be 16 hex digits as `formlint baseline` writes them, not {print_!r}")
    return Waiver(
        rule=rule,
        reason=table["reason"].strip(),
        who=table["who"].strip(),
        until=until,
        path=resolve_path(table["path"], root) if "path" in table else None,
        hash=_normal_hash(table["hash"]) if "hash" in table else None,
        section=table.get("section"),
        fingerprint=fingerprint_text(table["text"]) if "text" in table else print_,
        file=file,
        line=line,
    )


# -- inline disables ----------------------------------------------------------------------------

_DIRECTIVE = re.compile(
    r"^\s*(?:<!--\s*)?(?:#\s*|//\s*)?formlint:\s*(disable|enable)\s*=\s*([\w\s,-]+?)\s*(?:-->)?\s*$",
    re.IGNORECASE,
)
# "Mum is coping well. <!-- formlint: disable=bare-assertion -->": for that line alone.
_TRAILING = re.compile(r"\S.*?<!--\s*formlint:\s*disable\s*=\s*([\w\s,-]+?)\s*-->\s*$", re.IGNORECASE)
_TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


@dataclass(frozen=True)
class Disable:
    """``formlint: disable=`` for ``rule`` from ``start`` to ``end`` (1-based lines, inclusive);
    ``start`` 0 means the whole form."""

    rule: str
    start: int
    end: int | None
    line: int

    def covers(self, finding: Finding) -> bool:
        if finding.rule != self.rule and finding.code != self.rule.upper():
            return False
        if self.start == 0:
            return True
        where = finding.location.paragraph
        return where is not None and where >= self.start and (self.end is None or where <= self.end)


def inline_disables(text: str, first_heading: int | None = None) -> list[Disable]:
    """The disables a form's text declares. ``first_heading`` is the line of the form's first
    section heading: a disable above it covers the whole form."""
    out: list[Disable] = []
    open_: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        found = _DIRECTIVE.match(line)
        trailing = None if found else _TRAILING.search(line)
        if trailing:
            # At the end of a line of text, like a linter's no-QA comment: that line only.
            names = [n.strip().lower() for n in trailing.group(1).split(",") if n.strip()]
            out.extend(Disable(name, number, number, number) for name in names)
        if not found:
            continue
        names = [n.strip().lower() for n in found.group(2).split(",") if n.strip()]
        for name in names:
            if found.group(1).lower() == "disable":
                whole = first_heading is None or number < first_heading
                open_.setdefault(name, (0 if whole else number, number))
            elif name in open_:
                start, where = open_.pop(name)
                out.append(Disable(name, start, number, where))
    out.extend(Disable(name, start, None, where) for name, (start, where) in open_.items())
    return out


def _form_disables(result: FileResult) -> list[Disable]:
    if result.form is None or not result.path.lower().endswith(_TEXT_SUFFIXES):
        return []
    try:
        data = Path(result.path).read_bytes()
    except OSError:
        return []
    from formlint.parsers.text import decode

    text, _ = decode(data, result.path)
    headings = [s.location.paragraph for s in result.form.sections if s.location.paragraph]
    return inline_disables(text, min(headings) if headings else None)


# -- applying -----------------------------------------------------------------------------------


@dataclass
class Suppressions:
    """What was taken out of a report, so output can say so (never silently)."""

    waived: int = 0
    baselined: int = 0
    disabled: int = 0
    expired: list[Waiver] = field(default_factory=list)
    unused: list[Waiver] = field(default_factory=list)
    unknown_disables: list[str] = field(default_factory=list)  # "path:line: name"

    @property
    def total(self) -> int:
        return self.waived + self.baselined + self.disabled

    def notes(self) -> list[str]:
        """One line per expired or unused waiver and unknown disable name (for standard error)."""
        lines = [f"{w.where}: expired waiver no longer applies: {w.describe()}" for w in self.expired]
        lines += [f"{w.where}: unused waiver (matched no finding): {w.describe()}" for w in self.unused]
        lines += [f"{n}: formlint: disable names no installed rule" for n in self.unknown_disables]
        return lines

    def summary_line(self) -> str:
        return (
            f"Not shown: {self.waived} waived, {self.baselined} baselined, "
            f"{self.disabled} disabled inline; {len(self.expired)} expired and {len(self.unused)} "
            "unused waiver(s)."
        )

    def counts(self) -> dict[str, int]:
        """The counts the report summary carries (``waived``, ``baselined``, ``disabled``)."""
        return {"waived": self.waived, "baselined": self.baselined, "disabled": self.disabled}

    def to_dict(self) -> dict[str, Any]:
        return {
            "waived": self.waived,
            "baselined": self.baselined,
            "disabled": self.disabled,
            "expired_waivers": [_waiver_dict(w) for w in self.expired],
            "unused_waivers": [_waiver_dict(w) for w in self.unused],
        }


def _waiver_dict(waiver: Waiver) -> dict[str, Any]:
    return {
        "file": waiver.file,
        "line": waiver.line,
        "rule": waiver.rule,
        "path": waiver.path,
        "hash": waiver.hash,
        "section": waiver.section,
        "who": waiver.who,
        "until": waiver.until.isoformat(),
    }


def apply_suppressions(
    report: Report,
    *,
    waivers: Iterable[Waiver] = (),
    baseline: Baseline | None = None,
    as_of: dt.date | None = None,
    rules: Sequence[type[Rule]] = (),
    inline: bool = True,
) -> Suppressions:
    """Remove waived, baselined and inline-disabled findings from ``report`` (in place), in that
    order of precedence, and say how many; a waiver expires the day after its ``until``."""
    today = as_of or dt.date.today()
    done = Suppressions()
    live: list[Waiver] = []
    for waiver in waivers:
        (done.expired if waiver.expired(today) else live).append(waiver)
    used: set[int] = set()
    seen_forms: set[int] = set()
    known = {r.slug for r in rules} | {r.code for r in rules}
    matcher = baseline.matcher() if baseline is not None else None
    for result in report.files:
        if result.form is None:
            continue
        path = resolve_path(result.path) if result.path not in ("<stdin>", "<bytes>", "-") else None
        digest = content_hash(result.path) if path is not None else None
        mine = [(i, w) for i, w in enumerate(live) if w.covers_form(path, digest)]
        seen_forms.update(i for i, _ in mine)
        disables = _form_disables(result) if inline else []
        for d in disables:
            if known and d.rule not in known and d.rule.upper() not in known:
                done.unknown_disables.append(f"{result.path}:{d.line}: {d.rule}")
        kept: list[Finding] = []
        for finding in result.findings:
            hit = next((i for i, w in mine if w.covers(finding)), None)
            if hit is not None:
                used.add(hit)
                done.waived += 1
            elif matcher is not None and matcher.take(path, digest, finding):
                done.baselined += 1
            elif any(d.covers(finding) for d in disables):
                done.disabled += 1
            else:
                kept.append(finding)
        result.findings[:] = kept
    done.unused = [w for i, w in enumerate(live) if i in seen_forms and i not in used]
    return done
